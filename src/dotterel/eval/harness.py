"""`dotterel eval SET`: code an evaluation set with the Coder, score it, write the scoreboard."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter
from typing import Any, TextIO

from dotterel.document import Document
from dotterel.eval import calibration
from dotterel.eval import locations as eval_locations
from dotterel.eval.calibration import judged
from dotterel.eval.metrics import (
    PRF,
    ActorScores,
    ClassScores,
    SetResult,
    SideScore,
    pred_from_event,
    score_set,
    timex_scores,
)
from dotterel.eval.polnear import QuoteScores, run_polnear
from dotterel.eval.sets import SETS, EvalDataError, get_set, load_set

DATA_DIR_NAME = Path("../shared/data/eval")
DEFAULT_SCOREBOARD = Path("eval/SCOREBOARD.md")


def data_dir_candidates() -> list[Path]:
    """Where the sets are looked for: beside the working directory's repo, then beside the
    package's source checkout (so a run from another directory still finds them)."""
    return [Path.cwd() / DATA_DIR_NAME, Path(__file__).resolve().parents[3] / DATA_DIR_NAME]


def find_data_dir(given: Path | None = None) -> Path:
    if given is not None:
        if not Path(given).is_dir():
            raise EvalDataError(f"evaluation data directory not found: {given}")
        return Path(given)
    for candidate in data_dir_candidates():
        if candidate.is_dir():
            return candidate.resolve()
    looked = ", ".join(str(c) for c in data_dir_candidates())
    raise EvalDataError(f"evaluation data not found (looked in {looked}); use --data DIR")


def run_set(name: str, coder: Any, data_dir: Path) -> SetResult:
    """Load a set, code all its items in one batch, score them.

    Each item becomes one Document (id = item id, published = item date). Items the coder
    returns nothing for count as coded with no events (and are counted in `uncoded`).
    """
    spec = get_set(name)
    items = load_set(name, data_dir)
    if spec.kind == "timex":
        return run_timex_set(spec, items, getattr(coder, "nlp", None))
    if spec.kind == "quotes":
        return run_polnear(name, items, coder)
    if len({item.id for item in items}) != len(items):  # events are collected by document id
        raise EvalDataError(f"set {name!r}: item ids are not unique")
    docs = [
        Document(id=item.id, text=item.text, published=item.date, origin=f"{name}:{item.id}")
        for item in items
    ]
    problems: list[str] = []
    events: dict[str, list] = {}
    start = perf_counter()
    for coded in coder.code(docs, on_problem=lambda p: problems.append(str(p))):
        events.setdefault(coded.document.id, []).extend(coded.events)
    seconds = perf_counter() - start
    preds = {item.id: [pred_from_event(e) for e in events.get(item.id, [])] for item in items}
    uncoded = sum(1 for item in items if item.id not in events)
    result = score_set(spec, items, preds, seconds, problems=problems, uncoded=uncoded)
    result.judged_confidences = judged(items, preds)
    aliases = eval_locations.coder_aliases(coder)
    result.location = eval_locations.location_scores(items, preds, aliases)
    return result


def run_timex_set(spec: Any, items: list, nlp: Any = None) -> SetResult:
    """Normalise each gold time expression against its document's creation time.

    With a spaCy pipeline (the coder's), each document is parsed and the expression is resolved
    with the tense of the clause it attaches to, as the coder does; without one, tense unknown.
    The gold gives the expressions, so this scores normalisation, not detection.
    """
    from dotterel.attributes import dates, timex_focus

    start = perf_counter()
    tenses: dict[str, str | None] = {}
    if nlp is not None:
        contexts = {item.context for item in items if item.context}
        parsed = dict(zip(contexts, nlp.pipe(contexts), strict=True))
        for item in items:
            if not (item.context and item.span):
                continue
            span = parsed[item.context].char_span(*item.span, alignment_mode="expand")
            if span is not None and len(span):
                tenses[item.id] = dates.tense_of(dates.governing_predicate(span.root))
    values: dict[str, str | None] = {}
    for item in items:
        # anaphors ("the next day", "that year") count from the document's temporal focus
        at = item.span[0] if item.context and item.span else None
        value = (
            timex_focus.normalise_in_document(
                item.text, item.date, tenses.get(item.id), item.context, at
            )
            if item.date
            else None
        )
        values[item.id] = value.value if value else None
    seconds = perf_counter() - start
    return SetResult(
        name=spec.name,
        items=len(items),
        gold_events=0,
        predicted_events=0,
        seconds=seconds,
        timex=timex_scores(items, values, with_tense=len(tenses)),
    )


