# SPDX-License-Identifier: MIT
"""``profiles -C -o stdout-xml``: the installed configuration profiles, as a plist.

The output is a dictionary keyed by scope, ``_computerlevel`` for device profiles
and a user name for each user's own, each holding a list of profiles
(shared/reference/signatures.md §3.2)::

    <dict>
      <key>_computerlevel</key>
      <array>
        <dict>
          <key>ProfileIdentifier</key><string>com.example.mdm</string>
          <key>ProfileUUID</key><string>...</string>
          <key>ProfileRemovalDisallowed</key><true/>
          <key>ProfileItems</key>
          <array>
            <dict>
              <key>PayloadType</key><string>com.apple.mdm</string>
              <key>PayloadContent</key>
              <dict><key>ServerURL</key><string>https://...</string>...</dict>
            </dict>
          </array>
        </dict>
      </array>
    </dict>

XML and binary plists are accepted. The contents are untrusted (a capture can be
built by hand): entity declarations are refused before parsing (plistlib refuses
them too) and the size is capped, so an entity-expansion bomb cannot explode.
"""

from __future__ import annotations

import msgspec

from helper.catalogue import url_host
from helper.parsers import ParseError, string_field

MDM_PAYLOAD = "com.apple.mdm"
# The content key that names a payload for the user, per payload type (Apple's
# Device Management profile reference: WiFi ``SSID_STR``, VPN
# ``UserDefinedName``, Mail ``EmailAccountDescription``, Exchange ActiveSync
# ``EmailAccountName`` is the user's name, so its display name is used instead;
# certificates ``PayloadCertificateFileName``; FileVault recovery key escrow
# ``Location``, the escrow's description for the user). Only these are read:
# other payloads' content is arbitrary.
CONTENT_NAMES: dict[str, str] = {
    "com.apple.wifi.managed": "SSID_STR",
    "com.apple.vpn.managed": "UserDefinedName",
    "com.apple.vpn.managed.applayer": "UserDefinedName",
    "com.apple.mail.managed": "EmailAccountDescription",
    "com.apple.security.pkcs12": "PayloadCertificateFileName",
    "com.apple.security.pkcs1": "PayloadCertificateFileName",
    "com.apple.security.root": "PayloadCertificateFileName",
    "com.apple.security.pem": "PayloadCertificateFileName",
    "com.apple.security.FDERecoveryKeyEscrow": "Location",
}
COMPUTER_LEVEL = "_computerlevel"
# Far above any real profile list (tens of kB), far below what hurts.
MAX_BYTES = 16 * 1024 * 1024
# Profiles plus payloads read at most. A binary plist can reference one object
# many times (a few bytes per reference), so a small file could otherwise make
# us walk millions of profiles: the binary cousin of an entity-expansion bomb.
MAX_ENTRIES = 20_000


class MdmPayload(msgspec.Struct, frozen=True):
    """The ``PayloadContent`` of a ``com.apple.mdm`` payload.

    Attributes:
        server_url: ``ServerURL``, where the device checks in for commands.
        check_in_url: ``CheckInURL``.
        topic: ``Topic`` (``com.apple.mgmt.External.<uuid>``).
        access_rights: ``AccessRights`` (8191 = all).
        removal_disallowed: ``PayloadRemovalDisallowed`` inside the content.
        identity_certificate_uuid: ``IdentityCertificateUUID``.
    """

    server_url: str | None = None
    check_in_url: str | None = None
    topic: str | None = None
    access_rights: int | None = None
    removal_disallowed: bool | None = None
    identity_certificate_uuid: str | None = None

    @property
    def server_host(self) -> str | None:
        """The host of ServerURL, else of CheckInURL."""
        for url in (self.server_url, self.check_in_url):
            if url:
                host = url_host(url)
                if host:
                    return host
        return None


class ProfileItem(msgspec.Struct, frozen=True):
    """One payload of a profile (``ProfileItems[]``).

    Attributes:
        payload_type: ``PayloadType`` (``com.apple.mdm``...).
        identifier: ``PayloadIdentifier``.
        uuid: ``PayloadUUID``.
        display_name: ``PayloadDisplayName``.
        removal_disallowed: ``PayloadRemovalDisallowed`` on the item itself.
        mdm: the MDM settings, for a ``com.apple.mdm`` payload only.
        content_name: what the user recognises the payload by, from its
            content, for the types of :data:`CONTENT_NAMES` only (a Wi-Fi's
            SSID, a VPN's name...); ``""`` otherwise.
    """

    payload_type: str = ""
    identifier: str = ""
    uuid: str = ""
    display_name: str = ""
    removal_disallowed: bool | None = None
    mdm: MdmPayload | None = None
    content_name: str = ""


