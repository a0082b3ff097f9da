# SPDX-License-Identifier: MIT
"""A small Microsoft Graph client: app-only token, paging, throttling.

- Every call carries ``Authorization: Bearer`` (never logged) and a
  ``User-Agent`` (the BitLocker calls list it as required [DOC V-102]).
- Paging follows the whole ``@odata.nextLink`` URL until it is absent, and
  accepts empty pages [DOC V-113]; a nextLink that leaves the Graph host is
  refused (the token must not go anywhere else).
- 429 and 503: wait ``Retry-After`` and retry [DOC V-110]; without it (some
  Intune endpoints [COMMUNITY V-112]) and on any other 5xx or a network error:
  exponential back-off with jitter (:class:`helper.report.retry.Backoff`, the
  project's one delivery policy). 401 once: a new token, then the call again.
- TLS is verified (the system store, or ``intune.ca_file``).
"""

from __future__ import annotations

import logging
import random
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import httpx

from collector.graph.credentials import CredentialError, TokenSource
from collector.graph.settings import IntuneConfig
from collector.logging import log_event
from collector.outbound import USER_AGENT, outbound_client
from helper.report.retry import Backoff, StatusRules, classify, parse_retry_after

log = logging.getLogger(__name__)

# Graph throttles per 20 s windows [DOC V-111]: start at 2 s, at most 2 min.
BACKOFF: Final = Backoff(
    base=2.0, cap=120.0, max_retry_after=600.0, jitter="upper-half"
)
RULES: Final = StatusRules(
    refresh=frozenset({401}),
    refused=frozenset({400, 403, 404}),
    transient=frozenset({408, 429}),
    split=frozenset(),
    otherwise="refused",
)


class GraphError(Exception):
    """A Graph call that did not succeed.

    Attributes:
        code: ``forbidden`` (a permission is missing: 403), ``not-found``,
            ``auth-failed`` (the token service refused the credential),
            ``throttled`` (still 429 after every attempt), ``unavailable``
            (5xx, network), ``bad-response``, ``refused`` (another 4xx).
        status: the last HTTP status (0: none).
        graph_code: Graph's ``error.code`` (``Authorization_RequestDenied``).
    """

    def __init__(
        self, code: str, detail: str, *, status: int = 0, graph_code: str = ""
    ) -> None:
        super().__init__(detail)
        self.code = code
        self.status = status
        self.graph_code = graph_code


def _graph_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return str(code)[:80] if isinstance(code, str) else ""


class GraphClient:
    """Calls Microsoft Graph for one app registration.

    Args:
        settings: ``[intune]``.
        tokens: the app's token source.
        client: the HTTP client (default: TLS verified against the system
            store or ``settings.ca_file``).
        sleep: waits (tests pass a recorder).
        clock: epoch seconds (for HTTP-date Retry-After).
        rng: jitter in [0, 1).

    Attributes:
        requests: Graph calls made (token requests not counted).
    """

    def __init__(
        self,
        settings: IntuneConfig,
        tokens: TokenSource,
        *,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.base = settings.graph_url.rstrip("/")
        self._host = urllib.parse.urlsplit(self.base).netloc.lower()
        self._tokens = tokens
        self._attempts = settings.max_attempts
        self._sleep = sleep
        self._clock = clock
        self._rng = rng
        self._own = client is None
        if client is None:
            client = outbound_client(
                ca_file=settings.ca_file, timeout=settings.timeout_seconds
            )
        self._client = client
        self.requests = 0

    def close(self) -> None:
        """Close the HTTP client (if this object made it)."""
        if self._own:
            self._client.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        """``{graph_url}{path}?{params}`` (``$`` kept readable)."""
        query = urllib.parse.urlencode(
            params or {}, safe="$,'", quote_via=urllib.parse.quote
        )
        return f"{self.base}{path}" + (f"?{query}" if query else "")

    def get(self, url: str) -> dict[str, Any]:
        """One GET with the retry rules of the module docstring.

        Raises:
            GraphError: see its codes.
        """
        if urllib.parse.urlsplit(url).netloc.lower() != self._host:
            raise GraphError("bad-response", "a link outside Microsoft Graph")
        failures = 0
        refreshed = False
        while True:
            try:
                token = self._tokens.token(
                    self._client, refresh=refreshed and failures == 0
                )
            except CredentialError as exc:
                code = "auth-failed" if exc.code == "auth-failed" else "unavailable"
                raise GraphError(code, str(exc)) from None
            self.requests += 1
            try:
                response = self._client.get(
                    url,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "User-Agent": USER_AGENT,
                    },
                )
            except httpx.HTTPError as exc:
                failures += 1
                if failures >= self._attempts:
                    raise GraphError(
                        "unavailable", f"Graph: {type(exc).__name__}"
                    ) from None
                self._wait(failures, None, 0, type(exc).__name__)
                continue
            verdict = classify(response.status_code, RULES)
            if verdict == "delivered":
                try:
                    body = response.json()
                except ValueError:
                    body = None
                if not isinstance(body, dict):
                    raise GraphError(
                        "bad-response", "Graph: not a JSON object", status=200
                    )
                return body
            if verdict == "refresh" and not refreshed:
                refreshed = True
                failures = 0
                continue
            if verdict == "transient":
                failures += 1
                retry_after = parse_retry_after(
                    response.headers.get("retry-after"), self._clock()
                )
                if failures < self._attempts:
                    self._wait(failures, retry_after, response.status_code, "")
                    continue
                code = "throttled" if response.status_code == 429 else "unavailable"
            else:
                code = {403: "forbidden", 404: "not-found", 401: "auth-failed"}.get(
                    response.status_code, "refused"
                )
            graph_code = _graph_code(response)
            raise GraphError(
                code,
                f"Graph: HTTP {response.status_code} {graph_code}".strip(),
                status=response.status_code,
                graph_code=graph_code,
            )

    def _wait(
        self, failures: int, retry_after: float | None, status: int, error: str
    ) -> None:
        delay = BACKOFF.delay(failures, self._rng, retry_after)
        log_event(
            log,
            logging.INFO,
            "graph-retry",
            status=status,
            error=error,
            attempt=failures,
            wait_seconds=round(delay, 1),
        )
        self._sleep(delay)

    def pages(
        self, path: str, params: Mapping[str, str] | None = None
    ) -> Iterator[list[Any]]:
        """Each page's ``value`` list, following ``@odata.nextLink``.

        Raises:
            GraphError: a call failed, or a page has no ``value`` list.
        """
        url: str | None = self.url(path, params)
        while url is not None:
            body = self.get(url)
            value = body.get("value")
            if not isinstance(value, list):
                raise GraphError("bad-response", "Graph: a page without a value list")
            yield value
            link = body.get("@odata.nextLink")
            url = link if isinstance(link, str) and link else None


__all__ = ["BACKOFF", "USER_AGENT", "GraphClient", "GraphError"]
