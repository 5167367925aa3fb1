//! Code fetched on first use inside a page: a split point's value as a
//! signal, so the page draws what it can at once and the rest when its wasm
//! part arrives (`split` feature; without it the value is there at once).

use leptos::prelude::*;
use std::future::Future;

/// What `load` hands back, `None` until it has: fetching starts now, and a
/// part already fetched is not fetched again.
pub fn load_part<T>(load: impl Future<Output = T> + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
{
    let loaded = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let value = load.await;
        // The page may have gone by then.
        let _ = loaded.try_set(Some(value));
    });
    loaded.read_only()
}
