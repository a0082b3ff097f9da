# SPDX-License-Identifier: MIT
"""Leave the old management: the playbook's leave steps, then the check that
it is gone (retry hints after a failed check)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import words
from ui.pages.steps import StagePage

if TYPE_CHECKING:
    from helper.journey.engine import JourneyView


class LeavePage(StagePage):
    """The leave page (stages ``leave`` and ``confirm-left``)."""

    name = "leave"
    stage = "leave"
    confirm = "confirm-left"

    def title_text(self) -> str:
        return words.arg(self.tr("Leave %1"), self.window_.vendor_name())

    def intro_text(self, view: JourneyView) -> str:
        del view  # after a failed check, the failure card speaks instead
        return words.arg(
            self.tr(
                "Follow these steps to remove %1 from this device. When you have "
                "done them, press “I’ve done it — check again”: the helper then "
                "checks the device."
            ),
            self.window_.vendor_name(),
        )
