"""TIMEX3 conventions for whole time expressions (issue 5, item 1): fiscal years, halves,
quarters and seasons without a year, anaphors, decades in words, two-part expressions.
Expressions and expected values are written from the TimeML/TIMEX3 guidelines' conventions."""

from __future__ import annotations

from datetime import date

import pytest

from dotterel.attributes import dates, timex_focus

WEDNESDAY = date(1998, 3, 4)  # a Wednesday in the first quarter and first half
AUTUMN = date(1997, 10, 29)  # a Wednesday in the fourth quarter and second half


def value(text, anchor=WEDNESDAY, tense=None):
    v = dates.normalise(text, anchor, tense)
    return v.value if v else None


@pytest.mark.parametrize(
    "text, anchor, tense, want",
    [
        # fiscal years carry the FY prefix
        ("fiscal 1996", WEDNESDAY, "past", "FY1996"),
        ("the 1999 fiscal year", WEDNESDAY, None, "FY1999"),
        ("fiscal year 1997", WEDNESDAY, None, "FY1997"),
        ("the current fiscal year", WEDNESDAY, None, "FY1998"),
        ("next fiscal year", WEDNESDAY, "future", "FY1999"),
        ("FY97", WEDNESDAY, None, "FY1997"),
        # a quarter or half without a year: this year's unless not begun in a past clause
        ("the fourth quarter", WEDNESDAY, "past", "1997-Q4"),
        ("the first quarter", AUTUMN, "future", "1998-Q1"),
        # in a future clause, the quarter just ended is the one still to be reported on
        ("the third quarter", AUTUMN, "future", "1997-Q3"),
        ("the fourth quarter", date(1998, 1, 20), "future", "1997-Q4"),
        ("the fourth quarter", date(1998, 5, 20), "future", "1998-Q4"),
        ("the September quarter", AUTUMN, "past", "1997-Q3"),
        ("the third quarter", AUTUMN, "past", "1997-Q3"),
        ("the second half", WEDNESDAY, "past", "1997-H2"),
        ("the second half", WEDNESDAY, "future", "1998-H2"),
        ("the first half", AUTUMN, None, "1997-H1"),
        ("the latter half", AUTUMN, None, "1997-H2"),
        # "the quarter" of a report is the one just ended
        ("the quarter", AUTUMN, "past", "1997-Q3"),
        ("the year-earlier quarter", AUTUMN, None, "1996-Q3"),
        ("the year-ago period", AUTUMN, None, "1996"),
        ("two quarters ago", AUTUMN, None, "1997-Q2"),
        # two parts, one value
        ("the fourth quarter of last year", WEDNESDAY, None, "1997-Q4"),
        ("last year's first half", AUTUMN, None, "1996-H1"),
        ("1996's third quarter", WEDNESDAY, None, "1996-Q3"),
        ("January of next year", AUTUMN, None, "1998-01"),
        ("Sept. 12 last year", WEDNESDAY, None, "1997-09-12"),
        ("the same month a year ago", WEDNESDAY, None, "1997-03"),
        ("Tuesday of next week", WEDNESDAY, None, "1998-03-10"),
        ("the summer of next year", AUTUMN, None, "1998-SU"),
        ("the week of Oct. 13", AUTUMN, "past", "1997-W42"),
        ("the week ended Oct. 17", AUTUMN, "past", "1997-W42"),
        ("the latter half of 1996", WEDNESDAY, None, "1996-H2"),
        ("the year 2000", WEDNESDAY, "future", "2000"),
        ("the year before last", WEDNESDAY, "past", "1996"),
        ("the month before last", WEDNESDAY, "past", "1998-01"),
        ("19th-century", WEDNESDAY, None, "18"),
        ("the new year", AUTUMN, "future", "1998"),
        ("the new year", WEDNESDAY, None, "1998"),
        # years, decades
        ("'95", WEDNESDAY, None, "1995"),
        ("mid-'96", WEDNESDAY, None, "1996"),
        ("the seventies", WEDNESDAY, None, "197"),
        ("the late 60s", WEDNESDAY, None, "196"),
        ("the nineteen-twenties", WEDNESDAY, None, "192"),
        ("year-end", AUTUMN, "future", "1997"),
        ("the year before", WEDNESDAY, None, "1997"),
        ("twenty-five years ago", WEDNESDAY, None, "1973"),
        ("fifty years ago", WEDNESDAY, None, "1948"),
        # seasons
        ("fall 1995", WEDNESDAY, None, "1995-FA"),
        ("the fall of 1994", WEDNESDAY, None, "1994-FA"),
        ("the fall", WEDNESDAY, "past", "1997-FA"),
        ("the fall", WEDNESDAY, "future", "1998-FA"),
        ("the summer", WEDNESDAY, "past", "1997-SU"),
        ("the summer", AUTUMN, None, "1997-SU"),
        ("this past summer", AUTUMN, None, "1997-SU"),
        ("this past weekend", WEDNESDAY, None, "1998-W09-WE"),
        # anaphors take the creation time
        ("the same day", WEDNESDAY, "past", "1998-03-04"),
        ("that day", WEDNESDAY, None, "1998-03-04"),
        ("the previous day", WEDNESDAY, None, "1998-03-03"),
        ("the following day", WEDNESDAY, None, "1998-03-05"),
        ("that year", WEDNESDAY, "past", "1998"),
        ("the month before", WEDNESDAY, None, "1998-02"),
        ("the week", WEDNESDAY, None, "1998-W10"),
        # a day of the month alone: this month's, or the one the tense points to
        ("the 20th", WEDNESDAY, "future", "1998-03-20"),
        ("the 2nd", WEDNESDAY, "future", "1998-04-02"),
        ("the 20th", WEDNESDAY, "past", "1998-02-20"),
        # holidays by their rule: Easter by the computus, US ones by weekday
        ("Easter", WEDNESDAY, "future", "1998-04-12"),
        ("Labor Day", WEDNESDAY, "past", "1997-09-01"),
        ("Memorial Day", WEDNESDAY, "future", "1998-05-25"),
        ("Election Day", AUTUMN, "future", "1997-11-04"),
        # present, past and future references
        ("the years ahead", WEDNESDAY, None, "FUTURE_REF"),
        ("some day", WEDNESDAY, None, "FUTURE_REF"),
        ("right now", WEDNESDAY, None, "PRESENT_REF"),
        ("formerly", WEDNESDAY, None, "PAST_REF"),
    ],
)
def test_convention(text, anchor, tense, want):
    assert value(text, anchor, tense) == want


