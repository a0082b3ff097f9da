# SPDX-License-Identifier: MIT
"""One HTTPS server on loopback for the fake third-party services (Graph, the
Logs Ingestion API): a threading HTTP server with the test CA's certificate,
its GET and POST handed to the fake."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.collector.support import Certs

Handle = Callable[[BaseHTTPRequestHandler], None]


class LoopbackHttps:
    """Serves ``get`` and ``post`` on a free port of 127.0.0.1.

    Args:
        certs: the test CA (the server certificate names ``localhost``).
        get, post: called with each request's handler.
    """

    def __init__(self, certs: Certs, get: Handle, post: Handle) -> None:
        self._certs = certs
        self._get = get
        self._post = post
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        """Start serving; returns the base URL (``https://localhost:PORT``)."""
        get, post = self._get, self._post

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                get(self)

            def do_POST(self) -> None:
                post(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.socket = self._certs.server_context().wrap_socket(
            server.socket, server_side=True
        )
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return f"https://localhost:{server.server_address[1]}"

    def close(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)
