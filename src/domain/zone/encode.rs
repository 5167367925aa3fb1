//! Writes the zone table (`assets/zones.bin`, format in `table.rs`) from
//! chrono-tz, natively, for `cargo run --example update_generated`.
//!
//! chrono-tz does not expose its transitions, so each zone's offset is read
//! every few hours from 1970 to the end of 2099 and each change found to the
//! second by bisection. `tests.rs` then checks the table against chrono-tz
//! at and around every change. A zone whose changes are another's (US/Eastern
//! and America/New_York) is written as that zone.

use super::table::START;
use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::{OffsetName, Tz};

/// Where the table stops looking for changes: chrono-tz's own tables end in
/// 2099 (`tests.rs` checks that no zone changes after).
pub(super) const END: i64 = 4_102_444_800; // 2100-01-01T00:00Z

/// How far apart the offset is read. No zone changes twice within six hours
/// after 1970; the comparison with chrono-tz in `tests.rs` would show it.
const STEP: i64 = 6 * 3600;

/// An offset as the table keeps it: seconds from UTC and the abbreviation.
type Key = (i32, Option<String>);

fn key_at(zone: Tz, at: i64) -> Key {
    let offset = DateTime::from_timestamp(at, 0)
        .map(|instant| zone.offset_from_utc_datetime(&instant.naive_utc()))
        .unwrap_or_else(|| zone.offset_from_utc_datetime(&chrono::NaiveDateTime::MIN));
    (
        offset.fix().local_minus_utc(),
        offset.abbreviation().map(str::to_string),
    )
}

/// Each change of `zone` between the start of 1970 and [`END`]: when, and
/// the offset it changes to.
pub(super) fn changes_of(zone: Tz) -> Vec<(i64, Key)> {
    let mut changes = Vec::new();
    let mut at = START;
    let mut current = key_at(zone, at);
    while at < END {
        let next = (at + STEP).min(END);
        if key_at(zone, next) == current {
            at = next;
            continue;
        }
        // The first second with another offset lies in (at, next].
        let (mut before, mut after) = (at, next);
        while after - before > 1 {
            let middle = before + (after - before) / 2;
            if key_at(zone, middle) == current {
                before = middle;
            } else {
                after = middle;
            }
        }
        current = key_at(zone, after);
        changes.push((after, current.clone()));
        at = after;
    }
    changes
}

/// The zones of the table: UTC first, then the others by name.
pub(super) fn zones_in_table_order() -> Vec<Tz> {
    let mut zones: Vec<Tz> = chrono_tz::TZ_VARIANTS.to_vec();
    zones.sort_by_key(|zone| (zone.name() != "UTC", zone.name()));
    zones
}

/// The table, as `assets/zones.bin` holds it.
pub fn zone_table() -> Vec<u8> {
    let zones = zones_in_table_order();
    let mut written: Vec<(Key, Vec<(i64, Key)>)> = Vec::new();
    let mut out = Vec::new();
    push_number(&mut out, zones.len() as u64);
    for zone in zones {
        push_text(&mut out, zone.name());
        let history = (key_at(zone, START), changes_of(zone));
        match written.iter().position(|earlier| *earlier == history) {
            Some(same) => push_number(&mut out, same as u64 + 1),
            None => {
                push_number(&mut out, 0);
                push_history(&mut out, &history.0, &history.1);
            }
        }
        written.push(history);
    }
    out
}

/// A zone's own spans and changes.
fn push_history(out: &mut Vec<u8>, first: &Key, changes: &[(i64, Key)]) {
    let mut spans = vec![first.clone()];
    for (_, key) in changes {
        if !spans.contains(key) {
            spans.push(key.clone());
        }
    }
    let index_of = |key: &Key| spans.iter().position(|span| span == key).unwrap_or(0) as u64;
    push_number(out, spans.len() as u64);
    for (seconds, abbreviation) in &spans {
        push_number(out, zigzag(i64::from(*seconds)));
        push_text(out, abbreviation.as_deref().unwrap_or(""));
    }
    push_number(out, index_of(first));
    push_number(out, changes.len() as u64);
    let mut previous = START;
    for (at, key) in changes {
        push_number(out, (at - previous) as u64);
        push_number(out, index_of(key));
        previous = *at;
    }
}

fn push_number(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn push_text(out: &mut Vec<u8>, text: &str) {
    push_number(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// 0, -1, 1, -2 as 0, 1, 2, 3, so small negative offsets stay small.
fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}
