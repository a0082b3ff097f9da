# SPDX-License-Identifier: MIT
"""The ASGI application (Starlette): resources/openapi/collector-v1.json and reads.

Routes:

- ``POST /api/v1/events``: a device posts a batch (token with the scope
  ``Migration.Report``); see :mod:`collector.ingest`.
- ``GET /healthz``: ``{"status": "ok"}`` or 503 ``unavailable`` (no token).
- ``GET /api/v1/devices`` and ``GET /api/v1/export.csv``: latest state per
  device and raw events for IT (token with the app role ``Migration.Read``); see
  :mod:`collector.export`.
- ``/dashboard``: added by ``collector.dashboard.register_dashboard(app, store,
  config)`` when that module exists (:func:`create_app` calls it). It finds
  ``app.state.store``, ``.config``, ``.validator`` (use
  :func:`collector.auth.authenticate` with ``need="read"``) and ``.ingestor``
  (``add_listener`` for the Logs Ingestion forward).

Errors are RFC 9457 problems (``application/problem+json``) with a ``code``.
Every response carries ``X-Request-Id`` (the caller's, when it sent a sane
one) and, in ``--dev`` mode, ``X-Collector-Mode``. Every request is logged as
one JSON line (:mod:`collector.logging`) with its id, status and duration.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any, Final

import msgspec
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from collector import devmode
from collector.auth import (
    AuthError,
    KeysUnavailable,
    Need,
    Principal,
    TokenValidator,
    authenticate,
)
from collector.config import Config, is_loopback, load_plugins
from collector.devmode import loopback_host
from collector.export import QueryError, devices_json, export_csv, parse_export
from collector.ingest import GZIP_ENCODINGS, IDENTITY_ENCODINGS, IngestError, Ingestor
from collector.logging import DEV_MODE, log_event
from collector.storage import open_store
from collector.storage.base import SchemaError, StorageError, StorageUnavailable, Store
from collector.storage.migrations import check as check_schema

log = logging.getLogger(__name__)

PROBLEM_TYPE: Final = "application/problem+json"
DEV_HEADER: Final = "X-Collector-Mode"
DEV_HEADER_VALUE: Final = "dev; unsigned tokens accepted; never expose this server"
# Where route handlers add fields to the request's log line.
LOG_FIELDS: Final = "collector.log_fields"
_REQUEST_ID: Final = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# The helper's Idempotency-Key (a quoted Structured Field string): logged so a
# retried batch can be followed; deduplication itself is on event_id.
_IDEMPOTENCY_KEY: Final = re.compile(r'^"(batch-[0-9a-f]{32})"$')
_encoder: Final = msgspec.json.Encoder()


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
) -> Response:
    """An RFC 9457 problem response with our ``code`` extension."""
    body = {
        "type": "about:blank",
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
    }
    return Response(
        _encoder.encode(body),
        status_code=status,
        media_type=PROBLEM_TYPE,
        headers=headers,
    )


def log_fields(request: Request) -> dict[str, Any]:
    """The request's log-line fields; add to them (never a token)."""
    fields: dict[str, Any] = request.scope.setdefault(LOG_FIELDS, {})
    return fields


def _retry_after(request: Request) -> dict[str, str]:
    config: Config = request.app.state.config
    return {"Retry-After": str(config.server.retry_after_seconds)}


async def _error(request: Request, exc: Exception) -> Response:
    """One handler for every expected failure (Starlette dispatches by class)."""
    fields = log_fields(request)
    if isinstance(exc, AuthError):
        fields["code"] = exc.code
        if (
            exc.code == "token-missing"
            and request.app.state.config.dev
            and "text/html" in request.headers.get("accept", "")
        ):
            return _dev_sign_in_page(exc)
        return problem(
            exc.status,
            exc.code,
            exc.detail,
            headers={"WWW-Authenticate": exc.www_authenticate},
        )
    if isinstance(exc, KeysUnavailable):
        fields["code"] = "keys-unavailable"
        log_event(log, logging.WARNING, "keys-unavailable", error=str(exc)[:300])
        return problem(
            503,
            "keys-unavailable",
            "the token signing keys cannot be fetched right now",
            headers=_retry_after(request),
        )
    if isinstance(exc, IngestError):
        fields["code"] = exc.code
        return problem(exc.status, exc.code, exc.detail, headers=exc.headers)
    if isinstance(exc, QueryError):
        fields["code"] = "bad-query"
        return problem(400, "bad-query", str(exc))
    if isinstance(exc, StorageError):
        code = "schema" if isinstance(exc, SchemaError) else "storage-unavailable"
        fields["code"] = code
        log_event(log, logging.ERROR, code, error=str(exc)[:300])
        return problem(
            503,
            code,
            "the collector's database is unavailable",
            headers=_retry_after(request),
        )
    if isinstance(exc, HTTPException):
        code = "not-found" if exc.status_code == 404 else "http"
        fields["code"] = code
        return problem(
            exc.status_code,
            code,
            str(exc.detail),
            headers=dict(exc.headers) if exc.headers else None,
        )
    raise exc  # pragma: no cover - only registered for the classes above


