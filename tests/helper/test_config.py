# SPDX-License-Identifier: MIT
"""The layered configuration: defaults < user < bundled < policy.

Policy readers are fed realistic data: a fake RegistryReader holding what the ADMX
writes (REG_SZ, REG_DWORD, REG_MULTI_SZ), and an XML plist as Jamf or Intune
deliver it to /Library/Managed Preferences.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helper import paths
from helper.config import (
    AUTO,
    Config,
    PlistPolicy,
    RegistryPolicy,
    TomlPolicy,
    Wave,
    config_keys,
    explain,
    load_config,
    platform_policy,
    plist_path,
    registry_value,
    resolve,
)
from helper.config.keys import DEV_KEYS, FREE_TABLES, KEYS, POLICY_KEY
from helper.config.model import DEFAULT_DISCOVERY_URL
from helper.config.record import Record
from helper.errors import ConfigError
from helper.probe.registry import RegValue
from tests.conftest import REPO

ROOT = POLICY_KEY
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
CLIENT = "0c1f2d3e-4a5b-4c6d-8e7f-901234567890"


# --- helpers ---------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def user_toml(text: str) -> Path:
    return write(paths.config_dir() / "config.toml", text)


def load(path: Path | None = None, **kwargs: Any) -> Config:
    kwargs.setdefault("bundled", None)
    kwargs.setdefault("policy", None)
    return load_config(path, **kwargs)


def error_of(path: Path | None = None, **kwargs: Any) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message, message
    return info.value


class FakeRegistry:
    """A RegistryReader over {key path: {value name: (type, data)}}.

    Case-insensitive like the real registry; values() keyed by lower-cased name.
    """

    def __init__(self, keys: dict[str, dict[str, tuple[str, Any]]]) -> None:
        self.keys = {k.lower(): (k, v) for k, v in keys.items()}

    def subkeys(self, path: str) -> list[str]:
        prefix = path.lower() + "\\"
        names: dict[str, str] = {}
        for lower, (real, _) in self.keys.items():
            if lower.startswith(prefix):
                child = real[len(prefix) :].split("\\", 1)[0]
                names[child.lower()] = child
        return list(names.values())

    def values(self, path: str) -> dict[str, RegValue] | None:
        entry = self.keys.get(path.lower())
        if entry is None:
            # An intermediate key exists when it has subkeys.
            return {} if self.subkeys(path) else None
        return {
            name.lower(): RegValue(name, kind, data)
            for name, (kind, data) in entry[1].items()
        }


# What the ADMX template writes once IT enables every policy (value names as the
# ADMX declares them; an admin may type names in any case in regedit).
ADMX_REGISTRY: dict[str, dict[str, tuple[str, Any]]] = {
    ROOT: {"privacy_notice_url": ("REG_SZ", "https://contoso.example/privacy")},
    ROOT + "\\organization": {
        "name": ("REG_SZ", "Contoso (policy)"),
        "support_email": ("REG_SZ", "helpdesk@contoso.example"),
        "accent_color": ("REG_SZ", "#C50F1F"),
        "logo": ("REG_EXPAND_SZ", "C:\\ProgramData\\Contoso\\logo.png"),
    },
    ROOT + "\\tenant": {
        "Tenant_ID": ("REG_SZ", TENANT),
        "client_id": ("REG_SZ", CLIENT),
        "serial_hmac_key": ("REG_SZ", "9f" * 32),
    },
    ROOT + "\\migration": {
        "campaign_id": ("REG_SZ", "2025-emm-exit"),
        "max_deferrals": ("REG_DWORD", 2),
        # Typed as text by an admin in regedit: converted.
        "reminder_hours": ("REG_SZ", "12"),
        "waves": (
            "REG_MULTI_SZ",
            [
                "pilot;2025-03-03;2025-03-17;IT pilot",
                "wave-1;2025-04-01;2025-04-30;Finance; HR",
                "",
            ],
        ),
    },
    ROOT + "\\reporting": {
        "enabled": ("REG_DWORD", 1),
        "collector_url": ("REG_SZ", "https://collector.contoso.example"),
        "device_code_fallback": ("REG_DWORD", 0),
    },
    ROOT + "\\ui": {"language": ("REG_SZ", "fr")},
    ROOT + "\\catalogue": {
        "extra_dir": ("REG_SZ", "C:\\ProgramData\\Contoso\\vendors"),
    },
}


def registry(**changes: dict[str, tuple[str, Any]]) -> RegistryPolicy:
    """The ADMX data with some keys' values replaced: registry(migration={...})."""
    keys = {k: dict(v) for k, v in ADMX_REGISTRY.items()}
    for section, values in changes.items():
        keys[f"{ROOT}\\{section}" if section != "root" else ROOT] = values
    return RegistryPolicy(FakeRegistry(keys))


