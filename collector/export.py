# SPDX-License-Identifier: MIT
"""Reads for IT: ``GET /api/v1/devices`` (JSON pages) and ``/api/v1/export.csv``.

Both walk the tables with keyset pagination (``device_key`` order for the
latest state, ``(received_utc, event_id)`` for raw events): each page is one
short query on a pooled connection, so a slow download never holds a database
connection or a long read transaction (which would stop SQLite's WAL
checkpoints). The export is therefore not a snapshot: rows written during the
download may or may not appear.

Query parameters (unknown ones are a 400, so a typo never widens a filter):

- ``wave``, ``state``, ``vendor``, ``os``: repeatable (``state=failed&state=blocked``);
- ``stale_days``: devices whose last event arrived more than N days ago;
- ``limit`` (1-1000, default 100) and ``cursor`` (``/devices`` only);
- ``kind=state`` (default) or ``kind=events``, and for events ``since`` and
  ``until`` (a date or an RFC 3339 time, on the arrival time) (export only).
"""

from __future__ import annotations

import base64
import binascii
import csv
import datetime
import io
import time
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any, Final, Literal

import msgspec

from collector.storage import queries
from collector.storage.base import Row, Store, utc_text
from collector.storage.schema import EVENT_COLUMNS, STATE_COLUMNS

PAGE_ROWS: Final = 1000
DEFAULT_LIMIT: Final = 100
MAX_LIMIT: Final = 1000
# Flat columns for the CSV of latest states; the payload (steps, stages) stays
# in /api/v1/devices and the raw-events export.
STATE_CSV_COLUMNS: Final = tuple(c for c in STATE_COLUMNS if c != "payload")
_FILTERS: Final = {
    "wave": "waves",
    "state": "states",
    "vendor": "vendors",
    "os": "os_families",
}
_DEVICE_PARAMS: Final = frozenset({*_FILTERS, "stale_days", "limit", "cursor"})
_EXPORT_PARAMS: Final = frozenset({*_FILTERS, "stale_days", "kind", "since", "until"})
# Spreadsheet formula prefixes (CSV injection); our values are ids and codes
# that cannot start with them, but a CSV opened in Excel deserves the guard.
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")

ExportKind = Literal["state", "events"]
_encoder: Final = msgspec.json.Encoder()


class QueryError(Exception):
    """A bad query parameter (400); the message says which and why."""


Params = Sequence[tuple[str, str]]


def _check_names(params: Params, allowed: frozenset[str]) -> None:
    for name, _ in params:
        if name not in allowed:
            raise QueryError(
                f"unknown query parameter {name[:40]!r}; expected: "
                + ", ".join(sorted(allowed))
            )


