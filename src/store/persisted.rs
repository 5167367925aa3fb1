//! [`Persisted`]: one stored concern as a signal that saves itself, and the
//! loading that never lets unreadable data stop the app: it is copied to a
//! key of its own (`backup`) and replaced by defaults, and the user is told
//! what happened.

use super::backup::{age_words, forget_key, set_aside, SetAside, COPIES_KEPT};
use super::envelope::{decode_tracked, encode_tracked, Persist, Unreadable};
use super::local::{read_raw, remove, storage_available, write_raw, WriteError};
use super::merge::{next_deletions, Deletions};
use crate::components::notice::{NoticeKind, Notices};
use crate::nav::{Route, FREE_SPACE_SECTION};
use chrono::{DateTime, Utc};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::time::Duration;

/// What storage held for a concern.
struct Loaded<T> {
    /// The value; `None` when there is none to use (storage is unavailable,
    /// or the stored data could not be read and was set aside).
    value: Option<T>,
    /// What the key holds once loading is done, to tell later whether another
    /// tab wrote since.
    raw: Option<String>,
    /// The records deleted lately, stored beside the value (see `merge`).
    deleted: Deletions,
    /// What the user is told, if anything went wrong.
    problem: Option<String>,
}

/// Loads a concern; a missing key is the default value. Unreadable data is
/// copied to a key of its own and, once copied, removed, so the notice shows
/// once; data from a newer Deskaid stays for that version.
fn load<T: Persist>() -> Loaded<T> {
    if !storage_available() {
        return Loaded {
            value: None,
            raw: None,
            deleted: Deletions::new(),
            problem: Some(unavailable_words(T::LABEL)),
        };
    }
    let Some(raw) = read_raw(T::KEY) else {
        return Loaded {
            value: Some(T::default()),
            raw: None,
            deleted: Deletions::new(),
            problem: None,
        };
    };
    match decode_tracked::<T>(&raw) {
        Ok((value, deleted)) => Loaded {
            value: Some(value),
            raw: Some(raw),
            deleted,
            problem: None,
        },
        Err(unreadable) => {
            let (left, problem) = set_aside_unreadable(T::KEY, T::LABEL, raw, &unreadable);
            Loaded {
                value: None,
                raw: left,
                deleted: Deletions::new(),
                problem: Some(problem),
            }
        }
    }
}

// The functions below take the concern's key and label rather than its
// type, so each concern does not carry a copy of them.

fn unavailable_words(label: &str) -> String {
    format!("This browser does not let Deskaid store data, so your {label} will last only until this tab is closed.")
}

/// Sets aside `raw`, the unreadable text stored under `key`: what the key
/// holds afterwards, and what the user is told.
fn set_aside_unreadable(
    key: &'static str,
    label: &str,
    raw: String,
    unreadable: &Unreadable,
) -> (Option<String>, String) {
    web_sys::console::warn_1(&format!("Deskaid: {key} unreadable: {}", unreadable.detail).into());
    let now = Utc::now();
    let (left, kept) = match set_aside(key, &raw, now) {
        Ok(outcome) => {
            let left = if unreadable.newer_version {
                Some(raw)
            } else {
                remove(key);
                None
            };
            (left, set_aside_words(&outcome, now))
        }
        Err(e) => (Some(raw), format!(
            "A copy could not be kept aside ({e}), so it stays in place until something new is saved."
        )),
    };
    let problem = format!(
        "Your saved {label} could not be read: {}. Deskaid is using the defaults instead. {kept}",
        unreadable.reason
    );
    (left, problem)
}

