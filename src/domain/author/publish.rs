//! Publishing a draft: the next version of the pack, stamped with the time
//! and the author's note on what changed, and only when every check passes,
//! so what reaches agents is never a pack the app would refuse.

use crate::domain::pack::{check_pack_file, PackFile, PackProblem};
use chrono::{DateTime, Utc};
use std::fmt;

/// Why a draft was not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishError {
    /// The people who use the pack need to be told what changed.
    NoChangeNote,
    /// The draft has problems to fix first, each by place.
    Problems(Vec<PackProblem>),
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::NoChangeNote => {
                f.write_str("Say what changed in this version, for the people who use it.")
            }
            PublishError::Problems(problems) => write!(
                f,
                "Fix the {} listed under Problems first.",
                crate::domain::text::plural(problems.len() as u64, "problem")
            ),
        }
    }
}

/// The draft as the next published version: its version raised by one,
/// published now, with `change_note`.
pub fn publish(
    draft: &PackFile,
    change_note: &str,
    now: DateTime<Utc>,
) -> Result<PackFile, PublishError> {
    if change_note.trim().is_empty() {
        return Err(PublishError::NoChangeNote);
    }
    let mut published = draft.clone();
    published.version = draft.version.saturating_add(1);
    published.published_at = now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    published.change_note = change_note.trim().to_string();
    check_pack_file(published.clone()).map_err(PublishError::Problems)?;
    Ok(published)
}

/// Everything the pack's checks find wrong with a draft, as the author
/// edits it; none means it can be published.
pub fn draft_problems(draft: &PackFile) -> Vec<PackProblem> {
    check_pack_file(draft.clone()).err().unwrap_or_default()
}
