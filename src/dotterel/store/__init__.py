"""The event store (SQLite or PostgreSQL), linking of reports, and the query layer for readers.

    from dotterel.store import Store

Modules: engine (where a store lives, the write lock), tables (the schema), migrate and
migrations/ (Alembic), database (Store: save and simple reads), linkrule and linking (one event,
many reports), query (filters, paging, timelines, planned events for the API, UI and exports).
"""

from __future__ import annotations


def __getattr__(name: str):
    # Lazy, so that `dotterel.store.linkrule` can be read (by the config) without SQLAlchemy.
    if name == "Store":
        from dotterel.store.database import Store

        return Store
    if name == "StoreError":
        from dotterel.store.engine import StoreError

        return StoreError
    raise AttributeError(name)
