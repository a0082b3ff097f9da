# SPDX-License-Identifier: MIT
"""Unexpected exceptions: logged, then shown in one dialog with "Copy details".

:func:`install_excepthook` replaces :data:`sys.excepthook` (exceptions raised in
slots and event handlers end there in PySide6) and :data:`threading.excepthook`
(worker threads), and points :mod:`faulthandler` at ``crash.log`` in the log
folder (a hard crash leaves the Python stacks there).

What happens to an exception:

- it is logged with its traceback (``helper.logsetup.RedactingFilter`` blanks
  tokens before any handler writes it);
- a non-modal dialog says something went wrong, with "Copy details" (the
  traceback and versions, redacted again) for helpdesk; the window stays
  usable: the failed action is lost, not the session;
- at most one dialog at a time: while it is open, further exceptions only add
  to its count and its details (no dialog storm from a failing timer);
- from a worker thread, the dialog is created on the GUI thread (a queued
  signal), never on the worker;
- msal's interactive sign-in thread raises ``RuntimeError("Timeout. No auth
  response arrived.")`` when the user never finishes in the browser: expected,
  logged, never shown.

Modelled on Anki's ``aqt/errors.py`` and qutebrowser's ``crashsignal.py``
(STYLE §3.13).
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import IO, Final

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helper.logsetup import redact

log = logging.getLogger(__name__)

# msal's loopback server thread gives up with this when the browser sign-in is
# never completed (msal/oauth2cli/authcode.py); the sign-in code handles it.
MSAL_BROWSER_TIMEOUT: Final = "Timeout. No auth response arrived."
CRASH_LOG: Final = "crash.log"
MAX_DETAILS: Final = 5  # tracebacks kept in one dialog

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def versions() -> str:
    """Versions for a bug report: helper, Python, Qt, OS (no user data)."""
    import PySide6
    from PySide6.QtCore import qVersion

    from helper import APP_NAME, __version__

    return "\n".join(
        (
            f"{APP_NAME} {__version__}",
            f"Python {platform.python_version()} ({sys.platform})",
            f"PySide6 {PySide6.__version__}, Qt {qVersion()}",
            f"OS {platform.platform()}",
            f"Frozen: {bool(getattr(sys, 'frozen', False))}",
        )
    )


def format_details(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    where: str = "",
) -> str:
    """The traceback plus versions, redacted (what "Copy details" copies)."""
    lines = traceback.format_exception(exc_type, exc, tb)
    header = f"Unexpected error{f' in {where}' if where else ''}:\n"
    return redact(header + "".join(lines).rstrip() + "\n\n" + versions())


def is_msal_browser_timeout(exc: BaseException) -> bool:
    """msal's "no auth response" timeout, which only means "user gave up"."""
    return isinstance(exc, RuntimeError) and str(exc).strip() == MSAL_BROWSER_TIMEOUT


class ErrorDialog(QDialog):
    """The "something went wrong" dialog: the message, a count of repeats, the details
    (collapsed) and "Copy details".

    Args:
        parent: the window it belongs to (None: top level).
        title: the window title.
        text: one or two sentences for the user.
        details: technical details (redacted) for helpdesk.
    """

    def __init__(
        self, parent: QWidget | None, title: str, text: str, details: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.count = 1
        self._details: list[str] = [details]
        layout = QVBoxLayout(self)
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.repeats = QLabel(self)
        self.repeats.hide()
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )
        self.details.setPlainText(details)
        self.details.hide()
        self.toggle = QPushButton(self.tr("Show &details"), self)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton(
            self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self._on_copy)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.message)
        layout.addWidget(self.repeats)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 220)

    def details_text(self) -> str:
        """Every traceback this dialog holds, oldest first."""
        return "\n\n".join(self._details)

    def add_repeat(self, details: str) -> None:
        """Another exception while this dialog is open: count it, keep its details."""
        self.count += 1
        if len(self._details) < MAX_DETAILS and details not in self._details:
            self._details.append(details)
            self.details.setPlainText(self.details_text())
        self.repeats.setText(
            self.tr("This happened %n time(s) so far.", "", self.count)
        )
        self.repeats.show()

    def done(self, result: int) -> None:
        """Closed: the next exception opens a new dialog."""
        global _current  # noqa: PLW0603 - one dialog per process
        if _current is self:
            _current = None
        super().done(result)

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        self.details.setVisible(checked)
        self.toggle.setText(
            self.tr("Hide &details") if checked else self.tr("Show &details")
        )

    @Slot()
    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())


_current: ErrorDialog | None = None


def current_dialog() -> ErrorDialog | None:
    """The error dialog open now, if any."""
    return _current


def _usable(dialog: ErrorDialog) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(dialog)) and dialog.isVisible()


