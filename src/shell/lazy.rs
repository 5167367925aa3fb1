//! Pages whose code is fetched on first use. With the `split` feature (on in
//! Trunk builds, see Trunk.toml) each split point below is its own wasm part
//! (wasm-split-cli, run by `scripts/bin/wasm-bindgen`), so the home page loads
//! only the shell. [`LAZY_PAGES`] names, for each page, the split point that
//! holds it; `scripts/finish-dist.mjs` reads the same table from
//! `assets/split-of-section.json` to fetch a deep link's parts early, and
//! from `assets/sections-without-content.json` the pages for which it need
//! not fetch the content pack.

use crate::pages;
use crate::store::{pack_load, pack_loaded, PackLoad};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// Makes a page view; a loaded part hands one back to the shell.
type PageMaker = fn() -> AnyView;

/// A page loaded on first use.
pub(super) struct LazyPage {
    /// The first segment of the page's path (`sla` for `#/sla?...`): how the
    /// shell finds the page of a route, and how the boot script knows from
    /// the URL alone which parts to fetch.
    pub(super) section: &'static str,
    /// The split point holding the page's code, by the function's name, which
    /// is also how wasm-split-cli names its part; only the JSON needs it.
    #[cfg(not(target_arch = "wasm32"))]
    split_point: &'static str,
    /// Fetches the part (once) and hands back the page's constructor.
    load: fn() -> Pin<Box<dyn Future<Output = PageMaker>>>,
    /// Whether the page draws from the content pack, and so waits for it.
    needs_content: bool,
}

/// One [`LazyPage`]: the same token names the split point in the table and
/// calls it, so the table cannot disagree with the code. `settings_part.pack`
/// means the `pack` page of the part `settings_part` returns; a page that
/// draws nothing from the content pack says `without content`.
macro_rules! lazy_page {
    ($section:literal, $split_point:ident $(. $page:ident)?) => {
        lazy_page!(@ $section, $split_point $(. $page)?, true)
    };
    ($section:literal, $split_point:ident $(. $page:ident)?, without content) => {
        lazy_page!(@ $section, $split_point $(. $page)?, false)
    };
    (@ $section:literal, $split_point:ident $(. $page:ident)?, $needs_content:expr) => {
        LazyPage {
            section: $section,
            #[cfg(not(target_arch = "wasm32"))]
            split_point: stringify!($split_point),
            load: || Box::pin(async { $split_point().await $(.$page)? }),
            needs_content: $needs_content,
        }
    };
}

/// Every page loaded on first use; the home and not-found pages are in the
/// shell.
pub(super) const LAZY_PAGES: &[LazyPage] = &[
    lazy_page!("escalation", escalation_page),
    lazy_page!("quiz", quiz_page),
    lazy_page!("results", trainer_tools.results),
    lazy_page!("sla", sla_tools.calculator),
    lazy_page!("queue", queue_page),
    lazy_page!("author", trainer_tools.author),
    lazy_page!("pack", settings_part.pack),
    // Settings link to the rules editor; only the count of finished walks
    // needs the flows, and fetches the pack when there are walks.
    lazy_page!("settings", settings_part.settings, without content),
];

/// Shows `page`, with "Loading…" until its part and, if it needs it, the
/// content pack have arrived (fetched side by side). The loader only hands back a
/// constructor: the page is built in the shell's reactive scope, not inside
/// the future, so its cleanups run when the agent leaves it.
pub(super) fn show(page: &'static LazyPage) -> AnyView {
    let loaded = RwSignal::new(None::<PageMaker>);
    let content = pack_load();
    leptos::task::spawn_local(async move {
        let make = (page.load)().await;
        if page.needs_content {
            pack_loaded().await;
        }
        let _ = loaded.try_set(Some(make));
    });
    (move || match loaded.get() {
        Some(make) if !page.needs_content || content.with(PackLoad::is_ready) => make(),
        // The notice above every page says why.
        Some(_) => view! {
            <p class="page-loading">"This page cannot be shown without its content."</p>
        }
        .into_any(),
        None => view! { <p class="page-loading">"Loading…"</p> }.into_any(),
    })
    .into_any()
}

// The split points: each function's code, and all it alone uses, goes into
// its own wasm part. Code two parts share goes into further parts, so the
// points are kept apart along the lines where little is shared, for few
// files per page.

