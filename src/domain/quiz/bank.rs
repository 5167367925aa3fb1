//! The question bank: topics, scenarios and questions as written in
//! `content/questions/*.toml` (or a trainer's JSON bank), and the validation
//! that turns them into a [`Bank`] the rest of the quiz can trust.

use crate::domain::source::SourceRef;
use crate::domain::text::normalize_text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// A group of questions a learner can pick, e.g. "deadlines".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct QuizTopic {
    /// Short slug used in links and progress, e.g. `"deadlines"`.
    pub id: String,
    /// Human title shown in the topic picker.
    pub title: String,
}

/// A case description shared by several questions, shown above each of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Scenario {
    /// Slug the questions refer to with `scenario = "..."`.
    pub id: String,
    /// Short heading for the scenario box.
    pub title: String,
    /// The situation the learner reasons about.
    pub text: String,
    /// Where the situation is described; optional only in custom banks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// One selectable option (choice questions) or one item to arrange (ordering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct QuizChoice {
    /// Key used by `correct` and by stored answers, stable when the text changes.
    pub id: String,
    /// What the learner sees.
    pub text: String,
}

/// How a question is answered and scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum QuestionKind {
    /// Exactly one option is right.
    Single,
    /// Every right option should be picked; partial credit.
    Multiple,
    /// Any `pick` of the right options will do ("name 2 sources").
    PickAny,
    /// Typed answer matched tolerantly against `accepted`.
    FillIn,
    /// Arrange the options; `correct` is the right sequence.
    Ordering,
}

/// One quiz question exactly as stored in the content files.
///
/// A flat struct (rather than a tagged enum) so TOML and JSON read the same
/// way; [`Bank`] validation checks that the fields fit the `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Question {
    /// Stable id; progress is keyed by it so edited text keeps its history.
    pub id: String,
    /// One of the bank's topic ids.
    pub topic: String,
    /// How the question is answered.
    pub kind: QuestionKind,
    /// Optional scenario id whose text is shown above the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The question itself.
    pub prompt: String,
    /// Options for single, multiple, pick-any and ordering questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<QuizChoice>,
    /// Right choice ids; for ordering, every choice id in the right order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correct: Vec<String>,
    /// For pick-any: how many right options the learner must name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pick: Option<usize>,
    /// For fill-in: every answer (and synonym) that counts as right.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    /// Shown after answering, so the learner learns why.
    pub explanation: String,
    /// Where the answer comes from; optional only in custom banks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Optional `flow:<flow-id>/<step-id>` or `sla:<rule-id>` to open from the feedback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Question {
    /// The choice with this id, for showing answers and feedback.
    pub fn choice(&self, id: &str) -> Option<&QuizChoice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

/// One content file (or one custom JSON bank): the unvalidated parts of a bank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BankFile {
    /// Topics declared here; the same id may be repeated in another file with the same title.
    #[serde(default)]
    pub topics: Vec<QuizTopic>,
    /// Scenarios declared here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Questions declared here.
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// Where a question's `link` points, parsed from its string form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// `flow:<flow>/<step>`: a step of an escalation flowchart.
    FlowStep {
        /// Flow id, e.g. `"dsar"`.
        flow: String,
        /// Step id inside that flow.
        step: String,
    },
    /// `sla:<rule>`: a rule of the SLA calculator.
    SlaRule {
        /// SLA rule id, e.g. `"general-initial-contact"`.
        rule: String,
    },
}

/// A question link that is neither `flow:<flow-id>/<step-id>` nor
/// `sla:<rule-id>`; holds the link as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError(pub String);

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "link \"{}\" is not \"flow:<flow-id>/<step-id>\" or \"sla:<rule-id>\"",
            self.0
        )
    }
}

impl std::error::Error for LinkError {}

impl LinkTarget {
    /// Parses `flow:<flow-id>/<step-id>` or `sla:<rule-id>`.
    pub fn parse(text: &str) -> Result<LinkTarget, LinkError> {
        let bad = || LinkError(text.to_string());
        if let Some(rest) = text.strip_prefix("flow:") {
            let (flow, step) = rest.split_once('/').ok_or_else(bad)?;
            if is_slug(flow) && is_slug(step) {
                return Ok(LinkTarget::FlowStep {
                    flow: flow.to_string(),
                    step: step.to_string(),
                });
            }
        } else if let Some(rule) = text.strip_prefix("sla:") {
            if is_slug(rule) {
                return Ok(LinkTarget::SlaRule {
                    rule: rule.to_string(),
                });
            }
        }
        Err(bad())
    }
}