def show_error(
    parent: QWidget | None, title: str, text: str, details: str
) -> ErrorDialog:
    """Show the error dialog, or count a repeat in the one already open.

    Non-modal: the window stays usable. Returns the dialog shown.
    """
    global _current  # noqa: PLW0603 - one dialog per process
    details = redact(details)
    if _current is not None and not _usable(_current):
        _current = None  # deleted with its parent window, or hidden
    if _current is not None:
        _current.add_repeat(details)
        _current.raise_()
        return _current
    dialog = ErrorDialog(parent, title, text, details)
    _current = dialog
    dialog.show()
    dialog.raise_()
    return dialog


class _Relay(QObject):
    """Carries an exception's texts to the GUI thread.

    Signals:
        raised: (title, text, details); queued when emitted from a worker.
    """

    raised = Signal(str, str, str)

    @Slot(str, str, str)
    def show(self, title: str, text: str, details: str) -> None:
        show_error(QApplication.activeWindow(), title, text, details)


class _Hooks:
    """What :func:`install_excepthook` replaced, to put back."""

    def __init__(self) -> None:
        self.relay: _Relay | None = None
        self.sys_hook: Callable[..., object] | None = None
        self.thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self.crash_file: IO[str] | None = None
        self.faulthandler_was_enabled = False


_hooks = _Hooks()


def _texts() -> tuple[str, str]:
    title = QCoreApplication.translate("ErrorDialog", "Unexpected error")
    text = QCoreApplication.translate(
        "ErrorDialog",
        "Something went wrong. You can keep using the helper; if this happens "
        "again, contact your IT support and give them the details "
        "(“Copy details”).",
    )
    return title, text


def report_exception(info: ExcInfo, *, where: str = "") -> None:
    """Log an unexpected exception and show it (from any thread)."""
    exc_type, exc, tb = info
    log.error("unexpected error%s", f" in {where}" if where else "", exc_info=info)
    relay = _hooks.relay
    if relay is None or QCoreApplication.instance() is None:
        return
    title, text = _texts()
    relay.raised.emit(title, text, format_details(exc_type, exc, tb, where=where))


def _sys_excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        report_exception((exc_type, exc, tb))
    except Exception:  # the hook must never raise: fall back to stderr
        sys.__excepthook__(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    where = f"thread {args.thread.name}" if args.thread is not None else "a thread"
    if is_msal_browser_timeout(args.exc_value):
        log.info("%s: browser sign-in timed out (%s)", where, args.exc_value)
        return
    try:
        report_exception(
            (args.exc_type, args.exc_value, args.exc_traceback), where=where
        )
    except Exception:
        sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)


def enable_faulthandler() -> str | None:
    """Dump Python stacks to ``crash.log`` in the log folder on a hard crash.

    Returns the file's path, or None when it cannot be opened (a read-only
    home must not stop the window).
    """
    from helper.logsetup import log_file

    path = log_file().with_name(CRASH_LOG)
    try:
        # Kept open for the life of the process: faulthandler writes to its fd.
        handle = path.open("a", encoding="utf-8")
    except OSError as exc:
        log.warning("cannot open %s for crash dumps: %s", path, exc)
        return None
    if _hooks.crash_file is not None:
        _hooks.crash_file.close()
    _hooks.crash_file = handle
    faulthandler.enable(file=handle, all_threads=True)
    return str(path)


def install_excepthook(app: QCoreApplication) -> None:
    """Route unexpected exceptions to the log and the error dialog.

    Call it once the application exists (the relay lives on the GUI thread).
    """
    if _hooks.relay is None:
        _hooks.sys_hook = sys.excepthook
        _hooks.thread_hook = threading.excepthook
        _hooks.faulthandler_was_enabled = faulthandler.is_enabled()
    relay = _Relay(app)
    relay.raised.connect(relay.show)
    _hooks.relay = relay
    sys.excepthook = _sys_excepthook
    threading.excepthook = _thread_excepthook
    enable_faulthandler()


def uninstall_excepthook() -> None:
    """Put back what :func:`install_excepthook` replaced (tests, shutdown)."""
    if _hooks.relay is None:
        return
    if _hooks.sys_hook is not None:
        sys.excepthook = _hooks.sys_hook
    if _hooks.thread_hook is not None:
        threading.excepthook = _hooks.thread_hook
    faulthandler.disable()
    if _hooks.crash_file is not None:
        _hooks.crash_file.close()
        _hooks.crash_file = None
    if _hooks.faulthandler_was_enabled and sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__)
    _hooks.relay.deleteLater()
    _hooks.relay = None


__all__ = [
    "MSAL_BROWSER_TIMEOUT",
    "ErrorDialog",
    "current_dialog",
    "format_details",
    "install_excepthook",
    "is_msal_browser_timeout",
    "report_exception",
    "show_error",
    "uninstall_excepthook",
    "versions",
]
