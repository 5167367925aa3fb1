//! Tests across the quiz modules: the shipped bank, bank errors, sessions,
//! progress and trainer links.

use super::*;
use crate::domain::content;
use chrono::{DateTime, Duration, FixedOffset, TimeZone};

/// The shipped bank, as the app loads it from build.rs's bundle (links checked).
fn shipped_bank() -> Bank {
    let flows = content::load_flows().unwrap();
    content::load_bank(&flows).unwrap_or_else(|e| panic!("shipped bank invalid:\n{}", e.join("\n")))
}

fn questions_from(bank: &Bank, doc: &str) -> usize {
    bank.questions()
        .iter()
        .filter(|q| q.source.as_ref().is_some_and(|s| s.doc == doc))
        .count()
}

/// Local time in a US Eastern winter offset, where the learners are.
fn at(d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
    FixedOffset::west_opt(5 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 3, d, h, min, 0)
        .unwrap()
}

const SMALL_BANK: &str = r#"{
  "topics": [{"id": "alpha", "title": "Alpha"}, {"id": "beta", "title": "Beta"}],
  "questions": [
    {"id": "a1", "topic": "alpha", "kind": "single", "prompt": "Pick y",
     "choices": [{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}, {"id": "z", "text": "Z"}],
     "correct": ["y"], "explanation": "Y it is."},
    {"id": "a2", "topic": "alpha", "kind": "multiple", "prompt": "Pick p and q",
     "choices": [{"id": "p", "text": "P"}, {"id": "q", "text": "Q"}, {"id": "r", "text": "R"}, {"id": "s", "text": "S"}],
     "correct": ["p", "q"], "explanation": "P and Q."},
    {"id": "a3", "topic": "alpha", "kind": "fill-in", "prompt": "If you touched it ...",
     "accepted": ["Include it"], "explanation": "Include it."},
    {"id": "b1", "topic": "beta", "kind": "ordering", "prompt": "Order them",
     "choices": [{"id": "one", "text": "1"}, {"id": "two", "text": "2"}, {"id": "three", "text": "3"}],
     "correct": ["one", "two", "three"], "explanation": "1, 2, 3."},
    {"id": "b2", "topic": "beta", "kind": "pick-any", "pick": 2, "prompt": "Name two",
     "choices": [{"id": "m", "text": "M"}, {"id": "n", "text": "N"}, {"id": "o", "text": "O"}, {"id": "w", "text": "W"}],
     "correct": ["m", "n", "o"], "explanation": "Any two of M, N, O."},
    {"id": "b3", "topic": "beta", "kind": "single", "prompt": "Pick x",
     "choices": [{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}],
     "correct": ["x"], "explanation": "X.", "source": {"doc": "001", "lines": "1-4"}}
  ]
}"#;

fn small_bank() -> Bank {
    Bank::from_json(SMALL_BANK).unwrap()
}

fn picks(ids: &[&str]) -> AnswerGiven {
    AnswerGiven::Choices(ids.iter().map(|s| s.to_string()).collect())
}

fn right_answer(question: &Question) -> AnswerGiven {
    match question.kind {
        QuestionKind::FillIn => AnswerGiven::Text(question.accepted[0].clone()),
        QuestionKind::Ordering => AnswerGiven::Order(question.correct.clone()),
        QuestionKind::PickAny => {
            AnswerGiven::Choices(question.correct[..question.pick.unwrap()].to_vec())
        }
        _ => AnswerGiven::Choices(question.correct.clone()),
    }
}

fn exam_spec(count: usize) -> QuizSpec {
    QuizSpec {
        mode: QuizMode::Exam,
        count: Some(count),
        seed: Some(7),
        ..QuizSpec::default()
    }
}

/// The small bank, no progress yet, and a session of `spec` started at 09:00
/// on the 4th: the start of most session tests.
fn started(spec: QuizSpec) -> (Bank, Progress, QuizSession) {
    let bank = small_bank();
    let progress = Progress::default();
    let session = QuizSession::start(&bank, &progress, spec, at(4, 9, 0)).unwrap();
    (bank, progress, session)
}

// ---- the shipped bank ----

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
    let phone_ho = order.correct.iter().position(|id| id == "phone-ho");
    let lead = order.correct.iter().position(|id| id == "resolution-lead");
    assert!(phone_ho < lead);
}

