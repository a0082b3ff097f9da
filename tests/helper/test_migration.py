# SPDX-License-Identifier: MIT
"""The composition root: a Migration built from the configuration, driven by the
actions the window's buttons mean, on the real core (simulated devices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helper.config.model import CatalogueConfig, Config
from helper.errors import HelperError
from helper.journey.transitions import RecordingReporter
from helper.migration import (
    extra_dir,
    load_knowledge,
    passing_check,
    scenario_migration,
)


def test_a_diligent_user_walks_a_scenario_with_the_buttons_actions() -> None:
    reporter = RecordingReporter()
    migration = scenario_migration("ws1-windows", Config(), reporter=reporter)
    view = migration.start()
    assert view.stage == "prepare" and not view.begun
    view = migration.begin()
    assert view.begun and view.stage == "leave"
    view = migration.finish_stage()  # "I've done it": the engine verifies
    assert view.stage == "join"
    view = migration.finish_stage()
    assert view.stage == "done"
    assert reporter.events[-1].stage == "done"
    assert reporter.events[-1].state == "succeeded"


def test_a_failed_confirmation_redoes_the_relaunched_step_then_goes_to_it() -> None:
    migration = scenario_migration("legacy-stays-windows", Config())
    migration.start()
    view = migration.begin()
    seen = []
    while view.stage not in ("done", "contact-it"):
        relaunched = view.redo_steps[0] if view.retry else None
        view = migration.finish_stage(relaunched)
        seen.append((view.stage, view.retry))
        assert len(seen) < 10
    assert ("confirm-left", True) in seen
    assert view.stage == "contact-it" and view.code == "legacy-still-present"
    assert view.redo_steps
    view = migration.contacted()
    assert view.stage == "contact-it" and not view.redo_steps


def test_steps_done_leaves_other_stages_alone() -> None:
    migration = scenario_migration("ws1-windows", Config())
    migration.start()
    view = migration.steps_done("leave")  # not begun: nothing to mark
    assert view.stage == "prepare" and not view.begun


def test_a_passing_check_marks_its_step_done_once() -> None:
    reporter = RecordingReporter()
    migration = scenario_migration("ws1-windows", Config(), reporter=reporter)
    migration.start()
    migration.begin()
    view = migration.finish_stage()
    assert view.stage == "join"
    step = next(s for s in view.plan.steps if s.id == "intune-check-network")
    assert step.check is not None
    assert migration.run_check(step.check).ok
    view = migration.step_done_if_open(step.id)
    assert step.id not in view.redo_steps
    events = len(reporter.events)
    again = migration.step_done_if_open(step.id)  # done meanwhile: no action
    assert again.redo_steps == view.redo_steps and len(reporter.events) == events


def test_a_scenario_changes_nothing_on_this_machine() -> None:
    migration = scenario_migration("ws1-windows", Config())
    assert migration.scenario == migration.demo == "ws1-windows"
    assert migration.platform == "windows"
    assert migration.check is passing_check
    assert isinstance(migration.reporter, RecordingReporter)
    assert migration.capture is not None and migration.capture().os == "windows"


def test_the_extra_folder_is_read_in_one_place(tmp_path: Path) -> None:
    assert extra_dir(Config()) is None
    config = Config(catalogue=CatalogueConfig(extra_dir=str(tmp_path)))
    assert extra_dir(config) == tmp_path
    catalogue, playbooks = load_knowledge(config)
    assert catalogue.get("workspace-one") is not None
    assert playbooks.allowlist is not None
    missing = Config(catalogue=CatalogueConfig(extra_dir=str(tmp_path / "none")))
    with pytest.raises(HelperError):
        load_knowledge(missing)


def test_status_reads_the_live_store_without_moving_a_corrupt_file() -> None:
    from helper.migration import live_store

    reader = live_store(read_only=True)
    reader.path.parent.mkdir(parents=True, exist_ok=True)
    reader.path.write_text("{not json", encoding="utf-8")
    assert reader.load().warning == "state-corrupt"
    assert reader.path.exists()  # status only reads
    assert live_store().path == reader.path
    assert live_store().load().warning == "state-corrupt"
    assert not reader.path.exists()  # the journey moves it aside


def test_importing_the_composition_root_stays_light() -> None:
    # detect and status import it for the catalogue and the state file: logging
    # (threading, traceback, tokenize) would cost them start-up time.
    import subprocess
    import sys

    code = (
        "import sys, helper.migration; "
        "heavy = {'logging', 'threading', 'msgspec', 'httpx'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
