//! What follows an answer: the verdict with the right answer, explanation,
//! source and link (practice and reviews; the same notes, with no verdict,
//! on a question's own link); the question before finishing an exam with
//! gaps; and a question that left the bank mid-quiz.

use super::card::Card;
use super::words::{format_percent, format_when};
use super::{local_now, Quiz, QUESTION_HEADING};
use crate::components::focus::focus_after_render;
use crate::components::question::AnswerNotes;
use crate::domain::quiz::{Question, Score, Verdict};
use crate::domain::text::plural;
use leptos::prelude::*;

/// The verdict, right answer, explanation, source and link after answering.
#[component]
pub(super) fn Feedback(
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
                format_percent(score.fraction * 100.0)
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
    let id = question.with_value(|q| q.id.clone());
    let next_review = spaced.then(|| {
        quiz.state.quiz().with_untracked(|data| {
            data.progress
                .questions
                .get(&id)
                .map(|h| format_when(&h.card.due))
        })
    });
    view! {
        <div class=class data-testid="quiz-feedback">
            <h3><span aria-hidden="true">{symbol}</span>{verdict}</h3>
            <AnswerNotes question=question/>
            {next_review.flatten().map(|when| view! { <p data-testid="quiz-next-review">"Next review of this question: " {when}</p> })}
        </div>
    }
}

/// Asks before finishing an exam with unanswered questions.
#[component]
pub(super) fn FinishConfirm(
    /// The question on screen.
    card: Card,
) -> impl IntoView {
    let question = move || {
        let unanswered = card.unanswered();
        let verb = if unanswered == 1 { "has" } else { "have" };
        format!(
            "{} {verb} no answer and will score 0. Finish the exam now?",
            plural(unanswered as u64, "question")
        )
    };
    view! {
        <div class="quiz-confirm" role="group" aria-labelledby="quiz-finish-question">
            <p id="quiz-finish-question">{question}</p>
            <div class="button-row">
                <button type="button" on:click=move |_| card.finish()>"Yes, finish the exam"</button>
                <button type="button" class="secondary" on:click=move |_| card.confirming_finish.set(false)>"Keep answering"</button>
            </div>
        </div>
    }
}

/// The current question was removed from the bank (another tab changed it).
#[component]
pub(super) fn MissingQuestion(
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
            focus_after_render(QUESTION_HEADING);
        }
    };
    view! {
        <p class="inline-error">"This question is no longer in the question bank in use, so it cannot be answered."</p>
        <div class="button-row">
            <button type="button" on:click=skip>{if last { "See results" } else { "Skip it" }}</button>
        </div>
    }
}
