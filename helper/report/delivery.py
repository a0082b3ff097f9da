# SPDX-License-Identifier: MIT
"""Delivery: queued events → ``POST /api/v1/events`` on the collector.

Rules (docs/reporting.md, resources/openapi/collector-v1.json):

- Batches of at most 100 events and 256 KB of JSON, oldest ``device_seq``
  first, gzip-compressed, with an ``Idempotency-Key`` derived from the batch's
  event ids (the same batch always gets the same key). At-least-once: an event
  is marked delivered only after the collector's 200 names it; the collector
  deduplicates on ``event_id``.
- 200: per-event results: ``accepted`` and ``duplicate`` → delivered,
  ``rejected`` → parked with the collector's reason code.
- 401: one silent token refresh (``force_refresh=True``) and one retry; still
  401 → state ``sign-in-needed`` (a state the window shows, not an exception).
- 403, 404, 410: access or configuration → state ``refused``, retried after an
  hour (the events stay queued: a Conditional Access fix must not lose them).
- 413 and other 4xx: the batch is split in halves to isolate the event at
  fault; a single event is parked with ``http:<status>``.
- 408, 409, 425, 429, 5xx, 3xx, network errors, an unreadable 200: retried
  later with exponential back-off and full jitter; ``Retry-After`` (seconds or
  HTTP-date) is honoured as a minimum, capped at an hour.

Nothing sleeps here: a failed flush stores the time of the next attempt in the
outbox; :meth:`Flusher.next_attempt` tells the window's timer when to call
:meth:`Flusher.flush` again. Clock and random source are injectable.

Imports httpx: load this module off the start-up path.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, Literal

import httpx
import msgspec

from helper.report.outbox import (
    DeliveryMeta,
    DeliveryState,
    Outbox,
    OutboxStatus,
    Pending,
    envelope,
    to_datetime,
)
from helper.report.retry import (
    Backoff,
    StatusRules,
    classify,
    halves,
    parse_retry_after,
)
from helper.report.token import SignInNeeded, TokenProvider

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.detect.model import Detection
    from helper.journey.transitions import Reporter
    from helper.report.event import DeviceFacts
    from helper.report.journey_reporter import JourneyReporter

log = logging.getLogger(__name__)

EVENTS_PATH: Final = "/api/v1/events"
# Every response body we read is small; a large one is not our collector.
MAX_RESPONSE_BYTES: Final = 1024 * 1024
# Seconds between two flushes while the window is open, even with nothing due
# (events queued by another process, a collector back after an outage).
FLUSH_INTERVAL: Final = 300.0

FlushOutcome = Literal[
    "delivered",  # every event queued when the flush began was delivered or parked
    "nothing-to-send",
    "waiting",  # backing off: not due yet, nothing attempted
    "retry-later",  # a transient failure; see next_attempt
    "sign-in-needed",
    "refused",  # 403/404: access or configuration; retried in an hour
    "disabled",  # reporting is off in the configuration
    "busy",  # another flush of this process is running
]


class RetryPolicy(msgspec.Struct, frozen=True, kw_only=True):
    """Batching and back-off parameters (defaults from the reporting reference §5).

    Attributes:
        base, factor, cap: back-off ceiling ``min(cap, base * factor**(n-1))``
            after ``n`` consecutive failures; the delay is uniform in
            [0, ceiling) (full jitter).
        max_retry_after: a ``Retry-After`` is honoured up to this many seconds.
        refused_delay: the wait after a 403/404 (at least).
        max_events, max_bytes: batch limits (uncompressed JSON body).
        max_requests: requests per flush at most (a safety bound).
        gzip_level: compression level of request bodies.
    """

    base: float = 5.0
    factor: float = 2.0
    cap: float = 1800.0
    max_retry_after: float = 3600.0
    refused_delay: float = 3600.0
    max_events: int = 100
    max_bytes: int = 256 * 1024
    max_requests: int = 1000
    gzip_level: int = 6

    def backoff(self) -> Backoff:
        """The shared back-off (:mod:`helper.report.retry`) with these figures."""
        return Backoff(
            base=self.base,
            factor=self.factor,
            cap=self.cap,
            max_retry_after=self.max_retry_after,
            jitter="full",
        )


# What the collector's answers mean to the flusher: 401 → one fresh token
# (then sign-in); 403/404/410 → refused (wait long); 408/409/425/429, 5xx and
# anything below 400 → transient; 413 and the other 4xx → split the batch and
# park the event at fault.
RULES: Final = StatusRules(
    refresh=frozenset({401}),
    refused=frozenset({403, 404, 410}),
    transient=frozenset({408, 409, 425, 429}),
    otherwise="transient",
)


class FlushResult(msgspec.Struct, kw_only=True):
    """What one :meth:`Flusher.flush` did.

    Attributes:
        outcome: see :data:`FlushOutcome`.
        delivered: events the collector confirmed (accepted or duplicate).
        duplicates: of those, the ones it already had.
        parked: events parked by this flush.
        remaining: events still queued afterwards.
        requests: HTTP requests made.
        error: the code of the failure that ended the flush, if any.
        next_attempt: when the next flush is due (UTC), if events remain.
    """

    outcome: FlushOutcome
    delivered: int = 0
    duplicates: int = 0
    parked: int = 0
    remaining: int = 0
    requests: int = 0
    error: str | None = None
    next_attempt: datetime.datetime | None = None


class _Rejected(msgspec.Struct):
    event_id: str
    reason: str = "rejected"


class BatchResponse(msgspec.Struct):
    """The collector's 200 body: per-event results."""

    accepted: list[str] = []
    duplicate: list[str] = []
    rejected: list[_Rejected] = []


