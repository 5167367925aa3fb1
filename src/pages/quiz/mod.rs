//! `#/quiz`: the training quiz. One route, four views chosen by the stored
//! session: the start screen (no quiz, or the learner asked for it), a
//! question, and the results of a finished quiz; plus the panels a trainer's
//! link opens (`?mode=exam&...` starts a quiz, `?bank=...` offers a bank)
//! and one question of the bank on its own (`?question=<id>`). This page
//! draws the link panels itself; the screens are fetched as it is drawn,
//! from a wasm part of their own (`screens.rs`).

mod link;
mod question;
mod results;
mod screens;
mod send;
mod start;

use crate::components::focus::focus_after_render;
// The quiz's words are shared with the class results page.
use crate::components::notice::Notices;
use crate::components::part::load_part;
use crate::components::quiz_words as words;
use crate::components::title::set_page_title;
use crate::domain::content;
use crate::domain::quiz::{spec_from_pairs, Bank, Progress, QuizSession, QuizSpec, SessionError};
use crate::nav::Route;
use crate::nav::{replace_hash, CurrentLocation};
use crate::store::AppState;
use leptos::prelude::*;
use screens::{quiz_screens, Screens};
use std::sync::Arc;
use words::local_now;

/// Id of the question heading, focused whenever another question is drawn.
const QUESTION_HEADING: &str = "quiz-question-heading";

/// What the quiz page shares with its views.
#[derive(Clone, Copy)]
struct Quiz {
    /// The app state; the quiz lives in `state.quiz()`.
    state: AppState,
    /// The bank in use: the custom one if stored and valid, else the shipped one.
    bank: Memo<Arc<Bank>>,
    /// Whether the bank in use is a custom one.
    custom: Memo<bool>,
    /// Shows the start screen even though a quiz is in progress.
    show_start: RwSignal<bool>,
    /// App-wide notices.
    notices: Notices,
    /// The options of the next quiz, kept while the start screen comes and
    /// goes (a pause keeps the set-up, and the seed picked for it).
    setup: start::Setup,
    /// The screens' code, `None` until its part has loaded.
    screens: ReadSignal<Option<Screens>>,
    /// Set when a quiz starts or resumes before the question screen's code
    /// is there to focus: focus moves to the question once it is.
    focus_when_loaded: RwSignal<bool>,
}

impl Quiz {
    /// Starts a quiz from `spec` now, replacing any session; the error's
    /// words are a lower-case clause, for the caller to place in a sentence.
    fn start(&self, spec: QuizSpec) -> Result<(), SessionError> {
        let bank = self.bank.get_untracked();
        let now = local_now();
        let session = self
            .state
            .quiz()
            .with_untracked(|q| QuizSession::start(&bank, &q.progress, spec, now))?;
        self.state.quiz().update(|q| q.session = Some(session));
        self.show_start.set(false);
        self.focus_question();
        Ok(())
    }

    /// Moves focus to the question heading once the question is drawn.
    fn focus_question(&self) {
        if self.screens.with_untracked(Option::is_some) {
            focus_after_render(QUESTION_HEADING);
        } else {
            self.focus_when_loaded.set(true);
        }
    }

    /// Reads the session and the bank once, untracked, for views drawn once
    /// per question or result; `None` when there is no session.
    fn read_session<R>(&self, read: impl FnOnce(&QuizSession, &Bank) -> Option<R>) -> Option<R> {
        let bank = self.bank.get_untracked();
        self.state
            .quiz()
            .with_untracked(|q| q.session.as_ref().and_then(|s| read(s, &bank)))
    }

    /// Changes the session and progress together (and saves them); `None`
    /// when there is no session.
    fn with_session<R>(
        &self,
        change: impl FnOnce(&mut QuizSession, &Bank, &mut Progress) -> R,
    ) -> Option<R> {
        let bank = self.bank.get_untracked();
        let mut outcome = None;
        self.state.quiz().update(|q| {
            if let Some(session) = q.session.as_mut() {
                outcome = Some(change(session, &bank, &mut q.progress));
            }
        });
        outcome
    }

    /// Replaces the bank in use (`None`: the shipped one) and ends any quiz,
    /// whose questions may not exist in the new bank.
    fn use_bank(&self, json: Option<String>) {
        self.state.use_bank(json);
        self.show_start.set(true);
    }
}

/// Which screen of the quiz the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuizScreen {
    Start,
    Question,
    Results,
}

