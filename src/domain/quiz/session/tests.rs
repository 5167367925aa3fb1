//! Question selection and option order, and every kind of session from
//! start to report.

use crate::domain::quiz::testing::*;
use crate::domain::quiz::*;
use chrono::Duration;

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
