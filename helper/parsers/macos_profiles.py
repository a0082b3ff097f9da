# SPDX-License-Identifier: MIT
"""Text output of macOS ``profiles status -type enrollment`` and ``profiles show``.

``profiles status -type enrollment`` prints one ``Label: value`` line per fact
(shared/reference/signatures.md §3.1)::

    Enrolled via DEP: No
    MDM enrollment: Yes (User Approved)
    MDM server: https://acme.jamfcloud.com/computer/mdm

Every label is printed whatever the state, so the answer decides, never the mere
presence of a label. ``MDM server`` only appears when enrolled.

``profiles show -type enrollment`` prints the Apple ADE (DEP) cloud
configuration assigned to the device: a ``Device Enrollment configuration:``
line followed by ``(null)`` or an old-style (NeXTSTEP) dictionary::

    Device Enrollment configuration:
    {
        AllowPairing = 1;
        ConfigurationURL = "https://acme.jamfcloud.com/cloudenroll";
        IsSupervised = 1;
        OrganizationName = "Acme Corp";
    }
"""

from __future__ import annotations

import re
from typing import TypeAlias

import msgspec

from helper.catalogue import url_host
from helper.parsers import ParseError, decode_text

# Lenient on case and spacing; "ADE" is accepted in case a later macOS renames
# the DEP line (the rename is an assumption, the lenience costs nothing).
_DEP_LABEL = re.compile(r"^enrolled\s+via\s+(?:dep|ade)$")
_MDM_LABEL = re.compile(r"^mdm\s+enrol+ment$")
_SERVER_LABEL = re.compile(r"^mdm\s+server$")


class EnrollmentStatus(msgspec.Struct, frozen=True):
    """What ``profiles status -type enrollment`` says.

    Attributes:
        dep_enrolled: ``Enrolled via DEP``; None when the line is missing or
            its answer is not Yes/No.
        mdm_enrolled: ``MDM enrollment``; None when missing or unreadable.
        user_approved: True for ``Yes (User Approved)``, False for a bare
            ``Yes``, None when not enrolled or unknown.
        server_url: ``MDM server``, when printed.
        mdm_answer: the ``MDM enrollment`` answer as printed (for evidence).
    """

    dep_enrolled: bool | None = None
    mdm_enrolled: bool | None = None
    user_approved: bool | None = None
    server_url: str | None = None
    mdm_answer: str = ""

    @property
    def server_host(self) -> str | None:
        return url_host(self.server_url) if self.server_url else None


def _yes_no(answer: str) -> bool | None:
    word = answer.strip().lower()
    if word.startswith("yes"):
        return True
    if word.startswith("no"):
        return False
    return None


def parse_enrollment_status(data: bytes) -> EnrollmentStatus:
    """Parse ``profiles status -type enrollment``.

    Unknown lines are ignored; a missing line leaves its field None (a truncated
    output keeps what it has).

    Raises:
        ParseError: empty, binary, or not one known line in it.
    """
    text = decode_text(data)
    dep: bool | None = None
    mdm: bool | None = None
    approved: bool | None = None
    server: str | None = None
    mdm_answer = ""
    known = False
    for raw in text.splitlines():
        label, sep, answer = raw.partition(":")
        if not sep:
            continue
        key = " ".join(label.split()).lower()
        answer = answer.strip()
        if _DEP_LABEL.match(key):
            known = True
            dep = _yes_no(answer)
        elif _MDM_LABEL.match(key):
            known = True
            mdm = _yes_no(answer)
            mdm_answer = answer
            if mdm:
                approved = "user approved" in answer.lower()
        elif _SERVER_LABEL.match(key):
            known = True
            # The URL holds colons of its own: only the first one is the separator.
            server = answer or None
    if not known:
        raise ParseError("not `profiles status -type enrollment` output")
    return EnrollmentStatus(dep, mdm, approved, server, mdm_answer)


# --- profiles show -type enrollment --------------------------------------------

NsValue: TypeAlias = "str | dict[str, NsValue] | list[NsValue]"

# Deeper nesting than this is skipped, not parsed: the real configuration is two
# levels deep, and recursion must stay bounded whatever the input.
_MAX_DEPTH = 32
_MARKER = re.compile(r"device\s+enrol+ment\s+configuration\s*:", re.IGNORECASE)
_PUNCT = frozenset("{}()=;,")
_BARE_STOP = frozenset('{}()=;,"<') | frozenset(" \t\r\n\f\v")


class AdeConfiguration(msgspec.Struct, frozen=True):
    """The ADE (DEP) configuration ``profiles show -type enrollment`` prints.

    Attributes:
        assigned: True when a configuration is assigned, False for ``(null)``,
            None when the output does not say (truncated, empty dictionary).
        configuration_url: ``ConfigurationURL`` (the MDM server's enrollment URL).
        configuration_web_url: ``ConfigurationWebURL``.
        organization: ``OrganizationName``.
        is_supervised, is_mandatory, is_mdm_unremovable, await_device_configured,
            allow_pairing: the flags of the same names, None when absent.
        values: every top-level scalar key as printed.
    """

    assigned: bool | None
    configuration_url: str | None = None
    configuration_web_url: str | None = None
    organization: str | None = None
    is_supervised: bool | None = None
    is_mandatory: bool | None = None
    is_mdm_unremovable: bool | None = None
    await_device_configured: bool | None = None
    allow_pairing: bool | None = None
    values: dict[str, str] = {}

    @property
    def host(self) -> str | None:
        """The host of the configuration URL (else of the web URL)."""
        for url in (self.configuration_url, self.configuration_web_url):
            if url:
                host = url_host(url)
                if host:
                    return host
        return None


