//! Open and closing times for each weekday.

use super::Draft;
use crate::components::form::{Binding, Checkbox};
use crate::domain::sla::{weekday_name, DayHours, WEEK};
use chrono::Weekday;
use leptos::prelude::*;

/// The two times of an open day: which end, the word before the input, and
/// the input's name for screen readers.
const ENDS: [(bool, &str, &str); 2] = [(true, "from", "opens at"), (false, "to", "closes at")];

/// A row per weekday: open or closed, and from when to when.
#[component]
pub(super) fn HoursFields(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Business hours"</legend>
            <p class="hint">"Default: Monday to Friday 09:00-17:00; Saturday and Sunday closed (doc 001, line 11 speaks of \u{201c}the next business day\u{201d})."</p>
            <ul class="sla-hours">{WEEK.map(|day| view! { <DayRow draft=draft day=day/> }).collect_view()}</ul>
        </fieldset>
    }
}

/// One weekday's row.
#[component]
fn DayRow(
    /// The draft being edited.
    draft: Draft,
    /// The weekday.
    day: Weekday,
) -> impl IntoView {
    let name = weekday_name(day);
    let hours = move || {
        draft
            .settings
            .with(|s| s.calendar.hours.iter().find(|h| h.day == day).cloned())
    };
    let open = Binding::new(
        move || hours().is_some(),
        move |open: bool| {
            draft.settings.update(|s| {
                s.calendar.hours.retain(|h| h.day != day);
                if open {
                    s.calendar.hours.push(DayHours {
                        day,
                        open: "09:00".to_string(),
                        close: "17:00".to_string(),
                    });
                    s.calendar
                        .hours
                        .sort_by_key(|h| h.day.num_days_from_monday());
                }
            })
        },
    );
    let key = name.to_ascii_lowercase();
    view! {
        <li class="sla-hours-row">
            <Checkbox id=format!("sla-hours-{key}") label=format!("Open on {name}") value=open inline=true/>
            <Show when=move || hours().is_some() fallback=|| view! { <span class="hint">"Closed"</span> }>
                <span class="sla-hours-times">
                    {ENDS.map(|(opening, word, role)| time_input(draft, day, name, opening, word, role))}
                </span>
            </Show>
        </li>
    }
}

/// The opening (or closing) time of an open day.
fn time_input(
    draft: Draft,
    day: Weekday,
    name: &'static str,
    opening: bool,
    word: &'static str,
    role: &'static str,
) -> impl IntoView {
    let id = format!(
        "sla-hours-{}-{}",
        name.to_ascii_lowercase(),
        if opening { "open" } else { "close" }
    );
    let shown = move || {
        draft.settings.with(|s| {
            s.calendar.hours.iter().find(|h| h.day == day).map(|h| {
                if opening {
                    h.open.clone()
                } else {
                    h.close.clone()
                }
            })
        })
    };
    let set = move |value: String| {
        draft.settings.update(|s| {
            if let Some(h) = s.calendar.hours.iter_mut().find(|h| h.day == day) {
                if opening {
                    h.open = value;
                } else {
                    h.close = value;
                }
            }
        })
    };
    view! {
        <label for=id.clone()>{word}</label>
        <input
            id=id
            type="time"
            aria-label=format!("{name} {role}")
            prop:value=move || shown().unwrap_or_default()
            on:input=move |ev| set(event_target_value(&ev))
        />
    }
}
