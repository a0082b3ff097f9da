# SPDX-License-Identifier: MIT
"""The journey engine: the state machine of one device's migration (no Qt).

Stages, as IT communicates them (``stages.TABLE``)::

    prepare → leave → confirm-left → join → confirm-joined → done
                                                 (and contact-it, from anywhere)

Each plan path walks a part of it (the one stage table,
:mod:`helper.journey.stages`): ``leave-then-join`` all of it, ``remove-legacy``
prepare → leave → confirm-left → done, ``join-only`` prepare → join →
confirm-joined → done, ``done`` and ``contact-it`` one stage.

Rules:

- **Detection decides, never the user.** ``start()`` always detects again, and
  so does every confirm stage and ``check-again``: the device
  (:class:`~helper.journey.device.DeviceSource`) gives fresh evidence, detection reads
  it. What the user says only moves them from one step to the next.
- A failed confirmation (legacy still present, Intune still absent) keeps the
  user in the confirm stage with the hints of the plan's steps (``retry``); after
  ``max_attempts`` failures the journey goes to contact-it with that code.
  Confirming the join needs both halves (:mod:`helper.journey.joined`): an
  Intune MDM enrollment and the Microsoft Entra registration; the code says
  which is missing (``intune-mdm-missing``, ``entra-registration-missing``,
  ``entra-other-tenant``).
- Every transition is saved atomically (:mod:`helper.journey.state`), *then*
  emitted as an event (:mod:`helper.journey.transitions`). A killed helper resumes at
  the saved stage and detects again.
- The engine returns codes and data (:class:`JourneyView`); ui/ owns the words.
  The plan's steps carry their own words (English and French).

Not thread-safe: the window calls :meth:`Journey.start` and :meth:`Journey.act`
from its one state worker (STYLE §3.3, ``serial=True``), never from the GUI
thread (a live capture takes seconds).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Literal, get_args

import msgspec

from helper.detect.model import Detection
from helper.journey import deadlines, stages
from helper.journey.joined import JoinedParts, joined_parts
from helper.journey.plan import Plan, Step
from helper.journey.stages import Stage
from helper.journey.state import (
    JourneyState,
    JourneyStore,
    StepProgress,
    StoreCleanup,
    new_journey_id,
    support_code,
    utc_now,
)
from helper.journey.transitions import (
    DeviceFactsReporter,
    Event,
    EventState,
    Reporter,
    emit_safely,
)

if TYPE_CHECKING:
    from helper.capture.model import Capture
    from helper.catalogue import Catalogue
    from helper.config.model import Config
    from helper.journey.device import DeviceSource
    from helper.journey.playbooks import PlaybookSet

log = logging.getLogger(__name__)

Action = Literal["begin", "step-done", "check-again", "defer", "contact-it", "restart"]
ACTIONS: Final[tuple[str, ...]] = get_args(Action)
Planner = Callable[[Detection], Plan]
Clock = Callable[[], datetime.datetime]
Phase = Literal["legacy", "both", "clean", "intune", "unknown"]

MAX_ATTEMPTS: Final = 3
ACTIVE_PATHS: Final = stages.ACTIVE_PATHS

# The phase each (path, stage) expects, the code a failed confirmation gives,
# the stages of each path: the one stage table (helper/journey/stages.py), read
# at each use so that a test may add a stage.
# Verify steps whose check is a detection are the engine's, never the user's word:
# the window shows their button as "check again" (act("check-again")).
ENGINE_CHECKS: Final = frozenset({"left", "joined", "detected"})
FAILURE_CODES: Final[dict[str, str]] = stages.failure_codes()


class StepView(msgspec.Struct, frozen=True):
    """One step as the window shows it: the plan's step and its status."""

    step: Step
    status: StepProgress


