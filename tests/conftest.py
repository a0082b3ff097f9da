# SPDX-License-Identifier: MIT
"""Run-wide test setup. Must run before anything imports PySide6."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a display, Qt's xcb plugin aborts the whole run: default to offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Module-level code (catalogues loaded at import) runs before any fixture: point
# every helper folder at a throwaway one from the start, never the real ones.
os.environ["HELPER_HOME"] = tempfile.mkdtemp(prefix="helper-tests-")
# Every helper folder the run used: their logs are checked for tokens at the end.
HOMES: list[Path] = [Path(os.environ["HELPER_HOME"])]
# Token shapes: JWTs (access and id tokens) and Entra's opaque refresh tokens and
# codes, as the fake authority issues them.
TOKEN_SHAPES = re.compile(
    r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+|\b[01]\.A[A-Za-z0-9_-]{40,}"
)

REPO = Path(__file__).resolve().parent.parent
CAPTURES = Path(__file__).resolve().parent / "captures"


@pytest.fixture(autouse=True)
def helper_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every helper folder (config, data, cache, log) at a fresh temp dir."""
    home = tmp_path / "helper-home"
    monkeypatch.setenv("HELPER_HOME", str(home))
    HOMES.append(home)
    yield home


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After the whole suite: no log file holds an access, refresh or id token."""
    leaks: list[str] = []
    for home in HOMES:
        for log in sorted((home / "log").glob("*.log*")):
            text = log.read_text(encoding="utf-8", errors="replace")
            leaks.extend(f"{log}: {m[:12]}…" for m in TOKEN_SHAPES.findall(text))
    if leaks:
        sys.stderr.write("token-shaped strings in log files:\n" + "\n".join(leaks))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
