//! The versioned envelope every record is stored in, as plain Rust (tested
//! natively). Each concern (settings, flow walks, the SLA queue, quiz
//! progress) has one namespaced key holding `{"version": N, "data": ...}`;
//! older versions are migrated step by step, and anything unreadable is
//! reported in words the user can act on.

use super::merge::{merge_whole, Deletions};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt;

/// A value persisted under one key, with its schema version and migrations.
pub trait Persist: Serialize + DeserializeOwned + Default + Clone + PartialEq {
    /// The localStorage key. It starts with `deskaid.`, like every key
    /// Deskaid writes, so other apps' keys on the same origin are left alone.
    const KEY: &'static str;
    /// The version written today; stored data with a higher one is refused.
    const VERSION: u32;
    /// What the user calls this data, for notices ("your quiz progress").
    const LABEL: &'static str;

    /// Upgrades `data` written by version `from` to version `from + 1`.
    /// The default refuses, which is right until a second version exists.
    fn migrate(from: u32, _data: Value) -> Result<Value, NoMigration> {
        Err(NoMigration { from })
    }

    /// Combines this tab's value (`mine`) with the one another tab stored
    /// (`theirs`) since both last agreed (`base`), before this tab writes.
    /// `deleted` holds the records the other tab deleted (see `merge`). The
    /// default treats the value as one record (`merge::merge_whole`);
    /// concerns holding many records merge them one by one.
    fn merge(base: &Self, mine: Self, theirs: Self, _deleted: &Deletions) -> Self {
        merge_whole(base, mine, theirs)
    }

    /// The ids of the records a merge treats one by one, so that their
    /// deletions can be stored; none for a concern merged whole.
    fn record_ids(&self) -> BTreeSet<String> {
        BTreeSet::new()
    }

    /// Checks a readable value beyond its format (rules that contradict each
    /// other, say) before an import stores it. The default accepts any value.
    fn check(&self) -> Result<(), Unusable> {
        Ok(())
    }
}

/// A stored version that [`Persist::migrate`] cannot upgrade; only ever shown
/// in the console, as the detail of an [`Unreadable`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoMigration {
    /// The version the data was written in.
    pub from: u32,
}

impl fmt::Display for NoMigration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no migration from version {}", self.from)
    }
}

/// A readable value that [`Persist::check`] refuses, e.g. imported SLA rules
/// whose opening hour is after their closing hour. Shown on the Settings page
/// as "its SLA rules are not usable: ...".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// The part at fault and what is wrong with it, e.g. "SLA rules are not usable".
    pub what: &'static str,
    /// Every problem found, in the words of the domain's validation.
    pub problems: Vec<String>,
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "its {}: {}", self.what, self.problems.join("; "))
    }
}

/// Wraps a value in the versioned envelope that is actually stored.
pub fn encode<T: Persist>(value: &T) -> String {
    encode_tracked(value, &Deletions::new())
}

/// The envelope with the records deleted lately beside the data (older
/// versions of Deskaid ignore the field); none, none written.
pub fn encode_tracked<T: Persist>(value: &T, deleted: &Deletions) -> String {
    let data = serde_json::to_value(value).expect("stored values have string keys");
    envelope_text(T::VERSION, data, deleted)
}

/// The envelope's text, apart from the concern's type (also for a record
/// written without its type, `state::moved`).
pub(super) fn envelope_text(version: u32, data: Value, deleted: &Deletions) -> String {
    let envelope = if deleted.is_empty() {
        json!({ "version": version, "data": data })
    } else {
        json!({ "version": version, "data": data, "deleted": deleted })
    };
    envelope.to_string()
}

/// Why a stored or imported record cannot be used: a plain reason for the
/// user, and the parser's own words for the browser console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// For the user, e.g. "the data was not written by Deskaid".
    pub reason: String,
    /// Technical detail for whoever investigates (the console).
    pub detail: String,
    /// Written by a newer Deskaid: still valid for that version, so it must
    /// stay where it is rather than be set aside.
    pub newer_version: bool,
}

