# SPDX-License-Identifier: MIT
"""PostgreSQL through psycopg 3: for large fleets, several collector processes, HA.

A pool of autocommit connections per process (:class:`~collector.storage.base.Pool`;
psycopg_pool is not a dependency). Reads run in autocommit; writes in one
explicit transaction each. ``jsonb`` columns are read back as text, so rows look
the same as SQLite's (the JSON text of the payload).

Errors: a lost or refused connection is :class:`StorageUnavailable` (503 +
Retry-After); a deadlock or serialization failure is :class:`StorageConflict`
(:meth:`Store.transaction` reruns it). psycopg's messages name host and port,
never the password.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

import psycopg
import psycopg.errors
from psycopg.pq import TransactionStatus
from psycopg.types.string import TextLoader

from collector.storage.base import (
    Connection,
    ConnectionLost,
    Dialect,
    Pool,
    StorageConflict,
    StorageUnavailable,
    Store,
    _pyformat,
)

APPLICATION_NAME: Final = "intune-migration-collector"
# pg_advisory_xact_lock key for init-db: "IMCL" in ASCII.
_MIGRATION_LOCK_KEY: Final = 0x494D434C


class PostgresDialect(Dialect):
    """PostgreSQL's types and parameter style."""

    name = "postgres"
    types = {"text": "TEXT", "int": "INTEGER", "bigint": "BIGINT", "json": "JSONB"}  # noqa: RUF012 - class constant

    def sql(self, query: str) -> str:
        return _pyformat(query)

    def _json_text(self, column: str, path: Sequence[str]) -> str:
        return f"({column} #>> '{{{','.join(path)}}}')"

    def table_exists_sql(self) -> str:
        return (
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = ?"
        )

    def migration_lock_sql(self) -> str:
        return f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})"


def _translate(exc: psycopg.Error, *, lost: bool = False) -> Exception:
    if lost:
        return ConnectionLost(str(exc).strip().splitlines()[0])
    if isinstance(
        exc, psycopg.errors.DeadlockDetected | psycopg.errors.SerializationFailure
    ):
        return StorageConflict(str(exc).strip())
    if isinstance(
        exc,
        psycopg.OperationalError
        | psycopg.errors.AdminShutdown
        | psycopg.errors.CannotConnectNow,
    ):
        return StorageUnavailable(str(exc).strip().splitlines()[0])
    return exc


class PostgresStore(Store):
    """A store in a PostgreSQL database.

    Args:
        url: a libpq URL or connection string (``postgresql://user@host/db``).
        display_url: the same without the password (for messages).
        pool_size: connections at most.
        connect_timeout: seconds to wait for a connection to open.
        pool_timeout: seconds to wait for a free pooled connection.
    """

    def __init__(
        self,
        url: str,
        *,
        display_url: str,
        pool_size: int = 8,
        connect_timeout: int = 5,
        pool_timeout: float = 10.0,
    ) -> None:
        self.dialect = PostgresDialect()
        self.display_url = display_url
        self._url = url
        self._connect_timeout = connect_timeout
        self._pool: Pool[psycopg.Connection[Any]] = Pool(
            self._connect,
            _close,
            _reusable,
            size=pool_size,
            timeout=pool_timeout,
        )

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            conn = psycopg.connect(
                self._url,
                autocommit=True,
                connect_timeout=self._connect_timeout,
                application_name=APPLICATION_NAME,
            )
        except psycopg.Error as exc:
            raise StorageUnavailable(
                f"cannot connect to {self.display_url}: "
                + (str(exc).strip().splitlines() or ["?"])[-1]
            ) from exc
        # jsonb as its text, as SQLite gives it: one row shape for both.
        conn.adapters.register_loader("jsonb", TextLoader)
        conn.adapters.register_loader("json", TextLoader)
        return conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._pool.connection() as raw:
            try:
                yield Connection(raw, self.dialect)
            except psycopg.Error as exc:
                raise _translate(exc, lost=raw.broken) from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self._pool.connection() as raw:
            try:
                with raw.transaction():
                    yield Connection(raw, self.dialect)
            except psycopg.Error as exc:
                raise _translate(exc, lost=raw.broken) from exc

    def close(self) -> None:
        self._pool.close()


def _close(conn: psycopg.Connection[Any]) -> None:
    conn.close()


def _reusable(conn: psycopg.Connection[Any]) -> bool:
    if conn.broken or conn.closed:
        return False
    status = conn.info.transaction_status
    if status == TransactionStatus.IDLE:
        return True
    if status in (TransactionStatus.INTRANS, TransactionStatus.INERROR):
        conn.rollback()
        return True
    return False


__all__ = ["PostgresDialect", "PostgresStore"]
