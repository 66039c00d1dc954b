"""Recipients: when the verb's own arguments name no counterpart (events/extract.py)."""

from datetime import date

from dotterel.document import Document


def _events(coder, text: str):
    [coded] = coder.code([Document(text, published=date(2026, 3, 2))])
    return coded.events


def test_the_actor_named_nearest_the_trigger_is_the_recipient(coder):
    [event] = _events(coder, "The African Union imposed sanctions after the coup in Guinea.")
    assert event.event_type == "SANCTION"
    assert [a.code for a in event.recipient] == ["GIN"]
    assert "nearest the trigger" in event.why


def test_no_other_actor_means_no_recipient(coder):
    [event] = _events(coder, "Kenya's foreign minister condemned the attack.")
    assert [a.code for a in event.actor] == ["KENGOV"]
    assert event.recipient == []