class _Stop(msgspec.Struct, frozen=True):
    """Why a flush ends early."""

    kind: Literal["transient", "refused", "sign-in"]
    error: str
    status: int | None = None
    retry_after: float | None = None


class _Tally:
    def __init__(self) -> None:
        self.delivered = 0
        self.duplicates = 0
        self.parked = 0
        self.requests = 0


# --- pure helpers ---------------------------------------------------------------


def backoff_delay(
    policy: RetryPolicy,
    failures: int,
    rand: Callable[[], float],
    retry_after: float | None = None,
) -> float:
    """The wait before the next attempt after ``failures`` consecutive failures.

    Full jitter (uniform in [0, ceiling)) spreads thousands of devices that lost
    the collector at the same moment; a ``Retry-After`` is a floor, capped.
    """
    return policy.backoff().delay(failures, rand, retry_after)


def idempotency_key(event_ids: Sequence[str]) -> str:
    """The batch's ``Idempotency-Key``: a hash of its event ids, so a retried
    batch carries the same key and a different batch (after a split) another."""
    digest = hashlib.sha256("\n".join(event_ids).encode("ascii")).hexdigest()
    return f"batch-{digest[:32]}"


def _reason_code(reason: str) -> str:
    # The collector's reason lands in the helpdesk panel: keep it a short code.
    cleaned = "".join(
        c for c in reason[:48] if c.isascii() and (c.isalnum() or c in "-_.:")
    )
    return f"rejected:{cleaned or 'unspecified'}"


