# SPDX-License-Identifier: MIT
"""Leftovers of an old management: the catalogue, helpdesk's dry run, and the
removal of what the catalogue marks safe.

- :func:`load_leftovers`: ``resources/leftovers.toml`` (schema ``leftovers/1``):
  each item with what it is, what it blocks, its source, and whether it is
  ``safe`` to remove (with the ``remove`` command, a template whose
  ``{leftover_target}`` is the item's target, validated by the item's kind).
- :func:`dry_run`: what detection found (``detection.leftovers``), each with
  its catalogue entry: listed, never removed; :func:`dry_run_lines` for the
  helpdesk panel and "Copy diagnostics" (English technical lines).
- :func:`remove`: one listed item, only when the catalogue marks it safe,
  through the same launcher as the playbooks' steps (the allowlist, elevation
  through the OS's own prompt, the user's confirmation), logged, then checked
  by detecting again (``removed`` only when detection no longer lists it).

No built-in item is marked safe (see the catalogue's header): removal exists
for the day a documented source supports one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import msgspec

from helper.errors import HelperError

if TYPE_CHECKING:
    from helper.detect.model import Detection, Leftover
    from helper.journey.launch import Launcher, LaunchResult
    from helper.journey.plan import Step

log = logging.getLogger(__name__)

SCHEMA: Final = "leftovers/1"
TARGET: Final = "{leftover_target}"

# What a target may look like, per item: only these values ever reach a command.
_TARGETS: Final[dict[str, re.Pattern[str]]] = {
    "windows-stale-enrollment": re.compile(
        r"\{?[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}?"
    ),
    "windows-stale-mdm-certificate": re.compile(r"[0-9A-F]{40}"),
    "macos-workplace-join-record": re.compile(
        r"com\.microsoft\.workplacejoin\.thumbprint"
    ),
}


class LeftoversError(HelperError):
    """The leftovers catalogue is invalid (``leftovers-invalid``)."""


class LeftoverItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One kind of leftover.

    Attributes:
        id: stable (``detection.leftovers[].item``).
        platform: ``windows``, ``macos``, ``linux`` or ``all``.
        what: what it is, for helpdesk.
        blocks: what it breaks (error codes).
        source: why we believe so, tagged ``[DOC …]``, ``[CODE …]``,
            ``[COMMUNITY …]`` or ``[UNVERIFIED …]``.
        safe: may the helper remove it? Only with a ``[DOC …]`` source.
        remove: the command that removes it (``{leftover_target}`` for the
            target); required when safe.
    """

    id: str
    platform: Literal["windows", "macos", "linux", "all"]
    what: str
    blocks: str
    source: str
    safe: bool = False
    remove: list[str] | None = None


class LeftoversFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    schema: str
    items: list[LeftoverItem] = []


def _validate(data: LeftoversFile, path: Path) -> dict[str, LeftoverItem]:
    if data.schema != SCHEMA:
        raise LeftoversError("leftovers-invalid", f"{path}: schema must be {SCHEMA}")
    items: dict[str, LeftoverItem] = {}
    for item in data.items:
        where = f"{path}: item {item.id!r}"
        if item.id in items:
            raise LeftoversError("leftovers-invalid", f"{where} appears twice")
        if not re.match(r"\[(DOC|CODE|COMMUNITY|UNVERIFIED)\b", item.source):
            raise LeftoversError("leftovers-invalid", f"{where}: source needs a tag")
        if item.safe:
            # Removing is dangerous: only a vendor's documentation makes it safe.
            if "[DOC" not in item.source:
                raise LeftoversError(
                    "leftovers-invalid", f"{where}: safe needs a [DOC …] source"
                )
            if not item.remove or item.id not in _TARGETS:
                raise LeftoversError(
                    "leftovers-invalid",
                    f"{where}: safe needs a remove command and a known target kind",
                )
        if item.remove and TARGET not in item.remove:
            raise LeftoversError(
                "leftovers-invalid", f"{where}: remove must name {TARGET}"
            )
        items[item.id] = item
    return items


def load_leftovers(path: Path | None = None) -> dict[str, LeftoverItem]:
    """The leftovers catalogue (built-in unless ``path`` is given).

    Raises:
        LeftoversError: the file is invalid (the message names it).
    """
    from helper.resources import resource_path
    from helper.tomlfile import load_toml_as

    path = path or resource_path("leftovers.toml")
    data = load_toml_as(path, LeftoversFile, LeftoversError, "leftovers-invalid")
    return _validate(data, path)


