# SPDX-License-Identifier: MIT
"""What every store shares: the dialect, borrowed connections, the pool, errors.

One query text serves both databases. Queries are written with ``?``
placeholders (SQLite's own style); :meth:`Dialect.sql` rewrites them once for
psycopg (``%s``, with literal ``%`` doubled) and caches the result. DDL uses a
few type tokens (``{bigint}``, ``{json}``...) that :meth:`Dialect.ddl` fills in.
Everything else is portable SQL that SQLite ≥ 3.35 and PostgreSQL ≥ 12 both
run: ``INSERT ... ON CONFLICT ... DO UPDATE ... WHERE``, ``RETURNING``, row
values ``(a, b) > (?, ?)``, ``LIMIT ?``.

Timestamps are ``TEXT`` in one fixed format (:data:`UTC_FORMAT`, always 27
characters), so they sort and compare as text in both databases and read well
in a CSV; PostgreSQL users can still cast them (``received_utc::timestamptz``).

Use a store like this (a thread, never the event loop)::

    with store.read() as conn:
        rows = conn.fetchall("SELECT wave_id, count(*) FROM device_state "
                             "WHERE overall_state = ? GROUP BY wave_id", ("failed",))
    count = store.transaction(lambda conn: conn.execute(...).rowcount)

or from an async route: ``await store.run_query(fn, *args)``.
"""

from __future__ import annotations

import abc
import datetime
import functools
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Concatenate, Final, Generic, ParamSpec, Protocol, TypeVar

UTC_FORMAT: Final = "%Y-%m-%dT%H:%M:%S.%fZ"

P = ParamSpec("P")
R = TypeVar("R")
C = TypeVar("C")

Row = tuple[Any, ...]
Params = Sequence[Any]


class StorageError(Exception):
    """A storage failure the caller should report (see the subclasses)."""


class StorageUnavailable(StorageError):
    """The database cannot be reached or is busy right now: answer 503, retry."""


class ConnectionLost(StorageUnavailable):
    """The connection broke (server restart, failover, idle kill): a fresh one
    may well work. :meth:`Store.transaction` and :meth:`Store.query` retry once."""


class StorageConflict(StorageError):
    """A deadlock or serialization failure: the transaction may simply be rerun."""


class SchemaError(StorageError):
    """The database schema is missing, older or newer than this collector."""


def utc_text(moment: datetime.datetime) -> str:
    """``moment`` as stored: UTC, ``2026-05-04T09:12:33.000000Z`` (naive = UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    m = moment.astimezone(datetime.UTC)
    # Not strftime: glibc writes year 1 as "1", and the text must keep one width
    # to sort (a device clock can say anything).
    return (
        f"{m.year:04d}-{m.month:02d}-{m.day:02d}T"
        f"{m.hour:02d}:{m.minute:02d}:{m.second:02d}.{m.microsecond:06d}Z"
    )


def utc_now_text(clock: Callable[[], float] = time.time) -> str:
    """The current time, as stored."""
    return utc_text(datetime.datetime.fromtimestamp(clock(), datetime.UTC))


def parse_utc_text(text: str) -> datetime.datetime:
    """A stored timestamp back to an aware datetime."""
    return datetime.datetime.strptime(text, UTC_FORMAT).replace(tzinfo=datetime.UTC)


class Cursor(Protocol):
    """What both drivers' cursors offer (sqlite3.Cursor, psycopg.Cursor)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def close(self) -> None: ...


_IDENT: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@functools.lru_cache(maxsize=2048)
def _pyformat(query: str) -> str:
    """``?`` → ``%s`` and ``%`` → ``%%``, leaving ``?`` alone inside quotes and
    comments (psycopg reads every ``%`` as a placeholder, even in a literal)."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in ("'", '"'):
            end = i + 1
            while end < n:
                if query[end] == c:
                    if end + 1 < n and query[end + 1] == c:
                        end += 2
                        continue
                    break
                end += 1
            out.append(query[i : end + 1].replace("%", "%%"))
            i = end + 1
        elif c == "-" and query.startswith("--", i):
            end = query.find("\n", i)
            end = n if end < 0 else end
            out.append(query[i:end].replace("%", "%%"))
            i = end
        elif c == "?":
            out.append("%s")
            i += 1
        elif c == "%":
            out.append("%%")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Dialect:
    """The few differences between the databases, in one place.

    Attributes:
        name: ``sqlite`` or ``postgres``.
        types: DDL tokens → column types.
    """

    name: str = ""
    types: dict[str, str] = {}  # noqa: RUF012 - replaced whole by subclasses

    def sql(self, query: str) -> str:
        """``query`` (``?`` placeholders) in this driver's parameter style."""
        return query

    def ddl(self, statement: str) -> str:
        """A DDL statement with its type tokens (``{bigint}``, ``{json}``,
        ``{text}``, ``{int}``) replaced by this database's types."""
        return statement.format(**self.types)

    def values(self, rows: int, columns: int) -> str:
        """``(?, ?), (?, ?)``: the VALUES list of a multi-row insert."""
        return _values(rows, columns)

    def json_text(self, column: str, *path: str) -> str:
        """An SQL expression reading a string inside a JSON column.

        ``json_text("payload", "legacy", "vendor")`` reads
        ``payload.legacy.vendor``. Use it for strings only: booleans read as
        ``1``/``0`` in SQLite and ``true``/``false`` in PostgreSQL.

        Raises:
            ValueError: a name that is not a plain identifier (no injection).
        """
        for name in (column, *path):
            if not _IDENT.fullmatch(name):
                raise ValueError(f"not a plain identifier: {name!r}")
        return self._json_text(column, path)

    def _json_text(self, column: str, path: Sequence[str]) -> str:
        raise NotImplementedError

    def table_exists_sql(self) -> str:
        """A query with one ``?`` (the table name) that returns a row if it exists."""
        raise NotImplementedError

    def migration_lock_sql(self) -> str | None:
        """A statement that serialises concurrent ``init-db`` runs (or None)."""
        return None


