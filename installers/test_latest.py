# SPDX-License-Identifier: MIT
"""``make test-latest``: the suite on the newest versions pyproject.toml allows.

Not CI: CI installs the lock, so a release published this morning cannot turn a
build red. This is the deliberate upgrade check, run before ``make
lock-upgrade`` (monthly) or to see whether a security release can be taken:

1. resolve the newest allowed versions of the dev set into a throwaway venv
   (``build/latest``) and list what would move against the lock;
2. run the suite there (the packaging tests apart: they build the frozen bundle
   in its own venv, from the lock);
3. when tests fail, try each moved package alone on top of the lock, against the
   failing tests only, and say which pins can move and which upgrade breaks what.

Exit 0 when the newest versions pass; 1 when some fail (the table says which);
2 when the newest versions could not be installed at all.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Final

REPO: Final = Path(__file__).resolve().parent.parent
LOCK: Final = REPO / "requirements" / "dev.txt"
VENV: Final = REPO / "build" / "latest"
TRIAL: Final = REPO / "build" / "latest-one"
PIN: Final = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
FAILED: Final = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.M)
PYTEST_ENV: Final = {"QT_QPA_PLATFORM": "offscreen"}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    """``name → version`` of the dev lock."""
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[normalize(match.group(1))] = match.group(2)
    return pins


def python_of(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(
    command: Sequence[object], **kwargs: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [str(part) for part in command],
        cwd=REPO,
        text=True,
        capture_output=True,
        check=False,
        **kwargs,
    )


def pip(venv: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([python_of(venv), "-m", "pip", "--disable-pip-version-check", *args])


def installed(venv: Path) -> dict[str, str]:
    """``name → version`` of a venv, our own project left out."""
    out = pip(venv, "list", "--format=freeze", "--exclude-editable").stdout
    versions = {}
    for line in out.splitlines():
        name, _, version = line.partition("==")
        if version:
            versions[normalize(name)] = version
    return versions


def fresh_venv(venv: Path) -> None:
    result = run([sys.executable, "-m", "venv", "--clear", venv])
    if result.returncode != 0:
        raise SystemExit(f"test-latest: cannot create {venv}: {result.stderr.strip()}")


def install_latest() -> dict[str, str]:
    """The newest allowed dev set in build/latest; returns its versions."""
    fresh_venv(VENV)
    # --upgrade-strategy eager: every dependency at its newest allowed, not only
    # the ones pyproject.toml names.
    result = pip(
        VENV, "install", "--quiet", "--upgrade", "--upgrade-strategy", "eager",
        "--editable", ".[dev]",
    )  # fmt: skip
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-5:])
        print(f"test-latest: the newest versions do not install:\n{tail}")
        raise SystemExit(2)
    return installed(VENV)


def pytest(venv: Path, targets: Sequence[str]) -> tuple[bool, list[str], str]:
    """Run pytest in ``venv``; returns (passed, failed test ids, summary line)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
    }
    env.update(PYTEST_ENV)
    result = run(
        [python_of(venv), "-m", "pytest", "-q", "-rfE", *targets],
        env=env,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = lines[-1] if lines else result.stderr.strip()[-200:]
    return result.returncode == 0, FAILED.findall(result.stdout), summary


def try_alone(moved: dict[str, tuple[str, str]], failing: list[str]) -> dict[str, str]:
    """Each moved package alone on top of the lock, against the failing tests."""
    fresh_venv(TRIAL)
    setup = pip(
        TRIAL, "install", "--quiet", "--require-hashes", "--no-deps", "-r", str(LOCK)
    )
    if setup.returncode != 0:
        return dict.fromkeys(moved, "not tried (the lock did not install)")
    pip(TRIAL, "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ".")
    verdicts = {}
    for name, (old, new) in moved.items():
        step = pip(TRIAL, "install", "--quiet", "--no-deps", f"{name}=={new}")
        if step.returncode != 0:
            verdicts[name] = "not tried (does not install alone)"
            continue
        conflict = pip(TRIAL, "check").returncode != 0
        passed, failed, _ = pytest(TRIAL, failing)
        if passed:
            verdicts[name] = "ok alone" + (
                " (needs others moved with it)" if conflict else ""
            )
        else:
            verdicts[name] = f"BREAKS {len(failed)}: " + ", ".join(failed[:3])
        pip(TRIAL, "install", "--quiet", "--no-deps", f"{name}=={old}")
    return verdicts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="installers/test_latest.py", description=__doc__
    )
    parser.add_argument(
        "targets",
        nargs="*",
        default=["tests", "--ignore=tests/packaging"],
        help="what pytest runs (default: the suite without the packaging tests)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pins = locked()
    latest = install_latest()
    moved = {
        name: (pins[name], version)
        for name, version in sorted(latest.items())
        if name in pins and pins[name] != version
    }
    added = sorted(set(latest) - set(pins) - {"pip", "setuptools"})
    print(f"{len(moved)} of {len(pins)} pins would move:")
    for name, (old, new) in moved.items():
        print(f"  {name:<28} {old} -> {new}")
    if added:
        print("new in the newest resolution: " + ", ".join(added))
    passed, failing, summary = pytest(VENV, args.targets)
    print(f"suite on the newest versions: {summary}")
    for test in failing:
        print(f"  FAILED {test}")
    if passed:
        print(
            "Every pin can move: run `make lock-upgrade`, then `make test`, "
            "and commit uv.lock and requirements/."
        )
        print(f"({time.perf_counter() - start:.0f} s)")
        return 0
    if not failing:
        print("The suite did not run to the end (see above); nothing to try alone.")
        return 1
    if not moved:
        print(
            "No pin moves, so these failures are not an upgrade's: they fail with "
            "the locked versions too (run `make test`), or depend on this machine."
        )
        return 1
    print(f"{len(failing)} failing; trying each moved package alone against them:")
    verdicts = try_alone(moved, failing)
    for name, verdict in verdicts.items():
        print(f"  {name:<28} {verdict}")
    safe = [n for n, v in verdicts.items() if v.startswith("ok alone")]
    if safe:
        print(
            "These can move now, one by one: "
            + " ".join(f"`make lock-upgrade PACKAGE={n}`" for n in safe)
        )
    print(f"({time.perf_counter() - start:.0f} s)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
