# SPDX-License-Identifier: MIT
"""IT's own words: checked at load (unknown key, placeholders, language), the
policy layer wins, and the playbooks carry them (real loader, real files)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given

from helper.cli import main
from helper.config import resolve
from helper.config.policy import RegistryPolicy, TomlPolicy
from helper.config.words import (
    WordsError,
    check_shape,
    languages,
    originals,
    slug,
    window_keys,
    window_strings,
    words_for,
)
from helper.errors import ConfigError
from helper.journey.playbook_words import with_words
from helper.migration import load_playbooks_for
from tests.helper.test_attention import json_values
from tests.helper.test_config import FakeRegistry

STEP_KEY = "workspace-one/windows/ws1-uninstall-hub"
WINDOW_KEY = "CheckPage.check-this-device"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, policy: object = None) -> object:
    return resolve(
        write(tmp_path / "config.toml", text),
        bundled=None,
        policy=policy,  # type: ignore[arg-type]
    )


def test_keys_are_discoverable_and_stable() -> None:
    keys = originals()
    assert keys[WINDOW_KEY] == "Check this device"
    assert keys[STEP_KEY].startswith("Uninstall Workspace ONE Intelligent Hub")
    assert any(k.endswith("/hint-1") for k in keys)
    # Mnemonics and placeholders are not part of a key.
    assert slug("&Remind me later") == "remind-me-later"
    assert slug("%1 manages this device: %2.") == "manages-this-device"
    # The same strings always give the same keys, whatever their order.
    strings = window_strings()
    assert window_keys(reversed(strings)) == window_keys(strings)
    assert set(languages()) == {"en", "fr", "de", "es", "it", "nl"}


def test_it_words_load_per_language(tmp_path: Path) -> None:
    resolved = load(
        tmp_path,
        f"""
[words.fr]
"{WINDOW_KEY}" = "Vérifier ce poste"
"{STEP_KEY}" = "Désinstallez le Hub (demandez à Paul si besoin)."

[words.en]
"{WINDOW_KEY}" = "Check this PC"
""",
    )
    words = resolved.config.words  # type: ignore[attr-defined]
    assert words_for(words, "fr") == {
        WINDOW_KEY: "Vérifier ce poste",
        STEP_KEY: "Désinstallez le Hub (demandez à Paul si besoin).",
    }
    assert words_for(words, "en") == {WINDOW_KEY: "Check this PC"}


def test_an_unknown_key_is_refused_with_the_closest_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, '[words.fr]\n"CheckPage.check-this-devise" = "Vérifier"\n')
    message = caught.value.message
    assert message.startswith(str(tmp_path / "config.toml"))
    assert 'words.fr."CheckPage.check-this-devise": unknown key' in message
    assert f"did you mean {WINDOW_KEY}?" in message
    assert "words --list" in message
    with pytest.raises(ConfigError, match="did you mean workspace-one/windows/ws1-"):
        load(tmp_path, '[words.en]\n"workspace-one/windows/ws1-uninstal-hub" = "x"\n')


def test_wrong_placeholders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, '[words.fr]\n"CheckPage.support-code" = "Code"\n')
    assert "expected the placeholders of the original (%1), got none" in (
        caught.value.message
    )
    addigy = "addigy/ios/addigy-apps-removed"
    assert "{vendor_name}" in originals()[addigy]
    with pytest.raises(ConfigError, match=r"\(\{vendor_name\}\), got \{vendor\}"):
        load(tmp_path, f'[words.en]\n"{addigy}" = "When you leave {{vendor}}"\n')
    # The same placeholders, in another order or words: accepted.
    load(
        tmp_path, f'[words.en]\n"{addigy}" = "Leaving {{vendor_name}} removes apps."\n'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[words.xx]\n"a" = "b"\n',
            "words.xx: expected a language the helper has: de, en, es, fr, it, nl",
        ),
        ('[words.FR]\n"a" = "b"\n', "expected a language code"),
        (
            '[words.fr]\n"CheckPage.begin" = 3\n',
            'words.fr."CheckPage.begin": expected a string',
        ),
        ('[words.fr]\n"CheckPage.begin" = " "\n', "expected a non-empty text"),
        ('words = "fr"\n', "words: expected a table of languages"),
    ],
)
def test_bad_words_tables_name_what_was_wrong(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(
        ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        load(tmp_path, text)


def test_the_policy_layer_wins_key_by_key(tmp_path: Path) -> None:
    policy = TomlPolicy(
        write(
            tmp_path / "policy.toml",
            f'[words.fr]\n"{WINDOW_KEY}" = "Vérifier le poste (IT)"\n',
        )
    )
    resolved = load(
        tmp_path,
        f'[words.fr]\n"{WINDOW_KEY}" = "Vérifier"\n'
        '"CheckPage.before-you-start" = "Avant"\n',
        policy,
    )
    assert words_for(resolved.config.words, "fr") == {  # type: ignore[attr-defined]
        WINDOW_KEY: "Vérifier le poste (IT)",
        "CheckPage.before-you-start": "Avant",
    }


def test_registry_policy_words_and_errors_name_the_policy(tmp_path: Path) -> None:
    root = "HKLM\\SOFTWARE\\Policies\\IntuneMigrationHelper"

    def registry(kind: str, data: object) -> RegistryPolicy:
        keys = {root: {}, f"{root}\\words\\fr": {WINDOW_KEY: (kind, data)}}
        return RegistryPolicy(FakeRegistry(keys))

    resolved = resolve(None, bundled=None, policy=registry("REG_SZ", "Vérifier (GPO)"))
    assert words_for(resolved.config.words, "fr") == {WINDOW_KEY: "Vérifier (GPO)"}
    with pytest.raises(
        ConfigError, match=rf"\(value {WINDOW_KEY}\).*expected a string"
    ):
        resolve(None, bundled=None, policy=registry("REG_DWORD", 1))


def test_playbooks_carry_it_words_in_the_language_given(tmp_path: Path) -> None:
    resolved = load(
        tmp_path,
        f"""
