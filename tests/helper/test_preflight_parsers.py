# SPDX-License-Identifier: MIT
"""The parsers of issue 17's sources: current Wi-Fi (netsh, ipconfig, nmcli),
encryption (fdesetup, BitLocker JSON), the MDM NodeCache and the payload names
of macOS profiles. Real outputs in the documented formats, and hypothesis: any
input gives a result or ParseError, never another exception."""

from __future__ import annotations

import json
import plistlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.parsers import ParseError
from helper.parsers.encryption import (
    parse_bitlocker_json,
    parse_fdesetup_status,
    parse_stat_mtime,
    utc_iso,
)
from helper.parsers.network import (
    CurrentWifi,
    parse_ipconfig_summary,
    parse_netsh_wlan_interfaces,
    parse_nmcli_wifi,
)
from helper.parsers.nodecache import classify_uri, nodecache_items
from helper.parsers.profiles_plist import parse_profiles_plist
from helper.parsers.regfile import parse_regfile

NETSH_EN = b"""
There is 1 interface on the system:

    Name                   : Wi-Fi
    Description            : Intel(R) Wi-Fi 6 AX201 160MHz
    GUID                   : 2d6d3a1e-8f0b-4c7e-9a41-3b5f1c2d4e6f
    Physical address       : a4:c3:f0:85:12:9b
    State                  : connected
    SSID                   : Acme Guest
    BSSID                  : 00:11:22:33:44:55
    Network type           : Infrastructure
    Radio type             : 802.11ac
    Authentication         : WPA2-Personal
    Profile                : Acme Guest 2

    Hosted network status  : Not available
"""
NETSH_DISCONNECTED = b"""
There is 1 interface on the system:

    Name                   : Wi-Fi
    Description            : Intel(R) Wi-Fi 6 AX201 160MHz
    GUID                   : 2d6d3a1e-8f0b-4c7e-9a41-3b5f1c2d4e6f
    Physical address       : a4:c3:f0:85:12:9b
    State                  : disconnected
    Radio status           : Hardware On
                             Software On
"""
# Windows 11 24H2 with location services off.
NETSH_LOCATION = (
    b"Network shell commands need location permission to access WLAN information."
    b" Turn on Location services on the Location page in Privacy & security settings."
)


def test_netsh_gives_the_ssid_and_the_profile() -> None:
    assert parse_netsh_wlan_interfaces(NETSH_EN) == CurrentWifi(
        True, "Acme Guest", "Acme Guest 2"
    )


def test_netsh_disconnected_and_no_interface_are_known_answers() -> None:
    assert parse_netsh_wlan_interfaces(NETSH_DISCONNECTED) == CurrentWifi(True)
    no_wifi = b"There is no wireless interface on the system.\r\n"
    assert parse_netsh_wlan_interfaces(no_wifi) == CurrentWifi(True)


def test_netsh_without_location_permission_is_not_known() -> None:
    assert parse_netsh_wlan_interfaces(NETSH_LOCATION).known is False


def test_ipconfig_summary_ssid_redacted_and_not_on_wifi() -> None:
    on = "<dictionary> {\n  InterfaceType : WiFi\n  SSID : Café Lumière\n}\n".encode()
    assert parse_ipconfig_summary(on) == CurrentWifi(True, "Café Lumière")
    redacted = b"<dictionary> {\n  InterfaceType : WiFi\n  SSID : <redacted>\n}\n"
    assert parse_ipconfig_summary(redacted).known is False
    off = b"<dictionary> {\n  InterfaceType : WiFi\n  LinkStatusActive : FALSE\n}\n"
    assert parse_ipconfig_summary(off) == CurrentWifi(True)
    with pytest.raises(ParseError):
        parse_ipconfig_summary(b"ipconfig: usage: ...\n")


def test_nmcli_terse_unescapes_and_picks_the_active_network() -> None:
    data = b"no:Acme-Guest\nyes:Corp\\:Net \\\\ 5G\nno:\n"
    assert parse_nmcli_wifi(data) == CurrentWifi(True, "Corp:Net \\ 5G")
    assert parse_nmcli_wifi(b"") == CurrentWifi(True)
    assert parse_nmcli_wifi(b"no:Acme-Guest\n") == CurrentWifi(True)
    with pytest.raises(ParseError):
        parse_nmcli_wifi(b"Error: NetworkManager is not running.\n")


