# SPDX-License-Identifier: MIT
"""The Store: same schema and queries on SQLite and PostgreSQL, migrations,
placeholders, the pool, the single SQLite writer, retention."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from collector.auth import Principal
from collector.config import ServerConfig
from collector.ingest import Ingestor
from collector.storage import (
    Migration,
    SchemaError,
    StorageUnavailable,
    Store,
    check,
    migrate,
    utc_now_text,
)
from collector.storage import migrations as migrations_module
from collector.storage.base import ConnectionLost, Pool, _pyformat
from collector.storage.postgres import PostgresStore
from collector.storage.queries import (
    DeviceFilter,
    count_devices,
    count_events,
    device_page,
    purge_events,
)
from collector.storage.schema import CORE_MIGRATIONS
from collector.storage.sqlite import SQLiteStore
from tests.collector.conftest import batch
from tests.collector.support import (
    HELPER_CLIENT,
    TENANT,
    USER,
    PostgresCluster,
    free_port,
    make_event,
)

PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())


def test_init_db_is_idempotent(empty_store: Store) -> None:
    with pytest.raises(SchemaError, match="init-db"):
        check(empty_store)
    # Other components (the dashboard's) may be registered too: core comes first.
    applied = migrate(empty_store)
    assert applied[0] == ("core", 1)
    assert migrate(empty_store) == []
    check(empty_store)
    with empty_store.read() as conn:
        rows = conn.fetchall("SELECT component, version FROM schema_version")
    assert sorted(rows) == sorted(applied)


def test_a_newer_database_is_refused(store: Store) -> None:
    store.transaction(
        lambda conn: conn.execute(
            "INSERT INTO schema_version VALUES ('core', ?, 'future', ?)",
            (len(CORE_MIGRATIONS) + 1, utc_now_text()),
        )
    )
    with pytest.raises(SchemaError, match="newer"):
        check(store)
    with pytest.raises(SchemaError, match="upgrade the collector"):
        migrate(store)


@pytest.fixture
def extra_component() -> Iterator[None]:
    migrations_module.register_migrations(
        "testextension",
        [
            Migration(
                1,
                "a table of another module",
                (
                    "CREATE TABLE test_extension (serial_hmac TEXT PRIMARY KEY, "
                    "wave_id TEXT, uploaded {bigint} NOT NULL)",
                ),
            )
        ],
    )
    yield
    del migrations_module._REGISTRY["testextension"]


def test_other_components_register_migrations(
    store: Store, extra_component: None
) -> None:
    with pytest.raises(SchemaError, match="testextension schema is at version 0"):
        check(store)
    assert migrate(store) == [("testextension", 1)]
    check(store)
    store.transaction(
        lambda conn: conn.execute(
            "INSERT INTO test_extension VALUES (?, ?, ?)", ("ab", "wave-01", 2**40)
        )
    )
    with store.read() as conn:
        assert conn.scalar("SELECT uploaded FROM test_extension") == 2**40


def test_migration_versions_must_follow_each_other() -> None:
    with pytest.raises(ValueError, match="1, 2, 3"):
        migrations_module.register_migrations("bad", [Migration(2, "x")])


def test_placeholders_are_converted_once_for_psycopg() -> None:
    query = "SELECT '?', ?, 'it''s 50%' -- why? 100%\n, \"a?\" FROM t WHERE x LIKE '%a'"
    assert _pyformat(query) == (
        "SELECT '?', %s, 'it''s 50%%' -- why? 100%%\n, \"a?\" FROM t WHERE x LIKE '%%a'"
    )


def test_same_query_text_on_both(store: Store) -> None:
    with store.read() as conn:
        assert conn.scalar("SELECT 'a?b%' || ?", ("c",)) == "a?b%c"
        assert conn.fetchall("SELECT ? WHERE 1 = ?", ("x", 1)) == [("x",)]
        assert conn.fetchone("SELECT 1 WHERE 1 = 0") is None


def test_json_text_reads_the_payload(store: Store) -> None:
    ingestor = Ingestor(store, ServerConfig())
    ingestor.process(batch([make_event(vendor="jamf-pro")]), "", PRINCIPAL)
    with store.read() as conn:
        vendor = conn.dialect.json_text("payload", "legacy", "vendor")
        app = conn.dialect.json_text("payload", "app", "version")
        row = conn.fetchone(f"SELECT {vendor}, {app} FROM device_state")
    assert row == ("jamf-pro", "1.4.2")
    with pytest.raises(ValueError, match="identifier"):
        store.dialect.json_text("payload", "a'); DROP TABLE events; --")


def test_device_page_filters_and_keyset(store: Store) -> None:
    ingestor = Ingestor(store, ServerConfig())
    events = [
        make_event(seq=1, serial=f"S{n}", wave="wave-01" if n < 3 else "wave-02")
        for n in range(6)
    ]
    ingestor.process(batch(events), "", PRINCIPAL)
    with store.read() as conn:
        wave1 = device_page(
            conn, DeviceFilter(waves=("wave-01",)), after=None, limit=10
        )
        first = device_page(conn, DeviceFilter(), after=None, limit=4)
        rest = device_page(conn, DeviceFilter(), after=first[-1][0], limit=4)
        assert count_devices(conn) == 6
    assert len(wave1) == 3
    assert len(first) == 4 and len(rest) == 2
    assert [r[0] for r in first + rest] == sorted(r[0] for r in first + rest)


def test_purge_keeps_the_latest_state(store: Store) -> None:
    now = [1_780_000_000.0]
    ingestor = Ingestor(store, ServerConfig(), clock=lambda: now[0])
    ingestor.process(batch([make_event(seq=n) for n in range(1, 8)]), "", PRINCIPAL)
    cutoff = utc_now_text(lambda: now[0] + 1)
    now[0] += 86400
    ingestor.process(batch([make_event(seq=9)]), "", PRINCIPAL)
    deleted = []
    while True:
        n = store.transaction(purge_events, before=cutoff, limit=3)
        deleted.append(n)
        if n < 3:
            break
    assert deleted == [3, 3, 1]
    with store.read() as conn:
        assert count_events(conn) == 1
        assert conn.fetchone("SELECT last_seq FROM device_state") == (9,)


def test_sqlite_serialises_writers(tmp_path: Path) -> None:
    """32 threads hammering one file: no "database is locked", nothing lost."""
    with SQLiteStore(tmp_path / "c.sqlite3", readers=4) as store:
        migrate(store)
        ingestor = Ingestor(store, ServerConfig())

        def write(n: int) -> int:
            events = [
                make_event(seq=n * 10 + i + 1, serial=f"S{n % 4}") for i in range(5)
            ]
            return len(ingestor.process(batch(events), "", PRINCIPAL).accepted)

        def read(_: int) -> int:
            with store.read() as conn:
                return count_events(conn)

        with ThreadPoolExecutor(32) as pool:
            writes = pool.map(write, range(200))
            reads = pool.map(read, range(200))
            assert sum(writes) == 1000
            assert all(r >= 0 for r in reads)
        with store.read() as conn:
            assert count_events(conn) == 1000


def test_sqlite_waits_for_another_process_lock(tmp_path: Path) -> None:
    """A purge from cron holds the write lock: the collector waits (busy
    timeout) instead of failing, then gives up cleanly with 'unavailable'."""
    import sqlite3

    path = tmp_path / "c.sqlite3"
    with SQLiteStore(path, busy_timeout=0.3) as store:
        migrate(store)
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            other.execute("BEGIN IMMEDIATE")
            release = threading.Timer(0.1, lambda: other.execute("COMMIT"))
            release.start()
            store.transaction(lambda conn: conn.execute("DELETE FROM events"))
            release.join()
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StorageUnavailable):
                store.transaction(lambda conn: conn.execute("DELETE FROM events"))
            other.execute("ROLLBACK")
        finally:
            other.close()


def test_pool_exhaustion_is_unavailable() -> None:
    pool: Pool[object] = Pool(
        object,
        lambda c: None,
        lambda c: True,
        size=1,
        timeout=0.05,
    )
    with pool.connection() as first:
        start = time.monotonic()
        with pytest.raises(StorageUnavailable, match="no free database connection"):
            with pool.connection():
                pass
        assert time.monotonic() - start >= 0.05
    with pool.connection() as again:
        assert again is first
    pool.close()
    with pytest.raises(StorageUnavailable, match="closed"):
        with pool.connection():
            pass


def test_unreachable_postgres_is_unavailable() -> None:
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/none"
    with PostgresStore(url, display_url=url, pool_size=2) as store:
        assert store.ping() is False
        with pytest.raises(StorageUnavailable, match="cannot connect"):
            with store.read():
                pass


@pytest.fixture
def pg_store(pg: PostgresCluster) -> Iterator[Store]:
    url = pg.create_database()
    with PostgresStore(url, display_url=url, pool_size=4) as store:
        migrate(store)
        yield store


def test_postgres_lost_connections_are_replaced(pg_store: Store) -> None:
    store = pg_store

    def terminate_one_pooled_connection() -> None:
        with store.read() as victim:
            pid = victim.scalar("SELECT pg_backend_pid()")
            with store.read() as admin:
                # An administrator, a restart or a failover kills the session.
                admin.execute("SELECT pg_terminate_backend(?)", (pid,))

    terminate_one_pooled_connection()
    with pytest.raises(ConnectionLost):
        with store.read() as conn:
            conn.scalar("SELECT 1")
    terminate_one_pooled_connection()
    # query() and transaction() retry once on a fresh connection.
    assert store.query(lambda conn: conn.scalar("SELECT 1")) == 1
    terminate_one_pooled_connection()
    ingestor = Ingestor(store, ServerConfig())
    assert ingestor.process(batch([make_event()]), "", PRINCIPAL).accepted
