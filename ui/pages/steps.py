# SPDX-License-Identifier: MIT
"""A page of plan steps: the leave and join pages share it.

In the working stage (``leave``, ``join``) the page lists the stage's steps,
each with its button (open a settings page or app, run a command after a
confirmation that shows it, run a pre-enrollment check), and the primary
button "I've done it — check again" marks the steps done: the engine then
detects again. In the confirm stage after a failed check, it says what went
wrong, shows the plan's hints and lets the user redo a step or check again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme, words
from ui.pages.common import (
    ENGINE_CHECKS,
    PRECHECKS,
    Page,
    card,
    clear_layout,
    hint_texts,
    make_button,
    open_label,
    qt,
    run_label,
    step_text,
    wrapped_label,
)
from ui.pages.parts import Fold, StatusIcon, split_summary

if TYPE_CHECKING:
    from helper.journey.checks import CheckResult
    from helper.journey.engine import JourneyView
    from helper.journey.launch import LaunchResult
    from helper.journey.plan import Step
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


# --- step rows ------------------------------------------------------------------------


def row_status(
    step: Step, status: str, *, outcome: str, outcome_ok: bool, checking: bool
) -> str:
    """What a row's icon shows: the step's status, refined by what the window
    saw (a check running, a launch or check that did not work, a step only IT
    can do)."""
    if checking:
        return "running"
    if status == "done":
        return "done"
    if outcome and not outcome_ok:
        return "failed"
    if step.kind == "contact-it":
        return "needs-it"
    if outcome and step.kind == "verify":
        return "done"  # a passed pre-enrollment check
    return status


class StepRow(QFrame):
    """One plan step: a status icon, its first sentence, its button, the last
    outcome, and the rest of its words (and a failed check's hints) folded
    away under "More".

    Reusable: a page that lists steps, a checklist (``framed=False``, no
    button) or an addition that needs a row with a status and an action.

    Args:
        step: the plan step.
        status: ``pending``, ``done``, ``failed`` or ``skipped``.
        text: the step's words (filled).
        on_launch: called with the step when its open/run button is pressed.
        on_check: called with the step when its check button is pressed.
        outcome: words about the last launch or check of this step.
        outcome_ok: whether that outcome is good news.
        checking: its pre-enrollment check is running.
        hints: what to try, shown under a failed check (the plan's hints);
            the fold is open when there are some.
        framed: drawn as a card of its own (rows in a list card are not).
    """

    def __init__(
        self,
        step: Step,
        status: str,
        text: str,
        *,
        on_launch: Callable[[Step], None] | None = None,
        on_check: Callable[[Step], None] | None = None,
        outcome: str = "",
        outcome_ok: bool = True,
        checking: bool = False,
        hints: list[str] | None = None,
        framed: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if framed:
            theme.style_card(self)
        self.step = step
        self.button: QPushButton | None = None
        # The icon, then a column: the first line (first sentence, button or
        # "More"), the outcome, "More" under a button, the folded detail.
        outer = QHBoxLayout(self)
        if not framed:
            outer.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.setSpacing(2)
        first_line = QHBoxLayout()
        column.addLayout(first_line)
        shown = row_status(
            step, status, outcome=outcome, outcome_ok=outcome_ok, checking=checking
        )
        self.icon = StatusIcon(shown, self)
        outer.addWidget(self.icon, 0, qt().AlignmentFlag.AlignTop)
        outer.addLayout(column, 1)
        summary, rest = split_summary(text)
        self.label = wrapped_label(summary, self)
        self.label.setAccessibleDescription(words.step_status(shown))
        first_line.addWidget(self.label, 1)
        self.outcome = wrapped_label(outcome, self)
        # A passed check says so with its icon (✓, "done"): one line less.
        passed = bool(outcome) and outcome_ok and step.kind == "verify"
        if passed:
            self.icon.setToolTip(outcome)
            self.icon.setAccessibleName(outcome)
        self.outcome.setVisible((bool(outcome) and not passed) or checking)
        if checking:
            self.outcome.setText(translate("Common", "Checking…"))
        if outcome and not outcome_ok:
            font = QFont(self.outcome.font())
            font.setBold(True)
            self.outcome.setFont(font)
        column.addWidget(self.outcome)
        # The button before the fold: Tab follows reading order.
        label = ""
        slot: Callable[[], None] | None = None
        if step.kind == "open" and on_launch is not None:
            label, slot = open_label(step), lambda: on_launch(step)
        elif step.kind == "run" and on_launch is not None:
            label, slot = run_label(step), lambda: on_launch(step)
        elif (
            step.kind == "verify"
            and step.check in PRECHECKS
            and on_check is not None
            and not checking
            and status != "done"
            and not (outcome and outcome_ok)
        ):
            label, slot = translate("Common", "Check again"), lambda: on_check(step)
        if slot is not None:
            self.button = make_button(label, slot, description=text, parent=self)
            first_line.addWidget(self.button, 0, qt().AlignmentFlag.AlignTop)
        self.detail: QLabel | None = None
        self.hints: HintList | None = None
        self.fold: Fold | None = None
        if rest or hints:
            self.fold = Fold(summary, self, opened=bool(hints))
            if rest:
                self.detail = wrapped_label(rest, self.fold.content)
                self.fold.add(self.detail)
            if hints:
                self.hints = HintList(hints, self.fold.content)
                self.fold.add(self.hints)
            if self.button is None:  # beside the first sentence: one line less
                first_line.addWidget(self.fold.button, 0, qt().AlignmentFlag.AlignTop)
            else:
                column.addWidget(self.fold.button, 0, qt().AlignmentFlag.AlignLeft)
            column.addWidget(self.fold.content)

    def full_text(self) -> str:
        """The step's words as shown, first sentence and folded rest."""
        rest = self.detail.text() if self.detail is not None else ""
        return f"{self.label.text()} {rest}".strip()


class HintList(QFrame):
    """What to try after a failed confirmation (the plan's hints)."""

    def __init__(self, hints: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = theme.notice_layout(self)
        title = QLabel(translate("Common", "What you can try:"), self)
        title.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        layout.addWidget(title)
        self.labels: list[QLabel] = []
        for hint in hints:
            label = wrapped_label(self.bullet(hint), self)
            layout.addWidget(label)
            self.labels.append(label)

    @staticmethod
    def bullet(hint: str) -> str:
        """A hint as the list shows it."""
        return "• " + hint


# --- the command confirmation -------------------------------------------------------


class ConfirmCommandDialog(QDialog):
    """Shows the exact command a ``run`` step will run, and asks first.

    Opened with :meth:`open` (window-modal, never blocking the event loop); its
    ``accepted`` signal launches the step.

    Args:
        step: the ``run`` step.
        command: the exact command line (:func:`helper.journey.launch.display_command`).
        text: the step's words.
    """

    def __init__(
        self, step: Step, command: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.step = step
        self.setWindowTitle(translate("ConfirmCommandDialog", "Run this command?"))
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(text, self))
        intro = wrapped_label(
            translate(
                "ConfirmCommandDialog",
                "The helper will run exactly this command on this device:",
            ),
            self,
        )
        layout.addWidget(intro)
        self.command = QPlainTextEdit(command, self)
        self.command.setReadOnly(True)
        self.command.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )
        self.command.setAccessibleName(translate("ConfirmCommandDialog", "Command"))
        self.command.setAccessibleDescription(command)
        self.command.setTabChangesFocus(True)
        lines = max(2, command.count("\n") + 2)
        self.command.setFixedHeight(
            self.command.fontMetrics().lineSpacing() * lines
            + 2 * self.command.frameWidth()
            + 8
        )
        layout.addWidget(self.command)
        if step.elevate:
            layout.addWidget(
                wrapped_label(
                    translate(
                        "ConfirmCommandDialog",
                        "It needs administrator rights: your system will ask for an "
                        "administrator password or approval. Nothing runs unless you "
                        "approve it there too.",
                    ),
                    self,
                )
            )
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = make_button(
            translate("ConfirmCommandDialog", "Cancel"), self.reject, parent=self
        )
        self.run_button = make_button(
            translate("ConfirmCommandDialog", "&Run"),
            self.accept,
            description=command,
            parent=self,
        )
        self.run_button.setDefault(True)
        row.addWidget(self.cancel_button)
        row.addWidget(self.run_button)
        layout.addLayout(row)
        QWidget.setTabOrder(self.command, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.run_button)
        self.run_button.setFocus()


class StepListBuilder:
    """Rebuilds a column of :class:`StepRow` for a page on each new view.

    Keeps, per step id, the last launch and check outcome, so that a new view
    (which rebuilds the rows) does not forget what the user saw.
    """

    def __init__(self) -> None:
        self.launches: dict[str, LaunchResult] = {}
        self.checks: dict[str, CheckResult] = {}
        self.checking: set[str] = set()

    def rows(
        self,
        steps: Iterable[tuple[Step, str]],
        view: JourneyView,
        lang: str,
        *,
        on_launch: Callable[[Step], None] | None,
        on_check: Callable[[Step], None] | None,
        parent: QWidget,
    ) -> list[StepRow]:
        made = []
        for step, status in steps:
            outcome, ok, hints = "", True, []
            if step.id in self.checks:
                result = self.checks[step.id]
                outcome = words.arg(
                    translate("Common", "%1: %2"),
                    words.check_name(result.check),
                    words.check(result),
                )
                ok = result.ok
                if not ok:
                    hints = hint_texts([step], view, lang)
            elif step.id in self.launches:
                launched = self.launches[step.id]
                outcome, ok = words.launch(launched), launched.status == "started"
            made.append(
                StepRow(
                    step,
                    status,
                    step_text(step, view, lang),
                    on_launch=on_launch,
                    on_check=on_check,
                    outcome=outcome,
                    outcome_ok=ok,
                    checking=step.id in self.checking,
                    hints=hints,
                    framed=False,
                    parent=parent,
                )
            )
        return made


# --- the page -------------------------------------------------------------------------


class StagePage(Page):
    """Steps of one stage and its confirmation.

    Args:
        window: the main window.
    """

    stage: ClassVar[str] = ""
    confirm: ClassVar[str] = ""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.builder = StepListBuilder()
        self.rows: list[StepRow] = []
        body = self.body_layout
        self.intro = wrapped_label("", self.body)
        body.addWidget(self.intro)
        self.failure, failure_layout = card(self.body)
        self.failure_text = wrapped_label("", self.failure)
        self.failure_text.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        self.failure_text.setAccessibleName(translate("StagePage", "What went wrong"))
        failure_layout.addWidget(self.failure_text)
        self.hints_layout = failure_layout
        self.failure.hide()
        body.addWidget(self.failure)
        # One card for the steps, the rows inside it unframed: a list the eye
        # runs down, and the first step's button higher up.
        self.steps_box, self.steps_layout = card(self.body)
        body.addWidget(self.steps_box)
        # Below the rows, so that the first step's button shows without
        # scrolling: what to try after a failed check.
        self.hints_box, self.hints_box_layout = _column(self)
        body.addWidget(self.hints_box)
        body.addStretch(1)
        self.help_button = make_button(
            translate("StagePage", "Contact &IT"),
            self._on_help,
            description=translate("StagePage", "Ask IT for help with this device"),
        )
        self.done_button = make_button(
            translate("StagePage", "I’ve &done it — check again"),
            window.controller.finish_stage,
            description=translate(
                "StagePage",
                "The helper checks this device again to see whether the steps worked",
            ),
        )
        self.set_buttons([self.help_button], self.done_button)
        controller = window.controller
        controller.launch_finished.connect(self._on_launch_finished)
        controller.check_started.connect(self._on_check_started)
        controller.check_finished.connect(self._on_check_finished)
        self._view: JourneyView | None = None

    def intro_text(self, view: JourneyView) -> str:
        """The words above the steps (subclasses)."""
        del view
        return ""

    def title_text(self) -> str:
        return ""

    def button_allowed(self, button: QPushButton) -> bool:
        view = self._view
        if view is None:
            return False
        if button is self.help_button:
            return "contact-it" in view.actions
        return True

    def show_view(self, view: JourneyView) -> None:
        self._view = view
        window = self.window_
        self.set_title(self.title_text())
        # After a failed check, the failure card says what went wrong instead.
        self.intro.setText("" if view.retry else self.intro_text(view))
        self.intro.setVisible(not view.retry)
        clear_layout(self.steps_layout)
        shown = view.retry_steps if view.retry else view.steps
        # After a failed check the steps are to be tried again, not "done".
        steps = [
            (sv.step, "pending" if view.retry else sv.status)
            for sv in shown
            if not (sv.step.kind == "verify" and sv.step.check in ENGINE_CHECKS)
        ]
        self.rows = []
        for row in self.builder.rows(
            steps,
            view,
            window.lang,
            on_launch=window.confirm_and_launch,
            on_check=window.controller.run_check,
            parent=self.steps_box,
        ):
            self.steps_layout.addWidget(row)
            self.rows.append(row)
        self._show_failure(view, self.row_hints())
        self.help_button.setVisible("contact-it" in view.actions)
        self.set_busy(window.controller.busy)
        self.update_tab_order()
        self.after_render(view)

    def row_hints(self) -> set[str]:
        """The hints the rows show already (a failed pre-enrollment check's)."""
        return {
            label.text()
            for row in self.rows
            if row.hints is not None
            for label in row.hints.labels
        }

    def _show_failure(self, view: JourneyView, on_rows: set[str]) -> None:
        """What went wrong, how many checks are left, and the hints not already
        under a row: each hint shows once (a failed network check's hints are
        under its row, not repeated here)."""
        clear_layout(self.hints_layout)
        clear_layout(self.hints_box_layout)
        # Back in the old management (engine.RETURN_CODES): say what happened
        # and what to ask IT above the leave steps, as a failed check would.
        from helper.journey.engine import RETURN_CODES

        returned = not view.retry and view.code in RETURN_CODES
        if view.retry or returned:
            self.failure_text = wrapped_label(
                words.journey_code(view.code), self.failure
            )
            self.failure_text.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
            self.failure_text.setAccessibleName(
                translate("StagePage", "What went wrong")
            )
            self.hints_layout.addWidget(self.failure_text)
            if view.retry and view.attempts:
                self.hints_layout.addWidget(
                    wrapped_label(
                        words.arg(
                            translate(
                                "StagePage",
                                "Check %1 of %2: after that, the helper asks you to "
                                "contact IT.",
                            ),
                            view.attempts,
                            view.max_attempts,
                        ),
                        self.failure,
                    )
                )
            steps = [sv.step for sv in [*view.steps, *view.retry_steps]]
            hints = [
                h
                for h in hint_texts(steps, view, self.window_.lang)
                if HintList.bullet(h) not in on_rows
            ]
            if hints and view.retry:
                self.hints_box_layout.addWidget(HintList(hints, self.hints_box))
        self.failure.setVisible(view.retry or returned)
        self.hints_box.setVisible(view.retry)

    def after_render(self, view: JourneyView) -> None:
        """Hook for subclasses (the join page starts its checks)."""
        del view

    def step_buttons(self) -> dict[str, QPushButton]:
        """Step id → its row button (tests and the keyboard walk)."""
        return {row.step.id: row.button for row in self.rows if row.button is not None}

    # --- outcomes --------------------------------------------------------------------

    @Slot(str, object)
    def _on_launch_finished(self, step_id: str, result: LaunchResult) -> None:
        self.builder.launches[step_id] = result
        self._rerender()

    @Slot(str)
    def _on_check_started(self, step_id: str) -> None:
        self.builder.checking.add(step_id)
        self.builder.checks.pop(step_id, None)
        self._rerender()

    @Slot(str, object)
    def _on_check_finished(self, step_id: str, result: CheckResult) -> None:
        self.builder.checking.discard(step_id)
        self.builder.checks[step_id] = result
        self._rerender()

    def _rerender(self) -> None:
        if self._view is not None and self._view.stage in (self.stage, self.confirm):
            self.show_view(self._view)
            if self.window_.current_page() is self:
                self.focus_primary()

    @Slot()
    def _on_help(self) -> None:
        self.window_.request_help()


def _column(page: Page) -> tuple[QWidget, QVBoxLayout]:
    box = QWidget(page.body)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    return box, layout
