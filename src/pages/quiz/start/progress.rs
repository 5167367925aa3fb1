//! The learner's progress on the start screen: questions seen, streak,
//! reviews due, exam history and the review schedule, and resetting it all.

use super::words::{format_percent, format_when, local_now, verdict_word};
use super::Quiz;
use crate::components::confirm::ConfirmedAction;
use crate::components::notice::NoticeKind;
use crate::domain::text::plural;
use leptos::prelude::*;

/// Questions seen, streak, due reviews, exam history, the review schedule,
/// and resetting all of it.
#[component]
pub(super) fn ProgressSummary(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let summary = Memo::new(move |_| {
        let now = local_now();
        quiz.bank.with(|bank| {
            quiz.state.quiz().with(|q| {
                let seen = bank
                    .questions()
                    .iter()
                    .filter(|question| q.progress.history(bank, &question.id).is_some())
                    .count();
                (
                    seen,
                    bank.questions().len(),
                    q.progress.streak(now),
                    q.progress.due_ids(bank, now).len(),
                )
            })
        })
    });
    let exams = Memo::new(move |_| quiz.state.quiz().with(|q| q.progress.exams.clone()));
    let schedule = Memo::new(move |_| {
        quiz.bank.with(|bank| {
            quiz.state.quiz().with(|q| {
                let mut rows: Vec<_> = bank
                    .questions()
                    .iter()
                    .filter_map(|question| {
                        let history = q.progress.history(bank, &question.id)?;
                        Some((
                            history.card.due,
                            question.prompt.clone(),
                            history.last_verdict,
                            history.attempts,
                        ))
                    })
                    .collect();
                rows.sort_by_key(|row| row.0);
                rows
            })
        })
    });
    let reset = move |()| {
        quiz.state.quiz().update(|q| {
            q.progress = Default::default();
            q.session = None;
        });
        quiz.notices
            .push(NoticeKind::Success, "Your quiz progress was reset.");
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-progress-heading">
            <h2 id="quiz-progress-heading">"Your progress"</h2>
            <dl class="quiz-stats" data-testid="quiz-stats">
                {move || {
                    let (seen, total, streak, due) = summary.get();
                    view! {
                        <div><dt>"Questions seen"</dt><dd>{format!("{seen} of {total}")}</dd></div>
                        <div><dt>"Streak"</dt><dd>{plural(streak, "day").to_string()}</dd></div>
                        <div><dt>"Due for review"</dt><dd>{plural(due as u64, "question").to_string()}</dd></div>
                        <div><dt>"Exams taken"</dt><dd>{exams.with(Vec::len)}</dd></div>
                    }
                }}
            </dl>
            <Show when=move || exams.with(|e| !e.is_empty())>
                <div class="quiz-table-wrap">
                    <table class="quiz-table" data-testid="quiz-exam-history">
                        <caption>"Exam history, latest first"</caption>
                        <thead>
                            <tr><th scope="col">"Date"</th><th scope="col">"Score"</th><th scope="col">"Pass mark"</th><th scope="col">"Result"</th><th scope="col">"Questions"</th></tr>
                        </thead>
                        <tbody>
                            {move || {
                                exams
                                    .get()
                                    .into_iter()
                                    .rev()
                                    .map(|exam| view! {
                                        <tr>
                                            <td>{format_when(&exam.finished_at)}</td>
                                            <td>{format_percent(exam.percent)}</td>
                                            <td>{format!("{}%", exam.pass_percent)}</td>
                                            <td>{if exam.passed { "Passed" } else { "Not passed" }}</td>
                                            <td>{exam.question_count}</td>
                                        </tr>
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || schedule.with(|s| !s.is_empty())>
                <details class="quiz-schedule">
                    <summary>{move || format!("Review schedule ({})", plural(schedule.with(Vec::len) as u64, "question"))}</summary>
                    <div class="quiz-table-wrap">
                        <table class="quiz-table">
                            <caption>"Questions you have answered, soonest review first"</caption>
                            <thead>
                                <tr><th scope="col">"Question"</th><th scope="col">"Last answer"</th><th scope="col">"Answered"</th><th scope="col">"Next review"</th></tr>
                            </thead>
                            <tbody>
                                {move || {
                                    schedule
                                        .get()
                                        .into_iter()
                                        .map(|(due, prompt, verdict, attempts)| view! {
                                            <tr>
                                                <td>{prompt}</td>
                                                <td>{verdict_word(verdict)}</td>
                                                <td>{plural(attempts, "time").to_string()}</td>
                                                <td>{format_when(&due)}</td>
                                            </tr>
                                        })
                                        .collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                </details>
            </Show>
            <ConfirmedAction
                label="Reset progress…"
                question="Forget every answer, your exam history, streak and review schedule, and end any quiz in progress? The question bank in use is kept. This cannot be undone."
                confirm_label="Yes, reset my progress"
                question_id="quiz-reset-question"
                on_confirm=reset
            />
        </section>
    }
}
