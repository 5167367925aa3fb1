//! Reading a pack from untrusted text: its size, JSON and format (an older
//! one brought up to date), then every part read into its own type, with
//! every problem named by the place it is in (the pack's own fields, a flow
//! and step, a question, the keywords, the SLA defaults, the reference), so
//! an author can find and fix all of them at once; what the parts mean is
//! for `check`. Nothing here renders text: the UI shows it as text.

use super::{migrate, Pack, PackFile, PackMeta, PackSource, MAX_PACK_BYTES, PACK_FORMAT};
use crate::domain::flow::Flow;
use crate::domain::quiz::BankFile;
use crate::domain::reference::Reference;
use crate::domain::scanner::KeywordList;
use crate::domain::sla::SlaSettings;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// Where in a pack a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (not JSON, not a pack, too large).
    File,
    /// One of the pack's own fields, by name (`title`, `sources`).
    Field(String),
    /// A flow, and the step when the problem is in one.
    Flow { flow: String, step: Option<String> },
    /// The question bank (the message names the question).
    Questions,
    /// The scanner's keywords.
    Keywords,
    /// The SLA defaults.
    Sla,
    /// The quick reference.
    Reference,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => f.write_str("the file"),
            Place::Field(field) => write!(f, "field \"{field}\""),
            Place::Flow { flow, step: None } => write!(f, "flow \"{flow}\""),
            Place::Flow {
                flow,
                step: Some(step),
            } => write!(f, "flow \"{flow}\", step \"{step}\""),
            Place::Questions => f.write_str("questions"),
            Place::Keywords => f.write_str("keywords"),
            Place::Sla => f.write_str("SLA defaults"),
            Place::Reference => f.write_str("reference"),
        }
    }
}

/// One problem, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackProblem {
    /// Where.
    pub place: Place,
    /// What is wrong, in words for the author.
    pub message: String,
}

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Collects problems while a pack is read.
#[derive(Default)]
pub(super) struct Problems(pub(super) Vec<PackProblem>);

impl Problems {
    pub(super) fn add(&mut self, place: Place, message: impl Into<String>) {
        self.0.push(PackProblem {
            place,
            message: message.into(),
        });
    }

    pub(super) fn field(&mut self, field: &str, message: impl Into<String>) {
        self.add(Place::Field(field.to_string()), message);
    }
}

/// An object's fields, each as its text.
type Fields = BTreeMap<String, Box<RawValue>>;

/// The fields a pack has, in the order the file writes them.
const FIELDS: [&str; 13] = [
    "deskaid_pack",
    "id",
    "title",
    "version",
    "published_at",
    "author",
    "change_note",
    "sources",
    "flows",
    "questions",
    "keywords",
    "sla",
    "reference",
];

/// Reads and checks a pack; `Err` lists every problem found.
pub fn read_pack(text: &str) -> Result<Pack, Vec<PackProblem>> {
    let file = read_pack_file(text)?;
    super::check_pack_file(file)
}

/// A pack file split into its description, read, and its content parts,
/// each kept as its text: what the app does with the pack its build shipped
/// (already checked natively), so each tool reads its own part when first
/// needed.
pub struct PackParts {
    pub meta: PackMeta,
    pub flows: Box<RawValue>,
    pub questions: Box<RawValue>,
    pub keywords: Box<RawValue>,
    pub sla: Box<RawValue>,
    pub reference: Box<RawValue>,
}

/// Splits a pack file into its parts, checking what every pack passes
/// first (size, JSON, a pack of a format this Deskaid reads) and its
/// description, not its content. Only the pack this build shipped is read
/// this way, and it is of the current format: an older one is read whole
/// (`read_pack`), so the code that migrates it stays out of the shell.
pub fn split_pack(text: &str) -> Result<PackParts, Vec<PackProblem>> {
    let (mut fields, format) = fields_of(text)?;
    if format != u64::from(PACK_FORMAT) {
        return Err(vec![PackProblem {
            place: Place::File,
            message: format!("pack format {format} is read whole, not part by part"),
        }]);
    }
    let mut problems = Problems::default();
    let meta = meta_of(&mut problems, &mut fields);
    let mut content = |name: &str| {
        let part = fields.remove(name);
        if part.is_none() {
            problems.field(name, "missing");
        }
        part
    };
    let (flows, questions, keywords, sla, reference) = (
        content("flows"),
        content("questions"),
        content("keywords"),
        content("sla"),
        content("reference"),
    );
    match (meta, flows, questions, keywords, sla, reference) {
        (Some(meta), Some(flows), Some(questions), Some(keywords), Some(sla), Some(reference)) => {
            Ok(PackParts {
                meta,
                flows,
                questions,
                keywords,
                sla,
                reference,
            })
        }
        _ => Err(problems.0),
    }
}

