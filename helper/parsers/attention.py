# SPDX-License-Identifier: MIT
"""Parsers for what the OS says about the user's attention (meetings, DND...).

Each takes the raw output of one signal (see :mod:`helper.probe.attention`)
and returns plain data; arbitrary input raises :class:`ParseError` only.

- Windows ``SHQueryUserNotificationState``: a ``QUERY_USER_NOTIFICATION_STATE``
  value, 1 to 7 [DOC learn.microsoft.com/windows/win32/api/shellapi/
  ne-shellapi-query_user_notification_state].
- Windows ``HKCU\\...\\CapabilityAccessManager\\ConsentStore\\{webcam,microphone}``:
  each application's ``LastUsedTimeStart`` / ``LastUsedTimeStop`` (FILETIME,
  REG_QWORD); ``LastUsedTimeStop`` is 0 while the application uses the device
  [COMMUNITY davidarno.org/using-the-registry-to-monitor-webcam-and-microphone-use;
  windows.dfirhandbook.com CapabilityAccessManager] (not documented by Microsoft).
- ``gsettings get org.gnome.desktop.notifications show-banners``: ``true`` or
  ``false`` (GVariant text), "whether notification banners are visible",
  default true [DOC Ubuntu ADSys policy docs, key
  /org/gnome/desktop/notifications/show-banners]; GNOME Shell's Do Not Disturb
  switch sets it false [COMMUNITY scripts toggling DND through this key].
- ``gdbus call ... org.gnome.SessionManager.IsInhibited 8``: ``(true,)`` or
  ``(false,)``; ``IsInhibited(u) -> b``, flag 8 is idle (1 logout, 2 switch
  user, 4 suspend), what video calls, players and slide shows inhibit [DOC
  gnome-session-inhibit(1); CODE Guldoman/mpv_inhibit_gnome
  src/gnome_session_manager.h].
- ``gdbus call ... org.gnome.ScreenSaver.GetActive``: ``(true,)`` while the
  screen shield is up (``GetActive() -> b``) [CODE gnome-shell
  js/misc/screenSaver.js, GNOME/gnome-break-timer IGnomeScreenSaver.vala].
- ``pw-dump``: a JSON array of PipeWire objects; a node of ``media.class``
  ``Stream/Input/Audio`` (``…/Video``) in state ``running`` is an application
  recording from a microphone (camera) [DOC docs.pipewire.org pw-dump(1);
  CODE PipeWire src/tools/pw-dump.c].
- ``/proc/<pid>/fd/*`` link targets: ``/dev/video<N>`` open by a process is a
  camera in use (V4L2 applications open the device directly) [DOC proc(5)].
- macOS ``~/Library/DoNotDisturb/DB/Assertions.json``: a Focus is on when a
  ``data[].storeAssertionRecords`` list is not empty [COMMUNITY scripts reading
  it, e.g. sketchybar and THEA Focus detection; readable only with Full Disk
  Access on recent macOS] (Apple documents no public file or API for it without
  the Focus Status entitlement).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from helper.parsers import ParseError

# QUERY_USER_NOTIFICATION_STATE values.
QUNS_NOT_PRESENT: Final = 1
QUNS_BUSY: Final = 2
QUNS_RUNNING_D3D_FULL_SCREEN: Final = 3
QUNS_PRESENTATION_MODE: Final = 4
QUNS_ACCEPTS_NOTIFICATIONS: Final = 5
QUNS_QUIET_TIME: Final = 6
QUNS_APP: Final = 7

_VIDEO_DEVICE: Final = re.compile(r"/dev/video[0-9]+")


class NotificationState(NamedTuple):
    """What ``SHQueryUserNotificationState`` says, per signal (True = busy).

    Attributes:
        away: screen saver, locked, or another user's session in front.
        fullscreen: a full-screen application (``QUNS_BUSY``, Direct3D, a
            Windows Store app).
        presentation: presentation settings on.
        quiet_time: the first hour after a user's first sign-in.
    """

    away: bool
    fullscreen: bool
    presentation: bool
    quiet_time: bool


def parse_quns(value: object) -> NotificationState:
    """A ``QUERY_USER_NOTIFICATION_STATE`` value → per-signal states.

    Raises:
        ParseError: not one of the documented values 1 to 7.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(f"not an integer: {type(value).__name__}")
    if not QUNS_NOT_PRESENT <= value <= QUNS_APP:
        raise ParseError(f"unknown QUERY_USER_NOTIFICATION_STATE {value}")
    return NotificationState(
        away=value == QUNS_NOT_PRESENT,
        # QUNS_BUSY: "a full-screen application is running or Presentation
        # Settings are applied"; QUNS_APP: an immersive (full-screen) app.
        fullscreen=value in (QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_APP),
        presentation=value == QUNS_PRESENTATION_MODE,
        quiet_time=value == QUNS_QUIET_TIME,
    )


