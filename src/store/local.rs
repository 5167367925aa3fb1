//! The only calls to localStorage, and to sessionStorage (what one tab
//! keeps through its own reloads: a draft being tried). Everything else in
//! the app reads and writes through these functions, so a browser that
//! blocks site data or a full storage is handled in one place.

use gloo_storage::{LocalStorage, Storage};
use std::fmt;

/// Why a value could not be written; its text continues "could not be saved: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser blocks site data (private modes, policies).
    Unavailable,
    /// The quota for this site is used up.
    Full,
    /// Any other refusal, with the name of the browser's exception.
    Refused(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Unavailable => {
                f.write_str("this browser does not allow the site to store data")
            }
            WriteError::Full => f.write_str("the browser's storage for this site is full"),
            WriteError::Refused(name) => write!(f, "the browser refused to store it ({name})"),
        }
    }
}

/// Whether localStorage can be used at all (it throws when the browser
/// blocks site data); gloo's accessors must only be called after this.
pub fn storage_available() -> bool {
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

/// Writes a raw string, saying why a full or disabled storage refused it.
pub fn write_raw(key: &str, raw: &str) -> Result<(), WriteError> {
    if !storage_available() {
        return Err(WriteError::Unavailable);
    }
    LocalStorage::raw().set_item(key, raw).map_err(refusal)
}

/// Why the browser refused a write, from the exception it threw.
fn refusal(error: wasm_bindgen::JsValue) -> WriteError {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        WriteError::Full
    } else {
        WriteError::Refused(name)
    }
}

/// This tab's sessionStorage, when the browser allows it.
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// What this tab keeps under `key` through its reloads. Only the pack
/// loader reads it, which builds with content compiled in do without.
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "embed-content"),
    allow(dead_code)
)]
pub fn read_tab(key: &str) -> Option<String> {
    tab_storage()?.get_item(key).ok().flatten()
}

/// Keeps `raw` under `key` for this tab, through its reloads only.
pub fn write_tab(key: &str, raw: &str) -> Result<(), WriteError> {
    tab_storage()
        .ok_or(WriteError::Unavailable)?
        .set_item(key, raw)
        .map_err(refusal)
}

/// Forgets what this tab keeps under `key`.
pub fn remove_tab(key: &str) {
    if let Some(storage) = tab_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Every key stored for this site, Deskaid's and others' (the copies set
/// aside are found by their names).
pub fn stored_keys() -> Vec<String> {
    if !storage_available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Removes `key` (reset, deleted copies, undone imports).
pub fn remove(key: &str) {
    if storage_available() {
        LocalStorage::delete(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_errors_keep_their_words() {
        assert_eq!(
            WriteError::Unavailable.to_string(),
            "this browser does not allow the site to store data"
        );
        assert_eq!(
            WriteError::Full.to_string(),
            "the browser's storage for this site is full"
        );
        assert_eq!(
            WriteError::Refused("SecurityError".into()).to_string(),
            "the browser refused to store it (SecurityError)"
        );
    }
}
