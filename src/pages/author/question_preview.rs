//! A draft question drawn by the quiz's own components, as a trainee sees
//! it once answered, redrawn as the author writes it.

use super::editor::Editor;
use crate::components::question::AnsweredQuestion;
use leptos::prelude::*;

/// Question `index` of the draft, with its scenario, as the quiz draws it.
#[component]
pub(super) fn QuestionPreview(editor: Editor, index: usize) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        editor.with(|draft| {
            let bank = &draft.questions;
            let question = bank.questions.get(index)?.clone();
            let scenario = question
                .scenario
                .as_deref()
                .and_then(|id| bank.scenarios.iter().find(|s| s.id == id))
                .cloned();
            Some((question, scenario))
        })
    });
    view! {
        <section class="author-question-preview" aria-labelledby="author-q-preview-heading">
            <h3 id="author-q-preview-heading">"Preview"</h3>
            <p class="hint">
                "As the quiz shows this question once it is answered, with the right answers marked. A quiz shuffles the choices; here they keep the order written."
            </p>
            <div class="quiz-card" data-testid="author-q-preview">
                {move || drawn.get().map(|(question, scenario)| view! { <AnsweredQuestion question=question scenario=scenario/> })}
            </div>
        </section>
    }
}
