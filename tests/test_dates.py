"""Dates: the normaliser on its own, time expressions in running text, and events dated by the
Coder (issue 5, item 1). Sentences are made up; the seed article is read from ../shared."""

from __future__ import annotations

from datetime import date

import pytest

from dotterel.attributes import dates
from dotterel.document import Document
from dotterel.schema import event_errors

from .conftest import shared_path

MONDAY = date(2031, 3, 3)  # a Monday


def value(text, anchor=MONDAY, tense=None):
    v = dates.normalise(text, anchor, tense)
    return v.value if v else None


@pytest.mark.parametrize(
    "text, tense, want",
    [
        ("Friday", "future", "2031-03-07"),
        ("on Friday", "past", "2031-02-28"),
        ("Friday", None, "2031-02-28"),  # unknown tense: news reports the past
        ("Monday", "future", "2031-03-03"),  # the anchor's own weekday is that day
        ("Monday", "past", "2031-03-03"),
        ("last Friday", "future", "2031-02-28"),
        ("next Monday", None, "2031-03-10"),
        ("today", None, "2031-03-03"),
        ("tomorrow", None, "2031-03-04"),
        ("yesterday", None, "2031-03-02"),
        ("last week", None, "2031-W09"),
        ("this week", None, "2031-W10"),
        ("next month", None, "2031-04"),
        ("last month", None, "2031-02"),
        ("this year", None, "2031"),
        ("last year", None, "2030"),
        ("May 15", None, "2031-05-15"),
        ("Nov. 20", None, "2030-11-20"),  # the nearest one
        ("15 May 2025", None, "2025-05-15"),
        ("Thursday, March 6, 2031", None, "2031-03-06"),
        ("May 2025", None, "2025-05"),
        ("in early June", None, "2031-06"),
        ("2019", None, "2019"),
        ("the 1990s", None, "199"),
        ("three days ago", None, "2031-02-28"),
        ("two weeks from now", None, "2031-W12"),
        ("the third quarter", None, "2030-Q3"),
        ("now", None, "PRESENT_REF"),
        ("2031-02-01", None, "2031-02-01"),
        ("Christmas", "future", "2031-12-25"),
        ("a ceasefire", None, None),
    ],
)
def test_normalise(text, tense, want):
    assert value(text, tense=tense) == want


def test_month_day_follows_the_tense_when_near():
    anchor = date(2031, 5, 6)
    assert value("Oct. 23", anchor, "past") == "2030-10-23"
    assert value("Oct. 23", anchor, "future") == "2031-10-23"
    # a date a week away is that one, whatever the clause's tense
    assert value("May 13", anchor, "past") == "2031-05-13"


def test_find_in_running_text():
    text = "Officials may meet in May, and the envoy said on Sunday he would return next week."
    found = [(t.text, t.kind) for t in dates.find(text)]
    assert found == [("May", "month"), ("Sunday", "weekday"), ("next week", "relunit")]
    # the modal "may", a sentence-initial "March", "Mar" in "Marcos" are no months
    assert dates.find("March on the capital, they said.") == []
    assert dates.find("Marcos met Decker and Junichiro.") == []


def test_ranges_count_the_first_day():
    text = "The rebels agreed to a 30-day truce starting Monday."
    mentions = dates.find(text)
    for t in mentions:
        t.value = dates.resolve(t, MONDAY, "future")
    dates.attach_ranges(text, 0, mentions)
    [monday] = mentions
    assert monday.value.value == "2031-03-03"
    assert monday.value_end == "2031-04-01"  # 30 days: March 3 .. April 1 inclusive
    assert monday.duration == "P30D"
    # no start cue: no range
    text = "The 30-day siege ended on Monday."
    mentions = dates.find(text)
    for t in mentions:
        t.value = dates.resolve(t, MONDAY, "past")
    dates.attach_ranges(text, 0, mentions)
    assert mentions[0].value_end is None


# --- with the Coder -------------------------------------------------------------------------------


def _code(coder, text, published=MONDAY):
    [coded] = coder.code([Document(text, id="t", published=published)])
    return coded


def _event(coded, trigger):
    found = [e for e in coded.events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.event_type) for e in coded.events]
    return found[0]


def test_events_take_their_own_clause_dates(coder):
    coded = _code(
        coder,
        "Freedonian President Rufus Firefly said on Sunday he would travel to Sylvania on Friday "
        "for talks with Prime Minister Trentino.",
    )
    travel = _event(coded, "travel")
    assert (travel.date, travel.date_text, travel.date_precision) == (
        "2031-03-07",
        "on Friday",
        "day",
    )
    assert [(t["text"], t["value"]) for t in coded.times] == [
        ("Sunday", "2031-03-02"),
        ("Friday", "2031-03-07"),
    ]
    for e in coded.events:
        assert event_errors(e.to_record()) == []


