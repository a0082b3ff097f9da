# SPDX-License-Identifier: MIT
"""Deadlines and "remind me later": pure functions of the config and a clock.

Time zones, explicitly:

- the clock gives an aware datetime (UTC by default, see ``state.utc_now``);
- wave dates (``notify_date``, ``enforcement_date``) are **calendar dates in the
  user's local time zone**: a wave enforced on 2026-12-01 is enforced from local
  midnight that day, wherever the device is. ``tz`` is that zone; None means the
  system's local zone (with its daylight-saving rules, through the C library);
- stored and reported times (the next reminder) are UTC.

Phases (codes; ui/ owns the words):

- ``before-notify``: today < notify_date;
- ``notify``: notify_date ≤ today and more than :data:`FINAL_DAYS` days left;
- ``final-days``: 1 to :data:`FINAL_DAYS` days left;
- ``overdue``: today ≥ enforcement_date (0 days left or fewer): conditional
  access applies, deferring is no longer possible.

Import-light: ``status`` uses it. The pure calendar functions are in
:mod:`helper.journey.calendar` (no msgspec: the window's first page uses them).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

import msgspec

from helper.config.curve import Step, defer_for, parse_curve
from helper.journey.calendar import (
    FINAL_DAYS,
    Phase,
    days_left,
    local_midnight,
    local_today,
    phase_of,
    pick_wave,
)

if TYPE_CHECKING:
    from helper.config.model import MigrationConfig

__all__ = [
    "FINAL_DAYS",
    "Deadline",
    "Deferral",
    "DeferralBlock",
    "Phase",
    "days_left",
    "deadline",
    "deferral",
    "local_midnight",
    "local_today",
    "next_reminder",
    "phase_of",
    "pick_wave",
]

DeferralBlock = Literal["deferrals-disabled", "deferrals-exhausted", "overdue"]


class Deadline(msgspec.Struct, frozen=True):
    """Where the device stands against its wave's dates.

    Attributes:
        wave_id, wave_name: the wave that applies.
        notify_date, enforcement_date: the wave's dates (local calendar dates).
        today: today's local date.
        days_left: enforcement_date - today in days (0 on the day, negative after).
        phase: see the module docstring.
        enforced_at: the instant enforcement starts (local midnight), in UTC.
    """

    wave_id: str
    wave_name: str
    notify_date: datetime.date
    enforcement_date: datetime.date
    today: datetime.date
    days_left: int
    phase: Phase
    enforced_at: datetime.datetime


class Deferral(msgspec.Struct, frozen=True):
    """Whether the user may press "remind me later" now.

    Attributes:
        allowed: deferring is possible now.
        used, max: deferrals used and allowed by IT (``migration.max_deferrals``).
        remaining: how many are left.
        next_reminder: when the reminder would come if the user deferred now (UTC,
            never after the start of enforcement); None when not allowed.
        blocked: why not allowed (a code), None when allowed.
    """

    allowed: bool
    used: int
    max: int
    remaining: int
    next_reminder: datetime.datetime | None = None
    blocked: DeferralBlock | None = None


def deadline(
    migration: MigrationConfig,
    now: datetime.datetime,
    *,
    wave_id: str | None = None,
    tz: datetime.tzinfo | None = None,
    final_days: int = FINAL_DAYS,
) -> Deadline | None:
    """The deadline of this device, None when IT configured no wave.

    Args:
        migration: ``config.migration``.
        now: the current time (aware).
        wave_id: the device's wave, when IT assigned one.
        tz: the user's time zone (None: the system's).
        final_days: how many days before enforcement the final phase starts.
    """
    today = local_today(now, tz)
    wave = pick_wave(migration.waves, today, wave_id)
    if wave is None:
        return None
    return Deadline(
        wave_id=wave.id,
        wave_name=wave.name,
        notify_date=wave.notify_date,
        enforcement_date=wave.enforcement_date,
        today=today,
        days_left=days_left(today, wave),
        phase=phase_of(today, wave, final_days),
        enforced_at=local_midnight(wave.enforcement_date, tz),
    )


def next_reminder(
    now: datetime.datetime,
    reminder_hours: int,
    due: Deadline | None,
    curve: tuple[Step, ...] = (),
) -> datetime.datetime | None:
    """When to remind the user after a deferral now, in UTC.

    ``now + reminder_hours``, or shorter as the deadline nears (``curve``:
    IT's ``migration.deferral_curve``), capped at the start of enforcement (a
    reminder after the deadline is useless: the user must be asked before
    access is blocked). None when enforcement has already started.
    """
    utc = now.astimezone(datetime.UTC)
    interval = datetime.timedelta(hours=reminder_hours)
    if due is None:
        return utc + interval
    if due.enforced_at <= now:
        return None
    interval = defer_for(curve, due.enforced_at - utc, interval)
    return min(utc + interval, due.enforced_at)


def deferral(
    migration: MigrationConfig,
    now: datetime.datetime,
    used: int,
    due: Deadline | None,
) -> Deferral:
    """Whether "remind me later" is possible now, and until when.

    Args:
        migration: ``config.migration`` (``max_deferrals``: 0 = never;
            ``reminder_hours``, ``deferral_curve``).
        now: the current time (aware).
        used: deferrals used so far in this journey.
        due: the device's deadline (:func:`deadline`), None without waves.
    """
    allowed_max = max(migration.max_deferrals, 0)
    remaining = max(allowed_max - used, 0)
    blocked: DeferralBlock | None = None
    # Validated at load: a curve that does not parse never reaches here.
    curve = parse_curve(migration.deferral_curve)
    reminder = next_reminder(now, migration.reminder_hours, due, curve)
    if allowed_max == 0:
        blocked = "deferrals-disabled"
    elif remaining == 0:
        blocked = "deferrals-exhausted"
    elif reminder is None or (due is not None and due.phase == "overdue"):
        blocked = "overdue"
    return Deferral(
        allowed=blocked is None,
        used=used,
        max=allowed_max,
        remaining=remaining,
        next_reminder=reminder if blocked is None else None,
        blocked=blocked,
    )
