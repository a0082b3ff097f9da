# SPDX-License-Identifier: MIT
"""Playbooks as data: every file valid, allowlisted, bilingual; IT overrides;
clear errors for invalid files."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest

from helper.catalogue import load_catalogue
from helper.journey.allowlist import (
    PLACEHOLDERS,
    AllowlistError,
    load_allowlist,
    render_command,
    render_uri,
)
from helper.journey.playbooks import (
    COMMON,
    COMMON_NAMES,
    PLAN_TEXT_VALUES,
    PLATFORMS,
    RUNTIME_TEXT_VALUES,
    TARGET,
    UNKNOWN_MDM,
    PlaybookError,
    load_playbooks,
    playbook_schema_text,
)
from helper.resources import resource_path
from tests.conftest import REPO

PLAYBOOKS = resource_path("playbooks")
FILES = sorted(PLAYBOOKS.glob("*/*.toml"))
SCHEMA_FILE = resource_path("schemas", "playbook-1.schema.json")
DESKTOP = ("windows", "macos", "linux")
# Vendors that manage Apple devices only (catalogue notes, signatures.md §1).
APPLE_ONLY = {"addigy", "jamf-pro", "kandji", "mosyle", "simplemdm"}
NBSP, NNBSP = "\u00a0", "\u202f"


def _texts(step: dict[str, object]) -> list[dict[str, str]]:
    texts = [step["text"]]
    texts += step.get("hints", [])  # type: ignore[operator]
    return texts  # type: ignore[return-value]


def _raw(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


# --- the built-in files ---------------------------------------------------------------


def test_committed_schema_matches_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == playbook_schema_text(), (
        "regenerate with: python -m helper.journey.playbooks > " + str(SCHEMA_FILE)
    )


@pytest.mark.parametrize(
    "path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES]
)
def test_file_validates_against_schema(path: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(_raw(path), schema)


def test_all_files_load() -> None:
    playbooks = load_playbooks()
    assert len(playbooks.keys()) == len(FILES)
    assert set(playbooks.origins.values()) == set(FILES)


def test_every_open_uri_and_run_command_is_allowlisted() -> None:
    allowlist = load_allowlist()
    samples = {name: p.sample for name, p in PLACEHOLDERS.items()}
    seen_uris, seen_commands = 0, 0
    for path in FILES:
        raw = _raw(path)
        for step in raw["steps"]:  # type: ignore[attr-defined]
            if "uri" in step:
                allowlist.check_uri(render_uri(step["uri"], samples))
                seen_uris += 1
            if "command" in step:
                argv = render_command(step["command"], samples)
                allowlist.check_command(
                    argv, elevate=step.get("elevate", False), platform=raw["platform"]
                )
                seen_commands += 1
    assert seen_uris > 20
    assert seen_commands >= 6


def test_every_allowlist_entry_is_used() -> None:
    """No dead entries: the allowlist is exactly what the playbooks need."""
    allowlist = load_allowlist()
    used_uris = set()
    used_commands = set()
    for path in FILES:
        for step in _raw(path)["steps"]:  # type: ignore[attr-defined]
            if "uri" in step:
                used_uris.add(step["uri"].split("&", 1)[0])
            if "command" in step:
                used_commands.add(tuple(step["command"]))
    assert {r.uri for r in allowlist.uris} == used_uris
    assert {tuple(c.argv) for c in allowlist.commands} == used_commands


@pytest.mark.parametrize(
    "path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES]
)
def test_texts_are_bilingual(path: Path) -> None:
    for step in _raw(path)["steps"]:  # type: ignore[attr-defined]
        for text in _texts(step):
            en, fr = text["en"], text["fr"]
            assert en.strip() and fr.strip(), step["id"]
            # French is a translation, never a copy (brand-only texts would be
            # the exception; there are none).
            assert en != fr, step["id"]
            assert "'" not in fr, f"{step['id']}: use the typographic apostrophe ’"
            assert "’" not in en, step["id"]
            # French typography: no-break space before : ; ! ? and inside « ».
            for bad in (" :", " ;", " !", " ?", "« ", " »"):
                assert bad not in fr, f"{step['id']}: {bad!r} in {fr!r}"
            assert not re.search(r"\w[:;!?]\s", fr), f"{step['id']}: {fr!r}"
            assert fr.count("«") == fr.count("»"), step["id"]


def test_french_uses_polite_vous() -> None:
    informal = re.compile(r"\b(tu|toi|ton|ta|tes)\b", re.IGNORECASE)
    for path in FILES:
        for step in _raw(path)["steps"]:  # type: ignore[attr-defined]
            for text in _texts(step):
                assert not informal.search(text["fr"]), (path, step["id"])


def test_every_catalogue_vendor_has_playbooks_for_its_platforms() -> None:
    playbooks = load_playbooks()
    catalogue = load_catalogue(use_cache=False)
    missing = []
    for vendor in catalogue:
        if vendor.role == "target":
            wanted: set[str] = set(PLATFORMS)
        elif vendor.id in APPLE_ONLY:
            wanted = {"macos", "ios"}
        else:
            wanted = {"windows", "macos", "ios", "android"}
            # A Linux playbook wherever the catalogue knows a Linux agent.
            if vendor.linux.supported:
                wanted.add("linux")
        missing += [
            (vendor.id, p)
            for p in sorted(wanted)
            if playbooks.get(vendor.id, p) is None
        ]
    for platform in PLATFORMS:
        if playbooks.get(UNKNOWN_MDM, platform) is None:
            missing.append((UNKNOWN_MDM, platform))
    assert not missing


def test_playbook_folders_are_known_vendors() -> None:
    catalogue = load_catalogue(use_cache=False)
    known = {v.id for v in catalogue} | {UNKNOWN_MDM, COMMON}
    assert {p.parent.name for p in FILES} <= known
    assert {p.stem for p in (PLAYBOOKS / COMMON).glob("*.toml")} == set(COMMON_NAMES)


def test_desktop_playbooks_cover_leave_and_contact_it() -> None:
    """What the planner needs from every vendor's desktop playbook."""
    playbooks = load_playbooks()
    for playbook in playbooks:
        if playbook.vendor == COMMON or playbook.platform not in DESKTOP:
            continue
        stages = [s.stage for s in playbook.steps]
        assert "leave" in stages, (playbook.vendor, playbook.platform)
        verifies = [s for s in playbook.steps if s.stage == "confirm-left"]
        assert [s.check for s in verifies] == ["left"], playbook.vendor
        assert "contact-it" in stages, (playbook.vendor, playbook.platform)
        if playbook.vendor == TARGET:
            assert "join" in stages and "confirm-joined" in stages


