# SPDX-License-Identifier: MIT
"""The window's language: Qt Linguist catalogues (en, fr, de, es, it, nl).

English is the source language (the strings in the code); the others come from
``resources/translations/helper_<lang>.ts`` and the English plural forms ("1 file",
"2 files") from ``helper_en.ts``, compiled to ``.qm`` files by
``installers/build_translations.py`` (``make run`` and ``make test`` do it; the
.qm files are build artefacts, never committed). See docs/translations.md.

Which language: ``--lang fr`` (any of :data:`LANGUAGES`) on the command line,
else ``ui.language`` in IT's configuration, else the first of the OS's UI
languages whose catalogue is there, else English. Qt's own catalogue
(``qtbase_<lang>``: standard buttons, file dialogs) is installed with ours,
and :meth:`QLocale.setDefault` makes dates and numbers follow the language
chosen.

Call :func:`install_translators` before building any widget: texts are
translated when a widget is created, not when it is shown.
"""

from __future__ import annotations

import logging
import os
from typing import Final

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from helper.languages import LANGUAGES, SOURCE
from helper.resources import resource_path

log = logging.getLogger(__name__)

# Layout QA: HELPER_PSEUDO_L10N=1 makes every string 40 % longer and bracketed,
# so clipped or hard-coded texts show up (Vorta's TRANS_SCALE, STYLE §3.14).
PSEUDO_ENV: Final = "HELPER_PSEUDO_L10N"
PSEUDO_WORD: Final = 8

SOURCE_LANGUAGE: Final = SOURCE
CATALOGUE: Final = "helper"  # resources/translations/helper_<lang>.qm
QT_CATALOGUE: Final = "qtbase"

# The translators currently installed. QCoreApplication.installTranslator does
# not take ownership: a translator that Python collects stops translating.
_installed: list[QTranslator] = []
_language: str = SOURCE_LANGUAGE


def translations_dir() -> str:
    """The folder holding our compiled catalogues (``helper_<lang>.qm``)."""
    return str(resource_path("translations"))


def normalize(lang: str | None) -> str | None:
    """``fr``, ``fr_CA``, ``FR-be`` → ``fr``; None for a language we lack."""
    if not lang:
        return None
    base = lang.strip().replace("-", "_").split("_", 1)[0].lower()
    return base if base in LANGUAGES else None


def has_catalogue(lang: str) -> bool:
    """Our compiled catalogue for ``lang`` is there (English needs none)."""
    folder = translations_dir()
    return lang == SOURCE_LANGUAGE or os.path.isfile(
        os.path.join(folder, f"{CATALOGUE}_{lang}.qm")
    )


def system_language(locale: QLocale | None = None) -> str:
    """The first of the OS's UI languages that we have, else English.

    A language counts only with its catalogue: a German user of a build
    without ``helper_de.qm`` gets their next language, not English words
    under German buttons.

    Args:
        locale: the OS locale; None for :meth:`QLocale.system` (which reads
            ``LANG``/``LC_ALL``/``LC_MESSAGES`` on Linux, the user's language
            list on Windows and macOS).
    """
    system = locale if locale is not None else QLocale.system()
    for name in [*system.uiLanguages(), system.name()]:
        found = normalize(name)
        if found is not None and has_catalogue(found):
            return found
    return SOURCE_LANGUAGE


def choose_language(
    lang: str | None, config_lang: str = "", locale: QLocale | None = None
) -> str:
    """The language to use: ``--lang``, else the configuration, else the OS.

    An unknown value (``--lang pt``) is logged and skipped, never fatal.
    """
    for origin, value in (("--lang", lang), ("ui.language", config_lang)):
        if not value:
            continue
        found = normalize(value)
        if found is not None:
            return found
        log.warning("%s %r is not a language the helper has; ignored", origin, value)
    return system_language(locale)


class PseudoTranslator(QTranslator):
    """Returns every source text bracketed and padded by 40 %.

    Placeholders and accelerators stay as they are, so the window still works.
    """

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        del context, disambiguation, n
        if not source_text:
            return ""
        # The padding comes in words of at most 8 characters, as a longer
        # translation would: one unbreakable run of 100 tildes is no language.
        pad = max(1, len(source_text) * 4 // 10)
        chunks = ["~" * min(PSEUDO_WORD, pad - i) for i in range(0, pad, PSEUDO_WORD)]
        return "[" + source_text + " ".join(chunks) + "]"

    def isEmpty(self) -> bool:
        return False


def install_last(app: QCoreApplication, translator: QTranslator) -> None:
    """Install one more translator, asked before the others, and removed
    with them by the next :func:`install_translators` (IT's own words)."""
    app.installTranslator(translator)
    _installed.append(translator)


def current_language() -> str:
    """The language installed by the last :func:`install_translators` (``en``)."""
    return _language


def _load(translator: QTranslator, name: str, lang: str, folder: str) -> bool:
    # QTranslator.load(QLocale, name, prefix, dir) tries helper_fr_FR, helper_fr...
    return translator.load(QLocale(lang), name, "_", folder)


_LEFT_TO_RIGHT = frozenset(LANGUAGES)


def install_translators(
    app: QCoreApplication,
    lang: str | None,
    config_lang: str = "",
    *,
    locale: QLocale | None = None,
) -> str:
    """Install Qt's and our catalogues for the language chosen; return it.

    Calling it again switches language (the previous translators are removed);
    widgets built before keep their texts.

    Args:
        app: the application.
        lang: ``--lang`` from the command line, or None.
        config_lang: ``config.ui.language`` ("" follows the system).
        locale: the OS locale (tests); None for :meth:`QLocale.system`.

    Returns:
        the language code (``en``, ``fr``, ``de``...). A missing catalogue is
        logged and the strings stay English (the window must open anyway).
    """
    global _language  # noqa: PLW0603 - the language is process-wide, like Qt's
    chosen = choose_language(lang, config_lang, locale)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qlocale = QLocale(chosen)
    QLocale.setDefault(qlocale)
    if isinstance(app, QGuiApplication) and chosen not in _LEFT_TO_RIGHT:
        # Reading textDirection() makes PySide build every enum of the Qt
        # namespace (11 ms before the first paint); our languages are all
        # left-to-right, Qt's default, so only others pay for it.
        app.setLayoutDirection(qlocale.textDirection())
    _language = chosen
    catalogues = [(CATALOGUE, translations_dir())]
    if chosen != SOURCE_LANGUAGE:
        # Qt's strings are English already; in English, ours only add the
        # plural forms ("%n file(s)" → "1 file", "2 files").
        from PySide6.QtCore import QLibraryInfo

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.insert(0, (QT_CATALOGUE, qt_dir))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if _load(translator, name, chosen, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            # Frozen bundles may lack Qt's catalogues; a checkout that skipped
            # `make` lacks ours (installers/build_translations.py builds it).
            log.warning("no %s catalogue for %s in %s", name, chosen, folder)
    if os.environ.get(PSEUDO_ENV) == "1":
        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)  # installed last: asked first
        _installed.append(pseudo)
    return chosen
