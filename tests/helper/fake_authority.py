# SPDX-License-Identifier: MIT
"""A local Entra look-alike over HTTPS, for msal end to end (ci-recipes §5.3).

:class:`FakeAuthority` is a stdlib ``ThreadingHTTPServer`` on ``127.0.0.1`` (port
0), TLS with a trustme certificate, addressed as ``https://localhost:PORT`` so
the certificate matches. It serves what msal asks for, and nothing else:

- ``GET /{tenant}/v2.0/.well-known/openid-configuration`` (msal's constructor);
- ``POST /{tenant}/oauth2/v2.0/devicecode``;
- ``GET /{tenant}/oauth2/v2.0/authorize``: "signs in" at once and answers with
  Entra's ``form_post`` page aimed at msal's localhost redirect;
- ``POST /{tenant}/oauth2/v2.0/token``: device-code, authorization-code (PKCE
  S256 checked) and refresh grants. Refresh tokens rotate (a used one is gone);
  an unknown one gets ``invalid_grant`` as Entra answers for a revoked token.

Every request is logged (method, path, form) so tests can assert the grant
sequence, and every secret it issued (access, refresh and id tokens, device and
authorization codes) is in :attr:`FakeAuthority.secrets` so tests can look for
them where they must not be (logs, files on disk).

Tokens have real shapes: access and id tokens are (unsigned) JWTs, refresh
tokens and codes are opaque ``1.A...`` strings like Entra's.

:class:`FakeBrowser` plays the user's browser for msal's interactive flow.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import secrets
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

USERNAME = "alice@contoso.example"
OBJECT_ID = "00000000-0000-0000-0000-00000000a11c"
TENANT_GUID = "00000000-0000-0000-0000-0000000c0450"
USER_CODE = "FAKE-CODE"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _jwt(claims: dict[str, Any]) -> str:
    header = _b64url(json.dumps({"typ": "JWT", "alg": "none"}).encode())
    payload = _b64url(json.dumps(claims).encode())
    # An Entra-sized signature; msal does not check it.
    return f"{header}.{payload}.{_b64url(secrets.token_bytes(64))}"


def _opaque() -> str:
    # Entra refresh tokens and codes look like "1.AXkA..." (or "0.A...").
    return "1.AXkA" + secrets.token_urlsafe(48)


@dataclass(frozen=True)
class Recorded:
    """One request the authority received."""

    method: str
    path: str
    form: dict[str, str] = field(default_factory=dict)

    @property
    def grant_type(self) -> str:
        """The short grant type of a token request (``refresh_token``...)."""
        return self.form.get("grant_type", "").rsplit(":", 1)[-1]


@dataclass
class _Pending:
    scope: str
    polls_left: int


@dataclass
class _AuthCode:
    scope: str
    redirect_uri: str
    challenge: str
    nonce: str


class FakeAuthority:
    """The fake Entra. Use as a context manager or call start() / stop().

    Args:
        server_context: TLS context holding the ``localhost`` certificate.
        tenant: the tenant path segment.
        pending_polls: how many device-code polls answer authorization_pending.
        expires_in: access token lifetime in seconds (< 300: msal renews at once).
        interval: the device-code polling interval announced (0: no sleep).
    """

    def __init__(
        self,
        server_context: ssl.SSLContext,
        *,
        tenant: str = "contoso-tenant",
        pending_polls: int = 1,
        expires_in: int = 3600,
        interval: int = 0,
    ) -> None:
        self.tenant = tenant
        self.pending_polls = pending_polls
        self.expires_in = expires_in
        self.interval = interval
        self.deny_authorize = False  # the user declines in the browser
        self._context = server_context
        self._lock = threading.Lock()
        self._requests: list[Recorded] = []
        self._device_codes: dict[str, _Pending] = {}
        self._auth_codes: dict[str, _AuthCode] = {}
        self._refresh_tokens: dict[str, str] = {}  # token -> scope
        self._secrets: set[str] = set()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------

    def start(self) -> Self:
        """Listen on a free port and serve from a daemon thread."""
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.socket = self._context.wrap_socket(server.socket, server_side=True)
        server.authority = self  # type: ignore[attr-defined]
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},  # stop() waits up to one interval
            name="fake-authority",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket (idempotent)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what tests read -----------------------------------------------------------

    @property
    def base(self) -> str:
        """``https://localhost:PORT``."""
        return f"https://localhost:{self.port}"

    @property
    def authority(self) -> str:
        """The authority URL for msal: ``https://localhost:PORT/<tenant>``."""
        return f"{self.base}/{self.tenant}"

    @property
    def requests(self) -> list[Recorded]:
        """Every request so far, in order."""
        with self._lock:
            return list(self._requests)

    def token_grants(self) -> list[str]:
        """The grant type of every token request so far (short names)."""
        return [r.grant_type for r in self.requests if r.path.endswith("/token")]

    @property
    def secrets(self) -> set[str]:
        """Every token and code issued so far."""
        with self._lock:
            return set(self._secrets)

    @property
    def live_refresh_tokens(self) -> set[str]:
        """Refresh tokens that would still be accepted."""
        with self._lock:
            return set(self._refresh_tokens)

    def revoke_all(self) -> None:
        """Forget every refresh token (password reset, admin revocation)."""
        with self._lock:
            self._refresh_tokens.clear()

    # -- endpoints -------------------------------------------------------------------

    def _record(self, method: str, path: str, form: dict[str, str]) -> None:
        with self._lock:
            self._requests.append(Recorded(method, path, form))

    def openid_configuration(self) -> dict[str, Any]:
        prefix = f"{self.authority}/oauth2/v2.0"
        return {
            "issuer": f"{self.base}/{TENANT_GUID}/v2.0",
            "authorization_endpoint": f"{prefix}/authorize",
            "token_endpoint": f"{prefix}/token",
            "device_authorization_endpoint": f"{prefix}/devicecode",
            "jwks_uri": f"{self.authority}/discovery/v2.0/keys",
            "response_types_supported": ["code", "id_token", "code id_token"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def devicecode(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        code = _opaque()
        with self._lock:
            self._device_codes[code] = _Pending(
                form.get("scope", ""), self.pending_polls
            )
            self._secrets.add(code)
        return 200, {
            "device_code": code,
            "user_code": USER_CODE,
            "verification_uri": "https://microsoft.com/devicelogin",
            "expires_in": 900,
            "interval": self.interval,
            "message": f"To sign in, use a web browser to open the page "
            f"https://microsoft.com/devicelogin and enter the code {USER_CODE} "
            "to authenticate.",
        }

    def authorize(self, query: dict[str, str]) -> tuple[int, str]:
        redirect_uri = query.get("redirect_uri", "")
        fields = {"state": query.get("state", "")}
        if self.deny_authorize:
            fields |= {
                "error": "access_denied",
                "error_description": "AADSTS65004: User declined to consent.",
            }
        else:
            code = _opaque()
            with self._lock:
                self._auth_codes[code] = _AuthCode(
                    scope=query.get("scope", ""),
                    redirect_uri=redirect_uri,
                    challenge=query.get("code_challenge", ""),
                    nonce=query.get("nonce", ""),
                )
                self._secrets.add(code)
            fields |= {"code": code, "session_state": secrets.token_hex(8)}
        inputs = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}"/>'
            for k, v in fields.items()
        )
        page = (
            "<html><body onload='document.forms[0].submit()'>"
            f'<form method="POST" action="{html.escape(redirect_uri)}">{inputs}'
            "</form></body></html>"
        )
        return 200, page

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        grant = form.get("grant_type", "")
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            return self._device_grant(form)
        if grant == "authorization_code":
            return self._code_grant(form)
        if grant == "refresh_token":
            return self._refresh_grant(form)
        return 400, _error("unsupported_grant_type", "AADSTS70003")

    def _device_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            pending = self._device_codes.get(form.get("device_code", ""))
            if pending is None:
                return 400, _error("expired_token", "AADSTS70020")
            if pending.polls_left > 0:
                pending.polls_left -= 1
                return 400, _error("authorization_pending", "AADSTS70016")
            del self._device_codes[form["device_code"]]
        return 200, self._issue(pending.scope, nonce=None)

    def _code_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            grant = self._auth_codes.pop(form.get("code", ""), None)
        if grant is None or form.get("redirect_uri") != grant.redirect_uri:
            return 400, _error("invalid_grant", "AADSTS70008")
        verifier = form.get("code_verifier", "")
        if _b64url(hashlib.sha256(verifier.encode()).digest()) != grant.challenge:
            return 400, _error("invalid_grant", "AADSTS501481")
        return 200, self._issue(form.get("scope", grant.scope), nonce=grant.nonce)

    def _refresh_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            known = self._refresh_tokens.pop(form.get("refresh_token", ""), None)
        if known is None:
            return 400, _error("invalid_grant", "AADSTS700082")
        return 200, self._issue(form.get("scope", known), nonce=None)

    def _issue(self, scope: str, *, nonce: str | None) -> dict[str, Any]:
        now = int(time.time())
        access = _jwt(
            {
                "aud": "api://collector",
                "iss": f"{self.base}/{TENANT_GUID}/v2.0",
                "iat": now,
                "exp": now + self.expires_in,
                "oid": OBJECT_ID,
                "tid": TENANT_GUID,
                "scp": "Migration.Report",
                "jti": secrets.token_urlsafe(16),
            }
        )
        id_claims: dict[str, Any] = {
            "iss": f"{self.base}/{TENANT_GUID}/v2.0",
            "aud": "client",
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "sub": "subject-" + OBJECT_ID,
            "oid": OBJECT_ID,
            "tid": TENANT_GUID,
            "preferred_username": USERNAME,
            "name": "Alice",
            "ver": "2.0",
        }
        if nonce:
            id_claims["nonce"] = nonce
        id_token = _jwt(id_claims)
        refresh = _opaque()
        with self._lock:
            self._refresh_tokens[refresh] = scope
            self._secrets.update({access, refresh, id_token})
        client_info = {"uid": OBJECT_ID, "utid": TENANT_GUID}
        return {
            "token_type": "Bearer",
            "scope": scope,
            "expires_in": self.expires_in,
            "ext_expires_in": self.expires_in,
            "access_token": access,
            "refresh_token": refresh,
            "id_token": id_token,
            "client_info": _b64url(json.dumps(client_info).encode()),
        }


def _error(error: str, aadsts: str) -> dict[str, Any]:
    return {
        "error": error,
        "error_description": f"{aadsts}: fake authority says {error}.\r\n"
        f"Trace ID: {secrets.token_hex(8)}",
        "error_codes": [int(aadsts.removeprefix("AADSTS"))],
        "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime()),
    }


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.0 (the default) closes every connection after one response, so no
    # keep-alive handler thread outlives a test.
    server: Any

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the authority keeps its own request log

    def _route(self) -> tuple[FakeAuthority, str, str]:
        authority: FakeAuthority = self.server.authority
        path, _, query = self.path.partition("?")
        prefix = f"/{authority.tenant}"
        return (
            authority,
            path.removeprefix(prefix) if path.startswith(prefix) else "",
            query,
        )

    def do_GET(self) -> None:
        authority, route, query = self._route()
        form = dict(urllib.parse.parse_qsl(query))
        authority._record("GET", self.path.partition("?")[0], form)
        if route == "/v2.0/.well-known/openid-configuration":
            self._json(200, authority.openid_configuration())
        elif route == "/oauth2/v2.0/authorize":
            status, page = authority.authorize(form)
            self._send(status, page.encode(), "text/html")
        else:
            self._json(404, {"error": "not_found"})

    def do_POST(self) -> None:
        authority, route, _ = self._route()
        length = int(self.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        authority._record("POST", self.path, form)
        if route == "/oauth2/v2.0/devicecode":
            self._json(*authority.devicecode(form))
        elif route == "/oauth2/v2.0/token":
            self._json(*authority.token(form))
        else:
            self._json(404, {"error": "not_found"})

    def _json(self, status: int, body: dict[str, Any]) -> None:
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_INPUT = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)"/>')
_ACTION = re.compile(r'<form method="POST" action="([^"]*)">')


class FakeBrowser:
    """The user's browser, for msal's system-browser flow.

    Install it with ``monkeypatch.setattr(webbrowser, "open", browser.open)`` and
    ``monkeypatch.setattr(webbrowser, "get", browser.get)``. ``open()`` returns at
    once (a browser is another process) and, from a thread, loads the authorize
    URL (trusting the test CA) and submits its ``form_post`` page to msal's
    localhost listener, as the page's onload script would.

    Args:
        client_context: TLS context trusting the test CA.
    """

    def __init__(self, client_context: ssl.SSLContext) -> None:
        self._context = client_context
        self.opened: list[str] = []
        self.errors: list[BaseException] = []
        self._threads: list[threading.Thread] = []

    def get(self, using: str | None = None) -> Self:
        """``webbrowser.get()``: this browser."""
        return self

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        """``webbrowser.open()``: visit ``url`` in the background."""
        self.opened.append(url)
        thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
        self._threads.append(thread)
        thread.start()
        return True

    def join(self, timeout: float = 10) -> None:
        """Wait for every visit; re-raise the first failure."""
        for thread in self._threads:
            thread.join(timeout)
        if self.errors:
            raise self.errors[0]

    def _visit(self, url: str) -> None:
        import httpx

        try:
            with httpx.Client(verify=self._context, trust_env=False) as client:
                page = client.get(url).text
                action = _ACTION.search(page)
                assert action is not None, "no form_post page"
                fields = {
                    html.unescape(k): html.unescape(v) for k, v in _INPUT.findall(page)
                }
                client.post(html.unescape(action.group(1)), data=fields)
        except BaseException as exc:  # reported by join(), on the test's thread
            self.errors.append(exc)


def iter_secrets_in(text: str, secrets_: set[str]) -> Iterator[str]:
    """The issued secrets that appear in ``text`` (shortened for messages)."""
    for secret in secrets_:
        if secret in text:
            yield secret[:12] + "..."
