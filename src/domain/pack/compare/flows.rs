//! What changed in a flow, step by step: the part of a comparison an agent
//! reads to learn how a procedure changed. Steps are matched by id, since
//! ids stay put while wording, targets and order change.

use super::words::{optional_text_change, paragraphs_change, text_change};
use super::{by_id, Changes, ParagraphChange, TextChange};
use crate::domain::flow::{ChecklistItem, Choice, Flow, Step, StepKind, TemplateField};
use crate::domain::source::SourceRef;
use std::collections::BTreeMap;

/// A flow both packs have, and how it differs.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowChange {
    /// The flow's id.
    pub id: String,
    /// Its title in the new pack, for headings.
    pub title: String,
    /// Its own fields that changed.
    pub fields: Vec<FlowFieldChange>,
    /// Its steps added, removed and changed.
    pub steps: Changes<Step, StepChange>,
}

/// A field of a flow itself that changed.
#[derive(Debug, Clone, PartialEq)]
pub enum FlowFieldChange {
    /// The heading.
    Title(TextChange),
    /// When to use the flow.
    Summary(TextChange),
    /// Who it is for.
    Audience(TextChange),
    /// Its position in the list of flows.
    Order { old: u32, new: u32 },
    /// The first step, by id.
    Start { old: String, new: String },
    /// The flow's sources, main one first.
    Sources {
        old: Vec<SourceRef>,
        new: Vec<SourceRef>,
    },
}

/// A step both versions of a flow have, and how it differs.
#[derive(Debug, Clone, PartialEq)]
pub struct StepChange {
    /// The step's id.
    pub id: String,
    /// Its title in the new pack, for headings.
    pub title: String,
    /// What changed, in the order of the step's fields.
    pub fields: Vec<StepFieldChange>,
}

/// A field of a step that changed. Optional texts (warning, template, note
/// prompt, outcome) that appear or disappear change from or to empty.
#[derive(Debug, Clone, PartialEq)]
pub enum StepFieldChange {
    /// The heading.
    Title(TextChange),
    /// Question, action or outcome.
    Kind { old: StepKind, new: StepKind },
    /// The explaining paragraphs.
    Body(Vec<ParagraphChange>),
    /// The caution shown prominently.
    Warning(TextChange),
    /// The tick boxes, matched by id.
    Checklist(Changes<ChecklistItem, ChecklistItemChange>),
    /// The transfer timer, in seconds.
    WaitSeconds { old: Option<u32>, new: Option<u32> },
    /// The fill-in text.
    Template(TextChange),
    /// The labels and hints of the template's placeholders.
    TemplateFields {
        old: BTreeMap<String, TemplateField>,
        new: BTreeMap<String, TemplateField>,
    },
    /// The prompt of the note field.
    NotePrompt(TextChange),
    /// What an outcome achieved.
    Outcome(TextChange),
    /// The ways out.
    Choices(ChoiceChanges),
    /// The step's sources, main one first.
    Sources {
        old: Vec<SourceRef>,
        new: Vec<SourceRef>,
    },
}

/// A checklist item both versions have, and how it differs.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItemChange {
    /// The item's id.
    pub id: String,
    /// Its text, when reworded.
    pub text: Option<TextChange>,
    /// Its source `(old, new)`, when it moved.
    pub source: Option<(SourceRef, SourceRef)>,
}

/// How a step's ways out changed. Choices are matched by their label (the
/// button the agent sees): one whose label stays but leads elsewhere is
/// retargeted; a relabelled one is removed and added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChoiceChanges {
    /// Only the new step has these.
    pub added: Vec<Choice>,
    /// Only the old step has these.
    pub removed: Vec<Choice>,
    /// Same label, another target.
    pub retargeted: Vec<Retarget>,
}

/// A choice that leads elsewhere now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retarget {
    /// The button text.
    pub label: String,
    /// Where it led.
    pub old_to: String,
    /// Where it leads.
    pub new_to: String,
}

/// Flows added, removed and changed, matched by id.
pub fn compare_flows(old: &[Flow], new: &[Flow]) -> Changes<Flow, FlowChange> {
    by_id(old, new, |f| &f.id, compare_flow)
}

