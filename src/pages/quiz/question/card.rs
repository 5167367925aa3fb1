//! The current question with its inputs, feedback and buttons, and what
//! those buttons (and the keyboard shortcuts) do to the session.

use super::feedback::{Feedback, FinishConfirm, MissingQuestion};
use super::keys::listen_for_shortcuts;
use super::{expire_if_due, local_now, Quiz, QUESTION_HEADING};
use crate::components::focus::focus_after_render;
use crate::components::form::Binding;
use crate::components::question::{ChoiceOptions, FillInField, OnScreen, OrderList, QuestionText};
use crate::components::source::PackNote;
use crate::domain::quiz::{AnswerGiven, QuestionKind, QuizChoice, QuizMode, Score, SessionError};
use crate::domain::text::sentence;
use leptos::prelude::*;

/// What the current question's inputs hold before it is submitted.
#[derive(Clone, Copy)]
pub(super) struct AnswerDraft {
    /// The choices ticked (single, multiple and pick-any questions).
    pub(super) picked: RwSignal<Vec<String>>,
    /// The text typed (fill-in questions).
    pub(super) text: RwSignal<String>,
    /// The items in the learner's order (ordering questions).
    pub(super) order: RwSignal<Vec<String>>,
}

impl AnswerDraft {
    /// The inputs as the saved answer left them, or empty; an ordering
    /// question starts in the order its items are shown.
    fn from_saved(saved: Option<&AnswerGiven>, shown: Vec<String>) -> Self {
        AnswerDraft {
            picked: RwSignal::new(match saved {
                Some(AnswerGiven::Choices(ids)) => ids.clone(),
                _ => Vec::new(),
            }),
            text: RwSignal::new(match saved {
                Some(AnswerGiven::Text(text)) => text.clone(),
                _ => String::new(),
            }),
            order: RwSignal::new(match saved {
                Some(AnswerGiven::Order(ids)) => ids.clone(),
                _ => shown,
            }),
        }
    }

    /// The answer the inputs make, `None` while nothing is chosen or typed.
    fn answer(&self, kind: QuestionKind) -> Option<AnswerGiven> {
        match kind {
            QuestionKind::FillIn => {
                let text = self.text.get_untracked();
                (!text.trim().is_empty()).then_some(AnswerGiven::Text(text))
            }
            QuestionKind::Ordering => Some(AnswerGiven::Order(self.order.get_untracked())),
            _ => {
                let picked = self.picked.get_untracked();
                (!picked.is_empty()).then_some(AnswerGiven::Choices(picked))
            }
        }
    }
}

/// The question on screen and what its buttons and keys do; `Copy`, so
/// every handler of the card holds one.
#[derive(Clone, Copy)]
pub(super) struct Card {
    /// The page context.
    pub(super) quiz: Quiz,
    /// The question's kind, which decides its inputs.
    pub(super) kind: QuestionKind,
    /// Practice and reviews: each answer is checked and explained at once.
    pub(super) immediate: bool,
    /// Whether this is the last question of the quiz.
    pub(super) last: bool,
    /// What the inputs hold.
    pub(super) draft: AnswerDraft,
    /// The score of the submitted answer, once there is one.
    pub(super) score: Memo<Option<Score>>,
    /// A problem with the last action, shown under the inputs.
    pub(super) message: RwSignal<Option<String>>,
    /// Whether the "finish with unanswered questions?" question is open.
    pub(super) confirming_finish: RwSignal<bool>,
}

impl Card {
    /// Whether the answer can no longer change (checked in practice).
    pub(super) fn locked(self) -> bool {
        self.immediate && self.score.get().is_some()
    }

    /// Ends the quiz and shows the results.
    pub(super) fn finish(self) {
        let now = local_now();
        self.quiz
            .with_session(|s, bank, progress| s.finish(bank, progress, now));
        focus_after_render("main-content");
    }

