# SPDX-License-Identifier: MIT
"""Unexpected exceptions: logged, one dialog with "Copy details", no storms."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from collections.abc import Iterator
from types import TracebackType

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from helper.logsetup import log_file
from ui import errors

TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZUBjb250b3NvIn0.c2lnbmF0dXJlcGFydA"


@pytest.fixture
def hooks(qapp: QApplication) -> Iterator[QApplication]:
    """Our hooks installed for one test, then the previous ones back."""
    before = (sys.excepthook, threading.excepthook)
    errors.install_excepthook(qapp)
    yield qapp
    dialog = errors.current_dialog()
    if dialog is not None:
        dialog.reject()
    errors.uninstall_excepthook()
    assert (sys.excepthook, threading.excepthook) == before


def raised(
    exc: BaseException,
) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_excepthook_logs_and_shows_a_dialog(
    hooks: QApplication, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    with caplog.at_level(logging.ERROR, logger="ui.errors"):
        sys.excepthook(*raised(ValueError(f"Bearer {TOKEN} refused")))
    qtbot.waitUntil(lambda: errors.current_dialog() is not None)
    dialog = errors.current_dialog()
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Unexpected error"
    assert "Something went wrong" in dialog.message.text()
    # The window stays usable: the dialog is not modal.
    assert not dialog.isModal()
    assert window.isEnabled()
    # Logged with the traceback (handlers redact; the record keeps exc_info).
    record = next(r for r in caplog.records if r.name == "ui.errors")
    assert record.exc_info is not None
    # Details: traceback + versions, redacted.
    details = dialog.details_text()
    assert "Traceback (most recent call last)" in details
    assert "ValueError" in details
    assert "PySide6" in details and "Python" in details
    assert TOKEN not in details
    assert "[redacted]" in details
    dialog.copy_button.click()
    clipboard = QApplication.clipboard().text()
    assert clipboard == details
    assert TOKEN not in clipboard


def test_details_are_hidden_until_asked(hooks: QApplication, qtbot: QtBot) -> None:
    dialog = errors.show_error(None, "Title", "Text", "the details")
    qtbot.addWidget(dialog)
    assert not dialog.details.isVisible()
    dialog.toggle.click()
    assert dialog.details.isVisible()
    assert dialog.toggle.text() == "Hide &details"


def test_no_dialog_storm(hooks: QApplication, qtbot: QtBot) -> None:
    for n in range(7):
        sys.excepthook(*raised(RuntimeError(f"failure {n}")))
    qtbot.waitUntil(lambda: (d := errors.current_dialog()) is not None and d.count == 7)
    dialog = errors.current_dialog()
    assert dialog is not None
    open_dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, errors.ErrorDialog) and w.isVisible()
    ]
    assert open_dialogs == [dialog]
    assert "This happened 7 time" in dialog.repeats.text()  # plural: test_i18n
    assert dialog.details_text().count("Traceback") == errors.MAX_DETAILS
    # Once closed, the next error opens a new dialog.
    dialog.reject()
    assert errors.current_dialog() is None
    sys.excepthook(*raised(RuntimeError("later")))
    qtbot.waitUntil(lambda: errors.current_dialog() is not None)
    assert errors.current_dialog() is not dialog


def test_worker_thread_exception_reaches_the_gui_thread(
    hooks: QApplication, qtbot: QtBot
) -> None:
    def work() -> None:
        raise KeyError("from a worker")

    thread = threading.Thread(target=work, name="helper-test-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: errors.current_dialog() is not None)
    dialog = errors.current_dialog()
    assert dialog is not None
    assert dialog.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    assert "thread helper-test-worker" in dialog.details_text()
    assert "KeyError" in dialog.details_text()


def test_msal_browser_timeout_is_only_logged(
    hooks: QApplication, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def sign_in() -> None:
        raise RuntimeError("Timeout. No auth response arrived.")

    with caplog.at_level(logging.INFO, logger="ui.errors"):
        thread = threading.Thread(target=sign_in, name="msal-loopback")
        thread.start()
        thread.join()
        qtbot.wait(50)
    assert errors.current_dialog() is None
    assert "browser sign-in timed out" in caplog.text


def test_keyboard_interrupt_keeps_the_default_behaviour(
    hooks: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda t, v, tb: seen.append(t))
    sys.excepthook(*raised(KeyboardInterrupt()))
    assert seen == [KeyboardInterrupt]
    assert errors.current_dialog() is None


def test_faulthandler_writes_to_the_log_folder(hooks: QApplication) -> None:
    assert faulthandler.is_enabled()
    assert (log_file().parent / errors.CRASH_LOG).is_file()


def test_msal_timeout_recognised_exactly() -> None:
    assert errors.is_msal_browser_timeout(
        RuntimeError("Timeout. No auth response arrived.")
    )
    assert not errors.is_msal_browser_timeout(RuntimeError("Timeout."))
    assert not errors.is_msal_browser_timeout(
        ValueError("Timeout. No auth response arrived.")
    )


def test_dialog_deleted_with_its_window_is_replaced(
    hooks: QApplication, qtbot: QtBot
) -> None:
    window = QMainWindow()
    window.show()
    first = errors.show_error(window, "Title", "Text", "one")
    window.deleteLater()
    qtbot.waitUntil(lambda: not errors._usable(first))
    second = errors.show_error(None, "Title", "Text", "two")
    qtbot.addWidget(second)
    assert second is not first
    assert second.count == 1
