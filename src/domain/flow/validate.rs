//! Checking flow content: every problem named by flow and step, and the
//! [`FlowSet`], the only way to hold flows, so walks can rely on them.

use super::template::{parse_template, template_placeholders};
use super::walk::WalkError;
use super::{is_id, Flow, Step, StepKind, StepRef};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;

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
        if let Err(e) = source.check_lines() {
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
        if let Err(e) = source.check_lines() {
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
        if let Err(e) = item.source.check_lines() {
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
            let key = StepRef::new(&flow.id, &step.id);
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
        let Some(&start) = index.get(&StepRef::new(&flow.id, &flow.start)) else {
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

/// A flow id that names no flow: a stale link or saved walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFlow(pub String);

impl fmt::Display for UnknownFlow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "there is no flow \"{}\"", self.0)
    }
}

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
                Err(e) => errors.push(FlowError {
                    flow: (*name).to_string(),
                    step: None,
                    message: format!("cannot read flow: {e}"),
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

    /// The flow with this id, or the error naming the id.
    pub fn require_flow(&self, id: &str) -> Result<&Flow, UnknownFlow> {
        self.flow(id).ok_or_else(|| UnknownFlow(id.to_string()))
    }

    /// The step `step` of flow `flow`, or the walk error naming it.
    pub(super) fn require(&self, flow: &str, step: &str) -> Result<&Step, WalkError> {
        self.step(flow, step)
            .ok_or_else(|| WalkError::NoStep(StepRef::new(flow, step)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::{extra, intake};

    #[test]
    fn flow_sets_are_sorted_by_order_then_id() {
        let ids =
            |set: &FlowSet| -> Vec<String> { set.flows().iter().map(|f| f.id.clone()).collect() };
        let set = FlowSet::new(vec![extra(), intake()]).unwrap();
        assert_eq!(ids(&set), ["intake", "extra"]);
        let mut first = extra();
        first.order = 0;
        assert_eq!(
            ids(&FlowSet::new(vec![intake(), first]).unwrap()),
            ["extra", "intake"]
        );
        let mut tied = extra();
        tied.order = 1;
        assert_eq!(
            ids(&FlowSet::new(vec![intake(), tied]).unwrap()),
            ["extra", "intake"]
        );
        assert_eq!(
            set.require_flow("nowhere").unwrap_err().to_string(),
            "there is no flow \"nowhere\""
        );
        assert_eq!(
            set.require("intake", "nowhere").unwrap_err().to_string(),
            "there is no step \"intake/nowhere\""
        );
    }

    #[test]
    fn a_broken_document_is_reported_by_its_file_name() {
        let broken = FlowSet::from_json_documents(&[("bad.json", "{")]).unwrap_err();
        assert_eq!(broken[0].flow, "bad.json");
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
            ("lines = \"14\"", "lines = \"0\"", "flow \"tiny\", step \"ask\": source: bad line range \"0\" (use \"12\" or \"12-15\")"),
            ("lines = \"27\"", "lines = \"3-1\"", "flow \"tiny\", step \"ask\": checklist item \"a\" source: bad line range \"3-1\" (use \"12\" or \"12-15\")"),
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
