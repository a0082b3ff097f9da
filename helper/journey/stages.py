# SPDX-License-Identifier: MIT
"""The one stage table: every stage of a journey, in order, with what the engine,
the planner, the reporter, the dashboard, the command line and the window need
to know about it.

Adding a stage is one :class:`StageSpec` in :data:`TABLE` (plus, if it is shown
on its own wizard page, that page's class in ``ui/pages/``) and its words
(``helper.words`` for the command line, ``ui.words`` for the window: both keyed
by the stage id). ``tests/helper/test_stages.py`` adds a stage in a fixture and
walks a journey through it.

Plain tuples and functions, no msgspec: the window's first page reads
:func:`page_of` before its first paint (docs/architecture.md, Start-up rules).
The functions read :data:`TABLE` at each call, so a test may swap it.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

# The stages' type; the table below is their order and their rules (a test
# checks that the two agree).
Stage = Literal[
    "prepare", "leave", "confirm-left", "join", "confirm-joined", "done", "contact-it"
]

# The paths a plan may take (``plan.Path``); contact-it and done are one stage.
LEAVE_THEN_JOIN: Final = "leave-then-join"
REMOVE_LEGACY: Final = "remove-legacy"
JOIN_ONLY: Final = "join-only"
ACTIVE_PATHS: Final = (LEAVE_THEN_JOIN, REMOVE_LEGACY, JOIN_ONLY)

# On the paths that do not walk both sides, every stage expects one phase.
_PATH_PHASE: Final = {REMOVE_LEGACY: "both", JOIN_ONLY: "clean"}


class StageSpec(NamedTuple):
    """One stage.

    Attributes:
        id: the stage code (``plan.Stage``), in events and ``journey.json``.
        paths: the plan paths that walk through it.
        phase: the device phase it expects on ``leave-then-join`` (``legacy``
            before the old management left, ``clean`` after); the other paths
            expect one phase throughout. None: any phase (done, contact-it).
        confirms: for a confirmation stage, the stage whose steps it verifies
            (by detecting again); None for a stage of user steps.
        failure_code: the code a failed confirmation gives.
        page: the wizard page that shows it (``ui/pages/``).
        title_key: the key of its short name in the words tables (the id).
    """

    id: Stage
    paths: tuple[str, ...]
    phase: str | None = None
    confirms: Stage | None = None
    failure_code: str | None = None
    page: str = ""
    title_key: str = ""


_ALL_ACTIVE: Final = ACTIVE_PATHS
_LEAVING: Final = (LEAVE_THEN_JOIN, REMOVE_LEGACY)
_JOINING: Final = (LEAVE_THEN_JOIN, JOIN_ONLY)

TABLE: tuple[StageSpec, ...] = (
    StageSpec("prepare", _ALL_ACTIVE, "legacy", page="check"),
    StageSpec("leave", _LEAVING, "legacy", page="leave"),
    StageSpec(
        "confirm-left",
        _LEAVING,
        "legacy",
        confirms="leave",
        failure_code="legacy-still-present",
        page="leave",
    ),
    StageSpec("join", _JOINING, "clean", page="join"),
    StageSpec(
        "confirm-joined",
        _JOINING,
        "clean",
        confirms="join",
        failure_code="intune-still-absent",
        page="join",
    ),
    StageSpec("done", (*_ALL_ACTIVE, "done"), page="done"),
    StageSpec("contact-it", ("contact-it",), page="contact-it"),
)


def table() -> tuple[StageSpec, ...]:
    """The table (read at each call)."""
    return TABLE


def stage_ids() -> tuple[Stage, ...]:
    """Every stage, in order."""
    return tuple(s.id for s in TABLE)


def spec(stage: str) -> StageSpec:
    """The row of ``stage``.

    Raises:
        KeyError: no such stage.
    """
    for row in TABLE:
        if row.id == stage:
            return row
    raise KeyError(stage)


def title_key(stage: str) -> str:
    """The key of a stage's short name in the words tables (the stage itself
    when the table does not know it: the words tables then show it as is)."""
    for row in TABLE:
        if row.id == stage:
            return row.title_key or row.id
    return stage


def sequences() -> dict[str, tuple[Stage, ...]]:
    """The stages each path walks through, in order. contact-it may be reached
    from any path (attempts exhausted, the user asked for help)."""
    paths: dict[str, list[Stage]] = {}
    for row in TABLE:
        for path in row.paths:
            paths.setdefault(path, []).append(row.id)
    return {path: tuple(ids) for path, ids in paths.items()}


def confirms() -> dict[str, Stage]:
    """Confirmation stage → the stage whose steps it verifies."""
    return {row.id: row.confirms for row in TABLE if row.confirms is not None}


def confirmation_of(stage: str) -> Stage | None:
    """The confirmation stage that verifies ``stage``'s steps, if any."""
    for row in TABLE:
        if row.confirms == stage:
            return row.id
    return None


def failure_codes() -> dict[str, str]:
    """Confirmation stage → the code its failure gives."""
    return {row.id: row.failure_code for row in TABLE if row.failure_code}


def expected_phases() -> dict[tuple[str, str], str]:
    """(path, stage) → the device phase that stage expects. A detection in
    another phase means the device moved on (or back) without the user."""
    phases: dict[tuple[str, str], str] = {}
    for row in TABLE:
        if row.phase is None:
            continue
        for path in row.paths:
            if path in ACTIVE_PATHS:
                phases[(path, row.id)] = _PATH_PHASE.get(path, row.phase)
    return phases


def page_of(stage: str) -> str:
    """The wizard page that shows ``stage`` (``check`` for an unknown one)."""
    for row in TABLE:
        if row.id == stage:
            return row.page or "check"
    return "check"


def path_pages(path: str) -> tuple[str, ...]:
    """The wizard pages a path walks through after ``check``, in order."""
    pages: list[str] = []
    for stage in sequences().get(path, ()):
        page = page_of(stage)
        if page != "check" and page not in pages:
            pages.append(page)
    return tuple(pages)
