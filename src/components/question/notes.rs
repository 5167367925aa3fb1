//! What a question teaches once answered: the right answer, explanation,
//! source and the flow step or SLA rule it trains.

use crate::components::quiz_words::{question_link, right_answer_text};
use crate::components::source::Sources;
use crate::domain::quiz::Question;
use leptos::prelude::*;

/// A question's right answer, explanation, source and the flow step or SLA
/// rule it trains: what follows the verdict, and what a question's own link
/// shows.
#[component]
pub fn AnswerNotes(
    /// The question.
    question: StoredValue<Question>,
) -> impl IntoView {
    let q = question.get_value();
    view! {
        <p><strong>"Right answer: "</strong>{right_answer_text(&q)}</p>
        <p>{q.explanation.clone()}</p>
        {q.source.clone().map(|s| view! { <Sources sources=vec![s]/> })}
        {question_link(&q).map(|(href, label)| view! { <p><a href=href>{label}</a></p> })}
    }
}
