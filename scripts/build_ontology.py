#!/usr/bin/env python3
"""Build dotterel's ontology TSV files from the reference knowledge base.

Usage: python scripts/build_ontology.py [KB_DIR] [--out OUT_DIR]

KB_DIR defaults to ../shared/data/kb (relative to the repository root); OUT_DIR defaults to
src/dotterel/data/ontology. The output is deterministic, so re-running it on the same sources
gives byte-identical files (tests/test_ontology.py checks this when the sources are present).

The files are meant to be read and corrected by hand. Only short code labels, numbers and our
own one-line summaries are written: never the CAMEO manual's descriptions (CC BY-NC-SA) and never
the PLOVER manual's sentences.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KB = REPO_ROOT.parent / "shared" / "data" / "kb"
DEFAULT_OUT = REPO_ROOT / "src" / "dotterel" / "data" / "ontology"

# GDELT QuadClass by CAMEO root (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material).
QUAD_BY_ROOT = {f"{r:02d}": q for q, roots in {
    1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)
}.items() for r in roots}  # fmt: skip

QUAD_CATEGORY_NAMES = {
    "VERBAL COOPERATION": "verbal cooperation",
    "MATERIAL COOPERATION": "material cooperation",
    "VERBAL CONFLICT": "verbal conflict",
    "MATERIAL CONFLICT": "material conflict",
}

# --- Our own one-line summaries (written for dotterel, not taken from the manual) -------------

EVENT_TYPE_SUMMARIES = {
    "AGREE": "Promise, offer or commit to cooperate later, incl. pledges to sign; future-tense "
    "cooperation goes here",
    "CONSULT": "Meet, hold talks, visit or host, or confer by phone or other remote means",
    "SUPPORT": "Back another party in words or diplomatically: praise, endorse, recognise, sign "
    "or ratify an agreement",
    "CONCEDE": "Announce a concession that has no immediate material effect (e.g. promise to ease "
    "restrictions, declare a ceasefire)",
    "COOPERATE": "Cooperate materially with a recipient: economic, military, judicial or "
    "intelligence collaboration",
    "AID": "Give material help to a recipient: economic, military or humanitarian aid, "
    "protection, asylum",
    "RETREAT": "Make a concession with immediate material effect: release, withdraw, disarm, "
    "cease fire, allow access, resign",
    "REQUEST": "Ask, appeal for, demand or order something from another party",
    "ACCUSE": "Criticise, condemn, complain, allege, sue or investigate",
    "REJECT": "Refuse or turn down a proposal, request or demand",
    "THREATEN": "Warn of serious harm or sanctions to come, incl. threats of force",
    "PROTEST": "Collective civilian dissent: demonstrations, riots, strikes, boycotts, hunger "
    "strikes, blockades",
    "SANCTION": "Scale back existing relations or exchanges with a recipient: sanctions, "
    "expulsions, withdrawals, convictions",
    "MOBILIZE": "Move or ready military, police or armed-group forces without using them",
    "COERCE": "Coerce or repress without violence: arrest, deport, ban, curfew, seize, censor",
    "ASSAULT": "Deliberate violence able to cause serious physical harm, from beatings to "
    "military attacks and mass killings",
}

MODE_SUMMARIES = {
    ("CONSULT", "visit"): "actor travels to the recipient, who hosts",
    ("CONSULT", "third-party"): "meeting hosted by someone else",
    ("CONSULT", "multilateral"): "meeting within an alliance, IGO or summit",
    ("CONSULT", "phone"): "by telephone or other remote channel",
    ("RETREAT", "withdraw"): "pull forces out of an area or give up territory",
    ("RETREAT", "release"): "free captives, prisoners or hostages",
    ("RETREAT", "disarm"): "lay down or hand over weapons",
    ("RETREAT", "ceasefire"): "put a ceasefire into effect",
    ("RETREAT", "access"): "let observers, peacekeepers or aid workers in",
    ("RETREAT", "resign"): "an official steps down",
    ("REQUEST", "assist"): "ask for relations, exchange, cooperation or aid",
    ("REQUEST", "change"): "ask for change in policy, leadership or institutions",
    ("REQUEST", "yield"): "ask for a concession: release, lifting sanctions, ceasefire",
    ("REQUEST", "meet"): "ask for talks, negotiation or mediation",
    ("ACCUSE", "disapprove"): "criticise, condemn or complain",
    ("ACCUSE", "investigate"): "open or carry out an inquiry",
    ("ACCUSE", "allege"): "accuse, sue, charge, indict or put on trial",
    ("REJECT", "assist"): "refuse relations, exchange, cooperation or aid",
    ("REJECT", "change"): "refuse change in policy, leadership or institutions",
    ("REJECT", "yield"): "refuse a concession: release, lifting sanctions, ceasefire",
    ("REJECT", "meet"): "refuse talks, negotiation or mediation",
    ("THREATEN", "restrict"): "threaten blockades, boycotts, curfews or political bans",
    ("THREATEN", "arrest"): "threaten detention or imprisonment",
    ("THREATEN", "relations"): "threaten to cut relations or break off talks",
    ("THREATEN", "expel"): "threaten to expel diplomats, peacekeepers or organisations",
    ("THREATEN", "territory"): "threaten to occupy or seize territory",
    ("THREATEN", "violence"): "threaten to use force",
    ("PROTEST", "demo"): "peaceful demonstration or rally",
    ("PROTEST", "riot"): "violent protest",
    ("PROTEST", "strike"): "workers stop work",
    ("PROTEST", "hunger"): "hunger strike",
    ("PROTEST", "boycott"): "refuse dealings with someone as a protest",
    ("PROTEST", "obstruct"): "block roads or access to a place",
    ("PROTEST", "vandalize"): "damage property as a symbolic act",
    ("SANCTION", "convict"): "a court finds someone guilty or liable",
    ("SANCTION", "expel"): "expel someone from a country, group or organisation",
    ("SANCTION", "withdraw"): "pull own people or non-military resources out",
    ("SANCTION", "discontinue"): "cut or end exchanges, incl. international sanctions",
    ("MOBILIZE", "troops"): "deploy or ready armed forces",
    ("MOBILIZE", "weapons"): "ready weapons systems",
    ("MOBILIZE", "police"): "deploy or ready police or security units",
    ("MOBILIZE", "militia"): "deploy or ready a non-state armed group",
    ("COERCE", "seize"): "raid, search or confiscate",
    ("COERCE", "restrict"): "restrict freedoms or movement; ban people or groups from politics",
    ("COERCE", "censor"): "censor or block media or information",
    ("COERCE", "curfew"): "impose a curfew",
    ("COERCE", "martial-law"): "declare emergency rule or martial law",
    ("COERCE", "arrest"): "arrest or detain",
    ("COERCE", "deport"): "deport or expel individuals",
    ("COERCE", "withhold"): "cut off utilities, food, medicine or other public goods",
    ("COERCE", "misinformation"): "deceive or spread disinformation",
    ("COERCE", "cyber"): "hacking or other cyber attack",
    ("ASSAULT", "abduct"): "kidnap, take hostage or hijack",
    ("ASSAULT", "beat"): "beat or strike people",
    ("ASSAULT", "torture"): "torture",
    ("ASSAULT", "sexual"): "sexual violence",
    ("ASSAULT", "targeted"): "assassination, execution or mass killing of defenceless people",
    ("ASSAULT", "destroy"): "deliberately destroy property",
    ("ASSAULT", "primitive"): "fire, blades, stones or other simple weapons",
    ("ASSAULT", "firearms"): "small arms fire",
    ("ASSAULT", "explosives"): "bombs, mines or IEDs outside heavy weapons",
    ("ASSAULT", "suicide-attack"): "suicide attack, on foot or by vehicle",
    ("ASSAULT", "aerial"): "attack from manned aircraft",
    ("ASSAULT", "drone"): "attack by drone",
    ("ASSAULT", "heavy-weapons"): "artillery, rockets, tanks and similar",
    ("ASSAULT", "crowd-control"): "less-lethal force against crowds (tear gas, water cannon)",
    ("ASSAULT", "unconventional"): "chemical, biological, radiological or nuclear weapons",
}

CONTEXT_SUMMARIES = {
    "military": "state armed forces and military matters (not police, militias or rebels)",
    "intelligence": "state intelligence agencies and their work",
    "executive": "government executive, ministries, bureaucracy; leaders and their families",
    "legislative": "parliaments: debates, votes, coalition building",
    "election": "elections, candidates and campaigns",
    "political_institutions": "non-routine changes in or between formal political bodies",
    "pro_democracy": "steps towards democratisation",
    "pro_autocracy": "steps towards autocracy or democratic backsliding",
    "economic": "economy, trade, finance, development, monetary policy (not single firms)",
    "legal": "courts, judges and law, national or international",
    "reparations": "compensation for past harm",
    "human_rights": "human rights in general terms",
    "rights_freedoms": "specific civil and political liberties, press and assembly",
    "repression": "forceful repression by security forces",
    "human_security": "access to food, water, housing, energy or land",
    "gender": "gender and women's issues, incl. reproductive rights",
    "lgbt": "LGBTQ issues",
    "religion_ethnicity": "religious, ethnic, caste or language issues",
    "inequality": "unequal distribution of resources or opportunities",
    "diplomatic": "diplomacy, international or domestic",
    "territory": "territorial disputes, separatism, forced displacement",
    "peacekeeping": "peacekeeping operations",
    "health": "public health and disease",
    "asylum": "seeking or granting asylum",
    "migration": "migrants, refugees and displaced people",
    "disasters": "natural disasters and accidents",
    "natural_resource": "extraction and trade of natural resources",
    "environment": "pollution, environmental policy and activism",
    "technology": "technology and high-tech industry",
    "terrorism": "terrorist groups and counter-terrorism",
    "cbrn": "chemical, biological, radiological or nuclear weapons",
    "cyber": "cyber attacks and cyber crime",
    "misinformation": "disinformation and influence operations",
    "crime": "crime and criminals in general",
    "corruption": "abuse of public office, bribery, nepotism",
    "illegal_drugs": "illegal drug production, trade or possession",
    "trafficking": "smuggling or trafficking of people or goods",
}

# --- Reconciling CAMEO2PLOVER-2021 (written for PLOVER draft 0.8) with the v2.0 manual ----------

# Mode names the v2.0 manual dropped or never had, per event type -> v2.0 mode ("" = no mode).
MODE_RENAMES = {
    ("RETREAT", "ease"): ("", "the table itself notes 'ease' is no longer a mode"),
    ("RETREAT", "return"): ("", "'return' is commented out of the v2.0 RETREAT modes"),
    ("THREATEN", "ban"): ("restrict", "v2.0 'restrict' covers political bans"),
    ("THREATEN", "political"): ("restrict", "v2.0 'restrict' covers political restrictions"),
    ("COERCE", "ban"): ("restrict", "v2.0 'restrict' covers bans from political life"),
    ("ASSAULT", "assassinate"): ("targeted", "v2.0 'targeted' covers assassinations"),
    ("ASSAULT", "massacre"): ("targeted", "'massacre' is commented out; 'targeted' covers it"),
    ("ASSAULT", "cleansing"): ("", "'cleansing' is commented out of the v2.0 ASSAULT modes"),
}

# Per-code corrections: code -> (event_type, mode, contexts or None to keep, reason).
CODE_FIXES = {
    "163": ("SANCTION", "discontinue", None,
            "v2.0 codes international sanctions as SANCTION 'discontinue'"),
    "175": ("ASSAULT", "", ("military", "pro_autocracy"),
            "table put the context 'pro_autocracy' in the mode column"),
    "1712": ("ASSAULT", "destroy", None, "v2.0 has an ASSAULT 'destroy' mode"),
    "195": ("ASSAULT", "aerial", None, "v2.0 has an ASSAULT 'aerial' mode"),
}  # fmt: skip

# Context names not among the 37 v2.0 general contexts -> v2.0 name.
CONTEXT_RENAMES = {
    "humanitarian": "human_security",
    "democracy": "pro_democracy",
}

HEADER_NOTE = "# Edit by hand if needed; regenerate with scripts/build_ontology.py."


class BuildError(Exception):
    pass


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise BuildError(f"missing source file: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def write_tsv(path: Path, comments: list[str], header: list[str], rows: list[list[str]]) -> None:
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.append(HEADER_NOTE)
    lines.append("\t".join(header))
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise BuildError(f"{path.name}: cell contains a tab or newline: {cell!r}")
        lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_cameo(kb: Path) -> list[list[str]]:
    rows = []
    for rec in read_tsv(kb / "cameo_codebook" / "cameo_event_codes_merged.tsv"):
        code = rec["code"].strip()
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise BuildError(f"bad CAMEO code {code!r}")
        # ICEWS labels first: GDELT's lookup has shifted/garbled labels under root 10.
        name = clean(rec["name_icews"]) or clean(rec["name_gdelt"])
        name = name[:1].upper() + name[1:]
        # GDELT Goldstein; 1213 is ICEWS-only, so it takes ICEWS's value.
        gold = rec["goldstein_gdelt"].strip() or rec["goldstein_icews"].strip()
        if not gold:
            raise BuildError(f"no Goldstein value for {code}")
        quad = QUAD_BY_ROOT[code[:2]]
        if rec["quad_gdelt"].strip() and int(rec["quad_gdelt"]) != quad:
            raise BuildError(f"{code}: GDELT QuadClass {rec['quad_gdelt']} != root rule {quad}")
        rows.append([code, name, repr(float(gold)), str(quad)])
    rows.sort(key=lambda r: r[0])
    if len({r[0] for r in rows}) != len(rows):
        raise BuildError("duplicate CAMEO codes in cameo_event_codes_merged.tsv")
    return rows


def build_plover_types(kb: Path) -> list[list[str]]:
    rows = []
    for rec in read_tsv(kb / "plover" / "plover_event_types_from_manual.tsv"):
        et = rec["event"].strip()
        if et not in EVENT_TYPE_SUMMARIES:
            raise BuildError(f"no summary written for PLOVER event type {et}")
        quad = QUAD_CATEGORY_NAMES[clean(rec["quad_category"]).upper()]
        rows.append([et, quad, rec["requires_recipient"].strip().lower(), EVENT_TYPE_SUMMARIES[et]])
    if {r[0] for r in rows} != set(EVENT_TYPE_SUMMARIES):
        raise BuildError("PLOVER event types in the source differ from the summaries here")
    return rows


def build_modes(kb: Path) -> list[list[str]]:
    rows = []
    for rec in read_tsv(kb / "plover" / "plover_modes_from_manual.tsv"):
        key = (rec["event"].strip(), rec["mode"].strip())
        if key not in MODE_SUMMARIES:
            raise BuildError(f"no summary written for PLOVER mode {key}")
        rows.append([key[0], key[1], MODE_SUMMARIES[key]])
    if {(r[0], r[1]) for r in rows} != set(MODE_SUMMARIES):
        raise BuildError("PLOVER modes in the source differ from the summaries here")
    return rows


def build_contexts(kb: Path) -> list[list[str]]:
    rows = []
    for rec in read_tsv(kb / "plover" / "plover_contexts_from_manual.tsv"):
        ctx = rec["context"].strip()
        if ctx not in CONTEXT_SUMMARIES:
            raise BuildError(f"no summary written for PLOVER context {ctx}")
        rows.append([ctx, CONTEXT_SUMMARIES[ctx]])
    if {r[0] for r in rows} != set(CONTEXT_SUMMARIES):
        raise BuildError("PLOVER contexts in the source differ from the summaries here")
    return rows


def build_mapping(
    kb: Path, cameo_codes: set[str], modes: set[tuple[str, str]], contexts: set[str]
) -> tuple[list[list[str]], list[str]]:
    """Return the CAMEO->PLOVER rows and comment lines describing every change made."""
    notes: list[str] = []
    mapping: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for rec in read_tsv(kb / "plover" / "cameo2plover_2021.tsv"):
        code = rec["cameo_code"].strip()
        et = rec["plover_event"].strip().upper()
        mode = rec["plover_mode"].strip().lower()
        ctxs: list[str] = []
        for c in (rec["plover_context"] or "").split(";"):
            c = c.strip().lower()
            if c:
                c = CONTEXT_RENAMES.get(c, c)
                if c not in ctxs:
                    ctxs.append(c)
        if code in mapping:
            # "08" is listed for both CONCEDE and RETREAT; 175 is listed twice. Keep the first.
            notes.append(f"{code}: duplicate row ({et}) dropped; kept {mapping[code][0]}")
            continue
        if code not in cameo_codes:
            notes.append(f"{code}: dropped, not a code in the GDELT or ICEWS CAMEO tables")
            continue
        if (et, mode) in MODE_RENAMES:
            new, why = MODE_RENAMES[(et, mode)]
            notes.append(f"{code}: {et} mode '{mode}' -> '{new or '(none)'}' ({why})")
            mode = new
        if code in CODE_FIXES:
            new_et, new_mode, new_ctx, why = CODE_FIXES[code]
            notes.append(
                f"{code}: {et}/{mode or '-'} -> {new_et}/{new_mode or '-'}"
                + (f" contexts {';'.join(new_ctx)}" if new_ctx else "")
                + f" ({why})"
            )
            et, mode = new_et, new_mode
            if new_ctx is not None:
                ctxs = list(new_ctx)
        mapping[code] = (et, mode, tuple(ctxs))
    for old, new in CONTEXT_RENAMES.items():
        notes.append(f"context '{old}' (not a v2.0 context) -> '{new}' wherever it occurs")

    # CAMEO 02 (APPEAL) mirrors 10 (DEMAND) code for code; PLOVER merged DEMAND into REQUEST
    # ("requests, demands and orders"), so an appeal is a REQUEST with the same mode/contexts.
    added = []
    for code in sorted(cameo_codes):
        if code[:2] == "02" and code not in mapping:
            twin = "10" + code[2:]
            if twin not in mapping:
                raise BuildError(f"no root-10 twin {twin} for CAMEO {code}")
            mapping[code] = mapping[twin]
            added.append(code)
    if added:
        notes.append(
            f"02-family ADDED by dotterel ({len(added)} codes): the manual drops APPEAL; we code "
            "02xx like its DEMAND twin 10xx (REQUEST, same mode and contexts)"
        )
    notes.append("01 (MAKE PUBLIC STATEMENT) has no PLOVER type, as in the manual: no rows")

    for code, (et, mode, ctxs) in mapping.items():
        if mode and (et, mode) not in modes:
            raise BuildError(f"{code}: mode {et}/{mode} is not a v2.0 mode")
        for c in ctxs:
            if c not in contexts:
                raise BuildError(f"{code}: context {c} is not a v2.0 context")
    rows = [[code, et, mode, ";".join(ctxs)] for code, (et, mode, ctxs) in sorted(mapping.items())]
    return rows, notes


def build(kb: Path, out: Path) -> list[Path]:
    cameo_rows = build_cameo(kb)
    type_rows = build_plover_types(kb)
    mode_rows = build_modes(kb)
    ctx_rows = build_contexts(kb)
    map_rows, notes = build_mapping(
        kb,
        {r[0] for r in cameo_rows},
        {(r[0], r[1]) for r in mode_rows},
        {r[0] for r in ctx_rows},
    )
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def emit(name: str, comments: list[str], header: list[str], rows: list[list[str]]) -> None:
        path = out / name
        write_tsv(path, comments, header, rows)
        written.append(path)

    emit(
        "cameo_codes.tsv",
        [
            "CAMEO event codes: short label, Goldstein value, QuadClass. See data/NOTICE.",
            "Source: cameo_codebook/cameo_event_codes_merged.tsv (GDELT lookup tables + ICEWS).",
            "name: ICEWS short label, else GDELT's. goldstein: GDELT table (1213: ICEWS, -4).",
            "quad_class (GDELT): 1 verbal coop (roots 01-05), 2 material coop (06-08),",
            "3 verbal conflict (09-13), 4 material conflict (14-20).",
        ],
        ["code", "name", "goldstein", "quad_class"],
        cameo_rows,
    )
    emit(
        "plover_event_types.tsv",
        [
            "PLOVER 2.0 event types. CC BY-SA 4.0 (derived from the PLOVER manual v2.0).",
            "quad_category and requires_recipient as in the manual; summaries are dotterel's own.",
        ],
        ["event_type", "quad_category", "requires_recipient", "summary"],
        type_rows,
    )
    emit(
        "plover_modes.tsv",
        [
            "PLOVER 2.0 modes per event type. CC BY-SA 4.0 (derived from the PLOVER manual v2.0).",
            "Summaries are dotterel's own.",
        ],
        ["event_type", "mode", "summary"],
        mode_rows,
    )
    emit(
        "plover_contexts.tsv",
        [
            "PLOVER 2.0 general contexts. CC BY-SA 4.0 (derived from the PLOVER manual v2.0).",
            "Summaries are dotterel's own.",
        ],
        ["context", "summary"],
        ctx_rows,
    )
    emit(
        "cameo_to_plover.tsv",
        [
            "CAMEO -> PLOVER 2.0. CC BY-SA 4.0. Source: CAMEO2PLOVER-2021.txt (Schrodt, for",
            "PLOVER draft 0.8), via plover/cameo2plover_2021.tsv; contexts ';'-separated.",
            "A code with no row takes its parent's row (drop the last digit), then its root's.",
            "Changes from the source table, to match the v2.0 manual:",
            *[f"  {n}" for n in notes],
        ],
        ["cameo", "event_type", "mode", "contexts"],
        map_rows,
    )
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kb", nargs="?", type=Path, default=DEFAULT_KB, help="knowledge base dir")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output dir")
    args = ap.parse_args(argv)
    try:
        for path in build(args.kb, args.out):
            print(f"wrote {path}")
    except (BuildError, KeyError) as exc:
        print(f"build_ontology: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
