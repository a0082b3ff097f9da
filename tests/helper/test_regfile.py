# SPDX-License-Identifier: MIT
"""The .reg parser and writer, and the registry reader built on them.

Samples are synthetic, written from the documented regedit format.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helper.parsers import ParseError
from helper.parsers.regfile import (
    RegFile,
    RegKey,
    export_reg,
    fold,
    normalize_path,
    parse_regfile,
)
from helper.probe.regfile_reader import RegFileReader
from helper.probe.registry import RegValue

EN = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments"
GUID = "3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F"

# What regedit writes for an enrollment (synthetic values, documented layout).
SAMPLE = f"""Windows Registry Editor Version 5.00

[{EN}]

[{EN}\\{GUID}]
@="default text"
"UPN"="alex.martin@contoso.example"
"EnrollmentState"=dword:00000001
"EnrollmentType"=dword:0000000d
"ProviderID"="AirWatchMDM"
"Quoted"="say \\"hi\\" to C:\\\\ProgramData\\\\"
"RenewalErrorCode"=hex(b):01,02,00,00,00,00,00,80
"Blob"=hex:de,ad,be,ef
"Expanded"=hex(2):25,00,50,00,72,00,6f,00,67,00,72,00,61,00,6d,00,44,00,61,00,\\
  74,00,61,00,25,00,5c,00,41,00,69,00,72,00,57,00,61,00,74,00,63,00,68,00,00,\\
  00
"Flags"=hex(7):50,00,6f,00,6c,00,6c,00,00,00,53,00,79,00,6e,00,63,00,00,00,00,\\
  00
"Nothing"=hex(0):
"Big"=hex(5):00,00,00,01

[{EN}\\{GUID}\\DMClient\\AirWatchMDM]
"EntDeviceName"="CONTOSO-LT-0421"

"""


def utf16(text: str) -> bytes:
    return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")


def values_of(parsed: RegFile, path: str) -> dict[str, RegValue]:
    key = parsed.key(path)
    assert key is not None, path
    return key.values


class TestParse:
    def test_regedit_utf16_export(self) -> None:
        parsed = parse_regfile(utf16(SAMPLE))
        assert parsed.version == "5.00"
        assert [k.path for k in parsed.keys] == [
            "HKLM\\SOFTWARE\\Microsoft\\Enrollments",
            f"HKLM\\SOFTWARE\\Microsoft\\Enrollments\\{GUID}",
            f"HKLM\\SOFTWARE\\Microsoft\\Enrollments\\{GUID}\\DMClient\\AirWatchMDM",
        ]
        values = values_of(parsed, f"HKLM\\SOFTWARE\\Microsoft\\Enrollments\\{GUID}")
        assert values[""] == RegValue("", "REG_SZ", "default text")
        assert values["upn"].data == "alex.martin@contoso.example"
        assert values["enrollmentstate"] == RegValue("EnrollmentState", "REG_DWORD", 1)
        assert values["enrollmenttype"].data == 13
        assert values["providerid"].data == "AirWatchMDM"
        assert values["quoted"].data == 'say "hi" to C:\\ProgramData\\'
        assert values["renewalerrorcode"] == RegValue(
            "RenewalErrorCode", "REG_QWORD", 0x8000000000000201
        )
        assert values["blob"] == RegValue("Blob", "REG_BINARY", b"\xde\xad\xbe\xef")
        assert values["expanded"] == RegValue(
            "Expanded", "REG_EXPAND_SZ", "%ProgramData%\\AirWatch"
        )
        assert values["flags"] == RegValue("Flags", "REG_MULTI_SZ", ["Poll", "Sync"])
        assert values["nothing"] == RegValue("Nothing", "REG_NONE", b"")
        assert values["big"] == RegValue("Big", "REG_5", b"\x00\x00\x00\x01")

    @pytest.mark.parametrize(
        "encode",
        [
            lambda t: t.encode("utf-8"),
            lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
            lambda t: t.replace("\n", "\r\n").encode("utf-8"),
            lambda t: t.replace("\n", "\r\n").encode("utf-16-le"),  # no BOM
            utf16,
        ],
        ids=["utf8-lf", "utf8-bom", "utf8-crlf", "utf16-no-bom", "utf16-bom"],
    )
    def test_encodings_and_line_endings(self, encode) -> None:  # type: ignore[no-untyped-def]
        assert parse_regfile(encode(SAMPLE)) == parse_regfile(utf16(SAMPLE))

    def test_regedit4_header_and_ansi_hex_strings(self) -> None:
        text = (
            "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\n"
            '"Path"=hex(2):25,50,44,25,5c,e9,00\n'
            '"List"=hex(7):61,00,62,00,00\n'
        )
        parsed = parse_regfile(text.encode("utf-8"))
        assert parsed.version == "4"
        values = values_of(parsed, "HKLM\\SOFTWARE\\X")
        assert values["path"].data == "%PD%\\é"
        assert values["list"].data == ["a", "b"]

    def test_comments_trailing_spaces_unknown_lines_and_deletions(self) -> None:
        text = f"""; exported by hand   \r
