# SPDX-License-Identifier: MIT
"""A local stand-in for Entra's token endpoint, managed identity and the Azure
Monitor Logs Ingestion API, over HTTPS on loopback (the test CA).

It checks every request the way the documented API does (reporting reference
§2.2) and records what it saw; a test asserts :attr:`FakeLogsIngestion.problems`
is empty and reads :attr:`records`:

- ``POST /{tenant}/oauth2/v2.0/token``: client credentials with a secret or a
  certificate assertion (RS256, signed by the registered certificate's key,
  ``aud`` = this URL, ``iss`` = ``sub`` = the client id);
- ``GET /metadata/identity/oauth2/token`` (IMDS: ``Metadata: true``) and
  ``GET /msi/token`` (App Service: ``X-IDENTITY-HEADER``);
- ``POST /dataCollectionRules/{dcr}/streams/{stream}?api-version=2023-01-01``:
  a bearer token it issued, ``Content-Type: application/json``, gzip or no
  encoding, at most 1 MB as sent and once decompressed, a non-empty JSON array
  of flat records (scalar values) each with an RFC 3339 ``TimeGenerated``,
  column names of at most 45 characters and none reserved. Answers 204, or
  the next injected failure (:meth:`fail_next`: 429 + Retry-After, 503...).
"""

from __future__ import annotations

import base64
import datetime
import gzip
import hashlib
import json
import threading
import time
import urllib.parse
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

import jwt

from tests.collector.loopback import LoopbackHttps
from tests.collector.support import Certs

DCR = "dcr-0123456789abcdef0123456789abcdef"
STREAM = "Custom-MigrationStatus"
API_VERSION = "2023-01-01"
SCOPE = "https://monitor.azure.com//.default"
RESOURCE = "https://monitor.azure.com/"
CLIENT_ID = "5e1f0000-0000-4000-8000-00000000f0e1"
SECRET = "fake-secret-value"
IDENTITY_HEADER = "fake-identity-header"
MAX_BYTES = 1_000_000
RESERVED = frozenset({"TenantId", "Type", "_ResourceId"})


@dataclass
class Call:
    """One ingestion request as received."""

    at: float
    status: int
    sent_bytes: int
    json_bytes: int
    records: int
    encoding: str


