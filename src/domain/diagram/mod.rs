//! Layered diagrams of any directed graph: boxes in rows by their longest
//! distance from a start box, arrows between them routed through bend points,
//! loops routed around the right side, and arrow labels placed clear of boxes
//! and other labels. The escalation flows are one such graph
//! ([`crate::domain::flow::layout`]); nothing here knows about flows.

mod labels;
mod layers;

pub use labels::{boxes_overlap, segment_crosses_box, LABEL_LINE_HEIGHT};

use labels::{label_lines, place_labels};
use layers::{assign_ranks, mark_back_edges, order_rows, place_rows, route_edges};
use std::collections::HashMap;

/// A box of a [`Graph`], as returned by [`Graph::add_node`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeId(usize);

/// What to draw: boxes with a label and a kind (how the caller draws them),
/// labelled arrows between them, and the box the drawing starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph<K> {
    nodes: Vec<(String, K, String)>,
    index: HashMap<String, usize>,
    edges: Vec<(usize, usize, String)>,
    start: Option<usize>,
}

impl<K> Default for Graph<K> {
    fn default() -> Self {
        Graph {
            nodes: Vec::new(),
            index: HashMap::new(),
            edges: Vec::new(),
            start: None,
        }
    }
}

impl<K: Copy> Graph<K> {
    /// A graph with no boxes.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a box with a unique `key` (arrows in the layout name their ends
    /// by it), unless a box with that key is already there; returns its id.
    pub fn add_node(&mut self, key: &str, kind: K, label: &str) -> NodeId {
        let next = self.nodes.len();
        let id = *self.index.entry(key.to_string()).or_insert(next);
        if id == next {
            self.nodes.push((key.to_string(), kind, label.to_string()));
        }
        NodeId(id)
    }

    /// The box with this key, if added.
    pub fn node(&self, key: &str) -> Option<NodeId> {
        self.index.get(key).copied().map(NodeId)
    }

    /// Adds an arrow; ids not from this graph are ignored.
    pub fn add_edge(&mut self, from: NodeId, to: NodeId, label: &str) {
        if from.0 < self.nodes.len() && to.0 < self.nodes.len() {
            self.edges.push((from.0, to.0, label.to_string()));
        }
    }

    /// The box in the top row (the first box added when none is set).
    pub fn set_start(&mut self, start: NodeId) {
        self.start = Some(start.0).filter(|&s| s < self.nodes.len());
    }
}

/// A point in diagram coordinates (pixels, y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// A box of the diagram; `x`, `y` is its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutNode<K> {
    /// The key given to [`Graph::add_node`], unique in the layout; edges refer to it.
    pub key: String,
    /// How to draw it.
    pub kind: K,
    /// The label, already wrapped into lines (SVG text does not wrap).
    pub lines: Vec<String>,
    /// The layer, 0 for the start box.
    pub rank: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Box width.
    pub width: f64,
    /// Box height.
    pub height: f64,
}

/// An arrow of the diagram, drawn as a polyline through `points`.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutEdge {
    /// Key of the node it starts at (its first point lies on that node's bottom side).
    pub from: String,
    /// Key of the node it ends at (its last point lies on that node's top side).
    pub to: String,
    /// The arrow's label.
    pub label: String,
    /// The whole label as drawn beside the arrow, wrapped into lines (SVG
    /// text does not wrap).
    pub label_lines: Vec<String>,
    /// Where the label's text starts (drawn to the right) or ends (to the left).
    pub label_at: Point,
    /// Which side of `label_at` the label's text runs to.
    pub label_side: LabelSide,
    /// The polyline, from the source's bottom to the target's top.
    pub points: Vec<Point>,
    /// True for arrows that go back up (loops), routed around the right side.
    pub loops_back: bool,
}

/// The side of its anchor point an arrow label is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSide {
    /// Text ends at the anchor (SVG `text-anchor="end"`).
    Left,
    /// Text starts at the anchor (SVG `text-anchor="start"`).
    Right,
}

/// A layered drawing of a graph: boxes in rows by distance from the start, arrows between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout<K> {
    /// Total width of the drawing.
    pub width: f64,
    /// Total height of the drawing.
    pub height: f64,
    /// The boxes, in the order they were added to the graph.
    pub nodes: Vec<LayoutNode<K>>,
    /// One arrow per edge, in the order they were added.
    pub edges: Vec<LayoutEdge>,
}

const NODE_WIDTH: f64 = 220.0;
const CHAR_WIDTH: f64 = 7.5;
const LINE_HEIGHT: f64 = 18.0;
const NODE_PADDING: f64 = 12.0;
const WRAP_CHARS: usize = 26;
const GAP_X: f64 = 40.0;
const GAP_Y: f64 = 64.0;
/// Room above and below the arrow labels between two rows.
const LABEL_CLEARANCE: f64 = 24.0;
/// Room between two arrow labels stacked one above the other.
const LABEL_SPACING: f64 = 6.0;
const MARGIN: f64 = 20.0;
const DUMMY_WIDTH: f64 = 12.0;
const LANE_GAP: f64 = 14.0;

