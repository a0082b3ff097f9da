# SPDX-License-Identifier: MIT
"""Slow uploads cannot stall ingestion (a real HTTPS collector on loopback).

Before: reading a body held one of ``max_inflight`` (64) processing slots with
no deadline, so 64 authenticated clients trickling a byte every 10 s made every
other device get 503 while they stayed open. Now a body must arrive within
``body_timeout_seconds`` (408, connection closed), bodies are received in
their own slots, and one user holds at most ``max_uploads_per_user`` of them.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.collector.conftest import Running, batch, serve_backend
from tests.collector.support import Certs, JwksServer, Keys, make_event

SLOW = 6  # more than max_inflight below
MAX_INFLIGHT = 4
BODY_TIMEOUT = 3.0


class SlowUpload:
    """A TLS connection that sends its headers, then a byte every ``every`` s."""

    def __init__(self, url: str, context: ssl.SSLContext, token: str) -> None:
        host, port = url.removeprefix("https://").split(":")
        raw = socket.create_connection((host, int(port)), timeout=30)
        self.sock = context.wrap_socket(raw, server_hostname=host)
        self.sock.sendall(
            b"POST /api/v1/events HTTP/1.1\r\nHost: "
            + host.encode()
            + b"\r\nAuthorization: Bearer "
            + token.encode()
            + b"\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        )
        self.answer = b""
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._trickle, daemon=True)
        self.thread.start()

    def _trickle(self) -> None:
        self.sock.settimeout(0.5)
        while not self.stop.is_set():
            try:
                self.sock.sendall(b" ")
                chunk = self.sock.recv(65536)
                if not chunk:
                    return
                self.answer += chunk
                if b"\r\n\r\n" in self.answer:
                    return
            except TimeoutError:
                continue
            except OSError:
                return

    @property
    def status(self) -> int | None:
        if not self.answer.startswith(b"HTTP/1.1 "):
            return None
        return int(self.answer[9:12])

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def slow_collector(
    tmp_path: Path,
    request: pytest.FixtureRequest,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[Running]:
    yield from serve_backend(
        "sqlite",
        tmp_path,
        request,
        jwks=jwks,
        certs=certs,
        keys=keys,
        max_inflight=MAX_INFLIGHT,
        body_timeout_seconds=BODY_TIMEOUT,
        max_uploads_per_user=2,
    )


def _user_token(keys: Keys) -> str:
    return keys.mint(oid=str(uuid.uuid4()))


def test_slow_uploads_do_not_block_other_devices(slow_collector: Running) -> None:
    context = slow_collector.certs.client_context()
    keys = slow_collector.keys
    slow = [
        SlowUpload(slow_collector.url, context, _user_token(keys)) for _ in range(SLOW)
    ]
    try:
        time.sleep(0.5)  # every slow upload is being received
        started = time.monotonic()
        for seq in range(1, 11):
            response = slow_collector.post(
                batch([make_event(seq=seq)]), token=_user_token(keys)
            )
            assert response.status_code == 200, response.text
        assert time.monotonic() - started < BODY_TIMEOUT  # not waiting them out
        # The slow ones are cut off at the deadline with 408.
        deadline = time.monotonic() + BODY_TIMEOUT + 10
        while time.monotonic() < deadline and any(u.status is None for u in slow):
            time.sleep(0.1)
        assert [u.status for u in slow] == [408] * SLOW
        assert all(b"connection: close" in u.answer.lower() for u in slow)
    finally:
        for upload in slow:
            upload.close()
    assert slow_collector.count() == 10


def test_one_user_holds_few_uploads(slow_collector: Running) -> None:
    context = slow_collector.certs.client_context()
    token = slow_collector.keys.mint()  # one user for all of them
    held = [SlowUpload(slow_collector.url, context, token) for _ in range(2)]
    try:
        time.sleep(0.5)
        response = slow_collector.post(batch([make_event()]), token=token)
        assert response.status_code == 429
        assert response.json()["code"] == "too-many-uploads"
        assert response.headers["retry-after"] == "60"
        # Another user is not affected.
        other = slow_collector.post(
            batch([make_event()]), token=_user_token(slow_collector.keys)
        )
        assert other.status_code == 200
    finally:
        for upload in held:
            upload.close()
