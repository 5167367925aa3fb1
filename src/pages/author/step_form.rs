//! One step's form: what the agent sees (title, body, warning, checklist,
//! timer, template, note prompt, outcome), where it comes from, and its
//! choices, each leading to a step picked from the flow or made in place.

use super::editor::{shown, typed, Editor};
use super::problems::ItemProblems;
use super::rename::RenameField;
use super::source::SourceFields;
use crate::components::form::{Binding, ListSelect, SelectField, TextArea, TextField};
use crate::domain::author::{add_choice_to_new_step, rename_step, unique_id};
use crate::domain::flow::{ChecklistItem, Choice, Step, StepKind};
use crate::domain::pack::{PackProblem, Place};
use leptos::prelude::*;

/// The form of step `at` (flow index, step index).
#[component]
pub(super) fn StepForm(
    editor: Editor,
    at: (usize, usize),
    problems: Memo<Vec<PackProblem>>,
) -> impl IntoView {
    let (flow, step) = at;
    let text = move |name, read, write| editor.step_text(at, name, read, write);
    let read_step = move |read: fn(&Step) -> String| {
        editor.with(|draft| draft.flows.get(flow)?.steps.get(step).map(read))
    };
    let id = Memo::new(move |_| read_step(|s| s.id.clone()).unwrap_or_default());
    let kind = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .flows
                .get(flow)
                .and_then(|f| f.steps.get(step))
                .map_or(StepKind::Action, |s| s.kind)
        })
    });
    let mine = Signal::derive(move || {
        let (flow_id, step_id) = editor.with(|draft| {
            draft.flows.get(flow).map_or_else(Default::default, |f| {
                (f.id.clone(), f.steps.get(step).map(|s| s.id.clone()))
            })
        });
        problems.with(|all| {
            all.iter()
                .filter(|p| {
                    p.place
                        == Place::Flow {
                            flow: flow_id.clone(),
                            step: step_id.clone(),
                        }
                })
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
        })
    });
    let wait_error = RwSignal::new(None::<String>);
    let wait = Binding::new(
        move || {
            read_step(|s| s.wait_seconds.map(|n| n.to_string()).unwrap_or_default())
                .unwrap_or_default()
        },
        move |typed_text: String| {
            let trimmed = typed_text.trim();
            if trimmed.is_empty() {
                wait_error.set(None);
                editor.edit_step(at, |s| s.wait_seconds = None);
            } else if let Ok(seconds) = trimmed.parse::<u32>() {
                wait_error.set(None);
                editor.edit(Some(&format!("step-{flow}-{step}.wait")), |draft| {
                    if let Some(s) = draft
                        .flows
                        .get_mut(flow)
                        .and_then(|f| f.steps.get_mut(step))
                    {
                        s.wait_seconds = Some(seconds);
                    }
                });
            } else {
                wait_error.set(Some(
                    "Type a whole number of seconds, e.g. 120, or leave it empty for no timer."
                        .into(),
                ));
            }
        },
    );
    view! {
        <fieldset class="author-item">
            <legend>{move || format!("Step {}", id.get())}</legend>
            <ItemProblems id="author-step-problems" problems=mine/>
            <StepId editor=editor at=at/>
            <SelectField
                id="author-step-kind"
                label="Kind"
                value=Binding::new(move || kind.get(), move |new: StepKind| editor.edit_step(at, |s| s.kind = new))
            />
            <TextField id="author-step-title" label="Title" value=text("title", |s| s.title.clone(), |s, v| s.title = v)/>
            <TextArea
                id="author-step-body"
                label="What the agent reads"
                hint="Paragraphs separated by an empty line."
                rows=5
                value=text(
                    "body",
                    |s| s.body.join("\n\n"),
                    |s, v| s.body = if v.is_empty() { Vec::new() } else { v.split("\n\n").map(str::to_string).collect() },
                )
            />
            <TextField
                id="author-step-warning"
                label="Warning (optional)"
                value=text("warning", |s| shown(&s.warning), |s, v| s.warning = typed(v))
            />
            <TextField
                id="author-step-wait"
                label="Transfer timer in seconds (optional)"
                hint="Shows a countdown, e.g. 120 for a two-minute warm transfer."
                inputmode="numeric"
                class="narrow"
                value=wait
                error=Signal::derive(move || wait_error.get())
            />
            <TextArea
                id="author-step-template"
                label="Template to fill in (optional)"
                hint="Text the agent copies, with {placeholders} in braces that become fields, e.g. {customer_name}."
                value=text("template", |s| shown(&s.template), |s, v| s.template = typed(v))
            />
            <TextField
                id="author-step-note"
                label="Note prompt (optional)"
                hint="Shows a note field with this question, e.g. What did the homeowner ask for?"
                value=text("note", |s| shown(&s.note_prompt), |s, v| s.note_prompt = typed(v))
            />
            {move || (kind.get() == StepKind::Outcome).then(|| view! {
                <TextField
                    id="author-step-outcome"
                    label="Outcome written into the case notes"
                    value=text("outcome", |s| shown(&s.outcome), |s, v| s.outcome = typed(v))
                />
            })}
            <SourceFields
                id="author-step-source"
                editor=editor
                doc=text("source.doc", |s| s.source.doc.clone(), |s, v| s.source.doc = v)
                lines=text("source.lines", |s| s.source.lines.clone(), |s, v| s.source.lines = v)
            />
            <Checklist editor=editor at=at/>
            {move || (kind.get() != StepKind::Outcome).then(|| view! { <Choices editor=editor at=at/> })}
        </fieldset>
    }
}

