"""Rule events and the sentence classifier's opinion, combined into one calibrated decision.

For each sentence the Coder has the rule coder's events (verb lexicon + parse) and the
classifier's prediction. Here:

- every rule event gets a calibrated confidence from the rule's own score and the classifier's
  probability for the event's type and PentaClass, so one the classifier reads as another type
  ranks lower; all are dropped when the classifier says "no event" with probability
  `drop_none_at` or more (disasters, commentary);
- a sentence with no rule event left, which the classifier confidently types, gets one event of
  that type, when its calibrated confidence reaches `add_at` and no lexicon verb of the sentence
  marks it as a mere statement ("rejected the accusations" is a denial, not a rejection).

The calibration coefficients and the two thresholds are chosen on held-out training data by
`scripts/train_classifier.py` and stored with the model (its "decision" block), never on the
evaluation sets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dotterel.events.classify import NONE, Prediction, SentenceClassifier
from dotterel.events.extract import EventExtractor, Resolve
from dotterel.records import Event

# Until a model says otherwise: these keep rule events nearly as they were.
DEFAULT_RULE_COEF = (0.0, 1.0, 0.0, 0.0)
DEFAULT_CLASSIFIER_COEF = (0.0, 1.0)


def penta_of_cameo(cameo: str | None) -> int | None:
    """CAMEO PentaClass: 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4."""
    if not cameo or not cameo[:2].isdigit():
        return None
    r = int(cameo[:2])
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -60 else 0.0


@dataclass
class Decision:
    """Thresholds and calibration, as stored in the model's "decision" block."""

    drop_none_at: float = 1.01  # above any probability: nothing dropped until tuned
    add_at: float = 1.01  # above any probability: no classifier-only events until tuned
    # Types whose classifier-only events may have no resolved actor ("protesters marched").
    actorless: frozenset[str] = field(default_factory=frozenset)
    rule_coef: tuple[float, ...] = DEFAULT_RULE_COEF
    classifier_coef: tuple[float, ...] = DEFAULT_CLASSIFIER_COEF

    @classmethod
    def from_meta(cls, meta: dict | None) -> Decision:
        if not meta:
            return cls()
        return cls(
            drop_none_at=float(meta.get("drop_none_at", 1.01)),
            add_at=float(meta.get("add_at", 1.01)),
            actorless=frozenset(meta.get("actorless", ())),
            rule_coef=tuple(meta.get("rule_coef", DEFAULT_RULE_COEF)),
            classifier_coef=tuple(meta.get("classifier_coef", DEFAULT_CLASSIFIER_COEF)),
        )

    def to_meta(self) -> dict:
        return {
            "drop_none_at": self.drop_none_at,
            "add_at": self.add_at,
            "actorless": sorted(self.actorless),
            "rule_coef": [round(c, 5) for c in self.rule_coef],
            "classifier_coef": [round(c, 5) for c in self.classifier_coef],
        }


def rule_features(event_type: str, cameo: str | None, base: float, pred: Prediction) -> list[float]:
    """What calibrates a rule event: bias, the classifier's belief in its type and in its
    PentaClass (log-odds), and the rule's own score."""
    penta = penta_of_cameo(cameo)
    p_penta = (
        pred.penta_probabilities[penta] if penta is not None and pred.penta_probabilities else 0.5
    )
    return [1.0, _logit(pred.p(event_type)), _logit(p_penta), base]


def classifier_features(p: float) -> list[float]:
    return [1.0, _logit(p)]


def _apply(coef: tuple[float, ...], features: list[float]) -> float:
    return _sigmoid(sum(c * f for c, f in zip(coef, features, strict=True)))


def rule_confidence(event: Event, pred: Prediction, decision: Decision) -> float:
    return _apply(
        decision.rule_coef, rule_features(event.event_type, event.cameo, event.confidence, pred)
    )