class JourneyView(msgspec.Struct, frozen=True, kw_only=True):
    """A snapshot of the journey for the window (codes and data, no words).

    Attributes:
        journey_id: the journey (UUID4).
        support_code: what the user reads to helpdesk (``K7Q4-M2XD``).
        path, platform, vendor: the plan's.
        stage: the current stage.
        stages: the stages of this path the user will see, in order (stages
            without steps are left out, except the confirm stages and done).
        begun: the user pressed "begin".
        steps: the steps of the current stage with their status.
        retry_steps: in a confirm stage, the steps of the stage being confirmed
            (leave or join), whose ``hints`` the window shows.
        actions: what the user can do now (:data:`Action`).
        redo_steps: ids accepted by ``step-done`` now.
        code: why the journey is where it is: ``legacy-still-present``,
            ``intune-still-absent``, ``intune-mdm-missing``,
            ``entra-registration-missing``, ``entra-other-tenant``,
            ``verify-inconclusive`` in a confirm stage;
            at contact-it ``not-removable``, ``unknown-mdm``,
            ``detection-unknown``, ``plan-contact-it``, ``user-request`` or one
            of the failure codes; else None.
        notice: feedback on the last call (``no-change``, ``detect-failed``,
            ``action-not-available``, ``step-unknown``, ``step-already-done``,
            ``detect-inconclusive`` or a deferral block code), else None.
        retry: the last confirmation failed: show the hints.
        attempts: failed confirmations of the current (or blocking) stage.
        max_attempts: failures allowed before contact-it.
        verdict: the last detection's verdict.
        detection: the last detection (helpdesk details), None if it failed.
        deadline: the device's deadline, None without waves.
        deferral: whether "remind me later" is possible, and until when.
        next_reminder: the reminder chosen by the last deferral (UTC).
        warnings: ``state-corrupt``, ``state-unreadable``, ``state-not-saved``.
        resumed_from: the saved stage this run resumed from (None: new journey).
        plan: the whole plan.
        updated_at: the last transition (UTC).
    """

    journey_id: str
    support_code: str
    path: str
    platform: str
    vendor: str | None
    stage: Stage
    stages: list[Stage]
    begun: bool
    steps: list[StepView]
    retry_steps: list[StepView]
    actions: list[Action]
    redo_steps: list[str]
    code: str | None
    notice: str | None
    retry: bool
    attempts: int
    max_attempts: int
    verdict: str | None
    detection: Detection | None
    deadline: deadlines.Deadline | None
    deferral: deadlines.Deferral
    next_reminder: datetime.datetime | None
    warnings: list[str]
    resumed_from: str | None
    plan: Plan
    updated_at: datetime.datetime


class Target(msgspec.Struct, frozen=True):
    """Where a fresh detection sends a journey (:func:`reconcile`).

    Attributes:
        kind: ``stay``; ``move`` to ``stage`` on the same plan; ``fresh``: follow
            ``plan`` from its start (the device is somewhere the saved journey did
            not expect).
        stage: for ``move``.
        plan: for ``fresh``.
        code: for a fresh contact-it plan, why; for any target, one of
            :data:`RETURN_CODES` when the old management came back.
    """

    kind: Literal["stay", "move", "fresh"]
    stage: Stage | None = None
    plan: Plan | None = None
    code: str | None = None


STAY: Final = Target("stay")


_PHASES: Final[dict[str, Phase]] = {
    "legacy-enrolled": "legacy",
    "both-enrolled": "both",
    "unmanaged": "clean",
    "intune-enrolled": "intune",
}


def phase_of(detection: Detection) -> Phase:
    """The device's phase, from a detection verdict."""
    return _PHASES.get(detection.verdict, "unknown")


def contact_code(detection: Detection) -> str:
    """Why a plan sends the user to IT, as a code."""
    if any(legacy.removable is False for legacy in detection.legacy):
        return "not-removable"
    if detection.verdict == "unknown":
        return "detection-unknown"
    if any(legacy.vendor == "unknown-mdm" for legacy in detection.legacy):
        return "unknown-mdm"
    return "plan-contact-it"


def plan_phase(detection: Detection, plan: Plan) -> Phase:
    """The device's phase as the plan sees it.

    A device Intune manages that is not done yet (the planner's ``join-only``
    plan for a missing Entra half, joined.py) is still joining: ``clean``.
    """
    phase = phase_of(detection)
    if phase == "intune" and plan.path != "done":
        return "clean"
    return phase


def _step_ids(plan: Plan) -> list[str]:
    return [s.id for s in plan.steps]


