"""PolNeAR (political news attribution relations): speaker attribution of quotes, scored.

The set (../shared/data/eval/polnear, train and dev splits) marks every attribution in 924
articles from the 2016 US election: its Source (the speaker's words), Cue and Content, as
character offsets into the article. This module reads it (`load_polnear`), codes the articles'
quotes with the Coder's own quote finder (`run_polnear`) and scores them (`quote_scores`):

* **Words.** Spans are compared by their words (runs of letters and digits), so spaces,
  punctuation and quotation marks at the edges do not matter.
* **Content match.** A predicted quote covers a gold attribution when it holds at least half
  of the words of the gold Content (discontinuous Content: all its parts together). The gold
  attribution's match is the covering quote holding most of those words (the first on a tie).
* **Speaker match.** The match's `speaker_span` (the words naming the speaker: "he", "a
  campaign spokesman", "Trump") shares at least one word with the gold Source span. A pronoun
  counts as the words it is: "he" matches the gold "he", not the name it stands for.
* **Speaker P/R/F1** (the headline), over gold attributions that have a Source and a match:
  correct = the speaker matches; wrong = a speaker span that does not; none = no speaker span.
  P = correct / (correct + wrong), R = correct / (correct + wrong + none).
* **Content P/R/F1**: R = gold attributions (all of them) with a match / gold attributions;
  P = predicted quotes that are some gold attribution's match / predicted quotes.
* **End to end**: correct / gold attributions with a Source: a quote found and its speaker right.

Documents annotated by several annotators are read once, with the annotations of the first
annotator id in sorted order, so that no attribution is counted twice. Attributions without a
Source (the set's implicit sources) count for content only.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Any

from dotterel.document import Document
from dotterel.eval.sets import EvalDataError, EvalItem, _parse_date

_WORD = re.compile(r"\w+")
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d\d-\d\d)_")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans  # empty: the set gives no explicit source
    source_text: str = ""
    content_text: str = ""


@dataclass(frozen=True)
class PredictedQuote:
    start: int
    end: int
    speaker: tuple[int, int] | None  # the speaker's words (Quote.speaker_span), if any


@dataclass
class QuoteScores:
    """Counts over the whole set; ratios are 0.0 where their denominator is 0."""

    documents: int = 0
    gold: int = 0
    gold_sourced: int = 0
    predicted: int = 0
    matched_gold: int = 0  # gold attributions with a matching predicted quote
    matching_predicted: int = 0  # predicted quotes that are some gold attribution's match
    correct: int = 0
    wrong: int = 0
    none: int = 0

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_precision(self) -> float:
        return self._ratio(self.correct, self.correct + self.wrong)

    @property
    def speaker_recall(self) -> float:
        return self._ratio(self.correct, self.correct + self.wrong + self.none)

    @property
    def speaker_f1(self) -> float:
        return self._f1(self.speaker_precision, self.speaker_recall)

    @property
    def content_precision(self) -> float:
        return self._ratio(self.matching_predicted, self.predicted)

    @property
    def content_recall(self) -> float:
        return self._ratio(self.matched_gold, self.gold)

    @property
    def content_f1(self) -> float:
        return self._f1(self.content_precision, self.content_recall)

    @property
    def end_to_end(self) -> float:
        return self._ratio(self.correct, self.gold_sourced)


# --- reading the set ------------------------------------------------------------------------------


def _spans(value: object, where: str) -> Spans:
    """'716 720' or '120 211;230 250' -> ((716, 720),) / ((120, 211), (230, 250))."""
    if not value:
        return ()
    try:
        parts = [tuple(int(x) for x in part.split()) for part in str(value).split(";")]
    except ValueError as exc:
        raise EvalDataError(f"{where}: bad offsets {value!r}") from exc
    if any(len(p) != 2 or p[0] > p[1] for p in parts):
        raise EvalDataError(f"{where}: bad offsets {value!r}")
    return tuple((p[0], p[1]) for p in parts)


def _dates(metadata: Path) -> dict[str, date]:
    if not metadata.is_file():
        return {}
    out = {}
    with metadata.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            when = _parse_date(row.get("publication_date"))
            if when and row.get("filename"):
                out[row["filename"]] = when
    return out


def load_polnear(path: Path) -> list[EvalItem]:
    """One item per article of the splits the jsonl names: its text (`{split}/text/{doc}.txt`
    beside the jsonl), its publication date (metadata.tsv, else the date in the file name) and
    its attributions."""
    rows: dict[tuple[str, str], dict[str, list[dict]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"{path}: cannot read: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            key = (str(row["split"]), str(row["doc"]))
            annotator = str(row.get("annotator") or "")
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalDataError(f"{path}:{n}: {exc}") from exc
        row["_line"] = n
        rows.setdefault(key, {}).setdefault(annotator, []).append(row)
    dates = _dates(path.parent / "metadata.tsv")
    # Every article of the splits, also one with no attribution at all (its quotes count as
    # predicted quotes that match nothing).
    for split in {split for split, _ in rows}:
        for text_path in (path.parent / split / "text").glob("*.txt"):
            rows.setdefault((split, text_path.stem), {})
    items = []
    for (split, doc), by_annotator in sorted(rows.items()):
        text_path = path.parent / split / "text" / f"{doc}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvalDataError(f"{text_path}: cannot read: {exc}") from exc
        first = min(by_annotator, default="")
        gold = []
        for row in by_annotator.get(first, []):
            where = f"{path}:{row['_line']}"
            content = _spans(row.get("content_offsets"), where)
            if not content:
                continue
            gold.append(
                GoldAttribution(
                    content=content,
                    source=_spans(row.get("source_offsets"), where),
                    source_text=str(row.get("source") or ""),
                    content_text=str(row.get("content") or ""),
                )
            )
        named = _DATE_IN_NAME.search(f"_{doc}_")
        published = dates.get(doc) or (_parse_date(named.group(1)) if named else None)
        items.append(EvalItem(id=f"{split}/{doc}", text=text, date=published, attributions=gold))
    return items


# --- scoring --------------------------------------------------------------------------------------


def _words(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """The start offsets of the words inside `spans`."""
    out: set[int] = set()
    for start, end in spans:
        out.update(m.start() + start for m in _WORD.finditer(text[start:end]))
    return out


def quote_scores(
    items: Sequence[EvalItem], predicted: Mapping[str, Sequence[PredictedQuote]]
) -> QuoteScores:
    """Score predicted quotes against the items' gold attributions (module docstring)."""
    s = QuoteScores(documents=len(items))
    for item in items:
        preds = list(predicted.get(item.id, ()))
        pred_words = [_words(item.text, [(p.start, p.end)]) for p in preds]
        matching: set[int] = set()
        s.predicted += len(preds)
        for g in item.attributions:
            s.gold += 1
            s.gold_sourced += bool(g.source)
            want = _words(item.text, g.content)
            if not want:
                continue
            best, best_hits = None, 0
            for n, words in enumerate(pred_words):
                hits = len(want & words)
                if hits * 2 >= len(want) and hits > best_hits:
                    best, best_hits = n, hits
            if best is None:
                continue
            s.matched_gold += 1
            matching.add(best)
            if not g.source:
                continue
            speaker = preds[best].speaker
            if speaker is None:
                s.none += 1
            elif _words(item.text, [speaker]) & _words(item.text, g.source):
                s.correct += 1
            else:
                s.wrong += 1
        s.matching_predicted += len(matching)
    return s


