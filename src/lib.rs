//! Deskaid: an offline job aid for customer-support teams. Escalation
//! flowcharts, an SLA calculator and a training quiz, built from the support
//! documents in `../shared/sources/` and kept in the browser's storage.
//!
//! `domain` holds every rule as plain Rust (tested natively); `store` is the
//! only code that touches localStorage; `nav` follows the URL; `shell` draws
//! the frame and loads each page; `pages` and `components` render. `bench`
//! exists only in `scripts/bench` builds.

// Rendering views to HTML (tests/generated.rs) nests their types deeply.
#![recursion_limit = "256"]

#[cfg(feature = "bench")]
pub mod bench;
pub mod components;
pub mod domain;
pub mod nav;
pub mod pages;
pub mod shell;
pub mod store;

/// Mounts the app on `<body>` in place of the prerendered home page, with a
/// panic hook that shows a readable banner instead of leaving a blank or
/// frozen page.
pub fn mount() {
    std::panic::set_hook(Box::new(components::panic_banner::show));
    let document = leptos::prelude::document();
    let focus = shell::prerendered::remove(&document);
    leptos::mount::mount_to_body(shell::App);
    focus.restore(&document);
}
