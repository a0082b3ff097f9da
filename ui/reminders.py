# SPDX-License-Identifier: MIT
"""Reminders: start the helper at the next login after "remind me later".

When the user defers, the window calls :func:`register`: a per-user autostart
entry makes the OS start the helper (``gui --reminder``) at the next login.
When the journey is done, :func:`unregister` removes it. Nothing needs
administrator rights, and each OS's usual place is used:

=========  ====================================================================
Linux      ``$XDG_CONFIG_HOME/autostart/<BUNDLE_ID>.desktop`` (default
           ``~/.config``), a desktop entry (XDG Autostart specification)
macOS      ``~/Library/LaunchAgents/<BUNDLE_ID>.plist``, a launch agent with
           ``RunAtLoad`` (loaded by launchd at the next login)
Windows    the ``<BUNDLE_ID>`` value of
           ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``
=========  ====================================================================

The autostart part is plain Python (no Qt); Windows goes through the small
:class:`RunKey` interface so that tests use a fake. :func:`reminder_due` says
whether a reminder is due; :class:`ReminderScheduler` (Qt) fires when it is,
so a window left open (or started early) comes forward at the right time.
"""

from __future__ import annotations

import datetime
import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from helper import APP_NAME, BUNDLE_ID
from helper.private import write_private

log = logging.getLogger(__name__)

REMINDER_ARG: Final = "--reminder"
RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
# A timer never sleeps longer than this before checking the clock again: the
# machine may sleep, and QTimer intervals are int milliseconds (24.8 days).
MAX_TIMER_MS: Final = 15 * 60 * 1000


