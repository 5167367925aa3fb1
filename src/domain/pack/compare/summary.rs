//! How much changed, counted, and worded as the one line a comparison opens
//! with: "1 flow changed; 12 steps changed, 9 added, 2 removed".

use super::{Changes, PackComparison};
use crate::domain::text::plural;

/// How many of each kind of item were added, removed and changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ComparisonCounts {
    /// Fields of the pack's description that changed.
    pub meta: usize,
    /// Flows `(added, removed, changed)`.
    pub flows: Counted,
    /// Steps over all flows both packs have.
    pub steps: Counted,
    /// Quiz questions.
    pub questions: Counted,
    /// Quiz topics.
    pub topics: Counted,
    /// Quiz scenarios.
    pub scenarios: Counted,
    /// Scanner keywords.
    pub keywords: Counted,
    /// Changed SLA default values.
    pub sla: usize,
    /// Reference topics.
    pub reference_topics: Counted,
    /// Reference facts.
    pub facts: Counted,
}

/// Added, removed and changed items of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    /// Only the new pack has them.
    pub added: usize,
    /// Only the old pack has them.
    pub removed: usize,
    /// Both have them, differing.
    pub changed: usize,
}

impl Counted {
    fn of<T, C>(changes: &Changes<T, C>) -> Counted {
        Counted {
            added: changes.added.len(),
            removed: changes.removed.len(),
            changed: changes.changed.len(),
        }
    }

    /// "3 steps changed, 1 added", or nothing when none did.
    fn worded(self, unit: &str) -> Option<String> {
        let parts: Vec<(usize, &str)> = [
            (self.changed, "changed"),
            (self.added, "added"),
            (self.removed, "removed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .collect();
        let ((first, verb), rest) = parts.split_first()?;
        let mut text = format!("{} {verb}", plural(*first as u64, unit));
        for (n, verb) in rest {
            text.push_str(&format!(", {n} {verb}"));
        }
        Some(text)
    }
}

impl PackComparison {
    /// How many items of each kind differ.
    pub fn counts(&self) -> ComparisonCounts {
        let mut steps = Counted::default();
        for flow in &self.flows.changed {
            let of_flow = Counted::of(&flow.steps);
            steps.added += of_flow.added;
            steps.removed += of_flow.removed;
            steps.changed += of_flow.changed;
        }
        ComparisonCounts {
            meta: self.meta.len(),
            flows: Counted::of(&self.flows),
            steps,
            questions: Counted::of(&self.questions),
            topics: Counted::of(&self.topics),
            scenarios: Counted::of(&self.scenarios),
            keywords: Counted::of(&self.keywords),
            sla: self.sla.len(),
            reference_topics: Counted::of(&self.reference_topics),
            facts: Counted::of(&self.facts),
        }
    }

    /// One line for the top of the comparison, kinds separated by
    /// semicolons; steps count those of flows in both packs.
    pub fn headline(&self) -> String {
        let counts = self.counts();
        let sla = (counts.sla > 0)
            .then(|| format!("{} changed", plural(counts.sla as u64, "SLA default")));
        let meta = (counts.meta > 0)
            .then(|| format!("{} changed", plural(counts.meta as u64, "pack detail")));
        let parts: Vec<String> = [
            counts.flows.worded("flow"),
            counts.steps.worded("step"),
            counts.questions.worded("question"),
            counts.topics.worded("quiz topic"),
            counts.scenarios.worded("scenario"),
            counts.keywords.worded("keyword"),
            sla,
            counts.reference_topics.worded("reference topic"),
            counts.facts.worded("reference fact"),
            meta,
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "No differences".to_string()
        } else {
            parts.join("; ")
        }
    }
}
