"""Reading a filter, a sort and a page from query parameters, the same way for the API and the
pages, so the events page's form and /api/events take the same names."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Query

from dotterel.store.query import DEFAULT_PAGE, MAX_CODE, MAX_PAGE, MAX_TEXT, EventFilter

# the names the form and the API share (EventFilter.parse reads them)
FILTER_NAMES = ("actor", "role", "dyad", "type", "root", "quad_class", "status", "from", "to",
                "q", "doc_id", "source", "directed")  # fmt: skip


def filter_from(params: Mapping[str, str]) -> EventFilter:
    """An EventFilter from the known names; others (sort, page, ...) are left to their readers.
    Raises QueryError naming a bad value."""
    return EventFilter.parse({k: params.get(k) for k in FILTER_NAMES})


def event_filter(
    actor: str | None = Query(None, max_length=MAX_CODE, description="actor code or country"),
    role: str | None = Query(None, description="where actor must appear: any, actor, recipient"),
    dyad: str | None = Query(None, max_length=2 * MAX_CODE + 1, description="as RUS-UKR"),
    directed: str | None = Query(None, description="true: only the first acts on the second"),
    type: str | None = Query(None, max_length=MAX_CODE, description="PLOVER type, as CONSULT"),
    root: str | None = Query(None, max_length=MAX_CODE, description="CAMEO root, as 04"),
    quad_class: str | None = Query(None, max_length=12, description="1, 2, 3 or 4"),
    status: str | None = Query(None, max_length=MAX_CODE, description="reported, planned, ..."),
    from_: str | None = Query(None, alias="from", max_length=10, description="YYYY-MM-DD"),
    to: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
    q: str | None = Query(None, max_length=MAX_TEXT, description="words in the sentence"),
    doc_id: str | None = Query(None, max_length=300),
    source: str | None = Query(None, max_length=MAX_CODE),
) -> EventFilter:
    """The event filter every list endpoint takes (a FastAPI dependency)."""
    return filter_from(
        {
            "actor": actor,
            "role": role,
            "dyad": dyad,
            "directed": directed,
            "type": type,
            "root": root,
            "quad_class": quad_class,
            "status": status,
            "from": from_,
            "to": to,
            "q": q,
            "doc_id": doc_id,
            "source": source,
        }  # fmt: skip
    )


def paging(
    page: int = Query(1, ge=1, le=1_000_000),
    per_page: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE),
) -> tuple[int, int]:
    return page, per_page


def page_numbers(params: Mapping[str, str]) -> tuple[int, int]:
    """Page and page size from a form; bad values fall back to the first page (a page is not
    worth an error)."""

    def number(name: str, default: int, most: int) -> int:
        text = (params.get(name) or "").strip()
        if text.isascii() and text.isdigit() and len(text) < 9:
            return max(1, min(int(text), most))
        return default

    return number("page", 1, 1_000_000), number("per_page", DEFAULT_PAGE, MAX_PAGE)
