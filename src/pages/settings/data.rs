//! The user's data in Settings: export, import and reset, the space each
//! concern uses, and the copies of unreadable data set aside.

use crate::components::clock::{format_local_seconds, BrowserZone};
use crate::components::confirm::ConfirmedAction;
use crate::components::download::save_file;
use crate::components::form::FileField;
use crate::components::notice::{NoticeKind, Notices};
use crate::domain::time::OffsetAt;
use crate::store::{delete_set_aside, export_all, import_all, set_aside_copies};
use crate::store::{space_used, SetAsideCopy, COPIES_KEPT};
use crate::store::{AppState, ImportError};
use leptos::prelude::*;

/// Offers every record as this tab holds it as an export file: changes
/// storage refused are in it (a backup when storage is full).
pub(super) fn download_backup(state: AppState, notices: Notices) {
    let now = chrono::Utc::now();
    let text = export_all(&now.to_rfc3339(), &state.records());
    let name = format!(
        "deskaid-export-{}.json",
        BrowserZone.local(now).format("%Y-%m-%d")
    );
    save_file(notices, &name, "application/json", &text);
}

/// Export, import and reset of everything Deskaid stores.
#[component]
pub(super) fn DataManagement(
    /// The app state to reload after an import or reset.
    state: AppState,
) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let import_error = RwSignal::new(None::<String>);

    let import = Callback::new(move |(name, text): (String, Option<String>)| {
        // Written first, so the imported records replace them when merged.
        state.flush_all();
        match text
            .ok_or(ImportError::NotText)
            .and_then(|text| import_all(&text))
        {
            Ok(count) => {
                import_error.set(None);
                state.reload_all();
                notices.push(
                    NoticeKind::Success,
                    format!("Imported {count} record(s) from {name}."),
                );
            }
            Err(error) => import_error.set(Some(error.to_string())),
        }
    });

    let reset = move |()| {
        state.reset_all();
        notices.push(
            NoticeKind::Success,
            "All Deskaid data in this browser was deleted.",
        );
    };

    view! {
        <section aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data"</h2>
            <p>"Everything Deskaid stores lives in this browser. Export it to keep a copy or to move it to another computer."</p>
            <div class="button-row">
                <button type="button" on:click=move |_| download_backup(state, notices)>"Export all data"</button>
            </div>
            <FileField
                id="import-file"
                label="Import data from an export file"
                accept="application/json,.json"
                hint="The file is checked completely first; if anything in it is wrong, nothing is changed."
                on_read=import
            />
            <Show when=move || import_error.get().is_some()>
                <p class="inline-error" role="alert" data-testid="import-error">
                    {move || import_error.get()}
                </p>
            </Show>
            <SpaceUsed/>
            <SetAsideCopies/>
            <ConfirmedAction
                label="Reset all data…"
                question="Delete your settings, saved walks, case queue and quiz progress from this browser? This cannot be undone."
                confirm_label="Yes, delete everything"
                question_id="reset-question"
                on_confirm=reset
            />
        </section>
    }
}

/// The copies of saved data that could not be read when loaded, each with
/// its concern, when it was set aside and its size: the user can download
/// one (to send to whoever supports Deskaid, or to repair it) or delete it
/// once it is not needed.
#[component]
fn SetAsideCopies() -> impl IntoView {
    let state = expect_context::<AppState>();
    let copies = RwSignal::new(set_aside_copies());
    // A reset or an import changes the concerns and may remove copies.
    Effect::new(move |_| {
        state.track_storage();
        copies.set(set_aside_copies());
    });
    view! {
        <Show when=move || copies.with(|c| !c.is_empty())>
            <h3>"Unreadable data set aside"</h3>
            <p>
                {format!("When saved data cannot be read, Deskaid uses the defaults and keeps the old copy here, up to {COPIES_KEPT} for each kind of data. Download a copy to keep or repair it; delete it when you no longer need it.")}
            </p>
            <ul class="set-aside-list" data-testid="set-aside">
                {move || copies.get().into_iter().map(|copy| view! { <SetAsideItem copy=copy copies=copies/> }).collect_view()}
            </ul>
        </Show>
    }
}

