# SPDX-License-Identifier: MIT
"""The command line: ``intune-migration-helper [options] [command]``.

Kept import-light: `detect` must start fast (see `make bench`), so each command
imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from helper import APP_ID, __version__
from helper.errors import HelperError

if TYPE_CHECKING:
    from helper.catalogue import Catalogue
    from helper.config import Config

GuiLauncher = Callable[[Sequence[str]], int]

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2  # also: a path that doesn't exist or isn't a capture
EXIT_CONFIG = 3

# Commands that only read and print: they log nothing when all goes well, so they
# skip configuring logging (5 ms of a start-up budget near the interpreter's
# own) unless --verbose asks for it or an unexpected error needs the log file.
_READ_ONLY = frozenset({"detect", "status", "words"})
# Errors in what IT deployed (configuration, catalogue, playbooks): exit 3.
_IT_CONFIG_ERRORS = frozenset(
    {"config-invalid", "catalogue-invalid", "playbook-invalid", "allowlist-invalid"}
)


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter without its shutil import (bz2, lzma...): 2 ms of
    start-up that every command paid, for a terminal width os already knows."""

    def __init__(self, prog: str) -> None:
        import os

        try:
            width = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            width = int(os.environ.get("COLUMNS", "80") or 80)
        super().__init__(prog, width=max(width - 2, 40))


class _Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(**kwargs)  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=APP_ID,
        formatter_class=_Formatter,
        description="Move this device from its legacy management to Microsoft Intune. "
        "With no command, the window opens.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_ID} {__version__}",
        help="print the version (with -v: every bundled component's too)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="use FILE instead of the user config file",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log debug details"
    )
    sub = parser.add_subparsers(dest="command", metavar="command", parser_class=_Parser)

    detect = sub.add_parser(
        "detect", help="tell what manages this device (or a capture)"
    )
    detect.add_argument("--json", action="store_true", help="print detection/1 JSON")
    detect.add_argument(
        "--capture",
        metavar="PATH",
        type=Path,
        help="a capture folder or .zip to replay",
    )

    capture = sub.add_parser(
        "capture",
        help="save this device's evidence for helpdesk",
    )
    capture.add_argument(
        "out", metavar="OUT", type=Path, help="a folder, or a file ending in .zip"
    )

    plan = sub.add_parser(
        "plan", help="print the steps this device (or a capture) gets"
    )
    plan.add_argument("--json", action="store_true", help="print plan/1 JSON")
    source = plan.add_mutually_exclusive_group()
    source.add_argument(
        "--capture", metavar="PATH", type=Path, help="a capture to plan for"
    )
    source.add_argument("--scenario", metavar="NAME", help="a simulated device")
    source.add_argument(
        "--platform",
        choices=[
            "windows",
            "macos",
            "linux",
            "ios",
            "android",
            "windows-10-mobile",
            "windows-8.1",
        ],
        help="plan for a platform (with --vendor)",
    )
    plan.add_argument(
        "--vendor", metavar="ID", help="legacy vendor id (with --platform)"
    )
    plan.add_argument(
        "--os-version",
        metavar="VERSION",
        help="the OS version whose menus the steps name (14.5, 15, 10.0.19045, "
        "10.0.22631); default: the device's",
    )

    status = sub.add_parser("status", help="print the saved journey state")
    status.add_argument("--json", action="store_true", help="print JSON")

    report = sub.add_parser("report", help="send or show the status reports for IT")
    action = report.add_mutually_exclusive_group()
    action.add_argument(
        "--flush", action="store_true", help="send the queued status reports now"
    )
    action.add_argument(
        "--status",
        action="store_true",
        help="show queued, delivered and parked reports (the default)",
    )
    report.add_argument(
        "--json", action="store_true", help="print JSON (report-status/1)"
    )

    words = sub.add_parser(
        "words",
        help="list every string of the window and the playbooks IT may override "
        "([words.<lang>] in the configuration)",
    )
    words.add_argument(
        "--list",
        action="store_true",
        help="print each key and its English text, tab-separated (the default)",
    )
    words.add_argument("--json", action="store_true", help="print JSON instead")

    # The window parses its own options (--lang, --demo, --screenshots,
    # --reminder: ui/app.py); they pass through untouched.
    sub.add_parser(
        "gui",
        help="open the window (the default); options: --lang en|fr|de|es|it|nl, "
        "--demo SCENARIO, --screenshots DIR",
        add_help=False,
    )
    return parser


def _load_config(path: Path | None) -> Config:
    from helper.config import load_config

    return load_config(path)


