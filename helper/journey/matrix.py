# SPDX-License-Identifier: MIT
"""How a user leaves each vendor on each platform: the matrix of docs/vendors.md.

Generated from the built-in playbooks, so the documentation cannot drift from
what the helper shows. A vendor × platform is:

- ``user-side``: the user can leave by themselves (``routed_to_it`` false);
- ``needs a code``: the user can leave, but only with a password or one-time
  code from IT (``needs_code_from_it``);
- ``IT only``: no user path is documented (``routed_to_it``).

Its confidence is the weakest source tag (``[DOC]`` > ``[CODE]`` >
``[COMMUNITY]`` > ``[UNVERIFIED]``) among the ``leave`` steps for the current
OS releases (steps without ``os_max``, the ones a plan uses when the OS version
is unknown): the path is only as sure as its least sure step. ``verify`` steps
state no fact and carry no source.

``python -m helper.journey.matrix`` prints the table;
``python -m helper.journey.matrix --write docs/vendors.md`` replaces the block
between the markers. A test keeps the committed block equal to the output.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal, NamedTuple

from helper.journey.playbooks import (
    COMMON,
    PLATFORMS,
    TARGET,
    UNKNOWN_MDM,
    Playbook,
    PlaybookSet,
    load_playbooks,
)

START: Final = "<!-- vendor-matrix:start -->"
END: Final = "<!-- vendor-matrix:end -->"
# Strongest first.
TAGS: Final = ("DOC", "CODE", "COMMUNITY", "UNVERIFIED")
_TAG = re.compile(r"\[(DOC|CODE|COMMUNITY|UNVERIFIED)\b")

Status = Literal["user-side", "needs a code", "IT only"]
_CELL: Final[dict[Status, str]] = {
    "user-side": "user",
    "needs a code": "code",
    "IT only": "IT",
}


class Row(NamedTuple):
    """One vendor × platform of the matrix."""

    vendor: str
    platform: str
    status: Status
    confidence: str  # one of TAGS, or "none" when no step has a source


def source_tag(source: str) -> str | None:
    """``"[DOC Apple …] text"`` → ``"DOC"``; None without a tag."""
    match = _TAG.match(source)
    return match.group(1) if match else None


def status(playbook: Playbook) -> Status:
    """Whether the user can leave alone, with a code from IT, or not at all."""
    if playbook.routed_to_it:
        return "IT only"
    if playbook.needs_code_from_it:
        return "needs a code"
    return "user-side"


def confidence(playbook: Playbook) -> str:
    """The weakest tag among the leave steps for the current OS releases."""
    tags = [
        source_tag(step.source)
        for step in playbook.steps
        if step.stage == "leave" and step.kind != "verify" and step.os_max is None
    ]
    if not tags or None in tags:
        return "none"
    return max((tag for tag in tags if tag is not None), key=TAGS.index)


def matrix_rows(playbooks: PlaybookSet) -> list[Row]:
    """Every legacy vendor × platform with a playbook, by vendor then platform.

    Intune (the target: its leave steps serve tenant moves) and ``_common`` are
    left out; ``unknown-mdm`` comes last.
    """
    rows = [
        Row(p.vendor, p.platform, status(p), confidence(p))
        for p in playbooks
        if p.vendor not in (COMMON, TARGET)
    ]
    return sorted(
        rows,
        key=lambda r: (r.vendor == UNKNOWN_MDM, r.vendor, PLATFORMS.index(r.platform)),
    )


def matrix_markdown(playbooks: PlaybookSet) -> str:
    """The block between the markers: the table, then the totals."""
    rows = matrix_rows(playbooks)
    cells = {(r.vendor, r.platform): r for r in rows}
    vendors = list(dict.fromkeys(r.vendor for r in rows))
    lines = [
        "| vendor | " + " | ".join(f"`{p}`" for p in PLATFORMS) + " |",
        "|---|" + "---|" * len(PLATFORMS),
    ]
    for vendor in vendors:
        row = [f"`{vendor}`"]
        for platform in PLATFORMS:
            cell = cells.get((vendor, platform))
            row.append(
                "—" if cell is None else f"{_CELL[cell.status]} · {cell.confidence}"
            )
        lines.append("| " + " | ".join(row) + " |")
    counts = {s: sum(1 for r in rows if r.status == s) for s in _CELL}
    documented = sum(1 for r in rows if r.status != "IT only" and r.confidence == "DOC")
    lines += [
        "",
        f"{len(rows)} vendor × platform playbooks: {counts['user-side']} user-side, "
        f"{counts['needs a code']} needing a code from IT, "
        f"{counts['IT only']} IT only; "
        f"{documented} user paths sourced [DOC] throughout.",
    ]
    return "\n".join(lines) + "\n"


def replace_block(text: str, block: str) -> str:
    """``text`` with what lies between the markers replaced by ``block``.

    Raises:
        ValueError: the markers are missing or out of order.
    """
    head, sep, rest = text.partition(START + "\n")
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        raise ValueError(f"expected {START!r} then {END!r} on lines of their own")
    return head + START + "\n" + block + END + tail


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helper.journey.matrix",
        description="Print the vendor × platform matrix, or write it into a file.",
    )
    parser.add_argument(
        "--write",
        type=Path,
        metavar="FILE",
        help="replace the block between the markers in FILE (docs/vendors.md)",
    )
    args = parser.parse_args(argv)
    block = matrix_markdown(load_playbooks())
    if args.write is None:
        sys.stdout.write(block)
        return 0
    path: Path = args.write
    path.write_text(
        replace_block(path.read_text(encoding="utf-8"), block), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
