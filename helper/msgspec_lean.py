# SPDX-License-Identifier: MIT
"""Importing msgspec without typing_extensions, for the command line's start-up.

:func:`helper.cli.main` calls it before a command runs; the window does not
need msgspec before its first paint at all (its configuration is plain Python).
"""

from __future__ import annotations

import sys


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
