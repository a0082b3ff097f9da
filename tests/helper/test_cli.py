# SPDX-License-Identifier: MIT
"""The command line, run for real through the console entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CAPTURES, REPO

SAMPLES = {
    "linux": CAPTURES / "linux-ws1hub-and-intune",
    "windows": CAPTURES / "win-ws1-enrolled",
    "macos": CAPTURES / "mac-jamf-pro-removable",
}


def run(
    *args: str, home: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HELPER_HOME": str(home),
        "LANG": "C.UTF-8",
        **(extra_env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
        timeout=60,
    )


def assert_one_clean_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.parametrize("os_name", sorted(SAMPLES))
def test_detect_json_on_captures(os_name: str, tmp_path: Path) -> None:
    proc = run("detect", "--json", "--capture", str(SAMPLES[os_name]), home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "detection/1"
    assert doc["os"] == os_name
    assert doc["verdict"] in ("legacy-enrolled", "both-enrolled")
    assert doc["legacy"][0]["evidence"]


def test_detect_summary_is_readable(tmp_path: Path) -> None:
    proc = run("detect", "--capture", str(SAMPLES["linux"]), home=tmp_path)
    assert proc.returncode == 0
    out = proc.stdout
    assert out.startswith(
        "This device is managed by a legacy system and by Intune at once."
    )
    assert (
        "Legacy management: Workspace ONE (AirWatch) (server ds1380.awmdm.com)" in out
    )
    assert "linux/ws1hubutil-status-enroll.json: EnrollmentStatus=Enrolled" in out
    assert "Microsoft Intune: enrolled" in out
    assert "Looked at:" in out


def test_detect_summary_names_it_in_capitals(tmp_path: Path) -> None:
    # An ADE enrollment only IT can remove: "IT", never "it" (str.capitalize()
    # lower-cased the rest of the sentence).
    proc = run("detect", "--capture", str(CAPTURES / "mac-kandji-ade"), home=tmp_path)
    assert proc.returncode == 0
    assert "  Only IT can remove it.\n" in proc.stdout
    assert "Only it can" not in proc.stdout


def test_detect_live_runs_and_exits_zero(tmp_path: Path) -> None:
    proc = run("detect", "--json", home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["capture_origin"] == "live"
    assert doc["verdict"] != "unknown"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("missing", "no such file or folder"),
        ("not-a-zip.zip", "not a readable .zip"),
        ("empty-dir", "not a capture"),
    ],
)
def test_bad_capture_path_exits_2_with_one_line(
    tmp_path: Path, target: str, expected: str
) -> None:
    (tmp_path / "not-a-zip.zip").write_text("hello")
    (tmp_path / "empty-dir").mkdir()
    proc = run("detect", "--capture", str(tmp_path / target), home=tmp_path / "h")
    assert proc.returncode == 2
    line = assert_one_clean_line(proc)
    assert expected in line and target in line


def test_invalid_config_exits_3_naming_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[tenant]\ntenant_id = "not-a-guid"\n')
    proc = run("--config", str(bad), "detect", home=tmp_path / "h")
    assert proc.returncode == 3
    line = assert_one_clean_line(proc)
    assert str(bad) in line and "tenant.tenant_id" in line


def test_capture_then_replay_gives_the_live_answer(tmp_path: Path) -> None:
    for out in (tmp_path / "cap", tmp_path / "cap.zip"):
        proc = run("capture", str(out), home=tmp_path / "h")
        assert proc.returncode == 0, proc.stderr
        assert str(out) in proc.stdout
        replay = run("detect", "--json", "--capture", str(out), home=tmp_path / "h")
        live = run("detect", "--json", home=tmp_path / "h")
        a, b = json.loads(replay.stdout), json.loads(live.stdout)
        for key in ("verdict", "legacy", "intune", "entra"):
            assert a[key] == b[key]


def test_no_display_says_so_in_one_line(tmp_path: Path) -> None:
    proc = run(home=tmp_path, extra_env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert proc.returncode == 4
    line = assert_one_clean_line(proc)
    assert "no display" in line and "intune-migration-helper detect" in line


def test_version(tmp_path: Path) -> None:
    from helper import __version__

    proc = run("--version", home=tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip().endswith(__version__)


def test_unexpected_error_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    proc = run("detect", home=blocker)
    assert proc.returncode == 1
    line = assert_one_clean_line(proc)
    assert "unexpected error" in line
