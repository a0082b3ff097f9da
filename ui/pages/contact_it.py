# SPDX-License-Identifier: MIT
"""Contact IT: the support code, what to ask IT for, and "Copy for IT".

For blocked paths (a management only IT can remove, an unknown one, a check
that failed too often) and when the user asks for help. The plan's contact-it
steps say what exactly to ask for; once IT has acted, "Check again" detects
again and the journey goes on from what the device shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QPushButton

from ui import theme, words
from ui.pages.common import (
    ENGINE_CHECKS,
    Page,
    card,
    clear_layout,
    hint_texts,
    make_button,
    step_text,
    wrapped_label,
)
from ui.pages.steps import HintList, StepRow

if TYPE_CHECKING:
    from helper.journey.engine import JourneyView
    from ui.main_window import MainWindow


class ContactItPage(Page):
    """The contact-it page.

    Args:
        window: the main window.
    """

    name = "contact-it"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.set_title(self.tr("IT needs to help with this device"))
        body = self.body_layout
        self.reason = wrapped_label("", self.body)
        self.reason.setFont(
            theme.scaled_font(self.font(), theme.TITLE_SCALE, bold=True)
        )
        self.reason.setAccessibleName(self.tr("Why"))
        body.addWidget(self.reason)

        code_card, code_layout = card(self.body)
        code_layout.addWidget(QLabel(self.tr("Your support code"), code_card))
        self.code = QLabel(code_card)
        self.code.setFont(theme.scaled_font(self.font(), theme.CODE_SCALE, bold=True))
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        code_layout.addWidget(self.code)
        code_layout.addWidget(
            wrapped_label(
                self.tr(
                    "Give IT this code: it lets them find this device and see how "
                    "far it got."
                ),
                code_card,
            )
        )
        body.addWidget(code_card)

        self.ask, self.ask_layout = card(self.body)
        body.addWidget(self.ask)
        from ui.server_release import ServerReleasePanel

        self.server_release = ServerReleasePanel(window, self.body)
        body.addWidget(self.server_release)
        self.hints_box, self.hints_layout = card(self.body)
        self.hints_box.hide()
        body.addWidget(self.hints_box)
        body.addStretch(1)

        self.copy_button = make_button(
            self.tr("Co&py for IT"),
            self._on_copy,
            description=self.tr(
                "Copies a short summary for IT: support code, management and codes"
            ),
        )
        self.restart_button = make_button(
            self.tr("Start &again"),
            self._on_restart,
            description=self.tr("Check this device again from the start"),
        )
        self.contacted_button = make_button(
            self.tr("I’ve c&ontacted IT"),
            window.controller.contacted,
            description=self.tr("Tell the helper you have asked IT for help"),
        )
        self.check_button = make_button(
            self.tr("&Check again"),
            self._on_check_again,
            description=self.tr("Once IT has acted, check this device again"),
        )
        self.copied = wrapped_label("", self.body)
        self.copied.hide()
        body.addWidget(self.copied)
        self._view: JourneyView | None = None
        self.set_buttons(
            [self.copy_button, self.restart_button, self.contacted_button],
            self.check_button,
        )

    def button_allowed(self, button: QPushButton) -> bool:
        view = self._view
        if view is None:
            return button is self.copy_button
        if button is self.restart_button:
            return "restart" in view.actions
        if button is self.contacted_button:
            return bool(view.redo_steps) and "step-done" in view.actions
        if button is self.check_button:
            return "check-again" in view.actions
        return True

    def show_view(self, view: JourneyView) -> None:
        self._view = view
        lang = self.window_.lang
        self.reason.setText(words.journey_code(view.code) or words.path("contact-it"))
        self.code.setText(view.support_code)
        self.code.setAccessibleName(
            words.arg(self.tr("Support code %1"), " ".join(view.support_code))
        )
        clear_layout(self.ask_layout)
        heading = QLabel(self.tr("What to tell IT"), self.ask)
        heading.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        self.ask_layout.addWidget(heading)
        for step_view in view.steps:
            step = step_view.step
            if step.kind == "verify" and step.check in ENGINE_CHECKS:
                continue  # that is the "Check again" button
            # A row: "IT needs to act" (or done), the first sentence, "More".
            self.ask_layout.addWidget(
                StepRow(
                    step,
                    step_view.status,
                    step_text(step, view, lang),
                    framed=False,
                    parent=self.ask,
                )
            )
        clear_layout(self.hints_layout)
        hints = []
        if view.notice == "no-change":
            verify = [sv.step for sv in view.steps if sv.step.kind == "verify"]
            hints = hint_texts(verify, view, lang)
        if hints:
            self.hints_layout.addWidget(HintList(hints, self.hints_box))
        self.hints_box.setVisible(bool(hints))
        pending = bool(view.redo_steps) and "step-done" in view.actions
        self.contacted_button.setVisible(pending)
        self.restart_button.setVisible("restart" in view.actions)
        # The button that moves things on is the primary one.
        if pending:
            self.set_buttons(
                [self.copy_button, self.restart_button, self.check_button],
                self.contacted_button,
            )
        else:
            self.set_buttons(
                [self.copy_button, self.restart_button, self.contacted_button],
                self.check_button,
            )
        self.contacted_button.setVisible(pending)
        self.restart_button.setVisible("restart" in view.actions)
        self.server_release.show_view(view)
        self.set_busy(self.window_.controller.busy)
        self.update_tab_order()

    @Slot()
    def _on_copy(self) -> None:
        self.window_.copy_for_it()
        self.copied.setText(
            self.tr("Copied. Paste it into your message or ticket to IT.")
        )
        self.copied.show()

    @Slot()
    def _on_restart(self) -> None:
        self.window_.controller.act("restart")

    @Slot()
    def _on_check_again(self) -> None:
        self.window_.controller.act("check-again")
