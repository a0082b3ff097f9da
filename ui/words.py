# SPDX-License-Identifier: MIT
"""Words for every code the core returns, in the window's language.

The core (``helper/``) returns codes; the window shows these words instead
(STYLE §3.14). Every string goes through ``QCoreApplication.translate`` with
the context ``Words`` so that Qt Linguist extracts it; the command line has its
own English table in ``helper/words.py``, and tests/ui/test_words.py checks that
every code listed there, in docs/journey.md and in the core's ``Literal`` types
has words here.

The tables are built when asked for (not at import), so they follow the
translators installed at start-up. Unknown codes never show bare: they get a
generic sentence that quotes the code for helpdesk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

if TYPE_CHECKING:
    import datetime

    from helper.journey.checks import CheckResult
    from helper.journey.deadlines import Deadline
    from helper.journey.launch import LaunchResult

translate = QCoreApplication.translate


def arg(text: str, *values: object) -> str:
    """Replace ``%1``, ``%2``... in ``text`` by ``values``, in one pass.

    Like ``QString::arg``: a value that itself contains ``%2`` is left alone.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            index = int(text[i + 1]) - 1
            if 0 <= index < len(values):
                out.append(str(values[index]))
                i += 2
                continue
        out.append(char)
        i += 1
    return "".join(out)


def _pick(table: dict[str, str], code: str | None, fallback: Callable[[], str]) -> str:
    if code is None:
        return fallback()
    found = table.get(code)
    if found is not None:
        return found
    return arg(translate("Words", "Unexpected result (code %1)."), code)


def _unknown() -> str:
    return translate("Words", "Not known.")


# --- detection --------------------------------------------------------------------


def verdicts() -> dict[str, str]:
    """Verdict code → one sentence about this device."""
    return {
        "legacy-enrolled": translate(
            "Words", "This device is managed by a legacy management system."
        ),
        "both-enrolled": translate(
            "Words",
            "This device is managed by a legacy management system and by "
            "Microsoft Intune at once.",
        ),
        "intune-enrolled": translate(
            "Words", "This device is managed by Microsoft Intune."
        ),
        "unmanaged": translate(
            "Words", "This device is not managed by any management system."
        ),
        "unknown": translate(
            "Words", "The helper could not tell what manages this device."
        ),
    }


def verdict(code: str | None) -> str:
    return _pick(verdicts(), code, _unknown)


def joins() -> dict[str, str]:
    """Microsoft Entra join code → words."""
    return {
        "entra-joined": translate("Words", "joined to Microsoft Entra ID"),
        "hybrid-joined": translate(
            "Words", "hybrid joined (on-premises domain and Microsoft Entra ID)"
        ),
        "domain-joined": translate("Words", "joined to an on-premises domain only"),
        "registered": translate(
            "Words", "registered with Microsoft Entra ID (work account)"
        ),
        "none": translate("Words", "not joined to Microsoft Entra ID"),
        "unknown": translate("Words", "Microsoft Entra join state unknown"),
    }


def join(code: str | None) -> str:
    return _pick(joins(), code, _unknown)


def removable(value: bool | None) -> str:
    """Whether the user can remove a legacy management themselves."""
    if value is True:
        return translate("Words", "you can remove it yourself")
    if value is False:
        return translate("Words", "only IT can remove it")
    return translate("Words", "whether you can remove it yourself is not known")


def warnings() -> dict[str, str]:
    """Detection warning code → words."""
    return {
        "fake-enrollment-key": translate(
            "Words", "A fake enrollment key (FFFFFFFF-...) was ignored."
        ),
        "stale-enrollment": translate(
            "Words", "Leftovers of an earlier enrollment were found."
        ),
        "tenant-mdm-url-not-enrolled": translate(
            "Words",
            "The tenant has automatic MDM enrollment configured, but that alone "
            "does not mean this device is enrolled.",
        ),
        "ade-assigned": translate(
            "Words", "Apple ADE assigns this device to a management server."
        ),
        "ade-enrolled": translate(
            "Words",
            "The device was enrolled through Apple ADE: only IT can remove it.",
        ),
        "profile-removal-disallowed": translate(
            "Words", "The management profile does not allow removal."
        ),
        "source-unreadable": translate(
            "Words", "A source of evidence could not be read."
        ),
        "agent-leftover": translate(
            "Words",
            "A management agent is installed but the device is not enrolled.",
        ),
        "company-portal-not-enrolled": translate(
            "Words",
            "Company Portal is installed, but the device is not enrolled in Intune.",
        ),
        "unknown-mdm": translate(
            "Words", "A management server that matches no known vendor was found."
        ),
        "enrollment-pending": translate(
            "Words", "An enrollment exists but is not complete."
        ),
        "multiple-legacy": translate(
            "Words", "More than one legacy management was found."
        ),
    }


