//! One run through the quiz — practice, exam, review of missed questions or
//! spaced review — as a serializable state that survives a page reload.
//! Every step takes `now`, so time limits are checked without a clock here.

use crate::domain::quiz::bank::{Bank, Question, QuestionKind, QuizChoice};
use crate::domain::quiz::progress::{ExamRecord, Progress};
use crate::domain::quiz::scoring::{score, AnswerGiven, Score};
use crate::domain::quiz::shuffle::{seed_for, shuffle};
use crate::domain::quiz::spec::{QuizMode, QuizSpec, SpecError, DEFAULT_SPACED_COUNT};
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Why a quiz step could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The spec names a topic the bank does not have.
    UnknownTopic(String),
    /// Nothing to ask; the text says why.
    NoQuestions(String),
    /// An exam asks for more questions than its topics hold.
    NotEnoughQuestions {
        /// The count asked for.
        wanted: usize,
        /// How many questions the topics hold.
        available: usize,
    },
    /// The spec itself is out of range; the error says how.
    BadSpec(SpecError),
    /// The session has already finished.
    Finished,
    /// The exam time limit has passed; finish the session.
    TimeUp,
    /// Back on the first question.
    AtStart,
    /// Advance on the last question.
    AtEnd,
    /// Practice answers are final once feedback was shown.
    AlreadyAnswered,
    /// The current question is no longer in the bank.
    QuestionMissing(String),
}

impl fmt::Display for SessionError {
    /// A sentence for the learner or trainer.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::UnknownTopic(t) => write!(f, "there is no topic \"{t}\" in this bank"),
            SessionError::NoQuestions(why) => f.write_str(why),
            SessionError::NotEnoughQuestions { wanted, available } => write!(
                f,
                "the exam asks for {wanted} questions but the chosen topics have only {available}"
            ),
            SessionError::BadSpec(why) => write!(f, "{why}"),
            SessionError::Finished => f.write_str("this quiz has already finished"),
            SessionError::TimeUp => f.write_str("the time limit has passed"),
            SessionError::AtStart => f.write_str("this is the first question"),
            SessionError::AtEnd => f.write_str("this is the last question"),
            SessionError::AlreadyAnswered => f.write_str("this question is already answered"),
            SessionError::QuestionMissing(id) => {
                write!(f, "question {id} is no longer in the bank")
            }
        }
    }
}

impl std::error::Error for SessionError {}

/// One submitted answer with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// What the learner gave.
    pub answer: AnswerGiven,
    /// Its score.
    pub score: Score,
    /// When it was (last) submitted.
    pub answered_at: DateTime<FixedOffset>,
}

/// Score of one topic in a finished session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicScore {
    /// Topic id.
    pub topic: String,
    /// Sum of the question fractions.
    pub earned: f64,
    /// Number of questions of this topic.
    pub possible: usize,
    /// `earned / possible` in percent.
    pub percent: f64,
}

/// Outcome of one question in a finished session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    /// Question id.
    pub question_id: String,
    /// Its topic id.
    pub topic: String,
    /// The learner's answer, `None` if skipped (scores 0).
    pub answer: Option<AnswerGiven>,
    /// Its score, `None` if skipped.
    pub score: Option<Score>,
}

/// The end-of-session report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionResult {
    /// The kind of run.
    pub mode: QuizMode,
    /// Questions asked (still in the bank).
    pub total: usize,
    /// Questions answered.
    pub answered: usize,
    /// Overall score in percent; skipped questions count 0.
    pub percent: f64,
    /// The pass mark in percent.
    pub pass_percent: u8,
    /// Exam only: whether `percent` reached the pass mark.
    pub passed: Option<bool>,
    /// Whether the time limit ended the exam.
    pub timed_out: bool,
    /// Scores per topic, in bank topic order.
    pub per_topic: Vec<TopicScore>,
    /// Scores per question, in the order asked.
    pub per_question: Vec<QuestionResult>,
}

/// The state of a quiz run, stored as JSON between page loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizSession {
    spec: QuizSpec,
    seed: u64,
    order: Vec<String>,
    current: usize,
    responses: BTreeMap<String, Response>,
    started_at: DateTime<FixedOffset>,
    deadline: Option<DateTime<FixedOffset>>,
    finished_at: Option<DateTime<FixedOffset>>,
}

/// Up to `count` question ids from `topics` (all topics if empty), shuffled by `seed`.
pub fn select_questions(
    bank: &Bank,
    topics: &[String],
    count: Option<usize>,
    seed: u64,
) -> Vec<String> {
    let mut ids: Vec<String> = bank
        .questions()
        .iter()
        .filter(|q| topics.is_empty() || topics.contains(&q.topic))
        .map(|q| q.id.clone())
        .collect();
    shuffle(&mut ids, seed);
    ids.truncate(count.unwrap_or(usize::MAX));
    ids
}