impl fmt::Display for LinkTarget {
    /// Writes the string form used in content files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkTarget::FlowStep { flow, step } => write!(f, "flow:{flow}/{step}"),
            LinkTarget::SlaRule { rule } => write!(f, "sla:{rule}"),
        }
    }
}

/// Everything wrong with a bank, one line per problem, each naming the
/// question (or topic/scenario) so a trainer can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    /// The problems found, in file order.
    pub problems: Vec<String>,
}

impl BankError {
    fn single(problem: String) -> BankError {
        BankError {
            problems: vec![problem],
        }
    }
}

impl fmt::Display for BankError {
    /// One problem per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("\n"))
    }
}

impl std::error::Error for BankError {}

/// A validated question bank: ids unique, references resolved, answers consistent.
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    topics: Vec<QuizTopic>,
    scenarios: Vec<Scenario>,
    questions: Vec<Question>,
}

impl Bank {
    /// Builds the bank shipped with the app from its content files; every
    /// question and scenario must name its source lines.
    pub fn from_files(files: Vec<BankFile>) -> Result<Bank, BankError> {
        Bank::build(files, true)
    }

    /// Parses the JSON object (file name → content) that build.rs bundles
    /// (`questions.json`) and validates it as the shipped bank.
    pub fn from_bundle_json(json: &str) -> Result<Bank, BankError> {
        let files: std::collections::BTreeMap<String, BankFile> = serde_json::from_str(json)
            .map_err(|e| {
                BankError::single(format!("the bundled question files are not valid: {e}"))
            })?;
        Bank::from_files(files.into_values().collect())
    }

    /// Parses and validates a trainer's custom bank
    /// `{ "topics": [...], "scenarios": [...], "questions": [...] }`;
    /// sources are optional there but checked when given.
    pub fn from_json(json: &str) -> Result<Bank, BankError> {
        let file: BankFile = serde_json::from_str(json)
            .map_err(|e| BankError::single(format!("the bank is not valid JSON: {e}")))?;
        Bank::build(vec![file], false)
    }

