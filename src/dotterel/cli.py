"""The `dotterel` command."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from dotterel import __version__

DEFAULT_DB = "dotterel.db"
EXIT_OK = 0
EXIT_NOTHING_CODED = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (want YYYY-MM-DD)") from None


def _say(message: str) -> None:
    print(f"dotterel: {message}", file=sys.stderr)


def cmd_code(args: argparse.Namespace) -> int:
    from dotterel.document import Problem
    from dotterel.ingest import read_inputs
    from dotterel.output import Writer
    from dotterel.parallel import CoderSettings, choose_processes, code_documents
    from dotterel.progress import Progress, estimate_total
    from dotterel.store.database import Store
    from dotterel.store.engine import StoreError

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    problems = 0

    def report(problem: Problem) -> None:
        nonlocal problems
        problems += 1
        _say(f"skipped {problem}")
        progress.advance()

    def documents():
        for item in read_inputs(args.inputs, args.input_format, args.date):
            if isinstance(item, Problem):
                report(item)
            else:
                yield item

    store = None
    if not args.no_store:
        try:
            store = Store(args.db)
        except StoreError as exc:
            _say(f"error: {exc}")
            return EXIT_NOTHING_CODED
    settings = CoderSettings(args.model, tuple(args.kb or ()), time_budget=args.time_budget)
    total = estimate_total(args.inputs, args.input_format)
    processes = choose_processes(args.processes, total)
    progress = Progress(total, enabled=sys.stderr.isatty())
    writer = Writer(fmt, sys.stdout)
    coded_count = already = 0

    def to_code():
        # --resume: what an interrupted run already stored is not coded again.
        nonlocal already
        for document in documents():
            if args.resume and store is not None and store.has_document(document.id):
                already += 1
                progress.advance()
            else:
                yield document

    try:
        with progress:
            for coded in code_documents(to_code(), settings, processes, report):
                coded_count += 1
                if store is not None:
                    store.save(coded)
                writer.write(coded)
                progress.advance()
    finally:
        writer.close()
        if store is not None:
            store.close()
    where = "" if store is None else f", stored in {store.name}"
    resumed = f"; {already} already stored" if args.resume else ""
    _say(f"coded {coded_count} document(s){where}{resumed}; skipped {problems}")
    if args.resume and coded_count + already:
        return EXIT_OK
    return EXIT_OK if coded_count else EXIT_NOTHING_CODED


def cmd_events(args: argparse.Namespace) -> int:
    import json

    from dotterel.output import print_table
    from dotterel.store.cli import open_store

    store = open_store(args.db)
    if store is None:
        return EXIT_NOTHING_CODED
    with store:
        records = list(store.events(limit=args.limit))
        fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
        if fmt == "table":
            print_table(records, sys.stdout, title=f"events in {store.name}")
        else:
            for record in records:
                print(json.dumps(record, ensure_ascii=False))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from dotterel.eval.harness import cli_eval
    from dotterel.pipeline import Coder

    return cli_eval(
        args.sets,
        data_dir=args.data,
        scoreboard=args.scoreboard,
        coder_factory=lambda: Coder(model=args.model),
    )


def _seconds(text: str) -> float | None:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    return seconds if seconds > 0 else None


def _add_scale_options(command: argparse.ArgumentParser) -> None:
    from dotterel.budget import DEFAULT_SECONDS, ENV

    command.add_argument(
        "--processes", type=int, metavar="N",
        help="workers, each loading the model once (default: the cores; for code, 1 codes in "
        "this process; for batch, Ray workers)",
    )  # fmt: skip
    command.add_argument(
        # A string default goes through _seconds too, so a bad $DOTTEREL_TIME_BUDGET is
        # reported as a usage error rather than a traceback.
        "--time-budget", type=_seconds, metavar="SECONDS",
        default=os.environ.get(ENV) or str(DEFAULT_SECONDS),
        help="skip, with a message, a document that takes longer (default: 60, or "
        "$DOTTEREL_TIME_BUDGET; 0: no limit)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    from dotterel.ingest import FORMATS as INPUT_FORMATS
    from dotterel.output import FORMATS as OUTPUT_FORMATS
    from dotterel.store.cli import DB_HELP

    parser = argparse.ArgumentParser(
        prog="dotterel",
        description="Political event data from news: who did what to whom, when and where.",
    )
    parser.add_argument("--version", action="version", version=f"dotterel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    code = commands.add_parser("code", help="code news articles into event records")
    code.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, or - (stdin)")
    code.add_argument("--input-format", choices=INPUT_FORMATS, help="force the kind of input")
    code.add_argument("--date", type=_date, help="publication date where the input has none")
    code.add_argument(
        "--format", choices=OUTPUT_FORMATS, help="output (default: table on a terminal, else jsonl)"
    )
    code.add_argument("--db", help=DB_HELP)
    code.add_argument("--no-store", action="store_true", help="do not store the results")
    code.add_argument("--model", help="spaCy pipeline (default: en_core_web_md, else _sm)")
    code.add_argument("--kb", type=Path, action="append", help="extra actor KB file (repeatable)")
    _add_scale_options(code)
    code.add_argument(
        "--resume", action="store_true",
        help="skip documents already stored in the database (after an interrupted run)",
    )  # fmt: skip
    code.set_defaults(run=cmd_code)

    events = commands.add_parser("events", help="list the events stored in a database")
    events.add_argument("--db", help=DB_HELP)
    events.add_argument("--format", choices=("table", "jsonl"))
    events.add_argument("--limit", type=int)
    events.set_defaults(run=cmd_events)

    ev = commands.add_parser("eval", help="score the coder on the public evaluation sets")
    ev.add_argument(
        "sets", nargs="+", metavar="SET",
        help="plover-gsr, petr2-gsr, case2021, conflibert-test, or all",
    )  # fmt: skip
    ev.add_argument("--data", type=Path, help="folder of the sets (default ../shared/data/eval)")
    ev.add_argument("--scoreboard", type=Path, help="write the Markdown scoreboard here")
    ev.add_argument("--model", help="spaCy pipeline (default: en_core_web_md, else _sm)")
    ev.set_defaults(run=cmd_eval)

    from dotterel.batch_cli import add_batch_parser

    add_batch_parser(commands, _add_scale_options)

    from dotterel.actors.cli import add_actors_parser
    from dotterel.store.cli import add_store_parsers

    add_actors_parser(commands)
    add_store_parsers(commands)

    from dotterel.serve.cli import add_serve_parser

    add_serve_parser(commands)
    return parser


def apply_config(args: argparse.Namespace) -> None:
    """Fill what the command line left open from the config file (see dotterel.config)."""
    from dotterel.config import load_config

    config = load_config()
    if hasattr(args, "kb"):
        args.kb = [*config.kb, *(args.kb or [])] or None
    if hasattr(args, "db") and args.db is None:
        args.db = config.db or DEFAULT_DB


def main(argv: list[str] | None = None) -> int:
    from dotterel.config import ConfigError

    args = build_parser().parse_args(argv)
    try:
        apply_config(args)
    except ConfigError as exc:
        _say(f"error: {exc}")
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: one line, no traceback
        from dotterel.pipeline import _reason

        _say(f"error: {_reason(exc)}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
