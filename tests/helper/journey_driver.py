# SPDX-License-Identifier: MIT
"""Helpers for the journey tests, and the child process of the crash test.

- :func:`hand_plan`: a planner built by hand, following the planner's documented
  rules (intune-enrolled → done; both-enrolled → remove-legacy; legacy
  removable → leave-then-join; not removable → contact-it; unmanaged →
  join-only), so the engine is tested on plans it does not depend on;
- :func:`walk`: do every step, as a user who does what they are asked;
- ``python -m tests.helper.journey_driver HOME SCENARIO SEED [hand|real]``: drive
  a journey on a scenario (with the hand-built or the real planner) until it
  ends, slowly (every fsync sleeps a little, so that a
  SIGKILL from the parent lands between and during transitions). The device
  keeps its position in ``HOME/device.json``, the events go to
  ``HOME/events.jsonl``.
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from helper.catalogue import Catalogue, load_catalogue
from helper.config.model import Config
from helper.detect.model import Detection
from helper.journey.engine import Journey, JourneyView, Planner
from helper.journey.joined import joined_parts
from helper.journey.plan import Plan, Step, Text
from helper.journey.stages import Stage
from helper.journey.state import JourneyStore, StateStore
from helper.journey.transitions import Event, RecordingReporter, Reporter

if TYPE_CHECKING:
    from _typeshed import HasFileno

_CATALOGUE: Catalogue | None = None


def catalogue() -> Catalogue:
    """The built-in catalogue, loaded once per process."""
    global _CATALOGUE  # noqa: PLW0603 - a per-process cache for tests
    if _CATALOGUE is None:
        _CATALOGUE = load_catalogue(use_cache=False)
    return _CATALOGUE


def _t(en: str) -> Text:
    return Text(en=en, fr=f"[fr] {en}")


def _step(
    sid: str, stage: Stage, kind: str = "info", *, check: str | None = None
) -> Step:
    hints = [_t(f"hint for {sid}")] if stage in ("leave", "join") else []
    return msgspec.convert(
        {
            "id": sid,
            "stage": stage,
            "kind": kind,
            "text": {"en": sid, "fr": sid},
            "check": check,
            "hints": [msgspec.to_builtins(h) for h in hints],
        },
        type=Step,
    )


def hand_plan(detection: Detection) -> Plan:
    """A plan for a detection, by the planner's rules, with made-up steps."""
    platform = detection.os
    verdict = detection.verdict
    vendor = detection.legacy[0].vendor if detection.legacy else None
    v = vendor or "none"
    contact = [_step("contact-helpdesk", "contact-it", "contact-it")]
    prepare = [_step("prepare-save-work", "prepare")]
    leave = [
        _step(f"{v}-open-agent", "leave", "open"),
        _step(f"{v}-unenroll", "leave", "info"),
    ]
    confirm_left = [_step("verify-left", "confirm-left", "verify", check="left")]
    join = [_step("open-company-portal", "join", "open")]
    confirm_joined = [
        _step("verify-joined", "confirm-joined", "verify", check="joined")
    ]
    done = [_step("all-set", "done")]
    if verdict == "intune-enrolled":
        if joined_parts(detection).complete:
            return Plan(platform, None, "done", done)  # type: ignore[arg-type]
        # Intune manages it but the Entra half is missing: join again.
        steps = [*prepare, *join, *confirm_joined, *done, *contact]
        return Plan(
            platform, None, "join-only", steps, reasons=["registration-missing"]
        )  # type: ignore[arg-type]
    if verdict == "both-enrolled":
        steps = [*leave, *confirm_left, *done, *contact]
        return Plan(platform, vendor, "remove-legacy", steps)  # type: ignore[arg-type]
    if verdict == "legacy-enrolled":
        if any(legacy.removable is False for legacy in detection.legacy):
            return Plan(platform, vendor, "contact-it", contact)  # type: ignore[arg-type]
        steps = [
            *prepare,
            *leave,
            *confirm_left,
            *join,
            *confirm_joined,
            *done,
            *contact,
        ]
        return Plan(platform, vendor, "leave-then-join", steps)  # type: ignore[arg-type]
    if verdict == "unmanaged":
        steps = [*prepare, *join, *confirm_joined, *done, *contact]
        return Plan(platform, None, "join-only", steps)  # type: ignore[arg-type]
    return Plan(platform, None, "contact-it", contact)  # type: ignore[arg-type]


