# SPDX-License-Identifier: MIT
"""The dashboard's HTTP routes (all but the static files need ``Migration.Read``).

- ``GET /dashboard``: the page. ``?lang=en|fr``, ``?stale_days=N`` (default
  ``dashboard.stale_days``), ``?sort=TABLE:COLUMN[:desc]`` (repeatable; the
  initial order, the same one the page's sort buttons give).
- ``GET /dashboard/csv/{table}``: a table as CSV (``history``, ``waves``,
  ``wave-states``, ``vendors``, ``os``, ``errors``, ``stale``, ``never-ran``,
  ``ready``); the device lists are complete and streamed. ``ready`` takes
  ``wave=`` filters, ``stale`` ``stale_days=``.
- ``POST /dashboard/expected``: upload the old EMM's device list
  (``multipart/form-data``: ``file``, ``mode=merge|replace``, ``wave``,
  ``csrf``); answers an HTML report.
- ``POST /dashboard/expected/missing.csv``: the same form; answers the file's
  rows whose serial never reported, serials included. Nothing is stored.
- ``GET /dashboard/static/{name}``: the CSS and the sort script (no data, no
  token needed).

Every HTML answer carries ``Content-Security-Policy: default-src 'self'`` (no
inline script or style, no external resource), ``X-Frame-Options: DENY`` and
``Cache-Control: no-store``. The two POSTs need a CSRF token bound to the
signed-in user and, from browsers, a same-origin request
(``Sec-Fetch-Site``/``Origin``): a reverse proxy that turns a session cookie
into the ``Authorization`` header would otherwise let another site post.
"""

from __future__ import annotations

import asyncio
import csv
import datetime
import hashlib
import hmac
import io
import re
import urllib.parse
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from collector.auth import Principal, authenticate
from collector.dashboard import charts, history, intune, queries, views
from collector.dashboard.html import Markup, escape, join, render, tag
from collector.dashboard.i18n import Words, negotiate
from collector.dashboard.settings import DashboardConfig
from collector.expected import (
    ExpectedListError,
    ParsedList,
    missing_csv,
    parse_expected,
    reported,
    store_expected,
)
from collector.export import QueryError
from collector.graph.settings import SECTION as INTUNE_SECTION
from collector.graph.settings import IntuneConfig
from collector.graph.store import last_sync
from collector.storage.base import Connection, Store, utc_text

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from collector.config import Config

CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
STATIC: Final = {
    "dashboard.css": "text/css; charset=utf-8",
    "dashboard.js": "text/javascript; charset=utf-8",
}
CSV_TABLES: Final = (
    "history",
    "waves",
    "wave-states",
    "vendors",
    "os",
    "errors",
    "stale",
    "never-ran",
    "ready",
    "intune",
    "limbo",
    "re-enrolled",
)
_SORT: Final = re.compile(r"^([a-z-]{1,20}):([a-z_-]{1,30})(?::(asc|desc))?$")
_PAGE_PARAMS: Final = frozenset({"lang", "stale_days", "sort"})
_CSRF_CONTEXT: Final = b"intune-migration-collector/dashboard-csrf/1"
_DAY: Final = 86400