# --- running --------------------------------------------------------------------------------------


def predicted_quotes(quotes: Sequence[Any]) -> list[PredictedQuote]:
    """What scoring reads of the coder's `Quote`s."""
    out = []
    for q in quotes:
        span = q.speaker_span
        out.append(PredictedQuote(q.start, q.end, (span.start, span.end) if span else None))
    return out


def code_quotes(coder: Any, docs: Sequence[Document], problems: list[str]) -> dict[str, list]:
    """Each document's quotes, as the Coder finds them.

    Quotes need only the parse and the document's actors (Coder.code_parsed finds them from
    nothing else), so a Coder is asked for just those, which codes the set's 924 articles in
    minutes rather than the better part of an hour; a test checks that this gives the same
    quotes as `Coder.code`. Any other coder is asked through `code()`.
    """
    out: dict[str, list] = {}
    if not all(hasattr(coder, name) for name in ("nlp", "resolver", "quotes")):
        for coded in coder.code(docs, on_problem=lambda p: problems.append(str(p))):
            out[coded.document.id] = list(getattr(coded, "quotes", []))
        return out
    for document, doc in zip(docs, coder.nlp.pipe(d.text for d in docs), strict=True):
        try:
            actors = coder.resolver.document(doc, document.published)
            out[document.id] = coder.quotes.find(doc, actors)
        except Exception as exc:  # one article's failure must not end the run
            problems.append(f"{document.origin}: could not be coded ({type(exc).__name__}: {exc})")
    return out


def run_polnear(name: str, items: Sequence[EvalItem], coder: Any) -> Any:
    from dotterel.eval.metrics import SetResult

    docs = [
        Document(id=item.id, text=item.text, published=item.date, origin=f"{name}:{item.id}")
        for item in items
    ]
    problems: list[str] = []
    start = perf_counter()
    found = code_quotes(coder, docs, problems)
    seconds = perf_counter() - start
    preds = {doc_id: predicted_quotes(qs) for doc_id, qs in found.items()}
    scores = quote_scores(items, preds)
    return SetResult(
        name=name,
        items=len(items),
        gold_events=0,
        predicted_events=0,
        seconds=seconds,
        quotes=scores,
        problems=problems,
        uncoded=sum(1 for item in items if item.id not in found),
    )
