//! Component tests in headless Chromium: the shell renders every route.
#![cfg(target_arch = "wasm32")]

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app with `hash` as the URL and returns its container.
async fn render_at(hash: &str) -> (web_sys::HtmlElement, UnmountHandle<AnyViewState>) {
    let window = web_sys::window().unwrap();
    window.location().set_hash(hash).unwrap();
    let document = window.document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || deskaid::app::App().into_any());
    leptos::task::tick().await;
    (container, handle)
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_route_renders_its_heading_and_marks_the_navigation() {
    let cases = [
        ("#/", "Deskaid", "Home"),
        ("#/escalation", "Escalation flowchart", "Escalation"),
        ("#/sla", "SLA calculator", "SLA"),
        ("#/queue", "My queue", "SLA"),
        ("#/quiz", "Training quiz", "Quiz"),
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
        drop(handle);
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn following_a_link_changes_the_page() {
    let (container, handle) = render_at("#/").await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/settings")
        .unwrap();
    // hashchange is dispatched asynchronously.
    sleep_ms(50).await;
    assert_eq!(text_of(&container, "main h1"), "Settings");
    drop(handle);
    container.remove();
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
