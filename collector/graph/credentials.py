# SPDX-License-Identifier: MIT
"""The Graph app's credential and its access token (client credentials flow).

Preferred: a certificate. The collector signs a short JWT (the client
assertion) with the certificate's private key: ``alg`` PS256, the
``x5t#S256`` header (base64url SHA-256 of the certificate's DER), claims
``aud`` (the token endpoint), ``iss`` = ``sub`` = the client id, ``jti``,
``nbf``, ``iat``, ``exp`` (10 minutes), as Microsoft's "certificate
credentials" page describes [DOC vendor-apis V-090]. Allowed: a client secret.

Where the credential comes from: :mod:`collector.graph.settings`. A file
holding a secret must be readable by its owner only, and that owner must be
the service user: anything else is refused with the path and the reason.
Nothing here logs or returns a secret; :class:`Credential`'s ``repr`` names
only its kind.
"""

from __future__ import annotations

import base64
import hashlib
import os
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from collector.private_file import PrivateFileError, read_private_file

if TYPE_CHECKING:
    import httpx

    from collector.graph.settings import IntuneConfig

SCOPE_SUFFIX: Final = "/.default"
ASSERTION_TYPE: Final = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
# systemd LoadCredential= names (docs/intune-confirmation.md).
CERTIFICATE_CREDENTIAL: Final = "intune-certificate"
SECRET_CREDENTIAL: Final = "intune-client-secret"
# A token is renewed this long before it expires.
_MARGIN: Final = 300.0


class CredentialError(Exception):
    """No usable credential, or the token service refused it.

    Attributes:
        code: ``no-credential``, ``unsafe-file``, ``bad-file``,
            ``auth-failed`` (wrong id or credential), ``token-unavailable``.
        aadsts: the AADSTS error number Entra gave (``7000215``), or "".
    """

    def __init__(self, code: str, detail: str, *, aadsts: str = "") -> None:
        super().__init__(detail)
        self.code = code
        self.aadsts = aadsts


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def read_secret_file(path: str, *, owner: int | None = None) -> bytes:
    """A file holding a secret, refused unless only its owner (the service
    user) can read it (:func:`collector.private_file.read_private_file`).

    Raises:
        CredentialError: ``unsafe-file`` or ``bad-file``, with the fix.
    """
    try:
        return read_private_file(path, owner=owner)
    except PrivateFileError as exc:
        raise CredentialError(exc.code, str(exc)) from None


@dataclass(frozen=True)
class Credential:
    """A certificate (private key + DER) or a client secret.

    Attributes:
        kind: ``certificate`` or ``client-secret``.
        source: where it was read (a path or ``INTUNE_COLLECTOR_...``), for
            messages; never the value.
    """

    kind: Literal["certificate", "client-secret"]
    source: str
    _secret: str = field(default="", repr=False)
    _key: Any = field(default=None, repr=False)
    _der: bytes = field(default=b"", repr=False)

    @classmethod
    def from_pem(cls, data: bytes, password: str, source: str) -> Credential:
        """A certificate credential from PEM text (private key + certificate).

        Raises:
            CredentialError: ``bad-file`` naming ``source``.
        """
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        try:
            key = serialization.load_pem_private_key(
                data, password.encode("utf-8") if password else None
            )
            cert = x509.load_pem_x509_certificate(data)
        except (ValueError, TypeError) as exc:
            raise CredentialError(
                "bad-file",
                f"{source}: expected a PEM with the private key and its certificate "
                f"({type(exc).__name__})",
            ) from None
        if not isinstance(key, rsa.RSAPrivateKey):
            # PS256 (the documented algorithm) is an RSA signature.
            raise CredentialError("bad-file", f"{source}: expected an RSA private key")
        der = cert.public_bytes(serialization.Encoding.DER)
        return cls("certificate", source, _key=key, _der=der)

    @property
    def thumbprint_s256(self) -> str:
        """The ``x5t#S256`` header value ("" for a secret)."""
        return _b64(hashlib.sha256(self._der).digest()) if self._der else ""

    def form(self, token_url: str, client_id: str, now: float) -> dict[str, str]:
        """The credential's part of the token request's form."""
        if self.kind == "client-secret":
            return {"client_secret": self._secret}
        import jwt

        claims = {
            "aud": token_url,
            "iss": client_id,
            "sub": client_id,
            "jti": str(uuid.uuid4()),
            "nbf": int(now),
            "iat": int(now),
            "exp": int(now) + 600,
        }
        headers = {"typ": "JWT", "x5t#S256": self.thumbprint_s256}
        assertion = jwt.encode(claims, self._key, algorithm="PS256", headers=headers)
        return {"client_assertion_type": ASSERTION_TYPE, "client_assertion": assertion}


