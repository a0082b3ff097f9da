# SPDX-License-Identifier: MIT
"""The release tables (component ``release``) and their queries.

``release_request``: one row per request (primary key: the helper's request
id). It names the device by its key and serial HMAC only, as
``device_state`` does: nothing about the device is stored that the collector
did not hold already.

``release_audit``: one row per action, never updated: who (``device``,
``approver``, ``system`` or ``cli`` and the principal's object id), what, when,
the request, the vendor's answer code and HTTP status, the warnings, and
whether it was a dry run.

``release_control``: run-time switches (``kill_switch``).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from collector.storage import Migration, register_migrations
from collector.storage.base import Connection

COMPONENT: Final = "release"
REQUESTS: Final = "release_request"
AUDIT: Final = "release_audit"
CONTROL: Final = "release_control"

# Request states (the API's ``state``).
AWAITING: Final = "awaiting-approval"
IN_PROGRESS: Final = "in-progress"
RELEASED: Final = "released"
REFUSED: Final = "refused"
FAILED: Final = "failed"
STATES: Final = (AWAITING, IN_PROGRESS, RELEASED, REFUSED, FAILED)
OPEN_STATES: Final = (AWAITING, IN_PROGRESS)

register_migrations(
    COMPONENT,
    [
        Migration(
            1,
            "release requests, their audit trail and the kill switch",
            (
                f"""
                CREATE TABLE {REQUESTS} (
                    request_id TEXT PRIMARY KEY,
                    tid TEXT NOT NULL,
                    oid TEXT NOT NULL,
                    device_key TEXT NOT NULL,
                    serial_hmac TEXT NOT NULL,
                    vendor TEXT NOT NULL,
                    os_family TEXT,
                    wave_id TEXT,
                    identity TEXT NOT NULL,
                    contested {{int}} NOT NULL DEFAULT 0,
                    state TEXT NOT NULL,
                    outcome TEXT,
                    vendor_status {{int}},
                    reason TEXT,
                    warnings TEXT,
                    dry_run {{int}} NOT NULL DEFAULT 0,
                    attempts {{int}} NOT NULL DEFAULT 0,
                    next_attempt_utc TEXT,
                    created_utc TEXT NOT NULL,
                    updated_utc TEXT NOT NULL,
                    decided_by TEXT,
                    decided_utc TEXT
                )
                """,
                f"CREATE INDEX {REQUESTS}_device ON {REQUESTS} "
                "(device_key, created_utc)",
                f"CREATE INDEX {REQUESTS}_state ON {REQUESTS} (state, created_utc)",
                f"""
                CREATE TABLE {AUDIT} (
                    audit_id TEXT PRIMARY KEY,
                    request_id TEXT,
                    at_utc TEXT NOT NULL,
                    actor_kind TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    vendor TEXT,
                    outcome TEXT,
                    vendor_status {{int}},
                    reason TEXT,
                    warnings TEXT,
                    dry_run {{int}} NOT NULL DEFAULT 0
                )
                """,
                f"CREATE INDEX {AUDIT}_request ON {AUDIT} (request_id, at_utc)",
                f"""
                CREATE TABLE {CONTROL} (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    updated_utc TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                )
                """,
            ),
        ),
    ],
)

REQUEST_COLUMNS: Final = (
    "request_id",
    "tid",
    "oid",
    "device_key",
    "serial_hmac",
    "vendor",
    "os_family",
    "wave_id",
    "identity",
    "contested",
    "state",
    "outcome",
    "vendor_status",
    "reason",
    "warnings",
    "dry_run",
    "attempts",
    "next_attempt_utc",
    "created_utc",
    "updated_utc",
    "decided_by",
    "decided_utc",
)


@dataclass(frozen=True, slots=True)
class RequestRow:
    """One ``release_request`` row."""

    request_id: str
    tid: str
    oid: str
    device_key: str
    serial_hmac: str
    vendor: str
    os_family: str | None
    wave_id: str | None
    identity: str
    contested: int
    state: str
    outcome: str | None
    vendor_status: int | None
    reason: str | None
    warnings: str | None
    dry_run: int
    attempts: int
    next_attempt_utc: str | None
    created_utc: str
    updated_utc: str
    decided_by: str | None
    decided_utc: str | None

    @property
    def warning_codes(self) -> tuple[str, ...]:
        """The warnings as codes."""
        return tuple(w for w in (self.warnings or "").split(",") if w)


_SELECT: Final = f"SELECT {', '.join(REQUEST_COLUMNS)} FROM {REQUESTS}"


def _row(values: Sequence[Any] | None) -> RequestRow | None:
    return None if values is None else RequestRow(*values)


def get_request(conn: Connection, request_id: str) -> RequestRow | None:
    """The request, or None."""
    return _row(conn.fetchone(f"{_SELECT} WHERE request_id = ?", (request_id,)))


def open_request(conn: Connection, device_key: str) -> RequestRow | None:
    """The device's request still awaiting approval or in progress."""
    return _row(
        conn.fetchone(
            f"{_SELECT} WHERE device_key = ? AND state IN (?, ?) "
            "ORDER BY created_utc DESC",
            (device_key, *OPEN_STATES),
        )
    )


