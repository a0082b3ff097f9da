# SPDX-License-Identifier: MIT
"""`profiles -C -o stdout-xml` parser: XML and binary plists, hostile input.

Samples are synthetic, written from the format in signatures.md §3.2.
"""

from __future__ import annotations

import datetime
import plistlib
import struct
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helper.parsers import ParseError
from helper.parsers.profiles_plist import (
    MAX_BYTES,
    InstalledProfiles,
    parse_profiles_plist,
)

MDM_UUID = "3B1E8F1A-7C55-4C3B-9F0E-2D4B6A8C0E12"

SAMPLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" \
"http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
\t<key>_computerlevel</key>
\t<array>
\t\t<dict>
\t\t\t<key>ProfileDisplayName</key>
\t\t\t<string>MDM Profile</string>
\t\t\t<key>ProfileIdentifier</key>
\t\t\t<string>com.example.mdm.enroll</string>
\t\t\t<key>ProfileInstallDate</key>
\t\t\t<string>2024-05-02 08:15:00 +0000</string>
\t\t\t<key>ProfileItems</key>
\t\t\t<array>
\t\t\t\t<dict>
\t\t\t\t\t<key>PayloadContent</key>
\t\t\t\t\t<data>MIIBszCCAVmgAwIBAgIU</data>
\t\t\t\t\t<key>PayloadIdentifier</key>
\t\t\t\t\t<string>com.example.mdm.enroll.identity</string>
\t\t\t\t\t<key>PayloadType</key>
\t\t\t\t\t<string>com.apple.security.pkcs12</string>
\t\t\t\t\t<key>PayloadUUID</key>
\t\t\t\t\t<string>0D9C3E0B-7B8E-4C1F-8E55-7E3A1D2C4B6A</string>
\t\t\t\t</dict>
\t\t\t\t<dict>
\t\t\t\t\t<key>PayloadContent</key>
\t\t\t\t\t<dict>
\t\t\t\t\t\t<key>AccessRights</key>
\t\t\t\t\t\t<integer>8191</integer>
\t\t\t\t\t\t<key>CheckInURL</key>
\t\t\t\t\t\t<string>https://mdm.example.test/checkin</string>
\t\t\t\t\t\t<key>CheckOutWhenRemoved</key>
\t\t\t\t\t\t<true/>
\t\t\t\t\t\t<key>IdentityCertificateUUID</key>
\t\t\t\t\t\t<string>0D9C3E0B-7B8E-4C1F-8E55-7E3A1D2C4B6A</string>
\t\t\t\t\t\t<key>ServerCapabilities</key>
\t\t\t\t\t\t<array>
\t\t\t\t\t\t\t<string>com.apple.mdm.per-user-connections</string>
\t\t\t\t\t\t</array>
\t\t\t\t\t\t<key>ServerURL</key>
\t\t\t\t\t\t<string>https://mdm.example.test/server</string>
\t\t\t\t\t\t<key>SignMessage</key>
\t\t\t\t\t\t<true/>
\t\t\t\t\t\t<key>Topic</key>
\t\t\t\t\t\t<string>com.apple.mgmt.External.5c2d7e0a-1111-4a4a-9b9b-222233334444</string>
\t\t\t\t\t</dict>
\t\t\t\t\t<key>PayloadIdentifier</key>
\t\t\t\t\t<string>com.example.mdm.enroll.mdm</string>
\t\t\t\t\t<key>PayloadType</key>
\t\t\t\t\t<string>com.apple.mdm</string>
\t\t\t\t\t<key>PayloadUUID</key>
\t\t\t\t\t<string>8E4F1C2B-3A5D-4E6F-9A0B-1C2D3E4F5A6B</string>
\t\t\t\t</dict>
\t\t\t</array>
\t\t\t<key>ProfileOrganization</key>
\t\t\t<string>Example Org</string>
\t\t\t<key>ProfileRemovalDisallowed</key>
\t\t\t<string>TRUE</string>
\t\t\t<key>ProfileType</key>
\t\t\t<string>Configuration</string>
\t\t\t<key>ProfileUUID</key>
\t\t\t<string>3B1E8F1A-7C55-4C3B-9F0E-2D4B6A8C0E12</string>
\t\t\t<key>ProfileVerificationState</key>
\t\t\t<string>verified</string>
\t\t</dict>
\t\t<dict>
\t\t\t<key>ProfileDisplayName</key>
\t\t\t<string>Wi-Fi</string>
\t\t\t<key>ProfileIdentifier</key>
\t\t\t<string>com.example.wifi</string>
\t\t\t<key>ProfileItems</key>
\t\t\t<array>
\t\t\t\t<dict>
\t\t\t\t\t<key>PayloadContent</key>
\t\t\t\t\t<dict>
\t\t\t\t\t\t<key>SSID_STR</key>
\t\t\t\t\t\t<string>Corp</string>
\t\t\t\t\t</dict>
\t\t\t\t\t<key>PayloadType</key>
\t\t\t\t\t<string>com.apple.wifi.managed</string>
\t\t\t\t</dict>
\t\t\t</array>
\t\t\t<key>ProfileRemovalDisallowed</key>
\t\t\t<false/>
\t\t</dict>
\t</array>
</dict>
</plist>
"""


def test_sample() -> None:
    result = parse_profiles_plist(SAMPLE)
    assert result.scopes == ["_computerlevel"]
    assert len(result.profiles) == 2
    mdm, wifi = result.profiles
    assert mdm.identifier == "com.example.mdm.enroll"
    assert mdm.display_name == "MDM Profile"
    assert mdm.uuid == MDM_UUID
    assert mdm.organization == "Example Org"
    assert mdm.profile_type == "Configuration"
    assert mdm.removal_disallowed is True
    assert mdm.install_date == "2024-05-02 08:15:00 +0000"
    item = mdm.mdm_item()
    assert item is not None and item.mdm is not None
    assert item.identifier == "com.example.mdm.enroll.mdm"
    assert item.uuid == "8E4F1C2B-3A5D-4E6F-9A0B-1C2D3E4F5A6B"
    assert item.mdm.server_url == "https://mdm.example.test/server"
    assert item.mdm.check_in_url == "https://mdm.example.test/checkin"
    assert item.mdm.server_host == "mdm.example.test"
    assert item.mdm.access_rights == 8191
    assert item.mdm.topic is not None and item.mdm.topic.startswith("com.apple.mgmt.")
    assert item.mdm.identity_certificate_uuid == "0D9C3E0B-7B8E-4C1F-8E55-7E3A1D2C4B6A"
    assert wifi.removal_disallowed is False
    assert wifi.mdm_item() is None
    assert result.mdm_profiles() == [mdm]


def test_missing_declaration_and_doctype() -> None:
    body = SAMPLE[SAMPLE.index(b"<plist") :]
    assert len(parse_profiles_plist(body).profiles) == 2


def test_trailing_garbage_and_leading_noise() -> None:
    data = b"profiles: a note on stderr\n" + SAMPLE + b"\nThere are 2 profiles\x00\xff"
    assert len(parse_profiles_plist(data).profiles) == 2


def test_crlf_and_bom() -> None:
    data = b"\xef\xbb\xbf" + SAMPLE.replace(b"\n", b"\r\n")
    assert len(parse_profiles_plist(data).profiles) == 2


def test_utf16() -> None:
    data = SAMPLE.decode().replace("UTF-8", "UTF-16").encode("utf-16")
    assert len(parse_profiles_plist(data).profiles) == 2


def test_binary() -> None:
    doc = plistlib.loads(SAMPLE)
    result = parse_profiles_plist(plistlib.dumps(doc, fmt=plistlib.FMT_BINARY))
    assert result == parse_profiles_plist(SAMPLE)


def test_empty_dict_and_user_scopes() -> None:
    assert parse_profiles_plist(plistlib.dumps({})) == InstalledProfiles()
    doc = {
        "_computerlevel": [],
        "alice": [{"ProfileIdentifier": "com.example.user", "ProfileItems": []}],
        "Generated": "2024-05-02",  # an unknown non-list key: ignored
    }
    result = parse_profiles_plist(plistlib.dumps(doc))
    assert result.scopes == ["_computerlevel", "alice"]
    assert [(p.scope, p.identifier) for p in result.profiles] == [
        ("alice", "com.example.user")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        (1, True),
        (0, False),
        (None, None),
    ],
)
def test_removal_disallowed_spellings(value: object, expected: bool | None) -> None:
    profile: dict[str, Any] = {"ProfileIdentifier": "x"}
    if value is not None:
        profile["ProfileRemovalDisallowed"] = value
    result = parse_profiles_plist(plistlib.dumps({"_computerlevel": [profile]}))
    assert result.profiles[0].removal_disallowed is expected


def test_payload_level_removal_flags() -> None:
    doc = {
        "_computerlevel": [
            {
                "PayloadRemovalDisallowed": True,
                "ProfileItems": [
                    {
                        "PayloadType": "com.apple.mdm",
                        "PayloadRemovalDisallowed": "true",
                        "PayloadContent": {"PayloadRemovalDisallowed": True},
                    }
                ],
            }
        ]
    }
    profile = parse_profiles_plist(plistlib.dumps(doc)).profiles[0]
    item = profile.mdm_item()
    assert profile.removal_disallowed is True
    assert item is not None and item.removal_disallowed is True
    assert item.mdm is not None and item.mdm.removal_disallowed is True


def test_plist_date_and_string_access_rights() -> None:
    doc = {
        "_computerlevel": [
            {
                "ProfileInstallDate": datetime.datetime(2024, 5, 2, 8, 15),
                "ProfileItems": [
                    {
                        "PayloadType": "com.apple.mdm",
                        "PayloadContent": {"AccessRights": "8191"},
                    }
                ],
            }
        ]
    }
    profile = parse_profiles_plist(plistlib.dumps(doc)).profiles[0]
    assert profile.install_date == "2024-05-02T08:15:00"
    item = profile.mdm_item()
    assert item is not None and item.mdm is not None and item.mdm.access_rights == 8191


def test_mdm_payload_without_content() -> None:
    doc = {"_computerlevel": [{"ProfileItems": [{"PayloadType": "com.apple.mdm"}]}]}
    item = parse_profiles_plist(plistlib.dumps(doc)).profiles[0].mdm_item()
    assert item is not None and item.mdm is not None
    assert item.mdm.server_host is None


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"_computerlevel": "nope"},
        {"_computerlevel": ["not a dict"]},
        {"_computerlevel": [{"ProfileIdentifier": 42}]},
        {"_computerlevel": [{"ProfileItems": "nope"}]},
        {"_computerlevel": [{"ProfileItems": [7]}]},
        {"_computerlevel": [{"ProfileRemovalDisallowed": "perhaps"}]},
        {"_computerlevel": [{"ProfileInstallDate": 3}]},
        {"_computerlevel": [{"ProfileItems": [{"PayloadType": 1}]}]},
        {
            "_computerlevel": [
                {
                    "ProfileItems": [
                        {"PayloadType": "com.apple.mdm", "PayloadContent": []}
                    ]
                }
            ]
        },
        {
            "_computerlevel": [
                {
                    "ProfileItems": [
                        {
                            "PayloadType": "com.apple.mdm",
                            "PayloadContent": {"ServerURL": b"bytes"},
                        }
                    ]
                }
            ]
        },
        {
            "_computerlevel": [
                {
                    "ProfileItems": [
                        {
                            "PayloadType": "com.apple.mdm",
                            "PayloadContent": {"AccessRights": 1.5},
                        }
                    ]
                }
            ]
        },
        {
            "_computerlevel": [
                {
                    "ProfileItems": [
                        {
                            # str.isdigit() says yes to "8\u00b2"; int() does not.
                            "PayloadType": "com.apple.mdm",
                            "PayloadContent": {"AccessRights": "8\u00b2"},
                        }
                    ]
                }
            ]
        },
    ],
)
def test_wrong_types(doc: object) -> None:
    with pytest.raises(ParseError):
        parse_profiles_plist(plistlib.dumps(doc))


def test_other_payload_content_is_not_checked() -> None:
    # A certificate payload's content is <data>, a custom one may be anything.
    doc = {
        "_computerlevel": [
            {
                "ProfileItems": [
                    {"PayloadType": "com.example.custom", "PayloadContent": 5}
                ]
            }
        ]
    }
    assert parse_profiles_plist(plistlib.dumps(doc)).profiles[0].items[0].mdm is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"  \n",
        b"hello",
        b"<plist><dict><key>a</key>",  # truncated
        b"<plist><dict><key>a</key><date>not a date</date></dict></plist>",
        b"<plist><dict><key>a</key><integer>x</integer></dict></plist>",
        b"<plist><dict><key>a</key><data>A</data></dict></plist>",
        b"<plist><array><key>a</key></array></plist>",
        b"bplist00",
        b"bplist00" + b"\x00" * 40,
        b"\x00\x01\x02\x03",
    ],
)
def test_malformed(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_profiles_plist(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE plist [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<plist version="1.0"><dict><key>_computerlevel</key><array><dict>
<key>ProfileIdentifier</key><string>&g;</string></dict></array></dict></plist>
"""


