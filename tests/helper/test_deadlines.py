# SPDX-License-Identifier: MIT
"""Deadlines and deferrals, with a fixed clock and explicit time zones."""

from __future__ import annotations

import datetime

import pytest

from helper.config.model import MigrationConfig, Wave
from helper.journey import deadlines
from helper.journey.deadlines import (
    deadline,
    deferral,
    local_midnight,
    local_today,
    next_reminder,
    phase_of,
    pick_wave,
)

UTC = datetime.UTC
PARIS_WINTER = datetime.timezone(datetime.timedelta(hours=1))
D = datetime.date

W1 = Wave(
    id="w1", name="Pilot", notify_date=D(2026, 11, 2), enforcement_date=D(2026, 11, 16)
)
W2 = Wave(
    id="w2", name="All", notify_date=D(2026, 11, 23), enforcement_date=D(2026, 12, 7)
)
WAVES = (W1, W2)


def at(
    day: datetime.date, hour: int = 9, tz: datetime.tzinfo = UTC
) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz)


def migration(**kwargs: object) -> MigrationConfig:
    base: dict[str, object] = {"waves": WAVES, "max_deferrals": 3, "reminder_hours": 24}
    base.update(kwargs)
    return MigrationConfig(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today", "phase", "days_left"),
    [
        (D(2026, 10, 20), "before-notify", 27),
        (D(2026, 11, 1), "before-notify", 15),
        (D(2026, 11, 2), "notify", 14),
        (D(2026, 11, 12), "notify", 4),
        (D(2026, 11, 13), "final-days", 3),
        (D(2026, 11, 15), "final-days", 1),
    ],
)
def test_phases_before_enforcement(
    today: datetime.date, phase: str, days_left: int
) -> None:
    due = deadline(migration(waves=(W1,)), at(today), tz=UTC)
    assert due is not None
    assert (due.wave_id, due.phase, due.days_left) == ("w1", phase, days_left)
    assert due.today == today


@pytest.mark.parametrize(
    ("today", "days_left"), [(D(2026, 11, 16), 0), (D(2026, 12, 1), -15)]
)
def test_overdue_from_the_enforcement_date(
    today: datetime.date, days_left: int
) -> None:
    due = deadline(migration(waves=(W1,)), at(today), tz=UTC)
    assert due is not None and (due.phase, due.days_left) == ("overdue", days_left)


def test_final_days_is_configurable() -> None:
    assert phase_of(D(2026, 11, 12), W1, final_days=5) == "final-days"
    assert phase_of(D(2026, 11, 12), W1) == "notify"
    assert deadlines.FINAL_DAYS == 3


def test_wave_choice() -> None:
    assert pick_wave((), D(2026, 11, 1)) is None
    # The first wave whose enforcement is still ahead...
    assert pick_wave(WAVES, D(2026, 11, 1)) is W1
    assert pick_wave(WAVES, D(2026, 11, 16)) is W2
    # ...else the last: the device is overdue against it.
    assert pick_wave(WAVES, D(2027, 1, 1)) is W2
    # A wave IT assigned wins; an unknown id falls back to the default choice.
    assert pick_wave(WAVES, D(2026, 11, 1), "w2") is W2
    assert pick_wave(WAVES, D(2026, 11, 1), "typo") is W1
    due = deadline(migration(), at(D(2026, 11, 1)), wave_id="w2", tz=UTC)
    assert due is not None and (due.wave_id, due.wave_name) == ("w2", "All")
    assert deadline(migration(waves=()), at(D(2026, 11, 1))) is None


def test_dates_are_local_calendar_dates() -> None:
    # 23:30 UTC on the 15th is already the 16th in Paris: enforcement day there.
    late = datetime.datetime(2026, 11, 15, 23, 30, tzinfo=UTC)
    assert local_today(late, UTC) == D(2026, 11, 15)
    assert local_today(late, PARIS_WINTER) == D(2026, 11, 16)
    in_utc = deadline(migration(waves=(W1,)), late, tz=UTC)
    in_paris = deadline(migration(waves=(W1,)), late, tz=PARIS_WINTER)
    assert in_utc is not None and in_paris is not None
    assert (in_utc.phase, in_paris.phase) == ("final-days", "overdue")
    # Enforcement starts at local midnight, reported in UTC.
    assert in_paris.enforced_at == datetime.datetime(2026, 11, 15, 23, 0, tzinfo=UTC)
    assert local_midnight(D(2026, 11, 16), UTC).tzinfo is UTC


def test_local_midnight_follows_daylight_saving() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        paris = zoneinfo.ZoneInfo("Europe/Paris")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database on this machine")
    summer = local_midnight(D(2026, 7, 1), paris)
    winter = local_midnight(D(2026, 12, 1), paris)
    assert (summer.hour, winter.hour) == (22, 23)


