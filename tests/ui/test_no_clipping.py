# SPDX-License-Identifier: MIT
"""No text is cut at the window's minimum size, in any language it has.

Every page, in every state the walks reach (the happy path, a blocked device,
a failed leave check, a failed join check with a failed network pre-check and
its hints), in each language ``ui.i18n`` lists and in the pseudo-translation
(``HELPER_PSEUDO_L10N=1``: every window string 40 % longer), with every "More"
fold and the technical details open (the longest each page gets). After every
click, :func:`tests.ui.clipping.clipped` looks at each visible label and
button (see there what it checks). The same walks check that each page's first
control shows without scrolling, and that Tab stops only on visible, enabled
controls, in reading order.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helper.journey import stages
from tests.ui.clipping import clipped
from tests.ui.conftest import Fakes, WindowFactory
from ui import i18n
from ui.main_window import MINIMUM_SIZE_LINES, MainWindow
from ui.pages.common import Page
from ui.pages.parts import FOLD_TOGGLE
from ui.screenshots import Autopilot

PSEUDO = "pseudo"
# (scenario, network pre-check code): the states a user can meet.
WALKS = (
    ("ws1-windows", "ok"),
    ("kandji-ade-macos", "ok"),
    ("legacy-stays-windows", "ok"),
    ("intune-absent-macos", "tls-failed"),
)


@pytest.fixture
def language(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Install the window's catalogue for the language asked (or the pseudo
    translation over English); English again afterwards."""
    lang: str = request.param
    if lang == PSEUDO:
        monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
        assert i18n.install_translators(qapp, "en") == "en"
    else:
        assert i18n.install_translators(qapp, lang) == lang
    yield lang
    monkeypatch.delenv(i18n.PSEUDO_ENV, raising=False)
    i18n.install_translators(qapp, "en")


def open_everything(window: MainWindow) -> None:
    """Open every fold and the technical details: the page at its longest."""
    page = window.current_page()
    for toggle in page.findChildren(QPushButton, FOLD_TOGGLE):
        if toggle.isVisible():
            toggle.setChecked(True)
    details = getattr(page, "details_button", None)
    if isinstance(details, QPushButton) and details.isVisible():
        details.setChecked(True)
    settle_layouts()


def settle_layouts() -> None:
    """Let the layouts settle: a label that grows asks its row, the row the
    body, the body the scroll area, each in a later round of events."""
    for _ in range(4):
        QApplication.processEvents()


def first_control_shows(page: Page) -> str:
    """The body's first action control is inside the viewport without scrolling
    ("" if so, else what is wrong)."""
    # Fold toggles only show more words; the first action is what counts
    # (the check page's first toggle: tests/ui/test_window_at_a_glance.py).
    controls = [
        w
        for w in page.focusables()
        if page.body.isAncestorOf(w)
        and isinstance(w, QPushButton)
        and w.objectName() != FOLD_TOGGLE
    ]
    if not controls:
        return ""
    first = controls[0]
    viewport = page.scroll_area.viewport()
    page.scroll_area.verticalScrollBar().setValue(0)
    bottom = first.mapTo(viewport, QPoint(0, first.height())).y()
    if bottom > viewport.height():
        return f"{page.name}: {first!r} ends at {bottom} px, below {viewport.height()}"
    return ""


def tab_stops(window: MainWindow, problems: list[str]) -> list[QWidget]:
    """The widgets Tab stops on, from the first one after the primary button,
    once round the page; a stop not visible at that moment is a problem."""
    page = window.current_page()
    assert page.primary is not None
    window.activateWindow()  # a closed dialog gave the focus back to no one
    QApplication.processEvents()
    page.primary.setFocus()
    QApplication.processEvents()
    stops: list[QWidget] = []
    for _ in range(60):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        QApplication.processEvents()
        widget = QApplication.focusWidget()
        assert widget is not None
        stops.append(widget)
        if isinstance(widget, QScrollArea):
            # A container drawn without a frame shows no focus: Tab seems lost.
            problems.append(f"{page.name}: Tab stops on {widget!r}, showing no focus")
        elif not visible_in_window(widget, page) or not widget.isEnabled():
            shown = widget.visibleRegion().boundingRect()
            problems.append(
                f"{page.name}: Tab stops on {widget!r}, not visible: {shown} of "
                f"{widget.rect()}, viewport {page.scroll_area.viewport().size()}"
            )
        if widget is page.primary:
            return stops
    names = [(type(w).__name__, getattr(w, "text", str)()) for w in stops[:8]]
    raise AssertionError(f"{page.name}: Tab never came back to the primary: {names}")


def visible_in_window(widget: QWidget, page: Page) -> bool:
    """Shown and wholly on screen (a focused control in the body is scrolled
    into view). A text box needs only its first lines on screen: Qt scrolls
    to its text cursor, as it should."""
    if not widget.isVisible():
        return False
    shown = widget.visibleRegion().boundingRect()
    if shown == widget.rect():
        return True
    if isinstance(widget, QAbstractScrollArea):
        lines = 2 * widget.fontMetrics().height()
        return shown.width() == widget.width() and shown.height() >= lines
    del page
    return False


