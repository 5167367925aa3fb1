//! The SLA settings as loaded from `content/sla.toml` and saved with the
//! user's changes: case types, counting rules, source references, and the
//! validation that lists every problem before an engine is built.

use super::calendar::{parse_zone, weekday_name, BusinessCalendar, OpenHours, WEEK};
use crate::domain::source::SourceRef;
use crate::domain::zone::Zone;
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The three case types of doc 001 line 15, each with its own deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    /// Everyday customer complaints.
    General,
    /// Complaints that reached company executives.
    Executive,
    /// Formal complaints filed with a regulatory agency.
    Regulatory,
}

impl CaseType {
    /// Every case type, for pickers and filters.
    pub const ALL: [CaseType; 3] = [Self::General, Self::Executive, Self::Regulatory];

    /// The name shown in the UI and exports.
    pub fn label(self) -> &'static str {
        match self {
            Self::General => "General",
            Self::Executive => "Executive",
            Self::Regulatory => "Regulatory",
        }
    }

    /// The value used in URLs (`#/sla?type=general`) and rule ids.
    pub fn query_value(self) -> &'static str {
        match self {
            Self::General => "general",
            Self::Executive => "executive",
            Self::Regulatory => "regulatory",
        }
    }

    /// Reads a URL value written by [`CaseType::query_value`], ignoring case.
    pub fn from_query(value: &str) -> Option<CaseType> {
        Self::ALL
            .into_iter()
            .find(|t| t.query_value().eq_ignore_ascii_case(value.trim()))
    }
}

/// What the agency said about a regulatory case's resolution deadline
/// (doc 001 line 18: "depends on the agency").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyTerm {
    /// Nothing entered yet: the deadline is shown as set by the agency.
    #[default]
    Unset,
    /// A number of days after receipt, counted as the settings say.
    Days(u32),
    /// An explicit due date, due at close of business.
    Date(NaiveDate),
}

/// Longest day count accepted anywhere (ten years), so a typo cannot make
/// the day-by-day arithmetic run for ages.
pub(super) const MAX_DAYS: u32 = 3650;

/// How an hour-based initial-contact rule counts time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum HourCounting {
    /// Every hour on the clock, nights and weekends included.
    Clock,
    /// Only hours inside business hours.
    Business,
}

/// How the agency's number of days for a regulatory case is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum DayCounting {
    /// Every calendar day, weekends and holidays included.
    Calendar,
    /// Business days only.
    Business,
}

/// How "24-48 business hours" (doc 004 line 17) is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum FollowUpCounting {
    /// Every 24 hours is one business day: 24-48 means 1 to 2 business days.
    BusinessDays,
    /// Hours of open business time: 24 hours is three 8-hour days.
    OpenHours,
}

/// Whose business hours apply when the calculator is given a receipt in
/// another zone than the team's. No document says; 001 lines 63-64 put the
/// customers primarily in the Northeast and West divisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum HoursOf {
    /// The team's hours in the team's zone: a 13:00 receipt in Los Angeles
    /// is 16:00 in New York, after the team's cut-off.
    #[default]
    Team,
    /// The same hours kept in the customer's zone: 09:00-17:00 Los Angeles
    /// time for a Los Angeles case.
    Customer,
}

/// Business hours of one weekday in the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct DayHours {
    /// The weekday, written "Mon", "Tue", ...
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "String", extend("enum" = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]))
    )]
    pub day: Weekday,
    /// Opening time "HH:MM".
    pub open: String,
    /// Closing time "HH:MM".
    pub close: String,
}

/// The business calendar part of the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CalendarSettings {
    /// IANA zone the team works in, e.g. "America/New_York".
    pub time_zone: String,
    /// Whose zone the hours are kept in for a receipt in another zone
    /// (settings saved before this existed read as the team's).
    #[serde(default)]
    pub hours_of: HoursOf,
    /// Open weekdays; weekdays not listed are closed.
    pub hours: Vec<DayHours>,
    /// Whether US federal holidays (observed dates) are closed days.
    pub us_federal_holidays: bool,
    /// More closed dates, "YYYY-MM-DD".
    pub extra_holidays: Vec<String>,
    /// Where business days come from.
    pub source: SourceRef,
}

