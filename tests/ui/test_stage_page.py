# SPDX-License-Identifier: MIT
"""A stage added to the one stage table, with its own wizard page: the window
shows it with one entry in ``ui.main_window.PAGES`` plus the page's class."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from helper.config.model import Config
from helper.journey.engine import JourneyView
from tests.stage_fixture import add_backup_stage, backup_journey, walk_to_backup
from ui import main_window
from ui.main_window import MainWindow
from ui.navigation import page_for
from ui.pages.common import Page


class BackupPage(Page):
    """The new stage's page (what a real one would add: its class)."""

    name = "backup"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: list[str] = []
        self.set_title("Back up your files")

    def show_view(self, view: JourneyView) -> None:
        self.shown.append(view.stage)


def test_a_new_stage_shows_on_its_own_page(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    stage = add_backup_stage(monkeypatch)
    monkeypatch.setitem(main_window.PAGES, "backup", (__name__, "BackupPage"))
    journey, _ = backup_journey()
    view = walk_to_backup(journey)
    assert view.stage == stage and page_for(view) == "backup"

    window = MainWindow(Config(), autostart=False)
    qtbot.addWidget(window)
    window.controller.view = view
    assert window.strip_pages() == [
        "welcome",
        "check",
        "backup",
        "leave",
        "join",
        "done",
    ]
    window.show_page(page_for(view))
    page = window.current_page()
    assert isinstance(page, BackupPage) and page.shown == [stage]
    # The progress indicator follows the table too: the new stage is current.
    assert window.strip.pages == window.strip_pages()
    assert window.strip.states[window.strip.pages.index("backup")] == "current"
