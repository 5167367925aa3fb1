//! Escalation flowcharts: the content types read from `content/flows/*.toml`,
//! their validation, a walk through a flow (with undo, notes and checklists),
//! case notes for pasting into a case, text search, and a diagram layout.
//! Everything here is pure: the current time is always passed in.

use crate::domain::source::SourceRef;
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;

// ---------------------------------------------------------------------------
// Content types
// ---------------------------------------------------------------------------

/// What a step asks of the agent; decides how it is drawn and whether the walk ends there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
pub struct Choice {
    /// The button text, also written into the case notes as the answer.
    pub label: String,
    /// A step id in the same flow, or `"other-flow/step-id"`.
    pub to: String,
}

/// A tick box on a step, for things the agent must do or record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
pub struct TemplateField {
    /// The field's label, e.g. "PR number".
    pub label: String,
    /// A short line under the label, e.g. the expected format.
    #[serde(default)]
    pub hint: Option<String>,
}

/// One box of a flowchart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(default)]
    pub wait_seconds: Option<u32>,
    /// When set, the UI shows a free-text note field with this prompt.
    #[serde(default)]
    pub note_prompt: Option<String>,
    /// A fill-in text (e-mail or script) with `{placeholder}` fields.
    #[serde(default)]
    pub template: Option<String>,
    /// Labels and hints for template placeholders whose names do not read
    /// well as labels; the others are labelled from their names.
    #[serde(default)]
    pub fields: BTreeMap<String, TemplateField>,
    /// A caution shown prominently.
    #[serde(default)]
    pub warning: Option<String>,
    /// For outcomes: what was achieved, written into the case notes.
    #[serde(default)]
    pub outcome: Option<String>,
}

/// One flowchart, stored as one TOML file under `content/flows/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    pub fn from_json(json: &str) -> Result<Flow, String> {
        serde_json::from_str(json).map_err(|e| format!("cannot read flow: {e}"))
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
        let words = placeholder.replace('_', " ");
        let mut chars = words.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
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
    /// Resolves a choice target written in `from_flow`: `"step"` or `"flow/step"`.
    pub fn resolve(from_flow: &str, to: &str) -> StepRef {
        match to.split_once('/') {
            Some((flow, step)) => StepRef {
                flow: flow.to_string(),
                step: step.to_string(),
            },
            None => StepRef {
                flow: from_flow.to_string(),
                step: to.to_string(),
            },
        }
    }

    /// Parses a deep-link key `"flow/step"`.
    pub fn parse_key(key: &str) -> Option<StepRef> {
        let (flow, step) = key.split_once('/')?;
        (is_id(flow) && is_id(step)).then(|| StepRef {
            flow: flow.to_string(),
            step: step.to_string(),
        })
    }
}

impl fmt::Display for StepRef {
    /// Renders as `"flow/step"`, the form used in links and deep links.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.flow, self.step)
    }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// A problem in the flow content, naming the flow and step so an editor can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowError {
    /// The flow id (or the file name when the file could not be read at all).
    pub flow: String,
    /// The step id, when the problem is in one step.
    pub step: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FlowError {
    /// Renders as `flow "x", step "y": message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.step {
            Some(step) => write!(
                f,
                "flow \"{}\", step \"{}\": {}",
                self.flow, step, self.message
            ),
            None => write!(f, "flow \"{}\": {}", self.flow, self.message),
        }
    }
}

/// Ids are lowercase words joined by hyphens, so they are safe in links and URLs.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Checks a whole set of flows; returns every problem found (empty when all is well).
pub fn validate(flows: &[Flow]) -> Vec<FlowError> {
    let mut errors = Vec::new();
    let mut seen_flows = HashSet::new();
    for flow in flows {
        if !is_id(&flow.id) {
            errors.push(flow_error(
                flow,
                None,
                "id must be lowercase letters, digits and hyphens",
            ));
        }
        if !seen_flows.insert(flow.id.as_str()) {
            errors.push(flow_error(flow, None, "duplicate flow id"));
        }
        validate_flow_fields(flow, flows, &mut errors);
    }
    validate_graph(flows, &mut errors);
    errors
}

fn flow_error(flow: &Flow, step: Option<&Step>, message: impl Into<String>) -> FlowError {
    FlowError {
        flow: flow.id.clone(),
        step: step.map(|s| s.id.clone()),
        message: message.into(),
    }
}

fn find_step<'a>(flows: &'a [Flow], target: &StepRef) -> Option<&'a Step> {
    flows
        .iter()
        .find(|f| f.id == target.flow)
        .and_then(|f| f.step(&target.step))
}

fn validate_flow_fields(flow: &Flow, flows: &[Flow], errors: &mut Vec<FlowError>) {
    for (what, text) in [
        ("title", &flow.title),
        ("summary", &flow.summary),
        ("audience", &flow.audience),
    ] {
        if text.trim().is_empty() {
            errors.push(flow_error(flow, None, format!("{what} is empty")));
        }
    }
    for source in std::iter::once(&flow.source).chain(&flow.more_sources) {
        if let Err(e) = source.validate() {
            errors.push(flow_error(flow, None, format!("source: {e}")));
        }
    }
    if flow.steps.is_empty() {
        errors.push(flow_error(flow, None, "has no steps"));
    }
    if flow.step(&flow.start).is_none() {
        errors.push(flow_error(
            flow,
            None,
            format!("start step \"{}\" does not exist", flow.start),
        ));
    }
    let mut seen_steps = HashSet::new();
    for step in &flow.steps {
        if !is_id(&step.id) {
            errors.push(flow_error(
                flow,
                Some(step),
                "id must be lowercase letters, digits and hyphens",
            ));
        }
        if !seen_steps.insert(step.id.as_str()) {
            errors.push(flow_error(flow, Some(step), "duplicate step id"));
        }
        validate_step(flow, step, flows, errors);
    }
}

fn validate_step(flow: &Flow, step: &Step, flows: &[Flow], errors: &mut Vec<FlowError>) {
    let mut fail = |message: String| errors.push(flow_error(flow, Some(step), message));
    if step.title.trim().is_empty() {
        fail("title is empty".into());
    }
    for source in step.sources() {
        if let Err(e) = source.validate() {
            fail(format!("source: {e}"));
        }
    }
    match step.kind {
        StepKind::Outcome => {
            if !step.choices.is_empty() {
                fail("an outcome ends the walk, so it cannot have choices".into());
            }
            if step.outcome.as_deref().is_none_or(|o| o.trim().is_empty()) {
                fail("an outcome needs an `outcome` text saying what was achieved".into());
            }
        }
        StepKind::Question | StepKind::Action => {
            if step.choices.is_empty() {
                fail("has no choices; a step without choices must be kind = \"outcome\"".into());
            }
            if step.outcome.is_some() {
                fail("only outcome steps may have an `outcome` text".into());
            }
        }
    }
    for choice in &step.choices {
        if choice.label.trim().is_empty() {
            fail(format!(
                "the choice leading to \"{}\" has an empty label",
                choice.to
            ));
        }
        let target = StepRef::resolve(&flow.id, &choice.to);
        if find_step(flows, &target).is_none() {
            fail(format!(
                "choice \"{}\" leads to unknown step \"{}\"",
                choice.label, target
            ));
        }
    }
    let mut seen_items = HashSet::new();
    for item in &step.checklist {
        if !is_id(&item.id) {
            fail(format!(
                "checklist item id \"{}\" must be lowercase letters, digits and hyphens",
                item.id
            ));
        }
        if !seen_items.insert(item.id.as_str()) {
            fail(format!("duplicate checklist item id \"{}\"", item.id));
        }
        if item.text.trim().is_empty() {
            fail(format!("checklist item \"{}\" has no text", item.id));
        }
        if let Err(e) = item.source.validate() {
            fail(format!("checklist item \"{}\" source: {e}", item.id));
        }
    }
    if let Some(seconds) = step.wait_seconds {
        if !(1..=600).contains(&seconds) {
            fail(format!(
                "wait_seconds must be between 1 and 600, not {seconds}"
            ));
        }
    }
    if let Some(template) = &step.template {
        if let Err(e) = parse_template(template) {
            fail(format!("template: {e}"));
        }
    }
    let placeholders = step
        .template
        .as_deref()
        .map(template_placeholders)
        .unwrap_or_default();
    for (name, field) in &step.fields {
        if !placeholders.contains(name) {
            fail(format!(
                "field \"{name}\" is not a placeholder of the step's template"
            ));
        }
        if field.label.trim().is_empty() {
            fail(format!("field \"{name}\" has an empty label"));
        }
    }
}

/// Checks reachability and exits over the graph of all flows (links may cross flows).
fn validate_graph(flows: &[Flow], errors: &mut Vec<FlowError>) {
    let mut index: HashMap<StepRef, usize> = HashMap::new();
    let mut nodes: Vec<(&Flow, &Step)> = Vec::new();
    for flow in flows {
        for step in &flow.steps {
            let key = StepRef {
                flow: flow.id.clone(),
                step: step.id.clone(),
            };
            if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(key) {
                slot.insert(nodes.len());
                nodes.push((flow, step));
            }
        }
    }
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut backward: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (from, (flow, step)) in nodes.iter().enumerate() {
        for choice in &step.choices {
            if let Some(&to) = index.get(&StepRef::resolve(&flow.id, &choice.to)) {
                forward[from].push(to);
                backward[to].push(from);
            }
        }
    }
    let mut seen_flows = HashSet::new();
    for flow in flows {
        if !seen_flows.insert(flow.id.as_str()) {
            continue;
        }
        let start = StepRef {
            flow: flow.id.clone(),
            step: flow.start.clone(),
        };
        let Some(&start) = index.get(&start) else {
            continue;
        };
        let reached = flood(&forward, [start]);
        for (i, (owner, step)) in nodes.iter().enumerate() {
            if owner.id == flow.id && !reached[i] {
                errors.push(flow_error(
                    flow,
                    Some(step),
                    "is not reachable from the start step",
                ));
            }
        }
    }
    let outcomes = nodes
        .iter()
        .enumerate()
        .filter(|(_, (_, s))| s.kind == StepKind::Outcome)
        .map(|(i, _)| i);
    let can_finish = flood(&backward, outcomes);
    for (i, (flow, step)) in nodes.iter().enumerate() {
        if !can_finish[i] {
            errors.push(flow_error(
                flow,
                Some(step),
                "cannot reach any outcome (a loop without an exit)",
            ));
        }
    }
}

/// Marks every node reachable from `starts` along `edges`.
fn flood(edges: &[Vec<usize>], starts: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for s in starts {
        if !seen[s] {
            seen[s] = true;
            queue.push_back(s);
        }
    }
    while let Some(n) = queue.pop_front() {
        for &m in &edges[n] {
            if !seen[m] {
                seen[m] = true;
                queue.push_back(m);
            }
        }
    }
    seen
}

// ---------------------------------------------------------------------------
// The validated set of flows
// ---------------------------------------------------------------------------

/// All flows, checked by [`validate`]; the only way to build one, so walks can rely on it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowSet {
    flows: Vec<Flow>,
}

impl FlowSet {
    /// Validates the flows and sorts them by `order`, then id.
    pub fn new(mut flows: Vec<Flow>) -> Result<FlowSet, Vec<FlowError>> {
        let errors = validate(&flows);
        if !errors.is_empty() {
            return Err(errors);
        }
        flows.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        Ok(FlowSet { flows })
    }

