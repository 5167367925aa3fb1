//! Bank validation names the question and the fix; links parse and print back.

use crate::domain::quiz::testing::*;
use crate::domain::quiz::*;

fn bank_problems(json: &str) -> Vec<String> {
    Bank::from_json(json).unwrap_err().problems
}

#[test]
fn a_missing_correct_choice_is_named_with_its_question() {
    let json = with_question(
        r#"{"id": "q-12", "topic": "t", "kind": "single", "prompt": "?", "explanation": "!",
            "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": ["c"]}"#,
    );
    assert_eq!(
        bank_problems(&json),
        ["question q-12: correct choice \"c\" does not exist"]
    );
}

#[test]
fn bank_errors_name_the_question_and_the_fix() {
    let json = r#"{
      "topics": [{"id": "t", "title": "T"}],
      "questions": [
        {"id": "dup", "topic": "t", "kind": "fill-in", "prompt": "?", "explanation": "!", "accepted": ["x"]},
        {"id": "dup", "topic": "nope", "kind": "fill-in", "prompt": "?", "explanation": "!", "accepted": []},
        {"id": "two", "topic": "t", "kind": "single", "prompt": "?", "explanation": "!",
         "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": ["a", "b"]},
        {"id": "ord", "topic": "t", "kind": "ordering", "prompt": "?", "explanation": "!",
         "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": ["a"]},
        {"id": "many", "topic": "t", "kind": "pick-any", "pick": 3, "prompt": "?", "explanation": "!",
         "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": ["a", "b"]},
        {"id": "lnk", "topic": "t", "kind": "fill-in", "prompt": "?", "explanation": "!", "accepted": ["x"],
         "link": "flow:dsar", "source": {"doc": "004", "lines": "20-2"}},
        {"id": "none", "topic": "t", "kind": "multiple", "prompt": "?", "explanation": "!",
         "choices": [{"id": "a", "text": "A"}, {"id": "a", "text": "A again"}]}
      ]
    }"#;
    assert_eq!(
        bank_problems(json),
        [
            "question dup: id is used twice",
            "question dup: topic \"nope\" is not declared",
            "question dup: fill-in needs at least one accepted answer",
            "question two: single-choice questions have exactly one correct choice, found 2",
            "question ord: ordering questions list every choice once in \"correct\", in the right order",
            "question many: asks to pick 3 but only 2 choices are correct",
            "question lnk: link \"flow:dsar\" is not \"flow:<flow-id>/<step-id>\" or \"sla:<rule-id>\"",
            "question lnk: source bad line range \"20-2\" (use \"12\" or \"12-15\")",
            "question none: choice \"a\" is listed twice",
            "question none: needs at least one correct answer",
        ]
    );
}

#[test]
fn malformed_json_and_missing_sources_are_reported() {
    let problems = bank_problems("{\"topics\": [");
    assert!(
        problems[0].starts_with("the bank is not valid JSON"),
        "{problems:?}"
    );
    let bundle = format!("{{\"small.toml\": {SMALL_BANK}}}");
    let error = Bank::from_bundle_json(&bundle).unwrap_err();
    assert!(error
        .problems
        .contains(&"question a1: source is missing".to_string()));
}

#[test]
fn links_parse_and_print_back() {
    let flow = LinkTarget::parse("flow:dsar/verify-identity").unwrap();
    assert_eq!(
        flow,
        LinkTarget::FlowStep {
            flow: "dsar".into(),
            step: "verify-identity".into()
        }
    );
    assert_eq!(flow.to_string(), "flow:dsar/verify-identity");
    assert_eq!(
        LinkTarget::parse("sla:follow-up-one-day")
            .unwrap()
            .to_string(),
        "sla:follow-up-one-day"
    );
    assert!(LinkTarget::parse("sla:").is_err());
    assert!(LinkTarget::parse("http://x").is_err());
    assert!(LinkTarget::parse("flow:Dsar/x").is_err());
}

#[test]
fn custom_bank_round_trips_through_its_json_form() {
    let bank = small_bank();
    assert_eq!(Bank::from_json(&bank.to_json()).unwrap(), bank);
}