def test_routed_playbooks_have_no_commands_and_send_to_it() -> None:
    playbooks = load_playbooks()
    for playbook in playbooks:
        if not playbook.routed_to_it:
            continue
        leave = [s for s in playbook.steps if s.stage == "leave"]
        assert not [s for s in leave if s.kind == "run"], playbook.vendor
        # Routed: the leave stage always names IT...
        assert any(s.kind == "contact-it" for s in playbook.steps), playbook.vendor
        # ...and opens at most the OS's own settings page.
        for step in leave:
            assert step.uri in (None, "ms-settings:workplace"), playbook.vendor


def test_known_facts_are_used() -> None:
    playbooks = load_playbooks()
    ws1 = playbooks.get("workspace-one", "windows")
    jamf = playbooks.get("jamf-pro", "macos")
    intune_linux = playbooks.get(TARGET, "linux")
    assert ws1 is not None and jamf is not None and intune_linux is not None
    assert not ws1.routed_to_it and not jamf.routed_to_it
    uninstall = next(s for s in ws1.steps if s.kind == "run")
    assert uninstall.command == ["msiexec.exe", "/x", "{ws1_hub_product_code}"]
    assert uninstall.elevate and uninstall.when == ["product-code"]
    fallback = next(s for s in ws1.steps if s.when == ["no-product-code"])
    assert fallback.uri == "ms-settings:appsfeatures"
    remove = next(s for s in jamf.steps if s.kind == "run")
    assert remove.command == ["/usr/local/jamf/bin/jamf", "removeMdmProfile"]
    assert remove.elevate
    assert any("unmanaged" in s.text.en for s in jamf.steps)  # it may come back
    purge = next(s for s in intune_linux.steps if s.kind == "run" and s.elevate)
    assert purge.command is not None and purge.command[-1] == "intune-portal"
    assert "purge" in purge.command


