//! Where the content comes from: the pack the team published beside
//! `index.html` (`content/pack.json`), read at run time so replacing that
//! one file changes Deskaid for everyone with no rebuild. A file that is
//! the pack this build shipped (known by its fingerprint: native tests
//! checked it) is used part by part as tools need it; any other is
//! untrusted and checked whole (`domain::pack::read_pack`) before any of it
//! is used. When it cannot be fetched or read, the last pack of the site's
//! that worked on this device is used instead ([`LastGoodPack`]: the
//! service worker's cache keeps any file that is JSON, and some browsers
//! have no service worker at all), or else the shipped pack (a copy under
//! its fingerprint's name, which `scripts/finish-dist.mjs` names in a meta
//! tag); every problem is kept for the notice that says so.
//!
//! Loading starts when a page or panel first needs content, and happens
//! once per page load; for a deep link the boot script has already started
//! the fetch.

#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
use crate::domain::pack::{fingerprint, Place};
use crate::domain::pack::{read_pack, Pack, PackProblem};
use crate::store::envelope::Persist;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where the team's pack is, relative to `index.html`.
pub const PUBLISHED_PACK: &str = "content/pack.json";

/// How far loading the content has come.
#[derive(Debug, Clone, PartialEq)]
pub enum PackLoad {
    /// Still fetching or checking.
    Loading,
    /// The published pack is in use.
    Published,
    /// The pack chosen on this device is in use instead of the published
    /// one (`store::DevicePack`).
    Device,
    /// The author's draft is in use in this tab only, to be tried.
    Trying,
    /// The published pack could not be used, for these reasons: the last
    /// one of the site's that worked on this device is in use instead.
    LastGood { problems: Vec<PackProblem> },
    /// The published pack could not be used, for these reasons, and no
    /// earlier one of the site's was kept: the shipped one is in use.
    Shipped { problems: Vec<PackProblem> },
    /// Neither pack could be used: pages that show content cannot draw.
    Unavailable {
        problems: Vec<PackProblem>,
        shipped_problems: Vec<PackProblem>,
    },
}

impl PackLoad {
    /// Whether content is in use, so pages can draw.
    pub fn is_ready(&self) -> bool {
        matches!(
            self,
            PackLoad::Published
                | PackLoad::Device
                | PackLoad::Trying
                | PackLoad::LastGood { .. }
                | PackLoad::Shipped { .. }
        )
    }
}

/// The last pack of the site's (`content/pack.json`, when it is not the
/// pack this build shipped) that was checked whole and used here: what
/// this device falls back on when a later one cannot be used, so a broken
/// deploy does not take users back to the content the build shipped.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastGoodPack {
    pub json: Option<String>,
}

impl Persist for LastGoodPack {
    const KEY: &'static str = "deskaid.last-good-pack";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "last content pack of this site that worked";
}

/// A pack of this device's own (chosen here, or a draft tried in this tab)
/// that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// Which, as the start of a sentence: "The content pack chosen on this
    /// device".
    pub what: &'static str,
    pub problems: Vec<PackProblem>,
}

/// Loading, started once per page load by the first view that needs
/// content: its state for the views, and a promise that settles when it is
/// over, for pages waiting to draw. The signal is an `Arc` one: it must
/// outlive whichever view first asked for it.
struct Loader {
    state: ArcRwSignal<PackLoad>,
    /// Why a pack of this device's own was not used, when it was not.
    refused: ArcRwSignal<Option<Refused>>,
    #[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
    finished: std::cell::OnceCell<js_sys::Promise>,
}

thread_local! {
    static LOADER: Loader = Loader {
        // Content compiled in is in use at once.
        #[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
        state: ArcRwSignal::new(PackLoad::Published),
        #[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
        state: ArcRwSignal::new(PackLoad::Loading),
        refused: ArcRwSignal::new(None),
        #[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
        finished: std::cell::OnceCell::new(),
    };
}

