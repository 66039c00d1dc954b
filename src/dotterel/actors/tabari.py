"""Read PETRARCH/TABARI actor and agent dictionaries into dotterel user KB files.

`dotterel actors import-tabari FILE [--out TSV]` lets users bring the dictionaries they already
have. Two formats are read (the PETRARCH 2 documentation, "Dictionary formats"):

* **Actors** (`.actors`): records of a primary phrase with an optional code, `+` synonym lines,
  and date restrictions on lines that start with white space::

      GOLLUM  # a comment
      +SMEAGOL
          [HOB <950601]                  before (or on) 1995-06-01
          [HOBGOV 19950601 - 19990815]   between, both days included
          [HOBREB >990816]               after (or on) 1999-08-16

  Words are separated by blanks or underscores; dates are YYMMDD (00-30 read as 20YY, else 19YY,
  as KEDS/TABARI/PETRARCH do) or YYYYMMDD; the first restriction that holds wins, and the code
  on the primary line (or a restriction with no date) applies when none does. This becomes a
  `dictionary` file (`term, aliases, code, start, end, source`): each restriction is one row with
  start and end as dotterel writes them (end = the first day out), overlaps cut so that the first
  restriction wins, and the default code filling the gaps. A phrase with one code and no dates is
  one row without dates.
* **Agents** (`.agents`): `PHRASE {PLURAL} [~CODE]` lines and `!MARKER! = A, B` substitutions.
  This becomes an `agents` file (`term, sector, kind, note`); an irregular plural becomes a row of
  its own, and a code written before the actor (`[NGO~]`) is kept as the sector.

Comments (`#`, `;`, `<!-- ... -->`) are dropped. Lines that cannot be read are counted and
reported, never fatal; a file that holds no record at all is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path


class DictionaryError(ValueError):
    """A dictionary that cannot be read at all."""


@dataclass
class Restriction:
    code: str
    start: dt.date | None  # first day it applies
    end: dt.date | None  # last day it applies (TABARI: inclusive)
    line: int


@dataclass
class ActorRecord:
    phrase: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    default: str | None = None
    restrictions: list[Restriction] = field(default_factory=list)


@dataclass
class ImportResult:
    kind: str  # "dictionary" or "agents"
    header: list[str]
    rows: list[list[str]]
    records: int
    skipped: list[str] = field(default_factory=list)  # "line N: why"

    def to_tsv(self, source: str) -> str:
        lines = [
            f"# Imported by `dotterel actors import-tabari` from {source}.",
            "# A dotterel user KB file: load it with `dotterel code --kb FILE` or `--kb` of",
            "# `dotterel actors lookup`. end is the first day a row no longer applies.",
            "\t".join(self.header),
        ]
        lines += ["\t".join(r) for r in self.rows]
        return "\n".join(lines) + "\n"


_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = r"(\d{6,8})"
_RESTRICTION = re.compile(rf"^\s*([^\s<>]*)\s*(?:(<|>)\s*{_DATE}|{_DATE}\s*-\s*{_DATE})?\s*$")
# Codes that mean "not an actor" or "discard" in TABARI/PETRARCH: nothing is imported for them.
_NO_ACTOR = {"+++", "###", "~~~"}


def tabari_date(text: str) -> dt.date:
    """YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD."""
    text = text.strip()
    if len(text) <= 7:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def phrase_text(raw: str) -> str:
    """'PRESIDENT_GEORGE_W._BUSH' -> 'President George W. Bush' (words, display case)."""
    words = [w for w in re.split(r"[\s_]+", raw.strip()) if w]
    small = {"OF", "THE", "AND", "FOR", "DE", "DU", "DI", "LA", "LE", "AL", "EL", "VON", "VAN"}
    out = []
    for i, w in enumerate(words):
        if i > 0 and w in small:
            out.append(w.lower())
        elif w.isalpha() and w.isupper() and _word_like(w):
            out.append(w.capitalize())
        else:
            out.append(w)
    return " ".join(out)


def _word_like(w: str) -> bool:
    """A word rather than an acronym: GAMGEE, SAM, DOL (not USA, PLO, IMF, UN)."""
    vowels = "AEIOUY"
    if len(w) >= 4:
        return any(c in vowels for c in w[1:])
    return len(w) == 3 and w[0] not in vowels and w[1] in vowels and w[2] not in vowels


def _strip_comment(line: str) -> str:
    """The line without its '#' or ';' comment (a '#' inside a [code] is part of the code)."""
    depth = 0
    for i, c in enumerate(line):
        if c == "[":
            depth += 1
        elif c == "]":
            depth = max(depth - 1, 0)
        elif c in "#;" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, text without comments); blank lines kept as '' (they end no record)."""

    def blank_out(m: re.Match) -> str:
        return "\n" * m.group(0).count("\n")

    text = _COMMENT_BLOCK.sub(blank_out, text)
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("<!"):
            line = ""
        out.append((n, _strip_comment(line)))
    return out


