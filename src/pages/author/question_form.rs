//! One question's form: every field of all five kinds, the options with
//! their right answers (or an ordering's order), and the problems the
//! bank's checks find in it, beside it.

use super::editor::{shown, typed, Editor};
use super::problems::ItemProblems;
use super::question_preview::QuestionPreview;
use super::source::{no_source, SourceFields};
use crate::components::form::{
    Binding, Checkbox, ListSelect, NumberField, SelectField, TextArea, TextField,
};
use crate::domain::author::{
    add_choice_to, mark_correct, move_choice, remove_choice, set_question_kind, Direction,
};
use crate::domain::pack::{PackProblem, Place};
use crate::domain::quiz::{Question, QuestionKind};
use crate::domain::source::SourceRef;
use leptos::prelude::*;

/// The form of question `index`.
#[component]
pub(super) fn QuestionForm(
    editor: Editor,
    index: usize,
    problems: Memo<Vec<PackProblem>>,
) -> impl IntoView {
    let question = move |read: fn(&Question) -> String| {
        editor.with(|draft| draft.questions.questions.get(index).map(read))
    };
    let kind = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .questions
                .questions
                .get(index)
                .map_or(QuestionKind::Single, |q| q.kind)
        })
    });
    let id = Memo::new(move |_| question(|q| q.id.clone()).unwrap_or_default());
    let topics = Signal::derive(move || {
        editor.with(|draft| {
            draft
                .questions
                .topics
                .iter()
                .map(|topic| (topic.id.clone(), topic.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let scenarios = Signal::derive(move || {
        editor.with(|draft| {
            std::iter::once((String::new(), "No scenario".to_string()))
                .chain(
                    draft
                        .questions
                        .scenarios
                        .iter()
                        .map(|scenario| (scenario.id.clone(), scenario.title.clone())),
                )
                .collect::<Vec<_>>()
        })
    });
    let text = move |name, read, write| editor.question_text(index, name, read, write);
    let mine = Signal::derive(move || {
        let prefix = format!("question {}:", id.get());
        problems.with(|all| {
            all.iter()
                .filter(|p| p.place == Place::Questions && p.message.starts_with(&prefix))
                .map(|p| p.message[prefix.len()..].trim().to_string())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="author-item">
            <legend>{move || format!("Question {}", id.get())}</legend>
            <ItemProblems id="author-q-problems" problems=mine/>
            <TextField
                id="author-q-id"
                label="Question id"
                hint="Letters, digits, dashes, dots or underscores; learners' progress is kept by it."
                value=text("id", |q| q.id.clone(), |q, v| q.id = v)
            />
            <SelectField
                id="author-q-kind"
                label="Kind"
                value=Binding::new(
                    move || kind.get(),
                    move |new: QuestionKind| editor.edit_question(index, |q| set_question_kind(q, new)),
                )
            />
            <ListSelect
                id="author-q-topic"
                label="Topic"
                options=topics
                value=text("topic", |q| q.topic.clone(), |q, v| q.topic = v)
            />
            <ListSelect
                id="author-q-scenario"
                label="Scenario shown above the prompt"
                options=scenarios
                value=text("scenario", |q| shown(&q.scenario), |q, v| q.scenario = typed(v))
            />
            <TextArea
                id="author-q-prompt"
                label="Prompt"
                value=text("prompt", |q| q.prompt.clone(), |q, v| q.prompt = v)
            />
            {move || match kind.get() {
                QuestionKind::FillIn => view! {
                    <TextArea
                        id="author-q-accepted"
                        label="Accepted answers"
                        hint="One per line; each is matched ignoring case, accents and punctuation."
                        value=text(
                            "accepted",
                            |q| q.accepted.join("\n"),
                            |q, v| q.accepted = if v.is_empty() { Vec::new() } else { v.split('\n').map(str::to_string).collect() },
                        )
                    />
                }
                .into_any(),
                kind => view! { <ChoiceRows editor=editor index=index kind=kind/> }.into_any(),
            }}
            {move || (kind.get() == QuestionKind::PickAny).then(|| view! { <PickCount editor=editor index=index/> })}
            <TextArea
                id="author-q-explanation"
                label="Explanation shown after answering"
                value=text("explanation", |q| q.explanation.clone(), |q, v| q.explanation = v)
            />
            <SourceFields
                id="author-q-source"
                editor=editor
                doc=text("source.doc", |q| source_of(q).doc, |q, v| source_mut(q).doc = v)
                lines=text("source.lines", |q| source_of(q).lines, |q, v| source_mut(q).lines = v)
            />
            <TextField
                id="author-q-link"
                label="Link from the feedback (optional)"
                hint="flow:<flow id>/<step id> or sla:<rule id>, e.g. flow:leadership/transfer."
                value=text("link", |q| shown(&q.link), |q, v| q.link = typed(v))
            />
        </fieldset>
        <QuestionPreview editor=editor index=index/>
    }
}

fn source_of(question: &Question) -> SourceRef {
    question.source.clone().unwrap_or_else(no_source)
}

fn source_mut(question: &mut Question) -> &mut SourceRef {
    question.source.get_or_insert_with(no_source)
}

/// The options of a choice or ordering question, each with its text,
/// whether it is right (or, for ordering, its place) and buttons to move
/// or remove it. Rows are keyed by the option's id, so a moved row keeps
/// keyboard focus.
#[component]
fn ChoiceRows(editor: Editor, index: usize, kind: QuestionKind) -> impl IntoView {
    let ids = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .questions
                .questions
                .get(index)
                .map_or_else(Vec::new, |q| {
                    q.choices.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
                })
        })
    });
    let ordering = kind == QuestionKind::Ordering;
    let legend = if ordering {
        "Items, in the right order (learners see them shuffled)"
    } else {
        "Options; tick the right ones"
    };
    view! {
        <fieldset>
            <legend>{legend}</legend>
            <For each=move || ids.get() key=|id| id.clone() let:choice>
                <ChoiceRow editor=editor index=index choice=choice ordering=ordering/>
            </For>
            <button
                type="button"
                on:click=move |_| editor.edit_question(index, |q| {
                    add_choice_to(q);
                })
            >
                {if ordering { "Add item" } else { "Add option" }}
            </button>
        </fieldset>
    }
}

/// One option of a question.
#[component]
fn ChoiceRow(editor: Editor, index: usize, choice: String, ordering: bool) -> impl IntoView {
    let field_id = format!("author-q-choice-{choice}");
    let position = {
        let choice = choice.clone();
        move || {
            editor.with(|draft| {
                draft
                    .questions
                    .questions
                    .get(index)
                    .and_then(|q| q.choices.iter().position(|c| c.id == choice))
            })
        }
    };
    let place_of = position.clone();
    let label = move || {
        let place = place_of().map_or(0, |p| p + 1);
        if ordering {
            format!("Item {place}")
        } else {
            format!("Option {place}")
        }
    };
    let text = {
        let (read_id, write_id) = (choice.clone(), choice.clone());
        editor.text(
            format!("question-{index}.choice-{choice}"),
            move |draft| {
                let q = draft.questions.questions.get(index)?;
                q.choice(&read_id).map(|c| c.text.clone())
            },
            move |draft, value| {
                if let Some(c) = draft
                    .questions
                    .questions
                    .get_mut(index)
                    .and_then(|q| q.choices.iter_mut().find(|c| c.id == write_id))
                {
                    c.text = value;
                }
            },
        )
    };
    let right = {
        let (read_id, write_id) = (choice.clone(), choice.clone());
        Binding::new(
            move || {
                editor.with(|draft| {
                    draft
                        .questions
                        .questions
                        .get(index)
                        .is_some_and(|q| q.correct.contains(&read_id))
                })
            },
            move |tick: bool| editor.edit_question(index, |q| mark_correct(q, &write_id, tick)),
        )
    };
    let act = move |change: fn(&mut Question, usize)| {
        if let Some(at) = position() {
            editor.edit_question(index, |q| change(q, at));
        }
    };
    let act = std::sync::Arc::new(act);
    let (up, down, remove) = (act.clone(), act.clone(), act);
    view! {
        <div class="author-row">
            <TextField id=field_id.clone() label=label value=text/>
            {(!ordering).then(|| view! {
                <Checkbox id=format!("{field_id}-right") label="Right answer" value=right inline=true/>
            })}
            <button type="button" on:click=move |_| up(|q, at| move_choice(q, at, Direction::Up))>"Move up"</button>
            <button type="button" on:click=move |_| down(|q, at| move_choice(q, at, Direction::Down))>"Move down"</button>
            <button type="button" on:click=move |_| remove(remove_choice)>"Remove"</button>
        </div>
    }
}

/// How many right options a pick-any question asks for.
#[component]
fn PickCount(editor: Editor, index: usize) -> impl IntoView {
    let unreadable = RwSignal::new(false);
    let value = Binding::new(
        move || {
            editor.with(|draft| {
                draft
                    .questions
                    .questions
                    .get(index)
                    .and_then(|q| q.pick)
                    .map_or(1, |pick| u32::try_from(pick).unwrap_or(u32::MAX))
            })
        },
        move |count: u32| editor.edit_question(index, |q| q.pick = Some(count as usize)),
    );
    view! {
        <NumberField
            id="author-q-pick"
            label="How many right options the learner must name"
            value=value
            error=Signal::derive(move || unreadable.get().then(|| "Type a whole number, 1 or more.".to_string()))
            on_unreadable=Callback::new(move |bad| unreadable.set(bad))
        />
    }
}
