# SPDX-License-Identifier: MIT
"""Playbooks: the steps for one vendor on one platform, as data (``playbook/1``).

Files live in ``resources/playbooks/<vendor>/<platform>.toml``:

- ``<catalogue vendor id>/<platform>.toml``: how to leave that vendor (stages
  ``leave`` and ``confirm-left``) and what to ask IT when the user cannot
  (stage ``contact-it``);
- ``intune/<platform>.toml``: how to enroll in Intune (``join``,
  ``confirm-joined``; its ``leave`` steps serve tenant moves);
- ``unknown-mdm/<platform>.toml``: the generic playbook for a management that
  matches no vendor, or a vendor without a playbook for that platform;
- ``_common/<name>.toml`` (platform ``all``): ``prepare``, ``done``,
  ``contact-it`` and ``recheck``, shared by every plan.

IT can add or replace files from ``<catalogue extra_dir>/playbooks/`` (same
layout; the same vendor and platform replace the built-in file). The planner
(:mod:`helper.journey.planner`) picks the steps; docs/journey.md describes the
format. ``python -m helper.journey.playbooks`` prints the JSON Schema
(resources/schemas/playbook-1.schema.json).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated, Final, Literal, get_args

import msgspec

from helper.errors import HelperError
from helper.journey.allowlist import (
    PLACEHOLDERS,
    Allowlist,
    load_allowlist,
    placeholders_in,
)
from helper.journey.plan import Kind, Platform, Text
from helper.journey.plan import Path as PlanPath
from helper.journey.stages import Stage

SCHEMA: Final = "playbook/1"
COMMON = "_common"
UNKNOWN_MDM = "unknown-mdm"
TARGET = "intune"
COMMON_NAMES: tuple[str, ...] = ("prepare", "done", "contact-it", "recheck")
PLATFORMS: tuple[str, ...] = get_args(Platform)
DESKTOP: tuple[str, ...] = ("windows", "macos", "linux")

Condition = Literal[
    "company-portal",
    "no-company-portal",
    "ade",
    "no-ade",
    "ade-elsewhere",
    "product-code",
    "no-product-code",
    "support-contact",
    "no-support-contact",
    "deadline",
    "verdict-unknown",
    "verdict-known",
    # Microsoft Entra state of a Windows PC (dsregcmd): joined (Entra or
    # hybrid), registered only, or neither. A joined PC's Entra connection
    # must never be disconnected (the user could lose their only sign-in).
    "entra-joined",
    "entra-registered",
    "no-entra",
    # On a domain (on-premises AD or hybrid): enrollment is IT's (GPO).
    "domain-joined",
    "no-domain",
    # The Entra state could not be read (dsregcmd): nothing that depends on it
    # is offered, the user is sent to IT instead.
    "entra-unknown",
    # Neither Entra joined nor on a domain as far as known (registered, none or
    # unknown): the user may connect or join the PC themselves.
    "pc-not-joined",
    # Intune's MDM enrollment is there (in the join stage: it is the
    # registration half that is missing) / not.
    "intune-mdm",
    "no-intune-mdm",
    # enrollment.windows_join: how a Windows PC joins (IT's choice).
    "windows-register",
    "windows-join",
    "windows-mdm-only",
    # An enabled local administrator account exists (Windows, from the
    # capture) / none does / the listing could not be read.
    "other-local-admin",
    "no-other-local-admin",
    "local-admin-unknown",
    # enrollment.legacy_windows_steps: show Windows 8.1 / Windows 10 Mobile
    # users the native enrollment steps / say Intune no longer accepts them.
    "native-enrollment",
    "no-native-enrollment",
    # What the old management delivered and leaving takes away
    # (helper/journey/preflight.py): its Wi-Fi, and the device is on it now;
    # a VPN, a mail account, certificates.
    "legacy-wifi",
    "on-legacy-wifi",
    "not-on-legacy-wifi",
    "legacy-vpn",
    "legacy-mail",
    "legacy-certificates",
    "legacy-apps",
    # The system disk is encrypted (FileVault / BitLocker, on or encrypting);
    # the collector confirmed Intune holds its recovery key / it did not.
    # ...or whether it is could not be read (encryption-unknown).
    "encrypted",
    "encrypted-filevault",
    "encrypted-bitlocker",
    "encryption-unknown",
    "escrow-confirmed",
    "recovery-unconfirmed",
]
Check = Literal["left", "joined", "detected", "network", "rights"]

# Filled in by the planner from the detection and the configuration...
PLAN_TEXT_VALUES = frozenset(
    {"vendor_name", "support_contact", "current_wifi", "legacy_vpn"}
)
# ...or by whoever shows the plan, when the planner was not given them.
RUNTIME_TEXT_VALUES = frozenset({"support_code", "deadline"})
TEXT_VALUES = PLAN_TEXT_VALUES | RUNTIME_TEXT_VALUES

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}", re.ASCII)
# A source tag, then free text (anchored: msgspec matches patterns with search).
_SOURCE = r"^\[(DOC|CODE|COMMUNITY|UNVERIFIED)\b[^\]\n]*\][^\n]*$"
# Dotted version numbers (anchored: msgspec matches patterns with search).
_OS_VERSION = r"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}$"


class PlaybookError(HelperError):
    """An invalid playbook file; the message names the file and the key."""


class PlaybookStep(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One step as a playbook writes it (a plan's :class:`~helper.journey.plan.Step`
    plus the conditions that select it).

    Attributes:
        id: unique in the file; stable (events and scenarios name it).
        stage, kind, text, uri, command, elevate, check, qr, hints: as in the plan.
            ``uri`` and ``command`` are templates (placeholders, see allowlist.py);
            ``text`` may hold ``{vendor_name}``, ``{support_contact}``,
            ``{support_code}`` and ``{deadline}``.
        when: conditions that must all hold for the step to be used.
        os_min: the step is for this OS version and later (dotted numbers:
            ``"15"`` for macOS 15, ``"10.0.22000"`` for Windows 11).
        os_max: the step is for OS versions before this one (exclusive). With
            the OS version unknown, only steps without ``os_max`` are used: the
            current release's menus.
        paths: the plan paths that use it (empty: all).
        platforms: for ``_common`` files: the platforms that use it (empty: all).
        source: where the fact the step states comes from, tagged as in
            shared/reference/signatures.md: ``[DOC …]`` vendor or OS
            documentation, ``[CODE …]`` production code, ``[COMMUNITY …]``
            scripts and blogs, ``[UNVERIFIED …]`` an assumption. Every built-in
            step that tells the user something has one (a test checks);
            IT's own playbooks may leave it out.
    """

    id: str
    stage: Stage
    kind: Kind
    text: Text
    uri: str | None = None
    command: list[str] | None = None
    elevate: bool = False
    check: Check | None = None
    qr: bool = False
    hints: list[Text] = []
    when: list[Condition] = []
    os_min: Annotated[str, msgspec.Meta(pattern=_OS_VERSION)] | None = None
    os_max: Annotated[str, msgspec.Meta(pattern=_OS_VERSION)] | None = None
    paths: list[PlanPath] = []
    platforms: list[Platform] = []
    source: Annotated[str, msgspec.Meta(pattern=_SOURCE)] = ""


