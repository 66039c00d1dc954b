"""Quotes: quotation marks, speakers, channels, indirect speech, events inside quotes (issue 5).

The texts are written for these tests (made-up news), except the seed article from ../shared.
"""

from __future__ import annotations

from datetime import date

import pytest

from dotterel.attributes.quotemarks import find_marked
from dotterel.attributes.quotes import QuoteFinder
from dotterel.document import Document
from dotterel.schema import event_errors, quote_errors

from .conftest import shared_path

ON = date(2025, 5, 11)


def inner(text: str) -> list[str]:
    return [text[m.inner_start : m.inner_end] for m in find_marked(text)]


# --- quotation marks (no parser needed) -----------------------------------------------------------


def test_straight_and_curly_marks():
    text = '"We will not surrender," the minister said. “Never,” she added.'
    assert inner(text) == ["We will not surrender", "Never"]


def test_a_quote_inside_a_quote_stays_inside():
    text = "She said: \"I told him 'we will win', and he laughed.\" Then she left."
    assert inner(text) == ["I told him 'we will win', and he laughed."]
    text = "She said: “I told him ‘we will win’, and he laughed.”"
    assert inner(text) == ["I told him ‘we will win’, and he laughed."]


def test_a_quotation_over_sentences_and_a_line_break():
    text = "He said, “We are ready. There is no point in waiting.\nWe will be there.” Then he left."
    assert inner(text) == ["We are ready. There is no point in waiting.\nWe will be there."]


def test_a_quotation_reopened_on_the_next_paragraph_continues():
    text = "“The first paragraph goes on.\n“And the second one ends here,” she said."
    first, second = find_marked(text)
    assert not first.closed and not first.continues
    assert second.closed and second.continues


def test_unbalanced_marks_do_not_crash():
    assert inner('An unclosed "quote runs to the line end\nPlain text.') == [
        "quote runs to the line end"
    ]
    assert inner("A stray closer” here.") == []
    assert inner('"""') == []
    assert inner("“") == []
    assert inner('Only "one') == ["one"]


def test_apostrophes_are_not_quotation_marks():
    assert inner("Putin’s offer and the leaders’ meeting did not go well.") == []
    assert inner("In the ‘peace plan’ that followed, Kyiv’s envoy spoke.") == ["peace plan"]


# --- finding quotes in coded documents ------------------------------------------------------------


def code(coder, text: str, on: date = ON):
    [coded] = coder.code([Document(text, id="t", published=on)])
    return coded


def quote_with(quotes, words: str):
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote holds {words!r}: {[q.text for q in quotes]}"
    return found[0]


def name(q) -> str | None:
    return q.speaker.name if q.speaker else None


def test_direct_quotes_straight_and_curly_have_their_speaker(coder):
    quotes = code(
        coder,
        '"We will not give up our land," Volodymyr Zelenskyy said on Sunday. '
        "Emmanuel Macron said, “Europe stands with Ukraine.”",
    ).quotes
    first = quote_with(quotes, "give up our land")
    assert first.kind == "direct" and name(first) == "Volodymyr Zelenskyy"
    assert first.text == "We will not give up our land"
    assert first.cue is not None and first.cue.text == "said"
    second = quote_with(quotes, "Europe stands")
    assert name(second) == "Emmanuel Macron" and second.speaker_span.text == "Emmanuel Macron"


def test_a_quote_inside_a_quote_belongs_to_the_outer_speaker(coder):
    text = "Keir Starmer said, “Putin told me ‘the war is over’, but the shelling goes on.”"
    quotes = code(coder, text).quotes
    assert len(quotes) == 1
    assert "‘the war is over’" in quotes[0].text and name(quotes[0]) == "Keir Starmer"


def test_a_quote_over_several_sentences_is_one_quote(coder):
    text = (
        "Emmanuel Macron wrote, “The deal is dead. We must move on. Europe will not wait.” "
        "Officials in Paris declined to comment."
    )
    quotes = code(coder, text).quotes
    q = quote_with(quotes, "The deal is dead")
    assert q.text == "The deal is dead. We must move on. Europe will not wait."
    assert name(q) == "Emmanuel Macron"


def test_a_quotation_with_no_cue_continues_the_speaker_before_it(coder):
    text = (
        "“We came here to make peace,” Volodymyr Zelenskyy told reporters in Ankara. "
        "“Nobody in Ukraine wants this war to go on.”"
    )
    quotes = code(coder, text).quotes
    q = quote_with(quotes, "Nobody in Ukraine")
    assert name(q) == "Volodymyr Zelenskyy" and q.cue is None
    assert "continues the quotation" in q.why


