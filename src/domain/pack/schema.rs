//! The JSON Schema of a pack file, derived from the content types with their
//! doc comments as descriptions, so it cannot drift from what Deskaid reads.
//! Kept in `assets/content/pack.schema.json` for authors and their editors,
//! and copied beside the pack to `dist/content/` (`cargo run --example
//! update_generated` writes it; `tests/generated.rs` checks it). Natively
//! only: the wasm never carries it.

use super::PackFile;

/// The schema of [`PackFile`], pretty-printed.
pub fn pack_schema_json() -> String {
    let schema = schemars::schema_for!(PackFile);
    serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pack::shipped_pack_file;
    use serde_json::{json, Value};

    fn validator() -> jsonschema::Validator {
        let schema: Value = serde_json::from_str(&pack_schema_json()).unwrap();
        jsonschema::validator_for(&schema).expect("a valid JSON Schema")
    }

    fn errors(pack: &Value) -> Vec<String> {
        validator()
            .iter_errors(pack)
            .map(|e| format!("{}: {e}", e.instance_path))
            .collect()
    }

    #[test]
    fn the_shipped_pack_meets_the_schema() {
        let pack = serde_json::to_value(shipped_pack_file()).unwrap();
        assert_eq!(errors(&pack), Vec::<String>::new());
    }

    #[test]
    fn the_schema_refuses_what_reading_refuses() {
        let mut pack = serde_json::to_value(shipped_pack_file()).unwrap();
        pack["titel"] = json!("typo");
        pack["flows"][0]["steps"][0]["kind"] = json!("maybe");
        pack["sla"]["calendar"]["hours"][0]["day"] = json!("Monday");
        pack["version"] = json!("two");
        let found = errors(&pack);
        for place in [
            "",
            "/flows/0/steps/0/kind",
            "/sla/calendar/hours/0/day",
            "/version",
        ] {
            assert!(
                found.iter().any(|e| e.starts_with(&format!("{place}: "))),
                "no error at {place:?} in {found:#?}"
            );
        }
    }
}
