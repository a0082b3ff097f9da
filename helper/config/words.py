# SPDX-License-Identifier: MIT
"""IT's own words: per-language overrides of the window's and the playbooks'
strings, from the configuration (``[words.<lang>]``; docs/configuration.md).

Keys IT can discover (``intune-migration-helper words --list`` prints them with
their English text):

- a window string: ``<Context>.<slug>``, the Qt Linguist context of the string
  and the first words of its English text, lower-cased, joined by ``-``
  (``CheckPage.remind-me-later``); two strings of a context with the same slug
  get ``-2``, ``-3``... in the order of their English text;
- a playbook step: ``<vendor>/<platform>/<step id>`` (``_common/<name>/<step
  id>`` for the shared files), and ``…/<step id>/hint-<n>`` for its n-th hint
  (from 1).

An override must keep the original's placeholders (``%1``, ``%n`` in window
strings; ``{vendor_name}``, ``{support_code}``… in playbooks), the same ones
the same number of times: the helper fills them in.

The language is just a key: ``en``, or any language the window has a
catalogue for (``resources/translations/helper_<lang>.ts``, or the
``window-words.json`` built with the ``.qm`` files in a bundle).

Plain Python, read only when a layer has a ``words`` table (tomllib for the
playbooks, ElementTree or json for the window's strings).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Final, NamedTuple

WINDOW_WORDS_FILE: Final = "window-words.json"
SOURCE_LANGUAGE: Final = "en"
_SLUG_WORDS: Final = 6
_LANGUAGE: Final = re.compile(r"[a-z]{2,3}")
_WINDOW_PLACEHOLDER: Final = re.compile(r"%(?:L?[1-9][0-9]?|n)")
_PLAYBOOK_PLACEHOLDER: Final = re.compile(r"\{([a-z_]+)\}")
MAX_TEXT: Final = 2000


class WindowString(NamedTuple):
    """One string of the window, as Qt Linguist knows it.

    Attributes:
        context, source, comment: what ``QCoreApplication.translate`` is asked.
    """

    context: str
    source: str
    comment: str = ""


class WordsError(ValueError):
    """A bad override: ``key`` (the override's key) and the expectation."""

    def __init__(self, key: str, expected: str) -> None:
        super().__init__(expected)
        self.key = key
        self.expected = expected


# --- the keys -------------------------------------------------------------------------


def slug(text: str, words: int = _SLUG_WORDS) -> str:
    """The first ``words`` words of an English text, for a key:
    ``"&Remind me later"`` → ``remind-me-later``."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    plain = _WINDOW_PLACEHOLDER.sub(" ", plain)
    parts = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(parts[:words]) or "text"


def window_keys(strings: Iterable[WindowString]) -> dict[str, WindowString]:
    """Key → string, for every string of the window (see the module docstring)."""
    by_slug: dict[tuple[str, str], list[WindowString]] = {}
    for string in sorted(set(strings), key=lambda s: (s.context, s.source, s.comment)):
        by_slug.setdefault((string.context, slug(string.source)), []).append(string)
    keys: dict[str, WindowString] = {}
    for (context, base), group in by_slug.items():
        for index, string in enumerate(group, start=1):
            suffix = "" if index == 1 else f"-{index}"
            keys[f"{context}.{base}{suffix}"] = string
    return dict(sorted(keys.items()))


def _translations_dir() -> str:
    from helper.resources import resource_path

    return str(resource_path("translations"))


def _ts_strings(path: str) -> list[WindowString]:
    import xml.etree.ElementTree as ET

    strings: list[WindowString] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            strings.append(
                WindowString(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                )
            )
    return strings


def _catalogue_files(folder: str) -> list[str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [
        os.path.join(folder, n)
        for n in names
        if n.startswith("helper_") and n.endswith(".ts")
    ]


def window_strings(folder: str | None = None) -> list[WindowString]:
    """Every string of the window: from the ``.ts`` catalogues in a checkout,
    else from ``window-words.json`` (a bundle ships no ``.ts``).

    Raises:
        OSError: neither is there (run installers/build_translations.py).
    """
    folder = folder or _translations_dir()
    catalogues = _catalogue_files(folder)
    if catalogues:
        found: set[WindowString] = set()
        for path in catalogues:
            found.update(_ts_strings(path))
        return sorted(found)
    import json

    with open(os.path.join(folder, WINDOW_WORDS_FILE), "rb") as handle:
        doc = json.load(handle)
    return [WindowString(*item) for item in doc["strings"]]


def write_window_strings(folder: str, out_dir: str | None = None) -> str:
    """Write ``window-words.json`` from the ``.ts`` catalogues of ``folder``
    (installers/build_translations.py, beside the ``.qm`` files)."""
    import json

    strings = sorted({s for p in _catalogue_files(folder) for s in _ts_strings(p)})
    path = os.path.join(out_dir or folder, WINDOW_WORDS_FILE)
    data = json.dumps({"strings": [list(s) for s in strings]}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(data + "\n")
    return path


def languages() -> list[str]:
    """The languages IT may override: every language the helper speaks
    (``helper/languages.py``, the one list)."""
    from helper.languages import LANGUAGES

    return sorted(LANGUAGES)


def _playbook_files(root: str) -> Iterator[tuple[str, str, str]]:
    """(vendor, platform, path) of every playbook file under ``root``."""
    try:
        vendors = sorted(os.listdir(root))
    except OSError:
        return
    for vendor in vendors:
        folder = os.path.join(root, vendor)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".toml"):
                yield vendor, name.removesuffix(".toml"), os.path.join(folder, name)


def playbook_texts(extra_dir: str = "") -> dict[str, str]:
    """Key → English text of every playbook step and hint (IT's extra
    folder's files replace the built-in ones of the same vendor and platform).

    Files that do not parse are skipped: the playbook loader reports them.
    """
    import tomllib

    from helper.resources import resource_path

    roots = [str(resource_path("playbooks"))]
    if extra_dir:
        roots.append(os.path.join(extra_dir, "playbooks"))
    files: dict[tuple[str, str], str] = {}
    for root in roots:
        for vendor, platform, path in _playbook_files(root):
            files[(vendor, platform)] = path
    texts: dict[str, str] = {}
    for (vendor, platform), path in sorted(files.items()):
        try:
            with open(path, "rb") as handle:
                doc = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError):
            continue
        for step in doc.get("steps", []):
            if not isinstance(step, dict) or not isinstance(step.get("id"), str):
                continue
            base = f"{vendor}/{platform}/{step['id']}"
            text = _english(step.get("text"))
            if text is not None:
                texts[base] = text
            for number, hint in enumerate(step.get("hints", []), start=1):
                hint_text = _english(hint)
                if hint_text is not None:
                    texts[f"{base}/hint-{number}"] = hint_text
    return texts


def _english(text: object) -> str | None:
    if isinstance(text, dict) and isinstance(text.get("en"), str):
        return str(text["en"])
    return None


def is_playbook_key(key: str) -> bool:
    return "/" in key


# --- checking -------------------------------------------------------------------------


def placeholders(key: str, text: str) -> Counter[str]:
    """The placeholders of a text, counted (window or playbook syntax)."""
    if is_playbook_key(key):
        return Counter(_PLAYBOOK_PLACEHOLDER.findall(text))
    return Counter(_WINDOW_PLACEHOLDER.findall(text))


def _shown(found: Counter[str], key: str) -> str:
    if not found:
        return "none"
    wrap = "{%s}" if is_playbook_key(key) else "%s"
    return ", ".join(wrap % name for name in sorted(found.elements()))


def check_shape(data: object, known_languages: Iterable[str]) -> None:
    """A layer's ``words`` table: languages → tables of key → text.

    Raises:
        WordsError: ``key`` is the path under ``words`` ("" for the table).
    """
    known = list(known_languages)
    if not isinstance(data, dict):
        raise WordsError("", "expected a table of languages ([words.fr])")
    for lang, table in data.items():
        if not isinstance(lang, str) or not _LANGUAGE.fullmatch(lang):
            raise WordsError(
                str(lang), f"expected a language code like {', '.join(known)}"
            )
        if lang not in known:
            raise WordsError(
                lang,
                f"expected a language the helper has: {', '.join(known)}",
            )
        if not isinstance(table, dict):
            raise WordsError(lang, "expected a table of key = text")
        for key, text in table.items():
            if not isinstance(text, str):
                raise WordsError(f"{lang}.{key}", "expected a string")
            if not text.strip():
                raise WordsError(f"{lang}.{key}", "expected a non-empty text")
            if len(text) > MAX_TEXT:
                raise WordsError(
                    f"{lang}.{key}", f"expected at most {MAX_TEXT} characters"
                )


def check_keys(
    table: Mapping[str, str],
    originals: Mapping[str, str],
) -> None:
    """Every key known, every text with the original's placeholders.

    Args:
        table: key → IT's text (one language).
        originals: key → the original (:func:`checkable`, or the English
            texts of :func:`originals`).

    Raises:
        WordsError: ``key`` is the override's key.
    """
    for key, text in table.items():
        original = originals.get(key)
        if original is None:
            raise WordsError(key, unknown_key(key, originals))
        wanted, got = placeholders(key, original), placeholders(key, text)
        if wanted != got:
            raise WordsError(
                key,
                f"expected the placeholders of the original ({_shown(wanted, key)}), "
                f"got {_shown(got, key)}",
            )


def unknown_key(key: str, originals: Iterable[str]) -> str:
    """The expectation for an unknown key, with the closest one (difflib)."""
    import difflib

    same_kind = [k for k in originals if is_playbook_key(k) == is_playbook_key(key)]
    close = difflib.get_close_matches(key, same_kind, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return (
        f"unknown key{hint}; `intune-migration-helper words --list` prints "
        "every key with its English text"
    )


_CACHE_NAME: Final = "it-words-v2.json"


def _sources(extra_dir: str) -> list[str]:
    """Every file the keys are read from: window catalogues, playbooks."""
    from helper.resources import resource_path

    folder = _translations_dir()
    files = _catalogue_files(folder) or [os.path.join(folder, WINDOW_WORDS_FILE)]
    roots = [str(resource_path("playbooks"))]
    if extra_dir:
        roots.append(os.path.join(extra_dir, "playbooks"))
    for root in roots:
        files.extend(path for _, _, path in _playbook_files(root))
    return files


def _stamp(files: list[str]) -> list[list[object]]:
    stamp: list[list[object]] = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            stamp.append([path, 0, -1])
        else:
            stamp.append([path, info.st_mtime_ns, info.st_size])
    return stamp


class Tables(NamedTuple):
    """The keys IT may override.

    Attributes:
        window: window key → its string (context, English text, comment).
        playbooks: playbook key → its placeholders only (``{a} {b}``): all
            a check needs, a fifth of the texts' size to read back.
    """

    window: dict[str, WindowString]
    playbooks: dict[str, str]


_memo: dict[str, tuple[list[list[object]], Tables]] = {}


def _skeleton(text: str) -> str:
    return " ".join(f"{{{name}}}" for name in _PLAYBOOK_PLACEHOLDER.findall(text))


def tables(extra_dir: str = "", *, use_cache: bool = True) -> Tables:
    """Every overridable key (see :class:`Tables`).

    Reading the 96 playbook files costs about 170 ms and the window's
    catalogues about 25 ms, so both tables are cached in the user cache folder
    and reused while no source file changes (path, mtime and size of each), as
    the vendor catalogue is, and kept for the process: the configuration
    checks them, then the window applies IT's words before its first paint.
    """
    import json

    stamp = _stamp(_sources(extra_dir))
    remembered = _memo.get(extra_dir)
    if use_cache and remembered is not None and remembered[0] == stamp:
        return remembered[1]
    cache = ""
    found: Tables | None = None
    if use_cache:
        from helper.paths import cache_dir

        try:
            cache = str(cache_dir() / _CACHE_NAME)
            with open(cache, "rb") as handle:
                doc = json.load(handle)
            if doc["key"] == stamp:
                found = Tables(
                    {k: WindowString(*v) for k, v in doc["window"].items()},
                    dict(doc["playbooks"]),
                )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no cache yet, or a stale/corrupt one: rebuild it
    if found is None:
        texts = playbook_texts(extra_dir)
        found = Tables(
            window_keys(window_strings()),
            {k: _skeleton(v) for k, v in texts.items()},
        )
        if cache:
            doc = {"key": stamp, "window": found.window, "playbooks": found.playbooks}
            _write_cache(cache, json.dumps(doc, ensure_ascii=False))
    _memo[extra_dir] = (stamp, found)
    return found


def checkable(extra_dir: str = "") -> dict[str, str]:
    """Every key → what :func:`check_keys` compares against: the English text
    of a window string, the placeholders of a playbook text."""
    found = tables(extra_dir)
    keys = {k: s.source for k, s in found.window.items()}
    keys.update(found.playbooks)
    return keys


def originals(extra_dir: str = "") -> dict[str, str]:
    """Every overridable key → its English text, window strings first (reads
    every playbook file: for ``words --list``)."""
    keys = {k: s.source for k, s in tables(extra_dir).window.items()}
    keys.update(playbook_texts(extra_dir))
    return keys


def _write_cache(path: str, text: str) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        from helper.private import write_private

        write_private(Path(tmp), text.encode())
        os.replace(tmp, path)
    except OSError:
        # A read-only cache folder only costs speed.
        with contextlib.suppress(OSError):
            os.unlink(tmp)


# --- in the model ---------------------------------------------------------------------

Words = tuple[tuple[str, str, str], ...]


def as_tuples(data: Mapping[str, Mapping[str, str]]) -> Words:
    """Checked ``words`` data → the model's sorted (lang, key, text) tuples."""
    return tuple(
        sorted(
            (lang, key, text)
            for lang, table in data.items()
            for key, text in table.items()
        )
    )


def words_for(words: Words, lang: str) -> dict[str, str]:
    """IT's words for one language: key → text."""
    return {key: text for language, key, text in words if language == lang}


def window_overrides(
    words: Words, lang: str, extra_dir: str = ""
) -> dict[WindowString, str]:
    """What the window's translator replaces, for one language."""
    table = {k: v for k, v in words_for(words, lang).items() if not is_playbook_key(k)}
    if not table:
        return {}
    keys = tables(extra_dir).window
    return {keys[k]: text for k, text in table.items() if k in keys}


def playbook_overrides(words: Words) -> dict[str, dict[str, str]]:
    """Playbook key → {lang: text}."""
    out: dict[str, dict[str, str]] = {}
    for lang, key, text in words:
        if is_playbook_key(key):
            out.setdefault(key, {})[lang] = text
    return out


def listing(extra_dir: str = "") -> list[tuple[str, str]]:
    """(key, English text) of everything IT can override, for ``words --list``."""
    return sorted(originals(extra_dir).items())
