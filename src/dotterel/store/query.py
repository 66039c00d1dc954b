"""The query layer: what readers (the JSON API, the web UI, exports, the CLI) ask of a store.

    reader = Store("dotterel.db").reader()
    f = EventFilter(actor="RUS", event_type="CONSULT", date_from=date(2025, 5, 1))
    page = reader.events(f, sort="-date", page=1, per_page=50)   # Page(items, total, ...)
    reader.event(event_id), reader.document(doc_id), reader.documents(text="summit")
    reader.actors(f), reader.actor("RUSGOV")
    reader.timeline(EventFilter(dyad=("RUS", "UKR")), by="week")
    reader.linked_events(f), reader.linked_event(linked_id)
    reader.planned(date_from=..., date_to=...)

`EventFilter.parse(params)` reads a filter from strings (query parameters, CLI options) and
raises QueryError naming the bad one. Safety, since every value may come from a stranger: all
values reach SQL as bound parameters, never as SQL text; sort keys come from an allow-list; page
sizes and filter lengths are bounded; `%` and `_` in a text search match themselves.

An event as readers get it is its stored record (the output contract) with two more keys:
`document` (title, url, source, published) and `linked_event` (its id, mentions, articles,
sources, and why this report was linked to it), or None when it is not linked.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta

import sqlalchemy as sa

from dotterel.store import planned as commitments
from dotterel.store.engine import reading
from dotterel.store.tables import (
    candidates,
    documents,
    event_actors,
    events,
    linked_events,
    sentences,
)

MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_CODE = 64
MAX_TEXT = 200
MAX_TIMELINE_BUCKETS = 5000
STATUSES = ("reported", "planned", "proposed", "denied")
ROLES = ("any", "actor", "recipient")

e, d, ea, le = events.c, documents.c, event_actors.c, linked_events.c

EVENT_SORTS = {
    "date": (e.date_lo, e.doc_id, e.sentence, e.event_id),
    "published": (d.published, e.doc_id, e.sentence, e.event_id),
    "confidence": (e.confidence, e.event_id),
    "goldstein": (e.goldstein, e.event_id),
    "type": (e.event_type, e.date_lo, e.event_id),
    "document": (e.doc_id, e.sentence, e.event_id),
}
DOCUMENT_SORTS = {"published": (d.published, d.doc_id), "title": (d.title, d.doc_id)}
LINKED_SORTS = {
    "date": (le.date_lo, le.linked_id),
    "mentions": (le.mentions, le.linked_id),
    "sources": (le.sources, le.linked_id),
    "articles": (le.articles, le.linked_id),
}
ACTOR_SORTS = ("events", "code")


class QueryError(ValueError):
    """A reader's request that cannot be answered as asked; the message names the parameter."""


