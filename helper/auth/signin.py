# SPDX-License-Identifier: MIT
"""Entra sign-in with MSAL as a public client, and the token provider for reports.

The helper is a *public* client: it holds a client id and a tenant id, never a
client secret (docs/sign-in.md). :class:`MsalTokenProvider`:

- signs in on request (:meth:`MsalTokenProvider.sign_in`, called by the UI):
  through the OS broker (WAM on Windows, the Enterprise SSO plug-in on macOS)
  when ``msal[broker]`` is installed, else in the system browser with a
  ``http://localhost`` redirect, else, when IT allows it
  (``reporting.device_code_fallback``), with a device code;
- renews tokens silently from the encrypted cache
  (:meth:`MsalTokenProvider.get_token`, called by report delivery); when that
  needs the user it raises :class:`~helper.report.token.SignInNeeded` and never
  opens a window by itself;
- signs out completely (:meth:`MsalTokenProvider.sign_out`).

msal is given the application's one ``httpx.Client`` (``http_client=``), so
sign-in and report uploads share the OS trust store, the proxy and timeouts.

msal, httpx and keyring are imported on first use, from a worker thread: the
first window must show before they load. Every method may block on the network
or the user; call them through ``ui/tasks.py``, never on the GUI thread.
"""

from __future__ import annotations

import enum
import importlib.util
import logging
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from helper import APP_NAME, __version__
from helper.auth.token_cache import EncryptedTokenCache
from helper.errors import HelperError
from helper.report.token import SignInNeeded

if TYPE_CHECKING:
    import httpx

    from helper.config import Config

log = logging.getLogger(__name__)

ENTRA_AUTHORITY_HOST: Final = "https://login.microsoftonline.com"
DEFAULT_INTERACTIVE_TIMEOUT: Final = 600.0  # seconds; MFA and a slow IdP included

# OAuth errors that only the user can resolve (RFC 6749 §5.2, OIDC §3.1.2.6).
# Entra reports a revoked, expired or password-reset refresh token as
# invalid_grant, and Conditional Access changes as interaction_required.
_NEEDS_USER: Final = frozenset(
    {"invalid_grant", "interaction_required", "login_required", "consent_required"}
)
_DECLINED: Final = frozenset({"access_denied", "authorization_declined"})


class SignInMethod(enum.StrEnum):
    """How the user signed in."""

    BROKER = "broker"
    BROWSER = "browser"
    DEVICE_CODE = "device-code"


class AuthError(HelperError):
    """Base class of sign-in and token errors; ``code`` is for ui/."""


class SignInError(AuthError):
    """A sign-in that did not complete.

    Codes:
        ``sign-in-not-configured``: tenant id, client id or API scope missing.
        ``sign-in-unavailable``: no browser, and device code not allowed (or no
            callback to show it).
        ``sign-in-in-progress``: another sign-in is running.
        ``sign-in-cancelled``: the user declined or the caller cancelled.
        ``sign-in-timeout``: the browser flow or the device code expired.
        ``sign-in-network``: Entra could not be reached.
        ``sign-in-proxy``: the proxy refused or failed the connection to Entra.
        ``sign-in-tls``: the connection to Entra was not trusted (a
            TLS-inspecting proxy whose root certificate this device lacks).
        ``sign-in-failed``: Entra refused; the message carries its error code.
    """


# Every code a SignInError carries (ui/ has words for each: a test checks it).
SIGN_IN_CODES: Final = (
    "sign-in-not-configured",
    "sign-in-unavailable",
    "sign-in-in-progress",
    "sign-in-cancelled",
    "sign-in-timeout",
    "sign-in-network",
    "sign-in-proxy",
    "sign-in-tls",
    "sign-in-failed",
)


class TokenUnavailable(AuthError):
    """No token right now for a reason the user cannot fix (network, Entra down).

    Report delivery treats it like a network error: retry later. Code
    ``token-unavailable``.
    """

    def __init__(self, message: str) -> None:
        super().__init__("token-unavailable", message)


@dataclass(frozen=True)
class DeviceCode:
    """What the user needs for device-code sign-in; ui/ shows it.

    Attributes:
        user_code: the code to type.
        verification_uri: where to type it (``https://microsoft.com/devicelogin``).
        expires_in: seconds before the code expires.
        message: Entra's own instruction, in English (ui/ builds its own text
            from the two fields above).
    """

    user_code: str
    verification_uri: str
    expires_in: int
    message: str


