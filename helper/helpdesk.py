# SPDX-License-Identifier: MIT
"""What the helpdesk panel shows and exports, without widgets (the panel is
``ui/helpdesk.py``; see docs/helpdesk.md).

- :func:`diagnostics_text`: "Copy diagnostics" (support code, versions, OS,
  verdict, warnings, where each configuration key came from: never a
  configuration *value*, so no tenant secret or token);
- :func:`replay_capture`: a capture a user sent, opened read-only, detected
  and planned on the same code paths as a live device;
- :func:`export_capture`: this machine's evidence as a .zip;
- :func:`log_tail`, :func:`to_json`, :func:`view_json`, :func:`one_line`.

Every function here runs off the GUI thread; none raises at the user where a
line can say what was wrong.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import msgspec

from helper.logsetup import log_file, redact

if TYPE_CHECKING:
    from pathlib import Path

    from helper.capture.model import Capture
    from helper.catalogue import Catalogue
    from helper.config.model import Config
    from helper.detect.model import Detection
    from helper.journey.engine import JourneyView
    from helper.journey.plan import Plan
    from helper.journey.playbooks import PlaybookSet

log = logging.getLogger(__name__)

LOG_LINES: Final = 200
LOG_TAIL_BYTES: Final = 256 * 1024
MAX_MESSAGE: Final = 300  # characters of technical detail in a one-line message


def to_json(value: object) -> str:
    """Indented JSON of a msgspec Struct (or builtins), for reading."""
    raw = msgspec.json.encode(value)
    return msgspec.json.format(raw, indent=2).decode("utf-8")


def view_json(view: JourneyView) -> str:
    """The journey snapshot as JSON, without the detection (its own tab)."""
    data: dict[str, Any] = msgspec.to_builtins(view)
    data.pop("detection", None)
    return json.dumps(data, indent=2, ensure_ascii=False)


def log_tail(path: Path, lines: int = LOG_LINES) -> str:
    """The last ``lines`` lines of ``path``, redacted; "" when absent or empty.

    Reads at most the last 256 KiB: the log rotates at 1 MB, and the panel
    opens instantly even on a slow disk.

    Raises:
        OSError: the file exists but cannot be read.
    """
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - LOG_TAIL_BYTES))
            data = handle.read()
    except FileNotFoundError:
        return ""
    text = data.decode("utf-8", errors="replace")
    tail = text.splitlines()[-lines:]
    if size > LOG_TAIL_BYTES and len(tail) == len(text.splitlines()):
        tail = tail[1:]  # the first line was cut in the middle
    return redact("\n".join(tail))


def one_line(exc: BaseException) -> str:
    """An exception as one short line (its message, else its type)."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    if len(first) > MAX_MESSAGE:
        first = first[: MAX_MESSAGE - 1] + "…"
    return redact(first)


def config_origins(config_path: Path | None) -> list[str]:
    """``key: layer (where)`` for every key a layer set; values never appear.

    Raises:
        ConfigError: a layer is invalid (its message never repeats a secret).
    """
    from helper.config import resolve

    resolved = resolve(config_path)
    return [
        f"{key}: {resolved.origin(key)}"
        for key, layer in sorted(resolved.sources.items())
        if layer != "default"
    ]


def _secrets(config: Config | None) -> list[str]:
    if config is None:
        return []
    return [s for s in (config.tenant.serial_hmac_key,) if s]


def diagnostics_text(
    view: JourneyView | None,
    *,
    config: Config | None = None,
    config_path: Path | None = None,
    versions: str,
    language: str = "en",
    now: datetime.datetime | None = None,
) -> str:
    """What "Copy diagnostics" copies (English: it goes into tickets).

    ``versions``: the front end's lines (helper, Python, Qt, OS); the core
    knows no Qt.

    No configuration value is included, only where each key came from; any
    tenant secret that still appeared (it cannot, but a future field might) is
    blanked, and the whole text goes through :func:`helper.logsetup.redact`.
    """
    from helper.probe.base import platform_os

    moment = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    code = view.support_code if view is not None else "(no journey yet)"
    # Our own values, added after redaction: redact() blanks anything shaped
    # like "code: XXXX" (OAuth authorization codes), support codes included.
    header = [
        "Intune Migration Helper diagnostics",
        f"Time: {moment.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Support code: {code}",
        "",
    ]
    lines = [
        versions,
        f"Platform: {platform_os()}",
        f"Language: {language}",
        f"Log file: {log_file()}",
        "",
    ]
    if view is None:
        lines.append("Journey: none yet")
    else:
        reminder = view.next_reminder.isoformat() if view.next_reminder else "-"
        lines += [
            f"Journey: {view.journey_id}",
            f"Stage: {view.stage} (path {view.path}, platform {view.platform}, "
            f"vendor {view.vendor or '-'})",
            f"Begun: {view.begun}; attempts {view.attempts}/{view.max_attempts}",
            f"Reason: {view.code or '-'}; notice: {view.notice or '-'}",
            f"Next reminder: {reminder}",
            f"Journey warnings: {', '.join(view.warnings) or '-'}",
            f"Plan reasons: {', '.join(view.plan.reasons) or '-'}",
            f"Updated: {view.updated_at.isoformat()}",
        ]
        lines += _detection_lines(view.detection, view.verdict)
    lines.append("")
    lines.append("Configuration (where each key was set; values not shown):")
    try:
        origins = config_origins(config_path)
    except Exception as exc:  # an invalid layer: its one-line message
        origins = [f"invalid: {one_line(exc)}"]
    lines += [f"  {origin}" for origin in origins] or ["  all defaults"]
    text = "\n".join(lines) + "\n"
    for secret in _secrets(config):
        text = text.replace(secret, "[redacted]")
    return "\n".join(header) + "\n" + redact(text)