impl Unreadable {
    fn new(reason: &str, detail: impl Into<String>) -> Self {
        Unreadable {
            reason: reason.to_string(),
            detail: detail.into(),
            newer_version: false,
        }
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

const NOT_DESKAID: &str = "the data was not written by Deskaid";

/// Reads an envelope written by any version up to today's, migrating as needed.
pub fn decode<T: Persist>(raw: &str) -> Result<T, Unreadable> {
    decode_tracked(raw).map(|(value, _)| value)
}

/// Reads an envelope and the records deleted lately stored beside its data
/// (none when the field is missing or not readable: it only helps merges).
pub fn decode_tracked<T: Persist>(raw: &str) -> Result<(T, Deletions), Unreadable> {
    let (data, deleted) = open_envelope(raw, T::VERSION, T::migrate)?;
    let value = serde_json::from_value(data).map_err(|e| {
        Unreadable::new(
            "the data is damaged or was changed outside Deskaid",
            e.to_string(),
        )
    })?;
    Ok((value, deleted))
}

/// An envelope's data, migrated to `version`, and its deletions: what
/// decoding does before it needs the concern's type, in one function rather
/// than one copy per concern.
fn open_envelope(
    raw: &str,
    version: u32,
    migrate: fn(u32, Value) -> Result<Value, NoMigration>,
) -> Result<(Value, Deletions), Unreadable> {
    let envelope: Value = serde_json::from_str(raw).map_err(|e| {
        Unreadable::new(
            "the stored text is damaged (it is not complete JSON)",
            e.to_string(),
        )
    })?;
    let Value::Object(mut fields) = envelope else {
        return Err(Unreadable::new(NOT_DESKAID, "expected an object"));
    };
    let deleted = fields
        .remove("deleted")
        .and_then(|deleted| serde_json::from_value(deleted).ok())
        .unwrap_or_default();
    let stored_version = fields
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| Unreadable::new(NOT_DESKAID, "no version number"))?;
    let mut data = fields
        .remove("data")
        .ok_or_else(|| Unreadable::new(NOT_DESKAID, "no data"))?;
    let stored_version = u32::try_from(stored_version)
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| Unreadable::new(NOT_DESKAID, format!("version {stored_version}")))?;
    if stored_version > version {
        return Err(Unreadable {
            reason: "the data was saved by a newer version of Deskaid".into(),
            detail: format!("format {stored_version}; this version reads up to {version}"),
            newer_version: true,
        });
    }
    for from in stored_version..version {
        data = migrate(from, data).map_err(|e| {
            Unreadable::new(
                "the data could not be upgraded from an older version of Deskaid",
                format!("from format {from}: {e}"),
            )
        })?;
    }
    Ok((data, deleted))
}

/// Why a record cannot be stored as it is: unreadable, or readable but
/// refused by [`Persist::check`]. Its text continues "The record ... cannot
/// be used: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// Not a readable envelope for its key.
    Unreadable(Unreadable),
    /// Readable, but its content cannot work.
    Unusable(Unusable),
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordProblem::Unreadable(unreadable) => unreadable.fmt(f),
            RecordProblem::Unusable(unusable) => unusable.fmt(f),
        }
    }
}

