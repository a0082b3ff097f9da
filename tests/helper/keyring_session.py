# SPDX-License-Identifier: MIT
"""A real Secret Service for tests: gnome-keyring in a private D-Bus session.

ci-recipes §6, recipe B. :class:`SecretServiceSession` starts

- ``dbus-daemon --nofork --print-address=1`` with a minimal session config of its
  own: no service directories, so nothing is ever D-Bus-activated behind our
  back (the stock session config would spawn a second gnome-keyring, or
  gcr-prompter, that no one would stop), and no fd-limit noise;
- ``gnome-keyring-daemon --foreground --unlock --components=secrets`` with the
  password on stdin, a fresh ``XDG_DATA_HOME`` (a new "login" keyring, unlocked)
  and a fresh ``XDG_RUNTIME_DIR``. ``--foreground`` keeps it our child, so
  teardown stops it by its process id and waits for it.

Both run once per test run (:func:`secret_service_session`, session scope); each
test that asks for :func:`secret_service` gets ``DBUS_SESSION_BUS_ADDRESS`` and
the XDG variables through ``monkeypatch``, so other tests never see the bus.
Skipped with a reason when the programs are missing (``make test`` installs
them on Debian: gnome-keyring, libsecret-tools, dbus-daemon).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import IO, Any

import pytest

SECRETS_NAME = "org.freedesktop.secrets"
PASSWORD = "ci-keyring-pass"

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={socket_dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

REQUIRED_PROGRAMS = ("dbus-daemon", "gnome-keyring-daemon", "secret-tool")


def missing_programs() -> list[str]:
    """The programs this fixture needs that are not on PATH."""
    return [name for name in REQUIRED_PROGRAMS if shutil.which(name) is None]


class SecretServiceSession:
    """A private D-Bus session bus with an unlocked gnome-keyring on it."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="secret-service-")
        root = Path(self._tmp.name)
        self.data_home = root / "data"
        self.runtime_dir = root / "run"
        self._socket_dir = root / "bus"
        for folder in (self.data_home, self.runtime_dir, self._socket_dir):
            folder.mkdir(mode=0o700)
        self._config = root / "bus.conf"
        self._config.write_text(_BUS_CONFIG.format(socket_dir=self._socket_dir))
        self._log: IO[bytes] = (root / "daemons.log").open("wb")
        self.address = ""
        self._bus: subprocess.Popen[bytes] | None = None
        self._keyring: subprocess.Popen[bytes] | None = None

    @property
    def pids(self) -> list[int]:
        """Process ids of the two daemons (for leak checks)."""
        return [p.pid for p in (self._bus, self._keyring) if p is not None]

    def env(self) -> dict[str, str]:
        """The variables a client of this session needs."""
        return {
            "DBUS_SESSION_BUS_ADDRESS": self.address,
            "XDG_DATA_HOME": str(self.data_home),
            "XDG_RUNTIME_DIR": str(self.runtime_dir),
        }

    def start(self, timeout: float = 10.0) -> None:
        """Start both daemons and wait until the Secret Service answers."""
        self._bus = subprocess.Popen(
            [
                "dbus-daemon",
                f"--config-file={self._config}",
                "--nofork",
                "--print-address=1",
            ],
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        assert self._bus.stdout is not None
        self.address = self._bus.stdout.readline().decode().strip()
        if not self.address:
            raise RuntimeError("dbus-daemon printed no address")
        self._keyring = subprocess.Popen(
            [
                "gnome-keyring-daemon",
                "--foreground",
                "--unlock",
                "--components=secrets",
            ],
            stdin=subprocess.PIPE,
            stdout=self._log,
            stderr=self._log,
            env={**os.environ, **self.env()},
        )
        assert self._keyring.stdin is not None
        self._keyring.stdin.write(PASSWORD.encode())
        self._keyring.stdin.close()
        deadline = time.monotonic() + timeout
        while not self._name_has_owner(SECRETS_NAME):
            if self._keyring.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gnome-keyring-daemon did not join the bus")
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop the keyring daemon, then the bus; wait for both; remove files."""
        for process in (self._keyring, self._bus):
            if process is None:
                continue
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        if self._bus is not None and self._bus.stdout is not None:
            self._bus.stdout.close()
        self._log.close()
        self._tmp.cleanup()

    def lookup(self, service: str, username: str) -> str | None:
        """What ``secret-tool lookup service S username U`` prints (None: absent).

        A different client (libsecret, C) than the code under test (keyring,
        secretstorage, jeepney): proof the secret really is in the keyring.
        """
        result = subprocess.run(
            ["secret-tool", "lookup", "service", service, "username", username],
            env={**os.environ, **self.env()},
            capture_output=True,
            check=False,
            timeout=10,
        )
        return result.stdout.decode() if result.returncode == 0 else None

    def lock_collection(self) -> None:
        """Lock the default collection, as after a screen lock or a timeout.

        Unlocking needs a prompt, which nothing can show on this bus: keyring
        then sees the prompt dismissed. There is no way back without a prompter:
        use a session of your own (not the run-wide one) for this.
        """
        import secretstorage

        with closing(self._connect()) as connection:
            collection = secretstorage.get_default_collection(connection)
            collection.lock()

    def _connect(self) -> Any:
        from jeepney.io.blocking import (  # type: ignore[import-untyped]
            open_dbus_connection,
        )

        return open_dbus_connection(bus=self.address)

    def _name_has_owner(self, name: str) -> bool:
        from jeepney import DBus  # type: ignore[import-untyped]

        with closing(self._connect()) as connection:
            reply = connection.send_and_get_reply(DBus().NameHasOwner(name), timeout=2)
        return bool(reply.body[0])


@pytest.fixture(scope="session")
def secret_service_session() -> Iterator[SecretServiceSession]:
    """One private Secret Service for the whole run (started on first use)."""
    missing = missing_programs()
    if missing:
        pytest.skip(
            f"real Secret Service tests need {', '.join(missing)} "
            "(apt-get install gnome-keyring libsecret-tools dbus-daemon; "
            "make test does it)"
        )
    session = SecretServiceSession()
    try:
        session.start()
        yield session
    finally:
        session.stop()


@pytest.fixture
def secret_service(
    secret_service_session: SecretServiceSession, monkeypatch: pytest.MonkeyPatch
) -> SecretServiceSession:
    """The run's Secret Service, visible to this test only (environment)."""
    for name, value in secret_service_session.env().items():
        monkeypatch.setenv(name, value)
    return secret_service_session
