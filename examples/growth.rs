//! What years of use cost the store: a queue of 2,000 cases and a quiz
//! history of 10,000 answers, as bytes against the ~5 MB a browser gives one
//! site, and the time to read (load), write (save) and merge (another tab
//! changed one case) each record natively. `scripts/bench` runs it; the
//! browser's figures are those times a few times over (the deadlines bench
//! compares native and wasm). The queue is also written, as stored, to
//! [`QUEUE_FILE`], for `scripts/bench.mjs` to seed a browser's storage with.
//! Run with `cargo run --release --example growth`.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use deskaid::domain::content;
use deskaid::domain::quiz::progress::ExamRecord;
use deskaid::domain::quiz::scoring::{Score, Verdict};
use deskaid::domain::sla::{AgencyTerm, Case, CaseStatus, CaseType, Channel, ContactAttempt};
use deskaid::domain::zone::Zone;
use deskaid::store::{decode_tracked, encode_tracked, Persist, Queue, QuizData};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

const CASES: usize = 2_000;
const ANSWERS: usize = 10_000;
/// Answers per exam in the generated history (the shipped exam's default).
const EXAM_LENGTH: usize = 20;
/// What Chromium and Firefox give one site, in characters of stored text.
const QUOTA: usize = 5_000_000;
const RUNS: usize = 9;
/// Where the stored queue goes, under the repository (not `CARGO_TARGET_DIR`,
/// so that `scripts/bench.mjs` finds it whatever the build directory).
const QUEUE_FILE: &str = "target/growth/queue.json";

fn main() {
    let start = Utc.with_ymd_and_hms(2024, 1, 8, 14, 0, 0).unwrap();
    let queue = Queue {
        cases: (0..CASES).map(|i| case(i, start)).collect(),
    };
    let quiz = quiz_history(start);
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(QUEUE_FILE);
    std::fs::create_dir_all(file.parent().expect("the file is in a folder"))
        .expect("the folder for the stored queue can be made");
    std::fs::write(&file, encode_tracked(&queue, &BTreeMap::new()))
        .expect("the stored queue can be written");
    let queue_bytes = report("queue", &queue, |mine| {
        mine.cases[7].notes.push_str(" Customer called again.");
    });
    let quiz_bytes = report("quiz", &quiz, |mine| {
        mine.sender_name = "Ann Lee".to_string();
    });
    let per_case = queue_bytes / CASES;
    println!(
        "together {} KB of about {} KB: {:.0}% of the quota; a queue alone would reach it at about {} cases",
        (queue_bytes + quiz_bytes) / 1000,
        QUOTA / 1000,
        100.0 * (queue_bytes + quiz_bytes) as f64 / QUOTA as f64,
        QUOTA / per_case,
    );
}

/// Prints one record's size and its median load, save and merge times, and
/// returns the size.
fn report<T: Persist>(name: &str, value: &T, change_in_other_tab: impl Fn(&mut T)) -> usize {
    let none = BTreeMap::new();
    let raw = encode_tracked(value, &none);
    let load = median(|| {
        decode_tracked::<T>(&raw).expect("the generated record reads back");
    });
    let save = median(|| {
        encode_tracked(value, &none);
    });
    let mut theirs = value.clone();
    change_in_other_tab(&mut theirs);
    let merge = median(|| {
        // What a save does when another tab wrote first: read theirs, merge,
        // write the result.
        let (theirs, deleted) = decode_tracked::<T>(&encode_tracked(&theirs, &none)).unwrap();
        encode_tracked(&T::merge(value, value.clone(), theirs, &deleted), &deleted);
    });
    println!(
        "{name}: {} KB stored; load {load:.1} ms, save {save:.1} ms, save after another tab's change {merge:.1} ms (median of {RUNS}, native)",
        raw.len() / 1000,
    );
    raw.len()
}

fn median(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

/// A case with what agents typically type: a next action, a few lines of
/// notes and three contact attempts.
fn case(i: usize, start: DateTime<Utc>) -> Case {
    let received = start + Duration::minutes(37 * i as i64);
    Case {
        number: format!("CS-{:06}", 100_000 + i),
        customer: format!("Customer {i} Example-Household"),
        case_type: [CaseType::General, CaseType::Executive, CaseType::Regulatory][i % 3],
        received,
        zone: Zone::named("America/New_York").unwrap(),
        status: CaseStatus::ALL[i % CaseStatus::ALL.len()],
        next_action: "Call the customer back with the case owner's decision".to_string(),
        notes: "Customer reports the repair was not completed; photos received by email. \
                Warm transfer to the case owner declined, follow-up promised within one business day."
            .to_string(),
        attempts: (0..3)
            .map(|day| ContactAttempt {
                channel: [Channel::Email, Channel::Phone][day % 2],
                at: received + Duration::days(day as i64 + 1),
            })
            .collect(),
        agency: if i % 3 == 2 {
            AgencyTerm::Days(30)
        } else {
            AgencyTerm::Unset
        },
        high_priority: i.is_multiple_of(10),
        resolved_at: None,
    }
}

/// 10,000 answers over the shipped bank, one exam of 20 a working day.
fn quiz_history(start: DateTime<Utc>) -> QuizData {
    let bank = content::bank();
    let questions = bank.questions();
    let offset = FixedOffset::west_opt(5 * 3600).unwrap();
    let mut quiz = QuizData::default();
    for exam in 0..ANSWERS / EXAM_LENGTH {
        let day = (start + Duration::days(exam as i64)).with_timezone(&offset);
        for n in 0..EXAM_LENGTH {
            let question = &questions[(exam * 7 + n) % questions.len()];
            let right = !(exam + n).is_multiple_of(4);
            let score = Score {
                fraction: if right { 1.0 } else { 0.0 },
                verdict: if right {
                    Verdict::Correct
                } else {
                    Verdict::Incorrect
                },
            };
            quiz.progress
                .record_answer(&question.id, score, day + Duration::minutes(n as i64));
        }
        quiz.progress.record_exam(ExamRecord {
            finished_at: day + Duration::minutes(EXAM_LENGTH as i64),
            percent: 75.0,
            pass_percent: 80,
            passed: false,
            question_count: EXAM_LENGTH,
            topics: Vec::new(),
        });
    }
    quiz
}
