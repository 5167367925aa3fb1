//! A comparison worded for people, as the compare view shows it: sections
//! (the pack, flows, questions…) of entries (a flow, a step, a question),
//! each a list of lines naming what changed, with the changed words of a
//! reworded text. The view only lays it out.

use super::flows::{FlowChange, FlowFieldChange, StepChange, StepFieldChange};
use super::{
    Changes, ItemChange, MetaChange, PackComparison, ParagraphChange, Segment, TextChange,
};
use crate::domain::flow::Step;
use crate::domain::source::SourceRef;

/// The whole comparison, worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeReport {
    /// One line of counts ("1 flow changed; 12 steps changed, 9 added").
    pub headline: String,
    /// The kinds of content that changed, each with what did.
    pub sections: Vec<ReportSection>,
}

/// One kind of content ("Flows", "Questions").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSection {
    pub title: &'static str,
    pub entries: Vec<ReportEntry>,
}

/// One item, or a group of items added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportEntry {
    /// What the entry is about, e.g. `Step "Warm transfer" (transfer)`.
    pub heading: String,
    pub lines: Vec<ReportLine>,
}

/// One thing that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    /// What changed, e.g. "Title", "Added", "Choice Yes".
    pub label: String,
    pub change: LineChange,
}

/// How a line says what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineChange {
    /// Words removed and added in reading order.
    Words(Vec<Segment>),
    /// A statement, e.g. "30 s → 60 s" or a title.
    Plain(String),
}

fn words(label: impl Into<String>, change: &TextChange) -> ReportLine {
    ReportLine {
        label: label.into(),
        change: LineChange::Words(change.segments.clone()),
    }
}

fn plain(label: impl Into<String>, text: impl Into<String>) -> ReportLine {
    ReportLine {
        label: label.into(),
        change: LineChange::Plain(text.into()),
    }
}

/// `old → new`, an empty side read as "none".
fn arrow(old: &str, new: &str) -> String {
    let side = |text: &str| {
        if text.is_empty() {
            "none".to_string()
        } else {
            text.to_string()
        }
    };
    format!("{} → {}", side(old), side(new))
}

fn sources(list: &[SourceRef]) -> String {
    list.iter()
        .map(|s| format!("doc {} lines {}", s.doc, s.lines))
        .collect::<Vec<_>>()
        .join(", ")
}

impl PackComparison {
    /// The comparison as the compare view shows it.
    pub fn report(&self) -> ChangeReport {
        let sections = [
            ("The pack", self.meta_entries()),
            ("Flows", self.flow_entries()),
            ("Questions", items(&self.questions, |q| q.prompt.clone())),
            ("Quiz topics", items(&self.topics, |t| t.title.clone())),
            ("Scenarios", items(&self.scenarios, |s| s.title.clone())),
            ("Keywords", items(&self.keywords, |k| k.label.clone())),
            ("SLA defaults", self.sla_entries()),
            (
                "Reference topics",
                items(&self.reference_topics, |t| t.heading.clone()),
            ),
            ("Reference facts", items(&self.facts, |f| f.text.clone())),
        ]
        .into_iter()
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(title, entries)| ReportSection { title, entries })
        .collect();
        ChangeReport {
            headline: self.headline(),
            sections,
        }
    }

    fn meta_entries(&self) -> Vec<ReportEntry> {
        let lines: Vec<ReportLine> = self
            .meta
            .iter()
            .map(|change| match change {
                MetaChange::Id { old, new } => plain("Id (a different pack)", arrow(old, new)),
                MetaChange::Title(text) => words("Title", text),
                MetaChange::Version { old, new } => {
                    plain("Version", arrow(&old.to_string(), &new.to_string()))
                }
                MetaChange::PublishedAt { old, new } => plain("Published", arrow(old, new)),
                MetaChange::Author(text) => words("Author", text),
                MetaChange::ChangeNote(text) => words("Change note", text),
                MetaChange::Sources { old, new } => {
                    let docs = |list: &[crate::domain::pack::PackSource]| {
                        list.iter()
                            .map(|s| s.doc.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    plain("Documents cited", arrow(&docs(old), &docs(new)))
                }
            })
            .collect();
        if lines.is_empty() {
            return Vec::new();
        }
        vec![ReportEntry {
            heading: "What the pack says about itself".to_string(),
            lines,
        }]
    }

    fn flow_entries(&self) -> Vec<ReportEntry> {
        let mut entries =
            added_and_removed(&self.flows, "flow", |f| format!("{} ({})", f.title, f.id));
        for flow in &self.flows.changed {
            entries.extend(flow_change(flow));
        }
        entries
    }

    fn sla_entries(&self) -> Vec<ReportEntry> {
        if self.sla.is_empty() {
            return Vec::new();
        }
        vec![ReportEntry {
            heading: "Rules and calendar users start from".to_string(),
            lines: self
                .sla
                .iter()
                .map(|change| words(change.path.clone(), &change.change))
                .collect(),
        }]
    }
}

/// "Added" and "Removed" entries naming each item.
fn added_and_removed<T, C>(
    changes: &Changes<T, C>,
    unit: &str,
    name: impl Fn(&T) -> String,
) -> Vec<ReportEntry> {
    [("added", &changes.added), ("removed", &changes.removed)]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(verb, list)| ReportEntry {
            heading: format!(
                "{} {verb}",
                crate::domain::text::capitalise(&format!("{unit}s"))
            ),
            lines: list
                .iter()
                .map(|item| plain(verb_label(verb), name(item)))
                .collect(),
        })
        .collect()
}

