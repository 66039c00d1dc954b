"""Scoring: pure functions from gold items and predicted events to numbers.

Predictions come in as PredEvent (the few fields scoring needs), keyed by item id, so every
function here can be tested on hand-made data without a coder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dotterel.eval.locations import LocationScores
from dotterel.eval.polnear import QuoteScores
from dotterel.eval.sets import (
    CASE2021_BUCKET_NAMES,
    COUNTRY_ALIASES,
    EvalItem,
    EvalSet,
    GoldEvent,
    countries_of,
)
from dotterel.records import Event


@dataclass
class PredEvent:
    event_type: str | None
    cameo: str | None = None
    actor_countries: set[str] = field(default_factory=set)
    recipient_countries: set[str] = field(default_factory=set)
    confidence: float = 0.5
    actor_codes: list[str] = field(default_factory=list)
    recipient_codes: list[str] = field(default_factory=list)
    location: dict | None = None  # the event's Place record


def pred_from_event(event: Event) -> PredEvent:
    """What scoring reads of an event. A side's countries are its actors' `country` fields; an
    actor without one counts by its code's country prefix (as the gold's countries do)."""

    def side(actors) -> set[str]:
        found = {a.country for a in actors if a.country}
        return found | countries_of([a.code for a in actors if not a.country])

    return PredEvent(
        event_type=event.event_type,
        cameo=event.cameo,
        actor_countries=side(event.actor),
        recipient_countries=side(event.recipient),
        confidence=event.confidence,
        actor_codes=[a.code for a in event.actor],
        recipient_codes=[a.code for a in event.recipient],
        location=event.location.to_record() if event.location else None,
    )


Preds = Mapping[str, Sequence[PredEvent]]


@dataclass
class PRF:
    """Counts over a whole set; the ratios are 0.0 where their denominator is 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# --- matching -------------------------------------------------------------------------------------

Match = Callable[[GoldEvent, PredEvent], bool]


def max_matching(gold: Sequence[GoldEvent], pred: Sequence[PredEvent], ok: Match) -> int:
    """The largest number of (gold, predicted) pairs that `ok` accepts, each event used at most
    once. A maximum bipartite matching (augmenting paths), not greedy: with dyads, greedy can pair
    a prediction with the wrong one of two gold events of the same type and miss a match."""
    owner: list[int | None] = [None] * len(pred)  # pred index -> gold index it is matched to

    def augment(g: int, seen: set[int]) -> bool:
        for p in range(len(pred)):
            if p in seen or not ok(gold[g], pred[p]):
                continue
            seen.add(p)
            if owner[p] is None or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    return sum(augment(g, set()) for g in range(len(gold)))


def same_type(g: GoldEvent, p: PredEvent) -> bool:
    return g.event_type is not None and g.event_type == p.event_type


def _side_ok(gold: set[str], pred: set[str]) -> bool:
    # A gold side with no country places no demand; otherwise one country in common is enough
    # (compound actors are lists: "Hungarian and Romanian officials").
    return not gold or bool(gold & pred)


def same_dyad(g: GoldEvent, p: PredEvent) -> bool:
    return (
        same_type(g, p)
        and _side_ok(g.actor_countries, p.actor_countries)
        and _side_ok(g.recipient_countries, p.recipient_countries)
    )


def same_root(g: GoldEvent, p: PredEvent) -> bool:
    return bool(g.cameo and p.cameo) and g.cameo[:2] == p.cameo[:2]


def same_code(g: GoldEvent, p: PredEvent) -> bool:
    return bool(g.cameo) and g.cameo == p.cameo


def same_triple(g: GoldEvent, p: PredEvent) -> bool:
    return (
        same_code(g, p)
        and _side_ok(g.actor_countries, p.actor_countries)
        and _side_ok(g.recipient_countries, p.recipient_countries)
    )


def prf(items: Sequence[EvalItem], preds: Preds, ok: Match) -> PRF:
    """Matched pairs are TP, unmatched predictions FP, unmatched gold events FN, summed over all
    items (predictions on no-event items are FPs too)."""
    out = PRF()
    for item in items:
        pred = preds.get(item.id, ())
        matched = max_matching(item.gold, pred, ok)
        out.tp += matched
        out.fp += len(pred) - matched
        out.fn += len(item.gold) - matched
    return out


def false_event_rate(items: Sequence[EvalItem], preds: Preds) -> tuple[int, int] | None:
    """(no-event items with >= 1 predicted event, no-event items); None when the set has none."""
    quiet = [item for item in items if item.no_event]
    if not quiet:
        return None
    return sum(1 for item in quiet if preds.get(item.id)), len(quiet)


