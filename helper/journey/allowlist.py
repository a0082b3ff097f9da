# SPDX-License-Identifier: MIT
"""What the helper may launch: URIs and commands (resources/allowlist.toml).

Every ``open`` URI and ``run`` command of a playbook must match an entry here,
checked twice: when playbooks load (a playbook naming anything else is invalid)
and again right before launching (:mod:`helper.journey.launch`), so a plan
edited or built by hand cannot launch anything else.

Placeholders stand for values that vary per device or tenant. They are whole
argv elements (``{ws1_hub_product_code}``) or whole query values
(``username={upn}``), never parts of a word, and each has a validator: a value
that fails it is refused, so nothing a device reports can smuggle an option,
a quote or a shell metacharacter into what runs.

``allowlist.toml``::

    schema = "allowlist/1"

    [[uris]]
    uri = "ms-settings:workplace"            # exact match
    [[uris]]
    uri = "ms-device-enrollment:?mode=mdm"   # this, then only these parameters
    match = "query"
    params = { username = "upn", servername = "discovery_url" }

    [[commands]]
    argv = ["/usr/local/jamf/bin/jamf", "removeMdmProfile"]
    platform = "macos"
    elevate = true

IT can add entries (never remove built-in ones) with
``<catalogue extra_dir>/playbooks/allowlist.toml``, within limits (a signed,
trusted helper must not become a launcher for whatever a file says): an added
command never runs elevated, names its program by absolute path, and is never
a shell, an interpreter or a launcher of other programs; an added URI is
``https:`` or one of a few app schemes, never ``file:`` or another scheme that
opens local files. The configuration takes ``catalogue.extra_dir`` only from
the managed policy or the bundled file (:mod:`helper.config.loader`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import msgspec

from helper.errors import HelperError

SCHEMA: Final = "allowlist/1"

DesktopOs = Literal["windows", "macos", "linux"]
RefusalCode = Literal[
    "not-allowlisted", "not-confirmed", "placeholder-invalid", "not-launchable"
]


class LaunchRefused(HelperError):
    """A URI or command the safety rules refuse.

    ``code`` is one of ``not-allowlisted``, ``not-confirmed``,
    ``placeholder-invalid``, ``not-launchable``; ``message`` says what and why.
    """


class PlaceholderMissing(HelperError):
    """A required placeholder has no value (the step cannot be built)."""

    def __init__(self, name: str) -> None:
        super().__init__("placeholder-missing", f"no value for {{{name}}}")
        self.name = name


class AllowlistError(HelperError):
    """An invalid allowlist file; the message names the file and the key."""


# --- placeholders -----------------------------------------------------------------

_BRACED_GUID = re.compile(
    r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}",
    re.ASCII,
)
# Deliberately narrower than what Entra accepts (no apostrophe, no non-ASCII): a
# UPN outside it is simply left out of the enrollment link, and the user types it.
_UPN = re.compile(
    r"[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+", re.ASCII
)
# What a URL may hold once percent-encoded as a query value.
_ENCODED_VALUE = re.compile(r"[A-Za-z0-9._~%-]*", re.ASCII)
_URL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&()*+,;=%"
)
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def is_braced_guid(value: str) -> bool:
    """``{8-4-4-4-12 hex}``, exactly (an MSI ProductCode)."""
    return _BRACED_GUID.fullmatch(value) is not None


def is_upn(value: str) -> bool:
    """A plain ``user@domain.tld`` sign-in name."""
    return len(value) <= 256 and _UPN.fullmatch(value) is not None


def is_https_url(value: str) -> bool:
    """An https URL with a host, no credentials, only URL characters."""
    if not value or len(value) > 2048 or any(c not in _URL_CHARS for c in value):
        return False
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme == "https" and bool(host) and parts.username is None


@dataclass(frozen=True)
class Placeholder:
    """A value a playbook template leaves open.

    Attributes:
        name: as written in templates, without braces.
        check: the validator; False refuses the value.
        sample: a valid value, used to check templates against the allowlist.
        optional: in a URI query, a missing value drops the whole ``key=value``.
        expected: what a valid value looks like, for messages.
    """

    name: str
    check: Callable[[str], bool]
    sample: str
    optional: bool
    expected: str


PLACEHOLDERS: dict[str, Placeholder] = {
    p.name: p
    for p in (
        Placeholder(
            "ws1_hub_product_code",
            is_braced_guid,
            "{00000000-0000-0000-0000-000000000000}",
            False,
            "an MSI ProductCode like {00000000-0000-0000-0000-000000000000}",
        ),
        Placeholder(
            "upn",
            is_upn,
            "user@contoso.com",
            True,
            "a sign-in name like user@contoso.com",
        ),
        Placeholder(
            "discovery_url",
            is_https_url,
            "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
            False,
            "an https:// URL",
        ),
    )
}


def placeholders_in(text: str) -> list[str]:
    """The ``{name}`` placeholders a template or text mentions, in order."""
    return _PLACEHOLDER.findall(text)


def whole_placeholder(element: str) -> str | None:
    """The placeholder name when ``element`` is exactly ``{name}``, else None."""
    match = _PLACEHOLDER.fullmatch(element)
    return match.group(1) if match else None


def _safe_text(value: str) -> bool:
    """Printable ASCII without spaces: what a launched URI may contain."""
    return bool(value) and value.isascii() and all(0x20 < ord(c) < 0x7F for c in value)


def _show(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 100 else text[:97] + "..."


def _check_value(name: str, value: str) -> None:
    placeholder = PLACEHOLDERS[name]
    if not placeholder.check(value):
        raise LaunchRefused(
            "placeholder-invalid",
            f"{{{name}}}: expected {placeholder.expected}, got {_show(value)}",
        )


# --- rendering templates ----------------------------------------------------------


def render_command(
    template: Sequence[str], values: Mapping[str, str | None]
) -> list[str]:
    """Fill a command template's placeholders (whole elements only).

    Raises:
        PlaceholderMissing: a placeholder has no value.
        LaunchRefused: a value fails its validator (``placeholder-invalid``).
    """
    argv: list[str] = []
    for element in template:
        name = whole_placeholder(element)
        if name is None:
            argv.append(element)
            continue
        value = values.get(name)
        if not value:
            raise PlaceholderMissing(name)
        _check_value(name, value)
        argv.append(value)
    return argv


def render_uri(template: str, values: Mapping[str, str | None]) -> str:
    """Fill a URI template: placeholders are whole query values, percent-encoded.

    An optional placeholder without a value drops its ``key=value`` pair (the
    enrollment link without ``username=`` lets the user type it).

    Raises:
        PlaceholderMissing: a required placeholder has no value.
        LaunchRefused: a value fails its validator (``placeholder-invalid``).
    """
    from urllib.parse import quote

    base, question, query = template.partition("?")
    if not question:
        return template
    pairs: list[str] = []
    for pair in query.split("&"):
        key, _, raw = pair.partition("=")
        name = whole_placeholder(raw)
        if name is None:
            pairs.append(pair)
            continue
        value = values.get(name)
        if not value:
            if PLACEHOLDERS[name].optional:
                continue
            raise PlaceholderMissing(name)
        _check_value(name, value)
        pairs.append(f"{key}={quote(value, safe='')}")
    return base + "?" + "&".join(pairs)


# --- the allowlist ----------------------------------------------------------------


class UriRule(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One allowed URI.

    Attributes:
        uri: the URI (``exact``), or its fixed start (``query``).
        match: ``exact``, or ``query``: ``uri`` then only ``&key=value`` pairs
            whose keys are in ``params``, each at most once.
        params: query key → the placeholder validating its (decoded) value.
        note: where the URI comes from, for reviewers.
    """

    uri: str
    match: Literal["exact", "query"] = "exact"
    params: dict[str, str] = {}
    note: str = ""


