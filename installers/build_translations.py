# SPDX-License-Identifier: MIT
"""Build, refresh and check the window's translations (Qt Linguist).

The English strings live in the code under ``ui/`` (``self.tr()`` and
``QCoreApplication.translate()``); each other language has a catalogue,
``resources/translations/helper_<lang>.ts``, which is committed, and English
has one for its plural forms only (``helper_en.ts``: "%n file(s)" → "1 file",
"2 files"; ``lupdate -pluralonly``). The compiled ``.qm`` files are build
artefacts (``.gitignore`` ignores them).

Usage (from the repository root; docs/translations.md has the whole procedure)::

    python installers/build_translations.py              # .ts → .qm (lrelease)
    python installers/build_translations.py --update     # lupdate over ui/, then .qm
    python installers/build_translations.py --check      # what is not translated
    python installers/build_translations.py --todo t.json   # to translate, as JSON
    python installers/build_translations.py --fill t.json   # write them back, build
    python installers/build_translations.py --todo t.json --lang de --playbooks
    python installers/build_translations.py --fill t.json --lang de --playbooks
    python installers/build_translations.py --new de        # start a language

The playbook texts of the languages other than English and French are in
``resources/translations/playbooks/<lang>/`` (helper/journey/playbook_translations.py);
``--check`` covers them too, ``--playbooks`` makes ``--todo``/``--fill`` work on
them (``--fill`` also writes the skeleton files: English filled, text empty).

``--update`` adds the strings new in the code (marked unfinished, to translate),
drops the ones the code no longer has, keeps every existing translation, then
builds the .qm files. ``--check`` exits 1 when a message is unfinished,
missing or obsolete, or when a translation's placeholders, accelerator or
French typography do not match; tests/ui/test_translations_complete.py runs the
same check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # helper.* (the playbooks), run as a script
SOURCES = REPO / "ui"
TRANSLATIONS = REPO / "resources" / "translations"
SOURCE_LANGUAGE = "en"

# The TS `language` of each catalogue (lupdate's -target-language); its plural
# rules give the number of numerus forms. Not listed: the code itself (fr, en).
TS_LANGUAGE = {"de": "de_DE", "es": "es_ES", "it": "it_IT", "nl": "nl_NL"}

# The options every lupdate run uses. No locations: the catalogue then changes
# only when a string changes, not whenever code moves a line (fewer conflicts).
LUPDATE_OPTIONS = ("-source-language", SOURCE_LANGUAGE, "-locations", "none")

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


# --- tools ----------------------------------------------------------------------


def tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``): the venv's, else PATH's.

    Raises:
        FileNotFoundError: the tool is not installed (pyside6-essentials is).
    """
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(
            f"{name} not found next to {sys.executable} nor on PATH "
            "(it comes with pyside6-essentials)"
        )
    return found


def _run(command: Sequence[str], *, verbose: bool) -> None:
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False
    )
    if verbose and result.stdout:
        sys.stdout.write(result.stdout)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise RuntimeError(f"{Path(command[0]).name} failed ({result.returncode})")


