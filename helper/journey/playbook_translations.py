# SPDX-License-Identifier: MIT
"""Playbook texts in the languages other than English and French.

English and French are inline in every playbook (``text.en`` / ``text.fr``).
Each other language (``helper.languages.TRANSLATED``) has one file per playbook
file, ``<root>/<lang>/<vendor>/<name>.toml`` (schema ``playbook-translation/1``)::

    schema = "playbook-translation/1"
    [steps.ws1-uninstall-hub]
    en = "Uninstall Workspace ONE Intelligent Hub: ..."   # the English it translates
    text = "Deinstallieren Sie Workspace ONE Intelligent Hub: ..."
    [[steps.ws1-uninstall-hub.hints]]       # one per English hint, in order
    en = "..."
    text = "..."

The roots: ``resources/translations/playbooks/`` (built in), then IT's
``<catalogue extra_dir>/translations/playbooks/`` (same layout; a file there
replaces the built-in one).

``en`` repeats the English source: when the playbook's English changes, the
entry is **stale** (like a Qt Linguist "unfinished" message) and the step is
shown in English until a translator updates it. A missing, empty or stale entry,
or one whose ``{placeholders}`` differ from the English, falls back to English
and is logged; a file that cannot be read is logged and skipped. The window
never fails for a translation. :func:`translation_problems` lists every such
problem for translators (``installers/build_translations.py --check``) and
tests/helper/test_playbook_translations.py fails on them.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import msgspec

from helper.errors import HelperError
from helper.journey.allowlist import placeholders_in
from helper.journey.plan import Text
from helper.languages import TRANSLATED

if TYPE_CHECKING:
    from helper.journey.playbooks import Playbook, PlaybookSet, PlaybookStep

log = logging.getLogger(__name__)

SCHEMA: Final = "playbook-translation/1"
FOLDER: Final = ("translations", "playbooks")  # under resources/ and extra_dir


class TranslationError(HelperError):
    """A translation file that cannot be used; the message names the file and key."""


class HintTranslation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One hint: the English it translates and its translation ("" = to do)."""

    en: str
    text: str = ""


class StepTranslation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One step: the English it translates, its translation, its hints in order."""

    en: str
    text: str = ""
    hints: list[HintTranslation] = []


class PlaybookTranslation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One translation file: step id → translation."""

    schema: Literal["playbook-translation/1"]
    steps: dict[str, StepTranslation] = {}


@dataclass(frozen=True)
class Problem:
    """Something a translator must fix.

    Attributes:
        kind: ``missing-file``, ``invalid`` (unreadable file), ``untranslated``
            (no entry or empty text), ``stale`` (the English changed, or the
            step or hint is gone) or ``placeholders``.
        path: the translation file.
        key: ``steps.<id>`` or ``steps.<id>.hints[<n>]`` ("" for the file).
        detail: one line.
    """

    kind: str
    path: Path
    key: str = ""
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: {self.key}" if self.key else str(self.path)
        return f"{where}: {self.kind}" + (f": {self.detail}" if self.detail else "")


def roots(extra_dir: Path | None = None) -> list[Path]:
    """Where translation files live: built in, then IT's (which win)."""
    from helper.resources import resource_path

    found = [resource_path(*FOLDER)]
    if extra_dir is not None:
        found.append(extra_dir.joinpath(*FOLDER))
    return found


def translation_path(root: Path, lang: str, vendor: str, name: str) -> Path:
    """``<root>/<lang>/<vendor>/<name>.toml``."""
    return root / lang / vendor / f"{name}.toml"


def decode_translation(path: Path) -> PlaybookTranslation:
    """Read and type-check one translation file.

    Raises:
        TranslationError: unreadable, not TOML, or not shaped like a
            translation (the message names the file and the key).
    """
    from helper.tomlfile import load_toml_as

    code = "translation-invalid"
    raw = load_toml_as(path, dict, TranslationError, code)
    steps = raw.get("steps")
    if isinstance(steps, dict):
        # msgspec names a table's keys `$.steps[...]`: check each step on its
        # own so that the message names the step.
        for step_id, entry in steps.items():
            try:
                msgspec.convert(entry, StepTranslation)
            except msgspec.ValidationError as exc:
                where = f"steps.{step_id}"
                message = str(exc).replace("`$", f"`{where}")
                if "`" + where not in message:
                    message += f" - at `{where}`"
                raise TranslationError(code, f"{path}: {message}") from None
    try:
        return msgspec.convert(raw, PlaybookTranslation)
    except msgspec.ValidationError as exc:
        raise TranslationError(code, f"{path}: {exc}") from None


