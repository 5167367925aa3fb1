//! Export and import of everything Deskaid stores, as one JSON file. The file
//! is built and checked as plain Rust (tested natively); an import is checked
//! completely before anything is written, and undone if a write fails.

use super::envelope::RecordProblem;
use super::local::{read_raw, remove, write_raw, WriteError};
use super::state::{split_moved_parts, validate_record};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

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

/// The export format version written by [`export_all`].
pub const EXPORT_FORMAT: u32 = 1;

/// Why an import changed nothing; the text is shown as is on the Settings page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The chosen file could not be read as text at all.
    NotText,
    /// Not JSON; where the parser gave up.
    NotJson { line: usize, column: usize },
    /// JSON, but not shaped like an export.
    NotAnExport,
    /// An export in a format this version does not read.
    OtherFormat(u32),
    /// A record under a key Deskaid does not use.
    UnknownKey(String),
    /// A known key whose record cannot be used.
    Unusable { key: String, problem: RecordProblem },
    /// Storing failed; what was there before was put back.
    NotSaved(WriteError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotText => {
                f.write_str("The file could not be read as text. Nothing was changed.")
            }
            ImportError::NotJson { line, column } => write!(
                f,
                "This is not a Deskaid export file: it is not readable JSON (the problem is at line {line}, column {column}). Nothing was changed."
            ),
            ImportError::NotAnExport => f.write_str(
                "This is not a Deskaid export file (those are made with \"Export all data\" on the Settings page). Nothing was changed.",
            ),
            ImportError::OtherFormat(format) => write!(
                f,
                "This export uses format {format}, but this Deskaid reads format {EXPORT_FORMAT}. Nothing was changed."
            ),
            ImportError::UnknownKey(key) => write!(
                f,
                "The file contains \"{key}\", which Deskaid does not know. Nothing was changed."
            ),
            ImportError::Unusable { key, problem } => write!(
                f,
                "The record \"{key}\" cannot be used: {problem}. Nothing was changed."
            ),
            ImportError::NotSaved(reason) => write!(
                f,
                "The import could not be saved: {reason}. Your previous data was kept."
            ),
        }
    }
}

/// The export document of `raws` (key and stored text, as
/// [`AppState::records`](super::AppState::records) gives them).
pub fn export_all(exported_at: &str, raws: &[(&str, Option<String>)]) -> String {
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
/// must belong to a known key and decode with that key's rules (`validate`
/// gives `None` for an unknown key), once `split` has given a part an
/// older record held inside it its own key. Returns the raw envelopes to
/// store.
fn check_import(
    text: &str,
    split: impl Fn(&str, String) -> Vec<(String, String)>,
    validate: impl Fn(&str, &str) -> Option<Result<(), RecordProblem>>,
) -> Result<Vec<(String, String)>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let file: ExportFile = serde_json::from_value(value).map_err(|_| ImportError::NotAnExport)?;
    if file.deskaid_export != EXPORT_FORMAT {
        return Err(ImportError::OtherFormat(file.deskaid_export));
    }
    let mut records = Vec::new();
    for (key, envelope) in file.records {
        for (key, raw) in split(&key, envelope.to_string()) {
            match validate(&key, &raw) {
                None => return Err(ImportError::UnknownKey(key)),
                Some(Err(problem)) => return Err(ImportError::Unusable { key, problem }),
                Some(Ok(())) => records.push((key, raw)),
            }
        }
    }
    Ok(records)
}

/// Checks an export file and stores its records, returning how many; the
/// caller reloads the app state. Nothing changes unless every record is
/// usable and every write succeeds.
pub fn import_all(text: &str) -> Result<usize, ImportError> {
    let records = check_import(text, split_moved_parts, validate_record)?;
    apply_import(&records).map_err(ImportError::NotSaved)?;
    Ok(records.len())
}

