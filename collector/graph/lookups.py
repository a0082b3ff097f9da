# SPDX-License-Identifier: MIT
"""What the collector asks Microsoft Graph, and how it reads the answers.

Calls (v1.0; permissions in docs/intune-confirmation.md):

- ``GET /deviceManagement/managedDevices?$select=...`` (paged; or with
  ``$filter=serialNumber eq '...'`` for one device [CODE V-094]):
  ``DeviceManagementManagedDevices.Read.All`` [DOC V-092];
- ``GET /devices?$select=deviceId,trustType`` (paged; or ``$filter=deviceId eq
  '...'``): ``Device.Read.All`` [DOC V-097, V-098];
- ``GET /informationProtection/bitlocker/recoveryKeys`` (paged; or
  ``$filter=deviceId eq '...'``), metadata only: ``id``, ``deviceId``,
  ``volumeType``, ``createdDateTime``; never ``$select=key``:
  ``BitlockerKey.ReadBasic.All`` [DOC V-100, V-101].

Outside data: each object is read on its own; one that does not have the
documented shape is skipped (and counted), never a crash.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Final, Literal, TypeVar

import msgspec

from collector.graph.client import GraphClient, GraphError
from collector.storage.base import utc_text as stored_text

MANAGED_DEVICES: Final = "/v1.0/deviceManagement/managedDevices"
ENTRA_DEVICES: Final = "/v1.0/devices"
RECOVERY_KEYS: Final = "/v1.0/informationProtection/bitlocker/recoveryKeys"
# Only what the confirmation needs ($select): no user name, no device name.
MANAGED_FIELDS: Final = (
    "id,serialNumber,complianceState,lastSyncDateTime,enrolledDateTime,"
    "azureADDeviceId,operatingSystem,userId,deviceEnrollmentType"
)
ENTRA_FIELDS: Final = "deviceId,trustType"
# A serial filter that matches this many records did not filter: Intune ignores
# a $filter on a property it cannot filter and returns every device [COMMUNITY V-095].
MAX_SERIAL_MATCHES: Final = 20

Compliance = Literal["compliant", "noncompliant", "unknown"]
Escrow = Literal["yes", "no", "unknown"]
# managedDevice.complianceState [DOC V-092] as the dashboard counts it.
_COMPLIANCE: Final[dict[str, Compliance]] = {
    "compliant": "compliant",
    "noncompliant": "noncompliant",
    "conflict": "noncompliant",
    "error": "noncompliant",
    "inGracePeriod": "noncompliant",
}
# device.trustType [DOC V-098] in the helper's join vocabulary (event JoinType).
TRUST_TYPES: Final[dict[str, str]] = {
    "AzureAd": "entra-joined",
    "ServerAd": "hybrid-joined",
    "Workplace": "registered",
}
T = TypeVar("T")
_NULL_GUID: Final = "00000000-0000-0000-0000-000000000000"


class ManagedDevice(msgspec.Struct, frozen=True, rename="camel"):
    """An Intune ``managedDevice``, the fields of :data:`MANAGED_FIELDS`."""

    id: str
    serial_number: str | None = None
    compliance_state: str | None = None
    last_sync_date_time: str | None = None
    enrolled_date_time: str | None = None
    azure_a_d_device_id: str | None = msgspec.field(
        default=None, name="azureADDeviceId"
    )
    operating_system: str | None = None
    user_id: str | None = None
    device_enrollment_type: str | None = None

    @property
    def compliance(self) -> Compliance:
        """compliant / noncompliant / unknown."""
        return _COMPLIANCE.get(self.compliance_state or "", "unknown")

    @property
    def entra_device_id(self) -> str | None:
        """The Entra ``deviceId`` (lower case), None when not registered."""
        value = (self.azure_a_d_device_id or "").strip().lower()
        return value if value and value != _NULL_GUID else None

    @property
    def is_windows(self) -> bool:
        return (self.operating_system or "").lower().startswith("windows")

    @property
    def is_macos(self) -> bool:
        return (self.operating_system or "").lower() in ("macos", "mac os x", "osx")


class EntraDevice(msgspec.Struct, frozen=True, rename="camel"):
    """An Entra ``device``: its ``deviceId`` and ``trustType``."""

    device_id: str
    trust_type: str | None = None

    @property
    def join_type(self) -> str | None:
        """The helper's join vocabulary (None: unknown trust type)."""
        return TRUST_TYPES.get(self.trust_type or "")


