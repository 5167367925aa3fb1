//! The case queue: each case's next deadline and its urgency, sorted most
//! urgent first and filtered, and the end-of-shift check (doc 001 lines
//! 58-59).

use super::{Case, CaseStatus, CaseType, Due, SlaEngine, SlaError, Urgency};
use crate::domain::source::SourceRef;
use crate::domain::text::plural;
use chrono::{DateTime, Utc};

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

/// How many cases the queue draws at first, and how many more each "Show
/// more" adds: a queue kept for years holds thousands, and drawing 2,000
/// rows at once took 15 seconds in Chromium on a quiet machine.
pub const ROWS_AT_A_TIME: usize = 100;

/// The line above the queue: how many cases there are, how many the filter
/// lets through (`matching`), and how many of those are drawn (`drawn`,
/// the most urgent ones).
pub fn queue_summary(matching: usize, all: usize, drawn: usize) -> String {
    let cases = |count: usize| plural(count as u64, "case").to_string();
    match (matching, all) {
        (_, 0) => "Your queue is empty: add a case below.".to_string(),
        (matching, all) if drawn < matching && matching == all => {
            format!("{}; the {drawn} most urgent are listed.", cases(all))
        }
        (matching, all) if drawn < matching => {
            format!("Showing {matching} of {all} cases; the {drawn} most urgent are listed.")
        }
        (matching, all) if matching == all => format!("{}.", cases(all)),
        (matching, all) => format!("Showing {matching} of {all} cases."),
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
/// computed, then cases with no date; among equal deadlines the High Priority
/// cases of doc 001 lines 21-25 first, then by case number.
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
            .then_with(|| b.case.high_priority.cmp(&a.case.high_priority))
            .then_with(|| a.case.number.cmp(&b.case.number))
    });
    rows
}

/// The end-of-shift check of doc 001 line 59, "Make sure all cases are in
/// pending on by the end of your shift (leave none in assigned status)":
/// every open case not yet in Pending on.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftCheck<'a> {
    /// Open cases in any status but Pending on, in the stored order.
    pub not_pending: Vec<&'a Case>,
    /// One sentence with the result.
    pub explanation: String,
    /// Where Deskaid reads the line more softly than its words, said on the
    /// screen so an agent knows what the check does not count.
    pub reading: &'static str,
    /// The document lines of the practice.
    pub source: SourceRef,
}

/// How Deskaid reads "all cases": a resolved case has left the agent's work.
const SHIFT_CHECK_READING: &str = "The line says all cases; Deskaid does not count cases in ESL QA, which are resolved and pending corporate's review.";

