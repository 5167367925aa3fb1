//! Times 100,000 deadline computations with the shipped SLA settings, to
//! check the rules engine is fast enough to recompute a whole queue on every
//! tick. Run with `cargo run --release --example sla_bench`; `scripts/bench`
//! times the same workload in the browser.

use deskaid::domain::content::sla_defaults;
use deskaid::domain::sla::{deadline_workload, SlaEngine};
use std::time::Instant;

const RUNS: u32 = 100_000;

fn main() {
    let engine = match SlaEngine::new(sla_defaults()) {
        Ok(engine) => engine,
        Err(error) => {
            eprintln!("content/sla.toml is not valid: {error}");
            std::process::exit(1);
        }
    };
    let timer = Instant::now();
    match deadline_workload(&engine, RUNS) {
        Ok(checksum) => {
            let elapsed = timer.elapsed();
            println!(
                "native: {RUNS} deadline computations in {:.1} ms ({:.2} µs each, checksum {checksum})",
                elapsed.as_secs_f64() * 1e3,
                elapsed.as_secs_f64() * 1e6 / f64::from(RUNS),
            );
        }
        Err(error) => {
            eprintln!("the workload failed: {error}");
            std::process::exit(1);
        }
    }
}
