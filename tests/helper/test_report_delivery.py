# SPDX-License-Identifier: MIT
"""Delivery against a real HTTPS collector on loopback, with injected faults.

The clock is fake: back-off and Retry-After are checked by moving it, never by
sleeping (the only real waits are a 0.3 s read timeout and connection resets).
Every event the server receives is validated against migration-status/1.
"""

from __future__ import annotations

import datetime
import email.utils
import gzip
import json
import re
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme
from hypothesis import given
from hypothesis import strategies as st

from helper.report.delivery import (
    Flusher,
    FlushResult,
    RetryPolicy,
    backoff_delay,
    idempotency_key,
    parse_retry_after,
)
from helper.report.http import make_http_client
from helper.report.outbox import Outbox
from helper.report.token import SignInNeeded, StaticTokenProvider
from tests.helper.report_server import (
    PROXY_VARS,
    Fault,
    ReportServer,
    contract_validator,
    sample_event,
)

T0 = 1_800_000_000.0  # 2027-01-15, a fixed fake "now"
KEY_RE = re.compile(r'^"batch-[0-9a-f]{32}"$')


class FakeClock:
    def __init__(self, start: float = T0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def at(self, offset: float) -> float:
        self.now = T0 + offset
        return self.now


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def server(ca: trustme.CA, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReportServer]:
    # A CI proxy must not capture loopback traffic.
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    with ReportServer(ca) as srv:
        yield srv
    assert not any("Traceback" in e for e in srv.errors)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def outbox(tmp_path: Path, clock: FakeClock) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.sqlite3", clock=clock) as box:
        yield box


@pytest.fixture
def client(server: ReportServer) -> Iterator[httpx.Client]:
    with make_http_client(verify=server.client_context(), timeout=5.0) as http:
        yield http


def flusher(
    outbox: Outbox,
    client: httpx.Client,
    server: ReportServer,
    clock: FakeClock,
    *,
    tokens: StaticTokenProvider | None = None,
    rand: float = 0.0,
    policy: RetryPolicy | None = None,
) -> Flusher:
    return Flusher(
        outbox,
        client,
        server.url,
        tokens if tokens is not None else StaticTokenProvider(["tok-1"]),
        clock=clock,
        rand=lambda: rand,
        policy=policy,
    )


def fill(outbox: Outbox, n: int) -> list[str]:
    return [outbox.enqueue(sample_event()).event_id for _ in range(n)]


def assert_all_once_in_order(server: ReportServer, ids: list[str]) -> None:
    assert set(server.store) == set(ids)
    assert len(server.order) == len(ids)
    for seqs in server.stored_seqs().values():
        assert seqs == sorted(seqs)
    assert not [r for r in server.posts() if (r.response or {}).get("rejected")]


def ts(value: datetime.datetime | None) -> float | None:
    return None if value is None else value.timestamp()


# --- the happy path -------------------------------------------------------------


def test_delivers_every_event_once_in_batches(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 250)
    result = flusher(outbox, client, server, clock).flush()
    assert result == FlushResult(outcome="delivered", delivered=250, requests=3)
    assert_all_once_in_order(server, ids)
    posts = server.posts()
    assert [len(p.events) for p in posts] == [100, 100, 50]
    for post in posts:
        assert post.status == 200 and post.authorized
        assert post.content_encoding == "gzip"
        assert post.idempotency_key and KEY_RE.match(post.idempotency_key)
        assert post.body_bytes < len(post.json_body) / 3  # compressed
    assert outbox.counts() == {"queued": 0, "delivered": 250, "parked": 0}
    status = outbox.status()
    assert status.state == "idle" and status.next_attempt is None
    assert ts(status.last_success_at) == T0


def test_batches_stay_under_the_byte_limit(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 20)
    policy = RetryPolicy(max_bytes=4000)
    result = flusher(outbox, client, server, clock, policy=policy).flush()
    assert result.outcome == "delivered" and result.requests > 3
    assert all(len(p.json_body) <= 4000 for p in server.posts())
    assert_all_once_in_order(server, ids)


def test_requests_match_the_openapi_contract(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 3)
    flusher(outbox, client, server, clock).flush()
    (post,) = server.posts()
    contract_validator("EventBatch").validate(json.loads(post.json_body))
    contract_validator("BatchResult").validate(post.response)


def test_flush_sends_only_what_was_queued_when_it_began(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 3)
    flush = flusher(outbox, client, server, clock)
    assert flush.flush().delivered == 3
    assert flush.flush().outcome == "nothing-to-send"
    assert server.posts()[-1].events  # no empty request was made
    assert len(server.posts()) == 1


# --- transient failures and the retry schedule ----------------------------------


def test_500_backs_off_with_full_jitter(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 5)
    server.faults.append(Fault(status=500))
    flush = flusher(outbox, client, server, clock, rand=0.5)
    result = flush.flush()
    assert result.outcome == "retry-later" and result.error == "http:500"
    assert ts(result.next_attempt) == T0 + 2.5  # 0.5 * base 5 s
    assert ts(flush.next_attempt()) == T0 + 2.5
    status = outbox.status()
    assert status.state == "retrying" and status.last_error == "http:500"
    assert status.queued == 5
    clock.at(2.4)
    assert flush.flush().outcome == "waiting"
    assert len(server.posts()) == 1
    clock.at(2.5)
    assert flush.flush().outcome == "delivered"
    assert_all_once_in_order(server, ids)
    assert flush.next_attempt() is None
    assert outbox.entries(limit=1)[0].attempts == 2


def test_503_retry_after_seconds_is_a_minimum(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 2)
    for _ in range(3):
        server.faults.append(Fault(status=503, headers={"Retry-After": "7"}))
    flush = flusher(outbox, client, server, clock, rand=0.99)
    # 1st failure: jitter 0.99 * 5 = 4.95 < 7 → Retry-After wins.
    assert ts(flush.flush().next_attempt) == T0 + 7
    clock.at(6.9)
    assert flush.flush().outcome == "waiting"
    clock.at(7)
    # 2nd failure: 0.99 * 10 = 9.9 > 7 → the back-off wins.
    assert ts(flush.flush().next_attempt) == pytest.approx(T0 + 7 + 9.9)
    clock.at(16.9)
    # 3rd: 0.99 * 20.
    assert ts(flush.flush().next_attempt) == pytest.approx(T0 + 16.9 + 19.8)
    clock.at(40)
    assert flush.flush().outcome == "delivered"
    assert [p.status for p in server.posts()] == [503, 503, 503, 200]
    assert_all_once_in_order(server, ids)


def test_429_retry_after_http_date(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 2)
    date = email.utils.formatdate(T0 + 120, usegmt=True)
    server.faults.append(Fault(status=429, headers={"Retry-After": date}))
    flush = flusher(outbox, client, server, clock)
    result = flush.flush()
    assert result.outcome == "retry-later" and result.error == "http:429"
    assert ts(result.next_attempt) == T0 + 120
    clock.at(119)
    assert flush.flush().outcome == "waiting"
    clock.at(120)
    assert flush.flush().outcome == "delivered"
    assert_all_once_in_order(server, ids)


def test_retry_after_is_capped(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 1)
    server.faults.append(Fault(status=503, headers={"Retry-After": "9999999"}))
    result = flusher(outbox, client, server, clock).flush()
    assert ts(result.next_attempt) == T0 + 3600


def test_slow_response_times_out_and_the_resend_is_deduplicated(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 4)
    # The server stores the events, then answers after the client gave up.
    server.faults.append(Fault(delay=2.0, process=True))
    timeout = httpx.Timeout(5.0, read=0.3)
    with make_http_client(verify=server.client_context(), timeout=timeout) as http:
        result = flusher(outbox, http, server, clock).flush()
    assert result.outcome == "retry-later" and result.error == "network:timeout"
    assert set(server.store) == set(ids)  # stored, but the client can't know
    clock.at(10)
    # The retry (with a patient client: a loaded CI machine is slow).
    result = flusher(outbox, client, server, clock).flush()
    assert result.outcome == "delivered"
    assert result.delivered == 4 and result.duplicates == 4
    assert_all_once_in_order(server, ids)
    assert all(server.receipts[i] == 2 for i in ids) and server.duplicates == 4


def test_connection_reset_mid_body(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 3)
    server.faults.append(Fault(reset=True, process=True))
    flush = flusher(outbox, client, server, clock)
    result = flush.flush()
    assert result.outcome == "retry-later"
    assert result.error in ("network:reset", "network:protocol")
    clock.at(10)
    result = flush.flush()
    assert result.outcome == "delivered" and result.duplicates == 3
    assert_all_once_in_order(server, ids)


def test_connection_refused(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 1)
    url = server.url
    server.stop()
    flush = Flusher(outbox, client, url, StaticTokenProvider(["tok-1"]), clock=clock)
    result = flush.flush()
    assert result.outcome == "retry-later" and result.error == "network:connect"
    assert outbox.counts()["queued"] == 1


def test_unknown_ca_is_never_trusted(
    outbox: Outbox, server: ReportServer, clock: FakeClock
) -> None:
    """The default client (OS trust store) refuses the test CA: verification on."""
    fill(outbox, 1)
    with make_http_client() as http:
        result = flusher(outbox, http, server, clock).flush()
    assert result.outcome == "retry-later" and result.error == "tls:certificate"
    assert server.store == {}


def test_a_captive_portal_200_is_not_a_delivery(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 2)
    server.faults.append(Fault(status=200, body=b"<html>Sign in to Wi-Fi</html>"))
    result = flusher(outbox, client, server, clock).flush()
    assert result.outcome == "retry-later" and result.error == "bad-response"
    assert outbox.counts()["queued"] == 2


def test_a_200_that_forgets_events_keeps_them_queued(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 2)
    server.faults.append(Fault(status=200))  # a JSON body without the lists
    result = flusher(outbox, client, server, clock).flush()
    assert result.error == "incomplete-response"
    assert outbox.counts()["queued"] == 2


# --- 413 and other 4xx ------------------------------------------------------------


def test_413_splits_the_batch(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    server.max_events = 10
    ids = fill(outbox, 25)
    result = flusher(outbox, client, server, clock).flush()
    assert result.outcome == "delivered" and result.delivered == 25
    assert result.parked == 0
    statuses = [p.status for p in server.posts()]
    assert statuses.count(413) >= 3 and statuses.count(200) >= 3
    assert_all_once_in_order(server, ids)
    keys = [p.idempotency_key for p in server.posts()]
    assert len(set(keys)) == len(keys)  # each split batch gets its own key


def test_413_on_a_single_event_parks_it(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 3)
    server.faults.extend([Fault(status=413)] * 3)
    result = flusher(outbox, client, server, clock).flush()
    # [1,2,3] → 413 → [1] → 413 → parked; [2,3] → 413 → [2] ok, [3] ok.
    assert result.outcome == "delivered"
    assert (result.delivered, result.parked) == (2, 1)
    (parked,) = outbox.entries(state="parked")
    assert parked.event_id == ids[0]
    assert (parked.last_status, parked.last_error) == (413, "http:413")
    assert outbox.status().parked_events[0].last_error == "http:413"


def test_400_parks_instead_of_retrying_forever(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 1)
    server.faults.append(Fault(status=400))
    result = flusher(outbox, client, server, clock).flush()
    assert (result.outcome, result.parked, result.remaining) == ("delivered", 1, 0)
    assert outbox.counts() == {"queued": 0, "delivered": 0, "parked": 1}
    assert outbox.requeue_parked() == 1
    assert flusher(outbox, client, server, clock).flush().delivered == 1


def test_rejected_events_are_parked_with_the_reason(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    good = fill(outbox, 2)
    refused = outbox.enqueue(sample_event()).event_id
    invalid = outbox.enqueue(sample_event(event_type="not-a-type")).event_id
    server.reject[refused] = "campaign-unknown"
    result = flusher(outbox, client, server, clock).flush()
    assert (result.outcome, result.delivered, result.parked) == ("delivered", 2, 2)
    errors = {e.event_id: e.last_error for e in outbox.entries(state="parked")}
    assert errors == {refused: "rejected:campaign-unknown", invalid: "rejected:schema"}
    assert set(server.store) == set(good)


# --- tokens -------------------------------------------------------------------


def test_401_refreshes_the_token_once_then_succeeds(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 3)
    server.tokens = {"tok-2"}
    tokens = StaticTokenProvider(["tok-1", "tok-2"])
    result = flusher(outbox, client, server, clock, tokens=tokens).flush()
    assert result.outcome == "delivered"
    assert tokens.calls == [False, True]
    assert [p.status for p in server.posts()] == [401, 200]
    assert_all_once_in_order(server, ids)


def test_401_after_a_refresh_means_sign_in_needed(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    ids = fill(outbox, 2)
    server.tokens = {"tok-3"}
    flush = flusher(
        outbox, client, server, clock, tokens=StaticTokenProvider(["tok-1", "tok-2"])
    )
    result = flush.flush()
    assert result.outcome == "sign-in-needed" and result.next_attempt is None
    assert [p.status for p in server.posts()] == [401, 401]
    status = outbox.status()
    assert status.state == "sign-in-needed" and status.queued == 2
    assert status.next_attempt is None and flush.next_attempt() is None
    # The user signs in again (the window); the next flush delivers.
    flush = flusher(
        outbox, client, server, clock, tokens=StaticTokenProvider(["tok-3"])
    )
    assert flush.flush().outcome == "delivered"
    assert outbox.status().state == "idle"
    assert_all_once_in_order(server, ids)


def test_no_signed_in_user_makes_no_request(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 1)
    result = flusher(
        outbox, client, server, clock, tokens=StaticTokenProvider([])
    ).flush()
    assert result.outcome == "sign-in-needed" and result.requests == 0
    none = Flusher(outbox, client, server.url, None, clock=clock)
    assert none.flush().outcome == "sign-in-needed"
    assert server.posts() == []


def test_token_failures_are_transient(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    class Broken:
        def get_token(self, *, force_refresh: bool = False) -> str:
            raise ConnectionError("login.microsoftonline.com unreachable")

    fill(outbox, 1)
    result = Flusher(outbox, client, server.url, Broken(), clock=clock).flush()
    assert result.outcome == "retry-later" and result.error == "token-unavailable"


def test_403_keeps_events_and_backs_off_an_hour(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 2)
    server.faults.append(Fault(status=403))
    flush = flusher(outbox, client, server, clock)
    result = flush.flush()
    assert result.outcome == "refused" and result.error == "http:403"
    assert ts(result.next_attempt) == T0 + 3600
    assert outbox.counts()["queued"] == 2
    assert outbox.status().state == "refused"
    clock.at(3600)
    assert flush.flush().outcome == "delivered"


# --- the flusher's contract -------------------------------------------------------


def test_force_ignores_the_back_off(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 1)
    server.faults.append(Fault(status=503, headers={"Retry-After": "600"}))
    flush = flusher(outbox, client, server, clock)
    assert flush.flush().outcome == "retry-later"
    assert flush.flush().outcome == "waiting"
    assert flush.flush(force=True).outcome == "delivered"


def test_disabled_and_busy(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    fill(outbox, 1)
    off = Flusher(outbox, client, server.url, None, clock=clock, enabled=False)
    assert off.flush().outcome == "disabled"
    assert off.next_attempt() is None and off.status().state == "disabled"
    flush = flusher(outbox, client, server, clock)
    flush._busy.acquire()
    try:
        assert flush.flush().outcome == "busy"
    finally:
        flush._busy.release()
    assert server.posts() == []


def test_next_attempt(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    flush = flusher(outbox, client, server, clock)
    assert flush.next_attempt() is None  # nothing queued
    fill(outbox, 1)
    assert ts(flush.next_attempt()) == T0  # due now
    now = datetime.datetime.fromtimestamp(T0 + 5, datetime.UTC)
    assert flush.next_attempt(now) == now
    assert flush.flush(now).outcome == "delivered"
    assert flush.next_attempt() is None


# --- pure helpers -----------------------------------------------------------------


def test_parse_retry_after() -> None:
    assert parse_retry_after(None, T0) is None
    assert parse_retry_after("120", T0) == 120
    assert parse_retry_after(" 0 ", T0) == 0
    date = email.utils.formatdate(T0 + 30, usegmt=True)
    assert parse_retry_after(date, T0) == 30
    assert parse_retry_after(email.utils.formatdate(T0 - 30, usegmt=True), T0) == 0
    assert parse_retry_after("soon", T0) is None
    assert parse_retry_after("-5", T0) is None
    # These raised ValueError out of the flush (str.isdigit accepts "²", and
    # int() refuses more than 4,300 digits), so the batch was resent forever.
    assert parse_retry_after("²", T0) is None
    assert parse_retry_after("1²", T0) is None
    assert parse_retry_after("9" * 5000, T0) == 10**12
    assert parse_retry_after("Wed, 21 Oct 99999 07:28:00 GMT", T0) is None
    assert parse_retry_after("Mon, 01 Jan 0001 00:00:00 +2359", T0) in (None, 0)
    assert parse_retry_after("x" * 100_000, T0) is None


@given(st.text(max_size=200))
def test_parse_retry_after_never_raises(value: str) -> None:
    delay = parse_retry_after(value, T0)
    assert delay is None or delay >= 0


@pytest.mark.parametrize("status", [200, 503, 429, 403, 400])
@pytest.mark.parametrize("header", ["²", "9" * 5000])
def test_a_hostile_retry_after_never_breaks_a_flush(
    outbox: Outbox,
    client: httpx.Client,
    server: ReportServer,
    clock: FakeClock,
    *,
    status: int,
    header: str,
) -> None:
    ids = fill(outbox, 1)
    fault = Fault(status=None if status == 200 else status, process=status == 200)
    fault.headers["Retry-After"] = header
    server.faults.append(fault)
    result = flusher(outbox, client, server, clock).flush()
    if status == 200:
        assert result.outcome == "delivered"
        assert set(server.store) == set(ids)
    elif status == 400:
        assert result.parked == 1  # refused for good, as without the header
    else:
        assert result.error == f"http:{status}"
        assert outbox.counts()["queued"] == 1


def test_a_huge_answer_is_not_read_whole(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    """A 200 MiB answer: the flush reads a little over 1 MiB and stops (it
    used to read the whole body, then check its size: 633 MiB peak for 300)."""
    fill(outbox, 2)
    server.faults.append(Fault(huge_body=200 * 1024 * 1024))
    tracemalloc.start()
    try:
        result = flusher(outbox, client, server, clock).flush()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.outcome == "retry-later" and result.error == "bad-response"
    assert outbox.counts()["queued"] == 2
    assert peak < 16 * 1024 * 1024


def test_back_off_starts_over_after_a_flush_that_delivered_some(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    """Flushes that deliver some batches before failing show the collector is
    there: the back-off used to keep growing anyway."""
    fill(outbox, 6)
    policy = RetryPolicy(max_events=1)
    flush = flusher(outbox, client, server, clock, rand=0.99, policy=policy)
    for step in range(3):
        # One batch through (no fault), then a 503.
        server.faults.extend([Fault(process=True), Fault(status=503)])
        result = flush.flush()
        assert result.delivered == 1, step
        assert result.outcome == "retry-later"
        # Always the first failure's ceiling (0.99 * 5 s), never 9.9, 19.8...
        assert ts(result.next_attempt) == pytest.approx(clock.now + 4.95)
        clock.at(clock.now - T0 + 5)


def test_backoff_is_full_jitter_capped() -> None:
    policy = RetryPolicy(base=5, factor=2, cap=1800)
    assert backoff_delay(policy, 1, lambda: 0.0) == 0
    assert backoff_delay(policy, 1, lambda: 0.5) == 2.5
    assert backoff_delay(policy, 4, lambda: 0.5) == 20  # 0.5 * 5 * 2**3
    assert backoff_delay(policy, 40, lambda: 0.5) == 900  # capped at 1800
    assert backoff_delay(policy, 1, lambda: 0.0, retry_after=30) == 30
    assert backoff_delay(policy, 1, lambda: 0.0, retry_after=10**6) == 3600


def test_idempotency_key_is_a_function_of_the_batch() -> None:
    assert idempotency_key(["a", "b"]) == idempotency_key(["a", "b"])
    assert idempotency_key(["a", "b"]) != idempotency_key(["a"])
    assert KEY_RE.match(f'"{idempotency_key(["a"])}"')


def test_the_request_body_is_the_stored_json(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    (event_id,) = fill(outbox, 1)
    flusher(outbox, client, server, clock).flush()
    (post,) = server.posts()
    stored = outbox.payload(event_id)
    assert stored is not None
    assert (
        post.json_body == b'{"schema":"migration-status/1","events":[' + stored + b"]}"
    )
    assert gzip.decompress(gzip.compress(post.json_body)) == post.json_body


def test_sign_in_needed_is_an_exception_type_only_for_providers() -> None:
    with pytest.raises(SignInNeeded):
        StaticTokenProvider([]).get_token()


# --- the service the window holds ---------------------------------------------------


def test_reporting_service_end_to_end(
    outbox: Outbox, client: httpx.Client, server: ReportServer, clock: FakeClock
) -> None:
    from helper.config.model import Config, MigrationConfig, Reporting
    from helper.journey.transitions import Event
    from helper.report.delivery import ReportingService
    from helper.report.event import DeviceFacts

    config = Config(
        reporting=Reporting(enabled=True, collector_url=server.url),
        migration=MigrationConfig(campaign_id="emm2intune-2026"),
    )
    queued: list[object] = []
    service = ReportingService(
        config,
        tokens=StaticTokenProvider(["tok-1"]),
        http_client=client,
        outbox=outbox,
        facts=DeviceFacts(os_family="linux"),
        clock=clock,
        on_enqueued=queued.append,
    )
    try:
        service.heartbeat()
        at = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)
        service.reporter.emit(
            Event(
                journey_id="6f1c2e34-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                seq=1,
                stage="prepare",
                state="created",
                started_at=at,
                ended_at=at,
            )
        )
        assert len(queued) == 2
        assert ts(service.next_attempt()) == T0
        assert service.status().queued == 2
        assert service.flush().delivered == 2
        assert service.next_attempt() is None
        assert service.status().state == "idle"
        types = [server.store[i]["event_type"] for i in server.order]
        assert types == ["heartbeat", "created"]
        assert server.store[server.order[1]]["campaign_id"] == "emm2intune-2026"
    finally:
        service.close()
    assert not client.is_closed  # not the service's to close


def test_reporting_service_when_disabled(outbox: Outbox, client: httpx.Client) -> None:
    from helper.config.model import Config
    from helper.journey.transitions import NullReporter
    from helper.report.delivery import ReportingService

    service = ReportingService(Config(), tokens=None, http_client=client, outbox=outbox)
    try:
        assert isinstance(service.reporter, NullReporter)
        assert service.journey_reporter is None
        service.heartbeat()  # nothing queued: nothing would ever send it
        assert outbox.counts()["queued"] == 0
        assert service.flush().outcome == "disabled"
        assert service.status().state == "disabled"
        assert service.next_attempt() is None
    finally:
        service.close()


def test_logs_never_hold_tokens(
    outbox: Outbox,
    client: httpx.Client,
    server: ReportServer,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret1 = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJlLW9uZQ"
    secret2 = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJlLXR3bw"
    server.tokens = {secret2}
    fill(outbox, 2)
    server.faults.extend([Fault(status=503), Fault(reset=True)])
    tokens = StaticTokenProvider([secret1, secret2])
    flush = flusher(outbox, client, server, clock, tokens=tokens)
    with caplog.at_level("DEBUG"):
        flush.flush(force=True)
        flush.flush(force=True)
        assert flush.flush(force=True).outcome == "delivered"
    assert tokens.calls == [False, False, False, True]
    text = caplog.text
    assert "status reports not delivered (http:503)" in text
    assert secret1 not in text and secret2 not in text
    # httpcore's DEBUG records show response headers (the 401's WWW-Authenticate
    # challenge), never request headers.
    assert "eyJ" not in text and "Bearer ey" not in text
