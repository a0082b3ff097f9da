# SPDX-License-Identifier: MIT
"""What delivery needs from sign-in: an access token for the collector API.

The real provider (MSAL, the token cache, brokers) lives in :mod:`helper.auth`;
delivery only knows this protocol, so it can be tested with
:class:`StaticTokenProvider` and never imports msal.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol


class SignInNeeded(Exception):
    """No token can be had without the user (interactive sign-in needed).

    Delivery turns it into the ``sign-in-needed`` state; it never reaches the user
    as an error.
    """


class TokenProvider(Protocol):
    """Gives access tokens for the collector API (scope ``reporting.api_scope``)."""

    def get_token(self, *, force_refresh: bool = False) -> str:
        """An access token, silently (cache, refresh token, broker).

        Args:
            force_refresh: ignore a cached access token and get a new one; delivery
                asks for this once after the collector answered 401.

        Returns:
            The access token (without ``Bearer``).

        Raises:
            SignInNeeded: only an interactive sign-in can give a token.
            Exception: any other failure (network...); delivery retries later.
        """
        ...


class StaticTokenProvider:
    """Hands out fixed tokens (tests, development against a local collector).

    Args:
        tokens: the first call gets ``tokens[0]``; each ``force_refresh`` moves to
            the next one. Past the end, :class:`SignInNeeded` is raised. An empty
            sequence means "never signed in".

    Attributes:
        calls: the ``force_refresh`` value of each call, in order.
    """

    def __init__(self, tokens: Sequence[str]) -> None:
        self._tokens = list(tokens)
        self._index = 0
        self._lock = threading.Lock()
        self.calls: list[bool] = []

    def get_token(self, *, force_refresh: bool = False) -> str:
        with self._lock:
            self.calls.append(force_refresh)
            if force_refresh:
                self._index += 1
            if self._index >= len(self._tokens):
                raise SignInNeeded
            return self._tokens[self._index]
