//! A flow as a diagram: an inline SVG drawn from a flow's layout
//! ([`crate::domain::flow::layout`]), the walk's path numbered and drawn
//! thicker. The walker makes each box a link to its step; the author page
//! draws the draft as it is edited, a picture beside the forms.

use crate::components::part::load_part;
use crate::domain::diagram::{LabelSide, Layout, LayoutEdge, LayoutNode, LABEL_LINE_HEIGHT};
use crate::domain::flow::{Flow, NodeKind, StepRef, UnknownFlow, Walk};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use std::collections::{HashMap, HashSet};

/// Id of the box the drawing scrolls in.
const SCROLLER: &str = "esc-diagram-scroll";

/// Where the walk has been: the path number of each step (its latest visit),
/// the arrows it took, and where it is now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathMarks {
    numbers: HashMap<String, usize>,
    taken: HashSet<(String, String)>,
    here: Option<String>,
}

impl PathMarks {
    /// The marks of `walk`'s path.
    pub fn of(walk: &Walk) -> Self {
        let mut marks = PathMarks::default();
        for (i, visit) in walk.visits().iter().enumerate() {
            let key = visit.step_ref().to_string();
            if let Some(answer) = &visit.answer {
                marks.taken.insert((key.clone(), answer.to.clone()));
            }
            marks.numbers.insert(key.clone(), i + 1);
            marks.here = Some(key);
        }
        marks
    }
}

/// Where to scroll a view `shown` wide, now at `scrolled`, so the span
/// `left..right` is in it, moving as little as possible; a span wider than
/// the view shows its left end.
fn scroll_to_show(scrolled: f64, shown: f64, left: f64, right: f64) -> f64 {
    const MARGIN: f64 = 16.0;
    if left - MARGIN < scrolled || right - left + 2.0 * MARGIN > shown {
        (left - MARGIN).max(0.0)
    } else if right + MARGIN > scrolled + shown {
        right + MARGIN - shown
    } else {
        scrolled
    }
}

/// "x1,y1 x2,y2 …" for a polyline.
fn points(edge: &LayoutEdge) -> String {
    edge.points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An arrow's label, a `<tspan>` per line below the layout's anchor.
fn edge_label_lines(edge: &LayoutEdge) -> impl IntoView {
    let x = format!("{:.1}", edge.label_at.x);
    edge.label_lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let y = edge.label_at.y + i as f64 * LABEL_LINE_HEIGHT;
            view! { <tspan x=x.clone() y=format!("{y:.1}")>{line.clone()}</tspan> }
        })
        .collect_view()
}

/// How a box's kind is read out.
fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Question => "question",
        NodeKind::Action => "action",
        NodeKind::Outcome => "outcome",
        NodeKind::OtherFlow => "step of another flow",
    }
}

/// The accessible name of a box: its text, kind, place on the path and where
/// its arrows lead, so the diagram reads without the picture.
fn node_label(node: &LayoutNode<NodeKind>, layout: &Layout<NodeKind>, marks: &PathMarks) -> String {
    let mut label = format!("{} ({})", node.lines.join(" "), kind_name(node.kind));
    if let Some(n) = marks.numbers.get(&node.key) {
        label.push_str(&format!(", on your path as step {n}"));
    }
    if marks.here.as_deref() == Some(node.key.as_str()) {
        label.push_str(", you are here");
    }
    let leads: Vec<String> = layout
        .edges
        .iter()
        .filter(|e| e.from == node.key)
        .filter_map(|e| {
            let to = layout.nodes.iter().find(|n| n.key == e.to)?;
            Some(format!("{} → {}", e.label, to.lines.join(" ")))
        })
        .collect();
    if !leads.is_empty() {
        label.push_str(&format!(". Leads to: {}", leads.join("; ")));
    }
    label
}

/// Where a box leads: the href of the step a box stands for, given the
/// flow drawn and the step's reference.
pub type StepLink = fn(&str, &StepRef) -> String;

/// What the diagram's wasm part holds: laying a flow out and drawing it.
/// Agents open a flow's diagram far less often than its steps, so a step
/// link does not download this (about 34 KB gzip of layout, SVG and number
/// formatting); the walker's diagram view and the author page fetch it on
/// first use (`split` feature).
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Diagrams {
    /// Lays out flow `flow_id` of `flows`.
    pub layout: fn(&[Flow], &str) -> Result<Layout<NodeKind>, UnknownFlow>,
    /// Draws a laid-out flow.
    pub draw: fn(Drawing) -> AnyView,
}