/// The step's id, renamed with a button so links inside the flow follow
/// it in one edit instead of at every key.
#[component]
fn StepId(editor: Editor, at: (usize, usize)) -> impl IntoView {
    let (flow, step) = at;
    let current = editor.with_untracked(|draft| {
        draft
            .flows
            .get(flow)
            .and_then(|f| f.steps.get(step))
            .map(|s| s.id.clone())
            .unwrap_or_default()
    });
    let rename = Callback::new(move |wanted: String| {
        editor.rename(|draft| {
            draft
                .flows
                .get_mut(flow)
                .map_or(Ok(()), |f| rename_step(f, step, &wanted))
        })
    });
    view! {
        <RenameField
            id="author-step-id"
            label="Step id"
            hint="Lowercase letters, digits and hyphens; choices and links name the step by it."
            current=current
            rename=rename
        />
    }
}

/// The step's choices, each a button label and the step it leads to.
#[component]
fn Choices(editor: Editor, at: (usize, usize)) -> impl IntoView {
    let (flow, step) = at;
    let count = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .flows
                .get(flow)
                .and_then(|f| f.steps.get(step))
                .map_or(0, |s| s.choices.len())
        })
    });
    let new_kind = RwSignal::new(StepKind::Action);
    let add_to_existing = move |_| {
        editor.edit(None, |draft| {
            if let Some(f) = draft.flows.get_mut(flow) {
                let own = f.steps.get(step).map(|s| s.id.clone());
                let to = f
                    .steps
                    .iter()
                    .map(|s| s.id.clone())
                    .find(|id| Some(id) != own.as_ref())
                    .unwrap_or_default();
                if let Some(s) = f.steps.get_mut(step) {
                    s.choices.push(Choice {
                        label: String::new(),
                        to,
                    });
                }
            }
        });
    };
    let add_to_new = move |_| {
        editor.edit(None, |draft| {
            if let Some(f) = draft.flows.get_mut(flow) {
                add_choice_to_new_step(f, step, new_kind.get_untracked());
            }
        });
    };
    view! {
        <fieldset>
            <legend>"Choices: the buttons that lead on"</legend>
            {move || (0..count.get()).map(|choice| view! { <ChoiceRow editor=editor at=at choice=choice/> }).collect_view()}
            <button type="button" on:click=add_to_existing>"Add choice to a step of this flow"</button>
            <div class="inline-form">
                <SelectField id="author-choice-new-kind" label="Kind of the new step" value=new_kind/>
                <button type="button" on:click=add_to_new>"Add choice to a new step"</button>
            </div>
        </fieldset>
    }
}

