# SPDX-License-Identifier: MIT
"""The helpdesk panel (Ctrl+Shift+H): what helpdesk needs during a call.

- The **support code**, large and spaced, to be read over the phone.
- **Overview**: where the journey is (stage, path, verdict, warnings), or "no
  journey yet" when the window has not checked the device.
- **Detection**: the last detection as JSON (``detection/1``).
- **Journey**: the journey snapshot (:class:`~helper.journey.engine.JourneyView`)
  as JSON, the plan included.
- **Log**: the last 200 lines of the log file (redacted when written, redacted
  again here).
- **Replay**: a capture a user sent, opened read-only: its detection and the
  steps that device would get (nothing on this machine changes).

Buttons: "Copy diagnostics" (support code, versions, OS, verdict, warnings,
where each configuration key came from: never a configuration *value*, so no
tenant secret or token); "Export capture (.zip)…" (this machine's evidence,
captured in the background); "Open a capture…" (the replay).

What the panel shows and exports is computed without widgets in
:mod:`helper.helpdesk`. Nothing here raises at the user: a file that is not a
capture, an unreadable log or an invalid configuration each give one line
saying what was wrong.
See docs/helpdesk.md.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from helper.helpdesk import (
    Replay,
    diagnostics_text,
    export_capture,
    live_capture,
    log_tail,
    one_line,
    preflight_lines,
    replay_capture,
    to_json,
    view_json,
)
from helper.logsetup import log_file
from ui.i18n import current_language
from ui.tasks import run_in_background

if TYPE_CHECKING:
    from helper.capture.model import Capture
    from helper.catalogue import Catalogue
    from helper.config.model import Config
    from helper.journey.engine import JourneyView
    from helper.journey.playbooks import PlaybookSet

log = logging.getLogger(__name__)

SHORTCUT: Final = QKeySequence("Ctrl+Shift+H")


# --- the panel ------------------------------------------------------------------------


class HelpdeskPanel(QDialog):
    """The helpdesk panel.

    Args:
        parent: the main window.
        view: the journey snapshot; None when there is no journey yet.
        config: IT's configuration; None loads it (defaults when invalid).
        config_path: the ``--config`` file, for "where each key came from".
        catalogue: the vendor catalogue; None loads it when first needed.
        playbooks: the playbooks; None loads them when first needed.
        capture_fn: captures this machine (runs off the GUI thread); None for
            the live probe.

    Signals:
        export_finished: (path) the capture was written.
        export_failed: (message) one line saying why it was not.
        replay_finished: (origin) a capture was opened and planned.
        replay_failed: (message) one line saying what was wrong with it.
    """

    export_finished = Signal(str)
    export_failed = Signal(str)
    replay_finished = Signal(str)
    replay_failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        view: JourneyView | None = None,
        config: Config | None = None,
        config_path: Path | None = None,
        catalogue: Catalogue | None = None,
        playbooks: PlaybookSet | None = None,
        capture_fn: Callable[[], Capture] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Helpdesk"))
        self._config = config if config is not None else _load_config(config_path)
        self._config_path = config_path
        self._catalogue = catalogue
        self._playbooks = playbooks
        self._capture_fn = capture_fn
        self._view: JourneyView | None = None
        self._busy = 0
        self.replay: Replay | None = None
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # Support code: big, spaced, selectable.
        code_caption = QLabel(self.tr("Support code"), self)
        self.code_label = QLabel(self)
        code_font = QFont(mono)
        code_font.setPointSizeF(max(code_font.pointSizeF(), 10.0) * 2.4)
        code_font.setBold(True)
        code_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
        self.code_label.setFont(code_font)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setAccessibleName(self.tr("Support code"))
        code_caption.setBuddy(self.code_label)
        self.copy_code_button = QPushButton(self.tr("Copy code"), self)
        self.copy_code_button.clicked.connect(self._on_copy_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label, 1)
        code_row.addWidget(self.copy_code_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.tabs = QTabWidget(self)
        self.overview = self._text_box(self.tr("Overview"), mono=None)
        self.detection_text = self._text_box(self.tr("Detection (JSON)"), mono=mono)
        self.journey_text = self._text_box(self.tr("Journey (JSON)"), mono=mono)
        log_page = QWidget(self)
        log_layout = QVBoxLayout(log_page)
        self.log_text = self._text_box(self.tr("Log"), mono=mono)
        self.log_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        refresh = QPushButton(self.tr("&Refresh the log"), log_page)
        refresh.clicked.connect(self.refresh_log)
        log_layout.addWidget(self.log_text, 1)
        log_layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.detection_text, self.tr("Detection"))
        self.tabs.addTab(self.journey_text, self.tr("Journey"))
        self.tabs.addTab(log_page, self.tr("Log"))
        replay_page = QWidget(self)
        replay_layout = QVBoxLayout(replay_page)
        self.replay_message = QLabel(
            self.tr(
                "Open a capture a user sent (“Open a capture…”) to see what "
                "their device shows and the steps it would get."
            ),
            replay_page,
        )
        self.replay_message.setWordWrap(True)
        self.replay_message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.replay_steps = self._text_box(self.tr("Steps"), mono=None)
        self.replay_detection = self._text_box(
            self.tr("Detection of the capture (JSON)"), mono=mono
        )
        replay_layout.addWidget(self.replay_message)
        replay_layout.addWidget(self.replay_steps, 1)
        replay_layout.addWidget(self.replay_detection, 1)
        self.replay_index = self.tabs.addTab(replay_page, self.tr("Replay"))

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Working"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.copy_button = self.buttons.addButton(self.tr("Copy &diagnostics"), role)
        self.export_button = self.buttons.addButton(
            self.tr("&Export capture (.zip)…"), role
        )
        self.open_button = self.buttons.addButton(self.tr("&Open a capture…"), role)
        self.copy_button.clicked.connect(self.copy_diagnostics)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(code_caption)
        layout.addLayout(code_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 620)
        self.set_view(view)
        self.refresh_log()

    def _text_box(self, name: str, *, mono: QFont | None) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setReadOnly(True)
        box.setAccessibleName(name)
        if mono is not None:
            box.setFont(mono)
        # Tab moves focus on, as everywhere else in the dialog.
        box.setTabChangesFocus(True)
        return box

    # --- the journey ------------------------------------------------------------------

    @property
    def view(self) -> JourneyView | None:
        return self._view

    @Slot(object)
    def set_view(self, view: JourneyView | None) -> None:
        """Show a new journey snapshot (the window calls it on every change)."""
        self._view = view
        if view is None:
            self.code_label.setText("—")
            self.copy_code_button.setEnabled(False)
            self.overview.setPlainText(
                self.tr(
                    "No journey yet: the helper has not checked this device in "
                    "this session."
                )
            )
            self.detection_text.setPlainText(self.tr("No detection yet."))
            self.journey_text.setPlainText(self.tr("No journey yet."))
            return
        self.code_label.setText(view.support_code)
        self.copy_code_button.setEnabled(True)
        self.overview.setPlainText(self._overview(view))
        if view.detection is not None:
            self.detection_text.setPlainText(to_json(view.detection))
        else:
            self.detection_text.setPlainText(
                self.tr("The last detection failed; see the log.")
            )
        self.journey_text.setPlainText(view_json(view))

    def _overview(self, view: JourneyView) -> str:
        def row(label: str, value: object) -> str:
            return label.replace("%1", str(value if value not in (None, "") else "—"))

        lines = [
            row(self.tr("Stage: %1"), view.stage),
            row(self.tr("Path: %1"), view.path),
            row(self.tr("Platform: %1"), view.platform),
            row(self.tr("Legacy vendor: %1"), view.vendor),
            row(self.tr("Verdict: %1"), view.verdict),
            row(self.tr("Why: %1"), view.code),
            row(
                self.tr("Failed checks: %1"),
                f"{view.attempts}/{view.max_attempts}",
            ),
            row(
                self.tr("Next reminder: %1"),
                view.next_reminder.isoformat() if view.next_reminder else None,
            ),
            row(self.tr("Last change: %1"), view.updated_at.isoformat()),
        ]
        if view.detection is not None and view.detection.warnings:
            lines.append(self.tr("Detection warnings:"))
            lines += [f"  {w.code}: {w.detail}" for w in view.detection.warnings]
        # What the old management delivered, encryption, the leftovers dry run:
        # technical lines for helpdesk (English, like the warnings' details).
        lines += preflight_lines(view.detection)
        if view.warnings:
            lines.append(row(self.tr("Journey warnings: %1"), ", ".join(view.warnings)))
        return "\n".join(lines)

    # --- log --------------------------------------------------------------------------

    @Slot()
    def refresh_log(self) -> None:
        """Read the last lines of the log file again."""
        path = log_file()
        try:
            text = log_tail(path)
        except OSError as exc:
            text = self.tr("The log file cannot be read: %1").replace(
                "%1", one_line(exc)
            )
        if not text:
            text = self.tr("The log file is empty or does not exist yet: %1").replace(
                "%1", str(path)
            )
        self.log_text.setPlainText(text)
        bar = self.log_text.verticalScrollBar()
        bar.setValue(bar.maximum())

    # --- diagnostics ------------------------------------------------------------------

    def diagnostics(self) -> str:
        """The text "Copy diagnostics" puts on the clipboard."""
        from ui.errors import versions

        return diagnostics_text(
            self._view,
            config=self._config,
            config_path=self._config_path,
            versions=versions(),
            language=current_language(),
        )

    @Slot()
    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics())
        self.status.setText(
            self.tr("Diagnostics copied to the clipboard (no secrets included).")
        )

    @Slot()
    def _on_copy_code(self) -> None:
        if self._view is not None:
            QGuiApplication.clipboard().setText(self._view.support_code)
            self.status.setText(self.tr("Support code copied to the clipboard."))

    # --- busy state -------------------------------------------------------------------

    def _start(self, message: str) -> None:
        self._busy += 1
        self.status.setText(message)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)

    def _stop(self) -> None:
        self._busy = max(0, self._busy - 1)
        if self._busy == 0:
            self.progress.hide()
            self.export_button.setEnabled(True)
            self.open_button.setEnabled(True)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    # --- export -----------------------------------------------------------------------

    @Slot()
    def _on_export_clicked(self) -> None:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = str(Path(folder or Path.home()) / f"helper-capture-{stamp}.zip")
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export capture"),
            suggested,
            self.tr("Capture (*.zip)"),
        )
        if name:
            self.export_capture_to(Path(name))

    def export_capture_to(self, path: Path) -> None:
        """Capture this machine in the background and write it to ``path``
        (``.zip`` added when missing); emits ``export_finished``/``export_failed``."""
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        config, catalogue = self._config, self._catalogue
        capture_fn = self._capture_fn or (lambda: live_capture(config, catalogue))
        self._start(self.tr("Capturing this device…"))
        run_in_background(
            lambda: export_capture(path, capture_fn),
            on_success=self._on_exported,
            on_failure=self._on_export_error,
            serial=False,
            context=self,
        )

    def _on_exported(self, result: tuple[Path, int]) -> None:
        self._stop()
        path, count = result
        self.status.setText(
            self.tr("Capture saved to %1 (%n evidence file(s)).", "", count).replace(
                "%1", str(path)
            )
        )
        log.info("helpdesk exported a capture to %s", path)
        self.export_finished.emit(str(path))

    def _on_export_error(self, error: BaseException) -> None:
        self._stop()
        log.warning("capture export failed: %s", error, exc_info=error)
        message = self.tr("The capture could not be saved: %1").replace(
            "%1", one_line(error)
        )
        self.status.setText(message)
        self.export_failed.emit(message)

    # --- replay -----------------------------------------------------------------------

    @Slot()
    def _on_open_clicked(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DownloadLocation
        )
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a capture"),
            folder,
            self.tr("Capture (*.zip capture.json);;All files (*)"),
        )
        if name:
            self.open_capture_path(Path(name))

    def open_capture_path(self, path: Path) -> None:
        """Replay the capture at ``path`` (a .zip, a folder or its capture.json)
        in the background; emits ``replay_finished``/``replay_failed``."""
        config, catalogue, playbooks = self._config, self._catalogue, self._playbooks
        self._start(self.tr("Opening the capture…"))
        self.tabs.setCurrentIndex(self.replay_index)
        run_in_background(
            lambda: replay_capture(
                path, config=config, catalogue=catalogue, playbooks=playbooks
            ),
            on_success=self._on_replayed,
            on_failure=lambda error: self._on_replay_error(path, error),
            serial=False,
            context=self,
        )

    def _on_replayed(self, replay: Replay) -> None:
        self._stop()
        self.replay = replay
        self._catalogue, self._playbooks = replay.catalogue, replay.playbooks
        detection, plan = replay.detection, replay.plan
        header = self.tr("Capture: %1 (taken %2)").replace("%1", replay.origin, 1)
        header = header.replace("%2", replay.capture_time or "?", 1)
        summary = self.tr("Verdict: %1. Path: %2.").replace("%1", detection.verdict, 1)
        summary = summary.replace("%2", plan.path, 1)
        self.replay_message.setText(header + "\n" + summary)
        language = current_language()
        lines: list[str] = []
        stage = None
        for number, step in enumerate(plan.steps, 1):
            if step.stage != stage:
                stage = step.stage
                lines.append(f"[{stage}]")
            text = step.text.in_language(language)
            lines.append(f"  {number}. {text}")
            if step.uri:
                lines.append(f"     {step.uri}")
            if step.command:
                lines.append(f"     {' '.join(step.command)}")
        lines += ["", *preflight_lines(detection)]
        self.replay_steps.setPlainText("\n".join(lines))
        self.replay_detection.setPlainText(to_json(detection))
        self.status.setText(self.tr("Capture opened (read-only)."))
        self.replay_finished.emit(replay.origin)

    def _on_replay_error(self, path: Path, error: BaseException) -> None:
        self._stop()
        message = replay_error_message(error)
        log.warning("helpdesk could not replay %s: %s", path, one_line(error))
        self.replay = None
        self.replay_message.setText(message)
        self.replay_steps.clear()
        self.replay_detection.clear()
        self.status.setText(message)
        self.replay_failed.emit(message)


def replay_error_message(error: BaseException) -> str:
    """One translated line saying what was wrong with a capture."""
    from helper.errors import CaptureError, HelperError

    translate = QCoreApplication.translate
    detail = one_line(error)
    if isinstance(error, CaptureError) and error.code == "capture-not-found":
        text = translate("HelpdeskPanel", "This is not a capture: %1")
    elif isinstance(error, CaptureError) and error.code == "capture-too-large":
        text = translate("HelpdeskPanel", "This capture is too large: %1")
    elif isinstance(error, CaptureError):
        text = translate("HelpdeskPanel", "This capture is damaged or not valid: %1")
    elif isinstance(error, HelperError):
        text = translate("HelpdeskPanel", "The helper’s IT content is not valid: %1")
    elif isinstance(error, OSError):
        text = translate("HelpdeskPanel", "The file cannot be read: %1")
    else:
        text = translate("HelpdeskPanel", "This capture cannot be replayed: %1")
    return text.replace("%1", detail)


def _load_config(config_path: Path | None) -> Config:
    from helper.config import load_config
    from helper.config.model import Config
    from helper.errors import ConfigError

    try:
        return load_config(config_path)
    except ConfigError as exc:
        log.warning("configuration not usable in the helpdesk panel: %s", exc)
        return Config()
