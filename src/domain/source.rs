//! Where a piece of content comes from: every flow step, SLA rule and quiz
//! question names a line range in one of the support documents in
//! `../shared/sources/`, so a trainer can check it against the original.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The source documents Deskaid is built from, with their line counts, so a
/// reference to a line that does not exist is caught by validation.
pub const DOCUMENTS: &[SourceDoc] = &[
    SourceDoc {
        id: "000",
        title: "Case study: deactivation dispute (Case 2)",
        lines: 47,
    },
    SourceDoc {
        id: "001",
        title: "Training Q&A for case handlers",
        lines: 74,
    },
    SourceDoc {
        id: "002",
        title: "Escalation SOP (older version)",
        lines: 108,
    },
    SourceDoc {
        id: "003",
        title: "Tier 2: Escalations (slides)",
        lines: 112,
    },
    SourceDoc {
        id: "004",
        title: "Escalation SOP (current version)",
        lines: 110,
    },
];

/// One of the documents in `../shared/sources/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceDoc {
    /// The three-digit prefix of the file name, e.g. `"004"`.
    pub id: &'static str,
    /// A short human title shown next to references.
    pub title: &'static str,
    /// How many lines the file has.
    pub lines: u32,
}

/// A reference to lines of a source document, written in content files as
/// `source = { doc = "004", lines = "43-47" }` (or a single line `"43"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SourceRef {
    /// Document id, one of [`DOCUMENTS`].
    pub doc: String,
    /// A line number or an inclusive range `"first-last"`, 1-based.
    pub lines: String,
}

impl SourceRef {
    /// The document this reference points to, if it exists.
    pub fn document(&self) -> Option<&'static SourceDoc> {
        DOCUMENTS.iter().find(|d| d.id == self.doc)
    }

    /// The inclusive line range, if `lines` is well formed.
    pub fn line_range(&self) -> Option<(u32, u32)> {
        let (first, last) = match self.lines.split_once('-') {
            Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
            None => {
                let n = self.lines.trim().parse().ok()?;
                (n, n)
            }
        };
        (first >= 1 && first <= last).then_some((first, last))
    }

    /// Checks that the document exists and the lines lie inside it.
    pub fn validate(&self) -> Result<(), SourceError> {
        let doc = self
            .document()
            .ok_or_else(|| SourceError::UnknownDocument(self.doc.clone()))?;
        let (_, last) = self
            .line_range()
            .ok_or_else(|| SourceError::BadLineRange(self.lines.clone()))?;
        if last > doc.lines {
            return Err(SourceError::PastTheEnd { line: last, doc });
        }
        Ok(())
    }
}

/// Why a source reference does not point at lines that exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// No document has this id.
    UnknownDocument(String),
    /// The lines are not "12" or "12-15" with the first line not after the last.
    BadLineRange(String),
    /// The last line is past the end of the document.
    PastTheEnd {
        /// The last line referenced.
        line: u32,
        /// The document referenced.
        doc: &'static SourceDoc,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownDocument(doc) => write!(f, "unknown source document \"{doc}\""),
            Self::BadLineRange(lines) => {
                write!(f, "bad line range \"{lines}\" (use \"12\" or \"12-15\")")
            }
            Self::PastTheEnd { line, doc } => write!(
                f,
                "line {line} is past the end of document {} ({} lines)",
                doc.id, doc.lines
            ),
        }
    }
}

impl std::error::Error for SourceError {}

impl fmt::Display for SourceRef {
    /// Renders as "doc 004, lines 43-47" for the UI and case notes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = if self.lines.contains('-') {
            "lines"
        } else {
            "line"
        };
        write!(f, "doc {}, {} {}", self.doc, word, self.lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(doc: &str, lines: &str) -> SourceRef {
        SourceRef {
            doc: doc.into(),
            lines: lines.into(),
        }
    }

    #[test]
    fn accepts_single_lines_and_ranges_inside_the_document() {
        assert_eq!(r("004", "43").validate(), Ok(()));
        assert_eq!(r("004", "43-47").validate(), Ok(()));
        assert_eq!(r("000", "47").validate(), Ok(()));
    }

    #[test]
    fn rejects_unknown_documents_bad_ranges_and_lines_past_the_end() {
        let problem = |doc, lines| r(doc, lines).validate().unwrap_err().to_string();
        assert!(problem("009", "1").contains("unknown"));
        assert!(problem("004", "9-3").contains("bad line"));
        assert!(problem("004", "x").contains("bad line"));
        assert!(problem("000", "48").contains("past the end"));
    }

    #[test]
    fn displays_for_people() {
        assert_eq!(r("004", "43-47").to_string(), "doc 004, lines 43-47");
        assert_eq!(r("001", "5").to_string(), "doc 001, line 5");
    }
}
