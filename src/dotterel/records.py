"""The event record and its parts, as in docs/output-schema.md (the output contract)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

from dotterel import SCHEMA_VERSION


@dataclass
class Actor:
    text: str
    code: str
    name: str | None = None
    country: str | None = None
    sector: list[str] = field(default_factory=list)
    kb_id: str | None = None
    role: str | None = None
    # Not part of the record: where the mention sits in the document and why it resolved so.
    start: int = field(default=-1, repr=False, compare=False)
    end: int = field(default=-1, repr=False, compare=False)
    why: str = field(default="", repr=False, compare=False)

    def to_record(self) -> dict:
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": list(self.sector),
            "kb_id": self.kb_id,
            "role": self.role,
        }


@dataclass
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "country"

    def to_record(self) -> dict:
        return asdict(self)


@dataclass
class Span:
    text: str
    start: int
    end: int

    def to_record(self) -> dict:
        return asdict(self)


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    conditional: bool = False
    future: bool = False
    reported_speech: bool = False

    def to_record(self) -> dict:
        return asdict(self)


@dataclass
class Quote:
    """A quotation or a report of speech: its words (offsets into the document) and who said
    them, where. `kind` is "direct" (in quotation marks), "indirect" ("X said that ...",
    "according to X, ...") or "mixed" (a report holding quoted words)."""

    text: str
    start: int
    end: int
    speaker: Actor | None = None
    channel: str | None = None  # "X", "Truth Social", "Sky News", "statement", "reporters"
    kind: str = "direct"
    speaker_span: Span | None = None  # the words naming the speaker ("he", "a spokesman")
    cue: Span | None = None  # the words that say it was said ("said", "according to")
    why: str = ""

    def to_record(self) -> dict:
        return {
            "speaker": self.speaker.to_record() if self.speaker else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "channel": self.channel,
            "speaker_span": self.speaker_span.to_record() if self.speaker_span else None,
            "cue": self.cue.to_record() if self.cue else None,
            "why": self.why,
        }


@dataclass
class Event:
    """One coded event. `to_record()` gives exactly the schema's fields, in its order."""

    doc_id: str
    sentence: int
    text: str
    trigger: Span
    event_type: str
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    date_text: str | None = None
    date_precision: str = "publication"
    date_end: str | None = None
    status: str = "reported"
    location: Place | None = None
    modality: Modality = field(default_factory=Modality)
    condition: str | None = None
    quote: Quote | None = None
    confidence: float = 0.5
    why: str = ""

    @property
    def cameo_root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None

    @property
    def event_id(self) -> str:
        # Stable: depends only on the document, the sentence, the trigger and the type.
        key = (
            f"{self.doc_id}|{self.trigger.start}|{self.trigger.end}|{self.event_type}|{self.cameo}"
        )
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        return f"{self.doc_id}-{self.sentence}-{digest}"

    def to_record(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "trigger": self.trigger.to_record(),
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "actor": [a.to_record() for a in self.actor],
            "recipient": [a.to_record() for a in self.recipient],
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "date_end": self.date_end,
            "status": self.status,
            "location": self.location.to_record() if self.location else None,
            "modality": self.modality.to_record(),
            "condition": self.condition,
            "quote": self.quote.to_record() if self.quote else None,
            "confidence": round(self.confidence, 3),
            "why": self.why,
        }


# The record's fields, in order: what a validator and the CSV writer rely on.
EVENT_FIELDS = [
    "schema_version", "event_id", "doc_id", "sentence", "text", "trigger", "event_type", "mode",
    "context", "cameo", "cameo_root", "quad_class", "goldstein", "actor", "recipient", "date",
    "date_text", "date_precision", "date_end", "status", "location", "modality", "condition",
    "quote", "confidence", "why",
]  # fmt: skip
