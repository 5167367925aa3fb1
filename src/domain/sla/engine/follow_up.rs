//! Follow-up promises: when a customer who asked for escalation should hear
//! back (doc 002's one-day update, doc 004's 24-48 business hours callback).

use super::SlaEngine;
use crate::domain::sla::deadline::FollowUpWindow;
use crate::domain::sla::settings::FollowUpCounting;
use crate::domain::sla::words::{HumanTime, SkippedHolidays};
use crate::domain::sla::SlaError;
use crate::domain::text::plural;
use chrono::{DateTime, Duration, Utc};

impl SlaEngine {
    /// The window for an update promised "within 1 day" (doc 002), read as
    /// business days from when the promise was made.
    pub fn update_promise(&self, promised_at: DateTime<Utc>) -> Result<FollowUpWindow, SlaError> {
        let rules = &self.settings.follow_up;
        let days = rules.update_within_business_days;
        let start = self.calendar.start_moment(&promised_at)?;
        let latest = self.calendar.business_days_after(start, days)?;
        Ok(FollowUpWindow {
            earliest: start.at,
            latest,
            explanation: format!(
                "An update promised within {} is read as {}, so the customer should hear back by {}, the same time of day {} later.{}",
                plural(days, "day"),
                plural(days, "business day"),
                HumanTime(&latest),
                plural(days, "business day"),
                SkippedHolidays(&self.holidays_skipped(promised_at, &latest)),
            ),
            source: rules.update_source.clone(),
        })
    }

    /// The window in which the case owner calls back after the customer
    /// agreed to wait "24-48 Business Hours" (doc 004).
    pub fn owner_follow_up(&self, promised_at: DateTime<Utc>) -> Result<FollowUpWindow, SlaError> {
        let rules = &self.settings.follow_up;
        let (first, last) = (rules.owner_earliest_hours, rules.owner_latest_hours);
        let start = self.calendar.start_moment(&promised_at)?;
        let (earliest, latest, reading) = match rules.owner_counting {
            FollowUpCounting::BusinessDays => (
                self.calendar.business_days_after(start, first / 24)?,
                self.calendar.business_days_after(start, last / 24)?,
                format!(
                    "read as {} to {} at the same time of day (24 hours per business day)",
                    first / 24,
                    plural(last / 24, "business day"),
                ),
            ),
            FollowUpCounting::OpenHours => (
                self.calendar
                    .open_time_after(start, Duration::hours(i64::from(first)))?,
                self.calendar
                    .open_time_after(start, Duration::hours(i64::from(last)))?,
                format!("read as {first} to {last} hours of time inside business hours"),
            ),
        };
        Ok(FollowUpWindow {
            explanation: format!(
                "The case owner's follow-up within {first}-{last} business hours is {reading}, so expect the call between {} and {}.{}",
                HumanTime(&earliest),
                HumanTime(&latest),
                SkippedHolidays(&self.holidays_skipped(promised_at, &latest)),
            ),
            earliest,
            latest,
            source: rules.owner_source.clone(),
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::domain::sla::testing::{at, engine_in, engine_with, show, NY};
    use crate::domain::sla::FollowUpCounting;

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
}