def warning(code: str) -> str:
    return _pick(warnings(), code, _unknown)


def source_statuses() -> dict[str, str]:
    """What became of one evidence file."""
    return {
        "read": translate("Words", "read"),
        "missing": translate("Words", "missing"),
        "unreadable": translate("Words", "unreadable"),
    }


def source_status(code: str) -> str:
    return _pick(source_statuses(), code, _unknown)


# --- the journey -------------------------------------------------------------------


def stages() -> dict[str, str]:
    """Stage code → a short name (the progress strip)."""
    return {
        "prepare": translate("Words", "Prepare"),
        "leave": translate("Words", "Leave"),
        "confirm-left": translate("Words", "Check it left"),
        "join": translate("Words", "Join Intune"),
        "confirm-joined": translate("Words", "Check it joined"),
        "done": translate("Words", "Done"),
        "contact-it": translate("Words", "Contact IT"),
    }


def stage(code: str) -> str:
    return _pick(stages(), code, _unknown)


def paths() -> dict[str, str]:
    """Plan path code → what happens next, in one sentence."""
    return {
        "leave-then-join": translate(
            "Words",
            "What happens next: you remove the old management from this device, "
            "then you enroll it in Microsoft Intune.",
        ),
        "remove-legacy": translate(
            "Words",
            "What happens next: Microsoft Intune already manages this device; "
            "you only remove the old management.",
        ),
        "join-only": translate(
            "Words",
            "What happens next: you enroll this device in Microsoft Intune.",
        ),
        "done": translate(
            "Words", "Nothing left to do: this device has already moved."
        ),
        "contact-it": translate(
            "Words",
            "This device needs IT's help: you cannot move it yourself.",
        ),
    }


def path(code: str) -> str:
    return _pick(paths(), code, _unknown)


def journey_codes() -> dict[str, str]:
    """Why the journey is where it is (``view.code``, ``blocked`` events)."""
    return {
        "legacy-still-present": translate(
            "Words", "The old management is still on this device."
        ),
        "intune-still-absent": translate(
            "Words", "Microsoft Intune does not manage this device yet."
        ),
        "intune-mdm-missing": translate(
            "Words",
            "Your work account is connected, but Microsoft Intune does not manage "
            "this device yet.",
        ),
        "entra-registration-missing": translate(
            "Words",
            "Microsoft Intune manages this device, but it is not registered in "
            "your organization's Microsoft Entra ID yet: company mail and apps "
            "would refuse it.",
        ),
        "entra-other-tenant": translate(
            "Words",
            "This device is registered with another organization's Microsoft "
            "Entra ID, not yours.",
        ),
        "verify-inconclusive": translate(
            "Words",
            "The helper could not read enough of this device to tell whether "
            "that worked.",
        ),
        "not-removable": translate(
            "Words",
            "The old management is locked on this device: only IT can remove it.",
        ),
        "unknown-mdm": translate(
            "Words",
            "This device is managed by a system the helper does not know.",
        ),
        "detection-unknown": translate(
            "Words", "The helper could not tell what manages this device."
        ),
        "plan-contact-it": translate(
            "Words", "IT has to take the next step for this device."
        ),
        "detect-failed": translate("Words", "The helper could not check this device."),
        "user-request": translate("Words", "You asked IT for help."),
        # Back in the old management (engine.RETURN_CODES): what happened, and
        # what to ask IT.
        "legacy-returned": translate(
            "Words",
            "The old management is back on this device after you had removed it: "
            "its agent or one of its policies installed it again. Remove it once "
            "more; if it comes back again, ask IT to release this device in the "
            "old management before you try again.",
        ),
        "legacy-returned-ade": translate(
            "Words",
            "The old management enrolled this device again by itself: Apple "
            "Business Manager still assigns it to the old server. Ask IT to "
            "assign this device to Microsoft Intune in Apple Business Manager "
            "and to release it in the old management, then check again.",
        ),
    }


