//! The browser side of navigation: `location.hash` as a signal, and history
//! entries. The shell provides [`CurrentLocation`] and keeps it in step with
//! `hashchange`; pages read it and navigate through these functions.

use super::{HashLocation, Route};
use leptos::prelude::*;

/// The current hash location, shared with pages through context.
#[derive(Clone, Copy)]
pub struct CurrentLocation(pub RwSignal<HashLocation>);

/// Reads `location.hash` now.
pub fn read_location() -> HashLocation {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    HashLocation::parse(&hash)
}

/// Replaces the URL hash without adding a history entry or firing
/// `hashchange`, for pages that mirror their inputs in the URL.
pub fn replace_hash(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// The full address of `hash` in this copy of the app, for links to share
/// (trainer links, shared banks, result links).
pub fn app_url(hash: &str) -> String {
    let location = window().location();
    format!(
        "{}{}{hash}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
    )
}

/// Loads the page again: content is put in use once per page load, so a
/// different pack takes effect this way.
pub fn reload_page() {
    let _ = window().location().reload();
}

/// The key in `history.state` naming the URL an entry was reached from.
const CAME_FROM: &str = "deskaidFrom";

/// Adds a history entry for `href` (the `hashchange` that follows updates the
/// view) and records in it the URL it was reached from, so Back can return
/// through the browser's history instead of piling up entries.
pub fn navigate(href: &str) {
    let window = window();
    let from = window.location().hash().unwrap_or_default();
    if from == href || window.location().set_hash(href).is_err() {
        return;
    }
    if let Ok(history) = window.history() {
        let state = js_sys::Object::new();
        if js_sys::Reflect::set(&state, &CAME_FROM.into(), &from.into()).is_ok() {
            let _ = history.replace_state(&state, "");
        }
    }
}

/// The route the current history entry was reached from by [`navigate`].
pub fn came_from() -> Option<Route> {
    let state = window().history().ok()?.state().ok()?;
    let from = js_sys::Reflect::get(&state, &CAME_FROM.into())
        .ok()?
        .as_string()?;
    Some(HashLocation::parse(&from).route)
}
