# SPDX-License-Identifier: MIT
"""No drift between the configuration keys and what IT deploys them with.

Every key of ``helper.config.keys.config_keys()`` must have:

- an ADMX policy writing exactly ``registry_value(key)`` (key, value name and
  type), with its strings and presentation in the en-US and fr-FR ADML;
- its place, with the right plist type, in the .mobileconfig template (and the
  plain .plist), whose values the helper's plist reader accepts;
- a commented default in the Linux conffile, which parses when uncommented.

The MSI's properties write the policy values the config reads, only when
given, and its UpgradeCode never changes. Each encoding is also read back
through the helper's own readers (registry, plist, TOML) into a Config.
"""

from __future__ import annotations

import datetime
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from helper import BUNDLE_ID
from helper.config import config_keys, resolve
from helper.config.keys import KEYS, PATH_KEYS, POLICY_KEY, plist_path, registry_value
from helper.config.layers import check_layer
from helper.config.model import Config
from helper.config.policy import PlistPolicy, RegistryPolicy, TomlPolicy
from helper.probe.registry import RegValue
from installers.buildsteps import msi
from tests.packaging.conftest import REPO

WINDOWS = REPO / "installers" / "windows"
ADMX = WINDOWS / "admx" / "IntuneMigrationHelper.admx"
ADML = {
    lang: WINDOWS / "admx" / lang / "IntuneMigrationHelper.adml"
    for lang in ("en-US", "fr-FR")
}
PRODUCT_WXS = WINDOWS / "product.wxs"
MOBILECONFIG = REPO / "installers" / "macos" / f"{BUNDLE_ID}.mobileconfig"
PREFERENCES_PLIST = REPO / "installers" / "macos" / f"{BUNDLE_ID}.plist"
CONFFILE = REPO / "installers" / "linux" / "config.toml"

PD = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
# Generated once; it must never change (Windows finds the installed product by it).
UPGRADE_CODE = "{67576366-CDF7-4C68-98B1-ACBA38156454}"
HKLM = "HKLM\\"


def _registry_path(key: str) -> tuple[str, str, str]:
    """registry_value(key) without the hive: what ADMX and WiX write."""
    path, name, kind = registry_value(key)
    assert path.startswith(HKLM)
    return path[len(HKLM) :], name, kind


# --- ADMX -----------------------------------------------------------------------------


def admx_writes(policy: ET.Element) -> list[tuple[str, str, str]]:
    """(registry key, value name, registry type) each ADMX policy writes."""
    key = policy.attrib["key"]
    writes: list[tuple[str, str, str]] = []
    if "valueName" in policy.attrib:
        enabled = policy.find(f"{PD}enabledValue/{PD}decimal")
        disabled = policy.find(f"{PD}disabledValue/{PD}decimal")
        assert enabled is not None and disabled is not None, policy.attrib["name"]
        assert (enabled.attrib["value"], disabled.attrib["value"]) == ("1", "0")
        writes.append((key, policy.attrib["valueName"], "REG_DWORD"))
    elements = policy.find(f"{PD}elements")
    for element in elements if elements is not None else []:
        tag = element.tag.removeprefix(PD)
        name = element.attrib["valueName"]
        where = element.attrib.get("key", key)
        if tag == "text":
            expandable = element.attrib.get("expandable") == "true"
            writes.append((where, name, "REG_EXPAND_SZ" if expandable else "REG_SZ"))
        elif tag == "decimal":
            assert element.attrib.get("storeAsText", "false") == "false"
            writes.append((where, name, "REG_DWORD"))
        elif tag == "multiText":
            writes.append((where, name, "REG_MULTI_SZ"))
        elif tag == "enum":
            values = element.findall(f"{PD}item/{PD}value/*")
            assert values and all(v.tag == f"{PD}string" for v in values)
            writes.append((where, name, "REG_SZ"))
        else:
            pytest.fail(f"unexpected ADMX element {tag}")
    return writes


def admx_policies() -> dict[str, ET.Element]:
    root = ET.parse(ADMX).getroot()
    return {p.attrib["name"]: p for p in root.iter(f"{PD}policy")}


