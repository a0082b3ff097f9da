# SPDX-License-Identifier: MIT
"""Reading the OS signals that say "not now" (camera, microphone, full screen,
presentation, Do Not Disturb), one small reader per signal source.

Every reader has ``signals`` (what it can tell) and ``read() -> list[Reading]``.
A reader that cannot read (command missing, no session bus, file not readable)
raises; :func:`read_all` turns that into ``unknown`` for its signals, so a
broken reader never blocks a reminder (see :mod:`helper.journey.attention`).
The formats and their sources are in :mod:`helper.parsers.attention`. Tests use
fakes of the runner, the registry and the file system with those formats; the
ctypes call of :class:`QunsReader` runs on Windows only.

Signals read per OS:

=======  ==================================================================
Windows  ``SHQueryUserNotificationState`` (away, full screen, presentation,
         quiet time); the ConsentStore of webcam and microphone
macOS    ``~/Library/DoNotDisturb/DB/Assertions.json`` (Focus; unknown without
         Full Disk Access); CoreAudio's default input device running in any
         process (microphone). Camera and full screen: not read
Linux    GNOME ``show-banners`` (Do Not Disturb); GNOME session idle
         inhibitor (presentation, video calls); GNOME screen shield (away);
         ``pw-dump`` (microphone and camera streams); ``/dev/video*`` open
         by a process (camera)
=======  ==================================================================
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

from helper.journey.attention import Reading, Signal
from helper.parsers import ParseError, decode_text
from helper.parsers.attention import (
    consent_store_in_use,
    parse_dnd_assertions,
    parse_gdbus_bool,
    parse_gvariant_bool,
    parse_pw_dump,
    parse_quns,
    video_device_open,
)

if TYPE_CHECKING:
    from helper.probe.registry import RegistryReader
    from helper.probe.runner import CommandRunner

log = logging.getLogger(__name__)

CONSENT_STORE: Final = (
    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\"
    "CapabilityAccessManager\\ConsentStore"
)
GSETTINGS_BANNERS: Final = (
    "gsettings",
    "get",
    "org.gnome.desktop.notifications",
    "show-banners",
)
# org.gnome.SessionManager.IsInhibited(flags): 8 = idle.
GNOME_IDLE_INHIBITED: Final = (
    "gdbus",
    "call",
    "--session",
    "--dest",
    "org.gnome.SessionManager",
    "--object-path",
    "/org/gnome/SessionManager",
    "--method",
    "org.gnome.SessionManager.IsInhibited",
    "8",
)
# org.gnome.ScreenSaver.GetActive() -> b: the screen is locked / blanked.
GNOME_SCREENSAVER_ACTIVE: Final = (
    "gdbus",
    "call",
    "--session",
    "--dest",
    "org.gnome.ScreenSaver",
    "--object-path",
    "/org/gnome/ScreenSaver",
    "--method",
    "org.gnome.ScreenSaver.GetActive",
)
PW_DUMP: Final = ("pw-dump", "--no-colors")
# Each command is quick; a hung session bus must not hold the reminder.
COMMAND_TIMEOUT: Final = 3.0


class SignalUnreadable(Exception):
    """A reader could not read its signal (the reading becomes ``unknown``)."""


class AttentionReader(Protocol):
    """One source of signals."""

    signals: tuple[Signal, ...]
    source: str

    def read(self) -> list[Reading]:
        """The readings now. Raises on failure (see :func:`read_all`)."""
        ...


def _readings(source: str, states: Iterable[tuple[Signal, bool]]) -> list[Reading]:
    return [
        Reading(signal, "busy" if busy else "free", source) for signal, busy in states
    ]


def _output(runner: CommandRunner, argv: Sequence[str]) -> str:
    result = runner.run(argv, timeout=COMMAND_TIMEOUT)
    if result.exit_code != 0:
        raise SignalUnreadable(
            f"{argv[0]}: {result.error or f'exit code {result.exit_code}'}"
        )
    try:
        return decode_text(result.stdout)
    except ParseError as exc:
        raise SignalUnreadable(f"{argv[0]}: {exc}") from None


# --- Windows --------------------------------------------------------------------------


def _shell_notification_state() -> int:  # pragma: no cover - needs Windows
    import ctypes

    state = ctypes.c_int(0)
    shell32: Any = ctypes.windll.shell32  # type: ignore[attr-defined,unused-ignore]
    result = shell32.SHQueryUserNotificationState(ctypes.byref(state))
    if result != 0:
        raise SignalUnreadable(f"SHQueryUserNotificationState: HRESULT {result:#x}")
    return int(state.value)


class QunsReader:
    """``SHQueryUserNotificationState``.

    Args:
        query: returns the state value (the shell32 call by default).
    """

    signals: tuple[Signal, ...] = (
        "away",
        "fullscreen",
        "presentation",
        "do-not-disturb",
    )
    source = "quns"

    def __init__(self, query: Callable[[], int] | None = None) -> None:
        self._query = query or _shell_notification_state

    def read(self) -> list[Reading]:
        state = parse_quns(self._query())
        return _readings(
            self.source,
            (
                ("away", state.away),
                ("fullscreen", state.fullscreen),
                ("presentation", state.presentation),
                # Only the quiet time after a first sign-in: Windows documents
                # no API for Focus assist / Do not disturb, so "free" here
                # means only "not in quiet time".
                ("do-not-disturb", state.quiet_time),
            ),
        )


class ConsentStoreReader:
    """Camera and microphone in use, from the user's ConsentStore.

    Packaged applications are subkeys of ``webcam`` / ``microphone``; desktop
    applications are subkeys of their ``NonPackaged`` subkey.

    Args:
        registry: registry access (``WinRegReader`` or a fake).
    """

    signals: tuple[Signal, ...] = ("camera", "microphone")
    source = "consent-store"

    def __init__(self, registry: RegistryReader) -> None:
        self._registry = registry

    def _apps(self, capability: str) -> list[dict[str, object]]:
        root = f"{CONSENT_STORE}\\{capability}"
        if self._registry.values(root) is None:
            raise SignalUnreadable(f"{root}: absent")
        apps: list[dict[str, object]] = []
        for parent in (root, f"{root}\\NonPackaged"):
            for name in self._registry.subkeys(parent):
                if parent == root and name.lower() == "nonpackaged":
                    continue
                values = self._registry.values(f"{parent}\\{name}") or {}
                apps.append({k: v.data for k, v in values.items()})
        return apps

    def read(self) -> list[Reading]:
        return _readings(
            self.source,
            (
                ("camera", consent_store_in_use(self._apps("webcam"))),
                ("microphone", consent_store_in_use(self._apps("microphone"))),
            ),
        )


# --- Linux ----------------------------------------------------------------------------


class GnomeBannersReader:
    """GNOME's Do Not Disturb: ``show-banners`` false."""

    signals: tuple[Signal, ...] = ("do-not-disturb",)
    source = "gnome-show-banners"

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    def read(self) -> list[Reading]:
        shown = parse_gvariant_bool(_output(self._runner, GSETTINGS_BANNERS))
        return _readings(self.source, (("do-not-disturb", not shown),))


