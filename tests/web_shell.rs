//! Component tests in headless Chromium: the shell renders every route.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_route_renders_its_heading_and_marks_the_navigation() {
    let cases = [
        ("#/", "Deskaid", "Home"),
        ("#/escalation", "Escalation flowchart", "Escalation"),
        ("#/sla", "SLA calculator", "SLA"),
        ("#/queue", "My queue", "SLA"),
        ("#/quiz", "Training quiz", "Quiz"),
        (
            "#/quiz?question=q001-resolution-executive",
            "Training quiz",
            "Quiz",
        ),
        ("#/results", "Class results", "Class results"),
        ("#/settings", "Settings", "Settings"),
        ("#/nowhere", "Page not found", "Home"),
    ];
    for (hash, heading, nav) in cases {
        let (container, handle) = render_at(hash).await;
        assert_eq!(text_of(&container, "main h1"), heading, "{hash}");
        assert_eq!(
            text_of(&container, "nav a[aria-current=page]"),
            nav,
            "{hash}"
        );
        cleanup(container, handle);
    }
}

#[wasm_bindgen_test]
async fn following_a_link_changes_the_page() {
    let (container, handle) = render_at("#/").await;
    go_to(&container, "#/settings").await;
    assert_eq!(text_of(&container, "main h1"), "Settings");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn tab_memory_outlives_a_page_but_not_the_app() {
    let scanner = "#esc-scanner-input";
    let (container, handle) = render_at("#/escalation").await;
    type_into(&container, scanner, "my lawyer says");
    go_to(&container, "#/quiz").await;
    assert_eq!(text_of(&container, "main h1"), "Training quiz");
    go_to(&container, "#/escalation").await;
    assert_eq!(value_of(&container, scanner), "my lawyer says");
    cleanup(container, handle);

    let (container, handle) = render_at("#/escalation").await;
    assert_eq!(value_of(&container, scanner), "");
    cleanup(container, handle);
}
