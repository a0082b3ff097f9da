# SPDX-License-Identifier: MIT
"""The dashboard's "Confirmed by Intune" section over real HTTPS: per wave,
what Intune confirms next to what devices reported, the limbo and
re-enrolled lists, their CSV, in English and French, on both databases."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest

from collector.config import DevicesConfig
from collector.dashboard.settings import DashboardConfig
from collector.storage import Store
from tests.collector.conftest import Running, make_config, start_collector
from tests.collector.fake_graph import FakeGraph, managed_device
from tests.collector.support import SERIAL_KEY, USER, Certs, JwksServer, Keys
from tests.collector.test_dashboard import Page
from tests.collector.test_graph import (
    Clock,
    graph,  # noqa: F401 - the fake Graph fixture
    intune_settings,
    left_event,
    run_sync,
)

HOUR = 3600.0


def report(
    collector: Running, serial: str, seq: int, *, still: bool, **kw: Any
) -> None:
    event = left_event(serial, seq=seq, still=still)
    event = msgspec.structs.replace(event, **kw)
    assert collector.post_events([event]).status_code == 200


@pytest.fixture
def dashboard(
    store: Store,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    graph: FakeGraph,  # noqa: F811 - the fixture imported above
) -> Iterator[tuple[Running, Clock]]:
    config = msgspec.structs.replace(
        make_config(store.display_url, jwks, certs),
        devices=DevicesConfig(serial_hmac_key=SERIAL_KEY),
        extensions={
            "dashboard": DashboardConfig(),
            "intune": intune_settings(graph, certs, limbo_hours=24),
        },
    )
    clock = Clock()
    for running in start_collector(store, config, certs, keys, clock=clock):
        yield running, clock


def seed(collector: Running, clock: Clock, graph: FakeGraph) -> None:  # noqa: F811
    """wave-01: A (compliant, the device says it is in Intune), B (not
    compliant), C (left 30 hours ago, not in Intune: limbo); wave-02: D (left
    2 hours ago: not yet limbo), E (left, then back in the old EMM), F (never
    left)."""
    report(collector, "SN-C", 1, still=False, wave_id="wave-01")
    clock.now += 28 * HOUR
    report(
        collector, "SN-A", 1, still=False, wave_id="wave-01", overall_state="succeeded"
    )
    report(collector, "SN-B", 1, still=False, wave_id="wave-01")
    report(collector, "SN-E", 1, still=False, wave_id="wave-02")
    report(collector, "SN-F", 1, still=True, wave_id="wave-02")
    report(collector, "SN-D", 1, still=False, wave_id="wave-02")
    clock.now += HOUR
    report(collector, "SN-E", 2, still=True, wave_id="wave-02")
    a = managed_device("SN-A", user=USER)
    graph.managed = [a, managed_device("SN-B", user=USER, compliance="noncompliant")]
    graph.add_key(a)
    clock.now += HOUR
    assert run_sync(collector, clock).matched == 2


def test_per_wave_counts_limbo_and_re_enrolled(
    dashboard: tuple[Running, Clock],
    graph: FakeGraph,  # noqa: F811
) -> None:
    collector, clock = dashboard
    seed(collector, clock, graph)
    response = collector.get("/dashboard", lang="en")
    assert response.status_code == 200, response.text
    found = Page(response.text)
    waves = found.rows("intune")
    assert waves["wave-01"] == {
        "wave": "wave-01",
        "devices": "3",
        "reported": "1",
        "confirmed": "2",
        "compliant": "1",
        "noncompliant": "1",
        "escrowed": "1",
        "limbo": "1",
        "reenrolled": "0",
    }
    assert (waves["wave-02"]["confirmed"], waves["wave-02"]["limbo"]) == ("0", "0")
    assert waves["wave-02"]["reenrolled"] == "1"
    limbo = found.rows("limbo")
    assert len(limbo) == 1
    (row,) = limbo.values()
    assert (row["wave"], row["hours"], row["intune"]) == ("wave-01", "30", "not-found")
    (back,) = found.rows("re-enrolled").values()
    assert back["wave"] == "wave-02"
    assert "Confirmed by Intune (Microsoft Graph)" in found.texts
    # Another 23 hours: D is in limbo too.
    clock.now += 23 * HOUR
    later = Page(collector.get("/dashboard").text).rows("intune")
    assert later["wave-02"]["limbo"] == "1"


def test_csv_and_french(
    dashboard: tuple[Running, Clock],
    graph: FakeGraph,  # noqa: F811
) -> None:
    collector, clock = dashboard
    seed(collector, clock, graph)

    def rows(name: str) -> list[dict[str, str]]:
        response = collector.get(f"/dashboard/csv/{name}")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        return list(csv.DictReader(io.StringIO(response.text)))

    per_wave = {r["wave"]: r for r in rows("intune")}
    assert per_wave["wave-01"]["confirmed"] == "2"
    assert per_wave["wave-01"]["compliant"] == "1"
    (limbo,) = rows("limbo")
    assert limbo["wave"] == "wave-01" and limbo["intune"] == "not-found"
    assert len(limbo["serial_hmac"]) == 64 and limbo["left_utc"].endswith("Z")
    (back,) = rows("re-enrolled")
    assert back["reenrolled_utc"] and back["wave"] == "wave-02"
    french = Page(collector.get("/dashboard", lang="fr").text)
    assert "Confirmé par Intune (Microsoft Graph)" in french.texts
    assert "Dans les limbes : ont quitté l’ancien EMM, absents d’Intune" in french.texts
    assert any(
        t.startswith("Dernière synchronisation Microsoft Graph") and "(réussie)" in t
        for t in french.texts
    )


def test_with_the_graph_check_off_nobody_is_in_limbo(
    store: Store, jwks: JwksServer, certs: Certs, keys: Keys
) -> None:
    config = msgspec.structs.replace(
        make_config(store.display_url, jwks, certs),
        devices=DevicesConfig(serial_hmac_key=SERIAL_KEY),
        extensions={"dashboard": DashboardConfig()},
    )
    clock = Clock()
    for collector in start_collector(store, config, certs, keys, clock=clock):
        report(collector, "SN-1", 1, still=False, wave_id="wave-01")
        clock.now += 100 * HOUR
        found = Page(collector.get("/dashboard").text)
        assert found.rows("intune")["wave-01"]["limbo"] == "0"
        assert "limbo" not in found.tables  # an empty list has no table
        assert any("[intune] enabled = false" in t for t in found.texts)


def test_a_listed_device_confirmed_before_it_reports_counts_once_it_does(
    dashboard: tuple[Running, Clock],
    graph: FakeGraph,  # noqa: F811
) -> None:
    from collector.expected import ExpectedRow, store_expected
    from tests.collector.support import serial_hmac

    collector, clock = dashboard
    store_expected(
        collector.store, [ExpectedRow(serial_hmac("SN-L"), "wave-09", None, 2)]
    )
    graph.managed = [managed_device("SN-L", user=USER, compliance="noncompliant")]
    assert run_sync(collector, clock).matched == 1  # known from IT's list only
    report(collector, "SN-L", 1, still=False, wave_id="wave-01")
    waves = Page(collector.get("/dashboard").text).rows("intune")
    # IT's list gives the wave; the verdict was copied when the device reported.
    assert (waves["wave-09"]["confirmed"], waves["wave-09"]["noncompliant"]) == (
        "1",
        "1",
    )
    # Gone from Intune at the next sync: no longer counted.
    graph.managed = []
    run_sync(collector, clock)
    waves = Page(collector.get("/dashboard").text).rows("intune")
    assert (waves["wave-09"]["confirmed"], waves["wave-09"]["noncompliant"]) == (
        "0",
        "0",
    )
