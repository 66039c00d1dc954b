"""Quotations and reported speech: who said what, and where (issue 5, item 3).

`QuoteFinder().find(doc, actors)` reads one parsed document and returns its `Quote`s, in
document order; `attach_quotes(events, quotes)` gives each event drawn from a quotation its
`quote`. `actors` is the document's `DocumentActors` (actors/coref.py): a speaker phrase is
resolved with it, so "he" in "“...,” he said" is the actor coreference says "he" is.

How a quotation is found and attributed (each decision is written into the quote's `why`):

* **Direct quotations** are the spans between quotation marks (attributes/quotemarks.py:
  straight and curly marks, several sentences, quotes inside quotes, unbalanced marks).
* **Their cue** (the speech verb, data/quotes/speech_verbs.tsv) is, in this order: the nearest
  speech verb the quotation hangs on in the parse (“...,” he said; X said, “...”; calling it
  “...”; warning of “...”; who he said was “...”), or one the quotation's clause governs; else
  one in the few words right after the closing mark or right before the opening one (after a
  comma or a colon, or a colon closing the sentence before).
* **Indirect speech**: a speech verb with a clausal complement ("Trump wrote that ...",
  "Zelenskyy said he was ready ..."), a parenthetical ("The talks, he said, will resume"), an
  infinitive after a verb of commitment ("vowed to retaliate", marked `to` in the verb list),
  or "according to X". The complement (without its "that") is the quote's text. A direct
  quotation inside or right beside the complement of the same verb makes one *mixed* quote
  ("stated that his administration was “ready to meet” Russian officials").
* **The speaker** is the cue's subject (inherited through participles and coordination:
  "Speaking to Sky News, Clarke described ..., noting “...”"; "X, who he said ..."), or the
  object of "according to". `speaker_span` keeps the words; `speaker` is the actor they resolve
  to (pronouns through coreference), null when they name no known actor ("a spokesman").
* **A quotation with no cue of its own** continues the quote just before it when it reopens
  the next paragraph or follows it within a sentence, as news writing does ("Trump wrote:
  “...” / “...”"); its speaker is that quote's. With none, a quotation of four words or fewer
  is a scare quote or a title, not speech, and is dropped; a longer one is kept with speaker
  null.
* **The channel**: a named platform or outlet (data/quotes/channels.tsv) introduced by a
  preposition or speech verb in the cue's clause ("on X", "posted to the social media platform
  X", "to Sky News", "told the BBC", "in an interview with CNN"), else the form of the statement
  ("in a statement", "told reporters", "at a news conference"), else the channel the verb names
  ("tweeted": X). With none, a quote takes the channel of the quote just before it when that
  one has the same speaker (a run of quotes from one post or interview), unless its clause is
  in the past perfect ("had earlier praised"), which marks another occasion.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.attrs import IDX

from dotterel.attributes.quotemarks import DOUBLE_MARKS, Marked, find_marked
from dotterel.attributes.speech import Channel, SpeechLexicon, speech_lexicon
from dotterel.nlp import text_of
from dotterel.records import Actor, Event, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from dotterel.actors.coref import DocumentActors

SCARE_QUOTE_WORDS = 4  # an unattributed quotation this short marks words, not speech
_CLIMB = frozenset(("advcl", "conj", "xcomp"))  # a participle or conjunct shares its subject
_CLAUSES = frozenset(("ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp", "acl"))
_PHRASE_SKIP = frozenset(("relcl", "acl", "appos", "punct", "advmod", "parataxis", "dep"))
_CHANNEL_PREPS = frozenset(
    ("on", "to", "with", "via", "through", "in", "during", "at", "onto", "over")
)
_FORM_PREPS = frozenset(("in", "at", "during", "via", "through", "on"))
_CHANNEL_VERBS = frozenset(
    ("tell", "speak", "talk", "post", "write", "tweet", "say", "appear", "give", "publish")
)
_FORM_VERBS = frozenset(("tell", "brief", "speak", "talk"))
_AFTER_WORDS = 4  # words after a closing mark where its cue may stand ("the minister said")
_BEFORE_WORDS = 10  # ... and before an opening mark ("President Zelenskyy said, “...")
_SENTENCE_END = frozenset(".!?")
# Punctuation that ends a speaker's phrase (a hyphen does not: "the state-run agency").
_PHRASE_BREAKS = frozenset(',;:()[]—–"“”‘’«»')
# Words that open a phrase setting a report in time or circumstance, not part of what was said.
_FRAME_WORDS = frozenset(("following", "after", "amid", "ahead", "despite", "during"))


@dataclass
class _Found:
    """A quote being built: its words, its cue, the token naming its speaker."""

    start: int
    end: int
    kind: str
    cue: Token | None = None
    cue_text: Span | None = None
    speaker: Token | None = None
    verb: Token | None = None  # the verb whose subject is the speaker (its clause: the channel)
    how: str = ""
    marked: Marked | None = None
    inherited: _Found | None = None  # the quote this one continues
    channel: Channel | None = None
    channel_how: str = ""
    quote: Quote | None = None


class QuoteFinder:
    """Finds the quotes of parsed documents; the language data are loaded once."""

    def __init__(self, lexicon: SpeechLexicon | None = None):
        self.lexicon = lexicon or speech_lexicon()

    def find(self, doc: Doc, actors: DocumentActors) -> list[Quote]:
        return _DocumentQuotes(self.lexicon, doc, actors).run()


def attach_quotes(events: Iterable[Event], quotes: Sequence[Quote]) -> None:
    """An event whose trigger lies inside a quote's words takes that quote (the innermost when
    quotes nest): the event is the speaker's claim, not a reported fact."""
    for event in events:
        at = event.trigger.start
        holding = [q for q in quotes if q.start <= at < q.end]
        if holding:
            event.quote = min(holding, key=lambda q: q.end - q.start)


