# SPDX-License-Identifier: MIT
"""The happy path with the keyboard only: Tab, Space and Enter, nothing else.

Also the accessibility basics every page must have: accessible names on every
button, a primary button that Enter presses, mnemonics on the page buttons,
and a tab order that reaches every button and ends on the primary.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Fakes, WindowFactory, settle
from ui.main_window import MainWindow
from ui.pages.common import Page

MAX_TABS = 40


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    target = focused() or window
    QTest.keyClick(target, key)
    settle(qtbot)


def tab_to(qtbot: QtBot, window: MainWindow, button: QPushButton) -> None:
    """Press Tab until ``button`` has the focus."""
    for _ in range(MAX_TABS):
        if focused() is button:
            return
        press(qtbot, window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {button.text()!r} (at {focused()!r})")


def test_keyboard_only_happy_path(
    make_window: WindowFactory, qtbot: QtBot, fakes: Fakes
) -> None:
    window = make_window("ws1-windows")
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert focused() is window.pages["welcome"].primary

    press(qtbot, window, Qt.Key.Key_Return)  # Start
    assert window.current_page_name() == "check"
    assert focused() is window.current_page().primary
    press(qtbot, window, Qt.Key.Key_Return)  # Begin
    assert window.current_page_name() == "leave"

    page = window.current_page()
    open_settings = page.step_buttons()["ws1-uninstall-hub-settings"]  # type: ignore[attr-defined]
    tab_to(qtbot, window, open_settings)
    press(qtbot, window, Qt.Key.Key_Space)
    assert fakes.opened == ["ms-settings:appsfeatures"]
    # After the launch the focus is back on the primary button.
    tab_to(qtbot, window, window.current_page().primary)  # type: ignore[arg-type]
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page_name() == "join"

    page = window.current_page()
    enroll = page.step_buttons()["intune-connect"]  # type: ignore[attr-defined]
    tab_to(qtbot, window, enroll)
    press(qtbot, window, Qt.Key.Key_Space)
    assert fakes.opened[-1].startswith("ms-device-enrollment:")
    tab_to(qtbot, window, window.current_page().primary)  # type: ignore[arg-type]
    press(qtbot, window, Qt.Key.Key_Enter)  # the keypad's Enter works too
    assert window.current_page_name() == "done"
    assert window.pages_shown == ["welcome", "check", "leave", "join", "done"]

    assert focused() is window.current_page().primary  # Close
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_enter_presses_the_primary_button_from_anywhere_on_the_page(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("intune-macos")
    page = window.current_page()
    page.setFocus()
    QTest.keyClick(page, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.current_page_name() == "check"


def test_every_page_is_accessible(make_window: WindowFactory, qtbot: QtBot) -> None:
    """Walk ws1-windows and kandji; check each page as it shows."""
    from ui.screenshots import Autopilot

    checked: set[str] = set()

    def audit(window: MainWindow) -> None:
        page = window.current_page()
        assert isinstance(page, Page)
        assert page.accessibleName(), page.name
        assert page.primary is not None, page.name
        assert page.primary.isDefault()
        for button in page.findChildren(QPushButton):
            assert button.accessibleName(), (page.name, button.text())
            assert "&" not in button.accessibleName()
        keys = []
        for button in [*page.secondary, page.primary]:
            if button.isVisible():
                text = button.text().replace("&&", "")
                assert "&" in text, (page.name, button.text())  # a mnemonic
                keys.append(text[text.index("&") + 1].lower())
        for button in page.findChildren(QPushButton):  # body buttons with one
            text = button.text().replace("&&", "")
            if button.isVisible() and "&" in text and button not in page.secondary:
                if button is not page.primary:
                    keys.append(text[text.index("&") + 1].lower())
        assert len(keys) == len(set(keys)), (page.name, keys)  # no clash
        chain = [w for w in page.focusables() if w.isVisible() and w.isEnabled()]
        assert chain[-1] is page.primary
        # Tab from the first control walks the chain in order.
        widget = chain[0]
        for expected in chain[1:]:
            widget = widget.nextInFocusChain()
            while not (widget.isVisible() and widget.isEnabled()) or not (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget = widget.nextInFocusChain()
            assert widget is expected, (page.name, widget, expected)
        checked.add(page.name)

    for scenario in ("ws1-windows", "kandji-ade-macos"):
        window = make_window(scenario)
        Autopilot(window).walk(lambda name, w=window: audit(w))
        window.close()
    assert checked == {"welcome", "check", "leave", "join", "done", "contact-it"}
