# SPDX-License-Identifier: MIT
"""GUI test setup: pytest-qt, offscreen unless ``--onscreen``, one application.

tests/conftest.py already defaults ``QT_QPA_PLATFORM`` to ``offscreen`` and
points ``HELPER_HOME`` at a fresh folder for each test. Here: the application
class (``qapp_cls``), a clean task manager after each test (its worker threads
stopped), and the fakes that stand in for the launcher's boundaries and the
pre-enrollment checks, so nothing is opened, run or contacted for real.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from helper.config.model import Config
from helper.journey.checks import CheckResult
from helper.journey.transitions import RecordingReporter
from helper.probe.runner import CommandResult
from ui import tasks
from ui.app import HelperApplication
from ui.main_window import MainWindow

TIMEOUT_MS = 10_000


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--onscreen",
        action="store_true",
        default=False,
        help="show the GUI tests' windows on the real display (needs one)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen", default=False):
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            del os.environ["QT_QPA_PLATFORM"]


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return HelperApplication


@pytest.fixture(autouse=True)
def _clean_tasks(qapp: QApplication) -> Iterator[None]:
    """Each test starts with no task manager and ends with its threads joined."""
    yield
    tasks.wait_idle(5.0)
    tasks.shutdown(timeout=5.0)
    qapp.processEvents()


class Fakes:
    """The launcher's boundaries and the check runner, recording every call.

    Attributes:
        opened: URIs opened (``open`` steps).
        spawned: programs started without elevation.
        ran: elevated commands (macOS osascript / Linux pkexec argv).
        elevated: Windows ShellExecuteW calls (file, parameters).
        checks: pre-enrollment checks run, by name.
        check_codes: the code each check answers (default ``ok``).
    """

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.spawned: list[list[str]] = []
        self.ran: list[list[str]] = []
        self.elevated: list[tuple[str, str]] = []
        self.checks: list[str] = []
        self.check_codes: dict[str, str] = {}

    def open_uri(self, uri: str) -> None:
        self.opened.append(uri)

    def spawn(self, argv: Sequence[str]) -> None:
        self.spawned.append(list(argv))

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        del timeout
        self.ran.append(list(argv))
        return CommandResult(list(argv), 0)

    def shell_execute(self, file: str, parameters: str) -> int:
        self.elevated.append((file, parameters))
        return 42

    def check(self, name: str) -> CheckResult:
        self.checks.append(name)
        code = self.check_codes.get(name, "ok")
        return CheckResult(name, code in ("ok", "not-applicable"), code, "test")


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


@pytest.fixture
def recording() -> RecordingReporter:
    return RecordingReporter()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, fakes: Fakes, recording: RecordingReporter
) -> WindowFactory:
    """Build and show a window on a scenario, with the fakes at the boundaries."""
    from helper.migration import scenario_migration
    from ui.demo import demo_config

    def make(
        scenario: str,
        *,
        lang: str = "en",
        config: Config | None = None,
        demo: bool = True,
        max_attempts: int = 3,
        reporting: object | None = None,
    ) -> MainWindow:
        shown = demo_config(config or Config())

        def factory():  # type: ignore[no-untyped-def]
            return scenario_migration(
                scenario,
                shown,
                reporter=recording,
                runner=fakes,
                spawn=fakes.spawn,
                open_uri=fakes.open_uri,
                shell_execute=fakes.shell_execute,
                check=fakes.check,
                max_attempts=max_attempts,
                languages=(lang,),
            )

        window = MainWindow(
            shown,
            lang=lang,
            demo=scenario if demo else None,
            migration_factory=factory,
            reporting=reporting,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.controller.view is not None, timeout=TIMEOUT_MS)
        settle(qtbot)
        return window

    return make


def settle(qtbot: QtBot) -> None:
    """Wait until every background task has delivered its result."""
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=TIMEOUT_MS)
    QApplication.processEvents()


def click(qtbot: QtBot, button: QPushButton | None) -> None:
    """Click a real button (as the mouse does), then let the work finish."""
    assert button is not None
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def screenshot_dir(tmp_path: Path, lang: str) -> Path:
    return tmp_path / f"shots-{lang}"
