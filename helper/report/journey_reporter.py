# SPDX-License-Identifier: MIT
"""Journey events → status events in the outbox (a journey ``Reporter``).

The journey engine saves its state, then calls :meth:`JourneyReporter.emit` with
each event of the transition. The reporter folds the event into a snapshot of
the journey (the state of every stage and step seen so far), builds a
``migration-status/1`` event from both, and commits event and snapshot to the
outbox in one transaction. It never touches the network: the window (or
``report --flush``) delivers later, from another thread.

Import-light (msgspec, sqlite3): no httpx, so the journey can report without
paying for the network stack.
"""

from __future__ import annotations

import datetime
import logging
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

import msgspec

from helper import __version__
from helper.journey.stages import confirmation_of
from helper.report.event import (
    MAX_STAGES,
    MAX_STEPS,
    SCHEMA,
    UUID_PATTERN,
    App,
    DeviceFacts,
    Env,
    EventType,
    OverallState,
    StatusEvent,
    StepState,
    StepStatus,
    as_code,
    as_ident,
    as_version,
    facts_from_detection,
    new_event_id,
    normalize_locale,
    platform_facts,
    utc,
)

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.detect.model import Detection
    from helper.journey.transitions import Event as JourneyEvent
    from helper.report.outbox import Outbox

log = logging.getLogger(__name__)

# The stage whose success means the old management has left.
_LEFT: Final = confirmation_of("leave")

_T = TypeVar("_T")

SNAPSHOT_KEY: Final = "journey_snapshot"
FACTS_KEY: Final = "device_facts"

_UUID_RE = re.compile(UUID_PATTERN)
# Journey event state → the state of the stage or step it is about.
_ITEM_STATES: Final[dict[str, StepState]] = {
    "started": "running",
    "succeeded": "done",
    "failed": "failed",
    "skipped": "skipped",
}


class Snapshot(msgspec.Struct, kw_only=True):
    """The journey as the collector sees it, rebuilt from its events.

    Kept in the outbox's meta table, written with each event, so it survives
    restarts and always matches the last event queued.
    """

    journey_id: str | None = None
    journey_path: str | None = None
    stages: dict[str, StepStatus] = msgspec.field(default_factory=dict)
    steps: dict[str, StepStatus] = msgspec.field(default_factory=dict)
    current_stage: str | None = None
    overall_state: OverallState = "not-started"


def apply_event(
    snapshot: Snapshot, facts: DeviceFacts, event: JourneyEvent
) -> tuple[Snapshot, DeviceFacts]:
    """Fold one journey event into the snapshot (pure; returns new values).

    Args:
        snapshot: the snapshot so far.
        facts: the device facts so far.
        event: the journey event.

    Returns:
        The new snapshot, and the facts (a passed ``confirm-left`` stage means the
        legacy management is gone; the plan's legacy vendor names the old EMM
        when detection did not, so the collector does not take a device that
        has one for a device that never had one).
    """
    if snapshot.journey_id != event.journey_id:
        snapshot = Snapshot(journey_id=event.journey_id)
    else:
        snapshot = msgspec.structs.replace(
            snapshot, stages=dict(snapshot.stages), steps=dict(snapshot.steps)
        )
    snapshot.journey_path = as_ident(event.path) or snapshot.journey_path
    stage = as_ident(event.stage)
    step = as_ident(event.step)
    code = as_code(event.code)
    at = utc(event.ended_at)
    item_state = _ITEM_STATES.get(event.state)
    if event.state == "blocked":
        item_state = "running"  # the user is at contact-it; code says why
    if item_state is not None:
        target = snapshot.steps if step is not None else snapshot.stages
        key = step if step is not None else stage
        if key is not None:
            keep_code = item_state in ("failed", "skipped") or event.state == "blocked"
            target.pop(key, None)  # re-inserted last: the lists read in order
            target[key] = StepStatus(
                id=key, state=item_state, error_code=code if keep_code else None, at=at
            )
    if stage is not None:
        snapshot.current_stage = stage
    snapshot.overall_state = _overall(snapshot.overall_state, event, stage, step)
    vendor = as_ident(event.vendor)
    if vendor is not None and facts.legacy_vendor is None:
        facts = msgspec.structs.replace(facts, legacy_vendor=vendor)
    if event.state == "succeeded" and step is None and stage == _LEFT:
        facts = msgspec.structs.replace(facts, legacy_enrolled=False)
    return snapshot, facts


