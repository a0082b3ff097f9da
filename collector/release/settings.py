# SPDX-License-Identifier: MIT
"""``[release]``: whether and how the collector releases devices from the
old EMM (docs/connectors.md)::

    [release]
    enabled = true
    dry_run = true                  # everything but the vendor's write call
    auto_waves = ["wave-01"]        # released without approval
    approver_role = "Migration.Release"
    secrets_file = "/etc/intune-migration-collector/release-secrets.toml"

    [[release.connectors]]
    vendor = "kandji"
    kind = "kandji"
    base_url = "https://acme.api.kandji.io"

The secrets are never here (:mod:`collector.connectors.secrets`).
"""

from __future__ import annotations

import re
from typing import Annotated, Final

import msgspec

from collector.config import Config, ConfigError, register_section
from collector.connectors.base import url_problem
from collector.connectors.settings import ConnectorConfig
from helper.report.event import ID_PATTERN

SECTION: Final = "release"
_ID: Final = re.compile(ID_PATTERN)
_IDENTITIES: Final = ("graph", "token-device-id", "reported")
_ROLE: Final = re.compile(r"^[A-Za-z0-9._-]{1,120}$")


class ReleaseConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[release]``.

    Attributes:
        enabled: devices may ask for a release (off: the routes answer 404
            ``release-disabled`` and the helper does not offer it).
        dry_run: every step but the vendor's write call (sign-in and lookup
            happen; the audit rows say ``dry_run``).
        kill_switch: no vendor call at all; requests wait (also settable at
            run time: ``intune-migration-collector release-kill-switch on``).
        auto_waves: waves whose devices are released without approval (the
            wave of IT's list when the device is listed, else the reported
            one). Other devices wait in the dashboard's approval queue.
        auto_identities: the device identities (docs/collector.md, "Device
            identity") released automatically in those waves; others wait for
            approval. ``["graph"]`` only once the Graph check confirms serials
            (a ``token-device-id`` binds the Entra device, not the serial);
            adding ``reported`` trusts what devices say.
        approver_role: the app role (``roles``) that may approve or refuse
            requests in the dashboard; separate from ``auth.read_role``.
        approver_client_ids: client ids allowed to approve (empty: any).
        per_device_per_day: release requests one device may make in 24 hours.
        max_attempts: vendor calls per request before it is ``failed``
            (rate limits and vendor errors are retried when the helper polls).
        retry_seconds: the wait before retrying a vendor error.
        secrets_file: a TOML file of secrets, readable by the service user
            only.
        connectors: one per old EMM.
    """

    enabled: bool = False
    dry_run: bool = False
    kill_switch: bool = False
    auto_waves: tuple[str, ...] = ()
    auto_identities: tuple[str, ...] = ("token-device-id", "graph")
    approver_role: str = "Migration.Release"
    approver_client_ids: tuple[str, ...] = ()
    per_device_per_day: Annotated[int, msgspec.Meta(ge=1, le=100)] = 5
    max_attempts: Annotated[int, msgspec.Meta(ge=1, le=50)] = 5
    retry_seconds: Annotated[int, msgspec.Meta(ge=1, le=86400)] = 300
    secrets_file: str = ""
    connectors: tuple[ConnectorConfig, ...] = ()

    def connector(self, vendor: str) -> ConnectorConfig | None:
        """The connector configured for ``vendor``."""
        return next((c for c in self.connectors if c.vendor == vendor), None)


register_section(SECTION, ReleaseConfig)


def release_config(config: Config) -> ReleaseConfig:
    """The checked section.

    Raises:
        ConfigError: one line: the key and what was expected.
    """
    settings = config.section(SECTION, ReleaseConfig)
    where = config.source or "configuration"

    def fail(key: str, expected: str) -> ConfigError:
        return ConfigError(f"{where}: release.{key}: {expected}")

    for wave in settings.auto_waves:
        if not _ID.fullmatch(wave):
            raise fail("auto_waves", f"expected wave ids, got {wave!r}")
    for identity in settings.auto_identities:
        if identity not in _IDENTITIES:
            raise fail(
                "auto_identities",
                f"expected some of {', '.join(_IDENTITIES)}, got {identity!r}",
            )
    if not _ROLE.fullmatch(settings.approver_role):
        raise fail("approver_role", "expected one app role name, without spaces")
    if settings.approver_role == config.auth.read_role:
        raise fail(
            "approver_role",
            f"expected a role other than auth.read_role ({config.auth.read_role}): "
            "readers must not approve releases",
        )
    seen: set[str] = set()
    for index, connector in enumerate(settings.connectors):
        key = f"connectors[{index}]"
        if not _ID.fullmatch(connector.vendor):
            raise fail(
                f"{key}.vendor", f"expected a vendor id, got {connector.vendor!r}"
            )
        if connector.vendor in seen:
            raise fail(f"{key}.vendor", f"{connector.vendor} has two connectors")
        seen.add(connector.vendor)
        for name in ("base_url", "token_url"):
            value = getattr(connector, name)
            if name == "token_url" and not value:
                continue
            problem = url_problem(value)
            if problem is not None:
                raise fail(f"{key}.{name}", problem)
        if (
            connector.kind == "ivanti-neurons"
            and connector.partition_id
            and not (
                connector.partition_id.isascii() and connector.partition_id.isdigit()
            )
        ):
            raise fail(f"{key}.partition_id", "expected a number (dmPartitionId)")
    if settings.enabled and not settings.connectors:
        raise fail("connectors", "expected at least one connector when enabled")
    return settings


__all__ = ["SECTION", "ReleaseConfig", "release_config"]
