//! What the quiz keeps: the learner's answers and schedule, the trainer's
//! custom question bank under a key of its own (moved there from version 1
//! of the quiz record), and the class results a trainer imported.

use super::check_part;
use super::moved::CUSTOM_BANK;
use crate::domain::content;
use crate::domain::quiz::results::{
    bank_identity, BankIdentity, ClassResults, CUSTOM_PACK, SHIPPED_PACK,
};
use crate::domain::quiz::{Bank, Progress, QuizSession};
use crate::store::envelope::{NoMigration, Persist, Unusable};
use crate::store::merge::{merge_growing, merge_map, merge_whole, Deletions};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// The learner's quiz data: history per question (with its FSRS schedule),
/// exams and streak; the quiz in progress, so a reload continues it; and the
/// name the learner last sent a result under, so the next one needs no
/// typing. Version 1 also held the custom question bank, which moved to its
/// own key ([`CustomBank`], see `moved`) since it changes rarely and answers
/// often.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuizData {
    pub progress: Progress,
    pub session: Option<QuizSession>,
    pub sender_name: String,
}

impl CustomBank {
    /// The bank in use: the custom one if stored and valid, else the shipped
    /// one; with its identity, which results carry.
    pub fn bank_in_use(&self) -> (Bank, BankIdentity) {
        match self
            .json
            .as_deref()
            .and_then(|json| Bank::from_json(json).ok())
        {
            Some(bank) => {
                let identity = bank_identity(&bank, CUSTOM_PACK);
                (bank, identity)
            }
            None => {
                let bank = content::bank().clone();
                let identity = bank_identity(&bank, SHIPPED_PACK);
                (bank, identity)
            }
        }
    }
}

impl Persist for QuizData {
    const KEY: &'static str = "deskaid.quiz";
    const VERSION: u32 = 2;
    const LABEL: &'static str = "quiz progress";

    /// Version 2 moved the custom bank to its own key; by the time a quiz
    /// record is read, `moved::CUSTOM_BANK` has copied it there.
    fn migrate(from: u32, data: Value) -> Result<Value, NoMigration> {
        match from {
            1 => Ok(CUSTOM_BANK.left_behind(data)),
            _ => Err(NoMigration { from }),
        }
    }

    /// Answers by question id, the later answer winning when both tabs
    /// answered one; exams and active days only grow, so both tabs' are
    /// kept; the quiz in progress is a whole value.
    fn merge(base: &Self, mine: Self, theirs: Self, deleted: &Deletions) -> Self {
        let questions = merge_map(
            &base.progress.questions,
            mine.progress.questions,
            theirs.progress.questions,
            deleted,
            |m, t| {
                if t.last_answered_at > m.last_answered_at {
                    t
                } else {
                    m
                }
            },
        );
        let mut exams = mine.progress.exams;
        for exam in theirs.progress.exams {
            if !exams.contains(&exam) {
                exams.push(exam);
            }
        }
        exams.sort_by_key(|exam| exam.finished_at);
        QuizData {
            progress: Progress {
                questions,
                exams,
                active_days: merge_growing(mine.progress.active_days, theirs.progress.active_days),
            },
            session: merge_whole(&base.session, mine.session, theirs.session),
            sender_name: merge_whole(&base.sender_name, mine.sender_name, theirs.sender_name),
        }
    }

    fn record_ids(&self) -> BTreeSet<String> {
        self.progress.questions.keys().cloned().collect()
    }
}

/// A trainer's custom question bank, as JSON, when one was imported: up to
/// a few MiB that change only when a bank is imported or removed, so they
/// are not rewritten with every answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomBank {
    pub json: Option<String>,
}

impl Persist for CustomBank {
    const KEY: &'static str = "deskaid.quiz-bank";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "custom question bank";

    /// An imported custom question bank must pass the same checks as a new one.
    fn check(&self) -> Result<(), Unusable> {
        check_part(
            self.json.as_deref(),
            "custom question bank is not valid",
            |json| Bank::from_json(json).map(drop).map_err(|e| e.problems),
        )
    }
}

/// The results a trainer imported on the Class results page.
impl Persist for ClassResults {
    const KEY: &'static str = "deskaid.results";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "class results";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_tabs_quiz_answers_merge_by_question_and_the_later_answer_wins() {
        use crate::domain::quiz::Score;
        use chrono::{FixedOffset, TimeZone};
        let at = |hour| {
            FixedOffset::west_opt(5 * 3600)
                .unwrap()
                .with_ymd_and_hms(2026, 12, 1, hour, 0, 0)
                .unwrap()
        };
        let answered = |answers: &[(&str, f64, u32)]| {
            let mut quiz = QuizData::default();
            for (id, fraction, hour) in answers {
                quiz.progress
                    .record_answer(id, Score::from_fraction(*fraction), at(*hour));
            }
            quiz
        };
        let base = answered(&[("q1", 1.0, 9)]);
        let mine = answered(&[("q1", 1.0, 9), ("q2", 0.0, 11), ("q3", 1.0, 10)]);
        let theirs = answered(&[("q1", 1.0, 9), ("q2", 1.0, 12), ("q4", 1.0, 10)]);
        let merged = QuizData::merge(&base, mine, theirs.clone(), &Deletions::new());
        let ids: Vec<&str> = merged
            .progress
            .questions
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(ids, ["q1", "q2", "q3", "q4"]);
        // q2 was answered in both tabs: the other tab's answer came later.
        assert_eq!(
            merged.progress.questions["q2"],
            theirs.progress.questions["q2"]
        );
    }

    #[test]
    fn results_carry_the_pack_of_the_bank_in_use() {
        let (shipped, identity) = CustomBank::default().bank_in_use();
        assert_eq!(&shipped, content::bank());
        assert_eq!(identity.pack, SHIPPED_PACK);
        let custom = CustomBank {
            json: Some(
                r#"{"topics": [{"id": "t", "title": "T"}], "questions": [{"id": "q", "topic": "t",
                "kind": "single", "prompt": "P", "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                "correct": ["a"], "explanation": "E"}]}"#
                    .to_string(),
            ),
        };
        let (bank, custom_identity) = custom.bank_in_use();
        assert_eq!(bank.questions().len(), 1);
        assert_eq!(custom_identity.pack, CUSTOM_PACK);
        assert_ne!(custom_identity.version, identity.version);
        // A custom bank that no longer validates falls back to the shipped one.
        let broken = CustomBank {
            json: Some("{".to_string()),
        };
        assert_eq!(broken.bank_in_use().1, identity);
    }
}
