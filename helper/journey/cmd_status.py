# SPDX-License-Identifier: MIT
"""``intune-migration-helper status [--json]``: print the saved journey state.

Read-only: it never detects, never writes, and leaves a corrupt state file where
it is (the window moves it aside at its next start). Exit codes:

- 0: a journey was printed, or there is none yet ("no journey yet"), or the state
  file is unusable (one clear line; ``--json`` gives ``"status": "corrupt"``).
  An unusable file is not a failure of this command: the helper recovers from
  it by itself, and helpdesk scripts read the JSON ``status`` field.

Import-light: msgspec, the state and deadline modules; no detection, no Qt.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.journey.state import JourneyState

SCHEMA: Final = "journey-status/1"
EXIT_OK: Final = 0


def status_document(
    config: Config,
    *,
    now: datetime.datetime | None = None,
    tz: datetime.tzinfo | None = None,
) -> dict[str, Any]:
    """What ``status --json`` prints (``journey-status/1``).

    ``status`` is ``none`` (no journey yet), ``ok`` or ``corrupt`` (with
    ``reason``) or ``unreadable``.
    """
    from helper.journey import deadlines
    from helper.journey.state import support_code, utc_now
    from helper.migration import live_store

    moment = now if now is not None else utc_now()
    store = live_store(read_only=True)
    loaded = store.load()
    doc: dict[str, Any] = {"schema": SCHEMA, "file": str(store.path)}
    due = deadlines.deadline(config.migration, moment, tz=tz)
    doc["deadline"] = _deadline_doc(due)
    if loaded.state is None:
        if loaded.warning == "state-corrupt":
            doc.update(status="corrupt", reason=loaded.reason)
        elif loaded.warning == "state-unreadable":
            doc.update(status="unreadable", reason=loaded.reason)
        else:
            doc["status"] = "none"
        return doc
    state = loaded.state
    doc.update(
        status="ok",
        journey_id=state.journey_id,
        support_code=support_code(state.journey_id),
        stage=state.stage,
        path=state.path,
        platform=state.platform,
        vendor=state.vendor,
        begun=state.begun,
        attempts=dict(state.attempts),
        code=state.blocked_code if state.stage == "contact-it" else state.last_code,
        deferrals_used=state.deferrals_used,
        max_deferrals=config.migration.max_deferrals,
        next_reminder=_iso(state.next_reminder),
        last_verdict=state.last_verdict,
        steps=_step_counts(state),
        created_at=_iso(state.created_at),
        updated_at=_iso(state.updated_at),
        seq=state.seq,
    )
    return doc


def _iso(moment: datetime.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _deadline_doc(due: Any) -> dict[str, Any] | None:
    if due is None:
        return None
    return {
        "wave_id": due.wave_id,
        "wave_name": due.wave_name,
        "notify_date": due.notify_date.isoformat(),
        "enforcement_date": due.enforcement_date.isoformat(),
        "days_left": due.days_left,
        "phase": due.phase,
    }


def _step_counts(state: JourneyState) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in state.steps.values():
        counts[status] = counts.get(status, 0) + 1
    return dict(sorted(counts.items()))


def _deadline_text(deadline: dict[str, Any] | None) -> str:
    if deadline is None:
        return "none configured"
    return (
        f"{deadline['enforcement_date']} (wave {deadline['wave_id']}, "
        f"{deadline['days_left']} days left, {deadline['phase']})"
    )


def render_text(doc: dict[str, Any]) -> str:
    """The human-readable form (English, like the rest of the command line)."""
    status = doc["status"]
    if status == "none":
        return "No journey yet: the helper has not been run on this device.\n"
    if status in ("corrupt", "unreadable"):
        # One line: what is wrong and what will happen.
        what = "unusable" if status == "corrupt" else "unreadable"
        return (
            f"The saved journey state {doc['file']} is {what} ({doc['reason']}); "
            "the helper will start again from detection at its next start.\n"
        )
    attempts = ", ".join(f"{k} {v}" for k, v in doc["attempts"].items()) or "none"
    rows = [
        ("Support code", doc["support_code"]),
        ("Stage", doc["stage"] + ("" if doc["begun"] else " (not begun)")),
        ("Path", doc["path"]),
        ("Platform", doc["platform"]),
        ("Legacy vendor", doc["vendor"] or "none"),
        ("Last verdict", doc["last_verdict"] or "unknown"),
        ("Code", doc["code"] or "none"),
        ("Failed checks", attempts),
        ("Deadline", _deadline_text(doc["deadline"])),
        ("Deferrals used", f"{doc['deferrals_used']} of {doc['max_deferrals']}"),
        ("Next reminder", doc["next_reminder"] or "none"),
        ("Updated", doc["updated_at"]),
        ("Journey id", doc["journey_id"]),
    ]
    width = max(len(label) for label, _ in rows) + 1
    return "".join(f"{label + ':':<{width}} {value}\n" for label, value in rows)


def run_status(args: argparse.Namespace, config: Config) -> int:
    """Print the saved journey state; see the module docstring for exit codes."""
    doc = status_document(config)
    if getattr(args, "json", False):
        import json

        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(doc))
    return EXIT_OK
