# SPDX-License-Identifier: MIT
"""The migration dashboard for IT: server-rendered HTML under ``/dashboard``.

A plugin of the collector core (``collector.config.PLUGIN_MODULES``): importing
it registers the ``[dashboard]`` configuration section and the expected-devices
tables (:mod:`collector.expected`); :func:`register_dashboard` adds the routes
(:mod:`collector.dashboard.routes`). See docs/dashboard.md.

Modules: ``settings`` (configuration), ``queries`` (SQL), ``views`` (figures
and tables), ``routes`` (HTTP), ``html`` (autoescaping), ``i18n`` (English and
French); ``templates/`` and ``static/`` (CSS, the sort script).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Imported for their side effects: the [dashboard] section and the
# expected-devices migrations must exist before the configuration is read and
# before init-db runs.
from collector import expected as _expected  # noqa: F401
from collector.dashboard import settings as _settings  # noqa: F401

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from collector.config import Config
    from collector.storage.base import Store


def check_config(config: Config) -> None:
    """Check ``[dashboard]`` beyond its types (for the configuration loader).

    Raises:
        ConfigError: a wave date order, an unknown time zone, a short HMAC key.
    """
    from collector.dashboard.settings import dashboard_config

    dashboard_config(config)


def register_dashboard(app: Starlette, store: Store, config: Config) -> None:
    """Add the dashboard's routes to the collector (``create_app`` calls it).

    Raises:
        ConfigError: a ``[dashboard]`` value types cannot catch (a wave date
            order, an unknown time zone, a short HMAC key).
    """
    from collector.dashboard.routes import register_routes

    register_routes(app, store, config)


__all__ = ["check_config", "register_dashboard"]
