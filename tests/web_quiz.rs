//! Component tests of the training quiz in headless Chromium.
#![cfg(target_arch = "wasm32")]

use chrono::{FixedOffset, TimeZone};
use deskaid::domain::content;
use deskaid::domain::quiz::{Progress, QuestionKind, QuizMode, QuizSession, QuizSpec};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_start_screen_lists_every_topic_with_its_question_count() {
    let (container, handle) = render_at("#/quiz").await;
    assert_eq!(text_of(&container, "main h1"), "Training quiz");
    let bank = content::bank();
    let topics = find(&container, "[data-testid=quiz-topics]").child_element_count();
    assert_eq!(topics as usize, bank.topics().len());
    let list = text_of(&container, "[data-testid=quiz-topics]");
    let deadlines = bank
        .questions()
        .iter()
        .filter(|q| q.topic == "deadlines")
        .count();
    assert!(
        list.contains(&format!("Contact and resolution deadlines ({deadlines})")),
        "{list}"
    );
    // Written out by hand from content/questions/q001.toml.
    assert!(
        list.contains("Contact and resolution deadlines (8)"),
        "{list}"
    );
    assert!(list.contains("Credits and approvals ("), "{list}");
    let checkbox: web_sys::HtmlInputElement =
        find(&container, "#quiz-topic-deadlines").unchecked_into();
    assert!(checkbox.checked(), "every topic is chosen by default");
    cleanup(container, handle);
}

/// A one-question practice on deadlines whose question is single-choice,
/// with the seed that gives it.
fn single_choice_practice() -> (u64, QuizSession) {
    let bank = content::bank();
    let now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .unwrap();
    (1..200u64)
        .map(|seed| {
            let spec = QuizSpec {
                mode: QuizMode::Practice,
                topics: vec!["deadlines".into()],
                count: Some(1),
                seed: Some(seed),
                ..QuizSpec::default()
            };
            (
                seed,
                QuizSession::start(bank, &Progress::default(), spec, now).unwrap(),
            )
        })
        .find(|(_, s)| s.current_question(bank).unwrap().kind == QuestionKind::Single)
        .expect("a single-choice deadlines question")
}

