"""An article's text with what the coder found in it marked: event triggers, actors, dates,
places and quotes, each from the stored offsets.

The text is cut at every mark's start and end, and each piece is escaped and, when marks cover
it, wrapped in one <mark> whose classes say which kinds cover it. Cutting rather than nesting
means overlapping marks (a trigger inside a quote, an actor inside a place) never produce
broken HTML, and every character of the stranger's text passes through `escape`.

Event records keep no offsets for their actors, only their words; an actor is marked where its
words first stand as whole words in the event's own sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

KINDS = ("quote", "place", "time", "actor", "trigger")  # later kinds read as more specific


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    label: str
    events: set[str] = field(default_factory=set)


def marks_for(document: dict) -> list[Mark]:
    """Marks from a document as the Reader returns it (text, sentences, events, annotations)."""
    text = document.get("text") or ""
    marks: list[Mark] = []

    def add(start, end, kind: str, label: str, event_id: str | None = None) -> None:
        if not isinstance(start, int) or not isinstance(end, int):
            return
        if 0 <= start < end <= len(text):
            marks.append(Mark(start, end, kind, label, {event_id} if event_id else set()))

    for q in document.get("quotes") or []:
        speaker = (q.get("speaker") or {}).get("name") or (q.get("speaker_span") or {}).get("text")
        add(q.get("start"), q.get("end"), "quote", f"quote, said by {speaker or 'unknown'}")
        span = q.get("speaker_span") or {}
        add(span.get("start"), span.get("end"), "actor", f"speaker: {speaker or span.get('text')}")
    for p in document.get("places") or []:
        add(p.get("start"), p.get("end"), "place", f"place: {p.get('name')} ({p.get('country')})")
    for t in document.get("times") or []:
        add(t.get("start"), t.get("end"), "time", f"date: {t.get('value')}")
    starts = sentence_starts(document)
    for ev in document.get("events") or []:
        eid = ev.get("event_id")
        trig = ev.get("trigger") or {}
        label = f"{ev.get('event_type')} (CAMEO {ev.get('cameo')}): {trig.get('text')}"
        add(trig.get("start"), trig.get("end"), "trigger", label, eid)
        base = starts.get(ev.get("sentence"))
        sentence = ev.get("text") or ""
        if base is None:
            continue
        for role in ("actor", "recipient"):
            for a in ev.get(role) or []:
                found = _whole_words(sentence, a.get("text") or "")
                if found:
                    label = f"{role}: {a.get('name') or a.get('text')} ({a.get('code')})"
                    add(base + found[0], base + found[1], "actor", label, eid)
    return _merged(marks)


def sentence_starts(document: dict) -> dict[int, int]:
    """Each sentence's start offset in the text, by index (where it is known)."""
    out = {}
    text = document.get("text") or ""
    for i, s in enumerate(document.get("sentences") or []):
        start = s.get("start")
        if start is None and s.get("text"):
            start = text.find(s["text"])
        if isinstance(start, int) and start >= 0:
            out[i] = start
    return out


def _whole_words(sentence: str, words: str) -> tuple[int, int] | None:
    if not words.strip():
        return None
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", sentence)
    return (found.start(), found.end()) if found else None


def _merged(marks: list[Mark]) -> list[Mark]:
    """One mark per (start, end, kind): an actor of three events is one mark naming all three."""
    by_key: dict[tuple, Mark] = {}
    for m in marks:
        key = (m.start, m.end, m.kind)
        if key in by_key:
            kept = by_key[key]
            kept.events |= m.events
            if m.label not in kept.label.split("; "):
                kept.label += f"; {m.label}"
        else:
            by_key[key] = Mark(m.start, m.end, m.kind, m.label, set(m.events))
    return sorted(by_key.values(), key=lambda m: (m.start, -m.end))


def render(text: str, marks: list[Mark]) -> Markup:
    """The text as HTML, every piece escaped, marked pieces in <mark> elements."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end])
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in covering}, key=KINDS.index)
        classes = " ".join(f"hl-{k}" for k in kinds)
        events = " ".join(sorted({e for m in covering for e in m.events}))
        title = "; ".join(dict.fromkeys(m.label for m in covering))
        out.append(
            Markup('<mark class="hl {}" data-events="{}" title="{}">{}</mark>').format(
                classes, events, title, piece
            )
        )
    return Markup("").join(out)
