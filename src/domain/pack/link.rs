//! Sharing a pack by link. A whole pack is several times what a link can
//! carry, but a team shares a version made from the pack everyone already
//! has: the link carries only what differs from that base (each item new
//! or changed, whole, and every part's order of ids), with the base's
//! fingerprint, so it opens only where the same base is in use and is then
//! the complete pack, checked whole like any other.

use super::{fingerprint, PackFile, PackSource};
use crate::domain::flow::Flow;
use crate::domain::fragment::{pack_fragment, unpack_fragment, FragmentError, FRAGMENT_LIMIT};
use crate::domain::quiz::{Question, QuizTopic, Scenario};
use crate::domain::reference::Reference;
use crate::domain::scanner::Keyword;
use crate::domain::sla::SlaSettings;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackLink {
    /// The fingerprint of the base pack's content ([`base_fingerprint`]).
    base: String,
    /// How the base names itself, for the message where it is not in use.
    base_label: String,
    id: String,
    title: String,
    version: u32,
    published_at: String,
    author: String,
    change_note: String,
    sources: Vec<PackSource>,
    flows: Items<Flow>,
    topics: Items<QuizTopic>,
    scenarios: Items<Scenario>,
    questions: Items<Question>,
    keywords: Items<Keyword>,
    /// The SLA defaults, when they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sla: Option<SlaSettings>,
    /// The quick reference, when it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<Reference>,
}

/// One list of items: every id in the new order, and the items the base
/// does not have as they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Items<T> {
    order: Vec<String>,
    changed: Vec<T>,
}

/// Items of a pack found by id.
trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($type:ty),+) => {
        $(impl Identified for $type {
            fn id(&self) -> &str {
                &self.id
            }
        })+
    };
}
identified!(Flow, QuizTopic, Scenario, Question, Keyword);

impl<T: Identified + Clone + PartialEq> Items<T> {
    fn between(base: &[T], new: &[T]) -> Self {
        Items {
            order: new.iter().map(|item| item.id().to_string()).collect(),
            changed: new
                .iter()
                .filter(|item| !base.iter().any(|old| old == *item))
                .cloned()
                .collect(),
        }
    }

    fn apply(self, base: &[T], part: &'static str) -> Result<Vec<T>, LinkError> {
        let Items { order, changed } = self;
        order
            .iter()
            .map(|id| {
                changed
                    .iter()
                    .chain(base)
                    .find(|item| item.id() == id)
                    .cloned()
                    .ok_or_else(|| LinkError::Missing {
                        part,
                        id: id.clone(),
                    })
            })
            .collect()
    }
}

/// The fingerprint of a pack's content as this Deskaid writes it, which is
/// the same wherever the same pack is in use.
pub fn base_fingerprint(pack: &PackFile) -> String {
    fingerprint(&serde_json::to_string(pack).expect("pack content serializes"))
}

/// Why a pack link could not be made or opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The changes need more characters than a link carries.
    TooLarge { chars: usize },
    /// Cut off or changed in copying.
    Corrupt,
    /// Made from another pack than the one in use here.
    OtherBase { made_from: String },
    /// An item the order names is neither in the link nor in the base.
    Missing { part: &'static str, id: String },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLarge { chars } => write!(
                f,
                "the changes need {chars} characters and links carry at most {FRAGMENT_LIMIT}; download the pack and share the file instead"
            ),
            LinkError::Corrupt => f.write_str(
                "the link does not contain a readable pack (it was probably cut off or changed when it was copied); ask for the link again",
            ),
            LinkError::OtherBase { made_from } => write!(
                f,
                "the link carries changes to \"{made_from}\", which is not the pack in use here; ask for the pack file instead"
            ),
            LinkError::Missing { part, id } => {
                write!(f, "the link names {part} \"{id}\", which it does not carry")
            }
        }
    }
}

impl From<FragmentError> for LinkError {
    fn from(error: FragmentError) -> Self {
        match error {
            FragmentError::TooLarge { chars } => LinkError::TooLarge { chars },
            FragmentError::Corrupt => LinkError::Corrupt,
        }
    }
}

/// The fragment of a link carrying `new` as changes to `base`.
pub fn encode_pack_link(base: &PackFile, new: &PackFile) -> Result<String, LinkError> {
    let link = PackLink {
        base: base_fingerprint(base),
        base_label: format!("{}, version {}", base.title, base.version),
        id: new.id.clone(),
        title: new.title.clone(),
        version: new.version,
        published_at: new.published_at.clone(),
        author: new.author.clone(),
        change_note: new.change_note.clone(),
        sources: new.sources.clone(),
        flows: Items::between(&base.flows, &new.flows),
        topics: Items::between(&base.questions.topics, &new.questions.topics),
        scenarios: Items::between(&base.questions.scenarios, &new.questions.scenarios),
        questions: Items::between(&base.questions.questions, &new.questions.questions),
        keywords: Items::between(&base.keywords.keywords, &new.keywords.keywords),
        sla: (base.sla != new.sla).then(|| new.sla.clone()),
        reference: (base.reference != new.reference).then(|| new.reference.clone()),
    };
    let json = serde_json::to_string(&link).expect("a pack link serializes");
    Ok(pack_fragment(&json)?)
}

