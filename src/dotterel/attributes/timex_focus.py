"""The temporal focus of a document: anaphoric time expressions resolved against the time the
text last talked about, not the publication date.

Why: "two days ago", "last year" and "next week" are deictic, counted from when the text was
written; "two days earlier", "that year", "the following week", "the same day" are anaphoric,
counted from the time the story is at. In "The plant closed in 1991. The following year ..."
the following year is 1992 whatever the publication date. The focus is the last time
expression before the one to resolve that names a date, month, quarter, half, season or year;
an anaphoric expression resolves against it when it is at least as fine as the expression's
unit ("the next day" needs a day), else against the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache

from dotterel.attributes import dates
from dotterel.attributes import timex_conventions as conventions

_ANCHORING = {"day", "month", "quarter", "half", "season", "year"}
# The finest unit each focus precision can anchor: a month anchors "that month" and "that year".
_FINENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4}


def anaphor_unit(mention: dates.TimeMention) -> str | None:
    """The unit an anaphoric expression counts in ("day" for "the next day"), or None when the
    expression is deictic or absolute."""
    g = mention.match.groupdict()
    text = mention.text.lower()
    if mention.kind == "relday":
        return "day"
    if mention.kind == "thatunit":
        # "that year", "the same month", "the week before"; in news "the year" and "this year"
        # are the publication's year
        if g.get("unit2") or re.search(r"\b(?:that|same)\b", text):
            return (g.get("unit") or g.get("unit2")).lower()
        return None
    if mention.kind == "relunit":
        rel = " ".join(g["rel"].lower().split())
        if rel in ("the following", "the previous", "the prior", "the same"):
            return g["unit"].lower()
        return None
    if mention.kind == "ago" and g["dir"].lower() in ("earlier", "before", "later"):
        return g["unit"].lower()
    return None


def _focus_date(value: dates.TimeValue) -> date | None:
    """A day standing for a focus value: the day itself, or the middle of its period."""
    if value.day:
        return value.day
    v = value.value
    try:
        year = int(v[:4])
    except ValueError:
        return None
    if len(v) == 4:
        return date(year, 7, 1)
    rest = v[5:]
    if rest.isdigit():
        return date(year, int(rest), 15)
    if rest.startswith("Q"):
        return date(year, 3 * int(rest[1]) - 1, 15)
    if rest.startswith("H"):
        return date(year, 6 * int(rest[1]) - 3, 15)
    return date(year, {"SP": 4, "SU": 7, "FA": 10, "WI": 12}.get(rest, 7), 15)


def _anchor_for(unit: str | None, focus: dates.TimeValue | None, anchor: date) -> date:
    if unit is None or focus is None:
        return anchor
    if _FINENESS.get(focus.precision, 9) > _FINENESS.get(unit, 4):
        return anchor  # "the next day" after "in 1991": no day to count from
    return _focus_date(focus) or anchor


@lru_cache(maxsize=64)
def _timeline(text: str, anchor: date) -> tuple[tuple[int, ...], tuple[dates.TimeValue, ...]]:
    """Where the focus changes in `text` (end offsets) and what it becomes, mentions resolved
    left to right, each anaphor against the focus before it."""
    return _timeline_of(text, dates.find(text), anchor)


def _timeline_of(
    text: str, found: list[dates.TimeMention], anchor: date
) -> tuple[tuple[int, ...], tuple[dates.TimeValue, ...]]:
    """`_timeline` for a text's mentions already found."""
    ends: list[int] = []
    foci: list[dates.TimeValue] = []
    previous = None  # the last mention that set the focus
    for t in found:
        focus = foci[-1] if foci else None
        if _period_of_focus(t, focus) is not None:
            continue  # a comparison base ("a year earlier") does not move the story's time
        value = dates.resolve(t, _anchor_for(anaphor_unit(t), focus, anchor), None)
        if not (value and value.precision in _ANCHORING and value.value[:1].isdigit()):
            continue
        if previous is not None and _JOINED.fullmatch(text, previous.end, t.start):
            # "last year's third quarter", "the first quarter of 1996": one time in two parts
            parts = [(v.value, v.precision, dates.names_year(m)) for m, v in
                     ((previous, foci[-1]), (t, value))]  # fmt: skip
            composed = conventions.compose(parts, None)
            if composed:
                value = dates.TimeValue(*composed)
                ends.pop()
                foci.pop()
        ends.append(t.end)
        foci.append(value)
        previous = t
    return tuple(ends), tuple(foci)


_JOINED = re.compile(r"(?:['’]s)?\s*(?:of\s+|,\s*)?")


def focus_at(text: str, start: int, anchor: date) -> dates.TimeValue | None:
    """The temporal focus of `text` just before character `start`."""
    ends, foci = _timeline(text, anchor)
    k = bisect_right(ends, start)
    return foci[k - 1] if k else None


_PERIODS = {"quarter", "half", "month", "season"}


