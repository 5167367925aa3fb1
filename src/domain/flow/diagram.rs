//! A flow as a [`Graph`] for the diagram: its steps, the steps of other flows
//! it links to, and one arrow per choice.

use super::{FlowSet, StepKind, StepRef, UnknownFlow};
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
pub fn diagram_graph(flows: &FlowSet, flow_id: &str) -> Result<Graph<NodeKind>, UnknownFlow> {
    let flow = flows.require_flow(flow_id)?;
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
                let label = match (
                    flows.flow(&target.flow),
                    flows.step(&target.flow, &target.step),
                ) {
                    (Some(f), Some(s)) => format!("{} → {}", f.title, s.title),
                    _ => key.clone(),
                };
                Some(graph.add_node(&key, NodeKind::OtherFlow, &label))
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
pub fn layout(flows: &FlowSet, flow_id: &str) -> Result<Layout<NodeKind>, UnknownFlow> {
    Ok(diagram::layout(&diagram_graph(flows, flow_id)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::flows;

    #[test]
    fn a_flow_is_drawn_with_the_steps_it_links_to_in_other_flows() {
        let flows = flows();
        let drawn = layout(&flows, "intake").unwrap();
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
        let back = layout(&flows, "extra").unwrap();
        assert_eq!(back.nodes[2].key, "intake/check");
        assert_eq!(back.nodes[2].kind, NodeKind::OtherFlow);
        assert_eq!(
            layout(&flows, "nowhere").unwrap_err().to_string(),
            "there is no flow \"nowhere\""
        );
    }
}