@dataclass(frozen=True)
class SignedInAccount:
    """The account tokens are cached for.

    Attributes:
        username: the UPN (``alice@contoso.com``).
        home_account_id: MSAL's stable id (``<object id>.<tenant id>``).
    """

    username: str
    home_account_id: str


DeviceCodeCallback = Callable[[DeviceCode], None]


def broker_installed() -> bool:
    """Whether the OS broker can be used: Windows or macOS with ``msal[broker]``.

    A cheap check (no import of pymsalruntime): msal raises ImportError when the
    broker is requested without it.
    """
    # Through a variable: mypy would otherwise judge the return unreachable on
    # the platform it checks on.
    platform: str = sys.platform
    if platform not in ("win32", "darwin"):
        return False
    return importlib.util.find_spec("pymsalruntime") is not None


def browser_available() -> bool:
    """Whether ``webbrowser`` finds a browser to open (none on a bare server)."""
    import webbrowser

    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


class MsalTokenProvider:
    """Sign-in, silent renewal and sign-out for one Entra tenant and one API scope.

    Implements :class:`helper.report.token.TokenProvider`. Thread-safe: report
    delivery may call :meth:`get_token` while the UI runs :meth:`sign_in`.

    Args:
        client_id: the helper's app registration (public client).
        authority: ``https://login.microsoftonline.com/<tenant id>``.
        scopes: the API scopes (``api://<api app id>/Migration.Report``).
        http_client: the application's shared ``httpx.Client``; not closed here.
        cache: the token cache; ``None`` means the encrypted file in the data dir
            with its key in the OS keyring.
        device_code_fallback: allow device-code sign-in (IT may forbid it).
        use_broker: use WAM / the macOS SSO plug-in when installed.
        domain_hint: the users' domain, to skip home-realm discovery.
        instance_discovery: ``False`` for an authority msal does not know (tests);
            ``None`` keeps msal's default.
    """

    def __init__(
        self,
        *,
        client_id: str,
        authority: str,
        scopes: Sequence[str],
        http_client: httpx.Client,
        cache: EncryptedTokenCache | None = None,
        device_code_fallback: bool = True,
        use_broker: bool = True,
        domain_hint: str | None = None,
        instance_discovery: bool | None = None,
    ) -> None:
        if not client_id or not authority or not scopes:
            raise SignInError(
                "sign-in-not-configured",
                "tenant.tenant_id, tenant.client_id and reporting.api_scope "
                "must be set",
            )
        self.client_id = client_id
        self.authority = authority
        self.scopes = list(scopes)
        self._http = http_client
        self.cache = cache if cache is not None else EncryptedTokenCache()
        self.device_code_fallback = device_code_fallback
        self._use_broker = use_broker
        self._domain_hint = domain_hint
        self._instance_discovery = instance_discovery
        # Any: msal.PublicClientApplication (msal ships no type information).
        self._app_obj: Any = None
        self._app_lock = threading.Lock()
        self._sign_in_lock = threading.Lock()
        self._last_token_source: str | None = None

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        http_client: httpx.Client,
        cache: EncryptedTokenCache | None = None,
        use_broker: bool = True,
    ) -> MsalTokenProvider:
        """The provider for the IT configuration.

        Args:
            config: uses ``tenant.tenant_id``, ``tenant.client_id``,
                ``reporting.api_scope``, ``reporting.device_code_fallback`` and
                ``enrollment.upn_domain_hint``.
            http_client: the application's shared ``httpx.Client``.
            cache: see the class; ``None`` for the encrypted file.
            use_broker: see the class.

        Raises:
            SignInError: ``sign-in-not-configured``.
        """
        tenant = config.tenant.tenant_id
        return cls(
            client_id=config.tenant.client_id,
            authority=f"{ENTRA_AUTHORITY_HOST}/{tenant}" if tenant else "",
            scopes=config.reporting.api_scope.split(),
            http_client=http_client,
            cache=cache,
            device_code_fallback=config.reporting.device_code_fallback,
            use_broker=use_broker,
            domain_hint=config.enrollment.upn_domain_hint or None,
        )

    # -- TokenProvider -----------------------------------------------------------

    def get_token(self, *, force_refresh: bool = False) -> str:
        """An access token for the API, from the cache or renewed silently.

        Never shows anything to the user.

        Args:
            force_refresh: skip the cached access token and redeem the refresh
                token (after the API rejected the cached one).

        Returns:
            The access token.

        Raises:
            SignInNeeded: no signed-in account, or its refresh token was revoked,
                expired or needs new consent/MFA: call :meth:`sign_in` from the UI.
            TokenUnavailable: Entra unreachable or failing; retry later.
        """
        if self.account() is None:
            # No account: nothing to renew, and no need to reach Entra to know it.
            raise SignInNeeded("sign-in needed: no signed-in account")
        app = self._app_for_tokens()
        try:
            accounts: list[dict[str, Any]] = app.get_accounts()
            account = accounts[0] if accounts else None
            result: dict[str, Any] | None = app.acquire_token_silent_with_error(
                self.scopes, account, force_refresh=force_refresh
            )
        except _service_errors() as exc:
            raise _transient(exc) from exc
        finally:
            self.cache.save()
        if result is None:
            raise SignInNeeded("sign-in needed: no usable token in the cache")
        if "access_token" not in result:
            error = str(result.get("error", "unknown"))
            if error in _NEEDS_USER:
                raise SignInNeeded(f"sign-in needed: {error}")
            raise TokenUnavailable(f"token renewal failed: {error}")
        self._last_token_source = str(result.get("token_source", ""))
        log.debug("access token from %s", self._last_token_source)
        return str(result["access_token"])

    @property
    def last_token_source(self) -> str | None:
        """Where the last :meth:`get_token` token came from (diagnostics).

        msal's ``token_source``: ``"cache"``, ``"identity_provider"`` or
        ``"broker"``; ``None`` before the first token.
        """
        return self._last_token_source

    # -- UI ----------------------------------------------------------------------

    def account(self) -> SignedInAccount | None:
        """The signed-in account, read from the cache (no network).

        The first call loads the cache: it reads the file and the key from the
        OS keyring (which may ask the user to unlock a locked keyring). The
        account may still need a new sign-in if its refresh token was revoked:
        :meth:`get_token` finds out.
        """
        entries: list[dict[str, Any]] = list(
            self.cache.msal_cache().search(_msal().TokenCache.CredentialType.ACCOUNT)
        )
        for entry in entries:
            return SignedInAccount(
                username=str(entry.get("username", "")),
                home_account_id=str(entry.get("home_account_id", "")),
            )
        return None

    def sign_in(
        self,
        interactive: bool = True,
        device_code_callback: DeviceCodeCallback | None = None,
        *,
        parent_window_handle: int | None = None,
        on_before_launching_ui: Callable[[str], None] | None = None,
        timeout: float = DEFAULT_INTERACTIVE_TIMEOUT,
        cancel: threading.Event | None = None,
    ) -> SignedInAccount:
        """Sign the user in; blocks until done. Run it off the GUI thread.

        Order: the broker when installed, else the system browser; the device
        code when no browser can be opened (or ``interactive=False``) and IT
        allows it. On success the previous account, if any, is forgotten.

        Args:
            interactive: ``False`` goes straight to the device code.
            device_code_callback: receives the code to show to the user; without
                it the device code flow is not used.
            parent_window_handle: the main window's native handle
                (``int(window.winId())``), which the broker parents its window to.
            on_before_launching_ui: called with ``"browser"`` or ``"broker"``
                just before a window opens ("continue in your browser").
            timeout: seconds to wait for the browser flow.
            cancel: set it to stop waiting for a device code (checked about once
                a second). The browser flow cannot be interrupted: it ends at
                ``timeout``, and the UI may simply stop waiting for it.

        Returns:
            The signed-in account.

        Raises:
            SignInError: with one of the codes listed on :class:`SignInError`.
        """
        if not self._sign_in_lock.acquire(blocking=False):
            raise SignInError("sign-in-in-progress", "a sign-in is already running")
        try:
            app = self._app_for_sign_in()
            broker = bool(getattr(app, "_enable_broker", False))
            if interactive and (broker or browser_available()):
                method = SignInMethod.BROKER if broker else SignInMethod.BROWSER
                result = self._interactive(
                    app, broker, parent_window_handle, on_before_launching_ui, timeout
                )
            elif not self.device_code_fallback:
                raise SignInError(
                    "sign-in-unavailable",
                    "no browser to sign in with, and IT disabled device code "
                    "sign-in (reporting.device_code_fallback)",
                )
            elif device_code_callback is None:
                raise SignInError(
                    "sign-in-unavailable",
                    "no browser to sign in with, and no way to show a device code",
                )
            else:
                method = SignInMethod.DEVICE_CODE
                result = self._device_code(app, device_code_callback, cancel)
            account = self._accept(
                app, result, cancelled=bool(cancel and cancel.is_set())
            )
        finally:
            self._sign_in_lock.release()
        log.info("signed in (%s)", method)
        return account

    def sign_out(self) -> None:
        """Forget the user: accounts in msal (and the broker), the file, the key.

        Works offline: when Entra's metadata cannot be fetched the local cache is
        still wiped (only the broker's own session is then left as it is).
        """
        try:
            app = self._app_for_tokens()
        except TokenUnavailable as exc:
            log.warning("sign-out without msal: %s", exc.message)
            app = None
        if app is not None:
            try:
                for account in app.get_accounts():
                    app.remove_account(account)
            except _service_errors() as exc:  # broker or network: wipe anyway
                log.warning("sign-out: account removal failed (%s)", type(exc).__name__)
        self.cache.clear()
        self._last_token_source = None
        log.info("signed out")

    # -- internals ---------------------------------------------------------------

    def _app_for_tokens(self) -> Any:
        try:
            return self._app()
        except _service_errors() as exc:
            raise _transient(exc) from exc

    def _app_for_sign_in(self) -> Any:
        try:
            return self._app()
        except _service_errors() as exc:
            raise SignInError(
                _network_code(exc), f"Entra sign-in unavailable: {_describe(exc)}"
            ) from exc

    def _app(self) -> Any:
        """The msal PublicClientApplication, built once (it fetches the authority's
        OpenID configuration, so it needs the network)."""
        with self._app_lock:
            if self._app_obj is None:
                self._app_obj = self._build_app()
            return self._app_obj

    def _build_app(self) -> Any:
        msal = _msal()
        kwargs: dict[str, Any] = {
            "authority": self.authority,
            "token_cache": self.cache.msal_cache(),
            "http_client": self._http,
            "app_name": APP_NAME,
            "app_version": __version__,
        }
        if self._instance_discovery is not None:
            kwargs["instance_discovery"] = self._instance_discovery
        if self._use_broker and broker_installed():
            try:
                return msal.PublicClientApplication(
                    self.client_id,
                    enable_broker_on_windows=True,
                    enable_broker_on_mac=True,
                    **kwargs,
                )
            except (ImportError, RuntimeError) as exc:
                # A broken pymsalruntime install or an unsupported OS build: the
                # system browser still works.
                log.warning("broker unusable, using the browser: %s", _describe(exc))
        return msal.PublicClientApplication(self.client_id, **kwargs)

    def _interactive(
        self,
        app: Any,
        broker: bool,
        parent_window_handle: int | None,
        on_before_launching_ui: Callable[[str], None] | None,
        timeout: float,
    ) -> dict[str, Any]:
        msal = _msal()
        previous = self.account()
        kwargs: dict[str, Any] = {
            "timeout": timeout,
            "login_hint": previous.username if previous else None,
            "domain_hint": self._domain_hint,
        }
        if broker:
            kwargs["parent_window_handle"] = (
                parent_window_handle
                if parent_window_handle is not None
                else app.CONSOLE_WINDOW_HANDLE
            )
        if on_before_launching_ui is not None:
            callback = on_before_launching_ui
            kwargs["on_before_launching_ui"] = lambda ui="browser", **_: callback(ui)
        try:
            result: dict[str, Any] = app.acquire_token_interactive(
                self.scopes, **kwargs
            )
        except msal.BrowserInteractionTimeoutError as exc:
            raise SignInError(
                "sign-in-timeout", "the browser sign-in timed out"
            ) from exc
        except _service_errors() as exc:
            raise _sign_in_failure(exc) from exc
        finally:
            self.cache.save()
        return result

    def _device_code(
        self,
        app: Any,
        callback: DeviceCodeCallback,
        cancel: threading.Event | None,
    ) -> dict[str, Any]:
        try:
            flow: dict[str, Any] = app.initiate_device_flow(scopes=self.scopes)
        except _service_errors() as exc:
            raise _sign_in_failure(exc) from exc
        if "user_code" not in flow:
            raise SignInError(
                "sign-in-failed", f"device code refused: {_error_of(flow)}"
            )
        callback(
            DeviceCode(
                user_code=str(flow["user_code"]),
                verification_uri=str(flow.get("verification_uri", "")),
                expires_in=int(flow.get("expires_in", 0)),
                message=str(flow.get("message", "")),
            )
        )
        kwargs: dict[str, Any] = {}
        if cancel is not None:
            # oauth2cli's documented polling hook: checked between polls, about
            # once a second; the default only checks the expiry.
            kwargs["exit_condition"] = lambda f: (
                cancel.is_set() or f.get("expires_at", 0) < time.time()
            )
        try:
            result: dict[str, Any] = app.acquire_token_by_device_flow(flow, **kwargs)
        except _service_errors() as exc:
            raise _sign_in_failure(exc) from exc
        finally:
            self.cache.save()
        return result

    def _accept(
        self, app: Any, result: dict[str, Any], *, cancelled: bool
    ) -> SignedInAccount:
        if "access_token" not in result:
            error = str(result.get("error", "unknown"))
            if cancelled or error in _DECLINED:
                raise SignInError("sign-in-cancelled", f"sign-in cancelled ({error})")
            if error in ("expired_token", "authorization_pending"):
                raise SignInError("sign-in-timeout", f"sign-in expired ({error})")
            raise SignInError("sign-in-failed", f"Entra refused: {_error_of(result)}")
        claims: dict[str, Any] = result.get("id_token_claims") or {}
        username = str(claims.get("preferred_username", ""))
        # One user per device: forget the accounts of earlier sign-ins so that
        # get_token() never renews for someone else.
        for account in app.get_accounts():
            if username and account.get("username", "").lower() != username.lower():
                app.remove_account(account)
        self.cache.save()
        self._last_token_source = str(result.get("token_source", ""))
        current = self.account()
        if current is None:
            # msal caches every successful result; not finding it is a bug.
            raise SignInError("sign-in-failed", "signed in, but no account was cached")
        return current


