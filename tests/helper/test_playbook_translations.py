# SPDX-License-Identifier: MIT
"""Playbook texts in German, Spanish, Italian and Dutch (translation files).

The completeness test fails when a built-in playbook's step or hint has no
usable translation (missing, empty, stale or with other {placeholders}) in a
language listed in COMPLETE; the loader tests check what a user sees: the
translation, or English when the translation cannot be used, never an error.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helper.journey.plan import Text
from helper.journey.playbook_translations import (
    add_translations,
    decode_translation,
    translation_problems,
)
from helper.journey.playbooks import PlaybookError, PlaybookSet, load_playbooks
from helper.journey.translation_files import render, todo, write_translations
from helper.languages import SHIPPED, TRANSLATED
from helper.resources import resource_path
from tests.helper.test_playbooks import GOOD

# The languages whose playbook translations must be complete (the shipped ones).
COMPLETE = tuple(lang for lang in SHIPPED if lang in TRANSLATED)
BUILT_IN = resource_path("translations", "playbooks")
HOW_TO_FIX = (
    "run `.venv/bin/python installers/build_translations.py --todo t.json "
    "--lang {lang} --playbooks`, translate, then `--fill t.json --lang {lang} "
    "--playbooks` (docs/translations.md)"
)


@functools.cache
def builtin() -> PlaybookSet:
    return load_playbooks()


@pytest.mark.parametrize("lang", COMPLETE)
def test_every_builtin_text_is_translated(lang: str) -> None:
    problems = translation_problems(builtin(), lang)
    listing = "\n".join(f"  {p}" for p in problems[:40])
    assert not problems, (
        f"{lang}: {len(problems)} playbook text(s) to translate; "
        f"{HOW_TO_FIX.format(lang=lang)}:\n{listing}"
    )


def test_translation_folders_are_languages_we_know() -> None:
    folders = {p.name for p in BUILT_IN.iterdir()} if BUILT_IN.is_dir() else set()
    assert folders <= set(TRANSLATED)
    assert set(COMPLETE) <= folders


def test_german_names_the_unknown_management_in_the_dative() -> None:
    """{vendor_name} may be "Ihrem bisherigen Verwaltungssystem" (the planner's
    name for an unknown management): it must follow von, aus, in, bei or mit."""
    if "de" not in COMPLETE:
        pytest.skip("German is not shipped")
    found, _ = add_translations(
        {k: v for k, v in zip(builtin().keys(), builtin(), strict=True)}, ("de",)
    )
    wrong = []
    for (vendor, _name), playbook in found.items():
        if vendor not in ("unknown-mdm", "_common"):
            continue  # a real vendor's name is not inflected
        for step in playbook.steps:
            for text in [step.text, *step.hints]:
                german = text.in_language("de")
                for match in re.finditer(r"(\S*)\s*\{vendor_name\}", german):
                    if match.group(1).lower() not in ("von", "aus", "in", "bei", "mit"):
                        wrong.append(f"{vendor}: {step.id}: {german}")
    assert not wrong, "\n".join(wrong)


# --- what the user sees ---------------------------------------------------------

DONE_EN = (
    "Done: this device is managed by Microsoft Intune. Company mail, Wi-Fi and "
    "apps may take a little while to arrive. You can close this helper."
)
DONE_DE = (
    "Fertig: Dieses Gerät wird von Microsoft Intune verwaltet. Firmen-E-Mail, "
    "WLAN und Apps können etwas Zeit brauchen. Sie können dieses Hilfsprogramm "
    "schließen."
)


def _translation(extra: Path, lang: str, where: str, text: str) -> Path:
    path = extra / "translations" / "playbooks" / lang / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _entry(step: str, en: str, text: str) -> str:
    dump = msgspec.json.encode
    return f"[steps.{step}]\nen = {dump(en).decode()}\ntext = {dump(text).decode()}\n"


def _done_text(playbooks: PlaybookSet, lang: str) -> str:
    return playbooks.common("done").steps[0].text.in_language(lang)


def test_a_translation_is_shown_in_its_language(tmp_path: Path) -> None:
    body = 'schema = "playbook-translation/1"\n' + _entry("done", DONE_EN, DONE_DE)
    _translation(tmp_path, "de", "_common/done.toml", body)
    playbooks = load_playbooks(tmp_path, languages=("de",))
    assert _done_text(playbooks, "de") == DONE_DE
    assert _done_text(playbooks, "nl") == DONE_EN  # no Dutch: English
    assert _done_text(playbooks, "fr").startswith("C’est terminé")
    # Without the language asked for, nothing is read.
    assert _done_text(load_playbooks(tmp_path), "de") == DONE_EN


@pytest.mark.parametrize(
    ("body", "logged"),
    [
        pytest.param(
            _entry("done", "Done: the English before a change.", DONE_DE),
            "stale",
            id="stale",
        ),
        pytest.param(
            _entry("done", DONE_EN, DONE_DE + " {support_code}"),
            "placeholders",
            id="placeholders",
        ),
        pytest.param(
            _entry("done", DONE_EN, DONE_DE) + "colour = 1\n",
            "done.toml: invalid: Object contains unknown field `colour` - at "
            "`steps.done`",
            id="unknown-key",
        ),
        pytest.param(
            _entry("done", DONE_EN, DONE_DE).replace("text = ", "text = = "),
            "done.toml: invalid: not valid TOML",
            id="not-toml",
        ),
    ],
)
def test_an_unusable_translation_falls_back_to_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, body: str, logged: str
) -> None:
    _translation(
        tmp_path,
        "de",
        "_common/done.toml",
        'schema = "playbook-translation/1"\n' + body,
    )
    with caplog.at_level(logging.WARNING, "helper.journey.playbook_translations"):
        playbooks = load_playbooks(tmp_path, languages=("de",))
    assert _done_text(playbooks, "de") == DONE_EN
    assert logged in caplog.text


def test_a_missing_schema_is_named(tmp_path: Path) -> None:
    _translation(tmp_path, "de", "_common/done.toml", _entry("done", DONE_EN, DONE_DE))
    problems = translation_problems(builtin(), "de", tmp_path)
    done = [str(p) for p in problems if p.path.name == "done.toml"]
    assert any("missing required field `schema`" in line for line in done), done


# IT's own playbook for a vendor of its own (tests/helper/test_playbooks.py).
IT_PLAYBOOK = GOOD.replace('vendor = "workspace-one"', 'vendor = "contoso-mdm"')


def test_it_playbook_with_only_english_and_french_shows_english(
    tmp_path: Path,
) -> None:
    path = tmp_path / "playbooks" / "contoso-mdm" / "windows.toml"
    path.parent.mkdir(parents=True)
    path.write_text(IT_PLAYBOOK, encoding="utf-8")
    playbooks = load_playbooks(tmp_path, languages=("de", "nl"))
    playbook = playbooks.get("contoso-mdm", "windows")
    assert playbook is not None
    assert playbook.steps[0].text.in_language("de") == "Open Settings."
    # IT can translate it too, in their own folder.
    _translation(
        tmp_path,
        "nl",
        "contoso-mdm/windows.toml",
        'schema = "playbook-translation/1"\n'
        + _entry("contoso-ws1-leave", "Open Settings.", "Open Instellingen."),
    )
    playbook = load_playbooks(tmp_path, languages=("nl",)).get("contoso-mdm", "windows")
    assert playbook is not None
    assert playbook.steps[0].text.in_language("nl") == "Open Instellingen."
    assert playbook.steps[1].text.in_language("nl") == "Check."  # not translated


def test_other_languages_inline_in_a_playbook_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "playbooks" / "contoso-mdm" / "windows.toml"
    path.parent.mkdir(parents=True)
    path.write_text(
        IT_PLAYBOOK + 'text.translations.de = "Fragen Sie die IT."\n', encoding="utf-8"
    )
    with pytest.raises(PlaybookError, match=r"steps\[2\]\.text\.translations: other"):
        load_playbooks(tmp_path)


def test_the_planner_fills_placeholders_in_every_language(tmp_path: Path) -> None:
    from helper.catalogue import load_catalogue
    from helper.config.model import Config
    from helper.journey.planner import build_plan

    overview = builtin().common("prepare").steps[0]
    assert overview.id == "prepare-overview"
    german = "Ihr Gerät wechselt von {vendor_name} zu Microsoft Intune."
    _translation(
        tmp_path,
        "de",
        "_common/prepare.toml",
        'schema = "playbook-translation/1"\n'
        + _entry(overview.id, overview.text.en, german),
    )
    plan = build_plan(
        None,
        platform="windows",
        vendor="workspace-one",
        config=Config(),
        catalogue=load_catalogue(use_cache=False),
        playbooks=load_playbooks(tmp_path, languages=("de",)),
    )
    step = next(s for s in plan.steps if s.id == "prepare-overview")
    assert step.text.in_language("de") == (
        "Ihr Gerät wechselt von Workspace ONE (AirWatch) zu Microsoft Intune."
    )
    assert step.text.in_language("nl").startswith(
        "Your device is moving from Workspace"
    )


# --- the translators' tools ----------------------------------------------------


def test_skeleton_then_fill_completes_a_language(tmp_path: Path) -> None:
    """--fill with nothing writes the skeleton; --todo lists each English text once."""
    playbooks = PlaybookSet(
        {
            k: v
            for k, v in zip(builtin().keys(), builtin(), strict=True)
            if k[0] == "_common"
        },
        builtin().allowlist,
    )
    root = tmp_path / "translations" / "playbooks"
    write_translations(playbooks, root, "nl", {})
    skeleton = decode_translation(root / "nl" / "_common" / "done.toml")
    assert skeleton.steps["done"].en == DONE_EN
    assert skeleton.steps["done"].text == ""
    entries = todo(playbooks, root, "nl")
    texts = [e["en"] for e in entries]
    assert len(texts) == len(set(texts)) and DONE_EN in texts
    given = {e["en"]: "NL " + e["en"] for e in entries}
    write_translations(playbooks, root, "nl", given)
    assert todo(playbooks, root, "nl") == []
    found, problems = add_translations(
        dict(zip(playbooks.keys(), playbooks, strict=True)), ("nl",), tmp_path
    )
    assert problems == []
    done = found[("_common", "done")].steps[0].text
    assert done.in_language("nl") == "NL " + DONE_EN
    # Filling again changes nothing: the translations survive a rewrite.
    assert write_translations(playbooks, root, "nl", {}) == []


@settings(max_examples=60, deadline=None)
@given(
    en=st.text(min_size=1, max_size=80),
    text=st.text(max_size=80),
)
def test_written_files_read_back_exactly(en: str, text: str) -> None:
    """Any text (quotes, backslashes, newlines, control characters) survives."""
    from helper.journey.playbook_translations import PlaybookTranslation
    from helper.journey.playbooks import Playbook, PlaybookStep

    playbook = Playbook(
        vendor="contoso",
        platform="windows",
        steps=[
            PlaybookStep(
                id="s",
                stage="leave",
                kind="verify",
                check="left",
                text=Text(en, en),
                hints=[Text(en + "!", en)],
            )
        ],
    )
    written = render(
        playbook,
        lang="de",
        vendor="contoso",
        name="windows",
        existing=None,
        given={en: text, en + "!": text},
    )
    import tomllib

    back = msgspec.convert(tomllib.loads(written), PlaybookTranslation)
    assert back.steps["s"].en == en
    assert back.steps["s"].text == (text if text.strip() else "")
    assert back.steps["s"].hints[0].en == en + "!"


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_file_content_gives_a_translation_or_a_named_error(data: bytes) -> None:
    """A corrupt file is a TranslationError naming the file, never a traceback."""
    import tempfile

    from helper.journey.playbook_translations import TranslationError

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "done.toml"
        path.write_bytes(b'schema = "playbook-translation/1"\n' + data)
        try:
            decode_translation(path)
        except TranslationError as exc:
            assert exc.message.startswith(f"{path}: ")