/// One copy set aside: what it is, when, how big, and its two actions.
#[component]
fn SetAsideItem(
    /// The copy.
    copy: SetAsideCopy,
    /// The list to refresh once it is deleted.
    copies: RwSignal<Vec<SetAsideCopy>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let label = copy.stored.label;
    // Seconds too: two copies set aside in the same minute need different
    // button names.
    let when = copy.set_aside_at.map_or_else(
        || "before Deskaid recorded times".to_string(),
        |at| format!("on {}", format_local_seconds(at)),
    );
    let file = format!(
        "deskaid-unreadable-{}{}.json",
        copy.stored.key.trim_start_matches("deskaid."),
        copy.set_aside_at
            .map(|at| at.format("-%Y%m%dT%H%M%SZ").to_string())
            .unwrap_or_default(),
    );
    let size = format_bytes(copy.raw.len());
    let described = format!("the unreadable copy of your {label} set aside {when}");
    let delete = {
        let copy = copy.clone();
        let described = described.clone();
        move |_| {
            delete_set_aside(&copy);
            copies.set(set_aside_copies());
            // The space it took may be what a refused write needed.
            state.retry_unsaved();
            notices.push(NoticeKind::Success, format!("Deleted {described}."));
        }
    };
    let raw = copy.raw;
    view! {
        <li>
            <span>{format!("Your {label}, set aside {when} ({size})")}</span>
            <button
                type="button"
                class="secondary"
                aria-label=format!("Download {described}")
                on:click=move |_| save_file(notices, &file, "application/json", &raw)
            >
                "Download"
            </button>
            <button
                type="button"
                class="secondary"
                aria-label=format!("Delete {described}")
                on:click=delete
            >
                "Delete"
            </button>
        </li>
    }
}

/// What browsers usually let one site keep in this storage: 5 million
/// characters in Chromium and Firefox (Deskaid's text is mostly ASCII, one
/// byte a character).
const TYPICAL_QUOTA_BYTES: usize = 5_000_000;

/// The bytes each concern uses, and the total against the usual quota, so
/// growth is seen before the storage is full.
#[component]
fn SpaceUsed() -> impl IntoView {
    let state = expect_context::<AppState>();
    let used = Memo::new(move |_| {
        // Re-measured when any concern changes (the writes follow within
        // half a second; a change to the figures is rarely that quick).
        state.track_storage();
        space_used()
            .into_iter()
            .map(|(stored, bytes)| (stored.label, bytes))
            .collect::<Vec<_>>()
    });
    let total = move || used.with(|u| u.iter().map(|(_, bytes)| bytes).sum::<usize>());
    view! {
        <h3 id="space-heading">"Space used in this browser"</h3>
        <table class="space-used" aria-labelledby="space-heading" data-testid="space-used">
            <thead>
                <tr><th scope="col">"Data"</th><th scope="col">"Size"</th></tr>
            </thead>
            <tbody>
                {move || used.get().into_iter().map(|(label, bytes)| view! {
                    <tr><th scope="row">{format!("Your {label}")}</th><td>{format_bytes(bytes)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <p data-testid="space-total">
            {move || format!(
                "In all {}, of about {} browsers usually allow a site here ({}% used).",
                format_bytes(total()),
                format_bytes(TYPICAL_QUOTA_BYTES),
                (total() * 100).div_ceil(TYPICAL_QUOTA_BYTES),
            )}
        </p>
    }
}

/// A size for people: "17 bytes", "2.5 kB", "1.2 MB" (powers of 1000, as
/// browsers state their quotas).
pub(super) fn format_bytes(bytes: usize) -> String {
    match bytes {
        1 => "1 byte".to_string(),
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_bytes_kilobytes_and_megabytes() {
        assert_eq!(format_bytes(0), "0 bytes");
        assert_eq!(format_bytes(1), "1 byte");
        assert_eq!(format_bytes(999), "999 bytes");
        assert_eq!(format_bytes(2_500), "2.5 kB");
        assert_eq!(format_bytes(1_234_567), "1.2 MB");
    }
}
