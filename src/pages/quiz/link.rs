//! The panels a shared link opens before anything changes: a trainer's
//! quiz link (start it, or keep the quiz in progress) and a shared question
//! bank (use it, or keep the current one).

use super::words::{describe_spec, topic_counts};
use super::Quiz;
use crate::components::notice::NoticeKind;
use crate::domain::quiz::{Bank, QuizMode, QuizSpec};
use crate::domain::text::plural;
use crate::nav::{replace_hash, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// A bank from a shared link: what it holds, and whether to use it.
#[component]
pub(super) fn BankOffer(
    /// The page context.
    quiz: Quiz,
    /// The bank the link carries.
    offer: Arc<Bank>,
    /// Cleared when the learner decides.
    offered: RwSignal<Option<Arc<Bank>>>,
) -> impl IntoView {
    let topics = topic_counts(&offer);
    let count = offer.questions().len();
    let accept = {
        let offer = offer.clone();
        move |_| {
            quiz.use_bank(Some(offer.to_json()));
            offered.set(None);
            quiz.notices.push(
                NoticeKind::Success,
                format!("The shared question bank ({count} questions) is now in use."),
            );
        }
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-offer-heading">
            <h2 id="quiz-offer-heading">"A shared question bank"</h2>
            <p>{format!("This link carries a question bank with {} in {}:", plural(count as u64, "question"), plural(topics.len() as u64, "topic"))}</p>
            <ul data-testid="quiz-offer-topics">
                {topics
                    .into_iter()
                    .map(|(_, title, n)| view! { <li>{format!("{title} ({})", plural(n as u64, "question"))}</li> })
                    .collect_view()}
            </ul>
            <p>"Using it replaces the bank in use here and ends a quiz in progress. Your progress is kept, and the shipped bank can be brought back at any time."</p>
            <div class="button-row">
                <button type="button" on:click=accept>"Use this bank"</button>
                <button type="button" class="secondary" on:click=move |_| offered.set(None)>
                    "Keep the current bank"
                </button>
            </div>
        </section>
    }
}

/// A trainer's link names a quiz: what it is, and Start (the exam clock starts
/// only then); when another quiz is in progress, replace it or resume it.
#[component]
pub(super) fn LinkedQuiz(
    /// The page context.
    quiz: Quiz,
    /// The quiz the link asks for.
    spec: QuizSpec,
    /// Cleared when the learner decides.
    pending: RwSignal<Option<QuizSpec>>,
    /// Where a failure to start is shown.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let bank = quiz.bank.get_untracked();
    let asked = spec.fit(&bank);
    // A count the topics cannot fill is said here, before Start, with what
    // Start will do instead; the quiz stated is the one Start runs.
    let shortfall = asked.shortfall.map(|s| {
        format!(
            "This link asks for {} but the chosen topics have only {} in the question bank in use, so {} asks all {}.",
            plural(s.wanted as u64, "question"),
            s.available,
            if spec.mode == QuizMode::Exam { "the exam" } else { "the quiz" },
            s.available
        )
    });
    let spec = asked.spec;
    let wanted = describe_spec(&spec, &bank);
    let timed = spec.mode == QuizMode::Exam && spec.time_limit_minutes.is_some();
    let current = quiz.read_session(|s, bank| {
        (!s.is_finished()).then(|| {
            format!(
                "{}, question {} of {}",
                describe_spec(s.spec(), bank),
                s.current_index() + 1,
                s.order().len()
            )
        })
    });
    let in_progress = current.is_some();
    let start = move |_| {
        pending.set(None);
        replace_hash(&Route::Quiz.href());
        if let Err(e) = quiz.start(spec.clone()) {
            error.set(Some(format!("This quiz link cannot start a quiz: {e}.")));
            quiz.show_start.set(true);
        }
    };
    let decline = move |_| {
        pending.set(None);
        replace_hash(&Route::Quiz.href());
        if in_progress {
            quiz.show_start.set(false);
            quiz.focus_question();
        } else {
            quiz.show_start.set(true);
        }
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-link-heading" data-testid="quiz-linked">
            <h2 id="quiz-link-heading">"Start the quiz from this link?"</h2>
            <p>"The link sets up: " <strong data-testid="quiz-linked-spec">{wanted}</strong></p>
            {shortfall.map(|text| view! { <p class="quiz-shortfall" data-testid="quiz-linked-shortfall">{text}</p> })}
            {timed.then(|| view! { <p>"The clock starts when you press Start."</p> })}
            {current.map(|current| view! {
                <p>"You have a quiz in progress: " {current} ". Starting the new one ends it; its answers so far are not scored."</p>
            })}
            <div class="button-row">
                <button type="button" on:click=start>
                    {if in_progress { "Start the new quiz" } else { "Start the quiz" }}
                </button>
                <button type="button" class="secondary" on:click=decline>
                    {if in_progress { "Resume my quiz" } else { "Not now" }}
                </button>
            </div>
        </section>
    }
}
