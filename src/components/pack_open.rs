//! Opening a pack from a file or a link: it is checked whole and previewed
//! (what it says about itself, and what differs from the pack in use)
//! before the user chooses to use it on this device or to edit it as the
//! author's draft. Both the pack page (`#/pack`, where pack links open, so
//! an agent following one never downloads the author page) and the author
//! page show it.

use crate::components::focus::focus_after_render;
use crate::components::form::{FieldError, FileField};
use crate::components::pack_compare::ChangeReportView;
use crate::components::pack_notice::use_on_this_device;
use crate::domain::pack::{
    check_pack_file, compare_packs, decode_pack_link, read_pack_file, shipped_pack_file, PackFile,
    PackProblem, Place,
};
use crate::nav::{replace_hash, CurrentLocation, PACK_LINK_KEY};
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

/// A problem of the whole file or link.
fn whole(message: String) -> Vec<PackProblem> {
    vec![PackProblem {
        place: Place::File,
        message,
    }]
}

/// A pack file's text, checked whole, or why it cannot be used.
fn opened_file(name: String, text: Option<String>) -> Opened {
    let Some(text) = text else {
        return Opened::Refused {
            name,
            problems: whole("it could not be read as text".into()),
        };
    };
    let file = read_pack_file(&text).and_then(|file| check_pack_file(file.clone()).map(|_| file));
    match file {
        Ok(file) => Opened::Pack {
            text,
            file: Box::new(file),
        },
        Err(problems) => Opened::Refused { name, problems },
    }
}

/// The pack a link carries, rebuilt on the pack in use and checked whole.
fn opened_link(fragment: &str) -> Opened {
    let name = "The pack in this link".to_string();
    match decode_pack_link(fragment, &shipped_pack_file()) {
        Ok(file) => opened_file(name, Some(file.to_json())),
        Err(why) => Opened::Refused {
            name,
            problems: whole(why.to_string()),
        },
    }
}

/// The open-a-pack section; a pack link (`?pack=…` on the page's route)
/// is previewed in it at once.
#[component]
pub fn OpenPack(
    /// Makes the pack the author's draft; the section closes first.
    on_edit: Callback<PackFile>,
) -> impl IntoView {
    let location = expect_context::<CurrentLocation>().0;
    let (linked, page) =
        location.with_untracked(|l| (l.param(PACK_LINK_KEY).map(opened_link), l.route.href()));
    let from_link = linked.is_some();
    let opened = RwSignal::new(linked);
    if from_link {
        // The preview holds the pack now; a reload shows the page as usual.
        replace_hash(&page);
        focus_after_render("opened-pack-heading");
    }
    let on_read = Callback::new(move |(name, text): (String, Option<String>)| {
        opened.set(Some(opened_file(name, text)));
        focus_after_render("opened-pack-heading");
    });
    view! {
        <section aria-labelledby="open-pack-heading">
            <h2 id="open-pack-heading">"Open a pack"</h2>
            <FileField
                id="open-pack-file"
                label="Pack file"
                accept="application/json,.json"
                hint="A pack someone published. It is checked and shown here first; nothing changes until you choose."
                on_read=on_read
            />
            {move || opened.get().map(|opened_pack| match opened_pack {
                Opened::Refused { name, problems } => view! {
                    <div class="form-error" role="alert">
                        <h3 id="opened-pack-heading" tabindex="-1">{format!("{name} cannot be used")}</h3>
                <p>"Nothing was changed."</p>
                        <ul>{problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                Opened::Pack { text, file } => view! { <Preview on_edit=on_edit text=text file=*file on_close=Callback::new(move |()| opened.set(None))/> }.into_any(),
            })}
        </section>
    }
}

/// What a pack says about itself and how it differs from the pack in use.
#[component]
fn Preview(
    on_edit: Callback<PackFile>,
    text: String,
    file: PackFile,
    on_close: Callback<()>,
) -> impl IntoView {
    let kept = RwSignal::new(None::<String>);
    let comparison = compare_packs(&shipped_pack_file(), &file);
    let differences = comparison.headline();
    let report = comparison.report();
    let edit_file = file.clone();
    let edit = move |_| {
        on_close.run(());
        on_edit.run(edit_file.clone());
    };
    view! {
        <div class="pack-preview">
            <h3 id="opened-pack-heading" tabindex="-1">{format!("{}, version {}", file.title, file.version)}</h3>
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
                <button type="button" on:click=move |_| { if let Err(why) = use_on_this_device(Some(text.clone())) { kept.set(Some(why)); } }>"Use on this device"</button>
                <button type="button" on:click=edit>"Edit it as the draft"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <FieldError id="pack-preview-kept" message=Signal::derive(move || kept.get())/>
        </div>
    }
}