/// Rules for General cases (doc 001 lines 9-11 and 16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GeneralSettings {
    /// Received at or before this local time on a business day: due the same day.
    pub cutoff: String,
    /// Received after the cut-off: due at this time the next business day.
    pub next_day_due: String,
    /// Business days allowed to resolve the case.
    pub resolution_business_days: u32,
    /// Source of the initial-contact rule.
    pub initial_contact_source: SourceRef,
    /// Source of the resolution rule.
    pub resolution_source: SourceRef,
}

/// Rules for Executive cases (doc 001 lines 17 and 26-27).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ExecutiveSettings {
    /// Hours allowed for the first contact.
    pub initial_contact_hours: u32,
    /// Whether those hours are clock or business hours.
    pub initial_contact_counting: HourCounting,
    /// Business days allowed to resolve the case.
    pub resolution_business_days: u32,
    /// Source of the initial-contact rule.
    pub initial_contact_source: SourceRef,
    /// Source of the resolution rule.
    pub resolution_source: SourceRef,
}

/// Rules for Regulatory cases (doc 001 lines 18 and 38-39).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RegulatorySettings {
    /// Clock hours allowed for the first contact after the ticket is created.
    pub initial_contact_hours: u32,
    /// How the agency's number of days is counted.
    pub agency_days_counting: DayCounting,
    /// Source of the initial-contact rule.
    pub initial_contact_source: SourceRef,
    /// Source of the agency-set resolution rule.
    pub resolution_source: SourceRef,
}

/// Follow-up promises made to a customer who asked for escalation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FollowUpSettings {
    /// "Update within 1 day" (doc 002), in business days.
    pub update_within_business_days: u32,
    /// Source of the update promise.
    pub update_source: SourceRef,
    /// Start of the case owner's follow-up window, in business hours (doc 004).
    pub owner_earliest_hours: u32,
    /// End of that window, in business hours.
    pub owner_latest_hours: u32,
    /// How those business hours are read.
    pub owner_counting: FollowUpCounting,
    /// Source of the owner's window.
    pub owner_source: SourceRef,
}

/// The initial-contact attempts rule (doc 001 lines 68-70).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AttemptsSettings {
    /// Different business days that need an attempt.
    pub required_business_days: u32,
    /// Whether both email and phone must have been tried.
    pub require_all_channels: bool,
    /// Source of the rule.
    pub source: SourceRef,
}

/// How the queue flags deadlines and checks the end of a shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct QueueSettings {
    /// A deadline this close (minutes) is "due soon".
    pub due_soon_minutes: u32,
    /// Why deadlines are tracked (the primary metrics).
    pub urgency_source: SourceRef,
    /// Source of "all cases are in pending on ... leave none in assigned status".
    pub end_of_shift_source: SourceRef,
}

/// Every SLA setting, loaded from `content/sla.toml` and saved with the
/// user's changes; turn it into an [`SlaEngine`](super::SlaEngine) to use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SlaSettings {
    /// Zone, business hours and holidays.
    pub calendar: CalendarSettings,
    /// General case rules.
    pub general: GeneralSettings,
    /// Executive case rules.
    pub executive: ExecutiveSettings,
    /// Regulatory case rules.
    pub regulatory: RegulatorySettings,
    /// Follow-up promise windows.
    pub follow_up: FollowUpSettings,
    /// The contact-attempts rule.
    pub attempts: AttemptsSettings,
    /// Queue urgency and end-of-shift check.
    pub queue: QueueSettings,
}

/// Everything wrong with a set of settings, one message per problem, so a
/// settings form can show them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    /// Human messages, e.g. "cut-off 18:00 is outside Friday business hours 09:00-17:00".
    pub problems: Vec<String>,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.problems.join("; "))
    }
}

impl std::error::Error for SettingsError {}

/// The SLA rules by id, so quiz questions can link to the rule they teach
/// (`link = "sla:general-initial-contact"`) and validation can check them.
pub const RULE_IDS: &[&str] = &[
    "general-initial-contact",
    "general-resolution",
    "executive-initial-contact",
    "executive-resolution",
    "regulatory-initial-contact",
    "regulatory-resolution",
    "follow-up-one-day",
    "owner-callback-window",
];

