//! Saves generated text (exports, case notes, calendars) as a file download,
//! without any server.

use crate::components::notice::{NoticeKind, Notices};
use std::fmt;
use wasm_bindgen::JsCast;

/// Offers `contents` as a download and tells the user in a notice whether
/// the file was saved.
pub fn save_file(notices: Notices, file_name: &str, mime: &str, contents: &str) {
    try_save_file(notices, file_name, mime, contents);
}

/// [`save_file`], saying whether the download was offered, for actions that
/// remove what the file keeps.
pub fn try_save_file(notices: Notices, file_name: &str, mime: &str, contents: &str) -> bool {
    match download_text(file_name, mime, contents) {
        Ok(()) => {
            notices.push(NoticeKind::Success, format!("Saved {file_name}."));
            true
        }
        Err(reason) => {
            notices.push(
                NoticeKind::Error,
                format!("{file_name} could not be saved: {reason}."),
            );
            false
        }
    }
}

/// Why the browser offered no download; its text continues "could not be saved: ".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DownloadError {
    /// The browser refused to make the file or its link.
    Refused,
    /// No document to put the link in (not a page).
    NoDocument,
    /// The link element made was not an anchor.
    NoAnchor,
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DownloadError::Refused => "the browser refused to create the file",
            DownloadError::NoDocument => "no document",
            DownloadError::NoAnchor => "no anchor element",
        })
    }
}

/// Offers `contents` as a download named `file_name`.
fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), DownloadError> {
    let refused = |_| DownloadError::Refused;
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| DownloadError::NoAnchor)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
