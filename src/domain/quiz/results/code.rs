//! A trainee's result as a code to paste, a link or a file:
//! `DESKAID-RESULT-<format>.` followed by the result as JSON, deflated and in
//! base64url without padding (as shared banks are packed). The format number
//! is readable before anything is unpacked, so a code from a newer Deskaid is
//! told apart from a damaged one.

use super::fingerprint;
use crate::domain::quiz::bank::Bank;
use crate::domain::quiz::scoring::AnswerGiven;
use crate::domain::quiz::session::QuizSession;
use crate::domain::quiz::spec::QuizMode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What every result code starts with, before its format number.
pub const RESULT_PREFIX: &str = "DESKAID-RESULT-";

/// The format written today; codes with a higher number come from a newer
/// Deskaid and are refused with a message saying so.
pub const RESULT_FORMAT_VERSION: u32 = 1;

/// Longest code read, in characters; an exam of 200 questions stays far below.
const CODE_LIMIT: usize = 64_000;

/// Largest unpacked result accepted, in bytes, so a crafted code cannot
/// exhaust memory.
const INFLATED_LIMIT: usize = 1024 * 1024;

/// The pack id of the bank shipped with Deskaid.
pub const SHIPPED_PACK: &str = "shipped";

/// The pack id of a trainer's own bank, imported on the Quiz page.
pub const CUSTOM_PACK: &str = "custom";

/// Which bank a quiz was drawn from: the pack and its version, a fingerprint
/// of its content, so an edited bank is a different version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankIdentity {
    /// [`SHIPPED_PACK`] or [`CUSTOM_PACK`].
    pub pack: String,
    /// Fingerprint of the bank's questions, topics and scenarios.
    pub version: String,
}

/// The identity of `bank`, whose pack is `pack`.
pub fn bank_identity(bank: &Bank, pack: &str) -> BankIdentity {
    BankIdentity {
        pack: pack.to_string(),
        version: fingerprint(bank.to_json().as_bytes()),
    }
}

/// One finished exam as the trainee sends it: what the trainer needs to
/// score it again and check it. Nothing else about the trainee is in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentResult {
    /// The name the trainee chose to show the trainer.
    pub name: String,
    /// The bank the questions came from.
    pub bank: BankIdentity,
    /// Question ids in the order asked.
    pub questions: Vec<String>,
    /// The exam's shuffle seed.
    pub seed: u64,
    /// The pass mark in percent.
    pub pass_percent: u8,
    /// The time limit in minutes, if the exam had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_minutes: Option<u32>,
    /// The answer to each question of `questions`, in the same order;
    /// `None` for a question left unanswered.
    pub answers: Vec<Option<AnswerGiven>>,
    /// When the exam started, in the trainee's offset.
    pub started_at: DateTime<FixedOffset>,
    /// When it ended.
    pub finished_at: DateTime<FixedOffset>,
    /// The score the trainee's Deskaid gave, in percent. Only compared with
    /// the trainer's own scoring, never shown as the score.
    pub claimed_percent: f64,
}

impl SentResult {
    /// The result of a finished exam, sent as `name`; `None` while the exam
    /// runs, and for practice and reviews, which have no result to hand in.
    pub fn from_session(
        session: &QuizSession,
        bank: &Bank,
        identity: BankIdentity,
        name: &str,
    ) -> Option<SentResult> {
        let spec = session.spec();
        if spec.mode != QuizMode::Exam {
            return None;
        }
        let report = session.results(bank)?;
        let questions = session.order().to_vec();
        let answers = questions
            .iter()
            .map(|id| session.response(id).map(|r| r.answer.clone()))
            .collect();
        Some(SentResult {
            name: name.trim().to_string(),
            bank: identity,
            questions,
            seed: session.seed(),
            pass_percent: spec.pass_percent,
            time_limit_minutes: spec.time_limit_minutes,
            answers,
            started_at: session.started_at(),
            finished_at: session.finished_at()?,
            claimed_percent: report.percent,
        })
    }

