//! The class table and what the class misses as CSV, for a spreadsheet or
//! the training records. Names and typed answers come from trainees, so they
//! are kept from running as formulas.

use super::class::ClassRow;
use super::misses::{ClassMisses, WrongAnswer};
use crate::domain::csv::{csv_table, typed_text};
use crate::domain::quiz::bank::Bank;
use chrono::{Duration, SecondsFormat};

/// The class table: one row per result, in the order given.
pub fn table_csv(rows: &[ClassRow], quiz_label: impl Fn(&str) -> String) -> String {
    const HEADER: [&str; 9] = [
        "Name",
        "Quiz",
        "Score (%)",
        "Pass mark (%)",
        "Result",
        "Time taken",
        "Started",
        "Finished",
        "Warnings",
    ];
    let records = rows.iter().map(|row| {
        let result = match row.rescored.passed {
            Some(true) => "Passed",
            Some(false) => "Not passed",
            None => "Cannot tell",
        };
        [
            typed_text(&row.name),
            quiz_label(&row.quiz_id),
            one_decimal(row.rescored.percent),
            row.pass_percent.to_string(),
            result.to_string(),
            clock_duration(row.rescored.time_taken),
            row.started_at.to_rfc3339_opts(SecondsFormat::Secs, false),
            row.finished_at.to_rfc3339_opts(SecondsFormat::Secs, false),
            row.rescored
                .warnings()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ]
    });
    csv_table(HEADER, records)
}

/// Miss rates: the topics, then the questions, each worst first.
pub fn misses_csv(misses: &ClassMisses, bank: &Bank) -> String {
    const HEADER: [&str; 8] = [
        "Kind",
        "Id",
        "Topic",
        "Question",
        "Answers",
        "Missed",
        "Miss rate (%)",
        "Most often given instead",
    ];
    let topic_title = |id: &str| bank.topic(id).map_or(id.to_string(), |t| t.title.clone());
    let topics = misses.topics.iter().map(|topic| {
        [
            "Topic".to_string(),
            topic.topic.clone(),
            topic_title(&topic.topic),
            String::new(),
            topic.answers.to_string(),
            topic.missed.to_string(),
            one_decimal(topic.rate()),
            String::new(),
        ]
    });
    let questions = misses.questions.iter().map(|question| {
        let asked = bank.question(&question.question_id);
        let choice = |id: &String| {
            asked
                .and_then(|q| q.choice(id))
                .map_or(id.clone(), |c| c.text.clone())
        };
        let instead: Vec<String> = question
            .instead
            .iter()
            .map(|(answer, count)| {
                let words = match answer {
                    WrongAnswer::Choice(id) => choice(id),
                    WrongAnswer::Text(text) => typed_text(text),
                    WrongAnswer::Order(ids) => {
                        ids.iter().map(choice).collect::<Vec<_>>().join(" → ")
                    }
                };
                format!("{words} ({count})")
            })
            .collect();
        [
            "Question".to_string(),
            question.question_id.clone(),
            topic_title(&question.topic),
            asked.map_or(String::new(), |q| q.prompt.clone()),
            question.asked.to_string(),
            question.missed.to_string(),
            one_decimal(question.rate()),
            instead.join("; "),
        ]
    });
    csv_table(HEADER, topics.chain(questions))
}

/// A percentage with at most one decimal, as a spreadsheet reads it: "66.7".
fn one_decimal(percent: f64) -> String {
    let rounded = (percent * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A duration as a spreadsheet reads one: "0:12:05".
fn clock_duration(duration: Duration) -> String {
    let seconds = duration.num_seconds().max(0);
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}
