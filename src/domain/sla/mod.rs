//! SLA rules engine and case queue: initial-contact and resolution deadlines
//! for General, Executive and Regulatory cases (doc 001), follow-up promise
//! windows (docs 002 and 004), urgency, the contact-attempts rule, and CSV and
//! iCalendar export. Pure and deterministic: the current time is always an
//! argument. Defaults live in `content/sla.toml` as [`SlaSettings`]; an
//! [`SlaEngine`] is the validated, ready-to-use form of those settings.

mod calendar;
mod export;
mod holidays;
pub mod input;
mod queue;
mod workload;

pub use calendar::{
    area_zone_for, is_suggested_zone, legacy_zone_warning, parse_local_datetime, parse_zone,
    BusinessCalendar, OpenHours, ParsedLocal, SUPPORTED_YEARS,
};
pub use export::{queue_csv, queue_ics};
pub use holidays::{us_federal_holiday_on, us_federal_holidays, Holiday};
pub use queue::{
    build_queue, check_received, end_of_shift_check, is_in_the_future, AttemptsReport, Case,
    CaseStatus, CaseTimeError, Channel, ContactAttempt, QueueFilter, QueueRow, ShiftCheck,
    CLOCK_SKEW,
};
pub use workload::deadline_workload;

use crate::domain::source::SourceRef;
use calendar::{check_supported, resolve_local, weekday_name};
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::{OffsetName, Tz};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a deadline could not be computed or an input could not be read; the
/// message is meant to be shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlaError {
    /// A date-time that is not in the form YYYY-MM-DDTHH:MM.
    MalformedDateTime(String),
    /// A time zone name that is not in the IANA database.
    UnknownZone(String),
    /// A local time skipped when the clocks moved forward.
    NonexistentLocalTime {
        /// The local time as typed, "YYYY-MM-DD HH:MM".
        input: String,
        /// The zone name.
        zone: String,
        /// Which wall-clock times were skipped, in words.
        gap: String,
    },
    /// A number of agency days outside the accepted range.
    AgencyDays(u32),
    /// A result beyond the dates the calendar can represent.
    OutOfRange,
}

impl fmt::Display for SlaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MalformedDateTime(input) => write!(
                f,
                "\"{input}\" is not a date and time in the form YYYY-MM-DDTHH:MM (for example 2026-03-09T14:30)"
            ),
            Self::UnknownZone(name) => write!(
                f,
                "\"{name}\" is not a known IANA time zone (for example America/New_York or Europe/London)"
            ),
            Self::NonexistentLocalTime { input, zone, gap } => write!(
                f,
                "{input} does not exist in {zone}: {gap} that night, so enter a time outside that gap"
            ),
            Self::AgencyDays(days) => write!(
                f,
                "the agency's number of days must be between 1 and {MAX_DAYS}, not {days}"
            ),
            Self::OutOfRange => write!(
                f,
                "the date is outside the supported range (years {} to {})",
                SUPPORTED_YEARS.start(),
                SUPPORTED_YEARS.end()
            ),
        }
    }
}

impl std::error::Error for SlaError {}

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
const MAX_DAYS: u32 = 3650;

/// How an hour-based initial-contact rule counts time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HourCounting {
    /// Every hour on the clock, nights and weekends included.
    Clock,
    /// Only hours inside business hours.
    Business,
}

/// How the agency's number of days for a regulatory case is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayCounting {
    /// Every calendar day, weekends and holidays included.
    Calendar,
    /// Business days only.
    Business,
}

/// How "24-48 business hours" (doc 004 line 17) is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpCounting {
    /// Every 24 hours is one business day: 24-48 means 1 to 2 business days.
    BusinessDays,
    /// Hours of open business time: 24 hours is three 8-hour days.
    OpenHours,
}

/// Business hours of one weekday in the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// The weekday, written "Mon", "Tue", ...
    pub day: Weekday,
    /// Opening time "HH:MM".
    pub open: String,
    /// Closing time "HH:MM".
    pub close: String,
}

/// The business calendar part of the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarSettings {
    /// IANA zone the team works in, e.g. "America/New_York".
    pub time_zone: String,
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
pub struct QueueSettings {
    /// A deadline this close (minutes) is "due soon".
    pub due_soon_minutes: u32,
    /// Why deadlines are tracked (the primary metrics).
    pub urgency_source: SourceRef,
    /// Source of "leave none in assigned status".
    pub end_of_shift_source: SourceRef,
}

/// Every SLA setting, loaded from `content/sla.toml` and saved with the
/// user's changes; turn it into an [`SlaEngine`] to use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Which deadline of a case a result is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeadlineKind {
    /// The first contact with the customer.
    InitialContact,
    /// The case must be resolved.
    Resolution,
}

impl DeadlineKind {
    /// The name shown in the UI and exports.
    pub fn label(self) -> &'static str {
        match self {
            Self::InitialContact => "Initial contact",
            Self::Resolution => "Resolution",
        }
    }
}

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

/// A computed deadline: when, which rule, and where the rule comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// Which deadline this is.
    pub kind: DeadlineKind,
    /// The due instant, in the business calendar's zone.
    pub due: DateTime<Tz>,
    /// One sentence saying which rule was applied and how.
    pub explanation: String,
    /// The document lines the rule comes from.
    pub source: SourceRef,
}

impl Deadline {
    /// The due instant as RFC 3339 with offset, for `<time datetime>`.
    pub fn rfc3339(&self) -> String {
        self.due.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }

    /// The due instant for people, e.g. "Mon 9 Mar 2026, 12:00 EDT".
    pub fn human(&self) -> String {
        HumanTime(&self.due).to_string()
    }

    /// How long until (or since) the deadline, e.g. "in 3 h 20 min" or
    /// "overdue by 2 days 1 h"; partial minutes are dropped.
    pub fn time_remaining(&self, now: DateTime<Utc>) -> String {
        let seconds = self.due.signed_duration_since(now).num_seconds();
        match seconds {
            0 => "due now".to_string(),
            s if s > 0 => format!("in {}", span_words(s)),
            s => format!("overdue by {}", span_words(s.saturating_neg())),
        }
    }

    /// Overdue once `now` is past the due instant; due soon within
    /// `due_soon` of it; on track otherwise.
    pub fn urgency(&self, now: DateTime<Utc>, due_soon: Duration) -> Urgency {
        let left = self.due.signed_duration_since(now);
        if left < Duration::zero() {
            Urgency::Overdue
        } else if left <= due_soon {
            Urgency::DueSoon
        } else {
            Urgency::OnTrack
        }
    }
}

/// A deadline that has a date, or the reason it has none (agency not heard
/// from yet, case already resolved).
#[derive(Debug, Clone, PartialEq)]
pub enum Due {
    /// A dated deadline.
    At(Deadline),
    /// No date; the explanation says why.
    Undated {
        /// Which deadline this is about.
        kind: DeadlineKind,
        /// One sentence saying why there is no date.
        explanation: String,
        /// The document lines behind that.
        source: SourceRef,
    },
}

