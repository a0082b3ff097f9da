# SPDX-License-Identifier: MIT
"""The outbox: every status event is committed here before any send.

A SQLite database in the user data folder (``outbox.sqlite3``), in WAL mode with
``synchronous=FULL``: once :meth:`Outbox.enqueue` returns, the event survives a
killed process and a power cut. Delivery (:mod:`helper.report.delivery`) reads
queued events in ``device_seq`` order and marks them:

- ``queued``: waiting to be sent (or re-sent: delivery is at-least-once and the
  collector deduplicates on ``event_id``);
- ``delivered``: the collector accepted it (or already had it). Kept
  :data:`KEEP_DELIVERED_DAYS` days (at most :data:`MAX_DELIVERED_ROWS` rows) for
  the helpdesk panel, then purged;
- ``parked``: the collector refused it for good (a 4xx, a per-event rejection);
  kept with its error code :data:`KEEP_PARKED_DAYS` days for helpdesk.

These retention values are constants, not configuration: they only size a local
support view, and the collector's retention is IT's decision, not the device's.

``device_seq`` is a counter in the same database, incremented in the same
transaction as the insert, so it never repeats across restarts or kills. A new
database starts it at the current time in milliseconds: a reinstalled helper (or
an outbox moved aside as corrupt) keeps increasing past the old one's values.

Import-light (sqlite3, msgspec): the journey reporter uses it; httpx is never
imported here. One connection, shared by threads under a lock: the journey's
worker enqueues while a background thread flushes.
"""

from __future__ import annotations

import datetime
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Final, Literal

import msgspec

from helper.private import private_dir, tighten, touch_private
from helper.report.event import SCHEMA, StatusEvent, encode_event

log = logging.getLogger(__name__)

DB_NAME: Final = "outbox.sqlite3"
DB_VERSION: Final = 1
KEEP_DELIVERED_DAYS: Final = 30
KEEP_PARKED_DAYS: Final = 90
MAX_DELIVERED_ROWS: Final = 5000
# An event is about 1-2 KB; one this big is a bug, and could never fit a batch.
MAX_EVENT_BYTES: Final = 64 * 1024
STATUS_SCHEMA: Final = "report-status/1"
CORRUPT_SUFFIX: Final = ".corrupt-"

EntryState = Literal["queued", "delivered", "parked"]
DeliveryState = Literal[
    "idle",  # nothing queued
    "queued",  # events wait and may be sent now
    "retrying",  # the last attempt failed; waiting until next_attempt
    "sign-in-needed",  # the collector refused the token, even a fresh one
    "refused",  # 403/404: access or configuration; long back-off
    "disabled",  # reporting is off in the configuration
]

_ENVELOPE_HEAD: Final = b'{"schema":"' + SCHEMA.encode() + b'","events":['
_ENVELOPE_TAIL: Final = b"]}"

