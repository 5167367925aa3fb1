//! `#/quiz?question=<id>`: one question of the bank in use on its own, as a
//! quiz shows it once answered but with nothing picked: the right answers
//! marked, then the right answer, explanation, source and the flow step or
//! SLA rule it trains. The class results link every question here; a
//! result from another bank can name a question this one does not have.

use super::Quiz;
use crate::components::question::AnsweredQuestion;
use crate::components::source::PackNote;
use crate::nav::Route;
use leptos::prelude::*;

/// Id of the view's heading.
const HEADING: &str = "quiz-linked-question-heading";

/// The question `id` of the bank in use, or why it cannot be shown.
#[component]
pub(in crate::pages::quiz) fn LinkedQuestion(
    /// The page context.
    quiz: Quiz,
    /// The id the link names.
    id: String,
) -> impl IntoView {
    let bank = quiz.bank.get_untracked();
    let links = view! {
        <p class="quiz-linked-question-links">
            <a href=Route::Results.href()>"Back to the class results"</a>
            " · "
            <a href=Route::Quiz.href()>"Go to the quiz"</a>
        </p>
    };
    let Some(question) = bank.question(&id).cloned() else {
        let bank_name = if quiz.custom.get_untracked() {
            "your custom question bank"
        } else {
            "the question bank shipped with Deskaid"
        };
        return view! {
            <section class="quiz-panel" aria-labelledby=HEADING data-testid="quiz-linked-question">
                <h2 id=HEADING>"Question not found"</h2>
                <p class="inline-error" data-testid="quiz-linked-question-missing">
                    {format!(
                        "The bank in use here ({bank_name}) has no question \u{201c}{id}\u{201d}. A result from another question bank, or from another version of this one, can name questions this bank does not have."
                    )}
                </p>
                {links}
            </section>
        }
        .into_any();
    };
    let topic = bank
        .topic(&question.topic)
        .map_or_else(|| question.topic.clone(), |t| t.title.clone());
    let scenario = question
        .scenario
        .as_deref()
        .and_then(|s| bank.scenario(s))
        .cloned();
    view! {
        <section class="quiz-panel" aria-labelledby=HEADING data-testid="quiz-linked-question">
            <h2 id=HEADING>"A question of the bank in use"</h2>
            <p class="quiz-meta">{topic} " · question " <code>{id.clone()}</code></p>
            <p class="hint">"As a quiz shows it once answered, with its right answer and where it comes from. A quiz shuffles any choices; here they keep the bank's order."</p>
            <div class="quiz-card" data-question-id=id>
                <AnsweredQuestion question=question scenario=scenario/>
                <PackNote custom=quiz.custom/>
            </div>
            {links}
        </section>
    }
    .into_any()
}
