# SPDX-License-Identifier: MIT
"""Launching a plan's ``open`` and ``run`` steps, safely.

Rules (docs/journey.md, "Launchers"):

- Only what the allowlist names is launched (:mod:`helper.journey.allowlist`),
  checked right here even though playbooks were checked when they loaded.
- Commands are argument lists, never a shell line. Elevation goes through the
  platform's own prompt: Windows ``ShellExecuteW(..., "runas", ...)``, macOS
  ``osascript -e 'do shell script "..." with administrator privileges'`` (every
  argument quoted), Linux ``pkexec``.
- Nothing launches unless the caller says the user confirmed
  (``confirmed=True``: the user pressed the button that showed
  :func:`display_command`).
- The outcome is never judged from an exit code: :meth:`Launcher.launch` says
  what happened (started, refused, failed with a code) and the caller detects
  again (a ``verify`` step) to know whether it worked.

The exact command is returned for display and logged; commands hold no secrets
(the allowlist refuses tokens in URIs).

Call :meth:`Launcher.launch` from a worker thread: an elevated command on macOS
or Linux runs to completion (the password prompt included).
"""

from __future__ import annotations

import logging
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from helper.journey.allowlist import Allowlist, LaunchRefused
from helper.journey.plan import Step

if TYPE_CHECKING:
    from helper.probe.runner import CommandResult, CommandRunner

__all__ = [
    "LaunchRefused",
    "LaunchResult",
    "Launcher",
    "applescript_string",
    "display_command",
    "osascript_argv",
    "pkexec_argv",
]

log = logging.getLogger(__name__)

OSASCRIPT = "/usr/bin/osascript"
PKEXEC = "/usr/bin/pkexec"
OPEN = "/usr/bin/open"
XDG_OPEN = "xdg-open"
# An elevated command waits for the user at the password prompt, then runs
# (msiexec, apt-get): give both plenty of time.
ELEVATED_TIMEOUT = 900.0
# pkexec: "the authorization could not be obtained because the user dismissed
# the authentication dialog" / "not authorized" (pkexec(1)).
PKEXEC_DISMISSED = 126
PKEXEC_NOT_AUTHORIZED = 127
# ShellExecuteW returns a value > 32 on success; SE_ERR_ACCESSDENIED (5) is also
# what a declined UAC prompt gives.
SHELL_EXECUTE_OK = 32
SE_ERR_ACCESSDENIED = 5

Status = Literal["started", "refused", "failed"]
Spawn = Callable[[Sequence[str]], None]
OpenUri = Callable[[str], None]
ShellExecute = Callable[[str, str], int]


class LaunchResult(msgspec.Struct, frozen=True, omit_defaults=True):
    """What a launch did. It does not say whether the step worked: verify that.

    Attributes:
        status: ``started`` (launched; for an elevated command on macOS or
            Linux, also finished, see ``exit_code``), ``refused`` (a safety rule
            said no; nothing ran) or ``failed`` (it could not be launched).
        display: the exact command or URI, as shown to the user.
        code: for ``refused``: ``not-allowlisted``, ``not-confirmed``,
            ``placeholder-invalid``, ``not-launchable``; for ``failed``:
            ``cancelled`` (the user declined the password prompt),
            ``not-authorized``, ``not-found``, ``timeout``, ``os-error``,
            ``shell-execute-<n>``.
        exit_code: the elevated command's exit code, when it ran to the end
            (recorded, not judged).
        detail: English technical detail for the log and helpdesk.
    """

    status: Status
    display: str
    code: str = ""
    exit_code: int | None = None
    detail: str = ""


def display_command(step: Step, platform: str | None = None) -> str:
    """The exact URI or command line of a step, for display and logs.

    Args:
        step: an ``open`` or ``run`` step.
        platform: the OS whose quoting to use (Windows quotes like its command
            line; the others like a POSIX shell); default: this machine's.

    Returns:
        The URI, or the command line; "" for other kinds.
    """
    if step.kind == "open" and step.uri is not None:
        return step.uri
    if step.kind == "run" and step.command is not None:
        if (platform or _this_os()) == "windows":
            import subprocess

            return subprocess.list2cmdline(step.command)
        return shlex.join(step.command)
    return ""


