"""Batch coding on Ray: JSONL or Parquet in, coded partitions (Parquet or JSONL) out.

`dotterel batch INPUT OUTPUT` runs `run_batch`. How it decides:

* **Partitions.** The input files (a file, a folder read recursively, or a glob) are cut into
  partitions of `partition_size` documents: line ranges of a JSONL file, row ranges of a
  Parquet file. A partition's name comes from its file's path and its index, so the same input
  gives the same partitions on every run.
* **Workers.** Ray Data maps the list of partitions through a pool of workers
  (`map_batches` with a callable class): each worker builds one Coder when it starts, then reads,
  codes and writes one partition at a time. Documents never travel through the driver, so the
  driver stays small however large the input; INPUT and OUTPUT must therefore be paths every
  node of the cluster sees (a shared filesystem; on one machine, any folder).
* **Nothing lost, nothing twice.** A partition is written to a temporary file beside its final
  name and renamed into place when it is complete (a rename is atomic), so OUTPUT holds only
  whole partitions. A run that is killed and started again skips the partitions already in
  OUTPUT and codes the rest: every document ends up in exactly one partition. A document that
  cannot be coded is reported on one line and left out, as in `dotterel code`.
* **Rows.** One row (or JSON line) per coded document: its id, title, date, URL, source,
  number of events, and `record`, the document record of `dotterel code --format documents`
  as JSON.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from dotterel.document import Document, Problem
from dotterel.parallel import CoderSettings

FORMATS = ("parquet", "jsonl")
INPUT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
DEFAULT_PARTITION_SIZE = 500
MANIFEST = "_dotterel_batch.json"
_TEMP_PREFIX = ".tmp-"


class BatchError(Exception):
    """A batch cannot run (no input, an OUTPUT from another setup); the message says why."""


@dataclass(frozen=True)
class Partition:
    """Documents `start` to `stop` (lines, or rows) of one input file."""

    name: str
    path: str
    kind: str  # jsonl | parquet
    start: int
    stop: int


# -- planning (the driver) ---------------------------------------------------------------------


def input_files(spec: str) -> list[Path]:
    """The JSONL and Parquet files named by a file, a folder (recursive) or a glob, sorted."""
    path = Path(spec)
    if path.is_dir():
        found = [p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))]
    elif path.is_file():
        found = [path]
    else:
        found = [Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file()]
    files = sorted(p for p in found if p.suffix.lower() in INPUT_SUFFIXES)
    if not files:
        raise BatchError(f"{spec}: no .jsonl, .ndjson or .parquet files found")
    return files


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)


def plan(files: list[Path], partition_size: int) -> list[Partition]:
    """Every file cut into partitions of `partition_size` documents, named stably."""
    partitions = []
    for path in files:
        kind = INPUT_SUFFIXES[path.suffix.lower()]
        count = _count_rows(path) if kind == "parquet" else _count_lines(path)
        resolved = str(path.resolve())
        # Named from the file's absolute path, so two files called news.jsonl in different
        # folders do not collide, and the name is the same on every run.
        tag = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.stem)[:40]
        for index, start in enumerate(range(0, count, partition_size)):
            stop = min(count, start + partition_size)
            name = f"{stem}-{tag}-{index:05d}"
            partitions.append(Partition(name, resolved, kind, start, stop))
    return partitions


def _count_lines(path: Path) -> int:
    lines, last = 0, b""
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last not in (b"", b"\n"))


def _count_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def check_manifest(output: Path, partition_size: int, fmt: str) -> None:
    """Record the settings that name the partitions; refuse to mix runs with other settings."""
    manifest = output / MANIFEST
    wanted = {"partition_size": partition_size, "format": fmt}
    if manifest.exists():
        found = json.loads(manifest.read_text(encoding="utf-8"))
        for key, value in wanted.items():
            if found.get(key) != value:
                raise BatchError(
                    f"{output} holds a batch run with {key} {found.get(key)!r}, not {value!r}; "
                    "run with the same settings to resume it, or choose another OUTPUT"
                )
        return
    output.mkdir(parents=True, exist_ok=True)
    _write_atomically(manifest, json.dumps(wanted).encode("utf-8"))


def pending(partitions: list[Partition], output: Path, fmt: str) -> list[Partition]:
    """The partitions without a complete file in OUTPUT; leftovers of a killed run removed."""
    for leftover in output.glob(_TEMP_PREFIX + "*"):
        leftover.unlink(missing_ok=True)
    done = {p.name for p in output.glob(f"*.{fmt}")}
    return [p for p in partitions if f"{p.name}.{fmt}" not in done]


# -- coding (the workers) ----------------------------------------------------------------------


class PartitionCoder:
    """A Ray Data worker: builds the Coder once, then codes and writes whole partitions."""

    def __init__(self, settings: CoderSettings, output: str, fmt: str, default_date: str | None):
        self.coder = settings.build()
        self.output = Path(output)
        self.fmt = fmt
        self.default_date = date.fromisoformat(default_date) if default_date else None

    def __call__(self, batch: dict) -> dict:
        summaries = [self.code_partition(Partition(**spec)) for spec in _rows(batch)]
        return {key: [s[key] for s in summaries] for key in _SUMMARY_KEYS}

    def code_partition(self, partition: Partition) -> dict:
        started = time.perf_counter()
        problems: list[Problem] = []
        documents = []
        for item in read_partition(partition, self.default_date):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                documents.append(item)
        coded = list(self.coder.code(documents, on_problem=problems.append))
        write_partition(self.output / f"{partition.name}.{self.fmt}", coded, self.fmt)
        return {
            "partition": partition.name,
            "documents": len(coded),
            "events": sum(len(c.events) for c in coded),
            "problems": json.dumps([str(p) for p in problems], ensure_ascii=False),
            "seconds": time.perf_counter() - started,
        }


_SUMMARY_KEYS = ("partition", "documents", "events", "problems", "seconds")


def _rows(batch: dict) -> Iterator[dict]:
    """The rows of a Ray batch in "numpy" format (a dict of columns) as plain dicts."""
    columns = {key: list(values) for key, values in batch.items()}
    for i in range(len(columns["name"])):
        row = {key: values[i] for key, values in columns.items()}
        yield {
            "name": str(row["name"]),
            "path": str(row["path"]),
            "kind": str(row["kind"]),
            "start": int(row["start"]),
            "stop": int(row["stop"]),
        }


def read_partition(partition: Partition, default_date: date | None) -> Iterator[Document | Problem]:
    """The partition's documents; a bad line or row is a Problem naming it (file:line)."""
    from dotterel.ingest.jsonl import parse_line

    where = partition.path
    if partition.kind == "jsonl":
        with open(partition.path, "rb") as stream:
            for lineno, line in enumerate(stream, start=1):
                if lineno <= partition.start:
                    continue
                if lineno > partition.stop:
                    break
                line = line.rstrip(b"\r\n")
                if line.strip():
                    yield parse_line(line, f"{where}:{lineno}", default_date)
        return
    import pyarrow.parquet as pq

    table = pq.read_table(partition.path).slice(partition.start, partition.stop - partition.start)
    for offset, row in enumerate(table.to_pylist()):
        # A row is read exactly as the same object on a JSON line would be.
        line = json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")
        yield parse_line(line, f"{where}:row{partition.start + offset + 1}", default_date)


