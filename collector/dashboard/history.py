# SPDX-License-Identifier: MIT
"""Each wave's progress over time, folded from :func:`queries.history`.

Pure functions (no I/O). For every day from the wave's start (its notify date,
or its first report) to today:

- **migrated**: confirmed devices out of the old EMM and in Intune, counted
  from the day the collector first stored them so (``migrated_utc``);
- **in progress**: devices that have reported, not migrated yet;
- **not reported yet**: devices of IT's expected list beyond those that have
  reported (the wave's list size minus its reporting devices, at least 0).

Their sum is the wave's size that day; "in progress" and "not reported yet"
together are what is left to migrate: the burn-down toward the
conditional-access date. ``pace`` is the devices migrated per day over the
last week, ``needed`` the pace that would finish by the date; the wave is on
track when the first is at least the second.

Days are UTC days of arrival at the collector (what IT learned when, not the
devices' clocks).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from collector.dashboard.queries import ExpectedCounts, HistoryRow
from collector.dashboard.settings import DashboardConfig, WaveConfig

# A longer history is folded into its first day (the page stays small).
MAX_DAYS: Final = 366
PACE_DAYS: Final = 7
Status = Literal["done", "on-track", "behind", "late", "no-date"]


@dataclass(frozen=True, slots=True)
class Day:
    """One day of a wave.

    Attributes:
        day: the date.
        migrated: devices migrated by the end of that day.
        in_progress: devices reporting, not migrated.
        not_reported: expected devices that have not reported yet.
        new: devices migrated that day.
    """

    day: datetime.date
    migrated: int
    in_progress: int
    not_reported: int
    new: int

    @property
    def remaining(self) -> int:
        """Devices left to migrate."""
        return self.in_progress + self.not_reported

    @property
    def total(self) -> int:
        """The wave's size that day."""
        return self.migrated + self.remaining


@dataclass(slots=True)
class WaveHistory:
    """One wave's days, and whether it is on track for its date.

    Attributes:
        wave: the wave id.
        config: its configuration, when configured.
        days: from the start to today (empty when it starts after today).
        start: the first day of the chart.
        end: the last day of the axis (the conditional-access date when it is
            later than today).
        lockout: the conditional-access date, when configured.
        pace: devices migrated per day over the last week (or since the start).
        needed: devices per day that would finish by the date (None: no date,
            nothing left, or the date has passed).
        status: ``done``, ``on-track``, ``behind``, ``late`` (the date has
            passed with devices left) or ``no-date``.
    """

    wave: str
    config: WaveConfig | None
    days: list[Day] = field(default_factory=list)
    start: datetime.date = datetime.date.min
    end: datetime.date = datetime.date.min
    lockout: datetime.date | None = None
    pace: float = 0.0
    needed: float | None = None
    status: Status = "no-date"

    @property
    def last(self) -> Day | None:
        """Today's figures."""
        return self.days[-1] if self.days else None

    @property
    def total(self) -> int:
        """The wave's size today."""
        return self.days[-1].total if self.days else 0

    @property
    def days_left(self) -> int | None:
        """Days to the conditional-access date (negative once past)."""
        if self.lockout is None or not self.days:
            return None
        return (self.lockout - self.days[-1].day).days


def _day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def wave_histories(
    settings: DashboardConfig,
    rows: Sequence[HistoryRow],
    expected: ExpectedCounts,
    today: datetime.date,
) -> list[WaveHistory]:
    """Every wave's history: the configured waves first (in their order), then
    the others that devices report; devices without a wave have none."""
    reported: dict[str, Counter[datetime.date]] = {}
    migrated: dict[str, Counter[datetime.date]] = {}
    for row in rows:
        if row.wave is None:
            continue
        first = _day(row.reported)
        if first is None:
            continue
        reported.setdefault(row.wave, Counter())[first] += row.devices
        if row.migrated is not None:
            moved = _day(row.migrated)
            if moved is not None:
                migrated.setdefault(row.wave, Counter())[moved] += row.devices
    order = [w.id for w in settings.waves]
    others = sorted(
        {w for w in reported if w not in order}
        | {w for w in expected.expected if w is not None and w not in order}
    )
    out = []
    for wave in order + others:
        config = settings.wave(wave)
        history = _fold(
            wave,
            config,
            reported=reported.get(wave, Counter()),
            migrated=migrated.get(wave, Counter()),
            expected=expected.expected.get(wave, 0),
            today=today,
        )
        if history is not None:
            out.append(history)
    return out


def _fold(
    wave: str,
    config: WaveConfig | None,
    *,
    reported: Counter[datetime.date],
    migrated: Counter[datetime.date],
    expected: int,
    today: datetime.date,
) -> WaveHistory | None:
    if not reported and not expected:
        return None
    firsts = [d for d in reported if d <= today]
    if config is not None and config.notify_date is not None:
        firsts.append(config.notify_date)
    start = min(firsts) if firsts else today
    start = max(start, today - datetime.timedelta(days=MAX_DAYS - 1))
    lockout = config.lockout_date if config is not None else None
    history = WaveHistory(
        wave=wave,
        config=config,
        start=start,
        end=max(today, lockout) if lockout is not None else today,
        lockout=lockout,
    )
    if start > today:
        return history
    seen = done = 0
    # Everything before the start (or dated after today by a UTC day) is
    # counted on the first (or the last) day.
    for day, count in reported.items():
        if day < start:
            seen += count
    for day, count in migrated.items():
        if day < start:
            done += count
    span = (today - start).days + 1
    for offset in range(span):
        day = start + datetime.timedelta(days=offset)
        last = offset == span - 1
        seen += reported.get(day, 0)
        new = migrated.get(day, 0)
        if last:
            seen += sum(c for d, c in reported.items() if d > today)
            new += sum(c for d, c in migrated.items() if d > today)
        done += new
        history.days.append(
            Day(
                day=day,
                migrated=done,
                in_progress=max(seen - done, 0),
                not_reported=max(expected - seen, 0),
                new=new,
            )
        )
    _judge(history)
    return history


def _judge(history: WaveHistory) -> None:
    now = history.days[-1]
    week = history.days[-PACE_DAYS:]
    before = (
        history.days[-PACE_DAYS - 1].migrated
        if len(history.days) > PACE_DAYS
        else now.migrated - sum(d.new for d in week)
    )
    history.pace = (now.migrated - before) / len(week)
    left = history.days_left
    if now.total and now.remaining == 0:
        history.status = "done"
    elif left is None:
        history.status = "no-date"
    elif left <= 0:
        history.status = "late"
    else:
        history.needed = now.remaining / left
        history.status = "on-track" if history.pace >= history.needed else "behind"


__all__ = ["MAX_DAYS", "PACE_DAYS", "Day", "Status", "WaveHistory", "wave_histories"]
