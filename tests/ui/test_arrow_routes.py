"""The routing geometry of dependency arrows, for each link type, forwards and overlapping
(negative lags), downwards and upwards, from and to bars and milestones: the right ends,
elbows only, the head's direction, and never across the two tasks' own labels.

Plain geometry (``ui.gantt.arrows`` has no Qt); the label boxes are where the painter draws
the names: from 6 px right of a bar's end, 4 px right of a milestone's diamond."""

from __future__ import annotations

import itertools

import pytest

from smartcity_desktop.ui.gantt import arrows

RH = 24.0
OFF = 12.0  # painter.arrow_offset(False): the bar's vertical centre
LABEL_W = 120.0
FS, SS, FF, SF = 0, 1, 2, 3


def label_box(x0: float, x1: float, row: int) -> tuple[float, float, float, float]:
    left = x0 + 6.5 + 4.0 if x0 == x1 else x1 + 6.0
    return left, row * RH + 1.0, left + LABEL_W, (row + 1) * RH - 1.0


def crosses(seg: tuple[tuple[float, float], tuple[float, float]], box) -> bool:
    (ax, ay), (bx, by) = seg
    left, top, right, bottom = box
    return (max(ax, bx) >= left and min(ax, bx) <= right
            and max(ay, by) >= top and min(ay, by) <= bottom)


def check(type_code, pred, succ, pred_row, succ_row):
    pts, direction = arrows.route(type_code, pred[0], pred[1], pred_row * RH + OFF,
                                  succ[0], succ[1], succ_row * RH + OFF, RH)
    from_end, to_end = type_code in (FS, FF), type_code in (FF, SF)
    assert pts[0] == (pred[1] if from_end else pred[0], pred_row * RH + OFF)
    assert pts[-1] == (succ[1] if to_end else succ[0], succ_row * RH + OFF)
    assert direction == (-1 if to_end else 1)
    segments = list(zip(pts, pts[1:]))
    for (ax, ay), (bx, by) in segments:
        assert (ax == bx) != (ay == by), pts  # elbows only, no zero-length pieces
    # the head arrives moving the way it points
    (lx, _), (tx, _) = segments[-1]
    assert (tx - lx) * direction > 0
    for seg in segments:
        for box in (label_box(*pred, pred_row), label_box(*succ, succ_row)):
            assert not crosses(seg, box), (pts, box)
    lo, hi = sorted((pred_row, succ_row))
    assert all(lo * RH <= y <= (hi + 1) * RH for _, y in pts)  # stays in the rows between
    return pts


BAR_A, BAR_B = (100.0, 200.0), (300.0, 400.0)  # A ends before B starts
OVERLAP = (150.0, 260.0)  # starts inside A, ends after it (a negative FS lag)
INSIDE = (120.0, 180.0)  # within A: starts after and ends before it
MILESTONE_A, MILESTONE_B = (200.0, 200.0), (150.0, 150.0)


PAIRS = [(BAR_A, BAR_B), (BAR_B, BAR_A), (BAR_A, OVERLAP), (BAR_A, INSIDE), (INSIDE, BAR_A),
         (MILESTONE_A, BAR_B), (BAR_A, MILESTONE_B), (MILESTONE_A, MILESTONE_B)]
ROWS = [(0, 1), (0, 4), (5, 2), (3, 2)]


@pytest.mark.parametrize("type_code", [FS, SS, FF, SF], ids=["FS", "SS", "FF", "SF"])
def test_routes_avoid_both_labels(type_code):
    for (pred, succ), (pred_row, succ_row) in itertools.product(PAIRS, ROWS):
        check(type_code, pred, succ, pred_row, succ_row)


def test_forward_fs_runs_along_the_row_edge_and_drops_before_the_start():
    pts = check(FS, BAR_A, BAR_B, 0, 3)
    assert pts == [(200.0, 12.0), (203.0, 12.0), (203.0, 24.0), (292.0, 24.0), (292.0, 84.0),
                   (300.0, 84.0)]


def test_negative_lag_fs_doubles_back_along_the_row_edge():
    pts = check(FS, BAR_A, OVERLAP, 0, 1)
    assert pts == [(200.0, 12.0), (203.0, 12.0), (203.0, 24.0), (142.0, 24.0), (142.0, 36.0),
                   (150.0, 36.0)]


def test_upward_link_runs_along_the_predecessors_upper_edge():
    pts = check(FF, BAR_B, BAR_A, 4, 1)
    assert pts[2][1] == 4 * RH and pts[-2][0] == 203.0  # drops in the gap before A's label


def test_ss_turns_once_left_of_both_starts():
    pts = check(SS, BAR_B, BAR_A, 0, 2)
    assert pts == [(300.0, 12.0), (92.0, 12.0), (92.0, 60.0), (100.0, 60.0)]


def test_ff_and_sf_enter_the_end_from_the_gap_before_its_label():
    for type_code in (FF, SF):
        pts = check(type_code, BAR_B, BAR_A, 0, 2)
        assert pts[-2:] == [(203.0, 60.0), (200.0, 60.0)]


def test_milestones_turn_clear_of_the_diamond():
    pts = check(FS, MILESTONE_A, BAR_B, 0, 1)
    assert pts[1] == (208.5, 12.0)  # past the diamond's tip (6.5), before its label (10.5)


def test_simplify_drops_repeated_points_and_straight_corners():
    assert arrows.simplify([(0, 0), (0, 0), (5, 0), (9, 0), (9, 4), (9, 8)]) == [
        (0, 0), (9, 0), (9, 8)]
