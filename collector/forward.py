# SPDX-License-Identifier: MIT
"""Optional forward of accepted events to the Azure Monitor Logs Ingestion API.

Reporting reference §2.2. Each event the collector accepts becomes one flat
record (:func:`record`) in a durable queue table, ``forward_queue``, and a
background thread in the collector process posts the queue in batches::

    POST {endpoint}/dataCollectionRules/{dcr_immutable_id}/streams/{stream}
         ?api-version=2023-01-01
    Authorization: Bearer <app token for https://monitor.azure.com//.default>
    Content-Type: application/json
    Content-Encoding: gzip
    x-ms-client-request-id: <uuid>
    [ {"TimeGenerated": "...", "EventId": "...", ...}, ... ]   → 204

- **Batches** hold at most ``max_batch_bytes`` of JSON (default 1,000,000: the
  API's limit is 1 MB "compressed or uncompressed", so the uncompressed size
  is what we bound).
- **Retries**: 429 and 5xx honour ``Retry-After`` (seconds or an HTTP date,
  capped at an hour), else exponential back-off (5 s doubling to 30 min);
  401 refreshes the token once; 403 (role assignment still propagating, up to
  30 minutes) and 404 wait longer; 413 and 400 split the batch to isolate the
  record at fault, which is parked (``state = 'dead'``, kept until retention).
- **Durable**: rows leave the queue only on a 2xx. A claimed batch carries a
  lease (its next attempt time), so a crash mid-send retries it after the
  lease. PostgreSQL workers claim with ``FOR UPDATE SKIP LOCKED``, so several
  ``serve --workers`` processes share one queue without sending a row twice.
  Delivery is at-least-once (the API has no deduplication): dedupe on
  ``EventId`` in KQL (``summarize arg_max(EventTimeUtc, *) by EventId``).
- **Credentials** are the collector's, from the environment, never on devices:
  ``AZURE_TENANT_ID`` + ``AZURE_CLIENT_ID`` + ``AZURE_CLIENT_SECRET`` (client
  secret), or ``AZURE_CLIENT_CERTIFICATE_PATH`` (PEM with the private key; and
  ``AZURE_CLIENT_CERTIFICATE_PASSWORD``), or a managed identity
  (``IDENTITY_ENDPOINT`` + ``IDENTITY_HEADER`` on App Service, Functions and
  Container Apps, else the VM's IMDS; ``AZURE_CLIENT_ID`` picks a
  user-assigned identity). The app needs **Monitoring Metrics Publisher** on
  the DCR.
- **Retention**: rows older than ``retention_days`` are dropped (logged).

Configuration: the ``[azuremonitor]`` section (:class:`ForwardConfig`).
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import gzip
import hashlib
import logging
import os
import random
import re
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, Protocol

import httpx
import msgspec

from collector.config import ConfigError, register_section
from collector.logging import log_event
from collector.outbound import outbound_client
from collector.storage import Migration, register_migrations, utc_text
from collector.storage.base import Connection, StorageError, Store
from helper.report.retry import (
    Backoff,
    StatusRules,
    classify,
    halves,
    parse_retry_after,
)

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from collector.config import Config
    from collector.ingest import AcceptedEvent

log = logging.getLogger(__name__)

SECTION: Final = "azuremonitor"
COMPONENT: Final = "forward"
TABLE: Final = "forward_queue"
API_VERSION: Final = "2023-01-01"
SCOPE: Final = "https://monitor.azure.com//.default"
MAX_CALL_BYTES: Final = 1_000_000
MAX_RETRY_AFTER: Final = 3600.0
BACKOFF_BASE: Final = 5.0
BACKOFF_CAP: Final = 1800.0
# Rows claimed per round trip to the database (several batches).
CLAIM_ROWS: Final = 2000
_DCR_ID: Final = re.compile(r"^dcr-[0-9a-f]{32}$")
_STREAM: Final = re.compile(r"^(Custom|Microsoft)-[A-Za-z0-9_]{1,200}$")
_STAMP: Final = "%Y-%m-%dT%H:%M:%S.%fZ"
_RETRYABLE: Final = frozenset({408, 425, 429, 500, 502, 503, 504})

register_migrations(
    COMPONENT,
    [
        Migration(
            1,
            "Logs Ingestion forward queue",
            (
                f"""
                CREATE TABLE {TABLE} (
                    event_id TEXT PRIMARY KEY,
                    record TEXT NOT NULL,
                    enqueued_utc TEXT NOT NULL,
                    next_attempt_utc TEXT NOT NULL,
                    attempts {{int}} NOT NULL DEFAULT 0,
                    state TEXT NOT NULL DEFAULT 'pending',
                    last_error TEXT
                )
                """,
                f"CREATE INDEX {TABLE}_due ON {TABLE} (state, next_attempt_utc)",
                f"CREATE INDEX {TABLE}_age ON {TABLE} (enqueued_utc)",
            ),
        )
    ],
)

Credential = Literal["auto", "client-secret", "client-certificate", "managed-identity"]


class ForwardConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[azuremonitor]``: where and how accepted events are forwarded.

    Attributes:
        enabled: forward at all.
        endpoint: the DCR's ``logsIngestion`` endpoint or a DCE
            (``https://NAME.REGION-1.ingest.monitor.azure.com``).
        dcr_immutable_id: the DCR's ``immutableId`` (``dcr-`` + 32 hex).
        stream: the DCR input stream (``Custom-MigrationStatus``).
        api_version: the API version.
        credential: ``auto`` (client secret, else certificate, else managed
            identity, from the environment) or one of them.
        tenant_id: the app's tenant (else ``AZURE_TENANT_ID``).
        authority: the token service (sovereign clouds differ).
        scope: the token scope (``.cn``/``.us`` clouds differ).
        imds_endpoint: the VM managed identity endpoint (when
            ``IDENTITY_ENDPOINT`` is not set).
        ca_file: a PEM bundle to trust instead of the system store.
        gzip: send ``Content-Encoding: gzip``.
        max_batch_bytes: the most JSON per call (the API refuses over 1 MB).
        flush_seconds: how long to gather events before a call.
        timeout_seconds: per HTTP call.
        retention_days: queued rows older than this are dropped.
        include_user: send the user's object id (``UserObjectId``,
            ``DeviceKey``); false leaves the user out of Log Analytics.
    """

    enabled: bool = False
    endpoint: str = ""
    dcr_immutable_id: str = ""
    stream: str = "Custom-MigrationStatus"
    api_version: str = API_VERSION
    credential: Credential = "auto"
    tenant_id: str = ""
    authority: str = "https://login.microsoftonline.com"
    scope: str = SCOPE
    imds_endpoint: str = "http://169.254.169.254/metadata/identity/oauth2/token"
    ca_file: str = ""
    gzip: bool = True
    max_batch_bytes: Annotated[int, msgspec.Meta(ge=1024, le=MAX_CALL_BYTES)] = (
        MAX_CALL_BYTES
    )
    flush_seconds: Annotated[float, msgspec.Meta(ge=0, le=300)] = 5.0
    timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=300)] = 30.0
    retention_days: Annotated[int, msgspec.Meta(ge=1, le=365)] = 7
    include_user: bool = True

    @property
    def url(self) -> str:
        """The ingestion URL (with ``api-version``)."""
        path = (
            f"/dataCollectionRules/{urllib.parse.quote(self.dcr_immutable_id)}"
            f"/streams/{urllib.parse.quote(self.stream)}"
        )
        query = urllib.parse.urlencode({"api-version": self.api_version})
        return f"{self.endpoint.rstrip('/')}{path}?{query}"


