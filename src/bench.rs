//! The in-browser half of `scripts/bench`, built only with the `bench`
//! feature (scripts/bench turns it on) so none of it ships to agents: Trunk
//! exposes wasm-bindgen exports as `window.wasmBindings`, so the script can
//! time the rules engine in wasm.

use crate::domain::content::sla_defaults;
use crate::domain::sla::{deadline_workload, SlaEngine};
use wasm_bindgen::prelude::wasm_bindgen;

/// Runs the shared deadline workload `count` times and resolves to the
/// milliseconds it took, or a negative number if the rules are unusable.
#[wasm_bindgen]
pub async fn bench_sla_deadlines(count: u32) -> f64 {
    // The engine lives in the SLA pages' wasm part, not in the shell; the
    // rules come with the content pack.
    crate::store::pack_loaded().await;
    (crate::shell::lazy::sla_tools().await.time_deadlines)(count)
}

/// Times the workload alone, excluding loading the part.
pub(crate) fn time_deadline_workload(count: u32) -> f64 {
    let Ok(engine) = SlaEngine::new(sla_defaults()) else {
        return -1.0;
    };
    let started = js_sys::Date::now();
    match deadline_workload(&engine, count) {
        Ok(_) => js_sys::Date::now() - started,
        Err(_) => -1.0,
    }
}
