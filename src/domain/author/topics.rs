//! The question bank's topics and scenarios: added with ids of their own,
//! renamed with the questions that name them following, and removed
//! (questions that still name one are for the bank's checks to point out).

use super::edit::{check_new_id, first_source, id_shape, unique_id, RenameError};
use crate::domain::pack::PackFile;
use crate::domain::quiz::{QuizTopic, Scenario};

/// Adds a topic with a fresh id and no title yet; returns its index.
pub fn add_topic(pack: &mut PackFile) -> usize {
    let topics = &mut pack.questions.topics;
    let id = unique_id("topic", topics.iter().map(|t| t.id.as_str()));
    topics.push(QuizTopic {
        id,
        title: String::new(),
    });
    topics.len() - 1
}

/// Adds a scenario with a fresh id, citing the pack's first document until
/// the author says which lines describe it; returns its index.
pub fn add_scenario(pack: &mut PackFile) -> usize {
    let source = first_source(pack);
    let scenarios = &mut pack.questions.scenarios;
    let id = unique_id("scenario", scenarios.iter().map(|s| s.id.as_str()));
    scenarios.push(Scenario {
        id,
        title: String::new(),
        text: String::new(),
        source: Some(source),
    });
    scenarios.len() - 1
}

/// Renames topic `index` to `id`, and every question in it, refusing an id
/// another topic has rather than merging two topics' questions.
pub fn rename_topic(pack: &mut PackFile, index: usize, id: &str) -> Result<(), RenameError> {
    let bank = &mut pack.questions;
    let Some(old) = bank.topics.get(index).map(|t| t.id.clone()) else {
        return Ok(());
    };
    let taken = bank.topics.iter().map(|t| t.id.as_str());
    check_new_id(&old, id, id_shape, taken, "topic")?;
    for question in bank.questions.iter_mut().filter(|q| q.topic == old) {
        question.topic = id.to_string();
    }
    bank.topics[index].id = id.to_string();
    Ok(())
}

/// Renames scenario `index` to `id`, and every question that shows it.
pub fn rename_scenario(pack: &mut PackFile, index: usize, id: &str) -> Result<(), RenameError> {
    let bank = &mut pack.questions;
    let Some(old) = bank.scenarios.get(index).map(|s| s.id.clone()) else {
        return Ok(());
    };
    let taken = bank.scenarios.iter().map(|s| s.id.as_str());
    check_new_id(&old, id, id_shape, taken, "scenario")?;
    for question in &mut bank.questions {
        if question.scenario.as_deref() == Some(old.as_str()) {
            question.scenario = Some(id.to_string());
        }
    }
    bank.scenarios[index].id = id.to_string();
    Ok(())
}
