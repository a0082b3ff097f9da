# SPDX-License-Identifier: MIT
"""The window's language: --lang, configuration, OS locale; Qt's own catalogue."""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ui import i18n

REPO = Path(__file__).resolve().parents[2]


def build_translations_module() -> ModuleType:
    """installers/build_translations.py, imported by path (not a package)."""
    name = "build_translations"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, REPO / "installers" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def catalogues_built() -> None:
    """The .qm files, as `make test` builds them (for a bare `pytest` run)."""
    build = build_translations_module()
    if build.needs_build():
        build.build()


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    """Whatever a test installs, the next test starts in English again."""
    saved = QLocale()
    yield qapp
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(saved)


def cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button.text().replace("&", "")


def test_lang_fr_gives_a_french_window(
    catalogues_built: None, english_afterwards: QApplication
) -> None:
    assert i18n.install_translators(english_afterwards, "fr") == "fr"
    assert i18n.current_language() == "fr"
    from ui.errors import ErrorDialog

    dialog = ErrorDialog(None, "t", "x", "details")
    try:
        # Ours (built after installing) and Qt's own standard buttons.
        assert dialog.toggle.text() == "Afficher les &détails"
        assert dialog.copy_button.text() == "&Copier les détails"
        assert cancel_text() == "Annuler"
    finally:
        dialog.deleteLater()
    assert QLocale().language() == QLocale.Language.French


@pytest.mark.parametrize(
    ("lang", "toggle", "cancel", "language"),
    [
        ("de", "&Details anzeigen", "Abbrechen", QLocale.Language.German),
        ("nl", "&Details weergeven", "Annuleren", QLocale.Language.Dutch),
    ],
)
def test_other_languages_give_their_window(
    catalogues_built: None,
    english_afterwards: QApplication,
    *,
    lang: str,
    toggle: str,
    cancel: str,
    language: QLocale.Language,
) -> None:
    assert i18n.install_translators(english_afterwards, lang) == lang
    from ui.errors import ErrorDialog

    dialog = ErrorDialog(None, "t", "x", "details")
    try:
        assert dialog.toggle.text() == toggle  # ours
        assert cancel_text() == cancel  # Qt's own (qtbase_<lang>.qm)
        dialog.add_repeat("again")
        assert "2" in dialog.repeats.text() and "time" not in dialog.repeats.text()
    finally:
        dialog.deleteLater()
    assert QLocale().language() == language


def test_lang_en_and_switching_back(
    catalogues_built: None, english_afterwards: QApplication
) -> None:
    i18n.install_translators(english_afterwards, "fr")
    assert i18n.install_translators(english_afterwards, "en") == "en"
    assert cancel_text() == "Cancel"
    assert QLocale().language() == QLocale.Language.English
    from ui.errors import ErrorDialog

    dialog = ErrorDialog(None, "t", "x", "d")
    try:
        assert dialog.toggle.text() == "Show &details"
    finally:
        dialog.deleteLater()


def test_english_plural_forms(
    catalogues_built: None, english_afterwards: QApplication
) -> None:
    from ui.errors import ErrorDialog

    i18n.install_translators(english_afterwards, "en")
    dialog = ErrorDialog(None, "t", "x", "d")
    try:
        dialog.add_repeat("again")
        assert dialog.repeats.text() == "This happened 2 times so far."
    finally:
        dialog.deleteLater()


def test_configuration_language_applies_without_flag(
    catalogues_built: None, english_afterwards: QApplication
) -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    app = english_afterwards
    assert i18n.install_translators(app, None, "fr", locale=english) == "fr"
    assert cancel_text() == "Annuler"
    # The command line wins over IT's configuration.
    assert i18n.install_translators(app, "en", "fr", locale=english) == "en"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (QLocale(QLocale.Language.French, QLocale.Country.France), "fr"),
        (QLocale(QLocale.Language.French, QLocale.Country.Canada), "fr"),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "en"),
        (QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), "en"),
        (QLocale(QLocale.Language.German, QLocale.Country.Switzerland), "de"),
        (QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium), "nl"),
        (QLocale.c(), "en"),
    ],
)
def test_follows_the_os_locale(
    catalogues_built: None,
    english_afterwards: QApplication,
    locale: QLocale,
    expected: str,
) -> None:
    assert i18n.system_language(locale) == expected
    assert i18n.install_translators(english_afterwards, None, locale=locale) == expected
    assert QLocale().language() == QLocale(expected).language()


def test_unknown_language_is_skipped(
    english_afterwards: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    with caplog.at_level(logging.WARNING, logger="ui.i18n"):
        chosen = i18n.install_translators(english_afterwards, "ja", locale=french)
    assert chosen == "fr"
    assert "'ja' is not a language the helper has" in caplog.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr", "fr"),
        ("FR-be", "fr"),
        ("fr_CA", "fr"),
        ("en-US", "en"),
        ("de-AT", "de"),
        ("nl_BE", "nl"),
        ("es-419", "es"),
        ("it_CH", "it"),
        ("ja", None),
    ],
)
def test_normalize(value: str, expected: str | None) -> None:
    assert i18n.normalize(value) == expected


def test_os_language_counts_only_with_its_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A German OS gets the German window only if helper_de.qm is there."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))
    german = QLocale(QLocale.Language.German, QLocale.Country.Austria)
    assert i18n.system_language(german) == "en"
    (tmp_path / "helper_de.qm").write_bytes(b"")
    assert i18n.system_language(german) == "de"
    # Chosen explicitly, a language is used even without its catalogue (logged).
    assert i18n.choose_language("nl", "", german) == "nl"


def test_missing_catalogue_keeps_the_window_working(
    english_afterwards: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="ui.i18n"):
        assert i18n.install_translators(english_afterwards, "fr") == "fr"
    assert "no helper catalogue for fr" in caplog.text
    assert cancel_text() == "Annuler"  # Qt's own catalogue still loads


def _run_fresh(env_lang: str, *args: str) -> list[str]:
    """Start a new process (QLocale.system() is read once per process)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QDialogButtonBox\n"
        "app = QApplication([])\n"
        "from ui.i18n import install_translators\n"
        "print(install_translators(app, *sys.argv[1:] or [None]))\n"
        "box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)\n"
        "cancel = box.button(QDialogButtonBox.StandardButton.Cancel)\n"
        "print(cancel.text().replace('&', ''))\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    env.update(LANG=env_lang, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_follows_lang_in_a_new_process(catalogues_built: None) -> None:
    assert _run_fresh("fr_FR.UTF-8") == ["fr", "Annuler"]
    assert _run_fresh("en_US.UTF-8") == ["en", "Cancel"]
    assert _run_fresh("fr_FR.UTF-8", "en") == ["en", "Cancel"]


def test_pseudo_localisation_for_layout_checks(
    english_afterwards: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.errors import ErrorDialog

    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.install_translators(english_afterwards, "fr")
    dialog = ErrorDialog(None, "t", "x", "d")
    try:
        text = dialog.toggle.text()
        assert text.startswith("[Show &details~") and text.endswith("]")
    finally:
        dialog.deleteLater()
    monkeypatch.delenv(i18n.PSEUDO_ENV)
    i18n.install_translators(english_afterwards, "en")
    assert cancel_text() == "Cancel"
