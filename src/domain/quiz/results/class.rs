//! The class: every result a trainer imported, each attempt once, and the
//! table of it (one row per trainee) with its sorting and quiz filter.

use super::code::{BankIdentity, SentResult};
use super::rescore::{rescore, Rescored};
use crate::domain::quiz::bank::Bank;
use crate::domain::text::plural;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One imported result and when it was imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedResult {
    /// The result as the trainee sent it.
    pub result: SentResult,
    /// When the trainer imported it.
    pub imported_at: DateTime<FixedOffset>,
}

/// Every result the trainer imported, in the order imported.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClassResults {
    /// The results, each attempt once.
    pub results: Vec<ImportedResult>,
}

/// What adding a result did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new row.
    New,
    /// The attempt was already imported, under this name; nothing changed.
    AlreadyImported {
        /// The name of the row already there.
        name: String,
    },
}

/// One quiz the class results hold, for the quiz filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOfClass {
    /// [`SentResult::quiz_id`].
    pub id: String,
    /// Describes the quiz, e.g. "12 questions, seed 48213, pass mark 80%".
    pub label: String,
    /// How many results are of this quiz.
    pub results: usize,
}

impl ClassResults {
    /// Adds `result`, imported `now`, unless the same attempt is already
    /// there (whatever name or claimed score the new copy carries).
    pub fn add(&mut self, result: SentResult, now: DateTime<FixedOffset>) -> Added {
        let attempt = result.attempt_id();
        if let Some(known) = self
            .results
            .iter()
            .find(|known| known.result.attempt_id() == attempt)
        {
            return Added::AlreadyImported {
                name: known.result.name.clone(),
            };
        }
        self.results.push(ImportedResult {
            result,
            imported_at: now,
        });
        Added::New
    }

    /// Deletes the result of this attempt; whether there was one.
    pub fn remove(&mut self, attempt_id: &str) -> bool {
        let before = self.results.len();
        self.results
            .retain(|known| known.result.attempt_id() != attempt_id);
        self.results.len() != before
    }

    /// The quizzes the results are of, in the order first imported.
    pub fn quizzes(&self) -> Vec<QuizOfClass> {
        let mut quizzes: Vec<QuizOfClass> = Vec::new();
        for known in &self.results {
            let id = known.result.quiz_id();
            match quizzes.iter_mut().find(|quiz| quiz.id == id) {
                Some(quiz) => quiz.results += 1,
                None => quizzes.push(QuizOfClass {
                    id,
                    label: quiz_label(&known.result),
                    results: 1,
                }),
            }
        }
        quizzes
    }

    /// The table rows, in the order imported, scored against `bank` (whose
    /// identity is `in_use`); only those of quiz `quiz_id` when one is given.
    pub fn rows(&self, bank: &Bank, in_use: &BankIdentity, quiz_id: Option<&str>) -> Vec<ClassRow> {
        self.results
            .iter()
            .map(|known| &known.result)
            .filter(|result| quiz_id.is_none_or(|id| result.quiz_id() == id))
            .map(|result| ClassRow {
                attempt_id: result.attempt_id(),
                quiz_id: result.quiz_id(),
                name: result.name.clone(),
                rescored: rescore(result, bank, in_use),
                started_at: result.started_at,
                finished_at: result.finished_at,
                pass_percent: result.pass_percent,
            })
            .collect()
    }
}

/// A quiz in words: "12 questions, seed 48213, pass mark 80%, time limit
/// 15 minutes".
pub fn quiz_label(result: &SentResult) -> String {
    let mut parts = vec![
        plural(result.questions.len() as u64, "question").to_string(),
        format!("seed {}", result.seed),
        format!("pass mark {}%", result.pass_percent),
    ];
    if let Some(minutes) = result.time_limit_minutes {
        parts.push(format!("time limit {}", plural(minutes, "minute")));
    }
    parts.join(", ")
}

/// One trainee's row of the class table.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassRow {
    /// Identifies the attempt, for deleting it.
    pub attempt_id: String,
    /// Identifies the quiz taken.
    pub quiz_id: String,
    /// The name the trainee gave.
    pub name: String,
    /// The result scored against the bank in use.
    pub rescored: Rescored,
    /// When the exam started.
    pub started_at: DateTime<FixedOffset>,
    /// When it ended: the date column.
    pub finished_at: DateTime<FixedOffset>,
    /// The pass mark the exam had.
    pub pass_percent: u8,
}

/// The columns the class table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// By name, ignoring case.
    Name,
    /// By score.
    Score,
    /// Passed, then not passed, then those that cannot be judged.
    Result,
    /// By time taken.
    TimeTaken,
    /// By when the exam ended.
    Date,
}

/// Sorts `rows` by `column`, ascending or not; rows that tie keep their order.
pub fn sort_rows(rows: &mut [ClassRow], column: SortColumn, ascending: bool) {
    rows.sort_by(|a, b| {
        let order = compare(a, b, column);
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
}

fn compare(a: &ClassRow, b: &ClassRow, column: SortColumn) -> Ordering {
    match column {
        SortColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        SortColumn::Score => a.rescored.percent.total_cmp(&b.rescored.percent),
        // Ascending puts the passes first, as a trainer reads "pass, fail".
        SortColumn::Result => result_rank(b).cmp(&result_rank(a)),
        SortColumn::TimeTaken => a.rescored.time_taken.cmp(&b.rescored.time_taken),
        SortColumn::Date => a.finished_at.cmp(&b.finished_at),
    }
}

fn result_rank(row: &ClassRow) -> u8 {
    match row.rescored.passed {
        Some(true) => 2,
        Some(false) => 1,
        None => 0,
    }
}
