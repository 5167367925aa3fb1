//! Known answers for packs: the shipped one reads back whole, and each kind
//! of broken pack is refused with every problem named by its place.

use super::*;
use crate::domain::content;
use serde_json::{json, Value};

/// The shipped pack as JSON, to break in one place per test.
fn shipped_value() -> Value {
    serde_json::to_value(shipped_pack_file()).unwrap()
}

/// The problems of a pack, as the UI lists them.
fn problems_of(pack: &Value) -> Vec<String> {
    read_pack(&pack.to_string())
        .map(|_| Vec::new())
        .unwrap_or_else(|problems| problems.iter().map(ToString::to_string).collect())
}

/// The step `step` of flow `flow` in a pack value.
fn step_mut<'a>(pack: &'a mut Value, flow: &str, step: &str) -> &'a mut Value {
    let flow = pack["flows"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == flow)
        .unwrap();
    flow["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["id"] == step)
        .unwrap()
}

#[test]
fn the_shipped_pack_reads_back_as_the_content_the_app_embeds() {
    let file = shipped_pack_file();
    let pack = read_pack(&file.to_json()).unwrap_or_else(|problems| {
        panic!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(pack.flows.flows(), content::flow_list());
    assert_eq!(pack.bank.questions(), content::bank().questions());
    assert_eq!(pack.scanner.keywords(), content::scanner().keywords());
    assert_eq!(&pack.sla, content::sla_defaults());
    assert_eq!(&pack.reference, content::reference());
    assert_eq!(pack.meta.id, "deskaid-homeowner-support");
    assert_eq!(pack.meta.version, 1);
    let docs: Vec<&str> = pack.meta.sources.iter().map(|s| s.doc.as_str()).collect();
    assert_eq!(docs, ["000", "001", "002", "003", "004"]);
}

#[test]
fn a_truncated_or_foreign_file_says_what_it_is() {
    let json = shipped_pack_file().to_json();
    let cut = &json[..json.len() / 2];
    let problems = problems_of_text(cut);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("the file: not readable JSON at line "),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("(it ends too early: the file was probably cut off)"));
    assert_eq!(
        problems_of(&json!({ "flows": [] })),
        ["the file: not a Deskaid pack (it has no \"deskaid_pack\" format number)"]
    );
    assert_eq!(
        problems_of(&json!([1, 2])),
        ["the file: not a Deskaid pack (it is not a JSON object)"]
    );
    let mut newer = shipped_value();
    newer["deskaid_pack"] = json!(3);
    assert_eq!(
        problems_of(&newer),
        ["the file: made by a newer Deskaid (pack format 3); this one reads format 2"]
    );
    let huge = " ".repeat(MAX_PACK_BYTES + 1);
    assert_eq!(
        problems_of_text(&huge),
        ["the file: the pack is 2001 KB, more than the 2000 KB a pack may be"]
    );
}

fn problems_of_text(text: &str) -> Vec<String> {
    read_pack(text)
        .map(|_| Vec::new())
        .unwrap_or_else(|problems| problems.iter().map(ToString::to_string).collect())
}

#[test]
fn every_problem_of_a_broken_pack_is_listed_with_its_place() {
    let mut pack = shipped_value();
    // An unknown field at the top, and one in a step.
    pack["titel"] = json!("typo");
    step_mut(&mut pack, "dsar", "social-login")["colour"] = json!("red");
    let problems = problems_of(&pack);
    assert_eq!(
        problems,
        [
            "field \"titel\": not a field of a pack (misspelt?)",
            "flow \"dsar\": unknown field `colour`, expected one of `id`, `title`, `kind`, `body`, `source`, `more_sources`, `choices`, `checklist`, `wait_seconds`, `note_prompt`, `template`, `fields`, `warning`, `outcome`",
        ]
    );
}

#[test]
fn broken_meaning_is_named_by_flow_step_and_question() {
    let mut pack = shipped_value();
    // A choice leading nowhere.
    step_mut(&mut pack, "leadership", "asked-to-escalate")["choices"][0]["to"] =
        json!("no-such-step");
    // A question with no correct answer.
    let question = pack["questions"]["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|q| q["kind"] == "single")
        .unwrap();
    let question_id = question["id"].as_str().unwrap().to_string();
    question["correct"] = json!([]);
    // A document the pack does not list.
    pack["reference"]["topics"][0]["facts"][0]["source"]["doc"] = json!("009");
    pack["version"] = json!(0);
    pack["published_at"] = json!("yesterday");
    let problems = problems_of(&pack);
    let expect = |needle: &str| {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "no problem with {needle:?} in {problems:#?}"
        )
    };
    expect("field \"version\": starts at 1");
    expect(
        "field \"published_at\": \"yesterday\" is not a date and time such as 2026-12-04T09:00:00Z",
    );
    expect("flow \"leadership\", step \"asked-to-escalate\": ");
    expect("no-such-step");
    expect(&format!(
        "questions: question {question_id}: needs at least one correct answer"
    ));
    expect("reference: fact \"general\": source doc 009, lines 9-16: document \"009\" is not among the pack's sources");
}

#[test]
fn a_pack_names_itself_by_title_version_and_day() {
    let mut meta = content::pack_meta().clone();
    assert_eq!(
        meta.label(),
        "Homeowner support: escalations, SLAs and training, version 1 of 2026-12-04"
    );
    meta.published_at = "soon".to_string();
    meta.version = 3;
    assert_eq!(
        meta.label(),
        "Homeowner support: escalations, SLAs and training, version 3 of soon"
    );
}

#[test]
fn a_fingerprint_is_fnv_1a_64_as_the_build_computes_it() {
    // The same known answers as scripts/tests/patch.test.mjs.
    assert_eq!(fingerprint(""), "cbf29ce484222325");
    assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    assert_ne!(
        fingerprint(&shipped_pack_file().to_json()),
        fingerprint(&shipped_pack_file().to_json().replace("Deskaid", "Deskaid!"))
    );
}

#[test]
fn the_shipped_pack_split_into_parts_reads_as_the_same_content() {
    let parts = split_pack(&shipped_pack_file().to_json()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(&parts.meta, content::pack_meta());
    let flows: Vec<crate::domain::flow::Flow> = serde_json::from_str(parts.flows.get()).unwrap();
    assert_eq!(flows, content::flow_list());
    assert_eq!(
        crate::domain::quiz::Bank::from_json(parts.questions.get())
            .unwrap()
            .questions(),
        content::bank().questions()
    );
    // A file that is not a pack is refused before any part is kept.
    assert!(split_pack("{\"deskaid_pack\": 1}").is_err());
    assert!(split_pack(&shipped_pack_file().to_json()[..500]).is_err());
}

/// The shipped pack as a format 1 file: its documents without their lengths.
fn as_format_1(mut pack: Value) -> Value {
    pack["deskaid_pack"] = json!(1);
    for source in pack["sources"].as_array_mut().unwrap() {
        source.as_object_mut().unwrap().remove("lines");
    }
    pack
}

#[test]
fn a_format_1_pack_reads_as_the_same_content_with_its_documents_lengths() {
    let old = as_format_1(shipped_value());
    let pack = read_pack(&old.to_string()).unwrap_or_else(|problems| panic!("{problems:?}"));
    let current = read_pack(&shipped_pack_file().to_json()).unwrap();
    assert_eq!(pack.meta, current.meta);
    assert_eq!(pack.flows.flows(), current.flows.flows());
    assert_eq!(pack.bank.questions(), current.bank.questions());
    let lengths: Vec<u32> = pack.meta.sources.iter().map(|s| s.lines).collect();
    assert_eq!(lengths, [47, 74, 108, 112, 110]);
    // The file a draft is written in is the current format.
    let file = read_pack_file(&old.to_string()).unwrap();
    assert_eq!(file.deskaid_pack, PACK_FORMAT);
    assert_eq!(file, shipped_pack_file());
    // Only the current format is read part by part (the shipped pack is).
    assert!(split_pack(&old.to_string()).is_err());

    let mut foreign = as_format_1(shipped_value());
    foreign["sources"][0]["doc"] = json!("005");
    let problems = problems_of(&foreign);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "field \"sources\": document \"005\" is not one a format 1 pack could cite"
        ),
        "{problems:?}"
    );
}

