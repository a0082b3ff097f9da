# SPDX-License-Identifier: MIT
"""The saved journey state (``journey.json``), its atomic writes and the support code.

The state is written at every transition of the journey engine
(:mod:`helper.journey.engine`) to ``paths.data_dir()/journey.json``:

- atomically: a temporary file in the same folder is written, flushed and
  fsync'ed, then renamed over the old file with ``os.replace``, then the folder
  is fsync'ed (POSIX) so the rename itself survives a power cut. A reader (or a
  helper killed at any instant) only ever sees the old file or the new one;
- versioned: ``schema_version`` (see :data:`SCHEMA_VERSION`). A file that cannot
  be trusted (bad JSON, binary, truncated, wrong shape, unknown version, fields
  that contradict each other) is moved aside as ``journey.json.corrupt-<UTC time>``
  and the journey restarts from detection with the warning code
  ``state-corrupt``: never a crash.

Import-light (msgspec and the standard library): ``status`` reads it.
"""

from __future__ import annotations

import datetime
import logging
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal, Protocol, runtime_checkable

import msgspec

from helper.journey import stages
from helper.journey.plan import Path as PlanPath
from helper.journey.plan import Plan
from helper.journey.stages import Stage

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 1
FILE_NAME: Final = "journey.json"
# A real state is a few KiB; a larger file is not one (and is not read whole).
MAX_STATE_BYTES: Final = 1024 * 1024
CORRUPT_SUFFIX: Final = ".corrupt-"

StepProgress = Literal["pending", "done", "failed", "skipped"]
StateWarning = Literal["state-corrupt", "state-unreadable", "state-not-saved"]

# The stages each path walks through, in order, and what each confirmation
# stage verifies: read from the one stage table (helper/journey/stages.py).
# contact-it may be reached from any path (attempts exhausted, the user asked
# for help), so it is valid in all.
SEQUENCES: Final[dict[str, tuple[Stage, ...]]] = stages.sequences()
CONFIRMS: Final[dict[str, Stage]] = stages.confirms()


def stages_of(path: str) -> tuple[Stage, ...]:
    """The stages a path walks through, in order (contact-it not included)."""
    return stages.sequences()[path]


def utc_now() -> datetime.datetime:
    """The default clock: now, as an aware UTC datetime."""
    return datetime.datetime.now(datetime.UTC)


class JourneyState(msgspec.Struct, kw_only=True):
    """What ``journey.json`` holds (``schema_version`` 1).

    Unknown fields are ignored (a newer helper of the same schema version may add
    some); a different ``schema_version`` is refused.

    Attributes:
        schema_version: the format version, :data:`SCHEMA_VERSION`.
        journey_id: a UUID4; the support code is derived from it.
        created_at, updated_at: UTC times of creation and of the last transition.
        stage: the current stage.
        path: the plan's path (copied from ``plan.path`` for readers like ``status``).
        platform, vendor: copied from the plan.
        begun: the user pressed "begin" (before that, deferring is possible).
        steps: step id → status, for every step of the plan.
        attempts: confirm stage → failed verifications counted so far.
        deferrals_used: how many times the user chose "remind me later".
        next_reminder: when to remind the user (UTC), after a deferral.
        last_verdict: the verdict of the last detection.
        last_code: the code of the last failed confirmation
            (``legacy-still-present``...), cleared when one passes.
        blocked_code: why the journey is at contact-it (a code).
        blocked_verdict: the verdict when contact-it was reached (the journey stays
            there until detection says something else).
        seq: the sequence number of the last event emitted (monotonic).
        stage_started_at: when the current stage started (UTC).
        cursor_at: when the last step of the current stage ended (UTC), the start
            time of the next step's event.
        plan: the plan the journey follows (plan/1), kept so that a resumed journey
            shows the same steps as before.
        legacy_wifi: the Wi-Fi names the old management delivered, as seen
            before it left (the join pre-check recognises them afterwards);
            they stay on the device.
    """

    schema_version: int = SCHEMA_VERSION
    journey_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    stage: Stage
    path: PlanPath
    platform: str
    vendor: str | None = None
    begun: bool = False
    steps: dict[str, StepProgress] = msgspec.field(default_factory=dict)
    attempts: dict[str, int] = msgspec.field(default_factory=dict)
    deferrals_used: int = 0
    next_reminder: datetime.datetime | None = None
    last_verdict: str | None = None
    last_code: str | None = None
    blocked_code: str | None = None
    blocked_verdict: str | None = None
    seq: int = 0
    stage_started_at: datetime.datetime
    cursor_at: datetime.datetime
    plan: Plan
    legacy_wifi: list[str] = msgspec.field(default_factory=list)


class _Version(msgspec.Struct):
    """Just enough of the file to read its version before trusting the rest."""

    schema_version: int


