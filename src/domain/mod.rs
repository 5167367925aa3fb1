//! Every rule of the job aid as plain Rust: no leptos, no web-sys, and the
//! current time is always an argument, so all of it is tested natively.

pub mod author;
pub mod content;
pub mod csv;
pub mod diagram;
pub mod flow;
pub mod fragment;
pub mod pack;
pub mod quiz;
pub mod reference;
pub mod scanner;
pub mod sla;
pub mod source;
pub mod text;
pub mod time;
pub mod zone;