/// The pack's description, each field read on its own.
fn meta_of(problems: &mut Problems, fields: &mut Fields) -> Option<PackMeta> {
    let mut take = |name: &str| fields.remove(name);
    let id = part::<String>(problems, "id", take("id"));
    let title = part::<String>(problems, "title", take("title"));
    let version = part::<u32>(problems, "version", take("version"));
    let published_at = part::<String>(problems, "published_at", take("published_at"));
    let author = part::<String>(problems, "author", take("author"));
    let change_note = part::<String>(problems, "change_note", take("change_note"));
    let sources = part::<Vec<PackSource>>(problems, "sources", take("sources"));
    Some(PackMeta {
        id: id?,
        title: title?,
        version: version?,
        published_at: published_at?,
        author: author?,
        change_note: change_note?,
        sources: sources?,
    })
}

/// The file's shape: JSON, a pack, of a format this Deskaid reads (an
/// older one brought up to date), with every part in its own form, but not
/// yet what its parts mean: what a draft being written needs, since it may
/// well have problems. Problems of one part do not hide another's.
pub fn read_pack_file(text: &str) -> Result<PackFile, Vec<PackProblem>> {
    let (mut fields, format) = fields_of(text)?;
    if format == 1 {
        from_format_1(&mut fields)?;
    }
    let mut problems = Problems::default();
    for key in fields.keys().filter(|key| !FIELDS.contains(&key.as_str())) {
        problems.field(key, "not a field of a pack (misspelt?)");
    }
    let meta = meta_of(&mut problems, &mut fields);
    let mut take = |name: &str| fields.remove(name);
    let flows = flows_of(&mut problems, take("flows"));
    let questions = questions_of(&mut problems, take("questions"));
    let keywords = part_at::<KeywordList>(&mut problems, Place::Keywords, take("keywords"));
    let sla = sla_of(&mut problems, take("sla"));
    let reference = part_at::<Reference>(&mut problems, Place::Reference, take("reference"));
    match (meta, flows, questions, keywords, sla, reference) {
        (Some(meta), Some(flows), Some(questions), Some(keywords), Some(sla), Some(reference))
            if problems.0.is_empty() =>
        {
            Ok(PackFile::new(
                meta, flows, questions, keywords, sla, reference,
            ))
        }
        _ => Err(problems.0),
    }
}

/// The file's fields, each as its text, and its format, once it is known
/// to be a pack of a format this Deskaid reads and of a size it accepts.
fn fields_of(text: &str) -> Result<(Fields, u64), Vec<PackProblem>> {
    let mut problems = Problems::default();
    if text.len() > MAX_PACK_BYTES {
        problems.add(
            Place::File,
            format!(
                "the pack is {} KB, more than the {} KB a pack may be",
                text.len().div_ceil(1000),
                MAX_PACK_BYTES / 1000
            ),
        );
        return Err(problems.0);
    }
    // Each part is kept as its text and read straight into its own type,
    // with the same code that reads it everywhere else: reading through a
    // parsed `Value` would compile every content type's reader twice.
    let whole: Box<RawValue> = serde_json::from_str(text).map_err(|e| {
        let cut = if e.is_eof() {
            " (it ends too early: the file was probably cut off)"
        } else {
            ""
        };
        vec![PackProblem {
            place: Place::File,
            message: format!(
                "not readable JSON at line {}, column {}{cut}",
                e.line(),
                e.column()
            ),
        }]
    })?;
    let Ok(fields) = serde_json::from_str::<Fields>(whole.get()) else {
        problems.add(Place::File, "not a Deskaid pack (it is not a JSON object)");
        return Err(problems.0);
    };
    let format = fields
        .get("deskaid_pack")
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok());
    match format {
        None => {
            problems.add(
                Place::File,
                "not a Deskaid pack (it has no \"deskaid_pack\" format number)",
            );
            return Err(problems.0);
        }
        Some(format) if format > u64::from(PACK_FORMAT) => {
            problems.add(
                Place::File,
                format!("made by a newer Deskaid (pack format {format}); this one reads format {PACK_FORMAT}"),
            );
            return Err(problems.0);
        }
        Some(1) => {}
        Some(format) if format < u64::from(PACK_FORMAT) => {
            problems.add(
                Place::File,
                format!(
                    "pack format {format} does not exist; this Deskaid reads format {PACK_FORMAT}"
                ),
            );
            return Err(problems.0);
        }
        Some(_) => {}
    }
    Ok((fields, format.unwrap_or_default()))
}

/// Brings a format 1 pack's fields to the current format: its documents
/// get their lengths; the rest reads as it is.
fn from_format_1(fields: &mut Fields) -> Result<(), Vec<PackProblem>> {
    let Some(sources) = fields.get("sources") else {
        return Ok(());
    };
    let migrated = migrate::sources_from_format_1(sources).map_err(|message| {
        vec![PackProblem {
            place: Place::Field("sources".to_string()),
            message,
        }]
    })?;
    fields.insert("sources".to_string(), migrated);
    Ok(())
}

