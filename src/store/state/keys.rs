//! The list of every key Deskaid stores, for the operations that treat
//! stored values alike without their types: export, import checks, backups.

use super::{ClassResults, CustomBank, Queue, QuizData, Settings, SlaRules, Walks};
use crate::store::author::{AuthorDraft, DevicePack};
use crate::store::envelope::{validate, Persist, RecordProblem};
use crate::store::pack::LastGoodPack;

/// One key Deskaid stores, for the operations that need no typed value:
/// export, import checks, and the copies of unreadable data set aside.
pub struct StoredKey {
    /// The localStorage key.
    pub key: &'static str,
    /// What the user calls the data ([`Persist::LABEL`]).
    pub label: &'static str,
    /// Checks a raw value: readable, and passing [`Persist::check`].
    validate: fn(&str) -> Result<(), RecordProblem>,
}

const fn stored<T: Persist>() -> StoredKey {
    StoredKey {
        key: T::KEY,
        label: T::LABEL,
        validate: validate::<T>,
    }
}

/// Every key Deskaid stores.
pub const STORED: &[StoredKey] = &[
    stored::<Settings>(),
    stored::<SlaRules>(),
    stored::<Walks>(),
    stored::<Queue>(),
    stored::<QuizData>(),
    stored::<CustomBank>(),
    stored::<ClassResults>(),
    stored::<AuthorDraft>(),
    stored::<DevicePack>(),
    stored::<LastGoodPack>(),
];

/// Checks that `raw` is a readable value for `key`; `None` for unknown keys.
pub fn validate_record(key: &str, raw: &str) -> Option<Result<(), RecordProblem>> {
    STORED
        .iter()
        .find(|stored| stored.key == key)
        .map(|stored| (stored.validate)(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::envelope::encode;

    fn default_validates<T: Persist>() {
        assert_eq!(
            validate_record(T::KEY, &encode(&T::default())),
            Some(Ok(())),
            "{}",
            T::KEY
        );
    }

    #[test]
    fn every_key_validates_its_own_default() {
        default_validates::<Settings>();
        default_validates::<SlaRules>();
        default_validates::<Walks>();
        default_validates::<AuthorDraft>();
        default_validates::<DevicePack>();
        default_validates::<LastGoodPack>();
        default_validates::<Queue>();
        default_validates::<QuizData>();
        default_validates::<CustomBank>();
        default_validates::<ClassResults>();
        assert_eq!(STORED.len(), 10, "a new stored key needs a line above");
        assert_eq!(validate_record("deskaid.unknown", "{}"), None);
    }

    #[test]
    fn every_stored_key_has_the_deskaid_prefix() {
        let keys: Vec<&str> = STORED.iter().map(|stored| stored.key).collect();
        let prefixed = keys.iter().all(|key| key.starts_with("deskaid."));
        assert!(prefixed, "{keys:?}");
    }
}