def _detection_lines(detection: Detection | None, verdict: str | None) -> list[str]:
    if detection is None:
        return [f"Verdict: {verdict or '-'} (no detection in this session)"]
    lines = [f"Verdict: {detection.verdict} (os {detection.os})"]
    for legacy in detection.legacy:
        lines.append(
            f"Legacy: {legacy.vendor} ({legacy.name}), removable "
            f"{legacy.removable}, server {legacy.server or '-'}"
        )
    lines.append(f"Intune enrolled: {detection.intune.enrolled}")
    lines.append(f"Entra join: {detection.entra.join}")
    lines += [f"Warning: {w.code}: {w.detail}" for w in detection.warnings] or [
        "Warnings: -"
    ]
    unread = [f"{s.file} ({s.status})" for s in detection.sources if s.status != "read"]
    lines.append(f"Sources not read: {', '.join(unread) or '-'}")
    lines += preflight_lines(detection)
    return lines


def preflight_lines(detection: Detection | None) -> list[str]:
    """What the old management delivered (kinds and counts: names stay in the
    detection JSON), encryption, and the leftovers dry run (helper/leftovers.py)."""
    if detection is None:
        return []
    from helper.leftovers import dry_run_lines

    counts: dict[str, int] = {}
    for payload in detection.payloads:
        key = f"{payload.kind} ({payload.vendor or 'unattributed'})"
        counts[key] = counts.get(key, 0) + 1
    delivered = ", ".join(f"{n} {key}" for key, n in sorted(counts.items()))
    encryption = detection.encryption
    return [
        f"Delivered by managements: {delivered or '-'}",
        f"On Wi-Fi: {'yes' if detection.network.wifi_ssid else 'no'}"
        if detection.network.known
        else "On Wi-Fi: not known",
        f"Encryption: {encryption.method or '-'} {encryption.state}, recovery key "
        f"{encryption.recovery_key}"
        + (f" (with {encryption.escrow_vendor})" if encryption.escrow_vendor else ""),
        *dry_run_lines(detection),
    ]


@dataclass(frozen=True)
class Replay:
    """A capture someone sent, read back: what the panel shows in Replay."""

    origin: str
    capture_time: str | None
    detection: Detection
    plan: Plan
    catalogue: Catalogue
    playbooks: PlaybookSet


def replay_capture(
    path: Path,
    *,
    config: Config,
    catalogue: Catalogue | None = None,
    playbooks: PlaybookSet | None = None,
) -> Replay:
    """Open a capture, detect, plan: the same code paths as a live device.

    Runs off the GUI thread. A ``capture.json`` path opens its folder.

    Raises:
        CaptureError: not a capture, unreadable, too large.
        Exception: anything a hostile or damaged capture provokes (the panel
            turns it into one line).
    """
    from helper.capture.store import open_capture
    from helper.detect.engine import detect
    from helper.journey.engine import planner_for
    from helper.migration import load_catalogue_for, load_playbooks_for

    if path.name == "capture.json" and path.is_file():
        path = path.parent
    catalogue = catalogue if catalogue is not None else load_catalogue_for(config)
    playbooks = playbooks if playbooks is not None else load_playbooks_for(config)
    capture = open_capture(path)
    detection = detect(capture, catalogue)
    # The same planner as the journey's on a live device.
    plan = planner_for(config, catalogue, playbooks)(detection)
    return Replay(
        str(path), capture.manifest.time, detection, plan, catalogue, playbooks
    )


def export_capture(out: Path, capture_fn: Callable[[], Capture]) -> tuple[Path, int]:
    """Capture this machine and write it as a .zip; (path, evidence files).

    Runs off the GUI thread.
    """
    from helper.capture.store import write_capture

    capture = capture_fn()
    return write_capture(capture, out), len(capture.files)


def live_capture(config: Config, catalogue: Catalogue | None = None) -> Capture:
    """This machine's evidence (the panel's export when no scenario runs)."""
    from helper.migration import load_catalogue_for
    from helper.probe.live import capture_this_machine

    return capture_this_machine(
        catalogue if catalogue is not None else load_catalogue_for(config)
    )
