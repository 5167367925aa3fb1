//! Merging two tabs' edits of one concern, as plain Rust (tested natively).
//! Each tab remembers the value it last read from or wrote to storage (the
//! base); before it writes, it re-reads storage and, if another tab wrote
//! meanwhile, combines the three record by record:
//!
//! - a record only one side changed (added, edited or deleted) takes that
//!   side's change, so every change to different records is kept;
//! - a record deleted on one side and edited on the other is kept, edited:
//!   an edit may be typing that cannot be redone, a deletion can be redone;
//! - a record both sides edited differently is settled by the concern's
//!   `conflict` rule: by default this tab's, the later write, wins.
//!
//! A deletion is known by its record of [`Deletions`], stored beside the
//! data: a record merely missing from the other tab's value was never seen
//! there (its browser process had not yet received this tab's write, which
//! happens between processes), so it is kept, not taken for deleted.

use std::collections::{BTreeMap, BTreeSet};

/// Records deleted, by id, with when (milliseconds since 1970, UTC), as
/// stored beside a concern's data under `"deleted"`.
pub type Deletions = BTreeMap<String, i64>;

/// How long a deletion is remembered: far longer than any two tabs take to
/// hear of each other's writes, short enough that the list stays small.
const DELETIONS_KEPT_MS: i64 = 30 * 24 * 3600 * 1000;

/// The deletions to store with a value holding `ids`, written at `now_ms`:
/// those stored, plus the records that existed (`before`) and are gone,
/// minus records that exist again and those past their time.
pub fn next_deletions(
    stored: &Deletions,
    before: &BTreeSet<String>,
    ids: &BTreeSet<String>,
    now_ms: i64,
) -> Deletions {
    let mut all: Deletions = stored.clone();
    for id in before.difference(ids) {
        all.entry(id.clone()).or_insert(now_ms);
    }
    all.retain(|id, at| !ids.contains(id) && now_ms - *at < DELETIONS_KEPT_MS);
    all
}

/// One record's three versions combined; `conflict(mine, theirs)` settles
/// edits on both sides. `None` is a record that does not exist (yet, or any
/// more) on that side.
fn merge_record<V: PartialEq>(
    base: Option<&V>,
    mine: Option<V>,
    theirs: Option<V>,
    conflict: impl FnOnce(V, V) -> V,
) -> Option<V> {
    if mine == theirs || theirs.as_ref() == base {
        return mine;
    }
    if mine.as_ref() == base {
        return theirs;
    }
    match (mine, theirs) {
        (Some(mine), Some(theirs)) => Some(conflict(mine, theirs)),
        // Deleted on one side, edited on the other: the edit stays.
        (edited, None) | (None, edited) => edited,
    }
}

/// Merges keyed records (walks by flow id, answers by question id); a
/// record the base has and `theirs` lacks is deleted there only if
/// `deleted` says so, else it was never seen there and stays as it was.
pub fn merge_map<V: PartialEq + Clone>(
    base: &BTreeMap<String, V>,
    mut mine: BTreeMap<String, V>,
    mut theirs: BTreeMap<String, V>,
    deleted: &Deletions,
    conflict: impl Fn(V, V) -> V,
) -> BTreeMap<String, V> {
    for (key, value) in base {
        if !theirs.contains_key(key) && !deleted.contains_key(key) {
            theirs.insert(key.clone(), value.clone());
        }
    }
    let keys: BTreeSet<String> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .cloned()
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            let merged = merge_record(
                base.get(&key),
                mine.remove(&key),
                theirs.remove(&key),
                &conflict,
            )?;
            Some((key, merged))
        })
        .collect()
}

/// Merges a list of records identified by `id` (cases by number), keeping
/// this tab's order and putting records only the other tab has where they
/// came in its list: after the record that precedes them there, or first.
pub fn merge_list<V: PartialEq + Clone>(
    base: &[V],
    mine: Vec<V>,
    theirs: Vec<V>,
    deleted: &Deletions,
    id: impl Fn(&V) -> String,
    conflict: impl Fn(V, V) -> V,
) -> Vec<V> {
    let keyed =
        |list: &[V]| -> BTreeMap<String, V> { list.iter().map(|v| (id(v), v.clone())).collect() };
    let mut order: Vec<String> = mine.iter().map(&id).collect();
    let mut previous: Option<String> = None;
    for record in &theirs {
        let key = id(record);
        if !order.contains(&key) {
            let at = previous
                .as_ref()
                .and_then(|p| order.iter().position(|k| k == p))
                .map_or(0, |p| p + 1);
            order.insert(at, key.clone());
        }
        previous = Some(key);
    }
    let mut merged = merge_map(
        &keyed(base),
        keyed(&mine),
        keyed(&theirs),
        deleted,
        conflict,
    );
    order
        .into_iter()
        .filter_map(|key| merged.remove(&key))
        .collect()
}

