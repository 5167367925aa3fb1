//! Reading what a person typed into the SLA forms (the calculator, the
//! queue's add form and attempt log, the rules editor), with one message per
//! problem in the words the forms show. Shared here so every form reads the
//! agency's term, a date-time or a zone the same way.

use super::{
    area_zone_for, is_suggested_zone, legacy_zone_warning, parse_local_datetime, parse_zone,
    AgencyTerm, ParsedLocal, SlaError,
};
use crate::domain::text::sentence;
use crate::domain::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;

/// What an empty receipt-time field asks for.
pub const ASK_RECEIVED: &str = "Enter the date and time the case was received.";
/// What an empty attempt-time field asks for.
pub const ASK_ATTEMPT: &str = "Enter when the attempt was made.";

/// Why one of the agency's two fields (regulatory cases) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyInputError {
    /// The days, as typed, are not a whole number.
    NotWholeDays(String),
    /// The date, as typed, is not YYYY-MM-DD.
    NotADate(String),
    /// Both a number of days and a date were given.
    Both,
}

impl fmt::Display for AgencyInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotWholeDays(days) => write!(
                f,
                "\u{201c}{days}\u{201d} is not a whole number of days; enter the agency's days as a number, for example 30."
            ),
            Self::NotADate(date) => write!(
                f,
                "\u{201c}{date}\u{201d} is not a date in the form YYYY-MM-DD."
            ),
            Self::Both => f.write_str(
                "Enter either the agency's number of days or its due date, not both.",
            ),
        }
    }
}

/// The agency's term read from its two optional fields, and what is wrong
/// with each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyInput {
    /// The term to compute with (`Unset` when neither field is usable).
    pub term: AgencyTerm,
    /// What is wrong with the days field.
    pub days_error: Option<AgencyInputError>,
    /// What is wrong with the date field.
    pub date_error: Option<AgencyInputError>,
}

/// Reads the agency's term of a regulatory case from its number of days and
/// its due date, either of which may be empty.
pub fn read_agency(days: &str, date: &str) -> AgencyInput {
    let (days, date) = (days.trim(), date.trim());
    let mut input = AgencyInput {
        term: AgencyTerm::Unset,
        days_error: None,
        date_error: None,
    };
    if !days.is_empty() {
        match days.parse::<u32>() {
            Ok(n) => input.term = AgencyTerm::Days(n),
            Err(_) => input.days_error = Some(AgencyInputError::NotWholeDays(days.to_string())),
        }
    }
    if !date.is_empty() {
        match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(_) if !days.is_empty() => input.date_error = Some(AgencyInputError::Both),
            Ok(d) => input.term = AgencyTerm::Date(d),
            Err(_) => input.date_error = Some(AgencyInputError::NotADate(date.to_string())),
        }
    }
    input
}

/// Why a date-time field cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateTimeInputError {
    /// Nothing was typed; holds what to ask for (e.g. [`ASK_RECEIVED`]).
    Empty(&'static str),
    /// What the calendar said about the text typed.
    Invalid(SlaError),
}

impl fmt::Display for DateTimeInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty(ask) => f.write_str(ask),
            Self::Invalid(error) => f.write_str(&sentence(&error.to_string())),
        }
    }
}

/// Reads a `datetime-local` value in `zone`; an empty field asks with `ask`.
pub fn read_local_datetime(
    text: &str,
    zone: Zone,
    ask: &'static str,
) -> Result<ParsedLocal, DateTimeInputError> {
    parse_local_datetime(text, zone).map_err(|error| {
        if text.trim().is_empty() {
            DateTimeInputError::Empty(ask)
        } else {
            DateTimeInputError::Invalid(error)
        }
    })
}

/// The value of a `datetime-local` input for `instant` in `zone`.
pub fn local_input(instant: DateTime<Utc>, zone: Zone) -> String {
    instant
        .with_timezone(&zone)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// A zone name Deskaid does not know, with help to find the one meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneInputError {
    /// What the calendar said.
    error: SlaError,
    /// The name as typed.
    typed: String,
}

impl fmt::Display for ZoneInputError {
    /// Says which zones exist, and which zone an abbreviation such as EST
    /// usually means.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let listed = Zone::all().filter(|zone| is_suggested_zone(*zone)).count();
        let meant = area_zone_for(&self.typed)
            .map(|zone| format!("For {}, use {zone}. ", self.typed.trim()))
            .unwrap_or_default();
        write!(
            f,
            "{} {meant}Deskaid includes {listed} zones; choose one from the list.",
            sentence(&self.error.to_string())
        )
    }
}

