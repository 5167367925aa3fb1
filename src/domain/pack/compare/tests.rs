//! Known answers for comparisons: word differences worked out by hand, and
//! a small pair of packs (the shipped one with a few edits) whose every
//! difference is written out.

use super::*;
use crate::domain::pack::shipped_pack_file;
use Segment::{Added, Removed, Same};

fn same(text: &str) -> Segment {
    Same(text.to_string())
}
fn removed(text: &str) -> Segment {
    Removed(text.to_string())
}
fn added(text: &str) -> Segment {
    Added(text.to_string())
}

#[test]
fn words_that_stay_are_kept_and_replaced_ones_come_removed_then_added() {
    assert_eq!(
        diff_words(
            "contact them with an update within 1 day",
            "contact them back within the next 24-48 business hours"
        ),
        [
            same("contact them"),
            removed("with an update"),
            added("back"),
            same("within"),
            removed("1 day"),
            added("the next 24-48 business hours"),
        ]
    );
    assert_eq!(
        diff_words(
            "Attempt to warm transfer the customer to a Resolution Specialist",
            "Warm transfer to the \"Phone-HO Tier 2\" skill"
        ),
        // "Warm" is not "warm": a change of case is a change of wording.
        // "transfer to" and "to the" are both longest; removals come first.
        [
            removed("Attempt to warm"),
            added("Warm"),
            same("transfer"),
            removed("the customer"),
            same("to"),
            removed("a Resolution Specialist"),
            added("the \"Phone-HO Tier 2\" skill"),
        ]
    );
}

#[test]
fn punctuation_stays_on_its_word_and_white_space_does_not_count() {
    // "day." is one word: the full stop is neither a change of its own nor
    // kept when the word around it changes.
    assert_eq!(
        diff_words("within 1 day.", "within  2 days."),
        [same("within"), removed("1 day."), added("2 days.")]
    );
    assert_eq!(
        diff_words("Stop.", "Stop here."),
        [removed("Stop."), added("Stop here.")]
    );
    assert_eq!(diff_words("a  b\nc", "a b c"), [same("a b c")]);
    assert_eq!(diff_words("", "New warning"), [added("New warning")]);
    assert_eq!(diff_words("Old", ""), [removed("Old")]);
    assert_eq!(diff_words("", ""), []);
}

#[test]
fn the_common_subsequence_is_a_longest_one() {
    // a b c d e → a c e f: b and d removed, f added; a, c and e kept.
    assert_eq!(
        diff_words("a b c d e", "a c e f"),
        [
            same("a"),
            removed("b"),
            same("c"),
            removed("d"),
            same("e"),
            added("f"),
        ]
    );
}

#[test]
fn texts_too_long_for_the_table_keep_their_common_start_and_end() {
    // 1,200 × 1,200 differing words in the middle: more than the table
    // takes, so the middle is all removed, then all added.
    let words = |prefix: &str| {
        (0..1200)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
    };
    let (old, new) = (words("a").join(" "), words("b").join(" "));
    assert_eq!(
        diff_words(&format!("Start {old} end."), &format!("Start {new} end.")),
        [same("Start"), removed(&old), added(&new), same("end.")]
    );
}

#[test]
fn paragraphs_are_matched_whole_and_reworded_ones_show_their_words() {
    let paragraphs = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let old = paragraphs(&["Keep this.", "Call back within 1 day.", "Gone."]);
    let new = paragraphs(&["Keep this.", "Call back within 2 days.", "Gone.", "New."]);
    assert_eq!(
        words::paragraphs_change(&old, &new),
        Some(vec![
            ParagraphChange::Same("Keep this.".into()),
            ParagraphChange::Changed(TextChange {
                old: "Call back within 1 day.".into(),
                new: "Call back within 2 days.".into(),
                segments: vec![
                    same("Call back within"),
                    removed("1 day."),
                    added("2 days.")
                ],
            }),
            ParagraphChange::Same("Gone.".into()),
            ParagraphChange::Added("New.".into()),
        ])
    );
    assert_eq!(words::paragraphs_change(&old, &old), None);
}

#[test]
fn a_pack_compared_with_itself_has_no_differences() {
    let pack = shipped_pack_file();
    let comparison = compare_packs(&pack, &pack);
    assert!(comparison.is_empty());
    assert_eq!(comparison.headline(), "No differences");
}

