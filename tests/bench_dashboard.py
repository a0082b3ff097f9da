# SPDX-License-Identifier: MIT
"""The dashboard at 200,000 devices and 10 million events (``make bench``).

Budgets (issue "IT's first hour"): the page's p95 ≤ 500 ms; the full CSV
export starts (its first 1,000 rows arrive) within 2 s.

What runs: a database filled directly (SQLite in one transaction; PostgreSQL
with COPY) with 200,000 device states spread over five waves and 60 days, IT's
list of 210,000 expected devices, and 10 million raw events; then the real
collector (``intune-migration-collector serve --dev``, its own process, plain
HTTP on loopback) serving the dashboard, and a client in this process timing
``GET /dashboard`` and the starts of the two exports and of the "safe to
remove" list. The SQLite file is cached under ``build/bench-dashboard/`` (about
14 GB; generating it takes about 7 minutes), keyed by its size and this file's
generator version, and brought up to date by the migrations as ``init-db``
would; PostgreSQL's cluster is kept the same way under
``build/bench-dashboard/pg-…`` (about 9 GB, some 12 minutes to generate the
first time; skipped when its binaries are absent).

Not a test: it prints, it does not assert. ``python -m tests.bench_dashboard
[--devices N] [--events N] [--runs N] [--no-postgres]``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from tests.collector.devserver import reader_token
from tests.collector.support import stop_process

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "build" / "bench-dashboard"
GENERATOR_VERSION = 3
DEVICES = 200_000
EVENTS = 10_000_000
EXPECTED_EXTRA = 10_000  # expected devices that never ran
WAVES = ("wave-01", "wave-02", "wave-03", "wave-04", "wave-05")
DAYS = 60
NOW = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
STATES = (
    ("succeeded", 55),
    ("in-progress", 25),
    ("failed", 6),
    ("blocked", 4),
    ("deferred", 4),
    ("not-started", 6),
)
STAGES = ("prepare", "leave", "confirm-left", "join", "confirm-joined", "done")


def _utc(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _guid(n: int, salt: int = 0) -> str:
    return str(uuid.UUID(int=(salt << 96) | n))


# --- the data ---------------------------------------------------------------------


class Fleet:
    """A deterministic fleet: device n's state, and its events."""

    def __init__(self, devices: int, events: int) -> None:
        self.devices = devices
        self.events = events
        self.rng = random.Random(15)
        self.tid = "00000000-0000-0000-0000-00000000d3e0"
        self.client = "00000000-0000-0000-0000-0000000c11e0"
        weights = [w for _, w in STATES]
        self.state_of = self.rng.choices(
            [s for s, _ in STATES], weights=weights, k=devices
        )

    def serial(self, n: int) -> str:
        return f"{n:064x}"

    def wave(self, n: int) -> str:
        return WAVES[n % len(WAVES)]

    def key(self, n: int) -> str:
        return f"{self.tid}:{_guid(n, 7)}:serial:{self.serial(n)}"

    def first_seen(self, n: int) -> datetime.datetime:
        return NOW - datetime.timedelta(days=DAYS * ((n * 7919) % 1000) / 1000)

    def state_row(self, n: int) -> tuple[Any, ...]:
        state = self.state_of[n]
        first = self.first_seen(n)
        last = first + (NOW - first) * 0.8
        joined = state == "succeeded" or (state == "in-progress" and n % 3 == 0)
        still = 0 if state == "succeeded" or n % 4 else 1
        legacy = "left" if still == 0 else "present"
        migrated = (
            _utc(first + (last - first) * 0.7) if joined and legacy == "left" else None
        )
        at = _utc(last)[:19] + "Z"
        stages = [
            {"id": s, "state": "done", "at": at}
            for s in STAGES[: 1 + (n % len(STAGES))]
        ]
        steps = [{"id": f"step-{i}", "state": "done", "at": at} for i in range(8)]
        payload = json.dumps(
            {
                "schema": "migration-status/1",
                "event_id": _guid(n, 9),
                "device_seq": 40,
                "event_time_utc": at,
                "event_type": "succeeded",
                "campaign_id": "bench",
                "wave_id": self.wave(n),
                "journey_path": "leave-then-join",
                "device": {"os_family": "windows", "serial_hmac": self.serial(n)},
                "legacy": {"vendor": "workspace-one", "still_enrolled": bool(still)},
                "stages": stages,
                "steps": steps,
                "overall_state": state,
                "app": {"name": "intune-migration-helper", "version": "1.4.2"},
            },
            separators=(",", ":"),
        )
        return (
            self.key(n),
            self.tid,
            _guid(n, 7),
            self.client,
            None,
            None,
            self.serial(n),
            ("windows", "windows", "macos", "linux")[n % 4],
            "10.0.26100",
            "x64",
            "hybrid-joined",
            "bench",
            self.wave(n),
            _guid(n, 5),
            "leave-then-join",
            ("workspace-one", "jamf-pro", "ivanti")[n % 3],
            still,
            state,
            STAGES[n % len(STAGES)],
            "succeeded",
            None,
            None,
            "0x80180014" if state in ("failed", "blocked") else None,
            "1.4.2",
            40,
            _guid(n, 9),
            _utc(last),
            _utc(last),
            _utc(first),
            payload,
            "reported" if n % 50 == 0 else "token-device-id",
            0,
            legacy,
            int(joined),
            at[:19],
            migrated,
        )

    def event_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every event, in event_id order (ids grow with arrival)."""
        per = max(self.events // self.devices, 1)
        span = DAYS * 86400
        payload_base = (
            '{"schema":"migration-status/1","event_type":"started",'
            '"campaign_id":"bench","journey_path":"leave-then-join",'
            '"device":{"os_family":"windows","serial_hmac":"%s"},'
            '"legacy":{"vendor":"workspace-one","still_enrolled":true},'
            '"stages":[{"id":"prepare","state":"done"},{"id":"leave","state":'
            '"running"}],"overall_state":"in-progress","app":{"name":'
            '"intune-migration-helper","version":"1.4.2"},"device_seq":%d}'
        )
        start = NOW - datetime.timedelta(days=DAYS)
        for i in range(self.events):
            n = (i * 104729) % self.devices
            moment = start + datetime.timedelta(seconds=span * i / self.events)
            text = _utc(moment)
            yield (
                _guid(i, 3),
                self.tid,
                _guid(n, 7),
                self.client,
                self.key(n),
                i // self.devices + 1 if per else 1,
                "started",
                self.wave(n),
                text,
                text,
                payload_base % (self.serial(n), i),
            )


# --- SQLite --------------------------------------------------------------------------


def sqlite_database(fleet: Fleet) -> Path:
    """The cached SQLite file (made when missing)."""
    from collector.storage import migrate
    from collector.storage.sqlite import SQLiteStore

    name = f"g{GENERATOR_VERSION}-{fleet.devices}d-{fleet.events}e.sqlite3"
    path = CACHE / name
    if path.exists():
        # A newer schema than the cached file's: what init-db does on upgrade.
        with SQLiteStore(path) as store:
            for component, version in migrate(store):
                print(f"  (cached file: applied {component} migration {version})")
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("*.sqlite3*"):
        old.unlink()  # another size or generator: about 14 GB each
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    began = time.perf_counter()
    with SQLiteStore(partial) as store:
        migrate(store)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    from collector.storage.schema import EVENT_COLUMNS, STATE_COLUMNS

    _load_sqlite(conn, fleet, STATE_COLUMNS, EVENT_COLUMNS)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    partial.rename(path)
    print(f"  (generated {path.name} in {time.perf_counter() - began:.0f} s)")
    return path


def _load_sqlite(
    conn: sqlite3.Connection,
    fleet: Fleet,
    state_columns: tuple[str, ...],
    event_columns: tuple[str, ...],
) -> None:
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'events' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    marks = ", ".join("?" * len(state_columns))
    conn.executemany(
        f"INSERT INTO device_state ({', '.join(state_columns)}) VALUES ({marks})",
        sorted((fleet.state_row(n) for n in range(fleet.devices)), key=lambda r: r[0]),
    )
    conn.executemany(
        "INSERT INTO expected_device (serial_hmac, wave_id, user_name, imported_utc) "
        "VALUES (?, ?, NULL, ?)",
        (
            (fleet.serial(n), fleet.wave(n), _utc(NOW))
            for n in range(fleet.devices + EXPECTED_EXTRA)
        ),
    )
    # What an import of IT's list does (collector.expected).
    conn.execute(
        "UPDATE device_state SET listed_wave = (SELECT e.wave_id FROM "
        "expected_device e WHERE e.serial_hmac = device_state.serial_hmac)"
    )
    marks = ", ".join("?" * len(event_columns))
    conn.executemany(
        f"INSERT INTO events ({', '.join(event_columns)}) VALUES ({marks})",
        fleet.event_rows(),
    )
    conn.commit()
    for _, sql in indexes:
        conn.execute(sql)
    conn.commit()


# --- PostgreSQL ----------------------------------------------------------------------


def postgres_database(fleet: Fleet, url: str) -> None:
    """Fill an empty PostgreSQL database (COPY), then VACUUM ANALYZE it, as
    autovacuum would after a load."""
    import psycopg

    from collector.storage import migrate
    from collector.storage.postgres import PostgresStore
    from collector.storage.schema import EVENT_COLUMNS, STATE_COLUMNS

    began = time.perf_counter()
    with PostgresStore(url, display_url=url, pool_size=1) as store:
        migrate(store)
    with psycopg.connect(url, autocommit=False) as conn:
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events' "
            "AND indexname <> 'events_pkey'"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        with conn.cursor().copy(
            f"COPY device_state ({', '.join(STATE_COLUMNS)}) FROM STDIN"
        ) as copy:
            for n in range(fleet.devices):
                copy.write_row(fleet.state_row(n))
        with conn.cursor().copy(
            "COPY expected_device (serial_hmac, wave_id, imported_utc) FROM STDIN"
        ) as copy:
            for n in range(fleet.devices + EXPECTED_EXTRA):
                copy.write_row((fleet.serial(n), fleet.wave(n), _utc(NOW)))
        conn.execute(
            "UPDATE device_state SET listed_wave = (SELECT e.wave_id FROM "
            "expected_device e WHERE e.serial_hmac = device_state.serial_hmac)"
        )
        with conn.cursor().copy(
            f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN"
        ) as copy:
            for row in fleet.event_rows():
                copy.write_row(row)
        for _, sql in indexes:
            conn.execute(sql)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    print(f"  (generated in {time.perf_counter() - began:.0f} s)")


def _create_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')


def _migrate_cached(url: str) -> None:
    """A newer schema than the cached cluster's: what init-db does on upgrade."""
    from collector.storage import migrate
    from collector.storage.postgres import PostgresStore

    with PostgresStore(url, display_url=url, pool_size=1) as store:
        applied = migrate(store)
        for component, version in applied:
            print(f"  (cached cluster: applied {component} migration {version})")
    if applied:
        # A migration that rewrites rows leaves dead tuples and clears the
        # visibility map (no index-only scans) until autovacuum has run.
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")


