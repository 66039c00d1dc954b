"""The actor knowledge base: countries, organisations, role words, metonyms, dated people.

The facts live in plain TSV files in `dotterel/data/actors/` (SOURCES.md there says where each came
from). `KnowledgeBase.load()` reads them into one phrase index: a tuple of folded words -> what the
phrase can name. Folding removes diacritics and case (Erdoğan = Erdogan) and treats punctuation as a
word break (U.S. = "u s", Jae-myung = "jae myung"), so the index agrees with any tokenisation.

User files passed as `extra` are merged over the shipped ones; their kind is recognised by the
header (see `_KINDS`). A person listed in an extra file replaces that person's shipped rows.

A `dictionary` file (`term, aliases, code, start, end, source`; what `dotterel actors import-tabari`
writes from a PETRARCH/TABARI actor dictionary) holds phrases with CAMEO codes: a term with dated
rows becomes a person with dated roles, a term without dates a metonym (its code's first three
letters the country or group, the rest the sector). `KnowledgeBase.origin` says which file each
record came from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Letters NFKD does not decompose; the Turkish dotless i matters for Yıldırım.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
    }
)
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Remove diacritics, keep case: 'Erdoğan' -> 'Erdogan'."""
    if text.isascii():
        return text  # most names: nothing to fold
    t = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in t if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def raw_words(text: str) -> tuple[str, ...]:
    """The words of `text`, diacritics folded, case kept ('U.S.' -> ('U', 'S'))."""
    return tuple(_WORD.findall(fold(text)))


@lru_cache(maxsize=200_000)
def words(text: str) -> tuple[str, ...]:
    """The index key of `text`: folded, lower-case words."""
    return tuple(w.casefold() for w in raw_words(text))


# ----------------------------------------------------------------------------------------------
# Records
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    note: str = ""
    reach: str = ""  # news outlets: "national" or "international" (see organisations.tsv)

    @property
    def sector(self) -> list[str]:
        # IGOUNO -> ["IGO"]; a national body such as GBRMED -> ["MED"].
        if self.country:
            return split_sector(self.code[3:])
        return [self.code[:3]]


@dataclass(frozen=True, slots=True)
class Agent:
    term: str
    sector: str  # one code or a compound: "GOV", "GOVMIL"
    kind: str = ""  # "", "generic" or "override"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Metonym:
    term: str
    code: str  # ISO3, a CAMEO region code, or "-" (not an actor)
    sector: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """One dated role of a person, as one row of people.tsv."""

    person: str
    kb_id: str | None
    country: str  # ISO3 or an organisation code (IGOUNO)
    role: str
    sector: str
    start: dt.date | None
    end: dt.date | None  # first day out of office; None while in office
    source: str = ""

    @property
    def in_organisation(self) -> bool:
        return len(self.country) > 3

    @property
    def code(self) -> str:
        return self.country + self.sector

    def valid_on(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(slots=True)
class Person:
    key: str  # kb_id, or the folded name when there is none
    name: str
    kb_id: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    by_surname: bool = True  # also found by the surname alone (not for imported dictionaries)

    def roles_on(self, on: dt.date) -> list[Role]:
        """Roles held on `on`, the most telling first: not ELI before ELI, then the latest start."""
        valid = [r for r in self.roles if r.valid_on(on)]
        return sorted(
            valid, key=lambda r: (r.sector == "ELI", -(r.start or dt.date.min).toordinal())
        )

    def nearest_role(self, on: dt.date) -> Role | None:
        """The role that ended last before `on`, else the first one after it."""
        before = [r for r in self.roles if r.end is not None and r.end <= on]
        if before:
            return max(before, key=lambda r: r.end)
        after = [r for r in self.roles if r.start is not None and r.start > on]
        return min(after, key=lambda r: r.start) if after else None


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase in the index can name."""

    kind: str  # person, surname, organisation, metonym, country, adjective, capital, agent, stop
    ref: object
    acronym: bool = False  # must be written in capitals (US, UN, WHO)
    proper: bool = True  # must contain a capitalised word (Turkey, not turkey)


# When one phrase names several things, the first kind here wins.
KIND_ORDER = (
    "person",
    "organisation",
    "metonym",
    "stop",
    "country",
    "adjective",
    "capital",
    "surname",
    "agent",
)
_RANK = {k: i for i, k in enumerate(KIND_ORDER)}

# No surname-only match for these: common words or very common surnames.
BLOCKED_SURNAMES = _wordset(
    "may ban moon king black white brown green young rice long little love hope faith grant "
    "mark austin harris khan smith johnson jones williams lee wang li kim park singh mohammed "
    "ali costa michel to ii iii iv jr sr "
    # world leaders' surnames that are common words, first names or frequent surnames elsewhere
    "sen francis mason henry martin pierre moses hassan mohamed ibrahim mustafa osman rashid "
    "hamid salam saeed bilal silva cruz castro hernández hernandez davis drew phillips wong chen "
    "cho su dan meta nova jesus barrow haas burton tshering hadi talon mitchell faye dlamini "
    "higgins teo kun mina bio nguyễn nguyen phạm pham võ vo lương luong tô"
)
# Names written family name first: the first word is the surname (Xi Jinping -> Xi).
FAMILY_NAME_FIRST = {"CHN", "KOR", "PRK", "TWN", "VNM", "HKG", "MAC"}
# Words in a name that start a multi-word surname (von der Leyen, bin Salman, da Silva).
_PARTICLES = _wordset("von van der de da di del della dos bin ibn al el le la")
# Exceptions where Lee/Li/Wang are the usual short form of a KB person and no one else competes.
_FAMILY_OK = {"lee", "li", "wang"}


def split_sector(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3]]


def _plurals(term: str) -> list[str]:
    """Regular plurals of a role phrase's head ('minister of defence' -> 'ministers of defence')."""
    parts = term.split(" ")
    preps = {"of", "for", "to", "in", "on", "at", "from", "with", "without", "and"}
    head = next((i - 1 for i, w in enumerate(parts) if w in preps and i > 0), len(parts) - 1)
    w = parts[head]
    out = []
    if w.endswith("man"):
        out.append(w[:-3] + "men")
    elif w.endswith("person"):
        out += [w[:-6] + "people", w + "s"]
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        out.append(w + "es")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        out.append(w[:-1] + "ies")
    else:
        out.append(w + "s")
    return [" ".join(parts[:head] + [p] + parts[head + 1 :]) for p in out]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split("|") if p.strip())


