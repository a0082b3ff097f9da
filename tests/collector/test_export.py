# SPDX-License-Identifier: MIT
"""Reads for IT: GET /api/v1/devices (filters, pages) and the streamed CSV export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from collector.auth import Principal
from collector.config import DevicesConfig, ServerConfig
from collector.export import PAGE_ROWS, STATE_CSV_COLUMNS, _cell
from collector.ingest import Ingestor
from collector.storage import migrate
from collector.storage.schema import EVENT_COLUMNS
from tests.collector.conftest import (
    BACKENDS,
    Running,
    batch,
    make_config,
    open_backend,
    start_collector,
)
from tests.collector.support import (
    HELPER_CLIENT,
    TENANT,
    USER,
    Certs,
    JwksServer,
    Keys,
    make_event,
)

DAY = 86400.0
START = 1_780_000_000.0  # 2026-05-28
PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())
DEVICES = PAGE_ROWS + 150  # the CSV crosses a page boundary


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[tuple[Running, Clock]]:
    """DEVICES devices in 3 waves × 3 states × 2 OS; 50 of them silent for 10
    days; served by a collector whose clock is 10 days later. Read-only: one
    per module and backend."""
    store, _ = open_backend(
        str(request.param), tmp_path_factory.mktemp("export"), request
    )
    try:
        migrate(store)
        clock = Clock()
        # One test user stands for a fleet here: no per-user limit.
        ingestor = Ingestor(
            store,
            ServerConfig(),
            devices=DevicesConfig(max_per_user=100_000, flag_per_user=100_000),
            clock=clock,
        )
        states = ("in-progress", "failed", "succeeded")
        events = [
            make_event(
                seq=n + 1,
                serial=f"SER-{n:05d}",
                wave=f"wave-{n % 3 + 1:02d}",
                overall=states[n // 3 % 3],  # type: ignore[arg-type]
                os_family="macos" if n % 2 else "windows",
                vendor="jamf-pro" if n % 2 else "workspace-one",
            )
            for n in range(DEVICES)
        ]
        silent, recent = events[:50], events[50:]
        for start in range(0, len(silent), 100):
            ingestor.process(batch(silent[start : start + 100]), "", PRINCIPAL)
        clock.now += 10 * DAY
        for start in range(0, len(recent), 100):
            ingestor.process(batch(recent[start : start + 100]), "", PRINCIPAL)
        config = make_config(store.display_url, jwks, certs)
        for running in start_collector(store, config, certs, keys, clock=clock):
            yield running, clock
    finally:
        store.close()


def _all_pages(running: Running, **params: Any) -> list[dict[str, Any]]:
    devices: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = dict(params)
        if cursor:
            query["cursor"] = cursor
        response = running.get("/api/v1/devices", **query)
        assert response.status_code == 200, response.text
        body = response.json()
        devices += body["devices"]
        cursor = body["next_cursor"]
        if cursor is None:
            return devices


def test_devices_pages_cover_everything_once(seeded: tuple[Running, Clock]) -> None:
    running, _ = seeded
    devices = _all_pages(running, limit=400)
    keys = [d["device_key"] for d in devices]
    assert len(keys) == DEVICES
    assert keys == sorted(set(keys))
    first = devices[0]
    assert set(first) == {*STATE_CSV_COLUMNS, "payload"}
    payload = first["payload"]
    assert isinstance(payload, dict)
    assert payload["event_id"] == first["last_event_id"]
    assert first["legacy_still_enrolled"] is True


def test_devices_filters(seeded: tuple[Running, Clock]) -> None:
    running, _ = seeded
    failed_w1 = _all_pages(running, wave="wave-01", state="failed", limit=1000)
    assert failed_w1
    assert {(d["wave_id"], d["overall_state"]) for d in failed_w1} == {
        ("wave-01", "failed")
    }
    either = running.get(
        "/api/v1/devices", state=["failed", "succeeded"], os="macos", limit=1000
    ).json()["devices"]
    assert {d["overall_state"] for d in either} == {"failed", "succeeded"}
    assert {(d["os_family"], d["legacy_vendor"]) for d in either} == {
        ("macos", "jamf-pro")
    }
    stale = _all_pages(running, stale_days=7)
    assert len(stale) == 50
    assert _all_pages(running, stale_days=11) == []


@pytest.mark.parametrize(
    "params",
    [
        {"wave_id": "wave-01"},
        {"limit": "0"},
        {"limit": "1001"},
        {"limit": "ten"},
        {"limit": "²"},
        {"limit": "1", "wave": "x" * 65},
        {"stale_days": "-1"},
        {"cursor": "%%%"},
        {"wave": ""},
    ],
)
def test_devices_bad_parameters(
    seeded: tuple[Running, Clock], params: dict[str, str]
) -> None:
    running, _ = seeded
    response = running.get("/api/v1/devices", **params)
    assert response.status_code == 400
    assert response.json()["code"] == "bad-query"


def _download(running: Running, **params: Any) -> tuple[list[list[str]], int]:
    chunks = 0
    data = bytearray()
    with running.client.stream(
        "GET",
        f"{running.url}/api/v1/export.csv",
        params=params,
        headers={"Authorization": f"Bearer {running.keys.reader()}"},
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert "attachment" in response.headers["content-disposition"]
        # Streamed: no Content-Length, chunked transfer.
        assert "content-length" not in response.headers
        for chunk in response.iter_raw():
            chunks += 1
            data += chunk
    return list(csv.reader(io.StringIO(data.decode("utf-8")))), chunks


def test_csv_latest_state_is_complete_and_correct(
    seeded: tuple[Running, Clock],
) -> None:
    running, _ = seeded
    rows, chunks = _download(running)
    assert chunks >= 2
    assert rows[0] == list(STATE_CSV_COLUMNS)
    assert len(rows) == DEVICES + 1
    with running.store.read() as conn:
        expected = conn.fetchall(
            f"SELECT {', '.join(STATE_CSV_COLUMNS)} FROM device_state "
            "ORDER BY device_key"
        )
    as_text = [["" if v is None else str(v) for v in row] for row in expected]
    assert rows[1:] == as_text
    filtered, _ = _download(running, wave="wave-02", state="succeeded")
    assert {(r[12], r[17]) for r in filtered[1:]} == {("wave-02", "succeeded")}


def test_csv_raw_events_in_arrival_order(seeded: tuple[Running, Clock]) -> None:
    running, _ = seeded
    rows, _ = _download(running, kind="events")
    assert rows[0] == list(EVENT_COLUMNS)
    assert len(rows) == DEVICES + 1
    received = [r[EVENT_COLUMNS.index("received_utc")] for r in rows[1:]]
    assert received == sorted(received)
    payload = json.loads(rows[1][EVENT_COLUMNS.index("payload")])
    assert payload["schema"] == "migration-status/1"
    # since: only the events of the second day of arrivals.
    recent, _ = _download(running, kind="events", since="2026-06-01")
    assert len(recent) == DEVICES - 50 + 1
    old, _ = _download(running, kind="events", until="2026-06-01T00:00:00Z")
    assert len(old) == 50 + 1


def test_every_parameter_applies_to_both_kinds(
    seeded: tuple[Running, Clock],
) -> None:
    """The OpenAPI contract cannot say "this parameter only with that one": a
    client following it must get an answer, not a 400 (schemathesis found
    it). Device filters select devices, since and until arrival times."""
    running, _ = seeded
    states, _ = _download(running, wave="wave-02")
    keys = {r[0] for r in states[1:]}
    events, _ = _download(running, kind="events", wave="wave-02")
    column = EVENT_COLUMNS.index("device_key")
    assert events[1:] and {r[column] for r in events[1:]} == keys
    recent, _ = _download(running, since="2026-06-01")
    assert len(recent) == DEVICES - 50 + 1
    both, _ = _download(running, kind="events", since="2026-06-01", wave="wave-02")
    assert {r[column] for r in both[1:]} <= keys and len(both) < len(events)


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "everything"},
        {"kind": ""},
        {"kind": "events", "since": "yesterday"},
        {"kind": "events", "until": "0001-01-01T00:00:00+01:00"},
        {"format": "xlsx"},
    ],
)
def test_csv_bad_parameters(
    seeded: tuple[Running, Clock], params: dict[str, str]
) -> None:
    running, _ = seeded
    response = running.get("/api/v1/export.csv", **params)
    assert response.status_code == 400


def test_csv_cells_cannot_become_formulas() -> None:
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("@SUM(A1)") == "'@SUM(A1)"
    assert _cell("wave-01") == "wave-01"
    assert _cell(None) == ""
    assert _cell(5) == 5