_REAL: Planner | None = None


def planner_named(which: str) -> Planner:
    """``hand``: :func:`hand_plan`; ``real``: the planner and playbooks."""
    global _REAL  # noqa: PLW0603 - playbooks load once per process
    if which == "hand":
        return hand_plan
    if _REAL is None:
        from helper.journey.engine import planner_for

        _REAL = planner_for(Config(), catalogue())
    return _REAL


def make_journey(
    device: object,
    *,
    planner: Planner = hand_plan,
    store: JourneyStore | None = None,
    reporter: Reporter | None = None,
    config: Config | None = None,
    clock: object = None,
    max_attempts: int = 3,
) -> tuple[Journey, RecordingReporter]:
    """A journey with test defaults; returns it and its recording reporter."""
    recording = RecordingReporter()
    kwargs: dict[str, object] = {}
    if clock is not None:
        kwargs["clock"] = clock
    journey = Journey(
        device,  # type: ignore[arg-type]
        catalogue=catalogue(),
        config=config or Config(),
        planner=planner,
        store=store if store is not None else StateStore(),
        reporter=reporter if reporter is not None else recording,
        tz=datetime.UTC,
        max_attempts=max_attempts,
        **kwargs,  # type: ignore[arg-type]
    )
    return journey, recording


def walk(journey: Journey, view: JourneyView, *, limit: int = 60) -> JourneyView:
    """Act as a diligent user: begin, do every step, check again when asked.

    Stops at done or contact-it (after doing its steps), or after ``limit`` acts.
    """
    for _ in range(limit):
        if view.stage == "done":
            return view
        if view.stage == "contact-it":
            if "step-done" in view.actions and view.redo_steps:
                view = journey.act("step-done", view.redo_steps[0])
                continue
            return view
        if "begin" in view.actions:
            view = journey.act("begin")
        elif view.retry:
            view = journey.act("check-again")
        else:
            view = journey.act("step-done", view.redo_steps[0])
    raise AssertionError(f"walk did not end: {view.stage}")


# --- the crash-test child -------------------------------------------------------


class FileReporter:
    """Appends each event as one JSON line (what the parent checks seq on)."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def emit(self, event: Event) -> None:
        with self._path.open("ab") as handle:
            handle.write(msgspec.json.encode(event) + b"\n")


def _slow_fsync(delay: float) -> None:
    real = os.fsync

    def fsync(fd: int | HasFileno) -> None:
        # Widen the window between write and fsync, and fsync and rename, so the
        # parent's SIGKILL lands inside atomic writes as well as between them.
        time.sleep(random.uniform(0, delay))
        real(fd)
        time.sleep(random.uniform(0, delay))

    os.fsync = fsync


def main(argv: list[str]) -> int:
    """Drive one journey on a scenario to its end (or until killed)."""
    from helper.journey.scenarios import load_scenario

    home, name, seed = Path(argv[0]), argv[1], int(argv[2])
    which = argv[3] if len(argv) > 3 else "hand"
    random.seed(seed)
    _slow_fsync(float(os.environ.get("JOURNEY_DRIVER_DELAY", "0.004")))
    scenario = load_scenario(name)
    device = scenario.device(state_file=home / "device.json")
    journey, _ = make_journey(
        device,
        planner=planner_named(which),
        reporter=FileReporter(home / "events.jsonl"),
    )
    view = journey.start()
    for _ in range(200):
        if view.stage in ("done", "contact-it"):
            return 0
        roll = random.random()
        if roll < 0.1 and "check-again" in view.actions:
            view = journey.act("check-again")
        elif roll < 0.15 and "defer" in view.actions:
            view = journey.act("defer")
        elif "begin" in view.actions:
            view = journey.act("begin")
        elif view.retry:
            view = journey.act("check-again")
        else:
            view = journey.act("step-done", view.redo_steps[0])
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
