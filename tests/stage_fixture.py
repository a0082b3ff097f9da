# SPDX-License-Identifier: MIT
"""A stage added to the one stage table in a fixture: "backup", between prepare
and leave, shown on its own "backup" page (tests/helper/test_stages.py,
tests/ui/test_stage_page.py)."""

from __future__ import annotations

import msgspec
import pytest

from helper.config.model import Config
from helper.journey import stages
from helper.journey.engine import Journey, JourneyView, planner_for
from helper.journey.plan import Plan
from helper.journey.scenarios import load_scenario
from helper.journey.stages import StageSpec
from helper.journey.state import MemoryStore
from helper.journey.transitions import RecordingReporter
from tests.helper.journey_driver import catalogue, make_journey

BACKUP = "backup"


def add_backup_stage(monkeypatch: pytest.MonkeyPatch) -> str:
    """The new stage: one entry in the table."""
    table = list(stages.TABLE)
    table.insert(
        1,
        StageSpec(
            BACKUP,  # type: ignore[arg-type]
            ("leave-then-join", "remove-legacy"),
            "legacy",
            page=BACKUP,
        ),
    )
    monkeypatch.setattr(stages, "TABLE", tuple(table))
    return BACKUP


def with_backup_step(plan: Plan) -> Plan:
    """The plan with a user step in the backup stage (a playbook would say so)."""
    if plan.path != "leave-then-join":
        return plan
    template = next(s for s in plan.steps if s.stage == "prepare")
    step = msgspec.structs.replace(template, id="backup-files", stage=BACKUP)
    at = next(i for i, s in enumerate(plan.steps) if s.stage == "leave")
    return msgspec.structs.replace(
        plan, steps=[*plan.steps[:at], step, *plan.steps[at:]]
    )


def backup_journey() -> tuple[Journey, RecordingReporter]:
    """ws1-windows with the real planner, plus the backup step."""
    real = planner_for(Config(), catalogue())
    device = load_scenario("ws1-windows").device()
    return make_journey(
        device, planner=lambda d: with_backup_step(real(d)), store=MemoryStore()
    )


def walk_to_backup(journey: Journey) -> JourneyView:
    """Begin and do the prepare steps: the journey is at the backup stage."""
    journey.start()
    view = journey.act("begin")
    while view.stage == "prepare":
        view = journey.act("step-done", view.redo_steps[0])
    return view
