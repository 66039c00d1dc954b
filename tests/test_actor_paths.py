"""An event's actor reached through a noun: a message's author, a claimed attack's claimant."""

from datetime import date

from dotterel.document import Document


def _event(coder, text: str, event_type: str):
    [coded] = coder.code([Document(text, published=date(2026, 3, 2))])
    [event] = [e for e in coded.events if e.event_type == event_type]
    return event


def test_the_author_of_a_statement_does_what_it_says(coder):
    event = _event(
        coder, "The European Union issued a statement urging Serbia to release them.", "REQUEST"
    )
    assert [a.code for a in event.actor] == ["IGOEUREEC"]
    assert "subject of 'issued a statement'" in event.why


def test_a_participle_on_other_nouns_keeps_no_actor_from_the_main_verb(coder):
    # "troops" is no message: the senders are not the ones defending.
    [coded] = coder.code([Document("Chad sent troops defending the border with Libya.")])
    defenders = [[a.code for a in e.actor] for e in coded.events if e.trigger.text == "defending"]
    assert ["TCD"] not in defenders


def test_who_claims_an_attack_carried_it_out(coder):
    event = _event(
        coder,
        "Islamic State claimed responsibility for the bombings that killed 300 people.",
        "ASSAULT",
    )
    assert [a.code for a in event.actor] == ["IMGMUSISI"]
    assert "claimed responsibility" in event.why
