//! The shipped content (`content/flows/*.toml`) walked as an agent would:
//! real paths through the real flows, their case notes, templates, search
//! and diagrams. The engine itself is tested on small fixture flows next to
//! its code, so rewording content fails only these tests.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use deskaid::domain::diagram::{boxes_overlap, segment_crosses_box, LayoutEdge, LayoutNode};
use deskaid::domain::flow::{
    fill_template, layout, search, template_placeholders, FlowSet, NodeKind, Walk,
};
use std::collections::BTreeMap;

/// The shipped flows, as the app loads them from build.rs's bundle.
fn content() -> &'static FlowSet {
    deskaid::domain::content::flows()
}

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 15, 9, minute, 0).unwrap()
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

/// A walk through the leadership flow taking these choices, one a minute.
fn leadership(labels: &[&str]) -> Walk {
    let mut walk = Walk::start(content(), "leadership", at(0)).unwrap();
    pick_all(&mut walk, content(), labels, 1);
    walk
}

/// The leadership flow's path to the follow-up offer: escalation asked
/// for, no qualifier (checked first, 004 line 11), de-escalation tried, no
/// case update.
const TO_THE_FOLLOW_UP: [&str; 4] = [
    "Yes, the customer asked to escalate",
    "No qualifier applies",
    "Continue",
    "No update yet, or there is no case",
];

/// A leadership walk that reaches the follow-up offer, then takes these choices.
fn after_the_follow_up(labels: &[&str]) -> Walk {
    let mut walk = leadership(&TO_THE_FOLLOW_UP);
    pick_all(&mut walk, content(), labels, 5);
    walk
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
    let mut walk = after_the_follow_up(&[
        "Refuses to wait",
        "No Tier 2 agent is available",
        "Customer informed",
        "A Resolution Lead is available",
    ]);
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
fn after_tier_2_does_not_answer_the_next_step_repeats_not_to_complete_that_transfer() {
    let flows = content();
    let walk = after_the_follow_up(&[
        "Refuses to wait",
        "A Tier 2 agent is available",
        "No response within 30 seconds, or Tier 2 did not accept the concern",
    ]);
    let step = walk.current_step(flows).unwrap();
    assert_eq!(step.id, "explain-voicemail");
    assert_eq!(
        step.warning.as_deref(),
        Some("Do NOT complete the transfer to \"Phone-HO Tier 2\": that skill has no voicemail, so if no one answers there, the call will be missed. Transfer to the \"Resolution Lead\" skill instead.")
    );
}

#[test]
fn agreeing_to_wait_reaches_case_creation_with_its_checklist() {
    let flows = content();
    let mut walk = after_the_follow_up(&[
        "Agrees to wait for a follow-up",
        "Converted, or the contact came by e-mail",
    ]);
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
    // The qualifier check comes first (004 line 11), before de-escalation.
    let mut walk = leadership(&[
        "Yes, the customer asked to escalate",
        "Yes, a qualifier applies",
    ]);
    assert_eq!(
        walk.current().unwrap().step_ref().to_string(),
        "qualifiers/which-qualifiers"
    );
    assert_eq!(walk.toggle_item(flows, 2, "lawyer"), Ok(true));
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
        3,
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
fn case_notes_summarise_a_walk_in_local_time() {
    let flows = content();
    let mut walk = leadership(&[
        "Yes, the customer asked to escalate",
        "No qualifier applies",
    ]);
    walk.set_note(2, "Calmer after an apology\nstill wants a manager")
        .unwrap();
    pick_all(
        &mut walk,
        flows,
        &[
            "Continue",
            "Yes, the case has been updated",
            "Still requesting escalation",
        ],
        3,
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

2. [2024-01-15 10:01] Does the concern qualify for additional review?
   Answer: No qualifier applies

3. [2024-01-15 10:02] Try to de-escalate
   Note: Calmer after an apology
         still wants a manager

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
    assert_eq!(walk.case_notes(flows, &offset), expected);
    walk.back();
    assert!(walk
        .case_notes(flows, &offset)
        .ends_with("\nOutcome: not reached yet\n"));
}

#[test]
fn case_notes_name_the_other_flow_of_a_detour() {
    let flows = content();
    let mut walk = Walk::open_at(flows, "leadership", "check-qualifiers", at(0)).unwrap();
    pick(&mut walk, flows, "Yes, a qualifier applies", 1);
    let notes = walk.case_notes(flows, &FixedOffset::west_opt(5 * 3600).unwrap());
    assert!(notes.contains(
        "2. [2024-01-15 04:01] Which qualifiers apply? (Qualifiers for additional review)\n"
    ));
    assert!(notes.contains("Started 2024-01-15 04:00 (UTC-05:00)"));
}

#[test]
fn the_privacy_request_and_dispute_templates_name_their_blanks() {
    let flows = content();
    let mut request = Walk::open_at(flows, "dsar", "close-case", at(0)).unwrap();
    let close = request.current_step(flows).unwrap();
    assert_eq!(close.field_label("pr_number"), "PR number");
    assert!(close.field_hint("pr_number").unwrap().contains("PR-12345"));
    assert_eq!(
        request.filled_template(flows, 0).as_deref(),
        Some("Created privacy request: PR-{pr_number}")
    );
    for typed in ["PR-12345", "pr-12345", " PR-12345", "12345"] {
        request.set_field(flows, 0, "pr_number", typed).unwrap();
        assert_eq!(
            request.filled_template(flows, 0).as_deref(),
            Some("Created privacy request: PR-12345")
        );
    }
    let notes = |walk: &Walk| walk.case_notes(flows, &FixedOffset::east_opt(0).unwrap());
    assert!(notes(&request).contains("\n   Text used: Created privacy request: PR-12345\n"));

    let email = flows
        .step("deactivation-dispute", "request-evidence")
        .unwrap();
    assert_eq!(email.field_label("customer_name"), "Customer name");
    assert_eq!(email.field_hint("customer_name"), None);
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
    let mut dispute =
        Walk::open_at(flows, "deactivation-dispute", "request-evidence", at(0)).unwrap();
    assert!(!notes(&dispute).contains("Text used"), "nothing typed yet");
    dispute
        .set_field(flows, 0, "customer_name", "Ann Lee")
        .unwrap();
    assert!(notes(&dispute).contains(
        "\n   Text used: Subject: Disputing Score\n\n              Dear Ann Lee,\n\n              We sincerely"
    ));
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
        let drawn = layout(flows.flows(), &flow.id).unwrap();
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
        let layout = layout(flows.flows(), &flow.id).unwrap();
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
                crossings.push(format!("{}: {}", flow.id, edge.label));
            }
        }
    }
    // Labels are drawn whole (never cut) with a halo, so where no clear
    // spot exists the text stays readable over the line. Two places have none:
    // - dsar: the middle of three parallel arrows 55 px apart, so any label
    //   beside it crosses a neighbour;
    // - qualifiers: a loop whose first leg is 41 px tall, with the next
    //   loop's lane running through it 25 px down and up its right side.
    assert_eq!(
        crossings,
        [
            "qualifiers: Another concern applies",
            "dsar: Request Type: Access Data"
        ]
    );
}

