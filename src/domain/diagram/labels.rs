//! Arrow labels: wrapped to fit, and placed clear of boxes, other labels and,
//! where there is room, other arrows.

use super::{wrap, DrawnEdge, LabelSide, LayoutEdge, LayoutNode, Point};

/// Where along an arrow's first leg its label may sit, best first.
const LABEL_POSITIONS: [f64; 9] = [0.4, 0.6, 0.2, 0.8, 0.3, 0.7, 0.1, 0.9, 0.5];
/// Arrow labels are 11px text (bold on the path): a generous width per character.
const LABEL_CHAR_WIDTH: f64 = 6.5;
/// Space between an arrow and its label.
const LABEL_GAP: f64 = 6.0;

/// Space between the baselines of two lines of an arrow label.
pub const LABEL_LINE_HEIGHT: f64 = 13.0;
/// An arrow label's longest line, in characters, best first: most labels
/// take one or two lines at the first width; where arrows run close a
/// narrower one may fit. Labels are never cut, so no one has to guess what
/// a label said.
const LABEL_WRAPS: [usize; 3] = [24, 16, 12];

/// A choice label wrapped at its usual width, which sets the room between
/// rows.
pub(super) fn label_lines(label: &str) -> Vec<String> {
    wrap(label, LABEL_WRAPS[0])
}

/// The point a fraction `t` along the first leg of a polyline.
fn point_along(points: &[Point], t: f64) -> Point {
    let (a, b) = (points[0], points[1]);
    Point {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
    }
}

/// The box a label covers: `[left, top, right, bottom]`; its first line's
/// baseline is at `at`, the others below it.
fn label_box(lines: &[String], at: Point, side: LabelSide) -> [f64; 4] {
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let width = longest as f64 * LABEL_CHAR_WIDTH;
    let (left, right) = match side {
        LabelSide::Right => (at.x + LABEL_GAP, at.x + LABEL_GAP + width),
        LabelSide::Left => (at.x - LABEL_GAP - width, at.x - LABEL_GAP),
    };
    let below = lines.len().saturating_sub(1) as f64 * LABEL_LINE_HEIGHT;
    [left, at.y - 10.0, right, at.y + 3.0 + below]
}

impl LayoutEdge {
    /// The box `[left, top, right, bottom]` the drawn label covers,
    /// so a drawing can be checked for labels over boxes, labels and arrows.
    pub fn label_box(&self) -> [f64; 4] {
        // `label_at` is the text's anchor, a gap away from the arrow.
        let arrow_x = match self.label_side {
            LabelSide::Left => self.label_at.x + LABEL_GAP,
            LabelSide::Right => self.label_at.x - LABEL_GAP,
        };
        let at = Point {
            x: arrow_x,
            ..self.label_at
        };
        label_box(&self.label_lines, at, self.label_side)
    }
}