def load_credential(
    settings: IntuneConfig, environ: Mapping[str, str] | None = None
) -> Credential:
    """The credential of :mod:`collector.graph.settings`, first found wins.

    Raises:
        CredentialError: none configured, or one that cannot be used.
    """
    env = os.environ if environ is None else environ
    directory = env.get("CREDENTIALS_DIRECTORY", "")

    def from_directory(name: str) -> str:
        path = os.path.join(directory, name) if directory else ""
        return path if path and os.path.isfile(path) else ""

    # systemd hands credentials over with the service user as owner (mode
    # 0400 by default), so the same check applies.
    path = from_directory(CERTIFICATE_CREDENTIAL) or settings.certificate_file
    if path:
        return Credential.from_pem(
            read_secret_file(path), settings.certificate_password, path
        )
    path = from_directory(SECRET_CREDENTIAL) or settings.client_secret_file
    if path:
        secret = read_secret_file(path).decode("utf-8", "replace").strip()
        if not secret:
            raise CredentialError("bad-file", f"{path}: empty")
        return Credential("client-secret", path, _secret=secret)
    if settings.client_secret:
        return Credential(
            "client-secret", "intune.client_secret", _secret=settings.client_secret
        )
    raise CredentialError(
        "no-credential",
        "intune: no credential: set certificate_file (preferred), "
        f"client_secret_file, client_secret, or systemd LoadCredential= "
        f"{CERTIFICATE_CREDENTIAL} / {SECRET_CREDENTIAL}",
    )


def _aadsts(body: object) -> str:
    """The AADSTS number of an Entra error body (``error_codes`` first)."""
    if not isinstance(body, dict):
        return ""
    codes = body.get("error_codes")
    if isinstance(codes, list) and codes and isinstance(codes[0], int):
        return str(codes[0])
    description = body.get("error_description")
    if isinstance(description, str) and description.startswith("AADSTS"):
        number = description[6:].partition(":")[0]
        return number if number.isdigit() else ""
    return ""


class TokenSource:
    """App-only tokens for Microsoft Graph, cached until 5 minutes before
    they expire; thread-safe.

    Args:
        settings: ``[intune]`` (tenant, client id, authority, Graph URL).
        credential: from :func:`load_credential`.
        clock: epoch seconds.
    """

    def __init__(
        self,
        settings: IntuneConfig,
        credential: Credential,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.url = (
            f"{settings.authority.rstrip('/')}/"
            f"{urllib.parse.quote(settings.tenant_id)}/oauth2/v2.0/token"
        )
        self.scope = settings.graph_url.rstrip("/") + SCOPE_SUFFIX
        self.client_id = settings.client_id
        self.credential = credential
        self._clock = clock
        self._token = ""
        self._until = 0.0
        self._lock = threading.Lock()

    def token(self, client: httpx.Client, *, refresh: bool = False) -> str:
        """A valid access token (``refresh``: not the cached one).

        Raises:
            CredentialError: ``auth-failed`` (a 4xx: the ids or the
                credential are wrong) or ``token-unavailable`` (network, 5xx).
        """
        with self._lock:
            if refresh or not self._token or self._clock() >= self._until:
                self._token, lifetime = self._fetch(client)
                self._until = self._clock() + max(0.0, lifetime - _MARGIN)
            return self._token

    def _fetch(self, client: httpx.Client) -> tuple[str, float]:
        import httpx

        form = {
            "client_id": self.client_id,
            "scope": self.scope,
            "grant_type": "client_credentials",
            **self.credential.form(self.url, self.client_id, self._clock()),
        }
        try:
            response = client.post(self.url, data=form)
        except httpx.HTTPError as exc:
            raise CredentialError(
                "token-unavailable", f"token endpoint: {type(exc).__name__}"
            ) from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code != 200:
            number = _aadsts(body)
            error = body.get("error", "") if isinstance(body, dict) else ""
            code = (
                "auth-failed"
                if 400 <= response.status_code < 500
                else ("token-unavailable")
            )
            raise CredentialError(
                code,
                f"token endpoint: HTTP {response.status_code} {str(error)[:40]}"
                + (f" AADSTS{number}" if number else ""),
                aadsts=number,
            )
        try:
            if not isinstance(body, dict):
                raise TypeError("not an object")
            token = str(body["access_token"])
            lifetime = float(body.get("expires_in", 3600))
        except (KeyError, TypeError, ValueError):
            raise CredentialError(
                "token-unavailable", "token endpoint: not a token response"
            ) from None
        return token, lifetime


__all__ = [
    "ASSERTION_TYPE",
    "CERTIFICATE_CREDENTIAL",
    "SECRET_CREDENTIAL",
    "Credential",
    "CredentialError",
    "TokenSource",
    "load_credential",
    "read_secret_file",
]
