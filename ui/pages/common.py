# SPDX-License-Identifier: MIT
"""What every page shares: the page frame, small widgets and the plan text
helpers. Imported before the first paint (the welcome page), so it stays small:
the step rows and the command dialog are in :mod:`ui.pages.steps`.

Keyboard rules kept here for every page: each page has one primary button,
pressed by Enter from anywhere on the page (unless another button has the
focus, which Enter then presses); tab order follows reading order, button row
last (secondary buttons, then the primary); buttons carry accessible names and
descriptions.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, QTimer, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import theme, words

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent

    from helper.journey.deadlines import Deadline
    from helper.journey.engine import JourneyView
    from helper.journey.plan import Step, Text

translate = QCoreApplication.translate

PRECHECKS: frozenset[str] = frozenset({"network", "rights"})
ENGINE_CHECKS: frozenset[str] = frozenset({"left", "joined", "detected"})


# --- plan texts ---------------------------------------------------------------------


def localized(text: Text, lang: str) -> str:
    """A plan text in the window's language (English when not translated)."""
    return text.in_language(lang)


def fill(text: str, *, support_code: str, deadline: str) -> str:
    """Fill the placeholders the planner leaves to the window."""
    return text.replace("{support_code}", support_code).replace("{deadline}", deadline)


def deadline_words(due: Deadline | None, lang: str) -> str:
    """What ``{deadline}`` becomes: the date, or "the deadline" without waves."""
    if due is None:
        return translate("Common", "the deadline")
    return words.format_date(due.enforcement_date, lang)


def step_text(step: Step, view: JourneyView | None, lang: str) -> str:
    """A step's words, in the window's language, placeholders filled."""
    raw = localized(step.text, lang)
    if view is None:
        return raw
    return fill(
        raw,
        support_code=view.support_code,
        deadline=deadline_words(view.deadline, lang),
    )


def hint_texts(steps: Iterable[Step], view: JourneyView, lang: str) -> list[str]:
    """The hints of ``steps`` (verify steps carry them), filled, without repeats."""
    seen: list[str] = []
    for step in steps:
        for hint in step.hints:
            text = fill(
                localized(hint, lang),
                support_code=view.support_code,
                deadline=deadline_words(view.deadline, lang),
            )
            if text not in seen:
                seen.append(text)
    return seen


