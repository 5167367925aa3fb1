//! What the engine computes: a dated deadline or the reason there is none,
//! its urgency at a given time, and follow-up windows.

use super::words::{span_words, HumanTime};
use crate::domain::source::SourceRef;
use crate::domain::zone::Zone;
use chrono::{DateTime, Duration, Utc};

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

/// A computed deadline: when, which rule, and where the rule comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// Which deadline this is.
    pub kind: DeadlineKind,
    /// The due instant, in the business calendar's zone.
    pub due: DateTime<Zone>,
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
    pub earliest: DateTime<Zone>,
    /// The latest time the promise allows.
    pub latest: DateTime<Zone>,
    /// One sentence saying how the promise was read.
    pub explanation: String,
    /// The document lines the promise comes from.
    pub source: SourceRef,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::{at, engine_in, NY};
    use super::super::CaseType;
    use super::*;

    /// The initial-contact deadline of a General case received at a New
    /// York local time.
    fn general_initial_contact(received: &str) -> Deadline {
        let engine = engine_in(NY);
        engine
            .initial_contact(CaseType::General, at(NY, received))
            .unwrap()
    }

    #[test]
    fn deadline_formats_for_markup_people_and_countdowns() {
        let deadline = general_initial_contact("2026-03-10T15:30");
        assert_eq!(deadline.rfc3339(), "2026-03-11T12:00:00-04:00");
        assert_eq!(deadline.human(), "Wed 11 Mar 2026, 12:00 EDT");
        let table = [
            ("2026-03-11T08:40", "in 3 h 20 min"),
            ("2026-03-11T10:00", "in 2 h"),
            ("2026-03-11T11:15", "in 45 min"),
            ("2026-03-10T12:00", "in 1 day"),
            ("2026-03-11T12:00", "due now"),
            ("2026-03-13T13:00", "overdue by 2 days 1 h"),
            ("2026-03-12T12:30", "overdue by 1 day"),
        ];
        for (local, expected) in table {
            assert_eq!(deadline.time_remaining(at(NY, local)), expected, "{local}");
        }
        let just_before = at(NY, "2026-03-11T12:00") - Duration::seconds(30);
        assert_eq!(deadline.time_remaining(just_before), "in under 1 min");
    }

    #[test]
    fn urgency_uses_the_due_soon_threshold() {
        let engine = engine_in(NY);
        let deadline = general_initial_contact("2026-03-10T12:00");
        let table = [
            ("2026-03-10T14:00", Urgency::OnTrack),
            ("2026-03-10T15:00", Urgency::DueSoon),
            ("2026-03-10T16:59", Urgency::DueSoon),
            ("2026-03-10T17:00", Urgency::DueSoon),
            ("2026-03-10T17:01", Urgency::Overdue),
        ];
        for (local, expected) in table {
            assert_eq!(
                engine.urgency(&deadline, at(NY, local)),
                expected,
                "{local}"
            );
        }
        let strict = deadline.urgency(at(NY, "2026-03-10T16:30"), Duration::minutes(15));
        assert_eq!(strict, Urgency::OnTrack);
    }
}