def _dev_sign_in_page(exc: AuthError) -> Response:
    """A browser without a session on a ``--dev`` collector: how to sign in
    (the raw 401 JSON told an evaluator nothing)."""
    body = (
        '<!doctype html><html lang="en"><meta charset="utf-8">'
        "<title>Sign in: development collector</title>"
        "<h1>Sign in to this development collector</h1>"
        "<p>Open the one-time sign-in link that "
        "<code>intune-migration-collector serve --dev</code> printed in its "
        "terminal, in a browser on this machine. Each link works once; restart "
        "the collector for a new one.</p></html>"
    )
    return Response(
        body,
        status_code=401,
        media_type="text/html; charset=utf-8",
        headers={
            "WWW-Authenticate": exc.www_authenticate,
            "Content-Security-Policy": "default-src 'none'",
            "Cache-Control": "no-store",
        },
    )


class RequestLogMiddleware:
    """Request id, dev-mode header, one JSON log line per request, and a
    problem+json 500 (with the request id) for unexpected exceptions."""

    def __init__(self, app: ASGIApp, *, dev: bool) -> None:
        self.app = app
        self.dev = dev

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        request_id = ""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                text = value.decode("latin-1")
                request_id = text if _REQUEST_ID.fullmatch(text) else ""
                break
        request_id = request_id or uuid.uuid4().hex
        fields: dict[str, Any] = scope.setdefault(LOG_FIELDS, {})
        status = 0
        app = self.app
        if self.dev and not (
            _bound_to_loopback(scope) and loopback_host(_host_header(scope))
        ):
            # The configured host was checked, but the socket is what counts
            # (uvicorn --factory, --fd, --uds...): unsigned tokens only on a
            # loopback address, or nothing at all. The Host header too: a web
            # page whose name was rebound to 127.0.0.1 must not read a token.
            fields["code"] = "dev-not-loopback"
            app = _refuse_dev_off_loopback

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers["X-Request-Id"] = request_id
                if self.dev:
                    headers[DEV_HEADER] = DEV_HEADER_VALUE
            await send(message)

        failed = False
        try:
            await app(scope, receive, send_with_headers)
        except Exception:
            failed = True
            log.exception(
                "unhandled error",
                extra={
                    "collector_event": "unhandled-error",
                    "collector_fields": {"request_id": request_id},
                },
            )
            if status:
                raise  # the response started: only closing the connection is left
            response = problem(500, "internal", "unexpected error; see the logs")
            await response(scope, receive, send_with_headers)
        finally:
            log_event(
                log,
                logging.INFO if status < 500 and not failed else logging.ERROR,
                "request",
                request_id=request_id,
                method=scope["method"],
                path=scope["path"],
                status=status,
                duration_ms=round((time.perf_counter() - start) * 1000, 2),
                **fields,
            )


