"""The verb lexicon (data/lexicon/verbs.tsv): which verb patterns express which CAMEO event."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"
CONDITION_KINDS = ("xcomp", "obj", "prep", "prt")
NOT_AN_EVENT = "-"  # a row whose verb and condition code nothing: it stops the lemma's general row
OBJECT_DEPS = ("dobj", "obj", "dative", "attr")


@dataclass(frozen=True)
class Condition:
    kind: str
    words: frozenset[str] | None  # None: any word will do

    def holds(self, verb: Token) -> bool:
        found = _complements(verb, self.kind)
        if self.words is None:
            return bool(found)
        return any(word in self.words for word in found)

    def __str__(self) -> str:
        return f"{self.kind}={'|'.join(sorted(self.words)) if self.words else '-'}"


@dataclass(frozen=True)
class VerbRule:
    lemma: str
    conditions: tuple[Condition, ...]
    cameo: str
    note: str
    line: int
    derived: bool = False  # from verbs_petrarch.tsv, not hand-written

    def matches(self, verb: Token) -> bool:
        return all(c.holds(verb) for c in self.conditions)

    def describe(self) -> str:
        if not self.conditions:
            return f"verb '{self.lemma}'"
        return f"verb '{self.lemma}' with " + " and ".join(str(c) for c in self.conditions)


def _temporal(prep: Token) -> bool:
    """ "on Wednesday", "in May": a preposition that says when, not a complement."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def _complements(verb: Token, kind: str) -> list[str]:
    """The lemmas of the verb's complements of one kind."""
    if kind == "xcomp":
        return [c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"]
    if kind == "prep":
        return [c.lower_ for c in verb.children if c.dep_ in ("prep", "agent") and not _temporal(c)]
    if kind == "prt":
        return [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if kind == "obj":
        words = []
        for child in verb.children:
            # "sanctions were lifted": a passive subject is the verb's object.
            if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
                words.append(child.lemma_.lower())
            elif child.dep_ == "prep":
                words.extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        return words
    raise ValueError(f"unknown condition kind {kind!r}")


class LexiconError(ValueError):
    pass


def _parse_condition(text: str, where: str) -> Condition:
    kind, _, words = text.partition("=")
    if kind not in CONDITION_KINDS or not words:
        raise LexiconError(f"{where}: bad condition {text!r} (want one of {CONDITION_KINDS}=a|b)")
    return Condition(kind, None if words == "-" else frozenset(words.lower().split("|")))


class VerbLexicon:
    def __init__(self, rules: list[VerbRule]):
        by_lemma: dict[str, list[VerbRule]] = defaultdict(list)
        for rule in rules:
            by_lemma[rule.lemma].append(rule)
        # The most specific rule that holds wins; among equals, the first in the file.
        for lemma_rules in by_lemma.values():
            lemma_rules.sort(key=lambda r: (-len(r.conditions), r.line))
        self._rules = dict(by_lemma)

    @classmethod
    def load(cls, path: Path | None = None, derived: bool = False) -> VerbLexicon:
        path = path or LEXICON_DIR / "verbs.tsv"
        rules = []
        header_seen = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            where = f"{path.name}:{number}"
            cells = line.split("\t")
            if len(cells) < 3:
                raise LexiconError(f"{where}: want lemma, when, cameo (tab-separated)")
            lemma, when, cameo = (c.strip() for c in cells[:3])
            if cameo != NOT_AN_EVENT and (not cameo.isdigit() or not 2 <= len(cameo) <= 4):
                raise LexiconError(f"{where}: {cameo!r} is not a CAMEO code")
            conditions = (
                ()
                if when == "-"
                else tuple(_parse_condition(part, where) for part in when.split("&"))
            )
            note = cells[3].strip() if len(cells) > 3 else ""
            rules.append(VerbRule(lemma.lower(), conditions, cameo, note, number, derived))
        return cls(rules)

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._rules

    def extended(self, other: VerbLexicon) -> VerbLexicon:
        """This lexicon, plus the other's rules for lemmas this one does not list: a lemma's
        rows in the first are its whole story."""
        rules = [r for lemma_rules in self._rules.values() for r in lemma_rules]
        rules += [
            r
            for lemma, lemma_rules in other._rules.items()
            if lemma not in self._rules
            for r in lemma_rules
        ]
        return VerbLexicon(rules)

    def match(self, verb: Token) -> VerbRule | None:
        for rule in self._rules.get(verb.lemma_.lower(), ()):
            if rule.matches(verb):
                return rule
        return None


@lru_cache(maxsize=1)
def verb_lexicon() -> VerbLexicon:
    """The hand-written lexicon, extended by the one derived from PETRARCH2's dictionary for
    the verbs it does not list (see scripts/import_petrarch_verbs.py)."""
    lexicon = VerbLexicon.load()
    derived = LEXICON_DIR / "verbs_petrarch.tsv"
    if not derived.exists():
        return lexicon
    return lexicon.extended(VerbLexicon.load(derived, derived=True))


@dataclass(frozen=True)
class NounRule:
    """An event named by a noun that a light verb carries: "launched an attack"."""

    noun: str
    light_verb: str
    cameo: str
    conditions: tuple = ()  # same face as VerbRule, for confidence and `why`

    def describe(self) -> str:
        if not self.light_verb:
            return f"noun '{self.noun}'"
        return f"'{self.light_verb} ... {self.noun}'"


def _light_key(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def noun_keys(noun: Token) -> list[str]:
    """Longest first: "phone call", then "call"."""
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    keys = [" ".join([*compounds, noun.lemma_.lower()])]
    if compounds:
        keys.append(" ".join([compounds[-1], noun.lemma_.lower()]))
        keys.append(noun.lemma_.lower())
    return keys


class NounLexicon:
    def __init__(self, nouns: dict[str, str], light_verbs: set[str]):
        self.nouns = nouns
        self.light_verbs = light_verbs

    @classmethod
    def load(cls, directory: Path | None = None) -> NounLexicon:
        directory = directory or LEXICON_DIR
        nouns: dict[str, str] = {}
        path = directory / "nouns.tsv"
        rows = [
            (n, line)
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip() and not line.startswith("#")
        ]
        for number, line in rows[1:]:  # the first is the header
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) < 2 or not cells[1].isdigit():
                raise LexiconError(f"nouns.tsv:{number}: want noun, cameo (tab-separated)")
            nouns[cells[0].lower()] = cells[1]
        light = (directory / "light_verbs.txt").read_text(encoding="utf-8").splitlines()
        return cls(nouns, {v.strip().lower() for v in light if v.strip() and v[0] != "#"})

    def match(self, verb: Token) -> tuple[NounRule, Token] | None:
        light = _light_key(verb)
        if light not in self.light_verbs:
            return None
        for child in verb.children:
            if child.dep_ not in OBJECT_DEPS:
                continue
            for key in noun_keys(child):
                if key in self.nouns:
                    return NounRule(key, light, self.nouns[key]), child
        return None


@lru_cache(maxsize=1)
def noun_lexicon() -> NounLexicon:
    return NounLexicon.load()
