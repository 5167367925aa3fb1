//! The walker of one flow: keeps the saved walk and the URL in step, and
//! shows the current step (or the diagram), the answers so far and the case
//! notes.

use super::diagram::Diagram;
use super::notes::CaseNotes;
use super::step::StepView;
use super::{flow_href, now, step_href, step_route};
use crate::components::focus::focus_after_render;
use crate::components::notice::{NoticeKind, Notices};
use crate::components::title::set_page_title;
use crate::domain::content;
use crate::domain::flow::{follow_link, Flow, FollowedLink, StepRef, Walk, WalkError};
use crate::nav::navigate;
use crate::nav::Route;
use crate::nav::{read_location, replace_hash, CurrentLocation};
use crate::store::AppState;
use leptos::prelude::*;

/// Id of the step heading, focused after each move.
pub(super) const STEP_HEADING: &str = "esc-step-heading";

/// The saved walk of `flow`, fitted to today's content; problems become notices.
fn saved_walk(state: AppState, notices: Notices, flow: &Flow) -> Option<Walk> {
    let mut walk = state
        .walks()
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

/// Why a change to a saved walk was not made, in the words of the notice
/// that says so.
#[derive(Debug)]
pub(super) enum EditRefused {
    /// The flow has no saved walk (another tab reset it, say).
    NoWalk,
    /// Back on the walk's first step.
    FirstStep,
    /// The walk refused the change.
    Walk(WalkError),
}

impl From<WalkError> for EditRefused {
    fn from(error: WalkError) -> Self {
        EditRefused::Walk(error)
    }
}

impl std::fmt::Display for EditRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditRefused::NoWalk => f.write_str("there is no walk to change"),
            EditRefused::FirstStep => f.write_str("this is the first step"),
            EditRefused::Walk(error) => error.fmt(f),
        }
    }
}

