# SPDX-License-Identifier: MIT
"""The frozen executable's entry point (PyInstaller runs this file as __main__).

Same behaviour as the ``intune-migration-helper`` console script
(``ui.entry:main``), plus ``--self-test``, handled here first so that a frozen
bundle can always test itself, whichever version of ui/entry.py it carries.
"""

from __future__ import annotations

import sys


def main() -> int:
    """Run the helper: the window, a command, or the self-test."""
    # No multiprocessing.freeze_support() (STYLE §3.13): nothing in the helper
    # uses multiprocessing, and importing it here would also pull PyInstaller's
    # multiprocessing runtime hook into every start (about 10 ms). Whoever adds a
    # multiprocessing use must call it here first.
    args = sys.argv[1:]
    if "--self-test" in args:
        from ui.selftest import run_self_test

        return run_self_test(args)
    from ui.entry import main as entry_main

    return entry_main(args)


if __name__ == "__main__":
    sys.exit(main())
