"""The language data of quotations: speech verbs and channels (data/quotes/*.tsv).

Kept apart from the finding (attributes/quotes.py) so that a reader can correct the lists
without reading code: which verbs report speech, which names are channels a statement is made
on (X, Truth Social, Sky News) and which phrases name its form (a statement, an interview).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "quotes"
PLATFORM, OUTLET, FORM = "platform", "outlet", "form"
_DETERMINERS = frozenset(
    ("a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that")
)


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    particle: str | None  # 'out' of 'point out'
    infinitive: bool  # "vowed to retaliate" reports a statement
    channel: str | None  # the channel the verb names ('tweet': X)


@dataclass(frozen=True)
class Channel:
    name: str
    kind: str  # platform, outlet or form

    @property
    def named(self) -> bool:
        return self.kind != FORM


def _rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    out = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:  # the column names
            header_seen = True
            continue
        cells = line.split("\t")
        if not cells[0].strip():
            raise ValueError(f"{path}:{n}: empty first column")
        out.append((n, (cells + [""] * columns)[:columns]))
    return out


def match_text(tok: Token) -> str:
    """A token's words as a channel name is written: "X." (a name that ends a sentence, which
    the tokenizer leaves whole) is "X"; "U.S." keeps its dots."""
    text = tok.text
    if len(text) > 1 and text.endswith(".") and text.count(".") == 1:
        return text[:-1]
    return text


class SpeechLexicon:
    """Speech verbs by lemma, and channels by their words."""

    def __init__(self, verbs: list[SpeechVerb], channels: dict[tuple[str, ...], Channel]):
        self.verbs: dict[str, list[SpeechVerb]] = {}
        for v in verbs:
            self.verbs.setdefault(v.lemma, []).append(v)
        self.channels = channels
        self.longest = max((len(k) for k in channels), default=0)

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> SpeechLexicon:
        verbs = []
        for _, (lemma, to, channel, _note) in _rows(directory / "speech_verbs.tsv", 4):
            words = lemma.strip().lower().split()
            verbs.append(
                SpeechVerb(
                    lemma=words[0],
                    particle=words[1] if len(words) > 1 else None,
                    infinitive=to.strip().lower() == "yes",
                    channel=channel.strip() or None,
                )
            )
        channels: dict[tuple[str, ...], Channel] = {}
        for n, (name, aliases, kind) in _rows(directory / "channels.tsv", 3):
            kind = kind.strip()
            if kind not in (PLATFORM, OUTLET, FORM):
                raise ValueError(f"{directory / 'channels.tsv'}:{n}: unknown kind {kind!r}")
            channel = Channel(name.strip(), kind)
            for words in [name, *aliases.split("|")]:
                key = _key(words, kind)
                if key:
                    channels.setdefault(key, channel)
        return cls(verbs, channels)

    def cue(self, tok: Token) -> SpeechVerb | None:
        """The speech verb `tok` is, if it is one ('said', 'tweeted', 'pointed out'). A
        participle the tagger took for a noun ("noting “...” and warning of “...”", with
        'warning' a noun coordinated with a clause) counts too."""
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            found = self.verbs.get(tok.lemma_.lower())
        elif tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.dep_ in _PARTICIPLE_DEPS:
            found = next(filter(None, map(self.verbs.get, _stems(tok.lower_))), None)
        else:
            return None
        if not found or _so_called(tok):
            return None
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        for v in found:
            if v.particle is None or v.particle in particles:
                return v
        return None

    def channel_at(self, tokens: Sequence[Token], i: int) -> tuple[Channel, int] | None:
        """The longest channel named by tokens[i:], and how many tokens it takes."""
        for size in range(min(self.longest, len(tokens) - i), 0, -1):
            words = tuple(match_text(t) for t in tokens[i : i + size])
            named = self.channels.get(words)
            if named is not None and named.named:
                return named, size
            form = self.channels.get(tuple(w.lower() for w in words))
            # "to address the nation" is a verb, not a speech.
            if form is not None and not form.named and tokens[i + size - 1].pos_ == "NOUN":
                return form, size
        return None


_PARTICIPLE_DEPS = frozenset(("conj", "advcl", "xcomp", "pcomp"))


def _so_called(tok: Token) -> bool:
    """ "the so-called “peace plan”": a label, not speech."""
    doc, i = tok.doc, tok.i
    before = doc[max(i - 2, 0) : i].text.replace(" ", "").lower()
    return tok.lower_ == "called" and before.endswith(("so-", "so"))


def _stems(word: str) -> list[str]:
    """Lemmas an -ing form may come from: warning -> warn, noting -> note, stopping -> stop."""
    stem = word[:-3]
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    return out


def _key(words: str, kind: str) -> tuple[str, ...]:
    """Names match as written (X, Fox, Threads are words too in lower case); forms match in
    any case and without their article ("a statement" is "statement")."""
    toks = words.split()
    if kind == FORM:
        toks = [t.lower() for t in toks]
        while toks and toks[0] in _DETERMINERS:
            toks = toks[1:]
    elif toks and toks[0].lower() == "the" and len(toks) > 1:
        toks = toks[1:]
    return tuple(toks)


@cache
def speech_lexicon() -> SpeechLexicon:
    return SpeechLexicon.load()
