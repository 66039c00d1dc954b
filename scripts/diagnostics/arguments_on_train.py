"""Do the rule coder's actors and recipients match ConfliBERT's TRAINING NER spans?

    .venv/bin/python scripts/diagnostics/arguments_on_train.py --side target
    .venv/bin/python scripts/diagnostics/arguments_on_train.py --side source

For every training sentence with a gold source (S) or target (T) span, the rules-only coder's
events are put in one bucket: *no event*; *none* (no event has an actor on that side); *ok* (one
has an actor inside the gold span, or with the code the gold span resolves to); *wrong*. Each
bucket is split by whether the knowledge base resolves the gold span at all (kb_ok / kb_none).
`--show BUCKET,KB` prints a sample of that bucket's sentences. Never run on evaluation data.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

from dotterel.document import Document
from dotterel.pipeline import Coder

ROOT = Path(__file__).resolve().parents[2]
NER = ROOT.parent / "shared" / "data" / "train" / "conflibert_cameo_train" / "cameo_ner_train.txt"


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    found, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                found.append(current)
            current = []
            continue
        token, _, tag = line.rpartition(" ")
        current.append((token, tag))
    if current:
        found.append(current)
    return found


def as_text(tokens: list[tuple[str, str]], kind: str) -> tuple[str, tuple[int, int] | None]:
    """The sentence with single spaces between tokens, and the character span of `kind`."""
    text, offsets = "", []
    for token, _ in tokens:
        text += " " if text else ""
        offsets.append((len(text), len(text) + len(token)))
        text += token
    marked = [k for k, (_, tag) in enumerate(tokens) if tag.endswith("-" + kind)]
    if not marked:
        return text, None
    return text, (offsets[marked[0]][0], offsets[marked[-1]][1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--side", choices=("source", "target"), default="target")
    parser.add_argument("--show", help="a bucket to print, e.g. none,kb_ok")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not NER.is_file():
        parser.error(f"training data not found: {NER}")
    kind, side = ("S", "actor") if args.side == "source" else ("T", "recipient")
    coder = Coder(classifier=False)
    counts: Counter = Counter()
    samples = defaultdict(list)
    for number, tokens in enumerate(sentences(NER)):
        text, gold = as_text(tokens, kind)
        if gold is None:
            continue
        [coded] = coder.code([Document(text, id=str(number))])
        doc = coder.nlp(text)
        resolve = coder.resolver.document(doc, None).resolve
        span = doc.char_span(*gold, alignment_mode="expand")
        gold_codes = {a.code for a in resolve(span)} if span is not None else set()
        kb = "kb_ok" if gold_codes else "kb_none"
        found = [a for e in coded.events for a in getattr(e, side)]
        if not coded.events:
            bucket = "no_event"
        elif not found:
            bucket = "none"
        elif any(
            gold[0] - 1 <= a.start and a.end <= gold[1] + 1 or a.code in gold_codes for a in found
        ):
            bucket = "ok"
        else:
            bucket = "wrong"
        counts[bucket, kb] += 1
        samples[bucket, kb].append((text, text[gold[0] : gold[1]], [a.text for a in found]))
    for key, n in sorted(counts.items()):
        print(*key, n)
    print("ok in all:", sum(n for (b, _), n in counts.items() if b == "ok"), "of", counts.total())
    if args.show:
        random.seed(args.seed)
        chosen = samples[tuple(args.show.split(","))]
        for text, gold_text, found in random.sample(chosen, min(30, len(chosen))):
            print("-", text[:200], "\n   gold:", gold_text, " found:", found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
