# SPDX-License-Identifier: MIT
"""Device identity the collector can trust (docs/collector.md, "Device identity").

Before: the serial HMAC key shipped to every device and the serial in an event
was self-asserted, so any user with the report scope could post events for
other people's serials: their wave read "ready to switch the old EMM off",
they left "never ran", and they appeared in the "safe to remove" CSV. Now a
device is ``reported`` until a token bound to it (``deviceid`` claim) or Graph
(:func:`confirm_device`) vouches for it, and only confirmed devices count.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from collector.config import ConfigError, DevicesConfig, load_config
from collector.dashboard.queries import (
    cube,
    identity_counts,
    never_ran,
    ready_devices,
)
from collector.expected import store_expected
from collector.ingest import confirm_device
from collector.storage import Store
from collector.storage.schema import CONFIRMED_BY_GRAPH
from helper.report.event import Device, StatusEvent, StepStatus, hmac_of_digest
from helper.report.event import serial_digest as digest_of
from tests.collector.conftest import Running, make_config, start_collector
from tests.collector.support import Certs, JwksServer, Keys, make_event
from tests.collector.test_expected import h, rows_of

KEY = "c" * 40
VICTIM = "VICTIM-SERIAL-42"


@pytest.fixture
def running(
    store: Store, jwks: JwksServer, certs: Certs, keys: Keys
) -> Iterator[Running]:
    config = make_config(store.display_url, jwks, certs)
    config = msgspec.structs.replace(
        config,
        devices=DevicesConfig(serial_hmac_key=KEY, max_per_user=3, flag_per_user=2),
    )
    yield from start_collector(store, config, certs, keys)


def _done(
    *,
    seq: int = 1,
    serial: str | None = None,
    entra: str | None = None,
    digest: str | None = None,
) -> StatusEvent:
    """A journey that left the old EMM and joined Intune."""
    event = make_event(seq=seq, overall="succeeded", still_enrolled=False, serial=None)
    device = Device(
        os_family="windows",
        entra_device_id=entra,
        serial_hmac=h(serial) if serial else None,
        serial_digest=digest,
    )
    stages = [StepStatus(id="confirm-joined", state="done", at=event.event_time_utc)]
    return msgspec.structs.replace(event, device=device, stages=stages)


def _devices(running: Running) -> list[dict[str, object]]:
    response = running.get("/api/v1/devices")
    assert response.status_code == 200
    devices: list[dict[str, object]] = response.json()["devices"]
    return devices


def test_a_forged_serial_never_counts(running: Running) -> None:
    """An attacker posts a finished journey for a colleague's serial."""
    store_expected(running.store, rows_of(f"serial,wave\n{VICTIM},wave-01\n"))
    attacker = running.keys.mint(oid=str(uuid.uuid4()))
    response = running.post_events([_done(serial=VICTIM)], token=attacker)
    assert response.status_code == 200
    assert len(response.json()["accepted"]) == 1
    [device] = _devices(running)
    assert device["identity"] == "reported"
    with running.store.read() as conn:
        # Not "safe to remove", still "never ran", and not ready.
        assert ready_devices(conn, limit=10) == []
        assert [r[0] for r in never_ran(conn, limit=10)] == [h(VICTIM)]
        cells = cube(conn)
    assert all(not c.in_intune and c.legacy == "unknown" for c in cells)


def test_a_token_bound_to_the_device_confirms_it(running: Running) -> None:
    entra = str(uuid.uuid4())
    bound = running.keys.mint(oid=str(uuid.uuid4()), deviceid=entra.upper())
    running.post_events([_done(seq=1, entra=entra)], token=bound)
    # A token bound to another device confirms nothing.
    other = running.keys.mint(oid=str(uuid.uuid4()), deviceid=str(uuid.uuid4()))
    running.post_events([_done(seq=1, entra=str(uuid.uuid4()))], token=other)
    identities = sorted(str(d["identity"]) for d in _devices(running))
    assert identities == ["reported", "token-device-id"]
    with running.store.read() as conn:
        ready = ready_devices(conn, limit=10)
    assert [r[1] for r in ready] == [entra]
    # A later event through a browser sign-in (no claim) keeps the confirmation.
    unbound = running.keys.mint(oid=_oid_of(running, entra))
    running.post_events([_done(seq=2, entra=entra)], token=unbound)
    confirmed = [d for d in _devices(running) if d["entra_device_id"] == entra]
    assert confirmed[0]["identity"] == "token-device-id"
    assert confirmed[0]["last_seq"] == 2