impl QuizSession {
    /// Starts a run at `now`: picks and orders the questions for the mode.
    pub fn start(
        bank: &Bank,
        progress: &Progress,
        spec: QuizSpec,
        now: DateTime<FixedOffset>,
    ) -> Result<QuizSession, SessionError> {
        spec.validate(bank)?;
        let seed = spec.seed.unwrap_or(now.timestamp_millis() as u64);
        let in_topics = |id: &String| {
            spec.topics.is_empty()
                || bank
                    .question(id)
                    .is_some_and(|q| spec.topics.contains(&q.topic))
        };
        // The ids of `ids` in the chosen topics, in this run's shuffled order.
        let shuffled_in_topics = |ids: Vec<String>| {
            let mut ids: Vec<String> = ids.into_iter().filter(in_topics).collect();
            shuffle(&mut ids, seed);
            ids
        };
        let order = match spec.mode {
            QuizMode::Practice => select_questions(bank, &spec.topics, spec.count, seed),
            QuizMode::Exam => {
                let all = select_questions(bank, &spec.topics, None, seed);
                let wanted = spec.count.unwrap_or(all.len());
                if wanted > all.len() {
                    return Err(SessionError::NotEnoughQuestions {
                        wanted,
                        available: all.len(),
                    });
                }
                all.into_iter().take(wanted).collect()
            }
            QuizMode::ReviewMissed => {
                let mut missed = shuffled_in_topics(progress.missed_ids(bank));
                missed.truncate(spec.count.unwrap_or(usize::MAX));
                missed
            }
            QuizMode::SpacedReview => {
                let unseen = shuffled_in_topics(progress.unseen_ids(bank));
                progress
                    .due_ids(bank, now)
                    .into_iter()
                    .filter(in_topics)
                    .chain(unseen)
                    .take(spec.count.unwrap_or(DEFAULT_SPACED_COUNT))
                    .collect()
            }
        };
        if order.is_empty() {
            return Err(SessionError::NoQuestions(
                match spec.mode {
                    QuizMode::ReviewMissed => "no missed questions to review — well done",
                    QuizMode::SpacedReview => "nothing is due for review yet",
                    _ => "the chosen topics have no questions",
                }
                .to_string(),
            ));
        }
        let deadline = match (spec.mode, spec.time_limit_minutes) {
            (QuizMode::Exam, Some(minutes)) => Some(now + Duration::minutes(i64::from(minutes))),
            _ => None,
        };
        Ok(QuizSession {
            spec,
            seed,
            order,
            current: 0,
            responses: BTreeMap::new(),
            started_at: now,
            deadline,
            finished_at: None,
        })
    }

    /// The spec the run was started with.
    pub fn spec(&self) -> &QuizSpec {
        &self.spec
    }

    /// The seed actually used (the spec's, or the one taken from the start time).
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Question ids in the order asked.
    pub fn order(&self) -> &[String] {
        &self.order
    }

