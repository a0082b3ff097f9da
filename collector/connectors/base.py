# SPDX-License-Identifier: MIT
"""What every connector shares: the protocol, the outcome codes, the HTTP stack
and the hashed match over the vendor's inventory.

The release flow (:mod:`collector.release.flow`) only ever sees
:class:`Connector` and :class:`Outcome`: it never knows the vendor.

**Finding the device without storing more than today.** The collector knows a
device by ``serial_hmac`` only (HMAC-SHA256 with ``devices.serial_hmac_key``
of the digest the device sends; docs/collector.md, "Device identity"), never
its serial. A connector therefore lists the vendor's inventory (paged), keys
each serial the vendor returns the same way, and keeps in memory a map
``serial_hmac → vendor device id`` (:class:`HashedInventory`). Serials live
only in the page being read; neither they nor the map are written anywhere.

**HTTP.** :class:`VendorHttp`: one ``httpx.Client`` per connector, TLS always
verified (the system store, or the configured CA file), connect/read timeouts,
no redirects followed (a 3xx is a vendor error: credentials never leave for
another host), every URL kept under the configured base. 429 becomes
``rate-limited`` with the vendor's ``Retry-After``; 401 refreshes the token
once, then ``auth-failed``; 5xx and network failures are ``vendor-error``.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, get_args

import httpx

from collector.outbound import outbound_client, tls_context
from helper.report.event import serial_hmac
from helper.report.retry import parse_retry_after

if TYPE_CHECKING:
    from collector.connectors.settings import ConnectorConfig

OutcomeCode = Literal[
    "released",
    "not-found",
    "pending",
    "refused",
    "rate-limited",
    "auth-failed",
    "vendor-error",
]
OUTCOME_CODES: Final[tuple[OutcomeCode, ...]] = get_args(OutcomeCode)
DeviceState = Literal["managed", "pending", "released"]
# Outcomes worth trying again later without anyone changing anything.
RETRYABLE: Final = frozenset({"rate-limited", "vendor-error"})
MAX_RETRY_AFTER: Final = 3600.0
DEFAULT_TIMEOUT: Final = 20.0
# Rebuild the hashed inventory at most this often when a device is missing
# from it (a device enrolled since the last listing).
MISS_REFRESH_SECONDS: Final = 60.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the vendor answered, as codes (never a vendor's free text).

    Attributes:
        code: see :data:`OutcomeCode`. ``released``: the vendor accepted the
            release command (it runs when the device checks in: the helper
            still judges by detecting again). ``pending``: the vendor already
            has a release queued for this device, or it needs the device
            online. ``refused``: the vendor will not do it (a 400/403 on the
            command, wipe protection); IT must look.
        status: the vendor's HTTP status of the deciding call (0: none).
        retry_after: seconds to wait (``rate-limited``), when known.
        reason: a short machine code (``http-400``, ``timeout``,
            ``kill-switch``...), for the audit row.
        warnings: codes IT must see (``filevault-key-destroyed``).
        vendor_ref: the vendor's device id, when found.
        dry_run: the write call was skipped on purpose.
    """

    code: OutcomeCode
    status: int = 0
    retry_after: float | None = None
    reason: str = ""
    warnings: tuple[str, ...] = ()
    vendor_ref: str = ""
    dry_run: bool = False


