//! `#/settings`: theme, the SLA rules and business calendar, and the user's
//! data: export, import and reset.

use crate::components::confirm::ConfirmedAction;
use crate::components::download::save_file;
use crate::components::form::{Binding, FileField, RadioGroup};
use crate::components::notice::{NoticeKind, Notices};
use crate::components::sla::rules::SlaRulesEditor;
use crate::components::title::set_page_title;
use crate::store::{delete_set_aside, export_all, import_all, set_aside_copies};
use crate::store::{AppState, ImportError, Theme};
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
        let text = export_all(&now.to_rfc3339());
        let name = format!("deskaid-export-{}.json", now.format("%Y-%m-%d"));
        save_file(notices, &name, "application/json", &text);
    };

    let import = Callback::new(move |(name, text): (String, Option<String>)| {
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

/// The copies of saved data that could not be read when loaded: the user can
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
        state.walks().with(|_| ());
        state.queue().with(|_| ());
        state.quiz().with(|_| ());
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
                                delete_set_aside(stored);
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
