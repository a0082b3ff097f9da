# SPDX-License-Identifier: MIT
"""The one delivery policy (helper/report/retry.py), as the helper's flusher and
the collector's forwarder each use it."""

from __future__ import annotations

import pytest

from collector import forward
from helper.report import delivery
from helper.report.retry import Backoff, StatusRules, classify, halves

T0 = 1_800_000_000.0


@pytest.mark.parametrize(
    ("status", "helper", "collector"),
    [
        (200, "delivered", "delivered"),
        (207, "delivered", "delivered"),
        (304, "transient", "refused"),
        (400, "split", "split"),
        (401, "refresh", "refresh"),
        (403, "refused", "refused"),
        (404, "refused", "refused"),
        (409, "transient", "refused"),
        (410, "refused", "refused"),
        (413, "split", "split"),
        (422, "split", "refused"),
        (429, "transient", "transient"),
        (500, "transient", "transient"),
        (501, "transient", "refused"),
        (503, "transient", "transient"),
    ],
)
def test_each_sender_reads_the_statuses_by_its_rules(
    status: int, helper: str, collector: str
) -> None:
    assert classify(status, delivery.RULES) == helper
    assert classify(status, forward.RULES) == collector


def test_default_rules_split_4xx_and_retry_the_rest() -> None:
    rules = StatusRules()
    assert classify(418, rules) == "split"
    assert classify(502, rules) == "transient"


def test_backoff_jitter_and_retry_after_floor() -> None:
    full = Backoff(base=5, factor=2, cap=40, max_retry_after=100)
    assert full.ceiling(1) == 5 and full.ceiling(3) == 20 and full.ceiling(9) == 40
    assert full.delay(3, lambda: 0.0) == 0.0
    assert full.delay(3, lambda: 0.5) == 10.0
    assert full.delay(3, lambda: 0.0, retry_after=30) == 30
    assert full.delay(3, lambda: 0.0, retry_after=10_000) == 100
    upper = full._replace(jitter="upper-half")
    assert upper.delay(3, lambda: 0.0) == 10.0
    assert upper.delay(3, lambda: 1.0) == 20.0


def test_backoff_starts_over_after_a_partial_delivery() -> None:
    policy = Backoff()
    assert policy.failures_after(4, progressed=True) == 1
    assert policy.failures_after(4, progressed=False) == 5


def test_halves_isolate_the_record_at_fault() -> None:
    assert halves([1, 2, 3, 4, 5]) == ([1, 2], [3, 4, 5])
    assert halves([1, 2]) == ([1], [2])


def test_the_forwarder_parses_retry_after_defensively() -> None:
    assert forward.retry_after("120", T0) == 120
    assert forward.retry_after("9" * 5000, T0) == forward.MAX_RETRY_AFTER
    assert forward.retry_after("²", T0) is None
    assert forward.retry_after("Wed, 21 Oct 99999 07:28:00 GMT", T0) is None
    assert forward.retry_after("x" * 100_000, T0) is None


def test_both_senders_share_the_backoff() -> None:
    assert forward.backoff(1, lambda: 0.0) == forward.BACKOFF_BASE / 2
    assert forward.backoff(30, lambda: 1.0) == forward.BACKOFF_CAP
    policy = delivery.RetryPolicy()
    assert delivery.backoff_delay(policy, 2, lambda: 0.5) == 5.0
