//! [`Persisted`]: one stored concern as a signal that saves itself, and the
//! loading that never lets unreadable data stop the app: it is copied to a
//! backup key and replaced by defaults, and the user is told what happened.

use super::backup::backup_key;
use super::envelope::{decode, encode, Persist};
use super::local::{read_raw, remove, storage_available, write_raw};
use crate::components::notice::{NoticeKind, Notices};
use leptos::prelude::*;

/// Loads a concern, falling back to defaults with a message for the user.
/// Unreadable data is copied to its backup key and, once copied, removed, so
/// the notice shows once; data from a newer Deskaid stays for that version.
fn load<T: Persist>() -> (T, Option<String>) {
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