def reconcile(state: JourneyState | None, detection: Detection, plan: Plan) -> Target:
    """Where a fresh detection sends the journey. Pure.

    Args:
        state: the saved journey, None for none.
        detection: what the device shows now.
        plan: the plan the planner makes for that detection.
    """
    phase = plan_phase(detection, plan)
    if state is None:
        return Target("fresh", plan=plan, code=_code_for(plan, detection))
    returned = returned_code(state, detection, phase)
    if state.stage == "done":
        # Done stays done while Intune is there; otherwise a new journey starts.
        if plan.path == "done":
            return STAY
        return Target("fresh", plan=plan, code=returned or _code_for(plan, detection))
    if plan.path == "done":
        if state.path in ACTIVE_PATHS:
            return Target("move", stage="done")
        return Target("fresh", plan=plan)
    if phase == "unknown":
        # Unreadable evidence proves nothing: keep the journey where it is.
        return STAY
    if state.stage == "contact-it" and state.blocked_verdict == detection.verdict:
        return STAY
    if plan.path == "contact-it":
        return Target("fresh", plan=plan, code=returned or contact_code(detection))
    expected = stages.expected_phases().get((state.path, state.stage))
    same = plan.path == state.path and plan.vendor == state.vendor
    # Before "begin", a plan whose steps changed (another administrator account
    # was created, Company Portal installed...) replaces the saved one: nothing
    # of it was done yet.
    stale = not state.begun and _step_ids(plan) != _step_ids(state.plan)
    if expected == phase and (phase == "clean" or same) and not stale:
        return STAY
    if not state.begun:
        return Target("fresh", plan=plan)
    if state.path == "leave-then-join":
        if phase == "clean":
            # The legacy management left (maybe before the user told us): join.
            return Target("move", stage="join")
        if phase == "legacy" and same:
            # It came back (auto re-enrollment, a restored backup): leave again.
            return Target("move", stage="leave", code=returned)
    return Target("fresh", plan=plan, code=returned)


# The old management came back after the user had left it (docs/journey.md,
# "Back in the old management"): ``legacy-returned-ade`` when Apple ADE
# enrolled the Mac again, ``legacy-returned`` otherwise (its agent or a policy
# re-installed it, a backup was restored...).
RETURN_CODES: Final = ("legacy-returned", "legacy-returned-ade")
_LEAVING_PATHS: Final = (stages.LEAVE_THEN_JOIN, stages.REMOVE_LEGACY)


def returned_code(
    state: JourneyState, detection: Detection, phase: Phase
) -> str | None:
    """Why the old management is here again, when the user had left it.

    Left: the journey had confirmed the old management gone (it is at the
    join, confirm-joined or done stage of a path that left it).
    """
    left = state.begun and state.stage in ("join", "confirm-joined", "done")
    if not left or state.path not in _LEAVING_PATHS:
        return None
    if phase not in ("legacy", "both"):
        return None
    codes = {w.code for w in detection.warnings}
    return "legacy-returned-ade" if "ade-enrolled" in codes else "legacy-returned"


def _code_for(plan: Plan, detection: Detection) -> str | None:
    return contact_code(detection) if plan.path == "contact-it" else None


def engine_owned(step: Step) -> bool:
    """A verify step the engine does itself by detecting again."""
    return step.kind == "verify" and step.check in ENGINE_CHECKS


def _left(detection: Detection) -> bool:
    return not detection.legacy and phase_of(detection) in ("clean", "intune")


