# SPDX-License-Identifier: MIT
"""What the dashboard shows: the figures folded from the queries, as tables.

Pure functions (no I/O): :func:`overview` turns query results into
:class:`Overview`; the ``*_table`` functions turn that into :class:`Table`
models that :func:`render_table` writes as HTML (and ``routes`` as CSV), so the
page and its CSV files always say the same thing.

Stable hooks for tests and scripts: every figure is a ``<data>`` element with
an ``id`` (``total-devices``, ``total-state-failed``...) or a table cell with
``data-col`` and ``data-value``; each table row has ``data-key``.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from collector.dashboard.html import Markup, escape, join, tag
from collector.dashboard.i18n import MESSAGES, Words
from collector.dashboard.queries import (
    CubeRow,
    ErrorCount,
    ExpectedCounts,
    IdentityCounts,
)
from collector.dashboard.settings import DashboardConfig, WaveConfig
from collector.storage.base import Row

STATES: Final = (
    "not-started",
    "in-progress",
    "succeeded",
    "failed",
    "blocked",
    "deferred",
)
TOP_ERRORS: Final = 15


# --- figures --------------------------------------------------------------------


@dataclass(slots=True)
class WaveSummary:
    """One wave's figures.

    Attributes:
        wave: the id (None: devices with no wave).
        config: its configuration, when configured.
        states: reporting devices per ``overall_state``.
        not_left: reporting devices still in the old EMM, or unknown (a
            device that never had one, or left it, does not count).
        not_intune: reporting devices not yet in Intune.
        safe: reporting devices out of the old EMM and in Intune.
        expected: devices of the wave in IT's list.
        never_ran: of those, the ones that never reported.
    """

    wave: str | None
    config: WaveConfig | None = None
    states: Counter[str] = field(default_factory=Counter)
    not_left: int = 0
    not_intune: int = 0
    safe: int = 0
    expected: int = 0
    never_ran: int = 0

    @property
    def reporting(self) -> int:
        """Devices reporting in this wave."""
        return sum(self.states.values())

    @property
    def ready(self) -> bool | None:
        """Ready to switch the old EMM off (None: no device at all)."""
        if self.reporting == 0 and self.expected == 0:
            return None
        return self.not_left == 0 and self.not_intune == 0 and self.never_ran == 0


@dataclass(slots=True)
class GroupSummary:
    """Devices of one vendor or OS family.

    Attributes:
        key: the vendor or OS family (None: none detected).
        states: devices per ``overall_state``.
        still, left, unknown: by the old EMM
            (:func:`~collector.dashboard.queries.legacy_sql`); ``left`` counts
            the devices that never had one too.
    """

    key: str | None
    states: Counter[str] = field(default_factory=Counter)
    still: int = 0
    left: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        """Devices in the group."""
        return sum(self.states.values())


@dataclass(slots=True)
class ErrorSummary:
    """One error code among failed and blocked devices."""

    code: str
    devices: int
    state: str
    stage: str | None


@dataclass(slots=True)
class Overview:
    """Every figure of the page."""

    today: datetime.date
    states: Counter[str]
    not_left: int
    safe: int
    waves: list[WaveSummary]
    vendors: list[GroupSummary]
    systems: list[GroupSummary]
    errors: list[ErrorSummary]
    errors_total: int
    expected: int
    never_ran: int
    stale: int
    unconfirmed: int = 0
    flagged_users: int = 0

    @property
    def devices(self) -> int:
        """Devices reporting."""
        return sum(self.states.values())


def overview(
    settings: DashboardConfig,
    cube: Sequence[CubeRow],
    expected: ExpectedCounts,
    errors: Sequence[ErrorCount],
    *,
    stale: int,
    today: datetime.date,
    identity: IdentityCounts | None = None,
) -> Overview:
    """Fold the query results into the page's figures."""
    waves: dict[str | None, WaveSummary] = {
        w.id: WaveSummary(w.id, w) for w in settings.waves
    }
    vendors: dict[str | None, GroupSummary] = {}
    systems: dict[str | None, GroupSummary] = {}
    states: Counter[str] = Counter()
    not_left = safe = 0
    for row in cube:
        n = row.devices
        states[row.state] += n
        wave = waves.setdefault(row.wave, WaveSummary(row.wave))
        wave.states[row.state] += n
        left = row.out_of_legacy
        if not left:
            wave.not_left += n
            not_left += n
        if not row.in_intune:
            wave.not_intune += n
        if left and row.in_intune:
            wave.safe += n
            safe += n
        for groups, key in ((vendors, row.vendor), (systems, row.os_family)):
            group = groups.setdefault(key, GroupSummary(key))
            group.states[row.state] += n
            if row.legacy == "unknown":
                group.unknown += n
            elif row.legacy == "present":
                group.still += n
            else:
                group.left += n
    for wave_id, count in expected.expected.items():
        waves.setdefault(wave_id, WaveSummary(wave_id)).expected += count
    for wave_id, count in expected.never_ran.items():
        waves.setdefault(wave_id, WaveSummary(wave_id)).never_ran += count
    configured = [waves[w.id] for w in settings.waves]
    others = sorted(
        (s for k, s in waves.items() if settings.wave(k) is None),
        key=lambda s: (s.wave is None, s.wave or ""),
    )
    by_code: dict[str, Counter[tuple[str, str | None]]] = defaultdict(Counter)
    for error in errors:
        by_code[error.code][(error.state, error.stage)] += error.devices
    summaries = []
    for code, counts in by_code.items():
        (state, stage), _ = counts.most_common(1)[0]
        summaries.append(ErrorSummary(code, sum(counts.values()), state, stage))
    summaries.sort(key=lambda e: (-e.devices, e.code))
    return Overview(
        today=today,
        states=states,
        not_left=not_left,
        safe=safe,
        waves=configured + others,
        vendors=sorted(vendors.values(), key=lambda g: (-g.total, g.key or "")),
        systems=sorted(systems.values(), key=lambda g: (-g.total, g.key or "")),
        errors=summaries[:TOP_ERRORS],
        errors_total=states["failed"] + states["blocked"],
        expected=sum(expected.expected.values()),
        never_ran=sum(expected.never_ran.values()),
        stale=stale,
        unconfirmed=identity.unconfirmed if identity else 0,
        flagged_users=identity.flagged_users if identity else 0,
    )