# A managed preferences plist as a configuration profile leaves it on disk.
MANAGED_PLIST = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" \
"http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>privacy_notice_url</key>
	<string>https://contoso.example/privacy</string>
	<key>organization</key>
	<dict>
		<key>name</key>
		<string>Contoso (profile)</string>
		<key>support_url</key>
		<string>https://support.contoso.example</string>
	</dict>
	<key>tenant</key>
	<dict>
		<key>tenant_id</key>
		<string>72f988bf-86f1-41af-91ab-2d7cd011db47</string>
	</dict>
	<key>migration</key>
	<dict>
		<key>max_deferrals</key>
		<integer>1</integer>
		<key>waves</key>
		<array>
			<dict>
				<key>id</key>
				<string>mac-pilot</string>
				<key>name</key>
				<string>Mac pilot</string>
				<key>notify_date</key>
				<string>2025-05-05</string>
				<key>enforcement_date</key>
				<date>2025-05-19T00:00:00Z</date>
			</dict>
		</array>
	</dict>
	<key>reporting</key>
	<dict>
		<key>enabled</key>
		<true/>
		<key>collector_url</key>
		<string>https://collector.contoso.example</string>
	</dict>
	<key>ui</key>
	<dict>
		<key>language</key>
		<string>en</string>
	</dict>
	<key>catalogue</key>
	<dict>
		<key>extra_dir</key>
		<string>/Library/Application Support/Contoso/vendors</string>
	</dict>
