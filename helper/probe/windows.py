# SPDX-License-Identifier: MIT
"""The Windows probe: read this PC into a capture.

It exports the MDM enrollment keys as regedit would (UTF-16LE ``.reg`` files a
helpdesk can open, and build by hand), runs ``dsregcmd /status``, and looks for
the agents of every catalogue vendor (uninstall entries, services, registry keys,
folders). It only reads, never needs elevation, and never raises for a source
that fails: the manifest records the failure and detection says "unknown".
"""

from __future__ import annotations

import fnmatch
import os
import re
import time
from collections.abc import Callable, Mapping

from helper.capture import layout
from helper.capture.model import Capture, Manifest, SourceInfo
from helper.catalogue import Catalogue
from helper.parsers.agents import Agent, encode_agents
from helper.parsers.regfile import RegKey, export_reg
from helper.probe.registry import RegistryReader
from helper.probe.runner import CommandRunner

ENROLLMENTS = "HKLM\\SOFTWARE\\Microsoft\\Enrollments"
OMADM_ACCOUNTS = "HKLM\\SOFTWARE\\Microsoft\\Provisioning\\OMADM\\Accounts"
UNINSTALL_ROOTS = (
    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
    "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
)
SERVICES = "HKLM\\SYSTEM\\CurrentControlSet\\Services"
DSREGCMD = ("dsregcmd", "/status")
# What each MDM server set (its NodeCache, per ProviderID): Wi-Fi, VPN,
# certificates... (helper/parsers/nodecache.py).
NODECACHE = "HKLM\\SOFTWARE\\Microsoft\\Provisioning\\NodeCache\\CSP"
WLAN_INTERFACES = ("netsh.exe", "wlan", "show", "interfaces")
# The system drive's BitLocker state, protector types and ids (never a key or a
# password), and the recovery-password backups to Microsoft Entra ID that the
# BitLocker Management log records (event 845). Strings, not enum numbers.
BITLOCKER_SCRIPT = (
    "[Console]::OutputEncoding = [Text.Encoding]::UTF8; "
    "$ErrorActionPreference = 'Stop'; "
    "$v = Get-BitLockerVolume -MountPoint $env:SystemDrive; "
    "$backups = @(Get-WinEvent -ErrorAction SilentlyContinue -MaxEvents 50 "
    "-FilterHashtable @{ LogName = 'Microsoft-Windows-BitLocker/BitLocker Management'; "
    "Id = 845 } | ForEach-Object { [pscustomobject]@{ "
    "TimeCreated = $_.TimeCreated.ToUniversalTime().ToString('o'); "
    "KeyProtectorId = [regex]::Match($_.Message, '\\{[0-9A-Fa-f-]{36}\\}').Value } }); "
    "ConvertTo-Json -Compress -Depth 4 -InputObject ([pscustomobject]@{ "
    "Volume = [pscustomobject]@{ MountPoint = $v.MountPoint; "
    "VolumeStatus = [string]$v.VolumeStatus; "
    "ProtectionStatus = [string]$v.ProtectionStatus; "
    "EncryptionPercentage = $v.EncryptionPercentage; "
    "KeyProtector = @($v.KeyProtector | ForEach-Object { [pscustomobject]@{ "
    "KeyProtectorId = $_.KeyProtectorId; "
    "KeyProtectorType = [string]$_.KeyProtectorType } }) }; "
    "EntraBackups = $backups })"
)
BITLOCKER = (
    "powershell.exe",
    "-NoProfile",
    "-NonInteractive",
    "-Command",
    BITLOCKER_SCRIPT,
)
# The local Administrators group by its well-known SID (its name is translated),
# as one JSON array; Enabled only for local users (Get-LocalUser). UTF-8 output:
# account names may hold any letter. parsers/local_admins.py reads it.
LOCAL_ADMINS_SCRIPT = (
    "[Console]::OutputEncoding = [Text.Encoding]::UTF8; "
    "$ErrorActionPreference = 'Stop'; "
    "$members = @(Get-LocalGroupMember -SID 'S-1-5-32-544' | ForEach-Object { "
    "$source = [string]$_.PrincipalSource; "
    "$user = if ($source -eq 'Local') "
    "{ Get-LocalUser -SID $_.SID -ErrorAction SilentlyContinue }; "
    "[pscustomobject]@{ Name = $_.Name; SID = $_.SID.Value; "
    "PrincipalSource = $source; "
    "Enabled = $(if ($user) { $user.Enabled } else { $null }) } }); "
    "ConvertTo-Json -Compress -InputObject $members"
)
LOCAL_ADMINS = (
    "powershell.exe",
    "-NoProfile",
    "-NonInteractive",
    "-Command",
    LOCAL_ADMINS_SCRIPT,
)
# [DOC learn.microsoft.com Win32_BIOS class, SerialNumber] the BIOS serial
# number, which Intune's managedDevice.serialNumber shows for a PC. UTF-8 out:
# the parser reads one line.
SERIAL_SCRIPT = (
    "[Console]::OutputEncoding = [Text.Encoding]::UTF8; "
    "(Get-CimInstance -ClassName Win32_BIOS).SerialNumber"
)
SERIAL = ("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", SERIAL_SCRIPT)

