//! One question of a running quiz: the scenario, the prompt, the inputs of
//! its kind, number-key and Enter shortcuts, feedback (practice and reviews)
//! or Back/Next/Finish (exams), and the exam clock; and one question of the
//! bank on its own link (`linked`), drawn with the same parts.

mod card;
mod feedback;
mod keys;
mod linked;

pub(super) use linked::LinkedQuestion;

use super::words::{self, format_duration, local_now};
use super::{Quiz, QUESTION_HEADING};
use crate::components::form::FormOption;
use crate::components::notice::NoticeKind;
use crate::domain::quiz::QuizMode;
use leptos::prelude::*;
use std::time::Duration as StdDuration;

/// The running quiz: header, clock and the current question.
#[component]
pub(super) fn QuestionView(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let now = RwSignal::new(local_now());
    let timed = quiz
        .state
        .quiz()
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
        quiz.state.quiz().with(|q| {
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
            .quiz()
            .with(|q| q.session.as_ref().and_then(|s| s.remaining(at)))
    };
    let key = Memo::new(move |_| {
        quiz.state.quiz().with(|q| {
            q.session
                .as_ref()
                .map(|s| (s.started_at(), s.current_index()))
        })
    });
    view! {
        <section class="quiz-question" aria-labelledby=QUESTION_HEADING>
            {move || header.get().map(|(mode, index, total, answered)| view! {
                <h2 id=QUESTION_HEADING tabindex="-1">{format!("Question {} of {total}", index + 1)}</h2>
                <p class="quiz-meta">
                    {mode.label()}
                    {(mode == QuizMode::Exam).then(|| format!(" · {answered} of {total} answered"))}
                </p>
            })}
            {move || remaining().map(|left| view! {
                <p class="quiz-timer" role="timer" aria-atomic="true">
                    "Time remaining: " <strong>{format_duration(left)}</strong>
                </p>
            })}
            {move || key.get().map(|_| view! { <card::QuestionCard quiz=quiz/> })}
        </section>
    }
}

/// Ends a timed exam whose time has run out (also right after a reload).
pub(super) fn expire_if_due(quiz: Quiz) {
    let now = local_now();
    let due = quiz.state.quiz().with_untracked(|q| {
        q.session
            .as_ref()
            .is_some_and(|s| !s.is_finished() && s.time_up(now))
    });
    if due {
        quiz.with_session(|s, bank, progress| s.expire(bank, progress, now));
        quiz.notices.push(
            NoticeKind::Warning,
            "Time is up: the exam has ended and your answers so far were scored.",
        );
    }
}