@dataclass
class EventFilter:
    """Which events. Every field is optional; set fields must all hold."""

    actor: str | None = None  # an actor code ("RUSGOV") or a country ("RUS")
    role: str = "any"  # where `actor` must appear: any, actor, recipient
    dyad: tuple[str, str] | None = None  # two codes or countries: one acts on the other, or
    directed: bool = False  # both act with no recipient; directed: only the first on the second
    event_type: str | None = None  # PLOVER type
    cameo_root: str | None = None  # "04"
    quad_class: int | None = None  # 1..4
    status: str | None = None
    date_from: date | None = None  # the event's days overlap [date_from, date_to]
    date_to: date | None = None
    text: str | None = None  # words in the evidence sentence
    doc_id: str | None = None
    source: str | None = None
    linked_id: int | None = None

    def __post_init__(self) -> None:
        for name in ("actor", "event_type", "cameo_root", "status", "doc_id", "source"):
            value = getattr(self, name)
            if value is not None:
                value = _bounded(name, value, MAX_CODE).strip()
                setattr(self, name, value or None)
        if self.actor:
            self.actor = self.actor.upper()
        if self.event_type:
            self.event_type = self.event_type.upper()
        if self.status:
            self.status = self.status.lower()
        if self.cameo_root and self.cameo_root.isdigit() and len(self.cameo_root) == 1:
            self.cameo_root = "0" + self.cameo_root
        if self.text is not None:
            self.text = _bounded("text", self.text, MAX_TEXT).strip() or None
        if self.role not in ROLES:
            raise QueryError(f"role must be one of {', '.join(ROLES)}")
        if self.dyad is not None:
            if len(self.dyad) != 2 or not all(isinstance(x, str) and x for x in self.dyad):
                raise QueryError("dyad must be two codes, as RUS-UKR")
            self.dyad = tuple(_bounded("dyad", x, MAX_CODE).strip().upper() for x in self.dyad)
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise QueryError("quad_class must be 1, 2, 3 or 4")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("date_from is after date_to")

    FIELDS = (
        "actor", "role", "dyad", "directed", "type", "event_type", "root", "cameo_root",
        "quad_class", "status", "from", "date_from", "to", "date_to", "q", "text", "doc_id",
        "source", "linked_id",
    )  # fmt: skip

    @classmethod
    def parse(cls, params: Mapping[str, str | None]) -> EventFilter:
        """A filter from string parameters (`type`, `root`, `from`, `to` and `q` are short for
        event_type, cameo_root, date_from, date_to and text). Unknown names are refused."""
        params = {k: v for k, v in params.items() if v not in (None, "")}
        unknown = set(params) - set(cls.FIELDS)
        if unknown:
            raise QueryError(f"unknown filter(s) {', '.join(sorted(unknown))}")

        def get(*names):
            return next((params[n] for n in names if n in params), None)

        dyad = get("dyad")
        if dyad is not None:
            parts = str(dyad).replace("–", "-").split("-")
            if len(parts) != 2:
                raise QueryError("dyad must be two codes joined by '-', as RUS-UKR")
            dyad = (parts[0], parts[1])
        return cls(
            actor=get("actor"),
            role=get("role") or "any",
            dyad=dyad,
            directed=_boolean("directed", get("directed")),
            event_type=get("type", "event_type"),
            cameo_root=get("root", "cameo_root"),
            quad_class=_integer("quad_class", get("quad_class")),
            status=get("status"),
            date_from=_date("from", get("from", "date_from")),
            date_to=_date("to", get("to", "date_to")),
            text=get("q", "text"),
            doc_id=get("doc_id"),
            source=get("source"),
            linked_id=_integer("linked_id", get("linked_id")),
        )

    def to_record(self) -> dict:
        out = {k: v for k, v in asdict(self).items() if v not in (None, False, "any")}
        for k in ("date_from", "date_to"):
            if k in out:
                out[k] = out[k].isoformat()
        if "dyad" in out:
            out["dyad"] = "-".join(out["dyad"])
        return out


@dataclass
class Page:
    """One page of results and where it stands among all of them."""

    items: list[dict]
    total: int
    page: int
    per_page: int
    sort: str | None = None
    filters: dict = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_record(self) -> dict:
        return {
            "items": self.items,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "sort": self.sort,
            "filters": self.filters,
        }


