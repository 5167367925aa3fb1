//! Component tests in headless Chromium for the SLA calculator and the queue.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn attribute(container: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
    find(container, selector)
        .get_attribute(name)
        .unwrap_or_else(|| panic!("{selector} has no {name}"))
}

#[wasm_bindgen_test]
async fn a_url_contract_link_renders_the_expected_deadlines() {
    let (container, handle) =
        render_at("#/sla?type=general&received=2026-03-06T15:01&tz=America/New_York&holidays=")
            .await;
    assert_eq!(text_of(&container, "main h1"), "SLA calculator");
    assert_eq!(
        attribute(&container, "[data-testid=initial-contact-due]", "datetime"),
        "2026-03-09T12:00:00-04:00"
    );
    assert_eq!(
        attribute(&container, "[data-testid=resolution-due]", "datetime"),
        "2026-03-12T15:01:00-04:00"
    );
    assert!(text_of(&container, "[data-testid=initial-contact-due]").contains("Mon 9 Mar 2026"));
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn editing_the_form_recomputes_and_mirrors_the_url() {
    let (container, handle) =
        render_at("#/sla?type=general&received=2026-03-06T15:01&tz=America/New_York&holidays=")
            .await;
    type_into(&container, "#sla-holidays", "2026-03-09");
    settle(&container).await;
    assert_eq!(
        attribute(&container, "[data-testid=initial-contact-due]", "datetime"),
        "2026-03-10T12:00:00-04:00"
    );
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("holidays=2026-03-09"), "{hash}");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn an_unknown_zone_gets_an_inline_message_and_keeps_the_text() {
    let (container, handle) =
        render_at("#/sla?type=general&received=2026-03-06T15:01&tz=America/NewYork").await;
    let message = text_of(&container, "#sla-zone-error");
    assert!(
        message.contains("not among the time zones Deskaid knows"),
        "{message}"
    );
    assert_eq!(attribute(&container, "#sla-zone", "aria-invalid"), "true");
    assert!(attribute(&container, "#sla-zone", "aria-describedby").contains("sla-zone-error"));
    let typed: web_sys::HtmlInputElement = find(&container, "#sla-zone").unchecked_into();
    assert_eq!(typed.value(), "America/NewYork");
    assert!(container
        .query_selector("[data-testid=initial-contact-due]")
        .unwrap()
        .is_none());
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn adding_a_case_shows_it_in_the_queue() {
    let (container, handle) = render_at("#/queue").await;
    assert_eq!(text_of(&container, "main h1"), "My queue");
    type_into(&container, "#sla-add-number", "CASE-4711");
    type_into(&container, "#sla-add-customer", "Ada Lovelace");
    type_into(&container, "#sla-add-received", "2026-03-06T15:01");
    type_into(&container, "#sla-add-next", "Call back after noon");
    let form: web_sys::HtmlFormElement =
        find(&container, "[data-testid=add-case-form]").unchecked_into();
    form.request_submit().unwrap();
    settle(&container).await;
    let item = text_of(&container, "[data-testid=queue-case]");
    assert!(item.contains("CASE-4711"), "{item}");
    assert!(item.contains("Ada Lovelace"), "{item}");
    assert_eq!(
        attribute(&container, "[data-testid=case-due]", "datetime"),
        "2026-03-09T12:00:00-04:00"
    );
    assert!(text_of(&container, "[data-testid=end-of-shift-warning]").contains("CASE-4711"));

    // A second case with the same number is refused with a message.
    type_into(&container, "#sla-add-number", "CASE-4711");
    type_into(&container, "#sla-add-customer", "Someone else");
    form.request_submit().unwrap();
    leptos::task::tick().await;
    assert!(text_of(&container, "#sla-add-number-error").contains("already in your queue"));
    assert_eq!(
        container
            .inner_html()
            .matches("data-testid=\"queue-case\"")
            .count(),
        1
    );
    cleanup(container, handle);
}

/// The element whose `selector` matches and whose text is `text`.
fn with_text(container: &web_sys::HtmlElement, selector: &str, text: &str) -> web_sys::HtmlElement {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .find(|element| element.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no {selector} saying {text}"))
}

#[wasm_bindgen_test]
async fn a_rule_that_is_not_a_number_stays_in_its_field_until_restored() {
    let (container, handle) = render_at("#/sla").await;
    let label = with_text(&container, "label", "General resolution business days");
    let selector = format!("#{}", label.get_attribute("for").unwrap());
    type_into(&container, &selector, "four");
    settle(&container).await;
    let input: web_sys::HtmlInputElement = find(&container, &selector).unchecked_into();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap();
    let error_id = described
        .split(' ')
        .find(|id| id.ends_with("-error"))
        .unwrap();
    assert_eq!(
        text_of(&container, &format!("#{error_id}")),
        "Enter a whole number, for example 4."
    );
    assert!(text_of(&container, "[data-testid=sla-rules-problems]")
        .contains("General resolution business days: enter a whole number"));
    with_text(&container, "button", "Save rules").click();
    settle(&container).await;
    let statuses = container
        .query_selector_all(".sla-rules [role=status]")
        .unwrap();
    assert!((0..statuses.length())
        .filter_map(|i| statuses.item(i))
        .any(|status| status
            .text_content()
            .unwrap_or_default()
            .starts_with("Not saved")));

    with_text(&container, "button", "Restore shipped defaults").click();
    settle(&container).await;
    assert_eq!(input.value(), "4");
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(text_of(&container, &format!("#{error_id}")), "");
    cleanup(container, handle);
}

#[wasm_bindgen_test]
async fn the_queue_filters_pick_options_by_key() {
    let (container, handle) = render_at("#/queue").await;
    let form: web_sys::HtmlFormElement =
        find(&container, "[data-testid=add-case-form]").unchecked_into();
    for (number, kind) in [("K-1", "general"), ("K-2", "executive")] {
        type_into(&container, "#sla-add-number", number);
        type_into(&container, "#sla-add-customer", "Key Filter");
        type_into(&container, "#sla-add-received", "2026-03-06T15:01");
        choose(&container, "#sla-add-type", kind);
        form.request_submit().unwrap();
        settle(&container).await;
    }
    assert_eq!(text_of(&container, "[data-testid=queue-count]"), "2 cases.");
    choose(&container, "#sla-filter-type", "executive");
    settle(&container).await;
    assert_eq!(
        text_of(&container, "[data-testid=queue-count]"),
        "Showing 1 of 2 cases."
    );
    assert_eq!(
        attribute(&container, "[data-testid=queue-case]", "data-case"),
        "K-2"
    );
    choose(&container, "#sla-filter-type", "");
    choose(&container, "#sla-filter-status", "pending_on");
    settle(&container).await;
    assert_eq!(
        text_of(&container, "[data-testid=queue-count]"),
        "Showing 0 of 2 cases."
    );
    cleanup(container, handle);
}

#[wasm_bindgen_test]
fn the_holiday_preset_year_is_the_team_s_and_the_utc_year_for_a_zone_the_browser_does_not_know() {
    use chrono::{TimeZone, Utc};
    use deskaid::components::clock::year_in_zone;
    // 03:00 UTC on 1 January 2027 is 22:00 on 31 December in New York.
    let new_year_in_utc = Utc.with_ymd_and_hms(2027, 1, 1, 3, 0, 0).unwrap();
    assert_eq!(year_in_zone("America/New_York", new_year_in_utc), 2026);
    assert_eq!(year_in_zone("UTC", new_year_in_utc), 2027);
    // 16:00 UTC on 31 December 2026 is already 1 January in Tokyo.
    let tokyo_new_year = Utc.with_ymd_and_hms(2026, 12, 31, 16, 0, 0).unwrap();
    assert_eq!(year_in_zone("Asia/Tokyo", tokyo_new_year), 2027);
    assert_eq!(year_in_zone("Mars/Olympus_Mons", new_year_in_utc), 2027);
}

/// The engine's known answers on the days the clocks change in New York,
/// London and Los Angeles (`src/domain/sla/engine/tests.rs`), computed in
/// the browser with the zone table it carries instead of chrono-tz.
#[wasm_bindgen_test]
fn deadlines_across_clock_changes_hold_in_the_browser() {
    use deskaid::domain::sla::{
        parse_local_datetime, parse_zone, CaseType, SlaEngine, SlaSettings,
    };
    let known = [
        (
            CaseType::Executive,
            "America/New_York",
            "2026-03-08T00:30",
            "2026-03-08 03:30 EDT",
        ),
        (
            CaseType::Executive,
            "America/New_York",
            "2026-11-01T00:30",
            "2026-11-01 01:30 EST",
        ),
        (
            CaseType::Executive,
            "Europe/London",
            "2026-03-29T00:30",
            "2026-03-29 03:30 BST",
        ),
        (
            CaseType::Executive,
            "America/Los_Angeles",
            "2026-03-08T00:30",
            "2026-03-08 03:30 PDT",
        ),
        (
            CaseType::Regulatory,
            "America/New_York",
            "2026-10-31T12:00",
            "2026-11-01 11:00 EST",
        ),
        (
            CaseType::Regulatory,
            "Europe/London",
            "2026-10-24T12:00",
            "2026-10-25 11:00 GMT",
        ),
        (
            CaseType::Regulatory,
            "America/Los_Angeles",
            "2026-10-31T12:00",
            "2026-11-01 11:00 PST",
        ),
        (
            CaseType::General,
            "America/New_York",
            "2026-11-01T01:30",
            "2026-11-02 17:00 EST",
        ),
        (
            CaseType::General,
            "Europe/London",
            "2026-03-27T15:30",
            "2026-03-30 12:00 BST",
        ),
        (
            CaseType::General,
            "Europe/London",
            "2026-10-24T09:00",
            "2026-10-26 17:00 GMT",
        ),
    ];
    for (case_type, zone, received, expected) in known {
        let mut settings: SlaSettings =
            toml::from_str(include_str!("../content/sla.toml")).expect("sla.toml parses");
        settings.calendar.time_zone = zone.to_string();
        settings.calendar.us_federal_holidays = zone == "America/New_York";
        let engine = SlaEngine::new(&settings).expect("valid settings");
        let received_at = parse_local_datetime(received, parse_zone(zone).unwrap())
            .unwrap()
            .instant
            .to_utc();
        let due = engine.initial_contact(case_type, received_at).unwrap().due;
        assert_eq!(
            due.format("%Y-%m-%d %H:%M %Z").to_string(),
            expected,
            "{zone} {received}"
        );
    }
}
