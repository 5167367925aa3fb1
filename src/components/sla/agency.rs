//! The two fields of what the agency set for a regulatory case, shared by
//! the calculator and the queue's add form.

use crate::components::form::TextField;
use leptos::prelude::*;

/// The agency's number of days or its due date, in a fieldset.
#[component]
pub fn AgencyFields(
    /// The start of the ids: `{prefix}-agency-days`, `{prefix}-agency-date`
    /// and, with a hint, `{prefix}-agency-hint`.
    prefix: &'static str,
    /// The fieldset's legend.
    legend: &'static str,
    /// A line saying what to enter, describing both fields.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The days as typed.
    days: RwSignal<String>,
    /// The due date as typed.
    date: RwSignal<String>,
    /// What is wrong with the days.
    #[prop(into)]
    days_error: Signal<Option<String>>,
    /// What is wrong with the date.
    #[prop(into)]
    date_error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{prefix}-agency-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <fieldset class="sla-agency">
            <legend>{legend}</legend>
            {hint.map(|text| view! { <p class="hint" id=hint_id>{text}</p> })}
            <div class="sla-grid">
                <TextField
                    id=format!("{prefix}-agency-days")
                    label="Agency days"
                    inputmode="numeric"
                    value=days
                    error=days_error
                    hint_id=described.clone()
                />
                <TextField
                    id=format!("{prefix}-agency-date")
                    label="Agency due date"
                    kind="date"
                    value=date
                    error=date_error
                    hint_id=described
                />
            </div>
        </fieldset>
    }
}
