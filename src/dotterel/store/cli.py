"""`dotterel db ...`, `dotterel export` and `dotterel planned`: the commands over a store.

    dotterel db upgrade|current|relink [--db PATH_OR_URL]
    dotterel export --format plover-jsonl|phoenix-csv|parquet [--out FILE] [filters]
    dotterel planned [--from D] [--to D] [--db PATH_OR_URL] [--json]

`add_store_parsers(subparsers)` adds them to the `dotterel` parser; each sets `run` to a function
of the parsed arguments that returns the exit status: 0 done, 1 nothing found, 2 bad input.
Problems are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2
DB_HELP = "SQLite file or postgresql:// URL (default: the config's db, else dotterel.db)"


def _say(message: str, err: TextIO | None = None) -> None:
    print(f"dotterel: {message}", file=err or sys.stderr)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (want YYYY-MM-DD)") from None


def open_store(db: str, *, must_exist: bool = True, upgrade: bool = True, err=None):
    """The store at `db`, or None after saying why not. Readers never create a SQLite file."""
    from dotterel.store.database import Store
    from dotterel.store.engine import StoreError

    if must_exist and "://" not in db and not Path(db).is_file():
        _say(f"no database at {db}; make one with `dotterel code INPUT --db {db}`", err)
        return None
    try:
        return Store(db, upgrade=upgrade)
    except StoreError as exc:
        _say(str(exc), err)
        return None


# -- db --------------------------------------------------------------------------------------


def cmd_db(args: argparse.Namespace, out: TextIO | None = None, err=None) -> int:
    from dotterel.store.engine import StoreError

    run = {"current": _db_current, "relink": _db_relink, "upgrade": _db_upgrade}
    try:
        return run[args.db_command](args.db, out or sys.stdout, err)
    except StoreError as exc:
        _say(str(exc), err)
        return EXIT_BAD_INPUT


def _db_current(db: str, out: TextIO, err) -> int:
    from dotterel.store import migrate

    store = open_store(db, upgrade=False, err=err)
    if store is None:
        return EXIT_BAD_INPUT
    with store:
        at = store.revision()
    out.write(f"{store.name}: schema revision {at} (newest known: {migrate.head()})\n")
    return EXIT_OK


def _db_relink(db: str, out: TextIO, err) -> int:
    store = open_store(db, err=err)
    if store is None:
        return EXIT_BAD_INPUT
    with store:
        n = store.relink()
        out.write(f"{store.name}: {store.count('events')} mention(s) in {n} event(s)\n")
    return EXIT_OK


def _db_upgrade(db: str, out: TextIO, err) -> int:
    from dotterel.store import migrate
    from dotterel.store.database import Store

    with Store(db, upgrade=False) as store:  # a new database is made here
        before, after = migrate.upgrade(store.engine)
        if before == after:
            out.write(f"{store.name}: already at schema revision {after}\n")
            return EXIT_OK
        out.write(f"{store.name}: upgraded from {before or 'nothing'} to {after}\n")
        if store.has_unlinked():
            out.write(f"{store.name}: linked {store.relink()} event(s)\n")
    return EXIT_OK


# -- export ----------------------------------------------------------------------------------


def _filter(args: argparse.Namespace):
    from dotterel.store.query import EventFilter

    return EventFilter.parse(
        {
            "actor": args.actor or args.country,
            "dyad": getattr(args, "dyad", None),
            "type": getattr(args, "type", None),
            "root": getattr(args, "root", None),
            "status": getattr(args, "status", None),
            "from": args.date_from and args.date_from.isoformat(),
            "to": args.date_to and args.date_to.isoformat(),
        }
    )


def cmd_export(args: argparse.Namespace, out: TextIO | None = None, err=None) -> int:
    from dotterel import export
    from dotterel.store.query import QueryError

    out = out or sys.stdout
    if args.format == "parquet" and not args.out and out.isatty():
        _say("export: Parquet is binary; give --out FILE or redirect standard output", err)
        return EXIT_BAD_INPUT
    try:
        f = _filter(args)
    except QueryError as exc:
        _say(f"export: {exc}", err)
        return EXIT_BAD_INPUT
    store = open_store(args.db, err=err)
    if store is None:
        return EXIT_BAD_INPUT
    with store:
        views = store.reader().iter_events(f, sort="date")
        try:
            n = _write(export, args.format, views, args.out, out)
        except OSError as exc:
            _say(f"export: cannot write {args.out}: {exc.strerror or exc}", err)
            return EXIT_BAD_INPUT
    where = f" to {args.out}" if args.out else ""
    _say(f"exported {n} {'row' if args.format == 'phoenix-csv' else 'event'}(s){where}", err)
    return EXIT_OK


def _write(export, fmt: str, views, path: Path | None, out: TextIO) -> int:
    if fmt == "parquet":
        if path:
            return export.write_parquet(views, str(path))
        import pyarrow as pa

        return export.write_parquet(views, pa.PythonFile(out.buffer, mode="w"))
    writer = export.write_plover_jsonl if fmt == "plover-jsonl" else export.write_phoenix_csv
    if path:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            return writer(views, handle)
    return writer(views, out)


# -- planned ---------------------------------------------------------------------------------


def cmd_planned(args: argparse.Namespace, out: TextIO | None = None, err=None) -> int:
    from dotterel.store.query import QueryError

    out = out or sys.stdout
    store = open_store(args.db, err=err)
    if store is None:
        return EXIT_BAD_INPUT
    try:
        with store:
            found = store.reader().planned(date_from=args.date_from, date_to=args.date_to)
    except QueryError as exc:
        _say(f"planned: {exc}", err)
        return EXIT_BAD_INPUT
    if args.json:
        for view in found:
            out.write(json.dumps(view, ensure_ascii=False) + "\n")
    else:
        print_planned(found, out)
    _say(f"{len(found)} planned or conditional event(s) in {store.name}", err)
    return EXIT_OK if found else EXIT_NOT_FOUND


def _who(actors: list[dict]) -> str:
    return ", ".join(a.get("name") or a["code"] for a in actors) or "—"


def print_planned(views: list[dict], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(views)} planned and conditional events", expand=False)
    for name in ("date", "window", "status", "type", "who", "with whom", "where", "condition"):
        table.add_column(name, overflow="fold")
    table.add_column("sentence", overflow="fold", ratio=1)
    for v in views:
        window = v.get("window") or {}
        span = f"{window.get('start')} → {window.get('end')}" if window else ""
        if window.get("text"):
            span += f" ({window['text']})"
        table.add_row(
            v.get("date") or "",
            span,
            v["status"],
            f"{v['event_type']} {v.get('cameo') or ''}".strip(),
            _who(v.get("actor") or []),
            _who(v.get("recipient") or []),
            (v.get("location") or {}).get("name") or "",
            v.get("condition") or "",
            v.get("text") or "",
        )
    Console(file=out, width=None if out.isatty() else 200).print(table)


# -- the parser ------------------------------------------------------------------------------


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="an actor code (RUSGOV) or country (RUS), either side")
    p.add_argument("--country", help="the same as --actor, for a country code")
    p.add_argument("--dyad", help="two codes, as RUS-UKR: one acting on the other")
    p.add_argument("--type", help="PLOVER event type (CONSULT, ASSAULT, ...)")
    p.add_argument("--root", help="CAMEO root code (04)")
    p.add_argument("--status", help="reported, planned, proposed or denied")
    p.add_argument("--from", dest="date_from", type=_date, help="events on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_date, help="events on or before (YYYY-MM-DD)")


def add_store_parsers(subparsers) -> None:
    """Add `db`, `export` and `planned` to a `dotterel` subparsers object."""
    from dotterel.export import FORMATS

    db = subparsers.add_parser("db", help="upgrade a database's schema, or link its events again")
    sub = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    for name, text in (
        ("upgrade", "bring the database's schema to this dotterel's (done on open as well)"),
        ("current", "show the database's schema revision"),
        ("relink", "link every event again under the current [link] settings"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", help=DB_HELP)
        p.set_defaults(run=cmd_db)

    ex = subparsers.add_parser("export", help="export stored events (JSONL, Phoenix CSV, Parquet)")
    ex.add_argument("--format", choices=FORMATS, required=True)
    ex.add_argument("--out", type=Path, help="write here (default: standard output)")
    ex.add_argument("--db", help=DB_HELP)
    _add_filters(ex)
    ex.set_defaults(run=cmd_export)

    pl = subparsers.add_parser(
        "planned", help="planned meetings, proposals, ultimatums and ceasefire windows"
    )
    pl.add_argument("--from", dest="date_from", type=_date, help="on or after (YYYY-MM-DD)")
    pl.add_argument("--to", dest="date_to", type=_date, help="on or before (YYYY-MM-DD)")
    pl.add_argument("--db", help=DB_HELP)
    pl.add_argument("--json", action="store_true", help="one JSON object a line")
    pl.set_defaults(run=cmd_planned)