def journey_code(code: str | None) -> str:
    return _pick(journey_codes(), code, lambda: "")


def notices() -> dict[str, str]:
    """Feedback on the last action (``view.notice``)."""
    return {
        "no-change": translate(
            "Words",
            "Nothing has changed on this device yet. If you have just done the "
            "step, wait a minute and check again.",
        ),
        "detect-failed": translate(
            "Words",
            "The helper could not check this device this time. Try again in a moment.",
        ),
        "detect-inconclusive": translate(
            "Words",
            "The helper could not read enough of this device this time. Try "
            "again in a moment.",
        ),
        "action-not-available": translate(
            "Words", "That is not possible at this point."
        ),
        "step-unknown": translate("Words", "That step is not part of your plan."),
        "step-already-done": translate("Words", "That step is already done."),
        "deferrals-disabled": translate(
            "Words", "Your organization does not allow postponing this move."
        ),
        "deferrals-exhausted": translate(
            "Words", "You have postponed this move as many times as allowed."
        ),
        "overdue": translate(
            "Words", "The deadline has passed: this move cannot be postponed."
        ),
    }


def notice(code: str | None) -> str:
    return _pick(notices(), code, lambda: "")


def state_warnings() -> dict[str, str]:
    """Problems with the saved progress (``view.warnings``)."""
    return {
        "state-corrupt": translate(
            "Words",
            "Your saved progress could not be read, so the helper started again "
            "from the check.",
        ),
        "state-unreadable": translate(
            "Words",
            "Your saved progress could not be opened, so the helper started again "
            "from the check.",
        ),
        "state-not-saved": translate(
            "Words",
            "Your progress cannot be saved on this device: keep this window open "
            "until the end.",
        ),
    }


def state_warning(code: str) -> str:
    return _pick(state_warnings(), code, lambda: "")


def step_statuses() -> dict[str, str]:
    """A step's status (for screen readers and the technical details)."""
    return {
        "pending": translate("Words", "to do"),
        "running": translate("Words", "in progress"),
        "done": translate("Words", "done"),
        "failed": translate("Words", "did not work"),
        "needs-it": translate("Words", "IT needs to act"),
        "skipped": translate("Words", "not needed"),
    }


def step_status(code: str) -> str:
    return _pick(step_statuses(), code, _unknown)


def deferral_blocks() -> dict[str, str]:
    """Why "remind me later" is not offered."""
    return {
        "deferrals-disabled": notices()["deferrals-disabled"],
        "deferrals-exhausted": notices()["deferrals-exhausted"],
        "overdue": notices()["overdue"],
    }


# --- deadlines ---------------------------------------------------------------------


def deadline_phases() -> tuple[str, ...]:
    """The phase codes :func:`deadline_text` knows."""
    return ("before-notify", "notify", "final-days", "overdue")


def deadline_text(due: Deadline, lang: str = "") -> str:
    """The deadline in one sentence: its date and the days left.

    Args:
        due: the device's deadline (``view.deadline``).
        lang: the window's language, for the date (default: QLocale's default).
    """
    return deadline_sentence(due.enforcement_date, due.days_left, due.phase, lang)


def deadline_sentence(
    enforcement_date: datetime.date, days: int, phase: str, lang: str = ""
) -> str:
    """:func:`deadline_text` from its parts (the first page has no view yet).

    Args:
        enforcement_date: the wave's enforcement date.
        days: days left (:func:`helper.journey.calendar.days_left`).
        phase: the phase code (:func:`helper.journey.calendar.phase_of`).
        lang: the window's language, for the date.
    """
    date = format_date(enforcement_date, lang)
    if phase == "before-notify":
        return arg(
            translate(
                "Words",
                "Your organization will ask you to move this device soon. "
                "The deadline is %1.",
            ),
            date,
        )
    if phase == "notify":
        return arg(
            translate(
                "Words", "Please move this device by %1 (%n day(s) left).", None, days
            ),
            date,
        )
    if phase == "final-days":
        return arg(
            translate(
                "Words",
                "Only %n day(s) left: please move this device by %1.",
                None,
                days,
            ),
            date,
        )
    return arg(
        translate(
            "Words",
            "The deadline (%1) has passed: company mail and apps may already "
            "be blocked on this device. Please move it now.",
        ),
        date,
    )