/// The pack a link made by [`encode_pack_link`] carries, rebuilt on `base`
/// (the pack in use here). The caller checks it like any pack.
pub fn decode_pack_link(fragment: &str, base: &PackFile) -> Result<PackFile, LinkError> {
    let json = unpack_fragment(fragment)?;
    let link: PackLink = read(&json)?;
    if link.base != base_fingerprint(base) {
        return Err(LinkError::OtherBase {
            made_from: link.base_label,
        });
    }
    let mut pack = base.clone();
    pack.id = link.id;
    pack.title = link.title;
    pack.version = link.version;
    pack.published_at = link.published_at;
    pack.author = link.author;
    pack.change_note = link.change_note;
    pack.sources = link.sources;
    pack.flows = link.flows.apply(&base.flows, "flow")?;
    pack.questions.topics = link.topics.apply(&base.questions.topics, "quiz topic")?;
    pack.questions.scenarios = link
        .scenarios
        .apply(&base.questions.scenarios, "scenario")?;
    pack.questions.questions = link
        .questions
        .apply(&base.questions.questions, "question")?;
    pack.keywords.keywords = link.keywords.apply(&base.keywords.keywords, "keyword")?;
    if let Some(sla) = link.sla {
        pack.sla = sla;
    }
    if let Some(reference) = link.reference {
        pack.reference = reference;
    }
    Ok(pack)
}

fn read<T: DeserializeOwned>(json: &str) -> Result<T, LinkError> {
    serde_json::from_str(json).map_err(|_| LinkError::Corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::author::{add_question, publish};
    use crate::domain::pack::{example_002_pack_file, read_pack, shipped_pack_file};
    use crate::domain::quiz::QuestionKind;
    use chrono::{TimeZone, Utc};

    /// The shipped pack with one question reworded, one added, one removed
    /// and the flows reordered, published as the next version.
    fn edited() -> PackFile {
        let mut pack = shipped_pack_file();
        pack.questions.questions[0].prompt = "Reworded?".into();
        pack.questions.questions.remove(1);
        let id = add_question(&mut pack, QuestionKind::FillIn);
        let question = pack
            .questions
            .questions
            .iter_mut()
            .find(|q| q.id == id)
            .unwrap();
        question.prompt = "Which queue takes a warm transfer first?".into();
        question.accepted = vec!["Phone-HO Tier 2".into()];
        question.explanation = "004 line 43.".into();
        pack.flows.swap(0, 1);
        let noon = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
        publish(&pack, "Reworded, added and removed a question.", noon).unwrap()
    }

    #[test]
    fn a_version_made_from_the_pack_in_use_travels_in_a_link_and_comes_back_whole() {
        let base = shipped_pack_file();
        let new = edited();
        let fragment = encode_pack_link(&base, &new).unwrap();
        // Only the changes travel: far less than the whole pack would need.
        assert!(fragment.len() < 4_000, "{} characters", fragment.len());
        let opened = decode_pack_link(&fragment, &base).unwrap();
        assert_eq!(opened, new);
        assert!(read_pack(&opened.to_json()).is_ok());
    }

    #[test]
    fn a_link_opens_only_on_the_pack_it_was_made_from() {
        let fragment = encode_pack_link(&shipped_pack_file(), &edited()).unwrap();
        let Err(LinkError::OtherBase { made_from }) =
            decode_pack_link(&fragment, &example_002_pack_file())
        else {
            panic!("another base is refused");
        };
        assert_eq!(
            made_from,
            "Homeowner support: escalations, SLAs and training, version 1"
        );
    }

    #[test]
    fn a_cut_link_is_corrupt_and_a_whole_new_pack_is_too_large() {
        let base = shipped_pack_file();
        let fragment = encode_pack_link(&base, &edited()).unwrap();
        assert_eq!(
            decode_pack_link(&fragment[..fragment.len() - 40], &base),
            Err(LinkError::Corrupt)
        );
        // Every question reworded: nothing is left to take from the base.
        let mut rewritten = base.clone();
        for (n, question) in rewritten.questions.questions.iter_mut().enumerate() {
            question.explanation = format!("{n}: {}", "x".repeat(n * 37 % 400));
            question.prompt = format!("{n} {}", question.prompt.chars().rev().collect::<String>());
        }
        for flow in &mut rewritten.flows {
            for step in &mut flow.steps {
                step.body = step
                    .body
                    .iter()
                    .map(|p| p.chars().rev().collect())
                    .collect();
            }
        }
        assert!(matches!(
            encode_pack_link(&base, &rewritten),
            Err(LinkError::TooLarge { .. })
        ));
    }
}
