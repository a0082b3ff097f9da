# SPDX-License-Identifier: MIT
"""Done: the summary, and whether IT has received the status updates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel

from ui import tasks, theme, words
from ui.pages.common import (
    Page,
    card,
    clear_layout,
    make_button,
    step_text,
    wrapped_label,
)
from ui.pages.intune_status import IntuneStatusCard

if TYPE_CHECKING:
    from helper.journey.engine import JourneyView
    from helper.report.confirmation import Confirmation
    from ui.main_window import MainWindow


class DonePage(Page):
    """The done page.

    Args:
        window: the main window (its ``reporting`` service, if any).
    """

    name = "done"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.set_title(self.tr("All done"))
        body = self.body_layout
        self.headline = wrapped_label("", self.body)
        self.headline.setFont(
            theme.scaled_font(self.font(), theme.TITLE_SCALE, bold=True)
        )
        body.addWidget(self.headline)
        self.summary, self.summary_layout = card(self.body)
        body.addWidget(self.summary)
        self.delivery = wrapped_label("", self.body)
        self.delivery.setAccessibleName(self.tr("Status updates for IT"))
        self.delivery.hide()
        body.addWidget(self.delivery)
        # Intune's word on the arrival (IT's collector asks Microsoft Graph).
        self.intune = IntuneStatusCard(self.body)
        body.addWidget(self.intune)
        # Shown while the collector waits for a signed-in work account.
        self.sign_in_button = make_button(
            self.tr("&Sign in to send the status updates…"),
            self._on_sign_in,
            description=self.tr("Sign in with your work account in the browser"),
            parent=self.body,
        )
        self.sign_in_button.hide()
        body.addWidget(self.sign_in_button)
        body.addStretch(1)
        secondary = []
        if window.guide_action.isEnabled():
            self.guide_button = make_button(
                self.tr("&Guide another device…"),
                window.guide_action.trigger,
                description=self.tr("Steps and QR codes to move a phone or tablet"),
            )
            secondary.append(self.guide_button)
        self.close_button = make_button(
            self.tr("&Close"), self._on_close, description=self.tr("Close the helper")
        )
        self.set_buttons(secondary, self.close_button)
        self._asked = False

    def show_view(self, view: JourneyView) -> None:
        window = self.window_
        self.headline.setText(words.verdict(view.verdict or "intune-enrolled"))
        clear_layout(self.summary_layout)
        heading = QLabel(self.tr("What happened"), self.summary)
        heading.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        self.summary_layout.addWidget(heading)
        done_steps = [s for s in view.plan.steps if s.stage == "done"]
        for step in done_steps:
            self.summary_layout.addWidget(
                wrapped_label(step_text(step, view, window.lang), self.summary)
            )
        escrow = self._escrow_code(view)
        if escrow is not None:
            # The recovery key after joining: what to do when Intune has none.
            self.escrow_label = wrapped_label(words.escrow(escrow), self.summary)
            self.summary_layout.addWidget(self.escrow_label)
        for page in window.strip_pages():
            if page in ("leave", "join"):
                self.summary_layout.addWidget(
                    wrapped_label("✓ " + window.page_title(page), self.summary)
                )
        self.summary_layout.addWidget(
            wrapped_label(
                words.arg(self.tr("Support code: %1"), view.support_code), self.summary
            )
        )
        self.update_tab_order()
        self._ask_reporting()

    def _escrow_code(self, view: JourneyView) -> str | None:
        """The recovery-key code worth showing (None: nothing to say).

        The collector's confirmation (issue 16) does not reach the window yet:
        the page says what the device itself shows.
        """
        from helper.journey.preflight import escrow_after_join

        code = escrow_after_join(view.detection, escrow_confirmed=None)
        return None if code in (None, "escrow-confirmed") else code

    def _ask_reporting(self) -> None:
        """Read the outbox in the background (it is a small database)."""
        reporting = self.window_.reporting
        if reporting is None or self._asked:
            return
        self._asked = True
        confirmation = getattr(reporting, "confirmation", None)
        if callable(confirmation):
            tasks.run_in_background(
                confirmation,
                on_success=self._on_confirmation,
                on_failure=lambda _error: self.intune.hide(),
                serial=False,
                context=self,
            )
        status = reporting.status  # type: ignore[attr-defined]
        tasks.run_in_background(
            status,
            on_success=self._on_status,
            on_failure=self._on_status_failed,
            serial=False,
            context=self,
        )

    def _on_status(self, status: object) -> None:
        self._asked = False
        queued = int(getattr(status, "queued", 0) or 0)
        state = str(getattr(status, "state", "idle"))
        lines = []
        if queued:
            lines.append(words.waiting_updates(queued))
        lines.append(words.delivery_state(state))
        self.delivery.setText("\n".join(lines))
        self.delivery.show()
        can_sign_in = callable(getattr(self.window_.reporting, "sign_in", None))
        self.sign_in_button.setVisible(state == "sign-in-needed" and can_sign_in)
        self.update_tab_order()

    def _on_confirmation(self, confirmation: Confirmation) -> None:
        self.intune.show_confirmation(confirmation)
        self.update_tab_order()

    def _on_status_failed(self, error: BaseException) -> None:
        self._asked = False
        del error
        self.delivery.hide()
        self.sign_in_button.hide()

    @Slot()
    def _on_sign_in(self) -> None:
        sign_in = getattr(self.window_.reporting, "sign_in", None)
        if callable(sign_in):
            self.sign_in_button.hide()  # the browser opens; the status follows
            sign_in()

    @Slot()
    def _on_close(self) -> None:
        self.window_.close()

    @Slot()
    def refresh(self) -> None:
        """Ask the reporting service again (after a send)."""
        self._ask_reporting()