#[test]
fn shipped_links_are_well_formed_and_point_at_known_targets() {
    let bank = shipped_bank();
    let flows = content::load_flows().unwrap();
    let known = |target: &LinkTarget| content::link_exists(&flows, target);
    assert_eq!(bank.check_links(known), Ok(()));
    let error = bank.check_links(|_| false).unwrap_err();
    assert!(error
        .problems
        .contains(&"question q001-initial-contact-general: link \"sla:general-initial-contact\" points nowhere".to_string()));
}

// ---- bank validation ----

fn bank_problems(json: &str) -> Vec<String> {
    Bank::from_json(json).unwrap_err().problems
}

fn with_question(question: &str) -> String {
    format!(
        r#"{{"topics": [{{"id": "t", "title": "T"}}], "questions": [{}]}}"#,
        question
    )
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
         "link": "flow:dsar", "source": {"doc": "004", "lines": "200"}},
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
            "question lnk: source line 200 is past the end of document 004 (110 lines)",
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

// ---- shuffling and selection ----

#[test]
fn seeded_shuffle_gives_an_exact_order() {
    let mut items: Vec<u32> = (0..8).collect();
    shuffle(&mut items, 42);
    assert_eq!(items, [4, 3, 2, 0, 7, 6, 1, 5]);
    let bank = small_bank();
    assert_eq!(
        select_questions(&bank, &[], None, 42),
        ["a3", "b3", "b1", "a2", "a1", "b2"]
    );
    assert_ne!(
        select_questions(&bank, &[], None, 43),
        select_questions(&bank, &[], None, 42)
    );
    assert_eq!(
        select_questions(&bank, &["beta".to_string()], Some(2), 42),
        ["b2", "b1"]
    );
}

#[test]
fn option_order_is_stable_per_question_and_ordering_never_starts_solved() {
    let bank = small_bank();
    let progress = Progress::default();
    let session = QuizSession::start(&bank, &progress, exam_spec(6), at(4, 9, 0)).unwrap();
    let reloaded: QuizSession =
        serde_json::from_str(&serde_json::to_string(&session).unwrap()).unwrap();
    let a2 = bank.question("a2").unwrap();
    let ids = |s: &QuizSession| -> Vec<String> {
        s.choice_order(a2).iter().map(|c| c.id.clone()).collect()
    };
    assert_eq!(ids(&session), ids(&reloaded));
    for seed in 0..50 {
        let spec = QuizSpec {
            seed: Some(seed),
            ..exam_spec(6)
        };
        let s = QuizSession::start(&bank, &progress, spec, at(4, 9, 0)).unwrap();
        let b1 = bank.question("b1").unwrap();
        let shown: Vec<&str> = s.choice_order(b1).iter().map(|c| c.id.as_str()).collect();
        assert_ne!(shown, ["one", "two", "three"], "seed {seed}");
    }
}

// ---- sessions ----

#[test]
fn practice_gives_feedback_at_once_and_locks_answers() {
    let (bank, mut progress, mut session) = started(QuizSpec {
        seed: Some(42),
        ..QuizSpec::default()
    });
    assert_eq!(session.current_id(), "a3");
    let feedback = session
        .submit(
            &bank,
            &mut progress,
            AnswerGiven::Text("exclude it".into()),
            at(4, 9, 1),
        )
        .unwrap();
    assert_eq!(feedback.map(|s| s.verdict), Some(Verdict::Incorrect));
    assert_eq!(
        session.submit(&bank, &mut progress, picks(&["x"]), at(4, 9, 2)),
        Err(SessionError::AlreadyAnswered)
    );
    assert_eq!(progress.questions["a3"].attempts, 1);
    assert_eq!(progress.missed_ids(&bank), ["a3"]);
    session.advance(at(4, 9, 3)).unwrap();
    assert_eq!(session.current_id(), "b3");
}