# --- tables ---------------------------------------------------------------------

SortValue = int | str | None


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its key (``data-col``), label, and kind."""

    key: str
    label: str
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: what is shown, what it sorts by, what the CSV says."""

    html: Markup
    value: SortValue
    csv: str


def text_cell(value: str | None, shown: str | None = None) -> Cell:
    """A text cell (``shown`` replaces ``value`` on the page)."""
    display = value if shown is None else shown
    return Cell(escape(display or ""), value or "", value or "")


def number_cell(value: int, words: Words) -> Cell:
    """A number, formatted for the language."""
    return Cell(escape(words.number(value)), value, str(value))


@dataclass(slots=True)
class Table:
    """A sortable table.

    Attributes:
        id: the ``data-table`` name (also the CSV route and ``?sort=`` name).
        caption: its caption.
        columns: the columns.
        rows: ``(key, cells by column key)``.
        total: rows in all (when the page shows only the first ones).
    """

    id: str
    caption: str
    columns: list[Column]
    rows: list[tuple[str, dict[str, Cell]]]
    total: int | None = None
    sorted_by: tuple[str, bool] | None = None

    def sort(self, column: str, descending: bool) -> bool:
        """Sort the rows by a column (None and "" last); False if unknown."""
        if column not in {c.key for c in self.columns}:
            return False

        def key(row: tuple[str, dict[str, Cell]]) -> tuple[int, int | str]:
            value = row[1][column].value
            if value is None or value == "":
                return (1, 0)
            return (0, value)

        present = [r for r in self.rows if key(r)[0] == 0]
        missing = [r for r in self.rows if key(r)[0] == 1]
        present.sort(key=key, reverse=descending)
        self.rows = present + missing
        self.sorted_by = (column, descending)
        return True


