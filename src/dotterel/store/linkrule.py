"""One event, many reports: when two event mentions describe the same real-world event.

Many outlets report one summit; GDELT counts each report as an event, and a one-a-day filter
(Phoenix) merges distinct events that share a day, a dyad and a code. dotterel links mentions
instead, by a rule a reader can check:

1. **Same PLOVER event type.** A meeting and a threat between the same pair on the same day are
   two events.
2. **The same parties.** A party is an actor's country (or its whole code when it has no country,
   as for the UN), or its whole code when `match = "code"`. For directed types, the actors must
   share a party, and so must the recipients when both reports name recipients. For symmetric
   types (a meeting, cooperation, an agreement: "Putin met Erdogan" and "Erdogan hosted Putin"
   say the same), the two reports' parties, actors and recipients together, must share two
   parties, or all of them when a report names only one. So two meetings on one day between
   different pairs stay two events.
3. **Compatible dates.** Each mention's date is the days it can mean: one day, a whole month
   ("in May"), a window (`date_end`); a date that fell back to the publication date means "on
   or up to `publication_days` before" (the report is of something that happened), or "from then
   up to `undated_planned_days` after" for a planned event. Mentions link when those days, each
   stretched by `window_days`, overlap, and they must overlap for every mention of the event
   (so a chain of day-apart reports cannot drift across a week).
4. **Compatible places** when both have one: the same place, or a city within a country (or
   region) the other names. Two different cities are two events.

A mention that matches no event starts one. A mention that names fewer parties than the event
(no recipient, or one party of a meeting) joins it only when it matches that event alone; where
it could belong to several, it is left on its own rather than guessed.

The thresholds are settings (`[link]` in dotterel.toml, see dotterel.config); changing them
takes effect for new documents, and `dotterel db relink` applies them to all.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

SYMMETRIC_TYPES = ("CONSULT", "COOPERATE", "AGREE")


@dataclass(frozen=True)
class LinkSettings:
    """The linking rule's thresholds (`[link]` in dotterel.toml)."""

    enabled: bool = True
    window_days: int = 1
    publication_days: int = 2
    undated_planned_days: int = 14
    match: str = "country"
    symmetric_types: tuple[str, ...] = SYMMETRIC_TYPES
    min_confidence: float = 0.0

    @classmethod
    def from_mapping(cls, data: Mapping) -> LinkSettings:
        """Settings from a TOML table; raises ValueError naming the bad key."""
        known = {f.name: f for f in fields(cls)}
        unknown = set(data) - set(known)
        if unknown:
            raise ValueError(f"unknown link settings {sorted(unknown)} (known: {sorted(known)})")
        values = {}
        for key, value in data.items():
            default = getattr(cls(), key)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            elif isinstance(default, float):
                ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
            elif isinstance(default, tuple):
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
                value = tuple(v.upper() for v in value) if ok else value
            else:
                ok = value in ("country", "code")
            if not ok:
                raise ValueError(
                    f"link setting {key} = {value!r} is not valid (default {default!r})"
                )
            values[key] = value
        return cls(**values)


@dataclass
class Mention:
    """What the rule compares of one event record."""

    event_id: str
    doc_id: str
    event_type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    lo: date | None  # the first and last day the date can mean, stretched as in rule 3
    hi: date | None
    place: dict | None
    status: str = "reported"
    date: str | None = None
    date_precision: str = "publication"
    cameo: str | None = None
    confidence: float = 1.0

    @property
    def parties(self) -> frozenset[str]:
        return self.actors | self.recipients


@dataclass
class Profile:
    """What a linked event's mentions have in common: the parties any of them name, the days
    all of them can mean (`lo` = the latest first day, `hi` = the earliest last day), and the
    places they name."""

    event_type: str
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    lo: date | None = None
    hi: date | None = None
    places: list[dict] = field(default_factory=list)

    @property
    def parties(self) -> set[str]:
        return self.actors | self.recipients

    def add(self, m: Mention) -> None:
        self.actors |= m.actors
        self.recipients |= m.recipients
        if m.lo is not None:
            self.lo = m.lo if self.lo is None else max(self.lo, m.lo)
        if m.hi is not None:
            self.hi = m.hi if self.hi is None else min(self.hi, m.hi)
        if m.place and not any(same_place(m.place, p) for p in self.places):
            self.places.append(m.place)

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> Profile:
        mentions = list(mentions)
        profile = cls(mentions[0].event_type)
        for m in mentions:
            profile.add(m)
        return profile


@dataclass
class Match:
    """A mention that fits a linked event: how well, whether it names every party the rule
    compares (a partial match joins only an event it alone fits), and why."""

    score: float
    partial: bool
    why: str


def party(actor: Mapping, match: str = "country") -> str | None:
    if match == "country" and actor.get("country"):
        return actor["country"]
    return actor.get("code") or None


