"""Calibration: of the events given a confidence in a bin, how many had the right type?

An event is right when its item's gold holds an event of the same PLOVER type. Only items whose
gold says which types happened count: those with typed gold events, and those whose gold says
no event may be coded (where every event is wrong). Sets without event-type gold (the
PentaClass set) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dotterel.eval.metrics import PredEvent
from dotterel.eval.sets import EvalItem

EDGES = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass
class Bin:
    low: float
    high: float
    events: int = 0
    right: int = 0

    @property
    def share(self) -> float | None:
        return self.right / self.events if self.events else None


def judged(
    items: Sequence[EvalItem], preds: Mapping[str, Sequence[PredEvent]]
) -> list[tuple[float, bool]]:
    """(confidence, right) for every predicted event on an item whose gold can judge it."""
    out = []
    for item in items:
        types = {g.event_type for g in item.gold if g.event_type}
        if not types and not item.no_event:
            continue
        out.extend((p.confidence, p.event_type in types) for p in preds.get(item.id, ()))
    return out


def calibration_table(pairs: Iterable[tuple[float, bool]]) -> list[Bin]:
    bins = [Bin(lo, hi) for lo, hi in zip(EDGES, EDGES[1:], strict=False)]
    for confidence, right in pairs:
        for b in bins:
            if b.low <= confidence < b.high or (b.high == 1.0 and confidence == 1.0):
                b.events += 1
                b.right += right
                break
    return bins


def share_at_least(pairs: Iterable[tuple[float, bool]], threshold: float) -> tuple[int, int]:
    """(right, events) among events with confidence ≥ threshold."""
    kept = [right for confidence, right in pairs if confidence >= threshold]
    return sum(kept), len(kept)


def render(bins: Sequence[Bin], at_08: tuple[int, int]) -> list[str]:
    lines = [
        "### Calibration",
        "",
        "Predicted events on items whose gold names the event types (or says there is none),",
        "pooled over the sets that have such gold, by confidence: how many had a type the gold",
        "holds for their item.",
        "",
        "| confidence | events | share right |",
        "|---|---|---|",
    ]
    for b in bins:
        share = "—" if b.share is None else f"{b.share:.3f}"
        lines.append(f"| {b.low:.1f}–{b.high:.1f} | {b.events} | {share} |")
    right, total = at_08
    share = f"{right / total:.3f}" if total else "—"
    lines += ["", f"Confidence ≥ 0.8: {right} of {total} events right ({share}).", ""]
    return lines
