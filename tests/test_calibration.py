from dotterel.eval.calibration import calibration_table, judged, share_at_least
from dotterel.eval.metrics import PredEvent
from dotterel.eval.sets import EvalItem, GoldEvent


def test_events_are_judged_only_where_the_gold_can_judge_them():
    items = [
        EvalItem("a", "x", gold=[GoldEvent("CONSULT")]),
        EvalItem("b", "y", no_event=True),
        EvalItem("c", "z", label="3"),  # PentaClass only: cannot judge a type
    ]
    preds = {
        "a": [PredEvent("CONSULT", confidence=0.85), PredEvent("ACCUSE", confidence=0.3)],
        "b": [PredEvent("ASSAULT", confidence=0.95)],
        "c": [PredEvent("REJECT", confidence=0.9)],
    }
    pairs = judged(items, preds)
    assert sorted(pairs) == [(0.3, False), (0.85, True), (0.95, False)]
    assert share_at_least(pairs, 0.8) == (1, 2)
    bins = calibration_table(pairs)
    by_low = {b.low: (b.events, b.right) for b in bins}
    assert by_low[0.2] == (1, 0) and by_low[0.8] == (1, 1) and by_low[0.9] == (1, 0)
    assert sum(b.events for b in bins) == 3