def test_pronoun_speaker_resolves_through_coreference(coder):
    text = (
        "Donald Trump spoke about the talks on Sunday. "
        "“The war must end now, immediately,” he wrote."
    )
    q = quote_with(code(coder, text).quotes, "The war must end")
    assert q.speaker_span.text == "he"
    assert name(q) == "Donald Trump" and q.speaker.text == "he"


def test_indirect_speech(coder):
    text = (
        "Zelenskyy said he was ready to meet Putin in Istanbul. "
        "Donald Trump wrote that Ukraine should accept the offer."
    )
    quotes = code(coder, text).quotes
    ready = quote_with(quotes, "ready to meet")
    assert ready.kind == "indirect" and ready.text == "he was ready to meet Putin in Istanbul"
    assert name(ready) == "Volodymyr Zelenskyy"
    accept = quote_with(quotes, "should accept")
    assert accept.kind == "indirect" and name(accept) == "Donald Trump"
    assert accept.text == "Ukraine should accept the offer"  # without its "that"


def test_according_to_and_a_parenthetical(coder):
    text = (
        "According to Recep Tayyip Erdogan, the talks will start on Thursday. "
        "The ceasefire, Keir Starmer said, must be unconditional."
    )
    quotes = code(coder, text).quotes
    talks = quote_with(quotes, "the talks will start")
    assert talks.cue.text == "according to" and name(talks) == "Recep Tayyip Erdoğan"
    ceasefire = quote_with(quotes, "must be unconditional")
    assert name(ceasefire) == "Keir Starmer"
    assert "Keir Starmer said" not in ceasefire.text


def test_a_quoted_phrase_in_indirect_speech_is_one_mixed_quote(coder):
    text = "Recep Tayyip Erdogan said Turkey was “fully ready” to host the summit."
    quotes = code(coder, text).quotes
    assert len(quotes) == 1
    assert (
        quotes[0].kind == "mixed"
        and quotes[0].text == "Turkey was “fully ready” to host the summit"
    )


STARMER = "Keir Starmer"


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [
        ("Emmanuel Macron wrote on X that Europe would not be divided.", "Emmanuel Macron", "X"),
        ("Donald Trump said on Truth Social that the war must end.", "Donald Trump",
         "Truth Social"),
        ("Keir Starmer told Sky News that the talks must begin.", STARMER, "Sky News"),
        ("In an interview with the BBC, Keir Starmer said talks must begin.", STARMER, "BBC"),
        ("Keir Starmer said in a statement that talks must begin.", STARMER, "statement"),
        ("Keir Starmer told reporters that the talks must begin.", STARMER, "reporters"),
        ("In a statement posted to the platform X, Keir Starmer said talks must begin.", STARMER,
         "X"),
        ("Keir Starmer tweeted that the talks were a first step.", STARMER, "X"),
    ],
)  # fmt: skip
def test_channel(coder, text, speaker, channel):
    quotes = code(coder, text).quotes
    assert len(quotes) == 1, [q.text for q in quotes]
    assert name(quotes[0]) == speaker
    assert quotes[0].channel == channel
    assert f"channel '{channel}'" in quotes[0].why


def test_no_channel_named_is_none_and_the_same_speaker_keeps_it(coder):
    text = (
        "Keir Starmer said the talks were a first step. "
        "Emmanuel Macron told the BBC that Europe was ready. "
        "“We will not wait for Moscow,” he added."
    )
    quotes = code(coder, text).quotes
    assert quote_with(quotes, "first step").channel is None
    assert quote_with(quotes, "Europe was ready").channel == "BBC"
    later = quote_with(quotes, "We will not wait")
    assert name(later) == "Emmanuel Macron" and later.channel == "BBC"
    assert "same speaker's quote before it" in later.why


def test_no_speaker_gives_speaker_null(coder):
    text = (
        "The ministry's building was quiet on Monday.\n\n"
        "“Nobody knows what the next week will bring for this country,” read a sign outside."
    )
    q = quote_with(code(coder, text).quotes, "Nobody knows")
    assert q.speaker is None and q.speaker_span is None
    record = q.to_record()
    assert record["speaker"] is None and quote_errors(record) == []


def test_a_speaker_the_kb_lacks_keeps_its_words(coder):
    q = quote_with(code(coder, "A senior aide said the vote had been delayed.").quotes, "vote")
    assert q.speaker_span.text == "A senior aide"


