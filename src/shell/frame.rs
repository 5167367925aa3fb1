//! What surrounds every page: skip link, header and navigation, notices,
//! `<main>` and the footer; and the home page in that frame as HTML, for
//! `index.html` to show before the wasm has loaded.

use crate::components::notice::NoticeArea;
use crate::components::pack_notice::PackNotice;
use crate::nav::Section;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The frame around the page on screen.
#[component]
pub(super) fn Frame(
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
                    <NavLink section=section target=Section::Results href="#/results" label="Class results"/>
                    <NavLink section=section target=Section::Author href="#/author" label="Author"/>
                    <NavLink section=section target=Section::Settings href="#/settings" label="Settings"/>
                </ul>
            </nav>
        </header>
        <NoticeArea/>
        <PackNotice/>
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
/// wasm has loaded (see `tests/generated.rs` and `scripts/finish-dist.mjs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn prerendered_home() -> String {
    use crate::components::notice::Notices;
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Notices::new());
        view! {
            <Frame section=Signal::stored(Section::Home)>
                <crate::pages::home::HomePage/>
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
