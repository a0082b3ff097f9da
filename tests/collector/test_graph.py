# SPDX-License-Identifier: MIT
"""Intune confirms the arrival: the Graph client, the sync, limbo and
re-enrolled, and a device's own answer, against a fake Graph on loopback
HTTPS (tests/collector/fake_graph.py) and the real collector."""

from __future__ import annotations

import datetime
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import jsonschema
import msgspec
import pytest
from hypothesis import given, settings

from collector.config import Config, DevicesConfig
from collector.graph import lookups
from collector.graph.client import GraphClient, GraphError
from collector.graph.credentials import (
    Credential,
    CredentialError,
    TokenSource,
    load_credential,
    read_secret_file,
)
from collector.graph.settings import IntuneConfig
from collector.graph.sync import check_one, sync
from collector.storage import Store
from helper.report.event import serial_digest
from tests.collector.conftest import Running, make_config, start_collector
from tests.collector.fake_graph import (
    CLIENT_ID,
    SECRET,
    TENANT,
    FakeGraph,
    app_certificate,
    managed_device,
)
from tests.collector.support import (
    SERIAL_KEY,
    USER,
    Certs,
    JwksServer,
    Keys,
    make_event,
    serial_hmac,
)

SELF_SCHEMA = json.loads(
    (
        Path(__file__).parents[2] / "resources" / "openapi" / "collector-v1.json"
    ).read_text("utf-8")
)["components"]["schemas"]["SelfStatus"]
T0 = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC).timestamp()