# A sane bound on an export: Enrollments holds a few hundred keys on a busy PC.
MAX_KEYS = 20_000
MAX_DEPTH = 32

# Catalogue paths are written with the default folders; the PC may have moved
# them (another drive), so each prefix maps to its environment variable.
# Longest first: "Program Files (x86)" must not be taken for "Program Files".
_FOLDER_VARS = (
    ("C:\\Program Files (x86)", "ProgramFiles(x86)"),
    ("C:\\Program Files", "ProgramFiles"),
    ("C:\\ProgramData", "ProgramData"),
)


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


def export_tree(registry: RegistryReader, root: str) -> list[RegKey] | None:
    """Read a whole subtree, as regedit's export of it would hold.

    Args:
        registry: where to read.
        root: the subtree's key (``HKLM\\SOFTWARE\\...``).

    Returns:
        Every key with its values, parents before children, in the registry's
        order (at most MAX_KEYS keys, MAX_DEPTH levels); None when ``root`` is
        absent.
    """
    if registry.values(root) is None:
        return None
    keys: list[RegKey] = []
    stack: list[tuple[str, int]] = [(root, 0)]
    while stack and len(keys) < MAX_KEYS:
        path, depth = stack.pop()
        values = registry.values(path)
        if values is None:
            continue  # deleted while we walked
        keys.append(RegKey(path, values))
        if depth < MAX_DEPTH:
            children = registry.subkeys(path)
            # Reversed onto the stack, so keys come out in the registry's order.
            stack.extend((f"{path}\\{name}", depth + 1) for name in reversed(children))
    return keys


def _env_get(env: Mapping[str, str], name: str) -> str | None:
    # Windows environment names are case-insensitive.
    if name in env:
        return env[name]
    lowered = name.lower()
    for key, value in env.items():
        if key.lower() == lowered:
            return value
    return None


def expand_path(path: str, env: Mapping[str, str]) -> str:
    """A catalogue path as it is on this PC.

    Args:
        path: as the catalogue writes it (``C:\\ProgramData\\AirWatch``).
        env: the environment; names are matched case-insensitively.

    Returns:
        The path with ``%VAR%`` references expanded (unknown ones kept, as
        Windows does) and the default ``C:\\ProgramData`` / ``C:\\Program Files``
        / ``C:\\Program Files (x86)`` prefixes replaced by the folders the
        environment names.
    """

    def variable(match: re.Match[str]) -> str:
        value = _env_get(env, match.group(1))
        return match.group(0) if value is None else value

    # As Windows does: an unknown %NAME% stays as written.
    expanded = re.sub(r"%([^%\\]+)%", variable, path)
    lowered = expanded.lower()
    for prefix, var in _FOLDER_VARS:
        if lowered == prefix.lower() or lowered.startswith(prefix.lower() + "\\"):
            value = _env_get(env, var)
            if value:
                return value.rstrip("\\") + expanded[len(prefix) :]
            break
    return expanded


_BRACED_GUID = re.compile(
    r"^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$", re.I | re.A
)


