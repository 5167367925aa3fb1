//! The content every tool shows: one pack, put in use once per page load.
//!
//! In the browser the app reads it at run time from `content/pack.json`
//! beside `index.html` (`store::pack` fetches it, then calls [`install`] or
//! [`install_known`]), so a team changes its procedures by replacing that
//! one file. A pack checked in the browser is in use whole; the pack the
//! build shipped, which native tests have checked, is kept as its parts'
//! text and each part is read when its tool first needs it, so a page
//! downloads the code that reads its own content only.
//! Native builds, and the component tests (feature `embed-content`), have no
//! such file to fetch: they use the shipped content compiled in from
//! `content/*.toml` (`embedded`), which is also what writes that file.

#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
mod embedded;

#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
pub use embedded::{
    load_bank, load_flows, load_pack_meta, load_reference, load_scanner, load_sla_defaults,
};

use crate::domain::flow::{Flow, FlowSet};
use crate::domain::pack::{split_pack, Pack, PackMeta, PackProblem};
use crate::domain::quiz::{Bank, LinkTarget};
use crate::domain::reference::Reference;
use crate::domain::scanner::Scanner;
use crate::domain::sla::{SlaSettings, RULE_IDS};
use serde_json::value::RawValue;
use std::sync::OnceLock;

/// A part of the pack in use: read already, or kept as its text until its
/// tool first needs it.
struct Part<T> {
    text: Option<Box<RawValue>>,
    value: OnceLock<T>,
}

impl<T> Part<T> {
    fn read(value: T) -> Self {
        Part {
            text: None,
            value: OnceLock::from(value),
        }
    }

    fn unread(text: Box<RawValue>) -> Self {
        Part {
            text: Some(text),
            value: OnceLock::new(),
        }
    }

    /// The part, read with `read` on first use. Only a pack the build
    /// checked is kept unread, so reading cannot fail but for a bug.
    fn get<E: std::fmt::Debug>(&self, what: &str, read: fn(&str) -> Result<T, E>) -> &T {
        self.value.get_or_init(|| {
            let text = self.text.as_ref().map_or("null", |text| text.get());
            read(text).unwrap_or_else(|e| panic!("the shipped {what} are invalid: {e:?}"))
        })
    }
}

/// The pack in use, part by part.
struct InUse {
    meta: PackMeta,
    flows: Part<FlowSet>,
    bank: Part<Bank>,
    scanner: Part<Scanner>,
    sla: Part<SlaSettings>,
    reference: Part<Reference>,
}

impl From<Pack> for InUse {
    fn from(pack: Pack) -> Self {
        InUse {
            meta: pack.meta,
            flows: Part::read(pack.flows),
            bank: Part::read(pack.bank),
            scanner: Part::read(pack.scanner),
            sla: Part::read(pack.sla),
            reference: Part::read(pack.reference),
        }
    }
}

static IN_USE: OnceLock<InUse> = OnceLock::new();

/// Puts `pack`, checked whole, in use for the rest of this page load. A
/// pack is already in use once any tool has read content: then nothing
/// changes, and a different pack takes effect at the next load.
pub fn install(pack: Pack) {
    let _ = IN_USE.set(pack.into());
}

/// Puts in use the pack file the build shipped and checked (`text`, known
/// by its fingerprint), without checking it again: each part is read when
/// first needed. `Err` when the text is not even split into a pack's parts.
pub fn install_known(text: &str) -> Result<(), Vec<PackProblem>> {
    let parts = split_pack(text)?;
    let _ = IN_USE.set(InUse {
        meta: parts.meta,
        flows: Part::unread(parts.flows),
        bank: Part::unread(parts.questions),
        scanner: Part::unread(parts.keywords),
        sla: Part::unread(parts.sla),
        reference: Part::unread(parts.reference),
    });
    Ok(())
}

/// Whether content is in use yet: pages wait for it before they draw.
pub fn is_installed() -> bool {
    IN_USE.get().is_some()
}

/// The pack in use.
#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
fn in_use() -> &'static InUse {
    IN_USE.get_or_init(|| embedded::shipped_pack().into())
}

/// The pack in use. Pages and panels that show content wait for
/// `store::pack` to install it, so reaching here first is a bug in the
/// app, not in a pack.
#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
fn in_use() -> &'static InUse {
    IN_USE
        .get()
        .expect("content is shown only after store::pack has installed a pack")
}

/// The escalation flows.
pub fn flows() -> &'static FlowSet {
    in_use().flows.get("flows", |text| {
        let flows: Vec<Flow> = serde_json::from_str(text).map_err(|e| vec![e.to_string()])?;
        FlowSet::new(flows)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())
    })
}

/// Every flow, in list order (a shortcut for pages).
pub fn flow_list() -> &'static [Flow] {
    flows().flows()
}

/// The keyword scanner.
pub fn scanner() -> &'static Scanner {
    in_use().scanner.get("keywords", Scanner::from_json)
}

/// The SLA rules and business calendar users start from.
pub fn sla_defaults() -> &'static SlaSettings {
    in_use()
        .sla
        .get("SLA defaults", |text| serde_json::from_str(text))
}

/// The quick reference.
pub fn reference() -> &'static Reference {
    in_use().reference.get("reference", Reference::from_json)
}

/// What the pack in use says about itself: its title and version, shown on
/// every step and question it gives.
pub fn pack_meta() -> &'static PackMeta {
    &in_use().meta
}

/// The question bank.
pub fn bank() -> &'static Bank {
    in_use().bank.get("questions", Bank::from_json)
}

/// Whether a quiz question's link points at a real flow step or SLA rule.
pub fn link_exists(flows: &FlowSet, target: &LinkTarget) -> bool {
    match target {
        LinkTarget::FlowStep { flow, step } => flows.step(flow, step).is_some(),
        LinkTarget::SlaRule { rule } => RULE_IDS.contains(&rule.as_str()),
    }
}
