//! Known answers for authoring: a flow and questions written from nothing
//! on top of the shipped pack publish as a pack the app reads back.

use super::*;
use crate::domain::flow::StepKind;
use crate::domain::pack::{read_pack, shipped_pack_file, PackFile, Place};
use crate::domain::quiz::QuestionKind;
use chrono::{TimeZone, Utc};

fn noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap()
}

/// A 3-step flow with a timer and a template, written as an author would.
fn write_callback_flow(pack: &mut PackFile) -> String {
    let id = add_flow(pack);
    let flow = pack.flows.iter_mut().find(|f| f.id == id).unwrap();
    flow.title = "Call back a homeowner".into();
    flow.summary = "When a homeowner asks to be called back.".into();
    flow.audience = "Tier 1 agents".into();
    flow.source.lines = "43-47".into();
    let start = &mut flow.steps[0];
    start.title = "Is the homeowner on the line?".into();
    start.source.lines = "43".into();
    let wait = add_choice_to_new_step(flow, 0, StepKind::Action).unwrap();
    let done = add_choice_to_new_step(flow, 0, StepKind::Outcome).unwrap();
    flow.steps[0].choices[0].label = "Yes".into();
    flow.steps[0].choices[1].label = "No".into();
    let wait_step = flow.steps.iter_mut().find(|s| s.id == wait).unwrap();
    wait_step.title = "Hold for the Tier 2 lead".into();
    wait_step.wait_seconds = Some(120);
    wait_step.template = Some("Held {minutes} minutes for the lead.".into());
    wait_step.choices.push(crate::domain::flow::Choice {
        label: "Lead answered".into(),
        to: done.clone(),
    });
    let done_step = flow.steps.iter_mut().find(|s| s.id == done).unwrap();
    done_step.title = "Call back promised".into();
    done_step.outcome = Some("Call back promised".into());
    id
}

fn write_two_questions(pack: &mut PackFile) -> (String, String) {
    let single = add_question(pack, QuestionKind::Single);
    let ordering = add_question(pack, QuestionKind::Ordering);
    for question in &mut pack.questions.questions {
        if question.id == single {
            question.prompt = "Who takes a warm transfer first?".into();
            question.choices[0].text = "The Tier 2 lead".into();
            question.choices[1].text = "The account manager".into();
            mark_correct(question, "a", true);
            question.explanation = "The lead takes it first.".into();
        } else if question.id == ordering {
            question.prompt = "Put the steps in order.".into();
            question.choices[0].text = "Hold".into();
            question.choices[1].text = "Promise a call back".into();
            question.explanation = "Hold first, then promise.".into();
        }
    }
    (single, ordering)
}

#[test]
fn a_flow_and_questions_written_from_nothing_publish_and_read_back() {
    let mut pack = shipped_pack_file();
    let flow = write_callback_flow(&mut pack);
    let (single, ordering) = write_two_questions(&mut pack);
    assert_eq!(draft_problems(&pack), vec![]);
    let published = publish(&pack, "Adds the call-back flow.", noon()).unwrap();
    assert_eq!(published.version, pack.version + 1);
    assert_eq!(published.published_at, "2026-12-07T12:00:00Z");
    let read = read_pack(&published.to_json()).expect("the app reads what was published");
    assert!(read.flows.flow(&flow).is_some());
    assert!(read.bank.question(&single).is_some());
    let order = &read.bank.question(&ordering).unwrap().correct;
    assert_eq!(order, &vec!["a".to_string(), "b".to_string()]);
}

#[test]
fn publishing_needs_a_change_note_and_no_problems() {
    let mut pack = shipped_pack_file();
    assert_eq!(
        publish(&pack, "  ", noon()),
        Err(PublishError::NoChangeNote)
    );
    let id = add_flow(&mut pack);
    let Err(PublishError::Problems(problems)) = publish(&pack, "New flow", noon()) else {
        panic!("an empty flow cannot be published");
    };
    assert!(problems
        .iter()
        .all(|p| matches!(&p.place, Place::Flow { flow, .. } if *flow == id)));
    assert!(!problems.is_empty());
}

#[test]
fn a_choice_to_a_missing_step_is_a_problem_of_its_step() {
    let mut pack = shipped_pack_file();
    let id = write_callback_flow(&mut pack);
    let flow = pack.flows.iter_mut().find(|f| f.id == id).unwrap();
    flow.steps[0].choices[0].to = "nowhere".into();
    let problems = draft_problems(&pack);
    assert!(
        problems.iter().any(|p| p.place
            == Place::Flow {
                flow: id.clone(),
                step: Some("start".into())
            }
            && p.message.contains("nowhere")),
        "{problems:?}"
    );
}