def _read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    header: list[str] | None = None
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        rows.append([c.strip() for c in cells] + [""] * (len(header) - len(cells)))
    return header or [], rows


# A file's kind is recognised from its header columns.
_KINDS = {
    "dictionary": {"term", "code", "start", "end"},
    "countries": {"iso3", "name"},
    "people": {"name", "start", "end"},
    "organisations": {"code", "name"},
    "agents": {"term", "sector"},
    "metonyms": {"term", "code"},
}


def _kind_of(header: list[str]) -> str | None:
    cols = set(header)
    for kind in ("dictionary", "countries", "people", "organisations", "metonyms", "agents"):
        if _KINDS[kind] <= cols:
            return kind
    return None


# ----------------------------------------------------------------------------------------------
# The knowledge base
# ----------------------------------------------------------------------------------------------


class KnowledgeBase:
    """Phrase index over the actor files; see the module docstring."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.organisations: list[Organisation] = []
        self.agents: dict[tuple[str, ...], Agent] = {}
        self.metonyms: list[Metonym] = []
        self.people: dict[str, Person] = {}
        self.index: dict[tuple[str, ...], list[Entry]] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.sources: list[Path] = []
        self.origin: dict[int, str] = {}  # id(record) -> the file it came from
        self._person_key_by_name: dict[tuple[str, ...], str] = {}
        self._person_names: set[tuple[str, ...]] | None = None

    def person_names(self) -> set[tuple[str, ...]]:
        """The folded names and aliases of the people in the knowledge base (computed once)."""
        if self._person_names is None:
            self._person_names = {
                words(n) for p in self.people.values() for n in (p.name, *p.aliases)
            }
        return self._person_names

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: Path | None = None, extra: list[Path] | None = None) -> KnowledgeBase:
        """Load the shipped files (or those in `data_dir`), then the `extra` user files."""
        kb = cls()
        base = Path(data_dir) if data_dir else DATA_DIR
        for name in ("countries", "organisations", "agents", "metonyms", "people"):
            path = base / f"{name}.tsv"
            if path.exists():
                kb._load_file(path, expect=name)
        for path in extra or []:
            kb._load_file(Path(path), expect=None)
        kb._build_index()
        return kb

    def _load_file(self, path: Path, expect: str | None) -> None:
        header, rows = _read_tsv(path)
        kind = _kind_of(header)
        if kind is None or (expect and kind != expect):
            raise ValueError(
                f"{path}: header {header} is not a known actor file (expected {expect or 'any'})"
            )
        self.sources.append(path)
        col = {c: i for i, c in enumerate(header)}

        def get(row: list[str], name: str) -> str:
            i = col.get(name)
            return row[i] if i is not None and i < len(row) else ""

        def note(record: object) -> object:
            self.origin[id(record)] = path.name
            return record

        if kind == "dictionary":
            self._load_dictionary(rows, get, path, note)
        elif kind == "countries":
            for r in rows:
                iso3 = get(r, "iso3")
                old = self.countries.get(iso3)
                merged = Country(
                    iso3=iso3,
                    name=get(r, "name") or (old.name if old else iso3),
                    aliases=_split(get(r, "aliases")) + (old.aliases if old else ()),
                    adjectives=_split(get(r, "adjectives")) + (old.adjectives if old else ()),
                    capitals=_split(get(r, "capitals")) + (old.capitals if old else ()),
                )
                self.countries[iso3] = note(merged)
        elif kind == "organisations":
            for r in rows:
                self.organisations.append(
                    note(
                        Organisation(
                            get(r, "code"),
                            get(r, "name"),
                            _split(get(r, "aliases")),
                            get(r, "country") or None,
                            get(r, "note"),
                            get(r, "reach"),
                        )
                    )
                )
        elif kind == "agents":
            for r in rows:
                agent = Agent(get(r, "term"), get(r, "sector"), get(r, "kind"), get(r, "note"))
                self.agents[words(agent.term)] = note(agent)
        elif kind == "metonyms":
            for r in rows:
                self.metonyms.append(
                    note(Metonym(get(r, "term"), get(r, "code"), get(r, "sector"), get(r, "note")))
                )
        elif kind == "people":
            replaced: set[str] = set()
            for r in rows:
                name, kb_id = get(r, "name"), get(r, "kb_id") or None
                key = kb_id or self._person_key_by_name.get(words(name)) or " ".join(words(name))
                if expect is None and key not in replaced:
                    self.people.pop(key, None)  # a user file's rows replace the shipped person
                    replaced.add(key)
                person = self.people.get(key)
                if person is None:
                    person = self.people[key] = Person(key=key, name=name, kb_id=kb_id)
                    self._person_key_by_name[words(name)] = key
                for alias in _split(get(r, "aliases")):
                    if alias not in person.aliases:
                        person.aliases.append(alias)
                person.roles.append(
                    note(
                        Role(
                            name,
                            kb_id,
                            get(r, "country"),
                            get(r, "role"),
                            get(r, "sector"),
                            _parse_date(get(r, "start")),
                            _parse_date(get(r, "end")),
                            get(r, "source"),
                        )
                    )
                )

    def _load_dictionary(self, rows, get, path: Path, note) -> None:
        """Rows of an imported PETRARCH/TABARI dictionary (see the module docstring)."""
        by_term: dict[str, list[list[str]]] = {}
        for r in rows:
            by_term.setdefault(get(r, "term"), []).append(r)
        for term, group in by_term.items():
            aliases = [a for r in group for a in _split(get(r, "aliases"))]
            dated = any(get(r, "start") or get(r, "end") for r in group)
            if not dated:
                code = get(group[0], "code")
                for phrase in dict.fromkeys([term, *aliases]):
                    self.metonyms.append(
                        note(Metonym(phrase, code[:3], code[3:], get(group[0], "source")))
                    )
                continue
            key = " ".join(words(term))
            self.people.pop(key, None)
            person = self.people[key] = Person(key=key, name=term, kb_id=None, by_surname=False)
            self._person_key_by_name[words(term)] = key
            person.aliases.extend(a for a in dict.fromkeys(aliases) if a != term)
            for r in group:
                code = get(r, "code")
                person.roles.append(
                    note(
                        Role(
                            term,
                            None,
                            code[:3],
                            get(r, "role") or f"{code} (imported dictionary)",
                            code[3:],
                            _parse_date(get(r, "start")),
                            _parse_date(get(r, "end")),
                            get(r, "source"),
                        )
                    )
                )

    def _add(self, phrase: str, entry: Entry) -> None:
        key = words(phrase)
        if not key:
            return
        entries = self.index.setdefault(key, [])
        # Later files override earlier ones: a new entry of the same kind goes in front.
        entries.insert(0, entry)
        entries.sort(key=lambda e: _RANK[e.kind])
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])

    def _build_index(self) -> None:
        for c in self.countries.values():
            for name in (c.name, *c.aliases):
                self._add(name, Entry("country", c, acronym=_is_acronym(name)))
            for adj in c.adjectives:
                self._add(adj, Entry("adjective", c, acronym=_is_acronym(adj)))
            for cap in c.capitals:
                self._add(cap, Entry("capital", c))
        for o in self.organisations:
            for name in (o.name, *o.aliases):
                self._add(name, Entry("organisation", o, acronym=_is_acronym(name)))
        for m in self.metonyms:
            self._add(m.term, Entry("stop" if m.code == "-" else "metonym", m))
        for agent in self.agents.values():
            for form in (agent.term, *_plurals(agent.term)):
                key = words(form)
                # A plural never hides a listed term ("forces" stays as listed).
                if form != agent.term and key in self.agents:
                    continue
                self._add(form, Entry("agent", agent, proper=False))
        for p in self.people.values():
            full = {words(p.name)} | {words(a) for a in p.aliases}
            for name in (p.name, *p.aliases):
                self._add(name, Entry("person", p, acronym=_is_acronym(name)))
            surname = self._surname(p) if p.by_surname else None
            if surname and words(surname) not in full:
                self._add(surname, Entry("surname", p))

    @staticmethod
    def _surname(p: Person) -> str | None:
        parts = p.name.split()
        if len(parts) < 2:
            return None
        countries = {r.country for r in p.roles}
        if countries & FAMILY_NAME_FIRST:
            s = parts[0]
            return s if s.lower() not in BLOCKED_SURNAMES or s.lower() in _FAMILY_OK else None
        for i, w in enumerate(parts[1:], 1):
            if w.lower() in _PARTICLES:
                return " ".join(parts[i:])
        s = parts[-1]
        return None if s.lower().strip(".") in BLOCKED_SURNAMES else s

    # -- lookups -------------------------------------------------------------------------------

    def entries(self, text: str) -> list[Entry]:
        """Everything the whole phrase `text` can name, best first (capitals, acronyms checked)."""
        key = words(text)
        out = [e for e in self.index.get(key, []) if acceptable(e, raw_words(text))]
        if not out and key[:1] == ("the",):
            out = [e for e in self.index.get(key[1:], []) if acceptable(e, raw_words(text)[1:])]
        return out

    def country(self, text: str) -> str | None:
        """ISO3 code of a country name, alias, adjective or capital ('Türkiye', 'Turkish')."""
        for e in self.entries(text):
            if e.kind in ("country", "adjective", "capital"):
                return e.ref.iso3
        return None

    def agent(self, term: str) -> str | None:
        """CAMEO sector code for a role word ('police' -> 'COP', 'defence ministry' -> 'GOVMIL')."""
        for e in self.index.get(words(term), []):
            if e.kind == "agent":
                return e.ref.sector
        return None

    def organisation(self, text: str) -> Organisation | None:
        for e in self.entries(text):
            if e.kind == "organisation":
                return e.ref
        return None

    def persons(self, name: str, on: dt.date | None = None) -> list[Person]:
        """People a name can mean: full name or alias first, else surname (`on` breaks ties)."""
        entries = self.entries(name)
        full = [e.ref for e in entries if e.kind == "person"]
        if full:
            return _unique(full)
        by_surname = _unique(e.ref for e in entries if e.kind == "surname")
        if len(by_surname) > 1 and on is not None:
            current = [p for p in by_surname if p.roles_on(on)]
            by_surname = current or by_surname
        return by_surname

    def person(self, name: str, on: dt.date | None = None) -> list[Role]:
        """Roles held on `on` (today if None) by the person `name` means; [] if none/unknown."""
        on = on or dt.date.today()
        people = self.persons(name, on)
        if len(people) != 1:
            return []
        return people[0].roles_on(on)

    def roles(self, name: str) -> list[Role]:
        """Every dated role of the person `name` means, in file order."""
        people = self.persons(name)
        return list(people[0].roles) if len(people) == 1 else []

    def __repr__(self) -> str:
        return (
            f"KnowledgeBase({len(self.countries)} countries, "
            f"{len(self.organisations)} organisations, "
            f"{len(self.agents)} agents, {len(self.metonyms)} metonyms, {len(self.people)} people)"
        )


def acceptable(entry: Entry, raw: Iterable[str]) -> bool:
    """Capitalisation checks: acronyms in capitals, proper names with a capitalised word."""
    raw = list(raw)
    if entry.acronym:
        letters = "".join(raw)
        return bool(letters) and letters.isupper()
    if entry.proper:
        return any(w[:1].isupper() for w in raw)
    return True


def _unique(items: Iterable) -> list:
    seen: set[int] = set()
    out = []
    for it in items:
        if id(it) not in seen:
            seen.add(id(it))
            out.append(it)
    return out
