# SPDX-License-Identifier: MIT
"""Storage: one :class:`Store` interface over SQLite (default) and PostgreSQL.

- :mod:`collector.storage.base`: :class:`Store`, :class:`Connection`,
  :class:`Dialect`, the pool, the errors, timestamp helpers;
- :mod:`collector.storage.sqlite` / :mod:`collector.storage.postgres`: the two
  stores;
- :mod:`collector.storage.schema`: tables and columns (documented there);
- :mod:`collector.storage.migrations`: ``init-db`` and the version check;
- :mod:`collector.storage.queries`: the core's queries.

Open one with :func:`open_store` and close it when done::

    with open_store(config.storage) as store:
        migrate(store)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from collector.storage.base import (
    Connection,
    ConnectionLost,
    Dialect,
    SchemaError,
    StorageConflict,
    StorageError,
    StorageUnavailable,
    Store,
    parse_utc_text,
    utc_now_text,
    utc_text,
)
from collector.storage.migrations import (
    Migration,
    check,
    migrate,
    register_migrations,
)

if TYPE_CHECKING:
    from collector.config import StorageConfig


def open_store(config: StorageConfig) -> Store:
    """The store ``config.url`` names (nothing is connected until first use).

    ``sqlite:///relative.sqlite3`` is relative to the working directory (the
    configuration loader already made file-relative paths absolute);
    ``postgresql://...`` is handed to libpq as it is.

    Raises:
        ValueError: an unknown URL scheme.
    """
    from collector.config import display_url

    url = config.url
    scheme = url.partition(":")[0].lower()
    if scheme == "sqlite":
        from collector.storage.sqlite import SQLiteStore

        return SQLiteStore(
            Path(url[len("sqlite:///") :]),
            readers=max(1, min(config.pool_size, 8)),
            synchronous=config.sqlite_synchronous,
        )
    if scheme in ("postgresql", "postgres"):
        from collector.storage.postgres import PostgresStore

        return PostgresStore(
            url, display_url=display_url(url), pool_size=config.pool_size
        )
    raise ValueError(f"unsupported storage URL scheme: {scheme!r}")


__all__ = [
    "Connection",
    "ConnectionLost",
    "Dialect",
    "Migration",
    "SchemaError",
    "StorageConflict",
    "StorageError",
    "StorageUnavailable",
    "Store",
    "check",
    "migrate",
    "open_store",
    "parse_utc_text",
    "register_migrations",
    "utc_now_text",
    "utc_text",
]
