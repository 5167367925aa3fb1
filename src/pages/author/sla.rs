//! The SLA defaults a pack gives: the rules and business calendar every
//! user starts from, in the same fields as the rules editor, checked by the
//! engine with the rest of the draft.

use super::editor::Editor;
use super::problems::ItemProblems;
use crate::components::sla::rules::{Draft, SlaRulesFields};
use crate::domain::content;
use crate::domain::pack::{PackProblem, Place};
use leptos::prelude::*;

/// The SLA defaults section.
#[component]
pub(super) fn SlaDefaultsEditor(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let fields = Draft::new(editor.with_untracked(|draft| draft.sla.clone()));
    // What the fields hold goes into the draft, typing undone as one edit…
    Effect::new(move |_| {
        let settings = fields.settings();
        editor.edit(Some("sla"), |draft| draft.sla = settings);
    });
    // …and an undo or redo shows in the fields.
    Effect::new(move |_| fields.show(editor.with(|draft| draft.sla.clone())));
    let mine = Signal::derive(move || {
        let unreadable = fields
            .unreadable_fields()
            .into_iter()
            .map(|field| format!("{field}: enter a whole number"));
        let checked: Vec<String> = problems.with(|all| {
            all.iter()
                .filter(|p| p.place == Place::Sla)
                .map(|p| p.message.clone())
                .collect()
        });
        unreadable.chain(checked).collect::<Vec<_>>()
    });
    view! {
        <section aria-labelledby="author-sla-heading">
            <h2 id="author-sla-heading">"SLA defaults"</h2>
            <p>"The rules and business calendar everyone starts from; each field names the value of the pack in use."</p>
            <ItemProblems id="author-sla-problems" problems=mine/>
            <details>
                <summary>"Edit the SLA defaults"</summary>
                <SlaRulesFields draft=fields defaults=content::sla_defaults()/>
            </details>
        </section>
    }
}
