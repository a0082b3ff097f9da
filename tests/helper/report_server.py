# SPDX-License-Identifier: MIT
"""A real HTTPS collector for tests: resources/openapi/collector-v1.json, with faults.

A ``ThreadingHTTPServer`` on 127.0.0.1 (a free port) in a daemon thread; its
sockets are wrapped with TLS using a trustme certificate, and clients trust the
trustme CA through an explicit ``ssl.SSLContext`` (never ``REQUESTS_CA_BUNDLE``
or ``SSL_CERT_FILE``: see the shared ci-recipes §2).

It speaks the protocol: ``POST /api/v1/events`` (bearer token, gzip, a batch
``{schema, events}``, per-event results, events stored once per ``event_id``)
and ``GET /healthz``. Faults are queued in :attr:`ReportServer.faults` and each
one is consumed by one POST: a status (500, 503 + Retry-After, 429...), a delay
longer than the client's timeout, a connection reset in the middle of the body;
with ``process=True`` the events are stored first, so the client's retry makes
duplicates the server must absorb.

Also runnable as a process (the bench): ``python -m tests.helper.report_server``
prints one JSON line ``{"url", "ca_pem", "token"}`` and serves until stdin closes.
"""

from __future__ import annotations

import collections
import json
import socket
import ssl
import struct
import sys
import threading
import urllib.parse
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import trustme

EVENTS_PATH = "/api/v1/events"
SCHEMA = "migration-status/1"
# Tests drop these: a CI proxy must not capture loopback traffic.
PROXY_VARS = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@dataclass
class Fault:
    """What the server does to one POST instead of (or after) answering normally.

    Attributes:
        status: answer this status (with ``headers``) instead of the result.
        headers: extra response headers (``Retry-After``).
        delay: seconds to wait before answering (longer than the client's read
            timeout: the client gives up).
        reset: send part of the response, then reset the TCP connection.
        process: store the events before the fault (the client does not learn
            it, so it sends them again).
        body: with ``status``: this raw body (a captive portal's HTML page).
        huge_body: answer 200 with a body of this many bytes, written in
            chunks until the client stops reading (nothing is stored).
    """

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False
    process: bool = False
    body: bytes | None = None
    huge_body: int = 0


@dataclass
class RequestRecord:
    """One request as the server saw it (never the token itself)."""

    method: str
    path: str
    status: int = 0
    events: list[str] = field(default_factory=list)
    idempotency_key: str | None = None
    content_encoding: str | None = None
    authorized: bool = False
    fault: Fault | None = None
    body_bytes: int = 0
    json_body: bytes = b""
    response: dict[str, Any] | None = None


class ReportServer:
    """The test collector. Use as a context manager, or start() / stop().

    Args:
        ca: the trustme CA that issues the server certificate.
        tokens: the bearer tokens accepted.
        validate: check each event against migration-status/1 (rejected with
            reason ``schema`` when it fails). The bench turns it off.
        max_body: decompressed bodies larger than this get 413.
        max_events: batches with more events get 413.
    """

    def __init__(
        self,
        ca: trustme.CA,
        *,
        tokens: set[str] | None = None,
        validate: bool = True,
        max_body: int = 1024 * 1024,
        max_events: int = 100,
    ) -> None:
        self.ca = ca
        self.tokens = set(tokens) if tokens is not None else {"tok-1"}
        self.max_body = max_body
        self.max_events = max_events
        self.faults: collections.deque[Fault] = collections.deque()
        self.reject: dict[str, str] = {}
        self.store: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        self.receipts: collections.Counter[str] = collections.Counter()
        self.duplicates = 0
        self.requests: list[RequestRecord] = []
        # GET /api/v1/devices/self: the SelfStatus body per serial_digest (the
        # collector finds the device only by the digest its events carried).
        self.self_status: dict[str, bytes] = {}
        self.errors: list[str] = []
        self.keep_bodies = validate
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._validator = _validator() if validate else None
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(self._context)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle --------------------------------------------------------------

    def start(self) -> ReportServer:
        httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        httpd.ssl_context = self._context
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()  # joins the handler threads
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ReportServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"https://127.0.0.1:{self._httpd.server_address[1]}"

    def client_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts only this server's CA."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.ca.configure_trust(context)
        return context

    # --- what tests read ----------------------------------------------------------

    def posts(self) -> list[RequestRecord]:
        with self.lock:
            return [r for r in self.requests if r.method == "POST"]

    def stored_seqs(self) -> dict[str, list[int]]:
        """device_seq of stored events, per device (serial_hmac or entra id or
        "device"), in the order the server first received them."""
        out: dict[str, list[int]] = {}
        with self.lock:
            for event_id in self.order:
                event = self.store[event_id]
                device = event.get("device", {})
                key = device.get("serial_hmac") or device.get("entra_device_id") or "-"
                out.setdefault(key, []).append(event["device_seq"])
        return out

    # --- the protocol -------------------------------------------------------------

    def take_fault(self) -> Fault | None:
        with self.lock:
            return self.faults.popleft() if self.faults else None

    def process(
        self, headers: Any, raw: bytes, record: RequestRecord
    ) -> tuple[int, dict[str, str], dict[str, Any]]:
        """Handle one POST body: (status, headers, JSON body)."""
        auth = headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else None
        record.authorized = token in self.tokens
        if not record.authorized:
            return (
                401,
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
                _problem(401, "invalid token"),
            )
        body = raw
        if record.content_encoding == "gzip":
            try:
                body = _gunzip(raw, self.max_body + 1)
            except (OSError, EOFError, zlib.error):
                return 400, {}, _problem(400, "not gzip")
        if len(body) > self.max_body:
            return 413, {}, _problem(413, "too large")
        if self.keep_bodies:
            record.json_body = body
        try:
            doc = json.loads(body)
        except ValueError:
            return 400, {}, _problem(400, "not JSON")
        events = doc.get("events") if isinstance(doc, dict) else None
        if doc.get("schema") != SCHEMA or not isinstance(events, list) or not events:
            return 400, {}, _problem(400, "not an event batch")
        if len(events) > self.max_events:
            return 413, {}, _problem(413, "too many events")
        result: dict[str, list[Any]] = {"accepted": [], "duplicate": [], "rejected": []}
        with self.lock:
            for event in events:
                event_id = event.get("event_id") if isinstance(event, dict) else None
                if not isinstance(event_id, str):
                    return 400, {}, _problem(400, "an event without event_id")
                record.events.append(event_id)
                self.receipts[event_id] += 1
                if self._validator is not None and not self._validator.is_valid(event):
                    result["rejected"].append(
                        {"event_id": event_id, "reason": "schema"}
                    )
                elif event_id in self.reject:
                    result["rejected"].append(
                        {"event_id": event_id, "reason": self.reject[event_id]}
                    )
                elif event_id in self.store:
                    self.duplicates += 1
                    result["duplicate"].append(event_id)
                else:
                    self.store[event_id] = event
                    self.order.append(event_id)
                    result["accepted"].append(event_id)
        return 200, {}, result