/// The case type a rule id is about, to open the calculator on it; follow-up
/// rules apply to every type and give `None`.
pub fn rule_case_type(rule_id: &str) -> Option<CaseType> {
    let prefix = rule_id.split('-').next()?;
    CaseType::ALL
        .into_iter()
        .find(|t| t.query_value() == prefix)
}

/// What the settings hold once read: the calendar and the two times of the
/// General rule, kept by the engine beside the settings themselves.
pub(super) struct CheckedSettings {
    /// The business calendar built from the calendar settings.
    pub(super) calendar: BusinessCalendar,
    /// The General cut-off time.
    pub(super) cutoff: NaiveTime,
    /// The General next-day due time.
    pub(super) next_day_due: NaiveTime,
}

impl SlaSettings {
    /// The settings a calculation for a customer in `customer_zone` uses:
    /// these, or with the business hours moved to that zone when the rules
    /// keep hours in the customer's zone.
    pub fn for_customer_in(&self, customer_zone: Zone) -> SlaSettings {
        let mut settings = self.clone();
        if settings.calendar.hours_of == HoursOf::Customer {
            settings.calendar.time_zone = customer_zone.name().to_string();
        }
        settings
    }

    /// Reads and checks every setting, listing every problem found.
    pub(super) fn check(&self) -> Result<CheckedSettings, SettingsError> {
        let settings = self;
        let mut problems = Vec::new();
        let calendar = build_calendar(&settings.calendar, &mut problems);
        let general = &settings.general;
        let cutoff = parse_clock(&general.cutoff, "general cut-off", &mut problems);
        let next_day_due = parse_clock(&general.next_day_due, "next-day due time", &mut problems);
        if let Some(calendar) = &calendar {
            for (time, what) in [(cutoff, "cut-off"), (next_day_due, "next-day due time")] {
                if let Some(time) = time {
                    check_inside_every_day(calendar, time, what, &mut problems);
                }
            }
        }
        let day_counts = [
            (
                general.resolution_business_days,
                "General resolution business days",
            ),
            (
                settings.executive.resolution_business_days,
                "Executive resolution business days",
            ),
            (
                settings.follow_up.update_within_business_days,
                "update promise business days",
            ),
            (
                settings.attempts.required_business_days,
                "attempt days required",
            ),
        ];
        for (days, what) in day_counts {
            check_range(days, 1, MAX_DAYS, what, &mut problems);
        }
        let follow_up = &settings.follow_up;
        let hour_counts = [
            (
                settings.executive.initial_contact_hours,
                "Executive initial-contact hours",
            ),
            (
                settings.regulatory.initial_contact_hours,
                "Regulatory initial-contact hours",
            ),
            (
                follow_up.owner_earliest_hours,
                "owner follow-up earliest hours",
            ),
            (follow_up.owner_latest_hours, "owner follow-up latest hours"),
        ];
        for (hours, what) in hour_counts {
            check_range(hours, 1, MAX_DAYS * 24, what, &mut problems);
        }
        if follow_up.owner_earliest_hours > follow_up.owner_latest_hours {
            problems.push(format!(
                "owner follow-up window starts after it ends ({}-{} hours)",
                follow_up.owner_earliest_hours, follow_up.owner_latest_hours
            ));
        }
        if follow_up.owner_counting == FollowUpCounting::BusinessDays
            && (!follow_up.owner_earliest_hours.is_multiple_of(24)
                || !follow_up.owner_latest_hours.is_multiple_of(24))
        {
            problems.push(
                "owner follow-up hours must be multiples of 24 when counted as business days"
                    .to_string(),
            );
        }
        check_range(
            settings.queue.due_soon_minutes,
            1,
            MAX_DAYS * 24 * 60,
            "due-soon minutes",
            &mut problems,
        );
        for source in settings.sources() {
            if let Err(message) = source.check_lines() {
                problems.push(format!("source {source}: {message}"));
            }
        }
        match (calendar, cutoff, next_day_due) {
            (Some(calendar), Some(cutoff), Some(next_day_due)) if problems.is_empty() => {
                Ok(CheckedSettings {
                    calendar,
                    cutoff,
                    next_day_due,
                })
            }
            _ => Err(SettingsError { problems }),
        }
    }
}

