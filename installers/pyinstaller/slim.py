# SPDX-License-Identifier: MIT
"""What both PyInstaller specs share: excludes, DROP filter, collection settings.

helper.spec (the product) and bare.spec (a one-window PySide6 app, the size and
start-up baseline of tests/bench_package.py) import this module, so the baseline
is frozen with exactly the product's excludes, filters, bytecode settings and
runtime-hook choice (shared ci-recipes §7.1).

Kept from Qt: QtCore, QtGui, QtWidgets and QtNetwork (``ui/single_instance.py``
uses QLocalServer/QLocalSocket); the platform plugins we run on (xcb, offscreen,
minimal; windows; cocoa), image formats for an SVG logo, icon engines, input
contexts (dead keys, IBus) and Qt's catalogues of our languages
(helper/languages.py: en, fr, de, es, it, nl).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Final, TypeVar

# The Qt for Python modules the window imports (grep "from PySide6" ui/).
QT_USED: Final = frozenset({"QtCore", "QtGui", "QtWidgets", "QtNetwork"})

# Always excluded, whatever is installed: other bindings, Tk, the collector and
# its server stack, test tools, build tools, keyrings.alt (a plaintext keyring
# we never want). Not segno: the "another device" dialog draws its QR codes.
EXCLUDES_BASE: Final = (
    "tkinter",
    "_tkinter",
    "turtle",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "shiboken2",
    "collector",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "jsonschema",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "trustme",
    "IPython",
    "numpy",
    "keyrings.alt",
    # Build tools of the build venv (PyInstaller needs them; the helper never
    # imports them): analysing setuptools' own runtime hook brought 158 modules
    # of setuptools, packaging and setuptools' vendored copies into the bundle.
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    "packaging",
    # PySide6 tooling packages, never imported at run time.
    "PySide6.scripts",
    "PySide6.support.deprecated",
)

# Files dropped from a.binaries and a.datas after analysis (destination paths,
# "/" separators). Linux: PySide6/Qt/plugins, PySide6/Qt/lib/libQt6*.so.6;
# macOS: PySide6/Qt/plugins, PySide6/Qt/lib/Qt*.framework; Windows:
# PySide6/plugins, PySide6/Qt6*.dll, PySide6/translations.
DROP: Final = re.compile(
    r"""(
    PySide6/(Qt/)?plugins/(egldeviceintegrations|wayland-[^/]+|networkinformation
        |tls|generic|sqldrivers|printsupport|vectorimageformats|qmltooling
        |designer|multimedia|position|sensors|canvasgraphics)/
  | PySide6/(Qt/)?plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vkkhrdisplay
        |vnc|wayland[^/]*|direct2d)\.(so|dll|dylib)$
  | PySide6/(Qt/)?plugins/platformthemes/(lib)?qgtk3\.(so|dll|dylib)$
  | PySide6/(Qt/)?plugins/imageformats/(lib)?q(tiff|webp|pdf|icns|tga|wbmp|gif
        |jpeg)\.(so|dll|dylib)$
  | PySide6/(Qt/)?translations/(?!qtbase_(en|fr|de|es|it|nl)\.qm$)
  | (^|/)lib(gtk-3|gdk-3|gdk_pixbuf|atk|atk-bridge|atspi|cairo|cairo-gobject
        |pango|pangocairo|pangoft2|epoxy|thai|datrie|fribidi|graphite2|pixman-1
        |harfbuzz|Xcomposite|Xcursor|Xdamage|Xi|Xinerama|Xrandr|Xext|Xfixes
        |Xrender)[-.0-9]*\.so
  | (^|/)(lib)?Qt6?(Wayland|WlShell|EglFS|EglFsKms|OpenGL|Pdf|Qml|Quick
        |VirtualKeyboard)[^/]*\.(so|dll|dylib)
  | (^|/)Qt(Wayland|OpenGL|Pdf|Qml|Quick|VirtualKeyboard)[A-Za-z]*\.framework/
  | (^|/)opengl32sw\.dll$
)""",
    re.X,
)

# Packages imported at start-up (before the window's first paint, or by the
# command line's `detect`: msgspec and what it imports): collected as .pyc
# files beside the executable rather than in the zlib-compressed PYZ archive,
# which loads them about 10 ms faster; everything else stays in the (smaller)
# PYZ. Measured with PyInstaller's "X importtime" option on the frozen app;
# tomllib reads IT's config.toml before the first paint.
STARTUP_PACKAGES: Final = (
    "helper ui PySide6 shiboken6 msgspec platformdirs typing_extensions __future__ "
    "_compat_pickle _compression argparse ast base64 bisect bz2 contextlib copy "
    "ctypes datetime decimal dis fnmatch gettext importlib inspect ipaddress "
    "logging lzma numbers opcode pathlib pickle pkgutil platform queue random "
    "selectors shutil signal socket string subprocess tempfile textwrap threading "
    "token tokenize typing urllib uuid zipfile dataclasses heapq json tomllib"
).split()
STARTUP_PYC: Final = dict.fromkeys(STARTUP_PACKAGES, "pyc")

# Bytecode optimization of the collected modules (python -OO): no docstrings
# and no asserts, smaller code objects, about 5 ms less start-up. Nothing in
# the helper reads a docstring at run time (argparse descriptions are
# literals); its asserts only narrow types for mypy.
OPTIMIZE: Final = 2

T = TypeVar("T", bound=tuple[str, ...])


def qt_excludes(pyside_dir: Path) -> list[str]:
    """``PySide6.<Module>`` for every Qt module installed but not used.

    Read from the ``.pyi`` stubs, which every PySide6 wheel ships on every OS, so
    a new Qt module in a later PySide6 is excluded without editing this list.
    """
    modules = {p.stem for p in pyside_dir.glob("Qt*.pyi")}
    return [f"PySide6.{name}" for name in sorted(modules - QT_USED)]


# Linux only: ctypes. Everything that uses it is Windows or macOS code (the
# admin-rights check and ShellExecute in helper/journey, truststore's and
# keyring's macOS and Windows back ends, platformdirs' Windows module), yet
# once bundled, PyInstaller's bootstrap imports it at every start to patch its
# library loading: ctypes, _ctypes and libffi, about 3 ms before our first line.
PLATFORM_EXCLUDES: Final[dict[str, tuple[str, ...]]] = {"linux": ("ctypes",)}


def excludes(pyside_dir: Path, platform: str = sys.platform) -> list[str]:
    """Every module the specs exclude on ``platform`` (``sys.platform``)."""
    extra = PLATFORM_EXCLUDES.get("linux" if platform.startswith("linux") else platform)
    return [*EXCLUDES_BASE, *(extra or ()), *qt_excludes(pyside_dir)]


def dropped(dest: str) -> bool:
    """Is a bundled file (its destination path) one we leave out?"""
    return DROP.search(dest.replace("\\", "/")) is not None


# PyInstaller runtime hooks that run at every start but serve nothing here.
# pyi_rth_multiprocessing imports multiprocessing, multiprocessing.spawn and
# subprocess before our first line (8 ms of a 100 ms start); the helper never
# uses multiprocessing (some library imports it, so the hook is always chosen).
# Remove this filter if the helper ever starts processes with multiprocessing.
# pyi_rth_pkgutil imports pkgutil to teach pkgutil.iter_modules() the frozen
# archive: neither the helper nor a library it bundles lists modules that way.
UNUSED_RUNTIME_HOOKS: Final = frozenset({"pyi_rth_multiprocessing", "pyi_rth_pkgutil"})


def without_runtime_hooks(scripts: Iterable[T]) -> list[T]:
    """Filter ``a.scripts``: drop the runtime hooks we do not need."""
    return [s for s in scripts if s[0] not in UNUSED_RUNTIME_HOOKS]


def slim(entries: Iterable[T]) -> list[T]:
    """Filter ``a.binaries`` or ``a.datas`` (tuples whose first item is the
    destination path)."""
    return [entry for entry in entries if not dropped(entry[0])]