# --- formatting -----------------------------------------------------------------------------------

NA = "—"


def _num(value: float | None, digits: int = 3) -> str:
    return NA if value is None else f"{value:.{digits}f}"


def _rate(result: SetResult) -> str:
    if result.false_events is None:
        return NA
    hit, of = result.false_events
    return f"{_num(result.false_event_rate)} ({hit}/{of})"


def summary_row(r: SetResult) -> list[str]:
    t = r.event_type
    if r.timex is not None or r.quotes is not None:  # no events: only the items and the time
        return [r.name, str(r.items), NA, NA, NA, NA, NA, NA, NA, f"{r.seconds:.1f}"]
    return [
        r.name,
        str(r.items),
        str(r.gold_events),
        str(r.predicted_events),
        _num(t.precision if t else None),
        _num(t.recall if t else None),
        _num(t.f1 if t else None),
        _num(r.dyad.f1 if r.dyad else None),
        _rate(r),
        f"{r.seconds:.1f}",
    ]


SUMMARY_HEADER = [
    "set",
    "items",
    "gold events",
    "predicted events",
    "type P",
    "type R",
    "type F1",
    "dyad F1",
    "false-event rate",
    "seconds",
]

METRIC_DEFINITIONS = """\
Each set is coded in one batch: every item (a sentence or a short snippet) is one document, dated
with the set's date where it has one. The sets are used for scoring only; nothing is tuned on them.

- **items**: scored texts. plover-gsr: records with the same sentence are merged into one item
  holding all their gold events. case2021: only the snippets of the scored buckets (below).
- **gold events** / **predicted events**: events the set expects / the coder output, over all items.
- **type P / R / F1** (event type per sentence): a predicted event matches a gold event of the same
  item with the same PLOVER event type; each gold and each predicted event is used in at most one
  match (maximum matching). Matches are true positives, unmatched predicted events false positives
  (also those on items with no gold event), unmatched gold events false negatives, summed over all
  items; P = TP/(TP+FP), R = TP/(TP+FN), F1 their harmonic mean (0 when undefined). plover-gsr's
  PLOVER 0.5 names are renamed DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT,
  INVESTIGATE→ACCUSE; petr2-gsr's gold type is the one dotterel's CAMEO→PLOVER map gives its gold
  CAMEO code; case2021's gold type is its bucket's PLOVER type. A gold event whose CAMEO code has
  no PLOVER type (petr2-gsr's 01x public statements: PLOVER does not code them) is left out of
  the type and dyad scores (predicted events on its item still count) and scored on CAMEO only.
- **dyad F1**: as type F1, but a match also needs the actor and recipient countries: where the gold
  side names a country (first three letters of its actor code, when they are an ISO 3166 alpha-3
  code; the GSR typos JAP, ITL, VTN read as JPN, ITA, VNM), the predicted side must share at least
  one country with it; a gold side without a country (IGO, NGO, "---", none) is not required to
  match. A predicted actor's country is its `country`, else its code's prefix. Only sets with gold
  actors.
- **false-event rate**: among items whose gold says no event may be coded (petr2-gsr `noevents`;
  case2021 NATURAL_DISASTER and MAN_MADE_DISASTER), the share where the coder output at least one
  event.
- **seconds**: wall-clock time of coding the whole set (loading and scoring not included).
- "—": the metric does not apply to the set (its gold does not say).

Set-specific scores (details below each table row's set):

- petr2-gsr **CAMEO root / code / triple P, R, F1**: the same matching on CAMEO codes: root = first
  two digits equal; code = the full code equal; triple = full code equal and the dyad countries
  as in dyad F1.
- case2021 **buckets**: ASSAULT (ARMED_CLASH, AIR_STRIKE, ATTACK, SUIC_BOMB, GRENADE, REM_EXPLOS,
  ART_MISS_ATTACK, CHEM_WEAP, SEX_VIOL, ABDUCT_DISSAP, MOB_VIOL), PROTEST (PEACE_PROTEST,
  VIOL_DEMONSTR, PROTEST_WITH_INTER), COERCE (ARREST, FORCE_AGAINST_PROTEST, PROPERTY_DISTRUCT),
  AGREE (AGREEMENT), NONE (NATURAL_DISASTER, MAN_MADE_DISASTER); the other subtypes are not scored
  and not coded. An item's predicted bucket is the PLOVER type of its most confident event when
  that is ASSAULT, PROTEST, COERCE or AGREE; NONE when it has no event; otherwise OTHER, which is
  wrong for every item. Per-bucket F1 is one-vs-rest; macro-F1 is their mean over the 5 buckets;
  accuracy is the share of items whose bucket is right.
- conflibert-test **PentaClass**: an item's predicted class comes from the CAMEO root of its most
  confident event that has a CAMEO code (01–02 → 0, 03–05 → 1, 06–08 → 2, 09–13 and 16 → 3,
  14–15 and 17–20 → 4; 16 follows the training split, whose sanction sentences are all labelled 3).
  An item with no such event gets no prediction and counts as wrong (a miss for its gold class, a
  false positive for none). Accuracy is over all items; macro-F1 is the mean one-vs-rest F1 over
  the 5 classes; coverage is the share of items with a prediction. The class meanings are inferred
  from the examples (the source does not state them).

Times (the table "Times" below; tempeval3, which has no events):

- **DATE value accuracy**: every TIMEX3 of type DATE in TempEval-3 TBAQ-cleaned except the
  creation times (1,505); dotterel's normaliser is given the gold expression's words and the
  document creation time, the expression's place in its document (an anaphor such as "the
  next day" counts from the last time the text named before it, as in the coder) and, with the
  coder's parser, the tense of the clause the expression attaches to, and must give the gold
  `value` exactly; a week number's zero
  padding is not held against it ("2000-W7" = "2000-W07"). No value counts as wrong.
  **day-value accuracy**: the same over the gold values of the form YYYY-MM-DD. This scores
  normalisation, not detection.

Quotes (the table "Quotes" below; polnear, which has no events). Each article of PolNeAR's train
and dev splits is one document (annotated by several annotators: the first annotator id in sorted
order); dotterel's quotes are compared with the gold attributions by their words (runs of letters
and digits):

- A predicted quote **matches** a gold attribution when it holds at least half of the words of
  the gold Content; the gold's match is the quote holding most of them (the first on a tie).
- **speaker P / R / F1** (the headline; over gold attributions with a Source and a match): the
  match's `speaker_span` (the words naming the speaker, a pronoun as written) is *correct* when it
  shares at least one word with the gold Source span, *wrong* when it does not, *none* when the
  quote has no speaker. P = correct / (correct + wrong), R = correct / (correct + wrong + none).
- **content P / R / F1**: R = gold attributions (all, with or without a Source) that have a
  match / all gold attributions; P = predicted quotes that are some gold's match / all predicted.
  PolNeAR marks every attribution (beliefs, noun cues, "polls show"); dotterel reports speech.
- **end to end**: correct / gold attributions with a Source (quote found and speaker right).

Actor scores (sets with gold actors; the table "Actors" below):

- Each gold event's actors are scored against **one** predicted event of its item: the one that
  gets the most of that gold event's actor and recipient units right (the first in the coder's
  order on a tie; one predicted event may serve several gold events; the event type is not
  required to match). A unit is correct when that event's same side (actor or recipient) has it.
  Every gold unit counts: one on an item with no predicted event, or whose best event has no
  actor on that side, is **missed** and counts as wrong. The details say how each was missed:
  *no event* (the item got no event: extraction), *no actor* (the best event has nothing on
  that side: argument extraction or resolution), *wrong* (it has actors there, none right:
  resolution, or the wrong argument). "all" pools both sides.
- **country accuracy**: the units are the distinct countries of a side's gold codes (first three
  letters when an ISO 3166 alpha-3 code, the GSR typos JAP, ITL, VTN read as JPN, ITA, VNM; gold
  IGO, NGO and "---" codes name no country and are not scored); a predicted actor's country as in
  dyad F1.
- **code accuracy** (only where gold codes carry sectors: petr2-gsr): the units are the side's
  gold codes (a bare "---" is no actor and is not scored). *exact*: the first six letters of gold
  and predicted code are equal (country or IGO prefix + first sector: gold "USAGOVMIL" matches
  "USAGOV"; gold "USA" only "USA"; gold "---GOV" only "---GOV"). *as specific as the gold*: each
  three-letter part the gold gives (of its first six letters) is equal, "---" matching anything
  (gold "USA" takes "USA" and "USAGOV"; gold "---GOV" takes any GOV).
"""


