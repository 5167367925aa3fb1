//! Everything Deskaid keeps: the versioned envelope and its migrations, the
//! only calls to localStorage, [`Persisted`] handles, the copies of
//! unreadable data set aside, export and import, and the app state shared
//! through context.

mod state;
mod storage;
mod tab;

pub use state::*;
pub use storage::*;
pub use tab::TabMemory;