def consent_store_in_use(apps: Iterable[Mapping[str, object]]) -> bool:
    """Whether an application uses the device now, from each application's
    ConsentStore values (lower-cased names → data).

    An entry with ``LastUsedTimeStart`` set and ``LastUsedTimeStop`` 0 is in
    use. Entries without both values as integers (never used, or written by
    another tool) are skipped.
    """
    for values in apps:
        start = values.get("lastusedtimestart")
        stop = values.get("lastusedtimestop")
        if not _is_int(start) or not _is_int(stop):
            continue
        if start != 0 and stop == 0:
            return True
    return False


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _boolean(text: str, true: str, false: str, what: str) -> bool:
    word = text.strip()
    if word in (true, false):
        return word == true
    raise ParseError(f"not {what}: {word[:40]!r}")


def parse_gvariant_bool(text: str) -> bool:
    """``gsettings get`` of a boolean key: ``true`` / ``false``.

    Raises:
        ParseError: anything else (key missing, schema not installed...).
    """
    return _boolean(text, "true", "false", "a GVariant boolean")


def parse_gdbus_bool(text: str) -> bool:
    """The reply of a ``gdbus call`` returning one boolean: ``(true,)``.

    Raises:
        ParseError: anything else (an error message, another type).
    """
    return _boolean(text, "(true,)", "(false,)", "a gdbus boolean reply")


class PipeWireCapture(NamedTuple):
    """Whether some application records now, per device kind."""

    microphone: bool
    camera: bool


def parse_pw_dump(data: bytes) -> PipeWireCapture:
    """``pw-dump`` JSON → which kinds of capture streams are running.

    Raises:
        ParseError: not JSON, or not an array of objects.
    """
    try:
        objects = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {exc}") from None
    if not isinstance(objects, list):
        raise ParseError("expected a JSON array of PipeWire objects")
    microphone = camera = False
    for item in objects:
        if not isinstance(item, dict):
            raise ParseError("expected a JSON array of PipeWire objects")
        if item.get("type") != "PipeWire:Interface:Node":
            continue
        info = item.get("info")
        if not isinstance(info, dict) or info.get("state") != "running":
            continue
        props = info.get("props")
        media_class = props.get("media.class") if isinstance(props, dict) else None
        if media_class == "Stream/Input/Audio":
            microphone = True
        elif media_class == "Stream/Input/Video":
            camera = True
    return PipeWireCapture(microphone=microphone, camera=camera)


def video_device_open(link_targets: Iterable[str]) -> bool:
    """Whether one of the ``/proc/<pid>/fd/*`` link targets is a camera
    (``/dev/video<N>``)."""
    return any(_VIDEO_DEVICE.fullmatch(target) for target in link_targets)


def parse_dnd_assertions(data: bytes) -> bool:
    """macOS ``Assertions.json`` → whether a Focus (Do Not Disturb) is on.

    Raises:
        ParseError: not JSON, or without the ``data`` list.
    """
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {exc}") from None
    entries = doc.get("data") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise ParseError("expected an object with a 'data' list")
    return any(
        isinstance(entry, dict)
        and isinstance(entry.get("storeAssertionRecords"), list)
        and bool(entry["storeAssertionRecords"])
        for entry in entries
    )