def days_cell(days: int | None, words: Words) -> Cell:
    """Days left (negative: past)."""
    if days is None:
        return Cell(Markup(""), None, "")
    return Cell(escape(words.days_left(days)), days, str(days))


def date_cell(day: datetime.date | None, words: Words) -> Cell:
    """A date, formatted for the language, in a ``<time>``."""
    if day is None:
        return Cell(Markup(""), None, "")
    iso = day.isoformat()
    return Cell(tag("time", words.date(day), datetime=iso), iso, iso)


def moment_cell(text: str | None, words: Words) -> Cell:
    """A stored or RFC 3339 UTC time, formatted for the language."""
    when = parse_time(text)
    if when is None:
        return Cell(escape(text or ""), text or None, text or "")
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return Cell(tag("time", words.moment(when), datetime=iso), iso, iso)


def parse_time(text: str | None) -> datetime.datetime | None:
    """The UTC time of the first 19 characters of a stored or RFC 3339 time."""
    if not text or len(text) < 19:
        return None
    try:
        return datetime.datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(
            tzinfo=datetime.UTC
        )
    except ValueError:
        return None


def state_label(state: str, words: Words) -> str:
    """A state's label (the raw value when unknown)."""
    key = f"state_{state}"
    return words.t(key) if key in MESSAGES else state


def _state_columns(words: Words) -> list[Column]:
    return [Column(f"state_{s}", words.t(f"state_{s}"), True) for s in STATES]


def _state_cells(states: Mapping[str, int], words: Words) -> dict[str, Cell]:
    return {f"state_{s}": number_cell(states.get(s, 0), words) for s in STATES}


Link = Callable[[Mapping[str, str | Sequence[str]]], str]


def waves_table(data: Overview, words: Words, export: Link, ready_csv: Link) -> Table:
    """One row per wave: dates, days left, readiness and its blockers."""
    columns = [
        Column("wave", words.t("col_wave")),
        Column("lockout", words.t("col_lockout")),
        Column("days_left", words.t("col_days_left"), True),
        Column("expected", words.t("col_expected"), True),
        Column("reporting", words.t("col_reporting"), True),
        Column("never_ran", words.t("col_never"), True),
        Column("not_left", words.t("col_still_legacy"), True),
        Column("not_intune", words.t("col_not_intune"), True),
        Column("ready", words.t("col_ready")),
        Column("links", words.t("col_links")),
    ]
    rows = []
    for wave in data.waves:
        config = wave.config
        lockout = config.lockout_date if config else None
        days = (lockout - data.today).days if lockout else None
        # Devices without a wave are no wave to switch off.
        ready = wave.ready if wave.wave is not None else None
        if wave.wave is None:
            label, css, sort = "", "", ""
        elif ready is None:
            label, css, sort = words.t("no_data"), "ready-none", "0"
        elif ready:
            label, css, sort = words.t("yes"), "ready-yes", "2"
        else:
            label, css, sort = words.t("no"), "ready-no", "1"
        links: list[Markup] = []
        if wave.wave is not None:
            links.append(
                tag("a", words.t("csv_wave_devices"), href=export({"wave": wave.wave}))
            )
            links.append(
                tag("a", words.t("csv_wave_ready"), href=ready_csv({"wave": wave.wave}))
            )
        name = config.name if config and config.name else ""
        if wave.wave is not None and config is None:
            name = words.t("not_configured")
        label_html = join(
            [
                tag("span", wave.wave or words.t("no_wave"), class_="id"),
                tag("span", name, class_="sub") if name else None,
            ]
        )
        cells = {
            "wave": Cell(label_html, wave.wave or "", wave.wave or ""),
            "lockout": date_cell(lockout, words),
            "days_left": days_cell(days, words),
            "expected": number_cell(wave.expected, words),
            "reporting": number_cell(wave.reporting, words),
            "never_ran": number_cell(wave.never_ran, words),
            "not_left": number_cell(wave.not_left, words),
            "not_intune": number_cell(wave.not_intune, words),
            "ready": Cell(
                tag("span", label, class_=f"badge {css}", data_ready=css[6:])
                if css
                else Markup(""),
                sort or None,
                {"2": "yes", "1": "no", "0": "", "": ""}[sort],
            ),
            "links": Cell(join(_spaced(links)), None, ""),
        }
        rows.append((wave.wave or "", cells))
    return Table("waves", words.t("sec_waves"), columns, rows)


