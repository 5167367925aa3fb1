//! Fields the add form and each case's edit form share, so a case reads the
//! same wherever it is entered.

use crate::components::form::{Checkbox, SelectField, TextArea, TextField};
use crate::domain::sla::CaseStatus;
use leptos::prelude::*;

/// Why the next action matters (doc 001, lines 33-34).
const NEXT_ACTION_HELP: &str = "What you will do next, so you and management can see it without opening the case (doc 001, lines 33-34).";
/// Why notes matter (doc 001, lines 29-30).
const NOTES_HELP: &str =
    "Keep the case up to date in real time so someone can support it if you are out (doc 001, lines 29-30).";

/// A case's status, with what the chosen status means under the list.
#[component]
pub(super) fn StatusField(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    label: &'static str,
    /// The status chosen.
    value: RwSignal<CaseStatus>,
    /// `data-testid` of the select, if tests need it.
    #[prop(optional, into)]
    testid: MaybeProp<&'static str>,
) -> impl IntoView {
    let meaning = move || {
        let status = value.get();
        format!(
            "{}: {} ({})",
            status.label(),
            status.meaning(),
            status.source()
        )
    };
    view! { <SelectField id=id label=label value=value hint=meaning testid=testid/> }
}

/// A case's next action and notes, each with why it matters.
#[component]
pub(super) fn CaseNotes(
    /// The start of the ids: `{prefix}-next` and `{prefix}-notes`.
    #[prop(into)]
    prefix: String,
    /// The next action as typed.
    next_action: RwSignal<String>,
    /// The notes as typed.
    notes: RwSignal<String>,
) -> impl IntoView {
    view! {
        <TextField
            id=format!("{prefix}-next")
            label="Next action"
            value=next_action
            hint=NEXT_ACTION_HELP
            check_spelling=true
        />
        <TextArea id=format!("{prefix}-notes") label="Notes" value=notes hint=NOTES_HELP/>
    }
}

/// Whether the case is one of the High Priority cases doc 001 names, with the
/// list beside it so the agent need not remember it.
#[component]
pub(super) fn HighPriorityField(
    /// The checkbox's id.
    #[prop(into)]
    id: String,
    /// Ticked for a high-priority case.
    value: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <Checkbox id=id label="High priority" value=value hint=HIGH_PRIORITY_HELP/>
    }
}

/// Which cases doc 001 calls High Priority.
const HIGH_PRIORITY_HELP: &str = "High Priority cases: Executives, Legal, Fairshakes/Notice of Disputes, Regulatory (doc 001, lines 21-25). Ranked first among cases due at the same time.";