def _shift_year(value: str, years: int) -> str:
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def _period_of_focus(t: dates.TimeMention, focus: dates.TimeValue | None):
    """A reporting period named after the one in focus: "a year earlier" or "the year-earlier
    period" after "the third quarter" is that quarter a year before (the anaphor keeps its
    anchor's granularity); "the quarter" or "the period" after it is that quarter."""
    if focus is None or focus.precision not in _PERIODS:
        return None
    g = t.match.groupdict()
    what = (g.get("what") or "period").lower() if t.kind == "yearago" else None
    if t.kind == "ago" and g["unit"].lower() == "year":
        n, direction = dates.count_of(g["n"]), g["dir"].lower()
        # "ago" counts from the publication, except as the base a reporting period (a quarter,
        # a half) is compared with: "profit in the quarter rose from $2 million a year ago"
        if direction == "ago" and focus.precision not in ("quarter", "half"):
            return None
        if n is None or direction not in ("earlier", "before", "later", "ago"):
            return None
        sign = 1 if direction == "later" else -1
        return dates.TimeValue(_shift_year(focus.value, sign * n), focus.precision)
    if what in ("period", "quarter"):
        if what == "quarter" and focus.precision != "quarter":
            return None
        return dates.TimeValue(_shift_year(focus.value, -1), focus.precision)
    if _is_focus_period(t, focus):
        return focus
    return None


def _is_focus_period(t: dates.TimeMention, focus: dates.TimeValue | None) -> bool:
    """ "the period", "the quarter", "the same quarter" while a quarter is in focus."""
    if focus is None or focus.precision not in _PERIODS:
        return False
    g = t.match.groupdict()
    if t.kind == "period":
        return True
    if t.kind == "thatunit":  # not "the quarter before": that is another quarter
        return (g.get("unit") or "").lower() == focus.precision and not g.get("unit2")
    if t.kind == "relunit":
        rel = " ".join(g["rel"].lower().split())
        return rel == "the same" and g["unit"].lower() == focus.precision
    return False


_VAGUE = {"past": "PAST_REF", "future": "FUTURE_REF"}


def normalise_in_document(
    expression: str, anchor: date, tense: str | None, text: str | None, start: int | None
) -> dates.TimeValue:
    """`dates.normalise`, with an anaphoric expression counted from the document's temporal
    focus before `start` (its position in `text`) instead of the anchor.

    The span is known to be a date (an annotator's), so one the patterns do not read ("the
    time", "those days", "a while ago") is a vague reference to the past, present or future,
    as its clause's tense says: TIMEX3's value for a date it cannot place."""
    value = _in_document(expression, anchor, tense, text, start)
    return value or dates.TimeValue(_VAGUE.get(tense or "", "PRESENT_REF"), "ref")


def _in_document(
    expression: str, anchor: date, tense: str | None, text: str | None, start: int | None
) -> dates.TimeValue | None:
    if text is None or start is None:
        return dates.normalise(expression, anchor, tense)
    mentions = dates.find(expression.strip(), whole=True)
    if len(mentions) == 2:
        # "the same period last year": the period in focus, in the year the other part names
        focus = focus_at(text, start, anchor)
        same = [_is_focus_period(t, focus) for t in mentions]
        values = [
            focus if is_it else dates.resolve(t, anchor, tense)
            for t, is_it in zip(mentions, same, strict=True)
        ]
        if sum(same) == 1 and all(values):
            parts = [
                (v.value, v.precision, not is_it and dates.names_year(t))
                for t, v, is_it in zip(mentions, values, same, strict=True)
            ]
            composed = conventions.compose(parts, None)
            if composed:
                return dates.TimeValue(*composed)
    if len(mentions) == 1:
        t = mentions[0]
        unit = anaphor_unit(t)
        focus = focus_at(text, start, anchor)
        same = _period_of_focus(t, focus)
        if same is not None:
            return same
        if unit is not None:
            at = _anchor_for(unit, focus, anchor)
            return dates.normalise(expression, at, tense)
    # Year-less dates ("in March") stay with the publication date: in news a year named nearby
    # ("the company, founded in 1985, said in March") rarely moves them.
    return dates.normalise(expression, anchor, tense)


def resolve_all(text: str, mentions: list[dates.TimeMention], anchor: date, tenses) -> None:
    """Set each mention's value as `normalise_in_document` would, with the document's timeline
    worked out once: an anaphor ("the next day", "that year", "a year earlier") counts from the
    focus before it, anything else from the publication date."""
    ends, foci = _timeline_of(text, mentions, anchor)  # doc_times has found them already
    for t, tense in zip(mentions, tenses, strict=True):
        k = bisect_right(ends, t.start)
        focus = foci[k - 1] if k else None
        same = _period_of_focus(t, focus)
        if same is not None:
            t.value, t.settled = same, True
            continue
        at = _anchor_for(anaphor_unit(t), focus, anchor)
        t.anchor = at if at != anchor else None
        t.value = dates.resolve(t, at, tense)
