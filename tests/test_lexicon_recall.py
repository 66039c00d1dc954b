"""Verb patterns and constructions the rule coder used to miss in news text (sentences written
for these tests): money given as aid, tariffs rolled back, a state of emergency lifted, a
deadline given, a ban violated, fights named with their sides ("clashes between X and Y"), and
subjects reached through 'is willing to' or 'is guilty of'."""

import pytest

from dotterel.document import Document
from dotterel.events.lexicon import verb_lexicon


def _match(nlp, sentence: str, verb: str) -> str | None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    rule = verb_lexicon().match(token)
    return rule.cameo if rule else None


@pytest.mark.parametrize(
    "sentence, verb, cameo",
    [
        ("Japan gave $5 million to Kenya.", "gave", "071"),
        ("Norway donated 3 million euros to Haiti.", "donated", "071"),
        ("Canada earmarked 2 million dollars in aid for Haiti.", "earmarked", "071"),
        ("Spain gave rifles to the Malian army.", "gave", "072"),
        ("Chile suspended food supplies to Bolivia.", "suspended", "162"),
        ("Peru reduced humanitarian aid to Ecuador.", "reduced", "162"),
        ("Mexico rolled back tariffs on Canadian steel.", "rolled", "085"),
        ("Egypt lifted the state of emergency.", "lifted", "0814"),
        ("May gave Putin a deadline.", "gave", "139"),
        ("Iran violated a ban on missile tests.", "violated", "128"),
        ("Police fired tear gas at the crowd.", "fired", "175"),
        ("Indian troops remained on alert near the border.", "remained", "152"),
        ("The rebels said they will lay down their arms.", "lay", "0873"),
    ],
)
def test_a_pattern_from_the_codebook(nlp, sentence, verb, cameo):
    assert _match(nlp, sentence, verb) == cameo


def test_money_given_as_a_gift_of_words_is_no_aid(nlp):
    # "gave a speech" names no aid: the aid rows of 'give' must not fire.
    assert _match(nlp, "Obama gave a speech to business leaders.", "gave") is None


def test_condolences_stay_a_statement(coder):
    [coded] = coder.code([Document("Brazil expressed condolences to Bangladesh over the fire.")])
    assert coded.events == []


def test_the_subject_of_is_willing_to_acts_and_the_act_is_an_intention(coder):
    [coded] = coder.code([Document("Canada is willing to send troops to Mali.")])
    [event] = coded.events
    assert [a.text for a in event.actor] == ["Canada"]
    assert event.event_type == "AGREE" and event.status == "planned"


def test_not_willing_is_a_refusal_by_the_subject(coder):
    # The copula's "not" negates the act: PLOVER codes negated cooperation as a rejection.
    [coded] = coder.code([Document("Canada is not willing to send troops to Mali.")])
    [event] = coded.events
    assert event.event_type == "REJECT"
    assert [a.text for a in event.actor] == ["Canada"]
    assert "negated" in event.why


def test_the_subject_of_is_guilty_of_violating_is_the_actor(coder):
    [coded] = coder.code([Document("Greece is guilty of violating the ceasefire with Turkey.")])
    [event] = coded.events
    assert event.cameo == "196"
    assert [a.text for a in event.actor] == ["Greece"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Clashes between Sudanese troops and rebels continued in Khartoum.", "Clashes"),
        ("Fighting broke out between Sudanese troops and rebels in Khartoum.", "Fighting"),
    ],
)
def test_a_fight_names_its_sides_with_between(coder, text, trigger):
    # both sides wage it, as PLOVER codes a reciprocal act; the happening verb ("broke out")
    # is the noun's event, not a second one
    [coded] = coder.code([Document(text)])
    [event] = coded.events
    assert (event.event_type, event.trigger.text) == ("ASSAULT", trigger)
    assert [a.text for a in event.actor] == ["Sudanese troops", "rebels"]
    assert event.recipient == []
    assert "actor from the 'between' phrase" in event.why


def test_a_verb_acting_on_an_event_with_sides_is_an_event_of_its_own(coder):
    # only a verb that says the event happened ("broke out") is folded into the noun's event
    [coded] = coder.code(
        [Document("The agreement between Iran and the IAEA was rejected by Israel.")]
    )
    rejected = [e for e in coded.events if e.trigger.text == "rejected"]
    assert [a.text for e in rejected for a in e.actor] == ["Israel"]
