//! The rules and business calendar editor: every SLA setting with its
//! shipped default in words, validated by [`SlaEngine::new`] as the agent
//! types. Invalid drafts stay in the form and are never saved.

use super::widgets::{next_uid, ZoneList};
use crate::components::form::FieldError;
use crate::components::notice::{NoticeKind, Notices};
use crate::domain::content;
use crate::domain::sla::{
    parse_zone, us_federal_holiday_on, us_federal_holidays, DayCounting, DayHours,
    FollowUpCounting, HourCounting, SlaEngine, SlaSettings,
};
use crate::store::AppState;
use crate::store::TabMemory;
use chrono::{Datelike, NaiveDate, Utc, Weekday};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The week in display order.
const WEEK: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Monday"),
    (Weekday::Tue, "Tuesday"),
    (Weekday::Wed, "Wednesday"),
    (Weekday::Thu, "Thursday"),
    (Weekday::Fri, "Friday"),
    (Weekday::Sat, "Saturday"),
    (Weekday::Sun, "Sunday"),
];

/// What the draft holds besides the settings: fields whose text is not a
/// number yet, and a counter that makes number fields re-read the draft.
#[derive(Clone, Copy)]
struct Draft {
    settings: RwSignal<SlaSettings>,
    unreadable: RwSignal<BTreeSet<&'static str>>,
    epoch: RwSignal<u32>,
}

