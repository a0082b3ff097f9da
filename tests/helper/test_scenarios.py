# SPDX-License-Identifier: MIT
"""Simulated devices: every shipped scenario is valid, detects as it says, and is
walked end to end by the journey engine (with the hand-built planner, and with
the real planner and playbooks)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from helper.capture.store import open_capture
from helper.catalogue import load_catalogue
from helper.detect.engine import detect
from helper.journey.engine import Journey
from helper.journey.scenarios import (
    Scenario,
    ScenarioError,
    list_scenarios,
    load_scenario,
)
from helper.journey.state import CONFIRMS, SEQUENCES
from helper.journey.transitions import Event
from tests.helper.journey_driver import make_journey, planner_named, walk

REQUIRED = {
    "ws1-windows",
    "ivanti-windows",
    "jamf-macos",
    "kandji-ade-macos",
    "both-windows",
    "intune-macos",
    "unknown-mdm-windows",
    "ws1hub-linux",
}
OFF_LINE = {"legacy-stays-windows", "intune-absent-macos"}
# The old management comes back after the user left it: walked by its own test.
RETURNING = {"jamf-returns-ade-macos"}
SCENARIOS = list_scenarios()
WALKED = [name for name in SCENARIOS if name not in RETURNING]
HAVE_PLANNER = importlib.util.find_spec("helper.journey.planner") is not None
MAX_ATTEMPTS = 3

PLANNERS = [
    pytest.param("hand", id="hand-planner"),
    pytest.param(
        "real",
        id="real-planner",
        marks=pytest.mark.skipif(
            not HAVE_PLANNER, reason="helper.journey.planner not written yet"
        ),
    ),
]


def test_the_required_scenarios_ship() -> None:
    assert set(SCENARIOS) >= REQUIRED | OFF_LINE | RETURNING


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_is_valid_and_detects_as_it_says(name: str) -> None:
    scenario = load_scenario(name)
    assert scenario.name == name
    assert scenario.description.en.strip() and scenario.description.fr.strip()
    assert scenario.spec.expect.path in SEQUENCES
    cat = load_catalogue()
    for item in scenario.spec.captures:
        capture = scenario.capture(item.id)
        assert capture.os == scenario.platform
        assert detect(capture, cat).verdict == item.verdict, item.id
    assert scenario.initial_capture().origin.endswith(scenario.spec.captures[0].id)


def expected_trail(
    scenario: Scenario, journey: Journey
) -> list[tuple[str, str, str | None]]:
    """The stage-level events a diligent user's walk must produce."""
    expect = scenario.spec.expect
    plan = journey.state.plan if expect.path == journey.state.path else None
    assert plan is not None, (expect.path, journey.state.path)
    has_steps = {s.stage for s in plan.steps}
    sequence = SEQUENCES[expect.path]
    trail: list[tuple[str, str, str | None]] = [(sequence[0], "created", None)]
    if expect.path == "contact-it":
        return [*trail, ("contact-it", "blocked", "not-removable")]
    for stage in sequence:
        if stage == "done":
            trail.append(("done", "succeeded", None))
            break
        if stage not in CONFIRMS and stage not in has_steps:
            trail.append((stage, "skipped", "no-steps"))
            continue
        trail.append((stage, "started", None))
        failing = expect.end == "contact-it" and _never_confirms(scenario, stage)
        if failing:
            code = {
                "confirm-left": "legacy-still-present",
                "confirm-joined": "intune-still-absent",
            }[stage]
            trail += [(stage, "failed", code)] * MAX_ATTEMPTS
            trail.append(("contact-it", "blocked", code))
            break
        trail.append((stage, "succeeded", None))
    return trail


def _never_confirms(scenario: Scenario, stage: str) -> bool:
    if stage not in CONFIRMS:
        return False
    moved_by = {t.stage for t in scenario.spec.transitions}
    return CONFIRMS[stage] not in moved_by


def stage_events(events: list[Event]) -> list[tuple[str, str, str | None]]:
    """Events about stages and verifications (step-done events left out)."""
    return [
        (e.stage, e.state, e.code)
        for e in events
        if e.step is None or e.stage in CONFIRMS
    ]


@pytest.mark.parametrize("planner", PLANNERS)
@pytest.mark.parametrize("name", WALKED)
def test_scenario_walked_end_to_end(name: str, planner: str) -> None:
    scenario = load_scenario(name)
    device = scenario.device()
    journey, recording = make_journey(
        device, planner=planner_named(planner), max_attempts=MAX_ATTEMPTS
    )
    view = journey.start()
    assert view.path == scenario.spec.expect.path
    assert view.platform == scenario.platform
    trail = expected_trail(scenario, journey)
    view = walk(journey, view)
    assert view.stage == scenario.spec.expect.end
    assert stage_events(recording.events) == trail
    visited = [t[0] for t in trail if t[1] == "started"]
    assert recording.stages_started() == visited
    seqs = [e.seq for e in recording.events]
    assert seqs == list(range(1, len(seqs) + 1))
    # Each step the user did reached the device, with its stage.
    done_steps = [
        (e.step, e.stage)
        for e in recording.events
        if e.step and e.state == "succeeded" and e.stage not in CONFIRMS
    ]
    assert device.history[: len(done_steps)] == [
        (step, stage, device.history[i][2])
        for i, (step, stage) in enumerate(done_steps)
    ]
    if view.stage == "done":
        assert device.position == scenario.spec.captures[-1].id


