"""Quotation marks in raw text: where each quotation opens and closes.

News text mixes curly (“ ”) and straight (") double quotes, nests single quotes inside double
ones ("He told me 'we will win'"), runs a quotation over several sentences and paragraphs, and
sometimes forgets a mark. `find_marked(text)` reads the marks once, left to right, and returns
each quotation it finds; it never fails on unbalanced marks:

* **Which way a mark faces.** “ and « open, ” and » close; a straight " opens after a space, a
  line start or an opening bracket and before a word, and closes after a word and before a
  space, punctuation or the end; when its neighbours do not say, it toggles. A curly mark whose
  neighbours plainly say the opposite (”We ... at a word start) is read as its neighbours say,
  since such slips are common in pasted text.
* **Nesting.** Inside a double-quoted quotation single quotes are words of the speaker (a quote
  inside the quote, or an apostrophe) and are left alone. Outside one, ‘curly single quotes’ are
  a quotation too (British style), on one line, when their marks cannot be apostrophes: the
  opening one before a letter and after a space, the closing one after a word and not before a
  letter ("Putin’s"), nor a plural possessive ("the leaders’ meeting"). Straight single quotes
  are not read at the top level: too many of them are apostrophes ("the Hammers' and").
* **Paragraphs.** A quotation may run over line breaks when its closing mark comes before any
  other opening mark and within `MAX_LINES` lines; the news convention of reopening each
  paragraph of a long quotation without closing the previous one makes the earlier paragraph's
  quotation end at its line break, and the next one is marked `continues`.
* **Unbalanced marks.** An opening mark with no closing one ends at its paragraph's end
  (`closed` False); a closing mark with no opening one is ignored; an opening mark inside an
  open quotation on the same line ends the open one just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
DOUBLE_MARKS = OPENERS + CLOSERS + STRAIGHT
MAX_LINES = 3  # line breaks a quotation may run over before its closing mark
MAX_CHARS = 3000  # a quotation longer than this is a lost mark, not a quotation
_OPEN_BEFORE = "([{—–-/\u00a0"
_CLOSE_AFTER = ".,;:!?)]}—–-'’…"
_LINE_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class Marked:
    """A quotation found by its marks: `start`/`end` hold the marks, `inner_*` the words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    continues: bool = False  # reopened at a paragraph start after an unclosed quotation
    single: bool = False  # ‘single curly quotes’ at the top level


def _facing(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the double mark at `i`."""
    prev = text[i - 1] if i > 0 else None
    nxt = text[i + 1] if i + 1 < len(text) else None
    opens = (prev is None or prev.isspace() or prev in _OPEN_BEFORE) and (
        nxt is not None and not nxt.isspace() and nxt not in DOUBLE_MARKS
    )
    closes = (prev is not None and not prev.isspace()) and (
        nxt is None or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in DOUBLE_MARKS
    )
    ch = text[i]
    if ch in OPENERS:
        return "close" if closes and not opens else "open"
    if ch in CLOSERS:
        return "open" if opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in _LINE_BREAK.finditer(text, start, end)]


def _at_line_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] == "\n"


def _paragraph_end(text: str, i: int) -> int:
    """Where the line holding `i` ends (the position of its line break, or the text's end)."""
    n = text.find("\n", i)
    return len(text) if n < 0 else n


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the spaces around, nor the comma that belongs to the sentence around the
    quotation ("“We will not surrender,” he said")."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_marked(text: str) -> list[Marked]:
    """Every quotation in `text`, in order (see the module docstring)."""
    doubles = _double_quoted(text)
    singles = _single_quoted(text, doubles)
    return sorted(doubles + singles, key=lambda m: m.start)


def _double_quoted(text: str) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None
    continues = False
    unclosed_break: int | None = None  # where the last unclosed quotation stopped

    def close_unclosed(at_break: int) -> None:
        nonlocal open_at, unclosed_break
        assert open_at is not None
        s, e = _trimmed(text, open_at + 1, at_break)
        if e > s:
            out.append(Marked(open_at, e, s, e, closed=False, continues=continues))
        unclosed_break = at_break
        open_at = None

    marks = [i for i, ch in enumerate(text) if ch in DOUBLE_MARKS]
    for i in marks:
        if open_at is not None:
            breaks = _line_breaks(text, open_at, i)
            too_far = len(breaks) > MAX_LINES or i - open_at > MAX_CHARS
            if too_far:
                close_unclosed(breaks[0] if breaks else _paragraph_end(text, open_at))
        face = _facing(text, i)
        if open_at is not None and face == "open":
            # Reopened on a new line: the open quotation ended at its line break (the news
            # convention for quotations running over paragraphs); on the same line, it ended
            # just before this mark.
            breaks = _line_breaks(text, open_at, i)
            close_unclosed(breaks[0] if breaks else i)
        if open_at is None:
            if face == "close":
                continue  # a closing mark with nothing open: a stray mark
            continues = (
                unclosed_break is not None
                and _at_line_start(text, i)
                and text[unclosed_break:i].count("\n") <= 2
                and not text[unclosed_break:i].strip()
            )
            open_at = i
            unclosed_break = None
            continue
        s, e = _trimmed(text, open_at + 1, i)
        if e > s:
            out.append(Marked(open_at, i + 1, s, e, closed=True, continues=continues))
        open_at = None
        continues = False
        unclosed_break = None
    if open_at is not None:
        close_unclosed(_paragraph_end(text, open_at))
    return out


def _single_quoted(text: str, doubles: list[Marked]) -> list[Marked]:
    """‘Single quotes’ outside double-quoted quotations, on one line (the module docstring)."""
    out: list[Marked] = []
    inside = [(m.start, m.end) for m in doubles]

    def covered(i: int) -> bool:
        return any(s <= i < e for s, e in inside)

    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "‘":
            i += 1
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if not covered(i) and (prev.isspace() or prev in _OPEN_BEFORE) and nxt.isalpha():
            end = _single_close(text, i + 1, _paragraph_end(text, i))
            if end is not None and not any(i < s < end for s, _ in inside):
                s, e = _trimmed(text, i + 1, end)
                if e > s:
                    out.append(Marked(i, end + 1, s, e, single=True))
                    i = end + 1
                    continue
        i += 1
    return out


def _single_close(text: str, start: int, limit: int) -> int | None:
    """The ’ that closes a single quotation opened before `start`."""
    j = text.find("’", start)
    while 0 <= j < limit:
        nxt = text[j + 1] if j + 1 < len(text) else " "
        prev = text[j - 1]
        if not prev.isspace() and not nxt.isalnum():
            # "the leaders’ meeting": a plural possessive, when a word follows directly.
            after = text[j + 1 : j + 3]
            if not (prev == "s" and after[:1] == " " and after[1:2].islower()):
                return j
        j = text.find("’", j + 1)
    return None
