//! The words of the SLA explanations: instants, dates and wall-clock times
//! for people, where business time was counted from, and spans of time.
//! Written by hand rather than through chrono's `format`, because an
//! explanation is written for every deadline of the queue on every tick.

use crate::domain::text::decimal;
use crate::domain::zone::Zone;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use std::fmt;

/// An instant for people: "Mon 9 Mar 2026, 12:00 EDT", exactly what
/// chrono's "%a %-d %b %Y, %H:%M %Z" gives. Assembled by hand because
/// chrono's `format` parses its pattern and allocates the zone name on every
/// call, which cost more than the deadline arithmetic itself. The one
/// formatter of instants for people: pages use it too, so the calculator,
/// the queue and the explanations write times alike.
pub struct HumanTime<'a>(pub &'a DateTime<Zone>);

impl fmt::Display for HumanTime<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.0.naive_local();
        let mut text = StackText::default();
        if text.push_date(local.date()).is_err() {
            return write!(f, "{}", self.0.format("%a %-d %b %Y, %H:%M %Z"));
        }
        text.push(", ")?;
        text.push_clock(local.time())?;
        text.push(" ")?;
        f.write_str(text.as_str())?;
        let offset = self.0.offset();
        match offset.abbreviation() {
            Some(abbreviation) => f.write_str(abbreviation),
            // Zones without an abbreviation show the offset, as "%Z" does.
            None => write!(f, "{offset}"),
        }
    }
}

/// A date for people: "Thu 26 Nov 2026", exactly what chrono's
/// "%a %-d %b %Y" gives; the date part of [`HumanTime`].
pub struct HumanDate(pub NaiveDate);

impl fmt::Display for HumanDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = StackText::default();
        if text.push_date(self.0).is_err() {
            return write!(f, "{}", self.0.format("%a %-d %b %Y"));
        }
        f.write_str(text.as_str())
    }
}

/// A wall-clock time as "HH:MM", like chrono's "%H:%M".
pub(super) struct Clock(pub(super) NaiveTime);

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = StackText::default();
        text.push_clock(self.0)?;
        f.write_str(text.as_str())
    }
}

/// A short piece of an explanation assembled on the stack, so it reaches
/// the output in one write: writing each piece, and formatting numbers
/// through `core::fmt`, were most of an explanation's cost.
#[derive(Default)]
struct StackText {
    bytes: [u8; 24],
    len: usize,
}

impl StackText {
    /// Appends `text`, failing rather than panicking if it does not fit.
    fn push(&mut self, text: &str) -> fmt::Result {
        self.push_bytes(text.as_bytes())
    }

    /// Appends the bytes of whole characters (a `&str`'s, or ASCII digits),
    /// so the text stays valid UTF-8 without checking each piece.
    fn push_bytes(&mut self, bytes: &[u8]) -> fmt::Result {
        let end = self.len + bytes.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        room.copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }

    /// Appends `value` in decimal, zero-padded to `min_width` digits.
    fn push_decimal(&mut self, value: u32, min_width: usize) -> fmt::Result {
        let mut buffer = [0; 20];
        let digits = decimal(u64::from(value), &mut buffer);
        for _ in digits.len()..min_width {
            self.push("0")?;
        }
        self.push(digits)
    }

    /// Appends a date as "Mon 9 Mar 2026"; fails for years "%Y" writes with
    /// a sign or more than four digits (only year 0 to 9999 is done by hand,
    /// and only the first can come from SUPPORTED_YEARS).
    fn push_date(&mut self, date: NaiveDate) -> fmt::Result {
        const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let Ok(year @ 0..=9999) = u32::try_from(date.year()) else {
            return Err(fmt::Error);
        };
        self.push(WEEKDAYS[date.weekday().num_days_from_monday() as usize])?;
        self.push(" ")?;
        self.push_decimal(date.day(), 1)?;
        self.push(" ")?;
        self.push(MONTHS[date.month0() as usize])?;
        self.push(" ")?;
        self.push_decimal(year, 4)
    }

    /// Appends a wall-clock time as "HH:MM".
    fn push_clock(&mut self, time: NaiveTime) -> fmt::Result {
        self.push_decimal(time.hour(), 2)?;
        self.push(":")?;
        self.push_decimal(time.minute(), 2)
    }

    /// The text so far (only whole characters are ever pushed).
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// Where business time was counted from, for explanations: "counted from
/// receipt" or "counted from the next opening, ..., because it arrived
/// outside business hours".
pub(super) struct CountedFrom {
    /// The next opening, when that is later than receipt.
    next_opening: Option<DateTime<Zone>>,
}

impl CountedFrom {
    /// From the receipt and the start of business time computed for it.
    pub(super) fn new(received: DateTime<Utc>, start: DateTime<Zone>) -> Self {
        Self {
            next_opening: (start != received).then_some(start),
        }
    }
}

impl fmt::Display for CountedFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.next_opening {
            None => f.write_str("counted from receipt"),
            Some(start) => {
                f.write_str("counted from the next opening, ")?;
                fmt::Display::fmt(&HumanTime(start), f)?;
                f.write_str(", because it arrived outside business hours")
            }
        }
    }
}

