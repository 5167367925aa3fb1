//! Widgets and helpers shared by the SLA calculator and the queue: the
//! sub-navigation, a ticking clock, deadline times and the rules in force.

use crate::domain::content;
use crate::domain::sla::{
    area_zone_for, is_suggested_zone, legacy_zone_warning, parse_zone, Deadline, SlaEngine,
};
use crate::domain::source::SourceRef;
use crate::nav::Route;
use crate::store::AppState;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// The `<datalist>` of the time zones to pick from: the Area/Location zones
/// this build includes (the zone database is filtered at build time to keep
/// the app small), and UTC; legacy names such as EST are left out.
#[component]
pub(crate) fn ZoneList(
    /// The element id that inputs name in their `list` attribute.
    id: &'static str,
) -> impl IntoView {
    view! {
        <datalist id=id>
            {chrono_tz::TZ_VARIANTS
                .iter()
                .filter(|zone| is_suggested_zone(**zone))
                .map(|zone| view! { <option value=zone.name()></option> })
                .collect_view()}
        </datalist>
    }
}

/// Says which zones exist, for a zone name that was not found, and which
/// zone an abbreviation such as EST usually means.
pub(crate) fn zone_help(typed: &str) -> String {
    let listed = chrono_tz::TZ_VARIANTS
        .iter()
        .filter(|zone| is_suggested_zone(**zone))
        .count();
    let meant = area_zone_for(typed)
        .map(|zone| format!("For {}, use {zone}. ", typed.trim()))
        .unwrap_or_default();
    format!("{meant}Deskaid includes {listed} zones; choose one from the list.")
}

/// A warning for a known zone that is probably not the one meant (EST
/// instead of America/New_York); nothing for a good or unknown zone.
pub(crate) fn zone_warning(typed: &str) -> Option<String> {
    parse_zone(typed).ok().and_then(legacy_zone_warning)
}

/// "Calculator | My queue", marking the page on screen.
#[component]
pub(crate) fn SlaSubNav(
    /// The route of the page showing the navigation.
    current: Route,
) -> impl IntoView {
    let entry = move |route: Route, label: &'static str| {
        let here = (current == route).then_some("page");
        view! {
            <li>
                <a href=route.href() aria-current=here>{label}</a>
            </li>
        }
    };
    view! {
        <nav class="sla-subnav" aria-label="SLA tools">
            <ul>{entry(Route::Sla, "Calculator")} {entry(Route::Queue, "My queue")}</ul>
        </nav>
    }
}

/// The validated rules the pages compute with, and why the saved rules were
/// set aside if they could not be used.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RulesInForce {
    /// The engine built from the saved rules, or from the shipped defaults.
    pub engine: SlaEngine,
    /// Set when the saved rules are invalid and the defaults apply instead.
    pub problem: Option<String>,
}

/// The saved SLA rules as an engine, falling back to the shipped defaults
/// (with a message) when the saved ones are invalid, e.g. after an import.
pub(crate) fn rules_in_force(state: AppState) -> Memo<RulesInForce> {
    Memo::new(move |_| {
        let settings = state.settings.with(|s| s.sla_settings());
        match SlaEngine::new(&settings) {
            Ok(engine) => RulesInForce {
                engine,
                problem: None,
            },
            Err(error) => RulesInForce {
                engine: SlaEngine::new(content::sla_defaults())
                    .expect("the shipped SLA defaults are validated by the content tests"),
                problem: Some(format!(
                    "Your saved SLA rules cannot be used ({error}), so the shipped defaults apply until you fix them under \u{201c}Rules and business calendar\u{201d} on the calculator page."
                )),
            },
        }
    })
}

/// An instant for people: "Mon 9 Mar 2026, 12:00 EDT" (the form the domain's
/// deadlines use).
pub(crate) fn human(instant: &DateTime<Tz>) -> String {
    instant.format("%a %-d %b %Y, %H:%M %Z").to_string()
}

/// An instant for `<time datetime>`: RFC 3339 with its offset.
pub(crate) fn machine(instant: &DateTime<Tz>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The value of a `datetime-local` input for `instant` in `zone`.
pub(crate) fn local_input(instant: DateTime<Utc>, zone: Tz) -> String {
    instant
        .with_timezone(&zone)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// A fresh id suffix, so repeated widgets get unique element ids.
pub(crate) fn next_uid() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A deadline as `<time>` with its time remaining, which ticks with `now`.
#[component]
pub(crate) fn DueTime(
    /// The deadline to show.
    deadline: Deadline,
    /// The current time, for the countdown.
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
    /// `data-testid` of the `<time>` element, if tests need it.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let rfc = deadline.rfc3339();
    let text = deadline.human();
    let remaining = move || deadline.time_remaining(now.get());
    view! {
        <time datetime=rfc data-testid=testid>{text}</time>
        " "
        <span class="sla-remaining">"(" {remaining} ")"</span>
    }
}

/// An instant as `<time>` with no countdown.
#[component]
pub(crate) fn InstantTime(
    /// The instant to show.
    instant: DateTime<Tz>,
) -> impl IntoView {
    view! { <time datetime=machine(&instant)>{human(&instant)}</time> }
}

/// "Source: doc 001, lines 9-11 (Training Q&A for case handlers)".
#[component]
pub(crate) fn SourceNote(
    /// The document lines to name.
    source: SourceRef,
) -> impl IntoView {
    let title = source
        .document()
        .map(|doc| format!(" ({})", doc.title))
        .unwrap_or_default();
    view! { <p class="source-ref">"Source: " {source.to_string()} {title}</p> }
}
