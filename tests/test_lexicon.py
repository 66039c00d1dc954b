from pathlib import Path

import pytest

from dotterel.events.lexicon import NOT_AN_EVENT, LexiconError, VerbLexicon, verb_lexicon
from dotterel.events.ontology import ontology


def _match(nlp, sentence: str, verb: str) -> str | None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    rule = verb_lexicon().match(token)
    return rule.cameo if rule else None


def test_every_lexicon_code_is_a_cameo_code_with_a_plover_type():
    lexicon = verb_lexicon()
    for rules in lexicon._rules.values():
        for rule in rules:
            if rule.cameo == NOT_AN_EVENT:
                assert rule.derived, rule  # hand rows say "not an event" with a 01 code
                continue
            assert ontology().cameo(rule.cameo), f"line {rule.line}: {rule.cameo} unknown"
            # Only the 01 (statement) rows, which exist to block an event, may lack a type.
            assert ontology().plover(rule.cameo) or rule.cameo.startswith("01"), rule


def test_a_pattern_beats_the_plain_verb(nlp):
    assert _match(nlp, "Kenya agreed to meet Ethiopia on Monday.", "agreed") == "036"
    assert _match(nlp, "Kenya agreed with the plan.", "agreed") == "030"
    assert _match(nlp, "The EU imposed sanctions on Serbia.", "imposed") == "163"
    assert _match(nlp, "Chile called for talks with Peru.", "called") == "026"


def test_an_unmatched_pattern_is_no_event(nlp):
    assert _match(nlp, "The ministry imposed a fee on cars.", "imposed") is None


def test_denials_and_no_comment_are_statements_not_events(nlp, coder):
    from dotterel.document import Document

    assert _match(nlp, "Peru rejected the accusations from Chile.", "rejected") == "016"
    assert _match(nlp, "Peru rejected the offer from Chile.", "rejected") == "125"
    [coded] = coder.code([Document("Peru rejected the accusations from Chile.")])
    assert coded.events == []


def test_a_passive_subject_counts_as_the_object(nlp):
    assert _match(nlp, "Sanctions on Iran were lifted in January.", "lifted") == "081"


def test_bad_rows_say_where(tmp_path: Path):
    bad = tmp_path / "verbs.tsv"
    bad.write_text("lemma\twhen\tcameo\nmeet\tfoo=bar\t040\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="verbs.tsv:2"):
        VerbLexicon.load(bad)
    bad.write_text("lemma\twhen\tcameo\nmeet\t-\tXYZ\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a CAMEO code"):
        VerbLexicon.load(bad)


def test_every_noun_code_is_a_cameo_code_with_a_plover_type():
    from dotterel.events.lexicon import noun_lexicon

    for noun, code in noun_lexicon().nouns.items():
        assert ontology().cameo(code) and ontology().plover(code), noun


def test_a_light_verb_carries_the_event_its_object_names(nlp):
    from dotterel.events.lexicon import noun_lexicon

    def noun_event(sentence: str, verb: str):
        token = next(t for t in nlp(sentence) if t.text == verb)
        found = noun_lexicon().match(token)
        return (found[0].cameo, found[1].text) if found else None

    assert noun_event("Rebels launched an attack on the garrison.", "launched") == ("190", "attack")
    assert noun_event("The army carried out airstrikes near Kidal.", "carried") == (
        "195",
        "airstrikes",
    )
    assert noun_event("Both ministers held a phone call on Friday.", "held") == ("041", "call")
    # Not a light verb, so its object names no event.
    assert noun_event("The farmers sold their attack dogs.", "sold") is None