def test_scare_quotes_and_so_called_are_not_speech(coder):
    text = "The so-called “peace plan” was published on Friday by the two governments."
    assert code(coder, text).quotes == []


def test_a_question_put_to_someone_is_not_their_statement(coder):
    text = "Asked whether the talks would resume, Keir Starmer replied: “We will see.”"
    quotes = code(coder, text).quotes
    assert [q.text for q in quotes] == ["We will see."]
    assert name(quotes[0]) == "Keir Starmer"


def test_events_inside_a_quote_carry_it(coder):
    text = "“We will meet Vladimir Putin in Istanbul on Thursday,” Volodymyr Zelenskyy said."
    coded = code(coder, text)
    meets = [e for e in coded.events if e.trigger.text == "meet"]
    assert meets, [e.trigger.text for e in coded.events]
    assert meets[0].quote is not None and meets[0].quote.speaker.name == "Volodymyr Zelenskyy"
    record = meets[0].to_record()
    assert event_errors(record) == []
    assert record["quote"]["speaker"]["name"] == "Volodymyr Zelenskyy"


def test_events_outside_quotes_carry_none(coder):
    coded = code(coder, "Vladimir Putin met Recep Tayyip Erdogan in Ankara on Friday.")
    assert coded.events and all(e.quote is None for e in coded.events)
    assert coded.quotes == []


def test_documents_list_their_quotes_in_the_record(coder):
    coded = code(coder, 'Keir Starmer said, "The talks must begin now." Macron agreed.')
    record = coded.to_record()
    assert len(record["quotes"]) == 1
    assert all(quote_errors(q) == [] for q in record["quotes"])
    assert record["quotes"][0]["kind"] == "direct"


def test_broken_marks_in_a_document_are_coded_without_error(coder):
    text = '“Unclosed quote, said Keir Starmer.\n\n" " ” “ Another line said nothing."'
    coded = code(coder, text)
    assert coded.errors == []
    assert all(quote_errors(q.to_record()) == [] for q in coded.quotes)


def test_quote_finder_is_reusable_on_parsed_documents(coder):
    finder = QuoteFinder()
    doc = coder.nlp("“We are ready,” Keir Starmer said.")
    quotes = finder.find(doc, coder.resolver.document(doc, ON))
    assert [name(q) for q in quotes] == ["Keir Starmer"]


# --- the seed article -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(coder):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    [coded] = coder.code([Document(text, id="seed", published=ON)])
    return coded


def test_seed_zelenskyy_quote_on_x(seed):
    q = quote_with(seed.quotes, "We await a full and lasting ceasefire")
    assert name(q) == "Volodymyr Zelenskyy" and q.channel == "X"
    # The quotation runs over a line break to "excuses."
    assert q.text.endswith("the Russians will not look for excuses.")


@pytest.mark.parametrize(
    ("words", "speaker", "channel"),
    [
        ("should accept the invitation", "Donald Trump", "Truth Social"),
        ("doesn’t want to have a ceasefire agreement", "Donald Trump", "Truth Social"),
        ("will know where everything stands", "Donald Trump", "Truth Social"),
        ("too busy celebrating", "Donald Trump", "Truth Social"),
        ("there is a long way between now and Thursday", "Michael Clarke", "Sky News"),
        ("a fair bit of brinkmanship", "Michael Clarke", "Sky News"),
        ("The Russians will keep playing this out", "Michael Clarke", "Sky News"),
    ],
)
def test_seed_trump_and_clarke_quotes(seed, words, speaker, channel):
    q = quote_with(seed.quotes, words)
    assert name(q) == speaker
    assert q.channel == channel


def test_seed_every_named_speaker_channel(seed):
    """Each quote of the three speakers has its speaker's channel, or none where the article
    names none for it (Zelenskyy's earlier "ready to meet"; Trump's earlier praise)."""
    channels = {"Volodymyr Zelenskyy": "X", "Donald Trump": "Truth Social",
                "Michael Clarke": "Sky News"}  # fmt: skip
    for q in seed.quotes:
        if name(q) in channels:
            assert q.channel in (channels[name(q)], None), (q.text, q.channel)
    assert {name(q) for q in seed.quotes if q.channel} >= set(channels)


def test_seed_events_in_quotes(seed):
    meet = [e for e in seed.events if e.trigger.text == "meet" and e.quote and "Thursday" in e.text]
    assert any(e.quote.speaker.name == "Donald Trump" for e in meet)
    assert all(event_errors(e.to_record()) == [] for e in seed.events)
