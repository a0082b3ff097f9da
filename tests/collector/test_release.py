# SPDX-License-Identifier: MIT
"""The release flow over HTTPS: automatic waves, the approval queue, who may
ask and approve, idempotency, limits, dry-run, the kill switch, the audit,
and secrets that never leave the collector."""

from __future__ import annotations

import contextlib
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from collector.release import store as db
from collector.storage.base import Store
from tests.collector.fakes.vendors import Device, FakeVendors
from tests.collector.release_support import (
    APPROVER,
    APPROVER_ROLE,
    OTHER_USER,
    SECRET_VALUES,
    ReleaseHarness,
    harness,
)
from tests.collector.support import USER, Certs, JwksServer, Keys

SERIAL = "FVHHFKF7Q6L4"
ENTRA = "1ab40ab2-0000-4000-8000-00000000abcd"


@pytest.fixture(scope="module")
def fake(certs: Certs) -> Iterator[FakeVendors]:
    server = FakeVendors(certs)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _fresh(fake: FakeVendors) -> None:
    fake.reset()
    fake.kandji.devices = [Device("03f81208-aaaa-bbbb-cccc-0123456789ab", SERIAL)]


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """SQLite here; the two main flows also run on PostgreSQL (below)."""
    return str(request.param)


BOTH = pytest.mark.parametrize("backend", ["sqlite", "postgres"], indirect=True)


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def start(  # noqa: PLR0917 - pytest passes fixtures by position
    store: Store,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    fake: FakeVendors,
    monkeypatch: pytest.MonkeyPatch,
    clock: Clock,
) -> Iterator[Callable[..., ReleaseHarness]]:
    """Start the collector with ``[release]`` values changed."""
    running: list[Iterator[ReleaseHarness]] = []

    def go(**options: Any) -> ReleaseHarness:
        started = harness(
            store,
            jwks=jwks,
            certs=certs,
            keys=keys,
            fake=fake,
            monkeypatch=monkeypatch,
            clock=clock,
            **options,
        )
        running.append(started)
        return next(started)

    yield go
    for started in running:
        with contextlib.suppress(StopIteration):
            next(started)


@pytest.fixture
def release(start: Callable[..., ReleaseHarness]) -> ReleaseHarness:
    return start()


@BOTH
def test_a_confirmed_device_of_an_automatic_wave_is_released_at_once(
    release: ReleaseHarness, fake: FakeVendors
) -> None:
    release.report(SERIAL, entra=ENTRA)
    request_id = str(uuid.uuid4())
    answer = release.ask(SERIAL, request_id=request_id)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["state"] == "released"
    assert body["outcome"] == "released"
    assert body["warnings"] == ["filevault-key-destroyed"]
    assert body["poll_after_seconds"] is None
    assert fake.kandji.writes == [
        ("DELETE", "/api/v1/devices/03f81208-aaaa-bbbb-cccc-0123456789ab")
    ]
    # The same request again: the same row, no second call.
    again = release.ask(SERIAL, request_id=request_id)
    assert again.status_code == 200
    assert again.json()["request_id"] == request_id
    assert release.poll(request_id).json()["state"] == "released"
    assert len(fake.kandji.writes) == 1
    audit = release.audit(request_id)
    assert [(a[1], a[3]) for a in audit] == [
        ("device", "requested"),
        ("system", "vendor-call"),
    ]
    assert audit[0][2] == USER
    assert audit[1][5:10] == (
        "released",
        204,
        "device-deleted",
        "filevault-key-destroyed",
        0,
    )