def plain(text: str) -> str:
    """A button text without its mnemonic marker (accessible names)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def open_label(step: Step) -> str:
    """The button of an ``open`` step, from what it opens."""
    uri = step.uri or ""
    if uri.startswith("ms-settings:"):
        return translate("Common", "Open Settings")
    if uri.startswith("companyportal:"):
        return translate("Common", "Open Company Portal")
    if uri.startswith("ms-device-enrollment:"):
        return translate("Common", "Open Windows enrollment")
    if uri.startswith("ms-windows-store:"):
        return translate("Common", "Open Microsoft Store")
    if uri.startswith(("https:", "http:")):
        return translate("Common", "Open in the browser")
    return translate("Common", "Open")


def run_label(step: Step) -> str:
    """The button of a ``run`` step (a confirmation dialog follows)."""
    if step.elevate:
        return translate("Common", "Run as administrator…")
    return translate("Common", "Run…")


# --- before the first paint ---------------------------------------------------------

# PySide builds every enum of the ``Qt`` namespace the first time any of them is
# touched (by name, or as a value a method returns): about 12 ms, a tenth of the
# whole start-up budget. Code that runs before the first paint therefore never
# touches ``Qt``; everything else reaches it through :func:`qt`.
_state = {"painted": False}
_deferred_plain: list[QLabel] = []
_deferred_no_focus: list[QWidget] = []


def qt() -> type[Qt]:
    """The ``Qt`` namespace (only after the first paint; see above)."""
    from PySide6.QtCore import Qt

    return Qt


def painted() -> bool:
    """The window has been painted once (the ``Qt`` namespace is fair game)."""
    return _state["painted"]


def might_be_rich(text: str) -> bool:
    """Whether QLabel's automatic format could take ``text`` for HTML: Qt looks
    for something like a tag before the first line break."""
    return "<" in text.split("\n", 1)[0]


def make_plain(label: QLabel, text: str = "") -> None:
    """Show ``label``'s text as plain text, never HTML (texts from IT, playbooks
    and detection are data). Before the first paint, a text that cannot be
    mistaken for HTML keeps the automatic format until :func:`first_paint_done`."""
    if painted() or might_be_rich(text):
        label.setTextFormat(qt().TextFormat.PlainText)
    else:
        _deferred_plain.append(label)


def no_tab_stop(widget: QWidget) -> None:
    """Take ``widget`` out of the Tab chain (after the first paint, if need be:
    the focus policy is a ``Qt`` enum)."""
    if painted():
        widget.setFocusPolicy(qt().FocusPolicy.NoFocus)
    else:
        _deferred_no_focus.append(widget)


def first_paint_done() -> None:
    """The first page is on screen: give deferred labels their plain format,
    and deferred widgets their focus policy."""
    import shiboken6

    _state["painted"] = True
    plain = qt().TextFormat.PlainText
    for label in _deferred_plain:
        if shiboken6.isValid(label):
            label.setTextFormat(plain)
    _deferred_plain.clear()
    for widget in _deferred_no_focus:
        if shiboken6.isValid(widget):
            no_tab_stop(widget)
    _deferred_no_focus.clear()


# --- small widgets ------------------------------------------------------------------


def wrapped_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A plain-text label that wraps (texts from IT and playbooks are never HTML)."""
    label = QLabel(parent)
    make_plain(label, text)
    label.setWordWrap(True)
    label.setText(text)
    return label


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A bordered frame (palette colours) and its layout."""
    frame = QFrame(parent)
    theme.style_card(frame)
    layout = QVBoxLayout(frame)
    return frame, layout


def make_button(
    text: str,
    slot: Callable[[], None],
    *,
    description: str = "",
    parent: QWidget | None = None,
) -> QPushButton:
    """A push button that Enter presses when it has the focus, with accessible
    name and description."""
    button = QPushButton(text, parent)
    button.setAutoDefault(True)
    button.setAccessibleName(plain(text))
    if description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)
    button.clicked.connect(slot)
    return button


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
            continue
        child = item.layout()
        if child is not None:
            clear_layout(child)


# --- the button row -----------------------------------------------------------------


class ButtonRow(QLayout):
    """The page's buttons, left to right, the primary one last and at the right
    edge; when the row is too narrow for all of them (a long translation, the
    minimum window size) they wrap onto more rows instead of being cut.

    A flow layout (Qt's "Flow Layout" example, trimmed): no stretch items, the
    last item is the primary button.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = 6

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown)
        width += self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        shown = self._shown()
        width = max((i.minimumSize().width() for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        return QSize(width, height)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in rows within ``rect``; the height used."""
        shown = self._shown()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in shown:
            width = item.sizeHint().width()
            if rows[-1] and used + self._gap + width > rect.width():
                rows.append([])
                used = 0
            used += (self._gap if rows[-1] else 0) + width
            rows[-1].append(item)
        y = rect.y()
        for row in rows:
            height = max((i.sizeHint().height() for i in row), default=0)
            x = rect.x()
            for item in row:
                size = item.sizeHint()
                width = min(size.width(), rect.width())
                if item is shown[-1]:  # the primary: at the right edge
                    x = rect.x() + rect.width() - width
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._gap
            y += height + self._gap
        return max(0, y - rect.y() - self._gap)


# --- the page frame -----------------------------------------------------------------


class Page(QWidget):
    """A wizard page: a title, a scrolling body, and a row of buttons.

    Subclasses fill :attr:`body` and call :meth:`set_buttons`; :meth:`render`
    receives every new journey view. Extra notices (a pre-flight warning, the
    next reminder, a release request...) go in :attr:`notices` with
    :meth:`add_notice`: at the top of the body, above the page's own content.

    The scrolling area itself is no Tab stop (it shows no focus, so Tab seemed
    lost there): Tab moves between the controls, and the area scrolls to the
    control that has the focus; Page Up and Page Down scroll it from anywhere
    on the page.
    """

    name: ClassVar[str] = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.title = QLabel(self)
        make_plain(self.title)
        self.title.setWordWrap(True)
        self.title.setFont(
            theme.scaled_font(self.font(), theme.HEADLINE_SCALE, bold=True)
        )
        outer.addWidget(self.title)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(
            translate("Common", "Page content"),
        )
        no_tab_stop(self.scroll_area)
        self.body = QWidget(self.scroll_area)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.notices = QVBoxLayout()
        self.notices.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addLayout(self.notices)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.button_row = ButtonRow()
        outer.addLayout(self.button_row)
        self.primary: QPushButton | None = None
        self.secondary: list[QPushButton] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Tab into the body from the button row: scroll the control into view
        (the scroll area does it only for moves that start inside it)."""
        del old
        if new is not None and self.body.isAncestorOf(new):
            self._scroll_to(new)
            # Again once pending layouts are done (a control just shown).
            QTimer.singleShot(0, self, lambda: self._scroll_to(new))

    def _scroll_to(self, widget: QWidget) -> None:
        import shiboken6

        if not shiboken6.isValid(widget) or not widget.isVisible():
            return
        # Qt's default 50 px margin would cut a control nearly as tall as the
        # viewport (the technical details): less margin then.
        room = self.scroll_area.viewport().height() - widget.height()
        margin = max(0, min(50, room // 2))
        self.scroll_area.ensureWidgetVisible(widget, margin, margin)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.setAccessibleName(text)

    def add_notice(self, widget: QWidget) -> None:
        """Show ``widget`` in the page's notice area (top of the body); Tab
        reaches its controls first, in reading order."""
        widget.setParent(self.body)
        self.notices.addWidget(widget)
        self.update_tab_order()

    def set_buttons(
        self, secondary: Iterable[QPushButton], primary: QPushButton | None
    ) -> None:
        """Lay out the button row: secondary buttons on the left, primary right."""
        while self.button_row.count():  # keep the widgets: they may come back
            self.button_row.takeAt(0)
        if self.primary is not None:
            self.primary.setDefault(False)
        self.secondary = list(secondary)
        for button in self.secondary:
            button.setParent(self)
            self.button_row.addWidget(button)
        self.primary = primary
        if primary is not None:
            primary.setParent(self)
            primary.setDefault(True)
            self.button_row.addWidget(primary)
        self.update_tab_order()

    def focusables(self) -> list[QWidget]:
        """The page's focusable widgets in reading order (body first).

        Body widgets come in creation order (``findChildren`` is depth-first in
        child order), which the pages keep equal to the visual order; the
        notice area's come first, since it is at the top (added later).
        """
        items = (self.notices.itemAt(i) for i in range(self.notices.count()))
        notices = [w for i in items if i is not None and (w := i.widget()) is not None]
        top: list[QWidget] = []
        found: list[QWidget] = []
        for widget in self.body.findChildren(QWidget):
            if _takes_tab(widget) and widget.isVisibleTo(self) and widget.isEnabled():
                in_notice = any(n is widget or n.isAncestorOf(widget) for n in notices)
                (top if in_notice else found).append(widget)
        found[:0] = top
        found.extend(self.secondary)
        if self.primary is not None:
            found.append(self.primary)
        return found

    def update_tab_order(self) -> None:
        """Tab goes through the body in reading order, then the button row."""
        chain = self.focusables()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_primary(self) -> None:
        """Give the focus to the primary button (or the first control)."""
        if self.primary is not None and self.primary.isEnabled():
            self.primary.setFocus()
            return
        for widget in self.focusables():
            if widget.isEnabled():
                widget.setFocus()
                return

    def set_busy(self, busy: bool) -> None:
        """Disable the buttons while a state task runs (double clicks)."""
        for button in [*self.secondary, self.primary]:
            if button is not None:
                button.setEnabled(not busy and self.button_allowed(button))

    def button_allowed(self, button: QPushButton) -> bool:
        """Whether a button may be enabled once idle (pages override)."""
        del button
        return True

    def show_view(self, view: JourneyView) -> None:
        """Show a new journey view (pages override)."""
        del view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = qt().Key
        if event.key() in (key.Key_Return, key.Key_Enter):
            primary = self.primary
            if primary is not None and primary.isVisible() and primary.isEnabled():
                primary.click()
                event.accept()
                return
        if event.key() in (key.Key_PageUp, key.Key_PageDown):
            bar = self.scroll_area.verticalScrollBar()
            step = (
                bar.pageStep() if event.key() == key.Key_PageDown else -bar.pageStep()
            )
            bar.setValue(bar.value() + step)
            event.accept()
            return
        super().keyPressEvent(event)


def _takes_tab(widget: QWidget) -> bool:
    """Whether Tab stops on ``widget`` (without touching ``Qt`` before the paint:
    the body of the welcome page has only push buttons that take the focus)."""
    if painted():
        return bool(widget.focusPolicy() & qt().FocusPolicy.TabFocus)
    return isinstance(widget, QPushButton)
