//! Navigation: hash routes parsed and built as plain Rust (`route`), and the
//! browser side that follows them (`browser`): the current location shared
//! through context, replacing the hash, and history entries that remember
//! where they were reached from.

mod browser;
mod route;

pub use browser::{
    app_url, came_from, navigate, read_location, reload_page, replace_hash, CurrentLocation,
};
pub use route::*;
