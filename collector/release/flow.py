# SPDX-License-Identifier: MIT
"""The "ready to leave" flow: a device asks, IT's policy decides, the
connector calls the vendor, every step is audited.

A request (``POST /api/v1/release-requests``) names the device by the serial
digest the helper already sends with its events; the user and tenant come from
the token. The request is bound to the ``device_state`` row of *that* user
and serial (the same key as its reports: ``tid:oid:serial:<hmac>``), so a
token can never ask for another user's device, and the vendor must be the one
the device itself reported. What happens next:

1. **Policy.** Automatic when the device's wave (IT's list first, else the
   reported one) is in ``release.auto_waves``, its identity is confirmed
   (its ``identity`` is one of ``release.auto_identities``) and no other user
   reported the same serial; otherwise the request waits in the dashboard's
   approval queue for someone with ``release.approver_role``.
2. **Guards** before any vendor call: the kill switch (configuration or
   ``release-kill-switch on``: requests wait, nothing is called), the
   collector's own per-vendor rate (``requests_per_minute``) and any
   ``Retry-After`` the vendor gave, and a lease in the database so two
   collector processes never call the vendor for one request at once.
3. **The call**, in dry-run or not; its outcome becomes the request's state:
   ``released`` (the vendor accepted, or had already queued it), ``refused``,
   ``failed`` (not found, credentials refused, too many vendor errors), or
   still ``in-progress`` with a retry time (rate limited, vendor error: the
   next poll of the helper retries when due).

Idempotent: the same request id for the same device gives the same row; a
device with an open request gets that request back whatever id it sends; at
most ``per_device_per_day`` requests per device in 24 hours.
"""

from __future__ import annotations

import collections
import concurrent.futures
import datetime
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from collector.auth import Principal
from collector.connectors.base import Connector, Outcome, Target
from collector.logging import log_event
from collector.release import store as db
from collector.release.settings import ReleaseConfig
from collector.storage.base import Connection, Store, parse_utc_text, utc_text
from helper.report.event import hmac_of_digest

log = logging.getLogger(__name__)

KILL_SWITCH: Final = "kill_switch"
# Seconds a request waits for its vendor call before answering in-progress.
INLINE_WAIT: Final = 10.0
LEASE_SECONDS: Final = 120.0
POLL_AWAITING: Final = 60
POLL_IN_PROGRESS: Final = 15
_UUID: Final = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
_DIGEST: Final = re.compile(r"^[0-9a-f]{64}$")
_VENDOR: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Outcome → the request's state.
_STATE_OF: Final[dict[str, str]] = {
    "released": db.RELEASED,
    "pending": db.RELEASED,
    "refused": db.REFUSED,
    "not-found": db.FAILED,
    "auth-failed": db.FAILED,
}


