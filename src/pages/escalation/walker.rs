//! The walker of one flow: keeps the saved walk and the URL in step, and
//! shows the current step (or the diagram), the answers so far and the case
//! notes.

use super::diagram::Diagram;
use super::notes::CaseNotes;
use super::step::StepView;
use super::{flow_href, focus_after_render, navigate, now, step_href, step_route};
use crate::app::{read_location, replace_hash, CurrentLocation};
use crate::components::notice::{NoticeKind, Notices};
use crate::components::title::set_page_title;
use crate::domain::content;
use crate::domain::flow::{Flow, FlowSet, StepRef, Walk};
use crate::route::Route;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Id of the step heading, focused after each move.
pub(super) const STEP_HEADING: &str = "esc-step-heading";

/// What a URL step means for the saved walk.
#[derive(Debug, Clone, PartialEq)]
enum Resolved {
    /// Show this walk (unchanged, moved along, or opened cold).
    Walk(Walk),
    /// The step belongs to another flow and is not on this walk: open it there.
    Elsewhere(Route),
    /// The URL names no step of any flow.
    UnknownStep(String),
}

/// Works out the walk for the step named in the URL (`None`: the walk's
/// current step, or the start): back to it when it is on the path, forward
/// when it is where a choice of the current step leads (browser Forward), and
/// a walk opened cold there otherwise (a shared link).
fn resolve(
    flows: &FlowSet,
    flow: &Flow,
    saved: Option<Walk>,
    step: Option<&str>,
    now: DateTime<Utc>,
) -> Resolved {
    let Some(step) = step else {
        return match saved {
            Some(walk) => Resolved::Walk(walk),
            None => match Walk::start(flows, &flow.id, now) {
                Ok(walk) => Resolved::Walk(walk),
                Err(_) => Resolved::UnknownStep(flow.start.clone()),
            },
        };
    };
    let target = StepRef::resolve(&flow.id, step);
    if flows.step(&target.flow, &target.step).is_none() {
        return Resolved::UnknownStep(step.to_string());
    }
    if let Some(mut walk) = saved {
        if walk.visits().iter().any(|v| v.step_ref() == target) {
            if walk.jump_to(flows, &target.flow, &target.step, now).is_ok() {
                return Resolved::Walk(walk);
            }
        } else if let Some(choice) = choice_leading_to(flows, &walk, &target) {
            if walk.choose(flows, choice, now).is_ok() {
                return Resolved::Walk(walk);
            }
        }
    }
    if target.flow == flow.id {
        match Walk::open_at(flows, &flow.id, &target.step, now) {
            Ok(walk) => Resolved::Walk(walk),
            Err(_) => Resolved::UnknownStep(step.to_string()),
        }
    } else {
        Resolved::Elsewhere(Route::Escalation {
            flow: Some(target.flow),
            step: Some(target.step),
        })
    }
}

/// The first choice of the walk's current step that leads to `target`.
fn choice_leading_to(flows: &FlowSet, walk: &Walk, target: &StepRef) -> Option<usize> {
    let here = walk.current()?;
    let step = flows.step(&here.flow, &here.step)?;
    step.choices
        .iter()
        .position(|c| StepRef::resolve(&here.flow, &c.to) == *target)
}

/// The saved walk of `flow`, fitted to today's content; problems become notices.
fn saved_walk(state: AppState, notices: Notices, flow: &Flow) -> Option<Walk> {
    let mut walk = state
        .walks
        .with_untracked(|w| w.by_flow.get(&flow.id).cloned())?;
    match walk.repair(content::flows()) {
        Ok(dropped) if dropped.is_empty() => Some(walk),
        Ok(dropped) => {
            notices.push(
                NoticeKind::Warning,
                format!(
                    "The procedure \"{}\" has changed since your walk was saved, so part of it was dropped: {}.",
                    flow.title,
                    dropped.join("; ")
                ),
            );
            Some(walk)
        }
        Err(reason) => {
            notices.push(
                NoticeKind::Warning,
                format!(
                    "Your saved walk through \"{}\" could not be used ({reason}), so it starts again.",
                    flow.title
                ),
            );
            None
        }
    }
}

/// Changes the saved walk of `flow` and saves it; a refused change becomes a notice.
pub(super) fn edit_walk(
    state: AppState,
    notices: Notices,
    flow: &str,
    change: impl FnOnce(&mut Walk) -> Result<(), String>,
) -> Result<(), String> {
    let mut result = Err("there is no walk to change".to_string());
    state.walks.update(|w| {
        if let Some(walk) = w.by_flow.get_mut(flow) {
            result = change(walk);
        }
    });
    if let Err(reason) = &result {
        notices.push(NoticeKind::Error, format!("That did not work: {reason}."));
    }
    result
}

