# SPDX-License-Identifier: MIT
"""``--self-test`` from the source tree, and its failures (one line each).

The frozen bundle's run is in test_frozen.py; here the same code runs from the
checkout, so a broken self-test shows up without building anything.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helper import APP_ID
from helper.selftest import SelfTestError, one_line, run_checks
from tests.packaging.conftest import REPO

RUN = (
    "import sys; from ui.selftest import run_self_test; "
    "sys.exit(run_self_test(sys.argv[1:]))"
)


def run_source(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The self-test in a fresh interpreter, in a near-empty environment."""
    return subprocess.run(
        [sys.executable, "-c", RUN, *args],
        cwd=REPO,
        env={"HOME": str(tmp_path), "HELPER_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    result = run_source(tmp_path)  # no QT_QPA_PLATFORM: offscreen by itself
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{APP_ID} ")
    assert "self-test ok" in result.stdout
    assert "platform offscreen" in result.stdout
    assert "Traceback" not in result.stderr


def test_invalid_configuration_fails_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[migration]\nmax_deferrals = 1000\n", encoding="utf-8")
    result = run_source(tmp_path, "--config", str(config))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(APP_ID)]
    assert len(lines) == 1
    assert lines[0].startswith(f"{APP_ID}: self-test failed: configuration: ")
    assert "migration.max_deferrals" in lines[0]
    assert "Traceback" not in result.stderr


def point_resources_at(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("helper.selftest.resources_root", lambda: copy)
    monkeypatch.setattr("helper.selftest.resource_path", copy.joinpath)


def test_missing_compiled_translation_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(REPO / "resources", copy)
    (copy / "translations" / "helper_fr.qm").unlink(missing_ok=True)
    point_resources_at(copy, monkeypatch)
    with pytest.raises(SelfTestError) as error:
        run_checks()
    message = str(error.value)
    assert message.startswith("resources: ")
    assert "helper_fr.qm" in message


def test_missing_playbook_translations_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(REPO / "resources", copy)
    shutil.rmtree(copy / "translations" / "playbooks" / "nl")
    point_resources_at(copy, monkeypatch)
    with pytest.raises(SelfTestError) as error:
        run_checks()
    assert "playbooks/nl: playbook translations missing" in str(error.value)


def test_missing_resource_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(REPO / "resources", copy)
    shutil.rmtree(copy / "icons")
    point_resources_at(copy, monkeypatch)
    with pytest.raises(SelfTestError, match=r"^resources: missing in .*: icons$"):
        run_checks()


def test_one_line() -> None:
    assert one_line("first\nsecond") == "first"
    assert one_line("tab\there") == "tab\\there"
    assert len(one_line("x" * 1000)) == 300


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libX11-xcb1"),
        ("libEGL.so.1", "libEGL1"),
    ],
)
def test_debian_package_of_a_library(soname: str, package: str) -> None:
    from ui.selftest import debian_package

    assert debian_package(soname) == package


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({}, "offscreen"),
        ({"DISPLAY": ":0"}, "xcb"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
        ({"QT_QPA_PLATFORM": "xcb;wayland"}, "xcb"),
    ],
)
def test_self_test_picks_the_platform_the_window_would_use(
    env: dict[str, str], platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.selftest import platform_to_test

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if sys.platform in ("win32", "darwin") and not env.get("QT_QPA_PLATFORM"):
        pytest.skip("the native platform there")
    assert platform_to_test() == platform


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="dlopen, xcb")
def test_broken_xcb_library_is_one_line_with_its_package(tmp_path: Path) -> None:
    """A desktop whose libxcb-icccm4 is broken (an empty file found first): the
    self-test names the library and the package instead of Qt's abort."""
    shadow = tmp_path / "lib"
    shadow.mkdir()
    (shadow / "libxcb-icccm.so.4").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-c", RUN],
        cwd=REPO,
        env={
            "HOME": str(tmp_path),
            "HELPER_HOME": str(tmp_path / "home"),
            "DISPLAY": ":99",  # never reached: the plugin check comes first
            "LD_LIBRARY_PATH": str(shadow),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Qt's xcb platform plugin needs libxcb-icccm.so.4" in result.stderr
    assert "apt-get install libxcb-icccm4" in result.stderr
    assert "Aborted" not in result.stderr
