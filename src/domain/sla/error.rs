//! The one error type of deadline arithmetic and of reading typed dates and
//! zones, with the words shown to the user.

use super::calendar::SUPPORTED_YEARS;
use super::settings::MAX_DAYS;
use std::fmt;

/// Why a deadline could not be computed or an input could not be read; the
/// message is meant to be shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlaError {
    /// A date-time that is not in the form YYYY-MM-DDTHH:MM.
    MalformedDateTime(String),
    /// A time zone name that is not one of the zones compiled in: not an
    /// IANA name at all, or a real one this build leaves out (README, "Time
    /// zones"); the two are not told apart, since that would take the whole
    /// list of IANA names.
    UnknownZone(String),
    /// A local time skipped when the clocks moved forward.
    NonexistentLocalTime {
        /// The local time as typed, "YYYY-MM-DD HH:MM".
        input: String,
        /// The zone name.
        zone: String,
        /// Which wall-clock times were skipped, in words.
        gap: String,
    },
    /// A number of agency days outside the accepted range.
    AgencyDays(u32),
    /// A result beyond the dates the calendar can represent.
    OutOfRange,
}

impl fmt::Display for SlaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MalformedDateTime(input) => write!(
                f,
                "\"{input}\" is not a date and time in the form YYYY-MM-DDTHH:MM (for example 2026-03-09T14:30)"
            ),
            Self::UnknownZone(name) => write!(
                f,
                "\"{name}\" is not among the time zones Deskaid knows (IANA names such as America/New_York or Europe/London)"
            ),
            Self::NonexistentLocalTime { input, zone, gap } => write!(
                f,
                "{input} does not exist in {zone}: {gap} that night, so enter a time outside that gap"
            ),
            Self::AgencyDays(days) => write!(
                f,
                "the agency's number of days must be between 1 and {MAX_DAYS}, not {days}"
            ),
            Self::OutOfRange => write!(
                f,
                "the date is outside the supported range (years {} to {})",
                SUPPORTED_YEARS.start(),
                SUPPORTED_YEARS.end()
            ),
        }
    }
}

impl std::error::Error for SlaError {}
