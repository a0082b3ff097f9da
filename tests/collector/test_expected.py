# SPDX-License-Identifier: MIT
"""Expected devices: CSV variants, the helper's HMAC, storage, never-ran, CLI."""

from __future__ import annotations

import argparse
import codecs
import datetime
import hashlib
import hmac
from pathlib import Path
from typing import Any

import pytest

from collector.auth import Principal
from collector.config import Config, ServerConfig, StorageConfig
from collector.dashboard.queries import never_ran
from collector.dashboard.settings import DashboardConfig, WaveConfig
from collector.expected import (
    TABLE,
    ExpectedListError,
    ExpectedRow,
    ParsedList,
    add_cli,
    count_expected,
    hmac_serial,
    missing_csv,
    parse_expected,
    purge_expected,
    reported,
    run_cli,
    store_expected,
)
from collector.ingest import Ingestor, confirm_device
from collector.storage import Store, migrate
from collector.storage.schema import CONFIRMED_BY_GRAPH
from collector.storage.sqlite import SQLiteStore
from helper.report import event as helper_event
from tests.collector.conftest import batch
from tests.collector.support import (
    HELPER_CLIENT,
    TENANT,
    USER,
    make_event,
)
from tests.collector.support import (
    serial_hmac as support_hmac,
)

KEY = "k" * 32  # the key tests.collector.support.serial_hmac uses
PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())
NOW = 1_780_000_000.0


def h(serial: str) -> str:
    """The serial's HMAC with the test key."""
    value = hmac_serial(serial, KEY)
    assert value is not None
    return value


def parse(text: str | bytes, **options: Any) -> ParsedList:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_expected(data, key=KEY, **options)


# --- the HMAC -------------------------------------------------------------------


@pytest.mark.parametrize(
    "serial", ["C02XK1ABJG5H", "  pf3abcd9 ", "5CG1234XYZ", "Ünïcode-Ser", "a b"]
)
def test_the_hmac_is_the_helpers(serial: str) -> None:
    expected = helper_event.serial_hmac(serial, KEY)
    assert hmac_serial(serial, KEY) == expected
    # docs/reporting.md's recipe for IT: the digest a device sends, keyed
    # with the collector's key.
    digest = hashlib.sha256(
        b"intune-migration-helper/serial/1\n" + serial.strip().upper().encode()
    ).hexdigest()
    recipe = hmac.new(KEY.encode(), digest.encode(), "sha256").hexdigest()
    assert expected == recipe
    assert expected is not None
    assert len(expected) == 64


def test_the_hmac_matches_what_devices_report() -> None:
    # tests.collector.support HMACs serials as the helper does (already
    # normalised): an expected row and the device's event meet.
    assert h("serial-0001 ") == support_hmac("SERIAL-0001")
    assert hmac_serial("To be filled by O.E.M.", KEY) is None
    assert hmac_serial("X1", "") is None


# --- CSV variants ---------------------------------------------------------------


def test_workspace_one_export_comma_utf8_bom() -> None:
    text = (
        "\ufeffFriendly Name,Serial Number,Username,Platform\r\n"
        'PC-1,"SN-001",alice,Windows\r\n'
        "PC-2,sn-002,bob,Windows\r\n"
    )
    parsed = parse(text, keep_users=True)
    assert parsed.encoding == "utf-8"
    assert parsed.delimiter == ","
    rows = parsed.rows
    assert [r.serial_hmac for r in rows] == [
        h("SN-001"),
        h("SN-002"),
    ]
    assert [r.user_name for r in rows] == ["alice", "bob"]
    assert parsed.columns == {
        "serial": "Serial Number",
        "user": "Username",
    }


def test_french_excel_semicolons_windows_1252() -> None:
    text = "Numéro de série;Utilisateur;Vague\r\nABC1;Hélène;wave-01\r\nABC2;Zoé;\r\n"
    parsed = parse(text.encode("cp1252"), keep_users=True, default_wave="wave-02")
    assert parsed.encoding == "windows-1252"
    assert parsed.delimiter == ";"
    rows = parsed.rows
    assert [(r.user_name, r.wave_id) for r in rows] == [
        ("Hélène", "wave-01"),
        ("Zoé", "wave-02"),
    ]