def _host_header(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"host":
            return str(value.decode("latin-1"))
    return None


def _bound_to_loopback(scope: Scope) -> bool:
    server = scope.get("server")
    if not server or not isinstance(server[0], str) or server[1] is None:
        return False  # a Unix socket or an unknown one: not provably loopback
    return is_loopback(server[0])


async def _refuse_dev_off_loopback(scope: Scope, receive: Receive, send: Send) -> None:
    response = problem(
        403,
        "dev-not-loopback",
        "this development collector accepts unsigned tokens: it answers only "
        "requests on a loopback address, to a loopback name (127.0.0.1, ::1 "
        "or localhost)",
    )
    await response(scope, receive, send)


async def _principal(request: Request, need: Need) -> Principal:
    principal = await authenticate(request, request.app.state.validator, need)
    log_fields(request)["tid"] = principal.tid
    return principal


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None:
        length = length.strip()
        # isascii: str.isdigit() also accepts "²", which int() refuses.
        if not (length.isascii() and length.isdigit()):
            raise IngestError(400, "bad-length", "Content-Length is not a number")
        if int(length) > limit:
            # Answered before reading: uvicorn drains what the client still
            # sends, so the client reads this 413 instead of a reset.
            raise IngestError(
                413, "body-too-large", f"the body is larger than {limit} bytes"
            )
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise IngestError(
                413, "body-too-large", f"the body is larger than {limit} bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


async def _receive_body(request: Request, principal: Principal) -> bytes:
    """The request body, within ``server.body_timeout_seconds``, in one of
    ``server.max_uploads`` slots (``max_uploads_per_user`` per token user).

    Reading a body used to hold a processing slot: 64 authenticated clients
    trickling a byte every 10 s made every other device get 503 while they
    stayed open. Now a body has a deadline, and slots for receiving are apart
    from slots for processing and limited per user.

    Raises:
        IngestError: 408 past the deadline, 413 too large, 429 or 503 when no
            upload slot is free.
    """
    server = request.app.state.config.server
    uploads: dict[tuple[str, str], int] = request.app.state.uploads
    user = (principal.tid, principal.oid)
    if uploads.get(user, 0) >= server.max_uploads_per_user:
        raise IngestError(
            429,
            "too-many-uploads",
            f"at most {server.max_uploads_per_user} uploads at once per user",
            headers=_retry_after(request),
        )
    if sum(uploads.values()) >= server.max_uploads:
        raise IngestError(
            503,
            "overloaded",
            "too many uploads at once; try again later",
            headers=_retry_after(request),
        )
    uploads[user] = uploads.get(user, 0) + 1
    try:
        return await asyncio.wait_for(
            _read_body(request, server.max_body_bytes), server.body_timeout_seconds
        )
    except TimeoutError:
        raise IngestError(
            408,
            "body-timeout",
            f"the body did not arrive within {server.body_timeout_seconds:g} s",
            # The rest of the body is never read: the connection must go.
            headers={"Connection": "close"},
        ) from None
    finally:
        uploads[user] -= 1
        if not uploads[user]:
            del uploads[user]


async def post_events(request: Request) -> Response:
    """``POST /api/v1/events`` (resources/openapi/collector-v1.json)."""
    state = request.app.state
    config: Config = state.config
    principal = await _principal(request, "report")
    sent_key = request.headers.get("idempotency-key")
    if sent_key is not None:
        key = _IDEMPOTENCY_KEY.match(sent_key)
        if key is None:
            # The contract publishes the pattern; a key that breaks it is a
            # client bug worth a 400 (deduplication stays on event_id).
            raise IngestError(
                400,
                "bad-idempotency-key",
                'Idempotency-Key must be "batch-" and 32 lower-case hex digits, '
                "quoted (a Structured Field string)",
            )
        log_fields(request)["idempotency_key"] = key.group(1)
    content_type = request.headers.get("content-type", "")
    if content_type.partition(";")[0].strip().lower() != "application/json":
        raise IngestError(
            415, "unsupported-media-type", "Content-Type must be application/json"
        )
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding not in GZIP_ENCODINGS | IDENTITY_ENCODINGS:
        raise IngestError(
            415, "unsupported-encoding", "Content-Encoding must be gzip or identity"
        )
    body = await _receive_body(request, principal)
    if state.inflight >= config.server.max_inflight:
        log_fields(request)["code"] = "overloaded"
        return problem(
            503,
            "overloaded",
            "too many reports at once; try again later",
            headers=_retry_after(request),
        )
    state.inflight += 1
    try:
        ingestor: Ingestor = state.ingestor
        result = await run_in_threadpool(ingestor.process, body, encoding, principal)
    finally:
        state.inflight -= 1
    fields = log_fields(request)
    fields["accepted"] = len(result.accepted)
    fields["duplicate"] = len(result.duplicate)
    fields["rejected"] = len(result.rejected)
    return Response(result.to_json(), media_type="application/json")


async def healthz(request: Request) -> Response:
    """``GET /healthz``: can the database be reached?"""
    store: Store = request.app.state.store
    ok = await run_in_threadpool(store.ping)
    body: dict[str, str] = {"status": "ok" if ok else "unavailable"}
    if request.app.state.config.dev:
        body["mode"] = DEV_MODE
    return Response(
        _encoder.encode(body),
        status_code=200 if ok else 503,
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


async def get_devices(request: Request) -> Response:
    """``GET /api/v1/devices``: latest state per device, filtered, paginated."""
    await _principal(request, "read")
    body = await devices_json(
        request.app.state.store,
        request.query_params.multi_items(),
        clock=request.app.state.clock,
    )
    return Response(
        body, media_type="application/json", headers={"Cache-Control": "no-store"}
    )


async def get_export(request: Request) -> Response:
    """``GET /api/v1/export.csv``: the latest states or the raw events, streamed."""
    await _principal(request, "read")
    clock: Callable[[], float] = request.app.state.clock
    export = parse_export(request.query_params.multi_items(), clock=clock)
    store: Store = request.app.state.store
    # Check the database before the 200 goes out: afterwards a failure can only
    # cut the download short.
    if not await run_in_threadpool(store.ping):
        raise StorageUnavailable("the database does not answer")
    log_fields(request)["export"] = export.kind
    return StreamingResponse(
        export_csv(store, export),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{export.filename(clock())}"',
            "Cache-Control": "no-store",
        },
    )


def create_app(
    config: Config,
    *,
    store: Store | None = None,
    validator: TokenValidator | None = None,
    clock: Callable[[], float] = time.time,
    check_schema_on_start: bool = True,
) -> Starlette:
    """Build the collector application.

    Args:
        config: the checked configuration.
        store: the store to use (kept open at shutdown); default: one opened
            from ``config.storage`` and closed at shutdown.
        validator: the token validator; default: one from ``config.auth``.
        clock: epoch seconds for received times and stale filters (tests).
        check_schema_on_start: refuse to start on a database that ``init-db``
            has not brought up to date.

    Raises:
        ValueError: ``config.dev`` with a non-loopback host.
    """
    if config.dev and not is_loopback(config.server.host):
        raise ValueError("--dev serves unsigned tokens: loopback addresses only")
    own_store = store is None
    the_store = store if store is not None else open_store(config.storage)
    the_validator = validator or TokenValidator(config.auth, dev=config.dev)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            if check_schema_on_start:
                await run_in_threadpool(check_schema, the_store)
            log_event(
                log,
                logging.INFO,
                "startup",
                storage=the_store.display_url,
                dev=config.dev,
            )
            yield
        finally:
            if own_store:
                the_store.close()

    handlers: dict[Any, Any] = {
        cls: _error
        for cls in (
            AuthError,
            KeysUnavailable,
            IngestError,
            QueryError,
            StorageError,
            HTTPException,
        )
    }
    app = Starlette(
        routes=[
            Route("/api/v1/events", post_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/api/v1/devices", get_devices, methods=["GET"]),
            Route("/api/v1/export.csv", get_export, methods=["GET"]),
        ],
        middleware=[Middleware(RequestLogMiddleware, dev=config.dev)],
        exception_handlers=handlers,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.store = the_store
    app.state.validator = the_validator
    app.state.ingestor = Ingestor(
        the_store, config.server, devices=config.devices, clock=clock
    )
    app.state.clock = clock
    app.state.inflight = 0
    app.state.uploads = {}
    devmode.register(app, config)
    register_plugins(app, the_store, config)
    return app


def run_beside(
    app: Starlette, start: Callable[[], None], stop: Callable[[], None]
) -> None:
    """Run an optional module's background thread for the application's
    lifetime: ``start()`` once the app has started, ``stop()`` (in a worker
    thread: it may wait) when it shuts down."""
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[Any]:
        async with inner(application) as state:
            start()
            try:
                yield state
            finally:
                await run_in_threadpool(stop)

    app.router.lifespan_context = lifespan


def register_plugins(app: Starlette, store: Store, config: Config) -> None:
    """Let the optional modules add their routes and listeners.

    ``collector.dashboard`` must define ``register_dashboard(app, store,
    config)`` (mount under ``/dashboard``); ``collector.forward`` may define
    ``register(app, store, config)``.
    """
    for module in load_plugins():
        register = getattr(module, "register_dashboard", None) or getattr(
            module, "register", None
        )
        if callable(register):
            register(app, store, config)


__all__ = [
    "DEV_HEADER",
    "LOG_FIELDS",
    "RequestLogMiddleware",
    "create_app",
    "log_fields",
    "problem",
    "register_plugins",
    "run_beside",
]
