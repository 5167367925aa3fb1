//! What the class misses: for each question and each topic, how many of the
//! trainees' answers were not fully right, worst first, and the answers most
//! often given instead of the right one.

use super::class::ClassRow;
use crate::domain::quiz::bank::{Bank, QuestionKind};
use crate::domain::quiz::scoring::{AnswerGiven, Verdict};
use crate::domain::text::normalize_text;

/// How many of the answers most often given instead are kept per question.
const WRONG_ANSWERS_KEPT: usize = 3;

/// An answer given instead of the right one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrongAnswer {
    /// A choice that is not right, picked (choice questions).
    Choice(String),
    /// Wrong typed text, as the first trainee to type it wrote it (fill-in;
    /// the same words with other capitals or punctuation count together).
    Text(String),
    /// An order that is not the right one (ordering questions).
    Order(Vec<String>),
}

/// One question across the class.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMisses {
    /// The question id.
    pub question_id: String,
    /// Its topic id.
    pub topic: String,
    /// How many trainees were asked it.
    pub asked: usize,
    /// How many did not get full marks (unanswered included).
    pub missed: usize,
    /// How many left it unanswered.
    pub unanswered: usize,
    /// The wrong answers given most often, with how many gave each, most
    /// often first (ties in the order first given).
    pub instead: Vec<(WrongAnswer, usize)>,
}

/// One topic across the class.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicMisses {
    /// The topic id.
    pub topic: String,
    /// Answers the class gave in this topic (one per trainee and question).
    pub answers: usize,
    /// Of those, how many were not fully right.
    pub missed: usize,
}

/// The share missed in percent, 0 when nothing was asked.
fn rate(missed: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        missed as f64 * 100.0 / of as f64
    }
}

impl QuestionMisses {
    /// The share of trainees who missed it, in percent.
    pub fn rate(&self) -> f64 {
        rate(self.missed, self.asked)
    }
}

impl TopicMisses {
    /// The share of the topic's answers that were missed, in percent.
    pub fn rate(&self) -> f64 {
        rate(self.missed, self.answers)
    }
}

/// Questions and topics, worst first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassMisses {
    /// Every question asked, highest miss rate first; ties in the order first asked.
    pub questions: Vec<QuestionMisses>,
    /// Every topic asked, highest miss rate first; ties in bank order.
    pub topics: Vec<TopicMisses>,
}

/// What the class in `rows` misses, judged against `bank`.
pub fn class_misses(rows: &[ClassRow], bank: &Bank) -> ClassMisses {
    let mut questions: Vec<QuestionMisses> = Vec::new();
    // Wrong answers with the key they are counted under, per question.
    let mut given: Vec<Vec<(String, WrongAnswer, usize)>> = Vec::new();
    for outcome in rows.iter().flat_map(|row| &row.rescored.per_question) {
        let index = match questions
            .iter()
            .position(|q| q.question_id == outcome.question_id)
        {
            Some(index) => index,
            None => {
                questions.push(QuestionMisses {
                    question_id: outcome.question_id.clone(),
                    topic: outcome.topic.clone(),
                    asked: 0,
                    missed: 0,
                    unanswered: 0,
                    instead: Vec::new(),
                });
                given.push(Vec::new());
                questions.len() - 1
            }
        };
        let entry = &mut questions[index];
        entry.asked += 1;
        if outcome.score.is_none_or(|s| s.verdict != Verdict::Correct) {
            entry.missed += 1;
        }
        let Some(answer) = &outcome.answer else {
            entry.unanswered += 1;
            continue;
        };
        let Some(question) = bank.question(&outcome.question_id) else {
            continue;
        };
        for (key, wrong) in
            wrong_parts(question.kind, &question.correct, &question.accepted, answer)
        {
            match given[index].iter_mut().find(|(known, _, _)| *known == key) {
                Some((_, _, count)) => *count += 1,
                None => given[index].push((key, wrong, 1)),
            }
        }
    }
    for (question, mut wrong) in questions.iter_mut().zip(given) {
        // A stable sort keeps ties in the order first given.
        wrong.sort_by_key(|(_, _, count)| std::cmp::Reverse(*count));
        question.instead = wrong
            .into_iter()
            .take(WRONG_ANSWERS_KEPT)
            .map(|(_, answer, count)| (answer, count))
            .collect();
    }
    let topics = bank
        .topics()
        .iter()
        .filter_map(|topic| {
            let of_topic = questions.iter().filter(|q| q.topic == topic.id);
            let (answers, missed) = of_topic.fold((0, 0), |(answers, missed), q| {
                (answers + q.asked, missed + q.missed)
            });
            (answers > 0).then(|| TopicMisses {
                topic: topic.id.clone(),
                answers,
                missed,
            })
        })
        .collect::<Vec<_>>();
    let mut misses = ClassMisses { questions, topics };
    misses
        .questions
        .sort_by(|a, b| b.rate().total_cmp(&a.rate()));
    misses.topics.sort_by(|a, b| b.rate().total_cmp(&a.rate()));
    misses
}

/// The wrong parts of one answer, each with the key it is counted under:
/// each wrong choice picked, wrong typed text, or a wrong order.
fn wrong_parts(
    kind: QuestionKind,
    correct: &[String],
    accepted: &[String],
    answer: &AnswerGiven,
) -> Vec<(String, WrongAnswer)> {
    match (kind, answer) {
        (QuestionKind::FillIn, AnswerGiven::Text(text)) => {
            let typed = normalize_text(text);
            let right = accepted.iter().any(|a| normalize_text(a) == typed);
            if right || typed.is_empty() {
                Vec::new()
            } else {
                vec![(typed, WrongAnswer::Text(text.trim().to_string()))]
            }
        }
        (QuestionKind::Ordering, AnswerGiven::Order(order)) if order != correct => {
            vec![(order.join("\n"), WrongAnswer::Order(order.clone()))]
        }
        (_, AnswerGiven::Choices(picked)) => {
            let mut seen: Vec<&String> = Vec::new();
            picked
                .iter()
                .filter(|id| !correct.contains(id))
                .filter(|id| {
                    let first = !seen.contains(id);
                    seen.push(id);
                    first
                })
                .map(|id| (id.clone(), WrongAnswer::Choice(id.clone())))
                .collect()
        }
        _ => Vec::new(),
    }
}
