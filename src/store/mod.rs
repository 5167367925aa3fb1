//! Everything Deskaid keeps, by job: the versioned envelope and its
//! migrations (`envelope`, plain Rust), the only calls to localStorage
//! (`local`), merging two tabs' edits (`merge`, plain Rust), [`Persisted`]
//! handles (`persisted`), the copies of unreadable data set aside
//! (`backup`), export and import (`transfer`), the app state shared through
//! context (`state`), memory for the life of the tab (`tab`), and the
//! content pack fetched from the host (`pack`), and what authoring keeps:
//! the draft and the pack chosen on this device (`author`).

mod author;
mod backup;
mod envelope;
mod local;
mod merge;
mod pack;
mod persisted;
mod state;
mod tab;
mod transfer;

pub use author::{choose_device_pack, try_in_this_tab, AuthorDraft, DevicePack};
pub use backup::{delete_set_aside, set_aside_copies, space_used, SetAsideCopy, COPIES_KEPT};
pub use envelope::{
    decode_tracked, encode_tracked, NoMigration, Persist, RecordProblem, Unreadable, Unusable,
};
pub use local::WriteError;
pub use pack::{own_pack_refused, pack_load, pack_loaded, PackLoad, Refused, PUBLISHED_PACK};
pub use persisted::Persisted;
pub use state::{
    remember_theme, AppState, CustomBank, Queue, QuizData, Settings, SlaRules, StoredKey, Theme,
    Walks,
};
pub use tab::{TabMemory, TabSlot};
pub use transfer::{export_all, import_all, ImportError};
