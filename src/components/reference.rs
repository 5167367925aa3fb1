//! The quick reference from the training Q&A (`content/reference.toml`):
//! shown on Home and in My queue, so credit limits, statuses and metrics are
//! one click away wherever an agent starts.

use crate::domain::content;
use crate::domain::reference::Fact;
use crate::store::{pack_load, pack_loaded, PackLoad};
use leptos::prelude::*;

/// The reference panel, collapsed by default so it does not push the page's
/// own tool down. Its facts come with the content pack, which the home page
/// fetches only when the panel is first opened; until then the panel is
/// empty, in the prerendered home page as in the app.
#[component]
pub fn ReferencePanel() -> impl IntoView {
    let load = pack_load();
    let opened = RwSignal::new(false);
    let on_toggle = move |_| {
        opened.set(true);
        leptos::task::spawn_local(pack_loaded());
    };
    view! {
        <section aria-labelledby="sla-ref-heading" class="sla-reference">
            <h2 id="sla-ref-heading">"Quick reference"</h2>
            <details on:toggle=on_toggle>
                <summary>"Case types, statuses, metrics, credit limits and ticket kinds (doc 001)"</summary>
                {move || match (opened.get(), load.get()) {
                    (false, _) => ().into_any(),
                    (true, ready) if ready.is_ready() => facts().into_any(),
                    (true, PackLoad::Loading) => view! { <p>"Loading…"</p> }.into_any(),
                    (true, _) => {
                        view! { <p>"The quick reference comes with the content, which could not be loaded (see above)."</p> }
                            .into_any()
                    }
                }}
            </details>
        </section>
    }
}

/// Every topic of the reference, with its facts.
fn facts() -> impl IntoView {
    content::reference()
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
        .collect_view()
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
