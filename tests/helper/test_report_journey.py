# SPDX-License-Identifier: MIT
"""Journey events → status events: whole journeys on scenarios, the snapshot,
device facts, and a privacy scan of what would leave the device."""

from __future__ import annotations

import datetime
import getpass
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import msgspec
import pytest

from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.config.model import Config, MigrationConfig, Tenant, Wave
from helper.detect.engine import detect
from helper.detect.model import Evidence
from helper.journey.scenarios import load_scenario
from helper.journey.transitions import Event
from helper.report.event import (
    DeviceFacts,
    IntuneParts,
    StatusEvent,
    decode_event,
    serial_digest,
)
from helper.report.journey_reporter import (
    FACTS_KEY,
    SNAPSHOT_KEY,
    JourneyReporter,
    Snapshot,
    apply_event,
)
from helper.report.outbox import Outbox
from helper.resources import resource_path
from tests.conftest import CAPTURES
from tests.helper.journey_driver import make_journey, planner_named, walk

JOURNEY = "6f1c2e34-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
AT = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)
FACTS = DeviceFacts(os_family="windows", os_version="10.0.26100", arch="x64")


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        resource_path("schemas", "migration-status-1.schema.json").read_text("utf-8")
    )
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.sqlite3") as box:
        yield box


def stored(outbox: Outbox) -> list[StatusEvent]:
    out = []
    for entry in reversed(outbox.entries(limit=10_000)):
        raw = outbox.payload(entry.event_id)
        assert raw is not None
        out.append(decode_event(raw))
    return out


def jevent(seq: int, stage: str, state: str, **kw: object) -> Event:
    return msgspec.convert(
        {
            "journey_id": JOURNEY,
            "seq": seq,
            "stage": stage,
            "state": state,
            "path": "leave-then-join",
            "platform": "windows",
            "vendor": "workspace-one",
            "started_at": AT.isoformat(),
            "ended_at": (AT + datetime.timedelta(minutes=seq)).isoformat(),
            **kw,
        },
        Event,
    )


class Tee:
    """Both the outbox reporter and a list of the journey's own events."""

    def __init__(self, reporter: JourneyReporter) -> None:
        self.reporter = reporter
        self.events: list[Event] = []

    def emit(self, event: Event) -> None:
        self.events.append(event)
        self.reporter.emit(event)


@pytest.mark.parametrize(
    ("scenario", "overall"),
    [
        ("ws1-windows", "succeeded"),
        ("jamf-macos", "succeeded"),
        ("ws1hub-linux", "succeeded"),
        ("legacy-stays-windows", "blocked"),
    ],
)
def test_a_whole_journey_reports_valid_events(
    outbox: Outbox, scenario: str, overall: str
) -> None:
    reporter = JourneyReporter(
        outbox,
        campaign_id="emm2intune-2026",
        wave_id="wave-03",
        facts=FACTS,
        locale="fr_FR.UTF-8",
    )
    tee = Tee(reporter)
    journey, _ = make_journey(
        load_scenario(scenario).device(), reporter=tee, planner=planner_named("real")
    )
    walk(journey, journey.start())
    events = stored(outbox)
    assert len(events) == len(tee.events) > 3
    check = validator()
    for event in events:
        check.validate(json.loads(msgspec.json.encode(event)))
    seqs = [e.device_seq for e in events]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert [e.event_type for e in events] == [e.state for e in tee.events]
    assert [e.stage for e in events] == [e.stage for e in tee.events]
    last = events[-1]
    assert last.overall_state == overall
    assert last.journey_id == tee.events[-1].journey_id
    assert last.campaign_id == "emm2intune-2026" and last.env.locale == "fr-FR"
    assert last.stages and all(s.state != "pending" for s in last.stages)


