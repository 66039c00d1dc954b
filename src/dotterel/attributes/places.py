"""The places a document names: spaCy's GPE, LOC and FAC entities (and a wire dateline),
resolved against the gazetteer.

A name resolves to the place it most likely means among the gazetteer's places of that name:

- an explicit container decides first: "Paris, Texas" is a Paris in Texas, "the Lebanese city of
  Tripoli" a Tripoli in Lebanon; a name the gazetteer lacks inside a container written with it
  ("Smallville, Texas") is placed at the container;
- otherwise each candidate is scored (log10 units): its size (a country counts as 10^10 people,
  a US state as 10^7, a city as its population), +1.5 x log10(1 + its alternate names) for a
  city (how widely it is written about: Geneva in Switzerland has 21, a Geneva in the United
  States 2), +1.5 for a national capital, +2 when its country is one the document names as a
  place elsewhere, else +1 when it is one of its actors' countries, +1 when it lies in a US
  state the document names, -0.5 when the name is only one of its alternate names (-1.5 when it
  is another candidate's main name: "Islamabad" is Pakistan's capital, not Chattogram);
- when the best candidate leads a candidate in another country by less than 1 (a factor of ten),
  the name is ambiguous and gets no place: no place rather than a wrong one. Within one country,
  a city and the state of the same name that holds it ("New York") give the city; other near
  ties ("Springfield") give the country.

A building that stands for a government (data/places/buildings.tsv) after a locative or motion
preposition is the city it stands in ("talks at the Kremlin" were in Moscow). Otherwise never a
place: a lower-case word, a stop word, a name listed in data/places/not_places.txt, and a name the
actor knowledge base holds as a person, an organisation or a building that stands for an actor
("the Kremlin said"). The parser's PERSON and ORG entities and untagged proper nouns are read
as place names only as the object of a locative preposition ("officials in Odesa") or when a
kind-of-place noun names them ("the town of Bentiu"); ORG entities also as a verb's object
("shelled Kharkiv"), and untagged proper nouns as the object of a verb that acts on a place
("shelled Donetsk": data/places/cues.tsv `target` and `mover`). A nationality is read as a
place name when a kind-of-place noun names it ("Helmand province" tagged as one) and, on
"capital", as that country's capital ("the Qatari capital" is Doha); a capitalised common noun
a country owns as one too ("Bulgaria's Varna"). A name the gazetteer lacks is looked up again
without the lowercase words or the number the parser took into it ("central Caracas",
"Karabakh 115").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from dotterel.attributes.gazetteer import Entry, Gazetteer, Match, fold, gazetteer
from dotterel.attributes.place_cues import cues
from dotterel.nlp import text_of
from dotterel.records import Place

LABELS = ("GPE", "LOC", "FAC")
RELABELLED = ("PERSON", "ORG")
UNTAGGED = "PROPN"  # a proper noun the parser tagged as no entity
CAPITAL = "capital"  # "the Qatari capital": a nationality naming a capital city

# Scores (log10 of a size, see the module docstring).
SIZE = {"country": 10.0, "admin1": 7.0}
NOTABILITY = 1.5
CAPITAL = 1.5
NAMED_COUNTRY = 2.0
ACTOR_COUNTRY = 1.0
IN_DOCUMENT_STATE = 1.0
ALTERNATE_NAME = -0.5
ANOTHER_OWN_NAME = -1.0  # and more when the name is another candidate's main name
AMBIGUITY_MARGIN = 1.0

# A wire dateline opening the text: "KYIV, May 11 (Reuters) -", "GOMA, Congo (AP) —", "Kabul
# (AFP) -", and without the agency "MOSCOW, May 3 —", "BEIRUT —", "ISLAMABAD:" (then only a city
# in capitals counts: "US - China talks" and "NATO —" open no dateline).
_DATELINE_PARTS = (
    r"(?:,\s*(?P<container>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
)
_AGENCY = r"\((?:[A-Za-z][A-Za-z .&]{1,30})\)\s*"
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})"
    + _DATELINE_PARTS
    + rf"\s*(?P<agency>{_AGENCY})?(?:--|[-\u2013\u2014:])\s"
)
_MIXED_DATELINE = re.compile(  # "Kabul (AFP) -": written in mixed case, only with the agency
    r"\A\s*(?P<place>[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,2})"
    + _DATELINE_PARTS
    + rf"\s*(?P<agency>{_AGENCY})(?:--|[-\u2013\u2014:])\s"
)
_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
# Words the parser took into a name: lowercase ones before it ("central Caracas", "occupied
# Karabakh"), a number after it ("Karabakh 115 times").
_LOWER_WORDS = re.compile(r"^(?:[a-z][\w'\u2019-]*\s+)+(?=[A-Z])|(?:\s+[\d,.]+)+$")


@dataclass
class PlaceMention:
    """One place name in a document and what it resolved to (None: not a place, or unknown)."""

    text: str
    start: int
    end: int
    sentence: int
    label: str  # GPE, LOC, FAC, "dateline"; PERSON, ORG or PROPN after "in", "near", ...
    place: Place | None = None
    why: str = ""
    root: int = -1  # the entity's root token, -1 without a parse
    bare: bool = False  # a dateline without its agency ("BEIRUT —"): only a city counts
    after_preposition: bool = False  # "at the Kremlin": a building there is its city
    # For a country named as a capital's ("the capital of Latvia", "Turkey's capital"): that
    # capital, which is where an event there happened.
    capital: Place | None = field(default=None, repr=False)
    entry: Entry | None = field(default=None, repr=False)

    def to_record(self) -> dict:
        record = {"text": self.text, "start": self.start, "end": self.end}
        record["sentence"] = self.sentence
        record.update(self.place.to_record() if self.place else {})
        record["why"] = self.why
        return record


@dataclass
class Context:
    """What the document says about where it is."""

    actors: set[str] = field(default_factory=set)  # ISO3 countries of its actors
    countries: set[str] = field(default_factory=set)  # ISO3 countries of places it names
    states: set[str] = field(default_factory=set)  # admin1 keys of US states it names

    def has(self, country: str) -> bool:
        return country in self.countries or country in self.actors


@cache
def buildings() -> dict[str, tuple[str, str]]:
    """data/places/buildings.tsv: folded building name -> (its city, the city's ISO3 country)."""
    path = resources.files("dotterel") / "data" / "places" / "buildings.tsv"
    out = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != 3 or not all(fields):
            raise ValueError(f"buildings.tsv:{n}: expected 'building<TAB>city<TAB>country'")
        out[fold(fields[0])] = (fields[1], fields[2])
    return out


@cache
def not_places() -> frozenset[str]:
    """The folded names of data/places/not_places.txt."""
    text = (resources.files("dotterel") / "data" / "places" / "not_places.txt").read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(fold(line) for line in lines if line)


NotPlace = Callable[[str], "str | None"]


def kb_not_place(kb) -> NotPlace:
    """A test from an actor knowledge base: the kind of actor a name is (person, organisation,
    metonym) when it is one and is not also a country or a capital; None otherwise."""

    def test(name: str) -> str | None:
        kinds = {e.kind for e in kb.entries(name)}
        if kinds & {"country", "capital"}:
            return None
        for e in kb.entries(name):
            if e.kind in ("person", "surname") and _stands_for_country(kb, e.ref):
                continue
            if e.kind in ("person", "surname", "organisation"):
                return e.kind
            # A building that stands for an actor; code '-' marks words that are not one.
            if e.kind == "metonym" and getattr(e.ref, "code", "-") != "-":
                return "building that stands for an actor"
        return None

    return test


def _stands_for_country(kb, person) -> bool:
    """An imported dictionary's entry named after a country: Phoenix lists "Mosul" and "Odesa"
    under "Iraq" and "Ukraine" so; those are a country's places, not a person."""
    name = getattr(person, "name", "")
    return bool(name) and kb.country(name) is not None


class PlaceResolver:
    """Finds and resolves the places of parsed documents. Build once; `document()` per text.

    The gazetteer is loaded on the first document (and once per process)."""

    def __init__(self, places: Gazetteer | None = None, not_place: NotPlace | None = None):
        self._gazetteer = places
        self.not_place = not_place
        self.blocked = not_places()
        self._country_names: list[tuple[str, tuple[str, ...]]] = []
        self._country_of: Callable[[str], str | None] | None = None  # "Lebanese" -> LBN

    @classmethod
    def for_kb(cls, kb) -> PlaceResolver:
        """A resolver that knows the knowledge base's country names ("Turkey", "DRC") and never
        reads its people, organisations or buildings as places."""
        resolver = cls(not_place=kb_not_place(kb))
        resolver._country_of = kb.country
        resolver._country_names = [(c.iso3, (c.name, *c.aliases)) for c in kb.countries.values()]
        return resolver

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer().with_countries(self._country_names)
        return self._gazetteer

    # -- the document ------------------------------------------------------------------------

    def document(self, doc, countries: Iterable[str] = ()) -> list[PlaceMention]:
        """Every place name of `doc` (a spaCy Doc), in text order, resolved with the document's
        context; `countries` are the ISO3 codes of its actors. Mentions that are not places
        (see the module docstring) are left out; unknown or ambiguous ones keep place=None."""
        mentions = self._mentions(doc)
        following = {
            id(a): b
            for a, b in zip(mentions, mentions[1:], strict=False)
            if text_of(doc)[a.end : b.start].strip() == "," and a.sentence == b.sentence
        }
        actors = {c for c in countries if c}
        described: dict[int, Entry | None] = {}
        regions = cues().region
        region = {
            id(m): (noun := _place_noun(m, doc)) is not None and noun.lemma_.lower() in regions
            for m in mentions
        }
        # First with the actors' countries only, then also with the places the others resolved
        # to (a name is no evidence for itself).
        first = Context(actors=actors)
        for m in mentions:
            described[id(m)] = self._described_country(m, doc)
            self._resolve(m, first, following.get(id(m)), described[id(m)], region[id(m)])
        named = Counter(m.entry.country for m in mentions if m.entry is not None)
        states = Counter(
            m.entry.admin1 for m in mentions if m.entry is not None and m.entry.kind == "admin1"
        )
        for m in mentions:
            m.capital = self._capital(m, doc)
            own = m.entry
            context = Context(actors=actors, countries=set(named), states=set(states))
            if own is not None and named[own.country] == 1:
                context.countries.discard(own.country)
            if own is not None and own.kind == "admin1" and states[own.admin1] == 1:
                context.states.discard(own.admin1)
            self._resolve(m, context, following.get(id(m)), described[id(m)], region[id(m)])
        return mentions

    def _mentions(self, doc) -> list[PlaceMention]:
        sent_of: dict[int, int] = {}
        for i, sent in enumerate(doc.sents if _has_sentences(doc) else [doc[:]]):
            for tok in sent:
                sent_of[tok.i] = i
        out: list[PlaceMention] = []
        dateline = _DATELINE.match(doc.text) or _MIXED_DATELINE.match(doc.text)
        if dateline:
            start, end = dateline.span("place")
            span = doc.char_span(start, end, alignment_mode="expand")
            root = span.root.i if span is not None and len(span) else -1
            mention = PlaceMention(doc.text[start:end], start, end, 0, "dateline", root=root)
            mention.bare = dateline.group("agency") is None
            out.append(mention)
        at = cues().at
        for ent in doc.ents:
            # The parser sometimes takes a town for a person or a company ("officials in
            # Odesa", "shelled Kharkiv"); after a locative preposition, or as an ORG in a verb's
            # object, it is read as a place name all the same.
            after_at = ent.root.dep_ == "pobj" and ent.root.head.lower_ in at
            org_object = ent.label_ == "ORG" and ent.root.dep_ == "dobj"
            # "shelled Kharkiv" with Kharkiv tagged as a person: only verbs that never take a
            # person ("captured X" can be a man)
            org_object |= (
                ent.label_ == "PERSON"
                and ent.root.dep_ == "dobj"
                and ent.root.head.lemma_.lower() in cues().site
            )
            # "the town of Bentiu", "Ethiopia's Tigray region" tagged as a person or a company
            # ... or "Helmand province" tagged as a nationality (not "Islamic State": a
            # capitalised noun makes a name, not a kind of place)
            named_by = (
                ent.label_ in RELABELLED
                or ent.label_ == "NORP"
                and ent.root.dep_ == "compound"
                and ent.root.head.is_lower
            ) and _names_place(ent.root)
            if ent.label_ not in LABELS and not (
                ent.label_ in RELABELLED and after_at or org_object or named_by
            ):
                continue
            if out and out[0].label == "dateline" and ent.start_char < out[0].end:
                continue  # the dateline itself
            mention = PlaceMention(
                ent.text, ent.start_char, ent.end_char, sent_of.get(ent.start, 0), ent.label_
            )
            mention.root = ent.root.i
            mention.after_preposition = ent.root.dep_ == "pobj" and (
                ent.root.head.lower_ in at | cues().motion
            )
            out.append(mention)
        out += self._national_capitals(doc, sent_of)
        out += self._untagged(doc, at, sent_of)
        out.sort(key=lambda m: m.start)
        return [m for m in out if self._is_place_name(m)]

    def _national_capitals(self, doc, sent_of: dict[int, int]) -> list[PlaceMention]:
        """ "The Qatari capital", "the Afghan capital": news names a capital city by its
        country's adjective; the mention spans the adjective and the noun."""
        out = []
        for ent in doc.ents:
            noun = ent.root.head
            if ent.label_ != "NORP" or ent.root.dep_ != "amod" or noun.lemma_.lower() != "capital":
                continue
            if noun.i != ent.end or any(c.dep_ in ("appos", "compound") for c in noun.children):
                continue  # "the Afghan capital, Kabul" names it itself
            start, end = ent.start_char, noun.idx + len(noun.text)
            out.append(
                PlaceMention(
                    text_of(doc)[start:end], start, end, sent_of.get(noun.i, 0), CAPITAL,
                    root=noun.i,
                )
            )  # fmt: skip
        return out

    def _untagged(self, doc, at: frozenset[str], sent_of: dict[int, int]) -> list[PlaceMention]:
        """Proper nouns the parser tagged as no entity at all, where a place stands: after a
        locative preposition ("in Kandahar"), named by a kind-of-place noun ("the town of
        Bentiu") or as the object of a verb that acts on a place ("shelled Donetsk"); read as
        place names, to be resolved like the others."""
        out = []
        words = cues()
        for tok in doc:
            if tok.pos_ not in ("PROPN", "NOUN") or tok.ent_type_:
                continue
            head = tok.head
            if tok.pos_ == "NOUN" and not _country_owned(tok):
                continue
            if _names_place(tok):
                pass  # "the town of Bentiu", "Tigray region": a kind-of-place noun names it
            elif tok.dep_ == "pobj" and head.lower_ == "of":
                continue
            elif tok.dep_ == "pobj":
                if head.lower_ not in at:
                    continue
            elif tok.dep_ == "dobj":
                # "shelled Donetsk", "entered Mosul": what the verb acts on is a place
                if head.lemma_.lower() not in words.target | words.mover:
                    continue
            else:
                continue
            first = tok
            while (
                first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and not doc[first.i - 1].ent_type_
            ):
                first = doc[first.i - 1]
            start, end = first.idx, tok.idx + len(tok.text)
            out.append(
                PlaceMention(
                    text_of(doc)[start:end], start, end, sent_of.get(tok.i, 0), UNTAGGED, root=tok.i
                )
            )
        return out

    def _is_place_name(self, m: PlaceMention) -> bool:
        name = clean(m.text)
        if not name or not any(c.isupper() for c in name):
            return False
        key = fold(name)
        if key in self.blocked or key in STOP_WORDS:
            return False
        if key in buildings():
            return m.after_preposition
        if self.not_place is not None:
            head = name.split(",", 1)[0].strip()
            if self.not_place(head) or self.not_place(name):
                return False
        return True

    # -- one name ----------------------------------------------------------------------------

    def _resolve(
        self,
        m: PlaceMention,
        context: Context,
        nxt: PlaceMention | None,
        described: Entry | None = None,
        region: bool = False,
    ) -> None:
        name = clean(m.text)
        if m.label == CAPITAL:
            self._national_capital(m, name)
            return
        container_text = None
        if "," in name:  # "Paris, Texas" as one entity
            name, _, container_text = (p.strip() for p in name.partition(","))
        elif nxt is not None:  # "in Paris, Texas" as two
            container_text = nxt.text
        head, _, last = name.rpartition(" ")
        if head and last.lower() in cues().region and m.label in LABELS:
            name, region = head, True  # "Borno State", "Donetsk Oblast"
        building = self._building(name)
        if building is not None:
            m.entry, m.place = building, building.place()
            m.why = f"'{name}' is a building in {_describe(building)} (data/places/buildings.tsv)"
            return
        matches = self.gazetteer.lookup(name)
        if not matches and _LOWER_WORDS.search(name):
            # "eastern Ukraine" is in Ukraine; a name that starts in lowercase ("al Qaim") is
            # looked up whole first
            name = _LOWER_WORDS.sub("", name)
            matches = self.gazetteer.lookup(name)
        container = self._container(container_text, matches) if container_text else None
        if (
            container is None
            and described is not None
            and (not matches or _holds(described, matches))
        ):
            container = described
        if region and self._region(m, name, matches, context, described or container):
            return
        entry, why = choose(matches, context, self.gazetteer.countries, container, name)
        if entry is None and container is not None and not matches:
            entry = container
            why = (
                f"'{name}' is not in the gazetteer; placed at {_describe(container)}, named with it"
            )
        m.entry = entry
        m.place = entry.place() if entry else None
        if m.label == "dateline" and m.bare and entry is not None and entry.kind != "city":
            m.entry = m.place = None
            why = f"dateline without an agency names no city: {why}"
        elif m.label == "dateline":
            why = f"dateline: {why}"
        elif m.label in (*RELABELLED, "NORP"):
            why = f"{why} (tagged {m.label} by the parser; read as a place from its position)"
        elif m.label == UNTAGGED:
            why = f"{why} (a proper noun where a place stands, not tagged by the parser)"
        m.why = why

    def _national_capital(self, m: PlaceMention, name: str) -> None:
        adjective = name.rsplit(" ", 1)[0]
        iso3 = self._country_word(adjective)
        capital = self.gazetteer.capitals.get(iso3) if iso3 else None
        m.entry = capital
        m.place = capital.place() if capital is not None else None
        m.why = (
            f"'{name}' is the capital of {_describe(self.gazetteer.countries[iso3])}"
            if capital is not None and iso3 in self.gazetteer.countries
            else f"'{name}': no capital known for '{adjective}'"
        )

    def _region(
        self, m: PlaceMention, name: str, matches: list[Match], context: Context, given
    ) -> bool:
        """A name written as a region ("Ethiopia's Tigray region", "Borno State") that the
        gazetteer (countries, US states, cities) has no place of in the region's country: the
        region itself, in the country written with it or else the document's only country,
        without coordinates. Sets `m` and says True; False when that country is unknown or
        the gazetteer has a place of the name there (which `choose` then resolves)."""
        country = given if given is not None and given.kind == "country" else None
        if country is None:
            known = context.countries | context.actors
            country = self.gazetteer.countries.get(known.pop()) if len(known) == 1 else None
        if country is None or any(x.entry.country == country.country for x in matches):
            return False
        m.entry = None
        m.place = Place(name=name, country=country.country, precision="admin1")
        how = "written with it" if country is given else "the document's only country"
        m.why = (
            f"'{name}' is named as a region; the gazetteer has no place of that name in "
            f"{_describe(country)} ({how}): the region, without coordinates"
        )
        return True

    def _building(self, name: str) -> Entry | None:
        """The city a building of data/places/buildings.tsv stands in: the largest city of
        that main name in its country."""
        found = buildings().get(fold(name))
        if found is None:
            return None
        city, country = found
        cities = [
            x.entry
            for x in self.gazetteer.lookup(city)
            if x.primary and x.entry.kind == "city" and x.entry.country == country
        ]
        return max(cities, key=lambda e: e.population, default=None)

    def _capital(self, m: PlaceMention, doc) -> Place | None:
        if m.entry is None or m.entry.kind != "country" or m.root < 0:
            return None
        tok = doc[m.root]
        noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
        if tok.dep_ not in ("pobj", "poss") or noun.lemma_.lower() != "capital":
            return None
        capital = self.gazetteer.capitals.get(m.entry.country)
        return capital.place() if capital is not None else None

    def _described_country(self, m: PlaceMention, doc) -> Entry | None:
        """The country a kind-of-place noun gives a name: "the Lebanese city of Tripoli",
        "Syria's second city, Aleppo", "Saudi Arabia's Asir region", "Buner district in
        Pakistan"."""
        noun = _place_noun(m, doc)
        if noun is None:
            return None
        tok = doc[m.root]
        words = [
            doc[child.left_edge.i : child.i + 1].text  # "Saudi Arabia", not "Arabia"
            for child in noun.children
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i != tok.i
        ]
        words += [
            g.text
            for child in noun.children
            if child.dep_ == "prep" and child.lower_ == "in"
            for g in child.children
            if g.dep_ == "pobj"
        ]
        for word in words:
            iso3 = self._country_word(clean(word))
            if iso3 is not None:
                return self.gazetteer.countries.get(iso3)
        return None

    def _country_word(self, word: str) -> str | None:
        if self._country_of is not None:
            return self._country_of(word)
        found = {x.entry.country for x in self.gazetteer.lookup(word) if x.entry.kind == "country"}
        return found.pop() if len(found) == 1 else None

    def _container(self, text: str, matches: list[Match]) -> Entry | None:
        """The state or country a name is written with ("Paris, Texas", "Goma, Congo"), when it
        is one place and holds one of the name's places; a list ("France, Germany") is not."""
        if any(x.entry.kind != "city" for x in matches):
            return None
        found = [x for x in self.gazetteer.lookup(clean(text)) if x.entry.kind != "city"]
        if len({x.entry.geonameid for x in found}) != 1:
            return None
        container = found[0].entry
        return container if not matches or _holds(container, matches) else None


def _country_owned(tok) -> bool:
    """A capitalised word a country owns, which the tagger took for a common noun: "in
    Bulgaria's Varna"."""
    return tok.is_title and any(c.dep_ == "poss" and c.ent_type_ == "GPE" for c in tok.children)


def _names_place(tok) -> bool:
    """A kind-of-place noun names `tok`: "the town of Bentiu", "Tigray region"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
    elif tok.dep_ == "compound":
        noun = tok.head
    else:
        return False
    return noun.lemma_.lower() in cues().container


def _place_noun(m: PlaceMention, doc):
    """The kind-of-place noun (data/places/cues.tsv `container`) that names `m`: "the city of
    Tripoli", "the capital, Doha", "Tigray region"; None when none does."""
    if m.root < 0:
        return None
    tok = doc[m.root]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
    elif tok.dep_ in ("appos", "compound"):
        noun = tok.head
    else:
        return None
    return noun if noun.lemma_.lower() in cues().container else None


def document_countries(events: Iterable, document_actors=None) -> set[str]:
    """The ISO3 countries of a document's actors: those of its events and, when given, every
    actor the actor stage found in it."""
    out: set[str] = set()
    for event in events:
        out.update(a.country for a in (*event.actor, *event.recipient) if a.country)
    for mention in getattr(document_actors, "mentions", ()):
        out.update(a.country for a in mention.actors if a.country)
    return out


def _has_sentences(doc) -> bool:
    return doc.has_annotation("DEP") or doc.has_annotation("SENT_START")


def clean(text: str) -> str:
    """The name without a leading 'the', a possessive 's or surrounding punctuation."""
    text = _THE.sub("", text.strip().strip("\"'\u201c\u201d\u2018\u2019()[],;:"))
    return _POSSESSIVE.sub("", text).strip()


def score(match: Match, context: Context) -> float:
    e = match.entry
    size = SIZE.get(e.kind)
    value = size if size is not None else math.log10(max(e.population, 1))
    value += NOTABILITY * math.log10(1 + e.names)
    if e.capital:
        value += CAPITAL
    if e.country in context.countries:
        value += NAMED_COUNTRY
    elif e.country in context.actors:
        value += ACTOR_COUNTRY
    if e.kind == "city" and e.admin1 in context.states:
        value += IN_DOCUMENT_STATE
    if not match.primary:
        value += ALTERNATE_NAME
    return value


def choose(
    matches: list[Match],
    context: Context,
    countries: dict[str, Entry],
    container: Entry | None = None,
    name: str = "",
) -> tuple[Entry | None, str]:
    """The place `name` means among `matches`, and why (see the module docstring)."""
    if container is not None:
        matches = [x for x in matches if _inside(x.entry, container)]
    if not matches:
        return None, f"'{name}' is not in the gazetteer"
    # A name that is one place's own name and only another's alternate ("Islamabad", an old
    # name of Chattogram) weighs less for the other.
    owned = any(x.primary for x in matches)

    def weigh(x: Match) -> float:
        return score(x, context) + (ANOTHER_OWN_NAME if owned and not x.primary else 0.0)

    ranked = sorted(matches, key=lambda x: (-weigh(x), x.entry.geonameid))
    best = ranked[0]
    top = weigh(best)
    where = f" in {_describe(container)}" if container else ""
    if len(ranked) == 1:
        return best.entry, f"'{name}' -> {_describe(best.entry)}: the only place so named{where}"
    abroad = next((x for x in ranked[1:] if x.entry.country != best.entry.country), None)
    if abroad is not None and top - weigh(abroad) < AMBIGUITY_MARGIN:
        return None, (
            f"'{name}' is ambiguous: {_describe(best.entry)} or {_describe(abroad.entry)}"
        )
    runner = ranked[1]
    if runner.entry.country == best.entry.country and top - weigh(runner) < (AMBIGUITY_MARGIN):
        pair = {best.entry.kind, runner.entry.kind}
        city = best.entry if best.entry.kind == "city" else runner.entry
        state = runner.entry if city is best.entry else best.entry
        if pair == {"city", "admin1"} and city.admin1 == state.admin1:
            return city, f"'{name}' -> {_describe(city)}: the city, not the state it lies in"
        country = countries.get(best.entry.country)
        if country is not None:
            return country, (
                f"'{name}' is several places in {best.entry.country}; placed at the country"
            )
        return None, f"'{name}' is ambiguous within {best.entry.country}"
    reasons = []
    if context.has(best.entry.country) and (
        abroad is None or not context.has(abroad.entry.country)
    ):
        reasons.append("a country of the document")
    if best.entry.capital:
        reasons.append("a capital")
    reason = ", ".join(reasons) or "the largest"
    return best.entry, f"'{name}' -> {_describe(best.entry)}{where} ({reason}; of {len(ranked)})"


def _holds(container: Entry, matches: list[Match]) -> bool:
    """Some of a name's places lie in `container`."""
    return any(_inside(x.entry, container) for x in matches)


def _inside(entry: Entry, container: Entry) -> bool:
    if entry.geonameid == container.geonameid:
        return False
    if container.kind == "admin1":
        return entry.admin1 == container.admin1 and entry.country == container.country
    return entry.country == container.country


def _describe(e: Entry) -> str:
    if e.kind == "country":
        return f"{e.name} ({e.country})"
    return f"{e.name} ({e.kind}, {e.country})"
