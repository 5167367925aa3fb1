//! The inputs of a question that is answered by choosing (radio buttons or
//! tick boxes, marked right and wrong once checked) or by typing.

use super::OnScreen;
use crate::components::form::{Binding, TextField};
use crate::domain::quiz::QuestionKind;
use leptos::prelude::*;

/// The choices of a single, multiple or pick-any question, numbered for
/// the number-key shortcuts; once locked, the right ones are marked, and
/// any wrong one ticked.
#[component]
pub fn ChoiceOptions(
    /// The question and its choices in the order shown.
    shown: OnScreen,
    /// The choices ticked.
    picked: Signal<Vec<String>>,
    /// Called with a choice's id when it is ticked or unticked.
    on_choose: Callback<String>,
) -> impl IntoView {
    let multiple = shown
        .question
        .with_value(|q| q.kind != QuestionKind::Single);
    view! {
        <fieldset class="quiz-options" aria-labelledby="quiz-prompt" aria-describedby="quiz-instruction">
            {shown.choices
                .get_value()
                .into_iter()
                .enumerate()
                .map(|(i, choice)| {
                    let id = format!("quiz-option-{i}");
                    let for_checked = choice.id.clone();
                    let for_change = choice.id.clone();
                    let is_right = shown.question.with_value(|q| q.correct.contains(&choice.id));
                    let for_mark = choice.id.clone();
                    let picked_wrong = move || {
                        !is_right && picked.with(|p| p.contains(&for_mark))
                    };
                    view! {
                        <div class="quiz-option">
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                name="quiz-answer"
                                id=id.clone()
                                prop:checked=move || picked.with(|p| p.contains(&for_checked))
                                prop:disabled=shown.locked
                                on:change=move |_| on_choose.run(for_change.clone())
                            />
                            <label for=id>
                                <span class="quiz-option-key" aria-hidden="true">{i + 1}</span>
                                <span>{choice.text.clone()}</span>
                                {move || (shown.locked.get() && is_right).then(|| view! { <span class="quiz-mark">" ✓ right answer"</span> })}
                                {move || (shown.locked.get() && picked_wrong()).then(|| view! { <span class="quiz-mark quiz-mark-wrong">" ✗ your answer"</span> })}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The text field of a fill-in question.
#[component]
pub fn FillInField(
    /// What is typed, and where each change goes.
    typed: Binding<String>,
    /// Whether the answer can no longer change.
    disabled: Signal<bool>,
) -> impl IntoView {
    // Described by the prompt and the instructions above it, not a hint of its own.
    view! {
        <TextField
            id="quiz-fill"
            label="Your answer"
            hint_id="quiz-prompt quiz-instruction"
            value=typed
            disabled=disabled
        />
    }
}
