//! What a question shows above its inputs, the same in a running quiz and
//! on a question's own link: its scenario, the prompt, how to answer it and
//! how it is scored.

use crate::domain::quiz::{scoring_rule, Question, QuestionKind, Scenario};
use leptos::prelude::*;

/// How to answer a question of this kind, in one sentence.
fn instruction(question: &Question) -> String {
    match question.kind {
        QuestionKind::Single => "Choose one answer.".to_string(),
        QuestionKind::Multiple => "Choose every right answer.".to_string(),
        QuestionKind::PickAny => format!(
            "Choose {}.",
            question.pick.unwrap_or(question.correct.len())
        ),
        QuestionKind::FillIn => "Type your answer.".to_string(),
        QuestionKind::Ordering => {
            "Put the items in the right order with the Move up and Move down buttons.".to_string()
        }
    }
}

/// The scenario, prompt and instructions; the inputs name the prompt and
/// the instructions by their ids (`quiz-prompt`, `quiz-instruction`).
#[component]
pub fn QuestionText(
    /// The question.
    question: StoredValue<Question>,
    /// The scenario it belongs to, if any.
    scenario: Option<Scenario>,
    /// Which keys help, while the question can be answered.
    #[prop(optional)]
    shortcut: Option<String>,
) -> impl IntoView {
    let (prompt, instruction, kind) =
        question.with_value(|q| (q.prompt.clone(), instruction(q), q.kind));
    view! {
        {scenario.map(|s| view! {
            <div class="quiz-scenario">
                <h3>{s.title}</h3>
                <p>{s.text}</p>
            </div>
        })}
        <p class="quiz-prompt" id="quiz-prompt">{prompt}</p>
        <div id="quiz-instruction" class="quiz-instruction">
            <p>{instruction}</p>
            <p class="hint">{scoring_rule(kind)}</p>
            {shortcut.map(|shortcut| view! { <p class="hint">{shortcut}</p> })}
        </div>
    }
}