#[test]
fn exam_back_changes_answers_and_finish_scores_per_topic() {
    let (bank, mut progress, mut session) = started(exam_spec(6));
    let order = session.order().to_vec();
    assert_eq!(order, ["b3", "b2", "a2", "b1", "a1", "a3"]);
    assert_eq!(session.back(at(4, 9, 0)), Err(SessionError::AtStart));
    // a1 wrong at first, b3 right, a3 right, b2 half, a2 skipped, b1 one of three in place.
    let first_answer = |id: &str| match id {
        "a1" => Some(picks(&["x"])),
        "b3" => Some(picks(&["x"])),
        "a3" => Some(AnswerGiven::Text("include it!".into())),
        "b2" => Some(picks(&["m", "w", "n", "o"])),
        "b1" => Some(AnswerGiven::Order(vec![
            "one".into(),
            "three".into(),
            "two".into(),
        ])),
        _ => None,
    };
    for minute in 0..6 {
        if let Some(answer) = first_answer(session.current_id()) {
            let feedback = session
                .submit(&bank, &mut progress, answer, at(4, 9, minute))
                .unwrap();
            assert_eq!(feedback, None, "exams give feedback at the end");
        }
        if minute < 5 {
            session.advance(at(4, 9, minute)).unwrap();
        }
    }
    assert_eq!(session.advance(at(4, 9, 6)), Err(SessionError::AtEnd));
    // Back walks the shuffled order in reverse, to a1, whose answer is fixed.
    session.back(at(4, 9, 7)).unwrap();
    assert_eq!(session.current_id(), "a1");
    session.back(at(4, 9, 7)).unwrap();
    assert_eq!(session.current_id(), "b1");
    session.advance(at(4, 9, 7)).unwrap();
    session
        .submit(&bank, &mut progress, picks(&["y"]), at(4, 9, 8))
        .unwrap();
    assert!(progress.questions.is_empty(), "exams record at the end");

    let result = session.finish(&bank, &mut progress, at(4, 9, 10)).unwrap();
    assert_eq!((result.total, result.answered), (6, 5));
    // a1 1 + b3 1 + a3 1 + b2 (2 right capped, 1 wrong)/2 = 0.5 + a2 0 + b1 1/3.
    let expected = (3.5 + 1.0 / 3.0) * 100.0 / 6.0;
    assert!(
        (result.percent - expected).abs() < 1e-9,
        "{}",
        result.percent
    );
    assert_eq!(result.passed, Some(false));
    assert!(!result.timed_out);
    let topics: Vec<(&str, f64, usize)> = result
        .per_topic
        .iter()
        .map(|t| (t.topic.as_str(), t.earned, t.possible))
        .collect();
    assert_eq!(topics[0], ("alpha", 2.0, 3));
    assert_eq!(topics[1].0, "beta");
    assert!((topics[1].1 - (1.5 + 1.0 / 3.0)).abs() < 1e-9);
    let b2 = result
        .per_question
        .iter()
        .find(|r| r.question_id == "b2")
        .unwrap();
    assert_eq!(b2.score.map(|s| s.verdict), Some(Verdict::Partial));
    let a2 = result
        .per_question
        .iter()
        .find(|r| r.question_id == "a2")
        .unwrap();
    assert_eq!(a2.score, None);

    assert_eq!(progress.exams.len(), 1);
    assert_eq!(progress.exams[0].question_count, 6);
    assert_eq!(progress.exams[0].topics, ["alpha", "beta"]);
    assert_eq!(progress.questions.len(), 5);
    assert_eq!(
        session.submit(&bank, &mut progress, picks(&["y"]), at(4, 9, 11)),
        Err(SessionError::Finished)
    );
    assert_eq!(session.results(&bank), Some(result));
}

#[test]
fn exam_passes_at_the_pass_mark() {
    let (bank, mut progress, mut session) = started(QuizSpec {
        pass_percent: 80,
        ..exam_spec(5)
    });
    for index in 0..5 {
        let question = session.current_question(&bank).unwrap().clone();
        let answer = if index == 0 {
            picks(&[])
        } else {
            right_answer(&question)
        };
        session
            .submit(&bank, &mut progress, answer, at(4, 9, 1))
            .unwrap();
        if index < 4 {
            session.advance(at(4, 9, 1)).unwrap();
        }
    }
    let result = session.finish(&bank, &mut progress, at(4, 9, 2)).unwrap();
    assert_eq!(result.percent, 80.0);
    assert_eq!(result.passed, Some(true));
    assert!(progress.exams[0].passed);
}

