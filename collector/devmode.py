# SPDX-License-Identifier: MIT
"""``serve --dev``: what a trial on one workstation needs beyond unsigned tokens.

- :func:`unsigned_token`: the unsigned access tokens only a ``--dev`` collector
  accepts (``dev-token`` prints one; the helper gets its own from
  ``POST /api/v1/dev/token``).
- ``POST /api/v1/dev/token``: a report token for a helper whose configuration
  says ``reporting.dev_unsigned_tokens = true`` (docs/reporting.md). With a
  ``device_id`` (the Entra device id the helper reports), the token carries the
  ``deviceid`` claim, so a trial walks the whole path the dashboard follows:
  reported, then confirmed by the token (``token-device-id``), as a broker
  sign-in would. Everything a dev collector stores rests on unsigned tokens:
  its database is for the trial only (docs/collector.md).
- :class:`DevLogin`: the one-time link ``serve --dev`` prints. Opened in a
  browser on this machine, it sets a short-lived session cookie (HttpOnly,
  SameSite=Strict, loopback host only) that lets the browser read the
  dashboard and the CSV exports, instead of a header-adding extension.

Everything here exists only in ``--dev`` mode: :func:`register` adds nothing
otherwise, and a dev collector answers only requests that arrive on a loopback
socket and are addressed to a loopback name (:func:`loopback_host`: a web page
whose name was rebound to 127.0.0.1 is refused, so it cannot read a token).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from collector.auth import Principal

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import HTTPConnection, Request
    from starlette.responses import Response

    from collector.config import Config

TOKEN_PATH: Final = "/api/v1/dev/token"
LOGIN_PATH: Final = "/dev/login"
COOKIE: Final = "imc_dev_session"
# The printed link works once, within an hour; the browser's session lasts a
# working day, in this process only (a restart prints a new link).
LINK_SECONDS: Final = 3600.0
SESSION_SECONDS: Final = 8 * 3600
TOKEN_SECONDS: Final = 3600
# The dev reader and the dev helper user (fixed: one workstation, one user).
DEV_USER: Final = str(uuid.UUID(int=0xDE7))
DEV_READER: Final = str(uuid.UUID(int=0xDE7DEAD))
# A token request is a few bytes; more is refused before it is parsed.
MAX_TOKEN_REQUEST: Final = 64 * 1024
_GUID: Final = re.compile(
    r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
)


def _b64(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def unsigned_token(
    config: Config,
    *,
    read: bool = False,
    oid: str | None = None,
    device_id: str | None = None,
    lifetime: int = 8 * 3600,
    now: float | None = None,
) -> str:
    """An unsigned access token that a ``serve --dev`` collector with this
    configuration accepts (never accepted without ``--dev``).

    Args:
        config: its tenant, audience, issuer, helper client and scope or role.
        read: a reader token (the ``Migration.Read`` role) instead of a report one.
        oid: the user object id (default: :data:`DEV_USER`).
        device_id: an Entra device id for the ``deviceid`` claim.
        lifetime: seconds until ``exp``.
        now: epoch seconds (default: the clock).
    """
    auth = config.auth
    tenant = auth.tenants[0]
    issued = int(time.time() if now is None else now)
    claims: dict[str, Any] = {
        "aud": auth.audiences[0],
        "iss": auth.issuers[0].replace("{tid}", tenant),
        "tid": tenant,
        "oid": oid or DEV_USER,
        "azp": auth.report_client_ids[0],
        "scp": auth.report_scope,
        "ver": "2.0",
        "iat": issued,
        "nbf": issued,
        "exp": issued + lifetime,
    }
    if read:
        claims["roles"] = [auth.read_role]
    if device_id is not None:
        claims["deviceid"] = device_id.lower()
    return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."


def loopback_host(host_header: str | None) -> bool:
    """Is a ``Host`` header a loopback name (``127.0.0.1:8443``, ``[::1]``,
    ``localhost``)? A page on a rebound DNS name sends its own name."""
    from collector.config import is_loopback

    if not host_header:
        return False
    try:
        name = urllib.parse.urlsplit("//" + host_header.strip()).hostname
    except ValueError:
        return False
    return bool(name) and is_loopback(str(name))


def _digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).digest()


class DevLogin:
    """One-time login links and the browser sessions they open (in memory).

    Thread-safe. Only the SHA-256 of links and sessions is kept.

    Args:
        config: the collector's configuration (tenant and read role of the
            sessions' principal).
        clock: epoch seconds (injectable).
    """

    def __init__(
        self, config: Config, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._config = config
        self._clock = clock
        self._links: dict[bytes, float] = {}
        self._sessions: dict[bytes, float] = {}
        self._lock = threading.Lock()

    def new_link_code(self) -> str:
        """A code for :data:`LOGIN_PATH`, valid once, for :data:`LINK_SECONDS`."""
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._links[_digest(code)] = self._clock() + LINK_SECONDS
        return code

    def redeem(self, code: str) -> str | None:
        """A new session for a valid, unused link code; None otherwise."""
        now = self._clock()
        with self._lock:
            until = self._links.pop(_digest(code), None)
            if until is None or now >= until:
                return None
            session = secrets.token_urlsafe(32)
            self._sessions[_digest(session)] = now + SESSION_SECONDS
            return session

    def principal(self, connection: HTTPConnection) -> Principal | None:
        """The dev reader, when the request carries a live session cookie."""
        session = connection.cookies.get(COOKIE)
        if not session:
            return None
        now = self._clock()
        with self._lock:
            until = self._sessions.get(_digest(session))
            if until is None:
                return None
            if now >= until:
                del self._sessions[_digest(session)]
                return None
        auth = self._config.auth
        return Principal(
            tid=auth.tenants[0].lower(),
            oid=DEV_READER,
            client_app_id="",
            scopes=frozenset(),
            roles=frozenset({auth.read_role}),
            unsigned=True,
        )


def _problem(status: int, code: str, detail: str) -> Response:
    from collector.app import problem

    return problem(status, code, detail)


async def login(request: Request) -> Response:
    """``GET /dev/login?code=...``: the session cookie, then the dashboard."""
    from starlette.responses import RedirectResponse

    dev: DevLogin = request.app.state.dev_login
    session = dev.redeem(request.query_params.get("code", ""))
    if session is None:
        return _problem(
            403,
            "dev-login-invalid",
            "this sign-in link was already used or has expired: stop the "
            "collector and run `intune-migration-collector serve --dev` again "
            "for a new one",
        )
    has_dashboard = any(
        getattr(route, "path", "") == "/dashboard" for route in request.app.routes
    )
    target = "/dashboard" if has_dashboard else "/api/v1/devices"
    root = str(request.scope.get("root_path", "")).rstrip("/")
    response = RedirectResponse(root + target, status_code=303)
    response.set_cookie(
        COOKIE,
        session,
        max_age=SESSION_SECONDS,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


async def token(request: Request) -> Response:
    """``POST /api/v1/dev/token``: an unsigned report token for a trial helper.

    Body: nothing, or ``{"device_id": "<Entra device id>"}`` (JSON).
    """
    from starlette.responses import JSONResponse

    body = await request.body()
    if len(body) > MAX_TOKEN_REQUEST:
        return _problem(413, "body-too-large", "a token request is a few bytes")
    device_id: str | None = None
    if body.strip():
        content_type = request.headers.get("content-type", "")
        if content_type.partition(";")[0].strip().lower() != "application/json":
            return _problem(
                415, "unsupported-media-type", "Content-Type must be application/json"
            )
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return _problem(400, "not-json", "the body is not JSON")
        if not isinstance(data, dict) or set(data) - {"device_id"}:
            return _problem(
                400, "bad-request", 'expected {"device_id": "<GUID>"} or nothing'
            )
        value = data.get("device_id", "")
        if "device_id" in data and not (isinstance(value, str) and _GUID.match(value)):
            return _problem(400, "bad-request", "device_id: expected a GUID")
        device_id = value or None
    config: Config = request.app.state.config
    clock: Callable[[], float] = request.app.state.clock
    return JSONResponse(
        {
            "access_token": unsigned_token(
                config, device_id=device_id, lifetime=TOKEN_SECONDS, now=clock()
            ),
            "token_type": "Bearer",
            "expires_in": TOKEN_SECONDS,
        },
        headers={"Cache-Control": "no-store"},
    )


def register(app: Starlette, config: Config) -> None:
    """Add the dev routes and the login state (``--dev`` only; else nothing)."""
    from starlette.routing import Route

    if not config.dev:
        return
    app.state.dev_login = DevLogin(config, clock=app.state.clock)
    app.router.routes.append(Route(LOGIN_PATH, login, methods=["GET"]))
    app.router.routes.append(Route(TOKEN_PATH, token, methods=["POST"]))


def browser_urls(app: Starlette, base_url: str) -> tuple[str, str]:
    """The dashboard's URL and a new one-time sign-in link for it."""
    dev: DevLogin = app.state.dev_login
    code = dev.new_link_code()
    return f"{base_url}/dashboard", f"{base_url}{LOGIN_PATH}?code={code}"


__all__ = [
    "COOKIE",
    "DEV_READER",
    "DEV_USER",
    "LOGIN_PATH",
    "TOKEN_PATH",
    "DevLogin",
    "browser_urls",
    "loopback_host",
    "register",
    "unsigned_token",
]
