# SPDX-License-Identifier: MIT
"""Walk demo journeys through the window's real buttons; save one PNG per page.

``gui --screenshots DIR [--lang fr|en] [--demo SCENARIO]`` (offscreen): the
happy path on SCENARIO (default ``ws1-windows``: welcome, check, leave, join,
done), then a blocked device (``kandji-ade-macos``) for the contact-it page.
The README's pictures come from this (docs/images/).

:class:`Autopilot` is also what the GUI benchmark drives: a diligent user who
presses each page's buttons, confirms each command, and waits for the
background work between clicks (processing events, so the window stays live).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QPushButton

from ui import tasks

if TYPE_CHECKING:
    from helper.config.model import Config
    from ui.main_window import MainWindow

PAGES: Final = ("welcome", "check", "leave", "join", "done", "contact-it")
WIDTH_LINES: Final = 52  # window size in lines of text: scales with the font
HEIGHT_LINES: Final = 44
MAX_CLICKS: Final = 40


class Autopilot:
    """Drives a :class:`MainWindow` like a user who does every step.

    Args:
        window: the window (shown or not).
        timeout: seconds to wait for the background work after a click.
    """

    def __init__(self, window: MainWindow, timeout: float = 30.0) -> None:
        self.window = window
        self.timeout = timeout
        self.clicks = 0

    def settle(self) -> None:
        """Wait until every background task has delivered and events are done.

        Raises:
            TimeoutError: the work did not end within ``timeout``.
        """
        if not tasks.wait_idle(self.timeout):
            raise TimeoutError("the window's background work did not end")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def wait_for(self, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + self.timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not get there")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)

    def click(self, button: QPushButton) -> None:
        """Press a button (as a click does) and wait for what it started."""
        if not button.isEnabled():
            raise RuntimeError(f"button {button.text()!r} is disabled")
        self.clicks += 1
        button.click()
        self.settle()

    def confirm_dialog(self) -> None:
        """Press Run in the command confirmation, if one is open."""
        dialog = self.window.pending_dialog
        run = getattr(dialog, "run_button", None)
        if isinstance(run, QPushButton):
            self.click(run)

    def walk(self, on_page: Callable[[str], None] | None = None) -> list[str]:
        """Walk the journey to its end (done, or contact-it with nothing left).

        Args:
            on_page: called once per page when it first shows, settled.

        Returns:
            The pages seen, in order.
        """
        window = self.window
        seen: list[str] = []

        def arrive(name: str) -> None:
            if not seen or seen[-1] != name:
                seen.append(name)
                if on_page is not None:
                    on_page(name)

        window.controller.start()
        self.settle()
        arrive("welcome")
        self.click(window.pages["welcome"].primary)  # type: ignore[arg-type]
        self.wait_for(
            lambda: (
                window.controller.view is not None
                or window.controller.error is not None
            )
        )
        self.settle()
        last_contact: tuple[str, ...] | None = None
        while self.clicks < MAX_CLICKS:
            name = window.current_page_name()
            arrive(name)
            page = window.current_page()
            view = window.controller.view
            if name == "done" or view is None:
                return seen
            if name in ("leave", "join") and not view.retry:
                step_buttons = getattr(page, "step_buttons", dict)
                for step_id in list(step_buttons()):
                    # Each launch re-renders the rows: fetch the button anew.
                    button = step_buttons().get(step_id)
                    if button is not None and button.isEnabled():
                        self.click(button)
                        self.confirm_dialog()
            if name == "contact-it":
                state = (view.stage, view.code or "", *view.redo_steps)
                if state == last_contact and view.notice == "no-change":
                    return seen
                last_contact = state
            primary = page.primary
            if primary is None or not primary.isEnabled():
                return seen
            self.click(primary)
        return seen


def take_screenshots(
    out_dir: Path,
    *,
    lang: str,
    config: Config,
    scenario: str | None = None,
    blocked: str | None = None,
) -> list[Path]:
    """Walk the demo journeys and save ``<page>.png`` for each page in ``out_dir``.

    Translators for ``lang`` must be installed already (``gui --lang``).

    Args:
        out_dir: created if missing.
        lang: ``en`` or ``fr``.
        config: IT's configuration (the demo fills in a sample organization).
        scenario: the happy path (default ``ws1-windows``).
        blocked: the contact-it path (default ``kandji-ade-macos``).

    Returns:
        The files written, in page order.
    """
    from ui.app import build_window
    from ui.demo import BLOCKED_SCENARIO, DEFAULT_SCENARIO

    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in (scenario or DEFAULT_SCENARIO, blocked or BLOCKED_SCENARIO):
        window = build_window(config, lang, name, autostart=False)
        line = window.fontMetrics().height()
        window.resize(line * WIDTH_LINES, line * HEIGHT_LINES)
        window.show()

        def save(page: str, window: MainWindow = window) -> None:
            if page in written:
                return
            QApplication.processEvents()
            path = out_dir / f"{page}.png"
            if not window.grab().save(str(path), "PNG"):
                raise OSError(f"cannot write {path}")
            written[page] = path

        Autopilot(window).walk(save)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return [written[p] for p in PAGES if p in written]