def test_snapshot_follows_the_journey() -> None:
    snap, facts = Snapshot(), DeviceFacts(os_family="windows", legacy_enrolled=True)
    trail = [
        (jevent(1, "prepare", "created"), "not-started"),
        (jevent(2, "prepare", "started"), "in-progress"),
        (jevent(3, "prepare", "succeeded", step="save-work"), "in-progress"),
        (jevent(4, "confirm-left", "failed", code="legacy-still-present"), "failed"),
        (jevent(5, "confirm-left", "started"), "in-progress"),
        (jevent(6, "confirm-left", "succeeded"), "in-progress"),
        (jevent(7, "prepare", "deferred"), "deferred"),
        (jevent(8, "done", "started"), "succeeded"),
    ]
    for event, overall in trail:
        snap, facts = apply_event(snap, facts, event)
        assert snap.overall_state == overall, event
    assert snap.current_stage == "done"
    assert snap.steps["save-work"].state == "done"
    stage = snap.stages["confirm-left"]
    assert stage.state == "done" and stage.error_code is None
    assert facts.legacy_enrolled is False  # confirm-left passed
    blocked, _ = apply_event(
        snap, facts, jevent(9, "contact-it", "blocked", code="attempts-exhausted")
    )
    assert blocked.overall_state == "blocked"
    assert blocked.stages["contact-it"].error_code == "attempts-exhausted"
    other = msgspec.structs.replace(jevent(1, "prepare", "created"), journey_id="x")
    fresh, _ = apply_event(snap, facts, other)
    assert fresh.journey_id == "x" and fresh.stages == {}


def test_the_plans_vendor_names_the_old_emm(outbox: Outbox) -> None:
    """Without a detection fed in, the journey still says which old EMM it
    leaves: ``legacy`` names the vendor (state unknown until confirm-left), so
    the collector never takes the device for one that never had an old EMM."""
    reporter = JourneyReporter(outbox, facts=FACTS)
    reporter.emit(jevent(1, "prepare", "created"))
    reporter.emit(jevent(2, "confirm-left", "succeeded"))
    first, second = stored(outbox)
    assert first.legacy is not None
    assert (first.legacy.vendor, first.legacy.still_enrolled) == (
        "workspace-one",
        None,
    )
    assert second.legacy is not None and second.legacy.still_enrolled is False
    join_only = JourneyReporter(outbox, facts=FACTS)
    join_only.emit(jevent(1, "prepare", "created", vendor=None, path="join-only"))
    assert stored(outbox)[-1].legacy is None  # nothing detected: nothing said


def test_free_text_codes_never_leave(outbox: Outbox) -> None:
    reporter = JourneyReporter(outbox, facts=FACTS)
    reporter.emit(jevent(1, "leave", "failed", code="Access denied: C:\\Users\\jd"))
    (event,) = stored(outbox)
    assert event.code == "invalid-code"
    assert event.stages[0].error_code == "invalid-code"


def test_snapshot_and_facts_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    with Outbox(path) as box:
        reporter = JourneyReporter(box, facts=FACTS)
        reporter.emit(jevent(1, "prepare", "created"))
        reporter.emit(jevent(2, "prepare", "started"))
        assert box.get_meta(SNAPSHOT_KEY) is not None
    with Outbox(path) as box:
        again = JourneyReporter(box)  # no facts given: the saved ones
        # The plan's vendor (the journey events name it) joined them.
        assert again.facts == msgspec.structs.replace(
            FACTS, legacy_vendor="workspace-one"
        )
        assert again.snapshot.stages["prepare"].state == "running"
        again.emit(jevent(3, "prepare", "succeeded"))
        last = stored(box)[-1]
        assert last.stages[0].state == "done" and last.overall_state == "in-progress"


def test_a_failed_write_leaves_the_snapshot(outbox: Outbox) -> None:
    reporter = JourneyReporter(outbox, facts=FACTS)
    reporter.emit(jevent(1, "prepare", "created"))
    before = reporter.snapshot
    outbox.close()
    with pytest.raises(Exception, match="closed"):
        reporter.emit(jevent(2, "prepare", "started"))
    assert reporter.snapshot is before


def test_detection_feeds_the_device(outbox: Outbox) -> None:
    reporter = JourneyReporter(outbox, facts=FACTS)
    detection = detect(open_capture(CAPTURES / "win-ws1-and-intune"), load_catalogue())
    reporter.update_detection(detection, serial_digest=serial_digest("5CG1234XYZ"))
    assert outbox.get_meta(FACTS_KEY) is not None
    event = reporter.heartbeat(AT)
    assert event.event_type == "heartbeat" and event.event_time_utc == AT
    assert event.device.entra_device_id == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    assert event.device.intune_device_id == "c0ffee00-1234-4abc-9def-0123456789ab"
    assert event.device.serial_digest == serial_digest("5CG1234XYZ")
    assert event.device.serial_hmac is None  # no key on the device
    assert event.legacy is not None and event.legacy.vendor == "workspace-one"
    validator().validate(json.loads(msgspec.json.encode(event)))


