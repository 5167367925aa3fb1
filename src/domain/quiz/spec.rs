//! What quiz to run: the mode, topics, count, seed, pass mark and time
//! limit chosen in the UI or carried by a trainer's link, and their checks.

use crate::domain::quiz::bank::Bank;
use crate::domain::quiz::session::SessionError;
use crate::domain::text::plural;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Pass mark for exams when the trainer does not set one.
pub const DEFAULT_PASS_PERCENT: u8 = 80;

/// How many questions a spaced review asks when no count is given.
pub const DEFAULT_SPACED_COUNT: usize = 20;

/// Longest exam time limit accepted, in minutes (8 hours).
pub const MAX_TIME_LIMIT_MINUTES: u32 = 480;

/// The kind of quiz run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizMode {
    /// Feedback right after each answer; answers are final.
    Practice,
    /// Fixed question count, optional time limit, feedback and score at the end.
    Exam,
    /// Only questions whose latest answer was wrong or partly right.
    ReviewMissed,
    /// Questions FSRS says are due, most overdue first, then unseen ones.
    SpacedReview,
}

impl QuizMode {
    /// The name used in links and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            QuizMode::Practice => "practice",
            QuizMode::Exam => "exam",
            QuizMode::ReviewMissed => "review-missed",
            QuizMode::SpacedReview => "spaced-review",
        }
    }

    /// Reads a mode name from a link.
    pub fn parse(text: &str) -> Option<QuizMode> {
        [
            QuizMode::Practice,
            QuizMode::Exam,
            QuizMode::ReviewMissed,
            QuizMode::SpacedReview,
        ]
        .into_iter()
        .find(|m| m.as_str() == text)
    }

    /// Whether the learner sees each answer's verdict right away.
    pub fn immediate_feedback(self) -> bool {
        self != QuizMode::Exam
    }
}

/// What quiz to run, as chosen in the UI or given by a trainer's link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSpec {
    /// The kind of run.
    pub mode: QuizMode,
    /// Topic ids to draw from; empty means every topic.
    pub topics: Vec<String>,
    /// How many questions; `None` means all that match (spaced review: [`DEFAULT_SPACED_COUNT`]).
    pub count: Option<usize>,
    /// Shuffle seed; `None` means one is taken from the start time.
    pub seed: Option<u64>,
    /// Exam pass mark in percent.
    pub pass_percent: u8,
    /// Exam time limit in minutes.
    pub time_limit_minutes: Option<u32>,
}

impl Default for QuizSpec {
    /// A practice run over every topic.
    fn default() -> Self {
        QuizSpec {
            mode: QuizMode::Practice,
            topics: Vec::new(),
            count: None,
            seed: None,
            pass_percent: DEFAULT_PASS_PERCENT,
            time_limit_minutes: None,
        }
    }
}

/// Everything wrong with a quiz spec or a trainer link, one clause per
/// problem, so the trainer can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The problems, e.g. "the question count must be at least 1".
    pub problems: Vec<String>,
}

impl fmt::Display for SpecError {
    /// The problems joined with "; ".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("; "))
    }
}

impl std::error::Error for SpecError {}

/// A count the chosen topics cannot fill: a trainer typed 10 for a topic of 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    /// The count asked for.
    pub wanted: usize,
    /// How many questions the chosen topics hold.
    pub available: usize,
}

impl fmt::Display for Shortfall {
    /// What was asked, what the bank has and what happens, as one clause:
    /// "10 questions were asked for but the chosen topics have only 8, so the
    /// quiz asks all 8".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} asked for but the chosen topics have only {}, so the quiz asks all {}",
            plural(self.wanted as u64, "question"),
            self.available,
            self.available
        )
    }
}

/// The quiz a spec will run on a bank, worked out before Start so that the
/// options, the trainer link and the screen a link opens all state the quiz
/// that Start will run, never a different one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittedSpec {
    /// The spec Start runs.
    pub spec: QuizSpec,
    /// Set when the count asked for was lowered to what the topics hold.
    pub shortfall: Option<Shortfall>,
}

impl QuizSpec {
    /// Checks the count, pass mark and time limit, which need no bank (used
    /// for trainer links before the bank is loaded).
    pub fn check_numbers(&self) -> Result<(), SpecError> {
        let problems = self.number_problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(SpecError { problems })
        }
    }

    /// Every problem with the count, pass mark and time limit, each a clause.
    pub fn number_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.count == Some(0) {
            problems.push("the question count must be at least 1".to_string());
        }
        if !(1..=100).contains(&self.pass_percent) {
            problems.push(format!(
                "the pass mark must be a percentage from 1 to 100, not {}",
                self.pass_percent
            ));
        }
        match self.time_limit_minutes {
            Some(m) if !(1..=MAX_TIME_LIMIT_MINUTES).contains(&m) => problems.push(format!(
                "the time limit must be 1–{MAX_TIME_LIMIT_MINUTES} minutes, not {m}"
            )),
            Some(_) if self.mode != QuizMode::Exam => {
                problems.push("a time limit applies only to exams".to_string())
            }
            _ => {}
        }
        problems
    }

    /// How many questions of `bank` are in the chosen topics.
    pub fn questions_available(&self, bank: &Bank) -> usize {
        bank.questions()
            .iter()
            .filter(|q| self.topics.is_empty() || self.topics.contains(&q.topic))
            .count()
    }

    /// The quiz this spec runs on `bank`. Practice and exams draw from the
    /// bank, so a count above what the chosen topics hold is lowered to all
    /// of them (an exam would otherwise not start at all) and the shortfall
    /// says so. Reviews draw from the learner's own answers, which only the
    /// learner's device knows, so their count stays an upper bound.
    pub fn fit(&self, bank: &Bank) -> FittedSpec {
        let available = self.questions_available(bank);
        let shortfall = match (self.mode, self.count) {
            (QuizMode::Practice | QuizMode::Exam, Some(wanted))
                if wanted > available && available > 0 =>
            {
                Some(Shortfall { wanted, available })
            }
            _ => None,
        };
        FittedSpec {
            spec: QuizSpec {
                count: shortfall.map_or(self.count, |s| Some(s.available)),
                ..self.clone()
            },
            shortfall,
        }
    }

    /// Checks the numbers and the topics against `bank`.
    pub fn validate(&self, bank: &Bank) -> Result<(), SessionError> {
        if let Some(topic) = self.topics.iter().find(|t| bank.topic(t).is_none()) {
            return Err(SessionError::UnknownTopic(topic.clone()));
        }
        self.check_numbers().map_err(SessionError::BadSpec)
    }
}

#[cfg(test)]
mod tests;