Windows Registry Editor Version 5.00   \r
\r
[-{EN}\\Deleted]\r
"Ignored"="below a deleted key"\r
[{EN}\\Kept]   \r
"A"="1"   \r
"B"=-\r
"C"=unknown:1234\r
garbage line\r
"D"=dword:0000001\r
   "E"  =  "spaced"\r
"""
        parsed = parse_regfile(text.encode("utf-8"))
        assert [k.path for k in parsed.keys] == [
            "HKLM\\SOFTWARE\\Microsoft\\Enrollments\\Kept"
        ]
        values = parsed.keys[0].values
        assert {k: v.data for k, v in values.items()} == {
            "a": "1",
            "d": 1,
            "e": "spaced",
        }

    def test_key_written_twice_is_merged(self) -> None:
        text = '[HKLM\\A]\n"x"="1"\n[HKLM\\B]\n[hklm\\a]\n"y"="2"\n"X"="3"\n'
        parsed = parse_regfile(text.encode())
        assert [k.path for k in parsed.keys] == ["HKLM\\A", "HKLM\\B"]
        assert {k: v.data for k, v in parsed.keys[0].values.items()} == {
            "x": "3",
            "y": "2",
        }

    def test_truncated_utf16_keeps_what_parsed(self) -> None:
        data = utf16(SAMPLE)
        cut = data.index('"Flags"'.encode("utf-16-le")) + 41  # odd: mid-character
        parsed = parse_regfile(data[:cut])
        values = values_of(parsed, f"{EN}\\{GUID}")
        assert values["providerid"].data == "AirWatchMDM"
        assert values["expanded"].data == "%ProgramData%\\AirWatch"
        assert "entdevicename" not in str(parsed)

    def test_truncated_inside_continuation(self) -> None:
        text = '[HKLM\\A]\n"Blob"=hex:01,02,\\\n  03,0'
        parsed = parse_regfile(text.encode())
        assert parsed.keys[0].values["blob"].data == b"\x01\x02\x03\x00"

    def test_continuation_cut_by_a_key_line(self) -> None:
        text = '[HKLM\\A]\n"Blob"=hex:01,02,\\\n[HKLM\\B]\n"x"="y"\n'
        parsed = parse_regfile(text.encode())
        assert parsed.keys[0].values["blob"].data == b"\x01\x02"
        assert parsed.keys[1].values["x"].data == "y"

    def test_unclosed_string_is_skipped(self) -> None:
        parsed = parse_regfile(b'[HKLM\\A]\n"x"="no end\n"y"="ok"\n"z\n')
        assert list(parsed.keys[0].values) == ["y"]

    def test_header_only_is_an_empty_export(self) -> None:
        assert parse_regfile(utf16(SAMPLE.split("\n", 1)[0])).keys == []

    def test_no_header_but_keys_is_accepted(self) -> None:
        parsed = parse_regfile(b'[HKEY_CURRENT_USER\\Software\\X]\n"a"="b"\n')
        assert parsed.version is None
        assert parsed.keys[0].path == "HKCU\\Software\\X"

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"   \r\n\t",
            b"\x00\x01\x02\x03\xfe\xfd" * 100,
            bytes(range(256)) * 4,
            b"just some text\nwith lines\n",
            b"\xff\xfe",
            b"+----+\n| Device State |\n",
        ],
        ids=["empty", "blank", "binary", "all-bytes", "text", "bom-only", "dsreg"],
    )
    def test_not_an_export_raises_parse_error(self, data: bytes) -> None:
        with pytest.raises(ParseError):
            parse_regfile(data)

    @given(st.binary(max_size=2048))
    def test_arbitrary_bytes_raise_only_parse_error(self, data: bytes) -> None:
        try:
            parse_regfile(data)
        except ParseError:
            pass

    @given(st.text(max_size=1024))
    def test_arbitrary_text_raises_only_parse_error(self, text: str) -> None:
        for data in (
            text.encode("utf-8", errors="surrogatepass"),
            b"\xff\xfe" + text.encode("utf-16-le", errors="surrogatepass"),
        ):
            try:
                parse_regfile(data)
            except ParseError:
                pass

    @given(
        st.lists(
            st.sampled_from(
                [
                    "[HKEY_LOCAL_MACHINE\\A]",
                    "[-HKLM\\B]",
                    "[HKLM\\",
                    '"x"="y"',
                    '"x"="y',
                    '"x"=dword:zz',
                    '"x"=dword:1',
                    '"x"=hex(b):01,02,\\',
                    '"x"=hex(7):61,00,00,\\',
                    '"x"=hex(2):6',
                    '"x"=hex(ffffffff):00',
                    "@=hex:",
                    "  00,00,\\",
                    "; comment \\",
                    "REGEDIT4",
                    "",
                    "\\",
                ]
            ),
            max_size=30,
        )
    )
    def test_shuffled_format_fragments(self, lines: list[str]) -> None:
        try:
            parse_regfile("\r\n".join(lines).encode("utf-8"))
        except ParseError:
            pass


class TestPaths:
    @pytest.mark.parametrize(
        ("raw", "normal"),
        [
            ("HKEY_LOCAL_MACHINE\\SOFTWARE\\X", "HKLM\\SOFTWARE\\X"),
            ("hkey_local_machine\\Software\\X\\", "HKLM\\Software\\X"),
            ("HKLM\\SOFTWARE", "HKLM\\SOFTWARE"),
            ("hklm", "HKLM"),
            ("HKEY_CURRENT_USER\\Software", "HKCU\\Software"),
            ("HKEY_USERS\\.DEFAULT", "HKU\\.DEFAULT"),
            ("Odd\\Path", "Odd\\Path"),
        ],
    )
    def test_normalize(self, raw: str, normal: str) -> None:
        assert normalize_path(raw) == normal

    @pytest.mark.parametrize(
        ("a", "b", "same"),
        [
            ("Enrollments", "ENROLLMENTS", True),
            ("\u00b5", "\u039c", True),  # micro sign and capital mu: same upper case
            ("\u0131", "I", True),  # dotless i upper-cases to I
            ("stra\u00dfe", "STRASSE", False),  # no one-to-one upper case: kept
            ("stra\u00dfe", "STRA\u00dfE", True),
        ],
    )
    def test_fold_compares_like_windows(self, a: str, b: str, same: bool) -> None:
        assert (fold(a) == fold(b)) is same

    def test_lookup_is_case_and_hive_insensitive(self) -> None:
        parsed = parse_regfile(utf16(SAMPLE))
        assert parsed.key(
            f"hkey_local_machine\\software\\MICROSOFT\\enrollments\\{GUID}"
        )
        assert parsed.key("HKLM\\SOFTWARE\\Nope") is None
        # DMClient is only implied by DMClient\AirWatchMDM: still a child.
        assert parsed.children(f"HKLM\\Software\\Microsoft\\Enrollments\\{GUID}") == [
            "DMClient"
        ]
        assert parsed.children(EN) == [GUID]


class TestExport:
    def test_writes_regedit_format(self) -> None:
        keys = [
            RegKey(
                "HKLM\\SOFTWARE\\X",
                {
                    "": RegValue("", "REG_SZ", "d"),
                    "s": RegValue("S", "REG_SZ", 'a"b\\c'),
                    "n": RegValue("N", "REG_DWORD", 26),
                    "q": RegValue("Q", "REG_QWORD", 1),
                    "b": RegValue("B", "REG_BINARY", bytes(40)),
                },
            )
        ]
        data = export_reg(keys)
        assert data.startswith(b"\xff\xfe")
        text = data[2:].decode("utf-16-le")
        lines = text.split("\r\n")
        assert lines[:3] == [
            "Windows Registry Editor Version 5.00",
            "",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]",
        ]
        assert lines[3:7] == [
            '@="d"',
            '"S"="a\\"b\\\\c"',
            '"N"=dword:0000001a',
            '"Q"=hex(b):01,00,00,00,00,00,00,00',
        ]
        assert lines[7].endswith(",\\") and len(lines[7]) <= 80
        assert lines[8].startswith("  ")
        assert "\n" not in text.replace("\r\n", "")
        assert parse_regfile(data).keys == keys

    def test_odd_data_is_written_as_hex(self) -> None:
        keys = [
            RegKey(
                "HKLM\\X",
                {
                    "nl": RegValue("nl", "REG_SZ", "two\r\nlines"),
                    "big": RegValue("big", "REG_DWORD", 1 << 40),
                    "link": RegValue("link", "REG_6", b"\x01"),
                    "none": RegValue("none", "REG_BINARY", None),  # type: ignore[arg-type]
                },
            )
        ]
        values = parse_regfile(export_reg(keys)).keys[0].values
        assert values["nl"].data == "two\r\nlines"
        assert values["link"] == RegValue("link", "REG_6", b"\x01")
        assert values["none"].data == b""
        assert values["big"].type == "REG_DWORD"

    def test_empty_export_round_trips(self) -> None:
        assert parse_regfile(export_reg([])) == RegFile([], "5.00")


# --- round trip of generated keys ------------------------------------------------

# Names: no control characters (regedit cannot write them), no U+FFFD (binary-data
# marker of decode_text), no surrogates; key names cannot hold a backslash, nor
# start or end with whitespace (regedit's own lines are stripped).
_NAME_CHARS = st.characters(
    exclude_categories=["Cs", "Cc"], exclude_characters="\ufffd"
)
_KEY_NAME = (
    st.text(_NAME_CHARS, min_size=1, max_size=12)
    .map(lambda s: s.replace("\\", "_").strip())
    .filter(bool)
)
_VALUE_NAME = st.text(_NAME_CHARS, max_size=12)
_STRING = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_MULTI_ITEM = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=10,
)


@st.composite
def _value(draw: st.DrawFn, name: str) -> RegValue:
    kind = draw(
        st.sampled_from(
            [
                "REG_SZ",
                "REG_EXPAND_SZ",
                "REG_MULTI_SZ",
                "REG_DWORD",
                "REG_QWORD",
                "REG_BINARY",
                "REG_NONE",
            ]
        )
    )
    data: str | int | list[str] | bytes
    if kind in ("REG_SZ", "REG_EXPAND_SZ"):
        data = draw(_STRING)
    elif kind == "REG_MULTI_SZ":
        data = draw(st.lists(_MULTI_ITEM, max_size=4))
    elif kind == "REG_DWORD":
        data = draw(st.integers(0, 2**32 - 1))
    elif kind == "REG_QWORD":
        data = draw(st.integers(0, 2**64 - 1))
    else:
        data = draw(st.binary(max_size=80))
    return RegValue(name, kind, data)


@st.composite
def _keys(draw: st.DrawFn) -> list[RegKey]:
    paths = draw(
        st.lists(
            st.lists(_KEY_NAME, min_size=1, max_size=4).map(
                lambda parts: "HKLM\\" + "\\".join(parts)
            ),
            max_size=5,
            unique_by=fold,
        )
    )
    keys = []
    for path in paths:
        names = draw(st.lists(_VALUE_NAME, max_size=5, unique_by=str.lower))
        keys.append(RegKey(path, {n.lower(): draw(_value(n)) for n in names}))
    return keys


@settings(max_examples=300)
@given(_keys())
def test_export_parse_round_trip(keys: list[RegKey]) -> None:
    parsed = parse_regfile(export_reg(keys))
    assert parsed.version == "5.00"
    assert parsed.keys == keys


_ASCII_SWAP = str.maketrans(
    string.ascii_letters, string.ascii_lowercase.upper() + string.ascii_lowercase
)


@given(_keys())
def test_reader_over_generated_keys(keys: list[RegKey]) -> None:
    reader = RegFileReader.from_bytes(export_reg(keys))
    for key in keys:
        # Windows compares names by upper-casing them; swapping case keeps a name
        # equal only for characters whose swap upper-cases back to the same one
        # (not so for, e.g., U+03F4 GREEK CAPITAL THETA SYMBOL).
        assert reader.values(key.path.swapcase()) == key.values or any(
            len(c.swapcase()) != 1 or c.swapcase().upper() != c.upper()
            for c in key.path
        )
        assert reader.values(key.path.translate(_ASCII_SWAP)) == key.values
        parent, _, name = key.path.rpartition("\\")
        assert name in reader.subkeys(parent.translate(_ASCII_SWAP))


class TestReader:
    def test_reads_like_the_registry(self) -> None:
        reader = RegFileReader.from_bytes(utf16(SAMPLE))
        key = f"HKLM\\SOFTWARE\\Microsoft\\Enrollments\\{GUID}"
        values = reader.values(key.lower())
        assert values is not None and values["providerid"].data == "AirWatchMDM"
        assert reader.subkeys(
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments"
        ) == [GUID]
        # An implied intermediate key exists, without values.
        assert reader.values(f"{key}\\DMClient") == {}
        assert reader.subkeys(f"{key}\\dmclient") == ["AirWatchMDM"]
        assert reader.values("HKLM\\SOFTWARE\\Absent") is None
        assert reader.subkeys("HKLM\\SOFTWARE\\Absent") == []

    def test_several_exports_merge(self) -> None:
        first = parse_regfile(b'[HKLM\\A]\n"x"="1"\n"y"="1"\n')
        second = parse_regfile(b'[HKLM\\a]\n"Y"="2"\n[HKLM\\A\\B]\n')
        reader = RegFileReader(first, second)
        values = reader.values("HKLM\\A")
        assert values is not None
        assert {k: v.data for k, v in values.items()} == {"x": "1", "y": "2"}
        assert reader.subkeys("HKLM\\A") == ["B"]
        assert reader.subkeys("HKLM") == ["A"]

    def test_returned_values_are_a_copy(self) -> None:
        reader = RegFileReader.from_keys([RegKey("HKLM\\A", {})])
        values = reader.values("HKLM\\A")
        assert values == {}
        assert values is not None
        values["x"] = RegValue("x", "REG_SZ", "changed")
        assert reader.values("HKLM\\A") == {}


def test_sample_uses_only_printable_ascii() -> None:
    # The synthetic sample is plain text a reviewer can read.
    assert set(SAMPLE) <= set(string.printable)
