//! A result scored again on the trainer's side, against the bank in use:
//! the score shown is always this one, never the one the code claims.

use super::code::{BankIdentity, SentResult};
use crate::domain::quiz::bank::Bank;
use crate::domain::quiz::scoring::score;
use crate::domain::quiz::session::QuestionResult;
use crate::domain::text::format_percent;
use chrono::Duration;
use std::fmt;

/// How far a claimed score may be from the trainer's before the result is
/// marked: scores are sums of fractions, so only rounding is forgiven.
const CLAIM_TOLERANCE_PERCENT: f64 = 0.05;

/// What the code claimed compared with the answers it carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Claim {
    /// The claimed score is the one the answers give.
    Matches,
    /// The claimed score is not what the answers give: the code was edited
    /// (or the bank's questions changed since the exam).
    Differs {
        /// The score the code claims, in percent.
        claimed: f64,
        /// The score its answers give here, in percent.
        rescored: f64,
    },
    /// Not compared: some questions are not in the bank in use, so the
    /// scores cannot agree.
    Unchecked,
}

/// A result scored against the bank in use.
#[derive(Debug, Clone, PartialEq)]
pub struct Rescored {
    /// Score in percent over the questions the bank has; unanswered ones count 0.
    pub percent: f64,
    /// Whether `percent` reaches the result's pass mark; `None` when some
    /// questions are missing, so the whole exam cannot be judged.
    pub passed: Option<bool>,
    /// Each question the bank has, in the order asked, with its answer and score.
    pub per_question: Vec<QuestionResult>,
    /// Ids of the questions the bank in use does not have, in the order asked.
    pub missing: Vec<String>,
    /// Whether the exam came from another pack or version than the bank in use.
    pub other_bank: bool,
    /// The claimed score against the answers.
    pub claim: Claim,
    /// From start to finish.
    pub time_taken: Duration,
}

/// Scores `result` against `bank`, whose identity is `in_use`.
pub fn rescore(result: &SentResult, bank: &Bank, in_use: &BankIdentity) -> Rescored {
    let mut per_question = Vec::new();
    let mut missing = Vec::new();
    for (id, answer) in result.questions.iter().zip(&result.answers) {
        match bank.question(id) {
            Some(question) => per_question.push(QuestionResult {
                question_id: id.clone(),
                topic: question.topic.clone(),
                answer: answer.clone(),
                score: answer.as_ref().map(|a| score(question, a)),
            }),
            None => missing.push(id.clone()),
        }
    }
    let earned: f64 = per_question
        .iter()
        .map(|r| r.score.map_or(0.0, |s| s.fraction))
        .sum();
    let percent = if per_question.is_empty() {
        0.0
    } else {
        earned * 100.0 / per_question.len() as f64
    };
    let claim = if !missing.is_empty() {
        Claim::Unchecked
    } else if (result.claimed_percent - percent).abs() > CLAIM_TOLERANCE_PERCENT {
        Claim::Differs {
            claimed: result.claimed_percent,
            rescored: percent,
        }
    } else {
        Claim::Matches
    };
    Rescored {
        // The same allowance for sums of fractions as the exam's own verdict.
        passed: missing
            .is_empty()
            .then(|| percent + 1e-9 >= f64::from(result.pass_percent)),
        percent,
        per_question,
        missing,
        other_bank: &result.bank != in_use,
        claim,
        time_taken: result.finished_at - result.started_at,
    }
}

/// Something a trainer should know before trusting a result's score.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultWarning {
    /// Questions the bank in use does not have, by id, in the order asked.
    QuestionsMissing(Vec<String>),
    /// Taken on another pack or version of the bank, whose questions the
    /// bank in use all has.
    OtherBankVersion,
    /// The claimed score is not what the answers give.
    ClaimDiffers {
        /// The score the code claims, in percent.
        claimed: f64,
        /// The score its answers give here, in percent.
        rescored: f64,
        /// Whether the exam came from another version of the bank, which
        /// may explain the difference.
        other_bank: bool,
    },
}

impl fmt::Display for ResultWarning {
    /// A clause for the table, the import report and the CSV.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResultWarning::QuestionsMissing(ids) => write!(
                f,
                "{} not in the bank in use ({}), so the score covers only the rest and pass or fail cannot be told",
                match ids.len() {
                    1 => "1 question is".to_string(),
                    n => format!("{n} questions are"),
                },
                ids.join(", ")
            ),
            ResultWarning::OtherBankVersion => f.write_str(
                "taken on another version of the question bank; scored against the one in use",
            ),
            ResultWarning::ClaimDiffers {
                claimed,
                rescored,
                other_bank,
            } => write!(
                f,
                "the code claims {} but its answers give {}: {}",
                format_percent(*claimed),
                format_percent(*rescored),
                if *other_bank {
                    "the bank changed since the exam, or the code was edited"
                } else {
                    "the code was edited after the exam"
                }
            ),
        }
    }
}

impl Rescored {
    /// What a trainer should know before trusting the score; empty for a
    /// result that checks out.
    pub fn warnings(&self) -> Vec<ResultWarning> {
        let mut warnings = Vec::new();
        if !self.missing.is_empty() {
            warnings.push(ResultWarning::QuestionsMissing(self.missing.clone()));
        } else if self.other_bank {
            warnings.push(ResultWarning::OtherBankVersion);
        }
        if let Claim::Differs { claimed, rescored } = self.claim {
            warnings.push(ResultWarning::ClaimDiffers {
                claimed,
                rescored,
                other_bank: self.other_bank,
            });
        }
        warnings
    }
}
