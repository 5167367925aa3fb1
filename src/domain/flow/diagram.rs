//! A flow as a [`Graph`] for the diagram: its steps, the steps of other flows
//! it links to, and one arrow per choice.

use super::{Flow, StepKind, StepRef, UnknownFlow};
use crate::domain::diagram::{self, Graph, Layout};

/// How a diagram box is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A question step.
    Question,
    /// An action step.
    Action,
    /// An outcome step.
    Outcome,
    /// A step of another flow that this flow links to.
    OtherFlow,
}

/// The graph of one flow: a box per step keyed `"flow/step"` (in reading
/// order), then a box per step of another flow it links to, labelled
/// "Other flow → Step"; an arrow per choice, labelled with the choice.
/// The flows need not be valid (a draft being written is drawn as it
/// changes): a choice to a step that does not exist has no arrow, and the
/// checks say why.
pub fn diagram_graph(flows: &[Flow], flow_id: &str) -> Result<Graph<NodeKind>, UnknownFlow> {
    let find = |id: &str| flows.iter().find(|f| f.id == id);
    let flow = find(flow_id).ok_or_else(|| UnknownFlow(flow_id.to_string()))?;
    let mut graph = Graph::new();
    let ids: Vec<_> = flow
        .steps
        .iter()
        .map(|step| {
            let kind = match step.kind {
                StepKind::Question => NodeKind::Question,
                StepKind::Action => NodeKind::Action,
                StepKind::Outcome => NodeKind::Outcome,
            };
            let key = StepRef::new(&flow.id, &step.id).to_string();
            graph.add_node(&key, kind, &step.title)
        })
        .collect();
    for (&from, step) in ids.iter().zip(&flow.steps) {
        for choice in &step.choices {
            let target = StepRef::resolve(&flow.id, &choice.to);
            let key = target.to_string();
            let to = if target.flow == flow.id {
                graph.node(&key)
            } else {
                let other = find(&target.flow).and_then(|f| Some((f, f.step(&target.step)?)));
                other.map(|(f, s)| {
                    let label = format!("{} → {}", f.title, s.title);
                    graph.add_node(&key, NodeKind::OtherFlow, &label)
                })
            };
            if let Some(to) = to {
                graph.add_edge(from, to, &choice.label);
            }
        }
    }
    if let Some(start) = graph.node(&StepRef::new(&flow.id, &flow.start).to_string()) {
        graph.set_start(start);
    }
    Ok(graph)
}

/// The diagram of one flow, laid out.
pub fn layout(flows: &[Flow], flow_id: &str) -> Result<Layout<NodeKind>, UnknownFlow> {
    Ok(diagram::layout(&diagram_graph(flows, flow_id)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::flows;

    #[test]
    fn a_flow_is_drawn_with_the_steps_it_links_to_in_other_flows() {
        let flows = flows();
        let drawn = layout(flows.flows(), "intake").unwrap();
        let keys: Vec<&str> = drawn.nodes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "intake/ask",
                "intake/calm",
                "intake/check",
                "intake/tag",
                "intake/wait",
                "intake/close",
                "intake/owner-tagged",
                "intake/request-recorded",
                "intake/no-escalation",
                "extra/pick"
            ]
        );
        let other = &drawn.nodes[9];
        assert_eq!(other.kind, NodeKind::OtherFlow);
        assert_eq!(other.lines.join(" "), "Extra checks → Which checks apply?");
        let kinds: Vec<NodeKind> = drawn.nodes[..3].iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [NodeKind::Question, NodeKind::Action, NodeKind::Question]
        );
        assert_eq!(drawn.nodes[6].kind, NodeKind::Outcome);
        assert_eq!(drawn.nodes[0].rank, 0);
        let choices: usize = flows
            .flow("intake")
            .unwrap()
            .steps
            .iter()
            .map(|s| s.choices.len())
            .sum();
        assert_eq!(drawn.edges.len(), choices);
        assert_eq!(drawn.edges[0].label, "Yes, escalate");
        assert_eq!(
            (drawn.edges[0].from.as_str(), drawn.edges[0].to.as_str()),
            ("intake/ask", "intake/calm")
        );
        let back = layout(flows.flows(), "extra").unwrap();
        assert_eq!(back.nodes[2].key, "intake/check");
        assert_eq!(back.nodes[2].kind, NodeKind::OtherFlow);
        assert_eq!(
            layout(flows.flows(), "nowhere").unwrap_err().to_string(),
            "there is no flow \"nowhere\""
        );
    }

    #[test]
    fn a_draft_is_drawn_as_it_stands_without_arrows_to_steps_that_do_not_exist() {
        let mut draft = flows().flows().to_vec();
        let intake = draft.iter_mut().find(|f| f.id == "intake").unwrap();
        intake.steps[0].choices[0].to = "not-written-yet".into();
        intake.steps[1].choices[0].to = "extra/no-such-step".into();
        let drawn = layout(&draft, "intake").unwrap();
        let valid = layout(flows().flows(), "intake").unwrap();
        assert_eq!(drawn.nodes.len(), valid.nodes.len());
        assert_eq!(drawn.edges.len(), valid.edges.len() - 2);
        assert!(drawn.edges.iter().all(|e| e.to != "intake/not-written-yet"));
    }
}
