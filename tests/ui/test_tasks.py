# SPDX-License-Identifier: MIT
"""ui/tasks.py: results on the GUI thread, one state worker, a pool for I/O,
errors to the error dialog, dropped results for deleted widgets."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui import tasks


def wait(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[str, object]] = []
    gui = threading.current_thread()

    def work() -> str:
        seen.append(("work", threading.current_thread() is gui))
        return "done"

    def success(value: str) -> None:
        seen.append((value, threading.current_thread() is gui))

    task = tasks.run_in_background(work, on_success=success)
    wait(qtbot)
    assert seen == [("work", False), ("done", True)]
    assert task.done and task.result == "done" and task.error is None


def test_serial_tasks_run_one_at_a_time_in_order(qtbot: QtBot) -> None:
    running = 0
    most = 0
    order: list[int] = []
    lock = threading.Lock()

    def work(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.01)
        with lock:
            running -= 1
        return n

    for n in range(5):
        tasks.run_in_background(lambda n=n: work(n), on_success=order.append)
    wait(qtbot)
    assert order == [0, 1, 2, 3, 4]
    assert most == 1


def test_the_pool_runs_io_in_parallel(qtbot: QtBot) -> None:
    barrier = threading.Barrier(3, timeout=5)
    results: list[int] = []
    for n in range(3):
        tasks.run_in_background(
            lambda n=n: (barrier.wait(), n)[1], on_success=results.append, serial=False
        )
    wait(qtbot)  # would time out if the three did not run at once
    assert sorted(results) == [0, 1, 2]


def test_failure_goes_to_on_failure(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("boom")

    tasks.run_in_background(work, on_failure=errors.append)
    wait(qtbot)
    assert isinstance(errors[0], ValueError)


def test_unhandled_failure_goes_to_the_excepthook(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(e))

    def work() -> None:
        raise RuntimeError("unexpected")

    tasks.run_in_background(work)
    wait(qtbot)
    assert [str(e) for e in hooked] == ["unexpected"]


def test_without_error_dialog_a_message_box_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)

    def work() -> None:
        raise RuntimeError("unexpected")

    tasks.run_in_background(work)
    wait(qtbot)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes and "RuntimeError: unexpected" in boxes[-1].detailedText()
    assert "background task failed" in caplog.text
    for box in boxes:
        box.close()


def test_result_for_a_deleted_widget_is_dropped(qtbot: QtBot) -> None:
    owner = QObject()
    called: list[object] = []
    gate = threading.Event()
    tasks.run_in_background(gate.wait, on_success=called.append, context=owner)
    owner.deleteLater()
    QApplication.processEvents()
    gate.set()
    wait(qtbot)
    assert called == []


def test_busy_changes(qtbot: QtBot) -> None:
    states: list[bool] = []
    tasks.manager().busy_changed.connect(states.append)
    tasks.run_in_background(lambda: None)
    tasks.run_in_background(lambda: None, serial=False)
    wait(qtbot)
    assert states == [True, False]


def test_wait_serial_idle_gives_up(qtbot: QtBot) -> None:
    gate = threading.Event()
    tasks.run_in_background(gate.wait)
    start = time.monotonic()
    assert tasks.wait_serial_idle(0.1) is False
    assert time.monotonic() - start < 1
    gate.set()
    assert tasks.wait_serial_idle(5) is True
    wait(qtbot)
