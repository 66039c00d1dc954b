"""What `dotterel serve` is allowed to do, from the `[serve]` table of dotterel.toml and the
environment (the environment wins, so a secret need not sit in a file):

    [serve]
    token = "a long secret"     # or $DOTTEREL_TOKEN; POST /api/documents needs it
    private = false             # or $DOTTEREL_PRIVATE=1; true: every read needs the token too
    max_body_bytes = 2000000    # a larger request body is refused (413)
    max_documents = 50          # documents one POST may carry

Why these defaults: reading an event store is what it is for, so reads are open unless made
private; writing runs the coder on a stranger's text, so it is off until a token is set.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

MIN_TOKEN_CHARS = 16


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class ServeSettings:
    token: str | None = None
    private: bool = False
    max_body_bytes: int = 2_000_000
    max_documents: int = 50

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < MIN_TOKEN_CHARS:
            raise SettingsError(f"serve token must be at least {MIN_TOKEN_CHARS} characters")
        if self.private and not self.token:
            raise SettingsError("serve private = true needs a token to read with")
        if not 1_000 <= self.max_body_bytes <= 100_000_000:
            raise SettingsError("serve max_body_bytes must be between 1000 and 100000000")
        if not 1 <= self.max_documents <= 1_000:
            raise SettingsError("serve max_documents must be between 1 and 1000")

    @classmethod
    def from_mapping(cls, table: dict, environ: dict | None = None) -> ServeSettings:
        env = os.environ if environ is None else environ
        unknown = set(table) - {"token", "private", "max_body_bytes", "max_documents"}
        if unknown:
            raise SettingsError(f"unknown serve settings {sorted(unknown)}")
        token = env.get("DOTTEREL_TOKEN") or table.get("token")
        if token is not None and not isinstance(token, str):
            raise SettingsError("serve token must be text")
        private = table.get("private", False)
        if "DOTTEREL_PRIVATE" in env:
            private = env["DOTTEREL_PRIVATE"].strip().lower() in ("1", "true", "yes", "on")
        if not isinstance(private, bool):
            raise SettingsError("serve private must be true or false")
        numbers = {}
        for name in ("max_body_bytes", "max_documents"):
            value = table.get(name, getattr(cls, name))
            if not isinstance(value, int) or isinstance(value, bool):
                raise SettingsError(f"serve {name} must be a whole number")
            numbers[name] = value
        return cls(token=token or None, private=private, **numbers)