def most_confident(pred: Sequence[PredEvent]) -> PredEvent | None:
    """The highest-confidence event; on a tie the first in the coder's order."""
    best = None
    for p in pred:
        if best is None or p.confidence > best.confidence:
            best = p
    return best


# --- case2021: buckets ----------------------------------------------------------------------------

SCORED_BUCKETS = tuple(b for b in CASE2021_BUCKET_NAMES if b != "NONE")


def predicted_bucket(pred: Sequence[PredEvent]) -> str:
    """NONE when no event; the most confident event's PLOVER type when it is a scored bucket;
    OTHER otherwise (wrong for every item, since no gold bucket is OTHER)."""
    top = most_confident(pred)
    if top is None:
        return "NONE"
    return top.event_type if top.event_type in SCORED_BUCKETS else "OTHER"


@dataclass
class ClassScores:
    """Single-label classification: one gold and at most one predicted label per item."""

    labels: tuple[str, ...]
    per_label: dict[str, PRF]
    correct: int
    total: int
    predicted: int  # items that got a prediction at all

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.per_label.values()) / len(self.labels) if self.labels else 0.0


def classify_scores(pairs: Sequence[tuple[str, str | None]], labels: Sequence[str]) -> ClassScores:
    """One-vs-rest P/R/F1 per label from (gold, predicted) pairs. A prediction outside `labels`
    (OTHER, or None for no prediction) is a miss for the gold label and a false positive for
    none; macro-F1 averages over `labels` only."""
    per = {label: PRF() for label in labels}
    for gold, pred in pairs:
        if gold == pred:
            per[gold].tp += 1
            continue
        if gold in per:
            per[gold].fn += 1
        if pred in per:
            per[pred].fp += 1
    return ClassScores(
        labels=tuple(labels),
        per_label=per,
        correct=sum(1 for gold, pred in pairs if gold == pred),
        total=len(pairs),
        predicted=sum(1 for _, pred in pairs if pred is not None),
    )


def bucket_scores(items: Sequence[EvalItem], preds: Preds) -> ClassScores:
    pairs = [(item.label or "", predicted_bucket(preds.get(item.id, ()))) for item in items]
    return classify_scores(pairs, CASE2021_BUCKET_NAMES)


# --- conflibert-test: PentaClass ------------------------------------------------------------------

PENTA_CLASSES = ("0", "1", "2", "3", "4")
# CAMEO root -> PentaClass: 01-02 statements/appeals, 03-05 verbal cooperation, 06-08 material
# cooperation, 09-13 verbal conflict, 14-20 material conflict; but 16 (reduce relations,
# sanctions) is verbal conflict, as in Phoenix's QuadClass: the training split labels its
# sanction and expulsion sentences 3, never 4.
_PENTA_BOUNDS = ((2, "0"), (5, "1"), (8, "2"), (13, "3"), (20, "4"))
_PENTA_EXCEPTIONS = {16: "3"}


def penta_class(cameo: str | None) -> str | None:
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root < 1:
        return None
    if root in _PENTA_EXCEPTIONS:
        return _PENTA_EXCEPTIONS[root]
    return next((cls for top, cls in _PENTA_BOUNDS if root <= top), None)


def predicted_penta(pred: Sequence[PredEvent]) -> str | None:
    """The PentaClass of the most confident event that carries a CAMEO code; None (no
    prediction, counted wrong) when no event has one."""
    return penta_class(
        getattr(most_confident([p for p in pred if penta_class(p.cameo)]), "cameo", None)
    )


def penta_scores(items: Sequence[EvalItem], preds: Preds) -> ClassScores:
    pairs = [(item.label or "", predicted_penta(preds.get(item.id, ()))) for item in items]
    return classify_scores(pairs, PENTA_CLASSES)


# --- actors -------------------------------------------------------------------------------------


@dataclass
class SideScore:
    """Gold actors of one side, each scored against its gold event's best-matching predicted
    event. A gold actor is correct, or missed in one of three ways."""

    correct: int = 0
    no_event: int = 0  # the item has no predicted event at all
    no_actor: int = 0  # the best-matching event has no actor on this side
    wrong: int = 0  # it has actors on this side, none of them right

    @property
    def total(self) -> int:
        return self.correct + self.no_event + self.no_actor + self.wrong

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: SideScore) -> SideScore:
        return SideScore(
            self.correct + other.correct,
            self.no_event + other.no_event,
            self.no_actor + other.no_actor,
            self.wrong + other.wrong,
        )


