"""Loaders for the public evaluation sets: each turns one set's files into EvalItems.

The sets are for scoring only. Nothing here (or anywhere) may be tuned on them: the loaders only
read the gold labels as the sets' authors wrote them, with the few documented renamings below.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from dotterel.document import normalise_text


class EvalDataError(Exception):
    """A set that cannot be loaded: missing file, unknown name, or a line that cannot be read."""


@dataclass
class GoldEvent:
    """One expected event. `None`/empty means the set does not say."""

    event_type: str | None
    cameo: str | None = None
    actor_countries: set[str] = field(default_factory=set)
    recipient_countries: set[str] = field(default_factory=set)
    actor_codes: list[str] = field(default_factory=list)
    recipient_codes: list[str] = field(default_factory=list)
    location: str | None = None  # the place's name (plover-gsr eventLoc)


@dataclass
class EvalItem:
    """One scored text (a sentence or a short snippet) and what the set says it holds."""

    id: str
    text: str
    date: date | None = None
    gold: list[GoldEvent] = field(default_factory=list)
    # Set-level label: case2021 bucket, ConfliBERT PentaClass, PETR2 category.
    label: str | None = None
    no_event: bool = False  # the set says no event may be coded here
    # tempeval3: the whole document's text and where the expression sits in it (for its tense).
    context: str | None = None
    span: tuple[int, int] | None = None
    # polnear: the article's attributions (eval/polnear.py GoldAttribution: source, content).
    attributions: list = field(default_factory=list)


# --- actor codes -> countries -------------------------------------------------------------------

# ISO 3166-1 alpha-3 (249 codes, as in pycountry's iso3166-1 table), plus Kosovo's user-assigned
# codes. A gold actor code names a country when its first three letters are one of these; CAMEO's
# role and international prefixes (IGO, NGO, IMG, ---, ...) are not in the list.
_ISO3_CODES = """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
    BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG
    COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
    FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
    HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
    KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
    MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
    NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
    SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
    TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
    VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XKX KSV
