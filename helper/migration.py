# SPDX-License-Identifier: MIT
"""The composition root: one :class:`Migration` built from IT's configuration.

What Anki's ``Collection`` is to its window: a Qt-free object that owns the
catalogue, the playbooks, the planner, the journey, the launcher, the
pre-enrollment checks and the reporter, and offers the actions the window's
buttons mean (:meth:`Migration.begin`, :meth:`Migration.finish_stage`...). The
window, the demo, the helpdesk panel and the ``plan`` / ``status`` commands all
build their objects here.

Two variants:

- :func:`live_migration`: this machine (state in ``journey.json``);
- :func:`scenario_migration`: a simulated device (``resources/scenarios/``),
  state in memory, the launcher's boundaries no-ops that log unless a test
  passes recording fakes.

"Load the catalogue and the playbooks from IT's extra folder" lives here only:
:func:`extra_dir`, :func:`load_catalogue_for`, :func:`load_knowledge`.

Everything here runs off the GUI thread (the state worker): building a
migration loads the catalogue and the playbooks. Nothing is imported at module
level but ``typing`` and ``collections.abc``: ``detect`` and ``status`` come here
for the catalogue and the state file, and logging alone would cost them
threading, traceback and tokenize (docs/architecture.md, Start-up rules).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from helper.capture.model import Capture
    from helper.catalogue import Catalogue
    from helper.config.model import Config
    from helper.journey.checks import CheckResult
    from helper.journey.device import DeviceSource
    from helper.journey.engine import Action, Journey, JourneyView
    from helper.journey.launch import (
        Launcher,
        LaunchResult,
        OpenUri,
        ShellExecute,
        Spawn,
    )
    from helper.journey.plan import Step
    from helper.journey.playbooks import PlaybookSet
    from helper.journey.preflight import EscrowConfirmation
    from helper.journey.state import JourneyStore, StateStore
    from helper.journey.transitions import Reporter
    from helper.probe.runner import CommandResult, CommandRunner

CheckRunner = Callable[[str], "CheckResult"]


# --- IT's extra folder: the one place ------------------------------------------------


def extra_dir(config: Config) -> Path | None:
    """IT's extra folder (``catalogue.extra_dir``), or None when unset."""
    from pathlib import Path

    extra = config.catalogue.extra_dir
    return Path(extra) if extra else None


def load_catalogue_for(config: Config) -> Catalogue:
    """The vendor catalogue: built-in files plus IT's extra folder.

    Raises:
        HelperError: IT's catalogue files are invalid, or the folder is missing.
    """
    from helper.catalogue import load_catalogue

    return load_catalogue(extra_dir(config))


def load_playbooks_for(config: Config, languages: Collection[str] = ()) -> PlaybookSet:
    """The playbooks: built-in files plus IT's ``<extra>/playbooks/``.

    Args:
        config: IT's configuration (``catalogue.extra_dir``).
        languages: the languages besides English and French whose
            translations to read (the window's).

    Raises:
        PlaybookError: a playbook file is invalid.
    """
    from helper.journey.playbooks import load_playbooks

    playbooks = load_playbooks(extra_dir(config), languages=languages)
    if config.words:
        # IT's own words, a layer over the loaded files (checked at load).
        from helper.journey.playbook_words import with_words

        playbooks = with_words(playbooks, config.words)
    return playbooks


def load_knowledge(
    config: Config, languages: Collection[str] = ()
) -> tuple[Catalogue, PlaybookSet]:
    """The catalogue and the playbooks (``languages`` too), from IT's extra folder."""
    return load_catalogue_for(config), load_playbooks_for(config, languages)


# --- the migration -------------------------------------------------------------------