/// Merges sets that only grow (days with quiz activity): the union.
pub fn merge_growing<T: Ord>(mine: BTreeSet<T>, theirs: BTreeSet<T>) -> BTreeSet<T> {
    let mut all = mine;
    all.extend(theirs);
    all
}

/// The whole value as one record: the side that changed it, or this tab's
/// if both did.
pub fn merge_whole<T: PartialEq>(base: &T, mine: T, theirs: T) -> T {
    if mine == *base {
        theirs
    } else {
        mine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn deleted(ids: &[&str]) -> Deletions {
        ids.iter().map(|id| (id.to_string(), 0)).collect()
    }

    fn ids(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    fn mine_wins(mine: u32, _theirs: u32) -> u32 {
        mine
    }

    #[test]
    fn changes_to_different_records_are_all_kept() {
        let base = map(&[("a", 1), ("b", 1), ("c", 1), ("d", 1)]);
        // This tab edits a, deletes b and adds e; the other edits c, deletes d, adds f.
        let mine = map(&[("a", 2), ("c", 1), ("d", 1), ("e", 1)]);
        let theirs = map(&[("a", 1), ("b", 1), ("c", 3), ("f", 1)]);
        assert_eq!(
            merge_map(&base, mine, theirs, &deleted(&["d"]), mine_wins),
            map(&[("a", 2), ("c", 3), ("e", 1), ("f", 1)])
        );
    }

    #[test]
    fn a_record_missing_there_without_a_deletion_was_never_seen_there_and_stays() {
        // The other tab wrote from a copy that had not yet received "a".
        let base = map(&[("a", 1)]);
        let theirs = map(&[("b", 1)]);
        assert_eq!(
            merge_map(
                &base,
                base.clone(),
                theirs.clone(),
                &deleted(&[]),
                mine_wins
            ),
            map(&[("a", 1), ("b", 1)])
        );
        assert_eq!(
            merge_map(&base, base.clone(), theirs, &deleted(&["a"]), mine_wins),
            map(&[("b", 1)])
        );
    }

    #[test]
    fn an_edit_beats_a_deletion_and_a_double_edit_follows_the_rule() {
        let base = map(&[("a", 1), ("b", 1), ("c", 1)]);
        let mine = map(&[("a", 2), ("c", 5)]); // b deleted here
        let theirs = map(&[("b", 2), ("c", 7)]); // a deleted there
        let gone = deleted(&["a"]);
        assert_eq!(
            merge_map(&base, mine.clone(), theirs.clone(), &gone, mine_wins),
            map(&[("a", 2), ("b", 2), ("c", 5)])
        );
        assert_eq!(
            merge_map(&base, mine, theirs, &gone, u32::max),
            map(&[("a", 2), ("b", 2), ("c", 7)])
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_kept_once() {
        let base = map(&[("a", 1)]);
        let both = map(&[("a", 2), ("b", 1)]);
        let none = deleted(&[]);
        assert_eq!(
            merge_map(&base, both.clone(), both.clone(), &none, mine_wins),
            both
        );
        let gone = deleted(&["a"]);
        assert_eq!(
            merge_map(&base, map(&[]), map(&[]), &gone, mine_wins),
            map(&[])
        );
    }

    #[test]
    fn lists_keep_this_tab_s_order_and_place_the_other_tab_s_additions() {
        let id = |v: &(char, u32)| v.0.to_string();
        let base = vec![('a', 0), ('b', 0)];
        let mine = vec![('b', 0), ('a', 1), ('x', 0)];
        let theirs = vec![('y', 0), ('a', 0), ('b', 0), ('z', 0)];
        assert_eq!(
            merge_list(&base, mine, theirs, &deleted(&[]), id, |m, _| m),
            vec![('y', 0), ('b', 0), ('z', 0), ('a', 1), ('x', 0)]
        );
    }

    #[test]
    fn deletions_are_remembered_until_the_record_returns_or_a_month_passes() {
        let day = 24 * 3600 * 1000;
        let stored: Deletions = [
            ("old".to_string(), 0),
            ("theirs".to_string(), 20 * day),
            ("back".to_string(), 25 * day),
        ]
        .into();
        let next = next_deletions(
            &stored,
            &ids(&["kept", "gone"]),
            &ids(&["kept", "back"]),
            31 * day,
        );
        let expected: Deletions = [
            ("gone".to_string(), 31 * day),
            ("theirs".to_string(), 20 * day),
        ]
        .into();
        assert_eq!(next, expected);
    }

    #[test]
    fn a_whole_value_takes_the_side_that_changed() {
        assert_eq!(merge_whole(&1, 1, 2), 2);
        assert_eq!(merge_whole(&1, 3, 1), 3);
        assert_eq!(merge_whole(&1, 3, 2), 3);
    }

    #[test]
    fn growing_sets_are_joined() {
        let mine = BTreeSet::from([1, 2]);
        let theirs = BTreeSet::from([2, 3]);
        assert_eq!(merge_growing(mine, theirs), BTreeSet::from([1, 2, 3]));
    }
}
