//! A quiz question as the quiz draws it: its scenario, prompt and
//! instructions (`text`), the inputs of its kind (`choices`, `ordering`)
//! and what it teaches once answered (`notes`). The running quiz, a
//! question's own link and the author's preview all draw it with these, so
//! a trainer sees a draft question exactly as a trainee will.

mod choices;
mod notes;
mod ordering;
mod text;

pub use choices::{ChoiceOptions, FillInField};
pub use notes::AnswerNotes;
pub use ordering::OrderList;
pub use text::QuestionText;

use crate::components::form::Binding;
use crate::domain::quiz::{Question, QuestionKind, QuizChoice, Scenario};
use leptos::prelude::*;

/// A question as its inputs draw it, whatever their kind: the question (its
/// kind and right answers), its choices or items in the order shown, and
/// whether the answer can no longer change.
#[derive(Clone, Copy)]
pub struct OnScreen {
    pub question: StoredValue<Question>,
    pub choices: StoredValue<Vec<QuizChoice>>,
    pub locked: Signal<bool>,
}

/// `question` as a quiz shows it once answered, with nothing picked: its
/// text, its inputs with the right answers marked (choices in the bank's
/// order, which a quiz shuffles), then its right answer, explanation and
/// source.
#[component]
pub fn AnsweredQuestion(
    /// The question.
    question: Question,
    /// Its scenario, if it has one.
    scenario: Option<Scenario>,
) -> impl IntoView {
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
        <QuestionText question=question scenario=scenario/>
        {inputs}
        <div class="quiz-feedback">
            <AnswerNotes question=question/>
        </div>
    }
}
