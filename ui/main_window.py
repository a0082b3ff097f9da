# SPDX-License-Identifier: MIT
"""The main window: a wizard over the journey engine.

Pages (``ui/pages/``): welcome → check → leave → join → done, and contact-it for
blocked paths. Which page shows follows the journey's view (``page_for``); the
user moves on with each page's primary button.

How the window uses the core (``helper/journey``, no Qt):

- A :class:`Backend` holds the journey and what goes with it (launcher, check
  runner, catalogue, playbooks). It is built on the state worker after the
  first paint (catalogue and playbooks load there), by a factory: the live one
  (:func:`live_backend`, this machine) or a demo one (:mod:`ui.demo`, a
  simulated device). Tests inject fakes at the launcher's boundaries.
- :class:`JourneyController` is the only caller of ``Journey.start``/``act``,
  always through ``run_in_background(..., serial=True)``; each call returns a
  new ``JourneyView`` delivered on the GUI thread (``view_changed``). Launching
  a step and running a pre-enrollment check use the I/O pool.
- The window never decides whether a step worked: the engine detects again.

Only the welcome page is built before the first paint; the others are built
when first shown, and the helper modules behind them load on the state worker.
"""

from __future__ import annotations

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

from helper import APP_NAME, __version__
from ui import theme, words
from ui.pages.common import Page, first_paint_done, make_plain, qt, wrapped_label
from ui.pages.welcome import WelcomePage

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog

    from helper.capture.model import Capture
    from helper.catalogue import Catalogue
    from helper.config.model import Config
    from helper.journey.checks import CheckResult
    from helper.journey.engine import Action, Journey, JourneyView
    from helper.journey.events import Reporter
    from helper.journey.launch import Launcher, LaunchResult
    from helper.journey.plan import Step
    from helper.journey.playbooks import PlaybookSet

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

# How long closing the window waits for a running state task (a detection, a
# save) before abandoning it; the journey's writes are atomic either way.
CLOSE_WAIT_S: Final = 2.0

CheckRunner = Callable[[str], "CheckResult"]


# --- the backend --------------------------------------------------------------------


class Backend:
    """The journey and its tools, built off the GUI thread.

    Attributes:
        journey: the engine (call only from the state worker).
        config: IT's configuration.
        launcher: opens ``open`` steps and runs ``run`` steps (I/O pool).
        check: runs a pre-enrollment check by name (``network``, ``rights``).
        catalogue, playbooks: for the guide dialog and the helpdesk panel.
        reporter: the journey's reporter (a ``RecordingReporter`` in demo mode).
        demo: the scenario name in demo mode, else None.
        capture: captures the device's evidence (the helpdesk panel's export);
            None for this machine's live probe.
    """

    def __init__(
        self,
        journey: Journey,
        *,
        config: Config,
        launcher: Launcher,
        check: CheckRunner,
        catalogue: Catalogue | None = None,
        playbooks: PlaybookSet | None = None,
        reporter: Reporter | None = None,
        demo: str | None = None,
        capture: Callable[[], Capture] | None = None,
    ) -> None:
        self.journey = journey
        self.config = config
        self.launcher = launcher
        self.check = check
        self.catalogue = catalogue
        self.playbooks = playbooks
        self.reporter = reporter
        self.demo = demo
        self.capture = capture

    @property
    def platform(self) -> str:
        """The OS the steps are for (the scenario's in demo mode)."""
        return self.launcher.platform


BackendFactory = Callable[[], Backend]


def live_backend(config: Config, reporter: Reporter | None = None) -> Backend:
    """The journey on this machine (state in ``journey.json``).

    Runs on the state worker: it loads the catalogue and the playbooks.

    Args:
        config: IT's configuration.
        reporter: the journey's reporter (the reporting service's); None drops
            the events.

    Raises:
        HelperError: IT's catalogue or playbooks are invalid.
    """
    from pathlib import Path

    from helper.catalogue import load_catalogue
    from helper.journey.checks import run_check
    from helper.journey.device import LiveDevice
    from helper.journey.engine import Journey, planner_for
    from helper.journey.events import NullReporter
    from helper.journey.launch import Launcher
    from helper.journey.playbooks import load_playbooks
    from helper.journey.state import StateStore

    extra = config.catalogue.extra_dir
    extra_dir = Path(extra) if extra else None
    catalogue = load_catalogue(extra_dir)
    playbooks = load_playbooks(extra_dir)
    events = reporter if reporter is not None else NullReporter()
    journey = Journey(
        LiveDevice(catalogue),
        catalogue=catalogue,
        config=config,
        planner=planner_for(config, catalogue, playbooks),
        store=StateStore(),
        reporter=events,
    )

    def check(name: str) -> CheckResult:
        return run_check(name, config)

    return Backend(
        journey,
        config=config,
        launcher=Launcher(playbooks.allowlist),
        check=check,
        catalogue=catalogue,
        playbooks=playbooks,
        reporter=events,
    )


