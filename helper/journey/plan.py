# SPDX-License-Identifier: MIT
"""A plan: the ordered steps one device gets (schema ``plan/1``).

Stable and documented (docs/journey.md): fields may be added, never renamed.
Built from playbooks (resources/playbooks/) by :mod:`helper.journey.planner`;
rendered by ui/ and by ``intune-migration-helper plan``.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from helper.journey.stages import Stage, stage_ids

SCHEMA = "plan/1"

Platform = Literal[
    "windows", "macos", "linux", "ios", "android", "windows-10-mobile", "windows-8.1"
]
GUIDE_ONLY: tuple[str, ...] = ("ios", "android", "windows-10-mobile", "windows-8.1")
# Every stage, in order: the one table (helper/journey/stages.py).
STAGES: tuple[str, ...] = stage_ids()
Kind = Literal["info", "open", "run", "verify", "contact-it"]
Path = Literal["leave-then-join", "remove-legacy", "join-only", "done", "contact-it"]


class Text(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """A step's words, in English and French (both required), and other languages.

    Attributes:
        en, fr: written in the playbook itself.
        translations: language → text for the other languages (``de``, ``nl``...),
            added by the loader from the translation files, never written in a
            playbook (docs/translations.md); a language missing here is shown
            in English.
    """

    en: str
    fr: str
    translations: dict[str, str] = msgspec.field(default_factory=dict)

    def in_language(self, lang: str) -> str:
        """The words in ``lang``, else in English."""
        if lang == "fr":
            return self.fr
        return self.translations.get(lang, self.en)


class Step(msgspec.Struct, frozen=True, omit_defaults=True):
    """One step of a plan.

    Attributes:
        id: stable within the plan (``ws1-uninstall-hub``), used in events.
        stage: the journey stage it belongs to.
        kind: info | open (a URI) | run (an elevated command) | verify (detect
            again, or a pre-enrollment check) | contact-it.
        text: the words, English, French and the other languages translated.
        uri: for ``open``: the URI (allowlisted).
        command: for ``run``: the argument list (allowlisted), never a shell line.
        elevate: ``run`` needs administrator rights (the OS's own prompt).
        check: for ``verify``: what is checked: ``left`` (legacy gone),
            ``joined`` (Intune present), ``network``, ``rights``.
        qr: ``open`` links meant to be shown as a QR code (guide-only platforms).
        hints: extra advice shown after a failed verify (same languages).
    """

    id: str
    stage: Stage
    kind: Kind
    text: Text
    uri: str | None = None
    command: list[str] | None = None
    elevate: bool = False
    check: str | None = None
    qr: bool = False
    hints: list[Text] = []


class Plan(msgspec.Struct, omit_defaults=False):
    """What ``plan --json`` prints."""

    platform: Platform
    vendor: str | None
    path: Path
    steps: list[Step]
    schema: str = SCHEMA
    reasons: list[str] = []
