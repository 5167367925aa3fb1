//! One module per view, named after its route.

pub mod author;
pub mod escalation;
pub mod home;
pub mod not_found;
pub mod open_pack;
pub mod queue;
pub mod quiz;
pub mod results;
pub mod settings;
pub mod sla;