#[wasm_bindgen_test]
async fn a_practice_question_answered_right_shows_correct_and_the_explanation() {
    let bank = content::bank();
    let (seed, session) = single_choice_practice();
    let question = session.current_question(bank).unwrap();
    let right = session
        .choice_order(question)
        .iter()
        .position(|c| c.id == question.correct[0])
        .unwrap();

    let (container, handle) = render_at(&format!(
        "#/quiz?mode=practice&topics=deadlines&count=1&seed={seed}"
    ))
    .await;
    start_linked_quiz(&container).await;
    assert_eq!(
        text_of(&container, "#quiz-question-heading"),
        "Question 1 of 1"
    );
    assert_eq!(text_of(&container, "#quiz-prompt"), question.prompt);
    find(&container, &format!("#quiz-option-{right}")).click();
    leptos::task::tick().await;
    find(&container, "[data-testid=quiz-primary]").click();
    settle(&container).await;
    let feedback = text_of(&container, "[data-testid=quiz-feedback]");
    assert!(feedback.contains("Correct"), "{feedback}");
    assert!(feedback.contains(&question.explanation), "{feedback}");
    assert_eq!(
        text_of(&container, "[data-testid=quiz-primary]"),
        "See results"
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_trainer_link_starts_an_exam_with_the_given_count() {
    let (container, handle) =
        render_at("#/quiz?mode=exam&topics=deadlines&count=3&seed=7&pass=80").await;
    start_linked_quiz(&container).await;
    assert_eq!(
        text_of(&container, "#quiz-question-heading"),
        "Question 1 of 3"
    );
    assert!(text_of(&container, ".quiz-meta").contains("Exam"));
    assert_eq!(container.inner_html().matches("<h1").count(), 1);
    cleanup(container, handle);
}

/// Presses Start on the screen a trainer's link opens.
async fn start_linked_quiz(container: &web_sys::HtmlElement) {
    find(container, "[data-testid=quiz-linked] .button-row button").click();
    settle(container).await;
}

fn current_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn a_timed_exam_link_states_its_settings_and_starts_the_clock_only_on_start() {
    let link = "#/quiz?mode=exam&topics=deadlines&count=5&seed=7&pass=80&time=15";
    let (container, handle) = render_at(link).await;
    assert_eq!(
        text_of(&container, "[data-testid=quiz-linked-spec]"),
        "Exam: 5 questions on Contact and resolution deadlines, time limit 15 minutes, pass mark 80%, seed 7"
    );
    assert!(container
        .query_selector("#quiz-question-heading, .quiz-timer")
        .unwrap()
        .is_none());
    assert_eq!(current_hash(), link, "the link stays until the quiz starts");
    let start = text_of(&container, "[data-testid=quiz-linked] .button-row button");
    assert_eq!(start, "Start the quiz");

    start_linked_quiz(&container).await;
    assert_eq!(
        text_of(&container, "#quiz-question-heading"),
        "Question 1 of 5"
    );
    let timer = text_of(&container, ".quiz-timer");
    assert!(
        timer.contains("15 min 00 s") || timer.contains("14 min 59 s"),
        "{timer}"
    );
    assert_eq!(current_hash(), "#/quiz");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_bad_trainer_link_shows_the_problem_and_the_start_screen() {
    let (container, handle) = render_at("#/quiz?mode=exam&count=0").await;
    let error = text_of(&container, "[data-testid=quiz-link-error]");
    assert!(error.contains("at least 1"), "{error}");
    assert!(container
        .query_selector("[data-testid=quiz-topics]")
        .unwrap()
        .is_some());
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn every_problem_of_a_bad_link_is_reported_in_one_sentence() {
    let (container, handle) = render_at("#/quiz?mode=exam&count=abc&pass=500&time=-1").await;
    let error = text_of(&container, "[data-testid=quiz-link-error]");
    assert_eq!(
        error,
        "This quiz link cannot be used: count=\"abc\" is not valid (expected a question count such as 20); \
         the pass mark must be a percentage from 1 to 100, not 500; \
         time=\"-1\" is not valid (expected minutes, e.g. 30)."
    );
    cleanup(container, handle);

    // An error found only on Start stays in lower case mid-sentence.
    let (container, handle) = render_at("#/quiz?mode=review-missed&topics=deadlines").await;
    start_linked_quiz(&container).await;
    let error = text_of(&container, "[data-testid=quiz-link-error]");
    assert!(
        error.starts_with("This quiz link cannot start a quiz: no missed questions to review"),
        "{error}"
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_link_asking_more_than_its_topics_hold_says_what_start_will_do() {
    let (container, handle) = render_at("#/quiz?mode=exam&topics=deadlines&count=50&seed=7").await;
    let said = text_of(&container, "[data-testid=quiz-linked-shortfall]");
    let expected = "This link asks for 50 questions but the chosen topics have only 8 in the question bank in use, so the exam asks all 8.";
    assert_eq!(said, expected);
    assert!(
        text_of(&container, "[data-testid=quiz-linked-spec]").starts_with("Exam: 8 questions"),
        "the quiz stated is the one Start runs"
    );
    start_linked_quiz(&container).await;
    assert_eq!(
        text_of(&container, "#quiz-question-heading"),
        "Question 1 of 8"
    );
    assert!(text_of(&container, ".quiz-meta").contains("Exam"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn practice_feedback_marks_the_learners_wrong_pick_in_words() {
    let bank = content::bank();
    let (seed, session) = single_choice_practice();
    let question = session.current_question(bank).unwrap();
    let order = session.choice_order(question);
    let right = order
        .iter()
        .position(|c| c.id == question.correct[0])
        .unwrap();
    let wrong = order
        .iter()
        .position(|c| !question.correct.contains(&c.id))
        .unwrap();

    let (container, handle) = render_at(&format!(
        "#/quiz?mode=practice&topics=deadlines&count=1&seed={seed}"
    ))
    .await;
    start_linked_quiz(&container).await;
    find(&container, &format!("#quiz-option-{wrong}")).click();
    leptos::task::tick().await;
    find(&container, "[data-testid=quiz-primary]").click();
    settle(&container).await;
    let label = |i: usize| text_of(&container, &format!("label[for=quiz-option-{i}]"));
    assert!(label(wrong).ends_with(" ✗ your answer"), "{}", label(wrong));
    assert!(
        label(right).ends_with(" ✓ right answer"),
        "{}",
        label(right)
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn on_the_last_exam_question_the_hint_says_enter_finishes_the_exam() {
    let (container, handle) = render_at("#/quiz?mode=exam&topics=deadlines&count=2&seed=7").await;
    start_linked_quiz(&container).await;
    let hint = text_of(&container, "#quiz-instruction");
    assert!(hint.contains("Enter goes to the next question."), "{hint}");
    find(&container, "[data-testid=quiz-primary]").click();
    settle(&container).await;
    assert_eq!(
        text_of(&container, "#quiz-question-heading"),
        "Question 2 of 2"
    );
    let hint = text_of(&container, "#quiz-instruction");
    assert!(hint.contains("Enter finishes the exam."), "{hint}");
    assert!(!hint.contains("next question"), "{hint}");
    cleanup(container, handle);
}

/// Whether every input under `selector` is disabled, and how many there are.
fn disabled_inputs(container: &web_sys::HtmlElement, selector: &str) -> (bool, u32) {
    let inputs = container.query_selector_all(selector).unwrap();
    let all = (0..inputs.length()).all(|i| {
        let input: web_sys::HtmlInputElement = inputs.get(i).unwrap().unchecked_into();
        input.disabled()
    });
    (all, inputs.length())
}

#[wasm_bindgen_test]
async fn a_question_link_shows_that_question_with_its_answer_and_changes_nothing() {
    let (container, handle) = render_at("#/quiz?question=q001-resolution-executive").await;
    let view = "[data-testid=quiz-linked-question]";
    assert_eq!(
        text_of(&container, &format!("{view} h2")),
        "A question of the bank in use"
    );
    // Written out by hand from content/questions/q001.toml.
    assert_eq!(
        text_of(&container, "#quiz-prompt"),
        "How long do you have to resolve an Executive case?"
    );
    assert!(text_of(&container, ".quiz-meta").contains("Contact and resolution deadlines"));
    assert_eq!(
        disabled_inputs(&container, ".quiz-options input[type=radio]"),
        (true, 4)
    );
    // The one right choice is marked, and nothing is ticked.
    assert!(text_of(&container, "label[for=quiz-option-0]").ends_with("3 days ✓ right answer"));
    assert_eq!(
        container.query_selector_all(".quiz-mark").unwrap().length(),
        1
    );
    assert!(container.query_selector("input:checked").unwrap().is_none());
    assert!(!container.inner_html().contains("your answer"));
    let notes = text_of(&container, ".quiz-feedback");
    assert!(notes.contains("Right answer: 3 days"), "{notes}");
    assert!(
        notes.contains("Executive cases must be resolved in 3 days"),
        "{notes}"
    );
    assert!(notes.contains("Source: doc 001, lines 15-18"), "{notes}");
    assert_eq!(
        find(&container, ".quiz-feedback a")
            .get_attribute("href")
            .as_deref(),
        Some("#/sla?type=executive")
    );
    // The link stays in the address bar, and no quiz was started.
    assert_eq!(current_hash(), "#/quiz?question=q001-resolution-executive");
    assert!(container
        .query_selector("#quiz-question-heading")
        .unwrap()
        .is_none());

    // An ordering question keeps the bank's order, locked; a fill-in field is locked.
    go_to(&container, "#/quiz?question=q004-transfer-order").await;
    assert_eq!(
        disabled_inputs(&container, ".quiz-order button"),
        (true, 10)
    );
    go_to(&container, "#/quiz?question=q001-include-it").await;
    assert_eq!(disabled_inputs(&container, "#quiz-fill"), (true, 1));
    assert!(text_of(&container, ".quiz-feedback").contains("Right answer: include it"));

    // A question from another bank is named, with the way back.
    go_to(&container, "#/quiz?question=Another-Pack.q9").await;
    let missing = text_of(&container, "[data-testid=quiz-linked-question-missing]");
    assert!(
        missing.starts_with("The bank in use here (the question bank shipped with Deskaid) has no question “Another-Pack.q9”."),
        "{missing}"
    );
    assert_eq!(
        find(&container, &format!("{view} a"))
            .get_attribute("href")
            .as_deref(),
        Some("#/results")
    );
    // Leaving the link leaves the view (for the start screen or a quiz in progress).
    go_to(&container, "#/quiz").await;
    assert!(container.query_selector(view).unwrap().is_none());
    cleanup(container, handle);
}
