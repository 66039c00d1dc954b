from pathlib import Path

import pytest

from dotterel.events.lexicon import LexiconError, VerbLexicon, verb_lexicon
from dotterel.events.ontology import ontology


def _match(nlp, sentence: str, verb: str) -> str | None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    rule = verb_lexicon().match(token)
    return rule.cameo if rule else None


def test_every_lexicon_code_is_a_cameo_code_with_a_plover_type():
    lexicon = verb_lexicon()
    for rules in lexicon._rules.values():
        for rule in rules:
            assert ontology().cameo(rule.cameo), f"line {rule.line}: {rule.cameo} unknown"
            assert ontology().plover(rule.cameo), f"line {rule.line}: {rule.cameo} has no PLOVER"


def test_a_pattern_beats_the_plain_verb(nlp):
    assert _match(nlp, "Kenya agreed to meet Ethiopia on Monday.", "agreed") == "036"
    assert _match(nlp, "Kenya agreed with the plan.", "agreed") == "030"
    assert _match(nlp, "The EU imposed sanctions on Serbia.", "imposed") == "163"
    assert _match(nlp, "Chile called for talks with Peru.", "called") == "026"


def test_an_unmatched_pattern_is_no_event(nlp):
    assert _match(nlp, "The ministry imposed a fee on cars.", "imposed") is None


def test_bad_rows_say_where(tmp_path: Path):
    bad = tmp_path / "verbs.tsv"
    bad.write_text("lemma\twhen\tcameo\nmeet\tfoo=bar\t040\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="verbs.tsv:2"):
        VerbLexicon.load(bad)
    bad.write_text("lemma\twhen\tcameo\nmeet\t-\tXYZ\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a CAMEO code"):
        VerbLexicon.load(bad)
