//! The form that adds a case to the queue.

use super::fields::{CaseNotes, HighPriorityField, StatusField};
use crate::components::form::{SelectField, TextField};
use crate::components::sla::agency::AgencyFields;
use crate::components::sla::RulesInForce;
use crate::domain::sla::input::{local_input, read_agency, read_local_datetime, ASK_RECEIVED};
use crate::domain::sla::{check_received, AgencyTerm, Case, CaseStatus, CaseType, Due, SlaError};
use crate::domain::text::sentence;
use crate::store::AppState;
use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The case type the form starts with, and returns to after each case.
const DEFAULT_TYPE: CaseType = CaseType::General;

/// One message per field of the add form.
#[derive(Debug, Clone, Default, PartialEq)]
struct AddErrors {
    number: Option<String>,
    customer: Option<String>,
    received: Option<String>,
    agency_days: Option<String>,
    agency_date: Option<String>,
}

impl AddErrors {
    fn any(&self) -> bool {
        *self != AddErrors::default()
    }

    /// The id of the first field with a problem, in the form's order.
    fn first_invalid(&self) -> Option<&'static str> {
        [
            (&self.number, "sla-add-number"),
            (&self.customer, "sla-add-customer"),
            (&self.received, "sla-add-received"),
            (&self.agency_days, "sla-add-agency-days"),
            (&self.agency_date, "sla-add-agency-date"),
        ]
        .into_iter()
        .find_map(|(error, id)| error.is_some().then_some(id))
    }
}

/// What the form says when a case was not added.
const NOT_ADDED: &str = "The case was not added: fix the fields marked above.";

/// Shows the problems and moves focus to the first field to fix, so a
/// keyboard or screen-reader user lands where the work is.
fn refuse(errors: RwSignal<AddErrors>, message: RwSignal<String>, found: AddErrors) {
    let first = found.first_invalid();
    errors.set(found);
    message.set(NOT_ADDED.to_string());
    if let Some(field) = first
        .and_then(|id| document().get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Focus can only fail on an element that is gone; nothing to do then.
        let _ = field.focus();
    }
}

