# SPDX-License-Identifier: MIT
"""The release routes.

The device's (token with ``Migration.Report``, like events; the user comes
from the token):

- ``POST /api/v1/release-requests``: ``{"request_id", "serial_digest",
  "vendor"}`` → 201 (created) or 200 (the same request again, or the device's
  open one), the request's view (:func:`collector.release.flow.view`);
- ``GET /api/v1/release-requests/{request_id}``: the view; 404 for an unknown
  request or another user's.

The approvers' (a token with ``release.approver_role``, separate from the
readers' role), under the dashboard:

- ``GET /dashboard/releases``: the approval queue and the recent requests;
- ``POST /dashboard/releases/{request_id}/approve`` and ``…/refuse``: a form
  with the dashboard's CSRF token, same-origin only; answers 303 to the queue.
"""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from typing import TYPE_CHECKING, Any, Final

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from collector.auth import AuthError, Principal, authenticate
from collector.dashboard.html import Markup, join, tag
from collector.release import store as db
from collector.release import words as _words  # noqa: F401 - adds the queue's words
from collector.release.flow import ReleaseError, ReleaseService, parse_submission, view

if TYPE_CHECKING:
    from collector.dashboard.i18n import Words
    from collector.dashboard.routes import Dashboard

MAX_BODY: Final = 4096
_encoder: Final = json.JSONEncoder(separators=(",", ":"))


def _problem(exc: ReleaseError) -> Response:
    from collector.app import problem

    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
    return problem(exc.status, exc.code, exc.detail, headers=headers)


