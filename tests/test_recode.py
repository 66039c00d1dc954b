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
