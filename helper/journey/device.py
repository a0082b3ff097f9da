# SPDX-License-Identifier: MIT
"""The device a journey runs on: this machine, or a simulated one (scenarios).

The engine never trusts what the user says: it asks the device for fresh
evidence (:meth:`DeviceSource.capture`) and detects again.
:meth:`DeviceSource.performed` tells the device the user did a step; this
machine ignores it (the launcher did the real thing), a scenario device moves
to its next capture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from helper.capture.model import Capture
    from helper.catalogue import Catalogue


class DeviceSource(Protocol):
    """What the journey engine needs from a device."""

    @property
    def platform(self) -> str:
        """``windows``, ``macos`` or ``linux``: used to plan when detection fails."""
        ...

    def capture(self) -> Capture:
        """The current evidence of the device (may take seconds on a real one).

        Raises:
            Exception: anything; the engine reports ``detect-failed`` and carries on.
        """
        ...

    def performed(self, step_id: str, *, stage: str | None = None) -> None:
        """The user says they did the step ``step_id`` of ``stage``."""
        ...


class LiveDevice:
    """This machine, read by the probe of its OS.

    Args:
        catalogue: the vendor catalogue (the probe looks for the vendors' agents).
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    @property
    def platform(self) -> str:
        from helper.probe.base import platform_os

        return platform_os()

    def capture(self) -> Capture:
        from helper.probe.live import capture_this_machine

        return capture_this_machine(self._catalogue)

    def performed(self, step_id: str, *, stage: str | None = None) -> None:
        # The launcher did the real action; the next capture will show its effect.
        del step_id, stage
