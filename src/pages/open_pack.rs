//! `#/pack`: where a pack shared by link opens (`#/pack?pack=…`), and where
//! anyone can open a pack file: an agent who follows a trainer's link sees
//! what the pack is and what it changes, not the author page's editors. It
//! is in the trainers' wasm part (see `shell/lazy.rs` for why).

use crate::components::pack_open::OpenPack;
use crate::components::title::set_page_title;
use crate::domain::pack::PackFile;
use crate::nav::{navigate, Route};
use crate::store::AppState;
use leptos::prelude::*;

/// The pack page.
#[component]
pub fn OpenPackPage() -> impl IntoView {
    set_page_title("Open a content pack");
    let state = expect_context::<AppState>();
    // Editing a pack makes it the author's draft, which the author page
    // opens with; whatever draft was there is replaced, as on that page.
    let edit = Callback::new(move |file: PackFile| {
        state
            .author_draft()
            .update(|draft| draft.json = Some(file.to_json()));
        navigate(&Route::Author.href());
    });
    view! {
        <h1 id="pack-heading" tabindex="-1">"Open a content pack"</h1>
        <p>
            "A content pack holds a team's flows, questions, keywords and SLA defaults. A pack is checked and previewed here first, with what it changes against the pack in use; nothing changes until you choose to use it on this device."
        </p>
        <OpenPack on_edit=edit/>
    }
}
