# SPDX-License-Identifier: MIT
"""IT's own words in the window: the real translators, the real pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helper.config import resolve
from helper.config.model import Config
from tests.ui.conftest import WindowFactory, click
from ui import i18n, it_words


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    i18n.install_translators(qapp, "en")


def it_config(tmp_path: Path) -> Config:
    path = tmp_path / "config.toml"
    path.write_text(
        """
[words.fr]
"CheckPage.check-this-device" = "Vérifier ce poste de travail"
"CheckPage.support-code" = "Votre code pour le support : %1"

[words.en]
"CheckPage.check-this-device" = "Check this workstation"
""",
        encoding="utf-8",
    )
    return resolve(path, bundled=None, policy=None).config


def test_it_words_replace_the_window_strings_in_their_language_only(
    english_afterwards: QApplication, tmp_path: Path
) -> None:
    config = it_config(tmp_path)
    i18n.install_translators(english_afterwards, "fr")
    assert it_words.install(english_afterwards, config, "fr") is not None
    tr = QCoreApplication.translate
    assert tr("CheckPage", "Check this device") == "Vérifier ce poste de travail"
    assert tr("CheckPage", "Support code: %1") == "Votre code pour le support : %1"
    # Every other string still comes from the French catalogue.
    assert tr("CheckPage", "Before you start") != "Before you start"
    # Switching language drops IT's French words with the French catalogue.
    i18n.install_translators(english_afterwards, "en")
    assert tr("CheckPage", "Support code: %1") == "Support code: %1"
    it_words.install(english_afterwards, config, "en")
    assert tr("CheckPage", "Check this device") == "Check this workstation"


def test_a_window_shows_it_words_on_its_pages(
    english_afterwards: QApplication,
    make_window: WindowFactory,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    config = it_config(tmp_path)
    lang = i18n.install_translators(english_afterwards, "fr")
    it_words.install(english_afterwards, config, lang)
    window = make_window("ws1-windows", lang="fr", config=config)
    click(qtbot, window.current_page().primary)
    assert window.current_page_name() == "check"
    page = window.current_page()
    assert page.title.text() == "Vérifier ce poste de travail"
    assert page.title.isVisible()