#[test]
fn renaming_a_step_follows_its_links_and_refuses_a_taken_id() {
    let mut pack = shipped_pack_file();
    let id = write_callback_flow(&mut pack);
    let flow = pack.flows.iter_mut().find(|f| f.id == id).unwrap();
    assert_eq!(
        rename_step(flow, 1, "step-2"),
        Err(RenameError::Taken("step of this flow"))
    );
    assert_eq!(rename_step(flow, 1, "Hold!"), Err(RenameError::NotAnId));
    rename_step(flow, 1, "hold").unwrap();
    rename_step(flow, 0, "on-the-line").unwrap();
    assert_eq!(flow.start, "on-the-line");
    assert_eq!(flow.steps[0].choices[0].to, "hold");
    assert_eq!(draft_problems(&pack), vec![]);
}

#[test]
fn removing_a_step_removes_the_choices_to_it() {
    let mut pack = shipped_pack_file();
    let id = write_callback_flow(&mut pack);
    let flow = pack.flows.iter_mut().find(|f| f.id == id).unwrap();
    remove_step(flow, 1);
    assert_eq!(flow.steps[0].choices.len(), 1);
    assert_eq!(flow.steps[0].choices[0].label, "No");
}

#[test]
fn changing_a_question_kind_keeps_what_fits() {
    let mut pack = shipped_pack_file();
    let id = add_question(&mut pack, QuestionKind::Multiple);
    let question = pack
        .questions
        .questions
        .iter_mut()
        .find(|q| q.id == id)
        .unwrap();
    add_choice_to(question);
    mark_correct(question, "c", true);
    mark_correct(question, "a", true);
    assert_eq!(question.correct, vec!["a", "c"]);
    set_question_kind(question, QuestionKind::Single);
    assert_eq!(question.correct, vec!["a"]);
    mark_correct(question, "b", true);
    assert_eq!(question.correct, vec!["b"]);
    set_question_kind(question, QuestionKind::PickAny);
    assert_eq!(question.pick, Some(1));
    set_question_kind(question, QuestionKind::Ordering);
    assert_eq!(question.correct, vec!["a", "b", "c"]);
    assert_eq!(question.pick, None);
    move_choice(question, 2, Direction::Up);
    assert_eq!(question.correct, vec!["a", "c", "b"]);
    remove_choice(question, 0);
    assert_eq!(question.correct, vec!["c", "b"]);
    set_question_kind(question, QuestionKind::FillIn);
    assert!(question.choices.is_empty() && question.correct.is_empty());
}

#[test]
fn duplicates_and_new_items_get_ids_of_their_own() {
    let mut pack = shipped_pack_file();
    let first = add_question(&mut pack, QuestionKind::Single);
    let second = add_question(&mut pack, QuestionKind::Single);
    assert_eq!(
        (first.as_str(), second.as_str()),
        ("question", "question-2")
    );
    let index = pack.questions.questions.len() - 2;
    let copy = duplicate_question(&mut pack, index).unwrap();
    assert_eq!(copy, "question-copy");
    assert_eq!(pack.questions.questions[index + 1].id, copy);
    assert_eq!(add_flow(&mut pack), "new-flow");
    assert_eq!(add_flow(&mut pack), "new-flow-2");
}

#[test]
fn moving_an_item_stops_at_either_end() {
    let mut items = vec![1, 2, 3];
    assert_eq!(move_item(&mut items, 0, Direction::Up), 0);
    assert_eq!(move_item(&mut items, 0, Direction::Down), 1);
    assert_eq!(items, vec![2, 1, 3]);
    assert_eq!(move_item(&mut items, 2, Direction::Down), 2);
}

#[test]
fn a_new_keyword_is_a_problem_until_it_has_a_label_an_explanation_and_phrases() {
    let mut pack = shipped_pack_file();
    let id = add_keyword(&mut pack);
    assert_eq!(id, "keyword");
    let problems = draft_problems(&pack);
    assert!(
        problems
            .iter()
            .any(|p| p.place == Place::Keywords && p.message.starts_with("keyword \"keyword\":")),
        "{problems:?}"
    );
    let keyword = pack.keywords.keywords.last_mut().unwrap();
    keyword.label = "Ombudsman".into();
    keyword.explanation = "A complaint to an ombudsman is reviewed further.".into();
    keyword.phrases = vec!["ombudsman".into(), "ombudsmen".into()];
    keyword.source.lines = "10".into();
    assert_eq!(draft_problems(&pack), vec![]);
}

