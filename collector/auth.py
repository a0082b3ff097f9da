# SPDX-License-Identifier: MIT
"""Entra access tokens: validated here, the caller's identity taken from them.

Reporting reference §6.2, with PyJWT and its ``PyJWKClient``:

1. ``Authorization: Bearer <JWT>``; anything else is 401.
2. The header's ``alg`` must be ``RS256``: hard-coded, never taken from the
   token (RFC 8725). ``none`` is refused (accepted only by ``serve --dev``, on
   loopback), ``HS256`` is refused before any key is looked at, so a token
   "signed" with our public key as an HMAC secret (algorithm confusion) fails.
3. The key comes from the JWKS by ``kid``; an unknown ``kid`` refetches the set
   at most once a minute (key rollover without letting junk tokens hammer the
   endpoint), then 401. An unreachable JWKS is 503, not 401: the helper must
   not conclude its user has to sign in again.
4. Signature, ``exp`` and ``nbf`` (with leeway), ``aud`` in ``auth.audiences``,
   ``iss`` in ``auth.issuers`` (``{tid}`` = the token's tenant); ``tid`` and
   ``oid`` present. Any failure: 401.
5. ``tid`` in ``auth.tenants``, then per use: posting events needs the scope
   ``Migration.Report`` in ``scp`` and a helper client id as ``azp`` (v2) or
   ``appid`` (v1); reading needs the app role ``Migration.Read`` in ``roles``
   (and a client in ``auth.read_client_ids`` when that list is set). Any
   failure: 403.

Validated tokens are remembered (by SHA-256, until ``exp``, at most five
minutes) so a device's batches do not pay for RSA and JSON again. The token
itself is never logged or stored.
"""

from __future__ import annotations

import hashlib
import re
import ssl
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

import jwt

if TYPE_CHECKING:
    from starlette.requests import HTTPConnection

    from collector.config import AuthConfig

# "any": a valid token of an allowed tenant; the caller checks its own role
# (the release approvers, collector.release.routes).
Need = Literal["report", "read", "any"]

REALM: Final = "intune-migration-collector"
MAX_TOKEN_BYTES: Final = 16 * 1024
CACHE_ENTRIES: Final = 20_000
CACHE_SECONDS: Final = 300.0
# Seconds between two forced JWKS refreshes caused by an unknown kid.
REFRESH_COOLDOWN: Final = 60.0


@dataclass(frozen=True, slots=True)
class Principal:
    """Who called, from the validated token (never from the request body).

    Attributes:
        tid: the tenant id.
        oid: the user's (or service principal's) object id.
        client_app_id: ``azp`` (v2) or ``appid`` (v1): the calling app.
        scopes: the delegated scopes (``scp``).
        roles: the app roles (``roles``).
        unsigned: an unsigned ``--dev`` token.
        device_id: the Entra device id the token is bound to (its ``deviceid``
            claim, present when the device signed in with its own identity,
            through the OS broker); None otherwise. Entra signs it: a user
            cannot mint it for another device.
    """

    tid: str
    oid: str
    client_app_id: str
    scopes: frozenset[str]
    roles: frozenset[str]
    unsigned: bool = False
    device_id: str | None = None


class AuthError(Exception):
    """A refused request: 401 (no valid token) or 403 (valid, not allowed).

    Attributes:
        status: 401 or 403.
        code: a short reason (``token-expired``, ``tenant-not-allowed``...),
            for logs and the problem's ``code``.
        detail: one English sentence for the problem's ``detail``.
        scope: the scope or role missing, for the ``WWW-Authenticate`` header.
    """

    def __init__(self, status: int, code: str, detail: str, scope: str = "") -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.scope = scope

    @property
    def www_authenticate(self) -> str:
        """The RFC 6750 challenge for this refusal."""
        if self.code == "token-missing":
            return f'Bearer realm="{REALM}"'
        if self.status == 403:
            scope = f', scope="{self.scope}"' if self.scope else ""
            return f'Bearer realm="{REALM}", error="insufficient_scope"{scope}'
        return (
            f'Bearer realm="{REALM}", error="invalid_token", '
            f'error_description="{self.code}"'
        )


class KeysUnavailable(Exception):
    """The JWKS cannot be fetched right now (answer 503, not 401)."""


def _unauthorized(code: str, detail: str) -> AuthError:
    return AuthError(401, code, detail)


_JWT_ERRORS: Final[tuple[tuple[type[Exception], str, str], ...]] = (
    (jwt.ExpiredSignatureError, "token-expired", "the access token has expired"),
    (
        jwt.ImmatureSignatureError,
        "token-not-yet-valid",
        "the access token is not valid yet (nbf or iat in the future)",
    ),
    (
        jwt.InvalidAudienceError,
        "token-audience",
        "the access token is for another audience",
    ),
    (
        jwt.InvalidAlgorithmError,
        "token-algorithm",
        "the access token must be signed with RS256",
    ),
    (
        jwt.InvalidSignatureError,
        "token-signature",
        "the access token's signature does not verify",
    ),
    (
        jwt.MissingRequiredClaimError,
        "token-claims",
        "the access token lacks a required claim",
    ),
)


