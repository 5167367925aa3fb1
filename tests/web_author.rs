//! Component tests of the author page in headless Chromium: a question's
//! problems beside it as it is written, undo and redo of typing, a change of
//! kind, a step rename refused, and the draft kept across visits.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How many problems the form of the question or step shows beside it.
fn problems_beside(container: &web_sys::HtmlElement, id: &str) -> u32 {
    container
        .query_selector_all(&format!("#{id} li"))
        .unwrap()
        .length()
}

async fn type_and_settle(container: &web_sys::HtmlElement, selector: &str, text: &str) {
    type_into(container, selector, text);
    settle(container).await;
}

#[wasm_bindgen_test]
async fn a_new_question_lists_its_problems_until_written_and_undo_takes_back_one_field() {
    let (container, handle) = render_at("#/author").await;
    assert_eq!(text_of(&container, "main h1"), "Author content");
    assert!(text_of(&container, ".author-problems").contains("None: this draft can be published."));
    click_button(&container, "Add question").await;
    assert!(problems_beside(&container, "author-q-problems") >= 2);
    assert!(text_of(&container, "#author-q-problems").contains("prompt is empty"));
    assert!(text_of(&container, ".author-problems").contains("to fix before publishing"));

    type_and_settle(
        &container,
        "#author-q-prompt",
        "Who takes a warm transfer first?",
    )
    .await;
    type_and_settle(&container, "#author-q-choice-a", "The Tier 2 lead").await;
    type_and_settle(&container, "#author-q-choice-b", "The account manager").await;
    find(&container, "#author-q-choice-a-right").click();
    settle(&container).await;
    type_and_settle(&container, "#author-q-explanation", "The").await;
    type_and_settle(
        &container,
        "#author-q-explanation",
        "The lead takes it first.",
    )
    .await;
    assert_eq!(problems_beside(&container, "author-q-problems"), 0);
    assert!(text_of(&container, ".author-problems").contains("None"));

    // Typing into one field is one edit.
    click_button(&container, "Undo").await;
    assert_eq!(value_of(&container, "#author-q-explanation"), "");
    assert!(text_of(&container, "#author-q-problems").contains("explanation is empty"));
    click_button(&container, "Redo").await;
    assert_eq!(
        value_of(&container, "#author-q-explanation"),
        "The lead takes it first."
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_question_made_fill_in_asks_for_accepted_answers_instead_of_options() {
    let (container, handle) = render_at("#/author").await;
    click_button(&container, "Add question").await;
    assert!(container
        .query_selector("#author-q-choice-a")
        .unwrap()
        .is_some());
    choose(&container, "#author-q-kind", "fill-in");
    settle(&container).await;
    assert!(container
        .query_selector("#author-q-choice-a")
        .unwrap()
        .is_none());
    assert!(text_of(&container, "#author-q-problems").contains("at least one accepted answer"));
    type_and_settle(
        &container,
        "#author-q-accepted",
        "Tier 2\nthe tier two lead",
    )
    .await;
    assert!(!text_of(&container, "#author-q-problems").contains("accepted answer"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_step_rename_to_a_taken_id_is_refused_and_a_free_one_follows_its_links() {
    let (container, handle) = render_at("#/author").await;
    click_button(&container, "Add flow").await;
    click_button(&container, "Add choice to a new step").await;
    type_and_settle(&container, "#author-step-id", "step").await;
    click_button(&container, "Rename").await;
    assert_eq!(
        text_of(&container, "#author-step-id-error"),
        "Another step of this flow has that id."
    );
    type_and_settle(&container, "#author-step-id", "on-the-line").await;
    click_button(&container, "Rename").await;
    assert_eq!(text_of(&container, "#author-step-id-error"), "");
    // The flow still starts at the renamed step, and its choice still leads on.
    assert_eq!(
        value_of_select(&container, "#author-flow-start"),
        "on-the-line"
    );
    assert_eq!(value_of_select(&container, "#author-choice-0-to"), "step");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn the_draft_is_kept_on_this_device_until_started_again() {
    let (container, handle) = render_at("#/author").await;
    type_and_settle(&container, "#author-pack-author", "Training team").await;
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("deskaid.author-draft")
        .unwrap()
        .unwrap_or_default();
    assert!(stored.contains("Training team"));
    go_to(&container, "#/").await;
    go_to(&container, "#/author").await;
    assert_eq!(value_of(&container, "#author-pack-author"), "Training team");
    click_button(&container, "Start again from the pack in use").await;
    assert_ne!(value_of(&container, "#author-pack-author"), "Training team");
    cleanup(container, handle);
}

/// The value of the `<select>` matching `selector`.
fn value_of_select(container: &web_sys::HtmlElement, selector: &str) -> String {
    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlSelectElement>(find(container, selector))
        .value()
}

#[wasm_bindgen_test]
async fn a_new_keyword_opens_a_step_picked_from_its_flow_and_is_checked_as_it_is_written() {
    let (container, handle) = render_at("#/author").await;
    click_button(&container, "Add keyword").await;
    assert!(text_of(&container, "#author-keyword-problems").contains("label"));
    type_and_settle(&container, "#author-keyword-label", "Ombudsman").await;
    type_and_settle(
        &container,
        "#author-keyword-explanation",
        "A complaint to an ombudsman is reviewed further.",
    )
    .await;
    type_and_settle(
        &container,
        "#author-keyword-phrases",
        "ombudsman\nombudsmen",
    )
    .await;
    assert_eq!(problems_beside(&container, "author-keyword-problems"), 0);
    // Another flow opens at its first step.
    choose(&container, "#author-keyword-flow", "dsar");
    settle(&container).await;
    let step = value_of_select(&container, "#author-keyword-step");
    assert!(!step.is_empty());
    assert_eq!(problems_beside(&container, "author-keyword-problems"), 0);
    cleanup(container, handle);
}

/// The `#id` of the control whose label reads `text`.
fn labelled(container: &web_sys::HtmlElement, text: &str) -> String {
    let labels = container.query_selector_all("label").unwrap();
    (0..labels.length())
        .map(|i| {
            wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(labels.get(i).unwrap())
        })
        .find(|label| label.text_content().unwrap_or_default().trim() == text)
        .and_then(|label| label.get_attribute("for"))
        .map(|id| format!("#{id}"))
        .unwrap_or_else(|| panic!("no field labelled {text:?}"))
}

#[wasm_bindgen_test]
async fn the_sla_defaults_are_edited_in_the_draft_checked_by_the_engine_and_undone() {
    let (container, handle) = render_at("#/author").await;
    let field = labelled(&container, "General resolution business days");
    let shipped = value_of(&container, &field);
    type_and_settle(&container, &field, "6").await;
    settle(&container).await;
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("deskaid.author-draft")
        .unwrap()
        .unwrap_or_default();
    assert!(
        stored.contains("\\\"resolution_business_days\\\":6"),
        "{stored}"
    );
    click_button(&container, "Undo").await;
    settle(&container).await;
    assert_eq!(value_of(&container, &field), shipped);
    // Text that is not a number is said beside the section, not saved.
    type_and_settle(&container, &field, "six").await;
    assert!(text_of(&container, "#author-sla-problems").contains("enter a whole number"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_team_document_is_added_with_its_length_and_citations_are_checked_against_it() {
    let (container, handle) = render_at("#/author").await;
    let index = container
        .query_selector_all(".author-document")
        .unwrap()
        .length();
    click_button(&container, "Add a document").await;
    let field = |name: &str| format!("#author-doc-{index}-{name}");
    assert!(text_of(&container, &field("problems")).contains("needs a title"));
    type_and_settle(&container, &field("id"), "team-7").await;
    click_button(&container, "Rename document doc").await;
    type_and_settle(&container, &field("title"), "Team 7 desk notes").await;
    type_and_settle(&container, &field("lines"), "12").await;
    assert_eq!(
        problems_beside(&container, &format!("author-doc-{index}-problems")),
        0
    );
    assert!(text_of(&container, ".author-problems").contains("None"));
    // The new document is offered to a citation, and a line past its end
    // is named beside the question.
    click_button(&container, "Add question").await;
    choose(&container, "#author-q-source-doc", "team-7");
    settle(&container).await;
    type_and_settle(&container, "#author-q-source-lines", "13").await;
    assert!(
        text_of(&container, "#author-q-problems")
            .contains("line 13 is past the end of document team-7 (12 lines)"),
        "{}",
        text_of(&container, "#author-q-problems")
    );
    // Renaming the document carries the question's citation with it, and a
    // second document cannot take the same id.
    type_and_settle(&container, &field("id"), "team-8").await;
    click_button(&container, "Rename document team-7").await;
    assert_eq!(
        value_of_select(&container, "#author-q-source-doc"),
        "team-8"
    );
    assert!(text_of(&container, "#author-q-problems").contains("document team-8 (12 lines)"));
    let previous = format!("#author-doc-{}-id", index - 1);
    let previous_id = value_of(&container, &previous);
    type_and_settle(&container, &previous, "team-8").await;
    click_button(&container, &format!("Rename document {previous_id}")).await;
    assert_eq!(
        text_of(&container, &format!("#author-doc-{}-id-error", index - 1)),
        "Another document has that id."
    );
    // Text that is not a number stays typed and is said, not saved.
    type_and_settle(&container, &field("lines"), "twelve").await;
    assert!(
        text_of(&container, &format!("#author-doc-{index}-lines-error")).contains("whole number")
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn the_flow_diagram_is_redrawn_as_steps_are_added() {
    let (container, handle) = render_at("#/author").await;
    let boxes = |container: &web_sys::HtmlElement| {
        container
            .query_selector_all(".author-diagram .esc-node")
            .unwrap()
            .length()
    };
    let before = boxes(&container);
    assert!(before > 0);
    assert!(text_of(&container, ".author-diagram desc").contains("(question)"));
    click_button(&container, "Add step").await;
    settle(&container).await;
    assert_eq!(boxes(&container), before + 1);
    click_button(&container, "Undo").await;
    settle(&container).await;
    assert_eq!(boxes(&container), before);
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_question_is_previewed_as_the_quiz_draws_it_while_it_is_written() {
    let (container, handle) = render_at("#/author").await;
    click_button(&container, "Add question").await;
    type_and_settle(
        &container,
        "#author-q-prompt",
        "Who takes a warm transfer first?",
    )
    .await;
    type_and_settle(&container, "#author-q-choice-a", "The Tier 2 lead").await;
    type_and_settle(&container, "#author-q-choice-b", "The account manager").await;
    find(&container, "#author-q-choice-a-right").click();
    settle(&container).await;
    let preview = "[data-testid=author-q-preview]";
    assert_eq!(
        text_of(&container, &format!("{preview} .quiz-prompt")),
        "Who takes a warm transfer first?"
    );
    assert!(
        text_of(&container, &format!("{preview} .quiz-instruction")).contains("Choose one answer.")
    );
    let options = container
        .query_selector_all(&format!("{preview} input[type=radio]"))
        .unwrap();
    assert_eq!(options.length(), 2);
    assert!(text_of(&container, &format!("{preview} .quiz-option")).contains("✓ right answer"));
    assert!(text_of(&container, &format!("{preview} .quiz-feedback"))
        .contains("Right answer: The Tier 2 lead"));
    // An ordering question is previewed as its list of items to move.
    choose(&container, "#author-q-kind", "ordering");
    settle(&container).await;
    assert!(text_of(&container, &format!("{preview} .quiz-instruction")).contains("Move up"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_topic_is_added_titled_and_renamed_and_a_taken_id_is_refused() {
    let (container, handle) = render_at("#/author").await;
    let index = container
        .query_selector_all(".author-topic")
        .unwrap()
        .length();
    click_button(&container, "Add topic").await;
    let field = |name: &str| format!("#author-topic-{index}-{name}");
    assert!(text_of(&container, &field("problems")).contains("title is empty"));
    type_and_settle(&container, &field("title"), "Call-backs").await;
    assert_eq!(
        problems_beside(&container, &format!("author-topic-{index}-problems")),
        0
    );
    // The first topic's id is taken.
    let taken = value_of(&container, "#author-topic-0-id");
    type_and_settle(&container, &field("id"), &taken).await;
    let rename = || {
        find(&container, &field("id"))
            .closest(".inline-form")
            .unwrap()
            .unwrap()
            .query_selector("button")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
    };
    rename().click();
    settle(&container).await;
    assert_eq!(
        text_of(&container, &format!("{}-error", field("id"))),
        "Another topic has that id."
    );
    type_and_settle(&container, &field("id"), "call-backs").await;
    rename().click();
    settle(&container).await;
    assert_eq!(text_of(&container, &format!("{}-error", field("id"))), "");
    assert!(text_of(&container, ".author-topic:last-of-type legend").contains("call-backs"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn each_rename_button_names_the_item_it_renames() {
    let (container, handle) = render_at("#/author").await;
    click_button(&container, "Add a document").await;
    let names: Vec<String> = js_sys::Array::from(&container.query_selector_all("button").unwrap())
        .iter()
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .filter_map(|button| button.text_content())
        .filter(|name| name.starts_with("Rename"))
        .collect();
    assert!(names.len() > 2, "{names:?}");
    let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len(), "{names:?}");
    cleanup(container, handle);
}