class Migration:
    """The journey and its tools (call every method off the GUI thread).

    Attributes:
        journey: the engine (call only from one worker: the state worker).
        config: IT's configuration.
        launcher: opens ``open`` steps and runs ``run`` steps.
        check: runs a pre-enrollment check by name (``network``, ``rights``).
        catalogue, playbooks: vendor knowledge (guide dialog, helpdesk panel).
        reporter: the journey's reporter (a ``RecordingReporter`` for a scenario).
        scenario: the scenario name for a simulated device, else None.
        capture: captures the device's evidence (the helpdesk panel's export);
            None for this machine's live probe.
        escrow_confirmed: the collector's answer to "does Intune hold the
            recovery key?" (set its ``value``; the planner asks it).
    """

    def __init__(
        self,
        journey: Journey,
        *,
        config: Config,
        launcher: Launcher,
        check: CheckRunner,
        catalogue: Catalogue | None = None,
        playbooks: PlaybookSet | None = None,
        reporter: Reporter | None = None,
        scenario: str | None = None,
        capture: Callable[[], Capture] | None = None,
        escrow_confirmed: EscrowConfirmation | None = None,
    ) -> None:
        from helper.journey.preflight import EscrowConfirmation

        self.journey = journey
        # The collector's "Intune holds the recovery key" (issue 16's Graph
        # check) sets .value; the journey's planner reads it.
        self.escrow_confirmed = escrow_confirmed or EscrowConfirmation()
        self.config = config
        self.launcher = launcher
        self.check = check
        self.catalogue = catalogue
        self.playbooks = playbooks
        self.reporter = reporter
        self.scenario = scenario
        self.capture = capture

    @property
    def demo(self) -> str | None:
        """The scenario name (the window calls a simulated device a demo)."""
        return self.scenario

    @property
    def platform(self) -> str:
        """The OS the steps are for (the scenario's on a simulated device)."""
        return self.launcher.platform

    # --- the actions the buttons mean (state worker) ---------------------------------

    def start(self) -> JourneyView:
        """Start or resume the journey (detects)."""
        return self.journey.start()

    def view(self) -> JourneyView:
        """The current snapshot, without detecting."""
        return self.journey.view()

    def act(self, action: Action, step: str | None = None) -> JourneyView:
        """One engine action (``check-again``, ``defer``, ``contact-it``...)."""
        return self.journey.act(action, step)

    def begin(self) -> JourneyView:
        """Press "begin" (if not yet), then mark the prepare stage's reading
        steps done: they are shown before the user begins."""
        view = self.journey.view()
        if "begin" in view.actions:
            view = self.journey.act("begin")
        return self.steps_done("prepare")

    def steps_done(self, stage: str) -> JourneyView:
        """Mark the user steps left in ``stage`` done, in plan order.

        Stops as soon as the journey leaves the stage (its last step completes
        it and the engine moves on, verifying if needed), or when the engine
        refuses a step (a notice says why): it never loops.
        """
        view = self.journey.view()
        while view.stage == stage and view.redo_steps and "step-done" in view.actions:
            before = list(view.redo_steps)
            view = self.journey.act("step-done", before[0])
            if view.stage == stage and view.redo_steps == before:
                break
        return view

    def finish_stage(self, relaunched: str | None = None) -> JourneyView:
        """ "I've done it — check again".

        After a failed confirmation (``retry``): redo the step the user launched
        again (``relaunched``) so the device learns of it, else detect again.
        Otherwise the steps left in the current stage are done (the engine then
        verifies).
        """
        view = self.journey.view()
        if view.retry:
            if relaunched is not None and relaunched in view.redo_steps:
                return self.journey.act("step-done", relaunched)
            return self.journey.act("check-again")
        return self.steps_done(view.stage)

    def contacted(self) -> JourneyView:
        """At contact-it: the user contacted IT (its steps are done)."""
        return self.steps_done("contact-it")

    def step_done_if_open(self, step_id: str) -> JourneyView:
        """``step-done`` unless the step was done meanwhile."""
        view = self.journey.view()
        if step_id in view.redo_steps and "step-done" in view.actions:
            return self.journey.act("step-done", step_id)
        return view

    # --- I/O (any worker) -------------------------------------------------------------

    def launch(self, step: Step) -> LaunchResult:
        """Launch a step the user confirmed (pressed its button, or Run)."""
        return self.launcher.launch(step, confirmed=True)

    def run_check(self, name: str) -> CheckResult:
        """Run a pre-enrollment check by name.

        A failed ``network`` check on a Wi-Fi the old management delivered
        becomes ``on-legacy-wifi`` (:func:`helper.journey.preflight.network_check`):
        the latest detection says where the device is, the journey remembers
        the old management's Wi-Fi names from before it left.
        """
        result = self.check(name)
        if name != "network" or result.ok:
            return result
        from helper.journey.preflight import network_check

        try:
            remembered = self.journey.state.legacy_wifi
        except RuntimeError:  # not started: nothing remembered yet
            remembered = []
        return network_check(result, self.journey.detection, remembered)

    def escrow_after_join(self) -> str | None:
        """After joining: does Intune hold the recovery key? (a code,
        :func:`helper.journey.preflight.escrow_after_join`; ui/ has the words)."""
        from helper.journey.preflight import escrow_after_join

        return escrow_after_join(
            self.journey.detection, escrow_confirmed=self.escrow_confirmed.value
        )


MigrationFactory = Callable[[], Migration]


def _journey(
    device: DeviceSource,
    config: Config,
    catalogue: Catalogue,
    playbooks: PlaybookSet,
    *,
    store: JourneyStore,
    reporter: Reporter,
    max_attempts: int | None = None,
    escrow: Callable[[], bool | None] | None = None,
) -> Journey:
    from helper.journey.engine import MAX_ATTEMPTS, Journey, planner_for

    return Journey(
        device,
        catalogue=catalogue,
        config=config,
        planner=planner_for(config, catalogue, playbooks, escrow_confirmed=escrow),
        store=store,
        reporter=reporter,
        max_attempts=MAX_ATTEMPTS if max_attempts is None else max_attempts,
    )


