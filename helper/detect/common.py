# SPDX-License-Identifier: MIT
"""Pieces every OS detector shares: reading a source safely, building results."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, TypeVar

from helper.capture.model import Capture
from helper.catalogue import Catalogue, Vendor
from helper.detect.model import Evidence, Leftover, Legacy, OsFindings, Warning
from helper.parsers import ParseError
from helper.parsers.agents import Agent, parse_agents

T = TypeVar("T")

UNKNOWN_MDM = "unknown-mdm"


def read_source(
    capture: Capture,
    name: str,
    parser: Callable[[bytes], T],
    findings: OsFindings,
) -> T | None:
    """Parse one capture file.

    Returns None when the file is missing (that part of the result is then
    ``unknown``) or unparsable (a ``source-unreadable`` warning names it).
    """
    data = capture.read(name)
    if data is None:
        info = capture.source(name)
        if info is not None and info.error and info.error != "not-found":
            findings.warnings.append(
                Warning("source-unreadable", f"{name}: {info.error}")
            )
        return None
    try:
        return parser(data)
    except ParseError as exc:
        findings.warnings.append(Warning("source-unreadable", f"{name}: {exc}"))
        return None


def removable_default(vendor: Vendor, os_name: str) -> bool | None:
    """What the catalogue says about user removal, before device evidence."""
    return {"yes": True, "no": False}.get(vendor.on(os_name).removable)


# Evidence lines kept per conclusion: helpdesk reads a handful; a damaged or
# hostile export with thousands of enrollment keys made each "already there?"
# check scan a growing list (quadratic).
MAX_EVIDENCE: Final = 64


def extend_evidence(target: list[Evidence], new: Iterable[Evidence]) -> None:
    """Append the ``new`` lines not in ``target`` yet, up to MAX_EVIDENCE."""
    for item in new:
        if len(target) >= MAX_EVIDENCE:
            return
        if item not in target:
            target.append(item)


def add_legacy(
    findings: OsFindings,
    *,
    vendor_id: str,
    name: str,
    removable: bool | None,
    server: str | None,
    evidence: list[Evidence],
) -> Legacy:
    """Add a legacy management, merging with one already found for the vendor.

    Merging keeps one entry per vendor (several Enrollments keys of one vendor are
    one management); the stricter removability wins (False over None over True).
    """
    # One entry per vendor, and per server for unknown MDMs: looked up in a
    # dict, not by scanning the list (thousands of unknown servers in one
    # export made that quadratic).
    cached = findings.__dict__.get("_legacy_index")
    if cached is None or cached[0] != len(findings.legacy):
        index: dict[tuple[str, str | None], Legacy] = {}
        for item in findings.legacy:
            index.setdefault(_legacy_key(item.vendor, item.server), item)
        cached = findings.__dict__["_legacy_index"] = (len(findings.legacy), index)
    key = _legacy_key(vendor_id, server)
    existing = cached[1].get(key)
    if existing is not None:
        extend_evidence(existing.evidence, evidence)
        existing.server = existing.server or server
        existing.removable = _stricter(existing.removable, removable)
        return existing
    legacy = Legacy(vendor_id, name, removable, server, [])
    extend_evidence(legacy.evidence, evidence)
    findings.legacy.append(legacy)
    cached[1][key] = legacy
    findings.__dict__["_legacy_index"] = (len(findings.legacy), cached[1])
    return legacy


def _legacy_key(vendor_id: str, server: str | None) -> tuple[str, str | None]:
    return (vendor_id, server if vendor_id == UNKNOWN_MDM else None)


def _stricter(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def agent_evidence(
    capture: Capture, name: str, catalogue: Catalogue, findings: OsFindings
) -> dict[str, list[tuple[Agent, Evidence]]]:
    """Agents found in ``<os>/agents.json``, grouped by catalogue vendor id."""
    agents = read_source(capture, name, parse_agents, findings) or []
    grouped: dict[str, list[tuple[Agent, Evidence]]] = {}
    for agent in agents:
        vendor = catalogue.by_agent(agent.kind, agent.value, capture.os)
        if vendor is None:
            continue
        detail = f"{agent.kind}: {agent.value}"
        if agent.detail:
            detail += f" ({agent.detail})"
        grouped.setdefault(vendor.id, []).append((agent, Evidence(name, detail)))
    return grouped


def note_agent_leftovers(
    findings: OsFindings,
    agents: dict[str, list[tuple[Agent, Evidence]]],
    catalogue: Catalogue,
) -> None:
    """Corroborate found managements with agents; warn about agents of the others.

    An agent of a vendor that does not manage the device is a leftover (an
    uninstall that did not finish, or an enrollment removed by hand).
    """
    managing = {legacy.vendor: legacy for legacy in findings.legacy}
    for vendor_id, items in agents.items():
        evidence = [e for _, e in items]
        if vendor_id in managing:
            legacy = managing[vendor_id]
            extend_evidence(legacy.evidence, evidence)
        elif vendor_id == "intune":
            if findings.intune.enrolled is True:
                extend_evidence(findings.intune.evidence, evidence)
        else:
            vendor = catalogue.get(vendor_id)
            label = vendor.name if vendor else vendor_id
            detail = f"{label}: " + "; ".join(e.detail for e in evidence)
            findings.warnings.append(Warning("agent-leftover", detail))
            if len(findings.leftovers) < MAX_EVIDENCE:
                # Helpdesk's dry run lists it (helper/leftovers.py): an agent is
                # removed with its vendor's uninstaller, never by the helper.
                findings.leftovers.append(
                    Leftover("agent", vendor_id, vendor_id, detail[:300])
                )
