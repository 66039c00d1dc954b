"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when this clone has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared is only beside the developers' clones)")
    return path


@pytest.fixture(scope="session")
def coder():
    from dotterel.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp():
    from dotterel import nlp as pipelines

    return pipelines.load()


# -- the store's two back ends -----------------------------------------------------------------

PG_ENV = "DOTTEREL_TEST_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A new, empty database on each back end: a SQLite file, and a PostgreSQL database made for
    the test on the server named by $DOTTEREL_TEST_PG (postgresql://user:pw@host/db, a role
    that may create databases; .ci/run starts one). Without that variable the PostgreSQL case
    skips, except under CI, where it fails."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    import os
    import uuid

    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        if os.environ.get("CI"):
            pytest.fail(f"${PG_ENV} is not set under CI; .ci/run should have started PostgreSQL")
        pytest.skip(f"no PostgreSQL server: set ${PG_ENV} (see .ci/run) to test that back end")
    import sqlalchemy as sa

    url = sa.make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"dotterel_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
