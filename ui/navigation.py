# SPDX-License-Identifier: MIT
"""Which page shows a journey view, the progress strip's pages and titles, and
the "Copy for IT" text: the window's presentation rules, apart from its widgets.

Light on purpose: the window imports it before its first paint (no pathlib,
datetime or helper module at run time; see docs/architecture.md, Start-up rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from helper import APP_NAME, __version__
from ui import words

if TYPE_CHECKING:
    from helper.journey.engine import JourneyView

translate = QCoreApplication.translate


def page_for(view: JourneyView) -> str:
    """The page that shows a view: its stage's page in the stage table
    (``check`` until the user begins)."""
    from helper.journey import stages

    page = stages.page_of(view.stage)
    if not view.begun and page not in ("done", "contact-it"):
        return "check"
    return page


def strip_pages(view: JourneyView | None, current: str = "") -> list[str]:
    """The pages of the progress strip for a view's plan (``current``: the
    page shown, so that contact-it appears once the user is there)."""
    pages = ["welcome", "check"]
    if view is None:
        return pages  # before the first paint: the stage table is not loaded
    from helper.journey import stages

    pages += stages.path_pages(view.path)
    if current == "contact-it" and "contact-it" not in pages:
        pages.append("contact-it")
    return pages


def page_title(name: str, vendor_name: str) -> str:
    """A page's short name in the progress strip (``vendor_name``: the legacy
    management's, for the leave page)."""
    if name == "leave":
        return words.arg(translate("MainWindow", "Leave %1"), vendor_name)
    return {
        "welcome": translate("MainWindow", "Welcome"),
        "check": translate("MainWindow", "Check this device"),
        "join": translate("MainWindow", "Join Intune"),
        "done": translate("MainWindow", "Done"),
        "contact-it": translate("MainWindow", "Contact IT"),
    }.get(name, name)


def text_for_it(view: JourneyView | None, demo: str | None = None) -> str:
    """The plain-text summary "Copy for IT" puts on the clipboard: codes only
    (no name, e-mail, host name or secret)."""
    lines = [
        words.arg(
            translate("MainWindow", "%1 %2: request for help"),
            APP_NAME,
            __version__,
        )
    ]
    if view is None:
        lines.append(translate("MainWindow", "The device has not been checked yet."))
        return "\n".join(lines) + "\n"
    rows = [
        (translate("MainWindow", "Support code"), view.support_code),
        (translate("MainWindow", "Platform"), view.platform),
        (translate("MainWindow", "Legacy vendor"), view.vendor or "-"),
        (translate("MainWindow", "Verdict"), view.verdict or "-"),
        (translate("MainWindow", "Path"), view.path),
        (translate("MainWindow", "Stage"), view.stage),
        (translate("MainWindow", "Code"), view.code or "-"),
        (
            translate("MainWindow", "Failed checks"),
            words.arg("%1/%2", view.attempts, view.max_attempts),
        ),
    ]
    if view.detection is not None and view.detection.warnings:
        codes = ", ".join(w.code for w in view.detection.warnings)
        rows.append((translate("MainWindow", "Warnings"), codes))
    if demo:
        rows.append((translate("MainWindow", "Demo scenario"), demo))
    rows.append((translate("MainWindow", "Updated"), view.updated_at.isoformat()))
    lines += [words.arg("%1: %2", label, value) for label, value in rows]
    return "\n".join(lines) + "\n"
