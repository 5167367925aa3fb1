//! What a pack's parts mean, once they are read into their types (from a
//! file, or a draft being written): each part checked by its own tool, the
//! references across parts, the pack's own fields, and every citation
//! against the documents the pack lists. Each problem is named by place.

use super::read::Problems;
use super::{Pack, PackFile, PackMeta, PackProblem, PackSource, Place};
use crate::domain::content::link_exists;
use crate::domain::flow::FlowSet;
use crate::domain::quiz::Bank;
use crate::domain::reference::Reference;
use crate::domain::scanner::Scanner;
use crate::domain::sla::SlaEngine;
use crate::domain::source::SourceRef;
use std::collections::BTreeSet;

/// Checks a pack already in its types (a draft being written, say): every
/// part, its references across parts and the documents it cites.
pub fn check_pack_file(file: PackFile) -> Result<Pack, Vec<PackProblem>> {
    let mut problems = Problems::default();
    check_meta(&file, &mut problems);
    check_citations(&file, &mut problems);
    let flows = FlowSet::new(file.flows.clone())
        .map_err(|errors| {
            for error in errors {
                problems.add(
                    Place::Flow {
                        flow: error.flow,
                        step: error.step,
                    },
                    error.message,
                );
            }
        })
        .ok();
    let bank = Bank::from_files(vec![file.questions.clone()])
        .map_err(|e| e.problems)
        .and_then(|bank| match &flows {
            Some(flows) => bank
                .check_links(|target| link_exists(flows, target))
                .map(|()| bank)
                .map_err(|e| e.problems),
            None => Ok(bank),
        })
        .map_err(|messages| {
            for message in messages {
                problems.add(Place::Questions, message);
            }
        })
        .ok();
    let scanner = Scanner::new(file.keywords.clone())
        .and_then(|scanner| match &flows {
            Some(flows) => match scanner.check_links(flows) {
                broken if broken.is_empty() => Ok(scanner),
                broken => Err(broken),
            },
            None => Ok(scanner),
        })
        .map_err(|messages| {
            for message in messages {
                problems.add(Place::Keywords, message);
            }
        })
        .ok();
    if let Err(error) = SlaEngine::new(&file.sla) {
        for message in error.problems {
            problems.add(Place::Sla, message);
        }
    }
    let reference = serde_json::to_string(&file.reference)
        .map_err(|e| vec![e.to_string()])
        .and_then(|json| Reference::from_json(&json))
        .map_err(|messages| {
            for message in messages {
                // The reference names itself; the place already does.
                let message = message.strip_prefix("reference: ").unwrap_or(&message);
                problems.add(Place::Reference, message);
            }
        })
        .ok();
    match (flows, bank, scanner, reference) {
        (Some(flows), Some(bank), Some(scanner), Some(reference)) if problems.0.is_empty() => {
            Ok(Pack {
                meta: PackMeta {
                    id: file.id,
                    title: file.title,
                    version: file.version,
                    published_at: file.published_at,
                    author: file.author,
                    change_note: file.change_note,
                    sources: file.sources,
                },
                flows,
                bank,
                scanner,
                sla: file.sla,
                reference,
            })
        }
        _ => Err(problems.0),
    }
}

/// The pack's own fields: an id made for links, words where people read
/// them, a version from 1, a real publication time.
fn check_meta(file: &PackFile, problems: &mut Problems) {
    let is_id = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if !is_id(&file.id) {
        problems.field("id", "must be lowercase letters, digits and hyphens");
    }
    for (name, text) in [
        ("title", &file.title),
        ("author", &file.author),
        ("change_note", &file.change_note),
    ] {
        if text.trim().is_empty() {
            problems.field(name, "must not be empty");
        }
    }
    if file.version == 0 {
        problems.field("version", "starts at 1");
    }
    if chrono::DateTime::parse_from_rfc3339(&file.published_at).is_err() {
        problems.field(
            "published_at",
            format!(
                "\"{}\" is not a date and time such as 2026-12-04T09:00:00Z",
                file.published_at
            ),
        );
    }
    let mut seen = BTreeSet::new();
    for source in &file.sources {
        let mut fail = |message: &str| {
            problems.field("sources", format!("document \"{}\" {message}", source.doc));
        };
        if !seen.insert(source.doc.as_str()) {
            fail("is listed twice");
        }
        if source.doc.trim().is_empty() || source.doc.contains(char::is_whitespace) {
            fail("needs an id without spaces, which items cite (such as 004)");
        }
        if source.title.trim().is_empty() {
            fail("needs a title saying what the document is");
        }
        if source.lines == 0 {
            fail("has no lines: give its number of lines");
        }
    }
}

/// Every line an item cites must be a line of one of the pack's
/// `sources`: each citation is checked where it is, against the length the
/// pack gives its document.
fn check_citations(file: &PackFile, problems: &mut Problems) {
    let mut check = |place: &Place, item: Option<&str>, source: &SourceRef| {
        let lines = PackSource::find(&file.sources, &source.doc).map(|doc| doc.lines);
        if let Err(error) = source.check_within(lines) {
            let message = match item {
                Some(item) => format!("{item}: source {source}: {error}"),
                None => format!("source {source}: {error}"),
            };
            problems.add(place.clone(), message);
        }
    };
    for flow in &file.flows {
        let place = Place::Flow {
            flow: flow.id.clone(),
            step: None,
        };
        for source in std::iter::once(&flow.source).chain(&flow.more_sources) {
            check(&place, None, source);
        }
        for step in &flow.steps {
            let place = Place::Flow {
                flow: flow.id.clone(),
                step: Some(step.id.clone()),
            };
            let checklist = step.checklist.iter().map(|item| &item.source);
            for source in step.sources().chain(checklist) {
                check(&place, None, source);
            }
        }
    }
    let bank = &file.questions;
    for scenario in &bank.scenarios {
        if let Some(source) = &scenario.source {
            let item = format!("scenario {}", scenario.id);
            check(&Place::Questions, Some(&item), source);
        }
    }
    for question in &bank.questions {
        if let Some(source) = &question.source {
            let item = format!("question {}", question.id);
            check(&Place::Questions, Some(&item), source);
        }
    }
    for keyword in &file.keywords.keywords {
        let item = format!("keyword \"{}\"", keyword.id);
        for source in std::iter::once(&keyword.source).chain(&keyword.more_sources) {
            check(&Place::Keywords, Some(&item), source);
        }
    }
    for source in file.sla.sources() {
        check(&Place::Sla, None, source);
    }
    for topic in &file.reference.topics {
        for fact in &topic.facts {
            let item = format!("fact \"{}\"", fact.id);
            check(&Place::Reference, Some(&item), &fact.source);
        }
    }
}
