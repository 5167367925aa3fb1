//! The quick reference: short facts from the training Q&A (case types,
//! statuses, metrics, credits, ticket kinds), kept in `content/reference.toml`
//! with the lines each comes from, and found by the same search as the flows.

use crate::domain::source::SourceRef;
use crate::domain::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The whole reference, topics in the order an agent needs them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Reference {
    /// The topics, each a heading with its facts.
    pub topics: Vec<Topic>,
}

/// A group of facts under one heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Topic {
    /// Unique among topics; names the topic in validation messages.
    pub id: String,
    /// The heading shown above the facts.
    pub heading: String,
    /// The facts, in display order.
    pub facts: Vec<Fact>,
}

/// One fact, worded as its source words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Fact {
    /// Unique within the reference, so a search hit can name the fact.
    pub id: String,
    /// The fact as shown.
    pub text: String,
    /// The lines it comes from, so a trainer can check it.
    pub source: SourceRef,
}

/// A fact whose text matches a search.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceHit<'a> {
    /// The topic holding the fact, for its heading.
    pub topic: &'a Topic,
    /// The matching fact, shown whole: it is the answer.
    pub fact: &'a Fact,
}

impl Reference {
    /// Parses the reference and checks it: ids unique, every fact with text
    /// and a source that exists.
    pub fn from_json(json: &str) -> Result<Reference, Vec<String>> {
        let reference: Reference =
            serde_json::from_str(json).map_err(|e| vec![format!("content/reference.toml: {e}")])?;
        let problems = reference.problems();
        if problems.is_empty() {
            Ok(reference)
        } else {
            Err(problems)
        }
    }

    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut topic_ids = BTreeSet::new();
        let mut fact_ids = BTreeSet::new();
        if self.topics.is_empty() {
            problems.push("content/reference.toml: no topics".to_string());
        }
        for topic in &self.topics {
            if !topic_ids.insert(topic.id.as_str()) {
                problems.push(format!("reference: topic id {:?} is repeated", topic.id));
            }
            if topic.facts.is_empty() {
                problems.push(format!("reference: topic {:?} has no facts", topic.id));
            }
            for fact in &topic.facts {
                if !fact_ids.insert(fact.id.as_str()) {
                    problems.push(format!("reference: fact id {:?} is repeated", fact.id));
                }
                if fact.text.trim().is_empty() {
                    problems.push(format!("reference: fact {:?} has no text", fact.id));
                }
                if let Err(error) = fact.source.check_lines() {
                    problems.push(format!("reference: fact {:?}: {error}", fact.id));
                }
            }
        }
        problems
    }

    /// The facts containing every word of `query` (case-insensitive) in their
    /// text or their topic's heading, in reference order.
    pub fn search(&self, query: &str) -> Vec<ReferenceHit<'_>> {
        let (query, _) = fold(query.trim());
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Vec::new();
        }
        self.topics
            .iter()
            .flat_map(|topic| topic.facts.iter().map(move |fact| (topic, fact)))
            .filter(|(topic, fact)| {
                let (text, _) = fold(&format!("{} {}", topic.heading, fact.text));
                terms.iter().all(|term| text.contains(term))
            })
            .map(|(topic, fact)| ReferenceHit { topic, fact })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: &str, text: &str, lines: &str) -> serde_json::Value {
        serde_json::json!({ "id": id, "text": text, "source": { "doc": "001", "lines": lines } })
    }

    fn reference(topics: serde_json::Value) -> Result<Reference, Vec<String>> {
        Reference::from_json(&serde_json::json!({ "topics": topics }).to_string())
    }

    #[test]
    fn repeated_ids_and_missing_lines_are_refused() {
        let problems = reference(serde_json::json!([
            { "id": "a", "heading": "A", "facts": [fact("x", "One", "1"), fact("x", "Two", "75-7")] },
            { "id": "a", "heading": "B", "facts": [] },
        ]))
        .unwrap_err();
        let joined = problems.join("\n");
        assert!(joined.contains("topic id \"a\" is repeated"), "{joined}");
        assert!(joined.contains("fact id \"x\" is repeated"), "{joined}");
        assert!(joined.contains("topic \"a\" has no facts"), "{joined}");
        assert!(joined.contains("fact \"x\": "), "{joined}");
        assert_eq!(problems.len(), 4, "{joined}");
    }

    #[test]
    fn search_needs_every_word_in_the_fact_or_its_heading() {
        let reference = reference(serde_json::json!([
            { "id": "credits", "heading": "Credits", "facts": [fact("limit", "Your credit LIMIT is up to $300.00.", "31-32")] },
            { "id": "metrics", "heading": "Metrics", "facts": [fact("m", "Initial Contact; SLA.", "43-47")] },
        ]))
        .unwrap();
        let ids = |q: &str| -> Vec<String> {
            reference
                .search(q)
                .iter()
                .map(|h| h.fact.id.clone())
                .collect()
        };
        assert_eq!(ids("credit limit"), ["limit"]);
        assert_eq!(ids("300"), ["limit"]);
        assert_eq!(ids("credits 300"), ["limit"], "the heading counts");
        assert_eq!(ids("metrics sla"), ["m"]);
        assert!(ids("credit zebra").is_empty());
        assert!(ids("  ").is_empty());
    }
}
