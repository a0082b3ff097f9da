# SPDX-License-Identifier: MIT
"""The one HTTP client: OS trust store, verification always on, timeouts
everywhere, environment proxies, and the CA environment-variable trap."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator

import httpx
import pytest
import trustme
import truststore

import helper.report.http as report_http
from helper.report.http import DEFAULT_TIMEOUT, make_http_client, system_ssl_context
from tests.helper.report_server import PROXY_VARS, ReportServer


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def server(ca: trustme.CA, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReportServer]:
    for var in (*PROXY_VARS, "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
    with ReportServer(ca) as srv:
        yield srv


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_default_context_is_the_os_trust_store() -> None:
    context = system_ssl_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_default_client_uses_the_os_trust_store(
    server: ReportServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stand-in for "IT put its root CA in the OS store".
    monkeypatch.setattr(report_http, "system_ssl_context", server.client_context)
    with make_http_client() as http:
        response = http.get(server.url + "/healthz")
    assert response.status_code == 200
    assert server.requests[-1].path == "/healthz"


def test_unknown_ca_fails(server: ReportServer) -> None:
    with make_http_client() as http, pytest.raises(httpx.ConnectError):
        http.get(server.url + "/healthz")


def test_ca_environment_variables_are_irrelevant(
    server: ReportServer, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    """ci-recipes §2: REQUESTS_CA_BUNDLE and friends point anywhere; an explicit
    context decides alone."""
    for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(var, "/nonexistent/ca.pem")
    monkeypatch.setenv("SSL_CERT_DIR", "/nonexistent")
    with make_http_client(verify=server.client_context()) as http:
        assert http.get(server.url + "/healthz").status_code == 200


def test_verification_cannot_be_disabled() -> None:
    no_verify = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    no_verify.check_hostname = False
    no_verify.verify_mode = ssl.CERT_NONE
    with pytest.raises(ValueError, match="verify"):
        make_http_client(verify=no_verify)
    no_hostname = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    no_hostname.check_hostname = False
    with pytest.raises(ValueError, match="host names"):
        make_http_client(verify=no_hostname)


def test_timeouts_everywhere() -> None:
    with make_http_client() as http:
        timeout = http.timeout
        assert timeout == DEFAULT_TIMEOUT
        parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        assert all(isinstance(p, float) and p > 0 for p in parts)
        assert http.follow_redirects is False and http.trust_env is True
        assert http.headers["User-Agent"].startswith("IntuneMigrationHelper/")
    with make_http_client(timeout=2.5) as http:
        assert http.timeout == httpx.Timeout(2.5)
    with pytest.raises(ValueError, match="timeout"):
        make_http_client(timeout=httpx.Timeout(5.0, read=None))


def test_environment_proxy_is_honoured(
    server: ReportServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{_closed_port()}")
    with make_http_client(verify=server.client_context()) as http:
        with pytest.raises((httpx.ProxyError, httpx.ConnectError)):
            http.get(server.url + "/healthz")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with make_http_client(verify=server.client_context()) as http:
        assert http.get(server.url + "/healthz").status_code == 200


def test_explicit_proxy(server: ReportServer) -> None:
    proxy = f"http://127.0.0.1:{_closed_port()}"
    with make_http_client(verify=server.client_context(), proxy=proxy) as http:
        with pytest.raises((httpx.ProxyError, httpx.ConnectError)):
            http.get(server.url + "/healthz")


def test_msal_calling_convention(server: ReportServer) -> None:
    """MSAL's http_client contract: post(url, params, data=dict, headers) and
    get(url, params, headers); .status_code, .text, .headers, .raise_for_status."""
    with make_http_client(verify=server.client_context()) as http:
        response = http.post(
            server.url + "/tenant/oauth2/v2.0/token",
            params=None,
            data={"grant_type": "refresh_token", "client_id": "x"},
            headers={"client-request-id": "1"},
        )
        got = http.get(server.url + "/healthz", params=None, headers=None)
    assert response.status_code == 404 and isinstance(response.text, str)
    assert "content-type" in response.headers
    with pytest.raises(httpx.HTTPStatusError):
        response.raise_for_status()
    got.raise_for_status()
