"""Elbow routing of dependency arrows (no Qt: plain point lists, easy to test).

Each dependency type leaves one end of the predecessor and enters one end of
the successor:

* FS: predecessor end -> successor start
* SS: predecessor start -> successor start
* FF: predecessor end -> successor end
* SF: predecessor start -> successor end

An arrow leaves its bar horizontally (rightwards from an end, leftwards from a
start), runs vertically to the successor's row and enters the successor
horizontally (moving right into a start, left into an end). When the two ends
overlap so that a three-segment elbow would run backwards through a bar, the
route takes a five-segment detour along the boundary between the two rows.

A forward FS arrow (the common case) keeps clear of the bar labels where it can: a bar's
name is drawn just right of its end, so the arrow turns down before reaching the label,
runs along the row boundary and drops to the successor's row just before its start; it
crosses text only in the rows between the two tasks.
"""

from __future__ import annotations

GAP = 8.0  # horizontal stub length in pixels
LABEL_CLEAR = 3.0  # a bar's label starts 6 px right of its end: turn down before it
# For each type: (leave from predecessor end?, enter successor end?)
_ENDS = {0: (True, False), 1: (False, False), 2: (True, True), 3: (False, True)}


def route(type_code: int, pred_x0: float, pred_x1: float, pred_y: float,
          succ_x0: float, succ_x1: float, succ_y: float,
          row_height: float) -> tuple[list[tuple[float, float]], int]:
    """Points of the elbow polyline and the direction (+1 right, -1 left) of the head.

    ``type_code`` indexes ("FS", "SS", "FF", "SF"); x0/x1 are a bar's left and
    right edges and y its vertical centre.
    """
    from_end, to_end = _ENDS[type_code]
    sx = pred_x1 if from_end else pred_x0
    ds = 1 if from_end else -1
    tx = succ_x1 if to_end else succ_x0
    dt = -1 if to_end else 1  # direction of travel when entering the target
    x1 = sx + ds * GAP
    x2 = tx - dt * GAP
    if ds == dt:
        if ds * (x2 - x1) >= 0:
            if from_end and not to_end and succ_y != pred_y:  # forward FS: below the label
                yb = pred_y + (row_height if succ_y > pred_y else -row_height) / 2.0
                xs = sx + LABEL_CLEAR
                return [(sx, pred_y), (xs, pred_y), (xs, yb), (x2, yb), (x2, succ_y),
                        (tx, succ_y)], dt
            return [(sx, pred_y), (x1, pred_y), (x1, succ_y), (tx, succ_y)], dt
        # Detour along the row boundary next to the predecessor.
        step = row_height / 2.0 if succ_y >= pred_y else -row_height / 2.0
        ym = pred_y + step
        return [(sx, pred_y), (x1, pred_y), (x1, ym), (x2, ym), (x2, succ_y),
                (tx, succ_y)], dt
    xm = x1 if ds * (x1 - x2) >= 0 else x2
    return [(sx, pred_y), (xm, pred_y), (xm, succ_y), (tx, succ_y)], dt


def head(tip_x: float, tip_y: float, direction: int,
         size: float = 5.0) -> list[tuple[float, float]]:
    """Triangle of an arrowhead whose tip is at (tip_x, tip_y), pointing ``direction``."""
    back = tip_x - direction * size
    return [(tip_x, tip_y), (back, tip_y - size * 0.7), (back, tip_y + size * 0.7)]
