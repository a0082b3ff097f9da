# SPDX-License-Identifier: MIT
"""Real parts for the collector tests and the bench (no pytest imports here).

- :class:`Certs`: a trustme CA and a ``localhost``/``127.0.0.1`` certificate
  written to files (uvicorn wants files), plus a client context trusting only
  that CA (never ``SSL_CERT_FILE`` or ``REQUESTS_CA_BUNDLE``: ci-recipes §2).
- :class:`Keys` and :class:`JwksServer`: RSA signing keys and an HTTPS JWKS
  endpoint on loopback that ``PyJWKClient`` fetches for real; :meth:`Keys.mint`
  makes Entra-shaped access tokens (and the forged ones the tests refuse).
- :class:`PostgresCluster`: a throwaway PostgreSQL (initdb + pg_ctl) in a temp
  folder on a free loopback port, run as the ``postgres`` user when we are root
  (the server refuses to run as root).
- :class:`CollectorServer`: uvicorn serving an app over HTTPS in a thread.
- :func:`make_event`: a valid ``migration-status/1`` event (the helper's model).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
import trustme
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from helper.report.event import (
    App,
    Device,
    EventType,
    LegacyStatus,
    OverallState,
    StatusEvent,
    StepStatus,
)
from helper.report.event import serial_hmac as event_serial_hmac

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
OTHER_TENANT = "00000000-1111-2222-3333-444444444444"
USER = "9a1b2c3d-0000-4000-8000-00000000a11c"
HELPER_CLIENT = "66666666-7777-8888-9999-000000000000"
READER_CLIENT = "12121212-3434-5656-7878-909090909090"
AUDIENCE = "c0ffee00-aaaa-bbbb-cccc-0123456789ab"
ISSUER = "https://login.microsoftonline.com/{tid}/v2.0"
ISSUER_V1 = "https://sts.windows.net/{tid}/"
JWKS_PATH = "/common/discovery/v2.0/keys"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- TLS ------------------------------------------------------------------------


class Certs:
    """A test CA and a server certificate, as files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ca = trustme.CA()
        cert = self.ca.issue_cert("localhost", "127.0.0.1")
        self.ca_file = folder / "ca.pem"
        self.cert_file = folder / "server.pem"
        self.key_file = folder / "server.key"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        cert.private_key_pem.write_to_path(str(self.key_file))
        with self.cert_file.open("wb") as f:
            for blob in cert.cert_chain_pems:
                f.write(blob.bytes())
        self._cert = cert

    def client_context(self) -> ssl.SSLContext:
        """Verifies certificates and host names against the test CA only."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.ca.configure_trust(context)
        return context

    def server_context(self) -> ssl.SSLContext:
        """A server context with the test certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._cert.configure_cert(context)
        return context


