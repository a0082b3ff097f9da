# SPDX-License-Identifier: MIT
"""Fake old-EMM APIs on one HTTPS server on 127.0.0.1, one path prefix each.

Built from the documented request and response shapes of the vendor
reference (/work/shared/reference/vendor-apis.md §3.6, §4.5, §5.4, §6, §9),
not from our connectors: token flows, paging, 401 on bad credentials, 404 for
unknown devices, a device that is offline (its release stays pending), and
injected 429 (with Retry-After) and 5xx answers.

- ``/ws1auth``: Workspace ONE's token service (Basic client id and secret);
- ``/ws1``: Workspace ONE UEM's REST API (Bearer from ``/ws1auth``);
- ``/jamf``: Jamf Pro (``/api/oauth/token``, then Bearer);
- ``/kandji``: Kandji (a Bearer API token);
- ``/epmm``, ``/neurons``: Ivanti EPMM v2 and Neurons for MDM (Basic);
- ``/hook``: IT's webhook receiver (checks the HMAC signature);
- ``/redirect``: answers 302 to another host.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple

from tests.collector.support import Certs

CLIENT_ID = "fake-client-id"
CLIENT_SECRET = "fake-client-secret-0123456789"
KANDJI_TOKEN = "fake-kandji-token-0123456789abcdef"
BASIC_USER = "api-user"
BASIC_PASSWORD = "fake-basic-password-0123"
WEBHOOK_SECRET = "fake-webhook-secret-0123456789abcdef"

Answer = tuple[int, dict[str, str], bytes]


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Answer:
    return (
        status,
        {"Content-Type": "application/json", **(headers or {})},
        json.dumps(body).encode(),
    )


def _empty(status: int) -> Answer:
    return status, {}, b""


@dataclass
class Device:
    """One device in a fake vendor: its vendor id, serial and state.

    Attributes:
        ref: the vendor's id.
        serial: the serial number.
        platform: ``Mac``, ``Windows``...
        online: an online device executes the release at once; an offline
            one stays pending.
        state: ``managed``, ``pending`` or ``released``.
        filevault_escrowed: Kandji's ``filevault_prk_escrowed``.
    """

    ref: str
    serial: str
    platform: str = "Mac"
    online: bool = True
    state: str = "managed"
    filevault_escrowed: bool = True


@dataclass
class Vendor:
    """One fake vendor's state and what it received.

    Attributes:
        devices: its inventory.
        inject: answers to give before any routing (popped in order).
        requests: ``(method, path, query)`` received.
        writes: the release calls received (method, path).
        tokens_issued: access tokens handed out.
        expire_tokens: the next N API calls answer 401 (an expired token).
    """

    devices: list[Device] = field(default_factory=list)
    inject: list[Answer] = field(default_factory=list)
    requests: list[tuple[str, str, dict[str, list[str]]]] = field(default_factory=list)
    writes: list[tuple[str, str]] = field(default_factory=list)
    tokens_issued: list[str] = field(default_factory=list)
    expire_tokens: int = 0
    bodies: list[bytes] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    status: int = 200
    answer: dict[str, Any] | None = None
    delay: float = 0.0

    def device(self, ref: str) -> Device | None:
        return next((d for d in self.devices if d.ref == ref), None)

    def fail_next(
        self, status: int, *, count: int = 1, headers: dict[str, str] | None = None
    ) -> None:
        """Answer ``status`` to the next ``count`` calls (429, 503...)."""
        body = {"errorCode": status, "message": "injected"}
        for _ in range(count):
            self.inject.append(_json(status, body, headers))

    def release(self, device: Device) -> None:
        device.state = "released" if device.online else "pending"


class Call(NamedTuple):
    """One request, as a handler reads it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


def _basic(headers: dict[str, str]) -> tuple[str, str] | None:
    value = headers.get("authorization", "")
    if not value.startswith("Basic "):
        return None
    try:
        user, _, password = base64.b64decode(value[6:]).decode().partition(":")
    except ValueError:
        return None
    return user, password


