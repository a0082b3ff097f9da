# SPDX-License-Identifier: MIT
"""Pre-enrollment checks: the network check against real loopback servers, and
the rights check."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import trustme

from helper.config import Config
from helper.config.model import Enrollment
from helper.journey.checks import (
    INTUNE_HOSTS,
    CheckResult,
    TlsHandshakeError,
    check_endpoint,
    check_network,
    check_rights,
    classify,
    endpoints,
    run_check,
)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def client_context(ca: trustme.CA) -> ssl.SSLContext:
    """The stdlib default context (hostname and chain checked), trusting our CA."""
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@contextmanager
def tls_server(ca: trustme.CA, *, name: str = "localhost") -> Iterator[int]:
    """A loopback TLS server answering handshakes; yields its port."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(name).configure_cert(context)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    with context.wrap_socket(conn, server_side=True) as tls:
                        tls.recv(1)  # until the client closes
                except (OSError, ssl.SSLError):
                    pass  # a client that rejected our certificate

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


@contextmanager
def raw_server(*, accept_and_close: bool) -> Iterator[int]:
    """A TCP server that never speaks TLS: it stays silent, or hangs up."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if accept_and_close:
                conn.close()
            else:
                held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the network check, for real ------------------------------------------------------


def test_loopback_tls_server_is_ok(ca: trustme.CA) -> None:
    with tls_server(ca) as port:
        result = check_endpoint("localhost", port, context=client_context(ca))
    assert result == CheckResult("network", True, "ok", f"localhost:{port}: ok")


def test_untrusted_certificate_is_tls_failed(ca: trustme.CA) -> None:
    with tls_server(ca) as port:
        # The stdlib default context: the system trust store knows nothing of our CA.
        result = check_endpoint("localhost", port)
    assert (result.ok, result.code) == (False, "tls-failed")
    assert "CERTIFICATE_VERIFY_FAILED" in result.detail


def test_wrong_host_name_is_tls_failed(ca: trustme.CA) -> None:
    with tls_server(ca, name="enrollment.example.test") as port:
        result = check_endpoint("localhost", port, context=client_context(ca))
    assert (result.ok, result.code) == (False, "tls-failed")


def test_closed_port_is_network_unreachable() -> None:
    result = check_endpoint("127.0.0.1", closed_port(), timeout=2)
    assert (result.ok, result.code) == (False, "network-unreachable")


def test_unresolvable_name_is_dns_failed() -> None:
    # .invalid never resolves (RFC 6761).
    result = check_endpoint("enrollment.does-not-exist.invalid", 443, timeout=2)
    assert (result.ok, result.code) == (False, "dns-failed")


def test_silent_server_is_timeout(ca: trustme.CA) -> None:
    with raw_server(accept_and_close=False) as port:
        start = time.monotonic()
        result = check_endpoint(
            "localhost", port, timeout=0.5, context=client_context(ca)
        )
    assert (result.ok, result.code) == (False, "timeout")
    assert time.monotonic() - start < 4


def test_hang_up_during_handshake_is_tls_failed(ca: trustme.CA) -> None:
    with raw_server(accept_and_close=True) as port:
        result = check_endpoint(
            "localhost", port, timeout=2, context=client_context(ca)
        )
    assert (result.ok, result.code) == (False, "tls-failed")


def test_network_check_reports_the_first_failure(ca: trustme.CA) -> None:
    with tls_server(ca) as port:
        hosts = [
            ("localhost", port),
            ("127.0.0.1", closed_port()),
            ("nowhere.invalid", 443),
        ]
        result = check_network(hosts=hosts, timeout=2, context=client_context(ca))
    assert (result.check, result.ok, result.code) == (
        "network",
        False,
        "network-unreachable",
    )
    assert f"localhost:{port}: ok" in result.detail
    assert "nowhere.invalid:443: dns-failed" in result.detail


def test_network_check_all_ok(ca: trustme.CA) -> None:
    with tls_server(ca) as port:
        result = check_network(
            hosts=[("localhost", port)] * 2, context=client_context(ca)
        )
    assert (result.ok, result.code) == (True, "ok")


# --- codes, hosts, timeouts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (socket.gaierror(-2, "Name or service not known"), "dns-failed"),
        (TimeoutError("timed out"), "timeout"),
        (ssl.SSLCertVerificationError("bad cert"), "tls-failed"),
        (ssl.SSLError("wrong version"), "tls-failed"),
        (TlsHandshakeError("reset"), "tls-failed"),
        (ConnectionRefusedError(111, "refused"), "network-unreachable"),
        (OSError(101, "Network is unreachable"), "network-unreachable"),
        (RuntimeError("unexpected"), "network-unreachable"),
    ],
)
def test_injected_connector_errors(error: BaseException, code: str) -> None:
    calls: list[tuple[str, int, float]] = []

    def connect(host: str, port: int, timeout: float) -> None:
        calls.append((host, port, timeout))
        raise error

    result = check_network(Config(), connect=connect, timeout=30)
    assert (result.ok, result.code) == (False, code)
    assert {host for host, _, _ in calls} == set(INTUNE_HOSTS)
    assert all(timeout <= 5 for _, _, timeout in calls)  # capped


def test_endpoints_include_the_discovery_host() -> None:
    assert endpoints(Config()) == [(h, 443) for h in INTUNE_HOSTS]
    config = Config(
        enrollment=Enrollment(
            discovery_url="https://mdm.contoso.com:8443/discovery.svc"
        )
    )
    assert endpoints(config)[-1] == ("mdm.contoso.com", 8443)
    assert endpoints(None) == [(h, 443) for h in INTUNE_HOSTS]


def test_run_check_network_with_connector() -> None:
    result = run_check("network", Config(), connect=lambda h, p, t: None)
    assert (result.check, result.ok, result.code) == ("network", True, "ok")


# --- rights ---------------------------------------------------------------------------


def test_rights_admin() -> None:
    result = check_rights("windows", is_admin=lambda: True)
    assert (result.check, result.ok, result.code) == ("rights", True, "ok")


def test_rights_standard_user() -> None:
    result = check_rights("windows", is_admin=lambda: False)
    assert (result.ok, result.code) == (False, "not-admin")


def test_rights_probe_failure() -> None:
    def broken() -> bool:
        raise OSError("OpenProcessToken failed")

    result = check_rights("windows", is_admin=broken)
    assert (result.ok, result.code) == (False, "rights-unknown")
    assert "OpenProcessToken" in result.detail


@pytest.mark.parametrize("platform", ["macos", "linux"])
def test_rights_not_applicable_elsewhere(platform: str) -> None:
    result = check_rights(platform, is_admin=lambda: False)
    assert (result.ok, result.code) == (True, "not-applicable")


def test_rights_default_platform_here() -> None:
    # This test machine is not Windows: the real probe is never called.
    assert check_rights().code == "not-applicable"


def test_run_check_dispatch() -> None:
    assert run_check("rights", platform="windows", is_admin=lambda: True).ok
    with pytest.raises(ValueError, match="not a pre-enrollment check"):
        run_check("joined")


def test_classify_is_stable() -> None:
    assert classify(socket.gaierror()) == "dns-failed"
