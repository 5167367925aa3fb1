//! The home page `index.html` shows while the wasm loads is the app's own
//! rendering, kept in `assets/prerendered-home.html` so that building needs no
//! native step. Regenerate it with `UPDATE_PRERENDER=1 cargo test --test prerender`.
#![cfg(not(target_arch = "wasm32"))]

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/prerendered-home.html");

#[test]
fn prerendered_home_page_matches_the_app() {
    let html = deskaid::shell::prerendered_home() + "\n";
    if std::env::var_os("UPDATE_PRERENDER").is_some() {
        std::fs::write(SNAPSHOT, &html).expect("write the prerendered home page");
    }
    let stored = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    assert!(
        stored == html,
        "assets/prerendered-home.html is out of date with the home page; \
         run `UPDATE_PRERENDER=1 cargo test --test prerender` and commit it"
    );
}
