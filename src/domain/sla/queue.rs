//! The case queue: case records as stored, each case's next deadline and its
//! urgency, sorting most urgent first, filtering, the contact-attempts rule
//! (doc 001 lines 68-70) and the end-of-shift check (doc 001 lines 58-59).

use super::calendar::check_supported;
use super::{
    plural, AgencyTerm, CaseType, DeadlineKind, Due, HumanTime, SlaEngine, SlaError, Urgency,
};
use crate::domain::source::SourceRef;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
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
        received: DateTime<Tz>,
    },
    /// A contact attempt dated after now.
    AttemptInTheFuture,
    /// A case whose receipt time is after now.
    ReceivedInTheFuture {
        /// The current time, in the zone the receipt time was typed in.
        now: DateTime<Tz>,
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
    zone: Tz,
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
    pub zone: Tz,
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
}

impl Case {
    /// The receipt time in the zone it was entered in (an error for stored
    /// instants outside the supported years).
    pub fn received_local(&self) -> Result<DateTime<Tz>, SlaError> {
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
        zone: Tz,
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

/// Which cases the queue shows; `None` means any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueFilter {
    /// Only this case type.
    pub case_type: Option<CaseType>,
    /// Only this status.
    pub status: Option<CaseStatus>,
}

impl QueueFilter {
    /// Whether `case` passes the filter.
    pub fn matches(&self, case: &Case) -> bool {
        self.case_type.is_none_or(|t| t == case.case_type)
            && self.status.is_none_or(|s| s == case.status)
    }
}

/// One line of the queue: the case, its next deadline and how pressing it is.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueRow<'a> {
    /// The case.
    pub case: &'a Case,
    /// Its next deadline, or the error that kept it from being computed.
    pub next: Result<Due, SlaError>,
    /// Urgency of a dated deadline at the time the queue was built.
    pub urgency: Option<Urgency>,
}

impl QueueRow<'_> {
    /// Sort group: dated deadlines first, then errors to fix, then undated.
    fn group(&self) -> u8 {
        match &self.next {
            Ok(Due::At(_)) => 0,
            Err(_) => 1,
            Ok(Due::Undated { .. }) => 2,
        }
    }
}

/// The filtered queue at `now`, most urgent first: dated deadlines by due
/// time (so the most overdue lead), then cases whose deadline could not be
/// computed, then cases with no date; ties by case number.
pub fn build_queue<'a>(
    cases: &'a [Case],
    engine: &SlaEngine,
    filter: &QueueFilter,
    now: DateTime<Utc>,
) -> Vec<QueueRow<'a>> {
    let mut rows: Vec<QueueRow<'a>> = cases
        .iter()
        .filter(|case| filter.matches(case))
        .map(|case| {
            let next = case.next_due(engine);
            let urgency = match &next {
                Ok(Due::At(deadline)) => Some(engine.urgency(deadline, now)),
                _ => None,
            };
            QueueRow {
                case,
                next,
                urgency,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let due = |row: &QueueRow| match &row.next {
            Ok(Due::At(deadline)) => Some(deadline.due.with_timezone(&Utc)),
            _ => None,
        };
        a.group()
            .cmp(&b.group())
            .then_with(|| due(a).cmp(&due(b)))
            .then_with(|| a.case.number.cmp(&b.case.number))
    });
    rows
}

/// The end-of-shift check: cases still in Assigned, which doc 001 line 59
/// says to leave none of.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftCheck<'a> {
    /// Cases still in Assigned.
    pub assigned: Vec<&'a Case>,
    /// One sentence with the result.
    pub explanation: String,
    /// The document lines of the practice.
    pub source: SourceRef,
}

