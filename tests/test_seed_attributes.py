"""Issue 5's seed-article check in one place: when, where and who said it.

The seed article coded with --date 2025-05-11: the meeting is 2025-05-15 in Istanbul (TUR, with
coordinates); the ceasefire starts 2025-05-12 and lasts 30 days; the phone call is 2025-05-11;
Zelenskyy's, Trump's and Clarke's quotes have their speaker and channel; `dotterel planned`
lists the meeting and the ceasefire window with the ceasefire condition.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dotterel.cli import main
from dotterel.document import Document
from tests.conftest import shared_path

ON = dt.date(2025, 5, 11)


@pytest.fixture(scope="module")
def seed(coder):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    [coded] = coder.code([Document(text, id="seed", published=ON)])
    return coded


def _parties(event) -> set[str]:
    return {a.name for a in event.actor + event.recipient if a.name}


def test_the_meeting_is_on_thursday_in_istanbul(seed):
    meetings = [
        e
        for e in seed.events
        if e.event_type == "CONSULT"
        and e.status == "planned"
        and {"Volodymyr Zelenskyy", "Vladimir Putin"} <= _parties(e)
    ]
    assert meetings
    meeting = meetings[0]
    assert meeting.date == "2025-05-15"
    place = meeting.location
    assert (place.name, place.country) == ("Istanbul", "TUR")
    assert place.lat == pytest.approx(41.01, abs=0.1) and place.lon == pytest.approx(28.95, abs=0.1)


def test_the_ceasefire_starts_monday_and_lasts_30_days(seed):
    windows = [e for e in seed.events if "ceasefire" in e.trigger.text and e.date_end]
    assert [(e.date, e.date_end) for e in windows] == [("2025-05-12", "2025-06-10")]
    start, end = (dt.date.fromisoformat(d) for d in (windows[0].date, windows[0].date_end))
    assert (end - start).days + 1 == 30  # the last day included


def test_the_phone_call_is_on_sunday(seed):
    calls = [
        e
        for e in seed.events
        if e.event_type == "CONSULT" and {"Recep Tayyip Erdoğan", "Vladimir Putin"} <= _parties(e)
    ]
    assert calls and all(e.date == "2025-05-11" for e in calls)


@pytest.mark.parametrize(
    ("words", "speaker", "channel"),
    [
        ("We await a full and lasting ceasefire", "Volodymyr Zelenskyy", "X"),
        ("doesn’t want to have a ceasefire agreement", "Donald Trump", "Truth Social"),
        ("The Russians will keep playing this out", "Michael Clarke", "Sky News"),
    ],
)
def test_quotes_have_their_speaker_and_channel(seed, words, speaker, channel):
    [quote] = [q for q in seed.quotes if words in q.text]
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.channel == channel


def test_planned_lists_the_meeting_and_the_window_with_its_condition(seed, tmp_path, capsys):
    db = tmp_path / "seed.db"
    path = tmp_path / "seed.txt"
    path.write_text(seed.document.text, encoding="utf-8")
    assert (
        main(["code", str(path), "--date", "2025-05-11", "--db", str(db), "--format", "jsonl"]) == 0
    )
    capsys.readouterr()
    assert main(["planned", "--db", str(db), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    meeting = [r for r in rows if r["event_type"] == "CONSULT" and r["date"] == "2025-05-15"]
    window = [r for r in rows if r["date"] == "2025-05-12" and r["date_end"] == "2025-06-10"]
    assert meeting and window
    assert "ceasefire" in (window[0]["condition"] or "")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
