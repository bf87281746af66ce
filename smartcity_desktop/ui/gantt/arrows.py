"""Elbow routing of dependency arrows (no Qt: plain point lists, easy to test).

Each dependency type leaves one end of the predecessor and enters one end of
the successor:

* FS: predecessor end -> successor start
* SS: predecessor start -> successor start
* FF: predecessor end -> successor end
* SF: predecessor start -> successor end

A bar's name is drawn just right of its end (6 px after a bar, 4 px after a
milestone's diamond), so the space right of an end is taken and the space left
of a start is free. Every route keeps to that, whatever the type or the lag:

* it leaves a start leftwards (8 px) and an end rightwards only as far as the gap
  before the label (3 px after a bar, 8.5 px after a milestone's centre, clear of
  the diamond);
* it turns there to the edge between the predecessor's row and the next row towards
  the successor and runs along that edge, where no text is;
* it drops to the successor's row just before its start (8 px left of it), or just
  after its end (in the gap before the label), and enters horizontally: rightwards
  into a start, leftwards into an end.

So an arrow never crosses the two tasks' own labels, also when the bars overlap
(a negative lag, an FF whose successor ends first); it can cross text only in the
rows between the two tasks, on its one vertical run. SS needs no edge run: it
turns once, left of both starts.
"""

from __future__ import annotations

GAP = 8.0  # stub left of a start
LABEL_CLEAR = 3.0  # a bar's label starts 6 px right of its end: turn before it
MILESTONE_CLEAR = 8.5  # a diamond reaches 6.5 px right of its centre, its label 10.5 px
# For each type: (leave from predecessor end?, enter successor end?)
_ENDS = {0: (True, False), 1: (False, False), 2: (True, True), 3: (False, True)}

Point = tuple[float, float]


def end_clear(x0: float, x1: float) -> float:
    """Where a line may turn right of a bar's end without touching its label."""
    return x1 + (MILESTONE_CLEAR if x1 - x0 < 0.5 else LABEL_CLEAR)  # a milestone: x0 == x1


def row_edge(y: float, toward_y: float, row_height: float) -> float:
    """The edge of the row holding ``y`` on the side of ``toward_y``."""
    top = (y // row_height) * row_height
    return top + row_height if toward_y > y else top


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the corners of straight runs (zero-length elbows)."""
    out: list[Point] = []
    for pt in points:
        if out and out[-1] == pt:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (ax == bx == pt[0]) or (ay == by == pt[1]):
                out[-1] = pt
                continue
        out.append(pt)
    return out


def route(type_code: int, pred_x0: float, pred_x1: float, pred_y: float,
          succ_x0: float, succ_x1: float, succ_y: float,
          row_height: float) -> tuple[list[Point], int]:
    """Points of the elbow polyline and the direction (+1 right, -1 left) of the head.

    ``type_code`` indexes ("FS", "SS", "FF", "SF"); x0/x1 are a bar's left and
    right edges (equal for a milestone) and y where the arrow meets it.
    """
    from_end, to_end = _ENDS[type_code]
    if not from_end and not to_end:  # SS: one elbow left of both starts
        xm = min(pred_x0, succ_x0) - GAP
        return simplify([(pred_x0, pred_y), (xm, pred_y), (xm, succ_y),
                         (succ_x0, succ_y)]), 1
    if from_end:
        sx, xe = pred_x1, end_clear(pred_x0, pred_x1)
    else:
        sx, xe = pred_x0, pred_x0 - GAP
    if to_end:
        tx, xi, direction = succ_x1, end_clear(succ_x0, succ_x1), -1
    else:
        tx, xi, direction = succ_x0, succ_x0 - GAP, 1
    edge = row_edge(pred_y, succ_y, row_height)
    return simplify([(sx, pred_y), (xe, pred_y), (xe, edge), (xi, edge), (xi, succ_y),
                     (tx, succ_y)]), direction


def head(tip_x: float, tip_y: float, direction: int,
         size: float = 5.0) -> list[Point]:
    """Triangle of an arrowhead whose tip is at (tip_x, tip_y), pointing ``direction``."""
    back = tip_x - direction * size
    return [(tip_x, tip_y), (back, tip_y - size * 0.7), (back, tip_y + size * 0.7)]