class Profile(msgspec.Struct, frozen=True):
    """One installed configuration profile.

    Attributes:
        scope: ``_computerlevel`` or the user the profile belongs to.
        identifier, display_name, uuid, organization, profile_type: the
            ``Profile*`` values of the same names.
        removal_disallowed: ``ProfileRemovalDisallowed`` (or
            ``PayloadRemovalDisallowed`` at the profile level).
        install_date: ``ProfileInstallDate``, ISO 8601 when it was a plist date.
        items: the payloads.
    """

    scope: str
    identifier: str = ""
    display_name: str = ""
    uuid: str = ""
    organization: str = ""
    profile_type: str = ""
    removal_disallowed: bool | None = None
    install_date: str | None = None
    items: list[ProfileItem] = []

    def mdm_item(self) -> ProfileItem | None:
        """The ``com.apple.mdm`` payload, if this is the MDM enrollment profile."""
        for item in self.items:
            if item.payload_type == MDM_PAYLOAD:
                return item
        return None


class InstalledProfiles(msgspec.Struct, frozen=True):
    """Everything the XML listed. ``scopes`` keeps the order of the file."""

    profiles: list[Profile] = []
    scopes: list[str] = []

    def mdm_profiles(self) -> list[Profile]:
        """The profiles carrying a ``com.apple.mdm`` payload (normally one)."""
        return [p for p in self.profiles if p.mdm_item() is not None]


def _load(data: bytes) -> object:
    """Decode the plist bytes (XML or binary) into Python objects.

    Raises:
        ParseError: anything plistlib cannot read, or refused input.
    """
    import plistlib

    if len(data) > MAX_BYTES:
        raise ParseError(f"too large ({len(data)} bytes)")
    if data.startswith(b"bplist"):
        fmt = plistlib.FMT_BINARY
        body = data
    else:
        fmt = plistlib.FMT_XML
        body = _utf8(data).lstrip(b"\xef\xbb\xbf \t\r\n")
        if not body:
            raise ParseError("empty")
        # Noise before the document (a warning printed by the tool) is dropped,
        # as is anything after </plist> (expat rejects "junk after document").
        if not body.startswith(b"<"):
            starts = [
                at for at in (body.find(b"<?xml"), body.find(b"<plist")) if at >= 0
            ]
            if not starts:
                raise ParseError("not an XML plist")
            body = body[min(starts) :]
        end = body.find(b"</plist>")
        if end >= 0:
            body = body[: end + len(b"</plist>")]
        if b"<!ENTITY" in body:
            raise ParseError("XML entity declarations are not allowed in a plist")
    try:
        return plistlib.loads(body, fmt=fmt)
    except Exception as exc:
        # plistlib lets many exception types through on hostile input
        # (ExpatError, ValueError, AttributeError on a bad <date>, RecursionError
        # on deep binary nesting...): the parser contract allows only ParseError.
        raise ParseError(f"not a readable plist ({type(exc).__name__})") from None


