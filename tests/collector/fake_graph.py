# SPDX-License-Identifier: MIT
"""A local stand-in for Entra's token endpoint and the Microsoft Graph calls
the Intune confirmation makes, over HTTPS on loopback (the test CA).

Built from the documented shapes (vendor-apis.md §7.8, Microsoft's
"certificate credentials" page) and checked the way the services check:

- ``POST /{tenant}/oauth2/v2.0/token``: ``grant_type=client_credentials``,
  ``scope`` ``{graph}/.default``, and either the registered ``client_secret``
  or a ``client_assertion`` (``alg`` PS256, ``x5t#S256`` = the registered
  certificate's SHA-256 thumbprint, signed by its key, ``aud`` = this URL,
  ``iss`` = ``sub`` = the client id, ``jti``, a lifetime of at most 10
  minutes). Wrong: 400/401 with an AADSTS error body like Entra's;
- ``GET /v1.0/deviceManagement/managedDevices`` (``$select``, ``$filter=
  serialNumber eq '...'``), ``GET /v1.0/devices`` (``$select``, ``$filter=
  deviceId eq '...'``), ``GET /v1.0/informationProtection/bitlocker/
  recoveryKeys`` (``$filter=deviceId eq '...'``; the ``key`` only on
  ``$select=key``, which this fake records as a problem: the collector must
  never ask). A bearer token it issued is required, and a ``User-Agent``;
- paging: ``page_size`` objects a page, ``@odata.nextLink`` a full URL with a
  ``$skiptoken``; the last page has none;
- failures: :meth:`fail_next` answers the next Graph call with a status (429
  with or without ``Retry-After``, 503, 500...); a permission left out of
  :attr:`granted` is a 403 ``Authorization_RequestDenied``.

A test asserts :attr:`problems` is empty.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import re
import threading
import time
import urllib.parse
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.collector.loopback import LoopbackHttps
from tests.collector.support import Certs

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
CLIENT_ID = "6a1f0000-0000-4000-8000-0000000c0f1e"
SECRET = "graph-fake-secret-value-do-not-log"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
MANAGED = "/v1.0/deviceManagement/managedDevices"
DEVICES = "/v1.0/devices"
KEYS = "/v1.0/informationProtection/bitlocker/recoveryKeys"
PERMISSIONS = {
    MANAGED: "DeviceManagementManagedDevices.Read.All",
    DEVICES: "Device.Read.All",
    KEYS: "BitlockerKey.ReadBasic.All",
}
_FILTER = re.compile(r"^(\w+) eq '((?:[^']|'')*)'$")


def app_certificate(folder: Any, *, name: str = "graph.pem") -> tuple[Any, bytes]:
    """A self-signed RSA certificate and key in one PEM file (mode 0600);
    returns ``(path, certificate DER)``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "collector-graph")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path = folder / name
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + cert.public_bytes(serialization.Encoding.PEM)
    )
    path.chmod(0o600)
    return path, cert.public_bytes(serialization.Encoding.DER)


def managed_device(
    serial: str,
    *,
    compliance: str = "compliant",
    os: str = "Windows",
    entra: str | None = None,
    user: str | None = None,
    last_sync: str = "2026-05-04T09:30:00Z",
    enrolled: str = "2026-05-04T09:00:00Z",
) -> dict[str, Any]:
    """A full ``managedDevice`` as Graph holds it (more than the collector
    selects: names and e-mail the fake must leave out)."""
    return {
        "id": str(uuid.uuid4()),
        "serialNumber": serial,
        "deviceName": f"PC-{serial}",
        "userPrincipalName": "alice@contoso.example",
        "emailAddress": "alice@contoso.example",
        "complianceState": compliance,
        "operatingSystem": os,
        "osVersion": "10.0.26100.1",
        "enrolledDateTime": enrolled,
        "lastSyncDateTime": last_sync,
        "azureADDeviceId": entra or str(uuid.uuid4()),
        "azureADRegistered": True,
        "deviceEnrollmentType": "windowsAzureADJoin",
        "managementAgent": "mdm",
        "userId": user or str(uuid.uuid4()),
        "isEncrypted": True,
    }


