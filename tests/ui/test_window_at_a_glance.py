# SPDX-License-Identifier: MIT
"""The window at a glance: how far along the user is, each step a row with its
status and its detail folded away, and each hint said once.

Real windows on simulated devices, real clicks and keys (tests/ui/conftest.py).
No text cut and the Tab order: tests/ui/test_no_clipping.py.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Fakes, WindowFactory, click, settle
from ui import words
from ui.main_window import MainWindow
from ui.pages.common import Page
from ui.pages.parts import SYMBOLS, StatusIcon, split_summary
from ui.pages.steps import StagePage, StepRow
from ui.progress import CURRENT, DONE, TO_COME


def primary(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.current_page().primary


def test_progress_says_what_is_done_current_and_to_come(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("ws1-windows")
    strip = window.strip
    assert strip.pages == ["welcome", "check"]  # before the plan is known
    click(qtbot, primary(window))  # Start
    # The plan's path, from the stage table: check, leave, join, done.
    assert strip.pages == ["welcome", "check", "leave", "join", "done"]
    assert strip.states == [DONE, CURRENT, TO_COME, TO_COME, TO_COME]
    text = strip.label.text()
    assert "✓ Welcome" in text and "● Check this device" in text
    assert "○ Leave Workspace ONE (AirWatch)" in text and "○ Done" in text
    assert strip.accessibleDescription() == (
        "Step 2 of 5: Check this device. Done: Welcome. Still to come: "
        "Leave Workspace ONE (AirWatch), Join Intune, Done."
    )
    assert strip.bar.states == strip.states  # the bar says the same
    click(qtbot, primary(window))  # Begin
    assert strip.states == [DONE, DONE, CURRENT, TO_COME, TO_COME]
    assert strip.accessibleDescription().startswith("Step 3 of 5: Leave")


def test_a_blocked_device_shows_contact_it_as_its_stage(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("kandji-ade-macos")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Continue
    assert window.current_page_name() == "contact-it"
    assert window.strip.pages[-1] == "contact-it"
    assert window.strip.states[-1] == CURRENT
    assert "● Contact IT" in window.strip.label.text()


def test_contact_it_follows_the_last_page_reached(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Sent to IT from the leave page: joining is still to come, not done."""
    window = make_window("legacy-stays-windows", max_attempts=1)
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Begin
    click(qtbot, primary(window))  # I've done it: still there, out of checks
    assert window.current_page_name() == "contact-it"
    strip = window.strip
    assert strip.pages == ["welcome", "check", "leave", "contact-it", "join", "done"]
    assert strip.states == [DONE, DONE, DONE, CURRENT, TO_COME, TO_COME]


def test_every_status_has_a_mark_and_words() -> None:
    statuses = ("pending", "running", "done", "failed", "needs-it", "skipped")
    marks = set()
    for status in statuses:
        icon = StatusIcon(status)
        assert icon.text() == SYMBOLS[status]
        assert icon.accessibleName() == words.step_status(status)
        assert icon.toolTip() == icon.accessibleName()
        assert "Unexpected" not in icon.accessibleName()
        marks.add(icon.text())
        icon.deleteLater()
    assert len(marks) == len(statuses)  # told apart without colour


def test_a_step_row_folds_its_detail_for_mouse_and_keyboard(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes
) -> None:
    window = make_window("ws1-windows")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Begin
    click(qtbot, primary(window))  # leave: done
    settle(qtbot)
    page = window.current_page()
    assert isinstance(page, StagePage) and page.name == "join"
    passed = next(r for r in page.rows if r.step.id == "intune-check-network")
    assert passed.icon.status == "done" and "Passed" in passed.icon.accessibleName()
    row = next(r for r in page.rows if r.step.id == "intune-connect")
    assert row.icon.accessibleName() == "to do"
    assert row.fold is not None and row.detail is not None
    toggle, detail = row.fold.button, row.detail
    assert toggle.isVisible() and not detail.isVisible()
    assert toggle.accessibleName() == "More"
    assert toggle.accessibleDescription() == row.label.text()
    # The first sentence shows; the rest is one click away.
    assert row.full_text().startswith(row.label.text())
    assert detail.text() not in row.label.text()

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert detail.isVisible() and toggle.isChecked()
    assert "Less" in toggle.text()
    toggle.setFocus()
    QTest.keyClick(toggle, Qt.Key.Key_Space)
    assert not detail.isVisible() and not toggle.isChecked()
    QTest.keyClick(toggle, Qt.Key.Key_Space)
    assert detail.isVisible()

    # The action button comes before the fold in the Tab order.
    assert row.button is not None
    chain = page.focusables()
    assert chain.index(row.button) < chain.index(toggle)


