//! [`Persisted`]: one stored concern as a signal that saves itself, and the
//! loading that never lets unreadable data stop the app: it is copied to a
//! key of its own (`backup`) and replaced by defaults, and the user is told
//! what happened.

use super::backup::{age_words, delete_all_set_aside, set_aside, SetAside, COPIES_KEPT};
use super::envelope::{decode, encode, Persist};
use super::local::{read_raw, remove, storage_available, write_raw};
use crate::components::notice::{NoticeKind, Notices};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Loads a concern, falling back to defaults with a message for the user.
/// Unreadable data is copied to a key of its own and, once copied, removed, so
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
            let now = Utc::now();
            let kept = match set_aside(T::KEY, &raw, now) {
                Ok(outcome) => {
                    if !unreadable.newer_version {
                        remove(T::KEY);
                    }
                    set_aside_words(&outcome, now)
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

/// Where the copy went, and what the limit of copies did or will do: the
/// user is told when the limit is reached, before any copy is dropped.
/// Ages rather than times: this runs in the shell, which carries no zone data.
fn set_aside_words(outcome: &SetAside, now: DateTime<Utc>) -> String {
    let mut words = String::from(
        "A copy is kept aside: Settings, under \"Your data\", lets you download or delete it.",
    );
    for dropped in &outcome.dropped {
        let when = dropped.map_or("before Deskaid recorded times".to_string(), |at| {
            age_words(at, now)
        });
        words.push_str(&format!(
            " To keep at most {COPIES_KEPT} copies, the oldest one (set aside {when}) was deleted."
        ));
    }
    if !outcome.already_kept && outcome.dropped.is_empty() && outcome.kept == COPIES_KEPT {
        words.push_str(&format!(
            " This is the {COPIES_KEPT}th copy kept, the most Deskaid keeps: the next one will replace the oldest unless you download or delete some."
        ));
    }
    words
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
        delete_all_set_aside(T::KEY);
        self.value.set(T::default());
    }
}