def _network_error(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "network:timeout"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
            return "tls:certificate"
        return "network:connect"
    if isinstance(exc, httpx.ProxyError):
        return "network:proxy"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "network:protocol"
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return "network:reset"
    return "network:other"


# --- the flusher ----------------------------------------------------------------


class Flusher:
    """Sends the outbox's queued events to the collector.

    Thread-safe: the window calls :meth:`flush` from a background worker (never
    the GUI thread: it blocks on the network); a second concurrent call returns
    ``busy`` at once. :meth:`next_attempt` and :meth:`status` only read the
    outbox and are cheap.

    Args:
        outbox: the outbox.
        client: the shared ``httpx.Client``
            (:func:`helper.report.http.make_http_client`); not closed here.
        collector_url: the collector's base URL (``reporting.collector_url``).
        tokens: gives access tokens; None means nobody can sign in (every flush
            ends in ``sign-in-needed``).
        policy: batching and back-off parameters.
        clock: epoch seconds (injectable).
        rand: uniform random in [0, 1) for the jitter (injectable).
        enabled: reporting is on in the configuration.
    """

    def __init__(
        self,
        outbox: Outbox,
        client: httpx.Client,
        collector_url: str,
        tokens: TokenProvider | None,
        *,
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
        enabled: bool = True,
    ) -> None:
        self._outbox = outbox
        self._client = client
        self._url = collector_url.rstrip("/") + EVENTS_PATH
        self._tokens = tokens
        self._policy = policy or RetryPolicy()
        self._clock = clock
        self._rand = rand
        self._enabled = enabled and bool(collector_url)
        self._busy = threading.Lock()

    @property
    def enabled(self) -> bool:
        """Reporting is on and a collector is configured."""
        return self._enabled

    def status(self) -> OutboxStatus:
        """Counts, state, last error and next attempt."""
        return self._outbox.status(enabled=self._enabled)

    def next_attempt(
        self, now: datetime.datetime | None = None
    ) -> datetime.datetime | None:
        """When :meth:`flush` should run next (UTC).

        Returns:
            ``now`` (or the back-off time, if later) while events are queued;
            None when nothing is queued, reporting is off, or the collector needs
            a sign-in first (call ``flush(force=True)`` once the user signed in).
        """
        if not self._enabled or self._outbox.last_queued_seq() is None:
            return None
        meta = self._outbox.delivery_meta()
        if meta.state == "sign-in-needed":
            return None
        at = self._now(now)
        return to_datetime(max(at, meta.next_attempt or at))

    def _now(self, now: datetime.datetime | None) -> float:
        return now.timestamp() if now is not None else self._clock()

    def flush(
        self, now: datetime.datetime | None = None, *, force: bool = False
    ) -> FlushResult:
        """Send every event queued when the call began (blocks on the network).

        Args:
            now: the current time (default: the clock).
            force: ignore the back-off (the user asked: ``report --flush``, or
                just signed in). A server's Retry-After is still stored for the
                next automatic attempt.

        Returns:
            What happened; never raises for network, HTTP or token problems.
        """
        if not self._enabled:
            return FlushResult(outcome="disabled")
        if not self._busy.acquire(blocking=False):
            return FlushResult(outcome="busy")
        try:
            return self._flush(self._now(now), force)
        finally:
            self._busy.release()

    def _flush(self, now: float, force: bool) -> FlushResult:
        outbox = self._outbox
        meta = outbox.delivery_meta()
        up_to = outbox.last_queued_seq()
        if up_to is None:
            if meta.state in ("queued", "retrying"):
                meta.state, meta.failures, meta.next_attempt = "idle", 0, None
                outbox.save_delivery_meta(meta)
            outbox.purge()
            return FlushResult(outcome="nothing-to-send")
        if not force and meta.next_attempt is not None and now < meta.next_attempt:
            return FlushResult(
                outcome="waiting",
                remaining=outbox.counts()["queued"],
                next_attempt=to_datetime(meta.next_attempt),
            )
        tally = _Tally()
        session = _Session(self._tokens, now)
        stop = session.start()
        while stop is None and tally.requests < self._policy.max_requests:
            batch = outbox.next_batch(
                max_events=self._policy.max_events,
                max_bytes=self._policy.max_bytes,
                up_to_seq=up_to,
            )
            if not batch:
                break
            stop = self._send(batch, session, tally)
        return self._finish(meta, now, stop, tally)

    def _finish(
        self, meta: DeliveryMeta, now: float, stop: _Stop | None, tally: _Tally
    ) -> FlushResult:
        outbox = self._outbox
        if tally.delivered:
            meta.last_success_at = now
        outcome: FlushOutcome
        if stop is None:
            meta.failures, meta.next_attempt = 0, None
            outcome = "delivered"
        else:
            meta.last_error, meta.last_status = stop.error, stop.status
            meta.last_error_at = now
            if stop.kind == "sign-in":
                meta.state, meta.next_attempt = "sign-in-needed", None
                outcome = "sign-in-needed"
            else:
                # Batches went through before this failure: the collector is
                # there, so the back-off starts over instead of growing on.
                meta.failures = self._policy.backoff().failures_after(
                    meta.failures, progressed=bool(tally.delivered)
                )
                delay = backoff_delay(
                    self._policy, meta.failures, self._rand, stop.retry_after
                )
                if stop.kind == "refused":
                    delay = max(delay, self._policy.refused_delay)
                meta.next_attempt = now + delay
                meta.state = "refused" if stop.kind == "refused" else "retrying"
                outcome = "refused" if stop.kind == "refused" else "retry-later"
                log.warning(
                    "status reports not delivered (%s); next attempt in %.0f s",
                    stop.error,
                    delay,
                )
        remaining = outbox.counts()["queued"]
        if stop is None:
            state: DeliveryState = "queued" if remaining else "idle"
            meta.state = state
        outbox.save_delivery_meta(meta)
        outbox.purge()
        if tally.requests:
            log.info(
                "status reports: %d delivered (%d already known), %d parked, "
                "%d queued, %d requests",
                tally.delivered,
                tally.duplicates,
                tally.parked,
                remaining,
                tally.requests,
            )
        next_attempt: float | None = None
        if remaining and meta.state != "sign-in-needed":
            next_attempt = max(now, meta.next_attempt or now)
        return FlushResult(
            outcome=outcome,
            delivered=tally.delivered,
            duplicates=tally.duplicates,
            parked=tally.parked,
            remaining=remaining,
            requests=tally.requests,
            error=stop.error if stop is not None else None,
            next_attempt=to_datetime(next_attempt),
        )

    def _post(
        self, batch: Sequence[Pending], token: str
    ) -> tuple[httpx.Response, bytes | None]:
        """POST a batch; the response and its body, read as it arrives and
        only up to MAX_RESPONSE_BYTES (a 300 MiB answer used to be read whole
        before its size was checked). The body is None when larger, or
        compressed although we asked for none: not our collector's answer."""
        ids = [p.event_id for p in batch]
        body = gzip.compress(
            envelope(p.payload for p in batch), compresslevel=self._policy.gzip_level
        )
        headers = {
            # Never logged: the whole headers dict stays in this function.
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "Accept": "application/json",
            # The answer is small JSON: uncompressed, its size on the wire is
            # its size in memory (no decompression bomb to bound).
            "Accept-Encoding": "identity",
            # A Structured Field string (RFC 8941), as the IETF draft defines it.
            "Idempotency-Key": f'"{idempotency_key(ids)}"',
        }
        request = self._client.build_request(
            "POST", self._url, content=body, headers=headers
        )
        response = self._client.send(request, stream=True)
        try:
            content = bytearray()
            for chunk in response.iter_raw():
                content += chunk
                if len(content) > MAX_RESPONSE_BYTES:
                    return response, None  # the rest is never read
        finally:
            response.close()
        encoding = response.headers.get("Content-Encoding", "identity")
        if encoding.strip().lower() not in ("", "identity"):
            return response, None
        return response, bytes(content)

    def _send(
        self, batch: Sequence[Pending], session: _Session, tally: _Tally
    ) -> _Stop | None:
        """Send one batch (splitting it when told to); None when the flush may go on."""
        outbox = self._outbox
        ids = [p.event_id for p in batch]
        try:
            # Read inside the try: a reset in the middle of the body is a
            # network error like any other.
            response, content = self._post(batch, session.token)
        except httpx.TransportError as exc:
            tally.requests += 1
            error = _network_error(exc)
            log.debug("POST %s failed: %s", EVENTS_PATH, type(exc).__name__)
            outbox.record_failure(ids, status=None, error=error)
            return _Stop("transient", error)
        tally.requests += 1
        status = response.status_code
        retry_after = parse_retry_after(
            response.headers.get("Retry-After"), session.now
        )
        log.debug("POST %s: %d events → HTTP %d", EVENTS_PATH, len(batch), status)
        verdict = classify(status, RULES)
        if verdict == "delivered":
            return self._apply_results(batch, content, status, tally)
        error = f"http:{status}"
        if verdict == "refresh":
            if session.refreshed:
                outbox.record_failure(ids, status=status, error=error)
                return _Stop("sign-in", error, status)
            stop = session.refresh()
            if stop is not None:
                return stop
            return self._send(batch, session, tally)
        if verdict in ("refused", "transient"):
            outbox.record_failure(ids, status=status, error=error)
            return _Stop(verdict, error, status, retry_after)
        # 413 and the other 4xx: something in this batch is refused for good.
        if len(batch) == 1:
            outbox.park(ids, status=status, error=error)
            tally.parked += 1
            log.warning("status event parked: %s", error)
            return None
        first, second = halves(batch)
        stop = self._send(first, session, tally)
        if stop is not None:
            return stop
        return self._send(second, session, tally)

    def _apply_results(
        self,
        batch: Sequence[Pending],
        content: bytes | None,
        status: int,
        tally: _Tally,
    ) -> _Stop | None:
        outbox = self._outbox
        ids = [p.event_id for p in batch]
        if content is None:
            outbox.record_failure(ids, status=status, error="bad-response")
            return _Stop("transient", "bad-response", status)
        try:
            result = msgspec.json.decode(content, type=BatchResponse)
        except (msgspec.DecodeError, msgspec.ValidationError):
            # A captive portal or a proxy page answers 200 with HTML: that is
            # not a delivery.
            outbox.record_failure(ids, status=status, error="bad-response")
            return _Stop("transient", "bad-response", status)
        in_batch = set(ids)
        duplicate = [i for i in result.duplicate if i in in_batch]
        delivered = [i for i in result.accepted if i in in_batch] + duplicate
        tally.delivered += outbox.mark_delivered(delivered, status=status)
        tally.duplicates += len(set(duplicate))
        done = set(delivered)
        by_reason: dict[str, list[str]] = {}
        for rejected in result.rejected:
            if rejected.event_id in in_batch and rejected.event_id not in done:
                by_reason.setdefault(_reason_code(rejected.reason), []).append(
                    rejected.event_id
                )
                done.add(rejected.event_id)
        for reason, rejected_ids in by_reason.items():
            tally.parked += outbox.park(rejected_ids, status=status, error=reason)
            log.warning("%d status events parked: %s", len(rejected_ids), reason)
        missing = [i for i in ids if i not in done]
        if missing:
            outbox.record_failure(missing, status=status, error="incomplete-response")
            return _Stop("transient", "incomplete-response", status)
        return None


class _Session:
    """The token of one flush (refreshed at most once) and its time."""

    def __init__(self, tokens: TokenProvider | None, now: float) -> None:
        self._tokens = tokens
        self.now = now
        self.token = ""
        self.refreshed = False

    def _get(self, force: bool) -> _Stop | None:
        if self._tokens is None:
            return _Stop("sign-in", "sign-in-needed")
        try:
            self.token = self._tokens.get_token(force_refresh=force)
        except SignInNeeded:
            return _Stop("sign-in", "sign-in-needed")
        except Exception as exc:
            # Entra unreachable, a broker hiccup: the type name only, since a
            # message could carry a token or an account name.
            log.warning("no access token for the collector: %s", type(exc).__name__)
            return _Stop("transient", "token-unavailable")
        return None

    def start(self) -> _Stop | None:
        return self._get(False)

    def refresh(self) -> _Stop | None:
        self.refreshed = True
        return self._get(True)


# --- the service the window uses ------------------------------------------------


class ReportingService:
    """Outbox + journey reporter + delivery, built from the configuration.

    What the window holds for the life of the application::

        service = ReportingService(config, tokens=provider, http_client=http)
        journey = Journey(..., reporter=service.reporter)
        # background worker, at start, after each transition, and on a timer:
        result = service.flush()
        due = service.next_attempt()        # → schedule the timer
        panel.show(service.status())
        service.close()                     # on quit

    Every method may be called from any thread; :meth:`flush` blocks on the
    network (never call it on the GUI thread).

    Args:
        config: uses ``reporting.*``, ``migration.campaign_id`` and
            ``migration.waves``.
        tokens: the token provider (:class:`helper.auth.signin.MsalTokenProvider`);
            None until sign-in is set up (flushes end in ``sign-in-needed``).
        http_client: the shared client; default: a new one from
            :func:`helper.report.http.make_http_client`, closed by :meth:`close`.
        outbox: default: the one in the user data folder (closed by
            :meth:`close` when created here).
        facts: device facts; default: saved or from the platform.
        policy, clock, rand: see :class:`Flusher`.
        on_enqueued: see :class:`~helper.report.journey_reporter.JourneyReporter`.
    """

    def __init__(
        self,
        config: Config,
        *,
        tokens: TokenProvider | None,
        http_client: httpx.Client | None = None,
        outbox: Outbox | None = None,
        facts: DeviceFacts | None = None,
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
        on_enqueued: Callable[[object], None] | None = None,
    ) -> None:
        from helper.report.journey_reporter import JourneyReporter

        reporting = config.reporting
        self.enabled = reporting.enabled and bool(reporting.collector_url)
        self._own_outbox = outbox is None
        self.outbox = outbox if outbox is not None else Outbox(clock=clock)
        self._own_client = http_client is None
        if http_client is None:
            from helper.report.http import make_http_client

            http_client = make_http_client()
        self.http_client = http_client
        self.flusher = Flusher(
            self.outbox,
            http_client,
            reporting.collector_url,
            tokens,
            policy=policy,
            clock=clock,
            rand=rand,
            enabled=self.enabled,
        )
        self._journey_reporter: JourneyReporter | None = None
        if self.enabled:
            self._journey_reporter = JourneyReporter.from_config(
                config, self.outbox, facts=facts, on_enqueued=on_enqueued
            )

    @property
    def reporter(self) -> Reporter:
        """The journey's reporter (drops events when reporting is off: nothing
        would ever send them)."""
        if self._journey_reporter is None:
            from helper.journey.transitions import NullReporter

            return NullReporter()
        return self._journey_reporter

    @property
    def journey_reporter(self) -> JourneyReporter | None:
        """The outbox-backed reporter, None when reporting is off."""
        return self._journey_reporter

    def update_detection(
        self, detection: Detection, *, serial_digest: str | None = None
    ) -> None:
        """Pass a fresh detection to the events (ids, legacy state, and the
        serial digest, :func:`~helper.report.event.serial_digest`)."""
        if self._journey_reporter is not None:
            self._journey_reporter.update_detection(
                detection, serial_digest=serial_digest
            )

    def entra_device_id(self) -> str | None:
        """The Entra device id the events carry (a development collector binds
        its tokens to it: :mod:`helper.report.dev_token`)."""
        if self._journey_reporter is None:
            return None
        return self._journey_reporter.facts.entra_device_id

    def heartbeat(self) -> None:
        """Queue a heartbeat (at start-up), when reporting is on."""
        if self._journey_reporter is not None:
            self._journey_reporter.heartbeat()

    def flush(
        self, now: datetime.datetime | None = None, *, force: bool = False
    ) -> FlushResult:
        """See :meth:`Flusher.flush`."""
        return self.flusher.flush(now, force=force)

    def next_attempt(
        self, now: datetime.datetime | None = None
    ) -> datetime.datetime | None:
        """See :meth:`Flusher.next_attempt`."""
        return self.flusher.next_attempt(now)

    def status(self) -> OutboxStatus:
        """See :meth:`Flusher.status`."""
        return self.flusher.status()

    def close(self) -> None:
        """Close what this service created (client, outbox)."""
        if self._own_client:
            self.http_client.close()
        if self._own_outbox:
            self.outbox.close()


__all__ = [
    "EVENTS_PATH",
    "FLUSH_INTERVAL",
    "BatchResponse",
    "FlushOutcome",
    "FlushResult",
    "Flusher",
    "ReportingService",
    "RetryPolicy",
    "backoff_delay",
    "idempotency_key",
    "parse_retry_after",
]
