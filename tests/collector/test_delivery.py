# SPDX-License-Identifier: MIT
"""The helper's real delivery client against the real collector over HTTPS.

helper/report/outbox.py + delivery.py + http.py (the product's httpx client,
trusting only the test CA) + a static TokenProvider with real RS256 tokens →
the collector (uvicorn, TLS, JWKS over HTTPS) → SQLite or PostgreSQL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from helper.report.delivery import Flusher
from helper.report.event import StatusEvent
from helper.report.http import make_http_client
from helper.report.outbox import Outbox
from helper.report.token import StaticTokenProvider
from tests.collector.conftest import Running
from tests.collector.support import (
    HELPER_CLIENT,
    OTHER_TENANT,
    TENANT,
    USER,
    make_event,
)

NOW = int(time.time())


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.sqlite3") as box:
        yield box


@pytest.fixture
def http_client(collector: Running) -> Iterator[httpx.Client]:
    """The product's client, trusting only the test CA."""
    with make_http_client(
        verify=collector.certs.client_context(), timeout=10.0
    ) as client:
        yield client


def _enqueue(outbox: Outbox, count: int) -> list[StatusEvent]:
    # The outbox assigns device_seq itself (seq=1 is replaced).
    return outbox.enqueue_many([make_event(seq=1) for _ in range(count)])


def test_flush_delivers_and_the_state_is_the_latest(
    collector: Running, outbox: Outbox, http_client: httpx.Client
) -> None:
    events = _enqueue(outbox, 130)  # two requests: the helper sends 100 at most
    flusher = Flusher(
        outbox, http_client, collector.url, StaticTokenProvider([collector.keys.mint()])
    )
    result = flusher.flush(force=True)
    assert result.outcome == "delivered", result
    assert result.delivered == 130
    assert result.requests == 2
    assert outbox.counts()["queued"] == 0
    assert collector.count() == 130
    with collector.store.read() as conn:
        identities = conn.fetchall(
            "SELECT DISTINCT tid, oid, client_app_id FROM events"
        )
        state = conn.fetchall("SELECT last_event_id, last_seq FROM device_state")
        payload = conn.scalar(
            "SELECT payload FROM events WHERE event_id = ?", (events[0].event_id,)
        )
    # Identity comes from the token, never from the payload.
    assert identities == [(TENANT, USER, HELPER_CLIENT)]
    assert not {"tid", "oid"} & set(json.loads(payload))
    assert state == [(events[-1].event_id, events[-1].device_seq)]


def test_expired_token_is_refreshed_once(
    collector: Running, outbox: Outbox, http_client: httpx.Client
) -> None:
    _enqueue(outbox, 3)
    keys = collector.keys
    expired = keys.mint(exp=NOW - 600, iat=NOW - 4000, nbf=NOW - 4000)
    provider = StaticTokenProvider([expired, keys.mint()])
    result = Flusher(outbox, http_client, collector.url, provider).flush(force=True)
    assert result.outcome == "delivered"
    assert provider.calls == [False, True]
    assert collector.count() == 3


def test_refused_tenant_keeps_events_queued(
    collector: Running, outbox: Outbox, http_client: httpx.Client
) -> None:
    _enqueue(outbox, 3)
    provider = StaticTokenProvider([collector.keys.mint(tid=OTHER_TENANT)])
    result = Flusher(outbox, http_client, collector.url, provider).flush(force=True)
    # 401 (docs/collector.md): the user signs in again, with the right account.
    assert result.outcome == "sign-in-needed"
    assert outbox.counts()["queued"] == 3
    assert collector.count() == 0


def test_forged_tokens_end_in_sign_in_needed(
    collector: Running, outbox: Outbox, http_client: httpx.Client
) -> None:
    _enqueue(outbox, 2)
    keys = collector.keys
    provider = StaticTokenProvider([keys.unsigned(), keys.hs256_with_public_key()])
    result = Flusher(outbox, http_client, collector.url, provider).flush(force=True)
    assert result.outcome == "sign-in-needed"
    assert outbox.counts()["queued"] == 2
    assert collector.count() == 0


def test_redelivery_is_answered_duplicate(collector: Running) -> None:
    events = [make_event(seq=n) for n in range(1, 6)]
    first = collector.post_events(events)
    again = collector.post_events(events)
    assert first.json()["accepted"] == [e.event_id for e in events]
    assert again.status_code == 200
    assert again.json() == {
        "accepted": [],
        "duplicate": [e.event_id for e in events],
        "rejected": [],
    }
    assert collector.count() == 5
