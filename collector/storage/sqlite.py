# SPDX-License-Identifier: MIT
"""SQLite: one file, WAL, nothing to install. For pilots and small fleets.

- **One writer.** Every write goes through one connection under a lock, with
  ``BEGIN IMMEDIATE``: concurrent requests queue on the lock (in threads)
  instead of failing with "database is locked". Another process (``purge``
  from cron) is waited for up to the busy timeout.
- **Readers** come from a small pool of ``query_only`` connections; WAL lets
  them read while the writer writes.
- ``synchronous=FULL`` by default: once the collector answered 200, the
  events survive a power cut (``normal`` is faster; see the configuration).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Final, Literal

from collector.storage.base import (
    Connection,
    Dialect,
    Pool,
    StorageUnavailable,
    Store,
)
from helper.private import DIR_MODE, touch_private

# Errors that mean "not now" rather than "this query is wrong".
_TRANSIENT: Final = frozenset(
    {
        "SQLITE_BUSY",
        "SQLITE_LOCKED",
        "SQLITE_CANTOPEN",
        "SQLITE_FULL",
        "SQLITE_IOERR",
        "SQLITE_READONLY",
        "SQLITE_PROTOCOL",
    }
)


class SQLiteDialect(Dialect):
    """SQLite's types and JSON functions (JSON1 is built in since 3.38)."""

    name = "sqlite"
    types = {"text": "TEXT", "int": "INTEGER", "bigint": "INTEGER", "json": "TEXT"}  # noqa: RUF012 - class constant

    def _json_text(self, column: str, path: Sequence[str]) -> str:
        return f"json_extract({column}, '$.{'.'.join(path)}')"

    def table_exists_sql(self) -> str:
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"


def _is_transient(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return any(name == code or name.startswith(code + "_") for code in _TRANSIENT)


class SQLiteStore(Store):
    """A store in one SQLite file.

    Args:
        path: the database file (its folder is created).
        readers: reader connections at most.
        synchronous: ``full`` or ``normal`` (``PRAGMA synchronous``).
        busy_timeout: seconds to wait for another process's lock.
    """

    def __init__(
        self,
        path: Path,
        *,
        readers: int = 4,
        synchronous: Literal["full", "normal"] = "full",
        busy_timeout: float = 10.0,
    ) -> None:
        self.path = path
        self.dialect = SQLiteDialect()
        self.display_url = f"sqlite:///{path}"
        self._synchronous = synchronous
        self._busy_timeout = busy_timeout
        self._write_lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        self._closed = False
        self._readers: Pool[sqlite3.Connection] = Pool(
            self._connect_reader,
            _close,
            _reset,
            size=readers,
            timeout=busy_timeout,
        )

    def _connect(self) -> sqlite3.Connection:
        try:
            # New folders and the database itself are the service account's
            # alone (0700, 0600; SQLite gives -wal and -shm the same mode).
            # An existing folder is IT's choice and left as it is.
            self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            touch_private(self.path)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves.
            # check_same_thread=False: connections move between worker threads,
            # one at a time (the lock or the pool guarantees it).
            conn = sqlite3.connect(
                self.path,
                timeout=self._busy_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        except (OSError, sqlite3.Error) as exc:
            raise StorageUnavailable(f"cannot open {self.path}: {exc}") from exc
        return conn

    def _connect_reader(self) -> sqlite3.Connection:
        conn = self._connect()
        try:
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            conn.close()
            raise StorageUnavailable(f"cannot read {self.path}: {exc}") from exc
        return conn

    def _writer_connection(self) -> sqlite3.Connection:
        if self._closed:
            raise StorageUnavailable("the store is closed")
        if self._writer is None:
            conn = self._connect()
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA synchronous = {self._synchronous.upper()}")
            except sqlite3.Error as exc:
                conn.close()
                raise StorageUnavailable(f"cannot write {self.path}: {exc}") from exc
            self._writer = conn
        return self._writer

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self._readers.connection() as raw:
                yield Connection(raw, self.dialect)
        except sqlite3.Error as exc:
            if _is_transient(exc):
                raise StorageUnavailable(f"{self.path}: {exc}") from exc
            raise

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self._write_lock:
            raw = self._writer_connection()
            try:
                raw.execute("BEGIN IMMEDIATE")
                try:
                    yield Connection(raw, self.dialect)
                except BaseException:
                    if raw.in_transaction:
                        raw.execute("ROLLBACK")
                    raise
                raw.execute("COMMIT")
            except sqlite3.Error as exc:
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
                if _is_transient(exc):
                    raise StorageUnavailable(f"{self.path}: {exc}") from exc
                raise

    def close(self) -> None:
        with self._write_lock:
            self._closed = True
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        self._readers.close()


def _close(conn: sqlite3.Connection) -> None:
    conn.close()


def _reset(conn: sqlite3.Connection) -> bool:
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    return True


__all__ = ["SQLiteDialect", "SQLiteStore"]
