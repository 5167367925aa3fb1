//! The draft being edited, shared by every form of the author page: each
//! edit goes through [`Editor::edit`], so it can be undone, and is saved on
//! this device at once.

use crate::components::form::Binding;
use crate::domain::author::{History, RenameError};
use crate::domain::flow::{Flow, Step};
use crate::domain::pack::PackFile;
use crate::domain::quiz::Question;
use crate::store::{AuthorDraft, Persisted};
use leptos::prelude::*;

/// The draft and its undo history; a handle, copied into every form.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    history: RwSignal<History<PackFile>>,
    saved: Persisted<AuthorDraft>,
}

impl Editor {
    /// Edits `draft`, saving each edit to `saved`.
    pub(super) fn new(draft: PackFile, saved: Persisted<AuthorDraft>) -> Self {
        Editor {
            history: RwSignal::new(History::new(draft)),
            saved,
        }
    }

    /// Reads the draft, tracked: the caller re-runs after any edit.
    pub(super) fn with<R>(&self, read: impl FnOnce(&PackFile) -> R) -> R {
        self.history.with(|history| read(history.current()))
    }

    /// Reads the draft without tracking it, for actions.
    pub(super) fn with_untracked<R>(&self, read: impl FnOnce(&PackFile) -> R) -> R {
        self.history
            .with_untracked(|history| read(history.current()))
    }

    /// Changes the draft as one edit (see [`History::edit`] for `field`).
    pub(super) fn edit(&self, field: Option<&str>, change: impl FnOnce(&mut PackFile)) {
        let mut changed = false;
        self.history
            .update(|history| changed = history.edit(field, change));
        if changed {
            self.save();
        }
    }

    /// Renames an item as one edit (`rename` is one of `domain::author`'s
    /// renames), or says why the id typed cannot be used.
    pub(super) fn rename(
        &self,
        rename: impl FnOnce(&mut PackFile) -> Result<(), RenameError>,
    ) -> Result<(), RenameError> {
        let mut outcome = Ok(());
        self.edit(None, |draft| outcome = rename(draft));
        outcome
    }

    /// Starts over on `draft`, with nothing to undo (another pack opened
    /// for editing, or the pack in use again); unless `keep`, the saved
    /// draft is forgotten, so the next visit starts from the pack in use.
    pub(super) fn replace(&self, draft: PackFile, keep: bool) {
        self.history.set(History::new(draft));
        if keep {
            self.save();
        } else {
            self.saved.update(|saved| saved.json = None);
        }
    }

    pub(super) fn can_undo(&self) -> bool {
        self.history.with(History::can_undo)
    }

    pub(super) fn can_redo(&self) -> bool {
        self.history.with(History::can_redo)
    }

    pub(super) fn undo(&self) {
        self.history.update(|history| {
            history.undo();
        });
        self.save();
    }

    pub(super) fn redo(&self) {
        self.history.update(|history| {
            history.redo();
        });
        self.save();
    }

    /// Whether the draft is saved on this device (storage may refuse).
    pub(super) fn is_saved(&self) -> bool {
        !self.saved.is_unsaved()
    }

    fn save(&self) {
        let json = self.with_untracked(|draft| serde_json::to_string(draft).ok());
        self.saved.update(|saved| saved.json = json);
    }

    /// A text field bound to one string of the draft: `read` finds it (none
    /// when the item is gone), `write` stores an edit; typing in `field` is
    /// undone as one edit.
    pub(super) fn text(
        &self,
        field: String,
        read: impl Fn(&PackFile) -> Option<String> + Send + Sync + 'static,
        write: impl Fn(&mut PackFile, String) + Send + Sync + 'static,
    ) -> Binding<String> {
        let editor = *self;
        Binding::new(
            move || editor.with(|draft| read(draft).unwrap_or_default()),
            move |value| editor.edit(Some(&field), |draft| write(draft, value)),
        )
    }

    /// A text field bound to one string of question `index`.
    pub(super) fn question_text(
        &self,
        index: usize,
        name: &str,
        read: fn(&Question) -> String,
        write: fn(&mut Question, String),
    ) -> Binding<String> {
        self.text(
            format!("question-{index}.{name}"),
            move |draft| draft.questions.questions.get(index).map(read),
            move |draft, value| {
                if let Some(question) = draft.questions.questions.get_mut(index) {
                    write(question, value);
                }
            },
        )
    }

    /// A text field bound to one string of flow `index`.
    pub(super) fn flow_text(
        &self,
        index: usize,
        name: &str,
        read: fn(&Flow) -> String,
        write: fn(&mut Flow, String),
    ) -> Binding<String> {
        self.text(
            format!("flow-{index}.{name}"),
            move |draft| draft.flows.get(index).map(read),
            move |draft, value| {
                if let Some(flow) = draft.flows.get_mut(index) {
                    write(flow, value);
                }
            },
        )
    }

    /// A text field bound to one string of step `step` of flow `flow`.
    pub(super) fn step_text(
        &self,
        (flow, step): (usize, usize),
        name: &str,
        read: fn(&Step) -> String,
        write: fn(&mut Step, String),
    ) -> Binding<String> {
        self.text(
            format!("step-{flow}-{step}.{name}"),
            move |draft| draft.flows.get(flow)?.steps.get(step).map(read),
            move |draft, value| {
                if let Some(step) = draft
                    .flows
                    .get_mut(flow)
                    .and_then(|f| f.steps.get_mut(step))
                {
                    write(step, value);
                }
            },
        )
    }

    /// Changes step `step` of flow `flow` as one edit.
    pub(super) fn edit_step(&self, (flow, step): (usize, usize), change: impl FnOnce(&mut Step)) {
        self.edit(None, |draft| {
            if let Some(step) = draft
                .flows
                .get_mut(flow)
                .and_then(|f| f.steps.get_mut(step))
            {
                change(step);
            }
        });
    }

    /// Changes question `index` as one edit.
    pub(super) fn edit_question(&self, index: usize, change: impl FnOnce(&mut Question)) {
        self.edit(None, |draft| {
            if let Some(question) = draft.questions.questions.get_mut(index) {
                change(question);
            }
        });
    }
}

/// The item chosen in a `<select>` listing items by index, as its option
/// value.
pub(super) fn index_binding(selected: RwSignal<usize>) -> Binding<String> {
    Binding::new(
        move || selected.get().to_string(),
        move |key: String| selected.set(key.parse().unwrap_or(0)),
    )
}

/// An optional text as a field shows it: empty when there is none.
pub(super) fn shown(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

/// What was typed into a field for an optional text: none when empty.
pub(super) fn typed(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}
