//! The SLA rules engine: initial-contact and resolution deadlines for each
//! case type (doc 001), with one sentence saying which rule was applied.

use super::calendar::{check_supported, resolve_local, weekday_name};
use super::deadline::{Deadline, DeadlineKind, Due, Urgency};
use super::settings::{
    AgencyTerm, CaseType, CheckedSettings, DayCounting, HourCounting, SettingsError, SlaSettings,
    MAX_DAYS,
};
use super::words::{Clock, CountedFrom, HumanDate, HumanTime, SkippedHolidays};
use super::{BusinessCalendar, SlaError};
use crate::domain::source::SourceRef;
use crate::domain::text::plural;
use crate::domain::zone::Zone;
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Utc};

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
        let CheckedSettings {
            calendar,
            cutoff,
            next_day_due,
        } = settings.check()?;
        Ok(Self {
            settings: settings.clone(),
            calendar,
            cutoff,
            next_day_due,
        })
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

    /// The business calendar's zone.
    fn zone(&self) -> Zone {
        self.calendar.zone()
    }

    /// An instant in the calendar's zone.
    fn local(&self, instant: DateTime<Utc>) -> DateTime<Zone> {
        instant.with_timezone(&self.zone())
    }

    /// The holidays from the day of `from` to the day of `due` that a count
    /// of business time skipped, for the explanation.
    fn holidays_skipped(
        &self,
        from: DateTime<Utc>,
        due: &DateTime<Zone>,
    ) -> Vec<(NaiveDate, String)> {
        self.calendar
            .holidays_between(self.local(from).date_naive(), due.date_naive())
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
                let due = calendar.at(next, self.next_day_due);
                let explanation = format!(
                    "Received {} after the {cutoff} cut-off, so initial contact is due by {} on the next business day.{}",
                    HumanTime(&local),
                    Clock(self.next_day_due),
                    SkippedHolidays(&self.holidays_skipped(received, &due)),
                );
                (due, explanation)
            }
            None => {
                let (next, hours) = calendar.next_business_day(date)?;
                // The day of receipt is named already.
                let skipped = date
                    .succ_opt()
                    .map(|after| calendar.holidays_between(after, next))
                    .unwrap_or_default();
                (
                    calendar.at(next, hours.close),
                    format!(
                        "Received {} on a non-business day ({}), so it counts as received at the next opening, {}, and initial contact is due by close of business that day.{}",
                        HumanTime(&local),
                        self.day_off_reason(date),
                        HumanTime(&calendar.at(next, hours.open)),
                        SkippedHolidays(&skipped),
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
                let explanation = format!(
                    "Executive case received {}: initial contact is due within {} of time inside business hours, {}.{}",
                    HumanTime(&self.local(received)),
                    plural(hours, "business hour"),
                    CountedFrom::new(received, start.at),
                    SkippedHolidays(&self.holidays_skipped(received, &due)),
                );
                (due, explanation)
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
        let explanation = format!(
            "{} case: resolution is due {} after receipt at the same time of day, {}.{}",
            case_type.label(),
            plural(days, "business day"),
            CountedFrom::new(received, start.at),
            SkippedHolidays(&self.holidays_skipped(received, &due)),
        );
        Ok(Due::At(Deadline {
            kind: DeadlineKind::Resolution,
            due,
            explanation,
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
                    let due = self.calendar.business_days_after(start, days)?;
                    let explanation = format!(
                        "Regulatory case: the agency allows {}, counted as business days, so resolution is due at the same time of day {} after receipt, {}.{}",
                        plural(days, "day"),
                        plural(days, "business day"),
                        CountedFrom::new(received, start.at),
                        SkippedHolidays(&self.holidays_skipped(received, &due)),
                    );
                    (due, explanation)
                }
            },
            AgencyTerm::Date(date) => {
                let (day, hours) = self.calendar.business_day_on_or_before(date)?;
                let due = self.calendar.at(day, hours.close);
                let explanation = if day == date {
                    format!(
                        "Regulatory case: the agency set {} as the due date, so resolution is due by close of business that day.",
                        HumanDate(date)
                    )
                } else {
                    format!(
                        "Regulatory case: the agency set {}, which is not a business day ({}), so resolution is due by close of business on the business day before, {}.",
                        HumanDate(date),
                        self.day_off_reason(date),
                        HumanDate(day),
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

/// `received` plus whole clock hours.
fn add_clock_hours(received: DateTime<Utc>, hours: u32) -> Result<DateTime<Utc>, SlaError> {
    received
        .checked_add_signed(Duration::hours(i64::from(hours)))
        .ok_or(SlaError::OutOfRange)
}

mod follow_up;

// Native only: proptest does not build for wasm32, and the domain's tests
// are native by design.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