/// The holidays a count of business time skipped, as a sentence that
/// follows an explanation: " Closed days skipped: Thu 26 Nov 2026
/// (Thanksgiving Day)."; nothing when none were skipped.
pub(super) struct SkippedHolidays<'a>(pub(super) &'a [(NaiveDate, String)]);

impl fmt::Display for SkippedHolidays<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// A long agency term can skip many; the first few say enough.
        const SHOWN: usize = 5;
        let Some((last, first)) = self.0.split_last() else {
            return Ok(());
        };
        f.write_str(if self.0.len() == 1 {
            " Closed day skipped: "
        } else {
            " Closed days skipped: "
        })?;
        if self.0.len() > SHOWN {
            for (date, name) in &self.0[..SHOWN] {
                write!(f, "{} ({name}), ", HumanDate(*date))?;
            }
            return write!(f, "and {} more.", self.0.len() - SHOWN);
        }
        for (i, (date, name)) in first.iter().enumerate() {
            let separator = if i + 1 == first.len() { " and " } else { ", " };
            write!(f, "{} ({name}){separator}", HumanDate(*date))?;
        }
        write!(f, "{} ({}).", HumanDate(last.0), last.1)
    }
}

/// A positive number of seconds in words: "2 days 1 h", "3 h 20 min", "5 min".
pub(super) fn span_words(seconds: i64) -> String {
    let minutes = seconds / 60;
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let day_word = if days == 1 { "day" } else { "days" };
    match (days, hours, mins) {
        (0, 0, 0) => "under 1 min".to_string(),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} {day_word}"),
        (d, h, _) => format!("{d} {day_word} {h} h"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sla::parse_zone;
    use crate::domain::sla::testing::NY;
    use crate::domain::text::plural;
    use chrono::Duration;

    const KOLKATA: &str = "Asia/Kolkata";

    #[test]
    fn skipped_holidays_read_as_a_sentence() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let named = |d, name: &str| (day(d), name.to_string());
        assert_eq!(SkippedHolidays(&[]).to_string(), "");
        assert_eq!(
            SkippedHolidays(&[named(26, "Thanksgiving Day")]).to_string(),
            " Closed day skipped: Thu 26 Nov 2026 (Thanksgiving Day)."
        );
        assert_eq!(
            SkippedHolidays(&[named(26, "Thanksgiving Day"), named(27, "holiday")]).to_string(),
            " Closed days skipped: Thu 26 Nov 2026 (Thanksgiving Day) and Fri 27 Nov 2026 (holiday)."
        );
        assert_eq!(
            SkippedHolidays(&[named(2, "holiday"), named(3, "holiday"), named(4, "holiday")])
                .to_string(),
            " Closed days skipped: Mon 2 Nov 2026 (holiday), Tue 3 Nov 2026 (holiday) and Wed 4 Nov 2026 (holiday)."
        );
        let many: Vec<_> = (2..=8).map(|d| named(d, "holiday")).collect();
        assert_eq!(
            SkippedHolidays(&many).to_string(),
            " Closed days skipped: Mon 2 Nov 2026 (holiday), Tue 3 Nov 2026 (holiday), Wed 4 Nov 2026 (holiday), Thu 5 Nov 2026 (holiday), Fri 6 Nov 2026 (holiday), and 2 more."
        );
    }

    #[test]
    fn hand_written_times_match_chronos_formatting() {
        let zones = [
            NY,
            KOLKATA,
            "Asia/Dubai",
            "America/Sao_Paulo",
            "Asia/Kathmandu",
            "Pacific/Apia",
        ];
        let first: DateTime<Utc> = "0999-12-25T00:00:00Z".parse().unwrap();
        let beyond = ["+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z"]
            .map(|text| text.parse::<DateTime<Utc>>().unwrap());
        for zone in zones.map(|name| parse_zone(name).unwrap()) {
            // A year, a day, 7 hours and 7 minutes apart, across the supported years.
            let step = Duration::minutes(367 * 1440 + 7 * 60 + 7);
            let instants = (0..8_000).map(|n| first + step * n);
            for instant in instants.chain(beyond) {
                let local = instant.with_timezone(&zone);
                assert_eq!(
                    HumanTime(&local).to_string(),
                    local.format("%a %-d %b %Y, %H:%M %Z").to_string()
                );
                assert_eq!(
                    HumanDate(local.date_naive()).to_string(),
                    local.format("%a %-d %b %Y").to_string()
                );
                assert_eq!(
                    Clock(local.time()).to_string(),
                    local.format("%H:%M").to_string()
                );
            }
        }
        assert_eq!(plural(1u32, "day").to_string(), "1 day");
        assert_eq!(plural(0u32, "day").to_string(), "0 days");
        assert_eq!(
            plural(3650u32, "business day").to_string(),
            "3650 business days"
        );
        assert_eq!(plural(u32::MAX, "hour").to_string(), "4294967295 hours");
    }
}