#[test]
fn a_new_document_needs_a_title_before_items_cite_its_lines() {
    let mut pack = shipped_pack_file();
    let index = add_document(&mut pack);
    assert_eq!(pack.sources[index].doc, "doc");
    assert_eq!(
        draft_problems(&pack)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["field \"sources\": document \"doc\" needs a title saying what the document is"]
    );
    pack.sources[index].doc = "team-7".into();
    pack.sources[index].title = "Team 7 desk notes".into();
    pack.sources[index].lines = 12;
    pack.questions.questions[0].source = Some(crate::domain::source::SourceRef {
        doc: "team-7".into(),
        lines: "13".into(),
    });
    let question = pack.questions.questions[0].id.clone();
    let problems = draft_problems(&pack);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].place, Place::Questions);
    assert_eq!(
        problems[0].message,
        format!("question {question}: source doc team-7, line 13: line 13 is past the end of document team-7 (12 lines)")
    );
    pack.sources[index].lines = 13;
    assert_eq!(draft_problems(&pack), vec![]);
}

#[test]
fn a_topic_or_scenario_renamed_takes_its_questions_along_and_a_taken_id_is_refused() {
    let mut pack = shipped_pack_file();
    let first = pack.questions.topics[0].id.clone();
    let second = pack.questions.topics[1].id.clone();
    let in_first = pack
        .questions
        .questions
        .iter()
        .filter(|q| q.topic == first)
        .count();
    assert!(in_first > 0);
    assert_eq!(
        rename_topic(&mut pack, 0, &second),
        Err(RenameError::Taken("topic"))
    );
    assert_eq!(
        rename_topic(&mut pack, 0, "Deadlines!"),
        Err(RenameError::NotAnId)
    );
    rename_topic(&mut pack, 0, "first-contact").unwrap();
    let moved = pack
        .questions
        .questions
        .iter()
        .filter(|q| q.topic == "first-contact")
        .count();
    assert_eq!(moved, in_first);
    assert_eq!(draft_problems(&pack), vec![]);

    let index = add_topic(&mut pack);
    assert_eq!(pack.questions.topics[index].id, "topic");
    assert!(draft_problems(&pack)
        .iter()
        .any(|p| p.message == "topic topic: title is empty"));
    pack.questions.topics[index].title = "Call-backs".into();

    let scenario = add_scenario(&mut pack);
    pack.questions.scenarios[scenario].title = "A call back".into();
    pack.questions.scenarios[scenario].text = "The homeowner asks to be called back.".into();
    pack.questions.questions[0].scenario = Some("scenario".into());
    rename_scenario(&mut pack, scenario, "call-back").unwrap();
    assert_eq!(
        pack.questions.questions[0].scenario.as_deref(),
        Some("call-back")
    );
    assert_eq!(draft_problems(&pack), vec![]);
}

#[test]
fn renaming_every_document_carries_every_citation_with_it() {
    let mut pack = shipped_pack_file();
    let olds: Vec<String> = pack.sources.iter().map(|s| s.doc.clone()).collect();
    for (index, old) in olds.iter().enumerate() {
        assert_eq!(
            rename_document(&mut pack, index, &format!("SOP-{old}")),
            Ok(())
        );
    }
    // A citation left behind would cite a document the pack no longer lists.
    let problems = crate::domain::pack::check_pack_file(pack.clone()).err();
    assert_eq!(problems, None);
    let json = pack.to_json();
    for old in &olds {
        assert!(!json.contains(&format!("\"doc\": \"{old}\"")), "{old}");
    }
}

#[test]
fn a_document_rename_to_a_taken_or_spaced_id_is_refused_and_changes_nothing() {
    let mut pack = shipped_pack_file();
    let before = pack.clone();
    let other = pack.sources[1].doc.clone();
    assert_eq!(
        rename_document(&mut pack, 0, &other),
        Err(RenameError::Taken("document"))
    );
    assert_eq!(
        rename_document(&mut pack, 0, "SOP 4"),
        Err(RenameError::NotADocumentId)
    );
    assert_eq!(
        rename_document(&mut pack, 0, ""),
        Err(RenameError::NotADocumentId)
    );
    assert_eq!(pack, before);
}