def classifier_confidence(p: float, decision: Decision) -> float:
    return _apply(decision.classifier_coef, classifier_features(p))


def opinion(pred: Prediction) -> str:
    label = pred.event_type or NONE
    return (
        f"sentence classifier: {'no event' if label == NONE else label} (p={pred.probability:.2f})"
    )


def review_rule_events(events: list[Event], pred: Prediction, decision: Decision) -> list[Event]:
    """Recalibrate the rule events of one sentence; none survive a confident "no event"."""
    if pred.p(None) >= decision.drop_none_at:
        return []
    kept = []
    for event in events:
        event.confidence = rule_confidence(event, pred, decision)
        if pred.event_type != event.event_type:
            event.why += f"; {opinion(pred)}, confidence lowered"
        else:
            event.why += f"; {opinion(pred)} agrees"
        kept.append(event)
    return kept


def classifier_candidate(pred: Prediction, decision: Decision) -> tuple[str, float] | None:
    """The type and calibrated confidence of a classifier-only event, or None."""
    if pred.event_type is None:
        return None
    confidence = classifier_confidence(pred.probability, decision)
    if confidence < decision.add_at:
        return None
    return pred.event_type, confidence


@dataclass(frozen=True)
class ClassifierRule:
    """Stands where a lexicon rule would for an event the classifier typed (see extract.py)."""

    event_type: str
    cameo: str
    p: float
    conditions: tuple = ()

    def describe(self) -> str:
        return f"sentence classifier: {self.event_type} (p={self.p:.2f}); no lexicon verb"


def states_only(extractor: EventExtractor, sent: Span) -> bool:
    """Whether a lexicon verb of the sentence codes a statement (CAMEO 01), which PLOVER does
    not code: the rules have read the sentence, and found that it reports no event."""
    for token in sent:
        if token.pos_ == "VERB":
            rule = extractor.lexicon.match(token)
            if rule is not None and extractor.ontology.plover(rule.cameo) is None:
                return True
    return False


def trigger_verb(sent: Span, event_type: str, classifier: SentenceClassifier) -> Token | None:
    """The verb that most says `event_type` to the classifier; else the sentence's root verb."""
    verbs = [t for t in sent if t.pos_ == "VERB"]
    if not verbs:
        return sent.root if sent.root.pos_ in ("VERB", "AUX") else None
    weights = [classifier.cue_weight(v.lemma_.lower(), event_type) for v in verbs]
    best = max(range(len(verbs)), key=lambda i: weights[i])
    if weights[best] > 0:
        return verbs[best]
    return sent.root if sent.root.pos_ == "VERB" else verbs[0]


def code_sentence(
    extractor: EventExtractor,
    classifier: SentenceClassifier | None,
    decision: Decision | None,
    sent: Span,
    pred: Prediction | None,
    sentence_index: int,
    doc_id: str,
    resolve: Resolve,
) -> list[Event]:
    """The events of one sentence: the rules', reviewed by the classifier, or the classifier's."""
    events = extractor.sentence_events(sent, sentence_index, doc_id, resolve)
    if classifier is None or pred is None or decision is None:
        return events
    events = review_rule_events(events, pred, decision)
    if events or states_only(extractor, sent):
        return events
    found = classifier_candidate(pred, decision)
    if found is None:
        return []
    event_type, confidence = found
    verb = trigger_verb(sent, event_type, classifier)
    cameo = extractor.ontology.default_cameo(event_type)
    if verb is None or cameo is None:
        return []
    if event_type == "REQUEST" and pred.penta == 0:
        cameo = "020"  # an appeal rather than a demand, as the PentaClass head reads it
    rule = ClassifierRule(event_type, cameo, pred.probability)
    event = extractor.classifier_event(
        sent,
        verb,
        rule,
        sentence_index,
        doc_id,
        resolve,
        need_actor=event_type not in decision.actorless,
    )
    if event is None:
        return []
    event.confidence = confidence
    return [event]
