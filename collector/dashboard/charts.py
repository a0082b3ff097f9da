# SPDX-License-Identifier: MIT
"""The dashboard's charts: SVG written here, on the server.

No charting library and nothing fetched: dashboards run on closed networks,
and the page's Content-Security-Policy allows no inline style or script, so
the SVG carries classes only (colours come from dashboard.css, light and
dark). Per wave, two charts (:mod:`collector.dashboard.history`):

- the burn-down: devices left to migrate (in progress, then not reported
  yet) and migrated, by day, toward the conditional-access date, with the
  steady pace that would reach zero on that date;
- the share of the wave's devices migrated each day, with the daily share
  needed to finish by the date.

Accessible: each ``<svg role="img">`` has a ``<title>`` and a ``<desc>`` that
says the figures in words, a legend in HTML, and the data as a table (in a
``<details>``, and as CSV). Hooks for tests: ``data-*`` on each ``<figure>``
and ``data-col``/``data-value`` in the tables.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from typing import Final

from collector.dashboard.history import Day, WaveHistory
from collector.dashboard.html import Markup, escape, join, tag
from collector.dashboard.i18n import Words

WIDTH: Final = 640
HEIGHT: Final = 240
LEFT: Final = 56
RIGHT: Final = 16
TOP: Final = 24
BOTTOM: Final = 26
PLOT_W: Final = WIDTH - LEFT - RIGHT
PLOT_H: Final = HEIGHT - TOP - BOTTOM
# Burn-down bands, bottom first: (css class, message key).
BANDS: Final = (
    ("band-progress", "series_in_progress"),
    ("band-missing", "series_not_reported"),
    ("band-migrated", "series_migrated"),
)


def _nice(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^n at least ``value`` (axis maxima)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Frame:
    """Day and value → SVG coordinates for one chart."""

    def __init__(self, start: datetime.date, end: datetime.date, ymax: float) -> None:
        self.start = start
        self.span = max((end - start).days, 1)
        self.ymax = ymax

    def x(self, day: datetime.date, offset: float = 0.0) -> float:
        return LEFT + PLOT_W * ((day - self.start).days + offset) / self.span

    def y(self, value: float) -> float:
        return TOP + PLOT_H * (1 - min(value, self.ymax) / self.ymax)


def _axes(
    frame: _Frame,
    words: Words,
    history: WaveHistory,
    label: Callable[[float], str],
    *,
    integers: bool = False,
) -> Markup:
    parts: list[Markup] = []
    ticks = [0.0, frame.ymax / 2, frame.ymax]
    if integers and frame.ymax % 2:
        ticks = [0.0, frame.ymax]  # no "0.5 device"
    for tick in ticks:
        y = frame.y(tick)
        parts.append(
            tag(
                "line",
                x1=LEFT,
                x2=WIDTH - RIGHT,
                y1=_f(y),
                y2=_f(y),
                class_="grid",
            )
        )
        parts.append(
            tag(
                "text",
                label(tick),
                x=LEFT - 6,
                y=_f(y + 4),
                class_="axis",
                text_anchor="end",
            )
        )
    shown: list[datetime.date] = [history.start]
    if history.days and history.days[-1].day not in shown:
        shown.append(history.days[-1].day)
    if history.end not in shown:
        shown.append(history.end)
    for position, day in enumerate(shown):
        anchor = "start" if position == 0 else "end" if day == history.end else "middle"
        parts.append(
            tag(
                "text",
                words.short_date(day),
                x=_f(frame.x(day)),
                y=HEIGHT - BOTTOM + 18,
                class_="axis",
                text_anchor=anchor,
            )
        )
    return join(parts)


def _marker(frame: _Frame, day: datetime.date, text: str, css: str) -> Markup:
    at = frame.x(day)
    x = _f(at)
    # Written above the plot, on the side that has room.
    share = (at - LEFT) / PLOT_W
    anchor = "end" if share > 0.7 else "start" if share < 0.3 else "middle"
    return join(
        [
            tag("line", x1=x, x2=x, y1=TOP, y2=HEIGHT - BOTTOM, class_=css),
            tag(
                "text",
                text,
                x=x,
                y=TOP - 6,
                class_=f"axis {css}-label",
                text_anchor=anchor,
            ),
        ]
    )


def _band(
    frame: _Frame,
    days: Sequence[Day],
    low: Callable[[Day], int],
    high: Callable[[Day], int],
    css: str,
) -> Markup:
    if not days:
        return Markup("")
    # One day alone is drawn a day wide, so it shows.
    ends = (
        [(d.day, 0.0) for d in days]
        if len(days) > 1
        else [(days[0].day, 0.0), (days[0].day, 1.0)]
    )
    values = days if len(days) > 1 else [days[0], days[0]]
    top = [
        f"{_f(frame.x(d, o))},{_f(frame.y(high(v)))}"
        for (d, o), v in zip(ends, values, strict=True)
    ]
    bottom = [
        f"{_f(frame.x(d, o))},{_f(frame.y(low(v)))}"
        for (d, o), v in zip(ends, values, strict=True)
    ]
    return tag("polygon", points=" ".join(top + bottom[::-1]), class_=css)


def _labels(ident: str, title: str, description: str) -> Markup:
    """The ``<title>`` and ``<desc>`` the ``<svg>`` is labelled by."""
    return join(
        [
            tag("title", title, id=f"{ident}-title"),
            tag("desc", description, id=f"{ident}-desc"),
        ]
    )


def _svg(
    parts: list[Markup],
    frame: _Frame,
    history: WaveHistory,
    words: Words,
    *,
    ident: str,
    kind: str,
) -> Markup:
    """A chart: its parts, the conditional-access line, labelled by its
    ``<title>`` and ``<desc>`` (``{ident}-title``, ``{ident}-desc``)."""
    if history.lockout is not None and history.lockout >= history.start:
        parts.append(
            _marker(frame, history.lockout, words.t("marker_lockout"), "lockout")
        )
    return tag(
        "svg",
        join(parts),
        viewbox=f"0 0 {WIDTH} {HEIGHT}",
        role="img",
        aria_labelledby=f"{ident}-title {ident}-desc",
        class_=f"chart-svg {kind}",
        xmlns="http://www.w3.org/2000/svg",
    )


def burndown(history: WaveHistory, words: Words, ident: str) -> Markup:
    """The burn-down of one wave (an ``<svg>``)."""
    days = history.days
    total = max((d.total for d in days), default=0)
    frame = _Frame(history.start, history.end, _nice(max(total, 1)))
    now = history.last
    parts = [
        _labels(
            ident,
            words.t("chart_burndown_title", wave=history.wave),
            _burndown_desc(history, words),
        ),
        _axes(frame, words, history, lambda v: words.number(round(v)), integers=True),
        _band(frame, days, lambda d: 0, lambda d: d.in_progress, BANDS[0][0]),
        _band(frame, days, lambda d: d.in_progress, lambda d: d.remaining, BANDS[1][0]),
        _band(frame, days, lambda d: d.remaining, lambda d: d.total, BANDS[2][0]),
    ]
    if days:
        line = " ".join(
            f"{_f(frame.x(d.day))},{_f(frame.y(d.remaining))}" for d in days
        )
        parts.append(tag("polyline", points=line, class_="remaining"))
    lockout = history.lockout
    if lockout is not None and now is not None and lockout > now.day:
        # The steady pace from today's remaining to zero on the date.
        parts.append(
            tag(
                "line",
                x1=_f(frame.x(now.day)),
                y1=_f(frame.y(now.remaining)),
                x2=_f(frame.x(lockout)),
                y2=_f(frame.y(0)),
                class_="plan",
            )
        )
    return _svg(parts, frame, history, words, ident=ident, kind="burndown")


def daily(history: WaveHistory, words: Words, ident: str) -> Markup:
    """The share of the wave migrated each day (an ``<svg>`` of bars)."""
    days = history.days
    total = max(history.total, 1)
    shares = [100.0 * d.new / total for d in days]
    needed = 100.0 * history.needed / total if history.needed is not None else 0.0
    frame = _Frame(history.start, history.end, _nice(max([*shares, needed, 1.0])))
    width = max(PLOT_W / frame.span * 0.8, 1.0)
    parts = [
        _labels(
            ident,
            words.t("chart_daily_title", wave=history.wave),
            _daily_desc(history, words),
        ),
        _axes(frame, words, history, words.percent_value),
    ]
    for day, share in zip(days, shares, strict=True):
        if share <= 0:
            continue
        x = frame.x(day.day, 0.1)
        parts.append(
            tag(
                "rect",
                x=_f(x),
                y=_f(frame.y(share)),
                width=_f(width),
                height=_f(frame.y(0) - frame.y(share)),
                class_="bar",
                data_day=day.day.isoformat(),
                data_devices=day.new,
            )
        )
    if history.needed is not None:
        y = _f(frame.y(needed))
        parts.append(
            tag("line", x1=LEFT, x2=WIDTH - RIGHT, y1=y, y2=y, class_="needed")
        )
    return _svg(parts, frame, history, words, ident=ident, kind="daily")


def _burndown_desc(history: WaveHistory, words: Words) -> str:
    now = history.last
    if now is None:
        return words.t("chart_not_started", date=words.date(history.start))
    return words.t(
        "chart_burndown_desc",
        date=words.date(now.day),
        migrated=words.number(now.migrated),
        total=words.number(now.total),
        share=words.percent(now.migrated, now.total),
        in_progress=words.number(now.in_progress),
        not_reported=words.number(now.not_reported),
    )


def _daily_desc(history: WaveHistory, words: Words) -> str:
    best = max(history.days, key=lambda d: (d.new, d.day), default=None)
    if best is None or best.new == 0:
        return words.t("chart_daily_none")
    return words.t(
        "chart_daily_desc",
        best=words.number(best.new),
        date=words.date(best.day),
        pace=words.decimal(history.pace),
    )


def status_text(history: WaveHistory, words: Words) -> str:
    """Whether the wave is on track for its date, in one sentence."""
    now = history.last
    remaining = now.remaining if now is not None else 0
    date = words.date(history.lockout) if history.lockout else ""
    return words.t(
        f"status_{history.status}",
        pace=words.decimal(history.pace),
        needed=words.decimal(history.needed or 0.0),
        date=date,
        remaining=words.number(remaining),
    )


def _legend(words: Words, daily_chart: bool) -> Markup:
    if daily_chart:
        items = [("bar", "series_daily"), ("needed", "series_needed")]
    else:
        items = [*((css, key) for css, key in BANDS), ("plan", "series_plan")]
    return tag(
        "ul",
        join(
            tag(
                "li",
                tag("span", "", class_=f"swatch {css}", aria_hidden="true"),
                words.t(key),
            )
            for css, key in items
        ),
        class_="legend",
    )


def _table(history: WaveHistory, words: Words) -> Markup:
    total = max(history.total, 1)
    head = tag(
        "tr",
        join(
            tag("th", words.t(key), scope="col")
            for key in (
                "col_date",
                "series_migrated",
                "series_in_progress",
                "series_not_reported",
                "series_daily_count",
                "series_daily",
            )
        ),
    )

    # Written directly, not through tag(): 366 days × 5 waves of cells cost
    # the page tens of milliseconds at 200,000 devices (make bench). Every
    # value is a number or an ISO date; the words pass through escape().
    def cell(col: str, shown: str, value: object) -> str:
        return (
            f'<td data-col="{col}" data-value="{value}" class="num">'
            f"{escape(shown)}</td>"
        )

    rows = []
    for d in history.days:
        iso = d.day.isoformat()
        rows.append(
            f'<tr data-key="{iso}"><td data-col="day" data-value="{iso}">'
            f'<time datetime="{iso}">{escape(words.date(d.day))}</time></td>'
            + cell("migrated", words.number(d.migrated), d.migrated)
            + cell("in_progress", words.number(d.in_progress), d.in_progress)
            + cell("not_reported", words.number(d.not_reported), d.not_reported)
            + cell("new", words.number(d.new), d.new)
            + cell("share", words.percent(d.new, total), f"{100.0 * d.new / total:.1f}")
            + "</tr>"
        )
    return tag(
        "div",
        tag(
            "table",
            tag("caption", words.t("history_table", wave=history.wave)),
            tag("thead", head),
            tag("tbody", Markup("".join(rows))),
            data_table=f"history-{history.wave}",
        ),
        class_="scroll",
    )


def wave_charts(history: WaveHistory, words: Words, index: int) -> Markup:
    """One wave's card: its status, both charts with legends, the data table."""
    ident = f"chart-{index}"
    now = history.last
    name = history.config.name if history.config and history.config.name else ""
    heading = f"{history.wave} · {name}" if name else history.wave
    badge = tag(
        "span",
        words.t(f"badge_{history.status}"),
        class_=f"badge track-{history.status}",
        data_status=history.status,
    )
    return tag(
        "article",
        tag("h3", heading, " ", badge, id=f"{ident}-heading"),
        tag("p", status_text(history, words), class_="track"),
        tag(
            "div",
            tag(
                "figure",
                burndown(history, words, f"{ident}-b"),
                tag("figcaption", _legend(words, False)),
            ),
            tag(
                "figure",
                daily(history, words, f"{ident}-d"),
                tag("figcaption", _legend(words, True)),
            ),
            class_="chart-pair",
        ),
        tag(
            "details",
            tag("summary", words.t("history_table", wave=history.wave)),
            _table(history, words),
        ),
        class_="wave-chart",
        aria_labelledby=f"{ident}-heading",
        data_wave=history.wave,
        data_status=history.status,
        data_migrated=now.migrated if now else 0,
        data_remaining=now.remaining if now else 0,
        data_total=now.total if now else 0,
    )


def history_section(
    histories: Sequence[WaveHistory], words: Words, csv_link: str
) -> Markup:
    """Every wave's charts, and the CSV of their data."""
    if not histories:
        return tag("p", words.t("no_history"), class_="empty")
    return join(
        [
            join(wave_charts(h, words, n) for n, h in enumerate(histories)),
            tag("p", tag("a", words.t("csv_history"), href=csv_link), class_="csv"),
        ]
    )


__all__ = [
    "BANDS",
    "burndown",
    "daily",
    "history_section",
    "status_text",
    "wave_charts",
]