/// One choice of a step.
#[component]
fn ChoiceRow(editor: Editor, at: (usize, usize), choice: usize) -> impl IntoView {
    let (flow, step) = at;
    let field = |name: &str, read: fn(&Choice) -> String, write: fn(&mut Choice, String)| {
        editor.text(
            format!("step-{flow}-{step}.choice-{choice}.{name}"),
            move |draft| {
                let step = draft.flows.get(flow)?.steps.get(step)?;
                step.choices.get(choice).map(read)
            },
            move |draft, value| {
                if let Some(c) = choice_mut(draft, at, choice) {
                    write(c, value);
                }
            },
        )
    };
    let label = field("label", |c| c.label.clone(), |c, v| c.label = v);
    let target = field("to", |c| c.to.clone(), |c, v| c.to = v);
    let targets = Signal::derive(move || {
        let mut options: Vec<(String, String)> = editor.with(|draft| {
            draft.flows.get(flow).map_or_else(Vec::new, |f| {
                f.steps
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| *index != step)
                    .map(|(_, s)| {
                        (
                            s.id.clone(),
                            format!(
                                "{} ({})",
                                if s.title.is_empty() {
                                    "(no title yet)"
                                } else {
                                    &s.title
                                },
                                s.id
                            ),
                        )
                    })
                    .collect()
            })
        });
        let current = target.get();
        if !options.iter().any(|(id, _)| *id == current) {
            let words = match current.split_once('/') {
                Some((other, step)) => format!("Step {step} of the flow {other}"),
                None => format!("{current} (not a step of this flow)"),
            };
            options.insert(0, (current.clone(), words));
        }
        options
    });
    let remove = move |_| {
        editor.edit_step(at, |s| {
            if choice < s.choices.len() {
                s.choices.remove(choice);
            }
        })
    };
    view! {
        <div class="author-row">
            <TextField id=format!("author-choice-{choice}-label") label=format!("Choice {} button", choice + 1) value=label/>
            <ListSelect id=format!("author-choice-{choice}-to") label="Leads to" options=targets value=target/>
            <button type="button" on:click=remove>"Remove choice"</button>
        </div>
    }
}

fn choice_mut(
    draft: &mut crate::domain::pack::PackFile,
    (flow, step): (usize, usize),
    choice: usize,
) -> Option<&mut Choice> {
    draft
        .flows
        .get_mut(flow)?
        .steps
        .get_mut(step)?
        .choices
        .get_mut(choice)
}

/// Things to tick off at the step.
#[component]
fn Checklist(editor: Editor, at: (usize, usize)) -> impl IntoView {
    let (flow, step) = at;
    let count = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .flows
                .get(flow)
                .and_then(|f| f.steps.get(step))
                .map_or(0, |s| s.checklist.len())
        })
    });
    let add = move |_| {
        editor.edit_step(at, |s| {
            let id = unique_id("item", s.checklist.iter().map(|item| item.id.as_str()));
            let source = s.source.clone();
            s.checklist.push(ChecklistItem {
                id,
                text: String::new(),
                source,
            });
        })
    };
    view! {
        <fieldset>
            <legend>"Checklist (optional)"</legend>
            {move || (0..count.get()).map(|item| {
                let text = editor.text(
                    format!("step-{flow}-{step}.check-{item}"),
                    move |draft| Some(draft.flows.get(flow)?.steps.get(step)?.checklist.get(item)?.text.clone()),
                    move |draft, value| {
                        if let Some(entry) = draft.flows.get_mut(flow).and_then(|f| f.steps.get_mut(step)).and_then(|s| s.checklist.get_mut(item)) {
                            entry.text = value;
                        }
                    },
                );
                let remove = move |_| editor.edit_step(at, |s| {
                    if item < s.checklist.len() {
                        s.checklist.remove(item);
                    }
                });
                view! {
                    <div class="author-row">
                        <TextField id=format!("author-check-{item}") label=format!("Item {}", item + 1) value=text/>
                        <button type="button" on:click=remove>"Remove item"</button>
                    </div>
                }
            }).collect_view()}
            <button type="button" on:click=add>"Add checklist item"</button>
        </fieldset>
    }
}