/// The training quiz: practice, exams, review of missed questions and spaced review.
#[component]
pub fn QuizPage() -> impl IntoView {
    set_page_title("Training quiz");
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let location = expect_context::<CurrentLocation>().0;
    // The custom bank, parsed once each time it changes (`None`: none, or
    // one that no longer reads; the shipped bank is used instead).
    let custom_bank = Memo::new(move |_| {
        state.quiz_bank().with(|b| {
            b.json
                .as_deref()
                .and_then(|json| Bank::from_json(json).ok())
                .map(Arc::new)
        })
    });
    let bank = Memo::new(move |_| {
        custom_bank
            .get()
            .unwrap_or_else(|| Arc::new(content::bank().clone()))
    });
    let custom = Memo::new(move |_| custom_bank.with(Option::is_some));
    let quiz = Quiz {
        state,
        bank,
        custom,
        show_start: RwSignal::new(false),
        notices,
        setup: start::Setup::new(local_now().timestamp_millis().unsigned_abs()),
        screens: load_part(quiz_screens()),
        focus_when_loaded: RwSignal::new(false),
    };
    Effect::new(move |_| {
        if quiz.screens.with(Option::is_some) && quiz.focus_when_loaded.get_untracked() {
            quiz.focus_when_loaded.set(false);
            focus_after_render(QUESTION_HEADING);
        }
    });
    let link_error = RwSignal::new(None::<String>);
    let offered_bank = RwSignal::new(None::<Arc<Bank>>);
    let pending_spec = RwSignal::new(None::<QuizSpec>);

    Effect::new(move |_| {
        let loc = location.get();
        if loc.route != Route::Quiz || loc.query.is_empty() {
            return;
        }
        link_error.set(None);
        if loc.quiz_question().is_some() {
            // A question's own link stays in the address bar: it is a view
            // to come back to, and changes nothing.
            return;
        }
        if let Some(fragment) = loc.param("bank") {
            replace_hash(&Route::Quiz.href());
            // Reading the link needs the screens' part, which unpacks it.
            let fragment = fragment.to_string();
            leptos::task::spawn_local(async move {
                match (quiz_screens().await.decode_bank)(&fragment) {
                    Ok(bank) => {
                        let _ = offered_bank.try_set(Some(Arc::new(bank)));
                    }
                    Err(e) => {
                        let _ = link_error.try_set(Some(format!(
                            "This bank link cannot be used: {e}. Nothing was changed."
                        )));
                    }
                }
            });
            return;
        }
        let is_spec = loc.query.iter().any(|(key, _)| {
            matches!(
                key.as_str(),
                "mode" | "topics" | "count" | "seed" | "pass" | "time"
            )
        });
        if !is_spec {
            replace_hash(&Route::Quiz.href());
            return;
        }
        let spec = spec_from_pairs(&loc.query)
            .map_err(|problems| problems.to_string())
            .and_then(|spec| {
                let bank = quiz.bank.get_untracked();
                spec.validate(&bank)
                    .map(|()| spec)
                    .map_err(|e| e.to_string())
            });
        let spec = match spec {
            Ok(spec) => spec,
            Err(e) => {
                replace_hash(&Route::Quiz.href());
                link_error.set(Some(format!("This quiz link cannot be used: {e}.")));
                quiz.show_start.set(true);
                return;
            }
        };
        let runs = quiz.bank.with_untracked(|bank| spec.fit(bank).spec);
        let same_running = state.quiz().with_untracked(|q| {
            q.session
                .as_ref()
                .is_some_and(|s| !s.is_finished() && s.spec() == &runs)
        });
        if same_running {
            replace_hash(&Route::Quiz.href());
            quiz.show_start.set(false);
        } else {
            // The link stays in the address bar until the learner decides, so
            // it can still be bookmarked or forwarded; nothing starts (and no
            // exam clock runs) before Start is pressed.
            pending_spec.set(Some(spec));
        }
    });

    let linked_question =
        Memo::new(move |_| location.with(|l| l.quiz_question().map(str::to_string)));

    let screen = Memo::new(move |_| {
        let finished = state
            .quiz()
            .with(|q| q.session.as_ref().map(QuizSession::is_finished));
        match (finished, quiz.show_start.get()) {
            (None, _) | (Some(_), true) => QuizScreen::Start,
            (Some(false), false) => QuizScreen::Question,
            (Some(true), false) => QuizScreen::Results,
        }
    });

    view! {
        <div class="quiz-page">
            <h1>"Training quiz"</h1>
            <Show when=move || link_error.get().is_some()>
                <p class="inline-error" role="alert" data-testid="quiz-link-error">
                    {move || link_error.get()}
                </p>
            </Show>
            {move || {
                let linked = linked_question.get();
                if linked.is_none() {
                    if let Some(offer) = offered_bank.get() {
                        return view! { <link::BankOffer quiz=quiz offer=offer offered=offered_bank/> }
                            .into_any();
                    }
                    if let Some(spec) = pending_spec.get() {
                        return view! { <link::LinkedQuiz quiz=quiz spec=spec pending=pending_spec error=link_error/> }
                            .into_any();
                    }
                }
                let Some(screens) = quiz.screens.get() else {
                    return view! { <p class="page-loading">"Loading the quiz…"</p> }.into_any();
                };
                match (linked, screen.get()) {
                    (Some(id), _) => (screens.linked_question)(quiz, id),
                    (None, QuizScreen::Start) => (screens.start)(quiz),
                    (None, QuizScreen::Question) => (screens.question)(quiz),
                    (None, QuizScreen::Results) => (screens.results)(quiz),
                }
            }}
        </div>
    }
}