fn compare_flow(old: &Flow, new: &Flow) -> Option<FlowChange> {
    let mut fields = Vec::new();
    fields.extend(text_change(&old.title, &new.title).map(FlowFieldChange::Title));
    fields.extend(text_change(&old.summary, &new.summary).map(FlowFieldChange::Summary));
    fields.extend(text_change(&old.audience, &new.audience).map(FlowFieldChange::Audience));
    if old.order != new.order {
        fields.push(FlowFieldChange::Order {
            old: old.order,
            new: new.order,
        });
    }
    if old.start != new.start {
        fields.push(FlowFieldChange::Start {
            old: old.start.clone(),
            new: new.start.clone(),
        });
    }
    let sources = |flow: &Flow| {
        std::iter::once(&flow.source)
            .chain(&flow.more_sources)
            .cloned()
            .collect::<Vec<_>>()
    };
    if sources(old) != sources(new) {
        fields.push(FlowFieldChange::Sources {
            old: sources(old),
            new: sources(new),
        });
    }
    // The order of steps in the file is only reading order: the choices
    // make the procedure, so a moved step is not reported.
    let steps = by_id(&old.steps, &new.steps, |s| &s.id, compare_step);
    (!fields.is_empty() || !steps.is_empty()).then(|| FlowChange {
        id: new.id.clone(),
        title: new.title.clone(),
        fields,
        steps,
    })
}

fn compare_step(old: &Step, new: &Step) -> Option<StepChange> {
    use StepFieldChange as Field;
    let mut fields = Vec::new();
    fields.extend(text_change(&old.title, &new.title).map(Field::Title));
    if old.kind != new.kind {
        fields.push(Field::Kind {
            old: old.kind,
            new: new.kind,
        });
    }
    fields.extend(paragraphs_change(&old.body, &new.body).map(Field::Body));
    let optional =
        |a: &Option<String>, b: &Option<String>| optional_text_change(a.as_deref(), b.as_deref());
    fields.extend(optional(&old.warning, &new.warning).map(Field::Warning));
    let checklist = by_id(&old.checklist, &new.checklist, |i| &i.id, compare_item);
    if !checklist.is_empty() {
        fields.push(Field::Checklist(checklist));
    }
    if old.wait_seconds != new.wait_seconds {
        fields.push(Field::WaitSeconds {
            old: old.wait_seconds,
            new: new.wait_seconds,
        });
    }
    fields.extend(optional(&old.template, &new.template).map(Field::Template));
    if old.fields != new.fields {
        fields.push(Field::TemplateFields {
            old: old.fields.clone(),
            new: new.fields.clone(),
        });
    }
    fields.extend(optional(&old.note_prompt, &new.note_prompt).map(Field::NotePrompt));
    fields.extend(optional(&old.outcome, &new.outcome).map(Field::Outcome));
    if let Some(choices) = compare_choices(&old.choices, &new.choices) {
        fields.push(Field::Choices(choices));
    }
    let sources = |step: &Step| step.sources().cloned().collect::<Vec<_>>();
    if sources(old) != sources(new) {
        fields.push(Field::Sources {
            old: sources(old),
            new: sources(new),
        });
    }
    (!fields.is_empty()).then(|| StepChange {
        id: new.id.clone(),
        title: new.title.clone(),
        fields,
    })
}

fn compare_item(old: &ChecklistItem, new: &ChecklistItem) -> Option<ChecklistItemChange> {
    let text = text_change(&old.text, &new.text);
    let source = (old.source != new.source).then(|| (old.source.clone(), new.source.clone()));
    (text.is_some() || source.is_some()).then(|| ChecklistItemChange {
        id: new.id.clone(),
        text,
        source,
    })
}

fn compare_choices(old: &[Choice], new: &[Choice]) -> Option<ChoiceChanges> {
    let mut changes = ChoiceChanges::default();
    let mut unmatched: Vec<&Choice> = new.iter().collect();
    for choice in old {
        match unmatched.iter().position(|c| c.label == choice.label) {
            Some(at) => {
                let now = unmatched.remove(at);
                if now.to != choice.to {
                    changes.retargeted.push(Retarget {
                        label: choice.label.clone(),
                        old_to: choice.to.clone(),
                        new_to: now.to.clone(),
                    });
                }
            }
            None => changes.removed.push(choice.clone()),
        }
    }
    // What no old choice matched, still in the new step's order.
    changes.added = unmatched.into_iter().cloned().collect();
    let unchanged =
        changes.added.is_empty() && changes.removed.is_empty() && changes.retargeted.is_empty();
    (!unchanged).then_some(changes)
}
