//! The copies of unreadable data set aside: when a stored record cannot be
//! read, it is copied under a key of its own, stamped with the time it was
//! set aside (`deskaid.queue.unreadable.<utc-millis>`), before defaults
//! replace it, so a second unreadable value never overwrites the first and
//! the Settings page can offer each one for download. Copies made before
//! that scheme, under `<key>.backup`, are still listed, as the oldest.
//!
//! The naming, ordering and limit are plain Rust (tested natively); the
//! functions at the end apply them to localStorage.

use super::local::{read_raw, remove, stored_keys, write_raw, WriteError};
use super::state::{StoredKey, STORED};
use crate::domain::text::plural;
use chrono::{DateTime, Utc};

/// How many copies are kept per concern: enough for a few bad days, few
/// enough that a broken extension rewriting a key cannot fill the storage.
pub const COPIES_KEPT: usize = 5;

/// The key of a copy of `key` set aside at `millis` (UTC, since 1970).
fn copy_key(key: &str, millis: i64) -> String {
    format!("{key}.unreadable.{millis}")
}

/// The key copies were kept under before each had its own; still read, so
/// none made by an older Deskaid is lost.
fn legacy_copy_key(key: &str) -> String {
    format!("{key}.backup")
}

/// When a copy was set aside, read from its storage key: `Some(None)` for a
/// legacy copy (no time recorded), `None` if `candidate` is no copy of `key`.
fn copy_time(key: &str, candidate: &str) -> Option<Option<i64>> {
    if candidate == legacy_copy_key(key) {
        return Some(None);
    }
    let millis = candidate.strip_prefix(key)?.strip_prefix(".unreadable.")?;
    // Only digits: `i64::from_str` would also take a sign.
    if millis.is_empty() || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    millis.parse().ok().map(Some)
}

/// The copies of `key` among `keys`, oldest first (legacy copies before
/// stamped ones), each with its time.
fn copies_of(key: &str, keys: &[String]) -> Vec<(String, Option<i64>)> {
    let mut copies: Vec<(String, Option<i64>)> = keys
        .iter()
        .filter_map(|candidate| Some((candidate.clone(), copy_time(key, candidate)?)))
        .collect();
    // `None` sorts before every `Some`: a legacy copy is the oldest.
    copies.sort_by_key(|(_, millis)| *millis);
    copies
}

/// Where a new copy of `key`, set aside at `millis`, goes among `existing`
/// copies, and which of them it pushes out to keep [`COPIES_KEPT`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placement {
    /// The key of the new copy; a millisecond later if `millis` is taken, so
    /// two copies set aside at once both stay.
    key: String,
    /// The oldest copies, dropped once the new one is stored.
    dropped: Vec<(String, Option<i64>)>,
    /// Copies of this concern once the new one is stored.
    kept: usize,
}

fn place_copy(key: &str, millis: i64, existing: &[(String, Option<i64>)]) -> Placement {
    let taken = |millis: i64| existing.iter().any(|(_, m)| *m == Some(millis));
    let millis = (millis..).find(|m| !taken(*m)).expect("a free millisecond");
    let surplus = (existing.len() + 1).saturating_sub(COPIES_KEPT);
    Placement {
        key: copy_key(key, millis),
        dropped: existing[..surplus].to_vec(),
        kept: existing.len() + 1 - surplus,
    }
}

/// A copy of unreadable data, as the Settings page lists it.
#[derive(Clone)]
pub struct SetAsideCopy {
    /// The concern it was read for.
    pub stored: &'static StoredKey,
    /// Its own storage key, to delete it.
    pub key: String,
    /// When it was set aside; `None` for copies made before Deskaid recorded it.
    pub set_aside_at: Option<DateTime<Utc>>,
    /// The unreadable text, as it was stored.
    pub raw: String,
}

/// What happened when an unreadable value was set aside, for the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Copies of this concern now kept, the new one included.
    pub kept: usize,
    /// When the copies dropped to make room were set aside (`None`: unknown).
    pub dropped: Vec<Option<DateTime<Utc>>>,
    /// The same text was already set aside, so no copy was added.
    pub already_kept: bool,
}

/// How long ago `then` was, in whole days: "less than a day ago", "3 days ago".
pub fn age_words(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match (now - then).num_days() {
        ..=0 => "less than a day ago".to_string(),
        days => format!("{} ago", plural(days.unsigned_abs(), "day")),
    }
}

fn millis_time(millis: Option<i64>) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(millis?)
}

/// Copies `raw`, the unreadable value of `key`, to a key of its own stamped
/// `now`, then drops the oldest copies beyond [`COPIES_KEPT`]: only once the
/// new copy is safely stored, so a failed write loses nothing.
/// A value already set aside (data from a newer Deskaid stays in place and
/// is met at every load) is not copied again.
pub fn set_aside(key: &str, raw: &str, now: DateTime<Utc>) -> Result<SetAside, WriteError> {
    let existing = copies_of(key, &stored_keys());
    if existing
        .iter()
        .any(|(copy, _)| read_raw(copy).as_deref() == Some(raw))
    {
        return Ok(SetAside {
            kept: existing.len(),
            dropped: Vec::new(),
            already_kept: true,
        });
    }
    let placement = place_copy(key, now.timestamp_millis(), &existing);
    write_raw(&placement.key, raw)?;
    for (dropped, _) in &placement.dropped {
        remove(dropped);
    }
    Ok(SetAside {
        kept: placement.kept,
        dropped: placement
            .dropped
            .iter()
            .map(|(_, millis)| millis_time(*millis))
            .collect(),
        already_kept: false,
    })
}

