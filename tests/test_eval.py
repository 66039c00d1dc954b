"""The evaluation harness: loaders on our own fixture files, metrics on hand-made predictions, a
run with a fake coder, the scoreboard. The real sets in ../shared are only counted, and only when
they are there."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import types
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from dotterel.eval import harness, metrics, sets
from dotterel.eval.metrics import PRF, PredEvent
from dotterel.eval.sets import EvalItem, GoldEvent
from dotterel.records import Actor, Event, Span

try:
    from dotterel.pipeline import CodedDocument
except ImportError:  # the pipeline is being rebuilt beside this work; the harness only reads these

    @dataclass
    class CodedDocument:
        document: object
        events: list = field(default_factory=list)


FIXTURES = Path(__file__).parent / "fixtures" / "eval"
SHARED_EVAL = Path(__file__).resolve().parents[1] / "../shared/data/eval"

# A stand-in for dotterel.events.ontology that knows a few 3-digit codes only, so that the
# loader's fall-back from a 4-digit code to its parent is exercised.
FAKE_MAP = {"042": "CONSULT", "043": "CONSULT", "112": "ACCUSE", "190": "ASSAULT"}


class _FakeOntology:
    def plover(self, code: str):
        kind = FAKE_MAP.get(code)
        return types.SimpleNamespace(event_type=kind, mode=None, contexts=[]) if kind else None


@pytest.fixture
def fake_ontology(monkeypatch):
    module = types.ModuleType("dotterel.events.ontology")
    module.ontology = _FakeOntology
    monkeypatch.setitem(sys.modules, "dotterel.events.ontology", module)
    sets._ontology_plover_type.cache_clear()
    yield
    sets._ontology_plover_type.cache_clear()


def gold(kind, actors=(), recipients=(), cameo=None) -> GoldEvent:
    return GoldEvent(kind, cameo, set(actors), set(recipients))


def pred(kind, actors=(), recipients=(), cameo=None, confidence=0.5) -> PredEvent:
    return PredEvent(kind, cameo, set(actors), set(recipients), confidence)


# --- loaders --------------------------------------------------------------------------------------


def test_plover_loader_renames_merges_and_reads_countries():
    items = sets.load_set("plover-gsr", FIXTURES)
    assert [i.id for i in items] == [
        "PLOVER-TEST-AGREE-0001",
        "PLOVER-TEST-DEMAND-0001",
        "PLOVER-TEST-FIGHT-0001",
        "PLOVER-TEST-PROTEST-0001",
    ]
    agree, demand, fight, protest = items
    assert agree.date == date(2000, 1, 1) and not agree.no_event
    assert agree.gold == [GoldEvent("AGREE", None, {"FRA", "DEU"}, set(), ["FRA", "DEU"], [])]
    # DEMAND -> REQUEST; an IGO recipient names no country.
    assert demand.gold == [GoldEvent("REQUEST", None, {"KEN"}, set(), ["KEN"], ["IGO"])]
    # Two records on one sentence: one item, both events; FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE;
    # JAP stays in the codes but reads as JPN.
    assert [g.event_type for g in fight.gold] == ["ASSAULT", "ACCUSE"]
    assert fight.gold[0].actor_codes == ["JAP"] and fight.gold[0].actor_countries == {"JPN"}
    assert fight.gold[1].recipient_countries == {"JPN"}
    # A stray word where the target list should be names no actor.
    assert protest.gold == [GoldEvent("PROTEST", None, set(), set(), ["NGO"], [])]


def test_petr2_loader(fake_ontology):
    items = sets.load_set("petr2-gsr", FIXTURES)
    assert [i.id for i in items] == ["TEST_1", "TEST_2", "TEST_3", "TEST_4"]
    first, quiet, odd, rebels = items
    assert first.date == date(2020, 1, 2) and first.label == "AFP"
    assert first.gold == [
        GoldEvent("CONSULT", "043", {"PER"}, {"CHL"}, ["PERGOV"], ["CHLGOV"]),
        GoldEvent("CONSULT", "042", {"CHL"}, {"PER"}, ["CHLGOV"], ["PERGOV"]),
    ]
    assert quiet.no_event and quiet.gold == []
    # "121108" is no date; 1124 is typed by its parent 112; ---LEG and IGOUNO have no country.
    assert odd.date is None
    assert odd.gold == [GoldEvent("ACCUSE", "1124", set(), set(), ["---LEG"], ["IGOUNO"])]
    assert rebels.gold[0].event_type == "ASSAULT" and rebels.gold[0].actor_countries == {"SYR"}


def test_petr2_loader_without_ontology_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dotterel.events.ontology", None)  # import fails
    sets._ontology_plover_type.cache_clear()
    try:
        with pytest.raises(sets.EvalDataError, match="CAMEO->PLOVER map"):
            sets.load_set("petr2-gsr", FIXTURES)
    finally:
        sets._ontology_plover_type.cache_clear()


def test_case2021_loader_keeps_scored_subtypes_only():
    items = sets.load_set("case2021", FIXTURES)
    assert [(i.id, i.label) for i in items] == [
        ("case2021-1", "ASSAULT"),
        ("case2021-2", "PROTEST"),
        ("case2021-3", "COERCE"),
        ("case2021-4", "AGREE"),
        ("case2021-5", "NONE"),
    ]
    assert items[1].text.endswith('"Quiet Walk" for higher pay')  # bare quotes kept
    assert items[0].gold == [GoldEvent("ASSAULT")] and not items[0].no_event
    assert items[4].gold == [] and items[4].no_event


def test_conflibert_loader_reads_crlf_lines():
    items = sets.load_set("conflibert-test", FIXTURES)
    assert [i.label for i in items] == ["0", "1", "3", "4"]
    assert items[0].id == "conflibert-test-1"
    assert items[0].text == "The president said on Friday the army would stay in its barracks."
    assert items[0].gold == [GoldEvent(None)]


def test_missing_and_unknown_sets_are_clear_errors(tmp_path):
    with pytest.raises(sets.EvalDataError, match="set 'case2021' not found"):
        sets.load_set("case2021", tmp_path)
    with pytest.raises(sets.EvalDataError, match="unknown evaluation set 'acled'"):
        sets.load_set("acled", FIXTURES)


def test_bad_line_names_file_and_line(tmp_path):
    bad = tmp_path / "conflibert_cameo_test" / "cameo_class_test.tsv"
    bad.parent.mkdir()
    bad.write_text("A fine sentence.\t2\nNo label here\n", encoding="utf-8")
    with pytest.raises(sets.EvalDataError, match=r"cameo_class_test.tsv:2:"):
        sets.load_set("conflibert-test", tmp_path)


def test_country_of_code():
    assert sets.country_of_code("USAGOV") == "USA"
    assert sets.country_of_code("JAP") == "JPN"
    assert sets.country_of_code("IGOUNO") is None
    assert sets.country_of_code("---LEG") is None
    assert sets.country_of_code("") is None


# --- metrics --------------------------------------------------------------------------------------


def test_event_type_prf_counts_over_items():
    items = [
        EvalItem("a", "", gold=[gold("AGREE")]),
        EvalItem("b", "", gold=[gold("REQUEST")]),
        EvalItem("c", "", gold=[gold("ASSAULT"), gold("ACCUSE")]),
        EvalItem("d", "", gold=[], no_event=True),
    ]
    preds = {
        "a": [pred("AGREE"), pred("AGREE")],  # the second one has no gold left: FP
        "c": [pred("ACCUSE")],
        "d": [pred("PROTEST")],  # an event where none may be: FP
    }
    s = metrics.prf(items, preds, metrics.same_type)
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert (s.precision, s.recall, s.f1) == (0.5, 0.5, 0.5)
    assert metrics.false_event_rate(items, preds) == (1, 1)
    assert metrics.false_event_rate(items[:3], preds) is None


def test_prf_ratios_are_zero_when_undefined():
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    s = PRF(tp=1, fp=3, fn=0)
    assert s.precision == 0.25 and s.recall == 1.0 and s.f1 == pytest.approx(0.4)


def test_matching_is_maximum_not_greedy():
    golds = [gold("ASSAULT", {"FRA"}), gold("ASSAULT", {"DEU"})]
    # Greedy would give the first gold the first prediction and leave the second gold unmatched.
    preds = [pred("ASSAULT", {"FRA", "DEU"}), pred("ASSAULT", {"FRA"})]
    assert metrics.max_matching(golds, preds, metrics.same_dyad) == 2
    assert metrics.max_matching(golds, preds[1:], metrics.same_dyad) == 1


def test_dyad_needs_countries_only_where_gold_has_them():
    g = gold("COERCE", {"KEN"}, set())
    assert metrics.same_dyad(g, pred("COERCE", {"KEN"}, {"UGA"}))
    assert metrics.same_dyad(g, pred("COERCE", {"KEN", "TZA"}))
    assert not metrics.same_dyad(g, pred("COERCE", {"UGA"}, {"KEN"}))
    assert not metrics.same_dyad(g, pred("ASSAULT", {"KEN"}))
    assert not metrics.same_type(gold(None), pred(None))  # an untyped gold matches nothing


def test_cameo_matches():
    g = gold("CONSULT", {"USA"}, {"CHN"}, cameo="042")
    assert metrics.same_root(g, pred("CONSULT", cameo="040"))
    assert not metrics.same_code(g, pred("CONSULT", cameo="040"))
    assert metrics.same_triple(g, pred("CONSULT", {"USA"}, {"CHN", "RUS"}, cameo="042"))
    assert not metrics.same_triple(g, pred("CONSULT", {"CHN"}, {"USA"}, cameo="042"))
    assert not metrics.same_root(g, pred("CONSULT"))


def test_case2021_buckets():
    assert metrics.predicted_bucket([]) == "NONE"
    # The most confident event decides; a type outside the buckets is OTHER.
    assert (
        metrics.predicted_bucket([pred("ASSAULT", confidence=0.5), pred("CONSULT", confidence=0.9)])
        == "OTHER"
    )
    assert (
        metrics.predicted_bucket([pred("PROTEST", confidence=0.7), pred("COERCE", confidence=0.7)])
        == "PROTEST"
    )
    items = [
        EvalItem("1", "", gold=[gold("ASSAULT")], label="ASSAULT"),
        EvalItem("2", "", gold=[gold("ASSAULT")], label="ASSAULT"),
        EvalItem("3", "", gold=[gold("PROTEST")], label="PROTEST"),
        EvalItem("4", "", label="NONE", no_event=True),
        EvalItem("5", "", gold=[gold("AGREE")], label="AGREE"),
    ]
    preds = {"1": [pred("ASSAULT")], "3": [pred("CONSULT")], "5": [pred("ASSAULT")]}
    b = metrics.bucket_scores(items, preds)
    assert b.labels == ("ASSAULT", "PROTEST", "COERCE", "AGREE", "NONE")
    per = {k: (v.tp, v.fp, v.fn) for k, v in b.per_label.items()}
    assert per == {
        "ASSAULT": (1, 1, 1),
        "PROTEST": (0, 0, 1),
        "COERCE": (0, 0, 0),
        "AGREE": (0, 0, 1),
        "NONE": (1, 1, 0),
    }
    assert b.per_label["NONE"].f1 == pytest.approx(2 / 3)
    assert b.macro_f1 == pytest.approx((0.5 + 2 / 3) / 5)
    assert (b.correct, b.total, b.accuracy) == (2, 5, 0.4)


def test_penta_class():
    assert [metrics.penta_class(c) for c in ("010", "024", "036", "057", "061", "0841")] == [
        "0", "0", "1", "1", "2", "2",
    ]  # fmt: skip
    assert [metrics.penta_class(c) for c in ("090", "138", "141", "204")] == ["3", "3", "4", "4"]
    assert [metrics.penta_class(c) for c in ("163", "166", "173")] == ["3", "3", "4"]
    assert metrics.penta_class(None) is None and metrics.penta_class("00") is None
    assert metrics.penta_class("21") is None


def test_penta_scores_no_event_is_wrong():
    items = [EvalItem(str(n), "", gold=[gold(None)], label=label) for n, label in enumerate("0134")]
    preds = {
        "0": [pred("REQUEST", cameo="020")],  # right
        "1": [pred("CONSULT", cameo="190", confidence=0.2), pred("AGREE", cameo="057")],  # right
        # No CAMEO code on the most confident event: the next one with a code decides.
        "2": [pred("ACCUSE", confidence=0.9), pred("THREATEN", cameo="138", confidence=0.1)],
        # "3": no event: no prediction, a miss
    }
    p = metrics.penta_scores(items, preds)
    assert (p.correct, p.total, p.predicted) == (3, 4, 3)
    per = {k: (v.tp, v.fp, v.fn) for k, v in p.per_label.items()}
    assert per == {"0": (1, 0, 0), "1": (1, 0, 0), "2": (0, 0, 0), "3": (1, 0, 0), "4": (0, 0, 1)}
    assert p.accuracy == 0.75 and p.macro_f1 == pytest.approx(3 / 5)


def test_score_set_applies_only_the_metrics_a_set_supports():
    items = [
        EvalItem("x", "", gold=[gold("CONSULT", {"USA"}, {"CHN"}, cameo="042")]),
        EvalItem("y", "", no_event=True),
        # A public statement: no PLOVER type, so scored on CAMEO only.
        EvalItem("z", "", gold=[gold(None, {"FRA"}, cameo="015")]),
    ]
    preds = {
        "x": [pred("CONSULT", {"USA"}, {"RUS"}, cameo="043")],
        "y": [pred("AID")],
        "z": [pred("ACCUSE", {"FRA"}, cameo="015")],
    }
    r = metrics.score_set(sets.SETS["petr2-gsr"], items, preds, seconds=1.5)
    assert (r.items, r.gold_events, r.predicted_events, r.untyped_gold) == (3, 2, 3, 1)
    assert (r.event_type.tp, r.event_type.fp, r.event_type.fn) == (1, 2, 0)
    assert (r.dyad.tp, r.dyad.fp, r.dyad.fn) == (0, 3, 1)
    assert (r.cameo_root.tp, r.cameo_root.fp, r.cameo_root.fn) == (2, 1, 0)
    assert (r.cameo_code.tp, r.cameo_triple.tp, r.cameo_triple.fn) == (1, 1, 1)
    assert r.false_events == (1, 1) and r.false_event_rate == 1.0
    assert r.buckets is None and r.penta is None
    c = metrics.score_set(sets.SETS["conflibert-test"], items, preds, seconds=0.1)
    assert c.event_type is None and c.dyad is None and c.penta is not None


def test_pred_from_event_falls_back_to_the_code_prefix():
    ev = make_event(
        "d",
        "ASSAULT",
        actor=[Actor("Kenyan police", "KENCOP")],
        recipient=[Actor("x", "X", country="UGA")],
    )
    p = metrics.pred_from_event(ev)
    assert p.actor_countries == {"KEN"} and p.recipient_countries == {"UGA"}


# --- harness --------------------------------------------------------------------------------------


def make_event(doc_id, kind, actor=(), recipient=(), cameo=None, confidence=0.5) -> Event:
    return Event(
        doc_id=doc_id,
        sentence=0,
        text="",
        trigger=Span("x", 0, 1),
        event_type=kind,
        actor=list(actor),
        recipient=list(recipient),
        cameo=cameo,
        confidence=confidence,
    )


def country(code: str) -> Actor:
    return Actor(text=code, code=code, country=code)


class FakeCoder:
    """Codes by looking for a few words, the way a very poor coder would."""

    model_name = "fake-coder 0.0"

    def __init__(self):
        self.batches: list[list] = []

    def code(self, documents, on_problem=None):
        docs = list(documents)
        self.batches.append(docs)
        for doc in docs:
            events = []
            if "agreed" in doc.text:
                events.append(make_event(doc.id, "AGREE", [country("FRA")], cameo="057"))
            if any(w in doc.text for w in ("fired on", "struck", "shelled")):
                events.append(
                    make_event(doc.id, "ASSAULT", [country("JPN")], [country("CHN")], "190", 0.9)
                )
            if "Rain" in doc.text:
                events.append(make_event(doc.id, "PROTEST", cameo="141"))
            if "barracks" in doc.text:
                on_problem and on_problem("barracks: a made-up problem")
                continue  # returns nothing for this document
            yield CodedDocument(document=doc, events=events)


def test_run_set_codes_one_batch_and_scores(fake_ontology):
    coder = FakeCoder()
    r = harness.run_set("plover-gsr", coder, FIXTURES)
    assert len(coder.batches) == 1 and len(coder.batches[0]) == 4
    assert coder.batches[0][0].published == date(2000, 1, 1)
    assert coder.batches[0][0].id == "PLOVER-TEST-AGREE-0001"
    # AGREE (FRA) matches; ASSAULT JPN->CHN matches the FIGHT record read with JAP as JPN.
    assert (r.event_type.tp, r.event_type.fp, r.event_type.fn) == (2, 0, 3)
    assert (r.dyad.tp, r.dyad.fp, r.dyad.fn) == (2, 0, 3)
    assert r.false_events is None and r.seconds >= 0

    p = harness.run_set("petr2-gsr", coder, FIXTURES)
    assert p.false_events == (1, 1)  # the rain sentence got an event
    assert (p.cameo_root.tp, p.cameo_code.tp) == (0, 0)

    c = harness.run_set("conflibert-test", coder, FIXTURES)
    assert c.uncoded == 1 and c.problems == ["barracks: a made-up problem"]
    assert c.penta.correct == 2  # "agreed" -> 057 -> class 1; "shelled" -> 190 -> class 4


def test_cli_eval_writes_the_scoreboard(tmp_path, fake_ontology):
    board = tmp_path / "eval" / "SCOREBOARD.md"
    out, err = io.StringIO(), io.StringIO()
    rc = harness.cli_eval(["all"], FIXTURES, board, FakeCoder, stdout=out, stderr=err)
    assert rc == 0, err.getvalue()
    assert err.getvalue() == ""
    summary = out.getvalue()
    for name in ("plover-gsr", "petr2-gsr", "case2021", "conflibert-test"):
        assert name in summary
    assert "bucket macro-F1" in summary and f"wrote {board}" in summary

    text = board.read_text(encoding="utf-8")
    assert text.startswith("# dotterel scoreboard")
    assert "- Commit: " in text and "- Date: " in text and "- Model: fake-coder 0.0" in text
    for term in ("type P / R / F1", "dyad F1", "false-event rate", "seconds", "PentaClass"):
        assert term in text
    assert "| set | items | gold events | predicted events | type P | type R | type F1 |" in text
    rows = {line.split(" | ")[0][2:]: line for line in text.splitlines() if line.startswith("| ")}
    assert rows["plover-gsr"].startswith(
        "| plover-gsr | 4 | 5 | 2 | 1.000 | 0.400 | 0.571 | 0.571 | — |"
    )
    # petr2: its 1 no-event item got an event; case2021: its 1 did not.
    assert "| 1.000 (1/1) |" in rows["petr2-gsr"] and "| 0.000 (0/1) |" in rows["case2021"]
    assert rows["conflibert-test"].startswith("| conflibert-test | 4 | 4 | 2 | — | — | — | — |")
    assert "### case2021" in text and "Bucket macro-F1" in text
    assert "### petr2-gsr" in text and "| CAMEO triple |" in text
    assert "PentaClass accuracy **0.500** (2/4)" in text
    # tempeval3: the fake coder has no parser, so tense is unknown; Sunday, Friday (read as the
    # past Friday: wrong), last week right (W9 = W09), the year-earlier quarter not resolved.
    assert "tempeval3: DATE value accuracy 0.500 (2/4)" in summary
    assert "| tempeval3 | 0.500 | 2/4 | 0.500 | 1/2 |" in text
    assert "| tempeval3 | 4 | — | — | — | — | — | — | — |" in text
    assert "DATE value accuracy **0.500** (2/4)" in text
    # Calibration pools the events whose items name their types: the fake coder's events.
    assert "### Calibration" in text and "Confidence ≥ 0.8:" in text


def test_cli_eval_failures_are_one_line_each(tmp_path, capsys):
    rc = harness.cli_eval(["plover-gsr"], tmp_path / "nowhere", None, FakeCoder)
    assert rc == 2
    err = capsys.readouterr().err
    assert err.startswith("dotterel eval: evaluation data directory not found")
    assert "Traceback" not in err and err.count("\n") == 1

    assert harness.cli_eval(["acled"], FIXTURES, None, FakeCoder) == 2
    assert "unknown set(s): acled" in capsys.readouterr().err

    def broken():
        raise RuntimeError("no model")

    assert harness.cli_eval(["case2021"], FIXTURES, None, broken) == 2
    assert "could not start the coder: RuntimeError: no model" in capsys.readouterr().err


def test_cli_eval_goes_on_after_a_set_fails(tmp_path, capsys):
    (tmp_path / "case2021_task2").mkdir()
    src = FIXTURES / "case2021_task2" / "test_set_final_release_with_labels.tsv"
    (tmp_path / "case2021_task2" / src.name).write_bytes(src.read_bytes())
    board = tmp_path / "board.md"
    rc = harness.cli_eval(["plover-gsr", "case2021"], tmp_path, board, FakeCoder)
    assert rc == 2
    captured = capsys.readouterr()
    assert "set 'plover-gsr' not found" in captured.err
    assert "case2021" in captured.out
    text = board.read_text(encoding="utf-8")
    assert "Not scored:" in text and "| case2021 |" in text


def test_expand_sets():
    assert harness.expand_sets(["all"]) == list(sets.SETS)
    assert harness.expand_sets(["case2021", "all"])[0] == "case2021"
    assert len(harness.expand_sets(["case2021", "all"])) == 6
    assert "tempeval3" in harness.expand_sets(["all"])


def test_find_data_dir_prefers_the_given_one():
    assert harness.find_data_dir(FIXTURES) == FIXTURES


def test_git_commit_outside_a_repo(tmp_path):
    assert harness.git_commit(cwd=tmp_path).startswith("unknown")


def test_git_commit_marks_changes_but_not_the_scoreboard(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")

    def git(*args):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    (tmp_path / "code.py").write_text("x = 1\n")
    (tmp_path / "SCOREBOARD.md").write_text("old\n")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    board = tmp_path / "SCOREBOARD.md"
    clean = harness.git_commit(cwd=tmp_path, ignore=[board])
    assert len(clean) >= 7 and " " not in clean
    board.write_text("new\n")
    assert harness.git_commit(cwd=tmp_path, ignore=[board]) == clean
    assert harness.git_commit(cwd=tmp_path, ignore=["/elsewhere/board.md"]).endswith(
        "(uncommitted changes)"
    )
    (tmp_path / "code.py").write_text("x = 2\n")
    assert harness.git_commit(cwd=tmp_path, ignore=[board]) == f"{clean} (uncommitted changes)"


# --- the real sets (only counted; never used for anything else) -----------------------------------


@pytest.mark.shared
def test_real_sets_load_with_their_documented_sizes(fake_ontology):
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/data/eval not present")
    plover = sets.load_set("plover-gsr", SHARED_EVAL)
    # 322 event records on 316 distinct sentences.
    assert len(plover) == 316 and sum(len(i.gold) for i in plover) == 322
    assert {g.event_type for i in plover for g in i.gold} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
    petr2 = sets.load_set("petr2-gsr", SHARED_EVAL)
    assert len(petr2) == 78 and sum(len(i.gold) for i in petr2) == 80
    assert sum(i.no_event for i in petr2) == 12
    case = sets.load_set("case2021", SHARED_EVAL)
    assert Counter(i.label for i in case) == {
        "ASSAULT": 387, "PROTEST": 132, "NONE": 89, "COERCE": 78, "AGREE": 31,
    }  # fmt: skip
    penta = sets.load_set("conflibert-test", SHARED_EVAL)
    assert Counter(i.label for i in penta) == {"0": 56, "1": 80, "2": 57, "3": 150, "4": 108}


@pytest.mark.shared
def test_real_petr2_codes_without_a_plover_type_are_statements():
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/data/eval not present")
    try:
        from dotterel.events.ontology import ontology  # noqa: F401
    except ImportError:
        pytest.skip("dotterel.events.ontology not available yet")
    sets._ontology_plover_type.cache_clear()
    items = sets.load_set("petr2-gsr", SHARED_EVAL)
    untyped = sorted({g.cameo for i in items for g in i.gold if g.event_type is None})
    # PLOVER does not code CAMEO 01x public statements; every other gold code has a type.
    assert all(code.startswith("01") for code in untyped)


# --- actor scores ---------------------------------------------------------------------------------


def test_country_accuracy_over_gold_actors():
    items = [
        # compound actor: the event with both countries is the best match
        EvalItem("a", "", gold=[gold("AGREE", {"HUN", "ROU"})]),
        EvalItem("b", "", gold=[gold("ACCUSE", {"USA"}, {"CHN"})]),
        EvalItem("c", "", gold=[gold("ASSAULT", {"ISR"}, {"PSE"})]),
        EvalItem("d", "", gold=[gold("AID", {"FRA"}, {"MLI"})]),
        EvalItem("e", "", gold=[gold("PROTEST")]),  # no country: not scored
    ]
    preds = {
        "a": [pred("AGREE", {"HUN"}), pred("AGREE", {"HUN", "ROU"})],
        "b": [pred("ACCUSE", {"USA"})],
        "d": [pred("AID", {"DEU"}, {"MLI"})],
    }
    s = metrics.country_accuracy(items, preds)
    a, r = s.actor, s.recipient
    assert (a.correct, a.no_event, a.no_actor, a.wrong, a.total) == (3, 1, 0, 1, 5)
    assert (r.correct, r.no_event, r.no_actor, r.wrong, r.total) == (1, 1, 1, 0, 3)
    assert (a.accuracy, round(r.accuracy, 3), s.both.accuracy) == (0.6, 0.333, 0.5)


@pytest.mark.parametrize(
    "gold_code, pred_code, exact, as_gold",
    [
        ("USAGOV", "USAGOVMIL", True, True),
        ("USA", "USAGOV", False, True),
        ("USA", "USA", True, True),
        ("USAGOV", "USA", False, False),
        ("---GOV", "---GOV", True, True),
        ("---GOV", "RUSGOV", False, True),
        ("---GOV", "RUSMIL", False, False),
        ("IGOUNOKID", "IGOUNO", True, True),
        ("JAPMIL", "JPNMIL", True, True),
    ],
)
def test_code_matches(gold_code, pred_code, exact, as_gold):
    assert metrics.code_exact(gold_code, pred_code) is exact
    assert metrics.code_as_specific_as_gold(gold_code, pred_code) is as_gold


def test_code_accuracy_over_gold_actors():
    def g(actor, recipient):
        return GoldEvent("CONSULT", "042", actor_codes=actor, recipient_codes=recipient)

    def p(actor, recipient):
        return PredEvent("CONSULT", "042", actor_codes=actor, recipient_codes=recipient)

    items = [
        EvalItem("x", "", gold=[g(["PERGOV"], ["CHLGOV"]), g(["CHLGOV"], ["PERGOV"])]),
        EvalItem("y", "", gold=[g(["---LEG"], ["IGOUNO"])]),
        EvalItem("z", "", gold=[g(["---"], [])]),  # no actor named: not scored
    ]
    preds = {"x": [p(["PERGOV"], ["CHL"])], "y": [p(["USALEG"], ["IGOUNOKID"])]}
    exact = metrics.code_accuracy(items, preds, exact=True)
    assert (exact.actor.correct, exact.actor.wrong, exact.actor.total) == (1, 2, 3)
    assert (exact.recipient.correct, exact.recipient.wrong, exact.recipient.total) == (1, 2, 3)
    loose = metrics.code_accuracy(items, preds, exact=False)
    assert (loose.actor.correct, loose.recipient.correct) == (2, 1)


def test_pred_from_event_keeps_codes():
    ev = make_event("d", "AID", actor=[Actor("x", "USAGOV", country="USA")])
    assert metrics.pred_from_event(ev).actor_codes == ["USAGOV"]


def test_scoreboard_actor_rows(tmp_path, fake_ontology):
    board = tmp_path / "SCOREBOARD.md"
    out = io.StringIO()
    rc = harness.cli_eval(
        ["plover-gsr", "petr2-gsr"], FIXTURES, board, FakeCoder, stdout=out, stderr=io.StringIO()
    )
    assert rc == 0
    text = board.read_text(encoding="utf-8")
    assert "| metric | set | actor | recipient | all |" in text
    # plover: FRA right, DEU wrong, KEN no event, JPN right, CHN wrong; recipients CHN, JPN.
    assert "| country accuracy | plover-gsr | 0.400 (2/5) | 0.500 (1/2) | 0.429 (3/7) |" in text
    # petr2: the fake coder codes none of the fixture's events.
    assert "| code accuracy, exact | petr2-gsr | 0.000 (0/4) | 0.000 (0/4) | 0.000 (0/8) |" in text
    assert "| country | actor | 0.400 | 2 | 1 | 0 | 2 | 5 |" in text
    assert "**code accuracy**" in text and "counts as wrong" in text
    assert "plover-gsr: actor country accuracy 0.429 (3/7)" in out.getvalue()
    # The other scores are unchanged by the actor rows.
    assert "| plover-gsr | 4 | 5 | 2 | 1.000 | 0.400 | 0.571 | 0.571 | — |" in text


# --- tempeval3 ------------------------------------------------------------------------------------


def test_tempeval3_loader_reads_dates_and_their_documents():
    items = sets.load_set("tempeval3", FIXTURES)
    # the creation time and the DURATION are left out
    assert [(i.text, i.label) for i in items] == [
        ("Sunday", "2031-03-02"),
        ("Friday", "2031-03-07"),
        ("year-earlier quarter", "2030-Q3"),
        ("last week", "2031-W9"),
    ]
    assert items[0].date == date(2031, 3, 3) and items[0].id == "TEST/TEST20310303.0001/t1"
    friday = items[1]
    assert friday.context[friday.span[0] : friday.span[1]] == "Friday"
    assert "talks & visits" in friday.context  # entities unescaped, offsets kept


def test_tml_text_offsets():
    text, spans = sets.tml_text(
        'x <TEXT>On <TIMEX3 tid="t1" type="DATE">May 5</TIMEX3> &lt;b&gt;</TEXT>'
    )
    assert text == "On May 5 <b>" and text[slice(*spans["t1"])] == "May 5"


def test_timex_scores():
    items = [
        EvalItem("a", "Friday", label="2031-03-07"),
        EvalItem("b", "this week", label="2031-W9"),
        EvalItem("c", "the quarter", label="2031-Q1"),
    ]
    s = metrics.timex_scores(items, {"a": "2031-02-28", "b": "2031-W09", "c": None})
    assert (s.correct, s.total, s.day_correct, s.day_total, s.unresolved) == (1, 3, 0, 1, 1)
    assert metrics.same_timex_value("2000-W7", "2000-W07")
    assert not metrics.same_timex_value("2000-W7", None)


def test_tempeval3_with_a_parser_uses_the_tense(nlp):
    items = sets.load_set("tempeval3", FIXTURES)
    r = harness.run_timex_set(sets.SETS["tempeval3"], items, nlp)
    # "would resume on Friday": the coming Friday
    assert r.timex.correct == 3 and r.timex.with_tense == 4


@pytest.mark.shared
def test_real_tempeval3_size():
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/data/eval not present")
    items = sets.load_set("tempeval3", SHARED_EVAL)
    assert len(items) == 1505 and all(i.span for i in items)