register_section(SECTION, ForwardConfig)


def check(settings: ForwardConfig) -> None:
    """What types cannot say (only when enabled).

    Raises:
        ConfigError: ``azuremonitor.<key>: expected ...``.
    """
    if not settings.enabled:
        return

    def fail(key: str, expected: str) -> ConfigError:
        return ConfigError(f"configuration: {SECTION}.{key}: {expected}")

    parts = urllib.parse.urlsplit(settings.endpoint)
    if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/"):
        raise fail(
            "endpoint",
            "expected https://NAME.REGION-1.ingest.monitor.azure.com (the DCR's "
            "logsIngestion endpoint or a DCE)",
        )
    if not _DCR_ID.fullmatch(settings.dcr_immutable_id):
        raise fail("dcr_immutable_id", "expected the DCR's immutableId (dcr-<32 hex>)")
    if not _STREAM.fullmatch(settings.stream):
        raise fail("stream", "expected a stream name such as Custom-MigrationStatus")
    if urllib.parse.urlsplit(settings.authority).scheme != "https":
        raise fail("authority", "expected an https:// URL")
    imds = urllib.parse.urlsplit(settings.imds_endpoint)
    if imds.scheme not in ("http", "https") or not imds.hostname:
        raise fail("imds_endpoint", "expected an http(s):// URL")
    if not settings.scope.endswith("/.default"):
        raise fail("scope", "expected a scope ending in /.default")
    if settings.ca_file and not os.path.isfile(settings.ca_file):
        raise fail("ca_file", "expected a readable PEM file")


