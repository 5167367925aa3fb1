//! The copies of unreadable data set aside: when a stored record cannot be
//! read, it is copied under its backup key before defaults replace it, so
//! nothing is lost and the Settings page can offer it for download.

use super::local::{read_raw, remove};
use super::state::{StoredKey, STORED};

/// The key an unreadable value is copied to before defaults replace it.
pub fn backup_key(key: &str) -> String {
    format!("{key}.backup")
}

/// The stored keys whose unreadable data was set aside under their backup
/// key, with that copy, so the user can download or delete it.
pub fn set_aside_copies() -> Vec<(&'static StoredKey, String)> {
    STORED
        .iter()
        .filter_map(|stored| Some((stored, read_raw(&backup_key(stored.key))?)))
        .collect()
}

/// Deletes the copy set aside for `stored`, once the user no longer needs it.
pub fn delete_set_aside(stored: &StoredKey) {
    remove(&backup_key(stored.key));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_keys_stay_in_the_namespace() {
        assert_eq!(backup_key("deskaid.settings"), "deskaid.settings.backup");
    }
}