def test_anaphors_and_bare_halves_stay_out_of_running_text():
    # in a sentence these are a match's half, a person's age, a day of the story
    text = "The striker scored in the first half; the coach, in his sixties, left that day."
    found = dates.find(text)
    assert [t.text for t in found] == ["the first half"]
    assert dates.resolve(found[0], WEDNESDAY, "past") is None


def test_fiscal_and_two_digit_years_in_running_text():
    text = "Profit for fiscal 1996 rose, as it had in '94, though not in the '80s."
    found = [(t.text, t.kind) for t in dates.find(text)]
    assert found == [("fiscal 1996", "fiscal"), ("'94", "yy"), ("the '80s", "decade2")]


def test_a_vague_past_in_running_text():
    text = "Years ago the dam was built; days before the vote, it burst."
    assert [(t.text, t.kind) for t in dates.find(text)] == [("Years ago", "past")]


def test_a_leap_day_in_a_common_year_is_not_made_up():
    # February 29 of last year (1997) does not exist: no day value is invented
    assert value("Feb. 29 of last year", date(1998, 3, 4)) != "1997-02-29"


# --- the document's temporal focus ----------------------------------------------------------------

STORY = (
    "The mill closed in March 1991 after a long strike. The following year, the town voted to "
    "buy it. On Tuesday, the council met again; the next day it named a new board. "
    "Two weeks ago the board said it would reopen the mill."
)


def in_story(expression, anchor=WEDNESDAY, tense=None):
    start = STORY.index(expression)
    v = timex_focus.normalise_in_document(expression, anchor, tense, STORY, start)
    return v.value if v else None