class VendorFailure(Exception):
    """A call ended in an outcome other than success (raised inside a
    connector, caught by :meth:`Connector.release`)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(f"{outcome.code} {outcome.status} {outcome.reason}")
        self.outcome = outcome


@dataclass(frozen=True, slots=True)
class Target:
    """The device to release, as the collector knows it.

    Attributes:
        serial_hmac: the collector's serial identity of the device.
        request_id: the release request (idempotency and the webhook's id).
        os_family: ``windows``, ``macos``, ``linux``... (from its reports).
        vendor: our vendor id (the catalogue's).
    """

    serial_hmac: str
    request_id: str
    os_family: str = ""
    vendor: str = ""


@dataclass(frozen=True, slots=True)
class VendorDevice:
    """One inventory entry, held in memory only (never the serial).

    Attributes:
        ref: the vendor's device id (path segment of the release call).
        state: ``managed``, ``pending`` (a release already queued) or
            ``released`` (no longer managed), from the vendor's own fields.
        extra: vendor fields the release call needs (Jamf's management id...).
    """

    ref: str
    state: DeviceState = "managed"
    extra: Mapping[str, str] = field(default_factory=dict)


class Connector(Protocol):
    """One vendor's release, behind one call."""

    vendor: str
    kind: str

    def release(self, target: Target, *, dry_run: bool) -> Outcome:
        """Find the device and ask the vendor to release it.

        ``dry_run``: everything (sign-in, lookup) but the vendor's write call.
        Never raises for a vendor answer; every failure is an :class:`Outcome`.
        """
        ...

    def close(self) -> None:
        """Release the HTTP client."""
        ...


class HashedInventory:
    """``serial_hmac → VendorDevice``, built from the vendor's inventory.

    Thread-safe. The map is rebuilt when older than ``ttl`` or, at most once
    a minute, when a device is missing (it may have enrolled since).

    Args:
        key: ``devices.serial_hmac_key``.
        ttl: seconds a listing is trusted.
        clock: monotonic seconds (tests).
    """

    def __init__(
        self,
        key: str,
        *,
        ttl: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._key = key
        self._ttl = ttl
        self._clock = clock
        self._map: dict[str, VendorDevice] = {}
        self._built = float("-inf")
        self._lock = threading.Lock()
        self.listings = 0

    def find(
        self,
        serial_hmac: str,
        listing: Callable[[], Iterable[tuple[str, VendorDevice]]],
    ) -> VendorDevice | None:
        """The device with this serial identity, listing the inventory when
        the cache is stale or misses it.

        Raises:
            VendorFailure: the listing failed (the old map is kept).
        """
        with self._lock:
            now = self._clock()
            age = now - self._built
            hit = self._map.get(serial_hmac)
            if hit is not None and age < self._ttl:
                return hit
            if hit is None and age < min(self._ttl, MISS_REFRESH_SECONDS):
                return None
            self._map = self._build(listing())
            self._built = self._clock()
            self.listings += 1
            return self._map.get(serial_hmac)

    def forget(self, serial_hmac: str) -> None:
        """Drop one entry (after its release: the next lookup asks again)."""
        with self._lock:
            self._map.pop(serial_hmac, None)

    def _build(
        self, entries: Iterable[tuple[str, VendorDevice]]
    ) -> dict[str, VendorDevice]:
        built: dict[str, VendorDevice] = {}
        for serial, device in entries:
            digest = serial_hmac(serial, self._key)
            if digest is None:
                continue
            known = built.get(digest)
            # One serial, several records (re-enrollments, V-023): keep a
            # managed one, the record the release must reach.
            if known is None or (
                known.state != "managed" and device.state == "managed"
            ):
                built[digest] = device
        return built


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be a vendor or webhook URL, or None: https only
    (http only on a loopback address, for trials), no user name or password
    in it, no fragment."""
    from collector.config import is_loopback

    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return "expected a URL"
    del port
    if not parts.hostname:
        return "expected an https:// URL with a host"
    if parts.username is not None or parts.password is not None:
        return "expected no user name or password in the URL (use the secrets)"
    if parts.fragment:
        return "expected no #fragment in the URL"
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and is_loopback(parts.hostname):
        return None
    return "expected an https:// URL (http:// only on a loopback address)"


def _retry_after(response: httpx.Response) -> float | None:
    delay = parse_retry_after(response.headers.get("retry-after"), time.time())
    return None if delay is None else min(delay, MAX_RETRY_AFTER)


def failure_for(response: httpx.Response) -> Outcome:
    """The outcome of a non-2xx answer that no connector rule matched."""
    status = response.status_code
    if status == 429:
        return Outcome("rate-limited", status, _retry_after(response), "http-429")
    if status in (401, 403):
        return Outcome("auth-failed", status, reason=f"http-{status}")
    if 300 <= status < 400:
        return Outcome("vendor-error", status, reason="redirect-refused")
    if status == 503:
        return Outcome("vendor-error", status, _retry_after(response), "http-503")
    return Outcome("vendor-error", status, reason=f"http-{status}")


class VendorHttp:
    """The HTTP client of one connector (see the module's docstring).

    Args:
        base_url: the vendor API's base (``https://…``; ``http://`` only on
            loopback, for trials).
        ca_file: a PEM bundle trusted instead of the system store.
        timeout: seconds for connect, read, write and the pool.
        auth: ``auth(client, refresh) -> headers`` adds the credentials
            (a bearer token fetched and cached by the connector).
        transport: an httpx transport (tests only).
    """

    def __init__(
        self,
        base_url: str,
        *,
        ca_file: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        auth: Callable[[httpx.Client, bool], dict[str, str]] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        problem = url_problem(base_url)
        if problem is not None:
            raise ValueError(problem)
        parts = urllib.parse.urlsplit(base_url)
        self.base = base_url.rstrip("/")
        self.origin = f"{parts.scheme}://{parts.netloc}".lower()
        self._auth = auth
        self.client = outbound_client(
            ca_file=ca_file, timeout=timeout, transport=transport
        )

    def url(self, path: str) -> str:
        """``path`` under the base; an absolute URL must stay on its origin.

        Raises:
            VendorFailure: an absolute URL elsewhere (a paging link pointing to
                another host must not get our credentials).
        """
        if path.startswith(("https://", "http://")):
            parts = urllib.parse.urlsplit(path)
            if f"{parts.scheme}://{parts.netloc}".lower() != self.origin:
                raise VendorFailure(Outcome("vendor-error", reason="foreign-url"))
            return path
        return f"{self.base}/{path.lstrip('/')}"

    def request(
        self,
        method: str,
        path: str,
        *,
        ok: Iterable[int] = (200,),
        params: httpx.QueryParams | Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """One call: credentials added, 401 refreshed once.

        Returns:
            The response, when its status is in ``ok``.

        Raises:
            VendorFailure: any other status, a timeout, a network failure.
        """
        wanted = frozenset(ok)
        refreshed = False
        while True:
            sent = dict(headers or {})
            if self._auth is not None:
                sent.update(self._auth(self.client, refreshed))
            try:
                response = self.client.request(
                    method, self.url(path), params=params, headers=sent, **kwargs
                )
            except httpx.TimeoutException:
                raise VendorFailure(Outcome("vendor-error", reason="timeout")) from None
            except httpx.TransportError:
                raise VendorFailure(Outcome("vendor-error", reason="network")) from None
            if response.status_code in wanted:
                return response
            if response.status_code == 401 and self._auth is not None and not refreshed:
                refreshed = True
                continue
            raise VendorFailure(failure_for(response))

    def json(self, response: httpx.Response) -> Any:
        """The body as JSON.

        Raises:
            VendorFailure: ``bad-json`` when it is not.
        """
        try:
            return response.json()
        except ValueError:
            raise VendorFailure(
                Outcome("vendor-error", response.status_code, reason="bad-json")
            ) from None

    def close(self) -> None:
        """Close the client."""
        self.client.close()


class CachedToken:
    """A bearer token cached until a minute before it expires.

    Args:
        fetch: ``fetch(client) -> (token, lifetime seconds)``; raises
            :class:`VendorFailure` (``auth-failed``) when refused.
        clock: epoch seconds.
    """

    def __init__(
        self,
        fetch: Callable[[httpx.Client], tuple[str, float]],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self._token = ""
        self._until = 0.0
        self._lock = threading.Lock()
        self.fetches = 0

    def headers(self, client: httpx.Client, refresh: bool) -> dict[str, str]:
        """``Authorization: Bearer …`` with a valid token."""
        with self._lock:
            if refresh or not self._token or self._clock() >= self._until:
                token, lifetime = self._fetch(client)
                self.fetches += 1
                self._token = token
                self._until = self._clock() + max(0.0, lifetime - 60.0)
            return {"Authorization": f"Bearer {self._token}"}


def token_answer(
    response: httpx.Response, *, field_name: str = "access_token"
) -> tuple[str, float]:
    """``(token, lifetime)`` of an OAuth-style token response.

    Raises:
        VendorFailure: ``auth-failed`` for a refusal (400/401/403: wrong
            credentials, ``invalid_client``), ``vendor-error`` otherwise.
    """
    status = response.status_code
    if status in (400, 401, 403):
        raise VendorFailure(Outcome("auth-failed", status, reason="token-refused"))
    if status != 200:
        raise VendorFailure(failure_for(response))
    try:
        body = response.json()
        token = body[field_name]
        lifetime = float(body.get("expires_in", 300))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise VendorFailure(
            Outcome("vendor-error", status, reason="bad-token")
        ) from None
    if not isinstance(token, str) or not token:
        raise VendorFailure(Outcome("vendor-error", status, reason="bad-token"))
    return token, lifetime


def token_call(
    client: httpx.Client, method: str, url: str, **kwargs: Any
) -> httpx.Response:
    """A token request (its own error mapping: no token to refresh yet).

    Raises:
        VendorFailure: timeout or network.
    """
    try:
        return client.request(method, url, **kwargs)
    except httpx.TimeoutException:
        raise VendorFailure(Outcome("auth-failed", reason="token-timeout")) from None
    except httpx.TransportError:
        raise VendorFailure(Outcome("auth-failed", reason="token-network")) from None


def pages(
    fetch: Callable[[int], tuple[list[Any], bool]], *, limit: int = 10_000
) -> Iterator[Any]:
    """Items of numbered pages: ``fetch(n) -> (items, more)`` from page 0
    until ``more`` is false or a page is empty (``limit`` pages at most: a
    server that always says "more" cannot loop us for ever)."""
    for number in range(limit):
        items, more = fetch(number)
        yield from items
        if not items or not more:
            return


def counted_page(
    body: Any, items: str, total: str, number: int, size: int
) -> tuple[list[Any], bool]:
    """Page ``number`` of ``size`` items under ``body[items]``, with the count
    of all items in ``body[total]``: ``(items, more)``; ``([], False)`` when the
    body is not that shape."""
    found = body.get(items) if isinstance(body, dict) else None
    if not isinstance(found, list):
        return [], False
    count = body.get(total)
    return found, isinstance(count, int) and (number + 1) * size < count


def parsed(
    fetch: Callable[[int], tuple[list[Any], bool]],
    parse: Callable[[Any], tuple[str, VendorDevice] | None],
) -> Iterator[tuple[str, VendorDevice]]:
    """The inventory's ``(serial, device)`` pairs, page after page; records
    ``parse`` cannot read are skipped."""
    for item in pages(fetch):
        entry = parse(item)
        if entry is not None:
            yield entry


class HttpConnector:
    """The common shape: a :class:`VendorHttp`, a :class:`HashedInventory`,
    and two methods each vendor writes (:meth:`listing`, :meth:`send`).

    Args:
        settings: the connector's configuration.
        key: ``devices.serial_hmac_key``.
        auth: adds the credentials to each call (see :class:`VendorHttp`).
        transport: an httpx transport (tests only).
    """

    vendor: str = ""
    kind: str = ""

    def __init__(
        self,
        settings: ConnectorConfig,
        key: str,
        *,
        auth: Callable[[httpx.Client, bool], dict[str, str]] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.vendor = settings.vendor
        self.settings = settings
        self.http = VendorHttp(
            settings.base_url,
            ca_file=settings.ca_file,
            timeout=settings.timeout_seconds,
            auth=auth,
            transport=transport,
        )
        self.inventory = HashedInventory(key, ttl=float(settings.inventory_ttl_seconds))

    def listing(self) -> Iterable[tuple[str, VendorDevice]]:
        """``(serial, device)`` pairs of the vendor's inventory, paged."""
        raise NotImplementedError

    def send(self, device: VendorDevice, target: Target) -> Outcome:
        """The vendor's write call for ``device``."""
        raise NotImplementedError

    def release(self, target: Target, *, dry_run: bool) -> Outcome:
        """See :meth:`Connector.release`."""
        try:
            device = self.inventory.find(target.serial_hmac, self.listing)
            if device is None:
                return Outcome("not-found", reason="not-in-inventory")
            if device.state == "released":
                return Outcome(
                    "released", reason="already-released", vendor_ref=device.ref
                )
            if device.state == "pending":
                return Outcome(
                    "pending", reason="already-pending", vendor_ref=device.ref
                )
            if dry_run:
                return Outcome(
                    "released",
                    reason="dry-run",
                    vendor_ref=device.ref,
                    dry_run=True,
                    warnings=self.warnings(device),
                )
            outcome = self.send(device, target)
        except VendorFailure as failure:
            return failure.outcome
        if outcome.code in ("released", "pending"):
            self.inventory.forget(target.serial_hmac)
        return outcome

    def warnings(self, device: VendorDevice) -> tuple[str, ...]:
        """Codes IT must see before a release (none by default)."""
        return ()

    def close(self) -> None:
        """See :meth:`Connector.close`."""
        self.http.close()


__all__ = [
    "OUTCOME_CODES",
    "RETRYABLE",
    "CachedToken",
    "Connector",
    "DeviceState",
    "HashedInventory",
    "HttpConnector",
    "Outcome",
    "OutcomeCode",
    "Target",
    "VendorDevice",
    "VendorFailure",
    "VendorHttp",
    "counted_page",
    "failure_for",
    "pages",
    "parsed",
    "tls_context",
    "token_answer",
    "token_call",
    "url_problem",
]
