"""Splits overlong sentences before the parser, so a pathological document stays affordable.

News sentences are rarely longer than 80 tokens. A run of text with no sentence-final
punctuation for far longer (a 100,000-word "sentence" from a broken page, a table flattened
into one line) costs the parser and every later stage (subtrees, coreference windows) far more
than its share, and its parse is meaningless anyway. This component, placed before the parser,
starts a new sentence after MAX_SENTENCE_TOKENS tokens with no end of sentence; the parser
keeps the boundaries it is given. Ordinary text never reaches the cap, so its parse is
unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "dotterel_sentence_cap"
MAX_SENTENCE_TOKENS = 200
_ENDS = frozenset((".", "!", "?", "\u2026"))


def cap_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> Doc:
    """`doc` with a sentence start forced after each `limit` tokens without a sentence end."""
    run = 0
    for token in doc:
        if run >= limit:
            token.is_sent_start = True
            run = 0
        run += 1
        # A full stop or a blank line may end a sentence: the count starts again after it.
        if token.text in _ENDS or (token.is_space and "\n" in token.text):
            run = 0
    return doc


@Language.component(NAME)
def sentence_cap_component(doc: Doc) -> Doc:
    return cap_sentences(doc)


def add_to(nlp: Language) -> None:
    """Put the cap in `nlp` before its parser (or at the end when it has none)."""
    if NAME in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    else:
        nlp.add_pipe(NAME, first=True)
