//! Moving keyboard focus to what changed once the view has been redrawn, so
//! keyboard and screen-reader users land on the new question, step or
//! button instead of wherever the old one was.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` on the next animation frame, after the
/// reactive update that draws it; nothing happens when no such element
/// exists by then.
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
