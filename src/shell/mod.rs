//! The app shell: loads state, follows the URL hash, and draws the header,
//! navigation, notices, the current page and the footer.

pub mod prerendered;

use crate::components::notice::{NoticeArea, Notices};
use crate::nav::{read_location, CurrentLocation, Route, Section};
use crate::pages;
use crate::store::{AppState, TabMemory};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Which page component is on screen; changes of step or query within a page
/// do not rebuild the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Home,
    Escalation,
    Sla,
    Queue,
    Quiz,
    Settings,
    NotFound,
}

impl Page {
    fn of(route: &Route) -> Self {
        match route {
            Route::Home => Page::Home,
            Route::Escalation { .. } => Page::Escalation,
            Route::Sla => Page::Sla,
            Route::Queue => Page::Queue,
            Route::Quiz => Page::Quiz,
            Route::Settings => Page::Settings,
            Route::NotFound(_) => Page::NotFound,
        }
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::new();
    provide_context(notices);
    let state = AppState::load(notices);
    provide_context(state);
    let location = RwSignal::new(read_location());
    provide_context(CurrentLocation(location));
    provide_context(TabMemory {
        scanner_message: RwSignal::new(String::new()),
        unsaved_sla_rules: RwSignal::new(None),
    });

    let hash_listener =
        window_event_listener(ev::hashchange, move |_| location.set(read_location()));
    let storage_listener = window_event_listener(ev::storage, move |event| {
        state.reload_key(event.key().as_deref());
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
    });

    Effect::new(move |_| {
        let theme = state.settings.with(|s| s.theme);
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = match theme.attribute() {
                Some(value) => root.set_attribute("data-theme", value),
                None => root.remove_attribute("data-theme"),
            };
        }
    });

    let page = Memo::new(move |_| location.with(|l| Page::of(&l.route)));
    let section = Memo::new(move |_| location.with(|l| l.route.section()));

    view! {
        <Frame section=section.into()>
            {move || match page.get() {
                Page::Home => view! { <pages::home::HomePage/> }.into_any(),
                Page::Escalation => lazy_page(escalation_page),
                Page::Sla => lazy_page(sla_page),
                Page::Queue => lazy_page(queue_page),
                Page::Quiz => lazy_page(quiz_page),
                Page::Settings => lazy_page(settings_page),
                Page::NotFound => view! { <pages::not_found::NotFoundPage/> }.into_any(),
            }}
        </Frame>
    }
}

/// What surrounds every page: skip link, header and navigation, notices,
/// `<main>` holding the page, and the footer.
#[component]
fn Frame(
    /// The section on screen, marked in the navigation.
    section: Signal<Section>,
    /// The page.
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_content>
            "Skip to content"
        </a>
        <header class="site-header">
            <a class="brand" href="#/">
                "Deskaid"
            </a>
            <nav aria-label="Main">
                <ul class="nav-list">
                    <NavLink section=section target=Section::Home href="#/" label="Home"/>
                    <NavLink section=section target=Section::Escalation href="#/escalation" label="Escalation"/>
                    <NavLink section=section target=Section::Sla href="#/sla" label="SLA"/>
                    <NavLink section=section target=Section::Quiz href="#/quiz" label="Quiz"/>
                    <NavLink section=section target=Section::Settings href="#/settings" label="Settings"/>
                </ul>
            </nav>
        </header>
        <NoticeArea/>
        <main id="main-content" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>
                "Deskaid works offline and keeps everything you type in this browser only. "
                "Procedures and rules come from the team's support documents; each step names its source."
            </p>
        </footer>
    }
}

/// The home page in its frame as HTML, for `index.html` to show before the
/// wasm has loaded (see `tests/prerender.rs` and `scripts/finish-dist.mjs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn prerendered_home() -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Notices::new());
        view! {
            <Frame section=Signal::stored(Section::Home)>
                <pages::home::HomePage/>
            </Frame>
        }
        .to_html()
    })
}

/// Moves focus to `<main>` without touching the hash, which holds the route.
fn skip_to_content(event: ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main-content"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// One entry of the main navigation, marked with `aria-current` when its
/// section is on screen.
#[component]
fn NavLink(
    /// The section currently shown.
    section: Signal<Section>,
    /// The section this link leads to.
    target: Section,
    /// The link's URL.
    href: &'static str,
    /// The visible text.
    label: &'static str,
) -> impl IntoView {
    view! {
        <li>
            <a href=href aria-current=move || (section.get() == target).then_some("page")>
                {label}
            </a>
        </li>
    }
}

/// Makes a page view; a loaded page hands one back to the shell.
type PageMaker = fn() -> AnyView;

/// Shows a page whose code is fetched on first use. With the `split` feature
/// (on in Trunk builds, see index.html) each page below is its own wasm part,
/// so the home page loads only the shell. The loader only hands back a
/// constructor: the page is built in the shell's reactive scope, not inside
/// the future, so its cleanups run when the agent leaves it.
fn lazy_page<F>(load: fn() -> F) -> AnyView
where
    F: std::future::Future<Output = PageMaker> + 'static,
{
    let loaded = RwSignal::new(None::<PageMaker>);
    leptos::task::spawn_local(async move {
        let make = load().await;
        let _ = loaded.try_set(Some(make));
    });
    (move || match loaded.get() {
        Some(make) => make(),
        None => view! { <p class="page-loading">"Loading…"</p> }.into_any(),
    })
    .into_any()
}

// The split points: each function's code, and all it alone uses, goes into
// its own wasm part (wasm-split-cli, run by scripts/bin/wasm-bindgen). Code
// two parts share goes into further parts, so the three are kept apart along
// the lines where little is shared, for few files per page.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn escalation_page() -> PageMaker {
    let make: PageMaker = || pages::escalation::EscalationPage().into_any();
    make
}

#[cfg_attr(feature = "split", leptos::lazy)]
async fn quiz_page() -> PageMaker {
    let make: PageMaker = || pages::quiz::QuizPage().into_any();
    make
}

/// What the SLA part holds: the calculator, the queue and the settings page
/// (whose rules editor is the calculator's) share the SLA engine and its
/// forms, so they load together, with the engine's benchmark.
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct SlaTools {
    calculator: PageMaker,
    queue: PageMaker,
    settings: PageMaker,
    /// Times the deadline workload; see `bench.rs`.
    pub time_deadlines: fn(u32) -> f64,
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(crate) async fn sla_tools() -> SlaTools {
    SlaTools {
        calculator: || pages::sla::SlaPage().into_any(),
        queue: || pages::queue::QueuePage().into_any(),
        settings: || pages::settings::SettingsPage().into_any(),
        time_deadlines: crate::bench::time_deadline_workload,
    }
}

async fn sla_page() -> PageMaker {
    sla_tools().await.calculator
}

async fn queue_page() -> PageMaker {
    sla_tools().await.queue
}

async fn settings_page() -> PageMaker {
    sla_tools().await.settings
}
