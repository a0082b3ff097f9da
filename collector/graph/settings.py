# SPDX-License-Identifier: MIT
"""``[intune]``: the Microsoft Graph check of each device's arrival in Intune.

::

    [intune]
    enabled = true
    tenant_id = "00000000-0000-0000-0000-000000000000"
    client_id = "11111111-1111-1111-1111-111111111111"
    certificate_file = "/etc/intune-migration-collector/graph.pem"  # mode 0600
    sync_interval_minutes = 60
    limbo_hours = 24

The credential (docs/intune-confirmation.md, "Credentials"), first found wins:
``$CREDENTIALS_DIRECTORY/intune-certificate`` (systemd ``LoadCredential``),
``certificate_file``, ``$CREDENTIALS_DIRECTORY/intune-client-secret``,
``client_secret_file``, then ``client_secret`` (for instance from
``INTUNE_COLLECTOR_INTUNE_CLIENT_SECRET``; discouraged: a secret in the
environment reaches every child process). ``show-config`` prints ``***`` for
``client_secret``.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import TYPE_CHECKING, Annotated, Final

import msgspec

from collector.config import ConfigError, register_section

if TYPE_CHECKING:
    from collector.config import Config

SECTION: Final = "intune"
_GUID: Final = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


class IntuneConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[intune]``.

    Attributes:
        enabled: run the sync (background task) and answer the devices'
            ``GET /api/v1/devices/self``.
        tenant_id: the tenant of the app registration (a GUID).
        client_id: the app registration's application (client) id.
        certificate_file: a PEM file with the private key and its certificate,
            readable only by the service user (preferred credential).
        certificate_password: the PEM's password, if it is encrypted.
        client_secret_file: a file holding the client secret alone, readable
            only by the service user.
        client_secret: the client secret itself (discouraged; masked by
            ``show-config``).
        authority: the token service (sovereign clouds differ).
        graph_url: Microsoft Graph's root (sovereign clouds differ).
        ca_file: a PEM bundle to trust instead of the system store (tests, a
            TLS-inspecting proxy).
        sync_interval_minutes: how often the background sync runs (0: never;
            ``intune-sync`` from a timer instead).
        limbo_hours: a device that reported leaving the old EMM and is not
            confirmed by Intune after this many hours is in limbo.
        bitlocker: check BitLocker recovery key metadata (needs
            ``BitlockerKey.ReadBasic.All``).
        timeout_seconds: per HTTP call.
        max_attempts: tries per Graph call (429, 503 and 5xx are retried).
    """

    enabled: bool = False
    tenant_id: str = ""
    client_id: str = ""
    certificate_file: str = ""
    certificate_password: str = ""
    client_secret_file: str = ""
    client_secret: str = ""
    authority: str = "https://login.microsoftonline.com"
    graph_url: str = "https://graph.microsoft.com"
    ca_file: str = ""
    sync_interval_minutes: Annotated[int, msgspec.Meta(ge=0, le=7 * 24 * 60)] = 60
    limbo_hours: Annotated[int, msgspec.Meta(ge=1, le=24 * 90)] = 24
    bitlocker: bool = True
    timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=300)] = 30.0
    max_attempts: Annotated[int, msgspec.Meta(ge=1, le=20)] = 6


register_section(SECTION, IntuneConfig)


def intune_config(config: Config) -> IntuneConfig:
    """The checked ``[intune]`` section.

    Raises:
        ConfigError: a value types cannot catch (only when enabled).
    """
    settings = config.section(SECTION, IntuneConfig)
    check(settings)
    return settings


def check(settings: IntuneConfig) -> None:
    """What types cannot say (only when enabled).

    Raises:
        ConfigError: ``intune.<key>: expected ...``.
    """
    if not settings.enabled:
        return

    def fail(key: str, expected: str) -> ConfigError:
        return ConfigError(f"configuration: {SECTION}.{key}: {expected}")

    for key, value in (
        ("tenant_id", settings.tenant_id),
        ("client_id", settings.client_id),
    ):
        if not _GUID.fullmatch(value):
            raise fail(key, "expected a GUID (the app registration's overview page)")
    for key, url in (
        ("authority", settings.authority),
        ("graph_url", settings.graph_url),
    ):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise fail(key, "expected an https:// URL")


__all__ = ["SECTION", "IntuneConfig", "check", "intune_config"]
