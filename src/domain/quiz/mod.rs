//! The training quiz: a validated question bank (`content/questions/*.toml`
//! or a trainer's JSON bank), scoring with partial credit, seeded shuffles,
//! practice/exam/review sessions, progress with FSRS spaced repetition, and
//! trainer links. Pure Rust: the current time is always an argument.

pub mod bank;
pub mod progress;
pub mod results;
pub mod schedule;
pub mod scoring;
pub mod session;
pub mod share;
pub mod shuffle;
pub mod spec;

pub use bank::{
    Bank, BankError, BankFile, LinkError, LinkTarget, Question, QuestionKind, QuizChoice,
    QuizTopic, Scenario,
};
pub use progress::{ExamRecord, Progress, QuestionHistory};
pub use schedule::{rating_for, review_card, CardPhase, CardState};
pub use scoring::{score, scoring_rule, text_matches, AnswerGiven, Score, Verdict};
pub use session::{
    select_questions, QuestionResult, QuizSession, Response, SessionError, SessionResult,
    TopicScore,
};
pub use share::{
    decode_bank_fragment, encode_bank_fragment, link_spec, pick_link_seed, spec_from_pairs,
    spec_to_pairs, ShareError, FRAGMENT_LIMIT, INFLATED_LIMIT,
};
pub use shuffle::{seed_for, shuffle, SplitMix64};
pub use spec::{
    FittedSpec, QuizMode, QuizSpec, Shortfall, SpecError, DEFAULT_PASS_PERCENT,
    DEFAULT_SPACED_COUNT, MAX_TIME_LIMIT_MINUTES,
};

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;
