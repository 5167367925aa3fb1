//! Keeps `document.title` in step with the page, so tabs, history and screen
//! readers name the view.

/// Sets the tab title to "`page` · Deskaid".
pub fn set_page_title(page: &str) {
    // The home page is also rendered natively, for index.html, with no document.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{page} · Deskaid"));
    }
}
