//! The app shell: loads state, follows the URL hash, and draws the frame
//! (`frame`) around the current page, fetching a page's code on first use
//! (`lazy`). Pages never import the shell: what they share with it comes
//! through context from `nav` and `store`.

mod frame;
pub(crate) mod lazy;
pub mod prerendered;

#[cfg(not(target_arch = "wasm32"))]
pub use frame::prerendered_home;
#[cfg(not(target_arch = "wasm32"))]
pub use lazy::{sections_without_content_json, split_of_section_json};

use crate::components::notice::Notices;
use crate::nav::{read_location, CurrentLocation, Route};
use crate::pages;
use crate::store::{remember_theme, AppState, TabMemory};
use frame::Frame;
use lazy::{LazyPage, LAZY_PAGES};
use leptos::ev;
use leptos::prelude::*;

/// Which page component is on screen; changes of step or query within a page
/// do not rebuild the page.
#[derive(Clone, Copy)]
enum Page {
    Home,
    NotFound,
    Lazy(&'static LazyPage),
}

impl PartialEq for Page {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Page::Lazy(a), Page::Lazy(b)) => a.section == b.section,
            (Page::Home, Page::Home) | (Page::NotFound, Page::NotFound) => true,
            _ => false,
        }
    }
}

impl Page {
    /// The page of `route`; a lazily loaded one is found by the first segment
    /// of the route's path, as the boot script finds its parts.
    fn of(route: &Route) -> Self {
        match route {
            Route::Home => Page::Home,
            Route::NotFound(_) => Page::NotFound,
            _ => {
                let path = route.path();
                let section = path.trim_start_matches('/').split('/').next();
                LAZY_PAGES
                    .iter()
                    .find(|page| Some(page.section) == section)
                    .map_or(Page::NotFound, Page::Lazy)
            }
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
    provide_context(TabMemory::new(
        Owner::current().expect("the app is rendered in a reactive owner"),
    ));

    let hash_listener =
        window_event_listener(ev::hashchange, move |_| location.set(read_location()));
    let storage_listener = window_event_listener(ev::storage, move |event| {
        state.reload_key(event.key().as_deref());
    });
    // Changes are written at most every half second while the user types;
    // one still waiting is written as the tab is hidden or closed, the last
    // moment a page can rely on, so closing mid-sentence loses nothing.
    let hide_listener = window_event_listener(ev::pagehide, move |_| state.flush_all());
    let visibility_listener = window_event_listener(ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            state.flush_all();
        }
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
        hide_listener.remove();
        visibility_listener.remove();
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
        remember_theme(theme);
    });

    let page = Memo::new(move |_| location.with(|l| Page::of(&l.route)));
    let section = Memo::new(move |_| location.with(|l| l.route.section()));

    view! {
        <Frame section=section.into()>
            {move || match page.get() {
                Page::Home => view! { <pages::home::HomePage/> }.into_any(),
                Page::Lazy(lazy_page) => lazy::show(lazy_page),
                Page::NotFound => view! { <pages::not_found::NotFoundPage/> }.into_any(),
            }}
        </Frame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nav::HashLocation;

    fn page_at(hash: &str) -> Option<&'static str> {
        match Page::of(&HashLocation::parse(hash).route) {
            Page::Lazy(page) => Some(page.section),
            Page::Home => Some("home"),
            Page::NotFound => None,
        }
    }

    #[test]
    fn every_route_finds_its_page() {
        let pages = [
            ("#/", Some("home")),
            ("#/escalation/leadership/start", Some("escalation")),
            ("#/SLA?type=general", Some("sla")),
            ("#/queue", Some("queue")),
            ("#/quiz", Some("quiz")),
            ("#/settings", Some("settings")),
            // A known first segment does not make a path known.
            ("#/sla/extra", None),
            ("#/nowhere", None),
        ];
        for (hash, page) in pages {
            assert_eq!(page_at(hash), page, "{hash}");
        }
    }
}
