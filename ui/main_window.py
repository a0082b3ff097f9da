# SPDX-License-Identifier: MIT
"""The main window: a wizard over the journey engine.

Pages (``ui/pages/``): welcome → check → leave → join → done, and contact-it for
blocked paths. Which page shows follows the journey's view (``page_for``); the
user moves on with each page's primary button.

How the window uses the core (no Qt): a :class:`helper.migration.Migration`,
built on the state worker after the first paint by a factory (the live one,
:func:`helper.migration.live_migration`, or a simulated device's,
:func:`helper.migration.scenario_migration`), driven only by the
:class:`ui.controller.JourneyController`. The window keeps the presentation.

Only the welcome page is built before the first paint; the others are built
when first shown, and the helper modules behind them load on the state worker.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helper import APP_NAME
from ui import theme, words
from ui.controller import JourneyController
from ui.navigation import page_for, page_title, strip_pages, text_for_it
from ui.pages.common import Page, first_paint_done, make_plain, qt, wrapped_label
from ui.pages.welcome import WelcomePage
from ui.progress import StageProgress

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QDialog

    from helper.config.model import Config
    from helper.journey.engine import JourneyView
    from helper.journey.plan import Step
    from helper.migration import Migration
    from ui.controller import MigrationFactory

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

# The wizard's pages after "welcome" (built on first use): page name → (module,
# class). A stage names its page in the stage table (helper/journey/stages.py);
# a new page is one entry here plus its class in ui/pages/.
PAGES: Final[dict[str, tuple[str, str]]] = {
    "check": ("ui.pages.check", "CheckPage"),
    "leave": ("ui.pages.leave", "LeavePage"),
    "join": ("ui.pages.join", "JoinPage"),
    "done": ("ui.pages.done", "DonePage"),
    "contact-it": ("ui.pages.contact_it", "ContactItPage"),
}

# The window's default and minimum sizes, in lines of text (they follow the
# user's font size). The minimum fits a 1366×768 screen at 125 % scaling with
# room for the taskbar; tests/ui/test_no_clipping.py renders every page at it,
# in every language, and finds no text cut.
DEFAULT_SIZE_LINES: Final = (52, 44)
MINIMUM_SIZE_LINES: Final = (40, 32)

# How long closing the window waits for a running state task (a detection, a
# save) before abandoning it; the journey's writes are atomic either way.
CLOSE_WAIT_S: Final = 2.0

# --- the window ---------------------------------------------------------------------


class MainWindow(QMainWindow):
    """The wizard.

    Args:
        config: IT's configuration (branding, waves, privacy notice).
        lang: the window's language (``en`` or ``fr``): plan texts and dates.
        migration_factory: builds the migration on the state worker; default
            :func:`helper.migration.live_migration`.
        demo: the scenario name in demo mode (title and banner say "Demo").
        reporting: the reporting service, optional: anything with ``status()``
            returning an object with ``queued`` and ``state`` (the done page
            shows what is waiting to be sent).
        reporting_factory: builds the reporting service after the first paint
            (given the window as its parent), when ``reporting`` is not given:
            the live window's controller and its menu action wait until then.
        autostart: start the journey right after the first paint.
        config_path: the ``--config`` file (the helpdesk panel shows where each
            setting came from).

    Signals:
        first_painted: the first page was painted for the first time.
        page_changed: (str) the page now shown (``welcome``, ``check``...).
    """

    first_painted = Signal()
    page_changed = Signal(str)

    # Filled after the first paint by ui.menus.fill_menus.
    helpdesk_action: QAction
    guide_action: QAction
    sign_in_action: QAction

    def __init__(
        self,
        config: Config,
        *,
        lang: str = "en",
        migration_factory: MigrationFactory | None = None,
        demo: str | None = None,
        reporting: object | None = None,
        reporting_factory: Callable[[QObject], object] | None = None,
        autostart: bool = True,
        config_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.lang = lang
        self.demo = demo
        self.reporting = reporting
        self._reporting_factory = reporting_factory
        self.brand = theme.branding(config)
        self.pages_shown: list[str] = []
        self.pending_dialog: QWidget | None = None
        self._autostart = autostart
        self._painted = False
        self._entered = False  # the user left the welcome page
        self._leaving_check = False  # the user pressed the check page's button
        self._reminder_synced: tuple[str, object] | None = None
        self._scheduler: Any = None  # ui.reminders.ReminderScheduler
        self._attention: Any = None  # ui.reminder_prompt.AttentionGate
        self._held_until: Any = None  # a due reminder held back (a call...)
        self.reminder_prompt: QDialog | None = None
        self._vendor_names: dict[str, str] = {}
        self._helpdesk: QDialog | None = None
        self.config_path = config_path

        factory = migration_factory or _live_factory(config)
        self.controller = JourneyController(factory, self)
        self.controller.view_changed.connect(self._on_view_changed)
        self.controller.busy_changed.connect(self._on_busy_changed)
        self.controller.start_failed.connect(self._on_start_failed)

        title = APP_NAME
        if demo:
            title = words.arg(translate("MainWindow", "%1 — Demo"), APP_NAME)
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = self._build_header(central)
        layout.addWidget(self.header)
        inner = QVBoxLayout()
        margin = self.fontMetrics().height()
        inner.setContentsMargins(margin, margin // 2, margin, margin // 2)
        if demo:
            inner.addWidget(self._build_demo_banner(central, demo))
        elif config.reporting.enabled and config.reporting.dev_unsigned_tokens:
            from ui.notices import dev_banner

            self.dev_banner = dev_banner(self, central)
            inner.addWidget(self.dev_banner)
        self.strip = StageProgress(central)
        inner.addWidget(self.strip)
        self.notice = QFrame(central)
        notice_layout = theme.notice_layout(self.notice)
        self.notice_label = wrapped_label("", self.notice)
        self.notice_label.setAccessibleName(translate("MainWindow", "Notice"))
        notice_layout.addWidget(self.notice_label)
        self.notice.hide()
        inner.addWidget(self.notice)
        # "Next reminder: …", whenever one is set (ui.reminder_prompt).
        self.reminder_line = wrapped_label("", central)
        self.reminder_line.setAccessibleName(translate("MainWindow", "Next reminder"))
        self.reminder_line.hide()
        inner.addWidget(self.reminder_line)
        self.stack = QStackedWidget(central)
        inner.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        self.busy_label = QLabel(translate("MainWindow", "Working…"), central)
        self.busy_bar = QProgressBar(central)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(self.fontMetrics().height() // 2 + 2)
        self.busy_bar.setAccessibleName(translate("MainWindow", "Working"))
        self.busy_label.hide()
        self.busy_bar.hide()
        footer.addWidget(self.busy_label)
        footer.addWidget(self.busy_bar, 1)
        inner.addLayout(footer)
        layout.addLayout(inner, 1)
        self.setCentralWidget(central)

        self.pages: dict[str, Page] = {}
        welcome = WelcomePage(self)
        welcome.painted.connect(self._on_first_paint)
        self._add_page(welcome)
        self._build_menu_bar()
        self.show_page("welcome")
        line = self.fontMetrics().height()
        self.setMinimumSize(line * MINIMUM_SIZE_LINES[0], line * MINIMUM_SIZE_LINES[1])
        self.resize(line * DEFAULT_SIZE_LINES[0], line * DEFAULT_SIZE_LINES[1])

    # --- building --------------------------------------------------------------------

    def _build_header(self, parent: QWidget) -> QWidget:
        header = QWidget(parent)
        # High contrast is asked after the first paint (see _on_first_paint).
        theme.paint_header(header, self.brand, contrast_known=False)
        row = QHBoxLayout(header)
        margin = self.fontMetrics().height()
        row.setContentsMargins(margin, margin // 2, margin, margin // 2)
        logo = theme.logo_pixmap(self.brand, self.fontMetrics().height() * 3)
        if logo is not None:
            image = QLabel(header)
            image.setPixmap(logo)
            image.setAccessibleName(
                words.arg(translate("MainWindow", "%1 logo"), self.brand.name)
            )
            row.addWidget(image)
        names = QVBoxLayout()
        org = QLabel(self.brand.name or APP_NAME, header)
        make_plain(org, org.text())
        org.setFont(theme.scaled_font(self.font(), theme.TITLE_SCALE, bold=True))
        names.addWidget(org)
        if self.brand.name:
            names.addWidget(QLabel(APP_NAME, header))
        row.addLayout(names, 1)
        self.header_title = org
        return header

    def _build_demo_banner(self, parent: QWidget, demo: str) -> QWidget:
        banner = QFrame(parent)
        theme.style_demo_banner(banner)
        row = QHBoxLayout(banner)
        text = words.arg(
            translate(
                "MainWindow",
                "Demo: a simulated device (scenario %1). Nothing on this computer "
                "is changed and nothing is sent to IT.",
            ),
            demo,
        )
        label = wrapped_label(text, banner)
        label.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        label.setAccessibleName(translate("MainWindow", "Demo mode"))
        row.addWidget(label)
        self.demo_banner = banner
        return banner

    def _build_menu_bar(self) -> None:
        """The menu bar and its menus, empty: their actions come after the first
        paint (:func:`ui.menus.fill_menus`), and the bar's height is known already, so
        nothing moves then."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))

    def _add_page(self, page: Page) -> None:
        self.pages[page.name] = page
        self.stack.addWidget(page)

    def page(self, name: str) -> Page:
        """The page ``name``, built on first use."""
        found = self.pages.get(name)
        if found is not None:
            return found
        import importlib

        module, cls = PAGES[name]  # KeyError: no such page
        page_class = getattr(importlib.import_module(module), cls)
        page: Page = page_class(self)
        self._add_page(page)
        page.set_busy(self.controller.busy)
        return page

    # --- navigation ------------------------------------------------------------------

    def current_page_name(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, Page) else ""

    def current_page(self) -> Page:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Page)
        return widget

    def show_page(self, name: str) -> None:
        """Show a page (rendering the current view on it) and focus its button."""
        page = self.page(name)
        view = self.controller.view
        if view is not None:
            page.show_view(view)
        changed = self.stack.currentWidget() is not page
        self.stack.setCurrentWidget(page)
        self._update_strip()
        page.focus_primary()
        if changed or not self.pages_shown:
            self.pages_shown.append(name)
            log.debug("page %s", name)
            self.page_changed.emit(name)

    def enter(self) -> None:
        """Leave the welcome page for the check page (its primary button)."""
        self._entered = True
        self.controller.start()
        self.show_page("check")

    def proceed_from_check(self) -> None:
        """The check page's primary button: begin, or go where the view is."""
        view = self.controller.view
        if view is None:
            return
        if "begin" in view.actions or (view.begun and view.stage == "prepare"):
            self._leaving_check = True
            self.controller.begin()
            return
        self.show_page(page_for(view))

    def request_help(self) -> None:
        """ "Contact IT" on a page: the journey goes to contact-it (the page
        follows even from the check page)."""
        self._leaving_check = True
        self.controller.act("contact-it")

    def strip_pages(self) -> list[str]:
        """The pages of the progress strip for the current plan. Contact IT
        shows right after the last page the user reached (what follows is
        still to come, not done)."""
        pages = strip_pages(self.controller.view, self.current_page_name())
        if pages[-1] == "contact-it":
            reached = [p for p in self.pages_shown if p in pages[:-1]]
            after = pages.index(reached[-1]) + 1 if reached else len(pages) - 1
            pages.insert(after, pages.pop())
        return pages

    def page_title(self, name: str) -> str:
        """A page's short name in the progress strip."""
        return page_title(name, self.vendor_name() if name == "leave" else "")

    def vendor_name(self) -> str:
        """The legacy management's display name (detection, then catalogue)."""
        view = self.controller.view
        if view is None or view.vendor is None:
            return translate("MainWindow", "the old management")
        if view.detection is not None:
            for legacy in view.detection.legacy:
                if legacy.vendor == view.vendor:
                    # Remembered: once it has left, detection no longer names it.
                    self._vendor_names[view.vendor] = legacy.name
        if view.vendor in self._vendor_names:
            return self._vendor_names[view.vendor]
        migration = self.controller.migration
        vendor = (
            migration.catalogue.get(view.vendor)
            if migration and migration.catalogue
            else None
        )
        return vendor.name if vendor is not None else view.vendor

    def _update_strip(self) -> None:
        pages = self.strip_pages()
        titles = [self.page_title(name) for name in pages]
        self.strip.set_stages(pages, titles, self.current_page_name())

    # --- journey views ---------------------------------------------------------------

    @Slot(object)
    def _on_view_changed(self, view: JourneyView) -> None:
        self.vendor_name()  # remember the vendor's name while detection shows it
        self._show_notice(view)
        self._sync_reminders(view)
        target = page_for(view)
        current = self.current_page_name()
        if not self._entered:
            self.pages["welcome"].show_view(view)
            return
        if current == "check" and target != "check" and not self._leaving_check:
            # The check page shows the result first; the user moves on.
            self.show_page("check")
            return
        self._leaving_check = False
        self.show_page(target)

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        for page in self.pages.values():
            page.set_busy(busy)
        if not busy:
            self.current_page().focus_primary()

    @Slot(str)
    def _on_start_failed(self, message: str) -> None:
        if "check" in self.pages:
            self.pages["check"].render_failure(message)  # type: ignore[attr-defined]

    def _show_notice(self, view: JourneyView) -> None:
        texts = [words.state_warning(w) for w in view.warnings]
        if view.notice:
            texts.append(words.notice(view.notice))
        texts = [t for t in texts if t]
        self.notice_label.setText("\n".join(texts))
        self.notice.setVisible(bool(texts))

    def _sync_reminders(self, view: JourneyView) -> None:
        """Login reminders follow the journey (never in demo mode: the demo must
        not touch this computer)."""
        when = None if view.stage == "done" else view.next_reminder
        if when is not None and self._held_until is not None:
            when = max(when, self._held_until)
        self._show_next_reminder(when)
        key = (view.stage, view.next_reminder)
        if self.demo or key == self._reminder_synced:
            return
        self._reminder_synced = key
        from ui import reminders

        if self._scheduler is None:
            self._scheduler = reminders.ReminderScheduler(parent=self)
            self._scheduler.due.connect(self._on_reminder_due)
        self._scheduler.schedule(None if view.stage == "done" else view.next_reminder)
        if view.stage == "done" or view.next_reminder is not None:
            from ui import tasks

            stage, when = view.stage, view.next_reminder
            tasks.run_in_background(
                lambda: reminders.sync_with_journey(stage, when),
                serial=False,
                on_failure=lambda e: log.warning("reminder not updated: %s", e),
            )

    def _show_next_reminder(self, when: object) -> None:
        from ui.reminder_prompt import next_reminder_text

        text = next_reminder_text(when, self.lang)  # type: ignore[arg-type]
        self.reminder_line.setText(text)
        self.reminder_line.setVisible(bool(text))

    def show_after_login(self) -> None:
        """Started by the login reminder (``gui --reminder``): the window shows
        when the OS says it is a good moment, as a due reminder does (a call, a
        presentation, Do Not Disturb hold it back a while; never for ever)."""
        from PySide6.QtCore import QTimer

        from ui.reminder_prompt import AttentionGate

        gate = AttentionGate(parent=self)
        self._login_retry = QTimer(self)
        self._login_retry.setSingleShot(True)
        self._login_retry.timeout.connect(gate.check)

        def decided(decision: Any) -> None:
            if decision.action == "postpone":
                wait = decision.retry_at - datetime.datetime.now(datetime.UTC)
                self._login_retry.start(max(0, int(wait.total_seconds() * 1000)))
                return
            quietly = decision.action == "show-quietly"
            self.setAttribute(qt().WidgetAttribute.WA_ShowWithoutActivating, quietly)
            self.show()

        gate.decided.connect(decided)
        gate.check()

    @Slot()
    def _on_reminder_due(self) -> None:
        """Ask the OS whether now is a good moment (a call, a presentation, Do
        Not Disturb hold the reminder back a while)."""
        if self._attention is None:
            from ui.reminder_prompt import AttentionGate

            self._attention = AttentionGate(parent=self)
            self._attention.decided.connect(self._on_reminder_decided)
        self._attention.check()

    @Slot(object)
    def _on_reminder_decided(self, decision: Any) -> None:
        if decision.action == "postpone":
            self._held_until = decision.retry_at
            self._scheduler.schedule(decision.retry_at)
            self._show_next_reminder(decision.retry_at)
            return
        self._held_until = None
        self.show_reminder(quietly=decision.action == "show-quietly")

    def show_reminder(self, *, quietly: bool = False) -> None:
        """The due reminder: the window forward (unless ``quietly``: then it
        appears without taking the focus) and the reminder prompt."""
        from ui.reminder_prompt import ReminderPrompt
        from ui.single_instance import bring_forward

        view = self.controller.view
        if view is None:
            return
        # Quietly: on screen, without taking the focus from what the user does.
        self.setAttribute(qt().WidgetAttribute.WA_ShowWithoutActivating, quietly)
        if quietly:
            self.show()
        else:
            bring_forward(self)
        if self.reminder_prompt is not None:
            self.reminder_prompt.close()
        prompt = ReminderPrompt(
            view.deferral, self.lang, parent=self, can_defer="defer" in view.actions
        )
        prompt.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        # The view may be hours old (the deadline may have passed since).
        self.controller.view_changed.connect(prompt.set_view)
        if quietly:
            prompt.setAttribute(qt().WidgetAttribute.WA_ShowWithoutActivating)
        prompt.defer_requested.connect(lambda: self.controller.act("defer"))
        prompt.continue_requested.connect(lambda: bring_forward(self))
        prompt.finished.connect(self._on_reminder_prompt_finished)
        self.reminder_prompt = prompt
        prompt.open()
        self.controller.refresh()

    @Slot(int)
    def _on_reminder_prompt_finished(self, result: int) -> None:
        del result
        self.reminder_prompt = None

    # --- page requests ---------------------------------------------------------------

    def confirm_and_launch(self, step: Step) -> None:
        """An ``open`` step launches at once; a ``run`` step first shows its
        exact command and waits for the user's Run."""
        if step.kind != "run":
            self.controller.launch(step)
            return
        from helper.journey.launch import display_command
        from ui.pages.common import step_text
        from ui.pages.steps import ConfirmCommandDialog

        command = display_command(step, self.controller.platform or None)
        dialog = ConfirmCommandDialog(
            step, command, step_text(step, self.controller.view, self.lang), self
        )
        dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.controller.launch(step))
        dialog.finished.connect(self._on_dialog_finished)
        self.pending_dialog = dialog
        dialog.open()

    @Slot(int)
    def _on_dialog_finished(self, result: int) -> None:
        del result
        self.pending_dialog = None

    def copy_text_for_it(self) -> str:
        """The plain-text summary "Copy for IT" puts on the clipboard."""
        return text_for_it(self.controller.view, self.demo)

    def copy_for_it(self) -> None:
        from PySide6.QtGui import QGuiApplication

        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.copy_text_for_it())

    # --- menus -----------------------------------------------------------------------

    @Slot()
    def _on_helpdesk(self) -> None:
        """Open the helpdesk panel (one at a time; it follows the journey)."""
        if self._helpdesk is not None:
            self._helpdesk.show()
            self._helpdesk.raise_()
            self._helpdesk.activateWindow()
            return
        from ui import helpdesk

        migration = self.controller.migration
        panel = helpdesk.HelpdeskPanel(
            self,
            view=self.controller.view,
            config=self.config,
            config_path=self.config_path,
            catalogue=migration.catalogue if migration is not None else None,
            playbooks=migration.playbooks if migration is not None else None,
            capture_fn=migration.capture if migration is not None else None,
        )
        panel.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        self.controller.view_changed.connect(panel.set_view)
        panel.destroyed.connect(self._on_helpdesk_closed)
        self._helpdesk = panel
        panel.show()

    @Slot()
    def _on_helpdesk_closed(self) -> None:
        self._helpdesk = None

    @Slot()
    def _on_guide(self) -> None:
        from ui import guide

        migration = self.controller.migration
        view = self.controller.view
        dialog = guide.GuideDialog(
            self,
            config=self.config,
            catalogue=migration.catalogue if migration is not None else None,
            playbooks=migration.playbooks if migration is not None else None,
            support_code=view.support_code if view is not None else None,
            language=self.lang,
        )
        dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def _on_about(self) -> None:
        from ui.menus import show_about

        show_about(self)

    # --- events ----------------------------------------------------------------------

    @Slot()
    def _on_first_paint(self) -> None:
        if self._painted:
            return
        self._painted = True
        self.first_painted.emit()
        first_paint_done()
        if self.reporting is None and self._reporting_factory is not None:
            self.reporting = self._reporting_factory(self)
        changed = getattr(self.reporting, "changed", None)
        if changed is not None and hasattr(changed, "connect"):
            # A flush or a sign-in ended: the done page shows the new state.
            changed.connect(self._on_reporting_changed)
        failed = getattr(self.reporting, "sign_in_failed", None)
        if failed is not None and hasattr(failed, "connect"):
            failed.connect(self._on_sign_in_failed)
        from ui.menus import fill_menus

        fill_menus(self)
        # Now that reading it costs nothing visible: in high contrast the header
        # drops the accent colour for the palette's highlight.
        theme.paint_header(self.header, self.brand)
        if self._autostart:
            self.controller.start()

    @Slot(str)
    def _on_sign_in_failed(self, code: str) -> None:
        from ui.notices import sign_in_failure

        self.sign_in_failure = sign_in_failure(self, code)

    @Slot()
    def _on_reporting_changed(self) -> None:
        done = self.pages.get("done")
        refresh = getattr(done, "refresh", None)
        if callable(refresh):
            refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The user may close at any time: the journey saved its last transition.
        # Give a running detection or save a moment to end, then abandon it.
        from ui import tasks

        if self.controller.busy and not tasks.wait_serial_idle(CLOSE_WAIT_S):
            log.info("closing while a journey task still runs; it is abandoned")
        close_reporting = getattr(self.reporting, "close", None)
        if callable(close_reporting):
            close_reporting()
        super().closeEvent(event)


def _live_factory(config: Config) -> MigrationFactory:
    """This machine's migration, without a reporter (events dropped)."""

    def build() -> Migration:
        from helper.migration import live_migration

        return live_migration(config)

    return build