#[test]
fn time_limit_expiry_ends_the_exam_at_the_deadline() {
    let (bank, mut progress, mut session) = started(QuizSpec {
        time_limit_minutes: Some(30),
        ..exam_spec(3)
    });
    assert_eq!(session.deadline(), Some(at(4, 9, 30)));
    assert_eq!(session.remaining(at(4, 9, 20)), Some(Duration::minutes(10)));
    assert_eq!(session.expire(&bank, &mut progress, at(4, 9, 29)), None);
    let first = session.current_question(&bank).unwrap().clone();
    session
        .submit(&bank, &mut progress, right_answer(&first), at(4, 9, 10))
        .unwrap();
    assert_eq!(
        session.submit(&bank, &mut progress, picks(&["x"]), at(4, 9, 31)),
        Err(SessionError::TimeUp)
    );
    assert_eq!(session.advance(at(4, 9, 31)), Err(SessionError::TimeUp));
    assert_eq!(session.remaining(at(4, 9, 45)), Some(Duration::zero()));
    let result = session.expire(&bank, &mut progress, at(4, 9, 45)).unwrap();
    assert!(result.timed_out);
    assert_eq!((result.answered, result.total), (1, 3));
    assert_eq!(session.finished_at(), Some(at(4, 9, 30)));
    assert_eq!(progress.exams[0].finished_at, at(4, 9, 30));
    assert_eq!(session.expire(&bank, &mut progress, at(4, 9, 50)), None);
}

#[test]
fn session_survives_a_reload_mid_exam() {
    let (bank, mut progress, mut session) = started(exam_spec(4));
    session
        .submit(&bank, &mut progress, picks(&["y"]), at(4, 9, 1))
        .unwrap();
    session.advance(at(4, 9, 1)).unwrap();
    let stored = serde_json::to_string(&session).unwrap();
    let mut reloaded: QuizSession = serde_json::from_str(&stored).unwrap();
    assert_eq!(reloaded, session);
    assert_eq!(reloaded.current_index(), 1);
    reloaded.back(at(4, 9, 2)).unwrap();
    assert_eq!(reloaded.current_id(), "b3");
    assert_eq!(
        reloaded.response("b3").map(|r| r.score.verdict),
        Some(Verdict::Incorrect)
    );
}

#[test]
fn review_missed_asks_only_the_missed_questions() {
    let bank = small_bank();
    let mut progress = Progress::default();
    let right = Score::from_fraction(1.0);
    progress.record_answer("a1", Score::from_fraction(0.0), at(4, 9, 0));
    progress.record_answer("a2", Score::from_fraction(0.5), at(4, 9, 0));
    progress.record_answer("b1", right, at(4, 9, 0));
    progress.record_answer("b3", Score::from_fraction(0.0), at(4, 9, 0));
    progress.record_answer("b3", right, at(4, 9, 5));
    progress.record_answer("gone", Score::from_fraction(0.0), at(4, 9, 0));
    let spec = QuizSpec {
        mode: QuizMode::ReviewMissed,
        seed: Some(1),
        ..QuizSpec::default()
    };
    let session = QuizSession::start(&bank, &progress, spec, at(4, 10, 0)).unwrap();
    let mut asked = session.order().to_vec();
    asked.sort();
    assert_eq!(asked, ["a1", "a2"]);
    let only_beta = QuizSpec {
        mode: QuizMode::ReviewMissed,
        topics: vec!["beta".into()],
        ..QuizSpec::default()
    };
    assert!(matches!(
        QuizSession::start(&bank, &progress, only_beta, at(4, 10, 0)),
        Err(SessionError::NoQuestions(_))
    ));
    // History of a question no longer in the bank is kept but ignored.
    assert!(progress.questions.contains_key("gone"));
    assert!(progress.history(&bank, "gone").is_none());
}

#[test]
fn spaced_review_asks_due_questions_first_then_unseen() {
    let bank = small_bank();
    let mut progress = Progress::default();
    // A wrong answer is due again minutes later; a new question answered
    // right twice (10 minutes apart, the first learning step) waits days.
    progress.record_answer("b1", Score::from_fraction(0.0), at(4, 9, 0));
    progress.record_answer("a1", Score::from_fraction(0.0), at(4, 8, 0));
    for id in ["a2", "a3", "b2"] {
        progress.record_answer(id, Score::from_fraction(1.0), at(4, 9, 0));
        progress.record_answer(id, Score::from_fraction(1.0), at(4, 9, 10));
    }
    assert_eq!(progress.due_ids(&bank, at(4, 12, 0)), ["a1", "b1"]);
    let spec = QuizSpec {
        mode: QuizMode::SpacedReview,
        seed: Some(3),
        ..QuizSpec::default()
    };
    let session = QuizSession::start(&bank, &progress, spec.clone(), at(4, 12, 0)).unwrap();
    assert_eq!(session.order(), ["a1", "b1", "b3"]);
    let later = QuizSession::start(&bank, &progress, spec, at(20, 12, 0)).unwrap();
    assert_eq!(later.order().len(), 6);
    assert_eq!(later.order()[..2], ["a1".to_string(), "b1".to_string()]);
}

