# SPDX-License-Identifier: MIT
"""``intune-migration-helper plan``: print the steps a device gets.

Sources: this machine (default), ``--capture PATH``, ``--scenario NAME``, or
``--platform P --vendor V`` (no detection: guide-only platforms, or to see a
vendor's playbook). ``--os-version X`` shows the steps of that OS version's
menus (helpdesk previews macOS 14 against 15, Windows 10 against 11). Prints
plan/1 JSON with ``--json``, else numbered steps grouped by stage, in English,
with the URI or command each opens or runs.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from typing import TYPE_CHECKING

from helper.errors import HelperError

if TYPE_CHECKING:
    from helper.config import Config
    from helper.detect.model import Detection
    from helper.journey.plan import Plan

EXIT_OK = 0

STAGE_TITLES = {
    "prepare": "Prepare",
    "leave": "Leave the old management",
    "confirm-left": "Check that it is gone",
    "join": "Enroll in Microsoft Intune",
    "confirm-joined": "Check the enrollment",
    "done": "Done",
    "contact-it": "Contact IT",
}
PATH_TITLES = {
    "leave-then-join": "leave the old management, then enroll in Intune",
    "remove-legacy": "remove the old management (Intune is already there)",
    "join-only": "enroll in Intune",
    "done": "nothing to do: Intune manages this device",
    "contact-it": "contact IT",
}
# What the window fills in at run time; the command line shows where they go.
RUNTIME_STANDINS = {"{support_code}": "<support code>", "{deadline}": "<deadline>"}


def _usage(message: str) -> HelperError:
    # cli.main prints HelperError as one line and exits 2 (usage).
    return HelperError("usage", message)


_VERSION = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,3}")


def _check_args(args: argparse.Namespace) -> None:
    platform = getattr(args, "platform", None)
    vendor = getattr(args, "vendor", None)
    version = getattr(args, "os_version", None)
    if version is not None and not _VERSION.fullmatch(version):
        raise _usage(
            f"plan: --os-version {version!r}: expected dotted numbers such as "
            "14.5 or 10.0.22631"
        )
    if vendor is not None and platform is None:
        raise _usage("plan: --vendor needs --platform (and not --capture/--scenario)")
    if platform is not None and vendor is None:
        raise _usage(
            "plan: --platform needs --vendor (a vendor id, unknown-mdm, or none)"
        )


def run_plan(args: argparse.Namespace, config: Config) -> int:
    """Run ``plan``; returns the exit code (usage problems raise HelperError)."""
    _check_args(args)
    from helper.journey.planner import build_plan
    from helper.migration import load_knowledge

    catalogue, playbooks = load_knowledge(config)

    detection: Detection | None = None
    platform: str
    vendor: str | None = None
    if args.platform is not None:
        platform, vendor = args.platform, args.vendor
        known = {v.id for v in catalogue} | {"unknown-mdm", "none"}
        if vendor not in known:
            raise _usage(
                f"plan: unknown vendor {vendor!r} (use a catalogue id such as "
                "workspace-one, or unknown-mdm, or none)"
            )
    else:
        from helper.detect.engine import detect

        if getattr(args, "scenario", None) is not None:
            try:
                from helper.journey.scenarios import load_scenario
            except ImportError:
                raise _usage(
                    "plan: --scenario is not available yet (helper.journey.scenarios)"
                ) from None
            capture = load_scenario(args.scenario).initial_capture()
        elif args.capture is not None:
            from helper.capture.store import open_capture

            capture = open_capture(args.capture)
        else:
            from helper.probe.live import capture_this_machine

            capture = capture_this_machine(catalogue)
        detection = detect(capture, catalogue)
        platform = detection.os
    plan = build_plan(
        detection,
        platform=platform,
        vendor=vendor,
        config=config,
        catalogue=catalogue,
        playbooks=playbooks,
        os_version=getattr(args, "os_version", None),
    )
    if args.json:
        import msgspec

        out = msgspec.json.format(msgspec.json.encode(plan), indent=2)
        sys.stdout.write(out.decode() + "\n")
    else:
        sys.stdout.write(render_plan(plan))
    return EXIT_OK


def _standins(text: str) -> str:
    for placeholder, standin in RUNTIME_STANDINS.items():
        text = text.replace(placeholder, standin)
    return text


def render_plan(plan: Plan, width: int = 88) -> str:
    """The plan as numbered steps grouped by stage, in English."""
    from helper.journey.launch import display_command
    from helper.journey.stages import title_key

    desktop = plan.platform in ("windows", "macos", "linux")
    lines = [f"Plan for this {plan.platform} device: {PATH_TITLES[plan.path]}."]
    if plan.vendor:
        lines.append(f"Old management: {plan.vendor}")
    if plan.reasons:
        lines.append("Why: " + ", ".join(plan.reasons))
    stage = None
    for number, step in enumerate(plan.steps, start=1):
        if step.stage != stage:
            stage = step.stage
            lines += ["", STAGE_TITLES.get(title_key(stage), stage)]
        head = f"{number:3}. "
        body = textwrap.wrap(
            _standins(step.text.en), width - len(head), break_long_words=False
        )
        lines.append(head + body[0])
        lines += [" " * len(head) + part for part in body[1:]]
        indent = " " * len(head)
        if step.kind == "open":
            what = "Scan or open" if step.qr else "Opens"
            lines.append(f"{indent}{what}: {display_command(step, plan.platform)}")
        elif step.kind == "run":
            how = " (as administrator)" if step.elevate else ""
            platform = plan.platform if desktop else None
            lines.append(f"{indent}Runs{how}: {display_command(step, platform)}")
        elif step.kind == "verify":
            lines.append(f"{indent}Checks: {step.check}")
        elif step.kind == "contact-it":
            lines.append(f"{indent}(contact IT)")
    return "\n".join(lines) + "\n"
