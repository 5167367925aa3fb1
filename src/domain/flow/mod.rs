//! Escalation flowcharts: the content types read from `content/flows/*.toml`
//! (here), their validation, templates, a walk through a flow (with undo,
//! notes and checklists), links into a walk, case notes for pasting into a
//! case, text search, and the flow's diagram. Everything here is pure: the
//! current time is always passed in.

mod diagram;
#[cfg(test)]
mod fixture;
mod links;
mod notes;
mod search;
mod template;
mod validate;
mod walk;

pub use diagram::{diagram_graph, layout, NodeKind};
pub use links::{follow_link, FollowedLink};
pub use search::{search, SearchHit};
pub use template::{fill_template, template_placeholders, TemplateError};
pub use validate::{validate, FlowError, FlowSet, UnknownFlow};
pub use walk::{GivenAnswer, Visit, Walk, WalkError};

use crate::domain::source::SourceRef;
use crate::domain::text::capitalise;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// What a step asks of the agent; decides how it is drawn and whether the walk ends there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum StepKind {
    /// The agent picks one of several answers.
    Question,
    /// The agent does something, then continues.
    Action,
    /// The end of the walk: what was achieved.
    Outcome,
}

/// One way out of a step, shown as a button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Choice {
    /// The button text, also written into the case notes as the answer.
    pub label: String,
    /// A step id in the same flow, or `"other-flow/step-id"`.
    pub to: String,
}

/// A tick box on a step, for things the agent must do or record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ChecklistItem {
    /// Stable id, unique within the step, so saved ticks survive text edits.
    pub id: String,
    /// What to do or record.
    pub text: String,
    /// Where the item comes from.
    pub source: SourceRef,
}

/// How the form names one `{placeholder}` of a step's template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TemplateField {
    /// The field's label, e.g. "PR number".
    pub label: String,
    /// A short line under the label, e.g. the expected format.
    pub hint: Option<String>,
}

/// One box of a flowchart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Step {
    /// Stable id, unique within the flow; used in links and saved walks.
    pub id: String,
    /// Short heading; a question for question steps.
    pub title: String,
    /// Question, action or outcome.
    pub kind: StepKind,
    /// Plain-text paragraphs explaining the step.
    #[serde(default)]
    pub body: Vec<String>,
    /// The main source lines of the step.
    pub source: SourceRef,
    /// Further source lines when a step combines several passages.
    #[serde(default)]
    pub more_sources: Vec<SourceRef>,
    /// The ways out; empty only for outcomes.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Things to tick off at this step.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    /// When set, the UI shows a countdown of this many seconds (e.g. a warm transfer).
    pub wait_seconds: Option<u32>,
    /// When set, the UI shows a free-text note field with this prompt.
    pub note_prompt: Option<String>,
    /// A fill-in text (e-mail or script) with `{placeholder}` fields.
    pub template: Option<String>,
    /// Labels and hints for template placeholders whose names do not read
    /// well as labels; the others are labelled from their names.
    #[serde(default)]
    pub fields: BTreeMap<String, TemplateField>,
    /// A caution shown prominently.
    pub warning: Option<String>,
    /// For outcomes: what was achieved, written into the case notes.
    pub outcome: Option<String>,
}

/// One flowchart, stored as one TOML file under `content/flows/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Flow {
    /// Stable id used in links (`"flow-id/step-id"`) and saved walks.
    pub id: String,
    /// Heading shown in lists and case notes.
    pub title: String,
    /// One or two sentences on when to use the flow.
    pub summary: String,
    /// Who the flow is for, e.g. "Tier 2 agents".
    pub audience: String,
    /// Position in the list of flows (lower first).
    #[serde(default)]
    pub order: u32,
    /// The main source lines of the flow.
    pub source: SourceRef,
    /// Further documents the flow draws on.
    #[serde(default)]
    pub more_sources: Vec<SourceRef>,
    /// Id of the first step.
    pub start: String,
    /// All steps, in reading order.
    pub steps: Vec<Step>,
}

impl Flow {
    /// Parses one flow from the JSON the build script makes of a TOML file.
    pub fn from_json(json: &str) -> Result<Flow, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

impl Step {
    /// Every source reference of the step, main one first.
    pub fn sources(&self) -> impl Iterator<Item = &SourceRef> {
        std::iter::once(&self.source).chain(self.more_sources.iter())
    }

    /// The form label of a template placeholder: the content's, or the name
    /// made readable ("customer_name" → "Customer name").
    pub fn field_label(&self, placeholder: &str) -> String {
        if let Some(field) = self.fields.get(placeholder) {
            return field.label.clone();
        }
        capitalise(&placeholder.replace('_', " "))
    }

    /// The hint shown under a template placeholder's field, if any.
    pub fn field_hint(&self, placeholder: &str) -> Option<&str> {
        self.fields.get(placeholder)?.hint.as_deref()
    }
}

/// A step anywhere in the set of flows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StepRef {
    /// Flow id.
    pub flow: String,
    /// Step id within that flow.
    pub step: String,
}

impl StepRef {
    /// The step `step` of flow `flow`.
    pub fn new(flow: &str, step: &str) -> StepRef {
        StepRef {
            flow: flow.to_string(),
            step: step.to_string(),
        }
    }

    /// Resolves a choice target written in `from_flow`: `"step"` or `"flow/step"`.
    pub fn resolve(from_flow: &str, to: &str) -> StepRef {
        match to.split_once('/') {
            Some((flow, step)) => StepRef::new(flow, step),
            None => StepRef::new(from_flow, to),
        }
    }

    /// Parses a deep-link key `"flow/step"`.
    pub fn parse_key(key: &str) -> Option<StepRef> {
        let (flow, step) = key.split_once('/')?;
        (is_id(flow) && is_id(step)).then(|| StepRef::new(flow, step))
    }
}

impl fmt::Display for StepRef {
    /// Renders as `"flow/step"`, the form used in links and deep links.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.flow, self.step)
    }
}

/// Ids are lowercase words joined by hyphens, so they are safe in links and URLs.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