/// After a choice, Back, Restart or a changed answer: puts the walk's current
/// step in the URL (a history entry, so the browser's Back returns) and moves
/// focus to the new step.
pub(super) fn show_current(state: AppState, flow: &str) {
    let target = state.walks.with_untracked(|w| {
        w.by_flow
            .get(flow)
            .and_then(|w| w.current().map(|v| v.step_ref()))
    });
    if let Some(target) = target {
        let diagram = read_location().param("view") == Some("diagram");
        let route = step_route(flow, &target);
        let href = if diagram {
            route.href_with(&[("view", "diagram".to_string())])
        } else {
            route.href()
        };
        navigate(&href);
    }
    focus_after_render(STEP_HEADING);
}

/// One flow: the current step or the diagram, the answers so far, and the case notes.
#[component]
pub fn Walker(
    /// The flow named in the URL.
    flow: &'static Flow,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let location = expect_context::<CurrentLocation>().0;
    let flows = content::flows();
    let missing_step = RwSignal::new(None::<String>);

    // The step segment of the URL while it names this flow.
    let url_step = Memo::new(move |_| {
        location.with(|l| match &l.route {
            Route::Escalation {
                flow: Some(id),
                step,
            } if *id == flow.id => Some(step.clone()),
            _ => None,
        })
    });
    let diagram = Memo::new(move |_| location.with(|l| l.param("view") == Some("diagram")));

    let sync = move |step: Option<String>| {
        let saved = saved_walk(state, notices, flow);
        match resolve(flows, flow, saved, step.as_deref(), now()) {
            Resolved::Walk(walk) => {
                missing_step.set(None);
                let changed = state
                    .walks
                    .with_untracked(|w| w.by_flow.get(&flow.id) != Some(&walk));
                if changed {
                    state.walks.update(|w| {
                        w.by_flow.insert(flow.id.clone(), walk);
                    });
                }
            }
            Resolved::UnknownStep(step) => missing_step.set(Some(step)),
            Resolved::Elsewhere(route) => queue_microtask(move || {
                let href = match read_location().param("view") {
                    Some(view) => route.href_with(&[("view", view.to_string())]),
                    None => route.href(),
                };
                replace_hash(&href);
                location.set(read_location());
            }),
        }
    };
    sync(url_step.get_untracked().flatten());
    Effect::new(move |previous: Option<()>| {
        let step = url_step.get();
        if previous.is_some() {
            if let Some(step) = step {
                sync(step);
                focus_after_render(STEP_HEADING);
            }
        }
    });

    let walk = Memo::new(move |_| state.walks.with(|w| w.by_flow.get(&flow.id).cloned()));
    // The visit on screen: changes only when the walk moves, not while typing.
    let current = Memo::new(move |_| {
        walk.with(|w| {
            let walk = w.as_ref()?;
            let visit = walk.current()?;
            Some((walk.visits().len() - 1, visit.step_ref()))
        })
    });

    Effect::new(move |_| {
        let step_title = current
            .get()
            .and_then(|(_, at)| flows.step(&at.flow, &at.step))
            .map(|s| s.title.clone());
        match step_title {
            Some(title) if missing_step.with(Option::is_none) => {
                set_page_title(&format!("{title} · {}", flow.title));
            }
            _ => set_page_title(&flow.title),
        }
    });

    let toggle = move || {
        let route = location.with(|l| l.route.clone());
        if diagram.get() {
            view! { <a href=route.href() class="esc-view-toggle">"Show steps"</a> }
        } else {
            let href = route.href_with(&[("view", "diagram".to_string())]);
            view! { <a href=href class="esc-view-toggle">"Show diagram"</a> }
        }
    };

    let body = move || {
        if let Some(step) = missing_step.get() {
            return view! { <UnknownStep flow=flow step=step/> }.into_any();
        }
        if diagram.get() {
            return view! { <Diagram flow=flow walk=walk/> }.into_any();
        }
        match current.get() {
            Some((index, at)) => {
                view! { <StepView flow=flow walk=walk index=index at=at/> }.into_any()
            }
            None => view! { <p>"Opening the flow…"</p> }.into_any(),
        }
    };

    view! {
        <div class="esc-walker">
            <p class="esc-back-to-list"><a href="#/escalation">"All flows"</a></p>
            <h1>{flow.title.clone()}</h1>
            <p class="esc-toolbar">{toggle}</p>
            {body}
            <Show when=move || missing_step.with(Option::is_none)>
                <Breadcrumb flow=flow walk=walk/>
                <CaseNotes flow=flow walk=walk/>
            </Show>
        </div>
    }
}