class Listed(msgspec.Struct, frozen=True):
    """One leftover found on the device, with its catalogue entry.

    Attributes:
        found: what detection found (item, target, vendor, detail).
        item: its catalogue entry; None for an item the catalogue lacks (never
            removable).
    """

    found: Leftover
    item: LeftoverItem | None

    @property
    def removable(self) -> bool:
        """Safe per the catalogue, and a target of the expected shape."""
        pattern = _TARGETS.get(self.found.item)
        return (
            self.item is not None
            and self.item.safe
            and bool(self.item.remove)
            and pattern is not None
            and pattern.fullmatch(self.found.target) is not None
        )


def dry_run(
    detection: Detection, catalogue: dict[str, LeftoverItem] | None = None
) -> list[Listed]:
    """What detection found, with the catalogue's word on each: nothing removed."""
    items = catalogue if catalogue is not None else load_leftovers()
    return [Listed(found, items.get(found.item)) for found in detection.leftovers]


def dry_run_lines(
    detection: Detection | None, catalogue: dict[str, LeftoverItem] | None = None
) -> list[str]:
    """The dry run as English lines for helpdesk (panel, diagnostics)."""
    if detection is None:
        return []
    try:
        listed = dry_run(detection, catalogue)
    except LeftoversError as exc:
        return [f"Leftovers: catalogue invalid: {exc.message}"]
    if not listed:
        return ["Leftovers (dry run): none found"]
    lines = ["Leftovers (dry run, nothing removed):"]
    for entry in listed:
        found, item = entry.found, entry.item
        owner = f" of {found.vendor}" if found.vendor else ""
        verdict = "safe to remove" if entry.removable else "not removed by the helper"
        lines.append(f"  {found.item}{owner}: {found.target} ({verdict})")
        if item is not None:
            lines.append(f"    blocks: {item.blocks}")
            lines.append(f"    source: {item.source}")
        if found.detail:
            lines.append(f"    found: {found.detail}")
    return lines


def removal_step(entry: Listed) -> Step | None:
    """The elevated ``run`` step that removes a safe leftover, else None."""
    from helper.journey.plan import Step, Text

    if not entry.removable or entry.item is None or not entry.item.remove:
        return None
    command = [
        entry.found.target if part == TARGET else part for part in entry.item.remove
    ]
    label = f"Remove leftover {entry.found.item}: {entry.found.target}"
    return Step(
        id=f"leftover-{entry.found.item}",
        stage="contact-it",
        kind="run",
        text=Text(label, label),
        command=command,
        elevate=True,
    )


RemovalCode = Literal["removed", "still-present", "not-safe", "refused", "failed"]


class Removal(msgspec.Struct, frozen=True):
    """What became of one removal.

    Attributes:
        code: ``removed`` (detection no longer lists it), ``still-present``,
            ``not-safe`` (the catalogue does not mark it safe: nothing ran),
            ``refused`` (allowlist or confirmation) or ``failed`` (the launch).
        launch: the launcher's answer, when something was launched or refused.
    """

    code: RemovalCode
    launch: LaunchResult | None = None


def remove(
    entry: Listed,
    launcher: Launcher,
    *,
    confirmed: bool,
    detect_again: Callable[[], Detection | None],
) -> Removal:
    """Remove one leftover the catalogue marks safe, then detect again.

    Args:
        entry: from :func:`dry_run`.
        launcher: the playbooks' launcher (allowlist, elevation).
        confirmed: helpdesk confirmed this exact removal (saw the command).
        detect_again: a fresh detection of the device.
    """
    step = removal_step(entry)
    if step is None:
        log.warning("leftover %s not removed: not safe", entry.found.item)
        return Removal("not-safe")
    log.info("removing leftover %s: %s", entry.found.item, entry.found.target)
    result = launcher.launch(step, confirmed=confirmed)
    if result.status == "refused":
        return Removal("refused", result)
    if result.status == "failed":
        return Removal("failed", result)
    after = detect_again()
    still = after is None or any(
        f.item == entry.found.item and f.target == entry.found.target
        for f in after.leftovers
    )
    log.info(
        "leftover %s %s after removal",
        entry.found.item,
        "still present" if still else "gone",
    )
    return Removal("still-present" if still else "removed", result)
