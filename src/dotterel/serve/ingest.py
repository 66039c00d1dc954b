"""POST /api/documents: text documents in, coded and stored.

The body is read up to the configured size and no further; each document goes through the
same checks as a JSON Lines line (ingest/jsonl.py), so a bad one is skipped with the reason a
file run would give. The Coder (spaCy, the KB, the lexicons: seconds and hundreds of MB) is
loaded on the first ingest, not when the server starts, since most servers only read; one
document is coded at a time, since the Coder is not shared between threads.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from fastapi import HTTPException, Request

from dotterel.document import Document, Problem
from dotterel.ingest.jsonl import parse_line


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
    return bytes(body)


def submitted_documents(body: bytes, most: int) -> list:
    """The document objects a body holds: one object with "text", or {"documents": [...]}."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"the body is not JSON ({exc})") from None
    if isinstance(data, dict) and "documents" in data:
        data = data["documents"]
        if not isinstance(data, list):
            raise HTTPException(400, '"documents" must be a list of document objects')
    elif isinstance(data, dict):
        data = [data]
    else:
        raise HTTPException(400, 'send a document object or {"documents": [...]}')
    if not data:
        raise HTTPException(400, "no documents in the body")
    if len(data) > most:
        raise HTTPException(413, f"{len(data)} documents in one request; at most {most}")
    return data


class Ingestor:
    """Codes submitted documents and saves them into the server's database."""

    def __init__(self, database, coder_factory: Callable[[], object]):
        self.database = database
        self.coder_factory = coder_factory
        self._coder = None
        self._lock = threading.Lock()

    def ingest(self, objects: list) -> dict:
        documents: list[Document] = []
        skipped: list[dict] = []
        for i, obj in enumerate(objects):
            where = f"document {i}"
            found = (
                parse_line(json.dumps(obj).encode("utf-8"), where)
                if isinstance(obj, dict)
                else Problem(where, "not a JSON object")
            )
            if isinstance(found, Problem):
                skipped.append({"where": found.where, "why": found.why})
            else:
                documents.append(found)
        stored = []
        if documents:
            store = self.database.store(create=True)
            with self._lock:
                if self._coder is None:
                    self._coder = self.coder_factory()

                def report(problem: Problem) -> None:
                    skipped.append({"where": problem.where, "why": problem.why})

                for coded in self._coder.code(documents, on_problem=report):
                    store.save(coded)
                    stored.append({"doc_id": coded.document.id, "events": len(coded.events)})
        return {"stored": stored, "skipped": skipped}