def test_utf16_tab_separated_and_header_case() -> None:
    text = "SERIALNUMBER\tUPN\tWAVE ID\r\nq1w2\tx@contoso.example\twave-01\r\n"
    parsed = parse(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert parsed.encoding == "utf-16"
    assert parsed.delimiter == "\t"
    (row,) = parsed.rows
    assert row.serial_hmac == h("Q1W2")
    assert row.wave_id == "wave-01"
    assert row.user_name is None  # not kept unless IT opted in


def test_bad_rows_are_reported_by_line() -> None:
    text = (
        "serial,wave\n"
        "S1,wave-01\n"
        ",wave-01\n"  # line 3: no serial
        "\n"  # blank: skipped, not a problem
        "To be filled by O.E.M.,wave-01\n"  # line 5
        "S2,wave 02\n"  # line 6: not an id
        "S3,wave-09\n"  # line 7: unknown wave
        "s1,wave-01\n"  # line 8: duplicate
        "S1 ,wave-02\n"  # line 9: duplicate, other wave
        "S4,wave-02\n"
    )
    parsed = parse(text, waves=["wave-01", "wave-02"])
    problems = [(p.line, p.code) for p in parsed.problems]
    assert problems == [
        (3, "serial-missing"),
        (5, "serial-placeholder"),
        (6, "wave-invalid"),
        (7, "wave-unknown"),
        (8, "duplicate"),
        (9, "duplicate-conflict"),
    ]
    assert [r.line for r in parsed.rows] == [2, 10]
    assert parsed.lines == 8  # data rows; the blank line is not one


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"name,user\nPC-1,alice\n", "no-serial-column"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not-text"),
    ],
)
def test_unusable_files(data: bytes, code: str) -> None:
    with pytest.raises(ExpectedListError) as info:
        parse(data)
    assert info.value.code == code


def test_no_key_no_import() -> None:
    with pytest.raises(ExpectedListError, match="serial_hmac_key"):
        parse_expected(b"serial\nA\n", key="")


def test_too_many_rows() -> None:
    with pytest.raises(ExpectedListError, match="more than 2 rows"):
        parse("serial\nA\nB\nC\n", max_rows=2)


# --- storage --------------------------------------------------------------------


def rows_of(text: str, **options: Any) -> list[ExpectedRow]:
    return parse(text, **options).rows


def test_merge_and_replace(store: Store) -> None:
    first = store_expected(store, rows_of("serial,wave\nA,w1\nB,w1\n"))
    assert (first.imported, first.total) == (2, 2)
    merged = store_expected(store, rows_of("serial,wave\nB,w2\nC,w2\n"))
    assert (merged.imported, merged.total) == (2, 3)
    with store.read() as conn:
        waves = {
            str(k): v
            for k, v in conn.fetchall(f"SELECT serial_hmac, wave_id FROM {TABLE}")
        }
    assert waves[h("B")] == "w2"
    replaced = store_expected(store, rows_of("serial\nZ\n"), replace=True)
    assert (replaced.replaced, replaced.total) == (3, 1)
    assert store.query(count_expected) == 1


def test_user_names_are_not_stored_by_default(store: Store) -> None:
    store_expected(store, rows_of("serial,user\nA,alice\n"))
    with store.read() as conn:
        assert conn.scalar(f"SELECT user_name FROM {TABLE}") is None
    store_expected(store, rows_of("serial,user\nA,alice\n", keep_users=True))
    with store.read() as conn:
        assert conn.scalar(f"SELECT user_name FROM {TABLE}") == "alice"
        columns = conn.fetchone(f"SELECT * FROM {TABLE}")
    assert columns is not None
    assert "A" not in columns  # the serial itself is never stored


def test_never_ran_lists_the_devices_that_never_reported(store: Store) -> None:
    store_expected(
        store,
        rows_of(
            "serial,wave\nSERIAL-0001,wave-01\nSERIAL-0002,wave-01\n"
            "SERIAL-0003,wave-02\n"
        ),
    )
    ingestor = Ingestor(store, ServerConfig(), clock=lambda: NOW)
    ingestor.process(batch([make_event(serial="SERIAL-0002")]), "", PRINCIPAL)
    ingestor.process(batch([make_event(serial="SERIAL-0003")]), "", PRINCIPAL)
    # Only a confirmed report counts as "ran": SERIAL-0003 merely says so.
    store.transaction(
        confirm_device,
        tid=TENANT,
        serial_hmac=h("SERIAL-0002"),
        source=CONFIRMED_BY_GRAPH,
    )
    with store.read() as conn:
        missing = never_ran(conn, limit=10)
        first = never_ran(conn, limit=1, wave_order=["wave-02", "wave-01"])
        found = reported(
            conn,
            [
                h("SERIAL-0001"),
                h("SERIAL-0002"),
            ],
        )
    assert sorted(r[0] for r in missing) == sorted([h("SERIAL-0001"), h("SERIAL-0003")])
    assert first[0][1] == "wave-02"  # the most urgent wave first
    assert found == {h("SERIAL-0002")}


def _waves(store: Store) -> dict[str, str | None]:
    """serial HMAC → the wave the dashboard gives the device."""
    with store.read() as conn:
        return {
            str(serial): None if wave is None else str(wave)
            for serial, wave in conn.fetchall(
                "SELECT serial_hmac, COALESCE(listed_wave, wave_id) FROM device_state"
            )
        }


