//! A destructive action (reset, delete) behind an explicit second step, so a
//! stray click or key press never loses data.

use leptos::prelude::*;

/// A danger button that first asks `question`, then runs `on_confirm` only
/// when the user presses the confirming button; Cancel puts it back.
#[component]
pub fn ConfirmedAction(
    /// The first button's label, e.g. "Reset all data…".
    label: &'static str,
    /// The question shown before acting; say what will be lost.
    question: &'static str,
    /// The confirming button's label, e.g. "Yes, delete everything".
    confirm_label: &'static str,
    /// An id for the question, unique on the page (names the group).
    question_id: &'static str,
    /// What happens once confirmed.
    #[prop(into)]
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <div class="danger-zone">
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="danger" on:click=move |_| asking.set(true)>{label}</button>
                }
            >
                <div role="group" aria-labelledby=question_id>
                    <p id=question_id>{question}</p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="danger"
                            on:click=move |_| {
                                asking.set(false);
                                on_confirm.run(());
                            }
                        >
                            {confirm_label}
                        </button>
                        <button type="button" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
