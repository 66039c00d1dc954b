"""Alembic's entry point: run the migrations on the connection dotterel hands over.

dotterel always calls Alembic itself (`store/migrate.py`), inside a write transaction that holds
the database's write lock, so two processes opening a new database at once cannot both create it.
"""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `dotterel db upgrade`, not the alembic command")

context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