/// Reads a zone name typed in a form, in any capitalisation.
pub fn read_zone(typed: &str) -> Result<Zone, ZoneInputError> {
    parse_zone(typed).map_err(|error| ZoneInputError {
        error,
        typed: typed.to_string(),
    })
}

/// A warning for a known zone that is probably not the one meant (EST
/// instead of America/New_York); nothing for a good or unknown zone.
pub fn zone_warning(typed: &str) -> Option<String> {
    parse_zone(typed).ok().and_then(legacy_zone_warning)
}

/// Closed dates typed as "2026-03-09, 2026-03-10" that are not dates; each
/// bad entry as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidaysInputError(Vec<String>);

impl fmt::Display for HolidaysInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted: Vec<String> = self
            .0
            .iter()
            .map(|part| format!("\u{201c}{part}\u{201d}"))
            .collect();
        write!(
            f,
            "{} {} not a date in the form YYYY-MM-DD (for example 2026-12-25); separate dates with commas.",
            quoted.join(", "),
            if quoted.len() == 1 { "is" } else { "are" }
        )
    }
}

/// Reads "2026-03-09, 2026-03-10" (commas or spaces); every bad entry is named.
pub fn read_holidays(text: &str) -> Result<Vec<NaiveDate>, HolidaysInputError> {
    let mut dates = Vec::new();
    let mut bad = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        match NaiveDate::parse_from_str(part, "%Y-%m-%d") {
            Ok(date) => dates.push(date),
            Err(_) => bad.push(part.to_string()),
        }
    }
    if bad.is_empty() {
        Ok(dates)
    } else {
        Err(HolidaysInputError(bad))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agency_term_comes_from_one_of_two_fields() {
        assert_eq!(read_agency(" 30 ", "").term, AgencyTerm::Days(30));
        let date = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(read_agency("", "2026-04-01").term, AgencyTerm::Date(date));
        let both = read_agency("ten", "2026-04-01");
        assert_eq!(
            both.days_error.unwrap().to_string(),
            "\u{201c}ten\u{201d} is not a whole number of days; enter the agency's days as a number, for example 30."
        );
        assert_eq!(both.date_error, Some(AgencyInputError::Both));
        assert_eq!(
            read_agency("", "April").date_error.unwrap().to_string(),
            "\u{201c}April\u{201d} is not a date in the form YYYY-MM-DD."
        );
    }

    #[test]
    fn an_empty_time_asks_and_a_bad_one_says_why() {
        let zone = Zone::named("America/New_York").unwrap();
        let empty = read_local_datetime(" ", zone, ASK_ATTEMPT).unwrap_err();
        assert_eq!(empty.to_string(), "Enter when the attempt was made.");
        let bad = read_local_datetime("2026-02-30T10:00", zone, ASK_RECEIVED).unwrap_err();
        assert!(bad.to_string().contains("is not a date and time"), "{bad}");
        assert!(bad.to_string().ends_with('.'), "{bad}");
        let parsed = read_local_datetime("2026-03-06T15:01", zone, ASK_RECEIVED).unwrap();
        assert_eq!(
            local_input(parsed.instant.with_timezone(&Utc), zone),
            "2026-03-06T15:01"
        );
    }

    #[test]
    fn an_unknown_zone_is_explained() {
        let error = read_zone("America/NewYork").unwrap_err().to_string();
        assert!(
            error.contains("not among the time zones Deskaid knows"),
            "{error}"
        );
        assert!(
            error.ends_with("zones; choose one from the list."),
            "{error}"
        );
        assert_eq!(
            read_zone("america/chicago").map(|z| z.name()),
            Ok("America/Chicago")
        );
        assert!(zone_warning("EST").unwrap().contains("America/New_York"));
        assert_eq!(zone_warning("America/New_York"), None);
    }

    #[test]
    fn every_bad_holiday_is_named() {
        assert_eq!(read_holidays("").unwrap(), vec![]);
        assert_eq!(read_holidays("2026-03-09 2026-03-10,").unwrap().len(), 2);
        assert_eq!(
            read_holidays("2026-13-01, x").unwrap_err().to_string(),
            "\u{201c}2026-13-01\u{201d}, \u{201c}x\u{201d} are not a date in the form YYYY-MM-DD (for example 2026-12-25); separate dates with commas."
        );
    }
}
