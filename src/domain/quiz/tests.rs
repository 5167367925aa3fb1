//! Tests of the shipped question bank as a whole: it validates, covers the
//! training Q&A, follows the current SOP and links where it should.

use super::testing::shipped_bank;
use super::*;
use crate::domain::content;

fn questions_from(bank: &Bank, doc: &str) -> usize {
    bank.questions()
        .iter()
        .filter(|q| q.source.as_ref().is_some_and(|s| s.doc == doc))
        .count()
}

#[test]
fn shipped_bank_parses_validates_and_is_big_enough() {
    let bank = shipped_bank();
    assert!(bank.questions().len() >= 70, "{}", bank.questions().len());
    assert_eq!(bank.questions().len(), 90);
    for doc in ["000", "002", "003", "004"] {
        assert!(questions_from(&bank, doc) >= 8, "doc {doc}");
    }
    for topic in bank.topics() {
        assert!(
            bank.questions().iter().any(|q| q.topic == topic.id),
            "topic {} has no questions",
            topic.id
        );
    }
}

#[test]
fn every_prompt_of_the_training_qa_has_a_question() {
    let bank = shipped_bank();
    assert_eq!(questions_from(&bank, "001"), 33);
    // One question per prompt of 001 (line of the prompt in the comment).
    let per_prompt = [
        "q001-complaint-sources",           // 1
        "q001-contact-info-location",       // 5
        "q001-regulatory-case-definition",  // 7
        "q001-initial-contact-general",     // 9
        "q001-include-it",                  // 12
        "q001-resolution-times",            // 15
        "q001-customer-complaint-location", // 19
        "q001-high-priority-cases",         // 21
        "q001-initial-contact-executive",   // 26
        "q001-real-time-updates",           // 29
        "q001-credit-limit",                // 31
        "q001-next-action-column",          // 33
        "q001-dual-vs-task",                // 35
        "q001-initial-contact-regulatory",  // 38
        "q001-grandfathered-package",       // 40
        "q001-primary-metrics",             // 43
        "q001-ticket-statuses",             // 48
        "q001-esl-vs-esli",                 // 55
        "q001-end-of-shift-best-practice",  // 58
        "q001-nod-leadership-approval",     // 60-62, answers without a prompt
        "q001-cxso-location",               // 63
        "q001-dual-assignment-location",    // 65
        "q001-initial-contact-directions",  // 68
        "q001-case-types-worked",           // 71
    ];
    for id in per_prompt {
        let question = bank.question(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(question.source.as_ref().unwrap().doc, "001", "{id}");
    }
    let include_it = bank.question("q001-include-it").unwrap();
    assert_eq!(
        score(include_it, &AnswerGiven::Text("include   it!".into())).verdict,
        Verdict::Correct
    );
    let sources = bank.question("q001-complaint-sources").unwrap();
    assert_eq!(sources.kind, QuestionKind::PickAny);
    assert_eq!(sources.pick, Some(2));
}

#[test]
fn the_current_sop_wins_on_the_transfer_order() {
    let bank = shipped_bank();
    let changed = bank.question("q002-transfer-order-changed").unwrap();
    assert_eq!(changed.correct, ["phone-ho-then-lead"]);
    let order = bank.question("q004-transfer-order").unwrap();
    assert_eq!(order.kind, QuestionKind::Ordering);
    let position = |id: &str| order.correct.iter().position(|c| c == id);
    let (Some(phone_ho), Some(lead)) = (position("phone-ho"), position("resolution-lead")) else {
        panic!("both transfers are in the order: {:?}", order.correct);
    };
    assert!(phone_ho < lead, "{:?}", order.correct);
}

#[test]
fn shipped_links_are_well_formed_and_point_at_known_targets() {
    let bank = shipped_bank();
    let known = |target: &LinkTarget| content::link_exists(content::flows(), target);
    assert_eq!(bank.check_links(known), Ok(()));
    let error = bank.check_links(|_| false).unwrap_err();
    assert!(error
        .problems
        .contains(&"question q001-initial-contact-general: link \"sla:general-initial-contact\" points nowhere".to_string()));
}

#[test]
fn every_question_that_leans_on_a_case_study_shows_its_scenario() {
    // Words that only make sense with the case in front of the trainee.
    let needs_context = |prompt: &str| {
        let lower = prompt.to_lowercase();
        prompt
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "Ron")
            || ["the email", "the case study", "this case", "the agent"]
                .iter()
                .any(|phrase| lower.contains(phrase))
    };
    let bank = shipped_bank();
    let orphans: Vec<&str> = bank
        .questions()
        .iter()
        .filter(|q| needs_context(&q.prompt) && q.scenario.is_none())
        .map(|q| q.id.as_str())
        .collect();
    assert!(orphans.is_empty(), "no scenario: {orphans:?}");
}
