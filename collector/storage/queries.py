# SPDX-License-Identifier: MIT
"""The core's queries: store events, keep the latest state, list, export, purge.

Each function takes a :class:`~collector.storage.base.Connection` (from
``store.read()``, ``store.write()`` or ``store.transaction(fn, ...)``), so the
caller decides the transaction. The dashboard's own queries belong in its own
module, written the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Final

import msgspec

from collector.storage.base import Connection, Row
from collector.storage.schema import EVENT_COLUMNS, STATE_COLUMNS

# Rows per multi-row INSERT: far below SQLite's 32766 bound variables.
MAX_INSERT_ROWS: Final = 500


@functools.lru_cache(maxsize=256)
def _insert_events_sql(rows: int, values: str) -> str:
    return (
        f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES {values} "
        "ON CONFLICT (event_id) DO NOTHING RETURNING event_id"
    )


def insert_events(conn: Connection, rows: Sequence[Row]) -> set[str]:
    """Insert event rows (:data:`EVENT_COLUMNS` order); known ids are skipped.

    Returns:
        The event ids inserted now (the others were already stored).
    """
    inserted: set[str] = set()
    width = len(EVENT_COLUMNS)
    for start in range(0, len(rows), MAX_INSERT_ROWS):
        chunk = rows[start : start + MAX_INSERT_ROWS]
        sql = _insert_events_sql(len(chunk), conn.dialect.values(len(chunk), width))
        params = [value for row in chunk for value in row]
        inserted.update(r[0] for r in conn.execute(sql, params).fetchall())
    return inserted


@functools.lru_cache(maxsize=256)
def _upsert_state_sql(values: str) -> str:
    updated = ", ".join(
        f"{c} = excluded.{c}"
        for c in STATE_COLUMNS
        if c
        not in (
            "device_key",
            "first_received_utc",
            "identity",
            "user_flagged",
            "migrated_utc",
        )
    )
    # A confirmation is never taken back by a later event whose token carries
    # no device claim (a browser sign-in after a broker one).
    updated += (
        ", identity = CASE WHEN device_state.identity <> 'reported' "
        "THEN device_state.identity ELSE excluded.identity END, "
        "user_flagged = CASE WHEN device_state.user_flagged = 1 THEN 1 "
        "ELSE excluded.user_flagged END, "
        # When the collector first learned the device is migrated (history);
        # forgotten if a later event says it is not any more.
        "migrated_utc = CASE WHEN excluded.migrated_utc IS NULL THEN NULL "
        "ELSE COALESCE(device_state.migrated_utc, excluded.migrated_utc) END"
    )
    # The WHERE makes the state monotonic in device_seq: an older event that
    # arrives late (or a replay) never regresses it. Both databases evaluate it
    # under the row lock of the conflicting row.
    return (
        f"INSERT INTO device_state ({', '.join(STATE_COLUMNS)}) VALUES {values} "
        f"ON CONFLICT (device_key) DO UPDATE SET {updated} "
        "WHERE excluded.last_seq > device_state.last_seq"
    )


def upsert_states(conn: Connection, rows: Sequence[Row]) -> None:
    """Insert or advance device states (:data:`STATE_COLUMNS` order).

    ``rows`` must hold one row per device key (PostgreSQL refuses to touch a row
    twice in one statement); sort them by key so that concurrent transactions
    lock rows in the same order (no deadlock).
    """
    width = len(STATE_COLUMNS)
    for start in range(0, len(rows), MAX_INSERT_ROWS):
        chunk = rows[start : start + MAX_INSERT_ROWS]
        sql = _upsert_state_sql(conn.dialect.values(len(chunk), width))
        conn.execute(sql, [value for row in chunk for value in row])


class DeviceFilter(msgspec.Struct, frozen=True, kw_only=True):
    """Filters on ``device_state`` (every given one must match; a list means
    any of its values).

    Attributes:
        waves, states, vendors, os_families: ``wave_id``, ``overall_state``,
            ``legacy_vendor``, ``os_family`` values.
        seen_before: only devices whose last event arrived before this stored
            timestamp (stale devices).
        received_since: only devices whose last event arrived at or after it.
    """

    waves: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    vendors: tuple[str, ...] = ()
    os_families: tuple[str, ...] = ()
    seen_before: str | None = None
    received_since: str | None = None

    def where(self, alias: str = "") -> tuple[list[str], list[Any]]:
        """SQL conditions (joined with AND by the caller) and their parameters.

        Args:
            alias: the ``device_state`` table's alias in the query, if any.
        """
        prefix = f"{alias}." if alias else ""
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (
            ("wave_id", self.waves),
            ("overall_state", self.states),
            ("legacy_vendor", self.vendors),
            ("os_family", self.os_families),
        ):
            if values:
                clauses.append(f"{prefix}{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if self.seen_before is not None:
            clauses.append(f"{prefix}last_received_utc < ?")
            params.append(self.seen_before)
        if self.received_since is not None:
            clauses.append(f"{prefix}last_received_utc >= ?")
            params.append(self.received_since)
        return clauses, params


def device_page(
    conn: Connection,
    where: DeviceFilter,
    *,
    after: str | None,
    limit: int,
    columns: Sequence[str] = STATE_COLUMNS,
) -> list[Row]:
    """One page of devices in ``device_key`` order (keyset pagination).

    Args:
        where: the filters.
        after: the last key of the previous page (None: from the start).
        limit: rows at most.
        columns: the columns wanted (names from :data:`STATE_COLUMNS`).
    """
    for name in columns:
        if name not in STATE_COLUMNS:
            raise ValueError(f"unknown device_state column {name!r}")
    clauses, params = where.where()
    if after is not None:
        clauses.append("device_key > ?")
        params.append(after)
    sql = f"SELECT {', '.join(columns)} FROM device_state"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY device_key LIMIT ?"
    params.append(limit)
    return conn.fetchall(sql, params)


def event_page(
    conn: Connection,
    *,
    after: tuple[str, str] | None,
    since: str | None,
    until: str | None,
    limit: int,
    devices: DeviceFilter | None = None,
) -> list[Row]:
    """One page of raw events in arrival order (:data:`EVENT_COLUMNS`).

    Args:
        after: ``(received_utc, event_id)`` of the previous page's last row.
        since, until: received at or after / before these stored timestamps.
        limit: rows at most.
        devices: only the events of the devices whose latest state matches
            (one primary-key lookup per event read).
    """
    clauses: list[str] = []
    params: list[Any] = []
    if devices is not None and devices != DeviceFilter():
        conditions, values = devices.where("s")
        clauses.append(
            "EXISTS (SELECT 1 FROM device_state s WHERE s.device_key = "
            f"events.device_key AND {' AND '.join(conditions)})"
        )
        params.extend(values)
    if after is not None:
        clauses.append("(received_utc, event_id) > (?, ?)")
        params.extend(after)
    if since is not None:
        clauses.append("received_utc >= ?")
        params.append(since)
    if until is not None:
        clauses.append("received_utc < ?")
        params.append(until)
    sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY received_utc, event_id LIMIT ?"
    params.append(limit)
    return conn.fetchall(sql, params)


def purge_events(conn: Connection, *, before: str, limit: int) -> int:
    """Delete up to ``limit`` events received before ``before`` (oldest first).

    Small chunks keep each transaction short (SQLite has one writer).

    Returns:
        How many were deleted.
    """
    cursor = conn.execute(
        "DELETE FROM events WHERE event_id IN (SELECT event_id FROM events "
        "WHERE received_utc < ? ORDER BY received_utc LIMIT ?)",
        (before, limit),
    )
    return max(0, cursor.rowcount)


def count_events(conn: Connection, *, before: str | None = None) -> int:
    """How many raw events are stored (received before ``before``, if given)."""
    if before is None:
        return int(conn.scalar("SELECT count(*) FROM events"))
    return int(
        conn.scalar("SELECT count(*) FROM events WHERE received_utc < ?", (before,))
    )


def count_devices(conn: Connection) -> int:
    """How many devices have a state."""
    return int(conn.scalar("SELECT count(*) FROM device_state"))


__all__ = [
    "MAX_INSERT_ROWS",
    "DeviceFilter",
    "count_devices",
    "count_events",
    "device_page",
    "event_page",
    "insert_events",
    "purge_events",
    "upsert_states",
]
