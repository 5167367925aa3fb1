//! The quick reference from the training Q&A (`content/reference.toml`):
//! shown on Home and in My queue, so credit limits, statuses and metrics are
//! one click away wherever an agent starts.

use crate::domain::content;
use crate::domain::reference::Fact;
use leptos::prelude::*;

/// The reference panel, collapsed by default so it does not push the page's
/// own tool down.
#[component]
pub fn ReferencePanel() -> impl IntoView {
    view! {
        <section aria-labelledby="sla-ref-heading" class="sla-reference">
            <h2 id="sla-ref-heading">"Quick reference"</h2>
            <details>
                <summary>"Case types, statuses, metrics, credit limits and ticket kinds (doc 001)"</summary>
                {content::reference()
                    .topics
                    .iter()
                    .map(|topic| {
                        view! {
                            <h3>{topic.heading.clone()}</h3>
                            <ul>
                                {topic
                                    .facts
                                    .iter()
                                    .map(|fact| view! { <li><FactText fact=fact/></li> })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
            </details>
        </section>
    }
}

/// One fact followed by the lines it comes from, as in the panel and in
/// search results alike.
#[component]
pub fn FactText(
    /// The fact shown.
    fact: &'static Fact,
) -> impl IntoView {
    view! {
        {fact.text.clone()} " "
        <span class="source-ref">"(" {fact.source.to_string()} ")"</span>
    }
}
