//! The escalation flows: pick or add a flow, edit what it says about
//! itself, and pick, add, move or delete its steps; a step's own form is in
//! `step_form`.

use super::editor::{index_binding, Editor};
use super::problems::ItemProblems;
use super::source::SourceFields;
use super::step_form::StepForm;
use crate::components::flow_diagram::{load_diagrams, Drawing};
use crate::components::focus::focus_after_render;
use crate::components::form::{FieldError, ListSelect, SelectField, TextArea, TextField};
use crate::components::pack_notice::try_in_this_tab_and_reload;
use crate::domain::author::{
    add_flow, add_step, draft_problems, move_item, remove_step, Direction,
};
use crate::domain::flow::StepKind;
use crate::domain::pack::{PackProblem, Place};
use crate::domain::text::plural;
use crate::nav::Route;
use crate::store::AppState;
use leptos::prelude::*;

/// The flows section.
#[component]
pub(super) fn FlowsEditor(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let count = Memo::new(move |_| editor.with(|draft| draft.flows.len()));
    let options = Signal::derive(move || {
        editor.with(|draft| {
            draft
                .flows
                .iter()
                .enumerate()
                .map(|(index, flow)| {
                    let title = if flow.title.is_empty() {
                        "(no title yet)"
                    } else {
                        &flow.title
                    };
                    (index.to_string(), format!("{title} ({})", flow.id))
                })
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| {
            add_flow(draft);
            index = draft.flows.len() - 1;
        });
        selected.set(index);
        focus_after_render("author-flow-title");
    };
    let delete = move |_| {
        let index = selected.get_untracked();
        editor.edit(None, |draft| {
            if index < draft.flows.len() {
                draft.flows.remove(index);
            }
        });
        selected.set(index.min(count.get_untracked().saturating_sub(1)));
    };
    let any = move || count.get() != 0;
    view! {
        <section aria-labelledby="author-flows-heading">
            <h2 id="author-flows-heading">"Escalation flows"</h2>
            <button type="button" on:click=add>"Add flow"</button>
            <Show when=any fallback=|| view! { <p>"The pack has no flows yet."</p> }>
                <ListSelect id="author-flow" label="Flow to edit" options=options value=index_binding(selected)/>
                <button type="button" on:click=delete>"Delete this flow"</button>
                {move || {
                    let index = selected.get();
                    view! { <FlowForm editor=editor index=index problems=problems/> }
                }}
            </Show>
        </section>
    }
}

/// What flow `index` says about itself, then its steps.
#[component]
fn FlowForm(editor: Editor, index: usize, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let text = move |name, read, write| editor.flow_text(index, name, read, write);
    let id = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .flows
                .get(index)
                .map(|f| f.id.clone())
                .unwrap_or_default()
        })
    });
    let steps = Signal::derive(move || {
        editor.with(|draft| {
            draft.flows.get(index).map_or_else(Vec::new, |flow| {
                flow.steps
                    .iter()
                    .map(|step| (step.id.clone(), step_label(step)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let own = Signal::derive(move || {
        let flow = id.get();
        problems.with(|all| {
            all.iter()
                .filter(|p| {
                    p.place
                        == Place::Flow {
                            flow: flow.clone(),
                            step: None,
                        }
                })
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="author-item">
            <legend>{move || format!("Flow {}", id.get())}</legend>
            <ItemProblems id="author-flow-problems" problems=own/>
            <TextField
                id="author-flow-id"
                label="Flow id"
                hint="Lowercase letters, digits and hyphens; used in links to its steps."
                value=text("id", |f| f.id.clone(), |f, v| f.id = v)
            />
            <TextField id="author-flow-title" label="Title" value=text("title", |f| f.title.clone(), |f, v| f.title = v)/>
            <TextArea
                id="author-flow-summary"
                label="When to use it"
                value=text("summary", |f| f.summary.clone(), |f, v| f.summary = v)
            />
            <TextField
                id="author-flow-audience"
                label="Who it is for"
                hint="e.g. Tier 2 agents"
                value=text("audience", |f| f.audience.clone(), |f, v| f.audience = v)
            />
            <ListSelect
                id="author-flow-start"
                label="First step"
                options=steps
                value=text("start", |f| f.start.clone(), |f, v| f.start = v)
            />
            <SourceFields
                id="author-flow-source"
                editor=editor
                doc=text("source.doc", |f| f.source.doc.clone(), |f, v| f.source.doc = v)
                lines=text("source.lines", |f| f.source.lines.clone(), |f, v| f.source.lines = v)
            />
            <TryFlow editor=editor index=index/>
            <StepsEditor editor=editor flow=index problems=problems/>
            <DraftDiagram editor=editor index=index/>
        </fieldset>
    }
}

/// The draft's flow `index` drawn as the author edits it: the same diagram
/// agents open from the walker, drawn again whenever its layout or title
/// changes.
#[component]
fn DraftDiagram(editor: Editor, index: usize) -> impl IntoView {
    let diagrams = load_diagrams();
    let drawn = Memo::new(move |_| {
        let diagrams = diagrams.get()?;
        editor.with(|draft| {
            let flow = draft.flows.get(index)?;
            let layout = (diagrams.layout)(&draft.flows, &flow.id).ok()?;
            Some((flow.id.clone(), flow.title.clone(), layout))
        })
    });
    let draw = move |(flow_id, flow_title, layout)| {
        let draw = diagrams.get_untracked()?.draw;
        Some(draw(Drawing {
            flow_id,
            flow_title,
            layout,
            marks: Signal::default(),
            link: None,
        }))
    };
    view! {
        <section aria-labelledby="author-diagram-heading" class="author-diagram">
            <h3 id="author-diagram-heading">"Diagram of this flow"</h3>
            <p class="hint">
                "Redrawn as you edit. Rounded boxes are questions, square boxes actions, pill-shaped boxes outcomes, dashed boxes steps of another flow; a choice whose step does not exist has no arrow."
            </p>
            {move || drawn.get().and_then(draw)}
        </section>
    }
}

/// Walks the draft's flow `index` in the escalation walker, in this tab
/// only: the whole draft is put in use there until the author stops.
#[component]
fn TryFlow(editor: Editor, index: usize) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let try_it = move |_| {
        let draft = editor.with_untracked(Clone::clone);
        let problems = draft_problems(&draft);
        if !problems.is_empty() {
            error.set(Some(format!(
                "Fix the {} listed under Problems first: the whole draft is tried.",
                plural(problems.len() as u64, "problem")
            )));
            return;
        }
        let Some(flow) = draft.flows.get(index) else {
            return;
        };
        let at = Route::Escalation {
            flow: Some(flow.id.clone()),
            step: Some(flow.start.clone()),
        }
        .href();
        expect_context::<AppState>().flush_all();
        let json = serde_json::to_string(&draft).expect("a pack serializes");
        if let Err(why) = try_in_this_tab_and_reload(Some(&json), &at) {
            error.set(Some(why));
        }
    };
    view! {
        <div class="author-try">
            <button type="button" on:click=try_it aria-describedby="author-try-hint">"Try this flow"</button>
            <p class="hint" id="author-try-hint">"Walks the draft as agents will, in this tab only."</p>
            <FieldError id="author-try-error" message=Signal::derive(move || error.get())/>
        </div>
    }
}

/// How the step list names a step.
fn step_label(step: &crate::domain::flow::Step) -> String {
    let title = if step.title.is_empty() {
        "(no title yet)"
    } else {
        &step.title
    };
    format!("{title} ({})", step.id)
}

/// The steps of flow `flow`: pick, add, move or delete one, and its form.
#[component]
fn StepsEditor(editor: Editor, flow: usize, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let count =
        Memo::new(move |_| editor.with(|draft| draft.flows.get(flow).map_or(0, |f| f.steps.len())));
    let options = Signal::derive(move || {
        editor.with(|draft| {
            draft.flows.get(flow).map_or_else(Vec::new, |f| {
                f.steps
                    .iter()
                    .enumerate()
                    .map(|(index, step)| (index.to_string(), step_label(step)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let new_kind = RwSignal::new(StepKind::Action);
    let add = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| {
            if let Some(f) = draft.flows.get_mut(flow) {
                add_step(f, new_kind.get_untracked());
                index = f.steps.len() - 1;
            }
        });
        selected.set(index);
        focus_after_render("author-step-title");
    };
    let shift = move |direction| {
        let index = selected.get_untracked();
        let mut moved = index;
        editor.edit(None, |draft| {
            if let Some(f) = draft.flows.get_mut(flow) {
                moved = move_item(&mut f.steps, index, direction);
            }
        });
        selected.set(moved);
    };
    let delete = move |_| {
        let index = selected.get_untracked();
        editor.edit(None, |draft| {
            if let Some(f) = draft.flows.get_mut(flow) {
                remove_step(f, index);
            }
        });
        selected.set(index.min(count.get_untracked().saturating_sub(1)));
    };
    let any = move || count.get() != 0;
    view! {
        <fieldset>
            <legend>"Steps"</legend>
            <div class="inline-form">
                <SelectField id="author-new-step-kind" label="Kind of new step" value=new_kind/>
                <button type="button" on:click=add>"Add step"</button>
            </div>
            <Show when=any>
                <ListSelect id="author-step" label="Step to edit" options=options value=index_binding(selected)/>
                <div class="button-row" role="group" aria-label="This step">
                    <button type="button" on:click=move |_| shift(Direction::Up)>"Move up"</button>
                    <button type="button" on:click=move |_| shift(Direction::Down)>"Move down"</button>
                    <button type="button" on:click=delete>"Delete step"</button>
                </div>
                {move || {
                    let step = selected.get();
                    view! { <StepForm editor=editor at=(flow, step) problems=problems/> }
                }}
            </Show>
        </fieldset>
    }
}
