# SPDX-License-Identifier: MIT
"""Check this device: progress while detecting, then the result in words.

Also where the user begins: the plan's prepare steps ("before you start") as a
checklist of step rows (first sentence, the rest under "More"),
"Remind me later" while postponing is allowed, and the technical details
(the detection's evidence) behind a toggle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QPushButton

from ui import theme, words
from ui.pages.common import (
    Page,
    card,
    clear_layout,
    make_button,
    step_text,
    wrapped_label,
)
from ui.pages.parts import FOLD_TOGGLE
from ui.pages.steps import StepRow

if TYPE_CHECKING:
    from helper.detect.model import Detection
    from helper.journey.engine import JourneyView
    from ui.main_window import MainWindow

ACTIVE_PATHS = ("leave-then-join", "remove-legacy", "join-only")


class CheckPage(Page):
    """The check page.

    Args:
        window: the main window.
    """

    name = "check"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.set_title(self.tr("Check this device"))
        body = self.body_layout
        self.progress_label = wrapped_label(
            self.tr("Checking what manages this device…"), self.body
        )
        self.progress = QProgressBar(self.body)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Checking this device"))
        body.addWidget(self.progress_label)
        body.addWidget(self.progress)
        self.headline = wrapped_label("", self.body)
        self.headline.setFont(
            theme.scaled_font(self.font(), theme.TITLE_SCALE, bold=True)
        )
        self.headline.setAccessibleName(self.tr("Result"))
        body.addWidget(self.headline)
        self.facts = wrapped_label("", self.body)
        body.addWidget(self.facts)
        self.next_text = wrapped_label("", self.body)
        body.addWidget(self.next_text)
        self.prepare_frame, self.prepare_layout = card(self.body)
        self.checklist: list[StepRow] = []
        body.addWidget(self.prepare_frame)
        self.deferral = wrapped_label("", self.body)
        self.deferral.setAccessibleName(self.tr("Remind me later"))
        body.addWidget(self.deferral)
        self.details_button = QPushButton(self.tr("&Technical details"), self.body)
        self.details_button.setCheckable(True)
        self.details_button.setObjectName(FOLD_TOGGLE)  # it folds, like "More"
        self.details_button.setAutoDefault(True)
        self.details_button.setAccessibleName(self.tr("Technical details"))
        self.details_button.setAccessibleDescription(
            self.tr("Shows the evidence the helper found, for IT")
        )
        self.details_button.toggled.connect(self._on_details_toggled)
        body.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QPlainTextEdit(self.body)
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.setMinimumHeight(self.fontMetrics().height() * 12)
        self.details.hide()
        body.addWidget(self.details)
        body.addStretch(1)

        self.help_button = make_button(
            self.tr("Contact &IT"),
            self._on_help,
            description=self.tr("Ask IT for help with this device"),
        )
        self.defer_button = make_button(
            self.tr("&Remind me later"),
            self._on_defer,
            description=self.tr("Postpone the move; the helper reminds you"),
        )
        self.begin_button = make_button(
            self.tr("&Begin"),
            window.proceed_from_check,
            description=self.tr("Start moving this device"),
        )
        self.set_buttons([self.help_button, self.defer_button], self.begin_button)
        self._failure: str | None = None
        self._show_waiting()

    # --- states ----------------------------------------------------------------------

    def _show_waiting(self) -> None:
        for widget in (
            self.headline,
            self.facts,
            self.next_text,
            self.prepare_frame,
            self.deferral,
            self.details_button,
            self.details,
            self.help_button,
            self.defer_button,
        ):
            widget.hide()
        self.begin_button.setEnabled(False)

    def render_failure(self, message: str) -> None:
        """The journey could not start (an invalid playbook from IT...)."""
        self._failure = message
        self.progress.hide()
        self.progress_label.hide()
        self.headline.setText(self.tr("The helper could not start."))
        self.headline.show()
        self.facts.setText(
            words.arg(
                self.tr("Contact IT and tell them what went wrong: %1"),
                message,
            )
        )
        self.facts.show()
        self.begin_button.setEnabled(False)

    def button_allowed(self, button: QPushButton) -> bool:
        view = self.window_.controller.view
        if view is None or self._failure is not None:
            return False
        if button is self.defer_button:
            return "defer" in view.actions
        if button is self.help_button:
            return "contact-it" in view.actions
        return True

    def show_view(self, view: JourneyView) -> None:
        window = self.window_
        lang = window.lang
        self.progress.hide()
        self.progress_label.hide()
        self.headline.setText(words.verdict(view.verdict))
        self.headline.show()
        self.facts.setText(self._facts(view))
        self.facts.setVisible(bool(self.facts.text()))
        self.next_text.setText(words.path(view.path))
        self.next_text.show()

        clear_layout(self.prepare_layout)
        before = [s for s in view.plan.steps if s.stage == "prepare"]
        show_prepare = view.path in ACTIVE_PATHS and (
            not view.begun or view.stage == "prepare"
        )
        self.checklist = []
        if before and show_prepare:
            heading = QLabel(self.tr("Before you start"), self.prepare_frame)
            heading.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
            self.prepare_layout.addWidget(heading)
            # A checklist: each item's first sentence, the rest under "More".
            for step in before:
                row = StepRow(
                    step,
                    "pending",
                    step_text(step, view, lang),
                    framed=False,
                    parent=self.prepare_frame,
                )
                self.prepare_layout.addWidget(row)
                self.checklist.append(row)
        self.prepare_frame.setVisible(bool(before) and show_prepare)

        self.deferral.setText(self._deferral_text(view))
        self.deferral.setVisible(bool(self.deferral.text()))
        self.defer_button.setVisible("defer" in view.actions)
        self.help_button.setVisible("contact-it" in view.actions)
        self.details_button.show()
        self.details.setPlainText(self._details(view))
        self.details.setVisible(self.details_button.isChecked())

        if "begin" in view.actions:
            self.begin_button.setText(self.tr("&Begin"))
            self.begin_button.setAccessibleName(self.tr("Begin"))
        else:
            self.begin_button.setText(self.tr("&Continue"))
            self.begin_button.setAccessibleName(self.tr("Continue"))
        self.set_busy(window.controller.busy)
        self.update_tab_order()

    # --- texts -----------------------------------------------------------------------

    def _facts(self, view: JourneyView) -> str:
        detection = view.detection
        if detection is None:
            return ""
        lines = []
        for legacy in detection.legacy:
            lines.append(
                words.arg(
                    self.tr("%1 manages this device: %2."),
                    legacy.name,
                    words.removable(legacy.removable),
                )
            )
        if detection.intune.enrolled is True and detection.verdict != "intune-enrolled":
            lines.append(self.tr("Microsoft Intune manages it too."))
        # Intune manages it, but it is not done: say which half is missing.
        reasons = view.plan.reasons
        if "registration-missing" in reasons:
            lines.append(words.journey_code("entra-registration-missing"))
        elif "registration-other-tenant" in reasons:
            lines.append(words.journey_code("entra-other-tenant"))
        return "\n".join(lines)

    def _deferral_text(self, view: JourneyView) -> str:
        lang = self.window_.lang
        if not view.begun and view.next_reminder is not None:
            return words.arg(
                self.tr(
                    "The helper will remind you on %1. You can close this window "
                    "now, or begin anyway."
                ),
                words.format_time(view.next_reminder, lang),
            )
        deferral = view.deferral
        if "defer" in view.actions and deferral.next_reminder is not None:
            return words.arg(
                self.tr(
                    "Not a good time? “Remind me later” postpones the move until "
                    "%1 (%n time(s) left).",
                    "",
                    deferral.remaining,
                ),
                words.format_time(deferral.next_reminder, lang),
            )
        return ""

    def _details(self, view: JourneyView) -> str:
        out = [
            words.arg(self.tr("Support code: %1"), view.support_code),
            words.arg(
                self.tr("Verdict: %1 (%2)"),
                words.verdict(view.verdict),
                view.verdict or "-",
            ),
            words.arg(
                self.tr("Plan: %1, platform %2, vendor %3"),
                view.path,
                view.platform,
                view.vendor or "-",
            ),
            words.arg(self.tr("Stage: %1"), view.stage),
        ]
        if view.plan.reasons:
            out.append(words.arg(self.tr("Reasons: %1"), ", ".join(view.plan.reasons)))
        detection = view.detection
        if detection is None:
            out.append(self.tr("No detection this time (it failed)."))
            return "\n".join(out) + "\n"
        out.append("")
        out.extend(self._evidence(detection))
        return "\n".join(out) + "\n"

    def _evidence(self, detection: Detection) -> list[str]:
        """The detection's evidence, one fact per line (English technical details
        from the core, labelled in the window's language)."""
        lines: list[str] = []
        for legacy in detection.legacy:
            lines.append(
                words.arg(
                    self.tr("Legacy management: %1 (%2), removable: %3, server: %4"),
                    legacy.name,
                    legacy.vendor,
                    {True: "yes", False: "no", None: "unknown"}[legacy.removable],
                    legacy.server or "-",
                )
            )
            lines += [f"  {e.source}: {e.detail}" for e in legacy.evidence]
        enrolled = {True: "yes", False: "no", None: "unknown"}[
            detection.intune.enrolled
        ]
        lines.append(words.arg(self.tr("Microsoft Intune enrolled: %1"), enrolled))
        lines += [f"  {e.source}: {e.detail}" for e in detection.intune.evidence]
        lines.append(
            words.arg(
                self.tr("Microsoft Entra: %1 (%2)"),
                words.join(detection.entra.join),
                detection.entra.join,
            )
        )
        lines += [f"  {e.source}: {e.detail}" for e in detection.entra.evidence]
        for warning in detection.warnings:
            lines.append(
                words.arg(
                    self.tr("Warning %1: %2"), warning.code, words.warning(warning.code)
                )
            )
            if warning.detail:
                lines.append(f"  {warning.detail}")
        if detection.sources:
            lines.append(self.tr("Sources:"))
            lines += [
                f"  {s.file}: {words.source_status(s.status)}"
                + (f" ({s.detail})" if s.detail else "")
                for s in detection.sources
            ]
        return lines

    # --- actions ---------------------------------------------------------------------

    @Slot(bool)
    def _on_details_toggled(self, checked: bool) -> None:
        self.details.setVisible(checked)
        self.update_tab_order()

    @Slot()
    def _on_defer(self) -> None:
        self.window_.controller.act("defer")

    @Slot()
    def _on_help(self) -> None:
        self.window_.request_help()