/// Reads "HH:MM", recording a problem naming `what` if it is not a time.
fn parse_clock(text: &str, what: &str, problems: &mut Vec<String>) -> Option<NaiveTime> {
    let parsed = NaiveTime::parse_from_str(text.trim(), "%H:%M").ok();
    if parsed.is_none() {
        problems.push(format!("{what} \"{text}\" is not a time in the form HH:MM"));
    }
    parsed
}

/// Records a problem if `value` is outside `min..=max`.
fn check_range(value: u32, min: u32, max: u32, what: &str, problems: &mut Vec<String>) {
    if !(min..=max).contains(&value) {
        problems.push(format!(
            "{what} must be between {min} and {max}, not {value}"
        ));
    }
}

/// Records a problem for every open weekday whose hours do not contain `time`.
fn check_inside_every_day(
    calendar: &BusinessCalendar,
    time: NaiveTime,
    what: &str,
    problems: &mut Vec<String>,
) {
    for day in WEEK {
        if let Some(hours) = calendar.weekday_hours(day) {
            if time < hours.open || time > hours.close {
                problems.push(format!(
                    "{what} {} is outside {} business hours {}-{}",
                    time.format("%H:%M"),
                    weekday_name(day),
                    hours.open.format("%H:%M"),
                    hours.close.format("%H:%M"),
                ));
            }
        }
    }
}

/// Builds the calendar from its settings, recording every problem found.
fn build_calendar(
    settings: &CalendarSettings,
    problems: &mut Vec<String>,
) -> Option<BusinessCalendar> {
    let zone = parse_zone(&settings.time_zone)
        .map_err(|error| problems.push(error.to_string()))
        .ok();
    let mut week: [Option<OpenHours>; 7] = [None; 7];
    let mut listed = [false; 7];
    let problems_before = problems.len();
    for entry in &settings.hours {
        let name = weekday_name(entry.day);
        let index = entry.day.num_days_from_monday() as usize;
        if listed[index] {
            problems.push(format!("{name} is listed twice in business hours"));
        }
        listed[index] = true;
        let open = parse_clock(&entry.open, &format!("{name} opening"), problems);
        let close = parse_clock(&entry.close, &format!("{name} closing"), problems);
        if let (Some(open), Some(close)) = (open, close) {
            match (OpenHours { open, close }).check(entry.day) {
                Ok(hours) => week[index] = Some(hours),
                Err(error) => problems.push(error.to_string()),
            }
        }
    }
    let mut holidays = Vec::new();
    for text in &settings.extra_holidays {
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(date) => holidays.push(date),
            Err(_) => problems.push(format!(
                "holiday \"{text}\" is not a date in the form YYYY-MM-DD"
            )),
        }
    }
    let hours_valid = problems.len() == problems_before;
    let mut calendar = match BusinessCalendar::new(zone?, week) {
        Ok(calendar) => calendar,
        Err(error) => {
            if hours_valid {
                problems.push(error.to_string());
            }
            return None;
        }
    };
    calendar.add_holidays(holidays);
    calendar.observe_us_federal_holidays(settings.us_federal_holidays);
    Some(calendar)
}

impl SlaSettings {
    /// Every source reference in the settings, so all are checked.
    pub fn sources(&self) -> [&SourceRef; 12] {
        [
            &self.calendar.source,
            &self.general.initial_contact_source,
            &self.general.resolution_source,
            &self.executive.initial_contact_source,
            &self.executive.resolution_source,
            &self.regulatory.initial_contact_source,
            &self.regulatory.resolution_source,
            &self.follow_up.update_source,
            &self.follow_up.owner_source,
            &self.attempts.source,
            &self.queue.urgency_source,
            &self.queue.end_of_shift_source,
        ]
    }

