//! The shipped content (`content/flows/*.toml`) walked as an agent would:
//! real paths through the real flows, their case notes, templates, search
//! and diagrams. The engine itself is tested on small fixture flows next to
//! its code, so rewording content fails only these tests.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use deskaid::domain::diagram::{boxes_overlap, segment_crosses_box, LayoutEdge, LayoutNode};
use deskaid::domain::flow::{
    fill_template, follow_link, layout, search, template_placeholders, Flow, FlowSet, FollowedLink,
    NodeKind, StepRef, Walk,
};
use std::collections::BTreeMap;

/// The shipped flows, as the app loads them from build.rs's bundle.
fn content() -> &'static FlowSet {
    deskaid::domain::content::flows()
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

/// Takes the choices with these labels in turn, one a minute from `minute`.
fn pick_all(walk: &mut Walk, flows: &FlowSet, labels: &[&str], minute: u32) {
    for (i, label) in labels.iter().enumerate() {
        pick(walk, flows, label, minute + i as u32);
    }
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
fn refusing_to_wait_ends_at_the_resolution_lead_voicemail() {
    let flows = content();
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    pick_all(
        &mut walk,
        flows,
        &[
            "Yes, the customer asked to escalate",
            "Continue",
            "No qualifier applies",
            "No update yet, or there is no case",
            "Refuses to wait",
            "No Tier 2 agent is available",
            "Customer informed",
            "A Resolution Lead is available",
        ],
        1,
    );
    assert_eq!(walk.current_step(flows).unwrap().wait_seconds, Some(30));
    pick(&mut walk, flows, "No answer within 30 seconds", 9);
    let outcome = walk.outcome(flows).unwrap();
    assert_eq!(outcome.id, "resolution-lead-voicemail");
    assert_eq!(
        outcome.outcome.as_deref(),
        Some("Transferred to the Resolution Lead voicemail")
    );
    assert_eq!(walk.visits().len(), 10);
    assert!(walk
        .choose(flows, 0, at(10))
        .unwrap_err()
        .to_string()
        .contains("no choice 1"));
}

#[test]
fn agreeing_to_wait_reaches_case_creation_with_its_checklist() {
    let flows = content();
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    pick_all(
        &mut walk,
        flows,
        &[
            "Yes, the customer asked to escalate",
            "Continue",
            "No qualifier applies",
            "No update yet, or there is no case",
            "Agrees to wait for a follow-up",
            "Converted, or the contact came by e-mail",
        ],
        1,
    );
    let step = walk.current_step(flows).unwrap();
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
    pick_all(
        &mut walk,
        flows,
        &["Case created", "The assignment was rejected or returned"],
        7,
    );
    assert_eq!(walk.outcome(flows).unwrap().id, "case-voided");
}

#[test]
fn a_qualifier_detour_returns_to_the_agree_to_wait_path() {
    let flows = content();
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    pick_all(
        &mut walk,
        flows,
        &[
            "Yes, the customer asked to escalate",
            "Continue",
            "Yes, a qualifier applies",
        ],
        1,
    );
    assert_eq!(
        walk.current().unwrap().step_ref().to_string(),
        "qualifiers/which-qualifiers"
    );
    assert_eq!(walk.toggle_item(flows, 3, "lawyer"), Ok(true));
    pick_all(
        &mut walk,
        flows,
        &[
            "Gather the details",
            "Yes, it matches the one on file",
            "Claiming fraud",
            "Continue with the sales representative questions",
            "Another concern applies",
            "Promises from the installer",
            "All concerns covered: close the interaction",
            "Continue with the follow-up procedure",
        ],
        4,
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
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    assert!(!walk.back());
    pick(&mut walk, flows, "Yes, the customer asked to escalate", 1);
    walk.set_note(1, "Calmer after apology").unwrap();
    pick_all(&mut walk, flows, &["Continue", "No qualifier applies"], 2);
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

    pick_all(
        &mut walk,
        flows,
        &["No qualifier applies", "Yes, the case has been updated"],
        4,
    );
    walk.change_answer(flows, 3, 1, at(6)).unwrap();
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
        .change_answer(flows, 3, 7, at(7))
        .unwrap_err()
        .to_string()
        .contains("no choice 8"));
    assert!(walk
        .change_answer(flows, 9, 0, at(7))
        .unwrap_err()
        .to_string()
        .contains("no step 10"));
    assert_eq!(walk, before);

    walk.restart(flows, at(8)).unwrap();
    assert_eq!(steps_of(&walk), ["leadership/asked-to-escalate"]);
    assert_eq!(walk.visits()[0].arrived_at, at(8));
}

#[test]
fn deep_links_open_cold_and_jumps_go_back_along_the_path() {
    let flows = content();
    let mut walk = Walk::open_at(flows, "leadership", "tier2-available", at(0)).unwrap();
    assert_eq!(steps_of(&walk), ["leadership/tier2-available"]);
    pick_all(
        &mut walk,
        flows,
        &[
            "A Tier 2 agent is available",
            "No response within 30 seconds, or Tier 2 did not accept the concern",
        ],
        1,
    );
    walk.jump_to(flows, "leadership", "tier2-transfer", at(3))
        .unwrap();
    assert_eq!(
        steps_of(&walk),
        ["leadership/tier2-available", "leadership/tier2-transfer"]
    );
    assert_eq!(walk.current().unwrap().answer, None);
    walk.jump_to(flows, "dsar", "close-case", at(4)).unwrap();
    assert_eq!(steps_of(&walk), ["dsar/close-case"]);
    assert_eq!(walk.flow_id(), "dsar");
    assert!(walk.jump_to(flows, "dsar", "nowhere", at(5)).is_err());
    assert!(Walk::start(flows, "nowhere", at(0))
        .unwrap_err()
        .to_string()
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
        follow_link(flows, "leadership", saved.cloned(), Some(step), at(9))
    };
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    // Nothing done yet: a link just opens its step.
    let FollowedLink::Walk(opened) = follow(Some(&walk), "tier2-available") else {
        panic!("a fresh walk should give way to the link");
    };
    assert_eq!(steps_of(&opened), ["leadership/tier2-available"]);

    pick(&mut walk, flows, "Yes, the customer asked to escalate", 1);
    walk.set_note(1, "Wants a manager").unwrap();
    pick(&mut walk, flows, "Continue", 2);
    // A step on the path: back to it, as before.
    let FollowedLink::Walk(back) = follow(Some(&walk), "de-escalate") else {
        panic!("a step on the path should be shown");
    };
    assert_eq!(
        steps_of(&back),
        ["leadership/asked-to-escalate", "leadership/de-escalate"]
    );
    assert_eq!(back.visits()[1].note, "Wants a manager");
    // One choice ahead (the browser's Forward): moves on.
    let FollowedLink::Walk(ahead) = follow(Some(&walk), "case-updated") else {
        panic!("the next step should be shown");
    };
    assert_eq!(ahead.visits().len(), 4);
    // Anywhere else: the walk is kept and the agent is asked.
    assert_eq!(
        follow(Some(&walk), "tier2-available"),
        FollowedLink::AskFirst {
            saved: walk.clone(),
            step: StepRef::resolve("leadership", "tier2-available"),
        }
    );
    // A note alone at the start is also worth asking about.
    let mut noted = Walk::start(flows, "leadership", at(0)).unwrap();
    noted.set_note(0, "Caller: Ann").unwrap();
    assert!(matches!(
        follow(Some(&noted), "tier2-available"),
        FollowedLink::AskFirst { .. }
    ));
    // Other outcomes are unchanged.
    assert_eq!(
        follow(Some(&walk), "dsar/close-case"),
        FollowedLink::OtherFlow(StepRef::resolve("dsar", "close-case"))
    );
    assert_eq!(
        follow(Some(&walk), "nowhere"),
        FollowedLink::UnknownStep("nowhere".into())
    );
    assert_eq!(
        follow_link(flows, "leadership", Some(walk.clone()), None, at(9)),
        FollowedLink::Walk(walk)
    );
}

#[test]
fn going_back_to_a_dropped_branch_after_a_change_keeps_the_walk() {
    let flows = content();
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    pick_all(
        &mut walk,
        flows,
        &["Yes, the customer asked to escalate", "Continue"],
        1,
    );
    walk.set_note(2, "Qualifiers checked").unwrap();
    walk.change_answer(flows, 0, 2, at(3)).unwrap();
    assert_eq!(
        steps_of(&walk),
        ["leadership/asked-to-escalate", "leadership/no-escalation"]
    );
    // The browser's Back returns to the URL of the dropped branch.
    let back = follow_link(
        flows,
        "leadership",
        Some(walk.clone()),
        Some("check-qualifiers"),
        at(4),
    );
    assert_eq!(
        back,
        FollowedLink::AskFirst {
            saved: walk,
            step: StepRef::resolve("leadership", "check-qualifiers"),
        }
    );
}

#[test]
fn case_notes_say_when_a_walk_was_opened_part_way_from_a_link() {
    let flows = content();
    let offset = FixedOffset::east_opt(0).unwrap();
    let linked = Walk::open_at(flows, "leadership", "tier2-available", at(0)).unwrap();
    assert!(linked.opened_from_link(flows));
    assert!(linked.case_notes(flows, offset).starts_with(
        "Customer asks for leadership or special handling\n\
         Started 2024-01-15 09:00 (UTC+00:00)\n\
         Opened at step 1 from a link; earlier steps not recorded.\n\n1. "
    ));
    let mut started = Walk::start(flows, "leadership", at(0)).unwrap();
    assert!(!started.opened_from_link(flows));
    assert!(!started.case_notes(flows, offset).contains("from a link"));
    pick(
        &mut started,
        flows,
        "Yes, the customer asked to escalate",
        1,
    );
    assert!(!started.case_notes(flows, offset).contains("from a link"));
    let mut restarted = linked.clone();
    restarted.restart(flows, at(2)).unwrap();
    assert!(!restarted.case_notes(flows, offset).contains("from a link"));
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

    let mut walk = Walk::open_at(flows, "dsar", "close-case", at(0)).unwrap();
    for (typed, filled) in [
        ("PR-12345", "Created privacy request: PR-12345"),
        ("pr-12345", "Created privacy request: PR-12345"),
        (" PR-12345", "Created privacy request: PR-12345"),
        ("12345", "Created privacy request: PR-12345"),
        ("PR-", "Created privacy request: PR-{pr_number}"),
    ] {
        walk.set_field(flows, 0, "pr_number", typed).unwrap();
        assert_eq!(walk.filled_template(flows, 0).as_deref(), Some(filled));
    }
    // Only the text right against the blank counts, not a word before a space.
    let values = BTreeMap::from([("name".to_string(), "Dear Ann".to_string())]);
    assert_eq!(fill_template("Dear {name}", &values), "Dear Dear Ann");
}

#[test]
fn checklist_ticks_stay_in_checklist_order_and_reject_unknown_items() {
    let flows = content();
    let mut walk = Walk::open_at(flows, "leadership", "create-case", at(0)).unwrap();
    assert_eq!(walk.toggle_item(flows, 0, "certificate"), Ok(true));
    assert_eq!(walk.toggle_item(flows, 0, "request-type"), Ok(true));
    assert_eq!(walk.toggle_item(flows, 0, "recording"), Ok(true));
    assert_eq!(
        walk.visits()[0].ticked,
        ["request-type", "recording", "certificate"]
    );
    assert_eq!(walk.toggle_item(flows, 0, "recording"), Ok(false));
    assert_eq!(walk.visits()[0].ticked, ["request-type", "certificate"]);
    assert!(walk
        .toggle_item(flows, 0, "nope")
        .unwrap_err()
        .to_string()
        .contains("no checklist item"));
    assert!(walk.toggle_item(flows, 1, "certificate").is_err());
}

#[test]
fn templates_fill_placeholders_and_show_gaps() {
    let flows = content();
    let mut walk = Walk::open_at(flows, "dsar", "close-case", at(0)).unwrap();
    assert_eq!(
        walk.filled_template(flows, 0).as_deref(),
        Some("Created privacy request: PR-{pr_number}")
    );
    walk.set_field(flows, 0, "pr_number", "1234").unwrap();
    assert_eq!(
        walk.filled_template(flows, 0).as_deref(),
        Some("Created privacy request: PR-1234")
    );
    assert!(walk.set_field(flows, 0, "name", "x").is_err());
    assert!(walk
        .case_notes(flows, FixedOffset::east_opt(0).unwrap())
        .contains("\n   Text used: Created privacy request: PR-1234\n"));

    let mut dispute =
        Walk::open_at(flows, "deactivation-dispute", "request-evidence", at(0)).unwrap();
    let notes = |walk: &Walk| walk.case_notes(flows, FixedOffset::east_opt(0).unwrap());
    assert!(!notes(&dispute).contains("Text used"), "nothing typed yet");
    dispute
        .set_field(flows, 0, "customer_name", "Ann Lee")
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
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    pick(&mut walk, flows, "Yes, the customer asked to escalate", 1);
    walk.set_note(1, "Calmer after an apology\nstill wants a manager")
        .unwrap();
    pick_all(
        &mut walk,
        flows,
        &[
            "Continue",
            "No qualifier applies",
            "Yes, the case has been updated",
            "Still requesting escalation",
        ],
        2,
    );
    walk.toggle_item(flows, 5, "told-customer").unwrap();
    walk.toggle_item(flows, 5, "tagged-owner").unwrap();
    pick_all(&mut walk, flows, &["Done", "Agrees to wait"], 6);
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
    assert_eq!(walk.case_notes(flows, offset), expected);
    walk.back();
    assert!(walk
        .case_notes(flows, offset)
        .ends_with("\nOutcome: not reached yet\n"));
}

#[test]
fn case_notes_name_the_other_flow_of_a_detour() {
    let flows = content();
    let mut walk = Walk::open_at(flows, "leadership", "check-qualifiers", at(0)).unwrap();
    pick(&mut walk, flows, "Yes, a qualifier applies", 1);
    let notes = walk.case_notes(flows, FixedOffset::west_opt(5 * 3600).unwrap());
    assert!(notes.contains(
        "2. [2024-01-15 04:01] Which qualifiers apply? (Qualifiers for additional review)\n"
    ));
    assert!(notes.contains("Started 2024-01-15 04:00 (UTC-05:00)"));
}

#[test]
fn walks_survive_storage_and_are_repaired_after_content_edits() {
    let flows = content();
    let mut walk = Walk::start(flows, "leadership", at(0)).unwrap();
    pick_all(
        &mut walk,
        flows,
        &[
            "Yes, the customer asked to escalate",
            "Continue",
            "No qualifier applies",
            "No update yet, or there is no case",
            "Agrees to wait for a follow-up",
            "Converted, or the contact came by e-mail",
        ],
        1,
    );
    walk.toggle_item(flows, 6, "overview").unwrap();
    let json = serde_json::to_string(&walk).unwrap();
    let mut restored: Walk = serde_json::from_str(&json).unwrap();
    assert_eq!(restored, walk);
    assert_eq!(restored.repair(flows), Ok(vec![]));
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

    let mut cold = Walk::open_at(flows, "leadership", "create-case", at(0)).unwrap();
    cold.toggle_item(flows, 0, "overview").unwrap();
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
        .repair(flows)
        .unwrap_err()
        .to_string()
        .contains("no longer exists"));
    let empty: Walk = serde_json::from_str(r#"{"flow":"dsar","visits":[]}"#).unwrap();
    assert!(empty
        .clone()
        .repair(flows)
        .unwrap_err()
        .to_string()
        .contains("empty"));
}

#[test]
fn search_finds_case_voided_first() {
    let flows = content();
    let hits = search(flows, "case VOIDED");
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
    assert!(search(flows, "   ").is_empty());
    assert!(search(flows, "voided zebra").is_empty());
    let checklist = search(flows, "certificate of completion");
    assert_eq!(checklist[0].step, "create-case");
    assert_eq!(
        checklist[0].snippet,
        "Reviewed the Certificate of Completion"
    );
}

/// The flow and step ids of a diagram box, from its `"flow/step"` key.
fn flow_and_step(node: &LayoutNode<NodeKind>) -> (&str, &str) {
    node.key
        .split_once('/')
        .expect("diagram keys are \"flow/step\"")
}

fn overlaps(a: &LayoutNode<NodeKind>, b: &LayoutNode<NodeKind>) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

#[test]
fn layouts_have_no_overlaps_and_edges_join_their_nodes() {
    let flows = content();
    for flow in flows.flows() {
        let drawn = layout(flows, &flow.id).unwrap();
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
        let start = drawn
            .nodes
            .iter()
            .find(|n| flow_and_step(n).1 == flow.start)
            .unwrap();
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

#[test]
fn arrow_labels_cross_no_other_arrow_where_a_clear_spot_exists() {
    let flows = content();
    let mut crossings = Vec::new();
    for flow in flows.flows() {
        let layout = layout(flows, &flow.id).unwrap();
        for (i, edge) in layout.edges.iter().enumerate() {
            let label = edge.label_box();
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
fn arrow_labels_overlap_no_box_and_no_other_label_in_any_flow() {
    let flows = content();
    for flow in flows.flows() {
        let layout = layout(flows, &flow.id).unwrap();
        let label_boxes: Vec<[f64; 4]> = layout.edges.iter().map(LayoutEdge::label_box).collect();
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
fn layout_ranks_by_longest_path_and_routes_loops_around() {
    let flows = content();
    let drawn = layout(flows, "qualifiers").unwrap();
    let node = |step: &str| {
        drawn
            .nodes
            .iter()
            .find(|n| flow_and_step(n).1 == step)
            .unwrap()
    };
    assert_eq!(node("which-qualifiers").rank, 0);
    assert_eq!(node("email-on-file").rank, 1);
    assert_eq!(node("email-questions").rank, 2);
    assert_eq!(node("concern-type").rank, 3);
    assert_eq!(node("sales-rep").rank, 5, "after fraud, which leads to it");
    let back = drawn.edges.iter().filter(|e| e.loops_back).count();
    assert_eq!(back, 5, "each concern's \"Another concern applies\"");
    let link = node("convert-interaction");
    assert_eq!(
        (link.kind, flow_and_step(link).0),
        (NodeKind::OtherFlow, "leadership")
    );
    assert_eq!(link.key, "leadership/convert-interaction");
    assert!(layout(flows, "nowhere").is_err());
}
