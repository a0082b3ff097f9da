# SPDX-License-Identifier: MIT
"""The dashboard over HTTPS on both databases: the figures match a seeded data
set (read from ``<data id>`` and ``data-col``/``data-value``), English and
French, server-side sorting, CSV tables, uploads with CSRF, escaping, headers.

The seed (:data:`SEED`, :func:`seed`) is shared with the Chromium test.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import html.parser
import io
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import pytest

from collector.auth import Principal
from collector.config import Config, DevicesConfig, ServerConfig
from collector.dashboard.html import Markup, escape, tag
from collector.dashboard.i18n import MESSAGES, Words, negotiate, placeholders
from collector.dashboard.routes import CSP, parse_multipart
from collector.dashboard.settings import DashboardConfig, WaveConfig, check
from collector.expected import hmac_serial, parse_expected, store_expected
from collector.ingest import Ingestor, confirm_device
from collector.logging import DEV_WARNING
from collector.storage import Store, migrate
from collector.storage.schema import CONFIRMED_BY_GRAPH
from helper.report.event import StatusEvent, StepState, StepStatus
from tests.collector.conftest import (
    BACKENDS,
    Running,
    batch,
    make_config,
    open_backend,
    start_collector,
)
from tests.collector.support import (
    HELPER_CLIENT,
    TENANT,
    USER,
    Certs,
    JwksServer,
    Keys,
    make_event,
)

KEY = "k" * 32
DAY = 86400.0
NOW = datetime.datetime(2026, 6, 7, 12, 0, tzinfo=datetime.UTC).timestamp()
PRINCIPAL = Principal(TENANT, USER, HELPER_CLIENT, frozenset(), frozenset())
# The seed stands for a fleet: no per-user limit or flag in the way (both are
# tested in test_device_identity.py).
DEVICES = DevicesConfig(max_per_user=100_000, flag_per_user=100_000)
STATES = ("not-started", "in-progress", "succeeded", "failed", "blocked", "deferred")
EVIL_USER = '<img src=x onerror="alert(1)">&amp;'

WAVES = (
    WaveConfig(
        id="wave-01",
        name="Pilot",
        notify_date=datetime.date(2026, 5, 4),
        enforcement_date=datetime.date(2026, 6, 1),
        conditional_access_date=datetime.date(2026, 6, 15),
    ),
    WaveConfig(id="wave-02", name="Paris", enforcement_date=datetime.date(2026, 7, 1)),
    WaveConfig(id="wave-03", name="Lyon", enforcement_date=datetime.date(2026, 5, 31)),
)
SETTINGS = DashboardConfig(
    serial_hmac_key=KEY,
    waves=WAVES,
    store_expected_users=True,
    timezone="Europe/Paris",
)


def h(serial: str) -> str:
    """The serial's HMAC with the test key."""
    value = hmac_serial(serial, KEY)
    assert value is not None
    return value


@dataclass(frozen=True)
class Spec:
    """One seeded device."""

    serial: str
    wave: str | None
    state: str
    vendor: str | None
    os: str
    still: bool | None
    code: str | None = None
    stage: str | None = None
    joined: bool = False
    age: float = 1.0  # days since its last progress (and its report)
    heartbeat: bool = False  # a heartbeat today (not progress)

    @property
    def in_intune(self) -> bool:
        return self.state == "succeeded" or self.joined


