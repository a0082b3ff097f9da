# SPDX-License-Identifier: MIT
"""``POST /api/v1/events``: a batch in, per-event results out.

The request body, already bounded by the app (``server.max_body_bytes``), is
gunzipped with its own bound (``server.max_decompressed_bytes``: a gzip bomb
stops there, 413), decoded as ``{"schema", "events": [...]}`` (anything else is
400), then each event is validated on its own against ``migration-status/1``
with the helper's own msgspec model (:class:`helper.report.event.StatusEvent`,
from which the committed JSON Schema is generated; a test keeps the two in
agreement). An event that fails is ``rejected`` (reason ``schema``, or
``unsupported-schema``); the others are stored in one transaction:

- ``events``: ``INSERT ... ON CONFLICT (event_id) DO NOTHING RETURNING``: the
  ids returned are ``accepted``, the others were already there: ``duplicate``
  (at-least-once delivery; idempotent on ``event_id``);
- ``device_state``: for each device key, the accepted event with the highest
  ``device_seq`` is upserted only if it is higher than the stored one, so late
  or replayed events never regress the latest state.

Tenant, user and client app come from the token (:class:`~collector.auth.Principal`),
never from the payload. Listeners (the Logs Ingestion forward) get the accepted
events after the commit.

Device identity (docs/collector.md, "Device identity"): the serial identity is
made here, ``HMAC(devices.serial_hmac_key, serial_digest)``, with a key no
device holds; the device's state is ``reported`` until something the user
cannot mint for another device vouches for it: the token's ``deviceid`` claim
equal to the event's Entra device id, or :func:`confirm_device` (Graph). One
user may report at most ``devices.max_per_user`` devices (further devices:
``too-many-devices``), and more than ``devices.flag_per_user`` flags the user.
"""

from __future__ import annotations

import json
import logging
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import msgspec

from collector.config import DevicesConfig
from collector.logging import log_event
from collector.progress import OUT_OF_LEGACY, in_intune, legacy_status, progress_text
from collector.storage import queries
from collector.storage.base import Connection, Row, utc_now_text, utc_text
from collector.storage.schema import CONFIRMED_BY_TOKEN, REPORTED
from helper.report.event import SCHEMA, Device, StatusEvent, hmac_of_digest

if TYPE_CHECKING:
    from collector.auth import Principal
    from collector.config import ServerConfig
    from collector.storage.base import Store

log = logging.getLogger(__name__)

GZIP_ENCODINGS: Final = frozenset({"gzip", "x-gzip"})
IDENTITY_ENCODINGS: Final = frozenset({"", "identity"})


class IngestError(Exception):
    """The whole request is refused (400, 408, 413, 415, 429, 503).

    Attributes:
        status: the HTTP status.
        code: a short reason for logs and the problem's ``code``.
        detail: one English sentence.
    """

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers


class _Envelope(msgspec.Struct, forbid_unknown_fields=True):
    schema: str
    events: list[msgspec.Raw]


class _Probe(msgspec.Struct):
    """What can be read from an event that fails the schema, to name it."""

    event_id: Any = None
    schema: Any = None


_envelope_decoder: Final = msgspec.json.Decoder(_Envelope)
_event_decoder: Final = msgspec.json.Decoder(StatusEvent)
_probe_decoder: Final = msgspec.json.Decoder(_Probe)
_encoder: Final = msgspec.json.Encoder()


@dataclass(slots=True)
class BatchResult:
    """The 200 body: every event id of the request in exactly one list."""

    accepted: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> bytes:
        """The response body."""
        return _encoder.encode(
            {
                "accepted": self.accepted,
                "duplicate": self.duplicate,
                "rejected": self.rejected,
            }
        )


@dataclass(frozen=True, slots=True)
class AcceptedEvent:
    """An event stored now, for listeners.

    Attributes:
        event: the decoded event.
        payload: its stored JSON.
        principal: who sent it.
        device_key: its device key.
        received_utc: when it arrived (stored format).
    """

    event: StatusEvent
    payload: str
    principal: Principal
    device_key: str
    received_utc: str


Listener = Callable[[Sequence[AcceptedEvent]], None]


