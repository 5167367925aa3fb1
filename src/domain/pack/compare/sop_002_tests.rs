//! The example that proves the comparison: the leadership procedure as the
//! older SOP (002) had it, compared with the shipped one (after 004). Every
//! expected value is worked out from the two documents and the two flow
//! files, not taken from the comparison's output.

use super::*;
use crate::domain::flow::{Choice, FlowSet, StepKind};
use crate::domain::pack::{example_002_pack_file, read_pack, shipped_pack_file};
use crate::domain::source::SourceRef;
use Segment::{Added, Removed, Same};

fn source(doc: &str, lines: &str) -> SourceRef {
    SourceRef {
        doc: doc.into(),
        lines: lines.into(),
    }
}

fn text(old: &str, new: &str, segments: &[Segment]) -> TextChange {
    TextChange {
        old: old.into(),
        new: new.into(),
        segments: segments.to_vec(),
    }
}

fn same(t: &str) -> Segment {
    Same(t.into())
}
fn removed(t: &str) -> Segment {
    Removed(t.into())
}
fn added(t: &str) -> Segment {
    Added(t.into())
}

/// 002 → shipped, the leadership flow's changes.
fn leadership_change() -> (PackComparison, FlowChange) {
    let comparison = compare_packs(&example_002_pack_file(), &shipped_pack_file());
    let flow = comparison.flows.changed[0].clone();
    (comparison, flow)
}

fn step<'a>(flow: &'a FlowChange, id: &str) -> &'a StepChange {
    flow.steps
        .changed
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("step {id} is not reported as changed"))
}

#[test]
fn the_002_example_is_the_shipped_pack_with_a_valid_002_leadership_flow() {
    let example = example_002_pack_file();
    let shipped = shipped_pack_file();
    assert_eq!(
        (example.id.as_str(), example.version),
        ("deskaid-homeowner-support", 1)
    );
    let leadership = example.flows.iter().find(|f| f.id == "leadership").unwrap();
    // Every step cites 002, and only 002.
    for step in &leadership.steps {
        assert!(step.sources().all(|s| s.doc == "002"), "{}", step.id);
    }
    FlowSet::new(example.flows.clone()).unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(example.flows.len(), shipped.flows.len());
    // A pack one can use: the shipped questions on the steps 002 does not
    // have (no offer of escalation, an updated case, the case creation and
    // its voiding) are left out of it.
    let pack = read_pack(&example.to_json()).unwrap_or_else(|problems| {
        panic!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(
        pack.bank.questions().len(),
        shipped.questions.questions.len() - 4
    );
}

#[test]
fn from_002_to_004_only_the_leadership_procedure_changed() {
    let (comparison, flow) = leadership_change();
    assert!(comparison.flows.added.is_empty() && comparison.flows.removed.is_empty());
    assert_eq!(comparison.flows.changed.len(), 1);
    assert_eq!(flow.id, "leadership");
    // The questions on 004's new steps are what 004 added to the quiz.
    let added: Vec<&str> = comparison
        .questions
        .added
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "q004-never-offer-escalation",
            "q004-updated-case-satisfied",
            "q004-case-voided",
            "q004-case-description",
        ]
    );
    assert!(comparison.questions.removed.is_empty() && comparison.questions.changed.is_empty());
    assert!(comparison.topics.is_empty() && comparison.scenarios.is_empty());
    assert!(comparison.keywords.is_empty());
    assert_eq!(comparison.sla, []);
    assert!(comparison.reference_topics.is_empty() && comparison.facts.is_empty());
    let meta: Vec<&str> = comparison
        .meta
        .iter()
        .map(|m| match m {
            MetaChange::Title(_) => "title",
            MetaChange::ChangeNote(_) => "change note",
            _ => "other",
        })
        .collect();
    assert_eq!(meta, ["title", "change note"]);
    assert_eq!(
        comparison.headline(),
        "1 flow changed; 12 steps changed, 12 added; 4 questions added; 2 pack details changed"
    );
    // The flow's own fields: the summary, and its sources (004 first now).
    assert!(matches!(flow.fields[0], FlowFieldChange::Summary(_)));
    assert_eq!(
        flow.fields[1],
        FlowFieldChange::Sources {
            old: vec![source("002", "10-72"), source("002", "74-104")],
            new: vec![source("004", "1-61"), source("002", "10-72")],
        }
    );
    assert_eq!(flow.fields.len(), 2);
}

