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


def launch_gui(argv: Sequence[str]) -> int:
    """Start the window; on a machine with no display, say so in one line."""
    if not _has_display():
        print(
            "intune-migration-helper: no display found, so the window cannot open. "
            "Try `intune-migration-helper detect` to see what manages this device.",
            file=sys.stderr,
        )
        return 1
    from ui.app import run

    return run(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    from helper.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else list(argv), gui=launch_gui)


if __name__ == "__main__":
    sys.exit(main())