class GnomeIdleInhibitReader:
    """An application keeps the GNOME session from going idle (a video call,
    a player or a slide show in front of the user)."""

    signals: tuple[Signal, ...] = ("presentation",)
    source = "gnome-idle-inhibitor"

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    def read(self) -> list[Reading]:
        inhibited = parse_gdbus_bool(_output(self._runner, GNOME_IDLE_INHIBITED))
        return _readings(self.source, (("presentation", inhibited),))


class GnomeScreenSaverReader:
    """The GNOME screen shield is up (locked or blanked): nobody to remind."""

    signals: tuple[Signal, ...] = ("away",)
    source = "gnome-screensaver"

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    def read(self) -> list[Reading]:
        active = parse_gdbus_bool(_output(self._runner, GNOME_SCREENSAVER_ACTIVE))
        return _readings(self.source, (("away", active),))


class PipeWireReader:
    """Microphone and camera streams running in PipeWire."""

    signals: tuple[Signal, ...] = ("microphone", "camera")
    source = "pw-dump"

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    def read(self) -> list[Reading]:
        result = self._runner.run(PW_DUMP, timeout=COMMAND_TIMEOUT)
        if result.exit_code != 0:
            raise SignalUnreadable(f"pw-dump: {result.error or result.exit_code}")
        capture = parse_pw_dump(result.stdout)
        return _readings(
            self.source,
            (("microphone", capture.microphone), ("camera", capture.camera)),
        )


class VideoDeviceReader:
    """A ``/dev/video*`` device open by one of the user's processes.

    Other users' processes cannot be read (``/proc/<pid>/fd`` is private):
    they are skipped, as a call always runs in the user's own session.

    Args:
        proc: the proc file system's root.
    """

    signals: tuple[Signal, ...] = ("camera",)
    source = "dev-video"

    def __init__(self, proc: Path = Path("/proc")) -> None:
        self._proc = proc

    def _targets(self) -> list[str]:
        targets: list[str] = []
        with os.scandir(self._proc) as processes:
            for entry in processes:
                if not entry.name.isdigit():
                    continue
                try:
                    fds = os.scandir(os.path.join(entry.path, "fd"))
                except OSError:
                    continue  # another user's process, or gone
                with fds:
                    for fd in fds:
                        try:
                            targets.append(os.readlink(fd.path))
                        except OSError:
                            continue
        return targets

    def read(self) -> list[Reading]:
        return _readings(self.source, (("camera", video_device_open(self._targets())),))


# --- macOS ----------------------------------------------------------------------------