def _spaced(items: Iterable[Markup]) -> list[Markup]:
    out: list[Markup] = []
    for item in items:
        if out:
            out.append(Markup(" · "))
        out.append(item)
    return out


def wave_states_table(data: Overview, words: Words) -> Table:
    """Reporting devices per wave and state."""
    columns = [
        Column("wave", words.t("col_wave")),
        Column("total", words.t("col_total"), True),
        *_state_columns(words),
    ]
    rows = []
    for wave in data.waves:
        if wave.reporting == 0:
            continue
        cells = {
            "wave": text_cell(wave.wave, wave.wave or words.t("no_wave")),
            "total": number_cell(wave.reporting, words),
            **_state_cells(wave.states, words),
        }
        rows.append((wave.wave or "", cells))
    return Table("wave-states", words.t("sec_wave_states"), columns, rows)


def vendors_table(data: Overview, words: Words, export: Link) -> Table:
    """Devices per old EMM vendor: left, still enrolled, outcome."""
    columns = [
        Column("vendor", words.t("col_vendor")),
        Column("total", words.t("col_total"), True),
        Column("still", words.t("col_still"), True),
        Column("left", words.t("col_left"), True),
        Column("unknown", words.t("col_unknown"), True),
        *_state_columns(words),
        Column("links", words.t("col_links")),
    ]
    rows = []
    for group in data.vendors:
        link = (
            tag("a", words.t("csv"), href=export({"vendor": group.key}))
            if group.key
            else Markup("")
        )
        cells = {
            "vendor": text_cell(group.key, group.key or words.t("no_vendor")),
            "total": number_cell(group.total, words),
            "still": number_cell(group.still, words),
            "left": number_cell(group.left, words),
            "unknown": number_cell(group.unknown, words),
            **_state_cells(group.states, words),
            "links": Cell(link, None, ""),
        }
        rows.append((group.key or "", cells))
    return Table("vendors", words.t("sec_vendors"), columns, rows)


def systems_table(data: Overview, words: Words, export: Link) -> Table:
    """Devices per OS family and state."""
    columns = [
        Column("os", words.t("col_os")),
        Column("total", words.t("col_total"), True),
        *_state_columns(words),
        Column("links", words.t("col_links")),
    ]
    rows = []
    for group in data.systems:
        key = group.key or ""
        cells = {
            "os": text_cell(key),
            "total": number_cell(group.total, words),
            **_state_cells(group.states, words),
            "links": Cell(tag("a", words.t("csv"), href=export({"os": key})), None, ""),
        }
        rows.append((key, cells))
    return Table("os", words.t("sec_os"), columns, rows)


def errors_table(data: Overview, words: Words) -> Table:
    """The most frequent codes of failed and blocked devices."""
    columns = [
        Column("code", words.t("col_code")),
        Column("total", words.t("col_total"), True),
        Column("share", words.t("col_share"), True),
        Column("state", words.t("col_state")),
        Column("stage", words.t("col_stage")),
    ]
    rows = []
    for error in data.errors:
        share = words.percent(error.devices, data.errors_total)
        per_mille = (
            0 if not data.errors_total else error.devices * 1000 // data.errors_total
        )
        cells = {
            "code": Cell(tag("code", error.code), error.code, error.code),
            "total": number_cell(error.devices, words),
            "share": Cell(escape(share), per_mille, share),
            "state": text_cell(error.state, state_label(error.state, words)),
            "stage": text_cell(error.stage),
        }
        rows.append((error.code, cells))
    return Table("errors", words.t("sec_errors"), columns, rows)