@dataclass
class FakeLogsIngestion:
    """The fake service; :meth:`start` it, :meth:`close` it.

    Attributes:
        tenant: the tenant in the token endpoint's path.
        certificate_der: the DER certificate whose key signs assertions.
        records: the records accepted, in arrival order.
        calls: every ingestion request.
        token_requests: every token request (form or query, no secrets).
        problems: protocol violations seen (a test expects none).
        reject_event_ids: records with these ``EventId`` make a 400.
    """

    certs: Certs
    tenant: str = "72f988bf-86f1-41af-91ab-2d7cd011db47"
    certificate_der: bytes | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    reject_event_ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._failures: deque[tuple[int, dict[str, str]]] = deque()
        self._tokens: set[str] = set()
        self._lock = threading.Lock()
        self._https: LoopbackHttps | None = None
        self.url = ""

    # --- control --------------------------------------------------------------

    def start(self) -> FakeLogsIngestion:
        """Serve on a free port of 127.0.0.1 (URL with ``localhost``)."""
        self._https = LoopbackHttps(self.certs, self._get, self._post)
        self.url = self._https.start()
        return self

    def close(self) -> None:
        """Stop serving."""
        if self._https is not None:
            self._https.close()

    def fail_next(self, status: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next ingestion request with ``status`` (queued in order)."""
        with self._lock:
            self._failures.append((status, headers or {}))

    def fail_always(self, status: int, count: int = 1000) -> None:
        """Answer the next ``count`` ingestion requests with ``status``."""
        for _ in range(count):
            self.fail_next(status)

    def heal(self) -> None:
        """Forget the injected failures."""
        with self._lock:
            self._failures.clear()

    def revoke_tokens(self) -> None:
        """Every token issued so far is refused from now on (401)."""
        with self._lock:
            self._tokens.clear()

    @property
    def ingest_url(self) -> str:
        """What the forward's ``endpoint`` should be."""
        return self.url

    @property
    def token_authority(self) -> str:
        """What the forward's ``authority`` should be."""
        return self.url

    def wait_for(self, count: int, timeout: float = 15.0) -> bool:
        """Wait until ``count`` records arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.records) >= count:
                    return True
            time.sleep(0.02)
        return False

    # --- plumbing ------------------------------------------------------------------

    def _problem(self, text: str) -> None:
        with self._lock:
            self.problems.append(text)

    @staticmethod
    def _answer(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if body is not None:
            handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _issue(self, handler: BaseHTTPRequestHandler) -> None:
        token = f"fake-token-{uuid.uuid4().hex}"
        with self._lock:
            self._tokens.add(token)
        self._answer(
            handler,
            200,
            {"token_type": "Bearer", "expires_in": 3599, "access_token": token},
        )

    @staticmethod
    def _body(handler: BaseHTTPRequestHandler) -> bytes:
        length = handler.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return b""
        return handler.rfile.read(int(length))

    # --- GET: managed identity ---------------------------------------------------

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        with self._lock:
            self.token_requests.append({"path": parts.path, **query})
        if parts.path == "/metadata/identity/oauth2/token":
            ok = (
                handler.headers.get("Metadata") == "true"
                and query.get("api-version") == "2018-02-01"
                and query.get("resource") == RESOURCE
            )
        elif parts.path == "/msi/token":
            ok = (
                handler.headers.get("X-IDENTITY-HEADER") == IDENTITY_HEADER
                and query.get("api-version") == "2019-08-01"
                and query.get("resource") == RESOURCE
            )
        else:
            self._answer(handler, 404, {"error": "not_found"})
            return
        if not ok:
            self._problem(f"bad managed identity request: {handler.path}")
            self._answer(handler, 400, {"error": "invalid_request"})
            return
        self._issue(handler)

    # --- POST: token endpoint and ingestion ----------------------------------------

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        body = self._body(handler)
        if parts.path == f"/{self.tenant}/oauth2/v2.0/token":
            self._token(handler, body)
        elif parts.path.startswith("/dataCollectionRules/"):
            self._ingest(handler, parts, body)
        else:
            self._problem(f"unexpected POST {parts.path}")
            self._answer(handler, 404, {"error": {"code": "NotFound"}})

    def _token(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        form = dict(urllib.parse.parse_qsl(body.decode()))
        with self._lock:
            self.token_requests.append(
                {k: v for k, v in form.items() if k not in ("client_secret",)}
            )
        if (
            form.get("grant_type") != "client_credentials"
            or form.get("scope") != SCOPE
            or form.get("client_id") != CLIENT_ID
        ):
            self._problem(f"bad token request: {sorted(form)}")
            self._answer(handler, 400, {"error": "invalid_request"})
            return
        if "client_secret" in form:
            if form["client_secret"] != SECRET:
                self._answer(handler, 401, {"error": "invalid_client"})
                return
        elif not self._assertion_ok(form.get("client_assertion", ""), form):
            self._answer(handler, 401, {"error": "invalid_client"})
            return
        self._issue(handler)

    def _assertion_ok(self, assertion: str, form: dict[str, str]) -> bool:
        from cryptography import x509

        if (
            form.get("client_assertion_type")
            != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            or self.certificate_der is None
        ):
            self._problem("bad client assertion type")
            return False
        cert = x509.load_der_x509_certificate(self.certificate_der)
        header = jwt.get_unverified_header(assertion)
        thumb = (
            base64.urlsafe_b64encode(hashlib.sha256(self.certificate_der).digest())
            .rstrip(b"=")
            .decode()
        )
        if header.get("x5t#S256") != thumb:
            self._problem("assertion thumbprint does not match")
            return False
        try:
            claims = jwt.decode(
                assertion,
                cert.public_key(),  # type: ignore[arg-type]
                algorithms=["RS256"],
                audience=f"{self.url}/{self.tenant}/oauth2/v2.0/token",
                options={"require": ["exp", "nbf", "aud", "iss", "sub", "jti"]},
            )
        except jwt.InvalidTokenError as exc:
            self._problem(f"bad assertion: {exc}")
            return False
        return bool(claims["iss"] == claims["sub"] == CLIENT_ID)

    def _ingest(
        self,
        handler: BaseHTTPRequestHandler,
        parts: urllib.parse.SplitResult,
        sent: bytes,
    ) -> None:
        problems: list[str] = []
        status = 204
        if parts.path != f"/dataCollectionRules/{DCR}/streams/{STREAM}":
            problems.append(f"path {parts.path}")
            status = 404
        if dict(urllib.parse.parse_qsl(parts.query)).get("api-version") != API_VERSION:
            problems.append(f"query {parts.query}")
            status = 400
        auth = handler.headers.get("Authorization", "")
        with self._lock:
            known = auth.startswith("Bearer ") and auth[7:] in self._tokens
        if not known:
            self._answer(handler, 401, {"error": {"code": "InvalidToken"}})
            return
        if handler.headers.get("Content-Type", "").split(";")[0] != "application/json":
            problems.append(f"content type {handler.headers.get('Content-Type')}")
            status = 415
        encoding = handler.headers.get("Content-Encoding", "")
        data = sent
        if len(sent) > MAX_BYTES:
            problems.append(f"{len(sent)} bytes sent")
            status = 413
        elif encoding == "gzip":
            data = gzip.decompress(sent)
        elif encoding:
            problems.append(f"encoding {encoding}")
            status = 415
        if len(data) > MAX_BYTES:
            problems.append(f"{len(data)} bytes of JSON")
            status = 413
        records: list[dict[str, Any]] = []
        if status == 204:
            records, found = _check_records(data)
            problems += found
            if found:
                status = 400
        with self._lock:
            self.calls.append(
                Call(time.time(), status, len(sent), len(data), len(records), encoding)
            )
        if problems:
            for problem in problems:
                self._problem(problem)
            self._answer(handler, status, {"error": {"code": "InvalidRequest"}})
            return
        with self._lock:
            failure = self._failures.popleft() if self._failures else None
        if failure is not None:
            failed, headers = failure
            with self._lock:
                self.calls[-1].status = failed
            self._answer(handler, failed, {"error": {"code": "Injected"}}, headers)
            return
        if any(r.get("EventId") in self.reject_event_ids for r in records):
            with self._lock:
                self.calls[-1].status = 400
            self._answer(handler, 400, {"error": {"code": "InvalidRecord"}})
            return
        with self._lock:
            self.records.extend(records)
        self._answer(handler, 204)


def _check_records(data: bytes) -> tuple[list[dict[str, Any]], list[str]]:
    try:
        records = json.loads(data)
    except ValueError:
        return [], ["body is not JSON"]
    if not isinstance(records, list) or not records:
        return [], ["body is not a non-empty JSON array"]
    problems: list[str] = []
    for index, item in enumerate(records):
        if not isinstance(item, dict):
            problems.append(f"record {index} is not an object")
            continue
        for name, value in item.items():
            if len(name) > 45 or name in RESERVED:
                problems.append(f"record {index}: column name {name!r}")
            if isinstance(value, dict | list):
                problems.append(f"record {index}: {name} is not flat")
        stamp = item.get("TimeGenerated")
        try:
            datetime.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"record {index}: TimeGenerated {stamp!r}")
    return records, problems


__all__ = [
    "API_VERSION",
    "CLIENT_ID",
    "DCR",
    "IDENTITY_HEADER",
    "MAX_BYTES",
    "SECRET",
    "STREAM",
    "Call",
    "FakeLogsIngestion",
]