@dataclass
class ActorScores:
    actor: SideScore = field(default_factory=SideScore)
    recipient: SideScore = field(default_factory=SideScore)

    @property
    def both(self) -> SideScore:
        return self.actor + self.recipient


# A gold unit (a country, or a code) and the predicted side's values -> is it there?
UnitMatch = Callable[[str, Sequence[str]], bool]


def _country_units(g: GoldEvent) -> tuple[list[str], list[str]]:
    return sorted(g.actor_countries), sorted(g.recipient_countries)


def _has_country(unit: str, pred: Sequence[str]) -> bool:
    return unit in pred


def _code_units(g: GoldEvent) -> tuple[list[str], list[str]]:
    def units(codes: list[str]) -> list[str]:
        # "---" alone (or no code) names no actor: not scored.
        return list(dict.fromkeys(c.strip().upper() for c in codes if c.strip("- ")))

    return units(g.actor_codes), units(g.recipient_codes)


def _normal_code(code: str) -> str:
    code = code.strip().upper()
    return COUNTRY_ALIASES.get(code[:3], code[:3]) + code[3:]


def code_exact(gold: str, pred: str) -> bool:
    """Country + first sector: the first six letters equal ('USAGOV' = 'USAGOVMIL'; 'USA' only
    'USA'; '---GOV' only '---GOV'; 'IGOUNOKID' = 'IGOUNO...')."""
    return _normal_code(gold)[:6] == _normal_code(pred)[:6]


def code_as_specific_as_gold(gold: str, pred: str) -> bool:
    """Every three-letter part the gold gives (of its first six letters) equal, '---' matching
    any: gold 'USA' takes 'USA' and 'USAGOV'; '---GOV' takes any country's GOV."""
    g, p = _normal_code(gold)[:6], _normal_code(pred)
    if len(p) < len(g):
        return False
    return all(g[i : i + 3] in ("---", p[i : i + 3]) for i in range(0, len(g), 3))


def _codes_match(match: Callable[[str, str], bool]) -> UnitMatch:
    return lambda unit, pred: any(match(unit, code) for code in pred)


def actor_scores(
    items: Sequence[EvalItem],
    preds: Preds,
    units: Callable[[GoldEvent], tuple[list[str], list[str]]],
    found: UnitMatch,
    values: Callable[[PredEvent], tuple[Sequence[str], Sequence[str]]],
) -> ActorScores:
    """For each gold event, the predicted event of its item that gets the most of its actor and
    recipient units right (the first on a tie; one predicted event may serve several gold
    events); each unit is correct when that event's same side has it."""
    out = ActorScores()
    for item in items:
        pred = preds.get(item.id, ())
        for g in item.gold:
            gold_actor, gold_recipient = units(g)
            if not gold_actor and not gold_recipient:
                continue
            best, best_hits = None, -1
            for p in pred:
                p_actor, p_recipient = values(p)
                hits = sum(found(u, p_actor) for u in gold_actor) + sum(
                    found(u, p_recipient) for u in gold_recipient
                )
                if hits > best_hits:
                    best, best_hits = p, hits
            for side, gold_units, index in (
                (out.actor, gold_actor, 0),
                (out.recipient, gold_recipient, 1),
            ):
                for u in gold_units:
                    if best is None:
                        side.no_event += 1
                        continue
                    have = values(best)[index]
                    if found(u, have):
                        side.correct += 1
                    elif not have:
                        side.no_actor += 1
                    else:
                        side.wrong += 1
    return out


def country_accuracy(items: Sequence[EvalItem], preds: Preds) -> ActorScores:
    return actor_scores(
        items,
        preds,
        _country_units,
        _has_country,
        lambda p: (sorted(p.actor_countries), sorted(p.recipient_countries)),
    )


def code_accuracy(items: Sequence[EvalItem], preds: Preds, exact: bool = True) -> ActorScores:
    match = code_exact if exact else code_as_specific_as_gold
    return actor_scores(
        items, preds, _code_units, _codes_match(match), lambda p: (p.actor_codes, p.recipient_codes)
    )


def _has_sector_codes(items: Sequence[EvalItem]) -> bool:
    """Gold codes that say more than a country (PETR-2's 'USAGOV'; PLOVER's are 'USA')."""
    return any(len(c.strip()) > 3 for item in items for g in item.gold for c in g.actor_codes)


# --- one set --------------------------------------------------------------------------------------


