//! Component tests of the class results page in headless Chromium: codes
//! imported beside bad ones, a result link confirmed, and the class table
//! with its checks and sorting.
#![cfg(target_arch = "wasm32")]

use chrono::{FixedOffset, TimeZone};
use deskaid::domain::content;
use deskaid::domain::quiz::results::{bank_identity, encode_result, SentResult, SHIPPED_PACK};
use deskaid::domain::quiz::AnswerGiven;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A result of two shipped questions: "How long for an Executive case?"
/// (single, right answer `3-days`) and "Resolution times" (multiple, right
/// answers `general-4`, `executive-3` and `regulatory-agency`), started at
/// 09:00 UTC on 2 March 2026 and finished `minutes` later, pass mark 50%.
fn result(name: &str, answers: [&[&str]; 2], minutes: u32) -> SentResult {
    let utc = FixedOffset::east_opt(0).unwrap();
    let picks = |ids: &[&str]| {
        Some(AnswerGiven::Choices(
            ids.iter().map(|s| s.to_string()).collect(),
        ))
    };
    SentResult {
        name: name.into(),
        bank: bank_identity(content::bank(), SHIPPED_PACK),
        questions: vec![
            "q001-resolution-executive".into(),
            "q001-resolution-times".into(),
        ],
        seed: 7,
        pass_percent: 50,
        time_limit_minutes: None,
        answers: answers.iter().map(|ids| picks(ids)).collect(),
        started_at: utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
        finished_at: utc.with_ymd_and_hms(2026, 3, 2, 9, minutes, 0).unwrap(),
        claimed_percent: 0.0,
    }
}

/// Ann: right, then two of three right picks (⅔): 83.3%.
fn ann() -> SentResult {
    SentResult {
        claimed_percent: 83.333_333_333_333_33,
        ..result("Ann", [&["3-days"], &["general-4", "executive-3"]], 6)
    }
}

/// Bob: wrong (`4-days`), then all three right: 50%.
fn bob() -> SentResult {
    SentResult {
        claimed_percent: 50.0,
        ..result(
            "Bob",
            [
                &["4-days"],
                &["general-4", "executive-3", "regulatory-agency"],
            ],
            4,
        )
    }
}

