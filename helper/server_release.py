# SPDX-License-Identifier: MIT
""" "Ask IT's server to remove <vendor>": the journey's side of the release.

Where the playbook sends the user to IT because the old EMM cannot be removed
on the device (the journey at ``contact-it`` with a legacy vendor), and IT's
configuration says so (``reporting.server_release`` with reporting on), the
window offers to ask the collector instead. After the user confirms:

1. :meth:`ServerRelease.ask` posts the request (:mod:`helper.report.release`)
   with the device's serial digest, the one its status reports carry, and
   keeps the request id (a restart polls the same request);
2. :meth:`ServerRelease.refresh` polls it; each change of stage is reported
   to the collector as a journey event with a code
   (``server-release-<stage>``, step ``server-release``);
3. once the old EMM accepted (``done``), the journey detects again as always
   (``check-again``): the old EMM is gone → the journey re-plans and the user
   joins Intune; still there (the device must be online for the profile to
   go) → the window says so and the user checks again later.

Qt-free: the window calls these on its state worker and shows the codes.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from helper.journey.transitions import Event
from helper.report.release import ReleaseClient, ReleaseProgress, new_request_id

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.journey.engine import Journey, JourneyView
    from helper.journey.transitions import Reporter

STEP: Final = "server-release"
STAGE: Final = "contact-it"
_LEGACY: Final = frozenset({"legacy-enrolled", "both-enrolled"})


def offered(config: Config, view: JourneyView) -> str | None:
    """The vendor id to offer the server release for, or None."""
    reporting = config.reporting
    if not (reporting.server_release and reporting.enabled and reporting.collector_url):
        return None
    if view.stage != STAGE or not view.vendor or view.verdict not in _LEGACY:
        return None
    return view.vendor


@dataclass(frozen=True, slots=True)
class ReleaseStep:
    """What one call did.

    Attributes:
        progress: the request's progress.
        view: the journey afterwards (detected again when ``done``).
        still_enrolled: ``done`` but detection still finds the old EMM (the
            profile goes when the device is online and checks in).
    """

    progress: ReleaseProgress
    view: JourneyView
    still_enrolled: bool = False


class ServerRelease:
    """Drives one device's request (see the module's docstring).

    Args:
        journey: the journey (at contact-it).
        client: the collector client.
        serial_digest: the device's serial digest (as its reports send it).
        reporter: where the journey events go (the journey's reporter).
        state_file: keeps the request id across restarts (None: memory only).
    """

    def __init__(
        self,
        journey: Journey,
        client: ReleaseClient,
        serial_digest: str,
        *,
        reporter: Reporter | None = None,
        state_file: Path | None = None,
    ) -> None:
        self.journey = journey
        self.client = client
        self.serial_digest = serial_digest
        self.reporter = reporter
        self.state_file = state_file
        self.request_id = self._load()
        self._reported: str | None = None

    def _load(self) -> str | None:
        if self.state_file is None:
            return None
        try:
            data = json.loads(self.state_file.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        journey = data.get("journey_id") if isinstance(data, dict) else None
        request = data.get("request_id") if isinstance(data, dict) else None
        if journey != self.journey.view().journey_id or not isinstance(request, str):
            return None
        return request

    def _save(self) -> None:
        if self.state_file is None or self.request_id is None:
            return
        data = {
            "journey_id": self.journey.view().journey_id,
            "request_id": self.request_id,
        }
        temporary = self.state_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(data), "utf-8")
        os.replace(temporary, self.state_file)

    def ask(self) -> ReleaseStep:
        """Send the request (once; asking again resends the same id)."""
        view = self.journey.view()
        if self.request_id is None:
            self.request_id = new_request_id()
            self._save()
        progress = self.client.ask(
            self.request_id, self.serial_digest, view.vendor or ""
        )
        return self._after(progress)

    def refresh(self) -> ReleaseStep:
        """Poll the request (ask first when none was sent)."""
        if self.request_id is None:
            return self.ask()
        return self._after(self.client.poll(self.request_id))

    def _after(self, progress: ReleaseProgress) -> ReleaseStep:
        self._report(progress)
        if progress.stage != "done":
            return ReleaseStep(progress, self.journey.view())
        if progress.dry_run:
            # Nothing was removed: detecting again would change nothing.
            return ReleaseStep(progress, self.journey.view(), still_enrolled=True)
        self.journey.device.performed(STEP, stage=STAGE)
        view = self.journey.act("check-again")
        return ReleaseStep(progress, view, still_enrolled=view.stage == STAGE)

    def _report(self, progress: ReleaseProgress) -> None:
        if self.reporter is None or progress.stage in ("retry", "sign-in-needed"):
            return
        code = f"server-release-{progress.stage}"
        if code == self._reported:
            return
        self._reported = code
        view = self.journey.view()
        now = datetime.datetime.now(datetime.UTC)
        state = {"done": "succeeded", "refused": "failed", "failed": "failed"}.get(
            progress.stage, "started"
        )
        self.reporter.emit(
            Event(
                journey_id=view.journey_id,
                # Outside the engine's own sequence: the reporter orders by
                # the outbox's counter, never by this number.
                seq=0,
                stage=STAGE,
                state=state,  # type: ignore[arg-type]
                step=STEP,
                code=code,
                path=view.path,
                platform=view.platform,
                vendor=view.vendor,
                started_at=now,
                ended_at=now,
            )
        )


__all__ = ["STAGE", "STEP", "ReleaseStep", "ServerRelease", "offered"]
