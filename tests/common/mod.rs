//! Helpers shared by the wasm-bindgen component tests (`tests/web_*.rs`).
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;

/// Mounts the whole app on a fresh container with `hash` as the URL and
/// empty storage; dropping the handle unmounts it.
pub async fn render_at(hash: &str) -> (web_sys::HtmlElement, UnmountHandle<AnyViewState>) {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(hash).unwrap();
    // Let the hashchange of the line above pass before the app listens.
    sleep_ms(20).await;
    let document = window.document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || deskaid::shell::App().into_any());
    leptos::task::tick().await;
    sleep_ms(50).await;
    (container, handle)
}

/// Unmounts the app and removes its container, so the next test starts clean.
pub fn cleanup(container: web_sys::HtmlElement, handle: UnmountHandle<AnyViewState>) {
    drop(handle);
    container.remove();
}

/// The first element matching `selector`, or a panic naming it.
pub fn find(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// The text of the first element matching `selector`.
pub fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    find(container, selector).text_content().unwrap_or_default()
}

/// Types `text` into the input or textarea matching `selector` as a person
/// would: the value changes, then an `input` event fires.
pub fn type_into(container: &web_sys::HtmlElement, selector: &str, text: &str) {
    let element = find(container, selector);
    match element.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.set_value(text),
        None => element
            .unchecked_ref::<web_sys::HtmlTextAreaElement>()
            .set_value(text),
    }
    element
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The current value of the input or textarea matching `selector`.
pub fn value_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    let element = find(container, selector);
    match element.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.value(),
        None => element
            .unchecked_ref::<web_sys::HtmlTextAreaElement>()
            .value(),
    }
}

/// Waits for `ms` milliseconds, letting events and effects run.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
