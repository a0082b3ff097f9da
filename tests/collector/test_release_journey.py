# SPDX-License-Identifier: MIT
"""Issue 16's "done when": on a Kandji ADE Mac and on a Windows PC whose
Disconnect is greyed out, the journey reaches Intune without the user
contacting IT: the helper asks the collector, the collector's connector
releases the device from the fake old EMM (automatically, or once an approver
approved), and the journey detects again as always."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from collector.storage.base import Store
from helper.config.model import Config, Reporting
from helper.journey.scenarios import load_scenario
from helper.report.event import serial_digest
from helper.report.release import STAGES, ReleaseClient, new_request_id, parse_answer
from helper.report.token import StaticTokenProvider
from helper.server_release import ServerRelease, offered
from tests.collector.fakes.vendors import Device, FakeVendors, Vendor
from tests.collector.release_support import ReleaseHarness, harness
from tests.collector.support import Certs, JwksServer, Keys, free_port
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
    fake.reset()
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


# --- the helper's client, against the same collector ----------------------------


def test_an_expired_token_is_refreshed_once_then_the_request_goes(
    release: ReleaseHarness, certs: Certs
) -> None:
    release.fake.kandji.devices = [
        Device("03f81208-aaaa-bbbb-cccc-0123456789ab", SERIAL)
    ]
    release.report(SERIAL, entra=ENTRA)
    expired = release.keys.mint(deviceid=ENTRA, exp=1)
    tokens = StaticTokenProvider([expired, release.keys.mint(deviceid=ENTRA)])
    with httpx.Client(verify=certs.client_context(), timeout=10) as http:
        client = ReleaseClient(http, release.running.url, tokens)
        progress = client.ask(new_request_id(), serial_digest(SERIAL) or "", "kandji")
    assert progress.stage == "done"
    assert tokens.calls == [False, True]


def test_what_the_collector_cannot_do_is_unavailable_and_an_unknown_device_is_retried(
    release: ReleaseHarness, certs: Certs
) -> None:
    release.report(SERIAL, entra=ENTRA)
    tokens = StaticTokenProvider([release.keys.mint(deviceid=ENTRA)] * 4)
    with httpx.Client(verify=certs.client_context(), timeout=10) as http:
        client = ReleaseClient(http, release.running.url, tokens)
        digest = serial_digest(SERIAL) or ""
        other_vendor = client.ask(new_request_id(), digest, "jamf-pro")
        unknown = client.ask(
            new_request_id(), serial_digest("NEVERREPORTED1") or "", "kandji"
        )
    assert (other_vendor.stage, other_vendor.outcome) == (
        "unavailable",
        "vendor-mismatch",
    )
    assert (unknown.stage, unknown.outcome) == ("retry", "device-unknown")


def test_an_unreachable_collector_is_retried_later(certs: Certs) -> None:
    tokens = StaticTokenProvider(["token"])
    with httpx.Client(verify=certs.client_context(), timeout=2) as http:
        client = ReleaseClient(http, f"https://127.0.0.1:{free_port()}", tokens)
        progress = client.poll(new_request_id())
    assert (progress.stage, progress.outcome) == ("retry", "unreachable")
    assert progress.poll_after == 30


@settings(max_examples=150, deadline=None)
@given(
    status=st.sampled_from([200, 201, 400, 401, 403, 404, 409, 429, 500, 503]),
    body=st.one_of(
        st.binary(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda children: (
                st.lists(children, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        [
                            "state",
                            "code",
                            "warnings",
                            "poll_after_seconds",
                            "outcome",
                            "dry_run",
                            "request_id",
                            "x",
                        ]
                    ),
                    children,
                    max_size=6,
                )
            ),
            max_leaves=15,
        ).map(lambda value: json.dumps(value).encode()),
    ),
    retry_after=st.one_of(
        st.none(), st.text(max_size=8), st.integers(0, 10**9).map(str)
    ),
)
@example(status=429, body=b"", retry_after="\u00b9")  # "¹".isdigit() is True
def test_any_answer_becomes_a_progress_never_an_exception(
    status: int, body: bytes, retry_after: str | None
) -> None:
    progress = parse_answer(status, body, retry_after, "req")
    assert progress.stage in STAGES
    if progress.poll_after is not None:
        assert 0 <= progress.poll_after <= 3600
    if progress.final:
        assert progress.poll_after is None