# ----------------------------------------------------------------------------------------------
# Actors
# ----------------------------------------------------------------------------------------------


def parse_actors(text: str) -> tuple[list[ActorRecord], list[str]]:
    records: list[ActorRecord] = []
    skipped: list[str] = []
    current: ActorRecord | None = None
    for n, line in _lines(text):
        if not line.strip():
            continue
        if line[0] in " \t":
            # A date restriction (or a default code) of the current record.
            if current is None:
                skipped.append(f"line {n}: a restriction outside a record")
                continue
            for body in _CODE.findall(line) or [line.strip()]:
                r = _restriction(body, n)
                if r is None:
                    skipped.append(f"line {n}: cannot read restriction [{body.strip()}]")
                elif r.start is None and r.end is None:
                    current.default = r.code
                else:
                    current.restrictions.append(r)
            continue
        if line.startswith("+"):
            if current is None:
                skipped.append(f"line {n}: a synonym outside a record")
                continue
            phrase = _CODE.sub("", line[1:]).strip()
            if phrase:
                current.synonyms.append(phrase)
            continue
        codes = _CODE.findall(line)
        phrase = _CODE.sub("", line).strip()
        if not phrase:
            skipped.append(f"line {n}: no phrase")
            current = None
            continue
        current = ActorRecord(phrase=phrase, line=n)
        if codes:
            r = _restriction(codes[0], n)
            if r is None:
                skipped.append(f"line {n}: cannot read code [{codes[0].strip()}]")
            elif r.start is None and r.end is None:
                current.default = r.code
            else:
                current.restrictions.append(r)
        records.append(current)
    return records, skipped


def _restriction(body: str, line: int) -> Restriction | None:
    m = _RESTRICTION.match(body)
    if m is None:
        return None
    code, op, d1, d2, d3 = m.groups()
    code = code.upper()
    try:
        if op == "<":
            return Restriction(code, None, tabari_date(d1), line)
        if op == ">":
            return Restriction(code, tabari_date(d1), None, line)
        if d2 and d3:
            return Restriction(code, tabari_date(d2), tabari_date(d3), line)
    except ValueError:
        return None
    return Restriction(code, None, None, line) if code else None


def _usable(code: str | None) -> bool:
    return bool(code) and code not in _NO_ACTOR and re.fullmatch(r"[A-Z0-9/-]+", code) is not None


def _periods(record: ActorRecord) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """(code, start, end) with end exclusive: restrictions in order, each cut by the earlier ones
    (the first that holds wins), then the default code on the days none covers."""
    lo, hi = dt.date.min.toordinal(), dt.date.max.toordinal()
    covered: list[tuple[int, int]] = []  # inclusive ordinal intervals
    out: list[tuple[str, int, int]] = []

    def minus(a: int, b: int) -> list[tuple[int, int]]:
        pieces = [(a, b)]
        for c, d in covered:
            nxt = []
            for x, y in pieces:
                if d < x or y < c:
                    nxt.append((x, y))
                    continue
                if x < c:
                    nxt.append((x, c - 1))
                if d < y:
                    nxt.append((d + 1, y))
            pieces = nxt
        return pieces

    for r in record.restrictions:
        a = r.start.toordinal() if r.start else lo
        b = r.end.toordinal() if r.end else hi
        if a > b:
            continue
        for x, y in minus(a, b):
            if _usable(r.code):
                out.append((r.code, x, y))
        covered.append((a, b))
    if record.default and _usable(record.default):
        for x, y in minus(lo, hi):
            out.append((record.default, x, y))
    out.sort(key=lambda p: p[1])

    def day(n: int, end: bool) -> dt.date | None:
        if (n == hi and end) or (n == lo and not end):
            return None
        return dt.date.fromordinal(n + 1 if end else n)

    return [(code, day(x, False), day(y, True)) for code, x, y in out]


