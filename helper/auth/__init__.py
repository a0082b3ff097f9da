# SPDX-License-Identifier: MIT
"""Entra sign-in and the encrypted token cache.

Modules (import the one you need; this package imports nothing, and none of them
imports msal, httpx, keyring or cryptography before first use, so building the
objects at start-up costs nothing):

- :mod:`helper.auth.signin`: :class:`~helper.auth.signin.MsalTokenProvider`, the
  MSAL public client: ``sign_in()`` for the UI, ``get_token()`` for report
  delivery (:class:`helper.report.token.TokenProvider`), ``sign_out()``;
- :mod:`helper.auth.token_cache`: the MSAL cache, AES-GCM encrypted in the user
  data folder, in memory only when no OS keyring is usable;
- :mod:`helper.auth.secret_store`: random keys in the OS keyring (never a
  plaintext backend).

See docs/sign-in.md.
"""

from __future__ import annotations