def _msal() -> Any:
    """The msal module, imported on first use (start-up budget).

    Typed ``Any``: msal ships no type information, so everything taken from it is
    checked at this boundary (results are plain dicts) instead.
    """
    import msal  # type: ignore[import-untyped]

    return msal


def _describe(exc: BaseException) -> str:
    """An exception as type and first line, without tokens (messages are redacted
    again by the log filter; this keeps SignInError messages clean too)."""
    from helper.logsetup import redact

    first_line = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {redact(first_line)[:200]}".rstrip(": ")


def _error_of(result: dict[str, Any]) -> str:
    """Entra's error code and the first line of its description (AADSTS code,
    trace id: what IT needs, no secret)."""
    from helper.logsetup import redact

    error = str(result.get("error", "unknown"))
    description = str(result.get("error_description", "")).splitlines()
    first = redact(description[0])[:200] if description else ""
    return f"{error}: {first}" if first else error


def _service_errors() -> tuple[type[Exception], ...]:
    """What msal lets through when Entra is unreachable or answers badly.

    httpx errors come from our client; msal raises MsalError subclasses,
    ValueError (bad or 4xx OpenID configuration, JSON) and RuntimeError (5xx,
    browser timeout). Anything else is a bug and propagates.
    """
    import httpx

    msal_error: type[Exception] = _msal().exceptions.MsalError
    return (httpx.HTTPError, msal_error, OSError, ValueError, RuntimeError)


def _transient(exc: BaseException) -> TokenUnavailable:
    return TokenUnavailable(f"Entra unreachable or failing: {_describe(exc)}")


def _network_code(exc: BaseException) -> str:
    """``sign-in-proxy``, ``sign-in-tls`` or ``sign-in-network``: what the user
    (or IT) can act on differs."""
    import ssl

    import httpx

    if isinstance(exc, httpx.ProxyError):
        return "sign-in-proxy"
    seen: BaseException | None = exc
    for _ in range(5):  # the SSL error hides in the cause chain
        if seen is None:
            break
        if isinstance(seen, ssl.SSLCertVerificationError):
            return "sign-in-tls"
        seen = seen.__cause__ or seen.__context__
    if "CERTIFICATE_VERIFY_FAILED" in str(exc):
        return "sign-in-tls"
    return "sign-in-network"


def _sign_in_failure(exc: BaseException) -> SignInError:
    import httpx

    if isinstance(exc, httpx.TransportError):
        return SignInError(_network_code(exc), f"Entra unreachable: {_describe(exc)}")
    return SignInError("sign-in-failed", _describe(exc))