def test_billion_laughs_refused_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError, match="entity"):
        parse_profiles_plist(BILLION_LAUGHS)
    assert time.perf_counter() - start < 1.0


def test_external_entity_refused() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<plist><dict><key>_computerlevel</key><string>&x;</string></dict></plist>"
    )
    with pytest.raises(ParseError):
        parse_profiles_plist(data)


def test_too_large() -> None:
    with pytest.raises(ParseError, match="too large"):
        parse_profiles_plist(b" " * (MAX_BYTES + 1))


# --- hand-built binary plists: hostile object graphs --------------------------------


def _bplist(objects: list[bytes], top: int = 0) -> bytes:
    """A binary plist from encoded objects (2-byte refs and offsets)."""
    out = bytearray(b"bplist00")
    offsets = []
    for obj in objects:
        offsets.append(len(out))
        out += obj
    table = len(out)
    offset_size = 4
    for offset in offsets:
        out += offset.to_bytes(offset_size, "big")
    out += struct.pack(">6xBBQQQ", offset_size, 2, len(objects), top, table)
    return bytes(out)


def _count(marker: int, n: int) -> bytes:
    if n < 15:
        return bytes([marker | n])
    return bytes([marker | 0xF, 0x11]) + n.to_bytes(2, "big")


def _ascii(text: str) -> bytes:
    return _count(0x50, len(text)) + text.encode()


