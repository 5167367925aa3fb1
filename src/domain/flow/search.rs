//! Text search over every step of every flow, with a snippet around the
//! best match.

use super::{FlowSet, Step};
use crate::domain::text::fold;

/// A step whose text matches a search, best matches first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Flow id.
    pub flow: String,
    /// Step id.
    pub step: String,
    /// A short excerpt around the match, from the most important matching field.
    pub snippet: String,
    /// Higher is better: title matches outrank checklist and body matches.
    pub score: u32,
}

/// The searchable texts of a step with their weights (a title match counts most).
fn weighted_fields(step: &Step) -> Vec<(&str, u32)> {
    let mut fields = vec![(step.title.as_str(), 6)];
    fields.extend(step.outcome.as_deref().map(|o| (o, 4)));
    fields.extend(step.warning.as_deref().map(|w| (w, 3)));
    fields.extend(step.checklist.iter().map(|i| (i.text.as_str(), 3)));
    fields.extend(step.body.iter().map(|b| (b.as_str(), 2)));
    fields.extend(step.choices.iter().map(|c| (c.label.as_str(), 1)));
    fields.extend(step.template.as_deref().map(|t| (t, 1)));
    fields.extend(step.note_prompt.as_deref().map(|n| (n, 1)));
    fields
}

/// Finds steps containing every word of `query` (case-insensitive), best first.
/// A step scores the weight of the best field for each word, doubled where the whole query
/// appears as a phrase; ties keep the flows' display order.
pub fn search(flows: &FlowSet, query: &str) -> Vec<SearchHit> {
    let (phrase, _) = fold(query.trim());
    let terms: Vec<&str> = phrase.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let phrase = terms.join(" ");
    let mut hits = Vec::new();
    for flow in flows.flows() {
        for step in &flow.steps {
            let fields: Vec<(&str, String, Vec<usize>, u32)> = weighted_fields(step)
                .into_iter()
                .map(|(text, weight)| {
                    let (folded, origin) = fold(text);
                    (text, folded, origin, weight)
                })
                .collect();
            let mut score = 0;
            let mut all_found = true;
            for term in &terms {
                match fields
                    .iter()
                    .filter(|f| f.1.contains(term))
                    .map(|f| f.3)
                    .max()
                {
                    Some(weight) => score += weight,
                    None => all_found = false,
                }
            }
            if !all_found {
                continue;
            }
            let phrase_field = fields
                .iter()
                .filter(|f| f.1.contains(&phrase))
                .max_by_key(|f| f.3);
            if let Some(field) = phrase_field {
                score += field.3 * terms.len() as u32;
            }
            let (needle, field) = match phrase_field {
                Some(field) => (phrase.as_str(), field),
                None => {
                    let best = fields
                        .iter()
                        .filter(|f| f.1.contains(terms[0]))
                        .max_by_key(|f| f.3);
                    match best {
                        Some(field) => (terms[0], field),
                        None => continue,
                    }
                }
            };
            let (text, folded, origin, _) = field;
            let at = folded.find(needle).unwrap_or(0);
            hits.push(SearchHit {
                flow: flow.id.clone(),
                step: step.id.clone(),
                snippet: snippet(text, origin[at], origin[at + needle.len()]),
                score,
            });
        }
    }
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    hits
}

/// About 120 characters of `text` around the byte range `start..end`, cut at spaces.
fn snippet(text: &str, start: usize, end: usize) -> String {
    const BEFORE: usize = 40;
    const LENGTH: usize = 120;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first = chars
        .iter()
        .position(|(i, _)| *i >= start)
        .unwrap_or(chars.len());
    let last = chars
        .iter()
        .position(|(i, _)| *i >= end)
        .unwrap_or(chars.len());
    let mut from = first.saturating_sub(BEFORE);
    while from > 0 && from < first && !chars[from - 1].1.is_whitespace() {
        from += 1;
    }
    let mut to = (from + LENGTH).max(last).min(chars.len());
    while to < chars.len() && to > last && !chars[to].1.is_whitespace() {
        to -= 1;
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(text[byte(from)..byte(to)].trim());
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::flows;

    #[test]
    fn search_ranks_title_matches_and_whole_phrases_first() {
        let flows = flows();
        let hits = search(&flows, "case OWNER");
        assert_eq!(
            (hits[0].flow.as_str(), hits[0].step.as_str()),
            ("intake", "tag")
        );
        assert_eq!(hits[0].snippet, "Tag the case owner");
        assert_eq!(
            hits[0].score, 24,
            "title for both words, doubled for the phrase"
        );
        assert!(hits.iter().any(|h| h.step == "owner-tagged"));
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(search(&flows, "   ").is_empty());
        assert!(search(&flows, "owner zebra").is_empty());
        let checklist = search(&flows, "logged the CALL");
        assert_eq!(checklist[0].step, "tag");
        assert_eq!(checklist[0].snippet, "Logged the call");
        let tagged = search(&flows, "tagged");
        let outcome_first: Vec<(&str, u32)> =
            tagged.iter().map(|h| (h.step.as_str(), h.score)).collect();
        assert_eq!(outcome_first, [("owner-tagged", 8), ("tag", 6)]);
    }

    #[test]
    fn snippets_cut_long_text_at_spaces() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
                    fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two target \
                    words after the target go on and on for quite a while longer than the window";
        let start = text.find("target").unwrap();
        let cut = snippet(text, start, start + 6);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("target"));
        assert!(!cut.contains("  "));
        assert!(cut.chars().count() <= 124);
    }
}