def test_each_device_carries_its_wave_in_the_list(store: Store) -> None:
    """listed_wave follows the list through ingest, import, replace and purge
    (the dashboard groups by it instead of joining every device to the list)."""
    ingestor = Ingestor(store, ServerConfig(), clock=lambda: NOW)

    def at() -> float:
        return NOW

    def report(serial: str, seq: int = 1) -> None:
        event = make_event(serial=serial, seq=seq, wave="wave-01")
        result = ingestor.process(batch([event]), "", PRINCIPAL)
        assert result.accepted == [event.event_id]

    report("SERIAL-0001")
    assert _waves(store) == {h("SERIAL-0001"): "wave-01"}  # not listed: its own
    store_expected(store, rows_of("serial,wave\nSERIAL-0001,wave-02\n"), clock=at)
    assert _waves(store) == {h("SERIAL-0001"): "wave-02"}  # the list wins
    report("SERIAL-0001", seq=2)  # a later event keeps the list's wave
    store_expected(store, rows_of("serial,wave\nSERIAL-0002,wave-03\n"), clock=at)
    report("SERIAL-0002")  # a listed device reporting for the first time
    assert _waves(store) == {h("SERIAL-0001"): "wave-02", h("SERIAL-0002"): "wave-03"}
    store_expected(
        store, rows_of("serial,wave\nSERIAL-0002,wave-04\n"), replace=True, clock=at
    )
    assert _waves(store) == {h("SERIAL-0001"): "wave-01", h("SERIAL-0002"): "wave-04"}
    settings = DashboardConfig(serial_hmac_key=KEY, expected_retention_days=30)
    assert purge_expected(store, settings, clock=lambda: NOW + 90 * 86400) == 1
    assert _waves(store) == {h("SERIAL-0001"): "wave-01", h("SERIAL-0002"): "wave-01"}


def test_missing_csv_gives_serials_back() -> None:
    parsed = parse(
        "serial,user\n=cmd,alice\nB2,bob\n", keep_users=True, keep_serials=True
    )
    rows = parsed.rows
    text = "".join(missing_csv(rows, {h("B2")}))
    assert text.splitlines() == [
        "line,serial_number,wave_id,user,serial_hmac",
        f"2,'=CMD,,alice,{h('=cmd')}",
    ]


def test_purge_forgets_old_lists_and_user_names(store: Store) -> None:
    settings = DashboardConfig(serial_hmac_key=KEY, expected_retention_days=30)
    store_expected(
        store, rows_of("serial,user\nOLD,a\n", keep_users=True), clock=lambda: NOW
    )
    later = NOW + 40 * 86400
    store_expected(
        store, rows_of("serial,user\nNEW,b\n", keep_users=True), clock=lambda: later
    )
    assert purge_expected(store, settings, clock=lambda: later) == 1
    with store.read() as conn:
        assert conn.fetchall(f"SELECT user_name FROM {TABLE}") == [(None,)]


# --- command line ---------------------------------------------------------------


def cli(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    add_cli(commands)
    return parser.parse_args(argv)


def test_import_expected_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite3"
    with SQLiteStore(db) as store:
        migrate(store)
    dashboard = DashboardConfig(
        serial_hmac_key=KEY,
        waves=(WaveConfig(id="wave-01", enforcement_date=datetime.date(2026, 6, 1)),),
    )
    config = Config(
        storage=StorageConfig(url=f"sqlite:///{db}"),
        extensions={"dashboard": dashboard},
    )
    csv_file = tmp_path / "ws1.csv"
    csv_file.write_text("Serial Number;Username\nA1;alice\nA2;bob\n;x\n")
    assert run_cli(cli(["import-expected", str(csv_file), "--dry-run"]), config) == 0
    assert (
        run_cli(cli(["import-expected", str(csv_file), "--wave", "wave-01"]), config)
        == 0
    )
    out, err = capsys.readouterr()
    assert "3 rows, 2 devices, 1 problems" in out
    assert "imported 2 expected devices; 2 stored" in out
    assert f"{csv_file}:4: serial-missing" in err
    with SQLiteStore(db) as store, store.read() as conn:
        assert conn.fetchall(f"SELECT DISTINCT wave_id, user_name FROM {TABLE}") == [
            ("wave-01", None)
        ]
    assert run_cli(cli(["import-expected", str(tmp_path / "nope.csv")]), config) == 2
    no_key = Config(storage=config.storage)
    assert run_cli(cli(["import-expected", str(csv_file)]), no_key) == 2
    assert "serial_hmac_key" in capsys.readouterr().err