SEED: tuple[Spec, ...] = (
    Spec("P1", "wave-01", "succeeded", "workspace-one", "windows", False, age=2),
    Spec("P2", "wave-01", "succeeded", "workspace-one", "macos", False, age=3),
    Spec("P3", "wave-01", "succeeded", "jamf-pro", "macos", False),
    # Reports wave-01, but IT's list puts it in wave-02: the list wins.
    Spec("A1", "wave-01", "succeeded", "workspace-one", "windows", False),
    # Not finished, but Intune manages it already (confirm-joined done).
    Spec(
        "A2",
        "wave-02",
        "in-progress",
        "workspace-one",
        "windows",
        False,
        stage="done",
        joined=True,
    ),
    Spec(
        "A3",
        "wave-02",
        "failed",
        "workspace-one",
        "windows",
        True,
        code="0x80180014",
        stage="join",
        age=2,
    ),
    Spec(
        "A4",
        "wave-02",
        "blocked",
        "ivanti",
        "windows",
        True,
        code="legacy-still-present",
        stage="contact-it",
        age=3,
    ),
    Spec(
        "A5",
        "wave-02",
        "in-progress",
        "ivanti",
        "windows",
        None,
        stage="leave",
        age=12,
        heartbeat=True,
    ),
    Spec(
        "B1",
        "wave-03",
        "failed",
        "jamf-pro",
        "macos",
        True,
        code="0x80180014",
        stage="join",
        age=20,
    ),
    Spec("B2", "wave-03", "not-started", "workspace-one", "linux", True, age=9),
    Spec(
        "B3", "wave-03", "deferred", "workspace-one", "windows", True, stage="prepare"
    ),
    Spec("N1", None, "succeeded", None, "windows", False),
    Spec(
        "U1", "wave-99", "in-progress", "jamf-pro", "macos", False, stage="join", age=2
    ),
)
# IT's list: serial, wave, user. X1-X3 never ran.
EXPECTED: tuple[tuple[str, str, str], ...] = (
    ("P1", "wave-01", "ana"),
    ("P2", "wave-01", "ben"),
    ("P3", "wave-01", "chloé"),
    ("A1", "wave-02", "dan"),
    ("A2", "wave-02", "eve"),
    ("A3", "wave-02", "fred"),
    ("A4", "wave-02", "gus"),
    ("A5", "wave-02", "hugo"),
    ("X1", "wave-02", EVIL_USER),
    ("X2", "wave-02", "ivy"),
    ("B1", "wave-03", "jan"),
    ("X3", "wave-03", "kim"),
)


