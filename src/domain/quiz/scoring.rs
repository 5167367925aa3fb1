//! Scoring one answer: a fraction from 0 to 1 plus a verdict, with the
//! partial-credit rule of each question kind spelled out for the learner.

use crate::domain::quiz::bank::{Question, QuestionKind};
use crate::domain::text::normalize_text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What the learner gave for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum AnswerGiven {
    /// Picked choice ids (single, multiple and pick-any questions).
    Choices(Vec<String>),
    /// Typed text (fill-in questions).
    Text(String),
    /// Choice ids in the order the learner arranged them (ordering questions).
    Order(Vec<String>),
}

/// Whether an answer was fully right, partly right or wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Full marks.
    Correct,
    /// Some credit but not full marks.
    Partial,
    /// No credit.
    Incorrect,
}

/// The score of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Credit earned, from 0.0 to 1.0.
    pub fraction: f64,
    /// The verdict that goes with the fraction.
    pub verdict: Verdict,
}

impl Score {
    /// Turns a fraction into a score, clamping it to 0..=1.
    pub fn from_fraction(fraction: f64) -> Score {
        let fraction = fraction.clamp(0.0, 1.0);
        let verdict = if fraction >= 1.0 {
            Verdict::Correct
        } else if fraction <= 0.0 {
            Verdict::Incorrect
        } else {
            Verdict::Partial
        };
        Score { fraction, verdict }
    }
}

/// The scoring rule of a question kind, in words shown to the learner next to the question.
pub fn scoring_rule(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "One answer is right: full marks for it, none otherwise.",
        QuestionKind::Multiple => {
            "Select every right answer. Score = (right picked − wrong picked) ÷ number of right answers, never below 0."
        }
        QuestionKind::PickAny => {
            "Name the number asked for; any of the right answers count. Score = (right picked, up to the number asked − wrong picked) ÷ number asked, never below 0."
        }
        QuestionKind::FillIn => {
            "Type the answer. Capitals, extra spaces and punctuation do not matter."
        }
        QuestionKind::Ordering => {
            "Put the items in order. Score = items in their right place ÷ number of items."
        }
    }
}

/// Scores an answer against a question; an answer of the wrong shape scores 0.
pub fn score(question: &Question, answer: &AnswerGiven) -> Score {
    let fraction = match (question.kind, answer) {
        (QuestionKind::Single, AnswerGiven::Choices(picked)) => {
            all_or_nothing(picked.len() == 1 && question.correct.contains(&picked[0]))
        }
        (QuestionKind::Multiple, AnswerGiven::Choices(picked)) => {
            let (right, wrong) = count_picks(question, picked);
            (right as f64 - wrong as f64) / question.correct.len() as f64
        }
        (QuestionKind::PickAny, AnswerGiven::Choices(picked)) => {
            let wanted = question.pick.unwrap_or(question.correct.len()).max(1);
            let (right, wrong) = count_picks(question, picked);
            (right.min(wanted) as f64 - wrong as f64) / wanted as f64
        }
        (QuestionKind::FillIn, AnswerGiven::Text(text)) => {
            all_or_nothing(text_matches(text, &question.accepted))
        }
        (QuestionKind::Ordering, AnswerGiven::Order(order)) => {
            let in_place = question
                .correct
                .iter()
                .zip(order)
                .filter(|(want, got)| want == got)
                .count();
            in_place as f64 / question.correct.len().max(1) as f64
        }
        _ => 0.0,
    };
    Score::from_fraction(fraction)
}

fn all_or_nothing(right: bool) -> f64 {
    f64::from(u8::from(right))
}

/// Counts distinct picked ids that are right and that are wrong.
fn count_picks(question: &Question, picked: &[String]) -> (usize, usize) {
    let distinct: HashSet<&String> = picked.iter().collect();
    let right = distinct
        .iter()
        .filter(|id| question.correct.contains(id))
        .count();
    (right, distinct.len() - right)
}