/// Writes checked records; if one write fails, restores what was there so a
/// half-applied import never mixes old and new data.
fn apply_import(records: &[(String, String)]) -> Result<(), WriteError> {
    let previous: Vec<(String, Option<String>)> = records
        .iter()
        .map(|(key, _)| (key.clone(), read_raw(key)))
        .collect();
    for (key, raw) in records {
        if let Err(reason) = write_raw(key, raw) {
            for (key, old) in &previous {
                match old {
                    Some(old) => {
                        let _ = write_raw(key, old);
                    }
                    None => remove(key),
                }
            }
            return Err(reason);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::envelope::tests::Counter;
    use crate::store::envelope::{encode, validate, Persist};

    fn as_it_is(key: &str, raw: String) -> Vec<(String, String)> {
        vec![(key.to_string(), raw)]
    }

    fn validate_counter(key: &str, raw: &str) -> Option<Result<(), RecordProblem>> {
        (key == Counter::KEY).then(|| validate::<Counter>(raw))
    }

    #[test]
    fn export_then_import_gives_back_the_same_records() {
        let raw = encode(&Counter {
            count: 2,
            label: "x".into(),
        });
        let text = export_all(
            "2026-11-23T10:00:00Z",
            &[(Counter::KEY, Some(raw.clone())), ("deskaid.absent", None)],
        );
        let records = check_import(&text, as_it_is, validate_counter).unwrap();
        assert_eq!(records, vec![(Counter::KEY.to_string(), raw)]);
    }

    #[test]
    fn a_bad_import_names_the_problem() {
        let not_json = check_import("hello", as_it_is, validate_counter)
            .unwrap_err()
            .to_string();
        assert_eq!(
            not_json,
            "This is not a Deskaid export file: it is not readable JSON (the problem is at line 1, column 1). Nothing was changed."
        );
        let other_json = check_import(r#"{"name":"x"}"#, as_it_is, validate_counter)
            .unwrap_err()
            .to_string();
        assert!(
            other_json.starts_with("This is not a Deskaid export file (those are made with"),
            "{other_json}"
        );

        let wrong_format = r#"{"deskaid_export":7,"exported_at":"","records":{}}"#;
        assert!(check_import(wrong_format, as_it_is, validate_counter)
            .unwrap_err()
            .to_string()
            .contains("format 7"));

        let unknown = r#"{"deskaid_export":1,"exported_at":"","records":{"other.app":{}}}"#;
        assert!(check_import(unknown, as_it_is, validate_counter)
            .unwrap_err()
            .to_string()
            .contains("\"other.app\""));

        let broken = r#"{"deskaid_export":1,"exported_at":"","records":{"deskaid.test-counter":{"version":3,"data":5}}}"#;
        let err = check_import(broken, as_it_is, validate_counter)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("deskaid.test-counter") && err.contains("Nothing was changed"),
            "{err}"
        );
    }

    #[test]
    fn an_old_exports_sla_rules_are_checked_under_their_own_key() {
        let mut sla = crate::domain::content::sla_defaults().clone();
        sla.general.resolution_business_days = 0;
        let export = |sla: &crate::domain::sla::SlaSettings| {
            serde_json::json!({ "deskaid_export": 1, "exported_at": "", "records": {
                "deskaid.settings": { "version": 1, "data": { "theme": "dark", "sla": sla } }
            } })
            .to_string()
        };
        let err = check_import(&export(&sla), split_moved_parts, validate_record)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("\"deskaid.sla-rules\" cannot be used: its SLA rules are not usable"),
            "{err}"
        );
        sla.general.resolution_business_days = 3;
        let records = check_import(&export(&sla), split_moved_parts, validate_record).unwrap();
        let keys: Vec<&str> = records.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, ["deskaid.sla-rules", "deskaid.settings"]);
    }

    #[test]
    fn a_failed_import_keeps_its_words() {
        assert_eq!(
            ImportError::NotText.to_string(),
            "The file could not be read as text. Nothing was changed."
        );
        assert_eq!(
            ImportError::NotSaved(WriteError::Full).to_string(),
            "The import could not be saved: the browser's storage for this site is full. Your previous data was kept."
        );
    }
}
