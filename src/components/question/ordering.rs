//! The inputs of an ordering question: its items in the learner's order,
//! each with Move up and Move down, and each move announced.

use super::OnScreen;
use crate::components::focus::focus_after_render;
use leptos::prelude::*;

/// The items of an ordering question, each with Move up and Move down.
#[component]
pub fn OrderList(
    /// The question and its items, by id and text.
    shown: OnScreen,
    /// The order the learner has made.
    order: RwSignal<Vec<String>>,
    /// Called after every move, to save it.
    on_move: Callback<()>,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let text_of = move |id: &str| {
        shown.choices.with_value(|c| {
            c.iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.text.clone())
        })
    };
    let slot_of = move |id: &str| {
        shown
            .question
            .with_value(|q| q.choices.iter().position(|c| c.id == id).unwrap_or(0))
    };
    let shift = move |from: usize, up: bool| {
        let len = order.with_untracked(Vec::len);
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|t| *t < len)
        };
        let Some(to) = to else { return };
        let id = order.with_untracked(|o| o[from].clone());
        order.update(|o| o.swap(from, to));
        announcement.set(format!(
            "“{}” moved to position {} of {len}.",
            text_of(&id),
            to + 1
        ));
        on_move.run(());
        let slot = slot_of(&id);
        let keep_direction = if up { to > 0 } else { to + 1 < len };
        let button = match (up, keep_direction) {
            (true, true) | (false, false) => "up",
            _ => "down",
        };
        focus_after_render(format!("quiz-order-{slot}-{button}"));
    };
    view! {
        <ol class="quiz-order" aria-labelledby="quiz-prompt" aria-describedby="quiz-instruction">
            {move || {
                let ids = order.get();
                let len = ids.len();
                ids.into_iter()
                    .enumerate()
                    .map(|(position, id)| {
                        let text = text_of(&id);
                        let slot = slot_of(&id);
                        view! {
                            <li class="quiz-order-item">
                                <span class="quiz-order-text">{text.clone()}</span>
                                <span class="quiz-order-buttons">
                                    <button
                                        type="button"
                                        class="secondary"
                                        id=format!("quiz-order-{slot}-up")
                                        aria-label=format!("Move up: {text}")
                                        prop:disabled=move || shown.locked.get() || position == 0
                                        on:click=move |_| shift(position, true)
                                    >
                                        "Move up"
                                    </button>
                                    <button
                                        type="button"
                                        class="secondary"
                                        id=format!("quiz-order-{slot}-down")
                                        aria-label=format!("Move down: {text}")
                                        prop:disabled=move || shown.locked.get() || position + 1 == len
                                        on:click=move |_| shift(position, false)
                                    >
                                        "Move down"
                                    </button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <p class="offscreen" role="status" aria-live="polite">{move || announcement.get()}</p>
    }
}