    /// Parses and validates flows from `(file name, JSON text)` pairs.
    pub fn from_json_documents(documents: &[(&str, &str)]) -> Result<FlowSet, Vec<FlowError>> {
        let mut flows = Vec::new();
        let mut errors = Vec::new();
        for (name, json) in documents {
            match Flow::from_json(json) {
                Ok(flow) => flows.push(flow),
                Err(message) => errors.push(FlowError {
                    flow: (*name).to_string(),
                    step: None,
                    message,
                }),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        FlowSet::new(flows)
    }

    /// The flows in display order.
    pub fn flows(&self) -> &[Flow] {
        &self.flows
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    /// The step `step` of flow `flow`.
    pub fn step(&self, flow: &str, step: &str) -> Option<&Step> {
        self.flow(flow).and_then(|f| f.step(step))
    }

    fn require(&self, flow: &str, step: &str) -> Result<&Step, String> {
        self.step(flow, step)
            .ok_or_else(|| format!("there is no step \"{flow}/{step}\""))
    }
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

enum Piece<'a> {
    Text(&'a str),
    Field(&'a str),
}

fn parse_template(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a \"}\" without a matching \"{\"".into());
        }
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .ok_or("a \"{\" without a matching \"}\"")?;
        let name = &rest[open + 1..close];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!(
                "placeholder \"{{{name}}}\" must be lowercase letters, digits and underscores"
            ));
        }
        pieces.push(Piece::Text(&rest[..open]));
        pieces.push(Piece::Field(name));
        rest = &rest[close + 1..];
    }
    pieces.push(Piece::Text(rest));
    Ok(pieces)
}

/// The placeholder names of a template, each once, in order of first use.
pub fn template_placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for piece in parse_template(template).unwrap_or_default() {
        if let Piece::Field(name) = piece {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Fills a template; placeholders without a (non-blank) value stay as `{name}` so gaps show.
/// A value that starts with the text written right against its blank (the
/// "PR-" of "PR-{pr_number}", in any case) has it taken off, so it is not doubled.
pub fn fill_template(template: &str, values: &BTreeMap<String, String>) -> String {
    let Ok(pieces) = parse_template(template) else {
        return template.to_string();
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(name) => {
                let glued = out.rsplit(char::is_whitespace).next().unwrap_or_default();
                let value = values
                    .get(name)
                    .map(|v| without_prefix(v, glued))
                    .filter(|v| !v.trim().is_empty());
                match value {
                    Some(value) => out.push_str(value),
                    None => out.push_str(&format!("{{{name}}}")),
                }
            }
        }
    }
    out
}

/// `value` without a leading `prefix` (ignoring case and leading spaces).
fn without_prefix<'a>(value: &'a str, prefix: &str) -> &'a str {
    let trimmed = value.trim_start();
    match trimmed.get(..prefix.len()) {
        Some(head) if !prefix.is_empty() && head.eq_ignore_ascii_case(prefix) => {
            &trimmed[prefix.len()..]
        }
        _ => value,
    }
}

// ---------------------------------------------------------------------------
// Walks
// ---------------------------------------------------------------------------

/// The answer given at a step: stored by label and target, not index, so content edits are safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The choice label at the time it was chosen.
    pub label: String,
    /// Where it led, as `"flow/step"`.
    pub to: String,
    /// When the agent chose it.
    pub at: DateTime<Utc>,
}

/// One step on the path of a walk, with what the agent recorded there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// Flow id of the step (walks may cross into other flows).
    pub flow: String,
    /// Step id.
    pub step: String,
    /// When the walk arrived at this step.
    pub arrived_at: DateTime<Utc>,
    /// The choice taken here; `None` for the current (last) step.
    #[serde(default)]
    pub answer: Option<Answer>,
    /// Ticked checklist item ids, in checklist order.
    #[serde(default)]
    pub ticked: Vec<String>,
    /// The agent's free-text note.
    #[serde(default)]
    pub note: String,
    /// Values typed into the step's template placeholders.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

impl Visit {
    fn new(target: &StepRef, now: DateTime<Utc>) -> Visit {
        Visit {
            flow: target.flow.clone(),
            step: target.step.clone(),
            arrived_at: now,
            answer: None,
            ticked: Vec::new(),
            note: String::new(),
            fields: BTreeMap::new(),
        }
    }

    /// Where this visit is, as a [`StepRef`].
    pub fn step_ref(&self) -> StepRef {
        StepRef {
            flow: self.flow.clone(),
            step: self.step.clone(),
        }
    }
}

/// An agent's path through a flow; serializable for localStorage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Walk {
    flow: String,
    visits: Vec<Visit>,
}

impl Walk {
    /// A new walk at the flow's start step.
    pub fn start(flows: &FlowSet, flow: &str, now: DateTime<Utc>) -> Result<Walk, String> {
        let start = &flows
            .flow(flow)
            .ok_or_else(|| format!("there is no flow \"{flow}\""))?
            .start;
        Walk::open_at(flows, flow, start, now)
    }

    /// A walk opened cold on one step (a deep link): the path is just that step.
    pub fn open_at(
        flows: &FlowSet,
        flow: &str,
        step: &str,
        now: DateTime<Utc>,
    ) -> Result<Walk, String> {
        flows.require(flow, step)?;
        let here = StepRef {
            flow: flow.to_string(),
            step: step.to_string(),
        };
        Ok(Walk {
            flow: flow.to_string(),
            visits: vec![Visit::new(&here, now)],
        })
    }

    /// The flow the walk was started in.
    pub fn flow_id(&self) -> &str {
        &self.flow
    }

    /// The path so far; the last visit is the current step.
    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// The current visit (`None` only for a damaged saved walk; see [`Walk::repair`]).
    pub fn current(&self) -> Option<&Visit> {
        self.visits.last()
    }

    /// The step the walk is on.
    pub fn current_step<'a>(&self, flows: &'a FlowSet) -> Option<&'a Step> {
        self.current().and_then(|v| flows.step(&v.flow, &v.step))
    }

    /// The outcome step, once the walk has reached one.
    pub fn outcome<'a>(&self, flows: &'a FlowSet) -> Option<&'a Step> {
        self.current_step(flows)
            .filter(|s| s.kind == StepKind::Outcome)
    }

    /// Takes choice number `choice` (0-based) of the current step and moves on.
    pub fn choose(
        &mut self,
        flows: &FlowSet,
        choice: usize,
        now: DateTime<Utc>,
    ) -> Result<(), String> {
        let here = self.current().ok_or("the walk is empty")?;
        let step = flows.require(&here.flow, &here.step)?;
        let picked = step.choices.get(choice).ok_or_else(|| {
            format!(
                "step \"{}\" has {} choice(s); there is no choice {}",
                step.title,
                step.choices.len(),
                choice + 1
            )
        })?;
        let target = StepRef::resolve(&here.flow, &picked.to);
        flows.require(&target.flow, &target.step)?;
        let answer = Answer {
            label: picked.label.clone(),
            to: target.to_string(),
            at: now,
        };
        if let Some(last) = self.visits.last_mut() {
            last.answer = Some(answer);
        }
        self.visits.push(Visit::new(&target, now));
        Ok(())
    }

    /// Undoes the last choice; returns false when already at the first step.
    pub fn back(&mut self) -> bool {
        if self.visits.len() < 2 {
            return false;
        }
        self.visits.pop();
        if let Some(last) = self.visits.last_mut() {
            last.answer = None;
        }
        true
    }

    /// Starts over at the start step of the walk's flow, dropping the path.
    pub fn restart(&mut self, flows: &FlowSet, now: DateTime<Utc>) -> Result<(), String> {
        *self = Walk::start(flows, &self.flow, now)?;
        Ok(())
    }

    /// Goes to a step: back to its latest visit if it is on the path, otherwise a cold walk
    /// opened there (a deep link).
    pub fn jump_to(
        &mut self,
        flows: &FlowSet,
        flow: &str,
        step: &str,
        now: DateTime<Utc>,
    ) -> Result<(), String> {
        flows.require(flow, step)?;
        match self
            .visits
            .iter()
            .rposition(|v| v.flow == flow && v.step == step)
        {
            Some(i) => {
                self.visits.truncate(i + 1);
                self.visits[i].answer = None;
            }
            None => *self = Walk::open_at(flows, flow, step, now)?,
        }
        Ok(())
    }

    /// Whether the walk holds anything worth keeping: an answer, a note, a
    /// tick or a field, or a position other than the start of its flow.
    pub fn in_progress(&self, flows: &FlowSet) -> bool {
        let at_start = |v: &Visit| {
            v.flow == self.flow && flows.flow(&self.flow).is_some_and(|f| f.start == v.step)
        };
        self.visits.len() > 1
            || self.current().is_some_and(|v| {
                !at_start(v) || !v.note.is_empty() || !v.ticked.is_empty() || !v.fields.is_empty()
            })
    }

    /// Whether the walk was opened from a link part-way through its flow, so
    /// the steps before its first one were not recorded.
    pub fn opened_from_link(&self, flows: &FlowSet) -> bool {
        match (self.visits.first(), flows.flow(&self.flow)) {
            (Some(first), Some(flow)) => first.flow != self.flow || first.step != flow.start,
            _ => false,
        }
    }

    /// The first choice of the current step that leads to `target`.
    fn choice_leading_to(&self, flows: &FlowSet, target: &StepRef) -> Option<usize> {
        let here = self.current()?;
        let step = flows.step(&here.flow, &here.step)?;
        step.choices
            .iter()
            .position(|c| StepRef::resolve(&here.flow, &c.to) == *target)
    }

    /// Changes the answer given at an earlier visit: drops everything after it and chooses again.
    pub fn change_answer(
        &mut self,
        flows: &FlowSet,
        visit: usize,
        choice: usize,
        now: DateTime<Utc>,
    ) -> Result<(), String> {
        let at = self.visit_at(visit)?;
        let step = flows.require(&at.flow, &at.step)?;
        if choice >= step.choices.len() {
            return Err(format!(
                "step \"{}\" has {} choice(s); there is no choice {}",
                step.title,
                step.choices.len(),
                choice + 1
            ));
        }
        self.visits.truncate(visit + 1);
        self.visits[visit].answer = None;
        self.choose(flows, choice, now)
    }

    /// Ticks or unticks a checklist item of a visit; returns whether it is now ticked.
    pub fn toggle_item(
        &mut self,
        flows: &FlowSet,
        visit: usize,
        item: &str,
    ) -> Result<bool, String> {
        let at = self.visit_at(visit)?;
        let step = flows.require(&at.flow, &at.step)?;
        if !step.checklist.iter().any(|i| i.id == item) {
            return Err(format!(
                "step \"{}\" has no checklist item \"{item}\"",
                step.title
            ));
        }
        let ticked = &mut self.visits[visit].ticked;
        let now_ticked = match ticked.iter().position(|t| t == item) {
            Some(i) => {
                ticked.remove(i);
                false
            }
            None => {
                ticked.push(item.to_string());
                true
            }
        };
        ticked.sort_by_key(|t| step.checklist.iter().position(|i| &i.id == t));
        Ok(now_ticked)
    }

    /// Replaces the note of a visit.
    pub fn set_note(&mut self, visit: usize, note: &str) -> Result<(), String> {
        self.visit_at(visit)?;
        self.visits[visit].note = note.to_string();
        Ok(())
    }

    /// Stores the value typed into a template placeholder of a visit.
    pub fn set_field(
        &mut self,
        flows: &FlowSet,
        visit: usize,
        placeholder: &str,
        value: &str,
    ) -> Result<(), String> {
        let at = self.visit_at(visit)?;
        let step = flows.require(&at.flow, &at.step)?;
        let known = step
            .template
            .as_deref()
            .is_some_and(|t| template_placeholders(t).iter().any(|p| p == placeholder));
        if !known {
            return Err(format!(
                "step \"{}\" has no placeholder {{{placeholder}}}",
                step.title
            ));
        }
        self.visits[visit]
            .fields
            .insert(placeholder.to_string(), value.to_string());
        Ok(())
    }

    /// The template of a visit's step filled with the values typed so far.
    pub fn filled_template(&self, flows: &FlowSet, visit: usize) -> Option<String> {
        let at = self.visits.get(visit)?;
        let template = flows.step(&at.flow, &at.step)?.template.as_deref()?;
        Some(fill_template(template, &at.fields))
    }

    fn visit_at(&self, visit: usize) -> Result<&Visit, String> {
        self.visits.get(visit).ok_or_else(|| {
            format!(
                "the walk has {} step(s); there is no step {}",
                self.visits.len(),
                visit + 1
            )
        })
    }

    /// Fits a saved walk to the current content: cuts the path where a step or answer no longer
    /// exists and drops unknown ticks and fields. Returns what was dropped, or an error when
    /// nothing usable is left (the flow or the first step is gone).
    pub fn repair(&mut self, flows: &FlowSet) -> Result<Vec<String>, String> {
        if flows.flow(&self.flow).is_none() {
            return Err(format!("the flow \"{}\" no longer exists", self.flow));
        }
        let first = self.visits.first().ok_or("the saved walk is empty")?;
        if flows.step(&first.flow, &first.step).is_none() {
            return Err(format!(
                "the step \"{}/{}\" no longer exists",
                first.flow, first.step
            ));
        }
        let mut dropped = Vec::new();
        let mut keep = self.visits.len();
        for i in 0..self.visits.len() {
            let next = self.visits.get(i + 1).map(Visit::step_ref);
            let visit = &mut self.visits[i];
            let Some(step) = flows.step(&visit.flow, &visit.step) else {
                dropped.push(format!(
                    "the step \"{}/{}\" no longer exists",
                    visit.flow, visit.step
                ));
                keep = i;
                break;
            };
            visit.ticked.retain(|t| {
                let known = step.checklist.iter().any(|item| &item.id == t);
                if !known {
                    dropped.push(format!("checklist item \"{t}\" of \"{}\"", step.title));
                }
                known
            });
            let placeholders = step
                .template
                .as_deref()
                .map(template_placeholders)
                .unwrap_or_default();
            visit.fields.retain(|name, _| placeholders.contains(name));
            let Some(next) = next else {
                visit.answer = None;
                break;
            };
            let matching = visit.answer.as_ref().and_then(|answer| {
                let resolved = |c: &Choice| StepRef::resolve(&visit.flow, &c.to);
                step.choices
                    .iter()
                    .find(|c| resolved(c).to_string() == answer.to && c.label == answer.label)
                    .or_else(|| {
                        step.choices
                            .iter()
                            .find(|c| resolved(c).to_string() == answer.to)
                    })
                    .filter(|c| resolved(c) == next)
            });
            match (matching, visit.answer.as_mut()) {
                (Some(choice), Some(answer)) => answer.label = choice.label.clone(),
                _ => {
                    dropped.push(format!(
                        "the answer given at \"{}\" and the steps after it",
                        step.title
                    ));
                    visit.answer = None;
                    keep = i + 1;
                    break;
                }
            }
        }
        if keep < self.visits.len() {
            self.visits.truncate(keep);
            if let Some(last) = self.visits.last_mut() {
                last.answer = None;
            }
        }
        Ok(dropped)
    }

    /// A plain-text summary of the walk for pasting into a case description,
    /// with times shown in the given offset (the browser's).
    pub fn case_notes(&self, flows: &FlowSet, offset: FixedOffset) -> String {
        let local = |t: &DateTime<Utc>| {
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        };
        let title = flows
            .flow(&self.flow)
            .map_or(self.flow.as_str(), |f| f.title.as_str());
        let mut out = format!("{title}\n");
        if let Some(first) = self.visits.first() {
            out.push_str(&format!(
                "Started {} (UTC{offset})\n",
                local(&first.arrived_at)
            ));
        }
        if self.opened_from_link(flows) {
            out.push_str("Opened at step 1 from a link; earlier steps not recorded.\n");
        }
        for (n, visit) in self.visits.iter().enumerate() {
            let step = flows.step(&visit.flow, &visit.step);
            let mut heading = step.map_or(visit.step.clone(), |s| s.title.clone());
            if visit.flow != self.flow {
                if let Some(other) = flows.flow(&visit.flow) {
                    heading = format!("{heading} ({})", other.title);
                }
            }
            out.push_str(&format!(
                "\n{}. [{}] {heading}\n",
                n + 1,
                local(&visit.arrived_at)
            ));
            // A step with one way out records no decision: "Answer: Continue"
            // would only be noise in the case.
            let decided = step.is_none_or(|s| s.choices.len() > 1);
            if let Some(answer) = visit.answer.as_ref().filter(|_| decided) {
                out.push_str(&format!("   Answer: {}\n", answer.label));
            }
            for id in &visit.ticked {
                let text = step
                    .and_then(|s| s.checklist.iter().find(|i| &i.id == id))
                    .map_or(id.as_str(), |i| i.text.as_str());
                out.push_str(&format!("   Done: {text}\n"));
            }
            // A template the agent filled in is what went to the customer
            // (e.g. the privacy request number); a fixed script is not news.
            let filled_in = visit.fields.values().any(|v| !v.trim().is_empty());
            if let Some(template) = step
                .and_then(|s| s.template.as_deref())
                .filter(|_| filled_in)
            {
                let text = fill_template(template, &visit.fields);
                out.push_str(&format!("   Text used: {}\n", indent_lines(&text, 14)));
            }
            if !visit.note.trim().is_empty() {
                out.push_str(&format!("   Note: {}\n", indent_lines(&visit.note, 9)));
            }
        }
        match (self.outcome(flows), self.current()) {
            (Some(step), Some(last)) => out.push_str(&format!(
                "\nOutcome ({}): {}\n",
                local(&last.arrived_at),
                step.outcome.as_deref().unwrap_or(&step.title)
            )),
            _ => out.push_str("\nOutcome: not reached yet\n"),
        }
        out
    }
}

