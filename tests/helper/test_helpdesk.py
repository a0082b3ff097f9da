# SPDX-License-Identifier: MIT
"""The helpdesk panel's logic without widgets (helper/helpdesk.py), on the real
core: a replayed capture is detected and planned as a live device would be."""

from __future__ import annotations

import datetime
from pathlib import Path

from helper.config.model import Config
from helper.helpdesk import diagnostics_text, one_line, replay_capture
from helper.migration import scenario_migration

CAPTURES = Path(__file__).resolve().parent.parent / "captures"


def test_a_replayed_capture_is_detected_and_planned() -> None:
    replay = replay_capture(CAPTURES / "win-ws1-enrolled", config=Config())
    assert replay.detection.os == "windows"
    assert replay.plan.path == "leave-then-join"
    assert replay.plan.vendor == "workspace-one"
    again = replay_capture(
        CAPTURES / "win-ws1-enrolled" / "capture.json",
        config=Config(),
        catalogue=replay.catalogue,
        playbooks=replay.playbooks,
    )
    assert again.plan == replay.plan


def test_diagnostics_name_the_journey_and_no_secret() -> None:
    migration = scenario_migration("ws1-windows", Config())
    view = migration.start()
    secret = "s" * 40
    config = Config().replace(tenant=Config().tenant.replace(serial_hmac_key=secret))
    text = diagnostics_text(
        view,
        config=config,
        versions="Helper 1.0\nQt 6",
        now=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
    )
    assert f"Support code: {view.support_code}" in text
    assert "Helper 1.0" in text and "Stage: prepare" in text
    assert secret not in text
    assert "no journey yet" in diagnostics_text(None, versions="v")


def test_one_line_is_short() -> None:
    assert one_line(ValueError("first\nsecond")) == "first"
    assert one_line(ValueError()) == "ValueError"
    assert len(one_line(ValueError("x" * 1000))) == 300
