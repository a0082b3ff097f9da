# SPDX-License-Identifier: MIT
"""Issue 16's "done when": on a Kandji ADE Mac and on a Windows PC whose
Disconnect is greyed out, the journey reaches Intune without the user
contacting IT: the helper asks the collector, the collector's connector
releases the device from the fake old EMM (automatically, or once an approver
approved), and the journey detects again as always."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from collector.storage.base import Store
from helper.config.model import Config, Reporting
from helper.journey.scenarios import load_scenario
from helper.report.event import serial_digest
from helper.report.release import ReleaseClient
from helper.report.token import StaticTokenProvider
from helper.server_release import ServerRelease, offered
from tests.collector.fakes.vendors import Device, FakeVendors, Vendor
from tests.collector.release_support import ReleaseHarness, harness
from tests.collector.support import Certs, JwksServer, Keys
from tests.helper.journey_driver import make_journey, planner_named, walk

SERIAL = "C02XK1ABCDEF"
ENTRA = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
CASES = {
    # scenario: (vendor, OS family, the fake vendor's name, its device)
    "kandji-ade-macos": (
        "kandji",
        "macos",
        "kandji",
        "03f81208-aaaa-bbbb-cccc-0123456789ab",
    ),
    "ws1-entra-joined-windows": ("workspace-one", "windows", "ws1", "1234"),
}


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def fake(certs: Certs) -> Iterator[FakeVendors]:
    server = FakeVendors(certs)
    yield server
    server.close()


@pytest.fixture
def release(  # noqa: PLR0917 - pytest passes fixtures by position
    store: Store,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    fake: FakeVendors,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[ReleaseHarness]:
    for name in ("ws1", "jamf", "kandji", "epmm", "neurons", "hook"):
        setattr(fake, name, Vendor())
    yield from harness(
        store, jwks=jwks, certs=certs, keys=keys, fake=fake, monkeypatch=monkeypatch
    )


@pytest.mark.parametrize("approval", [False, True], ids=["automatic", "approved"])
@pytest.mark.parametrize("scenario_name", list(CASES))
def test_the_journey_ends_in_intune_without_contacting_it(
    release: ReleaseHarness, certs: Certs, scenario_name: str, approval: bool
) -> None:
    vendor, os_family, fake_name, ref = CASES[scenario_name]
    fake_vendor: Vendor = getattr(release.fake, fake_name)
    fake_vendor.devices = [
        Device(ref, SERIAL, platform="Mac" if os_family == "macos" else "Windows")
    ]
    # The device reported before (its events carry the serial digest), with
    # its own device identity; its wave is automatic or not.
    release.report(
        SERIAL,
        vendor=vendor,
        os_family=os_family,
        entra=ENTRA,
        wave="wave-02" if approval else "wave-auto",
    )

    device = load_scenario(scenario_name).device()
    journey, recording = make_journey(device, planner=planner_named("real"))
    view = journey.start()
    assert (view.stage, view.code, view.vendor) == (
        "contact-it",
        "not-removable",
        vendor,
    )
    config = Config(
        reporting=Reporting(
            enabled=True, collector_url=release.running.url, server_release=True
        )
    )
    assert offered(config, view) == vendor
    assert offered(Config(), view) is None  # IT did not turn it on

    tokens = StaticTokenProvider([release.keys.mint(deviceid=ENTRA)] * 2)
    with httpx.Client(verify=certs.client_context(), timeout=10) as http:
        server = ServerRelease(
            journey,
            ReleaseClient(http, release.running.url, tokens),
            serial_digest(SERIAL) or "",
            reporter=recording,
        )
        step = server.ask()
        if approval:
            assert step.progress.stage == "waiting-approval"
            assert fake_vendor.writes == []
            assert server.refresh().progress.stage == "waiting-approval"
            assert release.decide(step.progress.request_id).status_code == 303
            step = server.refresh()
    assert step.progress.stage == "done"
    assert len(fake_vendor.writes) >= 1
    # Detected again: the old EMM is gone, the journey re-planned to join.
    assert not step.still_enrolled
    assert step.view.path == "join-only"
    view = walk(journey, journey.act("begin"))
    assert view.stage == "done"
    assert device.position == "joined"
    # The user never did a contact-it step: only the server release happened.
    contact_steps = [s for s, stage, _ in device.history if stage == "contact-it"]
    assert contact_steps == ["server-release"]
    codes = [e.code for e in recording.events if e.step == "server-release"]
    expected = ["server-release-done"]
    if approval:
        expected = ["server-release-waiting-approval", "server-release-done"]
    assert codes == expected
