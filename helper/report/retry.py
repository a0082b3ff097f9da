# SPDX-License-Identifier: MIT
"""The one delivery policy: when to retry, how long to wait, when to refresh a
token, when to split a batch and when to park it. Used by the helper's outbox
flusher (:mod:`helper.report.delivery`) and the collector's Azure Monitor
forwarder (:mod:`collector.forward`); each keeps its own transport (httpx, its
queue) and its own status rules (:class:`StatusRules`).

Standard library only: the collector imports it without the helper's outbox,
and nothing here touches the network.
"""

from __future__ import annotations

import datetime
import email.utils
from collections.abc import Callable, Sequence
from typing import Final, Literal, NamedTuple, TypeVar

_T = TypeVar("_T")

# More digits than this is longer than any cap; an HTTP-date is 29 characters.
_MAX_DELAY_DIGITS: Final = 12
_MAX_DATE_CHARS: Final = 64


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (RFC 9110 §10.2.3).

    Args:
        value: delay-seconds (``120``) or an HTTP-date
            (``Wed, 21 Oct 2026 07:28:00 GMT``).
        now: the current time, epoch seconds (an HTTP-date is relative to it).

    Returns:
        The delay (0 or more), or None when absent or unreadable. Never
        raises: the header comes from whatever answered (a proxy, a portal).
    """
    if value is None:
        return None
    value = value.strip()
    # isascii: str.isdigit() also accepts "²", which int() refuses; and
    # int() refuses more than 4,300 digits: any delay that long is "very long"
    # (the caller caps it), so only the first digits are read.
    if value.isascii() and value.isdigit():
        if len(value) > _MAX_DELAY_DIGITS:
            return float(10**_MAX_DELAY_DIGITS)
        return float(int(value))
    if len(value) > _MAX_DATE_CHARS:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        return max(0.0, when.timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


class Backoff(NamedTuple):
    """Exponential back-off with jitter.

    The ceiling after ``n`` consecutive failures is ``min(cap, base *
    factor**(n-1))``. Full jitter waits uniformly in [0, ceiling) (thousands
    of devices that lost the collector at once come back spread out);
    ``upper-half`` in [ceiling/2, ceiling) (a few collectors, never too soon).
    A ``Retry-After`` is a floor, capped at ``max_retry_after``.
    """

    base: float = 5.0
    factor: float = 2.0
    cap: float = 1800.0
    max_retry_after: float = 3600.0
    jitter: Literal["full", "upper-half"] = "full"

    def ceiling(self, failures: int) -> float:
        return min(self.cap, self.base * self.factor ** max(0, failures - 1))

    def delay(
        self,
        failures: int,
        rand: Callable[[], float],
        retry_after: float | None = None,
    ) -> float:
        """The wait before the next attempt after ``failures`` failures."""
        ceiling = self.ceiling(failures)
        if self.jitter == "full":
            delay = rand() * ceiling
        else:
            delay = ceiling / 2 + rand() * ceiling / 2
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_retry_after))
        return delay

    def failures_after(self, failures: int, *, progressed: bool) -> int:
        """The failure count after one more failure. When something went
        through before it (a partial delivery), the peer is there: the
        back-off starts over instead of growing on."""
        return 1 if progressed else failures + 1


Verdict = Literal["delivered", "refresh", "refused", "transient", "split"]


class StatusRules(NamedTuple):
    """What an HTTP status means to one sender.

    Attributes:
        refresh: get a new token and send again, once (then ``refused``, or
            the caller's sign-in).
        refused: the peer refuses this sender (configuration, rights): wait
            long, keep the data.
        transient: try again later (``Retry-After`` or the back-off).
        server_errors_transient: every 5xx is transient too.
        split: the batch is refused: split it to isolate the record at fault,
            park that record alone. None: every 4xx not listed above.
        otherwise: the verdict for any other status.
    """

    refresh: frozenset[int] = frozenset()
    refused: frozenset[int] = frozenset()
    transient: frozenset[int] = frozenset()
    server_errors_transient: bool = True
    split: frozenset[int] | None = None
    otherwise: Verdict = "transient"


def classify(status: int, rules: StatusRules) -> Verdict:
    """The verdict for an HTTP status under ``rules``."""
    if 200 <= status < 300:
        return "delivered"
    if status in rules.refresh:
        return "refresh"
    if status in rules.refused:
        return "refused"
    if status in rules.transient or (rules.server_errors_transient and status >= 500):
        return "transient"
    if rules.split is None:
        return "split" if 400 <= status < 500 else rules.otherwise
    return "split" if status in rules.split else rules.otherwise


def halves(batch: Sequence[_T]) -> tuple[Sequence[_T], Sequence[_T]]:
    """A refused batch split in two: each half is sent (and split) again until
    the record at fault is alone, then parked."""
    half = len(batch) // 2
    return batch[:half], batch[half:]