# --- records --------------------------------------------------------------------


def _rfc3339(moment: datetime.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC).strftime(_STAMP)


_encoder: Final = msgspec.json.Encoder()


def record(item: AcceptedEvent, *, include_user: bool = True) -> dict[str, Any]:
    """The flat Log Analytics record of an accepted event.

    ``TimeGenerated`` is the collector's receive time (Log Analytics replaces
    values older than two days); ``EventTimeUtc`` keeps the device's clock.
    Stages and steps go as JSON text (``parse_json`` in the DCR transform or in
    KQL). Column names avoid the reserved ``TenantId`` and ``Type``.
    """
    event = item.event
    device = event.device
    legacy = event.legacy
    received = item.received_utc
    data: dict[str, Any] = {
        "TimeGenerated": received,
        "ReceivedUtc": received,
        "EventTimeUtc": _rfc3339(event.event_time_utc),
        "EventId": event.event_id,
        "DeviceSeq": event.device_seq,
        "EventType": event.event_type,
        "CampaignId": event.campaign_id,
        "WaveId": event.wave_id,
        "JourneyId": event.journey_id,
        "JourneyPath": event.journey_path,
        "Stage": event.stage,
        "Step": event.step,
        "Code": event.code,
        "StartedUtc": _rfc3339(event.started_utc),
        "CurrentStage": event.current_stage,
        "OverallState": event.overall_state,
        "OsFamily": device.os_family,
        "OsVersion": device.os_version,
        "Arch": device.arch,
        "JoinType": device.join_type,
        "EntraDeviceId": device.entra_device_id,
        "IntuneDeviceId": device.intune_device_id,
        "SerialHmac": device.serial_hmac,
        "LegacyVendor": legacy.vendor if legacy is not None else None,
        "LegacyStillEnrolled": legacy.still_enrolled if legacy is not None else None,
        "AppVersion": event.app.version,
        "Locale": event.env.locale,
        "Stages": _encoder.encode(event.stages).decode("utf-8"),
        "Steps": _encoder.encode(event.steps).decode("utf-8"),
        "EntraTenantId": item.principal.tid,
        "ClientAppId": item.principal.client_app_id,
    }
    if include_user:
        data["UserObjectId"] = item.principal.oid
        data["DeviceKey"] = item.device_key
    return data


# --- tokens ---------------------------------------------------------------------


class TokenError(Exception):
    """No token could be obtained (the message says why; never a secret)."""


class TokenProvider(Protocol):
    """Gives the bearer token for the Logs Ingestion API."""

    def token(self, client: httpx.Client, *, refresh: bool = False) -> str:
        """A valid token (``refresh``: not the cached one)."""
        ...


