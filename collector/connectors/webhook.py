# SPDX-License-Identifier: MIT
"""A signed webhook: for any other vendor, or IT's own runbook.

In the spirit of Fleet's migration webhook (vendor reference §9: a JSON POST
with a timestamp and the host's identifiers, V-127, V-128), plus what Fleet
lacks: an id for idempotency, an HMAC signature, a documented retry policy.

Request (``POST {base_url}``, ``Content-Type: application/json``)::

    {"type": "release-requested", "id": "<request id>",
     "timestamp": "2026-05-04T09:12:00Z", "vendor": "mosyle",
     "device": {"serial_hmac": "<hex>", "os_family": "macos"},
     "dry_run": false}

Headers:

- ``X-Release-Timestamp``: Unix seconds when signed;
- ``X-Release-Signature``: ``sha256=`` + hex HMAC-SHA256 with the shared
  secret (``webhook_secret``) over ``<timestamp>.<raw body>``. A receiver
  recomputes it, compares in constant time, and rejects a timestamp more than
  five minutes away from its clock: a captured request cannot be replayed
  later;
- ``Idempotency-Key``: the request id (a retry carries the same one).

The device is named by its serial HMAC only (the collector never holds the
serial): the receiver keys its own inventory with ``devices.serial_hmac_key``
(:func:`helper.report.event.serial_hmac` gives the recipe) to find it.

Answer: any 2xx is accepted; a JSON body ``{"status": "released" | "pending" |
"not-found" | "refused"}`` refines it. 429 and 5xx and network failures are
retried ``webhook_attempts`` times with exponential back-off (1, 2, 4 s...,
or the ``Retry-After``, at most 30 s in line; longer: ``rate-limited``).
Redirects are never followed (a 3xx is an error): the request and its
signature go only to the URL IT configured.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from typing import Final

import httpx

from collector.connectors.base import (
    OUTCOME_CODES,
    Outcome,
    Target,
    VendorFailure,
    VendorHttp,
)
from collector.connectors.secrets import Secret
from collector.connectors.settings import ConnectorConfig

TIMESTAMP_HEADER: Final = "X-Release-Timestamp"
SIGNATURE_HEADER: Final = "X-Release-Signature"
MAX_SKEW_SECONDS: Final = 300
MAX_INLINE_WAIT: Final = 30.0
_ANSWERS: Final = frozenset({"released", "pending", "not-found", "refused"})


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for ``body`` sent at ``timestamp``."""
    message = str(timestamp).encode("ascii") + b"." + body
    return (
        "sha256="
        + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    )


def verify(
    secret: str, timestamp: str, signature: str, body: bytes, *, now: float
) -> bool:
    """What a receiver does: a fresh timestamp and a matching signature."""
    if not (timestamp.isascii() and timestamp.isdigit()):
        return False
    sent = int(timestamp)
    if abs(now - sent) > MAX_SKEW_SECONDS:
        return False
    return hmac.compare_digest(signature, sign(secret, sent, body))


class Webhook:
    """See the module's docstring."""

    kind = "webhook"

    def __init__(
        self,
        settings: ConnectorConfig,
        secrets: Mapping[str, Secret],
        key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        del key  # the receiver matches serial HMACs itself
        self.vendor = settings.vendor
        self._secret = secrets["secret"]
        self._attempts = settings.webhook_attempts
        self._clock = clock
        self._sleep = sleep
        self.http = VendorHttp(
            settings.base_url,
            ca_file=settings.ca_file,
            timeout=settings.timeout_seconds,
            transport=transport,
        )

    def payload(self, target: Target, *, dry_run: bool) -> bytes:
        """The JSON body for ``target``."""
        when = datetime.datetime.fromtimestamp(self._clock(), datetime.UTC)
        body = {
            "type": "release-requested",
            "id": target.request_id,
            "timestamp": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "vendor": target.vendor or self.vendor,
            "device": {
                "serial_hmac": target.serial_hmac,
                "os_family": target.os_family,
            },
            "dry_run": dry_run,
        }
        return json.dumps(body, separators=(",", ":")).encode("utf-8")

    def release(self, target: Target, *, dry_run: bool) -> Outcome:
        """Post the signed request (nothing at all in dry-run: the POST is the
        write)."""
        if dry_run:
            return Outcome("released", reason="dry-run", dry_run=True)
        body = self.payload(target, dry_run=False)
        outcome = Outcome("vendor-error", reason="not-sent")
        for attempt in range(self._attempts):
            if attempt:
                wait = (
                    outcome.retry_after
                    if outcome.retry_after is not None
                    else 2.0 ** (attempt - 1)
                )
                if wait > MAX_INLINE_WAIT:
                    return outcome
                self._sleep(wait)
            outcome = self._post(body, target.request_id)
            if (
                outcome.code not in ("rate-limited", "vendor-error")
                or outcome.reason == "redirect-refused"
            ):
                return outcome
        return outcome

    def _post(self, body: bytes, request_id: str) -> Outcome:
        stamp = int(self._clock())
        headers = {
            "Content-Type": "application/json",
            TIMESTAMP_HEADER: str(stamp),
            SIGNATURE_HEADER: sign(self._secret.reveal(), stamp, body),
            "Idempotency-Key": request_id,
        }
        try:
            response = self.http.request(
                "POST",
                self.http.base,
                ok=range(200, 300),
                content=body,
                headers=headers,
            )
        except VendorFailure as failure:
            status = failure.outcome.status
            if 400 <= status < 500 and status not in (401, 403, 429):
                # The receiver understood and said no: retrying changes nothing.
                return Outcome("refused", status, reason=f"http-{status}")
            return failure.outcome
        status = response.status_code
        answer = None
        try:
            parsed = response.json() if response.content else None
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and parsed.get("status") in _ANSWERS:
            answer = parsed["status"]
        code = answer if answer in OUTCOME_CODES else "released"
        return Outcome(code, status, reason="webhook")  # type: ignore[arg-type]

    def close(self) -> None:
        """Close the client."""
        self.http.close()


__all__ = ["SIGNATURE_HEADER", "TIMESTAMP_HEADER", "Webhook", "sign", "verify"]