def test_events_say_which_halves_of_intune_were_confirmed(outbox: Outbox) -> None:
    reporter = JourneyReporter(outbox, facts=FACTS)
    assert reporter.heartbeat(AT).intune is None  # no detection yet
    mdm_only = detect(open_capture(CAPTURES / "win-intune-mdm-only"), load_catalogue())
    reporter.update_detection(mdm_only)
    event = reporter.heartbeat(AT)
    assert event.intune == IntuneParts(mdm=True, registration=False)
    raw = json.loads(msgspec.json.encode(event))
    assert raw["intune"] == {"mdm": True, "registration": False}
    validator().validate(raw)
    both = detect(open_capture(CAPTURES / "win-intune-registered"), load_catalogue())
    reporter.update_detection(both)
    assert reporter.heartbeat(AT).intune == IntuneParts(mdm=True, registration=True)


def test_the_configured_tenant_decides_the_registration(outbox: Outbox) -> None:
    config = Config(tenant=Tenant(tenant_id="0dde70e6-f430-449f-8bce-f4d0a9eca2a4"))
    reporter = JourneyReporter.from_config(config, outbox, facts=FACTS)
    both = detect(open_capture(CAPTURES / "win-intune-registered"), load_catalogue())
    reporter.update_detection(both)  # registered, but with another tenant
    assert reporter.heartbeat(AT).intune == IntuneParts(mdm=True, registration=False)


def test_from_config_and_on_enqueued(outbox: Outbox) -> None:
    waves = (
        Wave(
            id="wave-01",
            notify_date=datetime.date(2026, 1, 1),
            enforcement_date=datetime.date(2026, 2, 1),
        ),
        Wave(
            id="wave-02",
            notify_date=datetime.date(2026, 3, 1),
            enforcement_date=datetime.date(2026, 6, 1),
        ),
    )
    config = Config(
        migration=MigrationConfig(campaign_id="emm2intune-2026", waves=waves)
    )
    seen: list[StatusEvent] = []
    reporter = JourneyReporter.from_config(
        config,
        outbox,
        facts=FACTS,
        today=datetime.date(2026, 4, 1),
        on_enqueued=seen.append,
    )
    reporter.emit(jevent(1, "prepare", "created"))
    assert [e.wave_id for e in seen] == ["wave-02"]
    assert seen[0].campaign_id == "emm2intune-2026"


def test_nothing_personal_leaves_the_device(outbox: Outbox) -> None:
    """Scan every generated event for this machine's host name and user name, an
    e-mail '@', the plain serial and paths, with a detection full of them."""
    hostname, user = socket.gethostname(), getpass.getuser()
    detection = detect(open_capture(CAPTURES / "win-ws1-and-intune"), load_catalogue())
    detection.legacy[0].server = "mdm.jdupont-laptop.contoso.com"
    detection.legacy[0].evidence.append(
        Evidence(source="C:\\Users\\jdupont\\x.reg", detail="jdupont@contoso.com")
    )
    reporter = JourneyReporter(outbox, campaign_id="c1", wave_id="w1", facts=FACTS)
    reporter.update_detection(detection, serial_digest=serial_digest("5CG1234XYZ"))
    reporter.emit(jevent(1, "prepare", "created"))
    reporter.emit(jevent(2, "leave", "failed", code=f"{user}@{hostname}"))
    reporter.heartbeat()
    for entry in outbox.entries():
        raw = outbox.payload(entry.event_id)
        assert raw is not None
        text = raw.decode().replace('"schema":"migration-status/1"', "")
        assert "@" not in text
        assert "jdupont" not in text and "contoso" not in text
        assert "5CG1234XYZ" not in text
        assert "\\" not in text and "/" not in text
        if len(hostname) >= 4:
            assert hostname.lower() not in text.lower()
        if len(user) >= 3:
            word = rf"(?<![A-Za-z0-9]){re.escape(user)}(?![A-Za-z0-9])"
            assert not re.search(word, text, re.IGNORECASE)