def _array(refs: list[int]) -> bytes:
    return _count(0xA0, len(refs)) + b"".join(r.to_bytes(2, "big") for r in refs)


def _dict(pairs: list[tuple[int, int]]) -> bytes:
    keys = b"".join(k.to_bytes(2, "big") for k, _ in pairs)
    values = b"".join(v.to_bytes(2, "big") for _, v in pairs)
    return _count(0xD0, len(pairs)) + keys + values


def test_bplist_helper_is_valid() -> None:
    data = _bplist([_dict([(1, 2)]), _ascii("_computerlevel"), _array([])])
    assert plistlib.loads(data) == {"_computerlevel": []}
    assert parse_profiles_plist(data) == InstalledProfiles(scopes=["_computerlevel"])


def test_bplist_self_reference() -> None:
    # _computerlevel is a list that contains itself.
    data = _bplist([_dict([(1, 2)]), _ascii("_computerlevel"), _array([2])])
    with pytest.raises(ParseError):
        parse_profiles_plist(data)


def test_bplist_shared_references_do_not_explode() -> None:
    # 5000 references to one profile holding 5000 references to one payload:
    # 25 million payloads from a 20 kB file.
    n = 5000
    data = _bplist(
        [
            _dict([(1, 2)]),
            _ascii("_computerlevel"),
            _array([3] * n),
            _dict([(4, 5)]),
            _ascii("ProfileItems"),
            _array([6] * n),
            _dict([]),
        ]
    )
    start = time.perf_counter()
    with pytest.raises(ParseError, match="more than"):
        parse_profiles_plist(data)
    assert time.perf_counter() - start < 2.0


