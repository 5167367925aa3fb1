//! Where a piece of guidance comes from, named the same way on every page:
//! the document lines followed by the document's title, so an agent can
//! find the passage without knowing the document numbers; and the content
//! pack a step or question came from.

use crate::domain::content;
use crate::domain::pack::PackSource;
use crate::domain::source::SourceRef;
use leptos::prelude::*;

/// "doc 004, lines 43-47 (Escalation SOP (current version))"; just the
/// reference when the document is not among the sources of the pack in use
/// (a custom question bank may cite the trainer's own).
pub fn describe_source(source: &SourceRef) -> String {
    match PackSource::find(&content::pack_meta().sources, &source.doc) {
        Some(doc) => format!("{source} ({})", doc.title),
        None => source.to_string(),
    }
}

/// A "Source:" line naming every reference with its document title, so
/// flows, scanner keywords and quiz feedback cite their SOPs alike.
#[component]
pub fn Sources(
    /// The references, main one first.
    sources: Vec<SourceRef>,
) -> impl IntoView {
    let text = sources
        .iter()
        .map(describe_source)
        .collect::<Vec<_>>()
        .join("; ");
    view! { <p class="source-ref">"Source: " {text}</p> }
}

/// "Content pack: Homeowner support…, version 1 of 2026-12-04": which pack
/// a step or question came from, so an agent can tell whether it is the
/// procedure now in force; `custom` for a question of an imported bank,
/// which belongs to no pack.
#[component]
pub fn PackNote(
    /// Whether the item comes from a custom question bank.
    #[prop(optional, into)]
    custom: Signal<bool>,
) -> impl IntoView {
    view! {
        <p class="pack-note" data-testid="pack-note">
            {move || if custom.get() {
                "From the custom question bank imported in this browser, not from a content pack.".to_string()
            } else {
                format!("Content pack: {}.", content::pack_meta().label())
            }}
        </p>
    }
}