@dataclass
class TimexScores:
    """Value accuracy of normalised time expressions (exact match of the TIMEX3 value)."""

    correct: int = 0
    total: int = 0
    day_correct: int = 0  # among gold values of the form YYYY-MM-DD
    day_total: int = 0
    unresolved: int = 0  # expressions the normaliser gave no value for
    with_tense: int = 0  # expressions resolved with their clause's tense from a parse

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def day_accuracy(self) -> float | None:
        return self.day_correct / self.day_total if self.day_total else None


_WEEK = re.compile(r"W0(\d)")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")


def same_timex_value(gold: str, got: str | None) -> bool:
    """Exact match; only the week number's zero padding is not held against either side
    (the gold writes both "2000-W7" and "2000-W07")."""
    return got is not None and _WEEK.sub(r"W\1", gold) == _WEEK.sub(r"W\1", got)


def timex_scores(
    items: Sequence[EvalItem], values: Mapping[str, str | None], with_tense: int = 0
) -> TimexScores:
    s = TimexScores(with_tense=with_tense)
    for item in items:
        gold, got = item.label or "", values.get(item.id)
        ok = same_timex_value(gold, got)
        s.total += 1
        s.correct += ok
        s.unresolved += got is None
        if _DAY_VALUE.match(gold):
            s.day_total += 1
            s.day_correct += ok
    return s


@dataclass
class SetResult:
    """Everything the scoreboard says about one set. None: the metric does not apply to it."""

    name: str
    items: int
    gold_events: int
    predicted_events: int
    seconds: float
    event_type: PRF | None = None
    dyad: PRF | None = None
    false_events: tuple[int, int] | None = None  # (items with events, no-event items)
    cameo_root: PRF | None = None
    cameo_code: PRF | None = None
    cameo_triple: PRF | None = None
    buckets: ClassScores | None = None
    penta: ClassScores | None = None
    actor_country: ActorScores | None = None  # country accuracy over gold actors
    actor_code: ActorScores | None = None  # code accuracy, first six letters
    actor_code_prefix: ActorScores | None = None  # code accuracy, as specific as the gold
    timex: TimexScores | None = None  # tempeval3: time expression normalisation
    location: LocationScores | None = None  # plover-gsr: event locations (eval/locations.py)
    quotes: QuoteScores | None = None  # polnear: quotes and their speakers
    untyped_gold: int = 0  # gold events without a PLOVER type, left out of type and dyad scores
    problems: list[str] = field(default_factory=list)  # what the coder reported as unusable
    uncoded: int = 0  # items the coder returned no CodedDocument for
    # (confidence, right) of each predicted event whose item's gold names event types
    judged_confidences: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def false_event_rate(self) -> float | None:
        if not self.false_events:
            return None
        hit, of = self.false_events
        return hit / of if of else None


def score_set(
    spec: EvalSet,
    items: Sequence[EvalItem],
    preds: Preds,
    seconds: float,
    problems: Sequence[str] = (),
    uncoded: int = 0,
) -> SetResult:
    result = SetResult(
        name=spec.name,
        items=len(items),
        gold_events=sum(len(item.gold) for item in items),
        predicted_events=sum(len(preds.get(item.id, ())) for item in items),
        seconds=seconds,
        false_events=false_event_rate(items, preds),
        problems=list(problems),
        uncoded=uncoded,
    )
    if spec.typed:
        # A gold event with no PLOVER type (petr2-gsr's CAMEO 01x public statements, which PLOVER
        # does not code) has nothing to match on type: it is left out of the type and dyad
        # scores rather than counted as a miss. It still counts in the CAMEO scores.
        typed = [replace(item, gold=[g for g in item.gold if g.event_type]) for item in items]
        result.untyped_gold = result.gold_events - sum(len(item.gold) for item in typed)
        result.event_type = prf(typed, preds, same_type)
        if spec.actors:
            result.dyad = prf(typed, preds, same_dyad)
    if spec.actors:
        # Over every gold event with actors, typed or not: an actor is an actor.
        result.actor_country = country_accuracy(items, preds)
        if _has_sector_codes(items):
            result.actor_code = code_accuracy(items, preds, exact=True)
            result.actor_code_prefix = code_accuracy(items, preds, exact=False)
    if any(g.cameo for item in items for g in item.gold):
        result.cameo_root = prf(items, preds, same_root)
        result.cameo_code = prf(items, preds, same_code)
        result.cameo_triple = prf(items, preds, same_triple)
    if spec.name == "case2021":
        result.buckets = bucket_scores(items, preds)
    if spec.name == "conflibert-test":
        result.penta = penta_scores(items, preds)
    return result
