//! Queue exports: CSV for spreadsheets (RFC 4180) and an iCalendar file
//! (RFC 5545) with one event and a 30-minute reminder per dated deadline, so
//! deadlines can go into the agent's own calendar.

use super::{Deadline, Due, QueueRow, SlaEngine};
use crate::domain::csv::{csv_table, typed_text};
use chrono::{DateTime, Utc};

/// The queue as CSV: a header row, one row per case, CRLF line endings and
/// fields quoted when they hold a comma, quote or line break. What the agent
/// typed is kept from being read as a spreadsheet formula.
pub fn queue_csv(rows: &[QueueRow], now: DateTime<Utc>) -> String {
    const HEADER: [&str; 12] = [
        "Case number",
        "Customer",
        "Type",
        "Status",
        "Received",
        "Next deadline",
        "Due",
        "Time remaining",
        "Urgency",
        "Next action",
        "Notes",
        "Contact attempts",
    ];
    let records = rows.iter().map(|row| {
        let case = row.case;
        let (kind, due, remaining) = match &row.next {
            Ok(Due::At(deadline)) => (
                deadline.kind.label().to_string(),
                deadline.rfc3339(),
                deadline.time_remaining(now),
            ),
            Ok(Due::Undated {
                kind, explanation, ..
            }) => (kind.label().to_string(), String::new(), explanation.clone()),
            Err(error) => ("Error".to_string(), String::new(), error.to_string()),
        };
        [
            typed_text(&case.number),
            typed_text(&case.customer),
            case.case_type.label().to_string(),
            case.status.label().to_string(),
            case.received_local()
                .map(|local| local.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
                .unwrap_or_else(|error| error.to_string()),
            kind,
            due,
            remaining,
            row.urgency
                .map(|u| u.label().to_string())
                .unwrap_or_default(),
            typed_text(&case.next_action),
            typed_text(&case.notes),
            case.attempts.len().to_string(),
        ]
    });
    csv_table(HEADER, records)
}

/// The dated deadlines still to meet for every row, as an iCalendar file:
/// one VEVENT per deadline starting at the due time, stamped with `now`, with
/// a display reminder 30 minutes before. Cases whose deadlines cannot be
/// computed are left out (the queue shows their error).
pub fn queue_ics(rows: &[QueueRow], engine: &SlaEngine, now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Deskaid//SLA queue//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    for row in rows {
        let Ok(outstanding) = row.case.outstanding(engine) else {
            continue;
        };
        for deadline in outstanding.iter().filter_map(Due::deadline) {
            lines.extend(event_lines(row, deadline, now));
        }
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|line| fold_line(line)).collect()
}

/// The unfolded lines of one deadline's VEVENT.
fn event_lines(row: &QueueRow, deadline: &Deadline, now: DateTime<Utc>) -> Vec<String> {
    let case = row.case;
    let summary = format!(
        "{} due: case {} ({}) - {}",
        deadline.kind.label(),
        case.number,
        case.case_type.label(),
        case.customer
    );
    let mut description = deadline.explanation.clone();
    if !case.next_action.is_empty() {
        description.push_str(&format!("\nNext action: {}", case.next_action));
    }
    description.push_str(&format!("\nSource: {}", deadline.source));
    let kind = match deadline.kind {
        super::DeadlineKind::InitialContact => "initial-contact",
        super::DeadlineKind::Resolution => "resolution",
    };
    vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}-{kind}@deskaid", uid_part(&case.number)),
        format!("DTSTAMP:{}", ics_utc(now)),
        format!("DTSTART:{}", ics_utc(deadline.due.with_timezone(&Utc))),
        format!("SUMMARY:{}", escape_text(&summary)),
        format!("DESCRIPTION:{}", escape_text(&description)),
        "TRANSP:TRANSPARENT".to_string(),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape_text(&summary)),
        "TRIGGER:-PT30M".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
    ]
}