def _overall(
    previous: OverallState, event: JourneyEvent, stage: str | None, step: str | None
) -> OverallState:
    what = event.state
    if what == "created":
        return "not-started"
    if what == "blocked" or (
        stage == "contact-it" and what in ("started", "succeeded", "skipped")
    ):
        # Everything on the contact-it page (its steps included) is "waiting for
        # IT", whatever the step's own outcome.
        return "blocked"
    if what == "deferred":
        return "deferred"
    if what == "failed":
        return "failed"
    if what in ("started", "succeeded"):
        if stage == "done" and step is None:
            return "succeeded"
        return "in-progress"
    return previous  # resumed, skipped


def _trim(items: dict[str, StepStatus], limit: int) -> list[StepStatus]:
    values = list(items.values())
    return values[-limit:]


class JourneyReporter:
    """The journey's reporter: queues one status event per journey event.

    Thread-safe. :meth:`emit` costs one SQLite commit (an fsync, about a
    millisecond); it raises when the outbox cannot be written, and the engine's
    ``emit_safely`` logs that without stopping the user.

    Args:
        outbox: where events are committed.
        campaign_id, wave_id: from the configuration (invalid ids are dropped).
        facts: what is known of the device; default: the facts saved in the
            outbox, else :func:`~helper.report.event.platform_facts`.
        locale: the user's locale (``fr_FR``, ``fr-FR``); default: the
            environment's.
        on_enqueued: called after each event is committed (the window schedules
            a flush); it runs on the caller's thread and must not block.
        tenant_id, windows_join: ``tenant.tenant_id`` and
            ``enrollment.windows_join``: what "in Intune" requires (the
            events' ``intune`` object).
    """

    def __init__(
        self,
        outbox: Outbox,
        *,
        campaign_id: str | None = None,
        wave_id: str | None = None,
        facts: DeviceFacts | None = None,
        locale: str | None = None,
        on_enqueued: Callable[[StatusEvent], None] | None = None,
        tenant_id: str = "",
        windows_join: str = "register",
    ) -> None:
        self._outbox = outbox
        self._tenant_id = tenant_id
        self._windows_join = windows_join
        self._campaign_id = as_ident(campaign_id)
        self._wave_id = as_ident(wave_id)
        self._on_enqueued = on_enqueued
        self._lock = threading.Lock()
        if locale is None:
            from helper.probe.base import machine_locale

            locale = machine_locale()
        self._env = Env(locale=normalize_locale(locale))
        self._app = App(version=as_version(__version__) or "0")
        self._snapshot = self._load(SNAPSHOT_KEY, Snapshot) or Snapshot()
        saved = self._load(FACTS_KEY, DeviceFacts)
        self._facts = facts or saved or platform_facts()
        if self._facts != saved:
            # Saved now, so a later run that knows less (no detection yet)
            # still sends the ids this one knew.
            outbox.set_meta(FACTS_KEY, msgspec.json.encode(self._facts))

    @classmethod
    def from_config(
        cls,
        config: Config,
        outbox: Outbox,
        *,
        facts: DeviceFacts | None = None,
        today: datetime.date | None = None,
        on_enqueued: Callable[[StatusEvent], None] | None = None,
    ) -> JourneyReporter:
        """A reporter with the campaign and wave of the configuration.

        Args:
            config: uses ``migration.campaign_id`` and ``migration.waves`` (the
                wave is the one the journey's deadlines pick for ``today``).
            outbox: where events are committed.
            facts: see the class.
            today: the local date (default: today).
            on_enqueued: see the class.
        """
        from helper.journey.deadlines import pick_wave

        day = today if today is not None else datetime.date.today()
        wave = pick_wave(config.migration.waves, day, config.migration.wave or None)
        return cls(
            outbox,
            campaign_id=config.migration.campaign_id or None,
            wave_id=wave.id if wave is not None else None,
            facts=facts,
            on_enqueued=on_enqueued,
            tenant_id=config.tenant.tenant_id,
            windows_join=config.enrollment.windows_join,
        )

    def _load(self, key: str, kind: type[_T]) -> _T | None:
        raw = self._outbox.get_meta(key)
        if raw is None:
            return None
        try:
            return msgspec.json.decode(raw, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError):
            log.warning("ignoring an unreadable %s in the outbox", key)
            return None

    @property
    def facts(self) -> DeviceFacts:
        """What the events currently say about the device."""
        return self._facts

    @property
    def snapshot(self) -> Snapshot:
        """The journey snapshot sent with the next event."""
        return self._snapshot

    def update_facts(self, facts: DeviceFacts) -> None:
        """Replace the device facts (saved; sent from the next event on)."""
        with self._lock:
            self._facts = facts
            self._outbox.set_meta(FACTS_KEY, msgspec.json.encode(facts))

    def update_detection(
        self, detection: Detection, *, serial_digest: str | None = None
    ) -> None:
        """Take the device ids, legacy state and the halves of "in Intune"
        from a fresh detection.

        Args:
            detection: the detection/1 result the journey just used.
            serial_digest: :func:`~helper.report.event.serial_digest` of the
                serial number (the collector keys it; no key on the device).
        """
        self.update_facts(
            facts_from_detection(
                detection,
                self._facts,
                serial_digest_value=serial_digest,
                tenant_id=self._tenant_id,
                windows_join=self._windows_join,
            )
        )

    def emit(self, event: JourneyEvent) -> None:
        """Queue the status event for one journey event (Reporter protocol)."""
        self._queue(event)

    def heartbeat(self, now: datetime.datetime | None = None) -> StatusEvent:
        """Queue a ``heartbeat`` with the current snapshot (at start-up: it tells
        IT the helper ran, and heals a transition whose event was lost).

        Returns:
            The event as queued.
        """
        moment = utc(now or datetime.datetime.now(datetime.UTC))
        with self._lock:
            event = self._build("heartbeat", self._snapshot, self._facts, at=moment)
            stored = self._outbox.enqueue(event)
        if self._on_enqueued is not None:
            self._on_enqueued(stored)
        return stored

    def _queue(self, journey_event: JourneyEvent) -> StatusEvent:
        with self._lock:
            snapshot, facts = apply_event(self._snapshot, self._facts, journey_event)
            event = self._build(
                journey_event.state,
                snapshot,
                facts,
                at=utc(journey_event.ended_at),
                started=utc(journey_event.started_at),
                stage=as_ident(journey_event.stage),
                step=as_ident(journey_event.step),
                code=as_code(journey_event.code),
            )
            meta = {SNAPSHOT_KEY: msgspec.json.encode(snapshot)}
            if facts is not self._facts:
                meta[FACTS_KEY] = msgspec.json.encode(facts)
            stored = self._outbox.enqueue(event, meta=meta)
            # Only once committed: a failed write leaves the old snapshot.
            self._snapshot, self._facts = snapshot, facts
        if self._on_enqueued is not None:
            self._on_enqueued(stored)
        return stored

    def _build(
        self,
        event_type: EventType,
        snapshot: Snapshot,
        facts: DeviceFacts,
        *,
        at: datetime.datetime,
        started: datetime.datetime | None = None,
        stage: str | None = None,
        step: str | None = None,
        code: str | None = None,
    ) -> StatusEvent:
        journey_id = snapshot.journey_id
        return StatusEvent(
            schema=SCHEMA,
            event_id=new_event_id(),
            device_seq=1,  # placeholder: the outbox assigns the real one
            event_time_utc=at,
            event_type=event_type,
            campaign_id=self._campaign_id,
            wave_id=self._wave_id,
            journey_id=journey_id
            if journey_id and _UUID_RE.match(journey_id)
            else None,
            journey_path=snapshot.journey_path,
            stage=stage,
            step=step,
            code=code,
            started_utc=started,
            device=facts.device(),
            legacy=facts.legacy(),
            intune=facts.intune(),
            stages=_trim(snapshot.stages, MAX_STAGES),
            steps=_trim(snapshot.steps, MAX_STEPS),
            current_stage=snapshot.current_stage,
            overall_state=snapshot.overall_state,
            app=self._app,
            env=self._env,
        )
