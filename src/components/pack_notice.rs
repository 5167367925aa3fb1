//! Says, above every page, when the team's content pack could not be used:
//! which pack is shown instead, and every problem found, by place, so
//! whoever looks after the content can fix the file. The pack is untrusted
//! text: its problems are shown as text, like everything else from it.

use crate::components::notice::NoticeKind;
use crate::domain::content;
use crate::domain::pack::PackProblem;
use crate::nav::{reload_page, replace_hash, Route};
use crate::store::{
    choose_device_pack, own_pack_refused, pack_load, try_in_this_tab, PackLoad, PUBLISHED_PACK,
};
use leptos::prelude::*;

/// More problems than this are counted rather than listed: a file that is
/// not a pack at all can have hundreds, and the first ones tell what is
/// wrong.
const PROBLEMS_LISTED: usize = 20;

/// Puts `json` in use on this device instead of the site's pack (`None`:
/// back to the site's), from the next page load on, which starts at once;
/// `Err` says why it could not be kept.
pub fn use_on_this_device(json: Option<String>) -> Result<(), String> {
    choose_device_pack(json)
        .map_err(|why| format!("The pack could not be kept on this device: {why}."))?;
    reload_page();
    Ok(())
}

/// The notices, shown only when the published pack is not in use: which
/// pack is, and why.
#[component]
pub fn PackNotice() -> impl IntoView {
    view! {
        <OwnPackRefusedNotice/>
        <PackInUseNotice/>
    }
}

/// Tries `json` (a draft) in this tab, or stops trying (`None`) and goes
/// back to the author page; the page loads again to put the content in use.
pub fn try_in_this_tab_and_reload(json: Option<&str>, at: &str) -> Result<(), String> {
    try_in_this_tab(json).map_err(|why| format!("The draft cannot be tried: {why}."))?;
    replace_hash(at);
    reload_page();
    Ok(())
}

/// Says so when a pack of this device's own could not be used.
#[component]
fn OwnPackRefusedNotice() -> impl IntoView {
    let refused = own_pack_refused();
    move || {
        refused.get().map(|refused| {
            let heading = format!("{} could not be used", refused.what);
            view! {
                <NoticeFrame kind=NoticeKind::Warning id="own-pack-notice" heading=heading>
                    <p>"Deskaid shows this site's content instead. The pack has these problems:"</p>
                    <ProblemList problems=refused.problems/>
                    <BackToSitePack/>
                </NoticeFrame>
            }
        })
    }
}

/// Which pack is in use, when it is not the published one.
#[component]
fn PackInUseNotice() -> impl IntoView {
    let load = pack_load();
    move || {
        match load.get() {
        PackLoad::Loading | PackLoad::Published => None,
        PackLoad::Trying => Some(
            view! {
                <NoticeFrame kind=NoticeKind::Warning id="pack-notice" heading="You are trying your draft in this tab">
                    <p>
                        {content::pack_meta().label()}
                        ", as your draft has it. Agents, trainees and your other tabs still see this site's content."
                    </p>
                    <button
                        type="button"
                        on:click=move |_| {
                            let _ = try_in_this_tab_and_reload(None, &Route::Author.href());
                        }
                    >
                        "Stop trying and go back to the draft"
                    </button>
                </NoticeFrame>
            }
            .into_any(),
        ),
        PackLoad::Device => Some(
            view! {
                <NoticeFrame kind=NoticeKind::Warning id="pack-notice" heading="This device uses its own content pack">
                    <p>
                        {content::pack_meta().label()}
                        ", chosen on this device, instead of this site's content."
                    </p>
                    <BackToSitePack/>
                </NoticeFrame>
            }
            .into_any(),
        ),
        PackLoad::LastGood { problems } => Some(
            view! { <PublishedRefused problems=problems instead="the last of this site's content that worked on this device"/> }
                .into_any(),
        ),
        PackLoad::Shipped { problems } => Some(
            view! { <PublishedRefused problems=problems instead="the content it was built with"/> }
                .into_any(),
        ),
        PackLoad::Unavailable {
            problems,
            shipped_problems,
        } => Some(
            view! {
                <NoticeFrame kind=NoticeKind::Error id="pack-notice" heading="Deskaid's content could not be loaded">
                    <p>
                        "The escalation flows, the quiz and the SLA tools need it. Check the connection and reload; if this stays, tell whoever looks after Deskaid. "
                        <code>{PUBLISHED_PACK}</code>
                        ":"
                    </p>
                    <ProblemList problems=problems/>
                    <p>"The copy of the content this build shipped with:"</p>
                    <ProblemList problems=shipped_problems/>
                </NoticeFrame>
            }
            .into_any(),
        ),
    }
    }
}

/// The site's pack has `problems`: Deskaid shows `instead`.
#[component]
fn PublishedRefused(problems: Vec<PackProblem>, instead: &'static str) -> impl IntoView {
    view! {
        <NoticeFrame kind=NoticeKind::Warning id="pack-notice" heading="This site's content pack could not be used">
            <p>
                {format!("Deskaid shows {instead} instead (")}
                {content::pack_meta().label()}
                "). Tell whoever looks after Deskaid's content that "
                <code>{PUBLISHED_PACK}</code>
                " has these problems:"
            </p>
            <ProblemList problems=problems/>
        </NoticeFrame>
    }
}

/// Forgets the pack chosen on this device.
#[component]
fn BackToSitePack() -> impl IntoView {
    view! {
        <button type="button" on:click=move |_| { let _ = use_on_this_device(None); }>
            "Use this site's content"
        </button>
    }
}

/// The notice's box, in the tone and role of `kind` as the other notices
/// have them, under its heading.
#[component]
fn NoticeFrame(
    kind: NoticeKind,
    /// The section's id; its heading's is this followed by `-heading`.
    id: &'static str,
    #[prop(into)] heading: String,
    children: Children,
) -> impl IntoView {
    let (tone, role) = kind.class_and_role();
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <div class="notices">
            <section id=id class=format!("{tone} pack-notice") role=role aria-labelledby=labelled_by>
                <h2 id=heading_id>{heading}</h2>
                {children()}
            </section>
        </div>
    }
}

/// Each problem as "where: what", the first [`PROBLEMS_LISTED`] of them.
#[component]
fn ProblemList(problems: Vec<PackProblem>) -> impl IntoView {
    let more = problems.len().saturating_sub(PROBLEMS_LISTED);
    view! {
        <ul class="pack-problems">
            {problems
                .into_iter()
                .take(PROBLEMS_LISTED)
                .map(|problem| view! { <li>{problem.to_string()}</li> })
                .collect_view()}
        </ul>
        {(more > 0).then(|| view! { <p>{format!("…and {more} more.")}</p> })}
    }
}