/// Trimmed `text` with every line after the first indented by `width`
/// spaces, to line up under a label in the case notes.
fn indent_lines(text: &str, width: usize) -> String {
    let mut lines = text.trim().lines();
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&" ".repeat(width));
            out.push_str(line);
        }
    }
    out
}

/// Where a link to a step leads, given the walk saved for the link's flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Show this walk: the saved one (moved back along its path, or forward
    /// by one choice), or a new one when nothing was in progress.
    Walk(Walk),
    /// The step is in another flow and not on this walk: follow it there.
    OtherFlow(StepRef),
    /// The link names no step of any flow.
    UnknownStep(String),
    /// The walk in progress does not pass through the step: it is kept, and
    /// the agent is asked before a new walk starts there.
    AskFirst {
        /// The walk in progress, unchanged.
        saved: Walk,
        /// The step the link names.
        step: StepRef,
    },
}

/// Follows a link to `step` of `flow` (`None`: the walk's current step, or
/// the start). A step on the saved walk's path goes back to it; a step one
/// choice ahead moves forward (the browser's Forward); any other step opens
/// a new walk there, but only when no walk is in progress, so a link never
/// silently replaces the agent's answers, ticks and notes.
pub fn follow_link(
    flows: &FlowSet,
    flow: &str,
    saved: Option<Walk>,
    step: Option<&str>,
    now: DateTime<Utc>,
) -> LinkTarget {
    let Some(step) = step else {
        return match saved {
            Some(walk) => LinkTarget::Walk(walk),
            None => match Walk::start(flows, flow, now) {
                Ok(walk) => LinkTarget::Walk(walk),
                Err(_) => LinkTarget::UnknownStep(flow.to_string()),
            },
        };
    };
    let target = StepRef::resolve(flow, step);
    if flows.step(&target.flow, &target.step).is_none() {
        return LinkTarget::UnknownStep(step.to_string());
    }
    if let Some(walk) = &saved {
        let mut moved = walk.clone();
        let on_path = walk.visits.iter().any(|v| v.step_ref() == target);
        let went = if on_path {
            moved.jump_to(flows, &target.flow, &target.step, now)
        } else if let Some(choice) = walk.choice_leading_to(flows, &target) {
            moved.choose(flows, choice, now)
        } else {
            Err(String::new())
        };
        if went.is_ok() {
            return LinkTarget::Walk(moved);
        }
    }
    if target.flow != flow {
        return LinkTarget::OtherFlow(target);
    }
    match saved {
        Some(saved) if saved.in_progress(flows) => LinkTarget::AskFirst {
            saved,
            step: target,
        },
        _ => match Walk::open_at(flows, flow, &target.step, now) {
            Ok(walk) => LinkTarget::Walk(walk),
            Err(_) => LinkTarget::UnknownStep(step.to_string()),
        },
    }
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

/// A step whose text matches a search, best matches first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Flow id.
    pub flow: String,
    /// Step id.
    pub step: String,
    /// A short excerpt around the match, from the most important matching field.
    pub snippet: String,
    /// Higher is better: title matches outrank checklist and body matches.
    pub score: u32,
}

/// Lowercases text while remembering where each lowercased byte came from.
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            folded.push(lower);
            origin.resize(folded.len(), i);
        }
    }
    origin.push(text.len());
    (folded, origin)
}

/// The searchable texts of a step with their weights (a title match counts most).
fn weighted_fields(step: &Step) -> Vec<(&str, u32)> {
    let mut fields = vec![(step.title.as_str(), 6)];
    fields.extend(step.outcome.as_deref().map(|o| (o, 4)));
    fields.extend(step.warning.as_deref().map(|w| (w, 3)));
    fields.extend(step.checklist.iter().map(|i| (i.text.as_str(), 3)));
    fields.extend(step.body.iter().map(|b| (b.as_str(), 2)));
    fields.extend(step.choices.iter().map(|c| (c.label.as_str(), 1)));
    fields.extend(step.template.as_deref().map(|t| (t, 1)));
    fields.extend(step.note_prompt.as_deref().map(|n| (n, 1)));
    fields
}

/// Finds steps containing every word of `query` (case-insensitive), best first.
/// A step scores the weight of the best field for each word, doubled where the whole query
/// appears as a phrase; ties keep the flows' display order.
pub fn search(flows: &FlowSet, query: &str) -> Vec<SearchHit> {
    let (phrase, _) = fold(query.trim());
    let terms: Vec<&str> = phrase.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let phrase = terms.join(" ");
    let mut hits = Vec::new();
    for flow in flows.flows() {
        for step in &flow.steps {
            let fields: Vec<(&str, String, Vec<usize>, u32)> = weighted_fields(step)
                .into_iter()
                .map(|(text, weight)| {
                    let (folded, origin) = fold(text);
                    (text, folded, origin, weight)
                })
                .collect();
            let mut score = 0;
            let mut all_found = true;
            for term in &terms {
                match fields
                    .iter()
                    .filter(|f| f.1.contains(term))
                    .map(|f| f.3)
                    .max()
                {
                    Some(weight) => score += weight,
                    None => all_found = false,
                }
            }
            if !all_found {
                continue;
            }
            let phrase_field = fields
                .iter()
                .filter(|f| f.1.contains(&phrase))
                .max_by_key(|f| f.3);
            if let Some(field) = phrase_field {
                score += field.3 * terms.len() as u32;
            }
            let (needle, field) = match phrase_field {
                Some(field) => (phrase.as_str(), field),
                None => {
                    let best = fields
                        .iter()
                        .filter(|f| f.1.contains(terms[0]))
                        .max_by_key(|f| f.3);
                    match best {
                        Some(field) => (terms[0], field),
                        None => continue,
                    }
                }
            };
            let (text, folded, origin, _) = field;
            let at = folded.find(needle).unwrap_or(0);
            hits.push(SearchHit {
                flow: flow.id.clone(),
                step: step.id.clone(),
                snippet: snippet(text, origin[at], origin[at + needle.len()]),
                score,
            });
        }
    }
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    hits
}