def _gunzip(data: bytes, limit: int) -> bytes:
    # Bounded, as a real collector must (a gzip bomb is a few KB).
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit)
    if not inflater.eof and len(out) < limit:
        raise EOFError("truncated gzip")
    return out


def _problem(status: int, title: str) -> dict[str, Any]:
    return {"type": "about:blank", "title": title, "status": status}


def _validator() -> Any:
    import jsonschema

    from helper.resources import resource_path

    schema = json.loads(
        resource_path("schemas", "migration-status-1.schema.json").read_text("utf-8")
    )
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


class _Server(ThreadingHTTPServer):
    # Handler threads are joined by server_close(): no thread outlives a test.
    daemon_threads = False
    block_on_close = True
    owner: ReportServer
    ssl_context: ssl.SSLContext

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, addr = super().get_request()
        # Headers and body go out in two writes: without this, Nagle and the
        # client's delayed ACK add 40 ms to many responses.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The handshake happens in the handler thread, not in the accept loop.
        wrapped = self.ssl_context.wrap_socket(
            sock, server_side=True, do_handshake_on_connect=False
        )
        return wrapped, addr

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        self.owner.errors.append(f"{type(exc).__name__}: {exc}")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    # An idle keep-alive connection ends after this: server_close() never hangs.
    timeout = 5

    def setup(self) -> None:
        self.request.settimeout(self.timeout)
        self.request.do_handshake()
        super().setup()

    def handle(self) -> None:
        try:
            super().handle()
        except (OSError, ssl.SSLError, ValueError) as exc:
            # A client that timed out, was killed or reset: expected in tests.
            self.server.owner.errors.append(f"{type(exc).__name__}: {exc}")
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        del format, args  # quiet: tests read ReportServer.requests instead

    def _reply(
        self, status: int, body: dict[str, Any], headers: dict[str, str]
    ) -> None:
        ctype = "application/json" if status < 400 else "application/problem+json"
        self._reply_raw(status, json.dumps(body).encode(), ctype, headers)

    def _reply_raw(
        self, status: int, data: bytes, ctype: str, headers: dict[str, str]
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_GET(self) -> None:
        owner = self.server.owner
        record = RequestRecord("GET", self.path)
        with owner.lock:
            owner.requests.append(record)
        path, _, query = self.path.partition("?")
        digest = urllib.parse.parse_qs(query).get("serial_digest", [""])[0]
        if self.path == "/healthz":
            record.status = 200
            self._reply(200, {"status": "ok"}, {})
        elif path == "/api/v1/devices/self" and digest in owner.self_status:
            record.status = 200
            self._reply(200, json.loads(owner.self_status[digest]), {})
        else:
            record.status = 404
            self._reply(404, _problem(404, "not found"), {})

    def do_POST(self) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        record = RequestRecord(
            "POST",
            self.path,
            idempotency_key=self.headers.get("Idempotency-Key"),
            content_encoding=self.headers.get("Content-Encoding"),
            body_bytes=len(raw),
        )
        with owner.lock:
            owner.requests.append(record)
        if self.path != EVENTS_PATH:
            record.status = 404
            self._reply(404, _problem(404, "not found"), {})
            return
        fault = owner.take_fault()
        record.fault = fault
        if fault is not None and not fault.process:
            self._fault(fault, record, None)
            return
        status, headers, body = owner.process(self.headers, raw, record)
        if fault is not None:
            self._fault(fault, record, (status, headers, body))
            return
        record.status = status
        record.response = body
        self._reply(status, body, headers)

    def _fault(
        self,
        fault: Fault,
        record: RequestRecord,
        answer: tuple[int, dict[str, str], dict[str, Any]] | None,
    ) -> None:
        owner = self.server.owner
        if fault.delay:
            owner.stopping.wait(fault.delay)
        if fault.reset:
            record.status = -1
            self._reset()
            return
        if fault.huge_body:
            record.status = 200
            self._huge(fault.huge_body)
            return
        if fault.status is not None and fault.body is not None:
            record.status = fault.status
            self._reply_raw(fault.status, fault.body, "text/html", fault.headers)
            return
        if fault.status is not None:
            record.status = fault.status
            self._reply(fault.status, _problem(fault.status, "fault"), fault.headers)
            return
        assert answer is not None
        record.status = answer[0]
        self._reply(answer[0], answer[2], {**answer[1], **fault.headers})

    def _huge(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b" " * 65536
        sent = 0
        try:
            while sent < size:
                self.wfile.write(chunk[: size - sent])
                sent += len(chunk)
        except OSError:
            pass  # the client hung up: what the test wants
        self.close_connection = True

    def _reset(self) -> None:
        """Half a response, then a TCP reset (no TLS close_notify, no FIN)."""
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: 4096\r\n\r\n" + b'{"accepted": ["'
        )
        self.wfile.write(head)
        self.wfile.flush()
        self.request.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
        )
        self.close_connection = True
        self.request.close()


