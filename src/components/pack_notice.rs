//! Says, above every page, when the team's content pack could not be used:
//! which pack is shown instead, and every problem found, by place, so
//! whoever looks after the content can fix the file. The pack is untrusted
//! text: its problems are shown as text, like everything else from it.

use crate::components::notice::NoticeKind;
use crate::domain::content;
use crate::domain::pack::PackProblem;
use crate::store::{pack_load, PackLoad, PUBLISHED_PACK};
use leptos::prelude::*;

/// More problems than this are counted rather than listed: a file that is
/// not a pack at all can have hundreds, and the first ones tell what is
/// wrong.
const PROBLEMS_LISTED: usize = 20;

/// The notice, shown only when the published pack was not used.
#[component]
pub fn PackNotice() -> impl IntoView {
    let load = pack_load();
    move || {
        match load.get() {
        PackLoad::Loading | PackLoad::Published => None,
        PackLoad::Shipped { problems } => Some(
            view! {
                <NoticeFrame kind=NoticeKind::Warning heading="This site's content pack could not be used">
                    <p>
                        "Deskaid shows the content it was built with instead ("
                        {content::pack_meta().label()}
                        "). Tell whoever looks after Deskaid's content that "
                        <code>{PUBLISHED_PACK}</code>
                        " has these problems:"
                    </p>
                    <ProblemList problems=problems/>
                </NoticeFrame>
            }
            .into_any(),
        ),
        PackLoad::Unavailable {
            problems,
            shipped_problems,
        } => Some(
            view! {
                <NoticeFrame kind=NoticeKind::Error heading="Deskaid's content could not be loaded">
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

/// The notice's box, in the tone and role of `kind` as the other notices
/// have them, under its heading.
#[component]
fn NoticeFrame(kind: NoticeKind, heading: &'static str, children: Children) -> impl IntoView {
    let (tone, role) = kind.class_and_role();
    view! {
        <div class="notices">
            <section class=format!("{tone} pack-notice") role=role aria-labelledby="pack-notice-heading">
                <h2 id="pack-notice-heading">{heading}</h2>
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
