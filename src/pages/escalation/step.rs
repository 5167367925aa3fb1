//! One step of a walk on screen: its text, warning and sources, the choices,
//! Back and Restart, and what the agent records there (ticks, a note, the
//! fields of a template), each saved into the walk as it changes.

use super::timer::Countdown;
use super::walker::{edit_walk, show_current, EditRefused, STEP_HEADING};
use super::{now, step_route};
use crate::components::copy_button::CopyButton;
use crate::components::form::{Binding, Checkbox, TextArea, TextField};
use crate::components::notice::Notices;
use crate::components::source::{PackNote, Sources};
use crate::domain::content;
use crate::domain::flow::{
    template_placeholders, Flow, Step, StepKind, StepRef, Visit, Walk, WalkError,
};
use crate::nav::came_from;
use crate::store::AppState;
use leptos::prelude::*;

/// The current step of the walk.
#[component]
pub fn StepView(
    /// The flow the walk started in.
    flow: &'static Flow,
    /// The walk.
    walk: Memo<Option<Walk>>,
    /// The position of the current visit in the walk.
    index: usize,
    /// The step shown.
    at: StepRef,
) -> impl IntoView {
    let Some(step) = content::flows().step(&at.flow, &at.step) else {
        return view! { <p role="alert">"This step no longer exists."</p> }.into_any();
    };
    let other_flow = (at.flow != flow.id)
        .then(|| content::flows().flow(&at.flow))
        .flatten()
        .map(|f| f.title.clone());
    let visit = VisitOnScreen {
        flow,
        step,
        walk,
        index,
        state: expect_context::<AppState>(),
        notices: expect_context::<Notices>(),
    };
    let kind = match step.kind {
        StepKind::Question => "Question",
        StepKind::Action => "Action",
        StepKind::Outcome => "Outcome",
    };
    view! {
        <section class="esc-step" aria-labelledby=STEP_HEADING data-step=at.to_string()>
            <p class="esc-step-meta">
                {format!("Step {} · {kind}", index + 1)}
                {other_flow.map(|title| format!(" · from \u{201c}{title}\u{201d}"))}
            </p>
            <h2 id=STEP_HEADING tabindex="-1">{step.title.clone()}</h2>
            {step.body.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            {step.warning.clone().map(|w| view! {
                <div class="esc-warning" role="note">
                    <p><strong>"Warning: "</strong>{w}</p>
                </div>
            })}
            {step.outcome.clone().map(|o| view! {
                <div class="esc-outcome">
                    <p><strong>"Outcome: "</strong>{o}</p>
                    <p class="hint">"The walk ends here. Copy or download the case notes below."</p>
                </div>
            })}
            <Sources sources=step.sources().cloned().collect()/>
            <PackNote/>
            {step.wait_seconds.map(|seconds| view! { <Countdown seconds=seconds/> })}
            {(!step.checklist.is_empty()).then(|| view! { <Checklist visit=visit/> })}
            {step.template.clone().map(|t| view! { <TemplateFields visit=visit template=t/> })}
            <NoteField visit=visit/>
            <Choices flow=flow step=step index=index/>
        </section>
    }
    .into_any()
}

/// The visit on screen and where its changes go: what every input that
/// records into the walk (ticks, note, template fields) needs.
#[derive(Clone, Copy)]
struct VisitOnScreen {
    /// The flow the walk started in.
    flow: &'static Flow,
    /// The step shown.
    step: &'static Step,
    /// The walk.
    walk: Memo<Option<Walk>>,
    /// The position of the visit in the walk.
    index: usize,
    /// Where the walk is saved.
    state: AppState,
    /// Where a refused change is reported.
    notices: Notices,
}

impl VisitOnScreen {
    /// Reads the visit (tracked), `None` when the walk or the visit is gone;
    /// what the inputs show comes from there.
    fn read<R>(self, read: impl FnOnce(&Visit) -> R) -> Option<R> {
        self.walk
            .with(|w| w.as_ref()?.visits().get(self.index).map(read))
    }

    /// Saves a change of the walk; a refused one becomes a notice.
    fn edit(self, change: impl FnOnce(&mut Walk) -> Result<(), WalkError>) {
        let _ = edit_walk(self.state, self.notices, &self.flow.id, |w| Ok(change(w)?));
    }
}

/// The choices as buttons, then Back and Restart.
#[component]
fn Choices(
    /// The flow the walk started in.
    flow: &'static Flow,
    /// The step shown.
    step: &'static Step,
    /// The position of the current visit in the walk.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let confirming = RwSignal::new(false);
    let choose = move |choice: usize| {
        let chosen = edit_walk(state, notices, &flow.id, |w| {
            Ok(w.choose(content::flows(), choice, now())?)
        });
        if chosen.is_ok() {
            show_current(state, &flow.id);
        }
    };
    let back = move |_| {
        // When the previous step is where the browser's history came from, go back
        // through the history, so the browser's own Back and Forward stay in step.
        let previous = state.walks().with_untracked(|w| {
            let visits = w.by_flow.get(&flow.id)?.visits();
            Some(step_route(
                &flow.id,
                &visits.get(visits.len().checked_sub(2)?)?.step_ref(),
            ))
        });
        if previous.is_some() && previous == came_from() {
            if let Ok(history) = window().history() {
                if history.back().is_ok() {
                    return;
                }
            }
        }
        let moved = edit_walk(state, notices, &flow.id, |w| {
            if w.back() {
                Ok(())
            } else {
                Err(EditRefused::FirstStep)
            }
        });
        if moved.is_ok() {
            show_current(state, &flow.id);
        }
    };
    let restart = move |_| {
        confirming.set(false);
        let restarted = edit_walk(state, notices, &flow.id, |w| {
            Ok(w.restart(content::flows(), now())?)
        });
        if restarted.is_ok() {
            show_current(state, &flow.id);
        }
    };
    let ask_restart = move |_| {
        let has_data = state.walks().with_untracked(|w| {
            w.by_flow.get(&flow.id).is_some_and(|w| {
                w.visits().len() > 1
                    || w.visits()
                        .iter()
                        .any(|v| !v.note.is_empty() || !v.ticked.is_empty() || !v.fields.is_empty())
            })
        });
        if has_data {
            confirming.set(true);
        } else {
            restart(());
        }
    };
    view! {
        {(!step.choices.is_empty()).then(|| view! {
            <div class="esc-choices" role="group" aria-labelledby=STEP_HEADING>
                {step
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, choice)| view! {
                        <button type="button" class="esc-choice" on:click=move |_| choose(i)>
                            {choice.label.clone()}
                        </button>
                    })
                    .collect_view()}
            </div>
        })}
        <div class="button-row esc-walk-controls">
            <button type="button" class="secondary" disabled=index == 0 on:click=back>
                "Back"
            </button>
            <button type="button" class="secondary" on:click=move |_| ask_restart(())>
                "Restart"
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="esc-confirm" role="group" aria-labelledby="esc-restart-question">
                <p id="esc-restart-question">
                    "Restart this flow? Your answers, ticks and notes for it will be cleared."
                </p>
                <div class="button-row">
                    <button type="button" class="danger" on:click=move |_| restart(())>"Yes, restart"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}

