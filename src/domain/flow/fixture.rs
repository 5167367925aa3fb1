//! Two small flows for the engine's tests, so that rewording the shipped
//! content never breaks them: "intake" asks, calms, checks and ends in one of
//! three outcomes; "extra" is a detour that links back into "intake".

use super::{ChecklistItem, Choice, Flow, FlowSet, Step, StepKind, TemplateField, Walk};
use crate::domain::source::SourceRef;
use chrono::{DateTime, TimeZone, Utc};
use std::collections::BTreeMap;

/// Line `line` of document 004 (any line will do; it must exist).
fn source(line: u32) -> SourceRef {
    SourceRef {
        doc: "004".into(),
        lines: line.to_string(),
    }
}

/// A plain step; the tests' special fields are added with `..step(…)`.
fn step(id: &str, title: &str, kind: StepKind, choices: &[(&str, &str)]) -> Step {
    Step {
        id: id.into(),
        title: title.into(),
        kind,
        body: Vec::new(),
        source: source(2),
        more_sources: Vec::new(),
        choices: choices
            .iter()
            .map(|(label, to)| Choice {
                label: (*label).into(),
                to: (*to).into(),
            })
            .collect(),
        checklist: Vec::new(),
        wait_seconds: None,
        note_prompt: None,
        template: None,
        fields: BTreeMap::new(),
        warning: None,
        outcome: None,
    }
}

/// An outcome step.
fn outcome(id: &str, title: &str, achieved: &str) -> Step {
    Step {
        outcome: Some(achieved.into()),
        ..step(id, title, StepKind::Outcome, &[])
    }
}

/// Checklist items from `(id, text)` pairs.
fn checklist(items: &[(&str, &str)]) -> Vec<ChecklistItem> {
    items
        .iter()
        .map(|(id, text)| ChecklistItem {
            id: (*id).into(),
            text: (*text).into(),
            source: source(5),
        })
        .collect()
}

/// A flow of these steps, starting at the first.
fn flow(id: &str, title: &str, order: u32, steps: Vec<Step>) -> Flow {
    Flow {
        id: id.into(),
        title: title.into(),
        summary: "A flow for the engine's tests.".into(),
        audience: "Tests".into(),
        order,
        source: source(1),
        more_sources: Vec::new(),
        start: steps[0].id.clone(),
        steps,
    }
}

/// The main fixture flow: a question with three ways out (one into the
/// other flow), a note, a checklist of three, a wait and a template.
pub(super) fn intake() -> Flow {
    use StepKind::{Action, Question};
    let ask = [
        ("Yes, escalate", "calm"),
        ("Needs extra checks", "extra/pick"),
        ("No", "no-escalation"),
    ];
    let check = [("Yes, updated", "tag"), ("Not yet", "wait")];
    let wait = [
        ("Agrees to wait", "owner-tagged"),
        ("Refuses to wait", "close"),
    ];
    let pr_number = TemplateField {
        label: "PR number".into(),
        hint: Some("As shown in the portal, e.g. PR-12345".into()),
    };
    let steps = vec![
        step("ask", "Did the customer ask to escalate?", Question, &ask),
        Step {
            body: vec!["Apologise and listen before anything else.".into()],
            note_prompt: Some("How did the customer react?".into()),
            ..step(
                "calm",
                "Try to calm the customer",
                Action,
                &[("Continue", "check")],
            )
        },
        Step {
            warning: Some("Never promise a refund.".into()),
            ..step("check", "Has the case been updated?", Question, &check)
        },
        Step {
            checklist: checklist(&[
                ("told", "Told the customer about the call back"),
                ("tagged", "Tagged the case owner in the feed"),
                ("logged", "Logged the call"),
            ]),
            ..step(
                "tag",
                "Tag the case owner",
                Action,
                &[("Done", "owner-tagged")],
            )
        },
        Step {
            wait_seconds: Some(30),
            ..step("wait", "Will the customer wait?", Question, &wait)
        },
        Step {
            template: Some("Created privacy request: PR-{pr_number}".into()),
            fields: BTreeMap::from([("pr_number".to_string(), pr_number)]),
            ..step(
                "close",
                "Record the privacy request",
                Action,
                &[("Recorded", "request-recorded")],
            )
        },
        outcome(
            "owner-tagged",
            "Stop here",
            "Case owner tagged; the customer will be called back",
        ),
        outcome(
            "request-recorded",
            "Request recorded",
            "Privacy request recorded",
        ),
        outcome("no-escalation", "No escalation", "No escalation needed"),
    ];
    flow("intake", "Customer asks to escalate", 1, steps)
}

/// The detour: a checklist, an e-mail template with a blank used twice, and
/// a way back into "intake".
pub(super) fn extra() -> Flow {
    let email = "Subject: Your case\n\nDear {customer_name},\n\n\
                 Please upload via this link: {upload_link}\n\nRegards, {customer_name}'s agent";
    let steps = vec![
        Step {
            checklist: checklist(&[("lawyer", "Mentions a lawyer")]),
            ..step(
                "pick",
                "Which checks apply?",
                StepKind::Question,
                &[("Write to the customer", "email")],
            )
        },
        Step {
            template: Some(email.into()),
            ..step(
                "email",
                "E-mail the customer",
                StepKind::Action,
                &[("Back to the intake", "intake/check")],
            )
        },
    ];
    flow("extra", "Extra checks", 2, steps)
}

/// Both fixture flows, validated.
pub(super) fn flows() -> FlowSet {
    FlowSet::new(vec![extra(), intake()])
        .unwrap_or_else(|errors| panic!("fixture does not validate: {errors:?}"))
}

/// A minute past nine on a fixed day.
pub(super) fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 15, 9, minute, 0).unwrap()
}

/// The `"flow/step"` of each visit.
pub(super) fn steps_of(walk: &Walk) -> Vec<String> {
    walk.visits()
        .iter()
        .map(|v| v.step_ref().to_string())
        .collect()
}

/// Starts `flow` and takes the choices with these labels in turn, one a
/// minute from `at(1)`.
pub(super) fn walk_through(flows: &FlowSet, flow: &str, labels: &[&str]) -> Walk {
    let mut walk = Walk::start(flows, flow, at(0)).unwrap();
    pick_all(&mut walk, flows, labels, 1);
    walk
}

/// Takes the choices with these labels in turn, one a minute from `minute`.
pub(super) fn pick_all(walk: &mut Walk, flows: &FlowSet, labels: &[&str], minute: u32) {
    for (i, label) in labels.iter().enumerate() {
        let step = walk.current_step(flows).unwrap();
        let index = step
            .choices
            .iter()
            .position(|c| c.label == *label)
            .unwrap_or_else(|| panic!("no choice \"{label}\" at \"{}\"", step.id));
        walk.choose(flows, index, at(minute + i as u32)).unwrap();
    }
}
