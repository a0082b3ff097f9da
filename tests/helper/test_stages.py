# SPDX-License-Identifier: MIT
"""The one stage table: its type agrees with it, the engine's rules come from it,
and adding a stage is one entry (shown by adding one in a fixture and walking a
journey through it)."""

from __future__ import annotations

from typing import get_args

import pytest

from helper.journey import stages
from helper.journey.plan import STAGES
from tests.helper.journey_driver import walk
from tests.stage_fixture import add_backup_stage, backup_journey, walk_to_backup


def test_the_stage_type_is_the_table() -> None:
    assert get_args(stages.Stage) == stages.stage_ids() == STAGES


def test_the_rules_read_from_the_table() -> None:
    assert stages.sequences() == {
        "leave-then-join": (
            "prepare",
            "leave",
            "confirm-left",
            "join",
            "confirm-joined",
            "done",
        ),
        "remove-legacy": ("prepare", "leave", "confirm-left", "done"),
        "join-only": ("prepare", "join", "confirm-joined", "done"),
        "done": ("done",),
        "contact-it": ("contact-it",),
    }
    assert stages.confirms() == {"confirm-left": "leave", "confirm-joined": "join"}
    assert stages.failure_codes() == {
        "confirm-left": "legacy-still-present",
        "confirm-joined": "intune-still-absent",
    }
    phases = stages.expected_phases()
    assert phases[("leave-then-join", "confirm-left")] == "legacy"
    assert phases[("leave-then-join", "join")] == "clean"
    assert phases[("remove-legacy", "prepare")] == "both"
    assert phases[("join-only", "prepare")] == "clean"
    assert ("leave-then-join", "done") not in phases
    assert stages.path_pages("leave-then-join") == ("leave", "join", "done")
    assert stages.path_pages("join-only") == ("join", "done")
    assert stages.confirmation_of("join") == "confirm-joined"


@pytest.fixture
def backup_stage(monkeypatch: pytest.MonkeyPatch) -> str:
    return add_backup_stage(monkeypatch)


def test_a_stage_added_to_the_table_is_walked_by_the_engine(
    backup_stage: str,
) -> None:
    assert stages.sequences()["leave-then-join"][:3] == ("prepare", "backup", "leave")
    assert stages.page_of(backup_stage) == "backup"
    assert stages.path_pages("leave-then-join") == ("backup", "leave", "join", "done")
    journey, recording = backup_journey()
    assert backup_stage in journey.start().stages
    view = walk_to_backup(journey)
    assert view.stage == backup_stage and view.redo_steps == ["backup-files"]
    view = walk(journey, view)
    assert view.stage == "done"
    entered = [e.stage for e in recording.events if e.step is None]
    assert backup_stage in entered
    assert entered.index(backup_stage) < entered.index("leave")


def test_the_command_line_has_a_title_for_every_stage() -> None:
    from helper.journey.cmd_plan import STAGE_TITLES

    assert {stages.title_key(s) for s in stages.stage_ids()} == set(STAGE_TITLES)


def test_title_keys_fall_back_to_the_stage() -> None:
    assert stages.title_key("confirm-left") == "confirm-left"
    assert stages.title_key("no-such-stage") == "no-such-stage"
    with pytest.raises(KeyError):
        stages.spec("no-such-stage")