/// A split point holding one page: an async function of that name (which
/// wasm-split-cli also gives its part) handing back the page's constructor.
macro_rules! page_split_point {
    ($(#[doc = $doc:literal])* $split_point:ident => $page:path) => {
        $(#[doc = $doc])*
        #[cfg_attr(feature = "split", leptos::lazy)]
        async fn $split_point() -> PageMaker {
            let make: PageMaker = || $page().into_any();
            make
        }
    };
}

page_split_point!(escalation_page => pages::escalation::EscalationPage);
page_split_point!(quiz_page => pages::quiz::QuizPage);
page_split_point!(
    /// The queue apart from the calculator: they share the SLA engine, but
    /// a shared calculation needs none of the queue's table, forms and
    /// filters (76 KB gzip in session 17), and the queue none of the
    /// calculator's form.
    queue_page => pages::queue::QueuePage
);
/// What Settings' part holds: Settings, which check every stored concern
/// an import brings (the quiz's question bank among them, which the SLA
/// pages never need), and the pack page, where the pack links trainers send
/// open. The pack page is for whoever follows such a link, agents and
/// trainees mostly, so it is not with the trainers' tools, whose editors
/// they would download; nor a part of its own, which would cut the code
/// the parts share into more files on every page (measured in session 13:
/// 7-12 KB gzip more on each agent's first visit). Settings share the most
/// with it: the checks of every kind of content.
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct SettingsPart {
    settings: PageMaker,
    pack: PageMaker,
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(crate) async fn settings_part() -> SettingsPart {
    SettingsPart {
        settings: || pages::settings::SettingsPage().into_any(),
        pack: || pages::open_pack::OpenPackPage().into_any(),
    }
}

/// What the trainers' part holds: the class results and authoring, which
/// only trainers and team leads open. One part rather than two: they share
/// the question bank, the pack's checks and the forms, and a part of their
/// own each would split that shared code into more files on every agent's
/// page. Neither a trainee opening a quiz link nor an agent opening a pack
/// link downloads them.
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct TrainerTools {
    results: PageMaker,
    author: PageMaker,
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(crate) async fn trainer_tools() -> TrainerTools {
    TrainerTools {
        results: || pages::results::ResultsPage().into_any(),
        author: || pages::author::AuthorPage().into_any(),
    }
}

/// What the SLA calculator's part holds: the page, with the engine's
/// benchmark when built.
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct SlaTools {
    calculator: PageMaker,
    /// Times the deadline workload; see `bench.rs`.
    #[cfg(feature = "bench")]
    pub time_deadlines: fn(u32) -> f64,
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(crate) async fn sla_tools() -> SlaTools {
    SlaTools {
        calculator: || pages::sla::SlaPage().into_any(),
        #[cfg(feature = "bench")]
        time_deadlines: crate::bench::time_deadline_workload,
    }
}

/// [`LAZY_PAGES`] as JSON, section to split point, for
/// `scripts/finish-dist.mjs`, which cannot read Rust: kept in
/// `assets/split-of-section.json` (a build script's output would be hidden
/// in a hashed folder) and written by `cargo run --example update_generated`.
#[cfg(not(target_arch = "wasm32"))]
pub fn split_of_section_json() -> String {
    let mut table = serde_json::Map::new();
    for page in LAZY_PAGES {
        let drawn = FETCHED_WHEN_DRAWN
            .iter()
            .find(|(section, _)| *section == page.section);
        if let Some((_, also)) = drawn {
            // `quiz?` is the section with a query: a link's panel first.
            table.insert(format!("{}?", page.section), page.split_point.into());
            table.insert(page.section.into(), vec![page.split_point, also].into());
        } else {
            table.insert(page.section.into(), page.split_point.into());
        }
    }
    serde_json::to_string_pretty(&table).expect("strings serialize") + "\n"
}

/// Split points a page fetches as soon as it is drawn, which the boot script
/// preloads with the page when its URL has no query: `#/quiz` shows the
/// quiz's screens, where a trainer's `#/quiz?mode=...` link shows its own
/// panel first and should not share the network with them. A wrong name
/// fails the build (`scripts/finish-dist.mjs` finds no part for it).
#[cfg(not(target_arch = "wasm32"))]
const FETCHED_WHEN_DRAWN: &[(&str, &str)] = &[("quiz", "quiz_screens")];

/// The sections of the [`LAZY_PAGES`] that draw nothing from the content
/// pack, as JSON, for the boot script, which fetches the pack for every
/// other deep link: kept in `assets/sections-without-content.json`, written
/// like [`split_of_section_json`].
#[cfg(not(target_arch = "wasm32"))]
pub fn sections_without_content_json() -> String {
    let sections: Vec<&str> = LAZY_PAGES
        .iter()
        .filter(|page| !page.needs_content)
        .map(|page| page.section)
        .collect();
    serde_json::to_string(&sections).expect("strings serialize") + "\n"
}
