# SPDX-License-Identifier: MIT
"""Demo mode: the whole journey on a simulated device (``gui --demo SCENARIO``).

A scenario (``resources/scenarios/<name>``) replays a device's captures before
and after each user action; the journey engine runs on it exactly as on this
machine. What the demo never does: launch anything (the launcher's boundaries
are no-ops that log what they would have done), run a real network or rights
check (they pass), write ``journey.json`` (state in memory), send a report
(events go to a :class:`~helper.journey.events.RecordingReporter`), or touch
the login reminders. The window says "Demo" in its title and in a banner.

Tests use the same factory with recording fakes at the same boundaries.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.journey.checks import CheckResult
    from helper.journey.events import Reporter
    from helper.journey.launch import OpenUri, ShellExecute, Spawn
    from helper.probe.runner import CommandResult, CommandRunner
    from ui.main_window import Backend

log = logging.getLogger(__name__)

DEFAULT_SCENARIO = "ws1-windows"
BLOCKED_SCENARIO = "kandji-ade-macos"


class DemoRunner:
    """Pretends to run an elevated command: logs it, answers exit code 0."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        from helper.probe.runner import CommandResult

        del timeout
        self.calls.append(list(argv))
        log.info("demo: would run %s", list(argv))
        return CommandResult(list(argv), 0)


def _log_spawn(argv: Sequence[str]) -> None:
    log.info("demo: would start %s", list(argv))


def _log_open(uri: str) -> None:
    log.info("demo: would open %s", uri)


def _log_shell_execute(file: str, parameters: str) -> int:
    log.info("demo: would run %s %s as administrator", file, parameters)
    return 42  # > 32: ShellExecuteW's "started"


def passing_check(name: str) -> CheckResult:
    """The demo's pre-enrollment checks: they pass (nothing is contacted)."""
    from helper.journey.checks import CheckResult

    return CheckResult(name, True, "ok", "demo: not checked")


# IT's sample message: IT's own words are configuration, not translations.
SAMPLE_MESSAGES = {
    "en": "We are moving every company laptop to Microsoft Intune this month. "
    "It takes about twenty minutes; keep the laptop plugged in.",
    "fr": "Ce mois-ci, tous les portables de l’entreprise passent à Microsoft "
    "Intune. Comptez une vingtaine de minutes ; gardez le portable branché.",
}


def demo_config(
    config: Config, today: datetime.date | None = None, lang: str = "en"
) -> Config:
    """``config`` with a sample organization and wave where IT set none, so the
    demo shows a branded first page and a deadline."""
    today = today or datetime.date.today()
    org = config.organization
    if not org.name:
        org = org.replace(
            name="Contoso",
            message=org.message or SAMPLE_MESSAGES.get(lang, SAMPLE_MESSAGES["en"]),
        )
    migration = config.migration
    if not migration.waves:
        from helper.config.model import Wave

        wave = Wave(
            id="demo",
            name="Demo wave",
            notify_date=today - datetime.timedelta(days=7),
            enforcement_date=today + datetime.timedelta(days=21),
        )
        migration = migration.replace(waves=(wave,))
    return config.replace(organization=org, migration=migration)


def demo_backend(
    scenario: str,
    config: Config,
    *,
    reporter: Reporter | None = None,
    runner: CommandRunner | None = None,
    spawn: Spawn | None = None,
    open_uri: OpenUri | None = None,
    shell_execute: ShellExecute | None = None,
    check: Callable[[str], CheckResult] | None = None,
    max_attempts: int = 3,
) -> Backend:
    """A backend on a simulated device (call it on the state worker).

    Args:
        scenario: the scenario name (``ws1-windows``...).
        config: IT's configuration (its catalogue ``extra_dir`` applies).
        reporter: receives the events; default a new ``RecordingReporter``.
        runner, spawn, open_uri, shell_execute: the launcher's boundaries;
            default: no-ops that log.
        check: runs a pre-enrollment check by name; default: it passes.
        max_attempts: failed confirmations before contact-it.

    Raises:
        ScenarioError: no such scenario.
    """
    from pathlib import Path

    from helper.catalogue import load_catalogue
    from helper.journey.engine import Journey, planner_for
    from helper.journey.events import RecordingReporter
    from helper.journey.launch import Launcher
    from helper.journey.playbooks import load_playbooks
    from helper.journey.scenarios import load_scenario
    from helper.journey.state import MemoryStore
    from ui.main_window import Backend

    loaded = load_scenario(scenario)
    device = loaded.device()
    extra = config.catalogue.extra_dir
    extra_dir = Path(extra) if extra else None
    catalogue = load_catalogue(extra_dir)
    playbooks = load_playbooks(extra_dir)
    events = reporter if reporter is not None else RecordingReporter()
    journey = Journey(
        device,
        catalogue=catalogue,
        config=config,
        planner=planner_for(config, catalogue, playbooks),
        store=MemoryStore(),
        reporter=events,
        max_attempts=max_attempts,
    )
    launcher = Launcher(
        playbooks.allowlist,
        platform=loaded.platform,
        runner=runner if runner is not None else DemoRunner(),
        spawn=spawn or _log_spawn,
        open_uri=open_uri or _log_open,
        shell_execute=shell_execute or _log_shell_execute,
    )
    return Backend(
        journey,
        config=config,
        launcher=launcher,
        check=check or passing_check,
        catalogue=catalogue,
        playbooks=playbooks,
        reporter=events,
        demo=scenario,
        capture=device.capture,
    )
