# SPDX-License-Identifier: MIT
"""The window. A first version: it checks the device in the background and shows
the answer with its evidence. The full wizard (journey, helpdesk panel, French)
comes with the GUI issue and replaces this page."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helper import APP_NAME, BUNDLE_ID, __version__


class _DetectWorker(QObject):
    """Runs detection off the UI thread.

    Signals:
        finished: (verdict words, technical summary).
        failed: one-line error.
    """

    finished = Signal(str, str)
    failed = Signal(str)

    @Slot()
    def run(self) -> None:
        try:
            from helper import words
            from helper.catalogue import load_catalogue
            from helper.config import load_config
            from helper.detect.engine import detect
            from helper.detect.render import render_summary
            from helper.probe.live import capture_this_machine

            config = load_config(None)
            extra = config.catalogue.extra_dir
            from pathlib import Path

            catalogue = load_catalogue(Path(extra) if extra else None)
            result = detect(capture_this_machine(catalogue), catalogue)
            self.finished.emit(words.verdict(result.verdict), render_summary(result))
        except Exception as exc:  # shown to the user in one line, never a traceback
            self.failed.emit(str(exc))


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.headline = QLabel(self.tr("Checking this device…"), central)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.headline.setFont(font)
        self.progress = QProgressBar(central)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Checking progress"))
        self.details = QPlainTextEdit(central)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.hide()
        self.toggle = QPushButton(self.tr("Show technical details"), central)
        self.toggle.setCheckable(True)
        self.toggle.setEnabled(False)
        self.toggle.toggled.connect(self._on_toggle)
        for widget in (self.headline, self.progress, self.toggle, self.details):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.resize(640, 420)
        self._thread = QThread(self)
        self._worker = _DetectWorker()
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self._thread.start()

    @Slot(str, str)
    def _on_finished(self, verdict: str, summary: str) -> None:
        self.progress.hide()
        self.headline.setText(verdict)
        self.details.setPlainText(summary)
        self.toggle.setEnabled(True)
        self._thread.quit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.headline.setText(
            self.tr("The check could not finish: %1").replace("%1", message)
        )
        self._thread.quit()

    @Slot(bool)
    def _on_toggle(self, checked: bool) -> None:
        self.details.setVisible(checked)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._thread.quit()
        self._thread.wait(5000)
        super().closeEvent(event)


def run(argv: Sequence[str]) -> int:
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(BUNDLE_ID)
    window = MainWindow()
    window.show()
    window.start()
    return app.exec()
