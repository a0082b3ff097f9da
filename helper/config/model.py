# SPDX-License-Identifier: MIT
"""The configuration model: frozen records whose defaults are the built-in layer.

:mod:`helper.config.validate` checks each layer's types and rejects unknown keys
(a misspelt key silently ignored is how IT loses a day); :data:`CHECKS` holds the
checks types cannot express (https URLs, GUIDs, date order...). Each check gets
the converted value of one key and returns ``None`` or ``(suffix, expectation)``.
The records are :class:`~helper.config.record.Record`, not msgspec Structs: the
window reads the configuration before its first paint (see record.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Final

from helper.config.curve import DEFAULT_CURVE, CurveError, parse_curve
from helper.config.record import Record
from helper.languages import LANGUAGES as ALL_LANGUAGES

DEFAULT_DISCOVERY_URL: Final = (
    "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc"
)
DEFAULT_ACCENT_COLOR: Final = "#0F6CBD"
LANGUAGES: Final = ("", *ALL_LANGUAGES)
# enrollment.windows_join: how a Windows PC joins (docs/configuration.md).
WINDOWS_JOIN_MODES: Final = ("register", "join", "mdm-only")
MIN_HMAC_KEY_LENGTH: Final = 32
MAX_DEFERRALS: Final = 100
MAX_REMINDER_HOURS: Final = 24 * 365


class Organization(Record):
    """Who runs the migration, as shown in the window.

    Attributes:
        name: organisation name ("Contoso").
        logo: path of a PNG or SVG logo ("" = none).
        support_email, support_phone, support_url: how to reach the helpdesk.
        accent_color: ``#RRGGBB`` accent of the window.
        message: a short message from IT shown on the first page.
    """

    name: str = ""
    logo: str = ""
    support_email: str = ""
    support_phone: str = ""
    support_url: str = ""
    accent_color: str = DEFAULT_ACCENT_COLOR
    message: str = ""


class Tenant(Record):
    """The Microsoft Entra tenant and the helper's app registration.

    Attributes:
        tenant_id: the tenant GUID.
        client_id: the helper's app registration (client) GUID.
        serial_hmac_key: a tenant secret used to HMAC serial numbers in reports.
    """

    _hidden = frozenset({"serial_hmac_key"})

    tenant_id: str = ""
    client_id: str = ""
    serial_hmac_key: str = ""


class Enrollment(Record):
    """How the device enrolls in Intune.

    Attributes:
        discovery_url: the MDM discovery service.
        upn_domain_hint: the users' UPN domain (``contoso.com``), to pre-fill sign-in.
        windows_join: how a Windows PC joins: ``register`` (Microsoft Entra
            register + Intune enrollment: the work account is added, the user
            keeps their Windows profile), ``join`` (Microsoft Entra join: the
            user signs in to a new Windows profile with the work account) or
            ``mdm-only`` (Intune device management without Microsoft Entra:
            device-based Conditional Access cannot mark the PC compliant).
        legacy_windows_steps: show Windows 8.1 and Windows 10 Mobile users the
            native enrollment steps, instead of saying that Intune no longer
            accepts these devices.
    """

    discovery_url: str = DEFAULT_DISCOVERY_URL
    upn_domain_hint: str = ""
    windows_join: str = "register"
    legacy_windows_steps: bool = False


class Wave(Record):
    """One migration wave.

    Attributes:
        id: short stable id (letters, digits, ``-``, ``_``, ``.``).
        notify_date: from this date, devices in the wave are asked to migrate.
        enforcement_date: from this date, deferrals end (on or after notify_date).
        name: display name.
    """

    id: str
    notify_date: datetime.date
    enforcement_date: datetime.date
    name: str = ""


class MigrationConfig(Record):
    """The migration campaign.

    Attributes:
        campaign_id: id sent with every report.
        waves: the waves; a layer that sets them replaces the whole list.
        legacy_vendor_hint: catalogue id of the expected legacy vendor.
        max_deferrals: how many times a user may postpone (0 = never).
        reminder_hours: hours between two reminders.
        deferral_curve: how much shorter deferrals get as the enforcement
            date nears (:mod:`helper.config.curve`; "" = always
            ``reminder_hours``).
        wave: the id of this device's wave ("" = the first wave whose
            enforcement date is still ahead, else the last one).
    """

    campaign_id: str = ""
    waves: tuple[Wave, ...] = ()
    wave: str = ""
    legacy_vendor_hint: str = ""
    max_deferrals: int = 3
    reminder_hours: int = 24
    deferral_curve: str = DEFAULT_CURVE


class Reporting(Record):
    """Status reports to the collector.

    Attributes:
        enabled: send reports (needs collector_url).
        collector_url: the collector's https URL.
        api_scope: the OAuth scope of the collector API.
        device_code_fallback: allow device-code sign-in when no broker is usable.
        dev_unsigned_tokens: trials only: report tokens come from a
            ``serve --dev`` collector on this machine instead of Entra (a user
            file may set it, with a loopback ``collector_url`` only).
        server_release: where the playbook sends the user to IT because the
            old EMM cannot be removed on the device, offer to ask the
            collector to release the device instead (the collector's
            ``[release]``, docs/connectors.md).
    """

    enabled: bool = False
    collector_url: str = ""
    api_scope: str = ""
    device_code_fallback: bool = True
    server_release: bool = False
    dev_unsigned_tokens: bool = False


class UiConfig(Record):
    """The window.

    Attributes:
        language: "" follows the system, else ``en``, ``fr``, ``de``, ``es``,
            ``it`` or ``nl`` (helper/languages.py).
    """

    language: str = ""


class CatalogueConfig(Record):
    """The vendor catalogue.

    Attributes:
        extra_dir: folder of extra vendor TOML files that add to or override the
            built-in ones ("" = none).
    """

    extra_dir: str = ""


class Config(Record):
    """The whole configuration. ``Config()`` is the built-in defaults layer.

    ``words`` is IT's own words (:mod:`helper.config.words`): sorted
    ``(language, key, text)`` tuples, from the ``[words.<lang>]`` tables.
    """

    privacy_notice_url: str = ""
    organization: Organization = Organization()
    tenant: Tenant = Tenant()
    enrollment: Enrollment = Enrollment()
    migration: MigrationConfig = MigrationConfig()
    reporting: Reporting = Reporting()
    ui: UiConfig = UiConfig()
    catalogue: CatalogueConfig = CatalogueConfig()
    words: tuple[tuple[str, str, str], ...] = ()


def get_value(config: Config, key: str) -> Any:
    """The value of a leaf key path (``tenant.tenant_id``)."""
    value: Any = config
    for part in key.split("."):
        value = getattr(value, part)
    return value


# --- checks ---------------------------------------------------------------------

Problem = tuple[str, str]  # (key suffix, "expected ...")
Check = Callable[[Any], Problem | None]

_HEX = frozenset("0123456789abcdefABCDEF")
_ID_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."
)
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def show(value: object) -> str:
    """A value for a one-line message: repr (escapes newlines), shortened."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _url_problem(value: str, *, allow_local_http: bool = False) -> bool:
    """True when value is not an acceptable URL."""
    # Imported here, not at module level: only a layer that sets a URL needs it.
    from urllib.parse import urlsplit

    if any(c.isspace() for c in value):
        return True
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return True
    if not host:
        return True
    if parts.scheme == "https":
        return False
    return not (allow_local_http and parts.scheme == "http" and host in _LOCAL_HOSTS)


