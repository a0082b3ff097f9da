# SPDX-License-Identifier: MIT
"""Asking the collector to release this device from the old EMM (the
collector's ``/api/v1/release-requests``; docs/connectors.md).

The helper never holds a vendor credential: it sends its request with the
same token as its status reports (Entra, or a development collector's), and
the collector, which holds the credentials, calls the vendor. This module only
speaks HTTP and returns codes; :mod:`helper.server_release` drives it from the
journey, and ``ui/`` owns the words.

Progress (:class:`ReleaseProgress`, ``stage``):

- ``waiting-approval``: the request waits in IT's approval queue;
- ``in-progress``: approved or automatic, the collector is asking the old EMM
  (``poll_after`` says when to ask again);
- ``done``: the old EMM accepted the release: detect again (the profile goes
  when the device is online);
- ``refused``: IT or the old EMM refused; ``failed``: the old EMM does not
  know this device or the collector could not reach it;
- ``unavailable``: the collector does not release devices for this vendor
  (off, no connector): contact IT as before;
- ``retry``: the collector could not be reached, or does not know this device
  yet (its first report has not arrived): try again later;
- ``sign-in-needed``: no token without the user.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal, get_args

from helper.report.token import SignInNeeded

if TYPE_CHECKING:
    import httpx

    from helper.report.token import TokenProvider

RELEASE_PATH: Final = "/api/v1/release-requests"
DEFAULT_POLL: Final = 30
MAX_POLL: Final = 3600

Stage = Literal[
    "waiting-approval",
    "in-progress",
    "done",
    "refused",
    "failed",
    "unavailable",
    "retry",
    "sign-in-needed",
]
STAGES: Final[tuple[Stage, ...]] = get_args(Stage)
FINAL: Final = frozenset({"done", "refused", "failed", "unavailable"})
_FROM_STATE: Final[dict[str, Stage]] = {
    "awaiting-approval": "waiting-approval",
    "in-progress": "in-progress",
    "released": "done",
    "refused": "refused",
    "failed": "failed",
}
# The collector's problem codes that mean "not for this device, ask IT".
_UNAVAILABLE: Final = frozenset(
    {"release-disabled", "no-connector", "vendor-mismatch", "no-serial-key"}
)


@dataclass(frozen=True, slots=True)
class ReleaseProgress:
    """Where a release request stands (codes only).

    Attributes:
        stage: see the module's docstring.
        request_id: the request (kept to poll it).
        outcome: the old EMM's answer code (``released``, ``pending``,
            ``not-found``...), or the collector's problem code.
        warnings: codes IT sees (``filevault-key-destroyed``).
        dry_run: IT's collector is in dry-run: nothing was removed.
        poll_after: seconds before asking again (None: final).
    """

    stage: Stage
    request_id: str
    outcome: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    dry_run: bool = False
    poll_after: int | None = None

    @property
    def final(self) -> bool:
        """Nothing will change by asking again."""
        return self.stage in FINAL


def new_request_id() -> str:
    """A request id: made once, sent again on every retry of that request."""
    return str(uuid.uuid4())


class ReleaseClient:
    """Posts and polls release requests.

    Args:
        http_client: the helper's client (:func:`helper.report.http.make_http_client`).
        collector_url: ``reporting.collector_url``.
        tokens: the same provider as the status reports.
    """

    def __init__(
        self, http_client: httpx.Client, collector_url: str, tokens: TokenProvider
    ) -> None:
        self._client = http_client
        self._url = collector_url.rstrip("/") + RELEASE_PATH
        self._tokens = tokens

    def ask(self, request_id: str, serial_digest: str, vendor: str) -> ReleaseProgress:
        """Send (or send again) the request."""
        body = json.dumps(
            {"request_id": request_id, "serial_digest": serial_digest, "vendor": vendor}
        ).encode("utf-8")
        return self._call("POST", self._url, request_id, body)

    def poll(self, request_id: str) -> ReleaseProgress:
        """Where the request stands."""
        return self._call("GET", f"{self._url}/{request_id}", request_id, None)

    def _call(
        self, method: str, url: str, request_id: str, body: bytes | None
    ) -> ReleaseProgress:
        import httpx

        for refresh in (False, True):
            try:
                token = self._tokens.get_token(force_refresh=refresh)
            except SignInNeeded:
                return ReleaseProgress("sign-in-needed", request_id)
            except Exception:
                return ReleaseProgress("retry", request_id, poll_after=DEFAULT_POLL)
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            if body is not None:
                headers["Content-Type"] = "application/json"
            try:
                response = self._client.request(
                    method, url, content=body, headers=headers
                )
            except httpx.HTTPError:
                return ReleaseProgress(
                    "retry", request_id, outcome="unreachable", poll_after=DEFAULT_POLL
                )
            if response.status_code == 401 and not refresh:
                continue
            return parse_answer(
                response.status_code,
                response.content,
                response.headers.get("retry-after"),
                request_id,
            )
        return ReleaseProgress("sign-in-needed", request_id)  # pragma: no cover


def parse_answer(
    status: int, content: bytes, retry_after: str | None, request_id: str
) -> ReleaseProgress:
    """The collector's answer as progress; anything unexpected is ``retry``
    (never an exception: the body comes from whatever answered)."""
    try:
        data = json.loads(content) if content else None
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        data = {}
    if status in (200, 201):
        stage = _FROM_STATE.get(str(data.get("state")))
        if stage is None:
            return ReleaseProgress(
                "retry", request_id, "bad-answer", poll_after=DEFAULT_POLL
            )
        poll = data.get("poll_after_seconds")
        warnings = data.get("warnings")
        outcome = data.get("outcome")
        return ReleaseProgress(
            stage,
            str(data.get("request_id") or request_id),
            outcome if isinstance(outcome, str) else None,
            tuple(w for w in warnings if isinstance(w, str))
            if isinstance(warnings, list)
            else (),
            data.get("dry_run") is True,
            _seconds(poll) if stage not in FINAL else None,
        )
    code = data.get("code")
    code = code if isinstance(code, str) else f"http-{status}"
    if status == 401:
        return ReleaseProgress("sign-in-needed", request_id, code)
    if code in _UNAVAILABLE or status == 403:
        return ReleaseProgress("unavailable", request_id, code)
    wait = _seconds(retry_after) if retry_after else DEFAULT_POLL
    return ReleaseProgress("retry", request_id, code, poll_after=wait)


def _seconds(value: object) -> int:
    # ASCII digits only: str.isdigit() also accepts "¹", which int() refuses.
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return DEFAULT_POLL
    return min(value, MAX_POLL)


__all__ = [
    "FINAL",
    "RELEASE_PATH",
    "STAGES",
    "ReleaseClient",
    "ReleaseProgress",
    "Stage",
    "new_request_id",
    "parse_answer",
]
