# SPDX-License-Identifier: MIT
"""Small parts the pages build their rows from: a status icon with its words,
and a folded detail ("More") that opens with the mouse or the keyboard.

Reusable by any page (and by additions such as pre-flight warnings or the
release request): :class:`StatusIcon` says a status without colour, for sight
and for screen readers; :class:`Fold` keeps a row short until the user asks.
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui import words
from ui.pages.common import qt

translate = QCoreApplication.translate

# The object name of every fold's toggle (tests and accessibility tools).
FOLD_TOGGLE: Final = "FoldToggle"

# Status → its mark. The mark is never the only carrier: the icon's accessible
# name and tooltip are the status in words (ui.words.step_status).
SYMBOLS: Final = {
    "pending": "○",
    "running": "◔",
    "done": "✓",
    "failed": "✗",
    "needs-it": "!",
    "skipped": "\u2013",
}

# The end of the first sentence: a full stop, question or exclamation mark, or a
# colon that introduces the rest (French puts a no-break space before it),
# followed by a space. Not a semicolon: "…in the console;" reads unfinished.
_SENTENCE_END = re.compile(r"(?<=[.:!?])\s+(?=\S)")
# Fewer characters than this after the first sentence are not folded away.
MIN_FOLDED: Final = 25


def split_summary(text: str) -> tuple[str, str]:
    """(first sentence, the rest) of a step's words; the rest may be "".

    A sentence ending with a colon keeps it: "…will stop working:" then the
    rest says how. A short rest stays in the first part ("give them your
    support code: K7Q4-M2XD." is not worth a fold, and the code must show).
    """
    text = text.strip()
    end = _SENTENCE_END.search(text)
    if end is None or len(text) - end.end() < MIN_FOLDED:
        return text, ""
    return text[: end.start()], text[end.end() :]


class StatusIcon(QLabel):
    """A step's status: a mark, and the status in words for screen readers.

    Args:
        status: ``pending``, ``running``, ``done``, ``failed``, ``needs-it``
            or ``skipped``.
    """

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_status(status)
        align = qt().AlignmentFlag
        self.setAlignment(align.AlignTop | align.AlignHCenter)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("MM"))

    def set_status(self, status: str) -> None:
        self.status = status
        self.setText(SYMBOLS.get(status, SYMBOLS["pending"]))
        name = words.step_status(status)
        self.setAccessibleName(name)
        self.setToolTip(name)


class Fold(QObject):
    """A "More" toggle and the detail it shows or hides: two widgets the row
    lays out where it has room (the toggle beside the first sentence, or under
    it; the detail below).

    The toggle is a flat, checkable push button: Tab reaches it, Space or
    Enter opens and closes it, and a screen reader hears its checked state.

    Args:
        about: what the detail is about (the toggle's accessible description).
        parent: the widget both parts belong to.
        opened: start open (a failed check's hints are not hidden).

    Signals:
        toggled: (bool) the detail was opened or closed.
    """

    toggled = Signal(bool)

    def __init__(self, about: str, parent: QWidget, *, opened: bool = False) -> None:
        super().__init__(parent)
        self.button = QPushButton(parent)
        self.button.setObjectName(FOLD_TOGGLE)
        self.button.setFlat(True)
        self.button.setCheckable(True)
        self.button.setAutoDefault(False)
        self.button.setAccessibleName(translate("Fold", "More"))
        self.button.setAccessibleDescription(about)
        self.content = QWidget(parent)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.button.toggled.connect(self._on_toggled)
        self.button.setChecked(opened)
        self._on_toggled(opened)

    def add(self, widget: QWidget) -> None:
        """Put ``widget`` in the folded detail."""
        widget.setParent(self.content)
        self.content_layout.addWidget(widget)

    def is_open(self) -> bool:
        return self.button.isChecked()

    def set_open(self, opened: bool) -> None:
        self.button.setChecked(opened)

    @Slot(bool)
    def _on_toggled(self, opened: bool) -> None:
        self.content.setVisible(opened)
        if opened:
            self.button.setText("▾ " + translate("Fold", "Less"))
        else:
            self.button.setText("▸ " + translate("Fold", "More"))
        self.toggled.emit(opened)
