# SPDX-License-Identifier: MIT
"""Disk encryption state: ``fdesetup status`` (macOS) and BitLocker (Windows).

- ``fdesetup status`` prints one of ``FileVault is On.``, ``FileVault is
  Off.``, ``Encryption in progress: Percent completed = 42.5`` or
  ``Decryption in progress: ...`` (and may add a line about deferred
  enablement) [DOC fdesetup(8)].
- Windows: ``windows/bitlocker.json``, written by the probe's PowerShell
  (``helper.probe.windows.BITLOCKER_SCRIPT``): the system drive's
  ``Get-BitLockerVolume`` fields as strings [DOC learn.microsoft.com
  Get-BitLockerVolume] and the recovery-password backups to Microsoft Entra
  ID that the ``Microsoft-Windows-BitLocker/BitLocker Management`` event log
  records (event 845) [COMMUNITY]::

      {"Volume": {"MountPoint": "C:", "VolumeStatus": "FullyEncrypted",
                  "ProtectionStatus": "On", "EncryptionPercentage": 100,
                  "KeyProtector": [{"KeyProtectorId": "{...}",
                                    "KeyProtectorType": "RecoveryPassword"}]},
       "EntraBackups": [{"TimeCreated": "2026-11-02T09:14:03Z",
                         "KeyProtectorId": "{...}"}]}

No key, password or recovery password is ever read: only states and the
protectors' types and ids.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from helper.parsers import ParseError, decode_text, string_field

State = Literal["on", "off", "encrypting", "decrypting", "unknown"]

_VOLUME_STATES: dict[str, State] = {
    "fullyencrypted": "on",
    "fullydecrypted": "off",
    "encryptioninprogress": "encrypting",
    "encryptionpaused": "encrypting",
    "decryptioninprogress": "decrypting",
    "decryptionpaused": "decrypting",
    # ConvertTo-Json without -EnumsAsStrings writes the enum's number.
    "0": "off",
    "1": "on",
    "2": "encrypting",
    "3": "decrypting",
    "4": "encrypting",
    "5": "decrypting",
}
_FDESETUP_LINES: tuple[tuple[str, State], ...] = (
    ("filevault is on", "on"),
    ("filevault is off", "off"),
    ("encryption in progress", "encrypting"),
    ("decryption in progress", "decrypting"),
)
RECOVERY_PASSWORD = "RecoveryPassword"
MAX_PROTECTORS = 64
MAX_BACKUPS = 200


def parse_fdesetup_status(data: bytes) -> State:
    """``fdesetup status`` → ``on``, ``off``, ``encrypting`` or ``decrypting``.

    Raises:
        ParseError: empty, binary, or not fdesetup's output.
    """
    text = decode_text(data)
    for raw in text.splitlines():
        line = raw.strip().casefold()
        for prefix, state in _FDESETUP_LINES:
            if line.startswith(prefix):
                return state
    raise ParseError("not fdesetup status output")


class Protector(msgspec.Struct, frozen=True):
    """One BitLocker key protector: its type (``Tpm``, ``RecoveryPassword``...)
    and id (a braced GUID)."""

    type: str
    id: str = ""


class EntraBackup(msgspec.Struct, frozen=True):
    """A recovery password backed up to Microsoft Entra ID (event 845)."""

    time: str
    protector_id: str = ""


class BitLocker(msgspec.Struct, frozen=True):
    """The system drive's BitLocker state and its Entra backups.

    Attributes:
        state: the volume's encryption state.
        protection_on: ``ProtectionStatus`` On (False: suspended or off).
        protectors: the key protectors.
        entra_backups: recovery-password backups to Microsoft Entra ID.
    """

    state: State
    protection_on: bool | None = None
    protectors: list[Protector] = []
    entra_backups: list[EntraBackup] = []

    def recovery_password_ids(self) -> set[str]:
        """The ids of the recovery-password protectors (upper case)."""
        return {
            p.id.upper()
            for p in self.protectors
            if p.type == RECOVERY_PASSWORD and p.id
        }

    def backed_up_to_entra(self) -> bool:
        """A current recovery password was backed up to Microsoft Entra ID."""
        ids = self.recovery_password_ids()
        return any(b.protector_id.upper() in ids for b in self.entra_backups)


def _dict(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ParseError(f"{where} is not an object")
    return value


def _list(value: object, where: str, cap: int) -> list[object]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]  # ConvertTo-Json prints one item as an object
    if not isinstance(value, list):
        raise ParseError(f"{where} is not a list")
    if len(value) > cap:
        raise ParseError(f"{where}: more than {cap} entries")
    return value


def _scalar(obj: dict[str, object], key: str) -> str:
    value = obj.get(key)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return str(int(value))
    return string_field(obj, key, key)


def parse_bitlocker_json(data: bytes) -> BitLocker:
    """``windows/bitlocker.json`` → the system drive's BitLocker state.

    Raises:
        ParseError: not JSON, or not the documented shape.
    """
    text = decode_text(data)
    try:
        root = msgspec.json.decode(text.encode("utf-8"))
    except msgspec.DecodeError:
        raise ParseError("not JSON") from None
    obj = _dict(root, "the document")
    volume = _dict(obj.get("Volume"), "Volume")
    status = _scalar(volume, "VolumeStatus").casefold()
    state: State = _VOLUME_STATES.get(status, "unknown")
    protection = _scalar(volume, "ProtectionStatus").casefold()
    protection_on = {"on": True, "1": True, "off": False, "0": False}.get(protection)
    protectors = []
    for raw in _list(volume.get("KeyProtector"), "KeyProtector", MAX_PROTECTORS):
        item = _dict(raw, "a KeyProtector")
        kind = _scalar(item, "KeyProtectorType")
        if kind:
            protectors.append(Protector(kind, _scalar(item, "KeyProtectorId")))
    backups = []
    for raw in _list(obj.get("EntraBackups"), "EntraBackups", MAX_BACKUPS):
        item = _dict(raw, "an EntraBackups entry")
        backups.append(
            EntraBackup(_scalar(item, "TimeCreated"), _scalar(item, "KeyProtectorId"))
        )
    return BitLocker(state, protection_on, protectors, backups)


# A stat time past this (year 2200) is not a file's modification time.
_MAX_EPOCH = 7_258_118_400


def parse_stat_mtime(data: bytes) -> str:
    """``stat -f %m FILE`` (seconds since 1970) → UTC ISO 8601.

    Raises:
        ParseError: not one whole number of seconds.
    """
    import datetime

    text = decode_text(data).strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 12):
        raise ParseError("not a stat -f %m time")
    seconds = int(text)
    if seconds > _MAX_EPOCH:
        raise ParseError("a time past 2200")
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    return moment.isoformat().replace("+00:00", "Z")


def utc_iso(value: str | None) -> str | None:
    """A profile's install date (ISO 8601, or ``2024-03-11 09:41:27 +0000`` as
    some listings print it) as UTC ISO 8601 with a Z; None when unreadable."""
    import datetime

    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    moment: datetime.datetime | None = None
    for parse in (
        datetime.datetime.fromisoformat,
        lambda t: datetime.datetime.strptime(t, "%Y-%m-%d %H:%M:%S %z"),
    ):
        try:
            moment = parse(text)
            break
        except ValueError:
            continue
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)  # plistlib dates are UTC
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
