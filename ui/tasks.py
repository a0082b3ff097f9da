# SPDX-License-Identifier: MIT
"""The one background-work API of the window (STYLE §3.3).

:func:`run_in_background` runs a plain function off the GUI thread and hands its
result (or its exception) back **on the GUI thread**::

    run_in_background(
        lambda: journey.act("check-again"),
        on_success=self._on_view,       # called on the GUI thread
        on_failure=self._on_failed,     # optional; default: the error dialog
        serial=True,                    # state-changing work: one at a time
    )

Two lanes (after Anki's ``TaskManager``):

- ``serial=True``: one worker thread, first in first out. Everything that changes
  state goes there (the journey's ``start``/``act``: they capture, detect and
  save), so two clicks can never run two transitions at once.
- ``serial=False``: a small shared pool for I/O that changes no state
  (pre-enrollment checks, launching a settings page, reading the outbox).

Results travel through a queued Qt signal, so callbacks always run on the GUI
thread. An exception without ``on_failure`` goes to ``sys.excepthook`` once
``ui.errors`` installed its crash dialog there, else to a plain message box.

The workers are daemon threads: closing the window waits for the running
state task briefly (:func:`wait_serial_idle`) and then abandons it, which is
safe because the journey saves every transition atomically (a task killed at
exit leaves the old state file or the new one, never half of one).
"""

from __future__ import annotations

import itertools
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

POOL_SIZE: Final = 4

_Job = Callable[[], None]


class _Lane:
    """A FIFO of jobs run by at most ``size`` daemon threads, started on demand.

    Args:
        name: thread name prefix (shown in crash reports and the log).
        size: the most threads this lane runs at once.
    """

    def __init__(self, name: str, size: int) -> None:
        self._name = name
        self._size = size
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._idle_threads = 0
        self._backlog = 0
        self._running = 0
        self._idle = threading.Event()
        self._idle.set()
        self._count = itertools.count(1)

    def submit(self, job: _Job) -> None:
        with self._lock:
            self._running += 1
            self._idle.clear()
            if self._idle_threads > 0:
                self._idle_threads -= 1  # a waiting thread takes it
            elif len(self._threads) < self._size:
                thread = threading.Thread(
                    target=self._work,
                    name=f"{self._name}-{next(self._count)}",
                    daemon=True,
                )
                self._threads.append(thread)
                thread.start()
            else:
                self._backlog += 1  # the next thread to finish takes it
        self._jobs.put(job)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                job()
            finally:
                with self._lock:
                    self._running -= 1
                    if self._backlog > 0:
                        self._backlog -= 1
                    else:
                        self._idle_threads += 1
                    if self._running == 0:
                        self._idle.set()

    def wait_idle(self, timeout: float) -> bool:
        """Block until no job runs or waits (True), or ``timeout`` seconds (False)."""
        return self._idle.wait(timeout)

    def stop(self, timeout: float) -> None:
        """Ask every thread to end after its job; wait up to ``timeout`` in all."""
        with self._lock:
            threads = list(self._threads)
            self._threads.clear()
            self._idle_threads = 0
        for _ in threads:
            self._jobs.put(None)
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))


class Task(Generic[T]):
    """A handle on one background call (what :func:`run_in_background` returns).

    Attributes:
        done: True once the callbacks have run (or were dropped).
        result: the value, once done and successful.
        error: the exception, once done and failed.
    """

    def __init__(self) -> None:
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None


class _Delivery:
    """What a worker sends back to the GUI thread."""

    __slots__ = ("context", "error", "on_failure", "on_success", "result", "task")

    def __init__(
        self,
        task: Task[Any],
        context: QObject | None,
        on_success: Callable[[Any], object] | None,
        on_failure: Callable[[BaseException], object] | None,
    ) -> None:
        self.task = task
        self.context = context
        self.on_success = on_success
        self.on_failure = on_failure
        self.result: Any = None
        self.error: BaseException | None = None


