# SPDX-License-Identifier: MIT
"""Reminders: the per-user login entry on each OS, and when a reminder is due."""

from __future__ import annotations

import configparser
import datetime
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helper import BUNDLE_ID
from helper.catalogue import load_catalogue
from helper.config.model import Config
from helper.journey.engine import Journey, planner_for
from helper.journey.scenarios import load_scenario
from helper.journey.state import MemoryStore
from helper.journey.transitions import RecordingReporter
from ui import reminders
from ui.reminders import (
    LaunchAgent,
    ReminderScheduler,
    WindowsRun,
    XdgAutostart,
    reminder_due,
)

UTC = datetime.UTC
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COMMAND = ["/opt/Intune Migration Helper/helper", "gui", "--reminder"]


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary $HOME and $XDG_CONFIG_HOME."""
    home = tmp_path / "home"
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


# --- Linux ----------------------------------------------------------------------------


def unquote_exec(value: str) -> list[str]:
    """Parse an Exec value back (Desktop Entry Specification, "The Exec key")."""
    # The string-escape rule of the file format first, then the quoting rule.
    value = value.replace("\\\\", "\\")
    args: list[str] = []
    current: list[str] = []
    quoted = escaped = started = False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
            started = True
        elif char == " " and not quoted:
            if started or current:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
            started = True
    if started or current:
        args.append("".join(current))
    return [a.replace("%%", "%") for a in args]


def read_desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_xdg_register_and_unregister(xdg: Path) -> None:
    entry = XdgAutostart()
    assert entry.path == xdg / "autostart" / f"{BUNDLE_ID}.desktop"
    assert not entry.is_registered()
    entry.register(COMMAND)
    assert entry.is_registered()
    desktop = read_desktop(entry.path)
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Intune Migration Helper"
    assert desktop["Terminal"] == "false"
    assert unquote_exec(desktop["Exec"]) == COMMAND
    assert entry.unregister() is True
    assert not entry.path.exists()
    assert entry.unregister() is False


def test_xdg_config_home_relative_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")  # the spec says: ignore
    assert XdgAutostart().path == tmp_path / ".config" / "autostart" / (
        f"{BUNDLE_ID}.desktop"
    )
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert reminders.xdg_config_home() == tmp_path / ".config"


@pytest.mark.parametrize(
    "arg",
    [
        "/usr/bin/python3",
        "/home/Zoë O'Brien/my helper/python",
        'quote"inside',
        "dollar$HOME and `tick`",
        "back\\slash",
        "100%",
    ],
)
def test_exec_quoting_round_trips(arg: str) -> None:
    command = [arg, "-m", "ui.entry", "gui", "--reminder"]
    assert unquote_exec(reminders.desktop_exec(command)) == command


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-utils not installed",
)
def test_desktop_entry_validates(xdg: Path) -> None:
    entry = XdgAutostart()
    entry.register(["/home/a b/python", "-m", "ui.entry", "gui", "--reminder"])
    result = subprocess.run(
        ["desktop-file-validate", str(entry.path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- macOS ----------------------------------------------------------------------------


def test_launch_agent(tmp_path: Path) -> None:
    agent = LaunchAgent(home=tmp_path)
    assert agent.path == tmp_path / "Library" / "LaunchAgents" / f"{BUNDLE_ID}.plist"
    agent.register(COMMAND)
    assert agent.is_registered()
    with agent.path.open("rb") as handle:
        plist = plistlib.load(handle)
    assert plist["Label"] == BUNDLE_ID
    assert plist["ProgramArguments"] == COMMAND
    assert plist["RunAtLoad"] is True
    assert agent.unregister() is True
    assert not agent.is_registered()
    assert agent.unregister() is False


def test_launch_agent_follows_home(xdg: Path) -> None:
    home = xdg.parent / "home"
    assert LaunchAgent().path.is_relative_to(home)


# --- Windows (through a fake Run key) -------------------------------------------------


class FakeRunKey:
    """HKCU\\...\\Run as a dict: the registry itself needs Windows."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {"OneDrive": "C:\\onedrive.exe /background"}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, data: str) -> None:
        self.values[name] = data

    def delete(self, name: str) -> bool:
        return self.values.pop(name, None) is not None


def test_windows_run_value() -> None:
    key = FakeRunKey()
    run = WindowsRun(key)
    command = [
        "C:\\Program Files\\Intune Migration Helper\\helper.exe",
        "gui",
        "--reminder",
    ]
    run.register(command)
    assert key.values[BUNDLE_ID] == (
        '"C:\\Program Files\\Intune Migration Helper\\helper.exe" gui --reminder'
    )
    assert run.is_registered()
    assert run.unregister() is True
    assert not run.is_registered()
    assert key.values == {"OneDrive": "C:\\onedrive.exe /background"}  # untouched


