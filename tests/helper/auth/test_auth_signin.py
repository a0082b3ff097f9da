# SPDX-License-Identifier: MIT
"""Sign-in and silent renewal: real msal against the fake authority over HTTPS.

Everything below msal is real too: the product's httpx client (trusting only the
test CA), the encrypted cache file, AES-GCM. Only the keyring is a dict here
(test_auth_keyring.py uses the real Secret Service) and the browser is played by
:class:`~tests.helper.fake_authority.FakeBrowser`.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from helper.auth.signin import (
    DeviceCode,
    MsalTokenProvider,
    SignInError,
    TokenUnavailable,
)
from helper.config import Config, Enrollment, Reporting, Tenant
from helper.report.token import SignInNeeded, TokenProvider
from tests.helper.auth.conftest import CLIENT_ID, SCOPE, MakeProvider, MemorySecretStore
from tests.helper.fake_authority import USER_CODE, USERNAME, FakeAuthority, FakeBrowser


def _posts(authority: FakeAuthority) -> list[str]:
    return [r.path for r in authority.requests if r.method == "POST"]


def _device_sign_in(provider: MsalTokenProvider) -> list[DeviceCode]:
    codes: list[DeviceCode] = []
    provider.sign_in(interactive=False, device_code_callback=codes.append)
    return codes


def test_provider_is_a_token_provider(make_provider: MakeProvider) -> None:
    provider: TokenProvider = make_provider()  # mypy checks the protocol
    assert callable(provider.get_token)


def test_device_code_sign_in(
    make_provider: MakeProvider,
    authority: FakeAuthority,
    http_client: httpx.Client,
    cache_path: Path,
) -> None:
    provider = make_provider()
    codes: list[DeviceCode] = []
    through_our_client: list[str] = []
    http_client.event_hooks["request"].append(
        lambda request: through_our_client.append(request.url.path)
    )

    account = provider.sign_in(interactive=False, device_code_callback=codes.append)

    assert account.username == USERNAME
    assert [c.user_code for c in codes] == [USER_CODE]
    assert codes[0].verification_uri == "https://microsoft.com/devicelogin"
    # One authorization_pending poll, then the tokens.
    assert authority.token_grants() == ["device_code", "device_code"]
    assert provider.account() == account
    assert cache_path.is_file()
    # The scope msal asked for is ours (plus the OIDC ones msal always adds).
    devicecode = next(r for r in authority.requests if r.path.endswith("/devicecode"))
    assert SCOPE in devicecode.form["scope"].split()
    assert "client_secret" not in devicecode.form
    # msal used the application's client (one HTTP stack: TLS, proxy, timeouts).
    assert through_our_client == [r.path for r in authority.requests]


def test_silent_renewal_from_encrypted_cache_after_restart(
    make_provider: MakeProvider, authority: FakeAuthority, cache_path: Path
) -> None:
    first = make_provider()
    _device_sign_in(first)
    issued = first.get_token()
    assert first.last_token_source == "cache"

    # Restart: new cache object read from the encrypted file, new msal app.
    restarted = make_provider()
    before = len(authority.requests)
    assert restarted.get_token() == issued
    assert restarted.last_token_source == "cache"
    new_requests = authority.requests[before:]
    # msal's constructor reads the OpenID configuration; no token request at all.
    assert [r.method for r in new_requests] == ["GET"]
    assert new_requests[0].path.endswith("/openid-configuration")

    # The collector rejected the token: force a refresh → refresh_token grant.
    renewed = restarted.get_token(force_refresh=True)
    assert renewed != issued
    assert restarted.last_token_source == "identity_provider"
    assert authority.token_grants()[-1] == "refresh_token"

    # The rotated refresh token was saved: a third start can refresh again, which
    # the fake authority allows only with the new refresh token.
    again = make_provider()
    assert again.get_token(force_refresh=True) not in (issued, renewed)
    assert authority.token_grants()[-2:] == ["refresh_token", "refresh_token"]


def test_expired_access_token_is_renewed_silently(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    # msal treats a token with less than 5 minutes left as expired.
    authority.expires_in = 60
    provider = make_provider()
    _device_sign_in(provider)

    provider.get_token()

    assert provider.last_token_source == "identity_provider"
    assert authority.token_grants()[-1] == "refresh_token"


def test_revoked_refresh_token_raises_sign_in_needed(
    make_provider: MakeProvider, authority: FakeAuthority, no_browser: list[str]
) -> None:
    provider = make_provider()
    _device_sign_in(provider)
    authority.revoke_all()

    with pytest.raises(SignInNeeded, match="sign-in needed: invalid_grant"):
        provider.get_token(force_refresh=True)
    # Never a window from a background flush.
    assert no_browser == []
    assert authority.token_grants()[-1] == "refresh_token"


def test_no_account_is_sign_in_needed_without_network(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    with pytest.raises(SignInNeeded, match="sign-in needed"):
        make_provider().get_token()
    assert authority.requests == []


def test_unreachable_authority_is_transient(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    _device_sign_in(make_provider())
    authority.stop()

    with pytest.raises(TokenUnavailable, match="ConnectError") as caught:
        make_provider().get_token()
    assert caught.value.code == "token-unavailable"
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_system_browser_sign_in(
    make_provider: MakeProvider, authority: FakeAuthority, browser: FakeBrowser
) -> None:
    launched: list[str] = []
    provider = make_provider(domain_hint="contoso.example")

    account = provider.sign_in(on_before_launching_ui=launched.append, timeout=30)
    browser.join()

    assert account.username == USERNAME
    assert launched == ["browser"]
    assert authority.token_grants() == ["authorization_code"]
    (url,) = browser.opened
    assert url.startswith(f"{authority.authority}/oauth2/v2.0/authorize?")
    for part in (
        "response_mode=form_post",
        "code_challenge_method=S256",
        "redirect_uri=http%3A%2F%2Flocalhost%3A",
        "domain_hint=contoso.example",
    ):
        assert part in url
    assert provider.get_token() and provider.last_token_source == "cache"


def test_declined_in_browser_is_cancelled(
    make_provider: MakeProvider, authority: FakeAuthority, browser: FakeBrowser
) -> None:
    authority.deny_authorize = True

    with pytest.raises(SignInError) as caught:
        make_provider().sign_in(timeout=30)
    browser.join()

    assert caught.value.code == "sign-in-cancelled"
    assert authority.token_grants() == []


def test_no_browser_falls_back_to_device_code(
    make_provider: MakeProvider, authority: FakeAuthority, no_browser: list[str]
) -> None:
    codes: list[DeviceCode] = []

    account = make_provider().sign_in(device_code_callback=codes.append)

    assert account.username == USERNAME and len(codes) == 1
    assert authority.token_grants() == ["device_code", "device_code"]
    assert no_browser == []


def test_device_code_disabled_by_config(
    make_provider: MakeProvider, authority: FakeAuthority, no_browser: list[str]
) -> None:
    codes: list[DeviceCode] = []

    with pytest.raises(SignInError) as caught:
        make_provider(device_code_fallback=False).sign_in(
            device_code_callback=codes.append
        )

    assert caught.value.code == "sign-in-unavailable"
    assert "device_code_fallback" in caught.value.message
    assert codes == []
    assert not any(r.path.endswith("/devicecode") for r in authority.requests)


def test_device_code_needs_a_callback(
    make_provider: MakeProvider, no_browser: list[str]
) -> None:
    with pytest.raises(SignInError) as caught:
        make_provider().sign_in()
    assert caught.value.code == "sign-in-unavailable"


def test_device_code_sign_in_can_be_cancelled(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    # The user never enters the code; polls every second until cancelled.
    authority.pending_polls = 1000
    authority.interval = 1
    cancel = threading.Event()
    provider = make_provider()

    started = time.monotonic()
    with pytest.raises(SignInError) as caught:
        provider.sign_in(
            interactive=False,
            device_code_callback=lambda code: cancel.set(),
            cancel=cancel,
        )

    assert caught.value.code == "sign-in-cancelled"
    assert time.monotonic() - started < 5
    assert provider.account() is None


def test_only_one_sign_in_at_a_time(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    authority.pending_polls = 1000
    authority.interval = 1
    provider = make_provider()
    shown = threading.Event()
    cancel = threading.Event()
    errors: list[SignInError] = []

    def first() -> None:
        try:
            provider.sign_in(
                interactive=False,
                device_code_callback=lambda code: shown.set(),
                cancel=cancel,
            )
        except SignInError as exc:
            errors.append(exc)

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert shown.wait(10)
        with pytest.raises(SignInError) as caught:
            provider.sign_in(interactive=False, device_code_callback=print)
        assert caught.value.code == "sign-in-in-progress"
    finally:
        cancel.set()
        thread.join(10)
    assert [e.code for e in errors] == ["sign-in-cancelled"]


def test_sign_out_removes_everything(
    make_provider: MakeProvider,
    memory_store: MemorySecretStore,
    cache_path: Path,
) -> None:
    provider = make_provider()
    _device_sign_in(provider)
    assert cache_path.exists() and memory_store.keys

    provider.sign_out()

    assert provider.account() is None
    assert not cache_path.exists()
    assert memory_store.keys == {}
    with pytest.raises(SignInNeeded):
        provider.get_token()
    # And after a restart too.
    with pytest.raises(SignInNeeded):
        make_provider().get_token()


def test_sign_out_offline_still_wipes_local_tokens(
    make_provider: MakeProvider,
    authority: FakeAuthority,
    memory_store: MemorySecretStore,
    cache_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _device_sign_in(make_provider())
    authority.stop()
    restarted = make_provider()

    restarted.sign_out()

    assert restarted.account() is None
    assert not cache_path.exists() and memory_store.keys == {}
    assert "sign-out without msal" in caplog.text


def test_a_new_sign_in_forgets_the_previous_account(
    make_provider: MakeProvider, authority: FakeAuthority
) -> None:
    provider = make_provider()
    _device_sign_in(provider)
    _device_sign_in(provider)
    cache = provider.cache.msal_cache()
    import msal  # type: ignore[import-untyped]

    accounts = list(cache.search(msal.TokenCache.CredentialType.ACCOUNT))
    assert len(accounts) == 1


def test_broken_broker_falls_back_to_the_browser(
    make_provider: MakeProvider,
    authority: FakeAuthority,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # msal[broker] looks installed, but pymsalruntime cannot load: msal raises
    # ImportError from the constructor when asked for the broker on Windows.
    monkeypatch.setattr("helper.auth.signin.broker_installed", lambda: True)
    provider = make_provider()
    with monkeypatch.context() as windows:
        windows.setattr(sys, "platform", "win32")
        app = provider._app()

    assert not app._enable_broker
    assert "broker unusable, using the browser: ImportError" in caplog.text
    assert _device_sign_in(provider)


def test_no_broker_requested_without_pymsalruntime(
    make_provider: MakeProvider,
    authority: FakeAuthority,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from helper.auth.signin import broker_installed

    monkeypatch.setattr(sys, "platform", "win32")
    assert broker_installed() is False  # pymsalruntime is not installed here


def test_from_config() -> None:
    config = Config(
        tenant=Tenant(
            tenant_id="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", client_id=CLIENT_ID
        ),
        reporting=Reporting(api_scope=SCOPE, device_code_fallback=False),
        enrollment=Enrollment(upn_domain_hint="contoso.example"),
    )
    with httpx.Client() as client:
        provider = MsalTokenProvider.from_config(config, http_client=client)
    assert provider.authority == (
        "https://login.microsoftonline.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    )
    assert provider.client_id == CLIENT_ID
    assert provider.scopes == [SCOPE]
    assert provider.device_code_fallback is False


@pytest.mark.parametrize(
    "tenant",
    [Tenant(), Tenant(tenant_id="t"), Tenant(client_id="c")],
)
def test_from_config_not_configured(tenant: Tenant) -> None:
    config = Config(tenant=tenant, reporting=Reporting(api_scope=SCOPE))
    with httpx.Client() as client, pytest.raises(SignInError) as caught:
        MsalTokenProvider.from_config(config, http_client=client)
    assert caught.value.code == "sign-in-not-configured"


def test_building_the_provider_imports_nothing_heavy() -> None:
    import subprocess

    code = (
        "import sys, json\n"
        "import helper.auth, helper.auth.signin, helper.auth.token_cache\n"
        "import helper.auth.secret_store\n"
        "from helper.auth.token_cache import EncryptedTokenCache\n"
        "EncryptedTokenCache()\n"
        "heavy = ('msal', 'httpx', 'keyring', 'cryptography', 'requests')\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in heavy]\n"
        "print(json.dumps(sorted(loaded)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_sign_in_logs_no_username(
    make_provider: MakeProvider, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="helper")
    _device_sign_in(make_provider())
    assert "signed in (device-code)" in caplog.text
    assert USERNAME not in caplog.text
