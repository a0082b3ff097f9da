# SPDX-License-Identifier: MIT
"""The due reminder: asked only when the OS says it is a good moment, shown
with its exact next time, and never deferrable after the deadline.

- :func:`next_reminder_text` is the window's "Next reminder: …" line: the exact
  time, and the date when it is not today, in the window's language.
- :class:`AttentionGate` reads the OS signals on a worker (the readers of
  :mod:`helper.probe.attention`) and lets the core decide
  (:func:`helper.journey.attention.decide`): show, show quietly, or postpone.
- :class:`ReminderPrompt` is the reminder itself: continue now, remind me later
  (with the exact time it would come back) while deferring is allowed, close.
  After the deadline, "Remind me later" is gone and the prompt says why; it
  can still be closed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QObject,
    QTime,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from ui import words
from ui.pages.common import make_button, wrapped_label

if TYPE_CHECKING:
    from helper.journey.deadlines import Deferral
    from helper.journey.engine import JourneyView
    from helper.probe.attention import AttentionReader

log = logging.getLogger(__name__)

Clock = Callable[[], datetime.datetime]
translate = QCoreApplication.translate


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _locale(lang: str) -> QLocale:
    return QLocale(lang) if lang else QLocale()


def when_text(
    moment: datetime.datetime,
    lang: str = "",
    now: datetime.datetime | None = None,
    tz: datetime.tzinfo | None = None,
) -> tuple[str, str]:
    """(date, time) of an instant in the user's time zone, in the window's
    language; the date is "" when it is today.

    Args:
        moment: the instant (aware).
        lang: the window's language.
        now: the current time (tests).
        tz: the user's time zone (None: the system's).
    """
    local = moment.astimezone(tz)
    today = (now or _now()).astimezone(tz).date()
    locale = _locale(lang)
    time = locale.toString(
        QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
    )
    if local.date() == today:
        return "", time
    date = locale.toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat
    )
    return date, time


def next_reminder_text(
    moment: datetime.datetime | None,
    lang: str = "",
    now: datetime.datetime | None = None,
    tz: datetime.tzinfo | None = None,
) -> str:
    """The window's "Next reminder" line ("" when no reminder is set, or when
    its time has passed: it was shown)."""
    if moment is None or moment <= (now or _now()):
        return ""
    date, time = when_text(moment, lang, now, tz)
    if not date:
        return words.arg(translate("Reminders", "Next reminder: today at %1"), time)
    return words.arg(translate("Reminders", "Next reminder: %1 at %2"), date, time)


def _default_readers() -> list[AttentionReader]:
    from helper.probe.attention import readers_for

    return readers_for()


class AttentionGate(QObject):
    """Asks the OS whether now is a good moment for the due reminder.

    The readers run on the shared pool (they start commands and read files);
    the decision is the core's. Postponements are counted until the reminder
    is shown (:meth:`reset`).

    Args:
        readers: builds the readers (on the worker); the OS's by default.
        clock: now, aware (tests).
        parent: the QObject parent.

    Signals:
        decided: the core's :class:`~helper.journey.attention.Decision`.
    """

    decided = Signal(object)

    def __init__(
        self,
        readers: Callable[[], list[AttentionReader]] = _default_readers,
        clock: Clock = _now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._readers = readers
        self._clock = clock
        self.postponed = 0

    def check(self) -> None:
        """Read the signals and decide (the answer comes through ``decided``)."""
        from helper.probe.attention import read_all
        from ui import tasks

        readers = self._readers
        tasks.run_in_background(
            lambda: read_all(readers()),
            on_success=self._on_read,
            on_failure=self._on_failed,
            serial=False,
            context=self,
        )

    def reset(self) -> None:
        """The reminder was shown: the next one starts from zero."""
        self.postponed = 0

    def _on_read(self, readings: object) -> None:
        from helper.journey.attention import decide

        decision = decide(readings, self.postponed, self._clock())  # type: ignore[arg-type]
        if decision.action == "postpone":
            self.postponed += 1
            log.info(
                "reminder postponed (%s busy, %s unknown)",
                ",".join(decision.busy) or "none",
                ",".join(decision.unknown) or "none",
            )
        else:
            self.reset()
        self.decided.emit(decision)

    def _on_failed(self, error: BaseException) -> None:
        # read_all never raises for a signal; anything else must not lose the
        # reminder: show it quietly.
        log.warning("attention signals not read: %s", error)
        from helper.journey.attention import Decision

        self.reset()
        self.decided.emit(Decision("show-quietly", None, (), ()))


class ReminderPrompt(QDialog):
    """The reminder: continue now, remind me later (while allowed), or close.

    Args:
        deferral: whether deferring is possible now, and until when.
        lang: the window's language (dates and times).
        now: the current time (tests).
        parent: the main window.
        can_defer: the journey offers "defer" now (not once the user began).

    Signals:
        continue_requested: the user wants to go on now.
        defer_requested: the user pressed "Remind me later".
    """

    continue_requested = Signal()
    defer_requested = Signal()

    def __init__(
        self,
        deferral: Deferral,
        lang: str = "",
        now: datetime.datetime | None = None,
        parent: QWidget | None = None,
        *,
        can_defer: bool = True,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._now = now
        self.setWindowTitle(self.tr("Reminder"))
        layout = QVBoxLayout(self)
        self.message = wrapped_label(
            self.tr("It is time to finish moving this device to Microsoft Intune."),
            self,
        )
        layout.addWidget(self.message)
        self.detail = wrapped_label("", self)
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.close_button = make_button(
            self.tr("&Close"),
            self.reject,
            description=self.tr("Close this reminder"),
            parent=self,
        )
        self.defer_button = make_button(
            self.tr("&Remind me later"),
            self._on_defer,
            description=self.tr("Postpone the move; the helper reminds you"),
            parent=self,
        )
        self.continue_button = make_button(
            self.tr("C&ontinue now"),
            self._on_continue,
            description=self.tr("Open the helper where you left off"),
            parent=self,
        )
        self.continue_button.setDefault(True)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.defer_button)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)
        self.set_deferral(deferral, can_defer=can_defer)

    def set_deferral(self, deferral: Deferral, *, can_defer: bool = True) -> None:
        """Show whether "Remind me later" is possible now (a fresher view)."""
        allowed = can_defer and deferral.allowed
        self.defer_button.setVisible(allowed)
        self.detail.setText(self._detail(deferral, allowed))

    def _detail(self, deferral: Deferral, allowed: bool) -> str:
        if allowed and deferral.next_reminder is not None:
            date, time = when_text(deferral.next_reminder, self._lang, self._now)
            if not date:
                return words.arg(
                    self.tr("“Remind me later” brings this reminder back today at %1."),
                    time,
                )
            return words.arg(
                self.tr("“Remind me later” brings this reminder back on %1 at %2."),
                date,
                time,
            )
        if deferral.blocked == "overdue":
            return self.tr(
                "The deadline has passed: this reminder can no longer be "
                "postponed. You can close it, but company apps may stop working "
                "on this device until it is moved."
            )
        if deferral.blocked == "deferrals-exhausted":
            return self.tr(
                "You have postponed as many times as IT allows: this reminder "
                "can no longer be postponed. You can close it."
            )
        return self.tr("This reminder cannot be postponed. You can close it.")

    @Slot(object)
    def set_view(self, view: JourneyView) -> None:
        """Follow the journey's latest view."""
        self.set_deferral(view.deferral, can_defer="defer" in view.actions)

    @Slot()
    def _on_defer(self) -> None:
        self.defer_requested.emit()
        self.accept()

    @Slot()
    def _on_continue(self) -> None:
        self.continue_requested.emit()
        self.accept()
