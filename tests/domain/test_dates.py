"""Imprecise plan dates: parsing, ranges, labels and storage codes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_desktop.domain.dates import (
    DateParseError,
    PlanDate,
    Precision,
    parse_day,
    parse_plan_date,
)


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "ko"),
    [
        ("2019-01-15", date(2019, 1, 15), date(2019, 1, 15), "2019. 1. 15."),
        ("2019-01-E", date(2019, 1, 1), date(2019, 1, 10), "2019년 1월 초"),
        ("2019-01-M", date(2019, 1, 11), date(2019, 1, 20), "2019년 1월 중"),
        ("2019-01-L", date(2019, 1, 21), date(2019, 1, 31), "2019년 1월 말"),
        ("2019-02", date(2019, 2, 1), date(2019, 2, 28), "2019년 2월"),
        ("2019-Q3", date(2019, 7, 1), date(2019, 9, 30), "2019년 3분기"),
        ("2019-H1", date(2019, 1, 1), date(2019, 6, 30), "2019년 상반기"),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), "2021년"),
    ],
)
def test_ranges_and_labels(text, earliest, latest, ko) -> None:
    d = parse_plan_date(text)
    assert (d.earliest(), d.latest(), d.label("ko")) == (earliest, latest, ko)
    assert parse_plan_date(d.code()) == d
    assert parse_plan_date(d.label("ko")) == d
    assert parse_plan_date(d.label("en")) == d


def test_korean_written_forms() -> None:
    assert parse_plan_date("2019년 1월 중순").precision is Precision.MID_MONTH
    assert parse_plan_date("2019년 하반기") == PlanDate.half(2019, 2)
    assert parse_plan_date("2019년 1월 15일") == PlanDate.exact(date(2019, 1, 15))
    assert parse_plan_date("2019. 2. 13.") == PlanDate.exact(date(2019, 2, 13))


BAD = ["", "2019-13", "2019-02-30", "2019-Q5", "내년 초", "19-1-1", "2019-H3"]


@pytest.mark.parametrize("bad", BAD)
def test_bad_dates_are_refused_with_a_message(bad) -> None:
    with pytest.raises(DateParseError):
        parse_plan_date(bad)


def test_parse_day() -> None:
    assert parse_day("2019-03-01") == date(2019, 3, 1)
    with pytest.raises(DateParseError, match="YYYY-MM-DD"):
        parse_day("2019/03/01")


precisions = st.sampled_from(list(Precision))


@st.composite
def plan_dates(draw):
    p = draw(precisions)
    year = draw(st.integers(1990, 2100))
    if p is Precision.DAY:
        return PlanDate.exact(draw(st.dates(date(year, 1, 1), date(year, 12, 31))))
    if p is Precision.QUARTER:
        return PlanDate.quarter(year, draw(st.integers(1, 4)))
    if p is Precision.HALF:
        return PlanDate.half(year, draw(st.integers(1, 2)))
    if p is Precision.YEAR:
        return PlanDate.whole_year(year)
    return PlanDate.month_part(year, draw(st.integers(1, 12)), p)


@given(plan_dates())
def test_code_and_labels_round_trip(d: PlanDate) -> None:
    assert parse_plan_date(d.code()) == d
    assert parse_plan_date(d.label("ko")) == d
    assert parse_plan_date(d.label("en")) == d
    assert d.earliest() <= d.latest()
    assert d.contains(d.earliest()) and d.contains(d.latest())


@given(st.text(max_size=30))
def test_parser_never_crashes(text: str) -> None:
    try:
        parse_plan_date(text)
    except DateParseError:
        pass
