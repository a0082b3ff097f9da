# SPDX-License-Identifier: MIT
"""Schema migrations: ``init-db`` applies them, ``serve`` checks them.

Each component keeps its own version sequence in ``schema_version``:
``core`` (this package's tables, :data:`collector.storage.schema.CORE_MIGRATIONS`)
and whatever other modules register::

    # collector/dashboard/__init__.py (for instance)
    register_migrations("dashboard", [
        Migration(1, "expected devices", (
            "CREATE TABLE expected_devices (serial_hmac TEXT PRIMARY KEY, "
            "wave_id TEXT, uploaded_utc TEXT NOT NULL)",
        )),
    ])

Rules: versions start at 1 and follow each other; a released migration never
changes (add a new one); statements are DDL with the type tokens of
:meth:`~collector.storage.base.Dialect.ddl` (so a literal brace is written
``{{``); ``run`` may move data with the connection. :func:`migrate` applies
every pending migration of every component in **one** transaction (all or
nothing), under a lock so two ``init-db`` runs cannot interleave.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from collector.storage.base import Connection, SchemaError, utc_now_text

if TYPE_CHECKING:
    from collector.storage.base import Store

CORE: Final = "core"

_CREATE_VERSIONS: Final = """
CREATE TABLE IF NOT EXISTS schema_version (
    component TEXT NOT NULL,
    version INTEGER NOT NULL,
    description TEXT NOT NULL,
    applied_utc TEXT NOT NULL,
    PRIMARY KEY (component, version)
)
"""


class Migration(NamedTuple):
    """One schema step.

    Attributes:
        version: 1, 2, 3... within its component.
        description: a few words, stored with it.
        statements: DDL run in order (type tokens filled in).
        run: optional code run after the statements (data moves).
    """

    version: int
    description: str
    statements: tuple[str, ...] = ()
    run: Callable[[Connection], None] | None = None


_REGISTRY: dict[str, tuple[Migration, ...]] = {}


def register_migrations(component: str, migrations: Sequence[Migration]) -> None:
    """Declare a component's migrations (at import time of its module).

    Raises:
        ValueError: versions that do not run 1, 2, 3..., or a component already
            registered with other migrations.
    """
    steps = tuple(migrations)
    if [m.version for m in steps] != list(range(1, len(steps) + 1)):
        raise ValueError(f"{component}: migration versions must run 1, 2, 3...")
    existing = _REGISTRY.get(component)
    if existing is not None and existing != steps:
        raise ValueError(f"{component}: migrations already registered")
    _REGISTRY[component] = steps


def registered() -> dict[str, tuple[Migration, ...]]:
    """Every component's migrations, ``core`` first.

    The optional modules (:func:`collector.config.load_plugins`) are imported
    first, so ``init-db`` and the start-up check always see their migrations.
    """
    from collector.config import load_plugins
    from collector.storage.schema import CORE_MIGRATIONS

    load_plugins()
    return {CORE: CORE_MIGRATIONS, **_REGISTRY}


def _versions(conn: Connection) -> dict[str, int]:
    if conn.fetchone(conn.dialect.table_exists_sql(), ("schema_version",)) is None:
        return {}
    rows = conn.fetchall(
        "SELECT component, max(version) FROM schema_version GROUP BY component"
    )
    return {str(component): int(version) for component, version in rows}


def versions(store: Store) -> dict[str, int]:
    """The applied version of each component (missing: none applied)."""
    return store.query(_versions)


def _apply(conn: Connection) -> list[tuple[str, int]]:
    lock = conn.dialect.migration_lock_sql()
    if lock is not None:
        conn.execute(lock)
    conn.execute(conn.dialect.ddl(_CREATE_VERSIONS))
    have = _versions(conn)
    applied: list[tuple[str, int]] = []
    for component, steps in registered().items():
        current = have.get(component, 0)
        latest = steps[-1].version if steps else 0
        if current > latest:
            raise SchemaError(
                f"the {component} schema is at version {current}, newer than this "
                f"collector's {latest}: upgrade the collector"
            )
        for step in steps[current:]:
            for statement in step.statements:
                conn.execute(conn.dialect.ddl(statement))
            if step.run is not None:
                step.run(conn)
            conn.execute(
                "INSERT INTO schema_version "
                "(component, version, description, applied_utc) VALUES (?, ?, ?, ?)",
                (component, step.version, step.description, utc_now_text()),
            )
            applied.append((component, step.version))
    return applied


def migrate(store: Store) -> list[tuple[str, int]]:
    """Apply every pending migration (idempotent: nothing pending, nothing done).

    Returns:
        The ``(component, version)`` pairs applied now.

    Raises:
        SchemaError: the database is newer than this collector.
        StorageError: the database failed (nothing was applied).
    """
    return store.transaction(_apply)


def check(store: Store) -> None:
    """Refuse to serve on a schema that is missing, behind or ahead.

    Raises:
        SchemaError: with the command to run.
    """
    have = versions(store)
    if not have.get(CORE):
        raise SchemaError(
            f"{store.display_url} has no collector tables yet: run "
            "`intune-migration-collector init-db` first"
        )
    for component, steps in registered().items():
        current, latest = have.get(component, 0), len(steps)
        if current < latest:
            raise SchemaError(
                f"the {component} schema is at version {current}, this collector "
                f"needs {latest}: run `intune-migration-collector init-db`"
            )
        if current > latest:
            raise SchemaError(
                f"the {component} schema is at version {current}, newer than this "
                f"collector's {latest}: upgrade the collector"
            )


__all__ = [
    "CORE",
    "Migration",
    "check",
    "migrate",
    "register_migrations",
    "registered",
    "versions",
]