</dict>
</plist>
"""


def plist(tmp_path: Path, text: str = MANAGED_PLIST) -> PlistPolicy:
    return PlistPolicy(write(tmp_path / "managed.plist", text))


# --- defaults --------------------------------------------------------------------


def test_defaults_without_any_layer() -> None:
    config = load()
    assert config == Config()
    assert config.enrollment.discovery_url == DEFAULT_DISCOVERY_URL
    assert config.migration.max_deferrals == 3
    assert config.migration.waves == ()
    assert config.reporting.enabled is False
    assert config.reporting.device_code_fallback is True
    assert config.ui.language == ""
    assert config.catalogue.extra_dir == ""
    assert set(explain(bundled=None, policy=None).values()) == {"default"}


def test_missing_default_user_file_is_not_an_error() -> None:
    assert not (paths.config_dir() / "config.toml").exists()
    assert load() == Config()


# --- layering --------------------------------------------------------------------


def test_user_file_overrides_defaults_key_by_key() -> None:
    user_toml('[organization]\nname = "Contoso"\n[migration]\nmax_deferrals = 0\n')
    config = load()
    assert config.organization.name == "Contoso"
    assert config.organization.accent_color == "#0F6CBD"  # the rest: defaults
    assert config.migration.max_deferrals == 0
    assert config.migration.reminder_hours == 24


def test_each_layer_overrides_the_previous_deeply(tmp_path: Path) -> None:
    user_toml(
        'privacy_notice_url = "https://user.example/privacy"\n'
        "[organization]\n"
        'name = "User"\nsupport_email = "user@contoso.example"\n'
        'support_phone = "+33 1 00 00 00 00"\n'
        '[ui]\nlanguage = "en"\n'
    )
    bundled = tmp_path / "app"
    write(
        bundled / "config.toml",
        '[organization]\nname = "Bundled"\nsupport_email = "it@contoso.example"\n'
        f'[tenant]\ntenant_id = "{TENANT}"\n',
    )
    policy = TomlPolicy(
        write(tmp_path / "etc" / "config.toml", '[organization]\nname = "Policy"\n')
    )
    resolved = resolve(bundled=bundled, policy=policy)
    org = resolved.config.organization
    assert org.name == "Policy"
    assert org.support_email == "it@contoso.example"
    assert org.support_phone == "+33 1 00 00 00 00"
    assert resolved.config.tenant.tenant_id == TENANT
    assert resolved.config.ui.language == "en"
    assert resolved.sources["organization.name"] == "policy"
    assert resolved.sources["organization.support_email"] == "bundled"
    assert resolved.sources["organization.support_phone"] == "user"
    assert resolved.sources["privacy_notice_url"] == "user"
    assert resolved.sources["tenant.tenant_id"] == "bundled"
    assert resolved.sources["tenant.client_id"] == "default"
    assert [layer.name for layer in resolved.layers] == ["user", "bundled", "policy"]
    assert resolved.origin("organization.support_email") == (
        f"bundled: {bundled / 'config.toml'}"
    )
    assert resolved.origin("tenant.client_id") == "default"


WAVES_2 = """
[[migration.waves]]
id = "a"
notify_date = 2025-01-06
enforcement_date = 2025-01-20
[[migration.waves]]
id = "b"
name = "Second"
notify_date = "2025-02-03"
enforcement_date = "2025-02-03"
"""


def test_waves_parse_and_a_later_layer_replaces_the_whole_list(tmp_path: Path) -> None:
    user_toml("[migration]\nmax_deferrals = 5\n" + WAVES_2)
    assert load().migration.waves == (
        Wave(
            id="a",
            notify_date=datetime.date(2025, 1, 6),
            enforcement_date=datetime.date(2025, 1, 20),
        ),
        Wave(
            id="b",
            name="Second",
            notify_date=datetime.date(2025, 2, 3),
            enforcement_date=datetime.date(2025, 2, 3),
        ),
    )
    write(
        tmp_path / "config.toml",
        '[[migration.waves]]\nid = "only"\n'
        "notify_date = 2025-03-03\nenforcement_date = 2025-03-10\n",
    )
    config = load(bundled=tmp_path)
    assert [w.id for w in config.migration.waves] == ["only"]
    assert config.migration.max_deferrals == 5  # the section still merges


def test_config_option_replaces_the_user_layer(tmp_path: Path) -> None:
    user_toml('[organization]\nname = "From the user file"\n')
    other = write(tmp_path / "trial.toml", '[organization]\nsupport_phone = "1234"\n')
    config = load(other)
    assert config.organization.support_phone == "1234"
    assert config.organization.name == ""  # the user file is not read
    sources = explain(other, bundled=None, policy=None)
    assert sources["organization.support_phone"] == "user"
    assert sources["organization.name"] == "default"


def test_missing_config_option_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    error = error_of(missing)
    assert error.code == "config-not-found"
    assert str(missing) in str(error)


def test_policy_wins_over_the_user_file(tmp_path: Path) -> None:
    user_toml(
        '[organization]\nname = "User"\nsupport_phone = "555"\n[ui]\nlanguage = "en"\n'
    )
    resolved = resolve(bundled=None, policy=registry())
    assert resolved.config.organization.name == "Contoso (policy)"
    assert resolved.config.organization.support_phone == "555"
    assert resolved.config.ui.language == "fr"
    assert resolved.sources["ui.language"] == "policy"
    assert resolved.sources["organization.support_phone"] == "user"
    assert resolved.origin("ui.language") == f"policy: {ROOT}\\ui (value language)"


def test_bundled_folder_is_the_frozen_executable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "config.toml", '[organization]\nname = "Installer"\n')
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "helper.exe"))
    resolved = resolve(bundled=AUTO, policy=None)
    assert resolved.config.organization.name == "Installer"
    assert resolved.sources["organization.name"] == "bundled"


def test_no_bundled_layer_when_not_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # From a checkout, the folder of the python executable is never a layer.
    write(tmp_path / "config.toml", '[organization]\nname = "Installer"\n')
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert load(bundled=AUTO) == Config()


def test_relative_paths_are_relative_to_their_file(tmp_path: Path) -> None:
    bundled = tmp_path / "Program Files" / "Helper"
    write(
        bundled / "config.toml",
        '[organization]\nlogo = "branding/logo.png"\n'
        '[catalogue]\nextra_dir = "vendors"\n',
    )
    config = load(bundled=bundled)
    assert config.organization.logo == str(bundled / "branding" / "logo.png")
    assert config.catalogue.extra_dir == str(bundled / "vendors")


def test_byte_order_mark_is_accepted() -> None:
    path = paths.config_dir() / "config.toml"
    path.write_bytes(b'\xef\xbb\xbf[ui]\nlanguage = "fr"\n')
    assert load().ui.language == "fr"


def test_reporting_to_localhost_is_allowed_for_trials() -> None:
    user_toml(
        '[reporting]\nenabled = true\ncollector_url = "http://127.0.0.1:8080/r"\n'
    )
    assert load().reporting.collector_url == "http://127.0.0.1:8080/r"


# --- invalid layers: file + key + expectation, one line -------------------------

INVALID = {
    "syntax": ('[organization]\nname = "x"\nphone = +\n', "line 3", "not valid TOML"),
    "unknown key": (
        '[tenant]\ntenant_idd = "x"\n',
        "tenant.tenant_idd",
        "unknown key (did you mean tenant_id?)",
    ),
    "unknown section": ("[tenants]\n", "tenants", "unknown key"),
    "top-level key after a section": (
        '[ui]\nprivacy_notice_url = "https://x.example"\n',
        "ui.privacy_notice_url",
        "put it before the first [section]",
    ),
    "wrong type": (
        '[migration]\nmax_deferrals = "3"\n',
        "migration.max_deferrals",
        "expected an integer, got a string '3'",
    ),
    "wrong type bool": (
        "[reporting]\nenabled = 1\n",
        "reporting.enabled",
        "expected true or false, got an integer",
    ),
    "section not a table": (
        'tenant = "x"\n',
        "tenant",
        "expected a table (section), got a string",
    ),
    "http url": (
        '[organization]\nsupport_url = "http://support.contoso.example"\n',
        "organization.support_url",
        "expected an https:// URL",
    ),
    "not a url": (
        '[enrollment]\ndiscovery_url = "enrollment.manage.microsoft.com"\n',
        "enrollment.discovery_url",
        "expected an https:// URL",
    ),
    "empty discovery url": (
        '[enrollment]\ndiscovery_url = ""\n',
        "enrollment.discovery_url",
        "expected an https:// URL",
    ),
    "collector http not local": (
        '[reporting]\ncollector_url = "http://collector.contoso.example"\n',
        "reporting.collector_url",
        "http:// only for localhost",
    ),
    "unknown windows join mode": (
        '[enrollment]\nwindows_join = "aadj"\n',
        "enrollment.windows_join",
        'expected "register", "join" or "mdm-only", got \'aadj\'',
    ),
    "bad guid": (
        '[tenant]\ntenant_id = "contoso.onmicrosoft.com"\n',
        "tenant.tenant_id",
        "expected a GUID",
    ),
    "bad client guid": (
        f'[tenant]\nclient_id = "{CLIENT[:-1]}g"\n',
        "tenant.client_id",
        "expected a GUID",
    ),
    "bad date": (
        '[[migration.waves]]\nid = "a"\nnotify_date = "2025-02-30"\n'
        'enforcement_date = "2025-03-01"\n',
        "migration.waves[0].notify_date",
        "expected a date as YYYY-MM-DD, got '2025-02-30'",
    ),
    "date and time": (
        '[[migration.waves]]\nid = "a"\nnotify_date = 2025-02-03T10:00:00\n'
        "enforcement_date = 2025-03-01\n",
        "migration.waves[0].notify_date",
        "expected a date (YYYY-MM-DD), got a date and time",
    ),
    "enforcement before notify": (
        WAVES_2.replace(
            'enforcement_date = "2025-02-03"', "enforcement_date = 2025-01-31"
        ),
        "migration.waves[1].enforcement_date",
        "expected a date on or after notify_date (2025-02-03), got 2025-01-31",
    ),
    "missing wave id": (
        "[[migration.waves]]\n"
        "notify_date = 2025-01-01\nenforcement_date = 2025-01-02\n",
        "migration.waves[0].id",
        "this key is required",
    ),
    "duplicate wave id": (
        WAVES_2.replace('id = "b"', 'id = "a"'),
        "migration.waves[1].id",
        "expected a unique id",
    ),
    "unknown wave key": (
        '[[migration.waves]]\nid = "a"\nnotify = 2025-01-01\n',
        "migration.waves[0].notify",
        "did you mean notify_date?",
    ),
    "bad language": (
        '[ui]\nlanguage = "german"\n',
        "ui.language",
        '"it", "nl", got \'german\'',
    ),
    "bad accent": (
        '[organization]\naccent_color = "blue"\n',
        "organization.accent_color",
        "#RRGGBB",
    ),
    "negative deferrals": (
        "[migration]\nmax_deferrals = -1\n",
        "migration.max_deferrals",
        "expected an integer from 0 to 100, got -1",
    ),
    "bad email": (
        '[organization]\nsupport_email = "helpdesk"\n',
        "organization.support_email",
        "expected an e-mail address",
    ),
    "bad domain": (
        '[enrollment]\nupn_domain_hint = "@contoso.com"\n',
        "enrollment.upn_domain_hint",
        "expected a domain name",
    ),
    "reporting without collector": (
        "[reporting]\nenabled = true\n",
        "reporting.collector_url",
        "reporting.enabled is true",
    ),
}


@pytest.mark.parametrize("case", list(INVALID), ids=list(INVALID))
def test_invalid_user_file_names_file_key_and_expectation(case: str) -> None:
    text, key, expected = INVALID[case]
    path = user_toml(text)
    error = error_of()
    assert error.code == "config-invalid"
    message = str(error)
    assert message.startswith(f"{path}: {key}"), message
    assert expected in message, message


def test_secret_is_never_repeated_in_messages() -> None:
    user_toml('[tenant]\nserial_hmac_key = "hunter2-short"\n')
    message = str(error_of())
    assert "tenant.serial_hmac_key" in message
    assert "at least 32 characters" in message
    assert "hunter2" not in message
    path = user_toml("[tenant]\nserial_hmac_key = 4242\n")
    message = str(error_of())
    assert "expected a string, got an integer" in message
    # After the file's path (a temporary folder whose name may hold any digits).
    assert "4242" not in message.removeprefix(str(path))


def test_invalid_bundled_and_policy_files_are_named(tmp_path: Path) -> None:
    bundled = write(tmp_path / "app" / "config.toml", '[ui]\nlanguage = "pt"\n')
    message = str(error_of(bundled=bundled.parent))
    assert message.startswith(f"{bundled}: ui.language: expected")
    etc = write(tmp_path / "etc" / "config.toml", "[ui]\nlanguage = 3\n")
    message = str(error_of(policy=TomlPolicy(etc)))
    assert message.startswith(f"{etc}: ui.language: expected a string, got an integer")


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert "cannot be read" in str(error_of(folder))
    latin = tmp_path / "latin1.toml"
    latin.write_bytes('[organization]\nname = "Société"\n'.encode("latin-1"))
    message = str(error_of(latin))
    assert message.startswith(f"{latin}: expected UTF-8 text")


def test_newline_in_a_key_name_stays_on_one_line() -> None:
    user_toml('[tenant]\n"tenant\\nid" = "x"\n')
    assert "tenant\\nid" in str(error_of())


# --- Windows registry policy -------------------------------------------------------


def test_registry_policy_as_the_admx_writes_it() -> None:
    resolved = resolve(bundled=None, policy=registry())
    config = resolved.config
    assert config.privacy_notice_url == "https://contoso.example/privacy"
    assert config.organization.name == "Contoso (policy)"
    assert config.organization.accent_color == "#C50F1F"
    assert config.organization.logo == "C:\\ProgramData\\Contoso\\logo.png"
    assert config.tenant.tenant_id == TENANT  # value name "Tenant_ID": any case
    assert config.tenant.client_id == CLIENT
    assert config.migration.campaign_id == "2025-emm-exit"
    assert config.migration.max_deferrals == 2
    assert config.migration.reminder_hours == 12  # REG_SZ "12" converted
    assert config.migration.waves == (
        Wave(
            id="pilot",
            name="IT pilot",
            notify_date=datetime.date(2025, 3, 3),
            enforcement_date=datetime.date(2025, 3, 17),
        ),
        Wave(
            id="wave-1",
            name="Finance; HR",
            notify_date=datetime.date(2025, 4, 1),
            enforcement_date=datetime.date(2025, 4, 30),
        ),
    )
    assert config.reporting.enabled is True
    assert config.reporting.device_code_fallback is False
    assert config.ui.language == "fr"
    assert config.catalogue.extra_dir == "C:\\ProgramData\\Contoso\\vendors"
    assert resolved.sources["migration.waves"] == "policy"
    assert resolved.sources["reporting.api_scope"] == "default"
    assert resolved.sources["privacy_notice_url"] == "policy"


def test_no_policy_key_means_no_policy_layer() -> None:
    resolved = resolve(bundled=None, policy=RegistryPolicy(FakeRegistry({})))
    assert resolved.layers == []
    assert resolved.config == Config()


M = ROOT + "\\migration"

REGISTRY_INVALID: dict[str, tuple[dict[str, Any], str]] = {
    "text where a number is expected": (
        {"migration": {"max_deferrals": ("REG_SZ", "three")}},
        f"{M} (value max_deferrals): migration.max_deferrals: expected a number "
        "(REG_DWORD), got REG_SZ 'three'",
    ),
    "malformed number text": (
        {"migration": {"max_deferrals": ("REG_SZ", "--3")}},
        f"{M} (value max_deferrals): migration.max_deferrals: expected a number",
    ),
    "negative number text": (
        {"migration": {"max_deferrals": ("REG_SZ", " -1 ")}},
        f"{M} (value max_deferrals): migration.max_deferrals: expected an integer "
        "from 0 to 100, got -1",
    ),
    "dword where a string is expected": (
        {"ui": {"language": ("REG_DWORD", 1)}},
        f"{ROOT}\\ui (value language): ui.language: expected a string (REG_SZ), "
        "got REG_DWORD",
    ),
    "boolean out of range": (
        {"reporting": {"enabled": ("REG_DWORD", 2)}},
        f"{ROOT}\\reporting (value enabled): reporting.enabled: expected 0 or 1",
    ),
    "waves as REG_SZ": (
        {"migration": {"waves": ("REG_SZ", "pilot;2025-03-03;2025-03-17;Pilot")}},
        f"{M} (value waves): migration.waves: expected a REG_MULTI_SZ",
    ),
    "short wave line": (
        {"migration": {"waves": ("REG_MULTI_SZ", ["a;2025-01-01;2025-02-01", "b"])}},
        f"{M} (value waves, line 2): migration.waves[1]: expected a line "
        "id;notify_date;enforcement_date;name, got 'b'",
    ),
    "bad date in a wave line": (
        {
            "migration": {
                "waves": (
                    "REG_MULTI_SZ",
                    ["", "a;2025-01-01;2025-02-01;A", "b;2025-02-30;2025-03-01;B"],
                )
            }
        },
        f"{M} (value waves, line 3): migration.waves[1].notify_date: expected a date "
        "as YYYY-MM-DD, got '2025-02-30'",
    ),
    "enforcement before notify in a wave line": (
        {"migration": {"waves": ("REG_MULTI_SZ", ["a;2025-03-01;2025-02-01;A"])}},
        f"{M} (value waves, line 1): migration.waves[0].enforcement_date: expected "
        "a date on or after notify_date",
    ),
    "unknown value": (
        {"tenant": {"tenantid": ("REG_SZ", TENANT)}},
        f"{ROOT}\\tenant (value tenantid): tenant.tenantid: unknown key "
        "(did you mean tenant_id?)",
    ),
    "unknown root value": (
        {"root": {"privacy_url": ("REG_SZ", "https://x.example")}},
        f"{ROOT} (value privacy_url): privacy_url: unknown key "
        "(did you mean privacy_notice_url?)",
    ),
    "unknown section subkey": (
        {"Branding": {"name": ("REG_SZ", "x")}},
        f"{ROOT}\\Branding: branding: unknown key",
    ),
    "relative path": (
        {"catalogue": {"extra_dir": ("REG_SZ", "vendors")}},
        f"{ROOT}\\catalogue (value extra_dir): catalogue.extra_dir: expected an "
        "absolute path, got 'vendors'",
    ),
    "bad guid": (
        {"tenant": {"tenant_id": ("REG_SZ", "{" + TENANT + "}")}},
        f"{ROOT}\\tenant (value tenant_id): tenant.tenant_id: expected a GUID",
    ),
}


@pytest.mark.parametrize("case", list(REGISTRY_INVALID), ids=list(REGISTRY_INVALID))
def test_invalid_registry_policy_names_key_and_value(case: str) -> None:
    changes, expected = REGISTRY_INVALID[case]
    error = error_of(policy=registry(**changes))
    assert error.code == "config-invalid"
    assert str(error).startswith(expected), str(error)


def test_registry_nested_subkey_is_unknown() -> None:
    keys = dict(ADMX_REGISTRY)
    keys[M + "\\waves"] = {"1": ("REG_SZ", "a;2025-01-01;2025-02-01;A")}
    message = str(error_of(policy=RegistryPolicy(FakeRegistry(keys))))
    assert message.startswith(f"{M}\\waves: migration.waves: unknown key"), message


def test_registry_string_booleans_and_expand_sz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONTOSO_DIR", "/opt/contoso")
    config = load(
        policy=registry(
            reporting={
                "enabled": ("REG_SZ", "True"),
                "collector_url": ("REG_SZ", "https://c.example"),
            },
            catalogue={"extra_dir": ("REG_EXPAND_SZ", "C:\\x\\$CONTOSO_DIR")},
        )
    )
    assert config.reporting.enabled is True
    # os.path.expandvars: %VAR% on Windows, $VAR elsewhere.
    assert config.catalogue.extra_dir == "C:\\x\\/opt/contoso"


# --- macOS managed preferences ---------------------------------------------------


def test_plist_policy_as_a_profile_delivers_it(tmp_path: Path) -> None:
    user_toml('[organization]\nname = "User"\nsupport_phone = "555"\n')
    resolved = resolve(bundled=None, policy=plist(tmp_path))
    config = resolved.config
    assert config.organization.name == "Contoso (profile)"
    assert config.organization.support_phone == "555"
    assert config.organization.support_url == "https://support.contoso.example"
    assert config.tenant.tenant_id == TENANT
    assert config.migration.max_deferrals == 1
    assert config.migration.waves == (
        Wave(
            id="mac-pilot",
            name="Mac pilot",
            notify_date=datetime.date(2025, 5, 5),
            enforcement_date=datetime.date(2025, 5, 19),  # from a <date>
        ),
    )
    assert config.reporting.enabled is True
    assert config.ui.language == "en"
    assert config.catalogue.extra_dir == "/Library/Application Support/Contoso/vendors"
    assert resolved.sources["organization.name"] == "policy"
    assert resolved.sources["organization.support_phone"] == "user"
    assert resolved.origin("ui.language") == f"policy: {tmp_path / 'managed.plist'}"


def test_plist_binary_format_and_payload_keys(tmp_path: Path) -> None:
    import plistlib

    data = {
        "PayloadUUID": "5C3B1E9A-1D2F-4B7E-9C11-7A0E0F1B2C3D",
        "ui": {"language": "fr"},
        "migration": {"reminder_hours": 48},
    }
    path = tmp_path / "managed.plist"
    path.write_bytes(plistlib.dumps(data, fmt=plistlib.FMT_BINARY))
    config = load(policy=PlistPolicy(path))
    assert config.ui.language == "fr"
    assert config.migration.reminder_hours == 48


def test_plist_absent_means_no_policy_layer(tmp_path: Path) -> None:
    resolved = resolve(bundled=None, policy=PlistPolicy(tmp_path / "absent.plist"))
    assert resolved.layers == []


def test_plist_loader_is_injectable(tmp_path: Path) -> None:
    path = write(tmp_path / "managed.plist", "ignored")
    policy = PlistPolicy(path, loader=lambda _raw: {"ui": {"language": "en"}})
    assert load(policy=policy).ui.language == "en"


PLIST_INVALID = {
    "unknown key": (
        MANAGED_PLIST.replace("<key>support_url</key>", "<key>supportURL</key>"),
        "organization.supportURL: unknown key",
    ),
    "wrong type": (
        MANAGED_PLIST.replace("<integer>1</integer>", "<string>1</string>"),
        "migration.max_deferrals: expected an integer, got a string '1'",
    ),
    "date not at midnight": (
        MANAGED_PLIST.replace("2025-05-19T00:00:00Z", "2025-05-18T22:00:00Z"),
        "migration.waves[0].enforcement_date: expected a date",
    ),
    "enforcement before notify": (
        MANAGED_PLIST.replace("2025-05-19T00:00:00Z", "2025-05-01T00:00:00Z"),
        "migration.waves[0].enforcement_date: expected a date on or after",
    ),
    "relative path": (
        MANAGED_PLIST.replace("/Library/Application Support/Contoso/vendors", "v"),
        "catalogue.extra_dir: expected an absolute path",
    ),
    "not a plist": ("<plist><dict><key>ui</key>", "not a valid property list"),
    "not a dict": (
        '<?xml version="1.0"?><plist version="1.0"><array/></plist>',
        "expected a dictionary at the top level",
    ),
}


@pytest.mark.parametrize("case", list(PLIST_INVALID), ids=list(PLIST_INVALID))
def test_invalid_plist_names_the_plist_and_key(tmp_path: Path, case: str) -> None:
    text, expected = PLIST_INVALID[case]
    policy = plist(tmp_path, text)
    message = str(error_of(policy=policy))
    assert message.startswith(f"{policy.path}: {expected}"), message


# --- choosing the policy reader -----------------------------------------------------


def test_platform_policy_by_os() -> None:
    mac = platform_policy("darwin")
    assert isinstance(mac, PlistPolicy)
    assert str(mac.path) == (
        "/Library/Managed Preferences/com.intunemigrationhelper.helper.plist"
    )
    linux = platform_policy("linux")
    assert isinstance(linux, TomlPolicy)
    assert str(linux.path) == "/etc/intune-migration-helper/config.toml"
    if sys.platform == "win32":
        assert isinstance(platform_policy("win32"), RegistryPolicy)


# --- the key list, the docs and the example -------------------------------------------


def _model_keys(record: Record, prefix: str = "") -> list[str]:
    keys: list[str] = []
    for name in record._fields:
        path = prefix + name
        value = getattr(record, name)
        if isinstance(value, Record):  # a section: its default is a record
            keys += _model_keys(value, path + ".")
        else:
            keys.append(path)
    return keys


def test_config_keys_are_the_model_leaves() -> None:
    # The development keys are leaves too, but IT never deploys them.
    # IT's words (FREE_TABLES) hold IT's own keys: checked on their own.
    assert sorted([*config_keys(), *DEV_KEYS, *FREE_TABLES]) == sorted(
        _model_keys(Config())
    )
    assert len(set(config_keys())) == len(config_keys())


def test_encoding_locations() -> None:
    assert registry_value("tenant.tenant_id") == (
        ROOT + "\\tenant",
        "tenant_id",
        "REG_SZ",
    )
    assert registry_value("privacy_notice_url") == (
        ROOT,
        "privacy_notice_url",
        "REG_SZ",
    )
    assert registry_value("migration.waves") == (M, "waves", "REG_MULTI_SZ")
    assert registry_value("reporting.enabled")[2] == "REG_DWORD"
    assert registry_value("migration.max_deferrals")[2] == "REG_DWORD"
    assert plist_path("migration.waves") == ("migration", "waves")


def test_docs_table_lists_every_key() -> None:
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in config_keys():
        _, value, kind = registry_value(key)
        rows = [line for line in text.splitlines() if line.startswith(f"| `{key}` |")]
        assert len(rows) == 1, key
        assert f"`{value}` ({kind}" in rows[0], key


def test_example_config_is_valid_and_sets_every_key(tmp_path: Path) -> None:
    example = REPO / "resources" / "config.example.toml"
    resolved = resolve(example, bundled=None, policy=None)
    unset = [k for k, layer in resolved.sources.items() if layer != "user"]
    assert unset == []
    assert len(resolved.config.migration.waves) == 2


# --- robustness and start-up cost ------------------------------------------------

_TOML_BITS = st.sampled_from(
    [
        *(f"[{s}]\n" for s in ("organization", "tenant", "migration", "ui", "x")),
        "[[migration.waves]]\n",
        *(k.rsplit(".", 1)[-1] for k in KEYS),
        *(f"{k} = " for k in KEYS),
        "id",
        "notify_date",
        "enforcement_date",
        " = ",
        "=",
        '"',
        "'''",
        '"https://a.example"',
        '"http://localhost"',
        "2025-01-01",
        "1979-05-27T07:32:00Z",
        "07:32:00",
        "true",
        "-1",
        "3.5",
        "9" * 30,
        "[",
        "]",
        "{",
        "}",
        ",",
        ".",
        "\n",
        " ",
        "#",
        "\\",
        "\x00",
        "é",
    ]
)
_TOML_ISH = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_TOML_BITS, st.text(max_size=4)), max_size=40).map("".join),
)


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=_TOML_ISH)
def test_any_user_file_gives_a_config_or_a_config_error(text: str) -> None:
    user_toml("")  # the folder exists
    (paths.config_dir() / "config.toml").write_bytes(
        text.encode("utf-8", "surrogatepass")
    )
    try:
        load()
    except ConfigError as exc:
        assert exc.code == "config-invalid"
        assert "\n" not in str(exc)


def test_import_and_load_stay_light(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from helper.config import load_config\n"
        "load_config(None, policy=None)\n"
        "heavy = {'tomllib', 'plistlib', 'dataclasses', 'pydantic', 'logging.handlers',"
        " 'PySide6'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    env = dict(os.environ, HELPER_HOME=str(tmp_path / "home"))
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_policy_survives_the_old_emm_removing_it() -> None:
    """A policy the old EMM delivered vanishes when the device leaves it: the
    helper keeps using the last one it saw (tenant, collector, waves)."""
    managed = load(policy=registry())
    assert managed.tenant.tenant_id == TENANT
    gone = RegistryPolicy(FakeRegistry({}))
    resolved = resolve(bundled=None, policy=gone)
    assert resolved.config == managed
    assert resolved.sources["tenant.tenant_id"] == "policy"
    assert "saved copy of" in resolved.origin("tenant.tenant_id")
    assert resolved.config.migration.waves[1].enforcement_date == datetime.date(
        2025, 4, 30
    )
    # A newer policy replaces the copy; the user file still loses to it.
    user_toml('[organization]\nname = "Mine"\n')
    renamed = registry(organization={"name": ("REG_SZ", "Contoso 2")})
    assert load(policy=renamed).organization.name == "Contoso 2"
    assert load(policy=gone).organization.name == "Contoso 2"


def test_a_damaged_saved_policy_is_ignored() -> None:
    load(policy=registry())
    (paths.data_dir() / "policy-snapshot.json").write_bytes(b"\x00{not json")
    config = load(policy=RegistryPolicy(FakeRegistry({})))
    assert config.tenant.tenant_id == ""


def test_no_policy_source_means_no_saved_copy_either() -> None:
    load(policy=registry())
    assert load(policy=None).tenant.tenant_id == ""


def test_extra_dir_is_refused_from_the_users_file(tmp_path: Path) -> None:
    """A user's own file named an extra folder whose allowlist could run any
    command, elevated: only IT's layers may set it."""
    (tmp_path / "vendors").mkdir()
    path = user_toml(f'[catalogue]\nextra_dir = "{tmp_path / "vendors"}"\n')
    error = error_of()
    assert error.code == "config-invalid"
    message = str(error)
    assert str(path) in message and "catalogue.extra_dir" in message
    assert "managed policy" in message
    # --config FILE is the user's layer too.
    assert "catalogue.extra_dir" in str(error_of(path))


def test_extra_dir_from_policy_or_bundle_wins_over_the_user(tmp_path: Path) -> None:
    bundled = tmp_path / "bundle"
    write(bundled / "config.toml", '[catalogue]\nextra_dir = "vendors"\n')
    assert load(bundled=bundled).catalogue.extra_dir == str(bundled / "vendors")
    # The user's file may still set other keys, and an empty extra_dir.
    user_toml('[ui]\nlanguage = "fr"\n[catalogue]\nextra_dir = ""\n')
    assert load().ui.language == "fr"
