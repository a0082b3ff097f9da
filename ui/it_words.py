# SPDX-License-Identifier: MIT
"""IT's own words in the window: a translator asked before our catalogues.

IT's ``[words.<lang>]`` window keys (:mod:`helper.config.words`) name a string
by its Qt Linguist context and English text; :class:`OverrideTranslator`
answers those and lets every other string fall through to the catalogues
(returning None is what makes Qt ask the next translator). Installed after the
catalogues, so it is asked first, and removed with them when the language
changes (:func:`ui.i18n.install_translators`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.config.words import WindowString

log = logging.getLogger(__name__)


class OverrideTranslator(QTranslator):
    """Answers the strings IT overrode; None for the others.

    Args:
        overrides: (context, English text, disambiguation) → IT's text.
        parent: the QObject parent.
    """

    def __init__(
        self, overrides: dict[WindowString, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._overrides = {
            (s.context, s.source, s.comment): t for s, t in overrides.items()
        }

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        del n  # Qt fills %n in whatever text comes back
        return self._overrides.get((context, source_text, disambiguation or ""))

    def isEmpty(self) -> bool:
        return not self._overrides


def install(
    app: QCoreApplication, config: Config, lang: str
) -> OverrideTranslator | None:
    """Install IT's words for ``lang`` (None when IT set none for it)."""
    if not config.words:
        return None
    from helper.config.words import window_overrides
    from ui import i18n

    try:
        overrides = window_overrides(config.words, lang, config.catalogue.extra_dir)
    except OSError as exc:
        # The configuration was checked at load; a bundle missing its key
        # table must still open, in the built-in words.
        log.warning("IT's words not applied: %s", exc)
        return None
    if not overrides:
        return None
    translator = OverrideTranslator(overrides, app)
    i18n.install_last(app, translator)
    return translator