class Clock:
    """A settable clock (epoch seconds)."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def graph(certs: Certs, tmp_path: Path) -> Iterator[FakeGraph]:
    path, der = app_certificate(tmp_path)
    fake = FakeGraph(certs, certificate_der=der).start()
    fake.certificate_path = path  # type: ignore[attr-defined]
    try:
        yield fake
    finally:
        fake.close()
    assert fake.problems == []


def intune_settings(graph: FakeGraph, certs: Certs, **changes: Any) -> IntuneConfig:
    values: dict[str, Any] = {
        "enabled": True,
        "tenant_id": TENANT,
        "client_id": CLIENT_ID,
        "certificate_file": str(graph.certificate_path),  # type: ignore[attr-defined]
        "authority": graph.url,
        "graph_url": graph.url,
        "ca_file": str(certs.ca_file),
        "sync_interval_minutes": 0,
        "limbo_hours": 24,
        "max_attempts": 4,
    }
    values.update(changes)
    return IntuneConfig(**values)


def client_for(
    settings: IntuneConfig, clock: Clock | None = None, waits: list[float] | None = None
) -> GraphClient:
    now = clock or Clock()
    # The token service checks the assertion against its real clock.
    tokens = TokenSource(settings, load_credential(settings, {}))
    sleeps = waits if waits is not None else []
    return GraphClient(
        settings, tokens, sleep=sleeps.append, clock=now, rng=lambda: 0.5
    )


def left_event(serial: str, *, seq: int, still: bool) -> Any:
    """A report from the device of ``serial`` (its digest, as a helper sends)."""
    event = make_event(seq=seq, serial=None, still_enrolled=still)
    device = msgspec.structs.replace(event.device, serial_digest=serial_digest(serial))
    return msgspec.structs.replace(event, device=device)


@pytest.fixture
def running(
    store: Store,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
    graph: FakeGraph,
) -> Iterator[tuple[Running, Clock]]:
    """The collector with ``[intune]`` pointed at the fake, on a set clock."""
    base = make_config(store.display_url, jwks, certs)
    config = msgspec.structs.replace(
        base,
        devices=DevicesConfig(serial_hmac_key=SERIAL_KEY),
        extensions={"intune": intune_settings(graph, certs)},
    )
    clock = Clock()
    for item in start_collector(store, config, certs, keys, clock=clock):
        yield item, clock


def run_sync(running: Running, clock: Clock) -> Any:
    settings = running.config.section("intune", IntuneConfig)
    with client_for(settings, clock) as client:
        return sync(running.store, client, settings, key=SERIAL_KEY, clock=clock)


def rows(store: Store) -> dict[str, tuple[Any, ...]]:
    with store.read() as conn:
        found = conn.fetchall(
            "SELECT serial_hmac, compliance, join_type, key_escrow, present, records "
            "FROM intune_device"
        )
    return {str(r[0]): tuple(r[1:]) for r in found}


# --- the client -----------------------------------------------------------------


def test_certificate_assertion_pages_and_selects_only_what_it_needs(
    graph: FakeGraph, certs: Certs
) -> None:
    graph.page_size = 2
    graph.managed = [managed_device(f"SN-{i}") for i in range(5)]
    with client_for(intune_settings(graph, certs)) as client:
        found = list(lookups.managed_devices(client))
    assert [d.serial_number for d in found if d] == [f"SN-{i}" for i in range(5)]
    # Three pages, one token (an assertion, never a secret).
    assert client.requests == 3
    assert graph.token_forms == [
        [
            "client_assertion",
            "client_assertion_type",
            "client_id",
            "grant_type",
            "scope",
        ]
    ]
    selected = graph.requests[0][1]["$select"].split(",")
    assert "deviceName" not in selected and "userPrincipalName" not in selected


def test_a_wrong_secret_is_refused_with_entra_s_code(
    graph: FakeGraph, certs: Certs, tmp_path: Path
) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("not-the-secret\n")
    secret_file.chmod(0o600)
    settings = intune_settings(
        graph, certs, certificate_file="", client_secret_file=str(secret_file)
    )
    with client_for(settings) as client, pytest.raises(GraphError) as caught:
        list(lookups.managed_devices(client))
    assert caught.value.code == "auth-failed"
    assert "AADSTS7000215" in str(caught.value)
    assert "not-the-secret" not in str(caught.value)


def test_the_right_secret_works(graph: FakeGraph, certs: Certs) -> None:
    graph.managed = [managed_device("SN-1")]
    settings = intune_settings(graph, certs, certificate_file="", client_secret=SECRET)
    with client_for(settings) as client:
        assert len(lookups.by_serial(client, "sn-1")) == 1


def test_throttling_honours_retry_after_and_5xx_backs_off(
    graph: FakeGraph, certs: Certs
) -> None:
    graph.managed = [managed_device("SN-1")]
    graph.fail_next(429, {"Retry-After": "7"})
    graph.fail_next(429)  # some Intune endpoints give no Retry-After
    graph.fail_next(503, {"Retry-After": "3"})
    waits: list[float] = []
    settings = intune_settings(graph, certs, max_attempts=4)
    with client_for(settings, waits=waits) as client:
        assert len(list(lookups.managed_devices(client))) == 1
    # Retry-After is a floor; without it the back-off (2 s, 4 s... jittered).
    assert waits[0] >= 7
    assert 2 <= waits[1] < 7
    assert waits[2] >= 3
    assert client.requests == 4


def test_throttled_for_good_gives_up_with_a_code(
    graph: FakeGraph, certs: Certs
) -> None:
    for _ in range(3):
        graph.fail_next(500)
    with client_for(intune_settings(graph, certs, max_attempts=3)) as client:
        with pytest.raises(GraphError) as caught:
            list(lookups.managed_devices(client))
    assert caught.value.code == "unavailable"


def test_a_revoked_token_is_renewed_once(graph: FakeGraph, certs: Certs) -> None:
    graph.managed = [managed_device("SN-1")]
    with client_for(intune_settings(graph, certs)) as client:
        list(lookups.managed_devices(client))
        graph.revoke_tokens()
        assert len(list(lookups.managed_devices(client))) == 1
    assert len(graph.token_forms) == 2


def test_check_one_device_found_and_not_found(graph: FakeGraph, certs: Certs) -> None:
    device = managed_device("C02XK1ABCDEF", compliance="noncompliant")
    graph.managed = [device, managed_device("OTHER")]
    graph.add_entra(device, "ServerAd")
    graph.add_key(device)
    settings = intune_settings(graph, certs)
    with client_for(settings) as client:
        result = check_one(client, settings, " c02xk1abcdef ")
    assert result.records == 1 and result.device is not None
    assert result.device.compliance == "noncompliant"
    assert result.join_type == "hybrid-joined"
    assert result.key_escrow == "yes"
    with client_for(settings) as client:
        missing = check_one(client, settings, "NOPE")
    assert missing.records == 0 and missing.device is None


def test_a_filter_intune_ignores_is_not_believed(
    graph: FakeGraph, certs: Certs
) -> None:
    graph.managed = [managed_device(f"SN-{i}") for i in range(30)]
    graph.ignored_filters.add("serialNumber")
    with client_for(intune_settings(graph, certs)) as client:
        with pytest.raises(GraphError) as caught:
            lookups.by_serial(client, "SN-1")
    assert caught.value.code == "bad-response"


# --- the sync ---------------------------------------------------------------------


def test_sync_stores_only_known_devices_with_compliance_join_and_escrow(
    running: tuple[Running, Clock], graph: FakeGraph
) -> None:
    collector, clock = running
    assert (
        collector.post_events([left_event("SN-WIN", seq=1, still=False)]).status_code
        == 200
    )
    assert (
        collector.post_events(
            [left_event("SN-MAC", seq=1, still=False)],
            token=collector.keys.mint(oid="3f6c0c52-2f4e-4b0a-9f7e-0c9a4cdbd002"),
        ).status_code
        == 200
    )
    win = managed_device("SN-WIN", compliance="compliant")
    mac = managed_device("sn-mac ", compliance="inGracePeriod", os="macOS")
    stranger = managed_device("SN-NOT-OURS")
    graph.managed = [win, mac, stranger]
    graph.page_size = 2
    for device in (win, mac, stranger):
        graph.add_entra(device)
    graph.add_key(win)
    report = run_sync(collector, clock)
    assert report.outcome == "ok"
    assert (report.listed, report.matched) == (3, 2)
    stored = rows(collector.store)
    assert set(stored) == {serial_hmac("SN-WIN"), serial_hmac("SN-MAC")}
    assert stored[serial_hmac("SN-WIN")] == ("compliant", "entra-joined", "yes", 1, 1)
    # FileVault: Graph cannot tell without reading the key.
    assert stored[serial_hmac("SN-MAC")] == (
        "noncompliant",
        "entra-joined",
        "unknown",
        1,
        1,
    )
    # 2 pages of managed devices, 2 of Entra devices, 1 of keys.
    assert report.requests == 5


def test_without_the_bitlocker_permission_the_rest_still_stands(
    running: tuple[Running, Clock], graph: FakeGraph
) -> None:
    collector, clock = running
    collector.post_events([left_event("SN-1", seq=1, still=False)])
    device = managed_device("SN-1")
    graph.managed = [device]
    graph.add_key(device)
    graph.granted.discard("BitlockerKey.ReadBasic.All")
    report = run_sync(collector, clock)
    assert (report.outcome, report.escrow, report.matched) == ("ok", "forbidden", 1)
    assert next(iter(rows(collector.store).values()))[2] == "unknown"


def test_a_failed_sync_is_recorded_and_changes_nothing(
    running: tuple[Running, Clock], graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    collector, clock = running
    collector.post_events([left_event("SN-1", seq=1, still=False)])
    graph.managed = [managed_device("SN-1")]
    run_sync(collector, clock)
    graph.granted.clear()
    clock.now += 3600
    with caplog.at_level(logging.INFO):
        report = run_sync(collector, clock)
    assert report.outcome == "forbidden"
    # Still confirmed: a failed sync is not "gone from Intune".
    assert next(iter(rows(collector.store).values()))[3] == 1
    with collector.store.read() as conn:
        outcomes = [r[0] for r in conn.fetchall("SELECT outcome FROM intune_sync")]
    assert sorted(outcomes) == ["forbidden", "ok"]


def test_limbo_after_n_hours_unless_intune_confirms(
    running: tuple[Running, Clock], graph: FakeGraph
) -> None:
    collector, clock = running
    digest = serial_digest("SN-LIMBO")
    collector.post_events([left_event("SN-LIMBO", seq=1, still=True)])
    clock.now += 3600
    collector.post_events([left_event("SN-LIMBO", seq=2, still=False)])
    run_sync(collector, clock)  # Intune does not know it
    clock.now += 23 * 3600
    assert self_status(collector, digest)["limbo"] is False
    clock.now += 2 * 3600
    answer = self_status(collector, digest)
    # Intune does not know it, so nothing vouches for the report either.
    assert (answer["intune"], answer["limbo"]) == ("identity-unconfirmed", True)
    graph.managed = [managed_device("SN-LIMBO", user=USER)]
    run_sync(collector, clock)
    answer = self_status(collector, digest)
    assert (answer["intune"], answer["limbo"]) == ("confirmed", False)


def test_a_device_back_in_the_old_emm_is_re_enrolled(
    running: tuple[Running, Clock], graph: FakeGraph
) -> None:
    collector, clock = running
    digest = serial_digest("SN-BACK")
    collector.post_events([left_event("SN-BACK", seq=1, still=False)])
    graph.managed = [managed_device("SN-BACK", user=USER)]
    run_sync(collector, clock)
    assert self_status(collector, digest)["intune"] == "confirmed"
    # The old EMM's agent re-installed its profile; Intune lost the device.
    clock.now += 3600
    collector.post_events([left_event("SN-BACK", seq=2, still=True)])
    graph.managed = []
    run_sync(collector, clock)
    answer = self_status(collector, digest)
    assert answer["reenrolled"] is True
    assert answer["intune"] == "removed"
    assert answer["reported"]["legacy_status"] == "present"
    # Leaving again clears the flag and starts a new limbo clock.
    clock.now += 3600
    collector.post_events([left_event("SN-BACK", seq=3, still=False)])
    answer = self_status(collector, digest)
    assert (answer["reenrolled"], answer["limbo"]) == (False, False)


# --- the device's own answer ----------------------------------------------------


def self_status(collector: Running, digest: str | None, **token: Any) -> Any:
    """The device's own answer, checked against the published contract."""
    response = collector.client.get(
        f"{collector.url}/api/v1/devices/self",
        params={"serial_digest": digest},
        headers={"Authorization": f"Bearer {collector.keys.mint(**token)}"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    jsonschema.validate(body, SELF_SCHEMA)
    return body


def test_self_answers_only_the_token_s_user_and_only_when_confirmed(
    running: tuple[Running, Clock], graph: FakeGraph
) -> None:
    collector, clock = running
    digest = serial_digest("SN-SELF")
    collector.post_events([left_event("SN-SELF", seq=1, still=False)])
    assert self_status(collector, digest)["intune"] == "not-checked"
    # Intune's record names another user: the report's identity stays
    # unconfirmed, and the answer says nothing of Intune's record.
    graph.managed = [
        managed_device("SN-SELF", user="0d0d0d0d-0000-4000-8000-000000000000")
    ]
    run_sync(collector, clock)
    answer = self_status(collector, digest)
    assert answer["intune"] == "identity-unconfirmed"
    assert "compliance" not in answer
    graph.managed = [managed_device("SN-SELF", user=USER, compliance="noncompliant")]
    run_sync(collector, clock)
    answer = self_status(collector, digest)
    assert (answer["intune"], answer["compliance"]) == ("confirmed", "noncompliant")
    assert answer["confirm_within_hours"] == 24
    other = collector.client.get(
        f"{collector.url}/api/v1/devices/self",
        params={"serial_digest": digest},
        headers={
            "Authorization": "Bearer "
            + collector.keys.mint(oid="1d1d1d1d-0000-4000-8000-000000000000")
        },
    )
    assert other.status_code == 404
    assert other.json()["code"] == "unknown-device"
    bad = collector.client.get(
        f"{collector.url}/api/v1/devices/self",
        params={"serial_digest": "SN-SELF"},
        headers={"Authorization": f"Bearer {collector.keys.mint()}"},
    )
    assert bad.status_code == 400
    reader = collector.get("/api/v1/devices/self", serial_digest=digest)
    assert reader.status_code in (401, 403)


# --- secrets ----------------------------------------------------------------------


def test_secrets_never_reach_logs_answers_or_show_config(  # noqa: PLR0917 - fixtures
    running: tuple[Running, Clock],
    graph: FakeGraph,
    certs: Certs,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collector, clock = running
    collector.post_events([left_event("SN-1", seq=1, still=False)])
    graph.managed = [managed_device("SN-1", user=USER)]
    settings = intune_settings(graph, certs, certificate_file="", client_secret=SECRET)
    graph.fail_next(429, {"Retry-After": "1"})
    with caplog.at_level(logging.DEBUG), client_for(settings, clock) as client:
        sync(collector.store, client, settings, key=SERIAL_KEY, clock=clock)
        token = client._tokens.token(client._client)
    answer = json.dumps(self_status(collector, serial_digest("SN-1")))
    logged = " ".join(
        f"{r.getMessage()} {getattr(r, 'collector_fields', '')}" for r in caplog.records
    )
    assert "graph-retry" in logged
    for text in (logged, answer, repr(load_credential(settings, {}))):
        assert SECRET not in text and token not in text
    config = tmp_path / "collector.toml"
    config.write_text(
        '[intune]\nclient_secret = "' + SECRET + '"\ncertificate_password = "pw-123"\n'
        '[devices]\nserial_hmac_key = "' + SERIAL_KEY + '"\n'
    )
    from collector.cli import main

    assert main(["--config", str(config), "show-config"]) == 0
    out = capsys.readouterr().out
    assert SECRET not in out and "pw-123" not in out and SERIAL_KEY not in out
    assert json.loads(out)["extensions"]["intune"]["client_secret"] == "***"


def test_a_secret_file_others_can_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    path.write_text("s3cret")
    path.chmod(0o644)
    with pytest.raises(CredentialError) as caught:
        read_secret_file(str(path))
    assert caught.value.code == "unsafe-file" and "chmod 600" in str(caught.value)
    path.chmod(0o600)
    assert read_secret_file(str(path)) == b"s3cret"


def test_systemd_credentials_come_first(tmp_path: Path, certs: Certs) -> None:
    (tmp_path / "intune-client-secret").write_text("from-systemd\n")
    (tmp_path / "intune-client-secret").chmod(0o400)
    settings = IntuneConfig(enabled=True, client_secret="from-config")
    found = load_credential(settings, {"CREDENTIALS_DIRECTORY": str(tmp_path)})
    assert found.kind == "client-secret"
    assert found.form("u", "c", 0.0) == {"client_secret": "from-systemd"}
    assert "from-systemd" not in repr(found)
    with pytest.raises(CredentialError) as caught:
        load_credential(IntuneConfig(enabled=True), {})
    assert caught.value.code == "no-credential"
    assert isinstance(found, Credential)


def test_the_configuration_names_what_is_wrong() -> None:
    from collector.config import ConfigError
    from collector.graph.settings import check

    with pytest.raises(ConfigError, match=r"intune\.tenant_id: expected a GUID"):
        check(IntuneConfig(enabled=True, tenant_id="contoso", client_id=CLIENT_ID))
    check(IntuneConfig(enabled=False, tenant_id="anything"))
    assert isinstance(Config(), Config)


# --- outside data -------------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=20), inner, max_size=6)
    ),
    max_leaves=20,
)
_managed = st.fixed_dictionaries(
    {"id": st.text(max_size=40)},
    optional={
        "serialNumber": _json,
        "complianceState": st.sampled_from(["compliant", "error", "x"]) | _json,
        "lastSyncDateTime": st.text(max_size=40) | _json,
        "azureADDeviceId": _json,
        "operatingSystem": _json,
        "volumeType": _json,
    },
)


@settings(max_examples=200, deadline=None)
@given(item=_json | _managed)
def test_graph_objects_of_any_shape_are_read_or_skipped(item: Any) -> None:
    for kind in (lookups.ManagedDevice, lookups.EntraDevice, lookups.RecoveryKey):
        value = lookups.read(kind, item)
        assert value is None or isinstance(value, kind)
    device = lookups.read(lookups.ManagedDevice, item)
    if device is not None:
        assert device.compliance in ("compliant", "noncompliant", "unknown")
        lookups.utc_text(device.last_sync_date_time)
        lookups.latest([device, device])


@given(text=st.text(max_size=40))
def test_graph_times_are_read_or_none(text: str) -> None:
    value = lookups.utc_text(text)
    assert value is None or (len(value) == 27 and value.endswith("Z"))


# --- the helper's side ------------------------------------------------------------


def test_the_helper_reads_its_own_confirmation(
    running: tuple[Running, Clock], graph: FakeGraph, certs: Certs
) -> None:
    from helper.report.confirmation import fetch_confirmation
    from helper.report.http import make_http_client
    from helper.report.token import StaticTokenProvider

    collector, clock = running
    digest = serial_digest("SN-HELPER")
    collector.post_events([left_event("SN-HELPER", seq=1, still=False)])
    with make_http_client(verify=certs.client_context()) as http:

        def ask(*tokens: str, url: str = collector.url, serial: Any = digest) -> Any:
            return fetch_confirmation(http, url, StaticTokenProvider(tokens), serial)

        token = collector.keys.mint()
        assert ask(token).state == "off"  # no sync has run yet
        graph.managed = [managed_device("SN-HELPER", user=USER)]
        run_sync(collector, clock)
        found = ask(token)
        assert (found.state, found.compliance, found.hours) == (
            "confirmed",
            "compliant",
            24,
        )
        # An expired token: a new one, once.
        assert ask("expired", token).state == "confirmed"
        # Another user's token, no serial, no collector: nothing to show.
        stranger = collector.keys.mint(oid="1d1d1d1d-0000-4000-8000-000000000000")
        assert ask(stranger).state == "unavailable"
        assert ask(token, serial=None).state == "unavailable"
        assert ask(token, url="https://127.0.0.1:9").state == "unavailable"
        assert ask().state == "unavailable"  # never signed in


# --- the commands and the background task ---------------------------------------


def test_the_commands_sync_and_check_one_serial(
    graph: FakeGraph,
    certs: Certs,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from collector.cli import main

    database = tmp_path / "collector.sqlite3"
    config = tmp_path / "collector.toml"
    settings = intune_settings(graph, certs)
    lines = [f'[storage]\nurl = "sqlite:///{database}"', "[devices]"]
    lines.append(f'serial_hmac_key = "{SERIAL_KEY}"')
    lines.append("[intune]")
    for key in ("tenant_id", "client_id", "certificate_file", "authority"):
        lines.append(f'{key} = "{getattr(settings, key)}"')
    lines.append(f'graph_url = "{graph.url}"\nca_file = "{certs.ca_file}"')
    config.write_text("\n".join(lines) + "\n")
    base = ["--config", str(config)]
    assert main([*base, "intune-sync"]) == 2  # intune.enabled is false
    assert "intune.enabled is false" in capsys.readouterr().err
    config.write_text(config.read_text() + "enabled = true\n")
    device = managed_device("C02XK1ABCDEF", os="macOS")
    graph.managed = [device]
    graph.add_entra(device, "Workplace")
    assert main([*base, "intune-check", "C02XK1ABCDEF"]) == 0
    out = capsys.readouterr().out
    assert "1 Intune record(s)" in out and "registered" in out
    assert "key escrowed:      unknown" in out
    assert main([*base, "init-db"]) == 0
    assert main([*base, "intune-sync"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .startswith("ok: 1 Intune devices read, 0 known to the collector")
    )
    graph.granted.clear()
    assert main([*base, "intune-sync"]) == 1
    assert "forbidden" in capsys.readouterr().out


def test_the_background_sync_runs_while_the_collector_serves(
    store: Store, jwks: JwksServer, certs: Certs, keys: Keys, graph: FakeGraph
) -> None:
    config = msgspec.structs.replace(
        make_config(store.display_url, jwks, certs),
        devices=DevicesConfig(serial_hmac_key=SERIAL_KEY),
        extensions={"intune": intune_settings(graph, certs, sync_interval_minutes=60)},
    )
    graph.managed = [managed_device("SN-1")]
    for collector in start_collector(store, config, certs, keys):
        worker = collector.app.state.intune_worker
        deadline = time.monotonic() + 20
        while worker.runs == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert worker.runs == 1
        with store.read() as conn:
            assert conn.scalar("SELECT outcome FROM intune_sync") == "ok"


def test_serve_refuses_to_start_without_a_usable_credential(
    store: Store, jwks: JwksServer, certs: Certs, graph: FakeGraph, tmp_path: Path
) -> None:
    from collector.app import create_app
    from collector.config import ConfigError

    loose = tmp_path / "loose.pem"
    loose.write_bytes(Path(graph.certificate_path).read_bytes())  # type: ignore[attr-defined]
    loose.chmod(0o644)
    settings = intune_settings(graph, certs, sync_interval_minutes=60)
    config = msgspec.structs.replace(
        make_config(store.display_url, jwks, certs),
        extensions={
            "intune": msgspec.structs.replace(settings, certificate_file=str(loose))
        },
    )
    with pytest.raises(ConfigError, match=r"intune: .*chmod 600"):
        create_app(config, store=store)


def test_enabled_without_a_serial_key_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from collector.cli import main

    config = tmp_path / "collector.toml"
    config.write_text(
        f'[intune]\nenabled = true\ntenant_id = "{TENANT}"\nclient_id = "{CLIENT_ID}"\n'
    )
    assert main(["--config", str(config), "show-config"]) == 2
    err = capsys.readouterr().err
    assert "intune.enabled: devices.serial_hmac_key must be set" in err
    assert "Traceback" not in err
