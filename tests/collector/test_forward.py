# SPDX-License-Identifier: MIT
"""The Logs Ingestion forward against a local fake of the documented API:
batches under 1 MB, Retry-After, token refresh, parking, a durable queue
across restarts, and the three credential kinds."""

from __future__ import annotations

import datetime
import email.utils
import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from collector.auth import Principal
from collector.config import ConfigError
from collector.forward import (
    MAX_CALL_BYTES,
    TABLE,
    Claimed,
    ClientCredential,
    ForwardConfig,
    Forwarder,
    backoff,
    batches,
    body_of,
    check,
    credential_from_environment,
    purge_queue,
    queue_counts,
    record,
    retry_after,
)
from collector.ingest import AcceptedEvent, device_key
from collector.storage import Store, migrate
from collector.storage.postgres import PostgresStore
from collector.storage.sqlite import SQLiteStore
from tests.collector.conftest import open_backend
from tests.collector.fake_logs_ingestion import (
    CLIENT_ID,
    DCR,
    IDENTITY_HEADER,
    MAX_BYTES,
    SECRET,
    STREAM,
    FakeLogsIngestion,
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
from tests.collector.test_dashboard import serving

PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())
NOW = 1_780_000_000.0


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake(certs: Certs) -> Iterator[FakeLogsIngestion]:
    server = FakeLogsIngestion(certs, tenant=TENANT).start()
    yield server
    server.close()


def settings_for(
    fake: FakeLogsIngestion, certs: Certs, **changes: Any
) -> ForwardConfig:
    values: dict[str, Any] = {
        "enabled": True,
        "endpoint": fake.ingest_url,
        "dcr_immutable_id": DCR,
        "stream": STREAM,
        "tenant_id": TENANT,
        "authority": fake.token_authority,
        "ca_file": str(certs.ca_file),
        "flush_seconds": 0,
        "timeout_seconds": 10,
    }
    values.update(changes)
    return ForwardConfig(**values)


def secret_credential(settings: ForwardConfig, clock: Clock) -> ClientCredential:
    return ClientCredential(
        authority=settings.authority,
        tenant=TENANT,
        client_id=CLIENT_ID,
        scope=settings.scope,
        secret=SECRET,
        clock=clock,
    )


def accepted(count: int, *, start: int = 0, steps: int = 3) -> list[AcceptedEvent]:
    """``count`` accepted events (about 1.2 KB of record each with 3 steps)."""
    out = []
    for n in range(start, start + count):
        event = make_event(seq=n + 1, serial=f"SER-{n:06d}", steps=steps)
        payload = msgspec.json.encode(event).decode()
        key = device_key(TENANT, USER, event.device)
        out.append(
            AcceptedEvent(event, payload, PRINCIPAL, key, "2026-05-28T20:26:40.000000Z")
        )
    return out


def forwarder(
    store: Store, fake: FakeLogsIngestion, certs: Certs, clock: Clock, **changes: Any
) -> Forwarder:
    settings = settings_for(fake, certs, **changes)
    return Forwarder(
        store,
        settings,
        credential=secret_credential(settings, clock),
        clock=clock,
        rng=lambda: 1.0,
    )


# --- pure parts -----------------------------------------------------------------


def test_records_are_flat_with_time_generated() -> None:
    item = accepted(1)[0]
    data = record(item)
    assert data["TimeGenerated"] == "2026-05-28T20:26:40.000000Z"
    assert data["EventTimeUtc"] == "2026-05-04T09:12:33.000000Z"
    assert data["EventId"] == item.event.event_id
    assert data["UserObjectId"] == USER
    assert all(not isinstance(v, dict | list) for v in data.values())
    assert all(len(k) <= 45 for k in data)
    assert not {"TenantId", "Type", "_ResourceId"} & set(data)
    assert json.loads(data["Steps"])[0]["id"] == "step-0"
    private = record(item, include_user=False)
    assert "UserObjectId" not in private
    assert "DeviceKey" not in private


def test_batches_fit_the_limit_and_keep_the_order() -> None:
    rows = [
        Claimed(f"id-{n:04d}", b"x" * (100 + (n * 37) % 900), "t", 1)
        for n in range(3000)
    ]
    limit = 50_000
    groups = batches(rows, limit)
    assert [r for g in groups for r in g] == rows
    assert all(len(body_of(g)) <= limit for g in groups)
    # Greedy: adding the next row would have crossed the limit.
    for group, following in itertools.pairwise(groups):
        assert len(body_of([*group, following[0]])) > limit
    assert batches([Claimed("big", b"y" * 70_000, "t", 1)], limit) == [
        [Claimed("big", b"y" * 70_000, "t", 1)]
    ]


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("120", NOW) == 120
    assert retry_after("999999", NOW) == 3600
    date = email.utils.formatdate(NOW + 90, usegmt=True)
    assert retry_after(date, NOW) == pytest.approx(90, abs=1)
    assert retry_after(email.utils.formatdate(NOW - 90, usegmt=True), NOW) == 0
    assert retry_after("soon", NOW) is None
    assert retry_after(None, NOW) is None
    assert backoff(1, lambda: 0.0) == 2.5
    assert backoff(1, lambda: 1.0) == 5.0
    assert backoff(50, lambda: 1.0) == 1800.0


