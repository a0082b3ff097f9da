# SPDX-License-Identifier: MIT
"""Parsers of the evidence behind a truthful "done": the Windows local
Administrators listing, Platform SSO's state and the Workplace Join record on a
Mac. Each raises only ParseError, whatever it is given."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.parsers import ParseError
from helper.parsers.local_admins import LocalAdmin, parse_local_admins
from helper.parsers.macos_registration import (
    MICROSOFT_EXTENSION,
    parse_app_sso_platform,
    parse_keychain_item,
)
from tests.helper.test_macos_probe import SSO_NONE, SSO_REGISTERED, TENANT, WPJ_FOUND
from tests.helper.test_windows_probe import ADMINS_JSON

PARSERS = [parse_local_admins, parse_app_sso_platform, parse_keychain_item]


@pytest.mark.parametrize("parser", PARSERS)
@given(data=st.binary(max_size=2048))
def test_only_parse_error_on_bytes(parser, data: bytes) -> None:  # type: ignore[no-untyped-def]
    try:
        parser(data)
    except ParseError:
        pass


@pytest.mark.parametrize("parser", PARSERS)
@given(text=st.text(max_size=2048))
def test_only_parse_error_on_text(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    for encoding in ("utf-8", "utf-16"):
        try:
            parser(text.encode(encoding))
        except ParseError:
            pass


# --- local administrators ------------------------------------------------------------


def test_local_admins_from_the_probe() -> None:
    members = parse_local_admins(ADMINS_JSON)
    assert [m.name for m in members] == [
        "PC-ANA\\Administrator",
        "PC-ANA\\ana",
        "AzureAD\\AnaLopez",
    ]
    assert [m.usable_local_account for m in members] == [False, True, False]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # ConvertTo-Json prints one object, not a list, when piped one member.
        (
            {"Name": "PC\\it-admin", "PrincipalSource": "Local", "Enabled": True},
            [LocalAdmin("PC\\it-admin", "", "Local", True)],
        ),
        # The enum as a number (PrincipalSource not cast to text).
        (
            [{"Name": "CONTOSO\\Domain Admins", "PrincipalSource": 2}],
            [LocalAdmin("CONTOSO\\Domain Admins", "", "ActiveDirectory", None)],
        ),
        ([], []),
    ],
)
def test_local_admins_shapes(doc: object, expected: list[LocalAdmin]) -> None:
    data = json.dumps(doc).encode("utf-16")  # Out-File writes UTF-16 with a BOM
    assert parse_local_admins(data) == expected


@pytest.mark.parametrize(
    "doc", [{"SID": "S-1-5-32-544"}, [1, 2], "text", [{"Name": "x", "Enabled": "yes"}]]
)
def test_local_admins_refuses_what_is_not_a_listing(doc: object) -> None:
    with pytest.raises(ParseError):
        parse_local_admins(json.dumps(doc).encode())


# --- Platform SSO and Workplace Join -------------------------------------------------


def test_platform_sso_registered() -> None:
    state = parse_app_sso_platform(SSO_REGISTERED)
    assert state.configured and state.registered
    assert state.extension == MICROSOFT_EXTENSION
    assert state.entra_registered
    assert state.tenant_id == TENANT


def test_platform_sso_not_configured() -> None:
    state = parse_app_sso_platform(SSO_NONE)
    assert not state.configured and not state.entra_registered


def test_platform_sso_with_another_identity_provider_is_not_entra() -> None:
    text = SSO_REGISTERED.replace(
        MICROSOFT_EXTENSION.encode(), b"com.okta.mobile.auth-service-extension"
    )
    state = parse_app_sso_platform(text)
    assert state.registered and not state.entra_registered


def test_platform_sso_truncated_output_still_tells() -> None:
    cut = SSO_REGISTERED[: SSO_REGISTERED.index(b'"sdkVersionString"')]
    state = parse_app_sso_platform(cut)
    assert state.entra_registered


def test_platform_sso_registration_pending() -> None:
    pending = SSO_REGISTERED.replace(
        b'"registrationCompleted" : true', b'"registrationCompleted" : false'
    )
    assert not parse_app_sso_platform(pending).entra_registered


def test_workplace_join_record() -> None:
    item = parse_keychain_item(WPJ_FOUND)
    assert item.item_class == "genp"
    assert item.workplace_join


def test_other_keychain_item_is_not_workplace_join() -> None:
    other = WPJ_FOUND.replace(
        b'"acct"<blob>="com.microsoft.workplacejoin.thumbprint"',
        b'"acct"<blob>="ana"',
    )
    assert not parse_keychain_item(other).workplace_join


@pytest.mark.parametrize(
    "data",
    [
        b"security: SecKeychainSearchCopyNext: The specified item could not be found"
        b" in the keychain.\n",
        b"Device Configuration",
    ],
)
def test_registration_parsers_refuse_other_outputs(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_keychain_item(data)
    with pytest.raises(ParseError):
        parse_app_sso_platform(data)