def _side(s: SideScore) -> str:
    return f"{_num(s.accuracy)} ({s.correct}/{s.total})"


def _actor_rows(r: SetResult) -> list[list[str]]:
    rows = []
    for label, scores in (
        ("country accuracy", r.actor_country),
        ("code accuracy, exact", r.actor_code),
        ("code accuracy, as specific as the gold", r.actor_code_prefix),
    ):
        if scores is not None:
            rows.append(
                [label, r.name, _side(scores.actor), _side(scores.recipient), _side(scores.both)]
            )
    return rows


ACTOR_HEADER = ["metric", "set", "actor", "recipient", "all"]


def _actor_details(label: str, scores: ActorScores) -> list[list[str]]:
    out = []
    for side, s in (("actor", scores.actor), ("recipient", scores.recipient)):
        out.append(
            [label, side, _num(s.accuracy), str(s.correct), str(s.no_event), str(s.no_actor),
             str(s.wrong), str(s.total)]
        )  # fmt: skip
    return out


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _prf_row(label: str, s: PRF) -> list[str]:
    return [label, _num(s.precision), _num(s.recall), _num(s.f1), str(s.tp), str(s.fp), str(s.fn)]


def _class_table(scores: ClassScores, label_name: str) -> list[str]:
    rows = [_prf_row(label, scores.per_label[label]) for label in scores.labels]
    return _md_table([label_name, "P", "R", "F1", "TP", "FP", "FN"], rows)


