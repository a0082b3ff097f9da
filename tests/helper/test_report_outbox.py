# SPDX-License-Identifier: MIT
"""The outbox: durable, ordered, monotonic across restarts, retention, damage."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import msgspec
import pytest

from helper.report.event import decode_event
from helper.report.outbox import (
    DB_NAME,
    KEEP_DELIVERED_DAYS,
    KEEP_PARKED_DAYS,
    MAX_DELIVERED_ROWS,
    Outbox,
    OutboxTooNewError,
    default_path,
    envelope,
)
from tests.helper.report_server import sample_event

T0 = 1_800_000_000.0
DAY = 86400.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / DB_NAME


def test_lives_in_the_data_dir(helper_home: Path) -> None:
    assert default_path() == helper_home / "data" / DB_NAME
    with Outbox() as box:
        assert box.path == default_path() and box.path.exists()


def test_wal_and_full_sync(path: Path) -> None:
    with Outbox(path):
        pass
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()
    box = Outbox(path)
    try:
        # synchronous is per connection: check the outbox's own.
        assert box._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        box.close()


def test_enqueue_assigns_device_seq_and_stores_the_exact_json(
    path: Path, clock: Clock
) -> None:
    with Outbox(path, clock=clock) as box:
        first = box.enqueue(sample_event())
        second = box.enqueue(sample_event())
        assert first.device_seq == int(T0 * 1000)  # a new outbox starts at now (ms)
        assert second.device_seq == first.device_seq + 1
        stored = box.payload(second.event_id)
        assert stored is not None and decode_event(stored) == second
        assert box.counts() == {"queued": 2, "delivered": 0, "parked": 0}


def test_device_seq_is_monotonic_across_restarts(path: Path, clock: Clock) -> None:
    seqs = []
    for _ in range(3):
        with Outbox(path, clock=clock) as box:
            seqs += [box.enqueue(sample_event()).device_seq for _ in range(3)]
        clock.now -= 3600  # even with a clock going backwards
    assert seqs == list(range(seqs[0], seqs[0] + 9))


def test_device_seq_survives_purging_everything(path: Path, clock: Clock) -> None:
    with Outbox(path, clock=clock) as box:
        event = box.enqueue(sample_event())
        box.mark_delivered([event.event_id])
        clock.now += (KEEP_DELIVERED_DAYS + 1) * DAY
        assert box.purge() == 1
        assert box.enqueue(sample_event()).device_seq == event.device_seq + 1


def test_a_failed_insert_uses_no_sequence_number(path: Path) -> None:
    with Outbox(path) as box:
        first = box.enqueue(sample_event())
        with pytest.raises(sqlite3.IntegrityError):
            box.enqueue(sample_event(event_id=first.event_id))  # same id
        with pytest.raises(ValueError, match="bytes"):
            box.enqueue(sample_event(campaign_id="x" * 70_000))
        assert box.enqueue(sample_event()).device_seq == first.device_seq + 1
        assert box.counts()["queued"] == 2


def test_enqueue_many_is_all_or_nothing(path: Path) -> None:
    with Outbox(path) as box:
        dup = sample_event()
        with pytest.raises(sqlite3.IntegrityError):
            box.enqueue_many([sample_event(), dup, dup])
        assert box.counts()["queued"] == 0
        stored = box.enqueue_many([sample_event(), sample_event()], meta={"k": b"v"})
        assert [e.device_seq for e in stored] == [
            stored[0].device_seq,
            stored[0].device_seq + 1,
        ]
        assert box.get_meta("k") == b"v"


def test_next_batch_respects_order_and_limits(path: Path) -> None:
    with Outbox(path) as box:
        events = [box.enqueue(sample_event()) for _ in range(10)]
        batch = box.next_batch(max_events=4, max_bytes=10**6)
        assert [p.event_id for p in batch] == [e.event_id for e in events[:4]]
        one = len(batch[0].payload)
        batch = box.next_batch(max_events=100, max_bytes=60 + 3 * (one + 1))
        assert len(batch) == 3
        body = envelope(p.payload for p in batch)
        assert len(body) <= 60 + 3 * (one + 1)
        assert json.loads(body)["schema"] == "migration-status/1"
        # One event always goes, however small the limit.
        assert len(box.next_batch(max_events=100, max_bytes=10)) == 1
        # A flush does not chase events queued after it began.
        upto = box.next_batch(
            max_events=100, max_bytes=10**6, up_to_seq=events[2].device_seq
        )
        assert len(upto) == 3
        box.mark_delivered([events[0].event_id])
        assert (
            box.next_batch(max_events=1, max_bytes=10**6)[0].event_id
            == events[1].event_id
        )


def test_states_attempts_and_errors(path: Path, clock: Clock) -> None:
    with Outbox(path, clock=clock) as box:
        a, b, c = (box.enqueue(sample_event()) for _ in range(3))
        box.record_failure([a.event_id, b.event_id], status=503, error="http:503")
        assert box.mark_delivered([a.event_id], status=200) == 1
        assert box.mark_delivered([a.event_id]) == 0  # only queued rows change
        assert box.park([b.event_id], status=400, error="http:400") == 1
        entries = {e.event_id: e for e in box.entries()}
        assert entries[a.event_id].state == "delivered"
        assert entries[a.event_id].attempts == 2
        assert entries[b.event_id].state == "parked"
        assert entries[b.event_id].last_error == "http:400"
        assert entries[b.event_id].done_utc is not None
        assert entries[c.event_id].state == "queued"
        assert [e.event_id for e in box.entries(state="parked")] == [b.event_id]
        assert box.requeue_parked([b.event_id]) == 1
        assert box.counts() == {"queued": 2, "delivered": 1, "parked": 0}


def test_retention(path: Path, clock: Clock) -> None:
    with Outbox(path, clock=clock) as box:
        delivered, parked, queued = (box.enqueue(sample_event()) for _ in range(3))
        box.mark_delivered([delivered.event_id])
        box.park([parked.event_id], status=400, error="http:400")
        clock.now += KEEP_DELIVERED_DAYS * DAY - 1
        assert box.purge() == 0
        clock.now += 2
        assert box.purge() == 1  # the delivered one
        clock.now += (KEEP_PARKED_DAYS - KEEP_DELIVERED_DAYS) * DAY
        assert box.purge() == 1  # the parked one
        clock.now += 1000 * DAY
        assert box.purge() == 0  # queued events are never purged
        assert [e.event_id for e in box.entries()] == [queued.event_id]


def test_delivered_rows_are_capped(path: Path) -> None:
    with Outbox(path) as box:
        events = box.enqueue_many(
            [sample_event() for _ in range(MAX_DELIVERED_ROWS + 5)]
        )
        box.mark_delivered([e.event_id for e in events])
        assert box.purge() == 5
        assert box.counts()["delivered"] == MAX_DELIVERED_ROWS
        oldest = box.entries(limit=MAX_DELIVERED_ROWS)[-1]
        assert oldest.device_seq == events[5].device_seq


def test_status(path: Path, clock: Clock) -> None:
    with Outbox(path, clock=clock) as box:
        status = box.status()
        assert (status.state, status.queued, status.next_attempt) == ("idle", 0, None)
        event = box.enqueue(sample_event())
        status = box.status()
        assert status.state == "queued" and status.queued == 1
        assert status.next_attempt is not None
        assert status.next_attempt.timestamp() == T0
        assert status.oldest_queued_at is not None
        assert box.status(enabled=False).state == "disabled"
        assert box.status(enabled=False).next_attempt is None
        box.park([event.event_id], status=422, error="http:422")
        status = box.status()
        assert status.parked == 1 and status.parked_events[0].last_error == "http:422"
        doc = json.loads(msgspec.json.encode(status))
        assert doc["schema"] == "report-status/1"
        assert set(doc) >= {
            "queued",
            "delivered",
            "parked",
            "last_error",
            "next_attempt",
        }


def test_a_damaged_database_is_moved_aside(path: Path) -> None:
    path.write_bytes(b"this is not a database, it is a text file" * 100)
    with Outbox(path) as box:
        assert box.enqueue(sample_event()).device_seq > 0
    moved = list(path.parent.glob(f"{DB_NAME}.corrupt-*"))
    assert len(moved) == 1


def test_a_newer_outbox_is_left_alone(path: Path) -> None:
    with Outbox(path) as box:
        box._db.execute("PRAGMA user_version=99")
    with pytest.raises(OutboxTooNewError):
        Outbox(path)
    assert path.exists() and not list(path.parent.glob("*.corrupt-*"))


def test_threads_enqueue_while_another_reads(path: Path) -> None:
    errors: list[BaseException] = []
    with Outbox(path) as box:

        def writer() -> None:
            try:
                for _ in range(50):
                    box.enqueue(sample_event())
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        def reader() -> None:
            try:
                for _ in range(50):
                    box.next_batch(max_events=100, max_bytes=10**6)
                    box.status()
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=writer) for _ in range(3)]
        threads.append(threading.Thread(target=reader))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        seqs = [e.device_seq for e in box.entries(limit=1000)]
        assert len(seqs) == 150 and len(set(seqs)) == 150


def test_two_connections_share_the_file(path: Path) -> None:
    """The window and `report --flush` may run at once: both see every event."""
    with Outbox(path) as one, Outbox(path) as two:
        a = one.enqueue(sample_event())
        b = two.enqueue(sample_event())
        assert b.device_seq == a.device_seq + 1
        assert one.counts()["queued"] == 2