def _https_url(optional: bool) -> Check:
    def check(value: str) -> Problem | None:
        if optional and value == "":
            return None
        if _url_problem(value):
            what = "an https:// URL" + (' or ""' if optional else "")
            return "", f"expected {what}, got {show(value)}"
        return None

    return check


def _collector_url(value: str) -> Problem | None:
    if value == "":
        return None
    if _url_problem(value, allow_local_http=True):
        return "", (
            "expected an https:// URL (http:// only for localhost or 127.0.0.1 "
            f"in trials), got {show(value)}"
        )
    from urllib.parse import urlsplit

    path = urlsplit(value).path
    if "/api/" in path + "/" or path.rstrip("/").endswith("/api"):
        # The helper adds /api/v1/events itself; an example once had
        # .../api/v1/reports here, and every report went to a 404.
        return "", (
            "expected the collector's base URL (the helper adds /api/v1/events), "
            f"got {show(value)}"
        )
    if urlsplit(value).query or urlsplit(value).fragment:
        return "", f"expected a URL without ?query or #fragment, got {show(value)}"
    return None


def loopback_url(value: str) -> bool:
    """Is ``value`` an http(s) URL on this machine (127.0.0.0/8, ::1,
    localhost)? The only place a development collector may be."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host in _LOCAL_HOSTS:
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _api_scope(value: str) -> Problem | None:
    problem = _token(value)
    if problem is not None or value == "":
        return problem
    if "/" not in value:
        return "", (
            "expected the collector API's scope, api://<API application id>/"
            f"Migration.Report, got {show(value)}"
        )
    return None


def is_guid(value: str) -> bool:
    if len(value) != 36:
        return False
    for i, c in enumerate(value):
        if i in (8, 13, 18, 23):
            if c != "-":
                return False
        elif c not in _HEX:
            return False
    return True


def _guid(value: str) -> Problem | None:
    if value == "" or is_guid(value):
        return None
    return "", (
        f"expected a GUID like 00000000-0000-0000-0000-000000000000, got {show(value)}"
    )


def _accent(value: str) -> Problem | None:
    if len(value) == 7 and value[0] == "#" and all(c in _HEX for c in value[1:]):
        return None
    return "", f"expected a colour as #RRGGBB (like #0F6CBD), got {show(value)}"


def _email(value: str) -> Problem | None:
    local, at, domain = value.rpartition("@")
    if value == "" or (
        at
        and local
        and "." in domain.strip(".")
        and not any(c.isspace() for c in value)
    ):
        return None
    return (
        "",
        f"expected an e-mail address like helpdesk@contoso.com, got {show(value)}",
    )


def _domain(value: str) -> Problem | None:
    labels = value.split(".")
    if value == "" or (
        len(labels) >= 2
        and all(
            label and all(c.isalnum() or c == "-" for c in label) for label in labels
        )
    ):
        return None
    return "", f"expected a domain name like contoso.com, got {show(value)}"


def _hmac_key(value: str) -> Problem | None:
    # Never echo the value: it is a secret.
    if value == "" or (
        len(value) >= MIN_HMAC_KEY_LENGTH and not any(c.isspace() for c in value)
    ):
        return None
    return "", (
        f"expected a secret of at least {MIN_HMAC_KEY_LENGTH} characters without "
        "spaces (for example the output of: openssl rand -hex 32)"
    )


def _int_range(low: int, high: int) -> Check:
    def check(value: int) -> Problem | None:
        if low <= value <= high:
            return None
        return "", f"expected an integer from {low} to {high}, got {value}"

    return check


def _language(value: str) -> Problem | None:
    if value in LANGUAGES:
        return None
    codes = ", ".join(f'"{code}"' for code in ALL_LANGUAGES)
    return "", f'expected "" (follow the system) or one of {codes}, got {show(value)}'


def _windows_join(value: str) -> Problem | None:
    if value in WINDOWS_JOIN_MODES:
        return None
    return "", f'expected "register", "join" or "mdm-only", got {show(value)}'


def _token(value: str) -> Problem | None:
    if not any(c.isspace() for c in value):
        return None
    return "", f"expected a value without spaces, got {show(value)}"


def _deferral_curve(value: str) -> Problem | None:
    try:
        parse_curve(value)
    except CurveError as exc:
        return "", f"{exc}, got {show(value)}" if "got" not in str(exc) else str(exc)
    return None


def _waves(waves: tuple[Wave, ...]) -> Problem | None:
    seen: dict[str, int] = {}
    for index, wave in enumerate(waves):
        at = f"[{index}]"
        if not wave.id or any(c not in _ID_CHARS for c in wave.id):
            return f"{at}.id", (
                "expected an id of letters, digits, '-', '_' or '.', "
                f"got {show(wave.id)}"
            )
        if wave.id in seen:
            return f"{at}.id", (
                f"expected a unique id, {show(wave.id)} is also the id of "
                f"waves[{seen[wave.id]}]"
            )
        seen[wave.id] = index
        if wave.enforcement_date < wave.notify_date:
            return f"{at}.enforcement_date", (
                f"expected a date on or after notify_date ({wave.notify_date}), "
                f"got {wave.enforcement_date}"
            )
    return None


CHECKS: Final[dict[str, Check]] = {
    "privacy_notice_url": _https_url(optional=True),
    "organization.support_email": _email,
    "organization.support_url": _https_url(optional=True),
    "organization.accent_color": _accent,
    "tenant.tenant_id": _guid,
    "tenant.client_id": _guid,
    "tenant.serial_hmac_key": _hmac_key,
    "enrollment.discovery_url": _https_url(optional=False),
    "enrollment.upn_domain_hint": _domain,
    "enrollment.windows_join": _windows_join,
    "migration.waves": _waves,
    "migration.legacy_vendor_hint": _token,
    "migration.wave": _token,
    "migration.max_deferrals": _int_range(0, MAX_DEFERRALS),
    "migration.reminder_hours": _int_range(1, MAX_REMINDER_HOURS),
    "migration.deferral_curve": _deferral_curve,
    "reporting.collector_url": _collector_url,
    "reporting.api_scope": _api_scope,
    "ui.language": _language,
}