def decode_event(raw: bytes | msgspec.Raw) -> StatusEvent:
    """One event, checked against ``migration-status/1``.

    Raises:
        msgspec.ValidationError: it does not match the schema.
        msgspec.DecodeError: it is not JSON.
    """
    return _event_decoder.decode(raw)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzip body (several members allowed), at most ``limit`` bytes.

    Raises:
        IngestError: 413 past the limit (a gzip bomb stops there, having
            inflated at most ``limit + 1`` bytes); 400 if it is not gzip.
    """
    out = bytearray()
    rest = data
    try:
        while rest:
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            out += inflater.decompress(rest, limit + 1 - len(out))
            if len(out) > limit or inflater.unconsumed_tail:
                raise IngestError(
                    413,
                    "body-too-large",
                    f"the decompressed body is larger than {limit} bytes",
                )
            if not inflater.eof:
                raise IngestError(400, "bad-gzip", "the gzip body is truncated")
            rest = inflater.unused_data
    except zlib.error:
        raise IngestError(400, "bad-gzip", "the body is not valid gzip") from None
    return bytes(out)


def device_key(tid: str, oid: str, device: Device) -> str:
    """The key of a device's latest state.

    ``device_seq`` counts the events of one outbox, and an outbox belongs to
    one user on one machine, so the key includes the user: comparing counters
    of two outboxes would let one user's journey hide another's. The machine
    part is the most stable id the event has: the serial HMAC (unchanged by the
    migration), else the Entra device id, else the Intune one, else only the OS
    family (a device seen before registration may get a second key once its
    Entra id is known; configure the serial HMAC key to avoid that).
    """
    if device.serial_hmac:
        machine = f"serial:{device.serial_hmac}"
    elif device.entra_device_id:
        machine = f"entra:{device.entra_device_id.lower()}"
    elif device.intune_device_id:
        machine = f"intune:{device.intune_device_id.lower()}"
    else:
        machine = f"os:{device.os_family}"
    return f"{tid}:{oid}:{machine}"


def identity_of(event: StatusEvent, principal: Principal) -> str:
    """``token-device-id`` when the token is bound to the device the event
    names (its ``deviceid`` claim is the event's Entra device id), else
    ``reported``."""
    entra = event.device.entra_device_id
    if principal.device_id and entra and entra.lower() == principal.device_id:
        return CONFIRMED_BY_TOKEN
    return REPORTED


def server_identified(event: StatusEvent, key: str) -> StatusEvent:
    """The event as stored: the serial identity made here with the collector's
    key from the digest the device sent; the digest itself is not kept.

    Without a key, or without a digest, the event keeps what an older helper
    sent in ``serial_hmac`` (computed with a key devices held: only ever
    ``reported`` on its own).
    """
    device = event.device
    if device.serial_digest is None:
        return event
    serial = hmac_of_digest(device.serial_digest, key) if key else device.serial_hmac
    return msgspec.structs.replace(
        event,
        device=msgspec.structs.replace(device, serial_hmac=serial, serial_digest=None),
    )


def confirm_device(
    conn: Connection,
    *,
    tid: str,
    source: str,
    oid: str | None = None,
    serial_hmac: str | None = None,
    entra_device_id: str | None = None,
) -> int:
    """Mark devices confirmed by ``source`` (``graph``: Intune links the
    device to the user); returns how many states changed.

    The hook for the Graph check (server actions): call it, in a transaction,
    for a device whose Intune record matches. At least one of ``serial_hmac``
    and ``entra_device_id`` must be given; ``oid`` narrows to that user.
    """
    if serial_hmac is None and entra_device_id is None:
        raise ValueError("confirm_device needs a serial HMAC or an Entra device id")
    clauses = ["tid = ?", "identity = ?"]
    params: list[Any] = [tid.lower(), REPORTED]
    for column, value in (
        ("oid", oid.lower() if oid else None),
        ("serial_hmac", serial_hmac),
        ("entra_device_id", entra_device_id.lower() if entra_device_id else None),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    cursor = conn.execute(
        f"UPDATE device_state SET identity = ? WHERE {' AND '.join(clauses)}",
        [source, *params],
    )
    return int(cursor.rowcount)


StateHook = Callable[[Connection, Sequence[str]], None]
_STATE_HOOKS: list[StateHook] = []


def register_state_hook(hook: StateHook) -> None:
    """Run ``hook(conn, device_keys)`` in every ingest transaction, after the
    states of those devices were written: an optional module keeps its own
    ``device_state`` columns in step (the expected module: each device's wave in
    IT's list). Call it at import time; registering twice is a no-op."""
    if hook not in _STATE_HOOKS:
        _STATE_HOOKS.append(hook)


def _lower(value: str | None) -> str | None:
    return value.lower() if value is not None else None


def _state_row(
    event: StatusEvent,
    key: str,
    principal: Principal,
    *,
    payload: str,
    event_time: str,
    received: str,
) -> Row:
    device = event.device
    legacy = event.legacy
    still_enrolled = None
    if legacy is not None and legacy.still_enrolled is not None:
        still_enrolled = int(legacy.still_enrolled)
    status = legacy_status(
        legacy.vendor if legacy is not None else None,
        legacy.still_enrolled if legacy is not None else None,
        event.journey_path,
    )
    joined = in_intune(event.overall_state, event.stages)
    return (
        key,
        principal.tid,
        principal.oid,
        principal.client_app_id,
        _lower(device.entra_device_id),
        _lower(device.intune_device_id),
        device.serial_hmac,
        device.os_family,
        device.os_version,
        device.arch,
        device.join_type,
        event.campaign_id,
        event.wave_id,
        event.journey_id,
        event.journey_path,
        legacy.vendor if legacy is not None else None,
        still_enrolled,
        event.overall_state,
        event.current_stage,
        event.event_type,
        event.stage,
        event.step,
        event.code,
        event.app.version,
        event.device_seq,
        event.event_id,
        event_time,
        received,
        received,
        payload,
        identity_of(event, principal),
        0,
        status,
        int(joined),
        progress_text(
            [s.at.isoformat() if s.at else None for s in (*event.stages, *event.steps)]
        ),
        # Kept from the first event that said so (queries.upsert_states).
        received if joined and status in OUT_OF_LEGACY else None,
    )


@dataclass(slots=True)
class _Valid:
    event: StatusEvent
    payload: str
    key: str
    event_row: Row
    state_row: Row


def _within_limits(
    conn: Connection, valid: Sequence[_Valid], principal: Principal, limit: int
) -> tuple[list[_Valid], list[_Valid], int]:
    """The events of devices the user may still report, the others, and how
    many devices the user has with this batch."""
    known = {
        str(row[0])
        for row in conn.fetchall(
            "SELECT device_key FROM device_state WHERE tid = ? AND oid = ?",
            (principal.tid, principal.oid),
        )
    }
    allowed: list[_Valid] = []
    refused: list[_Valid] = []
    for item in valid:
        if item.key not in known and len(known) >= limit:
            refused.append(item)
            continue
        known.add(item.key)
        allowed.append(item)
    return allowed, refused, len(known)


def _store(
    conn: Connection,
    valid: Sequence[_Valid],
    principal: Principal,
    devices: DevicesConfig,
) -> tuple[set[str], list[_Valid], list[_Valid]]:
    valid, refused, count = _within_limits(conn, valid, principal, devices.max_per_user)
    # Sorted by event id: concurrent batches sharing ids wait on each other in
    # one order, never in a cycle (PostgreSQL deadlocks otherwise).
    rows = sorted((v.event_row for v in valid), key=lambda r: str(r[0]))
    inserted = queries.insert_events(conn, rows)
    latest: dict[str, _Valid] = {}
    for item in valid:
        if item.event.event_id not in inserted:
            continue
        best = latest.get(item.key)
        if best is None or item.event.device_seq > best.event.device_seq:
            latest[item.key] = item
    if latest:
        keys = sorted(latest)
        queries.upsert_states(conn, [latest[k].state_row for k in keys])
        for hook in _STATE_HOOKS:
            hook(conn, keys)
    if count > devices.flag_per_user:
        # One user reporting many devices: IT looks at who (API, dashboard).
        conn.execute(
            "UPDATE device_state SET user_flagged = 1 "
            "WHERE tid = ? AND oid = ? AND user_flagged = 0",
            (principal.tid, principal.oid),
        )
    return inserted, [v for v in valid if v.event.event_id in inserted], refused


class Ingestor:
    """Decodes, validates and stores event batches.

    Args:
        store: where events go.
        config: the ``[server]`` section (limits).
        devices: the ``[devices]`` section (serial key, per-user limits).
        clock: epoch seconds (injectable).
    """

    def __init__(
        self,
        store: Store,
        config: ServerConfig,
        *,
        devices: DevicesConfig | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.config = config
        self.devices = devices or DevicesConfig()
        self._clock = clock
        self._listeners: list[Listener] = []

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(accepted_events)`` after each commit (in the request's
        worker thread; keep it quick, or queue the work). Its exceptions are
        logged, never answered to the device."""
        self._listeners.append(listener)

    def decode_body(self, body: bytes, content_encoding: str) -> bytes:
        """The JSON bytes of a request body.

        Raises:
            IngestError: 415 for an unknown encoding, 413/400 from :func:`gunzip`.
        """
        encoding = content_encoding.strip().lower()
        if encoding in GZIP_ENCODINGS:
            return gunzip(body, self.config.max_decompressed_bytes)
        if encoding in IDENTITY_ENCODINGS:
            if len(body) > self.config.max_decompressed_bytes:
                raise IngestError(
                    413,
                    "body-too-large",
                    f"the body is larger than {self.config.max_decompressed_bytes}"
                    " bytes",
                )
            return body
        raise IngestError(
            415,
            "unsupported-encoding",
            "Content-Encoding must be gzip or identity",
        )

    def parse(self, data: bytes) -> list[msgspec.Raw]:
        """The events of a batch, still encoded.

        Raises:
            IngestError: 400 for anything but ``{"schema": "migration-status/1",
                "events": [...]}`` with 1 event or more; 413 above the batch
                limit.
        """
        if not data.strip():
            raise IngestError(400, "empty-body", "the body is empty")
        try:
            envelope = _envelope_decoder.decode(data)
        except msgspec.ValidationError as exc:
            raise IngestError(
                400, "not-a-batch", f"expected an event batch: {exc}"
            ) from None
        except msgspec.DecodeError:
            # msgspec checks the escapes inside every event even when it only
            # splits the batch: one event with a lone surrogate ("\ud800")
            # made the whole request fail, its valid siblings with it.
            lenient = _split_leniently(data)
            if lenient is None:
                raise IngestError(400, "not-json", "the body is not JSON") from None
            envelope = lenient
        except RecursionError:
            # msgspec's guard against deeply nested input; bounded in size, it
            # is still not an event batch.
            raise IngestError(
                400, "not-json", "the JSON is nested too deeply"
            ) from None
        if envelope.schema != SCHEMA:
            raise IngestError(
                400, "unsupported-schema", f"expected the schema {SCHEMA}"
            )
        count = len(envelope.events)
        if count == 0:
            raise IngestError(400, "empty-batch", "the batch has no events")
        if count > self.config.max_events_per_request:
            raise IngestError(
                413,
                "too-many-events",
                f"at most {self.config.max_events_per_request} events per request",
            )
        return envelope.events

    def process(
        self, body: bytes, content_encoding: str, principal: Principal
    ) -> BatchResult:
        """Everything after authentication (blocking: run it in a worker thread).

        Raises:
            IngestError: the whole request is refused; nothing stored.
            StorageError: the database failed; nothing stored.
        """
        events = self.parse(self.decode_body(body, content_encoding))
        result = BatchResult()
        received = utc_now_text(self._clock)
        valid: list[_Valid] = []
        seen: set[str] = set()
        for raw in events:
            try:
                event = _event_decoder.decode(raw)
            except (
                msgspec.ValidationError,
                msgspec.DecodeError,
                RecursionError,
                ValueError,  # UnicodeError among them: one event's problem
            ) as exc:
                result.rejected.append(_rejection(raw, exc))
                continue
            try:
                event_time = utc_text(event.event_time_utc)
            except OverflowError as exc:
                # 0001-01-01T00:00:00+01:00 is valid RFC 3339, but not in UTC.
                result.rejected.append(_rejection(raw, exc))
                continue
            if event.event_id in seen:
                # The same id twice in one batch: the second one is a duplicate.
                result.duplicate.append(event.event_id)
                continue
            seen.add(event.event_id)
            event = server_identified(event, self.devices.serial_hmac_key)
            payload = _encoder.encode(event).decode("utf-8")
            key = device_key(principal.tid, principal.oid, event.device)
            valid.append(
                _Valid(
                    event,
                    payload,
                    key,
                    (
                        event.event_id,
                        principal.tid,
                        principal.oid,
                        principal.client_app_id,
                        key,
                        event.device_seq,
                        event.event_type,
                        event.wave_id,
                        event_time,
                        received,
                        payload,
                    ),
                    _state_row(
                        event,
                        key,
                        principal,
                        payload=payload,
                        event_time=event_time,
                        received=received,
                    ),
                )
            )
        stored: list[_Valid] = []
        if valid:
            inserted, stored, refused = self.store.transaction(
                _store, valid, principal, self.devices
            )
            for item in refused:
                result.rejected.append(
                    {"event_id": item.event.event_id, "reason": "too-many-devices"}
                )
            refused_ids = {item.event.event_id for item in refused}
            for item in valid:
                if item.event.event_id in refused_ids:
                    continue
                known = item.event.event_id not in inserted
                (result.duplicate if known else result.accepted).append(
                    item.event.event_id
                )
        if stored and self._listeners:
            self._notify(
                [
                    AcceptedEvent(v.event, v.payload, principal, v.key, received)
                    for v in stored
                ]
            )
        return result

    def _notify(self, accepted: Sequence[AcceptedEvent]) -> None:
        for listener in self._listeners:
            try:
                listener(accepted)
            except Exception:
                log_event(
                    log,
                    logging.ERROR,
                    "listener-failed",
                    listener=getattr(listener, "__qualname__", repr(listener)),
                    events=len(accepted),
                )


def _split_leniently(data: bytes) -> _Envelope | None:
    """The batch's events, re-encoded one by one, when the body is JSON apart
    from bad Unicode inside some events (each then fails on its own).

    Python's json keeps lone surrogates and, through ``surrogateescape``, bytes
    that are not UTF-8; ``ensure_ascii`` writes both as ``\\udcXX`` escapes,
    which msgspec refuses per event. None when it is not JSON at all.
    """
    try:
        doc = json.loads(data.decode("utf-8", "surrogateescape"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        return None
    if set(doc) != {"schema", "events"} or not isinstance(doc["schema"], str):
        return None
    try:
        events = [
            msgspec.Raw(json.dumps(event, ensure_ascii=True).encode("ascii"))
            for event in doc["events"]
        ]
    except (ValueError, RecursionError):
        return None
    return _Envelope(schema=doc["schema"], events=events)


def _rejection(raw: msgspec.Raw, exc: Exception) -> dict[str, str]:
    try:
        probe = _probe_decoder.decode(raw)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        probe = _Probe()
        try:
            # Bad Unicode elsewhere in the event: Python's json still reads it.
            doc = json.loads(bytes(raw).decode("utf-8", "surrogateescape"))
            if isinstance(doc, dict):
                probe = _Probe(event_id=doc.get("event_id"), schema=doc.get("schema"))
        except (ValueError, RecursionError):
            pass
    event_id = probe.event_id if isinstance(probe.event_id, str) else ""
    if not (event_id.isascii() and event_id.isprintable()):
        event_id = ""  # echoed back in JSON: nothing that cannot be encoded
    reason = "schema"
    if isinstance(probe.schema, str) and probe.schema != SCHEMA:
        reason = "unsupported-schema"
    log_event(
        log,
        logging.DEBUG,
        "event-rejected",
        reason=reason,
        error=str(exc)[:200],
    )
    # An id that is not even a string is answered as "": the helper never sends
    # one, and an unbounded string must not be echoed back.
    return {"event_id": event_id[:64], "reason": reason}


__all__ = [
    "AcceptedEvent",
    "BatchResult",
    "IngestError",
    "Ingestor",
    "Listener",
    "confirm_device",
    "decode_event",
    "device_key",
    "gunzip",
    "identity_of",
    "register_state_hook",
    "server_identified",
]
