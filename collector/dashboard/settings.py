# SPDX-License-Identifier: MIT
"""``[dashboard]``: the waves, the serial HMAC key and the dashboard's defaults.

The collector needs the waves the helper uses (their ids and dates) to say how
many days are left before conditional access locks a wave's devices out and
which waves are ready for the old EMM to be switched off. Copy the helper's
``migration.waves`` here; ``conditional_access_date`` is the collector's own
(default: the wave's ``enforcement_date``)::

    [dashboard]
    serial_hmac_key = "..."      # the helper's tenant.serial_hmac_key
    timezone = "Europe/Paris"    # the zone of the wave dates
    waves = [
      { id = "wave-01", name = "Pilot", notify_date = 2026-05-04,
        enforcement_date = 2026-06-01, conditional_access_date = 2026-06-15 },
    ]

The key is a secret: prefer ``INTUNE_COLLECTOR_DASHBOARD_SERIAL_HMAC_KEY`` to
the file.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from typing import Annotated, Final, Literal

import msgspec

from collector.config import ConfigError, register_section
from helper.config.model import MIN_HMAC_KEY_LENGTH
from helper.report.event import ID_PATTERN

SECTION: Final = "dashboard"
_ID: Final = re.compile(ID_PATTERN)

Language = Literal["en", "fr"]


class WaveConfig(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One migration wave, as the helper has it (plus the conditional-access date).

    Attributes:
        id: the wave id the helper reports (``wave_id``).
        name: a display name.
        notify_date: from this date the helper asks users to migrate.
        enforcement_date: from this date deferrals end.
        conditional_access_date: from this date conditional access blocks the
            devices that are not in Intune (default: ``enforcement_date``).
    """

    id: str
    enforcement_date: datetime.date
    name: str = ""
    notify_date: datetime.date | None = None
    conditional_access_date: datetime.date | None = None

    @property
    def lockout_date(self) -> datetime.date:
        """The conditional-access date (``enforcement_date`` when not set)."""
        return self.conditional_access_date or self.enforcement_date


class DashboardConfig(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True
):
    """``[dashboard]``.

    Attributes:
        serial_hmac_key: the helper's ``tenant.serial_hmac_key`` (secret); the
            expected-devices list needs it (serials are stored as HMACs only).
        store_expected_users: keep the user column of uploaded device lists
            (default: no, user names are not stored).
        waves: the migration waves.
        timezone: the IANA zone of the wave dates (days left are counted in it).
        stale_days: the default of "no progress for N days".
        language: the language when the browser asks for neither English nor
            French.
        list_rows: device rows shown per list on the page (CSV: all of them).
        expected_retention_days: ``purge`` deletes expected devices imported
            longer ago.
        max_upload_bytes: the largest device list accepted by the upload form.
    """

    serial_hmac_key: str = ""
    store_expected_users: bool = False
    waves: tuple[WaveConfig, ...] = ()
    timezone: str = "UTC"
    stale_days: Annotated[int, msgspec.Meta(ge=1, le=3650)] = 7
    language: Language = "en"
    list_rows: Annotated[int, msgspec.Meta(ge=10, le=10_000)] = 100
    expected_retention_days: Annotated[int, msgspec.Meta(ge=1, le=36500)] = 365
    max_upload_bytes: Annotated[int, msgspec.Meta(ge=1024, le=512 * 1024 * 1024)] = (
        32 * 1024 * 1024
    )

    def wave(self, wave_id: str | None) -> WaveConfig | None:
        """The configured wave of that id, or None."""
        for wave in self.waves:
            if wave.id == wave_id:
                return wave
        return None

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """:attr:`timezone` as a zone (checked by :func:`check`)."""
        return zoneinfo.ZoneInfo(self.timezone)


register_section(SECTION, DashboardConfig)


def dashboard_config(config: object) -> DashboardConfig:
    """The ``[dashboard]`` section of a :class:`collector.config.Config`, checked.

    Raises:
        ConfigError: one line naming the key and what was expected.
    """
    from collector.config import Config

    if not isinstance(config, Config):
        raise TypeError("expected a collector Config")
    section = config.section(SECTION, DashboardConfig)
    if not section.serial_hmac_key and config.devices.serial_hmac_key:
        # One secret: IT's lists are hashed as the collector hashes devices.
        section = msgspec.structs.replace(
            section, serial_hmac_key=config.devices.serial_hmac_key
        )
    check(section)
    return section


def check(section: DashboardConfig) -> None:
    """What types cannot say: ids, date order, the zone, the key's strength.

    Raises:
        ConfigError: ``dashboard.<key>: expected ...`` (never the key's value).
    """

    def fail(key: str, expected: str) -> ConfigError:
        text = f"configuration: dashboard.{key}: {expected}"
        return ConfigError("".join(c if c.isprintable() else "?" for c in text))

    key = section.serial_hmac_key
    if key and (len(key) < MIN_HMAC_KEY_LENGTH or any(c.isspace() for c in key)):
        raise fail(
            "serial_hmac_key",
            f"expected a secret of at least {MIN_HMAC_KEY_LENGTH} characters "
            "without spaces, the same as the helper's tenant.serial_hmac_key",
        )
    try:
        zoneinfo.ZoneInfo(section.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise fail(
            "timezone", f"expected an IANA time zone, got {section.timezone[:60]!r}"
        ) from None
    seen: set[str] = set()
    for index, wave in enumerate(section.waves):
        at = f"waves[{index}]"
        if not _ID.fullmatch(wave.id):
            raise fail(f"{at}.id", "expected an id of letters, digits, '-', '_', '.'")
        if wave.id in seen:
            raise fail(f"{at}.id", f"expected a unique id, {wave.id!r} is repeated")
        seen.add(wave.id)
        if wave.notify_date is not None and wave.enforcement_date < wave.notify_date:
            raise fail(
                f"{at}.enforcement_date", "expected a date on or after notify_date"
            )
        if (
            wave.conditional_access_date is not None
            and wave.conditional_access_date < wave.enforcement_date
        ):
            raise fail(
                f"{at}.conditional_access_date",
                "expected a date on or after enforcement_date",
            )


__all__ = [
    "SECTION",
    "DashboardConfig",
    "Language",
    "WaveConfig",
    "check",
    "dashboard_config",
]
