//! Reading packs of an older format. Format 1 listed each document a pack
//! cites by id and title only: its items could cite only the five documents
//! Deskaid then knew, whose lengths were compiled into the app. Format 2
//! gives every document its length, so a team's pack can cite its own
//! documents. A format 1 pack is read by adding the lengths of the
//! documents it could cite, and is then a format 2 pack like any other.

use super::PackSource;
use serde::Deserialize;
use serde_json::value::RawValue;

/// The documents a format 1 pack could cite, with their lengths in lines:
/// the support documents in `../shared/sources/` as Deskaid shipped them.
const FORMAT_1_DOCUMENTS: [(&str, u32); 5] = [
    ("000", 47),
    ("001", 74),
    ("002", 108),
    ("003", 112),
    ("004", 110),
];

/// A document as format 1 listed it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Format1Source {
    doc: String,
    title: String,
}

/// The `sources` of a format 1 pack in format 2: each document with the
/// length it had. `Err` says which it cannot be: a list that is not a
/// format 1 list, or a document format 1 could not cite.
pub(super) fn sources_from_format_1(sources: &RawValue) -> Result<Box<RawValue>, String> {
    let listed: Vec<Format1Source> = serde_json::from_str(sources.get()).map_err(|e| {
        format!("not a list of documents, each with a \"doc\" and a \"title\" ({e})")
    })?;
    let migrated = listed
        .into_iter()
        .map(|source| {
            let lines = FORMAT_1_DOCUMENTS
                .iter()
                .find(|(doc, _)| *doc == source.doc)
                .map(|&(_, lines)| lines)
                .ok_or_else(|| {
                    format!(
                        "document \"{}\" is not one a format 1 pack could cite (000 to 004); \
                         give it its number of lines as \"lines\" and set \"deskaid_pack\" to 2",
                        source.doc
                    )
                })?;
            Ok(PackSource {
                doc: source.doc,
                title: source.title,
                lines,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let json = serde_json::to_string(&migrated).expect("documents serialize");
    Ok(RawValue::from_string(json).expect("serde_json writes JSON"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrate(json: &str) -> Result<String, String> {
        let raw = RawValue::from_string(json.to_string()).unwrap();
        sources_from_format_1(&raw).map(|raw| raw.get().to_string())
    }

    #[test]
    fn each_document_format_1_could_cite_gets_its_length() {
        assert_eq!(
            migrate(r#"[{"doc":"004","title":"SOP"},{"doc":"000","title":"Case"}]"#).unwrap(),
            r#"[{"doc":"004","title":"SOP","lines":110},{"doc":"000","title":"Case","lines":47}]"#
        );
        assert_eq!(migrate("[]").unwrap(), "[]");
    }

    #[test]
    fn a_document_format_1_could_not_cite_is_named() {
        let problem = migrate(r#"[{"doc":"005","title":"New SOP"}]"#).unwrap_err();
        assert!(
            problem.starts_with("document \"005\" is not one a format 1 pack could cite"),
            "{problem}"
        );
        assert!(migrate(r#"[{"doc":"004"}]"#)
            .unwrap_err()
            .starts_with("not a list of documents"));
    }
}
