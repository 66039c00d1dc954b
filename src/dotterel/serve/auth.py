"""Who may read and who may write: one token, sent as `Authorization: Bearer TOKEN`, or by a
browser as HTTP Basic with the token as the password (any user name), so a private server's
pages can still be read in a browser, which asks for it."""

from __future__ import annotations

import base64
import binascii
import hmac

from fastapi import HTTPException, Request

from dotterel.serve.settings import ServeSettings

CHALLENGE = {"WWW-Authenticate": 'Basic realm="dotterel", charset="UTF-8"'}


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer":
        return value or None
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2] or None
    return None


def _matches(settings: ServeSettings, token: str | None) -> bool:
    if not settings.token or not token:
        return False
    # compare_digest: how long a wrong token takes to refuse says nothing about the right one
    return hmac.compare_digest(token.encode("utf-8"), settings.token.encode("utf-8"))


def require_read(request: Request) -> None:
    settings: ServeSettings = request.app.state.settings
    if settings.private and not _matches(settings, presented_token(request)):
        raise HTTPException(401, "this server is private: send its token", headers=CHALLENGE)


def require_write(request: Request) -> None:
    settings: ServeSettings = request.app.state.settings
    if not settings.token:
        raise HTTPException(
            403, "ingest is off: set a token ([serve] token in dotterel.toml or $DOTTEREL_TOKEN)"
        )
    if not _matches(settings, presented_token(request)):
        raise HTTPException(401, "send the server's token as 'Authorization: Bearer TOKEN'")
