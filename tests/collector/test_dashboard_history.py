# SPDX-License-Identifier: MIT
"""Progress over time: the charts' figures against the seed (computed here
without the code), their accessibility (title, description, legend, table) in
both languages, the CSV, and the rules of the fold (pace, on track, behind,
late, done, long histories)."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest

from collector.dashboard.history import MAX_DAYS, wave_histories
from collector.dashboard.queries import ExpectedCounts, HistoryRow
from collector.dashboard.settings import DashboardConfig, WaveConfig
from tests.collector import test_dashboard
from tests.collector.conftest import Running
from tests.collector.test_dashboard import (
    EXPECTED,
    NOW,
    SEED,
    WAVES,
    Page,
    page,
    wave_of,
)

# The seed served on both databases (test_dashboard's fixture, shared).
seeded_dashboard = test_dashboard.seeded

TODAY = datetime.datetime.fromtimestamp(NOW, datetime.UTC).date()


def expected_today() -> dict[str, dict[str, int]]:
    """Per configured or reported wave: migrated, remaining and total today."""
    out: dict[str, dict[str, int]] = {}
    listed: dict[str, int] = {}
    for _, wave, _ in EXPECTED:
        listed[wave] = listed.get(wave, 0) + 1
    waves = {w.id for w in WAVES} | {w for s in SEED if (w := wave_of(s))}
    for wave in waves:
        mine = [s for s in SEED if wave_of(s) == wave]
        migrated = sum(1 for s in mine if s.still is False and s.in_intune)
        total = max(listed.get(wave, 0), len(mine))
        out[wave] = {
            "migrated": migrated,
            "remaining": total - migrated,
            "total": total,
        }
    return out


def articles(found: Page) -> dict[str, dict[str, str | None]]:
    return {
        str(attrs["data-wave"]): attrs
        for name, attrs in found.attrs_seen
        if name == "article" and attrs.get("data-wave")
    }


def test_the_charts_say_what_the_seed_says(seeded_dashboard: Running) -> None:
    found = page(seeded_dashboard, lang="en")
    charts = articles(found)
    for wave, want in expected_today().items():
        got = charts[wave]
        assert {k: int(str(got[f"data-{k}"])) for k in want} == want, wave
    assert list(charts)[:3] == ["wave-01", "wave-02", "wave-03"]  # configured first
    # wave-01 is done; wave-03's date (May 31) has passed with devices left.
    assert charts["wave-01"]["data-status"] == "done"
    assert charts["wave-03"]["data-status"] == "late"
    assert charts["wave-99"]["data-status"] == "no-date"
    # The last row of each table is today, and says the same as the card.
    last = found.rows("history-wave-02")[TODAY.isoformat()]
    assert int(str(last["migrated"])) == int(str(charts["wave-02"]["data-migrated"]))


@pytest.mark.parametrize(
    ("lang", "title", "legend"),
    [
        ("en", "wave-02: devices left to migrate, by day", "Not reported yet"),
        ("fr", "wave-02 : appareils restant à migrer, par jour", "Pas encore signalés"),
    ],
)
def test_the_charts_are_accessible_in_both_languages(
    seeded_dashboard: Running, lang: str, title: str, legend: str
) -> None:
    response = seeded_dashboard.get("/dashboard", lang=lang)
    text = response.text
    found = Page(text)
    assert title in found.texts and legend in found.texts
    svgs = [a for n, a in found.attrs_seen if n == "svg"]
    assert len(svgs) == 2 * len(articles(found))
    ids = {a.get("id") for _, a in found.attrs_seen if a.get("id")}
    for svg in svgs:
        assert svg["role"] == "img"
        labels = str(svg["aria-labelledby"]).split()
        assert len(labels) == 2 and set(labels) <= ids  # a title and a description
    # Every figure in words too (the description), and the data as a table.
    desc = re.search(r'<desc id="chart-1-b-desc">([^<]*)</desc>', text)
    assert desc is not None and any(ch.isdigit() for ch in desc.group(1))
    assert "<details>" in text and 'data-table="history-wave-02"' in text
    # No inline style anywhere (the CSP forbids it): colours come from classes.
    assert "style=" not in text


def test_the_history_csv(seeded_dashboard: Running) -> None:
    response = seeded_dashboard.get("/dashboard/csv/history")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    today = {r["wave"]: r for r in rows if r["day"] == TODAY.isoformat()}
    for wave, want in expected_today().items():
        assert int(today[wave]["migrated"]) == want["migrated"], wave
        remaining = int(today[wave]["in_progress"]) + int(today[wave]["not_reported"])
        assert remaining == want["remaining"], wave
    assert seeded_dashboard.get("/dashboard/csv/history", wave="x").status_code == 400


# --- the fold -------------------------------------------------------------------

DAY = datetime.timedelta(days=1)
START = datetime.date(2026, 5, 1)
WAVE = WaveConfig(
    id="w",
    notify_date=START,
    enforcement_date=START + 30 * DAY,
)


def fold(
    rows: list[HistoryRow], expected: int, today: datetime.date
) -> tuple[list[int], str, float, float | None]:
    (history,) = wave_histories(
        DashboardConfig(waves=(WAVE,)),
        rows,
        ExpectedCounts({"w": expected}, {}),
        today,
    )
    return (
        [d.remaining for d in history.days],
        history.status,
        history.pace,
        history.needed,
    )


def row(reported: int, migrated: int | None, devices: int = 1) -> HistoryRow:
    return HistoryRow(
        "w",
        (START + reported * DAY).isoformat(),
        None if migrated is None else (START + migrated * DAY).isoformat(),
        devices,
    )


def test_remaining_burns_down_and_the_pace_decides() -> None:
    # 10 expected; 10 report on day 0; one migrated a day from day 1.
    rows = [row(0, m) for m in range(1, 9)] + [row(0, None, 2)]
    remaining, status, pace, needed = fold(rows, 10, START + 9 * DAY)
    assert remaining == [10, 9, 8, 7, 6, 5, 4, 3, 2, 2]
    assert pace == pytest.approx(6 / 7)  # days 3..9: six migrations
    assert needed == pytest.approx(2 / 21)
    assert status == "on-track"
    # The same with 200 expected and nobody else reporting: behind.
    _, status, _, needed = fold(rows, 200, START + 9 * DAY)
    assert status == "behind" and needed == pytest.approx(192 / 21)


def test_done_late_and_no_date() -> None:
    everyone = [row(0, 1, 5)]
    assert fold(everyone, 5, START + 3 * DAY)[1] == "done"
    assert fold([row(0, None, 5)], 5, START + 40 * DAY)[1] == "late"
    (history,) = wave_histories(
        DashboardConfig(),
        [HistoryRow("other", START.isoformat(), None, 3)],
        ExpectedCounts({}, {}),
        START,
    )
    assert (history.wave, history.status, history.total) == ("other", "no-date", 3)


def test_long_and_odd_histories_keep_every_device() -> None:
    today = START + 500 * DAY
    rows = [row(0, 1), row(400, None), row(501, 502)]  # one dated after today
    remaining, _, _, _ = fold(rows, 0, today)
    assert len(remaining) == MAX_DAYS  # folded into the first day shown
    (history,) = wave_histories(
        DashboardConfig(waves=(WAVE,)), rows, ExpectedCounts({}, {}), today
    )
    last = history.days[-1]
    assert (last.migrated, last.total) == (2, 3)
    # The migration before the window is in the first day's total; the one
    # dated after today (a UTC day ahead) is today's.
    assert history.days[0].migrated == 1 and history.days[-1].new == 1