def device_label(entra: object, serial: object, key: object) -> str:
    """The most useful short id of a device for IT (the CSV has them whole)."""
    if entra:
        return f"entra {str(entra)[:8]}…"
    if serial:
        return f"serial {str(serial)[:12]}…"
    machine = str(key).split(":", 2)[-1] if key else ""
    return machine if len(machine) <= 24 else f"{machine[:22]}…"


def short_cell(value: str | None, shown: str) -> Cell:
    """A long id shown shortened, whole in its tooltip."""
    if not value:
        return text_cell(None)
    return Cell(tag("span", shown, title=value), value, value)


def stale_table(
    rows: Sequence[Row], total: int, words: Words, today: datetime.date
) -> Table:
    """Unfinished devices without progress (rows of ``queries.stale_devices``)."""
    columns = [
        Column("device", words.t("col_device")),
        Column("user", words.t("col_user_oid")),
        Column("wave", words.t("col_wave")),
        Column("state", words.t("col_state")),
        Column("stage", words.t("col_stage")),
        Column("progress", words.t("col_last_progress")),
        Column("idle", words.t("col_idle_days"), True),
        Column("last_report", words.t("col_last_report")),
        Column("vendor", words.t("col_vendor")),
        Column("os", words.t("col_os")),
    ]
    out = []
    for (
        key,
        entra,
        serial,
        oid,
        wave,
        state,
        stage,
        vendor,
        os_family,
        progress,
        seen,
    ) in rows:
        when = parse_time(str(progress) if progress else None)
        idle = (today - when.date()).days if when else None
        cells = {
            "device": short_cell(str(key), device_label(entra, serial, key)),
            "user": short_cell(None if oid is None else str(oid), f"{str(oid)[:8]}…"),
            "wave": text_cell(None if wave is None else str(wave)),
            "state": text_cell(str(state), state_label(str(state), words)),
            "stage": text_cell(None if stage is None else str(stage)),
            "progress": moment_cell(str(progress) if progress else None, words),
            "idle": Cell(escape("" if idle is None else words.number(idle)), idle, ""),
            "last_report": moment_cell(None if seen is None else str(seen), words),
            "vendor": text_cell(None if vendor is None else str(vendor)),
            "os": text_cell(str(os_family)),
        }
        out.append((str(key), cells))
    return Table("stale", words.t("sec_stale_short"), columns, out, total)


def never_table(
    rows: Sequence[Row],
    total: int,
    words: Words,
    settings: DashboardConfig,
    today: datetime.date,
) -> Table:
    """Expected devices that never reported (rows of ``queries.never_ran``)."""
    columns = [
        Column("serial_hmac", words.t("col_serial_hmac")),
        Column("wave", words.t("col_wave")),
    ]
    if settings.store_expected_users:
        columns.append(Column("user", words.t("col_user")))
    columns += [
        Column("lockout", words.t("col_lockout")),
        Column("days_left", words.t("col_days_left"), True),
    ]
    out = []
    for digest, wave, user, _imported in rows:
        config = settings.wave(None if wave is None else str(wave))
        lockout = config.lockout_date if config else None
        cells = {
            "serial_hmac": Cell(
                tag("code", f"{str(digest)[:16]}…", title=str(digest)),
                str(digest),
                str(digest),
            ),
            "wave": text_cell(None if wave is None else str(wave)),
            "user": text_cell(None if user is None else str(user)),
            "lockout": date_cell(lockout, words),
            "days_left": days_cell((lockout - today).days if lockout else None, words),
        }
        out.append((str(digest), cells))
    return Table("never-ran", words.t("sec_never_short"), columns, out, total)


