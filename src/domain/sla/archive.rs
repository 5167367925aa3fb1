//! Archiving resolved cases: which cases have been resolved (ESL QA) for
//! more than a number of days, and the file that keeps them once they leave
//! the queue, so a queue used for years gives its space back without losing
//! a case.

use super::{AgencyTerm, Case};
use crate::domain::csv::{csv_table, typed_text};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use std::fmt;

/// How long a resolved case stays in the queue before it is offered for
/// archiving, by default: a month, long enough for corporate's review
/// (ESL QA, doc 001 line 52) to send it back. An app default, editable.
pub const DEFAULT_ARCHIVE_DAYS: u32 = 30;

/// The longest wait accepted (ten years, as for every day count).
pub const MAX_ARCHIVE_DAYS: u32 = 3650;

/// Why the typed number of days cannot be used; shown beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveDaysError {
    /// Not a whole number (empty, a fraction, a word, negative).
    NotAWholeNumber(String),
    /// More than [`MAX_ARCHIVE_DAYS`].
    TooMany(u64),
}

impl fmt::Display for ArchiveDaysError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveDaysError::NotAWholeNumber(text) if text.is_empty() => write!(
                f,
                "Enter a number of days, such as {DEFAULT_ARCHIVE_DAYS} (0 means every resolved case)."
            ),
            ArchiveDaysError::NotAWholeNumber(text) => write!(
                f,
                "\"{text}\" is not a whole number of days; enter one such as {DEFAULT_ARCHIVE_DAYS}."
            ),
            ArchiveDaysError::TooMany(days) => write!(
                f,
                "{days} days is more than ten years; enter at most {MAX_ARCHIVE_DAYS}."
            ),
        }
    }
}

/// Reads the number of days a resolved case must have been resolved for.
pub fn parse_archive_days(text: &str) -> Result<u32, ArchiveDaysError> {
    let text = text.trim();
    let days: u64 = text
        .parse()
        .map_err(|_| ArchiveDaysError::NotAWholeNumber(text.to_string()))?;
    u32::try_from(days)
        .ok()
        .filter(|days| *days <= MAX_ARCHIVE_DAYS)
        .ok_or(ArchiveDaysError::TooMany(days))
}

/// The cases an archive would take, and how they were dated.
#[derive(Debug, PartialEq)]
pub struct Archivable<'a> {
    /// Resolved long enough ago, in queue order.
    pub cases: Vec<&'a Case>,
    /// How many of them carry no resolution time (resolved before Deskaid
    /// recorded it) and were dated by their receipt instead: a case cannot
    /// have been resolved before it was received, so such a case is taken
    /// only when even its receipt is older than the limit.
    pub dated_by_receipt: usize,
}

/// The resolved cases whose resolution is at least `days` days before `now`.
pub fn archivable(cases: &[Case], now: DateTime<Utc>, days: u32) -> Archivable<'_> {
    let limit = now - Duration::days(i64::from(days));
    let mut archivable = Archivable {
        cases: Vec::new(),
        dated_by_receipt: 0,
    };
    for case in cases.iter().filter(|case| !case.status.is_open()) {
        if case.resolved_at.unwrap_or(case.received) <= limit {
            archivable.cases.push(case);
            archivable.dated_by_receipt += usize::from(case.resolved_at.is_none());
        }
    }
    archivable
}

/// The archive file's name for an archive made on `local_date` (the user's
/// own day, `YYYY-MM-DD`).
pub fn archive_file_name(local_date: &str) -> String {
    format!("deskaid-archived-cases-{local_date}.csv")
}