@pytest.mark.parametrize(
    ("output", "state"),
    [
        (b"FileVault is On.\n", "on"),
        (b"FileVault is Off.\n", "off"),
        (b"Encryption in progress: Percent completed = 42.5\n", "encrypting"),
        (b"Decryption in progress: Percent completed = 7.1\n", "decrypting"),
        (
            b"FileVault is Off.\nDeferred enablement appears to be active "
            b"for user 'ana'.\n",
            "off",
        ),
    ],
)
def test_fdesetup_status(output: bytes, state: str) -> None:
    assert parse_fdesetup_status(output) == state


def test_fdesetup_refuses_other_output() -> None:
    with pytest.raises(ParseError):
        parse_fdesetup_status(b"Error: Unable to get FileVault status.\n")


RP = "{7D9C3A21-6B4E-4F10-8E2D-5A1C9B0F4E63}"


def bitlocker_doc(**volume: object) -> bytes:
    base: dict[str, object] = {
        "MountPoint": "C:",
        "VolumeStatus": "FullyEncrypted",
        "ProtectionStatus": "On",
        "EncryptionPercentage": 100,
        "KeyProtector": [
            {
                "KeyProtectorId": "{3F2504E0-4F89-41D3-9A0C-0305E82C3301}",
                "KeyProtectorType": "Tpm",
            },
            {"KeyProtectorId": RP, "KeyProtectorType": "RecoveryPassword"},
        ],
    }
    base.update(volume)
    backups = volume.pop("backups", []) if "backups" in volume else []
    base.pop("backups", None)
    return json.dumps({"Volume": base, "EntraBackups": backups}).encode()


def test_bitlocker_backed_up_only_when_the_current_protector_was() -> None:
    doc = json.loads(bitlocker_doc())
    assert parse_bitlocker_json(json.dumps(doc).encode()).backed_up_to_entra() is False
    doc["EntraBackups"] = [
        {"TimeCreated": "2026-11-02T09:14:03.0000000Z", "KeyProtectorId": RP.lower()}
    ]
    volume = parse_bitlocker_json(json.dumps(doc).encode())
    assert volume.state == "on" and volume.protection_on is True
    assert volume.backed_up_to_entra() is True
    # A backup of a protector that was since replaced proves nothing.
    doc["EntraBackups"] = [
        {
            "TimeCreated": "2025-01-02T09:14:03Z",
            "KeyProtectorId": "{00000000-1111-2222-3333-444444444444}",
        }
    ]
    assert parse_bitlocker_json(json.dumps(doc).encode()).backed_up_to_entra() is False


def test_bitlocker_enum_numbers_and_utf16() -> None:
    doc = bitlocker_doc(VolumeStatus=2, ProtectionStatus=0, KeyProtector=None)
    volume = parse_bitlocker_json(b"\xff\xfe" + doc.decode().encode("utf-16-le"))
    assert (volume.state, volume.protection_on, volume.protectors) == (
        "encrypting",
        False,
        [],
    )


def test_bitlocker_refuses_other_documents() -> None:
    for bad in (b"[]", b"{}", b'{"Volume": 3}', b"Get-BitLockerVolume : Access denied"):
        with pytest.raises(ParseError):
            parse_bitlocker_json(bad)


def test_nodecache_uris() -> None:
    assert classify_uri("./Vendor/MSFT/WiFi/Profile/Corp%20Net/WlanXml") == (
        "wifi",
        "Corp Net",
        "./Vendor/MSFT/WiFi",
    )
    assert classify_uri("./Device/Vendor/MSFT/VPNv2/Acme VPN/ProfileXML")[:2] == (  # type: ignore[index]
        "vpn",
        "Acme VPN",
    )
    assert classify_uri("./Vendor/MSFT/Policy/Config/Wifi/AllowWiFi") is None
    assert classify_uri("./Vendor/MSFT/WiFi/Profile") is None