/// An instant in iCalendar UTC form, e.g. "20260309T160000Z".
fn ics_utc(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The case number made safe for a UID: anything but letters, digits, '-',
/// '_' and '.' becomes '-'.
fn uid_part(number: &str) -> String {
    number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and
/// comma get a backslash, line breaks become "\n".
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalized.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Folds a content line so no physical line exceeds 75 octets (RFC 5545
/// section 3.1), never splitting a UTF-8 character; ends it with CRLF.
fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, case, engine_in, NY};
    use super::super::CaseStatus::{self, Assigned, PendingOn};
    use super::super::CaseType::{General, Regulatory};
    use super::super::{build_queue, Case, QueueFilter};
    use super::*;

    fn sample_cases() -> Vec<Case> {
        let mut first = case("1001", General, "2026-03-10T10:00", Assigned);
        first.customer = "Smith, \"Jo\"".to_string();
        first.next_action = "Call back; then email".to_string();
        first.notes = "Line one\nLine two".to_string();
        let mut second = case("R 7", Regulatory, "2026-03-09T09:00", PendingOn);
        second.customer = "Ann".to_string();
        vec![first, second]
    }

    /// The queue of `cases` as CSV at noon on Tuesday 10 March 2026 in New York.
    fn csv_at_noon(cases: &[Case]) -> String {
        let engine = engine_in(NY);
        let now = at(NY, "2026-03-10T12:00");
        let rows = build_queue(cases, &engine, &QueueFilter::default(), now);
        queue_csv(&rows, now)
    }

    #[test]
    fn csv_has_a_header_crlf_lines_and_rfc_4180_quoting() {
        let csv = csv_at_noon(&sample_cases());
        let expected = concat!(
            "Case number,Customer,Type,Status,Received,Next deadline,Due,Time remaining,Urgency,Next action,Notes,Contact attempts\r\n",
            "R 7,Ann,Regulatory,Pending on,2026-03-09T09:00:00-04:00,Initial contact,2026-03-10T09:00:00-04:00,overdue by 3 h,Overdue,,,0\r\n",
            "1001,\"Smith, \"\"Jo\"\"\",General,Assigned,2026-03-10T10:00:00-04:00,Initial contact,2026-03-10T17:00:00-04:00,in 5 h,On track,Call back; then email,\"Line one\nLine two\",0\r\n",
        );
        assert_eq!(csv, expected);
    }

    #[test]
    fn csv_keeps_typed_text_from_running_as_a_formula() {
        let mut cases = sample_cases();
        cases.truncate(1);
        cases[0].number = "=HYPERLINK(\"http://evil\")".to_string();
        cases[0].customer = "@SUM(A1)".to_string();
        cases[0].next_action = "-2+3".to_string();
        cases[0].notes = "+call back, maybe".to_string();
        let csv = csv_at_noon(&cases);
        let record = csv.lines().nth(1).unwrap();
        assert!(
            record.starts_with("\"'=HYPERLINK(\"\"http://evil\"\")\",'@SUM(A1),General,"),
            "{record}"
        );
        assert!(
            record.ends_with(",'-2+3,\"'+call back, maybe\",0"),
            "{record}"
        );
    }

    #[test]
    fn csv_puts_the_reason_in_place_of_a_missing_date() {
        let mut cases = sample_cases();
        cases.truncate(1);
        cases[0].status = CaseStatus::EslQa;
        let csv = csv_at_noon(&cases);
        assert!(csv.contains(",Resolution,,Status ESL QA: Resolved and pending corporate's review. No deadline is tracked.,,"));
    }

    #[test]
    fn ics_has_one_event_per_dated_deadline_with_alarm_folding_and_escaping() {
        let engine = engine_in(NY);
        let cases = sample_cases();
        let now = at(NY, "2026-03-10T12:00");
        let rows = build_queue(&cases, &engine, &QueueFilter::default(), now);
        let ics = queue_ics(&rows, &engine, now);

        assert!(ics
            .starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Deskaid//SLA queue//EN\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line}");
        }
        // R 7: initial contact only (agency not set); 1001: initial contact and resolution.
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
        assert_eq!(ics.matches("TRIGGER:-PT30M").count(), 3);
        assert_eq!(ics.matches("DTSTAMP:20260310T160000Z").count(), 3);
        assert!(ics.contains("UID:R-7-initial-contact@deskaid\r\n"));
        assert!(ics.contains("UID:1001-resolution@deskaid\r\n"));
        assert!(ics.contains("DTSTART:20260310T210000Z\r\n"));
        assert!(ics.contains("DTSTART:20260316T140000Z\r\n"));

        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded
            .contains("SUMMARY:Initial contact due: case 1001 (General) - Smith\\, \"Jo\"\r\n"));
        assert!(unfolded.contains(
            "\\nNext action: Call back\\; then email\\nSource: doc 001\\, lines 9-11\r\n"
        ));
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(40));
        let folded = fold_line(&line);
        let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[0].len(),
            74,
            "12 ASCII octets + 31 two-octet characters"
        );
        assert!(parts[1].starts_with(' '));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        assert_eq!(fold_line("SHORT"), "SHORT\r\n");
        assert_eq!(
            fold_line(&"x".repeat(75)),
            format!("{}\r\n", "x".repeat(75))
        );
        assert_eq!(
            fold_line(&"x".repeat(76)),
            format!("{}\r\n x\r\n", "x".repeat(75))
        );
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }
}