/// About 120 characters of `text` around the byte range `start..end`, cut at spaces.
fn snippet(text: &str, start: usize, end: usize) -> String {
    const BEFORE: usize = 40;
    const LENGTH: usize = 120;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first = chars
        .iter()
        .position(|(i, _)| *i >= start)
        .unwrap_or(chars.len());
    let last = chars
        .iter()
        .position(|(i, _)| *i >= end)
        .unwrap_or(chars.len());
    let mut from = first.saturating_sub(BEFORE);
    while from > 0 && from < first && !chars[from - 1].1.is_whitespace() {
        from += 1;
    }
    let mut to = (from + LENGTH).max(last).min(chars.len());
    while to < chars.len() && to > last && !chars[to].1.is_whitespace() {
        to -= 1;
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(text[byte(from)..byte(to)].trim());
    if to < chars.len() {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------------------
// Diagram layout
// ---------------------------------------------------------------------------

/// A point in diagram coordinates (pixels, y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// How a diagram box is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NodeKind {
    /// A question step.
    Question,
    /// An action step.
    Action,
    /// An outcome step.
    Outcome,
    /// A step of another flow that this flow links to.
    OtherFlow,
}

/// A box of the diagram; `x`, `y` is its top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutNode {
    /// `"flow/step"`, unique in the layout; edges refer to it.
    pub key: String,
    /// Flow id of the step (another flow for [`NodeKind::OtherFlow`]).
    pub flow: String,
    /// Step id.
    pub step: String,
    /// How to draw it.
    pub kind: NodeKind,
    /// The label, already wrapped into lines (SVG text does not wrap).
    pub lines: Vec<String>,
    /// The layer, 0 for the start step.
    pub rank: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Box width.
    pub width: f64,
    /// Box height.
    pub height: f64,
}

/// An arrow of the diagram, drawn as a polyline through `points`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutEdge {
    /// Key of the node it starts at (its first point lies on that node's bottom side).
    pub from: String,
    /// Key of the node it ends at (its last point lies on that node's top side).
    pub to: String,
    /// The choice label.
    pub label: String,
    /// The label as drawn: cut to fit beside the arrow.
    pub short_label: String,
    /// Where the label's text starts (drawn to the right) or ends (to the left).
    pub label_at: Point,
    /// Which side of `label_at` the label's text runs to.
    pub label_side: LabelSide,
    /// The polyline, from the source's bottom to the target's top.
    pub points: Vec<Point>,
    /// True for arrows that go back up (loops), routed around the right side.
    pub loops_back: bool,
}

/// The side of its anchor point an arrow label is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LabelSide {
    /// Text ends at the anchor (SVG `text-anchor="end"`).
    Left,
    /// Text starts at the anchor (SVG `text-anchor="start"`).
    Right,
}

/// A layered drawing of one flow: boxes in rows by distance from the start, arrows between them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// Total width of the drawing.
    pub width: f64,
    /// Total height of the drawing.
    pub height: f64,
    /// The boxes: the flow's steps, then the other flows' steps it links to.
    pub nodes: Vec<LayoutNode>,
    /// One arrow per choice.
    pub edges: Vec<LayoutEdge>,
}

const NODE_WIDTH: f64 = 220.0;
const CHAR_WIDTH: f64 = 7.5;
const LINE_HEIGHT: f64 = 18.0;
const NODE_PADDING: f64 = 12.0;
const WRAP_CHARS: usize = 26;
const GAP_X: f64 = 40.0;
const GAP_Y: f64 = 64.0;
const MARGIN: f64 = 20.0;
const DUMMY_WIDTH: f64 = 12.0;
const LANE_GAP: f64 = 14.0;

/// Wraps a label into lines of at most `WRAP_CHARS` characters where words allow.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= WRAP_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A box or a bend point of a long arrow, placed in one row.
struct Slot {
    rank: usize,
    width: f64,
    x: f64,
}

struct DrawnEdge {
    from: usize,
    to: usize,
    label: String,
    back: bool,
    /// Slots the arrow passes through, from source to target (forward arrows only).
    chain: Vec<usize>,
}

/// Lays out one flow as layers: longest path from the start decides the row, a few barycentre
/// sweeps decide the order within rows, arrows spanning rows bend through reserved slots, and
/// arrows going back up are routed in lanes right of the drawing.
pub fn layout(flows: &FlowSet, flow_id: &str) -> Result<Layout, String> {
    let flow = flows
        .flow(flow_id)
        .ok_or_else(|| format!("there is no flow \"{flow_id}\""))?;
    let mut nodes: Vec<LayoutNode> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for step in &flow.steps {
        let kind = match step.kind {
            StepKind::Question => NodeKind::Question,
            StepKind::Action => NodeKind::Action,
            StepKind::Outcome => NodeKind::Outcome,
        };
        let here = StepRef::resolve(&flow.id, &step.id);
        add_node(&mut nodes, &mut index, &here, kind, step.title.clone());
    }
    let mut edges: Vec<DrawnEdge> = Vec::new();
    for (from, step) in flow.steps.iter().enumerate() {
        for choice in &step.choices {
            let target = StepRef::resolve(&flow.id, &choice.to);
            let to = if target.flow == flow.id {
                index.get(&target.to_string()).copied()
            } else {
                let label = match (
                    flows.flow(&target.flow),
                    flows.step(&target.flow, &target.step),
                ) {
                    (Some(f), Some(s)) => format!("{} → {}", f.title, s.title),
                    _ => target.to_string(),
                };
                Some(add_node(
                    &mut nodes,
                    &mut index,
                    &target,
                    NodeKind::OtherFlow,
                    label,
                ))
            };
            if let Some(to) = to {
                edges.push(DrawnEdge {
                    from,
                    to,
                    label: choice.label.clone(),
                    back: false,
                    chain: Vec::new(),
                });
            }
        }
    }
    let start = flow
        .steps
        .iter()
        .position(|s| s.id == flow.start)
        .unwrap_or(0);
    let discovery = mark_back_edges(nodes.len(), start, &mut edges);
    assign_ranks(&mut nodes, &edges, &discovery);

    // Slots: one per node, plus bend points for arrows spanning several rows.
    let mut slots: Vec<Slot> = nodes
        .iter()
        .map(|n| Slot {
            rank: n.rank,
            width: n.width,
            x: 0.0,
        })
        .collect();
    for edge in edges.iter_mut().filter(|e| !e.back) {
        edge.chain.push(edge.from);
        for rank in nodes[edge.from].rank + 1..nodes[edge.to].rank {
            slots.push(Slot {
                rank,
                width: DUMMY_WIDTH,
                x: 0.0,
            });
            edge.chain.push(slots.len() - 1);
        }
        edge.chain.push(edge.to);
    }
    let rows = order_rows(&slots, &edges, &discovery, nodes.len());
    place_rows(&mut slots, &rows, &edges);

    let mut row_top = Vec::with_capacity(rows.len());
    let mut row_height = Vec::with_capacity(rows.len());
    let mut y = GAP_Y;
    for row in &rows {
        let height = row
            .iter()
            .filter(|&&s| s < nodes.len())
            .map(|&s| nodes[s].height)
            .fold(LINE_HEIGHT + 2.0 * NODE_PADDING, f64::max);
        row_top.push(y);
        row_height.push(height);
        y += height + GAP_Y;
    }
    for (i, node) in nodes.iter_mut().enumerate() {
        node.x = slots[i].x;
        node.y = row_top[node.rank];
        node.height = row_height[node.rank];
    }
    let right = slots.iter().map(|s| s.x + s.width).fold(MARGIN, f64::max);
    let routes = route_edges(&nodes, &slots, &edges, &row_top, &row_height, right);
    let lanes = edges.iter().filter(|e| e.back).count() as f64;
    let width = right + lanes * LANE_GAP + MARGIN;
    let short_labels: Vec<String> = edges.iter().map(|e| short_label(&e.label)).collect();
    let spots = place_labels(&edges, &routes, &short_labels, &nodes, width);
    let drawn = edges
        .iter()
        .zip(routes)
        .zip(short_labels)
        .zip(spots)
        .map(
            |(((e, points), short_label), (label_at, label_side))| LayoutEdge {
                from: nodes[e.from].key.clone(),
                to: nodes[e.to].key.clone(),
                label: e.label.clone(),
                short_label,
                label_at,
                label_side,
                points,
                loops_back: e.back,
            },
        )
        .collect();
    Ok(Layout {
        width,
        height: y,
        nodes,
        edges: drawn,
    })
}

/// Adds a box for `target` unless it is already there; returns its index.
fn add_node(
    nodes: &mut Vec<LayoutNode>,
    index: &mut HashMap<String, usize>,
    target: &StepRef,
    kind: NodeKind,
    label: String,
) -> usize {
    *index.entry(target.to_string()).or_insert_with(|| {
        let lines = wrap(&label);
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        nodes.push(LayoutNode {
            key: target.to_string(),
            flow: target.flow.clone(),
            step: target.step.clone(),
            kind,
            rank: 0,
            x: 0.0,
            y: 0.0,
            width: NODE_WIDTH.max(longest as f64 * CHAR_WIDTH + 2.0 * NODE_PADDING),
            height: lines.len().max(1) as f64 * LINE_HEIGHT + 2.0 * NODE_PADDING,
            lines,
        });
        nodes.len() - 1
    })
}

/// Depth-first search from the start; arrows into a node still being explored close a loop and
/// are marked as going back. Returns the discovery order of all nodes.
fn mark_back_edges(node_count: usize, start: usize, edges: &mut [DrawnEdge]) -> Vec<usize> {
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for (i, e) in edges.iter().enumerate() {
        outgoing[e.from].push(i);
    }
    // 0 = unseen, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; node_count];
    let mut discovery = Vec::with_capacity(node_count);
    let roots: Vec<usize> = std::iter::once(start).chain(0..node_count).collect();
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        discovery.push(root);
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            if let Some(&edge) = outgoing[node].get(*next) {
                *next += 1;
                let to = edges[edge].to;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        discovery.push(to);
                        stack.push((to, 0));
                    }
                    1 => edges[edge].back = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    discovery
}

/// Rank = length of the longest path from a root over the forward arrows.
fn assign_ranks(nodes: &mut [LayoutNode], edges: &[DrawnEdge], discovery: &[usize]) {
    let mut incoming = vec![0usize; nodes.len()];
    for e in edges.iter().filter(|e| !e.back) {
        incoming[e.to] += 1;
    }
    // Kahn's algorithm, seeded in discovery order so the start comes first.
    let mut ready: VecDeque<usize> = discovery
        .iter()
        .copied()
        .filter(|&n| incoming[n] == 0)
        .collect();
    while let Some(n) = ready.pop_front() {
        for e in edges.iter().filter(|e| !e.back && e.from == n) {
            nodes[e.to].rank = nodes[e.to].rank.max(nodes[n].rank + 1);
            incoming[e.to] -= 1;
            if incoming[e.to] == 0 {
                ready.push_back(e.to);
            }
        }
    }
}