def applescript_string(text: str) -> str:
    """``text`` as an AppleScript string literal (backslash and quote escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def osascript_argv(argv: Sequence[str]) -> list[str]:
    """The osascript command that runs ``argv`` elevated, behind macOS's prompt.

    ``do shell script`` hands its string to ``/bin/sh``: each argument is first
    quoted for the shell (:func:`shlex.quote`), then the whole line is quoted
    as an AppleScript string, so no argument can end either quoting.

    Raises:
        LaunchRefused: an argument holds a control character (``placeholder-
            invalid``): nothing legitimate does, and AppleScript literals
            would treat some of them specially.
    """
    for arg in argv:
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in arg):
            raise LaunchRefused(
                "placeholder-invalid", f"{arg!r}: control characters are not allowed"
            )
    line = " ".join(shlex.quote(arg) for arg in argv)
    script = f"do shell script {applescript_string(line)} with administrator privileges"
    return [OSASCRIPT, "-e", script]


def pkexec_argv(argv: Sequence[str]) -> list[str]:
    """The pkexec command that runs ``argv`` elevated, behind polkit's prompt."""
    return [PKEXEC, *argv]


def _this_os() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


# --- the platform's own launchers -------------------------------------------------

# Programs started without waiting, kept so they are reaped (and so Python does not
# warn about a child still running when its Popen object is collected).
_children: list[Any] = []


def spawn_detached(argv: Sequence[str]) -> None:
    """Start a program without a shell and without waiting for it.

    Raises:
        OSError: it could not start (FileNotFoundError when it does not exist).
    """
    import subprocess

    _children[:] = [p for p in _children if p.poll() is None]
    kwargs: dict[str, Any] = {}
    if sys.platform == "win32":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        kwargs["start_new_session"] = True  # survives the helper, no signals
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        **kwargs,
    )
    _children.append(proc)


def open_uri_default(uri: str) -> None:
    """Open a URI with the OS's handler (os.startfile, ``open``, ``xdg-open``).

    Raises:
        OSError: no handler could be started.
    """
    if sys.platform == "win32":
        getattr(os, "startfile")(uri)  # noqa: B009 (startfile exists on Windows only)
    elif sys.platform == "darwin":
        spawn_detached([OPEN, uri])
    else:
        spawn_detached([XDG_OPEN, uri])


def shell_execute_runas(file: str, parameters: str) -> int:
    """Windows: start ``file`` elevated through the UAC prompt; ShellExecuteW's result.

    A thin wrapper, untested off Windows: > 32 means started.
    """
    import ctypes
    from ctypes import wintypes

    shell32 = getattr(ctypes, "windll").shell32  # noqa: B009 (Windows only)
    shell_execute = shell32.ShellExecuteW
    shell_execute.argtypes = [
        wintypes.HWND,
        wintypes.LPCWSTR,
        wintypes.LPCWSTR,
        wintypes.LPCWSTR,
        wintypes.LPCWSTR,
        ctypes.c_int,
    ]
    shell_execute.restype = ctypes.c_void_p  # HINSTANCE
    sw_shownormal = 1
    result = shell_execute(None, "runas", file, parameters, None, sw_shownormal)
    return int(result or 0)


# --- the launcher -------------------------------------------------------------------