def document_rows(coded: list) -> list[dict]:
    rows = []
    for c in coded:
        doc = c.document
        rows.append(
            {
                "doc_id": doc.id,
                "title": doc.title,
                "published": doc.published.isoformat() if doc.published else None,
                "url": doc.url,
                "source": doc.source,
                "event_count": len(c.events),
                "record": json.dumps(c.to_record(), ensure_ascii=False),
            }
        )
    return rows


def write_partition(path: Path, coded: list, fmt: str) -> None:
    """Write a partition whole: to a temporary file, then renamed into place."""
    rows = document_rows(coded)
    if fmt == "jsonl":
        data = "".join(json.dumps(json.loads(r["record"]), ensure_ascii=False) + "\n" for r in rows)
        _write_atomically(path, data.encode("utf-8"))
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_parquet_schema())
    temp = _temp_path(path)
    try:
        pq.write_table(table, temp)
        _sync(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _parquet_schema():
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("url", pa.string()),
            ("source", pa.string()),
            ("event_count", pa.int32()),
            ("record", pa.string()),
        ]
    )


def _temp_path(path: Path) -> Path:
    return path.with_name(f"{_TEMP_PREFIX}{path.name}.{os.getpid()}")


def _write_atomically(path: Path, data: bytes) -> None:
    temp = _temp_path(path)
    try:
        with open(temp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())


# -- the run -----------------------------------------------------------------------------------


@dataclass
class BatchResult:
    partitions: int = 0  # in the input
    already: int = 0  # found complete in OUTPUT
    coded_partitions: int = 0
    documents: int = 0
    events: int = 0
    problems: int = 0
    seconds: float = 0.0
    worker_seconds: float = 0.0  # summed over partitions: the per-worker rate's denominator


def run_batch(
    input_spec: str,
    output: str | Path,
    settings: CoderSettings,
    *,
    fmt: str = "parquet",
    address: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    default_date: date | None = None,
    say=None,
) -> BatchResult:
    """Code INPUT into partitions under OUTPUT on Ray (a local instance when no address)."""
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if partition_size < 1:
        raise BatchError("the partition size must be at least 1")
    say = say or (lambda message: print(f"dotterel: {message}", file=sys.stderr))
    started = time.perf_counter()
    output = Path(output)
    partitions = plan(input_files(input_spec), partition_size)
    check_manifest(output, partition_size, fmt)
    todo = pending(partitions, output, fmt)
    result = BatchResult(partitions=len(partitions), already=len(partitions) - len(todo))
    if result.already:
        say(f"{result.already} of {len(partitions)} partition(s) already in {output}; resuming")
    if todo:
        for summary in _run_on_ray(todo, output, settings, fmt, address, workers, default_date):
            result.coded_partitions += 1
            result.documents += int(summary["documents"])
            result.events += int(summary["events"])
            result.worker_seconds += float(summary["seconds"])
            for problem in json.loads(summary["problems"]):
                result.problems += 1
                say(f"skipped {problem}")
    result.seconds = time.perf_counter() - started
    return result


def _quiet_ray_data() -> None:
    # Ray Data logs every stage of its plan on standard error; dotterel says what matters.
    import logging

    from ray.data import DataContext

    context = DataContext.get_current()
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def _run_on_ray(todo, output, settings, fmt, address, workers, default_date) -> Iterator[dict]:
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        options: dict = {"log_to_driver": False, "include_dashboard": False}
        if address is None and workers is not None:
            options["num_cpus"] = workers
        ray.init(address=address, logging_level="warning", **options)
    _quiet_ray_data()
    try:
        if workers is None:
            workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        workers = max(1, min(workers, len(todo)))
        # One block per partition, so the workers share them out one at a time.
        dataset = ray.data.from_items([asdict(p) for p in todo], override_num_blocks=len(todo))
        coded = dataset.map_batches(
            PartitionCoder,
            fn_constructor_kwargs={
                "settings": settings,
                "output": str(output.resolve()),
                "fmt": fmt,
                "default_date": default_date.isoformat() if default_date else None,
            },
            batch_size=1,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        yield from coded.iter_rows()
    finally:
        if started_here:
            ray.shutdown()
