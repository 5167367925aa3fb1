//! The browser's clock and zone: local times come from the browser's IANA
//! zone (so a past moment reads with the offset it had then, not today's),
//! and the one ticking "now" that countdowns follow.

use crate::domain::content;
use crate::domain::sla::parse_zone;
use crate::store::AppState;
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;
use std::cell::{Cell, OnceCell};
use std::time::Duration;

/// The zone local times are shown in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalZone {
    /// The browser's own zone, which Deskaid ships.
    Browser(Tz),
    /// The team's zone, because Deskaid does not ship the browser's (named,
    /// when the browser gave one).
    Team { team: Tz, browser: Option<String> },
}

impl LocalZone {
    /// Picks the browser's zone, named `browser`, when it is one Deskaid
    /// ships (see `CHRONO_TZ_TIMEZONE_FILTER`), else the team's.
    pub fn choose(browser: Option<&str>, team: Tz) -> Self {
        match browser.and_then(|name| name.parse::<Tz>().ok()) {
            Some(zone) => LocalZone::Browser(zone),
            None => LocalZone::Team {
                team,
                browser: browser.map(str::to_string),
            },
        }
    }

    /// The zone itself.
    pub fn zone(&self) -> Tz {
        match self {
            LocalZone::Browser(zone) => *zone,
            LocalZone::Team { team, .. } => *team,
        }
    }

    /// A note for the user when times are not in the browser's own zone.
    pub fn note(&self) -> Option<String> {
        let LocalZone::Team { team, browser } = self else {
            return None;
        };
        let which = browser.as_deref().map_or_else(
            || "This browser does not say which time zone it is in".to_string(),
            |name| format!("This browser's time zone, {name}, is not one Deskaid includes"),
        );
        Some(format!(
            "{which}, so times are shown in the team's zone, {}.",
            team.name()
        ))
    }
}

thread_local! {
    /// The browser's zone name, asked once: it cannot change without a reload.
    static BROWSER_ZONE: OnceCell<Option<String>> = const { OnceCell::new() };
    /// The team's zone as last read from the SLA rules, for callers outside
    /// a reactive owner (event handlers), where the app state is not in
    /// context; a page has always read it while rendering before then.
    static TEAM_ZONE: Cell<Option<Tz>> = const { Cell::new(None) };
}

/// The browser's IANA zone, from `Intl.DateTimeFormat().resolvedOptions()`.
fn browser_zone_name() -> Option<String> {
    BROWSER_ZONE.with(|cell| {
        cell.get_or_init(|| {
            let format =
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
            js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
                .ok()?
                .as_string()
        })
        .clone()
    })
}

/// The team's zone from the SLA rules in force (the shipped defaults' when
/// the rules name no zone Deskaid knows).
fn team_zone() -> Tz {
    let from_rules = use_context::<AppState>().map(|state| {
        let name = state
            .settings
            .with_untracked(|s| s.sla_settings().calendar.time_zone);
        parse_zone(&name).or_else(|_| parse_zone(&content::sla_defaults().calendar.time_zone))
    });
    match from_rules {
        Some(Ok(zone)) => {
            TEAM_ZONE.with(|cached| cached.set(Some(zone)));
            zone
        }
        _ => TEAM_ZONE.with(Cell::get).unwrap_or(Tz::UTC),
    }
}

/// Where local times are shown now. Only the fallback needs the team's zone,
/// so the rules are read only when the browser's zone is not shipped.
pub fn local_zone() -> LocalZone {
    let browser = browser_zone_name();
    if let Some(zone) = browser.as_deref().and_then(|name| name.parse::<Tz>().ok()) {
        return LocalZone::Browser(zone);
    }
    LocalZone::choose(browser.as_deref(), team_zone())
}

/// `when` in local time, with the offset it has at that moment.
pub fn to_local(when: DateTime<Utc>) -> DateTime<FixedOffset> {
    when.with_timezone(&local_zone().zone()).fixed_offset()
}

/// A moment in local time, for people: "5 Mar 2026, 14:05".
pub fn format_local(when: DateTime<Utc>) -> String {
    to_local(when).format("%-d %b %Y, %H:%M").to_string()
}

/// A moment in local time, to the second: "5 Mar 2026, 14:05:09".
pub fn format_local_seconds(when: DateTime<Utc>) -> String {
    to_local(when).format("%-d %b %Y, %H:%M:%S").to_string()
}

/// Says, next to local times, that they are in the team's zone because
/// Deskaid does not ship the browser's; nothing when they are in the browser's.
#[component]
pub fn LocalZoneNote() -> impl IntoView {
    local_zone()
        .note()
        .map(|note| view! { <p class="hint" data-testid="local-zone-note">{note}</p> })
}

/// The current time, refreshed every 30 seconds while the calling component
/// is mounted, so countdowns tick; the interval is cleared on unmount.
pub fn use_now() -> RwSignal<DateTime<Utc>> {
    let now = RwSignal::new(Utc::now());
    let handle =
        set_interval_with_handle(move || now.set(Utc::now()), Duration::from_secs(30)).ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shipped_browser_zone_is_used_and_any_other_falls_back_to_the_team_s() {
        let team = Tz::America__Chicago;
        let ny = LocalZone::choose(Some("America/New_York"), team);
        assert_eq!(ny, LocalZone::Browser(Tz::America__New_York));
        assert_eq!(ny.note(), None);

        let unshipped = LocalZone::choose(Some("Asia/Ulaanbaatar"), team);
        assert_eq!(unshipped.zone(), team);
        assert_eq!(
            unshipped.note().unwrap(),
            "This browser's time zone, Asia/Ulaanbaatar, is not one Deskaid includes, so times are shown in the team's zone, America/Chicago."
        );
        let unknown = LocalZone::choose(None, team);
        assert_eq!(
            unknown.note().unwrap(),
            "This browser does not say which time zone it is in, so times are shown in the team's zone, America/Chicago."
        );
    }
}
