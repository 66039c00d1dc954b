"""The seed article, coded as an analyst would read it (issue 4's list)."""

from __future__ import annotations

from datetime import date

import pytest

from dotterel.document import Document

from .conftest import shared_path


@pytest.fixture(scope="module")
def events(coder):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    [coded] = coder.code([Document(text, id="seed", published=date(2025, 5, 11))])
    return coded.events


def _codes(actors) -> set[str]:
    return {a.code for a in actors}


def _find(events, **want):
    found = []
    for e in events:
        if "type" in want and e.event_type not in want["type"]:
            continue
        if "actor" in want and not want["actor"] & _codes(e.actor):
            continue
        if "recipient" in want and not want["recipient"] & _codes(e.recipient):
            continue
        found.append(e)
    return found


def test_the_planned_zelenskyy_putin_meeting(events):
    found = [
        e
        for e in _find(events, type={"CONSULT", "AGREE"}, actor={"UKRGOV"}, recipient={"RUSGOV"})
        if e.status == "planned" or e.cameo == "036"
    ]
    assert found


def test_putins_proposal_with_its_ceasefire_condition(events):
    offers = _find(events, type={"AGREE"}, actor={"RUSGOV"})
    assert any(e.status == "proposed" for e in offers)
    conditional = [e for e in offers if e.modality.conditional]
    assert conditional and "ceasefire" in conditional[0].condition


def test_starmers_conditional_warning_to_russia(events):
    [warning] = _find(events, type={"THREATEN"}, actor={"GBRGOV"})
    assert "RUS" in {a.country for a in warning.recipient}
    assert warning.modality.conditional or warning.modality.hypothetical


def test_trump_urges_ukraine_to_accept(events):
    assert _find(events, type={"REQUEST"}, actor={"USAGOV"}, recipient={"UKR", "UKRGOV"})


def test_erdogans_support_and_offer_to_host(events):
    assert _find(events, type={"SUPPORT"}, actor={"TURGOV"})


def test_the_erdogan_putin_phone_call(events):
    calls = [
        e for e in _find(events, type={"CONSULT"}, actor={"TURGOV", "RUSGOV"}) if e.mode == "phone"
    ]
    assert calls and calls[0].date == "2025-05-11"
    assert {"TURGOV", "RUSGOV"} <= _codes(calls[0].actor) | _codes(calls[0].recipient)


def test_the_kyiv_meeting_of_the_five_leaders(events):
    meetings = [e for e in events if e.event_type == "CONSULT" and e.trigger.text == "met"]
    assert meetings
    assert {"UKRGOV", "GBRGOV", "FRAGOV", "DEUGOV", "POLGOV"} <= _codes(meetings[0].actor)


def test_no_event_from_the_analysts_commentary(events):
    assert not [e for e in events if e.sentence in (19, 20, 21, 22)]
    assert not [e for e in events if any("EDU" in a.sector for a in e.actor)]