/// Orders the slots within each row: first by discovery, then by barycentre sweeps.
fn order_rows(
    slots: &[Slot],
    edges: &[DrawnEdge],
    discovery: &[usize],
    node_count: usize,
) -> Vec<Vec<usize>> {
    let ranks = slots.iter().map(|s| s.rank + 1).max().unwrap_or(0);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); ranks];
    let order = discovery.iter().copied().chain(node_count..slots.len());
    for s in order {
        rows[slots[s].rank].push(s);
    }
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    for e in edges.iter().filter(|e| !e.back) {
        for pair in e.chain.windows(2) {
            down[pair[0]].push(pair[1]);
            up[pair[1]].push(pair[0]);
        }
    }
    let mut position = vec![0.0; slots.len()];
    for row in &rows {
        for (i, &s) in row.iter().enumerate() {
            position[s] = i as f64;
        }
    }
    for sweep in 0..6 {
        let (neighbours, range): (&[Vec<usize>], Vec<usize>) = if sweep % 2 == 0 {
            (&up, (1..ranks).collect())
        } else {
            (&down, (0..ranks.saturating_sub(1)).rev().collect())
        };
        for r in range {
            let key = |s: usize| {
                let near = &neighbours[s];
                if near.is_empty() {
                    position[s]
                } else {
                    near.iter().map(|&n| position[n]).sum::<f64>() / near.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = rows[r].iter().map(|&s| (key(s), s)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            rows[r] = keyed.into_iter().map(|(_, s)| s).collect();
            for (i, &s) in rows[r].iter().enumerate() {
                position[s] = i as f64;
            }
        }
    }
    rows
}

/// Gives each slot an x: centred under its parents, with siblings spread side by side, then
/// overlaps removed by averaging a push-right and a push-left pass (both keep the gaps, so
/// their average does too, and neither side of a row drifts).
fn place_rows(slots: &mut [Slot], rows: &[Vec<usize>], edges: &[DrawnEdge]) {
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    for e in edges.iter().filter(|e| !e.back) {
        for pair in e.chain.windows(2) {
            down[pair[0]].push(pair[1]);
            up[pair[1]].push(pair[0]);
        }
    }
    let mut position = vec![0; slots.len()];
    for row in rows {
        for (i, &s) in row.iter().enumerate() {
            position[s] = i;
        }
    }
    for children in &mut down {
        children.sort_by_key(|&c| position[c]);
        children.dedup();
    }
    for parents in &mut up {
        parents.sort_unstable();
        parents.dedup();
    }
    for row in rows {
        let mut desired: Vec<f64> = Vec::with_capacity(row.len());
        for (i, &s) in row.iter().enumerate() {
            let width = slots[s].width;
            let x = if up[s].is_empty() {
                match i {
                    0 => MARGIN,
                    _ => desired[i - 1] + slots[row[i - 1]].width + GAP_X,
                }
            } else {
                let centres = up[s].iter().map(|&p| {
                    let siblings = &down[p];
                    let total = siblings
                        .iter()
                        .map(|&c| slots[c].width + GAP_X)
                        .sum::<f64>()
                        - GAP_X;
                    let before: f64 = siblings
                        .iter()
                        .take_while(|&&c| c != s)
                        .map(|&c| slots[c].width + GAP_X)
                        .sum();
                    slots[p].x + slots[p].width / 2.0 - total / 2.0 + before + width / 2.0
                });
                centres.sum::<f64>() / up[s].len() as f64 - width / 2.0
            };
            desired.push(x);
        }
        let mut pushed_right = desired.clone();
        for i in 1..row.len() {
            let limit = pushed_right[i - 1] + slots[row[i - 1]].width + GAP_X;
            pushed_right[i] = pushed_right[i].max(limit);
        }
        let mut pushed_left = desired;
        for i in (0..row.len().saturating_sub(1)).rev() {
            let limit = pushed_left[i + 1] - slots[row[i]].width - GAP_X;
            pushed_left[i] = pushed_left[i].min(limit);
        }
        for (i, &s) in row.iter().enumerate() {
            slots[s].x = (pushed_right[i] + pushed_left[i]) / 2.0;
        }
    }
    let leftmost = slots.iter().map(|s| s.x).fold(f64::INFINITY, f64::min);
    if leftmost.is_finite() {
        for slot in slots.iter_mut() {
            slot.x += MARGIN - leftmost;
        }
    }
}

/// Where along an arrow's first leg its label may sit, best first.
const LABEL_POSITIONS: [f64; 9] = [0.4, 0.6, 0.2, 0.8, 0.3, 0.7, 0.1, 0.9, 0.5];
/// Arrow labels are 11px text (bold on the path): a generous width per character.
const LABEL_CHAR_WIDTH: f64 = 6.5;
/// Space between an arrow and its label.
const LABEL_GAP: f64 = 6.0;

/// A choice label cut to fit beside its arrow; the full text is in the
/// diagram's accessible names.
fn short_label(label: &str) -> String {
    const MAX: usize = 22;
    if label.chars().count() <= MAX {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ' ']))
}

/// The point a fraction `t` along the first leg of a polyline.
fn point_along(points: &[Point], t: f64) -> Point {
    let (a, b) = (points[0], points[1]);
    Point {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
    }
}

/// The box a label covers: `[left, top, right, bottom]`.
fn label_box(text: &str, at: Point, side: LabelSide) -> [f64; 4] {
    let width = text.chars().count() as f64 * LABEL_CHAR_WIDTH;
    let (left, right) = match side {
        LabelSide::Right => (at.x + LABEL_GAP, at.x + LABEL_GAP + width),
        LabelSide::Left => (at.x - LABEL_GAP - width, at.x - LABEL_GAP),
    };
    [left, at.y - 10.0, right, at.y + 3.0]
}

