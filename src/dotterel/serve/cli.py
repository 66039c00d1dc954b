"""`dotterel serve [--db PATH_OR_URL] [--host 127.0.0.1] [--port 8000]`: the web UI and the
JSON API over a store, with uvicorn. Binds to this machine only unless told otherwise: a server
open to the network should have a token and, for a private store, `private = true`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_serve_parser(commands) -> None:
    from dotterel.store.cli import DB_HELP

    serve = commands.add_parser("serve", help="the web UI and the JSON API over a database")
    serve.add_argument("--db", help=DB_HELP)
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"default {DEFAULT_HOST}")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    serve.add_argument("--model", help="spaCy pipeline for POST /api/documents")
    serve.add_argument("--kb", type=Path, action="append", help="extra actor KB file (repeatable)")
    serve.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:

    import uvicorn

    from dotterel.config import load_config
    from dotterel.serve.app import create_app
    from dotterel.serve.settings import ServeSettings, SettingsError

    try:
        settings = ServeSettings.from_mapping(load_config().serve)
    except SettingsError as exc:
        print(f"dotterel: error: {exc}", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"dotterel: error: port {args.port} is not a port number", file=sys.stderr)
        return 2
    kb = [Path(k) for k in args.kb or ()]
    app = create_app(args.db, settings, kb_files=kb or None, model=args.model)
    where = app.state.database.name
    print(f"dotterel: serving {where} at http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
