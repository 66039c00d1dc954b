"""Coreference inside one document: pronouns and descriptions to the actors they stand for.

`ActorResolver.document(doc, on)` returns a `DocumentActors`. It reads the whole parsed document
once, in order, and remembers every actor mention; its `.resolve(span)` then answers like
`ActorResolver.resolve` but also knows what "he", "their", "the Russian leader" and "the five
leaders" stand for. Each answer keeps the words of the document as `Actor.text` ("he") and says
in `Actor.why` where the antecedent came from ("pronoun 'he' -> Donald Trump (sentence 9)").

How the document is read (one pass in document order; a second pass once quotes have speakers):

* **Mentions.** Every noun phrase head is resolved with the resolver (`ActorResolver.resolve`).
  Each actor found is a mention; a phrase with several actors ("Erdogan and Putin") is also a
  group mention. Phrases that name no actor are kept as blockers: a plural noun ("the talks")
  can be what "they" means, a singular one what "it" means, an unknown PERSON entity who "he" is.
  Places ("in Turkey") and sources ("according to reports") are not antecedents.
* **Pronouns.** he/him/his/she/her (a person), they/them/their (a group or a plural actor),
  it/its (a country or an organisation) take the most salient compatible earlier mention:
  salience = recency (100 in the same sentence, halved for each sentence back, at most three
  back) + grammatical role (subject 80, object 50, other argument 40, other 30); a mention in a
  quotation loses 30 for a pronoun outside it. When the winner is a blocker, the pronoun names
  no actor. Inside a quotation whose speaker is clear ("X said, “I will ...”", "“...,” he said"),
  I/me/my stand for the speaker, we/us/our for the speaker's side (country and sector), and
  he/she never for the speaker.
* **Descriptions.** "the Russian leader", "the Turkish president", "the chancellor" (a definite,
  singular role word, with or without a country) take the most recent earlier person of that
  country whose role fits the word; with none in the document, a specific title with a country
  ("the French president") takes the knowledge base's only holder on the date. "the two leaders",
  "both presidents", "the five leaders" take the most recent group of exactly that many people,
  else the last that many distinct people; "the two countries" the last two countries; "the
  coalition" the most recent group.
* **Names.** A name the knowledge base lacks that repeats an earlier named actor ("Clarke" after
  "defence analyst Michael Clarke") is that actor.
* **Outlets.** A person without a country who speaks to a national news outlet ("Speaking to Sky
  News, defence analyst Michael Clarke ...", "... told the BBC") takes the outlet's country, as a
  presumption (organisations.tsv, column `reach`: `national`); international wires (Reuters, AP,
  AFP) give none. `Actor.why` says so.

New people named with a title and a country that the knowledge base lacks ("Chilean Foreign
Minister Ana Morales") are collected in `.candidates` with their sentence, for review.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dotterel.actors.kb import Organisation, words
from dotterel.actors.resolve import _LOCATIVE, _past_preposition
from dotterel.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dotterel.actors.resolve import ActorResolver


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


SG_PERSON = _wordset("he him his himself she her hers herself")
PLURAL = _wordset("they them their theirs themselves")
NEUTER = _wordset("it its itself")
FIRST_SG = _wordset("i me my mine myself")
FIRST_PL = _wordset("we us our ours ourselves")
PRONOUNS = SG_PERSON | PLURAL | NEUTER | FIRST_SG | FIRST_PL
# Other pronouns: not names, never an actor phrase's head (a name the tagger calls PRON is one).
_OTHER_PRONOUNS = _wordset(
    "you your yours yourself yourselves one oneself who whom whose what which that this these "
    "those something someone somebody anything anyone anybody everything everyone everybody "
    "nothing nobody none each either neither both all some any many much few several another "
    "other others such there here mine ours theirs"
)

# Dependencies of a noun that is part of a larger noun phrase (resolved with its head).
_INNER = _wordset("compound flat amod nn det nummod quantmod case predet prt nmod")
# Grammatical role -> salience.
_ROLE_WEIGHT = {"subj": 80, "obj": 50, "obl": 40, "poss": 40, "other": 30}
_SUBJ = _wordset("nsubj nsubjpass csubj csubjpass expl agent")
_OBJ = _wordset("dobj dative attr oprd")
_MAX_BACK = 3  # sentences a pronoun looks back
_QUOTE_PENALTY = 30
# Prepositions whose object is a place, not an actor ("in Turkey", "at the border").
_PLACE_PREPS = _wordset("in at near inside within across throughout around outside into")
# Verbs that introduce what someone said.
SPEECH_LEMMAS = _wordset(
    "say tell write add state declare announce post tweet note warn insist claim argue ask reply "
    "respond explain confirm stress emphasise emphasize call describe suggest comment continue "
    "conclude vow pledge promise urge admit acknowledge deny predict remark observe told quote "
    "threaten demand caution recall"
)
# Role words of a description and the role classes they accept.
_HEAD_STATE = "head_of_state"
_HEAD_GOV = "head_of_government"
_DESCRIPTIONS: dict[tuple[str, ...], frozenset[str]] = {
    ("leader",): frozenset({_HEAD_STATE, _HEAD_GOV}),
    ("head", "of", "state"): frozenset({_HEAD_STATE}),
    ("head", "of", "government"): frozenset({_HEAD_GOV}),
    ("president",): frozenset({_HEAD_STATE}),
    ("prime", "minister"): frozenset({_HEAD_GOV}),
    ("premier",): frozenset({_HEAD_GOV}),
    ("chancellor",): frozenset({_HEAD_GOV}),
    ("foreign", "minister"): frozenset({"foreign"}),
    ("foreign", "secretary"): frozenset({"foreign"}),
    ("defence", "minister"): frozenset({"defence"}),
    ("defense", "minister"): frozenset({"defence"}),
    ("defence", "secretary"): frozenset({"defence"}),
    ("defense", "secretary"): frozenset({"defence"}),
    ("king",): frozenset({"monarch"}),
    ("queen",): frozenset({"monarch"}),
    ("emir",): frozenset({"monarch"}),
}
# Titles specific enough to name the knowledge base's one holder when the document has none.
_KB_TITLES = {
    ("president",),
    ("prime", "minister"),
    ("premier",),
    ("chancellor",),
    ("foreign", "minister"),
    ("defence", "minister"),
    ("defense", "minister"),
}
# Plural nouns of "the two leaders", "both presidents".
_PEOPLE_GROUPS = _wordset(
    "leaders presidents ministers premiers chancellors heads men women officials statesmen "
    "counterparts"
)
_COUNTRY_GROUPS = _wordset("countries nations states neighbours neighbors governments capitals")
_COLLECTIVES = _wordset("coalition")
_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "both": 2,
}  # fmt: skip

_QUOTE_RE = re.compile(r"“[^“”]{1,3000}”|\"[^\"]{1,3000}\"")


def role_classes(role: str | None) -> set[str]:
    """Which description words a role answers to ('head of state' -> president, leader)."""
    r = (role or "").lower()
    out: set[str] = set()
    if not r or r.startswith(("former", "vice", "deputy", "first deputy")):
        return out
    head_state = "head of state" in r or r in ("president", "supreme leader")
    if (head_state or r.endswith(" president")) and "president of the" not in r:
        out.add(_HEAD_STATE)
    if "head of government" in r or r in ("prime minister", "premier", "chancellor"):
        out.add(_HEAD_GOV)
    if r.endswith("prime minister") or r.endswith("chancellor"):
        out.add(_HEAD_GOV)
    if "foreign" in r and ("minister" in r or "secretary" in r) or r == "secretary of state":
        out.add("foreign")
    if ("defence" in r or "defense" in r) and ("minister" in r or "secretary" in r):
        out.add("defence")
    if r in ("king", "queen", "emir", "monarch", "crown prince", "sultan"):
        out.add("monarch")
    if r == "leader" or r.endswith(" leader") and "opposition" not in r:
        out.add("leader")
    return out


# ----------------------------------------------------------------------------------------------
# Records
# ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    """One thing a pronoun or description can point back to, in document order."""

    actors: list[Actor]  # empty for a blocker
    token: int  # the head token
    sentence: int
    number: str  # "sg" or "pl"
    kind: str  # person, thing (country/organisation/role), group, blocker-person, blocker
    role: str  # subj, obj, obl, poss, other
    quote: int | None  # index of the quotation holding it
    origin: int  # the sentence of the first named mention in its chain
    text: str = ""


@dataclass(slots=True)
class QuoteSpan:
    """A quotation in the document and who said it (when clear)."""

    start: int  # character offsets, the quotation marks included
    end: int
    speaker: list[Actor] = field(default_factory=list)
    speaker_token: int | None = None


@dataclass(slots=True)
class Candidate:
    """A person named with a title and a country whom the knowledge base lacks."""

    name: str
    code: str
    country: str | None
    role: str | None
    text: str  # the words in the document
    sentence: int
    evidence: str  # the sentence
    date: dt.date | None = None

    def to_record(self) -> dict:
        return {
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "role": self.role,
            "text": self.text,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "date": self.date.isoformat() if self.date else None,
        }


def as_candidate(
    a: Actor, known: set, sentence: int, evidence: str, date: dt.date | None = None
) -> Candidate | None:
    """`a` as a new candidate actor: a name with a country and a role that the KB lacks."""
    if a.kb_id or not a.name or not a.country or not a.role or words(a.name) in known:
        return None
    return Candidate(a.name, a.code, a.country, a.role, a.text, sentence, evidence.strip(), date)


# ----------------------------------------------------------------------------------------------
# The document
# ----------------------------------------------------------------------------------------------


class DocumentActors:
    """Actors of one document, with coreference (see the module docstring)."""

    def __init__(self, resolver: ActorResolver, doc: Doc, on: dt.date | None = None):
        self.resolver = resolver
        self.kb = resolver.kb
        self.doc = doc
        self.on = on or dt.date.today()
        self.text = doc.text
        self._sent_of: list[int] = []
        self.sentences: list[Span] = []
        parsed = doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
        for i, sent in enumerate(doc.sents if parsed else [doc[:]]):
            self.sentences.append(sent)
            self._sent_of.extend([i] * len(sent))
        self._base_cache: dict[tuple[int, int], list[Actor]] = {}
        self._person_names = self.kb.person_names()
        self.quotes = self._find_quotes()
        self._quote_of = self._quote_index()
        self._speaker_tokens()
        self.mentions: list[Mention] = []
        self._seen: set[tuple] = set()
        self.candidates: list[Candidate] = []
        # Head token -> the actors coreference gives it (pronouns, descriptions, linked names).
        self.coref: dict[int, list[Actor]] = {}
        self._scan()
        if any(q.speaker_token is not None for q in self.quotes):
            self._speakers()
            self._scan()  # again, now that quotations have speakers
        self._collect_candidates()

    # -- public --------------------------------------------------------------------------------

    def resolve(self, span: Span) -> list[Actor]:
        """Every actor named in `span` (a noun phrase of this document), pronouns and
        descriptions resolved; the same contract as `ActorResolver.resolve`."""
        if not hasattr(span, "doc"):
            span = span[:]
        if len(span) == 0:
            return []
        span = _past_preposition(span)
        base = self._located(span, self._base(span))
        found: list[Actor] = []
        replaced: list[tuple[int, int]] = []
        owners: list[Actor] = []  # countries that coreference finds in an of-complement
        for tok in self._unit_heads(span):
            extra = self.coref.get(tok.i)
            if extra is None:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == span.root.i:
                owners.extend(extra)
            found.extend(extra)
            lo, hi = tok.idx, tok.idx + len(tok.text)
            replaced.append((lo, hi))
        out = [a for a in base if not any(a.start <= lo and hi <= a.end for lo, hi in replaced)]
        out = self._possessive_owner(span, out)
        out, found = self._owned_by_coref(span, out, found, owners)
        out.extend(found)
        out.sort(key=lambda a: a.start)
        return _dedupe(out)

    def _located(self, span: Span, actors: list[Actor]) -> list[Actor]:
        """A role word without a country whose place the phrase left out ("Rebels" of "Rebels
        in the Ivory Coast ..."): read it again with its 'in' phrase."""
        root = span.root
        if not any(_no_country(a) and a.start <= root.idx < a.end for a in actors):
            return actors
        locs = [
            c
            for c in root.children
            if c.dep_ == "prep"
            and (c.lower_ in _LOCATIVE or c.lower_ == "from")
            and not span.start <= c.i < span.end
        ]
        if not locs:
            return actors
        wider = self.doc[span.start : max(span.end, max(c.right_edge.i for c in locs) + 1)]
        again = self._base(wider)
        return again if any(a.country for a in again) else actors

    def _owned_by_coref(self, span, out, found, owners):
        """'the leaders of the two countries': the role word takes the countries."""
        roles = [a for a in out if _no_country(a) and a.start <= span.root.idx < a.end]
        if len(roles) != 1 or not owners or any(a.sector or not a.country for a in owners):
            return out, found
        role = roles[0]
        sector = role.code[3:]
        made = [
            replace(
                role,
                code=o.country + sector,
                country=o.country,
                name=None,
                why=f"{role.why}; country from {o.why}",
            )
            for o in owners
        ]
        keep = [a for a in out if a is not role]
        rest = [a for a in found if all(a is not o for o in owners)]
        return keep + made, rest

    def quote_of(self, token: Token) -> QuoteSpan | None:
        """The quotation `token` stands in, if any."""
        q = self._quote_of.get(token.i)
        return None if q is None else self.quotes[q]

    # -- helpers for resolve() -----------------------------------------------------------------

    def _base(self, span: Span) -> list[Actor]:
        key = (span.start, span.end)
        hit = self._base_cache.get(key)
        if hit is None:
            hit = self.resolver.resolve(span, self.on)
            self._base_cache[key] = hit
        return [replace(a) for a in hit]

    def _unit_heads(self, span: Span) -> list[Token]:
        """The span's root and the tokens joined to it as one phrase (conj, appos, possessors,
        'of'/'including' complements): where a pronoun or description can stand."""
        lo, hi = span.start, span.end
        out, stack = [], [span.root]
        while stack:
            tok = stack.pop()
            out.append(tok)
            for child in tok.children:
                if not (lo <= child.i < hi):
                    continue
                if child.dep_ in ("conj", "appos", "poss", "nmod"):
                    stack.append(child)
                elif child.dep_ == "prep" and child.lower_ in ("of", "including"):
                    stack.extend(g for g in child.children if g.dep_ == "pobj" and g.i < hi)
        return out

    def _possessive_owner(self, span: Span, actors: list[Actor]) -> list[Actor]:
        """'his administration': a role word without a country takes the possessor's country."""
        root = span.root
        poss = [c for c in root.children if c.dep_ == "poss" and c.lower_ in PRONOUNS]
        if not poss:
            return actors
        owners = self.coref.get(poss[0].i) or []
        countries = {a.country for a in owners if a.country}
        if len(countries) != 1:
            return actors
        (country,) = countries
        out = []
        for a in actors:
            if a.country is None and a.code.startswith("---") and a.start <= root.idx < a.end:
                sector = a.code[3:]
                a = replace(
                    a,
                    code=country + sector,
                    country=country,
                    why=a.why + f"; country {country} from '{poss[0].text}'",
                )
            out.append(a)
        return out

    # -- the pass ------------------------------------------------------------------------------

    def _scan(self) -> None:
        self.mentions = []
        self._by_sentence: dict[int, list[Mention]] = {}
        self._names: dict[tuple[str, ...], Mention] = {}
        self._surnames: dict[str, Mention] = {}
        self._seen = set()
        self.coref = {}
        doc = self.doc
        for tok in doc:
            low = tok.lower_
            if low in PRONOUNS and _is_pronoun(tok):
                if tok.dep_ != "expl":
                    self._pronoun(tok)
                continue
            if not (_nominal(tok) or self._kb_name(tok)) or not self._np_head(tok):
                continue
            self._detached(tok, self._phrase(tok))

    def _kb_name(self, tok: Token) -> bool:
        """A capitalised word the knowledge base knows as a person's name, whatever its tag."""
        if not tok.text[:1].isupper() or tok.lower_ in PRONOUNS | _OTHER_PRONOUNS:
            return False
        return any(e.kind in ("person", "surname") for e in self.kb.entries(tok.text))

    def _np_head(self, tok: Token) -> bool:
        """A noun that heads a phrase of its own: not a modifier or conjunct of another noun."""
        if tok.dep_ in _INNER | {"appos"} and tok.head.i != tok.i:
            return tok.head.pos_ not in ("NOUN", "PROPN", "PRON")
        return not (tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"))

    def _detached(self, head: Token, found: list[Actor]) -> None:
        """Appositions and noun modifiers that the head's phrase did not read as an actor are
        read alone (parses of news often hang a whole phrase on one: "the coalition secured
        Trump's backing" with "coalition" a modifier of "backing")."""
        roots = {self._token_at(a.start, a.end) for a in found}
        for child in head.children:
            if child.dep_ not in ("appos", "nmod") or not _nominal(child):
                continue
            if any(child.left_edge.i <= r <= child.right_edge.i for r in roots):
                continue
            self._detached(child, self._phrase(child))

    def _phrase(self, tok: Token) -> list[Actor]:
        """Read the phrase headed by `tok`; returns the actors it names."""
        doc = self.doc
        span = doc[tok.left_edge.i : tok.right_edge.i + 1]
        if span.root.i != tok.i:  # a broken subtree: the head alone
            span = doc[tok.i : tok.i + 1]
        sent = self._sent_of[tok.i]
        role = self._role(tok)
        quote = self._quote_of.get(tok.i)
        low = tok.lower_

        # Descriptions first: they stand for earlier actors.
        desc = self._description(tok, span)
        if desc is not None:
            actors, why_of, origin = desc
            if actors:
                text = self._np_text(tok)
                start, end = self._np_chars(tok)
                self.coref[tok.i] = [
                    replace(a, text=text, start=start, end=end, why=why_of(a)) for a in actors
                ]
                number = "pl" if len(actors) > 1 or tok.tag_ in ("NNS", "NNPS") else "sg"
                kind = "group" if number == "pl" else self._kind(actors[0])
                self._add(self.coref[tok.i], tok.i, sent, number, kind, role, quote, origin)
                return self.coref[tok.i]

        found = self._base(span)
        actors = [a for a in found if not self._covered(a)]
        if found and not actors:
            if len(found) > 1 and not any(
                m.kind == "group" and m.sentence == sent and _same(m.actors, found)
                for m in self.mentions
            ):
                self._add(found, tok.i, sent, "pl", "group", role, quote, sent)
            return found
        if not actors:
            linked = self._linked_name(tok, span)
            if linked is not None:
                a, origin = linked
                start, end = self._np_chars(tok)
                text = self.text[start:end]
                copy = replace(
                    a,
                    text=text,
                    start=start,
                    end=end,
                    why=f"name '{text}' -> {a.name} (sentence {origin})",
                )
                self.coref[tok.i] = [copy]
                self._add([copy], tok.i, sent, "sg", "person", role, quote, origin)
                return [copy]
            if role == "place":
                return []
            if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
                self._add([], tok.i, sent, "sg", "blocker-person", role, quote, sent)
            elif tok.tag_ in ("NNS", "NNPS") or low in _COLLECTIVES:
                self._add([], tok.i, sent, "pl", "blocker", role, quote, sent)
            elif tok.pos_ == "NOUN":
                self._add([], tok.i, sent, "sg", "blocker", role, quote, sent)
            return []

        actors = [self._outlet_country(a, tok) for a in actors]
        if role == "place" and all(a.country and not a.sector for a in actors):
            return found  # "in Turkey": where, not who
        if any(a.why.startswith("country from the outlet") for a in actors):
            self.coref[tok.i] = actors
        if len(found) > 1:
            found = [self._outlet_country(a, tok) for a in found]
            self._add(found, tok.i, sent, "pl", "group", role, quote, sent)
        for a in actors:
            head = self._token_at(a.start, a.end)
            number = "pl" if self.doc[head].tag_ in ("NNS", "NNPS") else "sg"
            kind = self._kind(a)
            self._add([a], head, sent, number, kind, role, quote, sent)
        return found

    def _backwards(self):
        """The mentions so far, the latest in the document first (in the order they were read,
        which is the document's but for a phrase's detached parts)."""
        return reversed(self.mentions)

    def _covered(self, a: Actor) -> bool:
        """An actor already found at the same place by a larger phrase."""
        return (a.start, a.code, a.name) in self._seen

    def _add(self, actors, token, sent, number, kind, role, quote, origin) -> None:
        text = self.doc[token].text
        self._seen.update((a.start, a.code, a.name) for a in actors)
        m = Mention(list(actors), token, sent, number, kind, role, quote, origin, text)
        self.mentions.append(m)
        self._by_sentence.setdefault(sent, []).append(m)
        if kind == "person" and len(actors) == 1 and actors[0].name:
            name = words(actors[0].name)  # the latest person of each name and surname
            if name:
                self._names[name] = m
                self._surnames[name[-1]] = m

    # -- pronouns ------------------------------------------------------------------------------

    def _pronoun(self, tok: Token) -> None:
        low = tok.lower_
        sent = self._sent_of[tok.i]
        quote = self._quote_of.get(tok.i)
        role = self._role(tok)
        start, end = tok.idx, tok.idx + len(tok.text)
        if low in FIRST_SG or low in FIRST_PL:
            q = self.quotes[quote] if quote is not None else None
            if q is None or not q.speaker:
                return
            speaker = q.speaker
            if low in FIRST_SG:
                if len(speaker) != 1:
                    return
                actors = [
                    replace(
                        speaker[0],
                        text=tok.text,
                        start=start,
                        end=end,
                        why=f"'{tok.text}' in a quotation of {_label(speaker[0])}",
                    )
                ]
            else:
                actors = []
                for a in speaker:
                    if not a.country:
                        continue
                    sector = a.sector if a.sector and a.sector != ["ELI"] else []
                    actors.append(
                        Actor(
                            text=tok.text,
                            code=a.country + "".join(sector),
                            name=None,
                            country=a.country,
                            sector=list(sector),
                            start=start,
                            end=end,
                            why=f"'{tok.text}' in a quotation of {_label(a)}: their side",
                        )
                    )
                if not actors:
                    return
            self.coref[tok.i] = _dedupe(actors)
            number = "sg" if low in FIRST_SG else "pl"
            kind = "person" if low in FIRST_SG else "group"
            self._add(self.coref[tok.i], tok.i, sent, number, kind, role, quote, sent)
            return

        if low in SG_PERSON:
            want = ("person", "blocker-person")
        elif low in PLURAL:
            want = ("group", "pl-thing", "blocker")
        else:
            want = ("thing", "blocker")
        exclude = None
        if quote is not None and low in SG_PERSON and self.quotes[quote].speaker:
            exclude = {_identity(a) for a in self.quotes[quote].speaker}
        clause_subject = self._clause_subject_of_object(tok)
        if clause_subject is not None:
            # "Trump called Erdogan and urged him": an object pronoun is not its own
            # clause's subject (else it would be "himself").
            exclude = (exclude or set()) | {_identity(a) for a in clause_subject}
        best = self._antecedent(tok, want, low in PLURAL, quote, exclude)
        if best is None or not best.actors:
            return
        actors = [
            replace(
                a,
                text=tok.text,
                start=start,
                end=end,
                why=f"pronoun '{tok.text}' -> {_label(a)} (sentence {best.origin})",
            )
            for a in best.actors
        ]
        self.coref[tok.i] = actors
        number = "pl" if low in PLURAL else "sg"
        kind = best.kind if best.kind != "pl-thing" else "group"
        self._add(actors, tok.i, sent, number, kind, role, quote, best.origin)

    def _clause_subject_of_object(self, tok: Token) -> list[Actor] | None:
        """The actors of the subject of the verb whose object `tok` is, if any."""
        if tok.dep_ in ("dobj", "dative"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative"):
            verb = tok.head.head
        else:
            return None
        subject = _subject(verb)
        if subject is None or subject.i == tok.i:
            return None
        sent = self._sent_of[subject.i]
        for m in self._by_sentence.get(sent, []):
            if m.token == subject.i and m.actors:
                return m.actors
        return None

    def _antecedent(
        self,
        tok: Token,
        want: tuple[str, ...],
        plural: bool,
        quote: int | None,
        exclude: set | None,
    ) -> Mention | None:
        sent = self._sent_of[tok.i]
        best, best_score = None, None
        near = [
            m
            for n in range(max(sent - _MAX_BACK, 0), sent + 1)
            for m in self._by_sentence.get(n, [])
        ]
        for m in near:
            if m.token >= tok.i or m.role in ("place", "source"):
                continue
            kind = m.kind
            if plural and m.number == "pl" and kind in ("thing", "person"):
                kind = "pl-thing"  # "Russian officials", "the Russians"
            if kind not in want:
                continue
            if not plural and m.number == "pl":
                continue
            if plural and kind == "blocker" and m.number != "pl":
                continue
            if not plural and kind == "blocker" and m.number != "sg":
                continue
            if exclude and m.actors and all(_identity(a) in exclude for a in m.actors):
                continue
            score = 100 / 2 ** (sent - m.sentence) + _ROLE_WEIGHT.get(m.role, 30)
            if m.quote is not None and m.quote != quote:
                score -= _QUOTE_PENALTY
            if best_score is None or score >= best_score:
                best, best_score = m, score
        return best

    # -- descriptions --------------------------------------------------------------------------

    def _description(self, tok: Token, span: Span):
        """(actors, why maker, origin sentence) when `tok` heads a description; else None."""
        low = tok.lower_
        children = list(tok.children)
        dets = [c for c in children if c.dep_ in ("det", "predet")]
        definite = any(c.lower_ in ("the", "both", "this", "these") for c in dets)
        nums = [c for c in children if c.dep_ == "nummod" and c.lower_ in _NUMBERS]
        both = [c for c in children if c.lower_ == "both" and c.dep_ in ("det", "predet")]
        sent = self._sent_of[tok.i]
        if any(c.dep_ in ("prep", "relcl", "acl") for c in children):
            return None
        if any(c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in tok.subtree):
            return None
        # "the two leaders", "both presidents", "the two countries"
        if (nums or both) and tok.tag_ in ("NNS", "NNPS") and (definite or both):
            n = _NUMBERS[(nums or both)[0].lower_]
            if low in _PEOPLE_GROUPS:
                found = self._last_people(tok.i, n)
                if found:
                    actors, origin = found
                    return actors, _why(f"'{self._np_text(tok)}'", origin), origin
            if low in _COUNTRY_GROUPS:
                found = self._last_countries(tok.i, n)
                if found:
                    actors, origin = found
                    return actors, _why(f"'{self._np_text(tok)}'", origin), origin
            return None
        if not definite:
            return None
        if low in _COLLECTIVES and tok.tag_ == "NN":
            group = self._last_group(tok.i)
            if group is None:
                return None
            return group.actors, _why(f"'{self._np_text(tok)}'", group.origin), group.origin
        if tok.tag_ != "NN":
            return None
        # "the Russian leader", "the Turkish president", "the chancellor"
        base = self._base(span)
        if len(base) != 1 or base[0].name is not None:
            return None
        a = base[0]
        role_key = self._role_key(tok)
        if role_key is None:
            return None
        classes = _DESCRIPTIONS[role_key]
        country = a.country
        found = self._last_person(tok.i, country, classes)
        if found is not None:
            m = found
            return m.actors, _why(f"description '{self._np_text(tok)}'", m.origin), m.origin
        if country and role_key in _KB_TITLES:
            person = self._kb_holder(country, classes)
            if person is not None:
                holder = self.resolver._person_actor(person, self.on, "", -1, -1)

                def why(x: Actor, _c=country) -> str:
                    return (
                        f"description '{self._np_text(tok)}' -> {x.name} "
                        f"(knowledge base: {x.role} of {_c} on {self.on.isoformat()})"
                    )

                return [holder], why, sent
        return None

    def _role_key(self, tok: Token) -> tuple[str, ...] | None:
        """The description's role words ('prime minister', 'leader'): every word before the head
        but the determiner and a country word must be part of them ('the opposition leader' is
        not 'the leader')."""
        lows: list[str] = []
        for t in self.doc[tok.left_edge.i : tok.i + 1]:
            if t.dep_ in ("det", "predet", "case", "punct") or t.i == tok.i:
                if t.i == tok.i:
                    lows.append(t.lower_)
                continue
            if t.dep_ == "poss" or self.kb.country(t.text) is not None:
                continue  # "Russia's", "the Russian"
            lows.append(t.lower_)
        key = tuple(lows)
        return key if key in _DESCRIPTIONS else None

    def _last_person(self, before: int, country: str | None, classes: frozenset[str]):
        sent = self._sent_of[before]
        for m in self._backwards():
            if m.token >= before or m.kind != "person" or len(m.actors) != 1:
                continue
            a = m.actors[0]
            if country and a.country != country:
                continue
            if not country and sent - m.sentence > _MAX_BACK:
                continue
            have = role_classes(a.role)
            if "leader" in have and classes & {_HEAD_STATE, _HEAD_GOV}:
                have |= {_HEAD_STATE, _HEAD_GOV}
            if have & classes:
                return m
        return None

    def _kb_holder(self, country: str, classes: frozenset[str]):
        holders = []
        for p in self.kb.people.values():
            for r in p.roles_on(self.on):
                if r.country == country and role_classes(r.role) & classes:
                    holders.append(p)
                    break
        return holders[0] if len(holders) == 1 else None

    def _last_people(self, before: int, n: int):
        sent = self._sent_of[before]
        for m in self._backwards():
            if m.token >= before or sent - m.sentence > _MAX_BACK + 2:
                continue
            people = _dedupe([a for a in m.actors if self._kind(a) == "person"])
            if m.kind == "group" and len(people) == n:
                return people, m.origin
        # No group of that size: the last n distinct people.
        seen: set = set()
        out: list[tuple[int, Actor]] = []
        origin = sent
        for m in self._backwards():
            if m.token >= before or m.kind != "person" or len(m.actors) != 1:
                continue
            key = _identity(m.actors[0])
            if key not in seen:
                seen.add(key)
                out.append((m.token, m.actors[0]))
                origin = m.origin
            if len(out) == n:
                return [a for _, a in sorted(out, key=lambda x: x[0])], origin
        return None

    def _last_countries(self, before: int, n: int):
        seen: list[str] = []
        origin = self._sent_of[before]
        for m in self._backwards():
            if m.token >= before or m.kind == "group":
                continue
            for a in m.actors:
                if a.country and a.country not in seen:
                    seen.append(a.country)
                    origin = m.origin
            if len(seen) >= n:
                break
        if len(seen) < n:
            return None
        out = []
        for iso3 in reversed(seen[:n]):
            c = self.kb.countries.get(iso3)
            out.append(Actor(text="", code=iso3, name=c.name if c else iso3, country=iso3))
        return out, origin

    def _last_group(self, before: int) -> Mention | None:
        sent = self._sent_of[before]
        for m in self._backwards():
            if m.token < before and m.kind == "group" and sent - m.sentence <= _MAX_BACK:
                return m
        return None

    # -- names and outlets ---------------------------------------------------------------------

    def _linked_name(self, tok: Token, span: Span) -> tuple[Actor, int] | None:
        """'Clarke' after 'Michael Clarke': the same named actor."""
        if tok.pos_ != "PROPN":
            return None
        name_toks = [t for t in span if t.pos_ == "PROPN" and t.head.i in (tok.i, t.i)]
        key = words(" ".join(t.text for t in name_toks)) or words(tok.text)
        if not key:
            return None
        m = self._names.get(key) or (self._surnames.get(key[0]) if len(key) == 1 else None)
        if m is None or m.token >= tok.i:
            return None
        return m.actors[0], m.origin

    def _outlet_country(self, a: Actor, tok: Token) -> Actor:
        """A person without a country speaking to a national outlet takes its country."""
        if a.country or not a.name or not a.code.startswith("---"):
            return a
        if self._kind(a) != "person":
            return a
        outlet = self._outlet_spoken_to(tok)
        if outlet is None or not outlet.country:
            return a
        sector = a.code[3:]
        return replace(
            a,
            code=outlet.country + sector,
            country=outlet.country,
            why=(
                f"country from the outlet spoken to: {outlet.name} ({outlet.country}), a "
                f"national outlet; {a.why}"
            ),
        )

    def _outlet_spoken_to(self, tok: Token) -> Organisation | None:
        """The national outlet the subject `tok` speaks to: 'Speaking to Sky News, X said',
        'X told the BBC', 'in an interview with CNN, X said'."""
        top = tok
        while top.dep_ in ("conj", "appos") and top.head.i != top.i:
            top = top.head
        if top.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = top.head
        clauses = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "prep")]
        for clause in clauses:
            objects = []
            if clause.lemma_ in ("tell", "speak", "talk", "say") or clause.lower_ == "told":
                objects += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
                for prep in clause.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        objects += [g for g in prep.children if g.dep_ == "pobj"]
            elif clause.dep_ == "prep" and clause.lower_ == "in":
                # "in an interview with CNN"
                for g in clause.children:
                    if g.dep_ == "pobj" and g.lemma_ == "interview":
                        for prep in g.children:
                            if prep.dep_ == "prep" and prep.lower_ == "with":
                                objects += [x for x in prep.children if x.dep_ == "pobj"]
            for obj in objects:
                org = self._outlet(obj)
                if org is not None:
                    return org
        return None

    def _outlet(self, tok: Token) -> Organisation | None:
        span = self.doc[tok.left_edge.i : tok.right_edge.i + 1]
        org = self.kb.organisation(span.text) or self.kb.organisation(
            " ".join(t.text for t in span if t.dep_ != "det")
        )
        if org is None or not org.country or "MED" not in org.sector:
            return None
        return org if getattr(org, "reach", "") == "national" else None

    # -- quotations ----------------------------------------------------------------------------

    def _find_quotes(self) -> list[QuoteSpan]:
        return [QuoteSpan(m.start(), m.end()) for m in _QUOTE_RE.finditer(self.text)]

    def _quote_index(self) -> dict[int, int]:
        out: dict[int, int] = {}
        n = 0
        for tok in self.doc:
            while n < len(self.quotes) and self.quotes[n].end - 1 <= tok.idx:
                n += 1
            if n == len(self.quotes):
                break
            q = self.quotes[n]
            if q.start < tok.idx < q.end - 1:
                out[tok.i] = n
        return out

    def _speakers(self) -> None:
        """Who said each quotation, from the pass's mentions: the subject of the speech verb
        just before it in its sentence ('X said, “...”'), else just after it ('“...,” he said')."""
        by_token: dict[int, list[Actor]] = {}
        for m in self.mentions:
            if m.actors and m.kind in ("person", "group", "thing"):
                by_token.setdefault(m.token, m.actors)
        for q in self.quotes:
            if q.speaker_token is None:
                continue
            tok = self.doc[q.speaker_token]
            found = self.coref.get(tok.i) or by_token.get(tok.i)
            if found is None:
                span = self.doc[tok.left_edge.i : tok.right_edge.i + 1]
                found = self._base(span)
            q.speaker = [a for a in found if a.name or a.country]

    def _speaker_tokens(self) -> None:
        doc = self.doc
        for q in self.quotes:
            inside = doc.char_span(q.start, q.end, alignment_mode="contract")
            if inside is None or len(inside) == 0:
                continue
            first, last = inside[0], inside[-1]
            q.speaker_token = self._speech_subject_after(last) or self._speech_subject_before(first)

    def _speech_subject_after(self, last: Token) -> int | None:
        sent = self.sentences[self._sent_of[last.i]]
        after = [t for t in sent if t.i > last.i and self._quote_of.get(t.i) is None][:4]
        for t in after:
            if t.pos_ == "VERB" and t.lemma_ in SPEECH_LEMMAS:
                subj = _subject(t)
                return subj.i if subj is not None else None
        return None

    def _speech_subject_before(self, first: Token) -> int | None:
        sent = self.sentences[self._sent_of[first.i]]
        for t in reversed([t for t in sent if t.i < first.i]):
            if self._quote_of.get(t.i) is not None:
                return None  # another quotation in between
            if t.pos_ == "VERB" and t.lemma_ in SPEECH_LEMMAS:
                subj = _subject(t)
                return subj.i if subj is not None else None
        return None

    # -- grammar helpers -----------------------------------------------------------------------

    def _role(self, tok: Token) -> str:
        top = tok
        for _ in range(8):
            if top.dep_ in ("conj", "appos", "compound", "flat", "nmod") and top.head.i != top.i:
                top = top.head
            else:
                break
        dep = top.dep_
        if dep in _SUBJ:
            return "subj"
        if dep in _OBJ:
            return "obj"
        if dep == "poss":
            return "poss"
        if dep == "pobj":
            prep = top.head
            if prep.lower_ == "to" and prep.head.lower_ == "according":
                return "source"
            if prep.lower_ in _PLACE_PREPS:
                return "place"
            if prep.lower_ == "by" and prep.dep_ == "agent":
                return "subj"
            return "obl"
        return "other"

    def _np_chars(self, tok: Token) -> tuple[int, int]:
        """The noun phrase's own words: the head and what stands before it."""
        left = tok.left_edge
        toks = [t for t in self.doc[left.i : tok.i + 1] if not (t.is_punct and t.i == left.i)]
        first = toks[0] if toks else tok
        end = tok.idx + len(tok.text)
        # A possessive ending belongs to the phrase but not to the actor's words.
        return first.idx, end

    def _np_text(self, tok: Token) -> str:
        start, end = self._np_chars(tok)
        return self.text[start:end]

    def _token_at(self, start: int, end: int) -> int:
        """The head token of the characters [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 0
        return span.root.i

    def _kind(self, a: Actor) -> str:
        """person (a named individual: a KB person, or a name the parser takes for a person's),
        else thing (a country, an organisation, a role word)."""
        if not a.name:
            return "thing"
        if words(a.name) in self._person_names:
            return "person"
        if a.start < 0:
            return "thing"
        if self.kb.entries(a.name):
            return "thing"  # the name of a country, organisation or place
        span = self.doc.char_span(a.start, a.end, alignment_mode="expand")
        name = set(words(a.name))
        if span is not None and any(
            t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and a.role)
            for t in span
            if words(t.text) and words(t.text)[0] in name
        ):
            return "person"
        return "thing"

    # -- candidates ----------------------------------------------------------------------------

    def _collect_candidates(self) -> None:
        seen: set[tuple[str, str]] = set()
        for m in self.mentions:
            if m.kind != "person" or len(m.actors) != 1 or m.token in self.coref:
                continue
            a = m.actors[0]
            found = as_candidate(
                a, self._person_names, m.sentence, self.sentences[m.sentence].text, self.on
            )
            if found is None or (a.name, a.code) in seen:
                continue
            seen.add((a.name, a.code))
            self.candidates.append(found)


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------


def _no_country(a: Actor) -> bool:
    """A role word that names no country ('---REB')."""
    return a.country is None and a.code.startswith("---") and len(a.code) > 3


def _nominal(tok: Token) -> bool:
    """A noun or a name (the tagger sometimes calls a name such as 'Macron' a pronoun)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return (
        tok.pos_ in ("PRON", "ADV", "ADJ", "VERB", "X")
        and tok.text[:1].isupper()
        and tok.lower_ not in PRONOUNS | _OTHER_PRONOUNS
        and tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    )


def _is_pronoun(tok: Token) -> bool:
    if tok.text == "US" or tok.text == "U.S.":
        return False
    return tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$")


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`, inherited through participles and coordination."""
    tok = verb
    for _ in range(6):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                    return tok.head
                return child
        if tok.dep_ in ("advcl", "conj", "xcomp", "ccomp", "acl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def _same(a: list[Actor], b: list[Actor]) -> bool:
    return [(x.code, x.name) for x in a] == [(x.code, x.name) for x in b]


def _identity(a: Actor) -> tuple:
    return (a.kb_id or a.name, a.code if not a.kb_id else "")


def _label(a: Actor) -> str:
    return a.name or a.code


def _why(what: str, origin: int):
    def make(a: Actor) -> str:
        return f"{what} -> {_label(a)} (sentence {origin})"

    return make


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.code, a.name, a.kb_id)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
