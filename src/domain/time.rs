//! Local time from a zone's rules: each moment with the offset from UTC in
//! force at that moment, not today's, so a time from July still reads with
//! July's offset in December.

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};

/// A zone, as far as local times need one: the offset in force at a given
/// instant. chrono's zones (the team's [`Zone`](crate::domain::zone::Zone), a fixed offset) are
/// zones; the browser's page provides its own without shipping zone data.
pub trait OffsetAt {
    /// The offset from UTC in force at `instant`.
    fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset;

    /// `instant` as local time, with the offset it had then.
    fn local(&self, instant: DateTime<Utc>) -> DateTime<FixedOffset> {
        instant.with_timezone(&self.offset_at(instant))
    }
}

impl<Z: TimeZone> OffsetAt for Z {
    fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        self.offset_from_utc_datetime(&instant.naive_utc()).fix()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::zone::Zone;

    #[test]
    fn a_zone_gives_each_instant_the_offset_in_force_then() {
        let ny = Zone::named("America/New_York").unwrap();
        let july = Utc.with_ymd_and_hms(2026, 7, 15, 14, 30, 0).unwrap();
        let january = Utc.with_ymd_and_hms(2026, 1, 15, 14, 30, 0).unwrap();
        assert_eq!(ny.offset_at(july).to_string(), "-04:00");
        assert_eq!(ny.offset_at(january).to_string(), "-05:00");
        assert_eq!(ny.local(july).to_rfc3339(), "2026-07-15T10:30:00-04:00");
        assert_eq!(ny.local(january).to_rfc3339(), "2026-01-15T09:30:00-05:00");
        // 1 November 2026: 05:59 UTC is 01:59 EDT, a minute later the clocks
        // go back and 06:00 UTC is 01:00 EST.
        let before = Utc.with_ymd_and_hms(2026, 11, 1, 5, 59, 0).unwrap();
        assert_eq!(ny.local(before).to_rfc3339(), "2026-11-01T01:59:00-04:00");
        assert_eq!(
            ny.local(before + chrono::Duration::minutes(1)).to_rfc3339(),
            "2026-11-01T01:00:00-05:00"
        );
        let india = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        assert_eq!(india.offset_at(july).to_string(), "+05:30");
        assert_eq!(Utc.offset_at(july).to_string(), "+00:00");
    }
}