# --- keys and tokens ------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Keys:
    """RSA signing keys by ``kid``; :meth:`jwks` publishes the public halves of
    the ``published`` ones."""

    def __init__(self, kids: Sequence[str] = ("key-1", "key-2")) -> None:
        self.private: dict[str, rsa.RSAPrivateKey] = {
            kid: rsa.generate_private_key(public_exponent=65537, key_size=2048)
            for kid in kids
        }
        self.published: list[str] = list(kids)
        self._lock = threading.Lock()

    def add(self, kid: str, *, publish: bool) -> None:
        """A new key (key rollover), published or not."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with self._lock:
            self.private[kid] = key
            if publish:
                self.published.append(kid)

    def publish(self, kid: str) -> None:
        """Start publishing a key (rollover on the authority's side)."""
        with self._lock:
            if kid not in self.published:
                self.published.append(kid)

    def public_pem(self, kid: str) -> bytes:
        """The public key in PEM (what an attacker uses as an HMAC secret)."""
        return (
            self.private[kid]
            .public_key()
            .public_bytes(
                serialization.Encoding.PEM,
                serialization.PublicFormat.SubjectPublicKeyInfo,
            )
        )

    def jwks(self) -> dict[str, Any]:
        """The JWKS document, Entra-shaped (kty, use, kid, x5t, n, e)."""
        keys = []
        with self._lock:
            kids = list(self.published)
        for kid in kids:
            data = json.loads(
                jwt.algorithms.RSAAlgorithm.to_jwk(self.private[kid].public_key())
            )
            data.update({"kid": kid, "use": "sig", "x5t": kid})
            keys.append(data)
        return {"keys": keys}

    def claims(self, **overrides: Any) -> dict[str, Any]:
        """A delegated v2 token's claims for the helper, with overrides (a None
        value removes the claim)."""
        now = int(time.time())
        tid = overrides.get("tid", TENANT)
        claims: dict[str, Any] = {
            "aud": AUDIENCE,
            "iss": ISSUER.replace("{tid}", str(tid)),
            "iat": now - 60,
            "nbf": now - 60,
            "exp": now + 3600,
            "tid": tid,
            "oid": USER,
            "azp": HELPER_CLIENT,
            "azpacr": "0",
            "scp": "Migration.Report",
            "ver": "2.0",
            "name": "Alice",
            "preferred_username": "alice@contoso.example",
        }
        for key, value in overrides.items():
            if value is None:
                claims.pop(key, None)
            else:
                claims[key] = value
        return claims

    def mint(self, *, kid: str = "key-1", **overrides: Any) -> str:
        """An RS256 token signed with key ``kid``."""
        return jwt.encode(
            self.claims(**overrides),
            self.private[kid],
            algorithm="RS256",
            headers={"kid": kid, "typ": "JWT"},
        )

    def reader(self, **overrides: Any) -> str:
        """A token for IT reads: the Migration.Read app role."""
        values: dict[str, Any] = {
            "azp": READER_CLIENT,
            "scp": None,
            "roles": ["Migration.Read"],
        }
        values.update(overrides)
        return self.mint(**values)

    def unsigned(self, **overrides: Any) -> str:
        """``alg: none``: no signature at all."""
        header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
        body = _b64(json.dumps(self.claims(**overrides)).encode())
        return f"{header}.{body}."

    def hs256_with_public_key(self, kid: str = "key-1", **overrides: Any) -> str:
        """Algorithm confusion: HMAC-SHA256 keyed with our *public* key."""
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": kid}).encode())
        body = _b64(json.dumps(self.claims(**overrides)).encode())
        signing_input = f"{header}.{body}".encode()
        signature = hmac.new(self.public_pem(kid), signing_input, hashlib.sha256)
        return f"{header}.{body}.{_b64(signature.digest())}"


class JwksServer:
    """Serves ``keys.jwks()`` at :data:`JWKS_PATH` over HTTPS on 127.0.0.1.

    Attributes:
        requests: how many times the JWKS was fetched.
        fail: answer 503 instead (the authority is down).
    """

    def __init__(self, keys: Keys, certs: Certs) -> None:
        self.keys = keys
        self.requests = 0
        self.fail = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests += 1
                if self.path != JWKS_PATH or server.fail:
                    self.send_error(503 if server.fail else 404)
                    return
                body = json.dumps(server.keys.jwks()).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        context = certs.server_context()
        self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)
        self.port = self._httpd.server_address[1]
        self.url = f"https://localhost:{self.port}{JWKS_PATH}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()

    def close(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


# --- PostgreSQL -----------------------------------------------------------------


def postgres_bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl/postgres (``$COLLECTOR_TEST_PG_BIN``, Debian's
    newest ``/usr/lib/postgresql/*/bin``, or PATH), or None."""
    given = os.environ.get("COLLECTOR_TEST_PG_BIN")
    candidates = [Path(given)] if given else []
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += debian
    which = shutil.which("pg_ctl")
    if which:
        candidates.append(Path(which).parent)
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here (the reason says why)."""


class PostgresCluster:
    """A throwaway PostgreSQL server on 127.0.0.1 (TCP) with its socket in the
    temp folder.

    Args:
        durable: keep fsync and synchronous commits (the bench); tests turn them
            off, which changes nothing they check and saves time.
        folder: a folder kept between runs (the dashboard bench caches its
            10-million-event database there); None: a temporary folder,
            deleted on stop.
    """

    def __init__(self, *, durable: bool = False, folder: Path | None = None) -> None:
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise PostgresUnavailable(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; "
                "install Debian's postgresql or set COLLECTOR_TEST_PG_BIN"
            )
        self.bin_dir = bin_dir
        self.durable = durable
        self._prefix: list[str] = []
        self._owner: tuple[int, int] | None = None
        if os.geteuid() == 0:
            # postgres refuses to run as root: run it as the postgres user.
            try:
                entry = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable(
                    "running as root and there is no postgres user to run the server as"
                ) from None
            runuser = shutil.which("runuser")
            if runuser is None:
                raise PostgresUnavailable("running as root and runuser is missing")
            self._prefix = [runuser, "-u", "postgres", "--"]
            self._owner = (entry.pw_uid, entry.pw_gid)
        self.keep = folder is not None
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="collector-pg-"))
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.data = self.folder / "data"
        self.port = 0
        self._started = False
        self._databases = 0

    def _run(self, *argv: str) -> None:
        result = subprocess.run(
            [*self._prefix, *argv],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            cwd=self.folder,
        )
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{Path(argv[0]).name} failed ({result.returncode}): "
                + (result.stderr or result.stdout).strip()[-800:]
            )

    def start(self) -> None:
        """initdb (unless a kept folder has its data), then start the server and
        wait until it accepts connections."""
        if self._owner is not None:
            os.chown(self.folder, *self._owner)
        os.chmod(self.folder, 0o700)
        if not (self.data / "PG_VERSION").exists():
            self._init()
        self.port = free_port()
        self._launch()

    def _init(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )

    def _launch(self) -> None:
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={self.port}",
            f"-c unix_socket_directories={self.folder}",
            "-c max_connections=200",
        ]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off"]
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            " ".join(options),
            "-w",
            "-t",
            "60",
            "start",
        )
        self._started = True

    @property
    def cached(self) -> bool:
        """True when a kept folder already held a cluster before this run."""
        return self.keep and (self.folder / "ready").exists()

    def mark_ready(self) -> None:
        """Record that a kept folder's databases are complete (see :attr:`cached`)."""
        (self.folder / "ready").touch()

    def url(self, database: str = "postgres") -> str:
        """A libpq URL for ``database`` (trust authentication, no password)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        self._databases += 1
        name = f"collector_{os.getpid()}_{self._databases}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast) and delete its folder."""
        try:
            if self._started:
                self._run(
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                )
        finally:
            self._started = False
            if not self.keep:
                shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def postgres_cluster(*, durable: bool = False) -> Iterator[PostgresCluster]:
    """A started :class:`PostgresCluster`, stopped afterwards."""
    cluster = PostgresCluster(durable=durable)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


# --- processes --------------------------------------------------------------------


def stop_process(process: subprocess.Popen[Any], wait: float = 15) -> None:
    """SIGINT (a graceful stop), SIGKILL after ``wait`` seconds; its pipes closed."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def wait_healthy(
    url: str,
    process: subprocess.Popen[Any],
    *,
    verify: ssl.SSLContext | bool = True,
    seconds: float = 20,
) -> None:
    """Until ``url``/healthz answers 200 (the collector process must not exit)."""
    import httpx

    deadline = time.monotonic() + seconds
    with httpx.Client(verify=verify) as client:
        while time.monotonic() < deadline:
            assert process.poll() is None, "the collector exited"
            try:
                if client.get(f"{url}/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise AssertionError("the collector did not come up")


# --- the collector in a thread --------------------------------------------------


class CollectorServer:
    """uvicorn serving ``app`` over HTTPS on 127.0.0.1 in a thread.

    Attributes:
        url: ``https://127.0.0.1:PORT`` (the certificate names the IP).
    """

    def __init__(self, app: Any, certs: Certs) -> None:
        import uvicorn

        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            log_config=None,
            access_log=False,
            ws="none",
            lifespan="on",
            ssl_certfile=str(certs.cert_file),
            ssl_keyfile=str(certs.key_file),
            timeout_graceful_shutdown=5,
        )
        self.server = uvicorn.Server(config)
        self.exit_code: object = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.server.run(sockets=[self._sock])
        except SystemExit as exc:
            # uvicorn exits (3) when the app's start-up fails: report it from
            # start(), not as an exception in a thread.
            self.exit_code = exc.code

    def start(self) -> CollectorServer:
        """Start and wait until it serves (or fail)."""
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"the collector did not start ({self.exit_code})")
            time.sleep(0.01)
        return self

    def close(self) -> None:
        """Ask uvicorn to exit and wait for it."""
        self.server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(15)
        self._sock.close()


# --- events ---------------------------------------------------------------------


SERIAL_KEY = "k" * 32


def serial_hmac(serial: str) -> str:
    """A serial identity as the collector makes it (test key)."""
    value = event_serial_hmac(serial, SERIAL_KEY)
    assert value is not None
    return value


def make_event(
    *,
    seq: int = 1,
    event_type: EventType = "started",
    overall: OverallState = "in-progress",
    wave: str | None = "wave-01",
    serial: str | None = "SERIAL-0001",
    os_family: str = "windows",
    vendor: str | None = "workspace-one",
    still_enrolled: bool | None = True,
    event_id: str | None = None,
    when: datetime.datetime | None = None,
    code: str | None = None,
    steps: int = 3,
) -> StatusEvent:
    """A valid ``migration-status/1`` event (about 1 KB of JSON)."""
    moment = when or datetime.datetime(2026, 5, 4, 9, 12, 33, tzinfo=datetime.UTC)
    return StatusEvent(
        schema="migration-status/1",
        event_id=event_id or str(uuid.uuid4()),
        device_seq=seq,
        event_time_utc=moment,
        event_type=event_type,
        campaign_id="emm-exit-2026",
        wave_id=wave,
        journey_id=str(uuid.UUID(int=seq % 7 + 1)),
        journey_path="leave-then-join",
        stage="leave-legacy",
        step="ws1-uninstall-hub",
        code=code,
        started_utc=moment,
        device=Device(
            os_family=os_family,  # type: ignore[arg-type]
            os_version="10.0.26100",
            arch="x64",
            entra_device_id=None,
            serial_hmac=serial_hmac(serial) if serial else None,
            join_type="hybrid-joined",
        ),
        legacy=LegacyStatus(vendor=vendor, still_enrolled=still_enrolled)
        if vendor or still_enrolled is not None
        else None,
        stages=[StepStatus(id="confirm-left", state="done", at=moment)],
        steps=[
            StepStatus(id=f"step-{i}", state="done" if i < steps - 1 else "running")
            for i in range(steps)
        ],
        current_stage="leave-legacy",
        overall_state=overall,
        app=App(version="1.4.2"),
    )
