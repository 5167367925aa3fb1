//! Spaced repetition with FSRS (the `rs-fsrs` crate, its default
//! parameters, short-term steps on, fuzz off): after each answer a question's
//! card gets a new due date, and spaced review asks the due ones first.
//!
//! Quiz verdicts map to FSRS ratings as: right → Good, partial → Hard,
//! wrong → Again (Easy is never used: a quiz cannot tell "easy" from "right").

use crate::domain::quiz::scoring::Verdict;
use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The FSRS learning phase of a card, stored with the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CardPhase {
    /// Never reviewed.
    New,
    /// In the first short-term steps.
    Learning,
    /// Remembered; intervals grow.
    Review,
    /// Forgotten after review; short-term steps again.
    Relearning,
}

/// The FSRS memory state of one question, in our own storage format so saved
/// progress does not depend on the scheduler crate's internal layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// When the question should next be asked.
    pub due: DateTime<Utc>,
    /// FSRS stability (days until recall probability falls to 90%).
    pub stability: f64,
    /// FSRS difficulty (1–10).
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// Days from the last review to `due`.
    pub scheduled_days: i64,
    /// Reviews so far.
    pub reps: i32,
    /// Times a remembered question was forgotten.
    pub lapses: i32,
    /// The learning phase.
    pub phase: CardPhase,
    /// When the question was last reviewed.
    pub last_review: DateTime<Utc>,
}

/// The FSRS rating a quiz verdict counts as.
pub fn rating_for(verdict: Verdict) -> Rating {
    match verdict {
        Verdict::Correct => Rating::Good,
        Verdict::Partial => Rating::Hard,
        Verdict::Incorrect => Rating::Again,
    }
}

/// The card after answering at `now` with `verdict`; `card` is `None` for a
/// question never answered before.
pub fn review_card(card: Option<&CardState>, verdict: Verdict, now: DateTime<Utc>) -> CardState {
    let before = match card {
        Some(state) => to_fsrs(state),
        None => Card {
            due: now,
            last_review: now,
            ..Card::default()
        },
    };
    from_fsrs(&scheduler().next(before, now, rating_for(verdict)).card)
}

/// The default-parameter scheduler, built once: `Parameters::default()` reads
/// the clock for a fuzz seed that is unused because fuzz is off.
fn scheduler() -> &'static FSRS {
    static SCHEDULER: OnceLock<FSRS> = OnceLock::new();
    SCHEDULER.get_or_init(|| FSRS::new(Parameters::default()))
}

fn to_fsrs(state: &CardState) -> Card {
    Card {
        due: state.due,
        stability: state.stability,
        difficulty: state.difficulty,
        elapsed_days: state.elapsed_days,
        scheduled_days: state.scheduled_days,
        reps: state.reps,
        lapses: state.lapses,
        state: match state.phase {
            CardPhase::New => State::New,
            CardPhase::Learning => State::Learning,
            CardPhase::Review => State::Review,
            CardPhase::Relearning => State::Relearning,
        },
        last_review: state.last_review,
    }
}

fn from_fsrs(card: &Card) -> CardState {
    CardState {
        due: card.due,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: card.elapsed_days,
        scheduled_days: card.scheduled_days,
        reps: card.reps,
        lapses: card.lapses,
        phase: match card.state {
            State::New => CardPhase::New,
            State::Learning => CardPhase::Learning,
            State::Review => CardPhase::Review,
            State::Relearning => CardPhase::Relearning,
        },
        last_review: card.last_review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn run(verdicts: &[Verdict], start: DateTime<Utc>) -> Vec<CardState> {
        let mut card: Option<CardState> = None;
        let mut now = start;
        let mut history = Vec::new();
        for verdict in verdicts {
            let next = review_card(card.as_ref(), *verdict, now);
            now = next.due;
            history.push(next.clone());
            card = Some(next);
        }
        history
    }

    #[test]
    fn matches_the_published_rs_fsrs_interval_sequence() {
        // rs-fsrs 1.2.1 src/tests.rs `test_basic_scheduler_interval`: default
        // parameters from 2022-11-29 12:30 UTC, each review on its due date.
        use Verdict::{Correct as G, Incorrect as A};
        let verdicts = [G, G, G, G, G, G, A, A, G, G, G, G, G];
        let days: Vec<i64> = run(&verdicts, at(2022, 11, 29, 12, 30))
            .iter()
            .map(|c| c.scheduled_days)
            .collect();
        assert_eq!(days, [0, 4, 15, 48, 136, 351, 0, 0, 7, 13, 24, 43, 77]);
    }

    #[test]
    fn due_dates_after_right_partial_and_wrong_answers() {
        use Verdict::{Correct, Incorrect, Partial};
        let start = at(2024, 1, 15, 9, 0);
        let cards = run(&[Correct, Correct, Partial, Incorrect, Correct], start);
        let due: Vec<DateTime<Utc>> = cards.iter().map(|c| c.due).collect();
        assert_eq!(
            due,
            [
                at(2024, 1, 15, 9, 10),
                at(2024, 1, 19, 9, 10),
                at(2024, 1, 26, 9, 10),
                at(2024, 1, 26, 9, 15),
                at(2024, 1, 28, 9, 15),
            ]
        );
        let last = cards.last().unwrap();
        assert_eq!(
            (last.reps, last.lapses, last.phase),
            (5, 1, CardPhase::Review)
        );
    }

    #[test]
    fn verdicts_map_to_ratings() {
        assert_eq!(rating_for(Verdict::Correct), Rating::Good);
        assert_eq!(rating_for(Verdict::Partial), Rating::Hard);
        assert_eq!(rating_for(Verdict::Incorrect), Rating::Again);
    }
}
