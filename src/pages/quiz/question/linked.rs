//! `#/quiz?question=<id>`: one question of the bank in use on its own, as a
//! quiz shows it once answered but with nothing picked: the right answers
//! marked, then the right answer, explanation, source and the flow step or
//! SLA rule it trains. The class results link every question here; a
//! result from another bank can name a question this one does not have.

use super::choices::{ChoiceOptions, FillInField};
use super::feedback::AnswerNotes;
use super::ordering::OrderList;
use super::text::QuestionText;
use super::{OnScreen, Quiz};
use crate::components::form::Binding;
use crate::components::source::PackNote;
use crate::domain::quiz::QuestionKind;
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
    let kind = question.kind;
    let bank_order: Vec<String> = question.choices.iter().map(|c| c.id.clone()).collect();
    let question = StoredValue::new(question);
    // Nothing can be picked, typed or moved here, so the handlers are never called.
    let shown = OnScreen {
        question,
        choices: StoredValue::new(question.with_value(|q| q.choices.clone())),
        locked: Signal::stored(true),
    };
    let inputs = match kind {
        QuestionKind::FillIn => view! {
            <FillInField typed=Binding::new(String::new, |_| {}) disabled=shown.locked/>
        }
        .into_any(),
        QuestionKind::Ordering => view! {
            <OrderList shown=shown order=RwSignal::new(bank_order) on_move=Callback::new(|()| {})/>
        }
        .into_any(),
        _ => view! {
            <ChoiceOptions shown=shown picked=Signal::stored(Vec::new()) on_choose=Callback::new(|_| {})/>
        }
        .into_any(),
    };
    view! {
        <section class="quiz-panel" aria-labelledby=HEADING data-testid="quiz-linked-question">
            <h2 id=HEADING>"A question of the bank in use"</h2>
            <p class="quiz-meta">{topic} " · question " <code>{id.clone()}</code></p>
            <p class="hint">"As a quiz shows it once answered, with its right answer and where it comes from. A quiz shuffles any choices; here they keep the bank's order."</p>
            <div class="quiz-card" data-question-id=id>
                <QuestionText question=question scenario=scenario/>
                {inputs}
                <div class="quiz-feedback">
                    <AnswerNotes question=question/>
                </div>
                <PackNote custom=quiz.custom/>
            </div>
            {links}
        </section>
    }
    .into_any()
}