class ReleaseError(Exception):
    """A request the flow refuses (becomes a problem response).

    Attributes:
        status: the HTTP status.
        code: the problem's ``code``.
        detail: one English sentence.
        retry_after: seconds, for 429.
    """

    def __init__(
        self, status: int, code: str, detail: str, retry_after: int | None = None
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Submission:
    """What a device sends (already checked by :func:`parse_submission`)."""

    request_id: str
    serial_digest: str
    vendor: str


def parse_submission(body: Any) -> Submission:
    """The request body's fields.

    Raises:
        ReleaseError: 400 naming the field that is wrong.
    """
    if not isinstance(body, dict):
        raise ReleaseError(400, "bad-request", "the body must be a JSON object")
    unknown = set(body) - {"request_id", "serial_digest", "vendor"}
    if unknown:
        name = sorted(unknown)[0][:40]
        raise ReleaseError(400, "bad-request", f"unknown field {name!r}")
    checks = (
        ("request_id", _UUID, "a lower-case UUID"),
        ("serial_digest", _DIGEST, "64 lower-case hex digits"),
        ("vendor", _VENDOR, "a vendor id"),
    )
    values: dict[str, str] = {}
    for name, pattern, what in checks:
        value = body.get(name)
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise ReleaseError(400, "bad-request", f"{name}: expected {what}")
        values[name] = value
    return Submission(**values)


class VendorLimiter:
    """The collector's own pace per vendor, and the vendor's ``Retry-After``."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._calls: dict[str, collections.deque[float]] = {}
        self._blocked: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, vendor: str, per_minute: int) -> float:
        """Seconds before a call to ``vendor`` may go (0: now; then counted)."""
        with self._lock:
            now = self._clock()
            blocked = self._blocked.get(vendor, 0.0) - now
            if blocked > 0:
                return blocked
            calls = self._calls.setdefault(vendor, collections.deque())
            while calls and now - calls[0] >= 60.0:
                calls.popleft()
            if len(calls) >= per_minute:
                return 60.0 - (now - calls[0])
            calls.append(now)
            return 0.0

    def block(self, vendor: str, seconds: float) -> None:
        """The vendor said to wait (429 + Retry-After)."""
        with self._lock:
            until = self._clock() + seconds
            self._blocked[vendor] = max(self._blocked.get(vendor, 0.0), until)


class ReleaseService:
    """The flow (see the module's docstring). Blocking: call it from a worker
    thread.

    Args:
        store: the collector's store.
        settings: the checked ``[release]`` section.
        serial_key: ``devices.serial_hmac_key``.
        connectors: vendor id → connector.
        clock: epoch seconds.
    """

    def __init__(
        self,
        store: Store,
        settings: ReleaseConfig,
        serial_key: str,
        connectors: Mapping[str, Connector],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.settings = settings
        self.serial_key = serial_key
        self.connectors = dict(connectors)
        self.clock = clock
        self.limiter = VendorLimiter(clock)
        self.inline_wait = INLINE_WAIT
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=4, thread_name_prefix="release"
        )
        self._running: dict[str, concurrent.futures.Future[db.RequestRow]] = {}
        self._lock = threading.Lock()

    # --- helpers -------------------------------------------------------------------

    def _now(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.clock(), datetime.UTC)

    def _text(self, seconds_from_now: float = 0.0) -> str:
        return utc_text(self._now() + datetime.timedelta(seconds=seconds_from_now))

    def kill_switch(self) -> bool:
        """No vendor call may go now (configuration or the stored switch)."""
        if self.settings.kill_switch:
            return True
        return self.store.query(db.control, KILL_SWITCH) == "on"

    def set_kill_switch(self, on: bool, *, by: str) -> None:
        """Turn the stored switch on or off (audited)."""
        now = self._text()

        def write(conn: Connection) -> None:
            db.set_control(conn, KILL_SWITCH, "on" if on else "off", at=now, by=by)
            db.audit(
                conn,
                request_id=None,
                at=now,
                actor_kind="cli",
                actor=by,
                action="kill-switch-on" if on else "kill-switch-off",
            )

        self.store.transaction(write)

    def poll_after(self, row: db.RequestRow) -> int | None:
        """Seconds the helper should wait before asking again (None: final)."""
        if row.state == db.AWAITING:
            return POLL_AWAITING
        if row.state != db.IN_PROGRESS:
            return None
        if row.next_attempt_utc:
            due = parse_utc_text(row.next_attempt_utc).timestamp() - self.clock()
            return max(POLL_IN_PROGRESS, int(due) + 1)
        return POLL_IN_PROGRESS

    def close(self) -> None:
        """Wait for the vendor calls under way, then close the connectors'
        HTTP clients."""
        self._pool.shutdown(wait=True)
        for connector in self.connectors.values():
            connector.close()

    # --- the device's side -------------------------------------------------------

    def submit(
        self, principal: Principal, submission: Submission
    ) -> tuple[db.RequestRow, bool]:
        """Record a device's request (and run it when the policy allows).

        Returns:
            The request and whether it was created now.

        Raises:
            ReleaseError: disabled, unknown device, another vendor, no
                connector, too many requests, a request id already used.
        """
        settings = self.settings
        if not settings.enabled:
            raise ReleaseError(404, "release-disabled", "IT has not enabled releases")
        if not self.serial_key:
            raise ReleaseError(
                409, "no-serial-key", "devices.serial_hmac_key is not configured"
            )
        serial = hmac_of_digest(submission.serial_digest, self.serial_key)
        # The key of the device's own reports (collector.ingest.device_key):
        # the token's user, never one named in the body.
        device_key = f"{principal.tid}:{principal.oid}:serial:{serial}"
        now = self._text()
        since = self._text(-86400.0)

        def record(conn: Connection) -> tuple[db.RequestRow, bool]:
            known = db.get_request(conn, submission.request_id)
            if known is not None:
                if known.device_key != device_key:
                    raise ReleaseError(
                        409, "request-id-conflict", "this request id is already used"
                    )
                return known, False
            current = db.open_request(conn, device_key)
            if current is not None:
                return current, False
            device = db.device_row(conn, device_key)
            if device is None:
                raise ReleaseError(
                    404,
                    "device-unknown",
                    "this device has not reported to the collector with this user",
                )
            legacy_vendor, os_family, wave, identity = device
            if legacy_vendor != submission.vendor:
                raise ReleaseError(
                    409,
                    "vendor-mismatch",
                    "the vendor is not the one this device reported",
                )
            if submission.vendor not in self.connectors:
                raise ReleaseError(
                    409, "no-connector", "no connector is configured for this vendor"
                )
            if db.count_since(conn, device_key, since) >= settings.per_device_per_day:
                raise ReleaseError(
                    429,
                    "too-many-requests",
                    f"at most {settings.per_device_per_day} requests a day per device",
                    retry_after=3600,
                )
            contested = db.serial_owners(conn, principal.tid, serial) > 1
            confirmed = identity in settings.auto_identities
            auto = (
                wave is not None
                and wave in settings.auto_waves
                and not contested
                and confirmed
            )
            row = db.RequestRow(
                request_id=submission.request_id,
                tid=principal.tid,
                oid=principal.oid,
                device_key=device_key,
                serial_hmac=serial,
                vendor=submission.vendor,
                os_family=os_family,
                wave_id=wave,
                identity=str(identity),
                contested=int(contested),
                state=db.IN_PROGRESS if auto else db.AWAITING,
                outcome=None,
                vendor_status=None,
                reason="auto"
                if auto
                else _why_queued(wave, settings, contested, confirmed),
                warnings=None,
                dry_run=int(settings.dry_run),
                attempts=0,
                next_attempt_utc=None,
                created_utc=now,
                updated_utc=now,
                decided_by=None,
                decided_utc=None,
            )
            db.insert_request(conn, row)
            db.audit(
                conn,
                request_id=row.request_id,
                at=now,
                actor_kind="device",
                actor=principal.oid,
                action="requested",
                vendor=row.vendor,
                reason=row.reason,
                dry_run=bool(row.dry_run),
            )
            return row, True

        row, created = self.store.transaction(record)
        if created:
            log_event(
                log,
                logging.INFO,
                "release-requested",
                request_id=row.request_id,
                vendor=row.vendor,
                state=row.state,
            )
        if row.state == db.IN_PROGRESS:
            row = self.run_soon(row.request_id, actor_kind="system", actor="policy")
        return row, created

    def status(self, principal: Principal, request_id: str) -> db.RequestRow:
        """The device's request (retried first when a retry is due).

        Raises:
            ReleaseError: 404 for an unknown request or another user's.
        """
        if not _UUID.fullmatch(request_id):
            raise ReleaseError(404, "request-unknown", "no such request")
        row = self.store.query(db.get_request, request_id)
        if row is None or (row.tid, row.oid) != (principal.tid, principal.oid):
            raise ReleaseError(404, "request-unknown", "no such request")
        if row.state == db.IN_PROGRESS:
            row = self.run_soon(request_id, actor_kind="system", actor="retry")
        return row

    # --- the approver's side -----------------------------------------------------

    def decide(
        self, approver: Principal, request_id: str, *, approve: bool
    ) -> db.RequestRow:
        """Approve (then run) or refuse a waiting request.

        Raises:
            ReleaseError: 404 unknown, 409 not waiting any more.
        """
        now = self._text()

        def write(conn: Connection) -> db.RequestRow:
            row = db.get_request(conn, request_id)
            if row is None or row.tid != approver.tid:
                raise ReleaseError(404, "request-unknown", "no such request")
            if row.state != db.AWAITING:
                raise ReleaseError(
                    409, "not-awaiting", "this request was already decided"
                )
            changes: dict[str, Any] = {
                "state": db.IN_PROGRESS if approve else db.REFUSED,
                "decided_by": approver.oid,
                "decided_utc": now,
                "updated_utc": now,
            }
            if not approve:
                changes["outcome"] = "rejected"
            db.update_request(conn, request_id, **changes)
            db.audit(
                conn,
                request_id=request_id,
                at=now,
                actor_kind="approver",
                actor=approver.oid,
                action="approved" if approve else "rejected",
                vendor=row.vendor,
                dry_run=bool(row.dry_run),
            )
            found = db.get_request(conn, request_id)
            assert found is not None
            return found

        row = self.store.transaction(write)
        if approve:
            row = self.run_soon(request_id, actor_kind="approver", actor=approver.oid)
        return row

    # --- the vendor call ---------------------------------------------------------

    def run_soon(
        self, request_id: str, *, actor_kind: str, actor: str
    ) -> db.RequestRow:
        """:meth:`run` on the service's own threads, waited for at most
        ``INLINE_WAIT`` seconds: a vendor call usually ends well within, and
        the device gets the outcome at once; a long one (the first listing of
        a large inventory: Kandji gives 300 devices a call) goes on while the
        device gets ``in-progress`` and polls. One call per request at a time."""
        with self._lock:
            future = self._running.get(request_id)
            if future is None or future.done():
                future = self._pool.submit(
                    self.run, request_id, actor_kind=actor_kind, actor=actor
                )
                self._running[request_id] = future
                future.add_done_callback(lambda done: self._forget(request_id, done))
        try:
            return future.result(timeout=self.inline_wait)
        except concurrent.futures.TimeoutError:
            row = self.store.query(db.get_request, request_id)
            assert row is not None
            return row

    def _forget(
        self, request_id: str, future: concurrent.futures.Future[db.RequestRow]
    ) -> None:
        with self._lock:
            if self._running.get(request_id) is future:
                del self._running[request_id]

    def run(self, request_id: str, *, actor_kind: str, actor: str) -> db.RequestRow:
        """Call the vendor for an in-progress request when it is due and
        allowed; returns the request as it stands afterwards."""
        row = self.store.query(db.get_request, request_id)
        assert row is not None
        if row.state != db.IN_PROGRESS:
            return row
        now_text = self._text()
        if row.next_attempt_utc and row.next_attempt_utc > now_text:
            return row
        connector = self.connectors.get(row.vendor)
        if connector is None:
            return self._finish(
                row, Outcome("vendor-error", reason="no-connector"), actor_kind, actor
            )
        if self.kill_switch():
            # Checked again at every poll: released as soon as it is off.
            return self._hold(row, "kill-switch", 0.0, actor_kind, actor)
        settings = self.settings.connector(row.vendor)
        per_minute = settings.requests_per_minute if settings is not None else 60
        wait = self.limiter.wait(row.vendor, per_minute)
        if wait > 0:
            return self._hold(row, "rate-limited", wait, actor_kind, actor)
        if not self._claim(row):
            return self.store.query(db.get_request, request_id) or row
        outcome = connector.release(
            Target(
                serial_hmac=row.serial_hmac,
                request_id=row.request_id,
                os_family=row.os_family or "",
                vendor=row.vendor,
            ),
            dry_run=bool(row.dry_run),
        )
        if outcome.code == "rate-limited":
            self.limiter.block(
                row.vendor, outcome.retry_after or float(self.settings.retry_seconds)
            )
        return self._finish(row, outcome, actor_kind, actor)

    def _claim(self, row: db.RequestRow) -> bool:
        now = self._text()
        lease = self._text(LEASE_SECONDS)

        def claim(conn: Connection) -> bool:
            cursor = conn.execute(
                f"UPDATE {db.REQUESTS} "
                "SET next_attempt_utc = ?, attempts = attempts + 1 "
                "WHERE request_id = ? AND state = ? AND "
                "(next_attempt_utc IS NULL OR next_attempt_utc <= ?)",
                (lease, row.request_id, db.IN_PROGRESS, now),
            )
            return int(cursor.rowcount) == 1

        return self.store.transaction(claim)

    def _record(
        self,
        row: db.RequestRow,
        changes: dict[str, Any],
        audit: dict[str, Any] | None,
    ) -> db.RequestRow:
        """Change the request and write its audit row in one transaction;
        returns the request as stored."""

        def write(conn: Connection) -> db.RequestRow:
            db.update_request(conn, row.request_id, **changes)
            if audit is not None:
                db.audit(
                    conn,
                    request_id=row.request_id,
                    at=changes["updated_utc"],
                    vendor=row.vendor,
                    dry_run=bool(row.dry_run),
                    **audit,
                )
            found = db.get_request(conn, row.request_id)
            assert found is not None
            return found

        return self.store.transaction(write)

    def _hold(
        self, row: db.RequestRow, reason: str, wait: float, actor_kind: str, actor: str
    ) -> db.RequestRow:
        changes = {
            "reason": reason,
            "next_attempt_utc": self._text(wait),
            "updated_utc": self._text(),
        }
        # One audit row when a hold starts, not one per poll.
        audit = {"actor_kind": actor_kind, "actor": actor, "action": "held"}
        return self._record(
            row, changes, {**audit, "reason": reason} if row.reason != reason else None
        )

    def _finish(
        self, row: db.RequestRow, outcome: Outcome, actor_kind: str, actor: str
    ) -> db.RequestRow:
        state = _STATE_OF.get(outcome.code, db.IN_PROGRESS)
        retry: str | None = None
        if state == db.IN_PROGRESS:
            if row.attempts + 1 >= self.settings.max_attempts:
                state = db.FAILED
            else:
                wait = outcome.retry_after or float(self.settings.retry_seconds)
                retry = self._text(wait)
        answer = {
            "outcome": outcome.code,
            "vendor_status": outcome.status or None,
            "reason": outcome.reason or None,
        }
        changes = {
            **answer,
            "state": state,
            "warnings": ",".join(outcome.warnings) or None,
            "next_attempt_utc": retry,
            "updated_utc": self._text(),
        }
        audit = {
            **answer,
            "actor_kind": actor_kind,
            "actor": actor,
            "action": "vendor-call",
            "warnings": outcome.warnings,
        }
        result = self._record(row, changes, audit)
        log_event(
            log,
            logging.INFO if state != db.FAILED else logging.WARNING,
            "release-vendor-call",
            request_id=row.request_id,
            vendor=row.vendor,
            outcome=outcome.code,
            vendor_status=outcome.status,
            reason=outcome.reason,
            dry_run=bool(row.dry_run),
        )
        return result


def _why_queued(
    wave: str | None, settings: ReleaseConfig, contested: bool, confirmed: bool
) -> str:
    if contested:
        return "serial-contested"
    if wave is None or wave not in settings.auto_waves:
        return "wave-not-automatic"
    if not confirmed:
        return "identity-reported"
    return "policy"  # pragma: no cover - every other case is automatic


def view(row: db.RequestRow, poll_after: int | None) -> dict[str, Any]:
    """The request as the device API answers it (codes only)."""
    return {
        "request_id": row.request_id,
        "state": row.state,
        "vendor": row.vendor,
        "outcome": row.outcome,
        "reason": row.reason,
        "warnings": list(row.warning_codes),
        "dry_run": bool(row.dry_run),
        "poll_after_seconds": poll_after,
        "created_utc": row.created_utc,
        "updated_utc": row.updated_utc,
    }


def new_request_id() -> str:
    """A request id (what the helper sends)."""
    return str(uuid.uuid4())


__all__ = [
    "KILL_SWITCH",
    "ReleaseError",
    "ReleaseService",
    "Submission",
    "VendorLimiter",
    "new_request_id",
    "parse_submission",
    "view",
]