def _load_catalogue(config: Config) -> Catalogue:
    from helper.migration import load_catalogue_for

    return load_catalogue_for(config)


def _cmd_detect(args: argparse.Namespace) -> int:
    from helper.detect.engine import detect

    config = _load_config(args.config)
    catalogue = _load_catalogue(config)
    if args.capture is not None:
        from helper.capture.store import open_capture

        capture = open_capture(args.capture)
    else:
        from helper.probe.live import capture_this_machine

        capture = capture_this_machine(catalogue)
    result = detect(capture, catalogue)
    if args.json:
        import msgspec

        out = msgspec.json.format(msgspec.json.encode(result), indent=2)
        sys.stdout.write(out.decode() + "\n")
    else:
        from helper.detect.render import render_summary

        sys.stdout.write(render_summary(result))
    return EXIT_OK


def _cmd_capture(args: argparse.Namespace) -> int:
    from helper.capture.store import write_capture
    from helper.probe.live import capture_this_machine

    config = _load_config(args.config)
    catalogue = _load_catalogue(config)
    capture = capture_this_machine(catalogue)
    out = write_capture(capture, args.out)
    sys.stdout.write(
        f"Capture written to {out} ({len(capture.files)} evidence files).\n"
    )
    return EXIT_OK


def _cmd_plan(args: argparse.Namespace) -> int:
    from helper.journey.cmd_plan import run_plan

    return run_plan(args, _load_config(args.config))


def _cmd_status(args: argparse.Namespace) -> int:
    from helper.journey.cmd_status import run_status

    return run_status(args, _load_config(args.config))


def _cmd_report(args: argparse.Namespace) -> int:
    from helper.report.cmd_report import run_report

    return run_report(args, _load_config(args.config))


def _cmd_words(args: argparse.Namespace) -> int:
    from helper.config.words import listing

    config = _load_config(args.config)
    rows = listing(config.catalogue.extra_dir)
    if args.json:
        import json

        sys.stdout.write(json.dumps(dict(rows), ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    for key, text in rows:
        # One line per key: a text's own line breaks are shown as \n.
        sys.stdout.write(f"{key}\t{text.replace(chr(10), chr(92) + 'n')}\n")
    return EXIT_OK


def main(argv: Sequence[str], gui: GuiLauncher | None = None) -> int:
    """Run the command line; returns the exit code.

    Args:
        argv: the arguments, without the program name.
        gui: starts the window (given by ui.entry); None where no GUI exists.
    """
    if "--version" in argv and ("--verbose" in argv or "-v" in argv):
        # argparse's version action stops at --version, before it sees -v.
        from helper.versions import verbose_version

        sys.stdout.write(verbose_version())
        return EXIT_OK
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command not in (None, "gui"):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    # The window configures logging itself after its first paint (start-up).
    if args.verbose or args.command not in (*_READ_ONLY, None, "gui"):
        from helper.logsetup import setup_logging

        setup_logging(verbose=args.verbose)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "detect": _cmd_detect,
        "capture": _cmd_capture,
        "plan": _cmd_plan,
        "status": _cmd_status,
        "report": _cmd_report,
        "words": _cmd_words,
    }
    if args.command in commands:
        command = commands[args.command]

        def run() -> int:
            from helper.msgspec_lean import import_msgspec_lean

            import_msgspec_lean()
            return command(args)

    elif gui is None:
        parser.print_help()
        return EXIT_USAGE
    else:
        launch = gui

        def run() -> int:
            return launch(argv)

    return run_guarded(args.command, run, verbose=args.verbose)


def run_guarded(command: str | None, run: Callable[[], int], *, verbose: bool) -> int:
    """Run a command: IT's and the user's errors as one line, anything else
    logged with its traceback and summed up in one line (never a traceback on
    the terminal). ui.entry runs a plain launch of the window through it too.
    """
    try:
        return run()
    except HelperError as exc:
        sys.stderr.write(f"{APP_ID}: {exc.message}\n")
        return EXIT_CONFIG if exc.code in _IT_CONFIG_ERRORS else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        import logging

        from helper.logsetup import setup_logging

        setup_logging(verbose=verbose)  # read-only commands log only here
        logging.getLogger(__name__).exception("unexpected error in %s", command)
        from helper.logsetup import log_file, redact

        try:
            where = f"details are in {log_file()}"
        except OSError:
            # No log to point to: name the error itself (redacted, one line).
            summary = redact(f"{type(exc).__name__}: {exc}").splitlines()[0][:200]
            where = f"{summary} (the log folder cannot be written either)"
        sys.stderr.write(f"{APP_ID}: an unexpected error occurred; {where}\n")
        return EXIT_INTERNAL
