# SPDX-License-Identifier: MIT
"""The journey engine on hand-built plans and on devices the tests steer.

The device is real detection on real test captures (tests/captures/); only the
choice of capture is the test's. The planner is :func:`hand_plan`, which follows
the planner's documented rules, so these tests pin the engine, not the
playbooks (test_scenarios.py runs the real planner).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import msgspec
import pytest

from helper.capture.model import Capture
from helper.capture.store import open_capture
from helper.config.model import Config, MigrationConfig, Wave
from helper.detect.model import Detection, Entra, Legacy
from helper.journey.engine import (
    ACTIONS,
    STAY,
    JourneyView,
    Target,
    contact_code,
    phase_of,
    reconcile,
)
from helper.journey.plan import Plan, Step
from helper.journey.state import (
    JourneyState,
    MemoryStore,
    StateStore,
    decode_state,
    progress_consistent,
    support_code,
)
from helper.journey.transitions import Event, RecordingReporter
from tests.conftest import CAPTURES
from tests.helper.journey_driver import hand_plan, make_journey, walk

NOW = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC)
CODE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")

WS1 = "win-ws1-enrolled"
CLEAN = "win-domain-unmanaged"
INTUNE = "win-intune-entra-joined"
BOTH = "win-ws1-and-intune"
UNKNOWN = "win-corrupt-enrollments"


class SteeredDevice:
    """A device showing the test capture the test chooses.

    Args:
        name: the capture folder under tests/captures/.
        after: step id → capture the device shows once the user did that step.
    """

    def __init__(self, name: str, after: dict[str, str] | None = None) -> None:
        self.name = name
        self.after = dict(after or {})
        self.captures = 0
        self.performed_steps: list[tuple[str, str | None]] = []
        self.broken = False

    @property
    def platform(self) -> str:
        return open_capture(CAPTURES / self.name).os

    def capture(self) -> Capture:
        self.captures += 1
        if self.broken:
            raise OSError("the probe could not run")
        return open_capture(CAPTURES / self.name)

    def performed(self, step_id: str, *, stage: str | None = None) -> None:
        self.performed_steps.append((step_id, stage))
        if step_id in self.after:
            self.name = self.after.pop(step_id)


class Clock:
    """A clock the test moves."""

    def __init__(self, now: datetime.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime.datetime:
        return self.now


def saved() -> JourneyState:
    state = StateStore().load().state
    assert state is not None
    return state


def check_events(events: list[Event], journey_id: str) -> None:
    """Every event: this journey, seq 1, 2, 3..., codes only, UTC times."""
    assert [e.seq for e in events] == list(range(events[0].seq, events[-1].seq + 1))
    for event in events:
        assert event.journey_id == journey_id
        assert event.code is None or CODE.match(event.code), event
        assert event.step is None or CODE.match(event.step), event
        assert event.started_at <= event.ended_at
        assert event.ended_at.utcoffset() == datetime.timedelta(0)


def step_ids(view: JourneyView) -> list[str]:
    return [s.step.id for s in view.steps]


# --- the happy line ---------------------------------------------------------------


def test_leave_then_join_walk_visits_every_stage_and_saves_each_transition() -> None:
    device = SteeredDevice(
        WS1,
        after={"workspace-one-unenroll": CLEAN, "open-company-portal": INTUNE},
    )
    store = MemoryStore()
    seen: list[tuple[int, int]] = []

    class CheckingReporter(RecordingReporter):
        def emit(self, event: Event) -> None:
            # Saved before emitted: the file already holds this seq.
            state = store.load().state
            assert state is not None
            seen.append((event.seq, state.seq))
            super().emit(event)

    reporter = CheckingReporter()
    journey, _ = make_journey(device, store=store, reporter=reporter)
    view = journey.start()
    assert view.stage == "prepare" and not view.begun
    assert view.actions == ["begin", "defer", "check-again", "contact-it"]
    assert view.path == "leave-then-join" and view.vendor == "workspace-one"
    assert view.stages == [
        "prepare",
        "leave",
        "confirm-left",
        "join",
        "confirm-joined",
        "done",
    ]
    assert view.support_code == support_code(view.journey_id)
    assert view.resumed_from is None

    view = journey.act("begin")
    assert view.stage == "prepare" and view.begun
    assert step_ids(view) == ["prepare-save-work"]
    view = journey.act("step-done", "prepare-save-work")
    assert view.stage == "leave"
    assert step_ids(view) == ["workspace-one-open-agent", "workspace-one-unenroll"]
    view = journey.act("step-done", "workspace-one-open-agent")
    assert view.stage == "leave"
    assert [s.status for s in view.steps] == ["done", "pending"]
    # Last leave step: confirm-left detects again, passes, join starts.
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.stage == "join" and view.verdict == "unmanaged"
    view = journey.act("step-done", "open-company-portal")
    assert view.stage == "done" and view.verdict == "intune-enrolled"
    assert view.actions == ["check-again"]

    assert reporter.stages_started() == [
        "prepare",
        "leave",
        "confirm-left",
        "join",
        "confirm-joined",
    ]
    assert reporter.trail() == [
        ("prepare", "created", None),
        ("prepare", "started", None),
        ("prepare", "succeeded", None),
        ("prepare", "succeeded", None),
        ("leave", "started", None),
        ("leave", "succeeded", None),
        ("leave", "succeeded", None),
        ("leave", "succeeded", None),
        ("confirm-left", "started", None),
        ("confirm-left", "succeeded", None),
        ("join", "started", None),
        ("join", "succeeded", None),
        ("join", "succeeded", None),
        ("confirm-joined", "started", None),
        ("confirm-joined", "succeeded", None),
        ("done", "succeeded", None),
    ]
    steps = [(e.stage, e.step) for e in reporter.events if e.step]
    assert steps == [
        ("prepare", "prepare-save-work"),
        ("leave", "workspace-one-open-agent"),
        ("leave", "workspace-one-unenroll"),
        ("confirm-left", "verify-left"),
        ("join", "open-company-portal"),
        ("confirm-joined", "verify-joined"),
    ]
    check_events(reporter.events, view.journey_id)
    assert all(event_seq <= saved_seq for event_seq, saved_seq in seen)
    # At least one write per start and per act (begin + 5 steps).
    assert store.saves >= 7
    # The device was told each step, with its stage.
    assert device.performed_steps == [
        ("prepare-save-work", "prepare"),
        ("workspace-one-open-agent", "leave"),
        ("workspace-one-unenroll", "leave"),
        ("open-company-portal", "join"),
    ]
    final = store.load().state
    assert final is not None and final.stage == "done"
    assert set(final.steps.values()) <= {"done", "pending"}
    assert final.steps["contact-helpdesk"] == "pending"  # never needed


def test_start_always_detects_again_and_resumes_the_saved_stage() -> None:
    device = SteeredDevice(WS1)
    journey, _ = make_journey(device)
    journey.start()
    journey.act("begin")
    view = journey.act("step-done", "prepare-save-work")
    assert view.stage == "leave"
    assert device.captures == 1

    again, recording = make_journey(device)
    view = again.start()
    assert device.captures == 2
    assert view.stage == "leave" and view.resumed_from == "leave"
    assert view.journey_id == journey.state.journey_id
    assert recording.trail() == [("leave", "resumed", None)]
    assert recording.events[0].seq == journey.state.seq + 1


def test_resume_when_the_legacy_left_while_the_helper_was_closed() -> None:
    device = SteeredDevice(WS1)
    journey, _ = make_journey(device)
    journey.start()
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    device.name = CLEAN  # the user removed it, then the helper restarted
    again, recording = make_journey(device)
    view = again.start()
    assert view.stage == "join" and view.resumed_from == "leave"
    assert recording.trail() == [
        ("leave", "resumed", None),
        ("leave", "skipped", "already-done"),
        ("confirm-left", "skipped", "already-done"),
        ("join", "started", None),
    ]
    state = saved()
    assert state.steps["workspace-one-unenroll"] == "skipped"
    assert progress_consistent(state)


def test_user_word_is_never_trusted_legacy_still_present_retries_then_it() -> None:
    device = SteeredDevice(WS1)  # the capture never changes
    journey, recording = make_journey(device, max_attempts=3)
    journey.start()
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    journey.act("step-done", "workspace-one-open-agent")
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.stage == "confirm-left"
    assert view.retry and view.code == "legacy-still-present"
    assert view.attempts == 1 and view.max_attempts == 3
    assert view.actions == ["step-done", "check-again", "contact-it", "restart"]
    # The steps of the stage being confirmed come back, with their hints.
    assert [s.step.id for s in view.retry_steps] == [
        "workspace-one-open-agent",
        "workspace-one-unenroll",
    ]
    assert view.retry_steps[0].step.hints
    assert view.redo_steps == ["workspace-one-open-agent", "workspace-one-unenroll"]
    assert [s.status for s in view.steps] == ["failed"]

    view = journey.act("check-again")
    assert view.stage == "confirm-left" and view.attempts == 2
    # Redoing a step verifies again (and tells the device).
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.stage == "contact-it"
    assert view.code == "legacy-still-present" and view.attempts == 3
    assert view.actions == ["step-done", "check-again", "restart"]
    assert step_ids(view) == ["contact-helpdesk"]
    assert device.performed_steps[-1] == ("workspace-one-unenroll", "leave")
    failures = [t for t in recording.trail() if t[1] == "failed"]
    assert failures == [("confirm-left", "failed", "legacy-still-present")] * 3
    assert recording.trail()[-1] == ("contact-it", "blocked", "legacy-still-present")
    assert (recording.events[-1].step, recording.events[-2].step) == (
        None,
        "verify-left",
    )


def test_retry_succeeds_after_a_hint() -> None:
    device = SteeredDevice(WS1)
    journey, recording = make_journey(device)
    journey.start()
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    journey.act("step-done", "workspace-one-open-agent")
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.code == "legacy-still-present"
    device.name = CLEAN  # the hint helped
    view = journey.act("check-again")
    assert view.stage == "join" and view.code is None and not view.retry
    state = journey.state
    assert state.attempts == {"confirm-left": 1}
    assert state.steps["verify-left"] == "done"
    assert ("confirm-left", "succeeded", None) in recording.trail()


def test_intune_still_absent_after_enrollment_retries_then_it() -> None:
    device = SteeredDevice(CLEAN)
    journey, recording = make_journey(device, max_attempts=2)
    view = journey.start()
    assert view.path == "join-only" and view.vendor is None
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    view = journey.act("step-done", "open-company-portal")
    assert view.stage == "confirm-joined" and view.code == "intune-still-absent"
    assert [s.step.id for s in view.retry_steps] == ["open-company-portal"]
    view = journey.act("check-again")
    assert view.stage == "contact-it" and view.code == "intune-still-absent"
    assert recording.stages_started() == ["prepare", "join", "confirm-joined"]


def test_blocked_journey_stays_blocked_until_the_device_changes() -> None:
    device = SteeredDevice(CLEAN)
    journey, _ = make_journey(device, max_attempts=1)
    journey.start()
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    view = journey.act("step-done", "open-company-portal")
    assert view.stage == "contact-it"
    # Restarting the helper does not unblock it (same verdict)...
    again, _ = make_journey(device)
    assert again.start().stage == "contact-it"
    assert again.act("check-again").notice == "no-change"
    # ...IT fixed it: Intune is there now.
    device.name = INTUNE
    view = again.act("check-again")
    assert view.stage == "done"


def test_legacy_coming_back_sends_the_user_to_leave_again() -> None:
    device = SteeredDevice(WS1, after={"workspace-one-unenroll": CLEAN})
    journey, recording = make_journey(device)
    journey.start()
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    journey.act("step-done", "workspace-one-open-agent")
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.stage == "join"
    device.name = WS1  # auto re-enrollment brought it back
    view = journey.act("check-again")
    assert view.stage == "leave"
    assert [s.status for s in view.steps] == ["pending", "pending"]
    assert ("join", "failed", "legacy-returned") in recording.trail()
    assert progress_consistent(journey.state)


def test_both_enrolled_removes_the_legacy_then_done() -> None:
    device = SteeredDevice(BOTH, after={"workspace-one-unenroll": INTUNE})
    journey, recording = make_journey(device)
    view = journey.start()
    assert view.path == "remove-legacy"
    assert view.stages == ["leave", "confirm-left", "done"]
    view = walk(journey, journey.act("begin"))
    assert view.stage == "done"
    assert recording.stages_started() == ["leave", "confirm-left"]
    assert ("prepare", "skipped", "no-steps") in recording.trail()


def test_already_in_intune_is_done_at_once() -> None:
    journey, recording = make_journey(SteeredDevice(INTUNE))
    view = journey.start()
    assert view.stage == "done" and view.path == "done"
    assert recording.trail() == [("done", "created", None), ("done", "succeeded", None)]
    assert view.actions == ["check-again"]
    # Later starts on a finished journey emit nothing and write nothing.
    store = MemoryStore()
    store.save(journey.state)
    again, recording = make_journey(SteeredDevice(INTUNE), store=store)
    view = again.start()
    assert view.stage == "done" and view.resumed_from == "done"
    assert recording.events == [] and store.saves == 1


def test_not_removable_goes_to_contact_it_with_the_plans_words() -> None:
    journey, recording = make_journey(SteeredDevice("mac-kandji-ade"))
    view = journey.start()
    assert view.stage == "contact-it" and view.code == "not-removable"
    assert step_ids(view) == ["contact-helpdesk"]
    assert view.steps[0].step.kind == "contact-it"
    assert view.steps[0].step.text.en and view.steps[0].step.text.fr
    assert recording.trail()[-1] == ("contact-it", "blocked", "not-removable")


def test_unknown_verdict_goes_to_it_and_unreadable_evidence_never_moves_a_journey() -> (
    None
):
    journey, _ = make_journey(SteeredDevice(UNKNOWN))
    view = journey.start()
    assert view.verdict == "unknown"
    assert view.stage == "contact-it" and view.code == "detection-unknown"

    # A journey under way is not thrown away because one read failed.
    device = SteeredDevice(WS1)
    journey, _ = make_journey(device)
    journey.start()
    journey.act("begin")
    device.name = UNKNOWN
    view = journey.act("check-again")
    assert view.stage == "prepare" and view.notice == "detect-inconclusive"
    journey.act("step-done", "prepare-save-work")
    journey.act("step-done", "workspace-one-open-agent")
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.stage == "confirm-left" and view.code == "verify-inconclusive"


def test_a_failing_probe_is_a_notice_not_a_crash() -> None:
    device = SteeredDevice(WS1)
    device.broken = True
    journey, _ = make_journey(device)
    view = journey.start()
    # No evidence at all: the planner gets an "unknown" detection.
    assert view.stage == "contact-it" and view.verdict is None
    assert view.detection is None and view.platform == "windows"

    device = SteeredDevice(WS1)
    journey, _ = make_journey(device)
    journey.start()
    journey.act("begin")
    device.broken = True
    assert journey.act("check-again").notice == "detect-failed"
    again, recording = make_journey(device)
    view = again.start()
    assert view.notice == "detect-failed" and view.stage == "prepare"
    assert recording.trail() == [("prepare", "resumed", None)]


def test_contact_it_on_request_and_restart_keep_the_journey_id() -> None:
    device = SteeredDevice(WS1)
    journey, recording = make_journey(device)
    first = journey.start()
    journey.act("defer")
    journey.act("begin")
    view = journey.act("contact-it")
    assert view.stage == "contact-it" and view.code == "user-request"
    view = journey.act("restart")
    assert view.stage == "prepare" and not view.begun
    assert view.journey_id == first.journey_id
    assert view.support_code == first.support_code
    assert journey.state.deferrals_used == 1  # a restart does not refill them
    assert recording.trail()[-2:] == [
        ("contact-it", "skipped", "restarted"),
        ("prepare", "created", "restarted"),
    ]


def test_a_journey_not_begun_follows_the_device() -> None:
    device = SteeredDevice(WS1)
    journey, recording = make_journey(device)
    journey.start()
    device.name = CLEAN
    view = journey.act("check-again")
    assert view.path == "join-only" and view.stage == "prepare" and not view.begun
    assert recording.trail()[-2:] == [
        ("prepare", "skipped", "replanned"),
        ("prepare", "created", "replanned"),
    ]
    device.name = INTUNE
    assert journey.act("check-again").stage == "done"


def test_refused_actions_are_notices() -> None:
    journey, _ = make_journey(SteeredDevice(WS1))
    journey.start()
    assert journey.act("step-done", "prepare-save-work").notice == (
        "action-not-available"
    )
    journey.act("begin")
    assert journey.act("begin").notice == "action-not-available"
    assert journey.act("defer").notice == "action-not-available"
    assert journey.act("step-done", "nope").notice == "step-unknown"
    assert journey.act("step-done", "open-company-portal").notice == (
        "action-not-available"
    )
    journey.act("step-done", "prepare-save-work")
    journey.act("step-done", "workspace-one-open-agent")
    view = journey.act("step-done", "workspace-one-open-agent")
    assert view.notice == "step-already-done"
    assert view.stage == "leave"
    assert journey.act("check-again").notice == "no-change"


def test_act_before_start_is_a_programming_error() -> None:
    journey, _ = make_journey(SteeredDevice(WS1))
    with pytest.raises(RuntimeError):
        journey.act("begin")
    assert set(ACTIONS) == {
        "begin",
        "step-done",
        "check-again",
        "defer",
        "contact-it",
        "restart",
    }


def test_a_failing_reporter_or_disk_never_stops_the_user() -> None:
    class Broken:
        def emit(self, event: Event) -> None:
            raise RuntimeError("collector down")

    class FullDisk(MemoryStore):
        def save(self, state: JourneyState) -> None:
            raise OSError(28, "No space left on device")

    journey, _ = make_journey(SteeredDevice(WS1), reporter=Broken(), store=FullDisk())
    view = journey.start()
    assert view.warnings == ["state-not-saved"]
    view = journey.act("begin")
    assert view.stage == "prepare" and view.begun


def test_events_hold_codes_never_names_or_hosts() -> None:
    device = SteeredDevice(
        WS1, after={"workspace-one-unenroll": CLEAN, "open-company-portal": INTUNE}
    )
    journey, recording = make_journey(device)
    assert walk(journey, journey.start()).stage == "done"
    raw = b"".join(msgspec.json.encode(e) for e in recording.events)
    for secret in (b"awmdm.com", b"ds1380", b"CONTOSO", b"Workspace ONE"):
        assert secret not in raw
    assert {e.schema for e in recording.events} == {"journey-event/1"}
    assert {e.vendor for e in recording.events} == {"workspace-one"}
    assert {e.platform for e in recording.events} == {"windows"}


def test_view_is_plain_data_and_carries_the_deadline() -> None:
    waves = (
        Wave(
            id="w1",
            name="Wave 1",
            notify_date=datetime.date(2026, 11, 1),
            enforcement_date=datetime.date(2026, 11, 22),
        ),
    )
    config = Config(migration=MigrationConfig(waves=waves, max_deferrals=1))
    clock = Clock()
    journey, recording = make_journey(SteeredDevice(WS1), config=config, clock=clock)
    view = journey.start()
    assert view.deadline is not None
    assert (view.deadline.days_left, view.deadline.phase) == (2, "final-days")
    assert view.deferral.allowed and view.deferral.remaining == 1
    view = journey.act("defer")
    # Two days left: the default deferral curve (3d:4h) shortens the 24 hours.
    assert view.next_reminder == NOW + datetime.timedelta(hours=4)
    assert "defer" not in view.actions
    assert view.deferral.blocked == "deferrals-exhausted"
    assert recording.trail()[-1] == ("prepare", "deferred", None)
    # After the deadline, the reminder is gone with the deferrals.
    clock.now = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)
    view = journey.view()
    assert view.deadline is not None and view.deadline.phase == "overdue"
    doc = msgspec.json.decode(msgspec.json.encode(view))
    assert doc["stage"] == "prepare" and doc["plan"]["schema"] == "plan/1"


def test_state_file_matches_the_engine_after_every_act(helper_home: Path) -> None:
    device = SteeredDevice(
        WS1, after={"workspace-one-unenroll": CLEAN, "open-company-portal": INTUNE}
    )
    journey, _ = make_journey(device)
    view = journey.start()
    while view.stage != "done":
        state = decode_state((helper_home / "data" / "journey.json").read_bytes())
        assert state.stage == view.stage and state.seq == journey.state.seq
        assert progress_consistent(state)
        if "begin" in view.actions:
            view = journey.act("begin")
        else:
            view = journey.act("step-done", view.redo_steps[0])


def test_a_stage_left_half_finished_is_finished_on_resume() -> None:
    # A state file (from an older helper, or edited) whose stage has every step
    # done: resuming finishes the stage instead of leaving nothing to do.
    device = SteeredDevice(WS1)
    journey, _ = make_journey(device)
    journey.start()
    journey.act("begin")
    journey.act("step-done", "prepare-save-work")
    state = journey.state
    state.steps["workspace-one-open-agent"] = "done"
    state.steps["workspace-one-unenroll"] = "done"
    StateStore().save(state)
    again, recording = make_journey(device)
    view = again.start()
    assert view.stage == "confirm-left" and view.code == "legacy-still-present"
    assert recording.trail()[:3] == [
        ("leave", "resumed", None),
        ("leave", "succeeded", None),
        ("confirm-left", "started", None),
    ]


def test_detection_checks_are_never_the_users_word() -> None:
    def plan(detection: Detection) -> Plan:
        base = hand_plan(detection)
        extra = msgspec.convert(
            {
                "id": "leave-check",
                "stage": "leave",
                "kind": "verify",
                "check": "left",
                "text": {"en": "x", "fr": "x"},
            },
            type=Step,
        )
        steps = list(base.steps)
        steps.insert(3, extra)
        return msgspec.structs.replace(base, steps=steps)

    journey, _ = make_journey(SteeredDevice(WS1, after={}), planner=plan)
    journey.start()
    journey.act("begin")
    view = journey.act("step-done", "prepare-save-work")
    assert view.stage == "leave"
    assert "leave-check" in step_ids(view)
    assert "leave-check" not in view.redo_steps
    assert journey.act("step-done", "leave-check").notice == "action-not-available"
    journey.act("step-done", "workspace-one-open-agent")
    view = journey.act("step-done", "workspace-one-unenroll")
    assert view.stage == "confirm-left"
    assert journey.state.steps["leave-check"] == "skipped"
    assert progress_consistent(journey.state)


# --- reconcile, the pure heart ----------------------------------------------------


def _detection(verdict: str, vendor: str | None = None) -> Detection:
    legacy = [Legacy(vendor=vendor, name=vendor)] if vendor else []
    doc: dict[str, object] = {"os": "windows", "verdict": verdict, "legacy": legacy}
    if verdict in ("intune-enrolled", "both-enrolled"):
        # Both halves of "in Intune" (joined.py): enrolled and Entra joined.
        doc["intune"] = {"enrolled": True}
        doc["entra"] = {"join": "entra-joined"}
    return msgspec.convert(doc, type=Detection)


def _state(detection: Detection, stage: str, *, begun: bool = True) -> JourneyState:
    plan = hand_plan(detection)
    return msgspec.convert(
        {
            "journey_id": "0f9a4c2e-1b3d-4e5f-8a7b-6c5d4e3f2a1b",
            "created_at": NOW,
            "updated_at": NOW,
            "stage": stage,
            "path": plan.path,
            "platform": plan.platform,
            "vendor": plan.vendor,
            "begun": begun,
            "steps": {s.id: "pending" for s in plan.steps},
            "stage_started_at": NOW,
            "cursor_at": NOW,
            "plan": msgspec.to_builtins(plan),
            "blocked_verdict": "legacy-enrolled" if stage == "contact-it" else None,
        },
        type=JourneyState,
        from_attributes=True,
    )


LEGACY = _detection("legacy-enrolled", "workspace-one")
JAMF = _detection("legacy-enrolled", "jamf-pro")
UNMANAGED = _detection("unmanaged")
INTUNE_ONLY = _detection("intune-enrolled")
BOTH_DET = _detection("both-enrolled", "workspace-one")
UNKNOWN_DET = _detection("unknown")
MDM_ONLY = msgspec.structs.replace(
    INTUNE_ONLY, entra=msgspec.convert({"join": "none"}, type=Entra)
)


@pytest.mark.parametrize(
    ("stage", "now", "kind", "goal", "path"),
    [
        ("leave", LEGACY, "stay", None, None),
        ("confirm-left", LEGACY, "stay", None, None),
        ("leave", UNMANAGED, "move", "join", None),
        ("confirm-left", UNMANAGED, "move", "join", None),
        ("join", UNMANAGED, "stay", None, None),
        ("join", LEGACY, "move", "leave", None),
        ("confirm-joined", INTUNE_ONLY, "move", "done", None),
        ("leave", INTUNE_ONLY, "move", "done", None),
        ("leave", BOTH_DET, "fresh", None, "remove-legacy"),
        ("leave", JAMF, "fresh", None, "leave-then-join"),
        ("leave", UNKNOWN_DET, "stay", None, None),
        ("contact-it", LEGACY, "stay", None, None),
        ("contact-it", UNMANAGED, "move", "join", None),
        ("done", INTUNE_ONLY, "stay", None, None),
        # Intune without the Entra half is not done: still joining.
        ("confirm-joined", MDM_ONLY, "stay", None, None),
        ("join", MDM_ONLY, "stay", None, None),
        ("done", MDM_ONLY, "fresh", None, "join-only"),
    ],
)
def test_reconcile(
    stage: str, now: Detection, kind: str, goal: str | None, path: str | None
) -> None:
    state = _state(LEGACY, stage)
    target = reconcile(state, now, hand_plan(now))
    assert target.kind == kind
    assert target.stage == goal
    assert (target.plan.path if target.plan else None) == path


def test_reconcile_edges() -> None:
    assert reconcile(None, LEGACY, hand_plan(LEGACY)).kind == "fresh"
    kandji = _detection("legacy-enrolled", "kandji")
    kandji.legacy[0].removable = False
    target = reconcile(_state(LEGACY, "leave"), kandji, hand_plan(kandji))
    assert (target.kind, target.code) == ("fresh", "not-removable")
    # Not begun: whatever changed, the user simply gets the new plan.
    target = reconcile(
        _state(LEGACY, "prepare", begun=False),
        UNMANAGED,
        Plan("windows", None, "join-only", []),
    )
    assert target.kind == "fresh"
    # Done and Intune gone: a new journey.
    target = reconcile(_state(LEGACY, "done"), LEGACY, hand_plan(LEGACY))
    assert target.kind == "fresh"
    assert reconcile(_state(LEGACY, "leave"), LEGACY, hand_plan(LEGACY)) == STAY
    assert Target("stay") == STAY


def test_phase_and_contact_codes() -> None:
    assert [phase_of(d) for d in (LEGACY, BOTH_DET, UNMANAGED, INTUNE_ONLY)] == [
        "legacy",
        "both",
        "clean",
        "intune",
    ]
    assert phase_of(UNKNOWN_DET) == "unknown"
    assert contact_code(UNKNOWN_DET) == "detection-unknown"
    assert contact_code(_detection("legacy-enrolled", "unknown-mdm")) == ("unknown-mdm")
    assert contact_code(LEGACY) == "plan-contact-it"