    /// Shows a refused action, or ends an exam whose time ran out.
    fn refused(self, error: SessionError) {
        match error {
            SessionError::TimeUp => expire_if_due(self.quiz),
            other => self.message.set(Some(sentence(&other.to_string()))),
        }
    }

    /// Submits the draft now, when there is one.
    fn submit(self, answer: AnswerGiven) {
        let now = local_now();
        if let Some(Err(e)) = self
            .quiz
            .with_session(|s, bank, progress| s.submit(bank, progress, answer, now))
        {
            self.refused(e);
        }
    }

    /// In an exam, saves every change of the inputs as the answer.
    pub(super) fn save_exam(self) {
        if self.immediate {
            return;
        }
        if let Some(answer) = self.draft.answer(self.kind) {
            self.submit(answer);
        }
    }

    /// Check answer: scores the draft, or says what is missing.
    fn check(self) {
        let Some(answer) = self.draft.answer(self.kind) else {
            self.message.set(Some(
                match self.kind {
                    QuestionKind::FillIn => "Type an answer first.",
                    _ => "Choose an answer first.",
                }
                .into(),
            ));
            return;
        };
        self.message.set(None);
        self.submit(answer);
    }

    /// Next (`forward`) or Back; past the last question, the results.
    pub(super) fn go(self, forward: bool) {
        let now = local_now();
        let moved = self
            .quiz
            .with_session(|s, _, _| if forward { s.advance(now) } else { s.back(now) });
        match moved {
            Some(Ok(())) => focus_after_render(QUESTION_HEADING),
            Some(Err(SessionError::AtEnd)) => self.finish(),
            Some(Err(e)) => self.refused(e),
            None => {}
        }
    }

    /// How many questions of the quiz have no answer yet.
    pub(super) fn unanswered(self) -> usize {
        self.quiz.state.quiz().with(|q| {
            q.session.as_ref().map_or(0, |s| {
                s.order()
                    .iter()
                    .filter(|id| s.response(id).is_none())
                    .count()
            })
        })
    }

    /// Finish exam: at once, or after asking when questions are unanswered.
    pub(super) fn ask_finish(self) {
        if untrack(|| self.unanswered()) == 0 {
            self.finish();
        } else {
            self.confirming_finish.set(true);
        }
    }

    /// The main button (and Enter): check, next, or finish.
    pub(super) fn primary(self) {
        if self.immediate {
            if self.score.get_untracked().is_some() {
                self.go(true);
            } else {
                self.check();
            }
        } else if self.last {
            self.ask_finish();
        } else {
            self.go(true);
        }
    }

    /// The main button's words.
    fn primary_label(self) -> &'static str {
        if self.immediate {
            match (self.score.get().is_some(), self.last) {
                (false, _) => "Check answer",
                (true, false) => "Next question",
                (true, true) => "See results",
            }
        } else if self.last {
            "Finish exam"
        } else {
            "Next question"
        }
    }

    /// Ticks or unticks a choice (a radio replaces the one ticked).
    pub(super) fn choose(self, id: String) {
        if self.kind == QuestionKind::Single {
            self.draft.picked.set(vec![id]);
        } else {
            self.draft.picked.update(|p| {
                if let Some(at) = p.iter().position(|x| *x == id) {
                    p.remove(at);
                } else {
                    p.push(id);
                }
            });
        }
        self.message.set(None);
        self.save_exam();
    }

    /// Which keys help: shown under the instructions.
    fn shortcut(self, choice_count: usize) -> String {
        let action_word = if self.immediate {
            "checks the answer"
        } else if self.last {
            "finishes the exam"
        } else {
            "goes to the next question"
        };
        match self.kind {
            QuestionKind::FillIn | QuestionKind::Ordering => format!("Enter {action_word}."),
            _ => format!("Keys 1–{choice_count} choose an option; Enter {action_word}."),
        }
    }
}