impl Due {
    /// The dated deadline, if there is one.
    pub fn deadline(&self) -> Option<&Deadline> {
        match self {
            Self::At(deadline) => Some(deadline),
            Self::Undated { .. } => None,
        }
    }

    /// The sentence to show with the result.
    pub fn explanation(&self) -> &str {
        match self {
            Self::At(deadline) => &deadline.explanation,
            Self::Undated { explanation, .. } => explanation,
        }
    }
}

/// How pressing a deadline is, most pressing first so it sorts naturally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// The due instant has passed.
    Overdue,
    /// Due within the "due soon" threshold.
    DueSoon,
    /// More time left than the threshold.
    OnTrack,
}

impl Urgency {
    /// The name shown in the UI and exports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "Overdue",
            Self::DueSoon => "Due soon",
            Self::OnTrack => "On track",
        }
    }
}

/// When a customer should hear back after a follow-up promise.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpWindow {
    /// The earliest time the follow-up is expected.
    pub earliest: DateTime<Tz>,
    /// The latest time the promise allows.
    pub latest: DateTime<Tz>,
    /// One sentence saying how the promise was read.
    pub explanation: String,
    /// The document lines the promise comes from.
    pub source: SourceRef,
}

/// Validated settings ready to compute deadlines; build one with
/// [`SlaEngine::new`].
#[derive(Debug, Clone, PartialEq)]
pub struct SlaEngine {
    settings: SlaSettings,
    calendar: BusinessCalendar,
    cutoff: NaiveTime,
    next_day_due: NaiveTime,
}

impl SlaEngine {
    /// Checks the settings and builds the engine, or lists every problem.
    pub fn new(settings: &SlaSettings) -> Result<Self, SettingsError> {
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
        for source in settings_sources(settings) {
            if let Err(message) = source.validate() {
                problems.push(format!("source {source}: {message}"));
            }
        }
        match (calendar, cutoff, next_day_due) {
            (Some(calendar), Some(cutoff), Some(next_day_due)) if problems.is_empty() => Ok(Self {
                settings: settings.clone(),
                calendar,
                cutoff,
                next_day_due,
            }),
            _ => Err(SettingsError { problems }),
        }
    }

    /// The settings this engine was built from.
    pub fn settings(&self) -> &SlaSettings {
        &self.settings
    }

    /// The business calendar, for checks such as "is this inside hours".
    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    /// The "due soon" threshold from the settings.
    pub fn due_soon(&self) -> Duration {
        Duration::minutes(i64::from(self.settings.queue.due_soon_minutes))
    }

    /// How pressing `deadline` is at `now`, with the configured threshold.
    pub fn urgency(&self, deadline: &Deadline, now: DateTime<Utc>) -> Urgency {
        deadline.urgency(now, self.due_soon())
    }

    /// When the first customer contact is due for a case received at `received`.
    pub fn initial_contact(
        &self,
        case_type: CaseType,
        received: DateTime<Utc>,
    ) -> Result<Deadline, SlaError> {
        check_supported(&received)?;
        match case_type {
            CaseType::General => self.general_initial_contact(received),
            CaseType::Executive => self.executive_initial_contact(received),
            CaseType::Regulatory => {
                let rules = &self.settings.regulatory;
                let hours = rules.initial_contact_hours;
                let due = self.local(add_clock_hours(received, hours)?);
                Ok(Deadline {
                    kind: DeadlineKind::InitialContact,
                    due,
                    explanation: format!(
                        "Regulatory ticket created {}: initial contact is due within {} of creation, nights, weekends and holidays included.",
                        HumanTime(&self.local(received)),
                        plural(hours, "clock hour"),
                    ),
                    source: rules.initial_contact_source.clone(),
                })
            }
        }
    }

    /// When the case must be resolved; a regulatory case without an agency
    /// term has no date, only an explanation.
    pub fn resolution(
        &self,
        case_type: CaseType,
        received: DateTime<Utc>,
        agency: AgencyTerm,
    ) -> Result<Due, SlaError> {
        check_supported(&received)?;
        match case_type {
            CaseType::General => {
                let rules = &self.settings.general;
                self.business_days_resolution(
                    case_type,
                    received,
                    rules.resolution_business_days,
                    &rules.resolution_source,
                )
            }
            CaseType::Executive => {
                let rules = &self.settings.executive;
                self.business_days_resolution(
                    case_type,
                    received,
                    rules.resolution_business_days,
                    &rules.resolution_source,
                )
            }
            CaseType::Regulatory => self.agency_resolution(received, agency),
        }
    }

    /// The window for an update promised "within 1 day" (doc 002), read as
    /// business days from when the promise was made.
    pub fn update_promise(&self, promised_at: DateTime<Utc>) -> Result<FollowUpWindow, SlaError> {
        let rules = &self.settings.follow_up;
        let days = rules.update_within_business_days;
        let latest = self.calendar.add_business_days(&promised_at, days)?;
        Ok(FollowUpWindow {
            earliest: self.calendar.next_opening(&promised_at)?,
            latest,
            explanation: format!(
                "An update promised within {} is read as {}, so the customer should hear back by {}, the same time of day {} later.",
                plural(days, "day"),
                plural(days, "business day"),
                HumanTime(&latest),
                plural(days, "business day"),
            ),
            source: rules.update_source.clone(),
        })
    }

    /// The window in which the case owner calls back after the customer
    /// agreed to wait "24-48 Business Hours" (doc 004).
    pub fn owner_follow_up(&self, promised_at: DateTime<Utc>) -> Result<FollowUpWindow, SlaError> {
        let rules = &self.settings.follow_up;
        let (first, last) = (rules.owner_earliest_hours, rules.owner_latest_hours);
        let (earliest, latest, reading) = match rules.owner_counting {
            FollowUpCounting::BusinessDays => (
                self.calendar.add_business_days(&promised_at, first / 24)?,
                self.calendar.add_business_days(&promised_at, last / 24)?,
                format!(
                    "read as {} to {} at the same time of day (24 hours per business day)",
                    first / 24,
                    plural(last / 24, "business day"),
                ),
            ),
            FollowUpCounting::OpenHours => (
                self.calendar
                    .add_open_time(&promised_at, Duration::hours(i64::from(first)))?,
                self.calendar
                    .add_open_time(&promised_at, Duration::hours(i64::from(last)))?,
                format!("read as {first} to {last} hours of time inside business hours"),
            ),
        };
        Ok(FollowUpWindow {
            explanation: format!(
                "The case owner's follow-up within {first}-{last} business hours is {reading}, so expect the call between {} and {}.",
                HumanTime(&earliest),
                HumanTime(&latest),
            ),
            earliest,
            latest,
            source: rules.owner_source.clone(),
        })
    }

    /// The business calendar's zone.
    fn zone(&self) -> Tz {
        self.calendar.zone()
    }

