# SPDX-License-Identifier: MIT
"""``intune-migration-helper plan``, run for real through the console entry point."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helper.config import Config
from helper.errors import HelperError
from helper.journey.cmd_plan import render_plan, run_plan
from helper.journey.plan import Plan, Step, Text
from tests.conftest import CAPTURES, REPO


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HELPER_HOME": str(home),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", "plan", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
        timeout=60,
    )


def one_clean_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_capture_json(tmp_path: Path) -> None:
    proc = run("--json", "--capture", str(CAPTURES / "win-ws1-enrolled"), home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "plan/1"
    assert (doc["platform"], doc["vendor"], doc["path"]) == (
        "windows",
        "workspace-one",
        "leave-then-join",
    )
    assert {"platform", "vendor", "path", "steps", "schema", "reasons"} <= set(doc)
    step_ids = [s["id"] for s in doc["steps"]]
    assert step_ids.index("ws1-check-left") < step_ids.index("intune-check-network")
    assert all(s["text"]["en"] and s["text"]["fr"] for s in doc["steps"])


def test_capture_human(tmp_path: Path) -> None:
    proc = run("--capture", str(CAPTURES / "mac-jamf-pro-removable"), home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Plan for this macos device: leave the old management")
    assert "\nPrepare\n" in out and "\nLeave the old management\n" in out
    assert "  1. " in out
    assert "Runs (as administrator): /usr/local/jamf/bin/jamf removeMdmProfile" in out
    assert "Opens: https://go.microsoft.com/fwlink/?linkid=853070" in out
    assert "<support code>" in out and "{support_code}" not in out
    assert proc.stderr == ""


def test_platform_vendor_json(tmp_path: Path) -> None:
    proc = run(
        "--json", "--platform", "ios", "--vendor", "workspace-one", home=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["platform"], doc["path"]) == ("ios", "leave-then-join")
    assert any(s.get("qr") for s in doc["steps"])
    assert "guide-only" in doc["reasons"]


def test_platform_vendor_none(tmp_path: Path) -> None:
    proc = run("--platform", "android", "--vendor", "none", home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "enroll in Intune" in proc.stdout.splitlines()[0]
    assert "Scan or open: https://play.google.com/" in proc.stdout


def test_scenario(tmp_path: Path) -> None:
    proc = run("--json", "--scenario", "ws1-windows", home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["path"] == "leave-then-join"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--platform", "macos"], "--platform needs --vendor"),
        (["--vendor", "kandji"], "--vendor needs --platform"),
        (["--platform", "windows", "--vendor", "nope"], "unknown vendor 'nope'"),
        (["--capture", "/nonexistent/capture"], "/nonexistent/capture"),
        (["--scenario", "no-such-scenario"], "no-such-scenario"),
        (
            ["--platform", "macos", "--vendor", "none", "--os-version", "Sonoma"],
            "--os-version 'Sonoma': expected dotted numbers",
        ),
    ],
)
def test_bad_usage_is_one_line_exit_2(
    args: list[str], message: str, tmp_path: Path
) -> None:
    proc = run(*args, home=tmp_path)
    assert proc.returncode == 2
    line = one_clean_line(proc)
    assert line.startswith("intune-migration-helper: ")
    assert message in line
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("version", "menu"),
    [
        ("14.5", "System Settings > Privacy & Security > Profiles"),
        ("15.1", "System Settings > General > Device Management"),
    ],
)
def test_os_version_previews_that_versions_menus(
    version: str, menu: str, tmp_path: Path
) -> None:
    # Helpdesk previews what a Mac of that version is told, on any machine.
    proc = run(
        "--platform",
        "macos",
        "--vendor",
        "jamf-pro",
        "--os-version",
        version,
        home=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    flat = " ".join(proc.stdout.split())
    assert menu in flat


def test_default_windows_plan_registers_and_enrolls(tmp_path: Path) -> None:
    proc = run("--json", "--platform", "windows", "--vendor", "none", home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    uris = [s.get("uri", "") for s in json.loads(proc.stdout)["steps"]]
    assert "ms-device-enrollment:?mode=awa" in uris
    assert not any("mode=mdm" in uri for uri in uris)


def test_bad_platform_choice_is_usage(tmp_path: Path) -> None:
    proc = run("--platform", "beos", "--vendor", "none", home=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


# --- in process ---------------------------------------------------------------------


def namespace(**kwargs: object) -> argparse.Namespace:
    base: dict[str, object] = {
        "json": False,
        "capture": None,
        "scenario": None,
        "platform": None,
        "vendor": None,
        "os_version": None,
    }
    base.update(kwargs)
    return argparse.Namespace(**base)


def test_scenario_module_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    # A build without the scenarios module: one clear line, usage exit.
    monkeypatch.setitem(sys.modules, "helper.journey.scenarios", None)
    with pytest.raises(HelperError) as info:
        run_plan(namespace(scenario="ws1-windows"), Config())
    assert info.value.code == "usage"
    assert "--scenario is not available" in info.value.message


def test_in_process_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_plan(
        namespace(json=True, capture=CAPTURES / "linux-unmanaged"), Config()
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["path"] == "join-only"


def test_render_plan_wraps_and_marks_kinds() -> None:
    plan = Plan(
        platform="windows",
        vendor=None,
        path="join-only",
        steps=[
            Step("a", "join", "verify", Text("Check " * 30, "x"), check="network"),
            Step("b", "join", "contact-it", Text("Call IT.", "x")),
            Step(
                "c",
                "join",
                "run",
                Text("Run.", "x"),
                command=["msiexec.exe", "/x", "{A}"],
                elevate=True,
            ),
        ],
    )
    out = render_plan(plan)
    assert all(len(line) <= 88 for line in out.splitlines())
    assert "Checks: network" in out and "(contact IT)" in out
    assert "Runs (as administrator): msiexec.exe /x {A}" in out