def render_table(table: Table, words: Words, csv_href: str | None = None) -> Markup:
    """A ``<table class="sortable">`` (buttons in headers sort it; see
    ``static/dashboard.js``), with a CSV link and a note when truncated."""
    if not table.rows:
        body = tag("p", words.t("empty"), class_="empty", data_empty=table.id)
        return join([body, _csv_link(csv_href, words)])
    head = []
    for column in table.columns:
        sort = None
        if table.sorted_by and table.sorted_by[0] == column.key:
            sort = "descending" if table.sorted_by[1] else "ascending"
        if column.key == "links":
            head.append(tag("th", column.label, scope="col"))
            continue
        head.append(
            tag(
                "th",
                tag(
                    "button",
                    column.label,
                    type="button",
                    data_col=column.key,
                    title=words.t("sort_hint", column=column.label),
                ),
                scope="col",
                aria_sort=sort,
                data_type="number" if column.numeric else "text",
                class_="num" if column.numeric else None,
            )
        )
    body_rows = []
    for key, cells in table.rows:
        tds = []
        for column in table.columns:
            cell = cells[column.key]
            value = None if cell.value is None else str(cell.value)
            tds.append(
                tag(
                    "td",
                    cell.html,
                    data_col=column.key,
                    data_value=value,
                    class_="num" if column.numeric else None,
                )
            )
        body_rows.append(tag("tr", join(tds), data_key=key))
    note = None
    if table.total is not None and table.total > len(table.rows):
        note = tag(
            "p",
            words.t(
                "shown_of",
                shown=words.number(len(table.rows)),
                total=words.number(table.total),
            ),
            class_="note",
        )
    html_table = tag(
        "table",
        tag("caption", table.caption, class_="visually-hidden"),
        tag("thead", tag("tr", join(head))),
        tag("tbody", join(body_rows)),
        id=f"table-{table.id}",
        class_="sortable",
        data_table=table.id,
        data_rows=len(table.rows),
    )
    return join(
        [tag("div", html_table, class_="scroll"), note, _csv_link(csv_href, words)]
    )


def _csv_link(href: str | None, words: Words) -> Markup:
    if href is None:
        return Markup("")
    return tag("p", tag("a", words.t("csv_table"), href=href), class_="csv")


def figure(id_: str, label: str, value: int, words: Words, css: str = "") -> Markup:
    """A summary card: ``<data id=... value=N>``."""
    return tag(
        "div",
        tag("dt", label),
        tag("dd", tag("data", words.number(value), id=id_, value=value)),
        class_=f"card {css}".strip(),
    )


def summary(data: Overview, words: Words) -> Markup:
    """The cards at the top."""
    cards = [
        figure("total-devices", words.t("total_devices"), data.devices, words),
        *(
            figure(
                f"total-state-{s}",
                words.t(f"state_{s}"),
                data.states.get(s, 0),
                words,
                f"state-{s}",
            )
            for s in STATES
        ),
        figure(
            "total-still-legacy", words.t("total_still_legacy"), data.not_left, words
        ),
        figure("total-safe", words.t("total_safe"), data.safe, words),
        figure("total-expected", words.t("total_expected"), data.expected, words),
        figure(
            "total-never-ran", words.t("total_never"), data.never_ran, words, "alert"
        ),
        figure("total-stale", words.t("total_stale"), data.stale, words),
        figure(
            "total-unconfirmed", words.t("total_unconfirmed"), data.unconfirmed, words
        ),
        figure(
            "total-flagged-users",
            words.t("total_flagged_users"),
            data.flagged_users,
            words,
            "alert",
        ),
    ]
    return tag("dl", join(cards), class_="cards")


__all__ = [
    "STATES",
    "Cell",
    "Column",
    "ErrorSummary",
    "GroupSummary",
    "Overview",
    "Table",
    "WaveSummary",
    "date_cell",
    "days_cell",
    "device_label",
    "errors_table",
    "figure",
    "never_table",
    "overview",
    "render_table",
    "stale_table",
    "summary",
    "systems_table",
    "vendors_table",
    "wave_states_table",
    "waves_table",
]
