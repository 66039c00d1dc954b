"""The `dotterel batch` command: code JSONL/Parquet into partitions on Ray (see dotterel.batch)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NOTHING_CODED = 2


def _say(message: str) -> None:
    print(f"dotterel: {message}", file=sys.stderr)


def cmd_batch(args: argparse.Namespace) -> int:
    from dotterel.batch import BatchError, run_batch
    from dotterel.parallel import CoderSettings

    settings = CoderSettings(args.model, tuple(args.kb or ()), time_budget=args.time_budget)
    try:
        result = run_batch(
            args.input,
            args.output,
            settings,
            fmt=args.format,
            address=args.ray,
            workers=args.processes,
            partition_size=args.partition_size,
            default_date=args.date,
            say=_say,
        )
    except BatchError as exc:
        _say(f"error: {exc}")
        return EXIT_FAILED
    rate = result.documents / result.worker_seconds if result.worker_seconds else 0.0
    _say(
        f"coded {result.documents} document(s) ({result.events} events) in "
        f"{result.coded_partitions} partition(s) to {args.output}"
        + (f", {result.already} partition(s) already there" if result.already else "")
        + f"; skipped {result.problems}; {result.seconds:.1f} s, {rate:.1f} documents/s a worker"
    )
    return EXIT_OK if result.documents or result.already else EXIT_NOTHING_CODED


def add_batch_parser(commands, add_scale_options) -> None:
    from dotterel.batch import DEFAULT_PARTITION_SIZE, FORMATS
    from dotterel.cli import _date

    batch = commands.add_parser(
        "batch", help="code JSONL/Parquet files into Parquet/JSONL partitions on Ray"
    )
    batch.add_argument("input", metavar="INPUT", help="a .jsonl/.parquet file, a folder, or a glob")
    batch.add_argument("output", metavar="OUTPUT", help="folder for the coded partitions")
    batch.add_argument(
        "--ray", metavar="ADDRESS",
        help="a running Ray cluster (ray://host:10001, or auto); default: start one here",
    )  # fmt: skip
    batch.add_argument("--format", choices=FORMATS, default="parquet", help="(default: parquet)")
    batch.add_argument(
        "--partition-size", type=int, default=DEFAULT_PARTITION_SIZE, metavar="N",
        help=f"documents a partition (default: {DEFAULT_PARTITION_SIZE})",
    )  # fmt: skip
    batch.add_argument("--date", type=_date, help="publication date where the input has none")
    batch.add_argument("--model", help="spaCy pipeline (default: en_core_web_md, else _sm)")
    batch.add_argument("--kb", type=Path, action="append", help="extra actor KB file (repeatable)")
    add_scale_options(batch)
    batch.set_defaults(run=cmd_batch)
