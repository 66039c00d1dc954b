#!/usr/bin/env python3
"""Benchmark: is coding into one database linear? Time an article, chunk by chunk.

    .venv/bin/python benchmarks/bench_linear.py [--articles 4000] [--chunk 500] [--processes 2]

Codes the generated corpus (benchmarks/corpus.py, seed 7) as `dotterel code --db DB
--processes P --format jsonl` does (the Coder in P worker processes, every document stored in
one new SQLite database by the parent, every event written as JSONL to /dev/null), and prints
the wall time and the parent's CPU time an article for each chunk, with the database's size
so far. If storing grows with the database, the later chunks cost more. The first chunk
includes the workers' start and model loads; compare the second chunk with the last. A
cheaper check than `make bench`'s 1,000 against 10,000 articles, for while you work.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args(argv)

    from dotterel.document import Problem
    from dotterel.ingest import read_inputs
    from dotterel.output import Writer
    from dotterel.parallel import CoderSettings, code_documents
    from dotterel.store.database import Store

    with tempfile.TemporaryDirectory(prefix="dotterel-linear-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        corpus.write_jsonl(path, args.articles)
        docs = (d for d in read_inputs([str(path)]) if not isinstance(d, Problem))
        store = Store(Path(tmp) / "linear.db")
        writer = Writer("jsonl", open(os.devnull, "w"))  # noqa: SIM115 - closed below
        print("articles | wall ms an article | parent CPU ms an article | events stored")
        events = 0
        wall, cpu = time.perf_counter(), time.process_time()
        coded_all = code_documents(docs, CoderSettings(), args.processes, lambda p: None)
        for done, coded in enumerate(coded_all, 1):
            store.save(coded)
            writer.write(coded)
            events += len(coded.events)
            if done % args.chunk == 0:
                now_wall, now_cpu = time.perf_counter(), time.process_time()
                print(
                    f"{done - args.chunk + 1}-{done} | {1000 * (now_wall - wall) / args.chunk:.1f}"
                    f" | {1000 * (now_cpu - cpu) / args.chunk:.1f} | {events:,}",
                    flush=True,
                )
                wall, cpu = now_wall, now_cpu
        writer.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