def _check(en: str, entry_en: str, text: str, path: Path, key: str) -> Problem | None:
    """Why ``text`` cannot stand for ``en`` (None when it can)."""
    if entry_en != en:
        return Problem("stale", path, key, f"the English is now {en!r}")
    if not text.strip():
        return Problem("untranslated", path, key)
    if sorted(placeholders_in(text)) != sorted(placeholders_in(en)):
        return Problem(
            "placeholders",
            path,
            key,
            f"expected {sorted(placeholders_in(en))}, "
            f"got {sorted(placeholders_in(text))}",
        )
    return None


def _with(text: Text, lang: str, translated: str) -> Text:
    return msgspec.structs.replace(
        text, translations={**text.translations, lang: translated}
    )


def translate_step(
    step: PlaybookStep,
    entry: StepTranslation | None,
    lang: str,
    path: Path,
) -> tuple[PlaybookStep, list[Problem]]:
    """``step`` with the usable texts of ``entry`` added; the rest, as problems."""
    key = f"steps.{step.id}"
    if entry is None:
        return step, [Problem("untranslated", path, key, "no entry")]
    problems: list[Problem] = []
    text = step.text
    problem = _check(step.text.en, entry.en, entry.text, path, key)
    if problem is None:
        text = _with(text, lang, entry.text)
    else:
        problems.append(problem)
    hints: list[Text] = []
    for index, hint in enumerate(step.hints):
        hint_key = f"{key}.hints[{index}]"
        if index >= len(entry.hints):
            problems.append(Problem("untranslated", path, hint_key, "no entry"))
            hints.append(hint)
            continue
        found = entry.hints[index]
        problem = _check(hint.en, found.en, found.text, path, hint_key)
        hints.append(hint if problem is not None else _with(hint, lang, found.text))
        if problem is not None:
            problems.append(problem)
    for index in range(len(step.hints), len(entry.hints)):
        problems.append(
            Problem("stale", path, f"{key}.hints[{index}]", "the step has no such hint")
        )
    return msgspec.structs.replace(step, text=text, hints=hints), problems


def translate_playbook(
    playbook: Playbook, translation: PlaybookTranslation, lang: str, path: Path
) -> tuple[Playbook, list[Problem]]:
    """``playbook`` with the texts of ``translation`` added in ``lang``."""
    steps: list[PlaybookStep] = []
    problems: list[Problem] = []
    for step in playbook.steps:
        translated, found = translate_step(
            step, translation.steps.get(step.id), lang, path
        )
        steps.append(translated)
        problems.extend(found)
    known = {step.id for step in playbook.steps}
    problems.extend(
        Problem("stale", path, f"steps.{step_id}", "the playbook has no such step")
        for step_id in translation.steps
        if step_id not in known
    )
    return msgspec.structs.replace(playbook, steps=steps), problems


def _find(search: Iterable[Path], lang: str, vendor: str, name: str) -> Path | None:
    found: Path | None = None
    for root in search:
        candidate = translation_path(root, lang, vendor, name)
        if candidate.is_file():
            found = candidate  # a later root (IT's) wins
    return found


def add_translations(
    playbooks: Mapping[tuple[str, str], Playbook],
    languages: Collection[str],
    extra_dir: Path | None = None,
) -> tuple[dict[tuple[str, str], Playbook], list[Problem]]:
    """Every playbook with its texts in ``languages`` added where translated.

    Languages other than :data:`helper.languages.TRANSLATED` (``en``, ``fr``,
    unknown codes) are skipped. Nothing raises: an unusable file or entry
    falls back to English and is returned as a problem.
    """
    search = roots(extra_dir)
    result = dict(playbooks)
    problems: list[Problem] = []
    for lang in (code for code in TRANSLATED if code in languages):
        for vendor, name in playbooks:
            path = _find(search, lang, vendor, name)
            if path is None:
                where = translation_path(search[0], lang, vendor, name)
                problems.append(Problem("missing-file", where))
                continue
            try:
                translation = decode_translation(path)
            except TranslationError as exc:
                problems.append(
                    Problem("invalid", path, "", exc.message.removeprefix(f"{path}: "))
                )
                continue
            translated, found = translate_playbook(
                result[(vendor, name)], translation, lang, path
            )
            result[(vendor, name)] = translated
            problems.extend(found)
    return result, problems


def log_problems(problems: Iterable[Problem]) -> None:
    """Log what falls back to English: one line per file, at most."""
    by_file: dict[Path, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    for path, found in by_file.items():
        serious = [p for p in found if p.kind not in ("untranslated", "missing-file")]
        level = logging.WARNING if serious else logging.DEBUG
        first = (serious or found)[0]
        log.log(
            level,
            "%s: %d text(s) shown in English (first: %s)",
            path,
            len(found),
            first,
        )


def translation_problems(
    playbooks: PlaybookSet, lang: str, extra_dir: Path | None = None
) -> list[Problem]:
    """Everything a translator must still do for ``lang`` (empty: complete)."""
    found = dict(zip(playbooks.keys(), playbooks, strict=True))
    return add_translations(found, (lang,), extra_dir)[1]
