# SPDX-License-Identifier: MIT
"""The status event sent to the collector, schema ``migration-status/1``.

Stable and documented (docs/reporting.md): the committed JSON Schema
(``resources/schemas/migration-status-1.schema.json``) is generated from these
Structs (``python -m helper.report.event``) and a test keeps the two equal.

Privacy by construction: every string field is an id, a code or a version,
constrained by a pattern that admits no spaces, slashes, backslashes or ``@``.
A free-text message, a path, a user name, an e-mail address or a host name cannot
pass the schema. The serial number only leaves the device as a digest
(:func:`serial_digest`, SHA-256 with a fixed prefix); the collector turns it into
the device's serial identity with a key only it holds (:func:`hmac_of_digest`),
so no device can compute another's identifier.

Import-light (msgspec and the standard library): the journey reporter uses it.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
import uuid
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal

import msgspec

# One normalisation for the probe's parser, the events and IT's lists.
from helper.parsers.serial import normalize_serial

if TYPE_CHECKING:
    from helper.detect.model import Detection

SCHEMA: Final = "migration-status/1"
SCHEMA_ID: Final = (
    "https://intune-migration-helper.example/schemas/migration-status-1.schema.json"
)
APP_NAME: Final = "intune-migration-helper"
MAX_STEPS: Final = 100
MAX_STAGES: Final = 16

# Every pattern ends with END: msgspec (like Python's jsonschema) matches with
# re.search, where "$" also matches before a final newline, so "wave-01\n"
# passed as a look-alike of "wave-01"; ECMA's "$" (the JSON Schema's) does not.
# The lookahead makes both engines agree.
END: Final = r"$(?!\n)"
# Lower-case canonical UUIDs, as str(uuid.uuid4()) writes them.
UUID_PATTERN: Final = (
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + END
)
# Entra and Intune device ids: GUIDs, any case (Windows tools print upper case).
GUID_PATTERN: Final = (
    r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
    + END
)
# Ids: stages, plan steps, vendors, campaigns, waves. No spaces, '/', '\' or '@'.
ID_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}" + END
# Codes: ``legacy-still-present``, ``0x80180014``, ``ENR-014``, ``http:413``.
CODE_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}" + END
VERSION_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}" + END
LOCALE_PATTERN: Final = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}" + END
HMAC_PATTERN: Final = r"^[0-9a-f]{64}" + END

EventId = Annotated[str, msgspec.Meta(pattern=UUID_PATTERN)]
Guid = Annotated[str, msgspec.Meta(pattern=GUID_PATTERN)]
Ident = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
Code = Annotated[str, msgspec.Meta(pattern=CODE_PATTERN)]
Version = Annotated[str, msgspec.Meta(pattern=VERSION_PATTERN)]
Locale = Annotated[str, msgspec.Meta(pattern=LOCALE_PATTERN)]
SerialHmac = Annotated[str, msgspec.Meta(pattern=HMAC_PATTERN)]
UtcTime = Annotated[datetime.datetime, msgspec.Meta(tz=True)]
DeviceSeq = Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]

# The journey's event states (helper.journey.transitions.EventState) plus heartbeat.
EventType = Literal[
    "created",
    "resumed",
    "started",
    "succeeded",
    "failed",
    "skipped",
    "deferred",
    "blocked",
    "heartbeat",
]
StepState = Literal["pending", "running", "done", "failed", "skipped"]
OverallState = Literal[
    "not-started", "in-progress", "succeeded", "failed", "blocked", "deferred"
]
OsFamily = Literal["windows", "macos", "linux"]
Arch = Literal["x64", "x86", "arm64", "arm", "other"]
JoinType = Literal[
    "entra-joined", "hybrid-joined", "domain-joined", "registered", "none", "unknown"
]


class Device(
    msgspec.Struct,
    kw_only=True,
    frozen=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
):
    """The device, by pseudonymous ids only (no host name, no plain serial).

    Attributes:
        os_family: windows, macos or linux.
        os_version: the OS version (``10.0.26100``, ``14.5``, ``12``).
        arch: x64, x86, arm64, arm or other.
        entra_device_id: the Entra device id, once the device is registered.
        intune_device_id: the Intune device id, once enrolled.
        serial_hmac: deprecated, from older helpers (an HMAC with a key that
            every device held): the collector only ever takes it as a claim;
            it stores here the identity it made from ``serial_digest``.
        join_type: the Entra join state (detection/1 ``entra.join``).
        serial_digest: :func:`serial_digest` of the serial number, sent inside
            the TLS request only; the collector stores its own HMAC of it
            instead (never the digest).
    """

    os_family: OsFamily
    os_version: Version | None = None
    arch: Arch | None = None
    entra_device_id: Guid | None = None
    intune_device_id: Guid | None = None
    serial_hmac: SerialHmac | None = None
    join_type: JoinType | None = None
    serial_digest: SerialHmac | None = None


class LegacyStatus(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """The legacy management the device leaves.

    Attributes:
        vendor: catalogue id (``workspace-one``), ``unknown-mdm``, or None.
        still_enrolled: the last detection still saw it; None when unknown.
    """

    vendor: Ident | None = None
    still_enrolled: bool | None = None


class IntuneParts(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """Which halves of "in Intune" the last detection confirmed
    (helper/journey/joined.py).

    Attributes:
        mdm: an Intune MDM enrollment (Windows Enrollments, the macOS MDM
            profile, the Linux Intune app's registration); None when unknown.
        registration: registered or joined in Microsoft Entra ID, in the
            configured tenant (Windows dsregcmd, macOS Company Portal or
            Platform SSO, Linux dsreg); None when unknown.
    """

    mdm: bool | None = None
    registration: bool | None = None


class StepStatus(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The state of one stage or one plan step.

    Attributes:
        id: the stage (``confirm-left``) or plan step id (``ws1-uninstall-hub``).
        state: pending, running, done, failed or skipped.
        error_code: why it failed or was skipped (a code), else None.
        at: when it last changed (UTC).
    """

    id: Ident
    state: StepState
    error_code: Code | None = None
    at: UtcTime | None = None


class App(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The sending application."""

    name: Literal["intune-migration-helper"] = APP_NAME
    version: Version


class Env(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The device's environment.

    Attributes:
        locale: the user's locale as a BCP 47 tag (``fr-FR``), when known.
    """

    locale: Locale | None = None


class StatusEvent(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """One status event (``migration-status/1``).

    Every event carries a full snapshot (``stages``, ``steps``, ``overall_state``),
    so the collector's latest state is right as soon as any later event arrives,
    even when an earlier one was lost.

    Attributes:
        schema: ``migration-status/1``.
        event_id: a UUID made once, when the event is created; the collector's
            idempotency key (a resent event keeps it).
        device_seq: increases by one with each event of this device's outbox;
            the collector keeps the state of the highest one.
        event_time_utc: when it happened, by the device's clock (UTC).
        event_type: what happened (the journey's event states, plus heartbeat).
        campaign_id, wave_id: from the IT configuration.
        journey_id: the journey (a UUID; a restarted journey gets a new one).
        journey_path: the plan's path (``leave-then-join``...).
        stage, step: what the event is about (a stage, and a plan step or None).
        code: a reason or error code for this event, else None.
        started_utc: when the stage or step began (UTC), for durations.
        device: the device ids and OS.
        legacy: the legacy management, when one is or was detected.
        intune: which halves of "in Intune" the last detection confirmed
            (absent before any detection).
        stages, steps: the snapshot of every stage and plan step seen so far.
        current_stage: the stage the journey is at.
        overall_state: the journey as a whole.
        app: the helper's name and version.
        env: the locale.
    """

    schema: Literal["migration-status/1"]
    event_id: EventId
    device_seq: DeviceSeq
    event_time_utc: UtcTime
    event_type: EventType
    campaign_id: Ident | None = None
    wave_id: Ident | None = None
    journey_id: EventId | None = None
    journey_path: Ident | None = None
    stage: Ident | None = None
    step: Ident | None = None
    code: Code | None = None
    started_utc: UtcTime | None = None
    device: Device
    legacy: LegacyStatus | None = None
    intune: IntuneParts | None = None
    stages: Annotated[list[StepStatus], msgspec.Meta(max_length=MAX_STAGES)] = []
    steps: Annotated[list[StepStatus], msgspec.Meta(max_length=MAX_STEPS)] = []
    current_stage: Ident | None = None
    overall_state: OverallState
    app: App
    env: Env = Env()


# --- encoding -------------------------------------------------------------------

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(StatusEvent)


def encode_event(event: StatusEvent) -> bytes:
    """The JSON bytes of one event, as stored in the outbox and sent."""
    return _encoder.encode(event)


def decode_event(raw: bytes) -> StatusEvent:
    """Decode and check one event.

    Raises:
        msgspec.ValidationError: the bytes do not match ``migration-status/1``.
        msgspec.DecodeError: not JSON.
    """
    return _decoder.decode(raw)


def status_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one event, generated from the model."""
    from helper.schemas import model_schema

    return model_schema(
        StatusEvent,
        file_name=SCHEMA_ID.rsplit("/", 1)[-1],
        title="Intune Migration Helper status event (migration-status/1)",
    )


def status_schema_text() -> str:
    """The committed schema file's exact text."""
    from helper.schemas import schema_text

    return schema_text(status_schema())


# --- building values that pass the schema ---------------------------------------

_ID_RE = re.compile(ID_PATTERN)
_CODE_RE = re.compile(CODE_PATTERN)
_GUID_RE = re.compile(GUID_PATTERN)
_VERSION_RE = re.compile(VERSION_PATTERN)
_LOCALE_RE = re.compile(LOCALE_PATTERN)


def new_event_id() -> str:
    """A fresh event id (UUID4, lower case)."""
    return str(uuid.uuid4())


def utc(moment: datetime.datetime) -> datetime.datetime:
    """``moment`` in UTC (naive datetimes are taken as UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


def as_ident(value: str | None) -> str | None:
    """``value`` when it is a valid id, else None (never send what fails)."""
    return value if value and _ID_RE.fullmatch(value) else None


def as_code(value: str | None) -> str | None:
    """``value`` when it is a valid code, else the code ``invalid-code``.

    A code that does not fit the pattern may hold free text; it is replaced, not
    dropped, so the collector still sees that something went wrong.
    """
    if value is None or value == "":
        return None
    return value if _CODE_RE.fullmatch(value) else "invalid-code"


def as_guid(value: str | None) -> str | None:
    """``value`` when it is a GUID (braces removed), else None."""
    if not value:
        return None
    value = value.strip().strip("{}")
    return value if _GUID_RE.fullmatch(value) else None


def as_version(value: str | None) -> str | None:
    """``value`` when it is a plain version string, else None."""
    if not value:
        return None
    value = value.strip()
    return value if _VERSION_RE.fullmatch(value) else None


def normalize_arch(machine: str | None) -> Arch | None:
    """``platform.machine()`` (``AMD64``, ``x86_64``, ``aarch64``...) → an Arch."""
    if not machine:
        return None
    value = machine.strip().lower()
    if value in ("amd64", "x86_64", "x64", "em64t"):
        return "x64"
    if value in ("arm64", "aarch64", "arm64e"):
        return "arm64"
    if value in ("x86", "i386", "i486", "i586", "i686"):
        return "x86"
    if value.startswith("arm"):
        return "arm"
    return "other"


def normalize_locale(name: str | None) -> str | None:
    """A POSIX or Windows locale name (``fr_FR.UTF-8``) as a BCP 47 tag (``fr-FR``)."""
    if not name:
        return None
    tag = name.split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    return tag if _LOCALE_RE.fullmatch(tag) else None


SERIAL_DIGEST_PREFIX: Final = b"intune-migration-helper/serial/1\n"


def serial_digest(serial: str | None) -> str | None:
    """hex(SHA-256(prefix + normalized serial)), what a device sends; None for
    no serial or a placeholder.

    Not a secret and not an identifier on its own: the collector keys it
    (:func:`hmac_of_digest`). It says no more than the keyed HMAC devices used
    to send, since every device held that key.
    """
    if serial is None:
        return None
    value = normalize_serial(serial)
    if value is None:
        return None
    return hashlib.sha256(SERIAL_DIGEST_PREFIX + value.encode("utf-8")).hexdigest()


def hmac_of_digest(digest: str, key: str) -> str:
    """The collector's serial identity: hex(HMAC-SHA256(key, digest))."""
    return hmac.new(
        key.encode("utf-8"), digest.encode("ascii"), hashlib.sha256
    ).hexdigest()


def serial_hmac(serial: str | None, key: str) -> str | None:
    """The serial identity the collector stores for ``serial`` (IT's lists are
    matched with it), or None without a key or serial.

    IT recomputes it from its inventory with the collector's key::

        digest = hashlib.sha256(
            b"intune-migration-helper/serial/1\n" + serial.strip().upper().encode()
        ).hexdigest()
        hmac.new(key.encode(), digest.encode(), "sha256").hexdigest()
    """
    digest = serial_digest(serial)
    if not key or digest is None:
        return None
    return hmac_of_digest(digest, key)


class DeviceFacts(msgspec.Struct, kw_only=True, frozen=True):
    """What the events say about the device, gathered from detection and the OS.

    Attributes:
        os_family: windows, macos or linux.
        os_version, arch: from the capture manifest or the platform module.
        entra_device_id, intune_device_id: from detection.
        join_type: detection's ``entra.join``.
        serial_digest: :func:`serial_digest` (never the plain serial).
        legacy_vendor: the legacy vendor id, when one was detected.
        legacy_enrolled: the last detection still saw it (None: unknown).
        intune_mdm, intune_registration: the halves of "in Intune" the last
            detection confirmed (:class:`IntuneParts`).
    """

    os_family: OsFamily
    os_version: str | None = None
    arch: Arch | None = None
    entra_device_id: str | None = None
    intune_device_id: str | None = None
    join_type: JoinType | None = None
    serial_digest: str | None = None
    legacy_vendor: str | None = None
    legacy_enrolled: bool | None = None
    intune_mdm: bool | None = None
    intune_registration: bool | None = None

    def device(self) -> Device:
        """The event's ``device`` object (invalid values dropped)."""
        return Device(
            os_family=self.os_family,
            os_version=as_version(self.os_version),
            arch=self.arch,
            entra_device_id=as_guid(self.entra_device_id),
            intune_device_id=as_guid(self.intune_device_id),
            join_type=self.join_type,
            serial_digest=self.serial_digest,
        )

    def intune(self) -> IntuneParts | None:
        """The event's ``intune`` object, None before any detection."""
        if self.intune_mdm is None and self.intune_registration is None:
            return None
        return IntuneParts(mdm=self.intune_mdm, registration=self.intune_registration)

    def legacy(self) -> LegacyStatus | None:
        """The event's ``legacy`` object, None when nothing is known."""
        if self.legacy_vendor is None and self.legacy_enrolled is None:
            return None
        return LegacyStatus(
            vendor=as_ident(self.legacy_vendor), still_enrolled=self.legacy_enrolled
        )


def platform_facts() -> DeviceFacts:
    """The facts the platform module knows (OS family, version, arch)."""
    import platform

    family: OsFamily
    version: str | None
    system = platform.system()
    if system == "Windows":
        family, version = "windows", platform.version()
    elif system == "Darwin":
        family, version = "macos", platform.mac_ver()[0]
    else:
        family, version = "linux", _linux_version()
    return DeviceFacts(
        os_family=family,
        os_version=as_version(version),
        arch=normalize_arch(platform.machine()),
    )


def _linux_version() -> str | None:
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                if key == "VERSION_ID":
                    return value.strip().strip("\"'")
    except OSError:
        pass
    return None


_FAMILIES: Final[dict[str, OsFamily]] = {
    "windows": "windows",
    "macos": "macos",
    "linux": "linux",
}


def facts_from_detection(
    detection: Detection,
    base: DeviceFacts,
    *,
    serial_digest_value: str | None = None,
    tenant_id: str = "",
    windows_join: str = "register",
) -> DeviceFacts:
    """``base`` updated with what a detection result says.

    Args:
        detection: a detection/1 result.
        base: the facts so far (OS version and arch; the previous ids).
        serial_digest_value: :func:`serial_digest` of the serial (keeps
            ``base``'s when None).
        tenant_id, windows_join: ``tenant.tenant_id`` and
            ``enrollment.windows_join``, for the halves of "in Intune".

    Returns:
        New facts. Ids only ever appear (a detection that cannot read them keeps
        the ones already known); the legacy vendor is the first one detected.
    """
    family = _FAMILIES.get(detection.os, base.os_family)
    legacy_vendor = detection.legacy[0].vendor if detection.legacy else None
    from helper.journey.joined import joined_parts

    if detection.verdict == "unknown":
        enrolled: bool | None = base.legacy_enrolled
        mdm, registration = base.intune_mdm, base.intune_registration
    else:
        enrolled = bool(detection.legacy)
        parts = joined_parts(detection, tenant_id=tenant_id, windows_join=windows_join)
        mdm, registration = parts.mdm, parts.registration
    return msgspec.structs.replace(
        base,
        os_family=family,
        entra_device_id=as_guid(detection.entra.device_id) or base.entra_device_id,
        intune_device_id=as_guid(detection.intune.device_id) or base.intune_device_id,
        join_type=(
            detection.entra.join
            if detection.entra.join != "unknown" or base.join_type is None
            else base.join_type
        ),
        serial_digest=serial_digest_value or base.serial_digest,
        legacy_vendor=legacy_vendor or base.legacy_vendor,
        legacy_enrolled=enrolled,
        intune_mdm=mdm,
        intune_registration=registration,
    )


if __name__ == "__main__":
    print(status_schema_text(), end="")