class StateInvalidError(ValueError):
    """A state file that decodes but contradicts itself (``code`` says how)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_state(state: JourneyState) -> None:
    """Check what types cannot: the fields agree with each other.

    Raises:
        StateInvalidError: the state cannot be trusted.
    """
    try:
        parsed = uuid.UUID(state.journey_id)
    except ValueError:
        raise StateInvalidError("journey-id") from None
    if str(parsed) != state.journey_id:
        raise StateInvalidError("journey-id")
    if state.path != state.plan.path:
        raise StateInvalidError("path")
    if state.platform != state.plan.platform or state.vendor != state.plan.vendor:
        raise StateInvalidError("plan-identity")
    if state.stage not in (*stages_of(state.path), "contact-it"):
        raise StateInvalidError("stage")
    ids = [step.id for step in state.plan.steps]
    if len(set(ids)) != len(ids) or set(ids) != set(state.steps):
        raise StateInvalidError("steps")
    if any(
        stage not in stages.confirms() or n < 0 for stage, n in state.attempts.items()
    ):
        raise StateInvalidError("attempts")
    if state.deferrals_used < 0 or state.seq < 0:
        raise StateInvalidError("counters")
    for moment in (state.created_at, state.updated_at, state.stage_started_at):
        if moment.tzinfo is None:
            raise StateInvalidError("naive-time")
    if not progress_consistent(state):
        raise StateInvalidError("progress")


def progress_consistent(state: JourneyState) -> bool:
    """The step statuses agree with the stage.

    Stages of the path before the current one have no pending step; stages after
    it have only pending steps. contact-it steps, and every step while the journey
    is at contact-it, are free (the user may reach IT from anywhere).
    """
    sequence = stages_of(state.path)
    if state.stage not in sequence:
        return True
    here = sequence.index(state.stage)
    for step in state.plan.steps:
        if step.stage not in sequence:
            continue
        status = state.steps[step.id]
        where = sequence.index(step.stage)
        if where < here and status == "pending":
            return False
        if where > here and status != "pending":
            return False
    return True


def decode_state(raw: bytes) -> JourneyState:
    """Decode and check the bytes of ``journey.json``.

    Raises:
        StateInvalidError: bad JSON, wrong shape, unknown version or contradictory
            fields (``code`` says which).
    """
    if len(raw) > MAX_STATE_BYTES:
        raise StateInvalidError("too-large")
    try:
        version = msgspec.json.decode(raw, type=_Version).schema_version
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        # RecursionError: msgspec's guard against nesting deeper than the
        # stack; a journal with it is as unusable as one that is not JSON.
        raise StateInvalidError("not-a-state") from None
    if version != SCHEMA_VERSION:
        # Future versions: migrate here (1 → 2...) before decoding.
        raise StateInvalidError("schema-version")
    try:
        state = msgspec.json.decode(raw, type=JourneyState)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        raise StateInvalidError("schema") from None
    check_state(state)
    return state


def encode_state(state: JourneyState) -> bytes:
    """The bytes written to ``journey.json`` (indented: helpdesk reads it)."""
    return msgspec.json.format(msgspec.json.encode(state), indent=2) + b"\n"


# --- atomic writes --------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    # POSIX: the rename is only durable once the folder's entry is on disk.
    # Windows cannot open a folder this way; NTFS journals the rename itself.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that any reader sees the old or the new bytes.

    Temporary file in the same folder (same file system, so the rename is
    atomic) → write → flush → fsync → ``os.replace`` → fsync of the folder.

    Raises:
        OSError: the folder cannot be written (the old file is left as it was).
    """
    import tempfile

    fd, tmp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except BaseException:
        # Includes KeyboardInterrupt: never leave a half temp file behind.
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _replace(src: Path, dst: Path) -> None:
    if os.name != "nt":
        os.replace(src, dst)
        return
    # WORKAROUND: on Windows a reader (status, an antivirus scan) holding the
    # target open makes os.replace fail with a sharing violation for a moment.
    import time

    for delay in (0.02, 0.05, 0.1, 0.2):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            time.sleep(delay)
    os.replace(src, dst)


# --- the store ------------------------------------------------------------------


class Loaded(msgspec.Struct, frozen=True):
    """What loading the state gave.

    Attributes:
        state: the saved state, None when there is none (or it was not usable).
        warning: ``state-corrupt`` (moved aside) or ``state-unreadable`` (the file
            exists but could not be read), else None.
        reason: for a corrupt file, how it was wrong (``schema-version``...).
        moved_to: where a corrupt file was moved.
    """

    state: JourneyState | None = None
    warning: StateWarning | None = None
    reason: str | None = None
    moved_to: str | None = None


class JourneyStore(Protocol):
    """Where the engine keeps the journey state."""

    def load(self) -> Loaded:
        """The saved state (a corrupt one is dealt with here, never raised)."""
        ...

    def save(self, state: JourneyState) -> None:
        """Save atomically.

        Raises:
            OSError: it could not be saved (the engine warns and carries on).
        """
        ...