fn boxes_overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether the segment from `a` to `b` passes through the box `[left, top, right, bottom]`
/// (Liang–Barsky clipping).
fn segment_crosses_box(a: Point, b: Point, area: [f64; 4]) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut enter: f64 = 0.0;
    let mut leave: f64 = 1.0;
    for (p, q) in [
        (-dx, a.x - area[0]),
        (dx, area[2] - a.x),
        (-dy, a.y - area[1]),
        (dy, area[3] - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    enter < leave
}

/// Where each arrow's (short) label goes: inside the drawing, over no box, no
/// other label and, where the arrows leave room, no other arrow. Sibling
/// arrows' labels prefer opposite sides (the leftmost arrows' the left), and
/// each label tries spots along its arrow on either side.
fn place_labels(
    edges: &[DrawnEdge],
    routes: &[Vec<Point>],
    labels: &[String],
    nodes: &[LayoutNode],
    width: f64,
) -> Vec<(Point, LabelSide)> {
    let mut taken: Vec<[f64; 4]> = nodes
        .iter()
        .map(|n| [n.x, n.y, n.x + n.width, n.y + n.height])
        .collect();
    // Placed top-down, so upper labels keep their preferred spots.
    let mut placed: Vec<(usize, (Point, LabelSide))> = Vec::with_capacity(edges.len());
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by(|&a, &b| routes[a][0].y.total_cmp(&routes[b][0].y));
    let heading = |i: usize| routes[i][1].x - routes[i][0].x;
    for i in order {
        let siblings: Vec<usize> = (0..edges.len())
            .filter(|&j| edges[j].from == edges[i].from)
            .collect();
        let preferred = if siblings.len() > 1 {
            let left_of_me = siblings
                .iter()
                .filter(|&&j| heading(j) < heading(i))
                .count();
            if left_of_me * 2 < siblings.len() {
                LabelSide::Left
            } else {
                LabelSide::Right
            }
        } else if heading(i) < -1.0 {
            LabelSide::Left
        } else {
            LabelSide::Right
        };
        let other = match preferred {
            LabelSide::Left => LabelSide::Right,
            LabelSide::Right => LabelSide::Left,
        };
        let points = &routes[i];
        // Sticking out, then covering a box or label, then crossing another
        // arrow, then its own: the first spot with the fewest of the worst
        // problem wins.
        let flaws = |at: Point, side: LabelSide| {
            let candidate = label_box(&labels[i], at, side);
            let outside = candidate[0] < 0.0 || candidate[2] > width;
            let covered = taken
                .iter()
                .filter(|&&b| boxes_overlap(b, candidate))
                .count();
            let crosses = |j: usize| {
                routes[j]
                    .windows(2)
                    .any(|w| segment_crosses_box(w[0], w[1], candidate))
            };
            let crossed = (0..routes.len()).filter(|&j| j != i && crosses(j)).count();
            (outside, covered, crossed, crosses(i))
        };
        let (at, side) = LABEL_POSITIONS
            .iter()
            .flat_map(|&t| [(t, preferred), (t, other)])
            .map(|(t, side)| (point_along(points, t), side))
            .min_by_key(|&(at, side)| flaws(at, side))
            .expect("LABEL_POSITIONS is not empty");
        taken.push(label_box(&labels[i], at, side));
        let gap = match side {
            LabelSide::Left => -LABEL_GAP,
            LabelSide::Right => LABEL_GAP,
        };
        let anchor = Point {
            x: at.x + gap,
            ..at
        };
        placed.push((i, (anchor, side)));
    }
    placed.sort_by_key(|&(i, _)| i);
    placed.into_iter().map(|(_, spot)| spot).collect()
}

/// Turns arrows into polylines, spreading several arrows over a box side so they stay apart.
fn route_edges(
    nodes: &[LayoutNode],
    slots: &[Slot],
    edges: &[DrawnEdge],
    row_top: &[f64],
    row_height: &[f64],
    right: f64,
) -> Vec<Vec<Point>> {
    let centre = |s: usize| slots[s].x + slots[s].width / 2.0;
    // The slot next to each end of an arrow decides the order of ports on a side.
    let toward_target = |e: &DrawnEdge| if e.back { right } else { centre(e.chain[1]) };
    let toward_source = |e: &DrawnEdge| {
        if e.back {
            right
        } else {
            centre(e.chain[e.chain.len() - 2])
        }
    };
    let port = |node: usize, edge: usize, sides: &dyn Fn(&DrawnEdge) -> Option<f64>| {
        let mut same: Vec<(f64, usize)> = edges
            .iter()
            .enumerate()
            .filter_map(|(i, e)| sides(e).map(|x| (x, i)))
            .collect();
        same.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let k = same.iter().position(|&(_, i)| i == edge).unwrap_or(0);
        nodes[node].x + nodes[node].width * (k + 1) as f64 / (same.len() + 1) as f64
    };
    let mut lane = right;
    edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let source = &nodes[e.from];
            let target = &nodes[e.to];
            let start = Point {
                x: port(e.from, i, &|o| (o.from == e.from).then(|| toward_target(o))),
                y: source.y + source.height,
            };
            let end = Point {
                x: port(e.to, i, &|o| (o.to == e.to).then(|| toward_source(o))),
                y: target.y,
            };
            let mut points = vec![start];
            if e.back {
                lane += LANE_GAP;
                // Stagger the horizontal runs of neighbouring loops so they do not coincide.
                let stagger = 4.0 * ((lane - right) / LANE_GAP % 6.0);
                let below = start.y + GAP_Y / 3.0 + stagger;
                let above = end.y - GAP_Y / 3.0 - stagger;
                points.extend([
                    Point {
                        x: start.x,
                        y: below,
                    },
                    Point { x: lane, y: below },
                    Point { x: lane, y: above },
                    Point { x: end.x, y: above },
                ]);
            } else {
                for &bend in &e.chain[1..e.chain.len() - 1] {
                    let r = slots[bend].rank;
                    points.push(Point {
                        x: centre(bend),
                        y: row_top[r],
                    });
                    points.push(Point {
                        x: centre(bend),
                        y: row_top[r] + row_height[r],
                    });
                }
            }
            points.push(end);
            points
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The shipped flows, as the app loads them from build.rs's bundle.
    fn content() -> FlowSet {
        crate::domain::content::load_flows()
            .unwrap_or_else(|errors| panic!("content does not validate:\n{}", errors.join("\n")))
    }

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 1, 15, 9, minute, 0).unwrap()
    }

    fn steps_of(walk: &Walk) -> Vec<String> {
        walk.visits()
            .iter()
            .map(|v| v.step_ref().to_string())
            .collect()
    }

    /// Chooses the choice with this label at the current step.
    fn pick(walk: &mut Walk, flows: &FlowSet, label: &str, minute: u32) {
        let step = walk.current_step(flows).unwrap();
        let index = step
            .choices
            .iter()
            .position(|c| c.label == label)
            .unwrap_or_else(|| panic!("no choice \"{label}\" at \"{}\"", step.id));
        walk.choose(flows, index, at(minute)).unwrap();
    }

    #[test]
    fn the_shipped_flows_validate_in_list_order() {
        let flows = content();
        let ids: Vec<&str> = flows.flows().iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "leadership",
                "qualifiers",
                "back-office",
                "review-edit",
                "booking-refund",
                "dsar",
                "gender-sensitivity",
                "deactivation-dispute"
            ]
        );
    }

    #[test]
    fn a_broken_document_is_reported_by_its_file_name() {
        let broken = FlowSet::from_json_documents(&[("bad.json", "{")]).unwrap_err();
        assert_eq!(broken[0].flow, "bad.json");
    }

    #[test]
    fn refusing_to_wait_ends_at_the_resolution_lead_voicemail() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        pick(&mut walk, &flows, "Continue", 2);
        pick(&mut walk, &flows, "No qualifier applies", 3);
        pick(&mut walk, &flows, "No update yet, or there is no case", 4);
        pick(&mut walk, &flows, "Refuses to wait", 5);
        pick(&mut walk, &flows, "No Tier 2 agent is available", 6);
        pick(&mut walk, &flows, "Customer informed", 7);
        pick(&mut walk, &flows, "A Resolution Lead is available", 8);
        assert_eq!(walk.current_step(&flows).unwrap().wait_seconds, Some(30));
        pick(&mut walk, &flows, "No answer within 30 seconds", 9);
        let outcome = walk.outcome(&flows).unwrap();
        assert_eq!(outcome.id, "resolution-lead-voicemail");
        assert_eq!(
            outcome.outcome.as_deref(),
            Some("Transferred to the Resolution Lead voicemail")
        );
        assert_eq!(walk.visits().len(), 10);
        assert!(walk
            .choose(&flows, 0, at(10))
            .unwrap_err()
            .contains("no choice 1"));
    }

    #[test]
    fn agreeing_to_wait_reaches_case_creation_with_its_checklist() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        pick(&mut walk, &flows, "Continue", 2);
        pick(&mut walk, &flows, "No qualifier applies", 3);
        pick(&mut walk, &flows, "No update yet, or there is no case", 4);
        pick(&mut walk, &flows, "Agrees to wait for a follow-up", 5);
        pick(
            &mut walk,
            &flows,
            "Converted, or the contact came by e-mail",
            6,
        );
        let step = walk.current_step(&flows).unwrap();
        assert_eq!(step.id, "create-case");
        let items: Vec<&str> = step.checklist.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            items,
            [
                "request-type",
                "primary-reason",
                "overview",
                "installer-pov",
                "recording",
                "key-points",
                "concern-type",
                "red-flags",
                "other-concerns",
                "welcome-call",
                "certificate"
            ]
        );
        pick(&mut walk, &flows, "Case created", 7);
        pick(
            &mut walk,
            &flows,
            "The assignment was rejected or returned",
            8,
        );
        assert_eq!(walk.outcome(&flows).unwrap().id, "case-voided");
    }

    #[test]
    fn a_qualifier_detour_returns_to_the_agree_to_wait_path() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        pick(&mut walk, &flows, "Continue", 2);
        pick(&mut walk, &flows, "Yes, a qualifier applies", 3);
        assert_eq!(
            walk.current().unwrap().step_ref().to_string(),
            "qualifiers/which-qualifiers"
        );
        assert_eq!(walk.toggle_item(&flows, 3, "lawyer"), Ok(true));
        pick(&mut walk, &flows, "Gather the details", 4);
        pick(&mut walk, &flows, "Yes, it matches the one on file", 5);
        pick(&mut walk, &flows, "Claiming fraud", 6);
        pick(
            &mut walk,
            &flows,
            "Continue with the sales representative questions",
            7,
        );
        pick(&mut walk, &flows, "Another concern applies", 8);
        pick(&mut walk, &flows, "Promises from the installer", 9);
        pick(
            &mut walk,
            &flows,
            "All concerns covered: close the interaction",
            10,
        );
        pick(
            &mut walk,
            &flows,
            "Continue with the follow-up procedure",
            11,
        );
        assert_eq!(
            walk.current().unwrap().step_ref().to_string(),
            "leadership/convert-interaction"
        );
        assert_eq!(walk.flow_id(), "leadership");
        let installer = flows.step("qualifiers", "installer-promises").unwrap();
        assert!(installer.body[1].contains("attention \"Lead Resolution\""));
    }

    #[test]
    fn back_undoes_and_changing_an_answer_cuts_the_path() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        assert!(!walk.back());
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        walk.set_note(1, "Calmer after apology").unwrap();
        pick(&mut walk, &flows, "Continue", 2);
        pick(&mut walk, &flows, "No qualifier applies", 3);
        assert!(walk.back());
        assert_eq!(
            steps_of(&walk),
            [
                "leadership/asked-to-escalate",
                "leadership/de-escalate",
                "leadership/check-qualifiers"
            ]
        );
        assert_eq!(walk.current().unwrap().answer, None);
        assert_eq!(walk.visits()[1].note, "Calmer after apology");

        pick(&mut walk, &flows, "No qualifier applies", 4);
        pick(&mut walk, &flows, "Yes, the case has been updated", 5);
        walk.change_answer(&flows, 3, 1, at(6)).unwrap();
        assert_eq!(
            steps_of(&walk),
            [
                "leadership/asked-to-escalate",
                "leadership/de-escalate",
                "leadership/check-qualifiers",
                "leadership/case-updated",
                "leadership/offer-follow-up"
            ]
        );
        let answer = walk.visits()[3].answer.clone().unwrap();
        assert_eq!(answer.label, "No update yet, or there is no case");
        assert_eq!(answer.to, "leadership/offer-follow-up");
        assert_eq!(answer.at, at(6));
        assert_eq!(walk.visits()[4].arrived_at, at(6));

        let before = walk.clone();
        assert!(walk
            .change_answer(&flows, 3, 7, at(7))
            .unwrap_err()
            .contains("no choice 8"));
        assert!(walk
            .change_answer(&flows, 9, 0, at(7))
            .unwrap_err()
            .contains("no step 10"));
        assert_eq!(walk, before);

        walk.restart(&flows, at(8)).unwrap();
        assert_eq!(steps_of(&walk), ["leadership/asked-to-escalate"]);
        assert_eq!(walk.visits()[0].arrived_at, at(8));
    }

    #[test]
    fn deep_links_open_cold_and_jumps_go_back_along_the_path() {
        let flows = content();
        let mut walk = Walk::open_at(&flows, "leadership", "tier2-available", at(0)).unwrap();
        assert_eq!(steps_of(&walk), ["leadership/tier2-available"]);
        pick(&mut walk, &flows, "A Tier 2 agent is available", 1);
        pick(
            &mut walk,
            &flows,
            "No response within 30 seconds, or Tier 2 did not accept the concern",
            2,
        );
        walk.jump_to(&flows, "leadership", "tier2-transfer", at(3))
            .unwrap();
        assert_eq!(
            steps_of(&walk),
            ["leadership/tier2-available", "leadership/tier2-transfer"]
        );
        assert_eq!(walk.current().unwrap().answer, None);
        walk.jump_to(&flows, "dsar", "close-case", at(4)).unwrap();
        assert_eq!(steps_of(&walk), ["dsar/close-case"]);
        assert_eq!(walk.flow_id(), "dsar");
        assert!(walk.jump_to(&flows, "dsar", "nowhere", at(5)).is_err());
        assert!(Walk::start(&flows, "nowhere", at(0))
            .unwrap_err()
            .contains("no flow"));
        assert_eq!(
            StepRef::parse_key("dsar/close-case"),
            Some(StepRef::resolve("dsar", "close-case"))
        );
        assert_eq!(StepRef::parse_key("Dsar/close case"), None);
    }

    #[test]
    fn a_link_off_the_walk_in_progress_asks_before_replacing_it() {
        let flows = content();
        let follow = |saved: Option<&Walk>, step: &str| {
            follow_link(&flows, "leadership", saved.cloned(), Some(step), at(9))
        };
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        // Nothing done yet: a link just opens its step.
        let LinkTarget::Walk(opened) = follow(Some(&walk), "tier2-available") else {
            panic!("a fresh walk should give way to the link");
        };
        assert_eq!(steps_of(&opened), ["leadership/tier2-available"]);

        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        walk.set_note(1, "Wants a manager").unwrap();
        pick(&mut walk, &flows, "Continue", 2);
        // A step on the path: back to it, as before.
        let LinkTarget::Walk(back) = follow(Some(&walk), "de-escalate") else {
            panic!("a step on the path should be shown");
        };
        assert_eq!(
            steps_of(&back),
            ["leadership/asked-to-escalate", "leadership/de-escalate"]
        );
        assert_eq!(back.visits()[1].note, "Wants a manager");
        // One choice ahead (the browser's Forward): moves on.
        let LinkTarget::Walk(ahead) = follow(Some(&walk), "case-updated") else {
            panic!("the next step should be shown");
        };
        assert_eq!(ahead.visits().len(), 4);
        // Anywhere else: the walk is kept and the agent is asked.
        assert_eq!(
            follow(Some(&walk), "tier2-available"),
            LinkTarget::AskFirst {
                saved: walk.clone(),
                step: StepRef::resolve("leadership", "tier2-available"),
            }
        );
        // A note alone at the start is also worth asking about.
        let mut noted = Walk::start(&flows, "leadership", at(0)).unwrap();
        noted.set_note(0, "Caller: Ann").unwrap();
        assert!(matches!(
            follow(Some(&noted), "tier2-available"),
            LinkTarget::AskFirst { .. }
        ));
        // Other outcomes are unchanged.
        assert_eq!(
            follow(Some(&walk), "dsar/close-case"),
            LinkTarget::OtherFlow(StepRef::resolve("dsar", "close-case"))
        );
        assert_eq!(
            follow(Some(&walk), "nowhere"),
            LinkTarget::UnknownStep("nowhere".into())
        );
        assert_eq!(
            follow_link(&flows, "leadership", Some(walk.clone()), None, at(9)),
            LinkTarget::Walk(walk)
        );
    }

    #[test]
    fn going_back_to_a_dropped_branch_after_a_change_keeps_the_walk() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        pick(&mut walk, &flows, "Continue", 2);
        walk.set_note(2, "Qualifiers checked").unwrap();
        walk.change_answer(&flows, 0, 2, at(3)).unwrap();
        assert_eq!(
            steps_of(&walk),
            ["leadership/asked-to-escalate", "leadership/no-escalation"]
        );
        // The browser's Back returns to the URL of the dropped branch.
        let back = follow_link(
            &flows,
            "leadership",
            Some(walk.clone()),
            Some("check-qualifiers"),
            at(4),
        );
        assert_eq!(
            back,
            LinkTarget::AskFirst {
                saved: walk,
                step: StepRef::resolve("leadership", "check-qualifiers"),
            }
        );
    }

    #[test]
    fn case_notes_say_when_a_walk_was_opened_part_way_from_a_link() {
        let flows = content();
        let offset = FixedOffset::east_opt(0).unwrap();
        let linked = Walk::open_at(&flows, "leadership", "tier2-available", at(0)).unwrap();
        assert!(linked.opened_from_link(&flows));
        assert!(linked.case_notes(&flows, offset).starts_with(
            "Customer asks for leadership or special handling\n\
             Started 2024-01-15 09:00 (UTC+00:00)\n\
             Opened at step 1 from a link; earlier steps not recorded.\n\n1. "
        ));
        let mut started = Walk::start(&flows, "leadership", at(0)).unwrap();
        assert!(!started.opened_from_link(&flows));
        assert!(!started.case_notes(&flows, offset).contains("from a link"));
        pick(
            &mut started,
            &flows,
            "Yes, the customer asked to escalate",
            1,
        );
        assert!(!started.case_notes(&flows, offset).contains("from a link"));
        let mut restarted = linked.clone();
        restarted.restart(&flows, at(2)).unwrap();
        assert!(!restarted.case_notes(&flows, offset).contains("from a link"));
    }

    #[test]
    fn the_pr_number_is_labelled_and_its_prefix_is_not_doubled() {
        let flows = content();
        let step = flows.step("dsar", "close-case").unwrap();
        assert_eq!(step.field_label("pr_number"), "PR number");
        assert!(step.field_hint("pr_number").unwrap().contains("PR-12345"));
        let email = flows
            .step("deactivation-dispute", "request-evidence")
            .unwrap();
        assert_eq!(email.field_label("customer_name"), "Customer name");
        assert_eq!(email.field_hint("customer_name"), None);

        let mut walk = Walk::open_at(&flows, "dsar", "close-case", at(0)).unwrap();
        for (typed, filled) in [
            ("PR-12345", "Created privacy request: PR-12345"),
            ("pr-12345", "Created privacy request: PR-12345"),
            (" PR-12345", "Created privacy request: PR-12345"),
            ("12345", "Created privacy request: PR-12345"),
            ("PR-", "Created privacy request: PR-{pr_number}"),
        ] {
            walk.set_field(&flows, 0, "pr_number", typed).unwrap();
            assert_eq!(walk.filled_template(&flows, 0).as_deref(), Some(filled));
        }
        // Only the text right against the blank counts, not a word before a space.
        let values = BTreeMap::from([("name".to_string(), "Dear Ann".to_string())]);
        assert_eq!(fill_template("Dear {name}", &values), "Dear Dear Ann");
    }

    #[test]
    fn checklist_ticks_stay_in_checklist_order_and_reject_unknown_items() {
        let flows = content();
        let mut walk = Walk::open_at(&flows, "leadership", "create-case", at(0)).unwrap();
        assert_eq!(walk.toggle_item(&flows, 0, "certificate"), Ok(true));
        assert_eq!(walk.toggle_item(&flows, 0, "request-type"), Ok(true));
        assert_eq!(walk.toggle_item(&flows, 0, "recording"), Ok(true));
        assert_eq!(
            walk.visits()[0].ticked,
            ["request-type", "recording", "certificate"]
        );
        assert_eq!(walk.toggle_item(&flows, 0, "recording"), Ok(false));
        assert_eq!(walk.visits()[0].ticked, ["request-type", "certificate"]);
        assert!(walk
            .toggle_item(&flows, 0, "nope")
            .unwrap_err()
            .contains("no checklist item"));
        assert!(walk.toggle_item(&flows, 1, "certificate").is_err());
    }

    #[test]
    fn templates_fill_placeholders_and_show_gaps() {
        let flows = content();
        let mut walk = Walk::open_at(&flows, "dsar", "close-case", at(0)).unwrap();
        assert_eq!(
            walk.filled_template(&flows, 0).as_deref(),
            Some("Created privacy request: PR-{pr_number}")
        );
        walk.set_field(&flows, 0, "pr_number", "1234").unwrap();
        assert_eq!(
            walk.filled_template(&flows, 0).as_deref(),
            Some("Created privacy request: PR-1234")
        );
        assert!(walk.set_field(&flows, 0, "name", "x").is_err());
        assert!(walk
            .case_notes(&flows, FixedOffset::east_opt(0).unwrap())
            .contains("\n   Text used: Created privacy request: PR-1234\n"));

        let mut dispute =
            Walk::open_at(&flows, "deactivation-dispute", "request-evidence", at(0)).unwrap();
        let notes = |walk: &Walk| walk.case_notes(&flows, FixedOffset::east_opt(0).unwrap());
        assert!(!notes(&dispute).contains("Text used"), "nothing typed yet");
        dispute
            .set_field(&flows, 0, "customer_name", "Ann Lee")
            .unwrap();
        assert!(notes(&dispute).contains(
            "\n   Text used: Subject: Disputing Score\n\n              Dear Ann Lee,\n\n              We sincerely"
        ));

        let email = flows
            .step("deactivation-dispute", "request-evidence")
            .unwrap();
        let template = email.template.as_deref().unwrap();
        assert_eq!(
            template_placeholders(template),
            [
                "customer_name",
                "empathy_statement",
                "document_requested",
                "privacy_request",
                "upload_link",
                "closing_condolence"
            ]
        );
        let values = BTreeMap::from([
            ("customer_name".to_string(), "Ron".to_string()),
            ("upload_link".to_string(), " ".to_string()),
        ]);
        let filled = fill_template(template, &values);
        assert!(filled.starts_with("Subject: Disputing Score\n\nDear Ron,\n"));
        assert!(filled.contains("via this link: {upload_link}"));
    }

    #[test]
    fn case_notes_summarise_a_walk_in_local_time() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        walk.set_note(1, "Calmer after an apology\nstill wants a manager")
            .unwrap();
        pick(&mut walk, &flows, "Continue", 2);
        pick(&mut walk, &flows, "No qualifier applies", 3);
        pick(&mut walk, &flows, "Yes, the case has been updated", 4);
        pick(&mut walk, &flows, "Still requesting escalation", 5);
        walk.toggle_item(&flows, 5, "told-customer").unwrap();
        walk.toggle_item(&flows, 5, "tagged-owner").unwrap();
        pick(&mut walk, &flows, "Done", 6);
        pick(&mut walk, &flows, "Agrees to wait", 7);
        let offset = FixedOffset::east_opt(3600).unwrap();
        let expected = "\
Customer asks for leadership or special handling
Started 2024-01-15 10:00 (UTC+01:00)

