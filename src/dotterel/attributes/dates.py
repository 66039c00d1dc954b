"""Time expressions: find them, normalise them against the publication date, date events.

A small rule-based normaliser (standard library only). Values follow TimeML/TIMEX3 conventions:
"2025-05-15" (day), "2025-W20" (week), "2025-05" (month), "2025-Q2" (quarter), "2025-SU"
(season), "2025" (year), "199" (decade), "19" (century), and PRESENT_REF / PAST_REF /
FUTURE_REF for "now", "recently", "the future".

Resolution:
- a weekday that is the anchor's own weekday is the anchor day; otherwise the coming one when the
  tense is "future", the past one when it is "past" or unknown (news reports past events);
- a month or a month and day without a year takes the anchor's year, moved one year back or
  forward only when the tense says the other way (a past event on a date after the anchor);
- ranges: a duration in the same sentence as a start date ("a 30-day ceasefire starting Monday",
  "set to begin on Monday, which would last 30 days") gives `value_end`, the **last day
  included**: start + N days - 1 (30 days from 2025-05-12 end on 2025-06-10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dotterel.attributes import timex_conventions as conventions
from dotterel.events.extract import trailing_modifier
from dotterel.nlp import text_of

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "several": None,
}  # fmt: skip
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES_WORDS = "one|two|three|four|five|six|seven|eight|nine"
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
# A count: digits, a word, or a compound ("twenty-five"); longest alternatives first.
_NUM = (
    rf"(?P<n>\d+|(?:{_TENS_WORDS})[-\s](?:{_ONES_WORDS})|a\s+hundred|"
    + "|".join(sorted((w for w in NUMBERS if NUMBERS[w] and " " not in w), key=len, reverse=True))
    + ")"
)
_UNIT = r"(?P<unit>day|week|month|quarter|year|decade)s?"

# (kind, pattern). The finder keeps the longest match; on a tie, the earlier pattern.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("slash", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)\b"),
    (
        "mdy",
        rf"\b(?:{_WD},?\s+)?{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?",
    ),
    (
        "dmy",
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
        rf"(?:,?\s+{_YEAR}\b)?",
    ),
    (
        "month",
        rf"\b(?:(?P<rel>last|next|this|early|mid|late|earlier|later)[-\s]+|"
        rf"the\s+(?:beginning|middle|end|start)\s+of\s+)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR}\b)?",
    ),
    ("decade", r"\b(?:the\s+)?(?P<dec>1[5-9]\d0|20\d0)'?s\b"),
    ("decade2", r"\b(?:the\s+)?'(?P<dec2>\d0)s\b"),
    ("century", r"\b(?:the\s+)?(?P<cent>1\d|20|21)(?:st|nd|rd|th)[-\s]+century\b"),
    ("year", rf"(?:\bthe\s+year\s+)?(?<![\d$,.]){_YEAR}(?![\d,.]\d|%)"),  # "the year 2000"
    (
        "deictic",
        r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b",
    ),
    ("dayafter", r"\bthe\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)\b"),
    (
        "weekday",
        rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?{_WD}"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    ),
    (
        "weekend",
        r"\b(?P<rel>this\s+past|this|last|next|the\s+past|the\s+coming|the)\s+weekend\b",
    ),
    (
        "relunit",
        r"\b(?P<rel>last|next|this|the\s+current|the\s+coming|the\s+previous|the\s+following"
        r"|the\s+past|the\s+latest|the\s+most\s+recent|the\s+same|the\s+prior)\s+"
        r"(?P<unit>week|month|year|quarter|decade|century)\b",
    ),
    ("ago", rf"\b{_NUM}\s+{_UNIT}\s+(?P<dir>ago|earlier|before|later|from\s+now|hence)\b"),
    (
        "quarter",
        r"\b(?:the\s+)?(?:(?P<qy>1[5-9]\d\d|20\d\d)\s+)?(?:fiscal\s+)?"
        r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?:fiscal\s+)?quarter"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<qy2>1[5-9]\d\d|20\d\d))?\b",
    ),
    (
        "half",
        r"\b(?:the\s+)?(?P<h>first|second|latter)[-\s]+half(?:\s+of\s+(?P<hy>1[5-9]\d\d|20\d\d))?\b",
    ),
    (
        "season",
        r"\b(?:(?P<rel>this\s+past|this|last|past|next|early|late|the)\s+)?"
        r"(?P<season>spring|summer|autumn|winter)"
        r"(?:\s+(?:of\s+)?(?P<sy>1[5-9]\d\d|20\d\d))?\b",
    ),
    ("fall", r"\b(?P<rel>this|last|next)\s+fall\b"),
    (
        "present",
        r"\b(?:now|currently|nowadays|at\s+present|the\s+present|these\s+days|at\s+the\s+moment)\b",
    ),
    (
        "past",
        r"\b(?:recently|lately|in\s+the\s+past|the\s+past|previously"
        r"|recent\s+(?:days|weeks|months|years))\b",
    ),
    ("future", r"\b(?:the\s+future|in\s+the\s+future)\b"),
]
_TENS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7,
         "eighty": 8, "ninety": 9}  # fmt: skip
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9}  # fmt: skip
_PATTERNS += [
    (
        "future",
        r"\b(?:the\s+)?(?:coming|next\s+few|upcoming|following)\s+(?:days|weeks|months|years"
        r"|quarters)\b|\bthe\s+(?:near|short|long|medium)\s+(?:future|term)\b",
    ),
    (
        "past",
        r"\b(?:the\s+)?(?:past|last|recent|previous)\s+(?:few\s+|several\s+)?(?:days|weeks"
        r"|months|years|decades)\b|\b(?:several|a\s+few|many)\s+(?:days|weeks|months|years)"
        r"\s+ago\b",
    ),
    (
        "spelled",
        rf"\bnineteen[-\s]+(?P<tens>{'|'.join(_TENS)})"
        rf"(?:[-\s]+(?P<units>{'|'.join(_UNITS)}))?\b",
    ),
    (
        "holiday",
        r"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>Christmas(?:\s+Day)?|Christmas\s+Eve"
        r"|New\s+Year'?s(?:\s+Day)?|New\s+Year'?s\s+Eve|Thanksgiving(?:\s+Day)?"
        r"|Independence\s+Day|" + conventions.HOLIDAY_NAMES + r")\b",
    ),
    ("theyear", r"\bthe\s+(?:full\s+|whole\s+|entire\s+)?year\b(?!\s+(?:before|after|ago))"),
    ("beforelast", r"\bthe\s+(?P<unit>week|month|year)\s+before\s+last\b"),
    # "in the new year", said late in a year, is the next one
    ("newyear", r"\bthe\s+new\s+year\b(?!'?s)"),
    *conventions.TEXT_PATTERNS,
]
# Whole-expression mode only (a span already known to be a time expression): a lone deictic
# adjective or adverb. In running text these are too often something else ("future talks").
_LOOSE = [
    ("present", r"^(?:current|currently|already|present|today's|the\s+moment)$"),
    ("past", r"^(?:recent|former|earlier|once|the\s+past|long\s+ago)$"),
    ("future", r"^(?:future|soon|later|eventually|shortly|the\s+long\s+run)$"),
    *conventions.WHOLE_PATTERNS,
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _PATTERNS]
_COMPILED_LOOSE = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _LOOSE]

_DURATION = re.compile(
    rf"\b{_NUM}[-\s]+(?P<unit>day|week|month)s?\b(?!\s+(?:ago|earlier|later|before))",
    re.IGNORECASE,
)
_START_CUE = re.compile(
    r"\b(?:start\w*|begin\w*|began|begun|from|effective|as\s+of|commenc\w*|take\s+effect"
    r"|takes\s+effect|took\s+effect)\b",
    re.IGNORECASE,
)


@dataclass
class TimeValue:
    value: str
    precision: str  # day, week, month, quarter, half, season, year, decade, century, ref
    day: date | None = None  # the (first) day, for day precision


@dataclass
class TimeMention:
    text: str
    start: int
    end: int
    kind: str
    match: re.Match
    value: TimeValue | None = None
    value_end: str | None = None
    duration: str | None = None
    verb: object = None  # the governing predicate token, with a parse
    root: object = None  # the expression's root token, with a parse
    whole: bool = False  # found as a whole expression (its span known to be a time)
    # What an anaphor counts from (the document's temporal focus), when not the publication
    # date; `settled` when the focus itself is its value ("the same quarter").
    anchor: date | None = None
    settled: bool = False

    def to_record(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.value if self.value else None,
            "precision": self.value.precision if self.value else None,
            "value_end": self.value_end,
        }


def find(text: str, whole: bool = False) -> list[TimeMention]:
    """Every time expression in `text`, left to right, not overlapping (longest wins).
    `whole`: `text` is known to be one time expression (no sentence-start guards)."""
    found = []
    patterns = _COMPILED + _COMPILED_LOOSE if whole else _COMPILED
    for rank, (kind, rx) in enumerate(patterns):
        for m in rx.finditer(text.strip() if whole else text):
            if not whole and not _plausible(kind, m, text):
                continue
            found.append((m.start(), m.end(), rank, kind, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for start, end, _, kind, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(TimeMention(text[start:end], start, end, kind, m, whole=whole))
    return sorted(out, key=lambda t: t.start)


def _plausible(kind: str, m: re.Match, text: str) -> bool:
    month = m.groupdict().get("month")
    # "may" the modal verb, "march" the verb: a month name must be capitalised.
    if month and not month[0].isupper():
        return False
    if (
        kind == "month"
        and month
        and month.lower() in ("may", "march")
        and not (m.group("year") or m.group("rel"))
    ):
        # A bare "May"/"March" at a sentence start is as often a modal or a verb.
        before = text[: m.start()].rstrip()
        if not before or before[-1] in '.!?"“':
            return False
        after = text[m.end() : m.end() + 1]
        if after and after.isalpha():
            return False
    return True


def _shift_year(day_of: date, anchor: date, tense: str | None) -> date:
    """A month-day (or a month, as its 15th) without a year: the year that puts it nearest the
    anchor; a past (future) clause prefers the nearest one not after (before) the anchor when
    that one is within 250 days."""
    options = [_safe(day_of.year + k, day_of.month, day_of.day) for k in (-1, 0, 1)]
    options = sorted((o for o in options if o), key=lambda o: abs((o - anchor).days))
    if tense == "past":
        prior = [o for o in options if o <= anchor + timedelta(days=1)]
        if prior and (anchor - prior[0]).days <= 250:
            return prior[0]
    if tense == "future":
        later = [o for o in options if o >= anchor - timedelta(days=1)]
        if later and (later[0] - anchor).days <= 250:
            return later[0]
    return options[0]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day(d: date) -> TimeValue:
    return TimeValue(d.isoformat(), "day", d)


def _week(d: date) -> TimeValue:
    y, w, _ = d.isocalendar()
    return TimeValue(f"{y}-W{w:02d}", "week")


def _month(y: int, m: int) -> TimeValue:
    return TimeValue(f"{y:04d}-{m:02d}", "month")


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def weekday(wd: int, anchor: date, tense: str | None, rel: str | None = None) -> date:
    """The date of weekday `wd` (0 = Monday) seen from `anchor`."""
    rel = (rel or "").lower()
    if rel == "last" or rel == "past":
        back = (anchor.weekday() - wd) % 7 or 7
        return anchor - timedelta(days=back)
    if rel in ("next", "coming"):
        ahead = (wd - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    if wd == anchor.weekday():
        return anchor
    # a weekday in a future clause or a present-tense schedule is the coming one
    if tense in ("future", "present") or rel == "this" and wd > anchor.weekday():
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - wd) % 7)


def count_of(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    tens, _, ones = word.replace("-", " ").partition(" ")
    if ones and tens in NUMBERS and ones in NUMBERS and word not in NUMBERS:
        return NUMBERS[tens] + NUMBERS[ones]  # "twenty-five"
    return NUMBERS.get(word)


def resolve(mention: TimeMention, anchor: date, tense: str | None = None) -> TimeValue | None:
    """The mention's normalised value, seen from `anchor` with the tense of its clause
    ("past", "future" or None for unknown)."""
    m, kind = mention.match, mention.kind
    g = m.groupdict()
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return _day(d) if d else None
    if kind == "slash":
        y = int(g["y"])
        y = y + (1900 if y >= 30 else 2000) if y < 100 else y
        d = _safe(y, int(g["m"]), int(g["d"]))
        return _day(d) if d else None
    if kind in ("mdy", "dmy"):
        mon = MONTHS[g["month"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else anchor.year
        d = _safe(year, mon, int(g["day"]))
        if d is None:
            return None
        if not g.get("year"):
            d = _shift_year(d, anchor, tense)
        return _day(d)
    if kind == "month":
        mon = MONTHS[g["month"].lower().rstrip(".")]
        if g.get("year"):
            return _month(int(g["year"]), mon)
        rel = (g.get("rel") or "").lower()
        year = anchor.year
        if rel == "last":
            year = anchor.year if mon < anchor.month else anchor.year - 1
        elif rel == "next":
            year = anchor.year if mon > anchor.month else anchor.year + 1
        else:  # early/mid/late or nothing: the nearest, as a month-day on its 15th
            year = _shift_year(date(anchor.year, mon, 15), anchor, tense).year
        return _month(year, mon)
    if kind == "decade":
        return TimeValue(g["dec"][:3], "decade")
    if kind == "decade2":
        return TimeValue(f"19{g['dec2'][0]}", "decade")
    if kind == "century":
        return TimeValue(f"{int(g['cent']) - 1:02d}", "century")
    if kind == "year":
        return TimeValue(g["year"], "year")
    if kind == "deictic":
        word = g["word"].lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return _day(anchor + timedelta(days=offset))
    if kind == "dayafter":
        offset = -2 if g["ba"].lower().startswith("before") else 2
        return _day(anchor + timedelta(days=offset))
    if kind == "weekday":
        return _day(weekday(WEEKDAYS[g["wd"].lower()], anchor, tense, g.get("rel")))
    if kind == "weekend":
        rel = " ".join(g["rel"].lower().split())
        shift = {"last": -7, "the past": -7, "next": 7, "the coming": 7}.get(rel, 0)
        if rel == "the" and tense == "past" and anchor.weekday() < 5:
            shift = -7
        if rel == "this past" and anchor.weekday() < 5:
            shift = -7  # on a weekday, the weekend just gone
        y, w, _ = (anchor + timedelta(days=shift)).isocalendar()
        return TimeValue(f"{y}-W{w:02d}-WE", "week")
    if kind == "relunit":
        rel = " ".join(g["rel"].lower().split())
        unit = g["unit"].lower()
        step = 0
        if rel in ("last", "the previous", "the past", "the prior"):
            step = -1
        elif rel in ("next", "the coming", "the following"):
            step = 1
        if unit == "week":
            return _week(anchor + timedelta(days=7 * step))
        if unit == "month":
            return _month(*_add_months(anchor.year, anchor.month, step))
        if unit == "year":
            return TimeValue(str(anchor.year + step), "year")
        if unit == "quarter":
            q = (anchor.month - 1) // 3 + 1
            if rel in ("the latest", "the most recent"):
                step = -1
            y, q = divmod((anchor.year * 4 + q - 1) + step, 4)
            return TimeValue(f"{y}-Q{q + 1}", "quarter")
        if unit == "decade":
            return TimeValue(str(anchor.year // 10 + step), "decade")
        return TimeValue(f"{anchor.year // 100 + step:02d}", "century")
    if kind == "ago":
        n = count_of(g["n"])
        if n is None:
            return None
        sign = 1 if g["dir"].lower().split()[0] in ("later", "from", "hence") else -1
        unit = g["unit"].lower()
        if unit == "day":
            return _day(anchor + timedelta(days=sign * n))
        if unit == "week":
            return _week(anchor + timedelta(days=sign * 7 * n))
        if unit == "month":
            return _month(*_add_months(anchor.year, anchor.month, sign * n))
        if unit == "quarter":
            y, q = conventions.last_quarter(anchor, -sign * n)
            return TimeValue(f"{y}-Q{q}", "quarter")
        if unit == "year":
            return TimeValue(str(anchor.year + sign * n), "year")
        return TimeValue(str(anchor.year // 10 + sign * n), "decade")
    if kind == "quarter":
        q = ORDINALS[g["q"].lower()]
        year = g.get("qy") or g.get("qy2")
        if year:
            y = int(year)
        else:
            y = anchor.year
            y = conventions.year_for_part(q, conventions.quarter_of(anchor), anchor, tense)
        return TimeValue(f"{y}-Q{q}", "quarter")
    if kind == "half":
        h = 1 if g["h"].lower() == "first" else 2
        if not g.get("hy"):
            if mention.whole:  # known to be a time: this year's half, by the tense
                return _convention("yearhalf", g, anchor, tense)
            return None  # in running text, "the first half" of a match, a book, a year
        return TimeValue(f"{g['hy']}-H{h}", "half")
    if kind in ("season", "fall"):
        code = SEASONS[(g.get("season") or "fall").lower()]
        if g.get("sy"):
            return TimeValue(f"{g['sy']}-{code}", "season")
        rel = " ".join((g.get("rel") or "").lower().split())
        y = anchor.year
        if rel in ("last", "past", "this past"):
            y = y if SEASON_START[code] + 2 < anchor.month else y - 1
        elif rel == "next":
            y = y if SEASON_START[code] > anchor.month else y + 1
        elif rel != "this" and code != "WI":
            # "the summer", "in spring": the nearest one, the clause's tense deciding when near
            y = _shift_year(date(y, SEASON_START[code] + 1, 15), anchor, tense).year
        return TimeValue(f"{y}-{code}", "season")
    if kind == "holiday":
        return _holiday(g["hol"], (g.get("rel") or "").lower(), anchor, tense)
    if kind == "spelled":
        units = _UNITS.get((g.get("units") or "").lower(), 0)
        return TimeValue(f"19{_TENS[g['tens'].lower()]}{units}", "year")
    if kind == "theyear":
        return TimeValue(str(anchor.year), "year")
    if kind == "beforelast":
        unit = g["unit"].lower()
        if unit == "week":
            return _week(anchor - timedelta(days=14))
        if unit == "month":
            return _month(*_add_months(anchor.year, anchor.month, -2))
        return TimeValue(str(anchor.year - 2), "year")
    if kind == "newyear":
        return TimeValue(str(anchor.year + (anchor.month >= 10)), "year")
    if kind in conventions.KINDS:
        return _convention(kind, g, anchor, tense)
    if kind == "present":
        return TimeValue("PRESENT_REF", "ref")
    if kind == "past":
        return TimeValue("PAST_REF", "ref")
    if kind == "future":
        return TimeValue("FUTURE_REF", "ref")
    return None


def _convention(kind: str, g: dict, anchor: date, tense: str | None) -> TimeValue | None:
    got = conventions.resolve(kind, g, anchor, tense)
    return TimeValue(*got) if got else None


def _holiday(name: str, rel: str, anchor: date, tense: str | None) -> TimeValue | None:
    name = " ".join(name.lower().replace("'", "").split())

    def on(year: int) -> date | None:
        if name.startswith("christmas eve"):
            return date(year, 12, 24)
        if name.startswith("christmas"):
            return date(year, 12, 25)
        if name.startswith("new years eve"):
            return date(year, 12, 31)
        if name.startswith("new years"):
            return date(year, 1, 1)
        if name.startswith("independence"):
            return date(year, 7, 4)
        if name.startswith("thanksgiving"):  # the fourth Thursday of November (US)
            first = date(year, 11, 1)
            return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return conventions.holiday_on(name, year)

    options = [d for d in (on(anchor.year + k) for k in (-1, 0, 1)) if d]
    if rel == "last" or (tense == "past" and not rel):
        pick = [d for d in options if d <= anchor]
        day = max(pick) if pick else None
    elif rel == "next" or (tense == "future" and not rel):
        pick = [d for d in options if d >= anchor]
        day = min(pick) if pick else None
    else:
        day = min(options, key=lambda d: abs((d - anchor).days))
    return _day(day) if day else None


def normalise(text: str, anchor: date, tense: str | None = None) -> TimeValue | None:
    """The value of a whole time expression ("last Friday", "May 15", "the third quarter"):
    its longest (first, on a tie) recognised part."""
    mentions = find(text.strip(), whole=True)
    if not mentions:
        return None
    best = max(mentions, key=lambda t: (t.end - t.start, -t.start))
    value = resolve(best, anchor, tense)
    if len(mentions) == 2:
        # "the fourth quarter of last year", "Tuesday of next week": the parts make one value
        values = [resolve(t, anchor, tense) for t in mentions]
        if all(values):
            parts = [
                (v.value, v.precision, names_year(t)) for t, v in zip(mentions, values, strict=True)
            ]
            weekday_of = [t.match.group("wd") for t in mentions if t.kind == "weekday"]
            wd = WEEKDAYS[weekday_of[0].lower()] if weekday_of else None
            composed = conventions.compose(parts, wd)
            if composed:
                return TimeValue(*composed)
    return value


_YEAR_GROUPS = ("y", "year", "qy", "qy2", "hy", "sy", "fy", "fy2", "fyd", "yy")


def names_year(t: TimeMention) -> bool:
    """The mention names its own year ("May 1998", "the 1997 fourth quarter")."""
    g = t.match.groupdict()
    return any(g.get(k) for k in _YEAR_GROUPS)


# --- ranges ---------------------------------------------------------------------------------------


def duration_days(text: str) -> list[tuple[int, int, int, str]]:
    """Durations in `text`: (start, end, days, ISO duration). Months count 30 days."""
    out = []
    for m in _DURATION.finditer(text):
        n = count_of(m.group("n"))
        if not n:
            continue
        unit = m.group("unit").lower()
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        out.append((m.start(), m.end(), days, f"P{n}{unit[0].upper()}"))
    return out


def attach_ranges(sentence: str, offset: int, mentions: list[TimeMention]) -> None:
    """Give a day-precision start date a `value_end` when its sentence has a duration and the
    date is introduced as a start ("starting", "set to begin on", "from", "effective")."""
    durations = duration_days(sentence)
    if not durations:
        return
    for t in mentions:
        if not (t.value and t.value.precision == "day" and t.value.day):
            continue
        before = sentence[max(0, t.start - offset - 30) : t.start - offset]
        if not _START_CUE.search(before):
            continue
        _, _, days, iso = min(durations, key=lambda d: abs(d[0] - (t.start - offset)))
        t.value_end = (t.value.day + timedelta(days=days - 1)).isoformat()
        t.duration = iso


# --- with a parse ---------------------------------------------------------------------------------

_CLAUSE_BREAK = {"ccomp", "advcl", "relcl", "parataxis", "conj", "csubj", "ROOT"}


def governing_predicate(tok):
    """The verb a time expression's root token attaches to: up through prepositions, nouns and
    adverbial modifiers to the first verb."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