class _Cached:
    """A token cached until five minutes before it expires."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._token = ""
        self._until = 0.0
        self._lock = threading.Lock()

    def token(self, client: httpx.Client, *, refresh: bool = False) -> str:
        with self._lock:
            if refresh or not self._token or self._clock() >= self._until:
                token, lifetime = self._fetch(client)
                self._token = token
                self._until = self._clock() + max(0.0, lifetime - 300.0)
            return self._token

    def _fetch(self, client: httpx.Client) -> tuple[str, float]:
        raise NotImplementedError

    @staticmethod
    def _answer(response: httpx.Response, what: str) -> tuple[str, float]:
        if response.status_code != 200:
            code = ""
            with contextlib.suppress(ValueError):
                body = response.json()
                if isinstance(body, dict):
                    code = str(body.get("error", ""))[:80]
            raise TokenError(f"{what}: HTTP {response.status_code} {code}".strip())
        try:
            body = response.json()
            token = str(body["access_token"])
            lifetime = float(body.get("expires_in", 3600))
        except (ValueError, KeyError, TypeError):
            raise TokenError(f"{what}: not a token response") from None
        return token, lifetime


class ClientCredential(_Cached):
    """The client credentials flow with a secret or a certificate.

    Args:
        authority: ``https://login.microsoftonline.com``.
        tenant: the tenant id.
        client_id: the app's client id.
        scope: the scope.
        secret: the client secret, or
        certificate: a PEM file with the private key and its certificate.
        password: the PEM's password.
        clock: epoch seconds.
    """

    def __init__(
        self,
        *,
        authority: str,
        tenant: str,
        client_id: str,
        scope: str,
        secret: str = "",
        certificate: str = "",
        password: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(clock)
        if not tenant or not client_id or not (secret or certificate):
            raise TokenError(
                "client credentials need a tenant id, a client id and a secret or "
                "a certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, "
                "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH)"
            )
        self.url = (
            f"{authority.rstrip('/')}/{urllib.parse.quote(tenant)}/oauth2/v2.0/token"
        )
        self.client_id = client_id
        self.scope = scope
        self._secret = secret
        self._certificate = (
            _load_certificate(certificate, password) if certificate else None
        )

    def _assertion(self) -> str:
        import jwt

        assert self._certificate is not None
        key, der = self._certificate
        now = int(self._clock())
        headers = {
            "typ": "JWT",
            "x5t": _b64(hashlib.sha1(der).digest()),
            "x5t#S256": _b64(hashlib.sha256(der).digest()),
        }
        claims = {
            "aud": self.url,
            "iss": self.client_id,
            "sub": self.client_id,
            "jti": str(uuid.uuid4()),
            "nbf": now,
            "iat": now,
            "exp": now + 600,
        }
        return jwt.encode(claims, key, algorithm="RS256", headers=headers)

    def _fetch(self, client: httpx.Client) -> tuple[str, float]:
        form = {
            "client_id": self.client_id,
            "scope": self.scope,
            "grant_type": "client_credentials",
        }
        if self._certificate is not None:
            form["client_assertion_type"] = (
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            )
            form["client_assertion"] = self._assertion()
        else:
            form["client_secret"] = self._secret
        try:
            response = client.post(self.url, data=form)
        except httpx.HTTPError as exc:
            raise TokenError(f"token endpoint: {type(exc).__name__}") from None
        return self._answer(response, "token endpoint")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _load_certificate(path: str, password: str) -> tuple[Any, bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        key = serialization.load_pem_private_key(
            data, password.encode("utf-8") if password else None
        )
        cert = x509.load_pem_x509_certificate(data)
    except (OSError, ValueError, TypeError) as exc:
        raise TokenError(
            f"AZURE_CLIENT_CERTIFICATE_PATH: expected a PEM file with the private "
            f"key and the certificate ({type(exc).__name__})"
        ) from None
    return key, cert.public_bytes(serialization.Encoding.DER)


class ManagedIdentity(_Cached):
    """A managed identity: App Service style (``IDENTITY_ENDPOINT`` +
    ``IDENTITY_HEADER``) or the VM's IMDS.

    Args:
        resource: the resource (the scope without ``/.default``).
        endpoint: ``IDENTITY_ENDPOINT`` (with ``header``), else the IMDS URL.
        header: ``IDENTITY_HEADER`` (App Service style), or "" for IMDS.
        client_id: a user-assigned identity's client id, or "".
        clock: epoch seconds.
    """

    def __init__(
        self,
        *,
        resource: str,
        endpoint: str,
        header: str = "",
        client_id: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(clock)
        self.resource = resource
        self.endpoint = endpoint
        self._header = header
        self.client_id = client_id

    def _fetch(self, client: httpx.Client) -> tuple[str, float]:
        params = {"resource": self.resource}
        if self._header:
            params["api-version"] = "2019-08-01"
            headers = {"X-IDENTITY-HEADER": self._header}
        else:
            params["api-version"] = "2018-02-01"
            headers = {"Metadata": "true"}
        if self.client_id:
            params["client_id"] = self.client_id
        try:
            response = client.get(self.endpoint, params=params, headers=headers)
        except httpx.HTTPError as exc:
            raise TokenError(f"managed identity: {type(exc).__name__}") from None
        token, lifetime = self._answer(response, "managed identity")
        with contextlib.suppress(ValueError, KeyError, TypeError):
            # App Service answers expires_on (epoch) rather than expires_in.
            body = response.json()
            if "expires_in" not in body and "expires_on" in body:
                lifetime = float(body["expires_on"]) - self._clock()
        return token, lifetime


def credential_from_environment(
    settings: ForwardConfig,
    environ: Mapping[str, str] | None = None,
    *,
    clock: Callable[[], float] = time.time,
) -> TokenProvider:
    """The token provider ``settings.credential`` and the environment name.

    Raises:
        TokenError: the environment lacks what the credential needs.
    """
    env = os.environ if environ is None else environ
    kind = settings.credential
    secret = env.get("AZURE_CLIENT_SECRET", "")
    certificate = env.get("AZURE_CLIENT_CERTIFICATE_PATH", "")
    if kind == "auto":
        if secret:
            kind = "client-secret"
        elif certificate:
            kind = "client-certificate"
        else:
            kind = "managed-identity"
    client_id = env.get("AZURE_CLIENT_ID", "")
    if kind == "managed-identity":
        endpoint = env.get("IDENTITY_ENDPOINT", "")
        header = env.get("IDENTITY_HEADER", "")
        return ManagedIdentity(
            resource=settings.scope.removesuffix(".default").rstrip("/") + "/",
            endpoint=endpoint if endpoint and header else settings.imds_endpoint,
            header=header if endpoint else "",
            client_id=client_id,
            clock=clock,
        )
    return ClientCredential(
        authority=settings.authority,
        tenant=settings.tenant_id or env.get("AZURE_TENANT_ID", ""),
        client_id=client_id,
        scope=settings.scope,
        secret=secret if kind == "client-secret" else "",
        certificate=certificate if kind == "client-certificate" else "",
        password=env.get("AZURE_CLIENT_CERTIFICATE_PASSWORD", ""),
        clock=clock,
    )


# --- retry arithmetic -----------------------------------------------------------


# The shared delivery policy (helper/report/retry.py) with the forwarder's
# figures: 5 s doubling to 30 min, jitter in the upper half (collectors that
# lost the API together do not come back together), Retry-After capped at an
# hour.
BACKOFF: Final = Backoff(
    base=BACKOFF_BASE,
    cap=BACKOFF_CAP,
    max_retry_after=MAX_RETRY_AFTER,
    jitter="upper-half",
)
# What Azure Monitor's answers mean: 401 → one fresh token (then a
# configuration problem); 400/413 → split to isolate the record at fault; the
# retryable statuses → Retry-After or the back-off; anything else (403, 404,
# 401 after a fresh token, other 4xx and 5xx) → refused: wait long, keep rows.
RULES: Final = StatusRules(
    refresh=frozenset({401}),
    transient=_RETRYABLE,
    server_errors_transient=False,
    split=frozenset({400, 413}),
    otherwise="refused",
)


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` (seconds or an HTTP date), capped
    at an hour; None when absent or unreadable (never raises)."""
    wait = parse_retry_after(value, now)
    return None if wait is None else min(wait, MAX_RETRY_AFTER)


