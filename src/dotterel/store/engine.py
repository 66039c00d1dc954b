"""Where a store lives: a SQLite file by default, or a PostgreSQL server named by URL.

    dotterel.db                                  a SQLite file (created when missing)
    sqlite:///path/to/events.db                  the same, as a URL
    postgresql://user:password@host:5432/name    a PostgreSQL database (driven by psycopg 3)

Writers never interleave: each write runs in one transaction that first takes the database's
write lock (SQLite: `BEGIN IMMEDIATE`, waiting up to a minute for another writer; PostgreSQL: a
transaction-scoped advisory lock). Why one lock for the whole database rather than one per
document: linking a report to the real-world event it describes reads and changes events that
other documents reported, so two writers linking at once could each create the same event. A
document's save takes milliseconds; coding it takes far longer, so writers rarely wait.
Readers never take the lock (SQLite in WAL mode lets them read while a writer writes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

# pg_advisory_xact_lock key for "the dotterel store": any fixed 64-bit number will do.
PG_WRITE_LOCK = 0x646F7474_6572656C
SQLITE_BUSY_SECONDS = 60
SQLITE_CACHE_KIB = 64 * 1024
WRITE_OPTION = "dotterel_write"


class StoreError(RuntimeError):
    """A store that cannot be opened or used, with a one-line reason for the user."""


def database_url(target: str | Path) -> sa.URL:
    """The SQLAlchemy URL for a path or URL given on the command line."""
    text = str(target)
    if "://" not in text:
        if not text:
            raise StoreError("no database given")
        return sa.URL.create("sqlite+pysqlite", database=text)
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError:
        raise StoreError(f"{_safe(text)} is not a database URL") from None
    backend = url.drivername.split("+")[0]
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url.set(drivername="sqlite+pysqlite")
    raise StoreError(
        f"{_safe(text)}: unsupported database {backend!r} (use a SQLite path or postgresql://)"
    )


def describe(url: sa.URL) -> str:
    """The URL for messages, without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _safe(text: str) -> str:
    try:
        return describe(sa.make_url(text))
    except sa.exc.ArgumentError:
        return "the database URL"


def make_engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    path = url.database
    if path and path != ":memory:" and not Path(path).parent.exists():
        raise StoreError(f"{path}: its folder does not exist")
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's BEGIN below start every transaction (pysqlite's own would not cover
        # DDL, and could not take the write lock up front).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if path and path != ":memory:":
            cursor.execute("PRAGMA journal_mode = WAL")
            # In WAL mode, NORMAL syncs the log at checkpoints, not at every commit: a killed
            # process loses nothing it committed, and a power cut can lose only the last few
            # documents (never half of one; `dotterel code --resume` codes them again). A sync
            # per commit cost more than storing a whole document.
            cursor.execute("PRAGMA synchronous = NORMAL")
            # Linking reads recent events all over the file: keep more of it in memory than
            # SQLite's default 2 MB (the whole process tree stays far below its memory goal).
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        writing = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One write transaction holding the database's write lock; committed on success."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield conn


@contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One read transaction, so a page and its total count see the same data."""
    with engine.connect() as conn, conn.begin():
        yield conn
