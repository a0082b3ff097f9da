# SPDX-License-Identifier: MIT
"""Every string of the window is translated, and translated well.

pyside6-lupdate runs over ui/ into a temporary copy of each committed catalogue
(resources/translations/helper_<lang>.ts); the test fails when a message is
unfinished, missing (in the code, not in the catalogue) or obsolete (in the
catalogue, no longer in the code), and when a translation's placeholders (%1,
%n), keyboard accelerator (&) or French typography do not match. The fix is
one command: docs/translations.md.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from helper.languages import SHIPPED
from tests.ui.test_i18n import build_translations_module

build = build_translations_module()
CATALOGUES = build.catalogues()
# Every catalogue present is checked; those of the languages shipped must be there.
COMPLETE = SHIPPED
HOW_TO_FIX = (
    "run `.venv/bin/python installers/build_translations.py --update`, translate "
    "what it lists (docs/translations.md), then `--check`"
)


def test_catalogues_exist() -> None:
    from helper.languages import LANGUAGES

    names = {ts.name for ts in CATALOGUES}
    assert {f"helper_{lang}.ts" for lang in COMPLETE} <= names
    assert names <= {f"helper_{lang}.ts" for lang in LANGUAGES}


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_catalogue_is_complete(ts: Path) -> None:
    problems = build.check(ts)
    listing = "\n".join(f"  {p}" for p in problems)
    assert not problems, (
        f"{ts.name}: {len(problems)} problem(s); {HOW_TO_FIX}:\n{listing}"
    )


def test_french_catalogue_covers_every_ui_string() -> None:
    # Guard against a check that passes on an empty extraction.
    messages = build.read_catalogue(build.TRANSLATIONS / "helper_fr.ts")
    contexts = {key[0] for key in messages}
    assert {"HelpdeskPanel", "GuideDialog", "ErrorDialog"} <= contexts
    assert len(messages) > 50


# --- the checker itself finds what it must --------------------------------------------

SOURCE = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject

    class Sample(QObject):
        def texts(self) -> None:
            self.tr("Finished")
            self.tr("Still to do")
            self.tr("New in the code")
            self.tr("Hello %1")
            self.tr("&Open")
            self.tr("Done: %1")
            self.tr("%n file(s)", "", 2)
            QCoreApplication.translate("Other", "Save &as…")

    tr = QCoreApplication.translate  # lupdate reads tr(a, b) as (source, comment)

    def aliased() -> str:
        return tr("Other", "Lost")
    """
)

CATALOGUE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Other</name>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
</context>
<context>
    <name>Sample</name>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone from the code</source>
        <translation>Disparu</translation>
    </message>
    <message>
        <source>Hello %1</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fait : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>des fichiers</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "sample.py"
    source.write_text(SOURCE, encoding="utf-8")
    ts = tmp_path / "helper_fr.ts"
    ts.write_text(CATALOGUE, encoding="utf-8")
    return source, ts


def test_checker_finds_every_kind_of_problem(sample: tuple[Path, Path]) -> None:
    source, ts = sample
    before = ts.read_bytes()
    found = {(p.kind, p.key[1]) for p in build.check(ts, sources=[source])}
    assert found == {
        ("unfinished", "Still to do"),
        ("missing", "New in the code"),
        ("obsolete", "Gone from the code"),
        ("placeholders", "Hello %1"),
        ("accelerator", "&Open"),
        ("typography", "Done: %1"),  # an ordinary space before ':'
        ("placeholders", "%n file(s)"),  # "des fichiers" lost %n
        ("no-context", "Other"),  # the alias: source "Other", comment "Lost"
    }
    assert ts.read_bytes() == before  # --check never changes the catalogue


def test_update_then_fill_then_check_is_clean(
    sample: tuple[Path, Path], tmp_path: Path
) -> None:
    """The documented procedure, on a sample: --update, --todo, --fill."""
    source, ts = sample
    build.lupdate(ts, sources=[source])  # --update: obsolete dropped
    todo = {entry["source"]: entry for entry in build.untranslated(ts)}
    assert set(todo) == {"Still to do", "New in the code", "Other"}
    source.write_text(SOURCE.replace('tr("Other", "Lost")', '"Lost"'), "utf-8")
    build.lupdate(ts, sources=[source])
    nbsp = "\u00a0"
    entries = [
        {**todo["Still to do"], "translation": "Encore à faire"},
        {**todo["New in the code"], "translation": "Nouveau dans le code"},
        {"context": "Sample", "source": "Hello %1", "translation": "Bonjour %1"},
        {"context": "Sample", "source": "&Open", "translation": "&Ouvrir"},
        {"context": "Sample", "source": "Done: %1", "translation": f"Fait{nbsp}: %1"},
        {
            "context": "Sample",
            "source": "%n file(s)",
            "forms": ["%n fichier", "%n fichiers"],
        },
    ]
    assert build.fill(ts, entries) == []
    assert build.check(ts, sources=[source]) == []
    qm = build.lrelease(ts, tmp_path / "out")
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Sample", "&Open") == "&Ouvrir"
    assert translator.translate("Sample", "%n file(s)", "", 2) == "%n fichiers"


def test_a_new_language_gets_its_plural_forms(
    sample: tuple[Path, Path], tmp_path: Path
) -> None:
    """lupdate starts helper_de.ts as de_DE; a plural message needs both forms."""
    source, _ = sample
    ts = tmp_path / "helper_de.ts"
    build.lupdate(ts, sources=[source])
    assert 'language="de_DE"' in ts.read_text(encoding="utf-8")
    entries = [
        {**entry, "translation": "x " + str(entry["source"])}
        if "translation" in entry
        else {**entry, "forms": ["%n Datei"]}
        for entry in build.untranslated(ts)
    ]
    build.fill(ts, entries)
    found = {(p.kind, p.key[1]) for p in build.check(ts, sources=[source])}
    assert ("numerus", "%n file(s)") in found
    build.fill(ts, [{**entries[-1], "forms": ["%n Datei", "%n Dateien"]}])
    assert not {p for p in build.check(ts, sources=[source]) if p.kind == "numerus"}


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Étape\u00a0: %1", True),
        ("Étape : %1", False),
        ("Étape: %1", False),
        ("Vraiment\u202f?", True),
        ("Vraiment ?", False),
        ("Attention\u202f!", True),
        ("voir https://example.com à 10:30", True),
        ("«\u00a0Copier\u00a0»", True),
        ("« Copier »", False),
        ("l’appareil", True),
        ("l'appareil", False),
        ('"Copier"', False),
        ("Capture (*.zip);;Tous les fichiers (*)", True),
        ("<b>Note</b>\u00a0: texte", True),
    ],
)
def test_french_typography(text: str, ok: bool) -> None:
    assert (build.french_typography(text) == []) is ok


@pytest.mark.parametrize(
    ("text", "count"),
    [("&Open", 1), ("Save &as…", 1), ("Tom && Jerry", 0), ("a &amp; b", 0), ("x", 0)],
)
def test_accelerators(text: str, count: int) -> None:
    assert build.accelerators(text) == count


def test_built_french_catalogue_loads() -> None:
    if build.needs_build():
        build.build()
    translator = QTranslator()
    assert translator.load(QLocale("fr"), "helper", "_", str(build.TRANSLATIONS))
    assert translator.translate("GuideDialog", "Copy link") == "Copier le lien"