def _locale(lang: str) -> QLocale:
    return QLocale(lang) if lang else QLocale()


def format_date(day: datetime.date, lang: str = "") -> str:
    """A calendar date in the window's language (``15 March 2027``)."""
    return _locale(lang).toString(
        QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
    )


def format_time(moment: datetime.datetime, lang: str = "") -> str:
    """An instant in the user's local time, with its date (short format)."""
    from PySide6.QtCore import QDateTime, QTime, QTimeZone

    local = moment.astimezone()
    qdt = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.systemTimeZone(),
    )
    return _locale(lang).toString(qdt, QLocale.FormatType.ShortFormat)


# --- launching and checks -----------------------------------------------------------


def launch_codes() -> dict[str, str]:
    """Launch result code → words (``LaunchResult.code``)."""
    return {
        "not-allowlisted": translate(
            "Words", "The helper is not allowed to open this. Contact IT."
        ),
        "not-confirmed": translate(
            "Words", "Nothing was run because you did not confirm."
        ),
        "placeholder-invalid": translate(
            "Words",
            "This step holds a value the helper refuses to use. Contact IT.",
        ),
        "not-launchable": translate("Words", "There is nothing to open here."),
        "cancelled": translate(
            "Words", "The administrator prompt was cancelled: nothing was changed."
        ),
        "not-authorized": translate(
            "Words", "Your account is not allowed to do this. Contact IT."
        ),
        "not-found": translate(
            "Words", "This device does not have the program this step needs."
        ),
        "timeout": translate("Words", "This took too long and was stopped."),
        "os-error": translate(
            "Words", "The system could not start it. Try again, or contact IT."
        ),
        "shell-execute": translate(
            "Words", "Windows could not start it. Try again, or contact IT."
        ),
    }


def launch(result: LaunchResult) -> str:
    """What a launch did, in words."""
    if result.status == "started":
        return translate(
            "Words",
            "Started. Finish the step in the window that opened, then come back here.",
        )
    code = "shell-execute" if result.code.startswith("shell-execute-") else result.code
    return _pick(launch_codes(), code, _unknown)


def check_codes() -> dict[str, str]:
    """Pre-enrollment check code → words (``CheckResult.code``)."""
    return {
        "ok": translate("Words", "Passed."),
        "not-applicable": translate("Words", "Not needed on this device."),
        "dns-failed": translate(
            "Words", "Microsoft's servers cannot be found from this network."
        ),
        "network-unreachable": translate(
            "Words", "Microsoft's servers cannot be reached from this network."
        ),
        "tls-failed": translate(
            "Words",
            "A secure connection to Microsoft failed: a proxy or firewall may be "
            "in the way.",
        ),
        "timeout": translate("Words", "Microsoft's servers did not answer in time."),
        "not-admin": translate(
            "Words", "Your account is not an administrator of this device."
        ),
        "rights-unknown": translate(
            "Words",
            "The helper could not tell whether your account is an administrator.",
        ),
        "on-legacy-wifi": translate(
            "Words",
            "This device is on a Wi-Fi network the old management installed, and "
            "it has gone with it. Connect to another network (your home Wi-Fi or "
            "your phone's hotspot), then check again.",
        ),
    }


def escrow_codes() -> dict[str, str]:
    """After joining: does Intune hold the recovery key?
    (``helper.journey.preflight.escrow_after_join``)."""
    return {
        "escrow-confirmed": translate(
            "Words", "Microsoft Intune holds this device's recovery key."
        ),
        "escrow-key-made": translate(
            "Words",
            "A new FileVault recovery key was made for Intune on this Mac; "
            "Intune receives it the next time the Mac checks in.",
        ),
        "escrow-not-configured": translate(
            "Words",
            "Intune has not set up FileVault's recovery key for this Mac yet. "
            "Check again later today; if nothing changes, ask IT to check "
            "FileVault for this Mac in Intune. Keep FileVault on.",
        ),
        "escrow-new-key-needed": translate(
            "Words",
            "Intune needs a new FileVault recovery key for this Mac: log out and "
            "log back in (or restart), then check again. If Intune still has no "
            "key, ask IT to check FileVault for this Mac in Intune.",
        ),
        "escrow-unknown": translate(
            "Words",
            "This PC does not show that its BitLocker recovery key was saved in "
            "your organization's Microsoft Entra ID. Ask IT to check that Intune "
            "holds it. Keep BitLocker on.",
        ),
    }