/// A flow to draw: flow `flow_id`, titled `flow_title`, laid out by
/// `layout`, with `marks` drawn on it. With `link`, each box is a link to
/// its step (and named with where it leads); without, the drawing is one
/// picture, named by its title and its boxes.
pub struct Drawing {
    pub flow_id: String,
    pub flow_title: String,
    pub layout: Layout<NodeKind>,
    pub marks: Signal<PathMarks>,
    pub link: Option<StepLink>,
}

#[cfg_attr(feature = "split", leptos::lazy)]
async fn flow_diagrams() -> Diagrams {
    Diagrams {
        layout: crate::domain::flow::layout,
        draw: |drawing| {
            view! {
                <FlowDiagram
                    flow_id=drawing.flow_id
                    flow_title=drawing.flow_title
                    layout=drawing.layout
                    marks=drawing.marks
                    link=drawing.link
                />
            }
            .into_any()
        },
    }
}

/// The diagram's code, `None` until its part has loaded.
pub fn load_diagrams() -> ReadSignal<Option<Diagrams>> {
    load_part(flow_diagrams())
}

/// The drawing [`Drawing`] describes.
#[component]
fn FlowDiagram(
    /// The id of the flow drawn.
    #[prop(into)]
    flow_id: String,
    /// Its title, for the drawing's name.
    #[prop(into)]
    flow_title: String,
    /// The flow laid out.
    layout: Layout<NodeKind>,
    /// The walk's path to mark.
    marks: Signal<PathMarks>,
    /// Where a box leads, when boxes are links.
    link: Option<StepLink>,
) -> impl IntoView {
    let width = format!("{:.0}", layout.width);
    let height = format!("{:.0}", layout.height);
    let view_box = format!("0 0 {width} {height}");
    let title = match link {
        Some(_) => {
            format!("Diagram of \u{201c}{flow_title}\u{201d}: each box is a link to its step")
        }
        None => format!("Diagram of \u{201c}{flow_title}\u{201d}"),
    };
    // Without links the boxes are not read one by one: the picture's
    // description says what they are.
    let description = link.is_none().then(|| {
        let marks = PathMarks::default();
        layout
            .nodes
            .iter()
            .map(|node| node_label(node, &layout, &marks))
            .collect::<Vec<_>>()
            .join(". ")
    });
    let layout = StoredValue::new(layout);
    // On a narrow screen the drawing scrolls sideways. It opens at its left
    // edge, where the flow starts, and scrolls only as far as needed to
    // bring "you are here" into view when that box is out of sight.
    Effect::new(move |_| {
        let here_box = marks.with(|m| {
            let here = m.here.as_deref()?;
            layout.with_value(|l| {
                l.nodes
                    .iter()
                    .find(|n| n.key == here)
                    .map(|n| (n.x, n.x + n.width))
            })
        });
        if let Some((left, right)) = here_box {
            request_animation_frame(move || {
                if let Some(scroller) = document().get_element_by_id(SCROLLER) {
                    let shown = f64::from(scroller.client_width());
                    let scrolled = f64::from(scroller.scroll_left());
                    scroller.set_scroll_left(scroll_to_show(scrolled, shown, left, right) as i32);
                }
            });
        }
    });
    let flow_id = StoredValue::new(flow_id);
    let drawing = move || {
        let marks = marks.get();
        layout.with_value(|layout| {
            let edges = layout
                .edges
                .iter()
                .map(|edge| {
                    let on_path = marks.taken.contains(&(edge.from.clone(), edge.to.clone()));
                    // The layout placed the label clear of boxes and other labels.
                    let anchor = match edge.label_side {
                        LabelSide::Left => "end",
                        LabelSide::Right => "start",
                    };
                    view! {
                        <g class="esc-edge" class:esc-on-path=on_path aria-hidden="true">
                            <title>{edge.label.clone()}</title>
                            <polyline points=points(edge) marker-end="url(#esc-arrow)"/>
                            <text text-anchor=anchor class="esc-edge-label">
                                {edge_label_lines(edge)}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            let nodes = layout
                .nodes
                .iter()
                .map(|node| {
                    let number = marks.numbers.get(&node.key).copied();
                    let here = marks.here.as_deref() == Some(node.key.as_str());
                    let rx = match node.kind {
                        NodeKind::Question => 14.0,
                        NodeKind::Action => 0.0,
                        NodeKind::Outcome => node.height / 2.0,
                        NodeKind::OtherFlow => 4.0,
                    };
                    let class = format!("esc-node esc-node-{}", match node.kind {
                        NodeKind::Question => "question",
                        NodeKind::Action => "action",
                        NodeKind::Outcome => "outcome",
                        NodeKind::OtherFlow => "other",
                    });
                    let centre = node.x + node.width / 2.0;
                    let first_line = node.y + node.height / 2.0 - (node.lines.len() as f64 - 1.0) * 9.0 + 5.0;
                    let lines = node
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(i, line)| view! {
                            // The trailing space keeps the words of two lines apart in the link's text.
                            <tspan x=format!("{centre:.1}") y=format!("{:.1}", first_line + i as f64 * 18.0)>{format!("{line} ")}</tspan>
                        })
                        .collect_view();
                    let shape = view! {
                        <rect
                            x=format!("{:.1}", node.x)
                            y=format!("{:.1}", node.y)
                            width=format!("{:.1}", node.width)
                            height=format!("{:.1}", node.height)
                            rx=format!("{rx:.1}")
                        />
                        <text class="esc-node-text" text-anchor="middle" aria-hidden="true">{lines}</text>
                    };
                    let body = match link {
                        Some(link) => {
                            // Keys are "flow/step", so they resolve from any flow.
                            let href = flow_id.with_value(|flow| {
                                link(flow, &StepRef::resolve(flow, &node.key))
                            });
                            // Built directly: the view macro would make an HTML <a> here,
                            // which SVG neither draws nor exposes as a link.
                            leptos::svg::a()
                                .attr("href", href)
                                .attr("aria-label", node_label(node, layout, &marks))
                                .child(shape)
                                .into_any()
                        }
                        None => shape.into_any(),
                    };
                    view! {
                        <g class=class class:esc-on-path=number.is_some() class:esc-here=here data-step=node.key.clone()>
                            {body}
                            {number.map(|n| view! {
                                    <g class="esc-badge" aria-hidden="true">
                                        <circle cx=format!("{:.1}", node.x) cy=format!("{:.1}", node.y) r="12"/>
                                        <text x=format!("{:.1}", node.x) y=format!("{:.1}", node.y + 4.5) text-anchor="middle">{n.to_string()}</text>
                                    </g>
                                })}
                                {here.then(|| view! {
                                    <g aria-hidden="true">
                                        <text class="esc-here-label" x=format!("{:.1}", node.x + 16.0) y=format!("{:.1}", node.y - 6.0)>"You are here"</text>
                                    </g>
                                })}
                        </g>
                    }
                })
                .collect_view();
            view! { <g>{edges}{nodes}</g> }
        })
    };
    view! {
        <div class="esc-diagram-scroll" id=SCROLLER>
            <svg
                class="esc-diagram"
                role=if link.is_some() { "group" } else { "img" }
                aria-labelledby="esc-diagram-title"
                aria-describedby=link.is_none().then_some("esc-diagram-description")
                width=width
                height=height
                viewBox=view_box
            >
                <title id="esc-diagram-title">{title}</title>
                {description.map(|text| view! { <desc id="esc-diagram-description">{text}</desc> })}
                <defs>
                    <marker
                        id="esc-arrow"
                        viewBox="0 0 10 10"
                        refX="9"
                        refY="5"
                        markerWidth="7"
                        markerHeight="7"
                        orient="auto-start-reverse"
                    >
                        <path d="M 0 0 L 10 5 L 0 10 z" class="esc-arrowhead"/>
                    </marker>
                </defs>
                {drawing}
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::scroll_to_show;

    #[test]
    fn the_drawing_scrolls_only_as_far_as_the_box_needs() {
        // In view already, at the left edge: no scrolling.
        assert_eq!(scroll_to_show(0.0, 400.0, 20.0, 240.0), 0.0);
        // Off to the right: just far enough, with a margin.
        assert_eq!(scroll_to_show(0.0, 400.0, 500.0, 720.0), 336.0);
        // Off to the left: back to its left side.
        assert_eq!(scroll_to_show(600.0, 400.0, 300.0, 520.0), 284.0);
        // Wider than the view: its left end.
        assert_eq!(scroll_to_show(0.0, 200.0, 300.0, 520.0), 284.0);
    }
}
