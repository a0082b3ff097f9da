# SPDX-License-Identifier: MIT
"""Architecture rule: collector/ never imports the desktop side.

A collector server is installed from the ``[collector]`` set
(docs/dependencies.md), which brings neither PySide6, msal nor keyring, and the
wheel's ``ui`` package is the window's. collector/ may use the Qt-free core
(``helper.report.event``, ``helper.logsetup``...), never ``ui`` nor those
packages. Checked twice:

- on the source: every import statement under collector/ (those inside
  functions too) and every ``importlib.import_module("...")`` with a literal;
- in a fresh interpreter where ``ui``, PySide6, shiboken6, msal and keyring
  cannot be imported: every collector module imports, and none of them is
  loaded afterwards (through a dependency included).
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import collector
from tests.conftest import REPO

# Top-level packages collector/ must not import.
FORBIDDEN = ("ui", "PySide6", "shiboken6", "msal", "keyring")
COLLECTOR = REPO / "collector"


def _collector_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(collector.__path__, prefix="collector.")
    )


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, package: bool) -> Iterator[str]:
    """Absolute names of the modules a module's source imports, wherever the
    import statement stands (relative imports resolved against ``module``)."""
    base = module.split(".") if package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - (node.level - 1)]
                name = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if name:
                yield name
            # `from x import y` may import the submodule x.y.
            yield from (".".join(filter(None, (name, a.name))) for a in node.names)
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (
                    isinstance(node.func, ast.Attribute)
                    and node.func.attr == "import_module"
                )
            )
        ):
            yield node.args[0].value


def forbidden(names: Iterable[str]) -> list[str]:
    return sorted({n for n in names if n.split(".")[0] in FORBIDDEN})


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6.QtCore",
        "from ui import app",
        "from ui.tasks import run_in_background",
        "def later():\n    import msal\n",
        "try:\n    import keyring\nexcept ImportError:\n    keyring = None\n",
        "import importlib\nimportlib.import_module('shiboken6')",
        "from .. import ui",
    ],
)
def test_the_source_check_finds_a_forbidden_import(source: str) -> None:
    found = forbidden(imported_modules(source, "collector.x", package=False))
    assert found, source


@pytest.mark.parametrize(
    "source",
    [
        "from helper.report.event import StatusEvent",
        "from .storage import base",
        "import uvicorn",
        "from collector import ui_texts",
    ],
)
def test_the_source_check_allows_the_core(source: str) -> None:
    assert forbidden(imported_modules(source, "collector.x", package=False)) == []


def test_collector_source_never_imports_the_desktop_side() -> None:
    files = sorted(COLLECTOR.rglob("*.py"))
    assert COLLECTOR / "app.py" in files and len(files) > 15
    offenders = {
        path.relative_to(REPO).as_posix(): found
        for path in files
        if (
            found := forbidden(
                imported_modules(
                    path.read_text(encoding="utf-8"),
                    _module_name(path),
                    package=path.name == "__init__.py",
                )
            )
        )
    }
    assert offenders == {}


# Installed first on sys.meta_path: the forbidden packages cannot be imported,
# as on a server installed from the [collector] set.
CHILD = """
import importlib, json, sys

FORBIDDEN = {forbidden!r}


class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in FORBIDDEN:
            raise ModuleNotFoundError(f"blocked: {{name}}", name=name)
        return None


sys.meta_path.insert(0, Blocker())
try:
    import PySide6  # noqa: F401
except ModuleNotFoundError:
    pass
else:
    raise SystemExit("the blocker did not block PySide6")
for name in {modules!r}:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def test_collector_imports_without_the_desktop_side() -> None:
    modules = _collector_modules()
    assert {"collector.app", "collector.storage.postgres"} <= set(modules)
    code = CHILD.format(forbidden=FORBIDDEN, modules=modules)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout)
    assert set(modules) <= set(loaded)
    assert forbidden(loaded) == []
