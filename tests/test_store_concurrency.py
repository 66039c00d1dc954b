"""Concurrent writers: two processes writing overlapping documents into one database lose
nothing and duplicate nothing, on both back ends."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

from dotterel.document import Document
from dotterel.store import Store
from tests.storekit import coded, event

ROOT = Path(__file__).resolve().parent.parent
DOTTEREL = [sys.executable, "-m", "dotterel.cli"]

# Made-up news, six articles; each coding run gets four of them, two in common.
ARTICLES = [
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.",
    "Ethiopian Prime Minister Abiy Ahmed held talks with President William Ruto of Kenya on "
    "Monday in the Kenyan capital.",
    "French President Emmanuel Macron criticised Brazil's president Lula over the trade deal.",
    "Lula met Argentine President Javier Milei in Brasília on Wednesday.",
    "Israeli troops carried out an attack on Hamas positions in Gaza.",
    "Turkish President Recep Tayyip Erdoğan will host Vladimir Putin in Istanbul on Thursday.",
]


def _integrity(store: Store) -> None:
    """Every event linked once, and each linked event's counts are its mentions'."""
    reader = store.reader()
    linked = reader.linked_events(per_page=500)
    mentions = [
        e for item in linked.items for e in reader.linked_event(item["linked_id"])["events"]
    ]
    assert sum(i["mentions"] for i in linked.items) == len(mentions) == store.count("events")
    assert len({e["event_id"] for e in mentions}) == len(mentions)
    for item in linked.items:
        events = reader.linked_event(item["linked_id"])["events"]
        assert item["articles"] == len({e["doc_id"] for e in events})


def test_two_coding_runs_into_one_database(tmp_path, store_url, coder):
    folders = [tmp_path / "run-a", tmp_path / "run-b"]
    for folder, chosen in zip(folders, (ARTICLES[:4], ARTICLES[2:]), strict=True):
        folder.mkdir()
        for i, text in enumerate(chosen):
            (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [
        subprocess.Popen(
            [
                *DOTTEREL,
                "code",
                str(folder),
                "--date",
                "2026-03-09",
                "--db",
                store_url,
                "--format",
                "jsonl",
            ],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for folder in folders
    ]
    results = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err.decode()
        assert b"coded 4 document(s)" in err

    published = dt.date(2026, 3, 9)
    expected = list(coder.code(Document(t + "\n", published=published) for t in ARTICLES))
    with Store(store_url) as store:
        assert store.document_ids() == {c.document.id for c in expected}
        stored = [r["event_id"] for r in store.events()]
        assert sorted(stored) == sorted(e.event_id for c in expected for e in c.events)
        assert store.count("sentences") == sum(len(c.sentences) for c in expected)
        _integrity(store)


RACER = """
import pickle, sys, time
from pathlib import Path
from dotterel.store import Store
url, documents, go, order = sys.argv[1:]
docs = pickle.loads(Path(documents).read_bytes())
while not Path(go).exists():
    time.sleep(0.005)
with Store(url) as store:  # both open a new database at once: one makes the schema
    for _ in range(8):
        for i in map(int, order.split(",")):
            store.save(docs[i])
"""


def _made_up_documents() -> list:
    docs = []
    for i in range(8):
        pair = (["RUSGOV"], ["UKRGOV"]) if i % 2 else (["TURGOV"], ["RUSGOV"])
        day = f"2026-03-{10 + 4 * (i // 4):02d}"  # the 10th, or four days later
        docs.append(coded(f"d{i}", [
            event(f"d{i}", 0, "040", *pair, day),
            event(f"d{i}", 1, "190", ["RUSMIL"], ["UKR"], day, start=50),
        ], day, source=f"outlet {i % 3}"))  # fmt: skip
    return docs


def test_racing_writers_on_overlapping_documents(tmp_path, store_url):
    docs = _made_up_documents()
    (tmp_path / "docs.pickle").write_bytes(pickle.dumps(docs))
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    orders = ["0,1,2,3,4,5", "7,6,5,4,3,2"]  # 2..5 written by both, in opposite orders
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, store_url, str(tmp_path / "docs.pickle"), str(go), order],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for order in orders
    ]
    time.sleep(1.0)  # both started and waiting
    go.touch()
    for racer in racers:
        _, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err.decode()
    with Store(store_url) as store:
        assert store.document_ids() == {d.document.id for d in docs}
        assert store.count("events") == 16 and store.count("event_actors") == 32
        assert store.count("sentences") == sum(len(d.sentences) for d in docs)
        _integrity(store)
        # meetings: TUR-RUS and RUS-UKR on the 10th and on the 14th; the attacks each day
        assert store.count("linked_events") == 6
        sizes = sorted(i["mentions"] for i in store.reader().linked_events().items)
        assert sizes == [2, 2, 2, 2, 4, 4]
