//! Parts an older record kept inside it that now have a key of their own:
//! the custom question bank (version 1 of the quiz record) and the SLA
//! rules (version 1 of the settings record). Reading the old record would
//! drop the part, so it is moved out first; an import splits it out of an
//! old export's record before checking, so the part passes its own key's
//! checks. Both work on JSON values, never the part's type: the move runs
//! at start, in the shell, which must not carry the SLA rules' parsing.

use super::{CustomBank, QuizData, Settings, SlaRules};
use crate::store::envelope::{encode, envelope_text, Persist};
use crate::store::local::{read_raw, write_raw};
use crate::store::merge::Deletions;
use serde_json::{json, Value};

/// A part that moved out of an older record.
pub(super) struct MovedPart {
    /// The key of the record that held it.
    from: &'static str,
    /// The last version of that record that held it.
    version: u64,
    /// Its field in that record.
    field: &'static str,
    /// The key it has now.
    to: &'static str,
    /// The envelope to store under `to`, from the field's value; `None`
    /// when there is nothing to keep (an empty field).
    envelope: fn(Value) -> Option<String>,
}

/// The quiz record's custom bank, a JSON text.
pub(super) const CUSTOM_BANK: MovedPart = MovedPart {
    from: QuizData::KEY,
    version: 1,
    field: "custom_bank",
    to: CustomBank::KEY,
    envelope: |value| {
        let json = value.as_str()?.to_string();
        Some(encode(&CustomBank { json: Some(json) }))
    },
};

/// The settings record's SLA rules; the user's own when not null.
pub(super) const SLA_RULES: MovedPart = MovedPart {
    from: Settings::KEY,
    version: 1,
    field: "sla",
    to: SlaRules::KEY,
    envelope: |value| {
        (!value.is_null()).then(|| {
            envelope_text(
                SlaRules::VERSION,
                json!({ "own": value }),
                &Deletions::new(),
            )
        })
    },
};

const MOVED: &[MovedPart] = &[CUSTOM_BANK, SLA_RULES];

impl MovedPart {
    /// The part's envelope and the record without it (still the old
    /// version, so its migration runs as for any older record), or `None`
    /// when there is nothing to move: no part, already moved, a later
    /// version, or damaged.
    fn split(&self, raw: &str) -> Option<(String, String)> {
        let mut envelope: Value = serde_json::from_str(raw).ok()?;
        if envelope.get("version")?.as_u64()? != self.version {
            return None;
        }
        let data = envelope.get_mut("data")?.as_object_mut()?;
        let part = (self.envelope)(data.remove(self.field)?)?;
        Some((part, envelope.to_string()))
    }

    /// The old record's `data` without the part: its migration to the
    /// version after, once the part has been moved out (or could not be).
    pub(super) fn left_behind(&self, mut data: Value) -> Value {
        if let Some(fields) = data.as_object_mut() {
            fields.remove(self.field);
        }
        data
    }

    /// Moves the part out of its old record, if it is still there, before
    /// that record is read: the part's key is written first, so a failed
    /// write leaves the old record whole.
    pub(super) fn move_out(&self) {
        let Some((part, record)) = read_raw(self.from).and_then(|raw| self.split(&raw)) else {
            return;
        };
        if write_raw(self.to, &part).is_ok() {
            let _ = write_raw(self.from, &record);
        }
    }
}

/// The records to store for one record of an import: the record itself,
/// after any part an older version kept inside it, under the part's key.
pub fn split_moved_parts(key: &str, raw: String) -> Vec<(String, String)> {
    let moved = MOVED.iter().filter(|part| part.from == key);
    for part in moved {
        if let Some((part_raw, record)) = part.split(&raw) {
            return vec![(part.to.to_string(), part_raw), (key.to_string(), record)];
        }
    }
    vec![(key.to_string(), raw)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content;
    use crate::store::envelope::decode;

    #[test]
    fn a_version_1_quiz_record_gives_its_custom_bank_a_key_of_its_own() {
        let v1 =
            r#"{"version":1,"data":{"progress":{},"session":null,"custom_bank":"{\"bank\":1}"}}"#;
        let (bank, quiz) = CUSTOM_BANK.split(v1).unwrap();
        assert_eq!(
            decode::<CustomBank>(&bank),
            Ok(CustomBank {
                json: Some(r#"{"bank":1}"#.into())
            })
        );
        assert_eq!(
            quiz,
            r#"{"data":{"progress":{},"session":null},"version":1}"#
        );
        assert_eq!(decode::<QuizData>(&quiz), Ok(QuizData::default()));
        // Nothing to move: no bank, already moved, a later version, or damaged.
        for raw in [
            r#"{"version":1,"data":{"progress":{},"custom_bank":null}}"#,
            quiz.as_str(),
            r#"{"version":2,"data":{"custom_bank":"x"}}"#,
            "{not json",
        ] {
            assert_eq!(CUSTOM_BANK.split(raw), None, "{raw}");
        }
        // A version 1 record read as is (the move failed) still loads.
        assert_eq!(decode::<QuizData>(v1), Ok(QuizData::default()));
    }

    #[test]
    fn a_version_1_settings_record_gives_its_sla_rules_a_key_of_their_own() {
        let mut own = content::sla_defaults().clone();
        own.general.cutoff = "14:00".to_string();
        let v1 = json!({ "version": 1, "data": { "theme": "dark", "sla": own } }).to_string();
        let (rules, settings) = SLA_RULES.split(&v1).unwrap();
        assert_eq!(
            decode::<SlaRules>(&rules),
            Ok(SlaRules {
                own: Some(own.clone())
            })
        );
        let dark = Settings {
            theme: super::super::Theme::Dark,
        };
        assert_eq!(decode::<Settings>(&settings), Ok(dark.clone()));
        // Shipped defaults in use (null), or already moved: nothing to move.
        let defaults = r#"{"version":1,"data":{"theme":"dark","sla":null}}"#;
        assert_eq!(SLA_RULES.split(defaults), None);
        assert_eq!(SLA_RULES.split(&settings), None);
        assert_eq!(SLA_RULES.split(&encode(&dark)), None);
        // Read as is (the move failed), the version 1 record still loads.
        assert_eq!(decode::<Settings>(&v1), Ok(dark));
    }

    #[test]
    fn an_old_exports_records_are_split_before_they_are_checked() {
        let v1 = r#"{"version":1,"data":{"theme":"light","sla":{"general":{}}}}"#;
        let records = split_moved_parts(Settings::KEY, v1.to_string());
        let keys: Vec<&str> = records.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, [SlaRules::KEY, Settings::KEY]);
        // Other keys, and records with nothing to move, stay as they are.
        let walks = r#"{"version":1,"data":{}}"#.to_string();
        assert_eq!(
            split_moved_parts("deskaid.walks", walks.clone()),
            [("deskaid.walks".to_string(), walks)]
        );
    }
}