def test_an_anaphor_counts_from_the_time_the_story_is_at(coder):
    # "Two days later" is two days after March 3, not after the publication date.
    coded = _code(
        coder,
        "Talks between Iran and France began in Geneva on March 3. Two days later, Iran "
        "rejected the French proposal.",
        published=date(2031, 3, 10),
    )
    assert [(t["text"], t["value"]) for t in coded.times][-1] == ("Two days later", "2031-03-05")
    [reject] = [e for e in coded.events if e.event_type == "REJECT"]
    assert (reject.date, reject.date_text) == ("2031-03-05", "Two days later")


def test_planned_meeting_takes_the_coming_weekday(coder):
    coded = _code(
        coder, "The French foreign minister will meet his German counterpart on Thursday."
    )
    meet = _event(coded, "meet")
    assert meet.date == "2031-03-06" and meet.date_precision == "day"
    assert meet.date_text == "on Thursday"


def test_reported_event_takes_the_past_weekday(coder):
    coded = _code(coder, "Russian troops attacked a Ukrainian border post on Thursday.")
    attack = _event(coded, "attacked")
    assert attack.date == "2031-02-27" and attack.date_text == "on Thursday"


def test_no_time_words_falls_back_to_publication(coder):
    coded = _code(coder, "Russia accused Ukraine of violating the border agreement.")
    event = coded.events[0]
    assert (event.date, event.date_text, event.date_precision, event.date_end) == (
        "2031-03-03",
        None,
        "publication",
        None,
    )
    assert coded.times == []


def test_times_list_a_ceasefire_window(coder):
    coded = _code(
        coder,
        "The two governments announced a ceasefire, set to begin on Wednesday, which would last "
        "30 days.",
    )
    [wednesday] = [t for t in coded.times if t["text"] == "Wednesday"]
    assert wednesday["value"] == "2031-03-05" and wednesday["value_end"] == "2031-04-03"
    assert set(wednesday) == {"text", "start", "end", "value", "precision", "value_end"}


def test_the_seed_article_dates(coder):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    coded = _code(coder, text, published=date(2025, 5, 11))  # a Sunday
    meets = [e for e in coded.events if e.trigger.text == "meet" and e.date_text]
    assert meets and all(e.date == "2025-05-15" for e in meets)
    assert "on Thursday" in {e.date_text for e in meets}
    [call] = [e for e in coded.events if e.date_text == "on Sunday"]
    assert call.date == "2025-05-11"
    [monday] = [t for t in coded.times if t["text"] == "Monday"]
    assert (monday["value"], monday["value_end"]) == ("2025-05-12", "2025-06-10")
    # the agreement itself happened before: its date is not the meeting's
    agreed = [e for e in coded.events if e.trigger.text == "agreed" and e.sentence == 0]
    assert agreed and agreed[0].date != "2025-05-15"


def test_an_event_that_is_the_window_carries_date_end(coder):
    coded = _code(coder, "Israel announced a two-week truce, set to begin on Friday.")
    [truce] = [e for e in coded.events if "truce" in e.trigger.text]
    # the truce starts on the coming Friday and lasts 14 days, Friday included
    assert (truce.date, truce.date_end, truce.date_text) == (
        "2031-03-07",
        "2031-03-20",
        "on Friday",
    )
    assert truce.to_record()["date_end"] == "2031-03-20"
    # an agreement about a window happened when it was reported; it does not carry the window
    coded = _code(coder, "Russia and Ukraine agreed to a 30-day ceasefire starting on Monday.")
    agreed = _event(coded, "agreed")
    assert agreed.date_end is None


def test_a_ceasefire_window_is_a_planned_event_even_without_a_party(coder):
    coded = _code(
        coder,
        "The offer is contingent on an unconditional ceasefire, set to begin on Monday,"
        " which would last 30 days.",
    )
    [window] = [e for e in coded.events if e.trigger.text == "ceasefire"]
    assert (window.event_type, window.status) == ("RETREAT", "planned")
    # Published Monday 2031-03-03: "on Monday" is that day; 30 days include it.
    assert (window.date, window.date_end) == ("2031-03-03", "2031-04-01")
    assert "no party is named" in window.why


def test_a_ceasefire_without_a_window_or_a_party_is_no_event(coder):
    coded = _code(coder, "The offer is contingent on an unconditional ceasefire.")
    assert not [e for e in coded.events if e.trigger.text == "ceasefire"]
