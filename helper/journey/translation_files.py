# SPDX-License-Identifier: MIT
"""Writing playbook translation files, for translators (not used by the window).

``installers/build_translations.py --todo/--fill --playbooks`` calls these:

- :func:`todo`: every English text of the playbooks that ``lang`` does not
  translate yet (untranslated or stale), once each, as JSON-ready entries
  ``{"en": ..., "text": ""}``;
- :func:`write_translations`: writes one file per playbook
  (``<root>/<lang>/<vendor>/<name>.toml``, format in
  :mod:`helper.journey.playbook_translations`), every step and hint listed: the
  translation given for its English text, else the one the file already has,
  else the one another file has for the same English, else an empty ``text``
  (the skeleton a translator fills). Entries for steps that are gone are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from helper.journey.playbook_translations import (
    SCHEMA,
    PlaybookTranslation,
    TranslationError,
    decode_translation,
    translation_path,
)
from helper.journey.playbooks import Playbook, PlaybookSet

HEADER = (
    "# {lang} translation of resources/playbooks/{vendor}/{name}.toml\n"
    "# `en` is the English translated: when the playbook's English changes, the\n"
    "# entry is stale and the step shows in English. Format: docs/translations.md.\n"
)


def _existing(path: Path) -> PlaybookTranslation | None:
    try:
        return decode_translation(path) if path.is_file() else None
    except TranslationError:
        return None  # rewritten from the playbook; the check reported it


def _pairs(
    playbook: Playbook, translation: PlaybookTranslation | None
) -> Iterable[tuple[str, str]]:
    """(English, its translation in the file or "") for every text of the playbook."""
    for step in playbook.steps:
        entry = translation.steps.get(step.id) if translation else None
        usable = entry is not None and entry.en == step.text.en
        yield step.text.en, entry.text if entry is not None and usable else ""
        for index, hint in enumerate(step.hints):
            found = entry.hints[index] if entry and index < len(entry.hints) else None
            ok = found is not None and found.en == hint.en
            yield hint.en, found.text if found is not None and ok else ""


def memory(playbooks: PlaybookSet, root: Path, lang: str) -> dict[str, str]:
    """English → translation, from every file of ``lang`` under ``root``."""
    known: dict[str, str] = {}
    for (vendor, name), playbook in zip(playbooks.keys(), playbooks, strict=True):
        found = _existing(translation_path(root, lang, vendor, name))
        for en, text in _pairs(playbook, found):
            if text.strip():
                known.setdefault(en, text)
    return known


def todo(playbooks: PlaybookSet, root: Path, lang: str) -> list[dict[str, str]]:
    """Every English text still to translate in ``lang``, once, in playbook order."""
    known = memory(playbooks, root, lang)
    entries: dict[str, dict[str, str]] = {}
    for playbook in playbooks:
        for step in playbook.steps:
            for en in [step.text.en, *(hint.en for hint in step.hints)]:
                if en not in known and en not in entries:
                    entries[en] = {"en": en, "text": ""}
    return list(entries.values())


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _string(value: str) -> str:
    """A TOML basic string: readable, control characters (and DEL) escaped."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _entry(en: str, text: str) -> str:
    return f"en = {_string(en)}\ntext = {_string(text)}\n"


def render(
    playbook: Playbook,
    *,
    lang: str,
    vendor: str,
    name: str,
    existing: PlaybookTranslation | None,
    given: Mapping[str, str],
) -> str:
    """The text of one translation file (see the module docstring)."""

    def pick(en: str, old_en: str | None, old_text: str) -> tuple[str, str]:
        if given.get(en, "").strip():
            return en, given[en]
        if old_en is not None and (old_en != en or old_text.strip()):
            return old_en, old_text  # kept, stale or not: the check lists it
        return en, ""

    lines = [HEADER.format(lang=lang, vendor=vendor, name=name)]
    lines.append(f"\nschema = {_string(SCHEMA)}\n")
    for step in playbook.steps:
        entry = existing.steps.get(step.id) if existing else None
        en, text = pick(
            step.text.en, entry.en if entry else None, entry.text if entry else ""
        )
        lines.append(f"\n[steps.{step.id}]\n{_entry(en, text)}")
        for index, hint in enumerate(step.hints):
            old = entry.hints[index] if entry and index < len(entry.hints) else None
            en, text = pick(hint.en, old.en if old else None, old.text if old else "")
            lines.append(f"\n[[steps.{step.id}.hints]]\n{_entry(en, text)}")
    return "".join(lines)


def write_translations(
    playbooks: PlaybookSet, root: Path, lang: str, given: Mapping[str, str]
) -> list[Path]:
    """Write every translation file of ``lang``; returns the files changed.

    Args:
        playbooks: the playbooks to translate (the built-in ones).
        root: ``resources/translations/playbooks`` (or IT's folder).
        lang: the language code.
        given: English → translation (from a filled ``--todo`` file); the
            translations the files already hold fill in the rest.
    """
    known = {**memory(playbooks, root, lang), **{k: v for k, v in given.items() if v}}
    changed: list[Path] = []
    for (vendor, name), playbook in zip(playbooks.keys(), playbooks, strict=True):
        path = translation_path(root, lang, vendor, name)
        text = render(
            playbook,
            lang=lang,
            vendor=vendor,
            name=name,
            existing=_existing(path),
            given=known,
        )
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
