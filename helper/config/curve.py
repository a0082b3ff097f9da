# SPDX-License-Identifier: MIT
"""The deferral curve: how long "remind me later" postpones, as the deadline nears.

IT writes it as one string (``migration.deferral_curve``), so that every policy
encoding (TOML, registry REG_SZ, plist string, ADMX text box) carries it alike::

    deferral_curve = "7d:1d, 3d:4h, 1d:1h"

Each step is ``BEFORE:DEFER``: when the enforcement date is at most BEFORE away,
a deferral postpones by at most DEFER. Durations are a whole number and a unit,
``m`` (minutes), ``h`` (hours) or ``d`` (days). Further from the deadline than
every step, ``migration.reminder_hours`` applies. The curve must tighten: the
closer the step, the shorter (or equal) its DEFER; a DEFER never exceeds its
BEFORE (it would reach past the deadline, where deferring ends anyway); steps
are unique. ``""`` turns the curve off.

Plain Python (the configuration is read before the window's first paint).
"""

from __future__ import annotations

import datetime
import itertools
from typing import Final, NamedTuple

DEFAULT_CURVE: Final = "3d:4h, 1d:1h"
_UNITS: Final = {"m": 60, "h": 3600, "d": 86400}
MAX_STEPS: Final = 20
# A year: longer durations are typos (a campaign is not that long).
MAX_SECONDS: Final = 366 * 86400


class CurveError(ValueError):
    """An invalid curve; the message says what was expected."""


class Step(NamedTuple):
    """One step: within ``before`` of the deadline, defer at most ``defer``."""

    before: datetime.timedelta
    defer: datetime.timedelta


def parse_duration(text: str) -> datetime.timedelta:
    """``"14d"``, ``"8h"``, ``"30m"`` → a timedelta.

    Raises:
        CurveError: not a positive whole number followed by m, h or d.
    """
    word = text.strip()
    number, unit = word[:-1], word[-1:]
    if (
        unit not in _UNITS
        or not number.isascii()
        or not number.isdigit()
        or len(number) > 6
        or int(number) == 0
    ):
        raise CurveError(
            f"expected a duration like 14d, 8h or 30m (a whole number above 0 "
            f"and m, h or d), got {word!r}"
        )
    seconds = int(number) * _UNITS[unit]
    if seconds > MAX_SECONDS:
        raise CurveError(f"expected a duration of at most 366d, got {word!r}")
    return datetime.timedelta(seconds=seconds)


def parse_curve(text: str) -> tuple[Step, ...]:
    """A curve string → its steps, nearest the deadline last.

    Raises:
        CurveError: a malformed step, a repeated BEFORE, a DEFER longer than
            its BEFORE, or a curve that loosens as the deadline nears.
    """
    if not text.strip():
        return ()
    steps: list[Step] = []
    for part in text.split(","):
        before_text, colon, defer_text = part.partition(":")
        if not colon:
            raise CurveError(
                f"expected steps BEFORE:DEFER separated by commas "
                f"(like 7d:1d, 1d:1h), got {part.strip()!r}"
            )
        step = Step(parse_duration(before_text), parse_duration(defer_text))
        if step.defer > step.before:
            raise CurveError(
                f"expected DEFER no longer than BEFORE in {part.strip()!r}"
            )
        steps.append(step)
    if len(steps) > MAX_STEPS:
        raise CurveError(f"expected at most {MAX_STEPS} steps, got {len(steps)}")
    steps.sort(key=lambda s: s.before, reverse=True)
    for far, near in itertools.pairwise(steps):
        if far.before == near.before:
            raise CurveError(f"expected each BEFORE once, {_show(far.before)} repeats")
        if near.defer > far.defer:
            raise CurveError(
                "expected a curve that tightens as the deadline nears: "
                f"{_show(near.before)}:{_show(near.defer)} defers longer than "
                f"{_show(far.before)}:{_show(far.defer)}"
            )
    return tuple(steps)


def _show(delta: datetime.timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"  # pragma: no cover - durations are whole minutes


def defer_for(
    steps: tuple[Step, ...],
    time_left: datetime.timedelta,
    default: datetime.timedelta,
) -> datetime.timedelta:
    """How long a deferral postpones with ``time_left`` before the deadline.

    The nearest step whose BEFORE still covers ``time_left``; ``default``
    (``reminder_hours``) further away than every step. Never longer than
    ``default``: the curve only tightens.
    """
    chosen = default
    for step in steps:  # farthest first: the last match is the nearest
        if time_left <= step.before:
            chosen = step.defer
    return min(chosen, default)
