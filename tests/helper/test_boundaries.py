# SPDX-License-Identifier: MIT
"""Architecture rules, checked in fresh interpreters.

- helper/ never imports PySide6 (directly or through a dependency).
- The ``detect`` command imports neither Qt, msal nor httpx (start-up time).
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import helper
from tests.conftest import CAPTURES, REPO

HEAVY = ("PySide6", "shiboken6", "msal", "httpx", "keyring", "requests")


def _all_helper_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(helper.__path__, prefix="helper.")
        # Platform-only probes import winreg lazily; they still must import here.
    )


def test_helper_never_imports_qt() -> None:
    modules = _all_helper_modules()
    assert "helper.detect.engine" in modules and len(modules) > 15
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    loaded = json.loads(out)
    offenders = [m for m in loaded if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert offenders == []


def test_detect_path_stays_light(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Run the real console entry for `detect`, live and on a capture, and list
    what it imported."""
    for extra in ([], ["--capture", str(CAPTURES / "linux-ws1hub-enrolled")]):
        code = (
            "import sys, json\n"
            "from ui.entry import main\n"
            f"rc = main(['detect', '--json', *{extra!r}])\n"
            "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
            "sys.exit(rc)\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            cwd=REPO,
            env={"HELPER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        assert proc.returncode == 0, proc.stderr
        loaded = json.loads(proc.stderr)
        assert [m for m in loaded if m.split(".")[0] in HEAVY] == []
        assert json.loads(proc.stdout)["schema"] == "detection/1"