_MODALS = {"will", "shall", "'ll", "would", "'d", "wo", "could", "might", "may", "should", "must"}
# Verbs whose infinitive complement is a plan: "agreed to meet on Thursday", "set to begin".
_PLAN_HEADS = {
    "plan", "set", "schedule", "expect", "due", "agree", "intend", "prepare", "hope", "want",
    "aim", "promise", "vow", "pledge", "threaten", "decide", "propose", "offer", "invite", "ready",
    "go", "try", "seek", "ask", "urge", "call", "likely", "able", "need", "wish", "arrange",
}  # fmt: skip


# Participles that schedule: "a vote scheduled for Friday", "talks set for Monday".
_SCHEDULING = {"schedule", "set", "plan", "slate", "expect", "due", "book", "timetable"}
# Verbs of saying keep the reporting present ("the ministry says Friday's strike ...") a report
# of the past, not a schedule.
_REPORTING = {
    "say", "tell", "report", "announce", "confirm", "deny", "state", "claim", "add", "note",
    "write", "insist", "acknowledge", "admit", "argue", "warn", "accuse",
}  # fmt: skip


def tense_of(verb, depth: int = 0) -> str | None:
    """'future', 'past', 'present' (a schedule in the present simple: "talks resume Monday")
    or None (unknown) for the predicate a time expression attaches to."""
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & _MODALS or any(c.lower_ == "going" for c in auxes):
        return "future"
    if "to" in words:
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in _PLAN_HEADS:
            return "future"
        if head.i != verb.i and depth < 6:
            return tense_of(head, depth + 1)
        return None
    past_aux = words & {"did", "has", "have", "had", "was", "were", "been"}
    if verb.tag_ == "VBN" and not past_aux and verb.lemma_.lower() in _SCHEDULING:
        return "future"  # "a vote scheduled for Friday", "the talks are set for Monday"
    if verb.tag_ == "VBD" or past_aux:
        return "past"
    if verb.tag_ == "VBN":
        return "past"  # "the quarter ended Sept. 30", "two people injured Friday"
    if verb.tag_ == "VBG":
        if words & {"is", "are", "'s", "'re", "am"}:
            return "future"  # "is meeting on Thursday"
        if verb.head.i != verb.i and verb.dep_ in ("xcomp", "conj", "advcl") and depth < 6:
            return tense_of(verb.head, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in _REPORTING and not words:
        return "present"  # "the talks resume Monday", "the deadline is Friday"
    return None  # the rest: the context must say


def doc_times(doc, anchor: date | None) -> list[TimeMention]:
    """Every time expression of a parsed document, resolved with its own clause's tense."""
    from dotterel.attributes import timex_focus  # it builds on this module

    mentions = find(doc.text)
    for t in mentions:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        t.verb = governing_predicate(root) if root is not None else None
        t.root = root
    if anchor is not None:
        tenses = [tense_of(t.verb) for t in mentions]
        timex_focus.resolve_all(doc.text, mentions, anchor, tenses)
    for sent in doc.sents:
        inside = [t for t in mentions if sent.start_char <= t.start < sent.end_char]
        if inside:
            attach_ranges(sent.text, sent.start_char, inside)
    return mentions


def _clause_chain(span) -> set:
    """The trigger and the predicates in its own clause: its root; for a noun in the trigger
    ("ceasefire", "announced a two-week truce"), the verbs that modify it ("a ceasefire set to
    begin") and their infinitive complements; for a noun root, the verb that governs it ("talks
    ... held on Friday")."""
    trigger = span.root
    chain = {trigger}
    # Only a noun reaches down into the verbs that modify it: "agreed to meet on Thursday" is
    # a meeting on Thursday, not an agreement on Thursday.
    frontier = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    chain.update(frontier)
    while frontier:
        tok = frontier.pop()
        for c in tok.children:
            if c.dep_ in ("xcomp", "acl") and c not in chain:
                chain.add(c)
                frontier.append(c)
    if trigger.pos_ in ("NOUN", "PROPN"):
        following = trailing_modifier(trigger)
        if following is not None:  # "a ceasefire, set to begin on Monday"
            chain.add(following)
            chain.update(c for c in following.children if c.dep_ == "xcomp")
        verb = governing_predicate(trigger)
        if verb is not None:
            chain.add(verb)
    return chain


def event_time(event, doc, mentions: list[TimeMention]) -> TimeMention | None:
    """The time expression attached to an event's trigger in the parse, or None."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    trigger = span.root
    chain = _clause_chain(span)
    best = None
    for t in mentions:
        if t.value is None or t.value.precision not in ("day", "month", "year"):
            continue
        if t.root is None or t.root.sent != trigger.sent:
            continue
        if t.verb in chain or t.root.head in chain and t.root.dep_ in ("npadvmod", "tmod", "obl"):
            dist = abs(t.start - event.trigger.start)
            if best is None or dist < best[0]:
                best = (dist, t)
    return best[1] if best else None


def date_events(events, doc, mentions: list[TimeMention], anchor: date | None) -> None:
    """Set each event's date, date_text, date_precision and date_end."""
    for event in events:
        t = event_time(event, doc, mentions) if anchor is not None else None
        if t is None:
            event.date = anchor.isoformat() if anchor else None
            event.date_text = None
            event.date_precision = "publication"
            event.date_end = None
            continue
        future = event.status in ("planned", "proposed") or event.modality.future
        tense = "future" if future else tense_of(t.verb)
        value = t.value if t.settled else resolve(t, t.anchor or anchor, tense)
        event.date = value.value if value else t.value.value
        event.date_precision = (value or t.value).precision
        event.date_text = _with_preposition(text_of(doc), t)
        event.date_end = None
        if t.value_end and value and value.day:
            # The event carries the window only when it is the thing that lasts: its trigger
            # is the noun the duration counts, or the start's own verb.
            ends = t.value_end
            if t.value.day != value.day:
                ends = (value.day + (date.fromisoformat(t.value_end) - t.value.day)).isoformat()
            if _carries_window(event, doc, t):
                event.date_end = ends


def _carries_window(event, doc, t: TimeMention) -> bool:
    """The event is the thing that lasts: a noun in its trigger ("ceasefire", "announced a
    two-week truce") or the start's own verb."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    return any(tok.pos_ in ("NOUN", "PROPN") for tok in span) or span.root == t.verb


def _with_preposition(text: str, t: TimeMention) -> str:
    before = text[: t.start]
    m = re.search(r"\b(on|in|by|since|until|from|during|at|before|after)\s+$", before, re.I)
    if m:
        return text[m.start() : t.end]
    return t.text