def bearer_token(authorization: str | None) -> str:
    """The token of an ``Authorization: Bearer`` header.

    Raises:
        AuthError: 401 when missing, another scheme, or absurdly long.
    """
    if not authorization:
        raise _unauthorized("token-missing", "an Entra access token is required")
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("token-missing", "expected Authorization: Bearer <token>")
    if len(token) > MAX_TOKEN_BYTES:
        raise _unauthorized("token-malformed", "the access token is too long")
    return token


class _ValidatedCache:
    """SHA-256(token) → Principal, until the token's ``exp`` (capped)."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self._entries = entries
        self._data: OrderedDict[bytes, tuple[Principal, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, digest: bytes, now: float) -> Principal | None:
        with self._lock:
            hit = self._data.get(digest)
            if hit is None:
                return None
            principal, until = hit
            if now >= until:
                del self._data[digest]
                return None
            return principal

    def put(self, digest: bytes, principal: Principal, until: float) -> None:
        with self._lock:
            self._data[digest] = (principal, until)
            self._data.move_to_end(digest)
            while len(self._data) > self._entries:
                self._data.popitem(last=False)


class TokenValidator:
    """Validates access tokens against the ``[auth]`` configuration.

    Thread-safe. :meth:`validate` may fetch the JWKS (blocking): call it from a
    worker thread; :meth:`cached` never blocks.

    Args:
        config: the ``[auth]`` section.
        dev: accept unsigned (``alg: none``) tokens; the caller guarantees the
            server listens on loopback only.
        clock: epoch seconds (injectable).
        jwks_client: a ready ``PyJWKClient`` (tests); default: one for
            ``config.jwks_url`` trusting ``config.jwks_ca_file`` or the system
            store.
    """

    def __init__(
        self,
        config: AuthConfig,
        *,
        dev: bool = False,
        clock: Callable[[], float] = time.time,
        jwks_client: jwt.PyJWKClient | None = None,
    ) -> None:
        self._config = config
        self._dev = dev
        self._clock = clock
        self._tenants = frozenset(t.lower() for t in config.tenants)
        self._audiences = list(config.audiences)
        self._report_clients = frozenset(c.lower() for c in config.report_client_ids)
        self._read_clients = frozenset(c.lower() for c in config.read_client_ids)
        self._cache = _ValidatedCache()
        if jwks_client is None:
            context = ssl.create_default_context(cafile=config.jwks_ca_file or None)
            jwks_client = jwt.PyJWKClient(
                config.jwks_url,
                cache_jwk_set=True,
                lifespan=config.jwks_cache_seconds,
                timeout=10,
                ssl_context=context,
                cooldown_duration=REFRESH_COOLDOWN,
                headers={"User-Agent": REALM},
            )
        self._jwks = jwks_client

    @property
    def dev(self) -> bool:
        """Unsigned tokens are accepted (``serve --dev``)."""
        return self._dev

    def cached(self, token: str, need: Need) -> Principal | None:
        """The principal of a token validated recently, else None (no I/O).

        Raises:
            AuthError: 403 if the cached principal lacks what ``need`` requires.
        """
        principal = self._cache.get(_digest(token), self._clock())
        if principal is not None:
            self._authorize(principal, need)
        return principal

    def validate(self, token: str, need: Need) -> Principal:
        """Validate ``token`` for ``need`` (``report``: post events; ``read``).

        Returns:
            The caller.

        Raises:
            AuthError: 401 or 403, with a reason code.
            KeysUnavailable: the JWKS cannot be fetched (answer 503).
        """
        digest = _digest(token)
        now = self._clock()
        principal = self._cache.get(digest, now)
        if principal is None:
            claims = self._decode(token)
            principal = self._principal(claims)
            # Cache only tokens that passed every tenant-level check; the
            # need-specific ones are rechecked on each use.
            until = min(float(claims["exp"]), now + CACHE_SECONDS)
            self._cache.put(digest, principal, until)
        self._authorize(principal, need)
        return principal

    def _decode(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise _unauthorized(
                "token-malformed", "the access token is not a JWT"
            ) from None
        alg = header.get("alg")
        if isinstance(alg, str) and alg.lower() == "none" and self._dev:
            return self._decode_unsigned(token)
        if alg != "RS256":
            raise _unauthorized(
                "token-algorithm", "the access token must be signed with RS256"
            )
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise _unauthorized("key-unknown", "the access token names no key (kid)")
        try:
            key = self._jwks.get_signing_key(kid)
        except jwt.PyJWKClientConnectionError as exc:
            raise KeysUnavailable(str(exc)) from exc
        except jwt.PyJWKClientError:
            raise _unauthorized(
                "key-unknown", "the access token's key (kid) is not a signing key"
            ) from None
        except jwt.PyJWKSetError as exc:
            raise KeysUnavailable(f"the JWKS holds no usable key: {exc}") from exc
        return self._claims(
            token,
            key.key,
            options={
                "verify_signature": True,
                "require": ["exp", "iss", "aud", "tid", "oid"],
                "enforce_minimum_key_length": True,
            },
        )

    def _decode_unsigned(self, token: str) -> dict[str, Any]:
        # --dev only: everything but the signature is still checked.
        return self._claims(
            token,
            None,
            options={
                "verify_signature": False,
                "verify_exp": True,
                "verify_nbf": True,
                "verify_iat": True,
                "verify_aud": True,
                "require": ["exp", "iss", "aud", "tid", "oid"],
            },
            unsigned=True,
        )

    def _claims(
        self,
        token: str,
        key: Any,
        *,
        options: dict[str, Any],
        unsigned: bool = False,
    ) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=self._audiences,
                leeway=self._config.leeway_seconds,
                options=options,  # type: ignore[arg-type]
            )
        except jwt.InvalidTokenError as exc:
            for kind, code, detail in _JWT_ERRORS:
                if isinstance(exc, kind):
                    raise _unauthorized(code, detail) from None
            raise _unauthorized(
                "token-invalid", "the access token is not valid"
            ) from None
        tid = claims.get("tid")
        oid = claims.get("oid")
        if not isinstance(tid, str) or not isinstance(oid, str) or not oid:
            raise _unauthorized("token-claims", "the access token lacks tid or oid")
        issuer = claims.get("iss")
        if issuer not in {i.replace("{tid}", tid) for i in self._config.issuers}:
            raise _unauthorized(
                "token-issuer", "the access token comes from another issuer"
            )
        if unsigned:
            claims["_unsigned"] = True
        return claims

    def _principal(self, claims: dict[str, Any]) -> Principal:
        tid = str(claims["tid"]).lower()
        if tid not in self._tenants:
            # 401 as docs/collector.md says: a token of another tenant is not
            # a valid token here (the helper then asks its user to sign in).
            raise _unauthorized(
                "tenant-not-allowed", "this tenant may not use this collector"
            )
        scp = claims.get("scp")
        roles = claims.get("roles")
        client = claims.get("azp") or claims.get("appid") or ""
        device = claims.get("deviceid")
        return Principal(
            tid=tid,
            oid=str(claims["oid"]).lower(),
            client_app_id=str(client).lower(),
            scopes=frozenset(scp.split()) if isinstance(scp, str) else frozenset(),
            roles=frozenset(r for r in roles if isinstance(r, str))
            if isinstance(roles, list)
            else frozenset(),
            unsigned=bool(claims.get("_unsigned")),
            device_id=device.lower()
            if isinstance(device, str) and _GUID.fullmatch(device)
            else None,
        )

    def _authorize(self, principal: Principal, need: Need) -> None:
        config = self._config
        if need == "any":
            return
        if need == "report":
            if config.report_scope not in principal.scopes:
                raise AuthError(
                    403,
                    "scope-missing",
                    f"the token lacks the scope {config.report_scope}",
                    config.report_scope,
                )
            if principal.client_app_id not in self._report_clients:
                raise AuthError(
                    403,
                    "client-not-allowed",
                    "the token was issued to another application",
                )
            return
        if config.read_role not in principal.roles:
            raise AuthError(
                403,
                "role-missing",
                f"the token lacks the app role {config.read_role}",
                config.read_role,
            )
        if self._read_clients and principal.client_app_id not in self._read_clients:
            raise AuthError(
                403, "client-not-allowed", "the token was issued to another application"
            )


_GUID: Final = re.compile(
    r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
)


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


async def authenticate(
    connection: HTTPConnection, validator: TokenValidator, need: Need
) -> Principal:
    """The caller of a request, or :class:`AuthError` / :class:`KeysUnavailable`.

    Cheap when the token was seen recently; otherwise the validation (which may
    fetch the JWKS) runs in a worker thread. The dashboard's routes use this
    with ``need="read"``. In ``--dev`` mode a reader may also come with the
    session cookie of the printed sign-in link (:mod:`collector.devmode`).
    """
    from starlette.concurrency import run_in_threadpool

    header = connection.headers.get("authorization")
    if not header and need == "read" and validator.dev:
        # serve --dev: the browser's session from the printed one-time link.
        dev_login = getattr(connection.app.state, "dev_login", None)
        session = dev_login.principal(connection) if dev_login else None
        if isinstance(session, Principal):
            return session
    token = bearer_token(header)
    principal = validator.cached(token, need)
    if principal is not None:
        return principal
    return await run_in_threadpool(validator.validate, token, need)


__all__ = [
    "REALM",
    "AuthError",
    "KeysUnavailable",
    "Need",
    "Principal",
    "TokenValidator",
    "authenticate",
    "bearer_token",
]
