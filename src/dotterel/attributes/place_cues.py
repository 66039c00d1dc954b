"""The words that tie a place to an event, from data/places/cues.tsv (see its header)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

KINDS = (
    "at",
    "motion",
    "attack",
    "leave",
    "mover",
    "leaver",
    "venue",
    "container",
    "target",
    "seat",
    "region",
    "site",
)


@dataclass(frozen=True)
class Cues:
    at: frozenset[str]  # prepositions that place what they attach to
    motion: frozenset[str]  # prepositions that place a movement only
    attack: frozenset[str]  # prepositions that place an attack only
    leave: frozenset[str]  # prepositions that place a withdrawal only
    mover: frozenset[str]  # lemmas of movements
    leaver: frozenset[str]  # lemmas of withdrawals and expulsions
    venue: frozenset[str]  # lemmas of meetings
    container: frozenset[str]  # nouns for a kind of place ("city", "capital")
    target: frozenset[str]  # lemmas whose object is the place acted on ("shell", "capture")
    seat: frozenset[str]  # nouns a place names as whose they are ("government", "mayor")
    region: frozenset[str]  # kind-of-place nouns for a region of a country ("province")
    site: frozenset[str]  # lemmas whose object is a place, never a person ("shell", "besiege")


def parse(text: str) -> Cues:
    words: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, word = (p.strip() for p in line.partition("\t"))
        if kind not in words or not word:
            raise ValueError(f"cues.tsv:{n}: expected 'kind<TAB>word' with a kind in {KINDS}")
        words[kind].add(word.lower())
    return Cues(**{kind: frozenset(ws) for kind, ws in words.items()})


@cache
def cues() -> Cues:
    path = resources.files("dotterel") / "data" / "places" / "cues.tsv"
    return parse(path.read_text(encoding="utf-8"))
