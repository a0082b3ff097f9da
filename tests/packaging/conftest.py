# SPDX-License-Identifier: MIT
"""Fixtures of the packaging tests: the bundle and the .deb, built by the script.

The frozen bundle and the .deb are built once per run, in a subprocess
(``installers/build.py``; never in the test process, which must not create a
QGuiApplication before pytest-qt's QApplication), unless ``dist/`` already
holds a bundle built from exactly these sources: ``make package`` leaves one,
and its ``dist/intune-migration-helper.sources-sha256`` says what it was built
from. The build lock (``build/.build.lock``, shared with installers/build.py)
is held exclusively while building and shared while the tests run the
binaries, so no build replaces them under a running test.

``HELPER_SKIP_FROZEN=1`` skips the tests that need the bundle (about 45 s of a
cold run: PyInstaller ~20 s, .deb ~5 s, MSI check ~6 s, self-tests ~1 s each).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from installers.buildsteps.bundle import bundle_is_current
from installers.buildsteps.common import Paths

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "installers" / "build.py"
DIST = REPO / "dist"
WORK = REPO / "build"
BUILD_TIMEOUT_S = 600


LOCK_FILE = WORK / ".build.lock"  # installers/build.py takes the same lock


def _flock(handle: IO[str], operation: str) -> None:
    """flock(2) by name (``LOCK_EX``...); nothing on Windows (no fcntl)."""
    try:
        import fcntl
    except ImportError:  # Windows: test runs there do not share a checkout
        return
    fcntl.flock(handle, getattr(fcntl, operation))


def run_build(*args: str) -> None:
    """``python installers/build.py ARGS`` under our lock; fail with its output."""
    env = dict(os.environ, HELPER_BUILD_LOCK_HELD="1")
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"build.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )


def _skip_unless_buildable() -> None:
    if os.environ.get("HELPER_SKIP_FROZEN") == "1":
        pytest.skip("HELPER_SKIP_FROZEN=1")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed")


def _deb_wanted() -> bool:
    return sys.platform.startswith("linux") and shutil.which("dpkg-deb") is not None


@pytest.fixture(scope="session")
def paths() -> Paths:
    return Paths(dist=DIST, work=WORK)


@pytest.fixture(scope="session")
def artifacts(paths: Paths) -> Iterator[Paths]:
    """The bundle (and on Linux the .deb) of these sources, for the whole run.

    Built under the exclusive build lock when missing or stale, then the lock is
    held shared until the run ends: another run, ``make package`` or the bench
    cannot replace them while tests run them.
    """
    _skip_unless_buildable()
    WORK.mkdir(parents=True, exist_ok=True)
    with LOCK_FILE.open("w") as handle:
        _flock(handle, "LOCK_EX")
        try:
            if not bundle_is_current(paths):
                run_build("bundle")
            package = paths.deb
            if _deb_wanted() and (
                not package.is_file()
                or package.stat().st_mtime < paths.stamp.stat().st_mtime
            ):
                run_build("deb")
            _flock(handle, "LOCK_SH")
            yield paths
        finally:
            _flock(handle, "LOCK_UN")


@pytest.fixture(scope="session")
def bundle(artifacts: Paths) -> Path:
    """The onedir bundle of these sources."""
    return artifacts.bundle


@pytest.fixture(scope="session")
def deb(artifacts: Paths) -> Path:
    """The .deb of the current bundle."""
    if not _deb_wanted():
        pytest.skip("the .deb is built on Debian-like Linux (dpkg-deb)")
    return artifacts.deb
