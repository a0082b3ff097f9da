# SPDX-License-Identifier: MIT
"""Start-up budget: the reporting modules the journey and ``report --status``
use import no httpx, msal or Qt, and ``detect`` imports no reporting at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CAPTURES, REPO

HEAVY = ("httpx", "httpcore", "msal", "truststore", "PySide6", "shiboken6", "keyring")
LIGHT = (
    "helper.report",
    "helper.report.event",
    "helper.report.outbox",
    "helper.report.token",
    "helper.report.journey_reporter",
    "helper.report.cmd_report",
)


def _modules_after(code: str, env: dict[str, str]) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    loaded: list[str] = json.loads(proc.stderr.splitlines()[-1])
    return loaded


def test_light_modules_import_no_network_stack(tmp_path: Path) -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {LIGHT!r}:\n"
        "    importlib.import_module(name)\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = _modules_after(code, {"HELPER_HOME": str(tmp_path), "PATH": "/usr/bin"})
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []


def test_report_status_imports_no_network_stack(tmp_path: Path) -> None:
    code = (
        "import argparse, json, sys\n"
        "from helper.config.model import Config\n"
        "from helper.report.cmd_report import run_report\n"
        "args = argparse.Namespace(flush=False, status=True, json=True)\n"
        "rc = run_report(args, Config())\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
        "sys.exit(rc)\n"
    )
    loaded = _modules_after(code, {"HELPER_HOME": str(tmp_path), "PATH": "/usr/bin"})
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []


def test_detect_imports_no_reporting(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from ui.entry import main\n"
        "rc = main(['detect', '--json', '--capture', "
        f"{str(CAPTURES / 'linux-ws1hub-enrolled')!r}])\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
        "sys.exit(rc)\n"
    )
    loaded = _modules_after(code, {"HELPER_HOME": str(tmp_path), "PATH": "/usr/bin"})
    assert [m for m in loaded if m.startswith("helper.report")] == []
