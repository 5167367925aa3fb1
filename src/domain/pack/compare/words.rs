//! Word-level differences between two texts, and paragraph-level ones
//! between two lists of paragraphs, by a longest common subsequence: what an
//! agent reads as "this wording changed" in a step or a question.

/// A run of words of a text difference, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Words both texts have.
    Same(String),
    /// Words only the old text has.
    Removed(String),
    /// Words only the new text has.
    Added(String),
}

/// A text that differs between the two packs: both versions, and the words
/// that changed between them. An absent optional text is the empty text, so
/// a warning that appears reads as all-added words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    /// The text in the old pack.
    pub old: String,
    /// The text in the new pack.
    pub new: String,
    /// The difference, word by word.
    pub segments: Vec<Segment>,
}

/// `Some` when `old` and `new` differ.
pub fn text_change(old: &str, new: &str) -> Option<TextChange> {
    (old != new).then(|| TextChange {
        old: old.to_string(),
        new: new.to_string(),
        segments: diff_words(old, new),
    })
}

/// The same for optional texts, absent being empty.
pub fn optional_text_change(old: Option<&str>, new: Option<&str>) -> Option<TextChange> {
    text_change(old.unwrap_or_default(), new.unwrap_or_default())
}

/// One paragraph of a difference between two lists of paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParagraphChange {
    /// A paragraph both lists have, unchanged.
    Same(String),
    /// A paragraph only the old list has.
    Removed(String),
    /// A paragraph only the new list has.
    Added(String),
    /// A paragraph reworded in place.
    Changed(TextChange),
}

/// `Some` when the paragraphs differ. Paragraphs are matched whole; where
/// some were removed and others added at the same place, they are paired in
/// order as rewordings, so an edited paragraph shows its changed words.
pub fn paragraphs_change(old: &[String], new: &[String]) -> Option<Vec<ParagraphChange>> {
    if old == new {
        return None;
    }
    let mut changes = Vec::new();
    let mut removed: Vec<&String> = Vec::new();
    let mut added: Vec<&String> = Vec::new();
    for edit in diff(old, new) {
        match edit {
            Edit::Same(p) => {
                pair_up(&mut removed, &mut added, &mut changes);
                changes.push(ParagraphChange::Same(p.clone()));
            }
            Edit::Removed(p) => removed.push(p),
            Edit::Added(p) => added.push(p),
        }
    }
    pair_up(&mut removed, &mut added, &mut changes);
    Some(changes)
}

/// Paragraphs removed and added at one place: rewordings in order, then
/// what is left over.
fn pair_up(
    removed: &mut Vec<&String>,
    added: &mut Vec<&String>,
    changes: &mut Vec<ParagraphChange>,
) {
    let paired = removed.len().min(added.len());
    for (old, new) in removed.iter().zip(added.iter()) {
        changes.extend(text_change(old, new).map(ParagraphChange::Changed));
    }
    let cloned = |p: &&String| (*p).clone();
    changes.extend(
        removed[paired..]
            .iter()
            .map(cloned)
            .map(ParagraphChange::Removed),
    );
    changes.extend(
        added[paired..]
            .iter()
            .map(cloned)
            .map(ParagraphChange::Added),
    );
    removed.clear();
    added.clear();
}

/// The difference between two texts, word by word. Words are what lies
/// between white space, punctuation attached: "day." is one word, so a
/// changed phrase reads as whole words and never as a lone comma. Runs of
/// one kind are joined with single spaces; where words were replaced, the
/// removed run comes before the added one.
pub fn diff_words(old: &str, new: &str) -> Vec<Segment> {
    let old: Vec<&str> = old.split_whitespace().collect();
    let new: Vec<&str> = new.split_whitespace().collect();
    let mut segments: Vec<Segment> = Vec::new();
    for edit in diff(&old, &new) {
        let (word, segment) = match edit {
            Edit::Same(w) => (*w, Segment::Same(w.to_string())),
            Edit::Removed(w) => (*w, Segment::Removed(w.to_string())),
            Edit::Added(w) => (*w, Segment::Added(w.to_string())),
        };
        match (segments.last_mut(), &segment) {
            (Some(Segment::Same(run)), Segment::Same(_))
            | (Some(Segment::Removed(run)), Segment::Removed(_))
            | (Some(Segment::Added(run)), Segment::Added(_)) => {
                run.push(' ');
                run.push_str(word);
            }
            _ => segments.push(segment),
        }
    }
    segments
}

/// One item of a sequence difference.
enum Edit<'a, T> {
    Same(&'a T),
    Removed(&'a T),
    Added(&'a T),
}

/// Above this many table cells (old × new items left after the common
/// start and end), the middle is reported as all removed then all added:
/// a pack is untrusted text of up to 2 MB, and the table grows with the
/// product of the lengths (4 bytes a cell). Real steps and questions are
/// far below it.
const MAX_TABLE_CELLS: usize = 1_000_000;

/// A shortest edit of `old` into `new` keeping a longest common
/// subsequence; removals before additions where both happen at one place.
fn diff<'a, T: PartialEq>(old: &'a [T], new: &'a [T]) -> Vec<Edit<'a, T>> {
    let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let end = old[start..]
        .iter()
        .rev()
        .zip(new[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (&old[start..old.len() - end], &new[start..new.len() - end]);
    let mut edits: Vec<Edit<T>> = old[..start].iter().map(Edit::Same).collect();
    if a.len().saturating_mul(b.len()) > MAX_TABLE_CELLS {
        edits.extend(a.iter().map(Edit::Removed));
        edits.extend(b.iter().map(Edit::Added));
    } else {
        // longest[i][j]: the longest common subsequence of a[i..] and b[j..].
        let width = b.len() + 1;
        let mut longest = vec![0u32; (a.len() + 1) * width];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                longest[i * width + j] = if a[i] == b[j] {
                    longest[(i + 1) * width + j + 1] + 1
                } else {
                    longest[(i + 1) * width + j].max(longest[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                edits.push(Edit::Same(&a[i]));
                i += 1;
                j += 1;
            } else if j == b.len()
                || (i < a.len() && longest[(i + 1) * width + j] >= longest[i * width + j + 1])
            {
                edits.push(Edit::Removed(&a[i]));
                i += 1;
            } else {
                edits.push(Edit::Added(&b[j]));
                j += 1;
            }
        }
    }
    edits.extend(old[old.len() - end..].iter().map(Edit::Same));
    edits
}
