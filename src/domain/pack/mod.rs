//! Content packs: everything Deskaid teaches (flows, questions with their
//! topics and scenarios, the scanner's keywords, the SLA defaults and the
//! quick reference) in one JSON file with its own identity, version, author
//! and change note, so the people who own the procedures can replace it
//! without a Rust toolchain. Reading a pack (`read`, older formats through
//! `migrate`) and checking what it means (`check`) name every problem by
//! place; the shipped content is a pack too
//! (`shipped`). Two packs are compared for what changed between them
//! (`compare`), as the example of the older SOP shows (`examples`).

mod check;
pub mod compare;
mod examples;
mod link;
mod migrate;
mod read;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod shipped;
#[cfg(test)]
mod tests;

pub use check::check_pack_file;
pub use compare::{compare_packs, PackComparison};
pub use examples::example_002_pack_file;
pub use link::{base_fingerprint, decode_pack_link, encode_pack_link, LinkError};
pub use read::{read_pack, read_pack_file, split_pack, PackParts, PackProblem, Place};
#[cfg(not(target_arch = "wasm32"))]
pub use schema::pack_schema_json;
pub use shipped::shipped_pack_file;

use crate::domain::flow::{Flow, FlowSet};
use crate::domain::quiz::{Bank, BankFile};
use crate::domain::reference::Reference;
use crate::domain::scanner::{KeywordList, Scanner};
use crate::domain::sla::SlaSettings;
use serde::{Deserialize, Serialize};

/// The pack format this Deskaid writes and reads; `deskaid_pack` in a file.
/// Format 2 gives each document in `sources` its length, so a pack cites
/// its own documents; a format 1 pack is read by filling those in
/// (`migrate`).
pub const PACK_FORMAT: u32 = 2;

/// The largest pack accepted, in bytes of JSON: the shipped one is about a
/// tenth of it, and a pack must fit in a link and in the browser's storage.
pub const MAX_PACK_BYTES: usize = 2_000_000;

/// A pack file's fingerprint: FNV-1a over its bytes, 64 bits, as 16 hex
/// digits. `scripts/finish-dist.mjs` computes the same for the pack a build
/// ships, which native tests have checked, so the app recognises that file
/// and reads it without checking it again. It only recognises: any other
/// file is checked whole, and a pack from a link or a file always is.
pub fn fingerprint(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let hash = text.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("{hash:016x}")
}

/// One document a pack cites, by the id its items use (`"004"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PackSource {
    /// The id items cite, e.g. `"004"`.
    pub doc: String,
    /// What the document is, e.g. "Escalation SOP (current version)".
    pub title: String,
    /// How many lines it has: every line an item cites must be one of
    /// them.
    pub lines: u32,
}

impl PackSource {
    /// The document `doc` among a pack's `sources`.
    pub fn find<'a>(sources: &'a [PackSource], doc: &str) -> Option<&'a PackSource> {
        sources.iter().find(|source| source.doc == doc)
    }
}

/// What a pack says about itself, checked (each field as in [`PackFile`]):
/// shown on every step and question it gives, and in the preview before a
/// pack is used.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub published_at: String,
    pub author: String,
    pub change_note: String,
    pub sources: Vec<PackSource>,
}

impl PackMeta {
    /// How a step or question names the pack it came from: its title,
    /// version and publication day, e.g. "Homeowner escalations, version 3
    /// of 2026-12-04".
    pub fn label(&self) -> String {
        let day = self.published_at.get(..10).unwrap_or(&self.published_at);
        format!("{}, version {} of {day}", self.title, self.version)
    }
}

/// A Deskaid content pack: its description, then its content, each part
/// in the form its own tool reads. Unknown fields are refused, so a typo in
/// a hand-edited pack is reported instead of silently ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "Deskaid content pack"))]
pub struct PackFile {
    /// The pack format, 2; marks the file as a Deskaid pack. Format 1
    /// (documents without their lengths) is still read.
    pub deskaid_pack: u32,
    /// Stable id, lowercase letters, digits and hyphens: later versions of
    /// the same pack keep it.
    pub id: String,
    /// The title people see, e.g. "Homeowner escalations".
    pub title: String,
    /// The version, from 1, raised by one at each publication.
    pub version: u32,
    /// When this version was published, RFC 3339, e.g.
    /// "2026-12-04T09:00:00Z".
    pub published_at: String,
    /// Who published it: a person or a team.
    pub author: String,
    /// What changed in this version, for the people who use it.
    pub change_note: String,
    /// The documents the items cite; every document an item cites must be
    /// listed.
    pub sources: Vec<PackSource>,
    /// The escalation flowcharts.
    pub flows: Vec<Flow>,
    /// The question bank: topics, scenarios and questions.
    pub questions: BankFile,
    /// The keyword scanner's keywords, each leading to a flow step.
    pub keywords: KeywordList,
    /// The SLA rules and business calendar users start from.
    pub sla: SlaSettings,
    /// The quick reference.
    pub reference: Reference,
}

impl PackFile {
    /// The file of the current format with this description and content.
    pub fn new(
        meta: PackMeta,
        flows: Vec<Flow>,
        questions: BankFile,
        keywords: KeywordList,
        sla: SlaSettings,
        reference: Reference,
    ) -> Self {
        PackFile {
            deskaid_pack: PACK_FORMAT,
            id: meta.id,
            title: meta.title,
            version: meta.version,
            published_at: meta.published_at,
            author: meta.author,
            change_note: meta.change_note,
            sources: meta.sources,
            flows,
            questions,
            keywords,
            sla,
            reference,
        }
    }

    /// The file as people read it: pretty-printed, fields in order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("pack content serializes") + "\n"
    }
}

/// A pack whose every part passed its checks: what the tools use.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Its description.
    pub meta: PackMeta,
    /// The flows, validated.
    pub flows: FlowSet,
    /// The question bank, validated, its links checked against the flows.
    pub bank: Bank,
    /// The keyword scanner, its steps checked against the flows.
    pub scanner: Scanner,
    /// The SLA defaults, checked by the engine.
    pub sla: SlaSettings,
    /// The quick reference, checked.
    pub reference: Reference,
}