@pytest.mark.parametrize("planner", PLANNERS)
def test_kandji_ade_contact_it_then_released_by_it(planner: str) -> None:
    scenario = load_scenario("kandji-ade-macos")
    device = scenario.device()
    journey, recording = make_journey(device, planner=planner_named(planner))
    view = journey.start()
    assert view.stage == "contact-it" and view.code == "not-removable"
    assert any(s.step.kind == "contact-it" for s in view.steps)
    # Detection checks are the engine's: never offered as "done" to the user.
    assert all(
        s.step.kind != "verify" or s.step.id not in view.redo_steps for s in view.steps
    )
    # Until IT acts, checking again changes nothing.
    assert journey.act("check-again").notice == "no-change"
    view = journey.act("step-done", view.redo_steps[0])
    assert device.position == "released"
    view = journey.act("check-again")
    assert view.path == "join-only" and view.stage == "prepare" and not view.begun
    view = walk(journey, journey.act("begin"))
    assert view.stage == "done" and device.position == "joined"
    assert ("contact-it", "skipped", "replanned") in recording.trail()


def test_scenario_device_persists_its_position(tmp_path: Path) -> None:
    scenario = load_scenario("ws1-windows")
    where = tmp_path / "device.json"
    device = scenario.device(state_file=where)
    assert device.position == "enrolled"
    device.performed("anything", stage="prepare")
    assert device.position == "enrolled" and not where.exists()
    device.performed("anything", stage="leave")
    assert device.position == "left"
    # A new device on the same file is where the old one was (a real device
    # keeps its state when the helper is killed).
    assert scenario.device(state_file=where).position == "left"
    assert scenario.device().position == "enrolled"
    where.write_bytes(b"garbage")
    assert scenario.device(state_file=where).position == "enrolled"
    assert device.capture() is device.capture()  # opened once


def _write(
    root: Path, name: str, toml: str, captures: tuple[str, ...] = ("a",)
) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "scenario.toml").write_text(toml, encoding="utf-8")
    for capture in captures:
        (folder / capture).mkdir()
        (folder / capture / "capture.json").write_text('{"os": "linux"}')


HEAD = """
name = "{name}"
platform = "linux"
description = {{ en = "e", fr = "f" }}
[[captures]]
id = "a"
[[captures]]
id = "b"
"""


def test_transitions_by_step_and_count(tmp_path: Path) -> None:
    toml = HEAD.format(name="x") + (
        '[[transitions]]\nfrom = "a"\nstep = "s2"\ncount = 2\nto = "b"\n'
    )
    _write(tmp_path, "x", toml, ("a", "b"))
    device = load_scenario("x", root=tmp_path).device()
    device.performed("s1", stage="leave")
    device.performed("s2", stage="leave")
    assert device.position == "a"
    device.performed("s2", stage="leave")
    assert device.position == "b"
    assert [h[2] for h in device.history] == ["a", "a", "b"]
    assert device.capture().os == "linux"
    assert list_scenarios(tmp_path) == ["x"]
    assert open_capture(tmp_path / "x" / "b").os == "linux"


@pytest.mark.parametrize(
    ("toml", "captures", "message"),
    [
        ('name = "y"', ("a",), "expected the folder name"),
        ("platform = 'amiga'", ("a",), "platform"),
        (
            "[[transitions]]\nfrom = 'a'\nto = 'zz'\nstage = 'leave'",
            ("a", "b"),
            "from and to",
        ),
        ("[[transitions]]\nfrom = 'a'\nto = 'b'", ("a", "b"), "a stage or a step"),
        ("[[transitions]]\nfrom = 'a'\nto = 'b'\nstage = 'fly'", ("a", "b"), "stage"),
        (
            "[[transitions]]\nfrom = 'a'\nto = 'b'\nstage = 'leave'\ncount = 0",
            ("a", "b"),
            "count",
        ),
        ("surprise = 1", ("a", "b"), "surprise"),
        ("", ("a",), "no capture folder 'b'"),
        ("name = [", ("a", "b"), "scenario.toml"),
    ],
)
def test_invalid_scenarios_are_refused_with_the_file_named(
    tmp_path: Path, toml: str, captures: tuple[str, ...], message: str
) -> None:
    head = HEAD.format(name="x")
    if toml.startswith(("name =", "platform =")):
        key = toml.split("=", maxsplit=1)[0].strip()
        head = "\n".join(line for line in head.splitlines() if not line.startswith(key))
        head = toml + "\n" + head
        toml = ""
    _write(tmp_path, "x", head + "\n" + toml, captures)
    with pytest.raises(ScenarioError) as info:
        load_scenario("x", root=tmp_path)
    assert info.value.code == "scenario-invalid"
    assert "scenario.toml" in info.value.message
    assert message in info.value.message


def test_unknown_scenario_lists_the_known_ones() -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario("nope")
    assert info.value.code == "scenario-not-found"
    assert "ws1-windows" in info.value.message
    with pytest.raises(ScenarioError):
        load_scenario("../vendors")
    assert list_scenarios(Path("/nonexistent")) == []


def test_jamf_back_through_ade_after_leaving_is_sent_to_it_with_why() -> None:
    scenario = load_scenario("jamf-returns-ade-macos")
    device = scenario.device()
    journey, recording = make_journey(device, planner=planner_named("real"))
    view = journey.start()
    assert view.path == "leave-then-join"
    prepare = {s.step.id for s in view.steps}
    # on Jamf's Wi-Fi, with FileVault: the concrete warnings
    assert {"prepare-on-legacy-wifi", "prepare-filevault-recovery"} <= prepare
    view = walk(journey, view)
    assert device.position == "returned"
    assert view.stage == "contact-it" and view.code == "legacy-returned-ade"
    trail = recording.trail()
    assert ("contact-it", "blocked", "legacy-returned-ade") in trail
    assert trail.index(("confirm-joined", "failed", "legacy-returned-ade")) < (
        trail.index(("contact-it", "blocked", "legacy-returned-ade"))
    )