"""
ISO3 = frozenset(_ISO3_CODES.split())

# Typos for ISO codes in the PLOVER GSR ("JAP" for Japan, "ITL" for Italy, "VTN" for Vietnam).
# The raw codes stay in GoldEvent.*_codes; only the derived country is the ISO one, so a coder
# that writes JPN for Tokyo is not marked wrong by a typo in the gold.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def country_of_code(code: str | None) -> str | None:
    """The ISO3 country an actor code starts with, or None (IGO, NGO, '---LEG', ...)."""
    if not code:
        return None
    prefix = code[:3].upper()
    prefix = COUNTRY_ALIASES.get(prefix, prefix)
    return prefix if prefix in ISO3 else None


def countries_of(codes: list[str]) -> set[str]:
    return {c for c in map(country_of_code, codes) if c}


# --- plover-gsr -----------------------------------------------------------------------------------

# The GSR is coded in PLOVER 0.5; the coder speaks the 2021 names (as POLECAT does).
PLOVER_05_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


def _plover_actor_codes(value: object) -> list[str]:
    # `source`/`target` is a list of {actorText, code, sector}; a few records hold None, "" or a
    # stray word ("diplomatic") there instead, which names no actor.
    if not isinstance(value, list):
        return []
    return [a["code"] for a in value if isinstance(a, dict) and a.get("code")]


def load_plover_gsr(path: Path) -> list[EvalItem]:
    """PLOVER_GSR_CAMEO.json: one record per coded event.

    Records with the same sentence become one item holding all their gold events (6 sentences
    carry two records each), so that "per sentence" matching means what it says: a coder that
    finds both events of such a sentence is not charged a false positive on each record.
    """
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalDataError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(records, list):
        raise EvalDataError(f"{path}: expected a JSON list of records")
    items: dict[str, EvalItem] = {}
    used_ids: set[str] = set()
    for n, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise EvalDataError(f"{path}: record {n}: not an object")
        if rec.get("event") == "DOCUMENT":  # the file's header record, not an event
            continue
        text, event = rec.get("text"), rec.get("event")
        if not text or not event or not rec.get("id"):
            raise EvalDataError(f"{path}: record {n}: no id, text or event")
        actors = _plover_actor_codes(rec.get("source"))
        recipients = _plover_actor_codes(rec.get("target"))
        place = rec.get("eventLoc")
        gold = GoldEvent(
            event_type=PLOVER_05_RENAMES.get(event, event),
            actor_countries=countries_of(actors),
            recipient_countries=countries_of(recipients),
            actor_codes=actors,
            recipient_codes=recipients,
            location=(place.get("name") or None) if isinstance(place, dict) else None,
        )
        key = normalise_text(text)
        if key not in items:
            # The file gives one id (COERCE-0004) to two different sentences: keep both.
            item_id = rec["id"]
            while item_id in used_ids:
                item_id += "+"
            used_ids.add(item_id)
            items[key] = EvalItem(id=item_id, text=text, date=_parse_date(rec.get("date")))
        items[key].gold.append(gold)
    return list(items.values())


# --- petr2-gsr ------------------------------------------------------------------------------------

PloverTypeOf = Callable[[str], "str | None"]


@cache
def _ontology_plover_type() -> PloverTypeOf:
    try:
        from dotterel.events.ontology import ontology
    except ImportError as exc:
        raise EvalDataError(
            f"petr2-gsr needs the CAMEO->PLOVER map (dotterel.events.ontology): {exc}"
        ) from exc
    onto = ontology()

    def plover_type(code: str) -> str | None:
        # A 4-digit code the map lacks falls back to its 3-digit parent (CAMEO is hierarchical).
        for candidate in dict.fromkeys((code, code[:3])):
            mapping = onto.plover(candidate)
            if mapping is not None:
                return mapping.event_type
        return None

    return plover_type


def load_petr2_gsr(path: Path, plover_type: PloverTypeOf | None = None) -> list[EvalItem]:
    """gsr_records.jsonl (derived from PETR2_GSR_validation.xml): CAMEO triples per sentence.

    The gold PLOVER type is the type the project's CAMEO->PLOVER map gives the gold CAMEO code
    (`plover_type`, default: dotterel.events.ontology). A code the map gives no type (the CAMEO
    01x public statements, which PLOVER does not code) gets event_type None.
    """
    type_of = plover_type or _ontology_plover_type()
    items: list[EvalItem] = []
    for line_no, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            gold = []
            for ev in rec.get("expected_events") or []:
                code = str(ev["code"]).strip()
                source, target = (str(ev.get(k) or "").strip() for k in ("source", "target"))
                actors, recipients = [source] if source else [], [target] if target else []
                gold.append(
                    GoldEvent(
                        event_type=type_of(code),
                        cameo=code,
                        actor_countries=countries_of(actors),
                        recipient_countries=countries_of(recipients),
                        actor_codes=actors,
                        recipient_codes=recipients,
                    )
                )
            item = EvalItem(
                id=str(rec["id"]),
                text=rec["text"],
                date=_parse_date(rec.get("date")),
                gold=gold,
                label=rec.get("category"),
                no_event=bool(rec.get("noevents")) and not gold,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise EvalDataError(f"{path}:{line_no}: cannot read record: {exc!r}") from exc
        items.append(item)
    return items


# --- case2021 -------------------------------------------------------------------------------------

# ACLED-style subtypes -> the PLOVER type they are scored as; NONE: no political event may be
# coded. Subtypes not listed (DIPLO, ATTRIB, ORG_CRIME, territory transfers, ...) are not scored,
# so the loader drops them and they are never coded.
_CASE2021_SUBTYPES = {
    "ASSAULT": "ARMED_CLASH AIR_STRIKE ATTACK SUIC_BOMB GRENADE REM_EXPLOS ART_MISS_ATTACK"
    " CHEM_WEAP SEX_VIOL ABDUCT_DISSAP MOB_VIOL",
    "PROTEST": "PEACE_PROTEST VIOL_DEMONSTR PROTEST_WITH_INTER",
    "COERCE": "ARREST FORCE_AGAINST_PROTEST PROPERTY_DISTRUCT",
    "AGREE": "AGREEMENT",
    "NONE": "NATURAL_DISASTER MAN_MADE_DISASTER",
}
CASE2021_BUCKETS: dict[str, str] = {
    subtype: bucket for bucket, names in _CASE2021_SUBTYPES.items() for subtype in names.split()
}
CASE2021_BUCKET_NAMES = tuple(_CASE2021_SUBTYPES)


def load_case2021(path: Path) -> list[EvalItem]:
    """test_set_final_release_with_labels.tsv: `id<TAB>EventSnippet<TAB>SubType`, with a header.

    Split on tabs by hand: snippets hold bare double quotes, which a CSV reader would take as
    quoting.
    """
    items: list[EvalItem] = []
    for line_no, line in enumerate(_read_lines(path), 1):
        if not line.strip() or (line_no == 1 and line.startswith("id\t")):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise EvalDataError(f"{path}:{line_no}: expected 3 tab-separated fields")
        raw_id, snippet, subtype = (p.strip() for p in parts)
        bucket = CASE2021_BUCKETS.get(subtype)
        if bucket is None:
            continue
        no_event = bucket == "NONE"
        items.append(
            EvalItem(
                id=f"case2021-{raw_id}",
                text=snippet,
                gold=[] if no_event else [GoldEvent(event_type=bucket)],
                label=bucket,
                no_event=no_event,
            )
        )
    return items


# --- conflibert-test ------------------------------------------------------------------------------


def load_conflibert_test(path: Path) -> list[EvalItem]:
    """cameo_class_test.tsv: `sentence<TAB>label`, no header, label = PentaClass 0-4.

    Each sentence holds one event of that class; the set names no type, code or actors, so the
    gold event carries none (only the PentaClass is scored).
    """
    items: list[EvalItem] = []
    for line_no, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or label not in {"0", "1", "2", "3", "4"}:
            raise EvalDataError(f"{path}:{line_no}: expected `sentence<TAB>0..4`")
        items.append(
            EvalItem(
                id=f"conflibert-test-{line_no}",
                text=text.strip(),
                gold=[GoldEvent(event_type=None)],
                label=label,
            )
        )
    return items


# --- TempEval-3 (TBAQ-cleaned) -------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_TID = re.compile(r'\btid="([^"]+)"')


def tml_text(markup: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain text of a TimeML document's <TEXT> part, and each TIMEX3's (start, end) in it."""
    body = markup.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    out: list[str] = []
    length = 0
    spans: dict[str, tuple[int, int]] = {}
    open_tid: str | None = None
    open_at = 0
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_tid is not None:
                spans[open_tid] = (open_at, length)
            open_tid = None
        else:
            tid = _TID.search(m.group(3))
            open_tid, open_at = (tid.group(1) if tid else None), length
    out.append(html.unescape(body[pos:]))
    return "".join(out), spans


