//! Memory for the life of the tab, never written to storage.

use crate::domain::sla::SlaSettings;
use leptos::prelude::*;

/// What the agent typed that must survive moving between pages of this tab
/// but is never stored: a customer's message in the keyword scanner, and SLA
/// rule edits not saved yet (`None` when there are none).
#[derive(Clone, Copy)]
pub struct TabMemory {
    pub scanner_message: RwSignal<String>,
    pub unsaved_sla_rules: RwSignal<Option<SlaSettings>>,
}