# --- the controller -----------------------------------------------------------------


def page_for(view: JourneyView) -> str:
    """The page that shows a view."""
    if view.stage == "done":
        return "done"
    if view.stage == "contact-it":
        return "contact-it"
    if not view.begun or view.stage == "prepare":
        return "check"
    if view.stage in ("leave", "confirm-left"):
        return "leave"
    return "join"


class JourneyController(QObject):
    """Drives the journey from the GUI: every engine call on the state worker.

    Args:
        factory: builds the backend (on the state worker).
        parent: the window.

    Signals:
        view_changed: (JourneyView) a new snapshot arrived.
        busy_changed: (bool) a state task started or ended.
        start_failed: (str) the backend could not be built (one line).
        launch_finished: (str, LaunchResult) a step's launch ended.
        check_started: (str) a step's pre-enrollment check started.
        check_finished: (str, CheckResult) a step's check ended.
    """

    view_changed = Signal(object)
    busy_changed = Signal(bool)
    start_failed = Signal(str)
    launch_finished = Signal(str, object)
    check_started = Signal(str)
    check_finished = Signal(str, object)

    def __init__(self, factory: BackendFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.backend: Backend | None = None
        self.view: JourneyView | None = None
        self.error: str | None = None
        self._busy = 0
        self._started = False
        # A step the user launched again while a confirmation failed: "I've
        # done it" then redoes it (the device learns of it) instead of only
        # detecting again.
        self._relaunched: str | None = None

    @property
    def busy(self) -> bool:
        """A state task is running or waiting."""
        return self._busy > 0

    @property
    def started(self) -> bool:
        return self._started

    @property
    def platform(self) -> str:
        return self.backend.platform if self.backend is not None else ""

    # --- state tasks -----------------------------------------------------------------

    def start(self) -> None:
        """Build the backend and start (or resume) the journey; once."""
        if self._started:
            return
        self._started = True
        factory = self._factory

        def work() -> tuple[Backend, JourneyView]:
            backend = factory()
            return backend, backend.journey.start()

        self._serial(
            work, on_success=self._on_started, on_failure=self._on_start_failed
        )

    def act(self, action: Action, step: str | None = None) -> None:
        """One engine action (``check-again``, ``defer``, ``contact-it``...)."""
        journey = self._journey()
        if journey is None:
            return
        if action == "check-again":
            self._relaunched = None
        self._serial(lambda: journey.act(action, step))

    def begin(self) -> None:
        """Press "begin" (if not yet), then go through the prepare stage's
        reading steps: they are shown on the check page before the user begins."""
        journey = self._journey()
        if journey is None:
            return

        def work() -> JourneyView:
            view = journey.view()
            if "begin" in view.actions:
                view = journey.act("begin")
            return _steps_done(journey, view, "prepare")

        self._serial(work)

    def finish_stage(self) -> None:
        """ "I've done it — check again": the steps left are done (the engine then
        verifies), or, in a confirm stage, detect again."""
        journey = self._journey()
        view = self.view
        if journey is None or view is None:
            return
        if view.retry:
            relaunched, self._relaunched = self._relaunched, None
            if relaunched is not None and relaunched in view.redo_steps:
                self._serial(lambda: journey.act("step-done", relaunched))
            else:
                self._serial(lambda: journey.act("check-again"))
            return
        stage = view.stage
        self._serial(lambda: _steps_done(journey, journey.view(), stage))

    def contacted(self) -> None:
        """At contact-it: the user contacted IT (its steps are done)."""
        journey = self._journey()
        if journey is None:
            return
        self._serial(lambda: _steps_done(journey, journey.view(), "contact-it"))

    # --- I/O tasks -------------------------------------------------------------------

    def launch(self, step: Step) -> None:
        """Launch an ``open`` or ``run`` step the user just confirmed (I/O pool).

        ``confirmed=True``: the user pressed the step's button (``open``) or the
        Run button of the dialog that showed the exact command (``run``).
        """
        backend = self.backend
        if backend is None:
            return
        view = self.view
        if view is not None and view.retry and step.id in view.redo_steps:
            self._relaunched = step.id
        launcher = backend.launcher

        def work() -> LaunchResult:
            return launcher.launch(step, confirmed=True)

        def done(result: LaunchResult) -> None:
            self.launch_finished.emit(step.id, result)

        from ui import tasks

        tasks.run_in_background(work, on_success=done, serial=False, context=self)

    def run_check(self, step: Step) -> None:
        """Run a step's pre-enrollment check (I/O pool); when it passes, the
        step is done (state worker)."""
        backend = self.backend
        if backend is None or step.check is None:
            return
        check, name = backend.check, step.check
        self.check_started.emit(step.id)

        def work() -> CheckResult:
            return check(name)

        def done(result: CheckResult) -> None:
            self.check_finished.emit(step.id, result)
            journey = self._journey()
            if result.ok and journey is not None:
                self._serial(lambda: _step_done_if_open(journey, step.id))

        from ui import tasks

        tasks.run_in_background(work, on_success=done, serial=False, context=self)

    # --- plumbing --------------------------------------------------------------------

    def _journey(self) -> Journey | None:
        return self.backend.journey if self.backend is not None else None

    def _serial(
        self,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)

        def success(result: Any) -> None:
            self._idle()
            (on_success or self._on_view)(result)

        def failure(error: BaseException) -> None:
            self._idle()
            if on_failure is not None:
                on_failure(error)
            else:
                tasks.report_error(error)

        from ui import tasks

        tasks.run_in_background(
            fn, on_success=success, on_failure=failure, serial=True, context=self
        )

    def _idle(self) -> None:
        self._busy -= 1
        if self._busy == 0:
            self.busy_changed.emit(False)

    def _on_view(self, view: JourneyView) -> None:
        self.view = view
        self.view_changed.emit(view)

    def _on_started(self, result: tuple[Backend, JourneyView]) -> None:
        self.backend, view = result
        self._on_view(view)

    def _on_start_failed(self, error: BaseException) -> None:
        from helper.errors import HelperError

        message = error.message if isinstance(error, HelperError) else str(error)
        log.error("the journey could not start: %s", message, exc_info=error)
        self.error = message
        self.start_failed.emit(message)


def _steps_done(journey: Journey, view: JourneyView, stage: str) -> JourneyView:
    """Mark the user steps left in ``stage`` done, in plan order (state worker).

    Stops as soon as the journey leaves the stage (its last step completes it
    and the engine moves on, verifying if needed).
    """
    while view.stage == stage and view.redo_steps and "step-done" in view.actions:
        before = list(view.redo_steps)
        view = journey.act("step-done", before[0])
        if view.stage == stage and view.redo_steps == before:
            break  # refused (a notice says why): do not loop
    return view


def _step_done_if_open(journey: Journey, step_id: str) -> JourneyView:
    """``step-done`` unless the step was done meanwhile (state worker)."""
    view = journey.view()
    if step_id in view.redo_steps and "step-done" in view.actions:
        return journey.act("step-done", step_id)
    return view


# --- the window ---------------------------------------------------------------------


class MainWindow(QMainWindow):
    """The wizard.

    Args:
        config: IT's configuration (branding, waves, privacy notice).
        lang: the window's language (``en`` or ``fr``): plan texts and dates.
        backend_factory: builds the backend on the state worker; default
            :func:`live_backend`.
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

    def __init__(
        self,
        config: Config,
        *,
        lang: str = "en",
        backend_factory: BackendFactory | None = None,
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
        self._vendor_names: dict[str, str] = {}
        self._helpdesk: QDialog | None = None
        self.config_path = config_path

        factory = backend_factory or (lambda: live_backend(config))
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
            inner.addWidget(self._build_dev_banner(central))
        self.strip = QLabel(central)
        make_plain(self.strip)
        self.strip.setWordWrap(True)
        self.strip.setAccessibleName(translate("MainWindow", "Progress"))
        inner.addWidget(self.strip)
        self.notice = QFrame(central)
        notice_layout = theme.notice_layout(self.notice)
        self.notice_label = wrapped_label("", self.notice)
        self.notice_label.setAccessibleName(translate("MainWindow", "Notice"))
        notice_layout.addWidget(self.notice_label)
        self.notice.hide()
        inner.addWidget(self.notice)
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
        self.resize(line * 52, line * 44)

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

    def _build_dev_banner(self, parent: QWidget) -> QWidget:
        """reporting.dev_unsigned_tokens: as visible as the collector's own
        dev-mode banner, so a trial configuration never goes unnoticed."""
        banner = QFrame(parent)
        theme.style_demo_banner(banner)
        row = QHBoxLayout(banner)
        text = words.arg(
            translate(
                "MainWindow",
                "Development mode: status updates go to a test collector on "
                "this computer (%1) with unsigned tokens. Never use this "
                "configuration on employees' devices.",
            ),
            self.config.reporting.collector_url,
        )
        label = wrapped_label(text, banner)
        label.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        label.setAccessibleName(translate("MainWindow", "Development mode"))
        row.addWidget(label)
        self.dev_banner = banner
        return banner

    def _build_menu_bar(self) -> None:
        """The menu bar and its menus, empty: their actions come after the first
        paint (:meth:`_fill_menus`), and the bar's height is known already, so
        nothing moves then."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))

    def _fill_menus(self) -> None:
        # Imported here: their types cost 1 ms to set up, after the first paint.
        from PySide6.QtGui import QAction, QKeySequence

        file_menu = self.file_menu
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        sign_in = getattr(self.reporting, "sign_in", None)
        if callable(sign_in):
            # Reports wait for a signed-in work account when the collector asks.
            self.sign_in_action = QAction(
                translate("MainWindow", "&Sign in to send status updates"), self
            )
            self.sign_in_action.triggered.connect(sign_in)
            file_menu.addAction(self.sign_in_action)
            file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.help_menu
        self.helpdesk_action = QAction(
            translate("MainWindow", "&Helpdesk panel…"), self
        )
        self.helpdesk_action.setShortcuts([QKeySequence("Ctrl+Shift+H")])
        self.helpdesk_action.triggered.connect(self._on_helpdesk)
        help_menu.addAction(self.helpdesk_action)
        self.guide_action = QAction(
            translate("MainWindow", "&Guide another device…"), self
        )
        self.guide_action.triggered.connect(self._on_guide)
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        about = QAction(words.arg(translate("MainWindow", "&About %1"), APP_NAME), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)
        # Shortcuts work even when the menu bar is hidden (macOS global menu).
        self.addAction(self.helpdesk_action)

    def _add_page(self, page: Page) -> None:
        self.pages[page.name] = page
        self.stack.addWidget(page)

    def page(self, name: str) -> Page:
        """The page ``name``, built on first use."""
        found = self.pages.get(name)
        if found is not None:
            return found
        page: Page
        if name == "check":
            from ui.pages.check import CheckPage

            page = CheckPage(self)
        elif name == "leave":
            from ui.pages.leave import LeavePage

            page = LeavePage(self)
        elif name == "join":
            from ui.pages.join import JoinPage

            page = JoinPage(self)
        elif name == "done":
            from ui.pages.done import DonePage

            page = DonePage(self)
        elif name == "contact-it":
            from ui.pages.contact_it import ContactItPage

            page = ContactItPage(self)
        else:
            raise KeyError(name)
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
        """The pages of the progress strip for the current plan."""
        view = self.controller.view
        pages = ["welcome", "check"]
        if view is None:
            return pages
        walk = {
            "leave-then-join": ["leave", "join", "done"],
            "remove-legacy": ["leave", "done"],
            "join-only": ["join", "done"],
            "done": ["done"],
            "contact-it": ["contact-it"],
        }.get(view.path, [])
        pages += walk
        if self.current_page_name() == "contact-it" and "contact-it" not in pages:
            pages.append("contact-it")
        return pages

    def page_title(self, name: str) -> str:
        """A page's short name in the progress strip."""
        if name == "leave":
            return words.arg(translate("MainWindow", "Leave %1"), self.vendor_name())
        return {
            "welcome": translate("MainWindow", "Welcome"),
            "check": translate("MainWindow", "Check this device"),
            "join": translate("MainWindow", "Join Intune"),
            "done": translate("MainWindow", "Done"),
            "contact-it": translate("MainWindow", "Contact IT"),
        }.get(name, name)

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
        backend = self.controller.backend
        vendor = (
            backend.catalogue.get(view.vendor)
            if backend and backend.catalogue
            else None
        )
        return vendor.name if vendor is not None else view.vendor

    def _update_strip(self) -> None:
        pages = self.strip_pages()
        current = self.current_page_name()
        names = []
        for name in pages:
            title = self.page_title(name)
            names.append(f"[{title}]" if name == current else title)
        self.strip.setText("  \u203a  ".join(names))
        if current in pages:
            self.strip.setAccessibleDescription(
                words.arg(
                    translate("MainWindow", "Step %1 of %2: %3"),
                    pages.index(current) + 1,
                    len(pages),
                    self.page_title(current),
                )
            )

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

    @Slot()
    def _on_reminder_due(self) -> None:
        from ui.single_instance import bring_forward

        bring_forward(self)

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
        """The plain-text summary "Copy for IT" puts on the clipboard: codes only
        (no name, e-mail, host name or secret)."""
        view = self.controller.view
        lines = [
            words.arg(
                translate("MainWindow", "%1 %2: request for help"),
                APP_NAME,
                __version__,
            )
        ]
        if view is None:
            lines.append(
                translate("MainWindow", "The device has not been checked yet.")
            )
            return "\n".join(lines) + "\n"
        rows = [
            (translate("MainWindow", "Support code"), view.support_code),
            (translate("MainWindow", "Platform"), view.platform),
            (translate("MainWindow", "Legacy vendor"), view.vendor or "-"),
            (translate("MainWindow", "Verdict"), view.verdict or "-"),
            (translate("MainWindow", "Path"), view.path),
            (translate("MainWindow", "Stage"), view.stage),
            (translate("MainWindow", "Code"), view.code or "-"),
            (
                translate("MainWindow", "Failed checks"),
                words.arg("%1/%2", view.attempts, view.max_attempts),
            ),
        ]
        if view.detection is not None and view.detection.warnings:
            codes = ", ".join(w.code for w in view.detection.warnings)
            rows.append((translate("MainWindow", "Warnings"), codes))
        if self.demo:
            rows.append((translate("MainWindow", "Demo scenario"), self.demo))
        rows.append((translate("MainWindow", "Updated"), view.updated_at.isoformat()))
        lines += [words.arg("%1: %2", label, value) for label, value in rows]
        return "\n".join(lines) + "\n"

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

        backend = self.controller.backend
        panel = helpdesk.HelpdeskPanel(
            self,
            view=self.controller.view,
            config=self.config,
            config_path=self.config_path,
            catalogue=backend.catalogue if backend is not None else None,
            playbooks=backend.playbooks if backend is not None else None,
            capture_fn=backend.capture if backend is not None else None,
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

        backend = self.controller.backend
        view = self.controller.view
        dialog = guide.GuideDialog(
            self,
            config=self.config,
            catalogue=backend.catalogue if backend is not None else None,
            playbooks=backend.playbooks if backend is not None else None,
            support_code=view.support_code if view is not None else None,
            language=self.lang,
        )
        dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(words.arg(translate("MainWindow", "About %1"), APP_NAME))
        box.setText(
            words.arg(
                translate(
                    "MainWindow",
                    "%1 %2\nHelps you move this device to Microsoft Intune.",
                ),
                APP_NAME,
                __version__,
            )
        )
        box.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
        self._fill_menus()
        # Now that reading it costs nothing visible: in high contrast the header
        # drops the accent colour for the palette's highlight.
        theme.paint_header(self.header, self.brand)
        if self._autostart:
            self.controller.start()

    @Slot(str)
    def _on_sign_in_failed(self, code: str) -> None:
        """A sign-in the user asked for failed: say what happened and what to
        try (it used to fail silently, only the log said ``sign-in-network``)."""
        from PySide6.QtWidgets import QMessageBox

        what, advice = words.sign_in_problem(code)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("MainWindow", "Sign-in failed"))
        box.setText(what)
        box.setInformativeText(advice)
        retry = box.addButton(
            translate("MainWindow", "&Try again"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        box.setAccessibleName(translate("MainWindow", "Sign-in failed"))
        sign_in = getattr(self.reporting, "sign_in", None)

        def on_clicked(button: object) -> None:
            if button is retry and callable(sign_in):
                sign_in()

        box.buttonClicked.connect(on_clicked)
        self.sign_in_failure = box
        box.open()

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
