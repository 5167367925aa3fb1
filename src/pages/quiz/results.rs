//! The results of a finished quiz: score, pass or fail, per topic and per
//! question, the time taken, what to do next, the result to send the
//! trainer (exams), and a printable summary.

use super::send::{sender_name, SendResult};
use super::words::{
    answer_text, format_duration, format_percent, format_when, question_link, right_answer_text,
    verdict_word,
};
use super::Quiz;
use crate::components::form::{FormOption, TextField};
use crate::components::print_button::PrintButton;
use crate::components::source::Sources;
use crate::domain::quiz::{QuizMode, QuizSpec, Verdict};
use crate::domain::text::plural;
use leptos::prelude::*;

/// The report of the finished session.
#[component]
pub(super) fn ResultsView(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let data = quiz.read_session(|s, bank| {
        let result = s.results(bank)?;
        let taken = s.finished_at().map(|end| end - s.started_at());
        Some((result, taken, s.finished_at(), s.spec().clone()))
    });
    let Some((result, taken, finished_at, spec)) = data else {
        return ().into_any();
    };
    let bank = quiz.bank.get_untracked();
    let name = sender_name(quiz);
    let is_exam = spec.mode == QuizMode::Exam;
    let review_error = RwSignal::new(None::<String>);
    let review = {
        let topics = spec.topics.clone();
        move |_| {
            let spec = QuizSpec {
                mode: QuizMode::ReviewMissed,
                topics: topics.clone(),
                ..QuizSpec::default()
            };
            if let Err(e) = quiz.start(spec) {
                review_error.set(Some(e.to_string()));
            }
        }
    };
    let new_quiz = move |_| {
        quiz.state.quiz().update(|q| q.session = None);
    };
    let verdict_line = match result.passed {
        Some(true) => format!("Passed (pass mark {}%)", result.pass_percent),
        Some(false) => format!("Not passed (pass mark {}%)", result.pass_percent),
        None => String::new(),
    };
    let score_line = format!(
        "{} — {} answered of {}",
        format_percent(result.percent),
        result.answered,
        plural(result.total as u64, "question")
    );
    let date = finished_at.map(|f| format_when(&f)).unwrap_or_default();
    let taken_text = taken.map(format_duration).unwrap_or_default();
    let any_missed = result
        .per_question
        .iter()
        .any(|r| r.score.is_none_or(|s| s.verdict != Verdict::Correct));
    let title = format!("{} results", result.mode.label());
    let print_title = title.clone();
    let print_score = score_line.clone();
    let print_verdict = verdict_line.clone();
    let print_date = date.clone();

    view! {
        <section class="quiz-results" aria-labelledby="quiz-results-heading">
            <h2 id="quiz-results-heading">{title}</h2>
            <div class="quiz-score" data-testid="quiz-score">
                <p class="quiz-score-main">"Score: " <strong>{score_line}</strong></p>
                {(!verdict_line.is_empty()).then(|| {
                    let class = if result.passed == Some(true) { "quiz-verdict verdict-correct" } else { "quiz-verdict verdict-incorrect" };
                    view! { <p class=class>{verdict_line.clone()}</p> }
                })}
                {result.timed_out.then(|| view! { <p>"The time limit ended the exam."</p> })}
                <p>{format!("Finished {date}; time taken {taken_text}.")}</p>
            </div>
            <div class="button-row">
                {any_missed.then(|| view! { <button type="button" on:click=review.clone()>"Review missed"</button> })}
                <button type="button" class="secondary" on:click=new_quiz>"New quiz"</button>
            </div>
            <Show when=move || review_error.get().is_some()>
                <p class="inline-error" role="alert">{move || review_error.get()}</p>
            </Show>
            {is_exam.then(|| view! { <SendResult quiz=quiz/> })}
            <h3>"By topic"</h3>
            <div class="quiz-table-wrap">
                <table class="quiz-table" data-testid="quiz-topic-scores">
                    <caption class="offscreen">"Score per topic"</caption>
                    <thead><tr><th scope="col">"Topic"</th><th scope="col">"Questions"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>
                        {result.per_topic.iter().map(|t| {
                            let title = bank.topic(&t.topic).map_or(t.topic.clone(), |x| x.title.clone());
                            view! { <tr><td>{title}</td><td>{t.possible}</td><td>{format_percent(t.percent)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Question by question"</h3>
            <ol class="quiz-review-list">
                {result.per_question.iter().filter_map(|r| {
                    let question = bank.question(&r.question_id)?;
                    let verdict = match r.score {
                        Some(s) if s.verdict == Verdict::Partial => format!("Partly right ({})", format_percent(s.fraction * 100.0)),
                        Some(s) => verdict_word(s.verdict).to_string(),
                        None => "Not answered".to_string(),
                    };
                    let class = match r.score.map(|s| s.verdict) {
                        Some(Verdict::Correct) => "quiz-review-item verdict-correct",
                        Some(Verdict::Partial) => "quiz-review-item verdict-partial",
                        _ => "quiz-review-item verdict-incorrect",
                    };
                    let yours = r.answer.as_ref().map_or("(no answer)".to_string(), |a| answer_text(question, a));
                    Some(view! {
                        <li class=class>
                            <p class="quiz-review-prompt">{question.prompt.clone()}</p>
                            <p><strong>"Result: "</strong>{verdict}</p>
                            <p><strong>"Your answer: "</strong>{yours}</p>
                            <p><strong>"Right answer: "</strong>{right_answer_text(question)}</p>
                            <p class="hint">{question.explanation.clone()}</p>
                            {question.source.clone().map(|s| view! { <Sources sources=vec![s]/> })}
                            {question_link(question).map(|(href, label)| view! { <p><a href=href>{label}</a></p> })}
                        </li>
                    })
                }).collect_view()}
            </ol>
            <div class="quiz-print-controls">
                <h3>"Printable summary"</h3>
                {(!is_exam).then(|| view! {
                    <TextField id="quiz-your-name" label="Your name (printed on the summary)" autocomplete="name" value=name/>
                })}
                <PrintButton label="Print summary"/>
            </div>
            <div class="quiz-print-summary" data-testid="quiz-print-summary">
                <p class="quiz-print-title">{format!("Deskaid training quiz — {print_title}")}</p>
                <dl>
                    <dt>"Name"</dt><dd>{move || { let n = name.get(); if n.trim().is_empty() { "—".to_string() } else { n } }}</dd>
                    <dt>"Date"</dt><dd>{print_date}</dd>
                    <dt>"Score"</dt><dd>{print_score}</dd>
                    {(!print_verdict.is_empty()).then(|| view! { <dt>"Result"</dt><dd>{print_verdict}</dd> })}
                </dl>
            </div>
        </section>
    }
    .into_any()
}