@BOTH
def test_a_device_outside_automatic_waves_waits_for_an_approver(
    release: ReleaseHarness, fake: FakeVendors
) -> None:
    release.report(SERIAL, entra=ENTRA, wave="wave-02")
    answer = release.ask(SERIAL)
    body = answer.json()
    assert (answer.status_code, body["state"], body["reason"]) == (
        201,
        "awaiting-approval",
        "wave-not-automatic",
    )
    assert body["poll_after_seconds"] == 60
    assert fake.kandji.requests == []
    # Readers see the dashboard, not the queue: another role.
    assert release.queue(release.keys.reader()).status_code == 403
    assert (
        release.decide(
            body["request_id"], token=release.keys.reader(), csrf="x"
        ).status_code
        == 403
    )
    page = release.queue(lang="fr")
    assert page.status_code == 200
    assert "Demandes de retrait" in page.text
    assert "Sa vague n’est pas retirée automatiquement" in page.text
    assert body["request_id"] in page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    # A form without the CSRF token, or from another site, is refused.
    assert release.decide(body["request_id"], csrf="").status_code == 403
    assert (
        release.decide(
            body["request_id"], headers={"Sec-Fetch-Site": "cross-site"}
        ).status_code
        == 403
    )
    assert fake.kandji.writes == []
    decided = release.decide(body["request_id"])
    assert decided.status_code == 303
    polled = release.poll(body["request_id"]).json()
    assert polled["state"] == "released"
    actions = [(a[1], a[2], a[3]) for a in release.audit(body["request_id"])]
    assert actions == [
        ("device", USER, "requested"),
        ("approver", APPROVER, "approved"),
        ("approver", APPROVER, "vendor-call"),
    ]
    # Decided once: a second decision is refused.
    assert (
        release.decide(body["request_id"], "refuse", csrf=csrf.group(1)).status_code
        == 409
    )


def test_approvers_find_the_queue_from_the_dashboard(release: ReleaseHarness) -> None:
    def dashboard(roles: list[str]) -> str:
        response = release.running.client.get(
            f"{release.running.url}/dashboard",
            params={"lang": "fr"},
            headers={"Authorization": f"Bearer {release.keys.reader(roles=roles)}"},
        )
        assert response.status_code == 200
        return response.text

    both = dashboard(["Migration.Read", APPROVER_ROLE])
    assert re.search(r'href="[^"]*/dashboard/releases\?lang=fr"', both)
    assert "Demandes de retrait" in both
    # A reader who cannot approve is not sent to a page that would refuse them.
    assert "/dashboard/releases" not in dashboard(["Migration.Read"])


def test_an_approver_can_refuse_and_the_device_hears_it(
    release: ReleaseHarness, fake: FakeVendors
) -> None:
    release.report(SERIAL, entra=ENTRA, wave="wave-02")
    request_id = release.ask(SERIAL).json()["request_id"]
    assert release.decide(request_id, "refuse").status_code == 303
    body = release.poll(request_id).json()
    assert (body["state"], body["outcome"]) == ("refused", "rejected")
    assert fake.kandji.writes == []


def test_an_unconfirmed_identity_waits_even_in_an_automatic_wave(
    release: ReleaseHarness,
) -> None:
    release.report(SERIAL)  # no deviceid claim: "reported"
    body = release.ask(SERIAL).json()
    assert (body["state"], body["reason"]) == ("awaiting-approval", "identity-reported")


def test_it_can_release_only_graph_confirmed_devices_automatically(
    start: Callable[..., ReleaseHarness],
) -> None:
    release = start(auto_identities=("graph",))
    release.report(SERIAL, entra=ENTRA)  # token-device-id: not enough here
    body = release.ask(SERIAL).json()
    assert (body["state"], body["reason"]) == ("awaiting-approval", "identity-reported")


def test_a_user_cannot_ask_for_a_device_they_never_reported(
    release: ReleaseHarness, fake: FakeVendors
) -> None:
    release.report(SERIAL, entra=ENTRA)
    # Another user knows the serial: their token names them, not the device.
    stolen = release.ask(SERIAL, oid=OTHER_USER)
    assert (stolen.status_code, stolen.json()["code"]) == (404, "device-unknown")
    mine = release.ask(SERIAL).json()
    # Nor read someone else's request.
    assert release.poll(mine["request_id"], oid=OTHER_USER).status_code == 404
    # Nor reuse its id for their own device.
    release.report("OTHERSERIAL9", oid=OTHER_USER, entra=None)
    reused = release.ask("OTHERSERIAL9", oid=OTHER_USER, request_id=mine["request_id"])
    assert (reused.status_code, reused.json()["code"]) == (409, "request-id-conflict")
    # Nor name another vendor than the device reported.
    other = release.ask("OTHERSERIAL9", oid=OTHER_USER, vendor="jamf-pro")
    assert (other.status_code, other.json()["code"]) == (409, "vendor-mismatch")