@functools.lru_cache(maxsize=512)
def _values(rows: int, columns: int) -> str:
    one = "(" + ", ".join("?" * columns) + ")"
    return ", ".join([one] * rows)


class Connection:
    """A database connection borrowed from a store for one unit of work.

    Queries use ``?`` placeholders whatever the database. Rows are tuples.
    Do not keep it after the ``with`` block that gave it.

    Args:
        raw: the driver's connection (``sqlite3.Connection`` or
            ``psycopg.Connection``); :attr:`raw` for what this class lacks.
        dialect: the store's dialect.
    """

    __slots__ = ("dialect", "raw")

    def __init__(self, raw: Any, dialect: Dialect) -> None:
        self.raw = raw
        self.dialect = dialect

    def execute(self, query: str, params: Params = ()) -> Cursor:
        """Run one statement.

        Returns:
            The driver's cursor (``fetchone``, ``fetchall``, ``fetchmany``,
            ``rowcount``, ``close``). Read it to the end or close it: with
            SQLite, an unfinished SELECT pins an old snapshot.
        """
        cursor: Cursor = self.raw.execute(self.dialect.sql(query), params)
        return cursor

    def executemany(self, query: str, rows: Sequence[Params]) -> None:
        """Run one statement for each parameter row."""
        sql = self.dialect.sql(query)
        if self.dialect.name == "postgres":
            # psycopg connections have no executemany; their cursors do.
            with self.raw.cursor() as cursor:
                cursor.executemany(sql, rows)
        else:
            self.raw.executemany(sql, rows)

    def fetchall(self, query: str, params: Params = ()) -> list[Row]:
        """All rows of a query."""
        return [tuple(row) for row in self.execute(query, params).fetchall()]

    def fetchone(self, query: str, params: Params = ()) -> Row | None:
        """The first row of a query, or None."""
        cursor = self.execute(query, params)
        try:
            row = cursor.fetchone()
        finally:
            # A SQLite statement left unfinished keeps its read snapshot open
            # on a pooled connection: later reads would see stale data.
            cursor.close()
        return None if row is None else tuple(row)

    def scalar(self, query: str, params: Params = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.fetchone(query, params)
        return None if row is None else row[0]


class Pool(Generic[C]):
    """A small, thread-safe, lazily filled connection pool.

    (psycopg_pool is not a dependency; this is the part of it we need.)

    Args:
        connect: opens a connection (may raise).
        close: closes one.
        reusable: called when a connection comes back; False means broken (it is
            closed and replaced later). It may reset the connection (rollback).
        size: the most connections open at once.
        timeout: seconds to wait for a free connection before
            :class:`StorageUnavailable`.
    """

    def __init__(
        self,
        connect: Callable[[], C],
        close: Callable[[C], None],
        reusable: Callable[[C], bool],
        *,
        size: int,
        timeout: float,
    ) -> None:
        if size < 1:
            raise ValueError("pool size must be at least 1")
        self._connect = connect
        self._close = close
        self._reusable = reusable
        self._size = size
        self._timeout = timeout
        self._idle: list[C] = []
        self._open = 0
        self._closed = False
        self._cond = threading.Condition()

    @property
    def size(self) -> int:
        """The most connections open at once."""
        return self._size

    def _acquire(self) -> C:
        deadline = time.monotonic() + self._timeout
        with self._cond:
            while True:
                if self._closed:
                    raise StorageUnavailable("the store is closed")
                if self._idle:
                    return self._idle.pop()
                if self._open < self._size:
                    self._open += 1
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StorageUnavailable(
                        f"no free database connection within {self._timeout:g} s"
                    )
                self._cond.wait(left)
        try:
            return self._connect()
        except BaseException:
            with self._cond:
                self._open -= 1
                self._cond.notify()
            raise

    def _release(self, conn: C) -> None:
        try:
            keep = self._reusable(conn)
        except Exception:
            keep = False
        with self._cond:
            if keep and not self._closed:
                self._idle.append(conn)
                self._cond.notify()
                return
            self._open -= 1
            self._cond.notify()
        self._close(conn)

    @contextmanager
    def connection(self) -> Iterator[C]:
        """Borrow a connection for the ``with`` block."""
        conn = self._acquire()
        try:
            yield conn
        finally:
            self._release(conn)

    def close(self) -> None:
        """Close idle connections now, borrowed ones when they come back."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._open -= len(idle)
            self._cond.notify_all()
        for conn in idle:
            self._close(conn)


class Store(abc.ABC):
    """A database holding the collector's tables (see :mod:`collector.storage.schema`).

    Thread-safe. Its methods block: call them from a worker thread (the
    ``run_*`` coroutines do that for async code).

    Attributes:
        dialect: the SQL differences (``store.dialect.name`` is ``sqlite`` or
            ``postgres``).
        display_url: the URL without any password, for messages and logs.
    """

    dialect: Dialect
    display_url: str

    @abc.abstractmethod
    def read(self) -> AbstractContextManager[Connection]:
        """A connection for reading (autocommit; no long transactions).

        Raises:
            StorageUnavailable: the database is unreachable or too busy.
        """

    @abc.abstractmethod
    def write(self) -> AbstractContextManager[Connection]:
        """A connection inside one transaction: committed when the block ends,
        rolled back if it raises. SQLite: one writer at a time (others wait).

        Raises:
            StorageUnavailable: the database is unreachable or too busy.
            StorageConflict: a deadlock or serialization failure (rerun it, or
                use :meth:`transaction`, which does).
        """

    @abc.abstractmethod
    def close(self) -> None:
        """Close every connection (borrowed ones when given back)."""

    def transaction(
        self,
        fn: Callable[Concatenate[Connection, P], R],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``fn(conn, *args, **kwargs)`` in one write transaction; rerun it
        (up to 3 times in all) after a deadlock or serialization failure, and
        once on a fresh connection if the connection was lost.

        ``fn`` must not have effects outside the database (it may run twice).
        """
        attempts = 3
        reconnected = False
        for attempt in range(1, attempts + 1):
            try:
                with self.write() as conn:
                    return fn(conn, *args, **kwargs)
            except ConnectionLost:
                # The transaction did not commit (or its COMMIT's answer was
                # lost: rerunning then finds duplicates, which is harmless).
                if reconnected:
                    raise
                reconnected = True
            except StorageConflict:
                if attempt == attempts:
                    raise
                # Jitter so that the two sides of a deadlock do not meet again.
                time.sleep(random.uniform(0.005, 0.05) * attempt)
        raise StorageConflict("still conflicting after retries")

    def query(
        self,
        fn: Callable[Concatenate[Connection, P], R],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """``fn(conn, *args, **kwargs)`` with a read connection (retried once on a
        fresh connection if the first one turns out to be broken)."""
        try:
            with self.read() as conn:
                return fn(conn, *args, **kwargs)
        except ConnectionLost:
            with self.read() as conn:
                return fn(conn, *args, **kwargs)

    async def run_query(
        self,
        fn: Callable[Concatenate[Connection, P], R],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """:meth:`query` in a worker thread (for async routes)."""
        import anyio.to_thread

        return await anyio.to_thread.run_sync(
            functools.partial(self.query, fn, *args, **kwargs)
        )

    async def run_transaction(
        self,
        fn: Callable[Concatenate[Connection, P], R],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """:meth:`transaction` in a worker thread (for async routes)."""
        import anyio.to_thread

        return await anyio.to_thread.run_sync(
            functools.partial(self.transaction, fn, *args, **kwargs)
        )

    def ping(self) -> bool:
        """Is the database reachable (``SELECT 1``)?"""
        try:
            return bool(self.query(lambda conn: conn.scalar("SELECT 1")) == 1)
        except StorageError:
            return False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


__all__ = [
    "UTC_FORMAT",
    "Connection",
    "ConnectionLost",
    "Cursor",
    "Dialect",
    "Params",
    "Pool",
    "Row",
    "SchemaError",
    "StorageConflict",
    "StorageError",
    "StorageUnavailable",
    "Store",
    "parse_utc_text",
    "utc_now_text",
    "utc_text",
]