#[test]
fn a_pack_cites_its_own_documents_within_their_length() {
    let mut pack = shipped_value();
    pack["sources"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "doc": "team-7", "title": "Team 7 desk notes", "lines": 20 }));
    step_mut(&mut pack, "leadership", "asked-to-escalate")["source"] =
        json!({ "doc": "team-7", "lines": "3-4" });
    assert_eq!(problems_of(&pack), Vec::<String>::new());
    step_mut(&mut pack, "leadership", "asked-to-escalate")["source"] =
        json!({ "doc": "team-7", "lines": "18-21" });
    pack["sla"]["attempts"]["source"] = json!({ "doc": "004", "lines": "111" });
    assert_eq!(
        problems_of(&pack),
        [
            "flow \"leadership\", step \"asked-to-escalate\": source doc team-7, lines 18-21: line 21 is past the end of document team-7 (20 lines)",
            "SLA defaults: source doc 004, line 111: line 111 is past the end of document 004 (110 lines)",
        ]
    );
}

#[test]
fn unknown_fields_are_named_in_questions_the_reference_and_the_sla_defaults() {
    let mut pack = shipped_value();
    pack["questions"]["questions"][0]["hint"] = json!("typo");
    pack["reference"]["topics"][0]["facts"][0]["note"] = json!("typo");
    pack["sla"]["general"]["resolution_days"] = json!(4);
    pack["sla"]["calendar"]["hours"][0]["opens"] = json!("09:00");
    let problems = problems_of(&pack);
    let question = pack["questions"]["questions"][0]["id"].as_str().unwrap();
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].starts_with(&format!(
        "questions: question \"{question}\": unknown field `hint`"
    )));
    assert_eq!(
        problems[1],
        "SLA defaults: \"calendar.hours.1.opens\" is not a field of the SLA defaults (misspelt?)"
    );
    assert_eq!(
        problems[2],
        "SLA defaults: \"general.resolution_days\" is not a field of the SLA defaults (misspelt?)"
    );
    assert!(
        problems[3].starts_with("reference: unknown field `note`"),
        "{problems:#?}"
    );
}
