# SPDX-License-Identifier: MIT
"""No token ever reaches a log file, even with msal logging at DEBUG.

msal logs a lot at DEBUG (token cache events, the authorization response, the
device-flow requests); its "msal" loggers propagate to the root logger, where
:func:`helper.logsetup.setup_logging` puts :class:`~helper.logsetup.RedactingFilter`
on every handler. This test runs every flow with the product's logging set up
at DEBUG, then looks for each secret the fake authority issued (access, refresh
and id tokens, device and authorization codes) and each PKCE verifier msal sent
in every file under the log folder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from helper import logsetup
from helper.logsetup import RedactingFilter, setup_logging
from helper.paths import log_dir
from helper.report.token import SignInNeeded
from tests.helper.auth.conftest import MakeProvider
from tests.helper.fake_authority import FakeAuthority, FakeBrowser, iter_secrets_in


@pytest.fixture
def product_logging() -> Iterator[list[logging.Handler]]:
    """The product's logging (file + console, DEBUG), undone afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    logsetup._configured = False
    setup_logging(verbose=True)
    ours = [h for h in root.handlers if h not in saved_handlers]
    yield ours
    for handler in ours:
        handler.close()
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    logsetup._configured = False
    logging.captureWarnings(False)


def _run_every_flow(
    make_provider: MakeProvider, authority: FakeAuthority, browser: FakeBrowser
) -> None:
    provider = make_provider()
    provider.sign_in(interactive=False, device_code_callback=lambda code: None)
    provider.get_token()
    provider.get_token(force_refresh=True)
    restarted = make_provider()
    restarted.get_token()
    restarted.sign_in(timeout=30)  # system browser: auth code + PKCE
    browser.join()
    authority.expires_in = 60
    restarted.get_token(force_refresh=True)
    restarted.get_token()  # expired: silent refresh
    authority.revoke_all()
    with pytest.raises(SignInNeeded):
        restarted.get_token(force_refresh=True)
    restarted.sign_out()


def _log_text(handlers: list[logging.Handler]) -> str:
    for handler in handlers:
        handler.flush()
    files = sorted(p for p in Path(log_dir()).rglob("*") if p.is_file())
    assert files, "nothing was logged"
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    # msal's DEBUG records did reach the file (else these tests prove nothing).
    assert "event=" in text and "Got auth response" in text
    assert "msal.token_cache" in text
    return text


def test_no_token_in_log_files(
    product_logging: list[logging.Handler],
    make_provider: MakeProvider,
    authority: FakeAuthority,
    browser: FakeBrowser,
) -> None:
    # Every handler that sees msal's records redacts; msal adds none of its own.
    assert product_logging
    for handler in product_logging:
        assert any(isinstance(f, RedactingFilter) for f in handler.filters)
    for name in ("msal", "msal.application", "msal.token_cache", "httpx"):
        logger = logging.getLogger(name)
        assert logger.handlers == [] and logger.propagate
    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG

    _run_every_flow(make_provider, authority, browser)

    text = _log_text(product_logging)
    secrets = authority.secrets
    assert len(secrets) > 10
    leaked = sorted(iter_secrets_in(text, secrets))
    assert leaked == [], f"tokens or codes in the log: {leaked}"


def test_no_pkce_verifier_in_log_files(
    product_logging: list[logging.Handler],
    make_provider: MakeProvider,
    authority: FakeAuthority,
    browser: FakeBrowser,
) -> None:
    _run_every_flow(make_provider, authority, browser)

    text = _log_text(product_logging)
    verifiers = {
        r.form["code_verifier"] for r in authority.requests if "code_verifier" in r.form
    }
    assert verifiers
    leaked = sorted(iter_secrets_in(text, verifiers))
    assert leaked == [], f"PKCE verifiers in the log: {leaked}"