# CoreAudio property selectors and scopes (four-char codes) [DOC
# developer.apple.com CoreAudio AudioHardware.h; values as docs.rs
# objc2-core-audio lists them].
_SYSTEM_OBJECT: Final = 1  # kAudioObjectSystemObject
_DEFAULT_INPUT_DEVICE: Final = (
    0x64496E20  # kAudioHardwarePropertyDefaultInputDevice 'dIn '
)
_RUNNING_SOMEWHERE: Final = (
    0x676F6E65  # kAudioDevicePropertyDeviceIsRunningSomewhere 'gone'
)
_SCOPE_GLOBAL: Final = 0x676C6F62  # kAudioObjectPropertyScopeGlobal 'glob'
_ELEMENT_MAIN: Final = 0  # kAudioObjectPropertyElementMain


def _core_audio_input_running() -> bool:  # pragma: no cover - needs macOS
    """Whether any process on the system runs the default input device."""
    import ctypes

    core_audio = ctypes.cdll.LoadLibrary(
        "/System/Library/Frameworks/CoreAudio.framework/CoreAudio"
    )

    class Address(ctypes.Structure):
        _fields_ = (
            ("selector", ctypes.c_uint32),
            ("scope", ctypes.c_uint32),
            ("element", ctypes.c_uint32),
        )

    def read_u32(obj: int, selector: int) -> int:
        address = Address(selector, _SCOPE_GLOBAL, _ELEMENT_MAIN)
        value = ctypes.c_uint32(0)
        size = ctypes.c_uint32(ctypes.sizeof(value))
        status = core_audio.AudioObjectGetPropertyData(
            ctypes.c_uint32(obj),
            ctypes.byref(address),
            ctypes.c_uint32(0),
            None,
            ctypes.byref(size),
            ctypes.byref(value),
        )
        if status != 0:
            raise SignalUnreadable(f"AudioObjectGetPropertyData: status {status}")
        return int(value.value)

    device = read_u32(_SYSTEM_OBJECT, _DEFAULT_INPUT_DEVICE)
    if device == 0:
        return False  # no input device: nothing can record
    return read_u32(device, _RUNNING_SOMEWHERE) != 0


class CoreAudioInputReader:
    """macOS microphone in use: the default input device "is running
    somewhere" (in any process), a public CoreAudio property.

    Args:
        query: whether it runs (the CoreAudio call by default).
    """

    signals: tuple[Signal, ...] = ("microphone",)
    source = "core-audio"

    def __init__(self, query: Callable[[], bool] | None = None) -> None:
        self._query = query or _core_audio_input_running

    def read(self) -> list[Reading]:
        return _readings(self.source, (("microphone", self._query()),))


def assertions_path(home: Path | None = None) -> Path:
    base = home or Path(os.environ.get("HOME") or Path.home())
    return base / "Library" / "DoNotDisturb" / "DB" / "Assertions.json"


class FocusAssertionsReader:
    """macOS Focus, from ``Assertions.json`` (needs Full Disk Access: without
    it the read fails and the signal is unknown)."""

    signals: tuple[Signal, ...] = ("do-not-disturb",)
    source = "focus-assertions"

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    def read(self) -> list[Reading]:
        data = (self._path or assertions_path()).read_bytes()
        return _readings(self.source, (("do-not-disturb", parse_dnd_assertions(data)),))


# --- all of them ----------------------------------------------------------------------


def readers_for(
    platform: str | None = None,
    *,
    runner: CommandRunner | None = None,
    registry: RegistryReader | None = None,
) -> list[AttentionReader]:
    """The readers of an OS (``sys.platform`` by default)."""
    name = platform or sys.platform
    if name == "win32":
        if registry is None:  # pragma: no cover - needs Windows
            from helper.probe.registry import WinRegReader

            registry = WinRegReader()
        return [QunsReader(), ConsentStoreReader(registry)]
    if name == "darwin":
        return [FocusAssertionsReader(), CoreAudioInputReader()]
    if runner is None:
        from helper.probe.runner import SubprocessRunner

        runner = SubprocessRunner()
    return [*desktop_readers(runner), VideoDeviceReader()]


def desktop_readers(runner: CommandRunner) -> list[AttentionReader]:
    """The Linux readers that ask the desktop session (through commands)."""
    return [
        GnomeBannersReader(runner),
        GnomeIdleInhibitReader(runner),
        GnomeScreenSaverReader(runner),
        PipeWireReader(runner),
    ]


def read_all(readers: Iterable[AttentionReader]) -> list[Reading]:
    """Every reader's readings; a reader that fails gives ``unknown`` for its
    signals (logged at debug level: an absent desktop service is common)."""
    readings: list[Reading] = []
    for reader in readers:
        try:
            readings.extend(reader.read())
        except (OSError, ParseError, SignalUnreadable) as exc:
            log.debug("attention signal %s unreadable: %s", reader.source, exc)
            readings.extend(
                Reading(s, "unknown", reader.source) for s in reader.signals
            )
    return readings