class TaskManager(QObject):
    """Runs functions on the two lanes and delivers their results on the GUI thread.

    Create it on the GUI thread (:func:`manager` does, on first use).

    Signals:
        busy_changed: (bool) some task is running or waiting, or none is.
        delivered: (object) internal: a worker's result on its way to the GUI
            thread (queued connection).
    """

    busy_changed = Signal(bool)
    delivered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._serial = _Lane("helper-state", 1)
        self._pool = _Lane("helper-io", POOL_SIZE)
        self._pending = 0
        self._closed = False
        # The Qt namespace costs 12 ms on first touch: only when work starts,
        # never on import (ui.reporting imports this module before the paint).
        from PySide6.QtCore import Qt

        self.delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return self._pending

    def run(
        self,
        fn: Callable[[], T],
        *,
        on_success: Callable[[T], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        serial: bool = True,
        context: QObject | None = None,
    ) -> Task[T]:
        """See :func:`run_in_background`."""
        task: Task[T] = Task()
        delivery = _Delivery(task, context, on_success, on_failure)

        def job() -> None:
            try:
                delivery.result = fn()
            except BaseException as exc:  # delivered to on_failure, never lost
                delivery.error = exc
            if not self._closed:
                self.delivered.emit(delivery)

        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        (self._serial if serial else self._pool).submit(job)
        return task

    @Slot(object)
    def _on_delivered(self, delivery: _Delivery) -> None:
        task = delivery.task
        task.done = True
        task.result = delivery.result
        task.error = delivery.error
        self._pending -= 1
        try:
            if delivery.context is not None and not _alive(delivery.context):
                # The widget that asked is gone (window closed): drop the result.
                return
            if delivery.error is not None:
                if delivery.on_failure is not None:
                    delivery.on_failure(delivery.error)
                else:
                    report_error(delivery.error)
            elif delivery.on_success is not None:
                delivery.on_success(delivery.result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def wait_serial_idle(self, timeout: float) -> bool:
        """Block (without processing events) until no state task runs.

        Returns:
            True when idle, False after ``timeout`` seconds.
        """
        return self._serial.wait_idle(timeout)

    def wait_idle(self, timeout: float) -> bool:
        """Process events until every task has delivered (tests, screenshots).

        Returns:
            True when idle, False after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        app = QCoreApplication.instance()
        while self._pending > 0:
            if time.monotonic() > deadline:
                return False
            if app is not None:
                QCoreApplication.processEvents()
            time.sleep(0.002)
        return True

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the lanes: running jobs finish, their results are dropped."""
        self._closed = True
        self._serial.stop(timeout)
        self._pool.stop(timeout)


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


_manager: TaskManager | None = None
_boxes: list[QObject] = []  # error message boxes open now (no parent)


def manager() -> TaskManager:
    """The process's task manager (created on the GUI thread at first use)."""
    global _manager  # noqa: PLW0603 - one per process, like QApplication
    if _manager is None:
        _manager = TaskManager()
    return _manager


def run_in_background(
    fn: Callable[[], T],
    *,
    on_success: Callable[[T], object] | None = None,
    on_failure: Callable[[BaseException], object] | None = None,
    serial: bool = True,
    context: QObject | None = None,
) -> Task[T]:
    """Run ``fn()`` off the GUI thread; call back on the GUI thread.

    ``fn`` runs on a worker thread: it must never touch a widget or any other
    GUI object (read what it needs before, hand the result to ``on_success``).

    Args:
        fn: the work; its return value goes to ``on_success``.
        on_success: called on the GUI thread with the result.
        on_failure: called on the GUI thread with the exception; None routes it
            to the standard error dialog (:func:`report_error`).
        serial: True for state-changing work (the one-worker lane, in order);
            False for I/O that changes no state (the shared pool).
        context: a widget the callbacks belong to; if it has been deleted by
            the time the result arrives, the callbacks are skipped.

    Returns:
        A :class:`Task` handle (``done``, ``result``, ``error``).
    """
    return manager().run(
        fn,
        on_success=on_success,
        on_failure=on_failure,
        serial=serial,
        context=context,
    )


def pending() -> int:
    """Tasks submitted whose callbacks have not run yet (0 without a manager)."""
    return _manager.pending if _manager is not None else 0


def wait_serial_idle(timeout: float) -> bool:
    """Block until the state lane is idle, at most ``timeout`` seconds."""
    return _manager.wait_serial_idle(timeout) if _manager is not None else True


def wait_idle(timeout: float) -> bool:
    """Process events until every task has delivered, at most ``timeout`` s."""
    return _manager.wait_idle(timeout) if _manager is not None else True


def shutdown(timeout: float = 5.0) -> None:
    """Stop the workers and forget the manager (tests' teardown, app exit)."""
    global _manager  # noqa: PLW0603 - see manager()
    if _manager is not None:
        _manager.shutdown(timeout)
        _manager.deleteLater()
        _manager = None


def report_error(error: BaseException) -> None:
    """Show an unexpected background error the standard way.

    ``ui.errors`` installs its crash dialog (with "Copy debug info") as
    ``sys.excepthook``; until it has, a plain message box says what failed.
    The error is logged in any case.
    """
    hook = sys.excepthook
    if hook is not sys.__excepthook__:
        hook(type(error), error, error.__traceback__)
        return
    log.error(
        "background task failed", exc_info=(type(error), error, error.__traceback__)
    )
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Tasks", "Something went wrong"),
        QCoreApplication.translate(
            "Tasks",
            "The helper could not finish a task. Your progress is saved: "
            "you can try again, or contact IT.",
        ),
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    box.setDetailedText(f"{type(error).__name__}: {error}")
    # Without a parent, Python owns the box: keep it until it is closed.
    _boxes.append(box)
    box.finished.connect(lambda _result: _boxes.remove(box))
    box.open()