class Inspector(Autopilot):
    """An autopilot that inspects the window after every click."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.problems: list[str] = []
        self.pages: set[str] = set()
        self.stops: dict[str, int] = {}
        self.seen: set[tuple[str, tuple[str, ...]]] = set()
        self.stages: set[str] = set()

    def click(self, button: QPushButton) -> None:
        super().click(button)
        self.inspect()

    def inspect(self) -> None:
        window = self.window
        name = window.current_page_name()
        dialog = window.pending_dialog
        if dialog is not None:  # the command confirmation, over the page
            self.problems += [f"{name} dialog: {p}" for p in clipped(dialog)]
            return
        self.pages.add(name)
        if window.controller.view is not None:
            self.stages.add(window.controller.view.stage)
        page = window.current_page()
        # The same page showing the same words (a click that changed nothing
        # visible, such as a launch the fakes ignore) was inspected already.
        texts = tuple(
            w.text()
            for w in window.findChildren(QWidget)
            if isinstance(w, QLabel | QPushButton) and w.isVisible()
        )
        if (name, texts) in self.seen:
            return
        self.seen.add((name, texts))
        problem = first_control_shows(page)
        if problem:
            self.problems.append(problem)
        self.check_tab_order()
        open_everything(window)
        self.problems += [f"{name}: {p}" for p in clipped(window)]

    def check_tab_order(self) -> None:
        window = self.window
        page = window.current_page()
        if page.primary is None or not page.primary.isEnabled():
            return
        stops = tab_stops(window, self.problems)
        name = page.name
        # Reading order: the body's controls, the secondary buttons, the
        # primary last (Tab from the primary comes round to the first).
        expected = [w for w in page.focusables() if w.isVisible() and w.isEnabled()]
        if stops != expected:
            self.problems.append(f"{name}: Tab order {stops} != {expected}")
        self.stops[name] = max(self.stops.get(name, 0), len(stops))


@pytest.mark.parametrize("language", [*i18n.LANGUAGES, PSEUDO], indirect=True)
def test_no_text_is_cut_at_the_minimum_size(
    language: str, make_window: WindowFactory, qtbot: QtBot, fakes: Fakes
) -> None:
    # Plan texts exist in English and French; the longer French for pseudo.
    plan_lang = "fr" if language == PSEUDO else language
    seen: set[str] = set()
    stages_seen: set[str] = set()
    problems: list[str] = []
    for scenario, network in WALKS:
        fakes.check_codes["network"] = network
        window = make_window(scenario, lang=plan_lang)
        window.resize(window.minimumSize())
        QApplication.processEvents()
        line = window.fontMetrics().height()
        assert window.size().width() == line * MINIMUM_SIZE_LINES[0]
        assert window.size().height() == line * MINIMUM_SIZE_LINES[1]
        inspector = Inspector(window)
        inspector.inspect()  # the welcome page
        inspector.walk()
        seen |= inspector.pages
        stages_seen |= inspector.stages
        problems += [f"{scenario}: {p}" for p in inspector.problems]
        window.close()
    assert seen == {"welcome", "check", "leave", "join", "done", "contact-it"}
    assert stages_seen == set(stages.stage_ids())  # every stage of the table
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_finder_reports_a_cut_text(qtbot: QtBot) -> None:
    """The check can fail: a word too long for its label, a button too narrow
    for its text, a label taller than the space it gets."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(200, 120)
    word = QLabel("Donaudampfschifffahrtsgesellschaftskapitänsmütze", window)
    word.setWordWrap(True)
    word.setGeometry(0, 0, 120, 40)
    button = QPushButton("Continuer là où vous vous étiez arrêté", window)
    button.setGeometry(0, 40, 80, 30)
    tall = QLabel("one two three four five six seven eight nine ten", window)
    tall.setWordWrap(True)
    tall.setGeometry(0, 70, 60, 20)
    fits = QLabel("OK", window)
    fits.setGeometry(150, 0, 40, 30)
    window.show()
    qtbot.waitExposed(window)
    problems = clipped(window)
    assert len(problems) == 3, problems
    assert "wider than the label" in problems[0]
    assert "Continuer" in problems[1] and "px of width" in problems[1]
    assert "px of height" in problems[2]
    # An ancestor that cuts a label that would fit on its own.
    inner = QWidget(window)
    inner.setGeometry(0, 90, 50, 30)
    outside = QLabel("x", inner)
    outside.setGeometry(40, 0, 30, 20)
    inner.show()
    outside.show()
    assert any("cut by QWidget" in p for p in clipped(window))


def test_the_tab_check_reports_a_stop_without_focus(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """The check can fail: the page's scroll area as a Tab stop again (what the
    window did before: Tab seemed to vanish there)."""
    window = make_window("ws1-windows")
    inspector = Inspector(window)
    inspector.click(window.pages["welcome"].primary)  # type: ignore[arg-type]
    assert inspector.problems == []
    page = window.current_page()
    page.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    QWidget.setTabOrder(page.primary, page.scroll_area)
    inspector.check_tab_order()
    assert any("showing no focus" in p for p in inspector.problems)
    assert any("Tab order" in p for p in inspector.problems)
