# SPDX-License-Identifier: MIT
"""Crash and resume: a child process drives journeys on scenarios and is killed
(SIGKILL) at random instants, between and during transitions, at least 100
times. After each kill:

- the state file is readable (or absent, before the child's first write);
- at most one temporary file is left (the write that was cut), never a half
  ``journey.json``;
- the events the child got out are in seq order, none beyond the saved seq
  (saved first, emitted second);
- a fresh :class:`Journey` resumes from the saved stage, goes on from seq + 1,
  and lands on a stage at or after it, with consistent step statuses.

The child (tests/helper/journey_driver.py) sleeps a little around every fsync
so that kills land inside atomic writes too.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helper.journey.scenarios import load_scenario
from helper.journey.state import (
    SEQUENCES,
    JourneyState,
    StateStore,
    progress_consistent,
)
from tests.conftest import REPO
from tests.helper.journey_driver import make_journey, planner_named

MIN_KILLS = 100
BUDGET_S = 45.0
SCENARIOS = ("ws1-windows", "legacy-stays-windows", "both-windows", "ws1hub-linux")
PLANNERS = ("hand", "real")

pytestmark = pytest.mark.slow


class Round:
    """One journey's home, driven by successive children until it ends."""

    def __init__(self, root: Path, index: int) -> None:
        self.home = root / f"round-{index}"
        self.scenario = SCENARIOS[index % len(SCENARIOS)]
        self.planner = PLANNERS[(index // len(SCENARIOS)) % len(PLANNERS)]
        self.data = self.home / "data"
        self.state_file = self.data / "journey.json"
        self.device_file = self.home / "device.json"
        self.events_file = self.home / "events.jsonl"
        self.home.mkdir(parents=True)
        self.written = False
        self.last_seq = 0

    def spawn(self, seed: int) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helper.journey_driver",
                str(self.home),
                self.scenario,
                str(seed),
                self.planner,
            ],
            cwd=REPO,
            env={
                "HELPER_HOME": str(self.home),
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                # Python on Windows cannot start without it.
                **{k: v for k, v in os.environ.items() if k == "SYSTEMROOT"},
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )


def check_after_kill(rnd: Round) -> JourneyState | None:
    """What must hold on disk after a kill; returns the saved state."""
    leftovers = list(rnd.data.glob(".journey.json.*.tmp")) if rnd.data.exists() else []
    assert len(leftovers) <= 1, leftovers
    if not rnd.state_file.exists():
        assert not rnd.written, "the state file vanished"
        return None
    rnd.written = True
    loaded = StateStore(rnd.state_file, quarantine=False).load()
    assert loaded.warning is None, (loaded.reason, rnd.state_file.read_bytes()[:200])
    state = loaded.state
    assert state is not None and progress_consistent(state)
    assert state.seq >= rnd.last_seq, "seq went back"
    rnd.last_seq = state.seq
    seqs = []
    if rnd.events_file.exists():
        for line in rnd.events_file.read_bytes().splitlines(keepends=True):
            if line.endswith(b"\n"):  # the last line may be cut by the kill
                event = json.loads(line)
                assert event["journey_id"] == state.journey_id
                seqs.append(event["seq"])
    assert seqs == sorted(set(seqs)), "events out of order or repeated"
    assert not seqs or seqs[-1] <= state.seq, "an event was emitted before saving"
    return state


def resume_and_check(rnd: Round, saved: JourneyState) -> None:
    """A fresh journey in this process resumes where the file says."""
    device = load_scenario(rnd.scenario).device(state_file=rnd.device_file)
    journey, recording = make_journey(
        device, planner=planner_named(rnd.planner), store=StateStore(rnd.state_file)
    )
    view = journey.start()
    assert view.warnings == []
    assert view.resumed_from == saved.stage
    assert view.journey_id == saved.journey_id
    if saved.stage == "done" and view.stage == "done":
        # Starting on a finished journey changes nothing and says nothing.
        assert recording.events == []
        return
    first = recording.events[0]
    assert (first.state, first.stage, first.seq) == (
        "resumed",
        saved.stage,
        saved.seq + 1,
    )
    assert [e.seq for e in recording.events] == list(
        range(saved.seq + 1, saved.seq + 1 + len(recording.events))
    )
    state = journey.state
    assert progress_consistent(state)
    sequence = SEQUENCES[state.path]
    if state.path == saved.path and saved.stage in sequence and state.stage in sequence:
        assert sequence.index(state.stage) >= sequence.index(saved.stage)
    assert not list(rnd.data.glob(".journey.json.*.tmp"))
    rnd.last_seq = state.seq


def test_killed_at_random_the_journey_always_resumes(tmp_path: Path) -> None:
    rng = random.Random(20261120)
    started = time.monotonic()
    kills = finished = mid_write = resumed = index = 0
    stages: dict[str, int] = {}
    rnd = Round(tmp_path, index)
    while kills < MIN_KILLS or (
        time.monotonic() - started < BUDGET_S / 3 and kills < 3 * MIN_KILLS
    ):
        assert time.monotonic() - started < BUDGET_S, f"only {kills} kills in time"
        child = rnd.spawn(rng.randrange(1 << 30))
        try:
            # A resumed child may finish before its kill: don't wait for nothing.
            child.wait(timeout=rng.uniform(0.0, 0.3))
        except subprocess.TimeoutExpired:
            child.kill()
        _, err = child.communicate(timeout=30)
        if child.returncode == 0:
            # The journey ended before the kill: check it, start a new round.
            saved = check_after_kill(rnd)
            assert saved is not None and saved.stage in ("done", "contact-it")
            finished += 1
            shutil.rmtree(rnd.home)
            index += 1
            rnd = Round(tmp_path, index)
            continue
        assert child.returncode != 1, err.decode(errors="replace")
        assert b"Traceback" not in err, err.decode(errors="replace")
        kills += 1
        if list(rnd.data.glob(".journey.json.*.tmp")) if rnd.data.exists() else []:
            mid_write += 1
        saved = check_after_kill(rnd)
        where = saved.stage if saved is not None else "(no file yet)"
        stages[where] = stages.get(where, 0) + 1
        # Resume in-process on 3 kills in 4 (each resume is itself a transition
        # the next child builds on); the 4th child resumes from the kill itself.
        if saved is not None and kills % 4:
            resume_and_check(rnd, saved)
            resumed += 1
    stages_text = ", ".join(f"{k} {v}" for k, v in sorted(stages.items()))
    print(
        f"{kills} kills ({mid_write} inside a write), {resumed} resumes, "
        f"{finished} journeys ended; kills by saved stage: {stages_text}"
    )
    assert kills >= MIN_KILLS
    assert finished >= 1, "no journey ever ended: the kills come too early"
    assert mid_write >= 1, "no kill landed inside a write"
    assert resumed >= MIN_KILLS // 3
