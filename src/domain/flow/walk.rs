//! A walk: the agent's path through a flow, with the answers, ticks, notes
//! and typed values recorded at each step, undo, changed answers, and the
//! repair of a saved walk after the content changed.

use super::template::{fill_template, template_placeholders};
use super::{Choice, FlowSet, Step, StepKind, StepRef, UnknownFlow};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Why a walk could not do what was asked; the words are shown to the agent
/// after "That did not work:" or in a notice about a saved walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkError {
    /// The walk names a flow that does not exist.
    NoFlow(UnknownFlow),
    /// The walk names a step that does not exist.
    NoStep(StepRef),
    /// The walk has no visits at all.
    Empty,
    /// A choice number past the step's choices.
    NoChoice {
        /// The step's title.
        step: String,
        /// How many choices it has.
        choices: usize,
        /// The choice asked for, 0-based.
        choice: usize,
    },
    /// A visit number past the walk's path.
    NoVisit {
        /// How many visits the walk has.
        visits: usize,
        /// The visit asked for, 0-based.
        visit: usize,
    },
    /// A checklist item the step does not have.
    NoChecklistItem {
        /// The step's title.
        step: String,
        /// The item id asked for.
        item: String,
    },
    /// A template placeholder the step does not have.
    NoPlaceholder {
        /// The step's title.
        step: String,
        /// The placeholder asked for.
        placeholder: String,
    },
    /// A saved walk's flow was removed from the content.
    FlowGone(String),
    /// A saved walk has no visits.
    SavedWalkEmpty,
    /// A saved walk's first step was removed from the content.
    StepGone(StepRef),
}

impl WalkError {
    fn no_choice(step: &Step, choice: usize) -> WalkError {
        WalkError::NoChoice {
            step: step.title.clone(),
            choices: step.choices.len(),
            choice,
        }
    }
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalkError::NoFlow(unknown) => unknown.fmt(f),
            WalkError::NoStep(step) => write!(f, "there is no step \"{step}\""),
            WalkError::Empty => f.write_str("the walk is empty"),
            WalkError::NoChoice {
                step,
                choices,
                choice,
            } => write!(
                f,
                "step \"{step}\" has {choices} choice(s); there is no choice {}",
                choice + 1
            ),
            WalkError::NoVisit { visits, visit } => write!(
                f,
                "the walk has {visits} step(s); there is no step {}",
                visit + 1
            ),
            WalkError::NoChecklistItem { step, item } => {
                write!(f, "step \"{step}\" has no checklist item \"{item}\"")
            }
            WalkError::NoPlaceholder { step, placeholder } => {
                write!(f, "step \"{step}\" has no placeholder {{{placeholder}}}")
            }
            WalkError::FlowGone(flow) => write!(f, "the flow \"{flow}\" no longer exists"),
            WalkError::SavedWalkEmpty => f.write_str("the saved walk is empty"),
            WalkError::StepGone(step) => write!(f, "the step \"{step}\" no longer exists"),
        }
    }
}

impl From<UnknownFlow> for WalkError {
    fn from(unknown: UnknownFlow) -> WalkError {
        WalkError::NoFlow(unknown)
    }
}

