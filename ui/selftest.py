# SPDX-License-Identifier: MIT
"""``intune-migration-helper --self-test``: can this build open its window?

Run by CI on every frozen bundle and installed package, and by IT on a pilot
device: it runs the Qt-free checks of :mod:`helper.selftest` (resources,
configuration, catalogue, playbooks, detection on the simulated devices, the
lazily imported modules), then the Qt ones:

- Qt's French catalogue (``qtbase_fr``) and ours (``helper_<lang>.qm``) load
  and translate;
- in French and in English, the main window is built the way ``ui/app.py``
  builds it, shown, and its first page painted and grabbed.

It tests the platform plugin the window would really use: ``QT_QPA_PLATFORM``
when set; otherwise the native one when there is a display (xcb on an X11
desktop, wayland on a Wayland-only one, windows, cocoa), and offscreen on a
Linux machine with no display. Before Qt is asked to start on it, the plugin is
loaded on its own, so a missing system library is one line naming the library
(and its Debian package) instead of Qt's abort.
It claims no single-instance socket (it runs beside an open helper), starts no
journey and sends nothing. Exit 0 with one summary line on stdout; exit 1 with
one line on stderr naming what failed.

Wiring: the frozen entry point (``installers/pyinstaller/launcher.py``) calls
:func:`run_self_test` for ``--self-test``; ``ui/entry.py`` does the same for
the console script.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from helper import APP_ID, __version__
from helper.languages import SHIPPED
from helper.selftest import SelfTestError, SelfTestState, one_line, run_checks

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QApplication, QWidget

    from helper.config.model import Config

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
FIRST_PAINT_TIMEOUT_MS: Final = 10_000
# French first, then English and the others (the self-test summary lists them).
LANGUAGES: Final = ("fr", *(lang for lang in SHIPPED if lang != "fr"))
# The library a plugin could not load, in dlopen's error (after the plugin's own
# path): "…/libqxcb.so: /usr/lib/libxcb-icccm.so.4: file too short".
LIBRARY_ERROR: Final = re.compile(r"\.so: (?:\S*/)?(lib[\w+-]+\.so(?:\.\d+)*): (.*)$")
# A string of Qt's own catalogue (QDialogButtonBox's Cancel) and its French.
QT_PROBE: Final = ("QPlatformTheme", "Cancel", "Annuler")


def _config_path(argv: Sequence[str]) -> Path | None:
    """``--config FILE`` or ``--config=FILE`` among the arguments, if any."""
    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--config" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--config="):
            return Path(arg.split("=", 1)[1])
    return None


def check_qt_catalogues(app: QApplication) -> str:
    """Qt's French catalogue and each of ours load and are not empty."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from ui.i18n import QT_CATALOGUE, translations_dir

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if not qt.load(QLocale("fr"), QT_CATALOGUE, "_", qt_dir):
        raise SelfTestError(f"{QT_CATALOGUE}_fr.qm not found in {qt_dir}")
    context, source, french = QT_PROBE
    got = qt.translate(context, source) or ""
    if got.replace("&", "") != french:
        raise SelfTestError(
            f"{QT_CATALOGUE}_fr translates {source!r} as {got!r}, not {french!r}"
        )
    folder = translations_dir()
    for lang in LANGUAGES:
        ours = QTranslator(app)
        if not ours.load(f"helper_{lang}", folder) or ours.isEmpty():
            raise SelfTestError(f"helper_{lang}.qm not found or empty in {folder}")
    return "translations " + ", ".join(LANGUAGES)


