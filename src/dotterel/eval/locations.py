"""Location accuracy: the predicted event's `location` against the gold event's place (plover-gsr
`eventLoc`). Pure functions over gold items and predicted events, as in metrics.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# A gold place name -> the GeoNames ids the gazetteer gives that name (exact or alternate).
Aliases = Callable[[str], set[int]]

DEFINITION = """\
Locations (plover-gsr, the gold events that give an `eventLoc`; the table "Locations" below):

- Each such gold event is scored against **one** predicted event of its item: the first one (in
  the coder's order) with the gold event's PLOVER type, or when none has it, the item's most
  confident event. The location is **correct** when that event's `location` names the gold
  place: its name equals the gold name once case, accents, punctuation and a leading "the" are
  folded away, or the gold name is one of the names (main or alternate) that dotterel's
  gazetteer gives the predicted place's GeoNames id ("Kiev" for Kyiv). The gold's optional
  country code is not used. Otherwise the gold place is missed: *no event* (the item got no
  event), *no location* (the event has none) or *wrong* (another place). Accuracy is correct /
  all gold places; "given an event" leaves out the *no event* ones."""


@dataclass
class LocationScores:
    correct: int = 0
    no_event: int = 0
    no_location: int = 0
    wrong: int = 0

    @property
    def total(self) -> int:
        return self.correct + self.no_event + self.no_location + self.wrong

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def given_event(self) -> float | None:
        n = self.total - self.no_event
        return self.correct / n if n else None


def _fold(name: str) -> str:
    from dotterel.attributes.gazetteer import fold

    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def gazetteer_aliases(name: str) -> set[int]:
    """The GeoNames ids dotterel's gazetteer gives `name`."""
    from dotterel.attributes.gazetteer import gazetteer

    return {m.entry.geonameid for m in gazetteer().lookup(name)}


def coder_aliases(coder: Any) -> Aliases | None:
    """The aliases of the coder's own gazetteer (with its knowledge base's country names), or
    None (the shipped gazetteer) for a coder without one."""
    places = getattr(getattr(coder, "places", None), "gazetteer", None)
    if places is None or not hasattr(places, "lookup"):
        return None
    return lambda name: {m.entry.geonameid for m in places.lookup(name)}


def same_place(gold: str, place: Mapping[str, Any] | None, aliases: Aliases) -> bool:
    if not place:
        return False
    name = place.get("name") or ""
    if name and _fold(name) == _fold(gold):
        return True
    gid = place.get("geonameid")
    return gid is not None and gid in (aliases(gold) | aliases(_fold(gold)))


def _matched(gold_type: str | None, pred: Sequence[Any]) -> Any | None:
    """The predicted event a gold event is scored against (see DEFINITION)."""
    for p in pred:
        if gold_type is not None and p.event_type == gold_type:
            return p
    best = None
    for p in pred:
        if best is None or p.confidence > best.confidence:
            best = p
    return best


def location_scores(
    items: Sequence[Any], preds: Mapping[str, Sequence[Any]], aliases: Aliases | None = None
) -> LocationScores | None:
    """Scores over the gold events that give a location; None when no gold event does."""
    aliases = aliases or gazetteer_aliases
    out = LocationScores()
    for item in items:
        pred = preds.get(item.id, ())
        for g in item.gold:
            if not getattr(g, "location", None):
                continue
            p = _matched(g.event_type, pred)
            if p is None:
                out.no_event += 1
            elif not p.location:
                out.no_location += 1
            elif same_place(g.location, p.location, aliases):
                out.correct += 1
            else:
                out.wrong += 1
    return out if out.total else None


HEADER = ["set", "location accuracy", "correct", "given an event", "no event", "no location",
          "wrong"]  # fmt: skip


def row(name: str, s: LocationScores) -> list[str]:
    def num(v: float | None) -> str:
        return "—" if v is None else f"{v:.3f}"

    return [
        name,
        num(s.accuracy),
        f"{s.correct}/{s.total}",
        num(s.given_event),
        str(s.no_event),
        str(s.no_location),
        str(s.wrong),
    ]
