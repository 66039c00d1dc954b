"""Where the store used to live; kept so `from dotterel.store.sqlite import Store` still works.
The store now runs on SQLAlchemy and serves SQLite and PostgreSQL alike (store/database.py)."""

from dotterel.store.database import Store
from dotterel.store.engine import StoreError

__all__ = ["Store", "StoreError"]