/// One of the pack's own fields, read as `T`.
fn part<T: DeserializeOwned>(
    problems: &mut Problems,
    name: &str,
    value: Option<Box<RawValue>>,
) -> Option<T> {
    part_at(problems, Place::Field(name.to_string()), value)
}

/// A part of the pack read as `T`, its problems reported at `place`.
fn part_at<T: DeserializeOwned>(
    problems: &mut Problems,
    place: Place,
    value: Option<Box<RawValue>>,
) -> Option<T> {
    let Some(value) = value else {
        problems.add(place, "missing");
        return None;
    };
    serde_json::from_str(value.get())
        .map_err(|e| problems.add(place, without_position(&e)))
        .ok()
}

/// The SLA defaults. Their types accept fields they do not know, since
/// users' saved settings are read with them and must never be lost to a
/// field an older Deskaid wrote; a pack is checked here instead, by what
/// it holds beyond what was read.
fn sla_of(problems: &mut Problems, value: Option<Box<RawValue>>) -> Option<SlaSettings> {
    let written = value
        .as_deref()
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(raw.get()).ok());
    let sla = part_at::<SlaSettings>(problems, Place::Sla, value)?;
    let read = serde_json::to_value(&sla).ok()?;
    let written = written?;
    let mut unknown = Vec::new();
    fields_beyond(&written, &read, "", &mut unknown);
    for path in &unknown {
        problems.add(
            Place::Sla,
            format!("\"{path}\" is not a field of the SLA defaults (misspelt?)"),
        );
    }
    unknown.is_empty().then_some(sla)
}

/// The paths of object fields in `written` that `read` does not have.
fn fields_beyond(
    written: &serde_json::Value,
    read: &serde_json::Value,
    path: &str,
    unknown: &mut Vec<String>,
) {
    use serde_json::Value;
    let at = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match (written, read) {
        (Value::Object(written), Value::Object(read)) => {
            for (key, value) in written {
                match read.get(key) {
                    Some(known) => fields_beyond(value, known, &at(key), unknown),
                    None => unknown.push(at(key)),
                }
            }
        }
        (Value::Array(written), Value::Array(read)) => {
            for (index, (value, known)) in written.iter().zip(read).enumerate() {
                fields_beyond(value, known, &at(&(index + 1).to_string()), unknown);
            }
        }
        _ => {}
    }
}

/// The flows, each read on its own so one broken flow names itself.
fn flows_of(problems: &mut Problems, value: Option<Box<RawValue>>) -> Option<Vec<Flow>> {
    let items = part::<Vec<Box<RawValue>>>(problems, "flows", value)?;
    let before = problems.0.len();
    let flows: Vec<Flow> = items
        .into_iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let name = named(&item, index, "flow");
            part_at(
                problems,
                Place::Flow {
                    flow: name,
                    step: None,
                },
                Some(item),
            )
        })
        .collect();
    (problems.0.len() == before).then_some(flows)
}

/// The question bank, each question read on its own so one broken question
/// names itself.
fn questions_of(problems: &mut Problems, value: Option<Box<RawValue>>) -> Option<BankFile> {
    let Some(mut bank) = value.and_then(|raw| serde_json::from_str::<Fields>(raw.get()).ok())
    else {
        problems.add(
            Place::Questions,
            "missing, or not an object of topics, scenarios and questions",
        );
        return None;
    };
    let items = bank
        .remove("questions")
        .and_then(|raw| serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()).ok());
    let Some(items) = items else {
        problems.add(Place::Questions, "\"questions\" must be a list");
        return None;
    };
    let before = problems.0.len();
    let mut questions = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let name = named(&item, index, "question");
        match serde_json::from_str(item.get()) {
            Ok(question) => questions.push(question),
            Err(e) => problems.add(
                Place::Questions,
                format!("question \"{name}\": {}", without_position(&e)),
            ),
        }
    }
    let rest = serde_json::to_string(&bank)
        .ok()
        .and_then(|json| RawValue::from_string(json).ok());
    let mut file: BankFile = part_at(problems, Place::Questions, rest)?;
    file.questions = questions;
    (problems.0.len() == before).then_some(file)
}

/// What serde says is wrong in a part, without its line and column: they
/// count within the part, not the file, and the place already says where.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    message
        .strip_suffix(&suffix)
        .map_or(message.clone(), str::to_string)
}

/// An item's id for messages, or its position when it has none.
fn named(item: &RawValue, index: usize, what: &str) -> String {
    /// Just the id of an item, whatever else it holds.
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    serde_json::from_str::<Id>(item.get())
        .map_or_else(|_| format!("{what} {}", index + 1), |item| item.id)
}
