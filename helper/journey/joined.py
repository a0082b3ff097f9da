# SPDX-License-Identifier: MIT
"""A truthful "done": which halves of "in Intune" a detection confirms.

Intune's MDM enrollment alone does not let device-based Conditional Access
mark a device compliant: the device must also be registered or joined in
Microsoft Entra ID (shared/reference/signatures.md §2.6, Microsoft Entra docs
concept-conditional-access-grant). So the journey's confirm-joined stage, the
planner's ``done`` path and the status report all ask for both halves:

========  ==================================  ==================================
OS        MDM half                            registration half
========  ==================================  ==================================
windows   an Intune enrollment (Enrollments)  Entra joined, hybrid joined or
                                              registered (dsregcmd), in the
                                              configured tenant
macos     Intune's MDM profile                Company Portal's Workplace Join or
                                              Platform SSO registration
linux     the Intune app's registration       Entra registered (dsreg, or the
          (registration.toml device_hint)     registration file's Entra id)
========  ==================================  ==================================

``enrollment.windows_join = "mdm-only"`` (IT's explicit choice) drops the
registration half on Windows. Pure: no I/O, the caller passes the detection
and the configured tenant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import msgspec

if TYPE_CHECKING:
    from helper.detect.model import Detection

JoinedCode = Literal[
    "intune-still-absent",
    "intune-mdm-missing",
    "entra-registration-missing",
    "entra-other-tenant",
    "verify-inconclusive",
]
REGISTERED: Final = frozenset({"entra-joined", "hybrid-joined", "registered"})


class JoinedParts(msgspec.Struct, frozen=True, kw_only=True):
    """What a detection confirms of the device's arrival in Intune.

    Attributes:
        mdm: the Intune MDM enrollment (None: not known).
        registration: registered or joined in Microsoft Entra ID, in the
            configured tenant when one is set (None: not known).
        registration_required: False only for Windows with
            ``enrollment.windows_join = "mdm-only"``.
        other_tenant: registered, but in another tenant than the configured one.
    """

    mdm: bool | None
    registration: bool | None
    registration_required: bool = True
    other_tenant: bool = False

    @property
    def complete(self) -> bool:
        """Both halves confirmed (or the MDM half, when that is all IT asked)."""
        return self.mdm is True and (
            self.registration is True or not self.registration_required
        )

    @property
    def code(self) -> JoinedCode | None:
        """Why the device is not done yet; None when :attr:`complete`.

        ``intune-still-absent``: neither half; ``intune-mdm-missing``:
        registered, but Intune does not manage the device;
        ``entra-registration-missing``: Intune manages it, but it is not
        registered in Microsoft Entra ID; ``entra-other-tenant``: registered
        with another organization; ``verify-inconclusive``: a half could not
        be read.
        """
        if self.complete:
            return None
        registration = self.registration if self.registration_required else True
        if self.other_tenant and self.mdm is not False:
            return "entra-other-tenant"
        if self.mdm is False and registration is not True:
            return "intune-still-absent"
        if self.mdm is False:
            return "intune-mdm-missing"
        if self.mdm is True and registration is False:
            return "entra-registration-missing"
        return "verify-inconclusive"


def _same_tenant(found: str | None, wanted: str) -> bool | None:
    """None when the detection names no tenant to compare."""
    if not wanted:
        return True
    if not found:
        return None
    return found.strip().strip("{}").lower() == wanted.strip().lower()


def joined_parts(
    detection: Detection, *, tenant_id: str = "", windows_join: str = "register"
) -> JoinedParts:
    """The two halves of "in Intune" for this detection.

    Args:
        detection: a detection/1 result.
        tenant_id: ``tenant.tenant_id``: the tenant the registration must be
            in ("" accepts any).
        windows_join: ``enrollment.windows_join``.
    """
    join = detection.entra.join
    registration: bool | None
    other = False
    if join in REGISTERED:
        same = _same_tenant(detection.entra.tenant_id, tenant_id)
        registration = same
        other = same is False
    elif join == "unknown":
        registration = None
    else:  # none, domain-joined
        registration = False
    return JoinedParts(
        mdm=detection.intune.enrolled,
        registration=registration,
        registration_required=not (
            detection.os == "windows" and windows_join == "mdm-only"
        ),
        other_tenant=other,
    )