class FakeVendors:
    """The server (see the module's docstring). ``close()`` when done.

    Attributes:
        ws1, jamf, kandji, epmm, neurons, hook: each vendor's state.
        url: ``https://localhost:<port>``.
    """

    def __init__(self, certs: Certs) -> None:
        self.ws1 = Vendor()
        self.jamf = Vendor()
        self.kandji = Vendor()
        self.epmm = Vendor()
        self.neurons = Vendor()
        self.hook = Vendor()
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urllib.parse.urlsplit(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                with fake.lock:
                    status, extra, data = fake.route(
                        self.command,
                        parts.path,
                        urllib.parse.parse_qs(parts.query),
                        headers,
                        body,
                    )
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.socket = certs.server_context().wrap_socket(
            self._httpd.socket, server_side=True
        )
        self.port = self._httpd.server_address[1]
        self.url = f"https://localhost:{self.port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()

    def reset(self) -> None:
        """Every vendor empty again (between tests)."""
        for name in ("ws1", "jamf", "kandji", "epmm", "neurons", "hook"):
            setattr(self, name, Vendor())

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    # --- routing ----------------------------------------------------------------

    def route(
        self,
        method: str,
        path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        body: bytes,
    ) -> Answer:
        prefix, _, rest = path.lstrip("/").partition("/")
        if prefix == "redirect":
            return 302, {"Location": "https://example.invalid/steal"}, b""
        vendor = {
            "ws1auth": self.ws1,
            "ws1": self.ws1,
            "jamf": self.jamf,
            "kandji": self.kandji,
            "epmm": self.epmm,
            "neurons": self.neurons,
            "hook": self.hook,
        }.get(prefix)
        if vendor is None:
            return _empty(404)
        if vendor.delay:
            time.sleep(vendor.delay)  # a slow vendor (a large inventory)
        vendor.requests.append((method, "/" + rest, query))
        vendor.headers.append(headers)
        if vendor.inject:
            return vendor.inject.pop(0)
        handler = getattr(self, f"_{prefix}")
        answer: Answer = handler(vendor, Call(method, "/" + rest, query, headers, body))
        return answer

    @staticmethod
    def _bearer(vendor: Vendor, headers: dict[str, str]) -> bool:
        value = headers.get("authorization", "")
        if not value.startswith("Bearer ") or value[7:] not in vendor.tokens_issued:
            return False
        if vendor.expire_tokens:
            vendor.expire_tokens -= 1
            return False
        return True

    @staticmethod
    def _issue(vendor: Vendor) -> str:
        token = "tok-" + uuid.uuid4().hex
        vendor.tokens_issued.append(token)
        return token

    # Workspace ONE (§3.6)

    def _ws1auth(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call  # noqa: RUF059
        form = urllib.parse.parse_qs(body.decode())
        if method != "POST" or path != "/connect/token":
            return _empty(404)
        if form.get("grant_type") != ["client_credentials"] or _basic(headers) != (
            CLIENT_ID,
            CLIENT_SECRET,
        ):
            return _json(401, {"error": "invalid_client"})
        return _json(
            200,
            {
                "access_token": self._issue(vendor),
                "token_type": "Bearer",
                "expires_in": 3600,
            },
        )

    def _ws1(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call  # noqa: RUF059
        if not self._bearer(vendor, headers):
            return _json(401, {"errorCode": 1005, "message": "Unauthorized"})
        if not headers.get("accept", "").startswith("application/json"):
            return _empty(406)
        if method == "GET" and path == "/API/mdm/devices/search":
            page = int(query.get("page", ["0"])[0])
            size = int(query.get("pagesize", ["500"])[0])
            chunk = vendor.devices[page * size : (page + 1) * size]
            if not chunk and page == 0:
                return _empty(204)
            status_names = {
                "managed": "Enrolled",
                "pending": "EnterpriseWipePending",
                "released": "Unenrolled",
            }
            return _json(
                200,
                {
                    "Devices": [
                        {
                            "Id": {"Value": int(d.ref)},
                            "Uuid": str(uuid.uuid5(uuid.NAMESPACE_OID, d.ref)),
                            "SerialNumber": d.serial,
                            "Platform": "AppleOsX" if d.platform == "Mac" else "WinRT",
                            "EnrollmentStatus": status_names[d.state],
                            "LastSeen": "2026-05-04T08:00:00",
                        }
                        for d in chunk
                    ],
                    "Page": page,
                    "PageSize": size,
                    "Total": len(vendor.devices),
                },
            )
        match = re.fullmatch(r"/API/mdm/devices/(\d+)/commands", path)
        if method == "POST" and match and query.get("command") == ["EnterpriseWipe"]:
            vendor.writes.append((method, path))
            device = vendor.device(match.group(1))
            if device is None:
                return _json(404, {"errorCode": 404, "message": "Device not found"})
            if device.state == "released":
                return _json(
                    400, {"errorCode": 400, "message": "Device is not enrolled"}
                )
            vendor.release(device)
            return _empty(202)
        return _empty(404)

    # Jamf Pro (§4.5)

    def _jamf(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call
        if method == "POST" and path == "/api/oauth/token":
            form = urllib.parse.parse_qs(body.decode())
            if (
                form.get("grant_type") != ["client_credentials"]
                or form.get("client_id") != [CLIENT_ID]
                or form.get("client_secret") != [CLIENT_SECRET]
            ):
                return _json(401, {"error": "invalid_client"})
            return _json(
                200,
                {
                    "access_token": self._issue(vendor),
                    "scope": "api-role:2",
                    "token_type": "Bearer",
                    "expires_in": 599,
                },
            )
        if not self._bearer(vendor, headers):
            return _json(401, {"httpStatus": 401, "errors": []})
        if method == "GET" and path == "/api/v1/computers-inventory":
            page = int(query.get("page", ["0"])[0])
            size = int(query.get("page-size", ["100"])[0])
            chunk = vendor.devices[page * size : (page + 1) * size]
            return _json(
                200,
                {
                    "totalCount": len(vendor.devices),
                    "results": [
                        {
                            "id": d.ref,
                            "general": {
                                "name": f"Mac-{d.ref}",
                                "remoteManagement": {"managed": d.state == "managed"},
                            },
                            "hardware": {"serialNumber": d.serial},
                        }
                        for d in chunk
                    ],
                },
            )
        match = re.fullmatch(
            r"/api/v1/computer-inventory/(\w+)/remove-mdm-profile", path
        )
        if method == "POST" and match:
            vendor.writes.append((method, path))
            device = vendor.device(match.group(1))
            if device is None:
                return _json(404, {"httpStatus": 404, "errors": []})
            if device.state == "released":
                return _json(400, {"httpStatus": 400, "errors": []})
            vendor.release(device)
            return _json(
                201, {"deviceId": device.ref, "commandUuid": str(uuid.uuid4())}
            )
        match = re.fullmatch(r"/api/v1/computers-inventory-detail/(\w+)", path)
        if method == "PATCH" and match:
            vendor.writes.append((method, path))
            device = vendor.device(match.group(1))
            if device is None:
                return _json(404, {"httpStatus": 404, "errors": []})
            vendor.bodies.append(body)
            return _json(200, {"id": device.ref})
        return _empty(404)

    # Kandji (§5.4)

    def _kandji(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call  # noqa: RUF059
        if headers.get("authorization") != f"Bearer {KANDJI_TOKEN}":
            return _json(
                401, {"detail": "Authentication credentials were not provided."}
            )
        if method == "GET" and path == "/api/v1/devices":
            limit = min(int(query.get("limit", ["300"])[0]), 300)
            offset = int(query.get("offset", ["0"])[0])
            chunk = vendor.devices[offset : offset + limit]
            return _json(
                200,
                [
                    {
                        "device_id": d.ref,
                        "device_name": f"Mac-{d.ref[:4]}",
                        "serial_number": d.serial,
                        "platform": d.platform,
                        "mdm_enabled": d.state == "managed",
                        "agent_installed": d.state == "managed",
                        "is_removed": d.state == "released",
                        "last_check_in": "2026-05-04T08:00:00Z",
                    }
                    for d in chunk
                ],
            )
        match = re.fullmatch(r"/api/v1/devices/([\w-]+)/details", path)
        if method == "GET" and match:
            device = vendor.device(match.group(1))
            if device is None:
                return _json(404, {"detail": "Not found."})
            return _json(
                200,
                {
                    "general": {"device_id": device.ref, "platform": device.platform},
                    "filevault": {
                        "filevault_enabled": True,
                        "filevault_prk_escrowed": device.filevault_escrowed,
                    },
                    "mdm": {"mdm_enabled": "True"},
                },
            )
        match = re.fullmatch(r"/api/v1/devices/([\w-]+)", path)
        if method == "DELETE" and match:
            vendor.writes.append((method, path))
            device = vendor.device(match.group(1))
            if device is None:
                return _json(404, {"detail": "Not found."})
            # The record goes at once; the device drops management when it
            # next checks in (online or not: V-074).
            vendor.devices.remove(device)
            return _empty(204)
        return _empty(404)

    # Ivanti EPMM v2 (§6)

    def _epmm(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call
        if _basic(headers) != (BASIC_USER, BASIC_PASSWORD):
            return _empty(401)
        if query.get("adminDeviceSpaceId") != ["1"]:
            return _json(400, {"messages": [{"type": "Error"}]})
        names = {
            "managed": "ACTIVE",
            "pending": "RETIRE_PENDING",
            "released": "RETIRED",
        }
        if method == "GET" and path == "/api/v2/devices":
            limit = int(query.get("limit", ["50"])[0])
            offset = int(query.get("offset", ["0"])[0])
            chunk = vendor.devices[offset : offset + limit]
            return _json(
                200,
                {
                    "results": [
                        {
                            "common.uuid": d.ref,
                            "common.SerialNumber": d.serial,
                            "common.status": names[d.state],
                        }
                        for d in chunk
                    ],
                    "totalCount": len(vendor.devices),
                    "resultCount": len(chunk),
                    "hasMore": offset + limit < len(vendor.devices),
                },
            )
        if method == "PUT" and path == "/api/v2/devices/retire":
            vendor.writes.append((method, path))
            if query.get("actionType") != ["RETIRE"]:
                return _json(400, {"successful": False})
            uuids = json.loads(body).get("deviceUuids", [])
            found = [vendor.device(u) for u in uuids]
            if not uuids or any(d is None or d.state != "managed" for d in found):
                return _json(200, {"successful": False})
            for device in found:
                assert device is not None
                vendor.release(device)
            return _json(200, {"successful": True})
        return _empty(404)

    # Ivanti Neurons for MDM (§6)

    def _neurons(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call
        if _basic(headers) != (BASIC_USER, BASIC_PASSWORD):
            return _empty(401)
        names = {
            "managed": "ACTIVE",
            "pending": "RETIRE PENDING",
            "released": "RETIRED",
        }
        if method == "GET" and path == "/api/v1/device":
            rows = int(query.get("rows", ["50"])[0])
            if rows > 500:
                return _json(400, {"errors": [{"message": "rows above 500"}]})
            start = int(query.get("start", ["0"])[0])
            chunk = vendor.devices[start : start + rows]
            return _json(
                200,
                {
                    "result": {
                        "searchResults": [
                            {
                                "id": int(d.ref),
                                "serialNumber": d.serial,
                                "registrationState": names[d.state],
                            }
                            for d in chunk
                        ],
                        "totalCount": len(vendor.devices),
                    }
                },
            )
        if method == "PUT" and path == "/api/v1/device/retire":
            vendor.writes.append((method, path))
            form = urllib.parse.parse_qs(body.decode())
            device = vendor.device(form.get("ids", [""])[0])
            if device is None or device.state != "managed":
                return _json(
                    200, {"errors": [{"message": "not retirable"}], "result": 0}
                )
            vendor.release(device)
            return _json(200, {"errors": None, "result": 1})
        return _empty(404)

    # The webhook receiver (§9)

    def _hook(self, vendor: Vendor, call: Call) -> Answer:
        method, path, query, headers, body = call  # noqa: RUF059
        from collector.connectors.webhook import verify

        vendor.writes.append((method, path))
        vendor.bodies.append(body)
        if not verify(
            WEBHOOK_SECRET,
            headers.get("x-release-timestamp", ""),
            headers.get("x-release-signature", ""),
            body,
            now=time.time(),
        ):
            return _json(401, {"error": "bad signature"})
        if vendor.answer is not None:
            return _json(vendor.status, vendor.answer)
        return _empty(vendor.status if vendor.status != 200 else 204)


__all__ = [
    "BASIC_PASSWORD",
    "BASIC_USER",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "KANDJI_TOKEN",
    "WEBHOOK_SECRET",
    "Device",
    "FakeVendors",
    "Vendor",
]
