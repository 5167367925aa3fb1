//! The only code that touches localStorage. Each concern (settings, flow walks,
//! the SLA queue, quiz progress) has one namespaced key holding an envelope
//! `{"version": N, "data": ...}`; older versions are migrated step by step.
//! Nothing read from storage can stop the app: unreadable values are copied to
//! a backup key and replaced by defaults, and the user is told what happened.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Prefix shared by every key Deskaid writes, so foreign keys are left alone.
pub const KEY_PREFIX: &str = "deskaid.";

/// A value persisted under one key, with its schema version and migrations.
pub trait Persist: Serialize + DeserializeOwned + Default + Clone + PartialEq {
    /// The localStorage key, starting with [`KEY_PREFIX`].
    const KEY: &'static str;
    /// The version written today; stored data with a higher one is refused.
    const VERSION: u32;
    /// What the user calls this data, for notices ("your quiz progress").
    const LABEL: &'static str;

    /// Upgrades `data` written by version `from` to version `from + 1`.
    /// The default refuses, which is right until a second version exists.
    fn migrate(from: u32, _data: Value) -> Result<Value, String> {
        Err(format!("no migration from version {from}"))
    }

    /// Checks a readable value beyond its format (rules that contradict each
    /// other, say) before an import stores it. The default accepts any value.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
}

/// Wraps a value in the versioned envelope that is actually stored.
pub fn encode<T: Persist>(value: &T) -> String {
    json!({ "version": T::VERSION, "data": value }).to_string()
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

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

const NOT_DESKAID: &str = "the data was not written by Deskaid";

/// Reads an envelope written by any version up to today's, migrating as needed.
pub fn decode<T: Persist>(raw: &str) -> Result<T, Unreadable> {
    let envelope: Value = serde_json::from_str(raw).map_err(|e| {
        Unreadable::new(
            "the stored text is damaged (it is not complete JSON)",
            e.to_string(),
        )
    })?;
    decode_envelope(envelope)
}

fn decode_envelope<T: Persist>(envelope: Value) -> Result<T, Unreadable> {
    let Value::Object(mut fields) = envelope else {
        return Err(Unreadable::new(NOT_DESKAID, "expected an object"));
    };
    let version = fields
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| Unreadable::new(NOT_DESKAID, "no version number"))?;
    let mut data = fields
        .remove("data")
        .ok_or_else(|| Unreadable::new(NOT_DESKAID, "no data"))?;
    let version = u32::try_from(version)
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| Unreadable::new(NOT_DESKAID, format!("version {version}")))?;
    if version > T::VERSION {
        return Err(Unreadable {
            reason: "the data was saved by a newer version of Deskaid".into(),
            detail: format!("format {version}; this version reads up to {}", T::VERSION),
            newer_version: true,
        });
    }
    for from in version..T::VERSION {
        data = T::migrate(from, data).map_err(|e| {
            Unreadable::new(
                "the data could not be upgraded from an older version of Deskaid",
                format!("from format {from}: {e}"),
            )
        })?;
    }
    serde_json::from_value(data).map_err(|e| {
        Unreadable::new(
            "the data is damaged or was changed outside Deskaid",
            e.to_string(),
        )
    })
}

/// The key an unreadable value is copied to before defaults replace it.
pub fn backup_key(key: &str) -> String {
    format!("{key}.backup")
}

/// The export file: every Deskaid record, as stored, in one JSON document.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExportFile {
    /// Marks the file as a Deskaid export and gives its format.
    pub deskaid_export: u32,
    /// When the export was made (RFC 3339), for the user's own reference.
    pub exported_at: String,
    /// Key → envelope.
    pub records: Map<String, Value>,
}

/// The export format version written by [`build_export`].
pub const EXPORT_FORMAT: u32 = 1;

/// Builds the export document from the raw values currently stored.
pub fn build_export(exported_at: &str, raws: &[(&str, Option<String>)]) -> String {
    let records = raws
        .iter()
        .filter_map(|(key, raw)| {
            let value = serde_json::from_str::<Value>(raw.as_deref()?).ok()?;
            Some((key.to_string(), value))
        })
        .collect();
    let file = ExportFile {
        deskaid_export: EXPORT_FORMAT,
        exported_at: exported_at.to_string(),
        records,
    };
    serde_json::to_string_pretty(&file).expect("JSON values serialize")
}