def _utf8(data: bytes) -> bytes:
    """UTF-16 text (a plist saved by a Windows editor or shell) as UTF-8 bytes."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    text = data.decode("utf-16", errors="replace").lstrip()
    # The declaration still says UTF-16, which expat would believe: drop it.
    if text.startswith("<?xml"):
        text = text[text.find("?>") + 2 :] if "?>" in text else ""
    return text.encode("utf-8")


_str = string_field


def _opt_str(obj: dict[str, object], key: str, where: str) -> str | None:
    return _str(obj, key, where) or None


def _bool(obj: dict[str, object], key: str, where: str) -> bool | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    # Hand-built and older outputs spell booleans as strings ("TRUE") or 0/1.
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("true", "yes", "1"):
            return True
        if word in ("false", "no", "0"):
            return False
    raise ParseError(f"{where}: {key} is not a boolean ({value!r:.40})")


def _int(obj: dict[str, object], key: str, where: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = value.strip() if isinstance(value, str) else ""
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if text.isascii() and text.isdigit() and len(text) <= 20:
        return int(text)
    raise ParseError(f"{where}: {key} is not an integer ({value!r:.40})")


def _date(obj: dict[str, object], key: str, where: str) -> str | None:
    import datetime

    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip() or None
    raise ParseError(f"{where}: {key} is not a date ({type(value).__name__})")


def _dict(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ParseError(f"{where} is {type(value).__name__}, not a dictionary")
    return value


def _mdm_payload(content: object, where: str) -> MdmPayload:
    if content is None:
        return MdmPayload()
    obj = _dict(content, f"{where} PayloadContent")
    return MdmPayload(
        server_url=_opt_str(obj, "ServerURL", where),
        check_in_url=_opt_str(obj, "CheckInURL", where),
        topic=_opt_str(obj, "Topic", where),
        access_rights=_int(obj, "AccessRights", where),
        removal_disallowed=_bool(obj, "PayloadRemovalDisallowed", where),
        identity_certificate_uuid=_opt_str(obj, "IdentityCertificateUUID", where),
    )


def _item(raw: object, where: str) -> ProfileItem:
    obj = _dict(raw, where)
    payload_type = _str(obj, "PayloadType", where)
    # Other payloads' content is arbitrary (a certificate's is <data>): only the
    # MDM payload's is read, and so type-checked.
    mdm = (
        _mdm_payload(obj.get("PayloadContent"), where)
        if payload_type == MDM_PAYLOAD
        else None
    )
    return ProfileItem(
        payload_type=payload_type,
        identifier=_str(obj, "PayloadIdentifier", where),
        uuid=_str(obj, "PayloadUUID", where),
        display_name=_str(obj, "PayloadDisplayName", where),
        removal_disallowed=_bool(obj, "PayloadRemovalDisallowed", where),
        mdm=mdm,
        content_name=_content_name(obj, payload_type),
    )


def _content_name(obj: dict[str, object], payload_type: str) -> str:
    """The payload's name for the user (:data:`CONTENT_NAMES`), ``""`` if none.

    In a profile listing, a payload's settings may sit at the item's top
    level or in its ``PayloadContent`` dictionary: both are looked at. A value
    that is not text is ignored rather than refused: it names nothing.
    """
    key = CONTENT_NAMES.get(payload_type)
    if key is None:
        return ""
    content = obj.get("PayloadContent")
    for where in (obj, content if isinstance(content, dict) else {}):
        value = where.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:200]
    return ""


def _profile(raw: object, scope: str, index: int, budget: list[int]) -> Profile:
    # The scope is a user name from the file: keep messages short whatever it is.
    where = f"{scope[:40]}[{index}]"
    obj = _dict(raw, where)
    items_raw = obj.get("ProfileItems", [])
    if not isinstance(items_raw, list):
        raise ParseError(f"{where}: ProfileItems is not a list")
    budget[0] -= 1 + len(items_raw)
    if budget[0] < 0:
        raise ParseError(f"more than {MAX_ENTRIES} profiles and payloads")
    removal = _bool(obj, "ProfileRemovalDisallowed", where)
    if removal is None:
        removal = _bool(obj, "PayloadRemovalDisallowed", where)
    return Profile(
        scope=scope,
        identifier=_str(obj, "ProfileIdentifier", where),
        display_name=_str(obj, "ProfileDisplayName", where),
        uuid=_str(obj, "ProfileUUID", where),
        organization=_str(obj, "ProfileOrganization", where),
        profile_type=_str(obj, "ProfileType", where),
        removal_disallowed=removal,
        install_date=_date(obj, "ProfileInstallDate", where),
        items=[
            _item(item, f"{where}.ProfileItems[{i}]")
            for i, item in enumerate(items_raw)
        ],
    )


def parse_profiles_plist(data: bytes) -> InstalledProfiles:
    """Parse ``profiles -C -o stdout-xml`` (or ``-L``/``-P``, same shape).

    Keys whose value is not a list are ignored (unknown metadata), except
    ``_computerlevel``, which must be a list.

    Raises:
        ParseError: not a plist, entity declarations, wrong types in the parts
            that are read.
    """
    root = _load(data)
    if not isinstance(root, dict):
        raise ParseError(f"the plist root is {type(root).__name__}, not a dictionary")
    profiles: list[Profile] = []
    scopes: list[str] = []
    budget = [MAX_ENTRIES]
    for scope, entries in root.items():
        if not isinstance(scope, str):
            continue
        if not isinstance(entries, list):
            if scope == COMPUTER_LEVEL:
                raise ParseError(f"{COMPUTER_LEVEL} is not a list")
            continue
        scopes.append(scope)
        profiles.extend(
            _profile(raw, scope, i, budget) for i, raw in enumerate(entries)
        )
    return InstalledProfiles(profiles, scopes)
