# SPDX-License-Identifier: MIT
"""IT configuration: one typed model, read-only, in layers.

Built-in defaults < user file < file bundled next to the executable < managed
policy (registry, managed preferences, /etc). See docs/configuration.md.

    from helper.config import load_config
    config = load_config(args.config)   # ConfigError when a layer is invalid
    config.catalogue.extra_dir

Imported on the ``detect`` start-up path: tomllib, plistlib and urllib.parse load
only when a layer needs them.
"""

from __future__ import annotations

from helper.config.keys import config_keys, plist_path, registry_value
from helper.config.loader import (
    AUTO,
    Resolved,
    bundled_dir,
    explain,
    load_config,
    resolve,
    user_file,
)
from helper.config.model import (
    CatalogueConfig,
    Config,
    Enrollment,
    MigrationConfig,
    Organization,
    Reporting,
    Tenant,
    UiConfig,
    Wave,
)
from helper.config.policy import (
    PlistPolicy,
    PolicySource,
    RegistryPolicy,
    TomlPolicy,
    platform_policy,
)

__all__ = [
    "AUTO",
    "CatalogueConfig",
    "Config",
    "Enrollment",
    "MigrationConfig",
    "Organization",
    "PlistPolicy",
    "PolicySource",
    "RegistryPolicy",
    "Reporting",
    "Resolved",
    "Tenant",
    "TomlPolicy",
    "UiConfig",
    "Wave",
    "bundled_dir",
    "config_keys",
    "explain",
    "load_config",
    "platform_policy",
    "plist_path",
    "registry_value",
    "resolve",
    "user_file",
]
