# SPDX-License-Identifier: MIT
"""The done page's "What Intune says" card: Intune's confirmation (through IT's
collector and Microsoft Graph), shown apart from what this device found by
itself (the page's headline and summary).

Only what the collector said is shown; when it said nothing usable (no
collector, offline, the check off), the card stays hidden: never a claim the
helper cannot back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui import theme
from ui.pages.common import card, clear_layout, wrapped_label

if TYPE_CHECKING:
    from helper.report.confirmation import Confirmation


class IntuneStatusCard(QWidget):
    """A card with Intune's confirmation, hidden until there is one.

    Args:
        parent: the page's body.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame, self.lines = card(self)
        outer.addWidget(self.frame)
        self.setAccessibleName(self.tr("What Intune says"))
        self.hide()

    def texts(self, confirmation: Confirmation) -> list[str]:
        """The lines for ``confirmation`` (empty: nothing to show)."""
        hours = confirmation.hours or 0
        lines: list[str] = []
        if confirmation.state == "confirmed":
            lines.append(self.tr("✓ Confirmed by Intune"))
            lines.append(
                {
                    "compliant": self.tr("✓ Compliant with your organization’s rules"),
                    "noncompliant": self.tr(
                        "Not compliant yet: some of your organization’s rules "
                        "are not met on this device"
                    ),
                }.get(
                    confirmation.compliance or "",
                    self.tr("Compliance not evaluated yet"),
                )
            )
        elif confirmation.state == "pending":
            lines.append(
                self.tr(
                    "Not yet confirmed by Intune (it can take up to %n hour(s))",
                    "",
                    hours,
                )
            )
            if confirmation.limbo:
                lines.append(
                    self.tr(
                        "It is taking longer than it should: contact IT with "
                        "your support code."
                    )
                )
        elif confirmation.state == "removed":
            lines.append(
                self.tr(
                    "Intune no longer lists this device: contact IT with your "
                    "support code."
                )
            )
        if confirmation.reenrolled and lines:
            lines.append(
                self.tr(
                    "Your old device management is back on this device: contact "
                    "IT with your support code."
                )
            )
        return lines

    def show_confirmation(self, confirmation: Confirmation) -> None:
        """Fill the card, or hide it when there is nothing true to say."""
        clear_layout(self.lines)
        lines = self.texts(confirmation)
        if not lines:
            self.hide()
            return
        heading = QLabel(self.tr("What Intune says"), self.frame)
        heading.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        self.lines.addWidget(heading)
        for text in lines:
            self.lines.addWidget(wrapped_label(text, self.frame))
        self.show()


__all__ = ["IntuneStatusCard"]