def test_bplist_deep_nesting() -> None:
    depth = 3000
    objects = [_array([i + 1]) for i in range(depth)] + [_array([])]
    with pytest.raises(ParseError):
        parse_profiles_plist(_bplist(objects))


# --- properties ----------------------------------------------------------------------


@given(st.binary(max_size=1000))
def test_arbitrary_bytes_only_parse_error(data: bytes) -> None:
    try:
        parse_profiles_plist(data)
    except ParseError:
        pass


@given(st.binary(max_size=400))
def test_arbitrary_binary_plist_bytes_only_parse_error(data: bytes) -> None:
    try:
        parse_profiles_plist(b"bplist00" + data)
    except ParseError:
        pass


@given(
    st.text(
        alphabet=st.sampled_from("<>/!?=\"' plistdictkeyarraystring&;#x0a"),
        max_size=300,
    )
)
def test_xmlish_text_only_parse_error(text: str) -> None:
    try:
        parse_profiles_plist(text.encode())
    except ParseError:
        pass


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30
)
_FLAG = st.one_of(st.none(), st.booleans())
_URL = st.one_of(
    st.none(),
    st.from_regex(
        r"https://[a-z]{1,10}\.example\.test(:[0-9]{2,4})?/[a-z/]{0,12}", fullmatch=True
    ),
)


