# SPDX-License-Identifier: MIT
"""What the collector keeps of Intune's answer, and the limbo and re-enrolled
flags (storage component ``intune``).

``intune_device``: one row per serial HMAC **already known to the collector**
(a device that reported, or IT's expected-devices list); Intune's other
devices are never stored. Columns: ``serial_hmac`` (key), ``managed_device_id``,
``entra_device_id``, ``os``, ``compliance`` (compliant / noncompliant /
unknown), ``compliance_state`` (Graph's value), ``last_sync_utc``,
``enrolled_utc``, ``join_type`` (from the Entra device's ``trustType``),
``key_escrow`` (yes / no / unknown), ``records`` (Intune records of that
serial; more than 1 after a re-enrollment), ``confirmed_utc`` (when a sync
first found it), ``seen_utc`` (the latest sync that found it) and ``present``
(1: the latest full sync found it; 0: Intune no longer lists it).

``device_state`` gets two columns, kept in every ingest transaction
(:func:`keep_flags`): ``left_utc``, when the collector received the first
report saying the device left the old EMM (``legacy_status`` ``left``), and
``reenrolled_utc``, when a device that had left reported the old EMM again
(``present``); that report clears ``left_utc``, so leaving again starts a new
limbo clock.

- **confirmed by Intune**: an ``intune_device`` row with ``present = 1``;
- **limbo**: ``legacy_status = 'left'``, ``left_utc`` older than
  ``intune.limbo_hours``, and not confirmed by Intune;
- **re-enrolled**: ``reenrolled_utc`` set and ``legacy_status = 'present'``.

``intune_sync``: one row per sync (when, outcome code, counts, Graph calls).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from collector.storage import Migration, register_migrations
from collector.storage.base import Connection

COMPONENT: Final = "intune"
TABLE: Final = "intune_device"
SYNCS: Final = "intune_sync"
COLUMNS: Final = (
    "serial_hmac",
    "managed_device_id",
    "entra_device_id",
    "os",
    "compliance",
    "compliance_state",
    "last_sync_utc",
    "enrolled_utc",
    "join_type",
    "key_escrow",
    "records",
    "confirmed_utc",
    "seen_utc",
    "present",
)

register_migrations(
    COMPONENT,
    [
        Migration(
            1,
            "Intune's confirmation per device, limbo and re-enrolled",
            (
                f"""
                CREATE TABLE {TABLE} (
                    serial_hmac TEXT PRIMARY KEY,
                    managed_device_id TEXT NOT NULL,
                    entra_device_id TEXT,
                    os TEXT,
                    compliance TEXT NOT NULL,
                    compliance_state TEXT,
                    last_sync_utc TEXT,
                    enrolled_utc TEXT,
                    join_type TEXT,
                    key_escrow TEXT NOT NULL,
                    records {{int}} NOT NULL,
                    confirmed_utc TEXT NOT NULL,
                    seen_utc TEXT NOT NULL,
                    present {{int}} NOT NULL
                )
                """,
                f"""
                CREATE TABLE {SYNCS} (
                    started_utc TEXT PRIMARY KEY,
                    finished_utc TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    listed {{int}} NOT NULL,
                    matched {{int}} NOT NULL,
                    requests {{int}} NOT NULL
                )
                """,
                "ALTER TABLE device_state ADD COLUMN left_utc TEXT",
                "ALTER TABLE device_state ADD COLUMN reenrolled_utc TEXT",
                # Devices that left before this migration: dated by their
                # latest report (the first one saying so was not recorded).
                "UPDATE device_state SET left_utc = last_received_utc "
                "WHERE legacy_status = 'left'",
                # The limbo and re-enrolled counts and lists read these.
                "CREATE INDEX intune_left ON device_state (legacy_status, left_utc, "
                "serial_hmac)",
                "CREATE INDEX intune_reenrolled ON device_state (reenrolled_utc, "
                "legacy_status)",
            ),
        )
    ],
)


def keep_flags(conn: Connection, keys: Sequence[str]) -> None:
    """The ingest hook: date leaving the old EMM and coming back to it for
    the devices whose state was just written (their latest report)."""
    if not keys:
        return
    marks = ", ".join("?" for _ in keys)
    conn.execute(
        "UPDATE device_state SET reenrolled_utc = last_received_utc, left_utc = NULL "
        f"WHERE device_key IN ({marks}) AND legacy_status = 'present' "
        "AND left_utc IS NOT NULL",
        list(keys),
    )
    conn.execute(
        "UPDATE device_state SET left_utc = last_received_utc "
        f"WHERE device_key IN ({marks}) AND legacy_status = 'left' "
        "AND left_utc IS NULL",
        list(keys),
    )


def known_serials(conn: Connection) -> set[str]:
    """Every serial HMAC the collector knows: reported, or on IT's list."""
    found = {
        str(row[0])
        for row in conn.fetchall(
            "SELECT DISTINCT serial_hmac FROM device_state "
            "WHERE serial_hmac IS NOT NULL"
        )
    }
    if conn.fetchone(conn.dialect.table_exists_sql(), ("expected_device",)) is not None:
        found.update(
            str(row[0])
            for row in conn.fetchall("SELECT serial_hmac FROM expected_device")
        )
    return found


