# SPDX-License-Identifier: MIT
"""The done page says what to do when Intune holds no recovery key yet (real
window, offscreen), and says nothing when the disk is not encrypted."""

from __future__ import annotations

import msgspec
from pytestqt.qtbot import QtBot

from helper.detect.model import Encryption
from tests.ui.conftest import WindowFactory, click
from ui import words


def _done_view_with(window, encryption: Encryption):  # type: ignore[no-untyped-def]
    view = window.controller.view
    assert view is not None and view.detection is not None
    detection = msgspec.structs.replace(view.detection, encryption=encryption)
    return msgspec.structs.replace(view, detection=detection)


def test_done_page_tells_a_mac_to_make_a_new_filevault_key(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("intune-macos")
    click(qtbot, window.current_page().primary)  # Start
    click(qtbot, window.current_page().primary)  # Continue
    assert window.current_page_name() == "done"
    page = window.pages["done"]
    page.show_view(  # type: ignore[attr-defined]
        _done_view_with(window, Encryption("filevault", "on", escrow_vendor="intune"))
    )
    shown = page.escrow_label.text()  # type: ignore[attr-defined]
    assert shown == words.escrow("escrow-new-key-needed")
    assert "log out and log back in" in shown
    page.show_view(  # type: ignore[attr-defined]
        _done_view_with(window, Encryption("filevault", "on"))
    )
    not_configured = words.escrow("escrow-not-configured")
    assert page.escrow_label.text() == not_configured  # type: ignore[attr-defined]
    page.show_view(  # type: ignore[attr-defined]
        _done_view_with(window, Encryption("filevault", "off"))
    )
    texts = [
        page.summary_layout.itemAt(i).widget().text()  # type: ignore[attr-defined]
        for i in range(page.summary_layout.count())  # type: ignore[attr-defined]
    ]
    assert texts and not_configured not in texts


def test_leave_page_says_the_old_management_came_back(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("jamf-macos")
    click(qtbot, window.current_page().primary)  # Start
    click(qtbot, window.current_page().primary)  # Begin
    assert window.current_page_name() == "leave"
    page = window.current_page()
    view = window.controller.view
    assert view is not None
    assert not page.failure.isVisible()  # type: ignore[attr-defined]
    for code in ("legacy-returned", "legacy-returned-ade"):
        page.show_view(msgspec.structs.replace(view, code=code))  # type: ignore[attr-defined]
        assert page.failure.isVisible()  # type: ignore[attr-defined]
        assert page.failure_text.text() == words.journey_code(code)  # type: ignore[attr-defined]
    assert "Apple Business Manager" in words.journey_code("legacy-returned-ade")