/// The step's checklist as labelled tick boxes, saved into the walk.
#[component]
fn Checklist(
    /// The visit whose ticks these are.
    visit: VisitOnScreen,
) -> impl IntoView {
    let total = visit.step.checklist.len();
    let done = move || visit.read(|v| v.ticked.len()).unwrap_or(0);
    view! {
        <fieldset class="esc-checklist">
            <legend>"Checklist"</legend>
            <p class="hint">{move || format!("{} of {total} done", done())}</p>
            <ul>
                {visit
                    .step
                    .checklist
                    .iter()
                    .map(|item| {
                        let id = format!("esc-item-{}", item.id);
                        let item_id = item.id.as_str();
                        let ticked = move || {
                            visit.read(|v| v.ticked.iter().any(|t| t == item_id)).unwrap_or(false)
                        };
                        let toggle = move |_: bool| {
                            visit.edit(|w| w.toggle_item(content::flows(), visit.index, item_id).map(drop));
                        };
                        view! {
                            <li>
                                <Checkbox id=id label=item.text.clone() value=Binding::new(ticked, toggle) inline=true/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// A free-text note for the step, saved into the walk as the agent types.
#[component]
fn NoteField(
    /// The visit the note belongs to.
    visit: VisitOnScreen,
) -> impl IntoView {
    let label = visit
        .step
        .note_prompt
        .clone()
        .unwrap_or_else(|| "Notes for this step (optional)".to_string());
    let value = move || visit.read(|v| v.note.clone()).unwrap_or_default();
    let typed = move |text: String| visit.edit(|w| w.set_note(visit.index, &text));
    view! {
        <TextArea
            id="esc-note"
            label=label
            hint="Saved as you type and added to the case notes."
            value=Binding::new(value, typed)
        />
    }
}

/// A fill-in text: a field per placeholder and the filled text with Copy.
#[component]
fn TemplateFields(
    /// The visit whose fields these are; its step names them.
    visit: VisitOnScreen,
    /// The template text with `{placeholder}` fields.
    template: String,
) -> impl IntoView {
    let VisitOnScreen {
        step, walk, index, ..
    } = visit;
    let placeholders = template_placeholders(&template);
    let filled = Memo::new(move |_| {
        walk.with(|w| {
            w.as_ref()
                .and_then(|w| w.filled_template(content::flows(), index))
                .unwrap_or_default()
        })
    });
    let rows = (filled.get_untracked().len() / 60 + filled.get_untracked().lines().count())
        .clamp(2, 14) as u32;
    let has_fields = !placeholders.is_empty();
    view! {
        <section class="esc-template" aria-labelledby="esc-template-heading">
            <h3 id="esc-template-heading">"What to say or send"</h3>
            {has_fields.then(|| view! {
                <p class="hint">"Fill in the blanks; anything left empty stays in {braces} so the gap shows."</p>
            })}
            {placeholders
                .into_iter()
                .map(|name| {
                    let id = format!("esc-field-{name}");
                    let label = step.field_label(&name);
                    let hint = step.field_hint(&name).map(str::to_string);
                    let key = name.clone();
                    let value =
                        move || visit.read(|v| v.fields.get(&key).cloned()).flatten().unwrap_or_default();
                    let typed = move |text: String| {
                        visit.edit(|w| w.set_field(content::flows(), index, &name, &text));
                    };
                    match hint {
                        Some(hint) => view! { <TextField id=id label=label hint=hint value=Binding::new(value, typed)/> }.into_any(),
                        None => view! { <TextField id=id label=label value=Binding::new(value, typed)/> }.into_any(),
                    }
                })
                .collect_view()}
            <TextArea
                id="esc-template-text"
                label=if has_fields { "The filled-in text" } else { "The text" }
                rows=rows
                readonly=true
                value=Binding::new(move || filled.get(), |_| {})
            />
            <div class="button-row">
                <CopyButton text=filled label="Copy the text"/>
            </div>
        </section>
    }
}
