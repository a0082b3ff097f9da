# SPDX-License-Identifier: MIT
"""Whether a due reminder may interrupt the user now: a pure decision.

A reminder must not land in the middle of a video call, a presentation or a
Do Not Disturb / Focus period. The OS tells us some of that, through the
signals read by :mod:`helper.probe.attention` (one small reader per signal,
each parsed by :mod:`helper.parsers.attention`); this module only decides, from
their readings, the number of times this reminder was already held back and a
clock given by the caller.

Each reading is ``busy`` (the signal says "not now"), ``free`` or ``unknown``
(the OS does not let us know, or reading failed). The rules:

- every reading ``free`` (or none is ``busy`` and none ``unknown``): **show**;
- any ``busy``: **postpone** by :data:`RETRY` and ask again, at most
  :data:`MAX_BUSY_POSTPONES` times in a row (two hours); then **show quietly**
  (the window appears without taking the focus: a meeting that long must not
  hide the deadline for ever);
- otherwise some ``unknown``: postpone at most :data:`MAX_UNKNOWN_POSTPONES`
  times, then show quietly: a signal we cannot read must never block the
  reminder, nor make it loud.

Codes only (ui/ owns the words): the reasons are signal names.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Final, Literal, NamedTuple, get_args

Signal = Literal[
    # Camera in use by any application.
    "camera",
    # Microphone in use by any application.
    "microphone",
    # A full-screen application (game, video, slideshow) has the screen.
    "fullscreen",
    # Presentation mode (Windows presentation settings, an idle inhibitor on Linux).
    "presentation",
    # Do Not Disturb / Focus / notification banners off.
    "do-not-disturb",
    # The screen is locked or the session is not the active one.
    "away",
]
State = Literal["busy", "free", "unknown"]
Action = Literal["show", "show-quietly", "postpone"]

SIGNALS: Final[tuple[Signal, ...]] = get_args(Signal)
RETRY: Final = datetime.timedelta(minutes=10)
MAX_BUSY_POSTPONES: Final = 12
MAX_UNKNOWN_POSTPONES: Final = 2


class Reading(NamedTuple):
    """What one OS signal says now.

    Attributes:
        signal: which signal.
        state: ``busy``, ``free`` or ``unknown``.
        source: the code of what was read (``quns``, ``consent-store``,
            ``pw-dump``...), for the log and helpdesk.
    """

    signal: Signal
    state: State
    source: str


class Decision(NamedTuple):
    """What to do with a due reminder.

    Attributes:
        action: ``show``, ``show-quietly`` (no focus taken) or ``postpone``.
        retry_at: when to ask again (``postpone`` only), else None.
        busy: the signals that said "not now", in :data:`SIGNALS` order.
        unknown: the signals that could not be read.
    """

    action: Action
    retry_at: datetime.datetime | None
    busy: tuple[Signal, ...]
    unknown: tuple[Signal, ...]


def _ordered(signals: Iterable[Signal]) -> tuple[Signal, ...]:
    found = set(signals)
    return tuple(s for s in SIGNALS if s in found)


def decide(
    readings: Iterable[Reading],
    postponed: int,
    now: datetime.datetime,
    *,
    retry: datetime.timedelta = RETRY,
    max_busy: int = MAX_BUSY_POSTPONES,
    max_unknown: int = MAX_UNKNOWN_POSTPONES,
) -> Decision:
    """Show the due reminder now, quietly, or later.

    Args:
        readings: the signals read just now (several readers may report the
            same signal: one ``busy`` is enough).
        postponed: how many times this reminder was already postponed.
        now: the current time (aware).
        retry: how long a postponement lasts.
        max_busy, max_unknown: the bounds of the module docstring.
    """
    items = list(readings)
    busy = _ordered(r.signal for r in items if r.state == "busy")
    # A signal another reader saw busy or free is known.
    known = {r.signal for r in items if r.state != "unknown"}
    unknown = _ordered(
        r.signal for r in items if r.state == "unknown" and r.signal not in known
    )
    if busy:
        limit = max_busy
    elif unknown:
        limit = max_unknown
    else:
        return Decision("show", None, busy, unknown)
    if postponed >= limit:
        return Decision("show-quietly", None, busy, unknown)
    return Decision("postpone", now + retry, busy, unknown)