    /// Position of the current question, from 0.
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The current question id.
    pub fn current_id(&self) -> &str {
        self.order
            .get(self.current)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The current question, if the bank still has it.
    pub fn current_question<'a>(&self, bank: &'a Bank) -> Option<&'a Question> {
        bank.question(self.current_id())
    }

    /// The response given to a question, if any.
    pub fn response(&self, question_id: &str) -> Option<&Response> {
        self.responses.get(question_id)
    }

    /// When the run started.
    pub fn started_at(&self) -> DateTime<FixedOffset> {
        self.started_at
    }

    /// When an exam's time runs out.
    pub fn deadline(&self) -> Option<DateTime<FixedOffset>> {
        self.deadline
    }

    /// When the run finished, if it has.
    pub fn finished_at(&self) -> Option<DateTime<FixedOffset>> {
        self.finished_at
    }

    /// Whether the run is over.
    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// Whether the time limit has passed at `now`.
    pub fn time_up(&self, now: DateTime<FixedOffset>) -> bool {
        self.deadline.is_some_and(|d| now >= d)
    }

    /// Time left at `now` for a timed exam (zero once passed).
    pub fn remaining(&self, now: DateTime<FixedOffset>) -> Option<Duration> {
        self.deadline.map(|d| (d - now).max(Duration::zero()))
    }

    /// The question's options in this run's stable shuffled order
    /// (ordering questions never start out already in the right order).
    pub fn choice_order<'a>(&self, question: &'a Question) -> Vec<&'a QuizChoice> {
        let mut choices: Vec<&QuizChoice> = question.choices.iter().collect();
        shuffle(&mut choices, seed_for(self.seed, &question.id));
        let already_right = choices.iter().map(|c| &c.id).eq(question.correct.iter());
        if question.kind == QuestionKind::Ordering && already_right {
            choices.rotate_left(1);
        }
        choices
    }

    /// Submits an answer to the current question. Returns the score when the
    /// mode shows feedback right away (and records it in `progress`); exams
    /// return `None`, keep the answer changeable and record at the end.
    pub fn submit(
        &mut self,
        bank: &Bank,
        progress: &mut Progress,
        answer: AnswerGiven,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<Score>, SessionError> {
        self.check_open(now)?;
        let id = self.current_id().to_string();
        let question = bank
            .question(&id)
            .ok_or_else(|| SessionError::QuestionMissing(id.clone()))?;
        let immediate = self.spec.mode.immediate_feedback();
        if immediate && self.responses.contains_key(&id) {
            return Err(SessionError::AlreadyAnswered);
        }
        let result = score(question, &answer);
        self.responses.insert(
            id.clone(),
            Response {
                answer,
                score: result,
                answered_at: now,
            },
        );
        if immediate {
            progress.record_answer(&id, result, now);
            Ok(Some(result))
        } else {
            Ok(None)
        }
    }

    /// Moves to the next question in the run's order.
    pub fn advance(&mut self, now: DateTime<FixedOffset>) -> Result<(), SessionError> {
        self.check_open(now)?;
        if self.current + 1 >= self.order.len() {
            return Err(SessionError::AtEnd);
        }
        self.current += 1;
        Ok(())
    }

    /// Moves to the previous question in the run's (shuffled) order.
    pub fn back(&mut self, now: DateTime<FixedOffset>) -> Result<(), SessionError> {
        self.check_open(now)?;
        if self.current == 0 {
            return Err(SessionError::AtStart);
        }
        self.current -= 1;
        Ok(())
    }

    /// Ends the run at `now` (or at the deadline if that came first), records
    /// exam answers and the exam in `progress`, and returns the report.
    pub fn finish(
        &mut self,
        bank: &Bank,
        progress: &mut Progress,
        now: DateTime<FixedOffset>,
    ) -> Result<SessionResult, SessionError> {
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        let ended = self.deadline.map_or(now, |d| d.min(now));
        self.finished_at = Some(ended);
        let result = self.report(bank);
        if self.spec.mode == QuizMode::Exam {
            for answered in result.per_question.iter() {
                if let (Some(score), Some(response)) =
                    (answered.score, self.responses.get(&answered.question_id))
                {
                    progress.record_answer(&answered.question_id, score, response.answered_at);
                }
            }
            progress.record_exam(ExamRecord {
                finished_at: ended,
                percent: result.percent,
                pass_percent: result.pass_percent,
                passed: result.passed.unwrap_or(false),
                question_count: result.total,
                topics: result.per_topic.iter().map(|t| t.topic.clone()).collect(),
            });
        }
        Ok(result)
    }

    /// Finishes a timed exam whose time ran out by `now`; call it on each timer
    /// tick and on reload. `None` if there is nothing to do.
    pub fn expire(
        &mut self,
        bank: &Bank,
        progress: &mut Progress,
        now: DateTime<FixedOffset>,
    ) -> Option<SessionResult> {
        if self.is_finished() || !self.time_up(now) {
            return None;
        }
        self.finish(bank, progress, now).ok()
    }

    /// The report of a finished run (e.g. after a reload), `None` while running.
    pub fn results(&self, bank: &Bank) -> Option<SessionResult> {
        self.is_finished().then(|| self.report(bank))
    }

    fn check_open(&self, now: DateTime<FixedOffset>) -> Result<(), SessionError> {
        if self.is_finished() {
            Err(SessionError::Finished)
        } else if self.time_up(now) {
            Err(SessionError::TimeUp)
        } else {
            Ok(())
        }
    }

    fn report(&self, bank: &Bank) -> SessionResult {
        let per_question: Vec<QuestionResult> = self
            .order
            .iter()
            .filter_map(|id| {
                let question = bank.question(id)?;
                let response = self.responses.get(id);
                Some(QuestionResult {
                    question_id: id.clone(),
                    topic: question.topic.clone(),
                    answer: response.map(|r| r.answer.clone()),
                    score: response.map(|r| r.score),
                })
            })
            .collect();
        let per_topic: Vec<TopicScore> = bank
            .topics()
            .iter()
            .filter_map(|topic| {
                let scores: Vec<f64> = per_question
                    .iter()
                    .filter(|r| r.topic == topic.id)
                    .map(|r| r.score.map_or(0.0, |s| s.fraction))
                    .collect();
                (!scores.is_empty()).then(|| {
                    let earned: f64 = scores.iter().sum();
                    TopicScore {
                        topic: topic.id.clone(),
                        earned,
                        possible: scores.len(),
                        percent: percent(earned, scores.len()),
                    }
                })
            })
            .collect();
        let earned: f64 = per_question
            .iter()
            .map(|r| r.score.map_or(0.0, |s| s.fraction))
            .sum();
        let total = per_question.len();
        let overall = percent(earned, total);
        SessionResult {
            mode: self.spec.mode,
            total,
            answered: per_question.iter().filter(|r| r.score.is_some()).count(),
            percent: overall,
            pass_percent: self.spec.pass_percent,
            passed: (self.spec.mode == QuizMode::Exam)
                .then(|| overall + 1e-9 >= f64::from(self.spec.pass_percent)),
            timed_out: self
                .deadline
                .zip(self.finished_at)
                .is_some_and(|(deadline, ended)| ended >= deadline),
            per_topic,
            per_question,
        }
    }
}

fn percent(earned: f64, possible: usize) -> f64 {
    if possible == 0 {
        0.0
    } else {
        earned * 100.0 / possible as f64
    }
}

#[cfg(test)]
mod tests;
