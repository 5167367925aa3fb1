//! Where a piece of guidance comes from, named the same way on every page:
//! the document lines followed by the document's title, so an agent can
//! find the passage without knowing the document numbers.

use crate::domain::source::SourceRef;
use leptos::prelude::*;

/// "doc 004, lines 43-47 (Escalation SOP (current version))"; just the
/// reference when the document is not among the shipped sources.
pub fn describe_source(source: &SourceRef) -> String {
    match source.document() {
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
