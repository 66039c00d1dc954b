"""PLOVER's conventions for future, negated and governed actions (events/recode.py)."""

from datetime import date

from dotterel.document import Document


def _events(coder, text: str):
    [coded] = coder.code([Document(text, published=date(2026, 3, 2))])
    return [(e.event_type, e.cameo, e.status) for e in coded.events]


def test_future_cooperation_is_an_intention(coder):
    events = _events(coder, "Colombia's rebels said they will release the hostages.")
    assert ("AGREE", "035", "planned") in events
    assert not [e for e in events if e[0] == "RETREAT"]


def test_negated_cooperation_is_a_rejection(coder):
    events = _events(coder, "The United States said it will not lift the embargo on Cuba.")
    assert ("REJECT", "124", "reported") in events
    failed = _events(coder, "Chile and Peru failed to reach an agreement on the border.")
    assert [e[:2] for e in failed] == [("REJECT", "127")]


def test_the_content_of_a_threat_is_no_second_event(coder):
    events = _events(coder, "Syria threatened to attack the Turkish border posts.")
    assert [e[0] for e in events] == ["THREATEN"]


def test_a_planned_meeting_stays_a_planned_consult(coder):
    events = _events(coder, "Kenya's president agreed to meet Ethiopia's prime minister.")
    assert ("AGREE", "036", "reported") in events
    assert ("CONSULT", "040", "planned") in events


def test_an_option_under_consideration_is_no_event(coder):
    assert _events(coder, "Japan is considering sending aid to North Korea.") == []
    assert _events(coder, "The envoy expressed concern about the fighting in Gaza.") == []


def test_disasters_and_rescues_are_no_political_events(coder):
    from dotterel.pipeline import Coder

    # The rules code nothing here; the classifier may still add an actorless ASSAULT, which its
    # held-out training data favoured (a known weakness on accidents).
    rules = Coder(classifier=False)
    [coded] = rules.code([Document("A bus plunged into a ravine, killing 22 people.")])
    assert coded.events == []
    # The lexicon codes a deployment of forces, not of rescue boats (the classifier may still
    # read the sentence as a mobilisation: a known weakness).
    sentence = coder.nlp("Authorities in Kerala deployed rescue boats as rivers rose.")
    deployed = next(t for t in sentence if t.text == "deployed")
    assert coder.extractor.lexicon.match(deployed) is None
