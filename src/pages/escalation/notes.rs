//! The case notes of a walk: read-only text to copy into the case, or to
//! save as a plain-text file.

use crate::components::clock::{local_now, BrowserZone};
use crate::components::copy_button::CopyButton;
use crate::components::download::save_file;
use crate::components::form::{Binding, TextArea};
use crate::components::notice::Notices;
use crate::domain::content;
use crate::domain::flow::{Flow, Walk};
use leptos::prelude::*;

/// The walk written out as case notes, with Copy and Download.
#[component]
pub fn CaseNotes(
    /// The flow the walk started in.
    flow: &'static Flow,
    /// The walk.
    walk: Memo<Option<Walk>>,
) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let text = Memo::new(move |_| {
        walk.with(|w| {
            w.as_ref()
                .map(|w| w.case_notes(content::flows(), &BrowserZone))
                .unwrap_or_default()
        })
    });
    let download = move |_| {
        let date = local_now().format("%Y-%m-%d");
        let name = format!("case-notes-{}-{date}.txt", flow.id);
        save_file(
            notices,
            &name,
            "text/plain;charset=utf-8",
            &text.get_untracked(),
        );
    };
    view! {
        <section class="esc-case-notes" aria-labelledby="esc-notes-heading">
            <h2 id="esc-notes-heading">"Case notes"</h2>
            <TextArea
                id="esc-case-notes"
                label="Your walk so far, ready to paste into the case"
                rows=12
                readonly=true
                value=Binding::new(move || text.get(), |_| {})
            />
            // A textarea prints clipped: paper gets the whole text instead.
            <pre class="print-only esc-notes-print" aria-hidden="true">{move || text.get()}</pre>
            <div class="button-row">
                <CopyButton text=text label="Copy case notes"/>
                <button type="button" class="secondary" on:click=download>"Download as a text file"</button>
            </div>
        </section>
    }
}