def filler(count: int) -> tuple[Spec, ...]:
    """More devices for a realistic screenshot (deterministic; see
    :func:`filler_expected` for IT's list of them)."""
    vendors = ("workspace-one", "workspace-one", "jamf-pro", "ivanti", "citrix")
    systems = ("windows", "windows", "windows", "macos", "linux")
    states = ("succeeded",) * 5 + ("in-progress",) * 3 + ("failed", "blocked")
    codes = ("0x80180014", "0x80180018", "legacy-still-present", "intune-still-absent")
    out = []
    for n in range(count):
        state = states[(n * 7) % len(states)]
        out.append(
            Spec(
                f"F{n:04d}",
                ("wave-02", "wave-03", "wave-02", "wave-03")[n % 4],
                state,
                vendors[(n * 3) % len(vendors)],
                systems[(n * 3 + n // 5) % len(systems)],
                False if state == "succeeded" else (n % 3 != 0),
                code=codes[n % len(codes)] if state in ("failed", "blocked") else None,
                stage="join" if state != "succeeded" else "done",
                joined=state == "in-progress" and n % 2 == 0,
                age=float(n % 15),
            )
        )
    return tuple(out)


def filler_expected(
    specs: Sequence[Spec], missing: int
) -> tuple[tuple[str, str, str], ...]:
    """IT's list for :func:`filler` devices, plus ``missing`` that never ran."""
    listed = [(s.serial, s.wave or "", f"user{n}") for n, s in enumerate(specs)]
    listed += [
        (f"M{n:04d}", ("wave-02", "wave-03")[n % 2], f"m{n}") for n in range(missing)
    ]
    return tuple(listed)


def events_of(spec: Spec) -> list[tuple[StatusEvent, float]]:
    """The events a device sent, with when the collector received each."""
    when = NOW - spec.age * DAY
    moment = datetime.datetime.fromtimestamp(when, datetime.UTC)
    event = make_event(
        seq=1,
        serial=spec.serial,
        wave=spec.wave,
        overall=spec.state,  # type: ignore[arg-type]
        os_family=spec.os,
        vendor=spec.vendor,
        still_enrolled=spec.still,
        code=spec.code,
        when=moment,
    )
    stages: list[StepStatus] = []
    steps: list[StepStatus] = []
    if spec.state != "not-started":
        left: StepState = "done" if spec.still is False else "pending"
        stages = [StepStatus(id="confirm-left", state=left, at=moment)]
        if spec.in_intune:
            stages.append(StepStatus(id="confirm-joined", state="done", at=moment))
        steps = [StepStatus(id="step-1", state="done", at=moment)]
    event = msgspec.structs.replace(
        event,
        stages=stages,
        steps=steps,
        current_stage=spec.stage,
        event_type="created" if spec.state == "not-started" else "started",
    )
    out = [(event, when)]
    if spec.heartbeat:
        beat = msgspec.structs.replace(
            event,
            event_id=str(uuid.uuid4()),
            device_seq=2,
            event_type="heartbeat",
            event_time_utc=datetime.datetime.fromtimestamp(NOW, datetime.UTC),
        )
        out.append((beat, NOW))
    return out


def expected_csv(rows: Sequence[tuple[str, str, str]] = EXPECTED) -> bytes:
    """IT's list as a French Excel export (semicolons, BOM)."""
    lines = ["Numéro de série;Utilisateur;Vague"]
    lines += [
        f'{serial};"{user.replace(chr(34), chr(34) * 2)}";{wave}'
        for serial, wave, user in rows
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def fixed(moment: float) -> Callable[[], float]:
    """A clock stopped at ``moment``."""
    return lambda: moment


def seed(
    store: Store,
    specs: Sequence[Spec] = SEED,
    expected: Sequence[tuple[str, str, str]] = EXPECTED,
) -> None:
    """Store the devices through the real ingest path, and IT's list."""
    for spec in specs:
        for event, received in events_of(spec):
            ingestor = Ingestor(
                store, ServerConfig(), devices=DEVICES, clock=fixed(received)
            )
            result = ingestor.process(batch([event]), "", PRINCIPAL)
            assert len(result.accepted) == 1, result
            # What the Graph check will do: Intune links each to the user.
            store.transaction(
                confirm_device,
                tid=TENANT,
                serial_hmac=event.device.serial_hmac,
                source=CONFIRMED_BY_GRAPH,
            )
    parsed = parse_expected(
        expected_csv(expected), key=KEY, waves=[w.id for w in WAVES], keep_users=True
    )
    assert parsed.problems == []
    store_expected(store, parsed.rows, clock=lambda: NOW - DAY)


# --- what the page must say -----------------------------------------------------


def wave_of(
    spec: Spec, expected: Sequence[tuple[str, str, str]] = EXPECTED
) -> str | None:
    listed = {s: w for s, w, _ in expected}
    return listed.get(spec.serial, spec.wave)


def figures(
    specs: Sequence[Spec],
    stale_days: int = 7,
    expected: Sequence[tuple[str, str, str]] = EXPECTED,
) -> dict[str, int]:
    """The summary figures, computed from the seed independently of the code."""
    reported = {s.serial for s in specs}
    states = Counter(s.state for s in specs)
    out = {f"total-state-{state}": states[state] for state in STATES}
    out["total-devices"] = len(specs)
    out["total-still-legacy"] = sum(1 for s in specs if s.still is not False)
    out["total-safe"] = sum(1 for s in specs if s.still is False and s.in_intune)
    out["total-expected"] = len(expected)
    out["total-never-ran"] = sum(1 for s, _, _ in expected if s not in reported)
    out["total-stale"] = sum(
        1 for s in specs if s.state != "succeeded" and s.age > stale_days
    )
    # The seed confirms every device (as the Graph check will), with no limit.
    out["total-unconfirmed"] = 0
    out["total-flagged-users"] = 0
    return out


def wave_rows(
    specs: Sequence[Spec], expected: Sequence[tuple[str, str, str]] = EXPECTED
) -> dict[str, dict[str, str | None]]:
    """The waves table's data-values."""
    reported = {s.serial for s in specs}
    today = datetime.datetime.fromtimestamp(NOW, datetime.UTC).date()
    rows: dict[str, dict[str, str | None]] = {}
    keys = [w.id for w in WAVES] + sorted(
        {
            w
            for s in specs
            if (w := wave_of(s, expected)) and w not in {x.id for x in WAVES}
        }
    )
    if any(wave_of(s, expected) is None for s in specs):
        keys.append("")
    for key in keys:
        mine = [s for s in specs if (wave_of(s, expected) or "") == key]
        listed = [s for s, w, _ in expected if w == key]
        never = [s for s in listed if s not in reported]
        not_left = sum(1 for s in mine if s.still is not False)
        not_intune = sum(1 for s in mine if not s.in_intune)
        config = next((w for w in WAVES if w.id == key), None)
        ready: str | None = "2" if not (not_left or not_intune or never) else "1"
        if key == "":
            ready = None  # no wave, nothing to switch off
        row: dict[str, str | None] = {
            "reporting": str(len(mine)),
            "expected": str(len(listed)),
            "never_ran": str(len(never)),
            "not_left": str(not_left),
            "not_intune": str(not_intune),
            "ready": ready,
        }
        if config is not None:
            row["days_left"] = str((config.lockout_date - today).days)
            row["lockout"] = config.lockout_date.isoformat()
        rows[key] = row
    return rows


class Page(html.parser.HTMLParser):
    """The figures and tables of a dashboard page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.data: dict[str, int] = {}
        self.tables: dict[str, list[tuple[str, dict[str, str | None]]]] = {}
        self.attrs_seen: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.lang = ""
        self._table: str | None = None
        self._in_body = False
        self.feed(text)

    def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.attrs_seen.append((name, found))
        if name == "html":
            self.lang = found.get("lang") or ""
        if name == "data" and found.get("id"):
            self.data[str(found["id"])] = int(str(found["value"]))
        if name == "table" and found.get("data-table"):
            self._table = str(found["data-table"])
            self.tables[self._table] = []
        if name == "tbody":
            self._in_body = True
        if name == "tr" and self._in_body and self._table:
            self.tables[self._table].append((str(found.get("data-key")), {}))
        if name == "td" and self._table and self.tables[self._table]:
            self.tables[self._table][-1][1][str(found["data-col"])] = found.get(
                "data-value"
            )

    def handle_endtag(self, name: str) -> None:
        if name == "tbody":
            self._in_body = False
        if name == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())

    def rows(self, table: str) -> dict[str, dict[str, str | None]]:
        return dict(self.tables[table])

    def keys(self, table: str) -> list[str]:
        return [k for k, _ in self.tables[table]]


# --- fixtures ---------------------------------------------------------------------


@contextlib.contextmanager
def serving(
    store: Store, config: Config, certs: Certs, keys: Keys, **options: Any
) -> Iterator[Running]:
    """:func:`start_collector` as a ``with`` block."""
    yield from start_collector(store, config, certs, keys, **options)


def dashboard_config(
    store: Store, jwks: JwksServer, certs: Certs, **changes: Any
) -> Config:
    settings = msgspec.structs.replace(SETTINGS, **changes)
    return msgspec.structs.replace(
        make_config(store.display_url, jwks, certs),
        extensions={"dashboard": settings},
    )


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> Iterator[Running]:
    """The seed, served with the clock at NOW (read-only: one per backend)."""
    store, _ = open_backend(
        str(request.param), tmp_path_factory.mktemp("dashboard"), request
    )
    try:
        migrate(store)
        seed(store)
        config = dashboard_config(store, jwks, certs)
        yield from start_collector(store, config, certs, keys, clock=lambda: NOW)
    finally:
        store.close()


def page(running: Running, **params: Any) -> Page:
    response = running.get("/dashboard", **params)
    assert response.status_code == 200, response.text
    return Page(response.text)


# --- the figures ------------------------------------------------------------------


def test_the_figures_match_the_data(seeded: Running) -> None:
    found = page(seeded)
    assert {k: v for k, v in found.data.items() if k.startswith("total-")} == figures(
        SEED
    )
    waves = found.rows("waves")
    assert found.keys("waves") == ["wave-01", "wave-02", "wave-03", "wave-99", ""]
    for key, want in wave_rows(SEED).items():
        got = waves[key]
        assert {k: got[k] for k in want} == want, key
    assert waves["wave-01"]["ready"] == "2"  # yes
    assert waves["wave-99"]["days_left"] is None  # not configured: no date
    states = found.rows("wave-states")
    assert states["wave-02"]["state_failed"] == "1"
    assert states["wave-02"]["total"] == "5"  # A1 moved in by IT's list
    vendors = found.rows("vendors")
    assert vendors["ivanti"]["total"] == "2"
    assert vendors["ivanti"]["unknown"] == "1"
    assert vendors[""]["total"] == "1"  # N1: no legacy vendor
    systems = found.rows("os")
    assert {k: v["total"] for k, v in systems.items()} == {
        "windows": "8",
        "macos": "4",
        "linux": "1",
    }
    errors = found.rows("errors")
    assert found.keys("errors") == ["0x80180014", "legacy-still-present"]
    assert errors["0x80180014"]["total"] == "2"
    assert errors["0x80180014"]["share"] == "666"  # per mille of failed+blocked
    stale = found.tables["stale"]
    assert [device["state"] for _, device in stale] == [
        "failed",  # B1, 20 days
        "in-progress",  # A5, 12 days, despite today's heartbeat
        "not-started",  # B2, 9 days since its first report
    ]
    assert [device["idle"] for _, device in stale] == ["20", "12", "9"]
    never = found.rows("never-ran")
    assert set(never) == {h(s) for s in ("X1", "X2", "X3")}
    # The most urgent first: wave-03's date has passed.
    assert found.keys("never-ran")[0] == h("X3")
    assert never[h("X3")]["days_left"] == "-7"


def test_stale_days_is_a_parameter(seeded: Running) -> None:
    assert (
        page(seeded, stale_days=10).data["total-stale"]
        == figures(SEED, 10)["total-stale"]
        == 2
    )
    assert page(seeded, stale_days=30).data["total-stale"] == 0
    # "²".isdigit() is True, but int() refuses it: a 400, not a 500.
    for bad in ("0", "x", "99999", "\u00b2"):
        for path in ("/dashboard", "/dashboard/csv/stale"):
            response = seeded.get(path, stale_days=bad)
            assert response.status_code == 400, (path, bad)
            assert response.json()["code"] == "bad-query"


def test_english_and_french(seeded: Running) -> None:
    english = seeded.client.get(
        f"{seeded.url}/dashboard",
        headers={
            "Authorization": f"Bearer {seeded.keys.reader()}",
            "Accept-Language": "de-DE, en;q=0.5, fr;q=0.4",
        },
    )
    assert english.headers["content-language"] == "en"
    en = Page(english.text)
    assert en.lang == "en"
    assert "Waves" in en.texts
    assert "June 15, 2026" in en.texts
    assert "in 8 days" in en.texts
    assert "7 days ago" in en.texts
    french = seeded.client.get(
        f"{seeded.url}/dashboard",
        headers={
            "Authorization": f"Bearer {seeded.keys.reader()}",
            "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.8",
        },
    )
    fr = Page(french.text)
    assert fr.lang == "fr"
    assert french.headers["content-language"] == "fr"
    assert "Vagues" in fr.texts
    assert "15 juin 2026" in fr.texts
    assert "dans 8 jours" in fr.texts
    assert "il y a 7 jours" in fr.texts
    assert fr.data == en.data  # the same figures
    # ?lang= wins over the header; the switch link keeps the other parameters.
    forced = page(seeded, lang="en", stale_days=10)
    assert forced.lang == "en"
    switch = next(a for n, a in forced.attrs_seen if a.get("id") == "switch-language")
    assert "lang=fr" in str(switch["href"])
    assert "stale_days=10" in str(switch["href"])


def test_server_side_sort(seeded: Running) -> None:
    found = page(seeded, sort=["waves:days_left:desc", "os:total"])
    assert found.keys("waves") == ["wave-02", "wave-01", "wave-03", "wave-99", ""]
    assert found.keys("os") == ["linux", "macos", "windows"]
    header = [
        a
        for n, a in found.attrs_seen
        if n == "th" and a.get("aria-sort") == "descending"
    ]
    assert len(header) == 1
    assert seeded.get("/dashboard", sort="waves").status_code == 400
    assert seeded.get("/dashboard", nope="1").status_code == 400


def test_csv_tables(seeded: Running) -> None:
    def rows(path: str, **params: Any) -> list[dict[str, str]]:
        response = seeded.get(path, **params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        return list(csv.DictReader(io.StringIO(response.text)))

    waves = {r["wave"]: r for r in rows("/dashboard/csv/waves")}
    for key, want in wave_rows(SEED).items():
        assert waves[key]["reporting"] == want["reporting"]
        assert waves[key]["never_ran"] == want["never_ran"]
    assert waves["wave-03"]["days_left"] == "-7"  # a number, not a formula guard
    assert waves["wave-01"]["ready"] == "yes"
    never = rows("/dashboard/csv/never-ran")
    assert {r["serial_hmac"] for r in never} == {h(s) for s in ("X1", "X2", "X3")}
    assert {r["user_name"] for r in never} >= {"ivy", "kim"}  # opted in here
    assert [r["lockout_date"] for r in never if r["user_name"] == "kim"] == [
        "2026-05-31"
    ]
    stale = rows("/dashboard/csv/stale", stale_days="10")
    assert sorted(r["idle_days"] for r in stale) == ["12", "20"]
    ready = rows("/dashboard/csv/ready", wave="wave-01")
    assert sorted(r["serial_hmac"] for r in ready) == sorted(
        h(s) for s in ("P1", "P2", "P3")
    )
    everything = rows("/dashboard/csv/ready")
    assert len(everything) == figures(SEED)["total-safe"]
    assert seeded.get("/dashboard/csv/nope").status_code == 404
    assert seeded.get("/dashboard/csv/waves", wave="x").status_code == 400


def test_headers_escaping_and_no_external_resources(seeded: Running) -> None:
    response = seeded.get("/dashboard")
    assert response.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    text = response.text
    # IT's list is untrusted too: the user name arrives escaped.
    assert EVIL_USER not in text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;" in text
    found = Page(text)
    for name, attrs in found.attrs_seen:
        assert "style" not in attrs
        assert not any(a.startswith("on") for a in attrs), (name, attrs)
        for link in ("href", "src", "action"):
            value = attrs.get(link)
            if value is not None:
                assert value.startswith(("/", "#", "?")), value
        if name == "script":
            assert attrs.get("src", "").startswith("/dashboard/static/")  # type: ignore[union-attr]
    css = seeded.client.get(f"{seeded.url}/dashboard/static/dashboard.css")
    assert css.status_code == 200  # no data, no token needed
    assert css.headers["content-type"].startswith("text/css")
    assert "url(" not in css.text  # no fonts or images from elsewhere
    assert seeded.client.get(f"{seeded.url}/dashboard/static/x.js").status_code == 404


def test_the_dashboard_needs_the_read_role(seeded: Running) -> None:
    missing = seeded.client.get(f"{seeded.url}/dashboard")
    assert missing.status_code == 401
    assert missing.headers["content-type"] == "application/problem+json"
    helper = seeded.get("/dashboard", token=seeded.keys.mint())
    assert helper.status_code == 403
    assert helper.json()["code"] == "role-missing"
    assert (
        seeded.get("/dashboard/csv/waves", token=seeded.keys.mint()).status_code == 403
    )


# --- uploads ----------------------------------------------------------------------


@pytest.fixture
def fresh(
    store: Store, jwks: JwksServer, certs: Certs, keys: Keys
) -> Iterator[Running]:
    """An empty collector with the dashboard (both backends)."""
    config = dashboard_config(store, jwks, certs, store_expected_users=False)
    yield from start_collector(store, config, certs, keys, clock=lambda: NOW)


def csrf_of(running: Running) -> str:
    text = running.get("/dashboard").text
    match = re.search(r'name="csrf" value="([^"]+)"', text)
    assert match is not None
    return match.group(1)


def multipart(fields: dict[str, str], file: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    out.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="export.csv"\r\nContent-Type: text/csv\r\n\r\n'.encode()
        + file
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def upload(
    running: Running,
    path: str,
    fields: dict[str, str],
    file: bytes,
    **headers: str,
) -> Any:
    body, content_type = multipart(fields, file)
    return running.client.post(
        f"{running.url}{path}",
        content=body,
        headers={
            "Authorization": f"Bearer {running.keys.reader()}",
            "Content-Type": content_type,
            **headers,
        },
    )


def test_upload_the_device_list(fresh: Running) -> None:
    token = csrf_of(fresh)
    data = expected_csv() + b"X9;zed;wave-42\r\n;nobody;wave-01\r\n"
    response = upload(
        fresh,
        "/dashboard/expected?lang=fr",
        {"csrf": token, "mode": "replace", "wave": ""},
        data,
        **{"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 200, response.text
    result = Page(response.text)
    assert result.lang == "fr"
    assert result.data["result-imported"] == len(EXPECTED)
    assert result.data["result-problems"] == 2
    assert result.data["result-total"] == len(EXPECTED)
    problems = result.rows("problems")
    assert {k: v["problem"] for k, v in problems.items()} == {
        str(len(EXPECTED) + 2): "wave-unknown",
        str(len(EXPECTED) + 3): "serial-missing",
    }
    assert "vague absente de dashboard.waves" in result.texts
    after = page(fresh)
    assert after.data["total-expected"] == len(EXPECTED)
    assert after.data["total-never-ran"] == len(EXPECTED)
    # store_expected_users is off: the names were read past.
    assert "ivy" not in fresh.get("/dashboard/csv/never-ran").text
    # The missing devices of a file, serials included, nothing stored.
    seed_one = Ingestor(fresh.store, ServerConfig(), clock=lambda: NOW)
    seed_one.process(batch([make_event(serial="P1")]), "", PRINCIPAL)
    missing = upload(fresh, "/dashboard/expected/missing.csv", {"csrf": token}, data)
    assert missing.status_code == 200
    listed = list(csv.DictReader(io.StringIO(missing.text)))
    assert "P1" not in {r["serial_number"] for r in listed}
    assert {"P2", "X1"} <= {r["serial_number"] for r in listed}
    assert page(fresh).data["total-expected"] == len(EXPECTED)


def test_uploads_need_a_fresh_same_origin_token(fresh: Running) -> None:
    token = csrf_of(fresh)
    data = expected_csv()
    for fields, headers in (
        ({}, {}),
        ({"csrf": "1.abc"}, {}),
        ({"csrf": token}, {"Sec-Fetch-Site": "cross-site"}),
        ({"csrf": token}, {"Origin": "https://evil.example"}),
    ):
        response = upload(fresh, "/dashboard/expected", fields, data, **headers)
        assert response.status_code == 403, (fields, headers)
        assert 'data-code="csrf"' in response.text
    other = fresh.keys.reader(oid="00000000-0000-4000-8000-0000000000ff")
    body, content_type = multipart({"csrf": token}, data)
    stolen = fresh.client.post(
        f"{fresh.url}/dashboard/expected",
        content=body,
        headers={"Authorization": f"Bearer {other}", "Content-Type": content_type},
    )
    assert stolen.status_code == 403  # bound to the user it was made for
    assert page(fresh).data["total-expected"] == 0
    bad = upload(fresh, "/dashboard/expected", {"csrf": token}, b"PK\x03\x04xlsx")
    assert bad.status_code == 400
    assert 'data-code="not-text"' in bad.text


def test_without_a_key_there_is_no_upload(
    store: Store, jwks: JwksServer, certs: Certs, keys: Keys
) -> None:
    config = dashboard_config(store, jwks, certs, serial_hmac_key="")
    with serving(store, config, certs, keys) as running:
        text = running.get("/dashboard").text
        assert 'name="csrf"' not in text
        assert "dashboard.serial_hmac_key" in text
        response = upload(running, "/dashboard/expected", {}, expected_csv())
        assert response.status_code == 409


def test_dev_mode_shows_the_banner(
    tmp_path: Path,
    request: pytest.FixtureRequest,
    jwks: JwksServer,
    certs: Certs,
    keys: Keys,
) -> None:
    store, _ = open_backend("sqlite", tmp_path, request)
    migrate(store)
    config = msgspec.structs.replace(dashboard_config(store, jwks, certs), dev=True)
    try:
        with serving(store, config, certs, keys) as running:
            found = page(running)
    finally:
        store.close()
    banner = [a for n, a in found.attrs_seen if a.get("id") == "dev-banner"]
    assert banner
    assert banner[0]["role"] == "alert"
    assert DEV_WARNING in found.texts


# --- units ------------------------------------------------------------------------


def test_every_message_has_both_languages() -> None:
    for key, texts in MESSAGES.items():
        assert set(texts) == {"en", "fr"}, key
        assert placeholders(texts["en"]) == placeholders(texts["fr"]), key


@pytest.mark.parametrize(
    ("query", "header", "expected"),
    [
        ("fr", "en", "fr"),
        (None, "fr-CA,en;q=0.8", "fr"),
        (None, "de,en-GB;q=0.7,fr;q=0.3", "en"),
        (None, "en;q=0.5,fr;q=0.5", "en"),
        (None, "fr;q=0,en;q=0.1", "en"),
        (None, "de", "fr"),
        (None, None, "fr"),
        ("xx", "en", "en"),
        (None, "fr;q=bogus", "fr"),
    ],
)
def test_language_negotiation(
    query: str | None, header: str | None, expected: str
) -> None:
    assert negotiate(query, header, "fr") == expected


def test_formats() -> None:
    en, fr = Words("en"), Words("fr")
    day = datetime.date(2026, 5, 1)
    assert (en.date(day), fr.date(day)) == ("May 1, 2026", "1er mai 2026")
    assert fr.date(datetime.date(2026, 8, 15)) == "15 août 2026"
    assert (en.number(1234567), fr.number(1234567)) == (
        "1,234,567",
        "1\u202f234\u202f567",
    )
    assert (en.percent(1, 3), fr.percent(1, 3)) == ("33.3%", "33,3\u00a0%")
    assert [fr.days_left(d) for d in (2, 1, 0, -1, -3)] == [
        "dans 2 jours",
        "dans 1 jour",
        "aujourd’hui",
        "il y a 1 jour",
        "il y a 3 jours",
    ]
    moment = datetime.datetime(2026, 6, 7, 9, 5, tzinfo=datetime.UTC)
    assert fr.moment(moment) == "7 juin 2026 à 09:05 UTC"
    assert en.moment(moment) == "June 7, 2026, 09:05 UTC"


def test_html_escapes_everything_but_markup() -> None:
    assert escape('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    built = tag("a", "<b>", Markup("<i>ok</i>"), href='"><script>', data_value=3)
    assert built == (
        '<a href="&quot;&gt;&lt;script&gt;" data-value="3">&lt;b&gt;<i>ok</i></a>'
    )
    with pytest.raises(ValueError, match="not an HTML name"):
        tag("a onclick", "x")


def test_multipart_reader() -> None:
    body, content_type = multipart({"csrf": "t", "mode": "merge"}, b"a\r\nb\xff\r\n")
    parts = parse_multipart(body, content_type)
    assert parts["csrf"] == (None, b"t")
    assert parts["file"] == ("export.csv", b"a\r\nb\xff\r\n")
    for bad_body, bad_type in (
        (body, "application/json"),
        (body, "multipart/form-data"),
        (body[:-10], content_type),
    ):
        with pytest.raises(ValueError):
            parse_multipart(bad_body, bad_type)


def test_settings_are_checked() -> None:
    from collector.config import ConfigError

    check(SETTINGS)
    for changes, key in (
        ({"serial_hmac_key": "short"}, "serial_hmac_key"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        (
            {
                "waves": (
                    WaveConfig(id="a b", enforcement_date=WAVES[0].enforcement_date),
                )
            },
            r"waves\[0\].id",
        ),
        ({"waves": (WAVES[0], WAVES[0])}, r"waves\[1\].id"),
        (
            {
                "waves": (
                    msgspec.structs.replace(
                        WAVES[0], conditional_access_date=datetime.date(2026, 1, 1)
                    ),
                )
            },
            r"waves\[0\].conditional_access_date",
        ),
    ):
        with pytest.raises(ConfigError, match=f"dashboard.{key}"):
            check(msgspec.structs.replace(SETTINGS, **changes))
