# SPDX-License-Identifier: MIT
"""One window per user: a second launch brings the first one forward.

The first instance listens on a local socket (:class:`QLocalServer`: a Unix
socket on Linux and macOS, a named pipe on Windows) whose name holds the
BUNDLE_ID and the user (uid, or a hash of the Windows domain and user name), so
two users of one machine each get their own helper. A second launch connects,
sends ``{"command": "show", "args": [...]}`` on one line, waits briefly for
``ok`` and exits 0; the first emits :attr:`SingleInstance.activated` and, with
:meth:`SingleInstance.attach`, raises its window.

After a crash the Unix socket file stays behind (a Windows named pipe vanishes
with its process): nobody answers on it, so it is
removed (:meth:`QLocalServer.removeServer`) and listened on again. Two
launches racing for it: the loser of ``listen`` checks once more for a live
first instance before removing anything.

Usage in ui/app.py::

    instance = claim_single_instance(argv)
    if instance is None:
        return 0                    # the running helper was told to show itself
    window = MainWindow(...)
    instance.attach(window)
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QByteArray, QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from helper import BUNDLE_ID

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS: Final = 500
ACK_TIMEOUT_MS: Final = 2000
MAX_MESSAGE: Final = 64 * 1024  # a line of arguments, never more
ACK: Final = b"ok\n"


def user_key() -> str:
    """Who runs the helper, as a short stable string.

    POSIX: the uid. Windows: a hash of ``USERDOMAIN\\USERNAME`` (pipe names are
    global to the machine; the SID would need ctypes, the account name is as
    unique for a session).
    """
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    account = f"{os.environ.get('USERDOMAIN', '')}\\{os.environ.get('USERNAME', '')}"
    return hashlib.sha256(account.lower().encode()).hexdigest()[:16]


def server_name() -> str:
    """The local socket name of this user's helper.

    Short on purpose: on macOS the socket lives in the per-user ``$TMPDIR``
    (about 50 characters) and a Unix socket path is limited to 104.
    """
    return f"{BUNDLE_ID}.{user_key()}"


def encode_message(args: Sequence[str], command: str = "show") -> bytes:
    """One line of JSON: what the second launch sends."""
    payload = {"command": command, "args": list(args)}
    return json.dumps(payload, ensure_ascii=True).encode("ascii") + b"\n"


def decode_message(raw: bytes) -> tuple[str, list[str]] | None:
    """``(command, args)`` from a line; None when it is not one of ours."""
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(payload, dict):
        return None
    command = payload.get("command")
    args = payload.get("args", [])
    if not isinstance(command, str) or not isinstance(args, list):
        return None
    if not all(isinstance(a, str) for a in args):
        return None
    return command, args


def bring_forward(window: QWidget) -> None:
    """Show ``window`` un-minimised, on top and focused (as far as the OS lets
    an application take the focus: Windows may only flash the task bar)."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized)
        | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()


def notify_running(
    args: Sequence[str],
    *,
    name: str | None = None,
    wait_ack: bool = True,
) -> bool:
    """Tell a running helper to show itself; False when none answers.

    Args:
        args: this launch's arguments (the running helper may use them).
        name: the socket name (tests); None for :func:`server_name`.
        wait_ack: wait for the ``ok`` of the running helper (a test running
            both ends in one thread must not: nobody would answer).
    """
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(QByteArray(encode_message(args)))
    sent = socket.waitForBytesWritten(ACK_TIMEOUT_MS)
    if sent and wait_ack:
        # The answer only confirms delivery; the message is sent either way.
        if socket.waitForReadyRead(ACK_TIMEOUT_MS):
            log.debug("running instance answered %r", bytes(socket.readAll().data()))
        else:
            log.info("running instance did not confirm the show request")
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return sent


class SingleInstance(QObject):
    """The first instance's end: listens, and reports later launches.

    Args:
        name: the socket name (tests); None for :func:`server_name`.
        parent: the QObject parent.

    Signals:
        activated: another launch asked this one to show itself; its arguments
            (``list[str]``).
    """

    activated = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        # Unix: the socket file is readable by this user only; Windows: the
        # pipe's ACL allows this user only.
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._window: QWidget | None = None

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def listen(self) -> bool:
        """Start listening; removes a stale socket left by a crash.

        Returns:
            False when another live instance holds the name.
        """
        if self.server.listen(self.name):
            return True
        error = self.server.serverError()
        if error != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("cannot listen on %s: %s", self.name, self.server.errorString())
            return False
        # In use: a live instance (which answers) or a dead one's socket file.
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MS):
            probe.disconnectFromServer()
            return False
        log.info("removing the stale single-instance socket %s", self.name)
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("cannot listen on %s: %s", self.name, self.server.errorString())
        return False

    def attach(self, window: QWidget) -> None:
        """Bring ``window`` forward whenever another launch asks."""
        self._window = window
        self.activated.connect(self._on_activated)

    def close(self) -> None:
        """Stop listening (the socket file is removed)."""
        self.server.close()

    @Slot()
    def _on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(self._on_disconnected)
            # Data may have arrived with the connection.
            if socket.bytesAvailable():
                self._read(socket)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    @Slot()
    def _on_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            if socket.bytesAvailable():
                self._read(socket)
            self._buffers.pop(socket, None)
            socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        if len(buffer) > MAX_MESSAGE:
            log.warning("single-instance message too long; dropped")
            self._buffers.pop(socket, None)
            socket.abort()
            return
        while b"\n" in buffer:
            line, _, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            message = decode_message(line)
            if message is None:
                log.warning("ignored a malformed single-instance message")
                continue
            command, args = message
            if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.write(QByteArray(ACK))
                socket.flush()
            if command == "show":
                log.info("another launch asked to show the window")
                self.activated.emit(args)

    @Slot(list)
    def _on_activated(self, args: list[str]) -> None:
        del args
        if self._window is not None:
            bring_forward(self._window)


def claim_single_instance(
    args: Sequence[str], *, name: str | None = None, parent: QObject | None = None
) -> SingleInstance | None:
    """Become the helper of this user, or hand over to the running one.

    Call it after the QApplication exists and before building the window.

    Returns:
        The listening :class:`SingleInstance`; None when a running helper was
        told to show itself (exit 0). When neither works (listening failed for
        another reason), an instance that is not listening: the helper runs
        anyway rather than not at all.
    """
    target = name or server_name()
    if notify_running(args, name=target):
        return None
    instance = SingleInstance(target, parent)
    if instance.listen():
        return instance
    # Another instance won a race with us in between: hand over to it.
    if notify_running(args, name=target):
        instance.deleteLater()
        return None
    log.warning("single-instance guard unavailable; running anyway")
    return instance
