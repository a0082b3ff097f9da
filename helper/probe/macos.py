# SPDX-License-Identifier: MIT
"""The macOS probe: ``profiles`` outputs and the catalogue's agents, into a capture.

Runs five read-only commands (argument lists, never a shell): ``profiles``
three times, and ``app-sso platform -s`` and ``security find-generic-password``
for the Mac's Microsoft Entra registration. It also looks for every catalogue
vendor's macOS agents: paths, apps by bundle id, launchd jobs. The
filesystem is reached only through injected functions, so tests drive the probe
with recorded outputs and a fake filesystem; :func:`live_macos_probe` wires the
real ones. All interpretation is left to helper.parsers and helper.detect.
"""

from __future__ import annotations

import fnmatch
import os
import time
from collections.abc import Callable, Iterable

import msgspec

from helper.capture import layout
from helper.capture.model import Capture, SourceInfo
from helper.catalogue import Catalogue
from helper.parsers.agents import Agent, encode_agents
from helper.probe.base import new_manifest
from helper.probe.runner import CommandResult, CommandRunner

# The absolute path: a PATH entry planted by someone else must not answer for it.
PROFILES = "/usr/bin/profiles"
APP_SSO = "/usr/bin/app-sso"
SECURITY = "/usr/bin/security"
IPCONFIG = "/usr/sbin/ipconfig"
FDESETUP = "/usr/bin/fdesetup"
STAT = "/usr/bin/stat"
# [DOC ioreg(8)] -r -d1 -c: the IOPlatformExpertDevice object alone, whose
# IOPlatformSerialNumber property is the Mac's serial number.
IOREG = "/usr/sbin/ioreg"
# [DOC developer.apple.com FDERecoveryKeyEscrow] the encrypted personal
# recovery key, for the MDM to read through SecurityInfo.
FILEVAULT_PRK = "/var/db/FileVaultPRK.dat"
WORKPLACE_JOIN_ACCOUNT = "com.microsoft.workplacejoin.thumbprint"
COMMANDS: tuple[tuple[str, list[str]], ...] = (
    (layout.MAC_STATUS, [PROFILES, "status", "-type", "enrollment"]),
    (layout.MAC_SHOW, [PROFILES, "show", "-type", "enrollment"]),
    (layout.MAC_PROFILES, [PROFILES, "-C", "-o", "stdout-xml"]),
    # Run as the user (the helper is not root): Platform SSO's state and the
    # login keychain are the user's.
    (layout.MAC_APP_SSO, [APP_SSO, "platform", "-s"]),
    # Attributes only, never the secret (no -g, so no keychain prompt either).
    (
        layout.MAC_WORKPLACE_JOIN,
        [SECURITY, "find-generic-password", "-a", WORKPLACE_JOIN_ACCOUNT],
    ),
    # The Wi-Fi the Mac is on now (the SSID line; macOS 15 may redact it).
    (layout.MAC_WIFI, [IPCONFIG, "getsummary", "en0"]),
    # FileVault's state; no key is shown.
    (layout.MAC_FDESETUP, [FDESETUP, "status"]),
    # When the escrowed recovery key was last written (its time, never its
    # content): Apple writes it there for the escrow payload's MDM.
    (layout.MAC_FILEVAULT_PRK, [STAT, "-f", "%m", FILEVAULT_PRK]),
    # The serial number (only its line is kept: _serial_line).
    (layout.MAC_SERIAL, [IOREG, "-rd1", "-c", "IOPlatformExpertDevice"]),
)
# security(1) exits 44 (errSecItemNotFound) when no item matches.
ITEM_NOT_FOUND = 44
# app-sso prints the user's SSO tokens after the configurations: never kept.
_TOKENS = b"\nSSO Tokens:"
APPLICATIONS = "/Applications"
LAUNCHD_DIRS = ("/Library/LaunchDaemons", "/Library/LaunchAgents")
# Looked for even when an IT catalogue override forgets it: detection needs it
# to tell "Company Portal installed" from "enrolled" (signatures.md §3.7).
COMPANY_PORTAL_APP = "/Applications/Company Portal.app"
COMPANY_PORTAL_BUNDLE_ID = "com.microsoft.CompanyPortalMac"
_GLOB = frozenset("*?[")
_ROOT_MARKER = "requires root privileges"
_SERIAL_KEY = b'"IOPlatformSerialNumber"'


def _serial_line(out: bytes) -> bytes | None:
    """The IOPlatformSerialNumber line of ioreg's output: the rest names the
    hardware UUID and other identifiers the capture does not need."""
    for line in out.splitlines():
        if _SERIAL_KEY in line:
            return line.strip() + b"\n"
    return None


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


