//! The initial-contact attempts rule (doc 001 lines 68-70): attempts on
//! enough different business days, by email and by phone.

use super::calendar::check_supported;
use super::{Case, Channel, SlaEngine};
use crate::domain::source::SourceRef;
use std::collections::BTreeSet;

impl Case {
    /// Checks the attempts rule: attempts on the required number of
    /// different business days (consecutive means one unanswered attempt
    /// after another; the days need not be back to back), using email and
    /// phone.
    pub fn attempts_report(&self, engine: &SlaEngine) -> AttemptsReport {
        let rules = &engine.settings().attempts;
        let calendar = engine.calendar();
        let local_dates: Vec<_> = self
            .attempts
            .iter()
            .filter(|attempt| check_supported(&attempt.at).is_ok())
            .map(|attempt| attempt.at.with_timezone(&calendar.zone()).date_naive())
            .collect();
        let business_days: BTreeSet<_> = local_dates
            .iter()
            .copied()
            .filter(|date| calendar.is_business_day(*date))
            .collect();
        let on_closed_days = local_dates
            .iter()
            .filter(|date| !calendar.is_business_day(**date))
            .count();
        let used_email = self.attempts.iter().any(|a| a.channel == Channel::Email);
        let used_phone = self.attempts.iter().any(|a| a.channel == Channel::Phone);
        let required = rules.required_business_days as usize;
        let days_missing = required.saturating_sub(business_days.len());
        let channels_missing = if rules.require_all_channels {
            match (used_email, used_phone) {
                (true, true) => None,
                (true, false) => Some("by phone"),
                (false, true) => Some("by email"),
                (false, false) => Some("by email and by phone"),
            }
        } else {
            None
        };
        let both_channels_missing = !used_email && !used_phone && channels_missing.is_some();
        let days = match days_missing {
            0 => None,
            // Trying both channels takes two attempts, even on one day.
            1 if !both_channels_missing => Some("an attempt on 1 more business day".to_string()),
            n => Some(format!(
                "attempts on {n} more business day{}",
                if n == 1 { "" } else { "s" }
            )),
        };
        let needed = match (days, channels_missing) {
            (Some(days), Some(channels)) => Some(format!("{days}, {channels}")),
            (Some(days), None) => Some(days),
            (None, Some(channels)) if both_channels_missing => Some(format!("attempts {channels}")),
            (None, Some(channels)) => Some(format!("an attempt {channels}")),
            (None, None) => None,
        };
        let met = needed.is_none();
        let sentence = match needed {
            Some(needed) => format!("Still needed: {needed}"),
            None => {
                let used = match (used_email, used_phone) {
                    (true, true) => ", by email and phone",
                    (true, false) => ", by email",
                    (false, true) => ", by phone",
                    (false, false) => "",
                };
                format!(
                    "Rule met: attempts on {} different business day{} ({required} needed){used}",
                    business_days.len(),
                    if business_days.len() == 1 { "" } else { "s" },
                )
            }
        };
        let closed = match on_closed_days {
            0 => String::new(),
            1 => " (1 attempt on a closed day does not count)".to_string(),
            n => format!(" ({n} attempts on closed days do not count)"),
        };
        let explanation = format!("{sentence}{closed}.");
        AttemptsReport {
            attempts: self.attempts.len(),
            business_days: business_days.len(),
            used_email,
            used_phone,
            met,
            explanation,
            source: rules.source.clone(),
        }
    }
}

/// The outcome of the contact-attempts rule for one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptsReport {
    /// Attempts recorded.
    pub attempts: usize,
    /// Different business days (calendar zone) with at least one attempt;
    /// weekend and holiday attempts do not add a day.
    pub business_days: usize,
    /// Whether email was tried.
    pub used_email: bool,
    /// Whether phone was tried.
    pub used_phone: bool,
    /// Whether the rule is satisfied (days, and both channels if required).
    pub met: bool,
    /// One sentence saying what was found and what is still needed.
    pub explanation: String,
    /// The document lines of the rule.
    pub source: SourceRef,
}
#[cfg(test)]
mod tests {
    use super::super::testing::{attempt, case, engine_in, NY};
    use super::super::CaseStatus::PendingOn;
    use super::super::CaseType::General;
    use super::super::Channel::{self, Email, Phone};
    use super::*;

    /// A General case received Monday 9 March 2026 at 10:00 in New York,
    /// being worked, with attempts made at New York local times.
    fn tried(number: &str, attempts: &[(Channel, &str)]) -> Case {
        let mut tried = case(number, General, "2026-03-09T10:00", PendingOn);
        tried.attempts = attempts
            .iter()
            .map(|&(channel, local)| attempt(channel, local))
            .collect();
        tried
    }

