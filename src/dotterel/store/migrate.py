"""Schema migrations with Alembic, run by dotterel itself.

A store is upgraded when it is opened (`Store(...)`): a new database gets the whole schema, an
older one the revisions it lacks, and a database already current costs one small query. Why on
open rather than only on demand: `dotterel code` is the command people run first, and a store
that refused to open until they ran another command would only be in their way. `dotterel db
upgrade` does the same explicitly (for an administrator who wants to upgrade a shared PostgreSQL
database before the coders run), and `dotterel db current` tells where a database stands.

The migrations live in the package (`dotterel/store/migrations/`), so an installed dotterel can
upgrade any database it meets; no alembic.ini is needed. A database newer than this dotterel
(a revision it does not know) is refused with a message, never changed.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from dotterel.store.engine import StoreError, writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision this dotterel knows."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(connection: sa.Connection) -> str | None:
    """The database's revision; None for a database never migrated (new, or made before
    migrations existed)."""
    return MigrationContext.configure(connection).get_current_revision()


def _known(revision: str) -> bool:
    scripts = ScriptDirectory.from_config(_config())
    try:
        return scripts.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def upgrade(engine: sa.Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the database to `revision`; returns (before, after). Holds the write lock, so a
    second process waits and then finds nothing left to do."""
    with writing(engine) as conn:
        before = current(conn)
        if before is not None and not _known(before):
            raise StoreError(
                f"the database is at schema revision {before}, newer than this dotterel knows "
                f"(up to {head()}); upgrade dotterel to use it"
            )
        if before != head():
            command.upgrade(_config(conn), revision)
        return before, current(conn)


def ensure_current(engine: sa.Engine) -> tuple[str | None, str] | None:
    """Upgrade the database if it is behind (returns what `upgrade` does); cheap, and None,
    when it is current."""
    with engine.connect() as conn:
        at = current(conn)
        conn.rollback()
    return upgrade(engine) if at != head() else None