/// The state of loading, for views; reading it starts nothing, so the home
/// page fetches no content until its quick reference is opened.
pub fn pack_load() -> ArcRwSignal<PackLoad> {
    LOADER.with(|loader| loader.state.clone())
}

/// Why a pack of this device's own could not be used (`None` when it was,
/// or when there is none): the published or shipped pack is in use instead.
pub fn own_pack_refused() -> ArcRwSignal<Option<Refused>> {
    LOADER.with(|loader| loader.refused.clone())
}

/// Starts loading if nothing has yet, and waits until it is over; then
/// [`pack_load`] says whether content is in use.
pub async fn pack_loaded() {
    #[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
    {
        let finished = LOADER.with(|loader| {
            loader
                .finished
                .get_or_init(|| fetch::start(loader.state.clone(), loader.refused.clone()))
                .clone()
        });
        let _ = wasm_bindgen_futures::JsFuture::from(finished).await;
    }
}

/// Reads and checks a pack.
type PackReader = fn(&str) -> Result<Pack, Vec<PackProblem>>;

/// The code that checks a whole pack (every content type's reader and
/// validator) is a wasm part of its own, fetched only for a pack other than
/// the one the build shipped: a page with the shipped content downloads
/// only the code that reads its own part.
#[cfg_attr(feature = "split", leptos::lazy)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "embed-content"),
    allow(dead_code)
)]
async fn pack_reader() -> PackReader {
    let read: PackReader = read_pack;
    read
}

/// Fetching a pack from the host, in the browser only.
#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
mod fetch {
    use super::*;
    use crate::domain::content;
    use crate::store::author::TRIED_PACK_KEY;
    use crate::store::envelope::{decode, encode};
    use crate::store::local::{read_raw, read_tab, remove, write_raw};
    use crate::store::DevicePack;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// The meta tag naming the copy of the shipped pack.
    const SHIPPED_PACK_META: &str = "meta[name=\"deskaid-shipped-pack\"]";