def test_every_key_has_its_admx_policy_with_the_right_registry_value() -> None:
    written: dict[tuple[str, str], str] = {}
    for name, policy in admx_policies().items():
        assert policy.attrib["class"] == "Machine", name
        for key, value, kind in admx_writes(policy):
            assert (key.lower(), value.lower()) not in written, f"{name}: twice"
            written[(key.lower(), value.lower())] = kind
    expected = {}
    for key in config_keys():
        path, name, kind = _registry_path(key)
        expected[(path.lower(), name.lower())] = (key, kind)
    assert set(written) == set(expected), "ADMX and config_keys() differ"
    for place, kind in written.items():
        key, wanted = expected[place]
        # Paths may be REG_EXPAND_SZ (the reader expands %VARIABLES%).
        allowed = {wanted, "REG_EXPAND_SZ"} if key in PATH_KEYS else {wanted}
        assert kind in allowed, f"{key}: ADMX writes {kind}, the config reads {wanted}"


def test_admx_numbers_have_the_models_ranges() -> None:
    policies = admx_policies()
    ranges = {}
    for policy in policies.values():
        for element in policy.iter(f"{PD}decimal"):
            if "valueName" in element.attrib:
                ranges[element.attrib["valueName"]] = (
                    int(element.attrib["minValue"]),
                    int(element.attrib["maxValue"]),
                )
    assert ranges == {"max_deferrals": (0, 100), "reminder_hours": (1, 8760)}


@pytest.mark.parametrize("lang", sorted(ADML))
def test_adml_defines_every_string_and_presentation(lang: str) -> None:
    admx_text = ADMX.read_text(encoding="utf-8")
    strings_used = set(re.findall(r"\$\(string\.([A-Za-z0-9_]+)\)", admx_text))
    presentations_used = set(
        re.findall(r"\$\(presentation\.([A-Za-z0-9_]+)\)", admx_text)
    )
    root = ET.parse(ADML[lang]).getroot()
    strings = {s.attrib["id"]: s.text or "" for s in root.iter(f"{PD}string")}
    presentations = {p.attrib["id"]: p for p in root.iter(f"{PD}presentation")}
    assert strings_used <= set(strings), strings_used - set(strings)
    assert set(presentations) == presentations_used
    assert all(text.strip() for text in strings.values())
    # Each presentation control refers to an element of its policy.
    element_ids = {
        e.attrib["id"] for e in ET.parse(ADMX).getroot().iter() if "id" in e.attrib
    }
    for presentation in presentations.values():
        for control in presentation:
            assert control.attrib["refId"] in element_ids


def test_french_adml_is_translated() -> None:
    def strings(lang: str) -> dict[str, str]:
        root = ET.parse(ADML[lang]).getroot()
        return {s.attrib["id"]: s.text or "" for s in root.iter(f"{PD}string")}

    en, fr = strings("en-US"), strings("fr-FR")
    assert set(en) == set(fr)
    names = [k for k in en if k.replace("_", ".", 1) in KEYS or k in KEYS]
    untranslated = [k for k in names if en[k] == fr[k]]
    assert len(names) == len(KEYS)
    assert not untranslated


# --- registry, read back by the helper ------------------------------------------------


class Registry:
    """A RegistryReader over {key path: {value name: RegValue}} (case-insensitive)."""

    def __init__(self, keys: dict[str, dict[str, RegValue]]) -> None:
        self.keys = {k.lower(): v for k, v in keys.items()}

    def subkeys(self, path: str) -> list[str]:
        prefix = path.lower() + "\\"
        return sorted(
            {k[len(prefix) :].split("\\")[0] for k in self.keys if k.startswith(prefix)}
        )

    def values(self, path: str) -> dict[str, RegValue] | None:
        if path.lower() in self.keys:
            return {n.lower(): v for n, v in self.keys[path.lower()].items()}
        return {} if self.subkeys(path) else None


def template_settings() -> dict[str, Any]:
    """The managed preferences of the .mobileconfig template."""
    profile = plistlib.loads(MOBILECONFIG.read_bytes())
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.ManagedClient.preferences"
    (forced,) = payload["PayloadContent"][BUNDLE_ID]["Forced"]
    settings: dict[str, Any] = forced["mcx_preference_settings"]
    return settings


