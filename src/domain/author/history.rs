//! Undo and redo for a draft: every edit can be taken back, and taken back
//! again. Typing into one field is one edit, not one per key, so Undo
//! takes back what a person thinks of as a change.

/// How many edits can be undone; older ones are forgotten, so a long
/// session of authoring keeps a bounded amount of memory.
pub const UNDO_LIMIT: usize = 200;

/// A value with the edits that led to it and the edits undone since.
#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    current: T,
    past: Vec<T>,
    future: Vec<T>,
    /// The field the last edit changed: a further edit of the same field
    /// joins it instead of being an edit of its own.
    run: Option<String>,
}

impl<T: Clone + PartialEq> History<T> {
    /// A history with nothing to undo.
    pub fn new(current: T) -> Self {
        History {
            current,
            past: Vec::new(),
            future: Vec::new(),
            run: None,
        }
    }

    /// The value now.
    pub fn current(&self) -> &T {
        &self.current
    }

    /// Changes the value. `field` names what the edit changes (`"q3.prompt"`):
    /// consecutive edits of the same field are undone together, while an
    /// edit with no field (adding, moving, deleting) is always its own.
    /// An edit that changes nothing is not recorded. Returns whether the
    /// value changed.
    pub fn edit(&mut self, field: Option<&str>, change: impl FnOnce(&mut T)) -> bool {
        let mut next = self.current.clone();
        change(&mut next);
        if next == self.current {
            return false;
        }
        let joins_run = field.is_some() && self.run.as_deref() == field;
        if !joins_run {
            self.past.push(std::mem::replace(&mut self.current, next));
            if self.past.len() > UNDO_LIMIT {
                self.past.remove(0);
            }
        } else {
            self.current = next;
        }
        self.future.clear();
        self.run = field.map(str::to_string);
        true
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Takes back the last edit; `false` when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.past.pop() else {
            return false;
        };
        self.future
            .push(std::mem::replace(&mut self.current, previous));
        self.run = None;
        true
    }

    /// Does again the last edit undone; `false` when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        self.past.push(std::mem::replace(&mut self.current, next));
        self.run = None;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_into_one_field_is_undone_as_one_edit() {
        let mut history = History::new(String::new());
        for text in ["W", "Wa", "Wai", "Wait"] {
            history.edit(Some("title"), |value| *value = text.to_string());
        }
        history.edit(Some("body"), |value| value.push_str(" 2 min"));
        assert_eq!(history.current(), "Wait 2 min");
        assert!(history.undo());
        assert_eq!(history.current(), "Wait");
        assert!(history.undo());
        assert_eq!(history.current(), "");
        assert!(!history.undo());
    }

    #[test]
    fn redo_does_again_what_undo_took_back_until_a_new_edit() {
        let mut history = History::new(1);
        history.edit(None, |n| *n += 1);
        history.edit(None, |n| *n += 1);
        assert_eq!(*history.current(), 3);
        history.undo();
        history.undo();
        assert!(history.redo());
        assert_eq!(*history.current(), 2);
        history.edit(None, |n| *n *= 10);
        assert!(!history.can_redo());
        assert_eq!(*history.current(), 20);
    }

    #[test]
    fn edits_without_a_field_never_join_and_no_change_is_not_an_edit() {
        let mut history = History::new(0);
        history.edit(None, |n| *n += 1);
        history.edit(None, |n| *n += 1);
        assert!(!history.edit(Some("n"), |n| *n = 2));
        history.undo();
        assert_eq!(*history.current(), 1);
    }

    #[test]
    fn after_undo_the_same_field_starts_a_new_edit() {
        let mut history = History::new(String::new());
        history.edit(Some("title"), |value| *value = "A".into());
        history.edit(Some("title"), |value| *value = "AB".into());
        history.undo();
        history.redo();
        history.edit(Some("title"), |value| *value = "ABC".into());
        history.undo();
        assert_eq!(history.current(), "AB");
    }

    #[test]
    fn only_the_last_edits_up_to_the_limit_can_be_undone() {
        let mut history = History::new(0);
        for _ in 0..UNDO_LIMIT + 5 {
            history.edit(None, |n| *n += 1);
        }
        while history.undo() {}
        assert_eq!(*history.current(), 5);
    }
}
