"""How the locator does on TRAINING sentences the project annotated itself (never the eval sets).

train/event_locations/*.tsv give, for sentences of ConfliBERT's training split (by line number
in cameo_class_train.tsv; the sentences are not copied into the project), the trigger of the
sentence's main event and the place where it happened as written in the sentence, or "-" when
the sentence does not say (annotation guide: train/event_locations/README.md).

    .venv/bin/python scripts/diagnostics/locations_on_train.py [--show wrong,none,false]
        [--parts '[456]']

Each annotated sentence is coded; the event scored is the one whose trigger overlaps the
annotated trigger, else the most confident. A place is right as in `dotterel eval plover-gsr`
(same name once folded, or the gold name is one of the gazetteer's names for the place).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dotterel.document import Document
from dotterel.eval.locations import coder_aliases, gazetteer_aliases, same_place
from dotterel.pipeline import Coder

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = (
    ROOT.parent / "shared" / "data" / "train" / "conflibert_cameo_train" / "cameo_class_train.tsv"
)


def annotations(pattern: str = "*.tsv") -> list[tuple[int, str, str]]:
    rows = []
    for path in sorted((ROOT / "train" / "event_locations").glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                n, trigger, place = line.split("\t")
                rows.append((int(n), trigger.strip(), place.strip()))
    return rows


def scored_event(events, sentence: str, trigger: str):
    at = sentence.find(trigger) if trigger else -1
    if at >= 0:
        for e in events:
            if e.trigger.start < at + len(trigger) and at < e.trigger.end:
                return e
    return max(events, key=lambda e: e.confidence) if events else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", default="", help="outcomes to list: wrong,none,false,noevent")
    ap.add_argument("--parts", default="*", help="which part files, as a glob: '[123]', '[456]'")
    args = ap.parse_args()
    if not SENTENCES.exists():
        raise SystemExit(f"{SENTENCES} is not here: this diagnostic needs ../shared")
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    rows = annotations(f"part{args.parts}.tsv")
    texts = [lines[n - 1].rsplit("\t", 1)[0] for n, _, _ in rows]
    coder = Coder()
    aliases = coder_aliases(coder) or gazetteer_aliases
    outcome: Counter = Counter()
    show = set(filter(None, args.show.split(",")))
    coded = coder.code(Document(t, id=str(n)) for t, (n, _, _) in zip(texts, rows, strict=True))
    for (n, trigger, gold), text, doc in zip(rows, texts, coded, strict=True):
        e = scored_event(doc.events, text, trigger)
        got = e.location if e else None
        if gold == "-":
            kind = "abstain" if got is None else "false"
        elif e is None:
            kind = "noevent"
        elif got is None:
            kind = "none"
        else:
            kind = "right" if same_place(gold, got.to_record(), aliases) else "wrong"
        outcome[kind] += 1
        if kind in show:
            why = e.why.split("; ")[-1] if e and got else ""
            name = got.name if got else None
            print(f"{kind:7} {n:5} gold={gold!r} got={name!r} trigger={trigger!r} {why}\n   {text}")
    placed = outcome["right"] + outcome["wrong"] + outcome["none"] + outcome["noevent"]
    unplaced = outcome["abstain"] + outcome["false"]
    print(
        f"with a gold place: {outcome['right']}/{placed} right"
        f" ({outcome['right'] / max(placed, 1):.3f}); wrong {outcome['wrong']},"
        f" no location {outcome['none']}, no event {outcome['noevent']}"
    )
    print(f"without one: {outcome['false']}/{unplaced} given a place anyway")


if __name__ == "__main__":
    main()
