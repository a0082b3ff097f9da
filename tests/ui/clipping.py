# SPDX-License-Identifier: MIT
"""Find text the window cuts: what tests/ui/test_no_clipping.py asks of every page.

A widget's text is cut when the widget is smaller than the text needs, or when
an ancestor hides part of it. For each visible label and button:

- a wrapping label needs ``heightForWidth(width)`` pixels of height, and no
  single word may be wider than the label (Qt does not break words: the end
  of a long word would be cut);
- a label that does not wrap, and a button, need their ``sizeHint`` (the text's
  width with the style's margins; for a button with a menu-less text that is
  what Qt would give it if it could);
- no ancestor may cut it: it must lie inside each ancestor's rectangle, except
  that inside a scroll area's viewport only the horizontal extent counts (the
  user scrolls vertically), and no scroll area may need a horizontal scroll
  bar.

The finder names each problem (widget class, object or accessible name, text)
so that a failure says what to fix.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QWidget,
)

# Rounding between Qt's size hints and the layout's integer geometry.
SLACK_PX = 1


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}({name!r}, {text[:60]!r})"


def in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def cut_by_ancestors(widget: QWidget, window: QWidget) -> str:
    """Which ancestor cuts ``widget`` ("" when none does)."""
    rect = in_window(widget, window)
    scrolled = False  # inside a scroll area: only the width counts from there
    parent = widget.parentWidget()
    while parent is not None:
        outer = in_window(parent, window)
        scrolled = (
            scrolled
            or isinstance(parent, QAbstractScrollArea)
            or (
                isinstance(parent.parentWidget(), QAbstractScrollArea)
                and parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
            )
        )
        left_right = (
            rect.left() >= outer.left() - SLACK_PX
            and rect.right() <= outer.right() + SLACK_PX
        )
        top_bottom = (
            rect.top() >= outer.top() - SLACK_PX
            and rect.bottom() <= outer.bottom() + SLACK_PX
        )
        if not left_right or (not scrolled and not top_bottom):
            return f"cut by {type(parent).__name__} {outer} (it is at {rect})"
        if parent is window:
            break
        parent = parent.parentWidget()
    return ""


def label_problem(label: QLabel) -> str:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return ""
    if label.wordWrap():
        width = label.contentsRect().width()
        metrics = label.fontMetrics()
        for word in text.split():
            if metrics.horizontalAdvance(word) > width + SLACK_PX:
                return f"the word {word!r} is wider than the label ({width} px)"
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK_PX:
            return f"needs {needed} px of height, has {label.height()}"
        return ""
    return size_problem(label)


def size_problem(widget: QWidget) -> str:
    """A label that does not wrap, or a button: smaller than its size hint."""
    hint = widget.sizeHint()
    if hint.width() > widget.width() + SLACK_PX:
        return f"needs {hint.width()} px of width, has {widget.width()}"
    if hint.height() > widget.height() + SLACK_PX:
        return f"needs {hint.height()} px of height, has {widget.height()}"
    return ""


def clipped(window: QWidget) -> list[str]:
    """Every visible label or button of ``window`` whose text is cut."""
    problems: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        problem = ""
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = size_problem(widget)
        elif isinstance(widget, QAbstractScrollArea):
            if widget.horizontalScrollBar().isVisible():
                problem = "scrolls sideways: its content is wider than the window"
        else:
            continue
        if not problem and isinstance(widget, QLabel | QAbstractButton):
            problem = cut_by_ancestors(widget, window)
        if problem:
            problems.append(f"{describe(widget)}: {problem}")
    return problems