/// Tells the user how a write of the concern called `label` went: a
/// refused one in words they can act on (for a full storage, with the way
/// to free space), and a success after a refusal by taking the refusal's
/// notice (`full_notice`) back. Returns the notice of a full storage, to
/// take back later.
fn report_write(
    notices: Notices,
    label: &str,
    result: Result<(), WriteError>,
    full_notice: Option<u32>,
) -> Option<u32> {
    match result {
        Ok(()) => {
            if let Some(id) = full_notice {
                notices.dismiss(id);
                notices.push(NoticeKind::Success, format!("Your {label} is saved now."));
            }
            None
        }
        Err(WriteError::Full) => Some(notices.push_with_link(
            NoticeKind::Error,
            format!(
                "Your {label} could not be saved: {}. The change is kept in this tab only. Make room and Deskaid saves it: download a backup, clear finished walks, archive resolved cases or remove the custom question bank.",
                WriteError::Full
            ),
            Route::Settings.section_href(FREE_SPACE_SECTION),
            "Free up space in Settings",
        )),
        Err(reason) => {
            notices.push(
                NoticeKind::Error,
                format!(
                    "Your {label} could not be saved: {reason}. The change is kept in this tab only; export your data from Settings before closing it."
                ),
            );
            None
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

/// How often, at most, a concern is written while the user types or clicks
/// (milliseconds): each write encodes the whole concern and wakes every
/// other open tab. The first change after a quiet spell is written at once.
const WRITE_INTERVAL_MS: f64 = 500.0;

/// What a tab knows of the stored copy of a concern.
struct StoredCopy<T> {
    /// The value as last read from or written to storage: what this tab and
    /// the others last agreed on, the base of a merge.
    base: T,
    /// The stored text of `base`, to see cheaply whether another tab wrote.
    base_raw: Option<String>,
    /// The records deleted lately, as stored with `base`.
    deleted: Deletions,
    /// The write waiting for the interval to pass.
    pending: Option<TimeoutHandle>,
    /// When this tab last wrote (`Date.now()`, milliseconds).
    last_write_ms: f64,
    /// The notice saying storage was full, while the change it names is
    /// still unsaved: taken back once a write succeeds.
    full_notice: Option<u32>,
}

/// A persisted concern in the UI: a signal that saves itself soon after each
/// update, merging what other tabs stored meanwhile, and reports a failed
/// write instead of losing the in-memory state.
pub struct Persisted<T: Persist + Send + Sync + 'static> {
    value: RwSignal<T>,
    sync: StoredValue<StoredCopy<T>>,
    /// Whether the last write was refused, so this tab holds changes that
    /// storage does not.
    unsaved: RwSignal<bool>,
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
        let loaded = load::<T>();
        if let Some(text) = loaded.problem {
            notices.push(NoticeKind::Warning, text);
        }
        let value = loaded.value.unwrap_or_default();
        Persisted {
            value: RwSignal::new(value.clone()),
            sync: StoredValue::new(StoredCopy {
                base: value,
                base_raw: loaded.raw,
                deleted: loaded.deleted,
                pending: None,
                last_write_ms: 0.0,
                full_notice: None,
            }),
            unsaved: RwSignal::new(false),
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

    /// Changes the value and saves it: at once after a quiet spell, else
    /// when [`WRITE_INTERVAL_MS`] has passed since the last write (or the
    /// page is hidden, see [`Persisted::flush`]). A failed write keeps the
    /// change in memory and tells the user.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        self.value.update(change);
        self.save_soon();
    }

    /// Writes a waiting change now: the page is being hidden or closed, or
    /// something is about to read storage directly (an export).
    pub fn flush(&self) {
        let pending = self
            .sync
            .try_update_value(|sync| sync.pending.take())
            .flatten();
        if let Some(handle) = pending {
            handle.clear();
            self.save_now();
        }
    }

    /// Whether this tab holds changes storage refused, tracked.
    pub fn is_unsaved(&self) -> bool {
        self.unsaved.get()
    }

    /// Tries a refused write again, once the user has freed space.
    pub fn retry(&self) {
        if self.unsaved.get_untracked() {
            self.save_now();
        }
    }

    /// The value as it would be stored now: what storage holds, or, while
    /// a change waits or was refused, this tab's value (a backup made when
    /// storage is full must hold the changes it refused).
    pub fn stored_text(&self) -> Option<String> {
        let (waiting, deleted) = self
            .sync
            .with_value(|sync| (sync.pending.is_some(), sync.deleted.clone()));
        if !waiting && !self.unsaved.get_untracked() {
            return read_raw(T::KEY);
        }
        Some(
            self.value
                .with_untracked(|value| encode_tracked(value, &deleted)),
        )
    }

    fn save_soon(&self) {
        let (waiting, last_write_ms) = self
            .sync
            .with_value(|sync| (sync.pending.is_some(), sync.last_write_ms));
        if waiting {
            return;
        }
        let wait = WRITE_INTERVAL_MS - (js_sys::Date::now() - last_write_ms);
        if wait <= 0.0 {
            self.save_now();
            return;
        }
        let this = *self;
        let later = move || {
            if this
                .sync
                .try_update_value(|sync| sync.pending.take())
                .is_some()
            {
                this.save_now();
            }
        };
        match set_timeout_with_handle(later, Duration::from_millis(wait.ceil() as u64)) {
            Ok(handle) => self.sync.update_value(|sync| sync.pending = Some(handle)),
            Err(_) => self.save_now(),
        }
    }

    /// Re-reads storage, merges what another tab wrote since this tab last
    /// read or wrote it (see `merge`), and writes the result.
    fn save_now(&self) {
        let stored = read_raw(T::KEY);
        let (changed_elsewhere, mut before) = self
            .sync
            .with_value(|sync| (sync.base_raw != stored, sync.base.record_ids()));
        let mut stored_deleted = self.sync.with_value(|sync| sync.deleted.clone());
        if changed_elsewhere {
            let theirs = match stored.as_deref().map(decode_tracked::<T>) {
                // Removed by another tab's reset: records this tab did not
                // change go; its own changes stay.
                None => Some((
                    T::default(),
                    before.iter().map(|id| (id.clone(), 0)).collect(),
                )),
                Some(Ok(theirs)) => Some(theirs),
                // Unreadable: keep it aside and write this tab's value.
                Some(Err(_)) => {
                    if let Some(raw) = &stored {
                        let _ = set_aside(T::KEY, raw, Utc::now());
                    }
                    None
                }
            };
            if let Some((theirs, deleted)) = theirs {
                before.extend(theirs.record_ids());
                self.merge_in(theirs, &deleted);
                stored_deleted = deleted;
            }
        }
        let written = self.value.get_untracked();
        let deleted = next_deletions(
            &stored_deleted,
            &before,
            &written.record_ids(),
            js_sys::Date::now() as i64,
        );
        let raw = encode_tracked(&written, &deleted);
        let result = write_raw(T::KEY, &raw);
        let full_notice = self.sync.try_update_value(|sync| {
            sync.last_write_ms = js_sys::Date::now();
            if result.is_ok() {
                sync.base = written;
                sync.base_raw = Some(raw);
                sync.deleted = deleted;
                sync.full_notice.take()
            } else {
                None
            }
        });
        self.unsaved.set(result.is_err());
        if let Some(id) = report_write(self.notices, T::LABEL, result, full_notice.flatten()) {
            self.sync.update_value(|sync| sync.full_notice = Some(id));
        }
    }

    /// Merges `theirs`, another tab's stored value, into this tab's.
    fn merge_in(&self, theirs: T, deleted: &Deletions) {
        let mine = self.value.get_untracked();
        let merged = self
            .sync
            .with_value(|sync| T::merge(&sync.base, mine.clone(), theirs, deleted));
        if merged != mine {
            self.value.set(merged);
        }
    }

    /// Takes in what storage holds now (another tab wrote it), merged with
    /// this tab's changes not written yet, which are then written soon.
    pub fn reload(&self) {
        let loaded = load::<T>();
        if let Some(text) = loaded.problem {
            self.notices.push(NoticeKind::Warning, text);
        }
        match loaded.value {
            Some(theirs) => {
                self.merge_in(theirs.clone(), &loaded.deleted);
                let unwritten = self.value.with_untracked(|mine| *mine != theirs);
                self.sync.update_value(|sync| {
                    sync.base = theirs;
                    sync.base_raw = loaded.raw;
                    sync.deleted = loaded.deleted;
                });
                if unwritten {
                    self.save_soon();
                }
            }
            // Unreadable, and set aside: this tab's value is written back.
            None => {
                self.sync.update_value(|sync| sync.base_raw = loaded.raw);
                self.save_soon();
            }
        }
    }

    /// Forgets the stored value, any write waiting, and every unreadable
    /// copy set aside, and returns to defaults.
    pub fn reset(&self) {
        if let Some(handle) = self
            .sync
            .try_update_value(|sync| sync.pending.take())
            .flatten()
        {
            handle.clear();
        }
        forget_key(T::KEY);
        self.value.set(T::default());
        self.unsaved.set(false);
        let full_notice = self.sync.try_update_value(|sync| {
            sync.base = T::default();
            sync.base_raw = None;
            sync.deleted = Deletions::new();
            sync.full_notice.take()
        });
        if let Some(id) = full_notice.flatten() {
            self.notices.dismiss(id);
        }
    }
}