    /// An instant in the calendar's zone.
    fn local(&self, instant: DateTime<Utc>) -> DateTime<Tz> {
        instant.with_timezone(&self.zone())
    }

    /// Why `date` is not a business day, e.g. "Saturday" or "Independence Day, observed".
    fn day_off_reason(&self, date: NaiveDate) -> String {
        self.calendar
            .holiday_name(date)
            .unwrap_or_else(|| weekday_name(date.weekday()).to_string())
    }

    /// The 15:00 cut-off rule of doc 001 lines 9-11.
    fn general_initial_contact(&self, received: DateTime<Utc>) -> Result<Deadline, SlaError> {
        let calendar = &self.calendar;
        let local = self.local(received);
        let date = local.date_naive();
        let cutoff = Clock(self.cutoff);
        let (due, explanation) = match calendar.hours_on(date) {
            Some(hours) if local.time() <= self.cutoff => (
                calendar.at(date, hours.close),
                format!(
                    "Received {} on a business day, at or before the {cutoff} cut-off, so initial contact is due by close of business the same day.",
                    HumanTime(&local)
                ),
            ),
            Some(_) => {
                let (next, _) = calendar.next_business_day(date)?;
                (
                    calendar.at(next, self.next_day_due),
                    format!(
                        "Received {} after the {cutoff} cut-off, so initial contact is due by {} on the next business day.",
                        HumanTime(&local),
                        Clock(self.next_day_due),
                    ),
                )
            }
            None => {
                let (next, hours) = calendar.next_business_day(date)?;
                (
                    calendar.at(next, hours.close),
                    format!(
                        "Received {} on a non-business day ({}), so it counts as received at the next opening, {}, and initial contact is due by close of business that day.",
                        HumanTime(&local),
                        self.day_off_reason(date),
                        HumanTime(&calendar.at(next, hours.open)),
                    ),
                )
            }
        };
        Ok(Deadline {
            kind: DeadlineKind::InitialContact,
            due,
            explanation,
            source: self.settings.general.initial_contact_source.clone(),
        })
    }

    /// The "within 2 hours" rule of doc 001 lines 26-27, in clock or business hours.
    fn executive_initial_contact(&self, received: DateTime<Utc>) -> Result<Deadline, SlaError> {
        let rules = &self.settings.executive;
        let hours = rules.initial_contact_hours;
        let (due, explanation) = match rules.initial_contact_counting {
            HourCounting::Clock => (
                self.local(add_clock_hours(received, hours)?),
                format!(
                    "Executive case received {}: initial contact is due within {} of receipt, nights, weekends and holidays included.",
                    HumanTime(&self.local(received)),
                    plural(hours, "clock hour"),
                ),
            ),
            HourCounting::Business => {
                let start = self.calendar.start_moment(&received)?;
                let due = self
                    .calendar
                    .open_time_after(start, Duration::hours(i64::from(hours)))?;
                (
                    due,
                    format!(
                        "Executive case received {}: initial contact is due within {} of time inside business hours, {}.",
                        HumanTime(&self.local(received)),
                        plural(hours, "business hour"),
                        CountedFrom::new(received, start.at),
                    ),
                )
            }
        };
        Ok(Deadline {
            kind: DeadlineKind::InitialContact,
            due,
            explanation,
            source: rules.initial_contact_source.clone(),
        })
    }

    /// "N business days" resolution (doc 001 lines 15-17).
    fn business_days_resolution(
        &self,
        case_type: CaseType,
        received: DateTime<Utc>,
        days: u32,
        source: &SourceRef,
    ) -> Result<Due, SlaError> {
        let start = self.calendar.start_moment(&received)?;
        let due = self.calendar.business_days_after(start, days)?;
        Ok(Due::At(Deadline {
            kind: DeadlineKind::Resolution,
            due,
            explanation: format!(
                "{} case: resolution is due {} after receipt at the same time of day, {}.",
                case_type.label(),
                plural(days, "business day"),
                CountedFrom::new(received, start.at),
            ),
            source: source.clone(),
        }))
    }

    /// Regulatory resolution: whatever the agency set (doc 001 line 18).
    fn agency_resolution(
        &self,
        received: DateTime<Utc>,
        agency: AgencyTerm,
    ) -> Result<Due, SlaError> {
        let rules = &self.settings.regulatory;
        let (due, explanation) = match agency {
            AgencyTerm::Unset => {
                return Ok(Due::Undated {
                    kind: DeadlineKind::Resolution,
                    explanation: "Regulatory case: the agency sets the resolution deadline, so there is no date until you enter the agency's number of days or due date.".to_string(),
                    source: rules.resolution_source.clone(),
                })
            }
            AgencyTerm::Days(days) if !(1..=MAX_DAYS).contains(&days) => {
                return Err(SlaError::AgencyDays(days))
            }
            AgencyTerm::Days(days) => match rules.agency_days_counting {
                DayCounting::Calendar => {
                    let local = self.local(received).naive_local();
                    let target = local
                        .checked_add_days(Days::new(u64::from(days)))
                        .ok_or(SlaError::OutOfRange)?;
                    (
                        resolve_local(self.zone(), target),
                        format!(
                            "Regulatory case: the agency allows {}, counted as calendar days (weekends and holidays included), so resolution is due at the same time of day {} after receipt.",
                            plural(days, "day"),
                            plural(days, "day"),
                        ),
                    )
                }
                DayCounting::Business => {
                    let start = self.calendar.start_moment(&received)?;
                    (
                        self.calendar.business_days_after(start, days)?,
                        format!(
                            "Regulatory case: the agency allows {}, counted as business days, so resolution is due at the same time of day {} after receipt, {}.",
                            plural(days, "day"),
                            plural(days, "business day"),
                            CountedFrom::new(received, start.at),
                        ),
                    )
                }
            },
            AgencyTerm::Date(date) => {
                let (day, hours) = self.calendar.business_day_on_or_before(date)?;
                let due = self.calendar.at(day, hours.close);
                let explanation = if day == date {
                    format!(
                        "Regulatory case: the agency set {} as the due date, so resolution is due by close of business that day.",
                        date.format("%a %-d %b %Y")
                    )
                } else {
                    format!(
                        "Regulatory case: the agency set {}, which is not a business day ({}), so resolution is due by close of business on the business day before, {}.",
                        date.format("%a %-d %b %Y"),
                        self.day_off_reason(date),
                        day.format("%a %-d %b %Y"),
                    )
                };
                (due, explanation)
            }
        };
        Ok(Due::At(Deadline {
            kind: DeadlineKind::Resolution,
            due,
            explanation,
            source: rules.resolution_source.clone(),
        }))
    }
}

/// An instant for people: "Mon 9 Mar 2026, 12:00 EDT", exactly what
/// chrono's "%a %-d %b %Y, %H:%M %Z" gives. Assembled by hand because
/// chrono's `format` parses its pattern and allocates the zone name on every
/// call, which cost more than the deadline arithmetic itself.
pub(super) struct HumanTime<'a>(pub(super) &'a DateTime<Tz>);