@st.composite
def _profile(draw: st.DrawFn) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "ProfileIdentifier": draw(_TEXT),
        "ProfileUUID": str(draw(st.uuids())).upper(),
        "ProfileDisplayName": draw(_TEXT),
        "ProfileOrganization": draw(_TEXT),
    }
    removal = draw(_FLAG)
    if removal is not None:
        profile["ProfileRemovalDisallowed"] = draw(
            st.sampled_from([removal, str(removal).lower(), str(removal).upper()])
        )
    items = []
    if draw(st.booleans()):
        content: dict[str, Any] = {"AccessRights": draw(st.integers(0, 8191))}
        for key in ("ServerURL", "CheckInURL"):
            url = draw(_URL)
            if url is not None:
                content[key] = url
        items.append(
            {
                "PayloadType": "com.apple.mdm",
                "PayloadIdentifier": draw(_TEXT),
                "PayloadUUID": str(draw(st.uuids())).upper(),
                "PayloadContent": content,
            }
        )
    items.append(
        {
            "PayloadType": "com.apple.security.pkcs1",
            "PayloadContent": draw(st.binary(max_size=16)),
        }
    )
    profile["ProfileItems"] = draw(st.permutations(items))
    return profile


@settings(max_examples=60)
@given(
    computer=st.lists(_profile(), max_size=4),
    users=st.dictionaries(
        st.from_regex(r"[a-z]{1,8}", fullmatch=True),
        st.lists(_profile(), max_size=2),
        max_size=2,
    ),
    binary=st.booleans(),
)
def test_generated_plists_parse_back(
    computer: list[dict[str, Any]], users: dict[str, list[dict[str, Any]]], binary: bool
) -> None:
    doc: dict[str, Any] = {"_computerlevel": computer, **users}
    fmt = plistlib.FMT_BINARY if binary else plistlib.FMT_XML
    result = parse_profiles_plist(plistlib.dumps(doc, fmt=fmt, sort_keys=False))
    expected = [(scope, p) for scope, profiles in doc.items() for p in profiles]
    assert len(result.profiles) == len(expected)
    for got, (scope, want) in zip(result.profiles, expected, strict=True):
        assert got.scope == scope
        assert got.identifier == want["ProfileIdentifier"].strip()
        assert got.uuid == want["ProfileUUID"]
        flag = want.get("ProfileRemovalDisallowed")
        assert got.removal_disallowed is (
            None if flag is None else str(flag).lower() == "true"
        )
        mdm_items = [
            i for i in want["ProfileItems"] if i["PayloadType"] == "com.apple.mdm"
        ]
        item = got.mdm_item()
        assert (item is not None) == bool(mdm_items)
        if item is not None and item.mdm is not None:
            content = mdm_items[0]["PayloadContent"]
            assert item.mdm.server_url == content.get("ServerURL")
            assert item.mdm.check_in_url == content.get("CheckInURL")
            assert item.mdm.access_rights == content["AccessRights"]


_PLIST_SCALAR = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    _TEXT,
    st.binary(max_size=8),
    st.datetimes(
        min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 1, 1)
    ).map(lambda d: d.replace(microsecond=0)),
)
_KEYS = st.sampled_from(
    [
        "_computerlevel",
        "alice",
        "ProfileIdentifier",
        "ProfileItems",
        "ProfileRemovalDisallowed",
        "ProfileInstallDate",
        "PayloadType",
        "PayloadContent",
        "ServerURL",
        "AccessRights",
        "PayloadRemovalDisallowed",
    ]
)
_PLIST_VALUE = st.recursive(
    st.one_of(_PLIST_SCALAR, st.just("com.apple.mdm")),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=150)
@given(doc=st.dictionaries(_KEYS, _PLIST_VALUE, max_size=4), binary=st.booleans())
def test_arbitrary_plist_shapes_only_parse_error(
    doc: dict[str, Any], binary: bool
) -> None:
    fmt = plistlib.FMT_BINARY if binary else plistlib.FMT_XML
    try:
        parse_profiles_plist(plistlib.dumps(doc, fmt=fmt))
    except ParseError:
        pass