def _digits(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "²", which int() refuses."""
    return text.isascii() and text.isdigit() and len(text) <= 12


class Dashboard:
    """The routes' shared state.

    Args:
        store: the collector's store.
        config: the whole configuration (``dev`` for the banner).
        settings: the checked ``[dashboard]`` section.
    """

    def __init__(self, store: Store, config: Config, settings: DashboardConfig) -> None:
        self.store = store
        self.config = config
        self.settings = settings
        self.intune = config.section(INTUNE_SECTION, IntuneConfig)
        # Pages other parts add under /dashboard, shown in the navigation to
        # whoever holds their app role: (path, words key, role).
        self.links: list[tuple[str, str, str]] = []
        self._static: dict[str, tuple[bytes, str]] = {}
        for name in STATIC:
            data = (
                resources.files("collector.dashboard")
                .joinpath("static", name)
                .read_bytes()
            )
            self._static[name] = (data, hashlib.sha256(data).hexdigest()[:12])

    # --- helpers ---------------------------------------------------------------

    def routes(self) -> list[Route]:
        """The routes to add to the application."""
        return [
            Route("/dashboard", self.page, methods=["GET"]),
            Route("/dashboard/static/{name}", self.static, methods=["GET"]),
            Route("/dashboard/csv/{table}", self.table_csv, methods=["GET"]),
            Route("/dashboard/expected", self.upload, methods=["POST"]),
            Route("/dashboard/expected/missing.csv", self.missing, methods=["POST"]),
        ]

    @staticmethod
    async def _principal(request: Request) -> Principal:
        principal = await authenticate(request, request.app.state.validator, "read")
        from collector.app import log_fields

        log_fields(request)["tid"] = principal.tid
        return principal

    def _now(self, request: Request) -> datetime.datetime:
        clock: Callable[[], float] = request.app.state.clock
        return datetime.datetime.fromtimestamp(clock(), datetime.UTC)

    def _today(self, request: Request) -> datetime.date:
        return self._now(request).astimezone(self.settings.zone).date()

    def _words(self, request: Request) -> Words:
        lang = request.query_params.get("lang")
        if lang is not None and lang not in ("en", "fr"):
            # Our links only ever say en or fr; anything else is a typo.
            raise QueryError("lang: expected en or fr")
        return Words(
            negotiate(
                lang,
                request.headers.get("accept-language"),
                self.settings.language,
            )
        )

    @staticmethod
    def _root(request: Request) -> str:
        return str(request.scope.get("root_path", "")).rstrip("/")

    def _url(
        self, request: Request, path: str, params: Mapping[str, Any] | None = None
    ) -> str:
        query = urllib.parse.urlencode(params or {}, doseq=True)
        return f"{self._root(request)}{path}" + (f"?{query}" if query else "")

    def _html(self, body: Markup, words: Words, status: int = 200) -> Response:
        return Response(
            body,
            status_code=status,
            media_type="text/html; charset=utf-8",
            headers={
                **SECURITY_HEADERS,
                "Content-Language": words.lang,
                "Vary": "Accept-Language",
            },
        )

    def _layout(
        self,
        request: Request,
        words: Words,
        main: Markup,
        *,
        nav: Markup | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> Markup:
        other = "fr" if words.lang == "en" else "en"
        switch_params = dict(params or {})
        switch_params["lang"] = other
        banner = Markup("")
        if self.config.dev:
            banner = tag(
                "p",
                words.t("dev_banner"),
                class_="dev-banner",
                id="dev-banner",
                role="alert",
            )
        css, css_hash = "dashboard.css", self._static["dashboard.css"][1]
        js, js_hash = "dashboard.js", self._static["dashboard.js"][1]
        return render(
            "page.html",
            {
                "lang": words.lang,
                "title": words.t("title"),
                "product": words.t("product"),
                "generated": words.t(
                    "generated", time=words.moment(self._now(request))
                ),
                "css": self._url(request, f"/dashboard/static/{css}", {"v": css_hash}),
                "js": self._url(request, f"/dashboard/static/{js}", {"v": js_hash}),
                "banner": banner,
                "lang_switch": tag(
                    "a",
                    words.t("switch_language"),
                    href=self._url(request, "/dashboard", switch_params),
                    hreflang=other,
                    lang=other,
                    id="switch-language",
                ),
                "nav_label": words.t("nav"),
                "nav": nav or Markup(""),
                "main": main,
            },
        )

    # --- the page --------------------------------------------------------------

    def _page_params(self, request: Request) -> tuple[int, list[tuple[str, str, bool]]]:
        params = request.query_params.multi_items()
        for name, _ in params:
            if name not in _PAGE_PARAMS:
                raise QueryError(
                    f"unknown query parameter {name[:40]!r}; expected: lang, "
                    "sort, stale_days"
                )
        stale_text = request.query_params.get("stale_days")
        stale = self.settings.stale_days
        if stale_text is not None:
            if not _digits(stale_text) or not 1 <= int(stale_text) <= 3650:
                raise QueryError("stale_days: expected an integer from 1 to 3650")
            stale = int(stale_text)
        sorts = []
        for name, value in params:
            if name != "sort":
                continue
            match = _SORT.fullmatch(value)
            if match is None:
                raise QueryError("sort: expected TABLE:COLUMN or TABLE:COLUMN:desc")
            sorts.append((match.group(1), match.group(2), match.group(3) == "desc"))
        return stale, sorts

    def _cutoff(self, request: Request, days: int) -> str:
        moment = self._now(request) - datetime.timedelta(days=days)
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    def _wave_order(self) -> list[str]:
        # Never-ran devices of the wave locked out soonest come first.
        return [
            w.id
            for w in sorted(self.settings.waves, key=lambda w: (w.lockout_date, w.id))
        ]

    def _gather_devices(self, conn: Connection, cutoff: str) -> tuple[Any, ...]:
        cube = queries.cube(conn)
        return (
            cube,
            queries.error_counts(conn),
            queries.stale_count(conn, cutoff),
            queries.stale_devices(conn, cutoff, limit=self.settings.list_rows),
            queries.identity_counts(conn, cube),
        )

    def _gather_expected(
        self, conn: Connection, wave_order: Sequence[str]
    ) -> tuple[Any, ...]:
        return (
            queries.expected_counts(conn),
            queries.never_ran(
                conn, limit=self.settings.list_rows, wave_order=wave_order
            ),
        )

    def _limbo_cutoff(self, request: Request) -> str | None:
        """Now minus ``intune.limbo_hours``; None while the Graph check is off
        (no device is in limbo then)."""
        if not self.intune.enabled:
            return None
        hours = datetime.timedelta(hours=self.intune.limbo_hours)
        return utc_text(self._now(request) - hours)

    def _gather_intune(self, conn: Connection, cutoff: str | None) -> tuple[Any, ...]:
        rows = self.settings.list_rows
        return (
            intune.wave_counts(conn, cutoff),
            intune.limbo_devices(conn, cutoff, limit=rows),
            intune.reenrolled_devices(conn, limit=rows),
            last_sync(conn) if self.intune.enabled else None,
        )

    async def _gather(self, cutoff: str, wave_order: Sequence[str]) -> tuple[Any, ...]:
        """The page's queries, in three groups read at the same time on
        their own connections (each query was already its own snapshot):
        at 200,000 devices the page then waits for the longest group, not
        for their sum (make bench)."""
        devices, listed, history_rows = await asyncio.gather(
            self.store.run_query(self._gather_devices, cutoff),
            self.store.run_query(self._gather_expected, wave_order),
            self.store.run_query(queries.history),
        )
        cube, errors, stale, stale_rows, identity = devices
        expected, never_rows = listed
        return (
            cube,
            expected,
            errors,
            stale,
            stale_rows,
            never_rows,
            identity,
            history_rows,
        )

    async def page(self, request: Request) -> Response:
        """``GET /dashboard``."""
        principal = await self._principal(request)
        words = self._words(request)
        stale_days, sorts = self._page_params(request)
        today = self._today(request)
        cutoff = self._cutoff(request, stale_days)
        # The Intune section's queries run beside the others.
        gathered, confirmed = await asyncio.gather(
            self._gather(cutoff, self._wave_order()),
            self.store.run_query(self._gather_intune, self._limbo_cutoff(request)),
        )
        (
            cube,
            expected,
            errors,
            stale_total,
            stale_rows,
            never_rows,
            identity,
            history_rows,
        ) = gathered
        data = views.overview(
            self.settings,
            cube,
            expected,
            errors,
            stale=stale_total,
            today=today,
            identity=identity,
        )
        tables = self._tables(
            request,
            data,
            words,
            stale_rows=stale_rows,
            never_rows=never_rows,
            today=today,
        )
        tables.update(self._intune_tables(confirmed, words, self._now(request)))
        for table_id, column, descending in sorts:
            for table in tables.values():
                if table.id == table_id:
                    table.sort(column, descending)
        keep: dict[str, Any] = {"lang": words.lang}
        if request.query_params.get("stale_days"):
            keep["stale_days"] = stale_days
        histories = history.wave_histories(self.settings, history_rows, expected, today)
        main = self._main(
            request,
            principal,
            words,
            data=data,
            tables=tables,
            stale_days=stale_days,
            keep=keep,
            histories=histories,
            intune_note=intune.status_note(
                words,
                enabled=self.intune.enabled,
                last=confirmed[3],
                hours=self.intune.limbo_hours,
            ),
        )
        nav = self._nav(request, principal, words)
        switch = dict(keep)
        switch.update(
            {"sort": [v for k, v in request.query_params.multi_items() if k == "sort"]}
        )
        return self._html(
            self._layout(request, words, main, nav=nav, params=switch), words
        )

    def _tables(
        self,
        request: Request,
        data: views.Overview,
        words: Words,
        *,
        stale_rows: Sequence[Any],
        never_rows: Sequence[Any],
        today: datetime.date,
    ) -> dict[str, views.Table]:
        def export(params: Mapping[str, Any]) -> str:
            return self._url(request, "/api/v1/export.csv", params)

        def ready(params: Mapping[str, Any]) -> str:
            return self._url(request, "/dashboard/csv/ready", params)

        return {
            "waves": views.waves_table(data, words, export, ready),
            "wave-states": views.wave_states_table(data, words),
            "vendors": views.vendors_table(data, words, export),
            "os": views.systems_table(data, words, export),
            "errors": views.errors_table(data, words),
            "stale": views.stale_table(stale_rows, data.stale, words, today),
            "never-ran": views.never_table(
                never_rows, data.never_ran, words, self.settings, today
            ),
        }

    @staticmethod
    def _intune_tables(
        gathered: Sequence[Any], words: Words, now: datetime.datetime
    ) -> dict[str, views.Table]:
        counts, limbo, back = gathered[:3]
        return {
            "intune": intune.waves_table(counts, words),
            "limbo": intune.devices_table(
                "limbo", limbo, words, now, total=sum(w.counts["limbo"] for w in counts)
            ),
            "re-enrolled": intune.devices_table(
                "re-enrolled",
                back,
                words,
                now,
                total=sum(w.counts["reenrolled"] for w in counts),
            ),
        }

    def _nav(self, request: Request, principal: Principal, words: Words) -> Markup:
        items = [
            ("summary", words.t("sec_summary")),
            ("history", words.t("sec_history_short")),
            ("waves", words.t("sec_waves")),
            ("intune", words.t("sec_intune_short")),
            ("wave-states", words.t("sec_wave_states")),
            ("vendors", words.t("sec_vendors")),
            ("os", words.t("sec_os")),
            ("errors", words.t("sec_errors")),
            ("stale", words.t("sec_stale_short")),
            ("never-ran", words.t("sec_never_short")),
            ("expected", words.t("sec_expected_short")),
        ]
        pages = [
            tag("a", words.t(key), href=self._url(request, path, {"lang": words.lang}))
            for path, key, role in self.links
            if role in principal.roles
        ]
        return tag(
            "ul",
            join(tag("li", tag("a", label, href=f"#{key}")) for key, label in items),
            join(tag("li", link, class_="page-link") for link in pages),
        )

    def _main(
        self,
        request: Request,
        principal: Principal,
        words: Words,
        *,
        data: views.Overview,
        tables: Mapping[str, views.Table],
        stale_days: int,
        keep: Mapping[str, Any],
        histories: Sequence[history.WaveHistory] = (),
        intune_note: Markup | None = None,
    ) -> Markup:
        def csv_link(table: str, **params: Any) -> str:
            return self._url(request, f"/dashboard/csv/{table}", params)

        def section(key: str, title: str, *body: Markup | None) -> Markup:
            return tag(
                "section",
                tag("h2", title, id=f"h-{key}"),
                join(b for b in body if b is not None),
                id=key,
                aria_labelledby=f"h-{key}",
            )

        exports = tag(
            "ul",
            tag(
                "li",
                tag(
                    "a",
                    words.t("csv_devices"),
                    href=self._url(request, "/api/v1/export.csv", {}),
                ),
            ),
            tag(
                "li",
                tag(
                    "a",
                    words.t("csv_events"),
                    href=self._url(request, "/api/v1/export.csv", {"kind": "events"}),
                ),
            ),
            tag("li", tag("a", words.t("csv_ready"), href=csv_link("ready"))),
            class_="exports",
        )
        stale_form = tag(
            "form",
            tag(
                "label",
                words.t("stale_days_label"),
                tag(
                    "input",
                    type="number",
                    name="stale_days",
                    min=1,
                    max=3650,
                    value=stale_days,
                    id="stale-days",
                ),
            ),
            tag("input", type="hidden", name="lang", value=words.lang),
            tag("button", words.t("show"), type="submit"),
            method="get",
            action=self._url(request, "/dashboard"),
            class_="inline",
        )
        return join(
            [
                section(
                    "summary",
                    words.t("sec_summary"),
                    views.summary(data, words),
                    exports,
                ),
                section(
                    "history",
                    words.t("sec_history"),
                    tag("p", words.t("history_intro"), class_="intro"),
                    charts.history_section(histories, words, csv_link("history")),
                ),
                section(
                    "waves",
                    words.t("sec_waves"),
                    tag("p", words.t("waves_intro"), class_="intro"),
                    views.render_table(tables["waves"], words, csv_link("waves")),
                ),
                section(
                    "intune",
                    words.t("sec_intune"),
                    intune_note,
                    views.render_table(tables["intune"], words, csv_link("intune")),
                    tag("h3", words.t("sec_limbo"), id="limbo"),
                    views.render_table(tables["limbo"], words, csv_link("limbo")),
                    tag("h3", words.t("sec_reenrolled"), id="re-enrolled"),
                    views.render_table(
                        tables["re-enrolled"], words, csv_link("re-enrolled")
                    ),
                ),
                section(
                    "wave-states",
                    words.t("sec_wave_states"),
                    views.render_table(
                        tables["wave-states"], words, csv_link("wave-states")
                    ),
                ),
                section(
                    "vendors",
                    words.t("sec_vendors"),
                    views.render_table(tables["vendors"], words, csv_link("vendors")),
                ),
                section(
                    "os",
                    words.t("sec_os"),
                    views.render_table(tables["os"], words, csv_link("os")),
                ),
                section(
                    "errors",
                    words.t("sec_errors"),
                    views.render_table(tables["errors"], words, csv_link("errors")),
                ),
                section(
                    "stale",
                    words.t("sec_stale", days=words.number(stale_days)),
                    tag(
                        "p",
                        words.t("stale_intro", days=words.number(stale_days)),
                        class_="intro",
                    ),
                    stale_form,
                    views.render_table(
                        tables["stale"],
                        words,
                        csv_link("stale", stale_days=stale_days),
                    ),
                ),
                section(
                    "never-ran",
                    words.t("sec_never"),
                    tag("p", words.t("never_intro"), class_="intro"),
                    views.render_table(
                        tables["never-ran"], words, csv_link("never-ran")
                    ),
                ),
                section(
                    "expected",
                    words.t("sec_expected"),
                    self._forms(request, principal, words, data),
                ),
            ]
        )

    def _forms(
        self,
        request: Request,
        principal: Principal,
        words: Words,
        data: views.Overview,
    ) -> Markup:
        settings = self.settings
        privacy = words.t(
            "privacy_users" if settings.store_expected_users else "privacy_no_users"
        )
        intro = join(
            [
                tag("p", words.t("expected_intro"), class_="intro"),
                tag("p", privacy, class_="privacy"),
                tag(
                    "p",
                    words.t("stored_count", count=words.number(data.expected)),
                ),
            ]
        )
        if not settings.serial_hmac_key:
            return join([intro, tag("p", words.t("upload_disabled"), class_="warning")])
        token = self.csrf_token(principal, self._now(request))
        wave_options = join(
            [tag("option", "", value="")]
            + [
                tag("option", f"{w.id} {w.name}".strip(), value=w.id)
                for w in settings.waves
            ]
        )

        def fields(prefix: str) -> Markup:
            return join(
                [
                    tag("input", type="hidden", name="csrf", value=token),
                    tag(
                        "label",
                        words.t("field_file"),
                        tag(
                            "input",
                            type="file",
                            name="file",
                            accept=".csv,.txt,text/csv",
                            required=True,
                            id=f"{prefix}-file",
                        ),
                    ),
                    tag(
                        "label",
                        words.t("field_wave"),
                        tag("select", wave_options, name="wave", id=f"{prefix}-wave"),
                    ),
                ]
            )

        upload = tag(
            "form",
            fields("upload"),
            tag(
                "fieldset",
                tag(
                    "label",
                    tag(
                        "input", type="radio", name="mode", value="merge", checked=True
                    ),
                    words.t("mode_merge"),
                ),
                tag(
                    "label",
                    tag("input", type="radio", name="mode", value="replace"),
                    words.t("mode_replace"),
                ),
                class_="modes",
            ),
            tag("button", words.t("upload"), type="submit"),
            method="post",
            enctype="multipart/form-data",
            action=self._url(request, "/dashboard/expected", {"lang": words.lang}),
            id="upload-form",
            class_="stacked",
        )
        match = tag(
            "form",
            fields("match"),
            tag("button", words.t("match_button"), type="submit"),
            method="post",
            enctype="multipart/form-data",
            action=self._url(request, "/dashboard/expected/missing.csv"),
            id="match-form",
            class_="stacked",
        )
        return join(
            [
                intro,
                upload,
                tag("h3", words.t("match_title")),
                tag("p", words.t("match_intro"), class_="intro"),
                match,
            ]
        )

    # --- static and CSV ---------------------------------------------------------

    async def static(self, request: Request) -> Response:
        """``GET /dashboard/static/{name}`` (no data; cached for a day)."""
        name = request.path_params["name"]
        if name not in self._static:
            return Response(
                "not found", status_code=404, media_type="text/plain; charset=utf-8"
            )
        data, _ = self._static[name]
        return Response(
            data,
            media_type=STATIC[name],
            headers={
                "Cache-Control": "public, max-age=86400",
                "X-Content-Type-Options": "nosniff",
            },
        )

    async def table_csv(self, request: Request) -> Response:
        """``GET /dashboard/csv/{table}``."""
        await self._principal(request)
        name = request.path_params["table"]
        if name not in CSV_TABLES:
            return Response(
                "not found", status_code=404, media_type="text/plain; charset=utf-8"
            )
        params = request.query_params
        allowed = {"stale": {"stale_days"}, "ready": {"wave"}}.get(name, set())
        for key in params:
            if key not in allowed:
                raise QueryError(f"unknown query parameter {key[:40]!r} for {name}")
        stamp = self._now(request).strftime("%Y%m%dT%H%M%SZ")
        headers = {
            "Content-Disposition": f'attachment; filename="{name}-{stamp}.csv"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        media = "text/csv; charset=utf-8"
        words = Words("en")
        today = self._today(request)
        if name in ("waves", "wave-states", "vendors", "os", "errors"):
            body = await self._aggregate_csv(request, name, words, today)
            return Response(body, media_type=media, headers=headers)
        if name == "history":
            body = await self._history_csv(today)
            return Response(body, media_type=media, headers=headers)
        if name in ("intune", "limbo", "re-enrolled"):
            return StreamingResponse(
                self._intune_rows(name, self._limbo_cutoff(request), words),
                media_type=media,
                headers=headers,
            )
        if name == "stale":
            days_text = params.get("stale_days") or str(self.settings.stale_days)
            if not _digits(days_text) or not 1 <= int(days_text) <= 3650:
                raise QueryError("stale_days: expected an integer from 1 to 3650")
            cutoff = self._cutoff(request, int(days_text))
            rows = self._stale_rows(cutoff, today)
        elif name == "never-ran":
            rows = self._never_rows()
        else:
            waves = params.getlist("wave")
            if any(not w or len(w) > 64 for w in waves):
                raise QueryError("wave: expected a non-empty value of 64 characters")
            rows = self._ready_rows(waves)
        return StreamingResponse(rows, media_type=media, headers=headers)

    async def _aggregate_csv(
        self, request: Request, name: str, words: Words, today: datetime.date
    ) -> bytes:
        cutoff = self._cutoff(request, self.settings.stale_days)

        def gather(conn: Connection) -> tuple[Any, ...]:
            return (
                queries.cube(conn),
                queries.expected_counts(conn),
                queries.error_counts(conn),
                queries.stale_count(conn, cutoff),
            )

        cube, expected, errors, stale = await self.store.run_query(gather)
        data = views.overview(
            self.settings, cube, expected, errors, stale=stale, today=today
        )
        tables = self._tables(
            request, data, words, stale_rows=(), never_rows=(), today=today
        )
        table = tables[name]
        columns = [c for c in table.columns if c.key != "links"]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([c.key for c in columns])
        for _, cells in table.rows:
            writer.writerow([_guard(cells[c.key].csv) for c in columns])
        return out.getvalue().encode("utf-8")

    async def _history_csv(self, today: datetime.date) -> bytes:
        def gather(conn: Connection) -> tuple[Any, ...]:
            return queries.history(conn), queries.expected_counts(conn)

        rows, expected = await self.store.run_query(gather)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(
            [
                "wave",
                "day",
                "migrated",
                "in_progress",
                "not_reported",
                "migrated_that_day",
                "share_that_day_percent",
                "status",
            ]
        )
        for wave in history.wave_histories(self.settings, rows, expected, today):
            total = max(wave.total, 1)
            for day in wave.days:
                writer.writerow(
                    [
                        _guard(wave.wave),
                        day.day.isoformat(),
                        day.migrated,
                        day.in_progress,
                        day.not_reported,
                        day.new,
                        f"{100.0 * day.new / total:.1f}",
                        wave.status,
                    ]
                )
        return out.getvalue().encode("utf-8")

    async def _intune_rows(
        self, name: str, cutoff: str | None, words: Words
    ) -> AsyncIterator[bytes]:
        """The Intune section's CSV: per wave, or the limbo or re-enrolled
        devices (whole ids, keyset pages)."""
        if name == "intune":
            counts = await self.store.run_query(intune.wave_counts, cutoff)
            table = intune.waves_table(counts, words)
            yield _csv_line([c.key for c in table.columns])
            for _, cells in table.rows:
                yield _csv_line([cells[c.key].csv for c in table.columns])
            return
        yield _csv_line(intune.LIST_COLUMNS)
        after: str | None = None
        while True:
            if name == "limbo":
                rows = await self.store.run_query(
                    intune.limbo_devices, cutoff, limit=queries.PAGE, after=after
                )
            else:
                rows = await self.store.run_query(
                    intune.reenrolled_devices, limit=queries.PAGE, after=after
                )
            for row in rows:
                yield _csv_line(row)
            if len(rows) < queries.PAGE:
                return
            after = str(rows[-1][0])

    async def _stale_rows(
        self, cutoff: str, today: datetime.date
    ) -> AsyncIterator[bytes]:
        yield _csv_line([*queries.STALE_COLUMNS, "idle_days"])
        after: str | None = None
        while True:
            rows = await self.store.run_query(
                queries.stale_devices, cutoff, limit=queries.PAGE, after=after
            )
            for row in rows:
                when = views.parse_time(str(row[9]) if row[9] else None)
                idle = (today - when.date()).days if when else ""
                yield _csv_line([*row, idle])
            if len(rows) < queries.PAGE:
                return
            after = str(rows[-1][0])

    async def _never_rows(self) -> AsyncIterator[bytes]:
        columns = [c for c in queries.NEVER_COLUMNS]
        yield _csv_line([*columns, "lockout_date"])
        after: str | None = None
        while True:
            rows = await self.store.run_query(
                queries.never_ran, limit=queries.PAGE, after=after
            )
            for row in rows:
                wave = self.settings.wave(None if row[1] is None else str(row[1]))
                lockout = wave.lockout_date.isoformat() if wave else ""
                yield _csv_line([*row, lockout])
            if len(rows) < queries.PAGE:
                return
            after = str(rows[-1][0])

    async def _ready_rows(self, waves: Sequence[str]) -> AsyncIterator[bytes]:
        yield _csv_line(queries.READY_COLUMNS)
        after: str | None = None
        while True:
            rows = await self.store.run_query(
                queries.ready_devices, waves=waves, limit=queries.PAGE, after=after
            )
            for row in rows:
                yield _csv_line(row)
            if len(rows) < queries.PAGE:
                return
            after = str(rows[-1][0])

    # --- uploads -----------------------------------------------------------------

    def csrf_token(self, principal: Principal, now: datetime.datetime) -> str:
        """A token for the signed-in user, valid today and tomorrow (UTC days)."""
        day = int(now.timestamp()) // _DAY
        return f"{day}.{self._csrf_mac(principal, day)}"

    def _csrf_mac(self, principal: Principal, day: int) -> str:
        # A key of its own, derived from the HMAC key (the only server secret
        # the dashboard has; and without it there is nothing to upload).
        secret = hmac.new(
            self.settings.serial_hmac_key.encode("utf-8"), _CSRF_CONTEXT, hashlib.sha256
        ).digest()
        message = f"{principal.tid}:{principal.oid}:{day}".encode()
        return hmac.new(secret, message, hashlib.sha256).hexdigest()

    def csrf_ok(self, request: Request, principal: Principal, token: str) -> bool:
        """Is the form's token this user's, recent, and the request same-origin?"""
        site = request.headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return False
        origin = request.headers.get("origin")
        if site is None and origin is not None and origin != "null":
            host = request.headers.get("x-forwarded-host") or request.headers.get(
                "host", ""
            )
            if urllib.parse.urlsplit(origin).netloc != host:
                return False
        day_text, _, mac = token.partition(".")
        if not _digits(day_text) or not mac:
            return False
        today = int(self._now(request).timestamp()) // _DAY
        day = int(day_text)
        if day not in (today, today - 1):
            return False
        return hmac.compare_digest(mac, self._csrf_mac(principal, day))

    async def _form(
        self, request: Request, principal: Principal
    ) -> tuple[dict[str, str], bytes] | str:
        """The upload form's fields and file, or a problem code."""
        if not self.settings.serial_hmac_key:
            return "no-key"
        limit = self.settings.max_upload_bytes + 64 * 1024
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            return "too-large"
        chunks: list[bytes] = []
        total = 0
        async for chunk in request.stream():
            total += len(chunk)
            if total > limit:
                return "too-large"
            chunks.append(chunk)
        try:
            parts = parse_multipart(
                b"".join(chunks), request.headers.get("content-type", "")
            )
        except ValueError:
            return "bad-form"
        fields = {
            name: data.decode("utf-8", "replace")
            for name, (filename, data) in parts.items()
            if filename is None
        }
        if not self.csrf_ok(request, principal, fields.get("csrf", "")):
            return "csrf"
        file = parts.get("file")
        if file is None or not file[1]:
            return "no-file"
        if len(file[1]) > self.settings.max_upload_bytes:
            return "too-large"
        wave = fields.get("wave", "").strip()
        if wave and self.settings.waves and self.settings.wave(wave) is None:
            return "bad-wave"
        return fields, file[1]

    def _parse(self, data: bytes, wave: str, *, keep_serials: bool) -> ParsedList:
        settings = self.settings
        return parse_expected(
            data,
            key=settings.serial_hmac_key,
            waves=[w.id for w in settings.waves],
            default_wave=wave or None,
            keep_users=settings.store_expected_users or keep_serials,
            keep_serials=keep_serials,
        )

    async def _read_list(
        self, request: Request, *, keep_serials: bool
    ) -> tuple[dict[str, str], ParsedList, Words] | Response:
        """The uploaded device list, checked (role, CSRF, form) and parsed; or the
        page that says what was wrong with it. Shared by upload and missing.csv."""
        principal = await self._principal(request)
        words = self._words(request)
        form = await self._form(request, principal)
        if isinstance(form, str):
            return self._failure(request, words, form)
        fields, data = form
        try:
            parsed = await run_in_threadpool(
                self._parse,
                data,
                fields.get("wave", "").strip(),
                keep_serials=keep_serials,
            )
        except ExpectedListError as exc:
            return self._failure(request, words, exc.code)
        return fields, parsed, words

    async def upload(self, request: Request) -> Response:
        """``POST /dashboard/expected``: import a device list, answer a report."""
        read = await self._read_list(request, keep_serials=False)
        if isinstance(read, Response):
            return read
        fields, parsed, words = read
        replace = fields.get("mode") == "replace"
        clock: Callable[[], float] = request.app.state.clock
        result = await run_in_threadpool(
            store_expected, self.store, parsed.rows, replace=replace, clock=clock
        )
        from collector.app import log_fields

        log_fields(request).update(
            expected_imported=result.imported,
            expected_problems=len(parsed.problems),
            expected_replace=replace,
        )
        return self._html(
            self._layout(
                request,
                words,
                self._report(
                    request,
                    words,
                    parsed,
                    imported=result.imported,
                    replaced=result.replaced if replace else None,
                    total=result.total,
                ),
                params={},
            ),
            words,
        )

    def _failure(self, request: Request, words: Words, code: str) -> Response:
        status = {"csrf": 403, "too-large": 413, "no-key": 409}.get(code, 400)
        message = words.t("csrf") if code == "csrf" else words.t(f"file_{code}")
        main = tag(
            "section",
            tag("h2", words.t("result_failed")),
            tag("p", message, class_="warning", id="upload-error", data_code=code),
            tag(
                "p",
                tag(
                    "a",
                    words.t("back"),
                    href=self._url(request, "/dashboard", {"lang": words.lang})
                    + "#expected",
                ),
            ),
        )
        return self._html(self._layout(request, words, main, params={}), words, status)

    def _report(
        self,
        request: Request,
        words: Words,
        parsed: ParsedList,
        *,
        imported: int,
        replaced: int | None,
        total: int,
    ) -> Markup:
        cards = [
            views.figure("result-lines", words.t("result_lines"), parsed.lines, words),
            views.figure(
                "result-imported", words.t("result_imported"), imported, words
            ),
            views.figure(
                "result-problems",
                words.t("result_problems"),
                len(parsed.problems),
                words,
                "alert" if parsed.problems else "",
            ),
            views.figure("result-total", words.t("result_total"), total, words),
        ]
        if replaced is not None:
            cards.insert(
                2,
                views.figure(
                    "result-replaced", words.t("result_replaced"), replaced, words
                ),
            )
        columns = ", ".join(f"{k}: {v}" for k, v in parsed.columns.items())
        table = views.Table(
            "problems",
            words.t("result_problems"),
            [
                views.Column("line", words.t("col_line"), True),
                views.Column("problem", words.t("col_problem")),
                views.Column("value", words.t("col_value")),
            ],
            [
                (
                    str(p.line),
                    {
                        "line": views.number_cell(p.line, words),
                        "problem": views.Cell(
                            tag("span", words.t(f"problem_{p.code}"), data_code=p.code),
                            p.code,
                            p.code,
                        ),
                        "value": views.text_cell(p.value),
                    },
                )
                for p in parsed.problems
            ],
        )
        return tag(
            "section",
            tag("h2", words.t("result_title")),
            tag("dl", join(cards), class_="cards"),
            tag(
                "p",
                words.t(
                    "result_format",
                    encoding=parsed.encoding,
                    delimiter=repr(parsed.delimiter),
                    columns=columns,
                ),
                class_="note",
            ),
            views.render_table(table, words) if parsed.problems else Markup(""),
            tag(
                "p",
                tag(
                    "a",
                    words.t("back"),
                    href=self._url(request, "/dashboard", {"lang": words.lang})
                    + "#expected",
                ),
            ),
            id="upload-result",
        )

    async def missing(self, request: Request) -> Response:
        """``POST /dashboard/expected/missing.csv``: the list's rows that never
        reported, with their serials (nothing stored)."""
        read = await self._read_list(request, keep_serials=True)
        if isinstance(read, Response):
            return read
        _fields, parsed, _words = read
        found = await self.store.run_query(
            reported, [r.serial_hmac for r in parsed.rows]
        )
        body = "".join(missing_csv(parsed.rows, found)).encode("utf-8")
        stamp = self._now(request).strftime("%Y%m%dT%H%M%SZ")
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="missing-{stamp}.csv"',
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )


