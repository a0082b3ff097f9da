# SPDX-License-Identifier: MIT
"""Connectors that release a device from the old EMM, one module per API.

The collector holds the vendor credentials; devices never do. Each connector
finds the device by its serial HMAC (a hashed match over the vendor's
inventory: :class:`collector.connectors.base.HashedInventory`) and sends the
vendor's documented release call. See docs/connectors.md for the calls and
the permissions each one needs.

- :mod:`~collector.connectors.base`: the protocol, the outcome codes, HTTP;
- :mod:`~collector.connectors.workspace_one`, :mod:`~collector.connectors.jamf`,
  :mod:`~collector.connectors.kandji`, :mod:`~collector.connectors.ivanti`,
  :mod:`~collector.connectors.webhook`: the vendors;
- :mod:`~collector.connectors.secrets`: where their secrets come from;
- :func:`build`: a connector from its configuration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collector.connectors.settings import OPTIONAL_SECRETS, REQUIRED_SECRETS

if TYPE_CHECKING:
    import httpx

    from collector.connectors.base import Connector
    from collector.connectors.secrets import Secret, SecretStore
    from collector.connectors.settings import ConnectorConfig


class MissingSecret(Exception):
    """A connector's secrets are not configured (the message names them)."""


def secrets_for(settings: ConnectorConfig, store: SecretStore) -> dict[str, Secret]:
    """The secrets ``settings`` needs, by short name (``token``, ``client_id``).

    Raises:
        MissingSecret: none of the accepted sets is complete.
        SecretsError: a source cannot be read.
    """
    prefix = settings.credential_prefix
    found: dict[str, Secret] = {}
    names = {n for group in REQUIRED_SECRETS[settings.kind] for n in group}
    for name in (*sorted(names), *OPTIONAL_SECRETS.get(settings.kind, ())):
        value = store.get(f"{prefix}_{name}")
        if value:
            found[name] = value
    for group in REQUIRED_SECRETS[settings.kind]:
        if all(name in found for name in group):
            return found
    wanted = " or ".join(
        "+".join(f"{prefix}_{n}" for n in group)
        for group in REQUIRED_SECRETS[settings.kind]
    )
    raise MissingSecret(
        f"release connector {settings.vendor} ({settings.kind}): missing secret "
        f"{wanted} (environment INTUNE_RELEASE_<NAME>, $CREDENTIALS_DIRECTORY/<name> "
        "or release.secrets_file)"
    )


def build(
    settings: ConnectorConfig,
    secrets: dict[str, Secret],
    key: str,
    *,
    transport: httpx.BaseTransport | None = None,
) -> Connector:
    """The connector for ``settings.kind``."""
    if settings.kind == "workspace-one":
        from collector.connectors.workspace_one import WorkspaceOne

        if settings.token_url and "client_id" not in secrets:
            raise MissingSecret(
                f"release connector {settings.vendor}: token_url needs "
                f"{settings.credential_prefix}_client_id and _client_secret"
            )
        return WorkspaceOne(settings, secrets, key, transport=transport)
    if settings.kind == "jamf":
        from collector.connectors.jamf import Jamf

        return Jamf(settings, secrets, key, transport=transport)
    if settings.kind == "kandji":
        from collector.connectors.kandji import Kandji

        return Kandji(settings, secrets, key, transport=transport)
    if settings.kind == "ivanti-epmm":
        from collector.connectors.ivanti import IvantiEpmm

        return IvantiEpmm(settings, secrets, key, transport=transport)
    if settings.kind == "ivanti-neurons":
        from collector.connectors.ivanti import IvantiNeurons

        return IvantiNeurons(settings, secrets, key, transport=transport)
    from collector.connectors.webhook import Webhook

    return Webhook(settings, secrets, key, transport=transport)


__all__ = ["MissingSecret", "build", "secrets_for"]
