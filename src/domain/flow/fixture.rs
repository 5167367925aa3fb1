//! Two small flows for the engine's tests, so that rewording the shipped
//! content never breaks them: "intake" asks, calms, checks and ends in one of
//! three outcomes; "extra" is a detour that links back into "intake".

use super::{Flow, FlowSet, Walk};
use chrono::{DateTime, TimeZone, Utc};

/// The main fixture flow: a question with three ways out (one into the
/// other flow), a note, a checklist of three, a wait and a template.
pub(super) const INTAKE: &str = r#"
id = "intake"
title = "Customer asks to escalate"
summary = "When a customer asks for leadership."
audience = "Tests"
order = 1
source = { doc = "004", lines = "1" }
start = "ask"

[[steps]]
id = "ask"
title = "Did the customer ask to escalate?"
kind = "question"
source = { doc = "004", lines = "2" }
choices = [
    { label = "Yes, escalate", to = "calm" },
    { label = "Needs extra checks", to = "extra/pick" },
    { label = "No", to = "no-escalation" },
]

[[steps]]
id = "calm"
title = "Try to calm the customer"
kind = "action"
body = ["Apologise and listen before anything else."]
source = { doc = "004", lines = "3" }
note_prompt = "How did the customer react?"
choices = [{ label = "Continue", to = "check" }]

[[steps]]
id = "check"
title = "Has the case been updated?"
kind = "question"
warning = "Never promise a refund."
source = { doc = "004", lines = "4" }
choices = [
    { label = "Yes, updated", to = "tag" },
    { label = "Not yet", to = "wait" },
]

[[steps]]
id = "tag"
title = "Tag the case owner"
kind = "action"
source = { doc = "004", lines = "5" }
checklist = [
    { id = "told", text = "Told the customer about the call back", source = { doc = "004", lines = "5" } },
    { id = "tagged", text = "Tagged the case owner in the feed", source = { doc = "004", lines = "6" } },
    { id = "logged", text = "Logged the call", source = { doc = "004", lines = "7" } },
]
choices = [{ label = "Done", to = "owner-tagged" }]

[[steps]]
id = "wait"
title = "Will the customer wait?"
kind = "question"
wait_seconds = 30
source = { doc = "004", lines = "8" }
choices = [
    { label = "Agrees to wait", to = "owner-tagged" },
    { label = "Refuses to wait", to = "close" },
]

[[steps]]
id = "close"
title = "Record the privacy request"
kind = "action"
source = { doc = "004", lines = "9" }
template = "Created privacy request: PR-{pr_number}"
fields.pr_number = { label = "PR number", hint = "As shown in the portal, e.g. PR-12345" }
choices = [{ label = "Recorded", to = "request-recorded" }]

[[steps]]
id = "owner-tagged"
title = "Stop here"
kind = "outcome"
outcome = "Case owner tagged; the customer will be called back"
source = { doc = "004", lines = "10" }

[[steps]]
id = "request-recorded"
title = "Request recorded"
kind = "outcome"
outcome = "Privacy request recorded"
source = { doc = "004", lines = "11" }

[[steps]]
id = "no-escalation"
title = "No escalation"
kind = "outcome"
outcome = "No escalation needed"
source = { doc = "004", lines = "12" }
"#;

/// The detour: a checklist, an e-mail template with several blanks, and a
/// way back into "intake".
pub(super) const EXTRA: &str = r#"
id = "extra"
title = "Extra checks"
summary = "Checks some concerns need."
audience = "Tests"
order = 2
source = { doc = "004", lines = "20" }
start = "pick"

[[steps]]
id = "pick"
title = "Which checks apply?"
kind = "question"
source = { doc = "004", lines = "21" }
checklist = [{ id = "lawyer", text = "Mentions a lawyer", source = { doc = "004", lines = "22" } }]
choices = [{ label = "Write to the customer", to = "email" }]

[[steps]]
id = "email"
title = "E-mail the customer"
kind = "action"
source = { doc = "004", lines = "23" }
template = "Subject: Your case\n\nDear {customer_name},\n\nPlease upload via this link: {upload_link}\n\nRegards, {customer_name}'s agent"
choices = [{ label = "Back to the intake", to = "intake/check" }]
"#;

/// Reads one fixture flow.
pub(super) fn flow(toml_text: &str) -> Flow {
    toml::from_str(toml_text).unwrap_or_else(|e| panic!("fixture does not parse: {e}"))
}

/// Both fixture flows, validated.
pub(super) fn flows() -> FlowSet {
    FlowSet::new(vec![flow(EXTRA), flow(INTAKE)])
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
