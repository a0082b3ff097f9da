# SPDX-License-Identifier: MIT
"""The lock: in step with pyproject.toml, installed as it says, and each host
gets only its own set (docs/dependencies.md)."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.utils import canonicalize_name

from tests.packaging.conftest import REPO

REQUIREMENTS = REPO / "requirements"
SETS = ("desktop", "collector", "bundle", "dev")
GUI_ONLY = {"pyside6-essentials", "shiboken6", "msal", "keyring", "segno"}
SERVER_ONLY = {"starlette", "uvicorn", "psycopg", "psycopg-binary"}
# "name==version ; marker \" at the start of a line of an export.
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+))?")


def load_lock_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "installers"))
    try:
        import lock
    finally:
        sys.path.remove(str(REPO / "installers"))
    return lock


def pins(name: str) -> dict[str, tuple[str, str | None]]:
    """``name → (version, marker)`` of an export."""
    found = {}
    for line in (REQUIREMENTS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            marker = match.group(3).strip() if match.group(3) else None
            found[str(canonicalize_name(match.group(1)))] = (match.group(2), marker)
    return found


def applies_here(marker: str | None) -> bool:
    return marker is None or Marker(marker).evaluate({"extra": ""})


def test_lock_is_in_step_with_pyproject() -> None:
    """uv.lock matches pyproject.toml and every export matches uv.lock (offline)."""
    lock = load_lock_module()
    lock.check()


def test_every_pin_is_hash_checked() -> None:
    for name in SETS:
        text = (REQUIREMENTS / f"{name}.txt").read_text(encoding="utf-8")
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 3)[3])
        for block in blocks:
            assert "--hash=sha256:" in block, f"{name}.txt: {block.splitlines()[0]}"


def test_each_host_gets_only_its_own_set() -> None:
    desktop, collector = pins("desktop"), pins("collector")
    assert GUI_ONLY <= desktop.keys()
    assert not GUI_ONLY & collector.keys(), "the collector set would download Qt"
    assert SERVER_ONLY & collector.keys() == SERVER_ONLY
    assert not SERVER_ONLY & desktop.keys(), "the desktop set would carry a server"


def test_sets_agree_on_shared_versions() -> None:
    """One resolution: a package in two sets has one version."""
    dev = pins("dev")
    for name in ("desktop", "collector", "bundle"):
        for package, (version, _) in pins(name).items():
            assert dev[package][0] == version, f"{package}: {name} and dev differ"


def test_this_venv_is_the_dev_lock() -> None:
    """`make test` installed exactly the dev set: every pin that applies here."""
    wrong = []
    for package, (version, marker) in pins("dev").items():
        if not applies_here(marker):
            continue
        try:
            installed = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            wrong.append(f"{package}: missing")
            continue
        if installed != version:
            wrong.append(f"{package}: {installed} installed, {version} locked")
    assert not wrong, "; ".join(wrong)
    # ...and nothing else: `make` uninstalls what an older lock left behind.
    assert load_lock_module().strays() == []


def _venv_size_mb(venv: Path) -> float:
    total = sum(p.lstat().st_size for p in venv.rglob("*") if not p.is_symlink())
    return total / 1e6


@pytest.mark.slow
def test_collector_set_installs_without_qt(tmp_path: Path) -> None:
    """A server install: the collector set and our wheel in a fresh venv, no Qt."""
    python = Path(sys.executable)
    wheels = tmp_path / "wheels"
    # Our wheel, built by the locked hatchling (what a server would install).
    subprocess.run(
        [
            *(python, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--wheel-dir", str(wheels), str(REPO)),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("intune_migration_helper-*.whl"))
    venv = tmp_path / "collector-venv"
    subprocess.run([python, "-m", "venv", venv], check=True)
    vpython = venv / "bin" / "python"
    pip = [vpython, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    collector_lock = str(REQUIREMENTS / "collector.txt")
    start = time.perf_counter()
    subprocess.run(
        [*pip, "install", "--require-hashes", "--no-deps", "-r", collector_lock],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*pip, "install", "--no-deps", wheel], check=True, capture_output=True
    )
    elapsed = time.perf_counter() - start
    subprocess.run([*pip, "check"], check=True, capture_output=True)
    probe = (
        "import importlib.util\n"
        "import collector.app, collector.cli, collector.storage.sqlite\n"
        "missing = [m for m in ('PySide6', 'shiboken6', 'msal', 'keyring')"
        " if importlib.util.find_spec(m) is not None]\n"
        "assert not missing, missing\n"
        "print('ok')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [vpython, "-c", probe],
        cwd=tmp_path,  # not the checkout: import the installed copy
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.stdout.strip() == "ok", result.stderr
    collector_help = subprocess.run(
        [venv / "bin" / "intune-migration-collector", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert collector_help.returncode == 0, collector_help.stderr
    # The helper's command line works there too; the window says what it needs.
    window = subprocess.run(
        [venv / "bin" / "intune-migration-helper"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=dict(env, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    assert window.returncode == 4
    assert "intune-migration-helper[desktop]" in window.stderr
    assert "Traceback" not in window.stderr
    print(f"collector set: {_venv_size_mb(venv):.0f} MB installed in {elapsed:.1f} s")


@pytest.mark.slow
def test_system_deps_prints_the_apt_line_when_it_cannot_install() -> None:
    """`make run` as a user: missing packages → the apt line; with a display,
    a stop (Qt would abort), without one a note."""
    runuser = shutil.which("runuser")
    if os.geteuid() != 0 or runuser is None:
        pytest.skip("needs root to run the script as another user")
    # pytest's tmp_path is root's alone: the list must be readable by nobody.
    folder = Path(tempfile.mkdtemp(prefix="system-deps-"))
    folder.chmod(0o755)
    wanted = folder / "list.txt"
    wanted.write_text("# a package no machine has\nno-such-package-imh\n")
    wanted.chmod(0o644)
    script = REPO / ".ci" / "system-deps.sh"
    base = [runuser, "-u", "nobody", "--", "env", "-i", "PATH=/usr/bin:/bin"]
    with_display = subprocess.run(
        [*base, "DISPLAY=:9", "bash", str(script), "--window", str(wanted)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert with_display.returncode == 1
    assert (
        "sudo apt-get install --no-install-recommends no-such-package-imh"
        in with_display.stderr
    )
    headless = subprocess.run(
        [*base, "bash", str(script), "--window", str(wanted)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert headless.returncode == 0
    assert "no-such-package-imh" in headless.stderr
    shutil.rmtree(folder)


def test_system_deps_names_a_list_it_cannot_read(tmp_path: Path) -> None:
    script = REPO / ".ci" / "system-deps.sh"
    result = subprocess.run(
        ["bash", str(script), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "missing.txt" in result.stderr