/// The space each concern takes in storage now, in bytes of its key and
/// stored text (UTF-8), copies set aside included, in [`STORED`] order.
pub fn space_used() -> Vec<(&'static StoredKey, usize)> {
    let keys = stored_keys();
    let size = |key: &str| read_raw(key).map_or(0, |raw| key.len() + raw.len());
    STORED
        .iter()
        .map(|stored| {
            let copies: usize = copies_of(stored.key, &keys)
                .iter()
                .map(|(copy, _)| size(copy))
                .sum();
            (stored, size(stored.key) + copies)
        })
        .collect()
}

/// Every copy set aside, by concern, oldest first within each.
pub fn set_aside_copies() -> Vec<SetAsideCopy> {
    let keys = stored_keys();
    STORED
        .iter()
        .flat_map(|stored| {
            copies_of(stored.key, &keys)
                .into_iter()
                .filter_map(move |(key, millis)| {
                    Some(SetAsideCopy {
                        stored,
                        raw: read_raw(&key)?,
                        key,
                        set_aside_at: millis_time(millis),
                    })
                })
        })
        .collect()
}

/// Deletes one copy, once the user no longer needs it.
pub fn delete_set_aside(copy: &SetAsideCopy) {
    remove(&copy.key);
}

/// Deletes what `key` holds and every copy set aside for it (a reset).
pub fn forget_key(key: &str) {
    remove(key);
    for (copy, _) in copies_of(key, &stored_keys()) {
        remove(&copy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUEUE: &str = "deskaid.queue";

    fn keys(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn copies_are_named_by_concern_and_time_and_stay_in_the_namespace() {
        assert_eq!(
            copy_key(QUEUE, 1_764_514_800_000),
            "deskaid.queue.unreadable.1764514800000"
        );
        assert_eq!(
            copy_time(QUEUE, "deskaid.queue.unreadable.1764514800000"),
            Some(Some(1_764_514_800_000))
        );
        assert_eq!(copy_time(QUEUE, "deskaid.queue.backup"), Some(None));
        for not_a_copy in [
            "deskaid.queue",
            "deskaid.queue.unreadable.",
            "deskaid.queue.unreadable.-5",
            "deskaid.queue.unreadable.+5",
            "deskaid.queue.unreadable.12x",
            "deskaid.queue.unreadable.99999999999999999999",
            "deskaid.quiz.unreadable.5",
            "deskaid.queue2.unreadable.5",
            "other.deskaid.queue.backup",
        ] {
            assert_eq!(copy_time(QUEUE, not_a_copy), None, "{not_a_copy}");
        }
    }

    #[test]
    fn copies_are_listed_oldest_first_with_the_legacy_copy_before_all() {
        let stored = keys(&[
            "deskaid.queue.unreadable.300",
            "deskaid.quiz.unreadable.100",
            "deskaid.queue.unreadable.20",
            "deskaid.queue",
            "deskaid.queue.backup",
            "someone-elses-app",
        ]);
        assert_eq!(
            copies_of(QUEUE, &stored),
            vec![
                ("deskaid.queue.backup".to_string(), None),
                ("deskaid.queue.unreadable.20".to_string(), Some(20)),
                ("deskaid.queue.unreadable.300".to_string(), Some(300)),
            ]
        );
    }

    #[test]
    fn ages_are_in_whole_days() {
        let at =
            |day: i64, hour: i64| DateTime::from_timestamp(day * 86_400 + hour * 3_600, 0).unwrap();
        assert_eq!(age_words(at(10, 12), at(10, 13)), "less than a day ago");
        assert_eq!(age_words(at(10, 12), at(9, 12)), "less than a day ago");
        assert_eq!(age_words(at(10, 12), at(11, 12)), "1 day ago");
        assert_eq!(age_words(at(10, 12), at(20, 15)), "10 days ago");
    }

    #[test]
    fn a_second_copy_in_the_same_millisecond_gets_the_next_one() {
        let existing = copies_of(QUEUE, &keys(&["deskaid.queue.unreadable.7"]));
        let placement = place_copy(QUEUE, 7, &existing);
        assert_eq!(placement.key, "deskaid.queue.unreadable.8");
        assert_eq!((placement.dropped.len(), placement.kept), (0, 2));
    }

    #[test]
    fn at_most_five_copies_are_kept_and_the_oldest_goes_first() {
        let mut stored = keys(&["deskaid.queue.backup"]);
        let mut dropped_at = Vec::new();
        for millis in 1..=7 {
            let existing = copies_of(QUEUE, &stored);
            let placement = place_copy(QUEUE, millis * 10, &existing);
            assert_eq!(placement.kept, (millis as usize + 1).min(COPIES_KEPT));
            for (key, at) in &placement.dropped {
                stored.retain(|k| k != key);
                dropped_at.push(*at);
            }
            stored.push(placement.key);
        }
        // The legacy copy went first, then the oldest stamped ones.
        assert_eq!(dropped_at, vec![None, Some(10), Some(20)]);
        let left: Vec<Option<i64>> = copies_of(QUEUE, &stored).into_iter().map(|c| c.1).collect();
        assert_eq!(left, vec![Some(30), Some(40), Some(50), Some(60), Some(70)]);
    }
}
