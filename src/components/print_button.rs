//! The button that prints the page; the print stylesheet decides what of the
//! page goes on paper.

use leptos::prelude::*;

/// A row with one button that opens the browser's print dialog.
#[component]
pub fn PrintButton(
    /// The button's words, naming what gets printed.
    label: &'static str,
) -> impl IntoView {
    // The dialog only fails to open where printing is disabled, and then the
    // browser itself says so.
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="button-row">
            <button type="button" on:click=print>{label}</button>
        </div>
    }
}
