//! The keyword scanner: an agent pastes a customer's message and gets the
//! qualifiers for additional review and gender-sensitivity keywords it
//! contains, each explained with its source and the flow step to use.
//! The keywords live in `content/keywords.toml`.

use crate::domain::flow::FlowSet;
use crate::domain::source::SourceRef;
use crate::domain::text::{words, Apostrophes};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Which list a keyword belongs to, so the UI can group hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeywordGroup {
    /// A sensitive issue that warrants additional review (escalation SOPs).
    Qualifier,
    /// A gender sensitivity key word or phrase (Tier 2 slides).
    GenderSensitivity,
}

/// One thing to flag, with the words and phrases that reveal it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keyword {
    /// Stable id, unique in the list.
    pub id: String,
    /// Which list it belongs to.
    pub group: KeywordGroup,
    /// Short name shown on the hit.
    pub label: String,
    /// What the hit means and what to do about it.
    pub explanation: String,
    /// The source lines that make it a keyword.
    pub source: SourceRef,
    /// Further supporting source lines.
    #[serde(default)]
    pub more_sources: Vec<SourceRef>,
    /// The flow to open for a hit.
    pub flow: String,
    /// The step of that flow to open.
    pub step: String,
    /// Words or phrases that count as a hit; every variant written out.
    pub phrases: Vec<String>,
}

/// The content of `keywords.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordList {
    /// All keywords, in display order.
    pub keywords: Vec<Keyword>,
}

/// Where a phrase was found in the message, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Byte offset of the first character in the message.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The matched text as written in the message.
    pub text: String,
}

/// A keyword found in the message, with every place it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordHit {
    /// The keyword, with its explanation, source and flow step.
    pub keyword: Keyword,
    /// Where it occurs, in message order.
    pub matches: Vec<PhraseMatch>,
}

/// The keyword list made ready for matching; built once and reused for every message.
#[derive(Debug, Clone, PartialEq)]
pub struct Scanner {
    keywords: Vec<Keyword>,
    /// Per keyword, per phrase, the phrase's words.
    phrases: Vec<Vec<Vec<String>>>,
}

impl Scanner {
    /// Checks the list (ids, phrases, sources) and prepares it for matching.
    pub fn new(list: KeywordList) -> Result<Scanner, Vec<String>> {
        let mut errors = Vec::new();
        let mut ids = HashSet::new();
        let mut phrase_owner: std::collections::HashMap<Vec<String>, String> = Default::default();
        let mut phrases = Vec::new();
        for keyword in &list.keywords {
            let mut fail =
                |message: String| errors.push(format!("keyword \"{}\": {message}", keyword.id));
            if keyword.id.is_empty() || !ids.insert(keyword.id.as_str()) {
                fail("missing or duplicate id".into());
            }
            if keyword.label.trim().is_empty() || keyword.explanation.trim().is_empty() {
                fail("label and explanation must not be empty".into());
            }
            for source in std::iter::once(&keyword.source).chain(&keyword.more_sources) {
                if let Err(e) = source.validate() {
                    fail(format!("source: {e}"));
                }
            }
            if keyword.phrases.is_empty() {
                fail("has no phrases".into());
            }
            let mut words_of_phrases = Vec::new();
            for phrase in &keyword.phrases {
                let words: Vec<String> = words(phrase, Apostrophes::Inner)
                    .into_iter()
                    .map(|w| w.text)
                    .collect();
                if words.is_empty() {
                    fail(format!("phrase \"{phrase}\" has no words"));
                    continue;
                }
                if let Some(owner) = phrase_owner.insert(words.clone(), keyword.id.clone()) {
                    fail(format!(
                        "phrase \"{phrase}\" matches the same words as a phrase of \"{owner}\""
                    ));
                }
                words_of_phrases.push(words);
            }
            phrases.push(words_of_phrases);
        }
        if errors.is_empty() {
            Ok(Scanner {
                keywords: list.keywords,
                phrases,
            })
        } else {
            Err(errors)
        }
    }

    /// Parses and checks the JSON the build script makes of `keywords.toml`.
    pub fn from_json(json: &str) -> Result<Scanner, Vec<String>> {
        let list: KeywordList =
            serde_json::from_str(json).map_err(|e| vec![format!("cannot read keywords: {e}")])?;
        Scanner::new(list)
    }

