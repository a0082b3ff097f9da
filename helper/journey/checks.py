# SPDX-License-Identifier: MIT
"""Pre-enrollment checks: the ``network`` and ``rights`` verify steps.

- ``network``: the Intune enrollment and sign-in endpoints answer: a TCP
  connection and a TLS handshake (stdlib :mod:`ssl` default context: system
  trust store, hostname checked) to ``enrollment.manage.microsoft.com``,
  ``login.microsoftonline.com`` and the configured discovery host, 5 seconds
  at most each, in parallel. Codes: ``ok``, ``dns-failed``,
  ``network-unreachable``, ``tls-failed``, ``timeout``.
- ``rights``: on Windows, whether the user is an administrator, which native
  MDM enrollment requires. Codes: ``ok``, ``not-admin``, ``rights-unknown``;
  ``not-applicable`` elsewhere.

Each returns a :class:`CheckResult`; the playbook's hints say what to do about
a failure. Nothing here raises for a failed check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    import ssl

    from helper.config import Config

INTUNE_HOSTS: tuple[str, ...] = (
    "enrollment.manage.microsoft.com",
    "login.microsoftonline.com",
)
HTTPS_PORT = 443
TIMEOUT = 5.0

Connector = Callable[[str, int, float], None]


class CheckResult(msgspec.Struct, frozen=True):
    """The result of one pre-enrollment check.

    Attributes:
        check: ``network`` or ``rights`` (a verify step's ``check``).
        ok: passed.
        code: ``ok`` or the failure code (see the module docstring).
        detail: English technical detail (hosts, errors) for helpdesk.
    """

    check: str
    ok: bool
    code: str
    detail: str = ""


class TlsHandshakeError(OSError):
    """The TCP connection worked, the TLS handshake did not (reset, closed...)."""


def endpoints(config: Config | None = None) -> list[tuple[str, int]]:
    """The hosts and ports the network check tries, without duplicates."""
    found = [(host, HTTPS_PORT) for host in INTUNE_HOSTS]
    if config is not None:
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(config.enrollment.discovery_url)
            host, port = parts.hostname, parts.port or HTTPS_PORT
        except ValueError:
            host, port = None, HTTPS_PORT
        if host and (host, port) not in found:
            found.append((host, port))
    return found


def tls_connect(
    host: str, port: int, timeout: float, *, context: ssl.SSLContext | None = None
) -> None:
    """Connect over TCP and complete a TLS handshake, then close.

    Args:
        host: the server name (also checked against its certificate).
        port: usually 443.
        timeout: seconds for each of the connection and the handshake.
        context: the TLS settings; default :func:`ssl.create_default_context`
            (the system's trust store, as the OS's own enrollment client uses).

    Raises:
        socket.gaierror: the name does not resolve.
        TimeoutError: no answer in time.
        ssl.SSLError: the handshake failed (certificate, protocol).
        TlsHandshakeError: the connection dropped during the handshake.
        OSError: the connection failed (refused, unreachable).
    """
    import socket
    import ssl

    ctx = context if context is not None else ssl.create_default_context()
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.settimeout(timeout)
        try:
            with ctx.wrap_socket(sock, server_hostname=host):
                pass
        except (TimeoutError, ssl.SSLError):
            raise
        except OSError as exc:
            # A reset or EOF mid-handshake: often a proxy or filter that lets TCP
            # through but not TLS, so report it as a TLS failure.
            raise TlsHandshakeError(str(exc)) from exc


def classify(exc: BaseException) -> str:
    """The check code for an error raised while connecting."""
    import socket
    import ssl

    if isinstance(exc, socket.gaierror):
        return "dns-failed"
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, (ssl.SSLError, ssl.CertificateError, TlsHandshakeError)):
        return "tls-failed"
    return "network-unreachable"


def check_endpoint(
    host: str,
    port: int = HTTPS_PORT,
    *,
    timeout: float = TIMEOUT,
    connect: Connector | None = None,
    context: ssl.SSLContext | None = None,
) -> CheckResult:
    """Whether one endpoint answers TCP and TLS.

    Args:
        host, port: the endpoint.
        timeout: seconds (at most 5 s is used).
        connect: replaces :func:`tls_connect` (tests); raises on failure.
        context: TLS settings for :func:`tls_connect`.
    """
    timeout = min(timeout, TIMEOUT)
    where = f"{host}:{port}"
    try:
        if connect is not None:
            connect(host, port, timeout)
        else:
            tls_connect(host, port, timeout, context=context)
    except Exception as exc:  # every failure becomes a code, never a crash
        code = classify(exc)
        return CheckResult("network", False, code, f"{where}: {code} ({exc})")
    return CheckResult("network", True, "ok", f"{where}: ok")


def check_network(
    config: Config | None = None,
    *,
    hosts: Sequence[tuple[str, int]] | None = None,
    timeout: float = TIMEOUT,
    connect: Connector | None = None,
    context: ssl.SSLContext | None = None,
) -> CheckResult:
    """Whether the Intune enrollment and sign-in endpoints answer.

    Args:
        config: adds the configured discovery host to the default hosts.
        hosts: replaces the hosts (tests).
        timeout: seconds per endpoint, at most 5; endpoints are tried in
            parallel, so the whole check takes about that long at worst.
        connect, context: see :func:`check_endpoint`.

    Returns:
        ``ok`` when every endpoint answered; else the first failing endpoint's
        code (in host order), with every endpoint's outcome in ``detail``.
    """
    from concurrent.futures import ThreadPoolExecutor

    targets = list(hosts) if hosts is not None else endpoints(config)
    with ThreadPoolExecutor(max_workers=max(1, len(targets))) as pool:
        results = list(
            pool.map(
                lambda t: check_endpoint(
                    t[0], t[1], timeout=timeout, connect=connect, context=context
                ),
                targets,
            )
        )
    detail = "; ".join(r.detail for r in results)
    failed = [r for r in results if not r.ok]
    if failed:
        return CheckResult("network", False, failed[0].code, detail)
    return CheckResult("network", True, "ok", detail)


def windows_is_admin() -> bool:
    """Windows: is the user an administrator (elevated or not)?

    ``IsUserAnAdmin`` is true only in an elevated process; with UAC, an
    administrator's normal process holds a *limited* token instead
    (``TokenElevationTypeLimited``), which still allows enrollment. A thin
    wrapper, untested off Windows.

    Raises:
        OSError: the token could not be read.
    """
    import ctypes
    from ctypes import wintypes

    windll = getattr(ctypes, "windll")  # noqa: B009 (Windows only)
    if windll.shell32.IsUserAnAdmin():
        return True
    kernel32, advapi32 = windll.kernel32, windll.advapi32
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    advapi32.OpenProcessToken.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.HANDLE),
    ]
    advapi32.GetTokenInformation.argtypes = [
        wintypes.HANDLE,
        ctypes.c_int,
        ctypes.c_void_p,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
    ]
    token_query, token_elevation_type, limited = 0x0008, 18, 3
    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(
        kernel32.GetCurrentProcess(), token_query, ctypes.byref(token)
    ):
        raise OSError("OpenProcessToken failed")
    try:
        value = ctypes.c_int(0)
        size = wintypes.DWORD(0)
        if not advapi32.GetTokenInformation(
            token,
            token_elevation_type,
            ctypes.byref(value),
            ctypes.sizeof(value),
            ctypes.byref(size),
        ):
            raise OSError("GetTokenInformation failed")
        return value.value == limited
    finally:
        kernel32.CloseHandle(token)


def check_rights(
    platform: str | None = None, *, is_admin: Callable[[], bool] | None = None
) -> CheckResult:
    """Whether the user has the rights native enrollment needs.

    Args:
        platform: ``windows`` checks; others are ``not-applicable`` (default:
            this machine's OS).
        is_admin: replaces :func:`windows_is_admin` (tests).
    """
    import sys

    if platform is None:
        platform = "windows" if sys.platform == "win32" else sys.platform
    if platform != "windows":
        return CheckResult(
            "rights", True, "not-applicable", "only Windows native enrollment needs it"
        )
    probe = is_admin or windows_is_admin
    try:
        admin = probe()
    except Exception as exc:  # a failed probe is an answer too, not a crash
        return CheckResult("rights", False, "rights-unknown", f"{exc}")
    if admin:
        return CheckResult("rights", True, "ok", "the user is an administrator")
    return CheckResult("rights", False, "not-admin", "the user is a standard user")


def run_check(
    check: str,
    config: Config | None = None,
    *,
    platform: str | None = None,
    connect: Connector | None = None,
    is_admin: Callable[[], bool] | None = None,
) -> CheckResult:
    """Run the check a ``verify`` step names (``network`` or ``rights``).

    Raises:
        ValueError: any other check (``left``, ``joined``, ``detected`` are
            detections, run by the journey engine).
    """
    if check == "network":
        return check_network(config, connect=connect)
    if check == "rights":
        return check_rights(platform, is_admin=is_admin)
    raise ValueError(f"{check!r} is not a pre-enrollment check")
