# SPDX-License-Identifier: MIT
"""agents.json: the vendor agents a probe found (our own format, all OSes).

```json
{"schema": "agents/1",
 "found": [{"kind": "uninstall", "value": "Workspace ONE Intelligent Hub Installer",
            "detail": "23.10.0.5"},
           {"kind": "path", "value": "C:\\ProgramData\\AirWatch"}]}
```

``kind`` is one of: path, app (macOS bundle id), launchd, service, uninstall
(Windows uninstall DisplayName), registry-key, package. ``detail`` is optional
(version, install location). Unknown kinds and keys are ignored, so helpdesk can
write one by hand and newer probes can add kinds.
"""

from __future__ import annotations

import json

import msgspec

from helper.parsers import ParseError, decode_text

KINDS = ("path", "app", "launchd", "service", "uninstall", "registry-key", "package")


class Agent(msgspec.Struct, frozen=True):
    kind: str
    value: str
    detail: str = ""


def parse_agents(data: bytes) -> list[Agent]:
    """Parse agents.json; entries that are not well-formed are skipped.

    Raises:
        ParseError: not JSON, or not an object with a ``found`` list.
    """
    text = decode_text(data)
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("found"), list):
        raise ParseError('not an agents file (no "found" list)')
    agents: list[Agent] = []
    for entry in doc["found"]:
        if not isinstance(entry, dict):
            continue
        kind, value, detail = (
            entry.get("kind"),
            entry.get("value"),
            entry.get("detail", ""),
        )
        if isinstance(kind, str) and isinstance(value, str) and value.strip():
            agents.append(
                Agent(kind, value.strip(), detail if isinstance(detail, str) else "")
            )
    return agents


def encode_agents(agents: list[Agent]) -> bytes:
    """The agents.json a probe writes."""
    doc = {"schema": "agents/1", "found": [msgspec.to_builtins(a) for a in agents]}
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