def test_guide_only_links_are_qr_codes() -> None:
    playbooks = load_playbooks()
    for platform, uri in (
        ("ios", "https://apps.apple.com/app/id719171358"),
        (
            "android",
            "https://play.google.com/store/apps/details?id="
            "com.microsoft.windowsintune.companyportal",
        ),
    ):
        playbook = playbooks.get(TARGET, platform)
        assert playbook is not None
        links = [s for s in playbook.steps if s.kind == "open"]
        assert [(s.uri, s.qr) for s in links] == [(uri, True)]


def test_routed_list_matches_the_docs() -> None:
    """docs/journey.md lists the vendor × platform pairs routed to IT."""
    doc = (REPO / "docs" / "journey.md").read_text(encoding="utf-8")
    section = doc.split("<!-- routed-to-it:start -->", 1)[1].split(
        "<!-- routed-to-it:end -->", 1
    )[0]
    listed = set(re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", section, re.MULTILINE))
    assert listed == set(load_playbooks().routed_to_it())


def test_text_placeholders_are_documented() -> None:
    doc = (REPO / "docs" / "journey.md").read_text(encoding="utf-8")
    for name in PLAN_TEXT_VALUES | RUNTIME_TEXT_VALUES | set(PLACEHOLDERS):
        assert f"{{{name}}}" in doc, name


# --- IT's playbooks and invalid files -------------------------------------------------

GOOD = """\
schema = "playbook/1"
vendor = "workspace-one"
platform = "windows"

[[steps]]
id = "contoso-ws1-leave"
stage = "leave"
kind = "open"
uri = "ms-settings:workplace"
text.en = "Open Settings."
text.fr = "Ouvrez les Paramètres."

[[steps]]
id = "contoso-ws1-check"
stage = "confirm-left"
kind = "verify"
check = "left"
text.en = "Check."
text.fr = "Vérifiez."

[[steps]]
id = "contoso-ws1-it"
stage = "contact-it"
kind = "contact-it"
text.en = "Call Contoso IT."
text.fr = "Appelez le service informatique de Contoso."
"""


def _extra(
    tmp_path: Path, text: str, where: str = "workspace-one/windows.toml"
) -> Path:
    path = tmp_path / "extra" / "playbooks" / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path / "extra"


def test_it_playbook_replaces_the_builtin(tmp_path: Path) -> None:
    extra = _extra(tmp_path, GOOD)
    playbooks = load_playbooks(extra)
    ws1 = playbooks.get("workspace-one", "windows")
    assert ws1 is not None
    assert [s.id for s in ws1.steps] == [
        "contoso-ws1-leave",
        "contoso-ws1-check",
        "contoso-ws1-it",
    ]
    assert playbooks.origins[("workspace-one", "windows")].is_relative_to(extra)
    # The other built-in files stay.
    assert playbooks.get("workspace-one", "macos") is not None


def test_it_playbook_adds_a_vendor(tmp_path: Path) -> None:
    text = GOOD.replace('vendor = "workspace-one"', 'vendor = "contoso-mdm"')
    extra = _extra(tmp_path, text, "contoso-mdm/windows.toml")
    assert load_playbooks(extra).get("contoso-mdm", "windows") is not None


def test_missing_extra_folder_is_ignored(tmp_path: Path) -> None:
    assert load_playbooks(tmp_path).get("workspace-one", "windows") is not None


def test_it_allowlist_adds_entries(tmp_path: Path) -> None:
    text = GOOD.replace("ms-settings:workplace", "https://intranet.contoso.com/migrate")
    extra = _extra(tmp_path, text)
    with pytest.raises(PlaybookError, match="not in the allowlist"):
        load_playbooks(extra)
    (extra / "playbooks" / "allowlist.toml").write_text(
        'schema = "allowlist/1"\n[[uris]]\nuri = "https://intranet.contoso.com/migrate"\n',
        encoding="utf-8",
    )
    ws1 = load_playbooks(extra).get("workspace-one", "windows")
    assert (
        ws1 is not None and ws1.steps[0].uri == "https://intranet.contoso.com/migrate"
    )


BAD_CASES = {
    "unknown-key": (
        GOOD.replace('kind = "open"', 'kind = "open"\ncolour = "red"'),
        r"workspace-one[/\\]windows\.toml: Object contains unknown field `colour`"
        r" - at `\$\.steps\[0\]`",
    ),
    "wrong-type": (
        GOOD.replace('id = "contoso-ws1-leave"', "id = 3"),
        r"Expected `str`, got `int` - at `\$\.steps\[0\]\.id`",
    ),
    "bad-kind": (
        GOOD.replace('kind = "open"', 'kind = "launch"'),
        r"at `\$\.steps\[0\]\.kind`",
    ),
    "missing-french": (
        GOOD.replace('text.fr = "Ouvrez les Paramètres."\n', ""),
        r"missing required field `fr` - at `\$\.steps\[0\]\.text`",
    ),
    "empty-french": (
        GOOD.replace('"Ouvrez les Paramètres."', '"  "'),
        r"steps\[0\]\.text\.fr: expected non-empty text",
    ),
    "uri-not-allowlisted": (
        GOOD.replace("ms-settings:workplace", "https://evil.example/x"),
        r"steps\[0\]\.uri: 'https://evil\.example/x' is not in the allowlist",
    ),
    "command-not-allowlisted": (
        GOOD.replace(
            'kind = "open"\nuri = "ms-settings:workplace"',
            'kind = "run"\ncommand = ["cmd.exe", "/c", "del", "C:/"]\nelevate = true',
        ),
        r"steps\[0\]\.command: .* is not in the allowlist for windows",
    ),
    "elevation-mismatch": (
        GOOD.replace(
            'kind = "open"\nuri = "ms-settings:workplace"',
            'kind = "run"\ncommand = ["msiexec.exe", "/x", "{ws1_hub_product_code}"]',
        ),
        r"steps\[0\]\.command: .*\(not elevated\) is not in the allowlist",
    ),
    "open-without-uri": (
        GOOD.replace('uri = "ms-settings:workplace"\n', ""),
        r"steps\[0\]\.uri: required for kind = 'open'",
    ),
    "info-with-uri": (
        GOOD.replace('kind = "open"', 'kind = "info"'),
        r"steps\[0\]\.uri: not allowed for kind = 'info'",
    ),
    "duplicate-id": (
        GOOD.replace('id = "contoso-ws1-check"', 'id = "contoso-ws1-leave"'),
        r"steps\[1\]\.id: 'contoso-ws1-leave' is also the id of steps\[0\]",
    ),
    "bad-id": (
        GOOD.replace('id = "contoso-ws1-leave"', 'id = "Contoso Leave"'),
        r"steps\[0\]\.id: expected lower-case",
    ),
    "vendor-mismatch": (
        GOOD.replace('vendor = "workspace-one"', 'vendor = "jamf-pro"'),
        r"vendor: is 'jamf-pro', expected 'workspace-one'",
    ),
    "platform-mismatch": (
        GOOD.replace('platform = "windows"', 'platform = "macos"'),
        r"platform: is 'macos', expected 'windows' \(the file name\)",
    ),
    "unknown-text-placeholder": (
        GOOD.replace('"Open Settings."', '"Open {settings}."'),
        r"steps\[0\]\.text\.en: unknown placeholder \{settings\}",
    ),
    "placeholders-differ": (
        GOOD.replace('"Open Settings."', '"Open Settings ({support_code})."'),
        r"steps\[0\]\.text: English and French must use the same placeholders",
    ),
    "hints-on-info": (
        GOOD.replace(
            'text.fr = "Appelez le service informatique de Contoso."',
            'text.fr = "Appelez le service informatique de Contoso."\n'
            '[[steps.hints]]\nen = "x"\nfr = "y"',
        ),
        r"steps\[2\]\.hints: only for kind = 'verify'",
    ),
    "no-steps": (
        'schema = "playbook/1"\nvendor = "workspace-one"\nplatform = "windows"\n'
        "steps = []\n",
        r"steps: expected at least one step",
    ),
    "not-toml": ("this is = = not toml", r"not valid TOML"),
    "wrong-schema": (
        GOOD.replace('schema = "playbook/1"', 'schema = "playbook/2"'),
        r"at `\$\.schema`",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_invalid_file_names_file_and_key(tmp_path: Path, case: str) -> None:
    text, pattern = BAD_CASES[case]
    extra = _extra(tmp_path, text)
    with pytest.raises(PlaybookError) as info:
        load_playbooks(extra)
    assert info.value.code == "playbook-invalid"
    message = str(info.value)
    assert str(extra / "playbooks" / "workspace-one" / "windows.toml") in message
    assert re.search(pattern, message), message
    assert "\n" not in message


def test_run_step_on_guide_only_platform_is_invalid(tmp_path: Path) -> None:
    text = (
        GOOD.replace('platform = "windows"', 'platform = "ios"')
        .replace('kind = "open"', 'kind = "run"')
        .replace('uri = "ms-settings:workplace"', 'command = ["/usr/bin/open"]')
    )
    with pytest.raises(
        PlaybookError, match=r"steps\[0\]\.command: nothing runs on ios"
    ):
        load_playbooks(_extra(tmp_path, text, "workspace-one/ios.toml"))


def test_common_file_rules(tmp_path: Path) -> None:
    text = GOOD.replace('vendor = "workspace-one"', 'vendor = "_common"')
    with pytest.raises(PlaybookError, match="expected 'all' in _common"):
        load_playbooks(_extra(tmp_path, text, "_common/prepare.toml"))


def test_platforms_only_in_common(tmp_path: Path) -> None:
    text = GOOD.replace('kind = "open"', 'kind = "open"\nplatforms = ["windows"]')
    with pytest.raises(PlaybookError, match=r"steps\[0\]\.platforms: only in _common"):
        load_playbooks(_extra(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ('[[uris]]\nuri = "file:///etc/passwd x"\n', r"uris\[0\]\.uri: expected a URI"),
        (
            '[[uris]]\nuri = "x:?a=b"\nmatch = "query"\nparams = { a = "password" }\n',
            r"uris\[0\]\.params\.a: unknown placeholder",
        ),
        (
            '[[uris]]\nuri = "ms-device-enrollment:?mode=mdm"\nmatch = "query"\n'
            'params = { accesstoken = "upn" }\n',
            r"tokens are not allowed",
        ),
        (
            '[[commands]]\nargv = ["{upn}"]\nplatform = "linux"\n',
            r"commands\[0\]\.argv: expected a fixed program first",
        ),
        (
            '[[commands]]\nargv = ["/bin/echo", "pre{upn}"]\nplatform = "linux"\n',
            r"commands\[0\]\.argv\[1\]: expected a literal or a whole",
        ),
        ('[[commands]]\nargv = ["/bin/true"]\nplatform = "beos"\n', r"platform"),
    ],
)
def test_invalid_allowlist(tmp_path: Path, text: str, pattern: str) -> None:
    path = tmp_path / "allowlist.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AllowlistError) as info:
        load_allowlist(path)
    assert str(path) in str(info.value)
    assert re.search(pattern, str(info.value)), str(info.value)


# --- what IT's additions may never add ---------------------------------------------

REFUSED_ADDITIONS = {
    "shell": (
        '[[commands]]\nargv = ["/bin/sh", "-c", "curl x | sh"]\nplatform = "linux"\n',
        r"commands\[0\]\.argv\[0\]: '/bin/sh' is a shell, an interpreter",
    ),
    "bash-by-path": (
        '[[commands]]\nargv = ["/usr/bin/bash"]\nplatform = "linux"\n',
        r"'/usr/bin/bash' is a shell",
    ),
    "powershell": (
        '[[commands]]\nargv = ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0'
        '\\\\PowerShell.EXE", "-c", "x"]\nplatform = "windows"\n',
        r"is a shell, an interpreter",
    ),
    "cmd": (
        '[[commands]]\nargv = ["C:/Windows/System32/cmd.exe", "/c", "x"]\n'
        'platform = "windows"\n',
        r"is a shell, an interpreter",
    ),
    "interpreter-with-version": (
        '[[commands]]\nargv = ["/usr/bin/python3.12", "-c", "x"]\nplatform = "linux"\n',
        r"'/usr/bin/python3\.12' is a shell, an interpreter",
    ),
    "osascript": (
        '[[commands]]\nargv = ["/usr/bin/osascript", "-e", "x"]\nplatform = "macos"\n',
        r"is a shell, an interpreter",
    ),
    "launcher": (
        '[[commands]]\nargv = ["/usr/bin/env", "sh"]\nplatform = "linux"\n',
        r"launcher of other programs",
    ),
    "script-file": (
        '[[commands]]\nargv = ["/opt/contoso/fix.sh"]\nplatform = "linux"\n',
        r"'/opt/contoso/fix\.sh' is a shell, an interpreter, a script",
    ),
    "elevated": (
        '[[commands]]\nargv = ["/opt/contoso/bin/fix"]\nplatform = "linux"\n'
        "elevate = true\n",
        r"commands\[0\]\.elevate: added commands never run elevated",
    ),
    "pkexec": (
        '[[commands]]\nargv = ["/usr/bin/pkexec", "/opt/x"]\nplatform = "linux"\n',
        r"launcher of other programs",
    ),
    "bare-name": (
        '[[commands]]\nargv = ["fix-tool"]\nplatform = "linux"\n',
        r"commands\[0\]\.argv\[0\]: an added command names its program by absolute",
    ),
    "file-uri": (
        '[[uris]]\nuri = "file:///etc/passwd"\n',
        r"uris\[0\]\.uri: an added URI must use one of .*never file:",
    ),
    "file-uri-upper": ('[[uris]]\nuri = "FILE:///C:/x.exe"\n', r"never file:"),
    "smb-uri": ('[[uris]]\nuri = "smb://server/share/x.exe"\n', r"never file:"),
    "javascript-uri": ('[[uris]]\nuri = "javascript:alert(1)"\n', r"never file:"),
    "search-ms": ('[[uris]]\nuri = "search-ms:query=x"\n', r"never file:"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED_ADDITIONS))
def test_it_allowlist_can_never_add(tmp_path: Path, kind: str) -> None:
    """An extra allowlist accepted any command (``/bin/sh -c``, ``elevate =
    true`` through pkexec) and any URI (``file:///``)."""
    text, pattern = REFUSED_ADDITIONS[kind]
    path = tmp_path / "allowlist.toml"
    path.write_text('schema = "allowlist/1"\n' + text, encoding="utf-8")
    with pytest.raises(AllowlistError) as info:
        load_allowlist(path)
    message = str(info.value)
    assert info.value.code == "allowlist-refused"
    assert "\n" not in message and str(path) in message
    assert re.search(pattern, message), message


def test_it_allowlist_still_adds_plain_commands_and_links(tmp_path: Path) -> None:
    path = tmp_path / "allowlist.toml"
    path.write_text(
        'schema = "allowlist/1"\n'
        '[[uris]]\nuri = "https://intranet.contoso.com/migrate"\n'
        '[[uris]]\nuri = "mailto:helpdesk@contoso.com"\n'
        '[[commands]]\nargv = ["/opt/contoso/bin/inventory", "--report"]\n'
        'platform = "linux"\n',
        encoding="utf-8",
    )
    allowlist = load_allowlist(path)
    allowlist.check_uri("https://intranet.contoso.com/migrate")
    allowlist.check_command(
        ["/opt/contoso/bin/inventory", "--report"], elevate=False, platform="linux"
    )