def mention(record: Mapping, published: str | None, settings: LinkSettings) -> Mention:
    """The rule's view of one event record; `published` is its document's ISO date."""

    def keys(actors) -> frozenset[str]:
        return frozenset(k for a in actors or () if (k := party(a, settings.match)))

    lo, hi = _days(record, published, settings)
    return Mention(
        event_id=record["event_id"],
        doc_id=record["doc_id"],
        event_type=record["event_type"],
        actors=keys(record.get("actor")),
        recipients=keys(record.get("recipient")),
        lo=lo,
        hi=hi,
        place=record.get("location") or None,
        status=record.get("status") or "reported",
        date=record.get("date"),
        date_precision=record.get("date_precision") or "publication",
        cameo=record.get("cameo"),
        confidence=float(record.get("confidence") or 0.0),
    )


def interval(value: str | None, date_end: str | None = None) -> tuple[date | None, date | None]:
    """The first and last day an ISO date ("2025-05-15", "2025-05", "2025") can mean, through
    `date_end` when it is later."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None, None
    try:
        if len(value) >= 10:
            lo = hi = date.fromisoformat(value[:10])
        elif len(value) >= 7:
            year, month = int(value[:4]), int(value[5:7])
            lo = date(year, month, 1)
            hi = date(year, month, calendar.monthrange(year, month)[1])
        else:
            lo, hi = date(int(value[:4]), 1, 1), date(int(value[:4]), 12, 31)
        if date_end and len(date_end) >= 10:
            hi = max(hi, date.fromisoformat(date_end[:10]))
    except ValueError:
        return None, None
    return lo, hi


def _days(record: Mapping, published: str | None, s: LinkSettings):
    lo, hi = interval(record.get("date") or published, record.get("date_end"))
    if lo is None or hi is None:
        return None, None
    if (record.get("date_precision") or "publication") == "publication":
        if record.get("status") in ("planned", "proposed"):
            hi = hi + timedelta(days=s.undated_planned_days)
        else:
            lo = lo - timedelta(days=s.publication_days)
    return lo, hi + timedelta(days=s.window_days)


def compare(m: Mention, p: Profile, s: LinkSettings) -> Match | None:
    """Whether mention `m` fits the linked event `p` under the rule; None when it does not."""
    if m.event_type != p.event_type:
        return None
    parties = _parties(m, p, s)
    if parties is None:
        return None
    score, partial, said = parties
    if m.lo is not None and p.lo is not None and p.hi is not None:
        if max(m.lo, p.lo) > min(m.hi, p.hi):
            return None
        said.append(f"dates within {s.window_days} day(s)")
    for place in p.places if m.place else ():
        if not compatible_places(m.place, place):
            return None
    if m.place and p.places:
        score += 0.5 if any(same_place(m.place, q) for q in p.places) else 0.25
        said.append(f"place {m.place.get('name')} fits")
    return Match(score, partial, f"same type {m.event_type}; " + "; ".join(said))


def _parties(m: Mention, p: Profile, s: LinkSettings):
    if m.event_type in s.symmetric_types:
        shared = m.parties & p.parties
        need = min(2, len(m.parties), len(p.parties))
        if not shared or len(shared) < need:
            return None
        partial = len(m.parties) < 2 <= len(p.parties)
        return _jaccard(m.parties, p.parties), partial, [f"shared parties {_names(shared)}"]
    actors = m.actors & p.actors
    if not actors:
        return None
    said = [f"shared actors {_names(actors)}"]
    if m.recipients and p.recipients:
        recipients = m.recipients & p.recipients
        if not recipients:
            return None
        said.append(f"shared recipients {_names(recipients)}")
        partial = False
    else:
        partial = bool(m.recipients) != bool(p.recipients)
    score = _jaccard(m.actors, p.actors) + _jaccard(m.recipients, p.recipients)
    return score, partial, said


def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


def _names(keys: Iterable[str]) -> str:
    return "+".join(sorted(keys))


def same_place(a: Mapping, b: Mapping) -> bool:
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return True
    return _norm(a.get("name")) == _norm(b.get("name")) and a.get("country") == b.get("country")


def compatible_places(a: Mapping, b: Mapping) -> bool:
    """The same place, or one place within the other (a city in the country or region the other
    report names); two different cities, regions or countries are not."""
    if same_place(a, b):
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    wide, narrow = sorted((a, b), key=lambda p: _RANK.get(p.get("precision"), 3))
    if wide.get("precision") == "country":
        return bool(wide.get("country")) and wide.get("country") == narrow.get("country")
    if wide.get("precision") == "admin1" and narrow.get("precision") == "city":
        return _norm(narrow.get("admin1")) == _norm(wide.get("admin1") or wide.get("name"))
    return False


_RANK = {"country": 0, "admin1": 1, "city": 2}


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def choose(matches: list[tuple[int, Match]]) -> tuple[int | None, str]:
    """Which linked event (by id) a mention joins among those it fits, and why; None for a new
    one. A full match wins over partial ones; a partial match is taken only when it is alone."""
    if not matches:
        return None, "no earlier report of this event"
    full = [im for im in matches if not im[1].partial]
    if not full and len(matches) > 1:
        ids = ", ".join(str(i) for i, _ in matches)
        return None, f"could be any of linked events {ids} (it names fewer parties); kept apart"
    best_id, best = max(full or matches, key=lambda im: (im[1].score, -im[0]))
    return best_id, f"linked to event {best_id}: {best.why}"
