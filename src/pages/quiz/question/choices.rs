//! The inputs of a question that is answered by choosing (radio buttons or
//! tick boxes, marked right and wrong once checked) or by typing.

use super::card::Card;
use crate::components::form::{Binding, TextField};
use crate::domain::quiz::{Question, QuestionKind, QuizChoice};
use leptos::prelude::*;

/// The choices of a single, multiple or pick-any question, numbered for
/// the number-key shortcuts.
#[component]
pub(super) fn ChoiceOptions(
    /// The question on screen.
    card: Card,
    /// The question being answered, for its right answers.
    question: StoredValue<Question>,
    /// Its choices in the order shown.
    choices: StoredValue<Vec<QuizChoice>>,
) -> impl IntoView {
    let multiple = card.kind != QuestionKind::Single;
    let locked = move || card.locked();
    view! {
        <fieldset class="quiz-options" aria-labelledby="quiz-prompt" aria-describedby="quiz-instruction">
            {choices
                .get_value()
                .into_iter()
                .enumerate()
                .map(|(i, choice)| {
                    let id = format!("quiz-option-{i}");
                    let for_checked = choice.id.clone();
                    let for_change = choice.id.clone();
                    let is_right = question.with_value(|q| q.correct.contains(&choice.id));
                    let for_mark = choice.id.clone();
                    let picked_wrong = move || {
                        !is_right && card.draft.picked.with(|p| p.contains(&for_mark))
                    };
                    view! {
                        <div class="quiz-option">
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                name="quiz-answer"
                                id=id.clone()
                                prop:checked=move || card.draft.picked.with(|p| p.contains(&for_checked))
                                prop:disabled=locked
                                on:change=move |_| card.choose(for_change.clone())
                            />
                            <label for=id>
                                <span class="quiz-option-key" aria-hidden="true">{i + 1}</span>
                                <span>{choice.text.clone()}</span>
                                {move || (locked() && is_right).then(|| view! { <span class="quiz-mark">" ✓ right answer"</span> })}
                                {move || (locked() && picked_wrong()).then(|| view! { <span class="quiz-mark quiz-mark-wrong">" ✗ your answer"</span> })}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The text field of a fill-in question; in an exam, every change is saved.
#[component]
pub(super) fn FillInField(
    /// The question on screen.
    card: Card,
) -> impl IntoView {
    let typed = Binding::new(
        move || card.draft.text.get(),
        move |text| {
            card.draft.text.set(text);
            card.message.set(None);
            card.save_exam();
        },
    );
    // Described by the prompt and the instructions above it, not a hint of its own.
    view! {
        <TextField
            id="quiz-fill"
            label="Your answer"
            hint_id="quiz-prompt quiz-instruction"
            value=typed
            disabled=Signal::derive(move || card.locked())
        />
    }
}
