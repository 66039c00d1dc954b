"""The sentence classifier: does a sentence report a political event, and of which PLOVER type?

A linear (softmax) model over two kinds of features that the spaCy parse already gives: the
sentence's mean word vector, and a bag of its lemmas (verbs and the sentence root marked apart).
Two heads share the features: the PLOVER event type (or NONE: nothing PLOVER codes) and the CAMEO
PentaClass (0 statements/appeals, 1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict).

The weights are plain numpy arrays (`.npz`, loaded with allow_pickle=False) and the vocabulary and
labels plain JSON, both under data/models/; `scripts/train_classifier.py` makes them from the
training data, and the card beside them says on what and how well.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_NAME = "sentence_classifier"
NONE = "NONE"
FEATURE_VERSION = 1


@dataclass
class Prediction:
    """What the classifier says about one sentence."""

    event_type: str | None  # None: no political event
    probabilities: dict[str, float] = field(default_factory=dict)  # every label, NONE included
    penta: int | None = None
    penta_probabilities: list[float] = field(default_factory=list)

    @property
    def probability(self) -> float:
        """The probability of the predicted label (of NONE when there is no event)."""
        return self.probabilities.get(self.event_type or NONE, 0.0)

    def p(self, event_type: str | None) -> float:
        return self.probabilities.get(event_type or NONE, 0.0)


def sentence_terms(sent: Span) -> list[str]:
    """The bag-of-words features of a sentence: lemmas, verb lemmas, the root's lemma.

    Verbs are marked apart because the predicate carries most of the event type; negation is
    marked on its verb ("not:attack") because "did not attack" is not an attack.
    """
    terms = []
    for token in sent:
        if not token.is_alpha or token.is_stop and token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        terms.append("w:" + lemma)
        if token.pos_ == "VERB":
            terms.append("v:" + lemma)
            if any(c.dep_ == "neg" for c in token.children):
                terms.append("not:" + lemma)
        if token.dep_ == "ROOT":
            terms.append("root:" + lemma)
    return terms


def sentence_vector(sent: Span) -> np.ndarray:
    """The mean word vector, unit length (zeros where the pipeline has no vectors)."""
    vector = np.asarray(sent.vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class SentenceClassifier:
    """Loaded once per Coder; `predict` takes a batch of sentences."""

    def __init__(
        self,
        labels: list[str],
        vocabulary: list[str],
        weights: dict[str, np.ndarray],
        meta: dict,
    ):
        self.labels = labels
        self.vocabulary = vocabulary
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.w_type = weights["type_w"]
        self.b_type = weights["type_b"]
        self.w_penta = weights.get("penta_w")
        self.b_penta = weights.get("penta_b")
        self.vector_dim = int(meta.get("vector_dim", 0))
        self.vector_scale = float(meta.get("vector_scale", 1.0))
        self.meta = meta

    # -- files ------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | str | None = None) -> SentenceClassifier | None:
        """The model at `path` (a directory or the `.json` file), or None when it is not there."""
        path = Path(path) if path is not None else MODEL_DIR / f"{MODEL_NAME}.json"
        if path.is_dir():
            path = path / f"{MODEL_NAME}.json"
        weights_path = path.with_suffix(".npz")
        if not path.is_file() or not weights_path.is_file():
            return None
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("feature_version") != FEATURE_VERSION:
            return None  # made by an incompatible version: better none than wrong features
        with np.load(weights_path, allow_pickle=False) as npz:
            weights = {k: npz[k] for k in npz.files}
        return cls(meta["labels"], meta["vocabulary"], weights, meta)

    def save(self, path: Path) -> None:
        """Write `<path>.json` (labels, vocabulary, card data) and `<path>.npz` (weights)."""
        path = Path(path).with_suffix(".json")
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = dict(self.meta, labels=self.labels, vocabulary=self.vocabulary)
        meta["feature_version"] = FEATURE_VERSION
        path.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        arrays = {"type_w": self.w_type, "type_b": self.b_type}
        if self.w_penta is not None:
            arrays.update(penta_w=self.w_penta, penta_b=self.b_penta)
        np.savez_compressed(path.with_suffix(".npz"), **arrays)

    # -- features ---------------------------------------------------------------------------------

    def features(self, sentences: Sequence[Span]) -> np.ndarray:
        """The feature matrix: scaled unit mean vector, then the L2-normalised bag of terms."""
        x = np.zeros((len(sentences), self.vector_dim + len(self.vocabulary)), dtype=np.float32)
        for row, sent in enumerate(sentences):
            if self.vector_dim:
                vector = sentence_vector(sent)
                if vector.shape[0] == self.vector_dim:
                    x[row, : self.vector_dim] = vector * self.vector_scale
            cols = {self.index[t] for t in sentence_terms(sent) if t in self.index}
            if cols:
                x[row, [self.vector_dim + c for c in cols]] = 1.0 / np.sqrt(len(cols))
        return x

    def cue_weight(self, verb_lemma: str, event_type: str) -> float:
        """How much the verb says `event_type` to the type head (0 for an unknown verb)."""
        column = self.index.get("v:" + verb_lemma)
        if column is None or event_type not in self.labels:
            return 0.0
        return float(self.w_type[self.vector_dim + column, self.labels.index(event_type)])

    # -- prediction -------------------------------------------------------------------------------

    def predict_features(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        types = _softmax(x @ self.w_type + self.b_type)
        penta = _softmax(x @ self.w_penta + self.b_penta) if self.w_penta is not None else None
        return types, penta

    def predict(self, sentences: Sequence[Span | str]) -> list[Prediction]:
        if not sentences:
            return []
        spans = [s for s in sentences if not isinstance(s, str)]
        if len(spans) != len(sentences):
            spans = self._parse(sentences)
        types, penta = self.predict_features(self.features(spans))
        out = []
        for row in range(len(spans)):
            probs = {label: float(p) for label, p in zip(self.labels, types[row], strict=True)}
            best = self.labels[int(types[row].argmax())]
            prediction = Prediction(None if best == NONE else best, probs)
            if penta is not None:
                prediction.penta = int(penta[row].argmax())
                prediction.penta_probabilities = [float(p) for p in penta[row]]
            out.append(prediction)
        return out

    @staticmethod
    def _parse(sentences: Sequence[Span | str]) -> list[Span]:
        from dotterel import nlp

        pipeline = nlp.load()
        spans = []
        for s in sentences:
            if isinstance(s, str):
                doc = pipeline(s)
                s = doc[:]  # the whole text as one sentence, as it was given
            spans.append(s)
        return spans
