# SPDX-License-Identifier: MIT
"""The dashboard's queries (SQLite and PostgreSQL).

Definitions (docs/dashboard.md; computed when an event is stored, see
:mod:`collector.progress`):

- **a device's wave**: the wave IT's expected-devices list gives its serial,
  else the wave it reports (the helper picks one by date when IT assigned
  none, and IT's list is what the old EMM's switch-off follows);
- **in Intune**: the journey succeeded, or its ``confirm-joined`` stage is
  done (the helper checked that Intune manages the device);
- **the old EMM** (``legacy_status``): ``present`` (``legacy.still_enrolled``
  true), ``left`` (false), ``none`` (no old EMM detected: no ``legacy`` vendor
  nor state, and a journey whose plan has nothing to leave) or ``unknown`` (a
  vendor without a state, or no legacy facts on a path that leaves one);
  ``left`` and ``none`` count as out of the old EMM ("left or never
  enrolled"), ``unknown`` as still in it;
- **last progress**: the latest ``at`` of the snapshot's stages and steps (a
  heartbeat changes none), else the device's first report;
- **confirmed**: ``identity`` is not ``reported`` (the token was bound to the
  device, or Graph confirmed it). What a device merely reports never makes it
  "left", "in Intune", "ran" or "safe to remove": a user could report another
  person's serial.

Every counter comes from one aggregate over ``device_state`` (a small cube:
wave × state × vendor × OS × legacy × in-Intune), read from a covering index;
the page folds it in Python. The history (:func:`history`) is one more
aggregate over another covering index. Device lists are keyset-paginated so a
CSV of 200,000 rows never holds a connection for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from collector.expected import TABLE as EXPECTED
from collector.progress import (
    JOINED_STAGE,
    LEGACY_PATHS,
    OUT_OF_LEGACY,
    LegacyStatus,
)
from collector.storage.base import Connection, Row

PAGE: Final = 1000
# A device's wave: IT's list's (kept in listed_wave by collector.expected),
# else the one it reports. Written exactly as the indexes of the expected
# module's migration 2 have it.
WAVE_SQL: Final = "COALESCE(s.listed_wave, s.wave_id)"


def in_intune_sql(alias: str = "s") -> str:
    """An SQL condition: the device of ``alias`` (a device_state row) is in Intune."""
    return f"{alias}.in_intune = 1"


def legacy_sql(alias: str = "s") -> str:
    """An SQL expression: the device's :data:`LegacyStatus`."""
    return f"{alias}.legacy_status"


def progress_sql(alias: str = "s") -> str:
    """An SQL expression: the device's last progress, ``YYYY-MM-DDTHH:MM:SS``.

    The snapshot's ``at`` values are RFC 3339 from the device; the first 19
    characters compare as text with a cutoff in the same shape (an offset
    other than Z shifts it by hours, which a count of days can bear).
    """
    return f"COALESCE({alias}.progress_utc, substr({alias}.first_received_utc, 1, 19))"


@dataclass(frozen=True, slots=True)
class CubeRow:
    """One cell of the aggregate.

    Attributes:
        wave: the device's wave (None: none).
        state: ``overall_state``.
        vendor: ``legacy.vendor`` (None: none detected).
        os_family: windows, macos, linux.
        legacy: :data:`LegacyStatus` (``unknown`` for an unconfirmed device).
        in_intune: see the module docstring (never for an unconfirmed device).
        devices: how many devices.
        confirmed: the devices are confirmed (not only reported).
    """

    wave: str | None
    state: str
    vendor: str | None
    os_family: str
    legacy: LegacyStatus
    in_intune: bool
    devices: int
    confirmed: bool = True

    @property
    def out_of_legacy(self) -> bool:
        """Left the old EMM, or never had one."""
        return self.legacy in OUT_OF_LEGACY


CONFIRMED_SQL: Final = "s.identity <> 'reported'"