#[test]
fn start_rejects_unknown_topics_and_oversized_exams() {
    let bank = small_bank();
    let progress = Progress::default();
    let spec = QuizSpec {
        topics: vec!["gamma".into()],
        ..QuizSpec::default()
    };
    assert_eq!(
        QuizSession::start(&bank, &progress, spec, at(4, 9, 0)).unwrap_err(),
        SessionError::UnknownTopic("gamma".into())
    );
    let error = QuizSession::start(&bank, &progress, exam_spec(9), at(4, 9, 0)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the exam asks for 9 questions but the chosen topics have only 6"
    );
}

// ---- progress ----

#[test]
fn streak_counts_consecutive_local_days() {
    let mut progress = Progress::default();
    for day in [1, 2, 3] {
        progress.record_answer("a1", Score::from_fraction(1.0), at(day, 21, 0));
    }
    progress.record_answer("a1", Score::from_fraction(1.0), at(5, 9, 0));
    assert_eq!(progress.streak(at(3, 22, 0)), 3);
    assert_eq!(progress.streak(at(4, 8, 0)), 3, "yesterday keeps it alive");
    assert_eq!(progress.streak(at(5, 10, 0)), 1);
    assert_eq!(progress.streak(at(7, 10, 0)), 0);
    // 21:00 at UTC-5 is already the next day in UTC; the local day counts.
    assert!(progress.active_days.contains(&at(1, 21, 0).date_naive()));
    assert_eq!(progress.questions["a1"].attempts, 4);
    assert_eq!(progress.questions["a1"].correct, 4);
}

// ---- trainer links ----

fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn quiz_links_round_trip() {
    let query = [
        ("mode", "exam"),
        ("topics", "dsar,escalation"),
        ("count", "20"),
        ("seed", "12345"),
        ("pass", "90"),
        ("time", "30"),
    ];
    let with_other_keys = [&query[..], &[("utm", "ignored")]].concat();
    let spec = spec_from_pairs(&pairs(&with_other_keys)).unwrap();
    assert_eq!(
        spec,
        QuizSpec {
            mode: QuizMode::Exam,
            topics: vec!["dsar".into(), "escalation".into()],
            count: Some(20),
            seed: Some(12345),
            pass_percent: 90,
            time_limit_minutes: Some(30),
        }
    );
    assert_eq!(spec_to_pairs(&spec), pairs(&query));
    assert_eq!(spec_from_pairs(&spec_to_pairs(&spec)).unwrap(), spec);
    assert_eq!(spec_from_pairs(&[]).unwrap(), QuizSpec::default());
    assert_eq!(
        spec_to_pairs(&QuizSpec::default()),
        pairs(&[("mode", "practice")])
    );
}

#[test]
fn a_trainer_link_always_carries_a_seed() {
    let unseeded = QuizSpec {
        mode: QuizMode::Exam,
        topics: vec!["deadlines".into()],
        count: Some(5),
        ..QuizSpec::default()
    };
    let seed = pick_link_seed(1_771_000_123_456);
    assert!((10_000..100_000).contains(&seed), "{seed}");
    let linked = link_spec(&unseeded, seed);
    assert_eq!(linked.seed, Some(seed));
    assert_eq!(
        linked,
        QuizSpec {
            seed: Some(seed),
            ..unseeded.clone()
        }
    );
    assert!(spec_to_pairs(&linked).contains(&("seed".to_string(), seed.to_string())));
    // The same link gives two trainees the same questions in the same order.
    let bank = shipped_bank();
    let opened = |at: DateTime<FixedOffset>| {
        let spec = spec_from_pairs(&spec_to_pairs(&linked)).unwrap();
        QuizSession::start(&bank, &Progress::default(), spec, at)
            .unwrap()
            .order()
            .to_vec()
    };
    let utc = FixedOffset::east_opt(0).unwrap();
    assert_eq!(
        opened(utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()),
        opened(utc.with_ymd_and_hms(2026, 3, 5, 16, 31, 7).unwrap())
    );
    // A seed the trainer typed is kept.
    let seeded = QuizSpec {
        seed: Some(7),
        ..unseeded
    };
    assert_eq!(link_spec(&seeded, seed).seed, Some(7));
}