class RecoveryKey(msgspec.Struct, frozen=True, rename="camel"):
    """A ``bitlockerRecoveryKey`` without its ``key`` (never requested)."""

    id: str
    device_id: str | None = None
    volume_type: str | int | None = None

    @property
    def os_volume(self) -> bool:
        """The key protects the OS volume (``volumeType`` 1 [DOC V-104])."""
        return str(self.volume_type) in ("1", "operatingSystemVolume")


def read(kind: type[T], item: object) -> T | None:
    """``item`` as ``kind``, or None when it does not have the shape."""
    try:
        return msgspec.convert(item, kind, strict=False)
    except msgspec.ValidationError:
        return None


def utc_text(value: str | None) -> str | None:
    """A Graph DateTimeOffset as the collector stores times
    (:func:`collector.storage.base.utc_text`); None when absent, unreadable,
    or Graph's "never" (year 1)."""
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    if moment.year < 2000:
        return None
    return stored_text(moment)


def latest(records: Iterable[ManagedDevice]) -> ManagedDevice | None:
    """The record to believe when one serial has several (re-enrollments
    leave them [UNVERIFIED V-096]): the latest sync, then enrollment."""
    return max(
        records,
        key=lambda d: (
            utc_text(d.last_sync_date_time) or "",
            utc_text(d.enrolled_date_time) or "",
        ),
        default=None,
    )


def _quoted(value: str) -> str:
    # OData string literal: a quote is doubled.
    return "'" + value.replace("'", "''") + "'"


def managed_devices(client: GraphClient) -> Iterator[ManagedDevice | None]:
    """Every Intune managed device (None for an object of the wrong shape)."""
    for page in client.pages(MANAGED_DEVICES, {"$select": MANAGED_FIELDS}):
        for item in page:
            yield read(ManagedDevice, item)


def entra_devices(client: GraphClient) -> Iterator[EntraDevice | None]:
    """Every Entra device's id and trust type."""
    for page in client.pages(ENTRA_DEVICES, {"$select": ENTRA_FIELDS}):
        for item in page:
            yield read(EntraDevice, item)


def escrowed_devices(client: GraphClient) -> set[str]:
    """Entra device ids (lower case) with an OS-volume BitLocker key in Entra."""
    found: set[str] = set()
    for page in client.pages(RECOVERY_KEYS):
        for item in page:
            key = read(RecoveryKey, item)
            if key is not None and key.device_id and key.os_volume:
                found.add(key.device_id.lower())
    return found


def by_serial(client: GraphClient, serial: str) -> list[ManagedDevice]:
    """Intune's records of one serial number (re-checked here: a filter
    Intune ignores returns every device [COMMUNITY V-095]).

    Raises:
        GraphError: a call failed, or the filter did not filter.
    """
    wanted = serial.strip().upper()
    params = {
        "$filter": f"serialNumber eq {_quoted(serial.strip())}",
        "$select": MANAGED_FIELDS,
    }
    found: list[ManagedDevice] = []
    seen = 0
    for page in client.pages(MANAGED_DEVICES, params):
        seen += len(page)
        if seen > MAX_SERIAL_MATCHES:
            raise GraphError("bad-response", "the serial number filter was ignored")
        for item in page:
            device = read(ManagedDevice, item)
            if (
                device is not None
                and (device.serial_number or "").strip().upper() == wanted
            ):
                found.append(device)
    return found


def entra_device(client: GraphClient, device_id: str) -> EntraDevice | None:
    """The Entra device with this ``deviceId`` (``$filter``, so duplicates
    would show [UNVERIFIED V-099]); None when there is none."""
    params = {"$filter": f"deviceId eq {_quoted(device_id)}", "$select": ENTRA_FIELDS}
    for page in client.pages(ENTRA_DEVICES, params):
        for item in page:
            device = read(EntraDevice, item)
            if device is not None and device.device_id.lower() == device_id.lower():
                return device
    return None


def bitlocker_escrow(client: GraphClient, device_id: str) -> Escrow:
    """Whether Entra holds an OS-volume BitLocker recovery key for the device
    (key metadata only)."""
    params = {"$filter": f"deviceId eq {_quoted(device_id)}"}
    for page in client.pages(RECOVERY_KEYS, params):
        for item in page:
            key = read(RecoveryKey, item)
            if key is not None and key.os_volume:
                return "yes"
    return "no"


__all__ = [
    "ENTRA_DEVICES",
    "MANAGED_DEVICES",
    "MANAGED_FIELDS",
    "RECOVERY_KEYS",
    "Compliance",
    "EntraDevice",
    "Escrow",
    "ManagedDevice",
    "RecoveryKey",
    "bitlocker_escrow",
    "by_serial",
    "entra_device",
    "entra_devices",
    "escrowed_devices",
    "latest",
    "managed_devices",
    "read",
    "utc_text",
]