def cube(conn: Connection) -> list[CubeRow]:
    """Device counts by wave, state, vendor, OS, legacy and Intune.

    An unconfirmed device counts as "legacy unknown" and "not in Intune": it
    holds its wave back instead of making it ready. The query groups by the
    ``dashboard_counts`` index's own expressions, in its order, so the
    database reads that index alone and in order; confirmation is folded here.
    """
    sql = (
        f"SELECT {WAVE_SQL}, overall_state, legacy_vendor, os_family, "
        f"legacy_status, in_intune, ({CONFIRMED_SQL}), count(*) "
        "FROM device_state s "
        f"GROUP BY {WAVE_SQL}, overall_state, legacy_vendor, os_family, "
        f"legacy_status, in_intune, ({CONFIRMED_SQL})"
    )
    folded: dict[tuple[Any, ...], int] = {}
    for wave, state, vendor, family, legacy, joined, confirmed, n in conn.fetchall(sql):
        sure = bool(confirmed)
        key = (
            None if wave is None else str(wave),
            str(state),
            None if vendor is None else str(vendor),
            str(family),
            _legacy(legacy) if sure else "unknown",
            bool(joined) and sure,
            sure,
        )
        folded[key] = folded.get(key, 0) + int(n)
    return [
        CubeRow(
            wave=k[0],
            state=k[1],
            vendor=k[2],
            os_family=k[3],
            legacy=k[4],
            in_intune=k[5],
            devices=n,
            confirmed=k[6],
        )
        for k, n in folded.items()
    ]


def _legacy(value: object) -> LegacyStatus:
    if value == "present":
        return "present"
    if value == "left":
        return "left"
    if value == "none":
        return "none"
    return "unknown"


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """Devices of a wave that first reported on a day and, confirmed, were
    migrated on another (or not yet).

    Attributes:
        wave: the device's wave (None: none).
        reported: the day of its first report (UTC, ``YYYY-MM-DD``).
        migrated: the day the collector first stored it migrated (out of the
            old EMM and in Intune), when it is confirmed; else None.
        devices: how many devices.
    """

    wave: str | None
    reported: str
    migrated: str | None
    devices: int