class Launcher:
    """Launches ``open`` and ``run`` steps after the safety checks.

    Args:
        allowlist: what may be launched (``PlaybookSet.allowlist``).
        platform: ``windows``, ``macos`` or ``linux``; default: this machine.
        runner: runs elevated commands on macOS and Linux to completion
            (default: :class:`helper.probe.runner.SubprocessRunner`).
        spawn: starts a non-elevated program without waiting.
        open_uri: opens a URI with the OS's handler.
        shell_execute: Windows elevation (``ShellExecuteW`` with ``runas``).
        elevated_timeout: seconds an elevated command may take, prompt included.
    """

    def __init__(
        self,
        allowlist: Allowlist,
        *,
        platform: str | None = None,
        runner: CommandRunner | None = None,
        spawn: Spawn | None = None,
        open_uri: OpenUri | None = None,
        shell_execute: ShellExecute | None = None,
        elevated_timeout: float = ELEVATED_TIMEOUT,
    ) -> None:
        self.allowlist = allowlist
        self.platform = platform or _this_os()
        self._runner = runner
        self._spawn = spawn or spawn_detached
        self._open_uri = open_uri or open_uri_default
        self._shell_execute = shell_execute or shell_execute_runas
        self._timeout = elevated_timeout

    def check(self, step: Step) -> None:
        """Raise unless the step may be launched here (confirmation aside).

        Raises:
            LaunchRefused: ``not-launchable`` (not an open/run step),
                ``not-allowlisted`` or ``placeholder-invalid``.
        """
        if step.kind == "open" and step.uri is not None:
            self.allowlist.check_uri(step.uri)
            return
        if step.kind == "run" and step.command:
            self.allowlist.check_command(
                step.command, elevate=step.elevate, platform=self.platform
            )
            return
        raise LaunchRefused(
            "not-launchable", f"step {step.id!r} ({step.kind}) has nothing to launch"
        )

    def launch(self, step: Step, *, confirmed: bool) -> LaunchResult:
        """Launch a step, if it is allowed and the user confirmed it.

        Args:
            step: an ``open`` or ``run`` step of a plan.
            confirmed: True only when the user has just confirmed this step
                (seeing :func:`display_command`); False is refused.

        Returns:
            What happened; never raises for a refusal or a failure.
        """
        display = display_command(step, self.platform)
        try:
            self.check(step)
        except LaunchRefused as exc:
            log.warning("refused to launch %s: %s", step.id, exc.message)
            return LaunchResult("refused", display, exc.code, detail=exc.message)
        if not confirmed:
            log.warning("refused to launch %s: not confirmed", step.id)
            return LaunchResult(
                "refused", display, "not-confirmed", detail="the user did not confirm"
            )
        how = " as administrator" if step.elevate else ""
        log.info("launching %s%s: %s", step.id, how, display)
        if step.kind == "open":
            assert step.uri is not None
            return self._guard(display, lambda: self._open_uri(step.uri or ""))
        assert step.command is not None
        if not step.elevate:
            command = list(step.command)
            return self._guard(display, lambda: self._spawn(command))
        return self._elevated(list(step.command), display)

    def _guard(self, display: str, start: Callable[[], None]) -> LaunchResult:
        try:
            start()
        except FileNotFoundError as exc:
            return self._failed(display, "not-found", str(exc))
        except OSError as exc:
            return self._failed(display, "os-error", str(exc))
        return LaunchResult("started", display)

    def _failed(self, display: str, code: str, detail: str) -> LaunchResult:
        log.warning("launch failed (%s): %s: %s", code, display, detail)
        return LaunchResult("failed", display, code, detail=detail)

    def _elevated(self, argv: list[str], display: str) -> LaunchResult:
        if self.platform == "windows":
            import subprocess

            try:
                result = self._shell_execute(argv[0], subprocess.list2cmdline(argv[1:]))
            except OSError as exc:
                return self._failed(display, "os-error", str(exc))
            if result > SHELL_EXECUTE_OK:
                return LaunchResult("started", display)
            if result == SE_ERR_ACCESSDENIED:
                return self._failed(
                    display, "cancelled", "ShellExecuteW: access denied or declined"
                )
            return self._failed(
                display, f"shell-execute-{result}", f"ShellExecuteW returned {result}"
            )
        try:
            wrapped = (
                osascript_argv(argv) if self.platform == "macos" else pkexec_argv(argv)
            )
        except LaunchRefused as exc:
            return LaunchResult("refused", display, exc.code, detail=exc.message)
        return self._finished(self._run(wrapped), display)

    def _run(self, argv: list[str]) -> CommandResult:
        runner = self._runner
        if runner is None:
            from helper.probe.runner import SubprocessRunner

            runner = SubprocessRunner()
        return runner.run(argv, timeout=self._timeout)

    def _finished(self, result: CommandResult, display: str) -> LaunchResult:
        if result.error is not None:
            code = (
                result.error if result.error in ("not-found", "timeout") else "os-error"
            )
            return self._failed(display, code, result.error)
        stderr = result.stderr.decode("utf-8", "replace").strip()
        if self.platform == "macos" and result.exit_code != 0 and "-128" in stderr:
            # osascript: "User canceled. (-128)" when the password prompt is dismissed.
            return self._failed(display, "cancelled", stderr[:200])
        if self.platform == "linux" and result.exit_code == PKEXEC_DISMISSED:
            return self._failed(display, "cancelled", "pkexec: dialog dismissed")
        if self.platform == "linux" and result.exit_code == PKEXEC_NOT_AUTHORIZED:
            return self._failed(display, "not-authorized", "pkexec: not authorized")
        log.info("elevated command ended with exit code %s", result.exit_code)
        return LaunchResult(
            "started", display, exit_code=result.exit_code, detail=stderr[:500]
        )