fn verb_label(verb: &str) -> String {
    crate::domain::text::capitalise(verb)
}

/// Items matched by id: those added and removed, then each changed one
/// with its fields.
fn items<T>(changes: &Changes<T, ItemChange>, name: impl Fn(&T) -> String) -> Vec<ReportEntry> {
    let mut entries = added_and_removed(changes, "item", name);
    entries.extend(changes.changed.iter().map(|item| {
        ReportEntry {
            heading: format!("Changed: {}", item.id),
            lines: item
                .fields
                .iter()
                .map(|field| words(field.path.clone(), &field.change))
                .collect(),
        }
    }));
    entries
}

/// A changed flow: its own fields, then its steps added, removed and
/// changed, each an entry.
fn flow_change(flow: &FlowChange) -> Vec<ReportEntry> {
    let mut entries = Vec::new();
    let own: Vec<ReportLine> = flow
        .fields
        .iter()
        .map(|field| match field {
            FlowFieldChange::Title(text) => words("Title", text),
            FlowFieldChange::Summary(text) => words("When to use it", text),
            FlowFieldChange::Audience(text) => words("Who it is for", text),
            FlowFieldChange::Order { old, new } => plain(
                "Place in the list",
                arrow(&old.to_string(), &new.to_string()),
            ),
            FlowFieldChange::Start { old, new } => plain("First step", arrow(old, new)),
            FlowFieldChange::Sources { old, new } => {
                plain("Sources", arrow(&sources(old), &sources(new)))
            }
        })
        .collect();
    let step_name = |step: &Step| format!("{} ({})", step.title, step.id);
    let mut steps = added_and_removed(&flow.steps, "step", step_name);
    if !own.is_empty() {
        entries.push(ReportEntry {
            heading: format!("Flow \"{}\" ({})", flow.title, flow.id),
            lines: own,
        });
    }
    for entry in &mut steps {
        entry.heading = format!("{} in \"{}\"", entry.heading, flow.title);
    }
    entries.extend(steps);
    entries.extend(
        flow.steps
            .changed
            .iter()
            .map(|step| step_change(&flow.title, step)),
    );
    entries
}

fn step_change(flow: &str, step: &StepChange) -> ReportEntry {
    let mut lines = Vec::new();
    for field in &step.fields {
        match field {
            StepFieldChange::Title(text) => lines.push(words("Title", text)),
            StepFieldChange::Kind { old, new } => lines.push(plain(
                "Kind",
                arrow(
                    &format!("{old:?}").to_lowercase(),
                    &format!("{new:?}").to_lowercase(),
                ),
            )),
            StepFieldChange::Body(paragraphs) => {
                for paragraph in paragraphs {
                    match paragraph {
                        ParagraphChange::Same(_) => {}
                        ParagraphChange::Removed(text) => {
                            lines.push(plain("Paragraph removed", text.clone()))
                        }
                        ParagraphChange::Added(text) => {
                            lines.push(plain("Paragraph added", text.clone()))
                        }
                        ParagraphChange::Changed(text) => {
                            lines.push(words("Paragraph reworded", text))
                        }
                    }
                }
            }
            StepFieldChange::Warning(text) => lines.push(words("Warning", text)),
            StepFieldChange::Checklist(items) => {
                lines.extend(
                    items
                        .added
                        .iter()
                        .map(|item| plain("Checklist item added", item.text.clone())),
                );
                lines.extend(
                    items
                        .removed
                        .iter()
                        .map(|item| plain("Checklist item removed", item.text.clone())),
                );
                for item in &items.changed {
                    if let Some(text) = &item.text {
                        lines.push(words("Checklist item reworded", text));
                    }
                    if let Some((old, new)) = &item.source {
                        lines.push(plain(
                            "Checklist item source",
                            arrow(
                                &sources(std::slice::from_ref(old)),
                                &sources(std::slice::from_ref(new)),
                            ),
                        ));
                    }
                }
            }
            StepFieldChange::WaitSeconds { old, new } => {
                let seconds = |s: &Option<u32>| s.map(|n| format!("{n} s")).unwrap_or_default();
                lines.push(plain("Transfer timer", arrow(&seconds(old), &seconds(new))));
            }
            StepFieldChange::Template(text) => lines.push(words("Template", text)),
            StepFieldChange::TemplateFields { .. } => {
                lines.push(plain("Template fields", "labels or hints changed"))
            }
            StepFieldChange::NotePrompt(text) => lines.push(words("Note prompt", text)),
            StepFieldChange::Outcome(text) => lines.push(words("Outcome", text)),
            StepFieldChange::Choices(choices) => {
                lines.extend(
                    choices
                        .added
                        .iter()
                        .map(|c| plain("Choice added", format!("{} → {}", c.label, c.to))),
                );
                lines.extend(
                    choices
                        .removed
                        .iter()
                        .map(|c| plain("Choice removed", format!("{} → {}", c.label, c.to))),
                );
                lines.extend(choices.retargeted.iter().map(|r| {
                    plain(
                        format!("Choice \"{}\" leads elsewhere", r.label),
                        arrow(&r.old_to, &r.new_to),
                    )
                }));
            }
            StepFieldChange::Sources { old, new } => {
                lines.push(plain("Sources", arrow(&sources(old), &sources(new))))
            }
        }
    }
    ReportEntry {
        heading: format!("Step \"{}\" ({}) in \"{flow}\"", step.title, step.id),
        lines,
    }
}
