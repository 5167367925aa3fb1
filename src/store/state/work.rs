//! What an agent keeps while working: the escalation walks in progress and
//! the case queue, each merged record by record when two tabs change them.

use crate::domain::flow::{FlowSet, Walk};
use crate::domain::sla::Case;
use crate::store::envelope::Persist;
use crate::store::merge::{merge_list, merge_map, Deletions};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The escalation walks in progress, one per flow, so each survives a reload
/// or a closed tab and a walk in one flow does not disturb another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Walks {
    pub by_flow: BTreeMap<String, Walk>,
}

impl Persist for Walks {
    const KEY: &'static str = "deskaid.walks";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "escalation walks";

    /// By flow; a walk both tabs changed is this tab's, the later write.
    fn merge(base: &Self, mine: Self, theirs: Self, deleted: &Deletions) -> Self {
        Walks {
            by_flow: merge_map(
                &base.by_flow,
                mine.by_flow,
                theirs.by_flow,
                deleted,
                |m, _| m,
            ),
        }
    }

    fn record_ids(&self) -> BTreeSet<String> {
        self.by_flow.keys().cloned().collect()
    }
}

impl Walks {
    /// The flows whose walk reached an outcome: the last call's, kept so its
    /// case notes can still be copied, and safe to clear to free space.
    pub fn finished(&self, flows: &FlowSet) -> Vec<String> {
        self.by_flow
            .iter()
            .filter(|(_, walk)| walk.outcome(flows).is_some())
            .map(|(flow, _)| flow.clone())
            .collect()
    }
}

/// The agent's own cases, for the queue and its deadlines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Queue {
    pub cases: Vec<Case>,
}

impl Persist for Queue {
    const KEY: &'static str = "deskaid.queue";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "case queue";

    /// By case number; a case both tabs edited is this tab's, the later write.
    fn merge(base: &Self, mine: Self, theirs: Self, deleted: &Deletions) -> Self {
        Queue {
            cases: merge_list(
                &base.cases,
                mine.cases,
                theirs.cases,
                deleted,
                |case| case.number.clone(),
                |m, _| m,
            ),
        }
    }

    fn record_ids(&self) -> BTreeSet<String> {
        self.cases.iter().map(|case| case.number.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content;

    fn case(number: &str, notes: &str) -> Case {
        serde_json::from_value(serde_json::json!({
            "number": number,
            "customer": "Customer",
            "case_type": "general",
            "received": "2026-11-30T14:00:00Z",
            "zone": "America/New_York",
            "status": "assigned",
            "notes": notes,
        }))
        .unwrap()
    }

    fn queue(cases: &[(&str, &str)]) -> Queue {
        Queue {
            cases: cases.iter().map(|(n, notes)| case(n, notes)).collect(),
        }
    }

    #[test]
    fn two_tabs_queues_merge_case_by_case() {
        let base = queue(&[("1", ""), ("2", ""), ("3", "")]);
        // This tab edits 1 and removes 2; the other adds 4 and edits 3.
        let mine = queue(&[("1", "called"), ("3", "")]);
        let theirs = queue(&[("1", ""), ("2", ""), ("3", "waiting"), ("4", "")]);
        assert_eq!(
            Queue::merge(&base, mine, theirs, &Deletions::new()),
            queue(&[("1", "called"), ("3", "waiting"), ("4", "")])
        );
    }

    #[test]
    fn finished_walks_are_those_at_an_outcome() {
        let flows = content::flows();
        let now = chrono::Utc::now();
        // A flow walked along its last choices, which end at an outcome
        // (first choices can loop back, as "not yet" answers do).
        let walked_to_the_end = |flow: &str| {
            let mut walk = Walk::start(flows, flow, now).unwrap();
            for _ in 0..40 {
                let choices = walk.current_step(flows).unwrap().choices.len();
                if choices == 0 {
                    break;
                }
                walk.choose(flows, choices - 1, now).unwrap();
            }
            assert!(walk.outcome(flows).is_some(), "{flow} ends at an outcome");
            walk
        };
        let mut walks = Walks::default();
        walks
            .by_flow
            .insert("dsar".into(), walked_to_the_end("dsar"));
        walks.by_flow.insert(
            "leadership".into(),
            Walk::start(flows, "leadership", now).unwrap(),
        );
        walks
            .by_flow
            .insert("qualifiers".into(), walked_to_the_end("qualifiers"));
        assert_eq!(walks.finished(flows), ["dsar", "qualifiers"]);
        assert!(Walks::default().finished(flows).is_empty());
    }
}
