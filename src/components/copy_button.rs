//! A Copy button that puts text on the clipboard, with a fallback for
//! browsers or contexts where the Clipboard API is unavailable, and a spoken
//! confirmation for screen-reader users.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copies the current value of `text` when pressed and says whether it worked.
#[component]
pub fn CopyButton(
    /// The text to copy, read at the moment of the click.
    #[prop(into)]
    text: Signal<String>,
    /// The button's visible label, e.g. "Copy case notes".
    label: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    // Once the text changes, an earlier "Copied" no longer describes it.
    Effect::new(move |previous: Option<()>| {
        text.track();
        if previous.is_some() {
            status.set(String::new());
        }
    });
    let copy = move |_| {
        let value = text.get_untracked();
        // Emptied first and refilled a moment later, so every copy is
        // announced and seen again, even when the message is the same.
        status.set(String::new());
        leptos::task::spawn_local(async move {
            let copied = copy_with_clipboard_api(&value).await || copy_with_selection(&value);
            let message = if copied {
                "Copied to the clipboard."
            } else {
                "Copying failed: select the text and press Ctrl+C (or ⌘C)."
            };
            set_timeout(
                move || status.set(message.into()),
                std::time::Duration::from_millis(150),
            );
        });
    };
    view! {
        <button type="button" class="secondary" on:click=copy>{label}</button>
        <span class="copy-status" role="status" aria-live="polite">{move || status.get()}</span>
    }
}

async fn copy_with_clipboard_api(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // Without a secure context the API is missing and the call throws.
    if clipboard.is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// The old way: select a hidden textarea and ask the document to copy.
fn copy_with_selection(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(area) = document
        .create_element("textarea")
        .map(|e| e.unchecked_into::<web_sys::HtmlTextAreaElement>())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    area.set_class_name("offscreen");
    let _ = body.append_child(&area);
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|html| html.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}
