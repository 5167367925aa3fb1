//! "Free up space": what to do when storage is full. Each fix says what it
//! frees, and once it is done Deskaid writes again every change storage
//! refused. The notice of a refused write links here.

use super::data::{download_backup, format_bytes};
use crate::components::confirm::ConfirmedAction;
use crate::components::focus::focus_after_render;
use crate::components::notice::{NoticeKind, Notices};
use crate::domain::content;
use crate::nav::{CurrentLocation, Route, ARCHIVE_SECTION, FREE_SPACE_SECTION};
use crate::store::{pack_load, pack_loaded, AppState, PackLoad};
use leptos::prelude::*;

/// The heading a "Free up space" link moves focus to.
const HEADING_ID: &str = "free-space-heading";

/// The fixes for a full storage, and which changes wait for them.
#[component]
pub(super) fn FreeUpSpace(
    /// The app state whose concerns the fixes change.
    state: AppState,
) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let location = expect_context::<CurrentLocation>().0;
    // Arriving from the notice's link: focus lands here, not at the top of
    // a long page.
    Effect::new(move |_| {
        if location.with(|l| l.asks_for_section(&Route::Settings, FREE_SPACE_SECTION)) {
            focus_after_render(HEADING_ID);
        }
    });
    let retry = Callback::new(move |()| state.retry_unsaved());
    let unsaved = Memo::new(move |_| state.unsaved());
    // Which walks are finished depends on the flows, so the content pack is
    // fetched only when there are walks to check: Settings draws nothing
    // else from it. `None` until it is in use.
    let content = RwSignal::from(pack_load());
    let has_walks = Memo::new(move |_| state.walks().with(|w| !w.by_flow.is_empty()));
    Effect::new(move |_| {
        if has_walks.get() {
            leptos::task::spawn_local(pack_loaded());
        }
    });
    let finished = Memo::new(move |_| {
        if !has_walks.get() {
            Some(Vec::new())
        } else if content.with(PackLoad::is_ready) {
            Some(state.walks().with(|w| w.finished(content::flows())))
        } else {
            None
        }
    });
    let bank_bytes =
        Memo::new(move |_| state.quiz_bank().with(|b| b.json.as_ref().map(String::len)));
    let clear_walks = move |_| {
        let flows = finished.get_untracked().unwrap_or_default();
        state
            .walks()
            .update(|w| w.by_flow.retain(|flow, _| !flows.contains(flow)));
        notices.push(
            NoticeKind::Success,
            format!("Cleared {} finished walk(s).", flows.len()),
        );
        retry.run(());
    };
    let remove_bank = move |()| {
        state.use_bank(None);
        notices.push(
            NoticeKind::Success,
            "Removed the custom question bank; the quiz uses the shipped questions.",
        );
        retry.run(());
    };
    view! {
        <section aria-labelledby=HEADING_ID data-testid="free-space">
            <h2 id=HEADING_ID tabindex="-1">"Free up space"</h2>
            {move || {
                let labels = unsaved.get();
                (!labels.is_empty()).then(|| view! {
                    <p class="inline-error" data-testid="unsaved">
                        {format!(
                            "Storage is full, so these changes are kept in this tab only: your {}. Each fix below makes room, and Deskaid then saves them.",
                            labels.join(", your ")
                        )}
                    </p>
                })
            }}
            <h3>"Download a backup"</h3>
            <p>"One file with all your data, the changes not saved yet included. \"Import data\" above reads it back, here or in another browser."</p>
            <div class="button-row">
                <button type="button" on:click=move |_| download_backup(state, notices)>"Download a backup"</button>
            </div>
            <h3>"Finished walks"</h3>
            {move || match finished.with(|finished| finished.as_ref().map(Vec::len)) {
                None if content.with(|load| *load == PackLoad::Loading) => {
                    view! { <p>"Looking for finished walks in the content pack…"</p> }.into_any()
                }
                // The notice above every page says why.
                None => view! { <p>"Without the content pack, Deskaid cannot tell which walks are finished."</p> }.into_any(),
                Some(0) => view! { <p>"No finished walk is kept."</p> }.into_any(),
                Some(count) => view! {
                    <p>{format!("{count} finished walk(s) kept from earlier calls, with their case notes.")}</p>
                    <div class="button-row">
                        <button type="button" class="secondary" on:click=clear_walks>"Clear finished walks"</button>
                    </div>
                }
                .into_any(),
            }}
            <h3>"Resolved cases"</h3>
            <p>
                "Cases resolved a while ago can go to a file and leave the queue: "
                <a href=Route::Queue.section_href(ARCHIVE_SECTION)>"Archive resolved cases in My queue"</a>
                "."
            </p>
            <h3>"Custom question bank"</h3>
            {move || match bank_bytes.get() {
                None => view! { <p>"No custom question bank is stored."</p> }.into_any(),
                Some(bytes) => view! {
                    <p>{format!("A custom question bank takes {}.", format_bytes(bytes))}</p>
                    <ConfirmedAction
                        label="Remove the custom question bank…"
                        question="Remove the custom question bank? The quiz goes back to the shipped questions, a quiz in progress ends, and your answers so far are kept."
                        confirm_label="Yes, remove it"
                        question_id="remove-bank-question"
                        on_confirm=remove_bank
                    />
                }
                .into_any(),
            }}
        </section>
    }
}
