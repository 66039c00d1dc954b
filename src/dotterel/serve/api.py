"""The JSON API, under /api/. Each endpoint is one question to the store's Reader
(store/query.py), which binds every value as a parameter and bounds pages; a bad value is a 400
naming it, a value past a length bound a 422. OpenAPI: /openapi.json, browsable at /docs."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from dotterel.serve.auth import require_read, require_write
from dotterel.serve.ingest import read_body, submitted_documents
from dotterel.serve.params import event_filter, paging
from dotterel.store.query import MAX_CODE, MAX_TEXT, EventFilter, QueryError

router = APIRouter(prefix="/api")
read = APIRouter(dependencies=[Depends(require_read)])

Filter = Annotated[EventFilter, Depends(event_filter)]
Paging = Annotated[tuple[int, int], Depends(paging)]


def _reader(request: Request):
    return request.app.state.database.require_reader()


def _date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} must be a date as YYYY-MM-DD") from None


def _found(item, what: str):
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


@read.get("/documents", summary="Documents, newest first, with how many events each gave")
def documents(
    request: Request,
    paged: Paging,
    q: str | None = Query(None, max_length=MAX_TEXT, description="words in title or text"),
    source: str | None = Query(None, max_length=MAX_CODE),
    from_: str | None = Query(None, alias="from", max_length=10, description="published on/after"),
    to: str | None = Query(None, max_length=10, description="published on/before"),
    sort: str = Query("-published", max_length=40, description="published or title; - for desc"),
):
    page, per_page = paged
    return _reader(request).documents(
        text=q, source=source, date_from=_date("from", from_), date_to=_date("to", to),
        sort=sort, page=page, per_page=per_page,
    ).to_record()  # fmt: skip


@read.get("/documents/{doc_id:path}", summary="A document: text, sentences, events, annotations")
def document(request: Request, doc_id: str):
    return _found(_reader(request).document(doc_id), "document")


@read.get("/events", summary="Events that pass the filter, a page at a time")
def events(
    request: Request,
    f: Filter,
    paged: Paging,
    sort: str = Query(
        "-date",
        max_length=40,
        description="date, published, confidence, goldstein, type, document; - for descending",
    ),  # fmt: skip
):
    page, per_page = paged
    return _reader(request).events(f, sort=sort, page=page, per_page=per_page).to_record()


@read.get("/events/{event_id}", summary="One event record with its document and linked event")
def event(request: Request, event_id: str):
    return _found(_reader(request).event(event_id), "event")


@read.get("/actors", summary="Actor codes with their event counts over the filtered events")
def actors(
    request: Request,
    f: Filter,
    paged: Paging,
    prefix: str | None = Query(None, max_length=MAX_CODE, description="codes starting so"),
    sort: str = Query("-events", max_length=40, description="events or code; - for descending"),
):
    page, per_page = paged
    reader = _reader(request)
    return reader.actors(f, prefix=prefix, sort=sort, page=page, per_page=per_page).to_record()


@read.get("/actors/{code}", summary="One actor code: counts, names, partners")
def actor(request: Request, code: str, partners: int = Query(10, ge=0, le=100)):
    return _found(_reader(request).actor(code, partners=partners), "actor")


@read.get("/timeline", summary="Events per day or week: counts by QuadClass, Goldstein sum")
def timeline(
    request: Request,
    f: Filter,
    by: str = Query("day", max_length=10, description="day or week"),
    count: str = Query("mentions", max_length=10, description="mentions or linked"),
):
    return {
        "filters": f.to_record(),
        "by": by,
        "count": count,
        "periods": _reader(request).timeline(f, by=by, count=count),
    }


@read.get("/planned", summary="Planned and proposed events, windows and conditional threats")
def planned(request: Request, f: Filter, limit: int = Query(200, ge=1, le=500)):
    items = _reader(request).planned(f=f, limit=limit)
    return {"filters": f.to_record(), "items": items}


@read.get("/linked-events", summary="Real-world events, each linking its reports")
def linked_events(
    request: Request,
    f: Filter,
    paged: Paging,
    min_mentions: int = Query(1, ge=1, le=1_000_000),
    sort: str = Query("-mentions", max_length=40, description="date, mentions, sources, articles"),
):
    page, per_page = paged
    reader = _reader(request)
    found = reader.linked_events(
        f, min_mentions=min_mentions, sort=sort, page=page, per_page=per_page
    )
    return found.to_record()


@read.get("/linked-events/{linked_id}", summary="A real-world event with every report of it")
def linked_event(request: Request, linked_id: Annotated[int, Path(ge=1, le=2**62)]):
    return _found(_reader(request).linked_event(linked_id), "linked event")


@router.post(
    "/documents",
    dependencies=[Depends(require_write)],
    summary="Code and store text documents (needs the server's token)",
    description='A JSON body: one document `{"text", "id"?, "title"?, "date"?, "source"?, '
    '"url"?}` or `{"documents": [...]}`. Each is coded and stored; one that cannot be is '
    "listed under `skipped` with why, and the rest go on.",
)
async def ingest(request: Request):
    body = await read_body(request, request.app.state.settings.max_body_bytes)
    submitted = submitted_documents(body, request.app.state.settings.max_documents)
    return await run_in_threadpool(request.app.state.ingestor.ingest, submitted)


router.include_router(read)