def _single(params: Params, name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise QueryError(f"{name} may be given once")
    return values[0] if values else None


def _int(params: Params, name: str, low: int, high: int) -> int | None:
    text = _single(params, name)
    if text is None:
        return None
    # isascii: str.isdigit() also accepts "²", which int() refuses.
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise QueryError(f"{name}: expected an integer from {low} to {high}")
    return int(text)


def device_filter(
    params: Params, *, clock: Callable[[], float] = time.time
) -> queries.DeviceFilter:
    """The filters of a query string (``wave``, ``state``, ``vendor``, ``os``,
    ``stale_days``).

    Raises:
        QueryError: a value that is empty or absurd.
    """
    lists: dict[str, tuple[str, ...]] = {}
    for param, attr in _FILTERS.items():
        values = tuple(v for k, v in params if k == param)
        if any(not v or len(v) > 64 for v in values):
            raise QueryError(f"{param}: expected a non-empty value of 64 characters")
        lists[attr] = values
    stale = _int(params, "stale_days", 0, 36500)
    seen_before = None
    if stale is not None:
        cutoff = datetime.datetime.fromtimestamp(clock(), datetime.UTC)
        seen_before = utc_text(cutoff - datetime.timedelta(days=stale))
    return queries.DeviceFilter(
        waves=lists["waves"],
        states=lists["states"],
        vendors=lists["vendors"],
        os_families=lists["os_families"],
        seen_before=seen_before,
    )


def encode_cursor(key: str) -> str:
    """An opaque page cursor for a device key."""
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The device key of a cursor: the page starts after it.

    Any unpadded base64url text is a position (the OpenAPI pattern says so):
    one this collector did not make only starts the page elsewhere, so a
    client following the contract never gets a 400 for it.

    Raises:
        QueryError: not base64url text.
    """
    if not cursor or len(cursor) % 4 == 1:
        raise QueryError("cursor: not a cursor from a previous page")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.b64decode(padded, altchars=b"-_", validate=True)
    except (ValueError, binascii.Error):
        raise QueryError("cursor: not a cursor from a previous page") from None
    # NUL cannot be in a PostgreSQL text value; keys never hold one.
    return raw.decode("utf-8", "replace").replace("\x00", "")


def _device_json(row: Row) -> dict[str, Any]:
    item = dict(zip(STATE_COLUMNS, row, strict=True))
    still = item["legacy_still_enrolled"]
    item["legacy_still_enrolled"] = None if still is None else bool(still)
    item["user_flagged"] = bool(item["user_flagged"])
    # The stored JSON goes out as it is (no parse and re-encode).
    item["payload"] = msgspec.Raw(str(item["payload"]).encode("utf-8"))
    return item


async def devices_json(
    store: Store, params: Params, *, clock: Callable[[], float] = time.time
) -> bytes:
    """The body of ``GET /api/v1/devices``: ``{"devices": [...], "next_cursor"}``.

    Raises:
        QueryError: a bad parameter.
        StorageError: the database failed.
    """
    _check_names(params, _DEVICE_PARAMS)
    where = device_filter(params, clock=clock)
    limit = _int(params, "limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
    cursor = _single(params, "cursor")
    after = decode_cursor(cursor) if cursor is not None else None
    rows = await store.run_query(
        queries.device_page, where, after=after, limit=limit + 1
    )
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(str(rows[-1][0])) if more and rows else None
    return _encoder.encode(
        {"devices": [_device_json(r) for r in rows], "next_cursor": next_cursor}
    )


def _time_param(params: Params, name: str) -> str | None:
    text = _single(params, name)
    if text is None:
        return None
    try:
        if len(text) == 10:
            moment = datetime.datetime.strptime(text, "%Y-%m-%d")
        else:
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return utc_text(moment)
    except (ValueError, OverflowError):
        raise QueryError(
            f"{name}: expected a date (2026-05-04) or an RFC 3339 time"
        ) from None


class Export(msgspec.Struct, frozen=True):
    """A checked export request.

    Attributes:
        kind: ``state`` or ``events``.
        where: device filters (``state``).
        since, until: arrival bounds (``events``).
    """

    kind: ExportKind
    where: queries.DeviceFilter
    since: str | None
    until: str | None

    @property
    def columns(self) -> tuple[str, ...]:
        """The CSV header."""
        return STATE_CSV_COLUMNS if self.kind == "state" else EVENT_COLUMNS

    def filename(self, now: float) -> str:
        """``devices-20260504T091233Z.csv`` or ``events-....csv``."""
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
        return f"{'devices' if self.kind == 'state' else 'events'}-{stamp}.csv"


def parse_export(params: Params, *, clock: Callable[[], float] = time.time) -> Export:
    """Check the parameters of ``GET /api/v1/export.csv``.

    Raises:
        QueryError: a bad parameter.
    """
    _check_names(params, _EXPORT_PARAMS)
    kind = _single(params, "kind")
    if kind is None:
        kind = "state"
    if kind not in ("state", "events"):
        raise QueryError("kind: expected state or events")
    where = device_filter(params, clock=clock)
    since, until = _time_param(params, "since"), _time_param(params, "until")
    # Every parameter applies to both kinds (the OpenAPI contract cannot say
    # "this one only with that one", and a client following it must not get a
    # 400): device filters select devices by their latest state (for events,
    # those devices' events); since and until bound arrival times (for states,
    # of each device's last event).
    if kind == "state" and (since or until):
        where = msgspec.structs.replace(
            where, received_since=since, seen_before=_min(where.seen_before, until)
        )
    return Export("state" if kind == "state" else "events", where, since, until)


def _min(first: str | None, second: str | None) -> str | None:
    if first is None:
        return second
    if second is None:
        return first
    return min(first, second)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(rows: Sequence[Row] | None, header: Sequence[str] | None = None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    for row in rows or ():
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


async def export_csv(store: Store, export: Export) -> AsyncIterator[bytes]:
    """The CSV, page by page (header first).

    Raises:
        StorageError: the database failed mid-way (the response is cut short;
            the client sees an incomplete download, not a silent truncation,
            because the server closes the connection without the last chunk).
    """
    yield _csv(None, export.columns)
    if export.kind == "state":
        columns = STATE_CSV_COLUMNS
        after: str | None = None
        while True:
            rows = await store.run_query(
                queries.device_page,
                export.where,
                after=after,
                limit=PAGE_ROWS,
                columns=columns,
            )
            if not rows:
                return
            yield _csv(rows)
            if len(rows) < PAGE_ROWS:
                return
            after = str(rows[-1][0])
    else:
        last: tuple[str, str] | None = None
        received = EVENT_COLUMNS.index("received_utc")
        while True:
            rows = await store.run_query(
                queries.event_page,
                after=last,
                since=export.since,
                until=export.until,
                limit=PAGE_ROWS,
                devices=export.where,
            )
            if not rows:
                return
            yield _csv(rows)
            if len(rows) < PAGE_ROWS:
                return
            last = (str(rows[-1][received]), str(rows[-1][0]))


__all__ = [
    "MAX_LIMIT",
    "PAGE_ROWS",
    "STATE_CSV_COLUMNS",
    "Export",
    "QueryError",
    "decode_cursor",
    "device_filter",
    "devices_json",
    "encode_cursor",
    "export_csv",
    "parse_export",
]
