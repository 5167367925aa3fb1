//! The walker's diagram view: the flow drawn with the walk's path marked,
//! each box a link to its step.

use super::step_href;
use super::walker::STEP_HEADING;
use crate::components::flow_diagram::{load_diagrams, Drawing, PathMarks};
use crate::domain::content;
use crate::domain::flow::{Flow, Walk};
use leptos::prelude::*;

/// The diagram of `flow` with the walk's path marked.
#[component]
pub fn Diagram(
    /// The flow drawn.
    flow: &'static Flow,
    /// The walk whose path is marked.
    walk: Memo<Option<Walk>>,
) -> impl IntoView {
    let diagrams = load_diagrams();
    let marks =
        Memo::new(move |_| walk.with(|w| w.as_ref().map(PathMarks::of).unwrap_or_default()));
    let drawing = move || {
        let Some(diagrams) = diagrams.get() else {
            return view! { <p class="page-loading">"Loading the diagram…"</p> }.into_any();
        };
        match (diagrams.layout)(content::flows().flows(), &flow.id) {
            Ok(layout) => (diagrams.draw)(Drawing {
                flow_id: flow.id.clone(),
                flow_title: flow.title.clone(),
                layout,
                marks: marks.into(),
                link: Some(step_href),
            }),
            Err(reason) => view! {
                <p role="alert">{format!("The diagram cannot be drawn: {reason}.")}</p>
            }
            .into_any(),
        }
    };
    view! {
        <h2 id=STEP_HEADING tabindex="-1">"Diagram of the flow"</h2>
        <p class="hint esc-legend">
            "Rounded boxes are questions, square boxes actions, pill-shaped boxes outcomes, and dashed boxes steps of another flow. "
            "Numbered boxes with a thick border are on your path, in order; thick arrows are the answers you gave. "
            "Select a box to open its step."
        </p>
        {drawing}
    }
}