    /// Identifies the attempt, whatever name or claimed score a copy carries:
    /// the same exam sent twice, or sent once and edited, is one attempt.
    pub fn attempt_id(&self) -> String {
        let attempt = SentResult {
            name: String::new(),
            claimed_percent: 0.0,
            ..self.clone()
        };
        fingerprint(
            serde_json::to_string(&attempt)
                .unwrap_or_default()
                .as_bytes(),
        )
    }

    /// Identifies the quiz taken (bank, questions in order, seed, pass mark
    /// and time limit): trainees who opened the same trainer link share it.
    pub fn quiz_id(&self) -> String {
        let quiz = (
            &self.bank,
            &self.questions,
            self.seed,
            self.pass_percent,
            self.time_limit_minutes,
        );
        fingerprint(serde_json::to_string(&quiz).unwrap_or_default().as_bytes())
    }

    /// Whether the result holds together: one answer slot per question, an
    /// end after the start, a pass mark in range.
    fn is_consistent(&self) -> bool {
        !self.questions.is_empty()
            && self.answers.len() == self.questions.len()
            && self.finished_at >= self.started_at
            && (1..=100).contains(&self.pass_percent)
            && self.claimed_percent.is_finite()
    }
}

/// Why a piece of text is not a result that can be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultCodeError {
    /// No result code at all: another file, or text pasted by mistake.
    NotACode,
    /// Made by a newer Deskaid, whose format this one cannot read.
    NewerFormat {
        /// The format number the code carries.
        version: u32,
    },
    /// Starts like a code but does not unpack: cut off or changed in copying.
    Damaged,
    /// Longer than any real result.
    TooLarge,
}

impl fmt::Display for ResultCodeError {
    /// A clause a trainer can act on, to follow "this code …" or a file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResultCodeError::NotACode => {
                f.write_str("holds no Deskaid result code (it may be another kind of file or text)")
            }
            ResultCodeError::NewerFormat { version } => write!(
                f,
                "was made by a newer Deskaid (result format {version}; this one reads format {RESULT_FORMAT_VERSION}): open the newest Deskaid to import it"
            ),
            ResultCodeError::Damaged => f.write_str(
                "is damaged: it was probably cut off or changed when it was copied; ask the trainee to send it again",
            ),
            ResultCodeError::TooLarge => f.write_str("is too long to be a Deskaid result"),
        }
    }
}

impl std::error::Error for ResultCodeError {}

/// Packs a result as a code.
pub fn encode_result(result: &SentResult) -> String {
    let json = serde_json::to_string(result).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!(
        "{RESULT_PREFIX}{RESULT_FORMAT_VERSION}.{}",
        URL_SAFE_NO_PAD.encode(packed)
    )
}

/// Unpacks one code made by [`encode_result`] (surrounding spaces allowed).
pub fn decode_result(code: &str) -> Result<SentResult, ResultCodeError> {
    let code = code.trim();
    if code.len() > CODE_LIMIT {
        return Err(ResultCodeError::TooLarge);
    }
    let rest = strip_prefix_ignoring_case(code).ok_or(ResultCodeError::NotACode)?;
    let (version, payload) = rest.split_once('.').ok_or(ResultCodeError::Damaged)?;
    let version: u32 = version.parse().map_err(|_| ResultCodeError::Damaged)?;
    if version > RESULT_FORMAT_VERSION {
        return Err(ResultCodeError::NewerFormat { version });
    }
    if version != RESULT_FORMAT_VERSION {
        return Err(ResultCodeError::Damaged);
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| ResultCodeError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, INFLATED_LIMIT)
        .map_err(|_| ResultCodeError::Damaged)?;
    let result: SentResult = serde_json::from_slice(&json).map_err(|_| ResultCodeError::Damaged)?;
    if result.is_consistent() {
        Ok(result)
    } else {
        Err(ResultCodeError::Damaged)
    }
}

/// `code` after [`RESULT_PREFIX`], which a mail client may have re-cased.
fn strip_prefix_ignoring_case(code: &str) -> Option<&str> {
    let head = code.get(..RESULT_PREFIX.len())?;
    head.eq_ignore_ascii_case(RESULT_PREFIX)
        .then(|| &code[RESULT_PREFIX.len()..])
}