def _first_line(data: bytes) -> str:
    for line in data.decode("utf-8", errors="replace").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _command_error(result: CommandResult) -> str | None:
    """Why a command's output cannot be used; None when it can."""
    if result.error:
        return result.error
    # Kolide checks the output for this phrase: some profiles subcommands print
    # it with exit code 0 (signatures.md §3.2). Not inside a plist, though: a
    # profile's description could say anything.
    output = result.stderr
    if not result.stdout.lstrip().startswith((b"<?xml", b"<plist", b"bplist")):
        output += b"\n" + result.stdout
    if _ROOT_MARKER in output.decode("utf-8", "replace").lower():
        return "requires-root"
    if result.exit_code != 0:
        detail = _first_line(result.stderr) or _first_line(result.stdout)
        return f"exit code {result.exit_code}" + (f": {detail}" if detail else "")
    if not result.stdout.strip():
        return "empty-output"
    return None


def _run_commands(
    runner: CommandRunner, files: dict[str, bytes], sources: list[SourceInfo]
) -> None:
    for file, argv in COMMANDS:
        start = time.perf_counter()
        try:
            result = runner.run(argv, timeout=20.0)
        except Exception as exc:
            # A probe must still produce a capture: a runner that breaks is a
            # source that could not be read, nothing more.
            sources.append(
                SourceInfo(
                    file,
                    " ".join(argv),
                    duration_ms=_ms(start),
                    error=f"runner-error: {type(exc).__name__}: {exc}"[:300],
                )
            )
            continue
        error = _command_error(result)
        if file == layout.MAC_WORKPLACE_JOIN and result.exit_code == ITEM_NOT_FOUND:
            error = "not-found"  # looked, and the keychain has no such record
        if file == layout.MAC_FILEVAULT_PRK and b"No such file" in result.stderr:
            error = "not-found"  # no escrowed key written on this Mac
        if file == layout.MAC_SERIAL and error is None:
            line = _serial_line(result.stdout)
            if line is None:
                error = "no IOPlatformSerialNumber"
            else:
                result = msgspec.structs.replace(result, stdout=line)
        sources.append(
            SourceInfo(
                file,
                " ".join(argv),
                exit_code=result.exit_code,
                duration_ms=result.duration_ms,
                error=error,
            )
        )
        if error is None:
            out = result.stdout
            if file == layout.MAC_APP_SSO and _TOKENS in out:
                out = out[: out.index(_TOKENS) + 1]
            files[file] = out


class _Fs:
    """The injected filesystem functions, made safe: an OSError means absent."""

    def __init__(
        self,
        path_exists: Callable[[str], bool],
        list_dir: Callable[[str], Iterable[str]],
        bundle_id: Callable[[str], str | None],
    ) -> None:
        self._exists = path_exists
        self._list = list_dir
        self._bundle_id = bundle_id
        self._listed: dict[str, list[str]] = {}

    def exists(self, path: str) -> bool:
        try:
            return bool(self._exists(path))
        except (OSError, ValueError):
            return False

    def listdir(self, folder: str) -> list[str]:
        if folder not in self._listed:
            try:
                self._listed[folder] = sorted(self._list(folder))
            except (OSError, ValueError):
                self._listed[folder] = []
        return self._listed[folder]

    def bundle_id(self, app: str) -> str | None:
        try:
            return self._bundle_id(app)
        except (OSError, ValueError):
            return None


def _matches(value: str, patterns: Iterable[str]) -> bool:
    lowered = value.lower()
    return any(fnmatch.fnmatchcase(lowered, p.lower()) for p in patterns)


def _find_paths(fs: _Fs, patterns: Iterable[str]) -> list[Agent]:
    found: list[Agent] = []
    for pattern in patterns:
        parent, _, leaf = pattern.rstrip("/").rpartition("/")
        if _GLOB.isdisjoint(pattern):
            if fs.exists(pattern):
                found.append(Agent("path", pattern))
        elif parent and _GLOB.isdisjoint(parent):
            # A glob in the last component only: list its folder.
            for name in fs.listdir(parent):
                if fnmatch.fnmatchcase(name.lower(), leaf.lower()):
                    found.append(Agent("path", f"{parent}/{name}"))
    return found


def _find_apps(fs: _Fs, bundle_patterns: list[str]) -> list[Agent]:
    found: list[Agent] = []
    apps = [
        f"{APPLICATIONS}/{name}"
        for name in fs.listdir(APPLICATIONS)
        if name.lower().endswith(".app")
    ]
    # The listing may be denied (privacy prompts): ask for Company Portal by path.
    if COMPANY_PORTAL_APP not in apps and fs.exists(COMPANY_PORTAL_APP):
        apps.append(COMPANY_PORTAL_APP)
    for app in apps:
        ident = fs.bundle_id(app)
        if ident and _matches(ident, bundle_patterns):
            found.append(Agent("app", ident, app))
    return found


