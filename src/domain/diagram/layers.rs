//! The layered placement: which arrows go back up, the row of each box, the
//! order within rows, the x of each box, and the polylines of the arrows.

use super::{DrawnEdge, LayoutNode, Point, Slot, GAP_X, GAP_Y, LANE_GAP, MARGIN};
use std::collections::VecDeque;

/// Depth-first search from the start; arrows into a node still being explored close a loop and
/// are marked as going back. Returns the discovery order of all nodes.
pub(super) fn mark_back_edges(
    node_count: usize,
    start: Option<usize>,
    edges: &mut [DrawnEdge],
) -> Vec<usize> {
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for (i, e) in edges.iter().enumerate() {
        outgoing[e.from].push(i);
    }
    // 0 = unseen, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; node_count];
    let mut discovery = Vec::with_capacity(node_count);
    let roots: Vec<usize> = start.into_iter().chain(0..node_count).collect();
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        discovery.push(root);
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            if let Some(&edge) = outgoing[node].get(*next) {
                *next += 1;
                let to = edges[edge].to;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        discovery.push(to);
                        stack.push((to, 0));
                    }
                    1 => edges[edge].back = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    discovery
}

/// Rank = length of the longest path from a root over the forward arrows.
pub(super) fn assign_ranks<K>(
    nodes: &mut [LayoutNode<K>],
    edges: &[DrawnEdge],
    discovery: &[usize],
) {
    let mut incoming = vec![0usize; nodes.len()];
    for e in edges.iter().filter(|e| !e.back) {
        incoming[e.to] += 1;
    }
    // Kahn's algorithm, seeded in discovery order so the start comes first.
    let mut ready: VecDeque<usize> = discovery
        .iter()
        .copied()
        .filter(|&n| incoming[n] == 0)
        .collect();
    while let Some(n) = ready.pop_front() {
        for e in edges.iter().filter(|e| !e.back && e.from == n) {
            nodes[e.to].rank = nodes[e.to].rank.max(nodes[n].rank + 1);
            incoming[e.to] -= 1;
            if incoming[e.to] == 0 {
                ready.push_back(e.to);
            }
        }
    }
}

/// For each slot, the slots the forward arrows link it to in the row above
/// and in the row below, one entry per arrow.
fn neighbours(slot_count: usize, edges: &[DrawnEdge]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); slot_count];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); slot_count];
    for e in edges.iter().filter(|e| !e.back) {
        for pair in e.chain.windows(2) {
            down[pair[0]].push(pair[1]);
            up[pair[1]].push(pair[0]);
        }
    }
    (up, down)
}