/// Wraps a label into lines of at most `width` characters where words allow.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A box or a bend point of a long arrow, placed in one row.
struct Slot {
    rank: usize,
    width: f64,
    x: f64,
}

/// An arrow while it is being laid out.
struct DrawnEdge {
    from: usize,
    to: usize,
    label: String,
    back: bool,
    /// Slots the arrow passes through, from source to target (forward arrows only).
    chain: Vec<usize>,
}

/// Lays out a graph as layers: longest path from the start decides the row, a few barycentre
/// sweeps decide the order within rows, arrows spanning rows bend through reserved slots, and
/// arrows going back up are routed in lanes right of the drawing.
pub fn layout<K: Copy>(graph: &Graph<K>) -> Layout<K> {
    let mut nodes: Vec<LayoutNode<K>> = graph
        .nodes
        .iter()
        .map(|(key, kind, label)| {
            let lines = wrap(label, WRAP_CHARS);
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
            LayoutNode {
                key: key.clone(),
                kind: *kind,
                rank: 0,
                x: 0.0,
                y: 0.0,
                width: NODE_WIDTH.max(longest as f64 * CHAR_WIDTH + 2.0 * NODE_PADDING),
                height: lines.len().max(1) as f64 * LINE_HEIGHT + 2.0 * NODE_PADDING,
                lines,
            }
        })
        .collect();
    let mut edges: Vec<DrawnEdge> = graph
        .edges
        .iter()
        .map(|(from, to, label)| DrawnEdge {
            from: *from,
            to: *to,
            label: label.clone(),
            back: false,
            chain: Vec::new(),
        })
        .collect();
    let label_lines: Vec<Vec<String>> = edges.iter().map(|e| label_lines(&e.label)).collect();
    // Rows sit far enough apart for the labels of one box's arrows to stand
    // one above the other between them, as they must where the arrows run close.
    let mut stacked = vec![0.0; nodes.len()];
    for (edge, lines) in edges.iter().zip(&label_lines) {
        stacked[edge.from] += lines.len() as f64 * LABEL_LINE_HEIGHT + LABEL_SPACING;
    }
    let gap_y = stacked
        .into_iter()
        .fold(GAP_Y, |gap, height| gap.max(height + LABEL_CLEARANCE));
    let discovery = mark_back_edges(nodes.len(), graph.start, &mut edges);
    assign_ranks(&mut nodes, &edges, &discovery);

    // Slots: one per node, plus bend points for arrows spanning several rows.
    let mut slots: Vec<Slot> = nodes
        .iter()
        .map(|n| Slot {
            rank: n.rank,
            width: n.width,
            x: 0.0,
        })
        .collect();
    for edge in edges.iter_mut().filter(|e| !e.back) {
        edge.chain.push(edge.from);
        for rank in nodes[edge.from].rank + 1..nodes[edge.to].rank {
            slots.push(Slot {
                rank,
                width: DUMMY_WIDTH,
                x: 0.0,
            });
            edge.chain.push(slots.len() - 1);
        }
        edge.chain.push(edge.to);
    }
    let rows = order_rows(&slots, &edges, &discovery, nodes.len());
    place_rows(&mut slots, &rows, &edges);

    let mut row_top = Vec::with_capacity(rows.len());
    let mut row_height = Vec::with_capacity(rows.len());
    let mut y = gap_y;
    for row in &rows {
        let height = row
            .iter()
            .filter(|&&s| s < nodes.len())
            .map(|&s| nodes[s].height)
            .fold(LINE_HEIGHT + 2.0 * NODE_PADDING, f64::max);
        row_top.push(y);
        row_height.push(height);
        y += height + gap_y;
    }
    for (i, node) in nodes.iter_mut().enumerate() {
        node.x = slots[i].x;
        node.y = row_top[node.rank];
        node.height = row_height[node.rank];
    }
    let right = slots.iter().map(|s| s.x + s.width).fold(MARGIN, f64::max);
    let routes = route_edges(&nodes, &slots, &edges, &row_top, &row_height, right);
    let lanes = edges.iter().filter(|e| e.back).count() as f64;
    let width = right + lanes * LANE_GAP + MARGIN;
    let placed = place_labels(&edges, &routes, &nodes, width);
    let drawn = edges
        .iter()
        .zip(routes)
        .zip(placed)
        .map(|((e, points), label)| LayoutEdge {
            from: nodes[e.from].key.clone(),
            to: nodes[e.to].key.clone(),
            label: e.label.clone(),
            label_lines: label.lines,
            label_at: label.at,
            label_side: label.side,
            points,
            loops_back: e.back,
        })
        .collect();
    Layout {
        width,
        height: y,
        nodes,
        edges: drawn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps<K>(a: &LayoutNode<K>, b: &LayoutNode<K>) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    /// A diamond with a loop back to the top and a long arrow past the middle
    /// row; the bottom box is added first, so only `set_start` puts the top one first.
    fn diamond() -> Graph<char> {
        let mut graph = Graph::new();
        let bottom = graph.add_node("bottom", 'd', "Bottom");
        let top = graph.add_node(
            "top",
            't',
            "The top box, whose label is long enough to wrap",
        );
        let left = graph.add_node("left", 'l', "Left");
        let right = graph.add_node("right", 'r', "Right");
        assert_eq!(
            graph.add_node("left", 'x', "Again"),
            left,
            "keys are unique"
        );
        assert_eq!(graph.node("right"), Some(right));
        assert_eq!(graph.node("nowhere"), None);
        graph.add_edge(top, left, "Go left");
        graph.add_edge(top, right, "Go right");
        graph.add_edge(left, bottom, "Down");
        graph.add_edge(right, bottom, "Down");
        graph.add_edge(bottom, top, "Once more from the very top");
        graph.add_edge(top, bottom, "Skip");
        graph.set_start(top);
        graph
    }

    #[test]
    fn any_graph_is_laid_out_in_layers_from_its_start() {
        let drawn = layout(&diamond());
        let node = |key: &str| drawn.nodes.iter().find(|n| n.key == key).unwrap();
        let keys: Vec<&str> = drawn.nodes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["bottom", "top", "left", "right"]);
        assert_eq!(node("top").kind, 't');
        assert_eq!(node("left").kind, 'l');
        assert_eq!(
            node("top").lines,
            ["The top box, whose label", "is long enough to wrap"]
        );
        let ranks: Vec<usize> = ["top", "left", "right", "bottom"]
            .iter()
            .map(|k| node(k).rank)
            .collect();
        assert_eq!(ranks, [0, 1, 1, 2]);
        assert!(node("left").x < node("right").x);
        assert_eq!(drawn.edges.len(), 6);
        let back: Vec<(&str, &str)> = drawn
            .edges
            .iter()
            .filter(|e| e.loops_back)
            .map(|e| (e.from.as_str(), e.to.as_str()))
            .collect();
        assert_eq!(back, [("bottom", "top")]);
        let right_of_boxes = drawn
            .nodes
            .iter()
            .map(|n| n.x + n.width)
            .fold(0.0, f64::max);
        let lane = &drawn.edges[4];
        assert!(lane.points.iter().any(|p| p.x > right_of_boxes));
        // The long arrow bends through the middle row: in and out of it.
        assert_eq!(drawn.edges[5].points.len(), 4);
        assert_eq!(drawn.edges[0].label_lines, ["Go left"]);
        assert_eq!(
            drawn.edges[4].label_lines,
            ["Once more from the very", "top"]
        );
        for (i, a) in drawn.nodes.iter().enumerate() {
            assert!(a.x >= 0.0 && a.x + a.width <= drawn.width);
            assert!(a.y >= 0.0 && a.y + a.height <= drawn.height);
            for b in &drawn.nodes[i + 1..] {
                assert!(!overlaps(a, b), "{} overlaps {}", a.key, b.key);
            }
        }
        for edge in &drawn.edges {
            let (from, to) = (node(&edge.from), node(&edge.to));
            let (first, last) = (edge.points[0], edge.points[edge.points.len() - 1]);
            assert_eq!(first.y, from.y + from.height);
            assert!(first.x > from.x && first.x < from.x + from.width);
            assert_eq!(last.y, to.y);
            assert!(last.x > to.x && last.x < to.x + to.width);
            let label = edge.label_box();
            assert!(label[0] >= 0.0 && label[2] <= drawn.width);
            for n in &drawn.nodes {
                assert!(!boxes_overlap(
                    label,
                    [n.x, n.y, n.x + n.width, n.y + n.height]
                ));
            }
        }
    }

    #[test]
    fn without_a_start_the_first_box_comes_first() {
        let mut graph = diamond();
        graph.start = None;
        let drawn = layout(&graph);
        let rank = |key: &str| drawn.nodes.iter().find(|n| n.key == key).unwrap().rank;
        assert_eq!(rank("bottom"), 0);
        assert!(drawn.edges.iter().any(|e| e.loops_back && e.to == "bottom"));
    }

    #[test]
    fn an_empty_graph_is_an_empty_drawing() {
        let drawn = layout(&Graph::<()>::new());
        assert!(drawn.nodes.is_empty() && drawn.edges.is_empty());
        assert_eq!((drawn.width, drawn.height), (2.0 * MARGIN, GAP_Y));
    }

    #[test]
    fn labels_wrap_at_words() {
        assert_eq!(
            wrap(
                "Warm transfer to \"Phone-HO Tier 2\" and wait 30 seconds",
                WRAP_CHARS
            ),
            [
                "Warm transfer to \"Phone-HO",
                "Tier 2\" and wait 30",
                "seconds"
            ]
        );
    }
}
