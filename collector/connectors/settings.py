# SPDX-License-Identifier: MIT
"""One connector's configuration (``[[release.connectors]]``) and the secrets
it needs.

Secrets are never in this record: ``credential`` names them, and
:mod:`collector.connectors.secrets` reads ``<credential>_<name>`` from the
environment, ``$CREDENTIALS_DIRECTORY`` or the secrets file.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

import msgspec

Kind = Literal[
    "workspace-one", "jamf", "kandji", "ivanti-epmm", "ivanti-neurons", "webhook"
]
KINDS: Final[tuple[Kind, ...]] = (
    "workspace-one",
    "jamf",
    "kandji",
    "ivanti-epmm",
    "ivanti-neurons",
    "webhook",
)

# The secrets each kind reads; a tuple of alternatives is "one of these sets".
REQUIRED_SECRETS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "workspace-one": (("client_id", "client_secret"), ("username", "password")),
    "jamf": (("client_id", "client_secret"),),
    "kandji": (("token",),),
    "ivanti-epmm": (("username", "password"),),
    "ivanti-neurons": (("username", "password"),),
    "webhook": (("secret",),),
}
# Read when present, never required.
OPTIONAL_SECRETS: Final[dict[str, tuple[str, ...]]] = {
    "workspace-one": ("api_key",),
}


class ConnectorConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """One old EMM the collector may release devices from.

    Attributes:
        vendor: our vendor id (``resources/vendors/``) whose devices this
            connector releases (``kandji``, ``jamf``, ``workspace-one``...).
        kind: the API spoken (see :data:`KINDS`).
        base_url: the vendor API (``https://cn1234.awmdm.com``,
            ``https://acme.jamfcloud.com``, ``https://acme.api.kandji.io``,
            ``https://core.example.com``, ``https://eu1.mobileiron.com``) or the
            webhook's URL. ``http://`` only on a loopback address (trials).
        token_url: Workspace ONE's OAuth token URL (regional:
            ``https://na.uemauth.workspaceone.com/connect/token``); empty: Basic
            authentication with ``aw-tenant-code``.
        credential: the prefix of this connector's secrets (default: the
            kind with ``_`` for ``-``).
        ca_file: a PEM bundle trusted instead of the system store.
        timeout_seconds: per call (connect, read, write).
        requests_per_minute: the collector's own limit on release calls to
            this vendor (Jamf asks for 5 concurrent connections at most).
        inventory_ttl_seconds: how long a listing of the inventory is trusted.
        admin_space_id: Ivanti EPMM's ``adminDeviceSpaceId`` (1: global).
        partition_id: Ivanti Neurons' ``dmPartitionId`` (device space).
        jamf_mark_unmanaged: after the MDM profile removal, also clear "Allow
            Jamf Pro to perform management tasks" so the profile is not pushed
            again.
        webhook_attempts: tries per webhook delivery (back-off in between).
    """

    vendor: str
    kind: Kind
    base_url: str
    token_url: str = ""
    credential: str = ""
    ca_file: str = ""
    timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=300)] = 20.0
    requests_per_minute: Annotated[int, msgspec.Meta(ge=1, le=6000)] = 60
    inventory_ttl_seconds: Annotated[int, msgspec.Meta(ge=0, le=86400)] = 900
    admin_space_id: Annotated[int, msgspec.Meta(ge=1)] = 1
    partition_id: str = ""
    jamf_mark_unmanaged: bool = True
    webhook_attempts: Annotated[int, msgspec.Meta(ge=1, le=10)] = 4

    @property
    def credential_prefix(self) -> str:
        """The prefix of this connector's secret names."""
        return self.credential or self.kind.replace("-", "_")


__all__ = [
    "KINDS",
    "OPTIONAL_SECRETS",
    "REQUIRED_SECRETS",
    "ConnectorConfig",
    "Kind",
]
