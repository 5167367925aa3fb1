//! Example packs, for showing and testing what a comparison reports. The one
//! example is the shipped pack with the leadership flow as the older SOP
//! (002) had it (`content/examples/leadership-002.toml`): compared with the
//! shipped pack, it is "what changed in this SOP" from 002 to 004.
//! `cargo run --example update_generated` writes it to
//! `assets/content/examples/leadership-002.pack.json`.

use super::{shipped_pack_file, PackFile};
use crate::domain::flow::Flow;

/// `content/examples/leadership-002.toml`, as JSON from the build script.
const LEADERSHIP_002_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/example-leadership-002.json"));

/// The shipped pack with its leadership flow replaced by 002's. Same id and
/// version as the shipped pack: it stands for the same pack before the SOP
/// changed, and its title and change note say so. Everything else (the
/// other flows, the questions but those on 004's new steps, keywords, SLA
/// defaults, reference) is the shipped pack's, so a comparison shows the
/// procedure's changes alone.
pub fn example_002_pack_file() -> PackFile {
    let leadership = Flow::from_json(LEADERSHIP_002_JSON)
        .expect("content/examples/leadership-002.toml is a flow");
    let mut pack = shipped_pack_file();
    pack.title = "Homeowner support, with the leadership procedure as SOP 002 had it".to_string();
    pack.change_note = "An example for comparing packs: the shipped pack with the leadership \
                        escalation flow as the older SOP (002) had it: a follow-up within 1 day, \
                        else a warm transfer to a Resolution Specialist, then a Team Supervisor, \
                        30 seconds each, else voicemail."
        .to_string();
    // The questions on steps only 004 has (no offer of escalation, an
    // updated case, creating and voiding the case) train a procedure 002
    // did not have: they leave, so the example is a pack one can use, and
    // the comparison shows them as what 004 added.
    let steps_004_only: Vec<String> = pack
        .flows
        .iter()
        .filter(|flow| flow.id == leadership.id)
        .flat_map(|flow| &flow.steps)
        .filter(|step| leadership.step(&step.id).is_none())
        .map(|step| format!("flow:{}/{}", leadership.id, step.id))
        .collect();
    pack.questions.questions.retain(|question| {
        question
            .link
            .as_ref()
            .is_none_or(|link| !steps_004_only.contains(link))
    });
    for flow in &mut pack.flows {
        if flow.id == leadership.id {
            *flow = leadership.clone();
        }
    }
    pack
}