/// Each row's name, score and result cells.
fn table(container: &web_sys::HtmlElement) -> Vec<String> {
    let rows = container
        .query_selector_all("[data-testid=results-row]")
        .unwrap();
    (0..rows.length())
        .map(|i| {
            let row: web_sys::HtmlElement =
                wasm_bindgen::JsCast::unchecked_into(rows.get(i).unwrap());
            let cells = row.query_selector_all("th, td").unwrap();
            (0..3)
                .map(|c| cells.get(c).unwrap().text_content().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[wasm_bindgen_test]
async fn pasted_codes_are_imported_beside_bad_ones_and_rescored() {
    let (container, handle) = render_at("#/results").await;
    assert_eq!(text_of(&container, "main h1"), "Class results");
    assert!(text_of(&container, "[data-testid=results-empty]").starts_with("No results yet"));
    // Bob's second exam, an hour later with the same answers, edited to claim 100%.
    let mut edited = bob();
    edited.claimed_percent = 100.0;
    edited.started_at += chrono::Duration::hours(1);
    edited.finished_at += chrono::Duration::hours(1);
    edited.name = "Bob again".into();
    // Bob's code came by e-mail: wrapped at 72 characters and quoted.
    let bob_mail = encode_result(&bob())
        .as_bytes()
        .chunks(72)
        .map(String::from_utf8_lossy)
        .collect::<Vec<_>>()
        .join(" \r\n> ");
    let pasted = format!(
        "{}\n> {bob_mail} and DESKAID-RESULT-1.notacode\n{}",
        encode_result(&ann()),
        encode_result(&edited)
    );
    type_into(&container, "#results-paste", &pasted);
    settle(&container).await;
    find(&container, ".results-import .button-row button").click();
    settle(&container).await;
    let report = text_of(&container, "[data-testid=results-report]");
    assert!(report.contains("Added Ann's result: 83.3%."), "{report}");
    assert!(report.contains("Added Bob's result: 50%."), "{report}");
    assert!(
        report.contains("Code 3 of the pasted text is damaged"),
        "{report}"
    );
    assert!(
        report.contains("Added Bob again's result: 50%. Check it: the code claims 100% but its answers give 50%"),
        "{report}"
    );
    assert_eq!(
        table(&container),
        [
            "Ann | 83.3% | Passed (pass mark 50%)",
            "Bob | 50% | Passed (pass mark 50%)",
            "Bob again | 50% | Passed (pass mark 50%)",
        ]
    );
    let marked = text_of(&container, ".results-row-marked");
    assert!(marked.contains("Check: The code claims 100%"), "{marked}");
    // The textarea empties once something came in.
    assert_eq!(value_of(&container, "#results-paste"), "");

    // Sorting by name descending, then by time taken.
    let name_heading = find(&container, ".results-table thead th:nth-child(1) button");
    name_heading.click();
    settle(&container).await;
    name_heading.click();
    settle(&container).await;
    assert_eq!(
        find(&container, ".results-table thead th:nth-child(1)")
            .get_attribute("aria-sort")
            .as_deref(),
        Some("descending")
    );
    let names = |container: &web_sys::HtmlElement| {
        table(container)
            .iter()
            .map(|row| row.split(" | ").next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&container), ["Bob again", "Bob", "Ann"]);
    find(&container, ".results-table thead th:nth-child(4) button").click();
    settle(&container).await;
    assert_eq!(names(&container), ["Bob", "Bob again", "Ann"]);

    // What the class misses: the Executive question by Bob twice of three.
    let worst = text_of(&container, "[data-testid=results-question]");
    assert!(
        worst.contains("Missed by 2 of 3 trainees (66.7%)"),
        "{worst}"
    );
    assert!(
        worst.contains("Most often given instead: 4 days (2)"),
        "{worst}"
    );
    // Its prompt links to the question on its own, on the Quiz page.
    let prompt = find(
        &container,
        "[data-testid=results-question] .results-question-prompt a",
    );
    assert_eq!(
        prompt.get_attribute("href").as_deref(),
        Some("#/quiz?question=q001-resolution-executive")
    );
    prompt.click();
    wait_until("the question's own view", || {
        container
            .query_selector("[data-testid=quiz-linked-question]")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(
        text_of(&container, "#quiz-prompt"),
        "How long do you have to resolve an Executive case?"
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_result_link_is_added_only_once_confirmed_and_only_once() {
    let code = encode_result(&ann());
    let (container, handle) = render_at(&format!("#/results?r={code}")).await;
    settle(&container).await;
    assert_eq!(
        text_of(&container, "[data-testid=results-pending] h2"),
        "Add Ann's result?"
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/results"
    );
    assert!(container
        .query_selector("[data-testid=results-row]")
        .unwrap()
        .is_none());
    find(&container, "[data-testid=results-pending] button").click();
    settle(&container).await;
    assert_eq!(table(&container), ["Ann | 83.3% | Passed (pass mark 50%)"]);

    // The same link again: confirmed, and still one row.
    go_to(&container, &format!("#/results?r={code}")).await;
    find(&container, "[data-testid=results-pending] button").click();
    settle(&container).await;
    assert_eq!(table(&container).len(), 1);
    assert_eq!(
        text_of(&container, "[data-testid=results-report]"),
        "Ann's result is already in the table (as Ann), so it counts once."
    );

    // A link cut short says so and adds nothing.
    go_to(&container, &format!("#/results?r={}", &code[..40])).await;
    assert!(container
        .query_selector("[data-testid=results-pending]")
        .unwrap()
        .is_none());
    assert!(text_of(&container, "[data-testid=results-report]")
        .starts_with("The result link is damaged"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_result_with_questions_missing_from_the_bank_says_which() {
    let mut other = bob();
    other.questions[1] = "q999-not-in-this-bank".into();
    let (container, handle) = render_at("#/results").await;
    type_into(&container, "#results-paste", &encode_result(&other));
    find(&container, ".results-import .button-row button").click();
    settle(&container).await;
    assert_eq!(
        table(&container),
        ["Bob | 0% | Cannot tell (pass mark 50%)"]
    );
    let checks = text_of(&container, ".results-checks");
    assert!(
        checks.contains("1 question is not in the bank in use (q999-not-in-this-bank)"),
        "{checks}"
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn results_of_several_quizzes_are_filtered_by_quiz() {
    let mut other_quiz = bob();
    other_quiz.seed = 8;
    let (container, handle) = render_at("#/results").await;
    assert!(container.query_selector("#results-quiz").unwrap().is_none());
    type_into(
        &container,
        "#results-paste",
        &format!("{} {}", encode_result(&ann()), encode_result(&other_quiz)),
    );
    find(&container, ".results-import .button-row button").click();
    settle(&container).await;
    assert_eq!(table(&container).len(), 2);
    let options = text_of(&container, "#results-quiz");
    assert_eq!(
        options,
        "Every quiz (2 results)2 questions, seed 7, pass mark 50% (1 result)2 questions, seed 8, pass mark 50% (1 result)"
    );
    // The second quiz, as a person picks it (web-sys's select type is not
    // among the features Deskaid builds with, so through the DOM property).
    let select = find(&container, "#results-quiz");
    js_sys::Reflect::set(&select, &"selectedIndex".into(), &2.into()).unwrap();
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle(&container).await;
    assert_eq!(table(&container), ["Bob | 50% | Passed (pass mark 50%)"]);
    // What the class misses follows the filter: Bob alone missed the Executive question.
    let worst = text_of(&container, "[data-testid=results-question]");
    assert!(worst.contains("Missed by 1 of 1 trainee (100%)"), "{worst}");
    cleanup(container, handle);
}
