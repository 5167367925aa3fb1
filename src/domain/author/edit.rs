//! The edits an author makes to a draft pack that need more than setting
//! one field: adding, duplicating, moving and deleting questions, flows,
//! steps and choices, and changing a question's kind, each leaving the
//! draft as consistent as it can be (fresh unique ids, an ordering
//! question's answer following its items). What is still wrong is for the
//! pack's own checks to say.

use crate::domain::flow::{Choice, Flow, Step, StepKind};
use crate::domain::pack::PackFile;
use crate::domain::quiz::{Question, QuestionKind, QuizChoice};
use crate::domain::scanner::{Keyword, KeywordGroup};
use crate::domain::source::SourceRef;

/// `base`, or `base-2`, `base-3`… : the first not in `taken`.
pub fn unique_id<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let free = |id: &str| !taken.clone().any(|other| other == id);
    if free(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .expect("some number is free")
}

/// Which way an item moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Moves item `index` one place in `direction`; returns its new index
/// (the same when it is already at that end).
pub fn move_item<T>(items: &mut [T], index: usize, direction: Direction) -> usize {
    let to = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => (index + 1 < items.len()).then_some(index + 1),
    };
    match to {
        Some(to) if index < items.len() => {
            items.swap(index, to);
            to
        }
        _ => index,
    }
}

/// The source lines a new item starts with: the pack's first document,
/// line 1, which the author narrows down.
pub(super) fn first_source(pack: &PackFile) -> SourceRef {
    SourceRef {
        doc: pack
            .sources
            .first()
            .map_or_else(|| "004".to_string(), |source| source.doc.clone()),
        lines: "1".to_string(),
    }
}

/// Adds a question of `kind` at the end of the bank, in the first topic;
/// returns its id.
pub fn add_question(pack: &mut PackFile, kind: QuestionKind) -> String {
    let id = unique_id(
        "question",
        pack.questions.questions.iter().map(|q| q.id.as_str()),
    );
    let mut question = Question {
        id: id.clone(),
        topic: pack
            .questions
            .topics
            .first()
            .map(|topic| topic.id.clone())
            .unwrap_or_default(),
        kind: QuestionKind::Single,
        scenario: None,
        prompt: String::new(),
        choices: Vec::new(),
        correct: Vec::new(),
        pick: None,
        accepted: Vec::new(),
        explanation: String::new(),
        source: Some(first_source(pack)),
        link: None,
    };
    set_question_kind(&mut question, kind);
    pack.questions.questions.push(question);
    id
}

/// Copies question `index` just after it, under a new id; returns the id.
pub fn duplicate_question(pack: &mut PackFile, index: usize) -> Option<String> {
    let mut copy = pack.questions.questions.get(index)?.clone();
    copy.id = unique_id(
        &format!("{}-copy", copy.id),
        pack.questions.questions.iter().map(|q| q.id.as_str()),
    );
    let id = copy.id.clone();
    pack.questions.questions.insert(index + 1, copy);
    Some(id)
}

/// Changes how a question is answered, keeping what still fits: options
/// stay between the choice kinds, a fill-in question has accepted answers
/// instead, a pick-any question names how many to pick, and an ordering
/// question's answer is its items in the order written.
pub fn set_question_kind(question: &mut Question, kind: QuestionKind) {
    question.kind = kind;
    if kind == QuestionKind::FillIn {
        question.choices.clear();
        question.correct.clear();
    } else {
        question.accepted.clear();
        while question.choices.len() < 2 {
            add_choice_to(question);
        }
    }
    question.pick = (kind == QuestionKind::PickAny).then(|| question.pick.unwrap_or(1));
    if kind == QuestionKind::Single && question.correct.len() > 1 {
        question.correct.truncate(1);
    }
    follow_order(question);
}

/// Adds an empty option to a question; returns its id.
pub fn add_choice_to(question: &mut Question) -> String {
    let id = (b'a'..=b'z')
        .map(|letter| char::from(letter).to_string())
        .find(|id| question.choice(id).is_none())
        .unwrap_or_else(|| unique_id("option", question.choices.iter().map(|c| c.id.as_str())));
    question.choices.push(QuizChoice {
        id: id.clone(),
        text: String::new(),
    });
    follow_order(question);
    id
}

/// Removes option `index` and any answer naming it.
pub fn remove_choice(question: &mut Question, index: usize) {
    if index < question.choices.len() {
        let removed = question.choices.remove(index);
        question.correct.retain(|id| *id != removed.id);
    }
    follow_order(question);
}

/// Moves option `index`; for an ordering question this changes the answer.
pub fn move_choice(question: &mut Question, index: usize, direction: Direction) {
    move_item(&mut question.choices, index, direction);
    follow_order(question);
}

/// Marks option `id` right or not: a single-choice question has one right
/// option, so marking one unmarks the others.
pub fn mark_correct(question: &mut Question, id: &str, correct: bool) {
    if question.kind == QuestionKind::Ordering {
        return;
    }
    if question.kind == QuestionKind::Single && correct {
        question.correct.clear();
    }
    question.correct.retain(|other| other != id);
    if correct {
        question.correct.push(id.to_string());
        // Stored in the options' order, so the file reads as the form does.
        let order: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
        question
            .correct
            .sort_by_key(|id| order.iter().position(|other| other == id));
    }
}

/// An ordering question's answer is every item in the order written.
fn follow_order(question: &mut Question) {
    if question.kind == QuestionKind::Ordering {
        question.correct = question.choices.iter().map(|c| c.id.clone()).collect();
    }
}