def test_a_serial_two_users_reported_always_waits_for_approval(
    release: ReleaseHarness,
) -> None:
    release.report(SERIAL, entra=ENTRA)
    release.report(SERIAL, oid=OTHER_USER, entra="2ab40ab2-0000-4000-8000-00000000abcd")
    body = release.ask(SERIAL).json()
    assert (body["state"], body["reason"]) == ("awaiting-approval", "serial-contested")


def test_a_device_may_ask_only_so_often(start: Callable[..., ReleaseHarness]) -> None:
    release = start(per_device_per_day=2, auto_waves=())
    release.report(SERIAL, entra=ENTRA)
    for _ in range(2):
        request_id = release.ask(SERIAL).json()["request_id"]
        # While one is open, asking again gives it back.
        assert release.ask(SERIAL).json()["request_id"] == request_id
        release.decide(request_id, "refuse")
    third = release.ask(SERIAL)
    assert third.status_code == 429
    assert third.headers["retry-after"] == "3600"


def test_dry_run_does_everything_but_the_vendors_write(
    start: Callable[..., ReleaseHarness], fake: FakeVendors
) -> None:
    release = start(dry_run=True)
    release.report(SERIAL, entra=ENTRA)
    body = release.ask(SERIAL).json()
    assert (body["state"], body["dry_run"]) == ("released", True)
    assert fake.kandji.writes == []
    assert any(r[1] == "/api/v1/devices" for r in fake.kandji.requests)
    assert [a[9] for a in release.audit(body["request_id"])] == [1, 1]


def test_the_kill_switch_stops_every_vendor_call_until_turned_off(
    release: ReleaseHarness, fake: FakeVendors
) -> None:
    service = release.running.app.state.release
    service.set_kill_switch(True, by="cli:test")
    release.report(SERIAL, entra=ENTRA)
    body = release.ask(SERIAL).json()
    assert (body["state"], body["reason"]) == ("in-progress", "kill-switch")
    assert release.poll(body["request_id"]).json()["reason"] == "kill-switch"
    assert fake.kandji.requests == []
    page = release.queue()
    assert 'id="kill-switch"' in page.text
    service.set_kill_switch(False, by="cli:test")
    assert release.poll(body["request_id"]).json()["state"] == "released"
    held = [a[3] for a in release.audit(body["request_id"])]
    assert held == ["requested", "held", "vendor-call"]


def test_the_vendors_429_is_honoured_then_retried_when_due(
    release: ReleaseHarness, fake: FakeVendors, clock: Clock
) -> None:
    release.report(SERIAL, entra=ENTRA)
    fake.kandji.fail_next(429, headers={"Retry-After": "30"})
    body = release.ask(SERIAL).json()
    assert (body["state"], body["outcome"]) == ("in-progress", "rate-limited")
    assert body["poll_after_seconds"] >= 30
    calls = len(fake.kandji.requests)
    assert release.poll(body["request_id"]).json()["state"] == "in-progress"
    assert len(fake.kandji.requests) == calls  # not before Retry-After
    clock.now += 31
    assert release.poll(body["request_id"]).json()["state"] == "released"


