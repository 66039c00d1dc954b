"""`dotterel code --processes N`: worker processes, input order kept, problems reported."""

from __future__ import annotations

from datetime import date

from dotterel.document import Document
from dotterel.parallel import CoderSettings, choose_processes, code_documents
from dotterel.progress import Progress, estimate_total

ARTICLES = [
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.",
    "The European Union threatened Serbia with new sanctions after police arrested protesters.",
    "Japan pledged aid to the Philippines after the typhoon, the foreign ministry said.",
    "Turkish President Recep Tayyip Erdogan accused Greece of violating the agreement.",
    "Russia and Ukraine agreed to exchange prisoners, the Kremlin said on Friday.",
]


def _documents(n: int) -> list[Document]:
    return [
        Document(f"{ARTICLES[i % len(ARTICLES)]} Report number {i}.", id=f"doc-{i:03d}",
                 published=date(2026, 3, 2))
        for i in range(n)
    ]  # fmt: skip


def _summary(coded) -> list[tuple]:
    return [(c.document.id, [(e.event_type, e.cameo) for e in c.events]) for c in coded]


def test_two_processes_code_as_one_does_in_input_order(coder):
    documents = _documents(20)
    # A document that cannot be parsed, in the middle of a worker's task: reported, the rest kept.
    documents.insert(7, Document(None, id="blank", origin="broken.txt"))  # type: ignore[arg-type]
    problems = []
    settings = CoderSettings(classifier=True)
    parallel = list(code_documents(documents, settings, 2, problems.append))
    alone = list(coder.code(documents, on_problem=lambda p: None))
    assert _summary(parallel) == _summary(alone)
    assert [c.document.id for c in parallel] == [d.id for d in documents if d.id != "blank"]
    assert [p.where for p in problems] == ["broken.txt"]
    assert "could not be parsed" in problems[0].why
    assert any(c.events for c in parallel)


def test_one_process_codes_in_this_process(coder):
    problems = []
    coded = list(code_documents(_documents(3), CoderSettings(), 1, problems.append, coder=coder))
    assert [c.document.id for c in coded] == ["doc-000", "doc-001", "doc-002"]
    assert problems == []


def test_process_count_follows_the_input():
    assert choose_processes(3, None) == 3
    assert choose_processes(0, None) == 1
    # A handful of documents does not pay for a second model load.
    assert choose_processes(None, 5) == 1
    assert choose_processes(None, None) >= 1


def test_the_total_is_counted_cheaply(tmp_path):
    (tmp_path / "a.txt").write_text("One article.", "utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}', "utf-8")
    (tmp_path / ".hidden.txt").write_text("not read", "utf-8")
    assert estimate_total([str(tmp_path)]) == 4
    assert estimate_total([str(tmp_path / "b.jsonl"), "-"]) is None  # stdin cannot be counted
    feed = tmp_path / "f.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "utf-8")
    assert estimate_total([str(feed)]) is None


def test_progress_counts_without_a_terminal():
    with Progress(10, enabled=False) as progress:
        progress.advance()
        progress.advance(2)
    assert progress.done == 3


def test_a_document_over_its_time_budget_is_reported_and_skipped(coder):
    problems = []
    saved = coder.time_budget
    coder.time_budget = 1e-4  # far less than any document takes
    try:
        coded = list(coder.code(_documents(2), on_problem=problems.append))
    finally:
        coder.time_budget = saved
    assert coded == []
    assert [p.where for p in problems] == ["<input>", "<input>"]
    assert all("time budget" in p.why for p in problems)


def test_the_time_budget_setting(monkeypatch, capsys):
    import pytest

    from dotterel.cli import build_parser

    assert build_parser().parse_args(["code", "x"]).time_budget == 60.0
    assert build_parser().parse_args(["code", "x", "--time-budget", "0"]).time_budget is None
    monkeypatch.setenv("DOTTEREL_TIME_BUDGET", "7.5")
    assert build_parser().parse_args(["batch", "in", "out"]).time_budget == 7.5
    monkeypatch.setenv("DOTTEREL_TIME_BUDGET", "soon")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["code", "x"])
    assert "'soon' is not a number of seconds" in capsys.readouterr().err


def test_the_time_budget_holds_outside_the_main_thread():
    # Ray Data codes a worker's batches in a thread of its own, where no signal arrives.
    import threading
    import time

    from dotterel.budget import OverBudget, time_budget

    seen = []

    def work():
        try:
            with time_budget(0.2):
                while True:
                    pass
        except OverBudget as exc:
            seen.append(str(exc))
        with time_budget(10):  # a budget not used up raises nothing, during or after
            time.sleep(0.01)
        seen.append("after")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert seen == ["took longer than 0.2 s", "after"]
