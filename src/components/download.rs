//! Saves generated text (exports, case notes, calendars) as a file download,
//! without any server.

use crate::components::notice::{NoticeKind, Notices};
use wasm_bindgen::JsCast;

/// Offers `contents` as a download and tells the user in a notice whether
/// the file was saved.
pub fn save_file(notices: Notices, file_name: &str, mime: &str, contents: &str) {
    match download_text(file_name, mime, contents) {
        Ok(()) => notices.push(NoticeKind::Success, format!("Saved {file_name}.")),
        Err(reason) => notices.push(
            NoticeKind::Error,
            format!("{file_name} could not be saved: {reason}."),
        ),
    }
}

/// Offers `contents` as a download named `file_name`; the message explains a
/// browser that refused.
fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let refused = |_| "the browser refused to create the file".to_string();
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
