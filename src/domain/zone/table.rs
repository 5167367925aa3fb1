//! Reads the zone table, `assets/zones.bin`, once, on first use.
//!
//! The format, written by `encode.rs` (all integers unsigned LEB128, offsets
//! zigzag-encoded first):
//! - the number of zones; then for each zone, UTC first and the others in
//!   the order of their names:
//! - its name: length, then UTF-8 bytes;
//! - 0 if its history follows, or 1 + the index of the earlier zone it
//!   shares its history with (US/Eastern is America/New_York's);
//! - its spans, the distinct offsets it has had since 1970: count, then for
//!   each the offset from UTC in seconds and the abbreviation (length, then
//!   bytes; length 0 for none);
//! - the span in force at the start of 1970;
//! - its changes: count, then for each the seconds since the previous change
//!   (the first since 1970-01-01T00:00Z) and the span it changes to.

use std::sync::OnceLock;

/// The table, made from chrono-tz; `tests/generated.rs` keeps it current.
const TABLE: &[u8] = include_bytes!("../../../assets/zones.bin");

/// Seconds from the Unix epoch at which the table starts counting.
pub(super) const START: i64 = 0;

/// Where UTC sits in the table: first, then the other zones in the order of
/// their names.
pub(super) const UTC_INDEX: u16 = 0;

/// One offset a zone has had.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) seconds: i32,
    pub(super) abbreviation: Option<&'static str>,
}

/// One zone of the table.
#[derive(Debug)]
pub(super) struct ZoneData {
    pub(super) name: &'static str,
    history: std::sync::Arc<History>,
}

/// The offsets of a zone over time, shared by the names of one zone.
#[derive(Debug)]
pub(super) struct History {
    pub(super) spans: Vec<Span>,
    /// The span in force before the first change.
    first: usize,
    /// When each change happens (seconds since the Unix epoch) and the span
    /// it changes to, in time order.
    changes: Vec<(i64, usize)>,
}

/// Every zone of the table, read on first use.
pub(super) fn zones() -> &'static [ZoneData] {
    static ZONES: OnceLock<Vec<ZoneData>> = OnceLock::new();
    ZONES.get_or_init(|| {
        // The table is compiled in and read by every native test run, so a
        // table that cannot be read is a build that never passed its tests.
        read_table(TABLE).expect("assets/zones.bin is checked by tests/generated.rs")
    })
}

impl std::ops::Deref for ZoneData {
    type Target = History;

    fn deref(&self) -> &History {
        &self.history
    }
}

impl History {
    /// The index of the span in force at `utc` (seconds since the epoch).
    pub(super) fn span_at_utc(&self, utc: i64) -> usize {
        self.span_between(self.changes.partition_point(|(at, _)| *at <= utc))
    }

    /// The span in force from change `k - 1` to change `k` (before the
    /// first change for `k` = 0).
    fn span_between(&self, k: usize) -> usize {
        k.checked_sub(1)
            .map_or(self.first, |before| self.changes[before].1)
    }

    /// The spans in which the wall-clock time `local` (its seconds as if it
    /// were UTC) exists, earlier first: none in a gap, two in a repeated hour.
    pub(super) fn spans_at_local(&self, local: i64) -> impl Iterator<Item = usize> + '_ {
        // Span k runs from change k-1 to change k (span 0 from the start of
        // time); its wall-clock times are those instants plus its offset.
        // Offsets are under a day and changes months apart, so only the
        // spans next to the one holding `local` read as UTC can hold it.
        let around = self.changes.partition_point(|(at, _)| *at <= local);
        let first = around.saturating_sub(2);
        let last = (around + 2).min(self.changes.len());
        (first..=last)
            .map(move |k| (k, self.span_between(k)))
            .filter(move |&(k, span)| {
                let offset = i64::from(self.spans[span].seconds);
                let begins = k
                    .checked_sub(1)
                    .map(|before| self.changes[before].0 + offset);
                let ends = self.changes.get(k).map(|(at, _)| at + offset);
                begins.is_none_or(|begins| begins <= local) && ends.is_none_or(|ends| local < ends)
            })
            .map(|(_, span)| span)
    }
}

/// Reads the table; `None` if it is cut short or inconsistent.
fn read_table(bytes: &'static [u8]) -> Option<Vec<ZoneData>> {
    let mut reader = Reader { bytes };
    let count = reader.number()?;
    let mut zones: Vec<ZoneData> = Vec::new();
    for _ in 0..count {
        let name = reader.text()?;
        let history = match reader.number()? {
            0 => std::sync::Arc::new(reader.history()?),
            same => {
                let earlier = zones.get(usize::try_from(same - 1).ok()?)?;
                std::sync::Arc::clone(&earlier.history)
            }
        };
        zones.push(ZoneData { name, history });
    }
    let utc_first = zones.get(usize::from(UTC_INDEX))?.name == "UTC";
    // `Zone::named` finds the others by binary search.
    let others_sorted = zones[1..]
        .windows(2)
        .all(|pair| pair[0].name < pair[1].name);
    (utc_first && others_sorted && reader.bytes.is_empty()).then_some(zones)
}

struct Reader {
    bytes: &'static [u8],
}

impl Reader {
    fn history(&mut self) -> Option<History> {
        let spans = (0..self.number()?)
            .map(|_| {
                let seconds = i32::try_from(unzigzag(self.number()?)).ok()?;
                let abbreviation = Some(self.text()?).filter(|text| !text.is_empty());
                Some(Span {
                    seconds,
                    abbreviation,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let span = |index: u64| usize::try_from(index).ok().filter(|&i| i < spans.len());
        let first = span(self.number()?)?;
        let mut at = START;
        let changes = (0..self.number()?)
            .map(|_| {
                at = at.checked_add(i64::try_from(self.number()?).ok()?)?;
                Some((at, span(self.number()?)?))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(History {
            spans,
            first,
            changes,
        })
    }

    fn number(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }

    fn text(&mut self) -> Option<&'static str> {
        let length = usize::try_from(self.number()?).ok()?;
        if length > self.bytes.len() {
            return None;
        }
        let (text, rest) = self.bytes.split_at(length);
        self.bytes = rest;
        std::str::from_utf8(text).ok()
    }
}

/// Undoes zigzag encoding: 0, 1, 2, 3 are 0, -1, 1, -2.
fn unzigzag(value: u64) -> i64 {
    let half = (value >> 1) as i64;
    if value & 1 == 0 {
        half
    } else {
        -half - 1
    }
}
