//! The quiz in words: dates, durations, scores, modes, verdicts, a quiz's
//! settings and a question's answers as people read them, one copy for the
//! quiz's start screen, questions and results, and the trainer's class
//! results.

pub use crate::components::clock::local_now;
use crate::components::clock::BrowserZone;
use crate::components::form::FormOption;
use crate::domain::content;
use crate::domain::quiz::{
    AnswerGiven, Bank, LinkTarget, Question, QuestionKind, QuizMode, QuizSpec, Verdict,
};
use crate::domain::sla::rule_case_type;
use crate::domain::text::plural;
use crate::domain::time::OffsetAt;
use crate::nav::Route;
use chrono::{DateTime, Duration};

/// A date and time for people in the learner's zone, with the offset it had
/// then (an exam from July reads July's time in December): "5 Mar 2026, 14:05".
pub fn format_when<Tz: chrono::TimeZone>(when: &DateTime<Tz>) -> String {
    BrowserZone
        .local(when.to_utc())
        .format("%-d %b %Y, %H:%M")
        .to_string()
}

/// A length of time for people: "3 min 07 s", "1 h 05 min".
pub fn format_duration(duration: Duration) -> String {
    let seconds = duration.num_seconds().max(0);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h} h {m:02} min")
    } else {
        format!("{m} min {s:02} s")
    }
}

pub use crate::domain::text::format_percent;

/// Each topic's id and title with its question count, in bank order.
pub fn topic_counts(bank: &Bank) -> Vec<(String, String, usize)> {
    bank.topics()
        .iter()
        .map(|t| {
            let n = bank.questions().iter().filter(|q| q.topic == t.id).count();
            (t.id.clone(), t.title.clone(), n)
        })
        .collect()
}

/// A verdict in words.
pub fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Correct => "Correct",
        Verdict::Partial => "Partly right",
        Verdict::Incorrect => "Incorrect",
    }
}

/// One line describing a quiz: "Exam: 3 questions on Deadlines, time limit
/// 15 minutes, pass mark 80%, seed 7".
pub fn describe_spec(spec: &QuizSpec, bank: &Bank) -> String {
    let questions = match spec.count {
        Some(n) => plural(n as u64, "question").to_string(),
        None if spec.mode == QuizMode::SpacedReview => "questions".to_string(),
        None => "all questions".to_string(),
    };
    let topics = if spec.topics.is_empty() {
        "all topics".to_string()
    } else {
        spec.topics
            .iter()
            .map(|id| bank.topic(id).map_or(id.as_str(), |t| t.title.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = vec![format!("{}: {questions} on {topics}", spec.mode.label())];
    if spec.mode == QuizMode::Exam {
        match spec.time_limit_minutes {
            Some(minutes) => parts.push(format!("time limit {}", plural(minutes, "minute"))),
            None => parts.push("no time limit".to_string()),
        }
        parts.push(format!("pass mark {}%", spec.pass_percent));
    }
    if let Some(seed) = spec.seed {
        parts.push(format!("seed {seed}"));
    }
    parts.join(", ")
}

/// The text of a choice, or its id if the question no longer has it.
pub fn choice_text(question: &Question, id: &str) -> String {
    question
        .choice(id)
        .map_or_else(|| id.to_string(), |c| c.text.clone())
}

/// What the learner answered, in words.
pub fn answer_text(question: &Question, answer: &AnswerGiven) -> String {
    match answer {
        AnswerGiven::Choices(ids) => ids
            .iter()
            .map(|id| choice_text(question, id))
            .collect::<Vec<_>>()
            .join("; "),
        AnswerGiven::Text(text) => text.clone(),
        AnswerGiven::Order(ids) => numbered(question, ids),
    }
}

/// Items of an ordering answer in their order: "1. First 2. Second".
fn numbered(question: &Question, ids: &[String]) -> String {
    ids.iter()
        .enumerate()
        .map(|(i, id)| format!("{}. {}", i + 1, choice_text(question, id)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The right answer, in words.
pub fn right_answer_text(question: &Question) -> String {
    let choices = || {
        question
            .correct
            .iter()
            .map(|id| choice_text(question, id))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match question.kind {
        QuestionKind::Single | QuestionKind::Multiple => choices(),
        QuestionKind::PickAny => format!(
            "any {} of: {}",
            question.pick.unwrap_or(question.correct.len()),
            choices()
        ),
        QuestionKind::FillIn => match question.accepted.split_first() {
            Some((first, [])) => first.clone(),
            Some((first, rest)) => format!("{first} (also accepted: {})", rest.join("; ")),
            None => String::new(),
        },
        QuestionKind::Ordering => numbered(question, &question.correct),
    }
}

/// Where a question's link leads in the app, with the link text; `None` when
/// it has no link or the link points nowhere (custom banks).
pub fn question_link(question: &Question) -> Option<(String, &'static str)> {
    let target = LinkTarget::parse(question.link.as_deref()?).ok()?;
    if !content::link_exists(content::flows(), &target) {
        return None;
    }
    Some(match target {
        LinkTarget::FlowStep { flow, step } => (
            Route::Escalation {
                flow: Some(flow),
                step: Some(step),
            }
            .href(),
            "Open this step of the escalation flowchart",
        ),
        LinkTarget::SlaRule { rule } => match rule_case_type(&rule) {
            Some(case_type) => (
                Route::Sla.href_with(&[("type", case_type.query_value().to_string())]),
                "Open this rule in the SLA calculator",
            ),
            None => (Route::Sla.href(), "Open the SLA calculator"),
        },
    })
}