_NUMBER: Final = re.compile(r"^-?\d+(\.\d+)?%?$")


def _guard(value: str) -> str:
    # Spreadsheet formula prefixes (CSV injection); a plain negative number
    # (days left of a past wave) is not a formula.
    if value.startswith(("=", "+", "-", "@", "\t", "\r")) and not _NUMBER.match(value):
        return "'" + value
    return value


def _csv_line(values: Sequence[object]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(
        [_guard("" if v is None else str(v)) for v in values]
    )
    return out.getvalue().encode("utf-8")


_BOUNDARY: Final = re.compile(r'boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))', re.I)
_DISPOSITION_PARAM: Final = re.compile(r'(\w+)\*?="([^"]*)"|(\w+)=([^;\s]*)')


def parse_multipart(
    body: bytes, content_type: str
) -> dict[str, tuple[str | None, bytes]]:
    """The parts of a ``multipart/form-data`` body: name → (filename, data).

    A small reader for our two forms (python-multipart is not a dependency):
    the first part of a name wins.

    Raises:
        ValueError: not multipart/form-data, or malformed.
    """
    if content_type.partition(";")[0].strip().lower() != "multipart/form-data":
        raise ValueError("not multipart/form-data")
    match = _BOUNDARY.search(content_type)
    if match is None:
        raise ValueError("no boundary")
    boundary = (match.group(1) or match.group(2)).encode("latin-1")
    delimiter = b"--" + boundary
    pieces = body.split(delimiter)
    if len(pieces) < 3 or not pieces[-1].startswith(b"--"):
        raise ValueError("no closing boundary")
    parts: dict[str, tuple[str | None, bytes]] = {}
    for piece in pieces[1:-1]:
        if not piece.startswith(b"\r\n"):
            raise ValueError("malformed part")
        head, sep, data = piece[2:].partition(b"\r\n\r\n")
        if not sep or not data.endswith(b"\r\n"):
            raise ValueError("malformed part")
        data = data[:-2]
        name: str | None = None
        filename: str | None = None
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            if key.strip().lower() != "content-disposition":
                continue
            for m in _DISPOSITION_PARAM.finditer(value):
                param = (m.group(1) or m.group(3) or "").lower()
                text = m.group(2) if m.group(1) else m.group(4)
                if param == "name":
                    name = text
                elif param == "filename":
                    filename = text
        if name is not None and name not in parts:
            parts[name] = (filename, data)
    return parts


def register_routes(app: Starlette, store: Store, config: Config) -> Dashboard:
    """Add the dashboard's routes to ``app``."""
    from collector.dashboard.settings import dashboard_config

    dashboard = Dashboard(store, config, dashboard_config(config))
    app.router.routes.extend(dashboard.routes())
    app.state.dashboard = dashboard
    return dashboard


__all__ = [
    "CSP",
    "CSV_TABLES",
    "SECURITY_HEADERS",
    "Dashboard",
    "escape",
    "parse_multipart",
    "register_routes",
]
