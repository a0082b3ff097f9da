# SPDX-License-Identifier: MIT
"""Ingest while 64 slow authenticated uploads are open (a byte every 10 s).

The real collector as a process (TLS, SQLite, its real token validation, the
default ``[server]`` limits), on loopback. 64 clients, each a different user
with a valid token, send their headers and then trickle one byte of body every
10 s; meanwhile one normal client posts batches of 50 events back to back for
``SECONDS`` and we count what it gets (status codes) and the events/s accepted.

Before the body deadline and the separate upload slots, every request of the
normal client got 503 while the slow ones stayed open (they held all 64
``max_inflight`` slots). Not a test: it prints.

Run: python -m tests.bench_slow_uploads
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import ssl
import tempfile
import time
import uuid
from pathlib import Path

from tests.bench_collector import _collector, _Maker, _request, _response
from tests.collector.support import Certs, JwksServer, Keys

SLOW_CLIENTS = 64
TRICKLE_EVERY = 10.0
SECONDS = 20.0
EVENTS_PER_BATCH = 50


async def _slow(
    port: int, context: ssl.SSLContext, token: str, done: asyncio.Event
) -> None:
    _reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname="localhost"
    )
    head = (
        "POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000\r\n\r\n"
    )
    try:
        writer.write(head.encode())
        while not done.is_set():
            writer.write(b" ")
            await writer.drain()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), TRICKLE_EVERY)
    except (ConnectionError, ssl.SSLError):
        pass  # cut off by the collector
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()


async def _normal(
    port: int, context: ssl.SSLContext, token: str, maker: _Maker
) -> tuple[collections.Counter[int], int, float]:
    statuses: collections.Counter[int] = collections.Counter()
    accepted = 0
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname="localhost"
    )
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < SECONDS:
            writer.write(_request(maker.body(EVENTS_PER_BATCH), token, port))
            await writer.drain()
            status, body = await _response(reader)
            statuses[status] += 1
            if status == 200:
                accepted += len(json.loads(body)["accepted"])
            else:
                await asyncio.sleep(0.05)
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()
    return statuses, accepted, time.perf_counter() - start


async def _run(port: int, context: ssl.SSLContext, keys: Keys) -> None:
    maker = _Maker()  # one for both runs: every event new
    statuses, accepted, seconds = await _normal(
        port, context, keys.mint(oid=str(uuid.uuid4())), maker
    )
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items()))
    print(
        f"  normal client alone: {codes}; "
        f"{accepted / seconds:,.0f} events/s accepted over {seconds:.0f} s"
    )
    done = asyncio.Event()
    slow = [
        asyncio.create_task(
            _slow(port, context, keys.mint(oid=str(uuid.uuid4())), done)
        )
        for _ in range(SLOW_CLIENTS)
    ]
    await asyncio.sleep(1.0)  # every slow upload is open
    statuses, accepted, seconds = await _normal(
        port, context, keys.mint(oid=str(uuid.uuid4())), maker
    )
    done.set()
    await asyncio.gather(*slow)
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items()))
    print(
        f"  normal client with {SLOW_CLIENTS} slow uploads open: {codes}; "
        f"{accepted / seconds:,.0f} events/s accepted over {seconds:.0f} s"
    )


def main() -> None:
    print(
        f"Ingest with {SLOW_CLIENTS} slow authenticated uploads "
        f"(a byte every {TRICKLE_EVERY:g} s), SQLite, one process"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        certs = Certs(folder / "certs")
        keys = Keys()
        jwks = JwksServer(keys, certs)
        try:
            with _collector(
                folder, f"sqlite:///{folder / 'c.sqlite3'}", certs, jwks
            ) as port:
                asyncio.run(_run(port, certs.client_context(), keys))
        finally:
            jwks.close()


if __name__ == "__main__":
    main()
