"""Coreference inside a document (dotterel.actors.coref): pronouns, descriptions, quotations."""

from __future__ import annotations

import datetime as dt

import pytest

from dotterel.actors.kb import KnowledgeBase
from dotterel.actors.resolve import ActorResolver
from dotterel.document import Document

D2025 = dt.date(2025, 5, 11)


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(KnowledgeBase.load())


def document(nlp, resolver, text, on=D2025):
    doc = nlp(text)
    return doc, resolver.document(doc, on)


def token(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def at(doc, actors, text, nth=0):
    """What the document's resolver says the phrase headed by the nth token `text` names."""
    tok = token(doc, text, nth)
    return actors.resolve(doc[tok.left_edge.i : tok.right_edge.i + 1])


def names(actors):
    return [a.name for a in actors]


def codes(actors):
    return [a.code for a in actors]


# -- pronouns ----------------------------------------------------------------------------------


def test_pronoun_takes_the_person_before_it(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "French President Emmanuel Macron arrived in Warsaw. He said talks went on."
    )
    [a] = at(doc, actors, "He")
    assert (a.text, a.name, a.code, a.kb_id) == ("He", "Emmanuel Macron", "FRAGOV", "Q3052772")
    assert a.why == "pronoun 'He' -> Emmanuel Macron (sentence 0)"
    assert doc.text[a.start : a.end] == "He"


def test_subject_is_preferred_to_an_object(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Chancellor Friedrich Merz met Donald Tusk in Berlin, and he promised aid."
    )
    assert names(at(doc, actors, "he")) == ["Friedrich Merz"]
    doc, actors = document(nlp, resolver, "Macron discussed the talks with Merz. He was hopeful.")
    assert names(at(doc, actors, "He")) == ["Emmanuel Macron"]


def test_a_pronoun_chain_keeps_its_first_name(nlp, resolver):
    doc, actors = document(
        nlp,
        resolver,
        "Donald Trump spoke to reporters on Friday. He said a deal was close. "
        "Later he added that he would travel to the region.",
    )
    for nth in range(2):
        [a] = at(doc, actors, "he", nth)
        assert (a.name, a.code) == ("Donald Trump", "USAGOV")
        assert a.why.endswith("(sentence 0)")


def test_an_unknown_person_blocks_a_wrong_antecedent(nlp, resolver):
    doc, actors = document(nlp, resolver, "Anna Kowalczyk met Macron on Monday. She was pleased.")
    assert at(doc, actors, "She") == []


def test_they_for_a_group_and_not_for_things(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Starmer and Merz arrived in Kyiv on Friday. They promised more air defence."
    )
    assert codes(at(doc, actors, "They")) == ["GBRGOV", "DEUGOV"]
    doc, actors = document(nlp, resolver, "Macron discussed the talks with Merz. They will resume.")
    assert at(doc, actors, "They") == []


def test_it_for_a_country(nlp, resolver):
    doc, actors = document(nlp, resolver, "Russia said it would answer the new sanctions.")
    assert codes(at(doc, actors, "it")) == ["RUS"]


def test_possessive_pronoun_gives_its_country_to_a_role_word(nlp, resolver):
    doc, actors = document(nlp, resolver, "Macron said his government would send more aid.")
    assert codes(at(doc, actors, "government")) == ["FRAGOV"]


# -- quotations --------------------------------------------------------------------------------


def test_first_person_in_a_quotation_is_its_speaker(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Starmer said, “I will not accept this.” “We are ready,” Tusk said."
    )
    [i] = at(doc, actors, "I")
    assert (i.name, i.code) == ("Keir Starmer", "GBRGOV")
    assert "quotation of Keir Starmer" in i.why
    [we] = at(doc, actors, "We")
    assert (we.name, we.code, we.country) == (None, "POLGOV", "POL")
    assert [q.speaker[0].name for q in actors.quotes] == ["Keir Starmer", "Donald Tusk"]


def test_he_in_a_quotation_is_not_its_speaker(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Putin rejected the plan. Merz said, “He must accept a ceasefire.”"
    )
    assert names(at(doc, actors, "He")) == ["Vladimir Putin"]


def test_first_person_outside_quotations_names_no_one(nlp, resolver):
    doc, actors = document(nlp, resolver, "Macron spoke first. I think we should listen.")
    assert at(doc, actors, "I") == [] and at(doc, actors, "we") == []


# -- descriptions ------------------------------------------------------------------------------


def test_descriptions_of_earlier_leaders(nlp, resolver):
    doc, actors = document(
        nlp,
        resolver,
        "Vladimir Putin spoke by phone with Recep Tayyip Erdoğan on Sunday. "
        "The Turkish president offered to host talks. The Russian leader declined.",
    )
    [tr] = at(doc, actors, "president")
    assert (tr.name, tr.code, tr.text) == (
        "Recep Tayyip Erdoğan",
        "TURGOV",
        "The Turkish president",
    )
    assert tr.why == "description 'The Turkish president' -> Recep Tayyip Erdoğan (sentence 0)"
    assert names(at(doc, actors, "leader")) == ["Vladimir Putin"]


def test_a_description_with_no_antecedent_takes_the_kb_holder(nlp, resolver):
    doc, actors = document(nlp, resolver, "The French president will travel to Kyiv next week.")
    [a] = at(doc, actors, "president")
    assert (a.name, a.code) == ("Emmanuel Macron", "FRAGOV")
    assert "knowledge base" in a.why
    # 'leader' is not specific enough to pick one holder: the description stays a role.
    doc, actors = document(nlp, resolver, "The Russian leader will travel to Minsk.")
    [a] = at(doc, actors, "leader")
    assert (a.name, a.code) == (None, "RUSGOV")


def test_an_opposition_leader_is_not_the_leader(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Starmer visited Paris. The opposition leader criticised the trip."
    )
    assert names(at(doc, actors, "leader")) == [None]


def test_the_n_leaders(nlp, resolver):
    doc, actors = document(
        nlp,
        resolver,
        "Macron, Merz and Tusk travelled to Kyiv by train. The three leaders met Zelenskyy.",
    )
    three = at(doc, actors, "leaders")
    assert codes(three) == ["FRAGOV", "DEUGOV", "POLGOV"]
    assert {a.text for a in three} == {"The three leaders"}
    doc, actors = document(
        nlp, resolver, "Trump hosted Erdoğan at the White House. Both leaders praised the deal."
    )
    assert names(at(doc, actors, "leaders")) == ["Donald Trump", "Recep Tayyip Erdoğan"]


def test_the_two_countries(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Macron met Tusk in Warsaw. The two countries signed a defence treaty."
    )
    assert sorted(codes(at(doc, actors, "countries"))) == ["FRA", "POL"]


# -- names, outlets, candidates ------------------------------------------------------------------


def test_a_surname_repeats_an_earlier_named_actor(nlp, resolver):
    doc, actors = document(
        nlp,
        resolver,
        "Defence analyst Joanna Pike said the offer was a tactic. Pike added that talks may fail.",
    )
    [a] = at(doc, actors, "Pike", 1)
    assert (a.name, a.code, a.text) == ("Joanna Pike", "---EDU", "Pike")


def test_a_national_outlet_gives_a_country_a_wire_does_not(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Speaking to the BBC, security analyst Tom Rayner said strikes would go on."
    )
    [a] = at(doc, actors, "Rayner")
    assert (a.code, a.country, a.sector) == ("GBREDU", "GBR", ["EDU"])
    assert "BBC" in a.why
    doc, actors = document(
        nlp, resolver, "Security analyst Tom Rayner told Reuters that strikes would go on."
    )
    [a] = at(doc, actors, "Rayner")
    assert (a.code, a.country) == ("---EDU", None)


def test_candidates_are_titled_people_the_kb_lacks(nlp, resolver):
    doc, actors = document(
        nlp,
        resolver,
        "Chilean Foreign Minister Ana Morales met Macron. Morales said they agreed on trade.",
    )
    [c] = actors.candidates
    assert (c.name, c.code, c.country, c.role, c.sentence) == (
        "Ana Morales",
        "CHLGOV",
        "CHL",
        "foreign minister",
        0,
    )
    assert c.evidence == "Chilean Foreign Minister Ana Morales met Macron."


def test_a_document_without_a_parse(resolver):
    import spacy

    doc = spacy.blank("en")("Starmer, Macron and Merz met. He left.")
    actors = resolver.document(doc, D2025)
    assert codes(actors.resolve(doc[0:5])) == ["GBRGOV", "FRAGOV", "DEUGOV"]
    assert actors.resolve(doc[7:8]) == []


# -- through the pipeline ----------------------------------------------------------------------


def test_the_coder_resolves_pronouns_in_events(coder):
    text = (
        "French President Emmanuel Macron arrived in Berlin on Monday. "
        "He met Chancellor Friedrich Merz to discuss the war."
    )
    coded = coder.code_parsed(Document(text, published=D2025), coder.nlp(text))
    actors = [a for e in coded.events for a in e.actor if a.text == "He"]
    assert actors, [e.why for e in coded.events]
    assert {(a.name, a.code) for a in actors} == {("Emmanuel Macron", "FRAGOV")}


def test_a_role_word_takes_the_countries_coreference_finds(nlp, resolver):
    doc, actors = document(
        nlp, resolver, "Macron met Tusk in Warsaw. The leaders of the two countries signed a pact."
    )
    tok = token(doc, "leaders")
    found = actors.resolve(doc[tok.i - 1 : tok.i + 5])  # "The leaders of the two countries"
    assert sorted(codes(found)) == ["FRAGOV", "POLGOV"]


def test_a_role_word_takes_the_place_the_phrase_left_out(nlp, resolver):
    doc, actors = document(nlp, resolver, "Rebels in Mali attacked an army convoy on Sunday.")
    [a] = actors.resolve(doc[0:1])  # the extractor passes "Rebels" without its "in" phrase
    assert (a.code, a.country) == ("MLIREB", "MLI")


def test_an_object_pronoun_is_not_its_own_clauses_subject(coder):
    from datetime import date

    from dotterel.document import Document

    text = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Monday "
        "and urged him to reopen the border."
    )
    [coded] = coder.code([Document(text, published=date(2026, 3, 2))])
    [appeal] = [e for e in coded.events if e.trigger.text == "urged"]
    assert [a.code for a in appeal.actor] == ["KENGOV"]
    assert [(a.code, a.text) for a in appeal.recipient] == [("ETHGOV", "him")]
