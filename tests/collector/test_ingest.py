# SPDX-License-Identifier: MIT
"""POST /api/v1/events: bad input, idempotency, ordering, concurrency, limits.

Over HTTPS against the real server, on SQLite and PostgreSQL. Every refused
request must get a clear 4xx (resources/openapi/collector-v1.json), store
nothing, and leave the server healthy.
"""

from __future__ import annotations

import gzip
import json
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final, NamedTuple

import jsonschema
import msgspec
import pytest

from collector.auth import Principal
from collector.config import ServerConfig
from collector.ingest import (
    AcceptedEvent,
    IngestError,
    Ingestor,
    decode_event,
    gunzip,
)
from collector.storage import Store
from helper.report.event import IntuneParts, OverallState, encode_event
from tests.collector.conftest import Running, batch
from tests.collector.support import HELPER_CLIENT, TENANT, USER, make_event

MiB = 1024 * 1024
SCHEMA_FILE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "schemas"
    / "migration-status-1.schema.json"
)


def _gzip_bomb(size: int) -> bytes:
    """``size`` bytes of zeros, gzipped (about 1000:1), built in chunks."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"0" * MiB
    parts = [compressor.compress(b'{"schema":"migration-status/1","events":["')]
    parts += [compressor.compress(chunk) for _ in range(size // MiB)]
    parts.append(compressor.compress(b'"]}'))
    parts.append(compressor.flush())
    return b"".join(parts)


def _events_body(count: int) -> bytes:
    one = encode_event(make_event())
    return (
        b'{"schema":"migration-status/1","events":[' + b",".join([one] * count) + b"]}"
    )


class Bad(NamedTuple):
    """A request refused whole."""

    body: Callable[[], bytes]
    status: int
    code: str
    headers: dict[str, str] = {}  # noqa: RUF012 - never mutated
    compress: bool = True


GZIP: Final = {"Content-Encoding": "gzip"}
BAD: Final = {
    "malformed-json": Bad(
        lambda: b'{"schema": "migration-status/1", "events": [', 400, "not-json"
    ),
    "not-an-object": Bad(lambda: b"[1, 2, 3]", 400, "not-a-batch"),
    "unknown-envelope-field": Bad(
        lambda: b'{"schema":"migration-status/1","events":[{}],"x":1}',
        400,
        "not-a-batch",
    ),
    "wrong-envelope-schema": Bad(
        lambda: b'{"schema":"migration-status/9","events":[{}]}',
        400,
        "unsupported-schema",
    ),
    "no-events": Bad(
        lambda: b'{"schema":"migration-status/1","events":[]}', 400, "empty-batch"
    ),
    "empty-body": Bad(lambda: b"", 400, "empty-body", compress=False),
    "deeply-nested": Bad(
        lambda: (
            b'{"schema":"migration-status/1","events":'
            + b"[" * 50_000
            + b"]" * 50_000
            + b"}"
        ),
        400,
        "not-json",
    ),
    "ten-megabytes": Bad(
        lambda: b"x" * (10 * MiB), 413, "body-too-large", compress=False
    ),
    "ten-thousand-events": Bad(lambda: _events_body(10_000), 413, "body-too-large"),
    "101-events": Bad(lambda: _events_body(101), 413, "too-many-events"),
    "gzip-bomb": Bad(
        lambda: _gzip_bomb(200 * MiB), 413, "body-too-large", GZIP, compress=False
    ),
    "not-gzip": Bad(
        lambda: batch([make_event()]), 400, "bad-gzip", GZIP, compress=False
    ),
    "truncated-gzip": Bad(
        lambda: gzip.compress(batch([make_event()]))[:-20],
        400,
        "bad-gzip",
        GZIP,
        compress=False,
    ),
    "brotli": Bad(
        lambda: batch([make_event()]),
        415,
        "unsupported-encoding",
        {"Content-Encoding": "br"},
        compress=False,
    ),
    "form-data": Bad(
        lambda: batch([make_event()]),
        415,
        "unsupported-media-type",
        {"Content-Type": "application/x-www-form-urlencoded"},
    ),
}


@pytest.mark.parametrize("bad", BAD.values(), ids=BAD.keys())
def test_bad_requests_are_refused_whole(shared_collector: Running, bad: Bad) -> None:
    before = shared_collector.count(), shared_collector.count("device_state")
    response = shared_collector.post(
        bad.body(), gzip_body=bad.compress, headers=bad.headers
    )
    assert response.status_code == bad.status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == bad.code
    assert response.json()["status"] == bad.status
    assert (shared_collector.count(), shared_collector.count("device_state")) == before
    assert shared_collector.healthy()


def test_a_bad_event_is_rejected_and_the_others_stored(collector: Running) -> None:
    good = make_event(seq=1)
    also_good = make_event(seq=2)
    bad_state = json.loads(encode_event(make_event(seq=3)))
    bad_state["overall_state"] = "exploded"
    smuggled_identity = json.loads(encode_event(make_event(seq=4)))
    smuggled_identity["oid"] = "someone-else"  # identity only comes from the token
    hostname = json.loads(encode_event(make_event(seq=5)))
    hostname["device"]["hostname"] = "LAPTOP-ALICE"
    future = json.loads(encode_event(make_event(seq=6)))
    future["schema"] = "migration-status/2"
    year_zero = json.loads(encode_event(make_event(seq=7)))
    year_zero["event_time_utc"] = "0001-01-01T00:30:00+01:00"
    body = json.dumps(
        {
            "schema": "migration-status/1",
            "events": [
                json.loads(encode_event(good)),
                bad_state,
                smuggled_identity,
                hostname,
                future,
                year_zero,
                "not an object",
                json.loads(encode_event(also_good)),
            ],
        }
    ).encode()
    response = collector.post(body)
    assert response.status_code == 200
    result = response.json()
    assert result["accepted"] == [good.event_id, also_good.event_id]
    assert result["duplicate"] == []
    assert result["rejected"] == [
        {"event_id": bad_state["event_id"], "reason": "schema"},
        {"event_id": smuggled_identity["event_id"], "reason": "schema"},
        {"event_id": hostname["event_id"], "reason": "schema"},
        {"event_id": future["event_id"], "reason": "unsupported-schema"},
        {"event_id": year_zero["event_id"], "reason": "schema"},
        {"event_id": "", "reason": "schema"},
    ]
    assert collector.count() == 2


def test_identity_encoding_is_accepted(collector: Running) -> None:
    event = make_event()
    response = collector.post(batch([event]), gzip_body=False)
    assert response.json()["accepted"] == [event.event_id]


def test_out_of_order_events_do_not_regress_the_state(collector: Running) -> None:
    newest = make_event(seq=5, event_type="succeeded", overall="succeeded")
    older = make_event(seq=3, event_type="failed", overall="failed", code="ENR-014")
    assert collector.post_events([newest]).status_code == 200
    assert collector.post_events([older]).status_code == 200

    def state() -> tuple[Any, ...]:
        with collector.store.read() as conn:
            row = conn.fetchone(
                "SELECT last_seq, overall_state, code, last_event_id FROM device_state"
            )
        assert row is not None
        return row

    assert state() == (5, "succeeded", None, newest.event_id)
    assert collector.count() == 2  # the late event is still kept as history
    # Newer and older in one batch, in the wrong order: the newest wins.
    later, between = make_event(seq=9, overall="blocked"), make_event(seq=7)
    collector.post_events([later, between])
    assert state()[:2] == (9, "blocked")


def test_duplicates_within_and_across_batches(collector: Running) -> None:
    event = make_event(seq=1)
    twice = collector.post_events([event, event])
    assert twice.json()["accepted"] == [event.event_id]
    assert twice.json()["duplicate"] == [event.event_id]
    # Same id, different content: the first one stays (idempotent on event_id).
    changed = msgspec.structs.replace(event, overall_state="failed", device_seq=99)
    again = collector.post_events([changed])
    assert again.json()["duplicate"] == [event.event_id]
    with collector.store.read() as conn:
        assert conn.fetchone("SELECT last_seq, overall_state FROM device_state") == (
            1,
            "in-progress",
        )


def test_devices_are_kept_apart(collector: Running) -> None:
    history: tuple[tuple[int, OverallState], ...] = (
        (1, "in-progress"),
        (4, "succeeded"),
        (2, "failed"),
    )
    events = [
        make_event(seq=s, serial=f"SER-{d}", overall=o)
        for d in range(3)
        for s, o in history
    ]
    other_user = collector.keys.mint(oid="11111111-2222-4333-8444-555555555555")
    assert collector.post_events(events).status_code == 200
    # The same machine under another user is another outbox, hence another key.
    assert collector.post_events([make_event(seq=1, serial="SER-0")], token=other_user)
    with collector.store.read() as conn:
        rows = conn.fetchall(
            "SELECT serial_hmac, oid, last_seq, overall_state FROM device_state "
            "ORDER BY serial_hmac, oid"
        )
    assert len(rows) == 4
    assert [r[2:] for r in rows if r[1] == USER] == [(4, "succeeded")] * 3


def test_concurrent_batches_on_the_same_devices(collector: Running) -> None:
    """20 clients at once on 5 shared devices: no lock errors, no lost update,
    the state is the highest device_seq (SQLite's single writer, PostgreSQL's
    row locks and sorted upserts)."""
    barrier = threading.Barrier(20)
    # Twenty uploads of one user at once (a real user has one outbox): lift
    # the per-user upload limit for this test of the storage layer.
    config = collector.app.state.config
    collector.app.state.config = msgspec.structs.replace(
        config,
        server=msgspec.structs.replace(config.server, max_uploads_per_user=20),
    )

    def client(n: int) -> list[int]:
        statuses = []
        barrier.wait()
        for round_ in range(5):
            events = [
                make_event(seq=n * 100 + round_ * 10 + d + 1, serial=f"SHARED-{d}")
                for d in range(5)
            ]
            statuses.append(collector.post_events(events).status_code)
        return statuses

    with ThreadPoolExecutor(20) as pool:
        statuses = [s for result in pool.map(client, range(20)) for s in result]
    assert statuses == [200] * 100
    assert collector.count() == 500
    with collector.store.read() as conn:
        rows = conn.fetchall("SELECT last_seq FROM device_state ORDER BY last_seq")
    assert [r[0] for r in rows] == [19 * 100 + 4 * 10 + d + 1 for d in range(5)]


def test_overload_answers_503_with_retry_after(collector: Running) -> None:
    collector.app.state.inflight = collector.config.server.max_inflight
    try:
        response = collector.post_events([make_event()])
    finally:
        collector.app.state.inflight = 0
    assert response.status_code == 503
    assert response.json()["code"] == "overloaded"
    assert response.headers["retry-after"] == "60"
    assert collector.count() == 0


def test_storage_down_answers_503(collector: Running) -> None:
    collector.store.close()
    response = collector.post_events([make_event()])
    assert response.status_code == 503
    assert response.json()["code"] == "storage-unavailable"
    assert "retry-after" in response.headers
    health = collector.client.get(f"{collector.url}/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable"}


def test_request_id_is_echoed_or_made(collector: Running) -> None:
    mine = collector.post_events([make_event()]).headers["x-request-id"]
    assert len(mine) == 32
    given = collector.post(batch([make_event()]), headers={"X-Request-Id": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    hostile = collector.post(batch([make_event()]), headers={"X-Request-Id": "a b\tc"})
    assert hostile.headers["x-request-id"] != "a b\tc"


# --- the ingestor without HTTP --------------------------------------------------


PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())


def test_listeners_get_accepted_events_only(store: Store) -> None:
    ingestor = Ingestor(store, ServerConfig())
    seen: list[list[AcceptedEvent]] = []
    ingestor.add_listener(lambda events: seen.append(list(events)))

    def broken(events: object) -> None:
        raise RuntimeError("forward down")

    ingestor.add_listener(broken)
    first, second = make_event(seq=1), make_event(seq=2)
    ingestor.process(batch([first]), "", PRINCIPAL)
    result = ingestor.process(batch([first, second]), "", PRINCIPAL)
    assert result.accepted == [second.event_id]
    assert [[a.event.event_id for a in call] for call in seen] == [
        [first.event_id],
        [second.event_id],
    ]
    assert seen[1][0].principal == PRINCIPAL
    assert json.loads(seen[1][0].payload)["event_id"] == second.event_id


def test_the_intune_halves_are_kept_in_the_stored_event(store: Store) -> None:
    ingestor = Ingestor(store, ServerConfig())
    seen: list[list[AcceptedEvent]] = []
    ingestor.add_listener(lambda events: seen.append(list(events)))
    event = msgspec.structs.replace(
        make_event(seq=1), intune=IntuneParts(mdm=True, registration=False)
    )
    result = ingestor.process(batch([event]), "", PRINCIPAL)
    assert result.accepted == [event.event_id]
    stored = json.loads(seen[0][0].payload)
    assert stored["intune"] == {"mdm": True, "registration": False}


def test_gunzip_bounds() -> None:
    data = b"a" * 1000
    assert gunzip(gzip.compress(data), 1000) == data
    # Two members, as `cat a.gz b.gz` makes.
    assert gunzip(gzip.compress(b"ab") + gzip.compress(b"cd"), 10) == b"abcd"
    with pytest.raises(IngestError) as too_big:
        gunzip(gzip.compress(data), 999)
    assert too_big.value.status == 413
    with pytest.raises(IngestError) as bad:
        gunzip(b"\x1f\x8b garbage", 1000)
    assert bad.value.status == 400


# --- the collector's validation agrees with the committed JSON Schema -----------


def _variants() -> list[dict[str, Any]]:
    base = json.loads(encode_event(make_event(code="ENR-014")))
    cases: list[dict[str, Any]] = [base]

    def variant(change: Callable[[dict[str, Any]], None]) -> None:
        copy = json.loads(json.dumps(base))
        change(copy)
        cases.append(copy)

    variant(lambda e: e.update(event_id="NOT-A-UUID"))
    variant(lambda e: e.update(device_seq=0))
    variant(lambda e: e.update(device_seq=2**53))
    variant(lambda e: e.update(event_type="exploded"))
    variant(lambda e: e.update(code="has space"))
    variant(lambda e: e.update(code=None))
    variant(lambda e: e.update(wave_id="wave/../1"))
    variant(lambda e: e.update(extra=1))
    variant(lambda e: e.pop("app"))
    variant(lambda e: e.pop("device"))
    variant(lambda e: e["device"].update(os_family="android"))
    variant(lambda e: e["device"].update(serial_hmac="ABC"))
    variant(lambda e: e["device"].update(entra_device_id="{not-a-guid}"))
    variant(lambda e: e["app"].update(name="other-app"))
    variant(lambda e: e.update(steps=[{"id": "s", "state": "done"}] * 101))
    variant(lambda e: e.update(stages=[{"id": "s", "state": "nope"}]))
    variant(lambda e: e.update(legacy={"vendor": "ws1", "still_enrolled": "yes"}))
    variant(lambda e: e.update(env={"locale": "fr-FR"}))
    variant(lambda e: e.update(env={"locale": "not a locale"}))
    # A trailing newline made look-alike rows ("wave-01\n" beside "wave-01"):
    # re.search's "$" matches before it, ECMA's does not.
    variant(lambda e: e.update(wave_id="wave-01\n"))
    variant(lambda e: e.update(code="ENR-014\n"))
    variant(lambda e: e.update(event_id=e["event_id"] + "\n"))
    variant(lambda e: e["device"].update(os_version="10.0.26100\n"))
    variant(lambda e: e.update(env={"locale": "fr-FR\n"}))
    # Which halves of "in Intune" the device confirmed (additive field).
    variant(lambda e: e.update(intune={"mdm": True, "registration": False}))
    variant(lambda e: e.update(intune={"mdm": True, "registration": None}))
    variant(lambda e: e.update(intune={"mdm": "yes"}))
    variant(lambda e: e.update(intune={"mdm": True, "entra": True}))
    return cases


def test_trailing_newline_is_refused_not_a_look_alike(collector: Running) -> None:
    """``wave-01\n`` used to be stored as a second wave beside ``wave-01``."""
    good = make_event(seq=1)
    look_alike = json.loads(encode_event(make_event(seq=2)))
    look_alike["wave_id"] = "wave-01\n"
    body = json.dumps(
        {
            "schema": "migration-status/1",
            "events": [json.loads(encode_event(good)), look_alike],
        }
    ).encode()
    result = collector.post(body).json()
    assert result["accepted"] == [good.event_id]
    assert result["rejected"] == [
        {"event_id": look_alike["event_id"], "reason": "schema"}
    ]
    # The committed schema says the same to an ECMA engine and to Python's.
    schema = SCHEMA_FILE.read_text(encoding="utf-8")
    assert '$"' not in schema


@pytest.mark.parametrize("event", _variants())
def test_validation_agrees_with_the_schema_file(event: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    by_schema = jsonschema.Draft202012Validator(schema).is_valid(event)
    try:
        decode_event(json.dumps(event).encode())
        by_collector = True
    except msgspec.ValidationError:
        by_collector = False
    assert by_collector == by_schema


def test_invalid_utf8_in_one_event_is_that_events_error(collector: Running) -> None:
    """One event with bytes that are not UTF-8 is rejected on its own; its
    valid siblings are stored (the whole request used to fail with a 500)."""
    good = make_event(seq=1)
    also_good = make_event(seq=3)
    raw = encode_event(make_event(seq=2))
    variants = [
        raw.replace(b'"version":"', b'"version":"\xff', 1),
        raw.replace(b'"code"', b'"co\xffde"', 1),
        raw.replace(b'"event_id":"', b'"event_id":"\xc3', 1),
        raw.replace(b'"wave_id":', b'"wave_id":"\xed\xa0\x80",  "x":', 1),
    ]
    for bad in variants:
        body = (
            b'{"schema":"migration-status/1","events":['
            + encode_event(good)
            + b","
            + bad
            + b","
            + encode_event(also_good)
            + b"]}"
        )
        response = collector.post(body)
        assert response.status_code == 200, response.text
        result = response.json()
        assert sorted(result["accepted"] + result["duplicate"]) == sorted(
            [good.event_id, also_good.event_id]
        )
        assert len(result["rejected"]) == 1
        assert result["rejected"][0]["reason"] == "schema"
    assert collector.count() == 2


@pytest.mark.parametrize(
    "escape", [rb"\ud800", rb"\udc80", rb"\ud800\u0041", rb"\udfff\ud800"]
)
def test_a_lone_surrogate_in_one_event_fails_only_that_event(
    collector: Running, escape: bytes
) -> None:
    """Escapes that are not Unicode (a lone surrogate) in one event made the
    whole batch a 400, failing its valid siblings too."""
    good = make_event(seq=1)
    raw = encode_event(make_event(seq=2))
    bad = raw.replace(b'"version":"', b'"version":"' + escape, 1)
    body = (
        b'{"schema":"migration-status/1","events":['
        + encode_event(good)
        + b","
        + bad
        + b"]}"
    )
    response = collector.post(body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["accepted"] == [good.event_id]
    assert result["rejected"] == [
        {"event_id": json.loads(raw)["event_id"], "reason": "schema"}
    ]
