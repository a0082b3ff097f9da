# SPDX-License-Identifier: MIT
"""ui/app.py: the GUI's arguments, the single-instance pre-check, the lean
msgspec import, an invalid configuration, closing while a task runs, and the
done page's report delivery state."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helper import BUNDLE_ID
from helper.config.model import Config
from tests.conftest import REPO
from tests.ui.conftest import WindowFactory, click, settle
from ui import app as app_module
from ui import startup
from ui.main_window import MainWindow


def test_arguments() -> None:
    args = startup.parse_args(
        ["--config", "x.toml", "gui", "--demo", "ws1-windows", "--lang", "fr"]
    )
    assert args.command == "gui"
    assert args.config == Path("x.toml")
    assert args.demo == "ws1-windows" and args.lang == "fr"
    args = startup.parse_args(["--screenshots", "out", "--reminder", "-v"])
    assert args.screenshots == Path("out") and args.reminder
    assert startup.parse_args([]).demo is None


def test_a_launch_without_arguments_skips_the_parser_with_the_same_result() -> None:
    parsed, unknown = startup._parser().parse_known_args([])
    assert unknown == []
    assert startup.parse_args([]) == parsed
    # A copy each time: nobody changes the defaults for the next launch.
    assert startup.parse_args([]) is not startup.DEFAULT_ARGS


@pytest.mark.skipif(os.name == "nt", reason="POSIX socket files")
def test_instance_precheck_looks_for_the_socket_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert app_module.instance_may_be_running() is False
    (tmp_path / f"{BUNDLE_ID}.{os.getuid()}").touch()
    assert app_module.instance_may_be_running() is True


def test_instance_precheck_matches_single_instance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """The name the pre-check looks for is the one ui.single_instance listens on."""
    single = pytest.importorskip("ui.single_instance")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    instance = single.SingleInstance()
    try:
        assert instance.listen()
        assert app_module.instance_may_be_running() is True
    finally:
        instance.close()


def test_msgspec_lean_import_leaves_typing_extensions_importable() -> None:
    code = (
        "import sys\n"
        "from helper.msgspec_lean import import_msgspec_lean\n"
        "import_msgspec_lean()\n"
        "assert 'msgspec' in sys.modules\n"
        "assert 'typing_extensions' not in sys.modules\n"
        "import typing_extensions\n"
        "assert typing_extensions.__name__ == 'typing_extensions'\n"
        "from helper.config import load_config\n"
        "load_config(None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_invalid_configuration_exits_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[organization]\nnmae = 'typo'\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.app",
            "--config",
            str(bad),
            "gui",
            "--demo",
            "ws1-windows",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 3
    assert "nmae" in result.stderr and "Traceback" not in result.stderr


def test_closing_while_a_task_runs_does_not_wait_long(qtbot: QtBot) -> None:
    gate = threading.Event()

    def slow_migration():  # type: ignore[no-untyped-def]
        gate.wait(30)
        raise RuntimeError("never built")

    window = MainWindow(Config(), migration_factory=slow_migration)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.busy)
    start = time.monotonic()
    window.close()
    elapsed = time.monotonic() - start
    assert 1.5 < elapsed < 5
    gate.set()


class FakeReporting:
    def __init__(self, queued: int, state: str) -> None:
        self.queued, self.state = queued, state

    def status(self) -> FakeReporting:
        return self


def test_done_page_shows_updates_waiting(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("intune-macos")
    window.reporting = FakeReporting(3, "retrying")
    click(qtbot, window.current_page().primary)
    click(qtbot, window.current_page().primary)
    assert window.current_page_name() == "done"
    settle(qtbot)
    text = window.pages["done"].delivery.text()  # type: ignore[attr-defined]
    assert "3 status update" in text and "waiting to be sent." in text
    assert "will try again" in text


class FakeSignInReporting(FakeReporting):
    """A collector that wants a signed-in user until sign_in() is pressed."""

    def __init__(self) -> None:
        super().__init__(2, "sign-in-needed")
        self.sign_ins = 0

    def sign_in(self) -> None:
        self.sign_ins += 1
        self.queued, self.state = 0, "idle"


def test_done_page_offers_sign_in_when_the_collector_asks(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("intune-macos")
    reporting = FakeSignInReporting()
    window.reporting = reporting
    click(qtbot, window.current_page().primary)
    click(qtbot, window.current_page().primary)
    assert window.current_page_name() == "done"
    settle(qtbot)
    page = window.pages["done"]
    button = page.sign_in_button  # type: ignore[attr-defined]
    assert "sign in with your work account" in page.delivery.text()  # type: ignore[attr-defined]
    assert button.isVisible() and button in page.focusables()
    click(qtbot, button)
    assert reporting.sign_ins == 1
    assert not button.isVisible()
    # The controller's `changed` signal (a flush or sign-in ended) re-reads it.
    window._on_reporting_changed()
    settle(qtbot)
    assert "Every status update has been sent" in page.delivery.text()  # type: ignore[attr-defined]
    assert not button.isVisible()


@pytest.mark.no_qt_log
def test_qt_messages_go_to_the_qt_logger(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from ui.app import install_qt_message_handler

    install_qt_message_handler()
    try:
        with caplog.at_level(logging.DEBUG, logger="qt"):
            qWarning("QFont::setPointSizeF: Point size <= 0 (-1.000000)")
            qWarning("This plugin does not support propagateSizeHints()")
    finally:
        qInstallMessageHandler(None)
    messages = [r.getMessage() for r in caplog.records if r.name == "qt"]
    assert messages == ["QFont::setPointSizeF: Point size <= 0 (-1.000000)"]
    assert caplog.records[0].levelno == logging.WARNING


def test_unknown_demo_scenario_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "gui", "--demo", "no-such-device"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={
            **os.environ,
            "HELPER_HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert proc.returncode == 2
    lines = [x for x in proc.stderr.splitlines() if "propagateSizeHints" not in x]
    assert (
        len(lines) == 1 and "no-such-device" in lines[0] and "ws1-windows" in lines[0]
    )
    assert "Traceback" not in proc.stderr


def test_gui_help_prints_without_a_display() -> None:
    # (The window itself says "no display" in one line: tests/helper/test_cli.py.)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    helped = subprocess.run(
        [sys.executable, "-m", "ui.entry", "gui", "--help"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("usage: intune-migration-helper gui")
    assert "--screenshots DIR" in helped.stdout