    /// Loads the content in the background, into `state`; the promise
    /// settles when it is over.
    pub(super) fn start(
        state: ArcRwSignal<PackLoad>,
        refused: ArcRwSignal<Option<Refused>>,
    ) -> js_sys::Promise {
        let mut settle = None;
        let finished = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
        let settle = settle.expect("a promise calls its executor at once");
        leptos::task::spawn_local(async move {
            state.set(load(&refused).await);
            let _ = settle.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
        finished
    }

    /// The draft this tab tries, or else the pack chosen on this device,
    /// or else the published pack, or else the shipped one.
    async fn load(refused: &ArcRwSignal<Option<Refused>>) -> PackLoad {
        let shipped = shipped_pack();
        let known = shipped
            .as_ref()
            .map(|(_, fingerprint)| fingerprint.as_str());
        let own = [
            (
                read_tab(TRIED_PACK_KEY).map(Ok),
                PackLoad::Trying,
                "Your draft, tried in this tab,",
            ),
            (
                device_pack(),
                PackLoad::Device,
                "The content pack chosen on this device",
            ),
        ];
        for (text, state, what) in own {
            let Some(text) = text else { continue };
            match use_pack(text.as_deref().map_err(String::as_str), known).await {
                Ok(_) => return state,
                Err(problems) => {
                    refused.set(Some(Refused { what, problems }));
                    break;
                }
            }
        }
        let published = fetch_text(published_response()).await;
        let problems = match use_pack(published.as_deref().map_err(String::as_str), known).await {
            Ok(used) => {
                if let Ok(text) = published {
                    // After the page has its content: keeping the copy
                    // need not delay the first paint.
                    leptos::task::spawn_local(async move { remember_last_good(text, used) });
                }
                return PackLoad::Published;
            }
            Err(problems) => problems,
        };
        if let Some(text) = last_good() {
            if use_pack(Ok(&text), known).await.is_ok() {
                return PackLoad::LastGood { problems };
            }
        }
        let shipped_text = match &shipped {
            Some((address, _)) => fetch_text(window_fetch(address)).await,
            None => Err("this build does not name its shipped pack".to_string()),
        };
        match use_pack(shipped_text.as_deref().map_err(String::as_str), known).await {
            Ok(_) => PackLoad::Shipped { problems },
            Err(shipped_problems) => PackLoad::Unavailable {
                problems,
                shipped_problems,
            },
        }
    }

    /// How a pack was put in use.
    #[derive(Clone, Copy)]
    enum Used {
        /// The pack the build shipped, recognised by its fingerprint.
        Shipped,
        /// Any other, checked whole.
        Checked,
    }

    /// Puts the pack in `text` (or why there is none) in use: the one the
    /// build shipped (known by its fingerprint) part by part as tools need
    /// it, any other only once the pack reader has checked it whole.
    async fn use_pack(
        text: Result<&str, &str>,
        known: Option<&str>,
    ) -> Result<Used, Vec<PackProblem>> {
        let text = text.map_err(|message| {
            vec![PackProblem {
                place: Place::File,
                message: message.to_string(),
            }]
        })?;
        if known == Some(fingerprint(text).as_str()) {
            return content::install_known(text).map(|()| Used::Shipped);
        }
        let read = pack_reader().await;
        content::install(read(text)?);
        Ok(Used::Checked)
    }

    /// Keeps `text`, the site's pack just put in use, as the last good one;
    /// the pack this build shipped needs no copy, being the last resort.
    /// Storage that refuses loses nothing the user made: it is a copy of
    /// the site's file.
    fn remember_last_good(text: String, used: Used) {
        if matches!(used, Used::Shipped) {
            remove(LastGoodPack::KEY);
        } else if last_good().as_deref() != Some(text.as_str()) {
            let _ = write_raw(
                LastGoodPack::KEY,
                &encode(&LastGoodPack { json: Some(text) }),
            );
        }
    }

    /// The last good pack's text, if one was kept and can be read.
    fn last_good() -> Option<String> {
        let raw = read_raw(LastGoodPack::KEY)?;
        decode::<LastGoodPack>(&raw).ok()?.json
    }

    /// The text of the pack chosen on this device, if one was.
    fn device_pack() -> Option<Result<String, String>> {
        let raw = read_raw(DevicePack::KEY)?;
        match decode::<DevicePack>(&raw) {
            Ok(DevicePack { json }) => json.map(Ok),
            Err(_) => Some(Err("its stored copy is unreadable".to_string())),
        }
    }

    /// The fetch the boot script started for a deep link, or a new one.
    fn published_response() -> js_sys::Promise {
        let window = web_sys::window().expect("a window");
        let started = js_sys::Reflect::get(&window, &"deskaidPack".into())
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
        match started {
            Some(promise) => promise,
            None => window_fetch(PUBLISHED_PACK),
        }
    }

    fn window_fetch(address: &str) -> js_sys::Promise {
        web_sys::window().expect("a window").fetch_with_str(address)
    }

    /// Where the copy of the shipped pack is, and its fingerprint.
    fn shipped_pack() -> Option<(String, String)> {
        let meta = web_sys::window()?
            .document()?
            .query_selector(SHIPPED_PACK_META)
            .ok()??;
        Some((
            meta.get_attribute("content")?,
            meta.get_attribute("data-fingerprint")?,
        ))
    }

    /// The body of a response, or why there is none, in words.
    async fn fetch_text(request: js_sys::Promise) -> Result<String, String> {
        let response: web_sys::Response = JsFuture::from(request)
            .await
            .ok()
            .and_then(|value| value.dyn_into().ok())
            .ok_or("it could not be fetched (offline, or the host refused)")?;
        if !response.ok() {
            return Err(format!(
                "the host answered {} {} instead of the file",
                response.status(),
                response.status_text()
            ));
        }
        let text = response
            .text()
            .map_err(|_| "its text could not be read".to_string())?;
        JsFuture::from(text)
            .await
            .ok()
            .and_then(|value| value.as_string())
            .ok_or_else(|| "its text could not be read".to_string())
    }
}