def test_system_local_zone_is_the_default() -> None:
    now = datetime.datetime.now(UTC)
    assert local_today(now) == now.astimezone().date()
    day = now.astimezone().date()
    assert local_midnight(day) <= now


def test_next_reminder_is_capped_at_enforcement() -> None:
    due = deadline(migration(waves=(W1,)), at(D(2026, 11, 10)), tz=UTC)
    assert due is not None
    # Far from the deadline: now + reminder_hours.
    assert next_reminder(at(D(2026, 11, 10)), 24, due) == at(D(2026, 11, 11))
    # A week-long reminder would land after the deadline: capped at its start.
    capped = next_reminder(at(D(2026, 11, 10)), 24 * 7, due)
    assert capped == datetime.datetime(2026, 11, 16, tzinfo=UTC)
    # On enforcement day there is nothing to remind before.
    assert next_reminder(at(D(2026, 11, 16)), 24, due) is None
    # No waves: nothing to cap against.
    assert next_reminder(at(D(2026, 11, 10)), 48, None) == at(D(2026, 11, 12))


def test_deferral_allowed_then_capped() -> None:
    now = at(D(2026, 11, 10))
    cfg = migration(waves=(W1,), max_deferrals=2)
    due = deadline(cfg, now, tz=UTC)
    first = deferral(cfg, now, 0, due)
    assert (first.allowed, first.used, first.max, first.remaining) == (True, 0, 2, 2)
    assert first.next_reminder == at(D(2026, 11, 11)) and first.blocked is None
    assert deferral(cfg, now, 1, due).remaining == 1
    last = deferral(cfg, now, 2, due)
    assert (last.allowed, last.remaining, last.blocked) == (
        False,
        0,
        "deferrals-exhausted",
    )
    assert last.next_reminder is None


def test_deferral_disabled_by_it_and_after_the_deadline() -> None:
    now = at(D(2026, 11, 10))
    cfg = migration(waves=(W1,), max_deferrals=0)
    assert deferral(cfg, now, 0, deadline(cfg, now, tz=UTC)).blocked == (
        "deferrals-disabled"
    )
    cfg = migration(waves=(W1,))
    late = at(D(2026, 11, 17))
    blocked = deferral(cfg, late, 0, deadline(cfg, late, tz=UTC))
    assert (blocked.allowed, blocked.blocked, blocked.remaining) == (
        False,
        "overdue",
        3,
    )
    # Without waves, deferrals are only limited by their number.
    cfg = migration(waves=())
    assert deferral(cfg, now, 0, None).allowed


def test_final_hours_reminder_is_capped_to_the_deadline() -> None:
    cfg = migration(waves=(W1,), reminder_hours=24, deferral_curve="")
    now = datetime.datetime(2026, 11, 15, 20, 0, tzinfo=UTC)
    choice = deferral(cfg, now, 0, deadline(cfg, now, tz=UTC))
    assert choice.allowed
    assert choice.next_reminder == datetime.datetime(2026, 11, 16, tzinfo=UTC)


def test_deferrals_tighten_as_the_deadline_nears_along_its_curve() -> None:
    """Enforcement at 2026-11-16 00:00 UTC; curve 7d:1d, 3d:4h, 1d:1h."""
    cfg = migration(
        waves=(W1,), reminder_hours=48, deferral_curve="7d:1d, 3d:4h, 1d:1h"
    )
    enforced = datetime.datetime(2026, 11, 16, tzinfo=UTC)

    def postponed_by(left: datetime.timedelta) -> datetime.timedelta | None:
        now = enforced - left
        choice = deferral(cfg, now, 0, deadline(cfg, now, tz=UTC))
        return None if choice.next_reminder is None else choice.next_reminder - now

    hours = datetime.timedelta(hours=1)
    assert postponed_by(10 * 24 * hours) == 48 * hours  # before the curve
    assert postponed_by(7 * 24 * hours) == 24 * hours
    assert postponed_by(3 * 24 * hours + hours) == 24 * hours
    assert postponed_by(3 * 24 * hours) == 4 * hours
    assert postponed_by(20 * hours) == 1 * hours
    # The last half hour: never past the deadline.
    assert postponed_by(hours / 2) == hours / 2


def test_after_the_deadline_no_curve_allows_a_deferral() -> None:
    cfg = migration(waves=(W1,), deferral_curve="30d:30d")
    now = datetime.datetime(2026, 11, 16, 0, 1, tzinfo=UTC)
    choice = deferral(cfg, now, 0, deadline(cfg, now, tz=UTC))
    assert not choice.allowed
    assert choice.blocked == "overdue"
    assert choice.next_reminder is None
