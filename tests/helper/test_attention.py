# SPDX-License-Identifier: MIT
"""Reminders that respect meetings: the OS signals, their parsers, the decision.

The readers are fed fakes in the exact formats each OS gives (a
QUERY_USER_NOTIFICATION_STATE value, ConsentStore registry values as winreg
returns them, gsettings / gdbus / pw-dump output, /proc fd links, macOS
Assertions.json); the decision is pure, with a fixed clock.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.journey.attention import (
    MAX_BUSY_POSTPONES,
    MAX_UNKNOWN_POSTPONES,
    RETRY,
    SIGNALS,
    Reading,
    decide,
)
from helper.parsers import ParseError
from helper.parsers.attention import (
    consent_store_in_use,
    parse_dnd_assertions,
    parse_gdbus_bool,
    parse_gvariant_bool,
    parse_pw_dump,
    parse_quns,
    video_device_open,
)
from helper.probe.attention import (
    CONSENT_STORE,
    GNOME_IDLE_INHIBITED,
    GNOME_SCREENSAVER_ACTIVE,
    GSETTINGS_BANNERS,
    PW_DUMP,
    ConsentStoreReader,
    CoreAudioInputReader,
    FocusAssertionsReader,
    GnomeScreenSaverReader,
    PipeWireReader,
    QunsReader,
    VideoDeviceReader,
    desktop_readers,
    read_all,
)
from helper.probe.runner import CommandResult
from tests.helper.test_config import FakeRegistry

NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.UTC)
# Any JSON document (parsers of outside JSON take them all).
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
# A FILETIME (100 ns since 1601) of 2026: what Windows writes.
FILETIME = 134_094_012_000_000_000


def busy_states(readings: list[Reading]) -> dict[str, str]:
    return {r.signal: r.state for r in readings}


# --- the decision ---------------------------------------------------------------------


def test_everything_free_shows_the_reminder() -> None:
    readings = [Reading(s, "free", "test") for s in SIGNALS]
    assert decide(readings, 0, NOW).action == "show"
    assert decide([], 0, NOW).action == "show"


def test_a_call_postpones_then_the_reminder_shows_quietly() -> None:
    readings = [
        Reading("camera", "busy", "consent-store"),
        Reading("microphone", "free", "consent-store"),
    ]
    first = decide(readings, 0, NOW)
    assert first.action == "postpone"
    assert first.retry_at == NOW + RETRY
    assert first.busy == ("camera",)
    last = decide(readings, MAX_BUSY_POSTPONES, NOW)
    assert (last.action, last.retry_at) == ("show-quietly", None)


def test_an_unreadable_signal_postpones_briefly_then_shows_quietly() -> None:
    readings = [Reading("do-not-disturb", "unknown", "gnome-show-banners")]
    assert decide(readings, 0, NOW).action == "postpone"
    assert decide(readings, MAX_UNKNOWN_POSTPONES, NOW).action == "show-quietly"
    assert MAX_UNKNOWN_POSTPONES < MAX_BUSY_POSTPONES


def test_a_signal_one_reader_knows_is_not_unknown() -> None:
    readings = [
        Reading("camera", "unknown", "pw-dump"),
        Reading("camera", "free", "dev-video"),
    ]
    assert decide(readings, 0, NOW).action == "show"


@given(
    st.lists(
        st.builds(
            Reading,
            st.sampled_from(SIGNALS),
            st.sampled_from(["busy", "free", "unknown"]),
            st.just("test"),
        ),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=50),
)
def test_a_reminder_is_never_postponed_for_ever(
    readings: list[Reading], postponed: int
) -> None:
    decision = decide(readings, postponed, NOW)
    if postponed >= MAX_BUSY_POSTPONES:
        assert decision.action != "postpone"
    if decision.action == "postpone":
        assert decision.retry_at == NOW + RETRY
    if any(r.state == "busy" for r in readings):
        assert decision.action != "show"


# --- Windows --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "busy"),
    [
        (1, {"away"}),
        (2, {"fullscreen"}),
        (3, {"fullscreen"}),
        (4, {"presentation"}),
        (5, set()),
        (6, {"do-not-disturb"}),
        (7, {"fullscreen"}),
    ],
)
def test_shell_notification_state(value: int, busy: set[str]) -> None:
    readings = QunsReader(lambda: value).read()
    assert {r.signal for r in readings if r.state == "busy"} == busy
    assert {r.signal for r in readings} == {
        "away",
        "fullscreen",
        "presentation",
        "do-not-disturb",
    }


@given(st.one_of(st.integers(), st.booleans(), st.none(), st.text()))
def test_quns_parser_accepts_only_the_documented_values(value: object) -> None:
    try:
        parse_quns(value)
    except ParseError:
        assert not (isinstance(value, int) and not isinstance(value, bool)) or not (
            1 <= value <= 7
        )


def _app(start: int, stop: int) -> dict[str, tuple[str, object]]:
    return {
        "LastUsedTimeStart": ("REG_QWORD", start),
        "LastUsedTimeStop": ("REG_QWORD", stop),
    }


def consent_store(webcam_in_use: bool, microphone_in_use: bool) -> FakeRegistry:
    teams = "C:#Users#ana#AppData#Local#Microsoft#Teams#current#Teams.exe"
    allow: dict[str, tuple[str, object]] = {"Value": ("REG_SZ", "Allow")}
    return FakeRegistry(
        {
            f"{CONSENT_STORE}\\webcam": allow,
            f"{CONSENT_STORE}\\webcam\\Microsoft.WindowsCamera_8wekyb3d8bbwe": _app(
                FILETIME, FILETIME + 10
            ),
            f"{CONSENT_STORE}\\webcam\\NonPackaged": allow,
            f"{CONSENT_STORE}\\webcam\\NonPackaged\\{teams}": _app(
                FILETIME, 0 if webcam_in_use else FILETIME + 5
            ),
            f"{CONSENT_STORE}\\microphone": allow,
            f"{CONSENT_STORE}\\microphone\\MSTeams_8wekyb3d8bbwe": _app(
                FILETIME, 0 if microphone_in_use else FILETIME + 7
            ),
            # Never used: no times at all.
            f"{CONSENT_STORE}\\microphone\\NonPackaged": allow,
        }
    )


@pytest.mark.parametrize(("camera", "microphone"), [(True, False), (False, True)])
def test_consent_store_tells_camera_and_microphone_in_use(
    camera: bool, microphone: bool
) -> None:
    readings = ConsentStoreReader(consent_store(camera, microphone)).read()
    assert busy_states(readings) == {
        "camera": "busy" if camera else "free",
        "microphone": "busy" if microphone else "free",
    }


def test_a_consent_store_that_is_absent_is_unknown_not_free() -> None:
    readings = read_all([ConsentStoreReader(FakeRegistry({}))])
    assert busy_states(readings) == {"camera": "unknown", "microphone": "unknown"}


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["lastusedtimestart", "lastusedtimestop", "value"]),
            st.one_of(
                st.integers(min_value=0, max_value=2**64), st.binary(), st.text()
            ),
        ),
        max_size=5,
    )
)
def test_consent_store_parser_takes_any_values(apps: list[dict[str, object]]) -> None:
    in_use = consent_store_in_use(apps)
    assert in_use == any(
        isinstance(a.get("lastusedtimestart"), int)
        and a.get("lastusedtimestart") != 0
        and a.get("lastusedtimestop") == 0
        and not isinstance(a.get("lastusedtimestop"), bool)
        for a in apps
    )


# --- Linux ----------------------------------------------------------------------------


class FakeRunner:
    """Recorded outputs of the commands the readers run."""

    def __init__(
        self, outputs: dict[tuple[str, ...], tuple[int | None, bytes]]
    ) -> None:
        self.outputs = outputs

    def run(self, argv: Sequence[str], *, timeout: float = 20.0) -> CommandResult:
        key = tuple(argv)
        if key not in self.outputs:
            return CommandResult(argv=list(argv), exit_code=None, error="not-found")
        code, out = self.outputs[key]
        return CommandResult(argv=list(argv), exit_code=code, stdout=out)


def pw_node(media_class: str, state: str) -> dict[str, object]:
    return {
        "id": 71,
        "type": "PipeWire:Interface:Node",
        "version": 3,
        "permissions": ["r", "w", "x", "m"],
        "info": {
            "max-input-ports": 64,
            "state": state,
            "error": None,
            "props": {
                "application.name": "Firefox",
                "media.class": media_class,
                "media.name": "AudioCallbackDriver",
                "node.name": "Firefox",
            },
        },
    }


PW_IDLE = json.dumps(
    [
        {"id": 0, "type": "PipeWire:Interface:Core", "info": {"name": "pipewire-0"}},
        pw_node("Audio/Source", "suspended"),
        pw_node("Stream/Output/Audio", "running"),
        {"id": 80, "type": "PipeWire:Interface:Metadata", "info": None},
    ],
    indent=2,
).encode()


def test_gnome_do_not_disturb_and_idle_inhibitor() -> None:
    runner = FakeRunner(
        {
            GSETTINGS_BANNERS: (0, b"false\n"),
            GNOME_IDLE_INHIBITED: (0, b"(true,)\n"),
            GNOME_SCREENSAVER_ACTIVE: (0, b"(false,)\n"),
            PW_DUMP: (0, PW_IDLE),
        }
    )
    readings = read_all(desktop_readers(runner))
    assert busy_states(readings) == {
        "do-not-disturb": "busy",
        "presentation": "busy",
        "away": "free",
        "microphone": "free",
        "camera": "free",
    }
    locked = FakeRunner({**runner.outputs, GNOME_SCREENSAVER_ACTIVE: (0, b"(true,)\n")})
    assert busy_states(GnomeScreenSaverReader(locked).read()) == {"away": "busy"}


def test_a_call_in_pipewire_is_microphone_and_camera_in_use() -> None:
    dump = json.dumps(
        [
            pw_node("Stream/Input/Audio", "running"),
            pw_node("Stream/Input/Video", "running"),
        ]
    ).encode()
    readings = PipeWireReader(FakeRunner({PW_DUMP: (0, dump)})).read()
    assert busy_states(readings) == {"microphone": "busy", "camera": "busy"}


def test_missing_desktop_tools_are_unknown() -> None:
    runner = FakeRunner({GSETTINGS_BANNERS: (1, b"No such schema\n")})
    readings = read_all(desktop_readers(runner))
    assert set(busy_states(readings).values()) == {"unknown"}
    assert decide(readings, 0, NOW).action == "postpone"


def test_a_process_holding_dev_video_is_a_camera_in_use(tmp_path: Path) -> None:
    for pid, targets in {
        "1200": ["/dev/null", "socket:[4242]"],
        "1300": ["/dev/video0"],
    }.items():
        fd = tmp_path / pid / "fd"
        fd.mkdir(parents=True)
        for number, target in enumerate(targets):
            os.symlink(target, fd / str(number))
    (tmp_path / "self").mkdir()
    assert busy_states(VideoDeviceReader(tmp_path).read()) == {"camera": "busy"}
    os.remove(tmp_path / "1300" / "fd" / "0")
    assert busy_states(VideoDeviceReader(tmp_path).read()) == {"camera": "free"}


@given(st.text(max_size=30))
def test_gsettings_and_gdbus_parsers_raise_parse_error_only(text: str) -> None:
    for parser in (parse_gvariant_bool, parse_gdbus_bool):
        try:
            parser(text)
        except ParseError:
            pass


@given(st.binary(max_size=200))
def test_pw_dump_and_assertions_parsers_raise_parse_error_only(data: bytes) -> None:
    for parser in (parse_pw_dump, parse_dnd_assertions):
        try:
            parser(data)
        except ParseError:
            pass


@given(json_values)
def test_pw_dump_parser_takes_any_json(value: object) -> None:
    try:
        parse_pw_dump(json.dumps(value).encode())
    except ParseError:
        assert not isinstance(value, list) or any(
            not isinstance(v, dict) for v in value
        )


def test_video_device_match_is_exact() -> None:
    assert video_device_open(["/dev/video12"])
    assert not video_device_open(["/dev/video", "/dev/videox", "/dev/video0 (deleted)"])


# --- macOS ----------------------------------------------------------------------------


def assertions(records: list[dict[str, object]]) -> bytes:
    entry: dict[str, object] = {"storeAssertionRecords": records} if records else {}
    return json.dumps({"data": [entry], "header": {"timestamp": 1765000000}}).encode()


FOCUS_ON = [
    {
        "assertionDetails": {
            "assertionDetailsIdentifier": "com.apple.controlcenter.dnd",
            "assertionDetailsModeIdentifier": "com.apple.donotdisturb.mode.default",
            "assertionDetailsReason": "user-action",
        },
        "assertionSource": {"assertionClientIdentifier": "com.apple.controlcenter"},
        "assertionStartDateTimestamp": 786_000_000.0,
    }
]


def test_macos_focus_from_assertions(tmp_path: Path) -> None:
    path = tmp_path / "Assertions.json"
    path.write_bytes(assertions(FOCUS_ON))
    assert busy_states(FocusAssertionsReader(path).read()) == {"do-not-disturb": "busy"}
    path.write_bytes(assertions([]))
    assert busy_states(FocusAssertionsReader(path).read()) == {"do-not-disturb": "free"}


def test_macos_focus_without_full_disk_access_is_unknown(tmp_path: Path) -> None:
    readings = read_all([FocusAssertionsReader(tmp_path / "absent.json")])
    assert busy_states(readings) == {"do-not-disturb": "unknown"}


def test_macos_microphone_from_core_audio() -> None:
    assert busy_states(CoreAudioInputReader(lambda: True).read()) == {
        "microphone": "busy"
    }
    assert busy_states(CoreAudioInputReader(lambda: False).read()) == {
        "microphone": "free"
    }

    def no_core_audio() -> bool:
        raise OSError("dlopen(CoreAudio): image not found")

    readings = read_all([CoreAudioInputReader(no_core_audio)])
    assert busy_states(readings) == {"microphone": "unknown"}
