//! Citations checked against the source documents themselves, which lie in
//! `../shared/sources/` beside the project (as in CI). Every `source`,
//! `*_source` and `more_sources` reference in `content/` must name lines that
//! exist, and the cited lines must share at least one significant word with
//! the item that cites them, so a citation that drifted to the wrong lines
//! fails here. Items that match their lines by meaning only are listed in
//! [`MEANING_ONLY`], each with its reason.

use deskaid::domain::content;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use toml::Value;

/// Citations whose lines and item share no word of 4+ letters, yet match:
/// `(content file, item path, cited lines, why)`.
const MEANING_ONLY: &[(&str, &str, &str, &str)] = &[
    (
        "content/flows/leadership.toml",
        "/leadership.steps/resolution-lead-available (more_sources)",
        "58",
        "the row \"Unavailable\" of 004's transfer table is this step's \"no Resolution Lead is available\" branch",
    ),
    (
        "content/flows/qualifiers.toml",
        "/qualifiers.steps/closing.checklist/script-read (source)",
        "101",
        "line 101 is the closing script itself; the item names it rather than quoting it",
    ),
    (
        "content/sla.toml",
        ".calendar (source)",
        "11",
        "001 speaks only of \"the next business day\"; the calendar's hours, zone and holidays are Deskaid's reading of it",
    ),
    (
        "content/sla.toml",
        ".queue (urgency_source)",
        "43-45",
        "the queue ranks by the deadlines that 001 names as the primary metrics (initial contact, SLA)",
    ),
];

/// Words too common to show that an item and its lines are about the same thing.
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "both", "can't", "could", "does", "done",
    "each", "either", "else", "even", "every", "from", "have", "here", "into", "just", "like",
    "make", "more", "most", "must", "need", "next", "only", "other", "over", "same", "should",
    "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "under", "until", "upon", "very", "want", "were", "what", "when", "where",
    "which", "while", "will", "with", "within", "without", "would", "your", "yours",
];

/// One source document: its id and its lines.
struct Document {
    id: String,
    lines: Vec<String>,
}

/// A reference found in the content, with the text of the item citing it.
#[derive(Debug)]
struct Citation {
    file: String,
    item: String,
    doc: String,
    lines: String,
    item_text: String,
}

fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources")
}

fn read_documents() -> Vec<Document> {
    let dir = sources_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the source documents must lie beside the project in {}: {e}",
            dir.display()
        )
    });
    let mut documents: Vec<Document> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let id = name.strip_suffix(".txt")?.split('_').next()?.to_string();
            let text = std::fs::read_to_string(entry.path()).ok()?;
            Some(Document {
                id,
                lines: text.lines().map(str::to_string).collect(),
            })
        })
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    documents
}

fn content_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("content/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Is `value` a `{ doc, lines }` reference?
fn as_reference(value: &Value) -> Option<(String, String)> {
    let table = value.as_table()?;
    let doc = table.get("doc")?.as_str()?;
    let lines = table.get("lines")?.as_str()?;
    Some((doc.to_string(), lines.to_string()))
}

/// Does this key hold references (`source`, `resolution_source`, `more_sources`)?
fn is_reference_key(key: &str) -> bool {
    key == "source" || key.ends_with("_source") || key == "more_sources"
}

/// The text a table says itself: its strings, and those of nested tables
/// that cite no source of their own (choices, checklist items). A table with
/// no `id` is a group of settings (`content/sla.toml`), whose names say what
/// it is about (`resolution_business_days`), so its key names count too.
fn own_text(table: &toml::Table, out: &mut String) {
    let settings = !table.contains_key("id");
    for (key, value) in table {
        if is_reference_key(key) {
            continue;
        }
        if settings {
            out.push_str(&key.replace('_', " "));
            out.push(' ');
        }
        collect_text(value, out);
    }
}

fn collect_text(value: &Value, out: &mut String) {
    match value {
        Value::String(text) => {
            out.push_str(text);
            out.push(' ');
        }
        Value::Array(items) => items.iter().for_each(|item| collect_text(item, out)),
        Value::Table(table) if !cites_itself(table) => own_text(table, out),
        _ => {}
    }
}

fn cites_itself(table: &toml::Table) -> bool {
    table.keys().any(|key| is_reference_key(key))
}

/// Every reference under `value`, each with the text of the table holding it.
fn collect_citations(file: &str, path: &str, value: &Value, out: &mut Vec<Citation>) {
    match value {
        Value::Table(table) => {
            let name = table
                .get("id")
                .and_then(Value::as_str)
                .map(|id| format!("{path}/{id}"))
                .unwrap_or_else(|| path.to_string());
            let mut text = String::new();
            own_text(table, &mut text);
            for (key, child) in table {
                let references: Vec<(String, String)> = match child {
                    Value::Array(items) if key == "more_sources" => {
                        items.iter().filter_map(as_reference).collect()
                    }
                    _ if is_reference_key(key) => as_reference(child).into_iter().collect(),
                    _ => Vec::new(),
                };
                // A `resolution_source` is about the resolution: its key names
                // the rule the table's numbers set.
                let key_words = key.trim_end_matches("source").replace('_', " ");
                for (doc, lines) in references {
                    out.push(Citation {
                        file: file.to_string(),
                        item: format!("{name} ({key})"),
                        doc,
                        lines,
                        item_text: format!("{text} {key_words}"),
                    });
                }
                if !is_reference_key(key) {
                    collect_citations(file, &format!("{name}.{key}"), child, out);
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_citations(file, path, item, out)),
        _ => {}
    }
}

fn all_citations() -> Vec<Citation> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut citations = Vec::new();
    for path in content_files() {
        let file = path
            .strip_prefix(root)
            .expect("under the project")
            .display()
            .to_string();
        let text = std::fs::read_to_string(&path).expect("content is readable");
        let value: Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        collect_citations(&file, "", &value, &mut citations);
    }
    citations
}

/// Lower-case words of four or more letters, less the stop words.
fn significant_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|word| word.trim_matches('\'').to_lowercase())
        .filter(|word| word.chars().count() >= 4 && !STOP_WORDS.contains(&word.as_str()))
        .collect()
}