def find_agents(
    catalogue: Catalogue,
    registry: RegistryReader,
    path_exists: Callable[[str], bool],
    env: Mapping[str, str],
) -> list[Agent]:
    """What the PC holds of every catalogue vendor's Windows agent signatures.

    Args:
        catalogue: the vendors (those marked unsupported on Windows are skipped).
        registry: for uninstall entries, services and registry keys.
        path_exists: for agent folders.
        env: to expand the catalogue's folder names.

    Returns:
        The agents found, without duplicates, for agents.json.
    """
    found: list[Agent] = []

    def add(agent: Agent) -> None:
        if agent not in found:
            found.append(agent)

    vendors = [v for v in catalogue if v.windows.supported]
    # Uninstall entries: the 64-bit view, then the 32-bit programs' one.
    for root in UNINSTALL_ROOTS:
        for sub in registry.subkeys(root):
            values = registry.values(f"{root}\\{sub}") or {}
            name = values.get("displayname")
            if name is None or not isinstance(name.data, str) or not name.data.strip():
                continue
            display = name.data.strip()
            version = values.get("displayversion")
            detail = version.data if version and isinstance(version.data, str) else ""
            if _BRACED_GUID.match(sub):
                # MSI installs are keyed by their ProductCode: the playbook's
                # `msiexec /x {code}` needs it (it changes with every version).
                detail = f"{detail.strip()}; {sub.upper()}" if detail.strip() else sub
            for vendor in vendors:
                if any(
                    fnmatch.fnmatchcase(display.lower(), glob.lower())
                    for glob in vendor.windows.uninstall_names
                ):
                    add(Agent("uninstall", display, detail.strip()))
    for vendor in vendors:
        sig = vendor.windows
        for service in sig.services:
            if registry.values(f"{SERVICES}\\{service}") is not None:
                add(Agent("service", service))
        for key in sig.registry_keys:
            if registry.values(key) is not None:
                add(Agent("registry-key", key))
        for path in sig.paths:
            if any(c in path for c in "*?"):
                continue  # a glob cannot be checked without listing folders
            real = expand_path(path, env)
            if path_exists(real):
                # The catalogue's spelling matches the catalogue back at detection;
                # the real path goes in the detail when it differs.
                add(Agent("path", path, "" if real == path else real))
    return found


def _export_source(
    registry: RegistryReader,
    root: str,
    file: str,
    files: dict[str, bytes],
    sources: list[SourceInfo],
    *,
    keep_values: frozenset[str] | None = None,
) -> None:
    """Export one subtree into one capture file.

    Args:
        keep_values: the only value names kept (lower case); None keeps all.
    """
    start = time.perf_counter()
    try:
        keys = export_tree(registry, root)
        if keys is not None and keep_values is not None:
            keys = [
                RegKey(k.path, {n: v for n, v in k.values.items() if n in keep_values})
                for k in keys
            ]
    except Exception as exc:  # a probe reports failures, it never stops on one
        error = f"{type(exc).__name__}: {exc}"
        sources.append(SourceInfo(file, root, duration_ms=_ms(start), error=error))
        return
    if keys is None:
        sources.append(
            SourceInfo(file, root, duration_ms=_ms(start), error="not-found")
        )
        return
    files[file] = export_reg(keys)
    sources.append(SourceInfo(file, root, duration_ms=_ms(start)))


def _command_source(
    runner: CommandRunner,
    argv: list[str],
    files: dict[str, bytes],
    sources: list[SourceInfo],
    *,
    file: str,
    read: str,
    check_exit: bool = False,
) -> None:
    """Run one read-only command into one capture file.

    Args:
        check_exit: a non-zero exit makes the output unusable (PowerShell:
            a half-written listing). dsregcmd's output is used whatever its
            exit code, as before.
    """
    start = time.perf_counter()
    try:
        result = runner.run(argv, timeout=20.0)
    except Exception as exc:  # a probe reports failures, it never stops on one
        failure = f"{type(exc).__name__}: {exc}"
        sources.append(SourceInfo(file, read, None, _ms(start), failure))
        return
    error: str | None = result.error
    if error is None and check_exit and result.exit_code not in (0, None):
        # PowerShell says why on stderr (Get-LocalGroupMember fails on some
        # PCs whose group holds a member it cannot resolve).
        line = result.stderr.decode("utf-8", "replace").strip().splitlines()
        error = f"exit code {result.exit_code}" + (f": {line[0][:200]}" if line else "")
    if error is None and not result.stdout.strip():
        error = (
            "no output" if result.exit_code == 0 else f"exit code {result.exit_code}"
        )
    sources.append(SourceInfo(file, read, result.exit_code, result.duration_ms, error))
    if error is None:
        files[file] = result.stdout


