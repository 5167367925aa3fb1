//! Component tests in headless Chromium: the escalation list, the walker and
//! the keyword scanner.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn texts_of(container: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    // Through JS, since web-sys's NodeList feature is not enabled for the crate.
    let query: js_sys::Function = js_sys::Reflect::get(container, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = query.call1(container, &selector.into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|node| {
            node.unchecked_into::<web_sys::Element>()
                .text_content()
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_list_shows_every_flow_with_a_link() {
    let (container, handle) = render_at("#/escalation").await;
    assert_eq!(text_of(&container, "main h1"), "Escalation flowchart");
    let titles = texts_of(&container, ".esc-flow-card h3 a");
    let expected: Vec<String> = deskaid::domain::content::flow_list()
        .iter()
        .map(|f| f.title.clone())
        .collect();
    assert_eq!(titles, expected);
    // Written out by hand, so the page is checked against more than the
    // content it was drawn from.
    assert_eq!(titles.len(), 8);
    assert_eq!(
        titles[0],
        "Customer asks for leadership or special handling"
    );
    assert!(titles.contains(&"Booking refund request".to_string()));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn a_step_shows_its_choices_and_a_choice_leads_to_the_next_step() {
    let (container, handle) = render_at("#/escalation/leadership/asked-to-escalate").await;
    assert_eq!(
        text_of(&container, "main h1"),
        "Customer asks for leadership or special handling"
    );
    assert_eq!(
        text_of(&container, ".esc-step h2"),
        "Did the customer ask for leadership or for their situation to be escalated?"
    );
    assert_eq!(
        texts_of(&container, ".esc-choices button"),
        [
            "Yes, the customer asked to escalate",
            "They did not ask, but the concern may need additional review",
            "No, they did not ask"
        ]
    );
    assert!(text_of(&container, ".esc-step .source-ref").contains("doc 004, line 14"));
    assert!(text_of(&container, ".esc-warning").contains("never OFFER"));

    find(&container, ".esc-choices button").click();
    leptos::task::tick().await;
    assert_eq!(
        text_of(&container, ".esc-step h2"),
        "Does the concern qualify for additional review?"
    );
    wait_until("the step's URL", || {
        current_hash() == "#/escalation/leadership/check-qualifiers"
    })
    .await;
    assert!(text_of(&container, ".esc-breadcrumb ol")
        .contains("Answer: Yes, the customer asked to escalate"));
    // Written within the store's half-second interval.
    wait_until("the step to be saved", || {
        saved_walks().contains("check-qualifiers")
    })
    .await;
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn an_unknown_step_says_so_with_links() {
    let (container, handle) = render_at("#/escalation/leadership/no-such-step").await;
    assert_eq!(text_of(&container, "main h2"), "Step not found");
    assert!(text_of(&container, "main").contains("no-such-step"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn the_scanner_flags_a_lawyer_and_facebook() {
    let (container, handle) = render_at("#/escalation").await;
    type_and_wait(
        &container,
        "#esc-scanner-input",
        "I already called my lawyer and posted on Facebook",
    )
    .await;
    assert_eq!(
        texts_of(&container, ".esc-hit h3"),
        ["Lawyer or legal counsel", "Social media complaint"]
    );
    let results = text_of(&container, "[data-testid=scan-results]");
    assert!(results.contains("2 to flag"), "{results}");
    assert!(results.contains("\u{201c}lawyer\u{201d}"), "{results}");
    assert!(results.contains("\u{201c}Facebook\u{201d}"), "{results}");
    assert!(results.contains("doc 002, line 78"), "{results}");
    cleanup(container, handle);
}

/// The saved walks, as stored.
fn saved_walks() -> String {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("deskaid.walks")
        .unwrap()
        .unwrap_or_default()
}

fn current_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Types `text` into the field matched by `selector`, as a person would.
async fn type_and_wait(container: &web_sys::HtmlElement, selector: &str, text: &str) {
    common::type_into(container, selector, text);
    settle(container).await;
}

#[wasm_bindgen_test]
async fn a_link_off_the_walk_in_progress_asks_first_and_loses_nothing() {
    let (container, handle) = render_at("#/escalation/leadership/asked-to-escalate").await;
    click_button(&container, "Yes, the customer asked to escalate").await;
    click_button(&container, "No qualifier applies").await;
    type_and_wait(&container, "#esc-note", "Calmer after an apology").await;
    // Written within the store's half-second interval.
    wait_until("the note to be saved", || {
        saved_walks().contains("Calmer after an apology")
    })
    .await;

    // A trainer's link to a step that is not on this walk.
    go_to(&container, "#/escalation/leadership/tier2-available").await;
    assert_eq!(
        text_of(&container, "main h2"),
        "Start a new walk at this step?"
    );
    let question = text_of(&container, ".esc-link-question");
    assert!(
        question.contains("(3 steps, last at \u{201c}Try to de-escalate\u{201d})"),
        "{question}"
    );
    assert!(saved_walks().contains("Calmer after an apology"));

    click_button(&container, "Go back to my walk").await;
    assert_eq!(text_of(&container, ".esc-step h2"), "Try to de-escalate");
    assert_eq!(current_hash(), "#/escalation/leadership/de-escalate");
    let note: web_sys::HtmlTextAreaElement = find(&container, "#esc-note").unchecked_into();
    assert_eq!(note.value(), "Calmer after an apology");

    // Only the deliberate choice replaces the walk.
    go_to(&container, "#/escalation/leadership/tier2-available").await;
    click_button(&container, "Start a new walk at this step").await;
    assert_eq!(
        text_of(&container, ".esc-step h2"),
        "Is a \"Phone-HO Tier 2\" agent available?"
    );
    assert!(text_of(&container, ".esc-step-meta").starts_with("Step 1"));
    wait_until("the new walk to be saved", || {
        !saved_walks().contains("Calmer after an apology")
    })
    .await;
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn browser_back_after_changing_an_answer_keeps_the_walk() {
    let (container, handle) = render_at("#/escalation/leadership/asked-to-escalate").await;
    click_button(&container, "Yes, the customer asked to escalate").await;
    assert_eq!(current_hash(), "#/escalation/leadership/check-qualifiers");

    find(&container, ".esc-breadcrumb .esc-change").click();
    leptos::task::tick().await;
    click_button(&container, "No, they did not ask").await;
    assert_eq!(current_hash(), "#/escalation/leadership/no-escalation");

    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    wait_until("Back to reach the earlier step's URL", || {
        current_hash() == "#/escalation/leadership/check-qualifiers"
    })
    .await;
    settle(&container).await;
    assert_eq!(
        text_of(&container, "main h2"),
        "Start a new walk at this step?"
    );
    wait_until("the changed answer to be saved", || {
        let saved = saved_walks();
        saved.contains("leadership/no-escalation") && saved.contains("No, they did not ask")
    })
    .await;
    cleanup(container, handle);
}

/// Makes the clipboard work (keeping what was copied in `window.copied`)
/// or fail, so the words of each outcome can be checked; `None` puts the
/// browser's own clipboard back.
fn stub_clipboard(works: Option<bool>) {
    let script = match works {
        Some(true) => {
            "navigator.clipboard.writeText = (text) => { window.copied = text; return Promise.resolve(); };"
        }
        Some(false) => {
            "navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); document.execCommand = () => false;"
        }
        None => "delete navigator.clipboard.writeText; delete document.execCommand; delete window.copied;",
    };
    js_sys::eval(script).unwrap();
}

#[wasm_bindgen_test]
async fn the_copy_message_goes_when_the_notes_change_and_returns_on_each_copy() {
    let (container, handle) = render_at("#/escalation/leadership/asked-to-escalate").await;
    let status = || text_of(&container, ".esc-case-notes .copy-status");
    stub_clipboard(Some(true));
    click_button(&container, "Copy case notes").await;
    wait_until("the copy to report", || !status().is_empty()).await;
    assert_eq!(status(), "Copied to the clipboard.");
    let copied = js_sys::Reflect::get(&web_sys::window().unwrap(), &"copied".into())
        .unwrap()
        .as_string()
        .unwrap_or_default();
    assert!(
        copied.starts_with("Customer asks for leadership or special handling\nStarted "),
        "{copied}"
    );

    // Copying again empties the message, then says it again; a failed copy
    // says how to copy by hand.
    stub_clipboard(Some(false));
    find(&container, ".esc-case-notes .button-row button").click();
    leptos::task::tick().await;
    assert_eq!(status(), "");
    wait_until("the failed copy to report", || !status().is_empty()).await;
    assert_eq!(
        status(),
        "Copying failed: select the text and press Ctrl+C (or \u{2318}C)."
    );
    stub_clipboard(None);

    type_and_wait(&container, "#esc-note", "New detail").await;
    assert_eq!(status(), "", "the message no longer describes the notes");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn the_pr_number_field_is_labelled_and_not_doubled() {
    let (container, handle) = render_at("#/escalation/dsar/close-case").await;
    let label = text_of(&container, "label[for=esc-field-pr_number]");
    assert_eq!(label, "PR number");
    let input = find(&container, "#esc-field-pr_number");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("esc-field-pr_number-hint")
    );
    assert!(text_of(&container, "#esc-field-pr_number-hint").contains("PR-12345"));
    type_and_wait(&container, "#esc-field-pr_number", "PR-12345").await;
    let filled: web_sys::HtmlTextAreaElement =
        find(&container, "#esc-template-text").unchecked_into();
    assert_eq!(filled.value(), "Created privacy request: PR-12345");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn escape_closes_the_change_panel_and_returns_to_its_button() {
    let (container, handle) = render_at("#/escalation/leadership/asked-to-escalate").await;
    click_button(&container, "Yes, the customer asked to escalate").await;
    let change = find(&container, ".esc-breadcrumb .esc-change");
    change.click();
    leptos::task::tick().await;
    let panel = find(&container, "#esc-change-0");
    assert!(!panel.hidden());
    let choice = find(&container, "#esc-change-0 button");
    choice.focus().unwrap();

    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &"Escape".into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"KeyboardEvent".into())
            .unwrap()
            .unchecked_into();
    let event =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"keydown".into(), &init))
            .unwrap();
    choice.dispatch_event(event.unchecked_ref()).unwrap();
    leptos::task::tick().await;

    assert!(panel.hidden());
    assert_eq!(
        change.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(focused.is_same_node(Some(&change)));
    cleanup(container, handle);
}
