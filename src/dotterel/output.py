"""Writers for `dotterel code --format`: table, jsonl, documents, csv."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from dotterel.pipeline import CodedDocument
from dotterel.records import EVENT_FIELDS

FORMATS = ("table", "jsonl", "documents", "csv")


def _actors(actors: list[dict]) -> str:
    return ", ".join(a["code"] + (f" ({a['name']})" if a.get("name") else "") for a in actors)


def _cell(value) -> str:
    """CSV cells: scalars as they are, nested parts as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


class Writer:
    """Writes coded documents as they come, so a long run shows results early."""

    def __init__(self, fmt: str, out: TextIO):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.out = out
        self._rows: list[dict] = []
        self._csv = None

    def write(self, coded: CodedDocument) -> None:
        if self.fmt == "documents":
            self.out.write(json.dumps(coded.to_record(), ensure_ascii=False) + "\n")
            return
        for event in coded.events:
            record = event.to_record()
            if self.fmt == "jsonl":
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.writer(self.out)
                    self._csv.writerow(EVENT_FIELDS)
                self._csv.writerow([_cell(record[f]) for f in EVENT_FIELDS])
            else:
                self._rows.append(record)

    def close(self) -> None:
        if self.fmt == "table":
            print_table(self._rows, self.out)
        self.out.flush()


def print_table(records: Iterable[dict], out: TextIO, title: str = "events") -> None:
    from rich.console import Console
    from rich.table import Table

    records = list(records)
    table = Table(title=f"{len(records)} {title}", show_lines=False, expand=False)
    for name in ("doc", "sent", "type", "cameo", "actor", "recipient", "status", "date", "trigger"):
        table.add_column(name, overflow="fold")
    for r in records:
        table.add_row(
            r["doc_id"][:16],
            str(r["sentence"]),
            r["event_type"],
            r["cameo"] or "",
            _actors(r["actor"]),
            _actors(r["recipient"]),
            r["status"],
            r["date"] or "",
            r["trigger"]["text"],
        )
    Console(file=out, width=None if out.isatty() else 160).print(table)