@dataclass(frozen=True, slots=True)
class Confirmation:
    """One device as Intune sees it (a row of ``intune_device``)."""

    serial_hmac: str
    managed_device_id: str
    entra_device_id: str | None
    os: str | None
    compliance: str
    compliance_state: str | None
    last_sync_utc: str | None
    enrolled_utc: str | None
    join_type: str | None
    key_escrow: str
    records: int


def save(
    conn: Connection, found: Sequence[Confirmation], now: str, *, full: bool
) -> None:
    """Store what a sync found; a full sync also marks the devices it did not
    find as no longer in Intune (``present = 0``)."""
    for item in found:
        conn.execute(
            f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in COLUMNS)}) "
            "ON CONFLICT (serial_hmac) DO UPDATE SET "
            "managed_device_id = excluded.managed_device_id, "
            "entra_device_id = excluded.entra_device_id, os = excluded.os, "
            "compliance = excluded.compliance, "
            "compliance_state = excluded.compliance_state, "
            "last_sync_utc = excluded.last_sync_utc, "
            "enrolled_utc = excluded.enrolled_utc, join_type = excluded.join_type, "
            # A key once seen in Entra stays escrowed when a later sync could
            # not tell (BitLocker check off or forbidden).
            f"key_escrow = CASE WHEN excluded.key_escrow = 'unknown' "
            f"THEN {TABLE}.key_escrow ELSE excluded.key_escrow END, "
            "records = excluded.records, seen_utc = excluded.seen_utc, present = 1",
            (
                item.serial_hmac,
                item.managed_device_id,
                item.entra_device_id,
                item.os,
                item.compliance,
                item.compliance_state,
                item.last_sync_utc,
                item.enrolled_utc,
                item.join_type,
                item.key_escrow,
                item.records,
                now,
                now,
                1,
            ),
        )
    if full:
        conn.execute(
            f"UPDATE {TABLE} SET present = 0 WHERE present = 1 AND seen_utc < ?", (now,)
        )


def record_sync(
    conn: Connection,
    *,
    started: str,
    finished: str,
    outcome: str,
    listed: int,
    matched: int,
    requests: int,
) -> None:
    """One line of ``intune_sync``."""
    conn.execute(
        f"INSERT INTO {SYNCS} (started_utc, finished_utc, outcome, listed, matched, "
        "requests) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (started_utc) DO NOTHING",
        (started, finished, outcome, listed, matched, requests),
    )


def last_sync(conn: Connection) -> tuple[str, str, str] | None:
    """``(started_utc, finished_utc, outcome)`` of the latest sync, or None."""
    row = conn.fetchone(
        f"SELECT started_utc, finished_utc, outcome FROM {SYNCS} "
        "ORDER BY started_utc DESC LIMIT 1"
    )
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def confirmation_of(conn: Connection, serial_hmac: str) -> tuple[object, ...] | None:
    """The stored row of one serial HMAC (columns :data:`COLUMNS`), or None."""
    row = conn.fetchone(
        f"SELECT {', '.join(COLUMNS)} FROM {TABLE} WHERE serial_hmac = ?",
        (serial_hmac,),
    )
    return None if row is None else tuple(row)


__all__ = [
    "COLUMNS",
    "COMPONENT",
    "SYNCS",
    "TABLE",
    "Confirmation",
    "confirmation_of",
    "keep_flags",
    "known_serials",
    "last_sync",
    "record_sync",
    "save",
]