def live_store(*, read_only: bool = False) -> StateStore:
    """Where this machine's journey is kept (``journey.json``).

    ``read_only``: a corrupt file is reported but left in place (``status``
    only reads; the journey moves it aside and starts over).
    """
    from helper.journey.state import StateStore

    return StateStore(quarantine=not read_only)


def live_migration(
    config: Config,
    reporter: Reporter | None = None,
    *,
    languages: Collection[str] = (),
) -> Migration:
    """The migration of this machine (state in ``journey.json``).

    Args:
        config: IT's configuration.
        reporter: the journey's reporter (the reporting service's); None drops
            the events.
        languages: the playbook languages besides English and French to load
            (the window's).

    Raises:
        HelperError: IT's catalogue or playbooks are invalid.
    """
    from helper.journey.checks import run_check
    from helper.journey.device import LiveDevice
    from helper.journey.launch import Launcher
    from helper.journey.preflight import EscrowConfirmation
    from helper.journey.transitions import NullReporter

    catalogue, playbooks = load_knowledge(config, languages)
    events = reporter if reporter is not None else NullReporter()
    escrow = EscrowConfirmation()
    journey = _journey(
        LiveDevice(catalogue),
        config,
        catalogue,
        playbooks,
        store=live_store(),
        reporter=events,
        escrow=escrow,
    )

    def check(name: str) -> CheckResult:
        return run_check(name, config)

    return Migration(
        journey,
        config=config,
        launcher=Launcher(playbooks.allowlist),
        check=check,
        catalogue=catalogue,
        playbooks=playbooks,
        reporter=events,
        escrow_confirmed=escrow,
    )


# --- a simulated device --------------------------------------------------------------


def _log(message: str, *args: object) -> None:
    """Log what a simulated device would have done (logging imported here:
    see the module's docstring)."""
    import logging

    logging.getLogger(__name__).info(message, *args)


class LoggingRunner:
    """Pretends to run an elevated command: logs it, answers exit code 0."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        from helper.probe.runner import CommandResult

        del timeout
        self.calls.append(list(argv))
        _log("scenario: would run %s", list(argv))
        return CommandResult(list(argv), 0)


def _log_spawn(argv: Sequence[str]) -> None:
    _log("scenario: would start %s", list(argv))


def _log_open(uri: str) -> None:
    _log("scenario: would open %s", uri)


def _log_shell_execute(file: str, parameters: str) -> int:
    _log("scenario: would run %s %s as administrator", file, parameters)
    return 42  # > 32: ShellExecuteW's "started"


def passing_check(name: str) -> CheckResult:
    """A simulated device's pre-enrollment checks: they pass (nothing is
    contacted)."""
    from helper.journey.checks import CheckResult

    return CheckResult(name, True, "ok", "demo: not checked")


def scenario_migration(
    scenario: str,
    config: Config,
    *,
    reporter: Reporter | None = None,
    runner: CommandRunner | None = None,
    spawn: Spawn | None = None,
    open_uri: OpenUri | None = None,
    shell_execute: ShellExecute | None = None,
    check: CheckRunner | None = None,
    max_attempts: int = 3,
    languages: Collection[str] = (),
) -> Migration:
    """The migration of a simulated device.

    Nothing on this machine changes: state in memory, nothing launched (the
    launcher's boundaries log what they would have done unless given), the
    checks pass, the events go to ``reporter`` (default a new
    ``RecordingReporter``).

    Args:
        scenario: the scenario name (``ws1-windows``...).
        config: IT's configuration (its catalogue ``extra_dir`` applies).
        reporter: receives the events.
        runner, spawn, open_uri, shell_execute: the launcher's boundaries.
        check: runs a pre-enrollment check by name; default: it passes.
        max_attempts: failed confirmations before contact-it.
        languages: the playbook languages besides English and French to load.

    Raises:
        ScenarioError: no such scenario.
    """
    from helper.journey.launch import Launcher
    from helper.journey.preflight import EscrowConfirmation
    from helper.journey.scenarios import load_scenario
    from helper.journey.state import MemoryStore
    from helper.journey.transitions import RecordingReporter

    loaded = load_scenario(scenario)
    device = loaded.device()
    catalogue, playbooks = load_knowledge(config, languages)
    events = reporter if reporter is not None else RecordingReporter()
    escrow = EscrowConfirmation()
    journey = _journey(
        device,
        config,
        catalogue,
        playbooks,
        store=MemoryStore(),
        reporter=events,
        max_attempts=max_attempts,
        escrow=escrow,
    )
    launcher = Launcher(
        playbooks.allowlist,
        platform=loaded.platform,
        runner=runner if runner is not None else LoggingRunner(),
        spawn=spawn or _log_spawn,
        open_uri=open_uri or _log_open,
        shell_execute=shell_execute or _log_shell_execute,
    )
    return Migration(
        journey,
        config=config,
        launcher=launcher,
        check=check or passing_check,
        catalogue=catalogue,
        playbooks=playbooks,
        reporter=events,
        scenario=scenario,
        capture=device.capture,
        escrow_confirmed=escrow,
    )