def escrow(code: str | None) -> str:
    return _pick(escrow_codes(), code, lambda: "")


def check(result: CheckResult) -> str:
    """A pre-enrollment check's result, in words."""
    return _pick(check_codes(), result.code, _unknown)


def check_names() -> dict[str, str]:
    """What a pre-enrollment check checks."""
    return {
        "network": translate("Words", "Connection to Microsoft Intune"),
        "rights": translate("Words", "Administrator rights"),
    }


def check_name(code: str) -> str:
    return _pick(check_names(), code, _unknown)


# --- reporting ---------------------------------------------------------------------


def delivery_states() -> dict[str, str]:
    """Outbox delivery state → words (the done page)."""
    return {
        "idle": translate("Words", "Every status update has been sent to IT."),
        "queued": translate("Words", "Status updates are being sent to IT."),
        "retrying": translate(
            "Words",
            "Status updates could not be sent yet; the helper will try again.",
        ),
        "sign-in-needed": translate(
            "Words",
            "Status updates wait until you sign in with your work account.",
        ),
        "refused": translate(
            "Words", "IT's service refused the status updates. IT has been told."
        ),
        "disabled": translate(
            "Words", "This helper does not send status updates to IT."
        ),
    }


def delivery_state(code: str) -> str:
    return _pick(delivery_states(), code, _unknown)


def sign_in_problems() -> dict[str, tuple[str, str]]:
    """Sign-in error code → (what happened, what to try) for the dialog that
    File → "Sign in to send status updates" shows when it fails."""
    contact = translate(
        "Words", "If it still fails, contact IT and tell them this message."
    )
    return {
        "sign-in-network": (
            translate("Words", "Microsoft's sign-in service could not be reached."),
            translate(
                "Words",
                "Check that this computer is connected to the network (Wi-Fi or "
                "cable, and the VPN if your company uses one), then try again.",
            )
            + " "
            + contact,
        ),
        "sign-in-proxy": (
            translate(
                "Words",
                "The network's proxy refused the connection to Microsoft's "
                "sign-in service.",
            ),
            translate(
                "Words",
                "Check this computer's proxy settings, or try again from another "
                "network (at home, or a phone's hotspot).",
            )
            + " "
            + contact,
        ),
        "sign-in-tls": (
            translate(
                "Words",
                "The connection to Microsoft's sign-in service was not trusted.",
            ),
            translate(
                "Words",
                "A device on this network inspects secure connections with a "
                "certificate this computer does not trust. Try another network.",
            )
            + " "
            + contact,
        ),
        "sign-in-failed": (
            translate("Words", "Microsoft refused the sign-in."),
            translate(
                "Words",
                "Sign in with your work account, not a personal one. If it is "
                "refused again, your account may not be allowed to use this "
                "helper yet.",
            )
            + " "
            + contact,
        ),
        "sign-in-timeout": (
            translate("Words", "The sign-in took too long and was stopped."),
            translate(
                "Words",
                "Try again, and finish signing in in the browser window that opens.",
            ),
        ),
        "sign-in-unavailable": (
            translate("Words", "No browser could be opened to sign in."),
            translate(
                "Words",
                "Start the helper from your desktop session, where a browser can "
                "open, then try again.",
            )
            + " "
            + contact,
        ),
        "sign-in-not-configured": (
            translate("Words", "Sign-in is not set up in this helper."),
            translate(
                "Words",
                "Nothing to fix on your side: contact IT (the helper's "
                "configuration lacks the tenant, client or API settings).",
            ),
        ),
        "sign-in-in-progress": (
            translate("Words", "A sign-in is already in progress."),
            translate("Words", "Finish it in the browser window that is open."),
        ),
        "sign-in-cancelled": (
            translate("Words", "The sign-in was cancelled."),
            translate("Words", "Try again when you are ready."),
        ),
    }


def sign_in_problem(code: str) -> tuple[str, str]:
    """(what happened, what to try) for a sign-in error code."""
    found = sign_in_problems().get(code)
    return found if found is not None else sign_in_problems()["sign-in-failed"]


def waiting_updates(count: int) -> str:
    """``n status updates waiting to be sent``."""
    return translate("Words", "%n status update(s) waiting to be sent.", None, count)
