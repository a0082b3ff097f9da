# SPDX-License-Identifier: MIT
"""The collector's tables: names, columns and the core migrations.

Both databases get the same tables (DDL type tokens: see
:meth:`~collector.storage.base.Dialect.ddl`). Times are text in
:data:`~collector.storage.base.UTC_FORMAT`.

``events``: every accepted event, once (raw history; purged after
``storage.retention_days``).

=================  ======  ==========================================================
column             type    meaning
=================  ======  ==========================================================
event_id           text    the event's UUID; primary key (idempotency)
tid, oid           text    tenant and user, **from the validated token**
client_app_id      text    the token's ``azp`` (v2) or ``appid`` (v1)
device_key         text    :func:`collector.ingest.device_key`; joins ``device_state``
device_seq         bigint  the device's counter (highest = latest)
event_type         text    created, started, succeeded, failed, heartbeat...
wave_id            text    from the event (may be NULL)
event_time_utc     text    the device's clock
received_utc       text    the collector's clock (retention, export order)
payload            json    the event, re-encoded compactly (JSONB in PostgreSQL)
=================  ======  ==========================================================

``device_state``: one row per device key, the event with the highest
``device_seq`` seen (an older event arriving late never replaces it). Kept by
``purge``. Columns copied from that event for filtering and counting:
``tid, oid, client_app_id, entra_device_id, intune_device_id, serial_hmac,
os_family, os_version, arch, join_type, campaign_id, wave_id, journey_id,
journey_path, legacy_vendor, legacy_still_enrolled`` (1, 0 or NULL),
``overall_state, current_stage, event_type, stage, step, code, app_version``;
then ``last_seq, last_event_id, last_event_time_utc, last_received_utc`` (when
that event arrived), ``first_received_utc`` (the device's first event) and
``payload`` (that event's JSON, with its ``steps`` and ``stages``); then
``identity`` and ``user_flagged`` (migration 2), and where the device stands
(migration 3, :mod:`collector.progress`): ``legacy_status``, ``in_intune``,
``progress_utc`` and ``migrated_utc``.

``schema_version``: ``(component, version, applied_utc)``; one sequence per
component (``core`` here; the dashboard and forward modules register theirs,
see :func:`collector.storage.migrations.register_migrations`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from collector.storage.migrations import Migration

if TYPE_CHECKING:
    from collector.storage.base import Connection

EVENTS: Final = "events"
DEVICE_STATE: Final = "device_state"
SCHEMA_VERSION: Final = "schema_version"

EVENT_COLUMNS: Final = (
    "event_id",
    "tid",
    "oid",
    "client_app_id",
    "device_key",
    "device_seq",
    "event_type",
    "wave_id",
    "event_time_utc",
    "received_utc",
    "payload",
)

STATE_COLUMNS: Final = (
    "device_key",
    "tid",
    "oid",
    "client_app_id",
    "entra_device_id",
    "intune_device_id",
    "serial_hmac",
    "os_family",
    "os_version",
    "arch",
    "join_type",
    "campaign_id",
    "wave_id",
    "journey_id",
    "journey_path",
    "legacy_vendor",
    "legacy_still_enrolled",
    "overall_state",
    "current_stage",
    "event_type",
    "stage",
    "step",
    "code",
    "app_version",
    "last_seq",
    "last_event_id",
    "last_event_time_utc",
    "last_received_utc",
    "first_received_utc",
    "payload",
    "identity",
    "user_flagged",
    "legacy_status",
    "in_intune",
    "progress_utc",
    "migrated_utc",
)

# device_state.identity: who vouches for the device. Only a confirmed device
# counts for "ready to switch off" and the "safe to remove" export.
REPORTED: Final = "reported"  # what the device says, nothing more
CONFIRMED_BY_TOKEN: Final = "token-device-id"  # the token's deviceid claim
CONFIRMED_BY_GRAPH: Final = "graph"  # Intune links it to the user (confirm_device)


def backfill_progress(conn: Connection) -> None:
    """Migration 3's columns for the devices already stored, from their latest
    event. A device already migrated is dated by its latest report (when the
    collector first learned it is not recorded before this migration)."""
    import json

    from collector.progress import in_intune, legacy_status, progress_text

    class _Item:
        def __init__(self, item: dict[str, Any]) -> None:
            self.id = str(item.get("id", ""))
            self.state = str(item.get("state", ""))

    after = ""
    while True:
        rows = conn.fetchall(
            "SELECT device_key, payload, overall_state, legacy_vendor, "
            "legacy_still_enrolled, journey_path, last_received_utc "
            "FROM device_state WHERE device_key > ? ORDER BY device_key LIMIT 1000",
            (after,),
        )
        if not rows:
            return
        for key, payload, state, vendor, still, path, last in rows:
            event = payload if isinstance(payload, dict) else json.loads(payload)
            stages = [s for s in event.get("stages") or [] if isinstance(s, dict)]
            steps = [s for s in event.get("steps") or [] if isinstance(s, dict)]
            legacy = legacy_status(vendor, None if still is None else bool(still), path)
            joined = in_intune(str(state), [_Item(s) for s in stages])
            moments = [str(s.get("at")) for s in stages + steps if s.get("at")]
            conn.execute(
                "UPDATE device_state SET legacy_status = ?, in_intune = ?, "
                "progress_utc = ?, migrated_utc = ? WHERE device_key = ?",
                (
                    legacy,
                    int(joined),
                    progress_text(moments),
                    last if joined and legacy in ("left", "none") else None,
                    key,
                ),
            )
        after = str(rows[-1][0])


CORE_MIGRATIONS: Final = (
    Migration(
        1,
        "events and latest state per device",
        (
            """
            CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                tid TEXT NOT NULL,
                oid TEXT NOT NULL,
                client_app_id TEXT NOT NULL,
                device_key TEXT NOT NULL,
                device_seq {bigint} NOT NULL,
                event_type TEXT NOT NULL,
                wave_id TEXT,
                event_time_utc TEXT NOT NULL,
                received_utc TEXT NOT NULL,
                payload {json} NOT NULL
            )
            """,
            # Retention (purge) and the raw export walk events in arrival order.
            "CREATE INDEX events_received ON events (received_utc, event_id)",
            # One device's history, newest first.
            "CREATE INDEX events_device ON events (device_key, device_seq)",
            """
            CREATE TABLE device_state (
                device_key TEXT PRIMARY KEY,
                tid TEXT NOT NULL,
                oid TEXT NOT NULL,
                client_app_id TEXT NOT NULL,
                entra_device_id TEXT,
                intune_device_id TEXT,
                serial_hmac TEXT,
                os_family TEXT NOT NULL,
                os_version TEXT,
                arch TEXT,
                join_type TEXT,
                campaign_id TEXT,
                wave_id TEXT,
                journey_id TEXT,
                journey_path TEXT,
                legacy_vendor TEXT,
                legacy_still_enrolled {int},
                overall_state TEXT NOT NULL,
                current_stage TEXT,
                event_type TEXT NOT NULL,
                stage TEXT,
                step TEXT,
                code TEXT,
                app_version TEXT NOT NULL,
                last_seq {bigint} NOT NULL,
                last_event_id TEXT NOT NULL,
                last_event_time_utc TEXT NOT NULL,
                last_received_utc TEXT NOT NULL,
                first_received_utc TEXT NOT NULL,
                payload {json} NOT NULL
            )
            """,
            # The filters of /api/v1/devices and the dashboard's counts.
            "CREATE INDEX device_state_wave ON device_state (wave_id, overall_state)",
            "CREATE INDEX device_state_state ON device_state (overall_state)",
            "CREATE INDEX device_state_vendor ON device_state (legacy_vendor)",
            "CREATE INDEX device_state_os ON device_state (os_family)",
            "CREATE INDEX device_state_seen ON device_state (last_received_utc)",
        ),
    ),
    Migration(
        2,
        "device identity: reported or confirmed",
        (
            "ALTER TABLE device_state ADD COLUMN identity TEXT NOT NULL "
            "DEFAULT 'reported'",
            # 1 when the device's user reports more devices than
            # devices.flag_per_user (an anomaly for IT to look at).
            "ALTER TABLE device_state ADD COLUMN user_flagged {int} NOT NULL DEFAULT 0",
            # Per-user device counts (limits, the anomaly flag).
            "CREATE INDEX device_state_user ON device_state (tid, oid)",
        ),
    ),
    Migration(
        3,
        "where each device stands: old EMM, Intune, progress, migrated since",
        (
            # collector.progress: computed when an event is stored, so the
            # dashboard reads columns instead of 200,000 JSON documents.
            "ALTER TABLE device_state ADD COLUMN legacy_status TEXT NOT NULL "
            "DEFAULT 'unknown'",
            "ALTER TABLE device_state ADD COLUMN in_intune {int} NOT NULL DEFAULT 0",
            "ALTER TABLE device_state ADD COLUMN progress_utc TEXT",
            "ALTER TABLE device_state ADD COLUMN migrated_utc TEXT",
            # Covering indexes for what the dashboard counts, so that it
            # reads them and never the rows with their payloads (make bench,
            # 200,000 devices): no progress, errors, flagged users. Its
            # per-wave counts and history are indexed by the expected module,
            # whose wave of each device they group by.
            # Last progress as collector.dashboard.queries.progress_sql writes
            # it: "no progress for N days" counts a range of it and lists the
            # oldest first, without sorting every unfinished device.
            "CREATE INDEX device_state_progress ON device_state "
            "((COALESCE(progress_utc, substr(first_received_utc, 1, 19))), "
            "overall_state, device_key)",
            "CREATE INDEX device_state_errors ON device_state (overall_state, "
            "code, current_stage)",
            "CREATE INDEX device_state_flagged ON device_state (user_flagged, "
            "tid, oid)",
        ),
        run=backfill_progress,
    ),
)

__all__ = [
    "CONFIRMED_BY_GRAPH",
    "CONFIRMED_BY_TOKEN",
    "CORE_MIGRATIONS",
    "DEVICE_STATE",
    "EVENTS",
    "EVENT_COLUMNS",
    "REPORTED",
    "SCHEMA_VERSION",
    "STATE_COLUMNS",
]