class _DocumentQuotes:
    def __init__(self, lexicon: SpeechLexicon, doc: Doc, actors: DocumentActors):
        self.lex = lexicon
        self.doc = doc
        self.text = text_of(doc)
        self.actors = actors
        self.marks = find_marked(self.text)
        # Each token's offset, read from the parse's array (building every Token costs more).
        self._starts = doc.to_array(IDX).tolist()
        # token index -> the mark whose words hold it
        self.in_mark: dict[int, int] = {}
        for n, m in enumerate(self.marks):
            for tok in self._tokens(m.inner_start, m.inner_end):
                self.in_mark[tok.i] = n

    # -- the pass ------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        direct = [self._direct(n, m) for n, m in enumerate(self.marks)]
        _share_cues(direct)
        indirect = self._indirect()
        found = self._merge(direct, indirect)
        found.sort(key=lambda f: (f.start, -f.end))
        kept: list[_Found] = []
        for f in found:
            if f.kind == "direct" and f.cue is None and not self._continues(f, kept):
                if self._words(f.start, f.end) <= SCARE_QUOTE_WORDS:
                    continue
                f.how = "no speech verb or earlier speaker found"
            kept.append(f)
        previous: _Found | None = None
        for f in kept:
            self._speaker(f)
            self._channel(f, previous)
            if f.quote is not None and (f.quote.speaker or f.quote.speaker_span):
                previous = f
        return [f.quote for f in kept if f.quote is not None]

    # -- direct quotations ---------------------------------------------------------------------

    def _direct(self, n: int, m: Marked) -> _Found:
        f = _Found(m.inner_start, m.inner_end, "direct", marked=m)
        toks = self._tokens(m.inner_start, m.inner_end)
        if not toks:
            return f
        cue, how = self._cue_in_parse(n, toks)
        if cue is None:
            cue, how = self._cue_after(m), "speech verb after the closing mark"
        if cue is None:
            cue, how = self._cue_before(m), "speech verb before the opening mark"
        if cue is not None:
            f.cue, f.how = cue, how
        return f

    def _cue_in_parse(self, n: int, toks: list[Token]) -> tuple[Token | None, str]:
        """The nearest speech verb the quotation hangs on, or that its clause governs."""
        inside = {t.i for t in toks}
        best: tuple[int, int, Token] | None = None
        for root in toks:
            if root.head.i in inside or root.head.i == root.i:
                continue
            cur, hops = root, 0
            while cur.head.i != cur.i and hops < 4:
                cur, hops = cur.head, hops + 1
                if self.in_mark.get(cur.i, n) != n:
                    break  # into another quotation
                if self.lex.cue(cur):
                    key = (hops, abs(cur.i - root.i), cur)
                    if best is None or key[:2] < best[:2]:
                        best = key
                    break
        for root in toks:
            if root.head.i not in inside and root.head.i != root.i:
                continue
            for child in root.children:
                if child.i in inside or child.i in self.in_mark:
                    continue
                hangs = child.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep")
                if hangs and self.lex.cue(child):
                    key = (1, abs(child.i - root.i), child)
                    if best is None or key[:2] < best[:2]:
                        best = key
        if best is None:
            return None, ""
        cue = best[2]
        return cue, f"the quotation hangs on '{cue.text}' in the parse"

    def _cue_after(self, m: Marked) -> Token | None:
        if self.text[m.inner_end - 1] == ".":
            return None  # the quotation closed its sentence: what follows is another one
        return self._window_cue(self.doc[self._token_after(m.end) :], _AFTER_WORDS, False)

    def _cue_before(self, m: Marked) -> Token | None:
        before = self.text[: m.start].rstrip()
        if not before or before[-1] not in ",:—–" and not before[-1].isalpha():
            return None
        # Only a colon introduces a quotation on the next line ("Trump wrote:").
        tokens = reversed(self.doc[: self._token_after(len(before))])
        return self._window_cue(tokens, _BEFORE_WORDS, before[-1] == ":")

    def _window_cue(self, tokens: Iterable[Token], limit: int, lines: bool) -> Token | None:
        """The first speech verb among the first `limit` words of `tokens`, which end at
        another quotation, a sentence's end and (unless `lines`) a line break."""
        words = 0
        for tok in tokens:
            if tok.i in self.in_mark or tok.text in DOUBLE_MARKS:
                return None
            if tok.is_space:
                if "\n" in tok.text and not lines:
                    return None
                continue
            if tok.is_punct:
                if tok.text in _SENTENCE_END:
                    return None
                continue
            words += 1
            if words > limit:
                return None
            if self.lex.cue(tok):
                return tok
        return None

    def _continues(self, f: _Found, kept: list[_Found]) -> bool:
        """A quotation with no cue continues the quote just before it: reopened at the next
        paragraph, or starting in the sentence where that one ends or the next."""
        if not kept or f.marked is None:
            return False
        prev = kept[-1]
        if prev.end > f.start:
            return False
        first = self._tokens(f.start, f.end)
        if not first:
            return False
        sent_start = first[0].sent.start
        reopened = f.marked.continues
        prev_toks = self._tokens(prev.start, prev.end)
        if not prev_toks:
            return False
        prev_sent = prev_toks[-1].sent
        # The quotation opens its sentence, and that sentence is the one after prev's.
        opens_sentence = all(
            t.is_punct or t.is_space or t.i in self.in_mark
            for t in self.doc[sent_start : first[0].i]
        )
        adjacent = sent_start in (prev_sent.start, prev_sent.end) or (
            sent_start > prev_sent.end
            and all(t.is_space or t.is_punct for t in self.doc[prev_sent.end : sent_start])
        )
        if not (reopened or (opens_sentence and adjacent)):
            return False
        f.inherited = prev
        f.how = f"continues the quotation before it (sentence {prev_sent.start})"
        return True

    # -- indirect speech -----------------------------------------------------------------------

    def _indirect(self) -> list[_Found]:
        out = []
        for tok in self.doc:
            if tok.i in self.in_mark:
                continue  # words inside a quotation are the speaker's, reported by them
            if tok.lower_ == "according":
                found = self._according(tok)
                if found is not None:
                    out.append(found)
                continue
            verb = self.lex.cue(tok)
            if verb is None or _passive_participle(tok):
                continue
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if verb.infinitive:
                comps += [
                    c
                    for c in tok.children
                    if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                ]
            for comp in comps:
                if self._mostly_quoted(comp):
                    continue  # the complement is the direct quotation itself
                found = self._report(tok, self._complement(comp), "its complement")
                if found is not None:
                    out.append(found)
            if not comps and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
                # "The talks, he said, will resume": the clause around the parenthetical.
                skip = {t.i for t in tok.subtree}
                toks = [t for t in tok.head.subtree if t.i not in skip]
                if tok.head.i not in self.in_mark:
                    found = self._report(tok, toks, "the clause it interrupts")
                    if found is not None:
                        out.append(found)
        return out

    def _complement(self, comp: Token) -> list[Token]:
        """A complement's words, less a second speech verb the parser coordinated with it
        ("noting “...” and warning of “...”": the warning is a report of its own), and less a
        phrase after a comma that sets the report in time ("..., following Putin’s proposal"):
        the parser hangs those on the complement, but they are the writer's words."""
        skip: set[int] = set()
        doc = comp.doc
        for child in comp.children:
            if child.dep_ in ("conj", "advcl") and self.lex.cue(child):
                skip.update(t.i for t in child.subtree)
                skip.update(c.i for c in comp.children if c.dep_ == "cc" and c.i < child.i)
            left = child.left_edge.i
            framing = child.dep_ in ("prep", "advcl") and child.lower_ in _FRAME_WORDS
            if framing and child.i > comp.i and left > 0 and doc[left - 1].text == ",":
                skip.update(t.i for t in child.subtree)
        return [t for t in comp.subtree if t.i not in skip]

    def _mostly_quoted(self, comp: Token) -> bool:
        words = [t for t in self._complement(comp) if not (t.is_punct or t.is_space)]
        quoted = sum(1 for t in words if t.i in self.in_mark)
        return bool(words) and quoted >= 0.75 * len(words)

    def _report(self, cue: Token, toks: list[Token], what: str) -> _Found | None:
        toks = self._contiguous(cue, toks)
        # A report and its words stand in one paragraph (a parse can run over a line break).
        if cue.i < (toks[0].i if toks else cue.i):
            between = self.doc[cue.i : toks[0].i]
            cut = next((n for n, t in enumerate(toks) if "\n" in t.text), len(toks))
            toks = [] if "\n" in between.text else toks[:cut]
        elif toks:
            between = self.doc[toks[-1].i + 1 : cue.i]
            cut = max((n for n, t in enumerate(toks) if "\n" in t.text), default=-1)
            toks = [] if "\n" in between.text else toks[cut + 1 :]
        while toks and (
            toks[0].is_space
            or toks[0].lower_ == "that"
            or (toks[0].is_punct and toks[0].text not in DOUBLE_MARKS + "‘")
        ):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in '”"’':
            toks = toks[:-1]
        if sum(1 for t in toks if not (t.is_punct or t.is_space)) < 2:
            return None
        subject, verb = _speaker_of(cue, self.in_mark)
        if (
            subject is not None
            and subject.dep_ == "expl"
            or (subject is not None and subject.lower_ == "it" and subject.dep_ == "nsubjpass")
        ):
            return None  # "it was announced that": nobody is reported as saying it
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return _Found(
            start,
            end,
            "indirect",
            cue=cue,
            speaker=subject,
            verb=verb,
            how=f"indirect speech: '{cue.text}' and {what}",
        )

    def _according(self, tok: Token) -> _Found | None:
        """ "According to X, S" and "S, according to X": X said S."""
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        source = next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
        if source is None or tok.head.i == tok.i:
            return None
        skip = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in skip]
        found = self._report(tok, toks, "the clause it qualifies")
        if found is None:
            return None
        found.speaker, found.verb = source, tok
        found.cue_text = Span("according to", tok.idx, to.idx + len(to.text))
        found.how = "indirect speech: 'according to' and the clause it qualifies"
        return found

    def _contiguous(self, cue: Token, toks: list[Token]) -> list[Token]:
        """The run of `toks` around their middle that does not cross the cue: a complement is
        one stretch of words."""
        toks = sorted(toks, key=lambda t: t.i)
        if not toks:
            return toks
        before = [t for t in toks if t.i < cue.i]
        after = [t for t in toks if t.i > cue.i]
        part = after if len(after) >= len(before) else before
        out = [part[0]]
        for t in part[1:]:
            if t.i != out[-1].i + 1:
                break
            out.append(t)
        return out

    def _merge(self, direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
        """A direct quotation inside or beside the complement of its own cue joins it: one
        mixed quote."""
        out = list(indirect)
        for d in direct:
            joined = False
            for r in indirect:
                if d.cue is None or r.cue is None or d.cue.i != r.cue.i:
                    continue
                if d.start < r.end and r.start < d.end or self._beside(d, r):
                    # The quotation's marks go with it, so that the text stays balanced.
                    lo = d.marked.start if d.marked is not None else d.start
                    hi = d.marked.end if d.marked is not None and d.marked.closed else d.end
                    r.start, r.end = min(r.start, lo), max(r.end, hi)
                    r.kind = "mixed"
                    r.how = r.how.replace("indirect speech", "mixed quotation", 1)
                    joined = True
                    break
            if not joined:
                out.append(d)
        return out

    def _beside(self, a: _Found, b: _Found) -> bool:
        lo, hi = (a, b) if a.start < b.start else (b, a)
        gap = self.text[lo.end : hi.start]
        return len(gap) <= 3 and all(ch.isspace() or ch in DOUBLE_MARKS + ",." for ch in gap)

    # -- speakers ------------------------------------------------------------------------------

    def _speaker(self, f: _Found) -> None:
        speaker_span: Span | None = None
        speaker: Actor | None = None
        how = f.how
        if f.inherited is not None and f.inherited.quote is not None:
            speaker = f.inherited.quote.speaker
            speaker_span = f.inherited.quote.speaker_span
            f.verb = f.verb or f.inherited.verb
        else:
            if f.kind == "direct" and f.cue is not None:
                f.speaker, f.verb = _speaker_of(f.cue, self.in_mark)
            if f.speaker is not None and f.speaker.dep_ == "expl":
                f.speaker = None  # "there is ...": no one
            if f.speaker is not None:
                span = self._phrase(f.speaker)
                speaker_span = Span(span.text, span.start_char, span.end_char)
                speaker = self._actor(span, f.speaker)
                label = speaker.name or speaker.code if speaker else "no known actor"
                how += f"; speaker '{span.text}' ({label})"
                if speaker is not None and speaker.why:
                    how += f": {speaker.why}"
            elif f.cue is not None:
                how += "; the speech verb has no subject"
        cue = f.cue_text
        if cue is None and f.cue is not None:
            cue = Span(f.cue.text, f.cue.idx, f.cue.idx + len(f.cue.text))
        f.quote = Quote(
            text=self.text[f.start : f.end],
            start=f.start,
            end=f.end,
            speaker=speaker,
            kind=f.kind,
            speaker_span=speaker_span,
            cue=cue,
            why=how,
        )

    def _phrase(self, tok: Token) -> SpacySpan:
        """The words naming the speaker: the subject's phrase without relative clauses,
        appositions and what follows a comma."""
        keep = {tok.i}
        for child in tok.children:
            if child.dep_ in _PHRASE_SKIP:
                continue
            keep.update(t.i for t in child.subtree)
        lo = hi = tok.i
        while lo - 1 in keep and self.doc[lo - 1].text not in _PHRASE_BREAKS:
            lo -= 1
        while hi + 1 in keep and self.doc[hi + 1].text not in _PHRASE_BREAKS:
            hi += 1
        while hi > tok.i and (self.doc[hi].is_punct or self.doc[hi].is_space):
            hi -= 1
        return self.doc[lo : hi + 1]

    def _actor(self, span: SpacySpan, head: Token) -> Actor | None:
        found = self.actors.resolve(span)
        if not found:
            return None
        for a in found:
            if a.start <= head.idx < a.end:
                return a
        return found[0]

    # -- channels ------------------------------------------------------------------------------

    def _channel(self, f: _Found, previous: _Found | None) -> None:
        q = f.quote
        assert q is not None
        channel, how = self._named_channel(f)
        if channel is None and f.cue is not None:
            verb = self.lex.cue(f.cue)
            if verb is not None and verb.channel:
                channel, how = Channel(verb.channel, "platform"), f"the verb '{f.cue.text}'"
        if channel is None and previous is not None and previous.quote is not None:
            prev = previous.quote
            if prev.channel and _same_speaker(prev, q) and not self._past_perfect(f):
                channel = Channel(prev.channel, "")
                how = "the same speaker's quote before it"
        if channel is not None:
            f.quote = replace(q, channel=channel.name, why=f"{q.why}; channel '{channel.name}' "
                              f"from {how}")  # fmt: skip

    def _named_channel(self, f: _Found) -> tuple[Channel | None, str]:
        anchor = f.verb or f.cue
        if anchor is None:
            return None, ""
        region = self._region(f, anchor)
        best: tuple[int, int, Channel, str] | None = None
        doc = self.doc
        for i in sorted(region):
            hit = self.lex.channel_at(doc, i)
            if hit is None:
                continue
            channel, size = hit
            toks = list(doc[i : i + size])
            if any(t.i not in region for t in toks):
                continue
            if not self._introduced(toks, channel):
                continue
            rank = 0 if channel.named else 1
            distance = abs(i - (f.cue.i if f.cue is not None else anchor.i))
            key = (rank, distance, channel, doc[i : i + size].text)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return None, ""
        return best[2], f"'{best[3]}'"

    def _region(self, f: _Found, anchor: Token) -> set[int]:
        """Tokens of the cue's clause where a channel may be named: the speaker's verb and what
        hangs on it, less the quote's own words, the speaker's phrase and other clauses that
        have a subject of their own."""
        keep_path = {t.i for t in (f.cue.ancestors if f.cue is not None else [])}
        if f.cue is not None:
            keep_path.add(f.cue.i)
        region: set[int] = set()
        stack = [anchor]
        while stack:
            tok = stack.pop()
            region.add(tok.i)
            for child in tok.children:
                own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                if child.dep_ in _CLAUSES and own_subject and child.i not in keep_path:
                    continue
                stack.append(child)
        lo, hi = f.start, f.end
        if f.marked is not None:
            lo, hi = f.marked.start, f.marked.end
        region = {i for i in region if not (lo <= self.doc[i].idx < hi) and i not in self.in_mark}
        if f.speaker is not None:
            region -= {t.i for t in self._phrase(f.speaker)}
        return region

    def _introduced(self, toks: list[Token], channel: Channel) -> bool:
        """Whether a channel's words are introduced as one: "on X", "to Sky News", "told the
        BBC", "in a statement", "told reporters"."""
        inside = {t.i for t in toks}
        head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
        cur = head
        for _ in range(4):
            up = cur.head
            if up.i == cur.i:
                return False
            if channel.named:
                if up.pos_ == "ADP" and up.lower_ in _CHANNEL_PREPS:
                    return True
                if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in _CHANNEL_VERBS:
                    return cur.dep_ in ("dobj", "dative", "obj", "pobj")
            else:
                if up.pos_ == "ADP" and up.lower_ in _FORM_PREPS:
                    return True
                if up.pos_ == "ADP" and up.lower_ == "to":
                    return up.head.lemma_.lower() in _FORM_VERBS | {"say"}
                if up.pos_ in ("VERB", "AUX"):
                    return up.lemma_.lower() in _FORM_VERBS and cur.dep_ in ("dobj", "dative")
                return False  # a form is introduced by its own preposition or verb
            if up.pos_ in ("VERB", "AUX"):
                return False
            cur = up
        return False

    def _past_perfect(self, f: _Found) -> bool:
        """ "Trump had earlier praised ...": another occasion than the quote before."""
        tok = f.cue
        stop = f.verb
        for _ in range(6):
            if tok is None:
                return False
            has_had = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)
            if has_had and tok.tag_ in ("VBN", "VBD"):  # the tagger often says VBD
                return True
            if stop is None or tok.i == stop.i or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    # -- helpers -------------------------------------------------------------------------------

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _token_after(self, char: int) -> int:
        """The index of the first token that starts at or after `char`."""
        return bisect_left(self._starts, char)

    def _words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())


