//! What a spec asks against what the bank holds, and what Start then runs.

use super::super::testing::{at, exam_spec, shipped_bank, small_bank};
use super::*;
use crate::domain::quiz::{Progress, QuizSession};

/// `spec` on the topic "alpha" of the small bank (3 questions).
fn on_alpha(spec: QuizSpec) -> QuizSpec {
    QuizSpec {
        topics: vec!["alpha".into()],
        ..spec
    }
}

#[test]
fn an_exam_asking_more_than_its_topics_hold_asks_all_of_them_and_says_so() {
    let bank = small_bank();
    let asked = on_alpha(exam_spec(10));
    // As asked, the exam would not start at all.
    assert_eq!(
        QuizSession::start(&bank, &Progress::default(), asked.clone(), at(4, 9, 0)),
        Err(SessionError::NotEnoughQuestions {
            wanted: 10,
            available: 3
        })
    );
    let fitted = asked.fit(&bank);
    let shortfall = Shortfall {
        wanted: 10,
        available: 3,
    };
    assert_eq!(fitted.shortfall, Some(shortfall));
    assert_eq!(
        shortfall.to_string(),
        "10 questions asked for but the chosen topics have only 3, so the quiz asks all 3"
    );
    assert_eq!(
        fitted.spec,
        QuizSpec {
            count: Some(3),
            ..asked
        },
        "only the count changes: same topics, seed, pass mark"
    );
    let session =
        QuizSession::start(&bank, &Progress::default(), fitted.spec, at(4, 9, 0)).unwrap();
    assert_eq!(session.order().len(), 3);
}

#[test]
fn practice_asking_too_much_is_told_too() {
    let bank = small_bank();
    let asked = on_alpha(QuizSpec {
        count: Some(4),
        ..QuizSpec::default()
    });
    let fitted = asked.fit(&bank);
    assert_eq!(
        fitted.shortfall,
        Some(Shortfall {
            wanted: 4,
            available: 3
        })
    );
    assert_eq!(fitted.spec.count, Some(3));
}

#[test]
fn a_count_the_topics_can_fill_or_no_count_is_left_alone() {
    let bank = small_bank();
    for count in [None, Some(1), Some(3)] {
        let asked = on_alpha(QuizSpec {
            count,
            ..exam_spec(1)
        });
        assert_eq!(
            asked.fit(&bank),
            FittedSpec {
                spec: asked.clone(),
                shortfall: None
            },
            "{count:?}"
        );
    }
    // Every topic: the whole bank counts.
    assert_eq!(exam_spec(6).fit(&bank).shortfall, None);
    assert_eq!(exam_spec(6).questions_available(&bank), 6);
}

#[test]
fn reviews_keep_their_count_as_an_upper_bound() {
    let bank = small_bank();
    for mode in [QuizMode::ReviewMissed, QuizMode::SpacedReview] {
        let asked = on_alpha(QuizSpec {
            mode,
            count: Some(20),
            ..QuizSpec::default()
        });
        assert_eq!(asked.fit(&bank).spec, asked, "{mode:?}");
        assert_eq!(asked.fit(&bank).shortfall, None, "{mode:?}");
    }
}

#[test]
fn the_trainers_deadlines_exam_of_ten_asks_the_eight_the_topic_holds() {
    let bank = shipped_bank();
    let asked = QuizSpec {
        topics: vec!["deadlines".into()],
        ..exam_spec(10)
    };
    let fitted = asked.fit(&bank);
    assert_eq!(
        fitted.shortfall,
        Some(Shortfall {
            wanted: 10,
            available: 8
        })
    );
    assert_eq!(fitted.spec.count, Some(8));
}