impl fmt::Display for HumanTime<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let local = self.0.naive_local();
        // "%Y" pads to four digits from year 0 to 9999 and adds a sign
        // outside; only the first can come from SUPPORTED_YEARS.
        let Ok(year @ 0..=9999) = u32::try_from(local.year()) else {
            return write!(f, "{}", self.0.format("%a %-d %b %Y, %H:%M %Z"));
        };
        let mut text = StackText::default();
        text.push(WEEKDAYS[local.weekday().num_days_from_monday() as usize])?;
        text.push(" ")?;
        text.push_decimal(local.day(), 1)?;
        text.push(" ")?;
        text.push(MONTHS[local.month0() as usize])?;
        text.push(" ")?;
        text.push_decimal(year, 4)?;
        text.push(", ")?;
        text.push_clock(local.time())?;
        text.push(" ")?;
        f.write_str(text.as_str())?;
        let offset = self.0.offset();
        match offset.abbreviation() {
            Some(abbreviation) => f.write_str(abbreviation),
            // Zones without an abbreviation show the offset, as "%Z" does.
            None => write!(f, "{offset}"),
        }
    }
}

/// A wall-clock time as "HH:MM", like chrono's "%H:%M".
struct Clock(NaiveTime);

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = StackText::default();
        text.push_clock(self.0)?;
        f.write_str(text.as_str())
    }
}

/// A count with its unit: "1 day", "2 days".
struct Plural<'a> {
    count: u32,
    unit: &'a str,
}

impl fmt::Display for Plural<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut count = StackText::default();
        count.push_decimal(self.count, 1)?;
        f.write_str(count.as_str())?;
        f.write_str(" ")?;
        f.write_str(self.unit)?;
        if self.count != 1 {
            f.write_str("s")?;
        }
        Ok(())
    }
}

/// A short piece of an explanation assembled on the stack, so it reaches
/// the output in one write: writing each piece, and formatting numbers
/// through `core::fmt`, were most of an explanation's cost.
#[derive(Default)]
struct StackText {
    bytes: [u8; 24],
    len: usize,
}

impl StackText {
    /// Appends `text`, failing rather than panicking if it does not fit.
    fn push(&mut self, text: &str) -> fmt::Result {
        self.push_bytes(text.as_bytes())
    }

    /// Appends the bytes of whole characters (a `&str`'s, or ASCII digits),
    /// so the text stays valid UTF-8 without checking each piece.
    fn push_bytes(&mut self, bytes: &[u8]) -> fmt::Result {
        let end = self.len + bytes.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        room.copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }

    /// Appends `value` in decimal, zero-padded to `min_width` digits.
    fn push_decimal(&mut self, value: u32, min_width: usize) -> fmt::Result {
        // u32::MAX has ten digits.
        let mut digits = [b'0'; 10];
        let mut start = digits.len();
        let mut rest = value;
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let start = start.min(digits.len().saturating_sub(min_width));
        self.push_bytes(&digits[start..])
    }

    /// Appends a wall-clock time as "HH:MM".
    fn push_clock(&mut self, time: NaiveTime) -> fmt::Result {
        self.push_decimal(time.hour(), 2)?;
        self.push(":")?;
        self.push_decimal(time.minute(), 2)
    }

    /// The text so far (only whole characters are ever pushed).
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// "1 day", "2 days", for explanations.
fn plural(count: u32, unit: &str) -> Plural<'_> {
    Plural { count, unit }
}

/// Where business time was counted from, for explanations: "counted from
/// receipt" or "counted from the next opening, ..., because it arrived
/// outside business hours".
struct CountedFrom {
    /// The next opening, when that is later than receipt.
    next_opening: Option<DateTime<Tz>>,
}

impl CountedFrom {
    /// From the receipt and the start of business time computed for it.
    fn new(received: DateTime<Utc>, start: DateTime<Tz>) -> Self {
        Self {
            next_opening: (start != received).then_some(start),
        }
    }
}

impl fmt::Display for CountedFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.next_opening {
            None => f.write_str("counted from receipt"),
            Some(start) => {
                f.write_str("counted from the next opening, ")?;
                fmt::Display::fmt(&HumanTime(start), f)?;
                f.write_str(", because it arrived outside business hours")
            }
        }
    }
}

/// A positive number of seconds in words: "2 days 1 h", "3 h 20 min", "5 min".
fn span_words(seconds: i64) -> String {
    let minutes = seconds / 60;
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let day_word = if days == 1 { "day" } else { "days" };
    match (days, hours, mins) {
        (0, 0, 0) => "under 1 min".to_string(),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} {day_word}"),
        (d, h, _) => format!("{d} {day_word} {h} h"),
    }
}