def host_manifest(
    *,
    now: Callable[[], str] | None = None,
    os_version: str | None = None,
    arch: str | None = None,
    locale: str | None = None,
    helper_version: str | None = None,
) -> Manifest:
    """capture.json for this PC; every field not given is read from the platform."""
    import platform

    from helper.probe.base import new_manifest

    if os_version is None:
        os_version = platform.version() or None
    if arch is None:
        arch = platform.machine() or None
    if locale is None:
        # Windows sets no LANG: ask the C runtime ("French_France").
        import locale as locale_module

        locale = locale_module.getlocale()[0]
    return new_manifest(
        "windows",
        os_version=os_version,
        arch=arch,
        locale=locale,
        now=now,
        helper_version=helper_version,
    )


def probe_windows(
    catalogue: Catalogue,
    *,
    registry: RegistryReader,
    runner: CommandRunner,
    path_exists: Callable[[str], bool],
    env: Mapping[str, str],
    now: Callable[[], str] | None = None,
    os_version: str | None = None,
    arch: str | None = None,
    locale: str | None = None,
    helper_version: str | None = None,
) -> Capture:
    """Capture this Windows PC.

    Args:
        catalogue: whose Windows signatures say which agents to look for.
        registry: reads HKLM (winreg on a PC, exports in tests).
        runner: runs ``dsregcmd /status`` and the Administrators listing
            (:data:`LOCAL_ADMINS`).
        path_exists: checks agent folders.
        env: the environment (``ProgramData``, ``ProgramFiles``...).
        now: the capture time as ISO 8601 (UTC now by default).
        os_version, arch, locale, helper_version: manifest fields; read from the
            platform when not given.

    Returns:
        The capture, in memory. A source that failed is absent from its files and
        carries an ``error`` in the manifest.
    """
    manifest = host_manifest(
        now=now,
        os_version=os_version,
        arch=arch,
        locale=locale,
        helper_version=helper_version,
    )
    files: dict[str, bytes] = {}
    sources = manifest.sources
    _export_source(registry, ENROLLMENTS, layout.WIN_ENROLLMENTS, files, sources)
    _export_source(registry, OMADM_ACCOUNTS, layout.WIN_OMADM, files, sources)
    _command_source(
        runner,
        list(DSREGCMD),
        files,
        sources,
        file=layout.WIN_DSREGCMD,
        read=" ".join(DSREGCMD),
    )
    _command_source(
        runner,
        list(LOCAL_ADMINS),
        files,
        sources,
        file=layout.WIN_LOCAL_ADMINS,
        read="powershell.exe Get-LocalGroupMember -SID S-1-5-32-544",
        check_exit=True,
    )
    # Only the node URIs: an ExpectedValue may hold what the server set, a
    # Wi-Fi profile's key material or a VPN's settings included.
    _export_source(
        registry,
        NODECACHE,
        layout.WIN_NODECACHE,
        files,
        sources,
        keep_values=frozenset({"nodeuri"}),
    )
    _command_source(
        runner,
        list(WLAN_INTERFACES),
        files,
        sources,
        file=layout.WIN_WLAN,
        read=" ".join(WLAN_INTERFACES),
    )
    _command_source(
        runner,
        list(BITLOCKER),
        files,
        sources,
        file=layout.WIN_BITLOCKER,
        read="powershell.exe Get-BitLockerVolume, BitLocker Management event 845",
        check_exit=True,
    )
    _command_source(
        runner,
        list(SERIAL),
        files,
        sources,
        file=layout.WIN_SERIAL,
        read="powershell.exe Get-CimInstance Win32_BIOS SerialNumber",
        check_exit=True,
    )

    start = time.perf_counter()
    try:
        agents = find_agents(catalogue, registry, path_exists, env)
    except Exception as exc:  # a probe reports failures, it never stops on one
        error = f"{type(exc).__name__}: {exc}"
        sources.append(
            SourceInfo(layout.WIN_AGENTS, "catalogue agents", None, _ms(start), error)
        )
    else:
        files[layout.WIN_AGENTS] = encode_agents(agents)
        sources.append(
            SourceInfo(
                layout.WIN_AGENTS,
                "catalogue agents (uninstall entries, services, registry keys, paths)",
                duration_ms=_ms(start),
            )
        )
    return Capture(manifest, files, "live")


def live_windows_probe(catalogue: Catalogue) -> Capture:
    """Capture this PC for real (Windows only): winreg, subprocess, os.path."""
    from helper.probe.registry import WinRegReader
    from helper.probe.runner import SubprocessRunner

    return probe_windows(
        catalogue,
        registry=WinRegReader(),
        runner=SubprocessRunner(),
        path_exists=os.path.exists,
        env=os.environ,
    )
