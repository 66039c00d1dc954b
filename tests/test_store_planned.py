"""`dotterel planned`: planned meetings, proposals, ultimatums and ceasefire windows, in date
order, with their conditions, dates and sentences (issue 5, item 4)."""

from __future__ import annotations

import datetime as dt
import json

from dotterel.cli import main
from dotterel.document import Document
from dotterel.store import Store
from dotterel.store.planned import days
from tests.conftest import shared_path
from tests.storekit import coded, event


def _made_up_commitments(store):
    store.save(coded("d1", [
        event("d1", 0, "040", ["RUSGOV"], ["UKRGOV"], "2026-03-19", status="planned",
              text="Putin will meet Zelenskyy on Thursday."),
        event("d1", 1, "111", ["RUSGOV"], ["UKRGOV"], "2026-03-11",
              text="Putin criticised Kyiv."),  # reported: not a commitment
    ], "2026-03-11"))  # fmt: skip
    store.save(coded("d2", [
        event("d2", 0, "138", ["GBRGOV"], ["RUS"], "2026-03-10",
              condition="if it fails to withdraw by Friday",
              text="Britain warned Russia of sanctions if it fails to withdraw by Friday."),
        event("d2", 1, "057", ["ISRGOV"], ["PSE"], "2026-03-13", date_end="2026-03-26",
              text="Israel agreed a two-week truce from Friday.", start=80),
        event("d2", 2, "040", ["FRAGOV"], ["DEUGOV"], "2026-04", precision="month",
              status="proposed", text="Macron proposed talks with Merz in April.", start=130),
    ], "2026-03-10"))  # fmt: skip


def test_commitments_in_date_order_with_windows_and_conditions(tmp_path):
    with Store(tmp_path / "s.db") as store:
        _made_up_commitments(store)
        found = store.reader().planned()
        assert [(v["doc_id"], v["sentence"]) for v in found] == [
            ("d2", 0), ("d2", 1), ("d1", 0), ("d2", 2)
        ]  # fmt: skip
        threat, truce, meeting, talks = found
        assert threat["condition"] == "if it fails to withdraw by Friday"
        assert truce["window"] == {"text": None, "start": "2026-03-13", "end": "2026-03-26"}
        assert meeting["status"] == "planned" and meeting["window"] is None
        # the days asked: the truce runs into them though it began before
        later = store.reader().planned(date_from=dt.date(2026, 3, 20))
        assert [(v["doc_id"], v["sentence"]) for v in later] == [("d2", 1), ("d2", 2)]
        april = store.reader().planned(date_from=dt.date(2026, 4, 10), date_to=dt.date(2026, 4, 11))
        assert [v["sentence"] for v in april] == [2]


def test_planned_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "s.db"
    with Store(path) as store:
        _made_up_commitments(store)
    assert main(["planned", "--db", str(path), "--from", "2026-03-15", "--json"]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc_id"], r["sentence"]) for r in rows] == [("d2", 1), ("d1", 0), ("d2", 2)]
    assert "3 planned or conditional event(s)" in err
    assert main(["planned", "--db", str(path)]) == 0
    table = capsys.readouterr().out
    assert "2026-03-13 → 2026-03-26" in table and "if it fails to withdraw" in table
    assert main(["planned", "--db", str(path), "--from", "2027-01-01"]) == 1
    assert main(["planned", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database at" in capsys.readouterr().err


def test_the_seed_articles_meeting_and_ceasefire_window(coder, store_url):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    doc = Document(text, id="seed", published=dt.date(2025, 5, 11))
    [result] = list(coder.code([doc]))
    with Store(store_url) as store:
        store.save(result)
        found = store.reader().planned()
    meetings = [v for v in found if v["event_type"] == "CONSULT" and v["date"] == "2025-05-15"]
    assert meetings and all(v["status"] == "planned" for v in meetings)
    assert any({a["name"] for a in v["actor"] + v["recipient"]} >= {"Vladimir Putin"}
               for v in meetings)  # fmt: skip
    # The window is listed once: as the ceasefire event itself where the coder makes one, or on
    # the offer whose condition it is.
    [ceasefire] = [v for v in found if v["window"] and v["window"]["start"] == "2025-05-12"]
    assert ceasefire["window"]["end"] == "2025-06-10"  # 30 days from Monday 12 May, inclusive
    assert "ceasefire" in ceasefire["condition"] and "ceasefire" in ceasefire["text"]
    assert [days(v) for v in found] == sorted(days(v) for v in found)
    assert found.index(ceasefire) < found.index(meetings[0])  # from 12 May; the meeting is 15th