/// The shipped pack with one edit of each kind, each listed below.
#[test]
fn a_hand_made_pair_of_packs_reports_each_edit() {
    let old = shipped_pack_file();
    let mut new = old.clone();
    new.version = 2;
    new.change_note = "Tier 2 waits 45 seconds.".to_string();
    let dsar_at = new.flows.iter().position(|f| f.id == "dsar").unwrap();
    let removed_flow = new.flows.remove(dsar_at);
    let leadership = new.flows.iter_mut().find(|f| f.id == "leadership").unwrap();
    let transfer = leadership
        .steps
        .iter_mut()
        .find(|s| s.id == "tier2-transfer")
        .unwrap();
    transfer.wait_seconds = Some(45);
    transfer.title = "Warm transfer to \"Phone-HO Tier 2\" and wait 45 seconds".to_string();
    transfer.choices[1].to = "resolution-lead-available".to_string();
    let added_step = {
        let mut step = leadership.step("no-escalation").unwrap().clone();
        step.id = "no-escalation-again".to_string();
        step
    };
    leadership.steps.push(added_step.clone());
    let owner = leadership
        .steps
        .iter_mut()
        .find(|s| s.id == "tag-case-owner")
        .unwrap();
    owner.checklist.remove(1);
    owner.checklist[0].text = "Tagged the case owner".to_string();
    new.questions.questions[0].explanation.push_str(" Really.");
    new.sla.follow_up.update_within_business_days = 2;
    new.sla.calendar.hours.pop();
    let fact = new.reference.topics[0].facts.remove(0);
    new.reference.topics[1].facts.push(fact.clone());

    let comparison = compare_packs(&old, &new);
    assert_eq!(
        comparison.meta,
        [
            MetaChange::Version { old: 1, new: 2 },
            MetaChange::ChangeNote(TextChange {
                old: old.change_note.clone(),
                new: new.change_note.clone(),
                segments: diff_words(&old.change_note, &new.change_note),
            }),
        ]
    );
    assert!(comparison.flows.added.is_empty());
    assert_eq!(comparison.flows.removed, [removed_flow]);
    assert_eq!(comparison.flows.changed.len(), 1);
    let flow = &comparison.flows.changed[0];
    assert_eq!(flow.id, "leadership");
    assert!(flow.fields.is_empty());
    assert_eq!(flow.steps.added, [added_step]);
    assert!(flow.steps.removed.is_empty());
    let changed: Vec<&str> = flow.steps.changed.iter().map(|s| s.id.as_str()).collect();
    // In the flow's order: the owner step comes before the transfer.
    assert_eq!(changed, ["tag-case-owner", "tier2-transfer"]);
    let owner = &flow.steps.changed[0];
    let [StepFieldChange::Checklist(checklist)] = &owner.fields[..] else {
        panic!("{:?}", owner.fields)
    };
    let old_owner = old.flows.iter().find(|f| f.id == "leadership").unwrap();
    let old_items = &old_owner.step("tag-case-owner").unwrap().checklist;
    assert!(checklist.added.is_empty());
    assert_eq!(checklist.removed, [old_items[1].clone()]);
    assert_eq!(
        checklist.changed,
        [ChecklistItemChange {
            id: "tagged-owner".into(),
            text: Some(TextChange {
                old: old_items[0].text.clone(),
                new: "Tagged the case owner".into(),
                segments: vec![
                    same("Tagged the case owner"),
                    removed(
                        "in the case feed asking them to contact the customer with new updates"
                    ),
                ],
            }),
            source: None,
        }]
    );
    let transfer = &flow.steps.changed[1];
    assert_eq!(
        transfer.title,
        "Warm transfer to \"Phone-HO Tier 2\" and wait 45 seconds"
    );
    assert_eq!(
        transfer.fields,
        [
            StepFieldChange::Title(TextChange {
                old: "Warm transfer to \"Phone-HO Tier 2\" and wait 30 seconds".into(),
                new: transfer.title.clone(),
                segments: vec![
                    same("Warm transfer to \"Phone-HO Tier 2\" and wait"),
                    removed("30"),
                    added("45"),
                    same("seconds"),
                ],
            }),
            StepFieldChange::WaitSeconds {
                old: Some(30),
                new: Some(45)
            },
            StepFieldChange::Choices(ChoiceChanges {
                added: vec![],
                removed: vec![],
                retargeted: vec![Retarget {
                    label: "No response within 30 seconds, or Tier 2 did not accept the concern"
                        .into(),
                    old_to: "explain-voicemail".into(),
                    new_to: "resolution-lead-available".into(),
                }],
            }),
        ]
    );

    let question = &old.questions.questions[0];
    assert!(comparison.questions.added.is_empty() && comparison.questions.removed.is_empty());
    assert_eq!(comparison.questions.changed.len(), 1);
    assert_eq!(comparison.questions.changed[0].id, question.id);
    let explanation = &comparison.questions.changed[0].fields;
    assert_eq!(explanation.len(), 1);
    assert_eq!(explanation[0].path, "explanation");
    assert_eq!(
        explanation[0].change.segments.last(),
        Some(&added("Really."))
    );

    // The SLA defaults, leaf by leaf, worded, fields in alphabetical order;
    // the opening hours by day.
    let sla: Vec<String> = comparison.sla.iter().map(ToString::to_string).collect();
    assert_eq!(
        sla,
        [
            "calendar › hours › Fri: close: 17:00; day: Fri; open: 09:00 → not set",
            "follow up › update within business days: 1 → 2",
        ]
    );

    // The fact moved topic: one change, its topic.
    assert!(comparison.facts.added.is_empty() && comparison.facts.removed.is_empty());
    assert_eq!(
        comparison.facts.changed,
        [ItemChange {
            id: fact.id.clone(),
            fields: vec![ValueChange {
                path: "topic".into(),
                change: TextChange {
                    old: old.reference.topics[0].id.clone(),
                    new: old.reference.topics[1].id.clone(),
                    segments: vec![
                        removed(&old.reference.topics[0].id),
                        added(&old.reference.topics[1].id),
                    ],
                },
            }],
        }]
    );
    assert!(comparison.keywords.is_empty() && comparison.reference_topics.is_empty());
    assert!(comparison.topics.is_empty() && comparison.scenarios.is_empty());

    assert_eq!(
        comparison.headline(),
        "1 flow changed, 1 removed; 2 steps changed, 1 added; 1 question changed; \
         2 SLA defaults changed; 1 reference fact changed; 2 pack details changed"
    );
}
