//! Trainer links: specs in the query string and banks in the fragment.

use crate::domain::quiz::testing::*;
use crate::domain::quiz::*;
use chrono::{DateTime, FixedOffset, TimeZone};

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
