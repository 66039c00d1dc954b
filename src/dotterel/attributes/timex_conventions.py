"""TIMEX3 conventions the core date patterns leave out: fiscal years, two-digit years, decades in
words, halves and quarters without a year, anaphoric days and units, and expressions built of
two parts ("the fourth quarter of last year", "Tuesday of next week").

Values follow the TimeML/TIMEX3 (and TIMEX2) guidelines: "FY1998" for a fiscal year, "1998-H1"
for a half, "1998-Q4" for a quarter, "1998-W12-WE" for a weekend, "199" for a decade.

Two kinds of patterns:
- TEXT_PATTERNS are safe in running text: each carries its own evidence that it is a time
  ("fiscal", a year, "ahead");
- WHOLE_PATTERNS are read only when the span is already known to be a time expression (the
  gold's words, an annotator's span): anaphors ("the same day", "that year") and words that in
  running text are usually something else ("the first half" of a match, "in their sixties").
  Anaphors take the anchor (the document's creation time) as their reference: without the
  discourse, that is the only time we know.

Resolvers return (value, precision, day or None); dates.py wraps them in its TimeValue.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

Resolved = tuple[str, str, "date | None"]

_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
_MONTH_NUMBERS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_EDGE = r"(?:(?:early|mid|late)[-\s]+)?"
_CENTURY_WORDS = {
    "twenty-first": 21, "twentieth": 20, "nineteenth": 19,
    "eighteenth": 18, "seventeenth": 17, "sixteenth": 16,
}  # fmt: skip

TEXT_PATTERNS: list[tuple[str, str]] = [
    (
        "fiscal",
        rf"\b(?:the\s+)?(?:(?:early|late)\s+)?(?:fiscal(?:\s+year)?\s+(?P<fy>{_YEAR})"
        rf"|(?P<fy2>{_YEAR})\s+fiscal\s+year"
        r"|(?P<fyrel>this|last|next|the\s+current|the\s+previous|the\s+coming|the\s+next"
        r"|the\s+prior|the\s+past|the\s+new|the\s+latest|the)\s+fiscal\s+year)\b",
    ),
    # "the September quarter": the quarter that month ends or falls in
    (
        "monthquarter",
        r"\b(?:the\s+)?(?P<qmonth>January|February|March|April|May|June|July|August|September"
        r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
        r"[-\s]+quarter\b",
    ),
    ("fycode", r"\bFY\s?'?(?P<fyd>\d\d(?:\d\d)?)\b"),
    # "in '98", "mid-'97": an apostrophe and two digits, not a decade ("'90s") or a percent.
    ("yy", r"(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’]?s\b|\s*(?:%|percent))"),
    ("fallyear", rf"\b(?:the\s+)?(?:(?:early|late)\s+)?fall(?:\s+of)?,?\s+(?P<sy>{_YEAR})\b"),
    (
        "future",
        r"\b(?:the\s+)?(?:days|weeks|months|years|decades)\s+(?:ahead|to\s+come)\b"
        r"|\bsome\s*day\b",
    ),
    (
        "present",
        r"\b(?:presently|right\s+now|at\s+this\s+(?:time|point|moment)|the\s+time\s+being)\b",
    ),
    (
        "past",
        r"\b(?:formerly|in\s+(?:recent|earlier|past)\s+times|in\s+years\s+past"
        r"|the\s+other\s+day|the\s+(?:old|early)\s+days|(?:prior|earlier)\s+years)\b"
        # "years ago", "some weeks earlier": a past of no stated length
        r"|\b(?:(?:some|many|several|a\s+few|a\s+couple\s+of)\s+)?(?:days|weeks|months|years"
        r"|decades)\s+(?:ago|earlier)\b",
    ),
    (
        "centuryword",
        r"\b(?:the\s+)?(?P<cw>"
        + "|".join(_CENTURY_WORDS).replace("-", r"[-\s]")
        + r")[-\s]+century\b",
    ),
]

WHOLE_PATTERNS: list[tuple[str, str]] = [
    # Not anchored: "later that day", "the end of the month", "early in the week".
    (
        "relday",
        r"\b(?:that|the|this)\s+(?:same\s+|very\s+)?day\b(?!\s+(?:before|after)\b)"
        r"|\b(?:the\s+)?(?P<rel>previous|prior|preceding|next|following)\s+day\b"
        r"|\bthe\s+day\s+(?P<ba>before|after)\b",
    ),
    (
        "thatunit",
        r"\b(?:that|the|this)\s+(?:same\s+)?(?P<unit>week|month|quarter|year|decade|century)\b"
        r"(?![-\s]+(?:before|after|earlier|later|ago)\b)"
        r"|\b(?:the|a)\s+(?P<unit2>week|month|quarter|year)\s+(?P<ba>before|after|earlier|later)\b",
    ),
    (
        "yearago",
        r"\b(?:the\s+|a\s+)?(?:comparable\s+)?(?:year[-\s](?:earlier|ago|before)"
        r"|(?:prior|previous)[-\s]year)(?:\s+(?:fiscal\s+)?"
        r"(?P<what>quarter|period|month|level|year|time))?\b",
    ),
    (
        "decadeword",
        rf"^(?:the\s+)?{_EDGE}(?:nineteen[-\s]?)?(?P<dw>{'|'.join(_DECADE_WORDS)})$"
        rf"|^(?:the\s+)?{_EDGE}['’]?(?P<d2>[1-9]0)['’]?s$",
    ),
    ("yearend", r"^(?:the\s+)?(?:year|year's)[-\s]end$"),
    # a reporting period: the one the text is about (timex_focus), else the last quarter ended
    ("period", r"\b(?:the|that)\s+(?:same\s+|comparable\s+|latest\s+|current\s+)?period\b"),
    ("yearhalf", r"^(?:the\s+)?(?P<h>first|second|latter|back|front)[-\s]+half$"),
    ("dayonly", r"^(?:the\s+)?(?P<dd>[0-3]?\d)(?:st|nd|rd|th)$"),
    ("autumn", r"^(?:the\s+)?(?:(?:early|late|this\s+past|past)\s+)?fall$"),
]

# The kinds this module resolves; "present", "past" and "future" are dates.py's own.
KINDS = {kind for kind, _ in TEXT_PATTERNS + WHOLE_PATTERNS} - {"present", "past", "future"}


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def half_of(d: date) -> int:
    return 1 if d.month <= 6 else 2


def year_for_part(part: int, current: int, anchor: date, tense: str | None, parts: int = 4) -> int:
    """The year of the `part`-th of a year's `parts` quarters (or halves) named without a year:
    this year's, unless it has not begun and the clause is not about the future (then last
    year's). In a future clause, the part that ended in the last two months is the one still
    to be reported on ("will report fourth-quarter results", in January: last year's); one
    that ended before it is next year's."""
    if tense != "future":
        return anchor.year - 1 if part > current else anchor.year
    index = anchor.year * parts + current - 2  # the part before the current one
    ended_year, ended = divmod(index, parts)
    if part == ended + 1:
        ended_on = date(ended_year, (ended + 1) * (12 // parts), 28)
        return ended_year if (anchor - ended_on).days <= 60 else anchor.year
    return anchor.year + 1 if part < current else anchor.year


def _nearest_century(yy: int, anchor: date) -> int:
    options = [c * 100 + yy for c in (anchor.year // 100 - 1, anchor.year // 100)]
    return min(options, key=lambda y: (abs(y - anchor.year), -y))


def last_quarter(anchor: date, back: int = 1) -> tuple[int, int]:
    """(year, quarter) of the quarter `back` quarters before the anchor's."""
    index = anchor.year * 4 + quarter_of(anchor) - 1 - back
    return index // 4, index % 4 + 1


def _day_in_month(dd: int, anchor: date, tense: str | None) -> date | None:
    """Day `dd` of the anchor's month, or of the month before or after when the tense points
    there and this month's has not come (has passed)."""
    options = []
    for k in (-1, 0, 1):
        total = anchor.year * 12 + anchor.month - 1 + k
        try:
            options.append(date(total // 12, total % 12 + 1, dd))
        except ValueError:
            continue
    if not options:
        return None
    if tense == "past":
        prior = [o for o in options if o <= anchor]
        if prior:
            return max(prior)
    if tense == "future":
        later = [o for o in options if o >= anchor]
        if later:
            return min(later)
    return min(options, key=lambda o: abs((o - anchor).days))


def resolve(kind: str, g: dict, anchor: date, tense: str | None) -> Resolved | None:
    """The value of one of this module's kinds."""
    if kind == "fiscal":
        year = g.get("fy") or g.get("fy2")
        if year:
            return f"FY{year}", "year", None
        rel = " ".join((g.get("fyrel") or "").lower().split())
        step = {"last": -1, "the previous": -1, "the prior": -1, "the past": -1, "next": 1,
                "the coming": 1, "the next": 1, "the new": 1}.get(rel, 0)  # fmt: skip
        return f"FY{anchor.year + step}", "year", None
    if kind == "monthquarter":
        month = _MONTH_NUMBERS[g["qmonth"].lower()[:3]]
        q = (month - 1) // 3 + 1
        return f"{year_for_part(q, quarter_of(anchor), anchor, tense)}-Q{q}", "quarter", None
    if kind == "fycode":
        digits = g["fyd"]
        year = int(digits) if len(digits) == 4 else _nearest_century(int(digits), anchor)
        return f"FY{year}", "year", None
    if kind == "yy":
        return str(_nearest_century(int(g["yy"]), anchor)), "year", None
    if kind == "fallyear":
        return f"{g['sy']}-FA", "season", None
    if kind == "relday":
        word = (g.get("rel") or g.get("ba") or "").lower()
        step = {"previous": -1, "prior": -1, "preceding": -1, "before": -1, "next": 1,
                "following": 1, "after": 1}.get(word, 0)  # fmt: skip
        d = anchor + timedelta(days=step)
        return d.isoformat(), "day", d
    if kind == "thatunit":
        unit = (g.get("unit") or g.get("unit2")).lower()
        step = {"before": -1, "earlier": -1, "after": 1, "later": 1}.get(
            (g.get("ba") or "").lower(), 0
        )
        if unit == "year":
            return str(anchor.year + step), "year", None
        if unit == "month":
            total = anchor.year * 12 + anchor.month - 1 + step
            return f"{total // 12:04d}-{total % 12 + 1:02d}", "month", None
        if unit == "week":
            y, w, _ = (anchor + timedelta(days=7 * step)).isocalendar()
            return f"{y}-W{w:02d}", "week", None
        if unit == "decade":
            return str(anchor.year // 10), "decade", None
        if unit == "century":
            return f"{anchor.year // 100:02d}", "century", None
        # "the quarter" in a report is the one just ended; "the quarter" ahead is this one
        back = 0 if tense == "future" else 1
        y, q = last_quarter(anchor, back - step)
        return f"{y}-Q{q}", "quarter", None
    if kind == "yearago":
        what = (g.get("what") or "").lower()
        if what == "quarter":  # the reported quarter (the one just ended), a year before
            y, q = last_quarter(anchor, 1)
            return f"{y - 1}-Q{q}", "quarter", None
        return str(anchor.year - 1), "year", None
    if kind == "decadeword":
        tens = _DECADE_WORDS.get((g.get("dw") or "").lower()) or int((g.get("d2") or "0")[0])
        century = anchor.year // 100 if tens * 10 <= anchor.year % 100 else anchor.year // 100 - 1
        return f"{century}{tens}", "decade", None
    if kind == "centuryword":
        number = _CENTURY_WORDS[re.sub(r"[-\s]+", "-", g["cw"].lower())]
        return f"{number - 1:02d}", "century", None
    if kind == "period":
        y, q = last_quarter(anchor, 1)
        return f"{y}-Q{q}", "quarter", None
    if kind == "yearend":
        return str(anchor.year), "year", None
    if kind == "yearhalf":
        h = 1 if g["h"].lower() in ("first", "front") else 2
        return f"{year_for_part(h, half_of(anchor), anchor, tense, 2)}-H{h}", "half", None
    if kind == "dayonly":
        d = _day_in_month(int(g["dd"]), anchor, tense)
        return (d.isoformat(), "day", d) if d else None
    if kind == "autumn":
        # autumn of this year, or last year's when the clause is past and autumn has not come
        year = anchor.year - 1 if tense == "past" and anchor.month < 9 else anchor.year
        return f"{year}-FA", "season", None
    return None


# --- holidays beyond dates.py's own -------------------------------------------------------------

HOLIDAY_NAMES = (
    r"Easter(?:\s+Sunday)?|Good\s+Friday|Memorial\s+Day|Labor\s+Day|Veterans\s+Day"
    r"|Halloween|Valentine'?s\s+Day|Election\s+Day|Boxing\s+Day|May\s+Day|Bastille\s+Day"
    r"|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents'?\s+Day|Columbus\s+Day"
)


def _easter(year: int) -> date:
    """Western Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher form)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 for the last."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday_on(name: str, year: int) -> date | None:
    """The day of a named holiday in `year` (US federal ones by their US rule); `name` in
    lower case, apostrophes removed, spaces single."""
    fixed = {"halloween": (10, 31), "valentines": (2, 14), "veterans": (11, 11),
             "boxing": (12, 26), "may day": (5, 1), "bastille": (7, 14)}  # fmt: skip
    for key, (month, day) in fixed.items():
        if name.startswith(key):
            return date(year, month, day)
    if name.startswith("easter"):
        return _easter(year)
    if name.startswith("good friday"):
        return _easter(year) - timedelta(days=2)
    rules = {"memorial": (5, 0, -1), "labor": (9, 0, 1), "martin luther king": (1, 0, 3),
             "presidents": (2, 0, 3), "columbus": (10, 0, 2)}  # fmt: skip
    for key, (month, weekday, n) in rules.items():
        if name.startswith(key):
            return _nth_weekday(year, month, weekday, n)
    if name.startswith("election"):  # the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None


# --- two-part expressions -------------------------------------------------------------------------

# Values that can take another year: "YYYY-..." of a day, month, quarter, half or season.
_RESETTABLE = re.compile(r"^\d{4}-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR_VALUE = re.compile(r"^(?:FY)?(?P<y>\d{4})$")
_WEEK_VALUE = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d\d)$")


def compose(parts: list[tuple[str, str, bool]], weekday: int | None) -> Resolved | None:
    """One value for an expression of two recognised parts, each given as (value, precision,
    has its own year): a part without its own year ("the fourth quarter", "January", "March 3",
    "the first half") takes the year the other part names ("of last year", "1998's",
    "of fiscal 1997"); a weekday takes the week the other part names ("Tuesday of next week");
    a week takes the day the other part names ("the week of Oct. 16").
    None when the parts do not fit together that way."""
    if len(parts) != 2:
        return None
    for (value, precision, own_year), (other, _, _) in (parts, parts[::-1]):
        year = _YEAR_VALUE.match(other)
        if year and not own_year and _RESETTABLE.match(value):
            candidate = year["y"] + value[4:]
            if precision != "day":
                return candidate, precision, None
            try:
                return candidate, "day", date.fromisoformat(candidate)
            except ValueError:  # February 29 of a common year
                return None
    week = next((_WEEK_VALUE.match(v) for v, _, _ in parts if _WEEK_VALUE.match(v)), None)
    if week and weekday is not None:
        d = date.fromisocalendar(int(week["y"]), int(week["w"]), weekday + 1)
        return d.isoformat(), "day", d
    day = next((v for v, p, _ in parts if p == "day"), None)
    if week and day and weekday is None:
        # "the week of Oct. 16", "the week ended Oct. 20": the week that day falls in
        y, w, _ = date.fromisoformat(day).isocalendar()
        return f"{y}-W{w:02d}", "week", None
    return None
