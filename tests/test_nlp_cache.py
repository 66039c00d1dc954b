"""What dotterel.nlp reads once per document gives what spaCy gives on each call."""

from __future__ import annotations

from dotterel.nlp import noun_chunks_in, text_of

TEXT = (
    "The Kenyan president met the Ethiopian prime minister in Nairobi on Monday. "
    "Rebels shelled the northern town overnight, and the army blamed foreign fighters. "
    "A spokesman said the talks on the disputed border would resume next week."
)


def test_noun_chunks_in_a_sentence_are_spacys_own(nlp):
    doc = nlp(TEXT)
    sentences = list(doc.sents)
    assert len(sentences) == 3
    for sent in [*sentences, doc[2:9]]:
        ours = [(c.start, c.end, c.label_, c.text) for c in noun_chunks_in(sent)]
        spacys = [(c.start, c.end, c.label_, c.text) for c in sent.noun_chunks]
        assert ours == spacys and ours, sent.text
    assert text_of(doc) == doc.text
