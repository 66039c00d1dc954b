"""Checks an event record against the output contract (docs/output-schema.md).

Used by the tests, and by anyone who wants to check records that came from elsewhere.
"""

from __future__ import annotations

from dotterel.records import EVENT_FIELDS

EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
STATUSES = {"reported", "planned", "proposed", "denied"}
PRECISIONS = {"day", "month", "year", "publication"}
PLACE_PRECISIONS = {"city", "admin1", "country"}
MODALITY_KEYS = {"negated", "hypothetical", "conditional", "future", "reported_speech"}
ACTOR_FIELDS = {
    "text": str, "name": (str, type(None)), "code": str, "country": (str, type(None)),
    "sector": list, "kb_id": (str, type(None)), "role": (str, type(None)),
}  # fmt: skip
PLACE_FIELDS = {"name", "country", "admin1", "lat", "lon", "geonameid", "precision"}
OPTIONAL_STR = (str, type(None))


def _actor_errors(actor, where: str) -> list[str]:
    if not isinstance(actor, dict):
        return [f"{where}: not an object"]
    errors = []
    for name, kind in ACTOR_FIELDS.items():
        if name not in actor:
            errors.append(f"{where}.{name}: missing")
        elif not isinstance(actor[name], kind):
            errors.append(f"{where}.{name}: wrong type {type(actor[name]).__name__}")
    return errors


QUOTE_FIELDS = {"speaker", "text", "start", "end", "kind", "channel", "speaker_span", "cue", "why"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}


def quote_errors(quote, where: str = "quote") -> list[str]:
    """Everything wrong with a quote object (an event's `quote`, or one of a document's
    `quotes`); an empty list when it keeps the contract."""
    if not isinstance(quote, dict):
        return [f"{where}: want an object or null"]
    missing = QUOTE_FIELDS - set(quote)
    if missing:
        return [f"{where}.{name}: missing" for name in sorted(missing)]
    errors = []
    if quote["speaker"] is not None:
        errors.extend(_actor_errors(quote["speaker"], f"{where}.speaker"))
    if not isinstance(quote["text"], str) or not quote["text"]:
        errors.append(f"{where}.text: want a non-empty string")
    start, end = quote["start"], quote["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        errors.append(f"{where}.start/end: want ints with 0 <= start < end")
    if quote["kind"] not in QUOTE_KINDS:
        errors.append(f"{where}.kind: want one of {sorted(QUOTE_KINDS)}")
    for name in ("channel", "why"):
        if not isinstance(quote[name], OPTIONAL_STR):
            errors.append(f"{where}.{name}: want a string or null")
    for name in ("speaker_span", "cue"):
        span = quote[name]
        if span is not None and not (
            isinstance(span, dict) and {"text", "start", "end"} <= span.keys()
        ):
            errors.append(f"{where}.{name}: want {{text, start, end}} or null")
    return errors


def event_errors(record: dict) -> list[str]:
    """Everything wrong with `record`; an empty list when it keeps the contract."""
    errors = [f"{name}: missing" for name in EVENT_FIELDS if name not in record]
    if errors:
        return errors

    def check(name: str, ok: bool, what: str) -> None:
        if not ok:
            errors.append(f"{name}: {what} (got {record[name]!r})")

    check("schema_version", isinstance(record["schema_version"], str), "want a string")
    for name in ("event_id", "doc_id", "text", "why"):
        check(name, isinstance(record[name], str) and record[name] != "", "want a non-empty string")
    check(
        "sentence", isinstance(record["sentence"], int) and record["sentence"] >= 0, "want int ≥ 0"
    )
    trigger = record["trigger"]
    check(
        "trigger",
        isinstance(trigger, dict)
        and isinstance(trigger.get("text"), str)
        and isinstance(trigger.get("start"), int)
        and isinstance(trigger.get("end"), int)
        and trigger["start"] < trigger["end"],
        "want {text, start, end} with start < end",
    )
    check("event_type", record["event_type"] in EVENT_TYPES, "not a PLOVER event type")
    check("mode", isinstance(record["mode"], OPTIONAL_STR), "want a string or null")
    check(
        "context",
        isinstance(record["context"], list) and all(isinstance(c, str) for c in record["context"]),
        "want a list of strings",
    )
    cameo = record["cameo"]
    check(
        "cameo",
        cameo is None or (isinstance(cameo, str) and cameo.isdigit() and 2 <= len(cameo) <= 4),
        "want 2–4 digits or null",
    )
    check(
        "cameo_root",
        record["cameo_root"] == (cameo[:2] if cameo else None),
        "want the first two digits of cameo",
    )
    check("quad_class", record["quad_class"] in (None, 1, 2, 3, 4), "want 1–4 or null")
    goldstein = record["goldstein"]
    check(
        "goldstein",
        goldstein is None or (isinstance(goldstein, int | float) and -10 <= goldstein <= 10),
        "want a number in -10..10 or null",
    )
    for side in ("actor", "recipient"):
        if not isinstance(record[side], list):
            errors.append(f"{side}: want a list")
            continue
        for i, actor in enumerate(record[side]):
            errors.extend(_actor_errors(actor, f"{side}[{i}]"))
    check("date", isinstance(record["date"], OPTIONAL_STR), "want an ISO date or null")
    check("date_text", isinstance(record["date_text"], OPTIONAL_STR), "want a string or null")
    check("date_precision", record["date_precision"] in PRECISIONS, f"want one of {PRECISIONS}")
    check("date_end", isinstance(record["date_end"], OPTIONAL_STR), "want an ISO date or null")
    check("status", record["status"] in STATUSES, f"want one of {STATUSES}")
    location = record["location"]
    check(
        "location",
        location is None
        or (
            isinstance(location, dict)
            and set(location) == PLACE_FIELDS
            and location["precision"] in PLACE_PRECISIONS
        ),
        "want a Place or null",
    )
    modality = record["modality"]
    check(
        "modality",
        isinstance(modality, dict)
        and set(modality) == MODALITY_KEYS
        and all(isinstance(v, bool) for v in modality.values()),
        f"want booleans {sorted(MODALITY_KEYS)}",
    )
    check("condition", isinstance(record["condition"], OPTIONAL_STR), "want a string or null")
    if record["quote"] is not None:
        errors.extend(quote_errors(record["quote"], "quote"))
    confidence = record["confidence"]
    check(
        "confidence",
        isinstance(confidence, int | float) and 0 <= confidence <= 1,
        "want a number in 0..1",
    )
    extra = set(record) - set(EVENT_FIELDS)
    if extra:
        errors.append(f"unknown fields: {sorted(extra)}")
    return errors
