# SPDX-License-Identifier: MIT
"""Expected devices: the old EMM's device list, kept as serial HMACs.

IT exports the device list from the old EMM (a CSV with a serial number column,
and optionally user and wave columns) and uploads it through the dashboard or
``intune-migration-collector import-expected FILE``. Each serial is keyed with
the tenant's HMAC key exactly as the helper keys it
(:func:`helper.report.event.serial_hmac`: spaces trimmed, upper case,
HMAC-SHA256), so an expected device and the device's own reports meet on
``serial_hmac`` without the collector ever storing a serial number. The devices
of the list that never reported are the ones conditional access will lock out.

What is stored (table ``expected_device``): the HMAC, the wave, the import
time, and the user column **only** when ``dashboard.store_expected_users`` is
true (default: user names are read past and dropped).

The CSV reader is tolerant: UTF-8 (with or without BOM), UTF-16 with BOM, or
Windows-1252; ``;``, ``,`` or tab delimiters; header names in any case, with or
without accents, in English or French (``Serial Number``, ``serialnumber``,
``Numéro de série``...). Rows it cannot use are reported with their line
number and a reason code, never silently dropped.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import time
import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from collector.ingest import register_state_hook
from collector.storage import Migration, register_migrations, utc_now_text, utc_text
from collector.storage.base import Connection, Store
from helper.parsers.serial import normalize_serial
from helper.report.event import ID_PATTERN, serial_hmac

if TYPE_CHECKING:
    import argparse

    from collector.config import Config
    from collector.dashboard.settings import DashboardConfig

COMPONENT: Final = "expected"
TABLE: Final = "expected_device"
MAX_ROWS: Final = 1_000_000
MAX_FIELD: Final = 256
# Rows per multi-row INSERT (far below SQLite's bound-variable limit).
_CHUNK: Final = 500
_ID: Final = re.compile(ID_PATTERN)


def _index_dashboard(conn: Connection) -> None:
    """The dashboard groups its counts and its history by the device's wave
    (``COALESCE(listed_wave, wave_id)``) and a few columns: these indexes let
    each database read them alone instead of 200,000 rows with their payloads
    (make bench: the page from about 5 s to a few hundred ms). SQLite reads an
    index on the very expressions in order and aggregates as it goes;
    PostgreSQL reads an index only when it holds the plain columns, then
    aggregates in a hash table."""
    wave = "(COALESCE(listed_wave, wave_id))"
    if conn.dialect.name == "postgres":
        counts = "listed_wave, wave_id, "
        history = "listed_wave, wave_id, first_received_utc, migrated_utc, identity"
    else:
        counts = f"{wave}, "
        history = (
            f"{wave}, (substr(first_received_utc, 1, 10)), "
            "(CASE WHEN identity <> 'reported' THEN substr(migrated_utc, 1, 10) END)"
        )
    conn.execute(
        f"CREATE INDEX dashboard_counts ON device_state ({counts}overall_state, "
        "legacy_vendor, os_family, legacy_status, in_intune, "
        + (
            "identity)"
            if conn.dialect.name == "postgres"
            else "(identity <> 'reported'))"
        )
    )
    conn.execute(f"CREATE INDEX dashboard_history ON device_state ({history})")


register_migrations(
    COMPONENT,
    [
        Migration(
            1,
            "expected devices (serial HMACs from the old EMM's list)",
            (
                f"""
                CREATE TABLE {TABLE} (
                    serial_hmac TEXT PRIMARY KEY,
                    wave_id TEXT,
                    user_name TEXT,
                    imported_utc TEXT NOT NULL
                )
                """,
                f"CREATE INDEX {TABLE}_wave ON {TABLE} (wave_id)",
                # "Never ran" looks device_state up by serial HMAC, which the
                # core does not index (its key is tid:oid:machine).
                "CREATE INDEX expected_state_serial ON device_state (serial_hmac)",
            ),
        ),
        Migration(
            2,
            "each device's wave in IT's list, and the dashboard's indexes on it",
            (
                # The wave IT's list gives the device's serial (NULL: not
                # listed, or listed without a wave). Kept by this module: at
                # import, at purge and in every ingest (register_state_hook).
                "ALTER TABLE device_state ADD COLUMN listed_wave TEXT",
                f"UPDATE device_state SET listed_wave = (SELECT e.wave_id FROM "
                f"{TABLE} e WHERE e.serial_hmac = device_state.serial_hmac) "
                "WHERE serial_hmac IS NOT NULL",
                "CREATE INDEX dashboard_listed ON device_state "
                "(listed_wave, serial_hmac, identity)",
                "DROP INDEX expected_state_serial",
                "CREATE INDEX expected_state_serial ON device_state "
                "(serial_hmac, identity)",
                f"CREATE INDEX {TABLE}_wave_serial ON {TABLE} (wave_id, serial_hmac)",
            ),
            run=_index_dashboard,
        ),
    ],
)


def _distinct(conn: Connection) -> str:
    # A null-safe "differs" (IS DISTINCT FROM arrived in SQLite 3.39 only).
    return "IS DISTINCT FROM" if conn.dialect.name == "postgres" else "IS NOT"


def _listed_sql(conn: Connection) -> str:
    return (
        f"UPDATE device_state SET listed_wave = (SELECT e.wave_id FROM {TABLE} e "
        "WHERE e.serial_hmac = device_state.serial_hmac) "
        f"WHERE listed_wave {_distinct(conn)} (SELECT e.wave_id FROM {TABLE} e "
        "WHERE e.serial_hmac = device_state.serial_hmac)"
    )


def keep_listed_wave(conn: Connection, keys: Sequence[str]) -> None:
    """``device_state.listed_wave`` of the devices just written (an ingest
    hook): usually nothing changes, and nothing is written then."""
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        conn.execute(
            _listed_sql(conn)
            + f" AND serial_hmac IS NOT NULL AND device_key IN ({marks})",
            list(chunk),
        )


def _relist(conn: Connection, serials: Sequence[str] | None) -> None:
    """``listed_wave`` after the list changed: for these serials, or (None)
    for every device."""
    if serials is None:
        conn.execute(_listed_sql(conn))
        return
    for start in range(0, len(serials), _CHUNK):
        chunk = serials[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        conn.execute(_listed_sql(conn) + f" AND serial_hmac IN ({marks})", list(chunk))


register_state_hook(keep_listed_wave)

# Normalised header names (see _header_key) → our columns.
HEADER_ALIASES: Final[dict[str, frozenset[str]]] = {
    "serial": frozenset(
        {
            "serial",
            "serial number",
            "serialnumber",
            "serial no",
            "serial num",
            "sn",
            "device serial",
            "device serial number",
            "hardware serial",
            "hardware serial number",
            "numero de serie",
            "n de serie",
            "no de serie",
            "num de serie",
            "numero serie",
        }
    ),
    "user": frozenset(
        {
            "user",
            "username",
            "user name",
            "upn",
            "user principal name",
            "userprincipalname",
            "email",
            "e mail",
            "email address",
            "mail",
            "owner",
            "enrolled user",
            "enrollment user",
            "primary user",
            "primary user upn",
            "utilisateur",
            "nom d utilisateur",
            "proprietaire",
        }
    ),
    "wave": frozenset(
        {"wave", "wave id", "waveid", "migration wave", "vague", "vague de migration"}
    ),
}

ProblemCode = Literal[
    "serial-missing",
    "serial-placeholder",
    "wave-invalid",
    "wave-unknown",
    "duplicate",
    "duplicate-conflict",
    "too-long",
]


class ExpectedListError(Exception):
    """The file cannot be used at all (no serial column, empty, too large...).

    Attributes:
        code: ``empty``, ``no-serial-column``, ``too-many-rows``, ``not-text``,
            ``no-key``.
        detail: one English sentence.
    """

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was not imported (or imported with a remark).

    Attributes:
        line: the line number in the file (1 = the header).
        code: why (see :data:`ProblemCode`).
        value: the offending value, shortened (shown to IT, never logged).
    """

    line: int
    code: ProblemCode
    value: str = ""