class Playbook(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One playbook file.

    Attributes:
        vendor: the folder name: a catalogue id, ``intune``, ``unknown-mdm`` or
            ``_common``.
        platform: the file name, or ``all`` for ``_common`` files.
        steps: in order.
        routed_to_it: True when no vendor end-user steps are known for sure, so
            the playbook gives only generic facts and sends the user to IT.
        needs_code_from_it: True when the user can leave by themselves but
            only with a password or one-time code IT gives them (Hexnode's
            profile password, ManageEngine's agent code, Jamf's "Allow MDM
            profile removal").
        note: free text for IT (sources, review date).
    """

    vendor: str
    platform: Platform | Literal["all"]
    steps: list[PlaybookStep]
    schema: Literal["playbook/1"] = SCHEMA
    routed_to_it: bool = False
    needs_code_from_it: bool = False
    note: str = ""


class PlaybookSet:
    """Every playbook, built-in and IT's, validated against the allowlist.

    Args:
        playbooks: ``(vendor, platform)`` → playbook (``_common`` files are keyed
            ``("_common", name)``).
        allowlist: what the playbooks were checked against; the launcher uses it.
        origins: the file each playbook came from.
    """

    def __init__(
        self,
        playbooks: dict[tuple[str, str], Playbook],
        allowlist: Allowlist,
        origins: dict[tuple[str, str], Path] | None = None,
    ) -> None:
        self._playbooks = dict(playbooks)
        self.allowlist = allowlist
        self.origins = dict(origins or {})

    def __iter__(self) -> Iterator[Playbook]:
        return iter(self._playbooks.values())

    def keys(self) -> list[tuple[str, str]]:
        return list(self._playbooks)

    def get(self, vendor: str, platform: str) -> Playbook | None:
        """The playbook of a vendor on a platform, if there is one."""
        return self._playbooks.get((vendor, platform))

    def common(self, name: str) -> Playbook:
        """A ``_common`` playbook: prepare, done, contact-it or recheck."""
        return self._playbooks[(COMMON, name)]

    def routed_to_it(self) -> list[tuple[str, str]]:
        """The vendor × platform pairs sent to IT for lack of facts, sorted."""
        return sorted(
            (p.vendor, p.platform) for p in self._playbooks.values() if p.routed_to_it
        )


def _fail(path: Path, key: str, message: str) -> PlaybookError:
    return PlaybookError("playbook-invalid", f"{path}: {key}: {message}")


def _check_text(path: Path, key: str, text: Text) -> None:
    for lang in ("en", "fr"):
        value: str = getattr(text, lang)
        if not value.strip():
            raise _fail(path, f"{key}.{lang}", "expected non-empty text")
        unknown = set(placeholders_in(value)) - TEXT_VALUES
        if unknown:
            raise _fail(
                path,
                f"{key}.{lang}",
                f"unknown placeholder {{{sorted(unknown)[0]}}} (known: "
                + ", ".join(f"{{{n}}}" for n in sorted(TEXT_VALUES))
                + ")",
            )
    if sorted(placeholders_in(text.en)) != sorted(placeholders_in(text.fr)):
        raise _fail(path, key, "English and French must use the same placeholders")
    if text.translations:
        raise _fail(
            path,
            f"{key}.translations",
            "other languages go in translations/playbooks/<lang>/ "
            "(docs/translations.md), not in the playbook",
        )


def _check_step(
    playbook: Playbook, index: int, step: PlaybookStep, path: Path, allowlist: Allowlist
) -> None:
    key = f"steps[{index}]"
    if _ID.fullmatch(step.id) is None:
        raise _fail(
            path,
            f"{key}.id",
            f"expected lower-case letters, digits and -, got {step.id!r}",
        )
    fields = {
        "uri": step.uri is not None,
        "command": step.command is not None,
        "check": step.check is not None,
    }
    needed = {"open": "uri", "run": "command", "verify": "check"}.get(step.kind)
    for name, present in fields.items():
        if name == needed and not present:
            raise _fail(path, f"{key}.{name}", f"required for kind = {step.kind!r}")
        if name != needed and present:
            raise _fail(path, f"{key}.{name}", f"not allowed for kind = {step.kind!r}")
    if step.elevate and step.kind != "run":
        raise _fail(path, f"{key}.elevate", "only for kind = 'run'")
    if step.qr and step.kind != "open":
        raise _fail(path, f"{key}.qr", "only for kind = 'open'")
    if step.hints and step.kind != "verify":
        raise _fail(path, f"{key}.hints", "only for kind = 'verify'")
    if step.platforms and playbook.vendor != COMMON:
        raise _fail(path, f"{key}.platforms", "only in _common playbooks")
    _check_text(path, f"{key}.text", step.text)
    for j, hint in enumerate(step.hints):
        _check_text(path, f"{key}.hints[{j}]", hint)
    if step.uri is not None:
        unknown = set(placeholders_in(step.uri)) - set(PLACEHOLDERS)
        if unknown:
            raise _fail(path, f"{key}.uri", f"unknown placeholder {{{min(unknown)}}}")
        if not allowlist.allows_uri_template(step.uri):
            raise _fail(
                path,
                f"{key}.uri",
                f"{step.uri!r} is not in the allowlist (resources/allowlist.toml)",
            )
    if step.command is not None:
        if playbook.platform not in DESKTOP:
            raise _fail(
                path,
                f"{key}.command",
                f"nothing runs on {playbook.platform}: the helper only guides there",
            )
        if not allowlist.allows_command_template(
            step.command, elevate=step.elevate, platform=playbook.platform
        ):
            how = "elevated" if step.elevate else "not elevated"
            raise _fail(
                path,
                f"{key}.command",
                f"{step.command!r} ({how}) is not in the allowlist for "
                f"{playbook.platform} (resources/allowlist.toml)",
            )


def validate_playbook(
    playbook: Playbook, path: Path, allowlist: Allowlist, *, vendor: str, name: str
) -> None:
    """Check what types cannot: names, step shapes, texts, the allowlist.

    Args:
        playbook: the decoded file.
        path: where it came from (for messages).
        allowlist: what ``open`` and ``run`` steps may name.
        vendor: the folder name the file was found in.
        name: the file name without ``.toml``.

    Raises:
        PlaybookError: the first problem, naming the file and the key.
    """
    if playbook.vendor != vendor:
        raise _fail(path, "vendor", f"is {playbook.vendor!r}, expected {vendor!r}")
    if vendor == COMMON:
        if playbook.platform != "all":
            raise _fail(path, "platform", "expected 'all' in _common playbooks")
        if name not in COMMON_NAMES:
            raise _fail(path, "file name", f"expected one of {', '.join(COMMON_NAMES)}")
    elif playbook.platform != name:
        raise _fail(
            path,
            "platform",
            f"is {playbook.platform!r}, expected {name!r} (the file name)",
        )
    if not playbook.steps:
        raise _fail(path, "steps", "expected at least one step")
    seen: dict[str, int] = {}
    for index, step in enumerate(playbook.steps):
        if step.id in seen:
            raise _fail(
                path,
                f"steps[{index}].id",
                f"{step.id!r} is also the id of steps[{seen[step.id]}]",
            )
        seen[step.id] = index
        _check_step(playbook, index, step, path, allowlist)


def decode_playbook(path: Path) -> Playbook:
    """Read and type-check one file (no cross checks; see :func:`validate_playbook`).

    Raises:
        PlaybookError: unreadable, not TOML, or not shaped like a playbook.
    """
    from helper.tomlfile import load_toml_as

    return load_toml_as(path, Playbook, PlaybookError, "playbook-invalid")


def load_playbooks(
    extra_dir: Path | None = None, *, languages: Collection[str] = ()
) -> PlaybookSet:
    """Load the built-in playbooks, then IT's (which win).

    Args:
        extra_dir: IT's extra folder (``config.catalogue.extra_dir``); its
            ``playbooks/`` subfolder holds IT's playbooks and may hold an
            ``allowlist.toml`` adding entries. None or no such subfolder: none.
        languages: the languages besides English and French to read from the
            translation files (:mod:`helper.journey.playbook_translations`;
            usually the window's one). A text without a usable translation
            stays English, and is logged.

    Raises:
        PlaybookError: a file is invalid, or a playbook the planner always needs
            is missing; the message names the file and the key.
        AllowlistError: an allowlist file is invalid.
    """
    from helper.resources import resource_path

    roots = [resource_path("playbooks")]
    extra_allowlist: Path | None = None
    if extra_dir is not None and (extra_dir / "playbooks").is_dir():
        roots.append(extra_dir / "playbooks")
        if (extra_dir / "playbooks" / "allowlist.toml").is_file():
            extra_allowlist = extra_dir / "playbooks" / "allowlist.toml"
    allowlist = load_allowlist(extra_allowlist)
    files: dict[tuple[str, str], Path] = {}
    for root in roots:
        for path in sorted(root.glob("*/*.toml")):
            files[(path.parent.name, path.stem)] = path
    playbooks: dict[tuple[str, str], Playbook] = {}
    for (vendor, name), path in files.items():
        playbook = decode_playbook(path)
        validate_playbook(playbook, path, allowlist, vendor=vendor, name=name)
        playbooks[(vendor, name)] = playbook
    required = [(COMMON, n) for n in COMMON_NAMES]
    required += [(v, p) for v in (TARGET, UNKNOWN_MDM) for p in PLATFORMS]
    for vendor, name in required:
        if (vendor, name) not in playbooks:
            raise PlaybookError(
                "playbook-invalid",
                f"{roots[0] / vendor / (name + '.toml')}: missing (the planner "
                "always needs it)",
            )
    if languages:
        from helper.journey.playbook_translations import add_translations, log_problems

        playbooks, problems = add_translations(playbooks, languages, extra_dir)
        log_problems(problems)
    return PlaybookSet(playbooks, allowlist, files)


def playbook_schema() -> dict[str, object]:
    """The JSON Schema of a playbook file (playbook/1), generated from the model."""
    from helper.schemas import model_schema

    return model_schema(
        Playbook,
        file_name="playbook-1.schema.json",
        title="Intune Migration Helper playbook (playbook/1)",
    )


def playbook_schema_text() -> str:
    from helper.schemas import schema_text

    return schema_text(playbook_schema())


if __name__ == "__main__":
    print(playbook_schema_text(), end="")