/// Lists the open cases not in Pending on before the end of a shift (none
/// may be left in Assigned, Acknowledged, Legal Review or Incomplete).
pub fn end_of_shift_check<'a>(cases: &'a [Case], engine: &SlaEngine) -> ShiftCheck<'a> {
    let not_pending: Vec<&Case> = cases
        .iter()
        .filter(|case| case.status.is_open() && case.status != CaseStatus::PendingOn)
        .collect();
    let groups: Vec<(CaseStatus, Vec<&str>)> = CaseStatus::ALL
        .into_iter()
        .map(|status| {
            let numbers = not_pending
                .iter()
                .filter(|case| case.status == status)
                .map(|case| case.number.as_str())
                .collect();
            (status, numbers)
        })
        .filter(|(_, numbers): &(CaseStatus, Vec<&str>)| !numbers.is_empty())
        .collect();
    let count = |n: usize| plural(u32::try_from(n).unwrap_or(u32::MAX), "case");
    let pronoun = if not_pending.len() == 1 { "it" } else { "them" };
    let explanation = match groups.as_slice() {
        [] => "Every open case is in Pending on, so the queue is ready for the end of the shift."
            .to_string(),
        [(status, numbers)] => format!(
            "{} still in {} ({}): move {pronoun} to Pending on before the end of your shift.",
            count(numbers.len()),
            status.label(),
            numbers.join(", "),
        ),
        groups => format!(
            "{} not yet in Pending on: {}. Move them to Pending on before the end of your shift.",
            count(not_pending.len()),
            groups
                .iter()
                .map(|(status, numbers)| format!(
                    "{} in {} ({})",
                    numbers.len(),
                    status.label(),
                    numbers.join(", ")
                ))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    };
    ShiftCheck {
        not_pending,
        explanation,
        reading: SHIFT_CHECK_READING,
        source: engine.settings().queue.end_of_shift_source.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, attempt, case, engine_in, NY};
    use super::super::CaseStatus::{
        Acknowledged, Assigned, EslQa, Incomplete, LegalReview, PendingOn,
    };
    use super::super::CaseType::{Executive, General, Regulatory};
    use super::super::{AgencyTerm, Channel};
    use super::*;

    #[test]
    fn the_summary_says_how_many_cases_match_and_are_listed() {
        assert_eq!(
            queue_summary(0, 0, 0),
            "Your queue is empty: add a case below."
        );
        assert_eq!(queue_summary(1, 1, 1), "1 case.");
        assert_eq!(queue_summary(40, 40, 40), "40 cases.");
        assert_eq!(queue_summary(3, 40, 3), "Showing 3 of 40 cases.");
        assert_eq!(
            queue_summary(2000, 2000, 100),
            "2000 cases; the 100 most urgent are listed."
        );
        assert_eq!(
            queue_summary(700, 2000, 200),
            "Showing 700 of 2000 cases; the 200 most urgent are listed."
        );
        assert_eq!(queue_summary(0, 5, 0), "Showing 0 of 5 cases.");
    }

    #[test]
    fn queue_sorts_most_urgent_first_with_urgency_states() {
        let engine = engine_in(NY);
        let now = at(NY, "2026-03-10T15:30");
        let mut resolved = case("D", General, "2026-03-09T10:00", EslQa);
        resolved
            .attempts
            .push(attempt(Channel::Email, "2026-03-09T11:00"));
        let cases = vec![
            resolved,
            // Due 2026-03-11 12:00: on track.
            case("C", General, "2026-03-10T15:10", Assigned),
            // Due 17:00 today: due soon.
            case("B", General, "2026-03-10T09:30", Acknowledged),
            // Executive, 2 clock hours from 12:00: overdue.
            case("A", Executive, "2026-03-10T12:00", Assigned),
            case("E", Regulatory, "2026-03-10T08:00", PendingOn),
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
    fn high_priority_cases_lead_among_equal_deadlines_only() {
        let engine = engine_in(NY);
        let now = at(NY, "2026-03-10T12:00");
        let mut legal = case("Z", General, "2026-03-10T10:00", Assigned);
        legal.high_priority = true;
        let mut early_flagged = case("Y", General, "2026-03-10T16:00", Assigned);
        early_flagged.high_priority = true;
        let cases = vec![
            case("A", General, "2026-03-10T10:00", Assigned),
            early_flagged,
            legal,
            case("B", General, "2026-03-10T10:00", Assigned),
            // Due earlier (an overdue executive contact) beats any flag.
            case("X", Executive, "2026-03-10T09:00", Assigned),
        ];
        let order: Vec<&str> = build_queue(&cases, &engine, &QueueFilter::default(), now)
            .iter()
            .map(|r| r.case.number.as_str())
            .collect();
        assert_eq!(order, ["X", "Z", "A", "B", "Y"]);
    }

    #[test]
    fn queue_shows_a_bad_agency_term_as_an_error_after_dated_rows() {
        let engine = engine_in(NY);
        let mut bad = case("A", Regulatory, "2026-03-10T10:00", PendingOn);
        bad.attempts
            .push(attempt(Channel::Email, "2026-03-10T11:00"));
        bad.agency = AgencyTerm::Days(0);
        let cases = vec![bad, case("B", General, "2026-03-10T10:00", Assigned)];
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
    fn end_of_shift_lists_cases_left_in_assigned() {
        let engine = engine_in(NY);
        let cases = vec![
            case("1", General, "2026-03-10T10:00", Assigned),
            case("2", General, "2026-03-10T10:00", PendingOn),
            case("3", Executive, "2026-03-10T10:00", Assigned),
        ];
        let check = end_of_shift_check(&cases, &engine);
        assert_eq!(check.not_pending.len(), 2);
        assert_eq!(
            check.explanation,
            "2 cases still in Assigned (1, 3): move them to Pending on before the end of your shift."
        );
        assert_eq!(check.source.to_string(), "doc 001, lines 58-59");
        let clear = end_of_shift_check(&cases[1..2], &engine);
        assert!(clear.not_pending.is_empty());
        assert!(clear
            .explanation
            .starts_with("Every open case is in Pending on"));
    }

    /// General cases received at the same time, one per number and status.
    fn cases_in(statuses: &[(&str, CaseStatus)]) -> Vec<Case> {
        statuses
            .iter()
            .map(|(number, status)| case(number, General, "2026-03-10T10:00", *status))
            .collect()
    }

    #[test]
    fn end_of_shift_wants_every_open_case_in_pending_on() {
        let engine = engine_in(NY);
        let acknowledged = cases_in(&[("1", Acknowledged), ("2", Acknowledged)]);
        let check = end_of_shift_check(&acknowledged, &engine);
        assert_eq!(check.not_pending.len(), 2, "Acknowledged is not Pending on");
        assert_eq!(
            check.explanation,
            "2 cases still in Acknowledged (1, 2): move them to Pending on before the end of your shift."
        );
        let mixed = cases_in(&[
            ("A", Incomplete),
            ("B", Assigned),
            ("C", PendingOn),
            ("D", LegalReview),
            ("E", EslQa),
            ("F", Acknowledged),
        ]);
        let check = end_of_shift_check(&mixed, &engine);
        let numbers: Vec<&str> = check
            .not_pending
            .iter()
            .map(|c| c.number.as_str())
            .collect();
        assert_eq!(
            numbers,
            ["A", "B", "D", "F"],
            "resolved ESL QA is not counted"
        );
        assert_eq!(
            check.explanation,
            "4 cases not yet in Pending on: 1 in Assigned (B), 1 in Acknowledged (F), \
             1 in Legal Review (D), 1 in Incomplete (A). Move them to Pending on before the end of your shift."
        );
        assert!(check.reading.contains("ESL QA"));
        let done = cases_in(&[("C", PendingOn), ("E", EslQa)]);
        assert!(end_of_shift_check(&done, &engine).not_pending.is_empty());
    }
}