/// A new step of `kind` with `id`, citing the flow's own source lines.
fn new_step(id: String, kind: StepKind, source: SourceRef) -> Step {
    Step {
        id,
        title: String::new(),
        kind,
        body: Vec::new(),
        source,
        more_sources: Vec::new(),
        choices: Vec::new(),
        checklist: Vec::new(),
        wait_seconds: None,
        note_prompt: None,
        template: None,
        fields: Default::default(),
        warning: None,
        outcome: None,
    }
}

/// Adds a flow with one question step, after the others; returns its id.
pub fn add_flow(pack: &mut PackFile) -> String {
    let id = unique_id("new-flow", pack.flows.iter().map(|f| f.id.as_str()));
    let source = first_source(pack);
    pack.flows.push(Flow {
        id: id.clone(),
        title: String::new(),
        summary: String::new(),
        audience: String::new(),
        order: pack.flows.iter().map(|f| f.order + 1).max().unwrap_or(1),
        source: source.clone(),
        more_sources: Vec::new(),
        start: "start".to_string(),
        steps: vec![new_step("start".to_string(), StepKind::Question, source)],
    });
    id
}

/// Adds a step of `kind` at the end of `flow`; returns its id.
pub fn add_step(flow: &mut Flow, kind: StepKind) -> String {
    let id = unique_id("step", flow.steps.iter().map(|s| s.id.as_str()));
    let source = flow.source.clone();
    flow.steps.push(new_step(id.clone(), kind, source));
    id
}

/// Adds a choice from step `step` of `flow` to a new step of `kind`,
/// made in place: how an author grows a flow from its first step.
pub fn add_choice_to_new_step(flow: &mut Flow, step: usize, kind: StepKind) -> Option<String> {
    flow.steps.get(step)?;
    let id = add_step(flow, kind);
    flow.steps[step].choices.push(Choice {
        label: String::new(),
        to: id.clone(),
    });
    Some(id)
}

/// Removes step `index` and every choice of the flow leading to it; the
/// flow starts at its first remaining step if it started there.
pub fn remove_step(flow: &mut Flow, index: usize) {
    if index >= flow.steps.len() {
        return;
    }
    let removed = flow.steps.remove(index);
    for step in &mut flow.steps {
        step.choices.retain(|choice| choice.to != removed.id);
    }
    if flow.start == removed.id {
        flow.start = flow.steps.first().map(|s| s.id.clone()).unwrap_or_default();
    }
}

/// Why a step, topic, scenario or document cannot take the id an author
/// typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// Ids are lowercase letters, digits and hyphens.
    NotAnId,
    /// A document's id is empty or has spaces.
    NotADocumentId,
    /// Another item of the same list has it: which, e.g. "topic".
    Taken(&'static str),
}

impl std::fmt::Display for RenameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenameError::NotAnId => {
                f.write_str("Use lowercase letters, digits and hyphens, e.g. call-back.")
            }
            RenameError::NotADocumentId => {
                f.write_str("Give the document's number or code without spaces, e.g. 004.")
            }
            RenameError::Taken(what) => write!(f, "Another {what} has that id."),
        }
    }
}

/// Whether an item now called `old` may be called `new`: it may keep its
/// name; another must be well formed (`shape`) and not one of `taken`, the
/// names in its list (`what` the list holds, e.g. "topic").
pub(super) fn check_new_id<'a>(
    old: &str,
    new: &str,
    shape: fn(&str) -> Result<(), RenameError>,
    mut taken: impl Iterator<Item = &'a str>,
    what: &'static str,
) -> Result<(), RenameError> {
    if old == new {
        return Ok(());
    }
    shape(new)?;
    if taken.any(|id| id == new) {
        return Err(RenameError::Taken(what));
    }
    Ok(())
}

/// The shape of a step, topic or scenario id.
pub(super) fn id_shape(id: &str) -> Result<(), RenameError> {
    if crate::domain::flow::is_id(id) {
        Ok(())
    } else {
        Err(RenameError::NotAnId)
    }
}

/// Renames step `index` to `id`, and every choice and the start that named
/// it, so links inside the flow keep working. Renaming is refused rather
/// than merging two steps' links under one id.
pub fn rename_step(flow: &mut Flow, index: usize, id: &str) -> Result<(), RenameError> {
    let Some(old) = flow.steps.get(index).map(|s| s.id.clone()) else {
        return Ok(());
    };
    let taken = flow.steps.iter().map(|s| s.id.as_str());
    check_new_id(&old, id, id_shape, taken, "step of this flow")?;
    for step in &mut flow.steps {
        for choice in &mut step.choices {
            if choice.to == old {
                choice.to = id.to_string();
            }
        }
    }
    if flow.start == old {
        flow.start = id.to_string();
    }
    flow.steps[index].id = id.to_string();
    Ok(())
}

/// Adds a keyword at the end of the scanner's list, opening the first
/// flow's first step until the author picks another; returns its id.
pub fn add_keyword(pack: &mut PackFile) -> String {
    let id = unique_id(
        "keyword",
        pack.keywords.keywords.iter().map(|k| k.id.as_str()),
    );
    let (flow, step) = pack
        .flows
        .first()
        .map(|f| (f.id.clone(), f.start.clone()))
        .unwrap_or_default();
    let source = first_source(pack);
    pack.keywords.keywords.push(Keyword {
        id: id.clone(),
        group: KeywordGroup::Qualifier,
        label: String::new(),
        explanation: String::new(),
        source,
        more_sources: Vec::new(),
        flow,
        step,
        phrases: Vec::new(),
    });
    id
}
