//! Times 100,000 deadline computations with the shipped SLA settings, to
//! check the rules engine is fast enough to recompute a whole queue on every
//! tick. Run with `cargo run --release --example sla_bench`.

use chrono::{DateTime, Duration, Utc};
use deskaid::domain::sla::{AgencyTerm, CaseType, SlaEngine};
use std::time::Instant;

const RUNS: u32 = 100_000;

fn main() {
    let settings = deskaid::domain::content::sla_defaults();
    let engine = match SlaEngine::new(settings) {
        Ok(engine) => engine,
        Err(error) => {
            eprintln!("content/sla.toml is not valid: {error}");
            return;
        }
    };
    let Some(start) = DateTime::<Utc>::from_timestamp(1_767_225_600, 0) else {
        eprintln!("start instant out of range");
        return;
    };
    let mut checksum = 0i64;
    let timer = Instant::now();
    for run in 0..RUNS {
        // Spread receipts over a year, 5 minutes 17 seconds apart, so
        // weekends, holidays and both DST changes are all hit.
        let received = start + Duration::seconds(i64::from(run) * 317);
        let case_type = CaseType::ALL[(run % 3) as usize];
        let due = if run % 2 == 0 {
            engine.initial_contact(case_type, received).map(|d| d.due)
        } else {
            engine
                .resolution(case_type, received, AgencyTerm::Days(30))
                .map(|due| due.deadline().map(|d| d.due))
                .and_then(|due| due.ok_or(deskaid::domain::sla::SlaError::OutOfRange))
        };
        match due {
            Ok(due) => checksum = checksum.wrapping_add(due.timestamp()),
            Err(error) => {
                eprintln!("run {run} failed: {error}");
                return;
            }
        }
    }
    let elapsed = timer.elapsed();
    println!(
        "{RUNS} deadline computations in {:.1} ms ({:.2} µs each, checksum {checksum})",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / f64::from(RUNS),
    );
}