[words.fr]
"{STEP_KEY}" = "Désinstallez le Hub, puis revenez ici."
"workspace-one/windows/ws1-check-left/hint-1" = "Appelez le 1234 ({{support_code}})."
""",
    )
    config = resolved.config  # type: ignore[attr-defined]
    plain = load_playbooks_for(config.replace(words=()))
    playbooks = load_playbooks_for(config)

    def step(playbooks: object, step_id: str) -> object:
        book = playbooks.get("workspace-one", "windows")  # type: ignore[attr-defined]
        return next(s for s in book.steps if s.id == step_id)

    before = step(plain, "ws1-uninstall-hub")
    after = step(playbooks, "ws1-uninstall-hub")
    assert after.text.fr == "Désinstallez le Hub, puis revenez ici."  # type: ignore[attr-defined]
    assert after.text.en == before.text.en  # type: ignore[attr-defined]
    hints = step(playbooks, "ws1-check-left").hints  # type: ignore[attr-defined]
    assert hints[0].fr == "Appelez le 1234 ({support_code})."
    assert hints[0].en == step(plain, "ws1-check-left").hints[0].en  # type: ignore[attr-defined]
    # Nothing else moved.
    assert with_words(plain, ()) is plain


@given(json_values)
def test_any_words_table_is_accepted_or_refused_with_words_error(value: object) -> None:
    try:
        check_shape(value, ["en", "fr"])
    except WordsError as exc:
        assert exc.expected.startswith("expected")


def test_words_list_prints_every_key_with_its_english_text() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["words", "--list"]) == 0
    lines = out.getvalue().splitlines()
    assert f"{WINDOW_KEY}\tCheck this device" in lines
    assert len(lines) == len(originals())
    assert all(line.count("\t") == 1 for line in lines)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["words", "--json"]) == 0
    assert json.loads(out.getvalue())[WINDOW_KEY] == "Check this device"


def test_a_bundle_reads_the_window_strings_built_with_the_qm_files(
    tmp_path: Path,
) -> None:
    """A bundle ships no .ts: the key table built beside the .qm gives the same
    keys."""
    from helper.config.words import write_window_strings
    from helper.resources import resource_path

    path = write_window_strings(str(resource_path("translations")), str(tmp_path))
    assert Path(path).parent == tmp_path
    assert window_strings(str(tmp_path)) == window_strings()
    (tmp_path / "window-words.json").unlink()
    with pytest.raises(OSError):
        window_strings(str(tmp_path))


def test_the_key_table_is_cached_and_rebuilt_when_a_playbook_changes(
    tmp_path: Path,
) -> None:
    """IT's extra folder counts; an edited file is seen at once."""
    from helper.config.words import tables

    book = tmp_path / "playbooks" / "contoso-mdm" / "windows.toml"
    book.parent.mkdir(parents=True)
    book.write_text(
        '[[steps]]\nid = "leave"\ntext = { en = "Leave Contoso MDM.", fr = "x" }\n',
        encoding="utf-8",
    )
    first = tables(str(tmp_path))
    assert first.playbooks["contoso-mdm/windows/leave"] == ""  # no placeholder
    assert tables(str(tmp_path)) == first  # from the cache
    book.write_text(
        '[[steps]]\nid = "leave"\ntext = { en = "Leave it now, {vendor_name}.", '
        'fr = "x" }\nhints = [{ en = "Ask IT.", fr = "y" }]\n',
        encoding="utf-8",
    )
    second = tables(str(tmp_path))
    assert second.playbooks["contoso-mdm/windows/leave"] == "{vendor_name}"
    assert second.playbooks["contoso-mdm/windows/leave/hint-1"] == ""
    assert second.window == first.window
    assert originals(str(tmp_path))["contoso-mdm/windows/leave/hint-1"] == "Ask IT."


def test_the_documented_example_of_it_words_loads(tmp_path: Path) -> None:
    import re

    from helper.resources import resources_root

    guide = (resources_root().parent / "docs" / "configuration.md").read_text(
        encoding="utf-8"
    )
    blocks = [
        b for b in re.findall(r"```toml\n(.*?)```", guide, re.DOTALL) if "[words." in b
    ]
    assert blocks
    for block in blocks:
        resolved = load(tmp_path, block)
        assert resolved.config.words  # type: ignore[attr-defined]