def test_a_failed_check_shows_why_and_each_hint_once(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes
) -> None:
    """A Mac whose network check fails and whose enrollment never shows: the
    network hints were shown twice (under the check's row and in the failure
    card, which gathered the hints of every step). Now each shows once."""
    fakes.check_codes["network"] = "tls-failed"
    window = make_window("intune-absent-macos")
    click(qtbot, primary(window))  # Start
    click(qtbot, primary(window))  # Begin
    click(qtbot, primary(window))  # leave: done
    settle(qtbot)
    click(qtbot, primary(window))  # join: Intune does not show up
    view = window.controller.view
    assert view is not None and view.retry and view.stage == "confirm-joined"
    page = window.current_page()
    assert isinstance(page, StagePage)
    network = next(r for r in page.rows if r.step.id == "intune-check-network")
    assert network.icon.status == "failed"
    assert network.icon.accessibleName() == "did not work"
    assert network.fold is not None and network.fold.is_open()  # hints not hidden
    bullets = [
        label.text()
        for label in page.findChildren(QLabel)
        if label.isVisible() and label.text().startswith("• ")
    ]
    repeated = [text for text, n in Counter(bullets).items() if n > 1]
    assert not repeated
    assert any("Wi-Fi or VPN" in text for text in bullets)  # the network's
    assert any("Enrollment can take a few minutes" in text for text in bullets)
    # The failure card says what went wrong, the intro does not repeat it.
    assert not page.intro.isVisible()
    assert page.failure_text.text() == words.journey_code(view.code)


def test_the_check_page_lists_before_you_start_as_a_checklist(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("ws1-windows")
    click(qtbot, primary(window))  # Start
    page = window.current_page()
    rows: list[StepRow] = page.checklist  # type: ignore[attr-defined]
    view = window.controller.view
    assert view is not None
    prepare = [s for s in view.plan.steps if s.stage == "prepare"]
    assert [r.step.id for r in rows] == [s.id for s in prepare]
    for row in rows:
        assert row.button is None and row.icon.status == "pending"
        summary, _ = split_summary(row.full_text())
        assert row.label.text() == summary
        if row.fold is not None:  # the rest is folded away
            assert not row.fold.content.isVisible()
    # The first checklist item's "More" is the page's first control, and it
    # shows without scrolling at the minimum size (seven paragraphs came
    # before the first button).
    first = page.focusables()[0]
    assert first is next(r.fold.button for r in rows if r.fold is not None)
    window.resize(window.minimumSize())
    QApplication.processEvents()
    viewport = page.scroll_area.viewport()
    assert first.mapTo(viewport, QPoint(0, first.height())).y() <= viewport.height()


@given(st.text(max_size=300))
def test_split_summary_keeps_every_word(text: str) -> None:
    summary, rest = split_summary(text)
    assert (summary + " " + rest).split() == text.split()
    if text.strip():
        assert summary.strip()
    if rest:
        assert summary[-1] in ".:!?"


def test_split_summary_on_playbook_sentences() -> None:
    assert split_summary("Save your work. Then restart, and sign in again.") == (
        "Save your work.",
        "Then restart, and sign in again.",
    )
    # A short rest is not worth a fold (and a support code must show).
    assert split_summary("Give IT your support code: K7Q4-M2XD.") == (
        "Give IT your support code: K7Q4-M2XD.",
        "",
    )
    assert split_summary(
        "Wi-Fi will stop working: connect another way, with your phone."
    ) == ("Wi-Fi will stop working:", "connect another way, with your phone.")
    # French: a no-break space before the colon stays with the first part.
    assert split_summary("Laissez-le activé\u00a0: ne déchiffrez pas le disque.") == (
        "Laissez-le activé\u00a0:",
        "ne déchiffrez pas le disque.",
    )
    assert split_summary("One sentence only.") == ("One sentence only.", "")
    assert split_summary("Version 1.2 is fine") == ("Version 1.2 is fine", "")
    semicolon = "IT deletes the record; you have nothing to do for that."
    assert split_summary(semicolon) == (semicolon, "")


def test_a_page_has_a_place_for_extra_notices(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """What other parts add (a pre-flight warning, the next reminder...) shows
    above the page's own content, and Tab reaches its button first."""
    window = make_window("ws1-windows")
    click(qtbot, primary(window))  # Start
    page = window.current_page()
    notice = QLabel("The Wi-Fi you are on now will disappear.")
    page.add_notice(notice)
    button = QPushButton("Open Wi-Fi settings")
    page.add_notice(button)
    QApplication.processEvents()
    assert notice.isVisible() and button.isVisible()
    assert notice.mapTo(page.body, QPoint(0, 0)).y() == 0  # at the top
    assert page.focusables()[0] is button


def test_the_button_row_wraps_and_keeps_the_primary_at_the_right(
    qtbot: QtBot,
) -> None:
    page = Page()
    qtbot.addWidget(page)
    buttons = [QPushButton(f"Secondary button number {i}") for i in range(3)]
    primary_button = QPushButton("The primary button")
    page.set_buttons(buttons, primary_button)
    page.show()
    wide = sum(b.sizeHint().width() for b in [*buttons, primary_button]) + 100
    for width in (wide, wide // 2, buttons[0].sizeHint().width() + 30):
        page.resize(width, 400)
        QApplication.processEvents()
        right = page.contentsRect().right() - page.layout().contentsMargins().right()
        assert abs(primary_button.geometry().right() - right) <= 1, width
        for button in [*buttons, primary_button]:
            assert button.width() >= button.sizeHint().width(), (width, button.text())
            assert button.geometry().right() <= right + 1
        tops = {b.geometry().top() for b in [*buttons, primary_button]}
        assert (len(tops) == 1) == (width == wide)  # one row only when it fits
    # Tab still goes left to right, then to the primary.
    assert page.focusables() == [*buttons, primary_button]
