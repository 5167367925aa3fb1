//! Comparing two packs: "what changed in this SOP" for an agent. Flows
//! step by step with the changed words (`flows`), questions, quiz topics
//! and scenarios, keywords and reference facts matched by id and compared
//! field by field, the SLA defaults leaf by leaf (`values`), and the pack's
//! own description. The result is typed data; the UI words it as text.
//! Packs are compared as files, valid or not, so an author can see what an
//! edit did before fixing it.

mod flows;
mod report;
#[cfg(test)]
mod sop_002_tests;
mod summary;
#[cfg(test)]
mod tests;
mod values;
mod words;

pub use flows::{
    ChecklistItemChange, ChoiceChanges, FlowChange, FlowFieldChange, Retarget, StepChange,
    StepFieldChange,
};
pub use report::{ChangeReport, LineChange, ReportEntry, ReportLine, ReportSection};
pub use summary::{ComparisonCounts, Counted};
pub use values::ValueChange;
pub use words::{diff_words, ParagraphChange, Segment, TextChange};

use super::{PackFile, PackSource};
use crate::domain::quiz::{Question, QuizTopic, Scenario};
use crate::domain::reference::Fact;
use crate::domain::scanner::Keyword;
use serde::Serialize;
use std::collections::HashMap;
use words::text_change;

/// Everything that differs between an old and a new pack.
#[derive(Debug, Clone, PartialEq)]
pub struct PackComparison {
    /// The pack's own description.
    pub meta: Vec<MetaChange>,
    /// The flows, step by step.
    pub flows: Changes<crate::domain::flow::Flow, FlowChange>,
    /// The quiz questions.
    pub questions: Changes<Question, ItemChange>,
    /// The quiz topics.
    pub topics: Changes<QuizTopic, ItemChange>,
    /// The quiz scenarios.
    pub scenarios: Changes<Scenario, ItemChange>,
    /// The scanner's keywords.
    pub keywords: Changes<Keyword, ItemChange>,
    /// The SLA defaults, each changed leaf.
    pub sla: Vec<ValueChange>,
    /// The reference topics' headings (their facts are in `facts`).
    pub reference_topics: Changes<ReferenceTopic, ItemChange>,
    /// The reference facts, wherever their topic; a fact that moved to
    /// another topic has a `topic` change.
    pub facts: Changes<Fact, ItemChange>,
}

/// Items of one kind added, removed and changed, matched by id: added in
/// the new pack's order, removed in the old one's, changed in the new one's.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes<T, C> {
    /// Only the new pack has these.
    pub added: Vec<T>,
    /// Only the old pack has these.
    pub removed: Vec<T>,
    /// Both have these, and they differ.
    pub changed: Vec<C>,
}

impl<T, C> Changes<T, C> {
    /// Nothing added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// An item both packs have, and the fields of it that differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// The item's id.
    pub id: String,
    /// Each field that differs, with its old and new value.
    pub fields: Vec<ValueChange>,
}

/// A reference topic as compared: its heading (its facts are compared
/// apart, so a fact that moves between topics is one change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceTopic {
    /// The topic's id.
    pub id: String,
    /// The heading shown above its facts.
    pub heading: String,
}

/// A field of the pack's description that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaChange {
    /// The pack's id: the two are different packs, not two versions.
    Id { old: String, new: String },
    /// The title people see.
    Title(TextChange),
    /// The version number.
    Version { old: u32, new: u32 },
    /// When it was published.
    PublishedAt { old: String, new: String },
    /// Who published it.
    Author(TextChange),
    /// What the version says changed.
    ChangeNote(TextChange),
    /// The documents it cites.
    Sources {
        old: Vec<PackSource>,
        new: Vec<PackSource>,
    },
}

/// What changed from `old` to `new`.
pub fn compare_packs(old: &PackFile, new: &PackFile) -> PackComparison {
    PackComparison {
        meta: compare_meta(old, new),
        flows: flows::compare_flows(&old.flows, &new.flows),
        questions: by_fields(&old.questions.questions, &new.questions.questions, |q| {
            &q.id
        }),
        topics: by_fields(&old.questions.topics, &new.questions.topics, |t| &t.id),
        scenarios: by_fields(&old.questions.scenarios, &new.questions.scenarios, |s| {
            &s.id
        }),
        keywords: by_fields(&old.keywords.keywords, &new.keywords.keywords, |k| &k.id),
        sla: values::value_changes(&old.sla, &new.sla),
        reference_topics: by_fields(&reference_topics(old), &reference_topics(new), |t| &t.id),
        facts: compare_facts(old, new),
    }
}