/// Checks a raw envelope completely: readable as a `T`, and passing
/// [`Persist::check`].
pub fn validate<T: Persist>(raw: &str) -> Result<(), RecordProblem> {
    decode::<T>(raw)
        .map_err(RecordProblem::Unreadable)?
        .check()
        .map_err(RecordProblem::Unusable)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde::Deserialize;

    /// A concern with three versions, for the envelope and transfer tests.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub(crate) struct Counter {
        pub(crate) count: u32,
        pub(crate) label: String,
    }

    impl Persist for Counter {
        const KEY: &'static str = "deskaid.test-counter";
        const VERSION: u32 = 3;
        const LABEL: &'static str = "test counter";

        fn migrate(from: u32, data: Value) -> Result<Value, NoMigration> {
            match from {
                // v1 stored a bare number.
                1 => Ok(json!({ "count": data })),
                // v2 had no label.
                2 => {
                    let mut data = data;
                    data["label"] = json!("unnamed");
                    Ok(data)
                }
                _ => Err(NoMigration { from }),
            }
        }
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let value = Counter {
            count: 7,
            label: "calls".into(),
        };
        let raw = encode(&value);
        assert_eq!(raw, r#"{"data":{"count":7,"label":"calls"},"version":3}"#);
        assert_eq!(decode::<Counter>(&raw), Ok(value));
    }

    #[test]
    fn deletions_travel_beside_the_data_and_only_when_there_are_some() {
        let value = Counter {
            count: 1,
            label: "x".into(),
        };
        assert_eq!(encode_tracked(&value, &Deletions::new()), encode(&value));
        let deleted: Deletions = [("gone".to_string(), 5)].into();
        let raw = encode_tracked(&value, &deleted);
        assert_eq!(
            raw,
            r#"{"data":{"count":1,"label":"x"},"deleted":{"gone":5},"version":3}"#
        );
        assert_eq!(
            decode_tracked::<Counter>(&raw),
            Ok((value.clone(), deleted))
        );
        let odd = r#"{"data":{"count":1,"label":"x"},"deleted":[1],"version":3}"#;
        assert_eq!(
            decode_tracked::<Counter>(odd),
            Ok((value, Deletions::new()))
        );
    }

    #[test]
    fn migrates_every_older_version_step_by_step() {
        let expected = Counter {
            count: 4,
            label: "unnamed".into(),
        };
        assert_eq!(
            decode::<Counter>(r#"{"version":1,"data":4}"#),
            Ok(expected.clone())
        );
        assert_eq!(
            decode::<Counter>(r#"{"version":2,"data":{"count":4}}"#),
            Ok(expected)
        );
    }

    #[test]
    fn refuses_corrupt_foreign_and_future_values_with_a_plain_reason() {
        let damaged = "the stored text is damaged (it is not complete JSON)";
        let changed = "the data is damaged or was changed outside Deskaid";
        let newer = "the data was saved by a newer version of Deskaid";
        let cases = [
            ("{not json", damaged, "key must be a string"),
            ("[1,2]", NOT_DESKAID, "expected an object"),
            (r#"{"count":1}"#, NOT_DESKAID, "no version"),
            (r#"{"version":2}"#, NOT_DESKAID, "no data"),
            (r#"{"version":0,"data":{}}"#, NOT_DESKAID, "version 0"),
            (
                r#"{"version":99999999999,"data":{}}"#,
                NOT_DESKAID,
                "version 99999999999",
            ),
            (
                r#"{"version":9,"data":{}}"#,
                newer,
                "format 9; this version reads up to 3",
            ),
            (
                r#"{"version":3,"data":{"count":"x","label":""}}"#,
                changed,
                "invalid type",
            ),
        ];
        for (raw, reason, detail) in cases {
            let err = decode::<Counter>(raw).unwrap_err();
            assert_eq!(err.reason, reason, "{raw}");
            assert!(err.detail.contains(detail), "{raw}: {}", err.detail);
            assert_eq!(err.newer_version, reason == newer, "{raw}");
        }
    }

    #[test]
    fn a_missing_migration_is_named_in_the_detail() {
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        struct Second;
        impl Persist for Second {
            const KEY: &'static str = "deskaid.test-second";
            const VERSION: u32 = 2;
            const LABEL: &'static str = "second";
        }
        let err = decode::<Second>(r#"{"version":1,"data":null}"#).unwrap_err();
        assert_eq!(
            err.reason,
            "the data could not be upgraded from an older version of Deskaid"
        );
        assert_eq!(err.detail, "from format 1: no migration from version 1");
    }

    #[test]
    fn problems_read_as_the_end_of_a_sentence() {
        let unusable = Unusable {
            what: "SLA rules are not usable",
            problems: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            RecordProblem::Unusable(unusable).to_string(),
            "its SLA rules are not usable: a; b"
        );
        let unreadable = validate::<Counter>("[]").unwrap_err();
        assert_eq!(unreadable.to_string(), NOT_DESKAID);
    }
}
