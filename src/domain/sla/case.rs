//! A case as kept in the queue and in storage: its ticket status, its contact
//! attempts, the deadlines it still has to meet, and the checks on the times
//! typed for it.

use super::calendar::check_supported;
use super::words::HumanTime;
use super::{AgencyTerm, CaseType, DeadlineKind, Due, SlaEngine, SlaError};
use crate::domain::source::SourceRef;
use crate::domain::zone::Zone;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How far ahead of the device's clock a typed time may be and still count
/// as now: clocks of two machines, or a minute typed ahead, differ a little.
pub const CLOCK_SKEW: Duration = Duration::minutes(5);

/// Whether `instant` is later than `now` by more than [`CLOCK_SKEW`].
pub fn is_in_the_future(instant: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    instant > now + CLOCK_SKEW
}

/// Why a time typed for a case was refused; the message is shown as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseTimeError {
    /// A contact attempt dated before the case was received.
    AttemptBeforeReceipt {
        /// The receipt time, in the zone the attempt was typed in.
        received: DateTime<Zone>,
    },
    /// A contact attempt dated after now.
    AttemptInTheFuture,
    /// A case whose receipt time is after now.
    ReceivedInTheFuture {
        /// The current time, in the zone the receipt time was typed in.
        now: DateTime<Zone>,
    },
}

impl fmt::Display for CaseTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AttemptBeforeReceipt { received } => write!(
                f,
                "An attempt cannot be before the case was received ({}).",
                HumanTime(received)
            ),
            Self::AttemptInTheFuture => f.write_str("An attempt cannot be in the future."),
            Self::ReceivedInTheFuture { now } => write!(
                f,
                "A case in your queue cannot be received in the future (it is now {}): check the date and time.",
                HumanTime(now)
            ),
        }
    }
}

impl std::error::Error for CaseTimeError {}

/// Checks a receipt time typed for a new case at `now`, in `zone`.
pub fn check_received(
    received: DateTime<Utc>,
    now: DateTime<Utc>,
    zone: Zone,
) -> Result<(), CaseTimeError> {
    if is_in_the_future(received, now) {
        return Err(CaseTimeError::ReceivedInTheFuture {
            now: now.with_timezone(&zone),
        });
    }
    Ok(())
}

/// The ticket statuses of doc 001 lines 48-54.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// New assignment.
    Assigned,
    /// Received and accessed by the assigned agent.
    Acknowledged,
    /// Being worked.
    PendingOn,
    /// Resolved and pending corporate's review.
    EslQa,
    /// With Legal for review.
    LegalReview,
    /// Counted against Ticket Success.
    Incomplete,
}

impl CaseStatus {
    /// Every status in workflow order, for pickers and filters.
    pub const ALL: [CaseStatus; 6] = [
        Self::Assigned,
        Self::Acknowledged,
        Self::PendingOn,
        Self::EslQa,
        Self::LegalReview,
        Self::Incomplete,
    ];

    /// The status name as the ticketing tool shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Assigned => "Assigned",
            Self::Acknowledged => "Acknowledged",
            Self::PendingOn => "Pending on",
            Self::EslQa => "ESL QA",
            Self::LegalReview => "Legal Review",
            Self::Incomplete => "Incomplete",
        }
    }

    /// What the status means, in one line, after doc 001.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Assigned => "New assignment.",
            Self::Acknowledged => "Received and accessed by the assigned agent.",
            Self::PendingOn => "Being worked.",
            Self::EslQa => "Resolved and pending corporate's review.",
            Self::LegalReview => "With Legal for review.",
            Self::Incomplete => {
                "Not completed successfully; counts against the Ticket Success metric."
            }
        }
    }

    /// The line of doc 001 that defines the status.
    pub fn source(self) -> SourceRef {
        let line = match self {
            Self::Assigned => "49",
            Self::Acknowledged => "50",
            Self::PendingOn => "51",
            Self::EslQa => "52",
            Self::LegalReview => "53",
            Self::Incomplete => "54",
        };
        SourceRef {
            doc: "001".to_string(),
            lines: line.to_string(),
        }
    }

    /// Whether deadlines still run: only ESL QA means resolved. Incomplete
    /// stays open because doc 001 does not say it ends the work.
    pub fn is_open(self) -> bool {
        self != Self::EslQa
    }
}

/// How a contact attempt was made ("all resources available", doc 001 line 69).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An email to the customer.
    Email,
    /// A phone call to the customer.
    Phone,
}

impl Channel {
    /// The name shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone",
        }
    }
}

/// One recorded attempt to reach the customer, each on its own line as doc
/// 001 line 70 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactAttempt {
    /// Email or phone.
    pub channel: Channel,
    /// When the attempt was made.
    pub at: DateTime<Utc>,
}

