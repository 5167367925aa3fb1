//! Choosing a file to import.

use super::{described_by, field_block, hint_line, hint_ref};
use crate::components::file_input::read_chosen_file;
use leptos::prelude::*;

/// A labelled file input that reads the chosen file as text and hands over
/// its name and text (`None` when the browser could not read it as text).
/// The same file may be chosen again (e.g. after fixing it).
#[component]
pub fn FileField(
    /// The input's id; its hint's id is this followed by `-hint`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// The kinds of file offered, e.g. `application/json,.json`.
    accept: &'static str,
    /// A line under the input, e.g. what happens to a wrong file.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// Called with the file's name and its text.
    on_read: Callback<(String, Option<String>)>,
) -> impl IntoView {
    let describe = described_by(hint_ref(&id, &hint, None), None);
    let input = view! {
            <input
                id=id.clone()
                type="file"
                accept=accept
                aria-describedby=describe
                on:change=move |ev| read_chosen_file(&ev, move |name, text| on_read.run((name, text)))
            />
    };
    let below = hint_line(&id, hint);
    field_block(&id, label, input, below)
}
