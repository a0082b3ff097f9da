# SPDX-License-Identifier: MIT
"""Running outside commands: argument lists only, never a shell, always a timeout."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import Protocol

import msgspec


class CommandResult(msgspec.Struct):
    """What one command did.

    Attributes:
        argv: the argument list that ran.
        exit_code: None when the command could not start or timed out.
        stdout, stderr: raw output bytes.
        duration_ms: wall time.
        error: ``not-found``, ``timeout``, ``permission-denied`` or ``os-error: ...``.
    """

    argv: list[str]
    exit_code: int | None
    stdout: bytes = b""
    stderr: bytes = b""
    duration_ms: float = 0.0
    error: str | None = None


class CommandRunner(Protocol):
    """Runs a command; tests replace it with recorded outputs."""

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult: ...


class SubprocessRunner:
    """The real runner (subprocess, no shell, hidden console window on Windows)."""

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        import subprocess

        args = list(argv)
        kwargs: dict[str, object] = {}
        if sys.platform == "win32":
            # Hide the console window a child would flash on screen.
            startupinfo = subprocess.STARTUPINFO()  # type: ignore[attr-defined,unused-ignore]
            startupinfo.dwFlags |= subprocess.STARTF_USESHOWWINDOW  # type: ignore[attr-defined,unused-ignore]
            kwargs["startupinfo"] = startupinfo
        # Commands we parse print English keys; keep their output stable.
        env = dict(os.environ, LC_ALL="C")
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                args,
                capture_output=True,
                timeout=timeout,
                check=False,
                stdin=subprocess.DEVNULL,
                env=env,
                **kwargs,  # type: ignore[call-overload]
            )
        except FileNotFoundError:
            return CommandResult(args, None, duration_ms=_ms(start), error="not-found")
        except PermissionError:
            return CommandResult(
                args, None, duration_ms=_ms(start), error="permission-denied"
            )
        except subprocess.TimeoutExpired as exc:
            return CommandResult(
                args,
                None,
                stdout=exc.stdout or b"",
                stderr=exc.stderr or b"",
                duration_ms=_ms(start),
                error="timeout",
            )
        except OSError as exc:
            return CommandResult(
                args, None, duration_ms=_ms(start), error=f"os-error: {exc}"
            )
        return CommandResult(
            args, proc.returncode, proc.stdout, proc.stderr, duration_ms=_ms(start)
        )


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)