/// The current question with its inputs, feedback and buttons.
#[component]
pub(super) fn QuestionCard(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let snapshot = quiz.read_session(|s, bank| {
        let question = s.current_question(bank).cloned();
        let choices: Vec<QuizChoice> = question
            .as_ref()
            .map(|question| s.choice_order(question).into_iter().cloned().collect())
            .unwrap_or_default();
        let scenario = question
            .as_ref()
            .and_then(|q| q.scenario.as_deref())
            .and_then(|id| bank.scenario(id))
            .cloned();
        Some((
            s.spec().mode,
            s.current_index(),
            s.order().len(),
            question,
            scenario,
            choices,
            s.response(s.current_id()).map(|r| r.answer.clone()),
        ))
    });
    let Some((mode, index, total, question, scenario, choices, saved)) = snapshot else {
        return ().into_any();
    };
    let last = index + 1 == total;
    let Some(question) = question else {
        return view! { <MissingQuestion quiz=quiz last=last/> }.into_any();
    };
    let qid = question.id.clone();
    let shown_order = choices.iter().map(|c| c.id.clone()).collect();
    let score = {
        let qid = qid.clone();
        Memo::new(move |_| {
            quiz.state.quiz().with(|q| {
                q.session
                    .as_ref()
                    .and_then(|s| s.response(&qid))
                    .map(|r| r.score)
            })
        })
    };
    let card = Card {
        quiz,
        kind: question.kind,
        immediate: mode.immediate_feedback(),
        last,
        draft: AnswerDraft::from_saved(saved.as_ref(), shown_order),
        score,
        message: RwSignal::new(None),
        confirming_finish: RwSignal::new(false),
    };
    let shortcut = card.shortcut(choices.len());
    let question = StoredValue::new(question);
    let choices = StoredValue::new(choices);
    listen_for_shortcuts(card, choices);
    let shown = OnScreen {
        question,
        choices,
        locked: Signal::derive(move || card.locked()),
    };

    let inputs = match card.kind {
        QuestionKind::FillIn => {
            // In an exam, every change is saved.
            let typed = Binding::new(
                move || card.draft.text.get(),
                move |text| {
                    card.draft.text.set(text);
                    card.message.set(None);
                    card.save_exam();
                },
            );
            view! { <FillInField typed=typed disabled=shown.locked/> }.into_any()
        }
        QuestionKind::Ordering => view! {
            <OrderList
                shown=shown
                order=card.draft.order
                on_move=Callback::new(move |()| card.save_exam())
            />
        }
        .into_any(),
        _ => view! {
            <ChoiceOptions
                shown=shown
                picked=card.draft.picked.into()
                on_choose=Callback::new(move |id| card.choose(id))
            />
        }
        .into_any(),
    };

    view! {
        <div class="quiz-card" data-question-id=qid>
            <QuestionText question=question scenario=scenario shortcut=shortcut/>
            {inputs}
            <p class="field-error" role="alert">{move || card.message.get()}</p>
            <div class="quiz-feedback-region" aria-live="polite">
                {move || {
                    let score = score.get().filter(|_| card.immediate)?;
                    Some(view! { <Feedback quiz=quiz question=question score=score spaced=mode == QuizMode::SpacedReview/> })
                }}
            </div>
            <Show when=move || card.confirming_finish.get()>
                <FinishConfirm card=card/>
            </Show>
            <PackNote custom=quiz.custom/>
            <div class="button-row quiz-nav">
                {(!card.immediate).then(|| view! {
                    <button type="button" class="secondary" prop:disabled=index == 0 on:click=move |_| card.go(false)>"Back"</button>
                })}
                <button type="button" data-testid="quiz-primary" on:click=move |_| card.primary()>{move || card.primary_label()}</button>
                {if card.immediate {
                    view! { <button type="button" class="secondary" on:click=move |_| card.finish()>"End quiz and see results"</button> }.into_any()
                } else {
                    (!last).then(|| view! { <button type="button" class="secondary" on:click=move |_| card.ask_finish()>"Finish exam"</button> }).into_any()
                }}
                <button type="button" class="secondary" on:click=move |_| quiz.show_start.set(true)>"Pause and go to the start screen"</button>
            </div>
        </div>
    }
    .into_any()
}
