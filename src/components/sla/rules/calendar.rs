//! The team's zone and closed dates: US federal holidays or not, and other
//! dates added one by one or a year of federal holidays at a time.

use super::table::{FEDERAL_HOLIDAYS, HOURS_OF};
use super::Draft;
use crate::components::clock::year_in_zone;
use crate::components::form::{FieldAction, TextField};
use crate::components::sla::zone::ZoneField;
use crate::domain::content;
use crate::domain::sla::{us_federal_holiday_on, us_federal_holidays};
use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

/// The zone, the federal-holidays switch and the list of other closed dates.
#[component]
pub(super) fn CalendarFields(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let defaults = content::sla_defaults();
    let new_date = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    // The year it is where the team works: on the evening of 31 December in
    // New York it is already next year in UTC.
    let team_zone = draft
        .settings
        .with_untracked(|s| s.calendar.time_zone.clone());
    let year = RwSignal::new(year_in_zone(&team_zone, Utc::now()).to_string());
    let year_error = RwSignal::new(None::<String>);
    let preset_status = RwSignal::new(String::new());
    let add_date = move |()| {
        let text = new_date.get_untracked();
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(date) => {
                let value = date.format("%Y-%m-%d").to_string();
                if draft
                    .settings
                    .with_untracked(|s| s.calendar.extra_holidays.contains(&value))
                {
                    date_error.set(Some(format!("{value} is already in the list.")));
                } else {
                    draft.settings.update(|s| {
                        s.calendar.extra_holidays.push(value);
                        s.calendar.extra_holidays.sort();
                    });
                    date_error.set(None);
                    new_date.set(String::new());
                }
            }
            Err(_) => date_error.set(Some("Choose a date to add (YYYY-MM-DD).".to_string())),
        }
    };
    let parsed_year = move || {
        year.get()
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
    };
    let add_preset = move |()| match parsed_year() {
        Some(y) => {
            let dates: Vec<String> = us_federal_holidays(y)
                .iter()
                .map(|h| h.observed.format("%Y-%m-%d").to_string())
                .collect();
            let mut added = 0;
            draft.settings.update(|s| {
                for date in dates {
                    if !s.calendar.extra_holidays.contains(&date) {
                        s.calendar.extra_holidays.push(date);
                        added += 1;
                    }
                }
                s.calendar.extra_holidays.sort();
            });
            year_error.set(None);
            preset_status.set(format!(
                "Added {added} US federal holiday date{} for {y}.",
                if added == 1 { "" } else { "s" }
            ));
        }
        None => year_error.set(Some("Enter a year between 1900 and 2200.".to_string())),
    };
    let preview = move || parsed_year().map(us_federal_holidays).unwrap_or_default();

    view! {
        <fieldset>
            <legend>"Time zone and holidays"</legend>
            <ZoneField
                id="sla-rules-zone"
                label="Team time zone"
                value=draft.lens(|s| s.calendar.time_zone.clone(), |s, zone| s.calendar.time_zone = zone)
                hint=format!(
                    "Default: {} (customers are primarily in the \u{201c}Northeast & West Divisions\u{201d}, doc 001, lines 63-64; change it to your team's zone). Business hours below are in this zone.",
                    defaults.calendar.time_zone,
                )
            />
            {HOURS_OF.view(draft, defaults)}
            {FEDERAL_HOLIDAYS.view(draft, defaults)}
            <h3 class="sla-subheading">"Other closed dates"</h3>
            <ClosedDates draft=draft/>
            <TextField
                id="sla-rules-new-holiday"
                label="Add a closed date"
                kind="date"
                value=new_date
                error=date_error
                action=FieldAction { label: "Add date", object: None, run: Callback::new(add_date) }
            />
            <TextField
                id="sla-rules-year"
                label="Add US federal holidays for year"
                inputmode="numeric"
                class="narrow"
                value=year
                hint="Adds the observed dates below as closed dates, e.g. for a team that does not close on every federal holiday every year."
                error=year_error
                action=FieldAction { label: "Add these holidays", object: None, run: Callback::new(add_preset) }
            />
            <p role="status" class="sla-status">{move || preset_status.get()}</p>
            <ul class="sla-preset-list" data-testid="sla-federal-preview">
                {move || {
                    preview()
                        .into_iter()
                        .map(|h| {
                            let observed = if h.observed == h.date {
                                h.observed.format("%a %-d %b %Y").to_string()
                            } else {
                                format!(
                                    "{} (falls on {})",
                                    h.observed.format("%a %-d %b %Y"),
                                    h.date.format("%a %-d %b"),
                                )
                            };
                            view! { <li>{h.name} ": " {observed}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </fieldset>
    }
}

/// The other closed dates, each with the federal holiday it is (if any)
/// and a button to remove it.
#[component]
fn ClosedDates(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    move || {
        let dates = draft.settings.with(|s| s.calendar.extra_holidays.clone());
        if dates.is_empty() {
            return view! { <p class="hint">"None (default: none)."</p> }.into_any();
        }
        view! {
            <ul class="sla-holiday-list" data-testid="sla-holiday-list">
                {dates
                    .into_iter()
                    .map(|date| {
                        let name = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                            .ok()
                            .and_then(us_federal_holiday_on)
                            .map(|h| format!(" \u{2014} {}", h.label()))
                            .unwrap_or_default();
                        let remove_label = format!("Remove {date}");
                        let value = date.clone();
                        view! {
                            <li>
                                <span>{date} {name}</span>
                                <button
                                    type="button"
                                    class="secondary"
                                    aria-label=remove_label
                                    on:click=move |_| {
                                        draft.settings.update(|s| s.calendar.extra_holidays.retain(|d| *d != value))
                                    }
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    }
}