def test_vendor_errors_are_retried_then_the_request_fails(
    start: Callable[..., ReleaseHarness], fake: FakeVendors, clock: Clock
) -> None:
    release = start(max_attempts=2, retry_seconds=5)
    release.report(SERIAL, entra=ENTRA)
    fake.kandji.fail_next(503, count=2)
    body = release.ask(SERIAL).json()
    assert (body["state"], body["outcome"]) == ("in-progress", "vendor-error")
    clock.now += 6
    final = release.poll(body["request_id"]).json()
    assert (final["state"], final["outcome"]) == ("failed", "vendor-error")


def test_a_slow_vendor_answers_in_progress_at_once_and_is_called_once(
    release: ReleaseHarness, fake: FakeVendors
) -> None:
    service = release.running.app.state.release
    service.inline_wait = 0.2
    release.report(SERIAL, entra=ENTRA)
    fake.kandji.delay = 0.3  # each call: listing, details, delete
    body = release.ask(SERIAL).json()
    assert (body["state"], body["outcome"]) == ("in-progress", None)
    polled = release.poll(body["request_id"]).json()
    assert polled["state"] == "in-progress"  # the call under way is not repeated
    deadline = time.monotonic() + 10
    while polled["state"] == "in-progress" and time.monotonic() < deadline:
        time.sleep(0.2)
        polled = release.poll(body["request_id"]).json()
    assert polled["state"] == "released"
    assert len(fake.kandji.writes) == 1


def test_secrets_never_reach_the_logs_or_any_response(
    release: ReleaseHarness,
    fake: FakeVendors,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    release.report(SERIAL, entra=ENTRA)
    release.ask(SERIAL)
    fake.ws1.devices = [Device("1234", "WS1SERIAL01")]
    release.report(
        "WS1SERIAL01",
        vendor="workspace-one",
        entra="3ab40ab2-0000-4000-8000-00000000abcd",
    )
    fake.ws1.fail_next(401)
    release.ask("WS1SERIAL01", vendor="workspace-one")
    release.queue()
    texts = [caplog.text] + [r.text for r in release.responses]
    texts += [str(dict(r.headers)) for r in release.responses]
    for secret in SECRET_VALUES:
        assert not any(secret in text for text in texts), secret


def test_release_off_answers_404(start: Callable[..., ReleaseHarness]) -> None:
    release = start(enabled=False)
    release.report(SERIAL, entra=ENTRA)
    answer = release.ask(SERIAL)
    assert (answer.status_code, answer.json()["code"]) == (404, "release-disabled")


def test_bad_bodies_are_named(release: ReleaseHarness) -> None:
    url = f"{release.running.url}/api/v1/release-requests"
    headers = {"Authorization": f"Bearer {release.keys.mint()}"}
    client = release.running.client
    answer = client.post(url, json={"request_id": "nope"}, headers=headers)
    assert answer.status_code == 400
    assert "request_id" in answer.json()["detail"]
    answer = client.post(
        url, content=b"{", headers={**headers, "Content-Type": "application/json"}
    )
    assert answer.json()["code"] == "bad-request"
    answer = client.post(
        url, content=b"{}", headers={**headers, "Content-Type": "text/plain"}
    )
    assert answer.status_code == 415
    answer = client.post(
        url,
        content=b"{" + b" " * 5000 + b"}",
        headers={**headers, "Content-Type": "application/json"},
    )
    assert (answer.status_code, answer.json()["code"]) == (413, "body-too-large")
    # A reader (no report scope) cannot ask.
    answer = client.post(
        url, json={}, headers={"Authorization": f"Bearer {release.keys.reader()}"}
    )
    assert answer.status_code == 403


def test_the_audit_names_ids_never_names_or_serials(release: ReleaseHarness) -> None:
    release.report(SERIAL, entra=ENTRA)
    request_id = release.ask(SERIAL).json()["request_id"]
    with release.running.store.read() as conn:
        rows = conn.fetchall(f"SELECT * FROM {db.AUDIT}") + conn.fetchall(
            f"SELECT * FROM {db.REQUESTS}"
        )
    text = repr(rows)
    assert request_id in text
    for private in (SERIAL, "alice", "Alice", "contoso"):
        assert private not in text