def _lookup(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in plist_path(key):
        value = value[part]
    return value


def test_admx_values_read_back_as_the_template_configuration() -> None:
    """GPO writes what the ADMX says; the helper reads the template's config."""
    settings = template_settings()
    keys: dict[str, dict[str, RegValue]] = {}
    for policy in admx_policies().values():
        for path, name, kind in admx_writes(policy):
            key = next(k for k in KEYS if _registry_path(k)[:2] == (path, name))
            value = _lookup(settings, key)
            data: Any
            if kind == "REG_DWORD":
                data = int(value)
            elif kind == "REG_MULTI_SZ":
                data = [
                    ";".join(
                        str(w[f]) for f in ("id", "notify_date", "enforcement_date")
                    )
                    + f";{w.get('name', '')}"
                    for w in value
                ]
            else:
                data = value
            keys.setdefault(f"{HKLM}{path}", {})[name] = RegValue(name, kind, data)
    from_registry = resolve(
        bundled=None, policy=RegistryPolicy(Registry(keys), root=POLICY_KEY)
    )
    from_plist = resolve(bundled=None, policy=template_policy())
    assert from_registry.config == from_plist.config
    assert set(from_registry.sources.values()) == {"policy"}


# --- macOS -------------------------------------------------------------------------


def template_policy(tmp: Path | None = None) -> PlistPolicy:
    import tempfile

    folder = Path(tmp or tempfile.mkdtemp(prefix="mobileconfig-"))
    path = folder / f"{BUNDLE_ID}.plist"
    path.write_bytes(plistlib.dumps(template_settings()))
    return PlistPolicy(path)


def test_mobileconfig_is_a_managed_preferences_profile() -> None:
    profile = plistlib.loads(MOBILECONFIG.read_bytes())
    assert profile["PayloadType"] == "Configuration"
    assert profile["PayloadScope"] == "System"
    assert profile["PayloadIdentifier"].startswith(BUNDLE_ID)
    uuids = [profile["PayloadUUID"], profile["PayloadContent"][0]["PayloadUUID"]]
    assert all(re.fullmatch(r"[0-9A-F-]{36}", u) for u in uuids)
    assert len(set(uuids)) == 2


PLIST_TYPES = {"str": str, "int": int, "bool": bool, "waves": list}


def test_every_key_is_in_the_mobileconfig_with_its_plist_type() -> None:
    settings = template_settings()
    for key, kind in KEYS.items():
        value = _lookup(settings, key)
        assert type(value) is PLIST_TYPES[kind], f"{key}: {type(value).__name__}"
    leaves = set()
    for top, value in settings.items():
        if isinstance(value, dict):
            leaves |= {f"{top}.{name}" for name in value}
        else:
            leaves.add(top)
    assert leaves == set(config_keys())


def test_mobileconfig_values_pass_the_helpers_plist_reader(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    layer = policy.read()
    assert layer is not None
    check_layer(layer)
    resolved = resolve(bundled=None, policy=policy)
    assert set(resolved.sources.values()) == {"policy"}
    assert resolved.config.migration.waves[0].notify_date == datetime.date(2025, 3, 3)


def test_plain_preferences_plist_matches_the_mobileconfig() -> None:
    assert plistlib.loads(PREFERENCES_PLIST.read_bytes()) == template_settings()


# --- Linux conffile ----------------------------------------------------------------


def uncommented(text: str) -> str:
    """The conffile with every commented key and section switched on.

    The example wave's ``[[migration.waves]]`` table replaces ``waves = []``.
    """
    out = []
    for line in text.splitlines():
        match = re.fullmatch(r"# ((\[\[?[a-z_.]+\]\]?)|([a-z_]+ = .+))", line)
        if match and match.group(1) != "waves = []":
            out.append(match.group(1))
    return "\n".join(out) + "\n"


def test_linux_conffile_is_all_commented_and_valid(tmp_path: Path) -> None:
    as_shipped = TomlPolicy(CONFFILE).read()
    assert as_shipped is not None and as_shipped.data == {}
    check_layer(as_shipped)

    path = tmp_path / "config.toml"
    path.write_text(uncommented(CONFFILE.read_text(encoding="utf-8")), encoding="utf-8")
    resolved = resolve(bundled=None, policy=TomlPolicy(path))
    assert set(resolved.sources.values()) == {"policy"}, [
        k for k, v in resolved.sources.items() if v != "policy"
    ]
    defaults = Config()
    assert resolved.config.enrollment == defaults.enrollment
    assert resolved.config.organization == defaults.organization
    assert resolved.config.migration.max_deferrals == defaults.migration.max_deferrals


# --- Windows installer -------------------------------------------------------------


def wxs() -> ET.Element:
    return ET.parse(PRODUCT_WXS).getroot()


def test_upgrade_code_is_pinned() -> None:
    product = wxs().find(f"{WIX}Product")
    assert product is not None
    assert product.attrib["UpgradeCode"] == UPGRADE_CODE == msi.UPGRADE_CODE
    assert product.attrib["Id"] == "*"  # a new ProductCode per build: major upgrades
    package = product.find(f"{WIX}Package")
    assert package is not None and package.attrib["InstallScope"] == "perMachine"
    upgrade = product.find(f"{WIX}MajorUpgrade")
    assert (
        upgrade is not None
        and "newer version" in upgrade.attrib["DowngradeErrorMessage"]
    )


# Properties the issue and the admin guide name, and their keys.
MSI_PROPERTIES = {
    "TENANTID": "tenant.tenant_id",
    "CLIENTID": "tenant.client_id",
    "COLLECTORURL": "reporting.collector_url",
    "CAMPAIGN": "migration.campaign_id",
    "REPORTING": "reporting.enabled",
    "APISCOPE": "reporting.api_scope",
}
WIX_TYPES = {"string": "REG_SZ", "integer": "REG_DWORD"}


def msi_policy_components() -> dict[str, tuple[str, ET.Element]]:
    """Property → (component condition, RegistryValue) of the Policy_* components."""
    out = {}
    for component in wxs().iter(f"{WIX}Component"):
        if not component.attrib["Id"].startswith("Policy_"):
            continue
        condition = component.find(f"{WIX}Condition")
        value = component.find(f"{WIX}RegistryValue")
        assert condition is not None and condition.text and value is not None
        out[component.attrib["Id"].removeprefix("Policy_")] = (condition.text, value)
    return out


def test_msi_properties_write_the_policy_values_only_when_given() -> None:
    components = msi_policy_components()
    assert set(MSI_PROPERTIES) <= set(components)
    for prop, (condition, value) in components.items():
        assert condition.strip() == prop
        assert value.attrib["Root"] == "HKLM"
        assert value.attrib["Value"] == f"[{prop}]"
        assert value.attrib["KeyPath"] == "yes"
        place = (value.attrib["Key"], value.attrib["Name"])
        key = next((k for k in KEYS if _registry_path(k)[:2] == place), None)
        assert key is not None, f"{prop} writes {place}, which the helper never reads"
        assert WIX_TYPES[value.attrib["Type"]] == _registry_path(key)[2], prop
        if prop in MSI_PROPERTIES:
            assert key == MSI_PROPERTIES[prop]


def test_msi_properties_are_remembered_for_upgrades() -> None:
    root = wxs()
    searches = {
        p.attrib["Id"]: p.find(f"{WIX}RegistrySearch")
        for p in root.iter(f"{WIX}Property")
    }
    actions = {
        custom.attrib["Action"]: custom
        for name in ("InstallUISequence", "InstallExecuteSequence")
        for sequence in root.iter(f"{WIX}{name}")
        for custom in sequence
    }
    for prop, (_, value) in msi_policy_components().items():
        search = searches[f"SAVED_{prop}"]
        assert search is not None
        assert (search.attrib["Key"], search.attrib["Name"]) == (
            value.attrib["Key"],
            value.attrib["Name"],
        )
        assert search.attrib["Win64"] == "yes"
        restore = [a for a in actions if a.startswith(f"Restore_{prop}")]
        assert restore, prop
        for action in restore:
            sequence = int(actions[action].attrib["Sequence"])
            assert 50 < sequence < 100  # after AppSearch, before LaunchConditions


def test_msi_values_read_back_by_the_helper() -> None:
    """What a silent install with the four documented properties leaves."""
    given = {
        "TENANTID": "11111111-2222-3333-4444-555555555555",
        "CLIENTID": "66666666-7777-8888-9999-000000000000",
        "COLLECTORURL": "https://collector.contoso.example",
        "CAMPAIGN": "2025-emm-exit",
        "REPORTING": "1",  # Default_REPORTING: COLLECTORURL alone turns it on
    }
    keys: dict[str, dict[str, RegValue]] = {}
    for prop, (_, value) in msi_policy_components().items():
        if prop not in given:
            continue
        kind = WIX_TYPES[value.attrib["Type"]]
        data: Any = int(given[prop]) if kind == "REG_DWORD" else given[prop]
        name = value.attrib["Name"]
        keys.setdefault(f"{HKLM}{value.attrib['Key']}", {})[name] = RegValue(
            name, kind, data
        )
    config = resolve(bundled=None, policy=RegistryPolicy(Registry(keys))).config
    assert config.tenant.tenant_id == given["TENANTID"]
    assert config.tenant.client_id == given["CLIENTID"]
    assert config.reporting.collector_url == given["COLLECTORURL"]
    assert config.reporting.enabled is True
    assert config.migration.campaign_id == given["CAMPAIGN"]


def test_admin_guide_lists_the_msi_properties() -> None:
    guide = (REPO / "docs" / "admin-guide.md").read_text(encoding="utf-8")
    for prop in msi_policy_components():
        assert f"`{prop}`" in guide, prop


# --- desktop integration -----------------------------------------------------------


def test_desktop_file_is_named_after_the_bundle_id() -> None:
    desktop = REPO / "installers" / "linux" / f"{BUNDLE_ID}.desktop"
    entries = dict(
        line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line
    )
    assert entries["Icon"] == BUNDLE_ID
    assert entries["Exec"].split()[0] == "intune-migration-helper"
    assert (REPO / "resources" / "icons" / f"{BUNDLE_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(desktop)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_appstream_metainfo_is_valid() -> None:
    metainfo = REPO / "installers" / "linux" / f"{BUNDLE_ID}.metainfo.xml"
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == BUNDLE_ID
    assert root.findtext("launchable") == f"{BUNDLE_ID}.desktop"
    if shutil.which("appstreamcli"):
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(metainfo)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout


# --- the admin guide's key table -----------------------------------------------------

TABLE_START = "<!-- keys-table:start (generated by tests/packaging) -->"
TABLE_END = "<!-- keys-table:end -->"


def keys_table() -> str:
    """The admin guide's table: every key and its name in each policy encoding."""
    adml = ET.parse(ADML["en-US"]).getroot()
    strings = {s.attrib["id"]: s.text or "" for s in adml.iter(f"{PD}string")}
    categories = {
        c.attrib["name"]: strings[c.attrib["displayName"][len("$(string.") : -1]]
        for c in ET.parse(ADMX).getroot().iter(f"{PD}category")
    }
    by_place = {}
    for name, policy in admx_policies().items():
        category = policy.find(f"{PD}parentCategory")
        assert category is not None
        for path, value, _ in admx_writes(policy):
            by_place[(path, value)] = (
                f"{categories[category.attrib['ref']]} / " + (strings[name])
            )
    msi = {
        (value.attrib["Key"], value.attrib["Name"]): prop
        for prop, (_, value) in msi_policy_components().items()
    }
    rows = [
        "| Key | GPO / Intune policy (ADMX) | Registry value (type) | "
        "macOS plist key | MSI property |",
        "|---|---|---|---|---|",
    ]
    for key in config_keys():
        path, name, kind = _registry_path(key)
        sub = path.removeprefix("SOFTWARE\\Policies\\IntuneMigrationHelper")
        where = f"`…{sub}`, `{name}`" if sub else f"`…`, `{name}`"
        prop = msi.get((path, name))
        rows.append(
            f"| `{key}` | {by_place[(path, name)]} | {where} ({kind}) | "
            f"`{' → '.join(plist_path(key))}` | {f'`{prop}`' if prop else '-'} |"
        )
    return "\n".join(rows)


def test_admin_guide_key_table_is_current() -> None:
    guide = (REPO / "docs" / "admin-guide.md").read_text(encoding="utf-8")
    start = guide.index(TABLE_START) + len(TABLE_START)
    end = guide.index(TABLE_END)
    assert guide[start:end].strip() == keys_table(), (
        "docs/admin-guide.md: regenerate the key table with "
        "`python -c 'from tests.packaging.test_policies_no_drift import keys_table; "
        "print(keys_table())'`"
    )
