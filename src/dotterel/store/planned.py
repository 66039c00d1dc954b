"""Commitments: planned meetings, proposals, ultimatums and ceasefire windows, in date order.

An event is a commitment when it is planned or proposed (a meeting set for Thursday, an offer),
when it is itself a window (a truce from a date to a `date_end`), or when it is a conditional
threat (an ultimatum: "sanctions if it fails to comply"). Each comes with its condition, its
dates and its sentence.

A commitment's window: the coder gives `date_end` to an event that is the window ("a two-week
truce, set to begin on Friday"); an offer whose condition is a window ("contingent on a ceasefire,
set to begin on Monday, which would last 30 days") keeps the day it was made, and the window is
among the document's time expressions. So a commitment without `date_end` takes, as its
`window`, the first time expression with an end (`value_end`) in its own sentence, unless an
event of that sentence is that window itself (then the window is listed once, as that event).
Why not in the coder: the offer happened on the day it was made; the window is what it is about.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import sqlalchemy as sa

from dotterel.store.linkrule import interval
from dotterel.store.tables import documents, sentences

# How long before `date_from` a commitment may have been made and still have a window reaching
# into the asked days (the database is searched this far back, then each window is checked).
LONGEST_LEAD = timedelta(days=366)


def with_windows(conn: sa.Connection, views: list[dict]) -> list[dict]:
    """Each view gets `window`: {text, start, end} (its own date to date_end, or a window in
    its sentence), or None."""
    spans = _sentence_spans(conn, views)
    times = _times(conn, {v["doc_id"] for v in views})
    # windows an event of the sentence already is: not repeated on its neighbours
    own = {(v["doc_id"], v["sentence"], v["date"], v["date_end"]) for v in views if v["date_end"]}
    for v in views:
        if v.get("date_end"):
            v["window"] = {"text": v.get("date_text"), "start": v["date"], "end": v["date_end"]}
            continue
        lo, hi = spans.get((v["doc_id"], v["sentence"]), (None, None))
        v["window"] = next(
            (
                {"text": t.get("text"), "start": t.get("value"), "end": t.get("value_end")}
                for t in times.get(v["doc_id"], [])
                if t.get("value_end")
                and lo is not None
                and lo <= t.get("start", -1) < hi
                and (v["doc_id"], v["sentence"], t.get("value"), t.get("value_end")) not in own
            ),
            None,
        )
    return views


def days(view: dict) -> tuple[str, str]:
    """The first and last day a commitment concerns, its own and its window's, as ISO dates
    ("2026-04" concerns 1 to 30 April); empty strings when it has no date."""
    window = view.get("window") or {}
    spans = [interval(view.get("date"), view.get("date_end"))]
    spans += [interval(window.get("start"), window.get("end"))]
    firsts = [lo for lo, _ in spans if lo]
    lasts = [hi for _, hi in spans if hi]
    return (
        min(firsts).isoformat() if firsts else "",
        max(lasts).isoformat() if lasts else "",
    )


def in_range(view: dict, date_from: date | None, date_to: date | None) -> bool:
    first, last = days(view)
    if date_from and last and last < date_from.isoformat():
        return False
    return not (date_to and first and first > date_to.isoformat())


def _sentence_spans(conn, views) -> dict[tuple[str, int], tuple[int, int]]:
    wanted = {(v["doc_id"], v["sentence"]) for v in views}
    if not wanted:
        return {}
    s = sentences.c
    query = sa.select(s.doc_id, s.idx, s.start, s.text).where(
        s.doc_id.in_({doc for doc, _ in wanted})
    )
    return {
        (doc, idx): (start, start + len(text))
        for doc, idx, start, text in conn.execute(query)
        if (doc, idx) in wanted and start is not None
    }


def _times(conn, doc_ids: set[str]) -> dict[str, list[dict]]:
    if not doc_ids:
        return {}
    query = sa.select(documents.c.doc_id, documents.c.annotations).where(
        documents.c.doc_id.in_(doc_ids)
    )
    out = {}
    for doc_id, stored in conn.execute(query):
        try:
            out[doc_id] = (json.loads(stored) if stored else {}).get("times") or []
        except ValueError:
            out[doc_id] = []
    return out
