# SPDX-License-Identifier: MIT
"""How far along the user is: the stage progress indicator above every page.

The stages come from the one stage table (``helper/journey/stages.py``) through
:func:`ui.navigation.strip_pages`: the pages the plan's path walks through, in
order. Each shows with a mark that says, without colour, whether it is done
(✓), the current one (●) or still to come (○); a bar of segments below gives
the same at a glance, and the accessible description says it in words
("Step 2 of 5: Check this device. Done: Welcome. Still to come: …").

Built before the first paint (the welcome page shows it): no ``Qt`` namespace,
no helper module at import (docs/architecture.md, Start-up rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui import words
from ui.pages.common import wrapped_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QPaintEvent

translate = QCoreApplication.translate

DONE: Final = "done"
CURRENT: Final = "current"
TO_COME: Final = "to-come"
MARKS: Final = {DONE: "✓", CURRENT: "●", TO_COME: "○"}
SEPARATOR: Final = "  \u203a  "


def states(pages: Sequence[str], current: str) -> list[str]:
    """Each page's state: done before the current one, to come after it (all to
    come when the current page is not in the list)."""
    if current not in pages:
        return [TO_COME] * len(pages)
    index = list(pages).index(current)
    return [DONE] * index + [CURRENT] + [TO_COME] * (len(pages) - index - 1)


class SegmentBar(QWidget):
    """One segment per stage: filled when done, filled and taller when current,
    outlined when still to come (shape, not only colour, tells them apart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states: list[str] = []
        self.setFixedHeight(max(6, self.fontMetrics().height() // 2))

    def set_states(self, states: list[str]) -> None:
        self.states = list(states)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        count = len(self.states)
        if not count:
            return
        painter = QPainter(self)
        palette = self.palette()
        fill = palette.color(QPalette.ColorRole.Highlight)
        line = palette.color(QPalette.ColorRole.WindowText)
        gap = 4
        width = (self.width() - gap * (count - 1)) / count
        height = self.height()
        for i, state in enumerate(self.states):
            left = round(i * (width + gap))
            right = round(i * (width + gap) + width)
            if state == TO_COME:
                # An outline, thinner: the stage is still ahead.
                top = height // 3
                painter.setPen(line)
                painter.setBrush(palette.color(QPalette.ColorRole.Base))
                painter.drawRect(QRect(left, top, right - left - 1, height - top - 1))
                continue
            top = 0 if state == CURRENT else height // 3
            painter.fillRect(QRect(left, top, right - left, height - top), fill)
        painter.end()


class StageProgress(QWidget):
    """The progress indicator: the stages' names with their marks, and the bar.

    Attributes:
        label: the stages in words (✓ done, ● current, ○ to come).
        bar: the segments.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.label = wrapped_label("", self)
        layout.addWidget(self.label)
        self.bar = SegmentBar(self)
        layout.addWidget(self.bar)
        self.pages: list[str] = []
        self.states: list[str] = []
        for widget in (self, self.label, self.bar):
            widget.setAccessibleName(translate("MainWindow", "Progress"))

    def set_stages(
        self, pages: Sequence[str], titles: Sequence[str], current: str
    ) -> None:
        """Show ``pages`` (their ``titles``, in order), ``current`` being shown."""
        self.pages = list(pages)
        self.states = states(pages, current)
        self.label.setText(
            SEPARATOR.join(
                f"{MARKS[state]} {title}"
                for state, title in zip(self.states, titles, strict=True)
            )
        )
        self.bar.set_states(self.states)
        description = self.describe(titles)
        for widget in (self, self.label, self.bar):
            widget.setAccessibleDescription(description)
        self.bar.setToolTip(description)

    def describe(self, titles: Sequence[str]) -> str:
        """The progress in words, for screen readers and the bar's tooltip."""
        if CURRENT not in self.states:
            return ""
        index = self.states.index(CURRENT)
        # The first part reuses the strip's former words (already translated).
        parts = [
            words.arg(
                translate("MainWindow", "Step %1 of %2: %3"),
                index + 1,
                len(titles),
                titles[index],
            )
            + "."
        ]
        if index:
            parts.append(
                words.arg(
                    translate("MainWindow", "Done: %1."), ", ".join(titles[:index])
                )
            )
        if index + 1 < len(titles):
            parts.append(
                words.arg(
                    translate("MainWindow", "Still to come: %1."),
                    ", ".join(titles[index + 1 :]),
                )
            )
        return " ".join(parts)