/// Adds a case: number, customer, type, receipt time, status, next action,
/// notes and, for Regulatory, the agency's term.
#[component]
pub(super) fn AddCaseForm(
    /// The rules in force (for the zone and to validate the agency term).
    rules: Memo<RulesInForce>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let zone = Memo::new(move |_| rules.with(|r| r.engine.calendar().zone()));
    let number = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    let case_type = RwSignal::new(DEFAULT_TYPE);
    let received = RwSignal::new(local_input(Utc::now(), zone.get_untracked()));
    let status = RwSignal::new(CaseStatus::Assigned);
    let high_priority = RwSignal::new(false);
    let next_action = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let agency_days = RwSignal::new(String::new());
    let agency_date = RwSignal::new(String::new());
    let errors = RwSignal::new(AddErrors::default());
    let message = RwSignal::new(String::new());
    let is_regulatory = move || case_type.get() == CaseType::Regulatory;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let zone = zone.get_untracked();
        let engine = rules.with_untracked(|r| r.engine.clone());
        let mut found = AddErrors::default();
        let number_text = number.get_untracked().trim().to_string();
        if number_text.is_empty() {
            found.number = Some("Enter the case number.".to_string());
        } else if state
            .queue()
            .with_untracked(|q| q.cases.iter().any(|c| c.number == number_text))
        {
            found.number = Some(format!("Case {number_text} is already in your queue."));
        }
        let customer_text = customer.get_untracked().trim().to_string();
        if customer_text.is_empty() {
            found.customer = Some("Enter the customer's name.".to_string());
        }
        let received_text = received.get_untracked();
        let now = Utc::now();
        let instant = read_local_datetime(&received_text, zone, ASK_RECEIVED)
            .map_err(|e| found.received = Some(e.to_string()))
            .ok()
            .filter(|parsed| {
                check_received(parsed.instant.with_timezone(&Utc), now, zone)
                    .map_err(|e| found.received = Some(e.to_string()))
                    .is_ok()
            });
        let kind = case_type.get_untracked();
        let mut agency = AgencyTerm::Unset;
        if kind == CaseType::Regulatory {
            let read = read_agency(&agency_days.get_untracked(), &agency_date.get_untracked());
            agency = read.term;
            found.agency_days = read.days_error.map(|e| e.to_string());
            found.agency_date = read.date_error.map(|e| e.to_string());
        }
        let Some(instant) = instant.filter(|_| !found.any()) else {
            refuse(errors, message, found);
            return;
        };
        let chosen_status = status.get_untracked();
        let case = Case {
            number: number_text.clone(),
            customer: customer_text,
            case_type: kind,
            received: instant.instant.with_timezone(&Utc),
            zone,
            status: chosen_status,
            next_action: next_action.get_untracked().trim().to_string(),
            notes: notes.get_untracked().trim().to_string(),
            attempts: Vec::new(),
            agency,
            high_priority: high_priority.get_untracked(),
            resolved_at: (!chosen_status.is_open()).then_some(now),
        };
        let next = match case.next_due(&engine) {
            Ok(Due::At(deadline)) => format!("{} due {}.", deadline.kind.label(), deadline.human()),
            Ok(Due::Undated { explanation, .. }) => explanation,
            Err(error) => {
                let text = sentence(&error.to_string());
                let found = if matches!(error, SlaError::AgencyDays(_)) {
                    AddErrors {
                        agency_days: Some(text),
                        ..AddErrors::default()
                    }
                } else {
                    AddErrors {
                        received: Some(text),
                        ..AddErrors::default()
                    }
                };
                refuse(errors, message, found);
                return;
            }
        };
        state.queue().update(|q| q.cases.push(case));
        errors.set(AddErrors::default());
        message.set(format!("Added case {number_text}. {next}"));
        number.set(String::new());
        customer.set(String::new());
        case_type.set(DEFAULT_TYPE);
        high_priority.set(false);
        next_action.set(String::new());
        notes.set(String::new());
        agency_days.set(String::new());
        agency_date.set(String::new());
        received.set(local_input(Utc::now(), zone));
    };

    let err =
        move |pick: fn(&AddErrors) -> Option<String>| Signal::derive(move || errors.with(pick));

    view! {
        <section aria-labelledby="sla-add-heading" class="sla-add">
            <h2 id="sla-add-heading">"Add a case"</h2>
            <p class="hint">"Fields marked * are required."</p>
            <form novalidate on:submit=submit data-testid="add-case-form">
                <div class="sla-grid">
                    <TextField id="sla-add-number" label="Case number *" required=true value=number error=err(|e| e.number.clone())/>
                    <TextField id="sla-add-customer" label="Customer *" required=true value=customer error=err(|e| e.customer.clone())/>
                    <SelectField id="sla-add-type" label="Type *" value=case_type/>
                    <TextField
                        id="sla-add-received"
                        label="Received *"
                        kind="datetime-local"
                        required=true
                        value=received
                        error=err(|e| e.received.clone())
                        hint=move || format!("In {}, the business calendar's zone.", zone.get().name())
                    />
                    <StatusField id="sla-add-status" label="Status *" value=status/>
                </div>
                <Show when=is_regulatory>
                    <AgencyFields
                        prefix="sla-add"
                        legend="What the agency set (Regulatory, optional)"
                        days=agency_days
                        date=agency_date
                        days_error=err(|e| e.agency_days.clone())
                        date_error=err(|e| e.agency_date.clone())
                    />
                </Show>
                <HighPriorityField id="sla-add-high-priority" value=high_priority/>
                <CaseNotes prefix="sla-add" next_action=next_action notes=notes/>
                <div class="button-row">
                    <button type="submit">"Add case"</button>
                </div>
                <p role="status" class="sla-status" data-testid="add-case-status">{move || message.get()}</p>
            </form>
        </section>
    }
}