/// A case as kept in the queue and in storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The ticket number.
    pub number: String,
    /// The customer's name.
    pub customer: String,
    /// General, Executive or Regulatory.
    pub case_type: CaseType,
    /// When the case was received (or, for Regulatory, created).
    pub received: DateTime<Utc>,
    /// The zone the receipt time was entered in, to show it back the same way.
    pub zone: Zone,
    /// Current ticket status.
    pub status: CaseStatus,
    /// What you intend to do next, so others can see it without opening the
    /// case (doc 001 lines 33-34).
    #[serde(default)]
    pub next_action: String,
    /// Free notes; keeping them current lets others cover when you are out
    /// (doc 001 lines 29-30).
    #[serde(default)]
    pub notes: String,
    /// Initial-contact attempts, oldest first or in any order.
    #[serde(default)]
    pub attempts: Vec<ContactAttempt>,
    /// The agency's days or date, for Regulatory cases.
    #[serde(default)]
    pub agency: AgencyTerm,
    /// One of the High Priority cases doc 001 lines 21-25 names (Executives,
    /// Legal, Fairshakes/Notice of Disputes, Regulatory): shown on the case
    /// and ranked first among equal deadlines. Cases stored before the flag
    /// existed read as not high priority.
    #[serde(default)]
    pub high_priority: bool,
    /// When the case last went to a resolved status (ESL QA), so resolved
    /// cases can be archived some days later; `None` while open, and for
    /// cases resolved before Deskaid recorded it (and left out of storage
    /// then: it would cost every open case 19 bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl Case {
    /// Changes the status, noting when the case was resolved: the time is
    /// set when it goes to a resolved status, kept while it stays resolved,
    /// and cleared when it is reopened.
    pub fn set_status(&mut self, status: CaseStatus, now: DateTime<Utc>) {
        self.resolved_at = match (status.is_open(), self.status.is_open()) {
            (true, _) => None,
            (false, true) => Some(now),
            (false, false) => self.resolved_at,
        };
        self.status = status;
    }

    /// The receipt time in the zone it was entered in (an error for stored
    /// instants outside the supported years).
    pub fn received_local(&self) -> Result<DateTime<Zone>, SlaError> {
        check_supported(&self.received)?;
        Ok(self.received.with_timezone(&self.zone))
    }

    /// The deadlines still to meet, soonest rule first: initial contact until
    /// the first attempt is recorded (an attempt is the contact the metric
    /// counts, answered or not), then resolution while the case is open.
    pub fn outstanding(&self, engine: &SlaEngine) -> Result<Vec<Due>, SlaError> {
        let mut outstanding = Vec::new();
        if !self.status.is_open() {
            return Ok(outstanding);
        }
        if self.attempts.is_empty() {
            let deadline = engine.initial_contact(self.case_type, self.received)?;
            outstanding.push(Due::At(deadline));
        }
        outstanding.push(engine.resolution(self.case_type, self.received, self.agency)?);
        Ok(outstanding)
    }

    /// The deadline to watch now, or why there is none.
    pub fn next_due(&self, engine: &SlaEngine) -> Result<Due, SlaError> {
        let mut outstanding = self.outstanding(engine)?;
        if outstanding.is_empty() {
            return Ok(Due::Undated {
                kind: DeadlineKind::Resolution,
                explanation: format!(
                    "Status {}: {} No deadline is tracked.",
                    self.status.label(),
                    self.status.meaning()
                ),
                source: self.status.source(),
            });
        }
        Ok(outstanding.remove(0))
    }

    /// Checks that an attempt made `at` can be logged at `now`: not before the
    /// case was received, not in the future. `zone` is the zone the attempt
    /// was typed in, to name the receipt time the same way.
    pub fn check_attempt(
        &self,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        zone: Zone,
    ) -> Result<(), CaseTimeError> {
        if at < self.received {
            return Err(CaseTimeError::AttemptBeforeReceipt {
                received: self.received.with_timezone(&zone),
            });
        }
        if is_in_the_future(at, now) {
            return Err(CaseTimeError::AttemptInTheFuture);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, attempt, case, engine_in, show, NY};
    use super::super::CaseStatus::{Assigned, LegalReview, PendingOn};
    use super::super::CaseType::{General, Regulatory};
    use super::*;
    use chrono::NaiveDate;

    fn next_due_text(case: &Case) -> String {
        let engine = engine_in(NY);
        match case.next_due(&engine).unwrap() {
            Due::At(deadline) => format!("{} {}", deadline.kind.label(), show(&deadline.due)),
            Due::Undated { explanation, .. } => explanation,
        }
    }

    #[test]
    fn next_deadline_is_initial_contact_until_an_attempt_then_resolution() {
        let mut general = case("G1", General, "2026-03-10T10:00", Assigned);
        assert_eq!(
            next_due_text(&general),
            "Initial contact 2026-03-10 17:00 EDT"
        );
        general
            .attempts
            .push(attempt(Channel::Email, "2026-03-10T11:00"));
        assert_eq!(next_due_text(&general), "Resolution 2026-03-16 10:00 EDT");

        general.status = CaseStatus::EslQa;
        assert_eq!(
            next_due_text(&general),
            "Status ESL QA: Resolved and pending corporate's review. No deadline is tracked."
        );
        assert!(general.outstanding(&engine_in(NY)).unwrap().is_empty());

        let mut regulatory = case("R1", Regulatory, "2026-03-10T10:00", PendingOn);
        regulatory
            .attempts
            .push(attempt(Channel::Phone, "2026-03-10T12:00"));
        assert!(next_due_text(&regulatory).starts_with("Regulatory case: the agency sets"));
        regulatory.agency = AgencyTerm::Days(15);
        assert_eq!(
            next_due_text(&regulatory),
            "Resolution 2026-03-25 10:00 EDT"
        );
    }

    #[test]
    fn attempts_before_receipt_or_in_the_future_are_refused() {
        let received = case("T", General, "2026-11-20T16:30", PendingOn);
        let zone = Zone::named("America/New_York").unwrap();
        let now = at(NY, "2026-11-23T11:45");
        let before = received.check_attempt(at(NY, "2026-11-20T16:29"), now, zone);
        assert_eq!(
            before.unwrap_err().to_string(),
            "An attempt cannot be before the case was received (Fri 20 Nov 2026, 16:30 EST)."
        );
        // Received in New York, typed in London: the receipt is named in London time.
        let in_london = received
            .check_attempt(
                at(NY, "2026-11-19T10:00"),
                now,
                Zone::named("Europe/London").unwrap(),
            )
            .unwrap_err();
        assert!(in_london
            .to_string()
            .contains("(Fri 20 Nov 2026, 21:30 GMT)"));
        assert_eq!(
            received.check_attempt(at(NY, "2026-11-20T16:30"), now, zone),
            Ok(())
        );
        // Up to five minutes ahead of the clock is a clock difference, not the future.
        assert_eq!(
            received.check_attempt(at(NY, "2026-11-23T11:50"), now, zone),
            Ok(())
        );
        assert_eq!(
            received
                .check_attempt(at(NY, "2026-11-23T11:51"), now, zone)
                .unwrap_err()
                .to_string(),
            "An attempt cannot be in the future."
        );
    }

    #[test]
    fn a_case_cannot_be_received_in_the_future() {
        let zone = Zone::named("America/New_York").unwrap();
        let now = at(NY, "2026-11-23T11:45");
        assert_eq!(
            check_received(at(NY, "2026-11-23T11:50"), now, zone),
            Ok(())
        );
        assert_eq!(
            check_received(at(NY, "2026-11-20T16:30"), now, zone),
            Ok(())
        );
        assert_eq!(
            check_received(at(NY, "2026-11-24T09:00"), now, zone)
                .unwrap_err()
                .to_string(),
            "A case in your queue cannot be received in the future (it is now Mon 23 Nov 2026, 11:45 EST): check the date and time."
        );
        assert!(is_in_the_future(at(NY, "2026-11-23T11:51"), now));
        assert!(!is_in_the_future(at(NY, "2026-11-23T11:50"), now));
    }

    #[test]
    fn statuses_have_meanings_and_valid_sources() {
        for status in CaseStatus::ALL {
            assert!(!status.meaning().is_empty());
            let sources = &crate::domain::content::pack_meta().sources;
            let length = crate::domain::pack::PackSource::find(sources, &status.source().doc)
                .map(|doc| doc.lines);
            assert_eq!(status.source().check_within(length), Ok(()));
        }
        assert_eq!(CaseStatus::PendingOn.label(), "Pending on");
        assert_eq!(
            CaseStatus::Acknowledged.source().to_string(),
            "doc 001, line 50"
        );
        assert!(CaseStatus::Incomplete.is_open());
        assert!(!CaseStatus::EslQa.is_open());
    }

    #[test]
    fn cases_round_trip_through_json_storage() {
        let mut stored = case("R-7", Regulatory, "2026-11-01T01:30", LegalReview);
        stored
            .attempts
            .push(attempt(Channel::Phone, "2026-11-02T09:00"));
        stored.agency = AgencyTerm::Date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        stored.notes = "Agency letter attached".to_string();
        stored.high_priority = true;
        let json = serde_json::to_string(&stored).unwrap();
        assert!(json.contains("\"zone\":\"America/New_York\""));
        assert!(json.contains("\"received\":\"2026-11-01T05:30:00Z\""));
        assert!(json.contains("\"status\":\"legal_review\""));
        assert!(json.contains("\"case_type\":\"regulatory\""));
        assert!(json.contains("\"agency\":{\"date\":\"2026-12-01\"}"));
        assert!(json.contains("\"high_priority\":true"));
        let back: Case = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stored);
        let minimal = r#"{"number":"9","customer":"Ann","case_type":"general","received":"2026-03-10T14:00:00Z","zone":"Europe/London","status":"assigned"}"#;
        let minimal: Case = serde_json::from_str(minimal).unwrap();
        assert_eq!(minimal.agency, AgencyTerm::Unset);
        assert!(minimal.attempts.is_empty());
        assert!(
            !minimal.high_priority,
            "old stored cases are not high priority"
        );
    }
}
