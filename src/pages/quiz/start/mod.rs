//! The start screen: the quiz options (with the trainer link), the learner's
//! progress, and the question bank in use.

mod bank;
mod options;
mod progress;
mod setup;
mod spec;
mod trainer;

pub(super) use setup::Setup;

use super::words;
use super::{Quiz, QUESTION_HEADING};
use crate::components::focus::focus_after_render;
use crate::components::form::FormOption;
use leptos::prelude::*;

/// Everything shown before a quiz starts.
#[component]
pub(super) fn StartScreen(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    view! {
        <ResumeBanner quiz=quiz/>
        <options::QuizOptions quiz=quiz/>
        <progress::ProgressSummary quiz=quiz/>
        <bank::BankPanel quiz=quiz/>
    }
}

/// Offers to go back to a quiz in progress.
#[component]
fn ResumeBanner(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let running = Memo::new(move |_| {
        quiz.state.quiz().with(|q| {
            q.session.as_ref().filter(|s| !s.is_finished()).map(|s| {
                format!(
                    "{} — question {} of {}.",
                    s.spec().mode.label(),
                    s.current_index() + 1,
                    s.order().len()
                )
            })
        })
    });
    let resume = move |_| {
        quiz.show_start.set(false);
        focus_after_render(QUESTION_HEADING);
    };
    move || {
        running.get().map(|text| {
            view! {
                <div class="quiz-resume" role="region" aria-label="Quiz in progress">
                    <p>"You have a quiz in progress: " {text} " Starting a new quiz ends it."</p>
                    <button type="button" on:click=resume>"Resume the quiz"</button>
                </div>
            }
        })
    }
}