@dataclass(frozen=True, slots=True)
class ExpectedRow:
    """One usable row.

    Attributes:
        serial_hmac: the keyed serial.
        wave_id: the wave, or None.
        user_name: the user column, only when asked to keep it.
        line: its line in the file.
        serial: the plain serial, only when asked to keep it (in memory, for
            the "list my missing devices" answer; never stored).
    """

    serial_hmac: str
    wave_id: str | None
    user_name: str | None
    line: int
    serial: str | None = None


@dataclass(slots=True)
class ParsedList:
    """A parsed device list.

    Attributes:
        rows: the usable rows, one per serial (first occurrence wins).
        problems: the rows not used, and remarks.
        encoding: how the file was decoded.
        delimiter: the field delimiter found.
        columns: our column → the header name found.
        lines: data lines read (blank lines not counted).
    """

    rows: list[ExpectedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    columns: dict[str, str] = field(default_factory=dict)
    lines: int = 0


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed.

    Attributes:
        imported: rows written (inserted or updated).
        replaced: rows deleted first (``replace`` mode).
        total: expected devices stored afterwards.
    """

    imported: int
    replaced: int
    total: int


def hmac_serial(serial: str, key: str) -> str | None:
    """The serial as the helper sends it: HMAC-SHA256 with the tenant key.

    The helper's own function, so the two can never disagree (a test checks
    it against the documented recipe too). None for an empty or placeholder
    serial, or without a key.
    """
    return serial_hmac(serial, key)


def _header_key(name: str) -> str:
    """``Numéro de Série`` → ``numero de serie`` (accents, case, punctuation)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def decode_text(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding used.

    UTF-8 (BOM or not), UTF-16 with a BOM (Excel's "Unicode text"), else
    Windows-1252 (older Excel exports on Windows).

    Raises:
        ExpectedListError: ``not-text`` for binary data (an .xlsx, say).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ExpectedListError(
                "not-text", "the file starts like UTF-16 but is not"
            ) from None
    if b"\x00" in data[:4096] or data.startswith(b"PK\x03\x04"):
        raise ExpectedListError(
            "not-text", "the file is not a CSV text file (save it as CSV, not .xlsx)"
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _delimiter(header_line: str) -> str:
    """The delimiter of the header line: the most frequent of ``;``, ``,``, tab
    outside quotes (a lone column: ``,``)."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else ","


def _short(value: str) -> str:
    clean = "".join(c if c.isprintable() else "?" for c in value.strip())
    return clean if len(clean) <= 64 else clean[:61] + "..."


def parse_expected(
    data: bytes,
    *,
    key: str,
    waves: Collection[str] = (),
    default_wave: str | None = None,
    keep_users: bool = False,
    keep_serials: bool = False,
    max_rows: int = MAX_ROWS,
) -> ParsedList:
    """Read an exported device list.

    Args:
        data: the file's bytes.
        key: the tenant's serial HMAC key.
        waves: the configured wave ids; when not empty, a row naming another
            wave is refused (``wave-unknown``): it would never match a report.
        default_wave: the wave of rows with no wave column or an empty cell.
        keep_users: keep the user column (only when IT opted in).
        keep_serials: keep plain serials in the rows (in memory only).
        max_rows: refuse larger files.

    Returns:
        The usable rows and the problems, by line.

    Raises:
        ExpectedListError: the file cannot be used at all.
    """
    if not key:
        raise ExpectedListError(
            "no-key",
            "dashboard.serial_hmac_key is not set: serials cannot be matched "
            "with the helper's reports",
        )
    text, encoding = decode_text(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise ExpectedListError("empty", "the file is empty")
    parsed = ParsedList(encoding=encoding, delimiter=_delimiter(first))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=parsed.delimiter)
    header: list[str] | None = None
    index: dict[str, int] = {}
    seen: dict[str, ExpectedRow] = {}
    wave_set = frozenset(waves)
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = cells
                for position, name in enumerate(cells):
                    normal = _header_key(name)
                    for column, aliases in HEADER_ALIASES.items():
                        if normal in aliases and column not in index:
                            index[column] = position
                            parsed.columns[column] = _short(name)
                if "serial" not in index:
                    raise ExpectedListError(
                        "no-serial-column",
                        "no serial number column (expected a header such as "
                        "'Serial Number', 'serial' or 'Numéro de série'; found: "
                        + ", ".join(_short(c) for c in cells[:12])
                        + ")",
                    )
                continue
            parsed.lines += 1
            if parsed.lines > max_rows:
                raise ExpectedListError(
                    "too-many-rows", f"more than {max_rows} rows; split the file"
                )
            _row(
                parsed,
                cells,
                index,
                reader.line_num,
                seen,
                key=key,
                waves=wave_set,
                default_wave=default_wave,
                keep_users=keep_users,
                keep_serials=keep_serials,
            )
    except csv.Error as exc:
        raise ExpectedListError(
            "not-csv", f"line {reader.line_num}: not valid CSV ({exc})"
        ) from None
    if header is None:
        raise ExpectedListError("empty", "the file is empty")
    parsed.rows = list(seen.values())
    return parsed


def _cell(cells: Sequence[str], position: int | None) -> str:
    if position is None or position >= len(cells):
        return ""
    return cells[position].strip()


def _row(
    parsed: ParsedList,
    cells: Sequence[str],
    index: dict[str, int],
    line: int,
    seen: dict[str, ExpectedRow],
    *,
    key: str,
    waves: frozenset[str],
    default_wave: str | None,
    keep_users: bool,
    keep_serials: bool,
) -> None:
    serial = _cell(cells, index["serial"])
    if not serial:
        parsed.problems.append(RowProblem(line, "serial-missing"))
        return
    if len(serial) > MAX_FIELD:
        parsed.problems.append(RowProblem(line, "too-long", _short(serial)))
        return
    if normalize_serial(serial) is None:
        # The helper never sends these (firmware placeholders): they would
        # stay "never ran" for ever.
        parsed.problems.append(RowProblem(line, "serial-placeholder", _short(serial)))
        return
    wave = _cell(cells, index.get("wave")) or default_wave or None
    if wave is not None and not _ID.fullmatch(wave):
        parsed.problems.append(RowProblem(line, "wave-invalid", _short(wave)))
        return
    if wave is not None and waves and wave not in waves:
        parsed.problems.append(RowProblem(line, "wave-unknown", _short(wave)))
        return
    user = _cell(cells, index.get("user")) if keep_users else ""
    if len(user) > MAX_FIELD:
        parsed.problems.append(RowProblem(line, "too-long", _short(user)))
        return
    digest = hmac_serial(serial, key)
    if digest is None:  # pragma: no cover - key and placeholder checked above
        return
    known = seen.get(digest)
    if known is not None:
        code: ProblemCode = (
            "duplicate" if known.wave_id == wave else "duplicate-conflict"
        )
        parsed.problems.append(RowProblem(line, code, _short(serial)))
        return
    seen[digest] = ExpectedRow(
        serial_hmac=digest,
        wave_id=wave,
        user_name=user or None,
        line=line,
        serial=normalize_serial(serial) if keep_serials else None,
    )


# --- storage --------------------------------------------------------------------


def _write(
    conn: Connection, rows: Sequence[ExpectedRow], replace: bool, now: str
) -> ImportResult:
    replaced = 0
    if replace:
        replaced = max(0, conn.execute(f"DELETE FROM {TABLE}").rowcount)
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        values = conn.dialect.values(len(chunk), 4)
        conn.execute(
            f"INSERT INTO {TABLE} (serial_hmac, wave_id, user_name, imported_utc) "
            f"VALUES {values} ON CONFLICT (serial_hmac) DO UPDATE SET "
            "wave_id = excluded.wave_id, user_name = excluded.user_name, "
            "imported_utc = excluded.imported_utc",
            [v for r in chunk for v in (r.serial_hmac, r.wave_id, r.user_name, now)],
        )
    # The dashboard's wave of each device follows the list.
    _relist(conn, None if replace else [r.serial_hmac for r in rows])
    total = int(conn.scalar(f"SELECT count(*) FROM {TABLE}"))
    return ImportResult(imported=len(rows), replaced=replaced, total=total)


def store_expected(
    store: Store,
    rows: Sequence[ExpectedRow],
    *,
    replace: bool = False,
    clock: Callable[[], float] = time.time,
) -> ImportResult:
    """Save the rows in one transaction.

    Args:
        store: the collector's store.
        rows: from :func:`parse_expected` (one per serial).
        replace: delete the stored list first (the file is the whole list);
            otherwise add to it and update the devices it names.
        clock: epoch seconds (tests).
    """
    # Plain serials never reach the database, whatever the caller parsed.
    return store.transaction(_write, rows, replace, utc_now_text(clock))


def count_expected(conn: Connection) -> int:
    """How many expected devices are stored."""
    return int(conn.scalar(f"SELECT count(*) FROM {TABLE}"))


def reported(conn: Connection, digests: Sequence[str]) -> set[str]:
    """The serial HMACs among ``digests`` that some device reported."""
    found: set[str] = set()
    for start in range(0, len(digests), _CHUNK):
        chunk = digests[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = conn.fetchall(
            "SELECT DISTINCT serial_hmac FROM device_state "
            f"WHERE serial_hmac IN ({marks})",
            list(chunk),
        )
        found.update(str(r[0]) for r in rows)
    return found


def _purge(conn: Connection, before: str, keep_users: bool) -> int:
    deleted = max(
        0,
        conn.execute(f"DELETE FROM {TABLE} WHERE imported_utc < ?", (before,)).rowcount,
    )
    if deleted:
        _relist(conn, None)
    if not keep_users:
        # Turning store_expected_users off forgets the names already kept.
        conn.execute(f"UPDATE {TABLE} SET user_name = NULL WHERE user_name IS NOT NULL")
    return deleted


def purge_expected(
    store: Store,
    settings: DashboardConfig,
    *,
    clock: Callable[[], float] = time.time,
) -> int:
    """Delete expected devices imported more than
    ``dashboard.expected_retention_days`` ago (and stored user names when
    ``store_expected_users`` is off).

    Returns:
        How many expected devices were deleted.
    """
    now = datetime.datetime.fromtimestamp(clock(), datetime.UTC)
    before = utc_text(now - datetime.timedelta(days=settings.expected_retention_days))
    return store.transaction(_purge, before, settings.store_expected_users)


def _count_purge(conn: Connection, before: str) -> int:
    return int(
        conn.scalar(f"SELECT count(*) FROM {TABLE} WHERE imported_utc < ?", (before,))
    )


def purge(store: Store, config: Config, *, dry_run: bool = False) -> list[str]:
    """``intune-migration-collector purge``'s part for expected devices.

    Returns:
        Lines to print (what was, or would be, deleted).
    """
    from collector.dashboard.settings import SECTION, DashboardConfig

    settings = config.section(SECTION, DashboardConfig)
    days = settings.expected_retention_days
    if dry_run:
        now = datetime.datetime.now(datetime.UTC)
        before = utc_text(now - datetime.timedelta(days=days))
        count = store.query(_count_purge, before)
        return [
            f"{count} expected devices imported more than {days} days ago "
            "would be deleted"
        ]
    deleted = purge_expected(store, settings)
    return [f"deleted {deleted} expected devices imported more than {days} days ago"]


def missing_csv(rows: Sequence[ExpectedRow], found: Collection[str]) -> Iterator[str]:
    """CSV lines (header first) of the rows whose serial never reported."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["line", "serial_number", "wave_id", "user", "serial_hmac"])
    yield buffer.getvalue()
    for row in rows:
        if row.serial_hmac in found:
            continue
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(
            [
                row.line,
                _guard(row.serial or ""),
                row.wave_id or "",
                _guard(row.user_name or ""),
                row.serial_hmac,
            ]
        )
        yield buffer.getvalue()


def _guard(value: str) -> str:
    # A cell starting with = + - @ is a formula for spreadsheets (CSV injection).
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


# --- command line ---------------------------------------------------------------

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
COMMAND: Final = "import-expected"


def add_cli(commands: Any) -> None:
    """Add ``import-expected`` to the collector's subcommands.

    Args:
        commands: the ``add_subparsers()`` object of ``collector.cli``.
    """
    command: argparse.ArgumentParser = commands.add_parser(
        COMMAND,
        help="import the old EMM's device list (CSV) as expected devices",
        description="Read a CSV exported from the old EMM (a serial number "
        "column; optional wave and user columns), key each serial with "
        "dashboard.serial_hmac_key and store the HMACs, so the dashboard lists "
        "the devices that never ran the helper. Serial numbers are never "
        "stored; user names only with dashboard.store_expected_users.",
    )
    command.add_argument("file", metavar="FILE", help="the CSV file ('-': stdin)")
    command.add_argument(
        "--replace",
        action="store_true",
        help="replace the whole stored list (default: add and update)",
    )
    command.add_argument(
        "--wave", help="the wave of rows without a wave column or value"
    )
    command.add_argument(
        "--dry-run", action="store_true", help="check the file, store nothing"
    )


def run_cli(args: argparse.Namespace, config: Config) -> int:
    """Run ``import-expected`` (see :func:`add_cli`); prints a report.

    Returns:
        0 when imported (even with refused rows, which are listed), 1 when the
        database failed, 2 when the file or the configuration is unusable.
    """
    import sys

    from collector.config import ConfigError
    from collector.dashboard.settings import dashboard_config
    from collector.storage import StorageError, open_store
    from collector.storage.migrations import check

    try:
        settings = dashboard_config(config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as handle:
                data = handle.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise ExpectedListError(
                "too-large",
                f"larger than dashboard.max_upload_bytes ({settings.max_upload_bytes})",
            )
        parsed = parse_expected(
            data,
            key=settings.serial_hmac_key,
            waves=[w.id for w in settings.waves],
            default_wave=args.wave,
            keep_users=settings.store_expected_users,
        )
    except OSError as exc:
        print(f"error: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except ExpectedListError as exc:
        print(f"error: {args.file}: {exc.detail}", file=sys.stderr)
        return EXIT_USAGE
    for problem in parsed.problems:
        value = f": {problem.value}" if problem.value else ""
        print(f"{args.file}:{problem.line}: {problem.code}{value}", file=sys.stderr)
    print(
        f"{args.file}: {parsed.lines} rows, {len(parsed.rows)} devices, "
        f"{len(parsed.problems)} problems ({parsed.encoding}, "
        f"delimiter {parsed.delimiter!r})"
    )
    if args.dry_run:
        return EXIT_OK
    try:
        with open_store(config.storage) as store:
            check(store)
            result = store_expected(store, parsed.rows, replace=args.replace)
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"imported {result.imported} expected devices"
        + (f" (replacing {result.replaced})" if args.replace else "")
        + f"; {result.total} stored"
    )
    return EXIT_OK


__all__ = [
    "COMMAND",
    "COMPONENT",
    "HEADER_ALIASES",
    "TABLE",
    "ExpectedListError",
    "ExpectedRow",
    "ImportResult",
    "ParsedList",
    "RowProblem",
    "add_cli",
    "count_expected",
    "decode_text",
    "hmac_serial",
    "missing_csv",
    "parse_expected",
    "purge",
    "purge_expected",
    "reported",
    "run_cli",
    "store_expected",
]