def launch_command(extra: Sequence[str] = ("gui", REMINDER_ARG)) -> list[str]:
    """The command that starts the helper: the frozen executable, or this
    Python running ``ui.entry``; then ``extra``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *extra]
    return [sys.executable, "-m", "ui.entry", *extra]


class Autostart(Protocol):
    """A per-user "start at login" entry."""

    def register(self, command: Sequence[str]) -> None:
        """Create or replace the entry. Raises OSError when it cannot be written."""
        ...

    def unregister(self) -> bool:
        """Remove the entry; True when there was one."""
        ...

    def is_registered(self) -> bool:
        """Whether the entry exists."""
        ...


# --- Linux: XDG autostart -------------------------------------------------------------


def _desktop_quote(arg: str) -> str:
    """Quote one argument of a desktop entry's ``Exec`` key.

    Desktop Entry Specification, "The Exec key": arguments with reserved
    characters are double-quoted, with ``"``, `````, ``$`` and ``\\`` escaped by
    a backslash; ``%`` is written ``%%``. The string escape rule of the file
    format then doubles every backslash (hence four for a literal one).
    """
    arg = arg.replace("%", "%%")
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not (set(arg) & reserved):
        quoted = arg
    else:
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        quoted = f'"{escaped}"'
    return quoted.replace("\\", "\\\\")


def desktop_exec(command: Sequence[str]) -> str:
    """The ``Exec`` value for ``command``."""
    return " ".join(_desktop_quote(arg) for arg in command)


def desktop_entry(command: Sequence[str]) -> str:
    """A valid autostart desktop entry that runs ``command``."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={APP_NAME}",
        "Comment=Reminds you to finish moving this device to Microsoft Intune",
        "Comment[fr]=Vous rappelle de terminer le passage de cet appareil "
        "à Microsoft Intune",
        f"Exec={desktop_exec(command)}",
        f"Icon={BUNDLE_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ]
    return "\n".join(lines)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_private(tmp, data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def xdg_config_home(env: dict[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME`` when set to an absolute path, else ``~/.config``."""
    environ = os.environ if env is None else env
    value = environ.get("XDG_CONFIG_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(environ.get("HOME") or Path.home()) / ".config"


class XdgAutostart:
    """``<config home>/autostart/<BUNDLE_ID>.desktop``.

    Args:
        config_home: None for :func:`xdg_config_home` (resolved at each call).
    """

    def __init__(self, config_home: Path | None = None) -> None:
        self._config_home = config_home

    @property
    def path(self) -> Path:
        home = self._config_home or xdg_config_home()
        return home / "autostart" / f"{BUNDLE_ID}.desktop"

    def register(self, command: Sequence[str]) -> None:
        _write_atomic(self.path, desktop_entry(command).encode("utf-8"))

    def unregister(self) -> bool:
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True

    def is_registered(self) -> bool:
        return self.path.is_file()


# --- macOS: launch agent --------------------------------------------------------------


def launch_agent(command: Sequence[str]) -> dict[str, object]:
    """The launch agent's property list: run ``command`` once at login."""
    return {
        "Label": BUNDLE_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # Starts with the user's graphical session, not an SSH login.
        "LimitLoadToSessionType": "Aqua",
        "ProcessType": "Interactive",
    }


class LaunchAgent:
    """``~/Library/LaunchAgents/<BUNDLE_ID>.plist``.

    Args:
        home: the user's home; None for ``$HOME`` (resolved at each call).
    """

    def __init__(self, home: Path | None = None) -> None:
        self._home = home

    @property
    def path(self) -> Path:
        home = self._home or Path(os.environ.get("HOME") or Path.home())
        return home / "Library" / "LaunchAgents" / f"{BUNDLE_ID}.plist"

    def register(self, command: Sequence[str]) -> None:
        # The agent loads at the next login; nothing to tell launchd now.
        _write_atomic(self.path, plistlib.dumps(launch_agent(command)))

    def unregister(self) -> bool:
        # A loaded agent (this login) runs once only; removing the file is
        # enough for the next logins.
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True

    def is_registered(self) -> bool:
        return self.path.is_file()


# --- Windows: the Run key -------------------------------------------------------------


class RunKey(Protocol):
    """The values of ``HKCU\\...\\CurrentVersion\\Run`` (a thin winreg wrapper)."""

    def get(self, name: str) -> str | None:
        """The value's data, None when absent."""
        ...

    def set(self, name: str, data: str) -> None:
        """Create or replace a REG_SZ value."""
        ...

    def delete(self, name: str) -> bool:
        """Remove the value; True when there was one."""
        ...


def _winreg() -> Any:
    # typeshed defines winreg for win32 only; typed as Any so mypy passes on
    # every OS (as helper/probe/registry.py does).
    import importlib

    return importlib.import_module("winreg")


class WinregRunKey:  # pragma: no cover - needs Windows; tested through a fake
    """:class:`RunKey` on the real registry."""

    def get(self, name: str) -> str | None:
        winreg = _winreg()

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                data, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(data)

    def set(self, name: str, data: str) -> None:
        winreg = _winreg()

        with winreg.CreateKeyEx(
            winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
        ) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, data)

    def delete(self, name: str) -> bool:
        winreg = _winreg()

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            return False
        return True


class WindowsRun:
    """The ``<BUNDLE_ID>`` value of the user's Run key.

    Args:
        key: the Run key; None for the real registry (:class:`WinregRunKey`).
    """

    def __init__(self, key: RunKey | None = None) -> None:
        self._key = key

    @property
    def key(self) -> RunKey:
        if self._key is None:
            self._key = WinregRunKey()
        return self._key

    def register(self, command: Sequence[str]) -> None:
        # The Run key holds a command line: Windows quoting rules.
        self.key.set(BUNDLE_ID, subprocess.list2cmdline(list(command)))

    def unregister(self) -> bool:
        return self.key.delete(BUNDLE_ID)

    def is_registered(self) -> bool:
        return self.key.get(BUNDLE_ID) is not None


# --- the module API -------------------------------------------------------------------


def autostart_for(platform: str | None = None) -> Autostart:
    """The autostart entry of this OS (``sys.platform`` by default)."""
    name = platform or sys.platform
    if name == "win32":
        return WindowsRun()
    if name == "darwin":
        return LaunchAgent()
    return XdgAutostart()


def register(
    command: Sequence[str] | None = None, *, autostart: Autostart | None = None
) -> bool:
    """Start the helper at the next login (``gui --reminder``).

    Returns:
        False when the entry could not be written (logged; the reminder then
        only works while the helper runs).
    """
    entry = autostart or autostart_for()
    try:
        entry.register(command or launch_command())
    except OSError as exc:
        log.warning("cannot register the login reminder: %s", exc)
        return False
    log.info("login reminder registered")
    return True


def unregister(*, autostart: Autostart | None = None) -> bool:
    """Stop starting the helper at login (the journey is done).

    Returns:
        True when an entry was removed.
    """
    entry = autostart or autostart_for()
    try:
        removed = entry.unregister()
    except OSError as exc:
        log.warning("cannot remove the login reminder: %s", exc)
        return False
    if removed:
        log.info("login reminder removed")
    return removed


def is_registered(*, autostart: Autostart | None = None) -> bool:
    """Whether the helper starts at the next login."""
    entry = autostart or autostart_for()
    try:
        return entry.is_registered()
    except OSError:
        return False


def sync_with_journey(
    stage: str,
    next_reminder: datetime.datetime | None,
    *,
    autostart: Autostart | None = None,
) -> None:
    """Keep the login entry in step with the journey: removed once ``done``,
    registered while a deferred reminder is pending."""
    if stage == "done":
        unregister(autostart=autostart)
    elif next_reminder is not None:
        register(autostart=autostart)


# --- when a reminder is due -----------------------------------------------------------


def _aware(moment: datetime.datetime) -> datetime.datetime:
    # The journey stores aware UTC times; a naive one is taken as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def reminder_due(
    next_reminder: datetime.datetime | None, now: datetime.datetime
) -> bool:
    """True when a reminder was set and its time has come."""
    if next_reminder is None:
        return False
    return _aware(now) >= _aware(next_reminder)


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class ReminderScheduler(QObject):
    """Fires :attr:`due` when the reminder's time comes (once per schedule).

    The timer wakes at most every 15 minutes to read the clock again, so a
    machine that slept past the time fires soon after waking.

    Args:
        clock: now, as an aware datetime (tests).
        parent: the QObject parent.

    Signals:
        due: the reminder is due (show the window).
    """

    due = Signal()

    def __init__(
        self,
        clock: Callable[[], datetime.datetime] = utc_now,
        parent: QObject | None = None,
        *,
        max_interval_ms: int = MAX_TIMER_MS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._max_interval_ms = max_interval_ms
        self._when: datetime.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def when(self) -> datetime.datetime | None:
        """The reminder being waited for, None when none."""
        return self._when

    def schedule(self, next_reminder: datetime.datetime | None) -> None:
        """Wait for ``next_reminder`` (None cancels); a past time fires at once
        (from the event loop, never inside this call)."""
        self._when = _aware(next_reminder) if next_reminder is not None else None
        self._arm()

    def cancel(self) -> None:
        self.schedule(None)

    def is_active(self) -> bool:
        return self._timer.isActive()

    def _arm(self) -> None:
        self._timer.stop()
        if self._when is None:
            return
        remaining = (self._when - _aware(self._clock())).total_seconds() * 1000
        self._timer.start(int(max(0, min(remaining, self._max_interval_ms))))

    @Slot()
    def _on_timeout(self) -> None:
        if self._when is None:
            return
        if reminder_due(self._when, self._clock()):
            self._when = None
            self.due.emit()
        else:
            self._arm()
