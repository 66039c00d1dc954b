"""`dotterel actors ...`: look up an actor, import a TABARI dictionary, review new candidates.

    dotterel actors lookup NAME [--date D] [--kb FILE] [--json]
    dotterel actors import-tabari FILE [--out TSV]
    dotterel actors candidates [--db PATH] [--kb FILE] [--json]

`add_actors_parser(subparsers)` adds the `actors` command to the `dotterel` parser; each
subcommand sets `run` to a function of the parsed arguments that returns the exit status.
Problems are one line on standard error, never a traceback: 0 = done, 1 = nothing found,
2 = bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from dotterel.actors.kb import KnowledgeBase, Person, Role
from dotterel.actors.resolve import ActorResolver

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (want YYYY-MM-DD)") from None


def _say(message: str, err: TextIO | None = None) -> None:
    print(f"dotterel actors: {message}", file=err or sys.stderr)


def load_kb(files: Sequence[Path] | None) -> KnowledgeBase:
    """The shipped knowledge base with the user's files merged over it; a file that is missing
    or not an actor file raises ValueError with a one-line reason."""
    for f in files or []:
        if not Path(f).is_file():
            raise ValueError(f"no KB file {f}")
    try:
        return KnowledgeBase.load(extra=list(files or []))
    except UnicodeDecodeError as exc:
        raise ValueError(f"a KB file is not UTF-8 text ({exc.reason})") from None


# -- lookup ------------------------------------------------------------------------------------


def lookup(resolver: ActorResolver, name: str, on: dt.date) -> list[dict]:
    """What `name` names on `on`: one record per actor, with the source of the fact."""
    kb = resolver.kb
    out = []
    for a in resolver.resolve_text(name, on):
        rec = {**a.to_record(), "date": on.isoformat(), "why": a.why}
        person = _person(kb, a.name, a.kb_id)
        if person is not None:
            roles = person.roles_on(on)
            r = roles[0] if roles else person.nearest_role(on)
            rec["source"] = _role_source(kb, r) if r else "knowledge base person, no role"
            rec["roles"] = [_role_record(kb, x) for x in person.roles]
        else:
            rec["source"] = _entry_source(kb, name, a.text)
        out.append(rec)
    return out


def _person(kb: KnowledgeBase, name: str | None, kb_id: str | None) -> Person | None:
    if not name:
        return None
    for p in kb.persons(name):
        if p.name == name and (kb_id is None or p.kb_id == kb_id):
            return p
    return None


def _span(r: Role) -> str:
    start = r.start.isoformat() if r.start else "…"
    end = r.end.isoformat() if r.end else "…"
    return f"{start} – {end}"


def _role_source(kb: KnowledgeBase, r: Role) -> str:
    where = kb.origin.get(id(r), "knowledge base")
    return f"{where} ({r.source or 'no source given'}): {r.role}, {r.code}, {_span(r)}"


def _role_record(kb: KnowledgeBase, r: Role) -> dict:
    return {
        "code": r.code,
        "role": r.role,
        "start": r.start.isoformat() if r.start else None,
        "end": r.end.isoformat() if r.end else None,
        "source": f"{kb.origin.get(id(r), 'knowledge base')} ({r.source})",
    }


def _entry_source(kb: KnowledgeBase, *texts: str) -> str:
    for text in texts:
        for e in kb.entries(text):
            where = kb.origin.get(id(e.ref), "knowledge base")
            note = getattr(e.ref, "note", "") or ""
            return f"{where} ({e.kind}{': ' + note if note else ''})"
    return "composed from the knowledge base's words (see why)"


def _print_lookup(records: list[dict], out: TextIO) -> None:
    for n, rec in enumerate(records):
        if n:
            out.write("\n")
        for key in ("name", "code", "role", "country", "kb_id", "date", "source", "why"):
            value = rec.get(key)
            out.write(f"{key:8} {'—' if value in (None, '') else value}\n")
        for i, r in enumerate(rec.get("roles", [])):
            span = f"{r['start'] or '…'} – {r['end'] or '…'}"
            label = "roles" if i == 0 else ""
            out.write(f"{label:8} {span:25} {r['code']:9} {r['role']}\n")


def cmd_lookup(args: argparse.Namespace, out: TextIO | None = None, err=None) -> int:
    out = out or sys.stdout
    name = " ".join(args.name).strip()
    if not name:
        _say("lookup: give a name", err)
        return EXIT_BAD_INPUT
    try:
        resolver = ActorResolver(load_kb(args.kb))
    except ValueError as exc:
        _say(str(exc), err)
        return EXIT_BAD_INPUT
    on = args.date or dt.date.today()
    records = lookup(resolver, name, on)
    if args.json:
        out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    elif records:
        _print_lookup(records, out)
    if not records:
        _say(f"no actor found for {name!r} on {on.isoformat()}", err)
        return EXIT_NOT_FOUND
    return EXIT_OK


# -- import-tabari -----------------------------------------------------------------------------


def cmd_import_tabari(args: argparse.Namespace, out: TextIO | None = None, err=None) -> int:
    from dotterel.actors.tabari import DictionaryError, import_file

    out = out or sys.stdout
    try:
        result = import_file(args.file)
    except DictionaryError as exc:
        _say(str(exc), err)
        return EXIT_BAD_INPUT
    text = result.to_tsv(Path(args.file).name)
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as exc:
            _say(f"cannot write {args.out}: {exc.strerror or exc}", err)
            return EXIT_BAD_INPUT
    else:
        out.write(text)
    for line in result.skipped[:10]:
        _say(f"{args.file}: {line}", err)
    if len(result.skipped) > 10:
        _say(f"{args.file}: … and {len(result.skipped) - 10} more lines not imported", err)
    where = f" to {args.out}" if args.out else ""
    _say(
        f"imported {result.records} {('actor' if result.kind == 'dictionary' else 'agent')}"
        f" record(s) as {len(result.rows)} {result.kind} row(s){where}; "
        f"{len(result.skipped)} line(s) not imported",
        err,
    )
    return EXIT_OK


# -- candidates --------------------------------------------------------------------------------


def cmd_candidates(args: argparse.Namespace, out: TextIO | None = None, err=None) -> int:
    import sqlite3

    from dotterel.actors.candidates import list_candidates

    out = out or sys.stdout
    if "://" in args.db:  # a database server: read through the store
        return _candidates_from_store(args, out, err)
    if not Path(args.db).is_file():
        _say(f"no database at {args.db}; make one with `dotterel code INPUT --db {args.db}`", err)
        return EXIT_BAD_INPUT
    try:
        kb = load_kb(args.kb)
        db = sqlite3.connect(f"file:{Path(args.db).resolve()}?mode=ro", uri=True)
        try:
            listed = list_candidates(db, kb)
        finally:
            db.close()
    except (ValueError, sqlite3.Error) as exc:
        _say(f"{args.db}: {exc}", err)
        return EXIT_BAD_INPUT
    return _print_candidates(listed, args, out, err)


def _candidates_from_store(args: argparse.Namespace, out: TextIO, err) -> int:
    from dotterel.actors.candidates import merge_candidates
    from dotterel.store.cli import open_store

    try:
        kb = load_kb(args.kb)
    except ValueError as exc:
        _say(str(exc), err)
        return EXIT_BAD_INPUT
    store = open_store(args.db, err=err)
    if store is None:
        return EXIT_BAD_INPUT
    with store:
        listed = merge_candidates(store.candidate_rows(), kb)
    return _print_candidates(listed, args, out, err)


def _print_candidates(listed, args: argparse.Namespace, out: TextIO, err) -> int:
    if args.json:
        for c in listed:
            out.write(json.dumps(c.to_record(), ensure_ascii=False) + "\n")
    else:
        for c in listed:
            out.write(
                f"{c.name}\t{c.code}\t{c.role or '—'}\t{c.documents} document(s)\t"
                f"{c.first_date or '—'}\t{c.doc_id}\t{c.evidence}\n"
            )
    where = args.db
    if "://" in where:
        from dotterel.store.engine import database_url, describe

        where = describe(database_url(where))  # without its password
    _say(f"{len(listed)} candidate(s) in {where}", err)
    return EXIT_OK


# -- the parser --------------------------------------------------------------------------------


def add_actors_parser(subparsers) -> argparse.ArgumentParser:
    """Add `actors` and its subcommands to a `dotterel` subparsers object."""
    actors = subparsers.add_parser(
        "actors", help="look up actors, import TABARI dictionaries, review new candidates"
    )
    sub = actors.add_subparsers(dest="actors_command", required=True, metavar="COMMAND")

    lk = sub.add_parser("lookup", help="what a name means on a date, and where the fact is from")
    lk.add_argument("name", nargs="+", metavar="NAME", help="a name or phrase ('the Kremlin')")
    lk.add_argument("--date", type=_date, help="the date (default: today)")
    lk.add_argument("--kb", type=Path, action="append", help="extra actor KB file (repeatable)")
    lk.add_argument("--json", action="store_true", help="JSON output")
    lk.set_defaults(run=cmd_lookup)

    im = sub.add_parser(
        "import-tabari", help="convert a PETRARCH/TABARI .actors or .agents dictionary"
    )
    im.add_argument("file", type=Path, metavar="FILE")
    im.add_argument("--out", type=Path, help="write the KB file here (default: standard output)")
    im.set_defaults(run=cmd_import_tabari)

    ca = sub.add_parser("candidates", help="new actors found while coding, for review")
    ca.add_argument(
        "--db", help="SQLite file or postgresql:// URL (default: the config's db, else dotterel.db)"
    )
    ca.add_argument("--kb", type=Path, action="append", help="extra actor KB file (repeatable)")
    ca.add_argument("--json", action="store_true", help="one JSON object a line")
    ca.set_defaults(run=cmd_candidates)
    return actors


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m dotterel.actors.cli ...` (the same as `dotterel actors ...`)."""
    parser = argparse.ArgumentParser(prog="dotterel")
    add_actors_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["actors", *(argv if argv is not None else sys.argv[1:])])
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
