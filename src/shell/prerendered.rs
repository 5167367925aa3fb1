//! Trunk builds show the home page as plain HTML while the wasm loads:
//! `scripts/finish-dist.mjs` puts `assets/prerendered-home.html` (the app's
//! own rendering, see `tests/generated.rs`) in `<div id="prerendered">`. The
//! live app replaces it in the same task, so nothing flickers, and keeps the
//! keyboard focus of an agent who was already tabbing through it.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, Node};

const CONTAINER_ID: &str = "prerendered";
/// What can hold focus in the frame; both renderings list them in the same order.
const FOCUSABLE: &str = "a[href], [tabindex]";

/// Where focus was in the prerendered page, to put it back in the live one.
pub struct FocusSpot(Option<u32>);

/// Removes the prerendered page, if any, remembering the focused element.
pub fn remove(document: &Document) -> FocusSpot {
    let Some(container) = document.get_element_by_id(CONTAINER_ID) else {
        return FocusSpot(None);
    };
    let active: Option<Node> = document.active_element().map(Into::into);
    let index = active.and_then(|active| {
        let nodes = container.query_selector_all(FOCUSABLE).ok()?;
        (0..nodes.length()).find(|&i| nodes.item(i).as_ref() == Some(&active))
    });
    container.remove();
    FocusSpot(index)
}

impl FocusSpot {
    /// Focuses the live app's counterpart of the element that had focus.
    pub fn restore(self, document: &Document) {
        let Some(index) = self.0 else { return };
        let target = document
            .body()
            .and_then(|body| body.query_selector_all(FOCUSABLE).ok())
            .and_then(|nodes| nodes.item(index))
            .and_then(|node| node.dyn_into::<HtmlElement>().ok());
        if let Some(element) = target {
            let _ = element.focus();
        }
    }
}
