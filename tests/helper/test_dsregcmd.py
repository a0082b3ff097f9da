# SPDX-License-Identifier: MIT
"""``dsregcmd /status``: parsing and the join truth table.

Samples are synthetic, written from the documented layout (banners, right-aligned
keys, trailing spaces); the capture library holds longer ones.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.parsers import ParseError
from helper.parsers.dsregcmd import DsregStatus, interpret, parse_dsregcmd
from tests.conftest import CAPTURES

TENANT = "5b8e1c2d-3f4a-4b6c-9d7e-8f9a0b1c2d3e"
DEVICE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
RULE = "+" + "-" * 70 + "+"


def banner(title: str) -> str:
    return f"{RULE}\n| {title.ljust(69)}|\n{RULE}\n\n"


def pairs(*items: tuple[str, str]) -> str:
    # Right-aligned keys, and trailing spaces as some builds print them.
    return "".join(f"{k.rjust(26)} : {v}    \n" for k, v in items) + "\n"


def device_state(aad: str, enterprise: str, domain: str) -> str:
    return banner("Device State") + pairs(
        ("AzureAdJoined", aad),
        ("EnterpriseJoined", enterprise),
        ("DomainJoined", domain),
        ("Device Name", "CONTOSO-LT-0421"),
    )


def user_state(workplace: str) -> str:
    return banner("User State") + pairs(
        ("NgcSet", "NO"), ("WorkplaceJoined", workplace), ("WamDefaultSet", "YES")
    )


JOINED = (
    device_state("YES", "NO", "NO")
    + banner("Device Details")
    + pairs(
        ("DeviceId", DEVICE),
        (
            "DeviceCertificateValidity",
            "[ 2026-01-12 08:01:10.000 UTC -- 2036-01-12 08:31:10.000 UTC ]",
        ),
    )
    + banner("Tenant Details")
    + pairs(
        ("TenantName", "Contoso"),
        ("TenantId", TENANT),
        ("MdmUrl", "https://enrollment.manage.microsoft.com/enrollmentserver/d.svc"),
        ("MdmTouUrl", ""),
    )
    + user_state("NO")
    + banner("SSO State")
    + pairs(("AzureAdPrt", "YES"), ("Client Time", "2026-11-20 09:12:40.000 UTC"))
)


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


class TestParse:
    def test_sections_keys_and_values(self) -> None:
        status = parse_dsregcmd(crlf(JOINED))
        assert list(status.sections) == [
            "Device State",
            "Device Details",
            "Tenant Details",
            "User State",
            "SSO State",
        ]
        assert status.sections["Device State"]["AzureAdJoined"] == "YES"
        assert status.sections["Device State"]["Device Name"] == "CONTOSO-LT-0421"
        details = status.sections["Device Details"]
        assert details["DeviceCertificateValidity"].startswith("[ 2026-01-12 08:01")
        tenant = status.sections["Tenant Details"]
        assert tenant["MdmUrl"].startswith("https://enrollment.manage.microsoft.com/")
        assert tenant["MdmTouUrl"] == ""  # "Key :" with trailing spaces only
        assert status.sections["SSO State"]["Client Time"].endswith("UTC")

    def test_lookup_prefers_the_section_then_any(self) -> None:
        status = DsregStatus(
            {"A": {"Key": "from A"}, "B": {"key": "from B", "Other": "x"}}
        )
        assert status.get("KEY", "b") == "from B"
        assert status.get("key", "A") == "from A"
        assert status.get("other", "A") == "x"
        assert status.get("absent") is None

    @pytest.mark.parametrize(
        "encode",
        [
            lambda t: t.encode("utf-8"),
            crlf,
            lambda t: b"\xff\xfe" + t.replace("\n", "\r\n").encode("utf-16-le"),
            lambda t: b"\xef\xbb\xbf" + crlf(t),
        ],
        ids=["lf", "crlf", "utf16", "utf8-bom"],
    )
    def test_encodings(self, encode) -> None:  # type: ignore[no-untyped-def]
        assert parse_dsregcmd(encode(JOINED)) == parse_dsregcmd(JOINED.encode())

    def test_unknown_sections_and_keys_are_kept(self) -> None:
        text = banner("Something New") + pairs(("FutureKey", "42")) + JOINED
        status = parse_dsregcmd(text.encode())
        assert status.sections["Something New"] == {"FutureKey": "42"}

    def test_lines_without_banners(self) -> None:
        # Output pasted by a user, banners lost.
        status = parse_dsregcmd(b"AzureAdJoined : NO\nDomainJoined : YES\n")
        assert status.sections == {"": {"AzureAdJoined": "NO", "DomainJoined": "YES"}}
        assert interpret(status).join == "domain-joined"

    def test_truncated_output(self) -> None:
        text = JOINED[: JOINED.index("TenantId") + 5]
        facts = interpret(parse_dsregcmd(text.encode()))
        assert facts.join == "entra-joined"
        assert facts.device_id == DEVICE
        assert facts.tenant_id is None

    def test_banner_cut_after_title(self) -> None:
        status = parse_dsregcmd(f"{RULE}\n| Device State".encode())
        assert status.sections == {"Device State": {}}
        assert interpret(status).join == "unknown"

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"\r\n  \r\n",
            b"\x00\x01\x02\x03" * 64,
            b"'dsregcmd' is not recognized as an internal or external command\r\n",
            "Windows Registry Editor Version 5.00\r\n".encode("utf-16"),
        ],
        ids=["empty", "blank", "binary", "error-message", "regfile"],
    )
    def test_not_dsregcmd_raises_parse_error(self, data: bytes) -> None:
        with pytest.raises(ParseError):
            parse_dsregcmd(data)

    @given(st.binary(max_size=2048))
    def test_arbitrary_bytes_raise_only_parse_error(self, data: bytes) -> None:
        try:
            interpret(parse_dsregcmd(data))
        except ParseError:
            pass

    @given(
        st.lists(
            st.one_of(
                st.sampled_from(
                    [RULE, "| Device State |", "| User State", "|", "+", ":", " : "]
                ),
                st.builds(
                    lambda k, v: f"{k} : {v}",
                    st.sampled_from(
                        ["AzureAdJoined", "DomainJoined", "WorkplaceJoined", "TenantId"]
                    ),
                    st.sampled_from(["YES", "NO", "", "ERROR", "yes "]),
                ),
                st.text(max_size=40),
            ),
            max_size=40,
        )
    )
    def test_arbitrary_lines_raise_only_parse_error(self, lines: list[str]) -> None:
        try:
            facts = interpret(parse_dsregcmd("\r\n".join(lines).encode("utf-8")))
        except ParseError:
            return
        assert facts.join in (
            "entra-joined",
            "hybrid-joined",
            "domain-joined",
            "registered",
            "none",
            "unknown",
        )


class TestInterpret:
    @pytest.mark.parametrize(
        ("aad", "enterprise", "domain", "workplace", "join"),
        [
            # The documented truth table.
            ("YES", "NO", "NO", "NO", "entra-joined"),
            ("NO", "NO", "YES", "NO", "domain-joined"),
            ("YES", "NO", "YES", "NO", "hybrid-joined"),
            ("NO", "YES", "YES", "NO", "domain-joined"),  # on-premises DRS
            # Entra registered: WorkplaceJoined, in User State.
            ("NO", "NO", "NO", "YES", "registered"),
            ("NO", "NO", "NO", "NO", "none"),
            # A device join wins over the user's work account.
            ("NO", "NO", "YES", "YES", "domain-joined"),
            ("YES", "NO", "NO", "YES", "entra-joined"),
        ],
    )
    def test_truth_table(
        self, aad: str, enterprise: str, domain: str, workplace: str, join: str
    ) -> None:
        text = device_state(aad, enterprise, domain) + user_state(workplace)
        assert interpret(parse_dsregcmd(crlf(text))).join == join

    def test_joined_facts(self) -> None:
        facts = interpret(parse_dsregcmd(crlf(JOINED)))
        assert facts.join == "entra-joined"
        assert facts.azure_ad_joined is True
        assert facts.domain_joined is False
        assert facts.workplace_joined is False
        assert facts.tenant_id == TENANT
        assert facts.tenant_name == "Contoso"
        assert facts.device_id == DEVICE
        assert facts.mdm_url == (
            "https://enrollment.manage.microsoft.com/enrollmentserver/d.svc"
        )

    def test_registered_reads_the_work_account(self) -> None:
        text = (
            device_state("NO", "NO", "NO")
            + user_state("YES")
            + banner("Work Account 1")
            + pairs(
                ("WorkplaceDeviceId", "77665544-3322-4110-8ffe-eddccbbaa998"),
                ("WorkplaceTenantId", TENANT),
                ("WorkplaceTenantName", "Fabrikam"),
                ("WorkplaceMdmUrl", ""),
            )
        )
        facts = interpret(parse_dsregcmd(crlf(text)))
        assert facts.join == "registered"
        assert facts.tenant_id == TENANT
        assert facts.tenant_name == "Fabrikam"
        assert facts.device_id == "77665544-3322-4110-8ffe-eddccbbaa998"
        assert facts.mdm_url is None  # empty value: no MDM configured

    def test_older_builds_print_work_account_in_user_state(self) -> None:
        text = device_state("NO", "NO", "YES") + banner("User State")
        text += pairs(
            ("WorkplaceJoined", "YES"),
            ("WorkplaceTenantId", TENANT),
            ("WorkplaceMdmUrl", "https://enrollment.manage.microsoft.com/x.svc"),
        )
        facts = interpret(parse_dsregcmd(text.encode()))
        assert facts.join == "domain-joined"
        assert facts.workplace_joined is True
        assert facts.tenant_id == TENANT
        assert facts.mdm_url == "https://enrollment.manage.microsoft.com/x.svc"

    def test_not_joined_ignores_stray_tenant_ids(self) -> None:
        text = device_state("NO", "NO", "NO") + banner("Tenant Details")
        text += pairs(("TenantId", TENANT))
        facts = interpret(parse_dsregcmd(text.encode()))
        assert facts.join == "none"
        assert facts.tenant_id is None

    @pytest.mark.parametrize(
        ("text", "join"),
        [
            (banner("SSO State") + pairs(("AzureAdPrt", "NO")), "unknown"),
            (banner("Device State") + pairs(("AzureAdJoined", "ERROR")), "unknown"),
            (banner("Device State") + pairs(("AzureAdJoined", "NO")), "none"),
            (banner("Device State") + pairs(("AzureAdJoined", "yes")), "entra-joined"),
        ],
        ids=["no-device-state", "error-value", "partial-no", "lower-case"],
    )
    def test_missing_or_odd_flags(self, text: str, join: str) -> None:
        assert interpret(parse_dsregcmd(text.encode())).join == join


LIBRARY = sorted(
    p
    for p in CAPTURES.glob("win-*/windows/dsregcmd-status.txt")
    if p.read_bytes().strip()  # the empty-output case is tested in the library
)


@pytest.mark.parametrize("path", LIBRARY, ids=[p.parent.parent.name for p in LIBRARY])
def test_library_outputs_parse(path) -> None:  # type: ignore[no-untyped-def]
    facts = interpret(parse_dsregcmd(path.read_bytes()))
    assert facts.join != "unknown"
