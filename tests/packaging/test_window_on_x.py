# SPDX-License-Identifier: MIT
"""The window on a real X server (Xvfb) with Qt's xcb platform plugin, and the
one list of Debian packages it needs from the system.

Every other GUI test runs on the offscreen platform, which needs fewer system
libraries than a desktop: a missing xcb library aborted `make run` on a fresh
Debian desktop while the suite stayed green. These tests start Xvfb, unset
QT_QPA_PLATFORM, and run what a user runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from installers.buildsteps import deb
from tests.packaging.conftest import REPO

RUNTIME_LIST = REPO / "installers" / "linux" / "qt-runtime-packages.txt"
# Required packages every Debian system has, which the list need not name.
ESSENTIAL = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}

pytestmark = pytest.mark.skipif(
    not shutil.which("dpkg-query"), reason="Debian's package database is needed"
)


def runtime_packages() -> list[str]:
    return deb.runtime_packages()


def installed_depends() -> dict[str, set[str]]:
    """Every installed package → the packages it depends on (any alternative)."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\n"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    graph: dict[str, set[str]] = {}
    for line in out.splitlines():
        name, _, depends = line.partition("\t")
        wanted = set()
        for clause in depends.split(","):
            for alternative in clause.split("|"):
                dep = alternative.strip().split(" ", 1)[0].split(":", 1)[0]
                if dep:
                    wanted.add(dep)
        graph.setdefault(name, set()).update(wanted)
    return graph


def closure(roots: set[str], graph: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph.get(name, ()))
    return seen


def xcb_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def test_list_covers_what_the_xcb_plugin_loads() -> None:
    """ldd on Qt's xcb plugin: nothing missing, and every system library it
    loads comes with a package of the list (or one they depend on)."""
    plugin = xcb_plugin()
    env = dict(os.environ, LD_LIBRARY_PATH=str(plugin.parents[2] / "lib"))
    ldd = subprocess.run(
        ["ldd", str(plugin)], capture_output=True, text=True, env=env, check=True
    ).stdout
    missing = [line.split()[0] for line in ldd.splitlines() if "not found" in line]
    assert not missing, (
        f"not installed: {missing}; `make test` installs {RUNTIME_LIST.name}"
    )
    system = {
        lib
        for lib in deb.system_libraries_of(plugin, env["LD_LIBRARY_PATH"])
        if "/PySide6/" not in lib
    }
    owners = deb.debian_packages(system)
    covered = closure(set(runtime_packages()) | ESSENTIAL, installed_depends())
    assert owners, "ldd found no system library: the test would prove nothing"
    assert owners <= covered, f"add to {RUNTIME_LIST.name}: {sorted(owners - covered)}"


def test_deb_depends_is_the_list(tmp_path: Path) -> None:
    """The .deb's Depends: line names every package of the list."""
    empty_bundle = tmp_path / "bundle"
    empty_bundle.mkdir()
    depends = {d.split(" ", 1)[0] for d in deb.deb_depends(empty_bundle).split(", ")}
    assert set(runtime_packages()) <= depends


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A real X server on a free display number (Xvfb -displayfd)."""
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (make test installs it as root)")
    with tempfile.TemporaryFile("w+") as display_file:
        server = subprocess.Popen(
            [
                *("Xvfb", "-displayfd", str(display_file.fileno())),
                *("-screen", "0", "1280x800x24", "-nolisten", "tcp"),
            ],
            pass_fds=(display_file.fileno(),),
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                display_file.seek(0)
                number = display_file.read().strip()
                if number:
                    break
                if server.poll() is not None:
                    pytest.fail("Xvfb exited at start")
                subprocess.run(["sleep", "0.05"], check=True)
            else:
                pytest.fail("Xvfb gave no display number")
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def desktop_env(display: str, home: Path) -> dict[str, str]:
    """A desktop session's environment: DISPLAY, no QT_QPA_PLATFORM."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, HOME=str(home), HELPER_HOME=str(home / "helper"))
    return env


@pytest.mark.slow
def test_make_run_opens_the_window_on_x(x_display: str, tmp_path: Path) -> None:
    """`make run` on an X display: the window is painted with the xcb plugin
    (HELPER_FIRST_PAINT_EXIT quits it after its first paint)."""
    env = desktop_env(x_display, tmp_path)
    env["HELPER_FIRST_PAINT_EXIT"] = "1"
    env["MAKEFLAGS"] = ""
    result = subprocess.run(
        ["make", "--no-print-directory", "run"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "first-paint" in result.stdout.splitlines(), result.stdout[-2000:]
    assert "could not load the Qt platform plugin" not in result.stderr


def test_self_test_uses_xcb_when_a_display_is_there(
    x_display: str, tmp_path: Path
) -> None:
    helper = REPO / ".venv" / "bin" / "intune-migration-helper"
    if not helper.exists():
        pytest.skip("no .venv (make test creates it)")
    result = subprocess.run(
        [str(helper), "--self-test"],
        capture_output=True,
        text=True,
        env=desktop_env(x_display, tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "platform xcb" in result.stdout