#[test]
fn arrow_labels_overlap_no_box_and_no_other_label_in_any_flow() {
    let flows = content();
    for flow in flows.flows() {
        let layout = layout(flows.flows(), &flow.id).unwrap();
        let label_boxes: Vec<[f64; 4]> = layout.edges.iter().map(LayoutEdge::label_box).collect();
        for (i, a) in label_boxes.iter().enumerate() {
            let edge = &layout.edges[i];
            assert!(
                a[0] >= 0.0 && a[2] <= layout.width,
                "{}: label \"{}\" sticks out of the drawing",
                flow.id,
                edge.label
            );
            for (j, b) in label_boxes.iter().enumerate().skip(i + 1) {
                assert!(
                    !boxes_overlap(*a, *b),
                    "{}: labels \"{}\" and \"{}\" overlap",
                    flow.id,
                    edge.label,
                    layout.edges[j].label
                );
            }
            for node in &layout.nodes {
                let node_box = [node.x, node.y, node.x + node.width, node.y + node.height];
                assert!(
                    !boxes_overlap(*a, node_box),
                    "{}: label \"{}\" covers the box {}",
                    flow.id,
                    edge.label,
                    node.key
                );
            }
        }
    }
}

#[test]
fn layout_ranks_by_longest_path_and_routes_loops_around() {
    let flows = content();
    let drawn = layout(flows.flows(), "qualifiers").unwrap();
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
    assert!(layout(flows.flows(), "nowhere").is_err());
}