/// Changes the saved walk of `flow` and saves it; a refused change becomes a notice.
pub(super) fn edit_walk(
    state: AppState,
    notices: Notices,
    flow: &str,
    change: impl FnOnce(&mut Walk) -> Result<(), EditRefused>,
) -> Result<(), EditRefused> {
    let mut result = Err(EditRefused::NoWalk);
    state.walks().update(|w| {
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
    let target = state.walks().with_untracked(|w| {
        w.by_flow
            .get(flow)
            .and_then(|w| w.current().map(|v| v.step_ref()))
    });
    if let Some(target) = target {
        navigate(&href_in_current_view(&step_route(flow, &target)));
    }
    focus_after_render(STEP_HEADING);
}

/// The link to `route` in the view on screen now: the step, or the diagram.
fn href_in_current_view(route: &Route) -> String {
    if read_location().param("view") == Some("diagram") {
        route.href_with(&[("view", "diagram".to_string())])
    } else {
        route.href()
    }
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
    // A linked step off the walk in progress, waiting for the agent's decision.
    let asking = RwSignal::new(None::<StepRef>);

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

    let store = move |walk: Walk| {
        let changed = state
            .walks()
            .with_untracked(|w| w.by_flow.get(&flow.id) != Some(&walk));
        if changed {
            state.walks().update(|w| {
                w.by_flow.insert(flow.id.clone(), walk);
            });
        }
    };
    let sync = move |step: Option<String>| {
        let saved = saved_walk(state, notices, flow);
        match follow_link(flows, &flow.id, saved, step.as_deref(), now()) {
            FollowedLink::Walk(walk) => {
                missing_step.set(None);
                asking.set(None);
                store(walk);
            }
            FollowedLink::AskFirst { saved, step } => {
                missing_step.set(None);
                store(saved);
                asking.set(Some(step));
            }
            FollowedLink::UnknownStep(step) => {
                asking.set(None);
                missing_step.set(Some(step));
            }
            FollowedLink::OtherFlow(target) => queue_microtask(move || {
                let route = Route::Escalation {
                    flow: Some(target.flow),
                    step: Some(target.step),
                };
                let href = href_in_current_view(&route);
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

    let walk = Memo::new(move |_| state.walks().with(|w| w.by_flow.get(&flow.id).cloned()));
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
            Some(title) if missing_step.with(Option::is_none) && asking.with(Option::is_none) => {
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
        if let Some(step) = asking.get() {
            return view! { <LinkQuestion flow=flow walk=walk step=step asking=asking/> }
                .into_any();
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
            <Show when=move || missing_step.with(Option::is_none) && asking.with(Option::is_none)>
                <Breadcrumb flow=flow walk=walk/>
                <CaseNotes flow=flow walk=walk/>
            </Show>
        </div>
    }
}

/// A link names a step that is not on the walk in progress: asks before
/// replacing the walk, so only a deliberate choice discards it.
#[component]
fn LinkQuestion(
    /// The flow named in the URL.
    flow: &'static Flow,
    /// The walk in progress.
    walk: Memo<Option<Walk>>,
    /// The step the link names.
    step: StepRef,
    /// Cleared once the agent decides.
    asking: RwSignal<Option<StepRef>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = expect_context::<CurrentLocation>().0;
    let flows = content::flows();
    let title_of = |at: &StepRef| {
        flows
            .step(&at.flow, &at.step)
            .map_or(at.step.clone(), |s| s.title.clone())
    };
    let wanted = title_of(&step);
    let progress = walk.with_untracked(|w| {
        let walk = w.as_ref()?;
        let steps = crate::domain::text::plural(walk.visits().len() as u64, "step");
        Some(format!(
            "{steps}, last at \u{201c}{}\u{201d}",
            title_of(&walk.current()?.step_ref())
        ))
    });
    let start_new = move |_| {
        if let Ok(new_walk) = Walk::open_at(flows, &flow.id, &step.step, now()) {
            state.walks().update(|w| {
                w.by_flow.insert(flow.id.clone(), new_walk);
            });
        }
        // The URL already names the step.
        asking.set(None);
        focus_after_render(STEP_HEADING);
    };
    let go_back = move |_| {
        let current =
            walk.with_untracked(|w| w.as_ref().and_then(|w| w.current().map(|v| v.step_ref())));
        if let Some(current) = current {
            let href = href_in_current_view(&step_route(&flow.id, &current));
            // In place of the link's entry, so Back does not ask again.
            replace_hash(&href);
            asking.set(None);
            location.set(read_location());
        }
        focus_after_render(STEP_HEADING);
    };
    view! {
        <section class="esc-link-question" aria-labelledby=STEP_HEADING>
            <h2 id=STEP_HEADING tabindex="-1">"Start a new walk at this step?"</h2>
            <p>"This link opens the step " <strong>{format!("\u{201c}{wanted}\u{201d}")}</strong> "."</p>
            <p>
                "You have a walk in progress in this flow (" {progress} "). "
                "Starting a new walk here clears its answers, ticks and notes."
            </p>
            <div class="button-row">
                <button type="button" on:click=start_new>"Start a new walk at this step"</button>
                <button type="button" class="secondary" on:click=go_back>"Go back to my walk"</button>
            </div>
        </section>
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
            Ok(w.change_answer(content::flows(), index, choice, now())?)
        });
        if changed.is_ok() {
            show_current(state, &flow.id);
        }
    };
    let taken = label.clone();
    let change_button = NodeRef::<leptos::html::Button>::new();
    // Escape closes the open answers and returns to the Change button.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && editing.get_untracked() == Some(index) {
            ev.prevent_default();
            editing.set(None);
            if let Some(button) = change_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <li on:keydown=on_keydown>
            <a href=href>{title.clone()}</a>
            <span class="esc-answer">" Answer: " <strong>{label}</strong></span>
            " "
            <button
                type="button"
                class="secondary esc-change"
                node_ref=change_button
                aria-expanded=move || if open() { "true" } else { "false" }
                aria-controls=group_id.clone()
                on:click=move |_| editing.set(if open() { None } else { Some(index) })
            >
                "Change"
                <span class="visually-hidden">{format!(" the answer to \u{201c}{title}\u{201d}")}</span>
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