/// Edits the SLA rules and business calendar, saves them into the settings
/// (`Settings.sla`) only when valid, and restores the shipped defaults. Used
/// on the calculator page and mountable on the settings page.
#[component]
pub fn SlaRulesEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let unsaved = expect_context::<TabMemory>().unsaved_sla_rules;
    let draft = Draft {
        settings: RwSignal::new(
            unsaved
                .get_untracked()
                .unwrap_or_else(|| state.settings.with_untracked(|s| s.sla_settings())),
        ),
        unreadable: RwSignal::new(BTreeSet::new()),
        epoch: RwSignal::new(0),
    };
    let defaults = content::sla_defaults();
    // Another tab or an import changed the saved rules: follow them unless
    // the agent is in the middle of an edit.
    Effect::new(move |previous: Option<SlaSettings>| {
        let saved = state.settings.with(|s| s.sla_settings());
        if let Some(previous) = previous {
            if previous != saved && draft.settings.with_untracked(|d| *d == previous) {
                draft.settings.set(saved.clone());
                draft.epoch.update(|n| *n += 1);
            }
        }
        saved
    });
    // Edits not saved yet outlive this page for the rest of the tab's life,
    // so a look at another page does not lose them.
    Effect::new(move |_| {
        let edited = draft.settings.get();
        let changed = state.settings.with(|s| edited != s.sla_settings());
        unsaved.set(changed.then_some(edited));
    });
    let problems = Memo::new(move |_| {
        let mut problems: Vec<String> = draft
            .unreadable
            .get()
            .iter()
            .map(|field| format!("{field}: enter a whole number"))
            .collect();
        if let Err(error) = draft.settings.with(SlaEngine::new) {
            problems.extend(error.problems);
        }
        problems
    });
    let saved_state = move || {
        let own = state.settings.with(|s| s.sla.is_some());
        let changed = draft
            .settings
            .with(|d| state.settings.with(|s| *d != s.sla_settings()));
        match (own, changed) {
            (_, true) => "You have unsaved changes.",
            (true, false) => "Your own rules are saved and in use.",
            (false, false) => "The shipped defaults are in use.",
        }
    };
    let status = RwSignal::new(String::new());
    let save = move |_| {
        let count = problems.with_untracked(Vec::len);
        if count > 0 {
            status.set(format!(
                "Not saved: fix the {} listed above first. Your changes are still in the form.",
                if count == 1 {
                    "problem".to_string()
                } else {
                    format!("{count} problems")
                }
            ));
            return;
        }
        let settings = draft.settings.get_untracked();
        state.settings.update(|s| s.sla = Some(settings));
        status.set("Saved. The calculator and your queue now use these rules.".to_string());
        notices.push(NoticeKind::Success, "Your SLA rules were saved.");
    };
    let restore = move |_| {
        state.settings.update(|s| s.sla = None);
        draft.settings.set(defaults.clone());
        draft.unreadable.set(BTreeSet::new());
        draft.epoch.update(|n| *n += 1);
        status.set("Restored the shipped defaults.".to_string());
    };

    view! {
        <section aria-labelledby="sla-rules-heading" class="sla-rules">
            <h2 id="sla-rules-heading">"Rules and business calendar"</h2>
            <p data-testid="sla-rules-intro">
                "The SLA calculator and your queue compute every deadline with these rules. Each field names the default Deskaid ships with, taken from the support documents."
            </p>
            <p class="sla-rules-state" data-testid="sla-rules-state">{saved_state}</p>
            <CalendarFields draft=draft/>
            <HoursFields draft=draft/>
            <fieldset>
                <legend>"General cases"</legend>
                <TimeField
                    draft=draft
                    label="Cut-off for same-day contact"
                    read=|s| s.general.cutoff.clone()
                    write=|s, v| s.general.cutoff = v
                    default_words=format!(
                        "Default: {} (received by 3pm: contact the same day; after: by 12 noon the next business day, doc 001, lines 9-11).",
                        defaults.general.cutoff,
                    )
                />
                <TimeField
                    draft=draft
                    label="Next-day contact due at"
                    read=|s| s.general.next_day_due.clone()
                    write=|s, v| s.general.next_day_due = v
                    default_words=format!("Default: {}.", defaults.general.next_day_due)
                />
                <NumberField
                    draft=draft
                    name="General resolution business days"
                    read=|s| s.general.resolution_business_days
                    write=|s, v| s.general.resolution_business_days = v
                    default_words=format!(
                        "Default: {} (\u{201c}General - 4 days\u{201d}, read as business days, doc 001, line 16).",
                        defaults.general.resolution_business_days,
                    )
                />
            </fieldset>
            <fieldset>
                <legend>"Executive cases"</legend>
                <NumberField
                    draft=draft
                    name="Executive initial-contact hours"
                    read=|s| s.executive.initial_contact_hours
                    write=|s, v| s.executive.initial_contact_hours = v
                    default_words=format!(
                        "Default: {} (\u{201c}within 2 hours of the email/ticket\u{201d}, doc 001, lines 26-27).",
                        defaults.executive.initial_contact_hours,
                    )
                />
                <ChoiceField
                    draft=draft
                    label="Those hours are"
                    options=vec![("clock", "Clock hours (nights and weekends count)"), ("business", "Business hours only")]
                    read=|s| match s.executive.initial_contact_counting {
                        HourCounting::Clock => "clock",
                        HourCounting::Business => "business",
                    }
                    write=|s, v| {
                        s.executive.initial_contact_counting = if v == "business" {
                            HourCounting::Business
                        } else {
                            HourCounting::Clock
                        }
                    }
                    default_words="Default: clock hours.".to_string()
                />
                <NumberField
                    draft=draft
                    name="Executive resolution business days"
                    read=|s| s.executive.resolution_business_days
                    write=|s, v| s.executive.resolution_business_days = v
                    default_words=format!(
                        "Default: {} (\u{201c}Executives - 3 days\u{201d}, doc 001, line 17).",
                        defaults.executive.resolution_business_days,
                    )
                />
            </fieldset>
            <fieldset>
                <legend>"Regulatory cases"</legend>
                <NumberField
                    draft=draft
                    name="Regulatory initial-contact hours"
                    read=|s| s.regulatory.initial_contact_hours
                    write=|s, v| s.regulatory.initial_contact_hours = v
                    default_words=format!(
                        "Default: {} clock hours from ticket creation (doc 001, lines 38-39).",
                        defaults.regulatory.initial_contact_hours,
                    )
                />
                <ChoiceField
                    draft=draft
                    label="The agency's days are counted as"
                    options=vec![("calendar", "Calendar days (weekends and holidays count)"), ("business", "Business days")]
                    read=|s| match s.regulatory.agency_days_counting {
                        DayCounting::Calendar => "calendar",
                        DayCounting::Business => "business",
                    }
                    write=|s, v| {
                        s.regulatory.agency_days_counting = if v == "business" {
                            DayCounting::Business
                        } else {
                            DayCounting::Calendar
                        }
                    }
                    default_words="Default: calendar days (the resolution \u{201c}depends on the agency\u{201d}, doc 001, line 18).".to_string()
                />
            </fieldset>
            <fieldset>
                <legend>"Follow-up promises"</legend>
                <NumberField
                    draft=draft
                    name="Update promised within (business days)"
                    read=|s| s.follow_up.update_within_business_days
                    write=|s, v| s.follow_up.update_within_business_days = v
                    default_words=format!(
                        "Default: {} (\u{201c}an update within 1 day\u{201d}, doc 002, line 26).",
                        defaults.follow_up.update_within_business_days,
                    )
                />
                <NumberField
                    draft=draft
                    name="Case owner call-back, earliest (business hours)"
                    read=|s| s.follow_up.owner_earliest_hours
                    write=|s, v| s.follow_up.owner_earliest_hours = v
                    default_words=format!(
                        "Default: {} (\u{201c}within the next 24-48 Business Hours\u{201d}, doc 004, line 17).",
                        defaults.follow_up.owner_earliest_hours,
                    )
                />
                <NumberField
                    draft=draft
                    name="Case owner call-back, latest (business hours)"
                    read=|s| s.follow_up.owner_latest_hours
                    write=|s, v| s.follow_up.owner_latest_hours = v
                    default_words=format!("Default: {}.", defaults.follow_up.owner_latest_hours)
                />
                <ChoiceField
                    draft=draft
                    label="\u{201c}Business hours\u{201d} in that promise means"
                    options=vec![
                        ("business-days", "24 hours per business day (24-48 = 1 to 2 business days)"),
                        ("open-hours", "Hours inside business hours (24 h = three 8-hour days)"),
                    ]
                    read=|s| match s.follow_up.owner_counting {
                        FollowUpCounting::BusinessDays => "business-days",
                        FollowUpCounting::OpenHours => "open-hours",
                    }
                    write=|s, v| {
                        s.follow_up.owner_counting = if v == "open-hours" {
                            FollowUpCounting::OpenHours
                        } else {
                            FollowUpCounting::BusinessDays
                        }
                    }
                    default_words="Default: 24 hours per business day.".to_string()
                />
            </fieldset>
            <fieldset>
                <legend>"Contact attempts and queue"</legend>
                <NumberField
                    draft=draft
                    name="Attempts needed, each on a different business day"
                    read=|s| s.attempts.required_business_days
                    write=|s, v| s.attempts.required_business_days = v
                    default_words=format!(
                        "Default: {} (\u{201c}3 consecutive attempts on different days\u{201d}, doc 001, line 69).",
                        defaults.attempts.required_business_days,
                    )
                />
                <CheckField
                    draft=draft
                    label="Both email and phone must be tried"
                    read=|s| s.attempts.require_all_channels
                    write=|s, v| s.attempts.require_all_channels = v
                    default_words="Default: yes (\u{201c}using all resources available (email, phone)\u{201d}, doc 001, line 69).".to_string()
                />
                <NumberField
                    draft=draft
                    name="Due soon within (minutes)"
                    read=|s| s.queue.due_soon_minutes
                    write=|s, v| s.queue.due_soon_minutes = v
                    default_words=format!(
                        "Default: {} minutes; the queue marks a deadline this close as due soon.",
                        defaults.queue.due_soon_minutes,
                    )
                />
            </fieldset>
            <div id="sla-rules-problems" class="sla-problems" data-testid="sla-rules-problems">
                {move || {
                    let list = problems.get();
                    (!list.is_empty())
                        .then(|| {
                            view! {
                                <p class="inline-error">
                                    {if list.len() == 1 {
                                        "These rules cannot be saved yet:".to_string()
                                    } else {
                                        format!("These rules cannot be saved yet ({} problems):", list.len())
                                    }}
                                </p>
                                <ul class="sla-problem-list">
                                    {list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                                </ul>
                            }
                        })
                }}
            </div>
            <div class="button-row">
                <button type="button" on:click=save aria-describedby="sla-rules-problems">
                    "Save rules"
                </button>
                <button type="button" class="secondary" on:click=restore>
                    "Restore shipped defaults"
                </button>
            </div>
            <p role="status" aria-live="polite" class="sla-status">{move || status.get()}</p>
        </section>
    }
}

