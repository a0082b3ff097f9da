# SPDX-License-Identifier: MIT
"""Collector ingest figures: 50 concurrent clients posting batches of 50 events.

Targets (issue "The collector"): at least 2,000 events/s on SQLite and on
PostgreSQL on a 2-core machine, with a p99 request latency of 250 ms at most.

What runs, all on loopback: an HTTPS JWKS endpoint (thread), the real collector
as a process (``intune-migration-collector serve``, TLS, JSON logs to a file,
its real token validation), a durable PostgreSQL (fsync and synchronous commit
on) or a SQLite file (``synchronous=FULL``), and a load generator in this process
(asyncio, 50 keep-alive TLS connections, bodies built and gzipped beforehand so
the generator costs little CPU). Each client is one signed-in user with its own
token; every event is new (fresh ``event_id``) and most hit a device not seen
yet, as at the start of a wave.

Two measurements per backend:

- **paced**: each client sends one batch per second (2,500 events/s offered,
  random start offsets), for a fixed time: the latency devices see at that
  load; this is what the target is about;
- **capacity**: each client sends its next batch as soon as the previous one
  is answered (closed loop), a fixed number of batches: the most the collector
  sustains; latencies then measure queueing (50 requests always waiting), not
  service time.

Not a test: it prints, it does not assert. ``main(runs)``: ``runs // 20`` sets
the rounds per measurement, 1 or 2 (a round takes about 20 s per backend).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import random
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from tests.collector.support import (
    AUDIENCE,
    HELPER_CLIENT,
    ISSUER,
    TENANT,
    Certs,
    JwksServer,
    Keys,
    PostgresCluster,
    PostgresUnavailable,
    free_port,
    make_event,
    stop_process,
)

REPO = Path(__file__).resolve().parent.parent
CLIENTS = 50
EVENTS_PER_BATCH = 50
# Seconds between two batches of one client: 2,500 and 4,000 events/s offered.
PACED_INTERVALS = (1.0, 0.625)
PACED_SECONDS = 6.0
CAPACITY_BATCHES = 6  # per client and round: 300 requests, 15,000 events
SINGLE_REQUESTS = 40  # per client: 2,000 one-event requests
DEVICES = 20_000


@dataclass
class Figures:
    """One measurement: request latencies and accepted events over wall time."""

    latencies: list[float] = field(default_factory=list)
    accepted: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


# --- requests, built beforehand ---------------------------------------------------


class _Maker:
    """Bodies of new events: one user per client, random devices."""

    def __init__(self) -> None:
        self.rng = random.Random(1)
        self.seq = 0
        # One real event, then only its ids change: the JSON stays valid and
        # building tens of thousands of events costs little.
        template = msgspec.json.decode(
            msgspec.json.encode(make_event(seq=1, steps=8)), type=dict
        )
        self.template = template

    def body(self, size: int = EVENTS_PER_BATCH) -> bytes:
        events = []
        for _ in range(size):
            self.seq += 1
            event = dict(self.template)
            event["event_id"] = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
            event["device_seq"] = self.seq
            device = dict(event["device"])
            device["serial_hmac"] = f"{self.rng.randrange(DEVICES):064x}"
            event["device"] = device
            events.append(event)
        raw = msgspec.json.encode({"schema": "migration-status/1", "events": events})
        return gzip.compress(raw, compresslevel=6)


def _request(body: bytes, token: str, port: int) -> bytes:
    head = (
        f"POST /api/v1/events HTTP/1.1\r\n"
        f"Host: localhost:{port}\r\n"
        f"Authorization: Bearer {token}\r\n"
        "Content-Type: application/json\r\n"
        "Content-Encoding: gzip\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _client(
    port: int,
    context: ssl.SSLContext,
    requests: list[bytes],
    figures: Figures,
    *,
    start_at: float | None,
    interval: float | None,
) -> None:
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname="localhost"
    )
    try:
        for index, request in enumerate(requests):
            if start_at is not None and interval is not None:
                delay = start_at + index * interval - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            began = time.perf_counter()
            writer.write(request)
            await writer.drain()
            status, body = await _response(reader)
            figures.latencies.append(time.perf_counter() - began)
            if status == 200:
                figures.accepted += len(json.loads(body)["accepted"])
            else:
                figures.failed += 1
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()


async def _load(
    port: int,
    context: ssl.SSLContext,
    per_client: list[list[bytes]],
    interval: float | None,
) -> Figures:
    figures = Figures()
    start = time.perf_counter()
    tasks = []
    for requests in per_client:
        offset = random.uniform(0, interval) if interval is not None else None
        tasks.append(
            _client(
                port,
                context,
                requests,
                figures,
                start_at=start + offset if offset is not None else None,
                interval=interval,
            )
        )
    await asyncio.gather(*tasks)
    figures.seconds = time.perf_counter() - start
    return figures


# --- the collector as a process ---------------------------------------------------


@contextlib.contextmanager
def _collector(
    folder: Path, storage_url: str, certs: Certs, jwks: JwksServer
) -> Iterator[int]:
    port = free_port()
    config = folder / "collector.toml"
    config.write_text(
        f"""