def test_config_is_checked_only_when_enabled(certs: Certs) -> None:
    check(ForwardConfig())
    good = ForwardConfig(
        enabled=True,
        endpoint="https://dce-1.westeurope-1.ingest.monitor.azure.com",
        dcr_immutable_id=DCR,
    )
    check(good)
    for changes, key in (
        ({"endpoint": "http://dce.example"}, "endpoint"),
        ({"endpoint": "https://dce.example/x"}, "endpoint"),
        ({"dcr_immutable_id": "my-dcr"}, "dcr_immutable_id"),
        ({"stream": "MigrationStatus"}, "stream"),
        ({"scope": "https://monitor.azure.com"}, "scope"),
        ({"ca_file": "/nonexistent.pem"}, "ca_file"),
    ):
        with pytest.raises(ConfigError, match=f"azuremonitor.{key}"):
            check(msgspec.structs.replace(good, **changes))


# --- against the fake -----------------------------------------------------------


def test_batches_stay_under_one_megabyte(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    clock = Clock()
    sender = forwarder(store, fake, certs, clock, gzip=False)
    events = accepted(1500, steps=8)
    sender.listener(events)
    total = sum(len(row[1]) for row in sender.rows(events))
    assert total > 2 * MAX_CALL_BYTES  # so it takes several calls
    result = sender.drain_once()
    assert result.sent == 1500
    assert result.requests >= 3
    assert fake.problems == []
    assert [c.json_bytes <= MAX_BYTES for c in fake.calls] == [True] * len(fake.calls)
    # Each once (the queue sends in (enqueued, event id) order).
    assert sorted(r["EventId"] for r in fake.records) == sorted(
        a.event.event_id for a in events
    )
    assert store.query(queue_counts) == {}
    sender.stop()


def test_gzip_is_sent_and_accepted(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    sender = forwarder(store, fake, certs, Clock())
    sender.listener(accepted(50))
    assert sender.drain_once().sent == 50
    assert {c.encoding for c in fake.calls} == {"gzip"}
    assert fake.calls[0].sent_bytes < fake.calls[0].json_bytes
    assert fake.problems == []
    sender.stop()


def test_429_waits_for_retry_after_then_503_backs_off(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    clock = Clock()
    sender = forwarder(store, fake, certs, clock)
    sender.listener(accepted(10))
    fake.fail_next(429, {"Retry-After": "120"})
    result = sender.drain_once()
    assert (result.sent, result.retry_in, result.requests) == (0, 120, 1)
    clock.now += 60
    assert sender.drain_once().claimed == 0  # not before Retry-After
    assert len(fake.calls) == 1
    clock.now += 61
    fake.fail_next(503)  # no Retry-After: back-off (rng 1.0: the full delay)
    result = sender.drain_once()
    assert result.sent == 0
    assert result.retry_in == backoff(2, lambda: 1.0) == 10.0
    clock.now += 10
    result = sender.drain_once()
    assert result.sent == 10
    assert len(fake.records) == 10
    assert [c.status for c in fake.calls] == [429, 503, 204]
    sender.stop()


def test_a_revoked_token_is_refreshed_once(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    sender = forwarder(store, fake, certs, Clock())
    sender.listener(accepted(3))
    assert sender.drain_once().sent == 3
    fake.revoke_tokens()
    sender.listener(accepted(2, start=3))
    assert sender.drain_once().sent == 2
    tokens = [r for r in fake.token_requests if r.get("grant_type")]
    assert len(tokens) == 2
    assert all("client_secret" not in r for r in tokens)
    sender.stop()


def test_a_refused_record_is_parked_the_rest_delivered(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    sender = forwarder(store, fake, certs, Clock())
    events = accepted(9)
    fake.reject_event_ids = {events[4].event.event_id}
    sender.listener(events)
    result = sender.drain_once()
    assert (result.sent, result.parked) == (8, 1)
    assert len(fake.records) == 8
    assert store.query(queue_counts) == {"dead": 1}
    with store.read() as conn:
        assert conn.fetchone(f"SELECT event_id, last_error FROM {TABLE}") == (
            events[4].event.event_id,
            "http:400",
        )
    sender.stop()


def reopen(store: Store) -> Store:
    """A new store on the same database (a collector restart)."""
    if isinstance(store, SQLiteStore):
        return SQLiteStore(store.path)
    assert isinstance(store, PostgresStore)
    url = store._url  # the test database (no password)
    return PostgresStore(url, display_url=url)


def test_the_queue_survives_a_restart(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    clock = Clock()
    first = forwarder(store, fake, certs, clock)
    first.listener(accepted(25))
    fake.fail_always(503)
    assert first.drain_once().sent == 0
    first.stop()
    store.close()
    fake.heal()
    clock.now += 3600
    again = reopen(store)
    try:
        second = forwarder(again, fake, certs, clock)
        assert again.query(queue_counts) == {"pending": 25}
        assert second.drain_once().sent == 25
        assert len({r["EventId"] for r in fake.records}) == 25
        assert again.query(queue_counts) == {}
        second.stop()
    finally:
        again.close()


def test_a_crash_mid_send_retries_after_the_lease(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    from collector.forward import _claim, _stamp

    clock = Clock()
    sender = forwarder(store, fake, certs, clock)
    sender.listener(accepted(4))
    # Claimed by a process that then died: nothing is due until the lease ends.
    store.transaction(_claim, _stamp(clock.now), _stamp(clock.now + 90), 100)
    assert sender.drain_once().claimed == 0
    clock.now += 91
    assert sender.drain_once().sent == 4
    sender.stop()


def test_old_rows_are_purged(
    store: Store, fake: FakeLogsIngestion, certs: Certs
) -> None:
    clock = Clock()
    sender = forwarder(store, fake, certs, clock, retention_days=2)
    sender.listener(accepted(3))
    clock.now += 3 * 86400
    sender.listener(accepted(2, start=3))
    assert purge_queue(store, sender.settings, clock=clock) == 3
    assert store.query(queue_counts) == {"pending": 2}
    sender.stop()


@pytest.mark.parametrize("kind", ["imds", "app-service", "certificate", "secret"])
def test_credentials_from_the_environment(
    kind: str,
    tmp_path: Path,
    fake: FakeLogsIngestion,
    certs: Certs,
) -> None:
    settings = settings_for(fake, certs)
    environ: dict[str, str] = {"AZURE_TENANT_ID": TENANT, "AZURE_CLIENT_ID": CLIENT_ID}
    if kind == "imds":
        environ = {}
        settings = msgspec.structs.replace(
            settings, imds_endpoint=f"{fake.url}/metadata/identity/oauth2/token"
        )
    elif kind == "app-service":
        environ = {
            "IDENTITY_ENDPOINT": f"{fake.url}/msi/token",
            "IDENTITY_HEADER": IDENTITY_HEADER,
        }
    elif kind == "certificate":
        import trustme

        # Entra signs-in apps with RSA certificates (RS256 assertions).
        issued = certs.ca.issue_cert(
            "collector-client.example", key_type=trustme.KeyType.RSA
        )
        pem = tmp_path / "client.pem"
        pem.write_bytes(
            issued.private_key_pem.bytes() + issued.cert_chain_pems[0].bytes()
        )
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization

        fake.certificate_der = x509.load_pem_x509_certificate(
            issued.cert_chain_pems[0].bytes()
        ).public_bytes(serialization.Encoding.DER)
        environ["AZURE_CLIENT_CERTIFICATE_PATH"] = str(pem)
    else:
        environ["AZURE_CLIENT_SECRET"] = SECRET
    credential = credential_from_environment(settings, environ)
    import httpx

    with httpx.Client(verify=certs.client_context()) as client:
        token = credential.token(client)
        assert token.startswith("fake-token-")
        assert credential.token(client) == token  # cached
    assert fake.problems == []


def test_the_collector_forwards_what_it_accepts(  # noqa: PLR0917 - pytest fixtures
    tmp_path: Path,
    request: pytest.FixtureRequest,
    fake: FakeLogsIngestion,
    certs: Certs,
    keys: Keys,
    jwks: JwksServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.collector.conftest import make_config

    monkeypatch.setenv("AZURE_TENANT_ID", TENANT)
    monkeypatch.setenv("AZURE_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("AZURE_CLIENT_SECRET", SECRET)
    store, _ = open_backend("sqlite", tmp_path, request)
    migrate(store)
    settings = settings_for(fake, certs, flush_seconds=0.05)
    config = msgspec.structs.replace(
        make_config(store.display_url, jwks, certs),
        extensions={"azuremonitor": settings},
    )
    events = [make_event(seq=n + 1, serial=f"E2E-{n}") for n in range(12)]
    fake.fail_next(503, {"Retry-After": "1"})
    try:
        with serving(store, config, certs, keys) as collector:
            response = collector.post_events(events)
            assert response.status_code == 200
            assert len(response.json()["accepted"]) == 12
            assert fake.wait_for(12), fake.calls
            started = fake.calls[0].at
            assert fake.calls[-1].at - started >= 0.9  # waited for Retry-After
            # A duplicate is not forwarded again.
            assert collector.post_events(events[:3]).json()["duplicate"]
            time.sleep(0.3)
    finally:
        store.close()
    assert sorted(r["EventId"] for r in fake.records) == sorted(
        e.event_id for e in events
    )
    assert fake.problems == []
    assert all(
        datetime.datetime.fromisoformat(r["TimeGenerated"].replace("Z", "+00:00"))
        for r in fake.records
    )