def test_nodecache_items_per_provider_without_duplicates() -> None:
    root = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Provisioning\NodeCache\CSP\Device"
    text = "\r\n".join(
        [
            "Windows Registry Editor Version 5.00",
            "",
            f"[{root}\\AirWatchMDM\\Nodes\\1]",
            '"NodeUri"="./Vendor/MSFT/WiFi/Profile/CorpNet/WlanXml"',
            "",
            f"[{root}\\AirWatchMDM\\Nodes\\2]",
            '"NodeUri"="./Vendor/MSFT/WiFi/Profile/CorpNet/Name"',
            "",
            f"[{root}\\MS DM Server\\Nodes\\7]",
            '"NodeUri"="./Vendor/MSFT/WiFi/Profile/Intune-WiFi/WlanXml"',
            "",
            f"[{root}\\MS DM Server\\Nodes\\8]",
            '"NodeUri"=dword:00000001',
            "",
        ]
    )
    items = nodecache_items(parse_regfile(text.encode()))
    assert [(i.provider, i.kind, i.name) for i in items] == [
        ("AirWatchMDM", "wifi", "CorpNet"),
        ("MS DM Server", "wifi", "Intune-WiFi"),
    ]


def test_profile_items_carry_their_names_for_the_user() -> None:
    profiles = {
        "_computerlevel": [
            {
                "ProfileIdentifier": "com.example.net",
                "ProfileItems": [
                    {
                        "PayloadType": "com.apple.wifi.managed",
                        "PayloadContent": {"SSID_STR": "CorpNet"},
                    },
                    # the settings at the item's top level, as some listings print them
                    {"PayloadType": "com.apple.vpn.managed", "UserDefinedName": "VPN"},
                    # a non-text value names nothing
                    {
                        "PayloadType": "com.apple.mail.managed",
                        "PayloadContent": {"EmailAccountDescription": 3},
                    },
                    # other types' content is never read
                    {
                        "PayloadType": "com.apple.TCC.configuration-profile-policy",
                        "PayloadContent": {"SSID_STR": "nope"},
                    },
                ],
            }
        ]
    }
    items = parse_profiles_plist(plistlib.dumps(profiles)).profiles[0].items
    assert [i.content_name for i in items] == ["CorpNet", "VPN", "", ""]


def test_stat_mtime_and_profile_dates_in_utc() -> None:
    assert parse_stat_mtime(b"1710150316\n") == "2024-03-11T09:45:16Z"
    for bad in (b"-5", b"12.5", b"99999999999999", b"stat: No such file"):
        with pytest.raises(ParseError):
            parse_stat_mtime(bad)
    assert utc_iso("2024-03-11 10:45:16 +0100") == "2024-03-11T09:45:16Z"
    assert utc_iso("2024-03-11T09:45:16") == "2024-03-11T09:45:16Z"  # plistlib
    assert utc_iso("11/03/2024") is None and utc_iso(None) is None


PARSERS = (
    parse_stat_mtime,
    parse_netsh_wlan_interfaces,
    parse_ipconfig_summary,
    parse_nmcli_wifi,
    parse_fdesetup_status,
    parse_bitlocker_json,
)


@given(data=st.binary(max_size=1024), which=st.integers(0, len(PARSERS) - 1))
def test_any_bytes_give_a_result_or_parse_error(data: bytes, which: int) -> None:
    try:
        PARSERS[which](data)
    except ParseError:
        pass


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "Volume",
                    "EntraBackups",
                    "VolumeStatus",
                    "ProtectionStatus",
                    "KeyProtector",
                    "KeyProtectorType",
                    "KeyProtectorId",
                    "TimeCreated",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(doc=json_values)
def test_bitlocker_any_json_shape(doc: object) -> None:
    try:
        parse_bitlocker_json(json.dumps(doc).encode())
    except ParseError:
        pass


@given(text=st.text(max_size=300))
def test_any_node_uri_classifies_or_not(text: str) -> None:
    hit = classify_uri(text)
    if hit is not None:
        assert hit[0] in {"wifi", "vpn", "certificate", "mail", "app"}
        assert hit[1]


@given(
    lines=st.lists(
        st.tuples(st.sampled_from(["yes", "no"]), st.text(max_size=40)), max_size=6
    )
)
def test_nmcli_round_trip(lines: list[tuple[str, str]]) -> None:
    def escape(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    clean = [(a, s) for a, s in lines if "\n" not in s and "\r" not in s]
    data = "\n".join(f"{a}:{escape(s)}" for a, s in clean).encode()
    try:
        found = parse_nmcli_wifi(data)
    except ParseError:
        return  # binary-looking text (decode_text refuses it)
    active = [s.strip() for a, s in clean if a == "yes" and s.strip()]
    if found.ssid is not None:
        assert found.ssid in active
