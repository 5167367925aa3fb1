//! Shared helpers for the tests of the SLA modules.

use super::{
    parse_local_datetime, parse_zone, AgencyTerm, Case, CaseStatus, CaseType, Channel,
    ContactAttempt, SlaEngine, SlaSettings,
};
use crate::domain::zone::Zone;
use chrono::{DateTime, Utc};

/// The zone most known answers are written in.
pub const NY: &str = "America/New_York";

/// The shipped defaults from `content/sla.toml`.
pub fn default_settings() -> SlaSettings {
    toml::from_str(include_str!("../../../content/sla.toml")).expect("sla.toml parses")
}

/// An engine from the defaults, moved to `zone` (US holidays only in New York).
pub fn engine_in(zone: &str) -> SlaEngine {
    let mut settings = default_settings();
    settings.calendar.time_zone = zone.to_string();
    settings.calendar.us_federal_holidays = zone == "America/New_York";
    SlaEngine::new(&settings).expect("valid settings")
}

/// An engine from the defaults with `change` applied (used only by the
/// native-only tests, which need proptest).
#[cfg(not(target_arch = "wasm32"))]
pub fn engine_with(change: impl FnOnce(&mut SlaSettings)) -> SlaEngine {
    let mut settings = default_settings();
    change(&mut settings);
    SlaEngine::new(&settings).unwrap()
}

/// A local "YYYY-MM-DDTHH:MM" in `zone` as a UTC instant.
pub fn at(zone: &str, local: &str) -> DateTime<Utc> {
    let zone = parse_zone(zone).expect("zone");
    parse_local_datetime(local, zone)
        .expect("valid local time")
        .instant
        .with_timezone(&Utc)
}

/// An instant as "YYYY-MM-DD HH:MM ZONE" in its own zone, for compact expectations.
pub fn show(instant: &DateTime<Zone>) -> String {
    instant.format("%Y-%m-%d %H:%M %Z").to_string()
}

/// A case received at a New York local time, with no attempts yet.
pub fn case(number: &str, case_type: CaseType, received: &str, status: CaseStatus) -> Case {
    Case {
        number: number.to_string(),
        customer: format!("Customer {number}"),
        case_type,
        received: at(NY, received),
        zone: Zone::named("America/New_York").unwrap(),
        status,
        next_action: String::new(),
        notes: String::new(),
        attempts: Vec::new(),
        agency: AgencyTerm::Unset,
        high_priority: false,
        resolved_at: None,
    }
}

/// A contact attempt at a New York local time.
pub fn attempt(channel: Channel, local: &str) -> ContactAttempt {
    ContactAttempt {
        channel,
        at: at(NY, local),
    }
}