#[test]
fn from_002_to_004_the_steps_004_added_are_listed_and_none_removed() {
    let (_, flow) = leadership_change();
    let added: Vec<&str> = flow.steps.added.iter().map(|s| s.id.as_str()).collect();
    // 004 only: never offer escalation (line 14), the qualifier check as
    // step 1 (line 11), the case updated or not with the case owner's
    // callback (17-19), the case creation and assignment (27-38).
    assert_eq!(
        added,
        [
            "no-escalation",
            "check-qualifiers",
            "case-updated",
            "satisfied-with-update",
            "resolved-with-update",
            "tag-case-owner",
            "wait-for-owner",
            "owner-will-call-back",
            "create-case",
            "create-assignment",
            "case-assigned",
            "case-voided",
        ]
    );
    assert!(flow.steps.removed.is_empty());
    // The case creation checklist of 004 line 27, item by item.
    let create_case = flow
        .steps
        .added
        .iter()
        .find(|s| s.id == "create-case")
        .unwrap();
    let items: Vec<&str> = create_case
        .checklist
        .iter()
        .map(|i| i.id.as_str())
        .collect();
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
            "certificate",
        ]
    );
    // Every step 002 has is in 004 too, changed: in the shipped flow's order.
    let changed: Vec<&str> = flow.steps.changed.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        changed,
        [
            "asked-to-escalate",
            "de-escalate",
            "offer-follow-up",
            "convert-interaction",
            "tier2-available",
            "tier2-transfer",
            "transferred-tier2",
            "explain-voicemail",
            "resolution-lead-available",
            "resolution-lead-transfer",
            "transferred-resolution-lead",
            "resolution-lead-voicemail",
        ]
    );
}

#[test]
fn from_002_to_004_the_transfers_go_to_tier_2_and_the_resolution_lead() {
    let (_, flow) = leadership_change();
    // 002 line 42 → 004 line 43.
    let first = step(&flow, "tier2-transfer");
    assert_eq!(
        first.fields[0],
        StepFieldChange::Title(text(
            "Warm transfer to a Resolution Specialist and wait 30 seconds",
            "Warm transfer to \"Phone-HO Tier 2\" and wait 30 seconds",
            &[
                same("Warm transfer to"),
                removed("a Resolution Specialist"),
                added("\"Phone-HO Tier 2\""),
                same("and wait 30 seconds"),
            ],
        ))
    );
    // 002 line 58 → 004 line 53.
    let second = step(&flow, "resolution-lead-transfer");
    assert_eq!(
        second.fields[0],
        StepFieldChange::Title(text(
            "Warm transfer to a Team Supervisor and wait 30 seconds",
            "Warm transfer to \"Resolution Lead\" and wait 30 seconds",
            &[
                same("Warm transfer to"),
                removed("a Team Supervisor"),
                added("\"Resolution Lead\""),
                same("and wait 30 seconds"),
            ],
        ))
    );
    for transfer in [first, second] {
        // 002 attempts the transfer, then asks who answered; 004 asks who
        // is available, then transfers and asks whether they answered.
        assert_eq!(
            transfer.fields[1],
            StepFieldChange::Kind {
                old: StepKind::Action,
                new: StepKind::Question
            }
        );
        // Both wait 30 seconds (002 lines 44 and 60, 004 lines 43 and 53).
        assert!(!transfer
            .fields
            .iter()
            .any(|f| matches!(f, StepFieldChange::WaitSeconds { .. })));
    }
    // 002 line 44 → 004 lines 43-47.
    assert_eq!(
        step(&flow, "tier2-available").fields[0],
        StepFieldChange::Title(text(
            "Is a Resolution Specialist available within 30 seconds?",
            "Is a \"Phone-HO Tier 2\" agent available?",
            &[
                same("Is a"),
                removed("Resolution Specialist available within 30 seconds?"),
                added("\"Phone-HO Tier 2\" agent available?"),
            ],
        ))
    );
    // 002 line 60 → 004 lines 50-53.
    assert_eq!(
        step(&flow, "resolution-lead-available").fields[0],
        StepFieldChange::Title(text(
            "Is a Team Supervisor available within 30 seconds?",
            "Is a \"Resolution Lead\" available?",
            &[
                same("Is a"),
                removed("Team Supervisor available within 30 seconds?"),
                added("\"Resolution Lead\" available?"),
            ],
        ))
    );
    // The customer who refuses to wait: 002 warns of the voicemail first
    // (line 40); 004 checks Tier 2 first and warns only before the
    // Resolution Lead (lines 43-55).
    let offer = step(&flow, "offer-follow-up");
    let choices = offer.fields.iter().find_map(|f| match f {
        StepFieldChange::Choices(c) => Some(c),
        _ => None,
    });
    assert_eq!(
        choices,
        Some(&ChoiceChanges {
            added: vec![],
            removed: vec![],
            retargeted: vec![Retarget {
                label: "Refuses to wait".into(),
                old_to: "explain-voicemail".into(),
                new_to: "tier2-available".into(),
            }],
        })
    );
}