/// Orders the slots within each row: first by discovery, then by barycentre sweeps.
pub(super) fn order_rows(
    slots: &[Slot],
    edges: &[DrawnEdge],
    discovery: &[usize],
    node_count: usize,
) -> Vec<Vec<usize>> {
    let ranks = slots.iter().map(|s| s.rank + 1).max().unwrap_or(0);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); ranks];
    let order = discovery.iter().copied().chain(node_count..slots.len());
    for s in order {
        rows[slots[s].rank].push(s);
    }
    let (up, down) = neighbours(slots.len(), edges);
    let mut position = vec![0.0; slots.len()];
    for row in &rows {
        for (i, &s) in row.iter().enumerate() {
            position[s] = i as f64;
        }
    }
    for sweep in 0..6 {
        let (neighbours, range): (&[Vec<usize>], Vec<usize>) = if sweep % 2 == 0 {
            (&up, (1..ranks).collect())
        } else {
            (&down, (0..ranks.saturating_sub(1)).rev().collect())
        };
        for r in range {
            let key = |s: usize| {
                let near = &neighbours[s];
                if near.is_empty() {
                    position[s]
                } else {
                    near.iter().map(|&n| position[n]).sum::<f64>() / near.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = rows[r].iter().map(|&s| (key(s), s)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            rows[r] = keyed.into_iter().map(|(_, s)| s).collect();
            for (i, &s) in rows[r].iter().enumerate() {
                position[s] = i as f64;
            }
        }
    }
    rows
}

/// Gives each slot an x: centred under its parents, with siblings spread side by side, then
/// overlaps removed by averaging a push-right and a push-left pass (both keep the gaps, so
/// their average does too, and neither side of a row drifts).
pub(super) fn place_rows(slots: &mut [Slot], rows: &[Vec<usize>], edges: &[DrawnEdge]) {
    let (mut up, mut down) = neighbours(slots.len(), edges);
    let mut position = vec![0; slots.len()];
    for row in rows {
        for (i, &s) in row.iter().enumerate() {
            position[s] = i;
        }
    }
    for children in &mut down {
        children.sort_by_key(|&c| position[c]);
        children.dedup();
    }
    for parents in &mut up {
        parents.sort_unstable();
        parents.dedup();
    }
    for row in rows {
        let mut desired: Vec<f64> = Vec::with_capacity(row.len());
        for (i, &s) in row.iter().enumerate() {
            let width = slots[s].width;
            let x = if up[s].is_empty() {
                match i {
                    0 => MARGIN,
                    _ => desired[i - 1] + slots[row[i - 1]].width + GAP_X,
                }
            } else {
                let centres = up[s].iter().map(|&p| {
                    let siblings = &down[p];
                    let total = siblings
                        .iter()
                        .map(|&c| slots[c].width + GAP_X)
                        .sum::<f64>()
                        - GAP_X;
                    let before: f64 = siblings
                        .iter()
                        .take_while(|&&c| c != s)
                        .map(|&c| slots[c].width + GAP_X)
                        .sum();
                    slots[p].x + slots[p].width / 2.0 - total / 2.0 + before + width / 2.0
                });
                centres.sum::<f64>() / up[s].len() as f64 - width / 2.0
            };
            desired.push(x);
        }
        let mut pushed_right = desired.clone();
        for i in 1..row.len() {
            let limit = pushed_right[i - 1] + slots[row[i - 1]].width + GAP_X;
            pushed_right[i] = pushed_right[i].max(limit);
        }
        let mut pushed_left = desired;
        for i in (0..row.len().saturating_sub(1)).rev() {
            let limit = pushed_left[i + 1] - slots[row[i]].width - GAP_X;
            pushed_left[i] = pushed_left[i].min(limit);
        }
        for (i, &s) in row.iter().enumerate() {
            slots[s].x = (pushed_right[i] + pushed_left[i]) / 2.0;
        }
    }
    let leftmost = slots.iter().map(|s| s.x).fold(f64::INFINITY, f64::min);
    if leftmost.is_finite() {
        for slot in slots.iter_mut() {
            slot.x += MARGIN - leftmost;
        }
    }
}

/// Turns arrows into polylines, spreading several arrows over a box side so they stay apart.
pub(super) fn route_edges<K>(
    nodes: &[LayoutNode<K>],
    slots: &[Slot],
    edges: &[DrawnEdge],
    row_top: &[f64],
    row_height: &[f64],
    right: f64,
) -> Vec<Vec<Point>> {
    let centre = |s: usize| slots[s].x + slots[s].width / 2.0;
    // The slot next to each end of an arrow decides the order of ports on a side.
    let toward_target = |e: &DrawnEdge| if e.back { right } else { centre(e.chain[1]) };
    let toward_source = |e: &DrawnEdge| {
        if e.back {
            right
        } else {
            centre(e.chain[e.chain.len() - 2])
        }
    };
    let port = |node: usize, edge: usize, sides: &dyn Fn(&DrawnEdge) -> Option<f64>| {
        let mut same: Vec<(f64, usize)> = edges
            .iter()
            .enumerate()
            .filter_map(|(i, e)| sides(e).map(|x| (x, i)))
            .collect();
        same.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let k = same.iter().position(|&(_, i)| i == edge).unwrap_or(0);
        nodes[node].x + nodes[node].width * (k + 1) as f64 / (same.len() + 1) as f64
    };
    let mut lane = right;
    edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let source = &nodes[e.from];
            let target = &nodes[e.to];
            let start = Point {
                x: port(e.from, i, &|o| (o.from == e.from).then(|| toward_target(o))),
                y: source.y + source.height,
            };
            let end = Point {
                x: port(e.to, i, &|o| (o.to == e.to).then(|| toward_source(o))),
                y: target.y,
            };
            let mut points = vec![start];
            if e.back {
                lane += LANE_GAP;
                // Stagger the horizontal runs of neighbouring loops so they do not coincide.
                let stagger = 4.0 * ((lane - right) / LANE_GAP % 6.0);
                let below = start.y + GAP_Y / 3.0 + stagger;
                let above = end.y - GAP_Y / 3.0 - stagger;
                points.extend([
                    Point {
                        x: start.x,
                        y: below,
                    },
                    Point { x: lane, y: below },
                    Point { x: lane, y: above },
                    Point { x: end.x, y: above },
                ]);
            } else {
                for &bend in &e.chain[1..e.chain.len() - 1] {
                    let r = slots[bend].rank;
                    points.push(Point {
                        x: centre(bend),
                        y: row_top[r],
                    });
                    points.push(Point {
                        x: centre(bend),
                        y: row_top[r] + row_height[r],
                    });
                }
            }
            points.push(end);
            points
        })
        .collect()
}
