#!/usr/bin/env python3
"""Benchmark: actor knowledge base loading and `dotterel actors lookup` (not a timed test).

    .venv/bin/python benchmarks/bench_actors.py [--loads N] [--rounds N] [--write]

Measures, on this machine:

* **KB load**: `KnowledgeBase.load()` of the shipped files (the phrase index included), the
  median of N loads in one process (the first, cold one is reported too).
* **lookup after load**: `dotterel.actors.cli.lookup()`, which is what `dotterel actors lookup`
  runs once the KB is loaded, over a fixed list of names and phrases (people by full name,
  surname and spelling variant, countries, organisations, metonyms, role phrases, unknown
  names), each asked N rounds; median, 95th percentile and maximum of single lookups.
* **the command**: wall time of one `dotterel actors lookup NAME` process (interpreter start,
  imports, KB load, lookup, print), for context.

With `--write` the results replace the "Actors" section of benchmarks/RESULTS.md. Targets
(issue 3): lookup under 50 ms after load, KB load under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

from results import RESULTS, machine, replace_section

ROOT = Path(__file__).resolve().parents[1]

NAMES = [
    "Donald Trump",
    "Trump",
    "Erdogan",
    "Recep Tayyip Erdoğan",
    "Zelenskiy",
    "Volodymyr Zelenskyy",
    "Putin",
    "Keir Starmer",
    "Friedrich Merz",
    "Xi Jinping",
    "Mark Rutte",
    "António Guterres",
    "Türkiye",
    "Ivory Coast",
    "the United States",
    "Ukrainian",
    "NATO",
    "the European Union",
    "IAEA",
    "the Kremlin",
    "Downing Street",
    "Moscow",
    "Ukrainian forces",
    "European leaders",
    "Kenya's opposition leader",
    "a Russian military spokesman",
    "German Chancellor Friedrich Merz",
    "Hungarian and Romanian officials",
    "police",
    "Rufus T. Firefly",
]
DATES = [dt.date(2019, 5, 1), dt.date(2023, 5, 1), dt.date(2025, 5, 11)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench(loads: int, rounds: int) -> dict:
    from dotterel.actors.cli import lookup
    from dotterel.actors.kb import KnowledgeBase
    from dotterel.actors.resolve import ActorResolver

    times = []
    kb = None
    for _ in range(loads):
        t0 = time.perf_counter()
        kb = KnowledgeBase.load()
        times.append(time.perf_counter() - t0)
    resolver = ActorResolver(kb)
    lookup(resolver, "warm-up", DATES[0])  # the blank tokenizer is made on the first lookup
    singles = []
    first_round = []
    found = 0
    for n in range(rounds):
        for name in NAMES:
            for on in DATES:
                t0 = time.perf_counter()
                records = lookup(resolver, name, on)
                singles.append(time.perf_counter() - t0)
                if n == 0:
                    first_round.append(singles[-1])
                found += bool(records)
    singles.sort()
    command = [sys.executable, "-m", "dotterel.actors.cli", "lookup", "Erdogan", "--date",
               "2025-05-11"]  # fmt: skip
    walls = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
    return {
        "kb": repr(kb),
        "load_first": times[0],
        "load_median": statistics.median(times),
        "loads": loads,
        "lookups": len(singles),
        "found": found,
        "lookup_median": statistics.median(singles),
        "lookup_p95": singles[int(0.95 * (len(singles) - 1))],
        "lookup_max": singles[-1],
        "lookup_first_round": statistics.median(first_round),
        "command_median": statistics.median(walls),
    }


def section(r: dict, argv: list[str]) -> str:
    ok_load = "yes" if r["load_median"] < 1.0 else "NO"
    ok_lookup = "yes" if r["lookup_median"] < 0.05 else "NO"
    cmd = " ".join(["benchmarks/bench_actors.py", *argv])
    rows = [
        [
            f"KB load (`KnowledgeBase.load()`, median of {r['loads']})",
            f"{ms(r['load_median'])} (first, cold: {ms(r['load_first'])})",
            "< 1 s",
            ok_load,
        ],
        [
            f"lookup after load (`actors.cli.lookup`, median of {r['lookups']})",
            f"{ms(r['lookup_median'])} (p95 {ms(r['lookup_p95'])}, max {ms(r['lookup_max'])}; "
            f"first round, before the word caches fill: {ms(r['lookup_first_round'])})",
            "< 50 ms",
            ok_lookup,
        ],
        [
            "one `dotterel actors lookup Erdogan` process, wall time (median of 3)",
            ms(r["command_median"]),
            "—",
            "—",
        ],
    ]
    table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return f"""## Actors

Measured by `.venv/bin/python {cmd}` on {dt.date.today().isoformat()}.
Machine: {machine()}.

| what | result | target | met |
|---|---|---|---|
{table}

The KB: {r["kb"]}. The lookups are {len(NAMES)} names and phrases (people, spelling variants,
countries, organisations, metonyms, role phrases, one unknown name) on {len(DATES)} dates;
{r["found"]} of {r["lookups"]} found an actor. The process time is mostly interpreter start,
imports and the KB load.
"""


def write(text: str) -> None:
    replace_section("Actors", text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loads", type=int, default=10, help="KB loads to time (default 10)")
    ap.add_argument("--rounds", type=int, default=10, help="rounds over the names (default 10)")
    ap.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    result = bench(args.loads, args.rounds)
    text = section(result, sys.argv[1:] if argv is None else list(argv))
    print(text)
    if args.write:
        write(text)
        print(f"wrote the Actors section of {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