@runtime_checkable
class StoreCleanup(Protocol):
    """A store that can remove what a killed writer left behind."""

    def clean_temporary_files(self) -> int:
        """Remove leftover temporary files; returns how many."""
        ...


class StateStore:
    """``journey.json`` in the user data folder (or at ``path``).

    Args:
        path: the file; default ``paths.data_dir()/journey.json``, resolved when
            first used (so ``HELPER_HOME`` set by tests applies).
        quarantine: move a corrupt file aside on load. ``status`` passes False:
            it only reads, and leaves the file for the window to deal with.
        clock: the time used in the name of a moved-aside file.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        quarantine: bool = True,
        clock: Callable[[], datetime.datetime] = utc_now,
    ) -> None:
        self._path = path
        self._quarantine = quarantine
        self._clock = clock

    @property
    def path(self) -> Path:
        if self._path is None:
            from helper.paths import data_dir

            self._path = data_dir() / FILE_NAME
        return self._path

    def load(self) -> Loaded:
        path = self.path
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_STATE_BYTES + 1)
        except FileNotFoundError:
            return Loaded()
        except OSError as exc:
            report = log.warning if self._quarantine else log.info
            report("journey state %s cannot be read: %s", path, exc)
            return Loaded(warning="state-unreadable", reason=type(exc).__name__)
        try:
            return Loaded(state=decode_state(raw))
        except StateInvalidError as exc:
            reason = exc.code
        except Exception as exc:
            # A file no check foresaw must not stop the journey at every
            # launch: whatever the decoder or the checks raise, it is corrupt.
            reason = f"not-a-state:{type(exc).__name__}"
        if not self._quarantine:
            # A reader (status) reports it itself; the window will move it aside.
            log.info("journey state %s is not usable (%s)", path, reason)
            return Loaded(warning="state-corrupt", reason=reason)
        log.warning("journey state %s is not usable (%s)", path, reason)
        moved = self._move_aside(path)
        return Loaded(warning="state-corrupt", reason=reason, moved_to=moved)

    def _move_aside(self, path: Path) -> str | None:
        stamp = self._clock().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}")
        try:
            os.replace(path, target)
        except OSError as exc:
            # Not fatal: the next save replaces the corrupt file anyway.
            log.warning("cannot move %s aside: %s", path, exc)
            return None
        log.warning("moved the unusable journey state to %s", target)
        return str(target)

    def save(self, state: JourneyState) -> None:
        atomic_write_bytes(self.path, encode_state(state))

    def clean_temporary_files(self) -> int:
        """Remove temp files a killed writer left behind; returns how many.

        Only the window calls this, at start, when no other writer runs.
        """
        path = self.path
        removed = 0
        for leftover in path.parent.glob(f".{path.name}.*.tmp"):
            try:
                leftover.unlink()
                removed += 1
            except OSError:
                pass  # another process may hold it; it costs nothing to keep
        return removed


class MemoryStore:
    """A store that keeps the state in memory (demo mode, training, tests).

    The state still goes through encode/decode, so what it holds is exactly what
    a file would hold.
    """

    def __init__(self, raw: bytes | None = None) -> None:
        self.raw = raw
        self.saves = 0

    def load(self) -> Loaded:
        if self.raw is None:
            return Loaded()
        try:
            return Loaded(state=decode_state(self.raw))
        except StateInvalidError as exc:
            self.raw = None
            return Loaded(warning="state-corrupt", reason=exc.code)

    def save(self, state: JourneyState) -> None:
        self.raw = encode_state(state)
        self.saves += 1


# --- support code ---------------------------------------------------------------

# Crockford base32: no I, L, O or U, so nothing reads as 1, 0 or V over the phone.
_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS: Final = {"O": "0", "I": "1", "L": "1"}


def support_code(journey_id: str) -> str:
    """The code a user reads to helpdesk: 8 Crockford base32 characters, two groups.

    Derived from the first 40 bits of the journey id (random in a UUID4): stable
    for the journey, one in a trillion chance of two journeys sharing it.

    >>> support_code("0f9a4c2e-1b3d-4e5f-8a7b-6c5d4e3f2a1b")
    '1YD4-RBGV'
    """
    value = int.from_bytes(uuid.UUID(journey_id).bytes[:5], "big")
    chars = [_CROCKFORD[(value >> shift) & 31] for shift in range(35, -1, -5)]
    return "".join(chars[:4]) + "-" + "".join(chars[4:])


def normalize_support_code(text: str) -> str | None:
    """Read a code typed by helpdesk (any case, O for 0, I/L for 1, spaces or
    dashes anywhere); None when it cannot be a support code."""
    chars = [_READ_AS.get(c, c) for c in text.upper() if not c.isspace() and c != "-"]
    if len(chars) != 8 or any(c not in _CROCKFORD for c in chars):
        return None
    return "".join(chars[:4]) + "-" + "".join(chars[4:])


def new_journey_id() -> str:
    """A fresh journey id (UUID4)."""
    return str(uuid.uuid4())
