//! What authoring keeps: the draft a trainer is writing, saved as they go,
//! the pack they chose to use on this device instead of the site's, and
//! the draft one tab is trying.
//! Both are kept as the pack's JSON text, so the shell and the pages that
//! never author carry no pack reader: the author page and the pack loader
//! read the text when they need it.

use super::envelope::{encode, Persist};
use super::local::{remove, remove_tab, write_raw, write_tab, WriteError};
use serde::{Deserialize, Serialize};

/// Where a tab keeps the draft it is trying (sessionStorage): through that
/// tab's reloads, so the content is put in use as a page load does it,
/// and nowhere else, so no other tab and no agent sees it.
pub(super) const TRIED_PACK_KEY: &str = "deskaid.try-pack";

/// Tries `json` (a pack) in this tab from its next load on; `None` stops.
pub fn try_in_this_tab(json: Option<&str>) -> Result<(), WriteError> {
    match json {
        Some(json) => write_tab(TRIED_PACK_KEY, json),
        None => {
            remove_tab(TRIED_PACK_KEY);
            Ok(())
        }
    }
}

/// The draft pack on the author page, as JSON; `None` until the first
/// edit, so a trainer who only looks starts from the pack in use each time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorDraft {
    pub json: Option<String>,
}

impl Persist for AuthorDraft {
    const KEY: &'static str = "deskaid.author-draft";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "content draft";
}

/// A pack chosen on this device (from a file, a link or the author page),
/// used instead of the site's until the user goes back to it. It was
/// checked when it was chosen, and is checked again each time it loads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DevicePack {
    pub json: Option<String>,
}

/// Puts the pack `json` in use on this device from the next page load on
/// (`None`: the site's pack again). Written directly rather than through
/// the app state, so the notice that offers the way back (in the shell)
/// carries none of a concern's loading and merging.
pub fn choose_device_pack(json: Option<String>) -> Result<(), WriteError> {
    match json {
        Some(json) => write_raw(DevicePack::KEY, &encode(&DevicePack { json: Some(json) })),
        None => {
            remove(DevicePack::KEY);
            Ok(())
        }
    }
}

impl Persist for DevicePack {
    const KEY: &'static str = "deskaid.pack";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "content pack used on this device";
}