[server]
host = "127.0.0.1"
port = {port}
tls_cert = "{certs.cert_file}"
tls_key = "{certs.key_file}"
[storage]
url = "{storage_url}"
[auth]
tenants = ["{TENANT}"]
audiences = ["{AUDIENCE}"]
issuers = ["{ISSUER}"]
jwks_url = "{jwks.url}"
jwks_ca_file = "{certs.ca_file}"
report_client_ids = ["{HELPER_CLIENT}"]
[devices]
# The load is synthetic: {CLIENTS} users each reporting random devices out of
# {DEVICES:,}, where a real user reports one to three. The per-user limit (20 by
# default) would refuse nearly all of it (the figures read 2 events/s), so it
# is raised here; its check still runs on every event.
max_per_user = 100000
""",
        encoding="utf-8",
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")}
    command = [sys.executable, "-m", "collector.cli", "--config", str(config)]
    subprocess.run(
        [*command, "init-db"], env=environ, cwd=REPO, check=True, capture_output=True
    )
    log = (folder / "collector.log").open("w")
    process = subprocess.Popen(
        [*command, "serve"], env=environ, cwd=REPO, stderr=log, stdout=log
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the collector exited; see {folder}/collector.log")
            try:
                with socket_connect(port):
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        stop_process(process, wait=20)
        log.close()


@contextlib.contextmanager
def socket_connect(port: int) -> Iterator[None]:
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=1):
        yield


def _round(
    port: int,
    context: ssl.SSLContext,
    tokens: list[str],
    maker: _Maker,
    *,
    interval: float | None,
    batch: int = EVENTS_PER_BATCH,
) -> Figures:
    if interval is not None:
        count = round(PACED_SECONDS / interval)
    else:
        count = CAPACITY_BATCHES if batch > 1 else SINGLE_REQUESTS
    per_client = [
        [_request(maker.body(batch), token, port) for _ in range(count)]
        for token in tokens
    ]
    return asyncio.run(_load(port, context, per_client, interval))


def _merge(rounds: list[Figures]) -> tuple[Figures, float]:
    merged = Figures()
    for figures in rounds:
        merged.latencies += figures.latencies
        merged.accepted += figures.accepted
        merged.failed += figures.failed
        merged.seconds += figures.seconds
    return merged, statistics.median(f.rate for f in rounds)


def _print(label: str, rounds: list[Figures], *, requests: bool = False) -> None:
    merged, rate = _merge(rounds)
    unit = "requests/s" if requests else "events/s"
    if requests:
        rate = statistics.median(len(f.latencies) / f.seconds for f in rounds)
    print(
        f"    {label:26} {rate:7,.0f} {unit:10}   "
        f"p50 {merged.percentile(50):6.1f} ms   p99 {merged.percentile(99):6.1f} ms"
        + (f"   FAILED {merged.failed}" if merged.failed else "")
    )


def bench_backend(
    name: str,
    storage_url: str,
    folder: Path,
    *,
    certs: Certs,
    keys: Keys,
    jwks: JwksServer,
    rounds: int,
) -> None:
    """Measure one backend (prints)."""
    tokens = [
        keys.mint(
            oid=str(uuid.UUID(int=0xB0 + n, version=4)), exp=int(time.time()) + 7200
        )
        for n in range(CLIENTS)
    ]
    context = certs.client_context()
    maker = _Maker()
    with _collector(folder, storage_url, certs, jwks) as port:
        # Warm-up: every token validated once (the JWKS fetched), connections,
        # prepared statements.
        _round(port, context, tokens, maker, interval=None)
        paced = {
            interval: [
                _round(port, context, tokens, maker, interval=interval)
                for _ in range(rounds)
            ]
            for interval in PACED_INTERVALS
        }
        capacity = [
            _round(port, context, tokens, maker, interval=None) for _ in range(rounds)
        ]
        single = [
            _round(port, context, tokens, maker, interval=None, batch=1)
            for _ in range(rounds)
        ]
    print(f"  {name} (median of {rounds} round(s) of each)")
    for interval, figures in paced.items():
        offered = CLIENTS * EVENTS_PER_BATCH / interval
        _print(f"paced, {offered:,.0f}/s offered", figures)
    _print("capacity, batches of 50", capacity)
    _print("capacity, 1 event/request", single, requests=True)


def main(runs: int) -> None:
    """Print the collector's ingest figures on SQLite and PostgreSQL.

    Args:
        runs: ``make bench``'s run count; ``runs // 20`` rounds per
            measurement, clamped to 1-2 (a round takes about 20 s per backend).
    """
    rounds = max(1, min(2, runs // 20))
    print(
        f"Collector ingest: {CLIENTS} clients × batches of {EVENTS_PER_BATCH} events, "
        f"HTTPS on loopback, {os.cpu_count()} CPUs "
        "(targets: ≥ 2,000 events/s, p99 ≤ 250 ms)"
    )
    print(
        "  paced: each client sends one batch per period (what devices see at that"
        " load);\n  capacity: back to back (the most it sustains; latency there is"
        " queueing)"
    )
    with tempfile.TemporaryDirectory(prefix="bench-collector-") as temp:
        folder = Path(temp)
        certs = Certs(folder / "certs")
        keys = Keys(("key-1",))
        jwks = JwksServer(keys, certs)
        try:
            sqlite_dir = folder / "sqlite"
            sqlite_dir.mkdir()
            bench_backend(
                "SQLite (WAL, synchronous=FULL)",
                f"sqlite:///{sqlite_dir / 'collector.sqlite3'}",
                sqlite_dir,
                certs=certs,
                keys=keys,
                jwks=jwks,
                rounds=rounds,
            )
            try:
                cluster = PostgresCluster(durable=True)
            except PostgresUnavailable as exc:
                print(f"  PostgreSQL: skipped ({exc})")
                return
            pg_dir = folder / "postgres"
            pg_dir.mkdir()
            try:
                cluster.start()
                bench_backend(
                    "PostgreSQL 15 (fsync on, synchronous_commit on, pool 8)",
                    cluster.create_database(),
                    pg_dir,
                    certs=certs,
                    keys=keys,
                    jwks=jwks,
                    rounds=rounds,
                )
            finally:
                cluster.stop()
        finally:
            jwks.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    main(parser.parse_args().runs)
