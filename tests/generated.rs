//! Files in `assets/` that are made from the app's own code, so that building
//! needs no native step: the home page `index.html` shows while the wasm
//! loads, the table of which wasm part holds each page, which
//! `scripts/finish-dist.mjs` reads to fetch a deep link's parts early, and
//! the shipped content pack, which the build copies to `dist/content/`, and
//! the example pack with the leadership procedure as SOP 002 had it, and the
//! time-zone table made from chrono-tz (`src/domain/zone`). These
//! tests only compare; `cargo run --example update_generated` rewrites the
//! files (a separate command, so an update never reports a passing test).
#![cfg(not(target_arch = "wasm32"))]

fn assert_up_to_date(file: &str, made: &str) {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == made,
        "{file} is out of date with the app; run `cargo run --example update_generated` and commit it"
    );
}

#[test]
fn prerendered_home_page_matches_the_app() {
    assert_up_to_date(
        "assets/prerendered-home.html",
        &(deskaid::shell::prerendered_home() + "\n"),
    );
}

#[test]
fn sections_without_content_json_matches_the_shell() {
    let json = deskaid::shell::sections_without_content_json();
    assert_up_to_date("assets/sections-without-content.json", &json);
    // Settings draws no content: the rules are edited on the calculator page.
    assert_eq!(json, "[\"settings\"]\n");
}

#[test]
fn split_of_section_json_matches_the_shell() {
    let json = deskaid::shell::split_of_section_json();
    assert_up_to_date("assets/split-of-section.json", &json);
    // Written out by hand: the class results and authoring share one part
    // (the trainers' tools), and Settings and the pack page another;
    // escalation, the quiz, the calculator and the queue have one each, and
    // home and not-found are in the shell. A plain `#/quiz` preloads the
    // quiz's screens too, a `#/quiz?...` link only the page.
    let table: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        table,
        serde_json::json!({
            "escalation": "escalation_page",
            "author": "trainer_tools",
            "pack": "settings_part",
            "quiz": ["quiz_page", "quiz_screens"],
            "quiz?": "quiz_page",
            "results": "trainer_tools",
            "sla": "sla_tools",
            "queue": "queue_page",
            "settings": "settings_part",
        })
    );
}

#[test]
fn shipped_pack_json_matches_the_content() {
    let json = deskaid::domain::pack::shipped_pack_file().to_json();
    assert_up_to_date("assets/content/pack.json", &json);
    // The file is for people too: pretty-printed, its description first.
    assert!(json.starts_with("{\n  \"deskaid_pack\": 2,\n  \"id\": \"deskaid-homeowner-support\","));
}

#[test]
fn pack_schema_json_matches_the_content_types() {
    assert_up_to_date(
        "assets/content/pack.schema.json",
        &deskaid::domain::pack::pack_schema_json(),
    );
}

#[test]
fn example_002_pack_json_matches_the_example() {
    let json = deskaid::domain::pack::example_002_pack_file().to_json();
    assert_up_to_date("assets/content/examples/leadership-002.pack.json", &json);
}

#[test]
fn zone_table_matches_chrono_tz() {
    let path = format!("{}/assets/zones.bin", env!("CARGO_MANIFEST_DIR"));
    let stored = std::fs::read(&path).unwrap_or_default();
    assert!(
        stored == deskaid::domain::zone::encode::zone_table(),
        "assets/zones.bin is out of date with chrono-tz; run `cargo run --example update_generated` and commit it"
    );
}