def backoff(attempts: int, rng: Callable[[], float] = random.random) -> float:
    """The delay after ``attempts`` failures (:data:`BACKOFF`)."""
    return BACKOFF.delay(attempts, rng)


# --- the queue ------------------------------------------------------------------


def _stamp(moment: float) -> str:
    return utc_text(datetime.datetime.fromtimestamp(moment, datetime.UTC))


def enqueue(conn: Connection, records: Sequence[tuple[str, bytes]], now: float) -> int:
    """Queue ``(event_id, record JSON)`` rows (an id already queued is skipped).

    Call it inside the transaction that stores the events when possible (the
    forward is then exactly as durable as the event).

    Returns:
        Rows queued now.
    """
    stamp = _stamp(now)
    queued = 0
    for start in range(0, len(records), 500):
        chunk = records[start : start + 500]
        cursor = conn.execute(
            f"INSERT INTO {TABLE} (event_id, record, enqueued_utc, next_attempt_utc) "
            f"VALUES {conn.dialect.values(len(chunk), 4)} "
            "ON CONFLICT (event_id) DO NOTHING",
            [
                v
                for eid, data in chunk
                for v in (eid, data.decode("utf-8"), stamp, stamp)
            ],
        )
        queued += max(0, cursor.rowcount)
    return queued


@dataclass(frozen=True, slots=True)
class Claimed:
    """A queued row being sent."""

    event_id: str
    record: bytes
    enqueued_utc: str
    attempts: int


def _claim(conn: Connection, now: str, lease_until: str, limit: int) -> list[Claimed]:
    lock = " FOR UPDATE SKIP LOCKED" if conn.dialect.name == "postgres" else ""
    rows = conn.fetchall(
        f"UPDATE {TABLE} SET next_attempt_utc = ?, attempts = attempts + 1 "
        f"WHERE event_id IN (SELECT event_id FROM {TABLE} WHERE state = 'pending' "
        "AND next_attempt_utc <= ? ORDER BY next_attempt_utc, enqueued_utc, event_id "
        f"LIMIT ?{lock}) RETURNING event_id, record, enqueued_utc, attempts",
        (lease_until, now, limit),
    )
    claimed = [
        Claimed(str(r[0]), str(r[1]).encode("utf-8"), str(r[2]), int(r[3]))
        for r in rows
    ]
    claimed.sort(key=lambda c: (c.enqueued_utc, c.event_id))
    return claimed


