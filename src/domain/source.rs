//! Where a piece of content comes from: every flow step, SLA rule and quiz
//! question names a line range in one of the support documents in
//! `../shared/sources/`, so a trainer can check it against the original.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A reference to lines of a source document, written in content files as
/// `source = { doc = "004", lines = "43-47" }` (or a single line `"43"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SourceRef {
    /// Document id, one of the pack's `sources`.
    pub doc: String,
    /// A line number or an inclusive range `"first-last"`, 1-based.
    pub lines: String,
}

impl SourceRef {
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

    /// Checks that the lines are a line or a range. Whether they exist is a
    /// question for the pack, which lists its documents with their lengths
    /// ([`SourceRef::check_within`]).
    pub fn check_lines(&self) -> Result<(u32, u32), SourceError> {
        self.line_range()
            .ok_or_else(|| SourceError::BadLineRange(self.lines.clone()))
    }

    /// Checks the reference against its document, `document_lines` long
    /// (`None`: the document is not listed).
    pub fn check_within(&self, document_lines: Option<u32>) -> Result<(), SourceError> {
        let lines = document_lines.ok_or_else(|| SourceError::UnknownDocument(self.doc.clone()))?;
        let (_, last) = self.check_lines()?;
        if last > lines {
            return Err(SourceError::PastTheEnd {
                line: last,
                doc: self.doc.clone(),
                lines,
            });
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
        doc: String,
        /// How many lines it has.
        lines: u32,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownDocument(doc) => {
                write!(f, "document \"{doc}\" is not among the pack's sources")
            }
            Self::BadLineRange(lines) => {
                write!(f, "bad line range \"{lines}\" (use \"12\" or \"12-15\")")
            }
            Self::PastTheEnd { line, doc, lines } => write!(
                f,
                "line {line} is past the end of document {doc} ({lines} lines)"
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
        assert_eq!(r("004", "43").check_within(Some(110)), Ok(()));
        assert_eq!(r("004", "43-47").check_within(Some(110)), Ok(()));
        assert_eq!(r("000", "47").check_within(Some(47)), Ok(()));
        assert_eq!(r("004", "43-47").check_lines(), Ok((43, 47)));
    }

    #[test]
    fn rejects_unknown_documents_bad_ranges_and_lines_past_the_end() {
        let problem =
            |doc, lines, length| r(doc, lines).check_within(length).unwrap_err().to_string();
        assert_eq!(
            problem("009", "1", None),
            "document \"009\" is not among the pack's sources"
        );
        assert!(problem("004", "9-3", Some(110)).contains("bad line"));
        assert!(problem("004", "x", Some(110)).contains("bad line"));
        assert_eq!(
            problem("000", "48", Some(47)),
            "line 48 is past the end of document 000 (47 lines)"
        );
        assert!(r("004", "0").check_lines().is_err());
    }

    #[test]
    fn displays_for_people() {
        assert_eq!(r("004", "43-47").to_string(), "doc 004, lines 43-47");
        assert_eq!(r("001", "5").to_string(), "doc 001, line 5");
    }
}
