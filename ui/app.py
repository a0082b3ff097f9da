# SPDX-License-Identifier: MIT
"""Start the window (``intune-migration-helper [gui]``).

Bootstrap order (STYLE §3.8): options and configuration, before Qt is
imported (``ui.startup``, called by ui.entry) → :class:`HelperApplication` →
application name, organization, version and desktop file name → one instance
per user (``ui.single_instance``) → configuration errors shown → translators
(``ui.i18n``) → main window (its look from the palette: ``ui.theme``, no
application stylesheet) → first paint → the crash dialog hook (``ui.errors``)
→ the journey starts on the state worker.

Some things wait for the first paint, to keep the start-up short
(tests/bench_gui.py measures it against a bare Qt window): the crash dialog
hook (until then an exception propagates out of :func:`run` to the command
line, which logs it), the window icon, the menus' actions and the reporting
controller, the single-instance claim when no helper of this user can be
running (:func:`instance_may_be_running`), and garbage collection
(:func:`resume_garbage_collection`; ui.entry turns it off before importing Qt).

Nothing heavy loads before the first paint: no msgspec, msal, httpx or keyring
(they load on first use, off the GUI thread), no detection, no playbooks. With
``HELPER_FIRST_PAINT_EXIT=1`` the process prints ``first-paint`` on stdout and
quits as soon as the first page is painted (the start-up benchmark).

Options of ``gui``::

    gui [--demo SCENARIO] [--screenshots DIR] [--lang en|fr|de|es|it|nl] [--reminder]

``--demo`` runs the journey on a simulated device; ``--screenshots`` walks demo
journeys offscreen, saves one PNG per page in DIR and exits 0.

ui.entry imports this module only once it starts the window, so importing Qt
here costs the command line nothing.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from helper import APP_ID, APP_NAME, BUNDLE_ID, __version__

if TYPE_CHECKING:
    from helper.config.model import Config
    from ui.main_window import MainWindow
    from ui.reporting import ReportingController
    from ui.startup import Startup

log = logging.getLogger(__name__)

FIRST_PAINT_ENV: Final = "HELPER_FIRST_PAINT_EXIT"
FIRST_PAINT_MARKER: Final = "first-paint"
EXIT_OK: Final = 0
EXIT_USAGE: Final = 2  # as the command line: a name or path that is not valid
EXIT_CONFIG: Final = 3  # as the command line: an error in what IT deployed


class HelperApplication(QApplication):
    """The helper's application object (tests' ``qapp_cls``)."""

    @Slot()
    def quit_after_first_paint(self) -> None:
        """Print the start-up marker and quit (``HELPER_FIRST_PAINT_EXIT``)."""
        sys.stdout.write(f"{FIRST_PAINT_MARKER}\n")
        sys.stdout.flush()
        self.quit()


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The application, named (reuses an existing one: tests)."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else HelperApplication([sys.argv[0], *argv])
    )
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(BUNDLE_ID)
    return app


# Qt messages known to be harmless: the offscreen platform (tests, screenshots,
# the self-test) prints this on every show() (shared ci-recipes §3.2).
_HARMLESS_QT_MESSAGES: Final = frozenset(
    {"This plugin does not support propagateSizeHints()"}
)


def install_qt_message_handler() -> None:
    """Send Qt's own warnings to the ``qt`` logger (the log file), not stderr."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        del context
        if message not in _HARMLESS_QT_MESSAGES:
            qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _fail(message: str) -> None:
    """Why the window cannot open: on stderr, and in a dialog when there is a
    screen to show it on."""
    sys.stderr.write(f"{APP_ID}: {message}\n")
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, APP_NAME, message)


def build_window(
    config: Config,
    lang: str,
    demo: str | None,
    *,
    autostart: bool = True,
    config_path: Path | None = None,
) -> MainWindow:
    """The main window, on this machine or on a simulated device."""
    from ui.main_window import MainWindow

    if not demo:
        from helper.migration import live_migration

        # The reporting controller (and its sign-in menu action) is built after
        # the first paint, before the journey starts on the state worker.
        built: list[ReportingController] = []

        def reporting(parent: QObject) -> ReportingController:
            from ui.reporting import ReportingController

            built.append(ReportingController(config, parent))
            return built[0]

        return MainWindow(
            config,
            lang=lang,
            autostart=autostart,
            config_path=config_path,
            reporting_factory=reporting,
            # Runs on the state worker: the service (httpx, msal) loads there.
            migration_factory=lambda: live_migration(
                config, reporter=built[0].build_reporter(), languages=(lang,)
            ),
        )
    from helper.migration import scenario_migration
    from ui.demo import demo_config

    shown = demo_config(config, lang=lang)
    return MainWindow(
        shown,
        lang=lang,
        demo=demo,
        migration_factory=lambda: scenario_migration(demo, shown, languages=(lang,)),
        autostart=autostart,
        config_path=config_path,
    )


