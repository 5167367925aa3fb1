//! SLA rules engine and case queue: initial-contact and resolution deadlines
//! for General, Executive and Regulatory cases (doc 001), follow-up promise
//! windows (docs 002 and 004), urgency, the contact-attempts rule, and CSV and
//! iCalendar export. Pure and deterministic: the current time is always an
//! argument. Defaults live in `content/sla.toml` as [`SlaSettings`]; an
//! [`SlaEngine`] is the validated, ready-to-use form of those settings.

mod archive;
mod attempts;
mod calendar;
mod case;
mod deadline;
mod engine;
mod error;
mod export;
mod holidays;
pub mod input;
mod queue;
mod settings;
mod words;
mod workload;

#[cfg(test)]
mod testing;

pub use archive::{
    archivable, archive_csv, archive_file_name, parse_archive_days, Archivable, ArchiveDaysError,
    DEFAULT_ARCHIVE_DAYS,
};
pub use attempts::AttemptsReport;
pub use calendar::{
    area_zone_for, is_suggested_zone, legacy_zone_warning, parse_local_datetime, parse_zone,
    weekday_name, BusinessCalendar, CalendarError, OpenHours, ParsedLocal, SUPPORTED_YEARS, WEEK,
};
pub use case::{
    check_received, is_in_the_future, Case, CaseStatus, CaseTimeError, Channel, ContactAttempt,
    CLOCK_SKEW,
};
pub use deadline::{Deadline, DeadlineKind, Due, FollowUpWindow, Urgency};
pub use engine::SlaEngine;
pub use error::SlaError;
pub use export::{queue_csv, queue_ics};
pub use holidays::{us_federal_holiday_on, us_federal_holidays, Holiday};
pub use queue::{
    build_queue, end_of_shift_check, queue_summary, QueueFilter, QueueRow, ShiftCheck,
    ROWS_AT_A_TIME,
};
pub use settings::{
    rule_case_type, AgencyTerm, AttemptsSettings, CalendarSettings, CaseType, DayCounting,
    DayHours, ExecutiveSettings, FollowUpCounting, FollowUpSettings, GeneralSettings, HourCounting,
    HoursOf, QueueSettings, RegulatorySettings, SettingsError, SlaSettings, RULE_IDS,
};
pub use words::{HumanDate, HumanTime};
pub use workload::deadline_workload;