def source_files(root: Path = SOURCES) -> list[Path]:
    """Every Python file of the UI, sorted (lupdate's input)."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def catalogues(folder: Path = TRANSLATIONS) -> list[Path]:
    """Every committed catalogue (``helper_<lang>.ts``), sorted."""
    return sorted(folder.glob("helper_*.ts"))


def language_of(ts: Path) -> str:
    """``helper_fr.ts`` → ``fr``."""
    return ts.stem.split("_", 1)[1]


def lupdate(
    ts: Path,
    *,
    sources: Iterable[Path] | None = None,
    drop_obsolete: bool = True,
    verbose: bool = False,
) -> None:
    """Refresh ``ts`` from the code: new strings added (unfinished), existing
    translations kept, strings gone from the code dropped (``drop_obsolete``)
    or marked vanished/obsolete."""
    files = [str(p) for p in (sources if sources is not None else source_files())]
    command = [
        tool("pyside6-lupdate"),
        *files,
        "-ts",
        str(ts),
        *LUPDATE_OPTIONS,
        "-target-language",
        TS_LANGUAGE.get(language_of(ts), language_of(ts)),
    ]
    if drop_obsolete:
        command.append("-no-obsolete")
    if language_of(ts) == SOURCE_LANGUAGE:
        # English needs only the plural forms ("1 file", "2 files"): the
        # source strings are its singular-agnostic "%n file(s)".
        command.append("-pluralonly")
    _run(command, verbose=verbose)


def lrelease(ts: Path, out_dir: Path | None = None, *, verbose: bool = False) -> Path:
    """Compile ``ts`` into ``<out_dir>/<name>.qm`` (default: next to it).

    Written under a temporary name then renamed, so that a test run reading the
    catalogue never sees half a file.
    """
    folder = out_dir if out_dir is not None else ts.parent
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{ts.stem}.qm"
    tmp = folder / f".{ts.stem}.{os.getpid()}.qm.tmp"
    try:
        _run([tool("pyside6-lrelease"), str(ts), "-qm", str(tmp)], verbose=verbose)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def build(out_dir: Path | None = None, *, verbose: bool = False) -> list[Path]:
    """Compile every catalogue; returns the .qm files written.

    Also writes ``window-words.json`` beside them: the window's strings, from
    which a bundle (it ships no .ts) checks IT's own words (helper/config/words.py).
    """
    from helper.config.words import write_window_strings

    built = [lrelease(ts, out_dir, verbose=verbose) for ts in catalogues()]
    write_window_strings(str(TRANSLATIONS), str(out_dir) if out_dir else None)
    return built


def needs_build(out_dir: Path | None = None) -> bool:
    """True when a .qm file is missing or older than its .ts."""
    for ts in catalogues():
        qm = (out_dir if out_dir is not None else ts.parent) / f"{ts.stem}.qm"
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            return True
    return not ((out_dir or TRANSLATIONS) / "window-words.json").is_file()


# --- reading catalogues ------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One message of a catalogue.

    Attributes:
        key: (context, source, disambiguation comment).
        kind: the translation's ``type``: "" (finished), ``unfinished``,
            ``vanished`` or ``obsolete``.
        forms: the translation (one form, or one per plural form with %n).
        numerus: a plural message (%n).
    """

    key: Key
    kind: str
    forms: tuple[str, ...]
    numerus: bool


def read_catalogue(ts: Path) -> dict[Key, Message]:
    """The messages of a .ts file by key."""
    root = ET.parse(ts).getroot()
    messages: dict[Key, Message] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ("",)
            elif numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            key = (name, source, comment)
            messages[key] = Message(key, kind, forms, numerus)
    return messages


