"""The HTML pages, each with a JSON twin: the same path with `.json` added (`/` has
`/index.json`), query string kept, answering the data the page shows, as datasette does.

    /                     overview; with no database yet, how to make one
    /events               the events, filtered by the API's filters (a form)
    /documents/{doc_id}   the article, its actors, triggers, dates, places and quotes marked
    /dyads/{a}-{b}        a pair's cooperation/conflict timeline and events
    /planned              planned and conditional events: meetings, windows, deadlines
    /actors/{code}        an actor code: counts, names, partners, events
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse

from dotterel.serve import chart, highlight
from dotterel.serve.auth import require_read
from dotterel.serve.database import how_to_make
from dotterel.serve.params import filter_from, page_numbers
from dotterel.store.query import STATUSES, EventFilter, QueryError

router = APIRouter(dependencies=[Depends(require_read)])

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT")  # fmt: skip
EVENT_SORTS = ("-date", "date", "-published", "published", "-confidence", "-goldstein",
               "goldstein", "type", "document")  # fmt: skip
TWIN = ".json"


def twin_url(request: Request) -> str:
    path = request.url.path
    path = "/index.json" if path == "/" else path + TWIN
    query = request.url.query
    return quote(path) + (f"?{query}" if query else "")


def respond(request: Request, template: str, data: dict, *, twin: bool, **html) -> object:
    """The page's data as JSON (the twin) or as the page: `html` holds what only the page
    needs (marked text, the chart)."""
    if twin:
        return JSONResponse(jsonable_encoder(data))
    templates = request.app.state.templates
    context = {"request": request, "twin": twin_url(request), **data, **html}
    return templates.TemplateResponse(request, template, context)


def split_twin(value: str) -> tuple[str, bool]:
    return (value[: -len(TWIN)], True) if value.endswith(TWIN) else (value, False)


def _reader(request: Request):
    return request.app.state.database.require_reader()


def _events_query(f: EventFilter, **extra) -> str:
    """A link to /events showing these events (the form's names)."""
    record = f.to_record()
    names = {"event_type": "type", "cameo_root": "root", "date_from": "from", "date_to": "to",
             "text": "q"}  # fmt: skip
    params = {names.get(k, k): v for k, v in record.items()}
    params.update(extra)
    return "/events?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items())


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get("/index.json", include_in_schema=False)
def overview(request: Request):
    twin = request.url.path.endswith(TWIN)
    database = request.app.state.database
    reader = database.reader()
    if reader is None:
        data = {"database": database.name, "exists": False, "how": how_to_make(database.target)}
        return respond(request, "index.html", data, twin=twin)
    data = {
        "database": database.name,
        "exists": True,
        "documents": reader.documents(per_page=10).to_record(),
        "events": reader.events(per_page=1).total,
        "linked_events": reader.linked_events(per_page=1).total,
        "actors": reader.actors(per_page=12).to_record(),
    }
    return respond(request, "index.html", data, twin=twin)


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
@router.get("/events.json", include_in_schema=False)
def events_page(request: Request):
    twin = request.url.path.endswith(TWIN)
    params = request.query_params
    form = {k: params.get(k, "") for k in (*_FORM_NAMES, "sort", "per_page")}
    try:
        f = filter_from(params)
        page, per_page = page_numbers(params)
        found = _reader(request).events(
            f, sort=params.get("sort") or "-date", page=page, per_page=per_page
        )
    except QueryError as exc:
        data = {"error": str(exc), "form": form}
        response = respond(request, "events.html", data, twin=twin, **_form_choices())
        response.status_code = 400
        return response
    data = {"events": found.to_record(), "form": form, "error": None}
    pages = _page_links(request, found.page, found.pages)
    return respond(request, "events.html", data, twin=twin, pages=pages, **_form_choices())


_FORM_NAMES = ("actor", "role", "dyad", "type", "root", "quad_class", "status", "from", "to", "q")


def _form_choices() -> dict:
    return {"event_types": EVENT_TYPES, "statuses": STATUSES, "sorts": EVENT_SORTS}


def _page_links(request: Request, page: int, pages: int) -> dict:
    def link(n: int) -> str:
        params = dict(request.query_params)
        params["page"] = str(n)
        return "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())

    return {
        "page": page,
        "pages": pages,
        "previous": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < pages else None,
    }


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, doc_id: str):
    reader = _reader(request)
    document = reader.document(doc_id)
    twin = False
    if document is None and doc_id.endswith(TWIN):
        doc_id, twin = split_twin(doc_id)
        document = reader.document(doc_id)
    if document is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    if twin:
        return respond(request, "document.html", document, twin=True)
    marks = highlight.marks_for(document)
    marked = highlight.render(document.get("text") or "", marks)
    counts = {k: sum(1 for m in marks if m.kind == k) for k in highlight.KINDS}
    return respond(
        request, "document.html", {"document": document}, twin=False, marked=marked, counts=counts
    )


@router.get("/dyads/{pair}", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(request: Request, pair: str):
    pair, twin = split_twin(pair)
    params = request.query_params
    by = params.get("by") or "day"
    try:
        f = filter_from({**params, "dyad": pair})
        reader = _reader(request)
        periods = reader.timeline(f, by=by)
        found = reader.events(f, sort="-date", per_page=100)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None
    a, b = f.dyad
    totals = {q: sum(p["quad_class"].get(q, 0) for p in periods) for q in ("1", "2", "3", "4")}
    goldstein = round(sum(p["goldstein"] for p in periods), 3)
    data = {"dyad": [a, b], "by": by, "periods": periods, "totals": totals,
            "goldstein": goldstein, "events": found.to_record()}  # fmt: skip
    svg = chart.svg(periods, f"{a}–{b}: cooperation above the line, conflict below, by {by}")
    return respond(request, "dyad.html", data, twin=twin, svg=svg, all_events=_events_query(f))


@router.get("/planned", response_class=HTMLResponse, include_in_schema=False)
@router.get("/planned.json", include_in_schema=False)
def planned_page(request: Request):
    twin = request.url.path.endswith(TWIN)
    params = request.query_params
    form = {k: params.get(k, "") for k in ("from", "to", "actor")}
    try:
        f = filter_from(form)
        items = _reader(request).planned(f=f, limit=300)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None
    return respond(request, "planned.html", {"items": items, "form": form}, twin=twin)


@router.get("/actors/{code}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, code: str):
    code, twin = split_twin(code)
    reader = _reader(request)
    try:
        actor = reader.actor(code, partners=20)
        if actor is None:
            raise HTTPException(404, f"no events name actor {code!r}")
        f = EventFilter(actor=actor["code"])
        found = reader.events(f, sort="-date", per_page=50)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None
    data = {"actor": actor, "events": found.to_record()}
    return respond(request, "actor.html", data, twin=twin, all_events=_events_query(f))
