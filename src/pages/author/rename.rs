//! An id renamed with a button: what names the item (choices and links
//! name a step, questions a topic or scenario, citations a document)
//! follows it in one edit, not
//! at every key, and an id that is taken is refused in words. Documents
//! are renamed the same way, with every citation of them.

use crate::components::form::{FieldAction, FieldError, TextField};
use crate::domain::author::RenameError;
use leptos::prelude::*;

/// The id field with its Rename button; `rename` tries the typed id.
#[component]
pub(super) fn RenameField(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    label: &'static str,
    /// What an id may be and what follows it.
    hint: &'static str,
    /// The id the item has now.
    current: String,
    /// The item, for the button's accessible name where a page lists
    /// several ("topic billing"); the one step form leaves it out.
    #[prop(optional)]
    item: Option<Signal<String>>,
    /// Renames the item to the id typed, or says why not.
    rename: Callback<String, Result<(), RenameError>>,
) -> impl IntoView {
    let typed_id = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let run = Callback::new(move |()| {
        let wanted = typed_id.get_untracked().trim().to_string();
        error.set(rename.run(wanted).err().map(|e| e.to_string()));
    });
    let error_id = format!("{id}-error");
    view! {
        <TextField
            id=id
            label=label
            hint=hint
            value=typed_id
            error=Signal::derive(move || error.get())
            error_outside=true
            action=FieldAction { label: "Rename", object: item, run }
        />
        <FieldError id=error_id message=Signal::derive(move || error.get())/>
    }
}
