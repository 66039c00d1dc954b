"""Turn PETRARCH2's CAMEO verb-pattern dictionary into dotterel's verb-lexicon format.

    python scripts/import_petrarch_verbs.py ../shared/data/kb/petrarch2_verbs/CAMEO.2.0.txt \
        src/dotterel/data/lexicon/verbs_petrarch.tsv

The dictionary (MIT, Open Event Data Alliance, 2015) groups verbs into blocks with a default
CAMEO code and patterns of what follows the verb. Only what dotterel's lexicon format can say is
kept: the block's member verbs (a phrasal verb "+CALL_OFF" becomes "call" with prt=off), the
default code, and patterns after the verb: an object ("- * SANCTIONS"), a prepositional phrase
("- * (TO BORDER)"), a noun phrase ("- * {ARMS SHIPMENT}": its last word is the head), an object
with a phrase ("- * POLICE (TO BORDER)"), and synonym sets ("&WEAPON"), expanded. Patterns
that name the subject ("- &MILITARY *") are left out: dotterel reads the subject from the parse.
A pattern coded "---" (not an event) becomes "-", which stops the block's default for it.

The hand-written verbs.tsv stays the authority: the Coder uses these rows only for lemmas it
does not list (see events/lexicon.py).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from dotterel.events.ontology import ontology

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
WORD = re.compile(r"[A-Z][A-Z_'\-]*")


def singular(word: str) -> set[str]:
    """The word and what spaCy's lemmatiser would likely make of a plural ("sanctions")."""
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith(("sses", "xes", "ches", "shes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    return forms


def read_sets(lines: list[str]) -> dict[str, set[str]]:
    """Synonym sets: "&WEAPON" followed by "+GUN", "+RIFLE", ... up to a blank line."""
    sets: dict[str, set[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            sets[current] = set()
        elif text.startswith("+") and current:
            head = text[1:].split()[0].lower().split("_")[-1]  # a phrase's last word heads it
            sets[current] |= singular(head)
        elif not text:
            current = None
    return sets


def code_of(text: str) -> str | None:
    code = text.split(":")[0].strip()
    if code == "---":
        return "-"
    return code if code.isdigit() and 2 <= len(code) <= 4 else None


def words_of(text: str, sets: dict[str, set[str]]) -> tuple[set[str], bool] | None:
    """The head lemmas a noun-phrase pattern part can have, and whether words before the head
    were dropped ("{TERRORIST ATTACK}" is coded as any "attack"); None when it cannot be said:
    unbraced word sequences ("CASE AGAINST") do not say which word heads them."""
    braced = text.strip().startswith("{")
    words = text.strip("{} ").split()
    if not words or (len(words) > 1 and not braced):
        return None
    last = words[-1]
    if last.startswith("&"):
        heads = sets.get(last)
    elif WORD.fullmatch(last):
        heads = singular(last.lower().replace("_", " ").split()[-1])
    else:
        return None
    return (heads, len(words) > 1) if heads else None


def condition_of(pattern: str, sets: dict[str, set[str]]) -> tuple[list[str], bool] | None:
    """dotterel's `when` for a pattern's part after the verb, one per head word, and whether
    words were dropped; None if the format cannot say it."""
    before, star, after = pattern.partition("*")
    if not star or before.replace("+", "").replace("$", "").strip():
        return None  # the pattern names the subject, or has no verb position
    after = after.replace("$", " ").replace("+", " ").replace("^", " ").strip()
    if not after:
        return ["-"], False
    phrases = re.findall(r"\(([^()]*)\)", after)
    outside = re.sub(r"\([^()]*\)", " ", after).strip()
    if len(phrases) > 1:
        return None  # two phrases: more than the format says
    fixed: list[str] = []
    choices: set[str] = set()  # the object's possible head words (one set at most)
    lossy = False
    for text, prefix in [(outside, "")] + [(p, "phrase") for p in phrases]:
        if not text:
            continue
        tokens = text.split()
        if prefix:
            if not WORD.fullmatch(tokens[0]):
                return None
            fixed.append("prep=" + tokens[0].lower().replace("_", " ").split()[-1])
            tokens = tokens[1:]
            if not tokens:
                continue
        heads = words_of(" ".join(tokens), sets)
        if heads is None or choices:
            return None
        choices, lossy = heads
    if not choices:
        return ["&".join(fixed)], lossy
    return ["&".join([f"obj={word}", *fixed]) for word in sorted(choices)], lossy


def verb_of(member: str) -> tuple[str, str] | None:
    """ "FREEZE {FREEZES ...}" -> ("freeze", ""); "+CALL_OFF" -> ("call", "prt=off")."""
    first = member.split("#", 1)[0].split("{", 1)[0].strip().split()
    if not first:
        return None
    word = first[0].lstrip("+")
    if not re.fullmatch(r"[A-Z][A-Z_\-]*", word):
        return None
    pieces = word.lower().split("_")
    if len(pieces) == 1:
        return pieces[0], ""
    particles = {"up", "down", "off", "out", "in", "on", "over", "back", "away", "forward"}
    if len(pieces) == 2 and pieces[1] in particles:
        return pieces[0], f"prt={pieces[1]}"
    return None  # other multi-word verbs ("take_leave") the format cannot say


def convert(lines: list[str]) -> list[tuple[str, str, str, str]]:
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    end = next(
        (i for i, line in enumerate(lines) if line.startswith("######## TRANSFORMATIONS")),
        len(lines),
    )
    sets = read_sets(lines[:start])
    blocks: dict[str, dict] = defaultdict(lambda: {"verbs": [], "default": None, "patterns": []})
    name = None
    for line in lines[start + 1 : end]:
        head = BLOCK.match(line)
        if head:
            name = head.group(1)
            blocks[name]["default"] = code_of(head.group(2))
            continue
        if name is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("-"):
            found = PATTERN.match(line)
            if found:
                blocks[name]["patterns"].append((found.group(1), code_of(found.group(2))))
            continue
        verb = verb_of(line)
        if verb:
            blocks[name]["verbs"].append(verb)
    found: dict[tuple[str, str], list[tuple[str, bool, str]]] = defaultdict(list)
    for name, block in blocks.items():
        wanted = []
        if block["default"] not in (None, "-"):
            wanted.append((["-"], False, block["default"], f"block {name}"))
        for pattern, code in block["patterns"]:
            condition = condition_of(pattern, sets)
            if code is not None and condition is not None:
                wanted.append((*condition, code, f"block {name}: {pattern.strip()}"))
        for lemma, particle in block["verbs"]:
            for whens, lossy, code, note in wanted:
                for when in whens:
                    if particle:
                        when = particle if when == "-" else f"{particle}&{when}"
                    found[lemma, when].append((code, lossy, note))
    return regroup(resolve(found))


def resolve(found: dict) -> dict[tuple[str, str], tuple[str, str]]:
    """One code per verb and condition: the first pattern's, unless patterns disagree; then the
    first exact one's ("{TERRORIST ATTACK}" loses to "ATTACK"), or none if all dropped words."""
    rows = {}
    for key, options in found.items():
        codes = {code for code, _, _ in options}
        exact = [(code, note) for code, lossy, note in options if not lossy]
        if len(codes) == 1:
            rows[key] = options[0][0], options[0][2]
        elif exact:
            rows[key] = exact[0]
    return rows


def regroup(rows: dict[tuple[str, str], tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """Rows that differ only in their object word join again: obj=troop|soldier."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for (lemma, when), (code, note) in rows.items():
        parts = when.split("&")
        objects = [p for p in parts if p.startswith("obj=")]
        if len(objects) == 1:
            rest = "&".join(p if p != objects[0] else "obj=*" for p in parts)
            groups[lemma, rest, code, note].append(objects[0][4:])
        else:
            groups[lemma, when, code, note].append("")
    out = []
    for (lemma, when, code, note), words in groups.items():
        if "obj=*" in when:
            when = when.replace("obj=*", "obj=" + "|".join(sorted(words)))
        out.append((lemma, when, code, note))
    return sorted(out)


HEADER = """\
# Derived by scripts/import_petrarch_verbs.py from PETRARCH2's CAMEO verb-pattern dictionary
# (CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801cd, MIT, (c) 2015 Open Event Data Alliance).
# Do not edit by hand: correct a verb by giving it rows in verbs.tsv, which overrides every row
# of its lemma here. cameo "-" means "not an event" (PETRARCH's "---").
lemma\twhen\tcameo\tnote
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    rows = convert(args.source.read_text(encoding="utf-8", errors="replace").splitlines())
    # Codes PETRARCH uses that dotterel's ontology lacks (176, cyber attack, came after CAMEO
    # 1.1b3) cannot be coded consistently with the map: leave them out.
    known = ontology()
    dropped = [r for r in rows if r[2] != "-" and known.plover(r[2]) is None and r[2][:2] != "01"]
    dropped += [r for r in rows if r[2] != "-" and known.cameo(r[2]) is None]
    rows = [r for r in rows if r not in dropped]
    with args.out.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(
        f"{len(rows)} rows, {len({r[0] for r in rows})} verbs -> {args.out};"
        f" {len(dropped)} rows with codes the ontology lacks left out",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
