"""The Coder: documents in, coded documents out. The one place where the stages meet."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc as SpacyDoc

from dotterel import budget, nlp, sentence_cap
from dotterel.actors.kb import KnowledgeBase
from dotterel.actors.resolve import ActorResolver
from dotterel.attributes import dates, locations
from dotterel.attributes.places import PlaceMention, PlaceResolver, document_countries
from dotterel.attributes.quotes import QuoteFinder, attach_quotes
from dotterel.document import Document, Problem
from dotterel.events.classify import SentenceClassifier
from dotterel.events.decide import Decision, code_sentence
from dotterel.events.extract import EventExtractor
from dotterel.events.lexicon import noun_lexicon, verb_lexicon
from dotterel.events.ontology import ontology
from dotterel.records import Event, Quote


@dataclass
class CodedDocument:
    """A document with everything the stages found in it."""

    document: Document
    events: list[Event] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # stored, not part of the record
    candidates: list = field(default_factory=list)  # new actors for review; stored, not output

    def to_record(self) -> dict:
        doc = self.document
        return {
            "doc_id": doc.id,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "events": [e.to_record() for e in self.events],
            "entities": self.entities,
            "quotes": [q.to_record() for q in self.quotes],
            "times": self.times,
            "places": [p.to_record() for p in self.places],
            "errors": self.errors,
        }


ProblemHandler = Callable[[Problem], None]


def _report_to_stderr(problem: Problem) -> None:
    print(f"dotterel: skipped {problem}", file=sys.stderr)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Coder:
    """Codes documents: parse, resolve actors, extract events, add their attributes.

    The spaCy pipeline, the actor knowledge base and the lexicons are loaded once, here;
    `code()` then streams documents through them in batches.
    """

    def __init__(
        self,
        model: str | None = None,
        kb_files: list[Path] | None = None,
        batch_size: int = 32,
        classifier: bool = True,
        time_budget: float | None = budget.DEFAULT_SECONDS,
    ):
        self.nlp = nlp.load(model)
        sentence_cap.add_to(self.nlp)  # a 100,000-word "sentence" must not stall the parser
        self.resolver = ActorResolver(KnowledgeBase.load(extra=kb_files))
        self.extractor = EventExtractor(verb_lexicon(), ontology(), noun_lexicon())
        # The sentence classifier reviews the rules' events; without its model file the
        # Coder codes with the rules alone.
        self.classifier = SentenceClassifier.load() if classifier else None
        self.decision = (
            Decision.from_meta(self.classifier.meta.get("decision")) if self.classifier else None
        )
        self.quotes = QuoteFinder()
        self.places = PlaceResolver.for_kb(self.resolver.kb)  # the gazetteer loads on first use
        self.batch_size = batch_size
        # Seconds one document may take (its share of a batch's parse, then its coding); None
        # for no limit. Past it the document is reported and skipped (dotterel.budget).
        self.time_budget = time_budget

    @property
    def model_name(self) -> str:
        return f"{self.nlp.meta['name']}-{self.nlp.meta['version']}"

    def code(
        self, documents: Iterable[Document], on_problem: ProblemHandler | None = None
    ) -> Iterator[CodedDocument]:
        """Coded documents in input order; a document that fails is reported and skipped."""
        report = on_problem or _report_to_stderr
        for batch in _batches(documents, self.batch_size):
            for document, parsed in zip(batch, self._parse(batch, report), strict=True):
                if parsed is None:
                    continue
                try:
                    with budget.time_budget(self.time_budget):
                        coded = self.code_parsed(document, parsed)
                except Exception as exc:  # a bug on one document must not end the run
                    report(Problem(document.origin, f"could not be coded ({_reason(exc)})"))
                    continue
                yield coded

    def _parse(self, batch: list[Document], report: ProblemHandler) -> list[SpacyDoc | None]:
        try:
            with budget.time_budget(self.time_budget and self.time_budget * len(batch)):
                return list(self.nlp.pipe(d.text for d in batch))
        except Exception:
            # Find the document that broke the batch (or used up its time), keep the others.
            parsed: list[SpacyDoc | None] = []
            for document in batch:
                try:
                    with budget.time_budget(self.time_budget):
                        parsed.append(self.nlp(document.text))
                except Exception as exc:
                    report(Problem(document.origin, f"could not be parsed ({_reason(exc)})"))
                    parsed.append(None)
            return parsed

    def code_parsed(self, document: Document, doc: SpacyDoc) -> CodedDocument:
        on = document.published
        coded = CodedDocument(document)
        coded.entities = [
            {"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
            for e in doc.ents
        ]

        document_actors = self.resolver.document(doc, on)  # coreference inside the document
        resolve = document_actors.resolve

        sents = list(doc.sents)
        preds = self.classifier.predict(sents) if self.classifier else [None] * len(sents)
        for index, (sent, pred) in enumerate(zip(sents, preds, strict=True)):
            coded.sentences.append(sent.text)
            coded.events.extend(
                code_sentence(
                    self.extractor,
                    self.classifier,
                    self.decision,
                    sent,
                    pred,
                    index,
                    document.id,
                    resolve,
                )  # fmt: skip
            )
        coded.candidates = document_actors.candidates
        # Dates (issue 5): time expressions resolved against the publication date and the tense
        # of their clause; each event takes the one attached to its trigger.
        mentions = dates.doc_times(doc, on)
        dates.date_events(coded.events, doc, mentions, on)
        coded.times = [t.to_record() for t in mentions]
        # Places (issue 5): the places the document names, resolved with its countries; each
        # event takes the place its trigger's phrases tie to it.
        places = self.places.document(doc, document_countries(coded.events, document_actors))
        locations.locate_events(coded.events, doc, places)
        coded.places = [p for p in places if p.place is not None]
        # Quotes (issue 5): quotations and reported speech with their speaker (resolved with the
        # document's coreference) and channel; events inside one carry it.
        coded.quotes = self.quotes.find(doc, document_actors)
        attach_quotes(coded.events, coded.quotes)
        return coded


def _reason(exc: Exception) -> str:
    if isinstance(exc, budget.OverBudget):
        return f"{exc}, the time budget; see --time-budget"
    if os.environ.get("DOTTEREL_DEBUG"):
        traceback.print_exc()
    return f"{type(exc).__name__}: {exc}"
