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


def import_msgspec_lean() -> None:
    """Import msgspec without typing_extensions (5 ms of start-up budgets).

    msgspec imports typing_extensions whenever it is installed (httpx's anyio
    brings it) only for back-ports Python 3.11 has in ``typing``
    (``get_type_hints``, TypedDict's ``Required``); our models use neither.
    That import, and the `inspect` module it pulls in, costs 5 ms: a tenth of
    the `detect` budget. The marker is removed right after, so a later import of
    typing_extensions (httpx, msal) gets the real module.
    """
    if "msgspec" in sys.modules or "typing_extensions" in sys.modules:
        return
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]
    try:
        import msgspec  # noqa: F401
    finally:
        del sys.modules["typing_extensions"]


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if "--self-test" in args:
        from ui.selftest import run_self_test

        return run_self_test(args)
    import_msgspec_lean()
    from helper.cli import main as cli_main

    return cli_main(args, gui=launch_gui)


if __name__ == "__main__":
    sys.exit(main())