#[test]
fn bad_quiz_links_say_what_is_wrong() {
    let table: [(&[(&str, &str)], &str); 7] = [
        (
            &[("mode", "quiz")],
            "mode \"quiz\" is unknown (use practice, exam, review-missed or spaced-review)",
        ),
        (
            &[("count", "ten")],
            "count=\"ten\" is not valid (expected a question count such as 20)",
        ),
        (&[("count", "0")], "the question count must be at least 1"),
        (
            &[("pass", "150")],
            "the pass mark must be a percentage from 1 to 100, not 150",
        ),
        (&[("time", "30")], "a time limit applies only to exams"),
        (
            &[("mode", "exam"), ("time", "0")],
            "the time limit must be 1–480 minutes, not 0",
        ),
        (
            &[("seed", "1"), ("seed", "2")],
            "\"seed\" is given twice in the link",
        ),
    ];
    for (query, expected) in table {
        let error = spec_from_pairs(&pairs(query)).unwrap_err();
        assert_eq!(error.problems, [expected], "{query:?}");
    }
}

#[test]
fn a_bad_quiz_link_reports_every_problem_at_once() {
    let problems = spec_from_pairs(&pairs(&[
        ("mode", "exam"),
        ("count", "abc"),
        ("pass", "500"),
        ("time", "-1"),
    ]))
    .unwrap_err()
    .problems;
    assert_eq!(
        problems,
        [
            "count=\"abc\" is not valid (expected a question count such as 20)",
            "the pass mark must be a percentage from 1 to 100, not 500",
            "time=\"-1\" is not valid (expected minutes, e.g. 30)",
        ]
    );
    let spec = QuizSpec {
        count: Some(0),
        pass_percent: 0,
        ..QuizSpec::default()
    };
    assert_eq!(
        spec.check_numbers().unwrap_err().to_string(),
        "the question count must be at least 1; the pass mark must be a percentage from 1 to 100, not 0"
    );
}

#[test]
fn shared_bank_round_trips_through_the_fragment() {
    let bank = small_bank();
    let fragment = encode_bank_fragment(&bank).unwrap();
    assert!(fragment
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(decode_bank_fragment(&fragment).unwrap(), bank);
    let shipped = shipped_bank();
    let fragment = encode_bank_fragment(&shipped).unwrap();
    assert!(fragment.len() <= FRAGMENT_LIMIT);
    assert_eq!(decode_bank_fragment(&fragment).unwrap(), shipped);
}

#[test]
fn oversized_or_broken_fragments_are_refused_clearly() {
    // Explanations of random letters do not compress, so the link grows past the limit.
    let mut rng = SplitMix64::new(9);
    let mut questions = Vec::new();
    for n in 0..40 {
        let noise: String = (0..1000)
            .map(|_| char::from(b'a' + rng.below(26) as u8))
            .collect();
        questions.push(format!(
            r#"{{"id": "n{n}", "topic": "t", "kind": "fill-in", "prompt": "?", "accepted": ["x"], "explanation": "{noise}"}}"#
        ));
    }
    let big = Bank::from_json(&format!(
        r#"{{"topics": [{{"id": "t", "title": "T"}}], "questions": [{}]}}"#,
        questions.join(",")
    ))
    .unwrap();
    let error = encode_bank_fragment(&big).unwrap_err();
    let ShareError::TooLarge { chars } = error else {
        panic!("expected TooLarge, got {error:?}");
    };
    assert!(chars > FRAGMENT_LIMIT);
    assert!(error
        .to_string()
        .starts_with("the bank is too large to share in a link"));
    assert_eq!(
        decode_bank_fragment(&"A".repeat(FRAGMENT_LIMIT + 1)),
        Err(ShareError::TooLarge {
            chars: FRAGMENT_LIMIT + 1
        })
    );
    assert!(matches!(
        decode_bank_fragment("not*base64"),
        Err(ShareError::Corrupt)
    ));
    assert!(matches!(
        decode_bank_fragment("AAAA"),
        Err(ShareError::Corrupt)
    ));
    assert_eq!(
        ShareError::Corrupt.to_string(),
        "the link does not contain a readable question bank (it was probably cut off or changed when it was copied); ask for the link again"
    );
    // A well-packed bank with a bad answer key names the question.
    let bad = with_question(
        r#"{"id": "q-12", "topic": "t", "kind": "single", "prompt": "?", "explanation": "!",
            "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": ["c"]}"#,
    );
    let packed = miniz_oxide::deflate::compress_to_vec(bad.as_bytes(), 9);
    use base64::Engine;
    let fragment = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed);
    let error = decode_bank_fragment(&fragment).unwrap_err();
    assert!(error
        .to_string()
        .contains("question q-12: correct choice \"c\" does not exist"));
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
