"""The Document: what every ingest module produces and every later stage reads."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of a text used for its identity: NFC, whitespace collapsed, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_id(text: str) -> str:
    """A document id from its text, so the same article coded twice is stored once."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One news article. `origin` says where it came from, for error messages."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    origin: str = "<input>"
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)


@dataclass
class Problem:
    """A document (or part of an input) that could not be used, and why.

    Stages report these instead of raising, so one bad document never stops a run.
    """

    where: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}"
