# SPDX-License-Identifier: MIT
"""The first page: IT's message, the deadline, what will happen, what IT receives.

Built before the first paint, so it needs only the configuration: no journey,
no detection (which starts in the background once this page is painted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel

from ui import theme, words
from ui.pages.common import Page, card, make_button, wrapped_label

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from helper.journey.engine import JourneyView
    from ui.main_window import MainWindow


def current_deadline_text(window: MainWindow) -> str:
    """The deadline sentence from IT's waves, before the journey has a view
    ("" without waves). The same wave as the journey's: the device's own
    (``migration.wave``), else the first still ahead."""
    migration = window.config.migration
    if not migration.waves:
        return ""
    from helper.journey import calendar

    now = calendar.today()
    wave = calendar.pick_wave(migration.waves, now, migration.wave or None)
    if wave is None:
        return ""
    return words.deadline_sentence(
        wave.enforcement_date,
        calendar.days_left(now, wave),
        calendar.phase_of(now, wave),
        window.lang,
    )


class WelcomePage(Page):
    """The welcome page.

    Args:
        window: the main window (configuration, language, navigation).

    Signals:
        painted: the page's first paint is over (the journey starts then).
    """

    name = "welcome"
    painted = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        config = window.config
        brand = window.brand
        self.set_title(self.tr("Move this device to Microsoft Intune"))
        body = self.body_layout
        if brand.message:
            frame, layout = card(self.body)
            if brand.name:
                who = QLabel(words.arg(self.tr("A message from %1"), brand.name), frame)
                who.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
                layout.addWidget(who)
            message = wrapped_label(brand.message, frame)
            message.setAccessibleName(self.tr("Message from IT"))
            layout.addWidget(message)
            body.addWidget(frame)
        self.deadline = wrapped_label("", self.body)
        self.deadline.setFont(theme.scaled_font(self.font(), 1.1, bold=True))
        self.deadline.setAccessibleName(self.tr("Deadline"))
        body.addWidget(self.deadline)
        self._show_deadline_text(current_deadline_text(window))

        steps, steps_layout = card(self.body)
        heading = QLabel(self.tr("What will happen"), steps)
        heading.setFont(theme.scaled_font(self.font(), theme.TITLE_SCALE, bold=True))
        steps_layout.addWidget(heading)
        for text in (
            self.tr(
                "1. The helper checks what manages this device. Nothing changes yet."
            ),
            self.tr(
                "2. You remove the old management. Company mail, Wi-Fi, VPN, "
                "certificates and the company apps it installed are removed for "
                "a while."
            ),
            self.tr(
                "3. You enroll the device in Microsoft Intune, which sets them "
                "up again."
            ),
        ):
            steps_layout.addWidget(wrapped_label(text, steps))
        steps_layout.addWidget(
            wrapped_label(
                self.tr(
                    "You can close this window at any time: the helper remembers "
                    "where you are."
                ),
                steps,
            )
        )
        body.addWidget(steps)

        privacy, privacy_layout = card(self.body)
        heading = QLabel(self.tr("What IT receives"), privacy)
        heading.setFont(theme.scaled_font(self.font(), theme.TITLE_SCALE, bold=True))
        privacy_layout.addWidget(heading)
        if config.reporting.enabled:
            text = self.tr(
                "So that IT can help when a step fails, the helper tells IT how far "
                "this device got: the step reached, result and error codes, the "
                "device's platform and the name of its old management, with the "
                "times. It never sends your name, your e-mail address, the device's "
                "name or your files."
            )
        else:
            text = self.tr(
                "This helper sends nothing to IT: what it finds stays on this "
                "device. If you need help, you give IT a support code."
            )
        self.privacy = wrapped_label(text, privacy)
        self.privacy.setAccessibleName(self.tr("Privacy"))
        privacy_layout.addWidget(self.privacy)
        self.privacy_button = None
        if config.privacy_notice_url:
            self._privacy_url = config.privacy_notice_url
            self.privacy_button = make_button(
                self.tr("Read the &privacy notice"),
                self._on_privacy,
                description=config.privacy_notice_url,
                parent=privacy,
            )
            privacy_layout.addWidget(self.privacy_button)
        body.addWidget(privacy)
        body.addStretch(1)
        self.start_button = make_button(
            self.tr("&Start"),
            window.enter,
            description=self.tr("Check this device and see what to do"),
        )
        self.set_buttons([], self.start_button)
        self._painted = False

    def _show_deadline_text(self, text: str) -> None:
        self.deadline.setText(text)
        self.deadline.setVisible(bool(text))

    def show_view(self, view: JourneyView) -> None:
        due = view.deadline
        self._show_deadline_text(
            "" if due is None else words.deadline_text(due, self.window_.lang)
        )
        if view.begun and view.resumed_from is not None and view.stage != "done":
            self.start_button.setText(self.tr("&Continue where you left off"))
            self.start_button.setAccessibleName(self.tr("Continue where you left off"))

    @Slot()
    def _on_privacy(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(self._privacy_url))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Once this paint is over (children drawn, window flushed): nothing
            # slow may delay the first picture the user sees.
            QTimer.singleShot(0, self._on_painted)

    @Slot()
    def _on_painted(self) -> None:
        self.painted.emit()
