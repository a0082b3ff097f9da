# SPDX-License-Identifier: MIT
"""The wizard's pages: welcome, check, leave, join, done, contact-it.

Only :mod:`ui.pages.welcome` (and :mod:`ui.pages.common`) are imported before
the first paint; the window imports the others when it first shows them.
"""

from __future__ import annotations

PAGES: tuple[str, ...] = ("welcome", "check", "leave", "join", "done", "contact-it")
