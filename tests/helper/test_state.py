# SPDX-License-Identifier: MIT
"""The saved journey state: atomic writes, schema version, corrupt files, the
support code, and the ``status`` command that prints it."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from helper.config.model import Config
from helper.journey.cmd_status import render_text, run_status, status_document
from helper.journey.scenarios import load_scenario
from helper.journey.state import (
    SCHEMA_VERSION,
    JourneyState,
    MemoryStore,
    StateStore,
    atomic_write_bytes,
    decode_state,
    encode_state,
    normalize_support_code,
    support_code,
)
from tests.conftest import REPO
from tests.helper.journey_driver import make_journey

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_SHAPE = re.compile(rf"[{CROCKFORD}]{{4}}-[{CROCKFORD}]{{4}}\Z")


def journey_file(home: Path) -> Path:
    return home / "data" / "journey.json"


def a_saved_journey(stage_steps: int = 2) -> JourneyState:
    """A real state: a journey on ws1-windows, begun, ``stage_steps`` steps done."""
    journey, _ = make_journey(load_scenario("ws1-windows").device())
    view = journey.start()
    view = journey.act("begin")
    for _ in range(stage_steps):
        view = journey.act("step-done", view.redo_steps[0])
    return journey.state


# --- atomic writes --------------------------------------------------------------


def test_atomic_write_order_and_no_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "journey.json"
    target.write_bytes(b"old")
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync-dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        # At rename time the new bytes are complete in the temp file.
        assert Path(src).parent == target.parent
        assert Path(src).read_bytes() == b"new"
        assert target.read_bytes() == b"old"
        calls.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    if sys.platform.startswith("linux"):
        assert calls == ["fsync", "replace", "fsync-dir"]
    else:
        assert calls[:2] == ["fsync", "replace"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journey.json"]


def test_a_failed_write_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "journey.json"
    target.write_bytes(b"old")

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journey.json"]


def test_leftover_temp_files_are_cleaned_at_start(helper_home: Path) -> None:
    a_saved_journey()
    data = helper_home / "data"
    leftover = data / ".journey.json.abc123.tmp"
    leftover.write_bytes(b'{"schema_version": 1, "journ')
    journey, _ = make_journey(load_scenario("ws1-windows").device())
    view = journey.start()
    assert view.warnings == [] and view.resumed_from == "leave"
    assert not leftover.exists()


# --- format ---------------------------------------------------------------------


def test_state_round_trips_with_its_schema_version(helper_home: Path) -> None:
    state = a_saved_journey()
    raw = journey_file(helper_home).read_bytes()
    doc = json.loads(raw)
    assert doc["schema_version"] == SCHEMA_VERSION == 1
    assert uuid.UUID(doc["journey_id"]).version == 4
    for key in (
        "stage",
        "path",
        "platform",
        "vendor",
        "steps",
        "attempts",
        "deferrals_used",
        "next_reminder",
        "last_verdict",
        "created_at",
        "updated_at",
        "seq",
        "plan",
    ):
        assert key in doc, key
    assert doc["updated_at"].endswith("Z")
    assert decode_state(raw) == state
    assert decode_state(encode_state(state)) == state


def test_unknown_fields_of_the_same_version_are_ignored(helper_home: Path) -> None:
    a_saved_journey()
    doc = json.loads(journey_file(helper_home).read_bytes())
    doc["added_by_a_newer_helper"] = {"x": 1}
    state = decode_state(json.dumps(doc).encode())
    assert state.stage == "leave"


def _mutate(change: Callable[[dict[str, object]], object]) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        doc = json.loads(raw)
        change(doc)
        return json.dumps(doc).encode()

    return apply


CORRUPTIONS: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "empty": (lambda raw: b"", "not-a-state"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "not-a-state"),
    "truncated-by-one": (lambda raw: raw.rstrip()[:-1], "not-a-state"),
    "binary": (lambda raw: bytes(range(256)) * 4, "not-a-state"),
    "nul-bytes": (lambda raw: b"\x00" * len(raw), "not-a-state"),
    "utf16": (lambda raw: raw.decode().encode("utf-16"), "not-a-state"),
    "bad-json": (lambda raw: raw.replace(b"{", b"[", 1), "not-a-state"),
    "a-list": (lambda raw: b"[1, 2, 3]", "not-a-state"),
    "no-version": (_mutate(lambda d: d.pop("schema_version")), "not-a-state"),
    "unknown-version": (
        _mutate(lambda d: d.update(schema_version=2)),
        "schema-version",
    ),
    "version-as-text": (
        _mutate(lambda d: d.update(schema_version="1")),
        "not-a-state",
    ),
    "missing-field": (_mutate(lambda d: d.pop("plan")), "schema"),
    "wrong-type": (_mutate(lambda d: d.update(seq="many")), "schema"),
    "unknown-stage": (_mutate(lambda d: d.update(stage="teleport")), "schema"),
    "bad-journey-id": (_mutate(lambda d: d.update(journey_id="x")), "journey-id"),
    "stage-not-on-path": (_mutate(lambda d: d.update(path="join-only")), "path"),
    "steps-do-not-match": (
        _mutate(lambda d: d.update(steps={"made-up": "done"})),
        "steps",
    ),
    "negative-counter": (
        _mutate(lambda d: d.update(deferrals_used=-1)),
        "counters",
    ),
    "progress-contradiction": (
        _mutate(lambda d: d.update(stage="prepare")),
        "progress",
    ),
    # These two stopped the journey at every launch, the file never moved
    # aside: one byte that is not UTF-8, and nesting deeper than the decoder's
    # recursion limit (RecursionError).
    "invalid-utf8": (lambda raw: raw.replace(b'"leave"', b'"lea\xffve"', 1), "schema"),
    "invalid-utf8-in-a-key": (
        lambda raw: raw.replace(b'"stage"', b'"st\xc3\x28ge"', 1),
        "schema",
    ),
    "deep-nesting": (
        lambda raw: raw.replace(
            b'"schema_version": 1,',
            b'"schema_version": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b",",
        ),
        "not-a-state",
    ),
    "deep-nesting-unclosed": (lambda raw: b"[" * 1_000_000, "not-a-state"),
    "huge": (lambda raw: raw + b" " * (2 * 1024 * 1024), "too-large"),
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_corrupt_state_is_moved_aside_and_the_journey_restarts(
    kind: str, helper_home: Path
) -> None:
    old = a_saved_journey()
    path = journey_file(helper_home)
    corrupt, reason = CORRUPTIONS[kind]
    bad = corrupt(path.read_bytes())
    path.write_bytes(bad)

    loaded = StateStore(quarantine=False).load()
    assert (loaded.state, loaded.warning, loaded.reason) == (
        None,
        "state-corrupt",
        reason,
    )
    assert path.read_bytes() == bad  # a reader leaves it alone

    journey, recording = make_journey(load_scenario("ws1-windows").device())
    view = journey.start()
    assert view.warnings == ["state-corrupt"]
    assert view.journey_id != old.journey_id and view.resumed_from is None
    assert recording.trail()[0] == ("prepare", "created", "state-corrupt")
    moved = sorted((helper_home / "data").glob("journey.json.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == bad
    # The new journey was saved in its place.
    assert decode_state(path.read_bytes()).journey_id == view.journey_id


def test_unreadable_state_is_a_warning_not_a_crash(helper_home: Path) -> None:
    # A folder where the file should be: reading and writing both fail.
    journey_file(helper_home).mkdir(parents=True)
    assert StateStore().load().warning == "state-unreadable"
    journey, _ = make_journey(load_scenario("ws1-windows").device())
    view = journey.start()
    assert view.warnings == ["state-unreadable", "state-not-saved"]
    assert journey.act("begin").stage == "prepare"


def test_memory_store_round_trips_and_rejects_garbage() -> None:
    store = MemoryStore()
    assert store.load().state is None
    journey, _ = make_journey(load_scenario("jamf-macos").device(), store=store)
    journey.start()
    state = store.load().state
    assert state is not None and state.vendor == "jamf-pro"
    assert MemoryStore(b"\xff\xfe").load().warning == "state-corrupt"


# --- support code ---------------------------------------------------------------


def test_support_code_is_short_readable_and_stable() -> None:
    jid = "0f9a4c2e-1b3d-4e5f-8a7b-6c5d4e3f2a1b"
    assert support_code(jid) == support_code(jid) == "1YD4-RBGV"
    codes = {support_code(str(uuid.uuid4())) for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert CODE_SHAPE.match(code), code
        assert not set(code) & set("ILOU")


def test_support_code_as_typed_by_helpdesk() -> None:
    assert normalize_support_code("1yd4 rbgv") == "1YD4-RBGV"
    assert normalize_support_code("lYD4-RBGV") == "1YD4-RBGV"  # l read as 1
    assert normalize_support_code("OOOO-0000") == "0000-0000"  # O read as 0
    assert normalize_support_code("1YD4-RBG") is None
    assert normalize_support_code("1YD4-RBGU") is None  # U is never used


# --- status ---------------------------------------------------------------------


def _status(capsys: pytest.CaptureFixture[str], *, as_json: bool) -> str:
    rc = run_status(argparse.Namespace(json=as_json), Config())
    out = capsys.readouterr()
    assert rc == 0 and out.err == ""
    return out.out


def test_status_without_a_journey(capsys: pytest.CaptureFixture[str]) -> None:
    assert _status(capsys, as_json=False) == (
        "No journey yet: the helper has not been run on this device.\n"
    )
    assert json.loads(_status(capsys, as_json=True))["status"] == "none"


def test_status_prints_the_saved_journey(capsys: pytest.CaptureFixture[str]) -> None:
    state = a_saved_journey()
    text = _status(capsys, as_json=False)
    assert f"Support code:   {support_code(state.journey_id)}\n" in text
    assert "Stage:          leave\n" in text
    assert "Path:           leave-then-join\n" in text
    assert "Legacy vendor:  workspace-one\n" in text
    assert "Deadline:       none configured\n" in text
    doc = json.loads(_status(capsys, as_json=True))
    assert doc["schema"] == "journey-status/1" and doc["status"] == "ok"
    assert doc["stage"] == "leave" and doc["seq"] == state.seq
    assert doc["last_verdict"] == "legacy-enrolled"
    assert doc["steps"] == {"done": 2, "pending": 6}


def test_status_on_a_corrupt_file_is_one_line(
    capsys: pytest.CaptureFixture[str], helper_home: Path
) -> None:
    a_saved_journey()
    journey_file(helper_home).write_bytes(b"\x00\x01garbage")
    text = _status(capsys, as_json=False)
    assert text.count("\n") == 1 and "unusable (not-a-state)" in text
    doc = json.loads(_status(capsys, as_json=True))
    assert (doc["status"], doc["reason"]) == ("corrupt", "not-a-state")
    assert journey_file(helper_home).exists()  # left for the window to move


def test_status_text_for_unreadable() -> None:
    doc = {"status": "unreadable", "file": "f", "reason": "PermissionError"}
    assert render_text(doc).count("\n") == 1


def test_status_through_the_console_entry(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "journey.json").write_bytes(b"{truncated")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HELPER_HOME": str(home),
        "LANG": "C.UTF-8",
        # Python on Windows cannot start without it.
        **{k: v for k, v in os.environ.items() if k == "SYSTEMROOT"},
    }
    for args in (["status"], ["status", "--json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "ui.entry", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            check=False,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
        assert proc.stderr == ""
    assert json.loads(proc.stdout)["status"] == "corrupt"


def test_status_document_shape(helper_home: Path) -> None:
    assert status_document(Config())["deadline"] is None
    a_saved_journey()
    doc = status_document(Config())
    assert msgspec.json.decode(msgspec.json.encode(doc)) == doc