# --- the collector and the timings ---------------------------------------------------


def _config(folder: Path, url: str) -> Path:
    waves = []
    for index, wave in enumerate(WAVES):
        notify = (NOW - datetime.timedelta(days=DAYS - 5 * index)).date()
        lockout = (NOW + datetime.timedelta(days=10 * index - 5)).date()
        waves.append(
            f'  {{ id = "{wave}", name = "Wave {index + 1}", '
            f"notify_date = {notify}, enforcement_date = {lockout}, "
            f"conditional_access_date = {lockout} }},"
        )
    path = folder / "config.toml"
    path.write_text(
        f'[storage]\nurl = "{url}"\n[dashboard]\nwaves = [\n'
        + "\n".join(waves)
        + "\n]\n",
        encoding="utf-8",
    )
    return path


class Serving:
    """``serve --dev`` on the database; a reader token."""

    def __init__(self, folder: Path, url: str) -> None:
        command = Path(sys.executable).with_name("intune-migration-collector")
        config = _config(folder, url)
        environ = {k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")}
        self.process = subprocess.Popen(
            [str(command), "--config", str(config), "serve", "--dev", "--port", "0"],
            cwd=folder,
            env=environ,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        self.base = ""
        for line in self.process.stdout:
            if "dashboard:" in line:
                self.base = (
                    line.split("dashboard:")[1].strip().removesuffix("/dashboard")
                )
                break
        self.token = reader_token(folder, config)

    def close(self) -> None:
        stop_process(self.process, wait=30)


def _first_rows(client: httpx.Client, url: str, rows: int = 1000) -> float:
    """Seconds until ``rows`` CSV lines (after the header) have arrived."""
    began = time.perf_counter()
    seen = 0
    with client.stream("GET", url) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            seen += chunk.count(b"\n")
            if seen > rows:
                break
    return time.perf_counter() - began


def _timings(fn: Callable[[], float], runs: int) -> tuple[float, float]:
    fn()  # warm
    times = sorted(fn() for _ in range(runs))
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return statistics.median(times) * 1000, p95 * 1000


def measure(label: str, folder: Path, url: str, runs: int, devices: int) -> None:
    serving = Serving(folder, url)
    try:
        headers = {"Authorization": f"Bearer {serving.token}"}
        with httpx.Client(
            base_url=serving.base, headers=headers, timeout=120
        ) as client:

            def page() -> float:
                began = time.perf_counter()
                response = client.get("/dashboard", params={"lang": "en"})
                response.raise_for_status()
                assert b"history-wave-01" in response.content
                return time.perf_counter() - began

            def full_state() -> float:
                began = time.perf_counter()
                with client.stream("GET", "/api/v1/export.csv") as response:
                    for _ in response.iter_bytes():
                        pass
                return time.perf_counter() - began

            results = [
                ("GET /dashboard (budget p95 ≤ 500 ms)", _timings(page, runs)),
                (
                    "export.csv, latest states: first 1,000 rows (≤ 2 s)",
                    _timings(lambda: _first_rows(client, "/api/v1/export.csv"), runs),
                ),
                (
                    "export.csv?kind=events: first 1,000 rows (≤ 2 s)",
                    _timings(
                        lambda: _first_rows(client, "/api/v1/export.csv?kind=events"),
                        runs,
                    ),
                ),
                (
                    "csv/ready (safe to remove): first 1,000 rows",
                    _timings(lambda: _first_rows(client, "/dashboard/csv/ready"), runs),
                ),
                (
                    "csv/history (every wave's days)",
                    _timings(
                        lambda: _first_rows(client, "/dashboard/csv/history", 1), runs
                    ),
                ),
            ]
            whole = full_state()
        print(f"  {label}")
        for name, (median, p95) in results:
            print(f"    {name:56} median {median:7.1f} ms  p95 {p95:7.1f} ms")
        everything = f"export.csv, all {devices:,} latest states"
        print(f"    {everything:56} {whole:7.1f} s")
    finally:
        serving.close()


def main(
    runs: int = 41,
    *,
    devices: int = DEVICES,
    events: int = EVENTS,
    postgres: bool = True,
) -> None:
    """Print the dashboard's figures on SQLite and PostgreSQL."""
    samples = max(10, min(runs, 30))
    print(
        f"Dashboard at {devices:,} devices and {events:,} events "
        f"({samples} requests each, one client, loopback HTTP, `serve --dev`)"
    )
    fleet = Fleet(devices, events)
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as temp:
        folder = Path(temp)
        path = sqlite_database(fleet)
        (folder / "sqlite").mkdir()
        measure(
            "SQLite (cached file, no ANALYZE)",
            folder / "sqlite",
            f"sqlite:///{path}",
            samples,
            devices,
        )
        if not postgres:
            return
        from tests.collector.support import PostgresCluster, PostgresUnavailable

        kept = CACHE / f"pg-g{GENERATOR_VERSION}-{fleet.devices}d-{fleet.events}e"
        for old in CACHE.glob("pg-*"):
            if old != kept:
                shutil.rmtree(old, ignore_errors=True)  # another size or generator
        try:
            cluster = PostgresCluster(durable=True, folder=kept)
            cached = cluster.cached
            if not cached and (kept / "data").exists():
                shutil.rmtree(kept / "data")  # a generation that was interrupted
            cluster.start()
        except PostgresUnavailable as exc:
            print(f"  PostgreSQL: skipped ({exc})")
            return
        try:
            url = cluster.url("bench")
            if cached:
                _migrate_cached(url)
            else:
                _create_database(cluster.url(), "bench")
                postgres_database(fleet, url)
                cluster.mark_ready()
            (folder / "postgres").mkdir()
            measure(
                "PostgreSQL (after VACUUM ANALYZE)",
                folder / "postgres",
                url,
                samples,
                devices,
            )
        finally:
            cluster.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--devices", type=int, default=DEVICES)
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    main(
        args.runs,
        devices=args.devices,
        events=args.events,
        postgres=not args.no_postgres,
    )
