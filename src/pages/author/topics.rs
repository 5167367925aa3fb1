//! The question bank's topics (what a learner picks to practise) and
//! scenarios (a case shown above several questions): each added, named,
//! renamed with its questions following, and removed.

use super::editor::Editor;
use super::problems::ItemProblems;
use super::rename::RenameField;
use super::source::{no_source, SourceFields};
use crate::components::focus::focus_after_render;
use crate::components::form::{TextArea, TextField};
use crate::domain::author::{add_scenario, add_topic, rename_scenario, rename_topic};
use crate::domain::pack::{PackProblem, Place};
use crate::domain::quiz::Scenario;
use crate::domain::source::SourceRef;
use leptos::prelude::*;

/// The problems the bank's checks find in the topic or scenario `id`
/// (`what` is "topic" or "scenario"), without the name they start with.
fn problems_of(
    problems: Memo<Vec<PackProblem>>,
    what: &'static str,
    id: Memo<String>,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        let id = id.get();
        let names = [format!("{what} {id}:"), format!("{what} \"{id}\":")];
        problems.with(|all| {
            all.iter()
                .filter(|p| p.place == Place::Questions)
                .filter_map(|p| {
                    let name = names
                        .iter()
                        .find(|name| p.message.starts_with(name.as_str()))?;
                    Some(p.message[name.len()..].trim().to_string())
                })
                .collect()
        })
    })
}

/// The topics, then the scenarios.
#[component]
pub(super) fn TopicsEditor(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let topics = Memo::new(move |_| editor.with(|draft| draft.questions.topics.len()));
    let scenarios = Memo::new(move |_| editor.with(|draft| draft.questions.scenarios.len()));
    let add_topic = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| index = add_topic(draft));
        focus_after_render(format!("author-topic-{index}-title"));
    };
    let add_scenario = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| index = add_scenario(draft));
        focus_after_render(format!("author-scenario-{index}-title"));
    };
    view! {
        <section aria-labelledby="author-topics-heading">
            <h3 id="author-topics-heading">"Topics"</h3>
            <p>"A learner picks topics to practise; each question is in one."</p>
            {move || (0..topics.get()).map(|index| view! { <TopicForm editor=editor index=index problems=problems/> }).collect_view()}
            <button type="button" on:click=add_topic>"Add topic"</button>
        </section>
        <section aria-labelledby="author-scenarios-heading">
            <h3 id="author-scenarios-heading">"Scenarios"</h3>
            <p>"A case shown above each question that names it."</p>
            {move || (0..scenarios.get()).map(|index| view! { <ScenarioForm editor=editor index=index problems=problems/> }).collect_view()}
            <button type="button" on:click=add_scenario>"Add scenario"</button>
        </section>
    }
}

/// Topic `index`: its title and id.
#[component]
fn TopicForm(editor: Editor, index: usize, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let id = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .questions
                .topics
                .get(index)
                .map(|t| t.id.clone())
                .unwrap_or_default()
        })
    });
    let title = editor.text(
        format!("topic-{index}.title"),
        move |draft| draft.questions.topics.get(index).map(|t| t.title.clone()),
        move |draft, value| {
            if let Some(topic) = draft.questions.topics.get_mut(index) {
                topic.title = value;
            }
        },
    );
    let rename = Callback::new(move |wanted: String| {
        editor.rename(|draft| rename_topic(draft, index, &wanted))
    });
    let remove = move |_| {
        editor.edit(None, |draft| {
            if index < draft.questions.topics.len() {
                draft.questions.topics.remove(index);
            }
        })
    };
    view! {
        <fieldset class="author-topic">
            <legend>{move || format!("Topic {}", id.get())}</legend>
            <ItemProblems id=format!("author-topic-{index}-problems") problems=problems_of(problems, "topic", id)/>
            <div class="inline-form">
                <TextField id=format!("author-topic-{index}-title") label="Title" value=title/>
                <RenameField
                    id=format!("author-topic-{index}-id")
                    label="Topic id"
                    hint="Lowercase letters, digits and hyphens; the topic's questions follow a rename."
                    current=id.get_untracked()
                    item=Signal::derive(move || format!("topic {}", id.get()))
                    rename=rename
                />
            </div>
            <button type="button" on:click=remove>{move || format!("Remove topic {}", id.get())}</button>
        </fieldset>
    }
}

/// Scenario `index`: its title, text, source and id.
#[component]
fn ScenarioForm(editor: Editor, index: usize, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let id = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .questions
                .scenarios
                .get(index)
                .map(|s| s.id.clone())
                .unwrap_or_default()
        })
    });
    let text =
        move |name: &str, read: fn(&Scenario) -> String, write: fn(&mut Scenario, String)| {
            editor.text(
                format!("scenario-{index}.{name}"),
                move |draft| draft.questions.scenarios.get(index).map(read),
                move |draft, value| {
                    if let Some(scenario) = draft.questions.scenarios.get_mut(index) {
                        write(scenario, value);
                    }
                },
            )
        };
    let rename = Callback::new(move |wanted: String| {
        editor.rename(|draft| rename_scenario(draft, index, &wanted))
    });
    let remove = move |_| {
        editor.edit(None, |draft| {
            if index < draft.questions.scenarios.len() {
                draft.questions.scenarios.remove(index);
            }
        })
    };
    view! {
        <fieldset class="author-scenario">
            <legend>{move || format!("Scenario {}", id.get())}</legend>
            <ItemProblems id=format!("author-scenario-{index}-problems") problems=problems_of(problems, "scenario", id)/>
            <TextField id=format!("author-scenario-{index}-title") label="Title" value=text("title", |s| s.title.clone(), |s, v| s.title = v)/>
            <TextArea id=format!("author-scenario-{index}-text") label="The case" value=text("text", |s| s.text.clone(), |s, v| s.text = v)/>
            <SourceFields
                id=format!("author-scenario-{index}-source")
                editor=editor
                doc=text("source.doc", |s| source_of(s).doc, |s, v| source_mut(s).doc = v)
                lines=text("source.lines", |s| source_of(s).lines, |s, v| source_mut(s).lines = v)
            />
            <RenameField
                id=format!("author-scenario-{index}-id")
                label="Scenario id"
                hint="Lowercase letters, digits and hyphens; the questions that show it follow a rename."
                current=id.get_untracked()
                item=Signal::derive(move || format!("scenario {}", id.get()))
                rename=rename
            />
            <button type="button" on:click=remove>{move || format!("Remove scenario {}", id.get())}</button>
        </fieldset>
    }
}

/// A scenario's citation; one it lacks is written from empty fields.
fn source_of(scenario: &Scenario) -> SourceRef {
    scenario.source.clone().unwrap_or_else(no_source)
}

fn source_mut(scenario: &mut Scenario) -> &mut SourceRef {
    scenario.source.get_or_insert_with(no_source)
}
