"""The sentence classifier, its combination with the rule coder, and its training script."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date

import numpy as np
import pytest

from dotterel.document import Document
from dotterel.events import classify
from dotterel.events.classify import NONE, Prediction, SentenceClassifier
from dotterel.events.decide import (
    Decision,
    classifier_candidate,
    penta_of_cameo,
    review_rule_events,
)
from dotterel.records import Actor, Event, Span

from .conftest import FIXTURES, ROOT

TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "train_classifier", ROOT / "scripts" / "train_classifier.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _prediction(probs: dict[str, float], penta: int | None = None) -> Prediction:
    full = {t: 0.0 for t in [*TYPES, NONE]}
    rest = (1 - sum(probs.values())) / (len(full) - len(probs))
    full.update({t: rest for t in full if t not in probs})
    full.update(probs)
    best = max(full, key=full.get)
    pentas = [0.2] * 5 if penta is None else [0.9 if k == penta else 0.025 for k in range(5)]
    return Prediction(None if best == NONE else best, full, penta, pentas)


def _event(event_type: str, cameo: str, confidence: float = 0.7) -> Event:
    return Event(
        doc_id="d",
        sentence=0,
        text="Russia attacked Ukraine.",
        trigger=Span("attacked", 7, 15),
        event_type=event_type,
        cameo=cameo,
        actor=[Actor("Russia", "RUS")],
        confidence=confidence,
        why="verb 'attack' -> CAMEO 190 (Use conventional military force)",
    )


# -- loading ---------------------------------------------------------------------------------------


def test_a_missing_model_loads_as_none(tmp_path):
    assert SentenceClassifier.load(tmp_path / "nothing-here.json") is None
    assert SentenceClassifier.load(tmp_path) is None


def test_the_coder_codes_without_a_model(monkeypatch, tmp_path):
    from dotterel.pipeline import Coder

    monkeypatch.setattr(classify, "MODEL_DIR", tmp_path)
    coder = Coder()
    assert coder.classifier is None
    [coded] = coder.code(
        [Document("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.")]
    )
    assert [e.event_type for e in coded.events] == ["CONSULT"]


def test_the_shipped_model_loads():
    model = SentenceClassifier.load()
    assert model is not None, "run `make train` to build src/dotterel/data/models/"
    assert set(model.labels) == {*TYPES, NONE}
    assert model.w_type.shape == (model.vector_dim + len(model.vocabulary), len(model.labels))
    assert "decision" in model.meta


# -- predictions on our own sentences --------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    found = SentenceClassifier.load()
    if found is None:
        pytest.skip("no shipped model")
    return found


def test_a_protest_is_a_protest(model, nlp):
    doc = nlp("Thousands of protesters marched through the capital demanding the president resign.")
    [pred] = model.predict([doc[:]])
    assert pred.event_type == "PROTEST", pred.probabilities
    assert pred.penta == 4
    assert abs(sum(pred.probabilities.values()) - 1) < 1e-5


def test_an_earthquake_is_no_event(model):
    [pred] = model.predict(
        ["A magnitude 6.2 earthquake struck the coastal province on Tuesday, killing 14 people."]
    )
    assert pred.event_type is None, pred.probabilities
    assert pred.p(None) == pred.probability


def test_predict_takes_a_batch_of_spans(model, nlp):
    doc = nlp("Rebels shelled the town. The stock market rose. Police arrested ten activists.")
    preds = model.predict(list(doc.sents))
    assert len(preds) == 3
    assert preds[1].event_type is None
    assert model.predict([]) == []


# -- combining with the rules ----------------------------------------------------------------------

DECISION = Decision(
    drop_none_at=0.8,
    add_at=0.6,
    actorless=frozenset({"PROTEST"}),
    rule_coef=(0.0, 1.0, 0.0, 0.0),  # confidence = the classifier's p of the event's type
    classifier_coef=(0.0, 1.0),  # confidence = the classifier's p
)


def test_a_confident_no_event_drops_the_rule_event():
    pred = _prediction({NONE: 0.9})
    assert review_rule_events([_event("ASSAULT", "190")], pred, DECISION) == []


def test_a_confirmed_rule_event_is_kept_with_the_classifiers_word():
    pred = _prediction({"ASSAULT": 0.8})
    [kept] = review_rule_events([_event("ASSAULT", "190")], pred, DECISION)
    assert kept.confidence == pytest.approx(0.8, abs=1e-3)
    assert "sentence classifier: ASSAULT (p=0.80) agrees" in kept.why


def test_a_contradicted_rule_event_loses_confidence():
    pred = _prediction({"PROTEST": 0.55, "ASSAULT": 0.35})
    [kept] = review_rule_events([_event("ASSAULT", "190", 0.9)], pred, DECISION)
    assert kept.confidence == pytest.approx(0.35, abs=1e-3)
    assert "confidence lowered" in kept.why


def test_the_pentaclass_head_can_back_a_rule_event():
    decision = Decision(rule_coef=(0.0, 0.0, 1.0, 0.0))
    event = _event("ASSAULT", "190")
    [kept] = review_rule_events([event], _prediction({"ASSAULT": 0.4}, penta=4), decision)
    assert kept.confidence == pytest.approx(0.9, abs=1e-3)
    assert (
        penta_of_cameo("190") == 4 and penta_of_cameo("036") == 1 and penta_of_cameo(None) is None
    )


def test_classifier_only_events_need_a_confident_type():
    assert classifier_candidate(_prediction({"PROTEST": 0.7}), DECISION) == ("PROTEST", 0.7)
    assert classifier_candidate(_prediction({"PROTEST": 0.5}), DECISION) is None
    assert classifier_candidate(_prediction({NONE: 0.9}), DECISION) is None


def test_decision_round_trips_through_the_model_file():
    again = Decision.from_meta(DECISION.to_meta())
    assert again == DECISION
    assert Decision.from_meta(None).add_at > 1  # untuned: no classifier-only events


def test_the_coder_adds_a_protest_the_rules_miss(coder, monkeypatch):
    if coder.classifier is None:
        pytest.skip("no shipped model")
    # As if the lexicon knew no verb of the sentence.
    monkeypatch.setattr(coder.extractor, "sentence_events", lambda *args: [])
    text = "Thousands of protesters marched through the capital demanding the president resign."
    [coded] = coder.code([Document(text, published=date(2025, 5, 11))])
    assert [e.event_type for e in coded.events] == ["PROTEST"]
    [event] = coded.events
    assert event.why.startswith("sentence classifier: PROTEST")
    assert event.cameo == "140"
    assert 0 < event.confidence <= 1
    assert event.trigger.text == "marched"
    assert [a.role for a in event.actor] == ["protesters"]


def test_a_statement_verb_keeps_the_classifier_out(coder):
    # "rejected the accusations" is a denial (CAMEO 016), a statement PLOVER does not code.
    [coded] = coder.code([Document("Peru rejected the accusations from Chile.")])
    assert coded.events == []


def test_the_coder_codes_nothing_for_an_earthquake(coder):
    text = "A magnitude 6.2 earthquake struck the coastal province on Tuesday, killing 14 people."
    [coded] = coder.code([Document(text)])
    assert coded.events == []


# -- training --------------------------------------------------------------------------------------


def test_training_on_a_tiny_set_makes_a_loadable_model(tmp_path):
    script = _load_script()
    train_dir = FIXTURES / "train"
    args = ["--train-dir", str(train_dir), "--own", str(train_dir / "own.tsv")]
    args += [
        "--model",
        "en_core_web_sm",
        "--epochs",
        "40",
        "--min-count",
        "1",
        "--date",
        "2026-01-01",
    ]
    assert script.main([*args, "--out", str(tmp_path / "a" / "m")]) == 0
    assert script.main([*args, "--out", str(tmp_path / "b" / "m")]) == 0
    first = SentenceClassifier.load(tmp_path / "a" / "m.json")
    second = SentenceClassifier.load(tmp_path / "b" / "m.json")
    assert first is not None and second is not None
    assert (tmp_path / "a" / "README.md").read_text(encoding="utf-8").startswith("# dotterel")
    # The same data give the same model.
    assert first.vocabulary == second.vocabulary
    assert np.array_equal(first.w_type, second.w_type)
    [pred] = first.predict(["Students marched through the city to protest against fees."])
    assert set(pred.probabilities) == {*TYPES, NONE}
    # Where the pipeline has no word vectors (sm), the bag of words alone decides.
    assert first.vector_dim in (0, 96, 300)