def load_tempeval3(path: Path) -> list[EvalItem]:
    """One item per DATE TIMEX3 (the creation time left out): text = the expression, date = the
    document creation time, label = the gold value; context/span = its document (from the .tml
    beside the jsonl, when there) for the tense of its clause."""
    items = []
    texts: dict[str, tuple[str, dict[str, tuple[int, int]]] | None] = {}
    for n, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["type"] != "DATE" or row.get("functionInDocument") == "CREATION_TIME":
                continue
            key = f"{row['corpus']}/{row['doc']}"
            dct = _parse_date(str(row["dct"])[:10])
            text, value, tid = row["text"], row["value"], row["tid"]
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalDataError(f"{path}:{n}: {exc}") from exc
        if key not in texts:
            tml = path.parent / f"{key}.tml"
            texts[key] = tml_text(tml.read_text(encoding="utf-8")) if tml.is_file() else None
        doc = texts[key]
        span = doc[1].get(tid) if doc else None
        items.append(
            EvalItem(
                id=f"{key}/{tid}",
                text=text,
                date=dct,
                label=value,
                context=doc[0] if doc and span else None,
                span=span,
            )
        )
    return items


# --- PolNeAR -------------------------------------------------------------------------------------


def _load_polnear(path: Path) -> list[EvalItem]:
    from dotterel.eval.polnear import load_polnear  # it builds on this module's EvalItem

    return load_polnear(path)


