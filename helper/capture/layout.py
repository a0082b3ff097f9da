# SPDX-License-Identifier: MIT
"""The fixed file names of a capture. Every file is optional except capture.json.

The layout is fixed so that helpdesk and IT can build a capture by hand from
outputs a user pasted (see docs/capture-format.md).
"""

from __future__ import annotations

MANIFEST = "capture.json"

# Windows
WIN_ENROLLMENTS = "windows/enrollments.reg"  # regedit export of HKLM\...\Enrollments
WIN_OMADM = "windows/omadm-accounts.reg"  # ...\Provisioning\OMADM\Accounts
WIN_DSREGCMD = "windows/dsregcmd-status.txt"  # `dsregcmd /status`
# Members of the local Administrators group (S-1-5-32-544), as JSON from
# PowerShell's Get-LocalGroupMember (helper.probe.windows.LOCAL_ADMINS_SCRIPT).
WIN_LOCAL_ADMINS = "windows/local-admins.json"
WIN_AGENTS = "windows/agents.json"
# What each MDM server configured (Wi-Fi, VPN, certificates...): regedit export
# of HKLM\SOFTWARE\Microsoft\Provisioning\NodeCache\CSP.
WIN_NODECACHE = "windows/mdm-nodecache.reg"
WIN_WLAN = "windows/wlan-interfaces.txt"  # `netsh wlan show interfaces`
# The system drive's BitLocker state and its Entra backups, as JSON from
# PowerShell (helper.probe.windows.BITLOCKER_SCRIPT).
WIN_BITLOCKER = "windows/bitlocker.json"
# The BIOS serial number, what Intune shows as the PC's serial: PowerShell's
# (Get-CimInstance -ClassName Win32_BIOS).SerialNumber, one line.
WIN_SERIAL = "windows/bios-serial.txt"

# macOS
MAC_STATUS = (
    "macos/profiles-status-enrollment.txt"  # `profiles status -type enrollment`
)
MAC_SHOW = "macos/profiles-show-enrollment.txt"  # `profiles show -type enrollment`
MAC_PROFILES = "macos/profiles-computer.xml"  # `profiles -C -o stdout-xml`
# Microsoft Entra registration of the Mac: Platform SSO's state, and the
# Workplace Join record Company Portal's registration leaves in the login keychain.
MAC_APP_SSO = "macos/app-sso-platform.txt"  # `app-sso platform -s`
MAC_WORKPLACE_JOIN = (
    "macos/workplace-join.txt"  # `security find-generic-password -a com.microsoft...`
)
MAC_AGENTS = "macos/agents.json"
MAC_WIFI = "macos/wifi-summary.txt"  # `ipconfig getsummary en0`
MAC_FDESETUP = "macos/fdesetup-status.txt"  # `fdesetup status`
# When the escrowed FileVault recovery key was last written: `stat -f %m
# /var/db/FileVaultPRK.dat` (seconds since 1970).
MAC_FILEVAULT_PRK = "macos/filevault-prk-mtime.txt"
# The Mac's serial number: only the "IOPlatformSerialNumber" line of
# `ioreg -rd1 -c IOPlatformExpertDevice` (the rest holds other identifiers).
MAC_SERIAL = "macos/platform-serial.txt"

# Linux
LINUX_PACKAGES = "linux/packages.txt"  # dpkg-query -W -f='${Package}\t${Version}\n'
LINUX_DSREG = "linux/dsreg-status.txt"  # `dsreg --status`
LINUX_INTUNE_REG = (
    "linux/intune-registration.toml"  # ~/.config/intune/registration.toml
)
LINUX_WS1HUB = "linux/ws1hubutil-status-enroll.json"  # `ws1HubUtil status --enroll`
LINUX_AGENTS = "linux/agents.json"
LINUX_WIFI = "linux/nmcli-wifi.txt"  # `nmcli -t -f ACTIVE,SSID dev wifi`
# The SMBIOS system serial: /sys/class/dmi/id/product_serial (root only on
# most distributions).
LINUX_SERIAL = "linux/product-serial.txt"

BY_OS: dict[str, tuple[str, ...]] = {
    "windows": (
        WIN_ENROLLMENTS,
        WIN_OMADM,
        WIN_DSREGCMD,
        WIN_LOCAL_ADMINS,
        WIN_NODECACHE,
        WIN_WLAN,
        WIN_BITLOCKER,
        WIN_SERIAL,
        WIN_AGENTS,
    ),
    "macos": (
        MAC_STATUS,
        MAC_SHOW,
        MAC_PROFILES,
        MAC_APP_SSO,
        MAC_WORKPLACE_JOIN,
        MAC_WIFI,
        MAC_FDESETUP,
        MAC_FILEVAULT_PRK,
        MAC_SERIAL,
        MAC_AGENTS,
    ),
    "linux": (
        LINUX_PACKAGES,
        LINUX_DSREG,
        LINUX_INTUNE_REG,
        LINUX_WS1HUB,
        LINUX_WIFI,
        LINUX_SERIAL,
        LINUX_AGENTS,
    ),
}
ALL_FILES: frozenset[str] = frozenset(f for files in BY_OS.values() for f in files)
OSES = ("windows", "macos", "linux")

# A capture never needs more: the largest real source (a package list) is < 2 MB.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
# capture.json lists sources and versions: a few KiB.
MAX_MANIFEST_BYTES = 1024 * 1024
_MIB = 1024 * 1024
# Per file, about a hundred times the largest real one (command outputs and
# registry exports are a few KiB; a package list < 2 MB; the profiles XML
# holds certificates): with linear parsers, a capture at these caps is opened
# and detected in about a second at most (make bench), where 16 MiB of .reg
# keys or of "Key : Value" lines took several.
MAX_BYTES: dict[str, int] = {
    **{name: _MIB for name in ALL_FILES},
    LINUX_INTUNE_REG: 64 * 1024,
    LINUX_PACKAGES: 8 * _MIB,
    MAC_PROFILES: 8 * _MIB,
    # One line of at most 64 characters (UTF-16 from PowerShell doubles it).
    **{name: 4 * 1024 for name in (WIN_SERIAL, MAC_SERIAL, LINUX_SERIAL)},
}
# The serial file of each OS (helper.parsers.serial reads all three).
SERIAL_BY_OS: dict[str, str] = {
    "windows": WIN_SERIAL,
    "macos": MAC_SERIAL,
    "linux": LINUX_SERIAL,
}


def max_bytes(name: str) -> int:
    """The largest size a capture file may have (capture.json included)."""
    return MAX_BYTES.get(name, MAX_MANIFEST_BYTES if name == MANIFEST else 0)