/// The answer given at a step: stored by label and target, not index, so content edits are safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenAnswer {
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
    pub answer: Option<GivenAnswer>,
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
        StepRef::new(&self.flow, &self.step)
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
    pub fn start(flows: &FlowSet, flow: &str, now: DateTime<Utc>) -> Result<Walk, WalkError> {
        let start = &flows.require_flow(flow)?.start;
        Walk::open_at(flows, flow, start, now)
    }

    /// A walk opened cold on one step (a deep link): the path is just that step.
    pub fn open_at(
        flows: &FlowSet,
        flow: &str,
        step: &str,
        now: DateTime<Utc>,
    ) -> Result<Walk, WalkError> {
        flows.require(flow, step)?;
        let here = StepRef::new(flow, step);
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
    ) -> Result<(), WalkError> {
        let here = self.current().ok_or(WalkError::Empty)?;
        let step = flows.require(&here.flow, &here.step)?;
        let picked = step
            .choices
            .get(choice)
            .ok_or_else(|| WalkError::no_choice(step, choice))?;
        let target = StepRef::resolve(&here.flow, &picked.to);
        flows.require(&target.flow, &target.step)?;
        let answer = GivenAnswer {
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
    pub fn restart(&mut self, flows: &FlowSet, now: DateTime<Utc>) -> Result<(), WalkError> {
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
    ) -> Result<(), WalkError> {
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

    /// Changes the answer given at an earlier visit: drops everything after it and chooses again.
    pub fn change_answer(
        &mut self,
        flows: &FlowSet,
        visit: usize,
        choice: usize,
        now: DateTime<Utc>,
    ) -> Result<(), WalkError> {
        let at = self.visit_at(visit)?;
        let step = flows.require(&at.flow, &at.step)?;
        if choice >= step.choices.len() {
            return Err(WalkError::no_choice(step, choice));
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
    ) -> Result<bool, WalkError> {
        let at = self.visit_at(visit)?;
        let step = flows.require(&at.flow, &at.step)?;
        if !step.checklist.iter().any(|i| i.id == item) {
            return Err(WalkError::NoChecklistItem {
                step: step.title.clone(),
                item: item.to_string(),
            });
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
    pub fn set_note(&mut self, visit: usize, note: &str) -> Result<(), WalkError> {
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
    ) -> Result<(), WalkError> {
        let at = self.visit_at(visit)?;
        let step = flows.require(&at.flow, &at.step)?;
        let known = step
            .template
            .as_deref()
            .is_some_and(|t| template_placeholders(t).iter().any(|p| p == placeholder));
        if !known {
            return Err(WalkError::NoPlaceholder {
                step: step.title.clone(),
                placeholder: placeholder.to_string(),
            });
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

    fn visit_at(&self, visit: usize) -> Result<&Visit, WalkError> {
        self.visits.get(visit).ok_or(WalkError::NoVisit {
            visits: self.visits.len(),
            visit,
        })
    }

    /// Fits a saved walk to the current content: cuts the path where a step or answer no longer
    /// exists and drops unknown ticks and fields. Returns what was dropped, or an error when
    /// nothing usable is left (the flow or the first step is gone).
    pub fn repair(&mut self, flows: &FlowSet) -> Result<Vec<String>, WalkError> {
        if flows.flow(&self.flow).is_none() {
            return Err(WalkError::FlowGone(self.flow.clone()));
        }
        let first = self.visits.first().ok_or(WalkError::SavedWalkEmpty)?;
        if flows.step(&first.flow, &first.step).is_none() {
            return Err(WalkError::StepGone(first.step_ref()));
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::{at, flows, pick_all, steps_of, walk_through};
    use crate::domain::flow::Flow;

    #[test]
    fn a_walk_ends_at_an_outcome_with_nothing_left_to_choose() {
        let flows = flows();
        let mut walk = walk_through(&flows, "intake", &["Yes, escalate", "Continue", "Not yet"]);
        assert_eq!(walk.current_step(&flows).unwrap().wait_seconds, Some(30));
        assert_eq!(walk.outcome(&flows), None);
        pick_all(&mut walk, &flows, &["Refuses to wait", "Recorded"], 4);
        let outcome = walk.outcome(&flows).unwrap();
        assert_eq!(outcome.id, "request-recorded");
        assert_eq!(outcome.outcome.as_deref(), Some("Privacy request recorded"));
        assert_eq!(walk.visits().len(), 6);
        let error = walk.choose(&flows, 0, at(10)).unwrap_err();
        assert!(error.to_string().contains("no choice 1"));
        assert_eq!(
            error,
            WalkError::NoChoice {
                step: "Request recorded".into(),
                choices: 0,
                choice: 0
            }
        );
    }

    #[test]
    fn a_detour_through_another_flow_returns_to_the_first() {
        let flows = flows();
        let mut walk = walk_through(&flows, "intake", &["Needs extra checks"]);
        assert_eq!(walk.current().unwrap().step_ref().to_string(), "extra/pick");
        assert_eq!(walk.toggle_item(&flows, 1, "lawyer"), Ok(true));
        pick_all(
            &mut walk,
            &flows,
            &["Write to the customer", "Back to the intake"],
            2,
        );
        assert_eq!(
            walk.current().unwrap().step_ref().to_string(),
            "intake/check"
        );
        assert_eq!(walk.flow_id(), "intake");
    }

    #[test]
    fn back_undoes_and_changing_an_answer_cuts_the_path() {
        let flows = flows();
        let mut walk = Walk::start(&flows, "intake", at(0)).unwrap();
        assert!(!walk.back());
        pick_all(&mut walk, &flows, &["Yes, escalate"], 1);
        walk.set_note(1, "Calmer after apology").unwrap();
        pick_all(&mut walk, &flows, &["Continue", "Yes, updated"], 2);
        assert!(walk.back());
        assert_eq!(
            steps_of(&walk),
            ["intake/ask", "intake/calm", "intake/check"]
        );
        assert_eq!(walk.current().unwrap().answer, None);
        assert_eq!(walk.visits()[1].note, "Calmer after apology");

        pick_all(&mut walk, &flows, &["Not yet", "Agrees to wait"], 4);
        walk.change_answer(&flows, 3, 1, at(6)).unwrap();
        assert_eq!(
            steps_of(&walk),
            [
                "intake/ask",
                "intake/calm",
                "intake/check",
                "intake/wait",
                "intake/close"
            ]
        );
        let answer = walk.visits()[3].answer.clone().unwrap();
        assert_eq!(answer.label, "Refuses to wait");
        assert_eq!(answer.to, "intake/close");
        assert_eq!(answer.at, at(6));
        assert_eq!(walk.visits()[4].arrived_at, at(6));

        let before = walk.clone();
        assert!(walk
            .change_answer(&flows, 3, 7, at(7))
            .unwrap_err()
            .to_string()
            .contains("no choice 8"));
        assert!(walk
            .change_answer(&flows, 9, 0, at(7))
            .unwrap_err()
            .to_string()
            .contains("no step 10"));
        assert_eq!(walk, before);

        walk.restart(&flows, at(8)).unwrap();
        assert_eq!(steps_of(&walk), ["intake/ask"]);
        assert_eq!(walk.visits()[0].arrived_at, at(8));
    }

    #[test]
    fn deep_links_open_cold_and_jumps_go_back_along_the_path() {
        let flows = flows();
        let mut walk = Walk::open_at(&flows, "intake", "check", at(0)).unwrap();
        assert_eq!(steps_of(&walk), ["intake/check"]);
        pick_all(&mut walk, &flows, &["Not yet", "Refuses to wait"], 1);
        walk.jump_to(&flows, "intake", "wait", at(3)).unwrap();
        assert_eq!(steps_of(&walk), ["intake/check", "intake/wait"]);
        assert_eq!(walk.current().unwrap().answer, None);
        walk.jump_to(&flows, "extra", "email", at(4)).unwrap();
        assert_eq!(steps_of(&walk), ["extra/email"]);
        assert_eq!(walk.flow_id(), "extra");
        assert!(walk.jump_to(&flows, "extra", "nowhere", at(5)).is_err());
        assert!(Walk::start(&flows, "nowhere", at(0))
            .unwrap_err()
            .to_string()
            .contains("no flow"));
        assert_eq!(
            StepRef::parse_key("extra/email"),
            Some(StepRef::resolve("extra", "email"))
        );
        assert_eq!(StepRef::parse_key("Extra/e mail"), None);
    }

    #[test]
    fn checklist_ticks_stay_in_checklist_order_and_reject_unknown_items() {
        let flows = flows();
        let mut walk = Walk::open_at(&flows, "intake", "tag", at(0)).unwrap();
        assert_eq!(walk.toggle_item(&flows, 0, "logged"), Ok(true));
        assert_eq!(walk.toggle_item(&flows, 0, "told"), Ok(true));
        assert_eq!(walk.toggle_item(&flows, 0, "tagged"), Ok(true));
        assert_eq!(walk.visits()[0].ticked, ["told", "tagged", "logged"]);
        assert_eq!(walk.toggle_item(&flows, 0, "tagged"), Ok(false));
        assert_eq!(walk.visits()[0].ticked, ["told", "logged"]);
        assert!(walk
            .toggle_item(&flows, 0, "nope")
            .unwrap_err()
            .to_string()
            .contains("no checklist item"));
        assert!(walk.toggle_item(&flows, 1, "told").is_err());
    }

    #[test]
    fn errors_read_as_before() {
        let flows = flows();
        let mut walk = Walk::open_at(&flows, "intake", "close", at(0)).unwrap();
        let words = |e: WalkError| e.to_string();
        assert_eq!(
            words(walk.choose(&flows, 2, at(1)).unwrap_err()),
            "step \"Record the privacy request\" has 1 choice(s); there is no choice 3"
        );
        assert_eq!(
            words(walk.set_note(1, "x").unwrap_err()),
            "the walk has 1 step(s); there is no step 2"
        );
        assert_eq!(
            words(walk.toggle_item(&flows, 0, "nope").unwrap_err()),
            "step \"Record the privacy request\" has no checklist item \"nope\""
        );
        assert_eq!(
            words(walk.set_field(&flows, 0, "name", "x").unwrap_err()),
            "step \"Record the privacy request\" has no placeholder {name}"
        );
        assert_eq!(
            words(Walk::open_at(&flows, "intake", "nowhere", at(0)).unwrap_err()),
            "there is no step \"intake/nowhere\""
        );
        assert_eq!(
            words(Walk::start(&flows, "nowhere", at(0)).unwrap_err()),
            "there is no flow \"nowhere\""
        );
        assert_eq!(words(WalkError::Empty), "the walk is empty");
        assert_eq!(
            words(WalkError::FlowGone("gone".into())),
            "the flow \"gone\" no longer exists"
        );
        assert_eq!(words(WalkError::SavedWalkEmpty), "the saved walk is empty");
        assert_eq!(
            words(WalkError::StepGone(StepRef::new("intake", "gone"))),
            "the step \"intake/gone\" no longer exists"
        );
    }

    #[test]
    fn walks_survive_storage_and_are_repaired_after_content_edits() {
        let flows = flows();
        let mut walk = walk_through(
            &flows,
            "intake",
            &["Yes, escalate", "Continue", "Yes, updated"],
        );
        walk.toggle_item(&flows, 3, "tagged").unwrap();
        let json = serde_json::to_string(&walk).unwrap();
        let mut restored: Walk = serde_json::from_str(&json).unwrap();
        assert_eq!(restored, walk);
        assert_eq!(restored.repair(&flows), Ok(vec![]));
        assert_eq!(restored, walk);

        // Edit the content: relabel one choice, retarget another, drop a checklist item.
        let mut edited: Vec<Flow> = flows.flows().to_vec();
        let intake = edited.iter_mut().find(|f| f.id == "intake").unwrap();
        let step = |f: &mut Flow, id: &str| f.steps.iter().position(|s| s.id == id).unwrap();
        let calm = step(intake, "calm");
        intake.steps[calm].choices[0].label = "Next".into();
        let tag = step(intake, "tag");
        intake.steps[tag].checklist.retain(|i| i.id != "tagged");
        let check = step(intake, "check");
        intake.steps[check].choices[0].to = "close".into();
        let wait = step(intake, "wait");
        intake.steps[wait].choices[0].to = "tag".into();
        let edited = FlowSet::new(edited).unwrap();

        let mut repaired = walk.clone();
        let dropped = repaired.repair(&edited).unwrap();
        assert_eq!(
            dropped,
            ["the answer given at \"Has the case been updated?\" and the steps after it"]
        );
        assert_eq!(repaired.visits().len(), 3);
        assert_eq!(repaired.visits()[1].answer.as_ref().unwrap().label, "Next");
        assert_eq!(repaired.current().unwrap().answer, None);

        let mut cold = Walk::open_at(&flows, "intake", "tag", at(0)).unwrap();
        cold.toggle_item(&flows, 0, "tagged").unwrap();
        assert_eq!(
            cold.repair(&edited),
            Ok(vec![
                "checklist item \"tagged\" of \"Tag the case owner\"".to_string()
            ])
        );
        assert!(cold.visits()[0].ticked.is_empty());

        let gone: Walk = serde_json::from_str(&json.replace("\"intake\"", "\"gone\"")).unwrap();
        assert_eq!(
            gone.clone().repair(&flows),
            Err(WalkError::FlowGone("gone".into()))
        );
        assert!(gone
            .clone()
            .repair(&flows)
            .unwrap_err()
            .to_string()
            .contains("no longer exists"));
        let empty: Walk = serde_json::from_str(r#"{"flow":"extra","visits":[]}"#).unwrap();
        assert!(empty
            .clone()
            .repair(&flows)
            .unwrap_err()
            .to_string()
            .contains("empty"));
    }
}
