# SPDX-License-Identifier: MIT
"""The languages the helper speaks: the window (Qt catalogues) and the playbooks.

English is the source language. English and French are written in the code and
inline in every playbook (``text.en`` / ``text.fr``); the other languages come
from translation files (docs/translations.md):

- the window: ``resources/translations/helper_<lang>.ts``;
- the playbooks: ``resources/translations/playbooks/<lang>/<vendor>/<name>.toml``.
"""

from __future__ import annotations

from typing import Final

SOURCE: Final = "en"
# Written inline in every playbook (both required).
INLINE: Final = ("en", "fr")
# Translated in files of their own; a missing text falls back to English.
TRANSLATED: Final = ("de", "es", "it", "nl")
LANGUAGES: Final = INLINE + TRANSLATED
# The languages complete in this build, window and playbooks: the self-test
# requires their catalogues, the completeness tests require every text. A
# language joins when its translations land (docs/translations.md).
SHIPPED: Final = ("en", "fr", "de", "es", "it", "nl")