    /// The keywords, in display order.
    pub fn keywords(&self) -> &[Keyword] {
        &self.keywords
    }

    /// Checks that every keyword's flow step exists; returns the problems found.
    pub fn check_links(&self, flows: &FlowSet) -> Vec<String> {
        self.keywords
            .iter()
            .filter(|k| flows.step(&k.flow, &k.step).is_none())
            .map(|k| {
                format!(
                    "keyword \"{}\": there is no step \"{}/{}\"",
                    k.id, k.flow, k.step
                )
            })
            .collect()
    }

    /// Finds the keywords in a message, whole words only, ignoring case; hits are ordered by
    /// where they first occur. Overlapping phrases of one keyword count once (the longest).
    pub fn scan(&self, message: &str) -> Vec<KeywordHit> {
        let words = words(message, Apostrophes::Inner);
        let mut hits: Vec<KeywordHit> = Vec::new();
        for (keyword, phrases) in self.keywords.iter().zip(&self.phrases) {
            // (first word index, word count) of every occurrence.
            let mut found: Vec<(usize, usize)> = Vec::new();
            for phrase in phrases {
                for (at, window) in words.windows(phrase.len()).enumerate() {
                    if window.iter().zip(phrase).all(|(w, p)| &w.text == p) {
                        found.push((at, phrase.len()));
                    }
                }
            }
            found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut matches = Vec::new();
            let mut covered_until = 0;
            for (at, len) in found {
                if at < covered_until {
                    continue;
                }
                covered_until = at + len;
                let (start, end) = (words[at].start, words[at + len - 1].end);
                matches.push(PhraseMatch {
                    start,
                    end,
                    text: message[start..end].to_string(),
                });
            }
            if !matches.is_empty() {
                hits.push(KeywordHit {
                    keyword: keyword.clone(),
                    matches,
                });
            }
        }
        hits.sort_by_key(|h| h.matches[0].start);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> Scanner {
        let list: KeywordList =
            toml::from_str(include_str!("../../content/keywords.toml")).unwrap();
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
        let hits =
            scanner().scan("Liens! A lien, and my non-binary friend saw the lien on Twitter.");
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
    fn the_list_is_checked_when_loaded() {
        let source = |doc: &str, lines: &str| SourceRef {
            doc: doc.into(),
            lines: lines.into(),
        };
        let first = Keyword {
            id: "a".into(),
            group: KeywordGroup::Qualifier,
            label: "A".into(),
            explanation: "A.".into(),
            source: source("002", "999"),
            more_sources: Vec::new(),
            flow: "qualifiers".into(),
            step: "nowhere".into(),
            phrases: vec!["Lien".into(), "+++".into()],
        };
        let second = Keyword {
            group: KeywordGroup::GenderSensitivity,
            label: "B".into(),
            explanation: "B.".into(),
            source: source("003", "97"),
            flow: "gender-sensitivity".into(),
            step: "is-gender-concern".into(),
            phrases: vec!["lien".into()],
            ..first.clone()
        };
        let list = KeywordList {
            keywords: vec![first, second],
        };
        let errors = Scanner::new(list).unwrap_err();
        assert_eq!(
            errors,
            [
                "keyword \"a\": source: line 999 is past the end of document 002 (108 lines)",
                "keyword \"a\": phrase \"+++\" has no words",
                "keyword \"a\": missing or duplicate id",
                "keyword \"a\": phrase \"lien\" matches the same words as a phrase of \"a\"",
            ]
        );
        assert!(Scanner::from_json("[]").unwrap_err()[0].starts_with("cannot read keywords"));
    }

    #[test]
    fn keywords_read_the_same_through_json_and_link_to_real_steps() {
        let text = include_str!("../../content/keywords.toml");
        let value: toml::Value = toml::from_str(text).unwrap();
        let from_json = Scanner::from_json(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(from_json, scanner());
        let flows = crate::domain::content::load_flows().unwrap();
        assert_eq!(from_json.check_links(&flows), Vec::<String>::new());
        assert_eq!(from_json.keywords().len(), 23);
        let fraud = from_json
            .keywords()
            .iter()
            .find(|k| k.id == "fraud")
            .unwrap();
        assert_eq!(fraud.step, "fraud");
    }
}
