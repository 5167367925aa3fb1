//! Shared fixtures for the quiz tests: a small bank, times in the
//! learners' zone, answers and specs.

use super::*;
use crate::domain::content;
use chrono::{DateTime, FixedOffset, TimeZone};

/// Local time in a US Eastern winter offset, where the learners are.
pub fn at(d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
    FixedOffset::west_opt(5 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 3, d, h, min, 0)
        .unwrap()
}

/// The small bank as a trainer would write it in JSON.
pub const SMALL_BANK: &str = r#"{
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

/// Six questions over two topics, one of every kind.
pub fn small_bank() -> Bank {
    Bank::from_json(SMALL_BANK).unwrap()
}

/// An answer picking these choice ids.
pub fn picks(ids: &[&str]) -> AnswerGiven {
    AnswerGiven::Choices(ids.iter().map(|s| s.to_string()).collect())
}

/// The full-marks answer to `question`.
pub fn right_answer(question: &Question) -> AnswerGiven {
    match question.kind {
        QuestionKind::FillIn => AnswerGiven::Text(question.accepted[0].clone()),
        QuestionKind::Ordering => AnswerGiven::Order(question.correct.clone()),
        QuestionKind::PickAny => {
            AnswerGiven::Choices(question.correct[..question.pick.unwrap()].to_vec())
        }
        _ => AnswerGiven::Choices(question.correct.clone()),
    }
}

/// An exam of `count` questions with a fixed seed.
pub fn exam_spec(count: usize) -> QuizSpec {
    QuizSpec {
        mode: QuizMode::Exam,
        count: Some(count),
        seed: Some(7),
        ..QuizSpec::default()
    }
}

/// The small bank, no progress yet, and a session of `spec` started at 09:00
/// on the 4th: the start of most session tests.
pub fn started(spec: QuizSpec) -> (Bank, Progress, QuizSession) {
    let bank = small_bank();
    let progress = Progress::default();
    let session = QuizSession::start(&bank, &progress, spec, at(4, 9, 0)).unwrap();
    (bank, progress, session)
}

/// Query pairs as the page reads them from a link.
pub fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The shipped bank, links checked.
pub fn shipped_bank() -> Bank {
    content::bank().clone()
}

/// A one-question JSON bank around `question`, for validation messages.
pub fn with_question(question: &str) -> String {
    format!(
        r#"{{"topics": [{{"id": "t", "title": "T"}}], "questions": [{}]}}"#,
        question
    )
}
