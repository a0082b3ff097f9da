# SPDX-License-Identifier: MIT
"""Why a sign-in could not reach Entra, as a code the window can explain:
offline (``sign-in-network``), a proxy that refuses (``sign-in-proxy``), a
connection intercepted with a certificate this device does not trust
(``sign-in-tls``). Real msal, the product's httpx client, real sockets."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from helper.auth.signin import SIGN_IN_CODES, SignInError
from helper.report.http import make_http_client
from tests.helper.auth.conftest import MakeProvider, Tls
from tests.helper.fake_authority import FakeAuthority


class RefusingProxy:
    """An HTTP proxy on loopback that answers every CONNECT with 403."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen()
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.requests: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                self.requests.append(conn.recv(4096).split(b"\r\n", 1)[0])
                conn.sendall(
                    b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n"
                    b"Connection: close\r\n\r\n"
                )

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def refusing_proxy() -> Iterator[RefusingProxy]:
    proxy = RefusingProxy()
    yield proxy
    proxy.close()


def _code(make_provider: MakeProvider, **kwargs: object) -> str:
    with pytest.raises(SignInError) as caught:
        make_provider(**kwargs).sign_in(interactive=False, device_code_callback=print)
    code = caught.value.code
    assert code in SIGN_IN_CODES
    return code


def test_offline_is_a_network_problem(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    authority.stop()
    assert _code(make_provider) == "sign-in-network"


def test_a_refusing_proxy_is_a_proxy_problem(
    make_provider: MakeProvider,
    authority: FakeAuthority,
    tls: Tls,
    refusing_proxy: RefusingProxy,
) -> None:
    with make_http_client(
        verify=tls.client, timeout=10.0, proxy=refusing_proxy.url
    ) as client:
        assert _code(make_provider, http_client=client) == "sign-in-proxy"
    assert refusing_proxy.requests and refusing_proxy.requests[0].startswith(
        b"CONNECT "
    )
    assert authority.requests == []


def test_an_untrusted_certificate_is_a_tls_problem(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    # The OS trust store (the product's default): the test CA is not in it,
    # as a TLS-inspecting proxy's root is not on an unmanaged device.
    with make_http_client(timeout=10.0) as client:
        assert _code(make_provider, http_client=client) == "sign-in-tls"