def _details(r: SetResult) -> list[str]:
    spec = SETS.get(r.name)
    out = [f"### {r.name}", ""]
    if spec:
        out += [f"{spec.about} (`{spec.path}`).", ""]
    prfs = [
        (label, s)
        for label, s in (
            ("event type", r.event_type),
            ("dyad", r.dyad),
            ("CAMEO root", r.cameo_root),
            ("CAMEO code", r.cameo_code),
            ("CAMEO triple", r.cameo_triple),
        )
        if s is not None
    ]
    if prfs:
        out += _md_table(
            ["match", "P", "R", "F1", "TP", "FP", "FN"], [_prf_row(lab, s) for lab, s in prfs]
        )
        out.append("")
    actor_rows = []
    for label, scores in (
        ("country", r.actor_country),
        ("code, exact", r.actor_code),
        ("code, as specific as the gold", r.actor_code_prefix),
    ):
        if scores is not None:
            actor_rows += _actor_details(label, scores)
    if actor_rows:
        out += _md_table(
            ["actors", "side", "accuracy", "correct", "no event", "no actor", "wrong", "gold"],
            actor_rows,
        )
        out.append("")
    if r.untyped_gold:
        out += [
            f"{r.untyped_gold} gold event(s) have no PLOVER type and are scored on CAMEO only.",
            "",
        ]
    if r.buckets:
        b = r.buckets
        out += [
            f"Bucket macro-F1 **{_num(b.macro_f1)}**, accuracy {_num(b.accuracy)} "
            f"({b.correct}/{b.total}).",
            "",
            *_class_table(b, "bucket"),
            "",
        ]
    if r.penta:
        p = r.penta
        coverage = p.predicted / p.total if p.total else None
        out += [
            f"PentaClass accuracy **{_num(p.accuracy)}** ({p.correct}/{p.total}), "
            f"macro-F1 {_num(p.macro_f1)}, coverage {_num(coverage)}"
            f" ({p.predicted}/{p.total}).",
            "",
            *_class_table(p, "class"),
            "",
        ]
    if r.timex:
        x = r.timex
        out += [
            f"DATE value accuracy **{_num(x.accuracy)}** ({x.correct}/{x.total}); "
            f"day values (YYYY-MM-DD) {_num(x.day_accuracy)} ({x.day_correct}/{x.day_total}); "
            f"no value given for {x.unresolved}; resolved with their clause's tense: "
            f"{x.with_tense}.",
            "",
        ]
    if r.quotes:
        out += _quote_details(r.quotes)
    if r.uncoded or r.problems:
        out.append(
            f"The coder returned no result for {r.uncoded} item(s) and reported "
            f"{len(r.problems)} problem(s)."
        )
        out += [f"- {p}" for p in r.problems[:5]]
        if len(r.problems) > 5:
            out.append(f"- … and {len(r.problems) - 5} more")
        out.append("")
    return out