    #[test]
    fn attempts_rule_needs_three_business_days_and_both_channels() {
        let engine = engine_in(NY);
        // Monday email and phone, Tuesday email: two business days so far.
        let mut worked = tried(
            "G",
            &[
                (Email, "2026-03-09T10:30"),
                (Phone, "2026-03-09T16:00"),
                (Email, "2026-03-10T10:00"),
            ],
        );
        // Each phone call added in turn, then the report: met, business days, words.
        let calls = [
            (None, false, 2, "Still needed: an attempt on 1 more business day."),
            // A Saturday attempt does not add a business day, and the text says so.
            (
                Some("2026-03-14T10:00"),
                false,
                2,
                "Still needed: an attempt on 1 more business day (1 attempt on a closed day does not count).",
            ),
            // Thursday's attempt makes three different days; they need not be back to back.
            (
                Some("2026-03-12T09:15"),
                true,
                3,
                "Rule met: attempts on 3 different business days (3 needed), by email and phone (1 attempt on a closed day does not count).",
            ),
        ];
        for (call, met, business_days, explanation) in calls {
            if let Some(local) = call {
                worked.attempts.push(attempt(Phone, local));
            }
            let report = worked.attempts_report(&engine);
            assert_eq!(
                (
                    report.met,
                    report.business_days,
                    report.explanation.as_str()
                ),
                (met, business_days, explanation),
                "after {call:?}"
            );
            assert_eq!(report.source.to_string(), "doc 001, lines 68-70");
        }

        let three_days = ["2026-03-09T10:00", "2026-03-10T10:00", "2026-03-11T10:00"];
        let email_only = tried("H", &three_days.map(|local| (Email, local)));
        let report = email_only.attempts_report(&engine);
        assert!(!report.met);
        assert!(report.used_email && !report.used_phone);
        assert_eq!(report.explanation, "Still needed: an attempt by phone.");
    }

    #[test]
    fn the_missing_channels_are_named_with_their_articles() {
        let engine = engine_in(NY);
        let mut phone_only = tried("P", &[(Phone, "2026-03-09T10:00")]);
        assert_eq!(
            phone_only.attempts_report(&engine).explanation,
            "Still needed: attempts on 2 more business days, by email."
        );
        phone_only.attempts.push(attempt(Phone, "2026-03-10T10:00"));
        assert_eq!(
            phone_only.attempts_report(&engine).explanation,
            "Still needed: an attempt on 1 more business day, by email."
        );
        phone_only.attempts.clear();
        assert_eq!(
            phone_only.attempts_report(&engine).explanation,
            "Still needed: attempts on 3 more business days, by email and by phone."
        );
        // Two weekend attempts: both named as not counting.
        phone_only.attempts = vec![
            attempt(Phone, "2026-03-14T10:00"),
            attempt(Email, "2026-03-15T10:00"),
        ];
        assert_eq!(
            phone_only.attempts_report(&engine).explanation,
            "Still needed: attempts on 3 more business days (2 attempts on closed days do not count)."
        );
    }

    #[test]
    fn the_rule_with_one_day_and_any_channel_reads_plainly() {
        let mut settings = super::super::testing::default_settings();
        settings.attempts.required_business_days = 1;
        let lenient = SlaEngine::new(&settings).unwrap();
        let mut single = tried("S", &[]);
        assert_eq!(
            single.attempts_report(&lenient).explanation,
            "Still needed: attempts on 1 more business day, by email and by phone."
        );
        settings.attempts.require_all_channels = false;
        let any_channel = SlaEngine::new(&settings).unwrap();
        assert_eq!(
            single.attempts_report(&any_channel).explanation,
            "Still needed: an attempt on 1 more business day."
        );
        single.attempts = vec![attempt(Phone, "2026-03-09T11:00")];
        assert_eq!(
            single.attempts_report(&any_channel).explanation,
            "Rule met: attempts on 1 different business day (1 needed), by phone."
        );
    }

    #[test]
    fn attempts_in_the_late_evening_count_on_the_local_date() {
        let engine = engine_in(NY);
        // 21:00 in New York is already the next day in UTC.
        let late = tried(
            "L",
            &[(Email, "2026-03-09T21:00"), (Phone, "2026-03-10T08:00")],
        );
        assert_eq!(late.attempts_report(&engine).business_days, 2);
    }
}
