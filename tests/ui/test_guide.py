# SPDX-License-Identifier: MIT
"""Guide another device: the playbook's steps, with QR codes for store links."""

from __future__ import annotations

import pytest
import segno
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from helper.catalogue import Catalogue, load_catalogue
from helper.config.model import Config, Organization
from helper.journey.playbooks import PlaybookSet, load_playbooks
from ui import guide
from ui.guide import GuideDialog

APP_STORE = "https://apps.apple.com/app/id719171358"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(use_cache=False)


@pytest.fixture(scope="module")
def playbooks() -> PlaybookSet:
    return load_playbooks(None)


@pytest.fixture
def dialog(qtbot: QtBot, catalogue: Catalogue, playbooks: PlaybookSet) -> GuideDialog:
    config = Config(organization=Organization(support_phone="+33 1 23 45 67 89"))
    widget = GuideDialog(
        config=config,
        catalogue=catalogue,
        playbooks=playbooks,
        support_code="K7Q4-M2XD",
        language="en",
    )
    qtbot.addWidget(widget)
    return widget


def test_platforms_offered(dialog: GuideDialog) -> None:
    combo = dialog.platform_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "ios",
        "android",
        "windows-10-mobile",
        "windows-8.1",
    ]
    assert combo.itemText(0) == "iPhone or iPad"


def test_vendors_by_display_name_with_a_playbook(
    dialog: GuideDialog, playbooks: PlaybookSet
) -> None:
    dialog.select("windows-8.1", "unknown-mdm")
    vendors = dialog.vendors()
    ids = [v for v, _ in vendors]
    names = [n for _, n in vendors]
    assert ids[-2:] == ["unknown-mdm", "none"]
    legacy = names[:-2]
    assert legacy == sorted(legacy, key=str.casefold)
    assert "Workspace ONE (AirWatch)" in legacy
    assert "intune" not in ids  # the target is not a "current management"
    for vendor_id in ids[:-2]:
        assert playbooks.get(vendor_id, "windows-8.1") is not None
    # Jamf Pro manages Apple devices only.
    assert "jamf-pro" not in ids
    dialog.select("ios", "jamf-pro")
    assert dialog.vendor == "jamf-pro"


def test_steps_with_a_qr_code_for_the_store_link(
    dialog: GuideDialog, qtbot: QtBot
) -> None:
    dialog.select("ios", "workspace-one")
    plan = dialog.plan
    assert plan is not None
    assert plan.platform == "ios" and plan.vendor == "workspace-one"
    qr_steps = [s for s in plan.steps if s.qr]
    assert [s.uri for s in qr_steps] == [APP_STORE]
    assert len(dialog.qr_labels) == 1
    image = dialog.qr_labels[0]
    assert APP_STORE in image.accessibleName()
    assert APP_STORE in image.accessibleDescription()
    assert [label.text() for label in dialog.link_labels] == [APP_STORE]
    texts = [label.text() for label in dialog.steps_widget.findChildren(QLabel)]
    assert any("Company Portal" in t for t in texts)


def test_qr_pixmap_encodes_the_url(qapp: QApplication) -> None:
    """Not blank, and module for module the code segno makes for the URL."""
    scale, border = guide.QR_SCALE, 4
    pixmap = guide.qr_pixmap(APP_STORE)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    colours = {
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert min(colours) < 50 and max(colours) > 200  # dark and light modules
    matrix = segno.make(APP_STORE, error="m", micro=False).matrix
    assert image.width() == (len(matrix) + 2 * border) * scale
    for row, modules in enumerate(matrix):
        for col, dark in enumerate(modules):
            x = (col + border) * scale + scale // 2
            y = (row + border) * scale + scale // 2
            assert (image.pixelColor(x, y) == QColor("black")) == bool(dark)


def test_copy_link(dialog: GuideDialog, qtbot: QtBot) -> None:
    dialog.select("android", "ibm-maas360")
    buttons = [
        b
        for b in dialog.steps_widget.findChildren(QPushButton)
        if b.text() == "Copy link"
    ]
    assert len(buttons) == 1
    buttons[0].click()
    url = QApplication.clipboard().text()
    assert url.startswith("https://play.google.com/store/apps/details?id=")
    assert dialog.status.text() == "Link copied to the clipboard."


def test_no_qr_where_no_store_link(dialog: GuideDialog) -> None:
    dialog.select("windows-10-mobile", "soti-mobicontrol")
    assert dialog.plan is not None and dialog.plan.steps
    assert dialog.qr_labels == []


def test_not_managed_gives_join_only(dialog: GuideDialog) -> None:
    dialog.select("android", "none")
    assert dialog.plan is not None
    assert dialog.plan.path == "join-only"
    assert dialog.plan.vendor is None


def test_french_steps(
    qtbot: QtBot, catalogue: Catalogue, playbooks: PlaybookSet
) -> None:
    widget = GuideDialog(
        config=Config(), catalogue=catalogue, playbooks=playbooks, language="fr"
    )
    qtbot.addWidget(widget)
    widget.select("ios", "workspace-one")
    texts = " ".join(label.text() for label in widget.steps_widget.findChildren(QLabel))
    assert "Portail d’entreprise" in texts


def test_keyboard_access(dialog: GuideDialog) -> None:
    labels = {
        label.buddy(): label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert labels[dialog.platform_combo] == "&Device:"
    assert labels[dialog.vendor_combo] == "&Managed today by:"
    for combo in dialog.findChildren(QComboBox):
        assert combo.focusPolicy() & combo.focusPolicy().TabFocus
    dialog.select("ios", "workspace-one")
    for button in dialog.steps_widget.findChildren(QPushButton):
        assert button.focusPolicy() & button.focusPolicy().TabFocus
    # The link text can be selected with the keyboard.
    flags = dialog.link_labels[0].textInteractionFlags()
    assert flags & flags.TextSelectableByKeyboard


def test_unknown_choice_is_refused(dialog: GuideDialog) -> None:
    with pytest.raises(ValueError, match="unknown platform"):
        dialog.select("macos", "none")
