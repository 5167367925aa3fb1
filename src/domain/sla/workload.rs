//! A fixed, realistic mix of deadline computations, shared by the native
//! benchmark (`examples/sla_bench.rs`) and the in-browser one (`scripts/bench`)
//! so both time exactly the same work.

use super::{AgencyTerm, CaseType, SlaEngine, SlaError};
use chrono::{DateTime, Duration, Utc};

/// 2026-01-01T00:00:00Z: the workload spans 2026, both DST changes included.
const WORKLOAD_START: i64 = 1_767_225_600;

/// Computes `count` deadlines, alternating initial contact and resolution
/// over the three case types, for receipts 5 min 17 s apart (so weekends,
/// holidays and DST changes are all hit). Returns a checksum of the due
/// instants, which keeps the optimiser from skipping the work.
pub fn deadline_workload(engine: &SlaEngine, count: u32) -> Result<i64, SlaError> {
    let start = DateTime::<Utc>::from_timestamp(WORKLOAD_START, 0).ok_or(SlaError::OutOfRange)?;
    let mut checksum = 0i64;
    for run in 0..count {
        let received = start + Duration::seconds(i64::from(run) * 317);
        let case_type = CaseType::ALL[(run % 3) as usize];
        let due = if run % 2 == 0 {
            engine.initial_contact(case_type, received)?.due
        } else {
            engine
                .resolution(case_type, received, AgencyTerm::Days(30))?
                .deadline()
                .ok_or(SlaError::OutOfRange)?
                .due
        };
        checksum = checksum.wrapping_add(due.timestamp());
    }
    Ok(checksum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::sla_defaults;

    #[test]
    fn the_workload_runs_and_is_deterministic() {
        let engine = SlaEngine::new(sla_defaults()).unwrap();
        let first = deadline_workload(&engine, 1_000).unwrap();
        assert_eq!(first, deadline_workload(&engine, 1_000).unwrap());
        assert_ne!(first, 0);
    }
}
