# SPDX-License-Identifier: MIT
"""The launcher: refusals, elevation wrappers, osascript quoting, outcomes."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.journey import launch as launch_module
from helper.journey.allowlist import Allowlist, LaunchRefused, load_allowlist
from helper.journey.launch import (
    Launcher,
    LaunchResult,
    applescript_string,
    display_command,
    osascript_argv,
    pkexec_argv,
    spawn_detached,
)
from helper.journey.plan import Step, Text
from helper.probe.runner import CommandResult

HUB_CODE = "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"
TEXT = Text("Do it.", "Faites-le.")
JAMF = ["/usr/local/jamf/bin/jamf", "removeMdmProfile"]
PURGE = ["/usr/bin/apt-get", "purge", "-y", "intune-portal"]
ENROLL = (
    "ms-device-enrollment:?mode=mdm&username=alice%40contoso.com&servername="
    "https%3A%2F%2Fenrollment.manage.microsoft.com%2Fenrollmentserver%2Fdiscovery.svc"
)


def run_step(command: list[str], *, elevate: bool = True) -> Step:
    return Step("s", "leave", "run", TEXT, command=command, elevate=elevate)


def open_step(uri: str) -> Step:
    return Step("s", "join", "open", TEXT, uri=uri)


class FakeRunner:
    """Records commands; answers with a canned result (below the probe layer)."""

    def __init__(self, result: CommandResult | None = None) -> None:
        self.calls: list[tuple[list[str], float]] = []
        self.result = result

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        self.calls.append((list(argv), timeout))
        return self.result or CommandResult(list(argv), 0)


class Recorder:
    def __init__(self, error: OSError | None = None) -> None:
        self.calls: list[object] = []
        self.error = error

    def __call__(self, *args: object) -> int:
        self.calls.append(args if len(args) > 1 else args[0])
        if self.error is not None:
            raise self.error
        return 42  # a ShellExecuteW success value (> 32)


def launcher(platform: str, **kwargs: object) -> Launcher:
    return Launcher(load_allowlist(), platform=platform, **kwargs)  # type: ignore[arg-type]


# --- refusals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "platform", "code"),
    [
        (open_step("https://evil.example/payload"), "windows", "not-allowlisted"),
        (open_step("file:///etc/passwd"), "linux", "not-allowlisted"),
        (open_step("ms-settings:workplace "), "windows", "not-allowlisted"),
        (open_step("ms-settings:workplace\n"), "windows", "not-allowlisted"),
        (open_step(ENROLL + "&accesstoken=abc"), "windows", "not-allowlisted"),
        (
            open_step(ENROLL + "&username=bob%40contoso.com"),
            "windows",
            "not-allowlisted",
        ),
        (open_step("ms-device-enrollment:?mode=mdmx"), "windows", "not-allowlisted"),
        (
            open_step("ms-device-enrollment:?mode=mdm&username=a%3Bb%40contoso.com"),
            "windows",
            "placeholder-invalid",
        ),
        (
            open_step("ms-device-enrollment:?mode=mdm&username=alice@contoso.com"),
            "windows",
            "placeholder-invalid",  # not percent-encoded
        ),
        (
            open_step(
                "ms-device-enrollment:?mode=mdm&servername=http%3A%2F%2Fx.example"
            ),
            "windows",
            "placeholder-invalid",  # not https
        ),
        (run_step(["/bin/sh", "-c", "reboot"]), "linux", "not-allowlisted"),
        (run_step(JAMF, elevate=False), "macos", "not-allowlisted"),
        (run_step(JAMF), "linux", "not-allowlisted"),  # another OS's command
        (run_step([*JAMF, "--extra"]), "macos", "not-allowlisted"),
        (run_step(["msiexec.exe", "/x", "notaguid"]), "windows", "placeholder-invalid"),
        (Step("s", "leave", "info", TEXT), "windows", "not-launchable"),
        (
            Step("s", "join", "verify", TEXT, check="network"),
            "windows",
            "not-launchable",
        ),
        (Step("s", "leave", "run", TEXT, elevate=True), "windows", "not-launchable"),
    ],
)
def test_refusals(step: Step, platform: str, code: str) -> None:
    spawn, opener, elevate, runner = Recorder(), Recorder(), Recorder(), FakeRunner()
    subject = launcher(
        platform, spawn=spawn, open_uri=opener, shell_execute=elevate, runner=runner
    )
    with pytest.raises(LaunchRefused) as info:
        subject.check(step)
    assert info.value.code == code
    result = subject.launch(step, confirmed=True)
    assert (result.status, result.code) == ("refused", code)
    assert not (spawn.calls or opener.calls or elevate.calls or runner.calls)


HOSTILE = [
    f"{HUB_CODE}; rm -rf /",
    f"{HUB_CODE} && calc",
    f"{HUB_CODE}|calc",
    f"$({HUB_CODE})",
    f"`{HUB_CODE}`",
    f"{HUB_CODE}\n/qn",
    f"'{HUB_CODE}'",
    f'"{HUB_CODE}"',
    f" {HUB_CODE}",
    "{3F2504E0-4F89-11D3-9A0C-0305E82C330;}",
    "/qn",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_shell_metacharacters_in_placeholders_are_refused(value: str) -> None:
    shell_execute = Recorder()
    subject = launcher("windows", shell_execute=shell_execute)
    result = subject.launch(run_step(["msiexec.exe", "/x", value]), confirmed=True)
    assert (result.status, result.code) == ("refused", "placeholder-invalid")
    assert not shell_execute.calls


@pytest.mark.parametrize("upn", ["a;b@c.com", "a&b@c.com", "$(x)@c.com", "a b@c.com"])
def test_hostile_upn_in_enrollment_link(upn: str) -> None:
    from urllib.parse import quote

    uri = f"ms-device-enrollment:?mode=mdm&username={quote(upn, safe='')}"
    result = launcher("windows", open_uri=Recorder()).launch(
        open_step(uri), confirmed=True
    )
    assert (result.status, result.code) == ("refused", "placeholder-invalid")


def test_not_confirmed_is_refused_and_nothing_runs() -> None:
    runner, opener = FakeRunner(), Recorder()
    subject = launcher("macos", runner=runner, open_uri=opener)
    for step in (
        run_step(JAMF),
        open_step("https://go.microsoft.com/fwlink/?linkid=853070"),
    ):
        result = subject.launch(step, confirmed=False)
        assert (result.status, result.code) == ("refused", "not-confirmed")
        assert result.display  # still shown
    assert not runner.calls and not opener.calls


def test_empty_allowlist_refuses_everything() -> None:
    subject = Launcher(Allowlist([], []), platform="windows", open_uri=Recorder())
    result = subject.launch(open_step("ms-settings:workplace"), confirmed=True)
    assert (result.status, result.code) == ("refused", "not-allowlisted")


# --- launching ------------------------------------------------------------------------


def test_open_uri_through_the_opener() -> None:
    opener = Recorder()
    result = launcher("windows", open_uri=opener).launch(
        open_step(ENROLL), confirmed=True
    )
    assert result == LaunchResult("started", ENROLL)
    assert opener.calls == [ENROLL]


def test_open_failure_is_reported() -> None:
    opener = Recorder(FileNotFoundError("xdg-open"))
    result = launcher("linux", open_uri=opener).launch(
        open_step(
            "https://learn.microsoft.com/mem/intune/user-help/microsoft-intune-app-linux"
        ),
        confirmed=True,
    )
    assert (result.status, result.code) == ("failed", "not-found")


def test_unelevated_run_is_spawned_as_a_list() -> None:
    spawn, runner = Recorder(), FakeRunner()
    step = run_step(
        ["/usr/bin/open", "-b", "com.microsoft.CompanyPortalMac"], elevate=False
    )
    result = launcher("macos", spawn=spawn, runner=runner).launch(step, confirmed=True)
    assert result.status == "started"
    assert spawn.calls == [["/usr/bin/open", "-b", "com.microsoft.CompanyPortalMac"]]
    assert not runner.calls


def test_windows_elevation_uses_runas_parameters() -> None:
    shell_execute = Recorder()
    step = run_step(["msiexec.exe", "/x", HUB_CODE])
    result = launcher("windows", shell_execute=shell_execute).launch(
        step, confirmed=True
    )
    assert result == LaunchResult("started", f"msiexec.exe /x {HUB_CODE}")
    assert shell_execute.calls == [("msiexec.exe", f"/x {HUB_CODE}")]


@pytest.mark.parametrize(("value", "code"), [(5, "cancelled"), (2, "shell-execute-2")])
def test_windows_elevation_failures(value: int, code: str) -> None:
    def shell_execute(file: str, parameters: str) -> int:
        return value

    step = run_step(["msiexec.exe", "/x", HUB_CODE])
    result = launcher("windows", shell_execute=shell_execute).launch(
        step, confirmed=True
    )
    assert (result.status, result.code) == ("failed", code)


def test_macos_elevation_through_osascript() -> None:
    runner = FakeRunner()
    result = launcher("macos", runner=runner).launch(run_step(JAMF), confirmed=True)
    assert result.status == "started" and result.exit_code == 0
    ((argv, timeout),) = runner.calls
    assert argv == [
        "/usr/bin/osascript",
        "-e",
        'do shell script "/usr/local/jamf/bin/jamf removeMdmProfile" '
        "with administrator privileges",
    ]
    assert timeout >= 300  # the password prompt waits for the user


def test_linux_elevation_through_pkexec() -> None:
    runner = FakeRunner()
    result = launcher("linux", runner=runner).launch(run_step(PURGE), confirmed=True)
    assert result.status == "started"
    ((argv, _),) = runner.calls
    assert argv == ["/usr/bin/pkexec", *PURGE]
    assert pkexec_argv(PURGE) == argv


@pytest.mark.parametrize(
    ("platform", "command", "result", "status", "code"),
    [
        ("linux", PURGE, CommandResult([], 126), "failed", "cancelled"),
        ("linux", PURGE, CommandResult([], 127), "failed", "not-authorized"),
        ("linux", PURGE, CommandResult([], 100), "started", ""),  # not judged
        (
            "linux",
            PURGE,
            CommandResult([], None, error="not-found"),
            "failed",
            "not-found",
        ),
        ("linux", PURGE, CommandResult([], None, error="timeout"), "failed", "timeout"),
        (
            "macos",
            JAMF,
            CommandResult([], 1, stderr=b"execution error: User canceled. (-128)"),
            "failed",
            "cancelled",
        ),
        ("macos", JAMF, CommandResult([], 1, stderr=b"jamf: error"), "started", ""),
    ],
)
def test_elevated_outcomes(
    platform: str, command: list[str], result: CommandResult, status: str, code: str
) -> None:
    outcome = launcher(platform, runner=FakeRunner(result)).launch(
        run_step(command), confirmed=True
    )
    assert (outcome.status, outcome.code) == (status, code)
    if status == "started":
        assert outcome.exit_code == result.exit_code


def test_launch_is_logged_without_judging(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="helper.journey.launch")
    launcher("macos", runner=FakeRunner()).launch(run_step(JAMF), confirmed=True)
    assert "as administrator: /usr/local/jamf/bin/jamf removeMdmProfile" in caplog.text


# --- osascript quoting ----------------------------------------------------------------


def parse_applescript_literal(text: str) -> tuple[str, str]:
    """Read one AppleScript string literal at the start of ``text``.

    Returns the decoded string and what follows the closing quote.
    """
    assert text[0] == '"'
    out, i = [], 1
    while True:
        char = text[i]
        if char == "\\":
            nxt = text[i + 1]
            assert nxt in '\\"', f"unexpected escape \\{nxt}"
            out.append(nxt)
            i += 2
        elif char == '"':
            return "".join(out), text[i + 1 :]
        else:
            out.append(char)
            i += 1


def decode(argv: list[str]) -> list[str]:
    """What /bin/sh would run for an osascript_argv() command."""
    assert argv[:2] == ["/usr/bin/osascript", "-e"]
    script = argv[2]
    prefix = "do shell script "
    assert script.startswith(prefix)
    line, rest = parse_applescript_literal(script[len(prefix) :])
    assert rest == " with administrator privileges", rest
    return shlex.split(line, posix=True)


HOSTILE_ARGS = [
    'a"b',
    "a\\b",
    '\\"',
    '" & do shell script "rm -rf /" & "',
    "'; rm -rf / #",
    "$(reboot)",
    "`reboot`",
    "a b",
    "",
    "*",
    "~",
    "-rf",
    "é — “quotes” ’",
    '\\" with administrator privileges',
]


@pytest.mark.parametrize("arg", HOSTILE_ARGS)
def test_osascript_quoting_hostile_strings(arg: str) -> None:
    argv = ["/usr/bin/true", arg, "end"]
    assert decode(osascript_argv(argv)) == argv


@given(
    st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=["Cs", "Cc"], blacklist_characters="\x7f"
            )
        ),
        min_size=1,
        max_size=6,
    )
)
def test_osascript_quoting_round_trips(argv: list[str]) -> None:
    assert decode(osascript_argv(argv)) == argv


@pytest.mark.parametrize("arg", ["a\nb", "a\rb", "tab\there", "nul\x00", "del\x7f"])
def test_osascript_refuses_control_characters(arg: str) -> None:
    with pytest.raises(LaunchRefused) as info:
        osascript_argv(["/usr/bin/true", arg])
    assert info.value.code == "placeholder-invalid"


def test_applescript_string() -> None:
    assert applescript_string('say "hi" \\ bye') == '"say \\"hi\\" \\\\ bye"'


# --- display and the real spawner -----------------------------------------------------


def test_display_command() -> None:
    step = run_step(["/usr/bin/open", "-b", "a b"])
    assert display_command(step, "macos") == "/usr/bin/open -b 'a b'"
    assert display_command(step, "windows") == '/usr/bin/open -b "a b"'
    assert display_command(open_step(ENROLL)) == ENROLL
    assert display_command(Step("s", "done", "info", TEXT)) == ""


def test_spawn_detached_runs_a_list_without_shell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import subprocess

    seen: list[dict[str, object]] = []
    real = subprocess.Popen

    def popen(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        seen.append({"args": args, **kwargs})
        return real(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "Popen", popen)
    spawn_detached([sys.executable, "-c", "pass"])
    assert seen[0]["args"] == [sys.executable, "-c", "pass"]
    assert not seen[0].get("shell")
    for child in launch_module._children:
        child.wait(timeout=30)
    launch_module._children.clear()


def test_spawn_detached_missing_program() -> None:
    with pytest.raises(FileNotFoundError):
        spawn_detached(["/nonexistent/program-for-test"])