def count_since(conn: Connection, device_key: str, since: str) -> int:
    """Requests the device made since ``since``."""
    return int(
        conn.scalar(
            f"SELECT count(*) FROM {REQUESTS} "
            "WHERE device_key = ? AND created_utc >= ?",
            (device_key, since),
        )
    )


def insert_request(conn: Connection, row: RequestRow) -> None:
    """Add a request."""
    marks = ", ".join("?" * len(REQUEST_COLUMNS))
    conn.execute(
        f"INSERT INTO {REQUESTS} ({', '.join(REQUEST_COLUMNS)}) VALUES ({marks})",
        [getattr(row, c) for c in REQUEST_COLUMNS],
    )


def update_request(conn: Connection, request_id: str, **changes: Any) -> None:
    """Change some columns of a request."""
    for column in changes:
        if column not in REQUEST_COLUMNS:
            raise ValueError(f"not a column: {column}")
    sets = ", ".join(f"{c} = ?" for c in changes)
    conn.execute(
        f"UPDATE {REQUESTS} SET {sets} WHERE request_id = ?",
        [*changes.values(), request_id],
    )


def list_requests(
    conn: Connection, states: Sequence[str], *, limit: int = 200
) -> list[RequestRow]:
    """Requests in these states, oldest first."""
    marks = ", ".join("?" * len(states))
    rows = conn.fetchall(
        f"{_SELECT} WHERE state IN ({marks}) ORDER BY created_utc LIMIT {int(limit)}",
        list(states),
    )
    return [RequestRow(*r) for r in rows]


def recent_requests(conn: Connection, *, limit: int = 50) -> list[RequestRow]:
    """The latest requests whatever their state, newest first."""
    rows = conn.fetchall(
        f"{_SELECT} ORDER BY updated_utc DESC LIMIT {int(limit)}",
    )
    return [RequestRow(*r) for r in rows]


def serial_owners(conn: Connection, tid: str, serial_hmac: str) -> int:
    """How many users reported a device with this serial identity."""
    return int(
        conn.scalar(
            "SELECT count(DISTINCT oid) FROM device_state "
            "WHERE tid = ? AND serial_hmac = ?",
            (tid, serial_hmac),
        )
    )


def device_row(conn: Connection, device_key: str) -> tuple[Any, ...] | None:
    """``(legacy_vendor, os_family, wave, identity)`` of a device the token's
    user reported, or None."""
    row = conn.fetchone(
        "SELECT legacy_vendor, os_family, COALESCE(listed_wave, wave_id), identity "
        "FROM device_state WHERE device_key = ?",
        (device_key,),
    )
    return None if row is None else tuple(row)


def audit(
    conn: Connection,
    *,
    request_id: str | None,
    at: str,
    actor_kind: str,
    actor: str,
    action: str,
    vendor: str | None = None,
    outcome: str | None = None,
    vendor_status: int | None = None,
    reason: str | None = None,
    warnings: Sequence[str] = (),
    dry_run: bool = False,
) -> None:
    """Write one audit row."""
    conn.execute(
        f"INSERT INTO {AUDIT} (audit_id, request_id, at_utc, actor_kind, actor, "
        "action, vendor, outcome, vendor_status, reason, warnings, dry_run) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            # Sortable: rows written within one clock tick keep their order.
            f"{time.time_ns():020d}-{uuid.uuid4().hex[:12]}",
            request_id,
            at,
            actor_kind,
            actor,
            action,
            vendor,
            outcome,
            vendor_status,
            reason,
            ",".join(warnings) or None,
            int(dry_run),
        ),
    )


def audit_rows(conn: Connection, request_id: str) -> list[tuple[Any, ...]]:
    """A request's audit rows, oldest first."""
    return [
        tuple(r)
        for r in conn.fetchall(
            f"SELECT at_utc, actor_kind, actor, action, vendor, outcome, "
            f"vendor_status, reason, warnings, dry_run FROM {AUDIT} "
            "WHERE request_id = ? ORDER BY audit_id",
            (request_id,),
        )
    ]


def control(conn: Connection, name: str) -> str | None:
    """A run-time switch's value."""
    value = conn.scalar(f"SELECT value FROM {CONTROL} WHERE name = ?", (name,))
    return None if value is None else str(value)


def set_control(conn: Connection, name: str, value: str, *, at: str, by: str) -> None:
    """Set a run-time switch."""
    conn.execute(
        f"INSERT INTO {CONTROL} (name, value, updated_utc, updated_by) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
        "updated_utc = excluded.updated_utc, updated_by = excluded.updated_by",
        (name, value, at, by),
    )


__all__ = [
    "AUDIT",
    "AWAITING",
    "COMPONENT",
    "CONTROL",
    "FAILED",
    "IN_PROGRESS",
    "OPEN_STATES",
    "REFUSED",
    "RELEASED",
    "REQUESTS",
    "STATES",
    "RequestRow",
    "audit",
    "audit_rows",
    "control",
    "count_since",
    "device_row",
    "get_request",
    "insert_request",
    "list_requests",
    "open_request",
    "recent_requests",
    "serial_owners",
    "set_control",
    "update_request",
]