def _speaker_of(cue: Token, quoted: Container[int] = ()) -> tuple[Token | None, Token]:
    """The subject of a speech verb and the verb that has it: its own, or one it inherits as a
    participle or conjunct ("Speaking to Sky News, Clarke described ..., noting"), the noun of a
    relative clause ("Putin, who he said ..." keeps 'he'), the subject of "was quoted as
    saying". Words inside quotations (`quoted`) are the speaker's, never where the subject is
    inherited from: a verb the parser coordinated with a quoted clause ("noting “there is ...”
    and warning of “...”") inherits from the verb the quotation hangs on."""
    tok = cue
    quoted_as = False  # climbed from "saying" in "was quoted as saying"
    for _ in range(6):
        while tok.i in quoted and tok.head.i != tok.i:
            tok = tok.head
        for child in tok.children:
            if child.dep_ == "nsubjpass" and not quoted_as:
                continue  # "“illegal assembly” was declared": what was said, not who said it
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                if child.i in quoted:
                    return None, tok
                if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                    return tok.head, tok
                return child, tok
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            by = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if by is not None:
                return by, tok
        if tok.dep_ in _CLIMB and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "was quoted as saying"
            quoted_as = True
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, tok  # "Zelenskyy, speaking in Kyiv, ..."
        return None, cue
    return None, cue


