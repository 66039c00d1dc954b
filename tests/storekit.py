"""Hand-made coded documents for the store's tests: events with exactly the fields a test needs,
without loading spaCy. (Tests of the whole path use the real Coder, the `coder` fixture.)"""

from __future__ import annotations

import datetime as dt
import re

from dotterel.document import Document
from dotterel.pipeline import CodedDocument
from dotterel.records import Actor, Event, Place, Span

CODING = {  # cameo: (PLOVER type, QuadClass, Goldstein)
    "040": ("CONSULT", 1, 1.0),
    "036": ("CONSULT", 1, 4.0),
    "111": ("ACCUSE", 3, -2.0),
    "190": ("ASSAULT", 4, -10.0),
    "138": ("THREATEN", 3, -7.0),
    "057": ("AGREE", 1, 8.0),
}


def actor(code: str, name: str | None = None) -> Actor:
    country = None if code.startswith("IGO") else code[:3]
    return Actor(text=name or code, code=code, name=name, country=country, sector=[code[3:]])


def event(
    doc_id: str,
    sentence: int,
    cameo: str,
    actors: list[str],
    recipients: list[str] = (),
    date: str | None = "2026-03-11",
    *,
    precision: str = "day",
    status: str = "reported",
    place: Place | None = None,
    date_end: str | None = None,
    condition: str | None = None,
    text: str = "A sentence about an event.",
    start: int = 0,
) -> Event:
    event_type, quad, goldstein = CODING[cameo]
    return Event(
        doc_id=doc_id,
        sentence=sentence,
        text=text,
        trigger=Span("met", start, start + 3),
        event_type=event_type,
        actor=[actor(c) for c in actors],
        recipient=[actor(c) for c in recipients],
        cameo=cameo,
        quad_class=quad,
        goldstein=goldstein,
        date=date,
        date_precision=precision,
        date_end=date_end,
        status=status,
        location=place,
        condition=condition,
        confidence=0.8,
        why="made by the test",
    )


def coded(
    doc_id: str,
    events: list[Event] = (),
    published: str | None = "2026-03-11",
    *,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    text: str | None = None,
) -> CodedDocument:
    text = text or f"The text of {doc_id}. It has two sentences."
    doc = Document(
        text,
        id=doc_id,
        title=title,
        url=url,
        source=source,
        published=dt.date.fromisoformat(published) if published else None,
    )
    found = [s for s in re.split(r"(?<=\.)\s+", text) if s]
    return CodedDocument(doc, events=list(events), sentences=found)


def city(name: str, country: str, admin1: str | None = None, geonameid: int | None = None):
    return Place(name, country, admin1, None, None, geonameid, "city")


def country(name: str, code: str):
    return Place(name, code, None, None, None, None, "country")
