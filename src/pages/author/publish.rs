//! Publishing: the draft becomes the pack's next version, with a note on
//! what changed, and is offered as the file to put on the site (or to use
//! on this device). Nothing reaches anyone until the file is on the site.

use super::editor::Editor;
use crate::components::copy_button::CopyButton;
use crate::components::download::save_file;
use crate::components::focus::focus_after_render;
use crate::components::form::{FieldError, TextArea};
use crate::components::notice::Notices;
use crate::components::pack_notice::use_on_this_device;
use crate::domain::author::publish;
use crate::domain::fragment::FRAGMENT_LIMIT;
use crate::domain::pack::{encode_pack_link, shipped_pack_file, PackFile};
use crate::nav::{app_url, Route};
use crate::store::PUBLISHED_PACK;
use leptos::prelude::*;

/// The publish section.
#[component]
pub(super) fn PublishPanel(editor: Editor) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let published = RwSignal::new(None::<PackFile>);
    let next_version = move || editor.with(|draft| draft.version.saturating_add(1));
    let publish_now = move |_| {
        let draft = editor.with_untracked(Clone::clone);
        match publish(&draft, &note.get_untracked(), chrono::Utc::now()) {
            Ok(pack) => {
                editor.edit(None, |draft| *draft = pack.clone());
                published.set(Some(pack));
                error.set(None);
                note.set(String::new());
                focus_after_render("author-published-heading");
            }
            Err(why) => {
                error.set(Some(why.to_string()));
                focus_after_render("author-change-note");
            }
        }
    };
    view! {
        <section aria-labelledby="author-publish-heading">
            <h2 id="author-publish-heading">"Publish"</h2>
            <p>
                "Publishing makes the draft the pack's next version. Nobody's Deskaid changes until you put the file on the site as "
                <code>{PUBLISHED_PACK}</code>
                ", or someone opens it on their device."
            </p>
            <TextArea
                id="author-change-note"
                label="What changed in this version"
                hint="For the agents and trainees who use the pack, e.g. Adds the call-back flow."
                value=note
            />
            <FieldError id="author-publish-error" message=Signal::derive(move || error.get())/>
            <button type="button" on:click=publish_now>{move || format!("Publish version {}", next_version())}</button>
            {move || published.get().map(|pack| view! { <Published pack=pack/> })}
        </section>
    }
}

/// What to do with the version just published.
#[component]
fn Published(pack: PackFile) -> impl IntoView {
    let kept = RwSignal::new(None::<String>);
    let notices = expect_context::<Notices>();
    let json = pack.to_json();
    let file_name = format!("{}-version-{}.json", pack.id, pack.version);
    let download = {
        let json = json.clone();
        move |_| save_file(notices, &file_name, "application/json", &json)
    };
    view! {
        <div class="author-published">
            <h3 id="author-published-heading" tabindex="-1">{format!("Version {} published", pack.version)}</h3>
            <p>
                "Download the file and put it on the site in place of "
                <code>{PUBLISHED_PACK}</code>
                " (keep its name): everyone gets it on their next visit. Or use it on this device first, to try it as agents will."
            </p>
            <div class="button-row">
                <button type="button" on:click=download>"Download pack"</button>
                <button type="button" on:click=move |_| { if let Err(why) = use_on_this_device(Some(json.clone())) { kept.set(Some(why)); } }>"Use on this device"</button>
            </div>
            <FieldError id="author-published-kept" message=Signal::derive(move || kept.get())/>
            <ShareLink pack=pack/>
        </div>
    }
}

/// A link carrying the version as changes to the pack in use, for
/// colleagues whose Deskaid uses the same pack; or why there is none.
#[component]
fn ShareLink(pack: PackFile) -> impl IntoView {
    match encode_pack_link(&shipped_pack_file(), &pack) {
        Ok(fragment) => {
            let url = app_url(&Route::pack_link_href(&fragment));
            let shown = url.clone();
            view! {
                <div class="author-share">
                    <label for="author-share-link">"Link to this version"</label>
                    <input id="author-share-link" type="text" readonly prop:value=shown aria-describedby="author-share-link-hint"/>
                    <p class="hint" id="author-share-link-hint">
                        {format!(
                            "It carries the changes from the pack in use ({} characters of the {FRAGMENT_LIMIT} a link may carry), so it opens where that pack is in use. Whoever opens it sees a preview first.",
                            fragment.len()
                        )}
                    </p>
                    <CopyButton text=Signal::stored(url) label="Copy link"/>
                </div>
            }
            .into_any()
        }
        Err(why) => view! { <p class="hint">{format!("No link: {why}.")}</p> }.into_any(),
    }
}
