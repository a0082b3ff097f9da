# SPDX-License-Identifier: MIT
"""The vendor catalogue: the shipped data (resources/vendors/) and its lookups.

The data tests keep the catalogue honest: every file loads, every OS section either
carries a signature or says why not, every signature carries a source tag, no legacy
vendor can claim an Intune host, and no two vendors claim the same signature.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.provisional import domains

from helper.catalogue import (
    Catalogue,
    OsSignatures,
    Vendor,
    host_matches,
    load_catalogue,
    url_host,
)
from helper.errors import CatalogueError
from helper.resources import resource_path
from tests.conftest import REPO

VENDOR_DIR = resource_path("vendors")
VENDOR_FILES = sorted(VENDOR_DIR.glob("*.toml"))
OSES = ("windows", "macos", "linux")

REQUIRED_IDS = {
    "intune",
    "workspace-one",
    "ivanti-mobileiron",
    "blackberry-uem",
    "citrix-endpoint-management",
    "ibm-maas360",
    "soti-mobicontrol",
    "jamf-pro",
    "kandji",
    "mosyle",
    "jumpcloud",
    "addigy",
    "hexnode",
    "simplemdm",
    "meraki-sm",
    "google-endpoint-management",
    "manageengine",
    "fleet",
    "filewave",
}
APPLE_ONLY = {"jamf-pro", "kandji", "mosyle"}
INTUNE_HOSTS = (
    "enrollment.manage.microsoft.com",
    "i.manage.microsoft.com",
    "login.microsoftonline.com",
)
# Fields that identify a vendor (everything but the bookkeeping ones).
SIGNATURE_FIELDS = (
    "provider_ids",
    "server_hosts",
    "url_keywords",
    "profile_identifiers",
    "profile_uuids",
    "bundle_ids",
    "launchd_labels",
    "paths",
    "services",
    "uninstall_names",
    "registry_keys",
    "packages",
)
# Signatures strong enough to call a section "supported"; keywords are not.
STRONG_FIELDS = tuple(f for f in SIGNATURE_FIELDS if f != "url_keywords")
AGENT_KINDS = {
    "paths": "path",
    "bundle_ids": "bundle",
    "launchd_labels": "launchd",
    "services": "service",
    "uninstall_names": "uninstall",
    "registry_keys": "registry-key",
    "packages": "package",
}
TAG = re.compile(r"\[(DOC|CODE|COMMUNITY|UNVERIFIED)[\] ,]")
SECTION = re.compile(r"^\[(\w+)\]\s*$")


@pytest.fixture
def catalogue() -> Catalogue:
    # Function-scoped on purpose: load_catalogue may write a cache into the user
    # cache folder, which the autouse ``helper_home`` fixture points at tmp_path.
    return load_catalogue()


def sections(cat: Catalogue) -> list[tuple[Vendor, str, OsSignatures]]:
    return [(v, os_name, v.on(os_name)) for v in cat for os_name in OSES]


def concrete(pattern: str) -> str:
    """An example value matching a glob pattern."""
    return pattern.replace("*", "example")


def host_for(pattern: str) -> str:
    """A host that a host pattern matches (a subdomain for wildcards)."""
    return "mdm-test." + pattern[2:] if pattern.startswith("*.") else pattern


# --------------------------------------------------------------------------- data


def test_every_file_loads_and_every_required_vendor_is_present(
    catalogue: Catalogue,
) -> None:
    assert {p.stem for p in VENDOR_FILES} == set(catalogue.vendors)
    assert REQUIRED_IDS <= set(catalogue.vendors)
    for vendor_id, vendor in catalogue.vendors.items():
        assert vendor.id == vendor_id
        assert vendor.name.strip(), vendor_id


def test_intune_is_the_only_target(catalogue: Catalogue) -> None:
    assert [v.id for v in catalogue if v.role == "target"] == ["intune"]


@pytest.mark.parametrize("vendor_id", sorted(REQUIRED_IDS))
def test_each_os_section_has_a_signature_or_says_why_not(
    catalogue: Catalogue, vendor_id: str
) -> None:
    vendor = catalogue.get(vendor_id)
    assert vendor is not None
    for os_name in OSES:
        sig = vendor.on(os_name)
        where = f"{vendor_id}.{os_name}"
        if sig.supported:
            assert any(getattr(sig, f) for f in STRONG_FIELDS), (
                f"{where}: supported but no signature"
            )
            assert sig.removal_note.strip(), f"{where}: no removal_note"
        else:
            assert sig.note.strip(), f"{where}: unsupported without a note"
            # Only weak keywords may sit in an unsupported section.
            assert not any(getattr(sig, f) for f in STRONG_FIELDS), where


@pytest.mark.parametrize("vendor_id", sorted(APPLE_ONLY))
def test_apple_only_vendors_are_unsupported_elsewhere(
    catalogue: Catalogue, vendor_id: str
) -> None:
    vendor = catalogue.get(vendor_id)
    assert vendor is not None
    assert vendor.macos.supported
    for os_name in ("windows", "linux"):
        sig = vendor.on(os_name)
        assert not sig.supported
        assert "Apple devices only" in sig.note


@pytest.mark.parametrize("path", VENDOR_FILES, ids=lambda p: p.stem)
def test_every_signature_section_carries_a_source_tag(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    comments: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        header = SECTION.match(line)
        if header:
            current = header.group(1)
            comments.setdefault(current, [])
        elif line.lstrip().startswith("#"):
            comments[current].append(line)
    assert any(TAG.search(c) for lines in comments.values() for c in lines), path
    for os_name in OSES:
        section = data.get(os_name, {})
        if any(section.get(f) for f in SIGNATURE_FIELDS):
            assert any(TAG.search(c) for c in comments.get(os_name, [])), (
                f"{path.name} [{os_name}]: signatures without a source tag comment"
            )


def test_no_legacy_signature_matches_an_intune_host(catalogue: Catalogue) -> None:
    for vendor, os_name, sig in sections(catalogue):
        if vendor.role == "target":
            continue
        for host in INTUNE_HOSTS:
            for pattern in sig.server_hosts:
                assert not host_matches(pattern, host), (vendor.id, os_name, pattern)
            for keyword in sig.url_keywords:
                assert keyword.lower() not in host, (vendor.id, os_name, keyword)
    for host in INTUNE_HOSTS[:2]:
        for os_name in ("windows", "macos"):
            found = catalogue.by_host(host, os_name)
            assert found is not None
            assert found.id == "intune"


@pytest.mark.parametrize(
    ("field", "normalise"),
    [
        ("provider_ids", str.lower),
        ("server_hosts", str.lower),
        ("url_keywords", str.lower),
        ("profile_uuids", str.upper),
        ("profile_identifiers", str.lower),
        ("services", str.lower),
        ("packages", str.lower),
    ],
)
def test_no_two_vendors_share_a_signature(
    catalogue: Catalogue, field: str, normalise: Callable[[str], str]
) -> None:
    owner: dict[str, str] = {}
    for vendor in catalogue:
        values = {
            normalise(value)
            for os_name in OSES
            for value in getattr(vendor.on(os_name), field)
        }
        for value in values:
            assert value not in owner, (field, value, owner.get(value), vendor.id)
            owner[value] = vendor.id


def test_no_host_pattern_overlaps_another_vendors(catalogue: Catalogue) -> None:
    patterns = [
        (v.id, p) for v, _, sig in sections(catalogue) for p in sig.server_hosts
    ]
    for vendor_id, pattern in patterns:
        for other_id, other in patterns:
            if other_id != vendor_id:
                assert not host_matches(other, host_for(pattern)), (pattern, other)
                assert not host_matches(other, pattern.removeprefix("*.")), (
                    pattern,
                    other,
                )


def test_removable_is_never_yes_without_a_reason(catalogue: Catalogue) -> None:
    for vendor, os_name, sig in sections(catalogue):
        if sig.removable == "yes":
            assert sig.supported, (vendor.id, os_name)
            assert sig.removal_note.strip(), (vendor.id, os_name)


# ------------------------------------------------------------------------ lookups


def test_by_provider_id_is_case_insensitive(catalogue: Catalogue) -> None:
    cases = {
        "MS DM Server": "intune",
        "ms dm server": "intune",
        "AirWatchMDM": "workspace-one",
        "AirwatchMDM": "workspace-one",
        " airwatchmdm ": "workspace-one",
        "FLEET": "fleet",
        "fleet": "fleet",
    }
    for provider_id, vendor_id in cases.items():
        found = catalogue.by_provider_id(provider_id)
        assert found is not None, provider_id
        assert found.id == vendor_id
    assert catalogue.by_provider_id("Some Other MDM") is None
    assert catalogue.by_provider_id("") is None


def test_every_provider_id_finds_its_vendor(catalogue: Catalogue) -> None:
    for vendor in catalogue:
        for provider_id in vendor.windows.provider_ids:
            found = catalogue.by_provider_id(provider_id.swapcase())
            assert found is not None
            assert found.id == vendor.id


def test_by_url_finds_the_vendor_of_every_host_pattern(catalogue: Catalogue) -> None:
    for vendor, os_name, sig in sections(catalogue):
        for pattern in sig.server_hosts:
            host = host_for(pattern)
            for url in (
                f"https://{host}/mdm/checkin",
                f"https://{host.upper()}:443/path?x=1",
                f"https://{pattern.removeprefix('*.')}/",
                host,
            ):
                for lookup_os in OSES:
                    found = catalogue.by_url(url, lookup_os)
                    assert found is not None, (url, vendor.id)
                    assert found.id == vendor.id, (url, os_name, lookup_os, found.id)


@pytest.mark.parametrize(
    ("url", "vendor_id"),
    [
        ("https://acme.jamfcloud.com//computer/mdm", "jamf-pro"),
        ("https://ds1234.awmdm.com/DeviceServices", "workspace-one"),
        (
            "https://deviceenrollmentforwindows.googleapis.com/v1/discovery",
            "google-endpoint-management",
        ),
        ("https://m.google.com/devicemanagement", "google-endpoint-management"),
        ("https://m.meraki.com/mdm", "meraki-sm"),
        ("https://mdm.addigy.com/mdm/checkin", "addigy"),
        ("https://enrollment.manage.microsoft.com/enrollmentserver", "intune"),
        # Weak keyword heuristics (signatures.md §1, §3.5).
        ("https://mdm.mobileiron.example.net/x", "ivanti-mobileiron"),
        ("https://services.fiberlink.com/", "ibm-maas360"),
        ("https://services.m3.maas360.com/", "ibm-maas360"),
        ("https://mobicontrol.corp.example/", "soti-mobicontrol"),
        ("https://xenmobile.corp.example/zdm", "citrix-endpoint-management"),
        ("https://jss.corp.example:8443/mdm", "jamf-pro"),
    ],
)
def test_by_url_examples(catalogue: Catalogue, url: str, vendor_id: str) -> None:
    found = catalogue.by_url(url, "windows")
    assert found is not None, url
    assert found.id == vendor_id


def test_by_url_does_not_guess(catalogue: Catalogue) -> None:
    for url in (
        "https://mdm.corp.example/",
        "https://www.google.com/",
        "https://googleapis.com/",
        "https://fleet.corp.example/api/mdm/microsoft/discovery",
        "https://acme.fleetsmith.com/",
        "",
        "   ",
    ):
        assert catalogue.by_url(url, "macos") is None, url


def test_every_keyword_finds_only_its_vendor(catalogue: Catalogue) -> None:
    for vendor, _, sig in sections(catalogue):
        for keyword in sig.url_keywords:
            found = catalogue.by_url(f"https://mdm.{keyword}.example.net/", "macos")
            assert found is not None, keyword
            assert found.id == vendor.id, (keyword, found.id)


def test_by_profile(catalogue: Catalogue) -> None:
    def vendor_of(identifier: str, uuid: str) -> str | None:
        found = catalogue.by_profile(identifier, uuid)
        return found.id if found else None

    jamf_uuid = "00000000-0000-0000-a000-4a414d460003"
    assert vendor_of("", jamf_uuid) == "jamf-pro"
    assert vendor_of("", "00000000-0000-0000-A000-4A414D460004") == "jamf-pro"
    assert vendor_of(jamf_uuid.upper(), "") == "jamf-pro"
    assert vendor_of("com.jamfsoftware.tcc.management", "") == "jamf-pro"
    assert vendor_of("", "bca53f9d-5dd2-494d-98d3-0d0f20ff6ba1") == "fleet"
    assert vendor_of("io.kandji.mdm.profile", "") == "kandji"
    assert vendor_of("com.mosyle.macos.config", "") == "mosyle"
    assert vendor_of("com.jumpcloud.mdm.enroll", "") == "jumpcloud"
    assert vendor_of("com.filewave.profile", "") == "filewave"
    assert vendor_of("com.meraki.sm.mdm", "") == "meraki-sm"
    assert vendor_of("com.unwiredmdm.mobileconfig.profile-service", "") == "simplemdm"
    assert vendor_of("", "67a5265b-12d4-4eb5-a2b3-72c683e33bcf") == "intune"
    assert vendor_of("com.example.wifi", "") is None
    assert vendor_of("", "") is None


def test_every_profile_signature_finds_its_vendor(catalogue: Catalogue) -> None:
    for vendor, os_name, sig in sections(catalogue):
        for uuid in sig.profile_uuids:
            found = catalogue.by_profile("", uuid.lower(), os_name)
            assert found is not None
            assert found.id == vendor.id, uuid
        for identifier in sig.profile_identifiers:
            found = catalogue.by_profile(concrete(identifier).upper(), "", os_name)
            assert found is not None
            assert found.id == vendor.id, identifier


def test_by_agent_normalises_paths_and_case(catalogue: Catalogue) -> None:
    def vendor_of(kind: str, value: str, os_name: str) -> str | None:
        found = catalogue.by_agent(kind, value, os_name)
        return found.id if found else None

    assert vendor_of("path", "c:/programdata/airwatch/", "windows") == "workspace-one"
    assert vendor_of("path", "C:\\PROGRAMDATA\\AIRWATCH\\", "windows") == (
        "workspace-one"
    )
    assert vendor_of("registry-key", "hklm/software/airwatch", "windows") == (
        "workspace-one"
    )
    assert vendor_of("path", "/USR/LOCAL/JAMF/BIN/JAMF", "macos") == "jamf-pro"
    assert vendor_of("path", "/Library/Kandji/", "macos") == "kandji"
    assert vendor_of("launchd", "io.kandji.kandji-agent", "macos") == "kandji"
    assert (
        vendor_of("service", "manageengine desktop central - agent", "windows")
        == "manageengine"
    )
    assert vendor_of("service", "IntuneManagementExtension", "windows") == "intune"
    assert vendor_of("package", "intune-portal", "linux") == "intune"
    assert (
        vendor_of("uninstall", "Workspace ONE Intelligent Hub Installer", "windows")
        == "workspace-one"
    )
    # Wrong OS, unknown kind, unknown value.
    assert vendor_of("path", "/usr/local/jamf/bin/jamf", "windows") is None
    assert vendor_of("certificate", "anything", "macos") is None
    assert vendor_of("path", "/Applications/Safari.app", "macos") is None


def test_every_agent_signature_finds_its_vendor(catalogue: Catalogue) -> None:
    for vendor, os_name, sig in sections(catalogue):
        for field, kind in AGENT_KINDS.items():
            for pattern in getattr(sig, field):
                value = concrete(pattern)
                if kind in ("path", "registry-key"):
                    value = value.replace("/", "\\").upper() + "\\"
                found = catalogue.by_agent(kind, value, os_name)
                assert found is not None, (vendor.id, kind, value)
                assert found.id == vendor.id, (kind, value, found.id)


# ----------------------------------------------------------------- extra directory

JAMF_OVERRIDE = """\
# [UNVERIFIED] test override
id = "jamf-pro"
name = "Jamf Pro (on-premises)"

