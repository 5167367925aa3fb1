//! `#/escalation`: the escalation flowcharts. The list of flows (with search
//! and the keyword scanner) at `#/escalation`, and the step walker at
//! `#/escalation/<flow>/<step>` (or its diagram with `?view=diagram`).

mod diagram;
mod list;
mod notes;
mod step;
mod timer;
mod walker;

use crate::components::title::set_page_title;
use crate::domain::content;
use crate::domain::flow::StepRef;
use crate::nav::{CurrentLocation, Route};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// What the escalation URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EscalationView {
    /// `#/escalation`: the list of flows.
    List,
    /// `#/escalation/<flow>[/<step>]` for a flow that exists.
    Flow(String),
    /// `#/escalation/<flow>...` for a flow that does not exist.
    UnknownFlow(String),
}

/// The list of flows, or the walker of one flow, depending on the URL.
#[component]
pub fn EscalationPage() -> impl IntoView {
    let location = expect_context::<CurrentLocation>().0;
    let mode = Memo::new(move |_| {
        location.with(|l| match &l.route {
            Route::Escalation { flow: Some(id), .. } => match content::flows().flow(id) {
                Some(_) => EscalationView::Flow(id.clone()),
                None => EscalationView::UnknownFlow(id.clone()),
            },
            _ => EscalationView::List,
        })
    });
    move || match mode.get() {
        EscalationView::List => view! { <list::FlowListPage/> }.into_any(),
        EscalationView::Flow(id) => match content::flows().flow(&id) {
            Some(flow) => view! { <walker::Walker flow=flow/> }.into_any(),
            None => view! { <UnknownFlow id=id/> }.into_any(),
        },
        EscalationView::UnknownFlow(id) => view! { <UnknownFlow id=id/> }.into_any(),
    }
}

/// Explains that a link names no flow and lists the flows that exist.
#[component]
fn UnknownFlow(
    /// The flow id from the URL.
    id: String,
) -> impl IntoView {
    set_page_title("Flow not found");
    view! {
        <h1>"Flow not found"</h1>
        <p>
            "There is no escalation flow called " <code>{id}</code>
            ". The link may be old or mistyped. These are the flows:"
        </p>
        <ul>
            {content::flow_list()
                .iter()
                .map(|flow| view! { <li><a href=flow_href(&flow.id)>{flow.title.clone()}</a></li> })
                .collect_view()}
        </ul>
        <p><a href="#/escalation">"Go to the list of flows"</a></p>
    }
}

/// `#/escalation/<flow>`: the flow's walk where it is, or its start.
fn flow_href(flow: &str) -> String {
    Route::Escalation {
        flow: Some(flow.to_string()),
        step: None,
    }
    .href()
}

/// The route of a step of a walk started in `walk_flow`; a step of another
/// flow (a detour) is written `other-flow/step` in the step segment, so the
/// walk it belongs to stays in the URL.
fn step_route(walk_flow: &str, target: &StepRef) -> Route {
    let step = if target.flow == walk_flow {
        target.step.clone()
    } else {
        target.to_string()
    };
    Route::Escalation {
        flow: Some(walk_flow.to_string()),
        step: Some(step),
    }
}

/// Link target of a step of a walk started in `walk_flow`.
fn step_href(walk_flow: &str, target: &StepRef) -> String {
    step_route(walk_flow, target).href()
}

/// The current time.
fn now() -> DateTime<Utc> {
    Utc::now()
}