/// Whether typed text matches one of the accepted answers, ignoring case,
/// spacing and punctuation.
pub fn text_matches(text: &str, accepted: &[String]) -> bool {
    let typed = normalize_text(text);
    !typed.is_empty() && accepted.iter().any(|a| normalize_text(a) == typed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quiz::bank::QuizChoice;

    fn question(kind: QuestionKind, choices: &[&str], correct: &[&str]) -> Question {
        Question {
            id: "q".into(),
            topic: "t".into(),
            kind,
            scenario: None,
            prompt: "p".into(),
            choices: choices
                .iter()
                .map(|id| QuizChoice {
                    id: id.to_string(),
                    text: id.to_uppercase(),
                })
                .collect(),
            correct: correct.iter().map(|s| s.to_string()).collect(),
            pick: None,
            accepted: Vec::new(),
            explanation: "e".into(),
            source: None,
            link: None,
        }
    }

    fn picks(ids: &[&str]) -> AnswerGiven {
        AnswerGiven::Choices(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn single_choice_is_all_or_nothing() {
        let q = question(QuestionKind::Single, &["a", "b", "c"], &["b"]);
        assert_eq!(score(&q, &picks(&["b"])).verdict, Verdict::Correct);
        assert_eq!(score(&q, &picks(&["a"])).fraction, 0.0);
        assert_eq!(score(&q, &picks(&["a", "b"])).verdict, Verdict::Incorrect);
        assert_eq!(score(&q, &AnswerGiven::Text("b".into())).fraction, 0.0);
    }

    #[test]
    fn multiple_select_subtracts_wrong_picks_and_never_goes_negative() {
        let q = question(
            QuestionKind::Multiple,
            &["a", "b", "c", "d", "e"],
            &["a", "b", "c", "d"],
        );
        assert_eq!(score(&q, &picks(&["a", "b", "c", "d"])).fraction, 1.0);
        let half = score(&q, &picks(&["a", "b"]));
        assert_eq!(half.fraction, 0.5);
        assert_eq!(half.verdict, Verdict::Partial);
        assert_eq!(score(&q, &picks(&["a", "b", "c", "e"])).fraction, 0.5);
        assert_eq!(score(&q, &picks(&["a", "a", "a"])).fraction, 0.25);
        let none = score(&q, &picks(&["e"]));
        assert_eq!((none.fraction, none.verdict), (0.0, Verdict::Incorrect));
    }

    #[test]
    fn pick_any_counts_right_picks_up_to_the_number_asked() {
        let mut q = question(
            QuestionKind::PickAny,
            &["a", "b", "c", "x", "y"],
            &["a", "b", "c"],
        );
        q.pick = Some(2);
        assert_eq!(score(&q, &picks(&["c", "a"])).verdict, Verdict::Correct);
        assert_eq!(score(&q, &picks(&["a", "b", "c"])).fraction, 1.0);
        assert_eq!(score(&q, &picks(&["a", "x"])).fraction, 0.0);
        assert_eq!(score(&q, &picks(&["b"])).fraction, 0.5);
        assert_eq!(score(&q, &picks(&["a", "b", "y"])).fraction, 0.5);
    }

    #[test]
    fn ordering_scores_items_in_their_right_place() {
        let q = question(
            QuestionKind::Ordering,
            &["a", "b", "c", "d"],
            &["a", "b", "c", "d"],
        );
        let order = |ids: &[&str]| AnswerGiven::Order(ids.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            score(&q, &order(&["a", "b", "c", "d"])).verdict,
            Verdict::Correct
        );
        assert_eq!(score(&q, &order(&["a", "b", "d", "c"])).fraction, 0.5);
        assert_eq!(score(&q, &order(&["d", "c", "b", "a"])).fraction, 0.0);
        assert_eq!(score(&q, &order(&["a"])).fraction, 0.25);
    }

    #[test]
    fn fill_in_ignores_case_spacing_punctuation_and_apostrophes() {
        let mut q = question(QuestionKind::FillIn, &[], &[]);
        q.accepted = vec!["Include it".into()];
        for typed in [
            "include   it!",
            "Include it",
            " INCLUDE, it. ",
            "include-it",
        ] {
            assert_eq!(
                score(&q, &AnswerGiven::Text(typed.into())).verdict,
                Verdict::Correct,
                "{typed}"
            );
        }
        assert_eq!(
            score(&q, &AnswerGiven::Text("exclude it".into())).fraction,
            0.0
        );
        assert_eq!(
            score(&q, &AnswerGiven::Text("include".into())).fraction,
            0.0
        );
        assert!(text_matches(
            "I don’t identify",
            &["i dont identify".into()]
        ));
        assert!(!text_matches("   ", &["".into()]));
        assert_eq!(normalize_text("  Case   Voided!! "), "case voided");
    }

    #[test]
    fn every_kind_has_a_rule_to_show() {
        assert!(scoring_rule(QuestionKind::Multiple).contains("wrong picked"));
        assert!(scoring_rule(QuestionKind::FillIn).contains("Capitals"));
    }
}
