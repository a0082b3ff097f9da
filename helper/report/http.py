# SPDX-License-Identifier: MIT
"""The one HTTP stack: an ``httpx.Client`` on the OS trust store and proxy.

Sign-in hands the same client to MSAL (``http_client=``), so token requests and
report uploads share TLS trust, proxy and timeouts (reporting reference §1.7 to §1.9):

- TLS: ``truststore.SSLContext`` (Windows CryptoAPI, macOS Security framework,
  OpenSSL's system store on Linux), so a TLS-inspecting corporate proxy whose
  root CA IT put in the OS store just works. Verification is never disabled:
  :func:`make_http_client` refuses a context that does not verify.
- Proxy: ``trust_env=True`` reads ``HTTPS_PROXY``/``NO_PROXY`` and, through
  ``urllib.request.getproxies()``, the Windows registry and macOS settings.
  An explicit ``proxy=`` (a PAC result, for instance) wins.
- Timeouts on connect, read, write and the connection pool: MSAL passes no
  timeout to a custom client (MSAL issue #960), so the client must carry them.

This module imports httpx (about 100 ms): import it only when the network is
needed, never on the ``detect`` path or before the window's first paint.
"""

from __future__ import annotations

import ssl
from typing import Final

import httpx

from helper import APP_NAME, __version__

# Connect fails fast (offline laptops); read/write allow a slow collector behind
# a proxy; pool bounds the wait for a connection from another thread.
DEFAULT_TIMEOUT: Final = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
USER_AGENT: Final = f"{APP_NAME.replace(' ', '')}/{__version__}"


def system_ssl_context() -> ssl.SSLContext:
    """A client TLS context that trusts the OS certificate store (truststore)."""
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _check_verifies(context: ssl.SSLContext) -> None:
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise ValueError(
            "the TLS context must verify certificates and host names "
            "(verify_mode=CERT_REQUIRED, check_hostname=True)"
        )


def _full_timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout:
    if timeout is None:
        return DEFAULT_TIMEOUT
    if not isinstance(timeout, httpx.Timeout):
        timeout = httpx.Timeout(float(timeout))
    parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    if any(part is None for part in parts):
        raise ValueError("every timeout (connect, read, write, pool) must be set")
    return timeout


def make_http_client(
    *,
    verify: ssl.SSLContext | None = None,
    timeout: httpx.Timeout | float | None = None,
    proxy: str | None = None,
) -> httpx.Client:
    """The helper's HTTP client. The caller closes it (``with`` or ``.close()``).

    Args:
        verify: the TLS context; default: the OS trust store (truststore). Tests
            pass a context that trusts their own CA. It must verify certificates
            and host names (a context that does not is refused).
        timeout: an ``httpx.Timeout`` with all four parts set, or one number of
            seconds for all of them; default :data:`DEFAULT_TIMEOUT`.
        proxy: an explicit proxy URL (``http://proxy:8080``); default: the
            environment and OS settings.

    Returns:
        An ``httpx.Client`` that MSAL accepts as ``http_client``.

    Raises:
        ValueError: ``verify`` does not verify, or a timeout part is missing.
    """
    context = verify if verify is not None else system_ssl_context()
    _check_verifies(context)
    return httpx.Client(
        verify=context,
        trust_env=True,
        proxy=proxy,
        timeout=_full_timeout(timeout),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        # One sender thread plus sign-in: a few connections are plenty.
        limits=httpx.Limits(
            max_connections=8, max_keepalive_connections=4, keepalive_expiry=30.0
        ),
    )