class Reader:
    """Read-only questions to a store. Each method runs in one read transaction."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine

    # -- events ----------------------------------------------------------------------------

    def events(
        self,
        f: EventFilter | None = None,
        *,
        sort: str = "-date",
        page: int = 1,
        per_page: int = DEFAULT_PAGE,
    ) -> Page:
        """Events that pass the filter, one page of them, with their document and link."""
        f = f or EventFilter()
        order = _order(sort, EVENT_SORTS)
        page, per_page = _paging(page, per_page)
        query = _event_view_select().where(*_conditions(f))
        with reading(self.engine) as conn:
            items, total = _page_of(conn, query, order, page, per_page, _event_view)
        return Page(items, total, page, per_page, sort, f.to_record())

    def iter_events(self, f: EventFilter | None = None, *, sort: str = "date", batch: int = 1000):
        """Every event that passes the filter, a batch at a time (for exports)."""
        f = f or EventFilter()
        order = _order(sort, EVENT_SORTS)
        batch = max(1, min(batch, 10 * MAX_PAGE))
        offset = 0
        while True:
            query = (
                _event_view_select()
                .where(*_conditions(f))
                .order_by(*order)
                .limit(batch)
                .offset(offset)
            )
            with reading(self.engine) as conn:
                rows = [_event_view(row) for row in conn.execute(query).mappings()]
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    def event(self, event_id: str) -> dict | None:
        query = _event_view_select().where(e.event_id == _bounded("event_id", event_id, 300))
        with reading(self.engine) as conn:
            row = conn.execute(query).mappings().first()
        return _event_view(row) if row else None

    # -- documents -------------------------------------------------------------------------

    def documents(
        self,
        *,
        text: str | None = None,
        source: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        sort: str = "-published",
        page: int = 1,
        per_page: int = DEFAULT_PAGE,
    ) -> Page:
        """Documents, newest first by default, with how many events each gave."""
        order = _order(sort, DOCUMENT_SORTS)
        page, per_page = _paging(page, per_page)
        where = []
        if text:
            pattern = _like(_bounded("text", text, MAX_TEXT))
            where.append(
                sa.or_(d.title.ilike(pattern, escape="\\"), d.text.ilike(pattern, escape="\\"))
            )
        if source:
            where.append(d.source == _bounded("source", source, MAX_CODE))
        if date_from:
            where.append(d.published >= date_from.isoformat())
        if date_to:
            where.append(d.published <= date_to.isoformat())
        n_events = (
            sa.select(sa.func.count()).where(e.doc_id == d.doc_id).scalar_subquery().label("events")
        )
        query = sa.select(
            d.doc_id, d.title, d.url, d.source, d.published, d.coded_at, n_events
        ).where(*where)
        with reading(self.engine) as conn:
            items, total = _page_of(conn, query, order, page, per_page, dict)
        filters = {"text": text, "source": source, "date_from": date_from, "date_to": date_to}
        filters = {k: str(v) for k, v in filters.items() if v}
        return Page(items, total, page, per_page, sort, filters)

    def document(self, doc_id: str) -> dict | None:
        """A document with its text; its sentences ({text, start}); its events, in order; its
        times, places, quotes and entities as the coder found them (documents stored before
        those were kept have none); and its new actor candidates."""
        doc_id = _bounded("doc_id", doc_id, 300)
        with reading(self.engine) as conn:
            row = conn.execute(sa.select(documents).where(d.doc_id == doc_id)).mappings().first()
            if row is None:
                return None
            out = dict(row)
            out.update(json.loads(out.pop("annotations") or "{}"))
            s = sentences.c
            query = sa.select(s.text, s.start).where(s.doc_id == doc_id).order_by(s.idx)
            out["sentences"] = [dict(r) for r in conn.execute(query).mappings()]
            query = _event_view_select().where(e.doc_id == doc_id)
            query = query.order_by(e.sentence, e.event_id)
            out["events"] = [_event_view(r) for r in conn.execute(query).mappings()]
            c = candidates.c
            found = sa.select(c.name, c.code, c.country, c.role, c.sentence, c.evidence)
            found = found.where(c.doc_id == doc_id).order_by(c.sentence, c.name)
            out["candidates"] = [dict(r) for r in conn.execute(found).mappings()]
        return out

    # -- actors ----------------------------------------------------------------------------

    def actors(
        self,
        f: EventFilter | None = None,
        *,
        prefix: str | None = None,
        sort: str = "-events",
        page: int = 1,
        per_page: int = DEFAULT_PAGE,
    ) -> Page:
        """Actor codes with how many events name them (as actor, as recipient), over the
        events that pass the filter; `prefix` keeps codes that start with it ("RUS")."""
        f = f or EventFilter()
        page, per_page = _paging(page, per_page)
        key = sort.removeprefix("-")
        if key not in ACTOR_SORTS:
            choices = ", ".join(ACTOR_SORTS)
            raise QueryError(f"sort must be one of {choices} (with - for descending)")
        passing = _passing(f)
        where = [ea.event_id.in_(passing)]
        if prefix:
            prefix = _bounded("prefix", prefix, MAX_CODE).strip().upper()
            where.append(ea.code.startswith(prefix, autoescape=True))
        counts = _actor_counts()
        grouped = sa.select(ea.code, *counts).where(*where).group_by(ea.code)
        column = counts[1] if key == "events" else ea.code
        order = [column.desc() if sort.startswith("-") else column.asc(), ea.code]
        with reading(self.engine) as conn:
            items, total = _page_of(conn, grouped, order, page, per_page, dict)
            names = self._names(conn, [i["code"] for i in items])
        for item in items:
            item["names"] = names.get(item["code"], [])
        return Page(items, total, page, per_page, sort, f.to_record())

    def actor(self, code: str, *, partners: int = 10) -> dict | None:
        """One actor code: its counts, the names it was given, and the codes it deals with most."""
        code = _bounded("code", code, MAX_CODE).strip().upper()
        partners = max(0, min(partners, MAX_PAGE))
        with reading(self.engine) as conn:
            query = sa.select(*_actor_counts()).where(ea.code == code)
            row = conn.execute(query).mappings().first()
            if not row or not row["events"]:
                return None
            other = event_actors.alias("other")
            mine = sa.select(ea.event_id).where(ea.code == code)
            query = (
                sa.select(other.c.code, sa.func.count(sa.distinct(other.c.event_id)).label("n"))
                .where(other.c.event_id.in_(mine), other.c.code != code)
                .group_by(other.c.code)
                .order_by(sa.desc("n"), other.c.code)
                .limit(partners)
            )
            found = [{"code": c, "events": n} for c, n in conn.execute(query)]
            names = self._names(conn, [code]).get(code, [])
        return {"code": code, **dict(row), "names": names, "partners": found}

    @staticmethod
    def _names(conn, codes: list[str], most: int = 5) -> dict[str, list[str]]:
        if not codes:
            return {}
        query = (
            sa.select(ea.code, ea.name, sa.func.count().label("n"))
            .where(ea.code.in_(codes), ea.name.is_not(None))
            .group_by(ea.code, ea.name)
        )
        counts: dict[str, Counter] = defaultdict(Counter)
        for code, name, n in conn.execute(query):
            counts[code][name] = n
        return {code: [n for n, _ in c.most_common(most)] for code, c in counts.items()}

    # -- timelines -------------------------------------------------------------------------

    def timeline(
        self, f: EventFilter | None = None, *, by: str = "day", count: str = "mentions"
    ) -> list[dict]:
        """Events per day or week (weeks start on Monday): counts by QuadClass and the sum of
        Goldstein scores, for the events that pass the filter (a dyad for a dyad's timeline).
        `count="mentions"` counts every report; `count="linked"` counts each real-world event
        once, on its date, however many reports it has. Only events dated to the day are counted;
        the periods between the first and the last are all there, empty ones with zeros, so a
        chart can draw them as they come."""
        f = f or EventFilter()
        if by not in ("day", "week"):
            raise QueryError("by must be day or week")
        if count not in ("mentions", "linked"):
            raise QueryError("count must be mentions or linked")
        if count == "mentions":
            table, day, quad, goldstein = events, e.date_lo, e.quad_class, e.goldstein
            where = [e.event_id.in_(_passing(f)), sa.func.length(e.date) >= 10]
        else:
            table, day, quad, goldstein = linked_events, le.date, le.quad_class, le.goldstein
            where = [le.linked_id.in_(_passing(f, e.linked_id)), sa.func.length(le.date) >= 10]
        query = (
            sa.select(day.label("day"), quad.label("quad_class"), sa.func.count().label("n"),
                      sa.func.sum(goldstein).label("goldstein"))
            .select_from(table)
            .where(*where)
            .group_by(day, quad)
        )  # fmt: skip
        buckets: dict[date, dict] = {}
        with reading(self.engine) as conn:
            rows = conn.execute(query).fetchall()
        for row in rows:
            when = date.fromisoformat(row.day[:10])
            if by == "week":
                when -= timedelta(days=when.weekday())
            b = buckets.setdefault(when, _bucket(when))
            b["events"] += row.n
            quad = str(row.quad_class) if row.quad_class else "none"
            b["quad_class"][quad] = b["quad_class"].get(quad, 0) + row.n
            b["goldstein"] = round(b["goldstein"] + float(row.goldstein or 0.0), 3)
        if not buckets:
            return []
        step = timedelta(days=7 if by == "week" else 1)
        first, last = min(buckets), max(buckets)
        if (last - first) / step > MAX_TIMELINE_BUCKETS:
            raise QueryError("the timeline is too long by day; ask by week or narrow the dates")
        out, when = [], first
        while when <= last:
            out.append(buckets.get(when) or _bucket(when))
            when += step
        return out

    # -- linked events ---------------------------------------------------------------------

    def linked_events(
        self,
        f: EventFilter | None = None,
        *,
        min_mentions: int = 1,
        sort: str = "-mentions",
        page: int = 1,
        per_page: int = DEFAULT_PAGE,
    ) -> Page:
        """Real-world events (each linking its reports) with a mention that passes the filter."""
        f = f or EventFilter()
        order = _order(sort, LINKED_SORTS)
        page, per_page = _paging(page, per_page)
        members = _passing(f, e.linked_id)
        where = [le.linked_id.in_(members), le.mentions >= max(1, int(min_mentions))]
        query = sa.select(linked_events).where(*where)
        with reading(self.engine) as conn:
            items, total = _page_of(conn, query, order, page, per_page, _linked_view)
        return Page(items, total, page, per_page, sort, f.to_record())

    def linked_event(self, linked_id: int) -> dict | None:
        """A real-world event with every mention of it (`events`), earliest report first."""
        if not isinstance(linked_id, int) or isinstance(linked_id, bool):
            raise QueryError("linked_id must be a number")
        with reading(self.engine) as conn:
            row = conn.execute(
                sa.select(linked_events).where(le.linked_id == linked_id)
            ).mappings().first()  # fmt: skip
            if row is None:
                return None
            query = (
                _event_view_select()
                .where(e.linked_id == linked_id)
                .order_by(d.published, e.doc_id, e.sentence)
            )
            found = [_event_view(r) for r in conn.execute(query).mappings()]
        return {**_linked_view(row), "events": found}

    # -- planned ---------------------------------------------------------------------------

    def planned(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        f: EventFilter | None = None,
        limit: int = MAX_PAGE,
    ) -> list[dict]:
        """Commitments (store/planned.py) whose days, or whose window's days, overlap
        [date_from, date_to], earliest first; each with `window` ({text, start, end} or None)."""
        base = f or EventFilter()
        date_from, date_to = date_from or base.date_from, date_to or base.date_to
        f = replace(base, date_from=None, date_to=None)
        limit = max(1, min(int(limit), 10 * MAX_PAGE))
        where = [*_conditions(f), _is_commitment()]
        if date_to:
            where.append(e.date_lo <= date_to.isoformat())
        if date_from:
            where.append(e.date_hi >= (date_from - commitments.LONGEST_LEAD).isoformat())
        query = _event_view_select().where(*where).order_by(e.date_lo, e.doc_id, e.sentence)
        with reading(self.engine) as conn:
            views = [_event_view(r) for r in conn.execute(query.limit(10 * limit)).mappings()]
            views = commitments.with_windows(conn, views)
        views = [v for v in views if commitments.in_range(v, date_from, date_to)]
        views.sort(key=lambda v: (commitments.days(v), v["doc_id"], v["sentence"]))
        return views[:limit]


# -- building blocks ---------------------------------------------------------------------------


def _page_of(conn, query, order: list, page: int, per_page: int, view) -> tuple[list, int]:
    """One page of a query's rows, each through `view`, and how many rows there are in all."""
    total = conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    rows = conn.execute(query.order_by(*order).limit(per_page).offset((page - 1) * per_page))
    return [view(row) for row in rows.mappings()], total


def _bounded(name: str, value, most: int) -> str:
    if not isinstance(value, str):
        raise QueryError(f"{name} must be text")
    if len(value) > most:
        raise QueryError(f"{name} is longer than {most} characters")
    if "\x00" in value:  # PostgreSQL text cannot hold it; no real value has it
        raise QueryError(f"{name} holds a NUL character")
    return value


def _boolean(name: str, value) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise QueryError(f"{name} must be true or false")


def _integer(name: str, value) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        raise QueryError(f"{name} must be a whole number")
    return int(text)


def _date(name: str, value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_bounded(name, str(value), 10))
    except ValueError:
        raise QueryError(f"{name} must be a date as YYYY-MM-DD") from None


def _paging(page, per_page) -> tuple[int, int]:
    page = _integer("page", page)
    per_page = _integer("per_page", per_page)
    if page is None or page < 1:
        raise QueryError("page must be 1 or more")
    if per_page is None or not 1 <= per_page <= MAX_PAGE:
        raise QueryError(f"per_page must be between 1 and {MAX_PAGE}")
    return page, per_page


def _order(sort: str, allowed: Mapping[str, tuple]) -> list:
    if not isinstance(sort, str):
        raise QueryError("sort must be text")
    key = sort.removeprefix("-")
    if key not in allowed:
        choices = ", ".join(sorted(allowed))
        raise QueryError(f"sort must be one of {choices} (with - for descending)")
    columns = allowed[key]
    first = columns[0].desc() if sort.startswith("-") else columns[0].asc()
    # nulls last either way, so undated events do not crowd the first page
    return [columns[0].is_(None), first, *columns[1:]]


def _actor_counts() -> list:
    """An actor code's country, its events, and how often it acts and receives."""
    return [
        sa.func.max(ea.country).label("country"),
        sa.func.count(sa.distinct(ea.event_id)).label("events"),
        sa.func.sum(sa.case((ea.role == "actor", 1), else_=0)).label("as_actor"),
        sa.func.sum(sa.case((ea.role == "recipient", 1), else_=0)).label("as_recipient"),
    ]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _party(value: str, role: str | None = None):
    """Some actor (or recipient) of the event is this code or of this country."""
    a = event_actors.alias()  # its own alias, so it never correlates with an outer event_actors
    cond = [a.c.event_id == e.event_id, sa.or_(a.c.code == value, a.c.country == value)]
    if role in ("actor", "recipient"):
        cond.append(a.c.role == role)
    return sa.exists(sa.select(a.c.event_id).where(*cond))


def _is_commitment():
    return sa.or_(
        e.status.in_(("planned", "proposed")),
        e.date_end.is_not(None),
        sa.and_(e.event_type == "THREATEN", e.condition.is_not(None)),
    )


def _has_recipient():
    a = event_actors.alias()
    return sa.exists(
        sa.select(a.c.event_id).where(a.c.event_id == e.event_id, a.c.role == "recipient")
    )


def _conditions(f: EventFilter) -> list:
    out = []
    if f.actor:
        out.append(_party(f.actor, f.role))
    if f.dyad:
        a, b = f.dyad
        forward = sa.and_(_party(a, "actor"), _party(b, "recipient"))
        if f.directed:
            out.append(forward)
        else:
            backward = sa.and_(_party(b, "actor"), _party(a, "recipient"))
            # "Lula and Macron met": both act, no recipient; a meeting of the pair all the same
            together = sa.and_(_party(a, "actor"), _party(b, "actor"), ~_has_recipient())
            out.append(sa.or_(forward, backward, together))
    if f.event_type:
        out.append(e.event_type == f.event_type)
    if f.cameo_root:
        out.append(e.cameo_root == f.cameo_root)
    if f.quad_class is not None:
        out.append(e.quad_class == f.quad_class)
    if f.status:
        out.append(e.status == f.status)
    if f.date_from:
        out.append(e.date_hi >= f.date_from.isoformat())
    if f.date_to:
        out.append(e.date_lo <= f.date_to.isoformat())
    if f.text:
        out.append(e.text.ilike(_like(f.text), escape="\\"))
    if f.doc_id:
        out.append(e.doc_id == f.doc_id)
    if f.source:
        out.append(d.source == f.source)
    if f.linked_id is not None:
        out.append(e.linked_id == f.linked_id)
    return out


def _passing(f: EventFilter, column=e.event_id):
    """The ids (or another column) of the events that pass the filter, as a subquery."""
    return sa.select(column).select_from(_events_from()).where(*_conditions(f))


def _events_from():
    return events.join(documents, d.doc_id == e.doc_id)


def _event_view_select():
    return sa.select(
        e.record,
        e.linked_id,
        e.link_why,
        d.title,
        d.url,
        d.source,
        d.published,
        le.mentions,
        le.articles,
        le.sources,
    ).select_from(_events_from().outerjoin(linked_events, le.linked_id == e.linked_id))  # fmt: skip


def _event_view(row) -> dict:
    record = json.loads(row["record"])
    record["document"] = {
        "title": row["title"],
        "url": row["url"],
        "source": row["source"],
        "published": row["published"],
    }
    record["linked_event"] = (
        {
            "linked_id": row["linked_id"],
            "mentions": row["mentions"],
            "articles": row["articles"],
            "sources": row["sources"],
            "why": row["link_why"],
        }
        if row["linked_id"] is not None and row["mentions"] is not None
        else None
    )
    return record


def _linked_view(row) -> dict:
    out = dict(row)
    for key in ("actors", "recipients", "places"):
        out[key] = json.loads(out[key])
    return out


def _bucket(when: date) -> dict:
    return {
        "period": when.isoformat(),
        "events": 0,
        "quad_class": {"1": 0, "2": 0, "3": 0, "4": 0},
        "goldstein": 0.0,
    }