/// `received` plus whole clock hours.
fn add_clock_hours(received: DateTime<Utc>, hours: u32) -> Result<DateTime<Utc>, SlaError> {
    received
        .checked_add_signed(Duration::hours(i64::from(hours)))
        .ok_or(SlaError::OutOfRange)
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
    let week = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    for day in week {
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
            if open >= close {
                problems.push(format!(
                    "{name}: opening {} is not before closing {}",
                    open.format("%H:%M"),
                    close.format("%H:%M")
                ));
            } else {
                week[index] = Some(OpenHours { open, close });
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
        Err(message) => {
            if hours_valid {
                problems.push(message);
            }
            return None;
        }
    };
    calendar.add_holidays(holidays);
    calendar.observe_us_federal_holidays(settings.us_federal_holidays);
    Some(calendar)
}

/// Every source reference in the settings, so all are checked.
fn settings_sources(settings: &SlaSettings) -> [&SourceRef; 12] {
    [
        &settings.calendar.source,
        &settings.general.initial_contact_source,
        &settings.general.resolution_source,
        &settings.executive.initial_contact_source,
        &settings.executive.resolution_source,
        &settings.regulatory.initial_contact_source,
        &settings.regulatory.resolution_source,
        &settings.follow_up.update_source,
        &settings.follow_up.owner_source,
        &settings.attempts.source,
        &settings.queue.urgency_source,
        &settings.queue.end_of_shift_source,
    ]
}

/// Shared helpers for the tests of this module and its submodules.
#[cfg(test)]
mod testing {
    use super::*;

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

    /// A local "YYYY-MM-DDTHH:MM" in `zone` as a UTC instant.
    pub fn at(zone: &str, local: &str) -> DateTime<Utc> {
        let zone = parse_zone(zone).expect("zone");
        parse_local_datetime(local, zone)
            .expect("valid local time")
            .instant
            .with_timezone(&Utc)
    }

    /// An instant as "YYYY-MM-DD HH:MM ZONE" in its own zone, for compact expectations.
    pub fn show(instant: &DateTime<Tz>) -> String {
        instant.format("%Y-%m-%d %H:%M %Z").to_string()
    }
}

// Native only: proptest does not build for wasm32, and the domain's tests
// are native by design.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::testing::{at, default_settings, engine_in, show};
    use super::*;
    use proptest::prelude::*;

    const NY: &str = "America/New_York";
    const LONDON: &str = "Europe/London";
    const KOLKATA: &str = "Asia/Kolkata";

    fn initial(zone: &str, case_type: CaseType, received: &str) -> String {
        let engine = engine_in(zone);
        show(
            &engine
                .initial_contact(case_type, at(zone, received))
                .unwrap()
                .due,
        )
    }

    fn resolution(zone: &str, case_type: CaseType, received: &str) -> String {
        let engine = engine_in(zone);
        let due = engine
            .resolution(case_type, at(zone, received), AgencyTerm::Unset)
            .unwrap();
        show(&due.deadline().unwrap().due)
    }

    fn engine_with(change: impl FnOnce(&mut SlaSettings)) -> SlaEngine {
        let mut settings = default_settings();
        change(&mut settings);
        SlaEngine::new(&settings).unwrap()
    }

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
    fn general_initial_contact_known_answers_in_new_york() {
        let table = [
            // Tuesday: noon, exactly 15:00, 15:01, before opening, after close.
            ("2026-03-10T12:00", "2026-03-10 17:00 EDT"),
            ("2026-03-10T15:00", "2026-03-10 17:00 EDT"),
            ("2026-03-10T15:01", "2026-03-11 12:00 EDT"),
            ("2026-03-10T07:30", "2026-03-10 17:00 EDT"),
            ("2026-03-10T18:30", "2026-03-11 12:00 EDT"),
            // Friday after 15:00 goes to Monday noon; Saturday to Monday close.
            ("2026-03-13T15:30", "2026-03-16 12:00 EDT"),
            ("2026-03-14T10:00", "2026-03-16 17:00 EDT"),
            // Holiday Monday (MLK Day) pushes to Tuesday.
            ("2026-01-16T16:00", "2026-01-20 12:00 EST"),
            ("2026-01-19T10:00", "2026-01-20 17:00 EST"),
            // July 4 2026 is a Saturday, observed Friday July 3.
            ("2026-07-02T15:30", "2026-07-06 12:00 EDT"),
            ("2026-12-31T15:30", "2027-01-04 12:00 EST"),
            // Across the DST weekends.
            ("2026-03-06T16:00", "2026-03-09 12:00 EDT"),
            ("2026-03-08T03:30", "2026-03-09 17:00 EDT"),
            ("2026-10-30T16:00", "2026-11-02 12:00 EST"),
            ("2026-11-01T01:30", "2026-11-02 17:00 EST"),
        ];
        for (received, expected) in table {
            assert_eq!(
                initial(NY, CaseType::General, received),
                expected,
                "{received}"
            );
        }
    }

    #[test]
    fn general_initial_contact_in_london_and_kolkata() {
        assert_eq!(
            initial(LONDON, CaseType::General, "2026-03-27T15:30"),
            "2026-03-30 12:00 BST"
        );
        assert_eq!(
            initial(LONDON, CaseType::General, "2026-10-24T09:00"),
            "2026-10-26 17:00 GMT"
        );
        assert_eq!(
            initial(KOLKATA, CaseType::General, "2026-03-10T15:01"),
            "2026-03-11 12:00 IST"
        );
        assert_eq!(
            initial(KOLKATA, CaseType::General, "2026-03-10T14:59"),
            "2026-03-10 17:00 IST"
        );
    }

    #[test]
    fn explains_the_general_rule_that_was_applied() {
        let engine = engine_in(NY);
        let explain = |local| {
            engine
                .initial_contact(CaseType::General, at(NY, local))
                .unwrap()
                .explanation
        };
        assert_eq!(
            explain("2026-03-10T15:00"),
            "Received Tue 10 Mar 2026, 15:00 EDT on a business day, at or before the 15:00 cut-off, so initial contact is due by close of business the same day."
        );
        assert_eq!(
            explain("2026-03-13T15:30"),
            "Received Fri 13 Mar 2026, 15:30 EDT after the 15:00 cut-off, so initial contact is due by 12:00 on the next business day."
        );
        assert_eq!(
            explain("2026-07-03T10:00"),
            "Received Fri 3 Jul 2026, 10:00 EDT on a non-business day (Independence Day, observed), so it counts as received at the next opening, Mon 6 Jul 2026, 09:00 EDT, and initial contact is due by close of business that day."
        );
    }

    #[test]
    fn resolution_counts_business_days_at_the_same_time_of_day() {
        let table = [
            (
                CaseType::General,
                "2026-03-10T10:00",
                "2026-03-16 10:00 EDT",
            ),
            (
                CaseType::General,
                "2026-03-06T16:00",
                "2026-03-12 16:00 EDT",
            ),
            (
                CaseType::General,
                "2026-03-06T18:00",
                "2026-03-13 09:00 EDT",
            ),
            (
                CaseType::General,
                "2026-03-14T10:00",
                "2026-03-20 09:00 EDT",
            ),
            (
                CaseType::General,
                "2026-07-01T11:00",
                "2026-07-08 11:00 EDT",
            ),
            (
                CaseType::General,
                "2026-10-29T14:00",
                "2026-11-04 14:00 EST",
            ),
            (
                CaseType::Executive,
                "2026-11-25T13:00",
                "2026-12-01 13:00 EST",
            ),
            (
                CaseType::Executive,
                "2026-03-10T17:00",
                "2026-03-13 17:00 EDT",
            ),
        ];
        for (case_type, received, expected) in table {
            assert_eq!(resolution(NY, case_type, received), expected, "{received}");
        }
        assert_eq!(
            resolution(LONDON, CaseType::General, "2026-10-23T16:00"),
            "2026-10-29 16:00 GMT"
        );
        assert_eq!(
            resolution(LONDON, CaseType::General, "2026-03-27T10:00"),
            "2026-04-02 10:00 BST"
        );
        assert_eq!(
            resolution(KOLKATA, CaseType::General, "2026-03-13T10:00"),
            "2026-03-19 10:00 IST"
        );
        let engine = engine_in(NY);
        let due = engine
            .resolution(
                CaseType::General,
                at(NY, "2026-03-06T18:00"),
                AgencyTerm::Unset,
            )
            .unwrap();
        assert_eq!(
            due.explanation(),
            "General case: resolution is due 4 business days after receipt at the same time of day, counted from the next opening, Mon 9 Mar 2026, 09:00 EDT, because it arrived outside business hours."
        );
    }

    #[test]
    fn explains_every_rule_with_the_same_words_as_before_the_speed_up() {
        let engine = engine_in(NY);
        let business = engine_with(|s| {
            s.executive.initial_contact_counting = HourCounting::Business;
            s.regulatory.agency_days_counting = DayCounting::Business;
        });
        let initial = |engine: &SlaEngine, case_type, local| {
            engine
                .initial_contact(case_type, at(NY, local))
                .unwrap()
                .explanation
        };
        let resolution = |engine: &SlaEngine, case_type, local, term| {
            engine
                .resolution(case_type, at(NY, local), term)
                .unwrap()
                .explanation()
                .to_string()
        };
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            initial(&engine, CaseType::Regulatory, "2026-03-07T12:00"),
            "Regulatory ticket created Sat 7 Mar 2026, 12:00 EST: initial contact is due within 24 clock hours of creation, nights, weekends and holidays included."
        );
        assert_eq!(
            initial(&engine, CaseType::Executive, "2026-11-01T00:30"),
            "Executive case received Sun 1 Nov 2026, 00:30 EDT: initial contact is due within 2 clock hours of receipt, nights, weekends and holidays included."
        );
        assert_eq!(
            initial(&business, CaseType::Executive, "2026-03-10T16:00"),
            "Executive case received Tue 10 Mar 2026, 16:00 EDT: initial contact is due within 2 business hours of time inside business hours, counted from receipt."
        );
        assert_eq!(
            initial(&business, CaseType::Executive, "2026-03-07T23:30"),
            "Executive case received Sat 7 Mar 2026, 23:30 EST: initial contact is due within 2 business hours of time inside business hours, counted from the next opening, Mon 9 Mar 2026, 09:00 EDT, because it arrived outside business hours."
        );
        assert_eq!(
            resolution(&engine, CaseType::Executive, "2026-03-10T10:00", AgencyTerm::Unset),
            "Executive case: resolution is due 3 business days after receipt at the same time of day, counted from receipt."
        );
        assert_eq!(
            resolution(&engine, CaseType::Regulatory, "2026-03-02T10:00", AgencyTerm::Days(1)),
            "Regulatory case: the agency allows 1 day, counted as calendar days (weekends and holidays included), so resolution is due at the same time of day 1 day after receipt."
        );
        assert_eq!(
            resolution(&business, CaseType::Regulatory, "2026-03-02T10:00", AgencyTerm::Days(10)),
            "Regulatory case: the agency allows 10 days, counted as business days, so resolution is due at the same time of day 10 business days after receipt, counted from receipt."
        );
        assert_eq!(
            resolution(
                &engine,
                CaseType::Regulatory,
                "2026-03-02T10:00",
                AgencyTerm::Date(date(2026, 11, 26))
            ),
            "Regulatory case: the agency set Thu 26 Nov 2026, which is not a business day (Thanksgiving Day), so resolution is due by close of business on the business day before, Wed 25 Nov 2026."
        );
        assert_eq!(
            engine.update_promise(at(NY, "2026-03-13T14:00")).unwrap().explanation,
            "An update promised within 1 day is read as 1 business day, so the customer should hear back by Mon 16 Mar 2026, 14:00 EDT, the same time of day 1 business day later."
        );
        let dubai = engine_in("Asia/Dubai");
        let received = at("UTC", "2026-03-10T09:05");
        assert_eq!(
            dubai.initial_contact(CaseType::Regulatory, received).unwrap().explanation,
            "Regulatory ticket created Tue 10 Mar 2026, 13:05 +04: initial contact is due within 24 clock hours of creation, nights, weekends and holidays included."
        );
    }

    #[test]
    fn hand_written_times_match_chronos_formatting() {
        let zones = [
            NY,
            KOLKATA,
            "Asia/Dubai",
            "America/Sao_Paulo",
            "Asia/Kathmandu",
            "Pacific/Apia",
        ];
        let first: DateTime<Utc> = "0999-12-25T00:00:00Z".parse().unwrap();
        let beyond = ["+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z"]
            .map(|text| text.parse::<DateTime<Utc>>().unwrap());
        for zone in zones.map(|name| parse_zone(name).unwrap()) {
            // A year, a day, 7 hours and 7 minutes apart, across the supported years.
            let step = Duration::minutes(367 * 1440 + 7 * 60 + 7);
            let instants = (0..8_000).map(|n| first + step * n);
            for instant in instants.chain(beyond) {
                let local = instant.with_timezone(&zone);
                assert_eq!(
                    HumanTime(&local).to_string(),
                    local.format("%a %-d %b %Y, %H:%M %Z").to_string()
                );
                assert_eq!(
                    Clock(local.time()).to_string(),
                    local.format("%H:%M").to_string()
                );
            }
        }
        assert_eq!(plural(1, "day").to_string(), "1 day");
        assert_eq!(plural(0, "day").to_string(), "0 days");
        assert_eq!(
            plural(3650, "business day").to_string(),
            "3650 business days"
        );
        assert_eq!(plural(u32::MAX, "hour").to_string(), "4294967295 hours");
    }

    #[test]
    fn executive_initial_contact_in_clock_hours_by_default() {
        assert_eq!(
            initial(NY, CaseType::Executive, "2026-03-08T00:30"),
            "2026-03-08 03:30 EDT"
        );
        assert_eq!(
            initial(NY, CaseType::Executive, "2026-11-01T00:30"),
            "2026-11-01 01:30 EST"
        );
        assert_eq!(
            initial(LONDON, CaseType::Executive, "2026-03-29T00:30"),
            "2026-03-29 03:30 BST"
        );
        assert_eq!(
            initial(NY, CaseType::Executive, "2026-03-13T16:30"),
            "2026-03-13 18:30 EDT"
        );
    }

    #[test]
    fn executive_initial_contact_in_business_hours_when_set() {
        let engine = engine_with(|s| s.executive.initial_contact_counting = HourCounting::Business);
        let due = |local| {
            show(
                &engine
                    .initial_contact(CaseType::Executive, at(NY, local))
                    .unwrap()
                    .due,
            )
        };
        assert_eq!(due("2026-03-10T16:00"), "2026-03-11 10:00 EDT");
        assert_eq!(due("2026-03-10T15:00"), "2026-03-10 17:00 EDT");
        assert_eq!(due("2026-03-13T20:00"), "2026-03-16 11:00 EDT");
        assert_eq!(due("2026-03-07T23:30"), "2026-03-09 11:00 EDT");
    }

    #[test]
    fn regulatory_initial_contact_is_24_clock_hours_across_dst() {
        assert_eq!(
            initial(NY, CaseType::Regulatory, "2026-03-07T12:00"),
            "2026-03-08 13:00 EDT"
        );
        assert_eq!(
            initial(NY, CaseType::Regulatory, "2026-10-31T12:00"),
            "2026-11-01 11:00 EST"
        );
        assert_eq!(
            initial(LONDON, CaseType::Regulatory, "2026-10-24T12:00"),
            "2026-10-25 11:00 GMT"
        );
    }

    #[test]
    fn regulatory_resolution_follows_the_agency() {
        let engine = engine_in(NY);
        let received = at(NY, "2026-03-02T10:00");
        let due = |term| engine.resolution(CaseType::Regulatory, received, term);
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();

        let unset = due(AgencyTerm::Unset).unwrap();
        assert!(unset.deadline().is_none());
        assert!(unset
            .explanation()
            .contains("the agency sets the resolution deadline"));

        let thirty = due(AgencyTerm::Days(30)).unwrap();
        assert_eq!(
            show(&thirty.deadline().unwrap().due),
            "2026-04-01 10:00 EDT"
        );
        assert!(thirty.explanation().contains("calendar days"));

        let by_date = due(AgencyTerm::Date(date(2026, 4, 15))).unwrap();
        assert_eq!(
            show(&by_date.deadline().unwrap().due),
            "2026-04-15 17:00 EDT"
        );

        // Saturday July 4: Friday July 3 is the observed holiday, so Thursday.
        let weekend = due(AgencyTerm::Date(date(2026, 7, 4))).unwrap();
        assert_eq!(
            show(&weekend.deadline().unwrap().due),
            "2026-07-02 17:00 EDT"
        );
        assert!(weekend
            .explanation()
            .contains("not a business day (Saturday)"));

        assert_eq!(due(AgencyTerm::Days(0)), Err(SlaError::AgencyDays(0)));
        assert_eq!(due(AgencyTerm::Days(3651)), Err(SlaError::AgencyDays(3651)));

        let business = engine_with(|s| s.regulatory.agency_days_counting = DayCounting::Business);
        let ten = business
            .resolution(CaseType::Regulatory, received, AgencyTerm::Days(10))
            .unwrap();
        assert_eq!(show(&ten.deadline().unwrap().due), "2026-03-16 10:00 EDT");
    }

    #[test]
    fn follow_up_windows_from_docs_002_and_004() {
        let engine = engine_in(NY);
        let promised = at(NY, "2026-03-13T14:00");
        let update = engine.update_promise(promised).unwrap();
        assert_eq!(show(&update.earliest), "2026-03-13 14:00 EDT");
        assert_eq!(show(&update.latest), "2026-03-16 14:00 EDT");
        assert_eq!(update.source.to_string(), "doc 002, line 26");

        let owner = engine.owner_follow_up(promised).unwrap();
        assert_eq!(show(&owner.earliest), "2026-03-16 14:00 EDT");
        assert_eq!(show(&owner.latest), "2026-03-17 14:00 EDT");
        assert_eq!(
            owner.explanation,
            "The case owner's follow-up within 24-48 business hours is read as 1 to 2 business days at the same time of day (24 hours per business day), so expect the call between Mon 16 Mar 2026, 14:00 EDT and Tue 17 Mar 2026, 14:00 EDT."
        );

        let open_hours = engine_with(|s| s.follow_up.owner_counting = FollowUpCounting::OpenHours);
        let owner = open_hours
            .owner_follow_up(at(NY, "2026-03-10T10:00"))
            .unwrap();
        assert_eq!(show(&owner.earliest), "2026-03-13 10:00 EDT");
        assert_eq!(show(&owner.latest), "2026-03-18 10:00 EDT");
    }

    #[test]
    fn deadline_formats_for_markup_people_and_countdowns() {
        let engine = engine_in(NY);
        let deadline = engine
            .initial_contact(CaseType::General, at(NY, "2026-03-10T15:30"))
            .unwrap();
        assert_eq!(deadline.rfc3339(), "2026-03-11T12:00:00-04:00");
        assert_eq!(deadline.human(), "Wed 11 Mar 2026, 12:00 EDT");
        let remaining = |local| deadline.time_remaining(at(NY, local));
        assert_eq!(remaining("2026-03-11T08:40"), "in 3 h 20 min");
        assert_eq!(remaining("2026-03-11T10:00"), "in 2 h");
        assert_eq!(remaining("2026-03-11T11:15"), "in 45 min");
        assert_eq!(remaining("2026-03-10T12:00"), "in 1 day");
        assert_eq!(remaining("2026-03-11T12:00"), "due now");
        assert_eq!(remaining("2026-03-13T13:00"), "overdue by 2 days 1 h");
        assert_eq!(remaining("2026-03-12T12:30"), "overdue by 1 day");
        let just_before = at(NY, "2026-03-11T12:00") - Duration::seconds(30);
        assert_eq!(deadline.time_remaining(just_before), "in under 1 min");
    }

    #[test]
    fn urgency_uses_the_due_soon_threshold() {
        let engine = engine_in(NY);
        let deadline = engine
            .initial_contact(CaseType::General, at(NY, "2026-03-10T12:00"))
            .unwrap();
        let urgency = |local| engine.urgency(&deadline, at(NY, local));
        assert_eq!(urgency("2026-03-10T14:00"), Urgency::OnTrack);
        assert_eq!(urgency("2026-03-10T15:00"), Urgency::DueSoon);
        assert_eq!(urgency("2026-03-10T16:59"), Urgency::DueSoon);
        assert_eq!(urgency("2026-03-10T17:00"), Urgency::DueSoon);
        assert_eq!(urgency("2026-03-10T17:01"), Urgency::Overdue);
        let strict = deadline.urgency(at(NY, "2026-03-10T16:30"), Duration::minutes(15));
        assert_eq!(strict, Urgency::OnTrack);
    }

    #[test]
    fn parses_local_times_and_names_clock_change_gaps() {
        let ny = parse_zone(NY).unwrap();
        let london = parse_zone(" Europe/London ").unwrap();
        let gap = parse_local_datetime("2026-03-08T02:30", ny).unwrap_err();
        assert_eq!(
            gap.to_string(),
            "2026-03-08 02:30 does not exist in America/New_York: the clocks jump from 02:00 EST to 03:00 EDT that night, so enter a time outside that gap"
        );
        let gap = parse_local_datetime("2026-03-29T01:30", london).unwrap_err();
        assert!(gap.to_string().contains("from 01:00 GMT to 02:00 BST"));

        let twice = parse_local_datetime("2026-11-01T01:30", ny).unwrap();
        assert_eq!(
            twice.instant.with_timezone(&Utc).to_rfc3339(),
            "2026-11-01T05:30:00+00:00"
        );
        assert_eq!(
            twice.note.as_deref(),
            Some("2026-11-01 01:30 happens twice in America/New_York because the clocks go back; using the first occurrence, 01:30 EDT (UTC-04:00), not 01:30 EST (UTC-05:00).")
        );
        let twice = parse_local_datetime("2026-10-25T01:30", london).unwrap();
        assert_eq!(
            twice.instant.with_timezone(&Utc).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );

        let plain = parse_local_datetime("2026-03-10T09:15", ny).unwrap();
        assert_eq!(plain.note, None);
        assert_eq!(plain.instant.to_rfc3339(), "2026-03-10T09:15:00-04:00");
        assert_eq!(
            parse_local_datetime("2026-03-10 09:15:30", ny)
                .unwrap()
                .instant
                .to_rfc3339(),
            "2026-03-10T09:15:30-04:00"
        );
    }

    #[test]
    fn rejects_malformed_inputs_and_unknown_zones_with_clear_messages() {
        let ny = parse_zone(NY).unwrap();
        for bad in [
            "",
            "garbage",
            "2026-03-10",
            "10:00",
            "2026-13-01T10:00",
            "2026-03-10T25:00",
            "2026-02-30T10:00",
            "2026-03-10T09:00:60",
        ] {
            assert_eq!(
                parse_local_datetime(bad, ny),
                Err(SlaError::MalformedDateTime(bad.to_string())),
                "{bad}"
            );
        }
        assert_eq!(
            SlaError::MalformedDateTime("2026-3".to_string()).to_string(),
            "\"2026-3\" is not a date and time in the form YYYY-MM-DDTHH:MM (for example 2026-03-09T14:30)"
        );
        let unknown = parse_zone("America/NewYork").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "\"America/NewYork\" is not a known IANA time zone (for example America/New_York or Europe/London)"
        );
        assert!(parse_zone("").is_err());
    }

    #[test]
    fn instants_near_the_limits_of_time_are_errors_not_panics() {
        let engine = engine_in("Pacific/Kiritimati");
        for received in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
            for case_type in CaseType::ALL {
                assert_eq!(
                    engine.initial_contact(case_type, received),
                    Err(SlaError::OutOfRange)
                );
                assert_eq!(
                    engine.resolution(case_type, received, AgencyTerm::Days(10)),
                    Err(SlaError::OutOfRange)
                );
            }
            assert_eq!(engine.update_promise(received), Err(SlaError::OutOfRange));
            assert_eq!(engine.owner_follow_up(received), Err(SlaError::OutOfRange));
            assert!(!engine.calendar().is_open_at(&received));
        }
        let far = engine.resolution(
            CaseType::Regulatory,
            at(NY, "2026-03-10T10:00"),
            AgencyTerm::Date(NaiveDate::MIN),
        );
        assert_eq!(far, Err(SlaError::OutOfRange));
        let zone = parse_zone(NY).unwrap();
        for text in [
            "9999-12-31T23:59",
            "0999-01-01T00:00",
            "+262142-12-31T23:59",
        ] {
            assert_eq!(parse_local_datetime(text, zone), Err(SlaError::OutOfRange));
        }
        assert_eq!(
            SlaError::OutOfRange.to_string(),
            "the date is outside the supported range (years 1000 to 9000)"
        );
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
            vec!["\"Mars/Olympus\" is not a known IANA time zone (for example America/New_York or Europe/London)"]
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
            problems(|s| s.attempts.source.lines = "75".to_string()),
            vec!["source doc 001, line 75: line 75 is past the end of document 001 (74 lines)"]
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

    #[test]
    fn extra_holidays_close_the_office() {
        let engine = engine_with(|s| s.calendar.extra_holidays = vec!["2026-03-11".to_string()]);
        let due = engine
            .initial_contact(CaseType::General, at(NY, "2026-03-10T15:30"))
            .unwrap();
        assert_eq!(show(&due.due), "2026-03-12 12:00 EDT");
        assert_eq!(
            engine
                .calendar()
                .holiday_name(NaiveDate::from_ymd_opt(2026, 3, 11).unwrap())
                .as_deref(),
            Some("holiday")
        );
    }

    /// Receipt instants over 2026-2027 at minute resolution.
    fn receipt() -> impl Strategy<Value = DateTime<Utc>> {
        let start = at("UTC", "2026-01-01T00:00");
        (0i64..2 * 366 * 24 * 60).prop_map(move |minutes| start + Duration::minutes(minutes))
    }

    fn zone_name() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            NY,
            LONDON,
            KOLKATA,
            "Australia/Sydney",
            "America/Los_Angeles",
        ])
    }

    fn case_type() -> impl Strategy<Value = CaseType> {
        prop::sample::select(CaseType::ALL.to_vec())
    }

    /// Every dated result for a receipt, flagged true when it must fall
    /// inside business hours.
    fn all_dues(
        engine: &SlaEngine,
        case_type: CaseType,
        received: DateTime<Utc>,
    ) -> Vec<(DateTime<Tz>, bool)> {
        let mut dues = vec![(
            engine.initial_contact(case_type, received).unwrap().due,
            case_type == CaseType::General,
        )];
        if let Due::At(deadline) = engine
            .resolution(case_type, received, AgencyTerm::Unset)
            .unwrap()
        {
            dues.push((deadline.due, true));
        }
        let update = engine.update_promise(received).unwrap();
        let owner = engine.owner_follow_up(received).unwrap();
        dues.extend([
            (update.latest, true),
            (owner.earliest, true),
            (owner.latest, true),
        ]);
        dues
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn due_is_never_before_receipt_and_business_results_stay_in_hours(
            zone in zone_name(),
            case_type in case_type(),
            received in receipt(),
        ) {
            let engine = engine_in(zone);
            for (due, in_hours) in all_dues(&engine, case_type, received) {
                prop_assert!(due >= received, "{} before {}", due, received);
                if in_hours {
                    prop_assert!(engine.calendar().is_open_at(&due), "{} outside hours", due);
                }
            }
            let business = engine_with(|s| {
                s.calendar.time_zone = zone.to_string();
                s.executive.initial_contact_counting = HourCounting::Business;
                s.follow_up.owner_counting = FollowUpCounting::OpenHours;
            });
            let executive = business.initial_contact(CaseType::Executive, received).unwrap().due;
            prop_assert!(executive >= received && business.calendar().is_open_at(&executive));
            let owner = business.owner_follow_up(received).unwrap();
            prop_assert!(business.calendar().is_open_at(&owner.earliest));
            prop_assert!(business.calendar().is_open_at(&owner.latest));
        }

        #[test]
        fn a_later_receipt_never_gets_an_earlier_deadline(
            zone in zone_name(),
            case_type in case_type(),
            first in receipt(),
            gap_minutes in 0i64..5 * 24 * 60,
        ) {
            let engine = engine_in(zone);
            let later = first + Duration::minutes(gap_minutes);
            let earlier_dues = all_dues(&engine, case_type, first);
            let later_dues = all_dues(&engine, case_type, later);
            for ((a, _), (b, _)) in earlier_dues.iter().zip(&later_dues) {
                prop_assert!(a <= b, "{} then {} gave {} then {}", first, later, a, b);
            }
        }

        #[test]
        fn adding_the_same_holidays_again_changes_nothing(
            case_type in case_type(),
            received in receipt(),
            offsets in prop::collection::vec(0u64..730, 0..20),
        ) {
            let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let dates: Vec<String> = offsets
                .iter()
                .map(|d| (base + Days::new(*d)).format("%Y-%m-%d").to_string())
                .collect();
            let once = engine_with(|s| s.calendar.extra_holidays = dates.clone());
            let twice = engine_with(|s| s.calendar.extra_holidays = [dates.clone(), dates.clone()].concat());
            prop_assert_eq!(once.calendar(), twice.calendar());
            prop_assert_eq!(all_dues(&once, case_type, received), all_dues(&twice, case_type, received));
        }
    }
}