/// Checks an import file completely before anything is written: each record
/// must belong to a known key and decode with that key's rules. Returns the
/// raw envelopes to store, or a message naming the first problem.
pub fn check_import(
    text: &str,
    validate: impl Fn(&str, &str) -> Option<Result<(), String>>,
) -> Result<Vec<(String, String)>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "This is not a Deskaid export file: it is not readable JSON (the problem is at line {}, column {}). Nothing was changed.",
            e.line(),
            e.column()
        )
    })?;
    let file: ExportFile = serde_json::from_value(value).map_err(|_| {
        "This is not a Deskaid export file (those are made with \"Export all data\" on the Settings page). Nothing was changed."
            .to_string()
    })?;
    if file.deskaid_export != EXPORT_FORMAT {
        return Err(format!(
            "This export uses format {}, but this Deskaid reads format {EXPORT_FORMAT}. Nothing was changed.",
            file.deskaid_export
        ));
    }
    let mut records = Vec::new();
    for (key, envelope) in file.records {
        let raw = envelope.to_string();
        match validate(&key, &raw) {
            None => {
                return Err(format!(
                    "The file contains \"{key}\", which Deskaid does not know. Nothing was changed."
                ))
            }
            Some(Err(reason)) => {
                return Err(format!(
                    "The record \"{key}\" cannot be used: {reason}. Nothing was changed."
                ))
            }
            Some(Ok(())) => records.push((key, raw)),
        }
    }
    Ok(records)
}

// ---- Browser side: the only place that calls localStorage. ----

use crate::components::notice::{NoticeKind, Notices};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Whether localStorage can be used at all (it throws when the browser
/// blocks site data); gloo's accessors must only be called after this.
fn storage_available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The raw stored string under `key`, if storage works and the key is set.
pub fn read_raw(key: &str) -> Option<String> {
    if !storage_available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes a raw string; the message explains a full or disabled storage.
pub fn write_raw(key: &str, raw: &str) -> Result<(), String> {
    if !storage_available() {
        return Err("this browser does not allow the site to store data".into());
    }
    LocalStorage::raw().set_item(key, raw).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            "the browser's storage for this site is full".to_string()
        } else {
            format!("the browser refused to store it ({name})")
        }
    })
}

/// Removes `key` (used by reset).
pub fn remove(key: &str) {
    if storage_available() {
        LocalStorage::delete(key);
    }
}

/// Loads a concern, falling back to defaults with a message for the user.
/// Unreadable data is copied to its backup key and, once copied, removed, so
/// the notice shows once; data from a newer Deskaid stays for that version.
pub fn load<T: Persist>() -> (T, Option<String>) {
    if !storage_available() {
        return (
            T::default(),
            Some(format!(
                "This browser does not let Deskaid store data, so your {} will last only until this tab is closed.",
                T::LABEL
            )),
        );
    }
    let Some(raw) = read_raw(T::KEY) else {
        return (T::default(), None);
    };
    match decode::<T>(&raw) {
        Ok(value) => (value, None),
        Err(unreadable) => {
            web_sys::console::warn_1(
                &format!("Deskaid: {} unreadable: {}", T::KEY, unreadable.detail).into(),
            );
            let kept = match write_raw(&backup_key(T::KEY), &raw) {
                Ok(()) => {
                    if !unreadable.newer_version {
                        remove(T::KEY);
                    }
                    "A copy is kept aside: Settings, under \"Your data\", lets you download or delete it."
                        .to_string()
                }
                Err(e) => format!(
                    "A copy could not be kept aside ({e}), so it stays in place until something new is saved."
                ),
            };
            (
                T::default(),
                Some(format!(
                    "Your saved {} could not be read: {}. Deskaid is using the defaults instead. {kept}",
                    T::LABEL,
                    unreadable.reason
                )),
            )
        }
    }
}

/// A persisted concern in the UI: a signal that saves itself on every update
/// and reports a failed write instead of losing the in-memory state.
pub struct Persisted<T: Persist + Send + Sync + 'static> {
    value: RwSignal<T>,
    notices: Notices,
}

impl<T: Persist + Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Persist + Send + Sync + 'static> Copy for Persisted<T> {}

