# SPDX-License-Identifier: MIT
"""Report tokens from a development collector, for a trial on one machine.

``intune-migration-collector serve --dev`` accepts unsigned tokens and hands
them out at ``POST /api/v1/dev/token``. With ``reporting.dev_unsigned_tokens =
true`` in a user's own configuration file and a loopback
``reporting.collector_url`` (:mod:`helper.config` refuses the key anywhere
else), the helper asks that collector for its report tokens instead of signing
in to Entra, so an evaluator without a tenant sees the whole path: journey,
outbox, delivery, dashboard. The window shows a banner and every log line is
marked (:func:`helper.logsetup.mark_dev_mode`), as the collector does.

The token request names the Entra device id the events report, when there is
one, so the trial device is confirmed as a broker sign-in would confirm it
(docs/collector.md, "A trial on one machine").
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from helper.config.model import loopback_url

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

DEV_TOKEN_PATH: Final = "/api/v1/dev/token"
DEV_MODE: Final = "dev-unsigned-tokens"
# Renewed this long before it expires (the collector gives an hour).
_MARGIN: Final = 300.0
_MAX_BODY: Final = 64 * 1024


class DevTokenUnavailable(Exception):
    """No token from the development collector right now; delivery retries.

    Attributes:
        code: ``dev-token-network`` (not reachable), ``dev-token-refused`` (the
            collector is not in ``--dev`` mode, or answered an error) or
            ``dev-token-bad-response``.
    """

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class DevTokenProvider:
    """A :class:`~helper.report.token.TokenProvider` backed by ``serve --dev``.

    Thread-safe. Never logs a token.

    Args:
        collector_url: ``reporting.collector_url`` (a loopback URL).
        http_client: the application's client (not closed here).
        device_id: returns the Entra device id the events carry, or None;
            asked at each token request.
        clock: epoch seconds (injectable).

    Raises:
        ValueError: ``collector_url`` is not a loopback URL (the configuration
            refuses it first; this is the second line of defence).
    """

    def __init__(
        self,
        collector_url: str,
        http_client: httpx.Client,
        *,
        device_id: Callable[[], str | None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not loopback_url(collector_url):
            raise ValueError("development tokens come only from a loopback collector")
        self._url = collector_url.rstrip("/") + DEV_TOKEN_PATH
        self._http = http_client
        self.device_id: Callable[[], str | None] = device_id or (lambda: None)
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._until = 0.0

    def get_token(self, *, force_refresh: bool = False) -> str:
        """A report token from the development collector (cached until close
        to its end).

        Raises:
            DevTokenUnavailable: the collector cannot give one now.
        """
        with self._lock:
            now = self._clock()
            if self._token is not None and not force_refresh and now < self._until:
                return self._token
            token, lifetime = self._request()
            self._token = token
            self._until = now + max(lifetime - _MARGIN, lifetime / 2)
            return token

    def _request(self) -> tuple[str, float]:
        import httpx

        device = self.device_id()
        body = {"device_id": device} if device else {}
        try:
            response = self._http.post(
                self._url, json=body, headers={"Accept": "application/json"}
            )
        except httpx.HTTPError as exc:
            log.warning("development collector unreachable: %s", type(exc).__name__)
            raise DevTokenUnavailable("dev-token-network") from None
        if response.status_code != 200:
            # 404: that collector is not in --dev mode (or not ours).
            log.warning(
                "the development collector refused a token: HTTP %d",
                response.status_code,
            )
            raise DevTokenUnavailable("dev-token-refused")
        try:
            if len(response.content) > _MAX_BODY:
                raise ValueError("too long")
            data = json.loads(response.content)
            token = data["access_token"]
            lifetime = float(data.get("expires_in", 3600))
            if not isinstance(token, str) or not token or lifetime <= 0:
                raise ValueError("no token")
        except (ValueError, KeyError, TypeError):
            raise DevTokenUnavailable("dev-token-bad-response") from None
        log.info("report token from the development collector (%s)", DEV_MODE)
        return token, lifetime


__all__ = [
    "DEV_MODE",
    "DEV_TOKEN_PATH",
    "DevTokenProvider",
    "DevTokenUnavailable",
]
