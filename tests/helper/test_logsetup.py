# SPDX-License-Identifier: MIT
"""Logging: the file in the log folder, UTC stamps, and never a token."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helper.logsetup import REDACTED, log_file, redact, setup_logging

JWT = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwidGlkIjoiYWJjIn0."
    "c2lnbmF0dXJlLWJ5dGVzLWhlcmU"
)


@pytest.mark.parametrize(
    "text",
    [
        f"token {JWT} received",
        f"Authorization: Bearer {JWT}",
        "Authorization: Bearer 0.ARoAv4j5cvGGr0GRqy180BHbR-opaque",
        "refresh_token=0.AXkA-opaque-refresh&scope=x",
        '{"access_token": "opaque-access-value", "expires_in": 3600}',
        "client_secret: s3cr3t-value",
    ],
)
def test_secrets_are_redacted(text: str) -> None:
    cleaned = redact(text)
    assert REDACTED in cleaned
    for secret in (JWT, "opaque-access-value", "0.AXkA-opaque-refresh", "s3cr3t-value"):
        assert secret not in cleaned
    assert "0.ARoAv4j5cvGGr0GRqy180BHbR-opaque" not in cleaned


def test_plain_text_is_untouched() -> None:
    text = "detect: verdict legacy-enrolled, vendor workspace-one, 4 sources read"
    assert redact(text) == text
    # The support code is what helpdesk asks for: it must stay readable.
    assert redact("Support code: K7Q4-M2XD") == "Support code: K7Q4-M2XD"


@given(st.text(max_size=300))
def test_redact_never_raises_and_never_grows_secrets(text: str) -> None:
    out = redact(text + " " + JWT)
    assert JWT not in out


def test_log_file_has_utc_stamps_and_no_token(fresh_logging: None) -> None:
    setup_logging(verbose=False)
    log = logging.getLogger("helper.test")
    log.info("signed in with %s", JWT)
    try:
        raise ValueError(f"refresh failed for refresh_token={JWT}")
    except ValueError:
        log.exception("renewal failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file().read_text(encoding="utf-8")
    assert JWT not in text
    assert "renewal failed" in text and "ValueError" in text
    assert re.search(
        r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO helper.test", text, re.M
    )
