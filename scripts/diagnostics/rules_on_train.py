"""How the rule coder does on the TRAINING data (never the evaluation sets).

The numbers quoted in commit messages and notes for lexicon and argument rules come from here:

    .venv/bin/python scripts/diagnostics/rules_on_train.py            # rules only
    .venv/bin/python scripts/diagnostics/rules_on_train.py --classifier

1. ConfliBERT's training split (PentaClass labels): the PentaClass of the most confident event
   against the label (no event counts as wrong), and coverage (sentences with an event).
2. The project's own no-event sentences (train/own_sentences.tsv, NONE rows): how many get an
   event (false events).
3. NGEC's synthetic stories (every fourth, first sentence; silver labels from the prompt): the
   most confident event's PLOVER type against the label, and the share with any event.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterable
from pathlib import Path

from dotterel.document import Document
from dotterel.eval.metrics import penta_class
from dotterel.pipeline import Coder

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT.parent / "shared" / "data" / "train"


def _code(coder: Coder, texts: Iterable[str]):
    return coder.code(Document(t, id=str(i)) for i, t in enumerate(texts))


def conflibert(coder: Coder) -> str:
    path = TRAIN / "conflibert_cameo_train" / "cameo_class_train.tsv"
    rows = [line.rsplit("\t", 1) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [(text, label) for text, label in rows if text.strip()]
    right = covered = 0
    for (_, label), coded in zip(rows, _code(coder, (t for t, _ in rows)), strict=True):
        events = [e for e in coded.events if penta_class(e.cameo)]
        if events:
            covered += 1
            right += penta_class(max(events, key=lambda e: e.confidence).cameo) == label
    n = len(rows)
    return f"conflibert-train PentaClass {right / n:.3f}, coverage {covered / n:.3f} (n={n})"


def own_none(coder: Coder) -> str:
    lines = (ROOT / "train" / "own_sentences.tsv").read_text(encoding="utf-8").splitlines()
    texts = [line.split("\t", 1)[1].strip() for line in lines if line.startswith("NONE\t")]
    false = sum(bool(c.events) for c in _code(coder, texts))
    return f"own no-event sentences with an event: {false}/{len(texts)}"


def ngec(coder: Coder) -> str:
    path = TRAIN / "ngec_synthetic_silver" / "gpt_synthetic_events_2023-10-19_19.csv"
    csv.field_size_limit(10**9)
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[::4]
    firsts = [re.split(r"(?<=[.!?])\s+", r["text"].strip())[0] for r in rows]
    right = anything = 0
    for row, coded in zip(rows, _code(coder, firsts), strict=True):
        if coded.events:
            anything += 1
            best = max(coded.events, key=lambda e: e.confidence)
            right += best.event_type == row["label"].upper()
    n = len(rows)
    return f"NGEC first sentence type {right / n:.3f} (any event {anything / n:.3f}, n={n})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--classifier", action="store_true", help="rules and classifier")
    args = parser.parse_args()
    if not TRAIN.is_dir():
        parser.error(f"training data not found: {TRAIN}")
    coder = Coder(classifier=args.classifier)
    for measure in (conflibert, own_none, ngec):
        print(measure(coder), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