/// Whether two boxes `[left, top, right, bottom]` overlap (touching is not overlapping).
pub fn boxes_overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether the segment from `a` to `b` passes through the box `[left, top, right, bottom]`
/// (Liang–Barsky clipping).
pub fn segment_crosses_box(a: Point, b: Point, area: [f64; 4]) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut enter: f64 = 0.0;
    let mut leave: f64 = 1.0;
    for (p, q) in [
        (-dx, a.x - area[0]),
        (dx, area[2] - a.x),
        (-dy, a.y - area[1]),
        (dy, area[3] - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    enter < leave
}

/// An arrow label as placed: its lines, the anchor of its first line and
/// the side of the anchor it runs to.
pub(super) struct PlacedLabel {
    pub(super) lines: Vec<String>,
    pub(super) at: Point,
    pub(super) side: LabelSide,
}

/// Where each arrow's label goes: inside the drawing, over no box, no
/// other label and, where the arrows leave room, no other arrow. Sibling
/// arrows' labels prefer opposite sides (the leftmost arrows' the left), and
/// each label tries spots along its arrow on either side, wrapped at its
/// usual width first and narrower where that leaves a clear spot.
pub(super) fn place_labels<K>(
    edges: &[DrawnEdge],
    routes: &[Vec<Point>],
    nodes: &[LayoutNode<K>],
    width: f64,
) -> Vec<PlacedLabel> {
    let mut taken: Vec<[f64; 4]> = nodes
        .iter()
        .map(|n| [n.x, n.y, n.x + n.width, n.y + n.height])
        .collect();
    // Placed top-down, so upper labels keep their preferred spots.
    let mut placed: Vec<(usize, PlacedLabel)> = Vec::with_capacity(edges.len());
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by(|&a, &b| routes[a][0].y.total_cmp(&routes[b][0].y));
    let heading = |i: usize| routes[i][1].x - routes[i][0].x;
    for i in order {
        let siblings: Vec<usize> = (0..edges.len())
            .filter(|&j| edges[j].from == edges[i].from)
            .collect();
        let preferred = if siblings.len() > 1 {
            let left_of_me = siblings
                .iter()
                .filter(|&&j| heading(j) < heading(i))
                .count();
            if left_of_me * 2 < siblings.len() {
                LabelSide::Left
            } else {
                LabelSide::Right
            }
        } else if heading(i) < -1.0 {
            LabelSide::Left
        } else {
            LabelSide::Right
        };
        let other = match preferred {
            LabelSide::Left => LabelSide::Right,
            LabelSide::Right => LabelSide::Left,
        };
        let points = &routes[i];
        // Sticking out, then covering a box or label, then crossing another
        // arrow, then its own: the first spot with the fewest of the worst
        // problem wins.
        let flaws = |lines: &[String], at: Point, side: LabelSide| {
            let candidate = label_box(lines, at, side);
            let outside = candidate[0] < 0.0 || candidate[2] > width;
            let covered = taken
                .iter()
                .filter(|&&b| boxes_overlap(b, candidate))
                .count();
            let crosses = |j: usize| {
                routes[j]
                    .windows(2)
                    .any(|w| segment_crosses_box(w[0], w[1], candidate))
            };
            let crossed = (0..routes.len()).filter(|&j| j != i && crosses(j)).count();
            (outside, covered, crossed, crosses(i))
        };
        let wraps = LABEL_WRAPS.map(|chars| wrap(&edges[i].label, chars));
        let (lines, at, side) = wraps
            .iter()
            .flat_map(|lines| {
                LABEL_POSITIONS
                    .iter()
                    .flat_map(move |&t| [(lines, t, preferred), (lines, t, other)])
            })
            .map(|(lines, t, side)| {
                // A label of several lines hangs below its anchor: lift it
                // in proportion, so along the whole leg it stays between
                // the leg's ends.
                let at = point_along(points, t);
                let below = lines.len().saturating_sub(1) as f64 * LABEL_LINE_HEIGHT;
                let at = Point {
                    y: at.y - below * t,
                    ..at
                };
                (lines, at, side)
            })
            .min_by_key(|&(lines, at, side)| flaws(lines, at, side))
            .expect("LABEL_POSITIONS is not empty");
        taken.push(label_box(lines, at, side));
        let gap = match side {
            LabelSide::Left => -LABEL_GAP,
            LabelSide::Right => LABEL_GAP,
        };
        let anchor = Point {
            x: at.x + gap,
            ..at
        };
        placed.push((
            i,
            PlacedLabel {
                lines: lines.clone(),
                at: anchor,
                side,
            },
        ));
    }
    placed.sort_by_key(|&(i, _)| i);
    placed.into_iter().map(|(_, label)| label).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cross_a_box_only_when_they_pass_through_it() {
        let area = [10.0, 10.0, 20.0, 20.0];
        let p = |x, y| Point { x, y };
        assert!(segment_crosses_box(p(0.0, 15.0), p(30.0, 15.0), area));
        assert!(segment_crosses_box(p(15.0, 0.0), p(15.0, 12.0), area));
        assert!(segment_crosses_box(p(0.0, 0.0), p(30.0, 30.0), area));
        assert!(!segment_crosses_box(p(0.0, 25.0), p(30.0, 25.0), area));
        assert!(!segment_crosses_box(p(15.0, 0.0), p(15.0, 9.0), area));
        assert!(!segment_crosses_box(p(0.0, 20.0), p(20.0, 40.0), area));
    }

    #[test]
    fn long_arrow_labels_wrap_at_words_and_lose_nothing() {
        assert_eq!(label_lines("Continue"), ["Continue"]);
        assert_eq!(
            label_lines("Yes, the customer asked to escalate"),
            ["Yes, the customer asked", "to escalate"]
        );
        let lines = ["Yes, the customer asked".to_string(), "to".to_string()];
        let at = Point { x: 100.0, y: 50.0 };
        assert_eq!(
            label_box(&lines, at, LabelSide::Right),
            [106.0, 40.0, 106.0 + 23.0 * LABEL_CHAR_WIDTH, 66.0]
        );
    }
}
