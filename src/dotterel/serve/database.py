"""The store a server reads, opened on first use. A SQLite file that does not exist yet is not
created by reading: the pages say how to make one, the API answers 503, and an ingest creates it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import HTTPException

from dotterel.store.engine import database_url, describe
from dotterel.store.query import Reader


class Database:
    def __init__(self, target: str):
        self.target = str(target)
        self.name = describe(database_url(self.target))  # no password in what is shown
        self._store = None
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return self._store is not None or "://" in self.target or Path(self.target).is_file()

    def store(self, *, create: bool = False):
        """The open Store, or None when there is no database and `create` is false."""
        with self._lock:
            if self._store is None:
                if not create and not self.exists():
                    return None
                from dotterel.store.database import Store

                self._store = Store(self.target)
            return self._store

    def reader(self) -> Reader | None:
        store = self.store()
        return store.reader() if store is not None else None

    def require_reader(self) -> Reader:
        reader = self.reader()
        if reader is None:
            raise HTTPException(503, f"no database at {self.name}: {how_to_make(self.target)}")
        return reader

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def how_to_make(target: str) -> str:
    return f"make one with `dotterel code ARTICLES --db {target}`"
