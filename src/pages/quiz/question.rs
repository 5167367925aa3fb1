//! One question of a running quiz: the scenario, the prompt, the inputs of
//! its kind, number-key and Enter shortcuts, feedback (practice and reviews)
//! or Back/Next/Finish (exams), and the exam clock.

use super::{
    focus_question_heading, format_duration, format_when, local_now, mode_name, plural,
    question_link, right_answer_text, source_text, Quiz,
};
use crate::domain::quiz::{
    scoring_rule, AnswerGiven, Question, QuestionKind, QuizChoice, QuizMode, Score, SessionError,
    Verdict,
};
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration as StdDuration;
use wasm_bindgen::JsCast;

/// The running quiz: header, clock and the current question.
#[component]
pub(super) fn QuestionView(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let now = RwSignal::new(local_now());
    let timed = quiz
        .state
        .quiz
        .with_untracked(|q| q.session.as_ref().and_then(|s| s.deadline()).is_some());
    expire_if_due(quiz);
    if timed {
        let tick = move || {
            now.set(local_now());
            expire_if_due(quiz);
        };
        if let Ok(handle) = set_interval_with_handle(tick, StdDuration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    }
    let header = Memo::new(move |_| {
        quiz.state.quiz.with(|q| {
            q.session.as_ref().map(|s| {
                let answered = s
                    .order()
                    .iter()
                    .filter(|id| s.response(id).is_some())
                    .count();
                (s.spec().mode, s.current_index(), s.order().len(), answered)
            })
        })
    });
    let remaining = move || {
        let at = now.get();
        quiz.state
            .quiz
            .with(|q| q.session.as_ref().and_then(|s| s.remaining(at)))
    };
    let key = Memo::new(move |_| {
        quiz.state.quiz.with(|q| {
            q.session
                .as_ref()
                .map(|s| (s.started_at(), s.current_index()))
        })
    });
    view! {
        <section class="quiz-question" aria-labelledby="quiz-question-heading">
            {move || header.get().map(|(mode, index, total, answered)| view! {
                <h2 id="quiz-question-heading" tabindex="-1">{format!("Question {} of {total}", index + 1)}</h2>
                <p class="quiz-meta">
                    {mode_name(mode)}
                    {(mode == QuizMode::Exam).then(|| format!(" · {answered} of {total} answered"))}
                </p>
            })}
            {move || remaining().map(|left| view! {
                <p class="quiz-timer" role="timer" aria-atomic="true">
                    "Time remaining: " <strong>{format_duration(left)}</strong>
                </p>
            })}
            {move || key.get().map(|_| view! { <QuestionCard quiz=quiz/> })}
        </section>
    }
}

/// Ends a timed exam whose time has run out (also right after a reload).
fn expire_if_due(quiz: Quiz) {
    let now = local_now();
    let due = quiz.state.quiz.with_untracked(|q| {
        q.session
            .as_ref()
            .is_some_and(|s| !s.is_finished() && s.time_up(now))
    });
    if due {
        quiz.with_session(|s, bank, progress| s.expire(bank, progress, now));
        quiz.notices.push(
            crate::components::notice::NoticeKind::Warning,
            "Time is up: the exam has ended and your answers so far were scored.",
        );
    }
}

/// What the current question's inputs hold before it is submitted.
#[derive(Clone, Copy)]
struct Draft {
    picked: RwSignal<Vec<String>>,
    text: RwSignal<String>,
    order: RwSignal<Vec<String>>,
}

impl Draft {
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

/// The current question with its inputs, feedback and buttons.
#[component]
fn QuestionCard(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let bank = quiz.bank.get_untracked();
    let snapshot = quiz.state.quiz.with_untracked(|q| {
        q.session.as_ref().map(|s| {
            let question = s.current_question(&bank).cloned();
            let choices: Vec<QuizChoice> = question
                .as_ref()
                .map(|question| s.choice_order(question).into_iter().cloned().collect())
                .unwrap_or_default();
            (
                s.spec().mode,
                s.current_index(),
                s.order().len(),
                question,
                choices,
                s.response(s.current_id()).map(|r| r.answer.clone()),
            )
        })
    });
    let Some((mode, index, total, question, choices, saved)) = snapshot else {
        return ().into_any();
    };
    let last = index + 1 == total;
    let Some(question) = question else {
        return view! { <MissingQuestion quiz=quiz last=last/> }.into_any();
    };
    let immediate = mode.immediate_feedback();
    let kind = question.kind;
    let qid = question.id.clone();
    let scenario = question
        .scenario
        .as_deref()
        .and_then(|id| bank.scenario(id))
        .cloned();
    let choice_ids: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
    let draft = Draft {
        picked: RwSignal::new(match &saved {
            Some(AnswerGiven::Choices(ids)) => ids.clone(),
            _ => Vec::new(),
        }),
        text: RwSignal::new(match &saved {
            Some(AnswerGiven::Text(text)) => text.clone(),
            _ => String::new(),
        }),
        order: RwSignal::new(match &saved {
            Some(AnswerGiven::Order(ids)) => ids.clone(),
            _ => choice_ids.clone(),
        }),
    };
    let score = {
        let qid = qid.clone();
        Memo::new(move |_| {
            quiz.state.quiz.with(|q| {
                q.session
                    .as_ref()
                    .and_then(|s| s.response(&qid))
                    .map(|r| r.score)
            })
        })
    };
    let locked = move || immediate && score.get().is_some();
    let message = RwSignal::new(None::<String>);
    let confirming_finish = RwSignal::new(false);
    let question = StoredValue::new(question);
    let choices = StoredValue::new(choices);

    let finish = move || {
        let now = local_now();
        quiz.with_session(|s, bank, progress| s.finish(bank, progress, now));
        focus_main();
    };
    let handle_error = move |error: SessionError| match error {
        SessionError::TimeUp => expire_if_due(quiz),
        other => message.set(Some(super::capitalize(&other.to_string()) + ".")),
    };
    let save_exam = move || {
        if immediate {
            return;
        }
        if let Some(answer) = draft.answer(kind) {
            let now = local_now();
            if let Some(Err(e)) =
                quiz.with_session(|s, bank, progress| s.submit(bank, progress, answer, now))
            {
                handle_error(e);
            }
        }
    };
    let check = move || {
        let Some(answer) = draft.answer(kind) else {
            message.set(Some(
                match kind {
                    QuestionKind::FillIn => "Type an answer first.",
                    _ => "Choose an answer first.",
                }
                .into(),
            ));
            return;
        };
        message.set(None);
        let now = local_now();
        if let Some(Err(e)) =
            quiz.with_session(|s, bank, progress| s.submit(bank, progress, answer, now))
        {
            handle_error(e);
        }
    };
    let go = move |forward: bool| {
        let now = local_now();
        let moved = quiz.with_session(|s, _, _| if forward { s.advance(now) } else { s.back(now) });
        match moved {
            Some(Ok(())) => focus_question_heading(),
            Some(Err(SessionError::AtEnd)) => finish(),
            Some(Err(e)) => handle_error(e),
            None => {}
        }
    };
    let ask_finish = move || {
        let unanswered = quiz.state.quiz.with_untracked(|q| {
            q.session.as_ref().map_or(0, |s| {
                s.order()
                    .iter()
                    .filter(|id| s.response(id).is_none())
                    .count()
            })
        });
        if unanswered == 0 {
            finish();
        } else {
            confirming_finish.set(true);
        }
    };
    let primary = move || {
        if immediate {
            if score.get_untracked().is_some() {
                go(true);
            } else {
                check();
            }
        } else if last {
            ask_finish();
        } else {
            go(true);
        }
    };
    let choose = move |id: String| {
        if kind == QuestionKind::Single {
            draft.picked.set(vec![id]);
        } else {
            draft.picked.update(|p| {
                if let Some(at) = p.iter().position(|x| *x == id) {
                    p.remove(at);
                } else {
                    p.push(id);
                }
            });
        }
        message.set(None);
        save_exam();
    };

    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
        let input_type = target
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.type_());
        let on_choice = matches!(input_type.as_deref(), Some("radio" | "checkbox"));
        let typing =
            matches!(tag.as_str(), "TEXTAREA" | "SELECT") || (tag == "INPUT" && !on_choice);
        let key = event.key();
        if key == "Enter" {
            if matches!(
                tag.as_str(),
                "BUTTON" | "A" | "SUMMARY" | "TEXTAREA" | "SELECT"
            ) || input_type.as_deref() == Some("file")
            {
                return;
            }
            event.prevent_default();
            primary();
            return;
        }
        if typing || kind == QuestionKind::Ordering || kind == QuestionKind::FillIn {
            return;
        }
        let Some(number) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) else {
            return;
        };
        if score.get_untracked().is_some() && immediate {
            return;
        }
        if let Some(id) = choices.with_value(|c| c.get(number - 1).map(|c| c.id.clone())) {
            event.prevent_default();
            choose(id);
        }
    });
    on_cleanup(move || keys.remove());

    let count = choices.with_value(Vec::len);
    let instruction = match kind {
        QuestionKind::Single => "Choose one answer.".to_string(),
        QuestionKind::Multiple => "Choose every right answer.".to_string(),
        QuestionKind::PickAny => format!(
            "Choose {}.",
            question.with_value(|q| q.pick.unwrap_or(q.correct.len()))
        ),
        QuestionKind::FillIn => "Type your answer.".to_string(),
        QuestionKind::Ordering => {
            "Put the items in the right order with the Move up and Move down buttons.".to_string()
        }
    };
    let action_word = if immediate {
        "checks the answer"
    } else if last {
        "finishes the exam"
    } else {
        "goes to the next question"
    };
    let shortcut = match kind {
        QuestionKind::FillIn | QuestionKind::Ordering => format!("Enter {action_word}."),
        _ => format!("Keys 1–{count} choose an option; Enter {action_word}."),
    };
    let primary_label = move || {
        if immediate {
            match (score.get().is_some(), last) {
                (false, _) => "Check answer",
                (true, false) => "Next question",
                (true, true) => "See results",
            }
        } else if last {
            "Finish exam"
        } else {
            "Next question"
        }
    };

    let inputs = match kind {
        QuestionKind::FillIn => view! {
            <div class="field">
                <label for="quiz-fill">"Your answer"</label>
                <input
                    id="quiz-fill"
                    type="text"
                    autocomplete="off"
                    aria-describedby="quiz-prompt quiz-instruction"
                    prop:value=move || draft.text.get()
                    prop:disabled=locked
                    on:input=move |ev| {
                        draft.text.set(event_target_value(&ev));
                        message.set(None);
                        save_exam();
                    }
                />
            </div>
        }
        .into_any(),
        QuestionKind::Ordering => {
            view! { <OrderList question=question choices=choices order=draft.order locked=Signal::derive(locked) on_move=Callback::new(move |()| save_exam())/> }
                .into_any()
        }
        _ => {
            let multiple = kind != QuestionKind::Single;
            view! {
                <fieldset class="quiz-options" aria-labelledby="quiz-prompt" aria-describedby="quiz-instruction">
                    {choices
                        .get_value()
                        .into_iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let id = format!("quiz-option-{i}");
                            let for_checked = choice.id.clone();
                            let for_change = choice.id.clone();
                            let is_right = question.with_value(|q| q.correct.contains(&choice.id));
                            let for_mark = choice.id.clone();
                            let picked_wrong = move || {
                                !is_right && draft.picked.with(|p| p.contains(&for_mark))
                            };
                            view! {
                                <div class="quiz-option">
                                    <input
                                        type=if multiple { "checkbox" } else { "radio" }
                                        name="quiz-answer"
                                        id=id.clone()
                                        prop:checked=move || draft.picked.with(|p| p.contains(&for_checked))
                                        prop:disabled=locked
                                        on:change=move |_| choose(for_change.clone())
                                    />
                                    <label for=id>
                                        <span class="quiz-option-key" aria-hidden="true">{i + 1}</span>
                                        <span>{choice.text.clone()}</span>
                                        {move || (locked() && is_right).then(|| view! { <span class="quiz-mark">" ✓ right answer"</span> })}
                                        {move || (locked() && picked_wrong()).then(|| view! { <span class="quiz-mark quiz-mark-wrong">" ✗ your answer"</span> })}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any()
        }
    };

    view! {
        <div class="quiz-card" data-question-id=qid.clone()>
            {scenario.map(|s| view! {
                <div class="quiz-scenario">
                    <h3>{s.title.clone()}</h3>
                    <p>{s.text.clone()}</p>
                </div>
            })}
            <p class="quiz-prompt" id="quiz-prompt">{question.with_value(|q| q.prompt.clone())}</p>
            <div id="quiz-instruction" class="quiz-instruction">
                <p>{instruction}</p>
                <p class="hint">{scoring_rule(kind)}</p>
                <p class="hint">{shortcut}</p>
            </div>
            {inputs}
            <p class="field-error" role="alert">{move || message.get()}</p>
            <div class="quiz-feedback-region" aria-live="polite">
                {move || {
                    let score = score.get().filter(|_| immediate)?;
                    Some(view! { <Feedback quiz=quiz question=question score=score spaced=mode == QuizMode::SpacedReview/> })
                }}
            </div>
            <Show when=move || confirming_finish.get()>
                <div class="quiz-confirm" role="group" aria-labelledby="quiz-finish-question">
                    <p id="quiz-finish-question">
                        {move || {
                            let unanswered = quiz.state.quiz.with(|q| {
                                q.session.as_ref().map_or(0, |s| s.order().iter().filter(|id| s.response(id).is_none()).count())
                            });
                            format!("{} no answer and will score 0. Finish the exam now?", plural_have(unanswered))
                        }}
                    </p>
                    <div class="button-row">
                        <button type="button" on:click=move |_| finish()>"Yes, finish the exam"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming_finish.set(false)>"Keep answering"</button>
                    </div>
                </div>
            </Show>
            <div class="button-row quiz-nav">
                {(!immediate).then(|| view! {
                    <button type="button" class="secondary" prop:disabled=index == 0 on:click=move |_| go(false)>"Back"</button>
                })}
                <button type="button" data-testid="quiz-primary" on:click=move |_| primary()>{primary_label}</button>
                {if immediate {
                    view! { <button type="button" class="secondary" on:click=move |_| finish()>"End quiz and see results"</button> }.into_any()
                } else {
                    (!last).then(|| view! { <button type="button" class="secondary" on:click=move |_| ask_finish()>"Finish exam"</button> }).into_any()
                }}
                <button type="button" class="secondary" on:click=move |_| quiz.show_start.set(true)>"Pause and go to the start screen"</button>
            </div>
        </div>
    }
    .into_any()
}

/// "1 question has", "3 questions have".
fn plural_have(n: usize) -> String {
    if n == 1 {
        "1 question has".to_string()
    } else {
        format!("{} have", plural(n, "question"))
    }
}

/// Moves focus to the page's main area after the view changed under it.
fn focus_main() {
    request_animation_frame(|| {
        if let Some(main) = document()
            .get_element_by_id("main-content")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    });
}

/// The items of an ordering question, each with Move up and Move down.
#[component]
fn OrderList(
    /// The question being answered.
    question: StoredValue<Question>,
    /// Its items, by id and text.
    choices: StoredValue<Vec<QuizChoice>>,
    /// The order the learner has made.
    order: RwSignal<Vec<String>>,
    /// Whether the answer can no longer change.
    locked: Signal<bool>,
    /// Called after every move, to save it.
    on_move: Callback<()>,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let text_of = move |id: &str| {
        choices.with_value(|c| {
            c.iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.text.clone())
        })
    };
    let slot_of = move |id: &str| {
        question.with_value(|q| q.choices.iter().position(|c| c.id == id).unwrap_or(0))
    };
    let shift = move |from: usize, up: bool| {
        let len = order.with_untracked(Vec::len);
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|t| *t < len)
        };
        let Some(to) = to else { return };
        let id = order.with_untracked(|o| o[from].clone());
        order.update(|o| o.swap(from, to));
        announcement.set(format!(
            "“{}” moved to position {} of {len}.",
            text_of(&id),
            to + 1
        ));
        on_move.run(());
        let slot = slot_of(&id);
        let keep_direction = if up { to > 0 } else { to + 1 < len };
        let button = match (up, keep_direction) {
            (true, true) | (false, false) => "up",
            _ => "down",
        };
        request_animation_frame(move || {
            if let Some(el) = document()
                .get_element_by_id(&format!("quiz-order-{slot}-{button}"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    };
    view! {
        <ol class="quiz-order" aria-labelledby="quiz-prompt" aria-describedby="quiz-instruction">
            {move || {
                let ids = order.get();
                let len = ids.len();
                ids.into_iter()
                    .enumerate()
                    .map(|(position, id)| {
                        let text = text_of(&id);
                        let slot = slot_of(&id);
                        view! {
                            <li class="quiz-order-item">
                                <span class="quiz-order-text">{text.clone()}</span>
                                <span class="quiz-order-buttons">
                                    <button
                                        type="button"
                                        class="secondary"
                                        id=format!("quiz-order-{slot}-up")
                                        aria-label=format!("Move up: {text}")
                                        prop:disabled=move || locked.get() || position == 0
                                        on:click=move |_| shift(position, true)
                                    >
                                        "Move up"
                                    </button>
                                    <button
                                        type="button"
                                        class="secondary"
                                        id=format!("quiz-order-{slot}-down")
                                        aria-label=format!("Move down: {text}")
                                        prop:disabled=move || locked.get() || position + 1 == len
                                        on:click=move |_| shift(position, false)
                                    >
                                        "Move down"
                                    </button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <p class="offscreen" role="status" aria-live="polite">{move || announcement.get()}</p>
    }
}

/// The verdict, right answer, explanation, source and link after answering.
#[component]
fn Feedback(
    /// The page context.
    quiz: Quiz,
    /// The question answered.
    question: StoredValue<Question>,
    /// Its score.
    score: Score,
    /// Whether to show the next review date (spaced review).
    spaced: bool,
) -> impl IntoView {
    let (verdict, class) = match score.verdict {
        Verdict::Correct => ("Correct".to_string(), "quiz-feedback verdict-correct"),
        Verdict::Partial => (
            format!(
                "Partly right: {} credit",
                super::format_percent(score.fraction * 100.0)
            ),
            "quiz-feedback verdict-partial",
        ),
        Verdict::Incorrect => ("Incorrect".to_string(), "quiz-feedback verdict-incorrect"),
    };
    let symbol = match score.verdict {
        Verdict::Correct => "✓ ",
        Verdict::Partial => "◐ ",
        Verdict::Incorrect => "✗ ",
    };
    let q = question.get_value();
    let next_review = spaced.then(|| {
        quiz.state.quiz.with_untracked(|data| {
            data.progress
                .questions
                .get(&q.id)
                .map(|h| format_when(&h.card.due))
        })
    });
    view! {
        <div class=class data-testid="quiz-feedback">
            <h3><span aria-hidden="true">{symbol}</span>{verdict}</h3>
            <p><strong>"Right answer: "</strong>{right_answer_text(&q)}</p>
            <p>{q.explanation.clone()}</p>
            {source_text(&q).map(|s| view! { <p class="source-ref">"Source: " {s}</p> })}
            {question_link(&q).map(|(href, label)| view! { <p><a href=href>{label}</a></p> })}
            {next_review.flatten().map(|when| view! { <p data-testid="quiz-next-review">"Next review of this question: " {when}</p> })}
        </div>
    }
}

/// The current question was removed from the bank (another tab changed it).
#[component]
fn MissingQuestion(
    /// The page context.
    quiz: Quiz,
    /// Whether it is the last question.
    last: bool,
) -> impl IntoView {
    let skip = move |_| {
        let now = local_now();
        if last {
            quiz.with_session(|s, bank, progress| s.finish(bank, progress, now));
        } else {
            quiz.with_session(|s, _, _| s.advance(now));
            focus_question_heading();
        }
    };
    view! {
        <p class="inline-error">"This question is no longer in the question bank in use, so it cannot be answered."</p>
        <div class="button-row">
            <button type="button" on:click=skip>{if last { "See results" } else { "Skip it" }}</button>
        </div>
    }
}
