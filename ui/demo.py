# SPDX-License-Identifier: MIT
"""Demo mode: the whole journey on a simulated device (``gui --demo SCENARIO``).

A scenario (``resources/scenarios/<name>``) replays a device's captures before
and after each user action; the journey engine runs on it exactly as on this
machine. What the demo never does: launch anything (the launcher's boundaries
are no-ops that log what they would have done), run a real network or rights
check (they pass), write ``journey.json`` (state in memory), send a report
(events go to a :class:`~helper.journey.transitions.RecordingReporter`), or touch
the login reminders. The window says "Demo" in its title and in a banner.

The simulated device's migration is built by
:func:`helper.migration.scenario_migration`; tests use it with recording fakes
at the same boundaries. This module adds only what the window shows.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from helper.config.model import Config

DEFAULT_SCENARIO = "ws1-windows"
BLOCKED_SCENARIO = "kandji-ade-macos"


# IT's sample message: IT's own words are configuration, not translations.
SAMPLE_MESSAGES = {
    "en": "We are moving every company laptop to Microsoft Intune this month. "
    "It takes about twenty minutes; keep the laptop plugged in.",
    "fr": "Ce mois-ci, tous les portables de l’entreprise passent à Microsoft "
    "Intune. Comptez une vingtaine de minutes ; gardez le portable branché.",
    "de": "Diesen Monat stellen wir alle Firmen-Laptops auf Microsoft Intune um. "
    "Das dauert etwa zwanzig Minuten; lassen Sie den Laptop am Strom.",
    "nl": "Deze maand zetten we alle laptops van het bedrijf over naar Microsoft "
    "Intune. Het duurt ongeveer twintig minuten; laat de laptop aan de stroom.",
}


def demo_config(
    config: Config, today: datetime.date | None = None, lang: str = "en"
) -> Config:
    """``config`` with a sample organization and wave where IT set none, so the
    demo shows a branded first page and a deadline."""
    today = today or datetime.date.today()
    org = config.organization
    if not org.name:
        org = org.replace(
            name="Contoso",
            message=org.message or SAMPLE_MESSAGES.get(lang, SAMPLE_MESSAGES["en"]),
        )
    migration = config.migration
    if not migration.waves:
        from helper.config.model import Wave

        wave = Wave(
            id="demo",
            name="Demo wave",
            notify_date=today - datetime.timedelta(days=7),
            enforcement_date=today + datetime.timedelta(days=21),
        )
        migration = migration.replace(waves=(wave,))
    return config.replace(organization=org, migration=migration)
