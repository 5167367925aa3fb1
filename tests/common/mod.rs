//! Helpers shared by the wasm-bindgen component tests (`tests/web_*.rs`).
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;

/// Mounts the whole app on a fresh container with `hash` as the URL and
/// empty storage, and waits until its page is drawn; dropping the handle
/// unmounts it.
pub async fn render_at(hash: &str) -> (web_sys::HtmlElement, UnmountHandle<AnyViewState>) {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    // The hashchange of an earlier URL must pass before the app listens.
    set_hash(hash).await;
    let document = window.document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || deskaid::shell::App().into_any());
    wait_until("the page's heading", || {
        container.query_selector("main h1").ok().flatten().is_some()
            && container
                .query_selector(".page-loading")
                .ok()
                .flatten()
                .is_none()
    })
    .await;
    settle(&container).await;
    (container, handle)
}

/// Sets the URL's hash and, when that changes it, waits for the
/// `hashchange` event (which the browser dispatches in a later task).
pub async fn set_hash(hash: &str) {
    let window = web_sys::window().unwrap();
    let before = window.location().hash().unwrap();
    let changed = js_sys::Promise::new(&mut |resolve, _| {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"once".into(), &true.into()).unwrap();
        let add: js_sys::Function = js_sys::Reflect::get(&window, &"addEventListener".into())
            .unwrap()
            .unchecked_into();
        add.call3(&window, &"hashchange".into(), &resolve, &options)
            .unwrap();
    });
    window.location().set_hash(hash).unwrap();
    if window.location().hash().unwrap() != before {
        wasm_bindgen_futures::JsFuture::from(changed).await.unwrap();
    }
}

/// Goes to `hash` as a pasted link or the browser's address bar would, and
/// waits until the app has followed it.
pub async fn go_to(container: &web_sys::HtmlElement, hash: &str) {
    set_hash(hash).await;
    wait_until("the page's code to load", || {
        container
            .query_selector(".page-loading")
            .ok()
            .flatten()
            .is_none()
    })
    .await;
    settle(container).await;
}

/// Waits until `condition` holds, looking again after every animation
/// frame, and fails naming `what` after 5 seconds. Tests wait for what they
/// need, never for a number of milliseconds, so a busy machine only makes
/// them slower.
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let started = js_sys::Date::now();
    while !condition() {
        assert!(
            js_sys::Date::now() - started < 5000.0,
            "timed out after 5 s waiting for {what}"
        );
        next_frame().await;
    }
}

/// Waits until the app has stopped changing the page: its effects, tasks
/// and storage events have run when an animation frame passes with the
/// markup in `container` unchanged (at most 5 seconds).
pub async fn settle(container: &web_sys::HtmlElement) {
    leptos::task::tick().await;
    let started = js_sys::Date::now();
    let mut before = container.inner_html();
    loop {
        next_frame().await;
        let now = container.inner_html();
        if now == before {
            return;
        }
        before = now;
        assert!(
            js_sys::Date::now() - started < 5000.0,
            "timed out after 5 s waiting for the page to stop changing"
        );
    }
}

/// Resolves at the browser's next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Unmounts the app and removes its container, so the next test starts clean.
/// The app first gets the `pagehide` a closing page gets, so a write it is
/// holding back (writes are throttled, see `Persisted::update`) lands now,
/// before the next test clears storage, and not in the middle of that test.
pub fn cleanup(container: web_sys::HtmlElement, handle: UnmountHandle<AnyViewState>) {
    let closing = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&closing).unwrap();
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

/// Clicks the button whose text is `label`.
pub async fn click_button(container: &web_sys::HtmlElement, label: &str) {
    let query: js_sys::Function = js_sys::Reflect::get(container, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = query.call1(container, &"button".into()).unwrap();
    let button = js_sys::Array::from(&list)
        .iter()
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"));
    button.click();
    settle(container).await;
}

/// Picks the option with `value` in the select and fires `change`.
pub fn choose(container: &web_sys::HtmlElement, selector: &str, value: &str) {
    let element = find(container, selector);
    js_sys::Reflect::set(&element, &"value".into(), &value.into()).unwrap();
    element
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}
