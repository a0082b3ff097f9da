# SPDX-License-Identifier: MIT
"""``intune-migration-collector serve --dev`` as a real process, for the trial
tests (collector, helper end to end, the OpenAPI contract).

:func:`dev_collector` starts it in a folder (by default an empty one: no
``init-db``, no configuration file), reads what it prints on stdout (the
dashboard URL, the one-time sign-in link and the helper's configuration) and
stops it with SIGINT.
"""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.collector.support import stop_process, wait_healthy

REPO = Path(__file__).resolve().parents[2]
COLLECTOR = REPO / ".venv" / "bin" / "intune-migration-collector"
_URL = re.compile(r"https?://\S+")


@dataclass
class DevCollector:
    """A running ``serve --dev``.

    Attributes:
        process: the collector process.
        banner: the lines it printed before serving.
        base_url: ``http://127.0.0.1:PORT`` (https with TLS files).
        dashboard: the dashboard's URL.
        login_link: the one-time sign-in link.
        helper_config: the helper's configuration block it printed (TOML).
        stderr: the JSON log lines read so far.
        verify: how a client checks its certificate (HTTPS).
    """

    process: subprocess.Popen[str]
    banner: list[str]
    base_url: str
    dashboard: str
    login_link: str
    helper_config: str
    stderr: list[str] = field(default_factory=list)
    verify: ssl.SSLContext | bool = True


def _command() -> list[str]:
    if COLLECTOR.exists():
        return [str(COLLECTOR)]
    return [sys.executable, "-m", "collector.cli"]


def _read_banner(process: subprocess.Popen[str], timeout: float) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    done = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("dev_unsigned_tokens"):
                break
        done.set()

    threading.Thread(target=read, daemon=True).start()
    if not done.wait(timeout):
        raise AssertionError(f"serve --dev printed no banner: {lines}")
    return lines


@contextmanager
def dev_collector(
    folder: Path,
    *args: str,
    env: dict[str, str] | None = None,
    verify: ssl.SSLContext | bool = True,
    timeout: float = 30.0,
) -> Iterator[DevCollector]:
    """``serve --dev --port 0 ARGS`` started in ``folder``, stopped afterwards.

    ``verify``: how the health probe checks an HTTPS collector's certificate.
    """
    environ = {k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")}
    environ.update(env or {})
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [*_command(), "serve", "--dev", "--port", "0", *args],
        cwd=folder,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr: list[str] = []

    def drain() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            stderr.append(line.rstrip("\n"))

    drainer = threading.Thread(target=drain, daemon=True)
    drainer.start()
    try:
        banner = _read_banner(process, timeout)
        dashboard = _url_after(banner, "dashboard:")
        login = next(
            m.group(0)
            for line in banner
            if (m := _URL.search(line)) and "/dev/login" in line
        )
        start = banner.index("[reporting]")
        helper_config = "\n".join(banner[start:]) + "\n"
        base = dashboard.removesuffix("/dashboard")
        running = DevCollector(
            process, banner, base, dashboard, login, helper_config, stderr, verify
        )
        wait_healthy(base, process, verify=verify)
        yield running
    finally:
        stop_process(process)
        drainer.join(5)


def _url_after(lines: Sequence[str], label: str) -> str:
    for line in lines:
        if line.strip().startswith(label):
            match = _URL.search(line)
            assert match is not None, line
            return match.group(0)
    raise AssertionError(f"no {label} line in {lines}")


def reader_token(folder: Path, config: Path | None = None) -> str:
    """``intune-migration-collector [--config FILE] dev-token --read`` run in
    ``folder``: a reader token for the collector started there."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("INTUNE_")}
    options = ["--config", str(config)] if config is not None else []
    return subprocess.run(
        [*_command(), *options, "dev-token", "--read"],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