def _oid_of(running: Running, entra: str) -> str:
    return next(
        str(d["oid"]) for d in _devices(running) if d["entra_device_id"] == entra
    )


def test_graph_confirmation_hook(running: Running) -> None:
    store_expected(running.store, rows_of(f"serial,wave\n{VICTIM},wave-01\n"))
    owner = str(uuid.uuid4())
    running.post_events([_done(serial=VICTIM)], token=running.keys.mint(oid=owner))
    with pytest.raises(ValueError, match="serial HMAC or an Entra device id"):
        running.store.transaction(confirm_device, tid="t", source="graph")
    changed = running.store.transaction(
        confirm_device,
        tid=running.config.auth.tenants[0],
        oid=owner,
        serial_hmac=h(VICTIM),
        source=CONFIRMED_BY_GRAPH,
    )
    assert changed == 1
    with running.store.read() as conn:
        assert never_ran(conn, limit=10) == []
        assert len(ready_devices(conn, limit=10)) == 1


def test_the_serial_identity_is_made_by_the_collector(running: Running) -> None:
    """The device sends a digest; the collector keys it. No key on devices."""
    digest = digest_of("5CG1234XYZ")
    assert digest is not None
    token = running.keys.mint(oid=str(uuid.uuid4()))
    response = running.post_events([_done(digest=digest)], token=token)
    assert response.status_code == 200
    [device] = _devices(running)
    assert device["serial_hmac"] == hmac_of_digest(digest, KEY)
    payload = msgspec.json.encode(device["payload"])
    assert digest.encode() not in payload  # the digest itself is not kept
    # IT's list, hashed by the collector, finds it.
    assert h("5CG1234XYZ") != device["serial_hmac"]  # another key: no match


def test_per_user_limit_and_anomaly_flag(running: Running) -> None:
    """One user reporting many serials: the fourth is refused, and the user is
    flagged once past two."""
    user = str(uuid.uuid4())
    token = running.keys.mint(oid=user)
    for n in range(1, 3):
        assert running.post_events([_done(serial=f"S-{n}")], token=token).json()[
            "accepted"
        ]
    assert not any(d["user_flagged"] for d in _devices(running))
    events = [_done(serial=f"S-{n}") for n in range(3, 6)]
    result = running.post_events(events, token=token).json()
    assert result["accepted"] == [events[0].event_id]
    assert result["rejected"] == [
        {"event_id": e.event_id, "reason": "too-many-devices"} for e in events[1:]
    ]
    devices = _devices(running)
    assert len(devices) == 3
    assert all(d["user_flagged"] is True for d in devices)
    # Another user is not affected.
    other = running.keys.mint(oid=str(uuid.uuid4()))
    assert running.post_events([_done(serial="S-9")], token=other).json()["accepted"]
    assert sum(1 for d in _devices(running) if not d["user_flagged"]) == 1


def test_the_dashboard_shows_unconfirmed_devices_and_flagged_users(
    running: Running,
) -> None:
    user = running.keys.mint(oid=str(uuid.uuid4()))
    running.post_events([_done(serial=f"D-{n}") for n in range(3)], token=user)
    page = running.get("/dashboard", token=running.keys.reader())
    assert page.status_code == 200
    text = page.text
    assert "Reported, not confirmed" in text and "Users reporting many devices" in text
    with running.store.read() as conn:
        counts = identity_counts(conn)
    assert (counts.unconfirmed, counts.flagged_users) == (3, 1)


def test_a_short_collector_key_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[devices]\nserial_hmac_key = "short"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(str(config), environ={}, serving=False)
    message = str(refused.value)
    assert "devices.serial_hmac_key" in message and "32 characters" in message
    assert "short" not in message.rsplit("expected", maxsplit=1)[-1]
    assert "\n" not in message
