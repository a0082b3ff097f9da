# SPDX-License-Identifier: MIT
"""Simulated devices: a scenario is a capture before, and after, each user action.

A scenario lives in ``resources/scenarios/<name>/``: ``scenario.toml`` and one
capture folder per state of the device (the exact capture format, see
docs/capture-format.md). The journey engine runs on a :class:`ScenarioDevice`
exactly as on this machine: only the evidence comes from files. Scenarios drive
the window's demo mode, helpdesk training and the engine's tests.

``scenario.toml``::

    name = "ws1-windows"                  # = the folder name
    platform = "windows"                  # windows | macos | linux

    [description]                         # both languages required
    en = "Workspace ONE on a Windows laptop: leave, then join Intune."
    fr = "Workspace ONE sur un portable Windows : quitter, puis rejoindre Intune."

    [expect]                              # what a walk doing every step gives
    path = "leave-then-join"              # the plan's path
    end = "done"                          # the stage the walk ends at

    [[captures]]                          # ordered: the first is the initial one
    id = "enrolled"                       # = the capture folder
    verdict = "legacy-enrolled"           # what detection says (tests check it)

    [[transitions]]                       # which user action moves the device
    from = "enrolled"                     # the capture it applies to
    stage = "leave"                       # a step of this stage was done...
    step = "ws1-unenroll"                 # ...or this exact step (optional)
    count = 1                             # on the count-th matching step (default 1)
    to = "left"

A transition fires once per matching :meth:`ScenarioDevice.performed` call
counted from its ``from`` capture; a stage transition fires on the first step of
that stage the user marks done (the engine verifies only once the whole stage is
done, so the outcome is the same). A stage with no transition leaves the device
as it is: "the user said it was done, but nothing changed".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import msgspec

from helper.errors import HelperError
from helper.journey.plan import STAGES, Text

if TYPE_CHECKING:
    from helper.capture.model import Capture

FILE_NAME: Final = "scenario.toml"
_NAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class ScenarioError(HelperError):
    """A scenario that does not exist (``scenario-not-found``) or is invalid
    (``scenario-invalid``); the message names the file and the problem."""


class ScenarioCapture(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One state of the simulated device.

    Attributes:
        id: the capture folder's name.
        verdict: the detection verdict this capture must give (checked by tests).
    """

    id: str
    verdict: str = ""


