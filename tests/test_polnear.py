"""`dotterel eval polnear`: reading PolNeAR's format and scoring speaker attribution.

tests/fixtures/eval/polnear holds two made-up articles in PolNeAR's layout (written for these
tests); the real set is read only to check its size.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from dotterel.document import Document
from dotterel.eval import harness, sets
from dotterel.eval.polnear import GoldAttribution, PredictedQuote, code_quotes, quote_scores
from dotterel.eval.sets import EvalDataError, EvalItem

from .conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
HOLLOWAY = "train/madeup_2016-03-02_holloway-budget"
BRIDGE = "dev/madeup_2016-11-20_bridge-reopens"


def test_loader_reads_texts_dates_and_one_annotator_per_article():
    items = {i.id: i for i in sets.load_set("polnear", FIXTURES)}
    assert set(items) == {HOLLOWAY, BRIDGE}
    holloway, bridge = items[HOLLOWAY], items[BRIDGE]
    # Two annotators marked the first article: only "aaaa" (first in order) is read.
    assert len(holloway.attributions) == 3
    assert holloway.date == date(2016, 3, 2)  # metadata.tsv
    assert bridge.date == date(2016, 11, 20)  # not in metadata.tsv: the date in the file name
    first = holloway.attributions[0]
    assert holloway.text[slice(*first.source[0])] == "Senator Jane Holloway"
    assert holloway.text[slice(*first.content[0])] == "the budget was a disgrace"
    assert bridge.attributions[1].source == ()  # no explicit source


def test_loader_errors_name_the_file(tmp_path):
    (tmp_path / "polnear").mkdir()
    (tmp_path / "polnear" / "attributions_train_dev.jsonl").write_text("{not json\n")
    with pytest.raises(EvalDataError, match="attributions_train_dev.jsonl:1"):
        sets.load_set("polnear", tmp_path)


def item(text: str, *attributions: GoldAttribution) -> EvalItem:
    return EvalItem(id="a", text=text, attributions=list(attributions))


TEXT = "Holloway said the budget was a disgrace and the plan would fail. Reyes disagreed."
#       0        9    14                                          63


def gold(content: str, source: str | None) -> GoldAttribution:
    c = TEXT.index(content)
    s = TEXT.index(source) if source else None
    return GoldAttribution(
        content=((c, c + len(content)),),
        source=((s, s + len(source)),) if source else (),
    )


def pred(content: str, speaker: str | None) -> PredictedQuote:
    c = TEXT.index(content)
    s = TEXT.index(speaker) if speaker else None
    return PredictedQuote(c, c + len(content), (s, s + len(speaker)) if speaker else None)


def test_a_quote_holding_half_the_gold_words_matches_and_its_speaker_is_scored():
    g = gold("the budget was a disgrace and the plan would fail", "Holloway")
    # 5 of the gold's 10 words: a match; the speaker shares a word with the source: correct.
    s = quote_scores([item(TEXT, g)], {"a": [pred("the budget was a disgrace", "Holloway")]})
    assert (s.matched_gold, s.correct, s.wrong, s.none) == (1, 1, 0, 0)
    assert s.speaker_f1 == 1.0 and s.content_recall == 1.0 and s.end_to_end == 1.0
    # 4 of 10 words: no match.
    s = quote_scores([item(TEXT, g)], {"a": [pred("the budget was a", "Holloway")]})
    assert s.matched_gold == 0 and s.content_recall == 0.0 and s.end_to_end == 0.0
    assert s.correct + s.wrong + s.none == 0


def test_wrong_and_missing_speakers():
    g = gold("the budget was a disgrace", "Holloway")
    wrong = quote_scores([item(TEXT, g)], {"a": [pred("the budget was a disgrace", "Reyes")]})
    assert (wrong.correct, wrong.wrong, wrong.none) == (0, 1, 0)
    assert wrong.speaker_precision == 0.0
    none = quote_scores([item(TEXT, g)], {"a": [pred("the budget was a disgrace", None)]})
    assert (none.correct, none.wrong, none.none) == (0, 0, 1)
    assert none.speaker_precision == 0.0 and none.speaker_recall == 0.0


def test_the_best_covering_quote_is_the_match_and_extra_quotes_lower_content_precision():
    g = gold("the budget was a disgrace and the plan would fail", "Holloway")
    preds = [
        pred("the budget was a disgrace", "Reyes"),  # 5 words
        pred("the budget was a disgrace and the plan would", "Holloway"),  # 9 words: the match
        pred("Reyes disagreed", None),  # matches nothing
    ]
    s = quote_scores([item(TEXT, g)], {"a": preds})
    assert (s.correct, s.wrong) == (1, 0)
    assert s.predicted == 3 and s.matching_predicted == 1
    assert s.content_precision == pytest.approx(1 / 3)


def test_gold_without_a_source_counts_for_content_only():
    g = gold("the budget was a disgrace", None)
    s = quote_scores([item(TEXT, g)], {"a": [pred("the budget was a disgrace", "Holloway")]})
    assert s.gold == 1 and s.gold_sourced == 0 and s.matched_gold == 1
    assert s.correct + s.wrong + s.none == 0


def test_run_set_with_the_coder(coder):
    r = harness.run_set("polnear", coder, FIXTURES)
    q = r.quotes
    assert r.items == 2 and q.documents == 2 and r.problems == []
    assert (q.gold, q.gold_sourced) == (5, 4)
    # Holloway's statement, "she" and "the mayor" are found with their speakers; "Polls show
    # that ..." is not speech to dotterel; the implicit-source attribution is not a quote.
    assert (q.matched_gold, q.correct, q.wrong, q.none) == (3, 3, 0, 0)
    assert q.speaker_f1 == 1.0 and q.end_to_end == pytest.approx(0.75)


def test_cli_eval_polnear_writes_its_row(tmp_path):
    class NoQuotes:
        """A coder whose documents have no quotes (through `code()`)."""

        model_name = "no-quotes"

        def code(self, documents, on_problem=None):
            from dotterel.pipeline import CodedDocument

            for doc in documents:
                yield CodedDocument(document=doc)

    board = tmp_path / "SCOREBOARD.md"
    out = io.StringIO()
    rc = harness.cli_eval(["polnear"], FIXTURES, board, NoQuotes, stdout=out, stderr=io.StringIO())
    assert rc == 0
    assert "polnear: speaker F1 0.000" in out.getvalue()
    text = board.read_text(encoding="utf-8")
    assert "### Quotes" in text and "| polnear | 0.000 |" in text
    assert "speaker P / R / F1" in text  # the metric's definition
    assert "| polnear | 2 | — | — | — | — | — | — | — |" in text


def test_real_polnear_size():
    path = shared_path("data", "eval", "polnear")
    items = sets.load_set("polnear", path.parent)
    # 840 train and 84 dev articles.
    assert len(items) == 924
    assert sum(i.id.startswith("dev/") for i in items) == 84
    assert all(i.date is not None for i in items)


def test_eval_path_finds_the_coders_quotes(coder):
    """`dotterel eval polnear` asks the Coder for quotes without events (code_quotes): the same
    quotes as `Coder.code`."""
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    document = Document(text, id="seed", published=date(2025, 5, 11))
    [coded] = coder.code([document])
    problems: list[str] = []
    found = code_quotes(coder, [document], problems)
    assert problems == [] and coded.quotes
    assert [q.to_record() for q in found["seed"]] == [q.to_record() for q in coded.quotes]
