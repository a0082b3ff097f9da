# SPDX-License-Identifier: MIT
"""The collector's HTTPS client for the services it calls: the old EMMs'
APIs (:mod:`collector.connectors`), Microsoft Graph (:mod:`collector.graph`)
and Azure Monitor (:mod:`collector.forward`).

One place says how the collector talks outward: TLS always verified (the
system store, or IT's ``ca_file`` alone), redirects never followed (a
redirect could carry a token to another host), the proxy from the
environment, a timeout, and one User-Agent.
"""

from __future__ import annotations

import ssl
from typing import Final

import httpx

USER_AGENT: Final = "intune-migration-collector"


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """A verifying client context: the system store, or ``ca_file`` alone."""
    context = ssl.create_default_context(cafile=ca_file or None)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise ValueError("TLS verification cannot be turned off")  # pragma: no cover
    return context


def outbound_client(
    *,
    ca_file: str = "",
    timeout: float,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """A client for one outside service (see the module's docstring)."""
    return httpx.Client(
        verify=tls_context(ca_file),
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=True,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
    )


__all__ = ["USER_AGENT", "outbound_client", "tls_context"]
