# SPDX-License-Identifier: MIT
"""The calendar of a migration: today, the device's wave, the phase.

Pure functions of the configuration and a clock, without msgspec: the window's
first page shows the deadline before its first paint, where importing msgspec
costs 8 ms. :mod:`helper.journey.deadlines` builds the journey's ``Deadline`` on
them; its docstring explains the time zones and the phases.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from helper.config.model import Wave

FINAL_DAYS: Final = 3

Phase = Literal["before-notify", "notify", "final-days", "overdue"]


def local_today(
    now: datetime.datetime, tz: datetime.tzinfo | None = None
) -> datetime.date:
    """Today's calendar date in the user's time zone (``tz``; None: the system's)."""
    return now.astimezone(tz).date()


def today(tz: datetime.tzinfo | None = None) -> datetime.date:
    """Today's calendar date in the user's time zone, from the system clock."""
    return local_today(datetime.datetime.now(datetime.UTC), tz)


def local_midnight(
    day: datetime.date, tz: datetime.tzinfo | None = None
) -> datetime.datetime:
    """The instant ``day`` starts in the user's time zone, as an aware UTC datetime."""
    naive = datetime.datetime.combine(day, datetime.time())
    # A naive datetime's astimezone() reads it as system local time, daylight
    # saving included: what "the user's local midnight" means without a tz.
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(datetime.UTC)


def pick_wave(
    waves: Sequence[Wave], today: datetime.date, wave_id: str | None = None
) -> Wave | None:
    """The wave of this device.

    The one named ``wave_id`` when it exists; otherwise the first wave (in
    configuration order) whose enforcement date is still ahead; otherwise the
    last one (every wave is past: the device is overdue against the last).

    Args:
        waves: ``config.migration.waves``.
        today: today's local date.
        wave_id: the wave IT assigned to this device, if any. An id that matches
            no wave is ignored (a typo must not remove the deadline).
    """
    if not waves:
        return None
    if wave_id:
        for wave in waves:
            if wave.id == wave_id:
                return wave
    for wave in waves:
        if wave.enforcement_date > today:
            return wave
    return waves[-1]


def phase_of(today: datetime.date, wave: Wave, final_days: int = FINAL_DAYS) -> Phase:
    """The phase of ``today`` against a wave (see the module docstring)."""
    left = days_left(today, wave)
    if left <= 0:
        return "overdue"
    if today < wave.notify_date:
        return "before-notify"
    if left <= final_days:
        return "final-days"
    return "notify"


def days_left(today: datetime.date, wave: Wave) -> int:
    """Days from ``today`` to the wave's enforcement (0 on the day, negative after)."""
    return (wave.enforcement_date - today).days