    /// The same references, to change: a renamed document's citations.
    pub fn sources_mut(&mut self) -> [&mut SourceRef; 12] {
        [
            &mut self.calendar.source,
            &mut self.general.initial_contact_source,
            &mut self.general.resolution_source,
            &mut self.executive.initial_contact_source,
            &mut self.executive.resolution_source,
            &mut self.regulatory.initial_contact_source,
            &mut self.regulatory.resolution_source,
            &mut self.follow_up.update_source,
            &mut self.follow_up.owner_source,
            &mut self.attempts.source,
            &mut self.queue.urgency_source,
            &mut self.queue.end_of_shift_source,
        ]
    }
}

#[cfg(test)]
mod rule_id_tests {
    use super::*;

    #[test]
    fn rule_ids_name_their_case_type() {
        assert_eq!(
            rule_case_type("general-initial-contact"),
            Some(CaseType::General)
        );
        assert_eq!(
            rule_case_type("regulatory-resolution"),
            Some(CaseType::Regulatory)
        );
        assert_eq!(rule_case_type("follow-up-one-day"), None);
        assert_eq!(
            CaseType::from_query(" Executive "),
            Some(CaseType::Executive)
        );
        assert_eq!(CaseType::from_query("vip"), None);
    }
}

// Native only, like the engine's tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::default_settings;
    use super::super::SlaEngine;
    use super::*;

    fn problems(change: impl FnOnce(&mut SlaSettings)) -> Vec<String> {
        let mut settings = default_settings();
        change(&mut settings);
        SlaEngine::new(&settings).unwrap_err().problems
    }

    #[test]
    fn shipped_settings_are_valid_and_survive_a_json_round_trip() {
        let settings = default_settings();
        assert!(SlaEngine::new(&settings).is_ok());
        let json = serde_json::to_string(&settings).unwrap();
        let back: SlaSettings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, settings);
    }

    #[test]
    fn settings_validation_lists_every_problem() {
        assert_eq!(
            problems(|s| s.calendar.hours[0].open = "18:00".to_string()),
            vec!["Monday: opening 18:00 is not before closing 17:00"]
        );
        assert_eq!(
            problems(|s| s.general.cutoff = "18:00".to_string()).len(),
            5,
            "one message per open weekday"
        );
        assert_eq!(
            problems(|s| s.general.cutoff = "18:00".to_string())[0],
            "cut-off 18:00 is outside Monday business hours 09:00-17:00"
        );
        assert_eq!(
            problems(|s| s.general.resolution_business_days = 0),
            vec!["General resolution business days must be between 1 and 3650, not 0"]
        );
        assert_eq!(
            problems(|s| s.calendar.time_zone = "Mars/Olympus".to_string()),
            vec!["\"Mars/Olympus\" is not among the time zones Deskaid knows (IANA names such as America/New_York or Europe/London)"]
        );
        assert_eq!(
            problems(|s| s.calendar.extra_holidays = vec!["2026-12-32".to_string()]),
            vec!["holiday \"2026-12-32\" is not a date in the form YYYY-MM-DD"]
        );
        assert_eq!(
            problems(|s| s.general.next_day_due = "noon".to_string()),
            vec!["next-day due time \"noon\" is not a time in the form HH:MM"]
        );
        assert_eq!(
            problems(|s| s.calendar.hours.clear()),
            vec!["at least one weekday needs business hours"]
        );
        let twice = problems(|s| {
            let monday = s.calendar.hours[0].clone();
            s.calendar.hours.push(monday);
        });
        assert_eq!(twice, vec!["Monday is listed twice in business hours"]);
        assert_eq!(
            problems(|s| s.follow_up.owner_latest_hours = 30),
            vec!["owner follow-up hours must be multiples of 24 when counted as business days"]
        );
        assert_eq!(
            problems(|s| s.follow_up.owner_earliest_hours = 72),
            vec!["owner follow-up window starts after it ends (72-48 hours)"]
        );
        assert_eq!(
            problems(|s| s.attempts.source.lines = "75-7".to_string()),
            vec!["source doc 001, lines 75-7: bad line range \"75-7\" (use \"12\" or \"12-15\")"]
        );
        let several = problems(|s| {
            s.queue.due_soon_minutes = 0;
            s.executive.initial_contact_hours = 0;
        });
        assert_eq!(several.len(), 2);
        assert!(SettingsError { problems: several }
            .to_string()
            .contains("; "));
    }
}