    /// The bank in the JSON form [`Bank::from_json`] reads, for export and sharing.
    pub fn to_json(&self) -> String {
        let file = BankFile {
            topics: self.topics.clone(),
            scenarios: self.scenarios.clone(),
            questions: self.questions.clone(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// All topics, in declaration order.
    pub fn topics(&self) -> &[QuizTopic] {
        &self.topics
    }

    /// All scenarios, in declaration order.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// All questions, in declaration order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The question with this id, if the bank still has it.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&QuizTopic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Checks every question link against the flows and SLA rules that exist
    /// (`is_known` answers for one target), so the lead can cross-check content.
    pub fn check_links(&self, is_known: impl Fn(&LinkTarget) -> bool) -> Result<(), BankError> {
        let problems: Vec<String> = self
            .questions
            .iter()
            .filter_map(|q| {
                let target = LinkTarget::parse(q.link.as_deref()?).ok()?;
                (!is_known(&target))
                    .then(|| format!("question {}: link \"{target}\" points nowhere", q.id))
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(BankError { problems })
        }
    }

    fn build(files: Vec<BankFile>, require_sources: bool) -> Result<Bank, BankError> {
        let mut bank = Bank {
            topics: Vec::new(),
            scenarios: Vec::new(),
            questions: Vec::new(),
        };
        let mut problems = Vec::new();
        for file in files {
            for topic in file.topics {
                match bank.topic(&topic.id) {
                    Some(known) if known.title == topic.title => {}
                    Some(known) => problems.push(format!(
                        "topic {}: declared twice with different titles (\"{}\" and \"{}\")",
                        topic.id, known.title, topic.title
                    )),
                    None => bank.topics.push(topic),
                }
            }
            bank.scenarios.extend(file.scenarios);
            bank.questions.extend(file.questions);
        }
        bank.validate(require_sources, &mut problems);
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(BankError { problems })
        }
    }

    fn validate(&self, require_sources: bool, problems: &mut Vec<String>) {
        for topic in &self.topics {
            if !is_slug(&topic.id) {
                problems.push(format!(
                    "topic \"{}\": id must be lowercase letters, digits, dashes or underscores",
                    topic.id
                ));
            }
            if topic.title.trim().is_empty() {
                problems.push(format!("topic {}: title is empty", topic.id));
            }
        }
        let mut scenario_ids = HashSet::new();
        for scenario in &self.scenarios {
            let name = format!("scenario {}", scenario.id);
            if !is_slug(&scenario.id) {
                problems.push(format!(
                    "scenario \"{}\": id must be lowercase letters, digits, dashes or underscores",
                    scenario.id
                ));
            }
            if !scenario_ids.insert(scenario.id.as_str()) {
                problems.push(format!("{name}: id is used twice"));
            }
            if scenario.text.trim().is_empty() {
                problems.push(format!("{name}: text is empty"));
            }
            check_source(&name, scenario.source.as_ref(), require_sources, problems);
        }
        if self.questions.is_empty() {
            problems.push("the bank has no questions".to_string());
        }
        let mut question_ids = HashSet::new();
        for question in &self.questions {
            if !question_ids.insert(question.id.as_str()) {
                problems.push(format!("question {}: id is used twice", question.id));
            }
            self.validate_question(question, require_sources, problems);
        }
    }

    fn validate_question(&self, q: &Question, require_sources: bool, problems: &mut Vec<String>) {
        let name = format!("question {}", q.id);
        let mut problem = |text: String| problems.push(format!("{name}: {text}"));
        if !is_question_id(&q.id) {
            problem("id must be letters, digits, dashes, dots or underscores".to_string());
        }
        if self.topic(&q.topic).is_none() {
            problem(format!("topic \"{}\" is not declared", q.topic));
        }
        if let Some(scenario) = &q.scenario {
            if self.scenario(scenario).is_none() {
                problem(format!("scenario \"{scenario}\" is not declared"));
            }
        }
        if q.prompt.trim().is_empty() {
            problem("prompt is empty".to_string());
        }
        if q.explanation.trim().is_empty() {
            problem("explanation is empty".to_string());
        }
        if let Some(link) = &q.link {
            if let Err(e) = LinkTarget::parse(link) {
                problem(e.to_string());
            }
        }
        if q.pick.is_some() && q.kind != QuestionKind::PickAny {
            problem("\"pick\" is only for pick-any questions".to_string());
        }
        if q.kind == QuestionKind::FillIn {
            if !q.choices.is_empty() || !q.correct.is_empty() {
                problem("fill-in questions use \"accepted\", not choices".to_string());
            }
            if q.accepted.is_empty() {
                problem("fill-in needs at least one accepted answer".to_string());
            }
            for answer in &q.accepted {
                if normalize_text(answer).is_empty() {
                    problem(format!(
                        "accepted answer \"{answer}\" has no letters or digits"
                    ));
                }
            }
        } else {
            self.validate_choices(q, &mut problem);
        }
        check_source(&name, q.source.as_ref(), require_sources, problems);
    }

    fn validate_choices(&self, q: &Question, problem: &mut impl FnMut(String)) {
        if !q.accepted.is_empty() {
            problem("\"accepted\" is only for fill-in questions".to_string());
        }
        if q.choices.len() < 2 {
            problem("needs at least two choices".to_string());
        }
        let mut choice_ids = HashSet::new();
        for choice in &q.choices {
            if choice.id.trim().is_empty() {
                problem("a choice has an empty id".to_string());
            } else if !choice_ids.insert(choice.id.as_str()) {
                problem(format!("choice \"{}\" is listed twice", choice.id));
            }
            if choice.text.trim().is_empty() {
                problem(format!("choice \"{}\" has no text", choice.id));
            }
        }
        let mut correct_ids = HashSet::new();
        for id in &q.correct {
            if !choice_ids.contains(id.as_str()) {
                problem(format!("correct choice \"{id}\" does not exist"));
            }
            if !correct_ids.insert(id.as_str()) {
                problem(format!("correct choice \"{id}\" is listed twice"));
            }
        }
        if q.correct.is_empty() {
            problem("needs at least one correct answer".to_string());
        }
        match q.kind {
            QuestionKind::Single if q.correct.len() > 1 => problem(format!(
                "single-choice questions have exactly one correct choice, found {}",
                q.correct.len()
            )),
            QuestionKind::PickAny => match q.pick {
                None | Some(0) => problem("pick-any needs \"pick\" of at least 1".to_string()),
                Some(n) if n > q.correct.len() => problem(format!(
                    "asks to pick {n} but only {} choices are correct",
                    q.correct.len()
                )),
                Some(_) => {}
            },
            QuestionKind::Ordering if correct_ids.len() != choice_ids.len() => problem(
                "ordering questions list every choice once in \"correct\", in the right order"
                    .to_string(),
            ),
            _ => {}
        }
    }
}

fn check_source(
    name: &str,
    source: Option<&SourceRef>,
    required: bool,
    problems: &mut Vec<String>,
) {
    match source {
        Some(source) => {
            if let Err(e) = source.check_lines() {
                problems.push(format!("{name}: source {e}"));
            }
        }
        None if required => problems.push(format!("{name}: source is missing")),
        None => {}
    }
}

/// Lowercase letters, digits, dashes and underscores: the form of topic, scenario, flow and rule ids.
fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Question ids may also use capitals and dots, as trainers' own ids often do.
fn is_question_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests;
