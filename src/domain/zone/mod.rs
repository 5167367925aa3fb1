//! IANA time zones from a compact table compiled into the app
//! (`assets/zones.bin`, made from chrono-tz by `cargo run --example
//! update_generated`). chrono-tz compiles every transition of every zone
//! since the 1800s into the wasm, 340 KB of tables (55 KB gzip) for the zones
//! Deskaid includes; this table keeps each zone's changes from 1970 on,
//! which is all a support case can need, and each zone's history once.
//! Native tests compare every change and the local times around it with
//! chrono-tz (`tests.rs`), so the browser computes exactly what the known
//! answers were computed with.
//!
//! A zone keeps, before 1970, the offset it had on 1 January 1970, and after
//! its last listed change (in 2099, where chrono-tz's tables end too) the
//! offset of that change.

mod table;

#[cfg(not(target_arch = "wasm32"))]
pub mod encode;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use chrono::{
    FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use std::fmt;
use std::str::FromStr;
use table::{zones, ZoneData};

/// One of the time zones this build includes, such as America/New_York.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Zone(u16);

impl Zone {
    /// Coordinated Universal Time, the zone of a setting that names none.
    pub const UTC: Zone = Zone(table::UTC_INDEX);

    /// Every zone this build includes, in the order of their names.
    pub fn all() -> impl Iterator<Item = Zone> {
        (0..zones().len()).filter_map(|index| u16::try_from(index).ok().map(Zone))
    }

    /// The zone of this exact IANA name. Every stored case and walk names
    /// its zone, so the others, in the order of their names, are searched
    /// by halves rather than one by one.
    pub fn named(name: &str) -> Option<Zone> {
        if name == Zone::UTC.name() {
            return Some(Zone::UTC);
        }
        let others = &zones()[usize::from(table::UTC_INDEX) + 1..];
        let index = others.binary_search_by(|zone| zone.name.cmp(name)).ok()?;
        u16::try_from(index + 1).ok().map(Zone)
    }

    /// The IANA name, such as "America/New_York".
    pub fn name(self) -> &'static str {
        self.data().name
    }

    fn data(self) -> &'static ZoneData {
        &zones()[usize::from(self.0)]
    }

    fn offset(self, span: usize) -> ZoneOffset {
        let span = self.data().spans[span];
        ZoneOffset {
            zone: self,
            seconds: span.seconds,
            abbreviation: span.abbreviation,
        }
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A zone name this build does not include.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownZone(pub String);

impl fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a time zone Deskaid includes", self.0)
    }
}

impl FromStr for Zone {
    type Err = UnknownZone;

    fn from_str(name: &str) -> Result<Zone, UnknownZone> {
        Zone::named(name).ok_or_else(|| UnknownZone(name.to_string()))
    }
}

/// Stored by name, as chrono-tz stored zones, so saved cases read the same.
impl serde::Serialize for Zone {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Zone {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Zone, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// The offset from UTC a zone has at some moment, with its abbreviation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ZoneOffset {
    zone: Zone,
    seconds: i32,
    abbreviation: Option<&'static str>,
}

impl ZoneOffset {
    /// The abbreviation in use, such as "EDT"; none for zones that only
    /// number their offsets.
    pub fn abbreviation(&self) -> Option<&'static str> {
        self.abbreviation
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        FixedOffset::east_opt(self.seconds).unwrap_or_else(|| Utc.fix())
    }
}

/// The abbreviation, or for zones without one the offset as "+05" or
/// "+0530", as chrono's "%Z" writes it.
impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(abbreviation) = self.abbreviation {
            return f.write_str(abbreviation);
        }
        let sign = if self.seconds < 0 { '-' } else { '+' };
        let minutes = self.seconds.unsigned_abs() / 60;
        write!(f, "{sign}{:02}", minutes / 60)?;
        if !minutes.is_multiple_of(60) {
            write!(f, "{:02}", minutes % 60)?;
        }
        Ok(())
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<ZoneOffset> {
        // A date has an offset if some moment of it has exactly one, else
        // the earlier of a repeated moment, as chrono-tz answers.
        let first = self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN));
        let last = local
            .and_hms_opt(23, 59, 59)
            .map_or(LocalResult::None, |last| {
                self.offset_from_local_datetime(&last)
            });
        match (first, last) {
            (single @ LocalResult::Single(_), _) | (_, single @ LocalResult::Single(_)) => single,
            (LocalResult::Ambiguous(earlier, _), _) | (_, LocalResult::Ambiguous(earlier, _)) => {
                LocalResult::Single(earlier)
            }
            (LocalResult::None, LocalResult::None) => LocalResult::None,
        }
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<ZoneOffset> {
        let mut spans = self.data().spans_at_local(local.and_utc().timestamp());
        match (spans.next(), spans.next()) {
            (Some(only), None) => LocalResult::Single(self.offset(only)),
            (Some(earlier), Some(later)) => {
                LocalResult::Ambiguous(self.offset(earlier), self.offset(later))
            }
            _ => LocalResult::None,
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset(self.data().span_at_utc(utc.and_utc().timestamp()))
    }
}