# --- the registry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvalSet:
    name: str
    path: str  # the data file, relative to the eval data directory
    load: Callable[[Path], list[EvalItem]]
    typed: bool  # gold gives PLOVER types: event-type P/R/F1 applies
    actors: bool  # gold gives actors: dyad F1 applies
    about: str
    # "events": coded by the Coder; "timex": time expressions normalised; "quotes": the
    # Coder's quotes and their speakers
    kind: str = "events"


SETS: dict[str, EvalSet] = {
    s.name: s
    for s in (
        EvalSet(
            "plover-gsr",
            "plover_gsr_cameo/PLOVER_GSR_CAMEO.json",
            load_plover_gsr,
            typed=True,
            actors=True,
            about="PLOVER gold standard records: CAMEO-manual examples coded in PLOVER 0.5",
        ),
        EvalSet(
            "petr2-gsr",
            "petr2_gsr_validation/gsr_records.jsonl",
            load_petr2_gsr,
            typed=True,
            actors=True,
            about="PETRARCH-2 GSR validation: wire sentences with CAMEO triples (partly silver)",
        ),
        EvalSet(
            "case2021",
            "case2021_task2/test_set_final_release_with_labels.tsv",
            load_case2021,
            typed=True,
            actors=False,
            about="CASE 2021 task 2 test snippets, scored subtypes only, bucketed by PLOVER type",
        ),
        EvalSet(
            "conflibert-test",
            "conflibert_cameo_test/cameo_class_test.tsv",
            load_conflibert_test,
            typed=False,
            actors=False,
            about="ConfliBERT CAMEO sentence classification, test split, PentaClass labels",
        ),
        EvalSet(
            "tempeval3",
            "tempeval3_tbaq/timex3.jsonl",
            load_tempeval3,
            typed=False,
            actors=False,
            about="TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT): DATE TIMEX3 values, normalised "
            "against the document creation time",
            kind="timex",
        ),
        EvalSet(
            "polnear",
            "polnear/attributions_train_dev.jsonl",
            _load_polnear,
            typed=False,
            actors=False,
            about="PolNeAR political news attribution relations (2016 US election articles), "
            "train and dev splits: speaker attribution of quotes",
            kind="quotes",
        ),
    )
}


def get_set(name: str) -> EvalSet:
    try:
        return SETS[name]
    except KeyError:
        raise EvalDataError(
            f"unknown evaluation set {name!r} (known: {', '.join(SETS)}, or 'all')"
        ) from None


def load_set(name: str, data_dir: Path) -> list[EvalItem]:
    spec = get_set(name)
    path = Path(data_dir) / spec.path
    if not path.is_file():
        raise EvalDataError(f"set {name!r} not found: no file {path} (use --data DIR)")
    return spec.load(path)


# --- helpers --------------------------------------------------------------------------------------


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"{path}: cannot read: {exc}") from exc
    # Split on newlines only (str.splitlines would also split at U+2028, U+0085 inside a text);
    # drop the CR of the ConfliBERT file's CRLF endings.
    return [line.removesuffix("\r") for line in text.split("\n")]


def _parse_date(value: object) -> date | None:
    """'2000-01-01' or '20080804'; anything else (PETR2 has one '121108') is no date."""
    if not isinstance(value, str):
        return None
    digits = value.strip().replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
