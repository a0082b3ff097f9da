# SPDX-License-Identifier: MIT
"""The contact-it page's "Ask IT's server to remove <vendor>": offered only
when IT turned it on, confirmed before anything is sent, and saying what it
could not do. (The request itself, against a real collector and fake old EMMs,
is tests/collector/test_release_journey.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from helper.config.model import Config, Reporting
from tests.ui.conftest import WindowFactory, click
from ui import i18n
from ui.server_release import ServerReleasePanel

ON = Config(
    reporting=Reporting(
        enabled=True,
        collector_url="https://collector.contoso.example",
        api_scope="api://c0ffee00-aaaa-bbbb-cccc-0123456789ab/Migration.Report",
        server_release=True,
    )
)


def contact_it_panel(window: object, qtbot: QtBot) -> ServerReleasePanel:
    primary = window.current_page().primary  # type: ignore[attr-defined]
    click(qtbot, primary)  # Start
    click(qtbot, window.current_page().primary)  # type: ignore[attr-defined]
    assert window.current_page_name() == "contact-it"  # type: ignore[attr-defined]
    panel: ServerReleasePanel = window.current_page().server_release  # type: ignore[attr-defined]
    return panel


def test_not_offered_unless_it_turned_it_on(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("kandji-ade-macos")
    assert not contact_it_panel(window, qtbot).isVisible()


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The window in French; the next test starts in English again."""
    assert i18n.install_translators(qapp, "fr") == "fr"
    yield
    i18n.install_translators(qapp, "en")


def test_offered_confirmed_then_says_the_server_cannot_be_reached(
    make_window: WindowFactory, qtbot: QtBot, french: None
) -> None:
    window = make_window("kandji-ade-macos", config=ON, lang="fr")
    panel = contact_it_panel(window, qtbot)
    assert panel.isVisible()
    assert (
        panel.button.text()
        == "Demander au serveur du service informatique de retirer Kandji"
    )
    # No: nothing is sent.
    click(qtbot, panel.button)
    box = panel.confirm
    assert isinstance(box, QMessageBox)
    assert "Kandji" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    assert not panel.status.isVisible()
    # Yes: this demo has no reporting running, so the server cannot be asked.
    click(qtbot, panel.button)
    box = panel.confirm
    assert box is not None
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(panel.status.isVisible)
    assert "ne peut pas être joint" in panel.status.text()
    assert window.current_page_name() == "contact-it"
    QApplication.processEvents()
