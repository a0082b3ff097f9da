# SPDX-License-Identifier: MIT
"""Join Microsoft Intune: pre-enrollment checks (network, rights) run in the
background as the page shows, then the enrollment launchers (Company Portal or
Windows enrollment), then the check that Intune manages the device."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.pages.common import PRECHECKS
from ui.pages.steps import StagePage

if TYPE_CHECKING:
    from helper.journey.engine import JourneyView
    from ui.main_window import MainWindow


class JoinPage(StagePage):
    """The join page (stages ``join`` and ``confirm-joined``)."""

    name = "join"
    stage = "join"
    confirm = "confirm-joined"

    def __init__(self, window: MainWindow) -> None:
        self._started: set[str] = set()
        super().__init__(window)

    def title_text(self) -> str:
        return self.tr("Join Microsoft Intune")

    def intro_text(self, view: JourneyView) -> str:
        del view  # after a failed check, the failure card speaks instead
        return self.tr(
            "First the helper checks that this device can enroll. Then follow "
            "the steps to enroll it in Microsoft Intune, and press “I’ve done it "
            "— check again”."
        )

    def after_render(self, view: JourneyView) -> None:
        """Start each pre-enrollment check once, when the join stage shows."""
        if view.stage != "join":
            return
        controller = self.window_.controller
        for step_view in view.steps:
            step = step_view.step
            if (
                step.kind == "verify"
                and step.check in PRECHECKS
                and step_view.status == "pending"
                and step.id not in self.builder.checks
                and step.id not in self.builder.checking
                and step.id not in self._started
            ):
                self._started.add(step.id)
                controller.run_check(step)
