# SPDX-License-Identifier: MIT
"""The deferral curve IT writes: parsing, validation, and what it gives."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.config.curve import (
    DEFAULT_CURVE,
    CurveError,
    Step,
    defer_for,
    parse_curve,
)

H = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def test_the_documented_default_is_a_valid_curve() -> None:
    assert parse_curve(DEFAULT_CURVE) == (Step(3 * DAY, 4 * H), Step(DAY, H))


def test_steps_are_sorted_farthest_first_whatever_the_order_written() -> None:
    assert parse_curve(" 1d:1h ,14d:1d,3d:4h") == (
        Step(14 * DAY, DAY),
        Step(3 * DAY, 4 * H),
        Step(DAY, H),
    )


def test_an_empty_curve_turns_it_off() -> None:
    assert parse_curve("") == ()
    assert defer_for((), DAY, 24 * H) == 24 * H


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("7d", "expected steps BEFORE:DEFER"),
        ("7x:1d", "expected a duration like 14d"),
        ("7d:0h", "expected a duration like 14d"),
        ("7d:-1h", "expected a duration like 14d"),
        ("1d:2d", "no longer than BEFORE"),
        ("7d:1h, 1d:4h", "tightens as the deadline nears"),
        ("2d:1h, 48h:1h", "repeats"),
        ("400d:1d", "at most 366d"),
        ("\uff17d:1d", "expected a duration like 14d"),  # a full-width 7
    ],
)
def test_a_wrong_curve_says_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(CurveError, match=message):
        parse_curve(text)


durations = st.builds(
    lambda n, unit: f"{n}{unit}",
    st.integers(min_value=1, max_value=99),
    st.sampled_from("mhd"),
)


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_curve_error_only(text: str) -> None:
    try:
        steps = parse_curve(text)
    except CurveError:
        return
    assert all(s.defer <= s.before for s in steps)


@given(
    st.lists(st.tuples(durations, durations), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=400 * 24 * 60),
    st.integers(min_value=1, max_value=72),
)
def test_a_valid_curve_only_tightens_and_never_exceeds_reminder_hours(
    pairs: list[tuple[str, str]], minutes_left: int, reminder_hours: int
) -> None:
    text = ", ".join(f"{b}:{d}" for b, d in pairs)
    try:
        steps = parse_curve(text)
    except CurveError:
        return
    default = reminder_hours * H
    left = datetime.timedelta(minutes=minutes_left)
    here = defer_for(steps, left, default)
    assert datetime.timedelta(0) < here <= default
    # Nearer the deadline, never a longer deferral.
    nearer = defer_for(steps, left / 2, default)
    assert nearer <= here
    # Further than every step: reminder_hours.
    assert defer_for(steps, steps[0].before + DAY, default) == default
