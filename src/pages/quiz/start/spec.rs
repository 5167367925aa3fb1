//! The quiz options as typed, checked field by field and turned into the
//! spec of the next quiz.

use crate::domain::quiz::{Bank, QuizMode, QuizSpec, DEFAULT_PASS_PERCENT};
use crate::domain::text::sentence;
use std::collections::BTreeSet;

/// What the options form found wrong, per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct OptionProblems {
    /// No topic is chosen.
    pub(super) topics: Option<String>,
    /// The number of questions.
    pub(super) count: Option<String>,
    /// The seed.
    pub(super) seed: Option<String>,
    /// The pass mark (exams).
    pub(super) pass: Option<String>,
    /// The time limit (exams).
    pub(super) time: Option<String>,
    /// What the domain refuses in the options taken together.
    pub(super) other: Option<String>,
}

/// The options as typed, turned into a spec or the problems found.
pub(super) fn build_spec(
    bank: &Bank,
    mode: QuizMode,
    excluded: &BTreeSet<String>,
    count: &str,
    seed: &str,
    pass: &str,
    time: &str,
) -> Result<QuizSpec, Box<OptionProblems>> {
    let mut problems = OptionProblems::default();
    let chosen: Vec<String> = bank
        .topics()
        .iter()
        .filter(|t| !excluded.contains(&t.id))
        .map(|t| t.id.clone())
        .collect();
    if chosen.is_empty() {
        problems.topics = Some("Choose at least one topic.".into());
    }
    let count = match count.trim() {
        "" => None,
        text => match text.parse::<usize>() {
            Ok(0) => {
                problems.count = Some("The number of questions must be at least 1.".into());
                None
            }
            Ok(n) => Some(n),
            Err(_) => {
                problems.count =
                    Some("Type a whole number of questions, such as 10, or leave it empty.".into());
                None
            }
        },
    };
    let seed = match seed.trim() {
        "" => None,
        text => text.parse::<u64>().map(Some).unwrap_or_else(|_| {
            problems.seed = Some("The seed must be a whole number, such as 7, or empty.".into());
            None
        }),
    };
    let exam = mode == QuizMode::Exam;
    let pass_percent = if exam {
        match pass.trim().parse::<u8>() {
            Ok(p) if (1..=100).contains(&p) => p,
            _ => {
                problems.pass = Some("The pass mark must be a whole number from 1 to 100.".into());
                DEFAULT_PASS_PERCENT
            }
        }
    } else {
        DEFAULT_PASS_PERCENT
    };
    let time_limit_minutes = match time.trim() {
        _ if !exam => None,
        "" => None,
        text => match text.parse::<u32>() {
            Ok(m) => Some(m),
            Err(_) => {
                problems.time =
                    Some("The time limit must be a whole number of minutes, or empty.".into());
                None
            }
        },
    };
    let spec = QuizSpec {
        mode,
        topics: if excluded.is_empty() {
            Vec::new()
        } else {
            chosen
        },
        count,
        seed,
        pass_percent,
        time_limit_minutes,
    };
    if problems == OptionProblems::default() {
        if let Err(e) = spec.validate(bank) {
            let text = sentence(&e.to_string());
            if spec.time_limit_minutes.is_some() && text.contains("time limit") {
                problems.time = Some(text);
            } else {
                problems.other = Some(text);
            }
        }
    }
    if problems == OptionProblems::default() {
        Ok(spec)
    } else {
        Err(Box::new(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content;

    fn spec(mode: QuizMode, count: &str, pass: &str) -> Result<QuizSpec, Box<OptionProblems>> {
        build_spec(content::bank(), mode, &BTreeSet::new(), count, "", pass, "")
    }

    #[test]
    fn the_defaults_make_a_practice_quiz_on_every_topic() {
        let spec = spec(QuizMode::Practice, "10", "80").expect("the defaults are valid");
        assert_eq!(spec.count, Some(10));
        assert!(spec.topics.is_empty(), "every topic, including later ones");
    }

    #[test]
    fn each_field_gets_its_own_problem() {
        let problems = spec(QuizMode::Exam, "0", "150").unwrap_err();
        assert_eq!(
            problems.count.as_deref(),
            Some("The number of questions must be at least 1.")
        );
        assert_eq!(
            problems.pass.as_deref(),
            Some("The pass mark must be a whole number from 1 to 100.")
        );
        assert_eq!(problems.topics, None);
    }

    #[test]
    fn no_topic_chosen_is_a_topic_problem() {
        let bank = content::bank();
        let all: BTreeSet<String> = bank.topics().iter().map(|t| t.id.clone()).collect();
        let problems = build_spec(bank, QuizMode::Practice, &all, "", "", "", "").unwrap_err();
        assert_eq!(
            problems.topics.as_deref(),
            Some("Choose at least one topic.")
        );
    }

    #[test]
    fn the_pass_mark_is_read_only_for_exams() {
        assert!(spec(QuizMode::Practice, "", "not a number").is_ok());
    }
}
