# SPDX-License-Identifier: MIT
"""`profiles status -type enrollment` and `profiles show -type enrollment` parsers.

Samples are synthetic, written from the formats in signatures.md §3.1.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.parsers import ParseError
from helper.parsers.macos_profiles import (
    AdeConfiguration,
    parse_ade_configuration,
    parse_enrollment_status,
    parse_nextstep,
)

# --- profiles status -------------------------------------------------------------

ENROLLED = (
    b"Enrolled via DEP: No\n"
    b"MDM enrollment: Yes (User Approved)\n"
    b"MDM server: https://acme.jamfcloud.com//computer/mdm\n"
)


def test_status_enrolled_user_approved() -> None:
    status = parse_enrollment_status(ENROLLED)
    assert status.dep_enrolled is False
    assert status.mdm_enrolled is True
    assert status.user_approved is True
    assert status.server_url == "https://acme.jamfcloud.com//computer/mdm"
    assert status.server_host == "acme.jamfcloud.com"
    assert status.mdm_answer == "Yes (User Approved)"


def test_status_not_enrolled() -> None:
    status = parse_enrollment_status(b"Enrolled via DEP: No\nMDM enrollment: No\n")
    assert status.dep_enrolled is False
    assert status.mdm_enrolled is False
    assert status.user_approved is None
    assert status.server_url is None
    assert status.server_host is None


def test_status_dep_enrolled_plain_yes() -> None:
    status = parse_enrollment_status(
        b"Enrolled via DEP: Yes\nMDM enrollment: Yes\n"
        b"MDM server: https://acme.kandji.io/mdm/connect\n"
    )
    assert status.dep_enrolled is True
    assert status.mdm_enrolled is True
    assert status.user_approved is False


def test_status_crlf_trailing_spaces_and_odd_spacing() -> None:
    status = parse_enrollment_status(
        b"Enrolled via DEP:   Yes   \r\n"
        b"MDM  enrollment :Yes (User Approved)\t\r\n"
        b"MDM server: https://mdm.example.test:8443/mdm/server?x=1   \r\n"
    )
    assert status.dep_enrolled is True
    assert status.mdm_enrolled is True
    assert status.server_url == "https://mdm.example.test:8443/mdm/server?x=1"
    assert status.server_host == "mdm.example.test"


def test_status_unknown_lines_ignored() -> None:
    status = parse_enrollment_status(
        b"profiles: note: something new\n" + ENROLLED + b"Bootstrap token: escrowed\n"
    )
    assert status.mdm_enrolled is True


def test_status_label_alone_is_not_an_answer() -> None:
    # The label is printed whatever the state: an empty or odd answer is unknown.
    status = parse_enrollment_status(b"Enrolled via DEP:\nMDM enrollment: maybe\n")
    assert status.dep_enrolled is None
    assert status.mdm_enrolled is None


@pytest.mark.parametrize(
    ("data", "dep", "mdm"),
    [
        (b"Enrolled via DEP: No\n", False, None),
        (b"Enrolled via DEP: No\nMDM enrollment: Yes (User Appr", False, True),
        (b"Enrolled via DEP: No\nMDM enrol", False, None),
        (b"MDM enrollment: No", None, False),
    ],
)
def test_status_truncated(data: bytes, dep: bool | None, mdm: bool | None) -> None:
    status = parse_enrollment_status(data)
    assert (status.dep_enrolled, status.mdm_enrolled) == (dep, mdm)


def test_status_utf16() -> None:
    status = parse_enrollment_status(ENROLLED.decode().encode("utf-16"))
    assert status.mdm_enrolled is True


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"\x00\x01\x02\x03binary\x00" * 20, b"hello: world\n", b"Enroll"],
)
def test_status_not_status_output(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_enrollment_status(data)


@given(st.binary(max_size=400))
def test_status_arbitrary_bytes_only_parse_error(data: bytes) -> None:
    try:
        parse_enrollment_status(data)
    except ParseError:
        pass


@given(st.text(max_size=400))
def test_status_arbitrary_text_only_parse_error(text: str) -> None:
    try:
        parse_enrollment_status(text.encode("utf-8", errors="surrogatepass"))
    except ParseError:
        pass


_ANSWER = st.sampled_from(["Yes", "No"])
_HOST = st.from_regex(
    r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){1,3}", fullmatch=True
)


@given(
    dep=_ANSWER,
    mdm=st.sampled_from(["Yes", "No", "Yes (User Approved)"]),
    host=_HOST,
    crlf=st.booleans(),
    noise=st.lists(st.sampled_from(["", "Something else: 1", "   "]), max_size=3),
)
def test_status_generated_round_trip(
    dep: str, mdm: str, host: str, crlf: bool, noise: list[str]
) -> None:
    lines = [*noise, f"Enrolled via DEP: {dep}", f"MDM enrollment: {mdm}"]
    if mdm != "No":
        lines.append(f"MDM server: https://{host}/mdm/server")
    text = ("\r\n" if crlf else "\n").join(lines)
    status = parse_enrollment_status(text.encode())
    assert status.dep_enrolled is (dep == "Yes")
    assert status.mdm_enrolled is (mdm != "No")
    assert status.user_approved is (None if mdm == "No" else "User" in mdm)
    assert status.server_host == (None if mdm == "No" else host)


# --- profiles show ---------------------------------------------------------------

ASSIGNED = b"""Device Enrollment configuration:
{
    AllowPairing = 1;
\tAutoAdvanceSetup = 0;
    AwaitDeviceConfigured = 0;
    ConfigurationURL = "https://acme.jamfcloud.com/cloudenroll";
\tConfigurationWebURL = https://acme.jamfcloud.com/cloudenroll;
    IsMDMUnremovable = 1;
    IsMandatory = 1;
 \t IsSupervised = 1;
    MDMProtocolVersion = 2;
    OrganizationAddress = "1 Example Way\\nSpringfield";
    OrganizationMagic = "5E7D6F40-2E7B-4B60-9A0C-1D58A8B0C0DE";
    OrganizationName = "Acme \\"Corp\\"";
    SkipSetup =     (
        AppleID,
\t\t"Siri",
        Privacy
    );
    SupervisorHostCertificates =     (
        <3082 01aa 3082>
    );
}
"""


def test_show_assigned() -> None:
    config = parse_ade_configuration(ASSIGNED)
    assert config.assigned is True
    assert config.configuration_url == "https://acme.jamfcloud.com/cloudenroll"
    assert config.configuration_web_url == "https://acme.jamfcloud.com/cloudenroll"
    assert config.host == "acme.jamfcloud.com"
    assert config.organization == 'Acme "Corp"'
    assert config.is_supervised is True
    assert config.is_mandatory is True
    assert config.is_mdm_unremovable is True
    assert config.await_device_configured is False
    assert config.allow_pairing is True
    assert config.values["OrganizationAddress"] == "1 Example Way\nSpringfield"
    assert "SkipSetup" not in config.values  # not a scalar


def test_show_null() -> None:
    config = parse_ade_configuration(b"Device Enrollment configuration:\n(null)\n")
    assert config == AdeConfiguration(assigned=False)
    assert config.host is None


def test_show_null_same_line_and_crlf() -> None:
    config = parse_ade_configuration(b"Device Enrollment configuration: (null)\r\n")
    assert config.assigned is False


def test_show_crlf_dictionary() -> None:
    config = parse_ade_configuration(ASSIGNED.replace(b"\n", b"\r\n"))
    assert config.host == "acme.jamfcloud.com"


def test_show_web_url_only() -> None:
    config = parse_ade_configuration(
        b"Device Enrollment configuration:\n"
        b'{\n    ConfigurationWebURL = "https://mdm.example.test/enroll";\n}\n'
    )
    assert config.configuration_url is None
    assert config.host == "mdm.example.test"


def test_show_truncated_dictionary_keeps_what_was_printed() -> None:
    cut = ASSIGNED[: ASSIGNED.index(b"IsMDMUnremovable")]
    config = parse_ade_configuration(cut)
    assert config.assigned is True
    assert config.host == "acme.jamfcloud.com"
    assert config.is_supervised is None


def test_show_truncated_inside_a_quote() -> None:
    config = parse_ade_configuration(
        b'Device Enrollment configuration:\n{\n    ConfigurationURL = "https://acme.kan'
    )
    assert config.assigned is True
    assert config.configuration_url == "https://acme.kan"


def test_show_marker_only_is_unknown() -> None:
    assert (
        parse_ade_configuration(b"Device Enrollment configuration:\n").assigned is None
    )


def test_show_empty_dictionary_is_unknown() -> None:
    config = parse_ade_configuration(b"Device Enrollment configuration:\n{\n}\n")
    assert config.assigned is None


def test_show_dictionary_without_marker() -> None:
    config = parse_ade_configuration(
        b'{ ConfigurationURL = "https://m.example.test/x"; }'
    )
    assert config.host == "m.example.test"


def test_show_nested_braces_and_parens() -> None:
    config = parse_ade_configuration(
        b"Device Enrollment configuration:\n{\n"
        b"    Extra = { A = ( 1, { B = ( x, y ); }, ( ) ); C = {}; };\n"
        b'    ConfigurationURL = "https://n.example.test/e";\n'
        b"    Stray = ) ;\n"
        b"}\n"
    )
    assert config.configuration_url == "https://n.example.test/e"


def test_show_deep_nesting_does_not_recurse_forever() -> None:
    deep = b"{ A = " + b"{ B = (" * 5000 + b"x" + b") ; }" * 5000 + b"; C = y; }"
    config = parse_ade_configuration(b"Device Enrollment configuration:\n" + deep)
    assert config.assigned is True


def test_show_null_without_marker() -> None:
    assert parse_ade_configuration(b"(null)\n").assigned is False


@pytest.mark.parametrize(
    "data",
    [b"", b"\n\n", b"\x00\xff\x00\xfe" * 50, b"profiles: unknown command\n"],
)
def test_show_not_show_output(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_ade_configuration(data)


def test_nextstep_values() -> None:
    value = parse_nextstep(
        '{ a = 1; b = "two words"; c = ( x, "y" ); d = { e = f; }; }'
    )
    assert value == {"a": "1", "b": "two words", "c": ["x", "y"], "d": {"e": "f"}}


def test_nextstep_garbage_never_fails() -> None:
    assert parse_nextstep("") == ""
    assert parse_nextstep(";;;") == ""
    assert parse_nextstep("( ( ( ") == [[[]]]


@given(st.binary(max_size=600))
def test_show_arbitrary_bytes_only_parse_error(data: bytes) -> None:
    try:
        parse_ade_configuration(data)
    except ParseError:
        pass


# NUL and U+FFFD would make the text read as binary data: not what is tested here.
_NS_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00\ufffd"
)


@given(st.text(alphabet=st.sampled_from('{}()=;,"<>\\ \t\nab1'), max_size=300))
def test_show_arbitrary_punctuation_only_parse_error(text: str) -> None:
    try:
        parse_ade_configuration(b"Device Enrollment configuration:\n" + text.encode())
    except ParseError:
        pass


# A NeXTSTEP writer for generated dictionaries: quoted or bare scalars, nested
# dictionaries and arrays, spaces or tabs.
_KEY = st.from_regex(r"[A-Z][A-Za-z]{0,15}", fullmatch=True)
_BARE = st.from_regex(r"[A-Za-z0-9_.]{1,12}", fullmatch=True)
_QUOTED = st.text(alphabet=_NS_CHARS, max_size=20)
_SCALAR = st.one_of(_BARE, _QUOTED)
_NSVALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_KEY, inner, max_size=4)
    ),
    max_leaves=12,
)


def _write(value: object, indent: str) -> str:
    if isinstance(value, dict):
        body = "".join(
            f"{indent}{k} = {_write(v, indent + indent[:1])};\n"
            for k, v in value.items()
        )
        return "{\n" + body + "}"
    if isinstance(value, list):
        return "(" + ", ".join(_write(v, indent) for v in value) + ")"
    assert isinstance(value, str)
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


@given(
    values=st.dictionaries(_KEY, _NSVALUE, min_size=1, max_size=6),
    url_host=_HOST,
    indent=st.sampled_from(["    ", "\t", " \t"]),
)
def test_show_generated_round_trip(
    values: dict[str, object], url_host: str, indent: str
) -> None:
    values = {**values, "ConfigurationURL": f"https://{url_host}/enroll"}
    text = "Device Enrollment configuration:\n" + _write(values, indent) + "\n"
    config = parse_ade_configuration(text.encode())
    assert config.assigned is True
    assert config.host == url_host
    assert parse_nextstep(_write(values, indent)) == values