/// Lists the cases left in Assigned before the end of a shift.
pub fn end_of_shift_check<'a>(cases: &'a [Case], engine: &SlaEngine) -> ShiftCheck<'a> {
    let assigned: Vec<&Case> = cases
        .iter()
        .filter(|case| case.status == CaseStatus::Assigned)
        .collect();
    let explanation = if assigned.is_empty() {
        "No case is left in Assigned, so the queue is ready for the end of the shift.".to_string()
    } else {
        let numbers: Vec<&str> = assigned.iter().map(|case| case.number.as_str()).collect();
        format!(
            "{} still in Assigned ({}): move {} to Pending on before the end of your shift.",
            plural(u32::try_from(assigned.len()).unwrap_or(u32::MAX), "case"),
            numbers.join(", "),
            if assigned.len() == 1 { "it" } else { "them" },
        )
    };
    ShiftCheck {
        assigned,
        explanation,
        source: engine.settings().queue.end_of_shift_source.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, engine_in, show};
    use super::*;
    use chrono::NaiveDate;

    const NY: &str = "America/New_York";

    fn case(number: &str, case_type: CaseType, received: &str, status: CaseStatus) -> Case {
        Case {
            number: number.to_string(),
            customer: format!("Customer {number}"),
            case_type,
            received: at(NY, received),
            zone: chrono_tz::America::New_York,
            status,
            next_action: String::new(),
            notes: String::new(),
            attempts: Vec::new(),
            agency: AgencyTerm::Unset,
        }
    }

    fn attempt(channel: Channel, local: &str) -> ContactAttempt {
        ContactAttempt {
            channel,
            at: at(NY, local),
        }
    }

    fn next_due_text(case: &Case) -> String {
        let engine = engine_in(NY);
        match case.next_due(&engine).unwrap() {
            Due::At(deadline) => format!("{} {}", deadline.kind.label(), show(&deadline.due)),
            Due::Undated { explanation, .. } => explanation,
        }
    }

    #[test]
    fn next_deadline_is_initial_contact_until_an_attempt_then_resolution() {
        let mut general = case(
            "G1",
            CaseType::General,
            "2026-03-10T10:00",
            CaseStatus::Assigned,
        );
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

        let mut regulatory = case(
            "R1",
            CaseType::Regulatory,
            "2026-03-10T10:00",
            CaseStatus::PendingOn,
        );
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
    fn queue_sorts_most_urgent_first_with_urgency_states() {
        let engine = engine_in(NY);
        let now = at(NY, "2026-03-10T15:30");
        let mut resolved = case(
            "D",
            CaseType::General,
            "2026-03-09T10:00",
            CaseStatus::EslQa,
        );
        resolved
            .attempts
            .push(attempt(Channel::Email, "2026-03-09T11:00"));
        let cases = vec![
            resolved,
            // Due 2026-03-11 12:00: on track.
            case(
                "C",
                CaseType::General,
                "2026-03-10T15:10",
                CaseStatus::Assigned,
            ),
            // Due 17:00 today: due soon.
            case(
                "B",
                CaseType::General,
                "2026-03-10T09:30",
                CaseStatus::Acknowledged,
            ),
            // Executive, 2 clock hours from 12:00: overdue.
            case(
                "A",
                CaseType::Executive,
                "2026-03-10T12:00",
                CaseStatus::Assigned,
            ),
            case(
                "E",
                CaseType::Regulatory,
                "2026-03-10T08:00",
                CaseStatus::PendingOn,
            ),
        ];
        let rows = build_queue(&cases, &engine, &QueueFilter::default(), now);
        let order: Vec<(&str, Option<Urgency>)> = rows
            .iter()
            .map(|r| (r.case.number.as_str(), r.urgency))
            .collect();
        assert_eq!(
            order,
            vec![
                ("A", Some(Urgency::Overdue)),
                ("B", Some(Urgency::DueSoon)),
                ("E", Some(Urgency::OnTrack)),
                ("C", Some(Urgency::OnTrack)),
                ("D", None),
            ]
        );

        let executives = QueueFilter {
            case_type: Some(CaseType::Executive),
            status: None,
        };
        let rows = build_queue(&cases, &engine, &executives, now);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].case.number, "A");

        let assigned = QueueFilter {
            case_type: Some(CaseType::General),
            status: Some(CaseStatus::Assigned),
        };
        let numbers: Vec<&str> = build_queue(&cases, &engine, &assigned, now)
            .iter()
            .map(|r| r.case.number.as_str())
            .collect();
        assert_eq!(numbers, vec!["C"]);
    }

    #[test]
    fn queue_shows_a_bad_agency_term_as_an_error_after_dated_rows() {
        let engine = engine_in(NY);
        let mut bad = case(
            "A",
            CaseType::Regulatory,
            "2026-03-10T10:00",
            CaseStatus::PendingOn,
        );
        bad.attempts
            .push(attempt(Channel::Email, "2026-03-10T11:00"));
        bad.agency = AgencyTerm::Days(0);
        let cases = vec![
            bad,
            case(
                "B",
                CaseType::General,
                "2026-03-10T10:00",
                CaseStatus::Assigned,
            ),
        ];
        let rows = build_queue(
            &cases,
            &engine,
            &QueueFilter::default(),
            at(NY, "2026-03-10T12:00"),
        );
        assert_eq!(rows[0].case.number, "B");
        assert_eq!(rows[1].next, Err(SlaError::AgencyDays(0)));
        assert_eq!(rows[1].urgency, None);
    }

    #[test]
    fn attempts_rule_needs_three_business_days_and_both_channels() {
        let engine = engine_in(NY);
        let mut worked = case(
            "G",
            CaseType::General,
            "2026-03-09T10:00",
            CaseStatus::PendingOn,
        );
        // Monday email and phone, Tuesday email: two business days so far.
        worked.attempts = vec![
            attempt(Channel::Email, "2026-03-09T10:30"),
            attempt(Channel::Phone, "2026-03-09T16:00"),
            attempt(Channel::Email, "2026-03-10T10:00"),
        ];
        let report = worked.attempts_report(&engine);
        assert!(!report.met);
        assert_eq!(report.business_days, 2);
        assert_eq!(
            report.explanation,
            "Still needed: an attempt on 1 more business day."
        );
        // A Saturday attempt does not add a business day, and the text says so.
        worked
            .attempts
            .push(attempt(Channel::Phone, "2026-03-14T10:00"));
        let report = worked.attempts_report(&engine);
        assert_eq!(report.business_days, 2);
        assert_eq!(
            report.explanation,
            "Still needed: an attempt on 1 more business day (1 attempt on a closed day does not count)."
        );
        // Thursday's attempt makes three different days; they need not be back to back.
        worked
            .attempts
            .push(attempt(Channel::Phone, "2026-03-12T09:15"));
        let report = worked.attempts_report(&engine);
        assert!(report.met);
        assert_eq!(
            report.explanation,
            "Rule met: attempts on 3 different business days (3 needed), by email and phone (1 attempt on a closed day does not count)."
        );
        assert_eq!(report.source.to_string(), "doc 001, lines 68-70");

        let mut email_only = case(
            "H",
            CaseType::General,
            "2026-03-09T10:00",
            CaseStatus::PendingOn,
        );
        email_only.attempts = ["2026-03-09T10:00", "2026-03-10T10:00", "2026-03-11T10:00"]
            .into_iter()
            .map(|local| attempt(Channel::Email, local))
            .collect();
        let report = email_only.attempts_report(&engine);
        assert!(!report.met);
        assert!(report.used_email && !report.used_phone);
        assert_eq!(report.explanation, "Still needed: an attempt by phone.");
    }

    #[test]
    fn the_missing_channels_are_named_with_their_articles() {
        let engine = engine_in(NY);
        let mut phone_only = case(
            "P",
            CaseType::General,
            "2026-03-09T10:00",
            CaseStatus::PendingOn,
        );
        phone_only.attempts = vec![attempt(Channel::Phone, "2026-03-09T10:00")];
        assert_eq!(
            phone_only.attempts_report(&engine).explanation,
            "Still needed: attempts on 2 more business days, by email."
        );
        phone_only
            .attempts
            .push(attempt(Channel::Phone, "2026-03-10T10:00"));
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
            attempt(Channel::Phone, "2026-03-14T10:00"),
            attempt(Channel::Email, "2026-03-15T10:00"),
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
        let mut single = case(
            "S",
            CaseType::General,
            "2026-03-09T10:00",
            CaseStatus::PendingOn,
        );
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
        single.attempts = vec![attempt(Channel::Phone, "2026-03-09T11:00")];
        assert_eq!(
            single.attempts_report(&any_channel).explanation,
            "Rule met: attempts on 1 different business day (1 needed), by phone."
        );
    }

    #[test]
    fn attempts_before_receipt_or_in_the_future_are_refused() {
        let received = case(
            "T",
            CaseType::General,
            "2026-11-20T16:30",
            CaseStatus::PendingOn,
        );
        let zone = chrono_tz::America::New_York;
        let now = at(NY, "2026-11-23T11:45");
        let before = received.check_attempt(at(NY, "2026-11-20T16:29"), now, zone);
        assert_eq!(
            before.unwrap_err().to_string(),
            "An attempt cannot be before the case was received (Fri 20 Nov 2026, 16:30 EST)."
        );
        // Received in New York, typed in London: the receipt is named in London time.
        let in_london = received
            .check_attempt(at(NY, "2026-11-19T10:00"), now, chrono_tz::Europe::London)
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
        let zone = chrono_tz::America::New_York;
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
    fn attempts_in_the_late_evening_count_on_the_local_date() {
        let engine = engine_in(NY);
        let mut late = case(
            "L",
            CaseType::General,
            "2026-03-09T10:00",
            CaseStatus::PendingOn,
        );
        // 21:00 in New York is already the next day in UTC.
        late.attempts = vec![
            attempt(Channel::Email, "2026-03-09T21:00"),
            attempt(Channel::Phone, "2026-03-10T08:00"),
        ];
        assert_eq!(late.attempts_report(&engine).business_days, 2);
    }

    #[test]
    fn end_of_shift_lists_cases_left_in_assigned() {
        let engine = engine_in(NY);
        let cases = vec![
            case(
                "1",
                CaseType::General,
                "2026-03-10T10:00",
                CaseStatus::Assigned,
            ),
            case(
                "2",
                CaseType::General,
                "2026-03-10T10:00",
                CaseStatus::PendingOn,
            ),
            case(
                "3",
                CaseType::Executive,
                "2026-03-10T10:00",
                CaseStatus::Assigned,
            ),
        ];
        let check = end_of_shift_check(&cases, &engine);
        assert_eq!(check.assigned.len(), 2);
        assert_eq!(
            check.explanation,
            "2 cases still in Assigned (1, 3): move them to Pending on before the end of your shift."
        );
        assert_eq!(check.source.to_string(), "doc 001, lines 58-59");
        let clear = end_of_shift_check(&cases[1..2], &engine);
        assert!(clear.assigned.is_empty());
        assert!(clear.explanation.starts_with("No case is left in Assigned"));
    }

    #[test]
    fn statuses_have_meanings_and_valid_sources() {
        for status in CaseStatus::ALL {
            assert!(!status.meaning().is_empty());
            assert_eq!(status.source().validate(), Ok(()));
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
        let mut stored = case(
            "R-7",
            CaseType::Regulatory,
            "2026-11-01T01:30",
            CaseStatus::LegalReview,
        );
        stored
            .attempts
            .push(attempt(Channel::Phone, "2026-11-02T09:00"));
        stored.agency = AgencyTerm::Date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        stored.notes = "Agency letter attached".to_string();
        let json = serde_json::to_string(&stored).unwrap();
        assert!(json.contains("\"zone\":\"America/New_York\""));
        assert!(json.contains("\"received\":\"2026-11-01T05:30:00Z\""));
        assert!(json.contains("\"status\":\"legal_review\""));
        assert!(json.contains("\"case_type\":\"regulatory\""));
        assert!(json.contains("\"agency\":{\"date\":\"2026-12-01\"}"));
        let back: Case = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stored);
        let minimal = r#"{"number":"9","customer":"Ann","case_type":"general","received":"2026-03-10T14:00:00Z","zone":"Europe/London","status":"assigned"}"#;
        let minimal: Case = serde_json::from_str(minimal).unwrap();
        assert_eq!(minimal.agency, AgencyTerm::Unset);
        assert!(minimal.attempts.is_empty());
    }
}
