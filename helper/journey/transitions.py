# SPDX-License-Identifier: MIT
"""Journey events: one per transition, sent to a :class:`Reporter`.

Events carry ids and codes only: never free text, user names, e-mail addresses
or host names (they leave the device once the reporting issue lands). The engine
saves the journey state *before* it emits the events of a transition, so a
crash loses at most the events of that one transition and never reuses a
sequence number (``seq`` is monotonic per journey, across restarts).
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING, Final, Literal, Protocol, runtime_checkable

import msgspec

if TYPE_CHECKING:
    from helper.detect.model import Detection

log = logging.getLogger(__name__)

SCHEMA: Final = "journey-event/1"

EventState = Literal[
    "created",  # a journey was created (the user has not begun yet)
    "resumed",  # the helper started again on a saved journey
    "started",  # a stage started
    "succeeded",  # a step or a stage succeeded (a verification passed)
    "failed",  # a verification failed (code says why)
    "skipped",  # a stage or step was not needed (code says why)
    "deferred",  # the user chose "remind me later"
    "blocked",  # the journey reached contact-it (code says why)
]


class Event(msgspec.Struct, frozen=True, kw_only=True):
    """One transition of one journey.

    Attributes:
        journey_id: the journey (UUID4).
        seq: 1, 2, 3... per journey, never reused.
        stage: the stage the transition belongs to.
        state: what happened (:data:`EventState`).
        step: the plan step id, when the event is about one step.
        code: a reason or error code (``legacy-still-present``...), else None.
        path, platform, vendor: the plan's path, platform and legacy vendor id.
        started_at, ended_at: UTC times the stage/step started and ended.
        schema: ``journey-event/1``.
    """

    journey_id: str
    seq: int
    stage: str
    state: EventState
    step: str | None = None
    code: str | None = None
    path: str = ""
    platform: str = ""
    vendor: str | None = None
    started_at: datetime.datetime
    ended_at: datetime.datetime
    schema: str = SCHEMA


class Reporter(Protocol):
    """Receives the journey's events (the real one queues them for the collector)."""

    def emit(self, event: Event) -> None:
        """Take one event. Must not block for long: the engine waits for it."""
        ...


@runtime_checkable
class DeviceFactsReporter(Protocol):
    """A reporter whose events describe the device (the reporting service's):
    the engine hands it every fresh detection before the events it causes."""

    def update_detection(
        self, detection: Detection, *, serial_digest: str | None = None
    ) -> None:
        """Take the device's ids and state from ``detection``, and the digest
        of its serial number (never the serial itself)."""
        ...


class NullReporter:
    """Drops every event (reporting disabled)."""

    def emit(self, event: Event) -> None:
        del event


class RecordingReporter:
    """Keeps every event in :attr:`events` (tests, demo mode, helpdesk training)."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def emit(self, event: Event) -> None:
        self.events.append(event)

    def trail(self) -> list[tuple[str, str, str | None]]:
        """(stage, state, code) of each event, in order: what tests compare."""
        return [(e.stage, e.state, e.code) for e in self.events]

    def stages_started(self) -> list[str]:
        """The stages entered, in order (one per ``started`` stage event)."""
        return [e.stage for e in self.events if e.state == "started"]


def emit_safely(reporter: Reporter, event: Event) -> None:
    """Emit, logging (not raising) a reporter failure: reporting must never stop
    a user's migration."""
    try:
        reporter.emit(event)
    except Exception:
        log.exception("the reporter failed on event %s", event.seq)