[macos]
server_hosts = ["jamf.corp.example"]
"""

NEW_VENDOR = """\
# [UNVERIFIED] test vendor
id = "acme-mdm"
name = "Acme MDM"

[windows]
provider_ids = ["AcmeMDM"]
server_hosts = ["*.acme-mdm.example"]
"""


def test_extra_directory_adds_a_vendor(tmp_path: Path) -> None:
    (tmp_path / "acme-mdm.toml").write_text(NEW_VENDOR, encoding="utf-8")
    (tmp_path / "README.txt").write_text("not a vendor", encoding="utf-8")
    cat = load_catalogue(tmp_path)
    assert set(cat.vendors) == REQUIRED_IDS | {"acme-mdm"}
    found = cat.by_provider_id("acmemdm")
    assert found is not None
    assert found.name == "Acme MDM"
    found = cat.by_url("https://eu.acme-mdm.example/discovery", "windows")
    assert found is not None
    assert found.id == "acme-mdm"


def test_extra_directory_overrides_a_builtin_vendor(tmp_path: Path) -> None:
    (tmp_path / "jamf-pro.toml").write_text(JAMF_OVERRIDE, encoding="utf-8")
    cat = load_catalogue(tmp_path)
    assert set(cat.vendors) == REQUIRED_IDS
    jamf = cat.get("jamf-pro")
    assert jamf is not None
    assert jamf.name == "Jamf Pro (on-premises)"
    found = cat.by_url("https://jamf.corp.example:8443/mdm", "macos")
    assert found is not None
    assert found.id == "jamf-pro"
    # The override replaces the whole file: the built-in signatures are gone.
    assert cat.by_url("https://acme.jamfcloud.com/", "macos") is None
    assert cat.by_profile("", "00000000-0000-0000-A000-4A414D460003") is None
    # The built-in catalogue is untouched.
    builtin = load_catalogue().get("jamf-pro")
    assert builtin is not None
    assert builtin.name == "Jamf Pro"


def test_missing_extra_directory_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(CatalogueError) as info:
        load_catalogue(missing)
    assert str(missing) in str(info.value)
    assert info.value.code == "catalogue-invalid"


@pytest.mark.parametrize(
    ("file_name", "text", "expected"),
    [
        pytest.param(
            "bad.toml",
            'id = "bad"\nname = \n',
            ["not valid TOML", "line 2"],
            id="bad-toml",
        ),
        pytest.param(
            "acme.toml",
            'id = "acme"\nname = "Acme"\ncolour = "red"\n',
            ["colour"],
            id="unknown-top-level-key",
        ),
        pytest.param(
            "acme.toml",
            'id = "acme"\nname = "Acme"\n[macos]\nserver_host = ["a.example"]\n',
            ["server_host", "$.macos"],
            id="unknown-os-key",
        ),
        pytest.param(
            "acme.toml",
            'id = "acme"\nname = "Acme"\n[windows]\nprovider_ids = "AcmeMDM"\n',
            ["$.windows.provider_ids", "array"],
            id="wrong-type",
        ),
        pytest.param(
            "acme.toml",
            'id = "acme"\nname = "Acme"\n[linux]\nremovable = "maybe"\n',
            ["$.linux.removable", "maybe"],
            id="bad-removable",
        ),
        pytest.param(
            "acme.toml",
            'id = "acme"\nname = "Acme"\nrole = "source"\n',
            ["$.role"],
            id="bad-role",
        ),
        pytest.param(
            "acme.toml",
            'id = "acme"\n',
            ["name"],
            id="missing-name",
        ),
        pytest.param(
            "acme.toml",
            'id = "other"\nname = "Acme"\n',
            ["id", "'other'", "'acme'"],
            id="id-not-file-name",
        ),
    ],
)
def test_invalid_extra_file_names_file_and_key(
    tmp_path: Path, file_name: str, text: str, expected: list[str]
) -> None:
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    message = str(info.value)
    assert info.value.code == "catalogue-invalid"
    assert str(path) in message
    for part in expected:
        assert part in message, (part, message)


def test_undecodable_extra_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_bytes(b'id = "acme"\nname = "\xff\xfe"\n')
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert str(path) in str(info.value)


# ------------------------------------------------------------------ host helpers


def test_url_host_examples() -> None:
    assert url_host("https://Acme.JamfCloud.com//computer/mdm") == "acme.jamfcloud.com"
    assert url_host("https://user:pw@host.example:8443/x") == "host.example"
    assert url_host("host.example/path?q#f") == "host.example"
    assert url_host("https://[2001:DB8::1]:443/") == "2001:db8::1"
    assert url_host("") is None
    assert url_host("https://") is None


def test_host_matches_examples() -> None:
    assert host_matches("*.jamfcloud.com", "jamfcloud.com")
    assert host_matches("*.jamfcloud.com", "acme.JAMFCLOUD.com.")
    assert not host_matches("*.jamfcloud.com", "evil-jamfcloud.com")
    assert not host_matches("*.jamfcloud.com", "jamfcloud.com.evil.example")
    assert host_matches("m.google.com", "M.Google.Com")
    assert not host_matches("m.google.com", "x.m.google.com")


@given(st.text())
def test_url_host_never_raises(text: str) -> None:
    host = url_host(text)
    if host is not None:
        assert host
        assert host == host.lower()
        assert not set(host) & set("/?#")


@given(st.text(), st.text())
def test_host_matches_never_raises(pattern: str, host: str) -> None:
    assert isinstance(host_matches(pattern, host), bool)


@given(st.text())
def test_a_host_matches_its_own_wildcard(host: str) -> None:
    # A host has at least one character besides the trailing dots host_matches strips.
    assume(host.rstrip("."))
    assert host_matches("*." + host, host)
    assert host_matches("*." + host, "sub." + host)


@given(domains())
def test_url_host_round_trips_a_domain(domain: str) -> None:
    assert url_host(f"https://{domain}:443/path?q=1#f") == domain.lower()
    assert url_host(domain) == domain.lower()
    assert host_matches("*." + domain, domain)
    assert host_matches(domain, domain.upper())


# --------------------------------------------------------------------------- docs


def test_docs_cover_every_vendor(catalogue: Catalogue) -> None:
    text = (REPO / "docs" / "vendors.md").read_text(encoding="utf-8")
    for vendor in catalogue:
        assert vendor.name in text, vendor.name
        assert f"`{vendor.id}`" in text, vendor.id


def test_docs_examples_are_valid_vendor_files(tmp_path: Path) -> None:
    text = (REPO / "docs" / "vendors.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.DOTALL)
    assert blocks
    for block in blocks:
        name = re.search(r"vendors/([\w-]+\.toml)", block)
        assert name, block
        (tmp_path / name.group(1)).write_text(block, encoding="utf-8")
    cat = load_catalogue(tmp_path)
    assert len(cat.vendors) == len(REQUIRED_IDS) + 1
    found = cat.by_url("https://jss.contoso.com:8443/", "macos")
    assert found is not None
    assert found.id == "jamf-pro"
