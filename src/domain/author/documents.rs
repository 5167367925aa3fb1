//! The pack's list of source documents: adding one, and renaming one with
//! every citation of it, so an author who corrects "SOP-4" to "004" does
//! not leave each step, question, keyword, rule and fact citing a document
//! the pack no longer lists.

use super::edit::{check_new_id, unique_id, RenameError};
use crate::domain::pack::{PackFile, PackSource};
use crate::domain::source::SourceRef;

/// Adds a document to the pack's sources, for the author to name, title
/// and give its length; returns its index.
pub fn add_document(pack: &mut PackFile) -> usize {
    let doc = unique_id("doc", pack.sources.iter().map(|s| s.doc.as_str()));
    pack.sources.push(PackSource {
        doc,
        title: String::new(),
        lines: 1,
    });
    pack.sources.len() - 1
}

/// Renames document `index` to `doc`, and every citation of it. A document
/// id is any text without spaces (documents have numbers such as 004 or
/// codes such as SOP-12); one another document has is refused rather than
/// merging two documents' citations.
pub fn rename_document(pack: &mut PackFile, index: usize, doc: &str) -> Result<(), RenameError> {
    let Some(old) = pack.sources.get(index).map(|s| s.doc.clone()) else {
        return Ok(());
    };
    let taken = pack.sources.iter().map(|s| s.doc.as_str());
    check_new_id(&old, doc, document_id_shape, taken, "document")?;
    for citation in citations_mut(pack) {
        if citation.doc == old {
            citation.doc = doc.to_string();
        }
    }
    pack.sources[index].doc = doc.to_string();
    Ok(())
}

/// The shape of a document's id: any text without spaces.
fn document_id_shape(doc: &str) -> Result<(), RenameError> {
    if doc.is_empty() || doc.contains(char::is_whitespace) {
        Err(RenameError::NotADocumentId)
    } else {
        Ok(())
    }
}

/// Every citation in the pack, wherever an item keeps one: the same places
/// the pack check reads (`pack::check`), which a test holds to.
fn citations_mut(pack: &mut PackFile) -> Vec<&mut SourceRef> {
    let mut citations = Vec::new();
    for flow in &mut pack.flows {
        citations.push(&mut flow.source);
        citations.extend(&mut flow.more_sources);
        for step in &mut flow.steps {
            citations.push(&mut step.source);
            citations.extend(&mut step.more_sources);
            citations.extend(step.checklist.iter_mut().map(|item| &mut item.source));
        }
    }
    let bank = &mut pack.questions;
    citations.extend(bank.scenarios.iter_mut().filter_map(|s| s.source.as_mut()));
    citations.extend(bank.questions.iter_mut().filter_map(|q| q.source.as_mut()));
    for keyword in &mut pack.keywords.keywords {
        citations.push(&mut keyword.source);
        citations.extend(&mut keyword.more_sources);
    }
    citations.extend(pack.sla.sources_mut());
    for topic in &mut pack.reference.topics {
        citations.extend(topic.facts.iter_mut().map(|fact| &mut fact.source));
    }
    citations
}