@dataclass
class FakeGraph:
    """The fake services; :meth:`start` them, :meth:`close` them.

    Attributes:
        managed: Intune's managed devices (full objects).
        entra: Entra devices (``deviceId``, ``trustType``, ...).
        keys: BitLocker recovery keys (with their ``key`` values).
        granted: the application permissions consented.
        page_size: objects per page.
        certificate_der: the app's registered certificate.
        requests: Graph calls as ``(path, query dict)``.
        token_forms: token requests (form keys only, no values).
        problems: protocol violations seen.
        ignored_filters: properties whose ``$filter`` is ignored (all match).
    """

    certs: Certs
    certificate_der: bytes = b""
    managed: list[dict[str, Any]] = field(default_factory=list)
    entra: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    granted: set[str] = field(default_factory=lambda: set(PERMISSIONS.values()))
    page_size: int = 1000
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    token_forms: list[list[str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    ignored_filters: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._failures: deque[tuple[int, dict[str, str]]] = deque()
        self._tokens: set[str] = set()
        self._lock = threading.Lock()
        self._https: LoopbackHttps | None = None
        self.url = ""

    def start(self) -> FakeGraph:
        """Serve on a free port of 127.0.0.1 (URL with ``localhost``)."""
        self._https = LoopbackHttps(self.certs, self._get, self._post)
        self.url = self._https.start()
        return self

    def close(self) -> None:
        """Stop serving."""
        if self._https is not None:
            self._https.close()

    def fail_next(self, status: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next Graph call with ``status`` (queued in order)."""
        with self._lock:
            self._failures.append((status, headers or {}))

    def revoke_tokens(self) -> None:
        """Forget every token issued (they now get 401)."""
        with self._lock:
            self._tokens.clear()

    def add_entra(self, device: dict[str, Any], trust: str = "AzureAd") -> None:
        """The Entra object of a managed device."""
        self.entra.append(
            {
                "id": str(uuid.uuid4()),
                "deviceId": device["azureADDeviceId"],
                "displayName": device["deviceName"],
                "trustType": trust,
                "isManaged": True,
                "isCompliant": device["complianceState"] == "compliant",
            }
        )

    def add_key(self, device: dict[str, Any], volume: str = "1") -> None:
        """A BitLocker recovery key escrowed for a managed device."""
        self.keys.append(
            {
                "id": str(uuid.uuid4()),
                "createdDateTime": "2026-05-04T09:10:00Z",
                "volumeType": volume,
                "deviceId": device["azureADDeviceId"],
                "key": "111111-222222-333333-444444-555555-666666-777777-888888",
            }
        )

    # --- HTTP -----------------------------------------------------------------

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: Any,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _aadsts(
        self, handler: BaseHTTPRequestHandler, status: int, error: str, code: int
    ) -> None:
        self._send(
            handler,
            status,
            {
                "error": error,
                "error_description": f"AADSTS{code}: refused by the fake. Trace ID: x",
                "error_codes": [code],
                "timestamp": "2026-05-04 09:00:00Z",
                "trace_id": str(uuid.uuid4()),
                "correlation_id": str(uuid.uuid4()),
            },
        )

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        path = urllib.parse.urlsplit(handler.path).path
        length = int(handler.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(handler.rfile.read(length).decode()))
        with self._lock:
            self.token_forms.append(sorted(form))
        if path != f"/{TENANT}/oauth2/v2.0/token":
            self._aadsts(handler, 400, "invalid_request", 90002)
            return
        if form.get("grant_type") != "client_credentials":
            self._aadsts(handler, 400, "unsupported_grant_type", 70003)
            return
        if form.get("scope") != f"{self.url}/.default":
            self._aadsts(handler, 400, "invalid_scope", 1002012)
            return
        if form.get("client_id") != CLIENT_ID:
            self._aadsts(handler, 400, "unauthorized_client", 700016)
            return
        if "client_assertion" in form:
            if not self._assertion_ok(form, f"{self.url}{path}"):
                self._aadsts(handler, 401, "invalid_client", 700027)
                return
        elif form.get("client_secret") != SECRET:
            self._aadsts(handler, 401, "invalid_client", 7000215)
            return
        token = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode()
        with self._lock:
            self._tokens.add(token)
        self._send(
            handler,
            200,
            {"token_type": "Bearer", "expires_in": 3599, "access_token": token},
        )

    def _assertion_ok(self, form: dict[str, str], audience: str) -> bool:
        if form.get("client_assertion_type") != ASSERTION_TYPE:
            return False
        assertion = form["client_assertion"]
        try:
            header = jwt.get_unverified_header(assertion)
        except jwt.PyJWTError:
            return False
        thumb = base64.urlsafe_b64encode(
            hashlib.sha256(self.certificate_der).digest()
        ).rstrip(b"=")
        if header.get("alg") != "PS256" or header.get("x5t#S256") != thumb.decode():
            self.problems.append(f"assertion header {header}")
            return False
        public = x509.load_der_x509_certificate(self.certificate_der).public_key()
        try:
            claims = jwt.decode(
                assertion,
                public,  # type: ignore[arg-type]
                algorithms=["PS256"],
                audience=audience,
                options={"require": ["exp", "nbf", "iat", "jti", "iss", "sub"]},
            )
        except jwt.PyJWTError:
            return False
        lifetime = int(claims["exp"]) - int(claims["nbf"])
        if claims["iss"] != CLIENT_ID or claims["sub"] != CLIENT_ID or lifetime > 600:
            self.problems.append(f"assertion claims {sorted(claims)}")
            return False
        return True

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        with self._lock:
            self.requests.append((parts.path, query))
            failure = self._failures.popleft() if self._failures else None
            tokens = set(self._tokens)
        if not handler.headers.get("User-Agent"):
            self.problems.append(f"no User-Agent on {parts.path}")
        auth = handler.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in tokens:
            self._graph_error(handler, 401, "InvalidAuthenticationToken")
            return
        if failure is not None:
            status, headers = failure
            self._graph_error(handler, status, "TooManyRequests", headers)
            return
        if parts.path not in PERMISSIONS:
            self._graph_error(handler, 404, "Request_ResourceNotFound")
            return
        if PERMISSIONS[parts.path] not in self.granted:
            self._graph_error(handler, 403, "Authorization_RequestDenied")
            return
        select = query.get("$select", "")
        if "key" in select.split(","):
            self.problems.append("a recovery key value was requested")
        items = {MANAGED: self.managed, DEVICES: self.entra, KEYS: self.keys}[
            parts.path
        ]
        items = self._filtered(items, query.get("$filter"), handler)
        if items is None:
            return
        if parts.path == KEYS:
            items = [{k: v for k, v in i.items() if k != "key"} for i in items]
        if select:
            wanted = select.split(",")
            items = [{k: i[k] for k in wanted if k in i} for i in items]
        start = int(query.get("$skiptoken", "0"))
        page = items[start : start + self.page_size]
        body: dict[str, Any] = {
            "@odata.context": f"{self.url}/v1.0/$metadata#{parts.path}",
            "value": page,
        }
        if start + self.page_size < len(items):
            following = dict(query, **{"$skiptoken": str(start + self.page_size)})
            body["@odata.nextLink"] = (
                f"{self.url}{parts.path}?{urllib.parse.urlencode(following)}"
            )
        self._send(handler, 200, body)

    def _filtered(
        self,
        items: list[dict[str, Any]],
        expression: str | None,
        handler: BaseHTTPRequestHandler,
    ) -> list[dict[str, Any]] | None:
        if expression is None:
            return list(items)
        match = _FILTER.match(expression)
        if match is None:
            self._graph_error(handler, 400, "BadRequest")
            return None
        name, value = match.group(1), match.group(2).replace("''", "'")
        if name not in ("serialNumber", "deviceId") or name in self.ignored_filters:
            # Intune ignores a filter it cannot apply [COMMUNITY V-095].
            return list(items)
        return [i for i in items if str(i.get(name, "")).lower() == value.lower()]

    def _graph_error(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        code: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        self._send(
            handler,
            status,
            {
                "error": {
                    "code": code,
                    "message": "refused by the fake",
                    "innerError": {
                        "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
                        "request-id": str(uuid.uuid4()),
                    },
                }
            },
            headers,
        )