/// Says that the URL names no step of this flow and offers ways on.
#[component]
fn UnknownStep(
    /// The flow named in the URL.
    flow: &'static Flow,
    /// The step id from the URL.
    step: String,
) -> impl IntoView {
    let start = step_href(
        &flow.id,
        &StepRef {
            flow: flow.id.clone(),
            step: flow.start.clone(),
        },
    );
    view! {
        <h2 id=STEP_HEADING tabindex="-1">"Step not found"</h2>
        <p role="alert">
            "This flow has no step called " <code>{step}</code>
            ". The link may be old or mistyped, or the procedure may have changed."
        </p>
        <ul>
            <li><a href=flow_href(&flow.id)>"Continue your walk through this flow"</a></li>
            <li><a href=start>"Go to the start of this flow"</a></li>
            <li><a href="#/escalation">"Go to the list of flows"</a></li>
        </ul>
    }
}

/// The answers given so far, in order; any of them can be changed.
#[component]
fn Breadcrumb(
    /// The flow the walk started in.
    flow: &'static Flow,
    /// The walk shown.
    walk: Memo<Option<Walk>>,
) -> impl IntoView {
    // (visit index, step, answer label) of each answered visit; not rebuilt while typing.
    let answered = Memo::new(move |_| {
        walk.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.visits()
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| {
                            v.answer
                                .as_ref()
                                .map(|a| (i, v.step_ref(), a.label.clone()))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(None::<usize>);
    view! {
        <section class="esc-breadcrumb" aria-labelledby="esc-answers-heading">
            <h2 id="esc-answers-heading">"Your answers so far"</h2>
            <Show
                when=move || answered.with(|a| !a.is_empty())
                fallback=|| view! { <p class="hint">"No answers yet: your choices will be listed here, and you can change any of them."</p> }
            >
                <ol>
                    {move || {
                        answered
                            .get()
                            .into_iter()
                            .map(|(index, at, label)| {
                                view! { <AnswerEntry flow=flow index=index at=at label=label editing=editing/> }
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </section>
    }
}

/// One answered step of the breadcrumb, with a Change control that offers
/// that step's choices again.
#[component]
fn AnswerEntry(
    /// The flow the walk started in.
    flow: &'static Flow,
    /// The visit's position in the walk.
    index: usize,
    /// The step answered.
    at: StepRef,
    /// The answer given.
    label: String,
    /// Which entry shows its choices, if any.
    editing: RwSignal<Option<usize>>,
) -> impl IntoView {
    let step = content::flows().step(&at.flow, &at.step);
    let title = step.map_or(at.step.clone(), |s| s.title.clone());
    let choices = step.map(|s| s.choices.clone()).unwrap_or_default();
    let href = step_href(&flow.id, &at);
    let open = move || editing.get() == Some(index);
    let group_id = format!("esc-change-{index}");
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let change = move |choice: usize| {
        editing.set(None);
        let changed = edit_walk(state, notices, &flow.id, |w| {
            w.change_answer(content::flows(), index, choice, now())
        });
        if changed.is_ok() {
            show_current(state, &flow.id);
        }
    };
    let taken = label.clone();
    view! {
        <li>
            <a href=href>{title.clone()}</a>
            <span class="esc-answer">" Answer: " <strong>{label}</strong></span>
            " "
            <button
                type="button"
                class="secondary esc-change"
                aria-expanded=move || if open() { "true" } else { "false" }
                aria-controls=group_id.clone()
                on:click=move |_| editing.set(if open() { None } else { Some(index) })
            >
                "Change"
                <span class="esc-visually-hidden">{format!(" the answer to \u{201c}{title}\u{201d}")}</span>
            </button>
            <div id=group_id class="esc-change-choices" hidden=move || !open()>
                <p>"Choose a different answer; the steps after this one are dropped."</p>
                <div class="button-row">
                    {choices
                        .into_iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let current = choice.label == taken;
                            view! {
                                <button
                                    type="button"
                                    class:secondary=current
                                    aria-pressed=if current { "true" } else { "false" }
                                    on:click=move |_| change(i)
                                >
                                    {choice.label.clone()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        </li>
    }
}
