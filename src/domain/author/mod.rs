//! Writing content in the browser: a draft pack with undo and redo for
//! every edit (`history`), the edits that need more than setting a field
//! (`edit`), and publishing the draft as the pack's next version
//! (`publish`). The author page (`pages::author`) is a form over these.

mod documents;
mod edit;
mod history;
mod publish;
#[cfg(test)]
mod tests;
mod topics;

pub use documents::{add_document, rename_document};
pub use edit::{
    add_choice_to, add_choice_to_new_step, add_flow, add_keyword, add_question, add_step,
    duplicate_question, mark_correct, move_choice, move_item, remove_choice, remove_step,
    rename_step, set_question_kind, unique_id, Direction, RenameError,
};
pub use history::{History, UNDO_LIMIT};
pub use publish::{draft_problems, publish, PublishError};
pub use topics::{add_scenario, add_topic, rename_scenario, rename_topic};
