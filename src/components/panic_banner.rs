//! Shows a readable error banner when the app panics, instead of a blank page.

use std::panic::PanicHookInfo;

/// The panic hook: logs the message and puts a banner at the top of the page,
/// built with plain DOM calls because the reactive system may be broken.
pub fn show(info: &PanicHookInfo) {
    let message = info.to_string();
    web_sys::console::error_1(&message.clone().into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!(
        "Deskaid hit an unexpected error and stopped working: {message}. \
         Your saved data is safe. Reload the page to continue."
    )));
    let _ = body.prepend_with_node_1(&banner);
}