class Journey:
    """One device's journey.

    Args:
        device: where the evidence comes from (this machine, or a scenario).
        catalogue: the vendor catalogue (detection).
        config: IT's configuration (waves, deferrals, reminders).
        planner: detection → plan (see :func:`planner_for`).
        store: where the state is saved (:class:`~helper.journey.state.StateStore`).
        reporter: receives the events.
        clock: now, as an aware datetime (UTC).
        tz: the user's time zone for wave dates (None: the system's).
        max_attempts: failed confirmations before contact-it.
        wave_id: the device's wave, when IT assigned one.
    """

    def __init__(
        self,
        device: DeviceSource,
        *,
        catalogue: Catalogue,
        config: Config,
        planner: Planner,
        store: JourneyStore,
        reporter: Reporter,
        clock: Clock = utc_now,
        tz: datetime.tzinfo | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        wave_id: str | None = None,
    ) -> None:
        self._device = device
        self._catalogue = catalogue
        self._config = config
        self._planner = planner
        self._store = store
        self._reporter = reporter
        self._clock = clock
        self._tz = tz
        self._max_attempts = max(1, max_attempts)
        self._wave_id = wave_id or config.migration.wave or None
        self._state: JourneyState | None = None
        self._detection: Detection | None = None
        self._pending: list[Event] = []
        self._warnings: list[str] = []
        self._notice: str | None = None
        self._resumed_from: str | None = None

    # --- public API ---------------------------------------------------------------

    @property
    def device(self) -> DeviceSource:
        """Where the evidence comes from (the server release tells a simulated
        device that the old EMM let it go: :mod:`helper.server_release`)."""
        return self._device

    @property
    def state(self) -> JourneyState:
        """The current state (after :meth:`start`)."""
        if self._state is None:
            raise RuntimeError("Journey.start() must be called first")
        return self._state

    @property
    def detection(self) -> Detection | None:
        """The latest detection (None before the first, or when it failed)."""
        return self._detection

    def start(self) -> JourneyView:
        """Resume the saved journey, or begin one; always detects again first."""
        self._notice = None
        self._warnings = []
        if isinstance(self._store, StoreCleanup):
            self._store.clean_temporary_files()
        loaded = self._store.load()
        if loaded.warning is not None:
            self._warnings.append(loaded.warning)
        detection = self._detect()
        plan = self._plan(detection)
        saved = loaded.state
        if saved is None:
            self._resumed_from = None
            self._create(plan, detection, code=loaded.warning)
            return self.view()
        self._state = saved
        self._remember_wifi(detection)
        self._resumed_from = saved.stage
        target = reconcile(saved, detection, plan) if detection else STAY
        if saved.stage == "done" and target.kind == "stay":
            # Nothing happens on a finished journey: no event, no write (the
            # helper may start at every login long after the migration).
            return self.view()
        saved.last_verdict = detection.verdict if detection else saved.last_verdict
        self._emit(saved.stage, "resumed")
        self._commit()
        if detection is None:
            self._notice = "detect-failed"
            return self.view()
        self._apply(target)
        self._finish_interrupted()
        if phase_of(detection) == "unknown" and self._notice is None:
            self._notice = "detect-inconclusive"
        return self.view()

    def act(self, action: Action, step: str | None = None) -> JourneyView:
        """Do what the user asked.

        Args:
            action: one of :data:`ACTIONS`; anything not in ``view().actions`` is
                refused with ``notice="action-not-available"`` (no exception: a
                double click must not raise).
            step: for ``step-done``: the step id.

        Returns:
            The new snapshot.
        """
        state = self.state
        self._notice = None
        if action not in self._actions(state):
            self._notice = "action-not-available"
            return self.view()
        if action == "begin":
            state.begun = True
            state.next_reminder = None
            self._enter(state.stage)
        elif action == "step-done":
            self._step_done(step)
        elif action == "check-again":
            self._check_again()
        elif action == "defer":
            self._defer()
        elif action == "contact-it":
            self._enter("contact-it", code="user-request")
        elif action == "restart":
            self._restart()
        return self.view()

    def view(self) -> JourneyView:
        """The current snapshot."""
        state = self.state
        now = self._now()
        due = deadlines.deadline(
            self._config.migration, now, wave_id=self._wave_id, tz=self._tz
        )
        confirming = stages.confirms().get(state.stage)
        code: str | None = None
        attempts = 0
        if state.stage == "contact-it":
            code = state.blocked_code
            attempts = max(state.attempts.values(), default=0)
        elif confirming is not None:
            # Resumed in a confirm stage that has not passed: say why.
            code = state.last_code or stages.failure_codes()[state.stage]
            attempts = state.attempts.get(state.stage, 0)
        elif state.last_code in RETURN_CODES:
            # Back in the old management: the leave steps again, and why.
            code = state.last_code
        actions = self._actions(state)
        return JourneyView(
            journey_id=state.journey_id,
            support_code=support_code(state.journey_id),
            path=state.path,
            platform=state.platform,
            vendor=state.vendor,
            stage=state.stage,
            stages=self._visible_stages(state),
            begun=state.begun,
            steps=self._step_views(state, state.stage),
            retry_steps=(
                self._step_views(state, confirming) if confirming is not None else []
            ),
            actions=actions,
            redo_steps=self._doable_steps(state) if "step-done" in actions else [],
            code=code,
            notice=self._notice,
            retry=confirming is not None,
            attempts=attempts,
            max_attempts=self._max_attempts,
            verdict=state.last_verdict,
            detection=self._detection,
            deadline=due,
            deferral=deadlines.deferral(
                self._config.migration, now, state.deferrals_used, due
            ),
            next_reminder=state.next_reminder,
            warnings=list(self._warnings),
            resumed_from=self._resumed_from,
            plan=state.plan,
            updated_at=state.updated_at,
        )

    def _finish_interrupted(self) -> None:
        """Finish a stage whose steps are all done (defensive: every write of this
        engine is a resting point, but a state file may come from elsewhere)."""
        state = self.state
        stage = state.stage
        if (
            not state.begun
            or stage in stages.confirms()
            or stage in ("done", "contact-it")
        ):
            return
        steps = self._user_steps(state, stage)
        if all(state.steps[s.id] == "done" for s in steps):
            if steps:
                self._complete_stage()
            else:
                self._close_engine_steps(stage)
                self._emit(stage, "skipped", code="no-steps")
                self._enter(self._next(stage))

    # --- actions ------------------------------------------------------------------

    def _actions(self, state: JourneyState) -> list[Action]:
        if state.stage == "done":
            return ["check-again"]
        if state.stage == "contact-it":
            acts: list[Action] = ["check-again", "restart"]
            if self._doable_steps(state):
                acts.insert(0, "step-done")
            return acts
        if not state.begun:
            acts = ["begin"]
            due = deadlines.deadline(
                self._config.migration, self._now(), wave_id=self._wave_id, tz=self._tz
            )
            if deadlines.deferral(
                self._config.migration, self._now(), state.deferrals_used, due
            ).allowed:
                acts.append("defer")
            return [*acts, "check-again", "contact-it"]
        return ["step-done", "check-again", "contact-it", "restart"]

    def _doable_steps(self, state: JourneyState) -> list[str]:
        """Step ids ``step-done`` accepts now."""
        if state.stage in stages.confirms():
            # Redo a step of the stage being confirmed, then verify again.
            return [
                s.id for s in self._user_steps(state, stages.confirms()[state.stage])
            ]
        return [
            s.id
            for s in self._user_steps(state, state.stage)
            if state.steps.get(s.id) != "done"
        ]

    def _step_done(self, step_id: str | None) -> None:
        state = self.state
        step = next((s for s in state.plan.steps if s.id == step_id), None)
        if step is None:
            self._notice = "step-unknown"
            return
        if step.id not in self._doable_steps(state):
            already = step.stage == state.stage and state.steps[step.id] == "done"
            self._notice = "step-already-done" if already else "action-not-available"
            return
        # The device first: the user did it before pressing the button.
        self._device.performed(step.id, stage=step.stage)
        now = self._now()
        if state.stage in stages.confirms():
            self._emit(step.stage, "succeeded", step=step.id, code="redone")
            self._verify()  # saves the step and the verification at once
            return
        state.steps[step.id] = "done"
        self._emit(state.stage, "succeeded", step=step.id, started_at=state.cursor_at)
        state.cursor_at = now
        if state.stage != "contact-it" and all(
            state.steps[s.id] == "done" for s in self._user_steps(state, state.stage)
        ):
            # One write for the step, the stage's end and the next stage: a
            # stage whose steps are all done is never a resting point.
            self._complete_stage()
            return
        # At contact-it: the user contacted IT; "check again" once IT acted.
        self._commit()

    def _check_again(self) -> None:
        state = self.state
        if state.stage in stages.confirms():
            self._verify()
            return
        detection = self._detect()
        if detection is None:
            self._notice = "detect-failed"
            return
        state.last_verdict = detection.verdict
        target = reconcile(state, detection, self._plan(detection))
        if target.kind == "stay":
            self._notice = (
                "detect-inconclusive"
                if phase_of(detection) == "unknown"
                else "no-change"
            )
            return
        self._apply(target)

    def _defer(self) -> None:
        state = self.state
        now = self._now()
        due = deadlines.deadline(
            self._config.migration, now, wave_id=self._wave_id, tz=self._tz
        )
        choice = deadlines.deferral(
            self._config.migration, now, state.deferrals_used, due
        )
        if not choice.allowed:
            self._notice = choice.blocked
            return
        state.deferrals_used += 1
        state.next_reminder = choice.next_reminder
        self._emit(state.stage, "deferred")
        self._commit()

    def _restart(self) -> None:
        state = self.state
        detection = self._detect()
        plan = self._plan(detection)
        self._emit(state.stage, "skipped", code="restarted")
        self._reset_to(plan, begun=False)
        self._emit(state.stage, "created", code="restarted")
        if not self._enter_terminal(plan, detection):
            self._commit()

    # --- transitions --------------------------------------------------------------

    def _create(
        self, plan: Plan, detection: Detection | None, code: str | None
    ) -> None:
        now = self._now()
        first = stages.sequences()[plan.path][0]
        self._state = JourneyState(
            journey_id=new_journey_id(),
            created_at=now,
            updated_at=now,
            stage=first,
            path=plan.path,
            platform=plan.platform,
            vendor=plan.vendor,
            steps={s.id: "pending" for s in plan.steps},
            last_verdict=detection.verdict if detection else None,
            stage_started_at=now,
            cursor_at=now,
            plan=plan,
        )
        self._remember_wifi(detection)
        self._emit(first, "created", code=code)
        if not self._enter_terminal(plan, detection):
            self._commit()

    def _enter_terminal(self, plan: Plan, detection: Detection | None) -> bool:
        """Paths done and contact-it need no "begin": enter their stage now.

        Returns:
            True when a stage was entered (and the state saved).
        """
        if plan.path == "done":
            self._enter("done")
            return True
        if plan.path == "contact-it":
            code = contact_code(detection) if detection else "detect-failed"
            self._enter("contact-it", code=code)
            return True
        return False

    def _reset_to(self, plan: Plan, *, begun: bool) -> None:
        """Follow ``plan`` from its first stage; keep id, deferrals and seq."""
        state = self.state
        now = self._now()
        state.plan = plan
        state.path = plan.path
        state.platform = plan.platform
        state.vendor = plan.vendor
        state.steps = {s.id: "pending" for s in plan.steps}
        state.attempts = {}
        state.blocked_code = None
        state.blocked_verdict = None
        state.last_code = None
        state.begun = begun
        state.stage = stages.sequences()[plan.path][0]
        state.stage_started_at = now
        state.cursor_at = now

    def _enter(self, stage: Stage, code: str | None = None) -> None:
        state = self.state
        now = self._now()
        state.stage = stage
        state.stage_started_at = now
        state.cursor_at = now
        if stage == "done":
            for s in state.plan.steps:
                if s.stage == "done":
                    state.steps[s.id] = "done"
                elif state.steps[s.id] == "pending" and s.stage != "contact-it":
                    state.steps[s.id] = "skipped"
            self._emit("done", "succeeded")
            self._commit()
            return
        if stage == "contact-it":
            state.blocked_code = code
            state.blocked_verdict = state.last_verdict
            self._emit("contact-it", "blocked", code=code)
            self._commit()
            return
        if stage not in stages.confirms() and not self._user_steps(state, stage):
            # Nothing for the user to do here (no playbook steps): go on.
            self._close_engine_steps(stage)
            self._emit(stage, "skipped", code="no-steps")
            self._enter(self._next(stage))
            return
        self._emit(stage, "started")
        self._commit()
        if stage in stages.confirms():
            self._verify()

    def _complete_stage(self) -> None:
        state = self.state
        self._close_engine_steps(state.stage)
        self._emit(state.stage, "succeeded", started_at=state.stage_started_at)
        self._enter(self._next(state.stage))

    def _close_engine_steps(self, stage: str) -> None:
        # A detection check placed outside a confirm stage: the confirm stages
        # do the real check, so it is not pending any more.
        state = self.state
        for s in self._steps_in(state, stage):
            if engine_owned(s) and state.steps[s.id] == "pending":
                state.steps[s.id] = "skipped"

    def _verify(self) -> None:
        """Detect again in a confirm stage; counts one attempt when it fails."""
        state = self.state
        stage = state.stage
        detection = self._detect()
        verify_step = next(
            (s.id for s in self._steps_in(state, stage) if s.kind == "verify"), None
        )
        if detection is not None:
            state.last_verdict = detection.verdict
        parts = self._joined(detection) if detection is not None else None
        if detection is None:
            confirmed = False
        elif stage == "confirm-left":
            confirmed = _left(detection)
        else:
            confirmed = parts is not None and parts.complete
        if detection is not None and confirmed:
            for s in self._steps_in(state, stage):
                state.steps[s.id] = "done"
            state.last_code = None
            self._emit(
                stage, "succeeded", step=verify_step, started_at=state.stage_started_at
            )
            target = reconcile(state, detection, self._plan(detection))
            if target.kind == "stay":
                # Defensive: a confirmed stage always moves on.
                target = Target("move", stage=self._next(stage))
            self._apply(target, completed=True)
            return
        code = stages.failure_codes()[stage]
        if stage == "confirm-joined" and parts is not None and parts.code:
            # Which half is missing: Intune's enrollment, the Entra registration...
            code = parts.code
        if detection is None or phase_of(detection) == "unknown":
            code = "verify-inconclusive"
        else:
            target = reconcile(state, detection, self._plan(detection))
            if target.kind != "stay":
                # The device changed some other way (legacy came back...).
                self._emit(stage, "failed", step=verify_step, code=code)
                self._apply(target, completed=True)
                return
        state.attempts[stage] = state.attempts.get(stage, 0) + 1
        state.last_code = code
        for s in self._steps_in(state, stage):
            state.steps[s.id] = "failed"
        self._emit(stage, "failed", step=verify_step, code=code)
        if state.attempts[stage] >= self._max_attempts:
            self._enter("contact-it", code=code)
        else:
            self._commit()

    def _apply(self, target: Target, *, completed: bool = False) -> None:
        """Go where a detection sends the journey.

        Args:
            target: from :func:`reconcile`.
            completed: the current stage already reported its end (a confirm
                stage that just passed).
        """
        state = self.state
        if target.kind == "stay":
            if self._pending:
                self._commit()
            return
        returned = target.code if target.code in RETURN_CODES else None
        if target.kind == "fresh":
            assert target.plan is not None
            if returned is not None:
                # Reported before anything else: the dashboard counts devices
                # that went back (transitions.py: a code, never words).
                self._emit(state.stage, "failed", code=returned)
            elif not completed:
                self._emit(state.stage, "skipped", code="replanned")
            begun = state.begun and target.plan.path in ACTIVE_PATHS
            self._reset_to(target.plan, begun=begun)
            state.last_code = returned
            if target.plan.path == "contact-it":
                self._enter("contact-it", code=target.code)
            elif target.plan.path == "done" or begun:
                self._enter(state.stage)
            else:
                self._emit(state.stage, "created", code="replanned")
                self._commit()
            return
        assert target.stage is not None
        sequence = stages.sequences()[state.path]
        goal = sequence.index(target.stage)
        here = sequence.index(state.stage) if state.stage in sequence else -1
        if state.stage == "contact-it":
            self._emit("contact-it", "skipped", code="device-changed")
            state.blocked_code = None
            state.blocked_verdict = None
        if 0 <= goal <= here:
            # Backwards: the device went back (the legacy management re-appeared).
            for s in state.plan.steps:
                if s.stage in sequence[goal:]:
                    state.steps[s.id] = "pending"
            self._emit(state.stage, "failed", code=returned or "legacy-returned")
            state.last_code = returned
        else:
            # Forwards: what lies between happened without the helper.
            for stage in sequence[:goal]:
                for s in self._steps_in(state, stage):
                    if state.steps[s.id] == "pending":
                        state.steps[s.id] = "skipped"
            if here >= 0:
                first = here + 1 if completed else here
                for stage in sequence[first:goal]:
                    self._emit(stage, "skipped", code="already-done")
        # No write here: entering the target saves the whole move at once.
        self._enter(target.stage)

    # --- plumbing -----------------------------------------------------------------

    def _now(self) -> datetime.datetime:
        return self._clock().astimezone(datetime.UTC)

    def _joined(self, detection: Detection) -> JoinedParts:
        """The halves of "in Intune" this detection confirms (joined.py)."""
        return joined_parts(
            detection,
            tenant_id=self._config.tenant.tenant_id,
            windows_join=self._config.enrollment.windows_join,
        )

    def _detect(self) -> Detection | None:
        from helper.detect.engine import detect

        try:
            capture = self._device.capture()
            detection = detect(capture, self._catalogue)
            self._report_device(capture, detection)  # never raises
        except Exception:
            # A probe or parser failure must not end the user's journey: report
            # detect-failed, keep the stage, let the user check again.
            log.exception("detection failed")
            detection = None
        self._detection = detection
        self._remember_wifi(detection)
        return detection

    def _report_device(self, capture: Capture, detection: Detection) -> None:
        """Give the reporter (the reporting service's) what the events say
        about the device, before the events this detection causes: its ids,
        the halves of "in Intune", and the digest of its serial number (the
        serial itself stays in the capture, on the device)."""
        if not isinstance(self._reporter, DeviceFactsReporter):
            return
        from helper.parsers.serial import serial_from_capture
        from helper.report.event import serial_digest

        digest = serial_digest(serial_from_capture(capture))
        try:
            self._reporter.update_detection(detection, serial_digest=digest)
        except Exception:
            # Reporting must never stop a migration.
            log.exception("the device facts for the reports were not updated")

    def _remember_wifi(self, detection: Detection | None) -> None:
        """Keep the old management's Wi-Fi names in the state (journey.json, on
        the device) so that the join pre-check knows them once they are gone.
        Saved with the next transition."""
        if detection is None or self._state is None:
            return
        from helper.journey.preflight import legacy_wifi_names

        names = legacy_wifi_names(detection) - set(self._state.legacy_wifi)
        if names:
            self._state.legacy_wifi = sorted({*self._state.legacy_wifi, *names})

    def _plan(self, detection: Detection | None) -> Plan:
        if detection is None:
            detection = Detection(os=self._device.platform, verdict="unknown")
        return self._planner(detection)

    def _next(self, stage: Stage) -> Stage:
        sequence = stages.sequences()[self.state.path]
        return sequence[sequence.index(stage) + 1]

    @staticmethod
    def _steps_in(state: JourneyState, stage: str) -> list[Step]:
        return [s for s in state.plan.steps if s.stage == stage]

    @staticmethod
    def _user_steps(state: JourneyState, stage: str) -> list[Step]:
        return [s for s in state.plan.steps if s.stage == stage and not engine_owned(s)]

    def _step_views(self, state: JourneyState, stage: str) -> list[StepView]:
        return [StepView(s, state.steps[s.id]) for s in self._steps_in(state, stage)]

    def _visible_stages(self, state: JourneyState) -> list[Stage]:
        return [
            stage
            for stage in stages.sequences()[state.path]
            if stage in stages.confirms()
            or stage in ("done", "contact-it")
            or self._user_steps(state, stage)
        ]

    def _emit(
        self,
        stage: str,
        what: EventState,
        *,
        step: str | None = None,
        code: str | None = None,
        started_at: datetime.datetime | None = None,
    ) -> None:
        state = self.state
        now = self._now()
        state.seq += 1
        self._pending.append(
            Event(
                journey_id=state.journey_id,
                seq=state.seq,
                stage=stage,
                state=what,
                step=step,
                code=code,
                path=state.path,
                platform=state.platform,
                vendor=state.vendor,
                started_at=started_at if started_at is not None else now,
                ended_at=now,
            )
        )

    def _commit(self) -> None:
        """Save the state, then emit the events of this transition."""
        state = self.state
        state.updated_at = self._now()
        try:
            self._store.save(state)
        except OSError as exc:
            # Keep going in memory: better a journey that is not resumable than
            # a user stuck in front of an error.
            log.warning("journey state not saved: %s", exc)
            if "state-not-saved" not in self._warnings:
                self._warnings.append("state-not-saved")
        events, self._pending = self._pending, []
        for event in events:
            emit_safely(self._reporter, event)


def planner_for(
    config: Config,
    catalogue: Catalogue,
    playbooks: PlaybookSet | None = None,
    *,
    escrow_confirmed: Callable[[], bool | None] | None = None,
) -> Planner:
    """The real planner: :func:`helper.journey.planner.build_plan` on a detection.

    Args:
        config: IT's configuration (its ``catalogue.extra_dir`` may hold
            ``playbooks/``).
        catalogue: the vendor catalogue.
        playbooks: already loaded playbooks; None loads them now.
        escrow_confirmed: asked at each plan: did the collector confirm that
            Intune holds the recovery key? (the Graph check, issue 16);
            None (the default) asks nobody.

    Raises:
        PlaybookError: a playbook file is invalid.
    """
    from helper.journey.planner import build_plan

    if playbooks is None:
        from helper.migration import load_playbooks_for

        playbooks = load_playbooks_for(config)
    loaded = playbooks

    def plan(detection: Detection) -> Plan:
        return build_plan(
            detection,
            platform=detection.os,
            vendor=None,
            config=config,
            catalogue=catalogue,
            playbooks=loaded,
            escrow_confirmed=escrow_confirmed() if escrow_confirmed else None,
        )

    return plan
