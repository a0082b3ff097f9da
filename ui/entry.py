# SPDX-License-Identifier: MIT
"""The console entry point: the GUI when given no subcommand, the CLI otherwise.

It lives in ui/ so that helper/ never has to know a GUI exists; Qt is imported
only when the GUI actually starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# Exit code when the window cannot open for want of a display (`make run` on a
# headless machine treats it as a clean stop, not a failure).
EXIT_NO_DISPLAY = 4


def launch_gui(argv: Sequence[str]) -> int:
    """Start the window; on a machine with no display, say so in one line."""
    if not _has_display():
        print(
            "intune-migration-helper: no display found, so the window cannot open. "
            "Try `intune-migration-helper detect` to see what manages this device.",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    from ui.app import run

    return run(list(argv))


# Commands whose whole process imports no third-party package but msgspec and
# platformdirs (a test checks it).
_LEAN_COMMANDS = frozenset({"detect", "status"})


def _skip_typing_extensions(argv: Sequence[str]) -> None:
    """Keep msgspec from importing typing_extensions in lean commands.

    msgspec imports typing_extensions whenever it is installed (httpx's anyio
    brings it) only to back-port typing features Python 3.11 has built in; that
    import, and the `inspect` module it pulls in, cost 5 ms, a tenth of the
    `detect` start-up budget. With this marker msgspec falls back to `typing`,
    which behaves the same for our annotations. Never done for commands that may
    load httpx, msal or Qt, which need the real module.
    """
    command = next((a for a in argv if not a.startswith("-")), None)
    if command in _LEAN_COMMANDS and "typing_extensions" not in sys.modules:
        sys.modules["typing_extensions"] = None  # type: ignore[assignment]


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    _skip_typing_extensions(args)
    from helper.cli import main as cli_main

    return cli_main(args, gui=launch_gui)


if __name__ == "__main__":
    sys.exit(main())
