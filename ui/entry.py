# SPDX-License-Identifier: MIT
"""The console entry point: the GUI when given no subcommand, the CLI otherwise.

It lives in ui/ so that helper/ never has to know a GUI exists; Qt is imported
only when the GUI actually starts. A plain launch (no arguments, or ``gui ...``:
the shortcut, the login reminder) goes straight to the window without building
the command line's parser.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# Exit code when the window cannot open for want of a display or of Qt (`make
# run` on a headless machine treats it as a clean stop, not a failure).
EXIT_NO_DISPLAY = 4


def launch_gui(argv: Sequence[str]) -> int:
    """Start the window; on a machine with no display, say so in one line."""
    # --screenshots draws offscreen (ui.app) and --help only prints: neither
    # needs a display.
    needs_display = not any(a in ("--screenshots", "-h", "--help") for a in argv)
    if needs_display and not _has_display():
        print(
            "intune-migration-helper: no display found, so the window cannot open. "
            "Try `intune-migration-helper detect` to see what manages this device.",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    # No garbage collection until the first page is painted (ui.app turns it
    # back on then, after freezing what start-up built): importing Qt creates
    # hundreds of thousands of objects that all live as long as the window, and
    # collecting them over and over costs 6 ms of the start-up budget.
    gc.disable()
    try:
        # Options and configuration before Qt (see ui.startup: 8 ms less).
        from ui.startup import prepare

        startup = prepare(argv)
        try:
            from ui.app import run
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith(("PySide6", "shiboken6")):
                raise
            # A collector host (the [collector] set) has the command line but
            # no Qt: one line that says which install brings the window.
            print(
                "intune-migration-helper: the window needs Qt, which this "
                "installation does not have: install the desktop set "
                "(pip install 'intune-migration-helper[desktop]'). "
                "The commands (detect, capture, plan) work without it.",
                file=sys.stderr,
            )
            return EXIT_NO_DISPLAY
        return run(list(argv), startup)
    finally:
        gc.enable()


def _straight_to_window(args: Sequence[str]) -> bool:
    """A plain launch: nothing, or ``gui`` and window options (not ``-v``, which
    the command line's logging set-up handles)."""
    if args and args[0] != "gui":
        return False
    return not any(a in ("-v", "--verbose", "-h", "--help", "--version") for a in args)


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if "--self-test" in args:
        from ui.selftest import run_self_test

        return run_self_test(args)
    if _straight_to_window(args):
        gc.disable()  # from here already (see launch_gui)
        from helper.cli import run_guarded

        return run_guarded("gui", lambda: launch_gui(args), verbose=False)
    from helper.cli import main as cli_main

    return cli_main(args, gui=launch_gui)


if __name__ == "__main__":
    sys.exit(main())