def _json(row: db.RequestRow, service: ReleaseService, status: int = 200) -> Response:
    return Response(
        _encoder.encode(view(row, service.poll_after(row))),
        status_code=status,
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


async def _small_body(request: Request) -> bytes | None:
    """The body, or None past :data:`MAX_BODY` (a trickling client is cut by
    the caller's timeout, as events are)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return body


async def _device(request: Request) -> Principal:
    from collector.app import log_fields

    principal = await authenticate(request, request.app.state.validator, "report")
    log_fields(request)["tid"] = principal.tid
    return principal


def _service(request: Request) -> ReleaseService:
    service: ReleaseService = request.app.state.release
    return service


async def post_request(request: Request) -> Response:
    """``POST /api/v1/release-requests``."""
    from collector.app import log_fields

    principal = await _device(request)
    service = _service(request)
    content_type = request.headers.get("content-type", "")
    if content_type.partition(";")[0].strip().lower() != "application/json":
        return _problem(
            ReleaseError(
                415, "unsupported-media-type", "Content-Type must be application/json"
            )
        )
    timeout = request.app.state.config.server.body_timeout_seconds
    try:
        body = await asyncio.wait_for(_small_body(request), timeout)
    except TimeoutError:
        return _problem(
            ReleaseError(408, "body-timeout", "the body did not arrive in time")
        )
    if body is None:
        return _problem(
            ReleaseError(
                413, "body-too-large", f"the body is larger than {MAX_BODY} bytes"
            )
        )
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return _problem(ReleaseError(400, "bad-request", "the body is not JSON"))
    try:
        submission = parse_submission(data)
        row, created = await run_in_threadpool(service.submit, principal, submission)
    except ReleaseError as exc:
        log_fields(request)["code"] = exc.code
        return _problem(exc)
    log_fields(request).update(release_request=row.request_id, release_state=row.state)
    return _json(row, service, 201 if created else 200)


async def get_request(request: Request) -> Response:
    """``GET /api/v1/release-requests/{request_id}``."""
    from collector.app import log_fields

    principal = await _device(request)
    service = _service(request)
    try:
        row = await run_in_threadpool(
            service.status, principal, str(request.path_params["request_id"])
        )
    except ReleaseError as exc:
        log_fields(request)["code"] = exc.code
        return _problem(exc)
    log_fields(request).update(release_request=row.request_id, release_state=row.state)
    return _json(row, service)


# --- the approval queue -------------------------------------------------------------


class Queue:
    """The approvers' pages, drawn with the dashboard's layout and words."""

    def __init__(self, service: ReleaseService, dashboard: Dashboard) -> None:
        self.service = service
        self.dashboard = dashboard

    def routes(self) -> list[Route]:
        return [
            Route("/dashboard/releases", self.page, methods=["GET"]),
            Route(
                "/dashboard/releases/{request_id}/{decision}",
                self.decide,
                methods=["POST"],
            ),
        ]

    async def _approver(self, request: Request) -> Principal:
        principal = await authenticate(request, request.app.state.validator, "any")
        settings = self.service.settings
        if settings.approver_role not in principal.roles:
            raise AuthError(
                403,
                "role-missing",
                f"the token lacks the app role {settings.approver_role}",
                settings.approver_role,
            )
        clients = {c.lower() for c in settings.approver_client_ids}
        if clients and principal.client_app_id not in clients:
            raise AuthError(
                403, "client-not-allowed", "the token was issued to another application"
            )
        return principal

    def _words(self, request: Request) -> Words:
        return self.dashboard._words(request)

    def _page(
        self, request: Request, words: Words, main: Markup, status: int = 200
    ) -> Response:
        board = self.dashboard
        return board._html(
            board._layout(request, words, main, params={}), words, status
        )

    async def page(self, request: Request) -> Response:
        """``GET /dashboard/releases``."""
        principal = await self._approver(request)
        words = self._words(request)
        waiting = await self.service.store.run_query(db.list_requests, (db.AWAITING,))
        recent = await self.service.store.run_query(db.recent_requests)
        kill = await run_in_threadpool(self.service.kill_switch)
        token = self.dashboard.csrf_token(principal, self.dashboard._now(request))
        notices: list[Markup] = []
        if not self.service.settings.enabled:
            notices.append(tag("p", words.t("rel_disabled"), class_="warning"))
        if kill:
            notices.append(
                tag(
                    "p",
                    words.t("rel_kill_on"),
                    class_="warning",
                    id="kill-switch",
                    role="alert",
                )
            )
        if self.service.settings.dry_run:
            notices.append(
                tag("p", words.t("rel_dry_run"), class_="notice", id="dry-run")
            )
        main = tag(
            "section",
            tag("h2", words.t("rel_title")),
            tag("p", words.t("rel_intro"), class_="intro"),
            join(notices),
            tag("h3", words.t("rel_waiting")),
            self._waiting(request, words, waiting, token),
            tag("h3", words.t("rel_recent")),
            self._recent(words, recent),
            tag(
                "p",
                tag(
                    "a",
                    words.t("rel_back"),
                    href=self.dashboard._url(
                        request, "/dashboard", {"lang": words.lang}
                    ),
                ),
            ),
            id="releases",
        )
        return self._page(request, words, main)

    def _when(self, words: Words, text: str) -> str:
        from collector.storage.base import parse_utc_text

        return words.moment(parse_utc_text(text))

    def _waiting(
        self, request: Request, words: Words, rows: list[db.RequestRow], token: str
    ) -> Markup:
        if not rows:
            return tag("p", words.t("rel_none"), id="no-waiting")
        head = _head(
            words,
            "rel_col_created",
            "rel_col_vendor",
            "rel_col_os",
            "rel_col_wave",
            "rel_col_identity",
            "rel_col_why",
            "rel_col_action",
        )
        body = []
        for row in rows:
            identity = (
                "rel_identity_reported"
                if row.identity == "reported"
                else "rel_identity_confirmed"
            )
            why_key = f"rel_why_{row.reason}"
            why = words.t(why_key) if why_key in _known() else (row.reason or "")
            forms = join(
                [
                    self._form(request, words, row.request_id, decision, token)
                    for decision in ("approve", "refuse")
                ]
            )
            body.append(
                tag(
                    "tr",
                    tag("td", self._when(words, row.created_utc)),
                    tag("td", row.vendor),
                    tag("td", row.os_family or ""),
                    tag("td", row.wave_id or ""),
                    tag("td", words.t(identity)),
                    tag("td", why),
                    tag("td", forms),
                    data_request=row.request_id,
                )
            )
        return _table(head, body, "waiting")

    def _form(
        self, request: Request, words: Words, request_id: str, decision: str, token: str
    ) -> Markup:
        action = self.dashboard._url(
            request,
            f"/dashboard/releases/{request_id}/{decision}",
            {"lang": words.lang},
        )
        return tag(
            "form",
            tag("input", type="hidden", name="csrf", value=token),
            tag(
                "button",
                words.t(f"rel_{decision}"),
                type="submit",
                name="decision",
                value=decision,
            ),
            method="post",
            action=action,
            class_=f"inline {decision}",
        )

    def _recent(self, words: Words, rows: list[db.RequestRow]) -> Markup:
        if not rows:
            return tag("p", words.t("rel_none_recent"))
        head = _head(
            words,
            "rel_col_created",
            "rel_col_vendor",
            "rel_col_state",
            "rel_col_outcome",
            "rel_col_decided",
        )
        body = []
        for row in rows:
            outcome = words.t(f"rel_outcome_{row.outcome or 'none'}")
            if row.dry_run:
                outcome = f"{outcome} {words.t('rel_dry_run_mark')}"
            warnings = [
                tag("p", words.t(f"rel_warn_{code}"), class_="warning", data_code=code)
                for code in row.warning_codes
                if f"rel_warn_{code}" in _known()
            ]
            body.append(
                tag(
                    "tr",
                    tag("td", self._when(words, row.created_utc)),
                    tag("td", row.vendor),
                    tag("td", words.t(f"rel_state_{row.state}"), data_state=row.state),
                    tag("td", outcome, join(warnings)),
                    tag("td", row.decided_by or ""),
                    data_request=row.request_id,
                )
            )
        return _table(head, body, "recent")

    async def decide(self, request: Request) -> Response:
        """``POST /dashboard/releases/{request_id}/approve|refuse``."""
        from collector.app import log_fields

        principal = await self._approver(request)
        words = self._words(request)
        decision = str(request.path_params["decision"])
        request_id = str(request.path_params["request_id"])
        if decision not in ("approve", "refuse"):
            return self._failure(request, words, "request-unknown", 404)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return self._failure(request, words, "csrf", 413)
        fields = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        token = fields.get("csrf", [""])[0]
        if not self.dashboard.csrf_ok(request, principal, token):
            return self._failure(request, words, "csrf", 403)
        try:
            row = await run_in_threadpool(
                self.service.decide,
                principal,
                request_id,
                approve=decision == "approve",
            )
        except ReleaseError as exc:
            log_fields(request)["code"] = exc.code
            return self._failure(request, words, exc.code, exc.status)
        log_fields(request).update(
            release_request=row.request_id,
            release_decision=decision,
            release_state=row.state,
        )
        return RedirectResponse(
            self.dashboard._url(request, "/dashboard/releases", {"lang": words.lang}),
            status_code=303,
        )

    def _failure(
        self, request: Request, words: Words, code: str, status: int
    ) -> Response:
        message = words.t("csrf") if code == "csrf" else words.t(f"rel_error_{code}")
        main = tag(
            "section",
            tag("h2", words.t("rel_title")),
            tag("p", message, class_="warning", id="release-error", data_code=code),
            tag(
                "p",
                tag(
                    "a",
                    words.t("rel_back"),
                    href=self.dashboard._url(
                        request, "/dashboard/releases", {"lang": words.lang}
                    ),
                ),
            ),
        )
        return self._page(request, words, main, status)


def _head(words: Words, *keys: str) -> Markup:
    """A table's header row."""
    return tag("tr", *(tag("th", words.t(k), scope="col") for k in keys))


def _table(head: Markup, rows: list[Markup], ident: str) -> Markup:
    return tag(
        "table", tag("thead", head), tag("tbody", join(rows)), id=ident, class_="data"
    )


def _known() -> Any:
    from collector.dashboard.i18n import MESSAGES

    return MESSAGES


def device_routes() -> list[Route]:
    """The device API's routes."""
    return [
        Route("/api/v1/release-requests", post_request, methods=["POST"]),
        Route("/api/v1/release-requests/{request_id}", get_request, methods=["GET"]),
    ]


__all__ = ["Queue", "device_routes", "get_request", "post_request"]
