# SPDX-License-Identifier: MIT
""" "Ask IT's server to remove <vendor>" on the contact-it page.

Shown only when IT's configuration offers it (``reporting.server_release``)
and the journey is at contact-it because the old EMM cannot be removed on the
device (:func:`helper.server_release.offered`). The user confirms; the request
and every poll run on the state worker (:meth:`ui.controller.JourneyController.
server_release`); the panel shows where the request stands and what to do, in
words of its own (the core gives codes). Once the old EMM accepted, the journey
detects again as always, and the window follows the new view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import words
from ui.pages.common import card, make_button, wrapped_label

if TYPE_CHECKING:
    from helper.journey.engine import JourneyView
    from helper.server_release import ReleaseStep, ServerRelease
    from ui.main_window import MainWindow

# Polls never closer than this (the collector says how long, usually more).
MIN_POLL_MS = 5_000


class ServerReleasePanel(QWidget):
    """The offer, the confirmation and the progress (see the module's docstring).

    Args:
        window: the main window (its configuration, controller and reporting).
        parent: the page's body.
    """

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.vendor: str | None = None
        # Built and used on the state worker only (never read from the GUI).
        self.driver: ServerRelease | None = None
        self.frame, layout = card(self)
        from PySide6.QtWidgets import QVBoxLayout

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)
        self.intro = wrapped_label("", self.frame)
        layout.addWidget(self.intro)
        self.status = wrapped_label("", self.frame)
        self.status.setObjectName("server-release-status")
        self.status.hide()
        layout.addWidget(self.status)
        self.button = make_button("", self._on_ask, parent=self.frame)
        layout.addWidget(self.button)
        self.confirm: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_poll)
        self._set_texts(self.vendor_name())
        self.hide()

    def vendor_name(self) -> str:
        return self.window_.vendor_name()

    def show_view(self, view: JourneyView) -> None:
        """Show the offer when it applies to this view; hide it otherwise."""
        from helper.server_release import offered

        vendor = offered(self.window_.config, view)
        if vendor is None:
            if self.driver is None:
                self.hide()
            return
        self.vendor = vendor
        self._set_texts(self.vendor_name())
        self.show()

    def _set_texts(self, name: str) -> None:
        self.intro.setText(
            words.arg(
                self.tr(
                    "IT’s server can remove %1 from this device for you, without "
                    "a call to IT. It may need IT’s approval first."
                ),
                name,
            )
        )
        text = words.arg(self.tr("Ask IT’s server to remove %1"), name)
        self.button.setText(text)
        self.button.setAccessibleName(text)
        self.button.setAccessibleDescription(
            self.tr("Asks IT’s server to release this device from its old management")
        )

    @Slot()
    def _on_ask(self) -> None:
        name = self.vendor_name()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            words.arg(self.tr("Remove %1?"), name),
            words.arg(
                self.tr(
                    "IT’s server will ask %1 to stop managing this device. Its "
                    "apps, settings and Wi-Fi or VPN profiles from %1 go with it. "
                    "Keep this device switched on and connected until the helper "
                    "says it is done."
                ),
                name,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._on_confirmed)
        # Not exec(): the window stays responsive and tests click the box.
        self.confirm = box
        box.open()

    @Slot(int)
    def _on_confirmed(self, _result: int) -> None:
        box, self.confirm = self.confirm, None
        if box is None or box.clickedButton() is not box.button(
            QMessageBox.StandardButton.Yes
        ):
            return
        self.button.setEnabled(False)
        self._run(ask=True)

    @Slot()
    def _on_poll(self) -> None:
        self._run(ask=False)

    def _run(self, *, ask: bool) -> None:
        reporting: Any = getattr(self.window_, "reporting", None)
        parts = reporting.release_client() if reporting is not None else None
        if parts is None:
            self._show_stage("retry")
            self.timer.start(60_000)
            return
        client, digest = parts
        controller = self.window_.controller

        def work(migration: Any) -> ReleaseStep:
            from helper.server_release import ServerRelease

            if self.driver is None:
                self.driver = ServerRelease(
                    migration.journey,
                    client,
                    digest,
                    reporter=migration.reporter,
                )
            return self.driver.ask() if ask else self.driver.refresh()

        controller.server_release(work, self._on_step)

    def _on_step(self, step: ReleaseStep) -> None:
        progress = step.progress
        self._show_stage(progress.stage, still_enrolled=step.still_enrolled)
        # The same request is polled until it ends; asking again only helps
        # when the collector could not be reached or the user must sign in.
        self.button.setEnabled(progress.stage in ("retry", "sign-in-needed"))
        if not progress.final and progress.poll_after is not None:
            self.timer.start(max(MIN_POLL_MS, progress.poll_after * 1000))

    def _show_stage(self, stage: str, *, still_enrolled: bool = False) -> None:
        name = self.vendor_name()
        texts = {
            "waiting-approval": self.tr(
                "Your request is waiting for IT’s approval. You can leave this "
                "window open: it checks by itself."
            ),
            "in-progress": words.arg(
                self.tr("IT’s server is asking %1 to release this device…"), name
            ),
            "done": words.arg(
                self.tr("%1 agreed to release this device. Checking the device…"),
                name,
            ),
            "refused": self.tr(
                "The request was refused. Contact IT with your support code."
            ),
            "failed": words.arg(
                self.tr(
                    "IT’s server could not release this device from %1. Contact IT "
                    "with your support code."
                ),
                name,
            ),
            "unavailable": self.tr(
                "IT’s server cannot do this for this device. Contact IT with your "
                "support code."
            ),
            "retry": self.tr(
                "IT’s server cannot be reached right now. The helper tries again "
                "in a moment."
            ),
            "sign-in-needed": self.tr(
                "Sign in with your work account first, then ask again."
            ),
        }
        text = texts.get(stage, texts["retry"])
        if stage == "done" and still_enrolled:
            text = words.arg(
                self.tr(
                    "%1 will leave this device the next time it is online. Keep it "
                    "connected for a few minutes, then choose Check again."
                ),
                name,
            )
        self.status.setText(text)
        self.status.show()


__all__ = ["ServerReleasePanel"]
