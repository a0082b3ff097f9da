# SPDX-License-Identifier: MIT
"""The status events describe the device the journey detected: its Entra
device id, join type, the halves of "in Intune" and the digest of its serial
number (what the collector keys the device by), from a capture's serial file
through the journey engine to the outbox. Never the serial itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helper.capture import layout
from helper.capture.model import Capture
from helper.config import Config
from helper.journey.scenarios import ScenarioDevice, load_scenario
from helper.migration import scenario_migration
from helper.report.event import DeviceFacts, StatusEvent, decode_event, serial_digest
from helper.report.journey_reporter import JourneyReporter
from helper.report.outbox import Outbox
from tests.helper.journey_driver import make_journey, planner_named, walk

SERIAL = "5CG1234XYZ"  # an HP laptop's BIOS serial


class WithSerial:
    """A scenario PC whose captures also hold its BIOS serial (as the Windows
    probe writes it): the device the real app reads."""

    def __init__(self, device: ScenarioDevice) -> None:
        self._device = device

    @property
    def platform(self) -> str:
        return self._device.platform

    def capture(self) -> Capture:
        capture = self._device.capture()
        files = {**capture.files, layout.WIN_SERIAL: f"{SERIAL}\r\n".encode()}
        return Capture(capture.manifest, files, capture.origin)

    def performed(self, step_id: str, *, stage: str | None = None) -> None:
        self._device.performed(step_id, stage=stage)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.sqlite3") as box:
        yield box


def queued(outbox: Outbox) -> tuple[list[StatusEvent], list[bytes]]:
    raws = []
    for entry in reversed(outbox.entries(limit=10_000)):
        raw = outbox.payload(entry.event_id)
        assert raw is not None
        raws.append(raw)
    return [decode_event(raw) for raw in raws], raws


def test_a_journey_s_events_carry_the_detected_device(outbox: Outbox) -> None:
    reporter = JourneyReporter(outbox, facts=DeviceFacts(os_family="windows"))
    device = WithSerial(load_scenario("ws1-windows").device())
    journey, _ = make_journey(device, planner=planner_named("real"), reporter=reporter)
    view = walk(journey, journey.start())
    assert view.stage == "done"
    events, raws = queued(outbox)
    assert len(events) > 3
    # From the first event on: the detection comes before what it causes.
    digest = serial_digest(SERIAL)
    assert digest is not None
    assert {e.device.serial_digest for e in events} == {digest}
    assert not any(SERIAL.encode() in raw for raw in raws)
    detection = journey.detection
    assert detection is not None and detection.entra.device_id
    last = events[-1]
    assert last.device.entra_device_id == detection.entra.device_id.lower()
    assert last.device.join_type == detection.entra.join
    assert last.intune is not None and last.intune.mdm is True
    # The first events still saw the old management; the last ones do not.
    assert events[0].legacy is not None and events[0].legacy.still_enrolled
    assert last.legacy is not None and last.legacy.still_enrolled is False


def test_a_scenario_reports_a_serial_only_when_its_capture_has_one(
    outbox: Outbox, tmp_path: Path
) -> None:
    reporter = JourneyReporter(outbox, facts=DeviceFacts(os_family="macos"))
    migration = scenario_migration("intune-macos", Config(), reporter=reporter)
    assert migration.start().stage == "done"
    events, _ = queued(outbox)
    assert events
    assert events[-1].device.serial_digest == serial_digest("C02FK3M1Q05D")
    assert events[-1].intune is not None and events[-1].intune.mdm is True
    with Outbox(tmp_path / "other.sqlite3") as other:
        reporter = JourneyReporter(other, facts=DeviceFacts(os_family="macos"))
        migration = scenario_migration("jamf-macos", Config(), reporter=reporter)
        migration.start()
        events, _ = queued(other)
        assert events and all(e.device.serial_digest is None for e in events)
        # Still in Jamf at the start: the legacy state came from the detection.
        legacy = events[-1].legacy
        assert legacy is not None and legacy.still_enrolled is True