/// The archived cases as CSV, every field of each case: what the queue knew
/// is in the file once the cases leave it. Times are in each case's own zone,
/// with their offsets.
pub fn archive_csv(cases: &[&Case]) -> String {
    const HEADER: [&str; 12] = [
        "Case number",
        "Customer",
        "Type",
        "Status",
        "High priority",
        "Received",
        "Zone",
        "Resolved",
        "Agency deadline",
        "Next action",
        "Notes",
        "Contact attempts",
    ];
    let records = cases.iter().map(|case| {
        let local = |at: DateTime<Utc>| {
            at.with_timezone(&case.zone)
                .to_rfc3339_opts(SecondsFormat::Secs, false)
        };
        let attempts: Vec<String> = case
            .attempts
            .iter()
            .map(|attempt| format!("{} {}", attempt.channel.label(), local(attempt.at)))
            .collect();
        [
            typed_text(&case.number),
            typed_text(&case.customer),
            case.case_type.label().to_string(),
            case.status.label().to_string(),
            if case.high_priority { "yes" } else { "no" }.to_string(),
            local(case.received),
            case.zone.name().to_string(),
            case.resolved_at
                .map_or("before Deskaid recorded it".to_string(), local),
            match case.agency {
                AgencyTerm::Unset => String::new(),
                AgencyTerm::Days(days) => format!("{days} days"),
                AgencyTerm::Date(date) => date.to_string(),
            },
            typed_text(&case.next_action),
            typed_text(&case.notes),
            attempts.join("; "),
        ]
    });
    csv_table(HEADER, records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sla::testing::{at, attempt, case, NY};
    use crate::domain::sla::{CaseStatus, CaseType, Channel};

    fn resolved(number: &str, received: &str, resolved: Option<&str>) -> Case {
        let mut case = case(number, CaseType::General, received, CaseStatus::EslQa);
        case.resolved_at = resolved.map(|local| at(NY, local));
        case
    }

    #[test]
    fn resolved_cases_are_taken_once_resolved_for_the_days_given() {
        let now = at(NY, "2026-12-04 09:00");
        let cases = vec![
            resolved("old", "2026-10-01 10:00", Some("2026-10-20 16:00")),
            // Resolved 29 days and 23 hours ago: not yet.
            resolved("recent", "2026-10-01 10:00", Some("2026-11-04 10:00")),
            // 30 days and an hour: days are 24-hour spans back from now, and
            // the New York clock went back an hour in between.
            resolved("boundary", "2026-10-01 10:00", Some("2026-11-04 08:00")),
            case(
                "open",
                CaseType::General,
                "2026-01-05 10:00",
                CaseStatus::PendingOn,
            ),
            // Resolved before resolution times were recorded: dated by receipt.
            resolved("legacy-old", "2026-09-01 10:00", None),
            resolved("legacy-recent", "2026-11-20 10:00", None),
        ];
        let taken = archivable(&cases, now, 30);
        let numbers: Vec<&str> = taken.cases.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers, ["old", "boundary", "legacy-old"]);
        assert_eq!(taken.dated_by_receipt, 1);
        // 0 days: every resolved case, whenever resolved.
        assert_eq!(archivable(&cases, now, 0).cases.len(), 5);
        assert!(archivable(&cases, now, 3650).cases.is_empty());
    }

    #[test]
    fn a_case_resolved_reopened_and_resolved_again_counts_from_the_last_time() {
        let mut case = case(
            "C-1",
            CaseType::General,
            "2026-10-01 10:00",
            CaseStatus::PendingOn,
        );
        case.set_status(CaseStatus::EslQa, at(NY, "2026-10-02 10:00"));
        assert_eq!(case.resolved_at, Some(at(NY, "2026-10-02 10:00")));
        // Saved again with the same status: the time stays.
        case.set_status(CaseStatus::EslQa, at(NY, "2026-10-05 10:00"));
        assert_eq!(case.resolved_at, Some(at(NY, "2026-10-02 10:00")));
        case.set_status(CaseStatus::Incomplete, at(NY, "2026-11-01 10:00"));
        assert_eq!(case.resolved_at, None);
        case.set_status(CaseStatus::EslQa, at(NY, "2026-11-30 10:00"));
        let now = at(NY, "2026-12-04 09:00");
        assert!(archivable(std::slice::from_ref(&case), now, 30)
            .cases
            .is_empty());
        assert_eq!(
            archivable(std::slice::from_ref(&case), now, 3).cases.len(),
            1
        );
    }

    #[test]
    fn the_archive_file_keeps_every_field_of_each_case() {
        let mut regulatory = resolved("R-7", "2026-07-01 09:30", Some("2026-07-20 15:00"));
        regulatory.case_type = CaseType::Regulatory;
        regulatory.agency = AgencyTerm::Days(15);
        regulatory.high_priority = true;
        regulatory.customer = "=Smith, Jo".to_string();
        regulatory.notes = "Called twice.\nSent \"final\" letter.".to_string();
        regulatory.next_action = "None".to_string();
        regulatory.attempts = vec![
            attempt(Channel::Phone, "2026-07-01 11:00"),
            attempt(Channel::Email, "2026-07-02 09:00"),
        ];
        let legacy = resolved("G-1", "2026-01-05 10:00", None);
        assert_eq!(
            archive_csv(&[&regulatory, &legacy]),
            "Case number,Customer,Type,Status,High priority,Received,Zone,Resolved,Agency deadline,Next action,Notes,Contact attempts\r\n\
             R-7,\"'=Smith, Jo\",Regulatory,ESL QA,yes,2026-07-01T09:30:00-04:00,America/New_York,2026-07-20T15:00:00-04:00,15 days,None,\"Called twice.\nSent \"\"final\"\" letter.\",phone 2026-07-01T11:00:00-04:00; email 2026-07-02T09:00:00-04:00\r\n\
             G-1,Customer G-1,General,ESL QA,no,2026-01-05T10:00:00-05:00,America/New_York,before Deskaid recorded it,,,,\r\n"
        );
        assert_eq!(
            archive_file_name("2026-12-04"),
            "deskaid-archived-cases-2026-12-04.csv"
        );
    }

    #[test]
    fn the_days_must_be_a_whole_number_up_to_ten_years() {
        assert_eq!(parse_archive_days(" 30 "), Ok(30));
        assert_eq!(parse_archive_days("0"), Ok(0));
        assert_eq!(parse_archive_days("3650"), Ok(3650));
        for (text, words) in [
            (
                "",
                "Enter a number of days, such as 30 (0 means every resolved case).",
            ),
            (
                "2.5",
                "\"2.5\" is not a whole number of days; enter one such as 30.",
            ),
            (
                "-1",
                "\"-1\" is not a whole number of days; enter one such as 30.",
            ),
            (
                "thirty",
                "\"thirty\" is not a whole number of days; enter one such as 30.",
            ),
            (
                "3651",
                "3651 days is more than ten years; enter at most 3650.",
            ),
            (
                "99999999999",
                "99999999999 days is more than ten years; enter at most 3650.",
            ),
        ] {
            assert_eq!(
                parse_archive_days(text).unwrap_err().to_string(),
                words,
                "{text:?}"
            );
        }
    }
}
