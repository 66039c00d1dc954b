"""Exports of stored events for other tools: PLOVER JSON Lines, Phoenix CSV, Parquet.

    dotterel export --format plover-jsonl [filters] > events.jsonl
    dotterel export --format phoenix-csv --country RUS --from 2025-05-01 --out rus.csv
    dotterel export --format parquet --out events.parquet

`plover-jsonl` is the event record of the output contract, one a line, as `dotterel code
--format jsonl` prints it (field names follow PLOVER/POLECAT). `phoenix-csv` has the columns of
the Phoenix data set (the Open Event Data Alliance's PETRARCH-coded daily files) with a header
row, one row per source-target pair as PETRARCH wrote compound actors. `parquet` is one row per
event with flat columns for filtering in pandas, R's arrow or DuckDB, actors as lists of structs.
Events come in date order, a batch at a time, so an export never holds the database in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

FORMATS = ("plover-jsonl", "phoenix-csv", "parquet")
VIEW_KEYS = ("document", "linked_event")  # added by the query layer; not part of the record
PARQUET_ROWS = 10_000

# The Phoenix data set's columns, in its order. QuadClass stands where later files wrote
# PentaClass; Issues holds the record's PLOVER contexts, as Phoenix's issues were topic tags.
PHOENIX_COLUMNS = [
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
]  # fmt: skip


def record_of(view: dict) -> dict:
    """The output-contract record of an event as the query layer gives it."""
    return {k: v for k, v in view.items() if k not in VIEW_KEYS}


def write_plover_jsonl(views: Iterable[dict], out: TextIO) -> int:
    n = 0
    for view in views:
        out.write(json.dumps(record_of(view), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_phoenix_csv(views: Iterable[dict], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(PHOENIX_COLUMNS)
    n = 0
    for view in views:
        for row in phoenix_rows(view):
            writer.writerow(["" if row[c] is None else row[c] for c in PHOENIX_COLUMNS])
            n += 1
    return n


def phoenix_rows(view: dict) -> Iterator[dict]:
    """An event as Phoenix rows: one per (source, target) pair, the target empty when the event
    has none; EventID gets "-1", "-2", ... when there are several pairs."""
    sources = view.get("actor") or [None]
    targets = view.get("recipient") or [None]
    pairs = [(s, t) for s in sources for t in targets]
    doc = view.get("document") or {}
    place = view.get("location") or {}
    year, month, day = _ymd(view.get("date"))
    for i, (source, target) in enumerate(pairs, start=1):
        suffix = f"-{i}" if len(pairs) > 1 else ""
        yield {
            "EventID": view["event_id"] + suffix,
            "Date": f"{year:04d}{month:02d}{day:02d}" if day else None,
            "Year": year,
            "Month": month,
            "Day": day,
            **_phoenix_actor("Source", source),
            **_phoenix_actor("Target", target),
            "EventCode": view.get("cameo"),
            "EventRootCode": view.get("cameo_root"),
            "QuadClass": view.get("quad_class"),
            "GoldsteinScore": view.get("goldstein"),
            "Issues": ";".join(view.get("context") or []) or None,
            "Lat": place.get("lat"),
            "Lon": place.get("lon"),
            "LocationName": place.get("name"),
            "StateName": place.get("admin1"),
            "CountryCode": place.get("country"),
            "SentenceID": f"{view['doc_id']}_{view['sentence']}",
            "URLs": doc.get("url"),
            "NewsSources": doc.get("source"),
        }


def _phoenix_actor(side: str, actor: dict | None) -> dict:
    # CAMEO actor codes are three-letter blocks: who (country or IGO), role, then attributes.
    code = (actor or {}).get("code") or ""
    return {
        f"{side}ActorFull": code or None,
        f"{side}ActorEntity": code[:3] or None,
        f"{side}ActorRole": code[3:6] or None,
        f"{side}ActorAttribute": code[6:] or None,
    }


def _ymd(value: str | None) -> tuple[int | None, int | None, int | None]:
    parts = [int(p) if p.isdigit() else None for p in (value or "").split("-")[:3]]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def write_parquet(views: Iterable[dict], out: str | BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict] = []
        for view in views:
            batch.append(parquet_row(view))
            if len(batch) >= PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:  # an empty export is still a file with the schema
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "kb_id", "role")
MODALITY = ("negated", "hypothetical", "conditional", "future", "reported_speech")


def parquet_schema():
    import pyarrow as pa

    text, integer, number, flag = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    actor = pa.struct([(f, pa.list_(text) if f == "sector" else text) for f in ACTOR_FIELDS])
    return pa.schema(
        [
            ("event_id", text), ("doc_id", text), ("sentence", integer),
            ("date", text), ("date_end", text), ("date_precision", text), ("date_text", text),
            ("event_type", text), ("mode", text), ("context", pa.list_(text)),
            ("cameo", text), ("cameo_root", text), ("quad_class", integer), ("goldstein", number),
            ("status", text), ("actor_codes", pa.list_(text)), ("recipient_codes", pa.list_(text)),
            ("actor", pa.list_(actor)), ("recipient", pa.list_(actor)),
            ("location_name", text), ("location_country", text), ("location_admin1", text),
            ("lat", number), ("lon", number), *((m, flag) for m in MODALITY),
            ("condition", text), ("quote_speaker", text), ("quote_text", text),
            ("confidence", number), ("trigger", text), ("text", text), ("why", text),
            ("linked_id", integer), ("mentions", integer), ("articles", integer),
            ("sources", integer), ("title", text), ("url", text), ("source", text),
            ("published", text),
        ]
    )  # fmt: skip


def parquet_row(view: dict) -> dict:
    """One flat row of the Parquet export."""
    place = view.get("location") or {}
    modality = view.get("modality") or {}
    quote = view.get("quote") or {}
    linked = view.get("linked_event") or {}
    doc = view.get("document") or {}

    def actors(key: str) -> list[dict]:
        return [{f: a.get(f) for f in ACTOR_FIELDS} for a in view.get(key) or []]

    same = ("event_id", "doc_id", "sentence", "date", "date_end", "date_precision", "date_text",
            "event_type", "mode", "cameo", "cameo_root", "quad_class", "goldstein", "status",
            "condition", "confidence", "text", "why")  # fmt: skip
    return {
        **{k: view.get(k) for k in same},
        "context": list(view.get("context") or []),
        "actor_codes": [a.get("code") for a in view.get("actor") or []],
        "recipient_codes": [a.get("code") for a in view.get("recipient") or []],
        "actor": actors("actor"),
        "recipient": actors("recipient"),
        "location_name": place.get("name"),
        "location_country": place.get("country"),
        "location_admin1": place.get("admin1"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        **{m: bool(modality.get(m)) for m in MODALITY},
        "quote_speaker": (quote.get("speaker") or {}).get("code"),
        "quote_text": quote.get("text"),
        "trigger": (view.get("trigger") or {}).get("text"),
        **{k: linked.get(k) for k in ("linked_id", "mentions", "articles", "sources")},
        **{k: doc.get(k) for k in ("title", "url", "source", "published")},
    }
