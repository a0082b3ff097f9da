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
first found it), ``updated_utc`` (when a sync last changed the row: only what
changed is written) and ``present`` (1: the latest full sync found it; 0:
Intune no longer lists it).

``device_state`` gets two columns, kept in every ingest transaction
(:func:`keep_flags`): ``left_utc``, when the collector received the first
report saying the device left the old EMM (``legacy_status`` ``left``), and
``reenrolled_utc``, when a device that had left reported the old EMM again
(``present``); that report clears ``left_utc``, so leaving again starts a new
limbo clock. And three copies of Intune's verdict (written by the sync with
the rows that changed, and by the ingest hook for the devices just written):
``intune_confirmed`` (0/1), ``intune_compliance`` and ``intune_escrow``
(NULL unless confirmed), so the dashboard counts them from one covering
index instead of joining 200,000 rows (figures in
docs/intune-confirmation.md).

- **confirmed by Intune**: an ``intune_device`` row with ``present = 1``
  (``device_state.intune_confirmed = 1``);
- **limbo**: ``legacy_status = 'left'``, ``left_utc`` older than
  ``intune.limbo_hours``, and not confirmed by Intune;
- **re-enrolled**: ``reenrolled_utc`` set and ``legacy_status = 'present'``.

``intune_sync``: one row per sync (when, outcome code, counts, Graph calls).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

# Imported first for its migrations: they add device_state.listed_wave (the
# wave IT's list gives), which this component's count index reads, so the
# expected module's must be registered (and applied) before ours.
from collector import expected as _expected  # noqa: F401
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
    "updated_utc",
    "present",
)

# The dashboard's per-wave counts, written as collector.dashboard.intune reads
# them (the wave is the expected module's: IT's list, else the reported one).
COUNT_COLUMNS: Final = (
    "in_intune, intune_confirmed, intune_compliance, intune_escrow, "
    "legacy_status, left_utc, reenrolled_utc"
)


def _index_counts(conn: Connection) -> None:
    """SQLite reads an index on the very expressions in order; PostgreSQL
    reads one alone only when it holds the plain columns (as the expected
    module's dashboard indexes)."""
    if conn.dialect.name == "postgres":
        wave = "listed_wave, wave_id"
    else:
        wave = "(COALESCE(listed_wave, wave_id))"
    conn.execute(
        f"CREATE INDEX intune_counts ON device_state ({wave}, {COUNT_COLUMNS})"
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
                    updated_utc TEXT NOT NULL,
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
                "ALTER TABLE device_state ADD COLUMN intune_confirmed {int} NOT NULL "
                "DEFAULT 0",
                "ALTER TABLE device_state ADD COLUMN intune_compliance TEXT",
                "ALTER TABLE device_state ADD COLUMN intune_escrow TEXT",
                # Devices that left before this migration: dated by their
                # latest report (the first one saying so was not recorded).
                "UPDATE device_state SET left_utc = last_received_utc "
                "WHERE legacy_status = 'left'",
                # The limbo and re-enrolled lists read these.
                "CREATE INDEX intune_limbo ON device_state (legacy_status, "
                "intune_confirmed, device_key, left_utc)",
                "CREATE INDEX intune_reenrolled ON device_state (reenrolled_utc, "
                "legacy_status)",
            ),
            run=_index_counts,
        )
    ],
)


_MIRROR: Final = (
    "UPDATE device_state SET "
    "intune_confirmed = COALESCE((SELECT i.present FROM {table} i "
    "WHERE i.serial_hmac = device_state.serial_hmac), 0), "
    "intune_compliance = (SELECT i.compliance FROM {table} i "
    "WHERE i.serial_hmac = device_state.serial_hmac AND i.present = 1), "
    "intune_escrow = (SELECT i.key_escrow FROM {table} i "
    "WHERE i.serial_hmac = device_state.serial_hmac AND i.present = 1) "
    "WHERE {where}"
).replace("{table}", TABLE)


def keep_flags(conn: Connection, keys: Sequence[str]) -> None:
    """The ingest hook: date leaving the old EMM and coming back to it, and
    copy Intune's verdict, for the devices whose state was just written."""
    if not keys:
        return
    marks = ", ".join("?" for _ in keys)
    conn.execute(
        _MIRROR.replace(
            "{where}", f"device_key IN ({marks}) AND serial_hmac IS NOT NULL"
        ),
        list(keys),
    )
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


# What a sync compares with Graph's answer: every column but the key and the
# times it writes.
_COMPARED: Final = tuple(
    c for c in COLUMNS if c not in ("serial_hmac", "confirmed_utc", "updated_utc")
)
_ESCROW: Final = _COMPARED.index("key_escrow")


def stored(conn: Connection) -> dict[str, tuple[object, ...]]:
    """Each stored serial's values of :data:`_COMPARED`."""
    rows = conn.fetchall(f"SELECT serial_hmac, {', '.join(_COMPARED)} FROM {TABLE}")
    return {str(r[0]): tuple(r[1:]) for r in rows}


def _values(item: Confirmation) -> tuple[object, ...]:
    return (
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
        1,
    )


def changes(
    found: Sequence[Confirmation], before: Mapping[str, tuple[object, ...]]
) -> tuple[list[Confirmation], list[str]]:
    """What a full sync must write: the confirmations that differ from what
    is stored, and the serials Intune no longer lists. A key once seen in
    Entra stays escrowed when a later sync could not tell (the BitLocker
    check off or forbidden)."""
    changed = []
    for given in found:
        old = before.get(given.serial_hmac)
        item = given
        if given.key_escrow == "unknown" and old is not None:
            item = dataclasses.replace(given, key_escrow=str(old[_ESCROW]))
        if old != _values(item):
            changed.append(item)
    listed = {item.serial_hmac for item in found}
    gone = sorted(s for s, old in before.items() if old[-1] == 1 and s not in listed)
    return changed, gone


def upsert(conn: Connection, items: Sequence[Confirmation], now: str) -> None:
    """Store confirmations (``confirmed_utc`` kept from the first) and copy
    their verdicts onto ``device_state``."""
    assignments = ", ".join(f"{c} = excluded.{c}" for c in (*_COMPARED, "updated_utc"))
    conn.executemany(
        f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in COLUMNS)}) "
        f"ON CONFLICT (serial_hmac) DO UPDATE SET {assignments}",
        [(item.serial_hmac, *_values(item)[:-1], now, now, 1) for item in items],
    )
    conn.executemany(
        "UPDATE device_state SET intune_confirmed = 1, intune_compliance = ?, "
        "intune_escrow = ? WHERE serial_hmac = ?",
        [(item.compliance, item.key_escrow, item.serial_hmac) for item in items],
    )


def mark_gone(conn: Connection, serials: Sequence[str], now: str) -> None:
    """Intune no longer lists these serials (``present = 0``)."""
    conn.executemany(
        f"UPDATE {TABLE} SET present = 0, updated_utc = ? WHERE serial_hmac = ?",
        [(now, serial) for serial in serials],
    )
    conn.executemany(
        "UPDATE device_state SET intune_confirmed = 0, intune_compliance = NULL, "
        "intune_escrow = NULL WHERE serial_hmac = ?",
        [(serial,) for serial in serials],
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
    "changes",
    "confirmation_of",
    "keep_flags",
    "known_serials",
    "last_sync",
    "mark_gone",
    "record_sync",
    "stored",
    "upsert",
]
