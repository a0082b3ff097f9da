# SPDX-License-Identifier: MIT
"""The window's controller: the only caller of the core's journey actions.

:class:`JourneyController` calls :class:`helper.migration.Migration`'s actions
always through ``run_in_background(..., serial=True)`` (the state worker); each
returns a new ``JourneyView`` delivered on the GUI thread (``view_changed``).
Launching a step and running a pre-enrollment check use the I/O pool. The
window never decides whether a step worked: the engine detects again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from helper.journey.checks import CheckResult
    from helper.journey.engine import Action, JourneyView
    from helper.journey.launch import LaunchResult
    from helper.journey.plan import Step
    from helper.migration import Migration

log = logging.getLogger(__name__)

MigrationFactory = Callable[[], "Migration"]


class JourneyController(QObject):
    """Drives the journey from the GUI: every engine call on the state worker.

    Args:
        factory: builds the migration (on the state worker).
        parent: the window.

    Signals:
        view_changed: (JourneyView) a new snapshot arrived.
        busy_changed: (bool) a state task started or ended.
        start_failed: (str) the migration could not be built (one line).
        launch_finished: (str, LaunchResult) a step's launch ended.
        check_started: (str) a step's pre-enrollment check started.
        check_finished: (str, CheckResult) a step's check ended.
    """

    view_changed = Signal(object)
    busy_changed = Signal(bool)
    start_failed = Signal(str)
    launch_finished = Signal(str, object)
    check_started = Signal(str)
    check_finished = Signal(str, object)

    def __init__(
        self, factory: MigrationFactory, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self.migration: Migration | None = None
        self.view: JourneyView | None = None
        self.error: str | None = None
        self._busy = 0
        self._started = False
        # A step the user launched again while a confirmation failed: "I've
        # done it" then redoes it (the device learns of it) instead of only
        # detecting again.
        self._relaunched: str | None = None

    @property
    def busy(self) -> bool:
        """A state task is running or waiting."""
        return self._busy > 0

    @property
    def started(self) -> bool:
        return self._started

    @property
    def platform(self) -> str:
        return self.migration.platform if self.migration is not None else ""

    # --- state tasks -----------------------------------------------------------------

    def start(self) -> None:
        """Build the migration and start (or resume) the journey; once."""
        if self._started:
            return
        self._started = True
        factory = self._factory

        def work() -> tuple[Migration, JourneyView]:
            migration = factory()
            return migration, migration.start()

        self._serial(
            work, on_success=self._on_started, on_failure=self._on_start_failed
        )

    def act(self, action: Action, step: str | None = None) -> None:
        """One engine action (``check-again``, ``defer``, ``contact-it``...)."""
        migration = self.migration
        if migration is None:
            return
        if action == "check-again":
            self._relaunched = None
        self._serial(lambda: migration.act(action, step))

    def refresh(self) -> None:
        """A fresh view without detecting: deadlines and deferrals move with
        the clock (a reminder shown hours later, or after the deadline)."""
        migration = self.migration
        if migration is not None:
            self._serial(migration.view)

    def begin(self) -> None:
        """Press "begin" (if not yet), then go through the prepare stage's
        reading steps: they are shown on the check page before the user begins."""
        migration = self.migration
        if migration is not None:
            self._serial(migration.begin)

    def finish_stage(self) -> None:
        """ "I've done it — check again": the steps left are done (the engine then
        verifies), or, after a failed confirmation, redo the step launched again
        or detect again."""
        migration = self.migration
        if migration is None or self.view is None:
            return
        relaunched, self._relaunched = self._relaunched, None
        self._serial(lambda: migration.finish_stage(relaunched))

    def contacted(self) -> None:
        """At contact-it: the user contacted IT (its steps are done)."""
        migration = self.migration
        if migration is not None:
            self._serial(migration.contacted)

    def server_release(
        self, work: Callable[[Migration], Any], on_step: Callable[[Any], None]
    ) -> None:
        """A server-release call (:mod:`ui.server_release`) on the state worker:
        ``work(migration)`` returns a ``ReleaseStep``; its view is published."""
        migration = self.migration
        if migration is None:
            return

        def done(step: Any) -> None:
            on_step(step)
            self._on_view(step.view)

        self._serial(lambda: work(migration), on_success=done)

    # --- I/O tasks -------------------------------------------------------------------

    def launch(self, step: Step) -> None:
        """Launch an ``open`` or ``run`` step the user just confirmed (I/O pool).

        The user pressed the step's button (``open``) or the Run button of the
        dialog that showed the exact command (``run``).
        """
        migration = self.migration
        if migration is None:
            return
        view = self.view
        if view is not None and view.retry and step.id in view.redo_steps:
            self._relaunched = step.id

        def done(result: LaunchResult) -> None:
            self.launch_finished.emit(step.id, result)

        from ui import tasks

        tasks.run_in_background(
            lambda: migration.launch(step),
            on_success=done,
            serial=False,
            context=self,
        )

    def run_check(self, step: Step) -> None:
        """Run a step's pre-enrollment check (I/O pool); when it passes, the
        step is done (state worker)."""
        migration = self.migration
        if migration is None or step.check is None:
            return
        name = step.check
        self.check_started.emit(step.id)

        def done(result: CheckResult) -> None:
            self.check_finished.emit(step.id, result)
            if result.ok:
                self._serial(lambda: migration.step_done_if_open(step.id))

        from ui import tasks

        tasks.run_in_background(
            lambda: migration.run_check(name),
            on_success=done,
            serial=False,
            context=self,
        )

    # --- plumbing --------------------------------------------------------------------

    def _serial(
        self,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)

        def success(result: Any) -> None:
            self._idle()
            (on_success or self._on_view)(result)

        def failure(error: BaseException) -> None:
            self._idle()
            if on_failure is not None:
                on_failure(error)
            else:
                tasks.report_error(error)

        from ui import tasks

        tasks.run_in_background(
            fn, on_success=success, on_failure=failure, serial=True, context=self
        )

    def _idle(self) -> None:
        self._busy -= 1
        if self._busy == 0:
            self.busy_changed.emit(False)

    def _on_view(self, view: JourneyView) -> None:
        self.view = view
        self.view_changed.emit(view)

    def _on_started(self, result: tuple[Migration, JourneyView]) -> None:
        self.migration, view = result
        self._on_view(view)

    def _on_start_failed(self, error: BaseException) -> None:
        from helper.errors import HelperError

        message = error.message if isinstance(error, HelperError) else str(error)
        log.error("the journey could not start: %s", message, exc_info=error)
        self.error = message
        self.start_failed.emit(message)