/// Two words are the same word when equal, or when both are long and share
/// their first five letters ("escalated", "escalation").
fn same_word(a: &str, b: &str) -> bool {
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    a == b || (a.chars().count() >= 5 && b.chars().count() >= 5 && stem(a) == stem(b))
}

fn parse_range(lines: &str) -> Option<(usize, usize)> {
    let (first, last) = match lines.split_once('-') {
        Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
        None => {
            let n = lines.trim().parse().ok()?;
            (n, n)
        }
    };
    (first >= 1 && first <= last).then_some((first, last))
}

#[test]
fn the_documents_line_counts_are_the_files_line_counts() {
    let documents = read_documents();
    let on_disk: Vec<(&str, usize)> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.lines.len()))
        .collect();
    let declared: Vec<(&str, usize)> = content::pack_meta()
        .sources
        .iter()
        .map(|d| (d.doc.as_str(), d.lines as usize))
        .collect();
    assert_eq!(declared, on_disk);
}

#[test]
fn every_citation_names_lines_that_exist() {
    let documents = read_documents();
    let citations = all_citations();
    assert!(citations.len() > 300, "found only {}", citations.len());
    let problems: Vec<String> = citations
        .iter()
        .filter_map(|c| {
            let document = documents.iter().find(|d| d.id == c.doc);
            let range = parse_range(&c.lines);
            match (document, range) {
                (Some(d), Some((_, last))) if last <= d.lines.len() => None,
                _ => Some(format!(
                    "{} {}: doc {} lines {}",
                    c.file, c.item, c.doc, c.lines
                )),
            }
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_cited_range_shares_a_significant_word_with_its_item() {
    let documents = read_documents();
    let mut unmatched = Vec::new();
    let mut excused = BTreeSet::new();
    for citation in all_citations() {
        let Some(document) = documents.iter().find(|d| d.id == citation.doc) else {
            continue;
        };
        let Some((first, last)) = parse_range(&citation.lines) else {
            continue;
        };
        let cited = document.lines[first - 1..last.min(document.lines.len())].join(" ");
        let source_words = significant_words(&cited);
        let item_words = significant_words(&citation.item_text);
        let shared = item_words
            .iter()
            .any(|word| source_words.iter().any(|other| same_word(word, other)));
        if shared {
            continue;
        }
        let exception = MEANING_ONLY.iter().position(|(file, item, lines, _)| {
            *file == citation.file && *item == citation.item && *lines == citation.lines
        });
        match exception {
            Some(index) => {
                excused.insert(index);
            }
            None => unmatched.push(format!(
                "{} {}: doc {} lines {} ({:?})",
                citation.file, citation.item, citation.doc, citation.lines, cited
            )),
        }
    }
    assert!(unmatched.is_empty(), "{unmatched:#?}");
    let stale: Vec<_> = (0..MEANING_ONLY.len())
        .filter(|index| !excused.contains(index))
        .map(|index| MEANING_ONLY[index])
        .collect();
    assert!(
        stale.is_empty(),
        "exceptions that now match by words: {stale:#?}"
    );
}

#[test]
fn word_matching_knows_stems_and_ignores_filler() {
    assert!(same_word("escalated", "escalation"));
    assert!(!same_word("case", "cast"));
    let words = significant_words("What should you do with THE customer's case?");
    assert_eq!(
        words.into_iter().collect::<Vec<_>>(),
        ["case", "customer's"]
    );
}
