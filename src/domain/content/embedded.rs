//! The shipped content compiled in (`build.rs` turns `content/*.toml` into
//! JSON): parsed and validated as one pack. Native tests below prove that
//! everything shipped is valid, so no build ships broken content.

use super::link_exists;
use crate::domain::flow::FlowSet;
use crate::domain::pack::{Pack, PackMeta};
use crate::domain::quiz::Bank;
use crate::domain::reference::Reference;
use crate::domain::scanner::Scanner;
use crate::domain::sla::{SlaEngine, SlaSettings};
use serde_json::{Map, Value};

const FLOWS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/flows.json"));
const KEYWORDS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/keywords.json"));
const QUESTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/questions.json"));
const REFERENCE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/reference.json"));
const SLA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/sla.json"));
const PACK_META_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// Splits a bundled folder (file name → content) into named JSON documents.
fn documents(bundle: &str) -> Result<Vec<(String, String)>, String> {
    let files: Map<String, Value> =
        serde_json::from_str(bundle).map_err(|e| format!("bundle is not a JSON object: {e}"))?;
    Ok(files
        .into_iter()
        .map(|(name, value)| (name, value.to_string()))
        .collect())
}

/// Parses and validates every flow in `content/flows/`.
pub fn load_flows() -> Result<FlowSet, Vec<String>> {
    let documents = documents(FLOWS_JSON).map_err(|e| vec![format!("content/flows: {e}")])?;
    let named: Vec<(&str, &str)> = documents
        .iter()
        .map(|(name, json)| (name.as_str(), json.as_str()))
        .collect();
    FlowSet::from_json_documents(&named)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// Parses `content/keywords.toml` and checks that every keyword names a real step.
pub fn load_scanner(flows: &FlowSet) -> Result<Scanner, Vec<String>> {
    let scanner = Scanner::from_json(KEYWORDS_JSON)?;
    let broken = scanner.check_links(flows);
    if broken.is_empty() {
        Ok(scanner)
    } else {
        Err(broken)
    }
}

/// Parses `content/sla.toml`, the SLA defaults, and checks they make sense.
pub fn load_sla_defaults() -> Result<SlaSettings, Vec<String>> {
    let settings: SlaSettings =
        serde_json::from_str(SLA_JSON).map_err(|e| vec![format!("content/sla.toml: {e}")])?;
    SlaEngine::new(&settings).map_err(|e| e.problems)?;
    Ok(settings)
}

/// Parses and validates `content/reference.toml`, the quick reference.
pub fn load_reference() -> Result<Reference, Vec<String>> {
    Reference::from_json(REFERENCE_JSON)
}

/// Parses `content/pack.toml`, what the shipped content pack says about
/// itself.
pub fn load_pack_meta() -> Result<PackMeta, Vec<String>> {
    serde_json::from_str(PACK_META_JSON).map_err(|e| vec![format!("content/pack.toml: {e}")])
}

/// Parses and validates the question bank in `content/questions/`, including
/// that every link leads to a real flow step or SLA rule.
pub fn load_bank(flows: &FlowSet) -> Result<Bank, Vec<String>> {
    let bank = Bank::from_bundle_json(QUESTIONS_JSON).map_err(|e| e.problems)?;
    bank.check_links(|target| link_exists(flows, target))
        .map_err(|e| e.problems)?;
    Ok(bank)
}

/// The shipped content, every part checked: what native builds and the
/// component tests use. Panics on invalid content, which the tests below
/// rule out before anything ships.
pub(super) fn shipped_pack() -> Pack {
    fn checked<T>(what: &str, loaded: Result<T, Vec<String>>) -> T {
        loaded.unwrap_or_else(|errors| {
            panic!("the shipped {what} are invalid: {}", errors.join("; "))
        })
    }
    let flows = checked("flows", load_flows());
    Pack {
        meta: checked("pack description", load_pack_meta()),
        bank: checked("questions", load_bank(&flows)),
        scanner: checked("keywords", load_scanner(&flows)),
        sla: checked("SLA defaults", load_sla_defaults()),
        reference: checked("reference", load_reference()),
        flows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::Flow;

    #[test]
    fn every_bundled_flow_is_valid() {
        let flows = load_flows().unwrap_or_else(|e| panic!("{}", e.join("\n")));
        assert!(flows.flows().len() >= 8);
    }

    #[test]
    fn every_bundled_flow_file_is_named_after_its_flow_id() {
        for (name, json) in documents(FLOWS_JSON).unwrap() {
            let flow = Flow::from_json(&json).unwrap();
            assert_eq!(name, format!("{}.toml", flow.id));
        }
    }

    #[test]
    fn the_bundled_sla_defaults_are_valid() {
        let settings = load_sla_defaults().unwrap_or_else(|e| panic!("{}", e.join("\n")));
        assert_eq!(settings.general.resolution_business_days, 4);
    }

    #[test]
    fn the_bundled_question_bank_is_valid_and_every_link_resolves() {
        let flows = load_flows().unwrap();
        let bank = load_bank(&flows).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        assert!(bank.questions().len() >= 70);
    }

    #[test]
    fn the_bundled_reference_is_valid_and_finds_the_credit_facts() {
        let reference = load_reference().unwrap_or_else(|e| panic!("{}", e.join("\n")));
        for query in ["credit limit", "300", "approval"] {
            let ids: Vec<&str> = reference
                .search(query)
                .iter()
                .map(|hit| hit.fact.id.as_str())
                .collect();
            assert!(ids.contains(&"credit-limit"), "{query}: {ids:?}");
        }
        let approval: Vec<&str> = reference
            .search("approver")
            .iter()
            .map(|hit| hit.fact.id.as_str())
            .collect();
        assert_eq!(
            approval,
            ["credit-limit", "nod-credits"],
            "the source names no approver, and says so"
        );
        let all_text: String = reference
            .topics
            .iter()
            .flat_map(|t| t.facts.iter().map(|f| f.text.as_str()))
            .collect();
        assert!(
            !all_text.contains("Leadership is required"),
            "001 gives no subject for line 62"
        );
    }

    #[test]
    fn every_keyword_is_valid_and_links_to_a_real_step() {
        let flows = load_flows().unwrap();
        load_scanner(&flows).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    }
}
