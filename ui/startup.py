# SPDX-License-Identifier: MIT
"""What the window needs before Qt loads: its options and IT's configuration.

No Qt here. ui.entry calls :func:`prepare` before importing ui.app: reading
the configuration (platformdirs, tomllib, the checks) before Qt's import costs
8 ms less than after it, where Qt inspects the source of every module imported
(measured: 80 against 89 ms for Qt plus the example configuration). ui.app shows
a configuration error once the application exists.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from helper import APP_ID

if TYPE_CHECKING:
    from helper.config.model import Config
    from helper.errors import HelperError

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{APP_ID} gui", description="Open the migration window."
    )
    parser.add_argument("command", nargs="?", choices=["gui"], help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration")
    parser.add_argument("-v", "--verbose", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--lang", metavar="LANG", help="en, fr, de, es, it or nl (default: system)"
    )
    parser.add_argument(
        "--demo", metavar="SCENARIO", help="run the journey on a simulated device"
    )
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="save one PNG per page of demo journeys in DIR, then exit",
    )
    parser.add_argument(
        "--reminder", action="store_true", help="started by a login reminder"
    )
    return parser


# What a launch without arguments (the shortcut, a double click) gives: building
# the parser costs 3 ms of start-up, as argparse looks up its translations.
# tests/ui/test_app.py checks these against the parser.
DEFAULT_ARGS: Final = argparse.Namespace(
    command=None,
    config=None,
    verbose=False,
    lang=None,
    demo=None,
    screenshots=None,
    reminder=False,
)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The GUI's arguments (the global ``--config`` and ``-v`` included)."""
    if not argv:
        return argparse.Namespace(**vars(DEFAULT_ARGS))
    args, unknown = _parser().parse_known_args(list(argv))
    if unknown:
        log.info("ignored arguments: %s", unknown)
    return args


class Startup:
    """The parsed options and the configuration, or why it could not be read.

    Attributes:
        args: the window's options (:func:`parse_args`).
        config: IT's configuration; None when ``error`` is set.
        error: the configuration error (``config-invalid``...), shown by ui.app.
    """

    __slots__ = ("args", "config", "error")

    def __init__(
        self,
        args: argparse.Namespace,
        config: Config | None,
        error: HelperError | None = None,
    ) -> None:
        self.args = args
        self.config = config
        self.error = error


def prepare(argv: Sequence[str]) -> Startup:
    """Parse the options and read the configuration (never raises for IT's errors)."""
    from helper.config import load_config
    from helper.errors import HelperError

    args = parse_args(argv)
    try:
        config = load_config(args.config)
    except HelperError as exc:
        return Startup(args, None, exc)
    # Plain-Python modules the first page uses, imported now rather than after
    # Qt, which inspects the source of each module imported after it.
    import helper.resources

    if config.migration.waves:
        import helper.journey.calendar  # noqa: F401
    return Startup(args, config)