def _passive_participle(tok: Token) -> bool:
    """ "Asked whether ..., Reyes replied": a past participle with no auxiliary reports words
    addressed to the subject, not said by it."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("advcl", "acl"):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _share_cues(direct: list[_Found]) -> None:
    """The paragraphs of one quotation (each reopened, the earlier ones left open) share the
    cue any of them has: "“First paragraph. / “Second one,” Macron said."."""
    runs: list[list[_Found]] = []
    for f in direct:
        prev = runs[-1][-1] if runs else None
        joined = (
            prev is not None
            and prev.marked is not None
            and f.marked is not None
            and not prev.marked.closed
            and f.marked.continues
        )
        if joined:
            runs[-1].append(f)
        else:
            runs.append([f])
    for run in runs:
        having = next((f for f in run if f.cue is not None), None)
        if having is None or len(run) == 1:
            continue
        for f in run:
            if f.cue is None:
                f.cue = having.cue
                f.how = f"one quotation over several paragraphs: {having.how}"


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is not None and b.speaker is not None:
        x, y = a.speaker, b.speaker
        return (x.kb_id or x.name or x.code) == (y.kb_id or y.name or y.code)
    if a.speaker is None and b.speaker is None and a.speaker_span and b.speaker_span:
        return a.speaker_span.text.lower() == b.speaker_span.text.lower()
    return False