QUOTE_HEADER = [
    "set", "speaker P", "speaker R", "speaker F1", "content P", "content R", "content F1",
    "end to end",
]  # fmt: skip


def _quote_row(name: str, q: QuoteScores) -> list[str]:
    return [
        name, _num(q.speaker_precision), _num(q.speaker_recall), _num(q.speaker_f1),
        _num(q.content_precision), _num(q.content_recall), _num(q.content_f1),
        f"{_num(q.end_to_end)} ({q.correct}/{q.gold_sourced})",
    ]  # fmt: skip


def _quote_details(q: QuoteScores) -> list[str]:
    return [
        f"Speaker F1 **{_num(q.speaker_f1)}** over {q.correct + q.wrong + q.none} gold "
        f"attributions with a Source and a matching quote: {q.correct} correct, {q.wrong} "
        f"wrong, {q.none} without a speaker. Content: {q.matched_gold} of {q.gold} gold "
        f"attributions matched ({q.gold_sourced} with a Source); {q.matching_predicted} of "
        f"{q.predicted} predicted quotes match one. {q.documents} articles.",
        "",
    ]


def render_scoreboard(
    results: Sequence[SetResult],
    commit: str,
    date: str,
    model: str | None = None,
    failures: Sequence[str] = (),
) -> str:
    lines = [
        "# dotterel scoreboard",
        "",
        "Written by `make eval` (`dotterel eval all --scoreboard eval/SCOREBOARD.md`); "
        "regenerate it whenever the coder changes, do not edit it by hand.",
        "",
        f"- Date: {date}",
        f"- Commit: {commit}",
    ]
    if model:
        lines.append(f"- Model: {model}")
    lines += ["", "## Metrics", "", METRIC_DEFINITIONS.rstrip(), ""]
    lines += [eval_locations.DEFINITION, "", "## Scores", ""]
    lines += _md_table(SUMMARY_HEADER, [summary_row(r) for r in results])
    lines.append("")
    actor_rows = [row for r in results for row in _actor_rows(r)]
    if actor_rows:
        lines += ["### Actors", "", *_md_table(ACTOR_HEADER, actor_rows), ""]
    location_rows = [eval_locations.row(r.name, r.location) for r in results if r.location]
    if location_rows:
        lines += ["### Locations", "", *_md_table(eval_locations.HEADER, location_rows), ""]
    timex_rows = [
        [r.name, _num(r.timex.accuracy), f"{r.timex.correct}/{r.timex.total}",
         _num(r.timex.day_accuracy), f"{r.timex.day_correct}/{r.timex.day_total}"]
        for r in results
        if r.timex
    ]  # fmt: skip
    pairs = [pair for r in results for pair in r.judged_confidences]
    if pairs:
        lines += calibration.render(
            calibration.calibration_table(pairs), calibration.share_at_least(pairs, 0.8)
        )
    quote_rows = [_quote_row(r.name, r.quotes) for r in results if r.quotes]
    if quote_rows:
        lines += ["### Quotes", "", *_md_table(QUOTE_HEADER, quote_rows), ""]
    if timex_rows:
        lines += [
            "### Times",
            "",
            *_md_table(
                ["set", "DATE value accuracy", "correct", "day-value accuracy", "correct"],
                timex_rows,
            ),
            "",
        ]
    if failures:
        lines += ["Not scored:", "", *[f"- {f}" for f in failures], ""]
    lines += ["## Details", ""]
    for r in results:
        lines += _details(r)
    return "\n".join(lines).rstrip() + "\n"


