#!/usr/bin/env python3
"""Benchmark: end-to-end coding against a bare spaCy parse, on a generated corpus.

    .venv/bin/python benchmarks/bench_code.py [--sizes 1000,10000] [--processes 2] [--write]
    .venv/bin/python benchmarks/bench_code.py --quick          # 100 and 300 articles, no profile

For each corpus size (articles of about 600 words from benchmarks/corpus.py, seeded):

* **end to end**: what `dotterel code CORPUS --db DB --processes P --format jsonl` does (ingest,
  the Coder in P worker processes, every document stored in a new SQLite database by the one
  parent process, every event written as JSONL to /dev/null);
* **bare parse**: the same texts through `dotterel.nlp.load()` (the same spaCy pipeline) with
  `nlp.pipe`, in the same number of worker processes, in the same run.

Each runs in a child process; the parent samples the resident memory of the child's whole
process tree four times a second and keeps the peak. Throughput is timed after a warm-up
(the workers start and load the model on a few extra articles first): the clock runs from the
last warm-up article's result to the last article's, so it is the steady rate, not the start-up.
With `--profile N` (default 200; 0 skips it), N articles are also coded in one process under
cProfile, and the share of time each stage takes goes into the results.

With `--write` the results replace the "Coding" section of benchmarks/RESULTS.md. Goals (issue
7), on 2 cores: >= 15 articles/s end to end, >= 0.6 of the bare parse's rate, peak memory
<= 2.5 GB, and the 10,000-article run's time an article within 10% of the 1,000-article run's.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

import corpus
from results import machine, replace_section

ROOT = Path(__file__).resolve().parents[1]
TASK = 8  # articles a worker task, as in dotterel.parallel


# -- the children: each times one kind of run and prints its result as JSON ---------------------


def _warmup_then(path: Path, warmup: int):
    """The warm-up documents (another seed), then the corpus, as `dotterel code` reads them."""
    from dotterel.document import Problem
    from dotterel.ingest import read_inputs

    warm = Path(path).with_suffix(".warmup.jsonl")
    corpus.write_jsonl(warm, warmup, seed=99)
    for item in read_inputs([str(warm), str(path)]):
        if not isinstance(item, Problem):
            yield item


def child_end_to_end(path: Path, processes: int, warmup: int, db: Path) -> dict:
    from dotterel.output import Writer
    from dotterel.parallel import CoderSettings, code_documents
    from dotterel.store.database import Store

    problems = []
    store = Store(db)
    writer = Writer("jsonl", open(os.devnull, "w"))  # noqa: SIM115 - closed with the run
    done = events = 0
    started = None
    for coded in code_documents(
        _warmup_then(path, warmup), CoderSettings(), processes, problems.append
    ):
        store.save(coded)
        writer.write(coded)
        done += 1
        if done == warmup:
            started = time.perf_counter()
        elif done > warmup:
            events += len(coded.events)
    seconds = time.perf_counter() - started
    writer.close()
    store.close()
    return {"articles": done - warmup, "seconds": seconds, "events": events,
            "problems": len(problems)}  # fmt: skip


_nlp = None


def _start_bare():
    global _nlp
    from dotterel import nlp

    _nlp = nlp.load()


def _parse(texts: list[str]) -> int:
    return sum(len(doc) for doc in _nlp.pipe(texts))


def child_bare(path: Path, processes: int, warmup: int) -> dict:
    texts = (d.text for d in _warmup_then(path, warmup))
    if processes <= 1:
        _start_bare()
        tasks = ([t] for t in texts)
        results = (_parse(t) for t in tasks)
        return _time_results(results, warmup, per_result=1)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(processes, multiprocessing.get_context("spawn"), _start_bare)

    def ordered():
        in_flight: deque = deque()
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) == TASK:
                in_flight.append(pool.submit(_parse, batch))
                batch = []
                if len(in_flight) >= 3 * processes:
                    yield in_flight.popleft().result()
        if batch:
            in_flight.append(pool.submit(_parse, batch))
        while in_flight:
            yield in_flight.popleft().result()

    try:
        return _time_results(ordered(), warmup, per_result=TASK)
    finally:
        pool.shutdown()


def _time_results(results, warmup: int, per_result: int) -> dict:
    done, tokens, started = 0, 0, None
    for count in results:
        done += per_result
        if started is None and done >= warmup:
            started = time.perf_counter()
            first = done
        elif started is not None:
            tokens += count
    seconds = time.perf_counter() - started
    return {"articles": done - first, "seconds": seconds, "tokens": tokens}


# -- the parent: runs the children, watches their memory ---------------------------------------


def tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total


def run_child(args: list[str]) -> dict:
    command = [sys.executable, __file__, "--child", *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.25)
    out = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"benchmark child {args} failed ({proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss"] = peak
    return result


def measure(size: int, processes: int, workdir: Path) -> dict:
    path = workdir / f"corpus-{size}.jsonl"
    corpus.write_jsonl(path, size)
    warmup = max(2 * TASK * processes, 16)
    print(f"[{size} articles] end to end, {processes} process(es)...", file=sys.stderr)
    e2e = run_child(["e2e", str(path), str(processes), str(warmup), str(workdir / f"{size}.db")])
    print(f"  {e2e['articles'] / e2e['seconds']:.2f} articles/s", file=sys.stderr)
    print(f"[{size} articles] bare parse, {processes} process(es)...", file=sys.stderr)
    bare = run_child(["bare", str(path), str(processes), str(warmup)])
    print(f"  {bare['articles'] / bare['seconds']:.2f} articles/s", file=sys.stderr)
    words = sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
    return {"size": size, "words": words / size, "e2e": e2e, "bare": bare}


# -- where the time goes ------------------------------------------------------------------------

# (label, function name as cProfile records it): the stages of Coder.code_parsed and the store.
STAGES = [
    ("spaCy parse (nlp.pipe)", "pipeline.py", "_parse"),
    ("actors: coreference and resolution", "resolve.py", "document"),
    ("sentence classifier", "classify.py", "predict"),
    ("events (code_sentence)", "decide.py", "code_sentence"),
    ("dates", "dates.py", "doc_times"),
    ("event dates", "dates.py", "date_events"),
    ("places", "places.py", "document"),
    ("event locations", "locations.py", "locate_events"),
    ("quotes", "quotes.py", "find"),
    ("storing (Store.save)", "database.py", "save"),
    ("JSONL output", "output.py", "write"),
]


def profile(n: int, workdir: Path) -> dict:
    from dotterel.document import Problem
    from dotterel.ingest import read_inputs
    from dotterel.output import Writer
    from dotterel.pipeline import Coder
    from dotterel.store.database import Store

    path = workdir / "profile.jsonl"
    corpus.write_jsonl(path, n, seed=11)
    coder = Coder()
    list(coder.code(d for d in read_inputs([str(path)]) if not isinstance(d, Problem)))  # warm
    store = Store(workdir / "profile.db")
    writer = Writer("jsonl", open(os.devnull, "w"))  # noqa: SIM115 - closed with the run
    docs = [d for d in read_inputs([str(path)]) if not isinstance(d, Problem)]
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for coded in coder.code(docs):
        store.save(coded)
        writer.write(coded)
    profiler.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt
    stages = []
    for label, filename, function in STAGES:
        cum = sum(
            value[3]
            for (file, _, name), value in stats.stats.items()
            if name == function and file.endswith(filename)
        )
        stages.append((label, cum))
    top = sorted(
        ((value[2], f"{Path(file).name}:{line}({name})") for (file, line, name), value in
         stats.stats.items()),
        reverse=True,
    )[:8]  # fmt: skip
    return {"articles": n, "wall": wall, "profiled": total, "stages": stages, "top": top}


HEADER = (
    "| articles | end to end, articles/s | bare spaCy parse, articles/s | ratio "
    "| peak memory, end to end | peak memory, bare parse | time an article, end to end |\n"
    "|---|---|---|---|---|---|---|"
)


# -- the report ---------------------------------------------------------------------------------


def mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def section(results: list[dict], prof: dict | None, processes: int, argv: list[str],
            note: str) -> str:  # fmt: skip
    rows = []
    for r in results:
        e2e_rate = r["e2e"]["articles"] / r["e2e"]["seconds"]
        bare_rate = r["bare"]["articles"] / r["bare"]["seconds"]
        rows.append(
            f"| {r['size']:,} (≈{r['words']:.0f} words each) | {e2e_rate:.2f} | {bare_rate:.2f} | "
            f"{e2e_rate / bare_rate:.2f} | {mb(r['e2e']['peak_rss'])} | "
            f"{mb(r['bare']['peak_rss'])} | {1000 / e2e_rate:.1f} ms |"
        )
    best = max(r["e2e"]["articles"] / r["e2e"]["seconds"] for r in results)
    ratio = min(
        (r["e2e"]["articles"] / r["e2e"]["seconds"])
        / (r["bare"]["articles"] / r["bare"]["seconds"])
        for r in results
    )
    peak = max(r["e2e"]["peak_rss"] for r in results)
    goals = [
        f"| end to end ≥ 15 articles/s | {best:.2f} | {'yes' if best >= 15 else 'NO'} |",
        f"| ≥ 0.6 of the bare parse's rate | {ratio:.2f} | {'yes' if ratio >= 0.6 else 'NO'} |",
        f"| peak memory ≤ 2.5 GB | {mb(peak)} | {'yes' if peak <= 2.5e9 else 'NO'} |",
    ]
    if len(results) >= 2:
        small, large = results[0], results[-1]
        per_small = small["e2e"]["seconds"] / small["e2e"]["articles"]
        per_large = large["e2e"]["seconds"] / large["e2e"]["articles"]
        change = per_large / per_small - 1
        goals.append(
            f"| linear: time an article, {large['size']:,} vs {small['size']:,} within 10% | "
            f"{change:+.1%} | {'yes' if abs(change) <= 0.10 else 'NO'} |"
        )
    cmd = " ".join(["benchmarks/bench_code.py", *argv])
    text = f"""## Coding

