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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum KeywordGroup {
    /// A sensitive issue that warrants additional review (escalation SOPs).
    Qualifier,
    /// A gender sensitivity key word or phrase (Tier 2 slides).
    GenderSensitivity,
}

/// One thing to flag, with the words and phrases that reveal it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
                if let Err(e) = source.check_lines() {
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

    /// A small list: a one-word keyword with a two-word phrase, one with a
    /// plural, one whose phrases overlap, and one with an apostrophe.
    fn scanner() -> Scanner {
        let keyword = |id: &str, group: KeywordGroup, phrases: &[&str]| Keyword {
            id: id.into(),
            group,
            label: id.to_uppercase(),
            explanation: format!("About {id}."),
            source: SourceRef {
                doc: "002".into(),
                lines: "78".into(),
            },
            more_sources: Vec::new(),
            flow: "checks".into(),
            step: id.into(),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
        };
        let list = KeywordList {
            keywords: vec![
                keyword(
                    "lawyer",
                    KeywordGroup::Qualifier,
                    &["lawyer", "legal counsel"],
                ),
                keyword("lien", KeywordGroup::Qualifier, &["lien", "liens"]),
                keyword(
                    "contractor",
                    KeywordGroup::Qualifier,
                    &["unlicensed", "unlicensed contractor"],
                ),
                keyword(
                    "non-binary",
                    KeywordGroup::GenderSensitivity,
                    &["non-binary", "nonbinary"],
                ),
                keyword(
                    "dont-identify",
                    KeywordGroup::GenderSensitivity,
                    &["don't identify"],
                ),
            ],
        };
        Scanner::new(list).unwrap_or_else(|errors| panic!("{}", errors.join("\n")))
    }

    /// Each hit as `(keyword id, texts matched)`.
    fn found(message: &str) -> Vec<(String, Vec<String>)> {
        scanner()
            .scan(message)
            .into_iter()
            .map(|h| {
                (
                    h.keyword.id,
                    h.matches.into_iter().map(|m| m.text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn whole_words_match_in_any_case_with_their_place_in_the_message() {
        let [hit] = &scanner().scan("I already called my LAWYER and legal  counsel")[..] else {
            panic!("one keyword, found twice");
        };
        assert_eq!(
            (hit.keyword.label.as_str(), hit.keyword.group),
            ("LAWYER", KeywordGroup::Qualifier)
        );
        assert_eq!(
            hit.matches,
            [
                PhraseMatch {
                    start: 20,
                    end: 26,
                    text: "LAWYER".into()
                },
                PhraseMatch {
                    start: 31,
                    end: 45,
                    text: "legal  counsel".into()
                }
            ]
        );
        for message in [
            "An alien landed",
            "Lawyering is hard",
            "non",
            "a binary choice",
        ] {
            assert_eq!(found(message), [], "{message}");
        }
    }

    #[test]
    fn hits_come_in_message_order_with_every_occurrence() {
        let message = "Liens! A lien, and my non-binary friend saw the lien.";
        assert_eq!(
            found(message),
            [
                (
                    "lien".to_string(),
                    vec!["Liens".into(), "lien".into(), "lien".into()]
                ),
                ("non-binary".to_string(), vec!["non-binary".into()]),
            ]
        );
    }

    #[test]
    fn overlapping_phrases_of_one_keyword_count_once_the_longest() {
        assert_eq!(
            found("an unlicensed contractor, unlicensed again"),
            [(
                "contractor".to_string(),
                vec!["unlicensed contractor".into(), "unlicensed".into()]
            )]
        );
    }

    #[test]
    fn apostrophes_inside_a_phrase_match_either_kind() {
        for message in ["I don't identify as that", "I don’t identify as that"] {
            assert_eq!(found(message)[0].0, "dont-identify", "{message}");
        }
        assert_eq!(found("I do not identify"), []);
    }

    #[test]
    fn links_to_missing_steps_are_named() {
        let nowhere = FlowSet::new(Vec::new()).unwrap();
        let broken = scanner().check_links(&nowhere);
        assert_eq!(broken.len(), 5);
        assert_eq!(
            broken[0],
            "keyword \"lawyer\": there is no step \"checks/lawyer\""
        );
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
            source: source("002", "99-9"),
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
                "keyword \"a\": source: bad line range \"99-9\" (use \"12\" or \"12-15\")",
                "keyword \"a\": phrase \"+++\" has no words",
                "keyword \"a\": missing or duplicate id",
                "keyword \"a\": phrase \"lien\" matches the same words as a phrase of \"a\"",
            ]
        );
        assert!(Scanner::from_json("[]").unwrap_err()[0].starts_with("cannot read keywords"));
    }
}
