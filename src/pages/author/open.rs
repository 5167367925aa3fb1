//! Opening a pack from a file: it is checked whole and previewed (what it
//! says about itself, and what differs from the pack in use) before the
//! user chooses to use it on this device or to edit it as the draft.

use super::editor::Editor;
use crate::components::focus::focus_after_render;
use crate::components::form::FileField;
use crate::components::pack_compare::ChangeReportView;
use crate::components::pack_notice::use_on_this_device;
use crate::domain::pack::{compare_packs, read_pack, shipped_pack_file, PackFile, PackProblem};
use leptos::prelude::*;

/// A pack file read, or why it cannot be used.
#[derive(Clone)]
enum Opened {
    Pack {
        text: String,
        file: Box<PackFile>,
    },
    Refused {
        name: String,
        problems: Vec<PackProblem>,
    },
}

/// The open-a-pack section.
#[component]
pub(super) fn OpenPack(editor: Editor) -> impl IntoView {
    let opened = RwSignal::new(None::<Opened>);
    let on_read = Callback::new(move |(name, text): (String, Option<String>)| {
        let result = match text {
            None => Opened::Refused {
                name,
                problems: vec![PackProblem {
                    place: crate::domain::pack::Place::File,
                    message: "it could not be read as text".into(),
                }],
            },
            Some(text) => match read_pack(&text).and_then(|_| {
                serde_json::from_str::<PackFile>(&text).map_err(|e| {
                    vec![PackProblem {
                        place: crate::domain::pack::Place::File,
                        message: e.to_string(),
                    }]
                })
            }) {
                Ok(file) => Opened::Pack {
                    text,
                    file: Box::new(file),
                },
                Err(problems) => Opened::Refused { name, problems },
            },
        };
        opened.set(Some(result));
        focus_after_render("author-opened-heading");
    });
    view! {
        <section aria-labelledby="author-open-heading">
            <h2 id="author-open-heading">"Open a pack"</h2>
            <FileField
                id="author-open-file"
                label="Pack file"
                accept="application/json,.json"
                hint="A pack someone published. It is checked and shown here first; nothing changes until you choose."
                on_read=on_read
            />
            {move || opened.get().map(|opened_pack| match opened_pack {
                Opened::Refused { name, problems } => view! {
                    <div class="form-error" role="alert">
                        <h3 id="author-opened-heading" tabindex="-1">{format!("{name} cannot be used")}</h3>
                        <ul>{problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                Opened::Pack { text, file } => view! { <Preview editor=editor text=text file=*file on_close=Callback::new(move |()| opened.set(None))/> }.into_any(),
            })}
        </section>
    }
}

/// What a pack says about itself and how it differs from the pack in use.
#[component]
fn Preview(editor: Editor, text: String, file: PackFile, on_close: Callback<()>) -> impl IntoView {
    let comparison = compare_packs(&shipped_pack_file(), &file);
    let differences = comparison.headline();
    let report = comparison.report();
    let edit_file = file.clone();
    let edit = move |_| {
        editor.replace(edit_file.clone(), true);
        on_close.run(());
        focus_after_render("author-heading");
    };
    view! {
        <div class="author-preview">
            <h3 id="author-opened-heading" tabindex="-1">{format!("{}, version {}", file.title, file.version)}</h3>
            <dl>
                <dt>"Published"</dt>
                <dd>{file.published_at.clone()}</dd>
                <dt>"By"</dt>
                <dd>{file.author.clone()}</dd>
                <dt>"What changed"</dt>
                <dd>{file.change_note.clone()}</dd>
                <dt>"Against the pack in use"</dt>
                <dd>{differences}</dd>
            </dl>
            <details>
                <summary>"What differs, item by item"</summary>
                <ChangeReportView report=report/>
            </details>
            <div class="button-row">
                <button type="button" on:click=move |_| use_on_this_device(Some(text.clone()))>"Use on this device"</button>
                <button type="button" on:click=edit>"Edit it as the draft"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </div>
    }
}
