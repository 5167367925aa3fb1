//! Where an item comes from: every step and question cites lines of one of
//! the pack's documents, picked from the pack's own list.

use super::editor::Editor;
use crate::components::form::{Binding, ListSelect, TextField};
use crate::domain::source::SourceRef;
use leptos::prelude::*;

/// The document and lines of one citation, side by side.
#[component]
pub(super) fn SourceFields(
    /// The start of the fields' ids (`{id}-doc`, `{id}-lines`).
    #[prop(into)]
    id: String,
    editor: Editor,
    /// The document's id.
    doc: Binding<String>,
    /// The lines, e.g. `43-47`.
    lines: Binding<String>,
) -> impl IntoView {
    let documents = Signal::derive(move || {
        let mut options: Vec<(String, String)> = editor.with(|draft| {
            draft
                .sources
                .iter()
                .map(|source| {
                    (
                        source.doc.clone(),
                        format!("{}: {}", source.doc, source.title),
                    )
                })
                .collect()
        });
        let current = doc.get();
        if !options.iter().any(|(key, _)| *key == current) {
            // A document the pack does not list stays visible, so the
            // problem it causes can be seen and fixed.
            options.insert(
                0,
                (
                    current.clone(),
                    format!("{current} (not in this pack's sources)"),
                ),
            );
        }
        options
    });
    view! {
        <div class="inline-form">
            <ListSelect id=format!("{id}-doc") label="Source document" options=documents value=doc/>
            <TextField
                id=format!("{id}-lines")
                label="Source lines"
                hint="A line (43) or a range (43-47) of that document."
                value=lines
                class="narrow"
            />
        </div>
    }
}

/// A citation with neither document nor lines yet, for an item whose
/// citation is optional until the author writes one.
pub(super) fn no_source() -> SourceRef {
    SourceRef {
        doc: String::new(),
        lines: String::new(),
    }
}