class Transition(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A user action that moves the device from one capture to another."""

    from_: str = msgspec.field(name="from")
    to: str = ""
    stage: str | None = None
    step: str | None = None
    count: int = 1


class Expect(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What walking the scenario doing every step gives (path and final stage)."""

    path: str = ""
    end: str = ""


class ScenarioFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``scenario.toml``."""

    name: str
    platform: Literal["windows", "macos", "linux"]
    description: Text
    captures: list[ScenarioCapture]
    transitions: list[Transition] = []
    expect: Expect = msgspec.field(default_factory=Expect)


class Scenario:
    """A loaded scenario.

    Args:
        spec: the decoded ``scenario.toml``.
        root: the scenario folder.
    """

    def __init__(self, spec: ScenarioFile, root: Path) -> None:
        self.spec = spec
        self.root = root

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def platform(self) -> str:
        return self.spec.platform

    @property
    def description(self) -> Text:
        return self.spec.description

    @property
    def capture_ids(self) -> list[str]:
        return [c.id for c in self.spec.captures]

    def capture(self, capture_id: str) -> Capture:
        """Open one of the scenario's captures.

        Raises:
            CaptureError: the folder is missing or not a capture.
        """
        from helper.capture.store import open_capture

        return open_capture(self.root / capture_id)

    def initial_capture(self) -> Capture:
        """The device before the user does anything."""
        return self.capture(self.spec.captures[0].id)

    def device(self, state_file: Path | None = None) -> ScenarioDevice:
        """A simulated device at the initial capture.

        Args:
            state_file: where the device keeps its position, so that, like a real
                device, it survives the helper being killed and started again
                (crash tests). None: in memory only (demo mode).
        """
        return ScenarioDevice(self, state_file=state_file)


class _Position(msgspec.Struct):
    position: str
    counts: dict[str, int] = msgspec.field(default_factory=dict)


class ScenarioDevice:
    """A :class:`~helper.journey.device.DeviceSource` that replays a scenario."""

    def __init__(self, scenario: Scenario, *, state_file: Path | None = None) -> None:
        self.scenario = scenario
        self._state_file = state_file
        self._cache: dict[str, Capture] = {}
        self.history: list[tuple[str, str | None, str]] = []
        saved = self._load()
        self.position: str = saved.position
        self._counts: dict[str, int] = saved.counts

    @property
    def platform(self) -> str:
        return self.scenario.platform

    def capture(self) -> Capture:
        if self.position not in self._cache:
            self._cache[self.position] = self.scenario.capture(self.position)
        return self._cache[self.position]

    def performed(self, step_id: str, *, stage: str | None = None) -> None:
        for index, rule in enumerate(self.scenario.spec.transitions):
            if rule.from_ != self.position:
                continue
            if rule.stage is not None and rule.stage != stage:
                continue
            if rule.step is not None and rule.step != step_id:
                continue
            key = str(index)
            self._counts[key] = self._counts.get(key, 0) + 1
            if self._counts[key] >= rule.count:
                self.position = rule.to
            self._save()
            break
        self.history.append((step_id, stage, self.position))

    def _load(self) -> _Position:
        initial = _Position(self.scenario.spec.captures[0].id)
        if self._state_file is None:
            return initial
        try:
            saved = msgspec.json.decode(self._state_file.read_bytes(), type=_Position)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return initial
        return saved if saved.position in self.scenario.capture_ids else initial

    def _save(self) -> None:
        if self._state_file is None:
            return
        from helper.journey.state import atomic_write_bytes

        data = msgspec.json.encode(_Position(self.position, self._counts))
        atomic_write_bytes(self._state_file, data)


def scenarios_root() -> Path:
    """``resources/scenarios`` (checkout, wheel or frozen bundle)."""
    from helper.resources import resource_path

    return resource_path("scenarios")


def list_scenarios(root: Path | None = None) -> list[str]:
    """The names of the scenarios shipped (or under ``root``), sorted."""
    folder = root if root is not None else scenarios_root()
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.iterdir() if p.is_dir() and (p / FILE_NAME).is_file()
    )


def load_scenario(name: str, *, root: Path | None = None) -> Scenario:
    """Load a scenario by name.

    Raises:
        ScenarioError: ``scenario-not-found`` (the message lists the known ones)
            or ``scenario-invalid`` (names the file and the problem).
    """
    folder = root if root is not None else scenarios_root()
    where = folder / name / FILE_NAME
    if not name or any(c not in _NAME_CHARS for c in name) or not where.is_file():
        known = ", ".join(list_scenarios(folder)) or "none"
        raise ScenarioError(
            "scenario-not-found",
            f"no scenario named {json.dumps(name)} (known: {known})",
        )
    from helper.tomlfile import load_toml_as

    spec = load_toml_as(where, ScenarioFile, ScenarioError, "scenario-invalid")
    problem = _problem(spec, name, folder / name)
    if problem:
        raise ScenarioError("scenario-invalid", f"{where}: {problem}")
    return Scenario(spec, folder / name)


def _problem(spec: ScenarioFile, name: str, root: Path) -> str | None:
    if spec.name != name:
        return f"name is {json.dumps(spec.name)}, expected the folder name {name!r}"
    if not spec.captures:
        return "captures: expected at least one capture"
    ids = [c.id for c in spec.captures]
    if len(set(ids)) != len(ids):
        return "captures: ids must be unique"
    for capture_id in ids:
        if not (root / capture_id / "capture.json").is_file():
            return f"captures: no capture folder {capture_id!r} next to {FILE_NAME}"
    for index, rule in enumerate(spec.transitions):
        at = f"transitions[{index}]"
        if rule.from_ not in ids or rule.to not in ids:
            return f"{at}: from and to must be capture ids ({', '.join(ids)})"
        if rule.stage is None and rule.step is None:
            return f"{at}: expected a stage or a step"
        if rule.stage is not None and rule.stage not in STAGES:
            return f"{at}.stage: expected one of {', '.join(STAGES)}"
        if rule.count < 1:
            return f"{at}.count: expected 1 or more"
    return None
