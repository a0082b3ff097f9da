# SPDX-License-Identifier: MIT
"""Each connector against its fake vendor API (HTTPS on loopback): sign-in,
paging, the release call, and every failure the vendor documents."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collector.connectors import MissingSecret, build, secrets_for
from collector.connectors.base import (
    HashedInventory,
    Outcome,
    Target,
    VendorDevice,
    url_problem,
)
from collector.connectors.secrets import Secret, SecretStore
from collector.connectors.settings import ConnectorConfig
from collector.connectors.webhook import sign, verify
from helper.report.event import serial_hmac
from tests.collector.fakes.vendors import (
    BASIC_PASSWORD,
    BASIC_USER,
    CLIENT_ID,
    CLIENT_SECRET,
    KANDJI_TOKEN,
    WEBHOOK_SECRET,
    Device,
    FakeVendors,
    Vendor,
)
from tests.collector.support import Certs

KEY = "release-test-serial-hmac-key-0123456789"
SERIAL = "C02XK1ABCDEF"


@pytest.fixture(scope="module")
def fake(certs: Certs) -> Iterator[FakeVendors]:
    server = FakeVendors(certs)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _fresh(fake: FakeVendors) -> None:
    fake.reset()


SECRETS: dict[str, dict[str, str]] = {
    "workspace-one": {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
    "jamf": {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
    "kandji": {"token": KANDJI_TOKEN},
    "ivanti-epmm": {"username": BASIC_USER, "password": BASIC_PASSWORD},
    "ivanti-neurons": {"username": BASIC_USER, "password": BASIC_PASSWORD},
    "webhook": {"secret": WEBHOOK_SECRET},
}
PREFIX = {
    "workspace-one": "ws1",
    "jamf": "jamf",
    "kandji": "kandji",
    "ivanti-epmm": "epmm",
    "ivanti-neurons": "neurons",
    "webhook": "hook",
}


def connector(
    fake: FakeVendors,
    certs: Certs,
    kind: str,
    *,
    secrets: dict[str, str] | None = None,
    **changes: Any,
) -> Any:
    prefix = PREFIX[kind]
    settings = ConnectorConfig(
        vendor=kind,
        kind=kind,  # type: ignore[arg-type]
        base_url=f"{fake.url}/{prefix}",
        token_url=f"{fake.url}/ws1auth/connect/token"
        if kind == "workspace-one"
        else "",
        ca_file=str(certs.ca_file),
        timeout_seconds=5,
        **changes,
    )
    values = SECRETS[kind] if secrets is None else secrets
    return build(settings, {k: Secret(v) for k, v in values.items()}, KEY)


def vendor_of(fake: FakeVendors, kind: str) -> Vendor:
    vendor: Vendor = getattr(fake, PREFIX[kind])
    return vendor


def target(serial: str = SERIAL) -> Target:
    digest = serial_hmac(serial, KEY)
    assert digest is not None
    return Target(serial_hmac=digest, request_id="req-1", os_family="macos")


# Refs each fake accepts (numeric for WS1 and Neurons).
def ref(kind: str, n: int) -> str:
    if kind in ("workspace-one", "ivanti-neurons", "jamf"):
        return str(1000 + n)
    return f"0{n:07d}-aaaa-bbbb-cccc-0123456789ab"


VENDOR_KINDS = ["workspace-one", "jamf", "kandji", "ivanti-epmm", "ivanti-neurons"]
# Page sizes the connectors use: one device more forces a second page.
PAGE = {
    "workspace-one": 500,
    "jamf": 200,
    "kandji": 300,
    "ivanti-epmm": 200,
    "ivanti-neurons": 500,
}


@pytest.mark.parametrize("kind", VENDOR_KINDS)
def test_a_device_on_the_second_page_is_found_by_its_hmac_and_released(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, n), f"SERIAL{n:06d}") for n in range(PAGE[kind])]
    vendor.devices.append(Device(ref(kind, 99999), SERIAL))
    conn = connector(fake, certs, kind)
    try:
        outcome = conn.release(target(), dry_run=False)
    finally:
        conn.close()
    assert outcome.code == "released", outcome
    assert outcome.vendor_ref == ref(kind, 99999)
    assert (
        vendor.device(ref(kind, 99999)) is None
        or vendor.devices[-1].state == "released"
    )
    assert len(vendor.writes) >= 1
    pages = [r for r in vendor.requests if r[0] == "GET" and "details" not in r[1]]
    assert len(pages) == 2


@pytest.mark.parametrize("kind", VENDOR_KINDS)
def test_dry_run_signs_in_and_looks_up_but_never_writes(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, 1), SERIAL)]
    conn = connector(fake, certs, kind)
    outcome = conn.release(target(), dry_run=True)
    conn.close()
    assert outcome.code == "released" and outcome.dry_run
    assert vendor.writes == []
    assert vendor.devices[0].state == "managed"


@pytest.mark.parametrize("kind", VENDOR_KINDS)
def test_an_unknown_serial_is_not_found_without_a_write(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, 1), "OTHERSERIAL1")]
    conn = connector(fake, certs, kind)
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert outcome.code == "not-found"
    assert vendor.writes == []


@pytest.mark.parametrize("kind", VENDOR_KINDS)
def test_wrong_credentials_are_auth_failed(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, 1), SERIAL)]
    wrong = {k: v + "-wrong" for k, v in SECRETS[kind].items()}
    conn = connector(fake, certs, kind, secrets=wrong)
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert outcome.code == "auth-failed"
    assert outcome.status == 401
    assert vendor.writes == []


@pytest.mark.parametrize("kind", VENDOR_KINDS)
def test_429_gives_rate_limited_with_the_vendors_retry_after(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, 1), SERIAL)]
    conn = connector(fake, certs, kind)
    # The first call (the token, or the listing) is answered 429.
    vendor.fail_next(429, headers={"Retry-After": "120"})
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert (outcome.code, outcome.retry_after) == ("rate-limited", 120)
    assert vendor.writes == []


@pytest.mark.parametrize("kind", ["kandji", "ivanti-epmm", "ivanti-neurons"])
def test_429_on_the_listing_is_rate_limited_and_5xx_is_vendor_error(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, 1), SERIAL)]
    conn = connector(fake, certs, kind)
    vendor.fail_next(429, headers={"Retry-After": "7"})
    limited = conn.release(target(), dry_run=False)
    vendor.fail_next(503)
    broken = conn.release(target(), dry_run=False)
    released = conn.release(target(), dry_run=False)
    conn.close()
    assert (limited.code, limited.retry_after) == ("rate-limited", 7)
    assert (broken.code, broken.status) == ("vendor-error", 503)
    assert released.code == "released"


def test_an_expired_token_is_refreshed_once(fake: FakeVendors, certs: Certs) -> None:
    fake.jamf.devices = [Device("42", SERIAL)]
    conn = connector(fake, certs, "jamf")
    fake.jamf.expire_tokens = 1
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert outcome.code == "released"
    assert len(fake.jamf.tokens_issued) == 2


def test_jamf_removes_the_profile_then_marks_the_record_unmanaged(
    fake: FakeVendors, certs: Certs
) -> None:
    fake.jamf.devices = [Device("42", SERIAL)]
    conn = connector(fake, certs, "jamf")
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert [w for w in fake.jamf.writes] == [
        ("POST", "/api/v1/computer-inventory/42/remove-mdm-profile"),
        ("PATCH", "/api/v1/computers-inventory-detail/42"),
    ]
    assert json.loads(fake.jamf.bodies[0]) == {
        "general": {"remoteManagement": {"managed": False}}
    }
    assert outcome.reason == "remove-mdm-profile+unmanaged"


def test_kandji_warns_that_the_escrowed_filevault_key_goes_with_the_record(
    fake: FakeVendors, certs: Certs
) -> None:
    fake.kandji.devices = [Device(ref("kandji", 1), SERIAL, filevault_escrowed=True)]
    conn = connector(fake, certs, "kandji")
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert outcome.code == "released"
    assert outcome.warnings == ("filevault-key-destroyed",)
    # The key itself is never read.
    assert not any("secrets" in path for _, path, _ in fake.kandji.requests)


@pytest.mark.parametrize("kind", ["workspace-one", "ivanti-epmm", "ivanti-neurons"])
def test_an_offline_device_stays_pending_and_a_second_request_says_so(
    fake: FakeVendors, certs: Certs, kind: str
) -> None:
    vendor = vendor_of(fake, kind)
    vendor.devices = [Device(ref(kind, 1), SERIAL, online=False)]
    conn = connector(fake, certs, kind, inventory_ttl_seconds=0)
    first = conn.release(target(), dry_run=False)
    second = conn.release(target(), dry_run=False)
    conn.close()
    assert first.code == "released"
    assert second.code == "pending"
    assert len(vendor.writes) == 1


def test_tls_is_verified_a_server_outside_the_trust_store_is_refused(
    fake: FakeVendors, certs: Certs
) -> None:
    fake.kandji.devices = [Device(ref("kandji", 1), SERIAL)]
    settings = ConnectorConfig(
        vendor="kandji", kind="kandji", base_url=f"{fake.url}/kandji"
    )
    conn = build(settings, {"token": Secret(KANDJI_TOKEN)}, KEY)
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert (outcome.code, outcome.reason) == ("vendor-error", "network")
    assert fake.kandji.requests == []


def test_the_webhook_is_signed_and_the_receiver_can_verify_it(
    fake: FakeVendors, certs: Certs
) -> None:
    conn = connector(fake, certs, "webhook")
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert outcome.code == "released"
    body = json.loads(fake.hook.bodies[0])
    assert body["type"] == "release-requested"
    assert body["id"] == "req-1"
    assert body["device"] == {"serial_hmac": target().serial_hmac, "os_family": "macos"}
    headers = fake.hook.headers[0]
    assert headers["idempotency-key"] == "req-1"
    assert verify(
        WEBHOOK_SECRET,
        headers["x-release-timestamp"],
        headers["x-release-signature"],
        fake.hook.bodies[0],
        now=time.time(),
    )


def test_a_replayed_or_tampered_webhook_fails_verification() -> None:
    body = b'{"id":"x"}'
    now = 1_800_000_000
    good = sign(WEBHOOK_SECRET, now, body)
    assert verify(WEBHOOK_SECRET, str(now), good, body, now=now + 10)
    assert not verify(WEBHOOK_SECRET, str(now), good, body, now=now + 301)
    assert not verify(WEBHOOK_SECRET, str(now), good, body + b" ", now=now)
    assert not verify("other-secret", str(now), good, body, now=now)


def test_the_webhook_retries_5xx_and_429_with_back_off_then_succeeds(
    fake: FakeVendors, certs: Certs
) -> None:
    fake.hook.fail_next(503)
    fake.hook.fail_next(429, headers={"Retry-After": "3"})
    waits: list[float] = []
    settings = ConnectorConfig(
        vendor="mosyle",
        kind="webhook",
        base_url=f"{fake.url}/hook",
        ca_file=str(certs.ca_file),
    )
    from collector.connectors.webhook import Webhook

    hook = Webhook(
        settings, {"secret": Secret(WEBHOOK_SECRET)}, KEY, sleep=waits.append
    )
    outcome = hook.release(target(), dry_run=False)
    hook.close()
    assert outcome.code == "released"
    assert waits == [1.0, 3.0]
    assert len(fake.hook.requests) == 3


def test_the_webhook_answer_refines_the_outcome_and_4xx_is_not_retried(
    fake: FakeVendors, certs: Certs
) -> None:
    fake.hook.answer = {"status": "not-found"}
    conn = connector(fake, certs, "webhook")
    assert conn.release(target(), dry_run=False).code == "not-found"
    fake.hook.answer = None
    fake.hook.status = 422
    assert conn.release(target(), dry_run=False).code == "refused"
    conn.close()
    assert len(fake.hook.requests) == 2


def test_a_redirect_is_never_followed(fake: FakeVendors, certs: Certs) -> None:
    settings = ConnectorConfig(
        vendor="x",
        kind="webhook",
        base_url=f"{fake.url}/redirect",
        ca_file=str(certs.ca_file),
    )
    conn = build(settings, {"secret": Secret(WEBHOOK_SECRET)}, KEY)
    outcome = conn.release(target(), dry_run=False)
    conn.close()
    assert (outcome.code, outcome.reason) == ("vendor-error", "redirect-refused")


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://hooks.example.com/release", True),
        ("http://127.0.0.1:8080/hook", True),
        ("http://hooks.example.com/release", False),
        ("https://user:pw@hooks.example.com/", False),
        ("ftp://hooks.example.com/", False),
        ("https:///nohost", False),
        ("https://hooks.example.com/#frag", False),
    ],
)
def test_only_https_urls_or_loopback_http_are_accepted(url: str, ok: bool) -> None:
    assert (url_problem(url) is None) is ok


def test_missing_secrets_are_named_never_their_values() -> None:
    settings = ConnectorConfig(
        vendor="jamf", kind="jamf", base_url="https://j.example.com"
    )
    with pytest.raises(MissingSecret, match="jamf_client_id\\+jamf_client_secret"):
        secrets_for(settings, SecretStore({}))
    found = secrets_for(
        settings,
        SecretStore(
            {
                "INTUNE_RELEASE_JAMF_CLIENT_ID": "id",
                "INTUNE_RELEASE_JAMF_CLIENT_SECRET": "s3",
            }
        ),
    )
    assert repr(found) == "{'client_id': Secret('***'), 'client_secret': Secret('***')}"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=0, max_size=20),
            st.sampled_from(["managed", "pending", "released"]),
        ),
        max_size=20,
    )
)
def test_the_hashed_inventory_finds_exactly_the_serials_it_was_given(
    entries: list[tuple[str, str]],
) -> None:
    inventory = HashedInventory(KEY, clock=lambda: 0.0)
    devices = [
        (serial, VendorDevice(str(n), state))  # type: ignore[arg-type]
        for n, (serial, state) in enumerate(entries)
    ]
    for serial, _device in devices:
        digest = serial_hmac(serial, KEY)
        if digest is None:
            continue
        found = inventory.find(digest, lambda: devices)
        assert found is not None
        matching = [d for s, d in devices if serial_hmac(s, KEY) == digest]
        assert found in matching
        if any(d.state == "managed" for d in matching):
            assert found.state == "managed"
    assert inventory.listings <= 1


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=12), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_vendor_records_of_any_shape_never_crash_the_parsers(record: Any) -> None:
    from collector.connectors import ivanti, jamf, kandji, workspace_one

    for parse in (
        workspace_one._entry,
        jamf._entry,
        kandji._entry,
        ivanti.epmm_entry,
        ivanti.neurons_entry,
    ):
        entry = parse(record)
        assert entry is None or isinstance(entry[1], VendorDevice)
    assert isinstance(Outcome("released"), Outcome)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(
            st.sampled_from(["request_id", "serial_digest", "vendor", "extra"]),
            st.one_of(st.none(), st.integers(), st.text(max_size=70)),
            max_size=4,
        ),
    )
)
def test_any_release_request_body_is_parsed_or_refused_by_name(body: Any) -> None:
    from collector.release.flow import ReleaseError, parse_submission

    try:
        submission = parse_submission(body)
    except ReleaseError as exc:
        assert (exc.status, exc.code) == (400, "bad-request")
        assert exc.detail
    else:
        assert len(submission.serial_digest) == 64