#[test]
fn from_002_to_004_the_follow_up_promise_is_joined_by_the_case_owners_24_48_hours() {
    let (_, flow) = leadership_change();
    // 002 promises an update within 1 day (line 26); the shipped flow keeps
    // that offer where the case has not been updated, unchanged in its
    // wording: the offer's body gains 004's condition, its template stays.
    let offer = step(&flow, "offer-follow-up");
    let body = offer.fields.iter().find_map(|f| match f {
        StepFieldChange::Body(paragraphs) => Some(paragraphs.clone()),
        _ => None,
    });
    let promise = "the customer if they would allow us the opportunity to review the concern \
                   further and contact them with an update within 1 day.";
    assert_eq!(
        body,
        Some(vec![ParagraphChange::Changed(text(
            &format!("Ask {promise}"),
            &format!("The case has not been updated: ask {promise}"),
            &[
                removed("Ask"),
                added("The case has not been updated: ask"),
                same(promise),
            ],
        ))])
    );
    assert!(!offer
        .fields
        .iter()
        .any(|f| matches!(f, StepFieldChange::Template(_))));
    // 004 adds the case owner's callback within 24-48 business hours (line
    // 17), which 002 does not have anywhere.
    let tag_owner = flow
        .steps
        .added
        .iter()
        .find(|s| s.id == "tag-case-owner")
        .unwrap();
    assert!(tag_owner
        .template
        .as_deref()
        .unwrap()
        .ends_with("within the next 24-48 business hours."));
    let example = example_002_pack_file();
    let leadership_002 = example.flows.iter().find(|f| f.id == "leadership").unwrap();
    let json_002 = serde_json::to_string(leadership_002).unwrap();
    assert!(json_002.contains("within 1 day") && !json_002.contains("24-48"));
    // 002's agree-to-wait branch ends at the EBH ticket, its outcome the
    // 1-day follow-up; 004 goes on to create the case.
    let convert = step(&flow, "convert-interaction");
    assert_eq!(
        convert.fields[0],
        StepFieldChange::Kind {
            old: StepKind::Outcome,
            new: StepKind::Action
        }
    );
    assert!(convert.fields.contains(&StepFieldChange::Outcome(text(
        "The customer agreed to wait for a follow-up with an update within 1 day",
        "",
        &[removed(
            "The customer agreed to wait for a follow-up with an update within 1 day"
        )],
    ))));
    assert!(convert
        .fields
        .contains(&StepFieldChange::Choices(ChoiceChanges {
            added: vec![Choice {
                label: "Converted, or the contact came by e-mail".into(),
                to: "create-case".into(),
            }],
            removed: vec![],
            retargeted: vec![],
        })));
}

#[test]
fn the_002_to_004_report_names_the_flow_its_steps_and_the_changed_words() {
    let report = compare_packs(&example_002_pack_file(), &shipped_pack_file()).report();
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title).collect();
    // The example changes the description, the leadership flow, and drops
    // the questions on steps only 004 has.
    assert_eq!(titles, ["The pack", "Flows", "Questions"]);
    let flows = &report.sections[1];
    let transfer = flows
        .entries
        .iter()
        .find(|e| e.heading.contains("(tier2-transfer)"))
        .expect("the first transfer step is an entry");
    assert_eq!(
        transfer.heading,
        "Step \"Warm transfer to \"Phone-HO Tier 2\" and wait 30 seconds\" (tier2-transfer) in \"Customer asks for leadership or special handling\""
    );
    assert_eq!(
        transfer.lines[0],
        ReportLine {
            label: "Title".into(),
            change: LineChange::Words(vec![
                same("Warm transfer to"),
                removed("a Resolution Specialist"),
                added("\"Phone-HO Tier 2\""),
                same("and wait 30 seconds"),
            ]),
        }
    );
    assert_eq!(
        transfer.lines[1],
        ReportLine {
            label: "Kind".into(),
            change: LineChange::Plain("action → question".into()),
        }
    );
    let added_steps = flows
        .entries
        .iter()
        .find(|e| {
            e.heading == "Steps added in \"Customer asks for leadership or special handling\""
        })
        .expect("004's new steps are listed");
    assert!(added_steps
        .lines
        .iter()
        .any(|line| line.change
            == LineChange::Plain("Do not offer escalation (no-escalation)".into())));
    assert!(report.headline.starts_with("1 flow changed;"));
}