def _delete(conn: Connection, ids: Sequence[str]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        conn.execute(
            f"DELETE FROM {TABLE} WHERE event_id IN ({', '.join('?' * len(chunk))})",
            list(chunk),
        )


def _reschedule(
    conn: Connection, ids: Sequence[str], when: str, error: str, state: str
) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        conn.execute(
            # A row parked meanwhile (a split batch) stays parked.
            f"UPDATE {TABLE} SET next_attempt_utc = ?, last_error = ?, state = ? "
            f"WHERE state = 'pending' AND event_id IN ({', '.join('?' * len(chunk))})",
            [when, error, state, *chunk],
        )


def _next_due(conn: Connection) -> str | None:
    value = conn.scalar(
        f"SELECT min(next_attempt_utc) FROM {TABLE} WHERE state = 'pending'"
    )
    return None if value is None else str(value)


def _purge(conn: Connection, before: str) -> tuple[int, int]:
    pending = int(
        conn.scalar(
            f"SELECT count(*) FROM {TABLE} "
            "WHERE enqueued_utc < ? AND state = 'pending'",
            (before,),
        )
    )
    deleted = max(
        0,
        conn.execute(f"DELETE FROM {TABLE} WHERE enqueued_utc < ?", (before,)).rowcount,
    )
    return deleted, pending


def purge_queue(
    store: Store, settings: ForwardConfig, *, clock: Callable[[], float] = time.time
) -> int:
    """Drop queued rows older than ``retention_days`` (sent or not).

    Returns:
        Rows deleted.
    """
    before = _stamp(clock() - settings.retention_days * 86400.0)
    deleted, pending = store.transaction(_purge, before)
    if pending:
        log_event(
            log,
            logging.WARNING,
            "forward-expired",
            dropped=pending,
            retention_days=settings.retention_days,
        )
    return deleted


def _count_old(conn: Connection, before: str) -> int:
    return int(
        conn.scalar(f"SELECT count(*) FROM {TABLE} WHERE enqueued_utc < ?", (before,))
    )


def purge(store: Store, config: Config, *, dry_run: bool = False) -> list[str]:
    """``intune-migration-collector purge``'s part for the forward queue (also
    run hourly by the sender thread while forwarding is on).

    Returns:
        Lines to print (what was, or would be, deleted).
    """
    settings = config.section(SECTION, ForwardConfig)
    days = settings.retention_days
    if dry_run:
        before = _stamp(time.time() - days * 86400.0)
        count = store.query(_count_old, before)
        return [f"{count} queued forwards older than {days} days would be deleted"]
    deleted = purge_queue(store, settings)
    return [f"deleted {deleted} queued forwards older than {days} days"]


def queue_counts(conn: Connection) -> dict[str, int]:
    """Rows per state (``pending``, ``dead``)."""
    return {
        str(state): int(n)
        for state, n in conn.fetchall(
            f"SELECT state, count(*) FROM {TABLE} GROUP BY state"
        )
    }


# --- batching -------------------------------------------------------------------


def batches(rows: Sequence[Claimed], limit: int) -> list[list[Claimed]]:
    """Consecutive rows whose JSON array (``[a,b,...]``) fits ``limit`` bytes.

    A row that alone exceeds the limit is a batch of its own (the API will
    refuse it; :class:`Forwarder` parks it without sending).
    """
    out: list[list[Claimed]] = []
    current: list[Claimed] = []
    size = 2
    for row in rows:
        extra = len(row.record) + (1 if current else 0)
        if current and size + extra > limit:
            out.append(current)
            current, size = [], 2
            extra = len(row.record)
        current.append(row)
        size += extra
    if current:
        out.append(current)
    return out


def body_of(rows: Sequence[Claimed]) -> bytes:
    """The JSON array of the rows' records."""
    return b"[" + b",".join(r.record for r in rows) + b"]"


@dataclass(slots=True)
class DrainResult:
    """What one :meth:`Forwarder.drain_once` did.

    Attributes:
        claimed: rows taken from the queue.
        sent: rows the API accepted (deleted from the queue).
        parked: rows refused for good.
        retry_in: seconds until the next attempt, when a call failed.
        requests: HTTP calls made.
    """

    claimed: int = 0
    sent: int = 0
    parked: int = 0
    retry_in: float | None = None
    requests: int = 0


class Forwarder:
    """Queues accepted events and sends them to the Logs Ingestion API.

    Thread-safe: :meth:`listener` runs in request threads, the rest in the
    background thread (:meth:`start`) or a test.

    Args:
        store: the collector's store (the queue table lives there).
        settings: the checked ``[azuremonitor]`` section.
        credential: the token provider (default: from the environment).
        clock: epoch seconds (tests move it).
        client: the HTTP client (default: one trusting ``ca_file`` or the
            system store, with the proxy of the environment).
        rng: jitter source.
    """

    def __init__(
        self,
        store: Store,
        settings: ForwardConfig,
        *,
        credential: TokenProvider | None = None,
        clock: Callable[[], float] = time.time,
        client: httpx.Client | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.store = store
        self.settings = settings
        self.url = settings.url
        self._clock = clock
        self._rng = rng
        self._credential = credential
        self._own_client = client is None
        if client is None:
            client = outbound_client(
                ca_file=settings.ca_file, timeout=settings.timeout_seconds
            )
        self._client = client
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_purge = 0.0

    # --- queueing -----------------------------------------------------------

    def rows(self, accepted: Sequence[AcceptedEvent]) -> list[tuple[str, bytes]]:
        """``(event_id, record JSON)`` of accepted events."""
        include = self.settings.include_user
        return [
            (a.event.event_id, _encoder.encode(record(a, include_user=include)))
            for a in accepted
        ]

    def in_transaction(
        self, conn: Connection, accepted: Sequence[AcceptedEvent]
    ) -> None:
        """Queue in the caller's transaction (the ingest transaction hook)."""
        enqueue(conn, self.rows(accepted), self._clock())
        self._wake.set()

    def listener(self, accepted: Sequence[AcceptedEvent]) -> None:
        """Queue after the ingest commit (``Ingestor.add_listener``)."""
        self.store.transaction(enqueue, self.rows(accepted), self._clock())
        self._wake.set()

    # --- sending ------------------------------------------------------------

    def _token(self, refresh: bool = False) -> str:
        if self._credential is None:
            self._credential = credential_from_environment(
                self.settings, clock=self._clock
            )
        return self._credential.token(self._client, refresh=refresh)

    def _post(self, body: bytes) -> httpx.Response:
        headers = {
            "Content-Type": "application/json",
            "x-ms-client-request-id": str(uuid.uuid4()),
        }
        if self.settings.gzip:
            body = gzip.compress(body, compresslevel=6)
            headers["Content-Encoding"] = "gzip"
        refreshed = False
        while True:
            headers["Authorization"] = f"Bearer {self._token(refresh=refreshed)}"
            response = self._client.post(self.url, content=body, headers=headers)
            if classify(response.status_code, RULES) == "refresh" and not refreshed:
                # An expired or revoked token: one fresh token, one retry.
                refreshed = True
                continue
            return response

    def drain_once(self) -> DrainResult:
        """Claim the due rows and send them, batch by batch.

        Stops at the first batch that must be retried later (the rest of the
        claimed rows wait with it: a throttled API is not hammered).

        Raises:
            StorageError: the database failed (the rows stay queued).
        """
        result = DrainResult()
        now = self._clock()
        lease = now + 2 * self.settings.timeout_seconds + 30
        claimed = self.store.transaction(_claim, _stamp(now), _stamp(lease), CLAIM_ROWS)
        result.claimed = len(claimed)
        pending = batches(claimed, self.settings.max_batch_bytes)
        while pending:
            batch = pending.pop(0)
            outcome = self._send(batch, result)
            if outcome is None:
                continue
            delay, error = outcome
            rest = [row for b in [batch, *pending] for row in b]
            when = _stamp(self._clock() + delay)
            self.store.transaction(
                _reschedule, [r.event_id for r in rest], when, error, "pending"
            )
            result.retry_in = delay
            log_event(
                log,
                logging.WARNING,
                "forward-retry",
                error=error,
                rows=len(rest),
                retry_in_s=round(delay, 1),
            )
            break
        return result

    def _send(
        self, batch: list[Claimed], result: DrainResult
    ) -> tuple[float, str] | None:
        """Send one batch; None when done with it (sent or parked), else the
        delay and the error of a retry."""
        ids = [r.event_id for r in batch]
        body = body_of(batch)
        if len(body) > self.settings.max_batch_bytes:
            self._park(ids, "too-large", result)
            return None
        attempts = max(r.attempts for r in batch)
        try:
            response = self._post(body)
        except TokenError as exc:
            return max(60.0, backoff(attempts, self._rng)), f"token:{exc}"[:200]
        except httpx.HTTPError as exc:
            return backoff(attempts, self._rng), f"network:{type(exc).__name__}"
        result.requests += 1
        status = response.status_code
        verdict = classify(status, RULES)
        if verdict == "delivered":
            self.store.transaction(_delete, ids)
            result.sent += len(ids)
            return None
        error = f"http:{status}"
        if verdict == "split":
            if len(batch) == 1:
                self._park(ids, error, result)
                return None
            # Split to isolate the record at fault; the halves go next.
            for part in halves(batch):
                outcome = self._send(list(part), result)
                if outcome is not None:
                    # Reschedule this half too: the caller handles the rest.
                    return outcome
            return None
        wait = retry_after(response.headers.get("retry-after"), self._clock())
        if verdict == "transient":
            return (wait if wait is not None else backoff(attempts, self._rng)), error
        if status == 403:
            # Monitoring Metrics Publisher takes up to 30 minutes to apply.
            return max(wait or 0.0, 300.0, backoff(attempts, self._rng)), error
        # 401 after a fresh token, 404 (wrong DCR or stream), other 4xx: a
        # configuration problem; wait long, keep the rows.
        return max(wait or 0.0, 900.0, backoff(attempts, self._rng)), error

    def _park(self, ids: Sequence[str], error: str, result: DrainResult) -> None:
        self.store.transaction(_reschedule, ids, _stamp(self._clock()), error, "dead")
        result.parked += len(ids)
        log_event(log, logging.ERROR, "forward-parked", error=error, rows=len(ids))

    # --- the background thread ----------------------------------------------------

    def start(self) -> None:
        """Start the background thread (idempotent)."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name="logs-ingestion-forward", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Stop the thread (a call in flight finishes first) and close."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(
                timeout if timeout is not None else self.settings.timeout_seconds + 5
            )
            self._thread = None
        if self._own_client:
            self._client.close()

    def _wait_seconds(self) -> float:
        try:
            due = self.store.query(_next_due)
        except StorageError:
            return 30.0
        if due is None:
            return 30.0
        try:
            when = datetime.datetime.strptime(due, _STAMP).replace(tzinfo=datetime.UTC)
        except ValueError:
            return 30.0
        return min(30.0, max(0.0, when.timestamp() - self._clock()))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._wait_seconds())
            if self._stop.is_set():
                break
            self._wake.clear()
            if self.settings.flush_seconds:
                # Gather the events of the next few seconds into one call.
                self._stop.wait(self.settings.flush_seconds)
            try:
                while not self._stop.is_set():
                    result = self.drain_once()
                    if result.claimed < CLAIM_ROWS or result.retry_in is not None:
                        break
                if self._clock() - self._last_purge > 3600:
                    self._last_purge = self._clock()
                    purge_queue(self.store, self.settings, clock=self._clock)
            except Exception as exc:
                # The thread must survive a database outage; the rows stay.
                log_event(log, logging.ERROR, "forward-failed", error=str(exc)[:300])
                self._stop.wait(5.0)


def check_config(config: Config) -> None:
    """Check ``[azuremonitor]`` beyond its types (for the configuration loader).

    Raises:
        ConfigError: an unusable value (only when enabled).
    """
    check(config.section(SECTION, ForwardConfig))


def register(app: Starlette, store: Store, config: Config) -> Forwarder | None:
    """Wire the forward into the collector (``create_app`` calls it).

    When ``[azuremonitor] enabled``: queue each accepted event (in the ingest
    transaction when the core offers ``add_transaction_hook``, else right after
    its commit) and run the sender thread for the app's lifetime.

    Raises:
        ConfigError: an unusable ``[azuremonitor]`` value.
    """
    settings = config.section(SECTION, ForwardConfig)
    check(settings)
    if not settings.enabled:
        return None
    forwarder = Forwarder(store, settings, clock=app.state.clock)
    ingestor = app.state.ingestor
    hook = getattr(ingestor, "add_transaction_hook", None)
    if callable(hook):
        hook(forwarder.in_transaction)
    else:
        ingestor.add_listener(forwarder.listener)
    app.state.forwarder = forwarder
    from collector.app import run_beside

    run_beside(app, forwarder.start, forwarder.stop)
    return forwarder


__all__ = [
    "API_VERSION",
    "COMPONENT",
    "SECTION",
    "TABLE",
    "Claimed",
    "ClientCredential",
    "DrainResult",
    "ForwardConfig",
    "Forwarder",
    "ManagedIdentity",
    "TokenError",
    "TokenProvider",
    "backoff",
    "batches",
    "body_of",
    "check",
    "check_config",
    "credential_from_environment",
    "enqueue",
    "purge",
    "purge_queue",
    "queue_counts",
    "record",
    "register",
    "retry_after",
]