_CREATE: Final = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    event_id TEXT PRIMARY KEY,
    device_seq INTEGER NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    created_utc REAL NOT NULL,
    payload BLOB NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'delivered', 'parked')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_status INTEGER,
    last_error TEXT,
    done_utc REAL
);
CREATE INDEX IF NOT EXISTS outbox_state_seq ON outbox (state, device_seq);
"""


class OutboxEntry(msgspec.Struct, kw_only=True, frozen=True):
    """One event as the helpdesk panel shows it (no payload).

    Attributes:
        event_id, device_seq, event_type: from the event.
        created_utc: when it was committed to the outbox.
        state: queued, delivered or parked.
        attempts: how many requests carried it.
        last_status: the HTTP status of the last attempt, if any.
        last_error: a code (``http:400``, ``rejected:schema``...), if any.
        done_utc: when it was delivered or parked.
    """

    event_id: str
    device_seq: int
    event_type: str
    created_utc: datetime.datetime
    state: EntryState
    attempts: int = 0
    last_status: int | None = None
    last_error: str | None = None
    done_utc: datetime.datetime | None = None


class Pending(msgspec.Struct, frozen=True, array_like=True):
    """A queued event as delivery sends it: id, sequence and the exact JSON."""

    event_id: str
    device_seq: int
    payload: bytes


class DeliveryMeta(msgspec.Struct, kw_only=True):
    """Delivery's state across runs (one row of the meta table).

    Attributes:
        state: see :data:`DeliveryState` (never ``disabled``: that comes from
            the configuration).
        failures: consecutive failed attempts (the back-off exponent).
        next_attempt: epoch seconds before which no attempt is made, or None.
        last_error: the code of the last failure.
        last_status: the HTTP status of the last failure, if it had one.
        last_error_at, last_success_at: epoch seconds.
    """

    state: DeliveryState = "idle"
    failures: int = 0
    next_attempt: float | None = None
    last_error: str | None = None
    last_status: int | None = None
    last_error_at: float | None = None
    last_success_at: float | None = None


class OutboxStatus(msgspec.Struct, kw_only=True):
    """What ``report --status --json`` prints (``report-status/1``) and the
    window's reporting panel shows.

    Attributes:
        enabled: reporting is on in the configuration.
        state: see :data:`DeliveryState`.
        queued, delivered, parked: event counts (delivered: those still kept).
        last_error: the code of the last delivery failure, if any.
        last_error_at, last_success_at: UTC times.
        next_attempt: when the next send is due (UTC); None when nothing is
            queued, reporting is off, or sign-in is needed first.
        oldest_queued_at: when the oldest queued event was recorded (UTC).
        parked_events: the most recent parked events, with their errors.
        schema: ``report-status/1``.
    """

    enabled: bool
    state: DeliveryState
    queued: int
    delivered: int
    parked: int
    last_error: str | None = None
    last_error_at: datetime.datetime | None = None
    last_success_at: datetime.datetime | None = None
    next_attempt: datetime.datetime | None = None
    oldest_queued_at: datetime.datetime | None = None
    parked_events: list[OutboxEntry] = msgspec.field(default_factory=list)
    schema: str = STATUS_SCHEMA


def to_datetime(epoch: float | None) -> datetime.datetime | None:
    """Epoch seconds → aware UTC datetime (None stays None)."""
    if epoch is None:
        return None
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC)


def default_path() -> Path:
    """``paths.data_dir()/outbox.sqlite3``."""
    from helper.paths import data_dir

    return data_dir() / DB_NAME


def envelope(payloads: Iterable[bytes]) -> bytes:
    """The request body for a batch: ``{"schema": ..., "events": [...]}``.

    The stored event JSON is spliced in as is: no decode, no re-encode.
    """
    return _ENVELOPE_HEAD + b",".join(payloads) + _ENVELOPE_TAIL


class OutboxTooNewError(RuntimeError):
    """The outbox was written by a newer helper (a downgrade): left untouched."""

    def __init__(self, version: int) -> None:
        super().__init__(f"outbox version {version} is newer than {DB_VERSION}")
        self.version = version


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    # Not "locked" or "disk I/O error" (OperationalError): only a file that is
    # not a database, or a damaged one, is moved aside.
    name = getattr(exc, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or (
        type(exc) is sqlite3.DatabaseError
    )


class Outbox:
    """The outbox database. Thread-safe; close it when done (or use ``with``).

    Args:
        path: the database file; default :func:`default_path`.
        clock: epoch seconds (tests pass a fake clock).

    Raises:
        sqlite3.Error: the database cannot be opened or created (a read-only
            folder, a locked file). A corrupt file is moved aside
            (``outbox.sqlite3.corrupt-<UTC time>``) and a new one created.
        OutboxTooNewError: a newer helper wrote it (it is left as it is).
    """

    def __init__(
        self, path: Path | None = None, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path if path is not None else default_path()
        self._clock = clock
        self._lock = threading.RLock()
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                raise
            log.warning(
                "the outbox %s is damaged (%s); starting a new one", self.path, exc
            )
            self._move_aside()
            self._db = self._open()

    # --- lifecycle ----------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        private_dir(self.path.parent)
        # Created 0600 before SQLite opens it: SQLite gives the -wal and -shm
        # files the database's mode, so the events stay the user's alone.
        touch_private(self.path)
        for suffix in ("-wal", "-shm"):
            tighten(Path(f"{self.path}{suffix}"))
        # isolation_level=None: we issue BEGIN/COMMIT ourselves.
        # check_same_thread=False: one connection, serialised by self._lock.
        db = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # FULL: the WAL is fsync'ed at every commit, so a committed event
            # survives a power cut, not only a killed process.
            db.execute("PRAGMA synchronous=FULL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > DB_VERSION:
                raise OutboxTooNewError(version)
            db.executescript(_CREATE)
            if version < DB_VERSION:
                db.execute(f"PRAGMA user_version={DB_VERSION}")
            seed = int(self._clock() * 1000) - 1
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('device_seq', ?)",
                (seed,),
            )
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(self._clock()))
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.path}{suffix}")
            if src.exists():
                os.replace(src, Path(f"{self.path}{CORRUPT_SUFFIX}{stamp}{suffix}"))

    def close(self) -> None:
        """Close the database (idempotent)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writes -----------------------------------------------------------------

    def _insert(self, event: StatusEvent, now: float) -> StatusEvent:
        row = self._db.execute(
            "UPDATE meta SET value = value + 1 WHERE key = 'device_seq' RETURNING value"
        ).fetchone()
        event = msgspec.structs.replace(event, device_seq=int(row[0]))
        payload = encode_event(event)
        if len(payload) > MAX_EVENT_BYTES:
            raise ValueError(f"event of {len(payload)} bytes, over {MAX_EVENT_BYTES}")
        self._db.execute(
            "INSERT INTO outbox (event_id, device_seq, event_type, created_utc, "
            "payload) VALUES (?, ?, ?, ?, ?)",
            (event.event_id, event.device_seq, event.event_type, now, payload),
        )
        return event

    def enqueue(
        self, event: StatusEvent, *, meta: Mapping[str, bytes] | None = None
    ) -> StatusEvent:
        """Commit one event (durably) and return it with its ``device_seq``.

        Args:
            event: the event; its ``device_seq`` is replaced by the next one.
            meta: meta rows to write in the same transaction (the journey
                reporter's snapshot), so the two never disagree.

        Returns:
            The event as stored and sent.

        Raises:
            sqlite3.Error: it could not be written (nothing was).
            ValueError: the event is absurdly large.
        """
        return self.enqueue_many([event], meta=meta)[0]

    def enqueue_many(
        self,
        events: Sequence[StatusEvent],
        *,
        meta: Mapping[str, bytes] | None = None,
    ) -> list[StatusEvent]:
        """Commit several events in one transaction (all or none)."""
        with self._lock:
            now = self._clock()
            self._db.execute("BEGIN IMMEDIATE")
            try:
                stored = [self._insert(event, now) for event in events]
                for key, value in (meta or {}).items():
                    self._set_meta(key, value)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return stored

    def _set_meta(self, key: str, value: bytes) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def set_meta(self, key: str, value: bytes) -> None:
        """Write one meta row (its own transaction)."""
        with self._lock:
            self._set_meta(key, value)

    def get_meta(self, key: str) -> bytes | None:
        """Read one meta row."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,))
            found = row.fetchone()
        if found is None:
            return None
        value = found[0]
        return value if isinstance(value, bytes) else str(value).encode()

    def mark_delivered(
        self, event_ids: Sequence[str], *, status: int | None = None
    ) -> int:
        """Mark queued events delivered; returns how many changed."""
        return self._finish(event_ids, "delivered", status=status, error=None)

    def park(self, event_ids: Sequence[str], *, status: int | None, error: str) -> int:
        """Park queued events with an error code; returns how many changed."""
        return self._finish(event_ids, "parked", status=status, error=error)

    def _finish(
        self,
        event_ids: Sequence[str],
        state: EntryState,
        *,
        status: int | None,
        error: str | None,
    ) -> int:
        if not event_ids:
            return 0
        with self._lock:
            now = self._clock()
            self._db.execute("BEGIN IMMEDIATE")
            try:
                changed = 0
                for event_id in event_ids:
                    cursor = self._db.execute(
                        "UPDATE outbox SET state = ?, attempts = attempts + 1, "
                        "last_status = ?, last_error = ?, done_utc = ? "
                        "WHERE event_id = ? AND state = 'queued'",
                        (state, status, error, now, event_id),
                    )
                    changed += cursor.rowcount
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return changed

    def record_failure(
        self, event_ids: Sequence[str], *, status: int | None, error: str
    ) -> None:
        """Count a failed attempt on queued events (they stay queued)."""
        if not event_ids:
            return
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "UPDATE outbox SET attempts = attempts + 1, last_status = ?, "
                    "last_error = ? WHERE event_id = ? AND state = 'queued'",
                    [(status, error, event_id) for event_id in event_ids],
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def requeue_parked(self, event_ids: Sequence[str] | None = None) -> int:
        """Queue parked events again (helpdesk, once the collector is fixed).

        Args:
            event_ids: the events; None for every parked event.

        Returns:
            How many were queued again.
        """
        with self._lock:
            if event_ids is None:
                cursor = self._db.execute(
                    "UPDATE outbox SET state = 'queued', done_utc = NULL "
                    "WHERE state = 'parked'"
                )
                return cursor.rowcount
            changed = 0
            for event_id in event_ids:
                cursor = self._db.execute(
                    "UPDATE outbox SET state = 'queued', done_utc = NULL "
                    "WHERE state = 'parked' AND event_id = ?",
                    (event_id,),
                )
                changed += cursor.rowcount
            return changed

    def purge(self) -> int:
        """Delete delivered and parked events past their retention; returns how
        many. Queued events are never purged."""
        now = self._clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                removed = self._db.execute(
                    "DELETE FROM outbox WHERE (state = 'delivered' AND done_utc < ?) "
                    "OR (state = 'parked' AND done_utc < ?)",
                    (
                        now - KEEP_DELIVERED_DAYS * 86400,
                        now - KEEP_PARKED_DAYS * 86400,
                    ),
                ).rowcount
                removed += self._db.execute(
                    "DELETE FROM outbox WHERE state = 'delivered' AND device_seq <= "
                    "(SELECT device_seq FROM outbox WHERE state = 'delivered' "
                    "ORDER BY device_seq DESC LIMIT 1 OFFSET ?)",
                    (MAX_DELIVERED_ROWS,),
                ).rowcount
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return removed

    # --- reads ------------------------------------------------------------------

    def next_batch(
        self,
        *,
        max_events: int,
        max_bytes: int,
        up_to_seq: int | None = None,
    ) -> list[Pending]:
        """The oldest queued events that fit one request, in ``device_seq`` order.

        Args:
            max_events: at most this many events.
            max_bytes: the uncompressed request body stays within this (one event
                is always returned, whatever its size).
            up_to_seq: only events with ``device_seq`` up to this one (a flush
                does not chase events queued while it runs).
        """
        limit_seq = up_to_seq if up_to_seq is not None else 2**63 - 1
        with self._lock:
            rows = self._db.execute(
                "SELECT event_id, device_seq, payload FROM outbox "
                "WHERE state = 'queued' AND device_seq <= ? "
                "ORDER BY device_seq LIMIT ?",
                (limit_seq, max_events),
            ).fetchall()
        batch: list[Pending] = []
        size = len(_ENVELOPE_HEAD) + len(_ENVELOPE_TAIL)
        for event_id, seq, payload in rows:
            size += len(payload) + (1 if batch else 0)
            if batch and size > max_bytes:
                break
            batch.append(Pending(event_id, seq, bytes(payload)))
        return batch

    def last_queued_seq(self) -> int | None:
        """The highest ``device_seq`` still queued, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT MAX(device_seq) FROM outbox WHERE state = 'queued'"
            ).fetchone()
        return None if row[0] is None else int(row[0])

    def counts(self) -> dict[EntryState, int]:
        """Events per state."""
        result: dict[EntryState, int] = {"queued": 0, "delivered": 0, "parked": 0}
        with self._lock:
            for state, count in self._db.execute(
                "SELECT state, COUNT(*) FROM outbox GROUP BY state"
            ):
                result[state] = int(count)
        return result

    def entries(
        self, *, state: EntryState | None = None, limit: int = 50
    ) -> list[OutboxEntry]:
        """The most recent events (highest ``device_seq`` first), for helpdesk."""
        query = (
            "SELECT event_id, device_seq, event_type, created_utc, state, attempts, "
            "last_status, last_error, done_utc FROM outbox"
        )
        params: tuple[object, ...] = ()
        if state is not None:
            query += " WHERE state = ?"
            params = (state,)
        query += " ORDER BY device_seq DESC LIMIT ?"
        with self._lock:
            rows = self._db.execute(query, (*params, limit)).fetchall()
        return [
            OutboxEntry(
                event_id=row[0],
                device_seq=row[1],
                event_type=row[2],
                created_utc=to_datetime(row[3]) or datetime.datetime.now(datetime.UTC),
                state=row[4],
                attempts=row[5],
                last_status=row[6],
                last_error=row[7],
                done_utc=to_datetime(row[8]),
            )
            for row in rows
        ]

    def payload(self, event_id: str) -> bytes | None:
        """The exact JSON stored (and sent) for an event."""
        with self._lock:
            row = self._db.execute(
                "SELECT payload FROM outbox WHERE event_id = ?", (event_id,)
            ).fetchone()
        return None if row is None else bytes(row[0])

    def _oldest_queued(self) -> float | None:
        with self._lock:
            row = self._db.execute(
                "SELECT MIN(created_utc) FROM outbox WHERE state = 'queued'"
            ).fetchone()
        return None if row[0] is None else float(row[0])

    # --- delivery state ---------------------------------------------------------

    def delivery_meta(self) -> DeliveryMeta:
        """Delivery's saved state (defaults when none, or unreadable)."""
        raw = self.get_meta("delivery")
        if raw is None:
            return DeliveryMeta()
        try:
            return msgspec.json.decode(raw, type=DeliveryMeta)
        except (msgspec.DecodeError, msgspec.ValidationError):
            return DeliveryMeta()

    def save_delivery_meta(self, meta: DeliveryMeta) -> None:
        """Save delivery's state."""
        self.set_meta("delivery", msgspec.json.encode(meta))

    def status(self, *, enabled: bool = True) -> OutboxStatus:
        """Counts, state and next attempt, for ``report --status`` and the UI.

        Args:
            enabled: reporting is on in the configuration.
        """
        counts = self.counts()
        meta = self.delivery_meta()
        now = self._clock()
        state: DeliveryState = meta.state
        next_attempt: float | None = None
        if not enabled:
            state = "disabled"
        elif counts["queued"] == 0:
            state = "idle" if state not in ("sign-in-needed", "refused") else state
        elif state == "idle":
            state = "queued"
        if enabled and counts["queued"] and state != "sign-in-needed":
            next_attempt = max(now, meta.next_attempt or now)
        return OutboxStatus(
            enabled=enabled,
            state=state,
            queued=counts["queued"],
            delivered=counts["delivered"],
            parked=counts["parked"],
            last_error=meta.last_error,
            last_error_at=to_datetime(meta.last_error_at),
            last_success_at=to_datetime(meta.last_success_at),
            next_attempt=to_datetime(next_attempt),
            oldest_queued_at=to_datetime(self._oldest_queued()),
            parked_events=self.entries(state="parked", limit=20),
        )
