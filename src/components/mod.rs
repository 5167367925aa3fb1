//! Widgets shared by several pages.

pub mod clock;
pub mod confirm;
pub mod copy_button;
pub mod download;
pub mod file_input;
pub mod flow_diagram;
pub mod focus;
pub mod form;
pub mod notice;
pub mod pack_compare;
pub mod pack_notice;
pub mod pack_open;
pub mod panic_banner;
pub mod part;
pub mod print_button;
pub mod question;
pub mod quiz_words;
pub mod reference;
pub mod sla;
pub mod source;
pub mod title;