def history(conn: Connection) -> list[HistoryRow]:
    """Devices by wave, first-report day and migration day: the charts' data.

    One pass, in order, over the ``dashboard_history`` index (its three
    expressions are the grouping): its cost follows the devices, never the
    raw events.
    """
    reported = "substr(s.first_received_utc, 1, 10)"
    migrated = f"CASE WHEN {CONFIRMED_SQL} THEN substr(s.migrated_utc, 1, 10) END"
    sql = (
        f"SELECT {WAVE_SQL}, {reported}, {migrated}, count(*) "
        f"FROM device_state s GROUP BY {WAVE_SQL}, {reported}, {migrated}"
    )
    return [
        HistoryRow(
            wave=None if r[0] is None else str(r[0]),
            reported=str(r[1]),
            migrated=None if r[2] is None else str(r[2]),
            devices=int(r[3]),
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
    # Listed serials that ran, per wave: the devices carry their listed wave
    # (collector.expected keeps it), so this reads the dashboard_listed index
    # instead of looking each of 200,000 listed serials up.
    ran = {
        str(w): int(n)
        for w, n in conn.fetchall(
            "SELECT listed_wave, count(DISTINCT serial_hmac) FROM device_state s "
            f"WHERE listed_wave IS NOT NULL AND {CONFIRMED_SQL} GROUP BY listed_wave"
        )
    }
    never: dict[str | None, int] = {}
    for wave, count in expected.items():
        if wave is None:
            continue
        missing = count - ran.get(wave, 0)
        if missing:
            never[wave] = missing
    if None in expected:
        # Listed without a wave (the devices then keep the one they report):
        # looked up one by one, only those.
        unwaved = int(
            conn.scalar(
                f"SELECT count(*) FROM {EXPECTED} e WHERE e.wave_id IS NULL AND "
                "NOT EXISTS (SELECT 1 FROM device_state s WHERE s.serial_hmac = "
                f"e.serial_hmac AND {CONFIRMED_SQL})"
            )
        )
        if unwaved:
            never[None] = unwaved
    return ExpectedCounts(expected, never)


@dataclass(frozen=True, slots=True)
class IdentityCounts:
    """Devices not confirmed yet, and users flagged for reporting many devices."""

    unconfirmed: int
    flagged_users: int


def identity_counts(
    conn: Connection, cube_rows: Sequence[CubeRow] | None = None
) -> IdentityCounts:
    """How much of the page rests on what devices merely say (the unconfirmed
    count from ``cube_rows`` when the caller has them)."""
    if cube_rows is None:
        unconfirmed = int(
            conn.scalar(
                "SELECT count(*) FROM device_state s WHERE NOT " + CONFIRMED_SQL
            )
            or 0
        )
    else:
        unconfirmed = sum(r.devices for r in cube_rows if not r.confirmed)
    flagged = conn.scalar(
        "SELECT count(*) FROM (SELECT DISTINCT tid, oid FROM device_state "
        "WHERE user_flagged = 1) u"
    )
    return IdentityCounts(unconfirmed, int(flagged or 0))


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
        "SELECT s.device_key, s.entra_device_id, s.serial_hmac, "
        f"s.oid, {WAVE_SQL} AS wave, s.overall_state, "
        "s.current_stage, s.legacy_vendor, s.os_family, "
        f"{progress_sql()} AS progress, s.last_received_utc "
        "FROM device_state s "
        f"WHERE s.overall_state <> 'succeeded' AND {progress_sql()} < ?"
    )


def stale_count(conn: Connection, cutoff: str) -> int:
    """Unfinished devices whose last progress is before ``cutoff`` (19 chars);
    from the ``device_state_progress`` index alone."""
    return int(
        conn.scalar(
            "SELECT count(*) FROM device_state s WHERE s.overall_state <> "
            f"'succeeded' AND {progress_sql()} < ?",
            (cutoff,),
        )
    )


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
        # In the device_state_progress index's order: no sort.
        sql += f" ORDER BY {progress_sql()}, s.device_key LIMIT ?"
    else:
        sql += " AND s.device_key > ? ORDER BY s.device_key LIMIT ?"
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
    if after is not None or not wave_order:
        params: list[Any] = []
        if after is not None:
            sql += " AND e.serial_hmac > ?"
            params.append(after)
        return conn.fetchall(f"{sql} ORDER BY e.serial_hmac LIMIT ?", [*params, limit])
    # The most urgent waves first, one at a time along the (wave_id, serial)
    # index: each stops once it has the rows the page shows.
    rows: list[Row] = []
    for wave in wave_order:
        rows += conn.fetchall(
            f"{sql} AND e.wave_id = ? ORDER BY e.serial_hmac LIMIT ?",
            (wave, limit - len(rows)),
        )
        if len(rows) >= limit:
            return rows
    marks = ", ".join("?" * len(wave_order))
    rows += conn.fetchall(
        f"{sql} AND (e.wave_id IS NULL OR e.wave_id NOT IN ({marks})) "
        "ORDER BY e.serial_hmac LIMIT ?",
        [*wave_order, limit - len(rows)],
    )
    return rows


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
    """Confirmed devices out of the old EMM (left it, or never had one) and in
    Intune (:data:`READY_COLUMNS`): safe to delete from the old EMM's console."""
    sql = (
        "SELECT * FROM (SELECT s.device_key, s.entra_device_id, "
        "s.intune_device_id, s.serial_hmac, s.oid, "
        f"{WAVE_SQL} AS wave, s.legacy_vendor, s.os_family, "
        "s.overall_state, s.last_received_utc "
        "FROM device_state s "
        f"WHERE {legacy_sql()} IN ('left', 'none') AND {in_intune_sql()} "
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
    "LEGACY_PATHS",
    "NEVER_COLUMNS",
    "OUT_OF_LEGACY",
    "PAGE",
    "READY_COLUMNS",
    "STALE_COLUMNS",
    "CubeRow",
    "ErrorCount",
    "ExpectedCounts",
    "HistoryRow",
    "IdentityCounts",
    "LegacyStatus",
    "cube",
    "error_counts",
    "expected_counts",
    "history",
    "identity_counts",
    "in_intune_sql",
    "legacy_sql",
    "never_ran",
    "progress_sql",
    "ready_devices",
    "stale_count",
    "stale_devices",
]
