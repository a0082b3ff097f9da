# SPDX-License-Identifier: MIT
"""One helper per user: a second launch shows the first one's window and exits 0."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from helper import BUNDLE_ID
from ui import single_instance
from ui.single_instance import (
    SingleInstance,
    claim_single_instance,
    decode_message,
    encode_message,
    notify_running,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def name() -> str:
    """A socket name of its own per test (never the real helper's)."""
    return f"imh-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def first(qapp: QApplication, name: str) -> Iterator[SingleInstance]:
    instance = SingleInstance(name)
    assert instance.listen()
    yield instance
    instance.close()
    instance.deleteLater()


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


SECOND = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from ui.single_instance import claim_single_instance
    instance = claim_single_instance(sys.argv[2:], name=sys.argv[1])
    sys.exit(0 if instance is None else 3)
    """
)


def test_server_name_is_per_user() -> None:
    name = single_instance.server_name()
    assert name.startswith(BUNDLE_ID + ".")
    if hasattr(os, "getuid"):
        assert name.endswith(f".{os.getuid()}")
    # Short enough for a macOS $TMPDIR socket path (104 bytes in all).
    assert len(name) < 50


def test_messages_round_trip() -> None:
    raw = encode_message(["gui", "--lang", "fr", "é"])
    assert raw.endswith(b"\n") and raw.count(b"\n") == 1
    assert decode_message(raw.strip()) == ("show", ["gui", "--lang", "fr", "é"])
    for junk in (
        b"",
        b"\xff\xfe",
        b"[1, 2]",
        b'{"command": 3}',
        b'{"command": "show", "args": [1]}',
    ):
        assert decode_message(junk) is None


def test_second_launch_in_process_activates_the_first(
    first: SingleInstance, name: str, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(first.activated, timeout=5000) as blocker:
        # Both ends on one thread: nobody could answer, so no acknowledgement.
        assert notify_running(["gui", "--reminder"], name=name, wait_ack=False)
    assert blocker.args == [["gui", "--reminder"]]


def test_no_running_instance(qapp: QApplication, name: str) -> None:
    assert not notify_running([], name=name)


def test_malformed_message_is_ignored(
    first: SingleInstance, name: str, qtbot: QtBot
) -> None:
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(2000)
    with qtbot.assertNotEmitted(first.activated, wait=200):
        client.write(b"not json\n")
        client.flush()
        client.waitForBytesWritten(1000)
    client.disconnectFromServer()


def test_second_process_exits_0_and_the_first_shows(
    first: SingleInstance, name: str, qtbot: QtBot
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    first.attach(window)
    with qtbot.waitSignal(first.activated, timeout=15000) as blocker:
        child = subprocess.Popen(
            [sys.executable, "-c", SECOND, name, "gui", "--lang", "fr"],
            cwd=REPO,
            env=_env(),
        )
    assert child.wait(timeout=30) == 0
    assert blocker.args == [["gui", "--lang", "fr"]]
    assert window.isVisible()
    assert not window.isMinimized()


FIRST = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    from ui.single_instance import claim_single_instance
    instance = claim_single_instance([], name=sys.argv[1])
    if instance is None:
        sys.exit(5)
    window = QWidget()
    window.showMinimized()
    instance.attach(window)

    def shown(args):
        app.processEvents()
        visible = "visible" if window.isVisible() else "hidden"
        state = "minimized" if window.isMinimized() else "normal"
        print("activated", " ".join(args), visible, state, flush=True)
        app.quit()

    instance.activated.connect(shown)
    print("listening", flush=True)
    app.exec()
    """
)


def test_two_real_processes(name: str) -> None:
    first_process = subprocess.Popen(
        [sys.executable, "-c", FIRST, name],
        cwd=REPO,
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first_process.stdout is not None
        assert first_process.stdout.readline().strip() == "listening"
        second = subprocess.run(
            [sys.executable, "-c", SECOND, name, "--reminder"],
            cwd=REPO,
            env=_env(),
            timeout=30,
            check=False,
        )
        assert second.returncode == 0
        out, _ = first_process.communicate(timeout=30)
        assert out.strip() == "activated --reminder visible normal"
        assert first_process.returncode == 0
    finally:
        if first_process.poll() is None:
            first_process.kill()
            first_process.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind")
def test_stale_socket_after_a_crash_is_removed(qapp: QApplication, name: str) -> None:
    path = Path(QDir.tempPath()) / name
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # what a killed helper leaves: a socket file nobody listens on
    assert path.exists()
    instance = claim_single_instance([], name=name)
    try:
        assert instance is not None
        assert instance.listening
    finally:
        if instance is not None:
            instance.close()
    assert not path.exists()


def test_bring_forward_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    single_instance.bring_forward(window)
    assert window.isVisible()
    assert not window.isMinimized()
