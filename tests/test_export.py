"""`dotterel export`: PLOVER JSON Lines, Phoenix CSV and Parquet, with the query filters."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from dotterel.cli import main
from dotterel.export import PHOENIX_COLUMNS, phoenix_rows
from dotterel.schema import event_errors
from dotterel.store import Store
from tests.storekit import city, coded, event


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save(coded("a", [
            event("a", 0, "040", ["RUSGOV"], ["UKRGOV"], "2026-03-09", text="Putin met Zelenskyy."),
            event("a", 1, "190", ["RUSMIL"], ["UKR"], "2026-03-10", start=30,
                  place=city("Kharkiv", "UKR", "Kharkiv Oblast")),
        ], "2026-03-10", source="Wire One", url="https://wire.example/a"))  # fmt: skip
        store.save(coded("b", [
            event("b", 0, "040", ["RUSGOV", "TURGOV"], [], "2026-03", precision="month"),
            event("b", 1, "040", ["USAGOV"], ["UKRGOV"], "2026-03-16", status="planned", start=9),
        ], "2026-03-11", source="Wire Two"))  # fmt: skip
        expected = [r for r in store.events()]
    return path, expected


def _run(capsys, *args):
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plover_jsonl_is_the_record_of_the_contract(db, capsys):
    path, expected = db
    code, out, err = _run(capsys, "--format", "plover-jsonl", "--db", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and "exported 4 event(s)" in err
    assert sorted(records, key=lambda r: r["event_id"]) == sorted(
        expected, key=lambda r: r["event_id"]
    )
    assert all(event_errors(r) == [] for r in records)
    assert [r["date"] for r in records] == ["2026-03", "2026-03-09", "2026-03-10", "2026-03-16"]


def test_phoenix_csv_columns_and_rows(db, capsys):
    path, _ = db
    code, out, _ = _run(capsys, "--format", "phoenix-csv", "--db", str(path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == PHOENIX_COLUMNS
    by_sentence = {}
    for row in rows:
        by_sentence.setdefault(row["SentenceID"], []).append(row)
    [shelling] = by_sentence["a_1"]
    assert (shelling["Date"], shelling["Year"], shelling["Month"], shelling["Day"]) == (
        "20260310", "2026", "3", "10"
    )  # fmt: skip
    assert (shelling["SourceActorFull"], shelling["SourceActorEntity"],
            shelling["SourceActorRole"], shelling["TargetActorFull"],
            shelling["TargetActorRole"]) == ("RUSMIL", "RUS", "MIL", "UKR", "")  # fmt: skip
    assert (shelling["EventCode"], shelling["EventRootCode"], shelling["QuadClass"],
            shelling["GoldsteinScore"]) == ("190", "19", "4", "-10.0")  # fmt: skip
    assert (shelling["LocationName"], shelling["StateName"], shelling["CountryCode"]) == (
        "Kharkiv", "Kharkiv Oblast", "UKR"
    )  # fmt: skip
    assert (shelling["URLs"], shelling["NewsSources"]) == ("https://wire.example/a", "Wire One")
    # Two actors and no target: two rows, as PETRARCH wrote compound actors; a month: no day.
    talks = by_sentence["b_0"]
    assert [r["SourceActorFull"] for r in talks] == ["RUSGOV", "TURGOV"]
    assert [r["EventID"][-2:] for r in talks] == ["-1", "-2"]
    assert (talks[0]["Date"], talks[0]["Month"], talks[0]["Day"]) == ("", "3", "")


def test_parquet(db, capsys, tmp_path):
    path, expected = db
    out = tmp_path / "events.parquet"
    code, _, err = _run(capsys, "--format", "parquet", "--db", str(path), "--out", str(out))
    assert code == 0 and f"exported 4 event(s) to {out}" in err
    table = pq.read_table(out)
    assert table.num_rows == 4
    rows = table.to_pylist()
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in sorted(
        expected, key=lambda r: (r["date"], r["doc_id"], r["sentence"]))]  # fmt: skip
    shelling = next(r for r in rows if r["cameo"] == "190")
    assert shelling["actor_codes"] == ["RUSMIL"] and shelling["actor"][0]["country"] == "RUS"
    assert (shelling["quad_class"], shelling["goldstein"], shelling["location_name"]) == (
        4, -10.0, "Kharkiv"
    )  # fmt: skip
    assert shelling["linked_id"] is not None and shelling["mentions"] == 1
    assert table.schema.field("actor").type.value_type.get_field_index("sector") >= 0
    # An export nothing passes is still a file with the columns.
    empty = tmp_path / "none.parquet"
    assert main(["export", "--format", "parquet", "--db", str(path), "--out", str(empty),
                 "--type", "PROTEST"]) == 0  # fmt: skip
    assert pq.read_table(empty).num_rows == 0 and pq.read_schema(empty) == table.schema


def test_filters(db, capsys):
    path, _ = db

    def sentences(*args):
        code, out, _ = _run(capsys, "--format", "plover-jsonl", "--db", str(path), *args)
        assert code == 0
        return [f"{r['doc_id']}{r['sentence']}" for r in map(json.loads, out.splitlines())]

    assert sentences("--country", "TUR") == ["b0"]
    assert sentences("--actor", "RUSMIL") == ["a1"]
    assert sentences("--type", "CONSULT", "--status", "planned") == ["b1"]
    assert sentences("--root", "19") == ["a1"]
    assert sentences("--from", "2026-03-10", "--to", "2026-03-12") == ["b0", "a1"]
    assert sentences("--dyad", "RUS-UKR") == ["a0", "a1"]


def test_bad_exports_say_why(db, capsys, tmp_path):
    path, _ = db
    code, _, err = _run(capsys, "--format", "plover-jsonl", "--db", str(tmp_path / "no.db"))
    assert code == 2 and "no database at" in err
    code, _, err = _run(capsys, "--format", "phoenix-csv", "--db", str(path), "--dyad", "RUS")
    assert code == 2 and "dyad" in err
    code, _, err = _run(capsys, "--format", "plover-jsonl", "--db", str(path),
                        "--out", str(tmp_path / "missing" / "x.jsonl"))  # fmt: skip
    assert code == 2 and "cannot write" in err


def test_a_record_without_actors_is_one_phoenix_row():
    view = {"event_id": "e", "doc_id": "d", "sentence": 0, "date": None, "actor": [],
            "recipient": [], "cameo": None}  # fmt: skip
    [row] = phoenix_rows(view)
    assert row["SourceActorFull"] is None and row["Date"] is None and row["EventID"] == "e"