impl<T: Persist + Send + Sync + 'static> Persisted<T> {
    /// Loads the concern now, showing a notice if its data had to be replaced.
    pub fn load(notices: Notices) -> Self {
        let (value, problem) = load::<T>();
        if let Some(text) = problem {
            notices.push(NoticeKind::Warning, text);
        }
        Persisted {
            value: RwSignal::new(value),
            notices,
        }
    }

    /// The current value, tracked.
    pub fn get(&self) -> T {
        self.value.get()
    }

    /// Reads part of the value without cloning all of it, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with(f)
    }

    /// Reads part of the value without subscribing (event handlers).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Changes the value and saves it; on failure the change stays in memory
    /// and the user is told, while the saved copy is left untouched.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        self.value.update(change);
        let raw = self.value.with_untracked(encode);
        if let Err(reason) = write_raw(T::KEY, &raw) {
            self.notices.push(
                NoticeKind::Error,
                format!(
                    "Your {} could not be saved: {reason}. The change is kept in this tab only; export your data from Settings before closing it.",
                    T::LABEL
                ),
            );
        }
    }

    /// Replaces the value with what storage holds now (another tab wrote it).
    pub fn reload(&self) {
        let (value, problem) = load::<T>();
        if let Some(text) = problem {
            self.notices.push(NoticeKind::Warning, text);
        }
        if self.value.with_untracked(|current| *current != value) {
            self.value.set(value);
        }
    }

    /// Forgets the stored value, and any unreadable copy set aside, and
    /// returns to defaults.
    pub fn reset(&self) {
        remove(T::KEY);
        remove(&backup_key(T::KEY));
        self.value.set(T::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Counter {
        count: u32,
        label: String,
    }

    impl Persist for Counter {
        const KEY: &'static str = "deskaid.test-counter";
        const VERSION: u32 = 3;
        const LABEL: &'static str = "test counter";

        fn migrate(from: u32, data: Value) -> Result<Value, String> {
            match from {
                // v1 stored a bare number.
                1 => Ok(json!({ "count": data })),
                // v2 had no label.
                2 => {
                    let mut data = data;
                    data["label"] = json!("unnamed");
                    Ok(data)
                }
                _ => Err(format!("no migration from {from}")),
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
    fn backup_keys_stay_in_the_namespace() {
        assert_eq!(backup_key("deskaid.settings"), "deskaid.settings.backup");
    }

    fn validate(key: &str, raw: &str) -> Option<Result<(), String>> {
        (key == Counter::KEY).then(|| {
            decode::<Counter>(raw)
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }

    #[test]
    fn export_then_import_gives_back_the_same_records() {
        let raw = encode(&Counter {
            count: 2,
            label: "x".into(),
        });
        let text = build_export(
            "2026-11-23T10:00:00Z",
            &[(Counter::KEY, Some(raw.clone())), ("deskaid.absent", None)],
        );
        let records = check_import(&text, validate).unwrap();
        assert_eq!(records, vec![(Counter::KEY.to_string(), raw)]);
    }

    #[test]
    fn a_bad_import_names_the_problem() {
        let not_json = check_import("hello", validate).unwrap_err();
        assert_eq!(
            not_json,
            "This is not a Deskaid export file: it is not readable JSON (the problem is at line 1, column 1). Nothing was changed."
        );
        let other_json = check_import(r#"{"name":"x"}"#, validate).unwrap_err();
        assert!(
            other_json.starts_with("This is not a Deskaid export file (those are made with"),
            "{other_json}"
        );

        let wrong_format = r#"{"deskaid_export":7,"exported_at":"","records":{}}"#;
        assert!(check_import(wrong_format, validate)
            .unwrap_err()
            .contains("format 7"));

        let unknown = r#"{"deskaid_export":1,"exported_at":"","records":{"other.app":{}}}"#;
        assert!(check_import(unknown, validate)
            .unwrap_err()
            .contains("\"other.app\""));

        let broken = r#"{"deskaid_export":1,"exported_at":"","records":{"deskaid.test-counter":{"version":3,"data":5}}}"#;
        let err = check_import(broken, validate).unwrap_err();
        assert!(
            err.contains("deskaid.test-counter") && err.contains("Nothing was changed"),
            "{err}"
        );
    }
}