def test_autostart_per_os() -> None:
    assert isinstance(reminders.autostart_for("win32"), WindowsRun)
    assert isinstance(reminders.autostart_for("darwin"), LaunchAgent)
    assert isinstance(reminders.autostart_for("linux"), XdgAutostart)


# --- the module API -------------------------------------------------------------------


def test_launch_command(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reminders.launch_command() == [
        sys.executable,
        "-m",
        "ui.entry",
        "gui",
        "--reminder",
    ]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert reminders.launch_command() == [sys.executable, "gui", "--reminder"]


def test_register_on_this_os_and_unregister(xdg: Path) -> None:
    autostart = XdgAutostart()  # the Linux one, wherever the test runs
    assert reminders.register(autostart=autostart)
    assert reminders.is_registered(autostart=autostart)
    exec_line = unquote_exec(read_desktop(autostart.path)["Exec"])
    assert exec_line == reminders.launch_command()
    assert reminders.unregister(autostart=autostart)
    assert not reminders.is_registered(autostart=autostart)


def test_register_failure_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    autostart = XdgAutostart(config_home=blocker)
    assert reminders.register(autostart=autostart) is False
    assert "cannot register the login reminder" in caplog.text


def test_defer_then_done_with_a_real_journey(xdg: Path) -> None:
    """A deferral on a simulated device registers the entry; done removes it."""
    config = Config()
    catalogue = load_catalogue(use_cache=False)
    journey = Journey(
        load_scenario("ws1-windows").device(),
        catalogue=catalogue,
        config=config,
        planner=planner_for(config, catalogue),
        store=MemoryStore(),
        reporter=RecordingReporter(),
    )
    view = journey.start()
    view = journey.act("defer")
    assert view.next_reminder is not None
    autostart = XdgAutostart()
    reminders.sync_with_journey(view.stage, view.next_reminder, autostart=autostart)
    assert autostart.is_registered()
    reminders.sync_with_journey("done", None, autostart=autostart)
    assert not autostart.is_registered()


# --- when it is due -------------------------------------------------------------------


def test_reminder_due() -> None:
    hour = datetime.timedelta(hours=1)
    assert reminder_due(None, NOW) is False
    assert reminder_due(NOW - hour, NOW) is True
    assert reminder_due(NOW, NOW) is True
    assert reminder_due(NOW + hour, NOW) is False
    naive = (NOW - hour).replace(tzinfo=None)  # taken as UTC
    assert reminder_due(naive, NOW) is True
    paris = datetime.timezone(datetime.timedelta(hours=1))
    assert reminder_due(NOW.astimezone(paris), NOW) is True


def test_scheduler_fires_when_due(qapp: QApplication, qtbot: QtBot) -> None:
    scheduler = ReminderScheduler()
    when = datetime.datetime.now(UTC) + datetime.timedelta(milliseconds=80)
    with qtbot.waitSignal(scheduler.due, timeout=3000):
        scheduler.schedule(when)
    assert scheduler.when is None
    assert not scheduler.is_active()


def test_scheduler_past_reminder_fires_from_the_event_loop(
    qapp: QApplication, qtbot: QtBot
) -> None:
    scheduler = ReminderScheduler(clock=lambda: NOW)
    fired: list[bool] = []
    scheduler.due.connect(lambda: fired.append(True))
    scheduler.schedule(NOW - datetime.timedelta(days=1))
    assert fired == []  # never inside schedule()
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)


def test_scheduler_rechecks_the_clock(qapp: QApplication, qtbot: QtBot) -> None:
    """Short timer slices: a clock that jumps (sleep, resume) is noticed."""
    now = [NOW]
    scheduler = ReminderScheduler(clock=lambda: now[0], max_interval_ms=10)
    scheduler.schedule(NOW + datetime.timedelta(hours=8))
    with qtbot.assertNotEmitted(scheduler.due, wait=60):
        pass
    assert scheduler.is_active()
    now[0] = NOW + datetime.timedelta(hours=9)  # the laptop slept all day
    with qtbot.waitSignal(scheduler.due, timeout=2000):
        pass


def test_scheduler_cancel(qapp: QApplication, qtbot: QtBot) -> None:
    scheduler = ReminderScheduler(clock=lambda: NOW)
    scheduler.schedule(NOW + datetime.timedelta(milliseconds=20))
    scheduler.cancel()
    assert not scheduler.is_active()
    with qtbot.assertNotEmitted(scheduler.due, wait=80):
        pass