class CommandRule(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One allowed command.

    Attributes:
        argv: the argument list; an element may be a whole ``{placeholder}``.
        platform: the OS it may run on.
        elevate: whether it runs elevated; a step must ask for exactly this.
        note: where the command comes from, for reviewers.
    """

    argv: list[str]
    platform: DesktopOs
    elevate: bool = False
    note: str = ""


class AllowlistFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """allowlist.toml."""

    schema: Literal["allowlist/1"] = SCHEMA
    uris: list[UriRule] = []
    commands: list[CommandRule] = []


class Allowlist:
    """The URIs and commands the helper may launch."""

    def __init__(
        self, uris: Sequence[UriRule], commands: Sequence[CommandRule]
    ) -> None:
        self.uris = list(uris)
        self.commands = list(commands)

    # Launch time: concrete values.

    def check_uri(self, uri: str) -> None:
        """Accept an allowlisted URI, or raise.

        Raises:
            LaunchRefused: ``not-allowlisted`` or ``placeholder-invalid``.
        """
        from urllib.parse import unquote

        if not _safe_text(uri):
            raise LaunchRefused(
                "not-allowlisted",
                f"{_show(uri)}: URIs may hold only printable ASCII without spaces",
            )
        for rule in self.uris:
            if rule.match == "exact":
                if uri == rule.uri:
                    return
                continue
            if not uri.startswith(rule.uri):
                continue
            rest = uri[len(rule.uri) :]
            if rest and not rest.startswith("&"):
                continue
            seen: set[str] = set()
            for pair in rest[1:].split("&") if rest else []:
                key, equals, value = pair.partition("=")
                if not equals or key not in rule.params or key in seen:
                    raise LaunchRefused(
                        "not-allowlisted",
                        f"{_show(uri)}: query parameter {_show(key)} is not allowed "
                        f"after {rule.uri} (allowed once each: "
                        f"{', '.join(sorted(rule.params))})",
                    )
                seen.add(key)
                if _ENCODED_VALUE.fullmatch(value) is None:
                    raise LaunchRefused(
                        "placeholder-invalid",
                        f"{_show(uri)}: {key}= must be percent-encoded",
                    )
                _check_value(rule.params[key], unquote(value))
            return
        raise LaunchRefused("not-allowlisted", f"{_show(uri)} is not in the allowlist")

    def check_command(
        self, argv: Sequence[str], *, elevate: bool, platform: str
    ) -> None:
        """Accept an allowlisted command line, or raise.

        Raises:
            LaunchRefused: ``not-allowlisted`` (no rule with these fixed
                elements, this elevation and platform) or ``placeholder-invalid``
                (a rule matches but a variable element fails its validator).
        """
        shown = _show(" ".join(argv))
        candidates = [
            rule
            for rule in self.commands
            if rule.platform == platform
            and rule.elevate == elevate
            and len(rule.argv) == len(argv)
            and all(
                whole_placeholder(t) is not None or t == a
                for t, a in zip(rule.argv, argv, strict=True)
            )
        ]
        if not candidates:
            how = " elevated" if elevate else ""
            raise LaunchRefused(
                "not-allowlisted", f"{shown} is not allowlisted{how} on {platform}"
            )
        problem: LaunchRefused | None = None
        for rule in candidates:
            try:
                for t, a in zip(rule.argv, argv, strict=True):
                    name = whole_placeholder(t)
                    if name is not None:
                        _check_value(name, a)
            except LaunchRefused as exc:
                problem = problem or exc
                continue
            return
        assert problem is not None
        raise problem

    # Load time: templates.

    def allows_command_template(
        self, template: Sequence[str], *, elevate: bool, platform: str
    ) -> bool:
        """True when a rule has exactly this template, elevation and platform."""
        return any(
            rule.argv == list(template)
            and rule.elevate == elevate
            and rule.platform == platform
            for rule in self.commands
        )

    def allows_uri_template(self, template: str) -> bool:
        """True when the template, filled with sample values, is allowlisted."""
        samples = {name: p.sample for name, p in PLACEHOLDERS.items()}
        try:
            self.check_uri(render_uri(template, samples))
            # Optional values left out must be allowed too.
            self.check_uri(
                render_uri(
                    template,
                    {n: v for n, v in samples.items() if not PLACEHOLDERS[n].optional},
                )
            )
        except LaunchRefused:
            return False
        return True

    def merged(self, other: Allowlist) -> Allowlist:
        """This allowlist plus another's entries (IT's additions)."""
        return Allowlist(self.uris + other.uris, self.commands + other.commands)


def _validate(data: AllowlistFile, path: Path) -> None:
    for i, rule in enumerate(data.uris):
        where = f"{path}: uris[{i}]"
        if not _safe_text(rule.uri) or placeholders_in(rule.uri):
            raise AllowlistError(
                "allowlist-invalid",
                f"{where}.uri: expected a URI of printable ASCII without spaces or "
                f"placeholders, got {_show(rule.uri)}",
            )
        if rule.match == "exact" and rule.params:
            raise AllowlistError(
                "allowlist-invalid", f'{where}.params: only with match = "query"'
            )
        if rule.match == "query" and "?" not in rule.uri:
            raise AllowlistError(
                "allowlist-invalid",
                f'{where}.uri: match = "query" needs a fixed query start (x:?a=b)',
            )
        for key, name in rule.params.items():
            if name not in PLACEHOLDERS:
                raise AllowlistError(
                    "allowlist-invalid",
                    f"{where}.params.{key}: unknown placeholder {_show(name)} "
                    f"(known: {', '.join(sorted(PLACEHOLDERS))})",
                )
            if key.lower() == "accesstoken":
                # Never put a token in a URI: it would be displayed and logged.
                raise AllowlistError(
                    "allowlist-invalid", f"{where}.params.{key}: tokens are not allowed"
                )
    for i, command in enumerate(data.commands):
        where = f"{path}: commands[{i}].argv"
        if not command.argv or whole_placeholder(command.argv[0]) is not None:
            raise AllowlistError(
                "allowlist-invalid", f"{where}: expected a fixed program first"
            )
        for j, element in enumerate(command.argv):
            placeholder = whole_placeholder(element)
            if placeholder is not None:
                if placeholder not in PLACEHOLDERS:
                    raise AllowlistError(
                        "allowlist-invalid",
                        f"{where}[{j}]: unknown placeholder {_show(element)} "
                        f"(known: {', '.join(sorted(PLACEHOLDERS))})",
                    )
            elif "{" in element or "}" in element or not element.isprintable():
                raise AllowlistError(
                    "allowlist-invalid",
                    f"{where}[{j}]: expected a literal or a whole {{placeholder}}, "
                    f"got {_show(element)}",
                )


def _decode(path: Path) -> AllowlistFile:
    from helper.tomlfile import load_toml_as

    data = load_toml_as(path, AllowlistFile, AllowlistError, "allowlist-invalid")
    _validate(data, path)
    return data


# IT's additions: what an added URI may open. https: and the app schemes the
# built-in list uses; never file:, smb:, data:, javascript: or anything else a
# browser or the shell would turn into a local file or code.
EXTRA_URI_SCHEMES: Final = frozenset(
    {
        "https",
        "mailto",
        "tel",
        "ms-settings",
        "ms-device-enrollment",
        "ms-windows-store",
        "companyportal",
    }
)
# Programs an added command may not start: shells, interpreters, and programs
# that run other programs (a shell in disguise, or a way to elevate).
FORBIDDEN_PROGRAMS: Final = frozenset(
    {
        "sh", "bash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "ash",
        "busybox", "cmd", "command", "powershell", "powershell_ise", "pwsh",
        "wscript", "cscript", "mshta", "rundll32", "regsvr32", "msbuild",
        "installutil", "wmic", "conhost", "explorer", "start", "forfiles",
        "python", "python2", "python3", "py", "pythonw", "perl", "ruby", "irb",
        "node", "nodejs", "deno", "bun", "php", "lua", "tclsh", "wish", "java",
        "jshell", "osascript", "jxa", "awk", "gawk", "mawk", "nawk", "sed",
        "expect", "env", "xargs", "nohup", "nice", "timeout", "script", "watch",
        "sudo", "su", "doas", "pkexec", "runas", "gsudo", "launchctl",
        "systemd-run", "open", "xdg-open", "gio", "kioclient", "kioclient5",
        "exo-open", "gnome-open", "at", "crontab", "schtasks", "ssh",
    }
)  # fmt: skip
_SCRIPT_SUFFIXES: Final = (
    ".sh", ".bash", ".zsh", ".command", ".tool", ".bat", ".cmd", ".ps1",
    ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".py",
    ".pyw", ".pl", ".rb", ".php", ".lua", ".scpt", ".applescript", ".jar",
)  # fmt: skip
_EXECUTABLE_SUFFIXES: Final = (".exe", ".com")


def _program_name(program: str) -> str:
    """``C:\\Windows\\System32\\cmd.EXE`` → ``cmd``; ``/usr/bin/python3.12`` →
    ``python3``."""
    name = program.replace("\\", "/").rsplit("/", 1)[-1].lower()
    for suffix in _EXECUTABLE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    # python3.12, perl5.34, ruby3.2: a version suffix is the same interpreter.
    head = name.rstrip("0123456789.")
    return name if name in FORBIDDEN_PROGRAMS else head or name


def _is_absolute(program: str) -> bool:
    return program.startswith("/") or (
        len(program) > 3 and program[1:3] in (":\\", ":/") and program[0].isalpha()
    )


def _validate_extra(data: AllowlistFile, path: Path) -> None:
    """What IT's additions may not do (one line each, naming the entry)."""
    for i, rule in enumerate(data.uris):
        scheme, colon, _ = rule.uri.partition(":")
        if not colon or scheme.lower() not in EXTRA_URI_SCHEMES:
            raise AllowlistError(
                "allowlist-refused",
                f"{path}: uris[{i}].uri: an added URI must use one of "
                f"{', '.join(sorted(EXTRA_URI_SCHEMES))}, never file: or another "
                f"scheme that opens local files or code; got {_show(rule.uri)}",
            )
    for i, command in enumerate(data.commands):
        where = f"{path}: commands[{i}]"
        if command.elevate:
            raise AllowlistError(
                "allowlist-refused",
                f"{where}.elevate: added commands never run elevated (only the "
                "built-in catalogue's commands may ask for an elevation prompt)",
            )
        program = command.argv[0]
        if not _is_absolute(program):
            raise AllowlistError(
                "allowlist-refused",
                f"{where}.argv[0]: an added command names its program by absolute "
                f"path (a bare name is looked up in PATH), got {_show(program)}",
            )
        lowered = program.lower()
        if _program_name(program) in FORBIDDEN_PROGRAMS or lowered.endswith(
            _SCRIPT_SUFFIXES
        ):
            raise AllowlistError(
                "allowlist-refused",
                f"{where}.argv[0]: {_show(program)} is a shell, an interpreter, a "
                "script or a launcher of other programs: an added command may not "
                "run one",
            )


def load_allowlist(extra: Path | None = None) -> Allowlist:
    """The built-in allowlist, plus IT's additions from ``extra`` (a file).

    Raises:
        AllowlistError: a file is invalid (``allowlist-invalid``), or an addition
            asks for what additions may not (``allowlist-refused``: elevation, a
            shell or interpreter, a program without a path, a local-file URI);
            the message names the file and the entry.
    """
    from helper.resources import resource_path

    data = _decode(resource_path("allowlist.toml"))
    allowlist = Allowlist(data.uris, data.commands)
    if extra is not None:
        added = _decode(extra)
        _validate_extra(added, extra)
        allowlist = allowlist.merged(Allowlist(added.uris, added.commands))
    return allowlist
