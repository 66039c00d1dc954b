"""End to end: documents in, schema-valid event records out, stored once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dotterel.document import Document
from dotterel.schema import event_errors
from dotterel.store.sqlite import Store

from .conftest import ROOT, shared_path

EXAMPLES = ROOT / "examples" / "articles.jsonl"


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _code_examples(coder):
    from dotterel.ingest import read_inputs

    docs = [d for d in read_inputs([str(EXAMPLES)]) if isinstance(d, Document)]
    assert len(docs) == 3
    return list(coder.code(docs))


def test_seed_article_gives_a_ukraine_russia_consult(coder):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    [coded] = coder.code([Document(text, published=date(2025, 5, 11))])
    records = [e.to_record() for e in coded.events]
    assert records
    for record in records:
        assert event_errors(record) == [], record
    consults = [
        e
        for e in coded.events
        if e.event_type == "CONSULT"
        and {"UKR", "RUS"} <= _countries(e.actor) | _countries(e.recipient)
    ]
    assert consults, [(e.event_type, e.actor, e.recipient) for e in coded.events]
    meeting = consults[0]
    assert meeting.status == "planned"
    assert meeting.actor[0].code == "UKRGOV" and meeting.recipient[0].code == "RUSGOV"


def test_examples_code_to_valid_records_with_a_reason(coder):
    coded = _code_examples(coder)
    records = [e.to_record() for c in coded for e in c.events]
    assert len(records) >= 10
    for record in records:
        assert event_errors(record) == [], record
        assert "CAMEO" in record["why"]
        published = {
            "example-1": "2026-03-02", "example-2": "2026-03-04", "example-3": "2026-03-06"
        }[record["doc_id"]]  # fmt: skip
        if record["date_text"] is None:
            assert (record["date"], record["date_precision"]) == (published, "publication")
        else:
            # The examples' own weekdays ("on Wednesday") are their publication days.
            assert (record["date"], record["date_precision"]) == (published, "day")


def test_examples_code_what_a_reader_would(coder):
    coded = {c.document.id: c for c in _code_examples(coder)}
    found = {
        (e.doc_id, e.event_type, e.cameo, tuple(a.code for a in e.actor),
         tuple(a.code for a in e.recipient))
        for c in coded.values() for e in c.events
    }  # fmt: skip
    assert ("example-1", "CONSULT", "040", ("KENGOV",), ("ETHGOV",)) in found
    assert ("example-2", "THREATEN", "132", ("IGOEUREEC",), ("SRB",)) in found
    assert ("example-3", "CONSULT", "041", ("JPNGOV",), ("PHLGOV",)) in found
    planned = [e for e in coded["example-1"].events if e.trigger.text == "meet"]
    assert planned and planned[0].status == "planned" and planned[0].modality.future


def test_event_ids_are_stable_and_unique(coder):
    first = [e.event_id for c in _code_examples(coder) for e in c.events]
    second = [e.event_id for c in _code_examples(coder) for e in c.events]
    assert first == second
    assert len(set(first)) == len(first)


def test_a_sentence_without_political_actors_codes_nothing(coder):
    [coded] = coder.code([Document("The weather was warm and the river rose slowly.")])
    assert coded.events == []
    assert coded.sentences == ["The weather was warm and the river rose slowly."]


def test_the_store_keeps_a_document_once(coder, tmp_path: Path):
    coded = _code_examples(coder)
    events = sum(len(c.events) for c in coded)
    with Store(tmp_path / "events.db") as store:
        for _ in range(2):
            for c in coded:
                store.save(c)
        assert store.count("documents") == 3
        assert store.count("events") == events
        assert store.count("sentences") == sum(len(c.sentences) for c in coded)
        stored = list(store.events())
    assert {r["event_id"] for r in stored} == {e.event_id for c in coded for e in c.events}
    assert all(event_errors(r) == [] for r in stored)
    # The same text without an id hashes to the same document id.
    assert Document("A  text.\n").id == Document("A text.").id


def test_documents_format_carries_every_part(coder):
    [coded] = _code_examples(coder)[:1]
    record = json.loads(json.dumps(coded.to_record()))
    assert set(record) == {
        "doc_id", "title", "published", "events", "entities", "quotes", "times", "places",
        "errors",
    }  # fmt: skip
    assert record["doc_id"] == "example-1"
    assert record["published"] == "2026-03-02"
    assert any(e["label"] == "PERSON" for e in record["entities"])


@pytest.mark.parametrize("broken", ["lexicon", "parse"])
def test_a_failing_document_is_reported_and_the_rest_coded(coder, monkeypatch, broken):
    from dotterel.document import Problem

    good = Document("Kenya accused Ethiopia of arming rebels.", id="good")
    bad = Document("Chile criticised Peru.", id="bad", origin="bad.txt")
    if broken == "lexicon":
        real = coder.code_parsed

        def code_parsed(document, doc):
            if document.id == "bad":
                raise RuntimeError("boom")
            return real(document, doc)

        monkeypatch.setattr(coder, "code_parsed", code_parsed)
    else:
        real_nlp = coder.nlp

        class Fragile:
            meta = real_nlp.meta

            def pipe(self, texts):
                raise ValueError("batch failed")

            def __call__(self, text):
                if "Chile" in text:
                    raise ValueError("cannot parse")
                return real_nlp(text)

        monkeypatch.setattr(coder, "nlp", Fragile())
    problems: list[Problem] = []
    coded = list(coder.code([bad, good], on_problem=problems.append))
    assert [c.document.id for c in coded] == ["good"]
    assert len(problems) == 1 and problems[0].where == "bad.txt"


def _coded(coder, text: str, published: date | None = date(2026, 3, 2)):
    [coded] = coder.code([Document(text, published=published)])
    return coded.events


def test_a_possessed_proposal_is_a_proposed_event(coder):
    [event] = _coded(coder, "The talks followed Kenya's proposal for a border commission.")
    assert (event.event_type, event.status, event.actor[0].code) == ("AGREE", "proposed", "KEN")
    assert event.trigger.text == "proposal"


def test_a_warning_with_an_if_clause_is_a_conditional_threat(coder):
    [event] = _coded(
        coder, "Chile warned that Peru would face sanctions if it closed the border crossings."
    )
    assert event.event_type == "THREATEN"
    assert [a.code for a in event.recipient] == ["PER"]
    assert event.modality.conditional and event.condition.startswith("if it closed")


def test_saying_someone_should_act_is_an_appeal(coder):
    events = _coded(coder, "The Brazilian president said that Argentina should lift the tariffs.")
    appeal = [e for e in events if e.cameo == "020"]
    assert appeal and appeal[0].actor[0].code == "BRAGOV"
    assert [a.code for a in appeal[0].recipient] == ["ARG"]


def test_speaking_to_the_press_is_no_consultation(coder):
    events = _coded(coder, "Speaking to reporters, Japan's foreign minister defended the plan.")
    assert all(e.event_type != "CONSULT" for e in events)


def test_a_light_verb_event_is_coded_once(coder):
    events = _coded(coder, "Israeli troops carried out an attack on Hamas positions in Gaza.")
    assert [(e.event_type, e.trigger.text) for e in events] == [
        ("ASSAULT", "carried out an attack")
    ]
    assert events[0].actor[0].code == "ISRMIL"


def test_a_flood_is_no_actor(coder):
    assert _coded(coder, "Floods killed twelve villagers in northern Kenya on Monday.") == []


def test_force_is_used_against_the_place_it_strikes(coder):
    events = _coded(coder, "Turkish jets bombed villages in northern Iraq on Sunday.")
    assert [(e.event_type, [a.country for a in e.recipient]) for e in events] == [
        ("ASSAULT", ["IRQ"])
    ]