1. [2024-01-15 10:00] Did the customer ask for leadership or for their situation to be escalated?
   Answer: Yes, the customer asked to escalate

2. [2024-01-15 10:01] Try to de-escalate
   Note: Calmer after an apology
         still wants a manager

3. [2024-01-15 10:02] Does the concern qualify for additional review?
   Answer: No qualifier applies

4. [2024-01-15 10:03] Has the customer's case been updated?
   Answer: Yes, the case has been updated

5. [2024-01-15 10:04] Is the customer satisfied with the update?
   Answer: Still requesting escalation

6. [2024-01-15 10:05] Tag the case owner and set expectations
   Done: Tagged the case owner in the case feed asking them to contact the customer with new updates
   Done: Told the customer the case owner will call back within the next 24-48 business hours

7. [2024-01-15 10:06] Does the customer agree to wait for the case owner?
   Answer: Agrees to wait

8. [2024-01-15 10:07] Stop here

Outcome (2024-01-15 10:07): Case owner tagged in the case feed; the customer will be called back within 24-48 business hours
";
        assert_eq!(walk.case_notes(&flows, offset), expected);
        walk.back();
        assert!(walk
            .case_notes(&flows, offset)
            .ends_with("\nOutcome: not reached yet\n"));
    }

    #[test]
    fn case_notes_name_the_other_flow_of_a_detour() {
        let flows = content();
        let mut walk = Walk::open_at(&flows, "leadership", "check-qualifiers", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, a qualifier applies", 1);
        let notes = walk.case_notes(&flows, FixedOffset::west_opt(5 * 3600).unwrap());
        assert!(notes.contains(
            "2. [2024-01-15 04:01] Which qualifiers apply? (Qualifiers for additional review)\n"
        ));
        assert!(notes.contains("Started 2024-01-15 04:00 (UTC-05:00)"));
    }

    #[test]
    fn walks_survive_storage_and_are_repaired_after_content_edits() {
        let flows = content();
        let mut walk = Walk::start(&flows, "leadership", at(0)).unwrap();
        pick(&mut walk, &flows, "Yes, the customer asked to escalate", 1);
        pick(&mut walk, &flows, "Continue", 2);
        pick(&mut walk, &flows, "No qualifier applies", 3);
        pick(&mut walk, &flows, "No update yet, or there is no case", 4);
        pick(&mut walk, &flows, "Agrees to wait for a follow-up", 5);
        pick(
            &mut walk,
            &flows,
            "Converted, or the contact came by e-mail",
            6,
        );
        walk.toggle_item(&flows, 6, "overview").unwrap();
        let json = serde_json::to_string(&walk).unwrap();
        let mut restored: Walk = serde_json::from_str(&json).unwrap();
        assert_eq!(restored, walk);
        assert_eq!(restored.repair(&flows), Ok(vec![]));
        assert_eq!(restored, walk);

        // Edit the content: relabel one choice, retarget another, drop a checklist item.
        let mut edited: Vec<Flow> = flows.flows().to_vec();
        let leadership = edited.iter_mut().find(|f| f.id == "leadership").unwrap();
        let step = |f: &mut Flow, id: &str| f.steps.iter().position(|s| s.id == id).unwrap();
        let de_escalate = step(leadership, "de-escalate");
        leadership.steps[de_escalate].choices[0].label = "Next".into();
        let create = step(leadership, "create-case");
        leadership.steps[create]
            .checklist
            .retain(|i| i.id != "overview");
        let offer = step(leadership, "offer-follow-up");
        leadership.steps[offer].choices[0].to = "tier2-available".into();
        let edited = FlowSet::new(edited).unwrap();

        let mut repaired = walk.clone();
        let dropped = repaired.repair(&edited).unwrap();
        assert_eq!(
            dropped,
            ["the answer given at \"Will the customer wait for a follow-up?\" and the steps after it"]
        );
        assert_eq!(repaired.visits().len(), 5);
        assert_eq!(repaired.visits()[1].answer.as_ref().unwrap().label, "Next");
        assert_eq!(repaired.current().unwrap().answer, None);

        let mut cold = Walk::open_at(&flows, "leadership", "create-case", at(0)).unwrap();
        cold.toggle_item(&flows, 0, "overview").unwrap();
        assert_eq!(
            cold.repair(&edited),
            Ok(vec![
                "checklist item \"overview\" of \"Create the case in Salesforce\"".to_string()
            ])
        );
        assert!(cold.visits()[0].ticked.is_empty());

        let gone: Walk = serde_json::from_str(&json.replace("\"leadership\"", "\"gone\"")).unwrap();
        assert!(gone
            .clone()
            .repair(&flows)
            .unwrap_err()
            .contains("no longer exists"));
        let empty: Walk = serde_json::from_str(r#"{"flow":"dsar","visits":[]}"#).unwrap();
        assert!(empty.clone().repair(&flows).unwrap_err().contains("empty"));
    }

    #[test]
    fn search_finds_case_voided_first() {
        let flows = content();
        let hits = search(&flows, "case VOIDED");
        assert_eq!(
            (hits[0].flow.as_str(), hits[0].step.as_str()),
            ("leadership", "case-voided")
        );
        assert!(
            hits[0].snippet.contains("\"Case Voided\""),
            "{}",
            hits[0].snippet
        );
        assert!(hits.iter().any(|h| h.step == "create-assignment"));
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(search(&flows, "   ").is_empty());
        assert!(search(&flows, "voided zebra").is_empty());
        let checklist = search(&flows, "certificate of completion");
        assert_eq!(checklist[0].step, "create-case");
        assert_eq!(
            checklist[0].snippet,
            "Reviewed the Certificate of Completion"
        );
    }

    #[test]
    fn snippets_cut_long_text_at_spaces() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
                    fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two target \
                    words after the target go on and on for quite a while longer than the window";
        let start = text.find("target").unwrap();
        let cut = snippet(text, start, start + 6);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("target"));
        assert!(!cut.contains("  "));
        assert!(cut.chars().count() <= 124);
        let (folded, origin) = fold("İstanbul Case");
        let at = folded.find("case").unwrap();
        assert_eq!(&"İstanbul Case"[origin[at]..origin[at + 4]], "Case");
    }

    fn overlaps(a: &LayoutNode, b: &LayoutNode) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    #[test]
    fn layouts_have_no_overlaps_and_edges_join_their_nodes() {
        let flows = content();
        for flow in flows.flows() {
            let drawn = layout(&flows, &flow.id).unwrap();
            let choices: usize = flow.steps.iter().map(|s| s.choices.len()).sum();
            assert_eq!(drawn.edges.len(), choices, "{}", flow.id);
            for (i, a) in drawn.nodes.iter().enumerate() {
                assert!(
                    a.x >= 0.0
                        && a.y >= 0.0
                        && a.x + a.width <= drawn.width
                        && a.y + a.height <= drawn.height
                );
                for b in &drawn.nodes[i + 1..] {
                    assert!(!overlaps(a, b), "{}: {} overlaps {}", flow.id, a.key, b.key);
                }
            }
            let start = drawn.nodes.iter().find(|n| n.step == flow.start).unwrap();
            assert_eq!(start.rank, 0);
            for edge in &drawn.edges {
                let from = drawn.nodes.iter().find(|n| n.key == edge.from).unwrap();
                let to = drawn.nodes.iter().find(|n| n.key == edge.to).unwrap();
                let first = edge.points[0];
                let last = edge.points[edge.points.len() - 1];
                assert_eq!(first.y, from.y + from.height);
                assert!(first.x > from.x && first.x < from.x + from.width);
                assert_eq!(last.y, to.y);
                assert!(last.x > to.x && last.x < to.x + to.width);
                if !edge.loops_back {
                    assert!(to.rank > from.rank, "{} -> {}", edge.from, edge.to);
                }
            }
        }
    }

    /// The box a laid-out label covers.
    fn drawn_label_box(e: &LayoutEdge) -> [f64; 4] {
        let arrow_x = match e.label_side {
            LabelSide::Left => e.label_at.x + LABEL_GAP,
            LabelSide::Right => e.label_at.x - LABEL_GAP,
        };
        let at = Point {
            x: arrow_x,
            ..e.label_at
        };
        label_box(&e.short_label, at, e.label_side)
    }

    #[test]
    fn arrow_labels_cross_no_other_arrow_where_a_clear_spot_exists() {
        let flows = content();
        let mut crossings = Vec::new();
        for flow in flows.flows() {
            let layout = layout(&flows, &flow.id).unwrap();
            for (i, edge) in layout.edges.iter().enumerate() {
                let label = drawn_label_box(edge);
                let crossed = layout.edges.iter().enumerate().any(|(j, other)| {
                    j != i
                        && other
                            .points
                            .windows(2)
                            .any(|w| segment_crosses_box(w[0], w[1], label))
                });
                if crossed {
                    crossings.push(format!("{}: {}", flow.id, edge.short_label));
                }
            }
        }
        // The middle of three parallel arrows 55 px apart: any label beside
        // it crosses a neighbour.
        assert_eq!(crossings, ["dsar: Request Type: Access…"]);
    }

    #[test]
    fn segments_cross_a_box_only_when_they_pass_through_it() {
        let area = [10.0, 10.0, 20.0, 20.0];
        let p = |x, y| Point { x, y };
        assert!(segment_crosses_box(p(0.0, 15.0), p(30.0, 15.0), area));
        assert!(segment_crosses_box(p(15.0, 0.0), p(15.0, 12.0), area));
        assert!(segment_crosses_box(p(0.0, 0.0), p(30.0, 30.0), area));
        assert!(!segment_crosses_box(p(0.0, 25.0), p(30.0, 25.0), area));
        assert!(!segment_crosses_box(p(15.0, 0.0), p(15.0, 9.0), area));
        assert!(!segment_crosses_box(p(0.0, 20.0), p(20.0, 40.0), area));
    }

    #[test]
    fn arrow_labels_overlap_no_box_and_no_other_label_in_any_flow() {
        let flows = content();
        for flow in flows.flows() {
            let layout = layout(&flows, &flow.id).unwrap();
            let label_boxes: Vec<[f64; 4]> = layout.edges.iter().map(drawn_label_box).collect();
            for (i, a) in label_boxes.iter().enumerate() {
                let edge = &layout.edges[i];
                assert!(
                    a[0] >= 0.0 && a[2] <= layout.width,
                    "{}: label \"{}\" sticks out of the drawing",
                    flow.id,
                    edge.short_label
                );
                for (j, b) in label_boxes.iter().enumerate().skip(i + 1) {
                    assert!(
                        !boxes_overlap(*a, *b),
                        "{}: labels \"{}\" and \"{}\" overlap",
                        flow.id,
                        edge.short_label,
                        layout.edges[j].short_label
                    );
                }
                for node in &layout.nodes {
                    let node_box = [node.x, node.y, node.x + node.width, node.y + node.height];
                    assert!(
                        !boxes_overlap(*a, node_box),
                        "{}: label \"{}\" covers the box {}",
                        flow.id,
                        edge.short_label,
                        node.key
                    );
                }
            }
        }
    }

    #[test]
    fn long_arrow_labels_are_cut_at_a_word() {
        assert_eq!(short_label("Continue"), "Continue");
        assert_eq!(
            short_label("Yes, the customer asked to escalate"),
            "Yes, the customer…"
        );
    }

    #[test]
    fn layout_ranks_by_longest_path_and_routes_loops_around() {
        let flows = content();
        let drawn = layout(&flows, "qualifiers").unwrap();
        let node = |step: &str| drawn.nodes.iter().find(|n| n.step == step).unwrap();
        assert_eq!(node("which-qualifiers").rank, 0);
        assert_eq!(node("email-on-file").rank, 1);
        assert_eq!(node("email-questions").rank, 2);
        assert_eq!(node("concern-type").rank, 3);
        assert_eq!(node("sales-rep").rank, 5, "after fraud, which leads to it");
        let back = drawn.edges.iter().filter(|e| e.loops_back).count();
        assert_eq!(back, 5, "each concern's \"Another concern applies\"");
        let link = node("convert-interaction");
        assert_eq!(
            (link.kind, link.flow.as_str()),
            (NodeKind::OtherFlow, "leadership")
        );
        assert_eq!(link.key, "leadership/convert-interaction");
        assert!(layout(&flows, "nowhere").is_err());
        assert_eq!(
            wrap("Warm transfer to \"Phone-HO Tier 2\" and wait 30 seconds"),
            [
                "Warm transfer to \"Phone-HO",
                "Tier 2\" and wait 30",
                "seconds"
            ]
        );
    }

    const GOOD: &str = r#"