def instance_may_be_running() -> bool:
    """Whether a helper of this user may be running (checked without QtNetwork).

    ``ui.single_instance`` listens with QLocalServer; on POSIX that is a socket
    file ``<BUNDLE_ID>.<uid>`` in Qt's temporary folder (``$TMPDIR``, else
    ``/tmp``): no file, no running helper, and the claim can wait until after
    the first paint (QtNetwork costs 11 ms of start-up). Windows uses named
    pipes: always True there, so the claim comes before the window. A wrong
    guess is safe: the claim after the paint still finds a running helper, and
    this window then closes.
    """
    if os.name == "nt" or not hasattr(os, "getuid"):
        return True
    folder = (os.environ.get("TMPDIR") or "/tmp").rstrip("/") or "/"
    return os.path.exists(os.path.join(folder, f"{BUNDLE_ID}.{os.getuid()}"))


def set_window_icon(app: QApplication) -> None:
    """The application's icon (resources/icons), for title bars and task bars.

    After the first paint: the SVG image plugin loads when the icon is used.
    """
    from PySide6.QtGui import QIcon

    from helper.resources import resource_path

    icon = resource_path("icons", f"{BUNDLE_ID}.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def resume_garbage_collection() -> None:
    """Turn collection back on after start-up (ui.entry turned it off).

    What start-up built (Qt's wrappers, modules, the window) lives as long as
    the process: frozen, it is never scanned again, so later collections on the
    GUI thread stay short.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class _AfterFirstPaint(QObject):
    """What waits until the first page is on screen: the crash dialog hook, the
    window icon and, usually, the single-instance claim.

    Args:
        window: the main window.
        argv: this launch's arguments (sent to a running helper).
        claim: claim the single instance now (it was not claimed before).
    """

    def __init__(self, window: MainWindow, argv: Sequence[str], claim: bool) -> None:
        super().__init__(window)
        self.window = window
        self.argv = list(argv)
        self.claim = claim
        self.instance: QObject | None = None

    @Slot()
    def run(self) -> None:
        resume_garbage_collection()
        from helper.logsetup import setup_logging

        # The log file waits for the first paint (logging costs 4 ms before it);
        # the CLI configured it already when --verbose asked for the console.
        setup_logging(verbose=False)
        from ui import errors

        app = QApplication.instance()
        if isinstance(app, QApplication):
            errors.install_excepthook(app)
            set_window_icon(app)
        if not self.claim:
            return
        from ui import single_instance

        instance = single_instance.claim_single_instance(self.argv)
        if instance is None:
            # Another helper started at the same moment and answered: it shows
            # itself, this one goes.
            self.window.close()
            return
        instance.attach(self.window)
        self.instance = instance


def run(argv: Sequence[str], startup: Startup) -> int:
    """Start the window; returns the exit code.

    Args:
        argv: the command line after the program name (``gui`` and the global
            options may be in it).
        startup: the options and configuration ui.entry read before importing
            Qt (:func:`ui.startup.prepare`).
    """
    args = startup.args
    if args.screenshots is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # whatever the machine has
    benchmark = bool(os.environ.get(FIRST_PAINT_ENV))
    app = make_application()
    install_qt_message_handler()

    # One helper per user: a second launch brings the first forward.
    instance = None
    claim_later = False
    if args.screenshots is None and not args.demo:
        if not instance_may_be_running():
            claim_later = not benchmark
        elif not benchmark:
            from ui import single_instance

            instance = single_instance.claim_single_instance(list(argv))
            if instance is None:
                return EXIT_OK  # the running helper was asked to show itself

    if startup.error is not None or startup.config is None:
        _fail(startup.error.message if startup.error else "no configuration")
        return EXIT_CONFIG
    config = startup.config
    from ui import i18n

    lang = i18n.install_translators(app, args.lang, config.ui.language)
    if config.words:
        from ui import it_words

        it_words.install(app, config, lang)

    if args.demo:
        # A mistyped scenario is one clear line, not a window that fails later.
        from helper.errors import HelperError
        from helper.journey.scenarios import load_scenario

        try:
            load_scenario(args.demo)
        except HelperError as exc:
            _fail(exc.message)
            return EXIT_USAGE

    if args.screenshots is not None:
        resume_garbage_collection()  # a long walk: no first paint to wait for
        from ui import errors
        from ui.screenshots import take_screenshots

        errors.install_excepthook(app)

        for path in take_screenshots(
            args.screenshots, lang=lang, config=config, scenario=args.demo
        ):
            sys.stdout.write(f"{path}\n")
        return EXIT_OK

    window = build_window(
        config, lang, args.demo, autostart=not benchmark, config_path=args.config
    )
    if benchmark and isinstance(app, HelperApplication):
        window.first_painted.connect(app.quit_after_first_paint)
    after_paint = _AfterFirstPaint(window, argv, claim_later)
    window.first_painted.connect(after_paint.run)
    if instance is not None:
        instance.attach(window)
    if args.reminder and not args.demo and not benchmark:
        window.show_after_login()  # not during a call or a presentation
    else:
        window.show()
    code = int(app.exec())
    from ui import tasks

    tasks.shutdown(timeout=0.5)
    return code


if __name__ == "__main__":
    from ui.entry import main  # the one way to start (GC off, options before Qt)

    sys.exit(main())
