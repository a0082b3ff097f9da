# SPDX-License-Identifier: MIT
"""Where a device stands in its migration, from its latest event.

Computed once, when the event is stored, into ``device_state`` columns (core
migration 3), so the dashboard's counts and its history are plain indexed
reads instead of a walk through 200,000 JSON documents on every page:

- ``legacy_status``: the old EMM, :data:`LegacyStatus`. ``present``
  (``legacy.still_enrolled`` true), ``left`` (false), ``none`` (no old EMM
  detected: no ``legacy`` vendor nor state, and a journey whose plan leaves
  nothing), else ``unknown`` (a vendor without a state, or no legacy facts on
  a path that leaves one: an older helper mid-way). ``left`` and ``none``
  count as out of the old EMM ("left or never enrolled").
- ``in_intune``: the journey succeeded, or its ``confirm-joined`` stage is
  done (the helper saw Intune manage the device).
- ``progress_utc``: the latest ``at`` of the snapshot's stages and steps, the
  device's clock, ``YYYY-MM-DDTHH:MM:SS`` (a heartbeat changes none); NULL
  when there is none (read as the device's first report).
- ``migrated_utc``: when the collector first stored an event saying the device
  is out of the old EMM and in Intune (the collector's clock: what IT learned
  when); NULL while it is not, and again if it falls back.

Whether a device counts still depends on its ``identity`` (only confirmed
devices count: docs/collector.md, "Device identity"); that is read at query
time, since a confirmation may come later (the Graph hook).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal, Protocol

from helper.journey.stages import confirmation_of

# The stage the helper passes once Intune manages the device: the one that
# confirms the join, in the helper's stage table.
JOINED_STAGE: Final = confirmation_of("join") or "confirm-joined"
# Plan paths that leave an old EMM (or cannot tell: contact-it): a device on one
# of them that reports no legacy facts yet is "unknown", not "never enrolled".
LEGACY_PATHS: Final = frozenset({"leave-then-join", "remove-legacy", "contact-it"})
LegacyStatus = Literal["present", "left", "none", "unknown"]
LEGACY_STATUSES: Final[tuple[LegacyStatus, ...]] = (
    "present",
    "left",
    "none",
    "unknown",
)
# Out of the old EMM: left it, or never had one.
OUT_OF_LEGACY: Final[frozenset[str]] = frozenset({"left", "none"})


class _Item(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def state(self) -> str: ...


def legacy_status(
    vendor: str | None, still_enrolled: bool | None, journey_path: str | None
) -> LegacyStatus:
    """The old EMM as the dashboard counts it (see the module docstring).

    A helper that found no old EMM sends ``legacy: null``; before this rule that
    counted as "still enrolled" and its wave was never ready.
    """
    if still_enrolled is True:
        return "present"
    if still_enrolled is False:
        return "left"
    if vendor is None and (journey_path or "") not in LEGACY_PATHS:
        return "none"
    return "unknown"


def in_intune(overall_state: str, stages: Iterable[_Item]) -> bool:
    """The journey succeeded, or its confirm-joined stage is done."""
    if overall_state == "succeeded":
        return True
    return any(s.id == JOINED_STAGE and s.state == "done" for s in stages)


def progress_text(moments: Iterable[str | None]) -> str | None:
    """The latest of RFC 3339 times, as its first 19 characters (None: none)."""
    latest = max((m[:19] for m in moments if m and len(m) >= 19), default=None)
    return latest


__all__ = [
    "JOINED_STAGE",
    "LEGACY_PATHS",
    "LEGACY_STATUSES",
    "OUT_OF_LEGACY",
    "LegacyStatus",
    "in_intune",
    "legacy_status",
    "progress_text",
]
