//! `#/settings`: theme, the SLA rules and business calendar, and the user's
//! data: export, import and reset.

use crate::components::confirm::ConfirmedAction;
use crate::components::download::save_file;
use crate::components::form::{Binding, FileField, RadioGroup};
use crate::components::notice::{NoticeKind, Notices};
use crate::components::sla::rules::SlaRulesEditor;
use crate::components::title::set_page_title;
use crate::store::{backup_key, build_export, check_import, read_raw, remove, write_raw};
use crate::store::{raw_records, set_aside_copies, validate_record, AppState, Theme};
use leptos::prelude::*;

/// Preferences and data management.
#[component]
pub fn SettingsPage() -> impl IntoView {
    set_page_title("Settings");
    let state = expect_context::<AppState>();
    view! {
        <h1>"Settings"</h1>
        <ThemeChoice state=state/>
        <SlaRulesEditor/>
        <DataManagement state=state/>
    }
}

/// Light, dark, or follow the system.
#[component]
fn ThemeChoice(
    /// The app state holding the setting.
    state: AppState,
) -> impl IntoView {
    view! {
        <section aria-labelledby="theme-heading">
            <h2 id="theme-heading">"Theme"</h2>
            <RadioGroup
                name="theme"
                legend="Colour scheme"
                value=Binding::new(
                    move || state.settings.with(|s| s.theme),
                    move |theme: Theme| state.settings.update(|s| s.theme = theme),
                )
            />
        </section>
    }
}

/// Export, import and reset of everything Deskaid stores.
#[component]
fn DataManagement(
    /// The app state to reload after an import or reset.
    state: AppState,
) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let import_error = RwSignal::new(None::<String>);

    let export = move |_| {
        let now = chrono::Utc::now();
        let text = build_export(&now.to_rfc3339(), &raw_records());
        let name = format!("deskaid-export-{}.json", now.format("%Y-%m-%d"));
        save_file(notices, &name, "application/json", &text);
    };

    let import = Callback::new(move |(name, text): (String, Option<String>)| {
        let result = match text {
            Some(text) => {
                check_import(&text, validate_record).and_then(|records| apply_import(&records))
            }
            None => Err("The file could not be read as text. Nothing was changed.".into()),
        };
        match result {
            Ok(count) => {
                import_error.set(None);
                state.reload_all();
                notices.push(
                    NoticeKind::Success,
                    format!("Imported {count} record(s) from {name}."),
                );
            }
            Err(message) => import_error.set(Some(message)),
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
                <button type="button" on:click=export>"Export all data"</button>
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

/// The copies of saved data that could not be read at start-up: the user can
/// download one (to send to whoever supports Deskaid, or to repair it) or
/// delete it once it is not needed.
#[component]
fn SetAsideCopies() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let state = expect_context::<AppState>();
    let copies = RwSignal::new(set_aside_copies());
    // A reset or an import changes the concerns and may remove copies.
    Effect::new(move |_| {
        state.settings.with(|_| ());
        state.walks.with(|_| ());
        state.queue.with(|_| ());
        state.quiz.with(|_| ());
        copies.set(set_aside_copies());
    });
    view! {
        <Show when=move || copies.with(|c| !c.is_empty())>
            <h3>"Unreadable data set aside"</h3>
            <p>
                "When saved data cannot be read, Deskaid uses the defaults and keeps the old copy here. Download it to keep or repair it; delete it when you no longer need it."
            </p>
            <ul class="set-aside-list" data-testid="set-aside">
                {move || {
                    copies
                        .get()
                        .into_iter()
                        .map(|(stored, raw)| {
                            let file = format!(
                                "deskaid-unreadable-{}.json",
                                stored.key.trim_start_matches("deskaid."),
                            );
                            let delete = move |_| {
                                remove(&backup_key(stored.key));
                                copies.set(set_aside_copies());
                                notices.push(
                                    NoticeKind::Success,
                                    format!("The unreadable copy of your {} was deleted.", stored.label),
                                );
                            };
                            view! {
                                <li>
                                    <span>{format!("Your {}", stored.label)}</span>
                                    <button
                                        type="button"
                                        class="secondary"
                                        aria-label=format!("Download the unreadable copy of your {}", stored.label)
                                        on:click=move |_| save_file(notices, &file, "application/json", &raw)
                                    >
                                        "Download"
                                    </button>
                                    <button
                                        type="button"
                                        class="secondary"
                                        aria-label=format!("Delete the unreadable copy of your {}", stored.label)
                                        on:click=delete
                                    >
                                        "Delete"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// Writes checked records; if one write fails, restores what was there so a
/// half-applied import never mixes old and new data.
fn apply_import(records: &[(String, String)]) -> Result<usize, String> {
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
            return Err(format!(
                "The import could not be saved: {reason}. Your previous data was kept."
            ));
        }
    }
    Ok(records.len())
}
