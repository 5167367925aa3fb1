//! The shipped keyword list (`content/keywords.toml`) against the messages
//! agents see: every qualifier and gender-sensitivity keyword of the sources
//! is recognised, and each leads to a real flow step. The matching itself is
//! tested on a small list next to its code, so editing the list fails only
//! these tests.
#![cfg(not(target_arch = "wasm32"))]

use deskaid::domain::scanner::{KeywordGroup, KeywordList, PhraseMatch, Scanner};

fn scanner() -> Scanner {
    let list: KeywordList = toml::from_str(include_str!("../content/keywords.toml")).unwrap();
    Scanner::new(list).unwrap_or_else(|errors| panic!("{}", errors.join("\n")))
}

fn ids(message: &str) -> Vec<String> {
    scanner()
        .scan(message)
        .into_iter()
        .map(|h| h.keyword.id)
        .collect()
}

#[test]
fn flags_a_lawyer_and_a_social_media_post() {
    let hits = scanner().scan("I already called my lawyer and posted on Facebook");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].keyword.id, "lawyer");
    assert_eq!(hits[0].keyword.group, KeywordGroup::Qualifier);
    assert_eq!(hits[0].keyword.source.to_string(), "doc 002, line 78");
    assert_eq!(
        (hits[0].keyword.flow.as_str(), hits[0].keyword.step.as_str()),
        ("qualifiers", "which-qualifiers")
    );
    assert_eq!(
        hits[0].matches,
        [PhraseMatch {
            start: 20,
            end: 26,
            text: "lawyer".into()
        }]
    );
    assert_eq!(hits[1].keyword.id, "social-media");
    assert_eq!(hits[1].matches[0].text, "Facebook");
}

#[test]
fn every_qualifier_from_the_sops_is_recognised() {
    let cases = [
        ("We retained legal counsel", "lawyer"),
        ("My attorneys will call", "lawyer"),
        ("I was defrauded", "fraud"),
        ("This is FRAUD", "fraud"),
        ("That was illegal", "illegal"),
        ("You violated the agreement", "agreement-violation"),
        ("The records were falsified", "falsified"),
        ("The product was mischaracterized", "mischaracterization"),
        ("They are a nonregistered company", "nonregistered-company"),
        ("This is slander", "slander"),
        ("I filed with the BBB", "bbb"),
        ("a Better Business Bureau complaint", "bbb"),
        ("I left a review on Yelp", "social-media"),
        ("It's on TikTok now", "social-media"),
        ("Check the review posted online", "social-media"),
        ("They're an unlicensed contractor", "unlicensed-contractor"),
        ("We got a foreclosure notice", "foreclosure"),
        ("There are liens on the house", "lien"),
        ("What about my privacy?", "privacy"),
    ];
    for (message, expected) in cases {
        assert_eq!(ids(message), [expected], "{message}");
    }
}

#[test]
fn every_gender_keyword_from_the_slides_is_recognised() {
    let cases = [
        ("I am queer", "queer"),
        ("as a genderqueer person", "genderqueer"),
        ("you keep using my deadname", "deadname"),
        ("I was deadnamed", "deadname"),
        ("I'm transgender", "transgender"),
        ("I'm trans", "transgender"),
        ("an LGBTQ+ ally", "lgbtq"),
        ("LGBTQ friendly", "lgbtq"),
        ("I am non-binary", "non-binary"),
        ("I am non binary", "non-binary"),
        ("I am nonbinary", "non-binary"),
        ("this is discrimination", "discrimination"),
        ("I am non-cis gender", "non-cis"),
        ("I don’t identify as a woman", "dont-identify"),
        ("I do not identify with that", "dont-identify"),
    ];
    for (message, expected) in cases {
        let hits = scanner().scan(message);
        assert_eq!(hits.len(), 1, "{message}");
        assert_eq!(hits[0].keyword.id, expected, "{message}");
        assert_eq!(hits[0].keyword.group, KeywordGroup::GenderSensitivity);
        assert_eq!(hits[0].keyword.flow, "gender-sensitivity");
    }
}

#[test]
fn parts_of_other_words_do_not_match() {
    for message in [
        "An alien landed",
        "Our client is happy",
        "Please transfer me",
        "We had a BBQ",
        "Sue from accounting called",
        "Transitioning to a new plan",
        "The Xbox is broken",
        "Lawyering is hard",
        "The file is in the x folder",
    ] {
        assert_eq!(ids(message), Vec::<String>::new(), "{message}");
    }
}

#[test]
fn hits_come_in_message_order_with_every_occurrence() {
    let hits = scanner().scan("Liens! A lien, and my non-binary friend saw the lien on Twitter.");
    let order: Vec<&str> = hits.iter().map(|h| h.keyword.id.as_str()).collect();
    assert_eq!(order, ["lien", "non-binary", "social-media"]);
    let lien: Vec<&str> = hits[0].matches.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(lien, ["Liens", "lien", "lien"]);
    assert_eq!(hits[1].matches[0].text, "non-binary");
    let overlap = scanner().scan("an unlicensed contractor");
    assert_eq!(overlap[0].matches.len(), 1);
    assert_eq!(overlap[0].matches[0].text, "unlicensed contractor");
}

#[test]
fn keywords_read_the_same_through_json_and_link_to_real_steps() {
    let text = include_str!("../content/keywords.toml");
    let value: toml::Value = toml::from_str(text).unwrap();
    let from_json = Scanner::from_json(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(from_json, scanner());
    let flows = deskaid::domain::content::load_flows().unwrap();
    assert_eq!(from_json.check_links(&flows), Vec::<String>::new());
    assert_eq!(from_json.keywords().len(), 23);
    let fraud = from_json
        .keywords()
        .iter()
        .find(|k| k.id == "fraud")
        .unwrap();
    assert_eq!(fraud.step, "fraud");
}