/// The team's zone and closed dates.
#[component]
fn CalendarFields(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let defaults = content::sla_defaults();
    let zone_error = Signal::derive(move || {
        draft
            .settings
            .with(|s| parse_zone(&s.calendar.time_zone).err())
            .map(|e| {
                format!(
                    "{} {}",
                    super::calc::capitalised(&e.to_string()),
                    draft
                        .settings
                        .with(|s| super::widgets::zone_help(&s.calendar.time_zone))
                )
            })
    });
    let zone_warning = move || {
        draft
            .settings
            .with(|s| super::widgets::zone_warning(&s.calendar.time_zone))
    };
    let new_date = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    let year = RwSignal::new(Utc::now().year().to_string());
    let year_error = RwSignal::new(None::<String>);
    let preset_status = RwSignal::new(String::new());
    let add_date = move |_| {
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
    let add_preset = move |_| match parsed_year() {
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
            <div class="field">
                <label for="sla-rules-zone">"Team time zone"</label>
                <input
                    id="sla-rules-zone"
                    type="text"
                    list="sla-rules-zones"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || draft.settings.with(|s| s.calendar.time_zone.clone())
                    on:input=move |ev| {
                        // A known zone typed in any capitalisation is saved as the zone's own name.
                        let typed = event_target_value(&ev);
                        let zone = parse_zone(&typed).map(|z| z.name().to_string()).unwrap_or(typed);
                        draft.settings.update(|s| s.calendar.time_zone = zone);
                    }
                    aria-invalid=move || zone_error.with(|e| e.is_some()).then_some("true")
                    aria-describedby="sla-rules-zone-hint sla-rules-zone-warning sla-rules-zone-error"
                />
                <ZoneList id="sla-rules-zones"/>
                <p class="hint" id="sla-rules-zone-hint">
                    {format!(
                        "Default: {} (customers are primarily in the \u{201c}Northeast & West Divisions\u{201d}, doc 001, lines 63-64; change it to your team's zone). Business hours below are in this zone.",
                        defaults.calendar.time_zone,
                    )}
                </p>
                <p class="hint" id="sla-rules-zone-warning" aria-live="polite">
                    {move || zone_warning().map(|text| view! { <span class="sla-warning">{text}</span> })}
                </p>
                <FieldError id="sla-rules-zone-error" message=zone_error/>
            </div>
            <CheckField
                draft=draft
                label="Closed on US federal holidays every year (observed dates)"
                read=|s| s.calendar.us_federal_holidays
                write=|s, v| s.calendar.us_federal_holidays = v
                default_words="Default: yes. A Saturday holiday is observed on the Friday before, a Sunday holiday on the Monday after.".to_string()
            />
            <h3 class="sla-subheading">"Other closed dates"</h3>
            {move || {
                let dates = draft.settings.with(|s| s.calendar.extra_holidays.clone());
                if dates.is_empty() {
                    view! { <p class="hint">"None (default: none)."</p> }.into_any()
                } else {
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
            }}
            <div class="sla-inline-form">
                <div class="field">
                    <label for="sla-rules-new-holiday">"Add a closed date"</label>
                    <input
                        id="sla-rules-new-holiday"
                        type="date"
                        prop:value=move || new_date.get()
                        on:input=move |ev| new_date.set(event_target_value(&ev))
                        aria-invalid=move || date_error.with(|e| e.is_some()).then_some("true")
                        aria-describedby="sla-rules-new-holiday-error"
                    />
                </div>
                <button type="button" on:click=add_date>"Add date"</button>
            </div>
            <FieldError id="sla-rules-new-holiday-error" message=date_error/>
            <div class="sla-inline-form">
                <div class="field">
                    <label for="sla-rules-year">"Add US federal holidays for year"</label>
                    <input
                        id="sla-rules-year"
                        type="text"
                        inputmode="numeric"
                        class="narrow"
                        prop:value=move || year.get()
                        on:input=move |ev| year.set(event_target_value(&ev))
                        aria-invalid=move || year_error.with(|e| e.is_some()).then_some("true")
                        aria-describedby="sla-rules-year-hint sla-rules-year-error"
                    />
                </div>
                <button type="button" on:click=add_preset>"Add these holidays"</button>
            </div>
            <p class="hint" id="sla-rules-year-hint">
                "Adds the observed dates below as closed dates, e.g. for a team that does not close on every federal holiday every year."
            </p>
            <FieldError id="sla-rules-year-error" message=year_error/>
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

/// Open and closing times for each weekday.
#[component]
fn HoursFields(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Business hours"</legend>
            <p class="hint">"Default: Monday to Friday 09:00-17:00; Saturday and Sunday closed (doc 001, line 11 speaks of \u{201c}the next business day\u{201d})."</p>
            <ul class="sla-hours">
                {WEEK
                    .map(|(day, name)| {
                        let hours = move || {
                            draft.settings.with(|s| s.calendar.hours.iter().find(|h| h.day == day).cloned())
                        };
                        let set_open = move |open: bool| {
                            draft.settings.update(|s| {
                                s.calendar.hours.retain(|h| h.day != day);
                                if open {
                                    s.calendar.hours.push(DayHours {
                                        day,
                                        open: "09:00".to_string(),
                                        close: "17:00".to_string(),
                                    });
                                    s.calendar.hours.sort_by_key(|h| h.day.num_days_from_monday());
                                }
                            })
                        };
                        let set_time = move |opening: bool, value: String| {
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
                        let key = name.to_ascii_lowercase();
                        let open_id = format!("sla-hours-{key}-open");
                        let close_id = format!("sla-hours-{key}-close");
                        view! {
                            <li class="sla-hours-row">
                                <label class="radio">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || hours().is_some()
                                        on:change=move |ev| set_open(event_target_checked(&ev))
                                    />
                                    {format!("Open on {name}")}
                                </label>
                                <Show
                                    when=move || hours().is_some()
                                    fallback=|| view! { <span class="hint">"Closed"</span> }
                                >
                                    <span class="sla-hours-times">
                                        <label for=open_id.clone()>"from"</label>
                                        <input
                                            id=open_id.clone()
                                            type="time"
                                            aria-label=format!("{name} opens at")
                                            prop:value=move || hours().map(|h| h.open).unwrap_or_default()
                                            on:input=move |ev| set_time(true, event_target_value(&ev))
                                        />
                                        <label for=close_id.clone()>"to"</label>
                                        <input
                                            id=close_id.clone()
                                            type="time"
                                            aria-label=format!("{name} closes at")
                                            prop:value=move || hours().map(|h| h.close).unwrap_or_default()
                                            on:input=move |ev| set_time(false, event_target_value(&ev))
                                        />
                                    </span>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// A whole-number setting; text that is not a number is kept in the field
/// and reported instead of being saved.
#[component]
fn NumberField(
    /// The draft being edited.
    draft: Draft,
    /// The field's label, also used to name it in problems.
    name: &'static str,
    /// Reads the setting.
    read: fn(&SlaSettings) -> u32,
    /// Writes the setting.
    write: fn(&mut SlaSettings, u32),
    /// The shipped default in words, with its source.
    default_words: String,
) -> impl IntoView {
    let uid = next_uid();
    let id = format!("sla-rule-{uid}");
    let hint_id = format!("sla-rule-{uid}-hint");
    let error_id = format!("sla-rule-{uid}-error");
    let value = Memo::new(move |_| draft.settings.with(read));
    let bad = Memo::new(move |_| draft.unreadable.with(|u| u.contains(name)));
    view! {
        <div class="field">
            <label for=id.clone()>{name}</label>
            <input
                id=id
                type="number"
                min="1"
                step="1"
                class="narrow"
                prop:value=move || {
                    draft.epoch.track();
                    value.get().to_string()
                }
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match text.trim().parse::<u32>() {
                        Ok(n) => {
                            draft.unreadable.update(|u| {
                                u.remove(name);
                            });
                            draft.settings.update(|s| write(s, n));
                        }
                        Err(_) => draft.unreadable.update(|u| {
                            u.insert(name);
                        }),
                    }
                }
                aria-invalid=move || bad.get().then_some("true")
                aria-describedby=format!("{hint_id} {error_id}")
            />
            <p class="hint" id=hint_id>{default_words}</p>
            <p id=error_id class="form-error" aria-live="polite">
                {move || bad.get().then(|| view! { <span class="inline-error">"Enter a whole number, for example 4."</span> })}
            </p>
        </div>
    }
}

/// A time-of-day setting "HH:MM".
#[component]
fn TimeField(
    /// The draft being edited.
    draft: Draft,
    /// The field's label.
    label: &'static str,
    /// Reads the setting.
    read: fn(&SlaSettings) -> String,
    /// Writes the setting.
    write: fn(&mut SlaSettings, String),
    /// The shipped default in words, with its source.
    default_words: String,
) -> impl IntoView {
    let uid = next_uid();
    let id = format!("sla-rule-{uid}");
    let hint_id = format!("sla-rule-{uid}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="time"
                class="narrow"
                prop:value=move || draft.settings.with(read)
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    draft.settings.update(|s| write(s, text));
                }
                aria-describedby=hint_id.clone()
            />
            <p class="hint" id=hint_id>{default_words}</p>
        </div>
    }
}

/// A setting chosen from a few options.
#[component]
fn ChoiceField(
    /// The draft being edited.
    draft: Draft,
    /// The field's label.
    label: &'static str,
    /// Option values and their labels.
    options: Vec<(&'static str, &'static str)>,
    /// Reads the setting as an option value.
    read: fn(&SlaSettings) -> &'static str,
    /// Writes the setting from an option value.
    write: fn(&mut SlaSettings, String),
    /// The shipped default in words, with its source.
    default_words: String,
) -> impl IntoView {
    let uid = next_uid();
    let id = format!("sla-rule-{uid}");
    let hint_id = format!("sla-rule-{uid}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=hint_id.clone()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    draft.settings.update(|s| write(s, value));
                }
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        view! {
                            <option value=value selected=move || draft.settings.with(read) == value>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="hint" id=hint_id>{default_words}</p>
        </div>
    }
}

/// A yes/no setting.
#[component]
fn CheckField(
    /// The draft being edited.
    draft: Draft,
    /// The checkbox label.
    label: &'static str,
    /// Reads the setting.
    read: fn(&SlaSettings) -> bool,
    /// Writes the setting.
    write: fn(&mut SlaSettings, bool),
    /// The shipped default in words, with its source.
    default_words: String,
) -> impl IntoView {
    let hint_id = format!("sla-rule-{}-hint", next_uid());
    view! {
        <div class="field">
            <label class="radio">
                <input
                    type="checkbox"
                    prop:checked=move || draft.settings.with(read)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        draft.settings.update(|s| write(s, checked));
                    }
                    aria-describedby=hint_id.clone()
                />
                {label}
            </label>
            <p class="hint" id=hint_id>{default_words}</p>
        </div>
    }
}