Measured by `.venv/bin/python {cmd}` on {dt.date.today().isoformat()}, {processes} worker
process(es). Machine: {machine()}. {note}

{HEADER}
{chr(10).join(rows)}

| goal (issue 7, on 2 cores) | measured | met |
|---|---|---|
{chr(10).join(goals)}

End to end is what `dotterel code CORPUS --db DB --processes {processes} --format jsonl` does:
ingest, the Coder in worker processes, every document stored in a new SQLite database by the
parent, every event written as JSONL. The bare parse is `dotterel.nlp.load()` with `nlp.pipe`
in as many worker processes. Rates are steady rates after a warm-up (model loads excluded);
peak memory is the resident memory of the whole process tree (parent and workers), sampled
four times a second. The corpus is generated by `benchmarks/corpus.py` (templated, seeded).
"""
    if prof:
        stage_rows = "\n".join(
            f"| {label} | {cum:.1f} s | {cum / prof['profiled']:.0%} |"
            for label, cum in prof["stages"]
        )
        top_rows = "\n".join(f"| `{name}` | {tt:.1f} s |" for tt, name in prof["top"])
        text += f"""
### Where the time goes

{prof["articles"]} articles coded and stored in one process under cProfile ({prof["profiled"]:.1f} s
profiled; {prof["wall"]:.1f} s wall with the profiler's overhead). Time in each stage, its own
calls included (stages nest: places and quotes run inside the Coder, after the parse):

| stage | time | share |
|---|---|---|
{stage_rows}

The functions with the most time of their own:

| function | own time |
|---|---|
{top_rows}
"""
    return text


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "--child":
        kind, path, processes, warmup = argv[1], Path(argv[2]), int(argv[3]), int(argv[4])
        if kind == "e2e":
            result = child_end_to_end(path, processes, warmup, Path(argv[5]))
        else:
            result = child_bare(path, processes, warmup)
        print(json.dumps(result))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    ap.add_argument("--quick", action="store_true", help="sizes 100,300 and no profile")
    ap.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--profile", type=int, default=200, help="articles to profile (0: none)")
    ap.add_argument("--note", default="", help="conditions to record with the results")
    ap.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    sizes = [100, 300] if args.quick else [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="dotterel-bench-") as tmp:
        workdir = Path(tmp)
        prof = None
        if args.profile and not args.quick:
            print(f"profiling {args.profile} articles...", file=sys.stderr)
            prof = profile(args.profile, workdir)
        results = []
        for size in sizes:
            results.append(measure(size, args.processes, workdir))
            # Written after each size, so a long run that is stopped still leaves what it measured.
            text = section(results, prof, args.processes, argv, args.note)
            if args.write:
                replace_section("Coding", text)
    print(text)
    if args.write:
        print("wrote the Coding section of benchmarks/RESULTS.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
