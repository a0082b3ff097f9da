# SPDX-License-Identifier: MIT
"""Entra token validation: real RS256 JWTs, a real JWKS over HTTPS, real server.

Every refused token must get 401 or 403 (with a Bearer challenge) and store
nothing, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import jwt
import pytest

from collector.auth import AuthError, KeysUnavailable, TokenValidator, bearer_token
from tests.collector.conftest import Running, auth_config, start_collector
from tests.collector.support import (
    AUDIENCE,
    HELPER_CLIENT,
    ISSUER_V1,
    OTHER_TENANT,
    READER_CLIENT,
    TENANT,
    Certs,
    JwksServer,
    Keys,
    make_event,
)

NOW = int(time.time())


def _swap_signature(keys: Keys) -> str:
    # The header names key-1, the signature is key-2's.
    good = keys.mint(kid="key-1")
    other = jwt.encode(
        keys.claims(),
        keys.private["key-2"],
        algorithm="RS256",
        headers={"kid": "key-1"},
    )
    return good.rsplit(".", 1)[0] + "." + other.rsplit(".", 1)[1]


# (case, token maker, status, code)
REFUSED: list[tuple[str, Callable[[Keys], str], int, str]] = [
    (
        "wrong-audience",
        lambda k: k.mint(aud="api://someone-else"),
        401,
        "token-audience",
    ),
    (
        "wrong-issuer",
        lambda k: k.mint(iss="https://evil.example/" + TENANT + "/v2.0"),
        401,
        "token-issuer",
    ),
    (
        "issuer-of-another-tenant",
        lambda k: k.mint(iss=f"https://login.microsoftonline.com/{OTHER_TENANT}/v2.0"),
        401,
        "token-issuer",
    ),
    (
        "tenant-not-allowed",
        lambda k: k.mint(tid=OTHER_TENANT),
        401,
        "tenant-not-allowed",
    ),
    ("scope-missing", lambda k: k.mint(scp="User.Read"), 403, "scope-missing"),
    ("no-scp-claim", lambda k: k.mint(scp=None), 403, "scope-missing"),
    (
        "reader-token-posting",
        lambda k: k.reader(),
        403,
        "scope-missing",
    ),
    (
        "other-client-app",
        lambda k: k.mint(azp=READER_CLIENT),
        403,
        "client-not-allowed",
    ),
    (
        "expired",
        lambda k: k.mint(exp=NOW - 3600, iat=NOW - 7200, nbf=NOW - 7200),
        401,
        "token-expired",
    ),
    (
        "not-yet-valid",
        lambda k: k.mint(nbf=NOW + 3600, iat=NOW),
        401,
        "token-not-yet-valid",
    ),
    ("alg-none", lambda k: k.unsigned(), 401, "token-algorithm"),
    (
        "hs256-with-public-key",
        lambda k: k.hs256_with_public_key(),
        401,
        "token-algorithm",
    ),
    (
        "unknown-kid",
        lambda k: k.mint(kid="unpublished"),
        401,
        "key-unknown",
    ),
    (
        "signed-by-another-key",
        _swap_signature,
        401,
        "token-signature",
    ),
    ("no-oid", lambda k: k.mint(oid=None), 401, "token-claims"),
    ("no-exp", lambda k: k.mint(exp=None), 401, "token-claims"),
    ("garbage", lambda k: "not.a.jwt", 401, "token-malformed"),
]


@pytest.fixture(scope="module", autouse=True)
def _unpublished_key(keys: Keys) -> None:
    if "unpublished" not in keys.private:
        keys.add("unpublished", publish=False)


@pytest.mark.parametrize(
    ("token_for", "status", "code"),
    [pytest.param(m, s, c, id=case) for case, m, s, c in REFUSED],
)
def test_refused_tokens_store_nothing(
    shared_collector: Running,
    keys: Keys,
    token_for: Callable[[Keys], str],
    status: int,
    code: str,
) -> None:
    before = shared_collector.count(), shared_collector.count("device_state")
    response = shared_collector.post_events([make_event()], token=token_for(keys))
    assert response.status_code == status, response.text
    problem = response.json()
    assert problem["code"] == code
    assert response.headers["content-type"] == "application/problem+json"
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith('Bearer realm="intune-migration-collector"')
    assert ("insufficient_scope" if status == 403 else "invalid_token") in challenge
    assert (shared_collector.count(), shared_collector.count("device_state")) == before


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Basic YWxpY2U6c2VjcmV0", "Bearer", "Bearer " + "x" * 20_000],
)
def test_missing_or_malformed_authorization(
    shared_collector: Running, authorization: str | None
) -> None:
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    before = shared_collector.count()
    response = shared_collector.client.post(
        f"{shared_collector.url}/api/v1/events", content=b"{}", headers=headers
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert shared_collector.count() == before


def test_v1_token_with_appid_is_accepted(shared_collector: Running, keys: Keys) -> None:
    token = keys.mint(
        aud=f"api://{AUDIENCE}",
        iss=ISSUER_V1.replace("{tid}", TENANT),
        ver="1.0",
        azp=None,
        appid=HELPER_CLIENT,
    )
    event = make_event(serial="V1-TOKEN")
    response = shared_collector.post_events([event], token=token)
    assert response.status_code == 200, response.text
    assert response.json()["accepted"] == [event.event_id]


def test_reads_need_the_app_role(shared_collector: Running, keys: Keys) -> None:
    helper_token = keys.mint()
    response = shared_collector.get("/api/v1/devices", token=helper_token)
    assert response.status_code == 403
    assert response.json()["code"] == "role-missing"
    assert 'scope="Migration.Read"' in response.headers["www-authenticate"]
    assert shared_collector.get("/api/v1/devices").status_code == 200
    other = keys.reader(tid=OTHER_TENANT)
    # Another tenant's token is not valid here: 401, as docs/collector.md says.
    assert shared_collector.get("/api/v1/export.csv", token=other).status_code == 401
    expired = keys.reader(exp=NOW - 600, iat=NOW - 4000, nbf=NOW - 4000)
    assert shared_collector.get("/api/v1/devices", token=expired).status_code == 401


def test_healthz_needs_no_token(shared_collector: Running) -> None:
    assert shared_collector.healthy()


# --- the validator on its own (real JWKS over HTTPS) ----------------------------


@pytest.fixture
def own_jwks(certs: Certs) -> Iterator[tuple[Keys, JwksServer]]:
    keys = Keys(("k1",))
    server = JwksServer(keys, certs)
    yield keys, server
    server.close()


def _client(server: JwksServer, certs: Certs, cooldown: float) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(
        server.url,
        lifespan=3600,
        ssl_context=certs.client_context(),
        cooldown_duration=cooldown,
    )


def test_unknown_kids_do_not_hammer_the_jwks(
    own_jwks: tuple[Keys, JwksServer], certs: Certs
) -> None:
    keys, server = own_jwks
    config = auth_config(server, certs)
    validator = TokenValidator(config, jwks_client=_client(server, certs, 60))
    keys.add("rogue", publish=False)
    assert validator.validate(keys.mint(kid="k1"), "report").tid == TENANT
    assert server.requests == 1
    for _ in range(20):
        with pytest.raises(AuthError) as refused:
            validator.validate(keys.mint(kid="rogue"), "report")
        assert refused.value.status == 401
        assert refused.value.code == "key-unknown"
    # One initial fetch; the cooldown absorbs every unknown kid after it.
    assert server.requests == 1


def test_key_rollover_is_picked_up(
    own_jwks: tuple[Keys, JwksServer], certs: Certs
) -> None:
    keys, server = own_jwks
    validator = TokenValidator(
        auth_config(server, certs), jwks_client=_client(server, certs, 0)
    )
    validator.validate(keys.mint(kid="k1"), "report")
    keys.add("k2", publish=False)
    with pytest.raises(AuthError):
        validator.validate(keys.mint(kid="k2"), "report")
    keys.publish("k2")
    principal = validator.validate(keys.mint(kid="k2"), "report")
    assert principal.client_app_id == HELPER_CLIENT
    assert server.requests == 3


def test_jwks_down_is_503_not_401(
    own_jwks: tuple[Keys, JwksServer], certs: Certs
) -> None:
    keys, server = own_jwks
    server.fail = True
    validator = TokenValidator(auth_config(server, certs))
    with pytest.raises(KeysUnavailable):
        validator.validate(keys.mint(kid="k1"), "report")


def test_jwks_down_answers_retry_after(
    own_jwks: tuple[Keys, JwksServer], certs: Certs, store: object
) -> None:
    from collector.storage import Store
    from tests.collector.conftest import make_config

    assert isinstance(store, Store)
    keys, server = own_jwks
    server.fail = True
    config = make_config(store.display_url, server, certs)
    for running in start_collector(store, config, certs, keys):
        response = running.post_events([make_event()], token=keys.mint(kid="k1"))
        assert response.status_code == 503
        assert response.json()["code"] == "keys-unavailable"
        assert int(response.headers["retry-after"]) > 0
        assert running.count() == 0


def test_validated_tokens_are_cached_until_exp(
    own_jwks: tuple[Keys, JwksServer], certs: Certs
) -> None:
    keys, server = own_jwks
    now = [float(NOW)]
    validator = TokenValidator(
        auth_config(server, certs),
        clock=lambda: now[0],
        jwks_client=_client(server, certs, 60),
    )
    token = keys.mint(kid="k1", exp=NOW + 120)
    validator.validate(token, "report")
    assert validator.cached(token, "report") is not None
    # The need is rechecked on a cache hit.
    with pytest.raises(AuthError) as refused:
        validator.cached(token, "read")
    assert refused.value.code == "role-missing"
    now[0] = NOW + 121
    assert validator.cached(token, "report") is None


def test_dev_mode_accepts_unsigned_tokens_only_with_dev(
    own_jwks: tuple[Keys, JwksServer], certs: Certs
) -> None:
    keys, server = own_jwks
    config = auth_config(server, certs)
    strict = TokenValidator(config)
    dev = TokenValidator(config, dev=True)
    token = keys.unsigned()
    with pytest.raises(AuthError) as refused:
        strict.validate(token, "report")
    assert refused.value.code == "token-algorithm"
    principal = dev.validate(token, "report")
    assert principal.unsigned
    # Still checked in dev mode: audience, expiry, tenant, scope.
    for bad, code in (
        (keys.unsigned(aud="api://other"), "token-audience"),
        (keys.unsigned(exp=NOW - 600, iat=NOW - 900, nbf=NOW - 900), "token-expired"),
        (keys.unsigned(tid=OTHER_TENANT), "tenant-not-allowed"),
        (keys.unsigned(scp="User.Read"), "scope-missing"),
    ):
        with pytest.raises(AuthError) as refused:
            dev.validate(bad, "report")
        assert refused.value.code == code
    assert server.requests == 0


def test_bearer_token_parsing() -> None:
    assert bearer_token("Bearer abc.def.ghi") == "abc.def.ghi"
    assert bearer_token("bearer   abc") == "abc"
    for bad in (None, "", "Basic abc", "Bearer "):
        with pytest.raises(AuthError) as refused:
            bearer_token(bad)
        assert refused.value.status == 401
