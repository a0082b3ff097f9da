# SPDX-License-Identifier: MIT
"""The planner: from a detection (or a platform and vendor) to a plan (plan/1).

The path follows from the detection (docs/journey.md, "Choosing the path"):

========================================  ===================  =================
detection                                 path                 steps
========================================  ===================  =================
intune-enrolled, both halves (joined.py)  ``done``             done
intune-enrolled, a half missing           ``join-only``        prepare, join,
                                                               confirm-joined,
                                                               done
both-enrolled                             ``remove-legacy``    leave, confirm-left
legacy-enrolled, removable true/unknown   ``leave-then-join``  prepare, leave,
                                                               confirm-left,
                                                               join, confirm-
                                                               joined, done
legacy-enrolled or both, removable false  ``contact-it``       contact-it
unmanaged                                 ``join-only``        prepare, join,
                                                               confirm-joined,
                                                               done
unknown                                   ``contact-it``       check again, then
                                                               contact-it
========================================  ===================  =================

An ``unknown`` verdict starts with a verify step (``check = "detected"``)
rather than going straight to IT: the usual cause is a source that could not
be read once (a timeout, a busy device), and detecting again costs nothing; a
verdict found then gives a new plan. Without a detection (guide-only
platforms, ``plan --platform P --vendor V``) the vendor decides: ``none`` →
join-only, anything else → leave-then-join.

Which launcher variant a step list gets (Company Portal installed or not, ADE,
the Hub's MSI ProductCode found or not) is a set of *conditions* the playbook
steps select on (:func:`conditions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from helper.journey import preflight
from helper.journey.allowlist import (
    LaunchRefused,
    PlaceholderMissing,
    is_braced_guid,
    is_upn,
    render_command,
    render_uri,
)
from helper.journey.joined import JoinedParts, joined_parts
from helper.journey.plan import GUIDE_ONLY, Plan, Platform, Step, Text
from helper.journey.plan import Path as PlanPath
from helper.journey.playbooks import (
    COMMON,
    PLATFORMS,
    TARGET,
    UNKNOWN_MDM,
    Playbook,
    PlaybookSet,
    PlaybookStep,
    load_playbooks,
)

if TYPE_CHECKING:
    from helper.catalogue import Catalogue
    from helper.config import Config
    from helper.detect.model import Detection, Legacy

__all__ = [
    "build_plan",
    "completes_intune",
    "conditions",
    "load_playbooks",
    "ws1_hub_product_code",
]

NONE_VENDOR = "none"
# Reasons of a plan for a device Intune manages that is not done yet.
INCOMPLETE_REASONS = frozenset(
    {"registration-missing", "registration-unknown", "registration-other-tenant"}
)
WS1 = "workspace-one"
LEAVE = ("leave", "confirm-left")
JOIN = ("join", "confirm-joined")

_BRACED = re.compile(
    r"\{[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\}", re.ASCII
)
_ADE_HOST = re.compile(r"configuration host ([^\s,()]+)")


# --- conditions -----------------------------------------------------------------------


def _warnings(detection: Detection | None) -> set[str]:
    return {w.code for w in detection.warnings} if detection is not None else set()


def ws1_hub_product_code(detection: Detection | None) -> str | None:
    """The Intelligent Hub MSI's ProductCode, from Workspace ONE's uninstall evidence.

    The code changes with every Hub version, so it is never written in a
    playbook: it comes from the uninstall entry the probe found (an
    ``uninstall:`` evidence naming the Intelligent Hub with a braced GUID).
    None when absent, ambiguous (two codes) or malformed: the playbook then
    falls back to Settings > Apps.
    """
    if detection is None or detection.os != "windows":
        return None
    codes: set[str] = set()
    for legacy in detection.legacy:
        if legacy.vendor != WS1:
            continue
        for evidence in legacy.evidence:
            detail = evidence.detail
            lowered = detail.lower()
            if lowered.startswith("uninstall:") and "intelligent hub" in lowered:
                codes.update(m.upper() for m in _BRACED.findall(detail))
    if len(codes) != 1:
        return None
    code = codes.pop()
    return code if is_braced_guid(code) else None


def _ade_elsewhere(detection: Detection, catalogue: Catalogue) -> bool:
    """True when ADE would enroll the Mac into something other than Intune.

    ADE enrolled (``ade-enrolled``) means the legacy server is the ADE server;
    an ADE assignment (``ade-assigned``) whose configuration host is not an
    Intune host (or is not named) points elsewhere too.
    """
    codes = _warnings(detection)
    if "ade-enrolled" in codes:
        return True
    for warning in detection.warnings:
        if warning.code != "ade-assigned":
            continue
        match = _ADE_HOST.search(warning.detail)
        vendor = catalogue.by_host(match.group(1), "macos") if match else None
        if vendor is None or vendor.role != "target":
            return True
    return False


def _support_contact(config: Config) -> str:
    org = config.organization
    return " · ".join(
        part for part in (org.support_email, org.support_phone, org.support_url) if part
    )


def conditions(
    detection: Detection | None,
    *,
    config: Config,
    catalogue: Catalogue,
    fill: Mapping[str, str] | None = None,
    escrow_confirmed: bool | None = None,
) -> set[str]:
    """The conditions playbook steps select on (``when = [...]``).

    Args:
        detection: the detection, or None when planning without one.
        config: for the support contact.
        catalogue: to tell whether an ADE host is Intune's.
        fill: runtime text values (``deadline``, ``support_code``).
        escrow_confirmed: the collector confirmed that Intune holds the
            recovery key (:mod:`helper.journey.preflight`); None: not known.

    Returns:
        One of each pair (company-portal / no-company-portal, ade / no-ade,
        product-code / no-product-code, support-contact / no-support-contact,
        verdict-unknown / verdict-known, intune-mdm / no-intune-mdm,
        native-enrollment / no-native-enrollment), one Entra state, one Windows
        join mode, one local administrator answer, plus ``ade-elsewhere``,
        ``deadline``, ``pc-not-joined`` and the domain conditions when they
        hold (docs/journey.md).
    """
    codes = _warnings(detection)
    found: set[str] = set()
    # Company Portal (Intune app on Linux) installed but not enrolled: the
    # detectors say so with this warning on every OS.
    found.add(
        "company-portal"
        if "company-portal-not-enrolled" in codes
        else "no-company-portal"
    )
    ade = bool(codes & {"ade-enrolled", "ade-assigned"})
    found.add("ade" if ade else "no-ade")
    if ade and detection is not None and _ade_elsewhere(detection, catalogue):
        found.add("ade-elsewhere")
    found.add("product-code" if ws1_hub_product_code(detection) else "no-product-code")
    found.add("support-contact" if _support_contact(config) else "no-support-contact")
    if fill and fill.get("deadline"):
        found.add("deadline")
    unknown = detection is not None and detection.verdict == "unknown"
    found.add("verdict-unknown" if unknown else "verdict-known")
    join = detection.entra.join if detection is not None else "unknown"
    if join in ("entra-joined", "hybrid-joined"):
        found.add("entra-joined")
    elif join == "registered":
        found.add("entra-registered")
    elif join in ("none", "domain-joined"):
        found.add("no-entra")
    else:
        # Unknown: none of the three, so a step that depends on the Entra state
        # is left out rather than guessed (joined PCs must never be told to
        # disconnect); entra-unknown selects what to say instead.
        found.add("entra-unknown")
    if join in ("hybrid-joined", "domain-joined"):
        found.add("domain-joined")
    elif join != "unknown":
        found.add("no-domain")
    if join in ("registered", "none", "unknown"):
        found.add("pc-not-joined")
    mdm = detection is not None and detection.intune.enrolled is True
    found.add("intune-mdm" if mdm else "no-intune-mdm")
    found.add(f"windows-{config.enrollment.windows_join}")
    admin = detection.local_admin.present if detection is not None else None
    if admin is None:
        found.add("local-admin-unknown")
    else:
        found.add("other-local-admin" if admin else "no-other-local-admin")
    found.add(
        "native-enrollment"
        if config.enrollment.legacy_windows_steps
        else "no-native-enrollment"
    )
    # What leaving takes away (Wi-Fi, VPN, mail, certificates), encryption.
    found |= preflight.conditions(detection, escrow_confirmed=escrow_confirmed)
    return found


def version_key(version: str) -> tuple[int, ...]:
    """``"10.0.22631"`` → ``(10, 0, 22631)``; trailing zeros dropped (15 = 15.0)."""
    parts = [int(part) for part in version.split(".") if part.isdigit()]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def os_in_range(os_version: str | None, os_min: str | None, os_max: str | None) -> bool:
    """Is a step for ``[os_min, os_max)`` meant for this OS version?

    Unknown version: only the steps that run to the current release (no
    ``os_max``) apply, so the user gets today's menus rather than two variants.
    """
    if os_version is None or not version_key(os_version):
        return os_max is None
    here = version_key(os_version)
    if os_min is not None and here < version_key(os_min):
        return False
    return not (os_max is not None and here >= version_key(os_max))


# --- building ---------------------------------------------------------------------


class _Builder:
    """Collects rendered steps and reasons for one plan."""

    def __init__(
        self,
        *,
        platform: str,
        path: PlanPath,
        conds: set[str],
        placeholders: Mapping[str, str | None],
        texts: Mapping[str, Text],
        os_version: str | None = None,
    ) -> None:
        self.os_version = os_version
        self.platform = platform
        self.path = path
        self.conds = conds
        self.placeholders = placeholders
        self.texts = dict(texts)
        self.steps: list[Step] = []
        self.reasons: list[str] = []

    def reason(self, *codes: str) -> None:
        for code in codes:
            if code not in self.reasons:
                self.reasons.append(code)

    def add(
        self,
        playbook: Playbook,
        stages: Iterable[str],
        *,
        texts: Mapping[str, Text] | None = None,
    ) -> None:
        wanted = set(stages)
        values = {**self.texts, **(texts or {})}
        for step in playbook.steps:
            if step.stage not in wanted or not self._selected(step):
                continue
            rendered = self._render(step, values)
            if rendered is not None:
                self.steps.append(rendered)

    def _selected(self, step: PlaybookStep) -> bool:
        if step.paths and self.path not in step.paths:
            return False
        if step.platforms and self.platform not in step.platforms:
            return False
        if not os_in_range(self.os_version, step.os_min, step.os_max):
            return False
        return all(c in self.conds for c in step.when)

    def _render(self, step: PlaybookStep, values: Mapping[str, Text]) -> Step | None:
        try:
            uri = render_uri(step.uri, self.placeholders) if step.uri else None
            command = (
                render_command(step.command, self.placeholders)
                if step.command
                else None
            )
        except PlaceholderMissing:
            # A variant whose value is unknown here: the playbook's other variant
            # (selected by the opposite condition) covers the case.
            self.reason("placeholder-missing")
            return None
        except LaunchRefused:
            self.reason("placeholder-invalid")
            return None
        step_id = step.id
        taken = {s.id for s in self.steps}
        suffix = 2
        while step_id in taken:  # two unknown-mdm legacies share one playbook
            step_id = f"{step.id}-{suffix}"
            suffix += 1
        return Step(
            id=step_id,
            stage=step.stage,
            kind=step.kind,
            text=_fill(step.text, values),
            uri=uri,
            command=command,
            elevate=step.elevate,
            check=step.check,
            qr=step.qr,
            hints=[_fill(h, values) for h in step.hints],
        )

    def plan(self, vendor: str | None) -> Plan:
        return Plan(
            platform=_platform(self.platform),
            vendor=vendor,
            path=self.path,
            steps=self.steps,
            reasons=self.reasons,
        )


def _fill(text: Text, values: Mapping[str, Text]) -> Text:
    en, fr = text.en, text.fr
    others = dict(text.translations)
    for name, value in values.items():
        en = _place(en, "{" + name + "}", value.en)
        fr = _place(fr, "{" + name + "}", value.fr)
        for lang, words in others.items():
            filled = _place(words, "{" + name + "}", value.in_language(lang))
            others[lang] = _italian(filled) if lang == "it" else filled
    return Text(en, fr, others)


# A sentence's start: the text's, or after . ! or ? and a space.
_SENTENCE_START: Final = re.compile(r"(?:^|(?<=[.!?]) )$")
# Italian joins a preposition and "il" (the unknown management's name starts
# with it): "da il sistema" is "dal sistema".
_ITALIAN_ARTICLES: Final = re.compile(r"\b(di|da|a|in|su)\s+il\s", re.IGNORECASE)
_ITALIAN_JOINED: Final = {"di": "del", "da": "dal", "a": "al", "in": "nel", "su": "sul"}


def _place(words: str, placeholder: str, value: str) -> str:
    """``placeholder`` replaced by ``value``, capitalised where it starts a
    sentence (the unknown management's name is lower case)."""
    parts = words.split(placeholder)
    out = parts[0]
    for part in parts[1:]:
        starts = bool(_SENTENCE_START.search(out)) and value[:1].islower()
        out += (value[:1].upper() + value[1:] if starts else value) + part
    return out


def _italian(words: str) -> str:
    def joined(match: re.Match[str]) -> str:
        word = match.group(1)
        contracted = _ITALIAN_JOINED[word.lower()]
        if word[:1].isupper():
            contracted = contracted.capitalize()
        return contracted + " "

    return _ITALIAN_ARTICLES.sub(joined, words)


def _platform(name: str) -> Platform:
    for known in PLATFORMS:
        if known == name:
            return known  # type: ignore[return-value]
    raise ValueError(f"unknown platform {name!r} (expected one of {PLATFORMS})")


def _upn(upn: str | None, config: Config) -> str | None:
    """A valid UPN for the enrollment link, or None (the user then types it).

    A bare user name gets the configured domain hint (``alice`` +
    ``contoso.com``); nothing else is guessed.
    """
    if not upn:
        return None
    upn = upn.strip()
    hint = config.enrollment.upn_domain_hint
    if "@" not in upn and hint:
        upn = f"{upn}@{hint}"
    return upn if is_upn(upn) else None


# What {vendor_name} says when the management is not known, and the word
# joining several names, in every language (helper/languages.py). German
# inflects it: the German texts put {vendor_name} after a dative preposition
# only (von, aus, in, bei, mit; tests/helper/test_playbook_translations.py).
_UNKNOWN_NAME = Text(
    "your current management system",
    "votre système de gestion actuel",
    {
        "de": "Ihrem bisherigen Verwaltungssystem",
        "es": "su sistema de gestión actual",
        "it": "il sistema di gestione attuale",
        "nl": "uw huidige beheersysteem",
    },
)
_AND = Text(" and ", " et ", {"de": " und ", "es": " y ", "it": " e ", "nl": " en "})


def _legacy_name(legacy: Legacy, catalogue: Catalogue) -> Text:
    if legacy.vendor == UNKNOWN_MDM:
        if legacy.server:
            return Text(legacy.server, legacy.server)
        return _UNKNOWN_NAME
    vendor = catalogue.get(legacy.vendor)
    name = vendor.name if vendor is not None else legacy.name
    return Text(name, name)


def _names(names: Sequence[Text]) -> Text:
    if not names:
        return _UNKNOWN_NAME
    if len(names) == 1:
        return names[0]

    def joined(lang: str) -> str:
        words = [n.in_language(lang) for n in names]
        return ", ".join(words[:-1]) + _AND.in_language(lang) + words[-1]

    others = {lang: joined(lang) for lang in _AND.translations}
    return Text(joined("en"), joined("fr"), others)


def _vendor_playbook(
    playbooks: PlaybookSet, vendor: str, platform: str, builder: _Builder
) -> Playbook:
    playbook = playbooks.get(vendor, platform) if vendor != COMMON else None
    if playbook is None:
        builder.reason("no-playbook")
        playbook = playbooks.get(UNKNOWN_MDM, platform)
        assert playbook is not None  # load_playbooks guarantees it
    if playbook.routed_to_it:
        builder.reason("routed-to-it")
    return playbook


def build_plan(
    detection: Detection | None,
    *,
    platform: str,
    vendor: str | None,
    config: Config,
    catalogue: Catalogue,
    playbooks: PlaybookSet,
    upn: str | None = None,
    fill: Mapping[str, str] | None = None,
    os_version: str | None = None,
    escrow_confirmed: bool | None = None,
) -> Plan:
    """The plan for one device.

    Args:
        detection: what manages the device; None to plan from ``platform`` and
            ``vendor`` alone (guide-only platforms, ``plan --platform``).
        platform: the device's platform; with a detection, its ``os``.
        vendor: without a detection: the legacy vendor id, ``unknown-mdm``, or
            ``none`` / None for a device to enroll only. Ignored with one.
        config: the IT configuration (discovery URL, UPN domain hint, support
            contact).
        catalogue: the vendor catalogue (display names, hosts).
        playbooks: from :func:`load_playbooks`.
        upn: the user's sign-in name when known (puts ``username=`` in the
            Windows enrollment link); a bare name gets the UPN domain hint.
        fill: runtime text values: ``support_code``, ``deadline`` (formatted
            for display). Missing ones stay as ``{support_code}`` /
            ``{deadline}`` in the texts for the caller to fill; the deadline
            step is only included when ``deadline`` is given.
        os_version: the OS version whose menus the steps name (``os_min`` /
            ``os_max``); default: the detection's. ``plan --os-version``
            previews another version's steps.
        escrow_confirmed: the collector confirmed that Intune holds the
            recovery key: the prepare stage does not ask the user to confirm
            they can recover (:mod:`helper.journey.preflight`).

    Returns:
        The plan (plan/1). ``reasons`` explains the choice (docs/journey.md).

    Raises:
        ValueError: an unknown platform, or a platform that contradicts the
            detection.
    """
    if detection is not None and platform != detection.os:
        raise ValueError(
            f"platform {platform!r} contradicts the detection ({detection.os!r})"
        )
    _platform(platform)
    conds = conditions(
        detection,
        config=config,
        catalogue=catalogue,
        fill=fill,
        escrow_confirmed=escrow_confirmed,
    )
    contact = _support_contact(config)
    texts: dict[str, Text] = {"support_contact": Text(contact, contact)}
    for key, quoted in preflight.texts(detection).items():
        texts[key] = Text(quoted, quoted)
    for key in ("support_code", "deadline"):
        value = (fill or {}).get(key)
        if value:
            texts[key] = Text(value, value)
    placeholders: dict[str, str | None] = {
        "discovery_url": config.enrollment.discovery_url,
        "upn": _upn(upn, config),
        "ws1_hub_product_code": ws1_hub_product_code(detection),
    }

    def builder(path: PlanPath) -> _Builder:
        return _Builder(
            platform=platform,
            path=path,
            conds=conds,
            placeholders=placeholders,
            texts=texts,
            os_version=os_version
            or (detection.os_version if detection is not None else None),
        )

    if detection is None:
        return _without_detection(
            platform, vendor, builder, catalogue=catalogue, playbooks=playbooks
        )
    parts = joined_parts(
        detection,
        tenant_id=config.tenant.tenant_id,
        windows_join=config.enrollment.windows_join,
    )
    return _with_detection(
        detection,
        builder,
        conds=conds,
        catalogue=catalogue,
        playbooks=playbooks,
        parts=parts,
    )


def _without_detection(
    platform: str,
    vendor: str | None,
    builder: Callable[[PlanPath], _Builder],
    *,
    catalogue: Catalogue,
    playbooks: PlaybookSet,
) -> Plan:
    reasons = ["no-detection"]
    if platform in GUIDE_ONLY:
        reasons.append("guide-only")
    if vendor is None or vendor == NONE_VENDOR:
        b = builder("join-only")
        b.reason(*reasons)
        _join(b, playbooks, platform)
        return b.plan(None)
    b = builder("leave-then-join")
    b.reason(*reasons)
    if vendor == TARGET:
        b.reason("tenant-move")
    entry = catalogue.get(vendor)
    name = Text(entry.name, entry.name) if entry is not None else None
    if vendor == UNKNOWN_MDM:
        b.reason("unknown-mdm")
    names = [name] if name is not None else []
    b.texts["vendor_name"] = _names(names)
    b.add(playbooks.common("prepare"), ["prepare"])
    b.add(_vendor_playbook(playbooks, vendor, platform, b), LEAVE)
    _join(b, playbooks, platform)
    return b.plan(vendor)


def _join(b: _Builder, playbooks: PlaybookSet, platform: str) -> None:
    if b.path == "join-only":
        b.add(playbooks.common("prepare"), ["prepare"])
    target = playbooks.get(TARGET, platform)
    assert target is not None  # load_playbooks guarantees it
    b.add(target, JOIN)
    b.add(playbooks.common("done"), ["done"])


def incomplete_reason(parts: JoinedParts) -> str:
    """The reason code of a plan for an Intune device not done yet."""
    if parts.other_tenant:
        return "registration-other-tenant"
    if parts.registration is None:
        return "registration-unknown"
    return "registration-missing"


def completes_intune(plan: Plan) -> bool:
    """A plan made for a device Intune manages but that is not done yet: its
    join steps complete the missing half (:func:`incomplete_reason`)."""
    return bool(INCOMPLETE_REASONS & set(plan.reasons))


def _with_detection(
    detection: Detection,
    builder: Callable[[PlanPath], _Builder],
    *,
    conds: set[str],
    catalogue: Catalogue,
    playbooks: PlaybookSet,
    parts: JoinedParts,
) -> Plan:
    platform = detection.os
    verdict = detection.verdict
    codes = _warnings(detection)
    if verdict == "intune-enrolled" and parts.complete:
        b = builder("done")
        b.reason("intune-enrolled")
        b.add(playbooks.common("done"), ["done"])
        return b.plan(None)
    if verdict == "intune-enrolled":
        # Intune manages the device but it is not done: the Entra half is
        # missing (or unreadable, or in another tenant). Join again, with the
        # steps for a device Intune already manages (condition intune-mdm).
        b = builder("join-only")
        b.reason("intune-enrolled", incomplete_reason(parts))
        _join(b, playbooks, platform)
        b.add(playbooks.common("contact-it"), ["contact-it"])
        return b.plan(None)
    if verdict == "unknown":
        b = builder("contact-it")
        b.reason("verdict-unknown")
        b.add(playbooks.common("contact-it"), ["contact-it"])
        b.add(playbooks.common("recheck"), ["contact-it"])
        return b.plan(None)
    if verdict == "unmanaged" or not detection.legacy:
        b = builder("join-only")
        b.reason("unmanaged")
        if "company-portal" in conds:
            b.reason("company-portal-installed")
        if "ade" in conds:
            b.reason("ade-assigned")
        _join(b, playbooks, platform)
        # Shown only if the journey runs out of attempts (the path never walks
        # the contact-it stage): the support code and whom to call.
        b.add(playbooks.common("contact-it"), ["contact-it"])
        return b.plan(None)

    legacies = detection.legacy
    names = [_legacy_name(legacy, catalogue) for legacy in legacies]
    blocked = [legacy for legacy in legacies if legacy.removable is False]
    if blocked:
        path: PlanPath = "contact-it"
    elif verdict == "both-enrolled":
        path = "remove-legacy"
    else:
        path = "leave-then-join"
    b = builder(path)
    b.reason(verdict)
    b.texts["vendor_name"] = _names(names)
    if len(legacies) > 1:
        b.reason("multiple-legacy")
    if blocked:
        b.reason("not-removable")
        if "ade-enrolled" in codes:
            b.reason("ade-enrolled")
        if "profile-removal-disallowed" in codes:
            b.reason("removal-disallowed")
    elif any(legacy.removable is None for legacy in legacies):
        b.reason("removable-unknown")
    else:
        b.reason("removable")
    for legacy in legacies:
        if legacy.vendor == UNKNOWN_MDM:
            b.reason("unknown-mdm")
    if any(legacy.vendor == WS1 for legacy in legacies) and platform == "windows":
        b.reason(
            "product-code-found" if "product-code" in conds else "product-code-missing"
        )
    if "company-portal" in conds:
        b.reason("company-portal-installed")
    if "ade-elsewhere" in conds and not blocked:
        b.reason("ade-assigned-elsewhere")

    if path == "contact-it":
        b.add(playbooks.common("contact-it"), ["contact-it"])
        for legacy, name in zip(legacies, names, strict=True):
            if legacy.removable is False:
                playbook = _vendor_playbook(playbooks, legacy.vendor, platform, b)
                b.add(playbook, ["contact-it"], texts={"vendor_name": name})
        b.add(playbooks.common("recheck"), ["contact-it"])
        return b.plan(legacies[0].vendor)

    if path == "leave-then-join":
        b.add(playbooks.common("prepare"), ["prepare"])
    chosen = [
        (_vendor_playbook(playbooks, legacy.vendor, platform, b), name)
        for legacy, name in zip(legacies, names, strict=True)
    ]
    # Stage by stage, so that several legacies still give monotonic stages: every
    # leave step, then every confirm-left check.
    for stage in LEAVE:
        for playbook, name in chosen:
            b.add(playbook, [stage], texts={"vendor_name": name})
    if path == "leave-then-join":
        _join(b, playbooks, platform)
    # What to ask IT for, shown only if the journey runs out of attempts (these
    # paths never walk the contact-it stage otherwise).
    b.add(playbooks.common("contact-it"), ["contact-it"])
    for playbook, name in chosen:
        b.add(playbook, ["contact-it"], texts={"vendor_name": name})
    return b.plan(legacies[0].vendor)