def write_scoreboard(
    results: Sequence[SetResult],
    path: Path,
    commit: str,
    date: str,
    model: str | None = None,
    failures: Sequence[str] = (),
) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_scoreboard(results, commit, date, model, failures), encoding="utf-8")


def git_commit(cwd: Path | None = None, ignore: Sequence[Path | str] = ()) -> str:
    """Short HEAD hash, with " (uncommitted changes)" when the tree differs from it. Paths in
    `ignore` (the scoreboard itself) do not make it dirty."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    head = git("rev-parse", "--short", "HEAD")
    top = git("rev-parse", "--show-toplevel")
    if head is None or top is None:
        return "unknown (no git commit)"
    excludes = []
    for path in ignore:
        # git refuses a pathspec outside the repository, so only those inside are passed.
        full = (Path(cwd or Path.cwd()) / path).resolve()
        if full.is_relative_to(Path(top).resolve()):
            excludes.append(f":(top,exclude){full.relative_to(Path(top).resolve()).as_posix()}")
    status = git("status", "--porcelain", "--", ":/", *excludes)
    if status is None:
        return f"{head} (tree state unknown)"
    return f"{head} (uncommitted changes)" if status else head


# --- the command ----------------------------------------------------------------------------------


def expand_sets(names: Sequence[str]) -> list[str]:
    """'all' → every set; duplicates dropped, order kept."""
    out: list[str] = []
    for name in names:
        for one in SETS if name == "all" else [name]:
            if one not in out:
                out.append(one)
    return out


def print_summary(results: Sequence[SetResult], out: TextIO) -> None:
    rows = [SUMMARY_HEADER, *[summary_row(r) for r in results]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(SUMMARY_HEADER))]
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        out.write("\n")
    for r in results:
        if r.buckets:
            out.write(f"{r.name}: bucket macro-F1 {_num(r.buckets.macro_f1)}\n")
        if r.penta:
            out.write(
                f"{r.name}: PentaClass accuracy {_num(r.penta.accuracy)}, "
                f"macro-F1 {_num(r.penta.macro_f1)}\n"
            )
        for row in _actor_rows(r):
            out.write(f"{row[1]}: actor {row[0]} {row[4]} (actor {row[2]}, recipient {row[3]})\n")
        if r.location:
            x = r.location
            out.write(
                f"{r.name}: location accuracy {_num(x.accuracy)} ({x.correct}/{x.total}); "
                f"given an event {_num(x.given_event)}; no event {x.no_event}, no location "
                f"{x.no_location}, wrong {x.wrong}\n"
            )
        if r.timex:
            out.write(
                f"{r.name}: DATE value accuracy {_num(r.timex.accuracy)} "
                f"({r.timex.correct}/{r.timex.total}), day values "
                f"{_num(r.timex.day_accuracy)} ({r.timex.day_correct}/{r.timex.day_total})\n"
            )
        if r.quotes:
            q = r.quotes
            out.write(
                f"{r.name}: speaker F1 {_num(q.speaker_f1)} (P {_num(q.speaker_precision)}, "
                f"R {_num(q.speaker_recall)}), content F1 {_num(q.content_f1)}, end to end "
                f"{_num(q.end_to_end)} ({q.correct}/{q.gold_sourced})\n"
            )
        if r.cameo_root:
            out.write(
                f"{r.name}: CAMEO root F1 {_num(r.cameo_root.f1)}, "
                f"triple F1 {_num(r.cameo_triple.f1 if r.cameo_triple else None)}\n"
            )


def cli_eval(
    sets: Sequence[str],
    data_dir: Path | None,
    scoreboard: Path | None,
    coder_factory: Callable[[], Any],
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Score the named sets ('all' = every set). Prints a summary table, writes the scoreboard when
    a path is given. Returns 0 when every set was scored, 2 otherwise; each failure is one line on
    standard error, never a traceback."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr

    def fail(msg: str) -> None:
        stderr.write(f"dotterel eval: {msg}\n")

    names = expand_sets(sets)
    unknown = [n for n in names if n not in SETS]
    if not names or unknown:
        given = ", ".join(unknown) or "(none given)"
        fail(f"unknown set(s): {given}; known: {', '.join(SETS)}, all")
        return 2
    try:
        root = find_data_dir(data_dir)
    except EvalDataError as exc:
        fail(str(exc))
        return 2
    try:
        coder = coder_factory()
    except Exception as exc:  # a coder that cannot start must not end in a traceback
        fail(f"could not start the coder: {type(exc).__name__}: {exc}")
        return 2

    results: list[SetResult] = []
    failures: list[str] = []
    for name in names:
        try:
            results.append(run_set(name, coder, root))
        except EvalDataError as exc:
            failures.append(f"{name}: {exc}")
            fail(str(exc))
        except Exception as exc:  # one set's crash must not lose the others' scores
            failures.append(f"{name}: the coder failed: {type(exc).__name__}: {exc}")
            fail(failures[-1])

    if results:
        print_summary(results, stdout)
    if scoreboard is not None and results:
        model = getattr(coder, "model_name", None)
        write_scoreboard(
            results,
            scoreboard,
            commit=git_commit(ignore=[scoreboard]),
            date=datetime.now(UTC).date().isoformat(),
            model=str(model) if model else None,
            failures=failures,
        )
        stdout.write(f"wrote {scoreboard}\n")
    return 0 if not failures else 2


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(
        prog="dotterel eval", description="Score the coder on the public evaluation sets."
    )
    parser.add_argument("sets", nargs="+", metavar="SET", help=f"{', '.join(SETS)} or all")
    parser.add_argument("--data", type=Path, default=None, help="the eval data directory")
    parser.add_argument("--scoreboard", type=Path, default=None, help="write the Markdown here")
    return parser


def main(argv: Sequence[str] | None = None, coder_factory: Callable[[], Any] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return cli_eval(args.sets, args.data, args.scoreboard, coder_factory or default_coder)


def default_coder() -> Any:
    # Imported here so that a broken pipeline is one "could not start the coder" line.
    from dotterel.pipeline import Coder

    return Coder()