def import_actors(text: str, source: str = "") -> ImportResult:
    records, skipped = parse_actors(text)
    rows: list[list[str]] = []
    for rec in records:
        term = phrase_text(rec.phrase)
        aliases = [phrase_text(s) for s in rec.synonyms]
        aliases = [a for a in dict.fromkeys(aliases) if a and a != term]
        periods = _periods(rec)
        if not periods:
            skipped.append(f"line {rec.line}: {rec.phrase.strip()}: no usable code")
            continue
        where = f"tabari {source}:{rec.line}" if source else f"tabari line {rec.line}"
        for code, start, end in periods:
            if "/" in code:
                skipped.append(f"line {rec.line}: compound code {code}: the first one is kept")
                code = code.split("/")[0]
            rows.append(
                [
                    term,
                    "|".join(aliases),
                    code,
                    start.isoformat() if start else "",
                    end.isoformat() if end else "",
                    where,
                ]
            )
    if not records:
        raise DictionaryError("no actor record found (is this a PETRARCH/TABARI .actors file?)")
    return ImportResult(
        "dictionary", ["term", "aliases", "code", "start", "end", "source"], rows, len(records),
        skipped,
    )  # fmt: skip


# ----------------------------------------------------------------------------------------------
# Agents
# ----------------------------------------------------------------------------------------------

_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_MARKER = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")


def import_agents(text: str, source: str = "") -> ImportResult:
    markers: dict[str, list[str]] = {}
    rows: list[list[str]] = []
    skipped: list[str] = []
    records = 0
    seen: set[str] = set()
    for n, line in _lines(text):
        if not line.strip():
            continue
        m = _MARKER.match(line)
        if m:
            markers[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line.strip())
        if m is None:
            skipped.append(f"line {n}: cannot read agent")
            continue
        code = m.group("code").replace(" ", "").upper()
        before = code.endswith("~")
        sector = code.strip("~")
        if not sector or not re.fullmatch(r"[A-Z]+", sector):
            skipped.append(f"line {n}: cannot read code [{m.group('code')}]")
            continue
        records += 1
        note = f"tabari {source}:{n}" if source else f"tabari line {n}"
        if before:
            note += f" ({sector}~: code before the actor's, kept as a sector)"
        phrases = _expand(m.group("phrase"), markers)
        plural = m.group("plural")
        if plural:
            phrases += _expand(plural, markers)
        for raw in phrases:
            term = " ".join(w.lower() for w in re.split(r"[\s_]+", raw.strip()) if w)
            if term and term not in seen:
                seen.add(term)
                rows.append([term, sector, "", note])
    if not records:
        raise DictionaryError("no agent record found (is this a PETRARCH/TABARI .agents file?)")
    return ImportResult("agents", ["term", "sector", "kind", "note"], rows, records, skipped)


def _expand(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    """'CONGRESS!PERSON!' with !PERSON! = MAN, WOMAN -> CONGRESSMAN, CONGRESSWOMAN."""
    m = re.search(r"![A-Z]+!", phrase)
    if m is None:
        return [phrase]
    options = markers.get(m.group(0))
    if not options:
        return [phrase.replace(m.group(0), "")]
    out = []
    for opt in options:
        out += _expand(phrase[: m.start()] + opt + phrase[m.end() :], markers)
    return out


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def detect_kind(path: Path, text: str) -> str:
    """'agents' or 'actors', by the file's name, else by its codes ('[~GOV]' is an agent's)."""
    name = path.name.lower()
    if "agent" in name:
        return "agents"
    if "actor" in name:
        return "actors"
    codes = _CODE.findall(_COMMENT_BLOCK.sub("", text))
    tilde = sum(1 for c in codes if "~" in c)
    return "agents" if codes and tilde * 2 > len(codes) else "actors"


def import_file(path: Path) -> ImportResult:
    """Read a PETRARCH/TABARI dictionary; raises DictionaryError with a one-line reason."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in raw[:4096]:
        raise DictionaryError(f"{path} is not a text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # the old dictionaries are often Latin-1
    kind = detect_kind(path, text)
    importer = import_agents if kind == "agents" else import_actors
    try:
        return importer(text, path.name)
    except DictionaryError as exc:
        raise DictionaryError(f"{path}: {exc}") from None