def _wait_for_first_paint(window: QWidget, signal: SignalInstance) -> None:
    """Show the window and run the event loop until it is painted once."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    painted: list[bool] = []

    def on_painted() -> None:
        painted.append(True)
        loop.quit()

    signal.connect(on_painted)
    QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, loop.quit)
    window.show()
    if not painted:
        loop.exec()
    if not painted:
        raise SelfTestError(
            f"the first page was not painted within {FIRST_PAINT_TIMEOUT_MS} ms"
        )


def check_first_page(app: QApplication, config: Config, lang: str) -> str:
    """Build the main window in ``lang`` as ui/app.py does; paint and grab it."""
    from PySide6.QtWidgets import QApplication

    from ui import app as ui_app
    from ui import i18n

    chosen = i18n.install_translators(app, lang, config.ui.language)
    if chosen != lang:
        raise SelfTestError(f"asked for {lang}, the window got {chosen}")
    window = ui_app.build_window(config, lang, None, autostart=False)
    try:
        _wait_for_first_paint(window, window.first_painted)
        image = window.grab()
        if image.isNull() or image.width() == 0 or image.height() == 0:
            raise SelfTestError(f"the {lang} window grabbed an empty image")
        current = window.current_page_name  # a method today; a property tomorrow?
        page = current() if callable(current) else current
        if page != "welcome":
            raise SelfTestError(f"the {lang} window opened on {page!r}, not welcome")
        return f"{page} page painted in {lang} ({image.width()}×{image.height()})"
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def platform_to_test() -> str:
    """The platform plugin the window would use here (see the module's doc)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";")[0]
    if chosen:
        return chosen
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if os.environ.get("DISPLAY"):
        return "xcb"
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "offscreen"


def debian_package(soname: str) -> str:
    """The Debian package that ships a shared library, by Debian's naming rule
    (``libxcb-icccm.so.4`` → ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0``)."""
    stem, _, version = soname.partition(".so.")
    major = version.split(".", 1)[0]
    if not major:
        return stem
    return f"{stem}-{major}" if stem[-1:].isdigit() else f"{stem}{major}"


def check_platform_plugin(platform: str) -> str:
    """The platform plugin loads with the system's libraries.

    Raises:
        SelfTestError: naming the plugin and what it could not load.
    """
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    names = {"windows": "qwindows.dll", "cocoa": "libqcocoa.dylib"}
    plugin = folder / "platforms" / names.get(platform, f"libq{platform}.so")
    if not plugin.is_file():
        raise SelfTestError(f"Qt's {platform} platform plugin is missing: {plugin}")
    loader = QPluginLoader(str(plugin))
    if not loader.load():
        error = loader.errorString()
        # "Cannot load library …/libqxcb.so: libxcb-icccm.so.4: cannot open
        # shared object file: No such file or directory" (dlopen's words).
        found = LIBRARY_ERROR.search(error)
        if found is None:
            raise SelfTestError(f"Qt's {platform} platform plugin: {error}")
        library, reason = found.group(1), found.group(2)
        state = (
            "is not installed"
            if "cannot open shared object" in reason
            else f"cannot be loaded ({reason})"
        )
        raise SelfTestError(
            f"Qt's {platform} platform plugin needs {library}, which {state}; "
            f"on Debian and Ubuntu: apt-get install {debian_package(library)}"
        )
    return f"{platform} plugin"


def self_test(argv: Sequence[str] = ()) -> str:
    """Run every check; returns the summary.

    Raises:
        SelfTestError: the first check that failed.
    """
    platform = platform_to_test()
    os.environ["QT_QPA_PLATFORM"] = platform
    state = run_checks(SelfTestState(), _config_path(argv))
    if state.config is None:  # set by the configuration check
        raise SelfTestError("configuration: not loaded")

    from PySide6.QtGui import QGuiApplication

    from ui import app as ui_app

    facts = list(state.facts.values())
    check_platform_plugin(platform)
    app = ui_app.make_application()
    ui_app.install_qt_message_handler()  # Qt's notices to the log, not stderr
    try:
        facts.append(check_qt_catalogues(app))
        for lang in LANGUAGES:
            facts.append(check_first_page(app, state.config, lang))
    except SelfTestError:
        raise
    except Exception as exc:
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        raise SelfTestError(f"window: {message}") from None
    facts.append(f"platform {QGuiApplication.platformName()}")
    return "; ".join(facts)


def _emit(stream: TextIO | None, line: str) -> None:
    """Write a line; a windowed Windows executable has no stdout nor stderr."""
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()


def run_self_test(argv: Sequence[str] = ()) -> int:
    """``--self-test``: print one line, return the exit code.

    Args:
        argv: the command line after the program name (``--config FILE`` is
            honoured; everything else is ignored).
    """
    start = time.perf_counter()
    try:
        summary = self_test(argv)
    except SelfTestError as exc:
        _emit(sys.stderr, f"{APP_ID}: self-test failed: {one_line(str(exc))}")
        return EXIT_FAILED
    except Exception as exc:  # never a traceback: one line, like the CLI
        text = one_line(f"{type(exc).__name__}: {exc}")
        _emit(sys.stderr, f"{APP_ID}: self-test failed: {text}")
        return EXIT_FAILED
    finally:
        try:
            from ui import tasks

            tasks.shutdown(timeout=0.5)
        except Exception:  # the self-test result stands whatever the teardown
            pass
    elapsed = time.perf_counter() - start
    _emit(
        sys.stdout, f"{APP_ID} {__version__} self-test ok in {elapsed:.1f} s: {summary}"
    )
    return EXIT_OK