def test_anaphors_count_from_the_time_the_story_is_at():
    assert in_story("The following year") == "1992"  # after March 1991, not after 1998
    # "the next day" after "On Tuesday" (the Tuesday before the Wednesday anchor)
    assert in_story("the next day") == "1998-03-04"
    # deictic expressions stay with the publication date
    assert in_story("Two weeks ago") == "1998-W08"


def test_an_anaphor_without_a_fine_enough_focus_takes_the_anchor():
    text = "Prices rose in 1994. The next day the market fell."
    start = text.index("The next day")
    v = timex_focus.normalise_in_document("The next day", WEDNESDAY, None, text, start)
    assert v.value == "1998-03-05"  # a year gives no day to count from


@pytest.mark.parametrize(
    "tense, want", [("past", "PAST_REF"), ("future", "FUTURE_REF"), (None, "PRESENT_REF")]
)
def test_a_date_span_no_pattern_reads_is_a_vague_reference_by_its_tense(tense, want):
    assert dates.normalise("those days", WEDNESDAY, tense) is None
    v = timex_focus.normalise_in_document("those days", WEDNESDAY, tense, None, None)
    assert (v.value, v.precision) == (want, "ref")


def test_without_a_document_it_is_the_plain_normaliser():
    assert timex_focus.normalise_in_document("that year", WEDNESDAY, None, None, None).value == (
        "1998"
    )


EARNINGS = (
    "Harbor Mills said net income in the third quarter rose to $4 million from $3 million a "
    "year earlier. Sales in the period climbed 8%, and the year-earlier period included a gain. "
    "The company's shares have doubled since two years ago."
)


def in_earnings(expression, anchor=AUTUMN):
    start = EARNINGS.index(expression)
    v = timex_focus.normalise_in_document(expression, anchor, "past", EARNINGS, start)
    return v.value if v else None


def test_a_reporting_period_is_compared_with_itself_a_year_before():
    assert in_earnings("the third quarter") == "1997-Q3"
    assert in_earnings("a year earlier") == "1996-Q3"  # the quarter's granularity is kept
    assert in_earnings("the period") == "1997-Q3"
    assert in_earnings("the year-earlier period") == "1996-Q3"
    # with no period in focus, "ago" is counted from the publication, at its own granularity
    assert in_earnings("two years ago") == "1995"


def test_a_period_without_a_focus_is_the_last_quarter_ended():
    assert value("the latest period", AUTUMN) == "1997-Q3"


def test_the_same_period_a_year_ago_is_the_period_in_focus():
    text = "Sales in the third quarter fell from the same quarter a year ago."
    start = text.index("the same quarter a year ago")
    v = timex_focus.normalise_in_document(
        "the same quarter a year ago", AUTUMN, "past", text, start
    )
    assert v.value == "1996-Q3"


# --- the clause's tense, from a parse -------------------------------------------------------------


def _tense_of(nlp, sentence, expression):
    doc = nlp(sentence)
    start = sentence.index(expression)
    span = doc.char_span(start, start + len(expression), alignment_mode="expand")
    return dates.tense_of(dates.governing_predicate(span.root))


@pytest.mark.parametrize(
    "sentence, expression, want",
    [
        # a schedule in the present simple is ahead
        ("The peace talks resume in Geneva on Friday.", "Friday", "present"),
        # a participle that schedules is ahead, even without an auxiliary
        ("A vote scheduled for Thursday could decide the matter.", "Thursday", "future"),
        # the reporting present is a report of the past, not a schedule
        ("The ministry says the convoy was hit on Friday.", "Friday", "past"),
        ("Officials met the envoy on Tuesday.", "Tuesday", "past"),
    ],
)
def test_the_clause_tense(nlp, sentence, expression, want):
    assert _tense_of(nlp, sentence, expression) == want


def test_a_present_schedule_takes_the_coming_weekday():
    # published on a Wednesday: "resume on Friday" is two days on, "met on Tuesday" the day before
    assert value("Friday", WEDNESDAY, "present") == "1998-03-06"
    assert value("Tuesday", WEDNESDAY, "past") == "1998-03-03"