def _tokenize(text: str) -> list[tuple[str, str]]:
    """Split NeXTSTEP plist text into (kind, text) tokens; never fails.

    Kinds: ``p`` punctuation, ``s`` string (quoted, bare or ``<hex>``).
    An unterminated quote or ``<`` runs to the end (truncated output).
    """
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in _PUNCT:
            tokens.append(("p", ch))
            i += 1
        elif ch == '"':
            out: list[str] = []
            i += 1
            while i < n and text[i] != '"':
                if text[i] == "\\" and i + 1 < n:
                    nxt = text[i + 1]
                    out.append({"n": "\n", "t": "\t", "r": "\r"}.get(nxt, nxt))
                    i += 2
                else:
                    out.append(text[i])
                    i += 1
            tokens.append(("s", "".join(out)))
            i += 1  # the closing quote (or past the end)
        elif ch == "<":
            end = text.find(">", i)
            end = n if end < 0 else end + 1
            tokens.append(("s", text[i:end]))
            i = end
        else:
            start = i
            while i < n and text[i] not in _BARE_STOP:
                i += 1
            tokens.append(("s", text[start:i]))
    return tokens


class _NsParser:
    """A lenient recursive-descent reader of NeXTSTEP plist tokens.

    Unexpected tokens are skipped; the end of input closes every open container,
    so truncated output yields what was printed.
    """

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _skip_group(self) -> None:
        # Iterative, so that nesting beyond _MAX_DEPTH cannot recurse.
        depth = 0
        while self.pos < len(self.tokens):
            kind, tok = self.tokens[self.pos]
            self.pos += 1
            if kind == "p" and tok in "{(":
                depth += 1
            elif kind == "p" and tok in "})":
                depth -= 1
                if depth <= 0:
                    return

    def value(self, depth: int) -> NsValue:
        tok = self._peek()
        if tok is None:
            return ""
        kind, text = tok
        if kind == "p" and text in "{(":
            if depth >= _MAX_DEPTH:
                self._skip_group()
                return ""
            self.pos += 1
            return self._dict(depth + 1) if text == "{" else self._list(depth + 1)
        if kind == "s":
            self.pos += 1
            return text
        return ""

    def _dict(self, depth: int) -> dict[str, NsValue]:
        result: dict[str, NsValue] = {}
        while (tok := self._peek()) is not None:
            kind, text = tok
            if kind == "p" and text == "}":
                self.pos += 1
                break
            if kind == "p" and text in ")":
                # A stray closer: the caller's container ends here.
                break
            if kind != "s":
                self.pos += 1
                continue
            self.pos += 1
            nxt = self._peek()
            if nxt != ("p", "="):
                continue
            self.pos += 1
            result[text] = self.value(depth)
            if self._peek() == ("p", ";"):
                self.pos += 1
        return result

    def _list(self, depth: int) -> list[NsValue]:
        result: list[NsValue] = []
        while (tok := self._peek()) is not None:
            kind, text = tok
            if kind == "p" and text == ")":
                self.pos += 1
                break
            if kind == "p" and text == "}":
                break
            if kind == "p" and text in ",;=":
                self.pos += 1
                continue
            result.append(self.value(depth))
        return result


def parse_nextstep(text: str) -> NsValue:
    """Parse one old-style (NeXTSTEP) plist value, leniently.

    Never raises: malformed input gives a best-effort (possibly empty) value.
    """
    return _NsParser(_tokenize(text)).value(0)


def _flag(values: dict[str, NsValue], key: str) -> bool | None:
    value = values.get(key)
    if not isinstance(value, str):
        return None
    word = value.strip().lower()
    if word in ("1", "yes", "true"):
        return True
    if word in ("0", "no", "false"):
        return False
    return None


def _text(values: dict[str, NsValue], key: str) -> str | None:
    value = values.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_ade_configuration(data: bytes) -> AdeConfiguration:
    """Parse ``profiles show -type enrollment``.

    Raises:
        ParseError: empty, binary, or neither the configuration line, ``(null)``
            nor a dictionary in it.
    """
    text = decode_text(data)
    marker = _MARKER.search(text)
    rest = text[marker.end() :] if marker else text
    body = rest.lstrip()
    if body.lower().startswith("(null)"):
        return AdeConfiguration(assigned=False)
    brace = body.find("{")
    # Only a dictionary that starts the body (or follows the marker) counts;
    # without the marker, the text must at least begin like a dictionary.
    if brace < 0 or (marker is None and brace != 0):
        if marker is not None:
            # The marker line alone: truncated right after it.
            return AdeConfiguration(assigned=None)
        raise ParseError("not `profiles show -type enrollment` output")
    parsed = parse_nextstep(body[brace:])
    if not isinstance(parsed, dict) or not parsed:
        return AdeConfiguration(assigned=None)
    return AdeConfiguration(
        assigned=True,
        configuration_url=_text(parsed, "ConfigurationURL"),
        configuration_web_url=_text(parsed, "ConfigurationWebURL"),
        organization=_text(parsed, "OrganizationName"),
        is_supervised=_flag(parsed, "IsSupervised"),
        is_mandatory=_flag(parsed, "IsMandatory"),
        is_mdm_unremovable=_flag(parsed, "IsMDMUnremovable"),
        await_device_configured=_flag(parsed, "AwaitDeviceConfigured"),
        allow_pairing=_flag(parsed, "AllowPairing"),
        values={k: v for k, v in parsed.items() if isinstance(v, str)},
    )