impl PackComparison {
    /// The two packs teach the same thing the same way (their descriptions
    /// aside, which `meta` lists).
    pub fn content_is_unchanged(&self) -> bool {
        self.flows.is_empty()
            && self.questions.is_empty()
            && self.topics.is_empty()
            && self.scenarios.is_empty()
            && self.keywords.is_empty()
            && self.sla.is_empty()
            && self.reference_topics.is_empty()
            && self.facts.is_empty()
    }

    /// Nothing at all differs.
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty() && self.content_is_unchanged()
    }
}

fn compare_meta(old: &PackFile, new: &PackFile) -> Vec<MetaChange> {
    let mut changes = Vec::new();
    if old.id != new.id {
        changes.push(MetaChange::Id {
            old: old.id.clone(),
            new: new.id.clone(),
        });
    }
    changes.extend(text_change(&old.title, &new.title).map(MetaChange::Title));
    if old.version != new.version {
        changes.push(MetaChange::Version {
            old: old.version,
            new: new.version,
        });
    }
    if old.published_at != new.published_at {
        changes.push(MetaChange::PublishedAt {
            old: old.published_at.clone(),
            new: new.published_at.clone(),
        });
    }
    changes.extend(text_change(&old.author, &new.author).map(MetaChange::Author));
    changes.extend(text_change(&old.change_note, &new.change_note).map(MetaChange::ChangeNote));
    if old.sources != new.sources {
        changes.push(MetaChange::Sources {
            old: old.sources.clone(),
            new: new.sources.clone(),
        });
    }
    changes
}

fn reference_topics(pack: &PackFile) -> Vec<ReferenceTopic> {
    pack.reference
        .topics
        .iter()
        .map(|t| ReferenceTopic {
            id: t.id.clone(),
            heading: t.heading.clone(),
        })
        .collect()
}

/// Facts matched by id across topics, each with its topic as a field.
fn compare_facts(old: &PackFile, new: &PackFile) -> Changes<Fact, ItemChange> {
    #[derive(Serialize)]
    struct Placed<'a> {
        #[serde(flatten)]
        fact: &'a Fact,
        topic: &'a str,
    }
    let placed = |pack: &'_ PackFile| -> Vec<(Fact, String)> {
        pack.reference
            .topics
            .iter()
            .flat_map(|t| t.facts.iter().map(|f| (f.clone(), t.id.clone())))
            .collect()
    };
    let (old, new) = (placed(old), placed(new));
    let changes = by_id(
        &old,
        &new,
        |(f, _)| &f.id,
        |(a, a_topic), (b, b_topic)| {
            let fields = values::value_changes(
                &Placed {
                    fact: a,
                    topic: a_topic,
                },
                &Placed {
                    fact: b,
                    topic: b_topic,
                },
            );
            (!fields.is_empty()).then(|| ItemChange {
                id: b.id.clone(),
                fields,
            })
        },
    );
    Changes {
        added: changes.added.into_iter().map(|(f, _)| f).collect(),
        removed: changes.removed.into_iter().map(|(f, _)| f).collect(),
        changed: changes.changed,
    }
}

/// Items matched by id and compared leaf by leaf.
fn by_fields<T: Clone + Serialize>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
) -> Changes<T, ItemChange> {
    by_id(old, new, &id, |a, b| {
        let fields = values::value_changes(a, b);
        (!fields.is_empty()).then(|| ItemChange {
            id: id(b).clone(),
            fields,
        })
    })
}

/// Items matched by id: `compare` says how a pair differs, if it does. A
/// repeated id (an invalid pack) matches its first occurrence.
fn by_id<T: Clone, C>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
    compare: impl Fn(&T, &T) -> Option<C>,
) -> Changes<T, C> {
    let index = |items: &[T]| {
        let mut map: HashMap<String, usize> = HashMap::new();
        for (at, item) in items.iter().enumerate() {
            map.entry(id(item).clone()).or_insert(at);
        }
        map
    };
    let (old_index, new_index) = (index(old), index(new));
    let mut changes = Changes {
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    };
    for item in new {
        match old_index.get(id(item)) {
            Some(&at) => changes.changed.extend(compare(&old[at], item)),
            None => changes.added.push(item.clone()),
        }
    }
    changes.removed = old
        .iter()
        .filter(|item| !new_index.contains_key(id(item)))
        .cloned()
        .collect();
    changes
}