id = "tiny"
title = "Tiny"
summary = "A small flow."
audience = "Tests"
source = { doc = "004", lines = "1" }
start = "ask"

[[steps]]
id = "ask"
title = "Ask?"
kind = "question"
source = { doc = "004", lines = "14" }
checklist = [{ id = "a", text = "A", source = { doc = "004", lines = "27" } }]
choices = [{ label = "Yes", to = "done" }, { label = "No", to = "done" }]

[[steps]]
id = "done"
title = "Done"
kind = "outcome"
outcome = "Finished"
source = { doc = "004", lines = "17" }
"#;

    /// Validates GOOD with one text replacement and returns the messages.
    fn errors_after(find: &str, replace: &str) -> Vec<String> {
        assert!(GOOD.contains(find), "{find}");
        let flow: Flow = toml::from_str(&GOOD.replacen(find, replace, 1)).unwrap();
        validate(&[flow]).iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn validation_accepts_the_small_flow() {
        let flow: Flow = toml::from_str(GOOD).unwrap();
        assert_eq!(validate(&[flow]), vec![]);
    }

    #[test]
    fn validation_names_the_flow_and_step_of_each_problem() {
        let cases: &[(&str, &str, &str)] = &[
            ("to = \"done\" }]", "to = \"nowhere\" }]", "flow \"tiny\", step \"ask\": choice \"No\" leads to unknown step \"tiny/nowhere\""),
            ("to = \"done\" }]", "to = \"other/done\" }]", "flow \"tiny\", step \"ask\": choice \"No\" leads to unknown step \"other/done\""),
            ("start = \"ask\"", "start = \"done\"", "flow \"tiny\", step \"ask\": is not reachable from the start step"),
            ("start = \"ask\"", "start = \"begin\"", "flow \"tiny\": start step \"begin\" does not exist"),
            ("id = \"done\"", "id = \"ask\"", "flow \"tiny\", step \"ask\": duplicate step id"),
            ("kind = \"question\"", "kind = \"outcome\"", "flow \"tiny\", step \"ask\": an outcome ends the walk, so it cannot have choices"),
            ("outcome = \"Finished\"", "", "flow \"tiny\", step \"done\": an outcome needs an `outcome` text saying what was achieved"),
            ("kind = \"outcome\"", "kind = \"action\"", "flow \"tiny\", step \"done\": has no choices; a step without choices must be kind = \"outcome\""),
            ("lines = \"14\"", "lines = \"140\"", "flow \"tiny\", step \"ask\": source: line 140 is past the end of document 004 (110 lines)"),
            ("lines = \"27\"", "lines = \"3-1\"", "flow \"tiny\", step \"ask\": checklist item \"a\" source: bad line range \"3-1\" (use \"12\" or \"12-15\")"),
            ("doc = \"004\", lines = \"1\"", "doc = \"007\", lines = \"1\"", "flow \"tiny\": source: unknown source document \"007\""),
            ("id = \"a\", text = \"A\", source = { doc = \"004\", lines = \"27\" } }]", "id = \"a\", text = \"A\", source = { doc = \"004\", lines = \"27\" } }, { id = \"a\", text = \"B\", source = { doc = \"004\", lines = \"27\" } }]", "flow \"tiny\", step \"ask\": duplicate checklist item id \"a\""),
            ("kind = \"question\"", "kind = \"question\"\ntemplate = \"Hi {Name\"", "flow \"tiny\", step \"ask\": template: a \"{\" without a matching \"}\""),
            ("kind = \"question\"", "kind = \"question\"\ntemplate = \"Hi {name}\"\nfields.nmae = { label = \"Name\" }", "flow \"tiny\", step \"ask\": field \"nmae\" is not a placeholder of the step's template"),
            ("kind = \"question\"", "kind = \"question\"\ntemplate = \"Hi {name}\"\nfields.name = { label = \" \" }", "flow \"tiny\", step \"ask\": field \"name\" has an empty label"),
            ("kind = \"question\"", "kind = \"question\"\nwait_seconds = 0", "flow \"tiny\", step \"ask\": wait_seconds must be between 1 and 600, not 0"),
            ("id = \"tiny\"", "id = \"Tiny Flow\"", "flow \"Tiny Flow\": id must be lowercase letters, digits and hyphens"),
        ];
        for (find, replace, expected) in cases {
            let errors = errors_after(find, replace);
            assert!(
                errors.iter().any(|e| e == expected),
                "expected {expected:?}, got {errors:?}"
            );
        }
    }

    #[test]
    fn validation_catches_loops_without_exit_and_duplicate_flows() {
        let looping = GOOD.replace(
            "choices = [{ label = \"Yes\", to = \"done\" }, { label = \"No\", to = \"done\" }]",
            "choices = [{ label = \"Again\", to = \"ask\" }]",
        );
        let looping: Flow = toml::from_str(&looping).unwrap();
        let errors: Vec<String> = validate(&[looping]).iter().map(|e| e.to_string()).collect();
        assert!(errors.contains(
            &"flow \"tiny\", step \"ask\": cannot reach any outcome (a loop without an exit)"
                .to_string()
        ));
        assert!(errors.contains(
            &"flow \"tiny\", step \"done\": is not reachable from the start step".to_string()
        ));

        let flow: Flow = toml::from_str(GOOD).unwrap();
        let errors = FlowSet::new(vec![flow.clone(), flow]).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "flow \"tiny\": duplicate flow id");
    }

    #[test]
    fn unknown_fields_are_rejected_when_reading() {
        let typo = GOOD
            .replace("note_prompt", "")
            .replace("title = \"Ask?\"", "title = \"Ask?\"\nwarnign = \"x\"");
        let error = toml::from_str::<Flow>(&typo).unwrap_err().to_string();
        assert!(error.contains("unknown field `warnign`"), "{error}");
    }
}