def _find_launchd(fs: _Fs, label_patterns: list[str]) -> list[Agent]:
    found: list[Agent] = []
    for folder in LAUNCHD_DIRS:
        for name in fs.listdir(folder):
            if not name.endswith(".plist"):
                continue
            # The job's file is conventionally named after its label.
            label = name[: -len(".plist")]
            if _matches(label, label_patterns):
                found.append(Agent("launchd", label, f"{folder}/{name}"))
    return found


def _find_agents(catalogue: Catalogue, fs: _Fs) -> list[Agent]:
    """Every catalogue vendor's macOS agents present on the machine."""
    paths: list[str] = []
    bundles: list[str] = [COMPANY_PORTAL_BUNDLE_ID]
    labels: list[str] = []
    for vendor in catalogue:
        sig = vendor.macos
        paths.extend(p for p in sig.paths if p not in paths)
        bundles.extend(b for b in sig.bundle_ids if b not in bundles)
        labels.extend(label for label in sig.launchd_labels if label not in labels)
    agents = _find_paths(fs, paths) + _find_apps(fs, bundles)
    agents += _find_launchd(fs, labels)
    unique: list[Agent] = []
    for agent in agents:
        if agent not in unique:
            unique.append(agent)
    return unique


def probe_macos(
    catalogue: Catalogue,
    *,
    runner: CommandRunner,
    path_exists: Callable[[str], bool],
    list_dir: Callable[[str], Iterable[str]],
    bundle_id: Callable[[str], str | None],
    os_version: str | None = None,
    arch: str | None = None,
) -> Capture:
    """Capture this Mac: ``profiles`` outputs plus the agents found.

    A source that fails (``requires root privileges``, a non-zero exit, a
    missing tool) is recorded in the manifest with its error and no file;
    nothing here raises for a failing source.

    Args:
        catalogue: whose macOS signatures say which agents to look for.
        runner: runs ``/usr/bin/profiles`` (recorded outputs in tests).
        path_exists: whether a file or folder exists.
        list_dir: the entry names of a folder (raise OSError or return [] when
            it does not exist).
        bundle_id: the ``CFBundleIdentifier`` of an ``.app`` (None if unknown).
        os_version: the macOS version (``14.5``), for the manifest.
        arch: the machine architecture; the running machine's by default.

    Returns:
        The capture, in memory (origin ``live``).
    """
    manifest = new_manifest("macos", os_version=os_version, arch=arch)
    files: dict[str, bytes] = {}
    _run_commands(runner, files, manifest.sources)

    start = time.perf_counter()
    fs = _Fs(path_exists, list_dir, bundle_id)
    read = ", ".join(("catalogue agent paths", APPLICATIONS, *LAUNCHD_DIRS))
    try:
        agents = _find_agents(catalogue, fs)
    except Exception as exc:
        # Injected functions may fail in ways _Fs does not expect; the commands'
        # evidence is still worth a capture.
        manifest.sources.append(
            SourceInfo(
                layout.MAC_AGENTS,
                read,
                duration_ms=_ms(start),
                error=f"{type(exc).__name__}: {exc}"[:300],
            )
        )
    else:
        files[layout.MAC_AGENTS] = encode_agents(agents)
        manifest.sources.append(
            SourceInfo(layout.MAC_AGENTS, read, duration_ms=_ms(start))
        )
    return Capture(manifest, files, "live")


def read_bundle_id(app: str) -> str | None:
    """The ``CFBundleIdentifier`` in ``<app>/Contents/Info.plist``; None if unreadable.

    Args:
        app: the ``.app`` folder.
    """
    import plistlib

    try:
        with open(os.path.join(app, "Contents", "Info.plist"), "rb") as handle:
            info = plistlib.load(handle)
    except Exception:
        # Any unreadable or malformed Info.plist (plistlib raises many types):
        # the app just stays unidentified.
        return None
    ident = info.get("CFBundleIdentifier") if isinstance(info, dict) else None
    return ident.strip() if isinstance(ident, str) and ident.strip() else None


def _list_dir(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def live_macos_probe(catalogue: Catalogue) -> Capture:
    """Capture the Mac this runs on (the real commands and filesystem).

    Raises:
        OSError: not running on macOS.
    """
    import platform

    from helper.probe.runner import SubprocessRunner

    # platform.system(), not sys.platform: mypy would narrow the latter to the
    # OS it checks on and call the rest unreachable.
    if platform.system() != "Darwin":
        raise OSError("the macOS probe runs only on macOS")
    return probe_macos(
        catalogue,
        runner=SubprocessRunner(),
        path_exists=os.path.exists,
        list_dir=_list_dir,
        bundle_id=read_bundle_id,
        os_version=platform.mac_ver()[0] or None,
        arch=platform.machine() or None,
    )
