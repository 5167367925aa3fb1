//! The learner's progress, stored in the browser: per-question history keyed
//! by question id (so edited wording keeps its history, and history for
//! removed questions is kept but ignored), exam results and the daily streak.

use crate::domain::quiz::bank::Bank;
use crate::domain::quiz::schedule::{review_card, CardState};
use crate::domain::quiz::scoring::{Score, Verdict};
use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What happened with one question over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionHistory {
    /// How many times it was answered.
    pub attempts: u32,
    /// How many of those were fully right.
    pub correct: u32,
    /// The verdict of the latest answer; drives "review missed".
    pub last_verdict: Verdict,
    /// When it was last answered, in the learner's local time.
    pub last_answered_at: DateTime<FixedOffset>,
    /// FSRS memory state; drives "spaced review".
    pub card: CardState,
}

impl QuestionHistory {
    /// Whether the latest answer was wrong or only partly right.
    pub fn last_missed(&self) -> bool {
        self.last_verdict != Verdict::Correct
    }
}

/// One finished exam, for the history table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamRecord {
    /// When the exam ended.
    pub finished_at: DateTime<FixedOffset>,
    /// Score in percent, 0–100.
    pub percent: f64,
    /// The pass mark that applied, in percent.
    pub pass_percent: u8,
    /// Whether `percent` reached the pass mark.
    pub passed: bool,
    /// How many questions the exam had.
    pub question_count: usize,
    /// Topic ids the exam covered.
    pub topics: Vec<String>,
}

/// Everything the quiz remembers about a learner.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// History per question id.
    pub questions: BTreeMap<String, QuestionHistory>,
    /// Finished exams, oldest first.
    pub exams: Vec<ExamRecord>,
    /// Local calendar days on which the learner answered anything.
    pub active_days: BTreeSet<NaiveDate>,
}

impl Progress {
    /// Records one answer: attempts, last result, FSRS schedule and today's activity.
    pub fn record_answer(&mut self, question_id: &str, score: Score, now: DateTime<FixedOffset>) {
        let previous = self.questions.get(question_id);
        let card = review_card(
            previous.map(|h| &h.card),
            score.verdict,
            now.with_timezone(&Utc),
        );
        let (attempts, correct) = previous.map_or((0, 0), |h| (h.attempts, h.correct));
        let right = u32::from(score.verdict == Verdict::Correct);
        self.questions.insert(
            question_id.to_string(),
            QuestionHistory {
                attempts: attempts + 1,
                correct: correct + right,
                last_verdict: score.verdict,
                last_answered_at: now,
                card,
            },
        );
        self.active_days.insert(now.date_naive());
    }

    /// Adds a finished exam to the history.
    pub fn record_exam(&mut self, record: ExamRecord) {
        self.active_days.insert(record.finished_at.date_naive());
        self.exams.push(record);
    }

    /// History of a question that is still in the bank.
    pub fn history<'a>(&'a self, bank: &Bank, question_id: &str) -> Option<&'a QuestionHistory> {
        bank.question(question_id)?;
        self.questions.get(question_id)
    }

    /// Ids of bank questions whose latest answer was wrong or partly right, in bank order.
    pub fn missed_ids(&self, bank: &Bank) -> Vec<String> {
        bank.questions()
            .iter()
            .filter(|q| self.questions.get(&q.id).is_some_and(|h| h.last_missed()))
            .map(|q| q.id.clone())
            .collect()
    }

    /// Ids of bank questions due at `now`, most overdue first (ties in bank order).
    pub fn due_ids(&self, bank: &Bank, now: DateTime<FixedOffset>) -> Vec<String> {
        let mut due: Vec<(DateTime<Utc>, usize, &str)> = bank
            .questions()
            .iter()
            .enumerate()
            .filter_map(|(index, q)| {
                let card = &self.questions.get(&q.id)?.card;
                (card.due <= now).then_some((card.due, index, q.id.as_str()))
            })
            .collect();
        due.sort();
        due.into_iter().map(|(_, _, id)| id.to_string()).collect()
    }

    /// Ids of bank questions never answered, in bank order.
    pub fn unseen_ids(&self, bank: &Bank) -> Vec<String> {
        bank.questions()
            .iter()
            .filter(|q| !self.questions.contains_key(&q.id))
            .map(|q| q.id.clone())
            .collect()
    }

    /// Consecutive local days with activity, ending today — or yesterday,
    /// so a streak is not lost before today's practice.
    pub fn streak(&self, now: DateTime<FixedOffset>) -> u32 {
        let today = now.date_naive();
        let mut day = if self.active_days.contains(&today) {
            today
        } else {
            match today.checked_sub_days(Days::new(1)) {
                Some(yesterday) if self.active_days.contains(&yesterday) => yesterday,
                _ => return 0,
            }
        };
        let mut streak = 0;
        while self.active_days.contains(&day) {
            streak += 1;
            match day.checked_sub_days(Days::new(1)) {
                Some(previous) => day = previous,
                None => break,
            }
        }
        streak
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::quiz::testing::at;
    use crate::domain::quiz::*;

    #[test]
    fn streak_counts_consecutive_local_days() {
        let mut progress = Progress::default();
        for day in [1, 2, 3] {
            progress.record_answer("a1", Score::from_fraction(1.0), at(day, 21, 0));
        }
        progress.record_answer("a1", Score::from_fraction(1.0), at(5, 9, 0));
        assert_eq!(progress.streak(at(3, 22, 0)), 3);
        assert_eq!(progress.streak(at(4, 8, 0)), 3, "yesterday keeps it alive");
        assert_eq!(progress.streak(at(5, 10, 0)), 1);
        assert_eq!(progress.streak(at(7, 10, 0)), 0);
        // 21:00 at UTC-5 is already the next day in UTC; the local day counts.
        assert!(progress.active_days.contains(&at(1, 21, 0).date_naive()));
        assert_eq!(progress.questions["a1"].attempts, 4);
        assert_eq!(progress.questions["a1"].correct, 4);
    }

    #[test]
    fn a_streak_across_a_daylight_saving_change_counts_each_answer_s_own_local_day() {
        use crate::domain::time::OffsetAt;
        use chrono::{TimeZone, Utc};
        let ny = crate::domain::zone::Zone::named("America/New_York").unwrap();
        let mut progress = Progress::default();
        // 00:30 in New York each night, 30 October to 2 November: EDT (04:30
        // UTC) until the clocks go back on 1 November, then EST (05:30 UTC).
        // Read with today's offset (EST), the EDT nights would fall on the
        // evening before and 1 November would be missing.
        for (month, day, hour) in [(10, 30, 4), (10, 31, 4), (11, 1, 4), (11, 2, 5)] {
            let answered = ny.local(Utc.with_ymd_and_hms(2026, month, day, hour, 30, 0).unwrap());
            assert_eq!(answered.format("%H:%M").to_string(), "00:30");
            progress.record_answer("a1", Score::from_fraction(1.0), answered);
        }
        let now = ny.local(Utc.with_ymd_and_hms(2026, 11, 2, 14, 0, 0).unwrap());
        assert_eq!(progress.streak(now), 4);
        let days: Vec<String> = progress.active_days.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            days,
            ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]
        );
    }
}