def _serve_process() -> None:
    """Bench mode: serve in this process until stdin closes."""
    ca = trustme.CA()
    with ReportServer(ca, tokens={"bench"}, validate=False) as server:
        info = {"url": server.url, "ca_pem": ca.cert_pem.bytes().decode()}
        sys.stdout.write(json.dumps(info) + "\n")
        sys.stdout.flush()
        sys.stdin.read()
        with server.lock:
            stored = len(server.store)
        sys.stderr.write(f"report_server: {stored} events stored\n")


OPENAPI_URI = "https://intune-migration-helper.example/openapi/collector-v1.json"


def contract_registry() -> Any:
    """The OpenAPI document and the event schema, as a ``referencing`` registry
    (the document's relative reference to the schema file resolves)."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    from helper.report.event import SCHEMA_ID
    from helper.resources import resource_path

    openapi = json.loads(
        resource_path("openapi", "collector-v1.json").read_text("utf-8")
    )
    event_schema = json.loads(
        resource_path("schemas", "migration-status-1.schema.json").read_text("utf-8")
    )
    return Registry().with_resources(
        [
            (OPENAPI_URI, Resource.from_contents(openapi, DRAFT202012)),
            (SCHEMA_ID, Resource.from_contents(event_schema)),
        ]
    )


def contract_validator(name: str) -> Any:
    """A validator for ``#/components/schemas/<name>`` of the OpenAPI document."""
    import jsonschema

    return jsonschema.Draft202012Validator(
        {"$ref": f"{OPENAPI_URI}#/components/schemas/{name}"},
        registry=contract_registry(),
    )


def sample_event(**changes: Any) -> Any:
    """A valid status event (device_seq is assigned by the outbox)."""
    import datetime

    import msgspec

    from helper.report.event import (
        SCHEMA,
        App,
        Device,
        Env,
        StatusEvent,
        StepStatus,
        new_event_id,
        serial_hmac,
    )

    at = datetime.datetime(2026, 5, 4, 9, 12, 33, tzinfo=datetime.UTC)
    event = StatusEvent(
        schema=SCHEMA,
        event_id=new_event_id(),
        device_seq=1,
        event_time_utc=at,
        event_type="succeeded",
        campaign_id="emm2intune-2026",
        wave_id="wave-03",
        stage="confirm-left",
        device=Device(
            os_family="linux",
            os_version="12",
            arch="x64",
            serial_hmac=serial_hmac("SN-TEST-0001", "k" * 32),
        ),
        stages=[StepStatus(id="prepare", state="done", at=at)],
        current_stage="confirm-left",
        overall_state="in-progress",
        app=App(version="0.1.0"),
        env=Env(locale="fr-FR"),
    )
    return msgspec.structs.replace(event, **changes) if changes else event


if __name__ == "__main__":
    _serve_process()
