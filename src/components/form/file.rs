//! Choosing files to import.

use super::{described_by, field_block, hint_line, hint_ref};
use crate::components::file_input::read_chosen_files;
use leptos::prelude::*;

/// A labelled file input that reads the chosen file as text and hands over
/// its name and text (`None` when the browser could not read it as text).
/// The same file may be chosen again (e.g. after fixing it). With
/// `multiple`, several files may be chosen, or dropped on the input, and
/// each is handed over in turn.
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
    /// Called with the file's name and its text, once per file.
    on_read: Callback<(String, Option<String>)>,
    /// Takes several files at once.
    #[prop(optional)]
    multiple: bool,
) -> impl IntoView {
    let describe = described_by(hint_ref(&id, &hint, None), None);
    let input = view! {
            <input
                id=id.clone()
                type="file"
                accept=accept
                multiple=multiple
                class=multiple.then_some("file-drop")
                aria-describedby=describe
                on:change=move |ev| read_chosen_files(&ev, move |name, text| on_read.run((name, text)))
            />
    };
    let below = hint_line(&id, hint);
    field_block(&id, label, input, below)
}
