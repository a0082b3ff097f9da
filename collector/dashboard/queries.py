# SPDX-License-Identifier: MIT
"""The dashboard's queries (SQLite and PostgreSQL).

Definitions (docs/dashboard.md):

- **a device's wave**: the wave IT's expected-devices list gives its serial,
  else the wave it reports (the helper picks one by date when IT assigned
  none, and IT's list is what the old EMM's switch-off follows);
- **in Intune**: the journey succeeded, or its ``confirm-joined`` stage is
  done (the helper checked that Intune manages the device);
- **left the old EMM**: ``legacy.still_enrolled`` is false (unknown is not
  "left");
- **last progress**: the latest ``at`` of the snapshot's stages and steps (a
  heartbeat changes none), else the device's first report;
- **confirmed**: ``identity`` is not ``reported`` (the token was bound to the
  device, or Graph confirmed it). What a device merely reports never makes it
  "left", "in Intune", "ran" or "safe to remove": a user could report another
  person's serial.

Every counter comes from one aggregate over ``device_state`` (a small cube:
wave × state × vendor × OS × legacy × in-Intune); the page folds it in Python.
Device lists are keyset-paginated so a CSV of 200,000 rows never holds a
connection for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from collector.expected import TABLE as EXPECTED
from collector.storage.base import Connection, Row
from helper.journey.stages import confirmation_of

# The stage the helper passes once Intune manages the device: the one that
# confirms the join, in the helper's stage table.
JOINED_STAGE: Final = confirmation_of("join") or "confirm-joined"
PAGE: Final = 1000


def in_intune_sql(conn: Connection, alias: str = "s") -> str:
    """An SQL condition: the device of ``alias`` (a device_state row) is in Intune."""
    if conn.dialect.name == "postgres":
        joined = (
            f"({alias}.payload -> 'stages') @> "
            f'\'[{{"id": "{JOINED_STAGE}", "state": "done"}}]\'::jsonb'
        )
    else:
        joined = (
            f"EXISTS (SELECT 1 FROM json_each({alias}.payload, '$.stages') j "
            f"WHERE json_extract(j.value, '$.id') = '{JOINED_STAGE}' "
            "AND json_extract(j.value, '$.state') = 'done')"
        )
    return f"({alias}.overall_state = 'succeeded' OR {joined})"


def progress_sql(conn: Connection, alias: str = "s") -> str:
    """An SQL expression: the device's last progress, ``YYYY-MM-DDTHH:MM:SS``.

    The snapshot's ``at`` values are RFC 3339 from the device; the first 19
    characters compare as text with a cutoff in the same shape (an offset
    other than Z shifts it by hours, which a count of days can bear).
    """
    if conn.dialect.name == "postgres":
        latest = (
            "(SELECT max(substr(x ->> 'at', 1, 19)) FROM ("
            f"SELECT jsonb_array_elements({alias}.payload -> 'stages') AS x "
            f"UNION ALL SELECT jsonb_array_elements({alias}.payload -> 'steps')"
            ") items)"
        )
    else:
        latest = (
            "(SELECT max(substr(json_extract(value, '$.at'), 1, 19)) FROM ("
            f"SELECT value FROM json_each({alias}.payload, '$.stages') "
            f"UNION ALL SELECT value FROM json_each({alias}.payload, '$.steps')"
            ") items)"
        )
    return f"COALESCE({latest}, substr({alias}.first_received_utc, 1, 19))"


@dataclass(frozen=True, slots=True)
class CubeRow:
    """One cell of the aggregate.

    Attributes:
        wave: the device's wave (None: none).
        state: ``overall_state``.
        vendor: ``legacy.vendor`` (None: none detected).
        os_family: windows, macos, linux.
        still_enrolled: True, False or None (unknown).
        in_intune: see the module docstring.
        devices: how many devices.
    """

    wave: str | None
    state: str
    vendor: str | None
    os_family: str
    still_enrolled: bool | None
    in_intune: bool
    devices: int


CONFIRMED_SQL: Final = "s.identity <> 'reported'"


def cube(conn: Connection) -> list[CubeRow]:
    """Device counts by wave, state, vendor, OS, legacy and Intune.

    An unconfirmed device counts as "legacy unknown" and "not in Intune": it
    holds its wave back instead of making it ready.
    """
    sql = (
        "SELECT wave, overall_state, legacy_vendor, os_family, still, joined, "
        "count(*) FROM ("
        "SELECT COALESCE(e.wave_id, s.wave_id) AS wave, s.overall_state, "
        "s.legacy_vendor, s.os_family, "
        f"CASE WHEN {CONFIRMED_SQL} THEN s.legacy_still_enrolled END AS still, "
        f"CASE WHEN {CONFIRMED_SQL} AND {in_intune_sql(conn)} THEN 1 ELSE 0 END "
        "AS joined "
        f"FROM device_state s LEFT JOIN {EXPECTED} e "
        "ON e.serial_hmac = s.serial_hmac) t "
        "GROUP BY wave, overall_state, legacy_vendor, os_family, still, joined"
    )
    return [
        CubeRow(
            wave=None if r[0] is None else str(r[0]),
            state=str(r[1]),
            vendor=None if r[2] is None else str(r[2]),
            os_family=str(r[3]),
            still_enrolled=None if r[4] is None else bool(r[4]),
            in_intune=bool(r[5]),
            devices=int(r[6]),
        )
        for r in conn.fetchall(sql)
    ]


@dataclass(frozen=True, slots=True)
class ExpectedCounts:
    """Expected devices by wave: all of them, and those that never reported."""

    expected: dict[str | None, int]
    never_ran: dict[str | None, int]


def expected_counts(conn: Connection) -> ExpectedCounts:
    """Expected and never-ran counts per wave."""
    expected = {
        (None if w is None else str(w)): int(n)
        for w, n in conn.fetchall(
            f"SELECT wave_id, count(*) FROM {EXPECTED} GROUP BY wave_id"
        )
    }
    never = {
        (None if w is None else str(w)): int(n)
        for w, n in conn.fetchall(
            f"SELECT e.wave_id, count(*) FROM {EXPECTED} e WHERE NOT EXISTS "
            "(SELECT 1 FROM device_state s WHERE s.serial_hmac = e.serial_hmac "
            f"AND {CONFIRMED_SQL}) GROUP BY e.wave_id"
        )
    }
    return ExpectedCounts(expected, never)


@dataclass(frozen=True, slots=True)
class IdentityCounts:
    """Devices not confirmed yet, and users flagged for reporting many devices."""

    unconfirmed: int
    flagged_users: int


def identity_counts(conn: Connection) -> IdentityCounts:
    """How much of the page rests on what devices merely say."""
    unconfirmed = conn.scalar(
        "SELECT count(*) FROM device_state s WHERE NOT " + CONFIRMED_SQL
    )
    flagged = conn.scalar(
        "SELECT count(*) FROM (SELECT DISTINCT tid, oid FROM device_state "
        "WHERE user_flagged = 1) u"
    )
    return IdentityCounts(int(unconfirmed or 0), int(flagged or 0))


@dataclass(frozen=True, slots=True)
class ErrorCount:
    """Devices whose latest event carries ``code`` in a failed or blocked state."""

    code: str
    state: str
    stage: str | None
    devices: int


def error_counts(conn: Connection) -> list[ErrorCount]:
    """Devices per (code, state, stage) among failed and blocked journeys."""
    return [
        ErrorCount(str(code), str(state), None if stage is None else str(stage), int(n))
        for code, state, stage, n in conn.fetchall(
            "SELECT code, overall_state, current_stage, count(*) FROM device_state "
            "WHERE code IS NOT NULL AND overall_state IN ('failed', 'blocked') "
            "GROUP BY code, overall_state, current_stage"
        )
    ]


STALE_COLUMNS: Final = (
    "device_key",
    "entra_device_id",
    "serial_hmac",
    "oid",
    "wave",
    "overall_state",
    "current_stage",
    "legacy_vendor",
    "os_family",
    "progress",
    "last_received_utc",
)


def _stale_sql(conn: Connection) -> str:
    return (
        "SELECT * FROM (SELECT s.device_key, s.entra_device_id, s.serial_hmac, "
        "s.oid, COALESCE(e.wave_id, s.wave_id) AS wave, s.overall_state, "
        "s.current_stage, s.legacy_vendor, s.os_family, "
        f"{progress_sql(conn)} AS progress, s.last_received_utc "
        f"FROM device_state s LEFT JOIN {EXPECTED} e "
        "ON e.serial_hmac = s.serial_hmac "
        "WHERE s.overall_state <> 'succeeded') t WHERE progress < ?"
    )


def stale_count(conn: Connection, cutoff: str) -> int:
    """Unfinished devices whose last progress is before ``cutoff`` (19 chars)."""
    return int(conn.scalar(f"SELECT count(*) FROM ({_stale_sql(conn)}) c", (cutoff,)))


def stale_devices(
    conn: Connection, cutoff: str, *, limit: int, after: str | None = None
) -> list[Row]:
    """Stale devices (:data:`STALE_COLUMNS`).

    Args:
        cutoff: ``YYYY-MM-DDTHH:MM:SS``.
        limit: rows at most.
        after: keyset: the last ``device_key`` of the previous page; None for
            the first page, which is ordered by last progress (oldest first).
    """
    sql = _stale_sql(conn)
    params: list[Any] = [cutoff]
    if after is None:
        sql += " ORDER BY progress, device_key LIMIT ?"
    else:
        sql += " AND device_key > ? ORDER BY device_key LIMIT ?"
        params.append(after)
    params.append(limit)
    return conn.fetchall(sql, params)


NEVER_COLUMNS: Final = ("serial_hmac", "wave_id", "user_name", "imported_utc")


def never_ran(
    conn: Connection,
    *,
    limit: int,
    after: str | None = None,
    wave_order: Sequence[str] = (),
) -> list[Row]:
    """Expected devices with no confirmed report (:data:`NEVER_COLUMNS`): a
    device whose reports are not confirmed yet stays listed.

    Args:
        limit: rows at most.
        after: keyset: the last serial HMAC of the previous page (pages are in
            serial HMAC order).
        wave_order: for a first page, the wave ids most urgent first: their
            devices come first (the page shows the ones locked out soonest).
    """
    sql = (
        f"SELECT {', '.join('e.' + c for c in NEVER_COLUMNS)} FROM {EXPECTED} e "
        "WHERE NOT EXISTS (SELECT 1 FROM device_state s "
        f"WHERE s.serial_hmac = e.serial_hmac AND {CONFIRMED_SQL})"
    )
    params: list[Any] = []
    order = "e.serial_hmac"
    if after is not None:
        sql += " AND e.serial_hmac > ?"
        params.append(after)
    elif wave_order:
        whens = " ".join("WHEN ? THEN " + str(i) for i in range(len(wave_order)))
        order = f"CASE e.wave_id {whens} ELSE {len(wave_order)} END, {order}"
    sql = f"{sql} ORDER BY {order} LIMIT ?"
    if after is None and wave_order:
        params.extend(wave_order)
    params.append(limit)
    return conn.fetchall(sql, params)


READY_COLUMNS: Final = (
    "device_key",
    "entra_device_id",
    "intune_device_id",
    "serial_hmac",
    "oid",
    "wave",
    "legacy_vendor",
    "os_family",
    "overall_state",
    "last_received_utc",
)


def ready_devices(
    conn: Connection,
    *,
    waves: Sequence[str] = (),
    limit: int,
    after: str | None = None,
) -> list[Row]:
    """Confirmed devices that left the old EMM and are in Intune
    (:data:`READY_COLUMNS`): safe to delete from the old EMM's console."""
    sql = (
        "SELECT * FROM (SELECT s.device_key, s.entra_device_id, "
        "s.intune_device_id, s.serial_hmac, s.oid, "
        "COALESCE(e.wave_id, s.wave_id) AS wave, s.legacy_vendor, s.os_family, "
        "s.overall_state, s.last_received_utc "
        f"FROM device_state s LEFT JOIN {EXPECTED} e "
        "ON e.serial_hmac = s.serial_hmac "
        f"WHERE s.legacy_still_enrolled = 0 AND {in_intune_sql(conn)} "
        f"AND {CONFIRMED_SQL}) t "
        "WHERE 1 = 1"
    )
    params: list[Any] = []
    if waves:
        sql += f" AND wave IN ({', '.join('?' * len(waves))})"
        params.extend(waves)
    if after is not None:
        sql += " AND device_key > ?"
        params.append(after)
    sql += " ORDER BY device_key LIMIT ?"
    params.append(limit)
    return conn.fetchall(sql, params)


__all__ = [
    "JOINED_STAGE",
    "NEVER_COLUMNS",
    "PAGE",
    "READY_COLUMNS",
    "STALE_COLUMNS",
    "CubeRow",
    "ErrorCount",
    "ExpectedCounts",
    "IdentityCounts",
    "cube",
    "error_counts",
    "expected_counts",
    "identity_counts",
    "in_intune_sql",
    "never_ran",
    "progress_sql",
    "ready_devices",
    "stale_count",
    "stale_devices",
]