# --- checking -----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something a translator must fix.

    Attributes:
        kind: ``unfinished``, ``missing``, ``obsolete``, ``no-context``,
            ``numerus`` (not one form per plural form of the language),
            ``placeholders``, ``accelerator`` or ``typography``.
        key: the message.
        detail: what is wrong, in one line.
    """

    kind: str
    key: Key
    detail: str = ""

    def __str__(self) -> str:
        context, source, comment = self.key
        where = f"{context}: {source!r}" + (f" ({comment})" if comment else "")
        return f"{self.kind}: {where}" + (f": {self.detail}" if self.detail else "")


_PLACEHOLDER = re.compile(r"%L?(?:\d{1,2}|n)")
# An accelerator: "&" then a character that is not "&", space or part of an
# HTML entity ("&amp;", "&nbsp;" in rich text); "&&" is a literal ampersand.
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_TAG = re.compile(r"<[^>]*>")
NBSP = "\u00a0"
NNBSP = "\u202f"


def placeholders(text: str) -> Counter[str]:
    """``%1``, ``%L2``, ``%n`` in ``text``, counted."""
    return Counter(_PLACEHOLDER.findall(text))


def accelerators(text: str) -> int:
    """How many ``&X`` keyboard accelerators ``text`` marks."""
    text = _ENTITY.sub("", text).replace("&&", "")
    return len(re.findall(r"&(?=[^\s&])", text))


def french_typography(text: str) -> list[str]:
    """What breaks French typography in ``text`` (empty when it is right).

    A (narrow) non-breaking space before ``; ! ?`` and ``:`` (except in
    ``https://``, ``10:30`` and file-dialog ``;;``), inside « guillemets »,
    and typographic apostrophes and quotes rather than ASCII ones. HTML tags
    are skipped.
    """
    plain = _ENTITY.sub(" ", _TAG.sub("", text))
    found: list[str] = []
    for index, char in enumerate(plain):
        before = plain[index - 1] if index else ""
        after = plain[index + 1] if index + 1 < len(plain) else ""
        if char == ";" and ";" in (before, after):
            continue  # ";;" separates file dialog filters: not prose
        if char in ";!?" and before not in (NBSP, NNBSP, "", "!", "?"):
            found.append(f"no non-breaking space before {char!r}")
        elif (
            char == ":" and before not in (NBSP, NNBSP, "") and after in ("", " ", "\n")
        ):
            found.append("no non-breaking space before ':'")
        elif char == "«" and after not in (NBSP, NNBSP):
            found.append("no non-breaking space after '«'")
        elif char == "»" and before not in (NBSP, NNBSP):
            found.append("no non-breaking space before '»'")
        elif char == "'":
            found.append("straight apostrophe (use ’)")
        elif char == '"':
            found.append("straight quotes (use « »)")
    return sorted(set(found))


def check_message(message: Message, lang: str) -> list[Problem]:
    """Placeholders, accelerator and typography of one finished message."""
    problems: list[Problem] = []
    source = message.key[1]
    for form in message.forms:
        if placeholders(form) != placeholders(source):
            problems.append(
                Problem(
                    "placeholders",
                    message.key,
                    f"source has {sorted(placeholders(source).elements())}, "
                    f"translation {form!r} has {sorted(placeholders(form).elements())}",
                )
            )
        want = min(accelerators(source), 1)
        if accelerators(form) != want:
            problems.append(
                Problem(
                    "accelerator",
                    message.key,
                    f"translation {form!r} must have {want} '&' accelerator",
                )
            )
        if lang == "fr":
            problems.extend(
                Problem("typography", message.key, f"{form!r}: {issue}")
                for issue in french_typography(form)
            )
    return problems


def check(ts: Path, *, sources: Iterable[Path] | None = None) -> list[Problem]:
    """Everything wrong with ``ts`` against the code, without changing it.

    lupdate runs over the code into a temporary copy of ``ts``: a message new
    in the copy is **missing** from the catalogue, one lupdate marks
    vanished/obsolete is no longer in the code; a message the catalogue marks
    unfinished (or leaves empty) is **unfinished**. Finished messages are then
    checked for placeholders, accelerator and (French) typography.
    """
    committed = read_catalogue(ts)
    lang = language_of(ts)
    with tempfile.TemporaryDirectory(prefix="helper-ts-") as tmp:
        copy = Path(tmp) / ts.name
        shutil.copyfile(ts, copy)
        lupdate(copy, sources=sources, drop_obsolete=False)
        fresh = read_catalogue(copy)
    problems: list[Problem] = []
    for key, message in fresh.items():
        mine = committed.get(key)
        if not key[0] and message.kind not in ("vanished", "obsolete"):
            # lupdate reads any call named tr(a, b) as tr(source, comment): an
            # alias `tr = QCoreApplication.translate` files the context as the
            # source, and the window never finds the translation.
            problems.append(
                Problem(
                    "no-context",
                    key,
                    "write QCoreApplication.translate(context, text) or "
                    "self.tr(text), not an alias named tr",
                )
            )
        elif mine is None:
            problems.append(Problem("missing", key, "not in the catalogue"))
        elif message.kind in ("vanished", "obsolete"):
            problems.append(Problem("obsolete", key, "no longer in the code"))
        elif mine.kind == "unfinished" or not all(mine.forms):
            problems.append(Problem("unfinished", key, "not translated yet"))
        elif len(mine.forms) != len(message.forms):
            problems.append(
                Problem(
                    "numerus",
                    key,
                    f"{len(mine.forms)} plural form(s), the language has "
                    f"{len(message.forms)}",
                )
            )
        else:
            problems.extend(check_message(mine, lang))
    for key in committed.keys() - fresh.keys():  # lupdate keeps them all; in case
        problems.append(Problem("obsolete", key, "no longer in the code"))
    return problems


# --- filling in translations without Linguist ----------------------------------------


def untranslated(ts: Path) -> list[dict[str, object]]:
    """The messages still to translate, as JSON-ready dicts (``--todo``).

    Each has ``context``, ``source``, ``comment`` and either ``translation``
    (a string) or, for %n messages, ``forms`` (French: singular, plural).
    """
    entries: list[dict[str, object]] = []
    for message in read_catalogue(ts).values():
        if message.kind in ("vanished", "obsolete"):
            continue
        if message.kind != "unfinished" and all(message.forms):
            continue
        context, source, comment = message.key
        entry: dict[str, object] = {
            "context": context,
            "source": source,
            "comment": comment,
        }
        if message.numerus:
            entry["forms"] = list(message.forms)
        else:
            entry["translation"] = message.forms[0]
        entries.append(entry)
    return entries


def fill(ts: Path, entries: Iterable[dict[str, object]]) -> list[str]:
    """Write translations into ``ts`` (``--fill``); returns what matched nothing.

    An entry with an empty translation is skipped (left unfinished).
    """
    tree = ET.parse(ts)
    index: dict[Key, ET.Element] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (
                name,
                message.findtext("source") or "",
                message.findtext("comment") or "",
            )
            index[key] = message
    unmatched: list[str] = []
    for entry in entries:
        key = (
            str(entry.get("context", "")),
            str(entry.get("source", "")),
            str(entry.get("comment", "") or ""),
        )
        target = index.get(key)
        if target is None:
            unmatched.append(f"{key[0]}: {key[1]!r}")
            continue
        found = target.find("translation")
        translation = (
            found if found is not None else ET.SubElement(target, "translation")
        )
        forms = entry.get("forms")
        if isinstance(forms, list):
            if not all(isinstance(f, str) and f for f in forms):
                continue
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = str(form)
        else:
            text = entry.get("translation")
            if not isinstance(text, str) or not text:
                continue
            translation.text = text
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return unmatched


# --- command line -------------------------------------------------------------------


# --- the playbooks' translations ------------------------------------------------------

PLAYBOOK_TRANSLATIONS = TRANSLATIONS / "playbooks"


def playbook_languages(folder: Path = PLAYBOOK_TRANSLATIONS) -> list[str]:
    """The languages that have playbook translation files, sorted."""
    return (
        sorted(p.name for p in folder.iterdir() if p.is_dir())
        if folder.is_dir()
        else []
    )


def playbook_problems(lang: str) -> list[str]:
    """What is left to translate in ``lang``'s playbook files (empty: complete)."""
    from helper.journey.playbook_translations import translation_problems
    from helper.journey.playbooks import load_playbooks

    return [
        str(p).replace(f"{REPO}{os.sep}", "")
        for p in translation_problems(load_playbooks(), lang)
    ]


def playbook_todo(lang: str) -> list[dict[str, str]]:
    """The English playbook texts ``lang`` lacks, once each (``--todo --playbooks``)."""
    from helper.journey.playbooks import load_playbooks
    from helper.journey.translation_files import todo

    return todo(load_playbooks(), PLAYBOOK_TRANSLATIONS, lang)


def playbook_fill(lang: str, entries: Iterable[dict[str, object]]) -> list[Path]:
    """Write ``lang``'s playbook files with ``entries`` (``--fill --playbooks``)."""
    from helper.journey.playbooks import load_playbooks
    from helper.journey.translation_files import write_translations

    given = {
        str(e["en"]): str(e.get("text") or "")
        for e in entries
        if isinstance(e.get("en"), str)
    }
    return write_translations(load_playbooks(), PLAYBOOK_TRANSLATIONS, lang, given)


def new_language(lang: str) -> None:
    """Start ``lang``: an empty catalogue and skeleton playbook files."""
    ts = TRANSLATIONS / f"helper_{lang}.ts"
    if not ts.exists():
        lupdate(ts, verbose=True)
    playbook_fill(lang, [])


def report(langs: Iterable[str] | None = None) -> bool:
    """Print what is left per language, window and playbooks; True if all done."""
    complete = True
    for ts in catalogues():
        if langs is not None and language_of(ts) not in langs:
            continue
        problems = check(ts)
        for problem in problems:
            print(f"{ts.relative_to(REPO)}: {problem}")
        print(f"{language_of(ts)}: window: {len(problems) or 'complete'}")
        complete = complete and not problems
    for lang in playbook_languages():
        if langs is not None and lang not in langs:
            continue
        found = playbook_problems(lang)
        for line in found:
            print(line)
        print(f"{lang}: playbooks: {len(found) or 'complete'}")
        complete = complete and not found
    return complete


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build (lrelease), refresh (lupdate) or check the translations."
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--update",
        action="store_true",
        help="run lupdate over ui/ (new strings added, gone ones dropped, "
        "translations kept), then build the .qm files",
    )
    action.add_argument(
        "--check",
        action="store_true",
        help="list unfinished, missing, obsolete or malformed translations, "
        "window and playbooks, per language; exit 1 if any",
    )
    action.add_argument(
        "--new",
        metavar="LANG",
        help="start a language: helper_LANG.ts and skeleton playbook files",
    )
    action.add_argument(
        "--todo",
        type=Path,
        metavar="FILE",
        help="write the messages still to translate to FILE (JSON), to fill in",
    )
    action.add_argument(
        "--fill",
        type=Path,
        metavar="FILE",
        help="write the translations of FILE (from --todo) into the catalogue, "
        "then build",
    )
    parser.add_argument(
        "--lang",
        help="the language --todo and --fill work on (default: fr); "
        "with --check: only this one",
    )
    parser.add_argument(
        "--playbooks",
        action="store_true",
        help="--todo/--fill work on the playbook translation files of --lang",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write the .qm files there (default: next to the .ts files)",
    )
    parser.add_argument(
        "--if-needed",
        action="store_true",
        help="build only when a .qm file is missing or older than its .ts",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        return 0 if report([args.lang] if args.lang else None) else 1
    args.lang = args.lang or "fr"
    if args.new:
        new_language(args.new)
        print(
            f"started {args.new}: translate with --todo/--fill (docs/translations.md)"
        )
        return 0
    if args.playbooks and (args.todo or args.fill):
        if args.todo:
            entries = playbook_todo(args.lang)
            args.todo.write_text(
                json.dumps(entries, indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            print(
                f"{len(entries)} playbook text(s) to translate written to {args.todo}"
            )
            return 0
        changed = playbook_fill(
            args.lang, json.loads(args.fill.read_text(encoding="utf-8"))
        )
        print(f"{len(changed)} playbook translation file(s) written")
        left = playbook_problems(args.lang)
        print(f"{args.lang}: playbooks: {len(left) or 'complete'}")
        return 0
    if args.todo or args.fill:
        ts = TRANSLATIONS / f"helper_{args.lang}.ts"
        if args.todo:
            entries = untranslated(ts)
            args.todo.write_text(
                json.dumps(entries, indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            print(f"{len(entries)} message(s) to translate written to {args.todo}")
            return 0
        unmatched = fill(ts, json.loads(args.fill.read_text(encoding="utf-8")))
        for line in unmatched:
            print(f"not in the catalogue (run --update first?): {line}")
        lupdate(ts)  # back to lupdate's own layout
    if args.update:
        for ts in catalogues():
            lupdate(ts, verbose=True)
            todo = [p for p in check(ts) if p.kind != "obsolete"]
            for problem in todo:
                print(f"{ts.relative_to(REPO)}: to do: {problem}")
    if args.if_needed and not args.update and not needs_build(args.out):
        return 0
    for qm in build(args.out, verbose=args.verbose):
        print(f"built {qm.relative_to(REPO) if qm.is_relative_to(REPO) else qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
